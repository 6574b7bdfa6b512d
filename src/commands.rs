//! The command implementations behind `main.rs`'s dispatch. Part of the binary, not the
//! library: they print for people and map errors to exit codes with anyhow.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};

use claimwatch::config::{self, Config};
use claimwatch::tag::eval::split::{Half, Split};
use claimwatch::{daemon, demo, digest, schedule, store, tag};

use crate::{Failure, runtime};

/// Opens a store that must already exist (an SQLite file is never created here). Called
/// inside the runtime: a PostgreSQL pool lives on it.
pub(crate) async fn open_existing(db: &config::Database) -> Result<store::Store, Failure> {
    if let config::Database::Sqlite(path) = db
        && !path.exists()
    {
        return Err(Failure::Runtime(anyhow!(
            "no database at {}; run `claimwatch poll` or `claimwatch run` first, or pass --db",
            path.display()
        )));
    }
    match db {
        config::Database::Sqlite(path) => Ok(store::Store::open_database(db)
            .await
            .with_context(|| format!("cannot open {}", path.display()))?),
        // The error names the server and database already.
        config::Database::Postgres(_) => store::Store::open_database(db)
            .await
            .map_err(|e| Failure::Runtime(anyhow!(e))),
    }
}

pub(crate) fn serve(cfg: &Config, listen: &str, users_file: Option<&Path>) -> Result<(), Failure> {
    let users = users_file
        .or(cfg.web_users_file.as_deref())
        .map(claimwatch::web::auth::Users::load)
        .transpose()
        .map_err(|e| Failure::Usage(anyhow!(e)))?;
    let addr = claimwatch::web::check_listen(listen, users.is_some())
        .map_err(|e| Failure::Usage(anyhow!(e)))?;
    // Opening it as the store does brings the schema up to date before the read-only site.
    runtime()?
        .block_on(open_existing(&cfg.daemon.database))?
        .close();
    let reader = store::SiteReader::open(
        &cfg.daemon.database,
        claimwatch::web::CONCURRENT_QUERIES,
        claimwatch::web::QUERY_LIMIT,
    )
    .map_err(|e| Failure::Runtime(anyhow!(e)))?;
    let mut site = claimwatch::web::Site::new(reader, daemon::conflict_sides(cfg));
    if let Some(u) = users {
        site = site.with_users(u);
    }
    let site = std::sync::Arc::new(site);
    runtime()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let bound = listener.local_addr().context("no local address")?;
        println!("claimwatch: serving http://{bound}/ (Ctrl-C or SIGTERM stops)");
        std::io::Write::flush(&mut std::io::stdout()).ok();
        let stop = async {
            let term = async {
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(mut s) => {
                        s.recv().await;
                    }
                    Err(_) => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                () = term => {}
            }
        };
        claimwatch::web::serve(listener, site, stop)
            .await
            .map_err(|e| Failure::Runtime(anyhow!(e)))
    })
}

pub(crate) fn poll(cfg: &Config, only: Option<&str>) -> Result<(), Failure> {
    let chosen: Vec<_> = cfg
        .sources
        .iter()
        .filter(|s| only.map_or(s.enabled, |n| s.name == n))
        .cloned()
        .collect();
    if let Some(name) = only.filter(|_| chosen.is_empty()) {
        return Err(Failure::Usage(anyhow!(
            "no source named \"{name}\" in {}",
            cfg.path.display()
        )));
    }
    let rt = runtime()?;
    let store = rt
        .block_on(daemon::open_store(cfg))
        .context("cannot open the database")?;
    let ctx = daemon::poll_context(cfg, store.clone()).context("cannot build the HTTP client")?;
    let outcomes = rt.block_on(schedule::poll_once(&ctx, chosen, cfg.daemon.concurrency));
    store.close();
    let mut failed = 0;
    for (name, outcome) in &outcomes {
        if matches!(outcome, schedule::PollOutcome::Failed(_)) {
            failed += 1;
        }
        println!("{name}: {outcome}");
    }
    if failed > 0 {
        return Err(Failure::Runtime(anyhow!(
            "{failed} of {} sources failed",
            outcomes.len()
        )));
    }
    Ok(())
}

