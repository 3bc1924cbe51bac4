# Open Door's words in Arabic (العربية), written right to left. Translated from en.ftl; see
# docs/translating.md. Arabic has six plural forms: zero, one, two, few (3–10), many (11–99)
# and other; a message gives the ones it needs and `*[other]` for the rest.
#
### Needs review: written without a native Arabic speaker. Every message needs checking by one
### before this is relied on.

## The frame of every screen

app-name = الباب المفتوح

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
time-ongoing = منتظمة، على مدى أشهر

## Choosing a language

language-nav = اللغة
language-legend = اللغة
language-hint = تتغير كلمات الباب المفتوح نفسه فورًا على هذا الجهاز. تبقى الفرص باللغة التي كُتبت بها.
language-needs-review = لم يراجع هذه الترجمة متحدث أصلي باللغة بعد.
language-getting = جارٍ جلب { $language }…
language-offline = هذه اللغة ليست على هذا الجهاز بعد ولا يوجد اتصال. حاول مرة أخرى عندما تكون متصلًا.
language-refused = تعذّر جلب هذه اللغة (خطأ { $code }). حاول مرة أخرى لاحقًا.
