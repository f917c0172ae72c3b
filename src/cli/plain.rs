//! Human-readable output of the commands: fits 80 columns, colored only when allowed.

use super::report::{CompareReport, DiffText, ListReport, OccurrenceText, QuotesReport, SpanText};
use crate::compare::DiffTag;
use crate::compare::quotes::Status;
use crate::corpus::RemovalReason;
use crate::present::{
    CONFLICT, Hue, PALETTE, fit, quoted, status_label, status_mark, width as columns,
};
use crate::sanitize::inert;
use crossterm::style::{Attribute, Color, Stylize};
use std::fmt::Write as _;

/// Default width for wrapped plain output when stdout is not a terminal.
pub const DEFAULT_WIDTH: usize = 80;

/// Applies styles to plain output, or nothing when colors are off.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    /// Whether ANSI styles are written.
    pub color: bool,
}

/// The meanings plain output gives a style to (colors from [`PALETTE`]).
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    /// Headings and labels.
    Heading,
    /// Secondary information.
    Dim,
    /// Words only in the left article.
    Deleted,
    /// Words only in the right article.
    Inserted,
    /// Quoted words.
    Quote,
    /// A cell of the similarity heat map at this level of [`crate::present::heat_level`].
    Heat(usize),
    /// Text partly derived from another article.
    Warning,
    /// Text derived from another article.
    Alarm,
}

impl Painter {
    /// Appends `text` to `out` as one heading line cut to `width` columns.
    pub fn heading_line(self, out: &mut String, text: &str, width: usize) {
        out.push_str(&self.paint(Paint::Heading, &fit(text, width)));
        out.push('\n');
    }

    /// `text` made inert and styled as `paint`.
    #[must_use]
    pub fn paint(self, paint: Paint, text: &str) -> String {
        let text = inert(text);
        if !self.color {
            return text.into_owned();
        }
        let styled = text.as_ref().stylize();
        match paint {
            Paint::Heading => styled.attribute(Attribute::Bold).to_string(),
            Paint::Dim => styled.with(color(PALETTE.secondary)).to_string(),
            Paint::Deleted => styled
                .with(color(PALETTE.deleted))
                .attribute(Attribute::CrossedOut)
                .to_string(),
            Paint::Inserted => styled
                .with(color(PALETTE.inserted))
                .attribute(Attribute::Underlined)
                .to_string(),
            Paint::Quote => styled.with(color(PALETTE.quote)).to_string(),
            Paint::Heat(level) => {
                let ink = PALETTE.heat[level.min(PALETTE.heat.len() - 1)];
                match ink.bg {
                    Some(bg) => styled.with(color(ink.fg)).on(color(bg)).to_string(),
                    None => styled.with(color(ink.fg)).to_string(),
                }
            }
            Paint::Warning => styled.with(color(PALETTE.warning)).to_string(),
            Paint::Alarm => styled
                .with(color(PALETTE.alarm))
                .attribute(Attribute::Bold)
                .to_string(),
        }
    }
}

/// The terminal color of a palette hue.
const fn color(hue: Hue) -> Color {
    match hue {
        Hue::Black => Color::Black,
        Hue::Red => Color::DarkRed,
        Hue::Green => Color::DarkGreen,
        Hue::Yellow => Color::DarkYellow,
        Hue::Blue => Color::DarkBlue,
        Hue::Magenta => Color::DarkMagenta,
        Hue::Cyan => Color::DarkCyan,
        Hue::White => Color::Grey,
        Hue::DarkGray => Color::DarkGrey,
        Hue::LightRed => Color::Red,
    }
}

/// Words of `pieces` (each already painted, with its unpainted width) wrapped to `width`.
fn wrap(pieces: &[(String, usize)], width: usize, indent: &str) -> String {
    let mut out = String::from(indent);
    let start = columns(indent);
    let mut col = start;
    for (piece, w) in pieces {
        if col > start && col + 1 + w > width {
            out.push('\n');
            out.push_str(indent);
            col = start;
        } else if col > start {
            out.push(' ');
            col += 1;
        }
        out.push_str(piece);
        col += w;
    }
    out
}

/// Splits `text` into words painted as `paint`, ready for [`wrap`].
fn painted_words(
    painter: Painter,
    paint: Option<Paint>,
    text: &str,
    marks: (&str, &str),
) -> Vec<(String, usize)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let open = if i == 0 { marks.0 } else { "" };
            let close = if i == last { marks.1 } else { "" };
            let shown = format!("{open}{}{close}", inert(word));
            let width = columns(&shown);
            let painted = match paint {
                Some(p) => painter.paint(p, &shown),
                None => shown,
            };
            (painted, width)
        })
        .collect()
}

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