pub(crate) fn sources(cfg: &Config) -> Result<(), Failure> {
    let rows = runtime()?.block_on(async {
        let store = open_existing(&cfg.daemon.database).await?;
        let rows = store
            .source_statuses(chrono::Utc::now())
            .await
            .context("cannot read sources");
        store.close();
        Ok::<_, Failure>(rows?)
    })?;
    println!(
        "{:<28} {:<5} {:<8} {:<21} {:>6} {:>6} {:>8}  why not ok",
        "source", "kind", "health", "last poll", "status", "items", "mentions"
    );
    for r in rows {
        println!(
            "{:<28} {:<5} {:<8} {:<21} {:>6} {:>6} {:>8}  {}",
            r.name,
            r.kind,
            r.health,
            r.last_poll_at.as_deref().unwrap_or("never"),
            r.last_status.map_or_else(|| "-".into(), |s| s.to_string()),
            r.items,
            r.mentions,
            match (&r.health_reason, r.consecutive_errors) {
                (Some(reason), 0) => reason.clone(),
                (Some(reason), n) => format!("{reason} ({n} in a row)"),
                (None, _) => String::new(),
            },
        );
    }
    Ok(())
}

pub(crate) fn status(cfg: &Config) -> Result<(), Failure> {
    let (st, web, instances) = runtime()?.block_on(async {
        let store = open_existing(&cfg.daemon.database).await?;
        let read = async {
            Ok::<_, store::StoreError>((
                store.store_status(chrono::Utc::now()).await?,
                store.web_stats().await?,
                store.instances().await?,
            ))
        };
        let read = read.await.context("cannot read the database");
        store.close();
        Ok::<_, Failure>(read?)
    })?;
    let c = st.counts;
    println!("database: {}", cfg.daemon.database);
    for i in &instances {
        println!(
            "instance: {} (started {}, last seen {}{})",
            i.name,
            i.started_at,
            i.seen_at,
            if i.alive { "" } else { "; gone quiet" }
        );
    }
    println!(
        "sources:  {} ok, {} degraded, {} failing",
        st.ok, st.degraded, st.failing
    );
    println!(
        "last successful poll: {}",
        st.last_success.as_deref().unwrap_or("never")
    );
    println!(
        "stored:   {} items, {} mentions, {} casualty claims; {} polls, {} failed",
        c.items, c.mentions, c.claims, c.fetches, c.failed_fetches
    );
    println!(
        "digests:  last {}; {} mentions since",
        st.last_digest_at.as_deref().unwrap_or("never"),
        st.undigested_mentions
    );
    match web {
        Some(w) => println!(
            "web:      {} on {} since {}: {} requests, {} failed, mean {:.1} ms, 95% under {} (recorded {})",
            if cfg.web_listen.is_some() {
                "served"
            } else {
                "was served"
            },
            w.listen,
            w.started_at,
            w.requests,
            w.failures,
            w.mean_ms(),
            w.p95_ms
                .map_or_else(|| "—".to_string(), |ms| format!("{ms} ms")),
            w.updated_at
        ),
        None => println!(
            "web:      {}",
            if cfg.web_listen.is_some() {
                "on, no requests recorded yet"
            } else {
                "off"
            }
        ),
    }
    if !st.per_day.is_empty() {
        println!("per day (first seen, UTC):");
        for d in &st.per_day {
            println!(
                "  {}  {:>6} items  {:>6} mentions",
                d.day, d.items, d.mentions
            );
        }
    }
    Ok(())
}

pub(crate) fn tag_jsonl() -> Result<(), Failure> {
    use std::io::{BufRead, Write};
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut bad = 0;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.context("cannot read stdin as UTF-8 text")?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("claimwatch: stdin line {}: not JSON: {e}", n + 1);
                bad += 1;
                continue;
            }
        };
        let id = match record.get("id") {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => (n + 1).to_string(),
        };
        let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
            eprintln!("claimwatch: stdin line {}: no \"text\" string", n + 1);
            bad += 1;
            continue;
        };
        writeln!(out, "{}", tag::eval::tag_record(&id, text)).context("cannot write stdout")?;
    }
    out.flush().context("cannot write stdout")?;
    if bad > 0 {
        return Err(Failure::Runtime(anyhow!("{bad} input lines skipped")));
    }
    Ok(())
}

/// Writes to a locked stdout; a closed pipe (`claimwatch eval f | head -3`) ends the output
/// quietly instead of failing.
fn write_stdout(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match write(&mut out).and_then(|()| std::io::Write::flush(&mut out)) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.context("cannot write stdout")?),
    }
}

