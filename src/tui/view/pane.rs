//! One article pane: header, then only the visible laid-out lines turned into spans.

use super::sidebar::SPINNER;
use crate::pair::Side;
use crate::present::{display, fit, marker_label, width};
use crate::tui::app::{App, Focus};
use crate::tui::geometry::text_area;
use crate::tui::layout::{PieceKind, VisualLine};
use crate::tui::marks::Marks;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::ops::Range;

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
            article
                .meta
                .date
                .clone()
                .unwrap_or_else(|| "no date".into()),
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
    let lines: Vec<Line<'_>> = app.panes.lines[side]
        .iter()
        .skip(app.panes.scroll[side])
        .take(usize::from(text_rect.height))
        .map(|line| render_line(app, side, text, line))
        .collect();
    frame.render_widget(Paragraph::new(lines), text_rect);
}

/// Turns one visual line into styled spans borrowing the article text;
/// search hits are cut in here, so typing a query never re-lays out the pane.
fn render_line<'a>(app: &App, side: Side, text: &'a str, line: &VisualLine) -> Line<'a> {
    let theme = &app.theme;
    let hits: &[Range<usize>] = if app.ui.search.side == Some(side) {
        &app.ui.search.hits
    } else {
        &[]
    };
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
                format!(
                    "⋯ {count} unchanged paragraph{}",
                    if *count == 1 { "" } else { "s" }
                ),
                theme.dim,
            )),
        }
    }
    Line::from(spans)
}
