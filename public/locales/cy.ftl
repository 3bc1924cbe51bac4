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

## The personal screens: applying, My applications, About me, shared devices

apply-this-device-is-out = Does dim lle storio ar ôl ar y ddyfais hon, felly dydy eich atebion diweddaraf ddim wedi'u cadw. Rhyddhewch le, yna newidiwch unrhyw ateb i gadw eto.
apply-there-is-a-problem = Mae problem
apply-your-application-cant-be = Does dim modd agor eich cais
apply-you-have-already-sent = Rydych chi eisoes wedi anfon y cais hwn, neu mae'n aros i gael ei anfon.
apply-your-answers-are-saved = Mae eich atebion wedi'u cadw ar y ddyfais hon.
apply-back-to-the-opportunity = Yn ôl i'r cyfle
apply-this-closes-in-less = Mae hwn yn cau mewn llai na 48 awr. Anfonwch eich cais yn fuan.
apply-your-answers-are-saved-2 = Mae eich atebion yn cael eu cadw ar y ddyfais hon wrth i chi deipio, felly gallwch stopio a dod yn ôl nes ymlaen, hyd yn oed heb gysylltiad.
apply-about-you = Amdanoch chi
apply-getting-help = Cael help
apply-sharing-your-answers = Rhannu eich atebion
apply-they-will-use-them = Byddan nhw'n eu defnyddio i drefnu'r cyfle hwn yn unig.
apply-keep-my-name-contact = Cadw fy enw, fy manylion cyswllt a fy anghenion cymorth ar y ddyfais hon ar gyfer fy nghais nesaf
apply-dont-choose-this-on = Peidiwch â dewis hyn ar gyfrifiadur a rennir. Gallwch eu newid neu eu dileu ar unrhyw adeg yn Amdanaf i.
apply-continue = Parhau
check-your-answers-cant-be = Does dim modd darllen eich atebion
check-there-is-nothing-to = Does dim byd i'w wirio
check-see-your-applications = Gweld eich ceisiadau
check-change = Newid
check-not-answered = Heb ei ateb
check-yes = Ydw
check-no = Nac ydw
check-not-chosen = Heb ei ddewis
check-your-application-cant-be = Does dim modd anfon eich cais o'r ddyfais a rennir hon eto: dydy'r ddyfais ddim wedi cysylltu â Drws Agored ers iddi gael ei gosod, felly dydy hi ddim yn gallu selio ceisiadau i'r trefnwyr. Cysylltwch â'r rhyngrwyd, yna pwyswch Anfon eto. Mae eich atebion wedi'u cadw.
check-this-opportunity-has-closed = Mae'r cyfle hwn wedi cau, felly does dim modd anfon eich cais. Mae eich atebion wedi'u cadw ar y ddyfais hon.
check-back-to-your-answers = Yn ôl i'ch atebion
check-check-your-answers-before = Gwiriwch eich atebion cyn anfon
check-name = Enw
check-how-to-contact-you = Sut i gysylltu â chi
check-email-updates = Diweddariadau e-bost
check-yes-email-me-when = Ydw: e-bostiwch fi pan fydd fy nghais yn newid neu pan fydd y trefnwyr yn ysgrifennu ataf
check-support-to-take-part = Cymorth i gymryd rhan
check-none-given = Dim wedi'i roi
check-format-for-papers = Fformat papurau
check-no-preference = Dim dewis
check-filled-in-with = Wedi'i lenwi gyda
check-no-one-i-filled = Neb: fe wnes i ei lenwi fy hun
check-now-send-your-application = Nawr anfonwch eich cais
check-if-youre-offline-it = Os ydych chi all-lein, bydd yn cael ei gadw ar y ddyfais hon a'i anfon ohono'i hun pan fyddwch chi ar-lein eto.
check-send-application = Anfon y cais
apps-draft-the-opportunity-has = Drafft — mae'r cyfle wedi cau, felly does dim modd ei anfon
apps-draft-not-sent-see = Drafft — heb ei anfon: gweler pam
apps-draft-not-sent-yet = Drafft — heb ei anfon eto
apps-waiting-to-send-well = Yn aros i anfon — byddwn ni'n rhoi cynnig arall arni
apps-an-application-you-have = Mae cais nad ydych chi wedi'i agor ers i rywbeth newid wedi'i farcio'n Newydd. Mae ei agor yn ei farcio fel wedi'i weld.
apps-you-havent-started-any = Dydych chi ddim wedi dechrau unrhyw geisiadau ar y ddyfais hon.
apps-waiting-to-send = Yn aros i anfon
apps-drafts = Drafftiau
apps-sent = Wedi'u hanfon
apps-what-changed = Beth newidiodd:{" "}
apps-read-what-changed = Darllen beth newidiodd
apps-this-application-cant-be = Does dim modd darllen y cais hwn
apps-application-not-found = Heb ddod o hyd i'r cais
apps-there-is-no-application = Does dim cais yma
apps-it-may-have-been = Efallai ei fod wedi'i dynnu'n ôl neu wedi'i ddileu.
apps-application-sent = Cais wedi'i anfon
apps-your-reference = Eich cyfeirnod:{" "}
apps-what-has-happened = Beth sydd wedi digwydd
apps-open-door-checks-for = Mae Drws Agored yn chwilio am newyddion bob tro mae'n diweddaru.
apps-your-application-is-saved = Mae eich cais wedi'i gadw ar y ddyfais hon. Bydd yn cael ei anfon ohono'i hun cyn gynted ag y bydd cysylltiad, hyd yn oed os byddwch chi'n cau Drws Agored ac yn dod yn ôl nes ymlaen.
apps-send-now = Anfon nawr
apps-the-opportunity-has-closed = Mae'r cyfle wedi cau, felly does dim modd anfon y drafft hwn. Gallwch ddarllen eich atebion o hyd neu ei ddileu.
apps-back-to-my-applications = Yn ôl i fy ngheisiadau
apps-see-the-opportunity = Gweld y cyfle
apps-withdraw-your-application = Tynnu eich cais yn ôl
apps-delete-this-draft = Dileu'r drafft hwn
apps-this-tells-the-organisers = Mae hyn yn dweud wrth y trefnwyr nad ydych chi eisiau cymryd rhan mwyach, ac yn dileu eich atebion o'u system nhw ac o'r ddyfais hon.
apps-this-deletes-your-answers = Mae hyn yn dileu eich atebion o'r ddyfais hon. Does dim modd ei ddadwneud.
apps-are-you-sure-press = Ydych chi'n siŵr? Pwyswch y botwm eto i gadarnhau.
apps-withdraw-application = Tynnu'r cais yn ôl
apps-delete-draft = Dileu'r drafft
about-saved-new-applications-will = Wedi'i gadw. Bydd ceisiadau newydd yn dechrau gyda'r atebion hyn.
about-deleted-your-details-are = Wedi'i ddileu. Dydy eich manylion ddim yn cael eu cadw ar y ddyfais hon mwyach.
about-if-you-keep-these = Os byddwch chi'n cadw'r atebion hyn ar y ddyfais hon, bydd pob cais newydd yn dechrau gyda nhw wedi'u llenwi.{" "}
about-they-never-leave-this = Dydyn nhw byth yn gadael y ddyfais hon nes i chi anfon cais.
about-your-answers-are-kept = Mae eich atebion wedi'u cadw ar y ddyfais hon.
about-nothing-is-kept-on = Does dim yn cael ei gadw ar y ddyfais hon ar hyn o bryd.
about-save-on-this-device = Cadw ar y ddyfais hon
about-delete-my-details = Dileu fy manylion
pin-page-enter-your-pin = Rhowch eich PIN
pin-page-your-applications-are-protected = Mae eich ceisiadau wedi'u diogelu gan PIN
pin-page-this-is-a-shared = Dyfais a rennir yw hon. Mae drafftiau a manylion pob person wedi'u cloi gyda'u PIN eu hunain, felly dydy'r person nesaf ddim yn gallu eu gweld.
pin-page-this-browser-cannot-protect = Dydy'r porwr hwn ddim yn gallu diogelu drafftiau yma: mae angen cyfeiriad diogel (https) ar Drws Agored ar ddyfais a rennir. Gofynnwch i'r person sy'n rhedeg y ddyfais hon agor Drws Agored dros https.
pin-page-show-pins-as-i = Dangos rhifau PIN wrth i mi eu teipio (gwiriwch nad oes neb yn gwylio)
pin-page-new-here-choose-a = Newydd yma? Dewiswch PIN
pin-page-if-you-forget-your = Os byddwch chi'n anghofio eich PIN, does neb yn gallu cael eich drafftiau yn ôl — nid ni, a nid y bobl sy'n rhedeg y ddyfais hon. Dim ond eu dileu sy'n bosibl.
pin-page-choose-a-pin = Dewiswch PIN
pin-page-at-least-6-characters = O leiaf 6 nod: rhifau, llythrennau neu'r ddau. Peidiwch â defnyddio PIN rydych chi'n ei ddefnyddio ar gyfer unrhyw beth arall, nac un fel 111111 neu 123456.
pin-page-or-use-three-or = Neu defnyddiwch dri neu bedwar gair, fel “ffidil marmor niwl cwpan”: llawer anoddach i'w ddyfalu, ac yn dal yn hawdd i'w gofio. Mae bylchau'n iawn.
pin-page-error = Gwall:{" "}
pin-page-type-the-same-pin = Teipiwch yr un PIN eto
pin-page-set-pin-and-continue = Gosod PIN a pharhau
pin-page-already-started-enter-your = Wedi dechrau eisoes? Rhowch eich PIN
pin-page-your-pin = Eich PIN
pin-page-unlock = Datgloi
pin-page-checking-your-pin-this = Wrthi'n gwirio eich PIN. Mae hyn yn cymryd eiliad…
pin-page-im-finished = Rydw i wedi gorffen
pin-page-this-device-is-clear = Mae'r ddyfais hon yn glir
pin-page-start-again = Dechrau eto
pin-page-nobody-is-using-this = Does neb yn defnyddio'r ddyfais hon
pin-page-there-is-nothing-of = Does dim byd o'ch pethau chi ar agor yma. Os gwnaethoch chi ddefnyddio PIN yn gynharach, mae eich drafftiau wedi'u cloi.
pin-page-go-to-opportunities = Mynd i gyfleoedd
pin-page-im-finished-clear-this = Rydw i wedi gorffen — clirio'r ddyfais hon
pin-page-still-waiting-to-send = Yn dal i aros i anfon
pin-page-these-stay-on-this = Mae'r rhain yn aros ar y ddyfais hon, wedi'u selio fel mai dim ond y trefnwyr sy'n gallu eu hagor, ac yn cael eu hanfon ohonyn nhw eu hunain pan fydd cysylltiad. Does neb yma'n gallu eu darllen. Bydd y trefnwyr yn cysylltu â chi gyda'r manylion a roesoch chi.
pin-page-what-will-be-deleted = Beth fydd yn cael ei ddileu
pin-page-your-saved-details-about = Eich manylion wedi'u cadw (Amdanaf i)
pin-page-no-saved-details = Dim manylion wedi'u cadw
pin-page-deleted-things-cannot-be = Does dim modd cael pethau sydd wedi'u dileu yn ôl.
pin-page-delete-my-things-and = Dileu fy mhethau a gorffen
pin-page-not-yet-go-back = Dim eto, mynd yn ôl
pin-page-locking-soon = Yn cloi cyn bo hir
pin-page-nobody-has-used-open = Does neb wedi defnyddio Drws Agored ers tro, felly bydd yn cloi mewn tua 30 eiliad i gadw eich atebion yn breifat. Mae eich atebion wedi'u cadw.
pin-page-stay-unlocked = Aros heb gloi
device-lock = Cloi
device-who-uses-this-device = Pwy sy'n defnyddio'r ddyfais hon?
device-on-a-shared-device = Ar ddyfais a rennir, fel un mewn canolfan galw heibio, mae pob person yn diogelu eu ceisiadau gyda PIN. Gallwch newid hyn nes ymlaen yn y gosodiadau.
device-only-me = Dim ond fi
device-several-people-shared-device = Sawl person (dyfais a rennir)
device-settings = Gosodiadau
device-delete-every-persons-pin = Dileu drafftiau a manylion PIN pob person ar y ddyfais hon? Does dim modd dadwneud hyn. Bydd ceisiadau sydd eisoes yn aros i anfon yn dal i gael eu hanfon.
device-everyones-pin-protected-drafts = Cafodd drafftiau a manylion PIN pawb eu dileu o'r ddyfais hon.
device-how-is-this-device = Sut mae'r ddyfais hon yn cael ei defnyddio?
device-personal-only-i-use = Personol: dim ond fi sy'n ei defnyddio
device-your-drafts-and-details = Mae eich drafftiau a'ch manylion yn cael eu cadw arni heb PIN.
device-shared-several-people-use = Wedi'i rhannu: sawl person yn ei defnyddio yn eu tro
device-for-example-at-a = Er enghraifft mewn canolfan galw heibio. Mae pob person yn diogelu eu drafftiau gyda PIN, ac mae'n cloi ohoni'i hun.
device-on-a-shared-device-2 = Ar ddyfais a rennir, cloi ar ôl cyhyd â hyn heb ei defnyddio
device-save-settings = Cadw'r gosodiadau
device-reading = Darllen
device-setting-up-a-centres = Gosod dyfeisiau canolfan
device-open-this-link-once = Agorwch y ddolen hon unwaith ar bob dyfais i'w gwneud yn ddyfais a rennir sy'n cloi ar ôl 5 munud:
device-everyones-drafts = Drafftiau pawb
device-if-people-have-left = Os yw pobl wedi gadael drafftiau na fyddan nhw'n dod yn ôl atyn nhw, gallwch ddileu pob drafft PIN ar y ddyfais hon.
device-delete-everyones-drafts = Dileu drafftiau pawb
device-set-up-this-device = Gosod y ddyfais hon
device-setting-up = Wrthi'n gosod…
device-this-device-is-set = Mae'r ddyfais hon wedi'i gosod
device-it-is-a-personal = Dyfais bersonol yw hi: mae drafftiau'n cael eu cadw arni heb PIN.
device-this-device-was-not = Chafodd y ddyfais hon ddim ei gosod
device-go-to-settings = Mynd i'r gosodiadau
news-page-new = Newydd
actions-removed-from-your-saved = Wedi'i dynnu o'ch cyfleoedd wedi'u cadw.
actions-saved-you-can-find = Wedi'i gadw. Gallwch ddod o hyd iddo ar eich tudalen Wedi'u cadw, hyd yn oed all-lein.
actions-calendar-file-downloaded-open = Ffeil calendr wedi'i lawrlwytho. Agorwch hi i ychwanegu'r dyddiad cau at eich calendr.
actions-couldnt-make-the-calendar = Methu creu'r ffeil calendr yn y porwr hwn.
actions-add-closing-date-to = Ychwanegu'r dyddiad cau at y calendr
actions-share = Rhannu
actions-link-copied-you-can = Dolen wedi'i chopïo. Gallwch ei gludo mewn neges neu e-bost.
fields-email-address = Cyfeiriad e-bost
fields-phone-number = Rhif ffôn
fields-postal-address = Cyfeiriad post
fields-email-me-when-my = E-bostiwch fi pan fydd fy nghais yn newid neu pan fydd y trefnwyr yn ysgrifennu ataf
fields-the-email-only-says = Mae'r e-bost yn dweud pa gyfle mae'n ymwneud ag ef yn unig, byth eich atebion. I stopio'r e-byst hyn, tynnwch eich cais yn ôl.
fields-your-name = Eich enw
fields-what-you-would-like = Beth hoffech chi gael eich galw
fields-how-would-you-like = Sut hoffech chi i'r trefnwyr gysylltu â chi?
fields-email = E-bost
fields-phone = Ffôn
fields-post = Post
fields-do-you-need-any = Oes angen unrhyw gymorth arnoch i gymryd rhan? (dewisol)
fields-for-example-a-bsl = Er enghraifft dehonglydd BSL, mynediad heb risiau, papurau ymlaen llaw neu seibiannau rheolaidd.
fields-what-format-would-you = Ym mha fformat hoffech chi gael papurau? (dewisol)
fields-im-filling-this-in = Rydw i'n llenwi hwn gyda rhywun
fields-for-example-a-volunteer = Er enghraifft gwirfoddolwr, ffrind neu weithiwr cymorth.
fields-name-of-the-person = Enw'r person sy'n helpu
fields-the-person-applying-has = Mae'r person sy'n gwneud cais wedi cytuno i'r atebion hyn gael eu hanfon
fields-for-example-27-march = Er enghraifft, 27 Mawrth 2027
fields-select-all-that-apply = Dewiswch bob un sy'n berthnasol.

