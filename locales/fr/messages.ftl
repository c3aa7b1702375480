# Messages aux participants et boîte d’envoi
nav-outbox = Boîte d’envoi
session-write = Écrire aux participants
session-outbox = Ses messages
session-calendar-download = Ajouter les séances à votre agenda (.ics)
message-title = Écrire aux participants
message-lead = Chaque personne reçoit le message par courriel, avec les informations de la session, et peut vous répondre.
message-audience = Destinataires
message-audience-confirmed = Participants confirmés
message-audience-waitlisted = Personnes en liste d’attente
message-audience-all = Confirmés et liste d’attente
message-subject = Objet
message-body = Message
message-body-hint = Texte simple. Laissez une ligne vide entre les paragraphes.
message-preview = Aperçu
message-preview-title = Avant l’envoi
message-preview-count = { $count ->
    [0] Personne ne le reçoit : aucune personne de cette session n’est dans le groupe choisi.
    [one] Une personne le reçoit. Le voici tel qu’elle le lira.
   *[other] { $count } personnes le reçoivent. Le voici tel qu’elles le liront, dans chacune de leurs langues.
}
message-preview-language-count = { $count ->
    [one] 1 destinataire
   *[other] { $count } destinataires
}
message-send-count = { $count ->
    [one] Envoyer à 1 personne
   *[other] Envoyer à { $count } personnes
}
flash-messages-queued = Les messages sont en file d’attente ; ils partent dans la minute.
flash-messages-none = Personne ne correspond : aucun message n’a été mis en file.
flash-retry-queued = Le message sera renvoyé dans la minute.
outbox-title = Boîte d’envoi
outbox-lead = Tous les courriels envoyés par Aula passent par ici : en attente, envoyés, ou en échec après plusieurs tentatives.
outbox-status = État
outbox-kind = Type
outbox-all-sessions = Voir toutes les sessions
outbox-count = { $count ->
    [0] Aucun message.
    [one] Un message.
   *[other] { $count } messages.
}
outbox-recipient = Destinataire
outbox-created = Mis en file
outbox-sent = Envoyé
outbox-next-attempt = Prochaine tentative
outbox-attempts = Tentatives
outbox-language = Langue
outbox-last-error = Dernière erreur
outbox-retry = Renvoyer
outbox-message-title = Message
outbox-subject = Objet
outbox-text-part = Version texte
outbox-html-part = Version HTML
outbox-render-failed = Ce message ne peut pas être mis en forme :
outbox-stuck-title = Bloqués après la fin de leur bail
outbox-stuck-lead = Le répartiteur qui les envoyait s’est arrêté avant d’en noter le résultat (son processus a pris fin ou a perdu la base de données). Un autre les reprend à son prochain tour ; quelques-uns peuvent arriver deux fois, avec le même Message-ID.
outbox-stuck-held-by = Tenu par
outbox-stuck-lease-ended = Fin du bail
outbox-status-pending = En attente
outbox-status-sending = En cours d’envoi
outbox-status-sent = Envoyé
outbox-status-failed = En échec
outbox-status-dropped = Abandonné (trop tard)
outbox-kind-broadcast = Message de l’équipe d’organisation
outbox-kind-session-changed = Nouveaux horaires
outbox-kind-session-cancelled = Session annulée
outbox-kind-meetings-withdrawn = Séances retirées
outbox-kind-registration-confirmed = Place confirmée
outbox-kind-reminder = Rappel avant la session
outbox-kind-registration-requested = Lien de confirmation
outbox-kind-already-registered = Déjà inscrit·e
outbox-kind-registration-waitlisted = En liste d’attente
outbox-kind-registration-cancelled = Inscription annulée
outbox-kind-sign-in-link = Lien de connexion
outbox-kind-erasure-link = Lien d'effacement des données
outbox-kind-absence-warning = Alerte d’absence
outbox-kind-check-in-code = Code d’émargement
outbox-kind-survey-invitation = Invitation au questionnaire
outbox-kind-certificate-ready = Attestation disponible
outbox-kind-certificate-revoked = Attestation révoquée
error-outbox-not-failed = Seul un message en échec peut être renvoyé.
error-already-registered = Cette personne est déjà inscrite à cette session.
error-registration-transition = Une inscription ne peut pas passer de « { $from } » à « { $to } ».
outbox-open-html = Ouvrir la version HTML telle que la voit la personne destinataire
error-render-failed = Ce message ne peut pas être mis en forme ({ $reason }).
session-reminder-lead = Rappel, en heures avant la première séance
session-reminder-lead-hint = Les participants reçoivent un rappel par courriel ce nombre d’heures avant la première séance (48 = deux jours).
session-present-share = Part d’une séance en ligne qui compte comme présence, en %
session-present-share-hint = De 1 à 100 (50 = la moitié de la séance). Une personne connectée moins longtemps est marquée « partielle » à l’import d’un rapport de participants ; ses minutes comptent quand même dans les heures.
session-record-past = Une session passée, enregistrée après coup
session-record-past-hint = Pour une formation déjà tenue : les personnes que vous inscrivez ou importez ont leur place aussitôt et personne ne reçoit d’e-mail à son sujet (ni confirmation, ni invitation, ni rappel, ni questionnaire) ; vous saisissez leur présence.
session-past-title = Cette session a déjà commencé
session-past-lead = Sa première séance est passée. Si vous inscrivez ou importez des personnes dans une session en cours, chacune reçoit « votre place est confirmée » et une invitation d’agenda pour une formation déjà tenue. Enregistrez-la comme session passée pour saisir qui y a participé sans écrire à personne.
session-past-record = L’enregistrer comme session passée (aucun e-mail)
session-past-live = La créer comme session en cours (les personnes reçoivent des e-mails)
session-past-badge = Session passée, enregistrée : aucun e-mail
session-hours-differ = Ses séances totalisent { $planned } heures, et la formation en compte { $nominal }. Vous pouvez l’enregistrer ainsi ; ses attestations indiqueront les heures suivies sur { $nominal }.
registrations-title = Inscriptions
registrations-seats-left = { $count ->
    [one] place libre
   *[other] places libres
}
registrations-status = État
registrations-none = Aucune inscription ici.
registrations-name = Nom
registrations-email = Courriel
registrations-employer = Lieu de travail
registrations-since = Inscrit le
registrations-position = { $position }ᵉ dans la file
session-registrations = Inscriptions
registration-pending = En attente de confirmation par courriel
registration-confirmed = Confirmée
registration-waitlisted = Liste d’attente
registration-cancelled = Annulée
