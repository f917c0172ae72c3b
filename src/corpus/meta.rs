//! Article metadata: manifest > front matter/fields > inference from the text > file stem.

use super::clean::{find_iso_date, find_written_date, headline_text, is_lone_name, is_name_list};
use super::{Meta, Removal, RemovalReason, outlets};
use std::collections::HashMap;

/// Bytes from the top of the raw text searched for an ISO date.
const DATE_SEARCH_BYTES: usize = 400;
/// Longest fallback title, in characters.
const FALLBACK_TITLE_CHARS: usize = 80;
/// Most words in an outlet name taken from a credit line.
const MAX_OUTLET_WORDS: usize = 6;
/// Photo agencies and stock libraries: credited on photos, not the article's outlet.
const PHOTO_AGENCIES: &[&str] = &[
    "getty",
    "afp",
    "ap",
    "ap photo",
    "reuters",
    "epa",
    "epa-efe",
    "shutterstock",
    "alamy",
    "anadolu",
    "sipa",
    "zuma",
    "imago",
    "dpa",
    "tass",
    "ria novosti",
];
/// Wire-service abbreviations seen in datelines and writer credits.
const ALIASES: &[(&str, &str)] = &[
    ("AP", "Associated Press"),
    ("AFP", "Agence France-Presse"),
    ("UPI", "United Press International"),
];
/// Non-blank lines from the top searched for a `CITY (Outlet) —` dateline.
const DATELINE_LINES: usize = 3;
/// Most words of the outlet in a dateline parenthesis.
const MAX_DATELINE_WORDS: usize = 3;
/// Fewest letters of the capitalized city opening a dateline ("US - EU talks" is none).
const MIN_CITY_LETTERS: usize = 3;
/// Most words of the place in a dateline.
const MAX_PLACE_WORDS: usize = 5;
/// Dashes that end a dateline such as `LONDON (Reuters) -`.
const DATELINE_DASHES: &[&str] = &[" -", " —", " –"];

/// Metadata fields from one source; any may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fields {
    /// Outlet name.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Authors, in byline order (empty when unknown).
    pub authors: Vec<String>,
}

impl Fields {
    /// Fills each missing field from `lower` (a source of lower precedence).
    #[must_use]
    pub fn or(self, lower: Self) -> Self {
        Self {
            outlet: self.outlet.or(lower.outlet),
            title: self.title.or(lower.title),
            date: self.date.or(lower.date),
            url: self.url.or(lower.url),
            authors: if self.authors.is_empty() {
                lower.authors
            } else {
                self.authors
            },
        }
    }

    /// Reads `title`, `outlet` (or `source`), `date`, `url` and `author` (or
    /// `authors`, split at commas and "and") through `get`.
    pub fn from_keys(get: impl Fn(&str) -> Option<String>) -> Self {
        let non_empty = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        Self {
            outlet: non_empty("outlet").or_else(|| non_empty("source")),
            title: non_empty("title"),
            date: non_empty("date"),
            url: non_empty("url"),
            authors: non_empty("author")
                .or_else(|| non_empty("authors"))
                .map(|a| split_authors(&a))
                .unwrap_or_default(),
        }
    }
}

/// Names in a byline or author field: "By A, B and C" → [A, B, C], without
/// duplicates, URLs or empty names.
#[must_use]
pub fn split_authors(byline: &str) -> Vec<String> {
    let t = byline.trim();
    let t = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    let mut out: Vec<String> = Vec::new();
    for part in t.split([',', ';', '&', '|']).flat_map(|p| p.split(" and ")) {
        let name = part.trim().trim_end_matches('.').trim();
        let url = name.contains("://") || name.starts_with("www.");
        if !name.is_empty() && !url && !out.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// A `sources.toml`: metadata keyed by file name (or JSON record id).
#[derive(Debug, Clone, Default)]
pub struct Manifest(HashMap<String, Fields>);

impl Manifest {
    /// Parses a manifest: a table per file name with outlet/title/date/url.
    ///
    /// # Errors
    /// A one-line reason when the text is not valid TOML.
    pub fn parse(text: &str) -> Result<Self, String> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| format!("invalid sources.toml: {}", e.message()))?;
        Ok(Self(
            table
                .into_iter()
                .filter_map(|(name, value)| {
                    let entry = value.as_table()?.clone();
                    Some((name, Fields::from_keys(|k| toml_string(entry.get(k)?))))
                })
                .collect(),
        ))
    }

    /// The entry for `key`, if any.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Fields> {
        self.0.get(key)
    }
}

