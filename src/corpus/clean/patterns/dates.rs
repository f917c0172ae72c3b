//! ISO and written dates.

use std::ops::Range;

use super::lower;

/// Month names and abbreviations (lowercase, without periods).
pub(super) const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Length of an ISO date (`2025-02-12`, optionally with `T10:00:00Z`) at the start of `s`.
#[must_use]
pub fn iso_date_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return None;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || b.get(10).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let time = s[10..].strip_prefix('T').map_or(0, |t| {
        1 + t
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | 'Z' | '+' | '-')))
            .unwrap_or(t.len())
    });
    Some(10 + time)
}

/// The first written date in `s` ("March 10, 2026", "Feb. 7 2025", "10 March 2026")
/// as ISO `YYYY-MM-DD`.
#[must_use]
pub fn find_written_date(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| lower(w.trim_matches([',', '.', '|', '(', ')'])))
        .collect();
    let number = |w: &str, digits: Range<usize>| {
        (digits.contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    words.iter().enumerate().find_map(|(i, word)| {
        let month = month_number(word)?;
        let next = |k: usize| words.get(i + k).map_or("", String::as_str);
        let before = i.checked_sub(1).map_or("", |b| words[b].as_str());
        let (day, year) = match (number(next(1), 1..3), number(next(2), 4..5)) {
            (Some(day), Some(year)) => (day, year),
            _ => (number(before, 1..3)?, number(next(1), 4..5)?),
        };
        (1..=31)
            .contains(&day)
            .then(|| format!("{year:04}-{month:02}-{day:02}"))
    })
}

/// 1–12 for a month name or abbreviation.
fn month_number(word: &str) -> Option<u32> {
    const ORDER: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if !MONTHS.contains(&word) {
        return None;
    }
    let at = ORDER.iter().position(|m| word.starts_with(m))?;
    u32::try_from(at + 1).ok()
}

/// The first ISO date (`YYYY-MM-DD`) in `s` not glued to other digits.
#[must_use]
pub fn find_iso_date(s: &str) -> Option<&str> {
    s.char_indices()
        .filter(|&(i, c)| c.is_ascii_digit() && !s[..i].ends_with(|p: char| p.is_ascii_digit()))
        .find_map(|(i, _)| iso_date_len(&s[i..]).map(|_| &s[i..i + 10]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            find_iso_date("shot_2025-02-12_at 2025-13-01"),
            Some("2025-02-12")
        );
        assert_eq!(find_iso_date("12025-02-12"), None);
        assert_eq!(
            find_written_date("Updated: March 10, 2026 4:15 PM").as_deref(),
            Some("2026-03-10")
        );
        assert_eq!(
            find_written_date("on Feb. 7 2025.").as_deref(),
            Some("2025-02-07")
        );
        assert_eq!(
            find_written_date("Published 9 Sept 2024").as_deref(),
            Some("2024-09-09")
        );
        assert_eq!(find_written_date("May I say 12 things"), None);
    }
}
