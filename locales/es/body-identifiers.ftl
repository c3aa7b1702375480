## Identifiers in an accrediting body's register (issue 20)
person-identifier-hint = { $body } lo pide para su registro de las personas que acredita. Solo su personal lo ve.
body-identifier-label = Identificador que pide
body-identifier-hint = Por ejemplo «DNI/NIE» o «Número de personal». Quien se inscriba en sus cursos debe darlo; solo su personal acreditador lo ve. Déjelo vacío si no pide ninguno.
body-identifier-none = Ninguno
body-actions = Acciones
body-edit = Editar { $name }
bodies-back = Volver a las entidades acreditadoras
body-code-fixed = Su código figura en los números de los certificados ya emitidos, así que no cambia.
error-body-code-fixed = El código de una entidad no cambia: figura en los números de los certificados ya emitidos.
registration-identifier-save = Guardar la corrección
registration-identifier-saved = Su identificador está corregido: el organismo acreditador verá el nuevo.
error-identifier-not-asked = El organismo que acredita este curso no pide ningún identificador.
registration-identifier-kept = Guardado ahora:
me-identifier-correct = Corregir
me-identifier-correct-label = Corregir { $label } de { $course }
me-identifier-none = no indicado
