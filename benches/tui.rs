//! Reader benchmarks on a synthetic pair: one full frame at 200×60, and a keystroke
//! (key → action → state → frame) for scrolling and for jumping to the next quote.
//!
//! `cargo bench --bench tui` uses 10,000- and 50,000-word articles; `cargo test` runs each bench
//! once on a short pair (see `synth::bench_sizes`).

use crosscheck::compare::CompareOptions;
use crosscheck::corpus::{Article, Corpus, Meta};
use crosscheck::pair::Side;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::App;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::worker::Job;
use crosscheck::tui::{event, view};
use crossterm::event::{Event, KeyEvent, KeyModifiers};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use synth::{Synth, bench_sizes};

fn main() {
    divan::main();
}

/// Terminal size of the measured frames.
const SIZE: (u16, u16) = (200, 60);
/// Words per article of the measured pairs (issue 16 holds keystrokes to 16 ms at 50k).
const WORDS: &[usize] = &[10_000, 50_000];
/// Words per article under `cargo test`.
const SMOKE_WORDS: usize = 300;
/// Keystrokes in one direction before the scroll bench turns back.
const SCROLL_RUN: usize = 200;

fn article(id: &str, text: String) -> Article {
    Article {
        id: id.into(),
        source: format!("synth:{id}"),
        meta: Meta {
            outlet: id.into(),
            title: format!("Synthetic {id}"),
            ..Meta::default()
        },
        raw: text.clone(),
        clean: text,
        removals: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The reader on a generated pair of `words`-word articles, comparison done,
/// focus in the left pane.
fn app(words: usize) -> App {
    let synth = Synth::from_sample().expect("the embedded sample loads");
    let texts = synth.pair(7, words);
    let corpus = Corpus {
        articles: vec![article("left", texts.left), article("right", texts.right)],
        skipped: Vec::new(),
    };
    let mut app = App::new(corpus, CompareOptions::default(), Theme::color(), SIZE);
    app.settle(Job::run);
    app.apply(Action::Focus(Some(Side::Left)));
    app
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test terminal")
}

/// The key event the keymap binds to `action`.
fn key_for(app: &App, action: &Action) -> Event {
    let binding = app
        .keymap
        .iter()
        .find(|b| &b.action == action)
        .expect("the action has a key");
    let modifiers = if binding.key.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    Event::Key(KeyEvent::new(binding.key.code, modifiers))
}

/// Translates `key`, applies the action and draws the frame.
fn keystroke(app: &mut App, terminal: &mut Terminal<TestBackend>, key: &Event) {
    if let Some(action) = event::translate(key, &app.keymap, app.ui.search.typing) {
        app.apply(action);
    }
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("draw on the test backend");
}

/// One full frame of the pair.
#[divan::bench(args = bench_sizes(SMOKE_WORDS, WORDS))]
fn frame(bencher: Bencher, words: usize) {
    let app = app(words);
    let mut terminal = terminal();
    bencher.bench_local(|| {
        terminal
            .draw(|frame| view::draw(frame, &app))
            .expect("draw on the test backend");
    });
}

/// Scrolling one line (down for a run of keys, then back up), frame included.
#[divan::bench(args = bench_sizes(SMOKE_WORDS, WORDS))]
fn key_scroll(bencher: Bencher, words: usize) {
    let mut app = app(words);
    let mut terminal = terminal();
    let keys = [
        key_for(&app, &Action::ScrollDown),
        key_for(&app, &Action::ScrollUp),
    ];
    let mut step = 0usize;
    bencher.bench_local(|| {
        let key = &keys[(step / SCROLL_RUN) % 2];
        step += 1;
        keystroke(&mut app, &mut terminal, key);
    });
}

/// Jumping both panes to the next shared quote (cycling), frame included.
#[divan::bench(args = bench_sizes(SMOKE_WORDS, WORDS))]
fn key_next_quote(bencher: Bencher, words: usize) {
    let mut app = app(words);
    let mut terminal = terminal();
    let key = key_for(&app, &Action::NextQuote);
    bencher.bench_local(|| keystroke(&mut app, &mut terminal, &key));
}
