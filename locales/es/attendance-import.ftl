# Registrar la asistencia a una sesión a partir del informe de participantes
# de su plataforma (Zoom, Teams, Meet, Jitsi, BigBlueButton): páginas y API.

## Problemas
error-attendance-import-no-file = Elija el informe de participantes que quiere subir.
error-attendance-import-no-column = El informe no tiene la columna «{ $column }».
error-attendance-import-parameter = Parámetro desconocido. Use dry_run, others_absent, reason o map.<campo> (name, surname, email, join, leave, duration).
flash-attendance-imported = El informe de participantes se ha registrado en la asistencia.

## Subida
attendance-import-title = Importar el informe de participantes
attendance-import-heading = Informe de participantes, sesión { $number }
attendance-import-lead = Registre la asistencia a esta sesión a partir del informe de participantes que exporta su plataforma (Zoom, Teams, Google Meet, Jitsi, BigBlueButton…). Aula cuenta los minutos de cada persona dentro de la sesión: quien salió y volvió, o estuvo conectado en dos dispositivos a la vez, cuenta una sola vez.
attendance-import-how = Cuando termine la sesión, descargue su informe de participantes (o informe de asistencia) desde la plataforma y súbalo tal cual.
attendance-import-format = El archivo CSV tal como lo exporta la plataforma: el informe de participantes de Zoom, el informe de asistencia de Teams, la hoja de asistencia de Google Meet, el panel de aprendizaje de BigBlueButton, o cualquier tabla de nombres o direcciones de correo con horas de entrada y de salida o duraciones. UTF-8, UTF-16 o Windows-1252; celdas separadas por comas, puntos y coma o tabuladores.
attendance-import-matching = Las personas se reconocen por su correo electrónico; si el informe no lo da, por su nombre, que usted confirma. No se registra nada antes de que haya visto el informe y decidido.
attendance-import-file = Informe de participantes (CSV)
attendance-import-file-hint = Primero se lee el archivo: verá a quién se ha encontrado, durante cuánto tiempo y qué líneas no se han podido leer.
attendance-import-upload = Subir y leer

## Informe
attendance-import-report-title = Revisar el informe de participantes
attendance-import-report-file = Archivo: { $file }
attendance-import-report-rows = Líneas: { $rows }
attendance-import-meeting-length = La sesión dura { $minutes } minutos: a nadie se le cuenta más.
attendance-import-by-email = encontradas por correo
attendance-import-to-confirm = por confirmar por el nombre
attendance-import-not-registered-count = no inscritas
attendance-import-unreadable-count = líneas no leídas
attendance-import-mapping-title = Qué columna contiene qué
attendance-import-mapping-intro = Compruebe la columna elegida para cada campo. El informe necesita los nombres o los correos electrónicos, y las horas de entrada y salida o las duraciones.
attendance-import-not-in-file = — no está en el archivo —
attendance-import-check-again = Volver a leer el informe con estas columnas
attendance-import-problems-title = Líneas no leídas
attendance-import-problems-intro = Estas líneas se han omitido; el resto del informe se cuenta. Corríjalas en el archivo y súbalo de nuevo si importan.
attendance-import-line = Línea
attendance-import-problem = Problema
attendance-import-people-title = Personas del informe
attendance-import-people-intro = Las personas encontradas por su correo electrónico se registran como presentes con sus minutos. Una coincidencia por el nombre solo se registra si la marca: compruebe que es la misma persona.
attendance-import-not-clipped = Para las personas marcadas con *, el informe solo da una duración total: no se puede situar dentro de la sesión, así que puede incluir tiempo antes del inicio o después del final, y solo se limita a la duración de la sesión. Compruebe estas cifras.
attendance-import-not-clipped-mark = total del archivo, sin recortar a la sesión
attendance-import-nobody = El informe no nombra a nadie.
attendance-import-lines = Líneas
attendance-import-name = Nombre en el informe
attendance-import-email = Correo en el informe
attendance-import-minutes = Minutos
attendance-import-participant = Participante
attendance-import-matched-email = { $name } (mismo correo)
attendance-import-this-is = Es { $name }
attendance-import-not-registered = No inscrito en esta sesión
attendance-import-absent-title = Participantes que no están en el informe
attendance-import-absent-intro = Estas personas tienen plaza confirmada, pero el informe no las nombra ni por su correo ni por su nombre.
attendance-import-everyone-found = Todos los participantes de la sesión están en el informe.
attendance-import-record-title = Registrar la asistencia
attendance-import-record-intro = Las marcas se sustituyen, no se suman: importar de nuevo el mismo informe registra los mismos minutos, así que nada se cuenta dos veces.
attendance-import-others-absent = Marcar como ausentes a los demás participantes
attendance-import-others-absent-hint = Quienes no están en el informe y las coincidencias por el nombre que no ha marcado. Si no, sus marcas se quedan como están.
attendance-import-reason = Motivo de la corrección
attendance-import-reason-hint = La sesión está finalizada: se corrigen la asistencia y las finalizaciones, y el registro de auditoría guarda el motivo.
attendance-import-record = Registrar la asistencia
attendance-import-nothing = Nadie de este informe puede registrarse con estas columnas.
attendance-import-another = Subir otro archivo
