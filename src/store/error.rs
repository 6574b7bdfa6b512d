//! Store errors.

use std::path::PathBuf;

/// A database problem.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("cannot open database {path}: {message}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The schema could not be brought up to date.
    #[error("cannot migrate database schema: {0}")]
    Migrate(String),
    /// A query failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A query the user gave does not parse (a full-text search's syntax).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// Another daemon holds the database (SQLite has no leases: one daemon per file).
    #[error(
        "database {path} is in use by {holder}; SQLite allows one daemon per file: stop that one, \
         or point every instance at one PostgreSQL store (daemon.database = \"postgres://…\"), \
         where instances share the sources by leases"
    )]
    InUse {
        /// The database file.
        path: PathBuf,
        /// Who holds it, as it recorded itself.
        holder: String,
    },
    /// PostgreSQL cannot be reached, refused the login, or dropped the connection.
    #[error("PostgreSQL{}: {message}", at(target))]
    Postgres {
        /// "host:port/database" (empty when the error came from a query on a pooled
        /// connection).
        target: String,
        /// The cause, said once.
        message: String,
    },
    /// A PostgreSQL query failed.
    #[error("database error: {0}")]
    Query(String),
    /// A feature that reads the SQLite file directly was asked of a PostgreSQL store.
    #[error("{0} works on an SQLite store only for now; give --db PATH of an SQLite file")]
    SqliteOnly(String),
    /// A copy between stores would mix data, or its counts differ at the end.
    #[error("store copy: {0}")]
    CopyMismatch(String),
    /// A read ran past its time limit and was stopped (the web site's queries).
    #[error("the query ran longer than its time limit and was stopped")]
    TimedOut,
    /// The writer thread has stopped.
    #[error("the database writer has stopped")]
    WriterGone,
}

/// " at host:port/db", or nothing when the target is not known.
fn at(target: &str) -> String {
    if target.is_empty() {
        String::new()
    } else {
        format!(" at {target}")
    }
}
