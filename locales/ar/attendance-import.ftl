# تسجيل حضور حصة من تقرير المشاركين الذي تصدّره منصتها
# (Zoom وTeams وMeet وJitsi وBigBlueButton): الصفحات والواجهة البرمجية.

## Problems
error-attendance-import-no-file = اختر تقرير المشاركين لتحميله.
error-attendance-import-no-column = لا يحتوي التقرير على عمود «{ $column }».
error-attendance-import-parameter = معطى غير معروف. استعمل dry_run أو others_absent أو reason أو map.<field> (name، surname، email، join، leave، duration) أو match.<key>.
error-attendance-import-no-person = لا يحتوي التقرير على شخص «{ $key }».
flash-attendance-imported = تم تسجيل تقرير المشاركين في الحضور.

## Upload
attendance-import-title = استيراد تقرير المشاركين
attendance-import-heading = تقرير المشاركين، الحصة { $number }
attendance-import-lead = سجّل حضور هذه الحصة من تقرير المشاركين الذي تصدّره منصتها (Zoom وTeams وGoogle Meet وJitsi وBigBlueButton…). يحتسب Aula دقائق كل شخص داخل الحصة: من غادر ثم عاد، أو اتصل بجهازين في الوقت نفسه، يُحتسب مرة واحدة.
attendance-import-how = بعد انتهاء الحصة، نزّل تقرير المشاركين (أو تقرير الحضور) من المنصة وحمّله كما هو.
attendance-import-format = ملف CSV كما تصدّره المنصة: تقرير المشاركين في Zoom، تقرير الحضور في Teams، ورقة الحضور في Google Meet، لوحة التعلّم في BigBlueButton، أو أي جدول للأسماء أو عناوين البريد الإلكتروني مع أوقات الدخول والخروج أو المدد. بترميز UTF-8 أو UTF-16 أو Windows-1252 أو Windows-1256 (العربية) أو Mac Roman؛ والخلايا مفصولة بفواصل أو فواصل منقوطة أو علامات جدولة.
attendance-import-matching = يُتعرَّف على الأشخاص بعنوان بريدهم الإلكتروني، ثم باسمهم (مهما كانت الحركات أو حالة الأحرف أو الترتيب). تختار بنفسك هوية الآخرين؛ وتُحفظ اختياراتك للتقرير القادم لهذه الدورة. لا يُسجَّل أي شيء قبل أن تطّلع على التقرير وتقرر.
attendance-import-file = تقرير المشاركين (CSV)
attendance-import-file-hint = يُقرأ الملف أولًا: سترى من تم العثور عليه، ولأي مدة، والأسطر التي تعذّرت قراءتها.
attendance-import-upload = التحميل والقراءة

