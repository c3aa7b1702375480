# Answering a survey, and its results.
survey-title = Your opinion of the training
survey-intro = Five minutes, and it helps the trainers and the organisers make the next sessions better. Questions marked * need an answer.
survey-anonymous = Your answers are stored without your name: nobody can tell what you answered.
survey-submit = Send my answers
survey-thanks = Thank you: your answers are recorded. This link cannot be used again.
survey-closed = This survey is closed.
survey-results-title = Satisfaction survey
survey-state = The survey
survey-open-since = Open since { $opened }, until { $closes }.
survey-not-open = Not open yet: it opens by itself when the last meeting has ended, or now with the button below.
survey-template = Questionnaire
survey-invitees = Who is invited
survey-invitees-participants = The participants (who took part in one meeting at least, online for part of it too)
survey-invitees-confirmed = Everyone with a confirmed place
survey-open = Open the survey now
survey-invite-more = Invite the people not invited yet
survey-opened = The survey is open; the invitations are on their way.
survey-invited = { $count ->
   *[other] invited
}
survey-answered = { $count ->
   *[other] answered
}
survey-response-rate = response rate
survey-withheld = Fewer than 3 people have answered: the results are not shown yet, so that nobody can be recognised.
survey-no-answers = Nobody has answered yet.
survey-download = Download the results (CSV)
survey-mean = Mean { $mean } out of 5, from { $count ->
    [one] one answer
   *[other] { $count } answers
}
survey-distribution = Answers ({ $count })
survey-no-texts = No written answer.
survey-csv-question = Question
survey-csv-value = Answer
survey-csv-count = Count
survey-csv-mean = Mean
error-survey-closed = This survey is closed.
error-survey-answered = This survey has already been answered with this link.
survey-reminder-days = Remind those who have not answered after (days)
survey-open-days = Close the survey after (days)
error-reminder-after-close = The reminder must go before the survey closes.
nav-surveys = Surveys
survey-past-session = This session was recorded after the fact: Aula e-mails none of its participants, so it sends no survey, and its certificates ask for none.
error-survey-past-session = A session recorded after the fact e-mails nobody: its survey cannot be sent.
