//! Dates as listing pages print them, in English, Russian, Ukrainian and Armenian
//! transliteration, read in the source's time zone.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use regex::Regex;

/// Month names and abbreviations, lowercased, with their month number. Russian and
/// Ukrainian in the nominative and genitive; Armenian in the usual Latin transliterations.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("января", 1),
    ("январь", 1),
    ("февраля", 2),
    ("февраль", 2),
    ("марта", 3),
    ("март", 3),
    ("апреля", 4),
    ("апрель", 4),
    ("мая", 5),
    ("май", 5),
    ("июня", 6),
    ("июнь", 6),
    ("июля", 7),
    ("июль", 7),
    ("августа", 8),
    ("август", 8),
    ("сентября", 9),
    ("сентябрь", 9),
    ("октября", 10),
    ("октябрь", 10),
    ("ноября", 11),
    ("ноябрь", 11),
    ("декабря", 12),
    ("декабрь", 12),
    ("січня", 1),
    ("січень", 1),
    ("лютого", 2),
    ("лютий", 2),
    ("березня", 3),
    ("березень", 3),
    ("квітня", 4),
    ("квітень", 4),
    ("травня", 5),
    ("травень", 5),
    ("червня", 6),
    ("червень", 6),
    ("липня", 7),
    ("липень", 7),
    ("серпня", 8),
    ("серпень", 8),
    ("вересня", 9),
    ("вересень", 9),
    ("жовтня", 10),
    ("жовтень", 10),
    ("листопада", 11),
    ("листопад", 11),
    ("грудня", 12),
    ("грудень", 12),
    ("hunvar", 1),
    ("hunvari", 1),
    ("petrvar", 2),
    ("petrvari", 2),
    ("marti", 3),
    ("aprili", 4),
    ("mayis", 5),
    ("mayisi", 5),
    ("hunis", 6),
    ("hunisi", 6),
    ("hulis", 7),
    ("hulisi", 7),
    ("ogostos", 8),
    ("ogostosi", 8),
    ("septemberi", 9),
    ("hoktember", 10),
    ("hoktemberi", 10),
    ("noyember", 11),
    ("noyemberi", 11),
    ("dektember", 12),
    ("dektemberi", 12),
    ("dekember", 12),
    ("dekemberi", 12),
];

struct Patterns {
    time: Regex,
    iso: Regex,
    dotted: Regex,
    year: Regex,
    day: Regex,
    word: Regex,
}

static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| {
    Some(Patterns {
        time: Regex::new(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b").ok()?,
        iso: Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b").ok()?,
        dotted: Regex::new(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b").ok()?,
        year: Regex::new(r"\b(\d{4})\b").ok()?,
        day: Regex::new(r"\b(\d{1,2})\b").ok()?,
        word: Regex::new(r"\p{L}+").ok()?,
    })
});

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s?.as_str().parse().ok()
}

fn naive(s: &str) -> Option<NaiveDateTime> {
    let p = PATTERNS.as_ref()?;
    let lower = s.to_lowercase();
    let time = p.time.captures(&lower).and_then(|c| {
        NaiveTime::from_hms_opt(num(c.get(1))?, num(c.get(2))?, num(c.get(3)).unwrap_or(0))
    });
    let rest = p.time.replace_all(&lower, " ");
    let date = if let Some(c) = p.iso.captures(&rest) {
        NaiveDate::from_ymd_opt(
            i32::try_from(num(c.get(1))?).ok()?,
            num(c.get(2))?,
            num(c.get(3))?,
        )
    } else if let Some(c) = p.dotted.captures(&rest) {
        NaiveDate::from_ymd_opt(
            i32::try_from(num(c.get(3))?).ok()?,
            num(c.get(2))?,
            num(c.get(1))?,
        )
    } else {
        let month = p.word.find_iter(&rest).find_map(|w| {
            MONTHS
                .iter()
                .find(|(name, _)| *name == w.as_str())
                .map(|(_, m)| *m)
        })?;
        let year = num(p.year.captures(&rest).and_then(|c| c.get(1)))?;
        let without_year = p.year.replace_all(&rest, " ");
        let day = num(p.day.captures(&without_year).and_then(|c| c.get(1)))?;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    }?;
    Some(date.and_time(time.unwrap_or(NaiveTime::MIN)))
}

