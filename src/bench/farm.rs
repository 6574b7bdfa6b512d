//! The benchmark's feed farm: N synthetic feeds of K news-like items (about 900 bytes of XML
//! each, 15% about fighting, ceasefires and casualties, the rest economy, sport, weather and
//! near-misses), RSS 2.0 and Atom, with ETags so an unchanged feed answers 304. Everything
//! is a pure function of the seed. `advance` makes 5% of the feeds gain one to three items.

use std::collections::HashMap;

use crate::loopback::Route;

/// A tiny deterministic generator (xorshift), so the farm serves the same bytes every run.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % (n.max(1) as u64)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PLACES: &[&str] = &[
    "Dravská",
    "Zăreni",
    "Sankt Jürgen",
    "Kastrovo",
    "Mount Kerel",
    "Berat",
    "Ostrava Nova",
    "Velké Lúky",
    "Tarnów Górny",
    "Ljubič",
];
const SIDES: &[&str] = &["Kastrovian", "Norland", "Sudmark", "Ostravian", "Velian"];
const NUMBERS: &[&str] = &[
    "two",
    "three",
    "seven",
    "12",
    "at least 15",
    "a dozen",
    "24",
    "more than 30",
    "dozens of",
    "one",
];
const CONFLICT: &[&str] = &[
    "The {S} Ministry of Defence has confirmed that {N} servicemen were killed in the clashes near {P}, with a further {N} wounded.",
    "According to the agreement reached through the mediation of the {S} side, the fire in the border zone near {P} has been stopped since 6:30pm.",
    "{S} forces shelled positions near {P} overnight, the army said, adding that {N} soldiers were wounded.",
    "The ceasefire announced on Monday was violated several times near {P}, the {S} foreign ministry said.",
    "Officials in {P} said {N} civilians were killed and {N} missing after an artillery strike on the market.",
];
const OTHER: &[&str] = &[
    "Ministers clashed over the budget in {P} as the {S} finance committee met late into the night.",
    "There is no truce in the price war between supermarket chains in {P}, analysts said on Tuesday.",
    "The {S} national team beat the visitors 3-1 in {P}, with two players missing through injury.",
    "Heavy rain is expected in {P} this weekend, with temperatures falling to {D} degrees.",
    "The central bank in {P} kept its key rate at {D} percent, citing slowing inflation.",
    "Three people died in a road accident on the motorway near {P} on Sunday morning.",
    "Planned command-staff exercises and live-firing drills ended at the {P} training ground.",
    "A new tram line linking {P} with the airport opened to passengers on Friday.",
    "Exports from {P} rose {D} percent in the third quarter, the statistics office reported.",
];

fn sentence(rng: &mut Rng, conflict: bool) -> String {
    let template = if conflict {
        rng.pick(CONFLICT)
    } else {
        rng.pick(OTHER)
    };
    let mut s = template
        .replacen("{S}", rng.pick(SIDES), 1)
        .replacen("{P}", rng.pick(PLACES), 1);
    while s.contains("{N}") {
        s = s.replacen("{N}", rng.pick(NUMBERS), 1);
    }
    s.replace("{D}", &(rng.below(30) + 1).to_string())
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The items of feed `feed` after `extra` additions, newest first, at most `k`.
fn items(feed: usize, k: usize, extra: usize) -> Vec<(String, String, String)> {
    let total = k + extra;
    (0..total)
        .rev()
        .take(k)
        .map(|i| {
            let mut rng = Rng::new((feed as u64) << 20 | i as u64);
            let conflict = rng.below(100) < 15;
            let title = sentence(&mut rng, conflict);
            let paragraphs: Vec<String> = (0..1 + rng.below(3))
                .map(|_| {
                    (0..2 + rng.below(3))
                        .map(|j| sentence(&mut rng, conflict && j == 0))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            (
                format!("urn:farm:{feed}:{i}"),
                title.split(',').next().unwrap_or("").to_owned(),
                format!("<p>{}</p>", paragraphs.join("</p><p>")),
            )
        })
        .collect()
}

/// The body of feed `feed` (RSS 2.0, or Atom for every third feed).
pub fn feed_body(feed: usize, k: usize, extra: usize) -> String {
    let atom = feed % 3 == 2;
    let mut out = String::with_capacity(k * 1000);
    if atom {
        out.push_str(&format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Farm feed {feed}</title><id>urn:farm:{feed}</id><updated>2026-11-27T00:00:00Z</updated>"));
    } else {
        out.push_str(&format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Farm feed {feed}</title><link>http://farm.example/{feed}</link><description>synthetic</description>"));
    }
    for (n, (guid, title, body)) in items(feed, k, extra).into_iter().enumerate() {
        let hour = 23 - (n % 24);
        if atom {
            out.push_str(&format!("<entry><id>{guid}</id><title>{}</title><updated>2026-11-26T{hour:02}:00:00Z</updated><link href=\"http://farm.example/{feed}/{n}\"/><content type=\"html\">{}</content></entry>", xml(&title), xml(&body)));
        } else {
            out.push_str(&format!("<item><guid>{guid}</guid><title>{}</title><link>http://farm.example/{feed}/{n}</link><pubDate>Thu, 26 Nov 2026 {hour:02}:00:00 GMT</pubDate><description><![CDATA[{body}]]></description></item>", xml(&title)));
        }
    }
    out.push_str(if atom { "</feed>" } else { "</channel></rss>" });
    out
}

/// The farm's routes: `/feed/I` for I in 0..n.
pub fn routes(n: usize, k: usize, extras: &HashMap<usize, usize>) -> HashMap<String, Route> {
    (0..n)
        .map(|i| {
            let ct = if i % 3 == 2 {
                "application/atom+xml"
            } else {
                "application/rss+xml"
            };
            (
                format!("/feed/{i}"),
                Route::ok(ct, feed_body(i, k, extras.get(&i).copied().unwrap_or(0))),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_deterministic_sized_and_parse() {
        let a = feed_body(7, 20, 0);
        assert_eq!(a, feed_body(7, 20, 0));
        assert!((12_000..30_000).contains(&a.len()), "{}", a.len());
        let items = crate::parse::parse_feed(&a, None).unwrap();
        assert_eq!(items.len(), 20);
        let atom = crate::parse::parse_feed(&feed_body(2, 20, 0), None).unwrap();
        assert_eq!(atom.len(), 20);
        // Advancing adds new items at the top and keeps 20.
        let moved = crate::parse::parse_feed(&feed_body(7, 20, 2), None).unwrap();
        assert_eq!(moved.len(), 20);
        assert_eq!(moved[2].guid, items[0].guid);
    }
}
