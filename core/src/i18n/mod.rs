//! Languages: which ones Open Door speaks, and its words in each, from Fluent catalogues.
//!
//! A catalogue is one file, `public/locales/TAG.ftl`, with no code in it (docs/translating.md).
//! English is built in: the app needs words before anything downloads, and it is the fallback for
//! any message another catalogue lacks or gets wrong. Other catalogues are fetched only once chosen,
//! so they never swell the first download.
//!
//! Fluent (`fluent-bundle`, Mozilla's Project Fluent) gives plural rules per language (Welsh and
//! Arabic have six forms) and lets a translator reorder a sentence around its placeholders.

mod pseudo;

use std::borrow::Cow;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use pseudo::pseudo;

/// English, built in.
pub const ENGLISH_FTL: &str = include_str!("../../../public/locales/en.ftl");

/// The largest catalogue accepted (ours are a few tens of KB).
pub const MAX_CATALOGUE_BYTES: usize = 512 * 1024;

/// Whether a catalogue says it was written without a native speaker (a line starting
/// `### Needs review`): the language picker says so beside it.
pub fn needs_review(ftl: &str) -> bool {
    ftl.lines().any(|l| l.starts_with("### Needs review"))
}

/// A language the app's own words can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Cy,
    Ar,
    /// Pseudo-English (accented, 40% longer, bracketed): finds words left outside the catalogues
    /// and layouts that break with longer words. Never offered in the picker.
    Pseudo,
}

/// Which way text runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn attr(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

impl Lang {
    /// The languages a person can choose, in the picker's order.
    pub const PICKABLE: [Lang; 3] = [Lang::En, Lang::Cy, Lang::Ar];

    /// The BCP 47 tag, for `lang` attributes, storage and the catalogue's file name.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
            Lang::Ar => "ar",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language's name in itself, as the picker shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Cymraeg",
            Lang::Ar => "العربية",
            Lang::Pseudo => "[Ƥşḗḗŭŭḓǿǿ]",
        }
    }

    pub fn dir(self) -> Dir {
        match self {
            Lang::Ar => Dir::Rtl,
            _ => Dir::Ltr,
        }
    }

    /// A stored or requested tag: "cy", "cy-GB", "AR-eg". Pseudo only by its exact tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        if tag.eq_ignore_ascii_case("en-XA") {
            return Some(Lang::Pseudo);
        }
        let primary = tag.split(['-', '_']).next()?;
        Lang::PICKABLE
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }

    /// The first of the browser's preferred languages that Open Door speaks; English otherwise.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .filter_map(Lang::from_tag)
            .find(|l| *l != Lang::Pseudo)
            .unwrap_or(Lang::En)
    }

    /// The language a request asks for, most explicit first: a `?lang=` in the address (a
    /// language link pressed before the app loaded), the choice kept in the `opendoor-lang`
    /// cookie, then the browser's `Accept-Language` in its order of preference.
    pub fn of_request(
        query: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Lang {
        let pick = |t: &str| Lang::from_tag(t).filter(|l| *l != Lang::Pseudo);
        if let Some(l) = query.and_then(pick).or_else(|| cookie.and_then(pick)) {
            return l;
        }
        let mut prefs: Vec<(u16, &str)> = accept_language
            .unwrap_or("")
            .split(',')
            .take(32)
            .filter_map(|part| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                // Thousandths: a stable order without comparing floats.
                Some(((q.clamp(0.0, 1.0) * 1000.0) as u16, tag))
            })
            .filter(|(q, _)| *q > 0)
            .collect();
        prefs.sort_by_key(|p| std::cmp::Reverse(p.0));
        Lang::negotiate(prefs.into_iter().map(|(_, t)| t))
    }

    /// The value of a `?lang=` in a query string.
    pub fn in_query(query: &str) -> Option<&str> {
        query
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix("lang="))
    }

    /// Where the catalogue is, relative to the app's root. English and pseudo-English are built in.
    pub fn catalogue_file(self) -> Option<String> {
        match self {
            Lang::En | Lang::Pseudo => None,
            other => Some(format!("locales/{}.ftl", other.tag())),
        }
    }
}

/// A value put into a message: text (a name, a date already in words) or a number (which also
/// picks the plural form).
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
num_arg!(u8, u16, u32, u64, usize, i32, i64);

/// What was wrong with a catalogue. The entries that parsed are still used; the rest fall back
/// to English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogueProblem {
    TooLarge {
        bytes: usize,
    },
    /// A line Fluent could not read (1-based), and what it expected.
    Syntax {
        line: usize,
        message: String,
    },
    /// The same message twice: the first one is used.
    Duplicate {
        id: String,
    },
}

