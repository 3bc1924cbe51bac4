# Open Door's words in Welsh (Cymraeg). Translated from en.ftl; see docs/translating.md.
#
### Needs review: written without a native Welsh speaker. Every message needs checking by one
### before this is relied on; mark each checked section by deleting this line when all are done.
#
# Place names come from listings and are not mutated, so sentences avoid "yn" + place.

## The frame of every screen

app-name = Drws Agored
tagline = Dweud eich dweud am wasanaethau iechyd a gofal
skip-link = Neidio i'r prif gynnwys
footer = Mae Drws Agored yn cadw rhestrau ar y ddyfais hon er mwyn i chi allu eu darllen heb gysylltiad.
nav-opportunities = Cyfleoedd
nav-what-changed = Beth sydd wedi newid
nav-saved = Wedi'u cadw
nav-applications = Fy ngheisiadau
nav-about-me = Amdanaf i

## Listings: what kind, where, access, payment

kind-advisory-group = Grŵp neu banel cynghori
kind-co-design = Gweithdy cyd-ddylunio
kind-research-advisor = Cynghorydd ymchwil
kind-consultation = Arolwg neu ymgynghoriad
kind-interview = Cyfweliad neu grŵp ffocws
kind-lived-experience = Rôl profiad bywyd neu gymorth cymheiriaid
kind-committee = Pwyllgor neu fwrdd
kind-other = Cyfranogiad arall

access-bsl = Dehonglydd BSL
access-easy-read = Papurau Hawdd eu Deall
access-papers-in-advance = Papurau wedi'u hanfon ymlaen llaw
access-step-free = Lleoliad heb risiau
access-hearing-loop = Dolen sain
access-carer-costs = Costau gofalwr neu gynorthwyydd personol wedi'u talu
access-travel-up-front = Costau teithio wedi'u talu ymlaen llaw
access-breaks = Seibiannau rheolaidd
access-data-or-device = Data neu ddyfais ar gael

expense-travel = Teithio
expense-childcare = Gofal plant
expense-carer = Costau gofalwr
expense-meals = Prydau bwyd
expense-phone = Ffôn neu ddata
expense-other = Costau eraill

attendance-online = Ar-lein
attendance-phone = Dros y ffôn
attendance-post = Drwy'r post
attendance-in-person = Wyneb yn wyneb: { $place }
attendance-hybrid = Ar-lein neu wyneb yn wyneb: { $place }

pay-unpaid = Di-dâl
pay-expenses-only = Di-dâl, costau wedi'u talu
pay-money = { $unit ->
    [hour] { $amount } yr awr
    [session] { $amount } y sesiwn
    [day] { $amount } y dydd
    [meeting] { $amount } y cyfarfod
    [month] { $amount } y mis
    [year] { $amount } y flwyddyn
   *[total] { $amount } i gyd
}
pay-vouchers = { $unit ->
    [hour] { $amount } mewn talebau yr awr
    [session] { $amount } mewn talebau y sesiwn
    [day] { $amount } mewn talebau y dydd
    [meeting] { $amount } mewn talebau y cyfarfod
    [month] { $amount } mewn talebau y mis
    [year] { $amount } mewn talebau y flwyddyn
   *[total] { $amount } mewn talebau i gyd
}
benefits-note = Gall cael eich talu effeithio ar rai budd-daliadau. Cyn i chi gytuno, gallwch ofyn i'r trefnydd dalu mewn talebau neu beidio â thalu o gwbl, a holi cynghorydd budd-daliadau (fel Cyngor ar Bopeth) neu eich anogwr gwaith yn y Ganolfan Byd Gwaith.

## Dates and times

month = { $month ->
    [1] Ionawr
    [2] Chwefror
    [3] Mawrth
    [4] Ebrill
    [5] Mai
    [6] Mehefin
    [7] Gorffennaf
    [8] Awst
    [9] Medi
    [10] Hydref
    [11] Tachwedd
   *[12] Rhagfyr
}
weekday = { $day ->
    [1] Dydd Llun
    [2] Dydd Mawrth
    [3] Dydd Mercher
    [4] Dydd Iau
    [5] Dydd Gwener
    [6] Dydd Sadwrn
   *[7] Dydd Sul
}
date = { $day } { $month } { $year }
time-am = { $time }yb
time-pm = { $time }yh
date-time = { $weekday } { $date }, { $time }
session-to = { $start } tan { $end }
session-note = { $session } ({ $note })

