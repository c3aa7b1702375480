# Appels, tableau des présences et validation.
attendance-present = Présent·e
attendance-partial = Partiel·le
attendance-late = En retard
attendance-excused = Excusé·e
attendance-absent = Absent·e
roll-call-title = Appel
roll-call-heading = Appel, séance { $number }
roll-call-nobody = Personne n'a encore de place confirmée dans cette session.
roll-call-all-present = Marquer tout le monde présent
roll-call-hint = Marquez tout le monde présent, changez les exceptions, puis enregistrez une seule fois. Les personnes non marquées restent comme elles sont.
roll-call-minutes = Minutes de connexion (0 à { $max })
roll-call-reason = Motif de la correction
roll-call-reason-hint = La session est terminée : une correction est conservée dans le journal avec son motif.
roll-call-save = Enregistrer l'appel
roll-call-saved = L'appel est enregistré.
attendance-title = Présences
attendance-rule = La validation demande { $percent } % des heures de la session.
attendance-required = Soit { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
}.
attendance-take-roll-call = Appel, séance { $number }
attendance-matrix = Présences par personne
attendance-download = Télécharger en tableur (CSV)
attendance-meeting-short = Séance { $number }
attendance-hours = Heures suivies
attendance-completed = Validée
attendance-cannot-complete = Plus possible
attendance-hours-column = Heures suivies
attendance-completed-column = Validée
error-reason-needed = Indiquez un motif : la session est terminée, et les corrections sont conservées avec leur motif.
error-not-in-session = Cette personne n'est pas inscrite à cette session.
error-mark-twice = Cette personne est marquée autrement plus haut dans la liste : une marque chacune.
error-partial-minutes = Une présence partielle demande les minutes suivies.
error-not-confirmed = Seules les inscriptions confirmées sont marquées ; celle-ci est « { $status } ».
check-in-title = Émargement
check-in-show = Afficher le code d'émargement
check-in-qr-label = Code QR pour signer sa présence à cette séance
check-in-scan = Scannez ce code avec votre téléphone pour signer votre présence.
check-in-or-type = Ou saisissez le code :
check-in-changes = Le code change { $seconds ->
    [one] chaque seconde
   *[other] toutes les { $seconds } secondes
}.
check-in-not-yet = L'émargement de cette séance n'est pas encore ouvert.
check-in-over = L'émargement de cette séance est terminé.
check-in-cancelled = Cette session ne prend pas d'émargement.
check-in-code-expired = Ce code a expiré ou appartient à une autre séance. Scannez de nouveau le code affiché à l'écran.
check-in-not-registered = Vous n'avez pas de place confirmée dans cette session. Adressez-vous au formateur ou à la formatrice.
check-in-done = { $name }, votre présence est enregistrée. Merci !
check-in-as = Signer ma présence : { $name }
check-in-who = Pour signer votre présence, ouvrez sur ce téléphone le lien personnel de votre e-mail de confirmation, ou recevez un code par e-mail.
check-in-send-code = M'envoyer un code
check-in-code-sent = Si { $email } a une place dans cette session, un code est en route vers cette adresse.
check-in-otp = Code reçu par e-mail
check-in-submit = Signer ma présence
check-in-otp-wrong = Ce code n'est pas le bon, ou il a expiré. Demandez-en un nouveau.
sheet-title = Feuille d'émargement
sheet-trainers = Formation assurée par : { $names }
sheet-number = N°
sheet-signature = Signature
sheet-footer = Page {"{"}page{"}"} sur {"{"}pages{"}"}
sheet-download = Feuille d'émargement (PDF)
check-in-already-marked = { $name }, le ou la formatrice vous a déjà noté·e « { $mark } » à cette séance, et cette mention reste. Si elle est inexacte, adressez-vous au formateur ou à la formatrice.
