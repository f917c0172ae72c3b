//! The reader on hostile and odd articles (issue 7): every screen holds no control,
//! bidi or zero-width character, every row fills the screen exactly, and tiny sizes
//! and resizes never panic.

#![allow(clippy::unwrap_used)] // test helpers panic on setup failure by design

#[path = "support/inert.rs"]
#[allow(dead_code, reason = "the reader checks screens, not stderr")]
mod inert;
use inert::{first_dangerous, fixture};

use crosscheck::compare::CompareOptions;
use crosscheck::corpus::{Corpus, LoadOptions, load_paths};
use crosscheck::tui::action::Action;
use crosscheck::tui::app::App;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::view;
use crosscheck::tui::worker::Job;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The hostile and odd fixtures as one corpus: injection articles first.
fn corpus() -> Corpus {
    let paths = [fixture("injection"), fixture("odd")];
    load_paths(&paths, &LoadOptions::default()).unwrap()
}

/// Runs queued work synchronously, as the worker would.
fn settle(app: &mut App) {
    app.settle(Job::run);
}

fn hostile_app(size: (u16, u16), theme: &Theme) -> App {
    let mut app = App::new(corpus(), CompareOptions::default(), *theme, size);
    settle(&mut app);
    app
}

/// Draws `app` and returns the screen.
fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// No cell holds a control, bidi or zero-width character, and every row adds up
/// to the screen width: no zero-width cell, no wide cell cut at the edge.
fn assert_screen_sound(buffer: &Buffer, what: &str) {
    let area = buffer.area;
    for y in 0..area.height {
        let mut x = 0;
        let mut row = String::new();
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                first_dangerous(symbol).is_none() && !symbol.contains('\n'),
                "{what}: cell ({x}, {y}) holds {symbol:?}"
            );
            let width = symbol.width();
            assert!(
                width >= 1,
                "{what}: cell ({x}, {y}) {symbol:?} takes no column; row {y}: {row}"
            );
            row.push_str(symbol);
            x += u16::try_from(width).unwrap();
        }
        assert_eq!(
            x, area.width,
            "{what}: row {y} is {x} columns on a {}-column screen: {row}",
            area.width
        );
    }
}

/// Every screen a reader would walk through on the hostile corpus.
fn walk(app: &mut App, what: &str) {
    let steps = [
        Action::Tick,
        Action::NextQuote,
        Action::ToggleQuoteList,
        Action::ToggleQuoteList,
        Action::ToggleRaw,
        Action::ToggleRaw,
        Action::ToggleWarnings,
        Action::ToggleWarnings,
        Action::ToggleWrap,
        Action::PageDown,
        Action::ToggleWrap,
        Action::StartSearch,
        Action::SearchInput('\u{1b}'),
        Action::SearchInput('\u{202e}'),
        Action::SearchInput('w'),
        Action::SearchSubmit,
        Action::ToggleHelp,
        Action::ToggleHelp,
        Action::FocusNext,
        Action::ScrollDown,
        Action::Select,
        Action::FocusNext,
        Action::Bottom,
        Action::Swap,
    ];
    for (n, step) in steps.into_iter().enumerate() {
        app.apply(step.clone());
        settle(app);
        assert_screen_sound(&render(app), &format!("{what} after {n}: {step:?}"));
    }
}

#[test]
fn hostile_corpus_renders_inert_and_aligned() {
    for (size, theme) in [((120, 40), Theme::color()), ((80, 24), Theme::no_color())] {
        let mut app = hostile_app(size, &theme);
        assert_screen_sound(&render(&app), &format!("{size:?} opening"));
        walk(&mut app, &format!("{size:?}"));
    }
}

#[test]
fn every_pair_of_the_hostile_corpus_renders_soundly() {
    let mut app = hostile_app((100, 30), &Theme::color());
    let articles = app.articles.len();
    for _ in 0..articles {
        app.apply(Action::Select);
        settle(&mut app);
        assert_screen_sound(&render(&app), "pair");
        app.apply(Action::FocusNext);
        app.apply(Action::ScrollDown);
        settle(&mut app);
        assert_screen_sound(&render(&app), "pair after scrolling");
    }
}

#[test]
fn tiny_sizes_and_resizes_do_not_panic() {
    let mut app = hostile_app((120, 40), &Theme::color());
    for w in 1..=20 {
        for h in 1..=5 {
            app.apply(Action::Resize(w, h));
            assert_screen_sound(&render(&app), &format!("{w}x{h}"));
            let fresh = hostile_app((w, h), &Theme::no_color());
            assert_screen_sound(&render(&fresh), &format!("fresh {w}x{h}"));
        }
    }
    for (w, h) in [(60, 16), (1, 1), (200, 60), (61, 17), (0, 0), (60, 16)] {
        app.apply(Action::Resize(w, h));
        settle(&mut app);
        if w > 0 && h > 0 {
            assert_screen_sound(&render(&app), &format!("resize to {w}x{h}"));
        }
    }
    walk(&mut app, "after resizes");
}
