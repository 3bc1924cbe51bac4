//! Search, filters, sorting, the URL round trip, saved searches and .ics, on a fixed corpus.

use std::collections::HashSet;

use opendoor_core::filter::{
    self, find, time_needed, ClosingWithin, Context, Filters, Mode, Near, Origin, Pay, Sort,
    TimeNeeded, HERE,
};
use opendoor_core::ics;
use opendoor_core::listing::{
    AccessSupport, Attendance, Geo, InvolvementKind, Listing, ListingStatus, Payment, Place,
};
use opendoor_core::query::{decode, encode, Query};
use opendoor_core::saved::{describe, new_matches_words, SavedSearch};
use opendoor_core::search::{highlight, Index};
use time::macros::{date, datetime};
use time::Date;

const TODAY: Date = date!(2026 - 11 - 26);

fn template() -> Listing {
    let page = opendoor_core::parse_page(include_bytes!("../../public/feed/page-1.json")).unwrap();
    match page.items.into_iter().next() {
        Some(opendoor_core::Item::Updated { listing, .. }) => *listing,
        _ => unreachable!(),
    }
}

struct L(Listing);

impl L {
    fn new(id: &str, title: &str, summary: &str, description: &str) -> L {
        let mut l = template();
        l.id = id.into();
        l.title = title.into();
        l.summary = summary.into();
        l.description = description.into();
        l.organisation.name = "Northgate NHS Trust".into();
        l.topics = vec![];
        l.kind = InvolvementKind::AdvisoryGroup;
        l.attendance = Attendance::Online;
        l.payment = Payment::None;
        l.expenses = vec![];
        l.access_support = vec![];
        l.time_commitment = "One visit of about 1 hour".into();
        l.sessions = vec![];
        l.closing_date = Some(date!(2027 - 03 - 01));
        l.status = ListingStatus::Open;
        l.last_updated = datetime!(2026-11-01 12:00 UTC);
        L(l)
    }
    fn org(mut self, o: &str) -> L {
        self.0.organisation.name = o.into();
        self
    }
    fn topics(mut self, t: &[&str]) -> L {
        self.0.topics = t.iter().map(|s| s.to_string()).collect();
        self
    }
    fn kind(mut self, k: InvolvementKind) -> L {
        self.0.kind = k;
        self
    }
    fn at(mut self, a: Attendance) -> L {
        self.0.attendance = a;
        self
    }
    fn pay(mut self, p: Payment) -> L {
        self.0.payment = p;
        self
    }
    fn travel(mut self) -> L {
        self.0.expenses = vec![opendoor_core::listing::Expense::Travel];
        self
    }
    fn access(mut self, a: &[AccessSupport]) -> L {
        self.0.access_support = a.to_vec();
        self
    }
    fn closes(mut self, d: Option<Date>) -> L {
        self.0.closing_date = d;
        self
    }
    fn time(mut self, t: &str) -> L {
        self.0.time_commitment = t.into();
        self
    }
    fn status(mut self, s: ListingStatus) -> L {
        self.0.status = s;
        self
    }
    fn updated(mut self, t: time::OffsetDateTime) -> L {
        self.0.last_updated = t;
        self
    }
}

fn place(name: &str, postcode: Option<&str>, geo: Option<(f64, f64)>) -> Place {
    Place {
        name: name.into(),
        address: None,
        postcode: postcode.map(str::to_owned),
        geo: geo.map(|(lat, lng)| Geo { lat, lng }),
    }
}

fn paid() -> Payment {
    Payment::Paid {
        amount_pence: opendoor_core::listing::Pence(2500),
        per: opendoor_core::listing::PayUnit::Hour,
        method: Default::default(),
    }
}

