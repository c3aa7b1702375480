# Issue 24 : les parcours d'un stagiaire et d'un formateur.

## Les inscriptions, comme chaque badge les annonce (la règle du formulaire)
registering-open = Inscriptions ouvertes
registering-waiting-list = Complet : liste d'attente
registering-not-yet = Inscriptions ouvertes plus tard
registering-over = Inscriptions closes
registering-started = En cours : inscriptions closes
registering-held = Tenue : la session est terminée

## Les filtres du catalogue, repliés sur un téléphone
catalogue-filters-summary = Filtrer les sessions
catalogue-filters-active = filtres appliqués

## Annuler : une seconde étape
cancel-confirm-title = Annuler cette inscription ?
cancel-confirm-explain = Votre place revient à la personne suivante en attente et vous recevrez un e-mail. Pour venir malgré tout, il faudrait vous inscrire de nouveau, s'il reste des places.
cancel-confirm-submit = Oui, annuler mon inscription
cancel-confirm-keep = Non, garder mon inscription

## Mes formations : ce qui s'est passé, une fois la formation terminée
me-outcome-completed = Formation suivie jusqu'au bout
me-outcome-not-completed = Formation non validée
me-outcome-attended = Présence enregistrée
me-outcome-not-recorded = Terminée : présences pas encore saisies
me-outcome-meetings = Séances suivies : { $attended } sur { $meetings }
me-outcome-certificate = Votre attestation est prête
me-outcome-survey = Un questionnaire attend votre réponse
me-outcome-survey-answer = Répondre au questionnaire

## Un lien de confirmation remplacé par un plus récent
outcome-link-superseded = Un lien plus récent vous a été envoyé
registration-link-superseded-body = Vous avez redemandé l'inscription le { $date } : nous vous avons envoyé un nouveau lien de confirmation et celui-ci ne fonctionne plus. Cherchez l'e-mail d'Aula le plus récent (et dans vos indésirables) et appuyez sur son bouton. Rien n'est perdu : votre demande est conservée et le nouveau lien la confirme.

## L'appel : pas avant la séance
roll-call-not-started = Cette séance n'a pas encore commencé : rien ne peut être noté. L'appel ouvre le { $opens }, une heure avant le début.
error-meeting-not-started = Cette séance n'a pas encore commencé : les présences se saisissent à partir d'une heure avant son début ({ $opens }). Rien n'a été modifié.

## Présences : la validation avant la saisie
attendance-not-recorded = Pas encore saisie
attendance-still-possible = Pas encore : toujours possible

## Émargement : quand, où taper le code, la vue projetée
check-in-opens-at = L'émargement de cette séance ouvre le { $opens }.
check-in-or-type-at = Pas d'appareil photo ? Allez sur { $address } et tapez le code :
check-in-full-screen = Plein écran, pour projeter
check-in-leave-full-screen = Quitter le plein écran
check-in-short-lead = Tapez le code affiché sur l'écran du formateur.
check-in-short-code = Code affiché à l'écran
check-in-short-wrong = Ce code n'est pas valable maintenant : il change toutes les 20 secondes. Tapez celui qui est affiché.

## L'émargement en un geste : le lien personnel ouvert une fois sur le téléphone
mail-reminder-check-in = À l'entrée : ouvrez une fois le lien « mon inscription » ci-dessous sur le téléphone que vous apporterez. Scanner ensuite le code du formateur vous fait émarger d'un geste, sans code à attendre.
registration-phone-remembers = Ce téléphone garde désormais cette page : à chaque séance, scanner le code du formateur vous fait émarger d'un geste.

## Annuler une session : une seconde étape qui dit qui est prévenu
session-cancel-title = Annuler cette session ?
session-cancel-recipients = { $count ->
    [0] Aucun e-mail ne partira.
    [one] Une personne inscrite sera prévenue par e-mail, avec une mise à jour d’agenda qui retire les séances.
   *[other] { $count } personnes inscrites seront prévenues par e-mail, avec une mise à jour d’agenda qui retire les séances.
}
session-cancel-explain = Une session annulée ne peut pas être rouverte : les inscriptions prennent fin et les rappels prévus sont abandonnés.
session-cancel-submit = Oui, annuler la session
session-cancel-keep = Non, garder la session
