//! The marks both front ends draw: how an outlet carries a quote, shared-quote
//! markers, wire-copy marks, and the one similarity heat scale.

use crate::compare::MatchKind;
use crate::compare::matrix::reuse::Verdict;
use crate::compare::quotes::Status;

/// The mark of how an article carries a quote: `●` exact, `◐` variant or partial,
/// `○` paraphrase (no quotation marks), `·` absent.
#[must_use]
pub const fn status_mark(status: Status) -> char {
    match status {
        Status::Exact => '●',
        Status::Variant | Status::Partial => '◐',
        Status::Paraphrase => '○',
        Status::Absent => '·',
    }
}

/// The word for a carriage status.
#[must_use]
pub const fn status_label(status: Status) -> &'static str {
    match status {
        Status::Exact => "exact",
        Status::Variant => "variant",
        Status::Partial => "partial",
        Status::Paraphrase => "paraphrase",
        Status::Absent => "absent",
    }
}

/// Mark of a quote that outlets credit to different speakers.
pub const CONFLICT: char = '⚠';

/// The marker of shared quote `number`: `[3]` exact, `[3~]` near, `[3…]` partial.
#[must_use]
pub fn marker_label(number: usize, kind: MatchKind) -> String {
    match kind {
        MatchKind::Exact => format!("[{number}]"),
        MatchKind::Near => format!("[{number}~]"),
        MatchKind::Partial => format!("[{number}…]"),
    }
}

/// `text` between curly quotation marks.
#[must_use]
pub fn quoted(text: &str) -> String {
    format!("“{text}”")
}

/// A quote as shared: `“…” — Speaker, Outlet, date, URL`, leaving out what is
/// unknown (the reader's `y`, the reports' quote lists).
#[must_use]
pub fn citation(text: &str, source: &Source) -> String {
    format!("{} — {}", quoted(text.trim()), source.credit())
}

/// Who said a quote and where it was published, for a [`citation`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Source<'a> {
    /// Whom the article credits.
    pub speaker: Option<&'a str>,
    /// The outlet.
    pub outlet: &'a str,
    /// The publication date.
    pub date: Option<&'a str>,
    /// The article's URL.
    pub url: Option<&'a str>,
}

impl Source<'_> {
    /// `Speaker, Outlet, date, URL`, leaving out what is unknown.
    #[must_use]
    pub fn credit(&self) -> String {
        let parts: Vec<&str> = [self.speaker, Some(self.outlet), self.date, self.url]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        parts.join(", ")
    }
}

/// The mark of a pair's wire-copy verdict: `*` derived, `+` partly derived, else a space.
#[must_use]
pub const fn reuse_mark(verdict: Option<Verdict>) -> char {
    match verdict {
        Some(Verdict::Derived) => '*',
        Some(Verdict::PartlyDerived) => '+',
        Some(Verdict::Independent) | None => ' ',
    }
}

/// Shades of the similarity heat scale.
pub const HEAT_LEVELS: usize = 5;

/// Similarity at which each shade above the lowest starts: blank for different
/// stories (below [`crate::compare::similarity::UNRELATED_BELOW`]), then shared
/// topic, one event, heavy overlap, and copies of one text.
pub const HEAT_BOUNDS: [f64; HEAT_LEVELS - 1] =
    [crate::compare::similarity::UNRELATED_BELOW, 0.2, 0.4, 0.7];

/// A character per shade, for output without colors.
pub const HEAT_SHADES: [char; HEAT_LEVELS] = [' ', '░', '▒', '▓', '█'];

/// The shade of a similarity, `0..HEAT_LEVELS`.
#[must_use]
pub fn heat_level(similarity: f64) -> usize {
    HEAT_BOUNDS.iter().filter(|&&b| similarity >= b).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_levels_follow_the_bounds() {
        let levels: Vec<usize> = [0.0, 0.04, 0.05, 0.1, 0.2, 0.3, 0.4, 0.69, 0.7, 1.0]
            .into_iter()
            .map(heat_level)
            .collect();
        assert_eq!(levels, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    }

    #[test]
    fn a_citation_names_what_is_known() {
        let source = Source {
            speaker: Some("Hegseth"),
            outlet: "AP",
            date: Some("2025-02-12"),
            url: None,
        };
        assert_eq!(
            citation(" not a goal ", &source),
            "“not a goal” — Hegseth, AP, 2025-02-12"
        );
        let source = Source {
            outlet: "AP",
            url: Some("https://a.b/c"),
            ..Source::default()
        };
        assert_eq!(citation("x", &source), "“x” — AP, https://a.b/c");
    }

    #[test]
    fn markers_tell_the_match_kind() {
        assert_eq!(marker_label(3, MatchKind::Exact), "[3]");
        assert_eq!(marker_label(3, MatchKind::Near), "[3~]");
        assert_eq!(marker_label(12, MatchKind::Partial), "[12…]");
    }
}
