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

## The personal screens: applying, My applications, About me, shared devices

apply-this-device-is-out = This device is out of storage space, so your latest answers are not saved. Free some space, then change any answer to save again.
apply-there-is-a-problem = There is a problem
apply-your-application-cant-be = Your application can't be opened
apply-you-have-already-sent = You have already sent this application, or it is waiting to send.
apply-your-answers-are-saved = Your answers are saved on this device.
apply-back-to-the-opportunity = Back to the opportunity
apply-this-closes-in-less = This closes in less than 48 hours. Send your application soon.
apply-your-answers-are-saved-2 = Your answers are saved on this device as you type, so you can stop and come back later, even without a connection.
apply-about-you = About you
apply-getting-help = Getting help
apply-sharing-your-answers = Sharing your answers
apply-they-will-use-them = They will use them only to organise this opportunity.
apply-keep-my-name-contact = Keep my name, contact details and support needs on this device for my next application
apply-dont-choose-this-on = Don't choose this on a shared computer. You can change or delete them at any time in About me.
apply-continue = Continue
check-your-answers-cant-be = Your answers can't be read
check-there-is-nothing-to = There is nothing to check
check-see-your-applications = See your applications
check-change = Change
check-not-answered = Not answered
check-yes = Yes
check-no = No
check-not-chosen = Not chosen
check-your-application-cant-be = Your application can't be sent from this shared device yet: the device has not connected to Open Door since it was set up, so it cannot seal applications for the organisers. Connect to the internet, then press Send again. Your answers are kept.
check-this-opportunity-has-closed = This opportunity has closed, so your application can't be sent. Your answers are kept on this device.
check-back-to-your-answers = Back to your answers
check-check-your-answers-before = Check your answers before sending
check-name = Name
check-how-to-contact-you = How to contact you
check-email-updates = Email updates
check-yes-email-me-when = Yes: email me when my application changes or the organisers write to me
check-support-to-take-part = Support to take part
check-none-given = None given
check-format-for-papers = Format for papers
check-no-preference = No preference
check-filled-in-with = Filled in with
check-no-one-i-filled = No one: I filled it in myself
check-now-send-your-application = Now send your application
check-if-youre-offline-it = If you're offline, it will be kept on this device and sent by itself when you're back online.
check-send-application = Send application
apps-draft-the-opportunity-has = Draft — the opportunity has closed, so it can't be sent
apps-draft-not-sent-see = Draft — not sent: see why
apps-draft-not-sent-yet = Draft — not sent yet
apps-waiting-to-send-well = Waiting to send — we'll try again
apps-an-application-you-have = An application you have not opened since something changed is marked New. Opening it marks it as seen.
apps-you-havent-started-any = You haven't started any applications on this device.
apps-waiting-to-send = Waiting to send
apps-drafts = Drafts
apps-sent = Sent
apps-what-changed = What changed:{" "}
apps-read-what-changed = Read what changed
apps-this-application-cant-be = This application can't be read
apps-application-not-found = Application not found
apps-there-is-no-application = There is no application here
apps-it-may-have-been = It may have been withdrawn or deleted.
apps-application-sent = Application sent
apps-your-reference = Your reference:{" "}
apps-what-has-happened = What has happened
apps-open-door-checks-for = Open Door checks for news each time it updates.
apps-your-application-is-saved = Your application is saved on this device. It will be sent by itself as soon as there is a connection, even if you close Open Door and come back later.
apps-send-now = Send now
apps-the-opportunity-has-closed = The opportunity has closed, so this draft can't be sent. You can still read your answers or delete it.
apps-back-to-my-applications = Back to my applications
apps-see-the-opportunity = See the opportunity
apps-withdraw-your-application = Withdraw your application
apps-delete-this-draft = Delete this draft
apps-this-tells-the-organisers = This tells the organisers you no longer want to take part, and deletes your answers from their system and this device.
apps-this-deletes-your-answers = This deletes your answers from this device. It can't be undone.
apps-are-you-sure-press = Are you sure? Press the button again to confirm.
apps-withdraw-application = Withdraw application
apps-delete-draft = Delete draft
about-saved-new-applications-will = Saved. New applications will start with these answers.
about-deleted-your-details-are = Deleted. Your details are no longer kept on this device.
about-if-you-keep-these = If you keep these answers on this device, each new application starts with them filled in.{" "}
about-they-never-leave-this = They never leave this device until you send an application.
about-your-answers-are-kept = Your answers are kept on this device.
about-nothing-is-kept-on = Nothing is kept on this device at the moment.
about-save-on-this-device = Save on this device
about-delete-my-details = Delete my details
pin-page-enter-your-pin = Enter your PIN
pin-page-your-applications-are-protected = Your applications are protected by a PIN
pin-page-this-is-a-shared = This is a shared device. Each person's drafts and details are locked with their own PIN, so the next person cannot see them.
pin-page-this-browser-cannot-protect = This browser cannot protect drafts here: Open Door needs a secure (https) address on a shared device. Ask the person who runs this device to open Open Door over https.
pin-page-show-pins-as-i = Show PINs as I type them (check nobody is watching)
pin-page-new-here-choose-a = New here? Choose a PIN
pin-page-if-you-forget-your = If you forget your PIN, nobody can get your drafts back — not us, and not the people who run this device. They can only be deleted.
pin-page-choose-a-pin = Choose a PIN
pin-page-at-least-6-characters = At least 6 characters: numbers, letters or both. Don't use a PIN you use for anything else, or one like 111111 or 123456.
pin-page-or-use-three-or = Or use three or four words, like “violin marble fog teacup”: much harder to guess, and still easy to remember. Spaces are fine.
pin-page-error = Error:{" "}
pin-page-type-the-same-pin = Type the same PIN again
pin-page-set-pin-and-continue = Set PIN and continue
pin-page-already-started-enter-your = Already started? Enter your PIN
pin-page-your-pin = Your PIN
pin-page-unlock = Unlock
pin-page-checking-your-pin-this = Checking your PIN. This takes a moment…
pin-page-im-finished = I'm finished
pin-page-this-device-is-clear = This device is clear
pin-page-start-again = Start again
pin-page-nobody-is-using-this = Nobody is using this device
pin-page-there-is-nothing-of = There is nothing of yours open here. If you used a PIN earlier, your drafts are locked.
pin-page-go-to-opportunities = Go to opportunities
pin-page-im-finished-clear-this = I'm finished — clear this device
pin-page-still-waiting-to-send = Still waiting to send
pin-page-these-stay-on-this = These stay on this device, sealed so that only the organisers can open them, and are sent by themselves when there is a connection. Nobody here can read them. The organisers will contact you with the details you gave.
pin-page-what-will-be-deleted = What will be deleted
pin-page-your-saved-details-about = Your saved details (About me)
pin-page-no-saved-details = No saved details
pin-page-deleted-things-cannot-be = Deleted things cannot be brought back.
pin-page-delete-my-things-and = Delete my things and finish
pin-page-not-yet-go-back = Not yet, go back
pin-page-locking-soon = Locking soon
pin-page-nobody-has-used-open = Nobody has used Open Door for a while, so it will lock in about 30 seconds to keep your answers private. Your answers are saved.
pin-page-stay-unlocked = Stay unlocked
device-lock = Lock
device-who-uses-this-device = Who uses this device?
device-on-a-shared-device = On a shared device, such as one at a drop-in centre, each person protects their applications with a PIN. You can change this later in settings.
device-only-me = Only me
device-several-people-shared-device = Several people (shared device)
device-settings = Settings
device-delete-every-persons-pin = Delete everyone's drafts and details on this device that are locked with a PIN? You cannot undo this. Applications already waiting to send will still be sent.
device-everyones-pin-protected-drafts = All drafts and details locked with a PIN are now deleted from this device.
device-how-is-this-device = How is this device used?
device-personal-only-i-use = Personal: only I use it
device-your-drafts-and-details = Your drafts and details are kept on it without a PIN.
device-shared-several-people-use = Shared: several people use it in turn
device-for-example-at-a = For example at a drop-in centre. Each person protects their drafts with a PIN, and it locks by itself.
device-on-a-shared-device-2 = On a shared device, lock after this long without use
device-save-settings = Save settings
device-reading = Reading
device-setting-up-a-centres = Setting up a centre's devices
device-open-this-link-once = Open this link once on each device to make it a shared device that locks after 5 minutes:
device-everyones-drafts = Everyone's drafts
device-if-people-have-left = If people have left drafts they will not come back for, you can delete every PIN-protected draft on this device.
device-delete-everyones-drafts = Delete everyone's drafts
device-set-up-this-device = Set up this device
device-setting-up = Setting up…
device-this-device-is-set = This device is set up
device-it-is-a-personal = It is a personal device: drafts are kept on it without a PIN.
device-this-device-was-not = This device was not set up
device-go-to-settings = Go to settings
news-page-new = New
actions-removed-from-your-saved = Removed from your saved opportunities.
actions-saved-you-can-find = Saved. You can find it on your Saved page, even offline.
actions-calendar-file-downloaded-open = Calendar file downloaded. Open it to add the closing date to your calendar.
actions-couldnt-make-the-calendar = Couldn't make the calendar file in this browser.
actions-add-closing-date-to = Add closing date to calendar
actions-share = Share
actions-link-copied-you-can = Link copied. You can paste it into a message or an email.
fields-email-address = Email address
fields-phone-number = Phone number
fields-postal-address = Postal address
fields-email-me-when-my = Email me when my application changes or the organisers write to me
fields-the-email-only-says = The email only says which opportunity it is about, never your answers. To stop these emails, withdraw your application.
fields-your-name = Your name
fields-what-you-would-like = What you would like to be called
fields-how-would-you-like = How would you like the organisers to contact you?
fields-email = Email
fields-phone = Phone
fields-post = Post
fields-do-you-need-any = Do you need any support to take part? (optional)
fields-for-example-a-bsl = For example a BSL interpreter, step-free access, papers in advance or regular breaks.
fields-what-format-would-you = What format would you like papers in? (optional)
fields-im-filling-this-in = I'm filling this in with someone
fields-for-example-a-volunteer = For example a volunteer, a friend or a support worker.
fields-name-of-the-person = Name of the person helping
fields-the-person-applying-has = The person applying has agreed to these answers being sent
fields-for-example-27-march = For example, 27 March 2027
fields-select-all-that-apply = Select all that apply.

