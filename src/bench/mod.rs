//! `claimwatch bench`: the whole poll path — fetch, parse, tag, store with FTS — timed over a
//! loopback feed farm in three phases: **cold** (empty database, every item new),
//! **unchanged** (every feed answers 304), **incremental** (5% of the feeds gained items).
//! The farm runs in a separate process (`claimwatch bench-farm`) so its CPU is measured
//! apart. Figures per phase: wall and CPU seconds, the farm's CPU, peak RSS, new items,
//! items/s, 200/304 counts, database size; medians over the runs.

pub mod farm;
pub mod store;
pub mod web;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Instant;

use crate::config::{self, Config, Environment};
use crate::daemon;

/// A benchmark problem.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// The farm or the database could not be set up.
    #[error("bench: {0}")]
    Setup(String),
}

fn setup<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> BenchError + '_ {
    move |e| BenchError::Setup(format!("{what}: {e}"))
}

/// What to run.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Feeds in the farm.
    pub feeds: usize,
    /// Items per feed.
    pub items: usize,
    /// Full runs (each with a fresh farm and database); medians are reported.
    pub runs: usize,
    /// Polls at once.
    pub concurrency: usize,
    /// Where the databases go.
    pub dir: PathBuf,
    /// An external farm instead of the built-in one: `shared/bench/feedfarm.py` at this base
    /// URL (feeds at `/feed/I`, rounds through `/_farm/set` and `/_farm/advance`).
    pub farm_url: Option<String>,
    /// Clients hammering the web site over the same database during the cold round (0: no
    /// site), to see that it answers while polls write and what it costs the round.
    pub web_clients: usize,
    /// `--db`: a postgres:// URL benchmarks PostgreSQL (a scratch database per run, beside
    /// the one named); otherwise SQLite in `dir`.
    pub database: Option<String>,
    /// Instances polling the PostgreSQL store together.
    pub instances: usize,
}

/// One phase's figures.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Phase {
    /// cold, unchanged or incremental.
    pub name: String,
    /// Wall seconds.
    pub wall: f64,
    /// CPU seconds of claimwatch (user + system).
    pub cpu: f64,
    /// CPU seconds of the farm process.
    pub farm_cpu: f64,
    /// Peak resident memory during the phase, in MiB.
    pub peak_rss_mib: f64,
    /// Items stored.
    pub new_items: i64,
    /// 200 answers.
    pub ok_200: i64,
    /// 304 answers.
    pub not_modified: i64,
    /// Failed polls.
    pub failed: i64,
    /// Database size after the phase (with its WAL), in MiB.
    pub db_mib: f64,
    /// The web site's figures while the phase ran, when it was loaded.
    #[serde(default)]
    pub web: Option<web::WebLoad>,
    /// Sources polled twice for one round (instances on PostgreSQL); must be 0.
    #[serde(default)]
    pub duplicate_polls: i64,
}

fn proc_cpu_seconds(pid: &str) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the ')'.
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The farm child process and its control pipes.
struct Farm {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    port: u16,
}

