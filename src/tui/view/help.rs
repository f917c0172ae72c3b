//! The key help popup, generated from the keymap table.

use crate::tui::app::App;
use crate::tui::keymap::help_rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the key column.
const KEY_COLUMN: usize = 12;

/// Draws the help popup scrolled by `scroll` rows.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, scroll: usize) {
    let rows = help_rows(&app.keymap);
    let height = u16::try_from(rows.len() + 3).unwrap_or(u16::MAX);
    let (block, rect) = super::popup(
        frame,
        app,
        area,
        (60, height),
        "Keys · j/k scroll · Esc closes",
    );
    let mut lines: Vec<Line<'_>> = rows
        .into_iter()
        .map(|(keys, description)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<KEY_COLUMN$} "), app.theme.key),
                Span::raw(description),
            ])
        })
        .collect();
    lines.push(Line::styled(
        " Mouse: wheel scrolls the pane under it; click focuses; click an article twice to show it.",
        app.theme.dim,
    ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll.min(max)).unwrap_or(0), 0)),
        inner,
    );
}
