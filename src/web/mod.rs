//! The desk's read-only web site: the claims ledger of the last 24 hours (Now), full-text
//! search, one statement with its revisions, source health and the digests written; every
//! page also as JSON (`?format=json` or `Accept: application/json`).
//!
//! Server-rendered HTML with no script, everything embedded; every feed-supplied string is
//! escaped, and a Content-Security-Policy forbids scripts and remote resources. Queries run
//! through [`SiteReader`] (read-only SQLite connections on the blocking pool, or read-only
//! PostgreSQL sessions), a few at a time, each with a time limit, so the site never holds up
//! polling. It serves loopback only: a non-loopback address is refused
//! (`check_listen`) unless a users file turns on HTTP Basic authentication (`auth`), meant
//! for a site behind a TLS-terminating reverse proxy.

pub mod auth;
pub mod counters;
mod pages;
pub mod stats;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::digest::ConflictSides;
use crate::store::{SiteReader, StoreError};

/// Queries running at the same time.
pub const CONCURRENT_QUERIES: usize = 4;
/// Longest a page's queries may run before they are interrupted.
pub const QUERY_LIMIT: Duration = Duration::from_secs(5);
/// Hits per search page.
const PAGE_SIZE: usize = 20;
/// How long a computed Now page is served to every reader before it is computed again. The
/// page refreshes itself every minute; under many readers the ledger is drawn up once per
/// interval, not once per request.
const NOW_FRESH: Duration = Duration::from_secs(5);

/// A web problem.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// The address is not loopback and no users file is given.
    #[error(
        "refusing to serve on {0} without authentication: listen on loopback (127.0.0.1 or ::1), \
         or give a users file (`[web] users_file`, `--users-file`) and put a TLS-terminating \
         reverse proxy in front"
    )]
    NotLoopback(SocketAddr),
    /// The address does not parse.
    #[error("invalid listen address {0:?}: use HOST:PORT, e.g. 127.0.0.1:8080")]
    BadAddress(String),
    /// The socket could not be bound or served.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Parses a listen address and refuses one that is not loopback unless the site
/// authenticates its users.
///
/// # Errors
/// [`WebError::BadAddress`] or [`WebError::NotLoopback`].
pub fn check_listen(addr: &str, authenticated: bool) -> Result<SocketAddr, WebError> {
    let parsed: SocketAddr = addr
        .trim()
        .parse()
        .map_err(|_| WebError::BadAddress(addr.to_owned()))?;
    if parsed.ip().is_loopback() || authenticated {
        Ok(parsed)
    } else {
        Err(WebError::NotLoopback(parsed))
    }
}

/// What the site reads from.
#[derive(Debug)]
pub struct Site {
    /// The store, read-only.
    pub reader: SiteReader,
    /// The conflicts the ledger is drawn up by.
    pub conflicts: Vec<ConflictSides>,
    /// The users allowed in, when the site authenticates.
    pub users: Option<auth::Users>,
    /// A fixed "now" for the Now page (benchmarks over a store written in the past).
    clock: Option<chrono::DateTime<chrono::Utc>>,
    counters: counters::RequestCounters,
    queries: Semaphore,
    /// The last Now page and when it was computed; the lock makes concurrent readers of a
    /// stale page wait for one computation.
    now_cache: tokio::sync::Mutex<Option<(std::time::Instant, Answer)>>,
}

impl Site {
    /// A site reading through `reader` (see [`SiteReader::open`] with
    /// [`CONCURRENT_QUERIES`] and [`QUERY_LIMIT`]).
    pub fn new(reader: SiteReader, conflicts: Vec<ConflictSides>) -> Site {
        Site {
            reader,
            conflicts,
            users: None,
            clock: None,
            counters: counters::RequestCounters::default(),
            now_cache: tokio::sync::Mutex::new(None),
            queries: Semaphore::new(CONCURRENT_QUERIES),
        }
    }

