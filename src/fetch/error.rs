//! Fetch errors that name the source and URL.

use std::time::Duration;

/// A request that did not produce a usable body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("source \"{source_name}\": {url}: {kind}")]
pub struct FetchError {
    /// The source being polled.
    pub source_name: String,
    /// The URL requested.
    pub url: String,
    /// What went wrong.
    pub kind: FetchErrorKind,
    /// How long the server asked us to wait (`Retry-After` on a 429 or 503).
    pub retry_after: Option<Duration>,
}

/// What went wrong with a request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FetchErrorKind {
    /// The server answered with a non-success status.
    #[error("server answered {0}")]
    Status(u16),
    /// The body exceeded the configured cap.
    #[error("response body larger than the {limit}-byte limit")]
    TooLarge {
        /// The cap in bytes.
        limit: u64,
    },
    /// The server stopped sending mid-body.
    #[error("server stalled: no data for {} s", after.as_secs())]
    Stalled {
        /// How long it was silent.
        after: Duration,
    },
    /// The whole request overran its time limit.
    #[error("request timed out")]
    Timeout,
    /// The connection could not be made or broke.
    #[error("connection failed: {0}")]
    Connect(String),
    /// Any other HTTP-level failure.
    #[error("request failed: {0}")]
    Request(String),
    /// The HTTP client could not be built.
    #[error("cannot build HTTP client: {0}")]
    Client(String),
}

impl FetchErrorKind {
    pub(crate) fn from_reqwest(e: &reqwest::Error) -> Self {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            message.push_str(": ");
            message.push_str(&s.to_string());
            source = s.source();
        }
        if e.is_timeout() {
            FetchErrorKind::Timeout
        } else if e.is_connect() {
            FetchErrorKind::Connect(message)
        } else {
            FetchErrorKind::Request(message)
        }
    }
}
