//! What `--db` (or `OPENDOOR_DB`) names, checked before anything is opened or created: a file
//! path for the SQLite store. A URL (`postgres://…`, a typo such as `postgres:/…`, `mysql://…`)
//! is refused in words, where it was once taken for a path and made a folder named
//! `postgres:` with a database in it. PostgreSQL is issue 17's: until then, a clear "not yet".

use std::path::PathBuf;

/// Why a `--db` value cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbTargetError {
    Empty,
    /// `postgres://` or `postgresql://`: not supported by this build yet.
    PostgresNotYet,
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
            DbTargetError::PostgresNotYet => write!(
                f,
                "this build stores data in a SQLite file only; PostgreSQL is not supported yet. Give a file path, such as ./data/opendoor.db (docs/deployment.md)"
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
                DbTargetError::PostgresNotYet
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

/// For clap's `value_parser`: the same check, its message as the error.
pub fn parse_arg(value: &str) -> Result<PathBuf, String> {
    sqlite_path(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_typos_are_refused_in_words() {
        assert_eq!(
            sqlite_path("postgres://u:p@db/opendoor"),
            Err(DbTargetError::PostgresNotYet)
        );
        assert_eq!(
            sqlite_path("POSTGRESQL://db"),
            Err(DbTargetError::PostgresNotYet)
        );
        assert_eq!(
            sqlite_path("postgres:/typo"),
            Err(DbTargetError::PostgresNotYet)
        );
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