    /// The same site, asking every request for a user of `users`.
    pub fn with_users(mut self, users: auth::Users) -> Site {
        self.users = Some(users);
        self
    }

    /// The same site with its Now page fixed at `now` (for benchmarks over an old store).
    pub fn with_clock(mut self, now: chrono::DateTime<chrono::Utc>) -> Site {
        self.clock = Some(now);
        self
    }

    /// The site's request counts, failures and latencies so far.
    pub fn totals(&self) -> counters::RequestTotals {
        self.counters.totals()
    }

    /// The site's counters in the Prometheus text format: requests served, failed, the time
    /// spent answering them and its histogram.
    pub fn metrics(&self) -> String {
        self.counters.totals().prometheus()
    }
}

/// Serves the site on `listener` until `shutdown` completes.
///
/// # Errors
/// [`WebError::Io`] when serving fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    site: Arc<Site>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), WebError> {
    let addr = listener
        .local_addr()
        .map_or_else(|_| "?".to_owned(), |a| a.to_string());
    axum::serve(listener, router(site))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| WebError::Io { addr, source })
}

/// The routes.
pub fn router(site: Arc<Site>) -> Router {
    Router::new()
        .route("/", get(now_page))
        .route("/search", get(search_page))
        .route("/items/{id}", get(item_page))
        .route("/sources", get(sources_page))
        .route("/digests", get(digests_page))
        .route("/digests/{id}", get(digest_file))
        .route("/alerts.atom", get(alerts_feed))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&site),
            authenticate,
        ))
        .with_state(site)
}

/// Counts every request and its time; refuses, with 401 and a Basic challenge, a request
/// without a known user's password when the site has a users file.
async fn authenticate(
    State(site): State<Arc<Site>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let started = std::time::Instant::now();
    let res = answer(&site, req, next).await;
    site.counters
        .record(started.elapsed(), res.status().as_u16());
    res
}

async fn answer(
    site: &Arc<Site>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if site.users.is_some() {
        let header = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let s = Arc::clone(site);
        // Verifying an argon2 hash is deliberately slow: off the async workers.
        let allowed = tokio::task::spawn_blocking(move || {
            s.users
                .as_ref()
                .is_some_and(|u| u.allows(header.as_deref()))
        })
        .await
        .unwrap_or(false);
        if !allowed {
            let mut res = respond(
                error(
                    StatusCode::UNAUTHORIZED,
                    "a user name and password are needed",
                ),
                false,
            );
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"claimwatch\", charset=\"UTF-8\""),
            );
            return res;
        }
    }
    next.run(req).await
}

/// A page's answer: its status and either HTML or JSON.
#[derive(Clone, Debug)]
struct Answer {
    status: StatusCode,
    html: String,
    json: serde_json::Value,
}

/// Whether the client asked for JSON.
fn wants_json(headers: &HeaderMap, params: &HashMap<String, String>) -> bool {
    params.get("format").is_some_and(|f| f == "json")
        || headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("application/json"))
}

fn respond(answer: Answer, json: bool) -> Response {
    let mut res = if json {
        (answer.status, axum::Json(answer.json)).into_response()
    } else {
        (
            answer.status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            answer.html,
        )
            .into_response()
    };
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

/// An error page (and JSON `{"error": …}`).
fn error(status: StatusCode, reason: &str) -> Answer {
    Answer {
        status,
        html: pages::error_page(status.as_u16(), reason),
        json: serde_json::json!({ "error": reason }),
    }
}

fn ok(html: String, json: impl Serialize) -> Answer {
    Answer {
        status: StatusCode::OK,
        html,
        json: serde_json::to_value(json).unwrap_or(serde_json::Value::Null),
    }
}

/// Waits for a free query slot and runs `read`, turning a store error into the page that
/// says it.
async fn read<T>(
    site: &Site,
    read: impl std::future::Future<Output = Result<T, StoreError>>,
) -> Result<T, Answer> {
    let busy = || error(StatusCode::SERVICE_UNAVAILABLE, "the site is shutting down");
    let _permit = site.queries.acquire().await.map_err(|_| busy())?;
    match read.await {
        Ok(v) => Ok(v),
        Err(StoreError::BadQuery(m)) => Err(error(
            StatusCode::BAD_REQUEST,
            &format!(
                "the search does not parse ({}): {m}",
                site.reader.search_syntax()
            ),
        )),
        Err(StoreError::TimedOut) => Err(error(
            StatusCode::SERVICE_UNAVAILABLE,
            &format!(
                "the query took longer than {} s and was stopped; narrow the search",
                QUERY_LIMIT.as_secs()
            ),
        )),
        Err(e) => {
            tracing::warn!("web query failed: {e}");
            Err(error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))
        }
    }
}

