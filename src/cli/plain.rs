//! Human-readable output of the commands: fits 80 columns, colored only when allowed.

mod paint;
mod pieces;
mod tracker;
mod wrap;

pub use paint::{Paint, Painter};
pub use pieces::WORD_COLUMNS;
pub use tracker::quotes;

use super::report::{CompareReport, DiffText, ListReport, SpanText};
use crate::compare::{DiffTag, NearKind};
use crate::corpus::RemovalReason;
use crate::present::{count, fit, width as columns};
use crate::sanitize::inert;
use std::fmt::Write as _;
use wrap::Wrapped;

/// Default width for wrapped plain output when stdout is not a terminal.
pub const DEFAULT_WIDTH: usize = 80;

/// The `list` table.
#[must_use]
pub fn list(report: &ListReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    let header = format!(
        "{:>3}  {:<16} {:<10} {:>6} {:>7}  {}",
        "#", "outlet", "date", "words", "removed", "title"
    );
    painter.heading_line(&mut out, &header, width);
    for a in &report.articles {
        let prefix = format!(
            "{:>3}  {:<16} {:<10} {:>6} {:>7}  ",
            a.index,
            fit(&inert(&a.outlet), 16),
            inert(a.date.as_deref().unwrap_or("-")),
            a.words,
            a.removed_bytes
        );
        let title = fit(
            &inert(&a.title),
            width.saturating_sub(columns(&prefix)).max(10),
        );
        let _ = writeln!(out, "{prefix}{title}");
        if let Some(removed) = &a.removed {
            for r in removed
                .iter()
                .filter(|r| r.reason != RemovalReason::Whitespace)
            {
                let reason = r.reason.label();
                let text = fit(
                    &inert(r.text.trim()).replace('\n', "⏎"),
                    width.saturating_sub(24).max(10),
                );
                let _ = writeln!(
                    out,
                    "       {} {}",
                    painter.paint(Paint::Dim, &format!("- {reason:<15}")),
                    text
                );
            }
        }
    }
    out
}

/// The `compare` report: the pair and its summary, shared quotes, then the diff.
#[must_use]
pub fn compare(report: &CompareReport<'_>, painter: Painter, width: usize) -> String {
    // The diff shows both texts, near enough.
    let mut out = String::with_capacity(report.left.text.len() + report.right.text.len());
    let pair = format!(
        "{} ↔ {}",
        report.left.article.outlet, report.right.article.outlet
    );
    painter.heading_line(&mut out, &pair, width);
    let mut summary = format!(
        "similarity {:.2}  ·  {}  ·  -{} +{} words",
        report.similarity,
        count(report.shared_quotes.len(), "shared quote"),
        report.deleted_words,
        report.inserted_words
    );
    if report.near > 0 {
        let _ = write!(summary, ", {} near", report.near);
    }
    let _ = writeln!(out, "{}", fit(&summary, width));
    for (label, side) in [("L", &report.left), ("R", &report.right)] {
        let title = fit(&inert(&side.article.title), width.saturating_sub(5));
        let _ = writeln!(out, "  {label}: {title}");
    }
    for notice in &report.notices {
        Wrapped::new(&mut out, width, "  ").words(
            painter,
            Some(Paint::Dim),
            notice,
            ("", ""),
            true,
        );
        out.push('\n');
    }
    if !report.shared_quotes.is_empty() {
        let _ = writeln!(out, "\n{}", painter.paint(Paint::Heading, "Shared quotes"));
    }
    for q in &report.shared_quotes {
        let kind = format!("{:?}", q.kind).to_lowercase();
        let speaker = q
            .speaker
            .as_deref()
            .map_or(String::new(), |s| format!(" · {s}"));
        let head = format!("[{}] {kind} {:.2}{speaker}", q.number, q.score);
        painter.heading_line(&mut out, &head, width);
        for (label, side) in [("L", &q.left), ("R", &q.right)] {
            // Narration (a transcript, an echo) is shown without quotation marks.
            let marks = if side.quoted {
                ("“", "”")
            } else {
                ("", "")
            };
            let _ = write!(out, "  {label} ");
            let mut wrapped = Wrapped::after(&mut out, width, "    ");
            wrapped.words(painter, Some(Paint::Quote), side.span.text, marks, true);
            if !side.quoted {
                wrapped.words(painter, Some(Paint::Dim), "(narration)", ("", ""), true);
            }
            out.push('\n');
        }
    }
    out.push('\n');
    painter.heading_line(&mut out, DIFF_LEGEND, width);
    let mode = describe_ignored(&report.ignored);
    let _ = writeln!(out, "{}", painter.paint(Paint::Dim, &fit(&mode, width)));
    for group in diff_groups(report) {
        diff_pieces(&mut Wrapped::new(&mut out, width, ""), painter, group);
        out.push('\n');
    }
    out
}

