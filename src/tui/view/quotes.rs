//! The list of the pair's shared quotes; Enter jumps to one.

use crate::compare::MatchKind;
use crate::present::layers::numbered_quotes;
use crate::present::{fit, marker_label, one_line, quoted, width as columns};
use crate::tui::app::App;
use crate::tui::geometry::{LIST_MAX_WIDTH, list_popup_size};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the quote list with row `selected` highlighted.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, selected: usize) {
    let theme = &app.theme;
    let rows = app.comparison().map_or(1, |c| c.shared_quotes.len().max(1));
    let inner = super::popup(
        frame,
        app,
        area,
        list_popup_size(area, LIST_MAX_WIDTH, rows),
        "Shared quotes · Enter jumps · Esc closes",
    );
    let Some(comparison) = app.comparison() else {
        frame.render_widget(Paragraph::new(" still comparing…"), inner);
        return;
    };
    if comparison.shared_quotes.is_empty() {
        frame.render_widget(Paragraph::new(" no shared quotes in this pair"), inner);
        return;
    }
    let text = app
        .article(crate::pair::Side::Left)
        .map_or("", |a| a.clean.as_str());
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).max(1);
    let first = selected.saturating_sub(rows - 1);
    let lines: Vec<Line<'_>> = numbered_quotes(comparison)
        .into_iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .filter_map(|(n, i)| {
            let quote = comparison.shared_quotes.get(i)?;
            let kind = match quote.kind {
                MatchKind::Exact => "exact  ",
                MatchKind::Near => "near   ",
                MatchKind::Partial => "partial",
            };
            let speaker = quote.speaker.as_deref().unwrap_or("—");
            // Where one article has the words as narration rather than a quotation.
            let narration = match (quote.quoted.left, quote.quoted.right) {
                (true, false) => " (R: narration)",
                (false, true) => " (L: narration)",
                _ => "",
            };
            let words = text.get(quote.spans.left.clone()).unwrap_or("");
            let head = format!(
                " {:<6} {kind} {:<18}{narration} ",
                marker_label(n + 1, quote.kind),
                fit(speaker, 18)
            );
            let body = fit(
                &quoted(&one_line(words)),
                width.saturating_sub(columns(&head)),
            );
            let line = Line::from(vec![
                Span::styled(head, theme.quote(quote.kind)),
                Span::raw(body),
            ]);
            Some(if n == selected {
                line.style(theme.cursor)
            } else {
                line
            })
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
