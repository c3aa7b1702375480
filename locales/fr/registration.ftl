# Inscription, confirmation, annulation, « Mes formations », et les outils des organisateurs pour les inscriptions.

## Règles
error-phone = Indiquez un numéro de téléphone de 6 à 20 chiffres (espaces, points, tirets, parenthèses et un + initial acceptés).
error-consent-needed = Pour vous inscrire, cochez la case qui accepte la notice de confidentialité.
error-session-not-open = Cette session n'est pas ouverte aux inscriptions.
error-session-closed = Les inscriptions à cette session sont closes.
error-session-cancelled = Cette session est annulée.
error-session-completed = Cette session a déjà eu lieu.
error-session-not-taking = On ne peut ajouter des personnes que lorsque la session est en brouillon, ou ouverte ou close aux inscriptions.
error-registration-not-yet = Les inscriptions à cette session ne sont pas encore ouvertes.
error-registration-over = Les inscriptions à cette session sont terminées.
error-session-started = La session a commencé : les inscriptions ne peuvent plus être annulées. Écrivez à l'équipe organisatrice.
error-session-was-cancelled = Cette session a été annulée : il n'y a plus de place à confirmer ni à annuler. D'autres sessions sont au catalogue.
error-confirm-started = La session a commencé ou est terminée : une place ne peut plus être confirmée. Écrivez à l'équipe organisatrice.
error-confirm-expired = Ce lien de confirmation a expiré (les liens valent 48 heures). Inscrivez-vous de nouveau depuis la page de la session pour en recevoir un autre.
error-try-again = Quelqu'un a modifié cette inscription au même moment. Veuillez réessayer.
error-session-changed = La session a changé au même moment (annulée, ou de nouvelles dates). Consultez-la de nouveau et réessayez.
error-no-seat-free = Aucune place n'est libre dans cette session. Augmentez d'abord la capacité.
error-already-cancelled = Cette inscription est déjà annulée.

## Le formulaire
registration-form-title = S'inscrire
registration-full-waitlist = La session est complète : en vous inscrivant, vous rejoignez la liste d'attente et recevez la première place qui se libère.
form-required-hint = Les champs marqués * sont obligatoires.
person-given-name = Prénom
person-family-name = Nom
person-email = Adresse e-mail
person-email-hint = Nous y envoyons le lien de confirmation.
person-phone = Téléphone
person-employer = Lieu de travail
person-employer-hint = Votre administration, service ou organisme.
person-job-title = Fonction
person-audience = Vous êtes
person-region = Région
person-region-none = — Aucune / ailleurs —
person-language = Langue des e-mails
honeypot-label = Laissez ce champ vide
privacy-notice-title = Notice de confidentialité (version { $version })
privacy-notice-text = L'équipe qui organise cette formation conserve vos nom, coordonnées, lieu de travail et inscriptions pour organiser la formation (inscriptions, présences, attestations) et transmettre des chiffres anonymes à ses financeurs. Seule l'équipe de formation y a accès. Lorsque l’organisme qui certifie la formation demande un identifiant (numéro national d’identité, matricule), cet organisme le voit aussi, pour son registre. Vous pouvez les consulter, les corriger et les télécharger depuis « Mes formations », et demander leur effacement à l'équipe organisatrice.
registration-consent = J'ai lu la notice de confidentialité et je l'accepte.
registration-submit = S'inscrire
registration-see-mine = Voir mes formations

## Après le formulaire et les liens
outcome-check-email = Consultez vos e-mails
registration-check-email-body = Nous vous avons envoyé un e-mail. Suivez le lien qu'il contient { $hours ->
    [one] dans l’heure
   *[other] dans les { $hours } heures
} pour confirmer votre inscription. Si rien n'arrive, regardez dans vos courriers indésirables.
outcome-confirmed = Votre place est confirmée
registration-confirmed-body = Merci : votre place est confirmée. Nous vous avons envoyé un e-mail avec les séances et un fichier de calendrier.
outcome-waitlisted = Vous êtes sur la liste d'attente
registration-waitlisted-body = La session est complète : vous êtes en position { $position } sur la liste d'attente. Si une place se libère, elle revient à la première personne en attente, et nous vous écrivons aussitôt.
outcome-cancelled = Cette inscription est annulée
registration-cancelled-body = Cette inscription a été annulée. Vous pouvez vous inscrire de nouveau depuis la page de la session tant que les inscriptions sont ouvertes.
registration-pending-body = Cette inscription attend sa confirmation.
outcome-link-expired = Ce lien a expiré
outcome-too-late = Cette inscription ne peut plus être confirmée

## La page d'une inscription
registration-page-title = Mon inscription
registration-status = État
registration-position = position { $position } dans la file
registration-cancel-explain = Si vous ne pouvez pas venir, annulez votre inscription : votre place revient à la personne suivante en attente.
registration-cancel = Annuler mon inscription
registration-cancelled-flash = Votre inscription est annulée. Nous vous avons envoyé un e-mail.

