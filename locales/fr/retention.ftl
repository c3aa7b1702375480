# Les données personnelles tout au long de leur vie (issue 21) : effacement.
erase-title = Effacer les données d'une personne
erase-link = Effacer ses données
erase-link-label = Effacer les données de { $name }
erase-who = Personne : { $name }
erase-what = Son nom, son adresse e-mail, son téléphone, son employeur et sa fonction sont effacés, avec les messages qui lui ont été envoyés, les détails d'audit et les imports qui la nomment, et ses liens de connexion. C'est irréversible.
erase-kept = Les faits anonymes que comptent les indicateurs (inscriptions, minutes de présence, achèvement, région, public, lieu de travail sous forme de clé) sont conservés : chaque chiffre reste le même. Ses attestations sont conservées, sauf si elle a aussi demandé leur retrait.
erase-reason = Motif
erase-reason-hint = Conservé dans le journal d'audit. Ne nommez pas la personne.
erase-certificates = Retirer aussi ses attestations
erase-certificates-hint = Seulement si la personne titulaire l'a demandé : la vérification indiquera « retirée à la demande de sa titulaire ou de son titulaire ».
erase-submit = Effacer cette personne
person-erased-flash = Les données de la personne sont effacées.
me-erasure-link = Effacer mes données
me-erasure-title = Effacer mes données
me-erasure-what = Nous effacerons votre nom, votre adresse e-mail, votre téléphone, votre employeur et votre fonction, les messages que nous vous avons envoyés et les détails de vos inscriptions. Vous ne pourrez plus accéder à vos formations. C'est irréversible.
me-erasure-places = Vos places dans les formations à venir sont annulées et proposées aux personnes en attente, et plus personne ne vous écrit à leur sujet : retirez-les de votre agenda.
me-erasure-kept = Les chiffres anonymes (combien de personnes ont participé, et combien de temps) sont conservés sans votre nom. Vos attestations restent valables, sauf si vous demandez aussi leur retrait. Vous pouvez d'abord télécharger une copie de vos données.
me-erasure-certificates = Retirer aussi mes attestations
me-erasure-certificates-hint = Les universités et les employeurs ne pourront plus les vérifier.
me-erasure-ask = M'envoyer le lien de confirmation
me-erasure-sent = Nous avons envoyé un lien à { $email }. Vos données ne seront effacées que lorsque vous l'aurez suivi et confirmé.
me-erasure-confirm-lead = Confirmez que vous voulez l'effacement de vos données personnelles. C'est irréversible.
me-erasure-confirm = Effacer mes données maintenant
me-erasure-done = Vos données personnelles ont été effacées. Merci de vous être formé·e avec nous.
me-erasure-expired = Ce lien a déjà été utilisé ou a expiré. Connectez-vous à vos formations pour le demander à nouveau.
verify-withdrawn = Cette attestation a été retirée, à la demande de sa ou son titulaire ou au terme de la durée de conservation des attestations.

