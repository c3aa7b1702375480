# Le rapport des participants d’une réunion en ligne (Zoom, Teams, Meet, Jitsi,
# BigBlueButton) : ce qui ne va pas dans le fichier, et le nom de ses colonnes.

## Le rapport entier
error-report-unmapped = Choisissez la colonne qui contient le nom ou l’adresse e-mail des participants, et soit les colonnes des heures d’arrivée et de départ, soit la colonne des durées. Les rapports CSV de Zoom (Participants › Exporter), Teams (Présence › Télécharger), Google Meet (la feuille de présence › Télécharger › CSV) et BigBlueButton (Tableau de bord d’apprentissage › Télécharger les données de la session) sont reconnus tels que la plateforme les donne.
error-report-encoding = Aula ne peut pas lire ce fichier comme du texte. Déposez le rapport des participants tel que la plateforme l’exporte, en CSV : Zoom, Rapports › Utilisation › Participants › Exporter ; Teams, Présence de la réunion › Télécharger (.csv) ; Google Meet, la feuille de présence › Fichier › Télécharger › CSV ; BigBlueButton, Tableau de bord d’apprentissage › Télécharger les données de la session.

## Une ligne du rapport
error-report-time = « { $value } » n’est pas une heure qu’Aula sait lire. Écrivez-la sous la forme 14/03/2024 09:30 ou 2024-03-14 09:30.
error-report-leave-before-join = Cette ligne part ({ $leave }) avant d’arriver ({ $join }) : vérifiez les deux colonnes, ou la ligne dans le rapport.
error-report-time-skipped = « { $value } » n’existe pas dans le fuseau { $zone } : on a avancé l’heure à ce moment-là. Vérifiez dans quel fuseau le rapport est écrit.
error-report-duration = « { $value } » n’est pas une durée qu’Aula sait lire. Écrivez des minutes (45), des heures, minutes et secondes (1h 2m 3s) ou 01:02:03.
error-report-outside = La ligne { $line } se situe entièrement avant ou après la réunion : elle ne compte aucun temps.
error-report-other-meeting = Aucune connexion de ce rapport ne tombe pendant la réunion du { $date } : il semble s’agir du rapport d’un autre jour ou d’une autre réunion. Rien n’a été enregistré.
error-report-nameless = Cette ligne n’a ni nom ni adresse e-mail : elle ne peut être comptée pour personne.
error-report-missing = Cette ligne ne donne ni heures d’arrivée et de départ, ni durée : elle ne peut pas être comptée.

## Les champs des colonnes
report-field-name = Nom
report-field-surname = Nom de famille
report-field-email = Adresse e-mail
report-field-join = Heure d’arrivée
report-field-leave = Heure de départ
report-field-duration = Durée
report-field-waiting-room = En salle d’attente
