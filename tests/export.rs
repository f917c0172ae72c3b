//! `e` in the reader: a prompt with a suggested path, Enter writes the pair's HTML
//! report (the same page `compare --html` prints), Esc writes nothing, an existing
//! file only after a second Enter.

#![allow(clippy::unwrap_used)]

use crosscheck::compare::CompareOptions;
use crosscheck::corpus::{LoadOptions, load_paths};
use crosscheck::tui::app::App;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::worker::Job;
use crosscheck::tui::{event, view};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};
use std::path::Path;

fn reader(size: (u16, u16)) -> App {
    let corpus = load_paths(&[], &LoadOptions::default()).unwrap();
    let mut app = App::new(corpus, CompareOptions::default(), Theme::color(), size);
    app.settle(Job::run);
    app
}

/// Presses `keys` as the terminal would send them, then runs what they asked for.
fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = event::translate(&event, &app.keymap, app.typing()) {
            app.apply(action);
        }
    }
    app.settle(Job::run);
}

fn typed(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

fn status(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    let screen = terminal.backend().to_string();
    screen
        .lines()
        .nth(usize::from(app.size.1) - 1)
        .unwrap()
        .to_string()
}

/// Opens the prompt and replaces the suggestion with `path`.
fn prompt_for(app: &mut App, path: &Path) {
    press(app, &[KeyCode::Char('e')]);
    let suggested = app.ui.export.as_ref().unwrap().path.len();
    press(app, &vec![KeyCode::Backspace; suggested]);
    press(app, &typed(&path.to_string_lossy()));
}

#[test]
fn e_suggests_a_path_in_the_current_folder_and_enter_writes_the_report() {
    let mut app = reader((120, 30));
    press(&mut app, &[KeyCode::Char('e')]);
    assert!(
        status(&app).contains("./crosscheck-antiwar-com-bloomberg.html"),
        "{}",
        status(&app)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    press(&mut app, &[KeyCode::Esc]);
    prompt_for(&mut app, &path);
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.ui.export.is_none());
    let written = std::fs::read_to_string(&path).unwrap();
    let expected = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["compare", "1", "2", "--html", "--no-config"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(
        written.as_bytes(),
        expected,
        "the page compare --html prints"
    );
    let shown = status(&app);
    assert!(
        shown.contains("report written to") && shown.contains("report.html"),
        "{shown}"
    );
}

#[test]
fn esc_closes_the_prompt_and_writes_nothing() {
    let mut app = reader((80, 24));
    press(&mut app, &[KeyCode::Char('e')]);
    let suggested = app.ui.export.as_ref().unwrap().path.clone();
    press(&mut app, &typed("q"));
    assert!(app.running, "q is typed into the path, not quit");
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.ui.export.is_none());
    assert!(app.take_effects().is_empty());
    assert!(!Path::new(&suggested).exists() && !Path::new(&format!("{suggested}q")).exists());
    assert!(status(&app).contains("no report written"));
}

#[test]
fn an_existing_file_is_replaced_only_after_a_second_enter() {
    let mut app = reader((120, 30));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.html");
    std::fs::write(&path, "my notes").unwrap();
    prompt_for(&mut app, &path);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");
    assert!(
        status(&app).contains("exists · Enter replaces it"),
        "{}",
        status(&app)
    );
    press(&mut app, &[KeyCode::Enter]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("<!doctype html>")
    );
}
