//! Dates as listing pages print them.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// Parses a date as ministries print them on listing pages: RFC 3339 / ISO 8601,
/// "24.11.2026", "24.11.2026 18:30", "2026-11-24", "24 November 2026", "24 November 2026, 18:30",
/// "November 24, 2026", "24 Nov 2026". Times without a zone are taken as UTC.
pub fn parse_listing_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    let cleaned: String = s.replace(" at ", " ").replace(['|', '\u{a0}'], " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    const DATETIME: &[&str] = &[
        "%d.%m.%Y %H:%M",
        "%d.%m.%Y, %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%d %B %Y, %H:%M",
        "%d %B %Y %H:%M",
        "%d %b %Y, %H:%M",
        "%d %b %Y %H:%M",
        "%B %d, %Y %H:%M",
        "%H:%M %d.%m.%Y",
        "%H:%M, %d.%m.%Y",
        "%H:%M %d %B %Y",
    ];
    for f in DATETIME {
        if let Ok(d) = NaiveDateTime::parse_from_str(&cleaned, f) {
            return Some(d.and_utc());
        }
    }
    const DATE: &[&str] = &[
        "%d.%m.%Y",
        "%Y-%m-%d",
        "%d/%m/%Y",
        "%d %B %Y",
        "%d %b %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%B %d %Y",
    ];
    for f in DATE {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, f) {
            return Some(d.and_time(NaiveTime::MIN).and_utc());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_listing_date;

    fn iso(s: &str) -> String {
        parse_listing_date(s)
            .map(|d| d.to_rfc3339())
            .unwrap_or_default()
    }

    #[test]
    fn ministry_formats_parse() {
        assert_eq!(iso("24.11.2026"), "2026-11-24T00:00:00+00:00");
        assert_eq!(iso("24.11.2026 18:30"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("24 November 2026, 18:30"), "2026-11-24T18:30:00+00:00");
        assert_eq!(iso("November 24, 2026"), "2026-11-24T00:00:00+00:00");
        assert_eq!(iso("24 Nov 2026"), "2026-11-24T00:00:00+00:00");
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
    fn nonsense_is_none() {
        assert_eq!(iso("yesterday"), "");
        assert_eq!(iso("32.13.2026"), "");
        assert_eq!(iso(""), "");
    }
}