/// The fixed corpus.
fn corpus() -> Vec<Listing> {
    use AccessSupport::*;
    use InvolvementKind::*;
    vec![
        L::new("dementia-panel", "Dementia carers panel",
            "Help us improve support for families living with dementia.",
            "Monthly meetings with the memory service team. We want to hear from carers.")
            .topics(&["Dementia", "Carers"]).kind(AdvisoryGroup)
            .at(Attendance::InPerson { place: place("Leeds", Some("LS2 7JF"), Some((53.7985, -1.5396))) })
            .pay(paid()).travel().access(&[StepFreeVenue, HearingLoop])
            .time("2 hours a month for at least a year").closes(Some(date!(2026 - 11 - 30))).0,
        L::new("memory-survey", "Memory clinic survey",
            "Tell us about your visit to the memory clinic.",
            "A short survey. Some people who come to us have dementia, and their carers often come too.")
            .topics(&["Dementia"]).kind(Consultation).at(Attendance::Online)
            .time("About 15 minutes").closes(Some(date!(2026 - 12 - 20))).0,
        L::new("diabetes-codesign", "Design a diabetes app with us",
            "Three workshops to shape a new app for people with type 2 diabetes.",
            "We will pay you for your time and cover travel. Lunch is provided.")
            .topics(&["Diabetes", "Digital health"]).kind(CoDesign)
            .at(Attendance::Hybrid { place: place("Bradford", Some("BD7 1PD"), Some((53.788, -1.769))) })
            .pay(paid()).travel().access(&[EasyRead, Breaks])
            .time("3 workshops of 3 hours").closes(Some(date!(2027 - 01 - 15))).0,
        L::new("diabetic-foot", "Foot care research advisers",
            "Advise researchers on a study of foot ulcers.",
            "For people with diabetes who have had foot problems. Papers are sent by post.")
            .topics(&["Diabetes", "Research"]).kind(ResearchAdvisor).at(Attendance::ByPost)
            .pay(Payment::ExpensesOnly).access(&[PapersInAdvance, EasyRead])
            .time("4 online meetings over 18 months, plus some reading").closes(None).0,
        L::new("maternity-voices", "Maternity voices partnership",
            "Shape maternity care at the hospital.",
            "Parents who gave birth in the last two years. Babies welcome at meetings.")
            .topics(&["Maternity", "Babies and children"]).kind(CommitteeOrBoard)
            .at(Attendance::InPerson { place: place("London", Some("N1 9AB"), Some((51.535, -0.123))) })
            .access(&[StepFreeVenue, CarerOrPaCosts])
            .time("90 minutes every 2 months").closes(Some(date!(2026 - 12 - 02)))
            .updated(datetime!(2026-11-20 09:00 UTC)).0,
        L::new("mental-health-phone", "Mental health phone interviews",
            "A phone call about crisis services.",
            "We talk for up to an hour about what helped and what did not.")
            .org("Mindful Research CIC").topics(&["Mental health"]).kind(InterviewOrFocusGroup)
            .at(Attendance::Phone).pay(paid()).access(&[DataOrDevice])
            .time("One phone call of up to 1 hour").closes(Some(date!(2026 - 12 - 10))).0,
        L::new("peer-role", "Peer support worker (lived experience)",
            "A paid role supporting people after a mental health crisis.",
            "Use your own lived experience to help others. Training and supervision included.")
            .topics(&["Mental health", "Peer support"]).kind(LivedExperienceRole)
            .at(Attendance::InPerson { place: place("Ashworth", Some("BL9 0AW"), None) })
            .pay(paid()).time("About 4 hours a week for 6 months").closes(Some(date!(2027 - 02 - 01))).0,
        L::new("closed-one", "Dementia cafe reference group", "Closed already.", "Dementia.")
            .topics(&["Dementia"]).status(ListingStatus::Closed).0,
        L::new("past-date", "Dementia walk feedback", "Closing date passed.", "Dementia.")
            .topics(&["Dementia"]).closes(Some(date!(2026 - 11 - 01))).0,
        L::new("withdrawn-one", "Diabetes cookery panel", "Withdrawn.", "Diabetes.")
            .status(ListingStatus::Withdrawn).0,
    ]
}

fn index(all: &[Listing]) -> Index {
    let mut ix = Index::new();
    for l in all {
        ix.upsert(l);
    }
    ix
}

fn top(ix: &Index, q: &str) -> Vec<String> {
    ix.search(q).hits.into_iter().map(|h| h.id.into()).collect()
}

fn cx() -> Context<'static> {
    Context {
        today: TODAY,
        origin: None,
    }
}

fn ids(r: &filter::Results) -> Vec<String> {
    r.listings.iter().map(|l| l.id.clone()).collect()
}

fn run(all: &[Listing], text: &str, f: &Filters, sort: Sort) -> Vec<String> {
    let ix = index(all);
    ids(&find(all, &ix, text, f, sort, &cx()))
}

// --- ranking -------------------------------------------------------------------------------

#[test]
fn named_queries_rank_the_expected_listings_first() {
    let all = corpus();
    let ix = index(&all);
    // A word in the title beats the same word only in the description.
    let dementia = top(&ix, "dementia");
    assert_eq!(dementia[0], "dementia-panel");
    assert!(dementia.contains(&"memory-survey".to_owned()));
    assert_eq!(top(&ix, "memory clinic")[0], "memory-survey");
    // One listing has both words: it comes first, then (fewer than a screenful had every
    // word) the listings with one of them.
    assert_eq!(top(&ix, "diabetes app")[0], "diabetes-codesign");
    assert_eq!(ix.search_explained("diabetes app").complete, 1);
    assert_eq!(top(&ix, "diabetes")[0], "diabetes-codesign");
    assert_eq!(top(&ix, "maternity")[0], "maternity-voices");
    // The organisation is searched.
    assert_eq!(top(&ix, "mindful"), ["mental-health-phone"]);
    // Topics are searched: "Peer support" is a topic and in the title.
    assert_eq!(top(&ix, "peer support")[0], "peer-role");
    // When no listing has every word, the best partial matches are shown, and the search
    // says so (`all` is false) with how many listings each word would leave.
    let both = ix.search_explained("dementia diabetes");
    assert!(!both.all);
    let found: Vec<&str> = both.found.hits.iter().map(|h| h.id.as_str()).collect();
    assert!(found.contains(&"dementia-panel") && found.contains(&"diabetes-codesign"));
    assert_eq!(both.parts.len(), 2);
    assert_eq!(both.parts[0].label, "dementia");
    assert_eq!(both.parts[0].without, both.parts[1].matching);
    // With a screenful of listings that have every word, only those are found.
    let many: Vec<Listing> = (0..12)
        .map(|i| L::new(&format!("d{i:02}"), "Diabetes app panel", "", "").0)
        .chain([L::new("other", "Diabetes survey", "", "").0])
        .collect();
    let s = index(&many).search_explained("diabetes app");
    assert!(s.all);
    assert_eq!(s.found.hits.len(), 12);
    // Stop words alone find nothing (the list shows everything instead).
    assert!(top(&ix, "the and of").is_empty());
    // Case, accents and punctuation do not matter.
    assert_eq!(top(&ix, "DÉMENTIA!")[0], "dementia-panel");
}

