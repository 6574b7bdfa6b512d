//! Tagger throughput on one core, over a realistic mix: the item texts of the feeds and
//! pages in `../shared/corpus` (real news and ministry feeds, mostly not about war, plus
//! clash articles), or of the bundled demo samples when `../shared` is missing. Prints the
//! median of 7 runs. `cargo bench --bench tag`
use std::path::Path;
use std::time::Instant;

use claimwatch::fetch::{decode_feed, decode_html};
use claimwatch::parse::{html_to_text, parse_feed};
use claimwatch::tag::{TagContext, tag};

fn texts_of(path: &Path, out: &mut Vec<String>) {
    let Ok(bytes) = std::fs::read(path) else {
        return;
    };
    let name = path.to_string_lossy();
    if name.ends_with(".html") {
        out.push(html_to_text(&decode_html(&bytes, None)));
    } else if let Ok(items) = parse_feed(&decode_feed(&bytes, None), None) {
        out.extend(
            items
                .into_iter()
                .map(|i| format!("{}\n{}", i.title, i.text)),
        );
    }
}

fn walk(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            texts_of(&p, out);
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    let mut docs = Vec::new();
    let source = if corpus.is_dir() {
        for sub in ["real", "feed-rs", "gofeed"] {
            walk(&corpus.join(sub), &mut docs);
        }
        "../shared/corpus (real, feed-rs, gofeed)"
    } else {
        walk(&root.join("src/demo/samples"), &mut docs);
        "the bundled demo samples (../shared is missing)"
    };
    docs.retain(|d| !d.trim().is_empty());
    let english_only = measure(&docs, source);
    // The same mix with a fifth of its bytes in Russian and Ukrainian, shaped like the
    // English part: the Cyrillic news items of the corpus (Ukrainian feeds) as the bulk, and
    // real conflict passages (../shared/eval/dev-ru-uk.jsonl) as about 15% of those bytes.
    let ru_uk_conflict: Vec<String> =
        std::fs::read_to_string(root.join("../shared/eval/dev-ru-uk.jsonl"))
            .map(|t| {
                t.lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
    let cyrillic: Vec<String> = docs
        .iter()
        .filter(|d| claimwatch::tag::detect_language(d) != "en")
        .cloned()
        .collect();
    let bytes = |v: &[String]| v.iter().map(String::len).sum::<usize>().max(1);
    if !ru_uk_conflict.is_empty() && !cyrillic.is_empty() {
        let mut block = Vec::new();
        for _ in 0..(bytes(&ru_uk_conflict) * 85 / 15 / bytes(&cyrillic)).max(1) {
            block.extend(cyrillic.iter().cloned());
        }
        block.extend(ru_uk_conflict.iter().cloned());
        let mut mixed = docs.clone();
        for _ in 0..(bytes(&docs) / 4 / bytes(&block)).max(1) {
            mixed.extend(block.iter().cloned());
        }
        let with_ru_uk = measure(
            &mixed,
            "the same with a Russian/Ukrainian share (Ukrainian news feeds plus 15% real conflict passages)",
        );
        println!(
            "tag throughput, one core: median {english_only:.1} MB/s on the feed mix, {with_ru_uk:.1} MB/s with a Russian/Ukrainian share"
        );
    }
}

/// Median MB/s of 7 runs over `docs` repeated to about 16 MB.
fn measure(docs: &[String], what: &str) -> f64 {
    let base: usize = docs.iter().map(String::len).sum();
    if base == 0 {
        eprintln!("no text found");
        return 0.0;
    }
    let reps = (16 << 20) / base + 1;
    let ctx = TagContext::default();
    let with_mentions = docs.iter().filter(|d| !tag(d, &ctx).is_empty()).count();
    let mut rates = Vec::new();
    for _ in 0..7 {
        let t0 = Instant::now();
        let mut mentions = 0usize;
        for _ in 0..reps {
            for d in docs {
                mentions += tag(d, &ctx).len();
            }
        }
        std::hint::black_box(mentions);
        rates.push((base * reps) as f64 / 1e6 / t0.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "tag: {} texts from {what}, {:.1} MB a run ({with_mentions} with mentions): median {:.1} MB/s (min {:.1}, max {:.1}, 7 runs)",
        docs.len(),
        (base * reps) as f64 / 1e6,
        rates[3],
        rates[0],
        rates[6]
    );
    rates[3]
}
