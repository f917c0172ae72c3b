//! Reader tests: `App::apply` transitions and rendered screens (`TestBackend` + insta),
//! on small articles written for these tests.

#![allow(clippy::unwrap_used)]

use crosscheck::compare::{CompareOptions, MatchKind, SharedQuote};
use crosscheck::corpus::{Article, Corpus, Meta, Removal, RemovalReason, Skipped};
use crosscheck::pair::{Pair, Side};
use crosscheck::tui::action::Action;
use crosscheck::tui::app::{App, Effect, Focus, Popup};
use crosscheck::tui::articles::ArticleId;
use crosscheck::tui::facts::FactKind;
use crosscheck::tui::geometry;
use crosscheck::tui::layout::line_of;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::view;
use crosscheck::tui::worker::Computed;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const GAZETTE: &str = include_str!("fixtures/tui/harbor_gazette.txt");
const POST: &str = include_str!("fixtures/tui/river_post.txt");
const BRIEF: &str = include_str!("fixtures/tui/commuter_brief.txt");
/// A line the loader would clean away, put back into the raw text of the first article.
const IMAGE_LINE: &str = "![](https://example.org/bridge.jpg)\n";

fn article(id: &str, outlet: &str, title: &str, clean: &str, url: Option<&str>) -> Article {
    Article {
        id: id.into(),
        source: format!("{id}.txt"),
        meta: Meta {
            outlet: outlet.into(),
            title: title.into(),
            date: Some("2026-05-12".into()),
            url: url.map(Into::into),
            authors: Vec::new(),
        },
        raw: clean.into(),
        clean: clean.into(),
        removals: Vec::new(),
        warnings: Vec::new(),
    }
}

fn corpus() -> Corpus {
    let mut gazette = article(
        "gazette",
        "Harbor Gazette",
        "Council votes to close harbor bridge for repairs",
        GAZETTE,
        Some("https://example.org/gazette/bridge"),
    );
    let cut = GAZETTE.find("Engineers").unwrap();
    gazette.raw = format!("{}{IMAGE_LINE}{}", &GAZETTE[..cut], &GAZETTE[cut..]);
    gazette.removals = vec![Removal {
        range: cut..cut + IMAGE_LINE.len(),
        reason: RemovalReason::Image,
    }];
    Corpus {
        articles: vec![
            gazette,
            article(
                "post",
                "River Post",
                "Harbor bridge to close for a year as council backs repairs",
                POST,
                None,
            ),
            article(
                "brief",
                "Commuter Brief",
                "Bridge closure: what commuters need to know",
                BRIEF,
                None,
            ),
        ],
        skipped: vec![Skipped {
            path: "broken.json".into(),
            reason: "invalid JSON at line 1".into(),
        }],
    }
}

fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    start..start + needle.len()
}

/// The gazette/post comparison with three shared quotes placed by hand, so these
/// tests don't depend on the quote matcher.
fn hand_comparison() -> Computed {
    let texts = Pair::new(GAZETTE, POST);
    let computed = Computed::compute(texts, &CompareOptions::default());
    let mut c = computed.comparison;
    let quote = |kind, left: &str, right: &str| SharedQuote {
        kind,
        score: 1.0,
        speaker: Some("Elena Ruiz".into()),
        spans: Pair::new(span_of(GAZETTE, left), span_of(POST, right)),
        quoted: Pair::new(true, true),
        speakers: Pair::new(Some("Elena Ruiz".into()), None),
        words: left.split_whitespace().count(),
    };
    c.shared_quotes = vec![
        quote(
            MatchKind::Partial,
            "Half of my customers come over that bridge",
            "half of my customers come over that bridge",
        ),
        quote(
            MatchKind::Exact,
            "keep patching a structure that was built for horse carts",
            "keep patching a structure that was built for horse carts",
        ),
        quote(MatchKind::Near, "Safety comes first", "safety comes first"),
    ];
    Computed::new(c, computed.changed_words, texts)
}

/// Runs queued work synchronously; the gazette/post pair gets the hand-built comparison.
fn settle(app: &mut App) {
    app.settle(|job| {
        if job.texts == Pair::new(GAZETTE.into(), POST.into()) {
            hand_comparison()
        } else {
            job.run()
        }
    });
}

fn app_sized(w: u16, h: u16, theme: &Theme) -> App {
    let mut app = App::new(corpus(), CompareOptions::default(), *theme, (w, h));
    settle(&mut app);
    app
}

