# Aula — catalogue français. Tous les textes visibles par les utilisateurs se trouvent ici
# et dans les catalogues en et es voisins, avec les mêmes clés.

## Mise en page
skip-to-content = Aller au contenu principal
nav-label = Menu principal
nav-language = Langue
nav-catalogue = Catalogue
nav-sessions = Sessions
nav-courses = Formations
nav-programmes = Programmes
nav-bodies = Organismes accréditeurs
nav-my-sessions = Mes sessions
nav-users = Comptes
nav-regions = Régions
nav-tokens = Jetons d'API
nav-password = Mon mot de passe
nav-sign-in = Connexion du personnel
nav-sign-out = Se déconnecter
footer-about = Aula — formations accréditées sur la diversité et l'égalité de traitement
footer-api = API pour les intégrations
breadcrumbs = Fil d'Ariane
pagination = Pages
page = Page
page-previous = Précédente
page-next = Suivante
page-past-end = Cette page est au-delà de la fin de la liste.
page-go-last = Aller à la dernière page
save = Enregistrer
add = Ajouter
filter = Filtrer
choose = Choisir…
all = Indifférent
none = Aucun
yes = Oui
no = Non
form-has-errors = Il y a un problème
hours-count = { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
}

## Messages affichés une seule fois après une action
flash-saved = Les modifications sont enregistrées.
flash-signed-in = Connexion réussie.
flash-signed-out = Déconnexion réussie.
flash-status-changed = Le statut de la session a été modifié.
flash-token-revoked = Le jeton est révoqué : il ne fonctionne plus.
flash-password-changed = Votre mot de passe est changé. Vos autres connexions sont fermées ; vos jetons d’API fonctionnent toujours.

## Dates
date-long = { $day } { $month } { $year }
date-with-weekday = { $weekday } { $date }
datetime = { $date } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

## Vocabulaires
modality-in-person = En présentiel
modality-online = En ligne
modality-blended = Hybride
audience-public-servant = Agentes et agents publics
audience-union-delegate = Déléguées et délégués syndicaux
audience-elected-official = Élues et élus
audience-mediator = Médiatrices et médiateurs
audience-civil-society = Société civile
audience-other = Autres publics
language-fr = Français
language-es = Espagnol
language-en = Anglais
language-ar = Arabe
status-draft = Brouillon
status-open = Inscriptions ouvertes
status-closed = Inscriptions closes
status-cancelled = Annulée
status-completed = Terminée
status-action-draft = Repasser en brouillon
status-action-open = Ouvrir les inscriptions
status-action-closed = Clore les inscriptions
status-action-cancelled = Annuler la session
status-action-completed = Marquer comme terminée
role-admin = Administrateur
role-organiser = Organisateur
role-trainer = Formateur
role-accreditor = Accréditeur

## Catalogue
catalogue-title = Catalogue des formations
catalogue-lead = Trouvez une session de formation sur la diversité, l'égalité de traitement et la non-discrimination, et inscrivez-vous en ligne.
catalogue-filters = Rechercher dans le catalogue
catalogue-text = Mots-clés
catalogue-region = Région
catalogue-audience = Public
catalogue-from = Du
catalogue-to = Au
catalogue-search = Rechercher
catalogue-reset = Effacer les filtres
catalogue-count = { $count ->
    [0] Aucune session trouvée.
    [one] Une session trouvée.
   *[other] { $count } sessions trouvées.
}
catalogue-none = Aucune session ne correspond à ces filtres. Essayez avec moins de mots ou une autre période.
catalogue-accredited-by = Formation accréditée ({ $body })
seats-left = { $count ->
    [one] Il reste une place
   *[other] Il reste { $count } places
}
seats-full = Complet : les nouvelles inscriptions sont placées en liste d'attente

## Programmes
programmes-title = Programmes
programmes-new = Nouveau programme
programmes-none = Aucun programme pour l'instant.
programme-edit = Modifier le programme
programme-title = Titre
programme-funder = Financeur
programme-funder-hint = Par exemple : Fonds social européen plus (FSE+)
programme-description = Description
programme-starts-on = Date de début
programme-ends-on = Date de fin
programme-period = Période
programme-indicators = Les indicateurs du programme
programme-courses = Ses formations
programme-no-courses = Aucune formation dans ce programme pour l’instant.
programme-sessions = Ses sessions, les prochaines d’abord
programme-no-sessions = Aucune session dans ce programme pour l’instant.

