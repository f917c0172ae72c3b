//! Publication stamps, bare dates and times, media-player residue.

use super::dates::{MONTHS, iso_date_len};
use super::{longer_than, lower};

/// Longest line still treated as an "Updated:"/"Published:" stamp.
pub(super) const MAX_STAMP_CHARS: usize = 80;
/// Whole lines (lowercase) left by media players and share bars.
pub(super) const PLAYER_RESIDUE: &[&str] = &[
    "listen",
    "listen to this article",
    "listen to article",
    "share",
    "share this article",
    "copy link",
    "print",
    "play",
    "pause",
    "mute",
];
/// Units of relative stamps ("2 hours ago", "5 min ago", "2h ago").
const AGO_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "s", "minute", "minutes", "min", "mins", "m", "hour",
    "hours", "hr", "hrs", "h", "day", "days", "d", "week", "weeks", "w", "month", "months", "year",
    "years",
];
/// Lowercase prefixes of publication stamps.
pub(super) const STAMP_PREFIXES: &[&str] = &[
    "updated",
    "published",
    "last updated",
    "posted",
    "first published",
];
/// Other words allowed in a date-only line (lowercase, without periods).
const DATE_WORDS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "a.m",
    "p.m",
    "at",
    "et",
    "est",
    "edt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "pt",
    "pst",
    "pdt",
];

/// "Updated:", "Published: Feb. 12, 2025", a bare time ("0:00", "10:35 AM ET"),
/// a date-only line, or media-player/share-bar residue ("Listen", "Share").
#[must_use]
pub fn is_timestamp(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if longer_than(t, MAX_STAMP_CHARS) {
        return false;
    }
    let low = lower(t);
    if PLAYER_RESIDUE.contains(&low.as_str()) {
        return true;
    }
    {
        for prefix in STAMP_PREFIXES {
            let Some(rest) = low.strip_prefix(prefix) else {
                continue;
            };
            if !(rest.is_empty() || rest.starts_with([':', ' '])) {
                continue;
            }
            let rest = rest.trim_start_matches([':', ' ']).trim();
            let rest = rest.strip_prefix("on ").unwrap_or(rest);
            if rest.is_empty() || is_date_only(rest) || is_relative(rest) {
                return true;
            }
        }
    }
    is_date_only(&low) || is_relative(&low)
}

/// A relative stamp alone (lowercase): "3 hours ago", "an hour ago", "5 min ago", "2h ago".
fn is_relative(low: &str) -> bool {
    let words: Vec<&str> = low
        .split_whitespace()
        .map(|w| w.trim_matches(['(', ')', '.', ',']))
        .collect();
    match words[..] {
        [n, unit, "ago"] => is_count(n) && AGO_UNITS.contains(&unit),
        [compact, "ago"] => {
            let digits = compact.len()
                - compact
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            digits > 0 && AGO_UNITS.contains(&&compact[digits..])
        }
        _ => false,
    }
}

/// Whether the last three of `words` (lowercase) read "N units ago", as in
/// "Last Updated: 2 hours ago".
#[must_use]
pub fn ends_relative(words: &[&str]) -> bool {
    match words {
        [.., n, unit, "ago"] => is_count(n) && AGO_UNITS.contains(unit),
        _ => false,
    }
}

/// A count of time units: digits, "a", "an" or "one".
fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit()))
        || matches!(word, "a" | "an" | "one")
}

/// Every token is a date/time part and at least one is a number: "0:00 / 3:12",
/// "Feb. 12, 2025 10:35 AM ET", "2025-02-12".
fn is_date_only(low: &str) -> bool {
    if longer_than(low, MAX_STAMP_CHARS) || !low.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words = || {
        low.split_whitespace()
            .map(|t| t.trim_matches([',', '.', '|', '/', '-', '–', '—', '(', ')']))
    };
    // A month, an ISO date or a clock time must be there: "12 - 10" is a score.
    let dated =
        words().any(|w| MONTHS.contains(&w) || w.contains(':') || iso_date_len(w).is_some());
    dated
        && words().all(|word| {
            word.is_empty()
                || MONTHS.contains(&word)
                || DATE_WORDS.contains(&word)
                || word
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '-' | '/'))
                || iso_date_len(word).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        for s in [
            "Updated:",
            "0:00",
            "Published: Feb. 12, 2025 10:35 AM ET",
            "Listen",
            "Share",
            "2025-02-12",
            "0:00 / 3:45",
            "Updated 12:41 p.m. GMT",
            "3 hours ago",
            "Updated 5 min ago",
            "Posted: an hour ago",
            "2h ago",
        ] {
            assert!(is_timestamp(s), "{s}");
        }
        for s in [
            "Published reports say otherwise.",
            "Updated guidance was issued on Friday, officials said.",
            "12 - 10",
            "2024",
            "12 people died.",
            "Three years ago the bridge was new.",
            "ago",
            "h ago",
        ] {
            assert!(!is_timestamp(s), "{s}");
        }
    }
}
