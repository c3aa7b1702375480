## Identifiers in an accrediting body's register (issue 20)
person-identifier-hint = تطلبه { $body } لسجلّ الأشخاص الذين تعتمدهم. لا يراه إلا موظفوها.
body-identifier-label = المعرّف الذي تطلبه
body-identifier-hint = مثلًا «رقم بطاقة التعريف الوطنية» أو «الرقم الوظيفي». على من يسجّل في دوراتها أن يعطيه، ولا يراه إلا المعتمِدون التابعون لها. اتركه فارغًا إن كانت لا تطلب أي معرّف.
body-identifier-none = لا شيء
body-actions = إجراءات
body-edit = تعديل { $name }
bodies-back = العودة إلى هيئات الاعتماد
body-code-fixed = رمزها موجود في أرقام الشهادات الصادرة، لذلك لا يتغيّر.
error-body-code-fixed = لا يتغيّر رمز الهيئة: فهو موجود في أرقام الشهادات الصادرة.
registration-identifier-save = حفظ التصحيح
registration-identifier-saved = تم تصحيح معرّفك: ستطّلع الجهة المعتمِدة على المعرّف الجديد.
error-identifier-not-asked = لا تطلب الجهة التي تعتمد هذه الدورة أي معرّف.
registration-identifier-kept = المحفوظ حاليًا:
me-identifier-correct = تصحيح
me-identifier-correct-label = تصحيح { $label } في { $course }
me-identifier-none = غير مذكور