#[test]
fn prefixes_match_the_start_of_words() {
    let all = corpus();
    let ix = index(&all);
    assert_eq!(top(&ix, "matern")[0], "maternity-voices");
    assert_eq!(top(&ix, "diab")[0], "diabetes-codesign");
    assert!(top(&ix, "diab").contains(&"diabetic-foot".to_owned()));
    // Search as you type: each prefix of "dementia" already finds the panel first.
    for n in 3..=8 {
        assert_eq!(top(&ix, &"dementia"[..n])[0], "dementia-panel", "{n}");
    }
    // Only the start of a word: "mentia" is not a word's beginning.
    assert!(top(&ix, "mentia").is_empty());
    // The exact word outranks a longer word it begins ("carer" vs "carers" fold to one; "peer" is exact).
    // The words to mark are stems: "memory" and "memories" are marked alike.
    let found = ix.search("memory");
    assert!(found.words.contains("memori"));
}

#[test]
fn one_typo_is_forgiven_in_words_of_five_or_more_letters() {
    let all = corpus();
    let ix = index(&all);
    assert_eq!(
        top(&ix, "dementai")[0],
        "dementia-panel",
        "two letters swapped"
    );
    assert_eq!(top(&ix, "demntia")[0], "dementia-panel", "a letter missing");
    assert_eq!(top(&ix, "dementiia")[0], "dementia-panel", "a letter extra");
    assert_eq!(
        top(&ix, "maternaty")[0],
        "maternity-voices",
        "a letter changed"
    );
    // Two typos are too many.
    assert!(top(&ix, "dimentai").is_empty());
    // Four-letter words get one typo with a tighter rule: the first two letters as typed,
    // no letter dropped. Three-letter words get none.
    assert_eq!(top(&ix, "foor")[0], "diabetic-foot");
    assert!(top(&ix, "ofot").is_empty());
    assert!(top(&ix, "fot").is_empty());
    assert_eq!(top(&ix, "foot")[0], "diabetic-foot");
    // A word that is in the index is taken as meant: no typo neighbours are added.
    let two = vec![
        L::new("mental", "Mental health group", "", "").0,
        L::new("dental", "Dental care group", "", "").0,
    ];
    let ix = index(&two);
    assert_eq!(top(&ix, "mental"), ["mental"]);
    assert_eq!(top(&ix, "dental"), ["dental"]);
    assert_eq!(top(&ix, "mentl"), ["mental"]);
    // Accented letters count as one letter.
    let two = vec![L::new("ete", "Été workshop", "", "").0];
    let ix = index(&two);
    assert_eq!(top(&ix, "xteworkshop"), Vec::<String>::new());
    assert_eq!(top(&ix, "worksop"), ["ete"]);
}

#[test]
fn the_index_updates_incrementally() {
    let mut all = corpus();
    let mut ix = index(&all);
    assert_eq!(ix.len(), all.len());
    // Change one listing's title: old words stop matching it, new ones do.
    all[1].title = "Hearing aid survey".into();
    all[1].summary = "About hearing aids.".into();
    all[1].description = "Short.".into();
    ix.upsert(&all[1]);
    assert_eq!(ix.len(), all.len());
    assert!(!top(&ix, "memory").contains(&"memory-survey".to_owned()));
    // (The dementia panel says "hear": "hearing" meets it by stem, below the title match.)
    assert_eq!(top(&ix, "hearing")[0], "memory-survey");
    // Remove one: it is gone, others stay.
    ix.remove("dementia-panel");
    assert_eq!(ix.len(), all.len() - 1);
    assert!(!top(&ix, "dementia").contains(&"dementia-panel".to_owned()));
    ix.remove("no-such-id");
    // Add it back: the same ranking as a fresh index of the same listings.
    ix.upsert(&all[0]);
    let fresh = index(&all);
    for q in [
        "dementia",
        "diab",
        "carers",
        "hearing",
        "dementai",
        "mental health",
    ] {
        let a = ix.search(q).hits;
        let b = fresh.search(q).hits;
        assert_eq!(a.len(), b.len(), "{q}");
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.id, y.id, "{q}");
            assert!((x.score - y.score).abs() < 1e-4, "{q}");
        }
    }
}