## Durées de conservation et registre des traitements (issue 21)
retention-period = { $years ->
    [0] { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
    [one] { $years } an
   *[other] { $years } ans
}
retention-bounds = De { $min } à { $max } jours.
retention-title = Durées de conservation
retention-lead = Combien de temps chaque catégorie de données personnelles est conservée, en jours. Chaque nuit, la tâche d’expiration efface ce qui a dépassé sa durée ; la notice d’information à l’inscription indique les mêmes durées.
retention-pending-registrations = Inscriptions jamais confirmées
retention-inactive-people = Personnes sans activité
retention-sent-mail-bodies = Textes des e-mails, envoyés ou qui ne le seront jamais
retention-sign-in-records = Traces de connexion
retention-audit-entries = Entrées du journal d’audit
retention-certificates = Attestations
retention-walk-ins = Personnes venues sur place aux actions de sensibilisation
retention-hint-pending-registrations = À compter de la demande : l’inscription est supprimée, avec la personne qu’elle a créée si elle n’en a pas d’autre.
retention-hint-inactive-people = À compter de la fin de sa dernière session : la personne est effacée ; les chiffres anonymes restent.
retention-hint-sent-mail-bodies = À compter de l’envoi : le texte est vidé ; le fait qu’un message a été envoyé reste.
retention-hint-sign-in-records = À compter de leur expiration : les liens de connexion et les sessions ouvertes sont supprimés.
retention-hint-audit-entries = À compter de l’entrée : l’entrée est supprimée.
retention-hint-certificates = À compter de la délivrance : l’attestation est retirée et ne nomme plus son titulaire.
retention-hint-walk-ins = À compter de la prise du nom : le nom et l’e-mail sont supprimés ; le nombre de présents de l’action reste.
records-title = Données personnelles détenues
records-lead = Le registre des traitements : ce qu’Aula détient sur les personnes, pourquoi et pour combien de temps.
records-data = Données
records-why = Finalité
records-kept = Conservées
records-due = Au-delà de leur durée
records-due-count = { $count ->
    [0] aucune
    [one] { $count } enregistrement
   *[other] { $count } enregistrements
}
records-job = Les enregistrements qui ont dépassé leur durée sont effacés par la tâche d’expiration dans la journée, par petits lots.
records-change = Modifier les durées de conservation
records-identity-what = Nom, adresse e-mail, téléphone, langue préférée
records-identity-why = Inscrire les personnes, les informer sur leur formation, leur permettre d’accéder à leurs formations.
records-work-what = Employeur, fonction, public, région
records-work-why = Vérifier à qui s’adresse une formation et compter les lieux de travail, publics et régions pour les chiffres des financeurs (conservés seulement comme faits anonymes après effacement).
records-pending-what = Inscriptions demandées et jamais confirmées
records-pending-why = Garder une demande jusqu’à ce que la personne confirme son adresse.
records-attendance-what = Présences et minutes
records-attendance-why = Achèvement, attestations et heures déclarées aux financeurs.
records-attendance-kept = Aussi longtemps que l’inscription ; anonymes dès que la personne est effacée.
records-surveys-what = Réponses aux questionnaires
records-surveys-why = La qualité de la formation, présentée en résultats anonymes.
records-surveys-kept = Anonymes dès le départ : une réponse n’est jamais liée à une personne.
records-certificates-what = Attestations (nom et e-mail du titulaire), et l’identifiant demandé par un organisme certificateur
records-certificates-why = Preuve de formation pour les titulaires, les employeurs et les organismes accréditeurs.
records-mail-what = Textes des e-mails envoyés
records-mail-why = Envoyer les messages et montrer aux organisateurs ce qui a été envoyé.
records-sign-ins-what = Liens de connexion et sessions ouvertes
records-sign-ins-why = Permettre aux personnes et à l’équipe de se connecter en sécurité.
records-audit-what = Journal d’audit (qui a modifié quoi)
records-audit-why = Rendre compte des modifications des inscriptions, sessions et attestations.
records-walk-ins-what = Noms et e-mails des personnes venues sur place aux réunions d’information et autres actions de sensibilisation
records-walk-ins-why = Compter qui est venu à une action de sensibilisation et les recontacter s’ils l’ont demandé.
nav-privacy = Données personnelles
privacy-notice-periods = Une inscription que vous ne confirmez pas est supprimée après { $pending }. Vos données sont effacées { $inactive } après la fin de votre dernière formation ; les chiffres anonymes restent. Les attestations sont conservées { $certificates } après leur délivrance.

# Survey answers published in groups (issue 21)
survey-waiting = { $count ->
    [one] Une réponse n’apparaît pas encore dans les résultats : les réponses y entrent par groupes d’au moins trois, ou à la clôture du questionnaire, pour qu’aucune ne puisse être reconnue.
   *[other] { $count } réponses n’apparaissent pas encore dans les résultats : les réponses y entrent par groupes d’au moins trois, ou à la clôture du questionnaire, pour qu’aucune ne puisse être reconnue.
}