fn app(w: u16, h: u16) -> App {
    app_sized(w, h, &Theme::color())
}

fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

/// Cells (x, y) where `needle` starts, scanning rows left to right (ASCII needles).
fn find(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..buffer.area.height {
        let cells: Vec<String> = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        let chars: Vec<String> = needle.chars().map(|c| c.to_string()).collect();
        for x in 0..cells.len().saturating_sub(chars.len() - 1) {
            if cells[x..x + chars.len()] == chars[..] {
                out.push((u16::try_from(x).unwrap(), y));
            }
        }
    }
    out
}

/// The id of the article at `position` in the sidebar.
fn id(app: &App, position: usize) -> ArticleId {
    app.articles.id_at(position).unwrap()
}

/// The ids of the articles at sidebar positions `left` and `right`.
fn ids(app: &App, left: usize, right: usize) -> Pair<ArticleId> {
    Pair::new(id(app, left), id(app, right))
}

fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.apply(action.clone());
    }
}

// ---- screens ----

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
fn search_hits_are_highlighted_and_n_cycles() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::FocusNext, Action::StartSearch]);
    for c in "bridge".chars() {
        app.apply(Action::SearchInput(c));
    }
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

// ---- transitions ----

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
fn warnings_popup_lists_skipped_files() {
    let mut app = app(100, 30);
    press(&mut app, &[Action::ToggleWarnings]);
    let terminal = render(&app);
    assert!(!find(terminal.backend().buffer(), "broken.json").is_empty());
}

#[test]
fn escape_on_the_main_screen_only_clears_a_search_and_q_quits() {
    let mut app = app(100, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::StartSearch],
    );
    for c in "bridge".chars() {
        app.apply(Action::SearchInput(c));
    }
    press(&mut app, &[Action::SearchSubmit, Action::Back]);
    assert!(app.running, "Esc never quits");
    assert!(app.ui.search.hits.is_empty(), "Esc cleared the search");
    press(&mut app, &[Action::Back]);
    assert!(app.running);
    press(&mut app, &[Action::Quit]);
    assert!(!app.running, "q quits the main screen");
}

