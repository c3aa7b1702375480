# الإجابة عن الاستبيان، ونتائجه.
survey-title = رأيك في التكوين
survey-intro = خمس دقائق تساعد المكوّنين والمنظمين على تحسين الدورات القادمة. الأسئلة المشار إليها بعلامة * تتطلب إجابة.
survey-anonymous = تُحفظ إجاباتك دون اسمك: لا يمكن لأحد معرفة ما أجبت به.
survey-submit = إرسال إجاباتي
survey-thanks = شكرًا: تم تسجيل إجاباتك. لا يمكن استعمال هذا الرابط مجددًا.
survey-closed = هذا الاستبيان مغلق.
survey-results-title = استبيان الرضا
survey-state = الاستبيان
survey-open-since = مفتوح منذ { $opened }، إلى غاية { $closes }.
survey-not-open = لم يُفتح بعد: يُفتح تلقائيًا عند انتهاء آخر حصة، أو الآن بالزر أدناه.
survey-template = الاستبيان
survey-invitees = المدعوون
survey-invitees-participants = المشاركون (من شاركوا في حصة واحدة على الأقل، ولو في جزء من حصة عن بُعد)
survey-invitees-confirmed = كل من له مقعد مؤكَّد
survey-open = فتح الاستبيان الآن
survey-invite-more = دعوة الأشخاص الذين لم تتم دعوتهم بعد
survey-opened = الاستبيان مفتوح؛ والدعوات في طريقها.
survey-invited = { $count ->
    [one] مدعو
    [two] مدعوان
   *[other] مدعوون
}
survey-answered = { $count ->
    [one] أجاب
    [two] أجابا
   *[other] أجابوا
}
survey-response-rate = نسبة الإجابة
survey-withheld = أجاب أقل من 3 أشخاص: لا تُعرض النتائج بعد، حتى لا يمكن التعرف على أحد.
survey-no-answers = لم يُجب أحد بعد.
survey-download = تنزيل النتائج (CSV)
survey-mean = المتوسط { $mean } من 5، { $count ->
    [zero] دون أي إجابة
    [one] من إجابة واحدة
    [two] من إجابتين
    [few] من { $count } إجابات
    [many] من { $count } إجابة
   *[other] من { $count } إجابة
}
survey-distribution = الإجابات ({ $count })
survey-no-texts = لا توجد أي إجابة مكتوبة.
survey-csv-question = السؤال
survey-csv-value = الإجابة
survey-csv-count = العدد
survey-csv-mean = المتوسط
error-survey-closed = هذا الاستبيان مغلق.
error-survey-answered = تمت الإجابة عن هذا الاستبيان بهذا الرابط من قبل.
survey-reminder-days = تذكير من لم يُجيبوا بعد (بالأيام)
survey-open-days = غلق الاستبيان بعد (بالأيام)
error-reminder-after-close = يجب أن يُرسل التذكير قبل غلق الاستبيان.
nav-surveys = الاستبيانات
survey-past-session = سُجّلت هذه الدورة بعد انعقادها: لا يراسل Aula أيًّا من المشاركين فيها، فلا يُرسل استبيانًا، ولا تشترطه شهاداتها.
error-survey-past-session = الدورة المسجّلة بعد انعقادها لا تراسل أحدًا: لا يمكن إرسال استبيانها.
