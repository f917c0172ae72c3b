//! Where things are on the screen: the sidebar, the two panes and the status bar,
//! a pane's text area, popup sizes, and which article a sidebar row shows. Both the
//! app (scrolling, the mouse) and the views (drawing) read it.

use crate::pair::Pair;
use ratatui::layout::Rect;
use ratatui::widgets::Block;

/// Smallest terminal the layout works in (columns, rows).
pub const MIN_SIZE: (u16, u16) = (60, 16);
/// Narrowest and widest sidebar, in columns (a narrow terminal gives it less, see [`areas`]).
const SIDEBAR_WIDTH: (u16, u16) = (24, 48);
/// Rows each article takes in the sidebar.
pub const ITEM_HEIGHT: u16 = 3;
/// Widest a list popup gets unless it asks for more.
pub const LIST_MAX_WIDTH: u16 = 100;

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

/// Splits the screen: sidebar (a fifth of the width, within bounds, and never more
/// than three tenths of it), two equal panes, status bar.
#[must_use]
pub fn areas(area: Rect, sidebar: bool) -> Areas {
    areas_with(area, sidebar, None)
}

/// [`areas`] with the sidebar `width` a config asks for (still at most three tenths
/// of the screen).
#[must_use]
pub fn areas_with(area: Rect, sidebar: bool, width: Option<u16>) -> Areas {
    let main_height = area.height.saturating_sub(1);
    let status = Rect::new(area.x, area.y + main_height, area.width, area.height.min(1));
    let side_width = if sidebar {
        width
            .unwrap_or_else(|| (area.width / 5).clamp(SIDEBAR_WIDTH.0, SIDEBAR_WIDTH.1))
            .min(area.width * 3 / 10)
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

/// The gutter of a pane: the column left of its text, inside the border, where the
/// current change and moved sentences are marked.
#[must_use]
pub fn gutter(pane: Rect) -> Rect {
    let text = text_area(pane);
    Rect::new(
        text.x.saturating_sub(1),
        text.y,
        text.width.min(1),
        text.height,
    )
}

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

/// A popup of at most `size`, centered in `area` with a margin around it.
#[must_use]
pub fn popup_rect(area: Rect, size: (u16, u16)) -> Rect {
    let width = size.0.min(area.width.saturating_sub(4));
    let height = size.1.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The inside of the sidebar: the rows of its article list, and the last row kept for
/// the skipped-files note when there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SidebarRows {
    /// Inside the border.
    pub inner: Rect,
    /// Rows for the list, from the top of `inner`.
    pub list: u16,
}

impl SidebarRows {
    /// The rows of the sidebar drawn in `area`; `note` keeps the last row for the note.
    #[must_use]
    pub fn new(area: Rect, note: bool) -> Self {
        let inner = Block::bordered().inner(area);
        Self {
            inner,
            list: inner.height.saturating_sub(u16::from(note)),
        }
    }
}

/// Columns the one-article view wraps its text at (centred on wider screens).
pub const MEASURE: u16 = 88;
/// Rows of the one-article view's header: outlet, title, facts, URL, a rule.
pub const ARTICLE_HEADER: u16 = 5;

/// The one-article view's header and text areas inside `screen` (the screen above
/// the status bar): a bordered block, the text at most [`MEASURE`] wide, centred.
#[must_use]
pub fn article_areas(screen: Rect) -> (Rect, Rect) {
    let inner = Rect::new(
        screen.x + 1,
        screen.y + 1,
        screen.width.saturating_sub(2),
        screen.height.saturating_sub(2),
    );
    let width = inner.width.saturating_sub(2).min(MEASURE);
    let x = inner.x + (inner.width - width) / 2;
    let header = ARTICLE_HEADER.min(inner.height);
    (
        Rect::new(x, inner.y, width, header),
        Rect::new(x, inner.y + header, width, inner.height - header),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidebar_grows_with_the_terminal_within_bounds() {
        let width = |w: u16| areas(Rect::new(0, 0, w, 30), true).sidebar.map(|r| r.width);
        assert_eq!(width(60), Some(18), "three tenths of a narrow terminal");
        assert_eq!(width(80), Some(24));
        assert_eq!(width(160), Some(32), "a fifth");
        assert_eq!(width(300), Some(48));
        assert_eq!(areas(Rect::new(0, 0, 80, 30), false).sidebar, None);
    }
}
