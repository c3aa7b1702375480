### API documentation page (/api/docs).
###
### The server renders the api-docs-title … api-docs-noscript messages itself, and
### embeds every other api-docs-* message, prefix removed, as JSON for
### assets/api-docs.js (api-docs-parameters -> "parameters").
### Placeholders such as {name} are filled in by the script, not by Fluent.
### Braces are special in Fluent, so they are written as string literals:
### {"{"}name{"}"} renders as {name}. Keep every placeholder in each translation.

## Page (server-rendered template)

api-docs-title = API Aula
api-docs-intro-1 = L'API REST d'Aula donne un accès programmatique au catalogue des programmes de formation, des cours et des sessions. Toutes les routes se trouvent sous /api/v1 et échangent du JSON.
api-docs-intro-auth = Authentification : envoyez l'en-tête « Authorization: Bearer <jeton> » avec chaque requête. Créez un jeton sur la page « Jetons d'API » de l'administration, ou en ligne de commande avec « aula token create --email E », où E est l'adresse e-mail d'un compte du personnel. Un jeton n'est affiché qu'une seule fois.
api-docs-intro-errors = Les erreurs sont renvoyées avec le statut HTTP approprié et un corps JSON à trois champs : « error », un code destiné aux programmes ; « message », une explication lisible par un humain ; et, pour les erreurs de validation, « fields », qui indique le problème de chaque champ invalide.
api-docs-raw-link = Le document OpenAPI 3.1
api-docs-noscript = Cette page a besoin de JavaScript pour afficher la documentation. Sans JavaScript, vous pouvez lire le document OpenAPI brut :

## Labels read by api-docs.js: loading and errors

api-docs-loading = Chargement de la description de l'API…
api-docs-error-title = La description de l'API n'a pas pu être chargée.
api-docs-error-raw = Vous pouvez toujours lire le document brut à l'adresse {"{"}link{"}"}.
api-docs-error-network = Le serveur est injoignable.
api-docs-error-status = Le serveur a répondu {"{"}status{"}"}.
api-docs-error-not-json = La réponse du serveur n'est pas du JSON valide.
api-docs-error-not-openapi = Le document n'est pas une description OpenAPI.
api-docs-error-render = L'affichage a échoué : {"{"}message{"}"}

## Status line, contents, page sections

# {operations} and {groups} are count-operations-* and count-groups-* below.
api-docs-status-loaded = Description chargée : {"{"}operations{"}"} dans {"{"}groups{"}"}.
# Plural forms: the script picks -one or -other by the language's plural rules (in French, 0 and 1 take -one).
api-docs-count-operations-one = {"{"}count{"}"} opération
api-docs-count-operations-other = {"{"}count{"}"} opérations
api-docs-count-groups-one = {"{"}count{"}"} groupe
api-docs-count-groups-other = {"{"}count{"}"} groupes
api-docs-no-operations = La description de l'API ne contient aucune opération.
api-docs-contents = Sommaire
api-docs-authentication = Authentification
api-docs-schemas = Schémas
api-docs-schemas-intro = Structures de données utilisées par les opérations ci-dessus.
api-docs-component-type = Type : {"{"}type{"}"}
# Group of the operations that have no tag.
api-docs-tag-other = Autres
api-docs-info-version = version {"{"}version{"}"}
api-docs-base-urls-one = URL de base : {"{"}urls{"}"}
api-docs-base-urls-other = URL de base : {"{"}urls{"}"}

## Filter toolbar

api-docs-filter-label = Filtrer les opérations
api-docs-filter-hint = Porte sur la méthode, le chemin, le résumé et l'étiquette.
api-docs-filter-matches-one = {"{"}count{"}"} opération correspond à « {"{"}query{"}"} ».
api-docs-filter-matches-other = {"{"}count{"}"} opérations correspondent à « {"{"}query{"}"} ».
api-docs-filter-all = Toutes les opérations sont affichées.
api-docs-expand-all = Tout déplier
api-docs-collapse-all = Tout replier
# Accessible name of the toolbar (a search landmark).
api-docs-toolbar-label = Opérations

## One operation

api-docs-deprecated = obsolète
api-docs-operation-id = Identifiant d'opération : {"{"}id{"}"}
api-docs-link-to-operation = Lien vers cette opération
api-docs-parameters = Paramètres
api-docs-request-body = Corps de la requête
api-docs-request-body-required = Un corps de requête est obligatoire.
api-docs-request-body-optional = Le corps de la requête est facultatif.
api-docs-responses = Réponses
# Read by screen readers after a heading: “Parameters for GET /api/v1/courses”.
api-docs-heading-for = de {"{"}operation{"}"}
api-docs-column-name = Nom
api-docs-column-in = Emplacement
api-docs-column-required = Obligatoire
api-docs-column-type = Type
api-docs-column-description = Description
# Where a parameter goes (OpenAPI “in”).
api-docs-in-path = chemin
api-docs-in-query = requête
api-docs-in-header = en-tête
api-docs-in-cookie = cookie
api-docs-yes = Oui
api-docs-no = Non
# Response documented for every status not listed (OpenAPI “default”).
api-docs-status-default = Autres statuts
api-docs-response-header = En-tête {"{"}name{"}"}
api-docs-response-header-described = En-tête {"{"}name{"}"} : {"{"}description{"}"}
api-docs-no-response-body = Pas de corps de réponse.
api-docs-no-responses = Aucune réponse documentée.