#[test]
fn matched_words_are_highlighted_as_text() {
    let all = corpus();
    let ix = index(&all);
    let found = ix.search("dementa carer");
    let pieces = highlight("Dementia carers' <b>panel</b>", &found.words);
    let marked: Vec<&str> = pieces
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["Dementia", "carers"]);
    let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        joined, "Dementia carers' <b>panel</b>",
        "nothing lost or added"
    );
    assert_eq!(
        highlight("plain", &HashSet::new()),
        [opendoor_core::search::Piece {
            text: "plain".into(),
            hit: false
        }]
    );
}

// --- filters --------------------------------------------------------------------------------

#[test]
fn only_open_listings_are_found() {
    let all = corpus();
    let found = run(&all, "dementia", &Filters::default(), Sort::Relevance);
    for gone in ["closed-one", "past-date", "withdrawn-one"] {
        assert!(!found.contains(&gone.to_owned()));
    }
    let every = run(&all, "", &Filters::default(), Sort::Relevance);
    assert_eq!(every.len(), 7);
}

#[test]
fn each_filter_narrows_as_it_says() {
    let all = corpus();
    let f = |edit: fn(&mut Filters)| {
        let mut f = Filters::default();
        edit(&mut f);
        let mut v = run(&all, "", &f, Sort::ClosingSoonest);
        v.sort();
        v
    };
    assert_eq!(
        f(|f| f.kinds = vec![InvolvementKind::CoDesign, InvolvementKind::Consultation]),
        ["diabetes-codesign", "memory-survey"]
    );
    assert_eq!(
        f(|f| f.topics = vec!["diabetes".into()]),
        ["diabetes-codesign", "diabetic-foot"]
    );
    assert_eq!(f(|f| f.modes = vec![Mode::Phone]), ["mental-health-phone"]);
    // Hybrid counts as online and as in person.
    assert_eq!(
        f(|f| f.modes = vec![Mode::Online]),
        ["diabetes-codesign", "memory-survey"]
    );
    assert_eq!(
        f(|f| f.modes = vec![Mode::InPerson, Mode::ByPost]),
        [
            "dementia-panel",
            "diabetes-codesign",
            "diabetic-foot",
            "maternity-voices",
            "peer-role"
        ]
    );
    assert_eq!(
        f(|f| f.pay = vec![Pay::Paid]),
        [
            "dementia-panel",
            "diabetes-codesign",
            "mental-health-phone",
            "peer-role"
        ]
    );
    assert_eq!(
        f(|f| f.pay = vec![Pay::Expenses]),
        ["dementia-panel", "diabetes-codesign", "diabetic-foot"]
    );
    // Payment choices narrow: paid AND expenses.
    assert_eq!(
        f(|f| f.pay = vec![Pay::Paid, Pay::Expenses]),
        ["dementia-panel", "diabetes-codesign"]
    );
    assert_eq!(
        f(|f| f.access = vec![AccessSupport::EasyRead]),
        ["diabetes-codesign", "diabetic-foot"]
    );
    // Access choices narrow: every one ticked must be offered.
    assert_eq!(
        f(|f| f.access = vec![AccessSupport::EasyRead, AccessSupport::Breaks]),
        ["diabetes-codesign"]
    );
    assert_eq!(
        f(|f| f.closing = Some(ClosingWithin::Week)),
        ["dementia-panel", "maternity-voices"]
    );
    assert_eq!(
        f(|f| f.closing = Some(ClosingWithin::Month)),
        [
            "dementia-panel",
            "maternity-voices",
            "memory-survey",
            "mental-health-phone"
        ]
    );
    assert_eq!(
        f(|f| f.time = vec![TimeNeeded::OneOff]),
        ["memory-survey", "mental-health-phone"]
    );
    assert_eq!(
        f(|f| f.time = vec![TimeNeeded::FewSessions]),
        ["diabetes-codesign", "diabetic-foot"]
    );
    assert_eq!(
        f(|f| f.time = vec![TimeNeeded::Ongoing]),
        ["dementia-panel", "maternity-voices", "peer-role"]
    );
}

#[test]
fn time_needed_is_read_from_the_words() {
    let t = |s: &str| time_needed(&L::new("x", "x", "x", "x").time(s).0);
    assert_eq!(t("One visit of about 1 hour"), TimeNeeded::OneOff);
    assert_eq!(t("About 15 minutes"), TimeNeeded::OneOff);
    assert_eq!(
        t("As long as you like, usually 1 or 2 hours"),
        TimeNeeded::OneOff
    );
    assert_eq!(t("One full day, 10am to 4pm"), TimeNeeded::OneOff);
    assert_eq!(
        t("3 workshops, each about 3 hours including lunch"),
        TimeNeeded::FewSessions
    );
    assert_eq!(
        t("5 workshops of 2 hours over 3 months"),
        TimeNeeded::FewSessions
    );
    assert_eq!(
        t("2 hours a month for at least a year"),
        TimeNeeded::Ongoing
    );
    assert_eq!(t("Half a day every 3 months"), TimeNeeded::Ongoing);
    assert_eq!(t("2 hours, 4 times a year"), TimeNeeded::Ongoing);
}

