//! The store's behaviour through its public API, one test body run on both backends: an
//! SQLite file always, and a fresh PostgreSQL database when `CLAIMWATCH_TEST_PG` names a
//! server (as `bash .ci/run` does).

mod common;

use std::future::Future;

use chrono::{DateTime, Duration, TimeZone, Utc};
use claimwatch::config::Database;
use claimwatch::parse::Item;
use claimwatch::schedule::{SourceVoice, tag_fields};
use claimwatch::store::{PollRecord, PollResult, SourceRecord, Store, TaggedItem};
use claimwatch::tag::sides::Parties;

/// Runs `body` on a new SQLite store, then on a new PostgreSQL database when one is offered.
fn on_both_backends<F, Fut>(test: &str, body: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Database::Sqlite(dir.path().join("cw.db"));
    rt.block_on(async {
        let store = Store::open_database(&sqlite).await.unwrap();
        body(store.clone()).await;
        store.close();
    });
    if let Some(pg) = common::PgDatabase::create(test) {
        let db = Database::parse(&pg.url).unwrap();
        rt.block_on(async {
            let store = Store::open_database(&db).await.unwrap();
            assert!(store.is_shared());
            body(store.clone()).await;
            store.close();
        });
    }
}

fn source(name: &str) -> SourceRecord {
    SourceRecord {
        name: name.into(),
        url: format!("http://127.0.0.1:9/{name}.xml"),
        kind: "feed".into(),
        labels: [("party".to_string(), name.to_string())].into(),
    }
}

fn tagged(guid: &str, title: &str, text: &str) -> TaggedItem {
    let item = Item {
        guid: guid.into(),
        url: Some(format!("http://127.0.0.1:9/{guid}")),
        title: title.into(),
        published: Some(Utc.with_ymd_and_hms(2026, 11, 24, 7, 10, 0).unwrap()),
        text: text.into(),
        raw: text.into(),
    };
    let voice = SourceVoice {
        own_voice: "Norland MoD",
        language: Some("en"),
        party: None,
    };
    let (title_mentions, text_mentions) = tag_fields(voice, &Parties::default(), title, text);
    TaggedItem {
        content_hash: item.content_hash(),
        item,
        title_mentions,
        text_mentions,
        language: "en".into(),
    }
}

fn fetched(src: &str, items: Vec<TaggedItem>, at: chrono::DateTime<Utc>) -> PollRecord {
    PollRecord {
        source: source(src),
        started_at: at,
        finished_at: at,
        result: PollResult::Fetched {
            status: 200,
            bytes: 100,
            validators: claimwatch::fetch::Validators {
                etag: Some("\"v1\"".into()),
                last_modified: None,
            },
            items_seen: items.len(),
            items,
            body_hash: Some("h1".into()),
        },
        tagger_version: "test".into(),
    }
}

const KILLED: &str = "Two servicemen were killed and 5 were wounded in the clashes near the border, the ministry said.";
const KILLED_REVISED: &str = "Three servicemen were killed and 5 were wounded in the clashes near the border, the ministry said.";

