# Mensajes a participantes y bandeja de salida
nav-outbox = Bandeja de salida
session-write = Escribir a participantes
session-outbox = Sus mensajes
session-calendar-download = Añadir las clases a su agenda (.ics)
message-title = Escribir a las personas participantes
message-lead = Cada persona recibe el mensaje por correo, con los datos de la sesión, y puede responderle.
message-audience = Enviar a
message-audience-confirmed = Participantes con plaza confirmada
message-audience-waitlisted = Personas en lista de espera
message-audience-all = Confirmadas y lista de espera
message-subject = Asunto
message-body = Mensaje
message-body-hint = Texto sencillo. Deje una línea en blanco entre párrafos.
message-preview = Vista previa
message-preview-title = Antes de enviar
message-preview-count = { $count ->
    [0] Nadie lo recibe: ninguna persona de esta sesión está en el grupo elegido.
    [one] Lo recibe una persona. Así lo leerá.
   *[other] Lo reciben { $count } personas. Así lo leerán, en cada uno de sus idiomas.
}
message-preview-language-count = { $count ->
    [one] 1 destinatario
   *[other] { $count } destinatarios
}
message-send-count = { $count ->
    [one] Enviar a 1 persona
   *[other] Enviar a { $count } personas
}
flash-messages-queued = Los mensajes están en cola; salen en menos de un minuto.
flash-messages-none = No hay destinatarios: no se ha puesto ningún mensaje en cola.
flash-retry-queued = El mensaje se volverá a enviar en menos de un minuto.
outbox-title = Bandeja de salida
outbox-lead = Todos los correos que envía Aula pasan por aquí: en cola, enviados o fallidos tras varios intentos.
outbox-status = Estado
outbox-kind = Tipo
outbox-all-sessions = Ver todas las sesiones
outbox-count = { $count ->
    [0] Ningún mensaje.
    [one] Un mensaje.
   *[other] { $count } mensajes.
}
outbox-recipient = Destinatario
outbox-created = En cola desde
outbox-sent = Enviado
outbox-next-attempt = Próximo intento
outbox-attempts = Intentos
outbox-language = Idioma
outbox-last-error = Último error
outbox-retry = Volver a enviar
outbox-message-title = Mensaje
outbox-subject = Asunto
outbox-text-part = Versión de texto
outbox-html-part = Versión HTML
outbox-render-failed = Este mensaje no se puede componer:
outbox-stuck-title = Bloqueados tras vencer su reserva
outbox-stuck-lead = El distribuidor que los enviaba se detuvo antes de anotar el resultado (su proceso terminó o perdió la base de datos). Otro los retoma en su siguiente ronda; algunos pueden llegar dos veces, con el mismo Message-ID.
outbox-stuck-held-by = Reservado por
outbox-stuck-lease-ended = Fin de la reserva
outbox-status-pending = En espera
outbox-status-sending = Enviándose
outbox-status-sent = Enviado
outbox-status-failed = Fallido
outbox-status-dropped = Descartado (demasiado tarde)
outbox-kind-broadcast = Mensaje de la organización
outbox-kind-session-changed = Nuevos horarios
outbox-kind-session-cancelled = Sesión cancelada
outbox-kind-meetings-withdrawn = Clases retiradas
outbox-kind-registration-confirmed = Plaza confirmada
outbox-kind-reminder = Recordatorio antes de la sesión
outbox-kind-registration-requested = Enlace de confirmación
outbox-kind-already-registered = Ya inscrito/a
outbox-kind-registration-waitlisted = En lista de espera
outbox-kind-registration-cancelled = Inscripción cancelada
outbox-kind-sign-in-link = Enlace de acceso
outbox-kind-erasure-link = Enlace de supresión de datos
outbox-kind-absence-warning = Aviso de ausencias
outbox-kind-check-in-code = Código de registro de asistencia
outbox-kind-survey-invitation = Invitación a la encuesta
outbox-kind-certificate-ready = Certificado disponible
outbox-kind-certificate-revoked = Certificado revocado
error-outbox-not-failed = Solo se puede volver a enviar un mensaje fallido.
error-already-registered = Esta persona ya está inscrita en esta sesión.
error-registration-transition = Una inscripción no puede pasar de «{ $from }» a «{ $to }».
outbox-open-html = Abrir la versión HTML tal como la ve la persona destinataria
error-render-failed = Este mensaje no se puede componer ({ $reason }).
session-reminder-lead = Recordatorio, horas antes de la primera clase
session-reminder-lead-hint = Las personas participantes reciben un recordatorio por correo estas horas antes de la primera clase (48 = dos días).
session-present-share = Parte de una clase en línea que cuenta como presente, en %
session-present-share-hint = De 1 a 100 (50 = la mitad de la clase). Quien estuvo conectado menos se marca «parcial» al importar un informe de participantes; sus minutos siguen contando para las horas.
session-record-past = Una sesión pasada, registrada a posteriori
session-record-past-hint = Para una formación ya impartida: las personas que inscriba o importe tienen su plaza de inmediato y nadie recibe correos sobre ella (ni confirmación, ni invitación, ni recordatorio, ni encuesta); usted registra su asistencia.
session-past-title = Esta sesión ya ha empezado
session-past-lead = Su primera reunión ya pasó. Si inscribe o importa personas en una sesión en curso, cada una recibe «su plaza está confirmada» y una invitación de calendario para una formación ya impartida. Regístrela como sesión pasada para anotar quién participó sin escribir a nadie.
session-past-record = Registrarla como sesión pasada (sin correos)
session-past-live = Crearla como sesión en curso (se envían correos)
session-past-badge = Sesión pasada, registrada: sin correos
session-hours-differ = Sus reuniones suman { $planned } horas, y el curso tiene { $nominal }. Puede guardarla así; sus certificados mostrarán las horas asistidas sobre { $nominal }.
registrations-title = Inscripciones
registrations-seats-left = { $count ->
    [one] plaza libre
   *[other] plazas libres
}
registrations-status = Estado
registrations-none = No hay inscripciones aquí.
registrations-name = Nombre
registrations-email = Correo electrónico
registrations-employer = Centro de trabajo
registrations-since = Inscripción el
registrations-position = número { $position } en la lista
session-registrations = Inscripciones
registration-pending = Pendiente de confirmar por correo
registration-confirmed = Confirmada
registration-waitlisted = Lista de espera
registration-cancelled = Cancelada
