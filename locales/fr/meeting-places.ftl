## Sessions hybrides : le lieu propre d'une séance (issue 20)
meeting-place = Lieu ou lien, s’il diffère de la session
meeting-place-n = Lieu ou lien de la séance { $n }, s’il diffère de la session
meeting-place-hint = Pour une session hybride : une salle et son adresse, ou le lien d’une séance qui ne se tient pas au lieu ou au lien de la session. Laissez vide pour ceux de la session.
mail-meeting-place = à { $place }
session-meeting-where = Où
session-meeting-usual-place = Le lieu de la session
session-meeting-online = En ligne (le lien est envoyé aux participants par e-mail)
