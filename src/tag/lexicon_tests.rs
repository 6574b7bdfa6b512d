use super::*;

#[test]
fn lexicons_parse() {
    let lx = load().unwrap_or_else(|e| panic!("embedded lexicon is broken: {e}"));
    assert_eq!(lx.langs().len(), SOURCES.len(), "every language compiles");
    assert!(lx.prefilter.is_some());
    for l in lx.langs() {
        let p = &l.data.prefilter;
        assert!(
            !p.ceasefire.is_empty() && !p.clash.is_empty() && !p.casualty.is_empty(),
            "{} has an empty prefilter family",
            l.code
        );
        assert!(
            !l.data.ceasefire.triggers.is_empty(),
            "{} has no triggers",
            l.code
        );
    }
}

/// The literal text every match of `pattern` starts with (lowercase).
fn literal_prefix(pattern: &str) -> String {
    let lit: String = pattern
        .chars()
        .take_while(|c| !"\\()[]{}?*+|.^$".contains(*c))
        .collect();
    // A quantifier applies to the last literal character: it is not required.
    let rest = &pattern[lit.len()..];
    let mut lit = lit.to_lowercase();
    if rest.starts_with(['?', '*', '{']) {
        lit.pop();
    }
    lit
}

/// Every trigger and cue starts with a literal that holds one of its family's stems, so
/// the prefilter never hides a sentence from a rule that would fire on it.
#[test]
fn prefilter_covers_triggers() {
    let lx = load().unwrap_or_else(|e| panic!("{e}"));
    let mut missing = Vec::new();
    for l in lx.langs() {
        let d = &l.data;
        let k = &d.casualty;
        let cue_lists = [&k.cues, &k.numbered_cues, &k.singular_cues];
        let mut checks: Vec<(&Vec<String>, &Vec<String>)> = vec![
            (&d.ceasefire.triggers, &d.prefilter.ceasefire),
            (&d.ceasefire.triggers_with_clash, &d.prefilter.ceasefire),
            (&d.clash.triggers, &d.prefilter.clash),
        ];
        for c in cue_lists {
            for list in [
                &c.killed,
                &c.wounded,
                &c.killed_or_wounded,
                &c.captured,
                &c.missing,
            ] {
                checks.push((list, &d.prefilter.casualty));
            }
        }
        for (patterns, stems) in checks {
            for p in patterns {
                let pre = literal_prefix(p);
                // A literal run inside the pattern is good enough when the pattern starts
                // with a group (that literal is then present in most matches).
                let runs: Vec<String> = p
                    .to_lowercase()
                    .split(|c: char| "\\()[]{}?*+|.^$".contains(c))
                    .filter(|r| r.trim().chars().count() >= 3)
                    .map(str::to_string)
                    .collect();
                let covered = stems.iter().any(|s| {
                    let s = s.to_lowercase();
                    pre.contains(&s) || runs.iter().any(|r| r.contains(&s))
                });
                if !covered {
                    missing.push(format!("{}: {p:?}", l.code));
                }
            }
        }
    }
    assert!(missing.is_empty(), "patterns no stem covers: {missing:#?}");
}
