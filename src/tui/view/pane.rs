//! One article pane: header, then only the visible laid-out lines turned into spans.

use super::sidebar::SPINNER;
use super::text_area;
use crate::pair::Side;
use crate::tui::app::{App, Focus};
use crate::tui::layout::{PieceKind, VisualLine, display, fit, marker_label};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the pane of `side`.
pub fn draw(frame: &mut Frame<'_>, app: &App, side: Side, area: Rect) {
    let theme = &app.theme;
    let focused = app.focus == Focus::Pane(side);
    let Some(article) = app.article(side) else {
        frame.render_widget(Block::bordered().border_style(theme.border), area);
        return;
    };
    let letter = match side {
        Side::Left => "L",
        Side::Right => "R",
    };
    let room = usize::from(area.width.saturating_sub(8));
    let outlet = fit(&article.meta.outlet, room / 2);
    let title_room = room.saturating_sub(crate::tui::layout::width(&outlet) + 3);
    let title = Line::from(vec![
        Span::styled(format!(" {letter} "), theme.side_marker),
        Span::styled(outlet, theme.title),
        Span::raw(" — "),
        Span::raw(fit(&article.meta.title, title_room)),
        Span::raw(" "),
    ]);
    let room = usize::from(area.width.saturating_sub(2));
    let facts = |short: bool| {
        let words = app.words.get(app.shown[side]).copied().unwrap_or(0);
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
            None => facts.push(format!("{} comparing…", SPINNER[app.tick % SPINNER.len()])),
        }
        if app.raw {
            facts.push(format!("raw: {}B removed", article.removed_bytes()));
        }
        format!(" {} ", facts.join(" · "))
    };
    let long = facts(false);
    let footer_text = if crate::tui::layout::width(&long) <= room {
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
    let lines: Vec<Line<'_>> = app.panes[side]
        .iter()
        .skip(app.scroll[side])
        .take(usize::from(text_rect.height))
        .map(|line| render_line(app, side, text, line))
        .collect();
    frame.render_widget(Paragraph::new(lines), text_rect);
}

/// Turns one visual line into styled spans borrowing the article text.
fn render_line<'a>(app: &App, side: Side, text: &'a str, line: &VisualLine) -> Line<'a> {
    let theme = &app.theme;
    let current_hit = (app.search.side == Some(side))
        .then(|| app.search.current.and_then(|i| app.search.hits.get(i)))
        .flatten();
    let spans: Vec<Span<'a>> = line
        .pieces
        .iter()
        .map(|piece| match &piece.kind {
            PieceKind::Text(range) => {
                let is_current =
                    current_hit.is_some_and(|h| h.start <= range.start && range.end <= h.end);
                Span::styled(
                    display(text.get(range.clone()).unwrap_or("")),
                    theme.text_style(&piece.marks, is_current),
                )
            }
            PieceKind::Marker { number, kind } => {
                let style = if app.quote.map(|q| q + 1) == Some(*number) {
                    theme.quote_marker_current
                } else {
                    theme.quote_marker
                };
                Span::styled(marker_label(*number, *kind), style)
            }
            PieceKind::Hidden(count) => Span::styled(
                format!(
                    "⋯ {count} unchanged paragraph{}",
                    if *count == 1 { "" } else { "s" }
                ),
                theme.dim,
            ),
        })
        .collect();
    Line::from(spans)
}