## The personal screens: messages built from data

apply-not-saved = Your latest answers could not be saved on this device ({ $reason }).
apply-title = Apply: { $title }
apply-title-error = Error: Apply: { $title }
apply-your-application = Your application: { $title }
apply-consent = I agree to my answers being shared with { $org }
apply-cannot-send = You can't send this application: { $reason }. Your answers stay saved on this device.
apply-questions-from = Questions from { $org }
check-by-email = By email: { $detail }
check-by-phone = By phone: { $detail }
check-by-post = By post: { $detail }
check-title = Check your answers: { $title }
check-by-sending = By sending it you agree to your answers being shared with { $org }.
fields-limit = You can enter up to { $n } characters
fields-optional = { $label } (optional)
apps-for = for { $title }
apps-filled-in-with = Filled in with help from { $helper }.
apps-sent-on = Sent on { $date }
apps-status-sent-on = { $status } (sent on { $date })
apps-what-org-said = What { $org } said
apps-tried = { $why } Tried { $times }.
not-saved = Not saved: { $reason }.
not-deleted = Not deleted: { $reason }.
nothing-deleted = Nothing was deleted: { $reason }.
nothing-removed = Nothing was removed: { $reason }. Try again.
device-saved-now = Saved. This is now a { $mode }.
device-it-is-shared = It is a shared device: each person protects their applications with a PIN, and it locks after { $minutes } without use.
device-keeps-without-pin = { $apps ->
    [0] This device keeps saved details without a PIN. Before you share it, delete them in About me, so the next person cannot see them.
    [one] This device keeps 1 application without a PIN. Before you share it, delete it in My applications and About me, so the next person cannot see it.
   *[other] This device keeps { $apps } applications without a PIN. Before you share it, delete them in My applications and About me, so the next person cannot see them.
}
device-vaults-left = { $people ->
    [one] 1 person has drafts locked with a PIN on this device. They need to finish first, or use “Delete everyone's drafts” below.
   *[other] { $people } people have drafts locked with a PIN on this device. They need to finish first, or use “Delete everyone's drafts” below.
}
actions-copy-link = Copy this link: { $url }
actions-save = Save
actions-saved = Saved
pin-page-sent-and-status = { $n ->
    [0] No sent applications (and their status on this device)
    [one] 1 sent application (and its status on this device)
   *[other] { $n } sent applications (and their status on this device)
}
paper-standard = Standard print
paper-large = Large print
paper-easy-read = Easy Read
paper-braille = Braille
paper-audio = Audio
paper-electronic = By email or on screen
app-status-received = Received: the organisers have your application
app-status-shortlisted = Shortlisted: the organisers would like to know more
app-status-selected = Selected: you have a place
app-status-not-selected = Not selected this time
app-status-took-part = You took part
app-status-paid = You took part and have been paid
app-status-withdrawn = Withdrawn: your details have been deleted
device-mode-personal = Personal device
device-mode-shared = Shared device
notice-check-answers = The organisers' system found a problem with some answers. Check them and send again.
notice-listing-closed = This opportunity closed before your application arrived, so it was not sent. Your answers are kept here.
notice-listing-withdrawn = The organisers withdrew this opportunity, so your application was not sent. Your answers are kept here.
notice-cannot-apply-here = This opportunity no longer takes applications in Open Door, so yours was not sent. Your answers are kept here.
# $reason is the organisers' system's own words.
notice-not-accepted = Your application was not accepted: { $reason }. Your answers are kept here.

