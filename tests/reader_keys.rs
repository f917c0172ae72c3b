//! Reader keys and scrolling: picking and swapping articles, locked scrolling, raw
//! view, ignore modes, wrapping, the mouse, focus, resizing, closing popups.

#![allow(clippy::unwrap_used)]

#[path = "support/harbor.rs"]
mod harbor;
#[path = "support/reader.rs"]
mod reader;

use crosscheck::pair::Side;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::{Effect, Focus, Popup};
use crosscheck::tui::theme::Theme;
use harbor::{GAZETTE, app, app_sized, settle};
use ratatui::style::Modifier;
use reader::{find, fixture_app, id, ids, press, render};

#[test]
fn opens_on_the_first_two_articles_with_focus_in_the_sidebar() {
    let app = app(100, 30);
    assert_eq!(app.selection.shown, ids(&app, 0, 1));
    assert_eq!(app.selection.focus, Focus::Sidebar);
    assert!(app.comparison().is_some());
}

#[test]
fn a_third_pick_replaces_the_older_pane() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::Select],
    );
    assert_eq!(
        app.selection.shown,
        ids(&app, 2, 1),
        "left was the older pick"
    );
    press(
        &mut app,
        &[Action::ScrollUp, Action::ScrollUp, Action::Select],
    );
    assert_eq!(
        app.selection.shown,
        ids(&app, 2, 0),
        "then the right one was older"
    );
    press(&mut app, &[Action::Select]);
    assert_eq!(app.selection.shown, ids(&app, 2, 0));
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or("")
            .contains("already shown")
    );
}

#[test]
fn swap_exchanges_articles_and_scroll() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[
            Action::Focus(Some(Side::Left)),
            Action::ToggleLock,
            Action::ScrollDown,
        ],
    );
    let scroll = app.panes.scroll;
    press(&mut app, &[Action::Swap]);
    assert_eq!(app.selection.shown, ids(&app, 1, 0));
    assert_eq!(app.panes.scroll, scroll.swapped());
    // The mirrored comparison is ready at once: no recomputation of the pair.
    assert!(app.comparison().is_some());
    let key = app.pair_key();
    assert!(
        !app.take_effects().iter().any(
            |e| matches!(e, Effect::Compute(job) if job.key == key || job.key == key.swapped())
        )
    );
}

#[test]
fn locked_scrolling_follows_the_diff_and_unlocked_does_not() {
    let mut app = app(90, 20);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::PageDown],
    );
    assert!(app.panes.scroll.left > 0);
    assert!(app.panes.scroll.right > 0, "locked: right pane follows");
    press(
        &mut app,
        &[Action::ToggleLock, Action::Focus(Some(Side::Right))],
    );
    let left = app.panes.scroll.left;
    press(&mut app, &[Action::ScrollDown]);
    assert_eq!(app.panes.scroll.left, left, "unlocked: left pane stays");
}

#[test]
fn resize_rewraps_and_keeps_the_text_at_the_top() {
    let mut app = app(120, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::ToggleLock],
    );
    press(&mut app, &[Action::HalfPageDown]);
    let top = app.panes.lines.left[app.panes.scroll.left].start;
    let wide_lines = app.panes.lines.left.len();
    press(&mut app, &[Action::Resize(80, 24)]);
    assert!(
        app.panes.lines.left.len() > wide_lines,
        "narrower panes wrap into more rows"
    );
    let now = &app.panes.lines.left[app.panes.scroll.left];
    let next = app
        .panes
        .lines
        .left
        .get(app.panes.scroll.left + 1)
        .map_or(usize::MAX, |l| l.start);
    assert!(now.start <= top && top < next, "same text at the top");
}

#[test]
fn focus_cycles_through_sidebar_and_panes_and_skips_a_hidden_sidebar() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.selection.focus, Focus::Pane(Side::Left));
    press(&mut app, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(app.selection.focus, Focus::Sidebar);
    press(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.selection.focus, Focus::Pane(Side::Right));
    press(&mut app, &[Action::ToggleSidebar, Action::FocusNext]);
    assert!(!app.ui.sidebar && app.areas().sidebar.is_none());
    assert_eq!(app.selection.focus, Focus::Pane(Side::Left));
}

#[test]
fn raw_view_shows_removed_text_and_keeps_the_place() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::ToggleLock],
    );
    press(
        &mut app,
        &[Action::ScrollDown, Action::ScrollDown, Action::ScrollDown],
    );
    let top = app.panes.lines.left[app.panes.scroll.left].start;
    let top_text = &GAZETTE[top..top + 10];
    press(&mut app, &[Action::ToggleRaw]);
    assert!(app.view.raw);
    let raw_top = app.panes.lines.left[app.panes.scroll.left].start;
    assert_eq!(&app.text(Side::Left)[raw_top..raw_top + 10], top_text);
    press(&mut app, &[Action::Top]);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let image = find(buffer, "![](https")[0];
    assert!(buffer[image].modifier.contains(Modifier::CROSSED_OUT));
}