#[test]
fn a_poll_stores_items_mentions_and_claims_once_and_revisions_keep_the_old_figure() {
    on_both_backends("poll_store", |store| async move {
        let t0 = Utc::now() - Duration::minutes(5);
        store
            .register_sources(vec![source("Norland")])
            .await
            .unwrap();
        let first = vec![
            tagged("n-1", "Border statement", KILLED),
            tagged(
                "n-2",
                "Ceasefire agreed",
                "The ceasefire came into force at 18:00.",
            ),
            tagged("n-3", "Concert", "The band played."),
        ];
        let s = store
            .record_poll(fetched("Norland", first.clone(), t0))
            .await
            .unwrap();
        assert_eq!((s.new_items, s.revised_items), (3, 0));
        assert!(s.mentions >= 3 && s.claims >= 2, "{s:?}");
        // The same items again: nothing new, nothing stored twice.
        let again = store
            .record_poll(fetched("Norland", first, t0))
            .await
            .unwrap();
        assert_eq!(
            (again.new_items, again.revised_items, again.mentions),
            (0, 0, 0)
        );
        let known = store
            .known_items("Norland".into(), vec!["n-1".into(), "n-9".into()])
            .await
            .unwrap();
        assert_eq!(known.len(), 1);
        assert!(known.contains_key("n-1"));
        // A revised figure: a new revision whose claim remembers the old count.
        let t1 = t0 + Duration::minutes(1);
        let revised = store
            .record_poll(fetched(
                "Norland",
                vec![tagged("n-1", "Border statement", KILLED_REVISED)],
                t1,
            ))
            .await
            .unwrap();
        assert_eq!(revised.revised_items, 1);
        let rows = store
            .mentions_between(t1 - Duration::seconds(1), t1 + Duration::seconds(1))
            .await
            .unwrap();
        let killed = rows
            .iter()
            .flat_map(|m| m.claims.iter().map(move |c| (m, c)))
            .find(|(_, c)| c.category == "killed")
            .expect("a killed claim");
        assert_eq!(killed.1.count, Some(3));
        assert_eq!(killed.0.revision, 2);
        assert_eq!(killed.1.revised_from.map(|e| e.count), Some(Some(2)));
        assert_eq!(killed.0.party.as_deref(), Some("Norland"));

        let state = store.source_state("Norland".into()).await.unwrap();
        assert_eq!(state.validators.etag.as_deref(), Some("\"v1\""));
        assert_eq!(state.body_hash.as_deref(), Some("h1"));
        assert_eq!(
            store.recent_guids("Norland".into(), 2).await.unwrap().len(),
            2
        );
        let status = store.store_status(Utc::now()).await.unwrap();
        assert_eq!(status.counts.sources, 1);
        assert_eq!(status.counts.items, 3);
        assert_eq!(status.counts.fetches, 3);
        assert_eq!(status.ok, 1);
        assert!(store.last_polls().await.unwrap().contains_key("Norland"));
    });
}

#[test]
fn failures_count_up_back_off_and_clear_on_success() {
    on_both_backends("failures", |store| async move {
        let now = Utc::now();
        store
            .register_sources(vec![source("Sudmark")])
            .await
            .unwrap();
        for i in 0..3 {
            store
                .record_poll(PollRecord {
                    source: source("Sudmark"),
                    started_at: now,
                    finished_at: now,
                    result: PollResult::Failed {
                        status: Some(500),
                        error: format!("HTTP 500 (try {i})"),
                        next_attempt_at: Some(now + Duration::minutes(10)),
                    },
                    tagger_version: "test".into(),
                })
                .await
                .unwrap();
        }
        let state = store.source_state("Sudmark".into()).await.unwrap();
        assert_eq!(state.consecutive_errors, 3);
        assert!(state.next_attempt_at.is_some_and(|t| t > now));
        let rows = store.source_statuses(now).await.unwrap();
        assert_eq!(rows[0].health, "failing");
        assert_eq!(rows[0].last_error.as_deref(), Some("HTTP 500 (try 2)"));
        store
            .record_poll(fetched(
                "Sudmark",
                vec![tagged("s-1", "Statement", KILLED)],
                now,
            ))
            .await
            .unwrap();
        let state = store.source_state("Sudmark".into()).await.unwrap();
        assert_eq!((state.consecutive_errors, state.next_attempt_at), (0, None));
        let status = store.store_status(now).await.unwrap();
        assert_eq!(
            (status.counts.fetches, status.counts.failed_fetches),
            (4, 3)
        );
    });
}

/// True when this instance gets the poll of "Norland" for `tick` with a lease of `secs`.
async fn claims(store: &Store, tick: Option<DateTime<Utc>>, secs: u64) -> bool {
    store
        .claim_poll("Norland", tick, secs)
        .await
        .unwrap()
        .is_some()
}