## The personal screens: messages built from data

apply-not-saved = Doedd dim modd cadw eich atebion diweddaraf ar y ddyfais hon ({ $reason }).
apply-title = Gwneud cais: { $title }
apply-title-error = Gwall: Gwneud cais: { $title }
apply-your-application = Eich cais: { $title }
apply-consent = Rydw i'n cytuno i fy atebion gael eu rhannu gyda { $org }
apply-cannot-send = Allwch chi ddim anfon y cais hwn: { $reason }. Mae eich atebion yn aros wedi'u cadw ar y ddyfais hon.
apply-questions-from = Cwestiynau gan { $org }
check-by-email = Drwy e-bost: { $detail }
check-by-phone = Dros y ffôn: { $detail }
check-by-post = Drwy'r post: { $detail }
check-title = Gwiriwch eich atebion: { $title }
check-by-sending = Drwy ei anfon, rydych chi'n cytuno i'ch atebion gael eu rhannu gyda { $org }.
fields-limit = Gallwch roi hyd at { $n } nod
fields-optional = { $label } (dewisol)
apps-for = ar gyfer { $title }
apps-filled-in-with = Wedi'i lenwi gyda help gan { $helper }.
apps-sent-on = Anfonwyd ar { $date }
apps-status-sent-on = { $status } (anfonwyd ar { $date })
apps-what-org-said = Beth ddywedodd { $org }
apps-tried = { $why } Rhoddwyd cynnig { $times }.
not-saved = Heb ei gadw: { $reason }.
not-deleted = Heb ei ddileu: { $reason }.
nothing-deleted = Chafodd dim ei ddileu: { $reason }.
nothing-removed = Chafodd dim ei dynnu: { $reason }. Rhowch gynnig arall arni.
device-saved-now = Wedi'i gadw. Mae hon bellach yn { $mode }.
device-it-is-shared = Dyfais a rennir yw hi: mae pob person yn diogelu eu ceisiadau gyda PIN, ac mae'n cloi ar ôl { $minutes } heb ei defnyddio.
device-keeps-without-pin = { $apps ->
    [0] Mae'r ddyfais hon yn cadw manylion heb PIN. Cyn i chi ei rhannu, dilëwch nhw yn Amdanaf i, fel nad yw'r person nesaf yn gallu eu gweld.
   *[other] Mae'r ddyfais hon yn cadw ceisiadau ({ $apps }) heb PIN. Cyn i chi ei rhannu, dilëwch nhw yn Fy ngheisiadau ac Amdanaf i, fel nad yw'r person nesaf yn gallu eu gweld.
}
device-vaults-left = Mae gan bobl ({ $people }) ddrafftiau wedi'u cloi gyda PIN ar y ddyfais hon. Mae angen iddyn nhw orffen yn gyntaf, neu defnyddiwch “Dileu drafftiau pawb” isod.
actions-copy-link = Copïwch y ddolen hon: { $url }
actions-save = Cadw
actions-saved = Wedi'i gadw
pin-page-sent-and-status = Ceisiadau wedi'u hanfon: { $n } (a'u statws ar y ddyfais hon)
paper-standard = Print safonol
paper-large = Print bras
paper-easy-read = Hawdd ei Ddeall
paper-braille = Braille
paper-audio = Sain
paper-electronic = Drwy e-bost neu ar sgrin
app-status-received = Wedi dod i law: mae gan y trefnwyr eich cais
app-status-shortlisted = Ar y rhestr fer: hoffai'r trefnwyr wybod mwy
app-status-selected = Wedi'ch dewis: mae gennych chi le
app-status-not-selected = Heb eich dewis y tro hwn
app-status-took-part = Fe wnaethoch chi gymryd rhan
app-status-paid = Fe wnaethoch chi gymryd rhan ac rydych chi wedi cael eich talu
app-status-withdrawn = Wedi'i dynnu'n ôl: mae eich manylion wedi'u dileu
device-mode-personal = Dyfais bersonol
device-mode-shared = Dyfais a rennir
notice-check-answers = Daeth system y trefnwyr o hyd i broblem gyda rhai atebion. Gwiriwch nhw ac anfon eto.
notice-listing-closed = Caeodd y cyfle hwn cyn i'ch cais gyrraedd, felly chafodd e ddim ei anfon. Mae eich atebion wedi'u cadw yma.
notice-listing-withdrawn = Tynnodd y trefnwyr y cyfle hwn yn ôl, felly chafodd eich cais ddim ei anfon. Mae eich atebion wedi'u cadw yma.
notice-cannot-apply-here = Dydy'r cyfle hwn ddim yn derbyn ceisiadau yn Drws Agored mwyach, felly chafodd eich un chi ddim ei anfon. Mae eich atebion wedi'u cadw yma.
notice-not-accepted = Chafodd eich cais ddim ei dderbyn: { $reason }. Mae eich atebion wedi'u cadw yma.

