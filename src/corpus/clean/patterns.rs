//! Line patterns of scraped news boilerplate: pure predicates on one line of text.
//!
//! Every pattern describes real-world page residue in general (credits, bylines,
//! player controls, appeals); none is keyed to particular articles.

use std::ops::Range;

/// Longest line still treated as a photo caption/credit.
const MAX_CAPTION_CHARS: usize = 400;
/// Longest line still treated as a byline or contributor note.
const MAX_BYLINE_CHARS: usize = 300;
/// Most name words in a "By …" byline.
const MAX_BYLINE_WORDS: usize = 10;
/// Longest line still treated as an "Updated:"/"Published:" stamp.
const MAX_STAMP_CHARS: usize = 80;
/// Longest line that can start a trailing appeal block.
const MAX_APPEAL_TRIGGER_CHARS: usize = 200;
/// Headline bounds: words and characters of a short first line.
const HEADLINE_WORDS: Range<usize> = 3..21;
/// Longest headline, in characters.
const MAX_HEADLINE_CHARS: usize = 150;
/// Words of a lone personal-name byline line.
const NAME_WORDS: Range<usize> = 2..5;

/// Longest markdown image or link (`![alt](url)`) recognized, in bytes.
const MAX_LINK_BYTES: usize = 4096;
/// Words from the end of a caption searched for a `Name/AGENCY` credit.
const CREDIT_TAIL_WORDS: usize = 3;
/// Photo agencies and stock libraries that end a caption line.
const CREDIT_TAILS: &[&str] = &["getty images", "shutterstock", "alamy stock photo", "alamy"];
/// Prefixes (lowercase) of a line that is a photo credit.
const CREDIT_PREFIXES: &[&str] = &[
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
/// Lowercase prefixes of contributor lines anywhere in an article.
const CONTRIBUTOR_PREFIXES: &[&str] = &[
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
const CONTRIBUTED: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
];
/// Lowercase words allowed between the names of a byline.
const NAME_PARTICLES: &[&str] = &[
    "and", "&", "in", "de", "del", "da", "van", "von", "der", "la", "le", "bin", "al", "|",
];
/// Whole lines (lowercase) left by media players and share bars.
const PLAYER_RESIDUE: &[&str] = &[
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
/// Lowercase prefixes of publication stamps.
const STAMP_PREFIXES: &[&str] = &[
    "updated",
    "published",
    "last updated",
    "posted",
    "first published",
];
/// Lowercase openings of a trailing donation/newsletter/subscription appeal.
const APPEAL_PREFIXES: &[&str] = &[
    "a message from",
    "dear reader",
    "support us",
    "support our",
    "support independent",
    "subscribe",
    "sign up",
    "donate",
    "make a donation",
    "become a member",
    "become a subscriber",
    "remind me later",
    "thank you for reading",
    "if you value",
    "if you appreciate",
    "if you enjoyed",
    "please consider supporting",
    "please consider donating",
    "please consider subscribing",
    "we need your help",
    "help us keep",
    "join our",
    "get our newsletter",
    "enjoyed this article",
];
/// Lowercase phrases whose presence in a short line makes it an appeal.
const APPEAL_PHRASES: &[&str] = &[
    "our newsletter",
    "sign up for",
    "subscribe to our",
    "subscribe now",
    "donate to",
    "donate now",
    "support our journalism",
    "support independent journalism",
    "make a donation",
];
/// Image file extensions of bare image URLs.
const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];
/// Keys of leading metadata whose value is a date.
const DATE_KEYS: &[&str] = &["date", "published", "updated", "datetime", "time"];
/// Keys of leading metadata whose value runs to the end of the line (a colon is required).
const TEXT_KEYS: &[&str] = &[
    "title",
    "author",
    "byline",
    "source",
    "outlet",
    "url",
    "link",
    "description",
    "tags",
    "category",
    "section",
];
/// Month names and abbreviations (lowercase, without periods).
const MONTHS: &[&str] = &[
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

/// More than `max` characters (cheap for long lines: a char is at most 4 bytes).
fn longer_than(s: &str, max: usize) -> bool {
    s.len() > max && (s.len() > max * 4 || s.chars().count() > max)
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn starts_with_any(s: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| s.starts_with(p))
}

/// `s` starts with `prefix` followed by a word boundary ("subscribe" ≠ "subscribers").
fn starts_with_word(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric) || prefix.ends_with(' '))
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Strips closing quotes and brackets from the end of `s`.
fn trim_closers(s: &str) -> &str {
    s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_'])
}

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
    if CREDIT_TAILS.iter().any(|tail| body.ends_with(tail)) {
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
            if rest.is_empty() || is_date_only(rest) {
                return true;
            }
        }
    }
    is_date_only(&low)
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

