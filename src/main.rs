//! The `claimwatch` command line: parses arguments and calls the library. Nothing else.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use clap::{Parser, Subcommand};

use claimwatch::config::{self, Config, Environment};
use claimwatch::tag::eval::split::Half;
use claimwatch::{daemon, digest, tag};

mod commands;

use commands::{
    eval, open_existing, poll, record_figures, retag, run_demo, serve, sources, status, tag_jsonl,
    tag_stdin,
};

/// Watch ministries, governments and news outlets for ceasefires, clashes and casualty claims.
#[derive(Parser, Debug)]
#[command(name = "claimwatch", version, about, long_about = None)]
struct Cli {
    /// Config file [default: $CLAIMWATCH_CONFIG, else /etc/claimwatch/claimwatch.toml]
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Database, overriding the config's `daemon.database`: an SQLite file, or a
    /// postgres://USER@HOST:PORT/DB URL
    #[arg(long, global = true, value_name = "PATH|URL")]
    db: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the daemon: poll every enabled source on its schedule and write digests
    Run,
    /// Serve the read-only web site (Now, search, statements, sources, digests) from the
    /// database, on a loopback address
    Serve {
        /// Address to listen on (loopback only; port 0 picks a free one)
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Ask every request for a user of this file (lines printed by `web-passwd`; HTTP
        /// Basic, behind a TLS-terminating proxy); allows a non-loopback address
        /// [default: the config's `web.users_file`]
        #[arg(long, value_name = "PATH")]
        users_file: Option<PathBuf>,
    },
    /// Print a users-file line (`name:$argon2id$…`) for NAME, the password read from stdin
    WebPasswd {
        /// The user name
        name: String,
    },
    /// Poll sources once now and print a summary line per source
    Poll {
        /// Poll only this source
        #[arg(long, value_name = "NAME")]
        source: Option<String>,
    },
    /// Show each source's health, last poll, HTTP status, items and last error;
    /// import or export OPML
    Sources {
        #[command(subcommand)]
        action: Option<SourcesAction>,
    },
    /// Show the state of the database: source health, last success, items and mentions
    /// per day, digest backlog (works whether or not the daemon runs)
    Status,
    /// Move a store: `store copy --from claimwatch.db --to postgres://…`
    Store {
        #[command(subcommand)]
        action: StoreAction,
    },
    /// Validate the config and report every error with file:line
    Check,
    /// Tag text read from stdin and print the mentions found
    Tag {
        /// Read lines {"id": …, "text": …} and write one labelled-set record per line
        #[arg(long)]
        jsonl: bool,
    },
    /// Tag a labelled set (TAGS.md format) and print precision, recall and F1 per kind,
    /// casualty-claims F1, claimant and ceasefire-status accuracy
    Eval {
        /// The labelled set, one JSON object per line
        #[arg(required_unless_present = "record_figures")]
        file: Option<PathBuf>,
        /// After the overall score, score each group of passages with the same value of this
        /// field ("(none)" when missing; lang falls back to the language detected in the text)
        #[arg(long, value_enum, value_name = "FIELD")]
        by: Option<EvalBy>,
        /// Keep only the passages of this half of the dev2 split by conflict
        /// (src/tag/eval_split.toml); passages without a `conflict` field are in neither
        #[arg(long, value_enum)]
        half: Option<EvalHalf>,
        /// Also resolve each claim's sides against the `[[party]]` and `[[conflict]]` entries
        /// of this config file and print how often they could be resolved
        #[arg(long, value_name = "CONFIG")]
        parties: Option<PathBuf>,
        /// Instead, tag every *.jsonl set in DIR and print the figures of each (and of the
        /// dev2 halves) as TOML: the content of src/tag/eval_figures.toml
        #[arg(long, value_name = "DIR", conflicts_with_all = ["file", "by", "half", "parties"])]
        record_figures: Option<PathBuf>,
    },
    /// Re-tag stored items with this build's tagger, replacing their mentions
    Retag {
        /// Only items first seen since then (90m, 24h, 7d or an RFC 3339 time) [default: all]
        #[arg(long)]
        since: Option<String>,
    },
    /// Write a digest of the mentions in statements first seen (or revised) in a window
    Digest {
        /// Window start: back from now (90m, 24h, 7d) or an RFC 3339 time
        #[arg(long, default_value = "24h")]
        since: String,
        /// Window end: back from now or an RFC 3339 time [default: now]
        #[arg(long)]
        until: Option<String>,
        /// Output format, repeatable: md, html, json, atom
        #[arg(long = "format", value_name = "FORMAT", default_value = "md")]
        formats: Vec<String>,
        /// Directory to write into [default: the config's digest_dir]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Run the whole pipeline on bundled samples served on loopback; no network, no config
    Demo {
        /// Directory for the database and digest [default: a new temporary directory, kept]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Then leave the web site up on the demo's database (a free loopback port, printed)
        /// until Ctrl-C
        #[arg(long)]
        web: bool,
    },
    /// Delete statements older than a cutoff (with their mentions, claims, revisions and
    /// alerts) and old poll log rows, and give the space back to the file system
    Prune {
        /// Age cutoff: 180d, 4320h, or an RFC 3339 time
        #[arg(long, value_name = "AGE")]
        older_than: String,
    },
    /// Time the whole poll path over a loopback feed farm: cold, unchanged and incremental
    /// rounds; prints wall, CPU, peak RSS, items/s, 200/304 counts and database size
    Bench {
        /// Feeds in the farm
        #[arg(long, default_value_t = 1000)]
        feeds: usize,
        /// Items per feed
        #[arg(long, default_value_t = 20)]
        items: usize,
        /// Runs (medians are reported)
        #[arg(long, default_value_t = 3)]
        runs: usize,
        /// Polls at once (32, as many as the threads of the feedparser peer)
        #[arg(long, default_value_t = 32)]
        concurrency: usize,
        /// Directory for the databases [default: a new temporary directory, removed after]
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Use an external farm (shared/bench/feedfarm.py) at this base URL
        #[arg(long, value_name = "URL")]
        farm: Option<String>,
        /// Clients requesting the web site (Now, a search, Sources, a statement) over the same
        /// database while the cold round polls; 0 for none
        #[arg(long, default_value_t = 0, value_name = "N")]
        web_clients: usize,
        /// Instances polling one PostgreSQL store together (with --db postgres://…; each run
        /// gets a scratch database beside the one named, dropped after)
        #[arg(long, default_value_t = 1, value_name = "K")]
        instances: usize,
        /// Do one run in this process and print its phases as JSON (each run of a benchmark
        /// is such a child process)
        #[arg(long, hide = true)]
        one_run: bool,
    },
    /// Build a synthetic store of N statements (if DB does not exist) and time full-text
    /// search, recent_mentions and a day's claims ledger over it
    BenchStore {
        /// Statements to generate
        #[arg(long, default_value_t = 1_000_000)]
        items: usize,
        /// The database file (reused when it exists)
        #[arg(long, value_name = "PATH")]
        db: String,
    },
    /// Time the web site over a store (e.g. one built by `bench-store`): Now, a two-term
    /// search and a statement page, many clients at once; p50/p95 per page
    BenchWeb {
        /// The database file
        #[arg(long, value_name = "PATH")]
        db: String,
        /// Requests per page
        #[arg(long, default_value_t = 400)]
        requests: usize,
        /// Concurrent clients
        #[arg(long, default_value_t = 200)]
        clients: usize,
    },
    /// The benchmark's feed farm (started by `bench`)
    #[command(hide = true)]
    BenchFarm {
        #[arg(long)]
        feeds: usize,
        #[arg(long)]
        items: usize,
    },
    /// Print the man page (roff) on stdout
    Man,
    /// Print shell completions on stdout
    Completions {
        /// The shell
        shell: clap_complete::Shell,
    },
}

/// `eval --by`: the labelled-set field to group passages by.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum EvalBy {
    Conflict,
    Register,
    Lang,
}

/// `eval --half`: a half of the dev2 split.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum EvalHalf {
    Tune,
    Check,
}

