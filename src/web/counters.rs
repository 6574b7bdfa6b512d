//! The site's request counters: how many requests, how many failed (5xx), the time spent and
//! a latency histogram, read by the metrics endpoint and recorded in the database for
//! `claimwatch status`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds of the latency buckets, in milliseconds (the last bucket is unbounded).
pub const BUCKETS_MS: [u64; 9] = [5, 10, 25, 50, 100, 250, 500, 1000, 5000];

/// Counters shared by every request of a site.
#[derive(Debug, Default)]
pub struct RequestCounters {
    requests: AtomicU64,
    failures: AtomicU64,
    latency_us: AtomicU64,
    buckets: [AtomicU64; BUCKETS_MS.len() + 1],
}

/// A snapshot of [`RequestCounters`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RequestTotals {
    /// Requests answered.
    pub requests: u64,
    /// Of them, answered with a server error (5xx).
    pub failures: u64,
    /// Time spent answering them, in microseconds.
    pub latency_us: u64,
    /// Requests per latency bucket (`BUCKETS_MS`, then the rest).
    pub buckets: [u64; BUCKETS_MS.len() + 1],
}

impl RequestCounters {
    /// Counts one request that took `took` and answered `status`.
    pub fn record(&self, took: Duration, status: u16) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        if status >= 500 {
            self.failures.fetch_add(1, Ordering::Relaxed);
        }
        let us = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.latency_us.fetch_add(us, Ordering::Relaxed);
        let ms = us / 1000;
        let slot = BUCKETS_MS
            .iter()
            .position(|&b| ms < b)
            .unwrap_or(BUCKETS_MS.len());
        self.buckets[slot].fetch_add(1, Ordering::Relaxed);
    }

    /// The counts so far.
    pub fn totals(&self) -> RequestTotals {
        let mut buckets = [0; BUCKETS_MS.len() + 1];
        for (b, c) in buckets.iter_mut().zip(&self.buckets) {
            *b = c.load(Ordering::Relaxed);
        }
        RequestTotals {
            requests: self.requests.load(Ordering::Relaxed),
            failures: self.failures.load(Ordering::Relaxed),
            latency_us: self.latency_us.load(Ordering::Relaxed),
            buckets,
        }
    }
}

impl RequestTotals {
    /// Mean time per request, in milliseconds (0 with no requests).
    pub fn mean_ms(&self) -> f64 {
        if self.requests == 0 {
            0.0
        } else {
            self.latency_us as f64 / self.requests as f64 / 1000.0
        }
    }

    /// The bucket bound under which 95% of requests were answered, in milliseconds; `None`
    /// with no requests or when the slowest 5% took longer than the last bound.
    pub fn p95_bound_ms(&self) -> Option<u64> {
        if self.requests == 0 {
            return None;
        }
        let need = self.requests.saturating_mul(95).div_ceil(100);
        let mut seen = 0;
        for (i, &n) in self.buckets.iter().enumerate() {
            seen += n;
            if seen >= need {
                return BUCKETS_MS.get(i).copied();
            }
        }
        None
    }

    /// The counters in the Prometheus text format.
    pub fn prometheus(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP claimwatch_web_requests_total Requests the web site answered.\n# TYPE claimwatch_web_requests_total counter\n");
        out.push_str(&format!(
            "claimwatch_web_requests_total {}\n",
            self.requests
        ));
        out.push_str("# HELP claimwatch_web_request_failures_total Requests answered with a server error (5xx).\n# TYPE claimwatch_web_request_failures_total counter\n");
        out.push_str(&format!(
            "claimwatch_web_request_failures_total {}\n",
            self.failures
        ));
        out.push_str("# HELP claimwatch_web_request_seconds_total Time spent answering them.\n# TYPE claimwatch_web_request_seconds_total counter\n");
        out.push_str(&format!(
            "claimwatch_web_request_seconds_total {:.6}\n",
            self.latency_us as f64 / 1e6
        ));
        out.push_str("# HELP claimwatch_web_request_seconds How long requests took.\n# TYPE claimwatch_web_request_seconds histogram\n");
        let mut cumulative = 0;
        for (i, &n) in self.buckets.iter().enumerate() {
            cumulative += n;
            let le = BUCKETS_MS.get(i).map_or_else(
                || "+Inf".to_string(),
                |ms| format!("{}", *ms as f64 / 1000.0),
            );
            out.push_str(&format!(
                "claimwatch_web_request_seconds_bucket{{le=\"{le}\"}} {cumulative}\n"
            ));
        }
        out.push_str(&format!(
            "claimwatch_web_request_seconds_sum {:.6}\nclaimwatch_web_request_seconds_count {}\n",
            self.latency_us as f64 / 1e6,
            self.requests
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_fall_into_buckets_and_give_a_p95_bound() {
        let c = RequestCounters::default();
        for _ in 0..95 {
            c.record(Duration::from_millis(3), 200);
        }
        for _ in 0..5 {
            c.record(Duration::from_millis(300), 500);
        }
        let t = c.totals();
        assert_eq!((t.requests, t.failures), (100, 5));
        assert_eq!(t.p95_bound_ms(), Some(5));
        c.record(Duration::from_millis(40), 200);
        assert_eq!(c.totals().p95_bound_ms(), Some(50));
        assert!((t.mean_ms() - (95.0 * 3.0 + 5.0 * 300.0) / 100.0).abs() < 0.01);
        let text = t.prometheus();
        assert!(
            text.contains("claimwatch_web_request_seconds_bucket{le=\"0.005\"} 95\n"),
            "{text}"
        );
        assert!(text.contains("claimwatch_web_request_seconds_bucket{le=\"+Inf\"} 100\n"));
        assert!(text.contains("claimwatch_web_request_failures_total 5\n"));
        assert_eq!(RequestTotals::default().p95_bound_ms(), None);
    }
}