closing-withdrawn = Wedi'i dynnu'n ôl
closing-closed = Wedi cau
closing-closed-on = Wedi cau ar { $date }
closing-none = Dim dyddiad cau
closing-today = Yn cau heddiw
closing-tomorrow = Yn cau yfory
closing-on = Yn cau { $date }

ago-now = eiliad yn ôl
ago-minutes = { $n } munud yn ôl
ago-hours = { $n } awr yn ôl
ago-yesterday = ddoe
ago-days = { $n } diwrnod yn ôl
ago-on = ar { $date }

minutes = { $n } munud
times = { $n ->
    [one] unwaith
    [two] ddwywaith
   *[other] { $n } gwaith
}

## Getting listings: the status line

status-first-sync = Wrthi'n cael y cyfleoedd diweddaraf…
status-syncing = Wrthi'n chwilio am gyfleoedd newydd…
status-updated = Diweddarwyd { $ago }
status-never = Heb ddiweddaru eto
status-offline = All-lein — { $saved ->
    [saved] yn dangos rhestrau wedi'u cadw{ $since ->
        [yes] {" "}(diweddarwyd { $ago })
       *[no] {""}
    }
   *[none] dim rhestrau wedi'u cadw eto
}
status-failed = Methu diweddaru: { $reason }.{ $saved ->
    [saved] {" "}Yn dangos rhestrau wedi'u cadw{ $since ->
        [yes] {" "}(diweddarwyd { $ago }).
       *[no] .
    }
   *[none] {""}
}

sync-offline = dim cysylltiad
sync-not-found = doedd dim modd dod o hyd i'r ffrwd (gwall 404)
sync-server-problem = mae problemau gyda gweinydd y rhestrau (gwall { $code })
sync-refused = gwrthododd gweinydd y rhestrau (gwall { $code })
sync-bad-page = { $detail }
sync-storage-full = does dim lle storio ar ôl ar y ddyfais hon. Rhyddhewch le a rhowch gynnig arall arni
sync-storage = methodd cadw ar y ddyfais hon ({ $detail })
sync-too-many-pages = mae gan y ffrwd fwy na { $pages } o dudalennau newydd; bydd y gweddill yn llwytho y tro nesaf

skipped = { $n ->
    [one] Doedd dim modd dangos 1 rhestr o'r ffrwd
   *[other] Doedd dim modd dangos { $n } rhestr o'r ffrwd
}

## The list

list-title = Cyfleoedd
list-heading = Cyfleoedd i ddweud eich dweud
list-lede = Paneli, grwpiau, gweithdai ac arolygon lle gall eich profiad o wasanaethau iechyd a gofal eu siapio.
search-label = Chwilio cyfleoedd
search-hint = Er enghraifft: dementia, gofalwyr, arolwg ar-lein. Mae'r canlyniadau'n newid wrth i chi deipio.
sort-label = Trefnu yn ôl
sort-relevance = Cyfateb orau
sort-closing = Yn cau gyntaf
sort-newest = Mwyaf newydd
filters = Hidlyddion
save-search = Cadw'r chwiliad hwn
refresh = Adnewyddu
show-more = Dangos mwy (yn dangos { $shown } o { $total })
fact-type = Math
fact-where = Ble
fact-payment = Tâl
fact-closing = Dyddiad cau

count-open = { $open } cyfle agored
count-none-match = { $open ->
    [one] Dydy'r 1 cyfle agored ddim yn cyfateb
   *[other] Dydy dim un o'r { $open } cyfle agored yn cyfateb
}
count-the-one-matches = Mae'r 1 cyfle agored yn cyfateb
count-match = { $found } o { $open } cyfle agored yn cyfateb

