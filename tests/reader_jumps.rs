//! Jumping in the reader: search hits, the quote list, quote and change jumps (also
//! asked before the pair is compared), copying the current quote.

#![allow(clippy::unwrap_used)]

#[path = "support/harbor.rs"]
mod harbor;
#[path = "support/reader.rs"]
mod reader;

use crosscheck::compare::CompareOptions;
use crosscheck::pair::Side;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::{App, Effect, Popup};
use crosscheck::tui::layout::line_of;
use crosscheck::tui::theme::Theme;
use harbor::{GAZETTE, app, corpus, settle};
use ratatui::style::Color;
use reader::{find, press, render, type_text};

#[test]
fn search_hits_are_highlighted_and_n_cycles() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::FocusNext, Action::StartSearch]);
    type_text(&mut app, "bridge");
    press(&mut app, &[Action::SearchSubmit, Action::NextHit]);
    assert_eq!(app.ui.search.side, Some(Side::Left));
    assert_eq!(app.ui.search.hits.len(), GAZETTE.matches("bridge").count());
    assert_eq!(app.ui.search.current, Some(1));
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let hits = find(buffer, "bridge");
    let styles: Vec<Color> = hits.iter().map(|&c| buffer[c].bg).collect();
    assert!(styles.contains(&Color::LightRed), "current hit: {styles:?}");
    assert!(styles.contains(&Color::Yellow), "other hits: {styles:?}");
}

#[test]
fn escape_on_the_main_screen_only_clears_a_search_and_q_quits() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::StartSearch],
    );
    type_text(&mut app, "bridge");
    press(&mut app, &[Action::SearchSubmit, Action::Back]);
    assert!(app.running, "Esc never quits");
    assert!(app.ui.search.hits.is_empty(), "Esc cleared the search");
    press(&mut app, &[Action::Back]);
    assert!(app.running);
    press(&mut app, &[Action::Quit]);
    assert!(!app.running, "q quits the main screen");
}

#[test]
fn quote_list_jumps_to_the_chosen_quote() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[
            Action::ToggleQuoteList,
            Action::ScrollDown,
            Action::ScrollDown,
        ],
    );
    insta::assert_snapshot!(render(&app).backend());
    assert_eq!(app.ui.popup, Some(Popup::Quotes(2)));
    press(&mut app, &[Action::Select]);
    assert_eq!(app.ui.popup, None);
    assert_eq!(app.selection.quote, Some(2));
}

#[test]
fn next_quote_aligns_both_panes_on_the_same_row() {
    let mut app = app(100, 30);
    for expected in 0..3 {
        press(&mut app, &[Action::NextQuote]);
        assert_eq!(app.selection.quote, Some(expected));
        let comparison = app.comparison().unwrap();
        let order = crosscheck::present::layers::numbered_quotes(comparison);
        let quote = &comparison.shared_quotes[order[expected]];
        let rows = Side::BOTH.map(|s| {
            line_of(&app.panes.lines[s], quote.spans[s].start).cast_signed()
                - app.panes.scroll[s].cast_signed()
        });
        assert_eq!(rows[0], rows[1], "quote {expected} faces itself");
        assert!(rows[0] >= 0);
    }
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(app.selection.quote, Some(0), "wraps around");
    press(&mut app, &[Action::PrevQuote]);
    assert_eq!(app.selection.quote, Some(2));
}

#[test]
fn a_quote_jump_asked_while_computing_happens_when_the_pair_arrives() {
    let mut app = App::new(
        corpus(),
        CompareOptions::default(),
        Theme::color(),
        (120, 40),
    );
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(app.selection.quote, None);
    settle(&mut app);
    assert_eq!(
        app.selection.quote,
        Some(0),
        "the jump followed the comparison"
    );
}

#[test]
fn resize_after_a_quote_jump_keeps_the_place_and_the_panes_on_one_row() {
    let mut app = app(120, 40);
    press(
        &mut app,
        &[
            Action::Focus(Some(Side::Left)),
            Action::NextQuote,
            Action::NextQuote,
        ],
    );
    let top = app.panes.lines.left[app.panes.scroll.left].start;
    assert!(top > 0, "the jump scrolled");
    press(&mut app, &[Action::Resize(80, 24)]);
    let lines = &app.panes.lines.left;
    let now = lines[app.panes.scroll.left].start;
    let next = lines
        .get(app.panes.scroll.left + 1)
        .map_or(usize::MAX, |l| l.start);
    assert!(now <= top && top < next, "left: {now} ≤ {top} < {next}");
    assert_eq!(
        app.panes.scroll.left, app.panes.scroll.right,
        "locked panes share the row"
    );
}

#[test]
fn next_change_moves_to_a_changed_line() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Right)), Action::NextChange],
    );
    let row = app.panes.scroll.right + app.pane_height() / 3;
    let line = &app.panes.lines.right[row.min(app.panes.lines.right.len() - 1)];
    assert!(
        line.pieces.iter().any(|p| p.marks.diff.is_some()),
        "focus row shows a change"
    );
}

#[test]
fn y_copies_the_current_quote_with_its_citation_and_capital_y_both_sides() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::CopyQuote]);
    assert!(app.take_effects().is_empty(), "no quote chosen yet");
    assert!(app.ui.message.as_deref().unwrap_or_default().contains(']'));
    press(&mut app, &[Action::NextQuote, Action::CopyQuote]);
    let copied = match app.take_effects().as_slice() {
        [Effect::Copy(text)] => text.clone(),
        other => panic!("one copy effect, got {}", other.len()),
    };
    assert!(copied.starts_with('“'), "{copied}");
    assert!(copied.contains("” — "), "{copied}");
    assert!(
        copied.contains("Harbor Gazette") && copied.contains("https://example.org/gazette/bridge")
    );
    assert_eq!(copied.lines().count(), 1);
    press(&mut app, &[Action::CopyQuotePair]);
    let effects = app.take_effects();
    let [Effect::Copy(both)] = effects.as_slice() else {
        panic!("one copy effect");
    };
    assert_eq!(both.lines().count(), 2, "{both}");
    assert!(both.lines().next() == Some(copied.as_str()));
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or_default()
            .contains("[1]")
    );
}
