//! Photo credits and captions.

use super::{is_capitalized, longer_than, lower, starts_with_any};

/// Longest line still treated as a photo caption/credit.
pub(super) const MAX_CAPTION_CHARS: usize = 400;
/// Words from the end of a caption searched for a `Name/AGENCY` credit.
const CREDIT_TAIL_WORDS: usize = 3;
/// Words before " via " searched for the `Name/Organisation` of a credit.
const VIA_CREDIT_WORDS: usize = 6;
/// Most words of the agency after " via ".
const VIA_AGENCY_WORDS: usize = 3;
/// Photo agencies and stock libraries that end a caption line.
pub(super) const CREDIT_TAILS: &[&str] =
    &["getty images", "shutterstock", "alamy stock photo", "alamy"];
/// Prefixes (lowercase) of a line that is a photo credit.
pub(super) const CREDIT_PREFIXES: &[&str] = &[
    "photo:",
    "photo by ",
    "photos:",
    "photograph:",
    "photograph by ",
    "photographer:",
    "image:",
    "image by ",
    "picture:",
    "credit:",
    "photo credit:",
    "image credit:",
    "illustration:",
    "illustration by ",
];
/// Openings (lowercase) of a closing parenthetical that credits a photo.
const CREDIT_PARENTHESES: &[&str] = &[
    "photographer:",
    "photo:",
    "photo by",
    "ap photo",
    "image:",
    "credit:",
    "photo credit",
    "reuters photo",
    "afp photo",
];

/// A photo credit or caption line: "Photo: …", "… (Photographer: X/Y)",
/// "… X/AFP via Getty Images", "REUTERS/Jane Doe".
#[must_use]
pub fn is_credit(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || longer_than(t, MAX_CAPTION_CHARS) {
        return false;
    }
    let low = lower(t);
    if starts_with_any(&low, CREDIT_PREFIXES) {
        return true;
    }
    let body = low.trim_end_matches('.');
    if let Some(inner) = body.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && starts_with_any(inner[open + 1..].trim_start(), CREDIT_PARENTHESES)
    {
        return true;
    }
    if CREDIT_TAILS.iter().any(|tail| body.ends_with(tail)) || via_credit(t) {
        return true;
    }
    // A closing `(Name/Organisation)`: "A plow clears Route 9. (Ann Lee/CBC)".
    if let Some(inner) = t.trim_end_matches('.').strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && let words = inner[open + 1..].split_whitespace().collect::<Vec<_>>()
        && (1..=CREDIT_TAIL_WORDS * 2).contains(&words.len())
        && words.iter().any(|w| {
            w.split_once('/').is_some_and(|(name, org)| {
                is_capitalized(name) && name.chars().any(char::is_lowercase) && is_capitalized(org)
            })
        })
    {
        return true;
    }
    // A credit tail: `… Name/AFP` or `… REUTERS/Jane Doe` (the name may run on).
    let words: Vec<&str> = t.trim_end_matches('.').split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .rev()
        .take(CREDIT_TAIL_WORDS)
        .take_while(|(_, w)| is_capitalized(w))
        .any(|(i, w)| agency_slash(w, false) && i + 1 == words.len() || agency_slash(w, true))
}

/// A caption ending in `Name/Agency via Agency`: "… Sam Poe/The Canadian Press via AP".
fn via_credit(t: &str) -> bool {
    let Some(at) = t.rfind(" via ") else {
        return false;
    };
    let after: Vec<&str> = t[at + 5..]
        .trim_end_matches('.')
        .split_whitespace()
        .collect();
    let agency =
        (1..=VIA_AGENCY_WORDS).contains(&after.len()) && after.iter().all(|w| is_capitalized(w));
    let slashed = t[..at]
        .split_whitespace()
        .rev()
        .take(VIA_CREDIT_WORDS)
        .any(|w| {
            w.split_once('/').is_some_and(|(name, org)| {
                name.chars().any(char::is_alphabetic) && is_capitalized(org)
            })
        });
    agency && slashed
}

/// `Name/AFP` (agency after the slash) or `REUTERS/Name` (agency before it).
fn agency_slash(token: &str, agency_first: bool) -> bool {
    let Some((left, right)) = token.split_once('/') else {
        return false;
    };
    let (agency, name) = if agency_first {
        (left, right)
    } else {
        (right, left)
    };
    let agency_like =
        (2..=8).contains(&agency.len()) && agency.chars().all(|c| c.is_ascii_uppercase());
    agency_like && is_capitalized(name) && name.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        assert!(is_credit("Jane Roe (Photographer: Sam Poe/Herald)"));
        assert!(is_credit(
            "Troops at the border on Monday. John Smith/AFP via Getty Images"
        ));
        assert!(is_credit("The minister arrives. (AP Photo/Evan Vucci)"));
        assert!(is_credit("Photo: Reuters"));
        assert!(is_credit("Credit: Jane Doe for The Herald"));
        assert!(is_credit("A protester waves a flag. REUTERS/Yves Herman"));
        assert!(is_credit(
            "Fans cheer in Toronto on Sunday. Chris Young/The Canadian Press via AP"
        ));
        assert!(is_credit(
            "Crews at the dam. Ana Ruiz/Bloomberg via Getty Images."
        ));
        assert!(!is_credit("Aid arrived via trucks and boats on Monday."));
        assert!(is_credit("A plow clears Route 9 on Monday. (Ann Lee/CBC)"));
        assert!(!is_credit("He played the hit single (AC/DC) twice."));
        assert!(!is_credit("The 24/7 service came via AP reporting."));
        assert!(!is_credit("The photographer was arrested on Monday."));
        assert!(!is_credit("He spoke to the AC/DC fans."));
    }
}
