//! What is on screen besides the panes' text: the open popup, the search, the
//! highlighted sentences, the status message, the spinner, the sidebar.

use crate::pair::Side;
use crate::tui::action::Action;
use crate::tui::facts::Place;
use std::ops::Range;

/// A popup over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// The key help, scrolled by this many rows.
    Help(usize),
    /// The pair's shared quotes, with the selected row.
    Quotes(usize),
    /// Skipped files and loading warnings, scrolled by this many rows.
    Warnings(usize),
    /// Disagreeing facts with the selected row, for the pair or the whole corpus.
    Facts {
        /// The selected row.
        selected: usize,
        /// Corpus-wide rather than the shown pair.
        corpus: bool,
    },
    /// The similarity map with the cursor on a cell (positions among the map's articles).
    Matrix {
        /// The cursor's row: the article that would show on the left.
        row: usize,
        /// The cursor's column: the article that would show on the right.
        col: usize,
    },
    /// The quote tracker with the selected group and, when open, its carriers.
    Tracker {
        /// The selected group.
        selected: usize,
        /// The carriers of the selected group, shown side by side.
        detail: Option<Carriers>,
    },
}

/// The carriers of a quote group as listed in the tracker's detail view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Carriers {
    /// The carrier under the cursor (index into the group's occurrences).
    pub cursor: usize,
    /// Carriers picked to open as the pair, oldest first.
    pub picks: [Option<usize>; 2],
}

/// The search in one pane.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// True while the query is being typed.
    pub typing: bool,
    /// The query.
    pub query: String,
    /// The pane searched.
    pub side: Option<Side>,
    /// Hits as byte ranges of that pane's text.
    pub hits: Vec<Range<usize>>,
    /// The hit last jumped to.
    pub current: Option<usize>,
}

/// The screen's state around the panes.
#[derive(Debug, Clone, PartialEq)]
pub struct Ui {
    /// The open popup.
    pub popup: Option<Popup>,
    /// The search.
    pub search: Search,
    /// Sentences highlighted by the last jump from the facts list or the tracker.
    pub spotlight: Vec<Place>,
    /// One-line message for the status bar.
    pub message: Option<String>,
    /// Spinner frame.
    pub tick: usize,
    /// Sidebar visible.
    pub sidebar: bool,
    /// The prompt asking where `e` writes the pair's report, while open.
    pub export: Option<super::ExportPrompt>,
    /// The sidebar's width from the config (none: a fifth of the screen).
    pub sidebar_width: Option<u16>,
    /// A jump asked for before the pair's comparison arrived, done when it does.
    pub(super) deferred: Option<Action>,
}

impl Default for Ui {
    fn default() -> Self {
        Self {
            popup: None,
            search: Search::default(),
            spotlight: Vec::new(),
            message: None,
            tick: 0,
            sidebar: true,
            export: None,
            sidebar_width: None,
            deferred: None,
        }
    }
}
