# تسجيل أشخاص من ملف CSV: ما الخطأ في الملف، وأسماء الخانات في الاستمارة
# التي تربط أعمدته.

## The file as a whole
error-csv-encoding = الملف ليس نصًا (مصنّف جداول أو ملف PDF؟). في برنامج الجداول، احفظه بصيغة «CSV UTF-8» ثم حمّله مجددًا.
error-csv-empty = لا يحتوي الملف على أي شخص: يحتاج إلى سطر عناوين، ثم سطر لكل شخص.
error-csv-row-length = يحتوي السطر { $line } على { $found ->
    [zero] { $found } خلية
    [one] خلية واحدة
    [two] خليتين
    [few] { $found } خلايا
    [many] { $found } خلية
   *[other] { $found } خلية
} بينما يحتوي سطر العناوين على { $expected }. ابحث عن فاصل زائد أو ناقص في ذلك السطر.
error-csv-header = العمود { $column } من سطر العناوين دون اسم، أو له اسم عمود آخر نفسه. أعط كل عمود اسمًا خاصًا به.
error-csv-too-many-rows = يحتوي الملف على أكثر من { $max } شخص. قسّمه إلى عدة ملفات.
error-csv-too-many-columns = يحتوي الملف على أكثر من { $max } عمود. احتفظ بأعمدة القائمة فقط.
error-csv-malformed = تتعذر قراءة الملف ابتداءً من السطر { $line }. ابحث عن علامة تنصيص تفتح خلية ولا تُغلق أبدًا.
error-import-unmapped = اختر العمود الذي يحتوي على «{ $field }».

## One line of the file
error-import-region = لا توجد جهة «{ $value }». اكتب اسم الجهة أو رمزها كما يعرفه Aula، أو اترك الخلية فارغة.
error-import-duplicate = عنوان البريد الإلكتروني نفسه موجود بالفعل في السطر { $line }.

## The columns' fields
import-field-given-name = الاسم
import-field-family-name = اللقب
import-field-email = البريد الإلكتروني
import-field-phone = الهاتف
import-field-employer = مكان العمل
import-field-job-title = الخطة الوظيفية
import-field-audience = الصفة
import-field-region = الجهة
import-field-language = اللغة
import-field-identifier = المعرّف لدى الجهة المعتمِدة
error-import-duplicate-person = في السطر { $line } شخص بهذين الاسمين، بلا بريد إلكتروني وبالهاتف نفسه: إن كانا شخصين فأضف رقم هاتف أو عنوانًا للتمييز بينهما.
