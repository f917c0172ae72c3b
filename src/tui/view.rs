//! Drawing: reads `&App`, never changes it. One file per widget under `view/`.

pub mod facts;
pub mod help;
pub mod matrix;
pub mod pane;
pub mod quotes;
pub mod sidebar;
pub mod status;
pub mod tracker;
pub mod warnings;

use super::app::{App, Popup};
use super::layout;
use crate::pair::Pair;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Smallest terminal the layout works in (columns, rows).
pub const MIN_SIZE: (u16, u16) = (60, 16);
/// Narrowest and widest sidebar, in columns.
const SIDEBAR_WIDTH: (u16, u16) = (20, 28);

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The article list, when shown.
    pub sidebar: Option<Rect>,
    /// The two panes.
    pub panes: Pair<Rect>,
    /// The status bar (last row).
    pub status: Rect,
}

/// Splits the screen: sidebar (a fifth of the width, within bounds), two equal panes, status bar.
#[must_use]
pub fn areas(area: Rect, sidebar: bool) -> Areas {
    let main_height = area.height.saturating_sub(1);
    let status = Rect::new(area.x, area.y + main_height, area.width, area.height.min(1));
    let side_width = if sidebar {
        (area.width / 5)
            .clamp(SIDEBAR_WIDTH.0, SIDEBAR_WIDTH.1)
            .min(area.width)
    } else {
        0
    };
    let rest = area.width - side_width;
    let left_width = rest / 2;
    let x = area.x + side_width;
    Areas {
        sidebar: sidebar.then(|| Rect::new(area.x, area.y, side_width, main_height)),
        panes: Pair::new(
            Rect::new(x, area.y, left_width, main_height),
            Rect::new(x + left_width, area.y, rest - left_width, main_height),
        ),
        status,
    }
}

/// The text area inside a pane: inside the border, one column of padding each side.
#[must_use]
pub fn text_area(pane: Rect) -> Rect {
    Rect::new(
        pane.x.saturating_add(2),
        pane.y.saturating_add(1),
        pane.width.saturating_sub(4),
        pane.height.saturating_sub(2),
    )
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        draw_too_small(frame, area);
        return;
    }
    let areas = areas(area, app.sidebar);
    if let Some(sidebar) = areas.sidebar {
        sidebar::draw(frame, app, sidebar);
    }
    for side in crate::pair::Side::BOTH {
        pane::draw(frame, app, side, areas.panes[side]);
    }
    status::draw(frame, app, areas.status);
    match app.popup {
        Some(Popup::Help(scroll)) => help::draw(frame, app, area, scroll),
        Some(Popup::Quotes(selected)) => quotes::draw(frame, app, area, selected),
        Some(Popup::Warnings(scroll)) => warnings::draw(frame, app, area, scroll),
        Some(Popup::Facts { selected, corpus }) => facts::draw(frame, app, area, selected, corpus),
        Some(Popup::Matrix { row, col }) => matrix::draw(frame, app, area, (row, col)),
        Some(Popup::Tracker { selected, detail }) => {
            tracker::draw(frame, app, area, selected, detail);
        }
        None => {}
    }
}

fn draw_too_small(frame: &mut Frame<'_>, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}×{} — need {}×{}",
            area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
        )),
        Line::from("q quits"),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        rect,
    );
}

/// An outlet's name in at most `max` columns: whole when it fits (without a leading
/// "The"), else its initials when it has several words, else cut.
#[must_use]
pub fn short_name(outlet: &str, max: usize) -> String {
    let name = outlet.strip_prefix("The ").unwrap_or(outlet).trim();
    if layout::width(name) <= max {
        return layout::display(name).into_owned();
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let short = if words.len() > 1 && layout::width(&initials) <= max {
        initials
    } else {
        name.chars()
            .scan(0, |used, c| {
                *used += layout::width(c.encode_utf8(&mut [0; 4]));
                (*used <= max).then_some(c)
            })
            .collect()
    };
    layout::display(&short).into_owned()
}

/// Widest a list popup gets unless it asks for more.
pub const LIST_MAX_WIDTH: u16 = 100;

/// Size of a list popup (shared quotes, warnings, facts) showing `rows` lines: at most
/// `max_width` wide, as tall as its rows and border need, leaving a margin of the
/// screen around it.
#[must_use]
pub fn list_popup_size(area: Rect, max_width: u16, rows: usize) -> (u16, u16) {
    let height = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX);
    (
        area.width.saturating_sub(8).min(max_width),
        area.height.saturating_sub(4).min(height),
    )
}

/// Draws a centered, cleared popup of at most `size` with a titled border; returns its inner area.
pub fn popup(frame: &mut Frame<'_>, app: &App, area: Rect, size: (u16, u16), title: &str) -> Rect {
    let width = size.0.min(area.width.saturating_sub(4));
    let height = size.1.min(area.height.saturating_sub(2));
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(format!(" {title} "), app.theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}
