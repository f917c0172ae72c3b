//! Human-readable output of the commands: fits 80 columns, colored only when allowed.

use super::report::{CompareReport, DiffText, ListReport, OccurrenceText, QuotesReport, SpanText};
use crate::compare::quotes::Status;
use crate::compare::{DiffTag, NearKind};
use crate::corpus::RemovalReason;
use crate::present::{
    CONFLICT, Hue, Palette, count, fit, one_line, quoted, status_label, status_mark,
    width as columns,
};
use crate::sanitize::inert;
use crossterm::style::{Attribute, Color, Stylize};
use std::fmt::Write as _;

/// Default width for wrapped plain output when stdout is not a terminal.
pub const DEFAULT_WIDTH: usize = 80;

/// Applies styles to plain output, or nothing when colors are off.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    /// The palette ANSI styles are written in; none when colors are off.
    pub palette: Option<&'static Palette>,
}

/// The meanings plain output gives a style to (colors from the [`Palette`]).
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
    /// A word both articles have, written differently.
    Near,
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
    /// The painter that writes no styles.
    pub const PLAIN: Self = Self { palette: None };

    /// Appends `text` to `out` as one heading line cut to `width` columns.
    pub fn heading_line(self, out: &mut String, text: &str, width: usize) {
        out.push_str(&self.paint(Paint::Heading, &fit(text, width)));
        out.push('\n');
    }

    /// `text` made inert and styled as `paint`.
    #[must_use]
    pub fn paint(self, paint: Paint, text: &str) -> String {
        let text = inert(text);
        let Some(palette) = self.palette else {
            return text.into_owned();
        };
        let styled = text.as_ref().stylize();
        match paint {
            Paint::Heading => styled.attribute(Attribute::Bold).to_string(),
            Paint::Dim => styled.with(color(palette.secondary)).to_string(),
            Paint::Deleted => styled
                .with(color(palette.deleted))
                .attribute(Attribute::CrossedOut)
                .to_string(),
            Paint::Inserted => styled
                .with(color(palette.inserted))
                .attribute(Attribute::Underlined)
                .to_string(),
            Paint::Near => styled.with(color(palette.near)).to_string(),
            Paint::Quote => styled.with(color(palette.quote)).to_string(),
            Paint::Heat(level) => {
                let ink = palette.heat[level.min(palette.heat.len() - 1)];
                match ink.bg {
                    Some(bg) => styled.with(color(ink.fg)).on(color(bg)).to_string(),
                    None => styled.with(color(ink.fg)).to_string(),
                }
            }
            Paint::Warning => styled.with(color(palette.warning)).to_string(),
            Paint::Alarm => styled
                .with(color(palette.alarm))
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

/// A piece of wrapped output: painted text, its unpainted width, and whether a
/// space stands before it (otherwise it is glued to the piece before).
type Piece = (String, usize, bool);

/// Words of `pieces` (each already painted, with its unpainted width) wrapped to `width`.
fn wrap(pieces: &[(String, usize)], width: usize, indent: &str) -> String {
    let glued: Vec<Piece> = pieces.iter().map(|(p, w)| (p.clone(), *w, true)).collect();
    wrap_pieces(&glued, width, indent)
}

/// [`Piece`]s wrapped to `width`: a line breaks at a space, or before a glued piece
/// that would not fit; a piece wider than a line stands alone on it (see
/// [`painted_words`], which cuts such words).
fn wrap_pieces(pieces: &[Piece], width: usize, indent: &str) -> String {
    let mut out = String::from(indent);
    let start = columns(indent);
    let mut col = start;
    for (piece, w, spaced) in pieces {
        let gap = usize::from(*spaced && col > start);
        if col > start && col + gap + w > width {
            out.push('\n');
            out.push_str(indent);
            col = start;
        } else if gap == 1 {
            out.push(' ');
            col += 1;
        }
        out.push_str(piece);
        col += w;
    }
    out
}

/// Splits `text` into words painted as `paint`, ready for [`wrap`]; `marks` open
/// the first word and close the last. Words wider than [`WORD_COLUMNS`] are cut into
/// pieces that fit.
fn painted_words(
    painter: Painter,
    paint: Option<Paint>,
    text: &str,
    marks: (&str, &str),
) -> Vec<(String, usize)> {
    marked_pieces(painter, paint, text, marks, true)
        .into_iter()
        .map(|(p, w, _)| (p, w))
        .collect()
}

/// Widest word plain output prints whole: longer ones (URLs) are cut into pieces of
/// this many columns so every line fits 80 columns with room for an indent.
pub const WORD_COLUMNS: usize = 60;

/// [`Piece`]s of `text` painted as `paint`, `marks` around them, the first one
/// `spaced` or glued to what comes before.
fn marked_pieces(
    painter: Painter,
    paint: Option<Paint>,
    text: &str,
    marks: (&str, &str),
    spaced: bool,
) -> Vec<Piece> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let shown = inert(word);
        if columns(&shown) <= WORD_COLUMNS {
            words.push(shown.into_owned());
        } else {
            words.extend(chunks(&shown, WORD_COLUMNS));
        }
    }
    let last = words.len().saturating_sub(1);
    words
        .into_iter()
        .enumerate()
        .map(|(i, word)| {
            let open = if i == 0 { marks.0 } else { "" };
            let close = if i == last { marks.1 } else { "" };
            let shown = if open.is_empty() && close.is_empty() {
                word
            } else {
                format!("{open}{word}{close}")
            };
            let width = columns(&shown);
            // Already inert: painting without colors would only copy it.
            let painted = match paint {
                Some(p) if painter.palette.is_some() => painter.paint(p, &shown),
                _ => shown,
            };
            (painted, width, i > 0 || spaced)
        })
        .collect()
}

