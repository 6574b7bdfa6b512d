//! Records the site's counters in the database now and then, so that `claimwatch status`
//! shows the site's requests and latency whether or not it is running.

use std::sync::Arc;
use std::time::Duration;

use crate::store::{Store, StoreError, WebStats};

use super::Site;

/// How often the counters are written.
pub const RECORD_EVERY: Duration = Duration::from_secs(60);

/// The counters of `site` (serving on `listen`, started at `started_at`) as a record.
pub fn snapshot(site: &Site, listen: &str, started_at: &str) -> WebStats {
    let t = site.totals();
    WebStats {
        listen: listen.to_string(),
        started_at: started_at.to_string(),
        updated_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        requests: t.requests,
        failures: t.failures,
        seconds: t.latency_us as f64 / 1e6,
        p95_ms: t.p95_bound_ms(),
    }
}

/// Writes the counters of `site` through `store` once.
///
/// # Errors
/// A store error.
pub async fn record(
    store: &Store,
    site: &Site,
    listen: &str,
    started_at: &str,
) -> Result<(), StoreError> {
    let stats = snapshot(site, listen, started_at);
    store.record_web_stats(stats).await
}

/// Writes the counters every `every` until the task is aborted; a failed write is logged
/// and retried at the next tick.
pub async fn record_every(
    store: Store,
    site: Arc<Site>,
    listen: String,
    started_at: String,
    every: Duration,
) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = record(&store, &site, &listen, &started_at).await {
            tracing::warn!("cannot record the web site's counters: {e}");
        }
    }
}
