# Inscripción, confirmación, cancelación, «Mis formaciones» y las herramientas del equipo organizador para las inscripciones.

## Reglas
error-phone = Escriba un número de teléfono de 6 a 20 cifras (se admiten espacios, puntos, guiones, paréntesis y un + inicial).
error-consent-needed = Para inscribirse, marque la casilla que acepta el aviso de privacidad.
error-session-not-open = Esta sesión no está abierta a inscripciones.
error-session-closed = La inscripción en esta sesión está cerrada.
error-session-cancelled = Esta sesión está cancelada.
error-session-completed = Esta sesión ya se ha celebrado.
error-session-not-taking = Solo se pueden añadir personas mientras la sesión es un borrador o está abierta o cerrada a inscripciones.
error-registration-not-yet = La inscripción en esta sesión aún no está abierta.
error-registration-over = La inscripción en esta sesión ha terminado.
error-session-started = La sesión ha empezado: ya no se pueden cancelar inscripciones. Escriba al equipo organizador.
error-session-was-cancelled = Esta sesión se ha cancelado: ya no hay plaza que confirmar ni cancelar. Hay otras sesiones en el catálogo.
error-confirm-started = La sesión ha empezado o ha terminado: ya no se puede confirmar una plaza. Escriba al equipo organizador.
error-confirm-expired = Este enlace de confirmación ha caducado (los enlaces valen 48 horas). Vuelva a inscribirse desde la página de la sesión para recibir otro.
error-try-again = Alguien ha cambiado esta inscripción en el mismo momento. Inténtelo de nuevo.
error-session-changed = La sesión cambió en ese mismo momento (cancelada o con nuevas fechas). Vuelva a consultarla e inténtelo de nuevo.
error-no-seat-free = No queda ninguna plaza libre en esta sesión. Aumente antes la capacidad.
error-already-cancelled = Esta inscripción ya está cancelada.

## El formulario
registration-form-title = Inscribirse
registration-full-waitlist = La sesión está completa: si se inscribe, entra en la lista de espera y recibe la primera plaza que quede libre.
form-required-hint = Los campos marcados con * son obligatorios.
person-given-name = Nombre
person-family-name = Apellidos
person-email = Correo electrónico
person-email-hint = Le enviamos aquí el enlace de confirmación.
person-phone = Teléfono
person-employer = Centro de trabajo
person-employer-hint = Su administración, servicio u organización.
person-job-title = Puesto
person-audience = Usted es
person-region = Comunidad autónoma
person-region-none = — Ninguna / otro lugar —
person-language = Idioma de los correos
honeypot-label = Deje este campo vacío
privacy-notice-title = Aviso de privacidad (versión { $version })
privacy-notice-text = El equipo que organiza esta formación conserva su nombre, datos de contacto, centro de trabajo e inscripciones para gestionar la formación (inscripciones, asistencia, certificados) y comunicar cifras anónimas a quienes la financian. Solo el equipo de formación tiene acceso. Cuando la entidad que acredita el curso pide un identificador (DNI/NIE, número de personal), esa entidad también lo ve, para su registro. Puede consultarlos, corregirlos y descargarlos desde «Mis formaciones», y pedir su supresión al equipo organizador.
registration-consent = He leído el aviso de privacidad y lo acepto.
registration-submit = Inscribirme
registration-see-mine = Ver mis formaciones

## Tras el formulario y los enlaces
outcome-check-email = Revise su correo
registration-check-email-body = Le hemos enviado un correo. Siga el enlace que contiene { $hours ->
    [one] en la próxima hora
   *[other] en las próximas { $hours } horas
} para confirmar su inscripción. Si no llega nada, mire en la carpeta de correo no deseado.
outcome-confirmed = Su plaza está confirmada
registration-confirmed-body = Gracias: su plaza está confirmada. Le hemos enviado un correo con las sesiones y un archivo de calendario.
outcome-waitlisted = Está en la lista de espera
registration-waitlisted-body = La sesión está completa: ocupa el puesto { $position } en la lista de espera. Si se libera una plaza será para la primera persona en espera, y le escribiremos enseguida.
outcome-cancelled = Esta inscripción está cancelada
registration-cancelled-body = Esta inscripción se canceló. Puede volver a inscribirse desde la página de la sesión mientras la inscripción esté abierta.
registration-pending-body = Esta inscripción espera su confirmación.
outcome-link-expired = Este enlace ha caducado
outcome-too-late = Esta inscripción ya no se puede confirmar

## La página de una inscripción
registration-page-title = Mi inscripción
registration-status = Estado
registration-position = puesto { $position } en la lista
registration-cancel-explain = Si no puede asistir, cancele su inscripción: su plaza pasa a la siguiente persona en espera.
registration-cancel = Cancelar mi inscripción
registration-cancelled-flash = Su inscripción está cancelada. Le hemos enviado un correo.

