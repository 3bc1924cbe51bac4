//! `sources` and `harvest`: the operator's side of following other publishers.

use std::process::ExitCode;
use std::sync::Arc;

use opendoor_server::clock::rfc3339;
use opendoor_server::harvest::{parse_every, HarvestError, Harvester};
use opendoor_server::store::{NewSource, SourceKind, SourceRow, Store, StoreError};

use super::{HarvestArgs, SourcesCommand};

/// Text from a publisher, safe for a terminal: control characters (escape sequences that could
/// rewrite the operator's screen) become `?`.
fn plain(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn kind_of(s: &str) -> anyhow::Result<SourceKind> {
    SourceKind::parse(s)
        .ok_or_else(|| anyhow::anyhow!("--kind {s} is not one of rpde, vds, csv or auto"))
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

pub fn sources(command: SourcesCommand) -> anyhow::Result<ExitCode> {
    match command {
        SourcesCommand::Add {
            db,
            kind,
            org,
            every,
            name,
            license,
            url,
        } => {
            let kind = kind_of(&kind)?;
            let Some(every_secs) = parse_every(&every).filter(|s| *s >= 60) else {
                eprintln!(
                    "--every {every}: give a duration of at least a minute, such as 15m, 1h or 1d"
                );
                return Ok(ExitCode::from(2));
            };
            let store = Store::open(&db)?;
            match store.add_source(&NewSource {
                url,
                kind,
                org,
                name,
                license,
                every_secs,
            }) {
                Ok(s) => {
                    println!(
                        "following {} ({}), every {}; it is harvested by `serve`, or now with `harvest`",
                        s.url,
                        s.kind.as_str(),
                        every_words(s.every_secs)
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(StoreError::Invalid(why)) => {
                    eprintln!("{why}");
                    Ok(ExitCode::from(2))
                }
                Err(e) => Err(e.into()),
            }
        }
        SourcesCommand::List { db } => {
            let store = Store::open(&db)?;
            let all = store.sources()?;
            if all.is_empty() {
                println!("no sources: add one with `sources add URL`");
            }
            for s in all {
                print!("{}", describe(&s));
            }
            Ok(ExitCode::SUCCESS)
        }
        SourcesCommand::Remove { db, url } => {
            let store = Store::open(&db)?;
            match store.remove_source(&url)? {
                Some(r) => {
                    println!(
                        "no longer following {}; {} listing(s) withdrawn, {} still listed by other sources",
                        url.trim(),
                        r.withdrawn,
                        r.updated
                    );
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!("{} is not a source (see `sources list`)", url.trim());
                    Ok(ExitCode::from(2))
                }
            }
        }
        SourcesCommand::Check { kind, flags, url } => {
            let kind = kind_of(&kind)?;
            let rt = runtime()?;
            // A store only to give the harvester its clock; nothing is written to it.
            let dir = tempfile_dir()?;
            let store = Arc::new(Store::open(dir.join("check.db"))?);
            let h = Harvester::new(store, flags.config())?;
            let r = rt.block_on(h.check(url.trim(), kind));
            let _ = std::fs::remove_dir_all(&dir);
            let kind = r.kind.map_or("unknown", SourceKind::as_str);
            println!(
                "{url}: read as {kind}, {} page(s), {} KB",
                r.pages,
                r.bytes.div_ceil(1024)
            );
            println!(
                "would import {} listing(s){}",
                r.listings.len(),
                if r.withdrawn > 0 {
                    format!(" and withdraw {}", r.withdrawn)
                } else {
                    String::new()
                }
            );
            for l in r.listings.iter().take(10) {
                println!("  - {} ({})", plain(&l.title), plain(&l.organisation.name));
            }
            if r.listings.len() > 10 {
                println!("  … and {} more", r.listings.len() - 10);
            }
            match &r.license {
                Some(l) => println!("licence: {}", plain(l)),
                None => println!("licence: the source states none; ask the publisher, then add it with --license"),
            }
            if let Some(p) = &r.publisher {
                println!("publisher: {}", plain(p));
            }
            for p in r.problems.iter().take(100) {
                println!("problem: {}", plain(p));
            }
            for w in r.warnings.iter().take(100) {
                println!("warning: {}", plain(w));
            }
            if let Some(why) = &r.stopped {
                println!("stopped: {}", plain(why));
            }
            let ok = r.stopped.is_none() && r.problems.is_empty() && !r.listings.is_empty();
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
    }
}

/// A private temporary folder for `sources check`'s throwaway database.
fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let name = opendoor_server::secrets::random_id()?;
    Ok(std::env::temp_dir().join(format!("opendoor-check-{name}")))
}

fn every_words(secs: i64) -> String {
    match secs {
        s if s % 86_400 == 0 => format!("{} day(s)", s / 86_400),
        s if s % 3600 == 0 => format!("{} hour(s)", s / 3600),
        s if s % 60 == 0 => format!("{} minute(s)", s / 60),
        s => format!("{s} second(s)"),
    }
}

/// One source for `sources list`, in words.
fn describe(s: &SourceRow) -> String {
    let mut out = format!(
        "{}  {}\n  kind {}, every {}, named \"{}\"{}\n",
        s.id,
        s.url,
        match (s.kind, &s.state.next_url) {
            (SourceKind::Auto, Some(_)) => "auto (an RPDE feed)",
            (k, _) => k.as_str(),
        },
        every_words(s.every_secs),
        plain(&s.display_name()),
        s.org_key
            .as_deref()
            .map(|o| format!(", listings belong to {o}"))
            .unwrap_or_default()
    );
    match s.effective_license() {
        Some(l) => out.push_str(&format!("  licence: {}\n", plain(l))),
        None => out.push_str(
            "  NO LICENCE: the source states none; ask the publisher, then give it with `sources add --license`\n",
        ),
    }
    out.push_str(&format!("  {} listing(s) from it now\n", s.items));
    match s.last_success {
        Some(t) => out.push_str(&format!("  last success: {}\n", rfc3339(t))),
        None => out.push_str("  never harvested successfully yet\n"),
    }
    if let Some(r) = &s.last_result {
        out.push_str(&format!("  last run: {}\n", plain(r)));
    }
    if let Some(e) = &s.last_error {
        out.push_str(&format!("  PROBLEM: {}\n", plain(e)));
        if s.failures > 0 {
            out.push_str(&format!(
                "  {} failure(s) in a row; what it listed before is kept\n",
                s.failures
            ));
        }
    }
    out.push_str(&format!("  next try: {}\n", rfc3339(s.next_try)));
    out
}

pub fn harvest(args: HarvestArgs) -> anyhow::Result<ExitCode> {
    let store = Arc::new(Store::open(&args.db)?);
    let rt = runtime()?;
    let h = Harvester::new(store, args.flags.config())?;
    let outcomes = rt.block_on(h.run(args.all))?;
    if outcomes.is_empty() {
        println!("no source is due (see `sources list`; `harvest --all` runs every one now)");
    }
    let mut failed = 0;
    for o in &outcomes {
        match &o.result {
            Ok(s) => {
                println!("{}: {}", o.source.url, s.words());
                for w in s.warnings.iter().take(20) {
                    println!("  warning: {}", plain(w));
                }
                for p in s.problems.iter().take(20) {
                    println!("  problem: {}", plain(p));
                }
            }
            Err(e) => {
                failed += 1;
                println!("{}: FAILED: {}", o.source.url, problem_words(e));
            }
        }
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

fn problem_words(e: &HarvestError) -> String {
    plain(&opendoor_server::chain(e))
}
