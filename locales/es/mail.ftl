# Correos
mail-greeting = Hola, { $name }:
mail-greeting-anonymous = Hola:
mail-signature = El equipo de formación, { $organisation }
mail-times-in-zone = Los horarios están en la zona horaria { $zone }.
meeting-when = { $date }, { $start }–{ $end }
mail-place = Lugar: { $place }
mail-broadcast-from = { $name }, en nombre de la organización
mail-session-changed-subject = Cambios en su formación: { $course }
mail-session-changed-body = Los horarios o el lugar de su sesión de formación han cambiado. Así queda ahora; el archivo de calendario adjunto actualiza su agenda.
mail-calendar-attached = El archivo adjunto (invite.ics) añade estas clases a su agenda.
mail-session-cancelled-subject = Cancelada: { $course }
mail-session-cancelled-body = Lo sentimos: esta sesión de formación se ha cancelado. No tiene que hacer nada; el archivo adjunto la elimina de su agenda.
mail-calendar-cancel-attached = El archivo adjunto (invite.ics) elimina estas clases de su agenda.
mail-meetings-withdrawn-subject = Clases retiradas de su formación: { $course }
mail-meetings-withdrawn-body = Estas clases de su formación no se celebrarán:
mail-meetings-withdrawn-remaining = La formación tal como queda ahora:
mail-calendar-withdrawn-attached = El archivo adjunto (invite.ics) elimina de su agenda las clases retiradas.
mail-online = En línea
mail-online-link = Enlace para conectarse: { $url }
mail-online-link-label = Enlace para conectarse:
mail-confirmed-subject = Su plaza está confirmada: { $course }
mail-confirmed-body = Su plaza en esta sesión de formación está confirmada. Estas son sus clases.
mail-reminder-subject = Próximamente: { $course }
mail-reminder-body = Un recordatorio: su sesión de formación empieza pronto.
mail-manage-link-label = Para consultar o cancelar su inscripción:
mail-manage-link-text = mi inscripción
mail-promoted-body = Buenas noticias: se ha liberado una plaza y es suya. Su plaza en esta sesión de formación está confirmada.
mail-requested-subject = Confirme su inscripción: { $course }
mail-requested-body = Hemos recibido una inscripción a esta sesión de formación con su dirección de correo. Para confirmarla, siga este enlace { $hours ->
    [one] en la próxima hora
   *[other] en las próximas { $hours } horas
}:
mail-requested-button = Confirmar mi inscripción
mail-requested-ignore = Si no la ha solicitado, ignore este mensaje: no ocurre nada sin su confirmación.
mail-already-subject = Ya está inscrito/a: { $course }
mail-already-confirmed = Alguien, probablemente usted, ha vuelto a pedir la inscripción de esta dirección en esta sesión. Ya tiene plaza; no ha cambiado nada.
mail-already-waitlisted = Alguien, probablemente usted, ha vuelto a pedir la inscripción de esta dirección en esta sesión. Ya está en la lista de espera, en el puesto { $position }; no ha cambiado nada.
mail-waitlisted-subject = En lista de espera: { $course }
mail-waitlisted-body = La sesión está completa, así que está en su lista de espera, en el puesto { $position }. Cuando se libere una plaza será para la primera persona en espera, y le escribiremos enseguida.
mail-cancelled-subject = Inscripción cancelada: { $course }
mail-cancelled-by-you = Su inscripción en esta sesión de formación está cancelada, como pidió.
mail-cancelled-by-organiser = El equipo organizador ha cancelado su inscripción en esta sesión de formación. Escríbale si cree que se trata de un error.
mail-cancelled-again = Puede volver a inscribirse desde la página de la sesión mientras la inscripción esté abierta.
mail-sign-in-subject = Su enlace a «Mis formaciones»
mail-sign-in-body = Siga este enlace para ver sus formaciones. Funciona una sola vez, durante { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}:
mail-sign-in-button = Abrir mis formaciones
mail-sign-in-ignore = Si no lo ha pedido, ignore este mensaje.
mail-absence-subject = Su asistencia: { $course }
mail-absence-organiser-subject = Personas que ya no pueden completar: { $course }
mail-absence-body = Con las sesiones a las que no ha asistido, ya no puede alcanzar el { $percent } % de asistencia que esta formación exige para su certificado. Si algo se lo impidió, escriba al equipo organizador: le dirá qué es posible.
mail-check-in-subject = Su código para registrar la asistencia: { $code }
mail-check-in-body = Escriba este código en su teléfono para registrar su asistencia. Funciona una vez, durante { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}:
mail-absence-organiser = Con las sesiones a las que no ha asistido, { $name } ya no puede alcanzar el { $percent } % de asistencia que exige esta formación. También se le ha informado.
mail-absence-digest = Con las sesiones a las que no han asistido, estas personas ya no pueden alcanzar el { $percent } % de asistencia que exige esta formación:
mail-absence-digest-told = También se ha informado a cada una.
mail-survey-subject = ¿Qué le ha parecido? { $course }
mail-survey-reminder-subject = Recordatorio: ¿qué le ha parecido? { $course }
mail-survey-body = Gracias por participar en esta formación. Cuéntenos qué le ha parecido: son cinco minutos y ayuda al equipo formador y organizador a mejorarla.
mail-survey-reminder-body = Aún no ha respondido a la encuesta sobre esta formación. Son cinco minutos, y cada respuesta cuenta.
mail-survey-button = Responder a la encuesta
mail-survey-closes = La encuesta se cierra el { $date }.
mail-survey-anonymous = Sus respuestas son anónimas: se guardan sin su nombre y nadie puede saber qué ha respondido.
mail-certificate-subject = Su certificado: { $course }
mail-certificate-body = Enhorabuena: ha completado esta formación y su certificado (número { $number }) está listo. Descárguelo aquí:
mail-certificate-button = Descargar mi certificado (PDF)
mail-certificate-verify = Cualquiera puede comprobar que es auténtico en:
mail-certificate-revoked-subject = Su certificado ha sido revocado: { $course }
mail-certificate-revoked-body = La organización ha revocado su certificado número { $number }: ya no es válido.
mail-certificate-revoked-reason = Su motivo: { $reason }
mail-certificate-revoked-verify = Quien lo compruebe ahora leerá que fue revocado, en:

mail-erasure-subject = Confirme la supresión de sus datos
mail-erasure-body = Ha pedido que suprimamos sus datos personales. Siga este enlace para confirmarlo; funciona durante { $hours } horas. Una vez confirmada, la supresión no se puede deshacer:
mail-erasure-button = Confirmar la supresión
mail-erasure-ignore = Si no lo ha pedido, ignore este mensaje: no se suprimirá nada.
