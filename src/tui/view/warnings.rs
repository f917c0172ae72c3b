//! Skipped files and loading warnings.

use crate::tui::app::App;
use crate::tui::geometry::{LIST_MAX_WIDTH, list_popup_size};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the warnings popup scrolled by `scroll` rows.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, scroll: usize) {
    let inner = super::popup(
        frame,
        app,
        area,
        // Lines wrap, so the popup takes the height it may.
        list_popup_size(area, LIST_MAX_WIDTH, usize::MAX),
        "Skipped files and warnings · Esc closes",
    );
    let mut lines: Vec<Line<'_>> = app
        .articles
        .skipped()
        .iter()
        .map(|s| Line::from(format!("skipped {}: {}", s.path, s.reason)))
        .collect();
    for article in app.articles.iter().map(|e| &e.article) {
        lines.extend(
            article
                .warnings
                .iter()
                .map(|w| Line::from(format!("{}: {w}", article.source))),
        );
    }
    if lines.is_empty() {
        lines.push(Line::from("nothing was skipped"));
    }
    let lines: Vec<Line<'_>> = lines
        .into_iter()
        .map(|l| Line::from(crate::present::display(&l.to_string()).into_owned()))
        .skip(scroll)
        .collect();
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
