//! The schedule: one tokio-cron-scheduler job per enabled source, a catch-up pass at start,
//! and the guarantees around it: a source is never polled twice at once, polls on the same
//! cron are spread by a jitter derived from the source's name, at most `concurrency` polls
//! run at a time, and a failing source is simply tried again at its next time.
//!
//! Types: [`Schedule`], [`PollContext`], [`PollOutcome`], [`PollEvent`], [`ScheduleError`].

mod article;
pub mod backoff;
pub mod cpu;
mod poll;
mod telegram;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{Semaphore, broadcast};
use tokio_cron_scheduler::{Job, JobScheduler};

pub use poll::{
    Backoff, PollContext, PollOutcome, SourceVoice, parties_of, poll_claimed, poll_leased,
    poll_once, poll_round, poll_source, source_record, tag_fields, tag_item,
};

use crate::config::{Config, CronSchedule, SourceConfig};

/// A scheduler problem.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    /// tokio-cron-scheduler refused a job or could not start.
    #[error("scheduler: {context}: {message}")]
    Scheduler {
        /// What was being done.
        context: String,
        /// What the scheduler said.
        message: String,
    },
}

fn sched_err(
    context: impl Into<String>,
) -> impl FnOnce(tokio_cron_scheduler::JobSchedulerError) -> ScheduleError {
    let context = context.into();
    move |e| ScheduleError::Scheduler {
        context,
        message: e.to_string(),
    }
}

/// Sent after every poll, for the demo, tests and status reporting.
#[derive(Debug, Clone)]
pub struct PollEvent {
    /// The source.
    pub source: String,
    /// How the poll ended.
    pub outcome: PollOutcome,
}

/// The delay before a scheduled poll: a stable fraction of `max` chosen by the source's name,
/// so sources on one cron line spread out the same way every time.
pub fn jitter_for(name: &str, max: Duration) -> Duration {
    let max_ms = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
    if max_ms == 0 {
        return Duration::ZERO;
    }
    // FNV-1a: stable across builds and platforms, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    Duration::from_millis(h % max_ms)
}

/// True when a source last polled at `last_poll` (or never) has missed a scheduled time
/// before `now`, so it should be polled at once on start.
pub fn is_overdue(
    schedule: &CronSchedule,
    last_poll: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    match last_poll {
        None => true,
        Some(last) => schedule.next_after(last).is_none_or(|next| next <= now),
    }
}

/// What every source's job shares: held once, not once per source, so ten thousand
/// sources cost little more than their configs.
struct JobShared {
    ctx: PollContext,
    permits: Arc<Semaphore>,
    stopping: Arc<AtomicBool>,
    jitter: Duration,
    events: broadcast::Sender<PollEvent>,
}

/// One source's job, run by its cron group and by the catch-up pass.
struct SourceJob {
    source: Arc<SourceConfig>,
    shared: Arc<JobShared>,
    busy: AtomicBool,
}

impl SourceJob {
    /// Polls the source for the scheduled time it is run at (`Leased`: a poll this instance
    /// already holds the lease of, taken over from a dead instance).
    async fn run(self: Arc<Self>, start: JobStart) {
        if self.busy.swap(true, Ordering::AcqRel) {
            tracing::info!(source = %self.source.name, "previous poll still running; skipped");
            if start == JobStart::Leased
                && let Err(e) = self.shared.ctx.store.release_poll(&self.source.name).await
            {
                tracing::warn!(source = %self.source.name, error = %e, "cannot release the lease");
            }
            return;
        }
        // The tick this poll belongs to, the same on every instance (a cron job may fire a
        // hair early, hence the half second).
        let tick = self
            .source
            .schedule
            .latest_at_or_before(Utc::now() + chrono::Duration::milliseconds(500));
        let shared = &self.shared;
        if start == JobStart::Scheduled {
            tokio::time::sleep(jitter_for(&self.source.name, shared.jitter)).await;
        }
        let permit = shared.permits.acquire().await;
        if permit.is_ok() && !shared.stopping.load(Ordering::Acquire) {
            let source = Arc::clone(&self.source);
            // Boxed: a job waiting for its permit stays small, whatever a poll's state needs.
            let outcome = if start == JobStart::Leased {
                Box::pin(poll_leased(&shared.ctx, source, Backoff::Honour)).await
            } else {
                Box::pin(poll_claimed(&shared.ctx, source, Backoff::Honour, tick)).await
            };
            let _ = shared.events.send(PollEvent {
                source: self.source.name.clone(),
                outcome,
            });
        }
        drop(permit);
        self.busy.store(false, Ordering::Release);
    }
}

