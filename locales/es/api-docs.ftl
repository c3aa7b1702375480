### API documentation page (/api/docs).
###
### The server renders the api-docs-title … api-docs-noscript messages itself, and
### embeds every other api-docs-* message, prefix removed, as JSON for
### assets/api-docs.js (api-docs-parameters -> "parameters").
### Placeholders such as {name} are filled in by the script, not by Fluent.
### Braces are special in Fluent, so they are written as string literals:
### {"{"}name{"}"} renders as {name}. Keep every placeholder in each translation.

## Page (server-rendered template)

api-docs-title = API de Aula
api-docs-intro-1 = La API REST de Aula ofrece acceso programático al catálogo de programas de formación, cursos y sesiones. Todas las rutas se encuentran bajo /api/v1 e intercambian JSON.
api-docs-intro-auth = Autenticación: envíe la cabecera «Authorization: Bearer <token>» en cada petición. Cree un token en la página «Tokens de API» del panel de administración, o desde la línea de comandos con «aula token create --email E», donde E es la dirección de correo electrónico de una cuenta del personal. Cada token se muestra una sola vez.
api-docs-intro-errors = Los errores se devuelven con el código de estado HTTP correspondiente y un cuerpo JSON con tres campos: «error», un código pensado para programas; «message», una explicación legible por personas; y, en los errores de validación, «fields», que indica el problema de cada campo no válido.
api-docs-raw-link = El documento OpenAPI 3.1
api-docs-noscript = Esta página necesita JavaScript para mostrar la documentación. Sin JavaScript, puede consultar el documento OpenAPI sin procesar:

## Labels read by api-docs.js: loading and errors

api-docs-loading = Cargando la descripción de la API…
api-docs-error-title = No se ha podido cargar la descripción de la API.
api-docs-error-raw = Puede consultar igualmente el documento sin procesar en {"{"}link{"}"}.
api-docs-error-network = No se ha podido contactar con el servidor.
api-docs-error-status = El servidor ha respondido {"{"}status{"}"}.
api-docs-error-not-json = La respuesta del servidor no es JSON válido.
api-docs-error-not-openapi = El documento no es una descripción OpenAPI.
api-docs-error-render = No se ha podido mostrar la documentación: {"{"}message{"}"}

## Status line, contents, page sections

# {operations} and {groups} are count-operations-* and count-groups-* below.
api-docs-status-loaded = Descripción cargada: {"{"}operations{"}"} en {"{"}groups{"}"}.
# Plural forms: the script picks -one or -other by the language's plural rules (in French, 0 and 1 take -one).
api-docs-count-operations-one = {"{"}count{"}"} operación
api-docs-count-operations-other = {"{"}count{"}"} operaciones
api-docs-count-groups-one = {"{"}count{"}"} grupo
api-docs-count-groups-other = {"{"}count{"}"} grupos
api-docs-no-operations = La descripción de la API no incluye ninguna operación.
api-docs-contents = Índice
api-docs-authentication = Autenticación
api-docs-schemas = Esquemas
api-docs-schemas-intro = Estructuras de datos que usan las operaciones anteriores.
api-docs-component-type = Tipo: {"{"}type{"}"}
# Group of the operations that have no tag.
api-docs-tag-other = Otras
api-docs-info-version = versión {"{"}version{"}"}
api-docs-base-urls-one = URL base: {"{"}urls{"}"}
api-docs-base-urls-other = URL base: {"{"}urls{"}"}

## Filter toolbar

api-docs-filter-label = Filtrar operaciones
api-docs-filter-hint = Busca en el método, la ruta, el resumen y la etiqueta.
api-docs-filter-matches-one = {"{"}count{"}"} operación coincide con «{"{"}query{"}"}».
api-docs-filter-matches-other = {"{"}count{"}"} operaciones coinciden con «{"{"}query{"}"}».
api-docs-filter-all = Se muestran todas las operaciones.
api-docs-expand-all = Desplegar todo
api-docs-collapse-all = Plegar todo
# Accessible name of the toolbar (a search landmark).
api-docs-toolbar-label = Operaciones

## One operation

api-docs-deprecated = en desuso
api-docs-operation-id = ID de operación: {"{"}id{"}"}
api-docs-link-to-operation = Enlace a esta operación
api-docs-parameters = Parámetros
api-docs-request-body = Cuerpo de la petición
api-docs-request-body-required = El cuerpo de la petición es obligatorio.
api-docs-request-body-optional = El cuerpo de la petición es opcional.
api-docs-responses = Respuestas
# Read by screen readers after a heading: “Parameters for GET /api/v1/courses”.
api-docs-heading-for = de {"{"}operation{"}"}
api-docs-column-name = Nombre
api-docs-column-in = Ubicación
api-docs-column-required = Obligatorio
api-docs-column-type = Tipo
api-docs-column-description = Descripción
# Where a parameter goes (OpenAPI “in”).
api-docs-in-path = ruta
api-docs-in-query = consulta
api-docs-in-header = cabecera
api-docs-in-cookie = cookie
api-docs-yes = Sí
api-docs-no = No
# Response documented for every status not listed (OpenAPI “default”).
api-docs-status-default = Otros códigos
api-docs-response-header = Cabecera {"{"}name{"}"}
api-docs-response-header-described = Cabecera {"{"}name{"}"}: {"{"}description{"}"}
api-docs-no-response-body = Sin cuerpo de respuesta.
api-docs-no-responses = No hay respuestas documentadas.

