# Satisfaction surveys: the rules of a questionnaire and of its answers.
error-survey-overall-one = Mark exactly one question as the overall satisfaction question.
error-survey-overall-scale = The overall satisfaction question must be a scale from 1 to 5.
error-survey-key = A question's key has 1 to 40 characters: lower-case letters without accents, digits and _.
error-survey-key-duplicate = Another question already has this key.
error-survey-choices = A question with options has { $min } to { $max } of them, one per line; other questions have none.
error-survey-choices-mismatch = Give the same options in each language, one per line: this list has fewer lines than another.
error-survey-labels = A scale question needs the labels of 1 and 5; other questions have none.
error-survey-too-many = A questionnaire has at most { $max } questions.
error-survey-empty = Add at least one question.
error-answer-scale = Choose a value from 1 to 5.
error-answer-choice = Choose one of the options offered.
error-answer-unknown = This question is not part of the questionnaire.
survey-kind-scale = Scale from 1 to 5
survey-kind-choice = Choice among options
survey-kind-text = Free text
