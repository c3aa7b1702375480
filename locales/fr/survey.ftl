# Répondre à un questionnaire, et ses résultats.
survey-title = Votre avis sur la formation
survey-intro = Cinq minutes, qui aident les formateurs et l'équipe organisatrice à améliorer les prochaines sessions. Les questions marquées * demandent une réponse.
survey-anonymous = Vos réponses sont enregistrées sans votre nom : personne ne peut savoir ce que vous avez répondu.
survey-submit = Envoyer mes réponses
survey-thanks = Merci : vos réponses sont enregistrées. Ce lien ne peut plus servir.
survey-closed = Ce questionnaire est fermé.
survey-results-title = Questionnaire de satisfaction
survey-state = Le questionnaire
survey-open-since = Ouvert depuis le { $opened }, jusqu'au { $closes }.
survey-not-open = Pas encore ouvert : il s'ouvre de lui-même après la dernière séance, ou maintenant avec le bouton ci-dessous.
survey-template = Questionnaire
survey-invitees = Qui est invité
survey-invitees-participants = Les participants (ayant pris part à une séance au moins, en ligne une partie de celle-ci aussi)
survey-invitees-confirmed = Toutes les personnes ayant une place confirmée
survey-open = Ouvrir le questionnaire maintenant
survey-invite-more = Inviter les personnes pas encore invitées
survey-opened = Le questionnaire est ouvert ; les invitations sont en route.
survey-invited = { $count ->
    [one] invité
   *[other] invités
}
survey-answered = { $count ->
    [one] réponse
   *[other] réponses
}
survey-response-rate = taux de réponse
survey-withheld = Moins de 3 personnes ont répondu : les résultats ne sont pas encore affichés, pour que personne ne puisse être reconnu.
survey-no-answers = Personne n'a encore répondu.
survey-download = Télécharger les résultats (CSV)
survey-mean = Moyenne { $mean } sur 5, sur { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
survey-distribution = Réponses ({ $count })
survey-no-texts = Aucune réponse écrite.
survey-csv-question = Question
survey-csv-value = Réponse
survey-csv-count = Nombre
survey-csv-mean = Moyenne
error-survey-closed = Ce questionnaire est fermé.
error-survey-answered = Une réponse a déjà été envoyée avec ce lien.
survey-reminder-days = Relancer les personnes qui n'ont pas répondu après (jours)
survey-open-days = Fermer le questionnaire après (jours)
error-reminder-after-close = La relance doit partir avant la fermeture du questionnaire.
nav-surveys = Questionnaires
survey-past-session = Cette session a été enregistrée après coup : Aula n’écrit à aucun de ses participants, elle n’envoie donc pas de questionnaire, et ses attestations n’en demandent pas.
error-survey-past-session = Une session enregistrée après coup n’écrit à personne : son questionnaire ne peut pas être envoyé.
