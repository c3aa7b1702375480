# Attestations : ce qu'elles disent, la vérification, et la liste des organisateurs et des organismes accréditeurs.
certificate-title = Attestation de formation
certificate-statement = a suivi la formation
certificate-hours = { $attended } h suivies sur les { $planned } h de la session
certificate-accredited = Accréditée par { $body }{ $credits }
certificate-credits =  : { $credits ->
    [one] { $credits } crédit
   *[other] { $credits } crédits
}
certificate-recognised =  : { $hours ->
    [one] { $hours } heure reconnue
   *[other] { $hours } heures reconnues
}
certificate-issued-on = Délivrée le { $date }
certificate-revoked-mark = Révoquée le { $date } : cette attestation n’est plus valable.
certificate-verify-at = Vérifier sur
certificate-code = Code de vérification
certificate-eligible = Peut recevoir une attestation
certificate-revoked = L'attestation est révoquée.
error-certificate-session-not-completed = Les attestations sont délivrées une fois la session marquée terminée.
error-certificate-not-completed = Cette inscription n'a pas atteint l'assiduité demandée.
error-certificate-cancelled = Cette inscription est annulée.
error-certificate-survey = La formation demande d'abord une réponse au questionnaire de satisfaction.
error-already-revoked = Cette attestation est déjà révoquée.
verify-title = Vérifier une attestation
verify-valid = Cette attestation est authentique et valide.
verify-revoked = Cette attestation a été révoquée.
verify-revoked-on = Révoquée le { $date }.
verify-unknown = Aucune attestation n'a le code { $code }. Vérifiez le code tel qu'il est imprimé sur l'attestation.
verify-code = Code de vérification
verify-code-hint = Tel qu'imprimé sur l'attestation, par exemple 7K3M-Q9TR-… (majuscules, tirets et espaces sans importance).
verify-submit = Vérifier
verify-number = Numéro
verify-holder = Titulaire
verify-course = Formation
verify-hours = Heures suivies
verify-dates = Dates
verify-issued = Délivrée le
verify-issuer = Délivrée par
verify-accreditation = Accréditation
certificates-title = Attestations
certificates-count = { $count ->
    [one] { $count } attestation
   *[other] { $count } attestations
}
certificates-export = Tout télécharger (ZIP des PDF avec un registre)
certificates-status = État
certificates-valid = Valide
certificates-revoked = Révoquée
certificates-withdrawn = Retiré (titulaire effacé)
certificates-none = Aucune attestation ici.
certificates-files = Fichiers
certificates-credential = Attestation signée
certificates-pdf-of = PDF de l'attestation { $number }
certificates-credential-of = Attestation signée { $number }
certificates-revoke = Révoquer
certificates-reason-for = Motif de la révocation de { $number }
certificates-issued = Les attestations sont délivrées et leurs titulaires informés par e-mail.
certificates-none-new = Aucune nouvelle attestation : chaque personne qui y a droit a déjà la sienne.
certificate-revoked-flash = L'attestation est révoquée.
certificates-issue = Délivrer les attestations
nav-certificates = Attestations
me-certificates = Mes attestations
session-issue-on-completion = Délivrer les attestations quand la session est marquée terminée
session-issue-on-completion-hint = Seulement aux personnes dont l'assiduité (et la réponse au questionnaire, si la formation le demande) y donne droit.
certificates-from = Délivrées à partir du
certificates-to = Délivrées jusqu'au
certificates-issue-title = Délivrer les attestations
certificates-issue-rule = Une attestation demande { $percent } % des heures de la session suivies.
certificates-issue-survey-rule = Cette formation demande aussi d’avoir répondu au questionnaire de satisfaction.
certificates-issue-provisional = Les chiffres ci-dessous sont les présences enregistrées jusqu’ici.
certificates-issue-undrawable = Le certificat ne peut pas dessiner certains caractères de ces noms, qui s’imprimeraient comme des cases vides : { $names }. Demandez à chaque personne comment son nom s’écrit en lettres latines ou arabes ; elle peut le corriger dans « Mes formations » avant l’émission.
certificates-issue-summary = { $qualifying } participant·es sur { $count } y ont droit.
certificates-issue-attended = Heures suivies
certificates-issue-required = Heures requises
certificates-issue-survey = Questionnaire
certificates-issue-answered = Répondu
certificates-issue-not-answered = Sans réponse
certificates-issue-outcome = Attestation
certificates-issue-qualifies = Y a droit
certificates-issue-already = Déjà délivrée : { $number }
certificates-issue-confirm = { $count ->
    [one] Délivrer 1 attestation et l’envoyer par e-mail
   *[other] Délivrer { $count } attestations et les envoyer par e-mail
}
certificates-issue-back = Retour à la session
certificates-issue-link = Attestations : qui y a droit
# The signed credential (issue 19): its texts, in the holder's language.
credential-description = Attestation { $number } de « { $course } », délivrée à { $holder }. Vérifiez-la sur { $url }
credential-criteria = Avoir suivi la session de la formation « { $course } » ({ $planned } h prévues), la présence étant relevée à chaque séance.
credential-accredited = Accréditée par { $body }.
credential-hours-attended = Heures suivies
credential-hours-recognised = Heures reconnues
credential-hours-recognised-by = Heures reconnues par { $body }
certificates-credential-file = Attestation pour un portefeuille numérique (.json)
# What a credential links to: the achievement and the issuer.
achievement-kind = Réussite attestée
achievement-criteria = Critères
achievement-planned = Heures prévues par la session
achievement-modality = Modalité
achievement-machines = Les logiciels peuvent lire cette page en JSON-LD (en demandant application/ld+json).
issuer-kind = Émetteur d'attestations
issuer-intro = Les attestations délivrées ici sont signées avec la clé ci-dessous. Portefeuilles et vérificateurs la trouvent dans le document DID de l'émetteur.
issuer-did = Identifiant décentralisé (DID)
issuer-key = Clé de signature
issuer-document = Document DID
# The verification page's verdicts (issue 19).
verify-state-valid = Attestation valide
verify-state-revoked = Attestation révoquée
verify-state-withdrawn = Attestation retirée
verify-state-unknown = Attestation inconnue
verify-revoked-meaning = Elle n'atteste plus la formation.
verify-states = Ce que l'attestation indique
verify-stated = Ce que l'attestation indiquait
verify-pdf-note = L'attestation PDF doit dire la même chose : titulaire, formation, heures, dates et numéro. Si quelque chose diffère, le PDF a été modifié.
certificate-funded-by = Financé par : { $funders }
certificates-session = Session
certificates-all-sessions = Les attestations de toutes les sessions
certificate-withdrawn-files = Cette attestation a été retirée à la demande de son titulaire : elle ne nomme plus personne, elle n’a donc ni PDF ni attestation signée.
