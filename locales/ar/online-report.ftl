# تقرير المشاركين في اجتماع عن بُعد (Zoom وTeams وMeet وJitsi
# وBigBlueButton): ما الخطأ فيه، وأسماء أعمدته.

## The report as a whole
error-report-unmapped = اختر العمود الذي يحتوي على أسماء المشاركين أو عناوين بريدهم الإلكتروني، وإما عمودي وقت الدخول والخروج أو عمود المدد. تقارير CSV الخاصة بـ Zoom (Participants › Export) وTeams (Attendance › Download) وGoogle Meet (ورقة الحضور › Download › CSV) وBigBlueButton (Learning Dashboard › Download session data) يُتعرَّف عليها كما تقدّمها المنصة.
error-report-encoding = لا يستطيع Aula قراءة هذا الملف كنص. حمّل تقرير المشاركين كما تصدّره المنصة تمامًا، بصيغة CSV: في Zoom، Reports › Usage › Participants › Export؛ في Teams، Attendance › Download (.csv) الخاص بالاجتماع؛ في Google Meet، ورقة الحضور › File › Download › CSV؛ في BigBlueButton، Learning Dashboard › Download session data.

## One line of the report
error-report-time = «{ $value }» ليس وقتًا يستطيع Aula قراءته. اكتبه بالصيغة 2024-03-14 09:30 أو 14/03/2024 09:30 أو 03/14/2024 09:30 AM.
error-report-leave-before-join = يغادر هذا السطر ({ $leave }) قبل أن ينضم ({ $join }): تحقّق من العمودين، أو من السطر في التقرير.
error-report-time-skipped = «{ $value }» غير موجود في { $zone }: قُدّمت الساعة في ذلك الوقت. تحقّق من المنطقة الزمنية التي كُتب بها التقرير.
error-report-duration = «{ $value }» ليست مدة يستطيع Aula قراءتها. اكتب الدقائق (45)، أو الساعات والدقائق والثواني (1h 2m 3s) أو 01:02:03.
error-report-outside = السطر { $line } يقع كليًا قبل الحصة أو بعدها: لا يُحتسب له أي وقت.
error-report-other-meeting = لا يقع أي اتصال في هذا التقرير ضمن حصة { $date }: يبدو أنه تقرير يوم آخر أو حصة أخرى. لم يُسجَّل شيء.
error-report-nameless = لا يحتوي هذا السطر على اسم ولا على بريد إلكتروني، فلا يمكن احتسابه لأي شخص.
error-report-missing = لا يقدّم هذا السطر وقتي دخول وخروج ولا مدة، فلا يمكن احتسابه.

## The columns' fields
report-field-name = الاسم
report-field-surname = اللقب
report-field-email = البريد الإلكتروني
report-field-join = وقت الدخول
report-field-leave = وقت الخروج
report-field-duration = المدة
report-field-waiting-room = في غرفة الانتظار
