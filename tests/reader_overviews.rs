//! The reader's corpus views: disputed facts, the similarity map, the quote tracker.

#![allow(clippy::unwrap_used)]

#[path = "support/reader.rs"]
mod reader;

use crosscheck::pair::{Pair, Side};
use crosscheck::tui::action::Action;
use crosscheck::tui::app::{App, Popup};
use crosscheck::tui::facts::FactKind;
use crosscheck::tui::geometry;
use crosscheck::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use reader::{app_of, article, find, fixture_app, id, ids, press, render, row_text, settle};

/// The reader on three reports of one flood (toll 12 vs 14, Whitaker vs Whittaker, a
/// lone $40 million).
fn flood_app(w: u16, h: u16, theme: &Theme) -> App {
    let file = |name: &str| {
        std::fs::read_to_string(format!("tests/fixtures/facts/flood/{name}.txt")).unwrap()
    };
    let articles = vec![
        article("a", "Valley Gazette", "Flood kills 12", &file("a_gazette")),
        article("b", "County Herald", "Flood toll 14", &file("b_herald")),
        article("c", "State Wire", "River flood", &file("c_wire")),
    ];
    app_of(articles, (w, h), theme)
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
fn similarity_map_shades_cells_marks_wire_copy_and_opens_a_pair() {
    let mut app = fixture_app("matrix", (120, 40), &Theme::color());
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
    let mut app = fixture_app("matrix", (120, 40), &Theme::no_color());
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
    let mut app = fixture_app("tracker", (120, 40), &Theme::color());
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
    let mut app = fixture_app("tracker", (120, 40), &Theme::color());
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
