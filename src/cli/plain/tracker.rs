//! The plain `quotes` tracker.

use super::wrap::{Wrapped, wrap_into};
use super::{Paint, Painter};
use crate::cli::report::{OccurrenceText, QuotesReport};
use crate::compare::quotes::Status;
use crate::present::{
    CONFLICT, fit, one_line, quoted, status_label, status_mark, width as columns,
};
use crate::sanitize::inert;
use std::fmt::Write as _;

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
        wrap_into(&mut out, &names, width, "  ");
        out.push('\n');
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
        Wrapped::new(&mut out, width, "    ").words(
            painter,
            Some(Paint::Quote),
            &group.text,
            ("“", "”"),
            true,
        );
        out.push('\n');
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
        wrap_into(&mut out, &marks, width, "    ");
        out.push('\n');
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
