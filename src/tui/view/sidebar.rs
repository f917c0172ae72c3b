//! The article list: outlet, title, date, words, L/R markers, similarity to the left article.

use crate::pair::Side;
use crate::present::{fit, width as columns};
use crate::tui::app::{App, Focus};
use crate::tui::geometry::SidebarRows;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Columns before the title and date rows (and taken by the L/R marker).
const INDENT: usize = 2;
/// Spinner frames shown while a comparison is computing.
pub const SPINNER: [char; 4] = ['◐', '◓', '◑', '◒'];

/// Draws the sidebar.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let focused = app.selection.focus == Focus::Sidebar;
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(
            format!(" Articles ({}) ", app.corpus.articles.len()),
            theme.title,
        ));
    let rows = SidebarRows::new(area, app.has_warnings());
    let inner = rows.inner;
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let visible = rows.visible();
    let first = rows.first(app.selection.cursor);
    for (index, article) in app
        .corpus
        .articles
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
    {
        let marker = Side::BOTH
            .into_iter()
            .filter(|s| app.selection.shown[*s] == index)
            .map(|s| match s {
                Side::Left => "L",
                Side::Right => "R",
            })
            .collect::<String>();
        let similarity = if index == app.selection.shown.left {
            String::new()
        } else if let Some(s) = app.similarity_to_left(index) {
            format!("{:>3.0}%", s * 100.0)
        } else if app.computing(index) {
            SPINNER[app.ui.tick % SPINNER.len()].to_string()
        } else {
            String::new()
        };
        let row_style = match (index == app.selection.cursor, focused) {
            (true, true) => theme.cursor,
            (true, false) => theme.cursor_unfocused,
            (false, _) => Style::new(),
        };
        let outlet_width = width.saturating_sub(INDENT + 1 + similarity.chars().count());
        let outlet = fit(&article.meta.outlet, outlet_width);
        let pad = outlet_width.saturating_sub(columns(&outlet));
        lines.push(
            Line::from(vec![
                Span::styled(format!("{marker:<INDENT$}"), theme.side_marker),
                Span::styled(outlet, theme.title),
                Span::raw(" ".repeat(pad)),
                Span::styled(similarity, theme.dim),
            ])
            .style(row_style),
        );
        let indent = " ".repeat(INDENT);
        let room = width.saturating_sub(INDENT);
        lines.push(
            Line::from(format!("{indent}{}", fit(&article.meta.title, room))).style(row_style),
        );
        let date = article.meta.date.as_deref().unwrap_or("no date");
        let words = app.words.get(index).copied().unwrap_or(0);
        let long = format!("{date} · {words}w");
        let facts = if columns(&long) <= room {
            long
        } else {
            fit(&format!("{date} {words}w"), room)
        };
        lines.push(Line::from(format!("{indent}{facts}")).style(row_style.patch(theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if app.has_warnings() {
        let warnings: usize = app.corpus.articles.iter().map(|a| a.warnings.len()).sum();
        let mut note = format!("⚠ {} skipped", app.corpus.skipped.len());
        if warnings > 0 {
            note.push_str(&format!(", {warnings} warnings"));
        }
        note.push_str(" · W");
        let row = Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        );
        frame.render_widget(
            Paragraph::new(Line::styled(fit(&note, width), theme.warning)),
            row,
        );
    }
}