## Organismes accréditeurs
bodies-title = Organismes accréditeurs
bodies-lead = Universités et autres organismes qui accréditent les formations et vérifient leurs certificats.
bodies-none = Aucun organisme accréditeur pour l'instant.
bodies-new = Ajouter un organisme accréditeur
body-name = Nom
body-code = Code
body-code-hint = De 2 à 10 lettres ou chiffres, utilisé dans les numéros de certificat (par exemple ULE).
body-website = Site web

## Régions
regions-title = Régions
regions-new = Ajouter une région
region-name = Nom
region-code = Code
region-code-hint = Un code court qui ne change pas, par exemple ES-AN.

## Formations
courses-title = Formations
courses-new = Nouvelle formation
courses-none = Aucune formation pour l'instant.
course-edit = Modifier la formation
course-texts-title = Textes dans d'autres langues
course-texts-intro = La formation est rédigée en { $language }. Donnez son titre, son résumé et ses objectifs dans d'autres langues : leurs lecteurs les verront, les autres verront ceux de la formation. Laissez une langue vide pour n'en donner aucun.
course-public-page = Voir la page publique
course-title = Titre
course-programme = Programme
course-no-programme = Aucun programme
course-summary = Résumé
course-objectives = Objectifs pédagogiques
course-objectives-hint = Un objectif par ligne.
course-hours = Nombre d'heures
course-hours-hint = Durée prévue en heures, par exemple 20 ou 7,5.
course-modality = Modalité
course-language = Langue
course-audiences = Publics
course-accreditation = Accréditation
course-accreditation-body = Organisme accréditeur
course-not-accredited = Sans accréditation
course-credits = Crédits
course-recognised-hours = Heures reconnues
course-minimum-attendance = Présence minimale (%)
course-minimum-attendance-hint = Part des heures de la session à suivre pour la valider. 80 sauf indication contraire de l'organisme accréditeur.
course-survey-required = Le questionnaire de satisfaction doit être rempli avant la délivrance du certificat
error-needs-accreditation = C’est ce qu’un organisme accréditeur reconnaît : choisissez l’organisme ci-dessus, ou laissez ce champ vide.
course-sessions = Sessions
course-no-sessions = Aucune session de cette formation n'est programmée.
credits-count = { $credits ->
    [one] { $credits } crédit
   *[other] { $credits } crédits
}
minimum-attendance = présence minimale de { $percent } %

## Sessions
sessions-title = Sessions
my-sessions-title = Mes sessions
sessions-new = Nouvelle session
sessions-none = Aucune session à afficher.
sessions-from = En cours le ou après le
sessions-to = Commençant le ou avant le
sessions-order = Les sessions à venir d’abord, la plus proche en haut ; puis les sessions passées, la plus récente d’abord.
sessions-past = Sessions passées
session-edit = Modifier la session
session-public-page = Voir la page publique
session-course = Formation
session-capacity = Nombre de places
session-time-zone = Fuseau horaire
session-time-zone-frequent = Fréquents
session-time-zone-hint = Tapez les premières lettres d’une ville pour trouver son fuseau (par exemple Africa/Tunis).
time-zone-region-africa = Afrique
time-zone-region-america = Amérique
time-zone-region-antarctica = Antarctique
time-zone-region-asia = Asie
time-zone-region-atlantic = Océan Atlantique
time-zone-region-australia = Australie
time-zone-region-europe = Europe
time-zone-region-indian = Océan Indien
time-zone-region-pacific = Océan Pacifique
session-meetings = Séances
session-meetings-hint = Date, heure de début et heure de fin de chaque séance, dans le fuseau horaire de la session. Les lignes vides sont ignorées ; trois nouvelles lignes apparaissent après l'enregistrement. Une séance qui commence à 18:00 ou plus tard et finit après minuit : indiquez son heure de fin, elle finit le lendemain.
session-no-meetings = Dates à préciser
session-venue = Lieu
session-venue-hint = Pour les sessions en présentiel ou hybrides.
venue-name = Nom du lieu
venue-address = Adresse
venue-city = Ville
venue-region = Région
session-online-url = Lien de connexion
session-online-url-hint = Pour les sessions en ligne ou hybrides ; seules les personnes inscrites le reçoivent.
session-registration-opens = Ouverture des inscriptions
session-registration-closes = Clôture des inscriptions
session-trainers = Formateurs
session-status = Statut
session-change-status = Changer le statut :
session-final-notice = Cette session est terminée ou annulée : elle ne peut plus être modifiée.
session-dates = Dates
session-place = Lieu
session-seats = Places
session-hours = Durée
session-online = En ligne
session-online-link-later = En ligne (le lien est envoyé aux personnes inscrites)
session-times-in-zone = Les horaires sont indiqués dans le fuseau horaire { $zone }.
meeting-date = Date
meeting-start = Début
meeting-end = Fin
meeting-date-n = Date de la séance { $n }
meeting-start-n = Début de la séance { $n }
meeting-end-n = Fin de la séance { $n }

