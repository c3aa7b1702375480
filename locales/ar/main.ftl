# Aula — الفهرس العربي (العربية الفصحى المعاصرة كما تستعملها الإدارة البلدية
# التونسية). الأرقام بالأرقام الغربية (0-9) كما في إعدادات CLDR للعربية
# التونسية (ar-TN)، والأشهر بأسمائها المستعملة في تونس (جانفي، فيفري...).
# المفاتيح نفسها الموجودة في فهارس fr وes وen.

## Layout
skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-label = القائمة الرئيسية
nav-language = اللغة
nav-catalogue = دليل التكوين
nav-sessions = الدورات
nav-courses = التكوينات
nav-programmes = البرامج
nav-bodies = هياكل الاعتماد
nav-my-sessions = دوراتي
nav-users = المستخدمون
nav-regions = الجهات
nav-tokens = رموز الواجهة البرمجية
nav-password = كلمة المرور
nav-sign-in = دخول الأعوان
nav-sign-out = الخروج
footer-about = Aula — تكوين معتمد في التنوع والمساواة في المعاملة
footer-api = واجهة برمجية للربط مع الأنظمة الأخرى
breadcrumbs = مسار التصفح
pagination = الصفحات
page = الصفحة
page-previous = السابق
page-next = التالي
page-past-end = هذه الصفحة بعد نهاية القائمة.
page-go-last = الانتقال إلى الصفحة الأخيرة
save = حفظ
add = إضافة
filter = تصفية
choose = اختر…
all = الكل
none = لا شيء
yes = نعم
no = لا
form-has-errors = توجد مشكلة
hours-count = { $hours ->
    [zero] { $hours } ساعة
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
}

## One-time messages after an action
flash-saved = تم الحفظ.
flash-signed-in = تم تسجيل دخولك.
flash-signed-out = تم تسجيل خروجك.
flash-status-changed = تغيّرت حالة الدورة.
flash-token-revoked = تم إلغاء الرمز؛ لم يعد صالحًا.
flash-password-changed = تم تغيير كلمة المرور. أُغلقت جلساتك الأخرى؛ وتبقى رموز الواجهة البرمجية صالحة.

## Dates
date-long = { $day } { $month } { $year }
date-with-weekday = { $weekday } { $date }
datetime = { $date }، { $time }
month-1 = جانفي
month-2 = فيفري
month-3 = مارس
month-4 = أفريل
month-5 = ماي
month-6 = جوان
month-7 = جويلية
month-8 = أوت
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد

## Vocabularies
modality-in-person = حضوري
modality-online = عن بُعد
modality-blended = مزدوج (حضوري وعن بُعد)
audience-public-servant = الموظفون العموميون
audience-union-delegate = الممثلون النقابيون
audience-elected-official = المنتخبون
audience-mediator = الوسطاء
audience-civil-society = المجتمع المدني
audience-other = فئات أخرى
language-fr = الفرنسية
language-es = الإسبانية
language-en = الإنجليزية
language-ar = العربية
status-draft = مسودة
status-open = التسجيل مفتوح
status-closed = التسجيل مغلق
status-cancelled = ملغاة
status-completed = منتهية
status-action-draft = إرجاع إلى المسودة
status-action-open = فتح التسجيل
status-action-closed = غلق التسجيل
status-action-cancelled = إلغاء الدورة
status-action-completed = اعتبارها منتهية
role-admin = مشرف النظام
role-organiser = منظّم
role-trainer = مكوّن
role-accreditor = مسؤول اعتماد

## Catalogue
catalogue-title = دليل التكوين
catalogue-lead = ابحث عن دورة تكوينية في التنوع والمساواة في المعاملة وعدم التمييز، وسجّل عبر الإنترنت.
catalogue-filters = البحث في الدليل
catalogue-text = كلمات
catalogue-region = الجهة
catalogue-audience = الفئة المستهدفة
catalogue-from = من
catalogue-to = إلى
catalogue-search = بحث
catalogue-reset = مسح عوامل التصفية
catalogue-count = { $count ->
    [zero] لم يتم العثور على أي دورة.
    [one] تم العثور على دورة واحدة.
    [two] تم العثور على دورتين.
    [few] تم العثور على { $count } دورات.
    [many] تم العثور على { $count } دورة.
   *[other] تم العثور على { $count } دورة.
}
catalogue-none = لا توجد دورة تطابق عوامل التصفية هذه. جرّب كلمات أقل أو فترة أخرى.
catalogue-accredited-by = تكوين معتمد ({ $body })
seats-left = { $count ->
    [zero] لم يبق أي مقعد
    [one] بقي مقعد واحد
    [two] بقي مقعدان
    [few] بقيت { $count } مقاعد
    [many] بقي { $count } مقعدًا
   *[other] بقي { $count } مقعد
}
seats-full = مكتملة: التسجيلات الجديدة تُدرج في قائمة الانتظار

