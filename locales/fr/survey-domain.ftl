# Questionnaires de satisfaction : les règles d'un questionnaire et de ses réponses.
error-survey-overall-one = Désignez une seule question comme question de satisfaction globale.
error-survey-overall-scale = La question de satisfaction globale doit être une échelle de 1 à 5.
error-survey-key = La clé d'une question compte de 1 à 40 caractères : lettres minuscules sans accents, chiffres et _.
error-survey-key-duplicate = Une autre question a déjà cette clé.
error-survey-choices = Une question à options en propose de { $min } à { $max }, une par ligne ; les autres questions n'en ont pas.
error-survey-choices-mismatch = Donnez les mêmes options dans chaque langue, une par ligne : cette liste compte moins de lignes qu'une autre.
error-survey-labels = Une question à échelle a besoin des libellés de 1 et de 5 ; les autres questions n'en ont pas.
error-survey-too-many = Un questionnaire compte au plus { $max } questions.
error-survey-empty = Ajoutez au moins une question.
error-answer-scale = Choisissez une valeur de 1 à 5.
error-answer-choice = Choisissez une des options proposées.
error-answer-unknown = Cette question ne fait pas partie du questionnaire.
survey-kind-scale = Échelle de 1 à 5
survey-kind-choice = Choix parmi des options
survey-kind-text = Texte libre
