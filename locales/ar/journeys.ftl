registering-open = التسجيل مفتوح
registering-waiting-list = مكتملة: قائمة الانتظار
registering-not-yet = يُفتح التسجيل لاحقًا
registering-over = التسجيل مغلق
registering-started = جارية: التسجيل مغلق
registering-held = انعقدت: انتهت الدورة
catalogue-filters-summary = تصفية الدورات
catalogue-filters-active = عوامل تصفية مطبَّقة
cancel-confirm-title = إلغاء هذا التسجيل؟
cancel-confirm-explain = يذهب مقعدك إلى الشخص التالي في قائمة الانتظار وستتلقى رسالة إلكترونية. إذا أردت الحضور رغم ذلك، فعليك التسجيل من جديد، إن بقيت مقاعد.
cancel-confirm-submit = نعم، ألغِ تسجيلي
cancel-confirm-keep = لا، أبقِ على تسجيلي
me-outcome-completed = أُتمّ التكوين
me-outcome-not-completed = لم يُتمَّ التكوين
me-outcome-attended = الحضور مسجَّل
me-outcome-not-recorded = انتهت: لم يُسجَّل الحضور بعد
me-outcome-meetings = الحصص التي تم حضورها: { $attended } من أصل { $meetings }
me-outcome-certificate = شهادتك جاهزة
me-outcome-survey = استبيان في انتظار إجابتك
me-outcome-survey-answer = الإجابة عن الاستبيان
outcome-link-superseded = أُرسل إليك رابط أحدث
registration-link-superseded-body = طلبت التسجيل من جديد بتاريخ { $date }، فأرسلنا إليك رابط تأكيد جديدًا ولم يعد هذا الرابط صالحًا. ابحث عن أحدث رسالة إلكترونية من Aula (وفي مجلد الرسائل غير المرغوب فيها أيضًا) واضغط على زرّها. لم يضِع شيء: طلبك محفوظ والرابط الأحدث يؤكده.
roll-call-not-started = لم تبدأ هذه الحصة بعد: لا يمكن تسجيل أي شيء. يُفتح تسجيل الحضور بتاريخ { $opens }، قبل ساعة من البداية.
error-meeting-not-started = لم تبدأ هذه الحصة بعد: يمكن إدخال الحضور ابتداءً من ساعة قبل بدايتها ({ $opens }). لم يتغيّر أي شيء.
attendance-not-recorded = لم يُسجَّل بعد
attendance-still-possible = ليس بعد: ما زال ممكنًا
check-in-opens-at = يُفتح تسجيل الحضور في هذه الحصة بتاريخ { $opens }.
check-in-or-type-at = لا توجد كاميرا؟ ادخل إلى { $address } واكتب الرمز:
check-in-full-screen = ملء الشاشة، للعرض
check-in-leave-full-screen = الخروج من ملء الشاشة
check-in-short-lead = اكتب الرمز الظاهر على شاشة المكوّن.
check-in-short-code = الرمز الظاهر على الشاشة
check-in-short-wrong = هذا الرمز غير صالح الآن: فهو يتغيّر كل 20 ثانية. اكتب الرمز الظاهر على الشاشة الآن.
mail-reminder-check-in = عند الدخول: افتح مرة واحدة رابط «تسجيلي» أدناه على الهاتف الذي ستحضره معك. بعد ذلك، يكفي مسح رمز المكوّن لتسجيل حضورك بلمسة واحدة، دون انتظار أي رمز.
registration-phone-remembers = يحتفظ هذا الهاتف الآن بهذه الصفحة: في كل حصة، يكفي مسح رمز المكوّن لتسجيل حضورك بلمسة واحدة.

## إلغاء دورة: خطوة ثانية تبيّن من سيُبلَّغ
session-cancel-title = إلغاء هذه الدورة؟
session-cancel-recipients = { $count ->
    [zero] لن تُرسل أي رسالة.
    [one] سيُبلَّغ شخص واحد مسجّل بالبريد الإلكتروني، مع تحديث للتقويم يحذف اللقاءات.
    [two] سيُبلَّغ شخصان مسجّلان بالبريد الإلكتروني، مع تحديث للتقويم يحذف اللقاءات.
    [few] سيُبلَّغ { $count } أشخاص مسجّلين بالبريد الإلكتروني، مع تحديث للتقويم يحذف اللقاءات.
    [many] سيُبلَّغ { $count } شخصًا مسجّلًا بالبريد الإلكتروني، مع تحديث للتقويم يحذف اللقاءات.
   *[other] سيُبلَّغ { $count } شخص مسجّل بالبريد الإلكتروني، مع تحديث للتقويم يحذف اللقاءات.
}
session-cancel-explain = لا يمكن إعادة فتح دورة ملغاة: تنتهي التسجيلات وتُلغى التذكيرات المبرمجة.
session-cancel-submit = نعم، ألغِ الدورة
session-cancel-keep = لا، أبقِ على الدورة
