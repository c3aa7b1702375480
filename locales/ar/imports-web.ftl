# تسجيل أشخاص من ملف CSV: صفحات المنظمين وكلمات الواجهة البرمجية.

## Problems
error-import-no-file = اختر الملف المراد تحميله.
error-import-no-column = لا يحتوي الملف على عمود «{ $column }».
error-import-unknown-parameter = معطى غير معروف. استعمل on_error أو dry_run أو without_email أو map.<field> (given_name، family_name، email، phone، employer، job_title، audience، region، language، identifier).
import-field-problem = { $field }: { $problem }
import-aborted = لم يُسجَّل أي شخص: بعض أسطر الملف مرفوضة. صحّحها وأعد تحميل الملف، أو سجّل الأشخاص الصالحين فقط.
flash-import-done = تم الاستيراد. يتلقى كل شخص مسجَّل رسالة إلكترونية.
flash-import-discarded = تم استبعاد الملف: لم يُسجَّل أي شخص.

## Upload
import-title = استيراد أشخاص من ملف
import-lead = سجّل قائمة أشخاص دفعة واحدة من جدول محفوظ بصيغة CSV. لا يُسجَّل أي شخص قبل أن تطّلع على تقرير الملف كاملًا وتقرر.
import-columns-title = الأعمدة
import-columns-intro = يحدد السطر الأول من الملف أسماء الأعمدة. تُقرأ هذه الأعمدة:
import-required = إجباري
import-columns-choices = يُتعرَّف على أسماء الأعمدة بالإنجليزية أو الفرنسية أو الإسبانية (مثال: «E-mail» أو «Courriel» أو «Correo electrónico»)؛ ويمكنك اختيار الأعمدة بنفسك في الصفحة التالية. تُتجاهل الأعمدة الأخرى. الصفة الفارغة تعني «فئات أخرى»؛ واللغة الفارغة هي لغة التكوين؛ وتُكتب الجهة باسمها أو برمزها.
import-format-title = صيغة الملف
import-format-encoding = نص كما يحفظه برنامج الجداول: الأفضل «CSV UTF-8»، ويُقرأ أيضًا «CSV» من Excel على Windows أو Mac و«نص Unicode».
import-format-separators = خلايا مفصولة بفواصل (,) أو فواصل منقوطة (;) أو علامات جدولة.
import-format-limits = سطر واحد لكل شخص، بحد أقصى { $max } شخص و2 ميغابايت.
import-file = ملف CSV
import-file-hint = يُفحص الملف أولًا: سترى الأسطر التي يمكن تسجيلها والتي لا يمكن.
import-upload = التحميل والفحص

## Report
import-report-title = فحص الملف قبل التسجيل
import-report-file = الملف: { $file }
import-report-rows = أسطر الأشخاص: { $rows }
import-accepted = يمكن تسجيلهم
import-rejected = مرفوضة
import-over-capacity = عدد الأشخاص المراد تسجيلهم أكبر من المقاعد المتبقية: من يتجاوزون عدد المقاعد يُدرجون في قائمة الانتظار.
import-mapping-title = أي عمود يحتوي على ماذا
import-mapping-intro = تحقق من العمود المختار لكل خانة، ثم أعد فحص الملف إذا غيّرت أحدها.
import-not-in-file = — غير موجود في الملف —
import-check-again = إعادة فحص الملف بهذه الأعمدة
import-rejected-title = الأسطر المرفوضة
import-rejected-intro = لا يمكن تسجيل هذه الأسطر كما هي. صحّحها في برنامج الجداول وأعد تحميل الملف، أو سجّل الأشخاص الصالحين فقط.
import-line = السطر
import-problems = المشاكل
import-preview-title = أول الأشخاص المراد تسجيلهم
import-preview-more = { $count ->
    [zero] ولا أحد غيرهم.
    [one] وشخص آخر.
    [two] وشخصان آخران.
    [few] و{ $count } أشخاص آخرين.
    [many] و{ $count } شخصًا آخر.
   *[other] و{ $count } شخص آخر.
}
import-decide-title = التسجيل
import-decide-intro = يتلقى كل شخص مسجَّل رسالة إلكترونية، كما في التسجيل اليدوي. الأشخاص المسجلون بالفعل في هذه الدورة يبقون على حالهم.
import-register-all = تسجيل هؤلاء الأشخاص ({ $count })
import-register-valid = تسجيل الأشخاص الصالحين ({ $accepted }) وتجاوز الأسطر المرفوضة ({ $rejected })
import-nothing-to-register = لا يمكن تسجيل أي شخص من هذا الملف كما هو.
import-register-nobody = عدم تسجيل أي شخص

## After the import
import-done-title = تم الاستيراد
import-done-registered = المسجلون الجدد
import-done-waitlisted = منهم في قائمة الانتظار
import-done-pending = منهم في انتظار تأكيد بريدهم الإلكتروني
import-done-already = مسجلون بالفعل (دون تغيير)
import-done-skipped = الأسطر المرفوضة التي تم تجاوزها
import-see-registrations = عرض التسجيلات
import-another = استيراد ملف آخر
import-without-email = الأسطر التي لا عنوان بريد فيها أشخاص ليس لهم بريد إلكتروني
import-without-email-help = الوافدون الجدد والحاضرون دون تسجيل: يُسجَّلون بلا بريد إلكتروني ولا تصلهم أي رسالة. العنوان الموجود في الملف يجب أن يبقى صحيحًا.
