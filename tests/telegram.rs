//! `kind = "telegram"`: a channel's web preview, with paging back to the last stored post,
//! served over loopback in the preview's HTML structure (see `src/parse/telegram.rs`).

mod common;

use claimwatch::loopback::Route;
use common::*;

fn post(id: u64) -> String {
    format!(
        r#"<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="norland_mod/{id}" data-view="e30">
<div class="tgme_widget_message_user"><a href="https://t.me/norland_mod"><i class="tgme_widget_message_user_photo"></i></a></div>
<div class="tgme_widget_message_bubble"><div class="tgme_widget_message_author"><a class="tgme_widget_message_owner_name" href="https://t.me/norland_mod"><span dir="auto">Norland MoD</span></a></div>
<div class="tgme_widget_message_text js-message_text" dir="auto">Operational update No. {id}<br/>{} soldiers were wounded in shelling near the border.</div>
<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info"><span class="tgme_widget_message_views">3.1K</span><span class="copyonly"> views</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/norland_mod/{id}"><time datetime="2026-11-24T{:02}:00:00+00:00" class="time">x</time></a></span></div></div></div></div></div>"#,
        id % 7 + 2,
        id % 24
    )
}

fn page(ids: std::ops::RangeInclusive<u64>) -> String {
    let posts: String = ids.map(post).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Norland MoD – Telegram</title></head><body class=\"widget_frame_base tgme_webpreview_body\"><main class=\"tgme_main\"><section class=\"tgme_channel_history js-message_history\">{posts}</section></main></body></html>"
    )
}

#[test]
fn posts_are_stored_with_permalinks_and_missed_posts_are_fetched_by_paging_back() {
    let srv = Server::start(vec![
        (
            "/s/norland_mod",
            Route::ok("text/html; charset=utf-8", page(1050..=1054)),
        ),
        (
            "/s/norland_mod?before=1060",
            Route::ok("text/html", page(1055..=1059)),
        ),
        (
            "/s/norland_mod?before=1055",
            Route::ok("text/html", page(1050..=1054)),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let source = format!(
        "[[source]]\nname = \"Norland MoD TG\"\nurl = \"{}\"\nkind = \"telegram\"\nlabels = {{ party = \"Norland\" }}\n\n",
        srv.url("/s/norland_mod")
    );
    let cfg = write_config(dir.path(), "", &[source]);
    let cfg = cfg.to_str().unwrap();

    let first = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(
        first.status.success(),
        "{}\n{}",
        stdout(&first),
        stderr(&first)
    );
    assert!(
        stdout(&first).contains("5 items, 5 new"),
        "{}",
        stdout(&first)
    );
    assert!(
        srv.server.requests("/s/norland_mod?before=1050").is_empty(),
        "the first poll does not page back"
    );
    let conn = db(dir.path());
    let (url, title, text, published): (String, String, String, String) = conn
        .query_row(
            "SELECT url, title, text, published_at FROM items WHERE guid = 'norland_mod/1052'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(url, "https://t.me/norland_mod/1052");
    assert_eq!(title, "Operational update No. 1052");
    assert_eq!(
        text,
        "Operational update No. 1052\n4 soldiers were wounded in shelling near the border."
    );
    assert_eq!(published, "2026-11-24T20:00:00Z");

    // Ten posts later, the preview shows only the last five: the poll pages back once.
    srv.server.set_route(
        "/s/norland_mod",
        Route::ok("text/html; charset=utf-8", page(1060..=1064)),
    );
    let second = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("10 items, 10 new"),
        "{}",
        stdout(&second)
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 15);
    assert_eq!(srv.server.requests("/s/norland_mod?before=1060").len(), 1);
    assert!(
        srv.server.requests("/s/norland_mod?before=1055").is_empty(),
        "paging stops at the last stored post"
    );
}

#[test]
fn a_telegram_url_must_be_a_channel_preview() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[
            "[[source]]\nname = \"TG\"\nurl = \"https://t.me/norland_mod\"\nkind = \"telegram\"\n"
                .to_owned(),
        ],
    );
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("https://t.me/s/CHANNEL"),
        "{}",
        stderr(&out)
    );
}