#[test]
fn q_and_escape_close_every_popup_and_sub_view_and_ctrl_c_quits_from_anywhere() {
    let mut app = fixture_app("tracker", 120, 40, &Theme::color());
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

// ---- corpus views ----

/// Three reports of one flood (toll 12 vs 14, Whitaker vs Whittaker, a lone $40 million).
fn flood_corpus() -> Corpus {
    let file = |name: &str| {
        std::fs::read_to_string(format!("tests/fixtures/facts/flood/{name}.txt")).unwrap()
    };
    Corpus {
        articles: vec![
            article(
                "a",
                "Valley Gazette",
                "Flood kills 12",
                &file("a_gazette"),
                None,
            ),
            article(
                "b",
                "County Herald",
                "Flood toll 14",
                &file("b_herald"),
                None,
            ),
            article("c", "State Wire", "River flood", &file("c_wire"), None),
        ],
        skipped: Vec::new(),
    }
}

fn flood_app(w: u16, h: u16, theme: &Theme) -> App {
    let mut app = App::new(flood_corpus(), CompareOptions::default(), *theme, (w, h));
    settle(&mut app);
    app
}

/// Cells of the visible text of pane `side` that lie in `range` of its clean text.
fn spotlit_rows(app: &App, side: Side, buffer: &Buffer) -> Vec<u16> {
    let text_area = geometry::text_area(app.areas().panes[side]);
    (text_area.y..text_area.y + text_area.height)
        .filter(|&y| {
            (text_area.x..text_area.x + text_area.width)
                .any(|x| buffer[(x, y)].bg == Color::DarkGray)
        })
        .collect()
}

#[test]
fn facts_list_shows_the_pair_then_the_corpus() {
    let mut app = flood_app(120, 40, &Theme::color());
    press(&mut app, &[Action::ToggleFacts]);
    assert_eq!(
        app.ui.popup,
        Some(Popup::Facts {
            selected: 0,
            corpus: false
        })
    );
    settle(&mut app);
    let terminal = render(&app);
    insta::assert_snapshot!("facts_pair", terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(!find(buffer, "Whitaker / Whittaker").is_empty());
    assert!(!find(buffer, "12 people ≠ 14 people").is_empty());
    assert!(
        find(buffer, "State Wire").len() <= 1,
        "the pair leaves the wire out"
    );
    press(&mut app, &[Action::ToggleScope]);
    settle(&mut app);
    let involves_wire = |corpus| {
        app.fact_items(corpus)
            .unwrap()
            .iter()
            .any(|i| i.articles.contains(&id(&app, 2)))
    };
    assert!(!involves_wire(false) && involves_wire(true));
    let terminal = render(&app);
    insta::assert_snapshot!("facts_corpus", terminal.backend());
}

#[test]
fn enter_on_a_corpus_fact_opens_its_pair_at_both_sentences() {
    let mut app = flood_app(120, 20, &Theme::color());
    // Scrolled away from the sentences, which the jump must bring back into view.
    press(
        &mut app,
        &[
            Action::Focus(Some(Side::Left)),
            Action::Bottom,
            Action::ToggleFacts,
            Action::ToggleScope,
        ],
    );
    assert!(app.panes.scroll.left > 0);
    settle(&mut app);
    let items = app.fact_items(true).unwrap();
    // The death toll: the gazette's 12 against the herald's and the wire's 14, one row
    // that opens the first article of each side.
    let row = items
        .iter()
        .position(|i| i.kind == FactKind::Value && i.places.len() == 2)
        .expect("one dispute row for the death toll");
    assert_eq!(items[row].articles, [id(&app, 0), id(&app, 1), id(&app, 2)]);
    for _ in 0..row {
        app.apply(Action::ScrollDown);
    }
    press(&mut app, &[Action::Select]);
    settle(&mut app);
    assert_eq!(app.ui.popup, None);
    assert_eq!(
        app.selection.shown,
        ids(&app, 0, 1),
        "the gazette keeps its side"
    );
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    for (side, figure) in [(Side::Left, "12"), (Side::Right, "14")] {
        let rows = spotlit_rows(&app, side, buffer);
        assert!(
            rows.iter().any(|&y| row_text(buffer, y).contains(figure)),
            "the {side:?} pane highlights the sentence with {figure}: {rows:?}"
        );
    }
}

#[test]
fn facts_in_no_color_use_modifiers_only() {
    let mut app = flood_app(100, 30, &Theme::no_color());
    press(&mut app, &[Action::ToggleFacts]);
    settle(&mut app);
    press(&mut app, &[Action::Select]);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let word = find(buffer, "Whitaker")[0];
    assert!(buffer[word].modifier.contains(Modifier::REVERSED));
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

fn fixture_app(folder: &str, w: u16, h: u16, theme: &Theme) -> App {
    let corpus = crosscheck::corpus::load_paths(
        &[std::path::PathBuf::from(format!("tests/fixtures/{folder}"))],
        &crosscheck::corpus::LoadOptions::default(),
    )
    .unwrap();
    let mut app = App::new(corpus, CompareOptions::default(), *theme, (w, h));
    settle(&mut app);
    app
}

#[test]
fn similarity_map_shades_cells_marks_wire_copy_and_opens_a_pair() {
    let mut app = fixture_app("matrix", 120, 40, &Theme::color());
    press(&mut app, &[Action::ToggleMatrix]);
    assert_eq!(app.ui.popup, Some(Popup::Matrix { row: 0, col: 1 }));
    let terminal = render(&app);
    assert!(!find(terminal.backend().buffer(), "comparing every pair").is_empty());
    settle(&mut app);
    let terminal = render(&app);
    insta::assert_snapshot!("matrix_map", terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(!find(buffer, "%*").is_empty(), "a derived pair is marked");
    let backgrounds: std::collections::HashSet<Color> =
        buffer.content.iter().map(|c| c.bg).collect();
    assert!(backgrounds.len() >= 3, "cells are shaded: {backgrounds:?}");
    press(
        &mut app,
        &[Action::MoveRight, Action::ScrollDown, Action::MoveLeft],
    );
    assert_eq!(app.ui.popup, Some(Popup::Matrix { row: 1, col: 1 }));
    press(&mut app, &[Action::Select]);
    assert!(app.ui.popup.is_some(), "the diagonal opens nothing");
    press(
        &mut app,
        &[Action::MoveRight, Action::MoveRight, Action::Select],
    );
    assert_eq!(app.ui.popup, None);
    assert_eq!(app.selection.shown, ids(&app, 1, 3));
    assert_eq!(app.panes.scroll, Pair::new(0, 0));
}

#[test]
fn similarity_map_without_color_shades_with_characters() {
    let mut app = fixture_app("matrix", 120, 40, &Theme::no_color());
    press(&mut app, &[Action::ToggleMatrix]);
    settle(&mut app);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let shades = ['░', '▒', '▓', '█']
        .iter()
        .filter(|s| !find(buffer, &s.to_string()).is_empty())
        .count();
    assert!(shades >= 2, "several shades drawn as characters");
}

#[test]
fn tracker_lists_groups_with_marks_and_opens_two_carriers() {
    let mut app = fixture_app("tracker", 120, 40, &Theme::color());
    press(&mut app, &[Action::ToggleTracker]);
    settle(&mut app);
    let terminal = render(&app);
    insta::assert_snapshot!("tracker_list", terminal.backend());
    let (groups, carriers) = app.quote_groups().unwrap();
    let (groups, carriers) = (groups.to_vec(), carriers.to_vec());
    assert!(!groups.is_empty());
    assert!(
        groups
            .windows(2)
            .all(|w| w[0].articles() >= w[1].articles()),
        "most carried first"
    );
    let buffer = terminal.backend().buffer();
    assert!(!find(buffer, "●").is_empty());
    if groups.iter().any(|g| g.conflict) {
        assert!(!find(buffer, "⚠").is_empty(), "conflicts are flagged");
    }
    // Enter lists the carriers of the second group; pick the first and the last, open them.
    let group = &groups[1];
    press(
        &mut app,
        &[
            Action::ScrollDown,
            Action::Select,
            Action::Select,
            Action::Bottom,
            Action::Select,
        ],
    );
    let terminal = render(&app);
    insta::assert_snapshot!("tracker_carriers", terminal.backend());
    press(&mut app, &[Action::OpenCarriers]);
    assert_eq!(app.ui.popup, None);
    let first = &group.occurrences[0];
    let last = group.occurrences.last().unwrap();
    let mut shown = vec![app.selection.shown.left, app.selection.shown.right];
    shown.sort_unstable();
    let mut want = vec![carriers[first.article], carriers[last.article]];
    want.sort_unstable();
    assert_eq!(shown, want);
    assert_eq!(app.ui.spotlight.len(), 2, "both quotes highlighted");
}

#[test]
fn tracker_p_opens_the_first_two_carriers_and_esc_leaves_the_carriers_first() {
    let mut app = fixture_app("tracker", 120, 40, &Theme::color());
    press(&mut app, &[Action::ToggleTracker]);
    settle(&mut app);
    press(&mut app, &[Action::Select]);
    assert!(matches!(
        app.ui.popup,
        Some(Popup::Tracker {
            detail: Some(_),
            ..
        })
    ));
    press(&mut app, &[Action::Back]);
    assert!(matches!(
        app.ui.popup,
        Some(Popup::Tracker { detail: None, .. })
    ));
    let (groups, carriers) = app.quote_groups().unwrap();
    let group = groups[0].clone();
    let carriers = carriers.to_vec();
    press(&mut app, &[Action::OpenCarriers]);
    let mut shown = vec![app.selection.shown.left, app.selection.shown.right];
    shown.sort_unstable();
    assert_eq!(
        shown,
        vec![
            carriers[group.occurrences[0].article],
            carriers[group.occurrences[1].article]
        ]
    );
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

// ---- reading a pair (issue G) ----

/// The invented pair: the right article has an extra paragraph early on and both
/// carry two quotes after it; a third article is about something else entirely.
fn ferry_app(w: u16, h: u16) -> App {
    fixture_app("reader/ferry", w, h, &Theme::color())
}

/// The screen row where `needle` starts inside the text area of pane `side`.
fn row_in(app: &App, buffer: &Buffer, side: Side, needle: &str) -> Option<u16> {
    let area = geometry::text_area(app.areas().panes[side]);
    find(buffer, needle)
        .into_iter()
        .find(|&(x, y)| {
            area.x <= x && x < area.x + area.width && area.y <= y && y < area.y + area.height
        })
        .map(|(_, y)| y)
}

/// Sentences both ferry articles carry in the same order, by their first words.
const FERRY_SHARED: [&str; 5] = [
    "Board chair",
    "[1]\"We will",
    "Commuters who",
    "Union",
    "The board",
];

/// Every shared sentence visible in either pane stands on the same row in both.
fn assert_counterparts_face(app: &App, when: &str) {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    let mut seen = 0;
    for needle in FERRY_SHARED {
        let rows = Side::BOTH.map(|s| row_in(app, buffer, s, needle));
        if rows[0].is_some() || rows[1].is_some() {
            assert_eq!(rows[0], rows[1], "{when}: {needle:?} faces its counterpart");
            seen += 1;
        }
    }
    assert!(
        seen > 0 || app.panes.scroll.left > 0,
        "{when}: nothing shared in view"
    );
}

/// Regression: when the right article opens with a paragraph the left lacks, the
/// pair used to open scrolled past it (the left pane's first sentence kept at the top).
#[test]
fn a_pair_opens_at_the_start_of_both_texts_even_behind_filler() {
    let shared = "The regional transit board voted on Monday to suspend night ferry service.\n\n\
                  Board chair Miriam Osei said the decision followed a safety review of the vessels.";
    let lead = "Commuters crowded the terminal on Sunday evening for one of the last crossings.";
    let corpus = Corpus {
        articles: vec![
            article("plain", "Tidewater Times", "Ferries halted", shared, None),
            article(
                "lead",
                "Bay Courier",
                "Ferries halted after review",
                &format!("{lead}\n\n{shared}"),
                None,
            ),
        ],
        skipped: Vec::new(),
    };
    let mut app = App::new(corpus, CompareOptions::default(), Theme::color(), (80, 24));
    settle(&mut app);
    assert!(app.aligned(), "the pair is laid out on one grid");
    assert_eq!(app.panes.scroll, Pair::new(0, 0));
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let top = geometry::text_area(app.areas().panes.right).y;
    assert_eq!(
        row_in(&app, buffer, Side::Right, "Commuters crowded"),
        Some(top)
    );
    let rows = Side::BOTH.map(|s| row_in(&app, buffer, s, "The regional"));
    assert!(rows[0].is_some() && rows[0] == rows[1], "{rows:?}");
}

#[test]
fn counterparts_stand_on_one_row_with_filler_from_either_pane() {
    let mut app = ferry_app(80, 24);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    // The extra paragraph on the right faces filler on the left.
    let extra = row_in(&app, buffer, Side::Right, "The vote came").unwrap();
    let left_area = geometry::text_area(app.areas().panes.left);
    assert_eq!(buffer[(left_area.x, extra)].symbol(), "╱");
    assert_eq!(buffer[(left_area.x, extra)].fg, Color::DarkGray);
    assert_counterparts_face(&app, "opening");
    for side in Side::BOTH {
        press(&mut app, &[Action::Focus(Some(side)), Action::Top]);
        let moves = [
            Action::ScrollDown,
            Action::ScrollDown,
            Action::PageDown,
            Action::HalfPageDown,
            Action::ScrollUp,
            Action::Bottom,
            Action::PageUp,
            Action::Top,
            Action::NextQuote,
            Action::NextQuote,
            Action::NextChange,
        ];
        for action in moves {
            press(&mut app, std::slice::from_ref(&action));
            assert_eq!(
                app.panes.scroll.left, app.panes.scroll.right,
                "{side:?} {action:?}"
            );
            assert_counterparts_face(&app, &format!("{side:?} pane, {action:?}"));
        }
    }
    // Search from the right pane: the hit's sentence faces its counterpart.
    press(
        &mut app,
        &[
            Action::Focus(Some(Side::Right)),
            Action::Top,
            Action::StartSearch,
        ],
    );
    for c in "Union".chars() {
        app.apply(Action::SearchInput(c));
    }
    press(&mut app, &[Action::SearchSubmit]);
    assert!(app.panes.scroll.right > 0, "the search scrolled");
    assert_counterparts_face(&app, "search");
}

#[test]
fn unlocked_panes_scroll_alone_and_relocking_aligns_on_the_focused_top_sentence() {
    let mut app = ferry_app(100, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Right)), Action::ToggleLock],
    );
    assert_eq!(
        app.ui.message.as_deref(),
        Some("scrolling unlocked: each pane scrolls alone")
    );
    let terminal = render(&app);
    assert!(
        find(terminal.backend().buffer(), "╱").is_empty(),
        "no filler when apart"
    );
    press(&mut app, &vec![Action::ScrollDown; 9]);
    assert_eq!(app.panes.scroll.left, 0, "the left pane stays");
    let right = &app.panes.lines.right;
    let top = right[app.panes.scroll.right].start;
    press(&mut app, &[Action::ToggleLock]);
    assert_eq!(
        app.ui.message.as_deref(),
        Some("scrolling locked: counterparts stand on one row")
    );
    let now = app.panes.lines.right[app.panes.scroll.right].start;
    let next = app
        .panes
        .lines
        .right
        .get(app.panes.scroll.right + 1)
        .map_or(usize::MAX, |l| l.start);
    assert!(
        now <= top && top < next,
        "the focused pane keeps its top text"
    );
    assert_eq!(app.panes.scroll.left, app.panes.scroll.right);
    assert_counterparts_face(&app, "relocked");
}

/// Two articles where one sentence stands elsewhere in the order of the second.
fn moved_app() -> App {
    let shared = [
        "The library board approved a new branch in the harbor district on Thursday.",
        "Construction is expected to begin in the autumn and last eighteen months.",
        "Librarian Ana Petrov said the branch would open late on weekdays for shift workers.",
        "The building will include a maker space with three printers and a sewing room.",
        "Residents had petitioned for a branch since the old reading room closed in 2019.",
    ];
    let left = shared.join("\n\n");
    let right = [shared[4], shared[0], shared[1], shared[2], shared[3]].join("\n\n");
    let corpus = Corpus {
        articles: vec![
            article("a", "North Ledger", "Harbor branch approved", &left, None),
            article("b", "South Sentinel", "New library branch", &right, None),
        ],
        skipped: Vec::new(),
    };
    let mut app = App::new(corpus, CompareOptions::default(), Theme::color(), (100, 24));
    settle(&mut app);
    app
}

#[test]
fn a_moved_sentence_is_marked_and_faces_its_counterpart_when_jumped_to() {
    let mut app = moved_app();
    let computed = app.computed().unwrap();
    assert_eq!(computed.counterparts.moved.len(), 1, "one sentence moved");
    let index = computed
        .counterparts
        .changes
        .iter()
        .position(|c| c.moved)
        .unwrap();
    press(&mut app, &[Action::Focus(Some(Side::Left))]);
    for _ in 0..=index {
        press(&mut app, &[Action::NextChange]);
    }
    assert_eq!(app.selection.change, Some(index));
    let message = app.ui.message.clone().unwrap();
    assert!(message.ends_with("· moved"), "{message}");
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    let rows = Side::BOTH.map(|s| row_in(&app, buffer, s, "Residents had"));
    assert!(
        rows[0].is_some() && rows[0] == rows[1],
        "the moved sentence faces itself: {rows:?}"
    );
    for side in Side::BOTH {
        let gutter = geometry::gutter(app.areas().panes[side]);
        assert_eq!(buffer[(gutter.x, rows[0].unwrap())].symbol(), "▶");
    }
    // Scrolling on, the panes stand on one row again; with the cursor cleared (Esc)
    // the moved sentence is still marked ↕.
    press(&mut app, &[Action::Top, Action::Back]);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let right = row_in(&app, buffer, Side::Right, "Residents had").unwrap();
    let gutter = geometry::gutter(app.areas().panes.right);
    assert_eq!(buffer[(gutter.x, right)].symbol(), "↕");
    assert_eq!(app.panes.scroll.left, app.panes.scroll.right);
}

#[test]
fn the_change_cursor_belongs_to_the_pair_and_wraps_like_quotes() {
    let mut app = ferry_app(80, 24);
    let count = app.computed().unwrap().counterparts.changes.len();
    assert!(count >= 5, "{count} changes");
    // From the left pane, the first change is the paragraph only the right has.
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::NextChange],
    );
    assert_eq!(
        app.ui.message.as_deref(),
        Some(format!("change 1 of {count}").as_str())
    );
    let change = app.computed().unwrap().counterparts.changes[0].clone();
    assert!(change.spans.left.is_empty());
    assert!(
        POST_OF_FERRY_RIGHT_STARTS
            .iter()
            .any(|s| app.text(Side::Right)[change.spans.right.clone()].starts_with(s))
    );
    press(&mut app, &[Action::NextChange, Action::NextChange]);
    assert_eq!(
        app.ui.message.as_deref(),
        Some(format!("change 3 of {count}").as_str())
    );
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    // The target stands inside the viewport, a few rows from the top, marked in both gutters.
    let marked: Vec<Vec<u16>> = Side::BOTH
        .iter()
        .map(|&s| {
            let gutter = geometry::gutter(app.areas().panes[s]);
            (gutter.y..gutter.y + gutter.height)
                .filter(|&y| buffer[(gutter.x, y)].symbol() == "▶")
                .collect()
        })
        .collect();
    assert_eq!(marked[0], marked[1], "both panes mark the change's row");
    let top = geometry::text_area(app.areas().panes.left).y;
    assert_eq!(
        marked[0],
        vec![top + 3],
        "three rows of context above the change"
    );
    // At the ends, changes and quotes both wrap, and say so.
    press(&mut app, &[Action::Top, Action::PrevChange]);
    assert_eq!(
        app.ui.message.as_deref(),
        Some(format!("change {count} of {count} · wrapped to the last").as_str())
    );
    press(&mut app, &[Action::NextChange]);
    assert_eq!(
        app.ui.message.as_deref(),
        Some(format!("change 1 of {count} · wrapped to the first").as_str())
    );
    press(&mut app, &[Action::Top, Action::PrevQuote]);
    assert_eq!(
        app.ui.message.as_deref(),
        Some("quote 2 of 2 · wrapped to the last")
    );
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(
        app.ui.message.as_deref(),
        Some("quote 1 of 2 · wrapped to the first")
    );
}

