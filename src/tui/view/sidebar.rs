//! The article list: story headers (label, count, folded or not); per article its
//! list index, outlet, title, date, words, L/R markers, similarity to the left article.

use crate::pair::Side;
use crate::present::{fit, width as columns};
use crate::tui::app::{App, Focus};
use crate::tui::articles::Entry;
use crate::tui::geometry::SidebarRows;
use crate::tui::sidebar::{Row, first_row};
use crate::tui::theme::Theme;
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

/// Draws the sidebar: story headers (with two or more stories) and articles, each
/// with its list index.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let focused = app.selection.focus == Focus::Sidebar;
    let rows = app.sidebar_rows();
    let shown = rows.iter().filter(|r| matches!(r, Row::Article(_))).count();
    let count = if app.sidebar.filter.is_empty() {
        app.articles.len().to_string()
    } else {
        format!("{shown}/{}", app.articles.len())
    };
    let stories = app.sidebar.groups.len();
    let title = [
        format!(" Articles ({count}) · {stories} stories "),
        format!(" {count} in {stories} stories "),
    ]
    .into_iter()
    .find(|t| stories > 1 && columns(t) + 2 <= usize::from(area.width))
    .unwrap_or_else(|| format!(" Articles ({count}) "));
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(Line::styled(title, theme.title));
    let layout = SidebarRows::new(area, app.articles.has_warnings());
    let inner = layout.inner;
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let digits = app.articles.len().max(1).to_string().len();
    let cursor = app.sidebar_cursor(&rows);
    let first = first_row(&rows, cursor, layout.list, app.sidebar.top.get());
    app.sidebar.top.set(Some(first));
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut used = 0u16;
    for (i, row) in rows.iter().enumerate().skip(first) {
        used = used.saturating_add(row.height());
        if used > layout.list {
            break;
        }
        let style = match (i == cursor, focused) {
            (true, true) => theme.cursor,
            (true, false) => theme.cursor_unfocused,
            (false, _) => Style::new(),
        };
        match *row {
            Row::Header {
                group,
                shown,
                total,
                collapsed,
            } => {
                let label = app
                    .sidebar
                    .groups
                    .get(group)
                    .map_or("", |g| g.label.as_str());
                lines.push(header(label, shown, total, collapsed, width, theme).style(style));
            }
            Row::Article(id) => {
                if let Some(entry) = app.articles.get(id) {
                    lines.extend(article(app, entry, digits, width).map(|l| l.style(style)));
                    if let Some(dim) = lines.last_mut() {
                        dim.style = style.patch(theme.dim);
                    }
                }
            }
        }
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

/// A story's header: fold mark, label, and its count (shown of all when filtered).
fn header<'a>(
    label: &str,
    shown: usize,
    total: usize,
    collapsed: bool,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let mark = if collapsed { "▸" } else { "▾" };
    let count = if shown == total {
        format!(" {total}")
    } else {
        format!(" {shown}/{total}")
    };
    let room = width.saturating_sub(2 + columns(&count));
    let label = fit(label, room);
    let pad = room.saturating_sub(columns(&label));
    Line::from(vec![
        Span::styled(format!("{mark} "), theme.title),
        Span::styled(label, theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.dim),
    ])
}

/// An article's three rows: marker, index and outlet (with its similarity to the left
/// article), title, date and words.
fn article<'a>(app: &App, entry: &Entry, digits: usize, width: usize) -> [Line<'a>; 3] {
    let theme = &app.theme;
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
    let index = app
        .articles
        .position(id)
        .map_or_else(String::new, |p| format!("{:>digits$} ", p + 1));
    let outlet_width =
        width.saturating_sub(INDENT + columns(&index) + 1 + similarity.chars().count());
    let outlet = fit(&article.meta.outlet, outlet_width);
    let pad = outlet_width.saturating_sub(columns(&outlet));
    let indent = " ".repeat(INDENT);
    let room = width.saturating_sub(INDENT);
    let date = super::shown_date(article);
    let words = entry.words;
    let gone = if entry.gone { " · removed" } else { "" };
    let long = format!("{date} · {words}w{gone}");
    let facts = if columns(&long) <= room {
        long
    } else {
        fit(&format!("{date} {words}w"), room)
    };
    [
        Line::from(vec![
            Span::styled(format!("{marker:<INDENT$}"), marker_style),
            Span::styled(index, theme.dim),
            Span::styled(outlet, theme.title),
            Span::raw(" ".repeat(pad)),
            Span::styled(similarity, theme.dim),
        ]),
        Line::from(format!("{indent}{}", fit(&article.meta.title, room))),
        Line::from(format!("{indent}{facts}")),
    ]
}