#[test]
fn near_a_place_by_distance_town_or_postcode_area() {
    let all = corpus();
    let ix = index(&all);
    let near = |place: &str, miles: u16, device: Option<Geo>| {
        let n = Near {
            place: place.into(),
            miles,
        };
        let origin = Origin::resolve(&n, device);
        let f = Filters {
            near: Some(n),
            ..Filters::default()
        };
        let cx = Context {
            today: TODAY,
            origin: origin.as_ref(),
        };
        let mut v = ids(&find(&all, &ix, "", &f, Sort::ClosingSoonest, &cx));
        v.sort();
        (origin.is_some(), v)
    };
    // Leeds to Bradford is about 9 miles.
    assert_eq!(
        near("Leeds", 5, None),
        (true, vec!["dementia-panel".to_owned()])
    );
    assert_eq!(
        near("LS6 3AB", 10, None),
        (
            true,
            vec!["dementia-panel".to_owned(), "diabetes-codesign".to_owned()]
        )
    );
    assert_eq!(
        near("london", 10, None),
        (true, vec!["maternity-voices".to_owned()])
    );
    // No coordinates: matched by postcode area (BL) or the town's name.
    assert_eq!(near("BL1", 10, None), (true, vec!["peer-role".to_owned()]));
    // A town not in the table still finds listings that name it, and nothing else.
    assert_eq!(
        near("ashworth", 10, None),
        (true, vec!["peer-role".to_owned()])
    );
    assert_eq!(near("Atlantis", 10, None), (true, vec![]));
    // The device's location, when given.
    let here = Some(Geo {
        lat: 53.79,
        lng: -1.75,
    });
    assert_eq!(
        near(HERE, 5, here),
        (true, vec!["diabetes-codesign".to_owned()])
    );
    assert!(!near(HERE, 5, None).0, "no position: the filter is off");
}

#[test]
fn filters_combine_and_counts_say_what_each_choice_would_leave() {
    let all = corpus();
    let ix = index(&all);
    let f = Filters {
        topics: vec!["Diabetes".into()],
        pay: vec![Pay::Expenses],
        ..Filters::default()
    };
    let r = find(&all, &ix, "", &f, Sort::ClosingSoonest, &cx());
    assert_eq!(ids(&r), ["diabetes-codesign", "diabetic-foot"]);
    // Kind: counted over listings passing the other filters.
    assert_eq!(r.counts.kinds.get(&InvolvementKind::CoDesign), Some(&1));
    assert_eq!(
        r.counts.kinds.get(&InvolvementKind::ResearchAdvisor),
        Some(&1)
    );
    assert_eq!(r.counts.kinds.get(&InvolvementKind::AdvisoryGroup), None);
    // Topic (widening): Dementia would add the dementia panel (it covers expenses).
    assert_eq!(r.counts.topics.get("Dementia"), Some(&1));
    assert_eq!(r.counts.topics.get("Diabetes"), Some(&2));
    // Payment (narrowing): ticking "paid" as well would leave one.
    assert_eq!(r.counts.pay.get(&Pay::Paid), Some(&1));
    assert_eq!(r.counts.pay.get(&Pay::Expenses), Some(&2));
    assert_eq!(r.counts.access.get(&AccessSupport::EasyRead), Some(&2));
    assert_eq!(r.counts.access.get(&AccessSupport::Breaks), Some(&1));
    assert_eq!(r.counts.modes.get(&Mode::ByPost), Some(&1));
    assert_eq!(r.counts.modes.get(&Mode::Online), Some(&1));
    assert_eq!(r.counts.time.get(&TimeNeeded::FewSessions), Some(&2));
    assert_eq!(r.counts.closing.get(&ClosingWithin::Month), None);

    // With words: counts are over the listings the words found.
    let r = find(
        &all,
        &ix,
        "dementia",
        &Filters::default(),
        Sort::Relevance,
        &cx(),
    );
    assert_eq!(r.text_matches, 2);
    assert_eq!(r.counts.topics.get("Dementia"), Some(&2));
    assert_eq!(r.counts.topics.get("Carers"), Some(&1));
    assert_eq!(r.counts.closing.get(&ClosingWithin::Week), Some(&1));

    // Every count is exactly the number of results with that choice added.
    let base = Filters {
        modes: vec![Mode::InPerson],
        ..Filters::default()
    };
    let r = find(&all, &ix, "", &base, Sort::ClosingSoonest, &cx());
    for (k, n) in &r.counts.kinds {
        let mut g = base.clone();
        g.kinds.push(*k);
        assert_eq!(run(&all, "", &g, Sort::ClosingSoonest).len(), *n, "{k:?}");
    }
    for (a, n) in &r.counts.access {
        let mut g = base.clone();
        g.access.push(*a);
        assert_eq!(run(&all, "", &g, Sort::ClosingSoonest).len(), *n, "{a:?}");
    }
    for (m, n) in &r.counts.modes {
        let g = Filters {
            modes: vec![*m],
            ..base.clone()
        };
        assert_eq!(run(&all, "", &g, Sort::ClosingSoonest).len(), *n, "{m:?}");
    }
}