list-and = { $rest } a { $last }
attribution = Wedi'i restru gan { $org }, o { $sources }
source-licence = Mae { $source } yn ei rannu dan y drwydded { $licence }
source-no-licence = Dydy { $source } ddim yn nodi trwydded ar ei gyfer

## One opportunity

back-to-list = Yn ôl i'r holl gyfleoedd
detail-about = Am y cyfle hwn
detail-difference = Pa wahaniaeth fydd yn ei wneud
detail-support = Y cymorth a gewch chi
detail-access = Cymorth hygyrchedd
detail-no-access-listed = Does dim cymorth hygyrchedd penodol wedi'i restru. Gofynnwch i'r trefnydd am yr hyn sydd ei angen arnoch chi.
detail-who = Ar gyfer pwy mae e
detail-how-to-apply = Sut i wneud cais
detail-no-longer-taken = Dydy ceisiadau ddim yn cael eu derbyn mwyach.
detail-contact-to-apply = Cysylltwch â'r trefnydd i wneud cais.
detail-apply-in-app = Gwnewch gais yma yn Drws Agored. Mae'n gweithio heb gysylltiad: mae eich atebion yn cael eu cadw wrth i chi fynd, a'u hanfon pan fyddwch chi ar-lein eto.
detail-link-step-1 = Agorwch wefan y trefnydd gyda'r botwm isod.
detail-link-step-2 = Llenwch eu ffurflen. Os yw'n gofyn pam mae gennych ddiddordeb, gall y neges isod helpu.
detail-apply-on-site = Gwneud cais ar wefan y trefnydd (yn agor mewn tab newydd)
detail-email-step-1 = Copïwch y neges isod ac ychwanegu ychydig amdanoch chi eich hun.
detail-phone-step-2 = Dywedwch pa gyfle rydych chi'n ffonio amdano. Gall y neges isod eich helpu i ddweud pam mae gennych ddiddordeb.
detail-prepared-label = Neges y gallwch ei defnyddio
detail-not-found = Allwn ni ddim dod o hyd i'r cyfle hwn
detail-not-found-why = Efallai fod y trefnydd wedi'i dynnu, neu fod y ddolen yn anghywir.
detail-see-all = Gweld pob cyfle agored
banner-closed = Mae'r cyfle hwn wedi cau. Allwch chi ddim gwneud cais mwyach.
banner-withdrawn = Mae'r trefnydd wedi tynnu'r cyfle hwn yn ôl. Dydy e ddim yn mynd yn ei flaen.

## Frame, status and settings

nav-main = Prif
page-title = { $title } – Drws Agored
status-region = Statws y rhestrau
status-checking = Wrthi'n gwirio…
update-ready = Mae fersiwn newydd o Drws Agored yn barod.
update-reload = Ail-lwytho
page-not-found = Heb ddod o hyd i'r dudalen
page-not-found-hint = Os gwnaethoch chi deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir.
page-not-found-link = Gweld pob cyfle
text-size-legend = Maint y testun
text-size-hint = Yn newid ar unwaith, ar y ddyfais hon. Mae chwyddo eich porwr yn dal i weithio hefyd.
text-size-option = { $size } ({ $percent }%)
text-size-chosen = Maint y testun: { $size }.
text-size-not-kept = Maint y testun: { $size }. Fydd y porwr hwn ddim yn ei gadw, felly bydd yn newid yn ôl y tro nesaf.
text-size-standard = Safonol
text-size-large = Mawr
text-size-larger = Mwy
text-size-largest = Mwyaf

## More of the list, one opportunity, saved, what changed

