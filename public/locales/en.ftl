# Open Door's words in English: the source every other language is translated from.
#
# One message per entry: `id = text`. Keep every id; change only the text after `=`.
# `{ $name }` is a value the app puts in (a date, a name, a number): keep it, move it if the
# sentence needs it elsewhere. Plurals and other choices use Fluent's selectors:
# https://projectfluent.org/fluent/guide/selectors.html
# How to add or check a language: docs/translating.md.

## The frame of every screen

app-name = Open Door
tagline = Have your say in health and care services
skip-link = Skip to main content
footer = Open Door keeps listings on this device so you can read them without a connection.
nav-opportunities = Opportunities
nav-what-changed = What changed
nav-saved = Saved
nav-applications = My applications
nav-about-me = About me

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

list-title = Opportunities
list-heading = Opportunities to have your say
list-lede = Panels, groups, workshops and surveys where your experience of health and care services can shape them.
search-label = Search opportunities
search-hint = For example: dementia, carers, online survey. Results change as you type.
sort-label = Sort by
sort-relevance = Best match
sort-closing = Closing soonest
sort-newest = Newest
filters = Filters
save-search = Save this search
refresh = Refresh
show-more = Show more ({ $shown } of { $total } shown)
fact-type = Type
fact-where = Where
fact-payment = Payment
fact-closing = Closing date

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

## One opportunity

back-to-list = Back to all opportunities
detail-about = About this opportunity
detail-difference = What difference it will make
detail-support = Support you will get
detail-access = Access support
detail-no-access-listed = No specific access support is listed. Ask the organiser about what you need.
detail-who = Who it is for
detail-how-to-apply = How to apply
detail-no-longer-taken = Applications are no longer being taken.
detail-contact-to-apply = Contact the organiser to apply.
detail-apply-in-app = Apply here in Open Door. It works without a connection: your answers are saved as you go, and sent when you are back online.
detail-link-step-1 = Open the organiser's website with the button below.
detail-link-step-2 = Fill in their form. If it asks why you are interested, the message below may help.
detail-apply-on-site = Apply on the organiser's website (opens in a new tab)
detail-email-step-1 = Copy the message below and add a little about yourself.
detail-phone-step-2 = Say which opportunity you are calling about. The message below may help you say why you are interested.
detail-prepared-label = A message you can use
detail-not-found = We can't find this opportunity
detail-not-found-why = It may have been removed by the organiser, or the link may be wrong.
detail-see-all = See all open opportunities
banner-closed = This opportunity is closed. You can no longer apply.
banner-withdrawn = The organiser has withdrawn this opportunity. It is not going ahead.

## Frame, status and settings

nav-main = Main
page-title = { $title } – Open Door
status-region = Listings status
status-checking = Checking…
update-ready = A new version of Open Door is ready.
update-reload = Reload
page-not-found = Page not found
page-not-found-hint = If you typed the web address, check it is correct.
page-not-found-link = See all opportunities
text-size-legend = Text size
text-size-hint = Changes at once, on this device. Your browser's zoom still works too.
text-size-option = { $size } ({ $percent }%)
text-size-chosen = Text size: { $size }.
text-size-not-kept = Text size: { $size }. This browser won't keep it, so it will go back next time.
text-size-standard = Standard
text-size-large = Large
text-size-larger = Larger
text-size-largest = Largest

## More of the list, one opportunity, saved, what changed

loading = Loading…
filters-on = Filters ({ $n } on)
filters-clear = Clear all filters
filter-type-legend = Type of involvement
filter-how-legend = How it takes place
filter-payment-legend = Payment
filter-payment-hint = Tick both to see only paid roles that also cover expenses.
filter-access-legend = Access support offered
filter-access-hint = Only opportunities that offer every support you tick are shown.
filter-time-legend = Time needed
filter-closing-any = Any time
filter-topic-legend = Topic
near-legend = Near a place
near-hint = Opportunities in person, within a distance. Your location stays on this device.
near-place-label = Town, city or postcode
near-distance-label = Distance
near-within = Within { $miles } miles
near-search = Search near this place
near-use-location = Use my location
near-remove = Remove distance filter
near-type-first = Type a town, city or postcode first.
near-finding = Finding where you are…
near-no-location = We couldn't get your location. You can type a town or postcode instead.
# $near is like "within 10 miles of Leeds".
near-active = Showing opportunities { $near } ({ $count }).
near-press-use-location = Press “Use my location” to find opportunities near you. Until then, this filter is off.
near-no-map-location = We don't have a map location for “{ $place }”, so only opportunities that name it are shown. Try a nearby city, or the first part of a postcode such as LS6.
list-loading = Loading saved listings…
list-cannot-read = Saved listings can't be read
list-nothing-matches = Nothing matches
list-nothing-matches-hint = Try fewer or different words, or remove a filter.
list-found-label = Opportunities found
list-new-matches = { $n ->
    [one] 1 new match for your saved searches
   *[other] { $n } new matches for your saved searches
}
search-saved = Search saved: { $search }. Your Saved page will show new matches.
search-not-saved = Couldn't save the search: { $reason }.
list-first-sync = Getting the latest opportunities. This can take a moment on a slow connection.
list-none-yet = No listings on this device yet
list-none-yet-offline = You're offline. Connect to the internet and press Refresh, and listings will be saved here to read later without a connection.
list-none-open = No open opportunities right now
list-none-open-hint = New ones are added often. Press Refresh or check back soon.
first-paint-filters = The filters are ready once this page has finished loading. You can search and open any opportunity now.
first-paint-none-open-hint = New ones are added often. Check back soon.
first-paint-nothing-matches-hint = Try fewer or different words.