/// A line that is only an image URL (`https://…/photo.jpg?w=800`).
#[must_use]
pub fn is_image_url(line: &str) -> bool {
    let t = line.trim();
    if !(t.starts_with("http://") || t.starts_with("https://")) || t.contains(char::is_whitespace) {
        return false;
    }
    let path = lower(t.split(['?', '#']).next().unwrap_or(""));
    IMAGE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
}

/// Byte ranges of markdown images in `line`: `![alt](url)`, also wrapped in a link
/// `[![alt](img)](href)`.
#[must_use]
pub fn images(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = line.get(from..).and_then(|s| s.find("![")) {
        let start = from + found;
        let Some(end) = link_end(line, start + 1) else {
            from = start + 2;
            continue;
        };
        // A linked image: `[` before and `](href)` after.
        let range = match (start.checked_sub(1), line.get(end..)) {
            (Some(before), Some(after))
                if line.as_bytes()[before] == b'[' && after.starts_with("](") =>
            {
                match after.find(')') {
                    Some(close) => before..end + close + 1,
                    None => start..end,
                }
            }
            _ => start..end,
        };
        from = range.end;
        out.push(range);
    }
    out
}

/// End (exclusive) of a markdown link `[text](url)` whose `[` is at `open`; the
/// search is bounded so that long lines full of brackets stay linear.
fn link_end(line: &str, open: usize) -> Option<usize> {
    let rest = line.get(open..)?;
    let mut limit = MAX_LINK_BYTES.min(rest.len());
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &rest[..limit];
    let mid = rest.find("](")?;
    if rest[1..mid].contains('[') {
        return None;
    }
    let close = rest[mid..].find(')')?;
    Some(open + mid + close + 1)
}

/// A short first line shaped like a headline: 3–20 words, no final period.
#[must_use]
pub fn is_headline(line: &str) -> bool {
    let t = headline_text(line);
    if longer_than(t, MAX_HEADLINE_CHARS) {
        return false;
    }
    let words = t.split_whitespace().count();
    let last = trim_closers(t).chars().last();
    HEADLINE_WORDS.contains(&words)
        && t.chars().any(char::is_alphabetic)
        && !matches!(last, Some('.' | ',' | ':' | ';'))
}

/// The text of a headline line without markdown heading marks.
#[must_use]
pub fn headline_text(line: &str) -> &str {
    line.trim().trim_start_matches('#').trim()
}

/// A line opening a trailing appeal ("A Message from …", "Subscribe to our newsletter").
#[must_use]
pub fn is_appeal_trigger(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['*', '_', '#', ' ']);
    if t.is_empty() || longer_than(t, MAX_APPEAL_TRIGGER_CHARS) {
        return false;
    }
    let low = lower(t);
    APPEAL_PREFIXES.iter().any(|p| starts_with_word(&low, p))
        || (!longer_than(t, MAX_APPEAL_TRIGGER_CHARS / 2)
            && APPEAL_PHRASES.iter().any(|w| low.contains(w)))
}