loading = Wrthi'n llwytho…
filters-on = Hidlyddion ({ $n } ymlaen)
filters-clear = Clirio pob hidlydd
filter-type-legend = Math o gyfranogiad
filter-how-legend = Sut mae'n digwydd
filter-payment-legend = Tâl
filter-payment-hint = Ticiwch y ddau i weld dim ond rolau â thâl sydd hefyd yn talu costau.
filter-access-legend = Cymorth hygyrchedd sy'n cael ei gynnig
filter-access-hint = Dim ond cyfleoedd sy'n cynnig pob cymorth rydych chi'n ei dicio sy'n cael eu dangos.
filter-time-legend = Amser sydd ei angen
filter-closing-any = Unrhyw bryd
filter-topic-legend = Pwnc
near-legend = Ger lle
near-hint = Cyfleoedd wyneb yn wyneb, o fewn pellter. Mae eich lleoliad yn aros ar y ddyfais hon.
near-place-label = Tref, dinas neu god post
near-distance-label = Pellter
near-within = O fewn { $miles } milltir
near-search = Chwilio ger y lle hwn
near-use-location = Defnyddio fy lleoliad
near-remove = Tynnu'r hidlydd pellter
near-type-first = Teipiwch dref, dinas neu god post yn gyntaf.
near-finding = Wrthi'n canfod ble rydych chi…
near-no-location = Doedd dim modd cael eich lleoliad. Gallwch deipio tref neu god post yn lle hynny.
near-active = Yn dangos cyfleoedd { $near } ({ $count }).
near-press-use-location = Pwyswch “Defnyddio fy lleoliad” i ddod o hyd i gyfleoedd yn agos atoch chi. Tan hynny, mae'r hidlydd hwn i ffwrdd.
near-no-map-location = Does gennym ni ddim lleoliad ar fap ar gyfer “{ $place }”, felly dim ond cyfleoedd sy'n ei enwi sy'n cael eu dangos. Rhowch gynnig ar ddinas gyfagos, neu ran gyntaf cod post fel CF10.
list-loading = Wrthi'n llwytho rhestrau wedi'u cadw…
list-cannot-read = Does dim modd darllen y rhestrau wedi'u cadw
list-nothing-matches = Does dim yn cyfateb
list-nothing-matches-hint = Rhowch gynnig ar lai o eiriau neu eiriau gwahanol, neu tynnwch hidlydd.
list-found-label = Cyfleoedd a ganfuwyd
list-new-matches = Cyfatebiaethau newydd i'ch chwiliadau wedi'u cadw: { $n }
search-saved = Chwiliad wedi'i gadw: { $search }. Bydd eich tudalen Wedi'u cadw yn dangos cyfatebiaethau newydd.
search-not-saved = Methu cadw'r chwiliad: { $reason }.
list-first-sync = Wrthi'n cael y cyfleoedd diweddaraf. Gall hyn gymryd eiliad ar gysylltiad araf.
list-none-yet = Dim rhestrau ar y ddyfais hon eto
list-none-yet-offline = Rydych chi all-lein. Cysylltwch â'r rhyngrwyd a phwyso Adnewyddu, a bydd rhestrau'n cael eu cadw yma i'w darllen yn nes ymlaen heb gysylltiad.
list-none-open = Dim cyfleoedd agored ar hyn o bryd
list-none-open-hint = Mae rhai newydd yn cael eu hychwanegu'n aml. Pwyswch Adnewyddu neu dewch yn ôl cyn bo hir.
first-paint-filters = Mae'r hidlyddion yn barod pan fydd y dudalen hon wedi gorffen llwytho. Gallwch chwilio ac agor unrhyw gyfle nawr.
first-paint-none-open-hint = Mae rhai newydd yn cael eu hychwanegu'n aml. Dewch yn ôl cyn bo hir.
first-paint-nothing-matches-hint = Rhowch gynnig ar lai o eiriau neu eiriau gwahanol.

