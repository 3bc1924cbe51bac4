# Open Door's words in Arabic (العربية), written right to left. Translated from en.ftl; see
# docs/translating.md. Arabic has six plural forms: zero, one, two, few (3–10), many (11–99)
# and other; a message gives the ones it needs and `*[other]` for the rest.
#
### Needs review: written without a native Arabic speaker. Every message needs checking by one
### before this is relied on.

## The frame of every screen

app-name = الباب المفتوح
tagline = شارك برأيك في خدمات الصحة والرعاية
skip-link = انتقل إلى المحتوى الرئيسي
footer = يحتفظ الباب المفتوح بالقوائم على هذا الجهاز لتتمكن من قراءتها دون اتصال.
nav-opportunities = الفرص
nav-what-changed = ما الذي تغيّر
nav-saved = المحفوظة
nav-applications = طلباتي
nav-about-me = معلوماتي

## Listings: what kind, where, access, payment

kind-advisory-group = مجموعة أو لجنة استشارية
kind-co-design = ورشة تصميم مشترك
kind-research-advisor = مستشار بحثي
kind-consultation = استطلاع أو استشارة
kind-interview = مقابلة أو مجموعة نقاش
kind-lived-experience = دور قائم على التجربة الشخصية أو دعم الأقران
kind-committee = لجنة أو مجلس
kind-other = مشاركة أخرى

access-bsl = مترجم لغة الإشارة البريطانية (BSL)
access-easy-read = أوراق بصيغة سهلة القراءة
access-papers-in-advance = إرسال الأوراق مسبقًا
access-step-free = مكان بلا درجات
access-hearing-loop = حلقة سمعية
access-carer-costs = دفع تكاليف مقدّم الرعاية أو المساعد الشخصي
access-travel-up-front = دفع تكاليف السفر مقدّمًا
access-breaks = فترات راحة منتظمة
access-data-or-device = توفير بيانات إنترنت أو جهاز

expense-travel = السفر
expense-childcare = رعاية الأطفال
expense-carer = تكاليف مقدّم الرعاية
expense-meals = الوجبات
expense-phone = الهاتف أو بيانات الإنترنت
expense-other = تكاليف أخرى

attendance-online = عبر الإنترنت
attendance-phone = عبر الهاتف
attendance-post = بالبريد
attendance-in-person = حضوريًا في { $place }
attendance-hybrid = عبر الإنترنت أو حضوريًا في { $place }

pay-unpaid = بدون أجر
pay-expenses-only = بدون أجر، مع تغطية النفقات
pay-money = { $unit ->
    [hour] { $amount } في الساعة
    [session] { $amount } للجلسة
    [day] { $amount } في اليوم
    [meeting] { $amount } للاجتماع
    [month] { $amount } في الشهر
    [year] { $amount } في السنة
   *[total] { $amount } إجمالًا
}
pay-vouchers = { $unit ->
    [hour] { $amount } قسائم في الساعة
    [session] { $amount } قسائم للجلسة
    [day] { $amount } قسائم في اليوم
    [meeting] { $amount } قسائم للاجتماع
    [month] { $amount } قسائم في الشهر
    [year] { $amount } قسائم في السنة
   *[total] { $amount } قسائم إجمالًا
}
benefits-note = قد يؤثر الحصول على أجر على بعض الإعانات. قبل أن توافق، يمكنك أن تطلب من المنظِّم الدفع بقسائم أو عدم الدفع إطلاقًا، وأن تستشير مستشار إعانات (مثل Citizens Advice) أو مدرّب العمل في Jobcentre.

## Dates and times

month = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
weekday = { $day ->
    [1] الاثنين
    [2] الثلاثاء
    [3] الأربعاء
    [4] الخميس
    [5] الجمعة
    [6] السبت
   *[7] الأحد
}
date = { $day } { $month } { $year }
time-am = { $time } ص
time-pm = { $time } م
date-time = { $weekday } { $date }، { $time }
session-to = { $start } إلى { $end }
session-note = { $session } ({ $note })

closing-withdrawn = تم سحبها
closing-closed = مغلقة
closing-closed-on = أُغلقت في { $date }
closing-none = لا يوجد تاريخ إغلاق
closing-today = تُغلق اليوم
closing-tomorrow = تُغلق غدًا
closing-on = تُغلق في { $date }

ago-now = الآن
ago-minutes = { $n ->
    [one] قبل دقيقة واحدة
    [two] قبل دقيقتين
    [few] قبل { $n } دقائق
   *[other] قبل { $n } دقيقة
}
ago-hours = { $n ->
    [one] قبل ساعة واحدة
    [two] قبل ساعتين
    [few] قبل { $n } ساعات
   *[other] قبل { $n } ساعة
}
ago-yesterday = أمس
ago-days = { $n ->
    [one] قبل يوم واحد
    [two] قبل يومين
    [few] قبل { $n } أيام
   *[other] قبل { $n } يومًا
}
ago-on = في { $date }

minutes = { $n ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $n } دقائق
   *[other] { $n } دقيقة
}
times = { $n ->
    [one] مرة واحدة
    [two] مرتين
    [few] { $n } مرات
   *[other] { $n } مرة
}

## Getting listings: the status line

status-first-sync = جارٍ جلب أحدث الفرص…
status-syncing = جارٍ البحث عن فرص جديدة…
status-updated = تم التحديث { $ago }
status-never = لم يتم التحديث بعد
status-offline = غير متصل — { $saved ->
    [saved] عرض القوائم المحفوظة{ $since ->
        [yes] {" "}(تم التحديث { $ago })
       *[no] {""}
    }
   *[none] لا توجد قوائم محفوظة بعد
}
status-failed = تعذّر التحديث: { $reason }.{ $saved ->
    [saved] {" "}عرض القوائم المحفوظة{ $since ->
        [yes] {" "}(تم التحديث { $ago }).
       *[no] .
    }
   *[none] {""}
}

