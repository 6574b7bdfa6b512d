//! Where the store lives: an SQLite file (the embedded default) or a PostgreSQL database named
//! by a `postgres://` URL.

use std::fmt;
use std::path::{Path, PathBuf};

/// The configured database, from `daemon.database` or `--db`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// An SQLite file; created with its directory when missing.
    Sqlite(PathBuf),
    /// A PostgreSQL database shared by any number of instances.
    Postgres(PostgresUrl),
}

/// A validated `postgres://` (or `postgresql://`) URL. Its password is never shown.
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresUrl(String);

impl PostgresUrl {
    /// The URL as given, password included, for connecting.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "host:port/database", for messages: what a user needs to find the server, without
    /// the password.
    pub fn display_target(&self) -> String {
        let Ok(url) = url::Url::parse(&self.0) else {
            return "postgres".into();
        };
        let host = url.host_str().unwrap_or("localhost");
        let port = url.port().unwrap_or(5432);
        let db = url.path().trim_start_matches('/');
        format!("{host}:{port}/{db}")
    }
}

impl fmt::Debug for PostgresUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PostgresUrl({})", self.display_target())
    }
}

impl Database {
    /// Reads a `database` value: a `postgres://` URL, or else the path of an SQLite file.
    ///
    /// # Errors
    /// Why the value cannot be used: a URL of another scheme (never taken for a relative
    /// path, which would create a directory `mysql:` in the working directory), or a
    /// PostgreSQL URL without a database name or that does not parse.
    pub fn parse(value: &str) -> Result<Self, String> {
        let Some((scheme, _)) = value.split_once("://") else {
            return Ok(Self::Sqlite(PathBuf::from(value)));
        };
        let is_scheme = scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if !is_scheme {
            return Ok(Self::Sqlite(PathBuf::from(value)));
        }
        match scheme.to_ascii_lowercase().as_str() {
            "postgres" | "postgresql" => {
                let config: tokio_postgres::Config = value
                    .parse()
                    .map_err(|e| format!("not a valid PostgreSQL URL: {e}"))?;
                if config.get_dbname().is_none_or(str::is_empty) {
                    return Err(
                        "the PostgreSQL URL names no database (postgres://USER@HOST:PORT/DATABASE)"
                            .into(),
                    );
                }
                if config.get_hosts().is_empty() {
                    return Err(
                        "the PostgreSQL URL names no host (postgres://USER@HOST:PORT/DATABASE)"
                            .into(),
                    );
                }
                Ok(Self::Postgres(PostgresUrl(value.to_owned())))
            }
            "sqlite" | "file" => Err(format!(
                "give the SQLite file as a plain path, without \"{scheme}://\""
            )),
            _ => Err(format!(
                "unknown database scheme \"{scheme}\"; give the path of an SQLite file or a \
                 postgres:// URL"
            )),
        }
    }

    /// The SQLite file, or `None` for PostgreSQL.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            Self::Sqlite(p) => Some(p),
            Self::Postgres(_) => None,
        }
    }
}

impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(p) => write!(f, "{}", p.display()),
            Self::Postgres(url) => write!(f, "postgres://{}", url.display_target()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_urls_and_refusals() {
        assert_eq!(
            Database::parse("/srv/cw:2/claimwatch.db").unwrap(),
            Database::Sqlite("/srv/cw:2/claimwatch.db".into())
        );
        let pg = Database::parse("postgres://cw:secret@db.internal:5433/claims?sslmode=require")
            .unwrap();
        assert!(matches!(pg, Database::Postgres(_)));
        assert_eq!(pg.to_string(), "postgres://db.internal:5433/claims");
        assert!(!format!("{pg:?}").contains("secret"));
        assert!(
            Database::parse("mysql://u@db/cw")
                .unwrap_err()
                .contains("unknown database scheme \"mysql\"")
        );
        assert!(
            Database::parse("sqlite:///tmp/x.db")
                .unwrap_err()
                .contains("plain path")
        );
        assert!(
            Database::parse("postgres://cw@db.internal:5432/")
                .unwrap_err()
                .contains("names no database")
        );
        assert!(
            Database::parse("postgres://cw@db:5432/cw?sslmode=sometimes")
                .unwrap_err()
                .contains("not a valid PostgreSQL URL")
        );
    }
}
