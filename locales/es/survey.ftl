# Responder a una encuesta, y sus resultados.
survey-title = Su opinión sobre la formación
survey-intro = Cinco minutos que ayudan al equipo formador y organizador a mejorar las próximas sesiones. Las preguntas marcadas con * necesitan respuesta.
survey-anonymous = Sus respuestas se guardan sin su nombre: nadie puede saber qué ha respondido.
survey-submit = Enviar mis respuestas
survey-thanks = Gracias: sus respuestas se han registrado. Este enlace ya no puede usarse.
survey-closed = Esta encuesta está cerrada.
survey-results-title = Encuesta de satisfacción
survey-state = La encuesta
survey-open-since = Abierta desde el { $opened } hasta el { $closes }.
survey-not-open = Aún no está abierta: se abre sola cuando termina la última sesión, o ahora con el botón de abajo.
survey-template = Cuestionario
survey-invitees = A quién se invita
survey-invitees-participants = Las personas participantes (que participaron al menos en una sesión, también en parte de una sesión en línea)
survey-invitees-confirmed = Todas las personas con plaza confirmada
survey-open = Abrir la encuesta ahora
survey-invite-more = Invitar a quienes aún no lo están
survey-opened = La encuesta está abierta; las invitaciones están en camino.
survey-invited = { $count ->
    [one] invitada
   *[other] invitadas
}
survey-answered = { $count ->
    [one] respuesta
   *[other] respuestas
}
survey-response-rate = tasa de respuesta
survey-withheld = Han respondido menos de 3 personas: los resultados aún no se muestran, para que nadie pueda ser reconocido.
survey-no-answers = Aún no ha respondido nadie.
survey-download = Descargar los resultados (CSV)
survey-mean = Media { $mean } sobre 5, con { $count ->
    [one] una respuesta
   *[other] { $count } respuestas
}
survey-distribution = Respuestas ({ $count })
survey-no-texts = Ninguna respuesta escrita.
survey-csv-question = Pregunta
survey-csv-value = Respuesta
survey-csv-count = Número
survey-csv-mean = Media
error-survey-closed = Esta encuesta está cerrada.
error-survey-answered = Ya se ha respondido a esta encuesta con este enlace.
survey-reminder-days = Recordar a quienes no han respondido tras (días)
survey-open-days = Cerrar la encuesta tras (días)
error-reminder-after-close = El recordatorio debe enviarse antes de que se cierre la encuesta.
nav-surveys = Encuestas
survey-past-session = Esta edición se registró a posteriori: Aula no escribe a ninguno de sus participantes, así que no envía encuesta, y sus certificados no la piden.
error-survey-past-session = Una edición registrada a posteriori no escribe a nadie: su encuesta no se puede enviar.