detail-cannot-read = Does dim modd darllen y rhestr hon
detail-getting = Wrthi'n cael y cyfle hwn…
detail-not-found-title = Heb ddod o hyd i'r cyfle
detail-from = Gan
new-tab = { $name } (yn agor mewn tab newydd)
detail-last-updated = Diweddarwyd ddiwethaf { $date }
detail-licence = Trwydded:
detail-sources = O ble mae'r rhestr hon yn dod
impact-heading = Beth newidiodd oherwydd chi
impact-from = Gan { $org }, { $date }
fact-time = Amser sydd ei angen
fact-dates = Dyddiadau
fact-topics = Pynciau
detail-expenses-paid = Costau sy'n cael eu talu: { $expenses }
detail-minimum-age = Mae angen i chi fod yn { $age } oed neu'n hŷn.
detail-email-step-2 = E-bostiwch hi at:
detail-phone-step-1 = Ffoniwch:
detail-contact = Cysylltu
detail-email = E-bost:
detail-phone = Ffôn:
detail-apply = Gwneud cais
detail-started = Rydych chi wedi dechrau cais. Mae eich atebion wedi'u cadw ar y ddyfais hon.
detail-continue = Parhau â'ch cais
detail-applied = Rydych chi wedi gwneud cais am hwn.
detail-see-application = Gweld eich cais
detail-copied = Wedi'i gopïo. Gallwch ei gludo nawr.
detail-not-copied = Methu copïo: dewiswch y neges a'i chopïo eich hun.
detail-copy = Copïo'r neges

saved-cannot-read = Does dim modd darllen yr eitemau wedi'u cadw
saved-listings = Cyfleoedd wedi'u cadw
saved-no-listings = Dydych chi ddim wedi cadw unrhyw gyfleoedd eto. Pwyswch “Cadw” ar gyfle i'w gadw yma, hyd yn oed all-lein.
saved-searches = Chwiliadau wedi'u cadw
saved-no-searches = Dim chwiliadau wedi'u cadw eto. Chwiliwch neu hidlwch y rhestr, yna pwyswch “Cadw'r chwiliad hwn”. Byddwn ni'n dangos cyfatebiaethau newydd yma ar ôl pob diweddariad. Does dim yn gadael eich dyfais.
saved-gone = Ddim wedi'i restru mwyach. Efallai fod y trefnydd wedi'i dynnu'n ôl.
saved-closed = Wedi cau. Allwch chi ddim gwneud cais mwyach.
saved-withdrawn = Wedi'i dynnu'n ôl. Mae'r trefnydd wedi tynnu'r cyfle hwn yn ôl.
saved-remove = Tynnu
saved-remove-listing = Tynnu { $title } o'r rhai wedi'u cadw
saved-remove-search = Tynnu'r chwiliad wedi'i gadw: { $search }
saved-matches-in-all = { $n } i gyd

what-changed-heading = Beth newidiodd oherwydd pobl fel chi
what-changed-lede = Ar ôl gweithgaredd, gall trefnwyr ddweud wrth bawb beth newidiodd oherwydd y bobl a gymerodd ran.
what-changed-none = Dydy'r un trefnydd wedi dweud beth newidiodd eto. Maen nhw fel arfer yn ysgrifennu hyn ychydig wythnosau ar ôl i weithgaredd ddod i ben, felly dewch yn ôl yn nes ymlaen.
what-changed-find = Dod o hyd i gyfle
what-changed-open = Yn dal ar agor: gallwch wneud cais
what-changed-written = Ysgrifennwyd ar { $date }. { $state }.

## Reading: Easy Read and Listen

easy-read-heading = Hawdd ei Ddeall
easy-read-label = Hawdd ei Ddeall
easy-read-hint = Dangos y fersiwn Hawdd ei Ddeall o gyfle yn gyntaf, pan fydd un ar gael: brawddegau byr a geiriau cyffredin.
easy-read-on = Mae Hawdd ei Ddeall ymlaen. Mae cyfleoedd sydd â fersiwn Hawdd ei Ddeall yn ei dangos yn gyntaf.
easy-read-off = Mae Hawdd ei Ddeall i ffwrdd.
easy-read-not-kept = Fydd y porwr hwn ddim yn cadw'r dewis hwnnw, felly bydd yn newid yn ôl y tro nesaf.
benefits-note-easy = Gall cael eich talu newid eich budd-daliadau. Cyn i chi gytuno, siaradwch â rhywun sy'n gwybod am fudd-daliadau. Gallwch ofyn i'r trefnydd eich talu mewn talebau, neu beidio â'ch talu.
easy-apply-intro =
    Gallwch ofyn am gymryd rhan yma.

    Rydych chi'n ateb rhai cwestiynau. Gallwch stopio a pharhau nes ymlaen. Mae eich atebion yn aros ar y ffôn neu'r cyfrifiadur hwn.

    Rydych chi'n gwirio eich atebion. Yna rydych chi'n pwyso Anfon.

    Does dim angen y rhyngrwyd arnoch i ddechrau. Rydyn ni'n ei anfon pan fyddwch chi ar-lein.