impl Farm {
    fn start(feeds: usize, items: usize) -> Result<Self, BenchError> {
        let exe = std::env::current_exe().map_err(setup("cannot find the claimwatch binary"))?;
        let mut child = Command::new(exe)
            .args([
                "bench-farm",
                "--feeds",
                &feeds.to_string(),
                "--items",
                &items.to_string(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(setup("cannot start the farm"))?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| BenchError::Setup("farm has no stdin".into()))?;
        let mut stdout = BufReader::new(
            child
                .stdout
                .take()
                .ok_or_else(|| BenchError::Setup("farm has no stdout".into()))?,
        );
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .map_err(setup("farm did not start"))?;
        let port = line
            .trim()
            .strip_prefix("READY ")
            .and_then(|p| p.parse().ok())
            .ok_or_else(|| BenchError::Setup(format!("farm said {line:?}")))?;
        Ok(Self {
            child,
            stdin,
            stdout,
            port,
        })
    }

    fn advance(&mut self) -> Result<(), BenchError> {
        writeln!(self.stdin, "advance").map_err(setup("farm control"))?;
        let mut line = String::new();
        self.stdout
            .read_line(&mut line)
            .map_err(setup("farm control"))?;
        Ok(())
    }

    fn cpu(&self) -> f64 {
        proc_cpu_seconds(&self.child.id().to_string())
    }
}

impl Drop for Farm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bench_config(dir: &Path, base: &str, opts: &BenchOptions) -> Result<Config, BenchError> {
    let mut t = format!(
        "[daemon]\ndatabase = {:?}\ndigest_dir = {:?}\nconcurrency = {}\nper_host_concurrency = {}\nper_host_interval_ms = 0\njitter_secs = 0\n\n",
        dir.join("claimwatch.db"),
        dir.join("digests"),
        opts.concurrency,
        opts.concurrency
    );
    for i in 0..opts.feeds {
        t.push_str(&format!(
            "[[source]]\nname = \"farm {i}\"\nurl = \"{base}/feed/{i}\"\nkind = \"feed\"\n"
        ));
    }
    config::validate(&t, &dir.join("bench.toml"), &Environment::default())
        .map_err(setup("bench config"))
}

/// Polls every source once for the round `tick`, all instances at once, each as
/// `claimwatch poll` does: on PostgreSQL they split the sources by leases.
async fn poll_all(
    config: &Config,
    contexts: &[crate::schedule::PollContext],
    tick: chrono::DateTime<chrono::Utc>,
) {
    let mut tasks = tokio::task::JoinSet::new();
    for ctx in contexts {
        let (ctx, sources, n) = (
            ctx.clone(),
            config.sources.clone(),
            config.daemon.concurrency,
        );
        tasks.spawn(async move { crate::schedule::poll_round(&ctx, sources, n, Some(tick)).await });
    }
    while tasks.join_next().await.is_some() {}
}

/// The stores the run polls into: `instances` handles on one fresh database, each its own
/// instance (its own name, pool and HTTP client, as separate processes would have), and the
/// scratch PostgreSQL database to drop after.
async fn open_stores(
    config: &mut Config,
    opts: &BenchOptions,
) -> Result<
    (
        Vec<crate::store::Store>,
        Option<(config::PostgresUrl, String)>,
    ),
    BenchError,
> {
    let mut scratch = None;
    if let Some(db) = &opts.database {
        match config::Database::parse(db).map_err(setup("--db"))? {
            config::Database::Postgres(url) => {
                let name = format!("claimwatch_bench_{}", std::process::id());
                let fresh = crate::store::create_scratch_database(&url, &name)
                    .await
                    .map_err(setup("scratch database"))?;
                config.daemon.database = config::Database::Postgres(fresh);
                scratch = Some((url, name));
            }
            config::Database::Sqlite(_) => {
                return Err(BenchError::Setup(
                    "--db: give a postgres:// URL (the SQLite bench writes into --dir)".into(),
                ));
            }
        }
    }
    let first = daemon::open_store(config)
        .await
        .map_err(setup("database"))?;
    let mut stores = vec![first];
    let me = crate::store::Instance::this_process();
    for k in 1..opts.instances.max(1) {
        let instance = crate::store::Instance {
            name: format!("{}/{k}", me.name),
            ..me.clone()
        };
        stores.push(
            crate::store::Store::open_database_as(&config.daemon.database, instance)
                .await
                .map_err(setup("database"))?,
        );
    }
    Ok((stores, scratch))
}

/// Runs the three phases once, in this process, with a fresh farm and database in
/// `opts.dir` (`opts.runs` is not used: see [`run_isolated`]), and returns their figures.
///
/// # Errors
/// [`BenchError`] when the farm or database cannot be set up.
pub async fn run_once(opts: &BenchOptions) -> Result<Vec<Phase>, BenchError> {
    let dir = opts.dir.clone();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(setup("cannot create the bench directory"))?;
    let mut farm = match &opts.farm_url {
        Some(url) => {
            external(url, "/_farm/set?round=0").await?;
            None
        }
        None => Some(tokio::task::block_in_place(|| {
            Farm::start(opts.feeds, opts.items)
        })?),
    };
    let base = match (&farm, &opts.farm_url) {
        (Some(f), _) => format!("http://127.0.0.1:{}", f.port),
        (None, Some(url)) => url.trim_end_matches('/').to_owned(),
        (None, None) => return Err(BenchError::Setup("no farm".into())),
    };
    let mut config = bench_config(&dir, &base, opts)?;
    let (stores, scratch) = open_stores(&mut config, opts).await?;
    let store = stores[0].clone();
    let contexts = stores
        .iter()
        .map(|s| daemon::poll_context(&config, s.clone()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(setup("HTTP client"))?;
    let mut tick = chrono::Utc::now();
    let mut phases = Vec::new();
    for name in ["cold", "unchanged", "incremental"] {
        if name == "incremental" {
            match (&mut farm, &opts.farm_url) {
                (Some(f), _) => tokio::task::block_in_place(|| f.advance())?,
                (None, Some(url)) => external(url, "/_farm/advance").await?,
                (None, None) => {}
            }
        }
        let farm_cpu_of = |f: &Option<Farm>| f.as_ref().map_or(0.0, Farm::cpu);
        let last_fetch: i64 = store.last_fetch_id().await.unwrap_or(0);
        // Each round is its own scheduled time, a second or more after the last.
        tick = chrono::Utc::now().max(tick + chrono::Duration::seconds(1));
        reset_peak_rss();
        let load = if name == "cold" && opts.web_clients > 0 {
            let db = config.daemon.database.sqlite_path().ok_or_else(|| {
                BenchError::Setup("the web load reads an SQLite store only".into())
            })?;
            Some(web::start_load(db, opts.web_clients).await?)
        } else {
            None
        };
        let (cpu0, farm0, t0) = (proc_cpu_seconds("self"), farm_cpu_of(&farm), Instant::now());
        poll_all(&config, &contexts, tick).await;
        let wall = t0.elapsed().as_secs_f64();
        let web = match load {
            Some(l) => Some(l.finish().await),
            None => None,
        };
        let (cpu, farm_cpu, peak) = (
            proc_cpu_seconds("self") - cpu0,
            farm_cpu_of(&farm) - farm0,
            peak_rss_mib(),
        );
        let counts = store.round_counts(last_fetch).await.unwrap_or_default();
        let db = store.size_bytes().await.unwrap_or(0);
        phases.push(Phase {
            name: name.to_owned(),
            wall,
            cpu,
            farm_cpu,
            peak_rss_mib: peak,
            new_items: counts.new_items,
            ok_200: counts.ok_200,
            not_modified: counts.not_modified,
            failed: counts.failed,
            db_mib: db as f64 / (1024.0 * 1024.0),
            web,
            duplicate_polls: counts.duplicate_polls,
        });
    }
    for s in &stores {
        tokio::task::block_in_place(|| s.close());
    }
    if let Some((url, name)) = scratch
        && let Err(e) = crate::store::drop_scratch_database(&url, &name).await
    {
        tracing::warn!(error = %e, "cannot drop the scratch database {name}");
    }
    Ok(phases)
}

/// Runs each run in a process of its own (this binary's `bench --one-run`), so that every
/// run starts from a fresh heap, as a poll started by a timer would, and one run's
/// leftovers never show in the next run's peak memory.
///
/// # Errors
/// [`BenchError`] when a run cannot be started or fails.
pub fn run_isolated(opts: &BenchOptions) -> Result<Vec<Vec<Phase>>, BenchError> {
    let exe = std::env::current_exe().map_err(setup("cannot find the claimwatch binary"))?;
    let mut all = Vec::new();
    for run in 0..opts.runs.max(1) {
        let mut cmd = Command::new(&exe);
        cmd.arg("bench")
            .arg("--one-run")
            .args(["--feeds", &opts.feeds.to_string()])
            .args(["--items", &opts.items.to_string()])
            .args(["--concurrency", &opts.concurrency.to_string()])
            .args(["--web-clients", &opts.web_clients.to_string()])
            .args(["--instances", &opts.instances.to_string()])
            .arg("--dir")
            .arg(opts.dir.join(format!("run-{run}")));
        if let Some(url) = &opts.farm_url {
            cmd.args(["--farm", url]);
        }
        if let Some(db) = &opts.database {
            cmd.args(["--db", db]);
        }
        let out = cmd
            .stderr(Stdio::inherit())
            .output()
            .map_err(setup("cannot start a bench run"))?;
        if !out.status.success() {
            return Err(BenchError::Setup(format!(
                "run {run} failed ({})",
                out.status
            )));
        }
        let phases: Vec<Phase> =
            serde_json::from_slice(&out.stdout).map_err(setup("a bench run printed no figures"))?;
        all.push(phases);
    }
    Ok(all)
}

/// A control request to an external farm.
async fn external(base: &str, path: &str) -> Result<(), BenchError> {
    let url = format!("{}{path}", base.trim_end_matches('/'));
    let r = reqwest::get(&url).await.map_err(setup("external farm"))?;
    if r.status().is_success() {
        Ok(())
    } else {
        Err(BenchError::Setup(format!("{url} answered {}", r.status())))
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// The medians of each phase over the runs, as a table.
pub fn report(opts: &BenchOptions, runs: &[Vec<Phase>]) -> String {
    let store = match &opts.database {
        Some(db) if db.contains("://") => format!(
            "PostgreSQL, {} instance(s) in one process",
            opts.instances.max(1)
        ),
        _ => "SQLite".to_owned(),
    };
    let mut out = format!(
        "claimwatch bench: {} feeds x {} items, {} polls at once per instance, {store}, {} run(s), medians\n\n| phase | wall s | CPU s | farm CPU s | peak RSS MiB | new items | items/s | 200 | 304 | failed | duplicate polls | DB MiB |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
        opts.feeds,
        opts.items,
        opts.concurrency,
        runs.len()
    );
    let names = runs
        .first()
        .map(|r| r.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut web_lines = String::new();
    for (i, name) in names.iter().enumerate() {
        let col = |f: &dyn Fn(&Phase) -> f64| {
            median(runs.iter().filter_map(|r| r.get(i)).map(f).collect())
        };
        let loads: Vec<&web::WebLoad> = runs
            .iter()
            .filter_map(|r| r.get(i).and_then(|p| p.web.as_ref()))
            .collect();
        if !loads.is_empty() {
            let m = |f: &dyn Fn(&web::WebLoad) -> f64| median(loads.iter().map(|l| f(l)).collect());
            web_lines.push_str(&format!(
                "\nweb site during the {name} round: {} clients, {:.0} requests ({:.0} failed), p50 {:.1} ms, p95 {:.1} ms (medians of {} runs)\n",
                loads[0].clients,
                m(&|l| l.requests as f64),
                m(&|l| l.failed as f64),
                m(&|l| l.p50_ms),
                m(&|l| l.p95_ms),
                loads.len()
            ));
        }
        let wall = col(&|p| p.wall);
        let items = col(&|p| p.new_items as f64);
        out.push_str(&format!(
            "| {name} | {wall:.2} | {:.2} | {:.2} | {:.1} | {items:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.0} | {:.1} |\n",
            col(&|p| p.cpu),
            col(&|p| p.farm_cpu),
            col(&|p| p.peak_rss_mib),
            if wall > 0.0 { items / wall } else { 0.0 },
            col(&|p| p.ok_200 as f64),
            col(&|p| p.not_modified as f64),
            col(&|p| p.failed as f64),
            // The worst run, not the median: one duplicate anywhere matters.
            runs.iter()
                .filter_map(|r| r.get(i))
                .map(|p| p.duplicate_polls)
                .max()
                .unwrap_or(0) as f64,
            col(&|p| p.db_mib),
        ));
    }
    out.push_str(&web_lines);
    out
}

/// Serves the farm until stdin closes: prints `READY PORT`, then answers each `advance` line
/// (5% of the feeds gain one to three items) with `OK`.
///
/// # Errors
/// [`BenchError`] when the server cannot start.
pub async fn serve_farm(feeds: usize, items: usize) -> Result<(), BenchError> {
    let mut extras: HashMap<usize, usize> = HashMap::new();
    let server = crate::loopback::LoopbackServer::start(farm::routes(feeds, items, &extras))
        .await
        .map_err(setup("farm"))?;
    let port = server
        .url("")
        .trim_start_matches("http://127.0.0.1:")
        .parse::<u16>()
        .unwrap_or(0);
    println!("READY {port}");
    let mut rng = farm::Rng::new(2026);
    let mut lines =
        tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(tokio::io::stdin()));
    while let Ok(Some(line)) = lines.next_line().await {
        if line.trim() == "advance" {
            for _ in 0..(feeds / 20).max(1) {
                let feed = rng.below(feeds);
                *extras.entry(feed).or_default() += 1 + rng.below(3);
                let ct = if feed % 3 == 2 {
                    "application/atom+xml"
                } else {
                    "application/rss+xml"
                };
                server.set_route(
                    &format!("/feed/{feed}"),
                    crate::loopback::Route::ok(ct, farm::feed_body(feed, items, extras[&feed])),
                );
            }
            println!("OK");
        }
    }
    Ok(())
}
