# Aula — catálogo en español. Todos los textos visibles para las personas usuarias están aquí
# y en los catálogos en y fr que lo acompañan, con las mismas claves.

## Estructura de la página
skip-to-content = Ir al contenido principal
nav-label = Menú principal
nav-language = Idioma
nav-catalogue = Catálogo
nav-sessions = Sesiones
nav-courses = Cursos
nav-programmes = Programas
nav-bodies = Entidades acreditadoras
nav-my-sessions = Mis sesiones
nav-users = Cuentas
nav-regions = Regiones
nav-tokens = Tokens de API
nav-password = Mi contraseña
nav-sign-in = Acceso del personal
nav-sign-out = Salir
footer-about = Aula — formación acreditada en diversidad e igualdad de trato
footer-api = API para integraciones
breadcrumbs = Ruta de navegación
pagination = Páginas
page = Página
page-previous = Anterior
page-next = Siguiente
page-past-end = Esta página está más allá del final de la lista.
page-go-last = Ir a la última página
save = Guardar
add = Añadir
filter = Filtrar
choose = Elegir…
all = Cualquiera
none = Ninguna
yes = Sí
no = No
form-has-errors = Hay un problema
hours-count = { $hours ->
    [one] { $hours } hora
   *[other] { $hours } horas
}

## Mensajes que se muestran una sola vez tras una acción
flash-saved = Cambios guardados.
flash-signed-in = Ha accedido a su cuenta.
flash-signed-out = Ha salido de su cuenta.
flash-status-changed = Se ha cambiado el estado de la sesión.
flash-token-revoked = El token se ha revocado: ya no funciona.
flash-password-changed = Su contraseña se ha cambiado. Sus demás sesiones se han cerrado; sus tokens de API siguen funcionando.

## Fechas
date-long = { $day } de { $month } de { $year }
date-with-weekday = { $weekday }, { $date }
datetime = { $date }, { $time }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo

## Vocabularios
modality-in-person = Presencial
modality-online = En línea
modality-blended = Semipresencial
audience-public-servant = Personal empleado público
audience-union-delegate = Delegadas y delegados sindicales
audience-elected-official = Cargos electos
audience-mediator = Personas mediadoras
audience-civil-society = Sociedad civil
audience-other = Otros públicos
language-fr = Francés
language-es = Español
language-en = Inglés
language-ar = Árabe
status-draft = Borrador
status-open = Inscripción abierta
status-closed = Inscripción cerrada
status-cancelled = Cancelada
status-completed = Finalizada
status-action-draft = Volver a borrador
status-action-open = Abrir la inscripción
status-action-closed = Cerrar la inscripción
status-action-cancelled = Cancelar la sesión
status-action-completed = Marcar como finalizada
role-admin = Administrador/a
role-organiser = Organizador/a
role-trainer = Formador/a
role-accreditor = Acreditador/a

## Catálogo
catalogue-title = Catálogo de formación
catalogue-lead = Sesiones de formación sobre diversidad, igualdad de trato y no discriminación, con inscripción en línea.
catalogue-filters = Buscar en el catálogo
catalogue-text = Palabras clave
catalogue-region = Región
catalogue-audience = Dirigido a
catalogue-from = Desde
catalogue-to = Hasta
catalogue-search = Buscar
catalogue-reset = Quitar los filtros
catalogue-count = { $count ->
    [0] No se ha encontrado ninguna sesión.
    [one] Se ha encontrado una sesión.
   *[other] Se han encontrado { $count } sesiones.
}
catalogue-none = Ninguna sesión coincide con estos filtros. Pruebe con menos palabras u otras fechas.
catalogue-accredited-by = Curso acreditado ({ $body })
seats-left = { $count ->
    [one] Queda una plaza
   *[other] Quedan { $count } plazas
}
seats-full = Completo: las nuevas inscripciones pasan a la lista de espera

## Programas
programmes-title = Programas
programmes-new = Nuevo programa
programmes-none = Todavía no hay ningún programa.
programme-edit = Editar el programa
programme-title = Título
programme-funder = Entidad financiadora
programme-funder-hint = Por ejemplo: Fondo Social Europeo Plus (FSE+)
programme-description = Descripción
programme-starts-on = Fecha de inicio
programme-ends-on = Fecha de fin
programme-period = Periodo
programme-indicators = Los indicadores del programa
programme-courses = Sus cursos
programme-no-courses = Todavía no hay ningún curso en este programa.
programme-sessions = Sus ediciones, las próximas primero
programme-no-sessions = Todavía no hay ninguna edición en este programa.

