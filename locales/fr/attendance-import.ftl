# Enregistrer la présence à une séance à partir du rapport des participants
# de sa plateforme (Zoom, Teams, Meet, Jitsi, BigBlueButton) : pages et API.

## Problèmes
error-attendance-import-no-file = Choisissez le rapport des participants à envoyer.
error-attendance-import-no-column = Le rapport n'a pas de colonne « { $column } ».
error-attendance-import-parameter = Paramètre inconnu. Utilisez dry_run, others_absent, reason, map.<champ> (name, surname, email, join, leave, duration) ou match.<clé>.
error-attendance-import-no-person = Le rapport ne contient personne « { $key } ».
flash-attendance-imported = Le rapport des participants est enregistré dans les présences.

## Envoi
attendance-import-title = Importer le rapport des participants
attendance-import-heading = Rapport des participants, séance { $number }
attendance-import-lead = Enregistrez la présence à cette séance à partir du rapport des participants exporté par sa plateforme (Zoom, Teams, Google Meet, Jitsi, BigBlueButton…). Aula compte les minutes de chaque personne pendant la séance : une personne partie puis revenue, ou connectée sur deux appareils à la fois, n'est comptée qu'une fois.
attendance-import-how = Une fois la séance terminée, téléchargez son rapport des participants (ou rapport de présence) depuis la plateforme et envoyez-le tel quel.
attendance-import-format = Le fichier CSV tel que la plateforme l’exporte : le rapport des participants de Zoom, le rapport de présence de Teams, la feuille de présence de Google Meet, le tableau de bord d’apprentissage de BigBlueButton, ou tout tableau de noms ou d’adresses e-mail avec les heures d’arrivée et de départ ou les durées. UTF-8, UTF-16, Windows-1252, Windows-1256 (arabe) ou Mac Roman ; cellules séparées par des virgules, des points-virgules ou des tabulations.
attendance-import-matching = Les personnes sont reconnues par leur adresse e-mail, puis par leur nom (quels que soient les accents, la casse ou l'ordre). Vous choisissez à la main qui sont les autres ; vos choix sont retenus pour le prochain rapport de cette session. Rien n'est enregistré avant que vous ayez vu le rapport et décidé.
attendance-import-file = Rapport des participants (CSV)
attendance-import-file-hint = Le fichier est d'abord lu : vous verrez qui a été trouvé, pendant combien de temps, et quelles lignes n'ont pas pu être lues.
attendance-import-upload = Envoyer et lire

## Rapport
attendance-import-report-title = Vérifier le rapport des participants
attendance-import-report-file = Fichier : { $file }
attendance-import-report-rows = Lignes : { $rows }
attendance-import-meeting-length = La séance dure { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} : personne n'est compté davantage.
attendance-import-by-email = trouvées par e-mail
attendance-import-by-name = trouvées par le nom
attendance-import-by-earlier-choice = trouvées par un choix précédent
attendance-import-unmatched-count = personne de la session
attendance-import-unreadable-count = lignes non lues
attendance-import-mapping-title = Quelle colonne contient quoi
attendance-import-mapping-intro = Vérifiez la colonne choisie pour chaque champ. Le rapport doit donner les noms ou les adresses e-mail, et soit les heures d'arrivée et de départ, soit les durées.
attendance-import-not-in-file = — absent du fichier —
attendance-import-check-again = Relire le rapport avec ces colonnes
attendance-import-problems-title = Lignes non lues
attendance-import-problems-intro = Ces lignes ont été ignorées ; le reste du rapport est compté. Corrigez-les dans le fichier et envoyez-le à nouveau si elles comptent.
attendance-import-line = Ligne
attendance-import-problem = Problème
attendance-import-people-title = Personnes du rapport
attendance-import-people-intro = Chaque personne du rapport, qui elle est et comment on l'a trouvée, et ce que l'enregistrement change. Les personnes trouvées sont marquées présentes avec leurs minutes.
attendance-import-not-clipped = Pour les personnes marquées *, le rapport ne donne qu’une durée totale, ou une durée plus courte que le temps entre leur première arrivée et leur dernier départ : elle ne peut pas être placée dans la séance, peut donc inclure du temps avant le début ou après la fin, et n’est que plafonnée à la durée de la séance (ou à la part de leur temps qui s’y trouve). Vérifiez ces chiffres.
attendance-import-not-clipped-mark = total du fichier, non limité à la séance
attendance-import-nobody = Le rapport ne nomme personne.
attendance-import-lines = Lignes
attendance-import-name = Nom dans le rapport
attendance-import-email = E-mail dans le rapport
attendance-import-kept = Plages retenues
attendance-import-minutes = Minutes
attendance-import-participant = Participant ou participante
attendance-import-how-found = Trouvée
attendance-import-matched-email = par e-mail
attendance-import-matched-name = par le nom
attendance-import-matched-earlier-choice = par un choix précédent
attendance-import-matched-by-hand = à la main
attendance-import-matched-unmatched = sans correspondance
attendance-import-change = Ce qui change
attendance-import-from-to = { $from } → { $to }
attendance-import-unchanged = Aucun changement ({ $mark })
attendance-import-mark = { $status }, { $minutes } min
attendance-import-not-marked = non marqué
attendance-import-not-recorded = Non enregistré
attendance-import-nobody-of-session = Personne de la session
attendance-import-choose-title = Qui est qui
attendance-import-choose-intro = Pour chaque personne non trouvée par son adresse, choisissez le ou la participante qu'elle est, ou « Aucun d'eux ». Vos choix sont retenus pour le prochain rapport de cette session.
attendance-import-choose-later = Personnes du rapport non proposées ici : { $count }. Elles gardent ce qui a été trouvé ; enregistrez ces choix, puis téléversez de nouveau le rapport pour choisir pour elles.
attendance-import-who-is = Qui est « { $name } » (lignes { $lines }) ?
attendance-import-minutes-found = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
attendance-import-not-one-of-them = Aucun d'eux
attendance-import-partial-help = Une personne connectée moins de { $percent } % de la séance est marquée « partielle » : ses minutes comptent quand même dans les heures de la session, qui décident de l'achèvement. Cette part se règle dans les paramètres de la session.
attendance-import-absent-title = Participants absents du rapport
attendance-import-absent-intro = Ces personnes ont une place confirmée, mais personne du rapport ne leur correspond.
attendance-import-everyone-found = Tous les participants de la session figurent dans le rapport.
attendance-import-record-title = Enregistrer la présence
attendance-import-record-intro = Les pointages sont remplacés, pas additionnés : importer à nouveau le même rapport enregistre les mêmes minutes, rien n'est compté deux fois.
attendance-import-others-absent = Marquer absents les autres participants
attendance-import-others-absent-hint = Celles à qui personne du rapport ne correspond. Sinon, leurs marques restent telles quelles.
attendance-import-reason = Motif de la correction
attendance-import-reason-hint = La session est terminée : la présence et les réussites sont corrigées, et le journal d'audit garde le motif.
attendance-import-record = Enregistrer la présence
attendance-import-nothing = Personne dans ce rapport ne peut être enregistré avec ces colonnes.
attendance-import-another = Envoyer un autre fichier