## Mes formations
me-title = Mes formations
me-sign-in-lead = Saisissez l'adresse e-mail avec laquelle vous vous êtes inscrit·e. Nous vous enverrons un lien qui ouvre vos formations, sans mot de passe.
me-email-hint = Le lien fonctionne une fois, pendant 30 minutes.
me-send-link = M'envoyer un lien
me-link-sent = Si { $email } est inscrite à une formation, un lien est en route vers cette adresse. Il fonctionne une fois, pendant 30 minutes.
me-link-expired = Ce lien a déjà servi ou a expiré. Demandez-en un nouveau ci-dessous.
me-link-lead = Ouvrir vos formations sur cet appareil.
me-open = Ouvrir mes formations
me-signed-in = Vous êtes connecté·e à vos formations.
me-signed-out = Vous êtes déconnecté·e.
me-sign-out = Se déconnecter
me-details = Corriger mes informations
me-data = Télécharger mes données (JSON)
me-registrations = Mes inscriptions
me-none = Vous n'avez pas encore d'inscription.
me-registration-page = Détails
me-cancel-label = Annuler mon inscription à { $course }
me-email-fixed = Votre adresse e-mail : { $email }. Pour en changer, inscrivez-vous de nouveau avec la nouvelle adresse.
me-details-saved = Vos informations sont enregistrées.

## Les outils des organisateurs
registrations-export = Télécharger en tableur (CSV)
registrations-import = Importer des personnes depuis un fichier CSV
registrations-add = Ajouter une personne
registrations-add-submit = Ajouter la personne
registrations-add-confirm-hint = La personne reçoit un e-mail pour confirmer l'inscription (réglage de cette session).
registrations-add-direct-hint = La personne est inscrite aussitôt et reçoit la confirmation (réglage de cette session).
registrations-capacity = Capacité
registrations-capacity-hint = L'augmenter attribue aussitôt les places aux premières personnes en attente ; elle ne peut pas descendre sous le nombre de places prises.
registrations-move = Modifier
registrations-move-to = Nouvel état pour { $name }
registrations-reason = Motif
registrations-move-submit = Appliquer
registration-move-confirmed = Confirmer
registration-move-cancelled = Annuler
registration-added = La personne est inscrite et en a été informée par e-mail.
registration-added-pending = La personne a reçu un e-mail pour confirmer l'inscription.
registration-added-already = Cette personne était déjà inscrite ; rien n'a changé.
registration-capacity-saved = La capacité est enregistrée.
registration-moved = L'inscription est modifiée et la personne informée par e-mail.
registrations-given-name-column = Prénom
registrations-family-name-column = Nom
registrations-email-column = E-mail
registrations-phone-column = Téléphone
registrations-employer-column = Lieu de travail
registrations-job-title-column = Fonction
registrations-audience-column = Profil
registrations-status-column = État
registrations-position-column = Position en liste d'attente
registrations-since-column = Inscrit·e le
session-confirm-organiser-entries = Les personnes que j'ajoute confirment d'abord par e-mail
session-confirm-organiser-entries-hint = Décoché, les personnes ajoutées à la main ou par import sont inscrites aussitôt.
confirm-title = Confirmez votre inscription
confirm-lead = Une dernière étape : confirmez que vous avez demandé cette inscription. Rien ne change avant.
confirm-training = Formation
confirm-holder = Nom sur votre inscription et vos attestations
confirm-button = Confirmer mon inscription

## Formations qui se chevauchent (issue 20)
registrations-overlap = Chevauche
me-overlap = Ses séances se chevauchent avec une autre formation à laquelle vous êtes inscrit·e ; vous ne pourrez pas suivre les deux : annulez-en une ou contactez l’organisateur :

# Personnes sans e-mail (issue 20)
person-no-email = pas d’e-mail
person-email-organiser-hint = Ne la laissez vide que pour une personne qui n’a pas d’adresse e-mail, et cochez la case ci-dessous.
person-without-email = Cette personne n’a pas d’adresse e-mail
person-without-email-hint = Personnes primo-arrivantes, participants venus sans inscription : ils ne reçoivent aucun e-mail. Donnez-leur les dates vous-même et remettez-leur l’attestation imprimée depuis la page des attestations. Un numéro de téléphone aide à les joindre.
error-personal-link = Ce lien personnel n’est pas celui de cette inscription, ou n’est plus valable : utilisez le lien de votre dernier e-mail à son sujet.
registration-session-cancelled-badge = Session annulée
registration-session-cancelled = Les organisateurs ont annulé cette session : elle n’aura pas lieu, et votre inscription prend fin avec elle. D’autres sessions sont au catalogue.
registration-cancel-explain-unseated = Si vous ne souhaitez plus venir, annulez votre inscription.
