### صفحة توثيق الواجهة البرمجية (/api/docs).
###
### يعرض الخادم بنفسه الرسائل من api-docs-title إلى api-docs-noscript، ويُدرج
### كل رسائل api-docs-* الأخرى، دون البادئة، بصيغة JSON لـ
### assets/api-docs.js (api-docs-parameters -> "parameters").
### العناصر النائبة مثل {name} يملؤها السكربت لا Fluent.
### الأقواس المعقوفة خاصة في Fluent، لذا تُكتب كسلاسل حرفية:
### {"{"}name{"}"} تظهر {name}. احتفظ بكل عنصر نائب في كل ترجمة.

## Page (server-rendered template)

api-docs-title = الواجهة البرمجية لـ Aula
api-docs-intro-1 = تتيح الواجهة البرمجية REST لـ Aula الوصول البرمجي إلى دليل برامج التكوين والتكوينات والدورات. كل نقاط الوصول تقع تحت /api/v1 وتتبادل JSON.
api-docs-intro-auth = المصادقة: أرسل الترويسة «Authorization: Bearer <token>» مع كل طلب. أنشئ رمزًا في صفحة «رموز الواجهة البرمجية» في فضاء الإدارة، أو من سطر الأوامر بـ «aula token create --email E»، حيث E عنوان البريد الإلكتروني لحساب أحد الأعوان. لا يظهر الرمز إلا مرة واحدة.
api-docs-intro-errors = تأتي الأخطاء برمز حالة HTTP المناسب ومحتوى JSON من ثلاث خانات: «error»، رمز تقرؤه الآلة؛ و«message»، شرح يقرؤه الإنسان؛ و«fields» في أخطاء التحقق، وتذكر مشكلة كل خانة غير صالحة.
api-docs-raw-link = وثيقة OpenAPI 3.1
api-docs-noscript = تحتاج هذه الصفحة إلى JavaScript لعرض التوثيق. دون JavaScript، يمكنك قراءة وثيقة OpenAPI الخام:

## Labels read by api-docs.js: loading and errors

api-docs-loading = جارٍ تحميل وصف الواجهة البرمجية…
api-docs-error-title = تعذّر تحميل وصف الواجهة البرمجية.
api-docs-error-raw = يمكنك مع ذلك قراءة الوثيقة الخام على {"{"}link{"}"}.
api-docs-error-network = تعذّر الوصول إلى الخادم.
api-docs-error-status = أجاب الخادم بـ {"{"}status{"}"}.
api-docs-error-not-json = إجابة الخادم ليست JSON صالحًا.
api-docs-error-not-openapi = الوثيقة ليست وصف OpenAPI.
api-docs-error-render = فشل العرض: {"{"}message{"}"}

## Status line, contents, page sections

# {operations} و{groups} هما count-operations-* وcount-groups-* أدناه.
api-docs-status-loaded = تم تحميل {"{"}operations{"}"} في {"{"}groups{"}"}.
# صيغ الجمع: يختار السكربت -one أو -other؛ صيغة -other محايدة لتصلح لكل الأعداد في العربية.
api-docs-count-operations-one = عملية واحدة ({"{"}count{"}"})
api-docs-count-operations-other = عدد العمليات: {"{"}count{"}"}
api-docs-count-groups-one = مجموعة واحدة ({"{"}count{"}"})
api-docs-count-groups-other = عدد المجموعات: {"{"}count{"}"}
api-docs-no-operations = لا يذكر وصف الواجهة البرمجية أي عملية.
api-docs-contents = المحتويات
api-docs-authentication = المصادقة
api-docs-schemas = المخططات
api-docs-schemas-intro = هياكل البيانات التي تشير إليها العمليات أعلاه.
api-docs-component-type = النوع: {"{"}type{"}"}
# مجموعة العمليات التي ليس لها وسم.
api-docs-tag-other = أخرى
api-docs-info-version = الإصدار {"{"}version{"}"}
api-docs-base-urls-one = العنوان الأساسي: {"{"}urls{"}"}
api-docs-base-urls-other = العناوين الأساسية: {"{"}urls{"}"}

## Filter toolbar

api-docs-filter-label = تصفية العمليات
api-docs-filter-hint = يطابق الطريقة أو المسار أو الملخص أو الوسم.
api-docs-filter-matches-one = عملية واحدة ({"{"}count{"}"}) تطابق «{"{"}query{"}"}».
api-docs-filter-matches-other = عدد العمليات المطابقة لـ «{"{"}query{"}"}»: {"{"}count{"}"}.
api-docs-filter-all = عرض كل العمليات.
api-docs-expand-all = توسيع الكل
api-docs-collapse-all = طي الكل
# الاسم المتاح لشريط الأدوات (معلم بحث).
api-docs-toolbar-label = العمليات

## One operation

api-docs-deprecated = متقادمة
api-docs-operation-id = معرّف العملية: {"{"}id{"}"}
api-docs-link-to-operation = رابط إلى هذه العملية
api-docs-parameters = المعطيات
api-docs-request-body = محتوى الطلب
api-docs-request-body-required = محتوى الطلب إجباري.
api-docs-request-body-optional = محتوى الطلب اختياري.
api-docs-responses = الإجابات
# يقرؤها قارئ الشاشة بعد العنوان: «المعطيات لـ GET /api/v1/courses».
api-docs-heading-for = لـ {"{"}operation{"}"}
api-docs-column-name = الاسم
api-docs-column-in = الموضع
api-docs-column-required = إجباري
api-docs-column-type = النوع
api-docs-column-description = الوصف
# موضع المعطى (OpenAPI «in»).
api-docs-in-path = المسار
api-docs-in-query = الاستعلام
api-docs-in-header = الترويسة
api-docs-in-cookie = ملف تعريف الارتباط
api-docs-yes = نعم
api-docs-no = لا
# الإجابة الموثقة لكل حالة غير مذكورة (OpenAPI «default»).
api-docs-status-default = حالات أخرى
api-docs-response-header = الترويسة {"{"}name{"}"}
api-docs-response-header-described = الترويسة {"{"}name{"}"}: {"{"}description{"}"}
api-docs-no-response-body = دون محتوى في الإجابة.
api-docs-no-responses = لا توجد إجابات موثقة.