easy-next-intro =
    Rydyn ni wedi anfon eich cais at y trefnwyr.

    Bydd y trefnwyr yn ei ddarllen. Byddan nhw'n dweud wrthoch chi beth sy'n digwydd nesaf. Gall hyn gymryd ychydig wythnosau.

    Gallwch weld unrhyw newyddion yn Fy ngheisiadau.

    Gallwch ddweud na ar unrhyw adeg. Pwyswch Tynnu'n ôl i stopio.
listen-play = Gwrando
listen-pause = Oedi
listen-resume = Parhau i wrando
listen-stop = Stopio

## Applying elsewhere

prepared-message =
    Helo,

    Hoffwn wneud cais am "{ $title }" gyda { $org }. Des i o hyd iddo ar Drws Agored.

    {"["}Dywedwch ychydig amdanoch chi eich hun a pham mae gennych ddiddordeb.]

    Dywedwch wrtha i beth sy'n digwydd nesaf.

    Diolch.

## Sending applications

failure-no-connection = Doedd dim cysylltiad.
failure-timed-out = Roedd y cysylltiad yn rhy araf.
failure-server-error = Roedd problem gyda system y trefnwyr.
failure-busy = Roedd system y trefnwyr yn brysur.

news-sent = Cais wedi'i anfon.
news-waiting = Wedi'i gadw ar y ddyfais hon. Bydd yn cael ei anfon ohono'i hun pan fydd cysylltiad.
news-status = Newyddion am eich cais: { $status }.
news-feedback = Newyddion am eich cais: mae'r trefnwyr wedi ysgrifennu atoch chi.

no-secure-random = Dydy'r porwr hwn ddim yn gallu creu'r cod cyfrinachol sy'n cadw'ch cais yn breifat, felly chafodd e ddim ei anfon. Mae eich atebion wedi'u cadw. Rhowch gynnig ar borwr arall, neu diweddarwch hwn.

withdraw-offline = Mae angen cysylltiad arnoch i dynnu'n ôl. Does dim wedi newid: rhowch gynnig arall arni pan fyddwch ar-lein.
withdraw-refused = Wnaeth system y trefnwyr ddim derbyn y tynnu'n ôl (gwall { $code }). Rhowch gynnig arall arni nes ymlaen.
withdraw-storage = Wedi tynnu'n ôl, ond doedd y ddyfais hon ddim yn gallu diweddaru ei rhestr: { $detail }

## Shared devices and storage

removed = Wedi'u tynnu o'r ddyfais hon: { $drafts ->
    [0] dim drafftiau
    [one] 1 drafft
   *[other] { $drafts } drafft
}, { $sent ->
    [0] dim ceisiadau wedi'u hanfon
    [one] 1 cais wedi'i anfon
   *[other] { $sent } cais wedi'u hanfon
}{ $details ->
    [yes] , eich manylion wedi'u cadw.
   *[no] .
}
removed-waiting = { $n ->
    [one] Mae 1 cais yn dal i aros i gael ei anfon. Mae wedi'i selio fel mai dim ond y trefnwyr sy'n gallu ei agor, a bydd yn cael ei anfon ohono'i hun pan fydd cysylltiad.
   *[other] Mae { $n } cais yn dal i aros i gael eu hanfon. Maen nhw wedi'u selio fel mai dim ond y trefnwyr sy'n gallu eu hagor, a byddan nhw'n cael eu hanfon ohonyn nhw eu hunain pan fydd cysylltiad.
}

