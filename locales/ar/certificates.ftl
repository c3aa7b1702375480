# الشهادات: مضمونها، والتحقق منها، وقائمتها لدى المنظمين ومسؤولي الاعتماد.
certificate-title = شهادة إتمام تكوين
certificate-statement = أتمّ(ت) التكوين
certificate-hours = { $attended } سا حضور من أصل { $planned } سا مبرمجة للجلسة
certificate-accredited = معتمد من { $body }{ $credits }
certificate-credits = : { $credits ->
    [zero] { $credits } رصيد
    [one] رصيد واحد
    [two] رصيدان
    [few] { $credits } أرصدة
    [many] { $credits } رصيدًا
   *[other] { $credits } رصيد
}
certificate-recognised = : { $hours ->
    [zero] { $hours } ساعة معترف بها
    [one] ساعة واحدة معترف بها
    [two] ساعتان معترف بهما
    [few] { $hours } ساعات معترف بها
    [many] { $hours } ساعة معترف بها
   *[other] { $hours } ساعة معترف بها
}
certificate-issued-on = سُلّمت بتاريخ { $date }
certificate-revoked-mark = أُلغيت بتاريخ { $date }: هذه الشهادة لم تعد صالحة.
certificate-verify-at = للتحقق
certificate-code = رمز التحقق
certificate-eligible = مؤهل للحصول على شهادة
certificate-revoked = الشهادة ملغاة.
error-certificate-session-not-completed = تُسلَّم الشهادات بعد اعتبار الدورة منتهية.
error-certificate-not-completed = صاحب هذا التسجيل لم يتمّ الدورة.
error-certificate-cancelled = هذا التسجيل ملغى.
error-certificate-survey = يشترط هذا التكوين الإجابة عن استبيان الرضا أولًا.
error-already-revoked = هذه الشهادة ملغاة بالفعل.
verify-title = التحقق من شهادة
verify-valid = هذه الشهادة أصلية وصالحة.
verify-revoked = أُلغيت هذه الشهادة.
verify-revoked-on = أُلغيت بتاريخ { $date }.
verify-unknown = لا توجد شهادة بالرمز { $code }. تحقق من الرمز كما هو مطبوع على الشهادة.
verify-code = رمز التحقق
verify-code-hint = كما هو مطبوع على الشهادة، مثال: 7K3M-Q9TR-… (لا تهم الأحرف الكبيرة والمطّات والفراغات).
verify-submit = التحقق
verify-number = الرقم
verify-holder = صاحب(ة) الشهادة
verify-course = التكوين
verify-hours = ساعات الحضور
verify-dates = التواريخ
verify-issued = تاريخ التسليم
verify-issuer = الجهة المسلِّمة
verify-accreditation = الاعتماد
certificates-title = الشهادات
certificates-count = { $count ->
    [zero] لا توجد أي شهادة
    [one] شهادة واحدة
    [two] شهادتان
    [few] { $count } شهادات
    [many] { $count } شهادة
   *[other] { $count } شهادة
}
certificates-export = تنزيل الكل (ملف ZIP يضم ملفات PDF مع سجل)
certificates-status = الحالة
certificates-valid = صالحة
certificates-revoked = ملغاة
certificates-withdrawn = مسحوبة (حُذفت بيانات صاحبها)
certificates-none = لا توجد أي شهادة هنا.
certificates-files = الملفات
certificates-credential = الوثيقة الموقّعة رقميًا
certificates-pdf-of = ملف PDF للشهادة { $number }
certificates-credential-of = الوثيقة الموقّعة للشهادة { $number }
certificates-revoke = إلغاء
certificates-reason-for = سبب إلغاء { $number }
certificates-issued = تم تسليم الشهادات وإعلام أصحابها بالبريد الإلكتروني.
certificates-none-new = لا توجد شهادة جديدة: كل المؤهلين حصلوا على شهاداتهم.
certificate-revoked-flash = أُلغيت الشهادة.
certificates-issue = تسليم الشهادات
nav-certificates = الشهادات
me-certificates = شهاداتي
session-issue-on-completion = تسليم الشهادات عند اعتبار الدورة منتهية
session-issue-on-completion-hint = فقط للأشخاص الذين يؤهلهم حضورهم (والاستبيان، إذا اشترطه التكوين).
certificates-from = سُلّمت ابتداءً من
certificates-to = سُلّمت إلى غاية
certificates-issue-title = تسليم الشهادات
certificates-issue-rule = تتطلب الشهادة حضور { $percent } % من ساعات الدورة.
certificates-issue-survey-rule = يشترط هذا التكوين أيضًا الإجابة عن استبيان الرضا.
certificates-issue-provisional = الأرقام أدناه هي الحضور المسجَّل حتى الآن.
certificates-issue-undrawable = لا تستطيع الشهادة رسم بعض حروف هذه الأسماء، فستُطبع مربعات فارغة: { $names }. اسأل كل شخص عن كتابة اسمه بالحروف اللاتينية أو العربية؛ يمكنه تصحيحه في «تكويناتي» قبل الإصدار.
certificates-issue-summary = { $qualifying } من أصل { $count } مشاركين مؤهلون للحصول على شهادة.
certificates-issue-attended = ساعات الحضور
certificates-issue-required = الساعات المطلوبة
certificates-issue-survey = الاستبيان
certificates-issue-answered = تمت الإجابة
certificates-issue-not-answered = دون إجابة
certificates-issue-outcome = الشهادة
certificates-issue-qualifies = مؤهل(ة)
certificates-issue-already = سُلّمت بالفعل: { $number }
certificates-issue-confirm = { $count ->
    [zero] لا توجد أي شهادة للتسليم
    [one] تسليم شهادة واحدة وإرسالها بالبريد الإلكتروني إلى صاحبها
    [two] تسليم شهادتين وإرسالهما بالبريد الإلكتروني إلى صاحبيهما
    [few] تسليم { $count } شهادات وإرسالها بالبريد الإلكتروني إلى أصحابها
    [many] تسليم { $count } شهادة وإرسالها بالبريد الإلكتروني إلى أصحابها
   *[other] تسليم { $count } شهادة وإرسالها بالبريد الإلكتروني إلى أصحابها
}
certificates-issue-back = العودة إلى الدورة
certificates-issue-link = الشهادات: من المؤهَّل للحصول عليها
# The signed credential (issue 19): its texts, in the holder's language.
credential-description = الشهادة { $number } للتكوين «{ $course }»، سُلّمت إلى { $holder }. تحقق منها على { $url }
credential-criteria = حضور جلسة التكوين «{ $course }» ({ $planned } سا مبرمجة)، مع تسجيل الحضور في كل لقاء.
credential-accredited = معتمد من { $body }.
credential-hours-attended = ساعات الحضور
credential-hours-recognised = الساعات المعترف بها
credential-hours-recognised-by = الساعات المعترف بها من { $body }
certificates-credential-file = الشهادة لمحفظة رقمية (.json)
# What a credential links to: the achievement and the issuer.
achievement-kind = إنجاز مُعتمد
achievement-criteria = المعايير
achievement-planned = الساعات المبرمجة للجلسة
achievement-modality = الصيغة
achievement-machines = يمكن للبرمجيات قراءة هذه الصفحة بصيغة JSON-LD (بطلب application/ld+json).
issuer-kind = الجهة المُصدِرة للشهادات
issuer-intro = تُوقَّع الشهادات المسلَّمة هنا بالمفتاح أدناه. تجده المحافظ وأدوات التحقق في وثيقة DID للجهة المُصدِرة.
issuer-did = المعرّف اللامركزي (DID)
issuer-key = مفتاح التوقيع
issuer-document = وثيقة DID
# The verification page's verdicts (issue 19).
verify-state-valid = شهادة صالحة
verify-state-revoked = شهادة ملغاة
verify-state-withdrawn = شهادة مسحوبة
verify-state-unknown = شهادة غير معروفة
verify-revoked-meaning = لم تعد تشهد بالتكوين.
verify-states = ما تنص عليه الشهادة
verify-stated = ما كانت تنص عليه الشهادة
verify-pdf-note = يجب أن تذكر شهادة PDF الشيء نفسه: صاحب الشهادة والتكوين والساعات والتواريخ والرقم. إن اختلف شيء، فقد عُدِّل ملف PDF.
certificate-funded-by = بتمويل من: { $funders }
certificates-session = الدورة
certificates-all-sessions = شهادات جميع الدورات
certificate-withdrawn-files = سُحبت هذه الشهادة بطلب من صاحبها: لم تعد تسمّي أحدًا، فلا ملف PDF لها ولا وثيقة موقّعة رقميًا.
