# Open Door's words in English: the source every other language is translated from.
#
# One message per entry: `id = text`. Keep every id; change only the text after `=`.
# `{ $name }` is a value the app puts in (a date, a name, a number): keep it, move it if the
# sentence needs it elsewhere. Plurals and other choices use Fluent's selectors:
# https://projectfluent.org/fluent/guide/selectors.html
# How to add or check a language: docs/translating.md.

## The frame of every screen

app-name = Open Door

## Listings: what kind, where, access, payment

kind-advisory-group = Advisory group or panel
kind-co-design = Co-design workshop
kind-research-advisor = Research advisor
kind-consultation = Survey or consultation
kind-interview = Interview or focus group
kind-lived-experience = Lived experience or peer role
kind-committee = Committee or board
kind-other = Other involvement

access-bsl = BSL interpreter
access-easy-read = Easy Read papers
access-papers-in-advance = Papers sent in advance
access-step-free = Step-free venue
access-hearing-loop = Hearing loop
access-carer-costs = Carer or PA costs paid
access-travel-up-front = Travel paid up front
access-breaks = Regular breaks
access-data-or-device = Data or a device provided

expense-travel = Travel
expense-childcare = Childcare
expense-carer = Carer costs
expense-meals = Meals
expense-phone = Phone or data
expense-other = Other costs

attendance-online = Online
attendance-phone = By phone
attendance-post = By post
attendance-in-person = In person in { $place }
attendance-hybrid = Online or in person in { $place }

pay-unpaid = Unpaid
pay-expenses-only = Unpaid, expenses covered
# $amount is money already written out, like "£25".
pay-money = { $unit ->
    [hour] { $amount } an hour
    [session] { $amount } a session
    [day] { $amount } a day
    [meeting] { $amount } a meeting
    [month] { $amount } a month
    [year] { $amount } a year
   *[total] { $amount } in total
}
pay-vouchers = { $unit ->
    [hour] { $amount } in vouchers an hour
    [session] { $amount } in vouchers a session
    [day] { $amount } in vouchers a day
    [meeting] { $amount } in vouchers a meeting
    [month] { $amount } in vouchers a month
    [year] { $amount } in vouchers a year
   *[total] { $amount } in vouchers in total
}
benefits-note = Being paid can affect some benefits. Before you say yes, you can ask the organiser to pay in vouchers or not at all, and check with a benefits adviser (such as Citizens Advice) or your Jobcentre work coach.

## Dates and times

month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
# "3 December 2026"
date = { $day } { $month } { $year }
time-am = { $time }am
time-pm = { $time }pm
# "Tuesday 3 December 2026, 6:30pm"
date-time = { $weekday } { $date }, { $time }
session-to = { $start } to { $end }
session-note = { $session } ({ $note })

closing-withdrawn = Withdrawn
closing-closed = Closed
closing-closed-on = Closed on { $date }
closing-none = No closing date
closing-today = Closes today
closing-tomorrow = Closes tomorrow
closing-on = Closes { $date }

ago-now = just now
ago-minutes = { $n ->
    [one] 1 minute ago
   *[other] { $n } minutes ago
}
ago-hours = { $n ->
    [one] 1 hour ago
   *[other] { $n } hours ago
}
ago-yesterday = yesterday
ago-days = { $n ->
    [one] 1 day ago
   *[other] { $n } days ago
}
ago-on = on { $date }

minutes = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}
times = { $n ->
    [one] 1 time
   *[other] { $n } times
}

## Getting listings: the status line

status-first-sync = Getting the latest opportunities…
status-syncing = Checking for new opportunities…
status-updated = Updated { $ago }
status-never = Not updated yet
# $saved: "saved" when listings are kept on the device, else "none". $since: "yes" when $ago is known.
status-offline = Offline — { $saved ->
    [saved] showing saved listings{ $since ->
        [yes] {" "}(updated { $ago })
       *[no] {""}
    }
   *[none] no listings saved yet
}
status-failed = Couldn't update: { $reason }.{ $saved ->
    [saved] {" "}Showing saved listings{ $since ->
        [yes] {" "}(updated { $ago }).
       *[no] .
    }
   *[none] {""}
}

sync-offline = no connection
sync-not-found = the feed could not be found (error 404)
sync-server-problem = the listings server is having problems (error { $code })
sync-refused = the listings server refused (error { $code })
# $detail is a technical description of what was wrong with the feed, in English.
sync-bad-page = { $detail }
sync-storage-full = this device is out of storage space. Free some space and try again
sync-storage = saving on this device failed ({ $detail })
sync-too-many-pages = the feed has more than { $pages } new pages; the rest will load next time

skipped = { $n ->
    [one] 1 listing from the feed could not be shown
   *[other] { $n } listings from the feed could not be shown
}

## The list

