## Identifiers in an accrediting body's register (issue 20)
person-identifier-hint = { $body } asks for it for its register of the people it accredits. Only its staff see it.
body-identifier-label = Identifier it asks for
body-identifier-hint = For example “National ID number” or “Staff number”. People registering for its courses must give it; only its accreditors see it. Leave empty if it asks for none.
body-identifier-none = None
body-actions = Actions
body-edit = Edit { $name }
bodies-back = Back to the accrediting bodies
body-code-fixed = Its code is in the numbers of the certificates already issued, so it does not change.
error-body-code-fixed = A body's code does not change: it is in the numbers of the certificates already issued.
registration-identifier-save = Save the correction
registration-identifier-saved = Your identifier is corrected: the accrediting body will see the new one.
error-identifier-not-asked = The body accrediting this course asks for no identifier.
registration-identifier-kept = Kept now:
me-identifier-correct = Correct
me-identifier-correct-label = Correct { $label } for { $course }
me-identifier-none = not given