sync-offline = لا يوجد اتصال
sync-not-found = تعذّر العثور على مصدر القوائم (خطأ 404)
sync-server-problem = يواجه خادم القوائم مشكلات (خطأ { $code })
sync-refused = رفض خادم القوائم الطلب (خطأ { $code })
sync-bad-page = { $detail }
sync-storage-full = لا توجد مساحة تخزين كافية على هذا الجهاز. أفرغ بعض المساحة وحاول مرة أخرى
sync-storage = فشل الحفظ على هذا الجهاز ({ $detail })
sync-too-many-pages = في مصدر القوائم أكثر من { $pages } صفحة جديدة؛ سيُحمَّل الباقي في المرة القادمة

skipped = { $n ->
    [one] تعذّر عرض قائمة واحدة من المصدر
    [two] تعذّر عرض قائمتين من المصدر
    [few] تعذّر عرض { $n } قوائم من المصدر
   *[other] تعذّر عرض { $n } قائمة من المصدر
}

## The list

list-title = الفرص
list-heading = فرص لتشارك برأيك
list-lede = لجان ومجموعات وورش عمل واستطلاعات يمكن لتجربتك مع خدمات الصحة والرعاية أن تساهم في تشكيلها.
search-label = ابحث في الفرص
search-hint = مثلًا: الخرف، مقدّمو الرعاية، استطلاع عبر الإنترنت. تتغير النتائج أثناء الكتابة.
sort-label = الترتيب حسب
sort-relevance = الأكثر تطابقًا
sort-closing = الأقرب إغلاقًا
sort-newest = الأحدث
filters = عوامل التصفية
save-search = احفظ هذا البحث
refresh = تحديث
show-more = عرض المزيد (المعروض { $shown } من { $total })
fact-type = النوع
fact-where = المكان
fact-payment = الأجر
fact-closing = تاريخ الإغلاق

count-open = { $open ->
    [0] لا توجد فرص مفتوحة
    [one] فرصة واحدة مفتوحة
    [two] فرصتان مفتوحتان
    [few] { $open } فرص مفتوحة
   *[other] { $open } فرصة مفتوحة
}
count-none-match = { $open ->
    [one] الفرصة المفتوحة الوحيدة لا تطابق بحثك
   *[other] لا تطابق أيٌّ من الفرص المفتوحة ({ $open }) بحثك
}
count-the-one-matches = الفرصة المفتوحة الوحيدة تطابق بحثك
count-match = الفرص المطابقة: { $found } من أصل { $open }

list-and = { $rest } و{ $last }
attribution = نشرها { $org }، عبر { $sources }
source-licence = يشاركها { $source } بموجب الترخيص { $licence }
source-no-licence = لا يذكر { $source } أي ترخيص لها

## One opportunity

back-to-list = العودة إلى كل الفرص
detail-about = عن هذه الفرصة
detail-difference = ما الفرق الذي ستحدثه
detail-support = الدعم الذي ستحصل عليه
detail-access = دعم إمكانية الوصول
detail-no-access-listed = لم يُذكر دعم محدد لإمكانية الوصول. اسأل المنظِّم عمّا تحتاج إليه.
detail-who = لمن هذه الفرصة
detail-how-to-apply = كيفية التقديم
detail-no-longer-taken = لم يعد يتم قبول الطلبات.
detail-contact-to-apply = تواصل مع المنظِّم للتقديم.
detail-apply-in-app = قدّم هنا في الباب المفتوح. يعمل دون اتصال: تُحفظ إجاباتك أولًا بأول، وتُرسل عندما تعود متصلًا.
detail-link-step-1 = افتح موقع المنظِّم باستخدام الزر أدناه.
detail-link-step-2 = املأ النموذج الخاص بهم. إذا سألك عن سبب اهتمامك، فقد تساعدك الرسالة أدناه.
detail-apply-on-site = قدّم على موقع المنظِّم (يفتح في علامة تبويب جديدة)
detail-email-step-1 = انسخ الرسالة أدناه وأضف إليها قليلًا عن نفسك.
detail-phone-step-2 = اذكر الفرصة التي تتصل بشأنها. قد تساعدك الرسالة أدناه في شرح سبب اهتمامك.
detail-prepared-label = رسالة يمكنك استخدامها
detail-not-found = لم نتمكن من العثور على هذه الفرصة
detail-not-found-why = ربما أزالها المنظِّم، أو ربما الرابط غير صحيح.
detail-see-all = عرض كل الفرص المفتوحة
banner-closed = هذه الفرصة مغلقة. لم يعد بإمكانك التقديم.
banner-withdrawn = سحب المنظِّم هذه الفرصة. لن تُقام.

## Frame, status and settings

nav-main = القائمة الرئيسية
page-title = { $title } – الباب المفتوح
status-region = حالة القوائم
status-checking = جارٍ التحقق…
update-ready = إصدار جديد من الباب المفتوح جاهز.
update-reload = إعادة التحميل
page-not-found = الصفحة غير موجودة
page-not-found-hint = إذا كتبت عنوان الصفحة بنفسك، فتحقق من صحته.
page-not-found-link = عرض كل الفرص
text-size-legend = حجم النص
text-size-hint = يتغير فورًا على هذا الجهاز. يظل تكبير المتصفح يعمل أيضًا.
text-size-option = { $size } ({ $percent }٪)
text-size-chosen = حجم النص: { $size }.
text-size-not-kept = حجم النص: { $size }. لن يحتفظ هذا المتصفح به، لذلك سيعود كما كان في المرة القادمة.
text-size-standard = عادي
text-size-large = كبير
text-size-larger = أكبر
text-size-largest = الأكبر

## More of the list, one opportunity, saved, what changed

