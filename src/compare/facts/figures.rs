//! Figures read with their context (frame, unit, surrounding words), and the large
//! ones only one article states.

use super::context::{Analysed, is_content, shared_words};
use super::numbers::{Parsed, parse};
use super::{Amount, Figure, FigureKind};
use std::collections::HashMap;
use std::ops::Range;

/// Smallest value a figure only one article states must have to be listed
/// (money and counts alike), so the list stays to figures that matter.
pub const LARGE_FIGURE: f64 = 1000.0;
/// Words on each side of a figure that make up its close context.
const LOCAL_WINDOW: usize = 6;
/// Function words allowed between a figure and what it counts (`of their`).
const MAX_FRAME_WORDS: usize = 3;
/// Content words read as what a figure counts (`gross domestic product`).
const MAX_UNIT_WORDS: usize = 3;
/// Relative difference under which two values are equal.
const EQUAL_TOLERANCE: f64 = 1e-9;
/// Words before a figure that make it approximate (`about`, `more than`, `at least`).
const HEDGES: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "estimated",
    "least",
    "nearly",
    "over",
    "roughly",
    "some",
    "than",
    "under",
    "up",
];
/// Possessives and articles, one frame word for matching (`of their` = `of its`).
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "our", "the", "their", "your",
];

/// A figure with what it takes to judge it against another.
pub(super) struct Found<'d> {
    /// The public figure.
    pub figure: Figure,
    /// Function words between the figure and its unit, determiners folded.
    pub(super) frame: Vec<&'d str>,
    /// Content words of the unit.
    pub(super) unit: Vec<&'d str>,
    /// Content words of the sentence outside the figure and its unit.
    pub(super) context: Vec<&'d str>,
    /// Content words close to the figure, outside it and its unit.
    pub(super) local: Vec<&'d str>,
    /// Whether it is approximate.
    pub(super) hedged: bool,
}

/// Every figure in `docs`.
pub(super) fn collect<'d>(docs: &[Analysed<'d>]) -> Vec<Found<'d>> {
    let mut out = Vec::new();
    for (article, doc) in docs.iter().enumerate() {
        let mut i = 0;
        while i < doc.doc.tokens.len() {
            match parse(doc, i) {
                Some(parsed) => {
                    i = parsed.tokens.end;
                    out.extend(found(article, doc, parsed));
                }
                None => i += 1,
            }
        }
    }
    out
}

fn found<'d>(article: usize, doc: &Analysed<'d>, parsed: Parsed) -> Option<Found<'d>> {
    let sentence_tokens = doc.sentence_of(parsed.tokens.start);
    let sentence = doc.sentence_span(doc.token_sentence.get(parsed.tokens.start).copied()??);
    let mut j = parsed.tokens.end;
    let mut frame = Vec::new();
    let within = |j: usize| {
        let spaced = if j == parsed.tokens.end {
            let start = doc
                .doc
                .tokens
                .get(j)
                .map_or(parsed.span.end, |t| t.span.start);
            doc.doc
                .text
                .get(parsed.span.end..start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
        } else {
            doc.joined(j)
        };
        j < sentence_tokens.end && spaced
    };
    while within(j) && frame.len() < MAX_FRAME_WORDS && !is_content(doc.key(j)) {
        let key = doc.key(j);
        if key.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        frame.push(if DETERMINERS.contains(&key) {
            "the"
        } else {
            key
        });
        j += 1;
    }
    let unit_start = j;
    while within(j) && j - unit_start < MAX_UNIT_WORDS && is_content(doc.key(j)) {
        j += 1;
    }
    let unit_tokens = unit_start..j;
    if unit_tokens.is_empty() {
        frame.clear();
    }
    let unit: Vec<&str> = unit_tokens.clone().map(|t| doc.key(t)).collect();
    let skip = [parsed.tokens.clone(), unit_tokens.clone()];
    let local_range = parsed
        .tokens
        .start
        .saturating_sub(LOCAL_WINDOW)
        .max(sentence_tokens.start)
        ..(j + LOCAL_WINDOW).min(sentence_tokens.end);
    let span_of = |r: &Range<usize>| -> Option<Range<usize>> {
        let first = doc.doc.tokens.get(r.start)?;
        let last = doc.doc.tokens.get(r.end.checked_sub(1)?)?;
        Some(first.span.start..last.span.end)
    };
    let unit_span = if unit_tokens.is_empty() {
        None
    } else {
        span_of(&(parsed.tokens.end..unit_tokens.end))
    };
    Some(Found {
        figure: Figure {
            article,
            sentence,
            span: parsed.span,
            unit: unit_span,
            kind: parsed.kind,
            amount: parsed.amount,
            converted: parsed.converted,
        },
        frame,
        unit,
        context: doc.content_keys(sentence_tokens.clone(), &skip),
        local: doc.content_keys(local_range, &skip),
        hedged: hedged(doc, parsed.tokens.start, sentence_tokens.start),
    })
}