/// How the extra paragraph of the ferry pair's right article starts.
const POST_OF_FERRY_RIGHT_STARTS: [&str; 1] = ["The vote came"];

#[test]
fn sideways_scrolling_with_wrap_off_moves_both_locked_panes_and_shows_the_column() {
    let mut app = ferry_app(80, 24);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::MoveRight],
    );
    assert_eq!(
        app.panes.column,
        Pair::new(0, 0),
        "wrapped lines do not scroll sideways"
    );
    assert!(
        app.ui
            .message
            .as_deref()
            .unwrap_or("")
            .contains("w turns wrapping off")
    );
    press(&mut app, &[Action::ToggleWrap]);
    assert!(app.ui.message.as_deref().unwrap_or("").contains("h/l"));
    press(&mut app, &[Action::MoveRight, Action::MoveRight]);
    assert_eq!(app.panes.column, Pair::new(16, 16), "locked: both panes");
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(row_text(buffer, 23).contains("nowrap col 17"));
    let first = row_in(&app, buffer, Side::Left, "nsit board voted");
    assert!(first.is_some(), "the text is shown from its 17th column");
    press(&mut app, &[Action::MoveLeft]);
    assert_eq!(app.panes.column, Pair::new(8, 8));
    press(
        &mut app,
        &[
            Action::ToggleLock,
            Action::Focus(Some(Side::Right)),
            Action::MoveLeft,
        ],
    );
    assert_eq!(
        app.panes.column,
        Pair::new(8, 0),
        "unlocked: the focused pane alone"
    );
    press(&mut app, &vec![Action::MoveRight; 100]);
    let widest = app
        .panes
        .lines
        .right
        .iter()
        .map(|l| l.width(app.text(Side::Right)))
        .max()
        .unwrap();
    let width = usize::from(geometry::text_area(app.areas().panes.right).width);
    assert_eq!(
        app.panes.column.right,
        widest - width,
        "stops where the widest row ends"
    );
}

