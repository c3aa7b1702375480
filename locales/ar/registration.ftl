# التسجيل والتأكيد والإلغاء و«تكويناتي»، وأدوات المنظّم الخاصة بالتسجيلات.

## Rules
error-phone = اكتب رقم هاتف يتكون من 6 إلى 20 رقمًا (يُسمح بالفراغات والنقاط والمطّات والأقواس وعلامة + في البداية).
error-consent-needed = للتسجيل، ضع علامة في الخانة لقبول إشعار حماية المعطيات الشخصية.
error-session-not-open = التسجيل في هذه الدورة غير مفتوح.
error-session-closed = التسجيل في هذه الدورة مغلق.
error-session-cancelled = هذه الدورة ملغاة.
error-session-completed = هذه الدورة انعقدت بالفعل.
error-session-not-taking = لا يمكن إضافة أشخاص إلا عندما تكون الدورة مسودة، أو يكون التسجيل فيها مفتوحًا أو مغلقًا.
error-registration-not-yet = التسجيل في هذه الدورة لم يُفتح بعد.
error-registration-over = انتهى التسجيل في هذه الدورة.
error-session-started = بدأت الدورة: لم يعد بالإمكان إلغاء التسجيلات. راسل المنظمين.
error-session-was-cancelled = أُلغيت هذه الدورة: لم يعد هناك مقعد لتأكيده أو إلغائه. توجد دورات أخرى في الفهرس.
error-confirm-started = بدأت الدورة أو انتهت: لم يعد بالإمكان تأكيد المقعد. راسل المنظمين.
error-confirm-expired = انتهت صلاحية رابط التأكيد هذا (الروابط صالحة لمدة 48 ساعة). سجّل مجددًا من صفحة الدورة للحصول على رابط جديد.
error-try-again = قام شخص آخر بتغيير هذا التسجيل في اللحظة نفسها. يُرجى المحاولة مجددًا.
error-session-changed = تغيّرت الدورة في اللحظة نفسها (أُلغيت أو تغيّرت مواعيدها). اطّلع عليها من جديد وحاول مرة أخرى.
error-no-seat-free = لا يوجد أي مقعد شاغر في هذه الدورة. ارفع عدد المقاعد أولًا.
error-already-cancelled = هذا التسجيل ملغى بالفعل.

## The form
registration-form-title = التسجيل
registration-full-waitlist = الدورة مكتملة: إذا سجّلت، تُدرج في قائمة الانتظار وتحصل على أول مقعد يشغر.
form-required-hint = الخانات المشار إليها بعلامة * إجبارية.
person-given-name = الاسم
person-family-name = اللقب
person-email = عنوان البريد الإلكتروني
person-email-hint = نرسل رابط التأكيد إلى هذا العنوان.
person-phone = الهاتف
person-employer = مكان العمل
person-employer-hint = إدارتك أو مصلحتك أو منظمتك.
person-job-title = الخطة الوظيفية
person-audience = الصفة
person-region = الجهة
person-region-none = — لا شيء / جهة أخرى —
person-language = لغة المراسلات الإلكترونية
honeypot-label = اترك هذه الخانة فارغة
privacy-notice-title = إشعار حماية المعطيات الشخصية (الإصدار { $version })
privacy-notice-text = يحتفظ منظمو هذا التكوين باسمك وبيانات الاتصال بك ومكان عملك وتسجيلاتك لتسيير التكوين (التسجيل والحضور والشهادات) ولتقديم أرقام مجهولة الهوية إلى الجهات المموّلة. لا يطّلع عليها إلا فريق التكوين. وإذا طلبت هيئة اعتماد الدورة معرّفًا (رقم بطاقة التعريف الوطنية أو الرقم الوظيفي) فإنها تطّلع عليه أيضًا من أجل سجلّها. يمكنك الاطلاع على معطياتك وتصحيحها وتنزيلها من «تكويناتي»، وطلب حذفها من المنظمين.
registration-consent = قرأت إشعار حماية المعطيات الشخصية وأوافق عليه.
registration-submit = التسجيل
registration-see-mine = عرض تكويناتي

## After the form and the links
outcome-check-email = تفقّد بريدك الإلكتروني
registration-check-email-body = أرسلنا إليك رسالة إلكترونية. اتبع الرابط الموجود فيها { $hours ->
    [zero] فورًا
    [one] خلال ساعة واحدة
    [two] خلال ساعتين
    [few] خلال { $hours } ساعات
    [many] خلال { $hours } ساعة
   *[other] خلال { $hours } ساعة
} لتأكيد تسجيلك. إذا لم يصلك شيء، ابحث في مجلد الرسائل غير المرغوب فيها.
outcome-confirmed = تم تأكيد مقعدك
registration-confirmed-body = شكرًا: تم تأكيد مقعدك. أرسلنا إليك رسالة إلكترونية تتضمن مواعيد الحصص وملف رزنامة.
outcome-waitlisted = أنت في قائمة الانتظار
registration-waitlisted-body = الدورة مكتملة: ترتيبك { $position } في قائمة الانتظار. إذا شغر مقعد يُمنح لأول شخص في القائمة، ونراسلك فورًا.
outcome-cancelled = هذا التسجيل ملغى
registration-cancelled-body = أُلغي هذا التسجيل. يمكنك التسجيل مجددًا من صفحة الدورة ما دام التسجيل مفتوحًا.
registration-pending-body = هذا التسجيل في انتظار تأكيده.
outcome-link-expired = انتهت صلاحية هذا الرابط
outcome-too-late = لم يعد بالإمكان تأكيد هذا التسجيل

