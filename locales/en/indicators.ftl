nav-indicators = Indicators
indicators-title = Indicators
indicators-programme = Programme
indicators-course = Course
indicators-session = Session
indicators-modality = Modality
indicators-region = Participants’ region
indicators-audience = Participants’ audience
indicators-from = Period from
indicators-to = Period until
indicators-show = Show
indicators-everything = All programmes
indicators-generated = figures of { $date }
indicators-headline = Headline figures
indicators-registrations = Registrations
indicators-registered-people = Registered people
indicators-participants = Attended registrations
indicators-completions = Completions
indicators-beneficiaries = Beneficiaries
indicators-completion-rate = Completion rate (%)
indicators-training-hours = Training hours
indicators-satisfaction-mean = Mean satisfaction (out of 5)
indicators-satisfaction-count = Satisfaction answers
indicators-survey-response-rate = Survey response rate (%)
indicators-certificates-issued = Certificates issued
indicators-certificates-revoked = Certificates revoked
indicators-sessions-held = Sessions held
indicators-venues = Venues
indicators-workplaces = Workplaces
indicators-regions = Regions
indicators-note-registrations = people with a place or on a waiting list; { $count ->
    [one] { $count } registration
   *[other] { $count } registrations
}
indicators-note-completions = people who completed a course; { $count ->
    [one] { $count } completion
   *[other] { $count } completions
}
indicators-note-completion-rate = of { $count ->
    [one] { $count } confirmed registration
   *[other] { $count } confirmed registrations
} in sessions held
indicators-note-answers = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
indicators-note-participants = registrations that took part in one meeting at least (present, late, or connected for part of an online meeting): a person who attended two sessions counts twice
indicators-note-anonymous = answers are anonymous: not known by region or audience
indicators-note-response-rate = { $answered ->
    [one] { $answered } answer
   *[other] { $answered } answers
} to { $invited ->
    [one] { $invited } invitation
   *[other] { $invited } invitations
}
indicators-note-revoked = revoked since: { $count }
indicators-out-of-five = { $mean } / 5
indicators-region-names = Participants came from: { $names }.
indicators-download-totals = Download the headline figures (CSV)
indicators-download-semicolon = CSV with semicolons, for spreadsheets set to a decimal comma
indicators-download-workbook = The whole dashboard as an Excel workbook (XLSX)
indicators-download-table = Download “{ $table }” (CSV)
indicators-chart-region = Attended registrations by region
indicators-chart-course = Completion rate by course
indicators-chart-month = Registrations by month of the session’s start
indicators-satisfaction-distribution = Overall satisfaction: answers per score
indicators-by-region = Region
indicators-by-audience = Audience
indicators-by-modality = Modality
indicators-by-course = Course
indicators-by-month = Month
indicators-chart-quarter = Training hours by quarter
indicators-by-quarter = Quarter
indicators-quarter-label = Q{ $quarter } { $year }
indicators-period-help-title = How figures fall in a period
indicators-period-help = Each figure counts in the period of its own date (UTC). Registrations: the first meeting of their session. Attended registrations, training hours, workplaces and regions: the meetings attended. Completions, the completion rate, surveys, satisfaction, certificates, sessions held and venues: the end of the session. So a session that runs over several months puts each meeting’s hours in its own month and its completions in the month it ends. Outreach (the reach): the day each activity was held.
indicators-score = Score (1 to 5)
indicators-answers = Answers
indicators-indicator = Indicator
indicators-value = Value
indicators-not-given = Not given
error-reach-not-applicable = Outreach has no course, session, modality or commissioning body: remove that filter to see its reach.