/// Why a source's job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JobStart {
    /// Its cron line fired: wait its jitter first.
    Scheduled,
    /// At start, because a scheduled time was missed.
    CatchUp,
    /// Taken over from an instance that died mid-poll; the lease is already held.
    Leased,
}

type JobFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The running schedule.
pub struct Schedule {
    scheduler: JobScheduler,
    permits: Arc<Semaphore>,
    concurrency: u32,
    stopping: Arc<AtomicBool>,
    events: broadcast::Sender<PollEvent>,
    /// On a shared store: the loop that takes over the sources of dead instances.
    takeover: Option<tokio::task::JoinHandle<()>>,
    /// One permit per job of [`Schedule::add_job`] under way (a digest being written, alerts
    /// being sent), so a stop waits for them as it waits for polls.
    side_jobs: Arc<Semaphore>,
}

/// How many jobs added with [`Schedule::add_job`] may run at once.
const SIDE_JOBS: u32 = 64;

/// On a shared store, every half lease: records that this instance is alive, and takes over
/// the sources whose lease ran out unreleased (their instance died mid-poll) and polls them.
/// A dead instance's sources are thus polled again within a lease and a half.
async fn take_over_loop(
    jobs: std::collections::HashMap<String, Arc<SourceJob>>,
    shared: Arc<JobShared>,
) {
    let names: Vec<String> = jobs.keys().cloned().collect();
    let lease = shared.ctx.lease_secs;
    let mut every = tokio::time::interval(Duration::from_secs((lease / 2).max(1)));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if shared.stopping.load(Ordering::Acquire) {
            return;
        }
        if let Err(e) = shared.ctx.store.ping().await {
            tracing::warn!(error = %e, "store unavailable");
            continue;
        }
        match shared.ctx.store.take_over_expired(&names, lease).await {
            Ok(taken) => {
                for name in taken {
                    if let Some(job) = jobs.get(&name) {
                        tracing::warn!(source = %name, "lease ran out unreleased (instance gone?); taking the source over");
                        tokio::spawn(Arc::clone(job).run(JobStart::Leased));
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot look for sources to take over"),
        }
    }
}

impl Schedule {
    /// Registers one job per enabled source and starts the scheduler. Sources whose last
    /// poll (from the store) is older than their latest scheduled time are polled at once.
    ///
    /// # Errors
    /// [`ScheduleError`] when the scheduler refuses a job or cannot start.
    pub async fn start(config: &Config, ctx: PollContext) -> Result<Self, ScheduleError> {
        let scheduler = JobScheduler::new().await.map_err(sched_err("create"))?;
        let concurrency = u32::try_from(config.daemon.concurrency.clamp(1, 10_000)).unwrap_or(8);
        let permits = Arc::new(Semaphore::new(concurrency as usize));
        let stopping = Arc::new(AtomicBool::new(false));
        let (events, _) = broadcast::channel(1024);
        let last_polls = last_polls(&ctx).await;
        let now = Utc::now();
        // One cron job per distinct schedule, fanning out to its sources: the scheduler's
        // tick loop scans its jobs, and each job costs memory, so 10,000 sources on one cron
        // line are one job, not 10,000.
        let mut groups: Vec<(CronSchedule, Vec<Arc<SourceJob>>)> = Vec::new();
        let mut group_of: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        let mut by_name: std::collections::HashMap<String, Arc<SourceJob>> =
            std::collections::HashMap::new();
        let shared = Arc::new(JobShared {
            ctx,
            permits: Arc::clone(&permits),
            stopping: Arc::clone(&stopping),
            jitter: config.daemon.jitter,
            events: events.clone(),
        });
        for source in config.sources.iter().filter(|s| s.enabled) {
            let job = Arc::new(SourceJob {
                source: Arc::clone(source),
                shared: Arc::clone(&shared),
                busy: AtomicBool::new(false),
            });
            if is_overdue(&source.schedule, last_polls.get(&source.name).copied(), now) {
                tokio::spawn(Arc::clone(&job).run(JobStart::CatchUp));
            }
            by_name.insert(source.name.clone(), Arc::clone(&job));
            match group_of.get(source.schedule.expression()) {
                Some(&i) => groups[i].1.push(job),
                None => {
                    group_of.insert(source.schedule.expression().to_owned(), groups.len());
                    groups.push((source.schedule.clone(), vec![job]));
                }
            }
        }
        for (schedule, jobs) in groups {
            let jobs: Arc<[Arc<SourceJob>]> = jobs.into();
            let cron_job = Job::new_async(schedule.expression(), move |_, _| {
                let jobs = Arc::clone(&jobs);
                Box::pin(async move {
                    for job in jobs.iter() {
                        tokio::spawn(Arc::clone(job).run(JobStart::Scheduled));
                    }
                }) as JobFuture
            })
            .map_err(sched_err(format!("schedule \"{}\"", schedule.expression())))?;
            scheduler
                .add(cron_job)
                .await
                .map_err(sched_err(format!("schedule \"{}\"", schedule.expression())))?;
        }
        scheduler.start().await.map_err(sched_err("start"))?;
        let takeover = shared
            .ctx
            .store
            .is_shared()
            .then(|| tokio::spawn(take_over_loop(by_name, Arc::clone(&shared))));
        Ok(Self {
            scheduler,
            permits,
            concurrency,
            stopping,
            events,
            takeover,
            side_jobs: Arc::new(Semaphore::new(SIDE_JOBS as usize)),
        })
    }

    /// Adds a job that runs `task` on `schedule` (the daemon's digest, for example). A stop
    /// lets a run under way finish (within the grace of [`Schedule::shutdown`]), so a digest
    /// is never left with some of its files unrecorded.
    ///
    /// # Errors
    /// [`ScheduleError`] when the scheduler refuses the job.
    pub async fn add_job<F, Fut>(
        &self,
        name: &str,
        schedule: &CronSchedule,
        task: F,
    ) -> Result<(), ScheduleError>
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let task = Arc::new(task);
        let (side_jobs, stopping) = (Arc::clone(&self.side_jobs), Arc::clone(&self.stopping));
        let job = Job::new_async(schedule.expression(), move |_, _| {
            let (task, side_jobs) = (Arc::clone(&task), Arc::clone(&side_jobs));
            let stopping = Arc::clone(&stopping);
            Box::pin(async move {
                let permit = side_jobs.acquire().await;
                if permit.is_ok() && !stopping.load(Ordering::Acquire) {
                    task().await;
                }
            }) as JobFuture
        })
        .map_err(sched_err(name.to_owned()))?;
        self.scheduler
            .add(job)
            .await
            .map_err(sched_err(name.to_owned()))?;
        Ok(())
    }

    /// A stream of poll outcomes.
    pub fn subscribe(&self) -> broadcast::Receiver<PollEvent> {
        self.events.subscribe()
    }

    /// Stops scheduling, then waits up to `grace` for polls and added jobs under way to
    /// finish. Returns false when some were still running at the deadline.
    pub async fn shutdown(mut self, grace: Duration) -> bool {
        self.stopping.store(true, Ordering::Release);
        if let Some(t) = self.takeover.take() {
            t.abort();
        }
        if let Err(e) = self.scheduler.shutdown().await {
            tracing::warn!(error = %e, "scheduler shutdown");
        }
        let under_way = async {
            let polls = self.permits.acquire_many(self.concurrency).await;
            let jobs = self.side_jobs.acquire_many(SIDE_JOBS).await;
            (polls, jobs)
        };
        tokio::time::timeout(grace, under_way).await.is_ok()
    }
}

async fn last_polls(ctx: &PollContext) -> std::collections::HashMap<String, DateTime<Utc>> {
    match ctx.store.last_polls().await {
        Ok(polls) => polls,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read last polls; every source is polled now");
            std::collections::HashMap::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_is_stable_and_bounded() {
        let max = Duration::from_secs(20);
        let a = jitter_for("Armenia MoD", max);
        assert_eq!(a, jitter_for("Armenia MoD", max));
        assert!(a < max);
        assert_ne!(a, jitter_for("Azerbaijan MoD", max));
        assert_eq!(jitter_for("x", Duration::ZERO), Duration::ZERO);
    }

    #[test]
    fn overdue_when_a_scheduled_time_was_missed() {
        let every_15 = CronSchedule::parse("0 */15 * * * *").unwrap();
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert!(is_overdue(&every_15, None, t("2026-11-27T10:00:00Z")));
        assert!(!is_overdue(
            &every_15,
            Some(t("2026-11-27T10:00:05Z")),
            t("2026-11-27T10:14:00Z")
        ));
        assert!(is_overdue(
            &every_15,
            Some(t("2026-11-27T10:00:05Z")),
            t("2026-11-27T10:16:00Z")
        ));
    }
}
