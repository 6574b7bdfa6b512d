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
    /// The writer thread has stopped.
    #[error("the database writer has stopped")]
    WriterGone,
}