## More fixed words

saved-lede = Opportunities and searches you saved. They are kept on this device and work offline.
device-each-person-sets-pin = Each person then sets their own PIN when they start an application. Ask them to press Lock or “I'm finished” before they leave.

## Form errors

form-contact-by = Choose how you would like to be contacted
form-name = Enter your name
form-email-missing = Enter your email address
form-email-format = Enter an email address in the correct format, like name@example.com
form-phone-missing = Enter your phone number
form-phone-format = Enter a phone number, like 01632 960 001 or 07700 900 982
form-address = Enter your postal address
form-helper-name = Enter the name of the person helping
form-helper-agreed = Confirm that the person applying agrees to these answers being sent
form-consent = Confirm that you agree to your answers being shared with the organisers
form-too-long = This must be { $max } characters or fewer
form-choose-answer = Choose an answer
form-answer-question = Answer this question
# $why is the rule in English, such as "is not one of the options".
form-check-answer-it = Check this answer: it { $why }
form-check-answer = Check this answer: { $why }

## News about applications

news-count = { $n ->
    [one] 1 of your applications has news
   *[other] { $n } of your applications have news
}
# Which things are new: each of $status, $feedback, $impact is "yes" or "no".
news-summary = New since you last looked: { $status ->
    [yes] the status has changed{ $feedback ->
        [yes] { $impact ->
            [yes] , there is a new message from the organisers and the organisers have said what changed because of the people who took part.
           *[no] {" "}and there is a new message from the organisers.
        }
       *[no] { $impact ->
            [yes] {" "}and the organisers have said what changed because of the people who took part.
           *[no] .
        }
    }
   *[no] { $feedback ->
        [yes] there is a new message from the organisers{ $impact ->
            [yes] {" "}and the organisers have said what changed because of the people who took part.
           *[no] .
        }
       *[no] the organisers have said what changed because of the people who took part.
    }
}

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
