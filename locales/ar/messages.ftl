# الرسائل إلى المشاركين وصندوق الصادر
nav-outbox = صندوق الصادر
session-write = مراسلة المشاركين
session-outbox = رسائلها
session-calendar-download = إضافة الحصص إلى رزنامتك (.ics)
message-title = مراسلة المشاركين
message-lead = يتلقى كل شخص الرسالة بالبريد الإلكتروني مع تفاصيل الدورة، ويمكنه الرد عليك.
message-audience = الإرسال إلى
message-audience-confirmed = المشاركون المؤكَّدون
message-audience-waitlisted = الأشخاص في قائمة الانتظار
message-audience-all = المؤكَّدون وقائمة الانتظار
message-subject = الموضوع
message-body = الرسالة
message-body-hint = نص عادي. اترك سطرًا فارغًا بين الفقرات.
message-send-count = { $count ->
    [zero] لا يوجد من يُرسَل إليه
    [one] إرسال إلى شخص واحد
    [two] إرسال إلى شخصين
    [few] إرسال إلى { $count } أشخاص
    [many] إرسال إلى { $count } شخصًا
   *[other] إرسال إلى { $count } شخص
}
flash-messages-queued = الرسائل في قائمة الإرسال؛ تُرسل خلال دقيقة.
flash-messages-none = لا يوجد أي شخص مطابق: لم تُدرج أي رسالة في قائمة الإرسال.
flash-retry-queued = ستُرسل الرسالة مجددًا خلال دقيقة.
outbox-title = صندوق الصادر
outbox-lead = كل رسالة إلكترونية يرسلها Aula تمر من هنا: في الانتظار أو مُرسلة أو فاشلة بعد عدة محاولات.
outbox-status = الحالة
outbox-kind = النوع
outbox-all-sessions = عرض كل الدورات
outbox-count = { $count ->
    [zero] لا توجد أي رسالة.
    [one] رسالة واحدة.
    [two] رسالتان.
    [few] { $count } رسائل.
    [many] { $count } رسالة.
   *[other] { $count } رسالة.
}
outbox-recipient = المرسل إليه
outbox-created = تاريخ الإدراج
outbox-sent = تاريخ الإرسال
outbox-next-attempt = المحاولة القادمة
outbox-attempts = المحاولات
outbox-language = اللغة
outbox-last-error = آخر خطأ
outbox-retry = إعادة الإرسال
outbox-message-title = الرسالة
outbox-subject = الموضوع
outbox-text-part = النسخة النصية
outbox-html-part = نسخة HTML
outbox-render-failed = تعذّر إنشاء هذه الرسالة:
outbox-stuck-title = عالقة بعد انتهاء مهلتها
outbox-stuck-lead = توقف المُرسِل الذي كان يبعث هذه الرسائل قبل أن يسجل النتيجة (انتهت عمليته أو فقد الاتصال بقاعدة البيانات). يتولاها مُرسِل آخر في دورته القادمة؛ قد يصل بعضها مرتين، بنفس المعرّف Message-ID.
outbox-stuck-held-by = محجوزة من قبل
outbox-stuck-lease-ended = انتهاء المهلة
outbox-status-pending = في الانتظار
outbox-status-sending = قيد الإرسال
outbox-status-sent = مُرسلة
outbox-status-failed = فاشلة
outbox-status-dropped = متروكة (فات الأوان)
outbox-kind-broadcast = رسالة المنظم
outbox-kind-session-changed = مواعيد جديدة
outbox-kind-session-cancelled = دورة ملغاة
outbox-kind-meetings-withdrawn = حصص ملغاة
error-outbox-not-failed = لا يمكن إعادة إرسال إلا رسالة فاشلة.
error-already-registered = هذا الشخص مسجل بالفعل في هذه الدورة.
error-registration-transition = لا يمكن أن ينتقل التسجيل من «{ $from }» إلى «{ $to }».
outbox-open-html = فتح نسخة HTML كما يراها المرسل إليه
error-render-failed = تعذّر إنشاء هذه الرسالة ({ $reason }).
session-reminder-lead = التذكير، بعدد الساعات قبل الحصة الأولى
session-reminder-lead-hint = يتلقى المشاركون تذكيرًا بالبريد الإلكتروني قبل الحصة الأولى بهذا العدد من الساعات (48 = يومان).
session-present-share = نسبة الاجتماع عن بُعد التي تُحتسب حضورًا، بالمائة
session-present-share-hint = من 1 إلى 100 (50 = نصف الاجتماع). من اتصل لمدة أقل يُسجَّل «حضور جزئي» عند استيراد تقرير المشاركين؛ وتُحتسب دقائقه مع ذلك ضمن الساعات.
registrations-title = التسجيلات
registrations-seats-left = { $count ->
    [zero] مقعد متبقٍّ
    [one] مقعد متبقٍّ
    [two] مقعدان متبقيان
    [few] مقاعد متبقية
    [many] مقعدًا متبقيًا
   *[other] مقعد متبقٍّ
}
registrations-status = الحالة
registrations-none = لا يوجد أي تسجيل هنا.
registrations-name = الاسم
registrations-email = البريد الإلكتروني
registrations-employer = مكان العمل
registrations-since = تاريخ التسجيل
registrations-position = الترتيب { $position } في القائمة
session-registrations = التسجيلات
registration-pending = في انتظار التأكيد بالبريد الإلكتروني
registration-confirmed = مؤكَّد
registration-waitlisted = قائمة الانتظار
registration-cancelled = ملغى
message-preview = معاينة
message-preview-title = قبل الإرسال
message-preview-count = { $count ->
    [zero] لن يتلقاها أحد: لا يوجد أي شخص من هذه الدورة في المجموعة المختارة.
    [one] سيتلقاها شخص واحد. ها هي كما سيقرؤها.
    [two] سيتلقاها شخصان. ها هي كما سيقرآنها، بلغة كل منهما.
    [few] سيتلقاها { $count } أشخاص. ها هي كما سيقرؤونها، بلغة كل منهم.
    [many] سيتلقاها { $count } شخصًا. ها هي كما سيقرؤونها، بلغة كل منهم.
   *[other] سيتلقاها { $count } شخص. ها هي كما سيقرؤونها، بلغة كل منهم.
}
message-preview-language-count = { $count ->
    [zero] لا يوجد أي مستلم
    [one] مستلم واحد
    [two] مستلمان
    [few] { $count } مستلمين
    [many] { $count } مستلمًا
   *[other] { $count } مستلم
}
outbox-kind-registration-confirmed = تأكيد المقعد
outbox-kind-reminder = تذكير قبل الدورة
outbox-kind-registration-requested = رابط التأكيد
outbox-kind-already-registered = مسجَّل(ة) بالفعل
outbox-kind-registration-waitlisted = في قائمة الانتظار
outbox-kind-registration-cancelled = إلغاء التسجيل
outbox-kind-sign-in-link = رابط تسجيل الدخول
outbox-kind-erasure-link = رابط محو البيانات
outbox-kind-absence-warning = تنبيه بالغياب
outbox-kind-check-in-code = رمز تسجيل الحضور
outbox-kind-survey-invitation = دعوة إلى الاستبيان
outbox-kind-certificate-ready = الشهادة جاهزة
outbox-kind-certificate-revoked = الشهادة ملغاة
session-record-past = دورة سابقة، تُسجَّل بعد انعقادها
session-record-past-hint = لتكوين انعقد بالفعل: الأشخاص الذين تسجّلهم أو تستوردهم يحصلون على مقاعدهم فورًا ولا يتلقى أحد أي رسالة إلكترونية بشأن ذلك (لا تأكيد ولا دعوة ولا تذكير ولا استبيان)؛ وأنت من يُدخل حضورهم.
session-past-title = هذه الدورة بدأت بالفعل
session-past-lead = حصتها الأولى في الماضي. إذا سجّلت أشخاصًا أو استوردتهم في دورة جارية، فسيتلقى كل منهم رسالة «تم تأكيد مقعدك» ودعوة تقويم لتكوين انعقد بالفعل. سجّلها كدورة سابقة لإدخال من شارك فيها دون مراسلة أحد.
session-past-record = تسجيلها كدورة سابقة (دون رسائل إلكترونية)
session-past-live = إنشاؤها كدورة جارية (يتلقى الأشخاص رسائل إلكترونية)
session-past-badge = دورة سابقة مسجَّلة: دون رسائل إلكترونية
session-hours-differ = مجموع حصصها { $planned } ساعة، ومدة التكوين { $nominal } ساعة. يمكنك حفظها هكذا؛ وستبيّن شهاداتها الساعات التي تم حضورها من أصل { $nominal }.
