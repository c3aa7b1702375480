# تسجيل الحضور، وجدول الحضور، وإتمام التكوين.
attendance-present = حاضر
attendance-partial = حضور جزئي
attendance-late = متأخر
attendance-excused = غياب مبرَّر
attendance-absent = غائب
roll-call-title = تفقّد الحضور
roll-call-heading = تفقّد الحضور، الحصة { $number }
roll-call-nobody = لا أحد يشغل مقعدًا مؤكَّدًا في هذه الدورة بعد.
roll-call-all-present = تسجيل الجميع حاضرين
roll-call-hint = سجّل الجميع حاضرين، ثم غيّر الحالات الاستثنائية، واحفظ مرة واحدة. الأشخاص الذين لم يُسجَّل لهم شيء يبقون على حالهم.
roll-call-minutes = دقائق الاتصال (من 0 إلى { $max })
roll-call-reason = سبب التصحيح
roll-call-reason-hint = الدورة منتهية: يُحفظ التصحيح مع سببه في سجل التدقيق.
roll-call-save = حفظ تفقّد الحضور
roll-call-saved = تم حفظ تفقّد الحضور.
attendance-title = الحضور
attendance-rule = يتطلب إتمام التكوين { $percent } % من ساعات الدورة.
attendance-required = أي { $hours ->
    [zero] { $hours } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
}.
attendance-take-roll-call = تفقّد الحضور، الحصة { $number }
attendance-matrix = الحضور حسب الشخص
attendance-download = التنزيل في جدول (CSV)
attendance-meeting-short = الحصة { $number }
attendance-hours = ساعات الحضور
attendance-completed = أتمّ التكوين
attendance-cannot-complete = لم يعد ممكنًا
attendance-hours-column = ساعات الحضور
attendance-completed-column = أتمّ التكوين
error-reason-needed = اذكر سببًا: الدورة منتهية، والتصحيحات تُحفظ مع سببها.
error-not-in-session = هذا الشخص غير مسجل في هذه الدورة.
error-mark-twice = لهذا الشخص علامة مختلفة في موضع سابق من القائمة: علامة واحدة لكل شخص.
error-partial-minutes = يتطلب الحضور الجزئي عدد دقائق الحضور.
error-not-confirmed = لا يُسجَّل الحضور إلا للتسجيلات المؤكَّدة؛ حالة هذا التسجيل «{ $status }».
check-in-title = تسجيل الحضور
check-in-show = عرض رمز تسجيل الحضور
check-in-qr-label = رمز QR لتسجيل الحضور في هذه الحصة
check-in-scan = امسح هذا الرمز بهاتفك لتسجيل حضورك.
check-in-or-type = أو اكتب الرمز:
check-in-changes = يتغير الرمز { $seconds ->
    [zero] باستمرار
    [one] كل ثانية
    [two] كل ثانيتين
    [few] كل { $seconds } ثوانٍ
    [many] كل { $seconds } ثانية
   *[other] كل { $seconds } ثانية
}.
check-in-not-yet = لم يُفتح تسجيل الحضور في هذه الحصة بعد.
check-in-over = انتهى تسجيل الحضور في هذه الحصة.
check-in-cancelled = هذه الدورة لا تقبل تسجيل الحضور.
check-in-code-expired = انتهت صلاحية هذا الرمز أو أنه يخص حصة أخرى. امسح الرمز الظاهر على الشاشة مجددًا.
check-in-not-registered = ليس لديك مقعد مؤكَّد في هذه الدورة. تحدّث مع المكوّن.
check-in-done = { $name }، تم تسجيل حضورك. شكرًا!
check-in-as = تسجيل الحضور باسم { $name }
check-in-who = لتسجيل حضورك، افتح على هذا الهاتف الرابط الشخصي الموجود في رسالة التأكيد، أو اطلب رمزًا بالبريد الإلكتروني.
check-in-send-code = أرسل لي رمزًا
check-in-code-sent = إذا كان لـ{ $email } مقعد في هذه الدورة، فإن رمزًا في طريقه إليه.
check-in-otp = الرمز الذي وصلك بالبريد الإلكتروني
check-in-submit = تسجيل الحضور
check-in-otp-wrong = هذا الرمز غير صحيح أو انتهت صلاحيته. اطلب رمزًا جديدًا.
sheet-title = ورقة الإمضاء
sheet-trainers = المكوّنون: { $names }
sheet-number = ع/ر
sheet-signature = الإمضاء
sheet-footer = الصفحة {"{"}page{"}"} من {"{"}pages{"}"}
sheet-download = ورقة الإمضاء (PDF)
check-in-already-marked = { $name }، سبق أن سجّلك المكوّن بصفة «{ $mark }» في هذه الحصة، ويبقى هذا التسجيل كما هو. إن لم يكن صحيحًا فتحدّث مع المكوّن.
