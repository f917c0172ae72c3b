//! The status bar: pair, counts, mode, and the key hints that matter now.

use super::sidebar::SPINNER;
use crate::pair::Side;
use crate::present::{count, fit, width};
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Popup};
use crate::tui::ignore::describe;
use crate::tui::keymap::primary_key;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Share of the bar's width the hints may take, in percent.
const HINTS_SHARE: usize = 45;

/// Hints for the current context, most important first: actions with a short label;
/// keys come from the keymap.
fn hints(app: &App) -> Vec<(Action, &'static str)> {
    if app.ui.search.typing {
        return vec![];
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

/// What the left part of the bar says.
fn summary(app: &App) -> String {
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
    let outlet = |side| app.article(side).map_or("", |a| a.meta.outlet.as_str());
    let mode = [
        if app.panes.locked { "locked" } else { "free" },
        if app.view.wrap { "" } else { "nowrap" },
        if app.view.raw { "raw" } else { "" },
        if app.view.only_changed {
            "changed-only"
        } else {
            ""
        },
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    let counts = match app.comparison() {
        Some(c) => format!(
            "{:.0}% · {} · {}{}{}",
            c.similarity * 100.0,
            count(c.shared_quotes.len(), "quote"),
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
    };
    format!(
        "{} ↔ {} · {counts} · {mode} · {}",
        outlet(Side::Left),
        outlet(Side::Right),
        describe(&app.matching())
    )
}

/// Draws the status bar.
pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let total = usize::from(area.width);
    let mut hint_spans = Vec::new();
    let mut hints_width = 0;
    for (action, label) in hints(app) {
        let keys = primary_key(&app.keymap, &action);
        let label = format!(" {label}  ");
        let w = width(&keys) + width(&label);
        if (hints_width + w) * 100 > total * HINTS_SHARE {
            break;
        }
        hints_width += w;
        hint_spans.push(Span::styled(keys, theme.key));
        hint_spans.push(Span::raw(label));
    }
    let summary_width = total - hints_width;
    let summary = fit(
        &format!(" {}", summary(app)),
        summary_width.saturating_sub(1),
    );
    let pad = summary_width.saturating_sub(width(&summary));
    let mut spans = vec![Span::raw(summary), Span::raw(" ".repeat(pad))];
    spans.extend(hint_spans);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}
