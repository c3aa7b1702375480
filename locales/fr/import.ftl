# Inscrire des personnes depuis un fichier CSV : ce qui ne va pas dans le
# fichier, et le nom des champs du formulaire qui associe ses colonnes.

## Le fichier entier
error-csv-encoding = Le fichier n’est pas du texte (un classeur ou un PDF ?). Dans votre tableur, enregistrez-le au format « CSV UTF-8 » puis envoyez-le de nouveau.
error-csv-empty = Le fichier ne contient personne : il faut une ligne d’en-tête, puis une ligne par personne.
error-csv-row-length = La ligne { $line } a { $found ->
    [one] { $found } cellule
   *[other] { $found } cellules
} alors que la ligne d’en-tête en a { $expected }. Vérifiez qu’il n’y manque pas un séparateur ou qu’il n’y en a pas un de trop.
error-csv-header = La colonne { $column } de la ligne d’en-tête n’a pas de nom, ou porte le même nom qu’une autre colonne. Donnez à chaque colonne un nom différent.
error-csv-too-many-rows = Le fichier contient plus de { $max } personnes. Répartissez-les dans plusieurs fichiers.
error-csv-too-many-columns = Le fichier contient plus de { $max } colonnes. Ne gardez que les colonnes de la liste.
error-csv-malformed = Le fichier est illisible à partir de la ligne { $line }. Cherchez un guillemet qui ouvre une cellule et n’est jamais fermé.
error-import-unmapped = Choisissez la colonne qui contient « { $field } ».

## Une ligne du fichier
error-import-region = Il n’existe pas de région « { $value } ». Indiquez le nom ou le code d’une région connue d’Aula, ou laissez la cellule vide.
error-import-duplicate = La même adresse e-mail figure déjà à la ligne { $line }.

## Les champs des colonnes
import-field-given-name = Prénom
import-field-family-name = Nom
import-field-email = Courriel
import-field-phone = Téléphone
import-field-employer = Lieu de travail
import-field-job-title = Poste
import-field-audience = Profil
import-field-region = Région
import-field-language = Langue
import-field-identifier = Identifiant pour l’organisme accréditeur
error-import-duplicate-person = La ligne { $line } a déjà une personne de ces noms, sans e-mail et avec le même téléphone : s’il s’agit de deux personnes, ajoutez un numéro de téléphone ou une adresse pour les distinguer.
