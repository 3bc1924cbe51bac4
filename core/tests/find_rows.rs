//! `filter::find_with` gives each result's position in the listings it was given, so callers
//! index their own copy (no pointer arithmetic).

use std::fs;
use std::path::PathBuf;

use opendoor_core::feed::{parse_page, Item};
use opendoor_core::filter::{find_with, Context, Facts, Filters, Sort};
use opendoor_core::search::Index;
use opendoor_core::Listing;

fn sample_listings() -> Vec<Listing> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/feed");
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .expect("public/feed exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut out: Vec<Listing> = Vec::new();
    for p in names {
        let Ok(page) = parse_page(&fs::read(&p).expect("read page")) else {
            continue;
        };
        for item in page.items {
            if let Item::Updated { listing, .. } = item {
                out.retain(|l| l.id != listing.id);
                out.push(*listing);
            }
        }
    }
    out
}

#[test]
fn rows_are_positions_of_the_same_listings_in_order() {
    let all = sample_listings();
    assert!(all.len() > 3, "the sample feed has listings");
    let mut index = Index::default();
    for l in &all {
        index.upsert(l);
    }
    let today = time::macros::date!(2020 - 01 - 01);
    let cx = Context {
        today,
        origin: None,
    };
    for (text, sort) in [
        ("", Sort::ClosingSoonest),
        ("", Sort::Newest),
        ("health", Sort::Relevance),
    ] {
        let r = find_with(
            &all,
            &Facts::of(&all),
            &index,
            text,
            &Filters::default(),
            sort,
            &cx,
        );
        assert_eq!(r.rows.len(), r.listings.len());
        for (i, l) in r.rows.iter().zip(&r.listings) {
            assert!(std::ptr::eq(&all[*i], *l), "row {i} is the listing found");
        }
    }
}

#[test]
fn a_saved_search_matches_what_the_list_shows() {
    use opendoor_core::query::Query;
    use opendoor_core::saved::SavedSearch;
    let all = sample_listings();
    let mut index = Index::default();
    for l in &all {
        index.upsert(l);
    }
    let today = time::macros::date!(2020 - 01 - 01);
    let facts = Facts::of(&all);
    for qs in ["", "q=health", "how=online"] {
        let q = Query::parse(qs);
        let saved = SavedSearch::new(&q, &[], 0);
        let cx = Context {
            today,
            origin: None,
        };
        let list: Vec<&str> = find_with(&all, &facts, &index, &q.text, &q.filters, q.sort, &cx)
            .listings
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(
            saved.matching(&all, &facts, &index, today, None),
            list,
            "{qs}"
        );
        assert_eq!(saved.has_words(), !q.text.is_empty());
    }
}