/// A TOML scalar as text (strings, dates, numbers).
#[must_use]
pub fn toml_string(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Infers metadata from the raw text and what cleaning removed: the headline, a date
/// (ISO in stamps or near the top, else a written date in an "Updated:" stamp), the
/// outlet from credit lines and datelines, then from the host of `url`, then from
/// the hosts of removed images. Links kept in the article text never name the outlet
/// (they point elsewhere).
#[must_use]
pub fn infer(raw: &str, removals: &[Removal], url: Option<&str>) -> Fields {
    let removed = |reason| {
        removals
            .iter()
            .filter(move |r| r.reason == reason)
            .filter_map(|r| raw.get(r.range.clone()))
    };
    let title = removed(RemovalReason::Title)
        .next()
        .map(|t| headline_text(t).to_string());
    let mut top = DATE_SEARCH_BYTES.min(raw.len());
    while !raw.is_char_boundary(top) {
        top -= 1;
    }
    let stamps = || removed(RemovalReason::Metadata).chain(removed(RemovalReason::Timestamp));
    let date = stamps()
        .chain(std::iter::once(&raw[..top]))
        .find_map(find_iso_date)
        .map(str::to_string)
        .or_else(|| stamps().find_map(find_written_date));
    let mut low = String::new();
    let outlet = credit_lines(raw)
        .into_iter()
        .find_map(|line| credit_outlet(line, &mut low))
        .or_else(|| {
            raw.lines()
                .filter(|l| !l.trim().is_empty())
                .take(DATELINE_LINES)
                .find_map(dateline_outlet)
        })
        .or_else(|| url.and_then(outlets::host_outlet))
        .or_else(|| {
            removed(RemovalReason::Image)
                .flat_map(text_urls)
                .find_map(outlets::host_outlet)
        });
    let authors = removed(RemovalReason::Byline)
        .find_map(byline_names)
        .unwrap_or_default();
    Fields {
        outlet,
        title,
        date,
        authors,
        ..Fields::default()
    }
}

/// The names of a byline line ("By Jane Doe and Sam Poe", "Anna Betts and Marina
/// Dunbar in New York", "Jane Q. Doe"); contributor notes name no author.
fn byline_names(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let by = ["By ", "BY ", "by "].iter().find_map(|p| t.strip_prefix(p));
    if by.is_none() && !is_name_list(t) && !is_lone_name(t) {
        return None;
    }
    let names = by.unwrap_or(t);
    let names = names.rsplit_once(" in ").map_or(names, |(n, _)| n);
    // A one-word part is an agency or a desk ("Reuters", "Staff"), not a person.
    let names: Vec<String> = split_authors(names)
        .into_iter()
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect();
    (!names.is_empty()).then_some(names)
}

/// A known outlet named by the URL's host or the file name (`newsweek.com`,
/// `01_newsweek_ca.txt`): it outranks what the text suggests.
#[must_use]
pub fn named_outlet(url: Option<&str>, stem: &str) -> Option<String> {
    url.and_then(outlets::site_host)
        .and_then(|host| outlets::known_host(&host))
        .or_else(|| outlets::stem_outlet(stem))
        .map(str::to_string)
}

/// The calendar day of a date as written, in its own offset: `2025-02-12T18:30:00-05:00`
/// and `Wed, 12 Feb 2025 18:30:00 -0500` are 2025-02-12, whatever the day in UTC.
#[must_use]
pub fn local_day(date: &str) -> Option<String> {
    let t = date.trim();
    match find_iso_date(t) {
        Some(day) if t.starts_with(day) => Some(day.to_string()),
        _ => find_written_date(t),
    }
}

/// Resolves the final metadata: `manifest` > `given` > `inferred` > fallbacks (the
/// first sentence of `clean` for the title, `id` for the outlet).
#[must_use]
pub fn resolve(manifest: Fields, given: Fields, inferred: Fields, id: &str, clean: &str) -> Meta {
    let fields = manifest.or(given).or(inferred);
    Meta {
        outlet: fields.outlet.unwrap_or_else(|| id.to_string()),
        title: fields
            .title
            .or_else(|| first_sentence(clean))
            .unwrap_or_else(|| id.to_string()),
        date: fields.date,
        url: fields.url,
        authors: fields.authors,
    }
}

/// The first sentence of `text` without its dateline, cut at a word boundary to about 80 characters.
fn first_sentence(text: &str) -> Option<String> {
    let paragraph = text.lines().find(|l| !l.trim().is_empty())?;
    let span = crate::text::sentences(paragraph).into_iter().next()?.span;
    let sentence = paragraph.get(span)?.trim();
    let sentence = &sentence[dateline_len(sentence).unwrap_or(0)..];
    if sentence.chars().count() <= FALLBACK_TITLE_CHARS {
        return Some(sentence.to_string());
    }
    let mut cut = String::new();
    for word in sentence.split_whitespace() {
        if !cut.is_empty() && cut.chars().count() + word.chars().count() >= FALLBACK_TITLE_CHARS {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    let cut: String = cut.chars().take(FALLBACK_TITLE_CHARS).collect();
    Some(format!("{cut}…"))
}

/// An outlet named by a credit line: "A Message from X", "X Writer … contributed",
/// "(Photographer: Name/X)", "© 2025 X". Each rule needs one of [`CREDIT_WORDS`];
/// `low` is a buffer reused from line to line.
fn credit_outlet(line: &str, low: &mut String) -> Option<String> {
    const MESSAGE: &str = "a message from ";
    let t = line.trim();
    if t.len() >= MESSAGE.len()
        && t.as_bytes()[..MESSAGE.len()].eq_ignore_ascii_case(MESSAGE.as_bytes())
    {
        return outlet_name(&t[MESSAGE.len()..]);
    }
    // ASCII lowercasing keeps byte offsets valid in `t`.
    low.clear();
    low.push_str(t);
    low.make_ascii_lowercase();
    // Cheap byte searches first: most lines have no " Writer", no `(`.
    if t.contains(" Writer")
        && (low.contains("contributed to this report") || low.contains("contributed reporting"))
        && let Some(at) = t.find(" Writer")
    {
        return outlet_name(&t[..at]);
    }
    if t.contains('(')
        && let Some(open) = low.rfind("(photographer:").or_else(|| low.rfind("(photo:"))
    {
        let inner = t[open..].trim_end_matches(['.', ' ']).strip_suffix(')')?;
        let (_, org) = inner.rsplit_once('/')?;
        return outlet_name(org).filter(|o| !is_agency(o));
    }
    for copyright in ["©", "copyright "] {
        // `contains` first: a vector scan, where `find` is not.
        if low.contains(copyright)
            && let Some(at) = low.find(copyright)
        {
            let rest = &t[at + copyright.len()..];
            let rest = rest.split(['.', '|']).next().unwrap_or("");
            let name = rest
                .trim()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
            let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == ',');
            let name = name.split(" All rights").next().unwrap_or(name);
            if let Some(found) = outlet_name(name) {
                return Some(found);
            }
        }
    }
    None
}

/// Words one of which each rule of [`credit_outlet`] needs, in any letter case.
const CREDIT_WORDS: [&str; 5] = [
    "a message from ",
    "contributed ",
    "(photo",
    "©",
    "copyright ",
];

/// The lines of `raw` that hold one of [`CREDIT_WORDS`], in order: the only lines
/// [`credit_outlet`] can name an outlet from. The text is lowercased once (ASCII
/// lowercasing keeps every byte offset) and searched once per word.
fn credit_lines(raw: &str) -> Vec<&str> {
    let low = raw.to_ascii_lowercase();
    let mut starts: Vec<usize> = CREDIT_WORDS
        .iter()
        .flat_map(|word| memchr::memmem::find_iter(low.as_bytes(), word.as_bytes()))
        .map(|at| raw[..at].rfind('\n').map_or(0, |i| i + 1))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
        .into_iter()
        .map(|start| {
            let end = raw[start..].find('\n').map_or(raw.len(), |i| start + i);
            &raw[start..end]
        })
        .collect()
}

/// `LONDON (Reuters) - …` → Reuters (wire abbreviations expanded).
fn dateline_outlet(line: &str) -> Option<String> {
    let place = &line[..dateline_len(line)?];
    let open = place.find('(')?;
    let close = open + place[open..].find(')')?;
    let name = &place[open + 1..close];
    let short = name.split_whitespace().count() <= MAX_DATELINE_WORDS;
    if short { outlet_name(name) } else { None }
}

/// Length of a leading dateline with its dash and spaces: "PARIS — ",
/// "KYIV, Ukraine (AP) — ", "VELDA (Reuters) - ". The place starts with a word in
/// capitals and is short.
fn dateline_len(line: &str) -> Option<usize> {
    let (at, dash) = DATELINE_DASHES
        .iter()
        .filter_map(|d| Some((line.find(d)?, d)))
        .min_by_key(|(at, _)| *at)?;
    let place = &line[..at];
    let city = place.split([' ', ',']).next().unwrap_or("");
    let is_dateline = city.chars().filter(|c| c.is_alphabetic()).count() >= MIN_CITY_LETTERS
        && !city.chars().any(char::is_lowercase)
        && place.split_whitespace().count() <= MAX_PLACE_WORDS;
    let after = &line[at + dash.len()..];
    is_dateline.then(|| line.len() - after.trim_start().len())
}

/// A plausible outlet name: 1–6 words starting with a capital or a digit.
fn outlet_name(text: &str) -> Option<String> {
    let name = text
        .trim()
        .trim_end_matches([':', '.', ',', ';', ')'])
        .trim();
    let words = name.split_whitespace().count();
    let starts = name
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !(1..=MAX_OUTLET_WORDS).contains(&words) || !starts {
        return None;
    }
    let expanded = ALIASES
        .iter()
        .find(|(short, _)| *short == name)
        .map_or(name, |(_, long)| long);
    Some(expanded.to_string())
}

fn is_agency(name: &str) -> bool {
    let low = name.to_lowercase();
    PHOTO_AGENCIES
        .iter()
        .any(|a| low == *a || low.starts_with(&format!("{a} ")) || low.contains("getty"))
}

/// URLs (`http://…`, `https://…`) in `text`.
fn text_urls(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("http").filter_map(|(at, _)| {
        let rest = &text[at..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '"' | '\'' | '>' | '<'))
            .unwrap_or(rest.len());
        let url = &rest[..end];
        (url.starts_with("http://") || url.starts_with("https://")).then_some(url)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Line parts: credits of every kind, near misses and plain prose, in mixed case.
    const PARTS: &[&str] = &[
        "A Message from The Daily Planet:",
        "a MESSAGE FROM Gazette",
        "AP Writer Sam Poe contributed to this report.",
        "Reuters Writer Ann Lee CONTRIBUTED REPORTING",
        "contributed",
        "Jane Roe (Photographer: Sam Poe/Herald Tribune)",
        "(PHOTO: Ann Lee/Courier)",
        "(photo",
        "© 2024 Gazette Media. All rights reserved.",
        "Copyright 2023 The Ledger",
        "copyright",
        "PARIS (Reuters) - Talks resumed on Monday.",
        "The minister said talks would resume.",
        "  ",
        "\r",
    ];

    proptest! {
        /// Looking only at the lines holding a credit word names the outlet that
        /// reading every line names.
        #[test]
        fn credit_lines_miss_no_credit(picks in prop::collection::vec((0..PARTS.len(), 0..PARTS.len(), any::<bool>()), 0..12)) {
            let raw = picks.iter().fold(String::new(), |mut raw, &(a, b, join)| {
                let glue = if join { " " } else { "\n" };
                raw.push_str(PARTS[a]);
                raw.push_str(glue);
                raw.push_str(PARTS[b]);
                raw.push('\n');
                raw
            });
            let mut low = String::new();
            prop_assert_eq!(
                credit_lines(&raw).into_iter().find_map(|l| credit_outlet(l, &mut low)),
                raw.lines().find_map(|l| credit_outlet(l, &mut low))
            );
        }
    }

    #[test]
    fn outlets_from_credit_lines() {
        let cases = [
            ("A Message from The Daily Planet:", Some("The Daily Planet")),
            (
                "AP Writer Sam Poe contributed to this report.",
                Some("Associated Press"),
            ),
            (
                "Jane Roe (Photographer: Sam Poe/Herald Tribune)",
                Some("Herald Tribune"),
            ),
            (
                "Jane Roe (Photographer: Sam Poe/AFP via Getty Images)",
                None,
            ),
            (
                "© 2024 Gazette Media. All rights reserved.",
                Some("Gazette Media"),
            ),
            ("PARIS (Reuters) - Talks resumed on Monday.", None),
        ];
        for (line, want) in cases {
            assert_eq!(
                credit_outlet(line, &mut String::new()).as_deref(),
                want,
                "{line}"
            );
        }
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline_outlet("PARIS (Reuters) - Talks resumed.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            dateline_outlet("KYIV, Ukraine (AP) — Talks resumed.").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            dateline_outlet("NATO (North Atlantic Treaty Organization) - x"),
            None
        );
        assert_eq!(dateline_outlet("He said (quietly) - no."), None);
        assert_eq!(dateline_outlet("BRUSSELS — No outlet here."), None);
        assert_eq!(
            first_sentence("BRUSSELS — Talks resumed. More.").as_deref(),
            Some("Talks resumed.")
        );
        assert_eq!(
            first_sentence("US - EU talks resumed.").as_deref(),
            Some("US - EU talks resumed.")
        );
    }

    #[test]
    fn precedence() {
        let f = |o: &str| Fields {
            outlet: Some(o.into()),
            ..Fields::default()
        };
        let meta = resolve(
            Fields::default(),
            f("Given"),
            f("Inferred"),
            "id",
            "One. Two.",
        );
        assert_eq!(
            (meta.outlet.as_str(), meta.title.as_str()),
            ("Given", "One.")
        );
        let meta = resolve(f("Manifest"), f("Given"), f("Inferred"), "id", "");
        assert_eq!(
            (meta.outlet.as_str(), meta.title.as_str()),
            ("Manifest", "id")
        );
    }

    #[test]
    fn days_in_their_own_offset() {
        assert_eq!(
            local_day("2025-02-12T23:30:00-05:00").as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(
            local_day("Wed, 12 Feb 2025 23:30:00 -0500").as_deref(),
            Some("2025-02-12")
        );
        assert_eq!(local_day("soon"), None);
    }

    #[test]
    fn authors_from_bylines() {
        assert_eq!(
            byline_names("Anna Betts and Marina Dunbar in New York"),
            Some(vec!["Anna Betts".to_string(), "Marina Dunbar".to_string()])
        );
        assert_eq!(
            byline_names("By Jane Doe, Reuters"),
            Some(vec!["Jane Doe".to_string()])
        );
        assert_eq!(
            byline_names("Reporting by Ann Lee; Editing by Bo Chu"),
            None
        );
    }

    #[test]
    fn fallback_title_is_cut() {
        let long = "word ".repeat(40);
        let title = first_sentence(&long).unwrap();
        assert!(title.chars().count() <= FALLBACK_TITLE_CHARS + 1 && title.ends_with('…'));
    }

    proptest::proptest! {
        #[test]
        fn inference_never_panics(raw in "(\\PC|İ|ß|\\(|\\)|/| - |©|\n|A Message from |\\(Photographer: |https://)*") {
            let (_, removals) = super::super::clean::clean(&raw, &super::super::clean::CleanOptions::default());
            let fields = infer(&raw, &removals, Some("https://x"));
            let _ = resolve(Fields::default(), Fields::default(), fields, "id", &raw);
        }
    }
}
