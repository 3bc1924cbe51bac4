use super::html::{self, ListView, Screen};
use super::*;
use opendoor_core::listing::{HowToApply, ListingStatus};
use time::macros::date;

const TODAY: Date = date!(2026 - 12 - 04);

fn sample() -> Listing {
    let page = opendoor_core::feed::parse_page(include_bytes!("../../../public/feed/page-1.json"))
        .expect("the sample feed parses");
    page.items
        .into_iter()
        .find_map(|i| match i {
            opendoor_core::feed::Item::Updated { listing, .. } => Some(*listing),
            _ => None,
        })
        .expect("the sample feed has a listing")
}

fn listing(id: &str, title: &str) -> Listing {
    let mut l = sample();
    l.id = id.into();
    l.title = title.into();
    l.status = ListingStatus::Open;
    l.closing_date = Some(date!(2027 - 01 - 10));
    l
}

fn list_html(all: &[Listing], search: &str) -> String {
    let query = Query::parse(search);
    let r = filter::find(
        all,
        &Index::new(),
        "",
        &query.filters,
        query.sort,
        &Context {
            today: TODAY,
            origin: None,
        },
    );
    html::frame(
        &crate::en(),
        Screen::List,
        html::list(
            &crate::en(),
            &ListView {
                query: &query,
                found: &r.listings,
                open: r.open,
                shown: shown_from(search),
                today: TODAY,
            },
        ),
    )
    .into_string()
}

#[test]
fn listing_text_is_text_never_markup() {
    let mut l = listing("x<1>", "<script>alert(1)</script> & <b>bold</b>");
    l.summary = "<img src=x onerror=alert(1)>".into();
    let out = list_html(&[l], "");
    assert!(!out.contains("<script>alert"), "{out}");
    assert!(!out.contains("<img"), "{out}");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    // The id goes into the address encoded, never as markup.
    assert!(out.contains("href=\"/opportunities/x%3C1%3E\""), "{out}");
}

#[test]
fn the_list_shows_one_batch_of_open_listings_and_a_link_for_more() {
    let mut all: Vec<Listing> = (0..45)
        .map(|i| listing(&format!("l{i}"), &format!("Panel {i}")))
        .collect();
    all[0].status = ListingStatus::Closed;
    let out = list_html(&all, "");
    assert_eq!(out.matches("class=\"card\"").count(), BATCH);
    assert!(out.contains("44 open opportunities"), "{out}");
    assert!(out.contains("Show more (30 of 44 shown)"));
    assert!(out.contains("href=\"/?shown=60\""), "{out}");
    assert!(!out.contains(">Panel 0<"), "a closed listing is not listed");
    let more = list_html(&all, "?shown=60");
    assert_eq!(more.matches("class=\"card\"").count(), 44);
    assert!(!more.contains("Show more"));
}

#[test]
fn shown_is_bounded() {
    assert_eq!(shown_from("?shown=999999999999"), MAX_SHOWN);
    assert_eq!(shown_from("?shown=0"), BATCH);
    assert_eq!(shown_from("?shown=x"), BATCH);
    assert_eq!(shown_from(""), BATCH);
}

#[test]
fn links_leave_the_page_so_the_app_router_never_swallows_a_press() {
    let out = list_html(&[listing("a", "A")], "");
    for link in out.split("<a ").skip(1) {
        let tag = &link[..link.find('>').unwrap_or(link.len())];
        if tag.contains("href=\"#main\"") {
            continue;
        }
        assert!(tag.contains("target=\""), "{tag}");
    }
}

#[test]
fn the_frame_says_the_same_words_as_the_app() {
    let out = list_html(&[listing("a", "A")], "");
    let c = crate::en();
    for id in [
        "list-heading",
        "tagline",
        "search-label",
        "footer",
        "filters",
    ] {
        let w = c.text(id);
        let escaped = maud::html! { (w) }.into_string();
        assert!(out.contains(&escaped), "missing {w}");
    }
    assert!(out.contains("aria-current=\"page\""));
    assert!(out.contains("data-first-paint=\"list\""));
}

#[test]
fn a_detail_links_only_what_core_has_checked() {
    let mut l = listing("a", "A");
    l.how_to_apply = HowToApply::Link {
        url: "javascript:alert(1)".into(),
    };
    l.organisation.url = Some("javascript:alert(2)".into());
    let out = html::detail(&crate::en(), &l, TODAY).into_string();
    assert!(!out.contains("javascript:"), "{out}");
    assert!(out.contains("Contact the organiser to apply."));
    l.how_to_apply = HowToApply::Link {
        url: "https://example.org/apply".into(),
    };
    let out = html::detail(&crate::en(), &l, TODAY).into_string();
    assert!(out.contains("href=\"https://example.org/apply\""));
    assert!(out.contains("A message you can use"));
}

#[test]
fn a_closed_listing_says_so_and_offers_no_apply() {
    let mut l = listing("a", "A");
    l.status = ListingStatus::Closed;
    let out = html::detail(&crate::en(), &l, TODAY).into_string();
    assert!(out.contains("This opportunity is closed."));
    assert!(out.contains("Applications are no longer being taken."));
    assert!(!out.contains("/apply\""));
}

#[test]
fn splice_puts_the_page_in_place_of_the_boot_message() {
    let shell = "<html><head><title>Open Door</title></head><body>\n<!--first-paint-->\n<div id=\"boot\">Loading</div>\n<!--/first-paint-->\n</body></html>";
    let page = Page {
        found: true,
        title: "Tea & <talk>".into(),
        lang: opendoor_core::i18n::Lang::En,
        screen: Screen::Detail,
        body: "<div id=\"boot\">LISTINGS</div>".into(),
    };
    let out = splice(shell, &page).expect("the shell has the markers");
    assert!(
        out.contains("<title>Tea &amp; &lt;talk&gt; – Open Door</title>"),
        "{out}"
    );
    assert!(out.contains("LISTINGS"));
    assert!(!out.contains("Loading"));
    // In Arabic: the document says so, and runs right to left.
    let shell_gb = shell.replace("<html>", "<html lang=\"en-GB\">");
    let arabic = Page {
        lang: opendoor_core::i18n::Lang::Ar,
        ..page.clone()
    };
    let out = splice(&shell_gb, &arabic).expect("the shell has the markers");
    assert!(out.contains("<html lang=\"ar\" dir=\"rtl\">"), "{out}");
    assert!(!out.contains("first-paint-->"));
    assert!(splice("<html><body>no markers</body></html>", &page).is_none());
}

#[test]
fn a_gathered_listing_says_where_it_came_from_as_the_app_does() {
    let mut l = listing("a", "A");
    l.sources = vec![opendoor_core::listing::ListingSource {
        name: "Leeds <Volunteer> Centre".into(),
        url: Some("javascript:alert(1)".into()),
        license: Some("CC-BY-4.0".into()),
    }];
    let out = html::detail(&crate::en(), &l, TODAY).into_string();
    let said = opendoor_core::words::attribution(&crate::en(), &l).expect("an attribution");
    assert!(out.contains(&maud::html! { (said) }.into_string()), "{out}");
    assert!(out.contains("Leeds &lt;Volunteer&gt; Centre shares it under the licence CC-BY-4.0"));
    assert!(!out.contains("javascript:"));
}