## Entidades acreditadoras
bodies-title = Entidades acreditadoras
bodies-lead = Universidades y otras entidades que acreditan los cursos y verifican sus certificados.
bodies-none = Todavía no hay ninguna entidad acreditadora.
bodies-new = Añadir una entidad acreditadora
body-name = Nombre
body-code = Código
body-code-hint = De 2 a 10 letras o cifras; se usa en los números de certificado (por ejemplo, ULE).
body-website = Sitio web

## Regiones
regions-title = Regiones
regions-new = Añadir una región
region-name = Nombre
region-code = Código
region-code-hint = Un código corto que no cambie, por ejemplo, ES-AN.

## Cursos
courses-title = Cursos
courses-new = Nuevo curso
courses-none = Todavía no hay ningún curso.
course-edit = Editar el curso
course-texts-title = Textos en otros idiomas
course-texts-intro = El curso está escrito en { $language }. Indique su título, resumen y objetivos en otros idiomas: quienes lean esos idiomas los verán; los demás verán los del curso. Deje un idioma en blanco para no darlo.
course-public-page = Ver la página pública
course-title = Título
course-programme = Programa
course-no-programme = Sin programa
course-summary = Resumen
course-objectives = Objetivos de aprendizaje
course-objectives-hint = Un objetivo por línea.
course-hours = Horas
course-hours-hint = Horas previstas, por ejemplo, 20 o 7,5.
course-modality = Modalidad
course-language = Idioma
course-audiences = Público destinatario
course-accreditation = Acreditación
course-accreditation-body = Entidad acreditadora
course-not-accredited = Sin acreditación
course-credits = Créditos
course-recognised-hours = Horas reconocidas
course-minimum-attendance = Asistencia mínima (%)
course-minimum-attendance-hint = Porcentaje de las horas de la sesión necesario para completarla. 80, salvo que la entidad acreditadora indique otra cosa.
course-survey-required = Hay que responder la encuesta de satisfacción antes de obtener el certificado
error-needs-accreditation = Esto lo reconoce una entidad acreditadora: elija la entidad arriba, o deje el campo vacío.
course-sessions = Sesiones
course-no-sessions = No hay ninguna sesión programada de este curso.
credits-count = { $credits ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
}
minimum-attendance = asistencia mínima del { $percent } %

## Sesiones
sessions-title = Sesiones
my-sessions-title = Mis sesiones
sessions-new = Nueva sesión
sessions-none = No hay ninguna sesión.
sessions-from = En curso el día o después
sessions-to = Que empiezan el día o antes
sessions-order = Primero las sesiones por venir, la más próxima arriba; después las pasadas, la más reciente primero.
sessions-past = Sesiones pasadas
session-edit = Editar la sesión
session-public-page = Ver la página pública
session-course = Curso
session-capacity = Plazas
session-time-zone = Zona horaria
session-time-zone-frequent = Frecuentes
session-time-zone-hint = Escriba las primeras letras de una ciudad para encontrar su zona (por ejemplo Africa/Tunis).
time-zone-region-africa = África
time-zone-region-america = América
time-zone-region-antarctica = Antártida
time-zone-region-asia = Asia
time-zone-region-atlantic = Océano Atlántico
time-zone-region-australia = Australia
time-zone-region-europe = Europa
time-zone-region-indian = Océano Índico
time-zone-region-pacific = Océano Pacífico
session-meetings = Clases
session-meetings-hint = Fecha, hora de inicio y hora de fin de cada clase, en la zona horaria de la sesión. Las filas vacías no se tienen en cuenta; al guardar aparecen tres filas más. Una clase que empieza a las 18:00 o más tarde y termina después de medianoche: indique su hora de fin, y termina al día siguiente.
session-no-meetings = Fechas por confirmar
session-venue = Lugar
session-venue-hint = Para sesiones presenciales o semipresenciales.
venue-name = Nombre del lugar
venue-address = Dirección
venue-city = Localidad
venue-region = Región
session-online-url = Enlace de conexión
session-online-url-hint = Para sesiones en línea o semipresenciales; solo lo reciben las personas inscritas.
session-registration-opens = Apertura de la inscripción
session-registration-closes = Cierre de la inscripción
session-trainers = Personas formadoras
session-status = Estado
session-change-status = Cambiar el estado:
session-final-notice = Esta sesión está finalizada o cancelada: ya no se puede modificar.
session-dates = Fechas
session-place = Lugar
session-seats = Plazas
session-hours = Duración
session-online = En línea
session-online-link-later = En línea (el enlace se envía a las personas inscritas)
session-times-in-zone = Los horarios se indican en la zona horaria { $zone }.
meeting-date = Fecha
meeting-start = Inicio
meeting-end = Fin
meeting-date-n = Fecha de la clase { $n }
meeting-start-n = Inicio de la clase { $n }
meeting-end-n = Fin de la clase { $n }

