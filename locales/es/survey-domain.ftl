# Encuestas de satisfacción: las reglas de un cuestionario y de sus respuestas.
error-survey-overall-one = Marque una sola pregunta como pregunta de satisfacción general.
error-survey-overall-scale = La pregunta de satisfacción general debe ser una escala del 1 al 5.
error-survey-key = La clave de una pregunta tiene de 1 a 40 caracteres: letras minúsculas sin acentos ni eñes, cifras y _.
error-survey-key-duplicate = Otra pregunta ya tiene esta clave.
error-survey-choices = Una pregunta con opciones tiene de { $min } a { $max }, una por línea; las demás preguntas no tienen ninguna.
error-survey-choices-mismatch = Escriba las mismas opciones en cada idioma, una por línea: esta lista tiene menos líneas que otra.
error-survey-labels = Una pregunta de escala necesita las etiquetas del 1 y del 5; las demás preguntas no las llevan.
error-survey-too-many = Un cuestionario tiene como máximo { $max } preguntas.
error-survey-empty = Añada al menos una pregunta.
error-answer-scale = Elija un valor del 1 al 5.
error-answer-choice = Elija una de las opciones propuestas.
error-answer-unknown = Esta pregunta no forma parte del cuestionario.
survey-kind-scale = Escala del 1 al 5
survey-kind-choice = Elección entre opciones
survey-kind-text = Texto libre