loading = جارٍ التحميل…
filters-on = عوامل التصفية (المفعّلة: { $n })
filters-clear = مسح كل عوامل التصفية
filter-type-legend = نوع المشاركة
filter-how-legend = طريقة المشاركة
filter-payment-legend = الأجر
filter-payment-hint = اختر الاثنين معًا لعرض الأدوار المدفوعة التي تغطي النفقات أيضًا فقط.
filter-access-legend = دعم إمكانية الوصول المتوفر
filter-access-hint = تُعرض فقط الفرص التي توفر كل أنواع الدعم التي تختارها.
filter-time-legend = الوقت المطلوب
filter-closing-any = في أي وقت
filter-topic-legend = الموضوع
near-legend = بالقرب من مكان
near-hint = فرص حضورية ضمن مسافة معينة. يبقى موقعك على هذا الجهاز.
near-place-label = البلدة أو المدينة أو الرمز البريدي
near-distance-label = المسافة
near-within = ضمن { $miles } ميل
near-search = ابحث بالقرب من هذا المكان
near-use-location = استخدم موقعي
near-remove = أزل عامل تصفية المسافة
near-type-first = اكتب اسم بلدة أو مدينة أو رمزًا بريديًا أولًا.
near-finding = جارٍ تحديد موقعك…
near-no-location = لم نتمكن من معرفة موقعك. يمكنك كتابة اسم بلدة أو رمز بريدي بدلًا من ذلك.
near-active = عرض الفرص { $near } ({ $count }).
near-press-use-location = اضغط على “استخدم موقعي” للعثور على فرص قريبة منك. إلى ذلك الحين، هذا العامل غير مفعّل.
near-no-map-location = ليس لدينا موقع على الخريطة لـ “{ $place }”، لذلك تُعرض فقط الفرص التي تذكره. جرّب مدينة قريبة، أو الجزء الأول من رمز بريدي مثل LS6.
list-loading = جارٍ تحميل القوائم المحفوظة…
list-cannot-read = تعذّرت قراءة القوائم المحفوظة
list-nothing-matches = لا توجد نتائج مطابقة
list-nothing-matches-hint = جرّب كلمات أقل أو مختلفة، أو أزل أحد عوامل التصفية.
list-found-label = الفرص التي تم العثور عليها
list-new-matches = نتائج جديدة لعمليات البحث المحفوظة: { $n }
search-saved = تم حفظ البحث: { $search }. ستعرض صفحة المحفوظة النتائج الجديدة.
search-not-saved = تعذّر حفظ البحث: { $reason }.
list-first-sync = جارٍ جلب أحدث الفرص. قد يستغرق هذا بعض الوقت على اتصال بطيء.
list-none-yet = لا توجد قوائم على هذا الجهاز بعد
list-none-yet-offline = أنت غير متصل. اتصل بالإنترنت واضغط تحديث، وستُحفظ القوائم هنا لتقرأها لاحقًا دون اتصال.
list-none-open = لا توجد فرص مفتوحة حاليًا
list-none-open-hint = تُضاف فرص جديدة كثيرًا. اضغط تحديث أو عد قريبًا.
first-paint-filters = تصبح عوامل التصفية جاهزة عند اكتمال تحميل هذه الصفحة. يمكنك البحث وفتح أي فرصة الآن.
first-paint-none-open-hint = تُضاف فرص جديدة كثيرًا. عد قريبًا.
first-paint-nothing-matches-hint = جرّب كلمات أقل أو مختلفة.

detail-cannot-read = تعذّرت قراءة هذه القائمة
detail-getting = جارٍ جلب هذه الفرصة…
detail-not-found-title = الفرصة غير موجودة
detail-from = من
new-tab = { $name } (يفتح في علامة تبويب جديدة)
detail-last-updated = آخر تحديث { $date }
detail-licence = الترخيص:
detail-sources = مصدر هذه القائمة
impact-heading = ما الذي تغيّر بفضلك
impact-from = من { $org }، { $date }
fact-time = الوقت المطلوب
fact-dates = المواعيد
fact-topics = المواضيع
detail-expenses-paid = النفقات المدفوعة: { $expenses }
detail-minimum-age = يجب أن يكون عمرك { $age } سنة أو أكثر.
detail-email-step-2 = أرسلها بالبريد الإلكتروني إلى:
detail-phone-step-1 = اتصل بالرقم:
detail-contact = التواصل
detail-email = البريد الإلكتروني:
detail-phone = الهاتف:
detail-apply = قدّم
detail-started = لقد بدأت طلبًا. إجاباتك محفوظة على هذا الجهاز.
detail-continue = تابع طلبك
detail-applied = لقد قدّمت على هذه الفرصة.
detail-see-application = اعرض طلبك
detail-copied = تم النسخ. يمكنك لصقها الآن.
detail-not-copied = تعذّر النسخ: حدّد الرسالة وانسخها بنفسك.
detail-copy = انسخ الرسالة

saved-cannot-read = تعذّرت قراءة العناصر المحفوظة
saved-listings = الفرص المحفوظة
saved-no-listings = لم تحفظ أي فرص بعد. اضغط “حفظ” على أي فرصة للاحتفاظ بها هنا، حتى دون اتصال.
saved-searches = عمليات البحث المحفوظة
saved-no-searches = لا توجد عمليات بحث محفوظة بعد. ابحث في القائمة أو صفّها، ثم اضغط “احفظ هذا البحث”. سنعرض النتائج الجديدة هنا بعد كل تحديث. لا يغادر شيء جهازك.
saved-gone = لم تعد مدرجة. ربما سحبها المنظِّم.
saved-closed = مغلقة. لم يعد بإمكانك التقديم.
saved-withdrawn = تم سحبها. سحب المنظِّم هذه الفرصة.
saved-remove = إزالة
saved-remove-listing = أزل { $title } من المحفوظة
saved-remove-search = أزل البحث المحفوظ: { $search }
saved-matches-in-all = النتائج كلها: { $n }

what-changed-heading = ما الذي تغيّر بفضل أشخاص مثلك
what-changed-lede = بعد انتهاء النشاط، يمكن للمنظِّمين إخبار الجميع بما تغيّر بفضل الأشخاص الذين شاركوا.
what-changed-none = لم يذكر أي منظِّم ما الذي تغيّر بعد. عادةً ما يكتبون ذلك بعد أسابيع قليلة من انتهاء النشاط، لذا عد لاحقًا.
what-changed-find = ابحث عن فرصة
what-changed-open = لا تزال مفتوحة: يمكنك التقديم
what-changed-written = كُتب في { $date }. { $state }.

## Reading: Easy Read and Listen