#[test]
fn sorting_by_closing_newest_or_relevance() {
    let all = corpus();
    let none = Filters::default();
    let closing = run(&all, "", &none, Sort::ClosingSoonest);
    assert_eq!(closing.first().map(String::as_str), Some("dementia-panel"));
    assert_eq!(
        closing.last().map(String::as_str),
        Some("diabetic-foot"),
        "no date last"
    );
    // With no words, relevance is closing soonest.
    assert_eq!(run(&all, "", &none, Sort::Relevance), closing);
    assert_eq!(run(&all, "", &none, Sort::Newest)[0], "maternity-voices");
    // With words, the order can change from relevance to closing date.
    assert_eq!(
        run(&all, "diabetes", &none, Sort::Relevance)[0],
        "diabetes-codesign"
    );
    assert_eq!(
        run(&all, "dementia", &none, Sort::ClosingSoonest),
        ["dementia-panel", "memory-survey"]
    );
}

// --- the address bar -------------------------------------------------------------------------

#[test]
fn a_search_survives_the_round_trip_through_the_address_bar() {
    let q = Query {
        text: "mental health & crisis, 100% \"café\"".into(),
        filters: Filters {
            kinds: vec![InvolvementKind::AdvisoryGroup, InvolvementKind::CoDesign],
            topics: vec![
                "Gypsy, Roma and Traveller communities".into(),
                "111 and 999".into(),
            ],
            modes: vec![Mode::Online, Mode::ByPost],
            near: Some(Near {
                place: "LS6 3AB".into(),
                miles: 25,
            }),
            pay: vec![Pay::Paid, Pay::Expenses],
            access: vec![AccessSupport::BslInterpreter, AccessSupport::EasyRead],
            closing: Some(ClosingWithin::Week),
            time: vec![TimeNeeded::OneOff, TimeNeeded::Ongoing],
            written_in: Some("cy".into()),
        },
        sort: Sort::Newest,
    };
    let s = q.to_query_string();
    assert!(s.is_ascii());
    assert!(!s.contains(' ') && !s.contains('#'));
    assert_eq!(Query::parse(&s), q);
    assert_eq!(Query::parse(&format!("?{s}")), q);
    // Same search, same link.
    assert_eq!(Query::parse(&s).to_query_string(), s);
    // The default search is an empty query string.
    assert_eq!(Query::default().to_query_string(), "");
    assert_eq!(Query::parse(""), Query::default());
    assert_eq!(
        Query::parse("q=diabetes&how=online&sort=newest").to_query_string(),
        "q=diabetes&how=online&sort=newest"
    );
}

#[test]
fn a_bad_or_old_link_still_opens() {
    let q = Query::parse("q=a+b%2&kind=nonsense&kind=co-design&kind=co-design&how=teleport&miles=9999&near=&closing=3&sort=random&zzz=1&access=easy-read");
    assert_eq!(q.text, "a b%2");
    assert_eq!(q.filters.kinds, [InvolvementKind::CoDesign]);
    assert!(q.filters.modes.is_empty());
    assert_eq!(q.filters.near, None);
    assert_eq!(q.filters.closing, None);
    assert_eq!(q.sort, Sort::Relevance);
    assert_eq!(q.filters.access, [AccessSupport::EasyRead]);
    // "other" is the feed's catch-all and may be chosen; unknown words are not turned into it.
    assert_eq!(
        Query::parse("kind=other").filters.kinds,
        [InvolvementKind::Other]
    );
    assert_eq!(decode("%E2%80%9Chi%E2%80%9D"), "\u{201c}hi\u{201d}");
    assert_eq!(decode("%ZZ%"), "%ZZ%");
    assert_eq!(encode("a b/c"), "a+b%2Fc");
    let long = format!("q={}", "x".repeat(1000));
    assert_eq!(Query::parse(&long).text.len(), 200);
}

// --- saved searches --------------------------------------------------------------------------

#[test]
fn saved_searches_count_new_matches_after_a_sync() {
    let q = Query::parse("q=dementia&how=online");
    let mut s = SavedSearch::new(&q, &["b", "a"], 100);
    assert_eq!(s.id, "q=dementia&how=online");
    assert_eq!(s.query(), q);
    assert!(s.new_matches(&["a", "b"]).is_empty());
    // After a sync, two new listings match and one old one went away.
    assert_eq!(s.new_matches(&["a", "c", "d"]), ["c", "d"]);
    assert_eq!(
        new_matches_words(
            &opendoor_core::i18n::Catalogue::english(),
            s.new_matches(&["a", "c", "d"]).len()
        ),
        "2 new matches"
    );
    assert_eq!(
        new_matches_words(&opendoor_core::i18n::Catalogue::english(), 1),
        "1 new match"
    );
    assert_eq!(
        new_matches_words(&opendoor_core::i18n::Catalogue::english(), 0),
        "No new matches"
    );
    s.mark_seen(&["d", "a", "c"]);
    assert!(s.new_matches(&["a", "c", "d"]).is_empty());
    // Stored as plain JSON, nothing personal in it.
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(
        json,
        r#"{"id":"q=dementia&how=online","savedAt":100,"seen":["a","c","d"]}"#
    );
}

