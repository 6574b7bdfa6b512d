//! The store at scale: a synthetic database of N statements (realistic lengths, 15% with a
//! casualty mention), then the latency of the queries people run — full-text search,
//! `recent_mentions`, and a day's claims ledger.

use std::path::Path;
use std::time::Instant;

use rusqlite::params;

use super::farm::Rng;
use crate::store::{self, StoreError};

const WORDS: &[&str] = &[
    "ministry",
    "defence",
    "border",
    "village",
    "ceasefire",
    "clashes",
    "shelling",
    "soldiers",
    "killed",
    "wounded",
    "statement",
    "agreement",
    "mediation",
    "forces",
    "positions",
    "night",
    "budget",
    "minister",
    "election",
    "market",
    "harvest",
    "weather",
    "football",
    "exports",
    "Dravská",
    "Zăreni",
    "Kastrovo",
    "Berat",
    "Kerel",
    "Ostrava",
    "Ljubič",
    "Tarnów",
];

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vi", "len", "dra", "mos", "tel", "bu", "zar", "ni", "ost", "gu", "pe", "lin",
    "šk", "ăr",
];

/// A word of a synthetic 4,096-word vocabulary, with a Zipf-like skew (a few very common
/// words, a long tail), so search terms match realistic shares of the statements.
fn word(rng: &mut Rng) -> String {
    if rng.below(4) == 0 {
        return WORDS[rng.below(WORDS.len())].to_owned();
    }
    let u = (rng.below(1 << 16) as f64) / 65536.0;
    vocabulary_word((u * u * u * 4096.0) as usize)
}

fn vocabulary_word(mut i: usize) -> String {
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
    }
    w
}

fn text(rng: &mut Rng, words: usize) -> String {
    (0..words).map(|_| word(rng)).collect::<Vec<_>>().join(" ")
}