easy-read-heading = سهل القراءة
easy-read-label = سهل القراءة
easy-read-hint = اعرض النسخة سهلة القراءة من الفرصة أولًا، إن وُجدت: جمل قصيرة وكلمات شائعة.
easy-read-on = تم تفعيل سهل القراءة. الفرص التي لها نسخة سهلة القراءة تعرضها أولًا.
easy-read-off = تم إيقاف سهل القراءة.
easy-read-not-kept = لن يحتفظ هذا المتصفح بهذا الاختيار، لذلك سيعود كما كان في المرة القادمة.
benefits-note-easy = قد يغيّر الأجر إعاناتك. قبل أن توافق، تحدّث مع شخص يعرف عن الإعانات. يمكنك أن تطلب من المنظِّم أن يدفع لك بقسائم، أو ألا يدفع لك.
easy-apply-intro =
    يمكنك أن تطلب المشاركة هنا.

    تجيب عن بعض الأسئلة. يمكنك التوقف والمتابعة لاحقًا. تبقى إجاباتك على هذا الهاتف أو الحاسوب.

    تراجع إجاباتك. ثم تضغط إرسال.

    لا تحتاج إلى الإنترنت لتبدأ. نرسلها عندما تكون متصلًا.
easy-next-intro =
    أرسلنا طلبك إلى المنظِّمين.

    سيقرأ المنظِّمون طلبك. سيخبرونك بما سيحدث بعد ذلك. قد يستغرق هذا بضعة أسابيع.

    يمكنك رؤية أي أخبار في طلباتي.

    يمكنك أن تقول لا في أي وقت. اضغط سحب للتوقف.
listen-play = استمع
listen-pause = إيقاف مؤقت
listen-resume = تابع الاستماع
listen-stop = إيقاف

## The personal screens: applying, My applications, About me, shared devices

