//! The status bar: the reader's state first (lock, ignored differences, view flags),
//! then the message or the pair's counts, then the key hints that matter now, cut
//! from the right when the bar is narrow.

use super::sidebar::SPINNER;
use crate::present::{count, fit, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Popup, UNRELATED};
use crate::tui::ignore::short;
use crate::tui::keymap::primary_key;
use crate::tui::sidebar::{Prompt, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Hints for the current context, most important first: actions with a short label;
/// keys come from the keymap.
fn hints_for(app: &App) -> Vec<(Action, &'static str)> {
    if app.typing() {
        return vec![];
    }
    match app.article_view().filter(|_| app.ui.popup.is_none()) {
        Some(view) if view.list.is_some() => {
            return vec![
                (Action::Back, "close"),
                (Action::Select, "jump"),
                (Action::OpenCarriers, "pair with closest"),
            ];
        }
        Some(_) => {
            return vec![
                (Action::ToggleHelp, "help"),
                (Action::NextArticle, "next"),
                (Action::PrevArticle, "previous"),
                (Action::ToggleQuoteList, "quotes"),
                (Action::StartSearch, "search"),
                (Action::Back, "back to pair"),
            ];
        }
        None => {}
    }
    match (app.ui.popup, app.selection.focus) {
        (Some(Popup::Quotes(_)), _) => vec![(Action::Back, "close"), (Action::Select, "jump")],
        (Some(Popup::Matrix { .. }), _) => vec![
            (Action::Back, "close"),
            (Action::Select, "open pair"),
            (Action::MoveRight, "move"),
        ],
        (Some(Popup::Tracker { detail: None, .. }), _) => vec![
            (Action::Back, "close"),
            (Action::Select, "carriers"),
            (Action::OpenCarriers, "open two"),
        ],
        (Some(Popup::Tracker { .. }), _) => vec![
            (Action::Back, "back"),
            (Action::Select, "pick"),
            (Action::OpenCarriers, "open picks"),
        ],
        (Some(Popup::Facts { .. }), _) => vec![
            (Action::Back, "close"),
            (Action::Select, "show"),
            (Action::ToggleScope, "pair/all"),
        ],
        (Some(_), _) => vec![(Action::Back, "close"), (Action::ScrollDown, "scroll")],
        (None, Focus::Sidebar) => vec![
            (Action::ToggleHelp, "help"),
            (Action::Select, "show"),
            (Action::NextQuote, "quote"),
            (Action::FocusNext, "focus"),
            (Action::Quit, "quit"),
        ],
        (None, Focus::Pane(_)) => vec![
            (Action::ToggleHelp, "help"),
            (Action::NextQuote, "quote"),
            (Action::NextChange, "change"),
            (Action::StartSearch, "search"),
            (Action::ToggleLock, "lock"),
            (Action::Quit, "quit"),
        ],
    }
}

/// The reader's state in short forms: `locked ign:case,punct nowrap col 9 raw`.
#[must_use]
pub fn state(app: &App) -> String {
    let mut parts = vec![
        if app.panes.locked {
            "locked"
        } else {
            "unlocked"
        }
        .to_string(),
        short(&app.matching()),
    ];
    if !app.view.wrap {
        let column = app.panes.column[app.selection.active_side()];
        parts.push(format!("nowrap col {}", column + 1));
    }
    if app.view.only_changed {
        parts.push("changed-only".into());
    }
    if app.view.raw {
        parts.push("raw".into());
    }
    parts.join(" ")
}

/// What the middle of the bar says: the prompt, a message, or what the pair shares
/// (the outlets and similarity stand in the panes' borders).
fn summary(app: &App) -> String {
    match app.sidebar.prompt {
        Some(Prompt::Filter) => {
            return format!(
                "filter: {}▏ {} shown · Enter keeps · Esc clears",
                app.sidebar.filter,
                count(
                    app.sidebar_rows()
                        .iter()
                        .filter(|r| matches!(r, Row::Article(_)))
                        .count(),
                    "article"
                )
            );
        }
        Some(Prompt::Jump) => {
            return format!(
                ":{}▏ article 1–{} · Enter goes · Esc cancels",
                app.sidebar.jump,
                app.articles.len()
            );
        }
        None => {}
    }
    if let Some(export) = &app.ui.export {
        return if export.replace {
            format!("{} exists · Enter replaces it · Esc cancels", export.path)
        } else {
            format!("report: {}▏ Enter writes · Esc cancels", export.path)
        };
    }
    if app.ui.search.typing {
        return format!(
            "/{}▏ {} · Enter done · Esc cancel",
            app.ui.search.query,
            count(app.ui.search.hits.len(), "hit")
        );
    }
    if let Some(message) = &app.ui.message {
        return message.clone();
    }
    if let Some(loaded) = app.loading() {
        return format!(
            "{} loading… {}",
            SPINNER[app.ui.tick % SPINNER.len()],
            count(loaded, "article")
        );
    }
    if let Some(view) = app.article_view() {
        let carried = (0..view.quotes.len())
            .filter(|&i| app.carried(i).is_some_and(|c| c.others > 0))
            .count();
        return format!(
            "{} · {carried} carried by other articles",
            count(view.quotes.len(), "quotation")
        );
    }
    match app.comparison() {
        Some(_) if app.unrelated() => format!("⚠ {UNRELATED}"),
        Some(c) => format!(
            "{} · {}{}{}",
            count(c.shared_quotes.len(), "shared quote"),
            count(
                app.changed_words().map_or(0, |w| w.left + w.right),
                "changed word"
            ),
            match c.near_count().0 {
                0 => String::new(),
                near => format!(", {near} near"),
            },
            c.notices
                .first()
                .map(|n| format!(" · ⚠ {n}"))
                .unwrap_or_default()
        ),
        None => format!("{} comparing…", SPINNER[app.ui.tick % SPINNER.len()]),
    }
}

/// Draws the status bar: state, then the summary or message, then as many hints as fit.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let total = usize::from(area.width);
    let state = fit(&format!(" {} ", state(app)), total);
    let after_state = total.saturating_sub(width(&state));
    let summary = fit(&format!("│ {}  ", summary(app)), after_state);
    let mut room = after_state.saturating_sub(width(&summary));
    let mut spans = vec![Span::styled(state, theme.key), Span::raw(summary)];
    let mut hints = Vec::new();
    for (action, label) in hints_for(app) {
        let keys = primary_key(&app.keymap, &action);
        let label = format!(" {label}  ");
        let w = width(&keys) + width(&label);
        if w > room {
            break;
        }
        room -= w;
        hints.push(Span::styled(keys, theme.key));
        hints.push(Span::raw(label));
    }
    spans.push(Span::raw(" ".repeat(room)));
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
