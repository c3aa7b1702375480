# الرسائل الإلكترونية
mail-greeting = مرحبًا { $name }،
mail-greeting-anonymous = مرحبًا،
mail-signature = فريق التكوين، { $organisation }
mail-times-in-zone = الأوقات حسب المنطقة الزمنية { $zone }.
meeting-when = { $date }، { $start }–{ $end }
mail-place = المكان: { $place }
mail-broadcast-from = { $name }، عن المنظمين
mail-session-changed-subject = تغييرات في دورتك التكوينية: { $course }
mail-session-changed-body = تغيّرت مواعيد دورتك التكوينية أو مكانها. إليك ما أصبحت عليه؛ الملف المرفق يحيّن رزنامتك.
mail-calendar-attached = الملف المرفق (invite.ics) يضيف هذه الحصص إلى رزنامتك.
mail-session-cancelled-subject = أُلغيت: { $course }
mail-session-cancelled-body = نأسف لإعلامك بأن هذه الدورة التكوينية أُلغيت. لا يلزمك القيام بأي شيء؛ الملف المرفق يحذفها من رزنامتك.
mail-calendar-cancel-attached = الملف المرفق (invite.ics) يحذف هذه الحصص من رزنامتك.
mail-meetings-withdrawn-subject = حصص أُلغيت من دورتك التكوينية: { $course }
mail-meetings-withdrawn-body = لن تُعقد هذه الحصص من دورتك التكوينية:
mail-meetings-withdrawn-remaining = الدورة التكوينية كما أصبحت:
mail-calendar-withdrawn-attached = الملف المرفق (invite.ics) يحذف الحصص الملغاة من رزنامتك.
mail-online = عن بُعد
mail-online-link = رابط الالتحاق: { $url }
mail-online-link-label = رابط الالتحاق:
mail-confirmed-subject = تم تأكيد مقعدك: { $course }
mail-confirmed-body = تم تأكيد مقعدك في هذه الدورة التكوينية. إليك حصصها.
mail-reminder-subject = قريبًا: { $course }
mail-reminder-body = للتذكير: دورتك التكوينية تبدأ قريبًا.
mail-manage-link-label = للاطلاع على تسجيلك أو إلغائه:
mail-manage-link-text = تسجيلي
mail-promoted-body = خبر سار: شغر مقعد وأصبح الآن لك. تم تأكيد مقعدك في هذه الدورة التكوينية.
mail-requested-subject = يُرجى تأكيد تسجيلك: { $course }
mail-requested-body = تلقينا طلب تسجيل في هذه الدورة التكوينية بعنوان بريدك الإلكتروني. لتأكيده، اتبع هذا الرابط { $hours ->
    [zero] فورًا
    [one] خلال ساعة واحدة
    [two] خلال ساعتين
    [few] خلال { $hours } ساعات
    [many] خلال { $hours } ساعة
   *[other] خلال { $hours } ساعة
}:
mail-requested-button = تأكيد تسجيلي
mail-requested-ignore = إذا لم تطلب ذلك، تجاهل هذه الرسالة: لا يحدث شيء دون تأكيدك.
mail-already-subject = أنت مسجل بالفعل: { $course }
mail-already-confirmed = طلب شخص ما، ربما أنت، تسجيل هذا العنوان مجددًا في هذه الدورة. لديك مقعد بالفعل؛ لم يتغير أي شيء.
mail-already-waitlisted = طلب شخص ما، ربما أنت، تسجيل هذا العنوان مجددًا في هذه الدورة. أنت بالفعل في قائمة الانتظار، في المرتبة { $position }؛ لم يتغير أي شيء.
mail-waitlisted-subject = في قائمة الانتظار: { $course }
mail-waitlisted-body = الدورة مكتملة، لذا أنت في قائمة انتظارها، في المرتبة { $position }. عندما يشغر مقعد يُمنح لأول شخص في القائمة، ونراسلك فورًا.
mail-cancelled-subject = أُلغي التسجيل: { $course }
mail-cancelled-by-you = أُلغي تسجيلك في هذه الدورة التكوينية كما طلبت.
mail-cancelled-by-organiser = ألغى المنظمون تسجيلك في هذه الدورة التكوينية. راسلهم إذا كنت تعتقد أن في ذلك خطأ.
mail-cancelled-again = يمكنك التسجيل مجددًا من صفحة الدورة ما دام التسجيل مفتوحًا.
mail-sign-in-subject = رابطك إلى «تكويناتي»
mail-sign-in-body = اتبع هذا الرابط للاطلاع على تكويناتك. الرابط صالح مرة واحدة، لمدة { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}:
mail-sign-in-button = فتح تكويناتي
mail-sign-in-ignore = إذا لم تطلبه، تجاهل هذه الرسالة.
mail-absence-subject = حضورك: { $course }
mail-absence-organiser-subject = متكوّنون لم يعد بإمكانهم إتمام التكوين: { $course }
mail-absence-body = بسبب الحصص التي تغيبت عنها، لم يعد بإمكانك بلوغ نسبة الحضور { $percent } % التي يشترطها هذا التكوين للحصول على شهادته. إذا منعك أمر ما من الحضور، راسل المنظمين: بإمكانهم إعلامك بما هو ممكن.
mail-check-in-subject = رمز تسجيل حضورك: { $code }
mail-check-in-body = اكتب هذا الرمز على هاتفك لتسجيل حضورك. الرمز صالح مرة واحدة، لمدة { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
}:
mail-absence-organiser = بسبب الحصص التي تغيّب عنها { $name }، لم يعد بإمكانه بلوغ نسبة الحضور { $percent } % التي يشترطها هذا التكوين. وقد تم إعلامه أيضًا.
mail-absence-digest = بسبب الحصص التي تغيبوا عنها، لم يعد بإمكان هؤلاء المتكوّنين بلوغ نسبة الحضور { $percent } % التي يشترطها هذا التكوين:
mail-absence-digest-told = وقد تم إعلام كل واحد منهم أيضًا.
mail-survey-subject = ما رأيك؟ { $course }
mail-survey-reminder-subject = للتذكير: ما رأيك؟ { $course }
mail-survey-body = شكرًا على مشاركتك في هذا التكوين. أخبرنا برأيك فيه: لن يستغرق ذلك أكثر من خمس دقائق، ويساعد المكوّنين والمنظمين على تحسينه.
mail-survey-reminder-body = لم تُجب بعد عن الاستبيان الخاص بهذا التكوين. لن يستغرق ذلك أكثر من خمس دقائق، وكل إجابة مفيدة.
mail-survey-button = الإجابة عن الاستبيان
mail-survey-closes = يُغلق الاستبيان يوم { $date }.
mail-survey-anonymous = إجاباتك مجهولة الهوية: تُحفظ دون اسمك، ولا يمكن لأحد معرفة ما أجبت به.
mail-certificate-subject = شهادتك: { $course }
mail-certificate-body = تهانينا: أتممت هذا التكوين، وشهادتك (رقم { $number }) جاهزة. نزّلها من هنا:
mail-certificate-button = تنزيل شهادتي (PDF)
mail-certificate-verify = يمكن لأي شخص التحقق من صحتها على العنوان:
mail-certificate-revoked-subject = أُلغيت شهادتك: { $course }
mail-certificate-revoked-body = ألغى المنظِّمون شهادتك رقم { $number }: لم تعد صالحة.
mail-certificate-revoked-reason = سببهم: { $reason }
mail-certificate-revoked-verify = كل من يتحقق منها الآن يقرأ أنها أُلغيت، على العنوان:
mail-erasure-subject = أكّد محو بياناتك
mail-erasure-body = طلبت منا محو بياناتك الشخصية. اتبع هذا الرابط للتأكيد؛ وهو صالح لمدة { $hours } ساعة. بعد التأكيد، لا يمكن التراجع عن المحو:
mail-erasure-button = تأكيد المحو
mail-erasure-ignore = إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن يُمحى أي شيء.