/// The legend of the plain diff's marks.
pub const DIFF_LEGEND: &str =
    "Diff  [-only left-] {+only right+} {~left→right~} written differently";

/// What the comparison ignores, for the line under [`DIFF_LEGEND`].
pub(crate) fn describe_ignored(ignored: &[NearKind]) -> String {
    let names: Vec<&str> = ignored
        .iter()
        .map(|k| match k {
            NearKind::QuoteStyle => "quote style",
            NearKind::Number => "number words",
            other => other.label(),
        })
        .collect();
    if names.is_empty() {
        "strict: every difference counts".to_string()
    } else {
        format!("ignoring {}", names.join(", "))
    }
}

/// Writes a run of diff ops into `wrapped`, with the articles' own punctuation: equal
/// text as is, `[-deleted-]`, `{+inserted+}`, `{~left→right~}` for a near word.
fn diff_pieces(wrapped: &mut Wrapped, painter: Painter, ops: &[DiffText<'_>]) {
    // Whether the text before the next piece ended in a space.
    let mut spaced = false;
    for op in ops {
        let left = op.left.as_ref().map_or("", |s| s.text);
        let right = op.right.as_ref().map_or("", |s| s.text);
        let (text, paint, marks) = match op.op {
            DiffTag::Equal => (left, None, ("", "")),
            DiffTag::Delete => (left, Some(Paint::Deleted), ("[-", "-]")),
            DiffTag::Insert => (right, Some(Paint::Inserted), ("{+", "+}")),
            DiffTag::Near => {
                let joined = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                let shown = format!("{{~{}→{}~}}", inert(&joined(left)), inert(&joined(right)));
                wrapped.piece(&painter.paint(Paint::Near, &shown), columns(&shown), spaced);
                spaced = left.ends_with(char::is_whitespace);
                continue;
            }
        };
        if text.trim().is_empty() {
            spaced |= !text.is_empty();
            continue;
        }
        let lead = text.starts_with(char::is_whitespace);
        wrapped.words(painter, paint, text, marks, spaced || lead);
        spaced = text.ends_with(char::is_whitespace);
    }
}

/// The diff ops cut into one group per aligned sentence pair (one group for a
/// linear diff), so the plain diff reads sentence by sentence.
pub(crate) fn diff_groups<'r, 't>(report: &'r CompareReport<'t>) -> Vec<&'r [DiffText<'t>]> {
    if report.alignment.is_empty() {
        return vec![&report.diff[..]];
    }
    let starts_in = |op: Option<&SpanText<&str>>, sentence: Option<&SpanText<&str>>| {
        op.zip(sentence).is_some_and(|(op, s)| {
            op.start < op.end && s.start <= op.start && op.start < s.end.max(s.start + 1)
        })
    };
    let mut groups = Vec::new();
    let (mut start, mut pair) = (0, 0);
    for (i, op) in report.diff.iter().enumerate() {
        while let Some(current) = report.alignment.get(pair) {
            if starts_in(op.left.as_ref(), current.left.as_ref())
                || starts_in(op.right.as_ref(), current.right.as_ref())
            {
                break;
            }
            pair += 1;
            if i > start {
                groups.push(&report.diff[start..i]);
                start = i;
            }
        }
    }
    groups.push(&report.diff[start..]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_date_from_front_matter_is_not_printed_raw() {
        let article = crate::corpus::Article {
            id: "a".into(),
            source: "a.md".into(),
            meta: crate::corpus::Meta {
                date: Some("2024-03-01\x1b[2J".into()),
                ..crate::corpus::Meta::default()
            },
            raw: "Text.".into(),
            clean: "Text.".into(),
            removals: Vec::new(),
            warnings: Vec::new(),
        };
        let report = ListReport {
            articles: vec![crate::cli::report::ArticleSummary::new(0, &article, false)],
            skipped: Vec::new(),
        };
        let shown = list(&report, Painter::PLAIN, 80);
        assert!(!shown.contains('\x1b') && shown.contains("2024-03-01\u{FFFD}[2J"));
    }
}
