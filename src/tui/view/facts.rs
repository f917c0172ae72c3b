//! The `f` list: disagreeing facts of the pair or the corpus, with the selected
//! row's sentences below.

use super::sidebar::SPINNER;
use crate::present::{display, fit, one_line, width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::articles::ArticleId;
use crate::tui::facts::{FactItem, FactKind};
use crate::tui::geometry::list_popup_size;
use crate::tui::keymap::primary_key;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Widest the popup gets.
const MAX_WIDTH: u16 = 110;
/// Rows kept for the selected row's sentences.
const DETAIL_ROWS: u16 = 8;
/// Columns of the kind label.
const KIND_COLUMN: usize = 7;

/// Draws the facts list with row `selected` highlighted.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, selected: usize, corpus: bool) {
    let theme = &app.theme;
    let scope = if corpus {
        app.scope_label(app.facts_key(true).scope)
    } else {
        let outlet = |side| app.article(side).map_or("", |a| a.meta.outlet.as_str());
        format!(
            "{} ↔ {}",
            outlet(crate::pair::Side::Left),
            outlet(crate::pair::Side::Right)
        )
    };
    let title = format!(
        "Facts · {scope} · {} pair/all · Enter shows · Esc closes",
        primary_key(&app.keymap, &Action::ToggleScope)
    );
    let items = app.fact_items(corpus);
    // Rows for the list and the sentences; at least a few lines.
    let rows = items.as_ref().map_or(1, Vec::len).max(3) + usize::from(DETAIL_ROWS);
    let inner = super::popup(
        frame,
        app,
        area,
        list_popup_size(area, MAX_WIDTH, rows),
        &title,
    );
    let Some(items) = items else {
        let spinner = SPINNER[app.ui.tick % SPINNER.len()];
        frame.render_widget(Paragraph::new(format!(" {spinner} finding facts…")), inner);
        return;
    };
    if items.is_empty() {
        let text = if corpus {
            " no disagreeing names or figures found"
        } else {
            " no disagreeing names or figures in this pair (a: all articles)"
        };
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    // The list takes the rows it needs, leaving the sentences at least DETAIL_ROWS.
    let detail_min = DETAIL_ROWS.min(inner.height / 2);
    let list_rows = u16::try_from(items.len())
        .unwrap_or(u16::MAX)
        .min(inner.height - detail_min);
    let detail = inner.height - list_rows;
    let list = Rect::new(inner.x, inner.y, inner.width, list_rows);
    let rows = usize::from(list.height).max(1);
    let first = selected.saturating_sub(rows - 1);
    let lines: Vec<Line<'_>> = items
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(n, item)| {
            let line = row(app, item, usize::from(list.width));
            if n == selected {
                line.style(theme.cursor)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(item) = items.get(selected) {
        let rect = Rect::new(
            inner.x + 1,
            list.y + list.height,
            inner.width.saturating_sub(1),
            detail,
        );
        frame.render_widget(
            Paragraph::new(sentences(app, item, usize::from(rect.width)))
                .wrap(Wrap { trim: false }),
            rect,
        );
    }
}

/// One row: kind, the differing words, the outlets (dim, at the end).
fn row<'a>(app: &App, item: &FactItem, room: usize) -> Line<'a> {
    let theme = &app.theme;
    let separator = match item.kind {
        FactKind::Name => " / ",
        FactKind::Value | FactKind::Object => " ≠ ",
        FactKind::Lone => "",
    };
    let kind = format!(" {:<KIND_COLUMN$} ", item.kind.label());
    let outlets = format!(" {}", outlets(app, &item.articles));
    let outlets = fit(&outlets, room / 3);
    let words_room = room.saturating_sub(width(&kind) + width(&outlets));
    let words = fit(&display(&item.words.join(separator)), words_room);
    let pad = words_room.saturating_sub(width(&words));
    Line::from(vec![
        Span::styled(kind, theme.key),
        Span::styled(words, theme.warning),
        Span::raw(" ".repeat(pad)),
        Span::styled(outlets, theme.dim),
    ])
}

/// Outlet names of `articles`, comma-separated.
fn outlets(app: &App, articles: &[ArticleId]) -> String {
    articles
        .iter()
        .filter_map(|&id| app.articles.article(id))
        .map(|a| a.meta.outlet.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The sentences of `item`, each after its outlet.
fn sentences<'a>(app: &App, item: &FactItem, room: usize) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled("─".repeat(room), app.theme.dim)];
    for place in &item.places {
        let Some(article) = app.articles.article(place.article) else {
            continue;
        };
        let sentence = article.clean.get(place.sentence.clone()).unwrap_or("");
        let sentence = one_line(sentence);
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}: ", display(&article.meta.outlet)),
                app.theme.title,
            ),
            Span::raw(display(&sentence).into_owned()),
        ]));
    }
    lines
}
