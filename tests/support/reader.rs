//! The reader in tests: invented articles, an `App` with its queued work run,
//! keys pressed, screens drawn on a `TestBackend` and searched.

// Shared by several test crates, each using a part.
#![allow(dead_code, clippy::unwrap_used)]

use crosscheck::compare::CompareOptions;
use crosscheck::corpus::{Article, Corpus, LoadOptions, Meta, load_paths};
use crosscheck::pair::Pair;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::App;
use crosscheck::tui::articles::ArticleId;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::view;
use crosscheck::tui::worker::Job;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;

/// An article whose raw text is its clean text, dated 2026-05-12, without URL or authors.
pub fn article(id: &str, outlet: &str, title: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        source: format!("{id}.txt"),
        meta: Meta {
            outlet: outlet.into(),
            title: title.into(),
            date: Some("2026-05-12".into()),
            url: None,
            authors: Vec::new(),
        },
        raw: text.into(),
        clean: text.into(),
        removals: Vec::new(),
        warnings: Vec::new(),
    }
}

/// The reader on `articles` at `size`, its first comparisons computed.
pub fn app_of(articles: Vec<Article>, size: (u16, u16), theme: &Theme) -> App {
    let corpus = Corpus {
        articles,
        skipped: Vec::new(),
    };
    let mut app = App::new(corpus, CompareOptions::default(), *theme, size);
    app.settle(Job::run);
    app
}

/// The reader on the folder `tests/fixtures/{folder}`, its first comparisons computed.
pub fn fixture_app(folder: &str, size: (u16, u16), theme: &Theme) -> App {
    let corpus = load_paths(
        &[PathBuf::from(format!("tests/fixtures/{folder}"))],
        &LoadOptions::default(),
    )
    .unwrap();
    let mut app = App::new(corpus, CompareOptions::default(), *theme, size);
    app.settle(Job::run);
    app
}

/// Applies `actions` in turn; queued work waits.
pub fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.apply(action.clone());
    }
}

/// Applies `actions` in turn, running the work each one queues before the next.
pub fn press_settled(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.apply(action.clone());
        app.settle(Job::run);
    }
}

/// Types `text` into the open prompt or search.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.apply(Action::SearchInput(c));
    }
}

/// The reader drawn at its size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal
}

/// The reader drawn, as text: one line a row.
pub fn screen(app: &App) -> String {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| row_text(buffer, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Row `y` of `buffer` as text.
pub fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

/// Cells (x, y) where `needle` starts, scanning rows left to right (one cell a char).
pub fn find(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let chars: Vec<String> = needle.chars().map(|c| c.to_string()).collect();
    let mut out = Vec::new();
    for y in 0..buffer.area.height {
        let cells: Vec<&str> = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        for x in 0..cells.len().saturating_sub(chars.len() - 1) {
            if cells[x..x + chars.len()] == chars[..] {
                out.push((u16::try_from(x).unwrap(), y));
            }
        }
    }
    out
}

/// The id of the article at `position` in the list.
pub fn id(app: &App, position: usize) -> ArticleId {
    app.articles.id_at(position).unwrap()
}

/// The ids of the articles at list positions `left` and `right`.
pub fn ids(app: &App, left: usize, right: usize) -> Pair<ArticleId> {
    Pair::new(id(app, left), id(app, right))
}

/// Runs the work the reader queued, synchronously.
pub fn settle(app: &mut App) {
    app.settle(Job::run);
}