/// Fills `path` with `n` synthetic statements from 100 sources, in transactions of 10,000.
///
/// # Errors
/// A database error.
pub fn generate(path: &Path, n: usize) -> Result<(), StoreError> {
    let mut conn = store::connect(path)?;
    drop(conn);
    let s = store::Store::open(path)?;
    s.close();
    conn = store::connect(path)?;
    let mut rng = Rng::new(7);
    {
        let tx = conn.transaction()?;
        for i in 0..100 {
            tx.execute(
                "INSERT OR IGNORE INTO sources (name, url, kind, labels) VALUES (?1, ?2, 'feed', ?3)",
                params![format!("source {i}"), format!("https://s{i}.example/feed"), format!("{{\"party\": \"P{}\"}}", i % 4)],
            )?;
        }
        tx.commit()?;
    }
    let start = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
        .map_or_else(|_| chrono::Utc::now(), |d| d.with_timezone(&chrono::Utc));
    let mut done = 0;
    while done < n {
        let tx = conn.transaction()?;
        {
            let mut item = tx.prepare_cached(
                "INSERT INTO items (source_id, guid, url, title, published_at, fetched_at, updated_at, text, raw, content_hash, fingerprint, language)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?6, '', ?7, ?7, 'en') RETURNING id",
            )?;
            let mut fts = tx
                .prepare_cached("INSERT INTO items_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?;
            let mut mention = tx.prepare_cached(
                "INSERT INTO mentions (item_id, revision, field, kind, sentence, span_start, span_end, tagger_version, tagged_at)
                 VALUES (?1, 1, 'text', 'casualty', ?2, 0, 40, 'synthetic', ?3) RETURNING id",
            )?;
            let mut claim = tx.prepare_cached(
                "INSERT INTO casualty_claims (mention_id, category, count, approx, claimant, claimant_origin, negated)
                 VALUES (?1, 'killed', ?2, 0, 'the ministry', 'sentence', 0)",
            )?;
            for _ in 0..10_000.min(n - done) {
                let at = (start + chrono::Duration::seconds(i64::try_from(done).unwrap_or(0) * 30))
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string();
                let (title, body) = (text(&mut rng, 8), text(&mut rng, 60));
                let id: i64 = item.query_row(
                    params![
                        i64::try_from(done % 100).unwrap_or(0) + 1,
                        format!("g{done}"),
                        format!("https://x.example/{done}"),
                        title,
                        at,
                        body,
                        format!("h{done}")
                    ],
                    |r| r.get(0),
                )?;
                fts.execute(params![id, title, body])?;
                if rng.below(100) < 15 {
                    let m: i64 = mention.query_row(
                        params![
                            id,
                            format!("{} soldiers were killed near Kerel", rng.below(40)),
                            at
                        ],
                        |r| r.get(0),
                    )?;
                    claim.execute(params![m, i64::try_from(rng.below(40)).unwrap_or(1)])?;
                }
                done += 1;
            }
        }
        tx.commit()?;
    }
    // What `claimwatch prune` does as maintenance: merge the index segments.
    conn.execute_batch("INSERT INTO items_fts(items_fts) VALUES ('optimize')")?;
    Ok(())
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let i = ((v.len() as f64 - 1.0) * p).round();
    v.get(i as usize).copied().unwrap_or(0.0)
}

/// Times the common queries over the store at `path`; returns report lines.
///
/// # Errors
/// A database error.
pub fn query_latency(path: &Path) -> Result<Vec<String>, StoreError> {
    let conn = store::connect(path)?;
    // A long-lived reader (a desk's dashboard) may map the file instead of copying pages.
    let mapped = store::connect(path)?;
    mapped.execute_batch("PRAGMA mmap_size = 1073741824")?;
    let items: i64 = conn.query_row("SELECT count(*) FROM items", [], |r| r.get(0))?;
    let mut out = vec![format!(
        "store: {items} statements, {:.0} MiB",
        std::fs::metadata(path).map_or(0, |m| m.len()) as f64 / 1048576.0
    )];
    let mut rng = Rng::new(11);
    let mut time = |label: &str,
                    runs: usize,
                    f: &mut dyn FnMut(&mut Rng) -> Result<usize, StoreError>|
     -> Result<(), StoreError> {
        let mut ms = Vec::with_capacity(runs);
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            rows += f(&mut rng)?;
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        out.push(format!(
            "{label}: p50 {:.2} ms, p95 {:.2} ms ({runs} queries, {:.0} rows each)",
            percentile(ms.clone(), 0.5),
            percentile(ms, 0.95),
            rows as f64 / runs as f64
        ));
        Ok(())
    };
    for (label, reader, order) in [
        ("full-text search, 2 terms, top 20 by rank", &conn, "rank"),
        (
            "the same, reader with PRAGMA mmap_size = 1 GiB",
            &mapped,
            "rank",
        ),
        ("full-text search, 2 terms, newest 20", &conn, "rowid DESC"),
    ] {
        time(label, 200, &mut |rng| {
            // Two words of the vocabulary's middle band: each in a few percent of the statements.
            let q = format!(
                "{} {}",
                vocabulary_word(200 + rng.below(1500)),
                WORDS[rng.below(WORDS.len())]
            );
            let mut stmt = reader.prepare_cached(&format!(
                "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 ORDER BY {order} LIMIT 20"
            ))?;
            Ok(stmt.query_map([q], |r| r.get::<_, i64>(0))?.count())
        })?;
    }
    time("recent_mentions, newest 50", 50, &mut |_| {
        let mut stmt = conn
            .prepare_cached("SELECT mention_id, source, sentence FROM recent_mentions LIMIT 50")?;
        Ok(stmt.query_map([], |r| r.get::<_, i64>(0))?.count())
    })?;
    time(
        "claims ledger of one day (mentions_between)",
        50,
        &mut |rng| {
            let newest: String =
                conn.query_row("SELECT max(updated_at) FROM items", [], |r| r.get(0))?;
            let until = chrono::DateTime::parse_from_rfc3339(&newest)
                .map_or_else(|_| chrono::Utc::now(), |d| d.with_timezone(&chrono::Utc))
                - chrono::Duration::days(i64::try_from(rng.below(300)).unwrap_or(0));
            Ok(
                store::queries::mentions_between(&conn, until - chrono::Duration::days(1), until)?
                    .len(),
            )
        },
    )?;
    Ok(out)
}
