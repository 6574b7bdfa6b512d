//! The tagger: finds ceasefires, clashes and casualty claims in text, as
//! `../shared/TAGS.md` defines them. Pure: no I/O, no clock.

pub mod mention;

pub use mention::*;

/// The version stored with every mention, so `retag` can tell stale mentions.
pub const TAGGER_VERSION: &str = "0.1.0-basic";

/// Finds the mentions in `text`.
pub fn tag(text: &str, _ctx: &TagContext<'_>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        if ch == '.' || ch == '\n' {
            push_sentence(text, start, i + ch.len_utf8(), &mut out);
            start = i + ch.len_utf8();
        }
    }
    push_sentence(text, start, text.len(), &mut out);
    out
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Mention>) {
    let s = &text[start..end];
    let lower = s.to_lowercase();
    let span = Span { start, end };
    if lower.contains("ceasefire") || lower.contains("truce") {
        out.push(Mention {
            sentence: span,
            trigger: span,
            detail: MentionDetail::Ceasefire {
                status: CeasefireStatus::Agreed,
                mediator: None,
                parties: vec![],
            },
        });
    }
    if lower.contains("clash") || lower.contains("shelling") {
        out.push(Mention {
            sentence: span,
            trigger: span,
            detail: MentionDetail::Clash {
                location: None,
                parties: vec![],
            },
        });
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut claims = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let cat = if w.starts_with("killed") {
            CasualtyCategory::Killed
        } else if w.starts_with("wounded") {
            CasualtyCategory::Wounded
        } else {
            continue;
        };
        let count = words[..i].iter().rev().take(4).find_map(|x| {
            x.trim_matches(|c: char| !c.is_ascii_digit())
                .parse::<u64>()
                .ok()
        });
        if count.is_some() {
            claims.push(CasualtyClaim {
                category: cat,
                count,
                approx: false,
                who: None,
                claimant: None,
                claimant_origin: None,
                negated: false,
            });
        }
    }
    if !claims.is_empty() {
        out.push(Mention {
            sentence: span,
            trigger: span,
            detail: MentionDetail::Casualty { claims },
        });
    }
}