## Cuentas
users-title = Cuentas
users-new = Nueva cuenta
user-edit = Editar la cuenta
user-name = Nombre
user-email = Correo electrónico
user-roles = Roles
user-body = Entidad acreditadora (rol Acreditador/a)
user-language = Idioma
user-password = Contraseña
user-password-hint = Al menos 10 caracteres. Puede dejarse en blanco y definirse más tarde.
user-password-keep = Si se deja en blanco, se mantiene la contraseña actual.
user-password-own = Su propia contraseña se cambia con la actual, en su página:
user-active = Activa
user-active-hint = Una cuenta inactiva no puede acceder, y su sesión abierta se cierra de inmediato.

## Tokens de API
tokens-title = Tokens de API
error-token-no-organisation = Un token trabaja en una organización y su cuenta no trabaja en ninguna: pida a un administrador que le añada a una.
password-title = Mi contraseña
password-lead = Cambie la contraseña con la que inicia sesión. Todas sus demás sesiones se cierran; esta sigue abierta. Sus tokens de API siguen funcionando: revóquelos en la página de tokens de API si alguien más puede conocerlos.
password-current = Contraseña actual
password-new = Nueva contraseña
password-new-hint = Al menos { $min } caracteres. Una frase de pocas palabras se recuerda fácilmente y se adivina mal.
password-new-again = La nueva contraseña, otra vez
password-submit = Cambiar mi contraseña
tokens-lead = Un token permite que una integración use la API en su nombre, con sus mismos roles. Se envía como «Authorization: Bearer» seguido del token.
tokens-created = Nuevo token
tokens-created-once = Cópielo ahora: solo se muestra esta vez.
tokens-none = Todavía no hay ningún token.
tokens-new = Crear un token
tokens-create = Crear el token
token-name = Uso del token
token-name-hint = Por ejemplo: la intranet del sindicato.
token-created = Creado
token-last-used = Último uso
token-state = Estado
token-revoked = Revocado
token-revoke = Revocar «{ $name }»

## Acceso
sign-in-title = Acceso del personal
sign-in-lead = Para las personas que organizan, imparten formación, acreditan o administran. El alumnado no necesita cuenta.
sign-in-email = Correo electrónico
sign-in-password = Contraseña
sign-in-submit = Acceder
sign-in-failed = El correo electrónico o la contraseña no son correctos.

