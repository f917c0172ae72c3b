//! Bylines, contributor notes and lone personal names.

use std::ops::Range;

use super::{is_capitalized, longer_than, lower, starts_with_any, trim_closers};

/// Longest line still treated as a byline or contributor note.
pub(super) const MAX_BYLINE_CHARS: usize = 300;
/// Most name words in a "By …" byline.
const MAX_BYLINE_WORDS: usize = 10;
/// Most words of the place after a byline's " in " ("in New York").
const MAX_PLACE_WORDS: usize = 3;
/// Words of a lone personal-name byline line.
const NAME_WORDS: Range<usize> = 2..5;
/// Lowercase prefixes of contributor lines anywhere in an article.
pub(super) const CONTRIBUTOR_PREFIXES: &[&str] = &[
    "reporting by",
    "(reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "written by",
    "edited by",
];
/// Lowercase fragments of "X contributed to this report" lines.
pub(super) const CONTRIBUTED: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
];
/// Lowercase words allowed between the names of a byline.
const NAME_PARTICLES: &[&str] = &[
    "and", "&", "in", "de", "del", "da", "van", "von", "der", "la", "le", "bin", "al", "|",
];

/// A byline: "By Jane Doe", "By Jane Doe and John Roe", contributor and
/// "Reporting by …; Editing by …" lines.
#[must_use]
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || longer_than(t, MAX_BYLINE_CHARS) {
        return false;
    }
    let low = lower(t);
    if starts_with_any(&low, CONTRIBUTOR_PREFIXES) || CONTRIBUTED.iter().any(|c| low.contains(c)) {
        return true;
    }
    let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) else {
        return false;
    };
    let words: Vec<&str> = rest.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let names = words.iter().filter(|w| is_capitalized(w)).count();
    names >= 2
        && words.len() <= MAX_BYLINE_WORDS
        && words
            .iter()
            .all(|w| is_capitalized(w) || NAME_PARTICLES.contains(&lower(w).as_str()))
        && !ends_sentence(rest)
}

/// True when `s` ends with a sentence period (not an initial such as "C.").
fn ends_sentence(s: &str) -> bool {
    let t = trim_closers(s.trim_end());
    let Some(stem) = t.strip_suffix('.') else {
        return false;
    };
    let last = stem.rsplit(' ').next().unwrap_or("");
    last.chars().count() > 1
}

/// A line that is only a personal name of 2–4 capitalized words ("Jane Q. Doe").
#[must_use]
pub fn is_lone_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(NAME_WORDS.end).collect();
    let is_name_word = |w: &&str| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = letters > 1 && !w.chars().any(char::is_lowercase);
        is_capitalized(w)
            && !all_caps
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
    };
    let particles = words.iter().filter(|w| NAME_PARTICLES.contains(w)).count();
    NAME_WORDS.contains(&words.len())
        && words.first().is_some_and(is_name_word)
        && words.last().is_some_and(is_name_word)
        && words.iter().filter(|w| is_name_word(w)).count() + particles == words.len()
        && !ends_sentence(line)
}

/// A line of names only, as a byline without "By": "Anna Betts and Marina Dunbar in
/// New York", "Sam Poe, Ann Lee and Kim Lo", "Jane Roe in Kyiv".
#[must_use]
pub fn is_name_list(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || longer_than(t, MAX_BYLINE_CHARS) || ends_sentence(t) {
        return false;
    }
    let (names, place) = match t.rsplit_once(" in ") {
        Some((names, place)) => (names, Some(place)),
        None => (t, None),
    };
    let place_ok = place.is_none_or(|p| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=MAX_PLACE_WORDS).contains(&words.len()) && words.iter().all(|w| is_capitalized(w))
    });
    let parts: Vec<&str> = names
        .split(", ")
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(str::trim)
        .collect();
    let all_names = parts.iter().all(|p| is_lone_name(p));
    place_ok && all_names && (parts.len() >= 2 || place.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("By JANE DOE and JOHN ROE"));
        assert!(is_byline("By Jane Doe, Reuters"));
        assert!(is_byline(
            "Associated Press Writer Sam Poe in Paris contributed to this report."
        ));
        assert!(is_byline("Reporting by Ann Lee; Editing by Bo Chu"));
        assert!(!is_byline("By Monday the talks had collapsed."));
        assert!(!is_byline("By then, nobody cared"));
        assert!(is_lone_name("Ryan Q. Morgan"));
        assert!(is_lone_name("Ana de Souza"));
        assert!(!is_lone_name("NEW YORK"));
        assert!(!is_lone_name("Talks Collapse Again Today Now"));
        assert!(!is_lone_name("It rained."));
        assert!(is_name_list("Anna Betts and Marina Dunbar in New York"));
        assert!(is_name_list("Sam Poe, Ann Lee and Kim Lo"));
        assert!(is_name_list("Jane Roe in Kyiv"));
        assert!(!is_name_list("Jane Roe"));
        assert!(!is_name_list(
            "Storms Batter Coast and Cities in Florida Today Again"
        ));
        assert!(!is_name_list("Rain and Wind in the Valley."));
    }
}
