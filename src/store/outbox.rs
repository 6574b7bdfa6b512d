//! The alert outbox through [`Store`], whichever backend: the SQLite functions of
//! `store::alerts` on the writer thread, or `pg::alerts` on the pool, where each due alert is
//! claimed by one instance for its attempt.

use chrono::{DateTime, Utc};

use super::alerts::{AlertSelector, AttemptOutcome, DueAlert};
use super::{Backend, Store, StoreError, pg};

/// How long an instance's claim on an alert's attempt holds before another may retry it.
const ALERT_CLAIM_SECS: u64 = 120;

impl Store {
    /// Sets the alert watermark to the newest mention if it was never set.
    ///
    /// # Errors
    /// A database error.
    pub async fn init_alert_watermark(&self) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => self.call(|c| super::alerts::init_watermark(c)).await,
            Backend::Postgres { pg, .. } => pg::alerts::init_watermark(&pg.client().await?).await,
        }
    }

    /// Queues the alerts `select` asks for, for every mention newer than the watermark.
    ///
    /// # Errors
    /// A database error; nothing is queued then.
    pub async fn queue_alerts(
        &self,
        select: AlertSelector,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| super::alerts::queue_alerts(c, &select, now))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::alerts::queue_alerts(&mut pg.client().await?, &select, now).await
            }
        }
    }

    /// Alerts due for an attempt by this instance, oldest first (on PostgreSQL, claimed for
    /// it: another instance does not attempt them meanwhile).
    ///
    /// # Errors
    /// A database error.
    pub async fn due_alerts(
        &self,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<DueAlert>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| super::alerts::due_alerts(c, now, limit))
                    .await
            }
            Backend::Postgres { pg, instance } => {
                pg::alerts::claim_due(
                    &pg.client().await?,
                    now,
                    limit,
                    &instance.name,
                    ALERT_CLAIM_SECS,
                )
                .await
            }
        }
    }

    /// Records how an attempt ended.
    ///
    /// # Errors
    /// A database error.
    pub async fn record_alert_attempt(
        &self,
        id: i64,
        outcome: AttemptOutcome,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| super::alerts::record_attempt(c, id, &outcome, now))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::alerts::record_attempt(&pg.client().await?, id, &outcome, now).await
            }
        }
    }

    /// Marks an alert as being sent, before an at-most-once attempt.
    ///
    /// # Errors
    /// A database error.
    pub async fn mark_alert_sending(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| super::alerts::mark_sending(c, id, now))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::alerts::mark_sending(&pg.client().await?, id, now).await
            }
        }
    }

    /// At start: alerts interrupted mid-send (at-most-once) are recorded as never resent.
    ///
    /// # Errors
    /// A database error.
    pub async fn settle_interrupted_alerts(&self) -> Result<usize, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => self.call(|c| super::alerts::settle_interrupted(c)).await,
            Backend::Postgres { pg, .. } => {
                pg::alerts::settle_interrupted(&pg.client().await?).await
            }
        }
    }

    /// The JSON payloads of the latest alerts, newest first.
    ///
    /// # Errors
    /// A database error.
    pub async fn recent_alert_payloads(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| super::alerts::recent_payloads(c, limit))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::alerts::recent_payloads(&pg.client().await?, limit).await
            }
        }
    }
}
