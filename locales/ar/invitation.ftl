## الدورات بالدعوة (issue 20)
session-by-invitation = بالدعوة
session-by-invitation-hint = لمجموعة مدعوة: لا تظهر الدورة في الفهرس العام ولا يمكن لأحد التسجيل في صفحتها إلا برابط خاص تشاركه. يمكنك إضافة الأشخاص بنفسك، حتى وهي مسودة.
error-session-by-invitation = هذه الدورة بالدعوة. اطلب رابط التسجيل من منظّمها.
error-session-not-by-invitation = الدورة بالدعوة وحدها لها رابط تسجيل خاص: اختر «بالدعوة» أولًا.
invitation-heading = بالدعوة
invitation-explain = هذه الدورة لا تظهر في الفهرس. أضف الأشخاص من صفحة تسجيلاتها، أو شارك رابط تسجيل خاصًا مع المجموعة المدعوة.
invitation-link-active = يوجد رابط تسجيل خاص نشط. عُرض مرة واحدة عند إنشائه؛ أنشئ رابطًا جديدًا إن احتجت إليه مجددًا (فيتوقف القديم عن العمل).
invitation-link-none = لا يوجد رابط تسجيل خاص.
invitation-link-make = إنشاء رابط تسجيل خاص
invitation-link-renew = إنشاء رابط جديد (يتوقف القديم عن العمل)
invitation-link-revoke = إلغاء الرابط
invitation-link-revoked-flash = أُلغي رابط التسجيل الخاص: لم يعد يسجّل أحدًا. من سُجّلوا به يبقون مسجّلين.
invitation-link-title = رابط التسجيل الخاص
invitation-link-explain = شارك هذا الرابط مع المجموعة المدعوة: كل من يفتحه يمكنه التسجيل في الدورة من صفحتها، ما دامت الدورة تقبل التسجيلات.
invitation-link-label = الرابط
invitation-link-once = انسخه الآن: لن يُعرض إلا هذه المرة.
invitation-link-back = العودة إلى الدورة