/// Whether a hedge word stands right before token `i` (or two before, as in `up to`).
fn hedged(doc: &Analysed<'_>, i: usize, sentence_start: usize) -> bool {
    let before = |n: usize| {
        i.checked_sub(n)
            .filter(|&t| t >= sentence_start)
            .map(|t| doc.key(t))
    };
    before(1).is_some_and(|k| HEDGES.contains(&k))
        || (before(1) == Some("to") && before(2) == Some("up"))
}

impl Found<'_> {
    /// Its value and the value of any conversion.
    pub(super) fn amounts(&self) -> impl Iterator<Item = &Amount> {
        std::iter::once(&self.figure.amount).chain(&self.figure.converted)
    }

    /// Whether `other` states the same number (in any of their amounts).
    pub(super) fn same_number(&self, other: &Found<'_>) -> bool {
        self.amounts()
            .any(|a| other.amounts().any(|b| equal_amounts(a, b)))
    }

    /// Whether both units name one thing: a shared word or an acronym (`GDP`).
    pub(super) fn same_unit(&self, other: &Found<'_>) -> bool {
        !shared_words(&self.unit, &other.unit).is_empty()
            || acronym_of(&self.unit, &other.unit)
            || acronym_of(&other.unit, &self.unit)
    }
}

pub(super) fn equal_amounts(a: &Amount, b: &Amount) -> bool {
    let currencies_agree = match (&a.currency, &b.currency) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    currencies_agree
        && (a.value - b.value).abs() <= EQUAL_TOLERANCE * a.value.abs().max(b.value.abs()).max(1.0)
}

/// Whether a one-word `short` unit is the initials of (part of) `long`.
pub(super) fn acronym_of(short: &[&str], long: &[&str]) -> bool {
    let [word] = short else {
        return false;
    };
    let initials: String = long.iter().filter_map(|w| w.chars().next()).collect();
    word.chars().count() > 1 && initials.contains(word)
}

/// Money amounts and counts of at least [`LARGE_FIGURE`] that no other article states,
/// each listed once (its first mention); none for a corpus of fewer than two articles.
pub(super) fn lone(found: &[Found<'_>], articles: usize) -> Vec<Figure> {
    if articles < 2 {
        return Vec::new();
    }
    let mut by_value: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        for amount in f.amounts() {
            by_value.entry(value_key(amount.value)).or_default().push(i);
        }
    }
    let mut out: Vec<Figure> = Vec::new();
    for f in found {
        let large = matches!(f.figure.kind, FigureKind::Money | FigureKind::Count)
            && f.figure.amount.value >= LARGE_FIGURE;
        if !large {
            continue;
        }
        let elsewhere = f
            .amounts()
            .filter_map(|a| by_value.get(&value_key(a.value)))
            .flatten()
            .filter_map(|&o| found.get(o))
            .any(|o| o.figure.article != f.figure.article && o.same_number(f));
        let listed = out
            .iter()
            .any(|o| o.article == f.figure.article && equal_amounts(&o.amount, &f.figure.amount));
        if !elsewhere && !listed {
            out.push(f.figure.clone());
        }
    }
    out
}

/// A bucket key equal for values [`equal_amounts`] may call equal (seven significant digits).
pub(super) fn value_key(value: f64) -> String {
    format!("{value:.6e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_match_initials_of_a_longer_unit() {
        assert!(acronym_of(&["gdp"], &["gross", "domestic", "product"]));
        assert!(acronym_of(
            &["gdp"],
            &["annual", "gross", "domestic", "product"]
        ));
        assert!(!acronym_of(&["budgets"], &["gross", "domestic", "product"]));
    }

    #[test]
    fn amounts_in_different_currencies_differ() {
        let a = Amount {
            value: 50.0,
            currency: Some("$".into()),
        };
        let b = Amount {
            value: 50.0,
            currency: Some("€".into()),
        };
        let c = Amount {
            value: 50.0,
            currency: None,
        };
        assert!(!equal_amounts(&a, &b) && equal_amounts(&a, &c));
    }
}