## Report
attendance-import-report-title = مراجعة تقرير المشاركين
attendance-import-report-file = الملف: { $file }
attendance-import-report-rows = الأسطر: { $rows }
attendance-import-meeting-length = تدوم الحصة { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}: لا يُحتسب لأحد أكثر من ذلك.
attendance-import-by-email = تم العثور عليهم بالبريد الإلكتروني
attendance-import-by-name = تم العثور عليهم بالاسم
attendance-import-by-earlier-choice = تم العثور عليهم باختيار سابق
attendance-import-unmatched-count = ليسوا من مشاركي الدورة
attendance-import-unreadable-count = أسطر لم تُقرأ
attendance-import-mapping-title = أي عمود يحتوي على ماذا
attendance-import-mapping-intro = تحقق من العمود المختار لكل خانة. يحتاج التقرير إلى الأسماء أو عناوين البريد الإلكتروني، وإلى أوقات الدخول والخروج أو المدد.
attendance-import-not-in-file = — غير موجود في الملف —
attendance-import-check-again = إعادة قراءة التقرير بهذه الأعمدة
attendance-import-problems-title = أسطر لم تُقرأ
attendance-import-problems-intro = تم تجاوز هذه الأسطر؛ وبقية التقرير محتسبة. صحّحها في الملف وأعد تحميله إذا كانت مهمة.
attendance-import-line = السطر
attendance-import-problem = المشكلة
attendance-import-people-title = الأشخاص الواردون في التقرير
attendance-import-people-intro = كل شخص في التقرير، ومن تبيّن أنه وكيف، وما الذي يغيّره التسجيل. الأشخاص الذين تم العثور عليهم يُسجَّلون حاضرين مع دقائقهم.
attendance-import-not-clipped = بالنسبة إلى الأشخاص المشار إليهم بعلامة *، لا يقدّم التقرير سوى مدة إجمالية، أو مدة أقصر من الوقت بين أول دخول لهم وآخر خروج: لا يمكن تحديد موقعها داخل الحصة، فقد تشمل وقتًا قبل البداية أو بعد النهاية، ولا يُقتطع منها إلا ما يتجاوز مدة الحصة (أو الجزء من وقتهم الواقع داخلها). تحقق من هذه الأرقام.
attendance-import-not-clipped-mark = المجموع من الملف، دون اقتطاع
attendance-import-nobody = لا يذكر التقرير أي شخص.
attendance-import-lines = الأسطر
attendance-import-name = الاسم في التقرير
attendance-import-email = البريد الإلكتروني في التقرير
attendance-import-kept = الأوقات المحتسبة
attendance-import-minutes = الدقائق
attendance-import-participant = المشارك
attendance-import-how-found = طريقة العثور
attendance-import-matched-email = بالبريد الإلكتروني
attendance-import-matched-name = بالاسم
attendance-import-matched-earlier-choice = بمطابقة اختيار سابق
attendance-import-matched-by-hand = يدويًا
attendance-import-matched-unmatched = دون مطابقة
attendance-import-change = ما الذي يتغير
attendance-import-from-to = { $from } ← { $to }
attendance-import-unchanged = دون تغيير ({ $mark })
attendance-import-mark = { $status }، { $minutes } د
attendance-import-not-marked = غير مسجَّل
attendance-import-not-recorded = لم يُسجَّل
attendance-import-nobody-of-session = ليس من مشاركي الدورة
attendance-import-choose-title = من هو من
attendance-import-choose-intro = لكل شخص لم يُعثر عليه بالبريد الإلكتروني، اختر المشارك الذي يطابقه، أو «ليس أحدًا منهم». تُحفظ اختياراتك للتقرير القادم لهذه الدورة.
attendance-import-choose-later = أشخاص من التقرير غير معروضين هنا: { $count }. يبقون على ما عُثر عليه؛ سجّل هذه الاختيارات ثم ارفع التقرير مرة أخرى للاختيار لهم.
attendance-import-who-is = من هو «{ $name }» (الأسطر { $lines })؟
attendance-import-minutes-found = { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}
attendance-import-not-one-of-them = ليس أحدًا منهم
attendance-import-partial-help = من اتصل لأقل من { $percent } % من الحصة يُسجَّل «حضور جزئي»: تُحتسب دقائقه مع ذلك ضمن ساعات الدورة التي تحدد إتمام التكوين. تُحدَّد هذه النسبة في إعدادات الدورة.
attendance-import-absent-title = مشاركون غير واردين في التقرير
attendance-import-absent-intro = لهؤلاء الأشخاص مقاعد مؤكَّدة، لكن لا أحد في التقرير يطابقهم.
attendance-import-everyone-found = كل مشاركي الدورة واردون في التقرير.
attendance-import-record-title = تسجيل الحضور
attendance-import-record-intro = تُحدَّد العلامات ولا تُجمع: استيراد التقرير نفسه مرة أخرى يسجل الدقائق نفسها، فلا يُحتسب شيء مرتين.
attendance-import-others-absent = تسجيل بقية المشاركين غائبين
attendance-import-others-absent-hint = من لا يطابقهم أحد في التقرير. وإلا تبقى علاماتهم على حالها.
attendance-import-reason = سبب التصحيح
attendance-import-reason-hint = الدورة منتهية: يُصحَّح الحضور وإتمام التكوين، ويحتفظ سجل التدقيق بالسبب.
attendance-import-record = تسجيل الحضور
attendance-import-nothing = لا يمكن تسجيل أي شخص من هذا التقرير بهذه الأعمدة.
attendance-import-another = تحميل ملف آخر