/// `word` cut into pieces of at most `max` columns.
fn chunks(word: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = word.to_string();
    while columns(&rest) > max {
        let head = crate::present::cut(&rest, max);
        if head.is_empty() {
            break;
        }
        rest = rest[head.len()..].to_string();
        out.push(head);
    }
    out.push(rest);
    out
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

/// The `compare` report: the pair and its summary, shared quotes, then the diff.
#[must_use]
pub fn compare(report: &CompareReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
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
        let words = painted_words(painter, Some(Paint::Dim), notice, ("", ""));
        let _ = writeln!(out, "{}", wrap(&words, width, "  "));
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
            let mut words = painted_words(painter, Some(Paint::Quote), &side.span.text, marks);
            if !side.quoted {
                words.extend(painted_words(
                    painter,
                    Some(Paint::Dim),
                    "(narration)",
                    ("", ""),
                ));
            }
            let _ = writeln!(
                out,
                "  {label} {}",
                wrap(&words, width, "    ").trim_start()
            );
        }
    }
    out.push('\n');
    painter.heading_line(&mut out, DIFF_LEGEND, width);
    let mode = describe_ignored(&report.ignored);
    let _ = writeln!(out, "{}", painter.paint(Paint::Dim, &fit(&mode, width)));
    for group in diff_groups(report) {
        let _ = writeln!(
            out,
            "{}",
            wrap_pieces(&diff_pieces(painter, group), width, "")
        );
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

/// The pieces of a run of diff ops, with the articles' own punctuation: equal text
/// as is, `[-deleted-]`, `{+inserted+}`, `{~left→right~}` for a near word.
fn diff_pieces(painter: Painter, ops: &[DiffText]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    // Whether the text before the next piece ended in a space.
    let mut spaced = false;
    for op in ops {
        let left = op.left.as_ref().map_or("", |s| s.text.as_str());
        let right = op.right.as_ref().map_or("", |s| s.text.as_str());
        let (text, paint, marks) = match op.op {
            DiffTag::Equal => (left, None, ("", "")),
            DiffTag::Delete => (left, Some(Paint::Deleted), ("[-", "-]")),
            DiffTag::Insert => (right, Some(Paint::Inserted), ("{+", "+}")),
            DiffTag::Near => {
                let joined = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                let shown = format!("{{~{}→{}~}}", inert(&joined(left)), inert(&joined(right)));
                let width = columns(&shown);
                pieces.push((painter.paint(Paint::Near, &shown), width, spaced));
                spaced = left.ends_with(char::is_whitespace);
                continue;
            }
        };
        if text.trim().is_empty() {
            spaced |= !text.is_empty();
            continue;
        }
        let lead = text.starts_with(char::is_whitespace);
        pieces.extend(marked_pieces(painter, paint, text, marks, spaced || lead));
        spaced = text.ends_with(char::is_whitespace);
    }
    pieces
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
    let total = report.article_count();
    let title = format!(
        "Quote tracker · {total} articles · {} quotes carried by two or more",
        report.group_count()
    );
    painter.heading_line(&mut out, &title, width);
    // A large corpus gets neither the article list nor a mark per article: both
    // would grow with articles × quotes.
    let grid = total <= FULL_GRID_ARTICLES;
    if grid {
        let last = total.saturating_sub(1);
        let names: Vec<(String, usize)> = report
            .articles()
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
    if report.group_count() == 0 {
        let _ = writeln!(out, "\nNo quotation is carried by more than one article.");
    }
    for (n, group) in report.groups().enumerate() {
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
        let shown: Vec<(usize, Status)> = if grid {
            (1..=total).map(|i| (i, group.status(i))).collect()
        } else {
            group
                .occurrences
                .iter()
                .map(|o| (o.article, o.status))
                .collect()
        };
        let marks: Vec<(String, usize)> = shown
            .into_iter()
            .map(|(i, s)| {
                let mark = format!("{i}{}", status_mark(s));
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
        let _ = write!(line, " · {}", quoted(&one_line(&inert(&o.text))));
    }
    line
}

/// The diff ops cut into one group per aligned sentence pair (one group for a
/// linear diff), so the plain diff reads sentence by sentence.
pub(crate) fn diff_groups(report: &CompareReport) -> Vec<&[DiffText]> {
    if report.alignment.is_empty() {
        return vec![&report.diff[..]];
    }
    let starts_in = |op: Option<&SpanText>, sentence: Option<&SpanText>| {
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
    fn wrap_keeps_lines_within_width() {
        let words = painted_words(Painter::PLAIN, None, &"word ".repeat(40), ("", ""));
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
        let shown = list(&report, Painter::PLAIN, 80);
        assert!(!shown.contains('\x1b') && shown.contains("2024-03-01\u{FFFD}[2J"));
    }

    #[test]
    fn painter_without_color_writes_no_escape() {
        let p = Painter::PLAIN;
        assert_eq!(p.paint(Paint::Deleted, "gone\x1b[2J"), "gone\u{FFFD}[2J");
    }

    #[test]
    fn painter_colors_come_from_the_palette() {
        let p = Painter {
            palette: Some(&crate::present::PALETTE),
        };
        let quote = p.paint(Paint::Quote, "q");
        let expected = "q"
            .stylize()
            .with(color(crate::present::PALETTE.quote))
            .to_string();
        assert_eq!(quote, expected);
        let light = Painter {
            palette: Some(&crate::present::LIGHT_PALETTE),
        };
        let near = light.paint(Paint::Near, "n");
        let expected = "n"
            .stylize()
            .with(color(crate::present::LIGHT_PALETTE.near))
            .to_string();
        assert_eq!(near, expected);
        assert_ne!(near, p.paint(Paint::Near, "n"), "light and dark differ");
        let top = p.paint(Paint::Heat(crate::present::HEAT_LEVELS - 1), "x");
        assert!(
            top.contains("48;5;"),
            "the hottest cell has a background: {top:?}"
        );
    }
}
