//! The parse-and-tag workers: the CPU-bound part of a poll (parsing a body, extracting an
//! article, tagging items) runs on a few dedicated threads instead of tokio's blocking pool.
//!
//! Why: every thread that runs the tagger grows its own lazy-DFA caches for each of its
//! phrase lists (megabytes per thread), and the blocking pool hands work to whichever thread
//! is free. A fixed, small set of workers keeps that memory to one set of caches per worker,
//! and leaves the blocking pool to DNS lookups and file work, which then never queue behind
//! tagging.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, mpsc};

type Task = Box<dyn FnOnce() + Send>;

/// Why a task did not return a value.
#[derive(Debug, thiserror::Error)]
pub enum CpuError {
    /// The task panicked; the worker survives and goes on with the next task.
    #[error("crashed: {0}")]
    Panicked(String),
    /// The workers are gone (the process is shutting down).
    #[error("the parse-and-tag workers have stopped")]
    Gone,
}

/// A handle on the workers; cheap to clone. The threads end when the last handle is dropped.
#[derive(Clone, Debug)]
pub struct CpuWorkers {
    queue: mpsc::Sender<Task>,
}

/// Workers to start on this machine: half the cores, at least one. Polls also need a core
/// for HTTP and one for the database writer; more tagging threads would only add memory.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

impl CpuWorkers {
    /// Starts `threads` workers (at least one).
    ///
    /// # Errors
    /// The operating system refused to start a thread.
    pub fn start(threads: usize) -> std::io::Result<Self> {
        let (queue, tasks) = mpsc::channel::<Task>();
        let tasks = Arc::new(Mutex::new(tasks));
        for i in 0..threads.max(1) {
            let tasks = Arc::clone(&tasks);
            std::thread::Builder::new()
                .name(format!("claimwatch-tag-{i}"))
                .spawn(move || {
                    loop {
                        // The lock is only held while waiting for the next task.
                        let next = match tasks.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        match next {
                            Ok(task) => task(),
                            Err(_) => return,
                        }
                    }
                })?;
        }
        Ok(Self { queue })
    }

    /// Runs `f` on a worker and waits for its result without blocking the executor. A panic
    /// in `f` becomes [`CpuError::Panicked`] with its message.
    ///
    /// # Errors
    /// [`CpuError`].
    pub async fn run<R, F>(&self, f: F) -> Result<R, CpuError>
    where
        R: Send + 'static,
        F: FnOnce() -> R + Send + 'static,
    {
        let (reply, wait) = tokio::sync::oneshot::channel();
        let task: Task = Box::new(move || {
            let outcome = catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
                CpuError::Panicked(
                    p.downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "a panic without a message".into()),
                )
            });
            let _ = reply.send(outcome);
        });
        self.queue.send(task).map_err(|_| CpuError::Gone)?;
        wait.await.map_err(|_| CpuError::Gone)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn tasks_run_on_the_named_workers_and_a_panic_spares_the_worker() {
        let workers = CpuWorkers::start(1).unwrap();
        let name = workers
            .run(|| std::thread::current().name().map(str::to_owned))
            .await
            .unwrap();
        assert_eq!(name.as_deref(), Some("claimwatch-tag-0"));
        let crashed = workers
            .run(|| -> u32 { panic!("bad input shape") })
            .await
            .unwrap_err();
        assert!(crashed.to_string().contains("bad input shape"), "{crashed}");
        assert_eq!(workers.run(|| 6 * 7).await.unwrap(), 42);
    }

    #[tokio::test]
    async fn many_waiting_polls_share_the_workers() {
        let workers = CpuWorkers::start(2).unwrap();
        let jobs: Vec<_> = (0..50u64)
            .map(|i| {
                let w = workers.clone();
                tokio::spawn(async move { w.run(move || i * i).await })
            })
            .collect();
        let mut sum = 0;
        for j in jobs {
            sum += j.await.unwrap().unwrap();
        }
        assert_eq!(sum, (0..50u64).map(|i| i * i).sum::<u64>());
    }
}