## Programmes
programmes-title = البرامج
programmes-new = برنامج جديد
programmes-none = لا يوجد أي برنامج بعد.
programme-edit = تعديل البرنامج
programme-title = العنوان
programme-funder = الجهة المموّلة
programme-funder-hint = مثال: الصندوق الاجتماعي الأوروبي+ (ESF+)
programme-description = الوصف
programme-starts-on = تاريخ البداية
programme-ends-on = تاريخ النهاية
programme-period = الفترة
programme-indicators = مؤشرات البرنامج
programme-courses = تكويناته
programme-no-courses = لا يوجد تكوين في هذا البرنامج بعد.
programme-sessions = دوراته، القادمة أولاً
programme-no-sessions = لا توجد دورة في هذا البرنامج بعد.

## Accrediting bodies
bodies-title = هياكل الاعتماد
bodies-lead = الجامعات والهياكل الأخرى التي تعتمد التكوينات وتتحقق من شهاداتها.
bodies-none = لا يوجد أي هيكل اعتماد بعد.
bodies-new = إضافة هيكل اعتماد
body-name = الاسم
body-code = الرمز
body-code-hint = من 2 إلى 10 حروف أو أرقام، يُستعمل في أرقام الشهادات (مثال: ULE).
body-website = الموقع الإلكتروني

## Regions
regions-title = الجهات
regions-new = إضافة جهة
region-name = الاسم
region-code = الرمز
region-code-hint = رمز قصير وثابت، مثال: TN-12.

## Courses
courses-title = التكوينات
courses-new = تكوين جديد
courses-none = لا يوجد أي تكوين بعد.
course-edit = تعديل التكوين
course-public-page = عرض الصفحة العمومية
course-title = العنوان
course-programme = البرنامج
course-no-programme = دون برنامج
course-summary = الملخص
course-objectives = الأهداف التعلّمية
course-objectives-hint = هدف واحد في كل سطر.
course-hours = عدد الساعات
course-hours-hint = الساعات المقررة، مثال: 20 أو 7,5.
course-modality = الصيغة
course-language = اللغة
course-audiences = الفئات المستهدفة
course-accreditation = الاعتماد
course-accreditation-body = هيكل الاعتماد
course-not-accredited = غير معتمد
course-credits = الأرصدة
course-recognised-hours = الساعات المعترف بها
course-minimum-attendance = الحد الأدنى للحضور (%)
course-minimum-attendance-hint = نسبة ساعات الدورة اللازمة لإتمامها. 80 ما لم يحدد هيكل الاعتماد غير ذلك.
course-survey-required = يجب الإجابة عن استبيان الرضا قبل الحصول على الشهادة
error-needs-accreditation = هذا ما تعترف به هيئة الاعتماد: اختر الهيئة أعلاه، أو اترك الحقل فارغًا.
course-sessions = الدورات
course-no-sessions = لا توجد أي دورة مبرمجة لهذا التكوين.
course-texts-title = النصوص بلغات أخرى
course-texts-intro = هذا التكوين مكتوب بـ{ $language }. أدخل عنوانه وملخصه وأهدافه بلغات أخرى: يراها قرّاء تلك اللغات، ويرى الآخرون نص التكوين الأصلي. اترك اللغة فارغة إن لم يكن لها نص.
error-course-language-has-text = للتكوين نص بهذه اللغة: احذفه أولًا من «النصوص بلغات أخرى».
error-course-text-language = تُكتب لغة التكوين الأصلية في التكوين نفسه، وكل لغة أخرى مرة واحدة.
credits-count = { $credits ->
    [zero] { $credits } رصيد
    [one] رصيد واحد
    [two] رصيدان
    [few] { $credits } أرصدة
    [many] { $credits } رصيدًا
   *[other] { $credits } رصيد
}
minimum-attendance = الحد الأدنى للحضور { $percent } %

