# Open Door's words in Welsh (Cymraeg). Translated from en.ftl; see docs/translating.md.
#
### Needs review: written without a native Welsh speaker. Every message needs checking by one
### before this is relied on; mark each checked section by deleting this line when all are done.
#
# Place names come from listings and are not mutated, so sentences avoid "yn" + place.

## The frame of every screen

app-name = Drws Agored

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
time-ongoing = Rheolaidd, dros fisoedd

## Choosing a language

language-nav = Iaith
language-legend = Iaith
language-hint = Mae geiriau Drws Agored ei hun yn newid ar unwaith, ar y ddyfais hon. Mae cyfleoedd yn aros yn yr iaith y cawson nhw eu hysgrifennu ynddi.
language-needs-review = Dydy siaradwr Cymraeg iaith gyntaf ddim wedi gwirio'r cyfieithiad hwn eto.
language-getting = Wrthi'n cael { $language }…
language-offline = Dydy'r iaith honno ddim ar y ddyfais hon eto a does dim cysylltiad. Rhowch gynnig arall arni pan fyddwch ar-lein.
language-refused = Doedd dim modd cael yr iaith honno (gwall { $code }). Rhowch gynnig arall arni nes ymlaen.