## Authentication

api-docs-auth-none = Autenticación: no se requiere.
# {schemes} is one or more scheme names joined with “or” below.
api-docs-auth-required = Autenticación: {"{"}schemes{"}"} (véase «Autenticación» más arriba).
api-docs-security-http = Autenticación HTTP {"{"}scheme{"}"}
api-docs-security-api-key-header = Clave de API en la cabecera {"{"}name{"}"}
api-docs-security-api-key-query = Clave de API en el parámetro de consulta {"{"}name{"}"}
api-docs-security-api-key-cookie = Clave de API en la cookie {"{"}name{"}"}
api-docs-security-api-key = Clave de API {"{"}name{"}"} ({"{"}location{"}"})
api-docs-security-unknown = desconocida
api-docs-security-bearer-format = (formato: {"{"}format{"}"})
api-docs-security-header = Cabecera: {"{"}header{"}"}
# Shown as “Authorization: Bearer <token>”.
api-docs-token-placeholder = token

## Schemas: bodies, properties, alternatives

api-docs-body-schema = Esquema: {"{"}type{"}"}
api-docs-content-type = Tipo de contenido: {"{"}type{"}"}
api-docs-example = Ejemplo:
api-docs-required = obligatorio
api-docs-optional = opcional
api-docs-any-other-property = Cualquier otra propiedad
api-docs-other-properties-allowed = Se admiten otras propiedades.
api-docs-no-documented-properties = Objeto sin propiedades documentadas.
api-docs-fields-of = Campos de {"{"}name{"}"}
api-docs-no-further-details = No hay más detalles.
api-docs-nested-too-deep = Anidamiento demasiado profundo para mostrarlo aquí.
api-docs-unresolved-ref = Referencia sin resolver: {"{"}ref{"}"}.
api-docs-recursive-ref = Referencia recursiva a {"{"}name{"}"} (véase su definición).
api-docs-alternatives-all-of = Todos los siguientes:
api-docs-alternatives-one-of = Exactamente uno de los siguientes:
api-docs-alternatives-any-of = Uno o varios de los siguientes:
api-docs-discriminator = Variante determinada por la propiedad {"{"}name{"}"}.
api-docs-each-value = Cada valor:
api-docs-each-item = Cada elemento ({"{"}type{"}"}):

## Facts about a value

api-docs-fact-allowed-values = Valores permitidos: {"{"}value{"}"}
api-docs-fact-default = Valor por defecto: {"{"}value{"}"}
api-docs-fact-minimum = Mínimo: {"{"}value{"}"}
api-docs-fact-greater-than = Mayor que {"{"}value{"}"}
api-docs-fact-maximum = Máximo: {"{"}value{"}"}
api-docs-fact-less-than = Menor que {"{"}value{"}"}
api-docs-fact-min-length = Longitud mínima: {"{"}value{"}"}
api-docs-fact-max-length = Longitud máxima: {"{"}value{"}"}
api-docs-fact-pattern = Patrón: {"{"}value{"}"}
api-docs-fact-min-items = Número mínimo de elementos: {"{"}value{"}"}
api-docs-fact-max-items = Número máximo de elementos: {"{"}value{"}"}
api-docs-fact-unique-items = Los elementos deben ser únicos
api-docs-fact-read-only = Solo lectura (se devuelve, nunca se envía)
api-docs-fact-write-only = Solo escritura (se envía, nunca se devuelve)
api-docs-fact-example = Ejemplo: {"{"}value{"}"}

## Types

# JSON types, by name (type-string is the JSON type “string”).
api-docs-type-string = cadena
api-docs-type-integer = entero
api-docs-type-number = número
api-docs-type-boolean = booleano
api-docs-type-object = objeto
api-docs-type-array = array
api-docs-type-null = null
api-docs-type-any = cualquiera
api-docs-type-nothing = nada
api-docs-type-const = constante {"{"}value{"}"}
api-docs-type-one-of = uno de: {"{"}types{"}"}
api-docs-type-any-of = al menos uno de: {"{"}types{"}"}
api-docs-type-all-of = todos a la vez: {"{"}types{"}"}
api-docs-type-array-of = array de {"{"}type{"}"}
api-docs-type-map-of = mapa de {"{"}type{"}"}
api-docs-type-tuple = array (tupla)
# Joins two alternatives: “string or null”, “bearer or apiKey”.
api-docs-or = {"{"}left{"}"} o {"{"}right{"}"}