## Comptes
users-title = Comptes
users-new = Nouveau compte
user-edit = Modifier le compte
user-name = Nom
user-email = Adresse e-mail
user-roles = Rôles
user-body = Organisme accréditeur (rôle Accréditeur)
user-language = Langue
user-password = Mot de passe
user-password-hint = Au moins 10 caractères. Laissez vide pour le définir plus tard.
user-password-keep = Laissez vide pour garder le mot de passe actuel.
user-password-own = Votre propre mot de passe se change avec l'actuel, sur votre page :
user-active = Actif
user-active-hint = Un compte inactif ne permet plus de se connecter, et la personne est déconnectée immédiatement.

## Jetons d'API
tokens-title = Jetons d'API
error-token-no-organisation = Un jeton travaille dans une organisation, et votre compte n'en a aucune : demandez à un administrateur de vous y ajouter.
password-title = Mon mot de passe
password-lead = Changez le mot de passe avec lequel vous vous connectez. Toutes vos autres connexions prennent fin ; celle-ci reste ouverte. Vos jetons d’API continuent de fonctionner : révoquez-les sur la page des jetons d’API si quelqu’un d’autre peut les connaître.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-new-hint = Au moins { $min } caractères. Une phrase de quelques mots se retient facilement et se devine mal.
password-new-again = Le nouveau mot de passe, à nouveau
password-submit = Changer mon mot de passe
tokens-lead = Un jeton permet à une intégration d'utiliser l'API en votre nom, avec vos rôles. Envoyez « Authorization: Bearer » suivi du jeton.
tokens-created = Votre nouveau jeton
tokens-created-once = Copiez-le maintenant : il n'est affiché qu'une seule fois.
tokens-none = Vous n'avez encore aucun jeton.
tokens-new = Créer un jeton
tokens-create = Créer le jeton
token-name = Usage du jeton
token-name-hint = Par exemple : l'intranet du syndicat.
token-created = Créé le
token-last-used = Dernière utilisation
token-state = État
token-revoked = Révoqué
token-revoke = Révoquer « { $name } »

## Connexion
sign-in-title = Connexion du personnel
sign-in-lead = Pour les personnes qui organisent, forment, accréditent ou administrent. Les stagiaires n'ont pas besoin de compte.
sign-in-email = Adresse e-mail
sign-in-password = Mot de passe
sign-in-submit = Se connecter
sign-in-failed = L'adresse e-mail ou le mot de passe est incorrect.