detail-cannot-read = This listing can't be read
detail-getting = Getting this opportunity…
detail-not-found-title = Opportunity not found
detail-from = From
new-tab = { $name } (opens in a new tab)
detail-last-updated = Last updated { $date }
detail-licence = Licence:
detail-sources = Where this listing comes from
impact-heading = What changed because of you
impact-from = From { $org }, { $date }
fact-time = Time needed
fact-dates = Dates
fact-topics = Topics
detail-expenses-paid = Expenses paid: { $expenses }
detail-minimum-age = You need to be { $age } or over.
detail-email-step-2 = Email it to:
detail-phone-step-1 = Phone:
detail-contact = Contact
detail-email = Email:
detail-phone = Phone:
detail-apply = Apply
detail-started = You have started an application. Your answers are saved on this device.
detail-continue = Continue your application
detail-applied = You have applied for this.
detail-see-application = See your application
detail-copied = Copied. You can now paste it.
detail-not-copied = Couldn't copy: select the message and copy it yourself.
detail-copy = Copy message

saved-cannot-read = Saved items can't be read
saved-listings = Saved opportunities
saved-no-listings = You haven't saved any opportunities yet. Press “Save” on an opportunity to keep it here, even offline.
saved-searches = Saved searches
saved-no-searches = No saved searches yet. Search or filter the list, then press “Save this search”. We'll show new matches here after each update. Nothing leaves your device.
saved-gone = No longer listed. The organiser may have withdrawn it.
saved-closed = Closed. You can no longer apply.
saved-withdrawn = Withdrawn. The organiser has withdrawn this opportunity.
saved-remove = Remove
saved-remove-listing = Remove { $title } from saved
saved-remove-search = Remove saved search: { $search }
saved-matches-in-all = { $n ->
    [one] 1 match in all
   *[other] { $n } matches in all
}

what-changed-heading = What changed because of people like you
what-changed-lede = After an activity, organisers can tell everyone what changed because of the people who took part.
what-changed-none = No organiser has said what changed yet. They usually write this a few weeks after an activity ends, so check back later.
what-changed-find = Find an opportunity
what-changed-open = Still open: you can apply
what-changed-written = Written on { $date }. { $state }.

## Reading: Easy Read and Listen

easy-read-heading = Easy Read
easy-read-label = Easy Read
easy-read-hint = Show the Easy Read version of an opportunity first, when it has one: short sentences and common words.
easy-read-on = Easy Read is on. Opportunities with an Easy Read version show it first.
easy-read-off = Easy Read is off.
easy-read-not-kept = This browser won't keep that choice, so it will go back next time.
benefits-note-easy = Being paid can change your benefits. Before you say yes, talk to someone who knows about benefits. You can ask the organiser to pay you in vouchers, or not to pay you.
easy-apply-intro =
    You can ask to take part here.

    You answer some questions. You can stop and carry on later. Your answers stay on this phone or computer.

    You check your answers. Then you press Send.

    You do not need the internet to start. We send it when you are online.
easy-next-intro =
    We have sent your application to the organisers.

    The organisers will read it. They will tell you what happens next. This can take a few weeks.

    You can see any news in My applications.

    You can say no at any time. Press Withdraw to stop.
listen-play = Listen
listen-pause = Pause
listen-resume = Carry on listening
listen-stop = Stop

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
filter-written = Written in { $language }
filter-written-legend = Language
filter-written-only = Only opportunities written in { $language }
time-ongoing = Regular, over months

## Choosing a language

language-nav = Language
language-legend = Language
language-hint = Open Door's own words change at once, on this device. Opportunities stay in the language they were written in.
language-needs-review = This translation has not yet been checked by a native speaker.
language-getting = Getting { $language }…
language-offline = That language is not on this device yet and there is no connection. Try again when you are online.
language-refused = That language could not be fetched (error { $code }). Try again later.