pub(crate) fn eval(
    file: &Path,
    by: Option<tag::eval::GroupBy>,
    half: Option<Half>,
    parties: Option<&Path>,
) -> Result<(), Failure> {
    // The parties are read first: a bad config is a usage error before any tagging.
    let parties = match parties {
        Some(path) => {
            let cfg = config::load(path, &config::Environment::default())
                .map_err(|e| Failure::Usage(anyhow!("{e}")))?;
            Some(schedule::parties_of(&cfg))
        }
        None => None,
    };
    // The library's errors name their cause; through anyhow's chain it would be printed twice.
    let mut gold = tag::eval::load_set(file).map_err(|e| Failure::Usage(anyhow!("{e}")))?;
    if let Some(half) = half {
        let split = Split::builtin().map_err(|e| Failure::Runtime(anyhow!("{e}")))?;
        gold.retain(|g| split.half_of(g) == Some(half));
        if gold.is_empty() {
            return Err(Failure::Usage(anyhow!(
                "{}: no passage in the {} half (the split goes by the `conflict` field, which \
                 only the dev2 sets have; see src/tag/eval_split.toml)",
                file.display(),
                half.as_str()
            )));
        }
    }
    let pred = tag::eval::tag_all(&gold);
    let overall = tag::eval::score(&gold, &pred);
    let groups = match by {
        Some(by) => tag::eval::score_groups(&gold, &pred, |g| by.group_of(g)),
        None => {
            // Per language, when the set mixes them (dev-ru-uk holds Russian and Ukrainian).
            let lang = |g: &serde_json::Value| {
                tag::detect_language(g.get("text").and_then(|t| t.as_str()).unwrap_or(""))
                    .to_string()
            };
            let groups = tag::eval::score_groups(&gold, &pred, lang);
            if groups.len() > 1 { groups } else { Vec::new() }
        }
    };
    write_stdout(|out| {
        writeln!(out, "{overall}")?;
        if let Some(by) = by {
            writeln!(out, "by {}:", by.field())?;
            write!(out, "{}", tag::eval::group_table(&groups))?;
        }
        for (group, scores) in &groups {
            let label = match by {
                Some(by) => format!("{} = {group}", by.field()),
                None => group.clone(),
            };
            writeln!(out, "\n[{label}: {} passages]\n{scores}", scores.passages)?;
        }
        if let Some(p) = &parties {
            writeln!(out, "\n{}", tag::eval_sides::measure(&gold, p))?;
        }
        Ok(())
    })
}

pub(crate) fn record_figures(dir: &Path) -> Result<(), Failure> {
    let figures =
        tag::eval::figures::measure_dir(dir).map_err(|e| Failure::Usage(anyhow!("{e}")))?;
    let text = tag::eval::figures::to_toml(&figures);
    write_stdout(|out| out.write_all(text.as_bytes()))
}

pub(crate) fn retag(cfg: &Config, since: Option<&str>) -> Result<(), Failure> {
    let since = since
        .map(|s| digest::parse_since(s, chrono::Utc::now()))
        .transpose()
        .map_err(|e| Failure::Usage(anyhow!(e)))?;
    let rt = runtime()?;
    let store = rt.block_on(open_existing(&cfg.daemon.database))?;
    let sources: std::collections::HashMap<String, std::sync::Arc<config::SourceConfig>> = cfg
        .sources
        .iter()
        .map(|s| (s.name.clone(), s.clone()))
        .collect();
    let parties = schedule::parties_of(cfg);
    let (items, mentions) = rt
        .block_on(store.retag_items(
            since,
            tag::TAGGER_VERSION.to_owned(),
            chrono::Utc::now(),
            move |name, title, text| match sources.get(name) {
                Some(s) => {
                    let own_voice = s.own_voice();
                    let voice = schedule::SourceVoice::of(s, &own_voice);
                    schedule::tag_fields(voice, &parties, title, text)
                }
                None => {
                    let voice = schedule::SourceVoice {
                        own_voice: name,
                        language: None,
                        party: None,
                    };
                    schedule::tag_fields(voice, &parties, title, text)
                }
            },
        ))
        .context("cannot re-tag")?;
    store.close();
    println!(
        "re-tagged {items} items with tagger {}: {mentions} mentions",
        tag::TAGGER_VERSION
    );
    Ok(())
}

