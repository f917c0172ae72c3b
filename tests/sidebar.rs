//! The reader's sidebar on a folder of several stories: headers with counts, folding,
//! the filter, `:` jumps, sorting, and views that open on the current story.

#![allow(clippy::unwrap_used)]

#[path = "support/reader.rs"]
mod reader;

use crosscheck::compare::CompareOptions;
use crosscheck::corpus::{Corpus, LoadOptions, load_paths};
use crosscheck::pair::Pair;
use crosscheck::tui::action::Action;
use crosscheck::tui::app::{App, Focus, Popup};
use crosscheck::tui::articles::ArticleId;
use crosscheck::tui::sidebar::{Order, Row};
use crosscheck::tui::theme::Theme;
use reader::{fixture_app, press_settled, screen, type_text};
use std::path::PathBuf;

/// A week of invented coverage: five events.
fn week_corpus() -> Corpus {
    load_paths(
        &[PathBuf::from("tests/fixtures/stories/week")],
        &LoadOptions::default(),
    )
    .unwrap()
}

/// The reader opened on a folder still loading: no article yet.
fn loading_app() -> App {
    let mut app = App::new(
        Corpus::default(),
        CompareOptions::default(),
        Theme::color(),
        (120, 40),
    );
    app.start_loading();
    app
}

/// The reader on a week of invented coverage (five events), everything computed.
fn week_app() -> App {
    fixture_app("stories/week", (120, 60), &Theme::color())
}

fn articles_shown(app: &App) -> Vec<ArticleId> {
    app.sidebar_rows()
        .into_iter()
        .filter_map(|r| match r {
            Row::Article(id) => Some(id),
            Row::Header { .. } => None,
        })
        .collect()
}

fn outlet(app: &App, id: ArticleId) -> String {
    app.articles.article(id).unwrap().meta.outlet.clone()
}

#[test]
fn stories_head_the_sidebar_with_counts_and_fold() {
    let mut app = week_app();
    assert_eq!(app.sidebar.groups.len(), 5, "{:#?}", app.sidebar.groups);
    let rows = app.sidebar_rows();
    let headers: Vec<(usize, usize)> = rows
        .iter()
        .filter_map(|r| match *r {
            Row::Header { shown, total, .. } => Some((shown, total)),
            Row::Article(_) => None,
        })
        .collect();
    assert_eq!(headers.len(), 5);
    assert_eq!(
        headers.iter().map(|h| h.1).sum::<usize>(),
        app.articles.len()
    );
    assert!(matches!(rows[0], Row::Header { .. }));
    // Every article keeps the index `list` prints.
    let text = screen(&app);
    assert!(text.contains("21 in 5 stories"), "{text}");
    let first = app.sidebar.groups[0].articles[0];
    let index = app.articles.position(first).unwrap() + 1;
    assert!(
        text.contains(&format!("{index} {}", &outlet(&app, first)[..5])),
        "{text}"
    );
    // Up onto the first header, Enter folds it: its articles leave the list.
    let before = articles_shown(&app).len();
    press_settled(&mut app, &[Action::Top, Action::Select]);
    let folded = app.sidebar.groups[0].articles.len();
    assert_eq!(articles_shown(&app).len(), before - folded);
    assert!(matches!(
        app.sidebar_rows()[0],
        Row::Header {
            collapsed: true,
            ..
        }
    ));
    press_settled(&mut app, &[Action::Select]);
    assert_eq!(articles_shown(&app).len(), before);
}

#[test]
fn typing_filters_by_outlet_or_title_and_esc_clears() {
    let mut app = week_app();
    press_settled(&mut app, &[Action::StartSearch]);
    assert!(app.typing(), "/ in the sidebar opens the filter");
    type_text(&mut app, "northwire");
    let shown = articles_shown(&app);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|&id| outlet(&app, id) == "Northwire"));
    // Stories without a match lose their header; the others count what is shown.
    let headers = app
        .sidebar_rows()
        .iter()
        .filter(|r| matches!(r, Row::Header { .. }))
        .count();
    assert_eq!(headers, shown.len(), "one Northwire report per story here");
    press_settled(&mut app, &[Action::SearchSubmit]);
    assert!(!app.typing());
    assert_eq!(articles_shown(&app), shown, "Enter keeps the filter");
    press_settled(&mut app, &[Action::Back]);
    assert_eq!(articles_shown(&app).len(), app.articles.len());
    assert!(app.running);
}

