use super::*;

#[test]
fn tags_and_negotiation() {
    assert_eq!(Lang::from_tag("cy-GB"), Some(Lang::Cy));
    assert_eq!(Lang::from_tag("AR_eg"), Some(Lang::Ar));
    assert_eq!(Lang::from_tag("en-XA"), Some(Lang::Pseudo));
    assert_eq!(Lang::from_tag("fr"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert_eq!(Lang::negotiate(["fr-FR", "cy", "en"]), Lang::Cy);
    assert_eq!(Lang::negotiate(["en-XA", "fr"]), Lang::En);
    assert_eq!(Lang::negotiate([]), Lang::En);
    assert_eq!(Lang::Ar.dir(), Dir::Rtl);
    assert_eq!(Lang::Cy.catalogue_file().as_deref(), Some("locales/cy.ftl"));
    assert_eq!(Lang::En.catalogue_file(), None);
}

#[test]
fn pseudo_accents_every_letter_and_lengthens() {
    let p = pseudo("Apply now");
    assert!(!p.chars().any(|c| c.is_ascii_alphabetic()), "{p}");
    assert!(p.chars().count() >= "Apply now".len() * 13 / 10, "{p}");
    assert_eq!(pseudo("12 – 3"), "12 – 3");
}

#[test]
fn broken_catalogue_keeps_what_it_can_and_falls_back_to_english() {
    let ftl = "app-name = Drws Agored\nthis is not fluent\n";
    let (c, problems) = Catalogue::load(Lang::Cy, ftl);
    assert_eq!(c.text("app-name"), "Drws Agored");
    assert!(
        matches!(
            problems.as_slice(),
            [CatalogueProblem::Syntax { line: 2, .. }]
        ),
        "{problems:?}"
    );
    // Missing in Welsh: English.
    assert_eq!(
        c.text("kind-other"),
        Catalogue::english().text("kind-other")
    );
    // Missing everywhere: the id, so the gap shows.
    assert_eq!(c.text("no-such-message"), "no-such-message");
    let (big, problems) = Catalogue::load(Lang::Cy, &"x".repeat(MAX_CATALOGUE_BYTES + 1));
    assert_eq!(big.text("app-name"), "Open Door");
    assert!(matches!(problems[0], CatalogueProblem::TooLarge { .. }));
}

#[test]
fn a_translation_that_names_a_missing_placeholder_falls_back_to_english() {
    let (c, _) = Catalogue::load(Lang::Cy, "count-open = { $wrong } cyfle\n");
    let en = Catalogue::english();
    assert_eq!(
        c.text_with("count-open", &[("open", 3.into())]),
        en.text_with("count-open", &[("open", 3.into())])
    );
}

#[test]
fn plurals_follow_each_language() {
    let en = Catalogue::english();
    assert_eq!(
        en.text_with("count-open", &[("open", 1.into())]),
        "1 open opportunity"
    );
    assert_eq!(
        en.text_with("count-open", &[("open", 2.into())]),
        "2 open opportunities"
    );
}

#[test]
fn a_request_asks_by_link_then_cookie_then_browser_preference() {
    assert_eq!(
        Lang::of_request(Some("ar"), Some("cy"), Some("en")),
        Lang::Ar
    );
    assert_eq!(Lang::of_request(None, Some("cy"), Some("ar")), Lang::Cy);
    assert_eq!(
        Lang::of_request(Some("xx"), None, Some("fr;q=0.9, cy-GB;q=0.8, en;q=0.7")),
        Lang::Cy
    );
    assert_eq!(
        Lang::of_request(None, None, Some("en;q=0.2, ar;q=0.9")),
        Lang::Ar
    );
    assert_eq!(Lang::of_request(None, None, Some("ar;q=0, fr")), Lang::En);
    assert_eq!(Lang::of_request(None, Some("en-XA"), None), Lang::En);
    assert_eq!(
        Lang::of_request(None, None, Some(&"x,".repeat(10_000))),
        Lang::En
    );
    assert_eq!(Lang::in_query("?q=carers&lang=cy"), Some("cy"));
    assert_eq!(Lang::in_query("q=carers"), None);
}