apply-this-device-is-out = لا توجد مساحة تخزين كافية على هذا الجهاز، لذلك لم تُحفظ آخر إجاباتك. أفرغ بعض المساحة، ثم غيّر أي إجابة لتُحفظ من جديد.
apply-there-is-a-problem = توجد مشكلة
apply-your-application-cant-be = تعذّر فتح طلبك
apply-you-have-already-sent = لقد أرسلت هذا الطلب من قبل، أو أنه ينتظر الإرسال.
apply-your-answers-are-saved = إجاباتك محفوظة على هذا الجهاز.
apply-back-to-the-opportunity = العودة إلى الفرصة
apply-this-closes-in-less = تُغلق هذه الفرصة خلال أقل من 48 ساعة. أرسل طلبك قريبًا.
apply-your-answers-are-saved-2 = تُحفظ إجاباتك على هذا الجهاز أثناء الكتابة، لذلك يمكنك التوقف والعودة لاحقًا، حتى دون اتصال.
apply-about-you = معلومات عنك
apply-getting-help = الحصول على مساعدة
apply-sharing-your-answers = مشاركة إجاباتك
apply-they-will-use-them = سيستخدمونها فقط لتنظيم هذه الفرصة.
apply-keep-my-name-contact = احتفظ باسمي وبيانات التواصل واحتياجات الدعم على هذا الجهاز لطلبي القادم
apply-dont-choose-this-on = لا تختر هذا على حاسوب مشترك. يمكنك تغييرها أو حذفها في أي وقت من صفحة معلوماتي.
apply-continue = متابعة
check-your-answers-cant-be = تعذّرت قراءة إجاباتك
check-there-is-nothing-to = لا يوجد شيء لمراجعته
check-see-your-applications = اعرض طلباتك
check-change = تغيير
check-not-answered = لم تتم الإجابة
check-yes = نعم
check-no = لا
check-not-chosen = لم يتم الاختيار
check-your-application-cant-be = لا يمكن إرسال طلبك من هذا الجهاز المشترك بعد: لم يتصل الجهاز بالباب المفتوح منذ إعداده، لذلك لا يستطيع ختم الطلبات للمنظِّمين. اتصل بالإنترنت، ثم اضغط إرسال مرة أخرى. إجاباتك محفوظة.
check-this-opportunity-has-closed = أُغلقت هذه الفرصة، لذلك لا يمكن إرسال طلبك. إجاباتك محفوظة على هذا الجهاز.
check-back-to-your-answers = العودة إلى إجاباتك
check-check-your-answers-before = راجع إجاباتك قبل الإرسال
check-name = الاسم
check-how-to-contact-you = طريقة التواصل معك
check-email-updates = تحديثات بالبريد الإلكتروني
check-yes-email-me-when = نعم: راسلني بالبريد الإلكتروني عندما يتغير طلبي أو عندما يكتب إليّ المنظِّمون
check-support-to-take-part = الدعم اللازم للمشاركة
check-none-given = لم يُذكر شيء
check-format-for-papers = صيغة الأوراق
check-no-preference = لا تفضيل
check-filled-in-with = تم ملؤه بمساعدة
check-no-one-i-filled = لا أحد: ملأته بنفسي
check-now-send-your-application = أرسل طلبك الآن
check-if-youre-offline-it = إذا كنت غير متصل، فسيُحفظ على هذا الجهاز ويُرسل تلقائيًا عندما تعود متصلًا.
check-send-application = إرسال الطلب
apps-draft-the-opportunity-has = مسودة — أُغلقت الفرصة، لذلك لا يمكن إرسالها
apps-draft-not-sent-see = مسودة — لم تُرسل: اعرف السبب
apps-draft-not-sent-yet = مسودة — لم تُرسل بعد
apps-waiting-to-send-well = تنتظر الإرسال — سنحاول مرة أخرى
apps-an-application-you-have = الطلب الذي لم تفتحه منذ أن تغيّر فيه شيء يحمل علامة جديد. فتحه يجعله مقروءًا.
apps-you-havent-started-any = لم تبدأ أي طلبات على هذا الجهاز.
apps-waiting-to-send = تنتظر الإرسال
apps-drafts = المسودات
apps-sent = المرسلة
apps-what-changed = ما الذي تغيّر:{" "}
apps-read-what-changed = اقرأ ما الذي تغيّر
apps-this-application-cant-be = تعذّرت قراءة هذا الطلب
apps-application-not-found = الطلب غير موجود
apps-there-is-no-application = لا يوجد طلب هنا
apps-it-may-have-been = ربما تم سحبه أو حذفه.
apps-application-sent = تم إرسال الطلب
apps-your-reference = الرقم المرجعي:{" "}
apps-what-has-happened = ما الذي حدث
apps-open-door-checks-for = يبحث الباب المفتوح عن أخبار في كل مرة يتم فيها التحديث.
apps-your-application-is-saved = طلبك محفوظ على هذا الجهاز. سيُرسل تلقائيًا بمجرد توفر اتصال، حتى لو أغلقت الباب المفتوح وعدت لاحقًا.
apps-send-now = أرسل الآن
apps-the-opportunity-has-closed = أُغلقت الفرصة، لذلك لا يمكن إرسال هذه المسودة. لا يزال بإمكانك قراءة إجاباتك أو حذفها.
apps-back-to-my-applications = العودة إلى طلباتي
apps-see-the-opportunity = اعرض الفرصة
apps-withdraw-your-application = اسحب طلبك
apps-delete-this-draft = احذف هذه المسودة
apps-this-tells-the-organisers = يخبر هذا المنظِّمين بأنك لم تعد تريد المشاركة، ويحذف إجاباتك من نظامهم ومن هذا الجهاز.
apps-this-deletes-your-answers = يحذف هذا إجاباتك من هذا الجهاز. لا يمكن التراجع عن ذلك.
apps-are-you-sure-press = هل أنت متأكد؟ اضغط الزر مرة أخرى للتأكيد.
apps-withdraw-application = سحب الطلب
apps-delete-draft = حذف المسودة
about-saved-new-applications-will = تم الحفظ. ستبدأ الطلبات الجديدة بهذه الإجابات.
about-deleted-your-details-are = تم الحذف. لم تعد بياناتك محفوظة على هذا الجهاز.
about-if-you-keep-these = إذا احتفظت بهذه الإجابات على هذا الجهاز، فسيبدأ كل طلب جديد وهي معبأة.{" "}
about-they-never-leave-this = لا تغادر هذا الجهاز أبدًا حتى ترسل طلبًا.
about-your-answers-are-kept = إجاباتك محفوظة على هذا الجهاز.
about-nothing-is-kept-on = لا يُحفظ أي شيء على هذا الجهاز حاليًا.
about-save-on-this-device = احفظ على هذا الجهاز
about-delete-my-details = احذف بياناتي
pin-page-enter-your-pin = أدخل رقم PIN
pin-page-your-applications-are-protected = طلباتك محمية برقم PIN
pin-page-this-is-a-shared = هذا جهاز مشترك. مسودات كل شخص وبياناته مقفلة برقم PIN خاص به، لذلك لا يستطيع الشخص التالي رؤيتها.
pin-page-this-browser-cannot-protect = لا يستطيع هذا المتصفح حماية المسودات هنا: يحتاج الباب المفتوح إلى عنوان آمن (https) على الجهاز المشترك. اطلب من الشخص المسؤول عن هذا الجهاز فتح الباب المفتوح عبر https.
pin-page-show-pins-as-i = أظهر أرقام PIN أثناء كتابتها (تأكد من أن لا أحد يراقب)
pin-page-new-here-choose-a = جديد هنا؟ اختر رقم PIN
pin-page-if-you-forget-your = إذا نسيت رقم PIN، فلا يستطيع أحد استعادة مسوداتك — لا نحن، ولا المسؤولون عن هذا الجهاز. يمكن حذفها فقط.
pin-page-choose-a-pin = اختر رقم PIN
pin-page-at-least-6-characters = 6 رموز على الأقل: أرقام أو حروف أو كلاهما. لا تستخدم رقم PIN تستخدمه لأي شيء آخر، ولا رقمًا مثل 111111 أو 123456.
pin-page-or-use-three-or = أو استخدم ثلاث أو أربع كلمات، مثل “كمان رخام ضباب فنجان”: أصعب بكثير في التخمين، ولا تزال سهلة التذكر. المسافات مقبولة.
pin-page-error = خطأ:{" "}
pin-page-type-the-same-pin = اكتب رقم PIN نفسه مرة أخرى
pin-page-set-pin-and-continue = عيّن رقم PIN وتابع
pin-page-already-started-enter-your = بدأت من قبل؟ أدخل رقم PIN
pin-page-your-pin = رقم PIN الخاص بك
pin-page-unlock = فتح القفل
pin-page-checking-your-pin-this = جارٍ التحقق من رقم PIN. يستغرق هذا لحظة…
pin-page-im-finished = انتهيت
pin-page-this-device-is-clear = هذا الجهاز خالٍ
pin-page-start-again = ابدأ من جديد
pin-page-nobody-is-using-this = لا أحد يستخدم هذا الجهاز
pin-page-there-is-nothing-of = لا يوجد شيء خاص بك مفتوح هنا. إذا استخدمت رقم PIN سابقًا، فمسوداتك مقفلة.
pin-page-go-to-opportunities = اذهب إلى الفرص
pin-page-im-finished-clear-this = انتهيت — امسح هذا الجهاز
pin-page-still-waiting-to-send = لا تزال تنتظر الإرسال
pin-page-these-stay-on-this = تبقى هذه على هذا الجهاز، مختومة بحيث لا يستطيع فتحها إلا المنظِّمون، وتُرسل تلقائيًا عند توفر اتصال. لا يستطيع أحد هنا قراءتها. سيتواصل معك المنظِّمون عبر البيانات التي قدّمتها.
pin-page-what-will-be-deleted = ما الذي سيُحذف
pin-page-your-saved-details-about = بياناتك المحفوظة (معلوماتي)
pin-page-no-saved-details = لا توجد بيانات محفوظة
pin-page-deleted-things-cannot-be = لا يمكن استعادة ما يُحذف.
pin-page-delete-my-things-and = احذف أشيائي وأنهِ
pin-page-not-yet-go-back = ليس بعد، عُد
pin-page-locking-soon = سيُقفل قريبًا
pin-page-nobody-has-used-open = لم يستخدم أحد الباب المفتوح منذ فترة، لذلك سيُقفل خلال 30 ثانية تقريبًا للحفاظ على خصوصية إجاباتك. إجاباتك محفوظة.
pin-page-stay-unlocked = أبقِه مفتوحًا
device-lock = قفل
device-who-uses-this-device = من يستخدم هذا الجهاز؟
device-on-a-shared-device = على الجهاز المشترك، مثل جهاز في مركز استقبال، يحمي كل شخص طلباته برقم PIN. يمكنك تغيير هذا لاحقًا من الإعدادات.
device-only-me = أنا فقط
device-several-people-shared-device = عدة أشخاص (جهاز مشترك)
device-settings = الإعدادات
device-delete-every-persons-pin = هل تريد حذف مسودات وبيانات كل الأشخاص المحمية برقم PIN على هذا الجهاز؟ لا يمكن التراجع عن ذلك. الطلبات التي تنتظر الإرسال ستُرسل رغم ذلك.
device-everyones-pin-protected-drafts = حُذفت مسودات وبيانات الجميع المحمية برقم PIN من هذا الجهاز.
device-how-is-this-device = كيف يُستخدم هذا الجهاز؟
device-personal-only-i-use = شخصي: أستخدمه وحدي
device-your-drafts-and-details = تُحفظ مسوداتك وبياناتك عليه دون رقم PIN.
device-shared-several-people-use = مشترك: يستخدمه عدة أشخاص بالتناوب
device-for-example-at-a = مثلًا في مركز استقبال. يحمي كل شخص مسوداته برقم PIN، ويُقفل الجهاز تلقائيًا.
device-on-a-shared-device-2 = على الجهاز المشترك، أقفل بعد هذه المدة دون استخدام
device-save-settings = احفظ الإعدادات
device-reading = القراءة
device-setting-up-a-centres = إعداد أجهزة المركز
device-open-this-link-once = افتح هذا الرابط مرة واحدة على كل جهاز ليصبح جهازًا مشتركًا يُقفل بعد 5 دقائق:
device-everyones-drafts = مسودات الجميع
device-if-people-have-left = إذا ترك الناس مسودات لن يعودوا إليها، يمكنك حذف كل المسودات المحمية برقم PIN على هذا الجهاز.
device-delete-everyones-drafts = احذف مسودات الجميع
device-set-up-this-device = إعداد هذا الجهاز
device-setting-up = جارٍ الإعداد…
device-this-device-is-set = تم إعداد هذا الجهاز
device-it-is-a-personal = إنه جهاز شخصي: تُحفظ المسودات عليه دون رقم PIN.
device-this-device-was-not = لم يتم إعداد هذا الجهاز
device-go-to-settings = اذهب إلى الإعدادات
news-page-new = جديد
actions-removed-from-your-saved = أُزيلت من فرصك المحفوظة.
actions-saved-you-can-find = تم الحفظ. تجدها في صفحة المحفوظة، حتى دون اتصال.
actions-calendar-file-downloaded-open = تم تنزيل ملف التقويم. افتحه لإضافة تاريخ الإغلاق إلى تقويمك.
actions-couldnt-make-the-calendar = تعذّر إنشاء ملف التقويم في هذا المتصفح.
actions-add-closing-date-to = أضف تاريخ الإغلاق إلى التقويم
actions-share = مشاركة
actions-link-copied-you-can = تم نسخ الرابط. يمكنك لصقه في رسالة أو بريد إلكتروني.
fields-email-address = عنوان البريد الإلكتروني
fields-phone-number = رقم الهاتف
fields-postal-address = العنوان البريدي
fields-email-me-when-my = راسلني بالبريد الإلكتروني عندما يتغير طلبي أو عندما يكتب إليّ المنظِّمون
fields-the-email-only-says = يذكر البريد الإلكتروني الفرصة المعنية فقط، وليس إجاباتك أبدًا. لإيقاف هذه الرسائل، اسحب طلبك.
fields-your-name = اسمك
fields-what-you-would-like = الاسم الذي تحب أن تُنادى به
fields-how-would-you-like = كيف تحب أن يتواصل معك المنظِّمون؟
fields-email = البريد الإلكتروني
fields-phone = الهاتف
fields-post = البريد
fields-do-you-need-any = هل تحتاج إلى أي دعم للمشاركة؟ (اختياري)
fields-for-example-a-bsl = مثلًا مترجم لغة الإشارة البريطانية، أو مدخل بلا درجات، أو الأوراق مسبقًا، أو فترات راحة منتظمة.
fields-what-format-would-you = بأي صيغة تريد الأوراق؟ (اختياري)
fields-im-filling-this-in = أملأ هذا مع شخص آخر
fields-for-example-a-volunteer = مثلًا متطوع أو صديق أو عامل دعم.
fields-name-of-the-person = اسم الشخص الذي يساعد
fields-the-person-applying-has = وافق الشخص المتقدّم على إرسال هذه الإجابات
fields-for-example-27-march = مثلًا، 27 مارس 2027
fields-select-all-that-apply = اختر كل ما ينطبق.