/// The `compare` report: summary, shared quotes, then the diff.
#[must_use]
pub fn compare(report: &CompareReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    let summary = format!(
        "{} ↔ {}  ·  similarity {:.2}  ·  {} shared quotes  ·  -{} +{} words",
        report.left.outlet,
        report.right.outlet,
        report.similarity,
        report.shared_quotes.len(),
        report.deleted_words,
        report.inserted_words
    );
    let _ = writeln!(out, "{}", painter.paint(Paint::Heading, &summary));
    let _ = writeln!(
        out,
        "  L: {}",
        fit(&inert(&report.left.title), width.saturating_sub(5))
    );
    let _ = writeln!(
        out,
        "  R: {}",
        fit(&inert(&report.right.title), width.saturating_sub(5))
    );
    for notice in &report.notices {
        let _ = writeln!(out, "  {}", painter.paint(Paint::Dim, notice));
    }
    if !report.shared_quotes.is_empty() {
        let _ = writeln!(out, "\n{}", painter.paint(Paint::Heading, "Shared quotes"));
    }
    for (n, q) in report.shared_quotes.iter().enumerate() {
        let kind = format!("{:?}", q.kind).to_lowercase();
        let speaker = q
            .speaker
            .as_deref()
            .map_or(String::new(), |s| format!(" · {s}"));
        let head = format!("[{}] {kind} {:.2}{speaker}", n + 1, q.score);
        let _ = writeln!(out, "{}", painter.paint(Paint::Heading, &head));
        for (label, span) in [("L", &q.left), ("R", &q.right)] {
            let words = painted_words(painter, Some(Paint::Quote), &span.text, ("“", "”"));
            let _ = writeln!(
                out,
                "  {label} {}",
                wrap(&words, width, "    ").trim_start()
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        painter.paint(Paint::Heading, "Diff  ([-only left-] {+only right+})")
    );
    for group in diff_groups(report) {
        let mut pieces = Vec::new();
        for op in group {
            let (paint, marks) = match op.op {
                DiffTag::Equal => (None, ("", "")),
                DiffTag::Delete => (Some(Paint::Deleted), ("[-", "-]")),
                DiffTag::Insert => (Some(Paint::Inserted), ("{+", "+}")),
            };
            pieces.extend(painted_words(painter, paint, &op.text, marks));
        }
        let _ = writeln!(out, "{}", wrap(&pieces, width, ""));
    }
    out
}

/// Most articles for which the tracker lists every article and marks each one per
/// quote; above it only each quote's carriers are marked.
const FULL_GRID_ARTICLES: usize = 60;

/// The legend printed once above the tracker.
fn tracker_legend() -> String {
    format!(
        "{} exact  {} variant or partial  {} paraphrase (no quote marks)  {} absent",
        status_mark(Status::Exact),
        status_mark(Status::Variant),
        status_mark(Status::Paraphrase),
        status_mark(Status::Absent)
    )
}

/// The `quotes` tracker: articles and legend, then per group a header (carriers,
/// speaker, ⚠ when outlets credit different speakers), the quote, a row of outlet marks
/// and a line for each outlet that does not carry it exactly.
#[must_use]
pub fn quotes(report: &QuotesReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    let total = report.articles.len();
    let title = format!(
        "Quote tracker · {total} articles · {} quotes carried by two or more",
        report.groups.len()
    );
    painter.heading_line(&mut out, &title, width);
    // A large corpus gets neither the article list nor a mark per article: both
    // would grow with articles × quotes.
    let grid = total <= FULL_GRID_ARTICLES;
    if grid {
        let last = total.saturating_sub(1);
        let names: Vec<(String, usize)> = report
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let comma = if i < last { "," } else { "" };
                let name = format!("{} {}{comma}", a.index, fit(&inert(&a.outlet), 24));
                let w = columns(&name);
                (name, w)
            })
            .collect();
        let _ = writeln!(out, "{}", wrap(&names, width, "  "));
    } else {
        let note = "articles are numbered as in `crosscheck list`; only carriers are marked";
        let _ = writeln!(out, "  {}", fit(note, width.saturating_sub(2)));
    }
    let _ = writeln!(
        out,
        "  {}",
        painter.paint(Paint::Dim, &fit(&tracker_legend(), width.saturating_sub(2)))
    );
    if report.groups.is_empty() {
        let _ = writeln!(out, "\nNo quotation is carried by more than one article.");
    }
    for (n, group) in report.groups.iter().enumerate() {
        let _ = writeln!(out);
        let who = if group.conflict {
            let credits: Vec<String> = group
                .speakers
                .iter()
                .map(|c| {
                    let list: Vec<String> = c.articles.iter().map(ToString::to_string).collect();
                    format!("{} ({})", c.speaker, list.join(", "))
                })
                .collect();
            format!(" · {CONFLICT} credited to {}", credits.join(" / "))
        } else {
            group
                .speaker
                .as_deref()
                .map_or(String::new(), |s| format!(" · {s}"))
        };
        let head = format!("[{}] {} of {total} outlets{who}", n + 1, group.carriers);
        painter.heading_line(&mut out, &head, width);
        let words = painted_words(painter, Some(Paint::Quote), &group.text, ("“", "”"));
        let _ = writeln!(out, "{}", wrap(&words, width, "    "));
        let marks: Vec<(String, usize)> = group
            .statuses
            .iter()
            .enumerate()
            .filter(|&(_, s)| grid || *s != Status::Absent)
            .map(|(i, s)| {
                let mark = format!("{}{}", i + 1, status_mark(*s));
                let w = columns(&mark);
                (mark, w)
            })
            .collect();
        let _ = writeln!(out, "{}", wrap(&marks, width, "    "));
        for o in group
            .occurrences
            .iter()
            .filter(|o| o.status != Status::Exact)
        {
            let _ = writeln!(
                out,
                "{}",
                painter.paint(Paint::Dim, &fit(&occurrence_line(o), width))
            );
        }
    }
    out
}

