# El informe de participantes de una reunión en línea (Zoom, Teams, Meet, Jitsi,
# BigBlueButton): qué falla en el archivo, y los nombres de sus columnas.

## El informe completo
error-report-unmapped = Elija la columna que contiene el nombre o la dirección de correo electrónico de los participantes y, además, las columnas de las horas de entrada y de salida o la columna de las duraciones. Los informes CSV de Zoom (Participantes › Exportar), Teams (Asistencia › Descargar), Google Meet (la hoja de asistencia › Descargar › CSV) y BigBlueButton (Panel de aprendizaje › Descargar los datos de la sesión) se reconocen tal como los da la plataforma.
error-report-encoding = Aula no puede leer este archivo como texto. Suba el informe de participantes tal como lo exporta la plataforma, en CSV: Zoom, Informes › Uso › Participantes › Exportar; Teams, Asistencia de la reunión › Descargar (.csv); Google Meet, la hoja de asistencia › Archivo › Descargar › CSV; BigBlueButton, Panel de aprendizaje › Descargar los datos de la sesión.

## Una línea del informe
error-report-time = «{ $value }» no es una hora que Aula sepa leer. Escríbala como 14/03/2024 09:30 o 2024-03-14 09:30.
error-report-leave-before-join = Esta línea sale ({ $leave }) antes de entrar ({ $join }): compruebe las dos columnas, o la línea en el informe.
error-report-time-skipped = «{ $value }» no existe en { $zone }: los relojes se adelantaron a esa hora. Compruebe en qué zona horaria está escrito el informe.
error-report-duration = «{ $value }» no es una duración que Aula sepa leer. Escriba minutos (45), horas, minutos y segundos (1h 2m 3s) o 01:02:03.
error-report-outside = La línea { $line } queda por completo antes o después de la reunión: no cuenta tiempo alguno.
error-report-other-meeting = Ninguna conexión de este informe cae dentro de la reunión del { $date }: parece el informe de otro día o de otra reunión. No se ha registrado nada.
error-report-nameless = Esta línea no tiene ni nombre ni dirección de correo electrónico: no se puede contar para nadie.
error-report-missing = Esta línea no indica ni horas de entrada y de salida ni una duración: no se puede contar.

## Los campos de las columnas
report-field-name = Nombre
report-field-surname = Apellidos
report-field-email = Correo electrónico
report-field-join = Hora de entrada
report-field-leave = Hora de salida
report-field-duration = Duración
report-field-waiting-room = En sala de espera