crypto-unavailable = dydy'r porwr hwn ddim yn gallu amgryptio yma: mae angen Drws Agored ar gyfeiriad diogel (https) ar ddyfais a rennir
crypto-does-not-open = doedd dim modd datgloi hwnnw
crypto-damaged = mae data wedi'i storio wedi'i ddifrodi ({ $what })
crypto-failed = methodd yr amgryptio ({ $detail })

storage-unavailable = dydy'r porwr hwn ddim yn gadael i Drws Agored gadw rhestrau ({ $detail })
storage-full = does dim lle storio ar ôl ar y ddyfais hon
storage-stopped = cafodd y cadw ei atal; efallai nad oes lle storio ar ôl ar y ddyfais hon
storage-locked = mae eich drafftiau wedi'u cloi: rhowch eich PIN i barhau
storage-no-seal-key = dydy'r ddyfais a rennir hon ddim wedi cysylltu â Drws Agored eto, felly dydy hi ddim yn gallu selio ceisiadau i'w hanfon; cysylltwch â'r rhyngrwyd unwaith a rhowch gynnig arall arni

pin-wrong = Wnaeth y PIN hwnnw ddim datgloi dim byd. Gwiriwch ef a rhowch gynnig arall arni.
pin-wait = Gormod o rifau PIN nad oedd yn gweithio. Arhoswch { $seconds } eiliad, yna rhowch gynnig arall arni.
pin-in-use = Does dim modd defnyddio'r PIN hwnnw ar y ddyfais hon. Dewiswch un gwahanol.
pin-crypto = Doedd Drws Agored ddim yn gallu diogelu eich drafftiau: { $detail }.
pin-storage = Doedd Drws Agored ddim yn gallu defnyddio storfa'r ddyfais hon: { $detail }.

## Searching and filters

opportunities = { $n } cyfle
partial-note = { $complete ->
    [0] Does dim cyfle yn cyfateb i bob un o { $words }; mae'r rhain yn cyfateb i rai o'ch geiriau.
   *[other] Mae { $complete } cyfle yn cyfateb i bob un o { $words }; ar eu hôl, mae'r rhain yn cyfateb i rai o'ch geiriau.
}
remove-word = Tynnu { $word }: mae { $n } cyfle yn cyfateb i'r gweddill
remove-filter = Tynnu'r hidlydd { $filter }: { $n } cyfle
new-matches = { $n ->
    [0] Dim cyfatebiaethau newydd
   *[other] { $n } cyfatebiaeth newydd
}
near-you = o fewn { $miles } milltir i chi
near-place = o fewn { $miles } milltir i { $place }
all-open = Pob cyfle agored
mode-in-person = Wyneb yn wyneb
filter-paid = Â thâl
filter-expenses = Costau wedi'u talu
filter-closing-week = Yn cau yn ystod y 7 diwrnod nesaf
filter-closing-month = Yn cau yn ystod y 30 diwrnod nesaf
time-one-off = Unwaith yn unig
time-few-sessions = Ychydig o sesiynau
filter-written = Wedi'i ysgrifennu yn { $language }
filter-written-legend = Iaith
filter-written-only = Dim ond cyfleoedd wedi'u hysgrifennu yn { $language }
time-ongoing = Rheolaidd, dros fisoedd

## Choosing a language

language-nav = Iaith
language-legend = Iaith
language-hint = Mae geiriau Drws Agored ei hun yn newid ar unwaith, ar y ddyfais hon. Mae cyfleoedd yn aros yn yr iaith y cawson nhw eu hysgrifennu ynddi.
language-needs-review = Dydy siaradwr Cymraeg iaith gyntaf ddim wedi gwirio'r cyfieithiad hwn eto.
language-getting = Wrthi'n cael { $language }…
language-offline = Dydy'r iaith honno ddim ar y ddyfais hon eto a does dim cysylltiad. Rhowch gynnig arall arni pan fyddwch ar-lein.
language-refused = Doedd dim modd cael yr iaith honno (gwall { $code }). Rhowch gynnig arall arni nes ymlaen.
