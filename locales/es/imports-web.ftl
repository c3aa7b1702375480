# Inscribir a personas desde un archivo CSV: las páginas de las personas organizadoras y las palabras de la API.

## Problemas
error-import-no-file = Elija el archivo que quiere enviar.
error-import-no-column = El archivo no tiene ninguna columna «{ $column }».
error-import-unknown-parameter = Parámetro desconocido. Use on_error, dry_run, without_email o map.<campo> (given_name, family_name, email, phone, employer, job_title, audience, region, language, identifier).
import-field-problem = { $field }: { $problem }
import-aborted = No se ha inscrito a nadie: hay líneas del archivo rechazadas. Corríjalas y vuelva a enviar el archivo, o inscriba solo a las personas válidas.
flash-import-done = La importación ha terminado. Cada persona inscrita recibe un correo electrónico.
flash-import-discarded = Se ha descartado el archivo: no se ha inscrito a nadie.

## Envío
import-title = Importar personas desde un archivo
import-lead = Inscriba de una vez una lista de personas desde una hoja de cálculo guardada en CSV. No se inscribe a nadie antes de que haya visto el informe del archivo completo y haya decidido.
import-columns-title = Columnas
import-columns-intro = La primera línea del archivo da nombre a las columnas. Se leen estas columnas:
import-required = obligatoria
import-columns-choices = Se reconocen los nombres de columna en español, francés o inglés (por ejemplo «Correo electrónico», «Courriel» o «E-mail»); podrá elegir usted las columnas en la página siguiente. Las demás columnas se ignoran. Un perfil vacío equivale a «Otro»; un idioma vacío, al idioma del curso; una región se escribe con su nombre o su código.
import-format-title = Formato del archivo
import-format-encoding = Texto tal como lo guarda su hoja de cálculo: mejor «CSV UTF-8»; también se leen el «CSV» de Excel en Windows o Mac y el «Texto Unicode».
import-format-separators = Celdas separadas por comas (,), puntos y comas (;) o tabuladores.
import-format-limits = Una línea por persona, como máximo { $max } personas y 2 MB.
import-file = Archivo CSV
import-file-hint = Primero se comprueba el archivo: verá qué líneas se pueden inscribir y cuáles no.
import-upload = Enviar y comprobar

## Informe
import-report-title = Comprobar el archivo antes de inscribir
import-report-file = Archivo: { $file }
import-report-rows = Líneas con personas: { $rows }
import-accepted = se pueden inscribir
import-rejected = rechazadas
import-over-capacity = Hay más personas por inscribir que plazas libres: las que no tengan plaza pasan a la lista de espera.
import-mapping-title = Qué columna contiene qué
import-mapping-intro = Revise la columna elegida para cada campo y, si cambia alguna, vuelva a comprobar el archivo.
import-not-in-file = — no está en el archivo —
import-check-again = Volver a comprobar el archivo con estas columnas
import-rejected-title = Líneas rechazadas
import-rejected-intro = Estas líneas no se pueden inscribir tal como están. Corríjalas en su hoja de cálculo y vuelva a enviar el archivo, o inscriba solo a las personas válidas.
import-line = Línea
import-problems = Problemas
import-preview-title = Primeras personas que se inscribirán
import-preview-more = Y { $count } más.
import-decide-title = Inscribir
import-decide-intro = Cada persona inscrita recibe un correo electrónico, como en una inscripción a mano. Las personas ya inscritas en esta sesión se quedan como están.
import-register-all = Inscribir a estas personas ({ $count })
import-register-valid = Inscribir a las personas válidas ({ $accepted }) y omitir las líneas rechazadas ({ $rejected })
import-nothing-to-register = No se puede inscribir a nadie desde este archivo tal como está.
import-register-nobody = No inscribir a nadie

## Después de la importación
import-done-title = Importación terminada
import-done-registered = Nuevas inscripciones
import-done-waitlisted = De ellas, en lista de espera
import-done-pending = De ellas, pendientes de confirmar por correo electrónico
import-done-already = Ya inscritas (sin cambios)
import-done-skipped = Líneas rechazadas omitidas
import-see-registrations = Ver las inscripciones
import-another = Importar otro archivo
import-without-email = Las filas sin correo electrónico son personas que no tienen
import-without-email-help = Personas recién llegadas, asistentes sin inscripción: se inscriben sin correo y no reciben ninguno. Un correo que está en el archivo debe seguir siendo válido.
