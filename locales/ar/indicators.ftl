nav-indicators = المؤشرات
indicators-title = المؤشرات
indicators-programme = البرنامج
indicators-course = التكوين
indicators-session = الدورة
indicators-modality = الصيغة
indicators-region = جهة المشاركين
indicators-audience = فئة المشاركين
indicators-from = الفترة ابتداءً من
indicators-to = الفترة إلى غاية
indicators-show = عرض
indicators-everything = كل البرامج
indicators-generated = أرقام بتاريخ { $date }
indicators-headline = الأرقام الرئيسية
indicators-registrations = التسجيلات
indicators-registered-people = الأشخاص المسجلون
indicators-participants = تسجيلات بحضور
indicators-completions = حالات إتمام التكوين
indicators-beneficiaries = المستفيدون
indicators-completion-rate = نسبة الإتمام (%)
indicators-training-hours = ساعات التكوين
indicators-satisfaction-mean = متوسط الرضا (من 5)
indicators-satisfaction-count = إجابات استبيان الرضا
indicators-survey-response-rate = نسبة الإجابة عن الاستبيان (%)
indicators-certificates-issued = الشهادات المسلَّمة
indicators-certificates-revoked = الشهادات الملغاة
indicators-sessions-held = الدورات المنعقدة
indicators-venues = الأماكن
indicators-workplaces = أماكن العمل
indicators-regions = الجهات
indicators-note-registrations = أشخاص لهم مقعد أو في قائمة الانتظار؛ { $count ->
    [zero] لا يوجد أي تسجيل
    [one] تسجيل واحد
    [two] تسجيلان
    [few] { $count } تسجيلات
    [many] { $count } تسجيلًا
   *[other] { $count } تسجيل
}
indicators-note-completions = أشخاص أتمّوا تكوينًا؛ { $count ->
    [zero] لا توجد أي حالة إتمام
    [one] حالة إتمام واحدة
    [two] حالتا إتمام
    [few] { $count } حالات إتمام
    [many] { $count } حالة إتمام
   *[other] { $count } حالة إتمام
}
indicators-note-completion-rate = من أصل { $count ->
    [zero] { $count } تسجيل مؤكَّد
    [one] تسجيل مؤكَّد واحد
    [two] تسجيلين مؤكَّدين
    [few] { $count } تسجيلات مؤكَّدة
    [many] { $count } تسجيلًا مؤكَّدًا
   *[other] { $count } تسجيل مؤكَّد
} في الدورات المنعقدة
indicators-note-answers = { $count ->
    [zero] لا توجد أي إجابة
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $count } إجابات
    [many] { $count } إجابة
   *[other] { $count } إجابة
}
indicators-note-participants = تسجيلات شارك أصحابها في حصة واحدة على الأقل (حضورًا أو تأخرًا أو اتصالًا بجزء من حصة عن بُعد): من حضر دورتين يُحسب مرتين
indicators-note-anonymous = الإجابات مجهولة الهوية: غير معروفة حسب الجهة أو الفئة
indicators-note-response-rate = { $answered ->
    [zero] { $answered } إجابة
    [one] إجابة واحدة
    [two] إجابتان
    [few] { $answered } إجابات
    [many] { $answered } إجابة
   *[other] { $answered } إجابة
} على { $invited ->
    [zero] { $invited } دعوة
    [one] دعوة واحدة
    [two] دعوتين
    [few] { $invited } دعوات
    [many] { $invited } دعوة
   *[other] { $invited } دعوة
}
indicators-note-revoked = الملغاة منذ ذلك: { $count }
indicators-out-of-five = { $mean } / 5
indicators-region-names = جاء المشاركون من: { $names }.
indicators-download-totals = تنزيل الأرقام الرئيسية (CSV)
indicators-download-semicolon = CSV بفواصل منقوطة، لبرامج الجداول التي تستعمل الفاصلة العشرية
indicators-download-workbook = لوحة المؤشرات كاملة في مصنف Excel ‏(XLSX)
indicators-download-table = تنزيل «{ $table }» (CSV)
indicators-chart-region = التسجيلات بحضور حسب الجهة
indicators-chart-course = نسبة الإتمام حسب التكوين
indicators-chart-month = التسجيلات حسب شهر بداية الدورة
indicators-satisfaction-distribution = الرضا العام: عدد الإجابات لكل درجة
indicators-by-region = الجهة
indicators-by-audience = الفئة
indicators-by-modality = الصيغة
indicators-by-course = التكوين
indicators-by-month = الشهر
indicators-chart-quarter = ساعات التكوين حسب الثلاثي
indicators-by-quarter = الثلاثي
indicators-quarter-label = الثلاثي { $quarter } من { $year }
indicators-period-help-title = كيف تُحتسب الأرقام في فترة
indicators-period-help = يُحتسب كل رقم في فترة تاريخه الخاص (بالتوقيت العالمي). التسجيلات: أول جلسة من دورتها. التسجيلات بحضور وساعات التكوين وأماكن العمل والجهات: الجلسات التي حُضرت. حالات إتمام التكوين ونسبة الإتمام والاستبيانات والرضا والشهادات والدورات المنعقدة والأماكن: نهاية الدورة. فالدورة التي تمتد على عدة أشهر تضع ساعات كل جلسة في شهرها، وحالات إتمامها في الشهر الذي تنتهي فيه. التوعية (مدى الوصول): يوم إقامة كل نشاط.
indicators-score = الدرجة (من 1 إلى 5)
indicators-answers = الإجابات
indicators-indicator = المؤشر
indicators-value = القيمة
indicators-not-given = غير محدد
error-reach-not-applicable = ليس لأنشطة التوعية دورة ولا جلسة ولا نمط ولا جهة مكلِّفة: أزل هذا المرشّح لرؤية مداها.