## The personal screens: messages built from data

apply-not-saved = تعذّر حفظ آخر إجاباتك على هذا الجهاز ({ $reason }).
apply-title = التقديم: { $title }
apply-title-error = خطأ: التقديم: { $title }
apply-your-application = طلبك: { $title }
apply-consent = أوافق على مشاركة إجاباتي مع { $org }
apply-cannot-send = لا يمكنك إرسال هذا الطلب: { $reason }. تبقى إجاباتك محفوظة على هذا الجهاز.
apply-questions-from = أسئلة من { $org }
check-by-email = بالبريد الإلكتروني: { $detail }
check-by-phone = بالهاتف: { $detail }
check-by-post = بالبريد: { $detail }
check-title = راجع إجاباتك: { $title }
check-by-sending = بإرسال الطلب، توافق على مشاركة إجاباتك مع { $org }.
fields-limit = يمكنك كتابة حتى { $n } حرف
fields-optional = { $label } (اختياري)
apps-for = لـ { $title }
apps-filled-in-with = تم ملؤه بمساعدة { $helper }.
apps-sent-on = أُرسل في { $date }
apps-status-sent-on = { $status } (أُرسل في { $date })
apps-what-org-said = ما قاله { $org }
apps-tried = { $why } عدد المحاولات: { $times }.
not-saved = لم يُحفظ: { $reason }.
not-deleted = لم يُحذف: { $reason }.
nothing-deleted = لم يُحذف أي شيء: { $reason }.
nothing-removed = لم تتم إزالة أي شيء: { $reason }. حاول مرة أخرى.
device-saved-now = تم الحفظ. هذا الآن { $mode }.
device-it-is-shared = إنه جهاز مشترك: يحمي كل شخص طلباته برقم PIN، ويُقفل بعد { $minutes } دون استخدام.
device-keeps-without-pin = { $apps ->
    [0] يحتفظ هذا الجهاز ببيانات محفوظة دون رقم PIN. قبل مشاركته، احذفها من معلوماتي، حتى لا يراها الشخص التالي.
   *[other] يحتفظ هذا الجهاز بطلبات ({ $apps }) دون رقم PIN. قبل مشاركته، احذفها من طلباتي ومعلوماتي، حتى لا يراها الشخص التالي.
}
device-vaults-left = لدى أشخاص ({ $people }) مسودات مقفلة برقم PIN على هذا الجهاز. يجب أن ينتهوا أولًا، أو استخدم “احذف مسودات الجميع” أدناه.
actions-copy-link = انسخ هذا الرابط: { $url }
actions-save = حفظ
actions-saved = محفوظة
pin-page-sent-and-status = الطلبات المرسلة: { $n } (وحالتها على هذا الجهاز)
paper-standard = طباعة عادية
paper-large = طباعة كبيرة
paper-easy-read = سهل القراءة
paper-braille = برايل
paper-audio = صوتي
paper-electronic = بالبريد الإلكتروني أو على الشاشة
app-status-received = تم الاستلام: طلبك لدى المنظِّمين
app-status-shortlisted = في القائمة المختصرة: يود المنظِّمون معرفة المزيد
app-status-selected = تم اختيارك: لديك مكان
app-status-not-selected = لم يتم اختيارك هذه المرة
app-status-took-part = لقد شاركت
app-status-paid = لقد شاركت وحصلت على أجرك
app-status-withdrawn = تم السحب: حُذفت بياناتك
device-mode-personal = جهاز شخصي
device-mode-shared = جهاز مشترك
notice-check-answers = وجد نظام المنظِّمين مشكلة في بعض الإجابات. راجعها وأرسل مرة أخرى.
notice-listing-closed = أُغلقت هذه الفرصة قبل وصول طلبك، لذلك لم يُرسل. إجاباتك محفوظة هنا.
notice-listing-withdrawn = سحب المنظِّمون هذه الفرصة، لذلك لم يُرسل طلبك. إجاباتك محفوظة هنا.
notice-cannot-apply-here = لم تعد هذه الفرصة تقبل الطلبات في الباب المفتوح، لذلك لم يُرسل طلبك. إجاباتك محفوظة هنا.
notice-not-accepted = لم يُقبل طلبك: { $reason }. إجاباتك محفوظة هنا.

