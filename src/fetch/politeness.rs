//! Politeness towards publishers: per-host concurrency and minimum gap between requests, and
//! reading `Retry-After`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Limits applied to every host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostLimits {
    /// Requests to one host at the same time.
    pub max_concurrent: usize,
    /// Minimum time between the starts of two requests to one host.
    pub min_interval: Duration,
}

impl Default for HostLimits {
    fn default() -> Self {
        Self {
            max_concurrent: 2,
            min_interval: Duration::from_millis(1000),
        }
    }
}

/// The politeness key of a URL: its host and port.
pub fn host_key(url: &url::Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// How long a `Retry-After` value asks to wait: delay-seconds or an HTTP date. Capped at a
/// day so a hostile value cannot silence a source for good.
pub fn retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    let wait = if let Ok(secs) = value.parse::<u64>() {
        Duration::from_secs(secs)
    } else {
        let at = DateTime::parse_from_rfc2822(value)
            .ok()?
            .with_timezone(&Utc);
        (at - now).to_std().unwrap_or(Duration::ZERO)
    };
    Some(wait.min(Duration::from_secs(24 * 3600)))
}

struct HostSlot {
    permits: Arc<Semaphore>,
    next_start: tokio::sync::Mutex<Instant>,
}

/// Per-host slots, created on first use.
pub(crate) struct Hosts {
    limits: HostLimits,
    slots: Mutex<HashMap<String, Arc<HostSlot>>>,
}

impl std::fmt::Debug for Hosts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hosts")
            .field("limits", &self.limits)
            .finish()
    }
}

impl Hosts {
    pub(crate) fn new(limits: HostLimits) -> Self {
        Self {
            limits,
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for this host's turn; the request may run while the returned permit lives.
    pub(crate) async fn turn(&self, key: &str) -> Option<OwnedSemaphorePermit> {
        let slot = {
            let mut slots = self.slots.lock().ok()?;
            Arc::clone(slots.entry(key.to_owned()).or_insert_with(|| {
                Arc::new(HostSlot {
                    permits: Arc::new(Semaphore::new(self.limits.max_concurrent.max(1))),
                    next_start: tokio::sync::Mutex::new(Instant::now()),
                })
            }))
        };
        let permit = Arc::clone(&slot.permits).acquire_owned().await.ok();
        let mut next = slot.next_start.lock().await;
        let now = Instant::now();
        if *next > now {
            tokio::time::sleep_until(*next).await;
        }
        *next = Instant::now() + self.limits.min_interval;
        permit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_capped() {
        let now = DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Fri, 27 Nov 2026 12:05:00 GMT", now),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            retry_after("Fri, 27 Nov 2026 11:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            retry_after("99999999", now),
            Some(Duration::from_secs(86400))
        );
        assert_eq!(retry_after("soon", now), None);
    }

    #[test]
    fn host_keys_include_the_port() {
        let u = |s: &str| url::Url::parse(s).unwrap();
        assert_eq!(host_key(&u("https://mil.am/en/news")), "mil.am:443");
        assert_eq!(host_key(&u("http://127.0.0.1:8080/x")), "127.0.0.1:8080");
    }

    #[tokio::test(start_paused = true)]
    async fn requests_to_one_host_are_spaced() {
        let hosts = Hosts::new(HostLimits {
            max_concurrent: 1,
            min_interval: Duration::from_secs(2),
        });
        let start = Instant::now();
        drop(hosts.turn("a:80").await);
        drop(hosts.turn("a:80").await);
        drop(hosts.turn("b:80").await);
        assert!(start.elapsed() >= Duration::from_secs(2));
        assert!(start.elapsed() < Duration::from_secs(4));
    }
}