impl std::fmt::Display for CatalogueProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogueProblem::TooLarge { bytes } => write!(
                f,
                "the catalogue is {bytes} bytes, more than the {MAX_CATALOGUE_BYTES} allowed; English is used instead"
            ),
            CatalogueProblem::Syntax { line, message } => {
                write!(f, "line {line} could not be read ({message}); that message is shown in English")
            }
            CatalogueProblem::Duplicate { id } => {
                write!(f, "the message \"{id}\" is written twice; the first is used")
            }
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang, ftl: &str) -> (Bundle, Vec<CatalogueProblem>) {
    let mut problems = Vec::new();
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks keep an English name readable inside Arabic; in left-to-right
    // languages they would only get in the way of copying and tests.
    // In pseudo-English they also show the tests which words came from data.
    b.set_use_isolating(lang.dir() == Dir::Rtl || lang == Lang::Pseudo);
    if lang == Lang::Pseudo {
        b.set_transform(Some(pseudo));
    }
    if ftl.len() > MAX_CATALOGUE_BYTES {
        problems.push(CatalogueProblem::TooLarge { bytes: ftl.len() });
        return (b, problems);
    }
    let res = match FluentResource::try_new(ftl.to_owned()) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                let line = ftl[..e.pos.start.min(ftl.len())].matches('\n').count() + 1;
                problems.push(CatalogueProblem::Syntax {
                    line,
                    message: e.kind.to_string(),
                });
            }
            r
        }
    };
    if let Err(errs) = b.add_resource(res) {
        for e in errs {
            if let fluent_bundle::FluentError::Overriding { id, .. } = e {
                problems.push(CatalogueProblem::Duplicate { id });
            }
        }
    }
    (b, problems)
}

/// The app's words in one language, falling back to English message by message.
#[derive(Clone)]
pub struct Catalogue {
    lang: Lang,
    bundle: Arc<Bundle>,
    english: Option<Arc<Bundle>>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("lang", &self.lang)
            .finish()
    }
}

impl Catalogue {
    /// English, from the built-in catalogue.
    /// Parsed once per process and shared, so it costs nothing to ask for again.
    pub fn english() -> Catalogue {
        static ENGLISH: std::sync::OnceLock<Arc<Bundle>> = std::sync::OnceLock::new();
        Catalogue {
            lang: Lang::En,
            bundle: ENGLISH
                .get_or_init(|| Arc::new(bundle(Lang::En, ENGLISH_FTL).0))
                .clone(),
            english: None,
        }
    }

    /// `lang` from its catalogue's text (for English and pseudo-English the text is ignored).
    /// Whatever could not be read is listed, and shown in English.
    pub fn load(lang: Lang, ftl: &str) -> (Catalogue, Vec<CatalogueProblem>) {
        let english = Catalogue::english();
        match lang {
            Lang::En => (english, Vec::new()),
            Lang::Pseudo => (
                Catalogue {
                    lang,
                    bundle: Arc::new(bundle(Lang::Pseudo, ENGLISH_FTL).0),
                    english: None,
                },
                Vec::new(),
            ),
            _ => {
                let (b, problems) = bundle(lang, ftl);
                (
                    Catalogue {
                        lang,
                        bundle: Arc::new(b),
                        english: Some(english.bundle),
                    },
                    problems,
                )
            }
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether this language's own catalogue has the message (not just English).
    pub fn has_own(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .and_then(|m| m.value())
            .is_some()
    }

    /// A message with no placeholders.
    pub fn text(&self, id: &str) -> String {
        self.text_with(id, &[])
    }

    /// A message with its placeholders filled: `c.text_with("closing-on", &[("date", d.into())])`.
    /// A message missing from every catalogue shows its id, so a gap is visible, never blank.
    pub fn text_with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fargs = (!args.is_empty()).then(|| {
            let mut a = FluentArgs::new();
            for (k, v) in args {
                match v {
                    Arg::Text(s) => a.set(*k, FluentValue::from(s.as_ref())),
                    Arg::Num(n) => a.set(*k, FluentValue::from(*n)),
                }
            }
            a
        });
        // A translation that fails (a placeholder it names is not given) falls back to English,
        // which is shown even if imperfect.
        let mut bundles = std::iter::once(&self.bundle)
            .chain(self.english.as_ref())
            .peekable();
        while let Some(b) = bundles.next() {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let out = b.format_pattern(pattern, fargs.as_ref(), &mut errors);
                if errors.is_empty() || bundles.peek().is_none() {
                    return out.into_owned();
                }
            }
        }
        id.to_owned()
    }

    /// An attribute of a message (`id.attr` in the catalogue), e.g. a control's accessible name.
    pub fn attr(&self, id: &str, attr: &str) -> String {
        for b in std::iter::once(&self.bundle).chain(self.english.as_ref()) {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.get_attribute(attr)) {
                let mut errors = Vec::new();
                return b
                    .format_pattern(pattern.value(), None, &mut errors)
                    .into_owned();
            }
        }
        format!("{id}.{attr}")
    }
}

#[cfg(test)]
mod tests;
