### API documentation page (/api/docs).
###
### The server renders the api-docs-title … api-docs-noscript messages itself, and
### embeds every other api-docs-* message, prefix removed, as JSON for
### assets/api-docs.js (api-docs-parameters -> "parameters").
### Placeholders such as {name} are filled in by the script, not by Fluent.
### Braces are special in Fluent, so they are written as string literals:
### {"{"}name{"}"} renders as {name}. Keep every placeholder in each translation.

## Page (server-rendered template)

api-docs-title = Aula API
api-docs-intro-1 = The Aula REST API gives programmatic access to the catalogue of training programmes, courses and sessions. All endpoints live under /api/v1 and exchange JSON.
api-docs-intro-auth = Authentication: send the header “Authorization: Bearer <token>” with every request. Create a token on the “API tokens” page of the back office, or on the command line with “aula token create --email E”, where E is the e-mail address of a staff account. A token is shown only once.
api-docs-intro-errors = Errors come with the appropriate HTTP status and a JSON body with three fields: “error”, a machine-readable code; “message”, a human-readable explanation; and, for validation errors, “fields”, which gives the problem with each invalid field.
api-docs-raw-link = The OpenAPI 3.1 document
api-docs-noscript = This page needs JavaScript to display the documentation. Without JavaScript, you can read the raw OpenAPI document:

## Labels read by api-docs.js: loading and errors

api-docs-loading = Loading the API description…
api-docs-error-title = The API description could not be loaded.
api-docs-error-raw = You can still read the raw document at {"{"}link{"}"}.
api-docs-error-network = The server could not be reached.
api-docs-error-status = The server answered {"{"}status{"}"}.
api-docs-error-not-json = The server's answer is not valid JSON.
api-docs-error-not-openapi = The document is not an OpenAPI description.
api-docs-error-render = Rendering failed: {"{"}message{"}"}

## Status line, contents, page sections

# {operations} and {groups} are count-operations-* and count-groups-* below.
api-docs-status-loaded = Loaded {"{"}operations{"}"} in {"{"}groups{"}"}.
# Plural forms: the script picks -one or -other by the language's plural rules (in French, 0 and 1 take -one).
api-docs-count-operations-one = {"{"}count{"}"} operation
api-docs-count-operations-other = {"{"}count{"}"} operations
api-docs-count-groups-one = {"{"}count{"}"} group
api-docs-count-groups-other = {"{"}count{"}"} groups
api-docs-no-operations = The API description does not list any operation.
api-docs-contents = Contents
api-docs-authentication = Authentication
api-docs-schemas = Schemas
api-docs-schemas-intro = Data structures referenced by the operations above.
api-docs-component-type = Type: {"{"}type{"}"}
# Group of the operations that have no tag.
api-docs-tag-other = Other
api-docs-info-version = version {"{"}version{"}"}
api-docs-base-urls-one = Base URL: {"{"}urls{"}"}
api-docs-base-urls-other = Base URLs: {"{"}urls{"}"}

## Filter toolbar

api-docs-filter-label = Filter operations
api-docs-filter-hint = Matches method, path, summary or tag.
api-docs-filter-matches-one = {"{"}count{"}"} operation matches “{"{"}query{"}"}”.
api-docs-filter-matches-other = {"{"}count{"}"} operations match “{"{"}query{"}"}”.
api-docs-filter-all = Showing all operations.
api-docs-expand-all = Expand all
api-docs-collapse-all = Collapse all
# Accessible name of the toolbar (a search landmark).
api-docs-toolbar-label = Operations

## One operation

api-docs-deprecated = deprecated
api-docs-operation-id = Operation ID: {"{"}id{"}"}
api-docs-link-to-operation = Link to this operation
api-docs-parameters = Parameters
api-docs-request-body = Request body
api-docs-request-body-required = A request body is required.
api-docs-request-body-optional = The request body is optional.
api-docs-responses = Responses
# Read by screen readers after a heading: “Parameters for GET /api/v1/courses”.
api-docs-heading-for = for {"{"}operation{"}"}
api-docs-column-name = Name
api-docs-column-in = In
api-docs-column-required = Required
api-docs-column-type = Type
api-docs-column-description = Description
# Where a parameter goes (OpenAPI “in”).
api-docs-in-path = path
api-docs-in-query = query
api-docs-in-header = header
api-docs-in-cookie = cookie
api-docs-yes = Yes
api-docs-no = No
# Response documented for every status not listed (OpenAPI “default”).
api-docs-status-default = Other statuses
api-docs-response-header = Header {"{"}name{"}"}
api-docs-response-header-described = Header {"{"}name{"}"}: {"{"}description{"}"}
api-docs-no-response-body = No response body.
api-docs-no-responses = No responses documented.

