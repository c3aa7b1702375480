nav-indicators = Indicateurs
indicators-title = Indicateurs
indicators-programme = Programme
indicators-course = Formation
indicators-session = Session
indicators-modality = Modalité
indicators-region = Région des participants
indicators-audience = Public des participants
indicators-from = Période du
indicators-to = Période jusqu’au
indicators-show = Afficher
indicators-everything = Tous les programmes
indicators-generated = chiffres du { $date }
indicators-headline = Chiffres clés
indicators-registrations = Inscriptions
indicators-registered-people = Personnes inscrites
indicators-participants = Inscriptions suivies
indicators-completions = Formations achevées
indicators-beneficiaries = Bénéficiaires
indicators-completion-rate = Taux d’achèvement (%)
indicators-training-hours = Heures de formation
indicators-satisfaction-mean = Satisfaction moyenne (sur 5)
indicators-satisfaction-count = Réponses de satisfaction
indicators-survey-response-rate = Taux de réponse au questionnaire (%)
indicators-certificates-issued = Attestations délivrées
indicators-certificates-revoked = Attestations révoquées
indicators-sessions-held = Sessions tenues
indicators-venues = Lieux
indicators-workplaces = Employeurs
indicators-regions = Régions
indicators-note-registrations = personnes ayant une place ou en liste d’attente ; { $count ->
    [one] { $count } inscription
   *[other] { $count } inscriptions
}
indicators-note-completions = personnes ayant achevé une formation ; { $count ->
    [one] { $count } formation achevée
   *[other] { $count } formations achevées
}
indicators-note-completion-rate = sur { $count ->
    [one] { $count } inscription confirmée
   *[other] { $count } inscriptions confirmées
} aux sessions tenues
indicators-note-answers = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
indicators-note-participants = inscriptions ayant pris part à une séance au moins (présentes, en retard, ou connectées une partie d’une séance en ligne) : une personne qui a suivi deux sessions compte deux fois
indicators-note-anonymous = réponses anonymes : inconnues par région ou par public
indicators-note-response-rate = { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
} pour { $invited ->
    [one] { $invited } invitation
   *[other] { $invited } invitations
}
indicators-note-revoked = révoquées depuis : { $count }
indicators-out-of-five = { $mean } / 5
indicators-region-names = Les participants venaient de : { $names }.
indicators-download-totals = Télécharger les chiffres clés (CSV)
indicators-download-semicolon = CSV avec points-virgules, pour les tableurs à virgule décimale
indicators-download-workbook = Tout le tableau de bord en classeur Excel (XLSX)
indicators-download-table = Télécharger « { $table } » (CSV)
indicators-chart-region = Inscriptions suivies par région
indicators-chart-course = Taux d’achèvement par formation
indicators-chart-month = Inscriptions par mois de début de la session
indicators-satisfaction-distribution = Satisfaction globale : réponses par note
indicators-by-region = Région
indicators-by-audience = Public
indicators-by-modality = Modalité
indicators-by-course = Formation
indicators-by-month = Mois
indicators-chart-quarter = Heures de formation par trimestre
indicators-by-quarter = Trimestre
indicators-quarter-label = T{ $quarter } { $year }
indicators-period-help-title = Comment les chiffres se rangent dans une période
indicators-period-help = Chaque chiffre compte dans la période de sa propre date (UTC). Inscriptions : la première séance de leur session. Inscriptions suivies, heures de formation, employeurs et régions : les séances suivies. Formations achevées, taux d’achèvement, questionnaires, satisfaction, attestations, sessions tenues et lieux : la fin de la session. Une session qui s’étend sur plusieurs mois range donc les heures de chaque séance dans leur mois, et ses achèvements dans le mois où elle se termine. Sensibilisation (la portée) : le jour où chaque action a eu lieu.
indicators-score = Note (1 à 5)
indicators-answers = Réponses
indicators-indicator = Indicateur
indicators-value = Valeur
indicators-not-given = Non renseigné
error-reach-not-applicable = La sensibilisation n’a ni cours, ni session, ni modalité, ni commanditaire : retirez ce filtre pour voir sa portée.
