use super::*;

#[test]
fn lexicons_parse() {
    let lx = load().unwrap_or_else(|e| panic!("embedded lexicon is broken: {e}"));
    for (code, src) in SOURCES {
        if let Err(e) = Lang::from_toml(code, src) {
            panic!("the {code} lexicon does not compile: {e}");
        }
    }
    assert_eq!(lx.langs().len(), SOURCES.len(), "every language compiles");
    assert!(lx.prefilters.iter().all(Option::is_some));
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

/// Within ASCII and the basic Cyrillic block, case-insensitive matching is equality of the
/// `fold`ed characters.
#[test]
fn fold_is_case_insensitive_equality() {
    let chars: Vec<char> = (0u32..0x80)
        .chain(0x400..0x500)
        .filter_map(char::from_u32)
        .collect();
    for &c in &chars {
        let re = Regex::new(&format!("(?i)^{}$", regex::escape(&c.to_string()))).unwrap();
        let fc = fold(&c.to_string());
        assert!(
            fc.as_ref().is_some_and(|f| f.len() == c.len_utf8()),
            "{c:?} folds"
        );
        for &d in &chars {
            let same = fc == fold(&d.to_string());
            assert_eq!(re.is_match(&d.to_string()), same, "{c:?} vs {d:?}");
        }
    }
}

/// A character outside ASCII and the basic Cyrillic block that case-insensitively matches
/// one inside them (the Kelvin sign, "ſ", old Cyrillic letter forms) does not fold: its text
/// keeps the case-insensitive regexes. Uncased characters match only themselves.
#[test]
fn fold_refuses_other_case_partners() {
    let inside = Regex::new(r"(?i)^[\x00-\x7F\x{400}-\x{4FF}]$").unwrap();
    for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
        if c.is_ascii() || ('\u{400}'..='\u{4FF}').contains(&c) {
            continue;
        }
        let s = c.to_string();
        if inside.is_match(&s) {
            assert!(fold(&s).is_none(), "{c:?} must not fold");
        }
        assert_eq!(is_uncased_fast(c), is_uncased(c), "{c:?}");
    }
}

/// The lowercased regexes on folded text find what the case-insensitive ones find.
#[test]
fn folded_phrases_agree() {
    let texts = [
        "Погибли 12 человек, ещё 30 РАНЕНЫ; Минобороны России сообщило об обстреле Донецка.",
        "ВСУ заявили о прекращении огня. «Потери противника — 1200 человек», — сообщил Генштаб.",
        "Внаслідок обстрілу ЗАГИНУЛИ двоє цивільних, ще п'ятеро поранені, повідомила ОВА.",
        "Перемир'я порушено: бої тривають, у полон потрапили 40 військових, зникли безвісти 3.",
        "За даними Генштабу ЗСУ, втрати ворога становлять 300 осіб; ДТП у Києві — травмовано 2.",
        "СТОЛКНОВЕНИЯ В РАЙОНЕ; убито и ранено; Пропали без вести; взяты в плен; заложники.",
    ];
    let lx = load().unwrap();
    let mut checked = 0;
    for l in lx.langs() {
        let mut lists: Vec<&Phrases> = vec![
            &l.cf_triggers,
            &l.cf_with_clash,
            &l.cf_not,
            &l.cf_figurative,
            &l.cf_appeal,
            &l.cf_since,
            &l.clash_triggers,
            &l.clash_not,
            &l.clash_negative,
            &l.any_cue,
            &l.negators,
            &l.negators_after,
            &l.deniers,
            &l.denied_after,
            &l.report_nouns,
            &l.no_claim,
            &l.casualty_negative,
            &l.nonviolent,
            &l.armed_events,
            &l.history,
            &l.not_people,
            &l.summary,
            &l.governing,
            &l.each,
            &l.approx_before,
            &l.vague,
            &l.rise_to,
            &l.claim_verbs,
            &l.according,
            &l.relays,
            &l.claim_backward,
            &l.claim_speakers,
            &l.claim_citing,
            &l.claim_issuer_verbs,
        ];
        lists.extend(l.cf_status.iter().map(|(_, p)| p));
        for set in [&l.cues, &l.numbered_cues, &l.singular_cues] {
            lists.extend(set.0.iter().map(|(_, p)| p));
        }
        for p in lists {
            let (Some(re), Some(low)) = (p.exact(), p.folded()) else {
                continue;
            };
            checked += 1;
            for t in texts {
                let f = fold(t).unwrap();
                assert_eq!(p.scan(re, t, t), p.scan(low, t, &f), "{}: {t}", l.code);
            }
        }
    }
    assert!(
        checked > 40,
        "the Russian and Ukrainian lists have lowercased regexes"
    );
}

/// The table-backed `is_alphanumeric` agrees with the standard one.
#[test]
fn alphanumeric_table_agrees() {
    for c in (0u32..0x600)
        .chain(0x1F00..0x2100)
        .filter_map(char::from_u32)
    {
        assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
    }
}

/// `fold` lowercases ASCII all at once and the other characters in place; it agrees with
/// folding character by character.
#[test]
fn fold_agrees_with_folding_each_character() {
    let by_chars = |t: &str| {
        t.chars()
            .map(crate::tag::phrases::fold_char)
            .collect::<Option<String>>()
    };
    let every: String = (0x20u32..0x530)
        .chain(0x2000..0x2130)
        .filter_map(char::from_u32)
        .collect();
    let mut texts = vec![
        String::new(),
        "ABC def".to_string(),
        "Погибли ДВОЕ — «военных»".to_string(),
        "Загинули ҐЇЄІ № 5…".to_string(),
        "Le café".to_string(),
        every.clone(),
    ];
    texts.extend(every.chars().map(String::from));
    for t in &texts {
        assert_eq!(fold(t), by_chars(t), "{t:?}");
    }
}

/// The large case-insensitive Cyrillic regex is built only when a text that does not fold
/// needs it, and then finds the same phrase.
#[test]
fn the_case_insensitive_cyrillic_regex_waits_for_text_that_does_not_fold() {
    let p = Phrases::compile(&["погибли".to_owned()]).unwrap();
    assert!(p.has_folded());
    assert_eq!(p.find_all("Военные ПОГИБЛИ вчера").len(), 1);
    assert!(p.exact.get().is_none(), "built for text that folds");
    // "é" has no place in the fold, so this text needs the case-insensitive regex.
    assert_eq!(p.find_all("ПОГИБЛИ у кафе «Café»").len(), 1);
    assert!(p.exact.get().is_some());
}
