//! Ceasefire statuses from the predicate that governs the trigger (`ceasefire::predicate`)
//! and from passage evidence, on sentences written for these tests (many conflicts and
//! registers, three languages).

use crate::tag::CeasefireStatus::{self, *};
use crate::tag::test_util::statuses;

/// Every case whose latest status differs from the expected one, described. A truce agreed
/// and then broken or ended also holds `agreed` before its latest state (TAGS.md); only that
/// may come before it.
fn mismatches(cases: &[(CeasefireStatus, &str)]) -> Vec<String> {
    cases
        .iter()
        .filter_map(|(want, text)| {
            let got = statuses(text);
            let ok = got == vec![*want]
                || matches!(want, Violated | Collapsed) && got == vec![Agreed, *want];
            (!ok).then(|| format!("{text:?}: want [{want:?}], got {got:?}"))
        })
        .collect()
}

fn check(cases: &[(CeasefireStatus, &str)]) {
    let bad = mismatches(cases);
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn english() {
    check(&[
        (
            Collapsed,
            "The truce between the Houthis and the Saudi-led coalition collapsed on Tuesday.",
        ),
        (
            Collapsed,
            "The ceasefire in Tigray, which the African Union brokered, broke down within a week.",
        ),
        (
            Collapsed,
            "Rebels in the east said they had cancelled the ceasefire and would retake the town.",
        ),
        (
            Collapsed,
            "The ELN announced it would suspend its unilateral ceasefire after an army raid.",
        ),
        (
            Collapsed,
            "The six-month truce in Yemen expired on Sunday and was not renewed.",
        ),
        (
            Collapsed,
            "The junta called off its ceasefire with the ethnic armed groups.",
        ),
        (
            Collapsed,
            "Government forces abandoned the two-week-old truce in the northern hills.",
        ),
        (
            Violated,
            "Militants broke the ceasefire along the Line of Control on Friday night.",
        ),
        (
            Violated,
            "Both sides accused each other of violating the ceasefire in Karabakh.",
        ),
        (
            Violated,
            "Despite the ceasefire, artillery fire continued around Goma.",
        ),
        (
            Violated,
            "A ceasefire pact signed in Addis Ababa has not stopped the fighting in the region.",
        ),
        (
            Violated,
            "M23 fighters attacked army positions despite a ceasefire that was due to start at noon.",
        ),
        (
            Holding,
            "The ceasefire in southern Lebanon has largely held since November.",
        ),
        (
            Holding,
            "A fragile truce is holding in Tripoli after days of street battles.",
        ),
        (
            Holding,
            "The truce, which Qatar mediated, has been respected by both sides.",
        ),
        (
            Proposed,
            "Sudan's army rejected the truce proposal put forward by the mediators.",
        ),
        (
            Proposed,
            "The rebels accepted the ceasefire plan in principle but demanded guarantees.",
        ),
        (
            Proposed,
            "Diplomats are pushing hard to reach a ceasefire before the holiday.",
        ),
        (
            Proposed,
            "Despite repeated calls for a truce, the shelling of the city went on.",
        ),
        (
            Proposed,
            "The envoy urged the two militias to cease hostilities and return to talks.",
        ),
        (
            Proposed,
            "Talks on a ceasefire in Somalia resumed in Nairobi on Monday.",
        ),
        (
            Agreed,
            "The two sides signed a ceasefire that took effect at midnight.",
        ),
        (
            Agreed,
            "Israel and Hezbollah agreed to a ceasefire brokered by the United States.",
        ),
        (
            Agreed,
            "The ceasefire announced by the president came into force at dawn.",
        ),
        (
            Proposed,
            "Negotiators failed to reach a ceasefire in Doha this week.",
        ),
        (
            Proposed,
            "Mediators have made several attempts at a ceasefire in Darfur.",
        ),
        (
            Holding,
            "The truce began on Monday, and so far it is holding.",
        ),
        (
            Violated,
            "Ceasefire violations were reported near the airport overnight.",
        ),
        (
            Proposed,
            "Ceasefire negotiations collapsed amid mutual recriminations.",
        ),
        (
            Proposed,
            "The army would accept a ceasefire if the militia withdrew from the city.",
        ),
        (
            Proposed,
            "The foreign minister called on the government and the armed opposition in the north to cease hostilities.",
        ),
        (
            Agreed,
            "A working ceasefire between the clans was agreed by the elders.",
        ),
        (
            Violated,
            "A ceasefire took effect in the border district on Monday. Since then, clashes have been reported in three villages.",
        ),
        (
            Agreed,
            "A ceasefire took effect in the border district on Monday. Since then, aid convoys have reached three villages.",
        ),
    ]);
}

#[test]
fn russian() {
    check(&[
        (
            Collapsed,
            "Перемирие в Идлибе было сорвано уже через сутки.",
        ),
        (
            Collapsed,
            "Боевики отменили режим тишины и возобновили обстрелы.",
        ),
        (
            Violated,
            "Стороны обвинили друг друга в нарушении перемирия.",
        ),
        (Violated, "Несмотря на перемирие, обстрелы продолжились."),
        (
            Holding,
            "Режим тишины, объявленный накануне, в целом соблюдается.",
        ),
        (
            Proposed,
            "ООН потребовала от сторон ввести гуманитарную паузу.",
        ),
        (
            Proposed,
            "Посредники пытаются добиться перемирия до конца месяца.",
        ),
        (
            Agreed,
            "Стороны договорились о прекращении огня с полуночи.",
        ),
        (
            Agreed,
            "Перемирие, приуроченное к празднику, вступило в силу в полночь.",
        ),
        (Holding, "Перемирие, заключенное в марте, пока держится."),
        (
            Collapsed,
            "Срок гуманитарной паузы истек, и продлевать ее не стали.",
        ),
        (
            Violated,
            "В понедельник в районе вступило в силу перемирие. С тех пор там не прекращаются обстрелы.",
        ),
    ]);
}

#[test]
fn ukrainian() {
    check(&[
        (
            Collapsed,
            "Перемир'я на сході було зірвано вже наступного дня.",
        ),
        (
            Violated,
            "Сторони звинуватили одна одну в порушенні режиму тиші.",
        ),
        (
            Holding,
            "Режим тиші, оголошений у неділю, в цілому дотримується.",
        ),
        (
            Proposed,
            "Міжнародні посередники запропонували запровадити перемир'я на Великдень.",
        ),
        (Agreed, "Сторони домовилися про перемир'я з опівночі."),
        (
            Agreed,
            "Президент оголосив перемир'я на честь закінчення війни.",
        ),
        (
            Violated,
            "Перемир'я порушили вже в першу ніч, повідомили у штабі.",
        ),
        (
            Proposed,
            "Київ відхилив пропозицію про перемир'я на Великдень.",
        ),
        (
            Violated,
            "У понеділок набуло чинності перемир'я. Відтоді обстріли тривають щодня.",
        ),
    ]);
}

#[test]
fn fighting_after_a_contrast_word_says_the_truce_is_not_kept() {
    check(&[
        (
            Violated,
            "The two sides agreed to a ceasefire from midnight, but heavy shelling was reported near the airport at dawn.",
        ),
        (
            Violated,
            "Стороны договорились о прекращении огня с полуночи, однако утром возобновились обстрелы позиций.",
        ),
        (
            Violated,
            "Перемир'я набуло чинності о 18:00, але вже за годину почалися обстріли.",
        ),
    ]);
    // The next sentence opening with a contrast word carries the same evidence.
    assert_eq!(
        statuses(
            "A truce brokered by Qatar came into force on Sunday. However, clashes broke out in the east of the city overnight."
        ),
        vec![Agreed, Violated]
    );
    // A contrast with no fighting after it changes nothing.
    assert_eq!(
        statuses("The sides agreed to a ceasefire, but no date has been set for talks."),
        vec![Agreed]
    );
}

#[test]
fn one_sided_acceptance_calm_and_disregard() {
    check(&[
        (
            Proposed,
            "Only the government side has accepted the ceasefire; the rebels have yet to respond.",
        ),
        (
            Holding,
            "The ceasefire has brought a measure of calm to the port city, residents said.",
        ),
        (
            Holding,
            "Since the truce took effect on Monday, the front line has been largely quiet, monitors reported.",
        ),
        (
            Violated,
            "The unilateral ceasefire declared by the junta was ignored by resistance groups in the north.",
        ),
    ]);
}