async fn now_page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let json = wants_json(&headers, &params);
    // A fixed clock (benchmarks) always computes: it measures the page, not the cache.
    if site.clock.is_some() {
        return respond(compute_now(&site).await, json);
    }
    let mut cache = site.now_cache.lock().await;
    if let Some((at, answer)) = cache.as_ref()
        && at.elapsed() < NOW_FRESH
    {
        return respond(answer.clone(), json);
    }
    let answer = compute_now(&site).await;
    if answer.status == StatusCode::OK {
        *cache = Some((std::time::Instant::now(), answer.clone()));
    }
    drop(cache);
    respond(answer, json)
}

/// Draws up the Now page: the ledger and mentions of the last 24 hours.
async fn compute_now(site: &Arc<Site>) -> Answer {
    let now = site.clock.unwrap_or_else(chrono::Utc::now);
    let rows = read(
        site,
        site.reader.mentions_between(
            now - chrono::Duration::hours(24),
            now + chrono::Duration::seconds(1),
        ),
    )
    .await;
    match rows {
        Ok(rows) => {
            let d = crate::digest::Digest::build(
                rows,
                now - chrono::Duration::hours(24),
                now,
                now,
                &crate::digest::DigestFilter::default(),
                &site.conflicts,
            );
            ok(pages::now_page(&d), &d)
        }
        Err(a) => a,
    }
}

/// The search form's values, checked.
fn search_query(
    params: &HashMap<String, String>,
) -> Result<Option<crate::store::browse::SearchQuery>, String> {
    let get = |k: &str| {
        params
            .get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let Some(terms) = get("q") else {
        return Ok(None);
    };
    let kind = get("kind");
    if let Some(k) = &kind
        && !["ceasefire", "clash", "casualty"].contains(&k.as_str())
    {
        return Err(format!(
            "kind must be ceasefire, clash or casualty, not {k:?}"
        ));
    }
    let category = get("category");
    if let Some(c) = &category
        && ![
            "killed",
            "wounded",
            "killed_or_wounded",
            "captured",
            "missing",
        ]
        .contains(&c.as_str())
    {
        return Err(format!(
            "category must be killed, wounded, killed_or_wounded, captured or missing, not {c:?}"
        ));
    }
    let since = get("since")
        .map(|s| crate::digest::parse_since(&s, chrono::Utc::now()))
        .transpose()?
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    let page: usize = match get("page") {
        Some(p) => p
            .parse()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| format!("page must be a number from 1 to 1000, not {p:?}"))?,
        None => 1,
    };
    let by_relevance = match get("sort").as_deref() {
        None | Some("newest") => false,
        Some("relevance") => true,
        Some(other) => {
            return Err(format!("sort must be newest or relevance, not {other:?}"));
        }
    };
    if terms.len() > 500 {
        return Err("the search is longer than 500 characters".into());
    }
    Ok(Some(crate::store::browse::SearchQuery {
        terms,
        kind,
        category,
        party: get("party"),
        source: get("source"),
        language: get("lang"),
        since,
        by_relevance,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
    }))
}