#[test]
fn colon_and_a_number_moves_to_that_article_and_s_sorts() {
    let mut app = week_app();
    press_settled(&mut app, &[Action::JumpPrompt]);
    type_text(&mut app, "x7");
    press_settled(&mut app, &[Action::SearchSubmit]);
    assert_eq!(app.selection.cursor, app.articles.id_at(6).unwrap());
    assert_eq!(app.selection.focus, Focus::Sidebar);
    press_settled(&mut app, &[Action::Select]);
    assert!(
        app.selection.shown.left == app.selection.cursor
            || app.selection.shown.right == app.selection.cursor
    );
    // Out of range: a message, the cursor stays.
    press_settled(&mut app, &[Action::JumpPrompt]);
    type_text(&mut app, "999");
    press_settled(&mut app, &[Action::SearchSubmit]);
    assert_eq!(app.selection.cursor, app.articles.id_at(6).unwrap());
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or("")
            .contains("no article 999")
    );
    // By date: within each story, earliest first.
    press_settled(&mut app, &[Action::CycleOrder]);
    assert_eq!(app.sidebar.order, Order::Date);
    for story in &app.sidebar.groups {
        let dates: Vec<Option<String>> = articles_shown(&app)
            .into_iter()
            .filter(|id| story.articles.contains(id))
            .map(|id| app.articles.article(id).unwrap().meta.date.clone())
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| (d.is_none(), d.clone()));
        assert_eq!(dates, sorted, "{}", story.label);
    }
}

#[test]
fn the_map_and_the_tracker_open_on_the_current_story_and_a_shows_all() {
    let mut app = week_app();
    let story = app.current_story().unwrap().articles.clone();
    assert!(story.len() < app.articles.len());
    press_settled(&mut app, &[Action::ToggleMatrix]);
    assert!(matches!(app.ui.popup, Some(Popup::Matrix { .. })));
    assert_eq!(
        app.matrix().map(|(_, ids)| ids.to_vec()),
        Some(story.clone())
    );
    assert!(screen(&app).contains("a story/all"));
    press_settled(&mut app, &[Action::ToggleScope]);
    assert_eq!(
        app.matrix().map(|(_, ids)| ids.len()),
        Some(app.articles.len())
    );
    press_settled(&mut app, &[Action::Back, Action::ToggleScope]);
    // `a` outside a view does nothing; the tracker keeps the choice of all articles.
    press_settled(&mut app, &[Action::ToggleTracker]);
    assert_eq!(
        app.quote_groups().map(|(_, ids)| ids.len()),
        Some(app.articles.len())
    );
    press_settled(&mut app, &[Action::ToggleScope]);
    assert_eq!(app.quote_groups().map(|(_, ids)| ids.to_vec()), Some(story));
}

#[test]
fn the_sidebar_fills_as_files_arrive_and_the_stories_follow() {
    let corpus = week_corpus();
    let total = corpus.articles.len();
    let mut app = loading_app();
    assert!(screen(&app).contains("loading… 0 articles"));
    let mut articles = corpus.articles.into_iter();
    press_settled(
        &mut app,
        &[Action::ArticlesLoaded(articles.by_ref().take(1).collect())],
    );
    assert_eq!(app.articles.len(), 1);
    press_settled(
        &mut app,
        &[Action::ArticlesLoaded(articles.by_ref().take(4).collect())],
    );
    assert_eq!(app.selection.shown.left, app.articles.id_at(0).unwrap());
    assert_eq!(app.selection.shown.right, app.articles.id_at(1).unwrap());
    assert_eq!(articles_shown(&app).len(), 5, "no headers while loading");
    let text = screen(&app);
    assert!(text.contains("loading… 5 articles"), "{text}");
    assert!(
        app.sidebar.groups.is_empty(),
        "stories wait for the whole folder"
    );
    press_settled(&mut app, &[Action::ArticlesLoaded(articles.collect())]);
    press_settled(&mut app, &[Action::LoadFinished(Vec::new())]);
    assert_eq!(app.loading(), None);
    assert_eq!(app.articles.len(), total);
    assert_eq!(app.sidebar.groups.len(), 5);
    assert!(
        app.similarity_to_left(app.articles.id_at(total - 1).unwrap())
            .is_some()
    );
}