#[test]
fn ignore_cycle_requests_a_new_comparison() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::CycleIgnore]);
    assert_eq!(app.ignore, 1);
    assert!(app.comparison().is_none());
    let effects = app.take_effects();
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Compute(job) if job.options.matching == app.presets[1]))
    );
}

#[test]
fn open_url_asks_for_the_browser_or_says_there_is_none() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::OpenUrl]);
    assert!(
        matches!(app.take_effects().as_slice(), [Effect::Open(url)] if url.contains("gazette"))
    );
    press(
        &mut app,
        &[Action::Focus(Some(Side::Right)), Action::OpenUrl],
    );
    assert!(app.take_effects().is_empty());
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or("")
            .contains("no source URL")
    );
}

#[test]
fn wrap_and_only_changed_toggle_the_layout() {
    let mut app = app(100, 30);
    let wrapped = app.panes.lines.left.len();
    press(&mut app, &[Action::ToggleWrap]);
    assert!(app.panes.lines.left.len() < wrapped);
    press(&mut app, &[Action::ToggleWrap, Action::ToggleOnlyChanged]);
    assert!(app.view.only_changed);
    assert!(app.panes.lines.left.len() <= wrapped);
}

#[test]
fn mouse_clicks_select_and_focus_and_the_wheel_scrolls() {
    let mut app = app(100, 30);
    let areas = app.areas();
    let sidebar = areas.sidebar.unwrap();
    let at = |column, row| Action::Click { column, row };
    press(&mut app, &[at(areas.panes.right.x + 3, 5)]);
    assert_eq!(app.selection.focus, Focus::Pane(Side::Right));
    let wheel = Action::Wheel {
        column: areas.panes.left.x + 3,
        row: 5,
        down: true,
    };
    press(&mut app, &[Action::ToggleLock, wheel]);
    assert!(
        app.panes.scroll.left > 0,
        "the wheel scrolls the pane under the pointer"
    );
    assert_eq!(app.panes.scroll.right, 0);
    // Third article: 3 rows per item below the border.
    press(&mut app, &[at(sidebar.x + 2, sidebar.y + 1 + 6)]);
    assert_eq!(
        (app.selection.cursor, app.selection.focus),
        (id(&app, 2), Focus::Sidebar)
    );
    assert_eq!(
        app.selection.shown,
        ids(&app, 0, 1),
        "one click only moves the cursor"
    );
    press(&mut app, &[at(sidebar.x + 2, sidebar.y + 1 + 7)]);
    assert_eq!(
        app.selection.shown,
        ids(&app, 2, 1),
        "a second click shows the article"
    );
}

#[test]
fn q_and_escape_close_every_popup_and_sub_view_and_ctrl_c_quits_from_anywhere() {
    let mut app = fixture_app("tracker", (120, 40), &Theme::color());
    for open in [
        Action::ToggleHelp,
        Action::ToggleQuoteList,
        Action::ToggleWarnings,
        Action::ToggleFacts,
        Action::ToggleMatrix,
        Action::ToggleTracker,
    ] {
        for close in [Action::Quit, Action::Back] {
            press(&mut app, std::slice::from_ref(&open));
            settle(&mut app);
            assert!(app.ui.popup.is_some(), "{open:?} opens a popup");
            press(&mut app, std::slice::from_ref(&close));
            assert_eq!(app.ui.popup, None, "{close:?} closes {open:?}");
            assert!(app.running, "{close:?} in {open:?} does not quit");
        }
    }
    // The tracker's carriers are a sub-view: q goes back to the list, not out.
    press(
        &mut app,
        &[Action::ToggleTracker, Action::Select, Action::Quit],
    );
    assert!(matches!(
        app.ui.popup,
        Some(Popup::Tracker { detail: None, .. })
    ));
    press(&mut app, &[Action::ForceQuit]);
    assert!(!app.running, "Ctrl-c quits even from a popup");
    let mut typing = app_sized(100, 30, &Theme::color());
    press(&mut typing, &[Action::StartSearch]);
    let ctrl_c = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('c'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    let action = crosscheck::tui::event::translate(&ctrl_c, &typing.keymap, true);
    assert_eq!(
        action,
        Some(Action::ForceQuit),
        "Ctrl-c quits while typing too"
    );
}
