//! Reader screens on the harbour-bridge corpus (`TestBackend` + insta): the opening
//! screen, numbered shared quotes, the help, colourless and tiny terminals, hostile text.

#![allow(clippy::unwrap_used)]

#[path = "support/harbor.rs"]
mod harbor;
#[path = "support/reader.rs"]
mod reader;

use crosscheck::compare::CompareOptions;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::App;
use crosscheck::tui::theme::Theme;
use harbor::{app, app_sized, corpus, settle};
use ratatui::style::{Color, Modifier};
use reader::{find, press, render, row_text};

#[test]
fn opening_screen_120x40() {
    let app = app(120, 40);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn opening_screen_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn first_frame_draws_before_any_comparison() {
    let app = App::new(
        corpus(),
        CompareOptions::default(),
        Theme::color(),
        (100, 30),
    );
    assert!(app.busy());
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert!(!find(buffer, "comparing").is_empty());
    assert!(!find(buffer, "Harbor Gazette").is_empty());
}

#[test]
fn shared_quotes_are_numbered_alike_and_styled_by_kind() {
    let mut app = app(120, 40);
    press(&mut app, &[Action::NextQuote]);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let areas = app.areas();
    // Quote 1 (first in the left text) is the exact "horse carts" quote.
    let markers = find(buffer, "[1]");
    let left = markers
        .iter()
        .find(|(x, _)| areas.panes.left.x < *x && *x < areas.panes.right.x);
    let right = markers.iter().find(|(x, _)| *x > areas.panes.right.x);
    let (Some(left), Some(right)) = (left, right) else {
        panic!("marker [1] not in both panes: {markers:?}");
    };
    assert_eq!(left.1, right.1, "both occurrences face each other");
    // The current quote's marker is highlighted; quote words are bold magenta.
    assert_eq!(buffer[*left].bg, Color::Yellow);
    let word = find(buffer, "horse carts")[0];
    assert_eq!(buffer[word].fg, Color::Magenta);
    assert!(buffer[word].modifier.contains(Modifier::BOLD));
    // Near and partial quotes carry their own markers and are not bold.
    assert!(!find(buffer, "[2~]").is_empty());
    let partial = find(buffer, "[3…]");
    assert!(!partial.is_empty(), "partial marker shown");
    // Near quotes are not bold (their words may carry diff colors).
    let near_word = find(buffer, "Safety comes")[0];
    assert!(!buffer[near_word].modifier.contains(Modifier::BOLD));
}

#[test]
fn help_popup_lists_the_keymap() {
    let mut app = app(130, 40);
    press(&mut app, &[Action::ToggleHelp]);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    for (keys, description) in crosscheck::tui::keymap::help_rows(&app.keymap) {
        assert!(
            !find(buffer, description).is_empty(),
            "help shows {keys} {description}"
        );
    }
    press(&mut app, &[Action::Back]);
    assert_eq!(app.ui.popup, None);
    assert!(app.running, "Esc closes the popup before quitting");
}

/// The README's key table documents every key the reader binds, so the two cannot drift.
#[test]
fn readme_documents_every_bound_key() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let missing: Vec<String> = crosscheck::tui::keymap::keymap()
        .iter()
        .map(|b| {
            b.key
                .label()
                .replace("C-", "Ctrl-")
                .replace("S-Tab", "Shift-Tab")
        })
        .filter(|label| !readme.contains(&format!("`{label}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from README.md: {missing:?}"
    );
}

#[test]
fn tiny_terminal_shows_a_message() {
    let app = app(50, 12);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    assert!(!find(terminal.backend().buffer(), "too small").is_empty());
}

#[test]
fn no_color_uses_modifiers_only() {
    let mut app = app_sized(100, 30, &Theme::no_color());
    press(&mut app, &[Action::NextQuote]);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let marker = find(buffer, "[1]")[0];
    assert!(buffer[marker].modifier.contains(Modifier::REVERSED));
    let word = find(buffer, "patching")[0];
    assert!(buffer[word].modifier.contains(Modifier::BOLD));
}

#[test]
fn control_characters_never_reach_the_screen() {
    let mut app = app(100, 30);
    // Show the brief (with an ESC sequence) on the left, each pane on its own
    // (unlocked: no rows are padded, so the brief's text starts at the top).
    press(
        &mut app,
        &[
            Action::ScrollDown,
            Action::ScrollDown,
            Action::Select,
            Action::ToggleLock,
        ],
    );
    settle(&mut app);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| !c.symbol().contains('\u{1b}'))
    );
    assert!(!find(buffer, "[31mred").is_empty());
    assert!((0..buffer.area.height).any(|y| row_text(buffer, y).contains('🚲')));
}

#[test]
fn warnings_popup_lists_skipped_files() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::ToggleWarnings]);
    let terminal = render(&app);
    assert!(!find(terminal.backend().buffer(), "broken.json").is_empty());
}