## Mis formaciones
me-title = Mis formaciones
me-sign-in-lead = Escriba la dirección de correo con la que se inscribió. Le enviaremos un enlace que abre sus formaciones, sin contraseña.
me-email-hint = El enlace funciona una vez, durante 30 minutos.
me-send-link = Enviarme un enlace
me-link-sent = Si { $email } está inscrita en alguna formación, le hemos enviado un enlace. Funciona una vez, durante 30 minutos.
me-link-expired = Este enlace ya se ha usado o ha caducado. Pida uno nuevo aquí abajo.
me-link-lead = Abrir sus formaciones en este dispositivo.
me-open = Abrir mis formaciones
me-signed-in = Ha entrado en sus formaciones.
me-signed-out = Ha cerrado la sesión.
me-sign-out = Cerrar sesión
me-details = Corregir mis datos
me-data = Descargar mis datos (JSON)
me-registrations = Mis inscripciones
me-none = Aún no tiene inscripciones.
me-registration-page = Detalles
me-cancel-label = Cancelar mi inscripción en { $course }
me-email-fixed = Su correo: { $email }. Para cambiarlo, vuelva a inscribirse con la nueva dirección.
me-details-saved = Sus datos se han guardado.

## Las herramientas del equipo organizador
registrations-export = Descargar como hoja de cálculo (CSV)
registrations-import = Importar personas desde un archivo CSV
registrations-add = Añadir una persona
registrations-add-submit = Añadir a la persona
registrations-add-confirm-hint = La persona recibe un correo para confirmar la inscripción (ajuste de esta sesión).
registrations-add-direct-hint = La persona queda inscrita enseguida y recibe la confirmación (ajuste de esta sesión).
registrations-capacity = Capacidad
registrations-capacity-hint = Al aumentarla, las primeras personas en espera reciben plaza enseguida; no puede bajar de las plazas ocupadas.
registrations-move = Cambiar
registrations-move-to = Nuevo estado para { $name }
registrations-reason = Motivo
registrations-move-submit = Aplicar
registration-move-confirmed = Confirmar
registration-move-cancelled = Cancelar
registration-added = La persona está inscrita y se le ha avisado por correo.
registration-added-pending = La persona ha recibido un correo para confirmar la inscripción.
registration-added-already = Esta persona ya estaba inscrita; no ha cambiado nada.
registration-capacity-saved = La capacidad se ha guardado.
registration-moved = La inscripción ha cambiado y se ha avisado a la persona por correo.
registrations-given-name-column = Nombre
registrations-family-name-column = Apellidos
registrations-email-column = Correo electrónico
registrations-phone-column = Teléfono
registrations-employer-column = Centro de trabajo
registrations-job-title-column = Puesto
registrations-audience-column = Perfil
registrations-status-column = Estado
registrations-position-column = Puesto en la lista de espera
registrations-since-column = Inscrito/a el
session-confirm-organiser-entries = Las personas que añado confirman antes por correo
session-confirm-organiser-entries-hint = Sin marcar, las personas añadidas a mano o por importación quedan inscritas enseguida.
confirm-title = Confirme su inscripción
confirm-lead = Un último paso: confirme que ha pedido esta inscripción. Nada cambia hasta que lo haga.
confirm-training = Formación
confirm-holder = Nombre en su inscripción y en sus certificados
confirm-button = Confirmar mi inscripción

## Formaciones que se solapan (issue 20)
registrations-overlap = Se solapa con
me-overlap = Sus sesiones se solapan con otra formación en la que tiene plaza; no podrá asistir a las dos: anule una o consulte a quien organiza:

# Personas sin correo (issue 20)
person-no-email = sin correo
person-email-organiser-hint = Déjelo vacío solo para una persona que no tiene correo electrónico, y marque la casilla de abajo.
person-without-email = Esta persona no tiene correo electrónico
person-without-email-hint = Personas recién llegadas, asistentes sin inscripción: no reciben ningún correo. Deles usted las fechas y entrégueles el certificado impreso desde la página de certificados. Un teléfono ayuda a localizarlas.
error-personal-link = Este enlace personal no es el de esta inscripción o ya no es válido: use el enlace de su último correo sobre ella.
registration-session-cancelled-badge = Sesión cancelada
registration-session-cancelled = La organización ha cancelado esta sesión: no se celebrará, y su inscripción termina con ella. Hay otras sesiones en el catálogo.
registration-cancel-explain-unseated = Si ya no desea asistir, cancele su inscripción.
