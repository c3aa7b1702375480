# Registrar la asistencia a una sesión a partir del informe de participantes
# de su plataforma (Zoom, Teams, Meet, Jitsi, BigBlueButton): páginas y API.

## Problemas
error-attendance-import-no-file = Elija el informe de participantes que quiere subir.
error-attendance-import-no-column = El informe no tiene la columna «{ $column }».
error-attendance-import-parameter = Parámetro desconocido. Use dry_run, others_absent, reason, map.<campo> (name, surname, email, join, leave, duration) o match.<clave>.
error-attendance-import-no-person = El informe no tiene a nadie «{ $key }».
flash-attendance-imported = El informe de participantes se ha registrado en la asistencia.

## Subida
attendance-import-title = Importar el informe de participantes
attendance-import-heading = Informe de participantes, sesión { $number }
attendance-import-lead = Registre la asistencia a esta sesión a partir del informe de participantes que exporta su plataforma (Zoom, Teams, Google Meet, Jitsi, BigBlueButton…). Aula cuenta los minutos de cada persona dentro de la sesión: quien salió y volvió, o estuvo conectado en dos dispositivos a la vez, cuenta una sola vez.
attendance-import-how = Cuando termine la sesión, descargue su informe de participantes (o informe de asistencia) desde la plataforma y súbalo tal cual.
attendance-import-format = El archivo CSV tal como lo exporta la plataforma: el informe de participantes de Zoom, el informe de asistencia de Teams, la hoja de asistencia de Google Meet, el panel de aprendizaje de BigBlueButton, o cualquier tabla de nombres o direcciones de correo con horas de entrada y de salida o duraciones. UTF-8, UTF-16, Windows-1252, Windows-1256 (árabe) o Mac Roman; celdas separadas por comas, puntos y coma o tabuladores.
attendance-import-matching = Las personas se reconocen por su correo electrónico y luego por su nombre (sin importar acentos, mayúsculas ni orden). Usted elige a mano quiénes son las demás; sus elecciones se recuerdan para el siguiente informe de esta sesión. No se registra nada antes de que haya visto el informe y decidido.
attendance-import-file = Informe de participantes (CSV)
attendance-import-file-hint = Primero se lee el archivo: verá a quién se ha encontrado, durante cuánto tiempo y qué líneas no se han podido leer.
attendance-import-upload = Subir y leer

## Informe
attendance-import-report-title = Revisar el informe de participantes
attendance-import-report-file = Archivo: { $file }
attendance-import-report-rows = Líneas: { $rows }
attendance-import-meeting-length = La sesión dura { $minutes ->
    [one] un minuto
   *[other] { $minutes } minutos
}: a nadie se le cuenta más.
attendance-import-by-email = encontradas por correo
attendance-import-by-name = encontradas por el nombre
attendance-import-by-earlier-choice = encontradas por una elección anterior
attendance-import-unmatched-count = nadie de la sesión
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
attendance-import-people-intro = Cada persona del informe, a quién corresponde y cómo se encontró, y qué cambia al registrar. Las personas encontradas se marcan presentes con sus minutos.
attendance-import-not-clipped = Para las personas marcadas con *, el informe solo da una duración total, o una duración más corta que el tiempo entre su primera entrada y su última salida: no se puede situar dentro de la sesión, así que puede incluir tiempo antes del inicio o después del final, y solo se limita a la duración de la sesión (o a la parte de su tiempo que cae dentro). Compruebe estas cifras.
attendance-import-not-clipped-mark = total del archivo, sin recortar a la sesión
attendance-import-nobody = El informe no nombra a nadie.
attendance-import-lines = Líneas
attendance-import-name = Nombre en el informe
attendance-import-email = Correo en el informe
attendance-import-kept = Tramos contados
attendance-import-minutes = Minutos
attendance-import-participant = Participante
attendance-import-how-found = Encontrada
attendance-import-matched-email = por correo
attendance-import-matched-name = por el nombre
attendance-import-matched-earlier-choice = por una elección anterior
attendance-import-matched-by-hand = a mano
attendance-import-matched-unmatched = sin correspondencia
attendance-import-change = Qué cambia
attendance-import-from-to = { $from } → { $to }
attendance-import-unchanged = Sin cambios ({ $mark })
attendance-import-mark = { $status }, { $minutes } min
attendance-import-not-marked = sin marcar
attendance-import-not-recorded = No se registra
attendance-import-nobody-of-session = Nadie de la sesión
attendance-import-choose-title = Quién es quién
attendance-import-choose-intro = Para cada persona no encontrada por su correo, elija el participante que es, o «Ninguno de ellos». Sus elecciones se recuerdan para el siguiente informe de esta sesión.
attendance-import-choose-later = Personas del informe no propuestas aquí: { $count }. Conservan lo encontrado; registre estas elecciones y vuelva a subir el informe para elegir por ellas.
attendance-import-who-is = ¿Quién es «{ $name }» (líneas { $lines })?
attendance-import-minutes-found = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}
attendance-import-not-one-of-them = Ninguno de ellos
attendance-import-partial-help = Quien estuvo conectado menos del { $percent } % de la sesión se marca «parcial»: sus minutos siguen contando para las horas de la formación, que deciden si la completa. Este porcentaje se fija en los datos de la formación.
attendance-import-absent-title = Participantes que no están en el informe
attendance-import-absent-intro = Estas personas tienen plaza confirmada, pero nadie del informe es ellas.
attendance-import-everyone-found = Todos los participantes de la sesión están en el informe.
attendance-import-record-title = Registrar la asistencia
attendance-import-record-intro = Las marcas se sustituyen, no se suman: importar de nuevo el mismo informe registra los mismos minutos, así que nada se cuenta dos veces.
attendance-import-others-absent = Marcar como ausentes a los demás participantes
attendance-import-others-absent-hint = Aquellos a quienes nadie del informe corresponde. Si no, sus marcas se quedan como están.
attendance-import-reason = Motivo de la corrección
attendance-import-reason-hint = La sesión está finalizada: se corrigen la asistencia y las finalizaciones, y el registro de auditoría guarda el motivo.
attendance-import-record = Registrar la asistencia
attendance-import-nothing = Nadie de este informe puede registrarse con estas columnas.
attendance-import-another = Subir otro archivo
