//! What can go wrong with the database, each with its cause kept as the error's source.

use std::path::PathBuf;

/// The store's errors. `Display` is for the operator and the log; handlers answer 500 with
/// their own words and log this.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("could not create the folder {path}")]
    Folder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not open the database {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("could not make the database private (owner-only) at {path}")]
    Permissions {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "the database is from a newer opendoor-server (schema {found}, this one knows {known}): \
         use the newer server, or restore a backup"
    )]
    TooNew { found: i64, known: usize },
    #[error("applying database migration {number} failed")]
    Migration {
        number: usize,
        #[source]
        source: rusqlite::Error,
    },
    #[error("the database could not be read or written")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the PostgreSQL database could not be read or written")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("applying PostgreSQL migration {number} failed")]
    PgMigration {
        number: usize,
        #[source]
        source: tokio_postgres::Error,
    },
    /// The database's settings are wrong; the sentence says which and how to fix it.
    #[error("{0}")]
    Config(String),
    #[error("the PostgreSQL database could not be reached ({0}); check that it is running, the URL given to --db, and the network between them")]
    Unreachable(String),
    #[error("column {index} of a stored row holds {found}, not what the server expected")]
    Column { index: usize, found: &'static str },
    #[error("a row the server expected is not in the database")]
    NoRow,
    #[error("stored data could not be read or written as JSON")]
    Json(#[from] serde_json::Error),
    #[error("{what} is damaged in the database")]
    Damaged {
        what: String,
        /// Why it does not read, when a parser said.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// What was asked cannot be done with this data; the sentence says why and what to do.
    #[error("{0}")]
    Invalid(String),
    #[error("the write-ahead log could not be checkpointed, so erased data may remain on disk")]
    Checkpoint,
    #[error("the clock reads {now} seconds since 1970, which is not a date the server can write")]
    ClockOutOfRange {
        now: i64,
        #[source]
        source: time::error::ComponentRange,
    },
    #[error("the operating system's random source failed")]
    Random(#[source] getrandom::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// The database could not do it just now, through no fault of the request: out of reach, a
    /// statement over its time limit (another writer holding on), too many connections, shutting
    /// down. The same request may well succeed shortly, so the API answers 503.
    pub fn is_temporary(&self) -> bool {
        use tokio_postgres::error::SqlState;
        match self {
            StoreError::Unreachable(_) => true,
            StoreError::Postgres(e) => {
                e.is_closed()
                    || e.code().is_some_and(|c| {
                        [
                            SqlState::QUERY_CANCELED,
                            SqlState::T_R_SERIALIZATION_FAILURE,
                            SqlState::T_R_DEADLOCK_DETECTED,
                            SqlState::TOO_MANY_CONNECTIONS,
                            SqlState::ADMIN_SHUTDOWN,
                            SqlState::CANNOT_CONNECT_NOW,
                        ]
                        .contains(c)
                    })
            }
            _ => false,
        }
    }
}
