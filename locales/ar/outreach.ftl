## أنشطة التوعية إلى جانب التكوين (issue 20)
outreach-title = التوعية
outreach-explain = العروض واجتماعات الإعلام والندوات عبر الإنترنت والأجنحة والمواد الموزعة. تُحسب ضمن مدى وصول البرنامج، ولا تُحسب تكوينًا أبدًا: لا أحد هنا تسجيل أو مشارك أو ساعات تكوين أو إتمام.
outreach-new = تسجيل نشاط توعية
outreach-edit = نشاط توعية
outreach-none = لم يُسجَّل أي نشاط توعية بعد.
outreach-activity = النشاط
outreach-activity-hint = ما كان عليه، كما تسميه في تقرير، مثل «عرض في مقر البلدية».
outreach-held-on = التاريخ
outreach-kind = النوع
outreach-programme = البرنامج
outreach-place = المكان أو القناة
outreach-place-hint = قاعة أو مدينة؛ وللندوة عبر الإنترنت: أين بُثّت.
outreach-region = المنطقة
outreach-no-region = بلا منطقة
outreach-audience = الجمهور
outreach-mixed-audience = جمهور مختلط
outreach-people = الأشخاص الذين تم الوصول إليهم
outreach-attendees = الحاضرون
outreach-attendees-hint = عدد الأشخاص في القاعة أو عند الجناح. يرتفع تلقائيًا عند تسجيل عدد أكبر من القادمين عند الباب أدناه.
outreach-viewers = المشاهدون
outreach-viewers-hint = من شاهدها عبر البث، مباشرة أو لاحقًا، كما تعدّهم المنصة.
outreach-materials = المواد الموزعة
outreach-materials-handed-out = المواد الموزعة حسب النوع
outreach-notes = ملاحظات
outreach-presentation = عرض
outreach-information-meeting = اجتماع إعلامي
outreach-webinar = ندوة عبر الإنترنت
outreach-stand = جناح
outreach-materials-distribution = توزيع مواد
material-leaflet = مطويات
material-guide = أدلة
material-poster = ملصقات
material-kit = حقائب
material-other = مواد أخرى
outreach-walk-ins = القادمون دون تسجيل
outreach-walk-ins-explain = الأشخاص الذين حضروا عند الباب. دوِّن الاسم، والبريد الإلكتروني إن أعطوه. لا يتلقون أي بريد من Aula ولا يُسجَّلون في أي دورة.
outreach-walk-ins-none = لم يُدوَّن أحد بعد.
outreach-walk-ins-count = { $count ->
    [zero] لم يُدوَّن أحد
    [one] شخص واحد مدوَّن
    [two] شخصان مدوَّنان
    [few] { $count } أشخاص مدوَّنون
    [many] { $count } شخصًا مدوَّنًا
   *[other] { $count } شخص مدوَّن
}
outreach-walk-ins-webinar = الندوة عبر الإنترنت ليس لها باب: يُحسب جمهورها مشاهدين.
outreach-walk-in-name = الاسم
outreach-walk-in-email = البريد الإلكتروني
outreach-walk-in-actions = إزالة
outreach-walk-in-email-hint = اختياري.
outreach-no-email = بلا بريد
outreach-walk-in-add = تدوين شخص قادم عند الباب
outreach-walk-in-remove = إزالة { $name }
outreach-walk-in-flash = تم تدوين الشخص.
outreach-walk-in-removed-flash = تمت إزالة الشخص. يبقى عدد الحاضرين كما هو: عدّله أعلاه عند الحاجة.
outreach-delete = حذف النشاط
outreach-delete-title = حذف نشاط التوعية هذا؟
outreach-delete-explain = يُحذف النشاط نهائيًا مع الأشخاص المدوَّنين، ولا يعود يُحسب في مدى الوصول.
outreach-deleted-flash = تم حذف نشاط التوعية.
programme-outreach = التوعية
programme-no-outreach = لم يُسجَّل أي نشاط توعية لهذا البرنامج.
error-outreach-fewer-than-walk-ins = دُوِّن { $count } من القادمين عند الباب: لا يمكن أن يكون عدد الحاضرين أقل.
error-outreach-webinar-walk-ins = الندوة عبر الإنترنت لا تقبل قادمين عند الباب: احسبهم مشاهدين.

## مدى الوصول في المؤشرات
reach-heading = مدى الوصول: التوعية إلى جانب التكوين
reach-explain = أنشطة التوعية الخاصة ببرامج المرشِّح ومنظماته ومناطقه وجماهيره، حسب يوم إقامتها. لا يُحسب هؤلاء الأشخاص في أرقام التكوين أعلاه.
reach-not-applicable = التوعية لا تنتمي إلى أي تكوين أو دورة أو صيغة: أزلها من المرشِّح لرؤية مدى الوصول.
reach-none = لا يوجد نشاط توعية في هذا المرشِّح.
reach-people = الأشخاص الذين تم الوصول إليهم (الحاضرون والمشاهدون)
reach-kind = نوع النشاط
reach-activities = الأنشطة
reach-attendees = الحاضرون
reach-viewers = المشاهدون
reach-materials = المواد الموزعة
reach-total = المجموع
reach-material = المادة
reach-handed-out = الموزعة
reach-by-kind = مدى الوصول حسب نوع النشاط
reach-by-material = المواد الموزعة حسب النوع
error-walk-in-written-twice = { $name } مدوَّن بالفعل في هذا النشاط. إن كان شخصًا آخر بالاسم نفسه فأضف بريده الإلكتروني أو حرفًا أول من اسمه.
