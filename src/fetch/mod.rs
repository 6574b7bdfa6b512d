//! HTTP for sources: one client, conditional GET, timeouts, a body cap, and decoding of
//! whatever charset a publisher used into UTF-8.
//!
//! Types: [`Fetcher`], [`Validators`], [`Fetched`], [`FetchOutcome`], [`FetchError`].

mod decode;
mod error;
mod politeness;
mod robots;

use std::time::Duration;

pub use decode::{decode_feed, decode_html};
pub use error::{FetchError, FetchErrorKind};
pub use politeness::{HostLimits, host_key, retry_after};
pub use robots::allows as robots_allows;

use reqwest::header::{
    CONTENT_TYPE, ETAG, HeaderMap, HeaderValue, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
};

/// The conditional-GET validators a source's last successful poll returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` header, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A response with a body.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: url::Url,
    /// The HTTP status (2xx).
    pub status: u16,
    /// Validators to send next time.
    pub validators: Validators,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The raw body, at most the configured cap.
    pub body: Vec<u8>,
}

/// What a poll's request came back with.
#[derive(Debug, Clone)]
pub enum FetchOutcome {
    /// 304: nothing changed since the validators were issued.
    NotModified(Validators),
    /// A new body.
    Fetched(Fetched),
}

/// Limits and identity for every request.
#[derive(Debug, Clone)]
pub struct FetchSettings {
    /// The User-Agent header.
    pub user_agent: String,
    /// Limit on establishing a connection.
    pub connect_timeout: Duration,
    /// Limit on a whole request, body included.
    pub timeout: Duration,
    /// Largest body accepted.
    pub max_body_bytes: u64,
    /// Politeness towards each host.
    pub host_limits: HostLimits,
}

/// The HTTP client shared by all sources.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    settings: FetchSettings,
    hosts: std::sync::Arc<politeness::Hosts>,
    robots: std::sync::Arc<robots::RobotsCache>,
}

/// Longest wait for the next chunk of a body before the server counts as stalled.
const STALL: Duration = Duration::from_secs(20);

impl Fetcher {
    /// Builds the client.
    ///
    /// # Errors
    /// [`FetchErrorKind::Client`] when the TLS or HTTP stack cannot be set up.
    pub fn new(settings: FetchSettings) -> Result<Self, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(settings.user_agent.clone())
            .connect_timeout(settings.connect_timeout)
            .timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::limited(8))
            .build()
            .map_err(|e| FetchError {
                source_name: String::new(),
                url: String::new(),
                kind: FetchErrorKind::Client(e.to_string()),
                retry_after: None,
            })?;
        let hosts = std::sync::Arc::new(politeness::Hosts::new(settings.host_limits));
        Ok(Self {
            client,
            settings,
            hosts,
            robots: std::sync::Arc::default(),
        })
    }

    /// Whether the host's robots.txt lets claimwatch fetch `url`. The file is fetched once a
    /// day per host; a missing or unreachable robots.txt allows everything.
    pub async fn allowed_by_robots(&self, url: &url::Url) -> bool {
        let key = host_key(url);
        if let Some(body) = self.robots.get(&key) {
            return body.is_none_or(|b| robots::allows(&b, url.as_str()));
        }
        // One fetch per host even when its sources are polled at once.
        let _fetching = self.robots.fetching.lock().await;
        let body = match self.robots.get(&key) {
            Some(body) => body,
            None => {
                let mut robots_url = url.clone();
                robots_url.set_path("/robots.txt");
                robots_url.set_query(None);
                let body = match self
                    .client
                    .get(robots_url)
                    .timeout(self.settings.connect_timeout * 3)
                    .send()
                    .await
                {
                    Ok(r) if r.status().is_success() => r.text().await.ok(),
                    _ => None,
                };
                self.robots.put(&key, body.clone());
                body
            }
        };
        body.is_none_or(|b| robots::allows(&b, url.as_str()))
    }

    /// GETs `url` for source `source_name`, sending the validators; reads at most
    /// `max_body_bytes`, and gives up on a server that stops sending for 20 seconds or
    /// overruns the total timeout.
    ///
    /// # Errors
    /// A [`FetchError`] naming the source and URL: connection failure, timeout, stall,
    /// non-success status, or an oversized body.
    pub async fn fetch(
        &self,
        source_name: &str,
        url: &url::Url,
        validators: &Validators,
    ) -> Result<FetchOutcome, FetchError> {
        let err = |kind| FetchError {
            source_name: source_name.to_owned(),
            url: url.to_string(),
            kind,
            retry_after: None,
        };
        // Politeness: at most N requests to a host at once, and a minimum gap between them.
        let _turn = self.hosts.turn(&host_key(url)).await;
        let mut headers = HeaderMap::new();
        if let Some(v) = validators
            .etag
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            headers.insert(IF_NONE_MATCH, v);
        }
        if let Some(v) = validators
            .last_modified
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            headers.insert(IF_MODIFIED_SINCE, v);
        }
        let mut response = self
            .client
            .get(url.clone())
            .headers(headers)
            .send()
            .await
            .map_err(|e| err(FetchErrorKind::from_reqwest(&e)))?;
        let status = response.status();
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let new_validators = Validators {
            etag: header(ETAG),
            last_modified: header(LAST_MODIFIED),
        };
        if status == reqwest::StatusCode::NOT_MODIFIED {
            // Keep the old validators where the 304 does not repeat them.
            return Ok(FetchOutcome::NotModified(Validators {
                etag: new_validators.etag.or_else(|| validators.etag.clone()),
                last_modified: new_validators
                    .last_modified
                    .or_else(|| validators.last_modified.clone()),
            }));
        }
        if !status.is_success() {
            let wait = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| retry_after(v, chrono::Utc::now()));
            return Err(FetchError {
                retry_after: wait,
                ..err(FetchErrorKind::Status(status.as_u16()))
            });
        }
        let content_type = header(CONTENT_TYPE);
        let limit = self.settings.max_body_bytes;
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(err(FetchErrorKind::TooLarge { limit }));
        }
        let final_url = response.url().clone();
        let mut body = Vec::new();
        loop {
            let chunk = match tokio::time::timeout(STALL, response.chunk()).await {
                Err(_) => return Err(err(FetchErrorKind::Stalled { after: STALL })),
                Ok(Err(e)) => return Err(err(FetchErrorKind::from_reqwest(&e))),
                Ok(Ok(None)) => break,
                Ok(Ok(Some(chunk))) => chunk,
            };
            if body.len() as u64 + chunk.len() as u64 > limit {
                return Err(err(FetchErrorKind::TooLarge { limit }));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(FetchOutcome::Fetched(Fetched {
            final_url,
            status: status.as_u16(),
            validators: new_validators,
            content_type,
            body,
        }))
    }
}
