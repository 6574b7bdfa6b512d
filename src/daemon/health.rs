//! What the daemon tells `systemctl status`: sources, the last poll, how many are failing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::schedule::{PollEvent, PollOutcome};

/// Poll results seen since start, for the status line.
#[derive(Debug, Clone, Default)]
pub struct Health {
    inner: Arc<Mutex<HealthState>>,
}

#[derive(Debug, Default)]
struct HealthState {
    sources: usize,
    failing: HashMap<String, bool>,
    last_poll: Option<DateTime<Utc>>,
}

impl Health {
    /// Sets how many sources are scheduled.
    pub fn set_sources(&self, n: usize) {
        if let Ok(mut s) = self.inner.lock() {
            s.sources = n;
        }
    }

    /// Takes one poll result into account.
    pub fn record(&self, event: &PollEvent, at: DateTime<Utc>) {
        if matches!(event.outcome, PollOutcome::Deferred(_)) {
            return;
        }
        if let Ok(mut s) = self.inner.lock() {
            s.failing.insert(
                event.source.clone(),
                matches!(event.outcome, PollOutcome::Failed(_)),
            );
            s.last_poll = Some(at);
        }
    }

    /// "12 sources, last poll 14:02:11 UTC, 2 failing".
    pub fn line(&self) -> String {
        let Ok(s) = self.inner.lock() else {
            return "running".into();
        };
        let failing = s.failing.values().filter(|f| **f).count();
        let last = s.last_poll.map_or_else(
            || "no poll yet".to_owned(),
            |t| format!("last poll {} UTC", t.format("%H:%M:%S")),
        );
        format!("{} sources, {last}, {failing} failing", s.sources)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::PollSummary;

    #[test]
    fn the_line_counts_failing_sources_by_their_latest_poll() {
        let h = Health::default();
        h.set_sources(3);
        assert_eq!(h.line(), "3 sources, no poll yet, 0 failing");
        let at = DateTime::parse_from_rfc3339("2026-11-27T14:02:11Z")
            .unwrap()
            .with_timezone(&Utc);
        let ev = |s: &str, ok: bool| PollEvent {
            source: s.into(),
            outcome: if ok {
                PollOutcome::Stored {
                    items_seen: 1,
                    summary: PollSummary::default(),
                }
            } else {
                PollOutcome::Failed("x".into())
            },
        };
        h.record(&ev("a", false), at);
        h.record(&ev("b", false), at);
        h.record(&ev("b", true), at);
        assert_eq!(h.line(), "3 sources, last poll 14:02:11 UTC, 1 failing");
    }
}