pub(crate) fn tag_stdin() -> Result<(), Failure> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .context("cannot read stdin as UTF-8 text")?;
    let mentions = tag::tag(&text, &tag::TagContext::default());
    if mentions.is_empty() {
        println!("no mentions");
    }
    for m in &mentions {
        let sentence = text
            .get(m.sentence.start..m.sentence.end)
            .unwrap_or("")
            .trim();
        match &m.detail {
            tag::MentionDetail::Ceasefire {
                status, mediator, ..
            } => {
                print!("ceasefire [{}]", status.as_str());
                if let Some(med) = mediator {
                    print!(" mediator: {med}");
                }
                println!();
            }
            tag::MentionDetail::Clash { location, .. } => {
                print!("clash");
                if let Some(l) = location {
                    print!(" at {l}");
                }
                println!();
            }
            tag::MentionDetail::Casualty { claims } => {
                println!("casualty");
                for c in claims {
                    let count = c.count.map_or_else(|| "?".into(), |n| n.to_string());
                    println!(
                        "  {}{} {}{}{}{}",
                        if c.approx { "~" } else { "" },
                        count,
                        c.category.as_str(),
                        c.who
                            .as_deref()
                            .map(|w| format!(" ({w})"))
                            .unwrap_or_default(),
                        c.claimant
                            .as_deref()
                            .map(|w| format!(" claimed by {w}"))
                            .unwrap_or_default(),
                        if c.negated { " [negated]" } else { "" },
                    );
                }
            }
        }
        println!("  > {sentence}");
    }
    Ok(())
}

pub(crate) fn run_demo(dir: Option<PathBuf>, web: bool) -> Result<(), Failure> {
    let dir = match dir {
        Some(d) => d,
        None => tempfile::Builder::new()
            .prefix("claimwatch-demo-")
            .tempdir()
            .context("cannot create a temporary directory")?
            .keep(),
    };
    let report = runtime()?
        .block_on(demo::run(&dir))
        .context("demo failed")?;
    let c = report.counts;
    println!(
        "claimwatch demo: polled {} sample sources on a loopback server in {:.1} s",
        c.sources,
        report.elapsed.as_secs_f64()
    );
    println!(
        "  stored {} items, {} mentions, {} casualty claims ({} fetches, {} failed)",
        c.items, c.mentions, c.claims, c.fetches, c.failed_fetches
    );
    println!();
    println!("Casualty claims side by side (syndicated copies not counted):");
    for (day, ledgers) in &report.ledger {
        println!("  {day}");
        for (conflict, sides) in ledgers {
            println!("    {}", conflict.as_deref().unwrap_or("other claims"));
            for side in sides {
                println!("      {side}");
            }
        }
    }
    println!();
    println!("database: {}", report.database);
    for d in &report.digests {
        println!("digest:   {}", d.display());
    }
    println!("config:   {}", report.config.display());
    println!();
    println!("Try:");
    let db = &report.database;
    println!(
        "  sqlite3 {db} \"SELECT kind, source, substr(sentence, 1, 70) FROM recent_mentions\""
    );
    println!(
        "  sqlite3 {db} \"SELECT party, claimant, category, count, approx FROM casualty_claims_view\""
    );
    println!("  sqlite3 {db} \"SELECT title FROM items_fts WHERE items_fts MATCH 'ceasefire'\"");
    println!("  claimwatch --db {db} sources");
    println!(
        "  claimwatch --config {} serve --listen 127.0.0.1:8080",
        report.config.display()
    );
    if web {
        println!();
        let cfg = config::load(&report.config, &config::Environment::default())
            .map_err(|e| Failure::Runtime(anyhow!(e)))?;
        return serve(&cfg, "127.0.0.1:0", None);
    }
    Ok(())
}

pub(crate) fn store_copy(from: &Path, to: &str) -> Result<(), Failure> {
    if !from.is_file() {
        return Err(Failure::Usage(anyhow!(
            "no SQLite store at {}",
            from.display()
        )));
    }
    let target =
        config::Database::parse(to).map_err(|e| Failure::Usage(anyhow!("--to {to}: {e}")))?;
    if target.sqlite_path().is_some() {
        return Err(Failure::Usage(anyhow!(
            "--to {to}: give a postgres:// URL (copying between SQLite files is `cp`)"
        )));
    }
    // One daemon per file: refuse while one writes the file (its rows would keep changing).
    let _lock = store::DaemonLock::acquire(from).context("stop the daemon before copying")?;
    runtime()?.block_on(async {
        let store = open_existing(&target).await?;
        println!("copying {} into {target}", from.display());
        let copied = store
            .copy_from_sqlite(from, |t| {
                println!(
                    "  {:<16} {:>9} copied now, {:>9} in SQLite, {:>9} in PostgreSQL",
                    t.table, t.copied, t.source_rows, t.target_rows
                );
            })
            .await;
        store.close();
        let copied = copied.map_err(|e| Failure::Runtime(anyhow!(e)))?;
        let rows: i64 = copied.iter().map(|t| t.target_rows).sum();
        println!("done: {rows} rows, every table's count matches");
        Ok(())
    })
}
