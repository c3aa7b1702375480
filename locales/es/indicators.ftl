nav-indicators = Indicadores
indicators-title = Indicadores
indicators-programme = Programa
indicators-course = Curso
indicators-session = Edición
indicators-modality = Modalidad
indicators-region = Región de los participantes
indicators-audience = Colectivo de los participantes
indicators-from = Periodo desde el
indicators-to = Periodo hasta el
indicators-show = Mostrar
indicators-everything = Todos los programas
indicators-generated = datos del { $date }
indicators-headline = Cifras principales
indicators-registrations = Inscripciones
indicators-registered-people = Personas inscritas
indicators-participants = Inscripciones con asistencia
indicators-completions = Cursos completados
indicators-beneficiaries = Personas beneficiarias
indicators-completion-rate = Tasa de finalización (%)
indicators-training-hours = Horas de formación
indicators-satisfaction-mean = Satisfacción media (sobre 5)
indicators-satisfaction-count = Respuestas de satisfacción
indicators-survey-response-rate = Tasa de respuesta a la encuesta (%)
indicators-certificates-issued = Certificados emitidos
indicators-certificates-revoked = Certificados revocados
indicators-sessions-held = Ediciones celebradas
indicators-venues = Sedes
indicators-workplaces = Centros de trabajo
indicators-regions = Regiones
indicators-note-registrations = personas con plaza o en lista de espera; { $count ->
    [one] { $count } inscripción
   *[other] { $count } inscripciones
}
indicators-note-completions = personas que completaron un curso; { $count ->
    [one] { $count } curso completado
   *[other] { $count } cursos completados
}
indicators-note-completion-rate = de { $count ->
    [one] { $count } inscripción confirmada
   *[other] { $count } inscripciones confirmadas
} en ediciones celebradas
indicators-note-answers = { $count ->
    [one] { $count } respuesta
   *[other] { $count } respuestas
}
indicators-note-participants = inscripciones que participaron en una sesión al menos (presentes, con retraso, o conectadas parte de una sesión en línea): quien asistió a dos ediciones cuenta dos veces
indicators-note-anonymous = respuestas anónimas: no se conocen por región ni colectivo
indicators-note-response-rate = { $answered ->
    [one] { $answered } respuesta
   *[other] { $answered } respuestas
} a { $invited ->
    [one] { $invited } invitación
   *[other] { $invited } invitaciones
}
indicators-note-revoked = revocados después: { $count }
indicators-out-of-five = { $mean } / 5
indicators-region-names = Los participantes procedían de: { $names }.
indicators-download-totals = Descargar las cifras principales (CSV)
indicators-download-semicolon = CSV con punto y coma, para hojas de cálculo con coma decimal
indicators-download-workbook = Todo el cuadro de mando en un libro de Excel (XLSX)
indicators-download-table = Descargar «{ $table }» (CSV)
indicators-chart-region = Inscripciones con asistencia por región
indicators-chart-course = Tasa de finalización por curso
indicators-chart-month = Inscripciones por mes de inicio de la edición
indicators-satisfaction-distribution = Satisfacción general: respuestas por puntuación
indicators-by-region = Región
indicators-by-audience = Colectivo
indicators-by-modality = Modalidad
indicators-by-course = Curso
indicators-by-month = Mes
indicators-chart-quarter = Horas de formación por trimestre
indicators-by-quarter = Trimestre
indicators-quarter-label = T{ $quarter } { $year }
indicators-period-help-title = Cómo caen las cifras en un periodo
indicators-period-help = Cada cifra cuenta en el periodo de su propia fecha (UTC). Inscripciones: la primera sesión de su edición. Inscripciones con asistencia, horas de formación, centros de trabajo y regiones: las sesiones asistidas. Cursos completados, tasa de finalización, encuestas, satisfacción, certificados, ediciones celebradas y sedes: el final de la edición. Así, una edición que dura varios meses pone las horas de cada sesión en su mes y sus cursos completados en el mes en que termina. Difusión (el alcance): el día en que se celebró cada acción.
indicators-score = Puntuación (1 a 5)
indicators-answers = Respuestas
indicators-indicator = Indicador
indicators-value = Valor
indicators-not-given = Sin indicar
error-reach-not-applicable = Las acciones de difusión no tienen curso, edición, modalidad ni entidad contratante: quite ese filtro para ver su alcance.