## Authentication

api-docs-auth-none = Authentication: none required.
# {schemes} is one or more scheme names joined with “or” below.
api-docs-auth-required = Authentication: {"{"}schemes{"}"} (see “Authentication” above).
api-docs-security-http = HTTP {"{"}scheme{"}"} authentication
api-docs-security-api-key-header = API key in the {"{"}name{"}"} header
api-docs-security-api-key-query = API key in the {"{"}name{"}"} query parameter
api-docs-security-api-key-cookie = API key in the {"{"}name{"}"} cookie
api-docs-security-api-key = API key {"{"}name{"}"} ({"{"}location{"}"})
api-docs-security-unknown = unknown
api-docs-security-bearer-format = (format: {"{"}format{"}"})
api-docs-security-header = Header: {"{"}header{"}"}
# Shown as “Authorization: Bearer <token>”.
api-docs-token-placeholder = token

## Schemas: bodies, properties, alternatives

api-docs-body-schema = Schema: {"{"}type{"}"}
api-docs-content-type = Content type: {"{"}type{"}"}
api-docs-example = Example:
api-docs-required = required
api-docs-optional = optional
api-docs-any-other-property = Any other property
api-docs-other-properties-allowed = Other properties are allowed.
api-docs-no-documented-properties = An object with no documented properties.
api-docs-fields-of = Fields of {"{"}name{"}"}
api-docs-no-further-details = No further details.
api-docs-nested-too-deep = Nested too deeply to display here.
api-docs-unresolved-ref = Unresolved reference {"{"}ref{"}"}.
api-docs-recursive-ref = Recursive reference to {"{"}name{"}"} (see its definition).
api-docs-alternatives-all-of = All of the following:
api-docs-alternatives-one-of = Exactly one of:
api-docs-alternatives-any-of = One or more of:
api-docs-discriminator = Variant chosen by the property {"{"}name{"}"}.
api-docs-each-value = Each value:
api-docs-each-item = Each item ({"{"}type{"}"}):

## Facts about a value

api-docs-fact-allowed-values = Allowed values: {"{"}value{"}"}
api-docs-fact-default = Default: {"{"}value{"}"}
api-docs-fact-minimum = Minimum: {"{"}value{"}"}
api-docs-fact-greater-than = Greater than: {"{"}value{"}"}
api-docs-fact-maximum = Maximum: {"{"}value{"}"}
api-docs-fact-less-than = Less than: {"{"}value{"}"}
api-docs-fact-min-length = Minimum length: {"{"}value{"}"}
api-docs-fact-max-length = Maximum length: {"{"}value{"}"}
api-docs-fact-pattern = Pattern: {"{"}value{"}"}
api-docs-fact-min-items = Minimum items: {"{"}value{"}"}
api-docs-fact-max-items = Maximum items: {"{"}value{"}"}
api-docs-fact-unique-items = Items must be unique
api-docs-fact-read-only = Read-only (returned, never sent)
api-docs-fact-write-only = Write-only (sent, never returned)
api-docs-fact-example = Example: {"{"}value{"}"}

## Types

# JSON types, by name (type-string is the JSON type “string”).
api-docs-type-string = string
api-docs-type-integer = integer
api-docs-type-number = number
api-docs-type-boolean = boolean
api-docs-type-object = object
api-docs-type-array = array
api-docs-type-null = null
api-docs-type-any = any
api-docs-type-nothing = nothing
api-docs-type-const = constant {"{"}value{"}"}
api-docs-type-one-of = one of: {"{"}types{"}"}
api-docs-type-any-of = any of: {"{"}types{"}"}
api-docs-type-all-of = all of: {"{"}types{"}"}
api-docs-type-array-of = array of {"{"}type{"}"}
api-docs-type-map-of = map of {"{"}type{"}"}
api-docs-type-tuple = array (tuple)
# Joins two alternatives: “string or null”, “bearer or apiKey”.
api-docs-or = {"{"}left{"}"} or {"{"}right{"}"}