## Sessions
sessions-title = الدورات
my-sessions-title = دوراتي
sessions-new = دورة جديدة
sessions-none = لا توجد أي دورة هنا.
session-edit = تعديل الدورة
session-public-page = عرض الصفحة العمومية
session-course = التكوين
session-capacity = المقاعد
session-time-zone = المنطقة الزمنية
session-time-zone-frequent = الأكثر استعمالًا
session-time-zone-hint = اكتب الحروف الأولى من اسم مدينة لإيجاد منطقتها الزمنية (مثال: Africa/Tunis).
time-zone-region-africa = إفريقيا
time-zone-region-america = أمريكا
time-zone-region-antarctica = القارة القطبية الجنوبية
time-zone-region-asia = آسيا
time-zone-region-atlantic = المحيط الأطلسي
time-zone-region-australia = أستراليا
time-zone-region-europe = أوروبا
time-zone-region-indian = المحيط الهندي
time-zone-region-pacific = المحيط الهادئ
session-meetings = الحصص
session-meetings-hint = تاريخ كل حصة وساعة بدايتها ونهايتها، حسب المنطقة الزمنية للدورة. اترك الأسطر فارغة لتجاهلها؛ تظهر ثلاثة أسطر إضافية بعد الحفظ. الحصة التي تبدأ في الساعة 18:00 أو بعدها وتنتهي بعد منتصف الليل: أدخل ساعة نهايتها، وتنتهي في اليوم التالي.
session-no-meetings = المواعيد سيُعلن عنها لاحقًا
session-venue = المكان
session-venue-hint = للدورات الحضورية والمزدوجة.
venue-name = اسم المكان
venue-address = العنوان
venue-city = المدينة
venue-region = الجهة
session-online-url = رابط الاجتماع عن بُعد
session-online-url-hint = للدورات عن بُعد والمزدوجة؛ لا يتلقاه إلا المشاركون المسجلون.
session-registration-opens = بداية التسجيل
session-registration-closes = نهاية التسجيل
session-trainers = المكوّنون
session-status = الحالة
session-change-status = تغيير الحالة:
session-final-notice = هذه الدورة منتهية أو ملغاة: لم يعد بالإمكان تعديلها.
session-dates = المواعيد
session-place = المكان
session-seats = المقاعد
session-hours = المدة
session-online = عن بُعد
session-online-link-later = عن بُعد (يُرسل الرابط إلى المشاركين المسجلين)
session-times-in-zone = الأوقات حسب المنطقة الزمنية { $zone }.
meeting-date = التاريخ
meeting-start = البداية
meeting-end = النهاية
meeting-date-n = تاريخ الحصة { $n }
meeting-start-n = بداية الحصة { $n }
meeting-end-n = نهاية الحصة { $n }

## Users
users-title = المستخدمون
users-new = مستخدم جديد
user-edit = تعديل المستخدم
user-name = الاسم
user-email = البريد الإلكتروني
user-roles = الأدوار
user-body = هيكل الاعتماد (لمسؤولي الاعتماد)
user-language = اللغة
user-password = كلمة العبور
user-password-hint = 10 أحرف على الأقل. اتركها فارغة لتحديدها لاحقًا.
user-password-keep = اتركها فارغة للإبقاء على كلمة العبور الحالية.
user-password-own = تُغيَّر كلمة المرور الخاصة بك باستخدام كلمة المرور الحالية، في صفحتك:
user-active = نشط
user-active-hint = لا يمكن للمستخدم غير النشط الدخول، ويتم إخراجه فورًا.

## API tokens
tokens-title = رموز الواجهة البرمجية
error-token-no-organisation = يعمل الرمز داخل منظمة، وحسابك لا يعمل في أي منظمة: اطلب من أحد المسؤولين إضافتك إلى إحداها.
password-title = كلمة المرور
password-lead = غيّر كلمة المرور التي تسجّل بها الدخول. تنتهي جلساتك الأخرى كلها، وتبقى هذه الجلسة مفتوحة. تبقى رموز الواجهة البرمجية صالحة: ألغِها من صفحة رموز الواجهة البرمجية إن كان غيرك قد يعرفها.
password-current = كلمة المرور الحالية
password-new = كلمة المرور الجديدة
password-new-hint = { $min } أحرف على الأقل. جملة من بضع كلمات يسهل تذكّرها ويصعب تخمينها.
password-new-again = كلمة المرور الجديدة مرة أخرى
password-submit = غيّر كلمة المرور
tokens-lead = تسمح الرموز لنظام آخر باستعمال الواجهة البرمجية نيابةً عنك وبأدوارك. أرسل الرمز بعد "Authorization: Bearer".
tokens-created = رمزك الجديد
tokens-created-once = انسخه الآن: لن يظهر إلا هذه المرة.
tokens-none = ليس لديك أي رمز بعد.
tokens-new = إنشاء رمز
tokens-create = إنشاء الرمز
token-name = الغرض منه
token-name-hint = مثال: الشبكة الداخلية للنقابة.
token-created = تاريخ الإنشاء
token-last-used = آخر استعمال
token-state = الحالة
token-revoked = ملغى
token-revoke = إلغاء «{ $name }»

