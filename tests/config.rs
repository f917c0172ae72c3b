//! The config file: read through the binary from `CROSSCHECK_CONFIG`, bad files
//! warned about in one line, key overrides in the reader's help, `--json` untouched.

#![allow(clippy::unwrap_used)]

use crosscheck::compare::CompareOptions;
use crosscheck::config::Config;
use crosscheck::corpus::{LoadOptions, load_paths};
use crosscheck::tui::action::Action;
use crosscheck::tui::app::App;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::{event, keymap, view};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::{Terminal, backend::TestBackend};
use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with `args` and the config file `config` (none: `--no-config`).
fn run(config: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    command.args(args).env("NO_COLOR", "1");
    match config {
        Some(path) => command.env("CROSSCHECK_CONFIG", path),
        None => command.arg("--no-config"),
    };
    command.output().unwrap()
}

fn config_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

const GOOD: &str =
    "theme = \"light\"\nignore = \"none\"\nsidebar-width = 30\n\n[keys]\nx = \"swap\"\n";

#[test]
fn a_good_config_changes_no_json_output() {
    let (_dir, path) = config_file(GOOD);
    for args in [
        &["list", "--json"][..],
        &["compare", "1", "2", "--json"],
        &["quotes", "--json"],
    ] {
        let with = run(Some(&path), args);
        let without = run(None, args);
        assert!(with.status.success() && with.stderr.is_empty(), "{args:?}");
        assert_eq!(with.stdout, without.stdout, "{args:?}");
    }
}

#[test]
fn a_bad_config_is_one_warning_naming_file_line_and_name_and_the_defaults() {
    let (_dir, path) = config_file("theme = \"dark\"\n\n[keys]\nx = \"teleport\"\n");
    let bad = run(Some(&path), &["list"]);
    assert!(bad.status.success());
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let expected = format!("{}:4: unknown action 'teleport'", path.display());
    assert!(stderr.contains(&expected), "{stderr}");
    assert_eq!(bad.stdout, run(None, &["list"]).stdout);

    let (_dir, path) = config_file("sidebar = 30\n");
    let stderr = String::from_utf8(run(Some(&path), &["list"]).stderr).unwrap();
    assert!(stderr.contains(":1: unknown setting 'sidebar'"), "{stderr}");
}

#[test]
fn a_missing_config_named_by_the_environment_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.toml");
    let out = run(Some(&path), &["list"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("absent.toml") && stderr.contains("using the defaults"));
}

/// The reader on the sample with the keymap `config` gives.
fn reader(config: &str) -> App {
    let config = Config::parse(config, Path::new("config.toml")).unwrap();
    let corpus = load_paths(&[], &LoadOptions::default()).unwrap();
    let mut app = App::new(corpus, CompareOptions::default(), Theme::color(), (130, 50));
    app.keymap = keymap::configured(&config).unwrap();
    app.ui.sidebar_width = config.sidebar_width;
    app
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn a_key_override_acts_and_shows_in_help() {
    let mut app = reader("[keys]\nx = \"swap\"\ns = \"none\"\n");
    assert_eq!(
        event::translate(&key('x'), &app.keymap, false),
        Some(Action::Swap)
    );
    assert_eq!(event::translate(&key('s'), &app.keymap, false), None);
    app.apply(Action::ToggleHelp);
    let mut terminal = Terminal::new(TestBackend::new(130, 50)).unwrap();
    terminal.draw(|f| view::draw(f, &app)).unwrap();
    let screen = terminal.backend().to_string();
    let row = screen
        .lines()
        .find(|l| l.contains("swap left and right"))
        .unwrap();
    assert!(row.contains(" x "), "{row}");
    assert!(!row.contains(" s "), "{row}");
}

#[test]
fn the_sidebar_width_setting_sizes_the_sidebar() {
    let app = reader("sidebar-width = 30\n");
    assert_eq!(app.areas().sidebar.map(|r| r.width), Some(30));
    let app = reader("");
    assert_eq!(app.areas().sidebar.map(|r| r.width), Some(26));
}

#[test]
fn the_readme_names_every_action_a_config_can_bind() {
    let readme = include_str!("../README.md");
    for binding in keymap::keymap() {
        let name = keymap::action_name(&binding.action);
        assert!(
            readme.contains(&format!("`{name}`")),
            "README lists `{name}`"
        );
    }
}

#[test]
fn a_config_warning_stays_in_the_status_bar_while_files_load() {
    let mut app = reader("");
    app.apply(Action::Message(
        "config.toml:3: unknown action 'teleport'".into(),
    ));
    app.apply(Action::ArticlesLoaded(Vec::new()));
    app.apply(Action::LoadFinished(Vec::new()));
    assert_eq!(
        app.ui.message.as_deref(),
        Some("config.toml:3: unknown action 'teleport'")
    );
    app.apply(Action::ScrollDown);
    assert_eq!(app.ui.message, None, "a key clears it");
}
