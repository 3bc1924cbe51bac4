//! What `--db` (or `OPENDOOR_DB`) names, checked before anything is opened or created: a file
//! path for the SQLite store. A URL (`postgres://…`, a typo such as `postgres:/…`, `mysql://…`)
//! is refused in words, where it was once taken for a path and made a folder named
//! `postgres:` with a database in it. `postgres://` and `postgresql://` URLs name the
//! PostgreSQL store (issue 17); the URL is only parsed when the store opens, so clap never
//! repeats it (and any password in it) in an error.

use std::path::{Path, PathBuf};

/// Where the store lives.
#[derive(Clone, PartialEq, Eq)]
pub enum DbTarget {
    Sqlite(PathBuf),
    Postgres(PgUrl),
}

/// A PostgreSQL URL. Its Debug and Display hide the password.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl(String);

impl PgUrl {
    pub fn new(url: impl Into<String>) -> PgUrl {
        PgUrl(url.into())
    }
    /// The URL as given, password and all: only for connecting.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// The URL with any password replaced by `***`.
    pub fn redacted(&self) -> String {
        let s = &self.0;
        let Some((scheme, rest)) = s.split_once("://") else {
            return s.clone();
        };
        let (auth_end, _) = rest
            .char_indices()
            .find(|(_, c)| *c == '/' || *c == '?')
            .unwrap_or((rest.len(), ' '));
        match rest[..auth_end].rsplit_once('@') {
            Some((userinfo, host)) => match userinfo.split_once(':') {
                Some((user, _)) => format!("{scheme}://{user}:***@{host}{}", &rest[auth_end..]),
                None => s.clone(),
            },
            None => s.clone(),
        }
    }
}

impl std::fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgUrl({})", self.redacted())
    }
}

impl std::fmt::Display for DbTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbTarget::Sqlite(p) => write!(f, "{}", p.display()),
            DbTarget::Postgres(u) => write!(f, "{}", u.redacted()),
        }
    }
}

impl std::fmt::Debug for DbTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DbTarget({self})")
    }
}

impl DbTarget {
    /// The SQLite file, if that is the store.
    pub fn sqlite(&self) -> Option<&Path> {
        match self {
            DbTarget::Sqlite(p) => Some(p),
            DbTarget::Postgres(_) => None,
        }
    }
}

impl From<&Path> for DbTarget {
    fn from(p: &Path) -> Self {
        DbTarget::Sqlite(p.to_owned())
    }
}
impl From<PathBuf> for DbTarget {
    fn from(p: PathBuf) -> Self {
        DbTarget::Sqlite(p)
    }
}
impl From<&PathBuf> for DbTarget {
    fn from(p: &PathBuf) -> Self {
        DbTarget::Sqlite(p.clone())
    }
}
impl From<&DbTarget> for DbTarget {
    fn from(t: &DbTarget) -> Self {
        t.clone()
    }
}

/// Why a `--db` value cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbTargetError {
    Empty,
    /// `postgres:` or `postgresql:` without the `//` of a URL: most likely a typo.
    PostgresTypo,
    /// Some other scheme, or something that looks like a URL (the scheme as written).
    NotAPath(String),
    /// The path is a folder, not a file.
    IsAFolder(PathBuf),
    /// A folder on the way to it is a file.
    ParentIsAFile(PathBuf),
}

impl std::fmt::Display for DbTargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbTargetError::Empty => write!(f, "it is empty: give the database file's path, such as ./data/opendoor.db"),
            DbTargetError::PostgresTypo => write!(
                f,
                "a PostgreSQL URL starts postgres:// (two slashes), such as postgres://opendoor@db.internal:5432/opendoor; for SQLite give a file path, such as ./data/opendoor.db"
            ),
            DbTargetError::NotAPath(scheme) => write!(
                f,
                "\"{scheme}:\" looks like a web address, not a file path; give the database file's path, such as ./data/opendoor.db"
            ),
            DbTargetError::IsAFolder(p) => write!(
                f,
                "{} is a folder; give a file inside it, such as {}",
                p.display(),
                p.join("opendoor.db").display()
            ),
            DbTargetError::ParentIsAFile(p) => write!(
                f,
                "{} is a file, so it cannot hold the database; choose another folder",
                p.display()
            ),
        }
    }
}

impl std::error::Error for DbTargetError {}

