//! The editor's fields against the listing model: every sample listing goes through the editor
//! and comes back the same; bad input names its field.

use opendoor_core::feed::{parse_page, Item};
use opendoor_core::Listing;
use time::macros::datetime;

use super::*;

fn samples() -> Vec<Listing> {
    let mut out = Vec::new();
    for n in 1..=4 {
        let path = format!(
            "{}/../public/feed/page-{n}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        for item in parse_page(&bytes).expect("the sample feed parses").items {
            if let Item::Updated { listing, .. } = item {
                out.push(*listing);
            }
        }
    }
    assert!(out.len() > 10, "the sample feed has listings");
    out
}

#[test]
fn every_sample_listing_survives_the_editor_unchanged() {
    for l in samples() {
        let org = l.organisation.id.clone().unwrap_or_else(|| "org".into());
        let mut form = ListingForm::from_listing(&l);
        // Through the HTML form and back, as a browser would post it.
        let fields = super::super::editor_view::fields_of(&form);
        form = ListingForm::from_fields(&fields, &form);
        let back = form
            .to_listing(&l.id, &org, &l.organisation.name, l.last_updated)
            .unwrap_or_else(|e| panic!("{} came back with problems: {e:?}", l.id));
        let mut want = l.clone();
        want.organisation.id = Some(org.clone());
        // Sessions are edited to the minute (instants compare equal whatever their offset).
        let minute =
            |t: time::OffsetDateTime| t.replace_second(0).unwrap().replace_nanosecond(0).unwrap();
        for s in &mut want.sessions {
            s.starts = minute(s.starts);
            s.ends = s.ends.map(minute);
        }
        assert_eq!(back, want, "{}", l.id);
    }
}

#[test]
fn a_blank_listing_names_every_missing_field_in_plain_words() {
    let errs = ListingForm::blank()
        .to_listing("x", "org", "Org", datetime!(2026-12-01 10:00 UTC))
        .unwrap_err();
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    for f in [
        "title",
        "summary",
        "description",
        "time-commitment",
        "who",
        "impact",
        "support",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    assert!(
        errs.iter().any(|e| e.message == "Enter a title"),
        "{errs:?}"
    );
}

#[test]
fn money_dates_and_questions_are_checked_where_they_were_typed() {
    let l = &samples()[0];
    let mut form = ListingForm::from_listing(l);
    form.payment = "paid".into();
    form.amount = "twenty".into();
    form.closing_date = "31/03/2027".into();
    form.apply = "in-app".into();
    form.questions.clear();
    form.add_question();
    form.add_question();
    form.questions[1].kind = "single-choice".into();
    form.questions[1].label = "Which evening?".into();
    form.questions[0].label = "Why?".into();
    let errs = form
        .to_listing(&l.id, "org", "Org", l.last_updated)
        .unwrap_err();
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"amount"), "{fields:?}");
    assert!(fields.contains(&"closing-date"), "{fields:?}");
    assert!(
        fields.contains(&"q-options-1"),
        "choices missing for the second question: {fields:?}"
    );
    assert!(
        errs.iter().any(|e| e.message.starts_with("Question 2:")),
        "{errs:?}"
    );
}

#[test]
fn questions_are_added_with_fresh_ids_and_reordered() {
    let mut f = ListingForm::blank();
    f.add_question();
    f.add_question();
    f.questions[0].label = "A".into();
    f.questions[1].label = "B".into();
    f.questions.remove(0);
    f.add_question();
    let ids: Vec<&str> = f.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    f.move_question(1, true);
    assert_eq!(f.questions[1].label, "B");
    f.move_question(0, true); // already first: nothing
    f.move_question(5, false); // out of range: nothing
    assert_eq!(f.questions.len(), 2);
}

#[test]
fn pounds_are_read_as_people_type_them() {
    assert_eq!(parse_pounds("25"), Some(Pence(2500)));
    assert_eq!(parse_pounds("£12.5"), Some(Pence(1250)));
    assert_eq!(parse_pounds("1,000.05"), Some(Pence(100_005)));
    assert_eq!(parse_pounds("12.345"), None);
    assert_eq!(parse_pounds("ten"), None);
    assert_eq!(parse_pounds(""), None);
    assert_eq!(pounds(Pence(1250)), "12.50");
}

#[test]
fn session_times_are_uk_clock_times_in_summer_and_winter() {
    let summer = parse_local("2027-07-01T18:00").unwrap();
    assert_eq!(summer, datetime!(2027-07-01 17:00 UTC));
    let winter = parse_local("2027-01-15T18:00").unwrap();
    assert_eq!(winter, datetime!(2027-01-15 18:00 UTC));
    assert_eq!(local_text(summer), "2027-07-01T18:00");
    assert_eq!(
        local_text(datetime!(2027-03-28 00:59 UTC)),
        "2027-03-28T00:59"
    );
    assert_eq!(
        local_text(datetime!(2027-03-28 01:00 UTC)),
        "2027-03-28T02:00"
    );
}
