//! The bounded pool renders run on: a fixed number of workers off the async
//! threads, and a queue of fixed length in front of them. A request that finds
//! the queue full is refused at once (`429`) rather than waiting without end.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;

/// Why a job did not run to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The queue is full.
    Busy,
    /// The job did not finish within the deadline.
    Deadline,
}

/// Workers and their queue.
///
/// ```
/// # tokio::runtime::Runtime::new().unwrap().block_on(async {
/// let pool = vanban::serve::Pool::new(2, 4, std::time::Duration::from_secs(5));
/// assert_eq!(pool.run(|| 1 + 1).await, Ok(2));
/// assert_eq!(pool.queued(), 0);
/// # });
/// ```
#[derive(Debug, Clone)]
pub struct Pool {
    workers: Arc<Semaphore>,
    /// Places for jobs running or waiting: workers + queue.
    places: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    deadline: Duration,
}

impl Pool {
    /// `workers` jobs at a time, `queue` more waiting, each allowed `deadline`.
    pub fn new(workers: usize, queue: usize, deadline: Duration) -> Pool {
        Pool {
            workers: Arc::new(Semaphore::new(workers.max(1))),
            places: Arc::new(Semaphore::new(workers.max(1) + queue)),
            waiting: Arc::new(AtomicUsize::new(0)),
            deadline,
        }
    }

    /// Jobs waiting for a worker now (the queue depth).
    pub fn queued(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// Runs `job` on a worker thread; refused when the queue is full, or when
    /// it has not finished by the deadline (the worker still finishes it, so
    /// that no more than `workers` run at once).
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Refused> {
        let place = self
            .places
            .clone()
            .try_acquire_owned()
            .map_err(|_| Refused::Busy)?;
        let workers = self.workers.clone();
        let waiting = self.waiting.clone();
        waiting.fetch_add(1, Ordering::Relaxed);
        let work = async move {
            let worker = workers.acquire_owned().await;
            waiting.fetch_sub(1, Ordering::Relaxed);
            let worker = worker.expect("the pool's semaphore is never closed");
            let out = tokio::task::spawn_blocking(move || {
                let out = job();
                drop(worker);
                drop(place);
                out
            })
            .await;
            match out {
                Ok(v) => v,
                // A job that panics is a bug; the request answers 500 and the
                // server goes on.
                Err(e) => std::panic::resume_unwind(e.into_panic()),
            }
        };
        tokio::time::timeout(self.deadline, tokio::spawn(work))
            .await
            .map_err(|_| Refused::Deadline)?
            .map_err(|e| {
                if e.is_panic() {
                    std::panic::resume_unwind(e.into_panic())
                }
                Refused::Deadline
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_refuses_at_once() {
        let pool = Pool::new(1, 1, Duration::from_secs(5));
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let rx = Arc::new(std::sync::Mutex::new(rx));
        let r = rx.clone();
        let first = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(move || r.lock().unwrap().recv().ok()).await }
        });
        let r = rx.clone();
        let second = tokio::spawn({
            let pool = pool.clone();
            async move { pool.run(move || r.lock().unwrap().recv().ok()).await }
        });
        // Both places are taken: one running, one waiting.
        while pool.places.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert_eq!(pool.run(|| ()).await, Err(Refused::Busy));
        tx.send(()).unwrap();
        tx.send(()).unwrap();
        assert!(first.await.unwrap().is_ok());
        assert!(second.await.unwrap().is_ok());
        assert_eq!(pool.run(|| 7).await, Ok(7));
    }

    #[tokio::test]
    async fn a_slow_job_misses_its_deadline() {
        let pool = Pool::new(1, 0, Duration::from_millis(50));
        let slow = pool.run(|| std::thread::sleep(Duration::from_millis(300)));
        assert_eq!(slow.await, Err(Refused::Deadline));
    }
}