## Sign-in
sign-in-title = دخول الأعوان
sign-in-lead = للمنظمين والمكوّنين ومسؤولي الاعتماد والمشرفين. لا يحتاج المتكوّنون إلى حساب.
sign-in-email = البريد الإلكتروني
sign-in-password = كلمة العبور
sign-in-submit = الدخول
sign-in-failed = البريد الإلكتروني أو كلمة العبور غير صحيحة.

## Errors
error-title-400 = تعذّرت قراءة الطلب
error-title-401 = يُرجى تسجيل الدخول
error-title-403 = غير مسموح
error-title-404 = الصفحة غير موجودة
error-title-405 = لا تُفتح هذه الصفحة بهذه الطريقة
error-title-408 = بطء شديد
error-title-409 = غير ممكن حاليًا
error-title-413 = حجم كبير جدًا
error-title-415 = صيغة غير مناسبة
error-title-422 = بعض القيم غير صحيحة
error-title-429 = محاولات كثيرة جدًا
error-title-500 = حدث خطأ
error-code = الخطأ { $status }
error-back-home = العودة إلى دليل التكوين
error-unauthenticated = يُرجى تسجيل الدخول للمواصلة.
error-forbidden = دورك لا يسمح بهذا.
error-organisation-suspended-staff = { $name } معلّقة: لا يمكن لموظفيها العمل فيها إلى أن يعيد مسؤول الموقع تفعيلها.
error-csrf = انتهت صلاحية هذه الاستمارة. عد إلى الصفحة السابقة وأعد تحميلها ثم حاول مجددًا.
error-cross-site = يجب أن يأتي هذا التغيير من صفحات Aula نفسها، أو استعمل رمز واجهة برمجية.
error-not-found = لم نجد ما طلبته.
error-method-not-allowed = هذا العنوان لا يقبل هذا النوع من الطلبات.
error-too-large = ما أرسلته كبير جدًا.
error-timeout = استغرق الطلب وقتًا طويلًا: أعد المحاولة. إن كنت ترسل ملفًا فقد يساعد اتصال أسرع.
error-media-type = أرسل متن الطلب مع الترويسة Content-Type: { $expected }.
error-invalid = بعض القيم غير صحيحة؛ راجع كل خانة.
error-too-many-requests = محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مجددًا.
error-internal = حدث خطأ من جهتنا. يُرجى المحاولة لاحقًا.
error-body = تعذّرت قراءة محتوى الطلب.
error-form = تعذّرت قراءة الاستمارة.
error-encoding = النص ليس بترميز UTF-8؛ أعد إرساله من الاستمارة.
error-query = تعذّرت قراءة معطيات العنوان.
error-query-repeated = اذكر هذه المعلمة مرة واحدة فقط.
error-query-unknown = هذا العنوان لا يقرأ هذه المعلمة. يقرأ: { $known }.
error-query-value = لا يمكن قراءة هذه القيمة هنا.
error-json-syntax = صياغة JSON غير سليمة.
error-json-object = أرسل كائن JSON.
error-json-missing = الخانة «{ $field }» ناقصة.
error-json-type = الخانة «{ $field }» ليست من النوع المتوقع.
error-json-duplicate = الخانة «{ $field }» مذكورة مرتين.
error-unknown-field = لا توجد خانة بهذا الاسم.
error-duplicate = هذا موجود مسبقًا.
error-in-use = توجد سجلات أخرى مرتبطة بهذا.
error-required = إجباري.
error-too-long = { $max ->
    [zero] لا يُسمح بأي حرف.
    [one] حرف واحد على الأكثر.
    [two] حرفان على الأكثر.
    [few] { $max } أحرف على الأكثر.
    [many] { $max } حرفًا على الأكثر.
   *[other] { $max } حرف على الأكثر.
}
error-too-many = { $max } على الأكثر.
error-control-characters = احذف رموز التحكم غير المرئية.
error-invisible-characters = يحتوي هذا الاسم على محرف لا يظهر (مسافة صفرية العرض، واصلة اختيارية…): اكتبه من جديد من دونه.
error-email = أدخل عنوان بريد إلكتروني مثل name@example.org.
error-email-taken = يوجد مستخدم آخر بهذا البريد الإلكتروني.
error-url = أدخل عنوان موقع يبدأ بـ https://.
error-range = أدخل عددًا من { $min } إلى { $max }.
error-range-above-zero = أدخل عددًا أكبر من 0 وحتى { $max }.
error-whole-number = أدخل عددًا صحيحًا.
error-number = أدخل عددًا.
error-choice = اختر أحد الخيارات.
error-choose-one = اختر خيارًا واحدًا على الأقل.
error-unknown-choice = هذا الخيار غير موجود (أو لم يعد موجودًا).
error-date = أدخل تاريخًا بالصيغة YYYY-MM-DD.
error-time = أدخل ساعة بالصيغة HH:MM.
error-datetime = أدخل تاريخًا وساعة.
error-time-zone = منطقة زمنية غير معروفة.
error-time-skipped = هذه الساعة غير موجودة في ذلك اليوم (تغيير التوقيت).
error-end-before-start = يجب أن تكون النهاية بعد البداية.
error-record-past-to-come = لا تُسجَّل بعد انعقادها إلا دورة بدأت فعلًا: جلستها الأولى لم تأتِ بعد، ولن يعلم المشاركون فيها بشيء عنها.
error-meeting-order = يجب أن تنتهي الحصة بعد بدايتها.
error-meeting-too-long = لا تتجاوز مدة الحصة 24 ساعة.
error-meeting-year = تُعقد الحصة بين سنتي { $min } و{ $max }.
error-year = أدخل تاريخًا بين عامي { $min } و{ $max }.
error-meetings-overlap = حصتان متداخلتان.
error-meeting-outside-programme = يمتد البرنامج من { $from } إلى { $to }: يجب أن تقع كل حصة بين هذين التاريخين (غيّر الحصة أو تواريخ البرنامج).
error-activity-outside-programme = يمتد البرنامج من { $from } إلى { $to }: يجب أن يقع النشاط بين هذين التاريخين (غيّر يومه أو تواريخ البرنامج).
error-venue-needed = تحتاج الدورة الحضورية إلى مكان.
error-online-url-needed = تحتاج الدورة عن بُعد إلى رابط الاجتماع.
error-venue-or-url-needed = أدخل مكانًا أو رابطًا للاجتماع عن بُعد أو كليهما.
error-unknown-trainer = اختر المكوّنين من بين المستخدمين الذين لهم دور المكوّن.
error-session-course-fixed = لا يمكن تغيير تكوين الدورة؛ أنشئ دورة جديدة بدلًا من ذلك.
error-capacity-below-taken = { $taken ->
    [zero] لا يوجد أي مقعد مشغول
    [one] يوجد مقعد واحد مشغول
    [two] يوجد مقعدان مشغولان
    [few] توجد { $taken } مقاعد مشغولة
    [many] يوجد { $taken } مقعدًا مشغولًا
   *[other] يوجد { $taken } مقعد مشغول
}؛ لا يمكن أن يكون عدد المقاعد أقل من ذلك.
error-session-final = لم يعد بالإمكان تعديل دورة منتهية أو ملغاة.
error-status-transition = لا يمكن أن تنتقل الدورة من «{ $from }» إلى «{ $to }».
error-complete-before-end = لا يمكن وسم الدورة بأنها مكتملة إلا بعد انتهاء آخر حصة منها.
error-open-needs-meetings = أضف حصة واحدة على الأقل قبل فتح التسجيل.
error-keep-a-meeting = تحتفظ الدورة المفتوحة أو المغلقة للتسجيل بحصة واحدة على الأقل، ولا تُستكمل دورة بلا حصص: لإيقافها، ألغِها.
error-meeting-has-marks = للحصة المقررة في { $date } حضور مسجَّل: يمكن تغيير مواعيدها في اليوم نفسه، لكن لا يمكن حذفها ولا نقلها إلى يوم آخر.
error-body-code = من 2 إلى 10 حروف أو أرقام.
error-body-code-taken = هيكل آخر يستعمل هذا الرمز.
error-region-code-taken = جهة أخرى تستعمل هذا الرمز.
error-region-name-taken = جهة أخرى تحمل هذا الاسم.
error-accreditor-body = يجب أن ينتمي مسؤول الاعتماد إلى هيكل اعتماد.
error-password-short = { $min ->
    [zero] { $min } حرف على الأقل.
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $min } أحرف على الأقل.
    [many] { $min } حرفًا على الأقل.
   *[other] { $min } حرف على الأقل.
}
error-password-spaces = لا يمكن أن تتكوّن كلمة المرور من مسافات فقط.
error-current-password = هذه ليست كلمة المرور الحالية.
error-sender-name-address = اسم فقط: دون «<» أو «>» أو «@»، التي تجعله يُقرأ كعنوان.
error-password-mismatch = كلمتا المرور الجديدتان غير متطابقتين.
error-cannot-demote-self = لا يمكنك حذف دور المشرف الخاص بك أو إلغاء تنشيط حسابك.
error-own-password-elsewhere = تُغيَّر كلمة المرور الخاصة بك في صفحة «كلمة المرور»، باستخدام كلمة المرور الحالية.
table-region = جدول؛ يمكن تمريره أفقيًا على الشاشات الصغيرة
error-unavailable = قاعدة البيانات لا تستجيب للحظات؛ لم يتغير أي شيء. يُرجى المحاولة بعد بضع ثوانٍ.
sessions-from = جارية في تاريخ أو بعده
sessions-to = تبدأ في تاريخ أو قبله
sessions-order = الدورات القادمة أولًا، والأقرب في الأعلى؛ ثم الدورات السابقة، والأحدث أولًا.
sessions-past = الدورات السابقة
error-date-range = لا يمكن أن تسبق نهاية الفترة بدايتها.
error-email-and-without = أُدخل عنوان لشخص مُشار إلى أنه بلا بريد إلكتروني: احذف العنوان أو ألغِ التأشير على الخانة.

