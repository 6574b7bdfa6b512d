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
    let base: usize = docs.iter().map(String::len).sum();
    if base == 0 {
        eprintln!("no text found");
        return;
    }
    let reps = (16 << 20) / base + 1;
    let ctx = TagContext::default();
    let with_mentions = docs.iter().filter(|d| !tag(d, &ctx).is_empty()).count();
    let mut rates = Vec::new();
    for _ in 0..7 {
        let t0 = Instant::now();
        let mut mentions = 0usize;
        for _ in 0..reps {
            for d in &docs {
                mentions += tag(d, &ctx).len();
            }
        }
        std::hint::black_box(mentions);
        rates.push((base * reps) as f64 / 1e6 / t0.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "tag: {} texts from {source}, {:.1} MB each run ({} texts with mentions, {:.0}%)",
        docs.len(),
        (base * reps) as f64 / 1e6,
        with_mentions,
        100.0 * with_mentions as f64 / docs.len() as f64
    );
    println!(
        "tag throughput, one core: median {:.1} MB/s (min {:.1}, max {:.1}, 7 runs)",
        rates[3], rates[0], rates[6]
    );
}