## More fixed words

saved-lede = الفرص وعمليات البحث التي حفظتها. تُحفظ على هذا الجهاز وتعمل دون اتصال.
device-each-person-sets-pin = بعد ذلك يعيّن كل شخص رقم PIN خاصًا به عندما يبدأ طلبًا. اطلب منهم الضغط على قفل أو “انتهيت” قبل المغادرة.

## Form errors

form-contact-by = اختر الطريقة التي تحب أن يُتواصل معك بها
form-name = أدخل اسمك
form-email-missing = أدخل عنوان بريدك الإلكتروني
form-email-format = أدخل عنوان بريد إلكتروني بالصيغة الصحيحة، مثل name@example.com
form-phone-missing = أدخل رقم هاتفك
form-phone-format = أدخل رقم هاتف، مثل 01632 960 001 أو 07700 900 982
form-address = أدخل عنوانك البريدي
form-helper-name = أدخل اسم الشخص الذي يساعد
form-helper-agreed = أكّد أن الشخص المتقدّم يوافق على إرسال هذه الإجابات
form-consent = أكّد أنك توافق على مشاركة إجاباتك مع المنظِّمين
form-too-long = يجب ألا يزيد هذا على { $max } حرف
form-choose-answer = اختر إجابة
form-answer-question = أجب عن هذا السؤال
form-check-answer-it = راجع هذه الإجابة: { $why }
form-check-answer = راجع هذه الإجابة: { $why }

## News about applications

news-count = طلبات لديها أخبار: { $n }
news-summary = جديد منذ آخر مرة نظرت فيها: { $status ->
    [yes] تغيّرت الحالة{ $feedback ->
        [yes] { $impact ->
            [yes] ، وهناك رسالة جديدة من المنظِّمين، وقد ذكر المنظِّمون ما الذي تغيّر بفضل المشاركين.
           *[no] {" "}وهناك رسالة جديدة من المنظِّمين.
        }
       *[no] { $impact ->
            [yes] {" "}وقد ذكر المنظِّمون ما الذي تغيّر بفضل المشاركين.
           *[no] .
        }
    }
   *[no] { $feedback ->
        [yes] هناك رسالة جديدة من المنظِّمين{ $impact ->
            [yes] {" "}وقد ذكر المنظِّمون ما الذي تغيّر بفضل المشاركين.
           *[no] .
        }
       *[no] ذكر المنظِّمون ما الذي تغيّر بفضل المشاركين.
    }
}

## Applying elsewhere

prepared-message =
    مرحبًا،

    أودّ التقدّم إلى "{ $title }" لدى { $org }. وجدتها على الباب المفتوح.

    {"["}اكتب قليلًا عن نفسك وسبب اهتمامك.]

    أرجو إخباري بما سيحدث بعد ذلك.

    شكرًا لكم.

## Sending applications