#[test]
fn z_folds_the_same_runs_on_both_sides_and_keeps_changes_facing() {
    let mut app = ferry_app(100, 30);
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::ToggleOnlyChanged],
    );
    let message = app.ui.message.clone().unwrap();
    assert!(message.starts_with("only changes: "), "{message}");
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let lines = &app.panes.lines;
    assert_eq!(lines.left.len(), lines.right.len());
    let hidden = |l: &crosscheck::tui::layout::VisualLine| {
        l.pieces.iter().find_map(|p| match p.kind {
            crosscheck::tui::layout::PieceKind::Hidden(n) => Some(n),
            _ => None,
        })
    };
    let folds: Vec<(Option<usize>, Option<usize>)> = lines
        .left
        .iter()
        .zip(lines.right.iter())
        .map(|(l, r)| (hidden(l), hidden(r)))
        .collect();
    assert!(folds.iter().any(|f| f.0.is_some()), "something is folded");
    assert!(
        folds.iter().all(|f| f.0 == f.1),
        "folds stand on the same rows: {folds:?}"
    );
    // The inserted paragraph stays, facing filler; each changed sentence faces its counterpart.
    let buffer = terminal.backend().buffer();
    let extra = row_in(&app, buffer, Side::Right, "The vote came").unwrap();
    let left_area = geometry::text_area(app.areas().panes.left);
    assert_eq!(buffer[(left_area.x, extra)].symbol(), "╱");
    for needle in ["Commuters who", "Union"] {
        let rows = Side::BOTH.map(|s| row_in(&app, buffer, s, needle));
        assert!(
            rows[0].is_some() && rows[0] == rows[1],
            "{needle}: {rows:?}"
        );
    }
    press(&mut app, &[Action::ToggleOnlyChanged]);
    assert_eq!(app.ui.message.as_deref(), Some("all text shown"));
}