## More fixed words

saved-lede = Cyfleoedd a chwiliadau rydych chi wedi'u cadw. Maen nhw'n cael eu cadw ar y ddyfais hon ac yn gweithio all-lein.
device-each-person-sets-pin = Yna mae pob person yn gosod ei PIN ei hun pan fydd yn dechrau cais. Gofynnwch iddyn nhw bwyso Cloi neu “Rydw i wedi gorffen” cyn gadael.

## Form errors

form-contact-by = Dewiswch sut hoffech chi gael eich cysylltu
form-name = Rhowch eich enw
form-email-missing = Rhowch eich cyfeiriad e-bost
form-email-format = Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com
form-phone-missing = Rhowch eich rhif ffôn
form-phone-format = Rhowch rif ffôn, fel 01632 960 001 neu 07700 900 982
form-address = Rhowch eich cyfeiriad post
form-helper-name = Rhowch enw'r person sy'n helpu
form-helper-agreed = Cadarnhewch fod y person sy'n gwneud cais yn cytuno i'r atebion hyn gael eu hanfon
form-consent = Cadarnhewch eich bod yn cytuno i'ch atebion gael eu rhannu gyda'r trefnwyr
form-too-long = Rhaid i hwn fod yn { $max } nod neu lai
form-choose-answer = Dewiswch ateb
form-answer-question = Atebwch y cwestiwn hwn
form-check-answer-it = Gwiriwch yr ateb hwn: { $why }
form-check-answer = Gwiriwch yr ateb hwn: { $why }

## News about applications

news-count = Mae gan rai o'ch ceisiadau newyddion: { $n }
news-summary = Newydd ers i chi edrych ddiwethaf: { $status ->
    [yes] mae'r statws wedi newid{ $feedback ->
        [yes] { $impact ->
            [yes] , mae neges newydd gan y trefnwyr ac mae'r trefnwyr wedi dweud beth newidiodd oherwydd y bobl a gymerodd ran.
           *[no] {" "}ac mae neges newydd gan y trefnwyr.
        }
       *[no] { $impact ->
            [yes] {" "}ac mae'r trefnwyr wedi dweud beth newidiodd oherwydd y bobl a gymerodd ran.
           *[no] .
        }
    }
   *[no] { $feedback ->
        [yes] mae neges newydd gan y trefnwyr{ $impact ->
            [yes] {" "}ac mae'r trefnwyr wedi dweud beth newidiodd oherwydd y bobl a gymerodd ran.
           *[no] .
        }
       *[no] mae'r trefnwyr wedi dweud beth newidiodd oherwydd y bobl a gymerodd ran.
    }
}

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