## Erreurs
error-title-400 = La requête est illisible
error-title-401 = Connexion requise
error-title-403 = Action non autorisée
error-title-404 = Page introuvable
error-title-405 = Cette page ne s'ouvre pas ainsi
error-title-408 = Délai dépassé
error-title-409 = Impossible pour le moment
error-title-413 = Trop volumineux
error-title-415 = Format incorrect
error-title-422 = Certaines valeurs sont incorrectes
error-title-429 = Trop de tentatives
error-title-500 = Une erreur s'est produite
error-code = Erreur { $status }
error-back-home = Retour au catalogue
error-unauthenticated = Connectez-vous pour continuer.
error-forbidden = Votre rôle ne permet pas cette action.
error-organisation-suspended-staff = { $name } est suspendue : son personnel ne peut pas y travailler tant qu'un administrateur du site ne l'a pas réactivée.
error-csrf = Ce formulaire a expiré. Revenez en arrière, rechargez la page et réessayez.
error-cross-site = Cette modification doit venir des pages d'Aula, ou utiliser un jeton d'API.
error-not-found = Nous n'avons pas trouvé ce que vous cherchez.
error-method-not-allowed = Cette adresse n'accepte pas ce type de requête.
error-too-large = Les données envoyées sont trop volumineuses.
error-timeout = La requête a pris trop de temps : réessayez. Si vous envoyiez un fichier, une connexion plus rapide peut aider.
error-media-type = Envoyez le corps de la requête avec l'en-tête Content-Type : { $expected }.
error-invalid = Certaines valeurs sont incorrectes : consultez le message sous chaque champ.
error-too-many-requests = Trop de tentatives. Attendez une minute et réessayez.
error-internal = Une erreur s'est produite de notre côté. Réessayez plus tard.
error-body = Le corps de la requête est illisible.
error-form = Le formulaire est illisible.
error-encoding = Le texte n’est pas en UTF-8 ; renvoyez-le depuis le formulaire.
error-query = Les paramètres de l'adresse sont illisibles.
error-query-repeated = Donnez ce paramètre une seule fois.
error-query-unknown = Cette adresse ne lit pas ce paramètre. Elle lit : { $known }.
error-query-value = Cette valeur ne peut pas être lue ici.
error-json-syntax = Le JSON est mal formé.
error-json-object = Envoyez un objet JSON.
error-json-missing = Il manque le champ « { $field } ».
error-json-type = Le champ « { $field } » n’a pas le type attendu.
error-json-duplicate = Le champ « { $field } » est donné deux fois.
error-unknown-field = Ce champ n'existe pas.
error-duplicate = Cet élément existe déjà.
error-in-use = D'autres éléments en dépendent.
error-required = Champ obligatoire.
error-too-long = { $max ->
    [one] { $max } caractère au maximum.
   *[other] { $max } caractères au maximum.
}
error-too-many = { $max } au maximum.
error-control-characters = Supprimez les caractères de contrôle invisibles.
error-invisible-characters = Ce nom contient un caractère qui ne s’affiche pas (espace sans largeur, trait d’union conditionnel…) : saisissez-le à nouveau sans lui.
error-email = Saisissez une adresse e-mail comme nom@example.org.
error-email-taken = Un compte utilise déjà cette adresse e-mail.
error-url = Saisissez une adresse web qui commence par https://.
error-range = Saisissez un nombre de { $min } à { $max }.
error-range-above-zero = Saisissez un nombre supérieur à 0, jusqu'à { $max }.
error-whole-number = Saisissez un nombre entier.
error-number = Saisissez un nombre.
error-choice = Choisissez une des options.
error-choose-one = Choisissez au moins une option.
error-unknown-choice = Ce choix n'existe pas (ou plus).
error-course-text-language = La langue propre de la formation s'écrit sur la formation elle-même, et chaque autre langue une seule fois.
error-course-language-has-text = La formation a un texte dans cette langue : retirez-le d'abord dans « Textes dans d'autres langues ».
error-date = Saisissez une date au format AAAA-MM-JJ.
error-date-range = La fin de la période ne peut pas précéder son début.
error-time = Saisissez une heure au format HH:MM.
error-datetime = Saisissez une date et une heure.
error-time-zone = Fuseau horaire inconnu.
error-time-skipped = Cette heure n'existe pas ce jour-là (changement d'heure).
error-end-before-start = La fin doit être après le début.
error-record-past-to-come = Seule une session déjà commencée peut être enregistrée après coup : sa première séance est encore à venir, et ses participants n’en sauraient rien.
error-meeting-order = La séance doit finir après son début.
error-meeting-too-long = Une séance dure 24 heures au maximum.
error-meeting-year = Une séance a lieu entre les années { $min } et { $max }.
error-year = Indiquez une date entre les années { $min } et { $max }.
error-meetings-overlap = Deux séances se chevauchent.
error-meeting-outside-programme = Le programme se déroule du { $from } au { $to } : chaque séance doit tomber entre ces dates (changez la séance ou les dates du programme).
error-activity-outside-programme = Le programme se déroule du { $from } au { $to } : l’activité doit tomber entre ces dates (changez son jour ou les dates du programme).
error-venue-needed = Indiquez un lieu : la session est en présentiel.
error-online-url-needed = Indiquez le lien de connexion : la session est en ligne.
error-venue-or-url-needed = Indiquez un lieu, un lien de connexion, ou les deux.
error-unknown-trainer = Choisissez les formateurs parmi les comptes qui ont le rôle Formateur.
error-session-course-fixed = La formation d'une session ne peut pas être changée ; créez plutôt une nouvelle session.
error-capacity-below-taken = { $taken ->
    [one] { $taken } place est déjà prise
   *[other] { $taken } places sont déjà prises
} : le nombre de places ne peut pas être inférieur.
error-session-final = Une session terminée ou annulée ne peut plus être modifiée.
error-status-transition = Une session ne peut pas passer de « { $from } » à « { $to } ».
error-complete-before-end = Une session ne peut être marquée achevée qu’une fois sa dernière séance terminée.
error-open-needs-meetings = Ajoutez au moins une séance avant d'ouvrir les inscriptions.
error-keep-a-meeting = Une session ouverte ou fermée aux inscriptions garde au moins une séance, et une session sans séance ne peut être terminée : pour l'arrêter, annulez-la.
error-meeting-has-marks = La séance du { $date } a des présences enregistrées : ses horaires peuvent changer dans la même journée, mais elle ne peut être ni retirée ni déplacée à un autre jour.
error-body-code = De 2 à 10 lettres ou chiffres.
error-body-code-taken = Un autre organisme utilise déjà ce code.
error-region-code-taken = Une autre région utilise déjà ce code.
error-region-name-taken = Une autre région porte déjà ce nom.
error-accreditor-body = Choisissez un organisme accréditeur : il est obligatoire pour le rôle Accréditeur.
error-password-short = Au moins { $min ->
    [one] { $min } caractère
   *[other] { $min } caractères
}.
error-password-spaces = Un mot de passe ne peut pas être fait que d'espaces.
error-current-password = Ce n’est pas votre mot de passe actuel.
error-sender-name-address = Un nom seulement : sans « < », « > » ni « @ », qui le feraient lire comme une adresse.
error-password-mismatch = Les deux nouveaux mots de passe ne sont pas identiques.
error-cannot-demote-self = Vous ne pouvez pas retirer votre propre rôle d'administrateur ni désactiver votre compte.
error-own-password-elsewhere = Votre propre mot de passe se change sur « Mon mot de passe », avec l'actuel.
table-region = Tableau ; il défile horizontalement sur les petits écrans
error-unavailable = La base de données ne répond pas pour le moment ; rien n'a été modifié. Réessayez dans quelques secondes.
error-email-and-without = Une adresse est saisie pour une personne indiquée sans e-mail : retirez l’adresse ou décochez la case.