## Authentication

api-docs-auth-none = المصادقة: غير مطلوبة.
# {schemes} اسم مخطط أو أكثر مربوطة بـ «أو» أدناه.
api-docs-auth-required = المصادقة: {"{"}schemes{"}"} (انظر «المصادقة» أعلاه).
api-docs-security-http = مصادقة HTTP {"{"}scheme{"}"}
api-docs-security-api-key-header = مفتاح الواجهة البرمجية في الترويسة {"{"}name{"}"}
api-docs-security-api-key-query = مفتاح الواجهة البرمجية في معطى الاستعلام {"{"}name{"}"}
api-docs-security-api-key-cookie = مفتاح الواجهة البرمجية في ملف تعريف الارتباط {"{"}name{"}"}
api-docs-security-api-key = مفتاح الواجهة البرمجية {"{"}name{"}"} ({"{"}location{"}"})
api-docs-security-unknown = غير معروف
api-docs-security-bearer-format = (الصيغة: {"{"}format{"}"})
api-docs-security-header = الترويسة: {"{"}header{"}"}
# تظهر «Authorization: Bearer <token>».
api-docs-token-placeholder = token

## Schemas: bodies, properties, alternatives

api-docs-body-schema = المخطط: {"{"}type{"}"}
api-docs-content-type = نوع المحتوى: {"{"}type{"}"}
api-docs-example = مثال:
api-docs-required = إجباري
api-docs-optional = اختياري
api-docs-any-other-property = أي خاصية أخرى
api-docs-other-properties-allowed = يُسمح بخصائص أخرى.
api-docs-no-documented-properties = كائن دون خصائص موثقة.
api-docs-fields-of = خانات {"{"}name{"}"}
api-docs-no-further-details = لا توجد تفاصيل أخرى.
api-docs-nested-too-deep = متداخل بعمق لا يسمح بعرضه هنا.
api-docs-unresolved-ref = مرجع غير محلول {"{"}ref{"}"}.
api-docs-recursive-ref = مرجع تكراري إلى {"{"}name{"}"} (انظر تعريفه).
api-docs-alternatives-all-of = كل ما يلي:
api-docs-alternatives-one-of = واحد فقط مما يلي:
api-docs-alternatives-any-of = واحد أو أكثر مما يلي:
api-docs-discriminator = يُختار البديل بالخاصية {"{"}name{"}"}.
api-docs-each-value = كل قيمة:
api-docs-each-item = كل عنصر ({"{"}type{"}"}):

## Facts about a value

api-docs-fact-allowed-values = القيم المسموح بها: {"{"}value{"}"}
api-docs-fact-default = القيمة الافتراضية: {"{"}value{"}"}
api-docs-fact-minimum = الحد الأدنى: {"{"}value{"}"}
api-docs-fact-greater-than = أكبر من: {"{"}value{"}"}
api-docs-fact-maximum = الحد الأقصى: {"{"}value{"}"}
api-docs-fact-less-than = أصغر من: {"{"}value{"}"}
api-docs-fact-min-length = الطول الأدنى: {"{"}value{"}"}
api-docs-fact-max-length = الطول الأقصى: {"{"}value{"}"}
api-docs-fact-pattern = النمط: {"{"}value{"}"}
api-docs-fact-min-items = أدنى عدد من العناصر: {"{"}value{"}"}
api-docs-fact-max-items = أقصى عدد من العناصر: {"{"}value{"}"}
api-docs-fact-unique-items = يجب أن تكون العناصر فريدة
api-docs-fact-read-only = للقراءة فقط (تُعاد، ولا تُرسل أبدًا)
api-docs-fact-write-only = للكتابة فقط (تُرسل، ولا تُعاد أبدًا)
api-docs-fact-example = مثال: {"{"}value{"}"}

## Types

# أنواع JSON حسب الاسم (type-string هو نوع JSON «string»).
api-docs-type-string = سلسلة نصية
api-docs-type-integer = عدد صحيح
api-docs-type-number = عدد
api-docs-type-boolean = قيمة منطقية
api-docs-type-object = كائن
api-docs-type-array = مصفوفة
api-docs-type-null = null
api-docs-type-any = أي نوع
api-docs-type-nothing = لا شيء
api-docs-type-const = الثابت {"{"}value{"}"}
api-docs-type-one-of = واحد من: {"{"}types{"}"}
api-docs-type-any-of = أي من: {"{"}types{"}"}
api-docs-type-all-of = كل من: {"{"}types{"}"}
api-docs-type-array-of = مصفوفة من {"{"}type{"}"}
api-docs-type-map-of = جدول ربط من {"{"}type{"}"}
api-docs-type-tuple = مصفوفة (صف)
# تربط بديلين: «سلسلة نصية أو null»، «bearer أو apiKey».
api-docs-or = {"{"}left{"}"} أو {"{"}right{"}"}
