## Identifiers in an accrediting body's register (issue 20)
person-identifier-hint = { $body } le demande pour son registre des personnes qu’il certifie. Seul son personnel le voit.
body-identifier-label = Identifiant demandé
body-identifier-hint = Par exemple « Numéro national d’identité » ou « Matricule ». Les personnes qui s’inscrivent à ses formations doivent le donner ; seuls ses certificateurs le voient. Laissez vide s’il n’en demande aucun.
body-identifier-none = Aucun
body-actions = Actions
body-edit = Modifier { $name }
bodies-back = Retour aux organismes certificateurs
body-code-fixed = Son code figure dans les numéros des attestations déjà délivrées : il ne change pas.
error-body-code-fixed = Le code d’un organisme ne change pas : il figure dans les numéros des attestations déjà délivrées.
registration-identifier-save = Enregistrer la correction
registration-identifier-saved = Votre identifiant est corrigé : l’organisme certificateur verra le nouveau.
error-identifier-not-asked = L’organisme qui certifie cette formation ne demande aucun identifiant.
registration-identifier-kept = Enregistré actuellement :
me-identifier-correct = Corriger
me-identifier-correct-label = Corriger { $label } pour { $course }
me-identifier-none = non indiqué