## Errores
error-title-400 = No se puede leer la petición
error-title-401 = Es necesario acceder
error-title-403 = Acción no permitida
error-title-404 = Página no encontrada
error-title-405 = Esta página no se abre así
error-title-408 = Tiempo de espera agotado
error-title-409 = No es posible ahora
error-title-413 = Demasiado grande
error-title-415 = Formato incorrecto
error-title-422 = Algunos datos no son correctos
error-title-429 = Demasiados intentos
error-title-500 = Algo ha fallado
error-code = Error { $status }
error-back-home = Volver al catálogo
error-unauthenticated = Acceda con su cuenta para continuar.
error-forbidden = Su rol no permite esta acción.
error-organisation-suspended-staff = { $name } está suspendida: su personal no puede trabajar en ella hasta que un administrador del sitio la reactive.
error-csrf = Este formulario ha caducado. Vuelva atrás, recargue la página e inténtelo de nuevo.
error-cross-site = Este cambio debe hacerse desde las páginas de Aula o con un token de la API.
error-not-found = No se ha encontrado lo que buscaba.
error-method-not-allowed = Esta dirección no acepta este tipo de solicitud.
error-too-large = Los datos enviados son demasiado grandes.
error-timeout = La solicitud tardó demasiado: inténtelo de nuevo. Si enviaba un archivo, una conexión más rápida puede ayudar.
error-media-type = Envíe el cuerpo de la solicitud con la cabecera Content-Type: { $expected }.
error-invalid = Algunos datos no son correctos: revise el mensaje de cada campo.
error-too-many-requests = Demasiados intentos. Espere un minuto y vuelva a intentarlo.
error-internal = Se ha producido un error en nuestro sistema. Vuelva a intentarlo más tarde.
error-body = No se puede leer el cuerpo de la petición.
error-form = No se puede leer el formulario.
error-encoding = El texto no está en UTF-8; vuelva a enviarlo desde el formulario.
error-query = No se pueden leer los parámetros de la dirección.
error-query-repeated = Indique este parámetro una sola vez.
error-query-unknown = Esta dirección no lee este parámetro. Lee: { $known }.
error-query-value = Este valor no se puede leer aquí.
error-json-syntax = El JSON está mal formado.
error-json-object = Envíe un objeto JSON.
error-json-missing = Falta el campo «{ $field }».
error-json-type = El campo «{ $field }» no tiene el tipo esperado.
error-json-duplicate = El campo «{ $field }» aparece dos veces.
error-unknown-field = Este campo no existe.
error-duplicate = Ya existe.
error-in-use = Hay otros datos que dependen de este.
error-required = Campo obligatorio.
error-too-long = Como máximo, { $max ->
    [one] un carácter
   *[other] { $max } caracteres
}.
error-too-many = Como máximo, { $max }.
error-control-characters = Elimine los caracteres de control invisibles.
error-invisible-characters = Este nombre contiene un carácter que no se ve (espacio de anchura cero, guion blando…): escríbalo de nuevo sin él.
error-email = Escriba un correo electrónico como nombre@example.org.
error-email-taken = Ya hay una cuenta con este correo electrónico.
error-url = Escriba una dirección web que empiece por https://.
error-range = Escriba un número entre { $min } y { $max }.
error-range-above-zero = Escriba un número mayor que 0, hasta { $max }.
error-whole-number = Escriba un número entero.
error-number = Escriba un número.
error-choice = Elija una de las opciones.
error-choose-one = Elija al menos una opción.
error-unknown-choice = Esta opción no existe (o ya no existe).
error-course-text-language = El idioma propio del curso se escribe en el curso mismo, y cada otro idioma una sola vez.
error-course-language-has-text = El curso tiene un texto en este idioma: quítelo antes en «Textos en otros idiomas».
error-date = Escriba una fecha con el formato AAAA-MM-DD.
error-date-range = El final del periodo no puede ser anterior a su inicio.
error-time = Escriba una hora con el formato HH:MM.
error-datetime = Escriba una fecha y una hora.
error-time-zone = Zona horaria desconocida.
error-time-skipped = Esta hora no existe ese día (por el cambio de hora).
error-end-before-start = El final debe ser posterior al inicio.
error-record-past-to-come = Solo una edición ya empezada puede registrarse a posteriori: su primera sesión aún no ha llegado, y sus participantes no sabrían nada de ella.
error-meeting-order = La clase debe terminar después de empezar.
error-meeting-too-long = Una clase dura como máximo 24 horas.
error-meeting-year = Una clase tiene lugar entre los años { $min } y { $max }.
error-year = Indique una fecha entre los años { $min } y { $max }.
error-meetings-overlap = Dos clases se solapan.
error-meeting-outside-programme = El programa va del { $from } al { $to }: cada clase debe caer entre esas fechas (cambie la clase o las fechas del programa).
error-activity-outside-programme = El programa va del { $from } al { $to }: la actividad debe caer entre esas fechas (cambie su día o las fechas del programa).
error-venue-needed = Indique un lugar: la sesión es presencial.
error-online-url-needed = Indique el enlace de conexión: la sesión es en línea.
error-venue-or-url-needed = Indique un lugar, un enlace de conexión o ambos.
error-unknown-trainer = Elija a las personas formadoras entre las cuentas con el rol Formador/a.
error-session-course-fixed = No se puede cambiar el curso de una sesión; cree una sesión nueva.
error-capacity-below-taken = { $taken ->
    [one] Ya hay una plaza ocupada
   *[other] Ya hay { $taken } plazas ocupadas
}: el número de plazas no puede ser menor.
error-session-final = Una sesión finalizada o cancelada ya no se puede modificar.
error-status-transition = Una sesión no puede pasar de «{ $from }» a «{ $to }».
error-complete-before-end = Una edición solo puede marcarse como completada cuando ha terminado su última clase.
error-open-needs-meetings = Añada al menos una clase antes de abrir la inscripción.
error-keep-a-meeting = Una sesión abierta o cerrada a inscripciones conserva al menos una clase, y una sesión sin clases no se puede completar: para suspenderla, cancélela.
error-meeting-has-marks = La clase del { $date } tiene asistencia registrada: puede cambiar de horario dentro del mismo día, pero no quitarse ni pasar a otro día.
error-body-code = De 2 a 10 letras o cifras.
error-body-code-taken = Otra entidad ya usa este código.
error-region-code-taken = Otra región ya usa este código.
error-region-name-taken = Otra región ya tiene este nombre.
error-accreditor-body = Elija una entidad acreditadora: es obligatoria para el rol Acreditador/a.
error-password-short = Al menos { $min ->
    [one] un carácter
   *[other] { $min } caracteres
}.
error-password-spaces = Una contraseña no puede tener solo espacios.
error-current-password = Esta no es su contraseña actual.
error-sender-name-address = Solo un nombre: sin «<», «>» ni «@», que harían que se leyera como una dirección.
error-password-mismatch = Las dos contraseñas nuevas no coinciden.
error-cannot-demote-self = No puede quitarse el rol de administrador/a ni desactivar su propia cuenta.
error-own-password-elsewhere = Su propia contraseña se cambia en «Mi contraseña», con la actual.
table-region = Tabla; se desplaza en horizontal en pantallas pequeñas
error-unavailable = La base de datos no responde en este momento; no se ha cambiado nada. Vuelva a intentarlo dentro de unos segundos.
error-email-and-without = Se ha escrito un correo para una persona marcada sin correo: borre el correo o desmarque la casilla.

