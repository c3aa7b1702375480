## الدورات الهجينة: مكان الحصة الخاص (issue 20)
meeting-place = المكان أو الرابط، إن اختلف عن الدورة
meeting-place-n = مكان الحصة { $n } أو رابطها، إن اختلف عن الدورة
meeting-place-hint = لدورة هجينة: قاعة وعنوانها، أو رابط حصة تُعقد في غير مكان الدورة أو رابطها. اتركه فارغًا لمكان الدورة.
mail-meeting-place = في { $place }
session-meeting-where = أين
session-meeting-usual-place = مكان الدورة
session-meeting-online = عبر الإنترنت (يُرسَل الرابط إلى المشاركين بالبريد الإلكتروني)