failure-no-connection = لم يكن هناك اتصال.
failure-timed-out = كان الاتصال بطيئًا جدًا.
failure-server-error = واجه نظام المنظِّمين مشكلة.
failure-busy = كان نظام المنظِّمين مشغولًا.

news-sent = تم إرسال الطلب.
news-waiting = تم الحفظ على هذا الجهاز. سيُرسَل تلقائيًا عند توفر اتصال.
news-status = أخبار عن طلبك: { $status }.
news-feedback = أخبار عن طلبك: كتب إليك المنظِّمون.

no-secure-random = لا يستطيع هذا المتصفح إنشاء الرمز السري الذي يحافظ على خصوصية طلبك، لذلك لم يُرسَل. إجاباتك محفوظة. جرّب متصفحًا آخر أو حدّث هذا المتصفح.

withdraw-offline = تحتاج إلى اتصال لسحب الطلب. لم يتغير شيء: حاول مرة أخرى عندما تكون متصلًا.
withdraw-refused = لم يقبل نظام المنظِّمين سحب الطلب (خطأ { $code }). حاول مرة أخرى لاحقًا.
withdraw-storage = تم سحب الطلب، لكن هذا الجهاز لم يتمكن من تحديث قائمته: { $detail }

## Shared devices and storage

removed = تمت الإزالة من هذا الجهاز: { $drafts ->
    [0] لا توجد مسودات
    [one] مسودة واحدة
    [two] مسودتان
    [few] { $drafts } مسودات
   *[other] { $drafts } مسودة
}، { $sent ->
    [0] لا توجد طلبات مرسلة
    [one] طلب واحد مرسل
    [two] طلبان مرسلان
    [few] { $sent } طلبات مرسلة
   *[other] { $sent } طلبًا مرسلًا
}{ $details ->
    [yes] ، وبياناتك المحفوظة.
   *[no] .
}
removed-waiting = { $n ->
    [one] لا يزال طلب واحد ينتظر الإرسال. إنه مختوم بحيث لا يستطيع فتحه إلا المنظِّمون، وسيُرسَل تلقائيًا عند توفر اتصال.
   *[other] لا تزال { $n } طلبات تنتظر الإرسال. إنها مختومة بحيث لا يستطيع فتحها إلا المنظِّمون، وستُرسَل تلقائيًا عند توفر اتصال.
}

crypto-unavailable = لا يستطيع هذا المتصفح التشفير هنا: يحتاج الجهاز المشترك إلى فتح الباب المفتوح على عنوان آمن (https)
crypto-does-not-open = تعذّر فتح القفل
crypto-damaged = البيانات المخزنة تالفة ({ $what })
crypto-failed = فشل التشفير ({ $detail })

storage-unavailable = لا يسمح هذا المتصفح للباب المفتوح بحفظ القوائم ({ $detail })
storage-full = لا توجد مساحة تخزين كافية على هذا الجهاز
storage-stopped = توقف الحفظ؛ قد لا تكون هناك مساحة تخزين كافية على هذا الجهاز
storage-locked = مسوداتك مقفلة: أدخل رقم PIN للمتابعة
storage-no-seal-key = لم يتصل هذا الجهاز المشترك بالباب المفتوح بعد، لذلك لا يستطيع ختم الطلبات لإرسالها؛ اتصل بالإنترنت مرة واحدة وحاول مرة أخرى

pin-wrong = رقم PIN هذا لم يفتح أي شيء. تحقق منه وحاول مرة أخرى.
pin-wait = محاولات كثيرة برقم PIN غير صحيح. انتظر { $seconds } ثانية، ثم حاول مرة أخرى.
pin-in-use = لا يمكن استخدام رقم PIN هذا على هذا الجهاز. اختر رقمًا مختلفًا.
pin-crypto = لم يتمكن الباب المفتوح من حماية مسوداتك: { $detail }.
pin-storage = لم يتمكن الباب المفتوح من استخدام مساحة التخزين على هذا الجهاز: { $detail }.

## Searching and filters

opportunities = { $n ->
    [one] فرصة واحدة
    [two] فرصتان
    [few] { $n } فرص
   *[other] { $n } فرصة
}
partial-note = { $complete ->
    [0] لا توجد فرصة تطابق كل الكلمات { $words }؛ هذه النتائج تطابق بعض كلماتك.
   *[other] الفرص التي تطابق كل الكلمات { $words }: { $complete }؛ بعدها، تطابق هذه النتائج بعض كلماتك.
}
remove-word = احذف { $word }: الفرص التي تطابق باقي الكلمات: { $n }
remove-filter = أزل عامل التصفية { $filter }: الفرص: { $n }
new-matches = { $n ->
    [0] لا توجد نتائج جديدة
    [one] نتيجة جديدة واحدة
    [two] نتيجتان جديدتان
    [few] { $n } نتائج جديدة
   *[other] { $n } نتيجة جديدة
}
near-you = على بعد { $miles } ميل منك
near-place = على بعد { $miles } ميل من { $place }
all-open = كل الفرص المفتوحة
mode-in-person = حضوريًا
filter-paid = مدفوعة الأجر
filter-expenses = تغطية النفقات
filter-closing-week = تُغلق خلال الأيام السبعة القادمة
filter-closing-month = تُغلق خلال الأيام الثلاثين القادمة
time-one-off = لمرة واحدة
time-few-sessions = بضع جلسات
filter-written = مكتوبة باللغة { $language }
filter-written-legend = اللغة
filter-written-only = الفرص المكتوبة باللغة { $language } فقط
time-ongoing = منتظمة، على مدى أشهر

## Choosing a language

language-nav = اللغة
language-legend = اللغة
language-hint = تتغير كلمات الباب المفتوح نفسه فورًا على هذا الجهاز. تبقى الفرص باللغة التي كُتبت بها.
language-needs-review = لم يراجع هذه الترجمة متحدث أصلي باللغة بعد.
language-getting = جارٍ جلب { $language }…
language-offline = هذه اللغة ليست على هذا الجهاز بعد ولا يوجد اتصال. حاول مرة أخرى عندما تكون متصلًا.
language-refused = تعذّر جلب هذه اللغة (خطأ { $code }). حاول مرة أخرى لاحقًا.
