# Courriels
mail-greeting = Bonjour { $name },
mail-greeting-anonymous = Bonjour,
mail-signature = L’équipe de formation, { $organisation }
mail-times-in-zone = Les horaires sont donnés dans le fuseau { $zone }.
meeting-when = { $date }, { $start }–{ $end }
mail-place = Lieu : { $place }
mail-broadcast-from = { $name }, pour l’équipe d’organisation
mail-session-changed-subject = Changements dans votre formation : { $course }
mail-session-changed-body = Les horaires ou le lieu de votre formation ont changé. Voici ce qu’il en est désormais ; le fichier de calendrier joint met votre agenda à jour.
mail-calendar-attached = Le fichier joint (invite.ics) ajoute ces séances à votre agenda.
mail-session-cancelled-subject = Annulée : { $course }
mail-session-cancelled-body = Nous sommes désolés : cette session de formation est annulée. Vous n’avez rien à faire ; le fichier joint la retire de votre agenda.
mail-calendar-cancel-attached = Le fichier joint (invite.ics) retire ces séances de votre agenda.
mail-meetings-withdrawn-subject = Séances retirées de votre formation : { $course }
mail-meetings-withdrawn-body = Ces séances de votre formation n’auront pas lieu :
mail-meetings-withdrawn-remaining = La formation telle qu’elle est désormais :
mail-calendar-withdrawn-attached = Le fichier joint (invite.ics) retire de votre agenda les séances supprimées.
mail-online = En ligne
mail-online-link = Lien pour participer : { $url }
mail-online-link-label = Lien pour participer :
mail-confirmed-subject = Votre place est confirmée : { $course }
mail-confirmed-body = Votre place dans cette session de formation est confirmée. Voici ses séances.
mail-reminder-subject = Bientôt : { $course }
mail-reminder-body = Un rappel : votre session de formation commence bientôt.
mail-manage-link-label = Pour consulter ou annuler votre inscription :
mail-manage-link-text = mon inscription
mail-promoted-body = Bonne nouvelle : une place s'est libérée et elle est à vous. Votre place dans cette session de formation est confirmée.
mail-requested-subject = Confirmez votre inscription : { $course }
mail-requested-body = Nous avons reçu une inscription à cette session de formation avec votre adresse e-mail. Pour la confirmer, suivez ce lien { $hours ->
    [one] dans l’heure
   *[other] dans les { $hours } heures
} :
mail-requested-button = Confirmer mon inscription
mail-requested-ignore = Si vous n'avez rien demandé, ignorez ce message : rien ne se passe sans votre confirmation.
mail-already-subject = Vous êtes déjà inscrit·e : { $course }
mail-already-confirmed = Quelqu'un, sans doute vous, a demandé de nouveau à inscrire cette adresse à cette session. Vous avez déjà une place ; rien n'a changé.
mail-already-waitlisted = Quelqu'un, sans doute vous, a demandé de nouveau à inscrire cette adresse à cette session. Vous êtes déjà sur la liste d'attente, en position { $position } ; rien n'a changé.
mail-waitlisted-subject = Sur liste d'attente : { $course }
mail-waitlisted-body = La session est complète : vous êtes sur sa liste d'attente, en position { $position }. Dès qu'une place se libère, elle revient à la première personne en attente, et nous vous écrivons aussitôt.
mail-cancelled-subject = Inscription annulée : { $course }
mail-cancelled-by-you = Votre inscription à cette session de formation est annulée, comme vous l'avez demandé.
mail-cancelled-by-organiser = L'équipe organisatrice a annulé votre inscription à cette session de formation. Écrivez-lui si vous pensez qu'il s'agit d'une erreur.
mail-cancelled-again = Vous pouvez vous inscrire de nouveau depuis la page de la session tant que les inscriptions sont ouvertes.
mail-sign-in-subject = Votre lien vers « Mes formations »
mail-sign-in-body = Suivez ce lien pour voir vos formations. Il fonctionne une seule fois, pendant { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} :
mail-sign-in-button = Ouvrir mes formations
mail-sign-in-ignore = Si vous ne l'avez pas demandé, ignorez ce message.
mail-absence-subject = Votre assiduité : { $course }
mail-absence-organiser-subject = Personnes qui ne peuvent plus terminer : { $course }
mail-absence-body = Avec les séances manquées, vous ne pouvez plus atteindre les { $percent } % de présence que demande cette formation pour son attestation. Si un empêchement vous a retenu·e, écrivez à l'équipe organisatrice : elle vous dira ce qui est possible.
mail-check-in-subject = Votre code d'émargement : { $code }
mail-check-in-body = Saisissez ce code sur votre téléphone pour signer votre présence. Il fonctionne une fois, pendant { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} :
mail-absence-organiser = Avec les séances manquées, { $name } ne peut plus atteindre les { $percent } % de présence que demande cette formation. La personne en a aussi été informée.
mail-absence-digest = Avec les séances manquées, ces personnes ne peuvent plus atteindre les { $percent } % de présence que demande cette formation :
mail-absence-digest-told = Chacune en a aussi été informée.
mail-survey-subject = Votre avis : { $course }
mail-survey-reminder-subject = Rappel — votre avis : { $course }
mail-survey-body = Merci d'avoir suivi cette formation. Dites-nous ce que vous en avez pensé : cela prend cinq minutes et aide les formateurs et l'équipe organisatrice à l'améliorer.
mail-survey-reminder-body = Vous n'avez pas encore répondu au questionnaire sur cette formation. Cela prend cinq minutes, et chaque réponse compte.
mail-survey-button = Répondre au questionnaire
mail-survey-closes = Le questionnaire ferme le { $date }.
mail-survey-anonymous = Vos réponses sont anonymes : elles sont enregistrées sans votre nom, et personne ne peut savoir ce que vous avez répondu.
mail-certificate-subject = Votre attestation : { $course }
mail-certificate-body = Félicitations : vous avez suivi cette formation jusqu'au bout, et votre attestation (numéro { $number }) est prête. Téléchargez-la ici :
mail-certificate-button = Télécharger mon attestation (PDF)
mail-certificate-verify = Chacun peut vérifier son authenticité à cette adresse :
mail-certificate-revoked-subject = Votre attestation a été révoquée : { $course }
mail-certificate-revoked-body = Les organisateurs ont révoqué votre attestation numéro { $number } : elle n’est plus valable.
mail-certificate-revoked-reason = Leur motif : { $reason }
mail-certificate-revoked-verify = Quiconque la vérifie lit désormais qu’elle a été révoquée, à cette adresse :

mail-erasure-subject = Confirmez l'effacement de vos données
mail-erasure-body = Vous nous avez demandé d'effacer vos données personnelles. Suivez ce lien pour le confirmer ; il fonctionne pendant { $hours } heures. Une fois confirmé, l'effacement est définitif :
mail-erasure-button = Confirmer l'effacement
mail-erasure-ignore = Si vous ne l'avez pas demandé, ignorez ce message : rien ne sera effacé.