#[test]
fn one_poll_per_source_per_tick_and_one_digest_per_tick() {
    on_both_backends("leases", |store| async move {
        store
            .register_sources(vec![source("Norland")])
            .await
            .unwrap();
        let tick = Utc.with_ymd_and_hms(2026, 12, 5, 10, 0, 0).unwrap();
        assert!(claims(&store, Some(tick), 60).await);
        assert!(store.renew_poll("Norland", 60).await.unwrap());
        if store.is_shared() {
            // Held: neither this tick nor a poll by hand gets it.
            assert!(!claims(&store, Some(tick), 60).await);
            assert!(!claims(&store, None, 60).await);
        }
        store.release_poll("Norland").await.unwrap();
        if store.is_shared() {
            // Released, but this tick was polled: not again; the next tick is free.
            assert!(!claims(&store, Some(tick), 60).await);
        }
        let next = tick + Duration::minutes(15);
        assert!(claims(&store, Some(next), 1).await);
        let names = vec!["Norland".to_string()];
        assert!(
            store
                .take_over_expired(&names, 60)
                .await
                .unwrap()
                .is_empty()
        );
        if store.is_shared() {
            // The holder vanishes: once its lease runs out, another instance takes it over.
            tokio::time::sleep(std::time::Duration::from_millis(1300)).await;
            assert_eq!(store.take_over_expired(&names, 60).await.unwrap(), names);
            assert!(
                store
                    .take_over_expired(&names, 60)
                    .await
                    .unwrap()
                    .is_empty()
            );
        }
        store.release_poll("Norland").await.unwrap();

        let since = tick - Duration::hours(1);
        assert!(store.claim_digest(tick, since).await.unwrap());
        if store.is_shared() {
            assert!(!store.claim_digest(tick, since).await.unwrap());
            assert!(store.claim_digest(next, since).await.unwrap());
        }
        store
            .record_digest(Some(tick), tick, since, "/tmp/d.md".into(), 4)
            .await
            .unwrap();
        let status = store.store_status(Utc::now()).await.unwrap();
        assert!(status.last_digest_at.is_some());
        store.ping().await.unwrap();
        if store.is_shared() {
            let seen = store.instances().await.unwrap();
            assert_eq!(seen.len(), 1);
            assert!(seen[0].alive);
        }
    });
}

#[test]
fn retag_replaces_mentions_and_prune_deletes_old_statements_with_their_rows() {
    on_both_backends("retag_prune", |store| async move {
        let old = Utc::now() - Duration::days(40);
        store
            .register_sources(vec![source("Norland")])
            .await
            .unwrap();
        let mut stale = tagged("n-old", "Border statement", KILLED);
        stale.item.published = Some(old);
        store
            .record_poll(fetched("Norland", vec![stale], old))
            .await
            .unwrap();
        let now = Utc::now();
        store
            .record_poll(fetched(
                "Norland",
                vec![tagged(
                    "n-new",
                    "Ceasefire agreed",
                    "The ceasefire came into force at 18:00.",
                )],
                now,
            ))
            .await
            .unwrap();
        let before = store.store_status(now).await.unwrap().counts;
        assert!(before.mentions >= 3 && before.claims >= 2, "{before:?}");
        // A tagger that finds nothing: every current mention goes.
        let (items, mentions) = store
            .retag_items(None, "none".into(), now, |_, _, _| (Vec::new(), Vec::new()))
            .await
            .unwrap();
        assert_eq!((items, mentions), (2, 0));
        let after = store.store_status(now).await.unwrap().counts;
        assert_eq!((after.mentions, after.claims), (0, 0));
        // The real tagger again: the same mentions as at first.
        let (_, mentions) = store
            .retag_items(None, "again".into(), now, |source, title, text| {
                let voice = SourceVoice {
                    own_voice: source,
                    language: Some("en"),
                    party: None,
                };
                tag_fields(voice, &Parties::default(), title, text)
            })
            .await
            .unwrap();
        assert_eq!(mentions as i64, before.mentions);
        // Older than 30 days: the old statement and its poll go, the new one stays.
        let pruned = store.prune(now - Duration::days(30)).await.unwrap();
        assert_eq!((pruned.items, pruned.fetches), (1, 1));
        let left = store.store_status(now).await.unwrap().counts;
        assert_eq!((left.items, left.fetches), (1, 1));
        assert_eq!(
            store
                .known_items("Norland".into(), vec!["n-old".into(), "n-new".into()])
                .await
                .unwrap()
                .len(),
            1
        );
    });
}
