//! One article pane: header, then only the visible laid-out lines turned into spans
//! (scrolled sideways when lines are not wrapped), and the gutter left of them that
//! marks the current change or quote and the sentences that moved.

use super::sidebar::SPINNER;
use crate::pair::Side;
use crate::present::count as count_of;
use crate::present::layers::Marks;
use crate::present::{display, fit, marker_label, width};
use crate::tui::app::{App, Focus};
use crate::tui::geometry::{gutter, text_area};
use crate::tui::layout::{PieceKind, VisualLine};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::ops::Range;

/// The note on an article whose file was removed while it is shown.
pub const GONE: &str = "(removed from disk)";

/// Draws the pane of `side`.
pub fn draw(frame: &mut Frame<'_>, app: &App, side: Side, area: Rect) {
    let theme = &app.theme;
    let focused = app.selection.focus == Focus::Pane(side);
    let Some(entry) = app.entry(side) else {
        frame.render_widget(Block::bordered().border_style(theme.border), area);
        return;
    };
    let article = &entry.article;
    let letter = match side {
        Side::Left => "L",
        Side::Right => "R",
    };
    let room = usize::from(area.width.saturating_sub(8));
    let outlet = fit(&article.meta.outlet, room / 2);
    let title_room = room.saturating_sub(width(&outlet) + 3);
    let title = Line::from(vec![
        Span::styled(format!(" {letter} "), theme.side_marker),
        Span::styled(outlet, theme.title),
        Span::raw(" — "),
        Span::raw(fit(&article.meta.title, title_room)),
        Span::raw(" "),
    ]);
    let room = usize::from(area.width.saturating_sub(2));
    let facts = |short: bool| {
        let words = entry.words;
        let mut facts = vec![
            super::shown_date(article).to_string(),
            if short {
                format!("{words}w")
            } else {
                format!("{words} words")
            },
        ];
        match app.comparison() {
            Some(c) if short => facts.push(format!("{:.0}%", c.similarity * 100.0)),
            Some(c) => facts.push(format!("{:.0}% similar", c.similarity * 100.0)),
            None => facts.push(format!(
                "{} comparing…",
                SPINNER[app.ui.tick % SPINNER.len()]
            )),
        }
        if app.view.raw {
            facts.push(format!("raw: {}B removed", article.removed_bytes()));
        }
        if entry.gone {
            facts.insert(0, GONE.into());
        }
        format!(" {} ", facts.join(" · "))
    };
    let long = facts(false);
    let footer_text = if width(&long) <= room {
        long
    } else {
        facts(true)
    };
    let footer = Line::styled(fit(&footer_text, room), theme.dim);
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title_top(title)
        .title_bottom(footer);
    frame.render_widget(block, area);
    let text_rect = text_area(area);
    let text = app.text(side);
    let (first, rows) = (app.panes.scroll[side], usize::from(text_rect.height));
    let column = app.panes.column[side];
    let visible = app.panes.lines[side].iter().skip(first).take(rows);
    let hatch = usize::from(text_rect.width) + column;
    let lines: Vec<Line<'_>> = visible
        .clone()
        .map(|line| render_line(app, hits(app, side), text, line, hatch))
        .collect();
    let scroll = (0, u16::try_from(column).unwrap_or(u16::MAX));
    frame.render_widget(Paragraph::new(lines).scroll(scroll), text_rect);
    let target = app.marked_rows(side);
    let moved = app.moved_spans(side);
    let marks: Vec<Line<'_>> = visible
        .enumerate()
        .map(|(i, line)| {
            let row = first + i;
            match &target {
                Some(rows) if rows.start == row => Line::styled("▶", theme.gutter_target),
                Some(rows) if rows.contains(&row) => Line::styled("▎", theme.gutter_target),
                _ if moved.iter().any(|span| shows(line, span)) => Line::styled("↕", theme.moved),
                _ => Line::raw(""),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(marks), gutter(area));
}

/// Whether `line` shows some of the text in `span`.
fn shows(line: &VisualLine, span: &Range<usize>) -> bool {
    line.pieces.iter().any(|p| match &p.kind {
        PieceKind::Text(r) => r.start < span.end && span.start < r.end,
        _ => false,
    })
}

/// The search hits shown in the pane of `side`.
fn hits(app: &App, side: Side) -> &[Range<usize>] {
    if app.ui.search.side == Some(side) {
        &app.ui.search.hits
    } else {
        &[]
    }
}

/// Turns one visual line into styled spans borrowing the article text; search
/// `hits` are cut in here, so typing a query never re-lays out the pane.
#[must_use]
pub fn render_line<'a>(
    app: &App,
    hits: &[Range<usize>],
    text: &'a str,
    line: &VisualLine,
    hatch: usize,
) -> Line<'a> {
    let theme = &app.theme;
    let mut spans: Vec<Span<'a>> = Vec::new();
    for piece in &line.pieces {
        match &piece.kind {
            PieceKind::Text(range) => {
                let slice = |r: Range<usize>| display(text.get(r).unwrap_or(""));
                let mut pos = range.start;
                let first = hits.partition_point(|h| h.end <= range.start);
                for (index, hit) in hits.iter().enumerate().skip(first) {
                    if hit.start >= range.end {
                        break;
                    }
                    if hit.start > pos {
                        spans.push(Span::styled(
                            slice(pos..hit.start),
                            theme.text_style(&piece.marks, false),
                        ));
                    }
                    let end = hit.end.min(range.end);
                    let marks = Marks {
                        hit: true,
                        ..piece.marks
                    };
                    let current = app.ui.search.current == Some(index);
                    spans.push(Span::styled(
                        slice(pos.max(hit.start)..end),
                        theme.text_style(&marks, current),
                    ));
                    pos = end;
                }
                if pos < range.end {
                    spans.push(Span::styled(
                        slice(pos..range.end),
                        theme.text_style(&piece.marks, false),
                    ));
                }
            }
            PieceKind::Marker { number, kind } => {
                let style = if app.selection.quote.map(|q| q + 1) == Some(*number) {
                    theme.quote_marker_current
                } else {
                    theme.quote_marker
                };
                spans.push(Span::styled(marker_label(*number, *kind), style));
            }
            PieceKind::Hidden(count) => spans.push(Span::styled(
                format!("⋯ {}", count_of(*count, "unchanged sentence")),
                theme.dim,
            )),
            PieceKind::Filler => spans.push(Span::styled("╱".repeat(hatch), theme.filler)),
        }
    }
    Line::from(spans)
}