#[derive(Subcommand, Debug)]
enum StoreAction {
    /// Copy an SQLite store into PostgreSQL, keeping ids: sources' state, items, revisions,
    /// mentions, claims, polls, digests, alerts. Resumable (run it again after an
    /// interruption); checks every table's row count at the end. Stop the daemon first.
    Copy {
        /// The SQLite file
        #[arg(long, value_name = "PATH")]
        from: PathBuf,
        /// The PostgreSQL database (created schema if empty)
        #[arg(long, value_name = "URL")]
        to: String,
    },
}

#[derive(Subcommand, Debug)]
enum SourcesAction {
    /// Print the config's feed sources as OPML
    Export,
    /// Read an OPML file and print its feeds as [[source]] blocks to add to the config
    Import {
        /// The OPML file
        file: PathBuf,
    },
}

/// A failure and the exit code it maps to.
pub(crate) enum Failure {
    /// Bad usage or config: exit 2.
    Usage(anyhow::Error),
    /// Anything else: exit 1.
    Runtime(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Runtime(e)
    }
}

fn main() -> ExitCode {
    daemon::limit_malloc_arenas();
    let cli = Cli::parse();
    // `run` sets up logging itself once its config (and its log filter) is read.
    if !matches!(cli.command, Command::Run) {
        daemon::logging::init("warn", None);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(e)) => {
            eprintln!("claimwatch: {e:#}");
            ExitCode::from(2)
        }
        Err(Failure::Runtime(e)) => {
            eprintln!("claimwatch: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Loads the config. When `required` is false and no file was named or found, the defaults
/// are used (so `sources --db X` works without a config).
fn config_source(cli: &Cli) -> (config::ConfigSource, bool) {
    let env_value = std::env::var_os("CLAIMWATCH_CONFIG");
    let named = cli.config.is_some() || env_value.as_ref().is_some_and(|v| !v.is_empty());
    let source = config::ConfigSource {
        path: config::resolve_path(cli.config.as_deref(), env_value.as_deref()),
        env: Environment::from_process(),
        db_override: cli.db.clone(),
    };
    (source, named)
}

fn load_config(cli: &Cli, required: bool) -> Result<Config, Failure> {
    let (source, named) = config_source(cli);
    if !required && !named && !source.path.exists() {
        let mut cfg = config::validate("", Path::new("(defaults)"), &source.env)
            .map_err(|e| Failure::Usage(anyhow!(e)))?;
        if let Some(db) = &cli.db {
            cfg.daemon.database = config::Database::parse(db)
                .map_err(|reason| Failure::Usage(anyhow!("--db {db}: {reason}")))?;
        }
        return Ok(cfg);
    }
    source.load().map_err(|e| Failure::Usage(anyhow!(e)))
}

/// The async runtime. Parsing and tagging run on its blocking pool, bounded to the number of
/// cores: more threads would only add memory (each keeps its own regex caches), not speed.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(cores.max(2))
        .build()
        .context("cannot start the async runtime")?)
}

fn run(cli: Cli) -> Result<(), Failure> {
    match &cli.command {
        Command::Check => {
            let cfg = load_config(&cli, true)?;
            let enabled = cfg.sources.iter().filter(|s| s.enabled).count();
            println!(
                "{}: ok ({} sources, {enabled} enabled)",
                cfg.path.display(),
                cfg.sources.len()
            );
            Ok(())
        }
        Command::Run => {
            let loaded = load_config(&cli, true);
            let filter = loaded
                .as_ref()
                .ok()
                .and_then(|c| c.daemon.log_filter.clone());
            daemon::logging::init("info,tokio_cron_scheduler=warn", filter.as_deref());
            let cfg = loaded?;
            let (source, _) = config_source(&cli);
            let rt = runtime()?;
            let result = rt.block_on(daemon::run(source, cfg));
            rt.shutdown_timeout(std::time::Duration::from_secs(1));
            result.context("daemon failed")?;
            Ok(())
        }
        Command::Poll { source } => poll(&load_config(&cli, true)?, source.as_deref()),
        Command::Sources { action: None } => sources(&load_config(&cli, false)?),
        Command::Store {
            action: StoreAction::Copy { from, to },
        } => commands::store_copy(from, to),
        Command::Sources {
            action: Some(SourcesAction::Export),
        } => {
            print!("{}", config::opml::export(&load_config(&cli, true)?));
            Ok(())
        }
        Command::Sources {
            action: Some(SourcesAction::Import { file }),
        } => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read {}", file.display()))
                .map_err(Failure::Usage)?;
            let feeds = config::opml::parse(&text)
                .with_context(|| file.display().to_string())
                .map_err(Failure::Usage)?;
            let taken: Vec<String> = load_config(&cli, false)
                .map(|c| c.sources.into_iter().map(|s| s.name.clone()).collect())
                .unwrap_or_default();
            print!("{}", config::opml::to_toml(&feeds, &taken));
            eprintln!(
                "{} feeds; append them to the config and run `claimwatch check`",
                feeds.len()
            );
            Ok(())
        }
        Command::Status => status(&load_config(&cli, false)?),
        Command::Serve { listen, users_file } => {
            serve(&load_config(&cli, false)?, listen, users_file.as_deref())
        }
        Command::WebPasswd { name } => {
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .context("cannot read the password from stdin")?;
            let line =
                claimwatch::web::auth::user_line(name, password.trim_end_matches(['\n', '\r']))
                    .map_err(|e| Failure::Usage(anyhow!(e)))?;
            println!("{line}");
            Ok(())
        }
        Command::Bench {
            feeds,
            items,
            runs,
            concurrency,
            dir,
            farm,
            web_clients,
            instances,
            one_run,
        } => {
            let tmp = tempfile::Builder::new()
                .prefix("claimwatch-bench-")
                .tempdir()
                .context("cannot create a temporary directory")?;
            let opts = claimwatch::bench::BenchOptions {
                feeds: *feeds,
                items: *items,
                runs: *runs,
                concurrency: *concurrency,
                dir: dir.clone().unwrap_or_else(|| tmp.path().to_path_buf()),
                farm_url: farm.clone(),
                web_clients: *web_clients,
                database: cli.db.clone(),
                instances: (*instances).max(1),
            };
            if *one_run {
                let phases = runtime()?
                    .block_on(claimwatch::bench::run_once(&opts))
                    .context("benchmark failed")?;
                println!(
                    "{}",
                    serde_json::to_string(&phases).context("cannot print figures")?
                );
                return Ok(());
            }
            let results = claimwatch::bench::run_isolated(&opts).context("benchmark failed")?;
            print!("{}", claimwatch::bench::report(&opts, &results));
            Ok(())
        }
        Command::Prune { older_than } => {
            let cfg = load_config(&cli, false)?;
            let cutoff = digest::parse_since(older_than, chrono::Utc::now())
                .map_err(|e| Failure::Usage(anyhow!(e)))?;
            let rt = runtime()?;
            let store = rt.block_on(open_existing(&cfg.daemon.database))?;
            let pruned = rt.block_on(store.prune(cutoff)).context("cannot prune")?;
            store.close();
            println!(
                "pruned {} statements and {} poll log rows older than {}; the file shrank by {:.1} MiB",
                pruned.items,
                pruned.fetches,
                cutoff.format("%Y-%m-%d %H:%M UTC"),
                pruned.bytes_freed as f64 / 1_048_576.0
            );
            Ok(())
        }
        Command::BenchWeb {
            db,
            requests,
            clients,
        } => {
            let pages = runtime()?
                .block_on(claimwatch::bench::web::run(
                    Path::new(db),
                    *requests,
                    *clients,
                ))
                .context("web benchmark failed")?;
            for p in pages {
                println!(
                    "{}: {} requests, {} failed, p50 {:.1} ms, p95 {:.1} ms",
                    p.page, p.requests, p.failed, p.p50_ms, p.p95_ms
                );
            }
            Ok(())
        }
        Command::BenchStore { items, db } => {
            let db = Path::new(db);
            if !db.exists() {
                let t = std::time::Instant::now();
                claimwatch::bench::store::generate(db, *items)
                    .context("cannot generate the store")?;
                println!(
                    "generated {items} statements in {:.1} s",
                    t.elapsed().as_secs_f64()
                );
            }
            for line in
                claimwatch::bench::store::query_latency(db).context("cannot query the store")?
            {
                println!("{line}");
            }
            Ok(())
        }
        Command::BenchFarm { feeds, items } => {
            runtime()?
                .block_on(claimwatch::bench::serve_farm(*feeds, *items))
                .context("farm failed")?;
            Ok(())
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut out)
                .context("cannot render the man page")?;
            std::io::Write::write_all(&mut std::io::stdout(), &out).context("cannot write")?;
            Ok(())
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut cmd, "claimwatch", &mut std::io::stdout());
            Ok(())
        }
        Command::Tag { jsonl: false } => tag_stdin(),
        Command::Tag { jsonl: true } => tag_jsonl(),
        Command::Eval {
            record_figures: Some(dir),
            ..
        } => record_figures(dir),
        Command::Eval {
            file,
            by,
            half,
            parties,
            ..
        } => {
            let Some(file) = file else {
                return Err(Failure::Usage(anyhow!("eval needs a FILE")));
            };
            let by = by.map(|b| match b {
                EvalBy::Conflict => tag::eval::GroupBy::Conflict,
                EvalBy::Register => tag::eval::GroupBy::Register,
                EvalBy::Lang => tag::eval::GroupBy::Lang,
            });
            let half = half.map(|h| match h {
                EvalHalf::Tune => Half::Tune,
                EvalHalf::Check => Half::Check,
            });
            eval(file, by, half, parties.as_deref())
        }
        Command::Retag { since } => retag(&load_config(&cli, false)?, since.as_deref()),
        Command::Digest {
            since,
            until,
            formats,
            out,
        } => {
            let cfg = load_config(&cli, false)?;
            let now = chrono::Utc::now();
            let usage = |e: String| Failure::Usage(anyhow!(e));
            let since = digest::parse_since(since, now).map_err(usage)?;
            let until = match until {
                Some(u) => digest::parse_since(u, now).map_err(usage)?,
                None => now + chrono::Duration::seconds(1),
            };
            let formats = formats
                .iter()
                .map(|f| digest::Format::parse(f))
                .collect::<Result<Vec<_>, _>>()
                .map_err(usage)?;
            let req = digest::DigestRequest {
                name: "digest".into(),
                since,
                until,
                formats,
                filter: digest::DigestFilter::default(),
                conflicts: claimwatch::daemon::conflict_sides(&cfg),
            };
            let dir = out.clone().unwrap_or_else(|| cfg.daemon.digest_dir.clone());
            let written = runtime()?.block_on(async {
                let store = open_existing(&cfg.daemon.database).await?;
                let written = digest::write_digest(&store, &dir, &req, now, None)
                    .await
                    .context("cannot write the digest");
                store.close();
                Ok::<_, Failure>(written?)
            })?;
            for w in written {
                println!("{} ({} mentions)", w.path.display(), w.mentions);
            }
            Ok(())
        }
        Command::Demo { dir, web } => run_demo(dir.clone(), *web),
    }
}