/// A scheme at the start ("postgres:", "http:"), as URLs have and file paths here do not.
fn scheme(s: &str) -> Option<&str> {
    let (head, _) = s.split_once(':')?;
    let mut chars = head.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok
        && head.len() >= 2
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c)))
    .then_some(head)
}

/// Checks a `--db` value, creating nothing.
pub fn sqlite_path(value: &str) -> Result<PathBuf, DbTargetError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(DbTargetError::Empty);
    }
    if let Some(s) = scheme(v) {
        return Err(
            if s.eq_ignore_ascii_case("postgres") || s.eq_ignore_ascii_case("postgresql") {
                DbTargetError::PostgresTypo
            } else {
                DbTargetError::NotAPath(s.to_owned())
            },
        );
    }
    let path = PathBuf::from(v);
    if path.is_dir() {
        return Err(DbTargetError::IsAFolder(path));
    }
    let mut parent = path.parent();
    while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
        if p.is_file() {
            return Err(DbTargetError::ParentIsAFile(p.to_owned()));
        }
        if p.is_dir() {
            break;
        }
        parent = p.parent();
    }
    Ok(path)
}

/// Checks a `--db` value: a PostgreSQL URL, or a usable file path.
pub fn target(value: &str) -> Result<DbTarget, DbTargetError> {
    let v = value.trim();
    if let Some(s) = scheme(v) {
        if (s.eq_ignore_ascii_case("postgres") || s.eq_ignore_ascii_case("postgresql"))
            && v[s.len()..].starts_with("://")
        {
            return Ok(DbTarget::Postgres(PgUrl::new(v)));
        }
    }
    sqlite_path(v).map(DbTarget::Sqlite)
}

/// For clap's `value_parser`: the same check, its message as the error.
pub fn parse_arg(value: &str) -> Result<DbTarget, String> {
    target(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_typos_are_refused_in_words() {
        assert!(matches!(
            target("postgres://u:p@db/opendoor"),
            Ok(DbTarget::Postgres(_))
        ));
        assert!(matches!(
            target("POSTGRESQL://db"),
            Ok(DbTarget::Postgres(_))
        ));
        assert_eq!(target("postgres:/typo"), Err(DbTargetError::PostgresTypo));
        assert_eq!(target("postgres:db"), Err(DbTargetError::PostgresTypo));
        assert_eq!(
            sqlite_path("mysql://db"),
            Err(DbTargetError::NotAPath("mysql".into()))
        );
        assert_eq!(
            sqlite_path("https://example.org/db"),
            Err(DbTargetError::NotAPath("https".into()))
        );
        assert_eq!(sqlite_path("  "), Err(DbTargetError::Empty));
        assert!(sqlite_path("mysql://db")
            .unwrap_err()
            .to_string()
            .contains("file path"));
    }

    #[test]
    fn passwords_are_hidden_when_shown() {
        let t = target("postgres://od:s3cret@db:5432/opendoor?sslmode=require").unwrap();
        assert_eq!(
            t.to_string(),
            "postgres://od:***@db:5432/opendoor?sslmode=require"
        );
        assert!(!format!("{t:?}").contains("s3cret"));
        // A password holding '@' is hidden whole.
        let t = target("postgres://od:a@b@db/x").unwrap();
        assert_eq!(t.to_string(), "postgres://od:***@db/x");
    }

    #[test]
    fn file_paths_pass_and_folders_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.db");
        assert_eq!(sqlite_path(file.to_str().unwrap()), Ok(file.clone()));
        assert_eq!(
            sqlite_path("./data/opendoor.db"),
            Ok(PathBuf::from("./data/opendoor.db"))
        );
        assert_eq!(sqlite_path("opendoor.db"), Ok(PathBuf::from("opendoor.db")));
        assert_eq!(
            sqlite_path(dir.path().to_str().unwrap()),
            Err(DbTargetError::IsAFolder(dir.path().to_owned()))
        );
        std::fs::write(&file, b"x").unwrap();
        let under_file = file.join("deeper/x.db");
        assert_eq!(
            sqlite_path(under_file.to_str().unwrap()),
            Err(DbTargetError::ParentIsAFile(file.clone()))
        );
        // A colon later in a path is not a scheme.
        assert!(sqlite_path("./backups/2026-12-05T04:00.db").is_ok());
    }
}