async fn search_page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let json = wants_json(&headers, &params);
    let answer = match search_query(&params) {
        Err(reason) => error(StatusCode::BAD_REQUEST, &reason),
        Ok(None) => ok(
            pages::search_page(&params, None, site.reader.search_syntax()),
            serde_json::json!({ "hits": [], "more": false }),
        ),
        Ok(Some(q)) => {
            let page = q.offset / PAGE_SIZE + 1;
            match read(&site, site.reader.search(q)).await {
                Ok(found) => ok(
                    pages::search_page(&params, Some((&found, page)), site.reader.search_syntax()),
                    &found,
                ),
                Err(a) => a,
            }
        }
    };
    respond(answer, json)
}

async fn item_page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let json = wants_json(&headers, &params);
    let Ok(id) = id.parse::<i64>() else {
        return respond(
            error(
                StatusCode::BAD_REQUEST,
                &format!("{id:?} is not a statement number"),
            ),
            json,
        );
    };
    let answer = match read(&site, site.reader.statement(id)).await {
        Ok(Some(s)) => ok(pages::statement_page(&s), &s),
        Ok(None) => error(StatusCode::NOT_FOUND, &format!("no statement {id}")),
        Err(a) => a,
    };
    respond(answer, json)
}

async fn sources_page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let now = chrono::Utc::now();
    let answer = match read(&site, site.reader.source_statuses(now)).await {
        Ok(sources) => {
            let rows: Vec<pages::SourceRow> = sources.iter().map(pages::SourceRow::from).collect();
            ok(pages::sources_page(&rows), &rows)
        }
        Err(a) => a,
    };
    respond(answer, wants_json(&headers, &params))
}

async fn digests_page(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let answer = match read(&site, site.reader.digests(200)).await {
        Ok(list) => ok(pages::digests_page(&list), &list),
        Err(a) => a,
    };
    respond(answer, wants_json(&headers, &params))
}

/// One digest file as written, with the content type of its format.
async fn digest_file(
    State(site): State<Arc<Site>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let json = wants_json(&headers, &HashMap::new());
    let Ok(id) = id.parse::<i64>() else {
        return respond(
            error(
                StatusCode::BAD_REQUEST,
                &format!("{id:?} is not a digest number"),
            ),
            json,
        );
    };
    let file = match read(&site, site.reader.digest_file(id)).await {
        Ok(Some(f)) => f,
        Ok(None) => {
            return respond(
                error(StatusCode::NOT_FOUND, &format!("no digest {id}")),
                json,
            );
        }
        Err(a) => return respond(a, json),
    };
    let Ok(body) = tokio::fs::read(&file.path).await else {
        return respond(
            error(
                StatusCode::NOT_FOUND,
                &format!(
                    "digest {id} was written to {}, which is gone (pruned?)",
                    file.path
                ),
            ),
            json,
        );
    };
    let kind = match std::path::Path::new(&file.path)
        .extension()
        .and_then(|e| e.to_str())
    {
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("atom") => "application/atom+xml",
        _ => "text/plain; charset=utf-8",
    };
    respond_raw(kind, body)
}

/// The latest 100 alerts as an Atom feed, for a feed reader on the desk.
async fn alerts_feed(State(site): State<Arc<Site>>, headers: HeaderMap) -> Response {
    let now = site.clock.unwrap_or_else(chrono::Utc::now);
    match read(&site, site.reader.recent_alert_payloads(100)).await {
        Ok(payloads) => respond_raw(
            "application/atom+xml; charset=utf-8",
            crate::digest::alerts::atom(&payloads, now).into_bytes(),
        ),
        Err(a) => respond(a, wants_json(&headers, &HashMap::new())),
    }
}

fn respond_raw(content_type: &'static str, body: Vec<u8>) -> Response {
    let mut res = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
    );
    res
}

async fn not_found(headers: HeaderMap) -> Response {
    respond(
        error(StatusCode::NOT_FOUND, "no such page"),
        wants_json(&headers, &HashMap::new()),
    )
}
