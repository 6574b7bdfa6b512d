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
    /// The cause of a failed request, said once ("DNS lookup failed for mil.am"); reqwest's
    /// whole chain ("error sending request for url (…): client error (Connect): dns error: …")
    /// goes to the debug log.
    pub(crate) fn from_reqwest(e: &reqwest::Error) -> Self {
        let mut chain = e.to_string();
        let mut innermost = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            chain.push_str(": ");
            chain.push_str(&s.to_string());
            innermost = s.to_string();
            source = s.source();
        }
        tracing::debug!(url = e.url().map(|u| u.as_str()), error = %chain, "request failed");
        if e.is_timeout() {
            return FetchErrorKind::Timeout;
        }
        let host = e
            .url()
            .and_then(|u| {
                u.host_str()
                    .map(|h| (h.to_string(), u.port_or_known_default()))
            })
            .map(|(h, port)| match port {
                Some(p) => (h.clone(), format!("{h}:{p}")),
                None => (h.clone(), h),
            });
        let (host, host_port) = host.unwrap_or_else(|| ("the server".into(), "the server".into()));
        let lower = chain.to_lowercase();
        let cause = if lower.contains("dns error") || lower.contains("failed to lookup address") {
            Some(format!("DNS lookup failed for {host}"))
        } else if lower.contains("connection refused") {
            Some(format!("connection refused by {host_port}"))
        } else if lower.contains("connection reset") {
            Some(format!("connection reset by {host_port}"))
        } else if lower.contains("network is unreachable") || lower.contains("no route to host") {
            Some(format!("no route to {host_port}"))
        } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("ssl") {
            Some(format!(
                "TLS handshake with {host_port} failed: {innermost}"
            ))
        } else {
            None
        };
        if e.is_connect() {
            FetchErrorKind::Connect(
                cause.unwrap_or_else(|| format!("cannot connect to {host_port}: {innermost}")),
            )
        } else {
            FetchErrorKind::Request(cause.unwrap_or(innermost))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind of a request to `url` made with a short timeout.
    async fn kind_of(url: &str) -> FetchErrorKind {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("client builds");
        match client.get(url).send().await {
            Ok(r) => panic!("{url} answered {}", r.status()),
            Err(e) => FetchErrorKind::from_reqwest(&e),
        }
    }

    #[tokio::test]
    async fn a_refused_connection_is_said_once_with_its_address() {
        // A port that was just free: nothing listens there.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let kind = kind_of(&format!("http://127.0.0.1:{port}/feed.xml")).await;
        assert_eq!(
            kind.to_string(),
            format!("connection failed: connection refused by 127.0.0.1:{port}")
        );
    }

    #[tokio::test]
    async fn an_unknown_host_is_a_dns_failure_naming_the_host() {
        // `.invalid` never resolves (RFC 6761).
        let kind = kind_of("http://no-such-host.invalid/feed.xml").await;
        let text = kind.to_string();
        assert!(
            text == "connection failed: DNS lookup failed for no-such-host.invalid"
                || text.starts_with("connection failed: cannot connect to no-such-host.invalid"),
            "{text}"
        );
        assert!(!text.contains("error sending request"), "{text}");
    }
}
