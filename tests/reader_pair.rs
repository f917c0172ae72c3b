//! Reading a pair (issue G): counterparts on one row with filler, locked and unlocked
//! scrolling, moved sentences, the change cursor, sideways scrolling, `z`, the status
//! line, the sidebar's width, unrelated pairs.

#![allow(clippy::unwrap_used)]

#[path = "support/reader.rs"]
mod reader;

use crosscheck::pair::{Pair, Side};
use crosscheck::tui::action::Action;
use crosscheck::tui::app::App;
use crosscheck::tui::geometry;
use crosscheck::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use reader::{
    app_of, article, find, fixture_app, id, ids, press, render, row_text, settle, type_text,
};

/// The invented pair: the right article has an extra paragraph early on and both
/// carry two quotes after it; a third article is about something else entirely.
fn ferry_app(w: u16, h: u16) -> App {
    fixture_app("reader/ferry", (w, h), &Theme::color())
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
    let articles = vec![
        article("plain", "Tidewater Times", "Ferries halted", shared),
        article(
            "lead",
            "Bay Courier",
            "Ferries halted after review",
            &format!("{lead}\n\n{shared}"),
        ),
    ];
    let app = app_of(articles, (80, 24), &Theme::color());
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
    type_text(&mut app, "Union");
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
    let articles = vec![
        article("a", "North Ledger", "Harbor branch approved", &left),
        article("b", "South Sentinel", "New library branch", &right),
    ];
    app_of(articles, (100, 24), &Theme::color())
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
