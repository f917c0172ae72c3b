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
use std::fmt::Write as _;

/// Columns before the title and date rows (and taken by the L/R marker).
const INDENT: usize = 2;
/// The mark of an article opened in this session (dim, where L/R would stand).
pub const READ: &str = "✓";
/// Spinner frames shown while a comparison is computing.
pub const SPINNER: [char; 4] = ['◐', '◓', '◑', '◒'];

/// Draws the sidebar.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let focused = app.selection.focus == Focus::Sidebar;
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(
            format!(" Articles ({}) ", app.articles.len()),
            theme.title,
        ));
    let rows = SidebarRows::new(area, app.articles.has_warnings());
    let inner = rows.inner;
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line<'_>> = Vec::new();
    let visible = rows.visible();
    let cursor = app.articles.position(app.selection.cursor).unwrap_or(0);
    for entry in app.articles.iter().skip(rows.first(cursor)).take(visible) {
        let (id, article) = (entry.id, &entry.article);
        let marker = Side::BOTH
            .into_iter()
            .filter(|s| app.selection.shown[*s] == id)
            .map(|s| match s {
                Side::Left => "L",
                Side::Right => "R",
            })
            .collect::<String>();
        let (marker, marker_style) = if marker.is_empty() && app.selection.read.contains(&id) {
            (READ.to_string(), theme.dim)
        } else {
            (marker, theme.side_marker)
        };
        let similarity = if id == app.selection.shown.left {
            String::new()
        } else if let Some(s) = app.similarity_to_left(id) {
            format!("{:>3.0}%", s * 100.0)
        } else if app.computing(id) {
            SPINNER[app.ui.tick % SPINNER.len()].to_string()
        } else {
            String::new()
        };
        let row_style = match (id == app.selection.cursor, focused) {
            (true, true) => theme.cursor,
            (true, false) => theme.cursor_unfocused,
            (false, _) => Style::new(),
        };
        let outlet_width = width.saturating_sub(INDENT + 1 + similarity.chars().count());
        let outlet = fit(&article.meta.outlet, outlet_width);
        let pad = outlet_width.saturating_sub(columns(&outlet));
        lines.push(
            Line::from(vec![
                Span::styled(format!("{marker:<INDENT$}"), marker_style),
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
        let words = entry.words;
        let gone = if entry.gone { " · removed" } else { "" };
        let long = format!("{date} · {words}w{gone}");
        let facts = if columns(&long) <= room {
            long
        } else {
            fit(&format!("{date} {words}w"), room)
        };
        lines.push(Line::from(format!("{indent}{facts}")).style(row_style.patch(theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if app.articles.has_warnings() {
        let warnings = app.articles.warnings();
        let mut note = format!("⚠ {} skipped", app.articles.skipped().len());
        if warnings > 0 {
            let _ = write!(note, ", {warnings} warnings");
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
