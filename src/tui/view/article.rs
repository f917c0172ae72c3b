//! The one-article view: a header (outlet, title, date, authors, words, story, URL), then
//! the text wrapped at a readable measure and centred; `Q` lists its quotations.

use super::pane::{GONE, render_line};
use crate::present::{count, fit, one_line, quoted, width as columns};
use crate::tui::app::{App, ArticleView};
use crate::tui::geometry::{LIST_MAX_WIDTH, list_popup_size};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the view over the whole screen but the status bar.
pub fn draw(frame: &mut Frame<'_>, app: &App, view: &ArticleView) {
    let theme = &app.theme;
    let Some(entry) = app.articles.get(view.article) else {
        return;
    };
    let article = &entry.article;
    let screen = Rect::new(0, 0, app.size.0, app.size.1.saturating_sub(1));
    let position = app.articles.position(view.article).map_or(0, |p| p + 1);
    let lines = view.lines.len();
    let rows = usize::from(app.article_areas().1.height).max(1);
    let percent = if lines <= rows {
        100
    } else {
        (view.scroll + rows) * 100 / lines
    };
    let footer = format!(
        " article {position} of {} · {percent}% ",
        app.articles.len()
    );
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title_top(Line::styled(" Article ", theme.title))
        .title_bottom(Line::styled(footer, theme.dim));
    frame.render_widget(block, screen);
    let (header, text_area) = app.article_areas();
    let room = usize::from(header.width);
    let mut facts = vec![super::shown_date(article).to_string()];
    if !article.meta.authors.is_empty() {
        facts.push(format!("by {}", article.meta.authors.join(", ")));
    }
    facts.push(count(entry.words, "word"));
    facts.push(count(view.quotes.len(), "quotation"));
    if let Some(story) = app
        .sidebar
        .groups
        .iter()
        .find(|g| g.articles.contains(&view.article))
    {
        facts.push(format!("story: {}", one_line(&story.label)));
    }
    if entry.gone {
        facts.push(GONE.into());
    }
    let url = article.meta.url.as_deref().unwrap_or("no source URL");
    let head = vec![
        Line::styled(fit(&article.meta.outlet, room), theme.title),
        Line::styled(fit(&one_line(&article.meta.title), room), theme.text.bold()),
        Line::styled(fit(&facts.join(" · "), room), theme.dim),
        Line::styled(fit(url, room), theme.dim),
        Line::styled(
            "─".repeat(room.min(usize::from(text_area.width))),
            theme.border,
        ),
    ];
    frame.render_widget(Paragraph::new(head), header);
    let text = app.article_text();
    let shown: Vec<Line<'_>> = view
        .lines
        .iter()
        .skip(view.scroll)
        .take(rows)
        .map(|line| render_line(app, &app.ui.search.hits, text, line, 0))
        .collect();
    frame.render_widget(Paragraph::new(shown), text_area);
    if let Some(selected) = view.list {
        draw_quotes(frame, app, view, selected);
    }
}

/// The article's quotations with their speakers and how many other articles carry
/// each; row `selected` highlighted.
fn draw_quotes(frame: &mut Frame<'_>, app: &App, view: &ArticleView, selected: usize) {
    let theme = &app.theme;
    let area = frame.area();
    let inner = super::popup(
        frame,
        app,
        area,
        list_popup_size(area, LIST_MAX_WIDTH, view.quotes.len().max(1)),
        "Its quotations · Enter jumps · p opens the closest carrier · Esc closes",
    );
    if view.quotes.is_empty() {
        frame.render_widget(Paragraph::new(" no quotations in this article"), inner);
        return;
    }
    let text = app
        .articles
        .article(view.article)
        .map_or("", |a| a.clean.as_str());
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height).max(1);
    let first = selected.saturating_sub(rows - 1);
    let lines: Vec<Line<'_>> = view
        .quotes
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, quote)| {
            let carried = match app.carried(i) {
                None => "  …    ".to_string(),
                Some(c) if c.others == 0 => "  —    ".to_string(),
                Some(c) => format!(" +{:<2} ✓ ", c.others),
            };
            let speaker = quote.speaker.as_deref().unwrap_or("—");
            let head = format!(" {:>3} {carried}{:<18} ", i + 1, fit(speaker, 18));
            let words = text.get(quote.span.clone()).unwrap_or("");
            let body = fit(
                &quoted(&one_line(words)),
                width.saturating_sub(columns(&head)),
            );
            let shared = app.carried(i).is_some_and(|c| c.others > 0);
            let style = if shared {
                theme.quote_exact
            } else {
                theme.text
            };
            let line = Line::from(vec![Span::styled(head, style), Span::raw(body)]);
            if i == selected {
                line.style(theme.cursor)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
