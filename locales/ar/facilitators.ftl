## الميسّرون المشاركون دون حساب (issue 20)
facilitators-title = الميسّرون المشاركون
facilitators-explain = أشخاص يديرون الحصص مع المكوّنين دون حساب موظّف، مثل القادمين الجدد المكوَّنين لورشة إنشاء مشترك. يحصل كل منهم على رابط شخصي لتسجيل الحضور في حصص هذه الدورة؛ ألغِه حين لا يعود بحاجة إليه.
facilitators-none = لا يوجد ميسّر مشارك بعد.
facilitators-since = عُيّن في
facilitators-add = تعيين ميسّر مشارك
facilitators-name-hint = كما يعرفه المشاركون.
facilitators-link-for = الرابط الشخصي لـ { $name }
facilitators-link-label = الرابط
facilitators-revoke = إلغاء
facilitators-revoke-name = إلغاء رابط { $name }
facilitator-revoked-flash = أُلغي الرابط. يبقى الحضور المسجَّل به.
session-facilitators = الميسّرون المشاركون
facilitate-title = تسجيل الحضور
facilitate-hello = مرحبًا { $name }: اختر حصة لتسجيل حضورها.
error-facilitator-session-over = انتهت هذه الدورة: لن يسجّل رابط الميسّر المشارك أي حضور. يجري الفريق التصحيحات.
facilitate-not-open = لم تُفتح هذه الدورة بعد: سيسجّل الرابط الحضور فور فتحها.
facilitate-over = انتهت هذه الدورة: لم يعد الرابط يسجّل الحضور. اطلب أي تصحيح من منظّميها.