count-open = { $open ->
    [one] 1 open opportunity
   *[other] { $open } open opportunities
}
count-none-match = { $open ->
    [one] The 1 open opportunity does not match
   *[other] None of the { $open } open opportunities match
}
count-the-one-matches = The 1 open opportunity matches
count-match = { $found ->
    [one] 1 of { $open } open opportunities matches
   *[other] { $found } of { $open } open opportunities match
}

# "A, B and C": $rest is "A, B".
list-and = { $rest } and { $last }
attribution = Listed by { $org }, from { $sources }
source-licence = { $source } shares it under the licence { $licence }
source-no-licence = { $source } states no licence for it

## Applying elsewhere

prepared-message =
    Hello,

    I would like to apply for "{ $title }" with { $org }. I found it on Open Door.

    {"["}Say a little about yourself and why you are interested.]

    Please tell me what happens next.

    Thank you.

## Sending applications

failure-no-connection = There was no connection.
failure-timed-out = The connection was too slow.
failure-server-error = The organisers' system had a problem.
failure-busy = The organisers' system was busy.

news-sent = Application sent.
news-waiting = Saved on this device. It will be sent by itself when there is a connection.
news-status = News about your application: { $status }.
news-feedback = News about your application: the organisers have written to you.

no-secure-random = This browser can't make the secret code that keeps your application private, so it was not sent. Your answers are kept. Try another browser, or update this one.

withdraw-offline = You need a connection to withdraw. Nothing has changed: try again when you are online.
withdraw-refused = The organisers' system did not accept the withdrawal (error { $code }). Try again later.
withdraw-storage = Withdrawn, but this device could not update its list: { $detail }

## Shared devices and storage

removed = Removed from this device: { $drafts ->
    [0] no drafts
    [one] 1 draft
   *[other] { $drafts } drafts
}, { $sent ->
    [0] no sent applications
    [one] 1 sent application
   *[other] { $sent } sent applications
}{ $details ->
    [yes] , your saved details.
   *[no] .
}
removed-waiting = { $n ->
    [one] 1 application is still waiting to send. It is sealed so only the organisers can open it, and it will be sent by itself when there is a connection.
   *[other] { $n } applications are still waiting to send. They are sealed so only the organisers can open them, and they will be sent by themselves when there is a connection.
}

crypto-unavailable = this browser cannot encrypt here: a shared device needs Open Door on a secure (https) address
crypto-does-not-open = that could not be unlocked
crypto-damaged = stored data is damaged ({ $what })
crypto-failed = encryption failed ({ $detail })

storage-unavailable = this browser won't let Open Door save listings ({ $detail })
storage-full = this device is out of storage space
storage-stopped = saving was stopped; this device may be out of storage space
storage-locked = your drafts are locked: enter your PIN to carry on
storage-no-seal-key = this shared device has not yet connected to Open Door, so it cannot seal applications for sending; connect to the internet once and try again

pin-wrong = That PIN did not unlock anything. Check it and try again.
pin-wait = Too many PINs that did not work. Wait { $seconds } seconds, then try again.
pin-in-use = That PIN cannot be used on this device. Choose a different one.
pin-crypto = Open Door could not protect your drafts: { $detail }.
pin-storage = Open Door could not use this device's storage: { $detail }.

## Searching and filters

opportunities = { $n ->
    [one] 1 opportunity
   *[other] { $n } opportunities
}
# $words is a list like "“memory”, “clinic” and “leeds”".
partial-note = { $complete ->
    [0] No opportunity matches all of { $words }; these match some of your words.
    [one] 1 opportunity matches all of { $words }; after it, these match some of your words.
   *[other] { $complete } opportunities match all of { $words }; after them, these match some of your words.
}
remove-word = { $n ->
    [one] Remove { $word }: 1 opportunity matches the rest
   *[other] Remove { $word }: { $n } opportunities match the rest
}
remove-filter = { $n ->
    [one] Remove the filter { $filter }: 1 opportunity
   *[other] Remove the filter { $filter }: { $n } opportunities
}
new-matches = { $n ->
    [0] No new matches
    [one] 1 new match
   *[other] { $n } new matches
}
near-you = within { $miles } miles of you
near-place = within { $miles } miles of { $place }
all-open = All open opportunities
mode-in-person = In person
filter-paid = Paid
filter-expenses = Expenses covered
filter-closing-week = Closing in the next 7 days
filter-closing-month = Closing in the next 30 days
time-one-off = One-off
time-few-sessions = A few sessions
time-ongoing = Regular, over months

## Choosing a language

language-nav = Language
language-legend = Language
language-hint = Open Door's own words change at once, on this device. Opportunities stay in the language they were written in.
language-needs-review = This translation has not yet been checked by a native speaker.
language-getting = Getting { $language }…
language-offline = That language is not on this device yet and there is no connection. Try again when you are online.
language-refused = That language could not be fetched (error { $code }). Try again later.
