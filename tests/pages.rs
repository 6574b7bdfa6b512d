//! Real press pages from `../shared/corpus/real` served over loopback: listings read by page
//! rules, and article fetch filling each new item's text from its own page.

mod common;

use std::path::PathBuf;

use claimwatch::loopback::Route;
use common::*;

fn real(file: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/real")
        .join(file);
    match std::fs::read(&path) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!(
                "SKIPPED: {} is missing (../shared is present on the project's machines and CI)",
                path.display()
            );
            None
        }
    }
}

fn keating_link(id: &str) -> String {
    format!("/index.php?option=com_content&view=article&id={id}&catid=14&Itemid=13")
}

#[test]
fn a_real_listing_with_article_fetch_fills_new_items_from_their_pages() {
    let (Some(listing), Some(wapo), Some(intercept), Some(cnn)) = (
        real("us-congress__keating_press.html"),
        real("wapo__tunisia-museum-attack-2015.html"),
        real("theintercept__gaza-hospitals-2023.html"),
        real("cnnarabic__syria-clashes-2013.html"),
    ) else {
        return;
    };
    let srv = Server::start(vec![
        ("/press", Route::ok("text/html; charset=utf-8", listing)),
        (
            keating_link("314:keating-announces-epa-grant-for-new-bedford").as_str(),
            Route::ok("text/html", wapo),
        ),
        (
            keating_link("313:keating-urges-expedited-resolution-of-h-2b-visa-suspension").as_str(),
            Route::ok("text/html", intercept),
        ),
        (
            keating_link("312:keating-statement-on-new-cyber-agency").as_str(),
            Route::ok("text/html", cnn),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let source = format!(
        "[[source]]\nname = \"Keating\"\nurl = \"{}\"\nkind = \"page\"\ntimezone = \"America/New_York\"\n[source.page]\nitem = \"tr.cat-list-row0, tr.cat-list-row1\"\nlink = \"td.list-title a\"\ntitle = \"td.list-title a\"\ndate = \"td.list-date\"\n[source.article]\n\n",
        srv.url("/press")
    );
    let cfg = write_config(dir.path(), "max_articles_per_poll = 5", &[source]);
    let cfg = cfg.to_str().unwrap();

    let first = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(
        first.status.success(),
        "{}\n{}",
        stdout(&first),
        stderr(&first)
    );
    assert!(
        stdout(&first).contains("Keating: 161 items, 5 new"),
        "{}",
        stdout(&first)
    );
    let conn = db(dir.path());
    let text = |id: &str| -> String {
        conn.query_row(
            "SELECT text FROM items WHERE url LIKE ?1",
            [format!("%id={id}%")],
            |r| r.get(0),
        )
        .unwrap()
    };
    let wapo_text = text("314");
    assert!(
        wapo_text.contains("Gunmen opened fire on visitors at Tunisia’s most renowned museum"),
        "{wapo_text}"
    );
    assert!(!wapo_text.contains("© 1996-2015"), "{wapo_text}");
    assert!(text("313").contains("hospital"), "{}", text("313"));
    assert!(text("312").contains("الجيش الحر"), "{}", text("312"));
    // A page that cannot be fetched leaves the listing text (here none), and is not retried.
    assert_eq!(text("311"), "");
    let published: String = conn
        .query_row(
            "SELECT published_at FROM items WHERE url LIKE '%id=314%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // "March 13, 2015" in New York is 04:00 UTC.
    assert_eq!(published, "2015-03-13T04:00:00Z");

    // The listing is unchanged, but items were left over: the next poll takes the next five.
    let second = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(
        stdout(&second).contains("Keating: 161 items, 5 new"),
        "{}",
        stdout(&second)
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 10);
    assert_eq!(
        srv.server
            .requests(&keating_link(
                "314:keating-announces-epa-grant-for-new-bedford"
            ))
            .len(),
        1
    );
}

#[test]
fn the_house_republicans_listing_is_read_by_a_page_rule() {
    let Some(listing) = real("us-congress__house_gop_releases.html") else {
        return;
    };
    let srv = Server::start(vec![("/news", Route::ok("text/html", listing))]);
    let dir = tempfile::tempdir().unwrap();
    let source = format!(
        "[[source]]\nname = \"House GOP\"\nurl = \"{}\"\nkind = \"page\"\n[source.page]\nitem = \"ul#membernews li\"\nlink = \"a\"\ntitle = \"a\"\n\n",
        srv.url("/news")
    );
    let cfg = write_config(dir.path(), "", &[source]);
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "poll"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = db(dir.path());
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 8);
    let title: String = conn
        .query_row("SELECT title FROM items WHERE url = 'http://upton.house.gov/News/DocumentSingle.aspx?DocumentID=325948'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        title,
        "KALAMAZOO GAZETTE: Upton demands explanation from FAA for closure of Battle Creek tower"
    );
}