# Encargo y socios (issue 20)
programme-funders = Entidades financiadoras
programme-funders-hint = En el orden en que las nombran los informes, cada una con su referencia (el número del convenio). Las filas vacías se ignoran; guarde para obtener más filas.
programme-funder-n = Entidad financiadora { $n }
programme-funder-reference-n = Referencia de la entidad financiadora { $n }
programme-funder-with-reference = { $name } (ref. { $detail })
programme-commissioner = Entidad contratante
programme-commissioner-hint = La entidad que encargó el programa, por ejemplo un ayuntamiento. Sus cursos y ediciones son encargo suyo salvo que indiquen otra.
programme-contract-reference = Referencia del contrato
programme-commissioner-with-contract = { $name }, contrato { $detail }
programme-partners = Socios
programme-partner-n = Socio { $n }
programme-partner-role-n = Papel del socio { $n }
programme-partner-with-role = { $name }: { $detail }
course-commissioner-hint = Solo si este curso lo encargó una entidad distinta de la del programa, por ejemplo una administración local.
session-commissioner-hint = Solo si esta edición la encargó una entidad distinta de la del curso o del programa, por ejemplo una administración local.
indicators-commissioner = Entidad contratante
error-funder-twice = { $name } aparece dos veces entre las entidades financiadoras.
error-contract-without-commissioner = Una referencia de contrato necesita la entidad contratante con la que se firmó.
programme-funder-logos = Logotipos de las entidades financiadoras
programme-funder-logos-hint = PNG o SVG. Se imprimen al pie de los certificados que se expidan a partir de ahora y en los informes de este programa. Un logotipo sigue al nombre de su entidad cuando cambia el orden.
programme-funder-logo-of = Logotipo de { $name }
programme-funder-logo-file = Logotipo de { $name } (PNG o SVG)
programme-funder-logo-save = Subir
programme-funder-logo-remove = Quitar el logotipo
programme-funder-logo-remove-of = Quitar el logotipo de { $name }
funder-logo-saved = Logotipo de la entidad financiadora guardado.
funder-logo-removed = Logotipo de la entidad financiadora quitado.