# Commande et partenaires (issue 20)
programme-funders = Financeurs
programme-funders-hint = Dans l’ordre où les rapports les nomment, chacun avec sa référence (le numéro de la convention). Les lignes vides sont ignorées ; enregistrez pour obtenir d’autres lignes.
programme-funder-n = Financeur { $n }
programme-funder-reference-n = Référence du financeur { $n }
programme-funder-with-reference = { $name } (réf. { $detail })
programme-commissioner = Commanditaire
programme-commissioner-hint = L’organisme qui a commandé le programme, par exemple une ville. Ses cours et sessions sont commandés par lui, sauf s’ils en nomment un autre.
programme-contract-reference = Référence du marché
programme-commissioner-with-contract = { $name }, marché { $detail }
programme-partners = Partenaires
programme-partner-n = Partenaire { $n }
programme-partner-role-n = Rôle du partenaire { $n }
programme-partner-with-role = { $name } : { $detail }
course-commissioner-hint = Seulement si ce cours a été commandé par un autre organisme que celui du programme, par exemple une collectivité.
session-commissioner-hint = Seulement si cette session a été commandée par un autre organisme que celui du cours ou du programme, par exemple une collectivité.
indicators-commissioner = Commanditaire
error-funder-twice = { $name } figure deux fois parmi les financeurs.
error-contract-without-commissioner = Une référence de marché demande le commanditaire avec qui il est passé.
programme-funder-logos = Logos des financeurs
programme-funder-logos-hint = PNG ou SVG. Imprimés au pied des attestations délivrées désormais, et sur les rapports de ce programme. Un logo suit le nom de son financeur quand l’ordre des financeurs change.
programme-funder-logo-of = Logo de { $name }
programme-funder-logo-file = Logo de { $name } (PNG ou SVG)
programme-funder-logo-save = Téléverser
programme-funder-logo-remove = Retirer le logo
programme-funder-logo-remove-of = Retirer le logo de { $name }
funder-logo-saved = Le logo du financeur est enregistré.
funder-logo-removed = Le logo du financeur est retiré.
