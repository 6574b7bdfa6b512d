//! `claimwatch check`: the example config passes; broken configs are refused with file:line,
//! and a bad config starts nothing.

mod common;

use common::*;

fn example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/claimwatch.toml")
}

#[test]
fn the_example_config_passes() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["--config", example().to_str().unwrap(), "check"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("ok (10 sources, 10 enabled)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn broken_copies_of_the_example_report_the_line_and_source() {
    let text = std::fs::read_to_string(example()).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let cases = [
        (
            "schedule = \"0 */10 * * * *\"",
            "schedule = \"*/10 * * * *\"",
            "source \"Armenia MoD\": cron schedule",
        ),
        (
            "url = \"https://reliefweb.int/updates/rss.xml\"",
            "url = \"reliefweb.int/updates\"",
            "source \"ReliefWeb\": invalid url",
        ),
        (
            "name = \"BBC World\"",
            "name = \"UN News\"",
            "duplicate source name",
        ),
        (
            "item = \".announce__item, .news-item, article\"",
            "item = \".announce__item[[\"",
            "source \"Russia MFA\": page.item: invalid CSS selector",
        ),
        (
            "labels = { party = \"Ukraine\", type = \"ministry\" }",
            "lables = { party = \"Ukraine\" }",
            "unknown field `lables`",
        ),
        (
            "parties = [\"Armenia\", \"Azerbaijan\"]",
            "parties = [\"Armenia\", \"Azerbaycan\"]",
            "conflict \"Armenia–Azerbaijan\" names \"Azerbaycan\", which is no [[party]]",
        ),
        (
            "names = [\"Azerbaijani\", \"Azeri\"",
            "names = [\"Azerbaijani\", \"Armenian\"",
            "the name \"Armenian\" is given to two parties, \"Armenia\"",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (from, to, expect) in cases {
        let line = line_of(from);
        let broken = text.replacen(from, to, 1);
        let path = dir.path().join("broken.toml");
        std::fs::write(&path, &broken).unwrap();
        let out = run(dir.path(), &["--config", path.to_str().unwrap(), "check"]);
        assert_eq!(out.status.code(), Some(2), "{expect}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("broken.toml:{line}:")),
            "want line {line} for {expect}: {err}"
        );
        assert!(err.contains(expect), "{err}");
    }
}

#[test]
fn a_bad_config_starts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "[daemon]\ndatabase = \"cw.db\"\n[[source]]\nname = \"x\"\nurl = \"http://127.0.0.1:9/\"\nkind = \"rss\"\n").unwrap();
    for cmd in ["run", "poll"] {
        let out = run(dir.path(), &["--config", path.to_str().unwrap(), cmd]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(stderr(&out).contains("bad.toml:6:"), "{}", stderr(&out));
    }
    assert!(!dir.path().join("cw.db").exists());
}

#[test]
fn config_is_found_through_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(bin())
        .arg("check")
        .env("CLAIMWATCH_CONFIG", example())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let missing = std::process::Command::new(bin())
        .arg("check")
        .current_dir(dir.path())
        .env("CLAIMWATCH_CONFIG", dir.path().join("nope.toml"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.toml"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_database_url_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("c.toml"), "[daemon]\ndatabase = \"x.db\"\n").unwrap();
    let out = run(
        dir.path(),
        &[
            "--config",
            "c.toml",
            "--db",
            "mysql://cw@db.internal/cw",
            "status",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--db mysql://cw@db.internal/cw")
            && stderr(&out).contains("unknown database scheme"),
        "{}",
        stderr(&out)
    );
    // A PostgreSQL that is not there: a runtime error naming host, port and database, once.
    let out = run(
        dir.path(),
        &[
            "--config",
            "c.toml",
            "--db",
            "postgres://cw:secret@127.0.0.1:1/cw",
            "status",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("PostgreSQL at 127.0.0.1:1/cw") && err.contains("refused"),
        "{err}"
    );
    assert!(!err.contains("secret"), "{err}");
    std::fs::write(
        dir.path().join("d.toml"),
        "[daemon]\ndatabase = \"mysql://a/b\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["--config", "d.toml", "run"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("d.toml:2:") && stderr(&out).contains("unknown database scheme"),
        "{}",
        stderr(&out)
    );
    // Nothing was created in the working directory ("postgres:" or "mysql:" directories).
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["c.toml", "d.toml"]);
}
