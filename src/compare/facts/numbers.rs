//! Reading one figure at a word: `$126 billion`, `5%`, `2 percent`, `Feb. 12`,
//! `2014`, `Five`, and a conversion in parentheses (`€50 billion ($51.9 billion)`).

use super::context::Analysed;
use super::{Amount, FigureKind};
use std::ops::Range;

/// Words that multiply the number before them.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];

/// Currency names written after the number, with their signs.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "$"),
    ("usd", "$"),
    ("euros", "€"),
    ("eur", "€"),
    ("pounds", "£"),
    ("rubles", "₽"),
    ("roubles", "₽"),
    ("hryvnias", "₴"),
    ("yen", "¥"),
];

/// Month names and abbreviations (match keys), January first.
const MONTHS: &[&[&str]] = &[
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// Earliest and latest number read as a calendar year.
const YEARS: (f64, f64) = (1800.0, 2100.0);

/// A figure read at a word.
pub(super) struct Parsed {
    /// What it counts.
    pub kind: FigureKind,
    /// Value and currency.
    pub amount: Amount,
    /// A conversion in parentheses.
    pub converted: Option<Amount>,
    /// Tokens the figure covers (number, multiplier, `percent`, currency word, conversion).
    pub tokens: Range<usize>,
    /// Byte span of the figure.
    pub span: Range<usize>,
}

/// The figure starting at token `i`, if any.
pub(super) fn parse(doc: &Analysed<'_>, i: usize) -> Option<Parsed> {
    let first = parse_plain(doc, i)?;
    if first.kind != FigureKind::Money {
        return Some(first);
    }
    let j = first.tokens.end;
    let converted = (doc.gap_before(j).trim() == "(")
        .then(|| parse_plain(doc, j))
        .flatten()
        .filter(|c| c.kind == FigureKind::Money);
    let Some(conversion) = converted else {
        return Some(first);
    };
    let close = doc
        .doc
        .text
        .get(conversion.span.end..)
        .and_then(|rest| rest.starts_with(')').then_some(conversion.span.end + 1))
        .unwrap_or(conversion.span.end);
    Some(Parsed {
        converted: Some(conversion.amount),
        tokens: first.tokens.start..conversion.tokens.end,
        span: first.span.start..close,
        ..first
    })
}

/// A figure without a conversion.
fn parse_plain(doc: &Analysed<'_>, i: usize) -> Option<Parsed> {
    let word = doc.word(i);
    let (mut currency, mut value, mut percent) =
        read_number(word).or_else(|| number_word(doc, i).map(|v| (None, v, false)))?;
    if in_time_or_ratio(doc, i) {
        return None;
    }
    let mut j = i + 1;
    let next = |j: usize| (j < doc.doc.tokens.len() && doc.joined(j)).then(|| doc.key(j));
    let mut multiplied = false;
    if let Some(&(_, m)) = next(j).and_then(|k| MULTIPLIERS.iter().find(|(w, _)| *w == k)) {
        value *= m;
        multiplied = true;
        j += 1;
    }
    if !percent && next(j) == Some("percent") {
        percent = true;
        j += 1;
    } else if !percent && next(j) == Some("per") && next(j + 1) == Some("cent") {
        percent = true;
        j += 2;
    }
    if currency.is_none()
        && let Some(&(_, sign)) = next(j).and_then(|k| CURRENCY_WORDS.iter().find(|(w, _)| *w == k))
    {
        currency = Some(sign.to_string());
        j += 1;
    }
    let integer = value.fract() == 0.0 && !word.contains('.');
    let month = month_before(doc, i);
    let kind = if currency.is_some() {
        FigureKind::Money
    } else if percent {
        FigureKind::Percent
    } else if let (Some(m), true) = (month, integer && (1.0..=31.0).contains(&value)) {
        value += 100.0 * m;
        FigureKind::Date
    } else if integer && !multiplied && word.len() == 4 && (YEARS.0..=YEARS.1).contains(&value) {
        FigureKind::Year
    } else if integer && labelled(doc, i) {
        return None;
    } else {
        FigureKind::Count
    };
    let start = doc.doc.tokens.get(i)?.span.start;
    let end = doc.doc.tokens.get(j - 1)?.span.end;
    Some(Parsed {
        kind,
        amount: Amount { value, currency },
        converted: None,
        tokens: i..j,
        span: start..end,
    })
}

/// Currency sign, value and percent sign of a numeral (`$1,200.5`, `4.7%`).
fn read_number(word: &str) -> Option<(Option<String>, f64, bool)> {
    let first = word.chars().next()?;
    let (currency, rest) = if first.is_ascii_digit() {
        (None, word)
    } else {
        (Some(first.to_string()), word.get(first.len_utf8()..)?)
    };
    let (digits, percent) = match rest.strip_suffix('%') {
        Some(d) => (d, true),
        None => (rest, false),
    };
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !digits.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    Some((currency, value, percent))
}

/// The value of a spelled-out number (`Five`), from its match key.
fn number_word(doc: &Analysed<'_>, i: usize) -> Option<f64> {
    let (word, key) = (doc.word(i), doc.key(i));
    if !word.chars().all(char::is_alphabetic) || !key.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    key.parse().ok()
}

/// Whether the number is part of a time, ratio or date written with `:` or `/`.
fn in_time_or_ratio(doc: &Analysed<'_>, i: usize) -> bool {
    let Some(span) = doc.doc.tokens.get(i).map(|t| t.span.clone()) else {
        return false;
    };
    let text = doc.doc.text;
    let before = text.get(..span.start).and_then(|t| t.chars().next_back());
    let after = text.get(span.end..).and_then(|t| t.chars().next());
    [before, after]
        .into_iter()
        .flatten()
        .any(|c| matches!(c, ':' | '/'))
}

/// The month (1–12) named right before token `i` (`Feb. 12`, `June 24`).
fn month_before(doc: &Analysed<'_>, i: usize) -> Option<f64> {
    let prev = i.checked_sub(1)?;
    if doc.sentence_of(i).start > prev || !matches!(doc.gap_before(i).trim(), "" | ".") {
        return None;
    }
    let key = doc.key(prev);
    let month = MONTHS.iter().position(|names| names.contains(&key))?;
    Some((month + 1) as f64)
}

/// Whether a capitalized word right before the number makes it a label
/// (`Article 5`, `Boeing 737`) rather than a count.
fn labelled(doc: &Analysed<'_>, i: usize) -> bool {
    i > 0
        && doc.joined(i)
        && !doc.starts_clause(i - 1)
        && doc
            .word(i - 1)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Document;
    use crate::text::MatchOptions;

    fn figures(text: &str) -> Vec<(FigureKind, f64, Option<String>, String)> {
        let doc = Document::new(text, &MatchOptions::default());
        let a = Analysed::new(&doc);
        let mut out = Vec::new();
        let mut i = 0;
        while i < doc.tokens.len() {
            match parse(&a, i) {
                Some(p) => {
                    out.push((
                        p.kind,
                        p.amount.value,
                        p.amount.currency,
                        text[p.span].to_string(),
                    ));
                    i = p.tokens.end;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn money_with_multipliers_and_conversions() {
        let found = figures("Allies gave €50 billion ($51.9 billion) and $126 billion in aid.");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, FigureKind::Money);
        assert_eq!(found[0].3, "€50 billion ($51.9 billion)");
        assert!((found[0].1 - 50e9).abs() < 1.0);
        assert_eq!(found[1].3, "$126 billion");
        assert_eq!(found[1].2.as_deref(), Some("$"));
    }

    #[test]
    fn percentages_years_dates_and_counts() {
        let found = figures("On Feb. 12, 2025 it spent 2.7% and 2 percent; 57 states met.");
        let kinds: Vec<(FigureKind, f64)> = found.iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(
            kinds,
            [
                (FigureKind::Date, 212.0),
                (FigureKind::Year, 2025.0),
                (FigureKind::Percent, 2.7),
                (FigureKind::Percent, 2.0),
                (FigureKind::Count, 57.0),
            ]
        );
    }

    #[test]
    fn spelled_numbers_count_and_labels_do_not() {
        let found = figures("Under Article 5 the Five allies wait for nearly three years.");
        let values: Vec<f64> = found.iter().map(|f| f.1).collect();
        assert_eq!(values, [5.0, 3.0]);
        assert_eq!(found[0].3, "Five");
    }

    #[test]
    fn times_and_ratios_are_not_figures() {
        assert!(figures("At 0:00 the score was 3/4.").is_empty());
    }

    #[test]
    fn currency_words_make_money() {
        let found = figures("It cost 300 million euros.");
        assert_eq!(found[0].0, FigureKind::Money);
        assert_eq!(found[0].2.as_deref(), Some("€"));
        assert_eq!(found[0].3, "300 million euros");
    }
}
