# Pasar lista, la tabla de asistencia y la superación.
attendance-present = Presente
attendance-partial = Parcial
attendance-late = Con retraso
attendance-excused = Justificada
attendance-absent = Ausente
roll-call-title = Pasar lista
roll-call-heading = Pasar lista, sesión { $number }
roll-call-nobody = Aún nadie tiene plaza confirmada en esta sesión.
roll-call-all-present = Marcar a todo el mundo presente
roll-call-hint = Marque a todo el mundo presente, cambie las excepciones y guarde una sola vez. Las personas sin marcar quedan como están.
roll-call-minutes = Minutos conectados (de 0 a { $max })
roll-call-reason = Motivo de la corrección
roll-call-reason-hint = La sesión ha terminado: la corrección se guarda en el registro con su motivo.
roll-call-save = Guardar la lista
roll-call-saved = La lista se ha guardado.
attendance-title = Asistencia
attendance-rule = Para superarla se necesita el { $percent } % de las horas de la sesión.
attendance-required = Es decir, { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}.
attendance-take-roll-call = Pasar lista, sesión { $number }
attendance-matrix = Asistencia por persona
attendance-download = Descargar como hoja de cálculo (CSV)
attendance-meeting-short = Sesión { $number }
attendance-hours = Horas asistidas
attendance-completed = Superada
attendance-cannot-complete = Ya no es posible
attendance-hours-column = Horas asistidas
attendance-completed-column = Superada
error-reason-needed = Indique un motivo: la sesión ha terminado y las correcciones se guardan con su motivo.
error-not-in-session = Esta persona no está inscrita en esta sesión.
error-mark-twice = Esta persona tiene otra marca antes en la lista: una marca por persona.
error-partial-minutes = Una marca parcial necesita los minutos asistidos.
error-not-confirmed = Solo se marcan las inscripciones confirmadas; esta está «{ $status }».
check-in-title = Registro de asistencia
check-in-show = Mostrar el código de asistencia
check-in-qr-label = Código QR para registrar la asistencia a esta sesión
check-in-scan = Escanee este código con su teléfono para registrar su asistencia.
check-in-or-type = O escriba el código:
check-in-changes = El código cambia cada { $seconds ->
    [one] segundo
   *[other] { $seconds } segundos
}.
check-in-not-yet = El registro de asistencia de esta sesión aún no está abierto.
check-in-over = El registro de asistencia de esta sesión ha terminado.
check-in-cancelled = Esta sesión no admite registro de asistencia.
check-in-code-expired = Este código ha caducado o es de otra sesión. Vuelva a escanear el código de la pantalla.
check-in-not-registered = No tiene plaza confirmada en esta sesión. Hable con la persona formadora.
check-in-done = { $name }, su asistencia está registrada. ¡Gracias!
check-in-as = Registrar mi asistencia: { $name }
check-in-who = Para registrar su asistencia, abra en este teléfono el enlace personal de su correo de confirmación, o reciba un código por correo.
check-in-send-code = Enviarme un código
check-in-code-sent = Si { $email } tiene plaza en esta sesión, le hemos enviado un código.
check-in-otp = Código recibido por correo
check-in-submit = Registrar mi asistencia
check-in-otp-wrong = Este código no es correcto o ha caducado. Pida uno nuevo.
sheet-title = Hoja de firmas
sheet-trainers = Formación a cargo de: { $names }
sheet-number = N.º
sheet-signature = Firma
sheet-footer = Página {"{"}page{"}"} de {"{"}pages{"}"}
sheet-download = Hoja de firmas (PDF)
check-in-already-marked = { $name }, la persona formadora ya le ha registrado como «{ $mark }» en esta sesión, y esa marca se mantiene. Si no es correcta, hable con ella.
