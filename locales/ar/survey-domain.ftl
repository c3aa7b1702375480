# استبيانات الرضا: قواعد الاستبيان وقواعد الإجابة عنه.
error-survey-overall-one = حدّد سؤالًا واحدًا فقط كسؤال الرضا العام.
error-survey-overall-scale = يجب أن يكون سؤال الرضا العام سلّمًا من 1 إلى 5.
error-survey-key = مفتاح السؤال يتكون من 1 إلى 40 رمزًا: حروف لاتينية صغيرة دون علامات، وأرقام و_.
error-survey-key-duplicate = سؤال آخر يحمل هذا المفتاح بالفعل.
error-survey-choices = السؤال ذو الخيارات له من { $min } إلى { $max } خيارات، خيار في كل سطر؛ والأسئلة الأخرى لا خيارات لها.
error-survey-choices-mismatch = أدخل الخيارات نفسها في كل لغة، خيارًا في كل سطر: هذه القائمة تضم أسطرًا أقل من قائمة أخرى.
error-survey-labels = يحتاج سؤال السلّم إلى وصفي الدرجتين 1 و5؛ والأسئلة الأخرى لا أوصاف لها.
error-survey-too-many = يضم الاستبيان { $max ->
    [zero] { $max } سؤال
    [one] سؤالًا واحدًا
    [two] سؤالين
    [few] { $max } أسئلة
    [many] { $max } سؤالًا
   *[other] { $max } سؤال
} على الأكثر.
error-survey-empty = أضف سؤالًا واحدًا على الأقل.
error-answer-scale = اختر قيمة من 1 إلى 5.
error-answer-choice = اختر أحد الخيارات المقترحة.
error-answer-unknown = هذا السؤال ليس جزءًا من الاستبيان.
survey-kind-scale = سلّم من 1 إلى 5
survey-kind-choice = اختيار من بين خيارات
survey-kind-text = نص حر