#[test]
fn the_status_line_shows_state_first_and_each_toggle_says_what_it_did() {
    let mut app = ferry_app(80, 24);
    press(&mut app, &[Action::Focus(Some(Side::Left))]);
    let status = |app: &App| row_text(render(app).backend().buffer(), 23);
    assert!(
        status(&app).starts_with(" locked ign:all │ 2 shared quotes"),
        "{}",
        status(&app)
    );
    insta::assert_snapshot!("status_80_cols", status(&app));
    press(&mut app, &[Action::ToggleLock]);
    assert!(status(&app).starts_with(" unlocked ign:all │ scrolling unlocked"));
    press(&mut app, &[Action::ToggleLock, Action::CycleIgnore]);
    let line = status(&app);
    assert!(line.contains("differences:"), "{line}");
    settle(&mut app);
    press(&mut app, &[Action::ToggleWrap]);
    assert!(status(&app).contains("nowrap col 1 │ lines no longer wrap"));
    press(&mut app, &[Action::ToggleWrap, Action::ToggleOnlyChanged]);
    assert!(status(&app).contains("changed-only │ only changes: "));
    press(&mut app, &[Action::ToggleOnlyChanged, Action::ToggleRaw]);
    let line = status(&app);
    assert!(line.contains(" raw │ raw: what cleaning cut"), "{line}");
    insta::assert_snapshot!("status_80_cols_raw", line);
    // Hints come last and are cut from the right.
    assert!(
        line.trim_end().ends_with("help") || !line.contains('?'),
        "{line}"
    );
}