#[test]
fn searches_are_described_in_plain_words() {
    assert_eq!(
        describe(
            &opendoor_core::i18n::Catalogue::english(),
            &Query::default()
        ),
        "All open opportunities"
    );
    assert_eq!(
        describe(
            &opendoor_core::i18n::Catalogue::english(),
            &Query::parse("q=diabetes&how=online&pay=paid&near=Leeds&miles=25")
        ),
        "\u{201c}diabetes\u{201d}, online, within 25 miles of Leeds, paid"
    );
    assert_eq!(
        describe(
            &opendoor_core::i18n::Catalogue::english(),
            &Query::parse("kind=co-design&closing=7")
        ),
        "Co-design workshop, closing in the next 7 days"
    );
    assert_eq!(
        describe(
            &opendoor_core::i18n::Catalogue::english(),
            &Query::parse("near=here")
        ),
        "Within 10 miles of you"
    );
}

// --- calendar ----------------------------------------------------------------------------------

#[test]
fn the_closing_date_becomes_a_calendar_event() {
    let mut l = corpus().remove(0);
    l.title = "Carers' panel; evenings, Leeds \\ Bradford — a very long title that needs folding across lines".into();
    let ics = ics::closing_date(
        &l,
        "https://example.org/opportunities/dementia-panel",
        datetime!(2026-11-26 18:30:05 UTC),
    )
    .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261130\r\n"));
    assert!(
        ics.contains("\r\nDTEND;VALUE=DATE:20261201\r\n"),
        "all-day: ends the next day"
    );
    assert!(ics.contains("\r\nDTSTAMP:20261126T183005Z\r\n"));
    assert!(ics.contains("\r\nUID:closing-dementia-panel@opendoor\r\n"));
    assert!(
        ics.contains("TRIGGER:-PT15H"),
        "reminder at 9am the day before"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "folded: {line:?}");
        assert!(!line.contains('\n'));
    }
    // Unfold, then the title is there with ; , \ escaped.
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains(
        "SUMMARY:Last day to apply: Carers' panel\\; evenings\\, Leeds \\\\ Bradford — a very long title"
    ));
    assert!(unfolded.contains("DESCRIPTION:") && unfolded.contains("\\nApplications close"));
    assert_eq!(ics::file_name(&l), "closing-date-dementia-panel.ics");
    // Folding never splits a character.
    let folded = ics::fold(&"é".repeat(100));
    assert!(folded.split("\r\n").all(|l| l.len() <= 75));
    assert_eq!(folded.replace("\r\n ", ""), "é".repeat(100));
    // No closing date: no calendar file.
    l.closing_date = None;
    assert_eq!(
        ics::closing_date(&l, "u", datetime!(2026-11-26 0:00 UTC)),
        None
    );
}

mod round_trip {
    use super::*;
    use opendoor_core::filter::{ClosingWithin, Mode, Pay, TimeNeeded};
    use proptest::prelude::*;

