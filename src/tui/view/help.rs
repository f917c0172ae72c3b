//! The key help popup, generated from the keymap table.

use crate::tui::app::App;
use crate::tui::keymap::help_rows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the key column.
const KEY_COLUMN: usize = 12;

/// Width of one column of key rows.
const COLUMN_WIDTH: u16 = 60;

/// Draws the help popup scrolled by `scroll` rows; in two columns when one does not
/// fit the height and two fit the width.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, scroll: usize) {
    let rows = help_rows(&app.keymap);
    let tall = u16::try_from(rows.len() + 3).unwrap_or(u16::MAX);
    let columns: u16 = if tall > area.height.saturating_sub(2)
        && area.width.saturating_sub(4) >= 2 * COLUMN_WIDTH
    {
        2
    } else {
        1
    };
    let per_column = rows.len().div_ceil(usize::from(columns));
    let height = u16::try_from(per_column + 3).unwrap_or(u16::MAX);
    let inner = super::popup(
        frame,
        app,
        area,
        (COLUMN_WIDTH * columns, height),
        "Keys · j/k scroll · q/Esc close",
    );
    let mut lines: Vec<Line<'_>> = Vec::new();
    for n in 0..per_column {
        let mut spans = Vec::new();
        for column in 0..usize::from(columns) {
            let Some((keys, description)) = rows.get(column * per_column + n) else {
                continue;
            };
            let text = format!(
                "{description:<width$}",
                width = usize::from(COLUMN_WIDTH) - KEY_COLUMN - 3
            );
            spans.push(Span::styled(
                format!(" {keys:<KEY_COLUMN$} "),
                app.theme.key,
            ));
            spans.push(Span::raw(text));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        " Mouse: wheel scrolls the pane under it; click focuses; click an article twice to show it.",
        app.theme.dim,
    ));
    let max = lines.len().saturating_sub(usize::from(inner.height));
    frame.render_widget(
        Paragraph::new(lines).scroll((u16::try_from(scroll.min(max)).unwrap_or(0), 0)),
        inner,
    );
}