/// One outlet's carriage: status, share and the differing words (or its words when
/// it carries only part of the quote).
fn occurrence_line(o: &OccurrenceText) -> String {
    let status = status_label(o.status);
    let percent = (o.score * 100.0).round();
    let mut line = format!(
        "    {} {}: {status} {percent:.0}%",
        o.article,
        inert(&o.outlet)
    );
    let shown = |w: &str| {
        if w.is_empty() {
            "∅".to_string()
        } else {
            inert(w).into_owned()
        }
    };
    if !o.differences.is_empty() {
        let list: Vec<String> = o
            .differences
            .iter()
            .map(|d| format!("{} → {}", shown(&d.left), shown(&d.right)))
            .collect();
        let _ = write!(line, " · {}", list.join(", "));
    }
    if o.status != Status::Variant {
        let text = inert(&o.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(line, " · {}", quoted(&text));
    }
    line
}

/// The diff ops cut into one group per aligned sentence pair (one group for a
/// linear diff), so the plain diff reads sentence by sentence.
fn diff_groups(report: &CompareReport) -> Vec<&[DiffText]> {
    if report.alignment.is_empty() {
        return vec![&report.diff[..]];
    }
    let within = |range: &std::ops::Range<usize>, span: Option<&SpanText>| {
        span.is_some_and(|s| !range.is_empty() && (s.start..s.end).contains(&range.start))
    };
    let mut groups = Vec::new();
    let (mut start, mut pair) = (0, 0);
    for (i, op) in report.diff.iter().enumerate() {
        while let Some(current) = report.alignment.get(pair) {
            if within(&op.left, current.left.as_ref()) || within(&op.right, current.right.as_ref())
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
    fn wrap_keeps_lines_within_width() {
        let words = painted_words(
            Painter { color: false },
            None,
            &"word ".repeat(40),
            ("", ""),
        );
        assert!(wrap(&words, 30, "  ").lines().all(|l| columns(l) <= 30));
    }

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
        let shown = list(&report, Painter { color: false }, 80);
        assert!(!shown.contains('\x1b') && shown.contains("2024-03-01\u{FFFD}[2J"));
    }

    #[test]
    fn painter_without_color_writes_no_escape() {
        let p = Painter { color: false };
        assert_eq!(p.paint(Paint::Deleted, "gone\x1b[2J"), "gone\u{FFFD}[2J");
    }

    #[test]
    fn painter_colors_come_from_the_palette() {
        let p = Painter { color: true };
        let quote = p.paint(Paint::Quote, "q");
        let expected = "q".stylize().with(color(PALETTE.quote)).to_string();
        assert_eq!(quote, expected);
        let top = p.paint(Paint::Heat(crate::present::HEAT_LEVELS - 1), "x");
        assert!(
            top.contains("48;5;"),
            "the hottest cell has a background: {top:?}"
        );
    }
}