    fn unique<T: PartialEq + Clone>(v: Vec<T>) -> Vec<T> {
        let mut out: Vec<T> = Vec::new();
        for x in v {
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }

    fn query() -> impl Strategy<Value = Query> {
        let text = "[^\\p{Cc}]{0,60}".prop_map(|s: String| s);
        let kinds = proptest::collection::vec(
            proptest::sample::select(InvolvementKind::ALL.to_vec()),
            0..4,
        );
        let access =
            proptest::collection::vec(proptest::sample::select(AccessSupport::ALL.to_vec()), 0..4);
        let modes = proptest::collection::vec(proptest::sample::select(Mode::ALL.to_vec()), 0..3);
        let pay = proptest::collection::vec(proptest::sample::select(Pay::ALL.to_vec()), 0..2);
        let time =
            proptest::collection::vec(proptest::sample::select(TimeNeeded::ALL.to_vec()), 0..3);
        let topics = proptest::collection::vec("[A-Za-z0-9&,'’ ()-]{1,30}", 0..4);
        let near = proptest::option::of(("[A-Za-z0-9 ,'-]{1,30}", 1u16..=500));
        let closing = proptest::option::of(proptest::sample::select(ClosingWithin::ALL.to_vec()));
        let sort = proptest::sample::select(Sort::ALL.to_vec());
        (
            text, kinds, access, modes, pay, time, topics, near, closing, sort,
        )
            .prop_map(
                |(text, kinds, access, modes, pay, time, topics, near, closing, sort)| {
                    let mut ts: Vec<String> = Vec::new();
                    for t in topics {
                        let t = t.trim().to_owned();
                        if !t.is_empty() && !ts.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
                            ts.push(t);
                        }
                    }
                    Query {
                        text,
                        filters: Filters {
                            kinds: unique(kinds),
                            topics: ts,
                            modes: unique(modes),
                            near: near
                                .map(|(p, miles)| Near {
                                    place: p.trim().to_owned(),
                                    miles,
                                })
                                .filter(|n| !n.place.is_empty()),
                            pay: unique(pay),
                            access: unique(access),
                            closing,
                            time: unique(time),
                            written_in: None,
                        },
                        sort,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn any_search_survives_the_address_bar(q in query()) {
            let s = q.to_query_string();
            prop_assert!(s.is_ascii() && !s.contains(' ') && !s.contains('#'));
            prop_assert_eq!(Query::parse(&s), q);
        }

        #[test]
        fn any_address_opens_without_a_panic(s in "\\PC{0,200}") {
            let q = Query::parse(&s);
            // And what it opened is itself a stable link.
            prop_assert_eq!(Query::parse(&q.to_query_string()), q);
        }
    }
}

// --- the thesaurus: a test for each entry --------------------------------------------------

#[test]
fn each_thesaurus_phrase_finds_its_groups_other_phrases_ranked_below_exact() {
    use opendoor_core::search::thesaurus::GROUPS;
    for group in GROUPS {
        for (i, asked) in group.iter().enumerate() {
            for (j, other) in group.iter().enumerate() {
                if i == j {
                    continue;
                }
                // By phone and unpaid, so "online" and "paid" match only by words here.
                let all: Vec<Listing> = [
                    ("exact", format!("A group about {asked}")),
                    ("synonym", format!("A group about {other}")),
                    ("neither", "A group about gardening".to_owned()),
                ]
                .iter()
                .map(|(id, title)| L::new(id, title, "", "").at(Attendance::Phone).0)
                .collect();
                let ix = index(&all);
                let found = top(&ix, asked);
                // (Unless the other phrase holds the words asked: "looking after someone".)
                if !other.contains(asked) {
                    assert_eq!(found.first().map(String::as_str), Some("exact"), "{asked}");
                }
                assert!(
                    found.contains(&"synonym".to_owned()),
                    "{asked} should find {other}: {found:?}"
                );
                assert!(!found.contains(&"neither".to_owned()), "{asked}");
                // Highlights mark the synonym's words too.
                let words = ix.search(asked).words;
                let marked: Vec<String> = highlight(&format!("about {other}"), &words)
                    .into_iter()
                    .filter(|p| p.hit)
                    .map(|p| p.text)
                    .collect();
                assert!(!marked.is_empty(), "{asked} → {other} is marked");
            }
        }
    }
}

/// The search keeps work between calls (the listings' id order and BM25's length
/// normalisation, remade after a change; buffers reused): searching between changes finds
/// exactly what a fresh index of the same listings finds, scores included.
#[test]
fn searching_between_changes_matches_a_fresh_index() {
    let all = corpus();
    let queries = [
        "dementia",
        "diabetes app",
        "dementia diabetes",
        "carers",
        "memory loss",
        "diab",
        "dementai",
        "peer support",
        "online",
        "leeds",
        "covd",
    ];
    let mut ix = Index::new();
    for (i, l) in all.iter().enumerate() {
        ix.upsert(l);
        for q in &queries[..i.min(queries.len())] {
            ix.search_explained(q);
        }
    }
    // Remove one listing and put it back changed: lengths and order change again.
    let mut changed = all[0].clone();
    ix.remove(&changed.id);
    for q in &queries {
        ix.search_explained(q);
    }
    changed
        .description
        .push_str(" A much longer description of the panel than before.");
    ix.upsert(&changed);
    let mut fresh_all = all.clone();
    fresh_all.retain(|l| l.id != changed.id);
    fresh_all.push(changed);
    let fresh = index(&fresh_all);
    for q in &queries {
        let (a, b) = (ix.search_explained(q), fresh.search_explained(q));
        assert_eq!(a, b, "{q}");
        // One part: every listing found has it, and the counts say so.
        if a.parts.len() == 1 && a.all {
            let n = a.found.hits.len();
            assert_eq!(
                (a.complete, a.parts[0].matching, a.parts[0].without),
                (n, n, n),
                "{q}"
            );
        }
    }
}

#[test]
fn only_listings_written_in_my_language() {
    let cx = Context {
        today: time::macros::date!(2026 - 12 - 01),
        origin: None,
    };
    let mut en = L::new("en", "A panel", "s", "d").0;
    en.in_language = Vec::new();
    let mut cy = L::new("cy", "Panel", "s", "d").0;
    cy.in_language = vec!["cy-GB".into()];
    let mut both = L::new("both", "Panel", "s", "d").0;
    both.in_language = vec!["en".into(), "cy".into()];
    let f = Filters {
        written_in: Some("cy".into()),
        ..Filters::default()
    };
    let ids: Vec<&str> = [&en, &cy, &both]
        .into_iter()
        .filter(|l| opendoor_core::filter::matches(&f, l, &cx))
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(ids, ["cy", "both"]);
    let c = opendoor_core::filter::counts(&Filters::default(), [&en, &cy, &both], &cx);
    assert_eq!(c.written_in.get("en"), Some(&2));
    assert_eq!(c.written_in.get("cy"), Some(&2));
    let q = Query::parse("?written=cy&lang=ar");
    assert_eq!(q.filters.written_in.as_deref(), Some("cy"));
    assert_eq!(Query::parse("?written=<script>").filters.written_in, None);
    assert_eq!(
        opendoor_core::saved::describe(&opendoor_core::i18n::Catalogue::english(), &q),
        "Written in Cymraeg"
    );
}