/// Parses a date as ministries print it on listing pages — RFC 3339, RFC 2822, "24.11.2026",
/// "24.11.2026 18:30", "2026-11-24", "24 November 2026, 18:30", "November 24, 2026",
/// "24 ноября 2026 г., 18:30", "24 листопада 2026", "24 noyemberi 2026" — taking times
/// without a zone in `tz` (UTC when `None`).
pub fn parse_listing_date(s: &str, tz: Option<Tz>) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 120 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    let local = naive(s)?;
    match tz {
        None => Some(local.and_utc()),
        Some(tz) => tz
            .from_local_datetime(&local)
            .earliest()
            .map(|d| d.with_timezone(&Utc)),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_listing_date;

    fn iso(s: &str) -> String {
        parse_listing_date(s, None)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default()
    }

    #[test]
    fn ministry_formats_parse() {
        assert_eq!(iso("24.11.2026"), "2026-11-24T00:00:00+00:00");
        assert_eq!(iso("24.11.2026 18:30"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("18:30, 24/11/2026"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("24 November 2026, 18:30"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("November 24, 2026"), "2026-11-24T00:00:00+00:00");
        assert_eq!(iso("24 Nov 2026"), "2026-11-24T00:00:00+00:00");
        assert_eq!(
            iso("Posted: Nov. 24, 2026 at 9:05"),
            "2026-11-24T09:05:00+00:00"
        );
        assert_eq!(
            iso("2026-11-24T18:30:00+04:00"),
            "2026-11-24T14:30:00+00:00"
        );
        assert_eq!(
            iso("Tue, 24 Nov 2026 18:30:00 GMT"),
            "2026-11-24T18:30:00+00:00"
        );
    }

    #[test]
    fn russian_ukrainian_and_armenian_months() {
        assert_eq!(iso("24 ноября 2026 г., 18:30"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("3 мая 2026"), "2026-05-03T00:00:00+00:00");
        assert_eq!(iso("24 листопада 2026 року"), "2026-11-24T00:00:00+00:00");
        assert_eq!(iso("24 noyemberi 2026, 18:30"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("12 hunisi 2026"), "2026-06-12T00:00:00+00:00");
    }

    #[test]
    fn the_source_time_zone_applies_to_local_times_only() {
        let yerevan: chrono_tz::Tz = "Asia/Yerevan".parse().unwrap();
        let at = |s: &str| {
            parse_listing_date(s, Some(yerevan))
                .map(|d| d.to_rfc3339())
                .unwrap_or_default()
        };
        assert_eq!(at("24.11.2026 18:30"), "2026-11-24T14:30:00+00:00");
        assert_eq!(at("2026-11-24T18:30:00Z"), "2026-11-24T18:30:00+00:00");
        let kyiv: chrono_tz::Tz = "Europe/Kyiv".parse().unwrap();
        // Summer time (+03:00) and winter time (+02:00) both right.
        assert_eq!(
            parse_listing_date("01.07.2026 12:00", Some(kyiv))
                .unwrap()
                .to_rfc3339(),
            "2026-07-01T09:00:00+00:00"
        );
        assert_eq!(
            parse_listing_date("01.12.2026 12:00", Some(kyiv))
                .unwrap()
                .to_rfc3339(),
            "2026-12-01T10:00:00+00:00"
        );
    }

    #[test]
    fn nonsense_is_none() {
        assert_eq!(iso("yesterday"), "");
        assert_eq!(iso("32.13.2026"), "");
        assert_eq!(iso("31 February 2026"), "");
        assert_eq!(iso("Mayor visits the border"), "");
        assert_eq!(iso(""), "");
    }
}
