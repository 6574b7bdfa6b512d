//! `claimwatch bench` end to end on a small farm: the three phases do what they say.

mod common;

use common::*;

#[test]
fn bench_runs_cold_unchanged_and_incremental_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "bench",
            "--feeds",
            "40",
            "--items",
            "5",
            "--runs",
            "1",
            "--concurrency",
            "8",
            "--web-clients",
            "6",
            "--dir",
            dir.path().join("b").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row = |phase: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.starts_with(&format!("| {phase} |")))
            .unwrap_or_else(|| panic!("no {phase} row: {text}"))
            .split('|')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect()
    };
    // Columns: phase, wall, CPU, farm CPU, peak RSS, new items, items/s, 200, 304, failed, DB.
    let cold = row("cold");
    assert_eq!(
        (
            cold[5].as_str(),
            cold[7].as_str(),
            cold[8].as_str(),
            cold[9].as_str()
        ),
        ("200", "40", "0", "0"),
        "{text}"
    );
    // The site answered its clients over the same database during the cold round.
    let web = text
        .lines()
        .find(|l| l.starts_with("web site during the cold round: 6 clients, "))
        .unwrap_or_else(|| panic!("no web line: {text}"));
    assert!(
        web.contains(" failed)") && web.contains("(0 failed)"),
        "{web}"
    );
    let unchanged = row("unchanged");
    assert_eq!(
        (
            unchanged[5].as_str(),
            unchanged[7].as_str(),
            unchanged[8].as_str()
        ),
        ("0", "0", "40"),
        "{text}"
    );
    let incremental = row("incremental");
    // 5% of 40 feeds (at least one) gained one to three items.
    assert_eq!(
        (incremental[7].as_str(), incremental[8].as_str()),
        ("2", "38"),
        "{text}"
    );
    let new: i64 = incremental[5].parse().unwrap();
    assert!((2..=6).contains(&new), "{text}");
}