# التكليف والشركاء (issue 20)
programme-funders = الجهات المموّلة
programme-funders-hint = بالترتيب الذي تذكرها به التقارير، ولكل منها مرجعها (رقم اتفاقية التمويل). تُهمَل الأسطر الفارغة؛ احفظ للحصول على أسطر أخرى.
programme-funder-n = الجهة المموّلة { $n }
programme-funder-reference-n = مرجع الجهة المموّلة { $n }
programme-funder-with-reference = { $name } (المرجع { $detail })
programme-commissioner = الجهة المكلِّفة
programme-commissioner-hint = الجهة التي كلّفت بالبرنامج، مثل بلدية. دوراته وجلساته بتكليف منها ما لم تذكر جهة أخرى.
programme-contract-reference = مرجع العقد
programme-commissioner-with-contract = { $name }، العقد { $detail }
programme-partners = الشركاء
programme-partner-n = الشريك { $n }
programme-partner-role-n = دور الشريك { $n }
programme-partner-with-role = { $name }: { $detail }
course-commissioner-hint = فقط إذا كلّفت بهذه الدورة جهة غير جهة البرنامج، مثل جماعة محلية.
session-commissioner-hint = فقط إذا كلّفت بهذه الجلسة جهة غير جهة الدورة أو البرنامج، مثل جماعة محلية.
indicators-commissioner = الجهة المكلِّفة
error-funder-twice = { $name } مذكورة مرتين بين الجهات المموّلة.
error-contract-without-commissioner = يحتاج مرجع العقد إلى الجهة المكلِّفة التي أُبرم معها.
programme-funder-logos = شعارات الجهات المموّلة
programme-funder-logos-hint = PNG أو SVG. تُطبع أسفل الشهادات التي تصدر من الآن وفي تقارير هذا البرنامج. يبقى الشعار مع اسم جهته عند تغيير ترتيب الجهات.
programme-funder-logo-of = شعار { $name }
programme-funder-logo-file = شعار { $name } (PNG أو SVG)
programme-funder-logo-save = رفع
programme-funder-logo-remove = إزالة الشعار
programme-funder-logo-remove-of = إزالة شعار { $name }
funder-logo-saved = تم حفظ شعار الجهة المموّلة.
funder-logo-removed = تمت إزالة شعار الجهة المموّلة.