#[test]
fn changes_on_disk_while_files_load_wait_for_the_last_file_and_list_nothing_twice() {
    use crosscheck::tui::watch::Change;
    let corpus = week_corpus();
    let total = corpus.articles.len();
    let sources: Vec<String> = corpus.articles.iter().map(|a| a.source.clone()).collect();
    let mut app = loading_app();
    let mut articles = corpus.articles.into_iter();
    press_settled(
        &mut app,
        &[Action::ArticlesLoaded(articles.by_ref().take(3).collect())],
    );
    // The watch saw a file not read yet (edited) and a file already read (removed).
    let later = articles.clone().next().unwrap();
    let mut edited = later.clone();
    edited.clean.push_str(" An update came in the evening.");
    edited.raw.push_str(" An update came in the evening.");
    press_settled(
        &mut app,
        &[
            Action::FilesChanged(Box::new(Change::Read {
                path: later.source.clone(),
                articles: vec![edited],
                skipped: Vec::new(),
            })),
            Action::FilesChanged(Box::new(Change::Removed {
                path: sources[2].clone(),
            })),
        ],
    );
    assert_eq!(app.articles.len(), 3, "held while loading");
    press_settled(&mut app, &[Action::ArticlesLoaded(articles.collect())]);
    assert_eq!(app.articles.len(), total);
    press_settled(&mut app, &[Action::LoadFinished(Vec::new())]);
    assert_eq!(app.loading(), None);
    assert_eq!(app.articles.len(), total - 1, "the removed file is gone");
    let with_source = |source: &str| {
        app.articles
            .iter()
            .filter(|e| e.article.source == source)
            .map(|e| e.article.clean.clone())
            .collect::<Vec<_>>()
    };
    assert!(with_source(&sources[2]).is_empty());
    let later_texts = with_source(&later.source);
    assert_eq!(later_texts.len(), 1, "listed once");
    assert!(later_texts[0].ends_with("An update came in the evening."));
    assert!(
        !app.sidebar.groups.is_empty(),
        "stories found after the last file"
    );
}

#[test]
fn a_pair_across_stories_gets_the_unrelated_hint_even_when_its_words_overlap() {
    // One outlet's reports of two events share its byline and footer.
    let mut app = fixture_app("stories/outlet", (120, 40), &Theme::color());
    let id = |name: &str| {
        app.articles
            .iter()
            .find(|e| e.article.id == name)
            .map(|e| e.id)
            .unwrap()
    };
    let (fire, budget, fire_radio) = (
        id("sat_market_courier"),
        id("wed_budget_courier"),
        id("sat_market_radio"),
    );
    // Shown as a pair (two swaps ask for its comparison).
    app.selection.show_pair(Pair::new(fire, budget));
    press_settled(&mut app, &[Action::Swap, Action::Swap]);
    assert!(
        !app.comparison().unwrap().unrelated(),
        "the engine alone would diff this pair"
    );
    assert!(app.unrelated(), "different stories");
    press_settled(&mut app, &[Action::Tick]);
    assert!(screen(&app).contains("different stories"));
    app.selection.show_pair(Pair::new(fire, fire_radio));
    press_settled(&mut app, &[Action::Swap, Action::Swap]);
    assert!(!app.unrelated(), "one story");
    assert!(!screen(&app).contains("different stories"));
}

/// The sidebar's first screen row (under its border).
fn sidebar_top_line(app: &App) -> String {
    screen(app).lines().nth(1).unwrap_or_default().to_string()
}

#[test]
fn the_sidebar_scrolls_like_a_list_view_and_stays_put_when_the_cursor_goes_back_up() {
    let mut app = fixture_app("stories/week", (100, 24), &Theme::color());
    app.selection.focus = Focus::Sidebar;
    press_settled(&mut app, &[Action::Top]);
    let first_screen = sidebar_top_line(&app);
    // Down past the bottom: the list scrolls.
    press_settled(&mut app, &vec![Action::ScrollDown; 12]);
    let scrolled = sidebar_top_line(&app);
    assert_ne!(scrolled, first_screen, "{}", screen(&app));
    // Back up a row: the cursor moves, the list does not.
    press_settled(&mut app, &[Action::ScrollUp]);
    assert_eq!(sidebar_top_line(&app), scrolled, "{}", screen(&app));
    // Back to the top: the first screen again.
    press_settled(&mut app, &[Action::Top]);
    assert_eq!(sidebar_top_line(&app), first_screen);
}

#[test]
fn a_map_opened_before_the_stories_are_found_shows_the_story_once_they_are() {
    let corpus = week_corpus();
    let mut app = App::new(corpus, CompareOptions::default(), Theme::color(), (120, 40));
    // Opened at once: the stories are not found yet, so the map asks for all articles.
    app.apply(Action::ToggleMatrix);
    reader::settle(&mut app);
    assert!(matches!(app.ui.popup, Some(Popup::Matrix { .. })));
    let story = app.current_story().expect("stories found").articles.len();
    let (_, ids) = app.matrix().expect("the story's map, asked for anew");
    assert_eq!(ids.len(), story);
    assert!(story < app.articles.len());
}