/// Length in bytes of leading stray metadata at the start of `line`
/// (` date 2025-02-12 `, `title: …`), including surrounding whitespace; 0 if none.
#[must_use]
pub fn leading_metadata_len(line: &str) -> usize {
    let mut end = 0;
    loop {
        let rest = &line[end..];
        let key_at = rest.len() - rest.trim_start().len();
        let key_len = rest[key_at..]
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
            .unwrap_or(rest.len() - key_at);
        let key = lower(&rest[key_at..key_at + key_len]);
        let after_key = &rest[key_at + key_len..];
        let colon = after_key.starts_with([':', '=']);
        let value = after_key.trim_start_matches([':', '=']);
        let value_at = rest.len() - value.trim_start().len();
        if DATE_KEYS.contains(&key.as_str()) {
            match iso_date_len(&rest[value_at..]) {
                Some(len) if colon || value_at > key_at + key_len => {
                    let next = value_at + len;
                    let ws = rest[next..].len() - rest[next..].trim_start().len();
                    end += next + ws;
                }
                _ => return end,
            }
        } else if colon && TEXT_KEYS.contains(&key.as_str()) && key_len > 0 {
            return line.len();
        } else {
            return end;
        }
    }
}

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
        let next = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
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
    fn credits() {
        assert!(is_credit("Jane Roe (Photographer: Sam Poe/Herald)"));
        assert!(is_credit(
            "Troops at the border on Monday. John Smith/AFP via Getty Images"
        ));
        assert!(is_credit("The minister arrives. (AP Photo/Evan Vucci)"));
        assert!(is_credit("Photo: Reuters"));
        assert!(is_credit("Credit: Jane Doe for The Herald"));
        assert!(is_credit("A protester waves a flag. REUTERS/Yves Herman"));
        assert!(!is_credit("The photographer was arrested on Monday."));
        assert!(!is_credit("He spoke to the AC/DC fans."));
    }

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
    }

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
        ] {
            assert!(is_timestamp(s), "{s}");
        }
        for s in [
            "Published reports say otherwise.",
            "Updated guidance was issued on Friday, officials said.",
            "12 - 10",
            "2024",
            "12 people died.",
        ] {
            assert!(!is_timestamp(s), "{s}");
        }
    }

    #[test]
    fn image_links() {
        let line = "Intro ![a photo](https://x.org/a.png) and [![b](https://x.org/b.jpg)](https://x.org) end";
        let found: Vec<&str> = images(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(
            found,
            [
                "![a photo](https://x.org/a.png)",
                "[![b](https://x.org/b.jpg)](https://x.org)"
            ]
        );
        assert!(images("Look [here](x) and ![ unclosed").is_empty());
        assert!(is_image_url("https://cdn.site.com/img/1.JPG?w=800"));
        assert!(!is_image_url("https://site.com/story"));
    }

    #[test]
    fn headlines_and_appeals() {
        assert!(is_headline("Talks Stall as Rivals Trade Blame"));
        assert!(is_headline("# Why the Vote Matters?"));
        assert!(!is_headline(
            "The talks stalled on Monday as both sides traded blame."
        ));
        assert!(!is_headline("Breaking"));
        assert!(is_appeal_trigger("A Message from The Daily Planet:"));
        assert!(is_appeal_trigger("Sign up for our morning newsletter"));
        assert!(!is_appeal_trigger(
            "Support for the bill fell sharply, a poll showed."
        ));
    }

    #[test]
    fn leading_metadata() {
        assert_eq!(leading_metadata_len(" date 2025-02-12 BRUSSELS — Text"), 17);
        assert_eq!(leading_metadata_len("date: 2025-02-12T08:00:00Z"), 26);
        assert_eq!(leading_metadata_len("title: Something here"), 21);
        assert_eq!(leading_metadata_len("Date palms grow in 2025-02-12"), 0);
        assert_eq!(leading_metadata_len("Titles matter: a lot"), 0);
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