#[test]
fn the_sidebar_uses_the_room_it_has_and_follows_the_pair_shown() {
    let mut app = ferry_app(200, 50);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    assert_eq!(app.areas().sidebar.unwrap().width, 40);
    let buffer = terminal.backend().buffer();
    let sidebar = app.areas().sidebar.unwrap();
    let title = find(buffer, "Transit board halts late ferries");
    assert!(
        title.iter().any(|&(x, _)| x < sidebar.x + sidebar.width),
        "more of a long title fits in the sidebar"
    );
    // The map opens on the left article's story (the two ferry reports); `a` shows
    // all articles, and it opens another pair: the sidebar cursor moves to it.
    press(&mut app, &[Action::ToggleMatrix]);
    settle(&mut app);
    assert_eq!(
        app.matrix().map(|(_, ids)| ids.to_vec()),
        Some(vec![id(&app, 0), id(&app, 1)])
    );
    press(&mut app, &[Action::ToggleScope]);
    settle(&mut app);
    assert_eq!(app.matrix().map(|(_, ids)| ids.len()), Some(3));
    press(&mut app, &[Action::MoveRight, Action::Select]);
    assert_eq!(app.selection.shown, ids(&app, 0, 2));
    assert_eq!(app.selection.cursor, id(&app, 0));
    press(
        &mut app,
        &[Action::ToggleMatrix, Action::ScrollDown, Action::Select],
    );
    assert_eq!(app.selection.shown, ids(&app, 1, 2));
    assert_eq!(
        app.selection.cursor,
        id(&app, 1),
        "the cursor follows the new left article"
    );
}