## Authentication

api-docs-auth-none = Authentification : aucune.
# {schemes} is one or more scheme names joined with “or” below.
api-docs-auth-required = Authentification : {"{"}schemes{"}"} (voir « Authentification » ci-dessus).
api-docs-security-http = Authentification HTTP {"{"}scheme{"}"}
api-docs-security-api-key-header = Clé d'API dans l'en-tête {"{"}name{"}"}
api-docs-security-api-key-query = Clé d'API dans le paramètre de requête {"{"}name{"}"}
api-docs-security-api-key-cookie = Clé d'API dans le cookie {"{"}name{"}"}
api-docs-security-api-key = Clé d'API {"{"}name{"}"} ({"{"}location{"}"})
api-docs-security-unknown = inconnue
api-docs-security-bearer-format = (format : {"{"}format{"}"})
api-docs-security-header = En-tête : {"{"}header{"}"}
# Shown as “Authorization: Bearer <token>”.
api-docs-token-placeholder = jeton

## Schemas: bodies, properties, alternatives

api-docs-body-schema = Schéma : {"{"}type{"}"}
api-docs-content-type = Type de contenu : {"{"}type{"}"}
api-docs-example = Exemple :
api-docs-required = obligatoire
api-docs-optional = facultatif
api-docs-any-other-property = Toute autre propriété
api-docs-other-properties-allowed = D'autres propriétés sont admises.
api-docs-no-documented-properties = Objet sans propriété documentée.
api-docs-fields-of = Champs de {"{"}name{"}"}
api-docs-no-further-details = Pas d'autres détails.
api-docs-nested-too-deep = Imbrication trop profonde pour être affichée ici.
api-docs-unresolved-ref = Référence non résolue : {"{"}ref{"}"}.
api-docs-recursive-ref = Référence récursive à {"{"}name{"}"} (voir sa définition).
api-docs-alternatives-all-of = Tous les éléments suivants :
api-docs-alternatives-one-of = Exactement un des éléments suivants :
api-docs-alternatives-any-of = Un ou plusieurs des éléments suivants :
api-docs-discriminator = Variante déterminée par la propriété {"{"}name{"}"}.
api-docs-each-value = Chaque valeur :
api-docs-each-item = Chaque élément ({"{"}type{"}"}) :

## Facts about a value

api-docs-fact-allowed-values = Valeurs autorisées : {"{"}value{"}"}
api-docs-fact-default = Valeur par défaut : {"{"}value{"}"}
api-docs-fact-minimum = Minimum : {"{"}value{"}"}
api-docs-fact-greater-than = Strictement supérieur à {"{"}value{"}"}
api-docs-fact-maximum = Maximum : {"{"}value{"}"}
api-docs-fact-less-than = Strictement inférieur à {"{"}value{"}"}
api-docs-fact-min-length = Longueur minimale : {"{"}value{"}"}
api-docs-fact-max-length = Longueur maximale : {"{"}value{"}"}
api-docs-fact-pattern = Motif : {"{"}value{"}"}
api-docs-fact-min-items = Nombre minimal d'éléments : {"{"}value{"}"}
api-docs-fact-max-items = Nombre maximal d'éléments : {"{"}value{"}"}
api-docs-fact-unique-items = Les éléments doivent être uniques
api-docs-fact-read-only = Lecture seule (renvoyé, jamais envoyé)
api-docs-fact-write-only = Écriture seule (envoyé, jamais renvoyé)
api-docs-fact-example = Exemple : {"{"}value{"}"}

## Types

# JSON types, by name (type-string is the JSON type “string”).
api-docs-type-string = chaîne
api-docs-type-integer = entier
api-docs-type-number = nombre
api-docs-type-boolean = booléen
api-docs-type-object = objet
api-docs-type-array = tableau
api-docs-type-null = null
api-docs-type-any = quelconque
api-docs-type-nothing = rien
api-docs-type-const = constante {"{"}value{"}"}
api-docs-type-one-of = un parmi : {"{"}types{"}"}
api-docs-type-any-of = au moins un parmi : {"{"}types{"}"}
api-docs-type-all-of = à la fois : {"{"}types{"}"}
api-docs-type-array-of = tableau de {"{"}type{"}"}
api-docs-type-map-of = dictionnaire de {"{"}type{"}"}
api-docs-type-tuple = tableau (n-uplet)
# Joins two alternatives: “string or null”, “bearer or apiKey”.
api-docs-or = {"{"}left{"}"} ou {"{"}right{"}"}
