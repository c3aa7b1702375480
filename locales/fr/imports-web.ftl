# Inscrire des personnes depuis un fichier CSV : les pages des organisateurs et les mots de l’API.

## Problèmes
error-import-no-file = Choisissez le fichier à envoyer.
error-import-no-column = Le fichier n’a pas de colonne « { $column } ».
error-import-unknown-parameter = Paramètre inconnu. Utilisez on_error, dry_run, without_email ou map.<champ> (given_name, family_name, email, phone, employer, job_title, audience, region, language, identifier).
import-field-problem = { $field } : { $problem }
import-aborted = Personne n’a été inscrit : des lignes du fichier sont refusées. Corrigez-les puis envoyez de nouveau le fichier, ou n’inscrivez que les personnes valides.
flash-import-done = L’import est terminé. Chaque personne inscrite reçoit un e-mail.
flash-import-discarded = Le fichier a été écarté : personne n’a été inscrit.

## Envoi
import-title = Importer des personnes depuis un fichier
import-lead = Inscrivez d’un coup une liste de personnes depuis un tableur enregistré au format CSV. Rien n’est inscrit avant que vous ayez vu le compte rendu du fichier entier et décidé.
import-columns-title = Colonnes
import-columns-intro = La première ligne du fichier nomme les colonnes. Ces colonnes sont lues :
import-required = obligatoire
import-columns-choices = Les noms de colonnes en français, en anglais ou en espagnol sont reconnus (par exemple « Courriel », « E-mail » ou « Correo electrónico ») ; vous pourrez choisir vous-même les colonnes à la page suivante. Les autres colonnes sont ignorées. Un profil vide vaut « Autre » ; une langue vide, la langue de la formation ; une région s’écrit par son nom ou son code.
import-format-title = Format du fichier
import-format-encoding = Du texte tel que votre tableur l’enregistre : « CSV UTF-8 » de préférence ; le « CSV » d’Excel sous Windows ou sur Mac et le « Texte Unicode » sont lus aussi.
import-format-separators = Des cellules séparées par des virgules (,), des points-virgules (;) ou des tabulations.
import-format-limits = Une ligne par personne, { $max } personnes et 2 Mo au plus.
import-file = Fichier CSV
import-file-hint = Le fichier est d’abord vérifié : vous verrez quelles lignes peuvent être inscrites et lesquelles ne le peuvent pas.
import-upload = Envoyer et vérifier

## Compte rendu
import-report-title = Vérifier le fichier avant d’inscrire
import-report-file = Fichier : { $file }
import-report-rows = Lignes de personnes : { $rows }
import-accepted = peuvent être inscrites
import-rejected = refusées
import-over-capacity = Il y a plus de personnes à inscrire que de places libres : celles qui dépassent vont en liste d’attente.
import-mapping-title = Quelle colonne contient quoi
import-mapping-intro = Vérifiez la colonne choisie pour chaque champ, puis vérifiez de nouveau le fichier si vous en changez une.
import-not-in-file = — absent du fichier —
import-check-again = Vérifier de nouveau le fichier avec ces colonnes
import-rejected-title = Lignes refusées
import-rejected-intro = Ces lignes ne peuvent pas être inscrites telles quelles. Corrigez-les dans votre tableur puis envoyez de nouveau le fichier, ou n’inscrivez que les personnes valides.
import-line = Ligne
import-problems = Problèmes
import-preview-title = Premières personnes à inscrire
import-preview-more = { $count ->
    [one] Et { $count } autre.
   *[other] Et { $count } autres.
}
import-decide-title = Inscrire
import-decide-intro = Chaque personne inscrite reçoit un e-mail, comme pour une inscription à la main. Les personnes déjà inscrites à cette session restent telles quelles.
import-register-all = Inscrire ces personnes ({ $count })
import-register-valid = Inscrire les personnes valides ({ $accepted }) et ignorer les lignes refusées ({ $rejected })
import-nothing-to-register = Personne ne peut être inscrit depuis ce fichier en l’état.
import-register-nobody = N’inscrire personne

## Après l’import
import-done-title = Import terminé
import-done-registered = Nouvelles inscriptions
import-done-waitlisted = Dont en liste d’attente
import-done-pending = Dont en attente de leur confirmation par e-mail
import-done-already = Déjà inscrites (inchangées)
import-done-skipped = Lignes refusées ignorées
import-see-registrations = Voir les inscriptions
import-another = Importer un autre fichier
import-without-email = Les lignes sans adresse e-mail sont des personnes qui n’en ont pas
import-without-email-help = Personnes primo-arrivantes, participants venus sans inscription : ils sont inscrits sans e-mail et n’en reçoivent aucun. Une adresse présente dans le fichier doit rester valide.