#[test]
fn an_unrelated_pair_says_so_and_shows_no_diff() {
    let mut app = ferry_app(100, 24);
    // Down past the second story's header to the third article.
    press(
        &mut app,
        &[
            Action::ScrollDown,
            Action::ScrollDown,
            Action::ScrollDown,
            Action::Select,
        ],
    );
    settle(&mut app);
    assert_eq!(app.selection.shown, ids(&app, 2, 1));
    assert!(app.comparison().unwrap().unrelated());
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(row_text(buffer, 23).contains("these articles seem to be about different stories"));
    for side in Side::BOTH {
        let area = geometry::text_area(app.areas().panes[side]);
        for y in area.y..area.y + area.height {
            for x in area.x..area.x + area.width {
                assert!(
                    ![Color::Red, Color::Green].contains(&buffer[(x, y)].fg),
                    "no diff colors at ({x}, {y})"
                );
            }
        }
    }
    assert!(find(buffer, "╱").is_empty(), "no filler");
    press(
        &mut app,
        &[Action::Focus(Some(Side::Left)), Action::NextChange],
    );
    assert_eq!(
        app.ui.message.as_deref(),
        Some("these articles seem to be about different stories")
    );
    // The same pair's similarity in the sidebar is still shown, as computed.
    assert!(app.similarity_to_left(id(&app, 1)).is_some());
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
