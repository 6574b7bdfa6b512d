//! `claimwatch bench-web`: the web site's latency over a store (build one with
//! `bench-store`): the Now page, a two-term search and a statement page, each requested by
//! many clients at once over loopback; p50 and p95 per page and the failed requests.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::BenchError;
use crate::web::Site;

/// One page's figures.
#[derive(Debug, Clone)]
pub struct PageLatency {
    /// What was requested.
    pub page: String,
    /// Requests made.
    pub requests: usize,
    /// Requests that failed or did not answer 200.
    pub failed: usize,
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 95th percentile, ms.
    pub p95_ms: f64,
}

/// Serves the site over `db` on loopback, with its Now page at the store's newest time, and
/// requests each page `requests` times from `clients` concurrent clients.
///
/// # Errors
/// When the store cannot be read or the site cannot start.
pub async fn run(
    db: &Path,
    requests: usize,
    clients: usize,
) -> Result<Vec<PageLatency>, BenchError> {
    let setup = |what: &str, e: &dyn std::fmt::Display| BenchError::Setup(format!("{what}: {e}"));
    let conn = crate::store::connect_read_only(db).map_err(|e| setup("store", &e))?;
    let (newest, items): (String, i64) = conn
        .query_row("SELECT max(updated_at), max(id) FROM items", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(|e| setup("store", &e))?;
    drop(conn);
    let now = chrono::DateTime::parse_from_rfc3339(&newest)
        .map_or_else(|_| chrono::Utc::now(), |d| d.with_timezone(&chrono::Utc));
    let site = Arc::new(Site::new(sqlite_reader(db)?, Vec::new()).with_clock(now));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| setup("listen", &e))?;
    let addr = listener.local_addr().map_err(|e| setup("listen", &e))?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(crate::web::serve(listener, site, async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let mut out = Vec::new();
    let pages = [
        ("Now (24 h before the newest statement)", "/".to_owned()),
        (
            "search, two terms, newest first",
            "/search?q=ceasefire%20border".to_owned(),
        ),
        (
            "search, two terms, by relevance",
            "/search?q=ceasefire%20border&sort=relevance".to_owned(),
        ),
        ("statement", format!("/items/{}", items.max(1) / 2)),
    ];
    for (name, path) in pages {
        let url = format!("http://{addr}{path}");
        let per_client = requests.div_ceil(clients.max(1));
        let mut tasks = Vec::new();
        for _ in 0..clients.max(1) {
            let (client, url) = (client.clone(), url.clone());
            tasks.push(tokio::spawn(async move {
                let mut times = Vec::new();
                let mut failed = 0;
                for _ in 0..per_client {
                    let t = Instant::now();
                    let ok = match client.get(&url).send().await {
                        Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                    failed += usize::from(!ok);
                }
                (times, failed)
            }));
        }
        let (times, failed) = gather(tasks).await;
        out.push(PageLatency {
            page: name.to_owned(),
            requests: times.len(),
            failed,
            p50_ms: quantile(&times, 0.5),
            p95_ms: quantile(&times, 0.95),
        });
    }
    let _ = stop.send(());
    let _ = server.await;
    Ok(out)
}

/// The latencies of every client task, sorted, and their failures.
async fn gather(tasks: Vec<tokio::task::JoinHandle<(Vec<f64>, usize)>>) -> (Vec<f64>, usize) {
    let (mut times, mut failed) = (Vec::new(), 0);
    for t in tasks {
        if let Ok((ts, f)) = t.await {
            times.extend(ts);
            failed += f;
        }
    }
    times.sort_by(f64::total_cmp);
    (times, failed)
}

/// The `q` quantile of sorted `times` (0 when empty).
fn quantile(times: &[f64], q: f64) -> f64 {
    times
        .get(((times.len() as f64 - 1.0) * q).round() as usize)
        .copied()
        .unwrap_or(0.0)
}

/// The site's figures while a poll round ran.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct WebLoad {
    /// Concurrent clients.
    pub clients: usize,
    /// Requests answered or failed.
    pub requests: usize,
    /// Requests that got no answer or a server error (5xx).
    pub failed: usize,
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 95th percentile, ms.
    pub p95_ms: f64,
}

/// A running load on the site: `clients` clients request Now, a search, Sources and a
/// statement in turn, as fast as they are answered, until [`Load::finish`].
pub struct Load {
    stop: Arc<std::sync::atomic::AtomicBool>,
    tasks: Vec<tokio::task::JoinHandle<(Vec<f64>, usize)>>,
    server: tokio::task::JoinHandle<Result<(), crate::web::WebError>>,
    server_stop: tokio::sync::oneshot::Sender<()>,
    clients: usize,
}

/// The site's reader of the SQLite file `db`.
fn sqlite_reader(db: &Path) -> Result<crate::store::SiteReader, BenchError> {
    crate::store::SiteReader::open(
        &crate::config::Database::Sqlite(db.to_path_buf()),
        crate::web::CONCURRENT_QUERIES,
        crate::web::QUERY_LIMIT,
    )
    .map_err(|e| BenchError::Setup(format!("store: {e}")))
}

/// Starts the site over `db` on loopback and `clients` clients on it.
///
/// # Errors
/// When the site cannot listen.
pub async fn start_load(db: &Path, clients: usize) -> Result<Load, BenchError> {
    let site = Arc::new(Site::new(sqlite_reader(db)?, Vec::new()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| BenchError::Setup(format!("web listen: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| BenchError::Setup(format!("web listen: {e}")))?;
    let (server_stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(crate::web::serve(listener, site, async {
        let _ = stopped.await;
    }));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let client = reqwest::Client::new();
    let paths = [
        "/",
        "/search?q=ceasefire%20OR%20killed",
        "/sources",
        "/items/1",
    ];
    let tasks = (0..clients.max(1))
        .map(|n| {
            let (client, stop) = (client.clone(), Arc::clone(&stop));
            let urls: Vec<String> = paths.iter().map(|p| format!("http://{addr}{p}")).collect();
            tokio::spawn(async move {
                let (mut times, mut failed) = (Vec::new(), 0);
                let mut k = n;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let url = &urls[k % urls.len()];
                    k += 1;
                    let t = Instant::now();
                    let ok = match client.get(url).send().await {
                        Ok(r) => r.status().as_u16() < 500 && r.bytes().await.is_ok(),
                        Err(_) => false,
                    };
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                    failed += usize::from(!ok);
                }
                (times, failed)
            })
        })
        .collect();
    Ok(Load {
        stop,
        tasks,
        server,
        server_stop,
        clients: clients.max(1),
    })
}

impl Load {
    /// Stops the clients and the site; their figures.
    pub async fn finish(self) -> WebLoad {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let (times, failed) = gather(self.tasks).await;
        let _ = self.server_stop.send(());
        let _ = self.server.await;
        WebLoad {
            clients: self.clients,
            requests: times.len(),
            failed,
            p50_ms: quantile(&times, 0.5),
            p95_ms: quantile(&times, 0.95),
        }
    }
}
