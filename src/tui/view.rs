//! Drawing: reads `&App`, never changes it. One file per widget under `view/`.

pub mod article;
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
use super::geometry::{self, MIN_SIZE};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        draw_too_small(frame, area);
        return;
    }
    let areas = geometry::areas_with(area, app.ui.sidebar, app.ui.sidebar_width);
    if let Some(view) = app.article_view() {
        article::draw(frame, app, view);
    } else {
        if let Some(sidebar) = areas.sidebar {
            sidebar::draw(frame, app, sidebar);
        }
        for side in crate::pair::Side::BOTH {
            pane::draw(frame, app, side, areas.panes[side]);
        }
    }
    status::draw(frame, app, areas.status);
    match app.ui.popup {
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

/// An article's date as the views show it ("no date" when it has none).
fn shown_date(article: &crate::corpus::Article) -> &str {
    article.meta.date.as_deref().unwrap_or("no date")
}

/// Draws a centered, cleared popup of at most `size` with a titled border; returns its inner area.
pub fn popup(frame: &mut Frame<'_>, app: &App, area: Rect, size: (u16, u16), title: &str) -> Rect {
    let rect = geometry::popup_rect(area, size);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(format!(" {title} "), app.theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}
