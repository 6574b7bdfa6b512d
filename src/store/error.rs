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
         or split the sources between instances with their own files (or one PostgreSQL store when \
         that backend lands)"
    )]
    InUse {
        /// The database file.
        path: PathBuf,
        /// Who holds it, as it recorded itself.
        holder: String,
    },
    /// The writer thread has stopped.
    #[error("the database writer has stopped")]
    WriterGone,
}