## A registration's page
registration-page-title = تسجيلي
registration-status = الحالة
registration-position = الترتيب { $position } في القائمة
registration-cancel-explain = إذا لم تتمكن من الحضور، ألغِ تسجيلك: يُمنح مقعدك للشخص التالي في قائمة الانتظار.
registration-cancel = إلغاء تسجيلي
registration-cancelled-flash = تم إلغاء تسجيلك. أرسلنا إليك رسالة إلكترونية.

## My trainings
me-title = تكويناتي
me-sign-in-lead = أدخل عنوان البريد الإلكتروني الذي سجّلت به. سنرسل إليك رابطًا يفتح تكويناتك دون كلمة عبور.
me-email-hint = الرابط صالح مرة واحدة، لمدة 30 دقيقة.
me-send-link = أرسل لي رابطًا
me-link-sent = إذا كان { $email } مسجلًا في تكوين، فإن رابطًا في طريقه إليه. الرابط صالح مرة واحدة، لمدة 30 دقيقة.
me-link-expired = هذا الرابط استُعمل من قبل أو انتهت صلاحيته. اطلب رابطًا جديدًا أدناه.
me-link-lead = افتح تكويناتك على هذا الجهاز.
me-open = فتح تكويناتي
me-signed-in = تم دخولك إلى تكويناتك.
me-signed-out = تم تسجيل خروجك.
me-sign-out = الخروج
me-details = تصحيح بياناتي
me-data = تنزيل معطياتي (JSON)
me-registrations = تسجيلاتي
me-none = ليس لديك أي تسجيل بعد.
me-registration-page = التفاصيل
me-cancel-label = إلغاء تسجيلي في { $course }
me-email-fixed = عنوان بريدك الإلكتروني: { $email }. لتغييره، سجّل مجددًا بالعنوان الجديد.
me-details-saved = تم حفظ بياناتك.

## The organiser's tools
registrations-export = التنزيل في جدول (CSV)
registrations-import = استيراد أشخاص من ملف CSV
registrations-add = إضافة شخص
registrations-add-submit = إضافة الشخص
registrations-add-confirm-hint = يتلقى الشخص رسالة إلكترونية لتأكيد التسجيل (إعداد هذه الدورة).
registrations-add-direct-hint = يُسجَّل الشخص فورًا ويتلقى التأكيد (إعداد هذه الدورة).
registrations-capacity = عدد المقاعد
registrations-capacity-hint = رفعه يمنح المقاعد فورًا لأول المنتظرين؛ ولا يمكن أن يقل عن المقاعد المشغولة.
registrations-move = تغيير
registrations-move-to = الحالة الجديدة لـ{ $name }
registrations-reason = السبب
registrations-move-submit = تطبيق
registration-move-confirmed = تأكيد
registration-move-cancelled = إلغاء
registration-added = تم تسجيل الشخص وإعلامه بالبريد الإلكتروني.
registration-added-pending = أُرسلت إلى الشخص رسالة إلكترونية لتأكيد التسجيل.
registration-added-already = هذا الشخص مسجل بالفعل؛ لم يتغير أي شيء.
registration-capacity-saved = تم حفظ عدد المقاعد.
registration-moved = تم تغيير التسجيل وإعلام الشخص بالبريد الإلكتروني.
registrations-given-name-column = الاسم
registrations-family-name-column = اللقب
registrations-email-column = البريد الإلكتروني
registrations-phone-column = الهاتف
registrations-employer-column = مكان العمل
registrations-job-title-column = الخطة الوظيفية
registrations-audience-column = الصفة
registrations-status-column = الحالة
registrations-position-column = الترتيب في قائمة الانتظار
registrations-since-column = تاريخ التسجيل
session-confirm-organiser-entries = الأشخاص الذين أضيفهم يؤكدون تسجيلهم بالبريد الإلكتروني أولًا
session-confirm-organiser-entries-hint = إذا لم تُحدَّد، يُسجَّل فورًا الأشخاص المضافون يدويًا أو بالاستيراد.
confirm-title = تأكيد تسجيلك
confirm-lead = خطوة أخيرة: أكّد أنك طلبت هذا التسجيل. لا يتغير شيء قبل ذلك.
confirm-training = التكوين
confirm-holder = الاسم المدرج في تسجيلك وشهاداتك
confirm-button = تأكيد تسجيلي

## تكوينات متداخلة (issue 20)
registrations-overlap = يتداخل مع
me-overlap = تتداخل جلساته مع تكوين آخر أنت مسجَّل فيه؛ لا يمكنك حضور الاثنين، فألغِ أحدهما أو اتصل بالمنظِّم:

# أشخاص بلا بريد إلكتروني (issue 20)
person-no-email = بلا بريد إلكتروني
person-email-organiser-hint = اتركه فارغًا فقط لشخص ليس له عنوان بريد إلكتروني، وأشِّر على الخانة أدناه.
person-without-email = ليس لهذا الشخص عنوان بريد إلكتروني
person-without-email-hint = الوافدون الجدد والحاضرون دون تسجيل: لا تصلهم أي رسالة، فأبلغهم بالمواعيد بنفسك وسلّمهم شهادتهم مطبوعة من صفحة الشهادات. رقم الهاتف يساعد على التواصل معهم.
error-personal-link = هذا الرابط الشخصي ليس رابط هذا التسجيل أو لم يعد صالحًا: استخدم الرابط الوارد في آخر رسالة بريد إلكتروني تلقيتها بشأنه.
registration-session-cancelled-badge = دورة ملغاة
registration-session-cancelled = ألغى المنظِّمون هذه الدورة: لن تُعقد، وينتهي تسجيلك معها. توجد دورات أخرى في دليل التكوين.
registration-cancel-explain-unseated = إن لم تعد ترغب في الحضور، فألغِ تسجيلك.
