# Issue 24: los recorridos de una persona participante y de una formadora.

## La inscripción, como la anuncia cada distintivo (la regla del formulario)
registering-open = Inscripción abierta
registering-waiting-list = Completo: lista de espera
registering-not-yet = La inscripción se abrirá más adelante
registering-over = Inscripción cerrada
registering-started = En curso: inscripción cerrada
registering-held = Celebrada: la edición ha terminado

## Los filtros del catálogo, plegados en el móvil
catalogue-filters-summary = Filtrar las sesiones
catalogue-filters-active = filtros aplicados

## Cancelar: un segundo paso
cancel-confirm-title = ¿Cancelar esta inscripción?
cancel-confirm-explain = Su plaza pasa a la siguiente persona en espera y recibirá un correo. Para asistir después de todo, tendría que inscribirse de nuevo, si quedan plazas.
cancel-confirm-submit = Sí, cancelar mi inscripción
cancel-confirm-keep = No, mantener mi inscripción

## Mis formaciones: lo que pasó, una vez terminada la formación
me-outcome-completed = Formación superada
me-outcome-not-completed = Formación no superada
me-outcome-attended = Asistencia registrada
me-outcome-not-recorded = Terminada: asistencia aún no registrada
me-outcome-meetings = Sesiones asistidas: { $attended } de { $meetings }
me-outcome-certificate = Su certificado está listo
me-outcome-survey = Una encuesta espera su respuesta
me-outcome-survey-answer = Responder a la encuesta

## Un enlace de confirmación sustituido por otro más reciente
outcome-link-superseded = Le enviamos un enlace más reciente
registration-link-superseded-body = Volvió a pedir la inscripción el { $date }: le enviamos un nuevo enlace de confirmación y este ya no funciona. Busque el correo más reciente de Aula (también en la carpeta de spam) y pulse su botón. No se pierde nada: su solicitud se conserva y el nuevo enlace la confirma.

## Pasar lista: no antes de la sesión
roll-call-not-started = Esta sesión aún no ha empezado: no se puede marcar nada. La lista se abre el { $opens }, una hora antes del inicio.
error-meeting-not-started = Esta sesión aún no ha empezado: la asistencia se registra a partir de una hora antes de su inicio ({ $opens }). No se ha cambiado nada.

## Asistencia: la finalización antes de registrar
attendance-not-recorded = Aún sin registrar
attendance-still-possible = Aún no: todavía posible

## Registro de entrada: cuándo, dónde escribir el código, la vista proyectada
check-in-opens-at = El registro de entrada de esta sesión se abre el { $opens }.
check-in-or-type-at = ¿Sin cámara? Vaya a { $address } y escriba el código:
check-in-full-screen = Pantalla completa, para proyectar
check-in-leave-full-screen = Salir de la pantalla completa
check-in-short-lead = Escriba el código que muestra la pantalla de la formadora.
check-in-short-code = Código de la pantalla
check-in-short-wrong = Este código no es válido ahora: cambia cada 20 segundos. Escriba el que se ve en la pantalla.

## El registro de entrada en un toque: el enlace personal abierto una vez en el móvil
mail-reminder-check-in = En la puerta: abra una vez el enlace «mi inscripción» de abajo en el móvil que llevará. Después, escanear el código de la formadora registra su entrada con un toque, sin esperar ningún código.
registration-phone-remembers = Este móvil guarda ahora esta página: en cada sesión, escanear el código de la formadora registra su entrada con un toque.

## Cancelar una sesión: un segundo paso que dice a quién se avisa
session-cancel-title = ¿Cancelar esta sesión?
session-cancel-recipients = { $count ->
    [0] No se enviará ningún correo.
    [one] Se avisará por correo a una persona inscrita, con una actualización del calendario que retira las sesiones.
   *[other] Se avisará por correo a { $count } personas inscritas, con una actualización del calendario que retira las sesiones.
}
session-cancel-explain = Una sesión cancelada no puede volver a abrirse: las inscripciones terminan y los recordatorios pendientes se descartan.
session-cancel-submit = Sí, cancelar la sesión
session-cancel-keep = No, mantener la sesión
