//! What a key (or a background event) means: the only way state changes.

use crate::corpus::{Article, Skipped};
use crate::pair::Side;
use crate::tui::analysis::{AnalysisKey, Findings};
use crate::tui::articles::ArticleId;
use crate::tui::watch::Change;
use crate::tui::worker::{Computed, PairKey};

/// A state transition of the reader, applied by [`crate::tui::app::App::apply`].
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Scroll down one line (next article in the sidebar, next row in a list).
    ScrollDown,
    /// Scroll up one line.
    ScrollUp,
    /// Scroll down one page.
    PageDown,
    /// Scroll up one page.
    PageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Focus the next of sidebar, left pane, right pane.
    FocusNext,
    /// Focus the previous of sidebar, left pane, right pane.
    FocusPrev,
    /// Sidebar: show the article under the cursor; quote list: jump to the quote.
    Select,
    /// Exchange the left and right articles.
    Swap,
    /// Jump both panes to the pair's next change.
    NextChange,
    /// Jump both panes to the pair's previous change.
    PrevChange,
    /// Jump both panes to the next shared quote.
    NextQuote,
    /// Jump both panes to the previous shared quote.
    PrevQuote,
    /// Open or close the list of the pair's shared quotes.
    ToggleQuoteList,
    /// Lock or unlock synchronized scrolling.
    ToggleLock,
    /// Start typing a search in the focused pane (in the sidebar: a filter).
    StartSearch,
    /// Start typing an article's list index to move the sidebar cursor to.
    JumpPrompt,
    /// Sort the sidebar by the next order.
    CycleOrder,
    /// Add a character to the search being typed.
    SearchInput(char),
    /// Remove the last character of the search being typed.
    SearchBackspace,
    /// Finish typing the search and jump to the first hit.
    SearchSubmit,
    /// Abandon the search being typed.
    SearchCancel,
    /// Jump to the next search hit.
    NextHit,
    /// Jump to the previous search hit.
    PrevHit,
    /// Show the raw text with what cleaning removed, or the clean text.
    ToggleRaw,
    /// Cycle which differences between words are ignored.
    CycleIgnore,
    /// Open the focused article's source URL in the browser.
    OpenUrl,
    /// Copy the current shared quote (focused side) with its citation.
    CopyQuote,
    /// Copy both sides of the current shared quote with their citations.
    CopyQuotePair,
    /// Ask where to write the shown pair's HTML report, then write it.
    ExportReport,
    /// Wrap long lines or cut them at the pane edge.
    ToggleWrap,
    /// Show only the paragraphs that contain changes.
    ToggleOnlyChanged,
    /// Hide or show the sidebar.
    ToggleSidebar,
    /// Open or close the list of skipped files and loading warnings.
    ToggleWarnings,
    /// Open or close the list of disagreeing facts.
    ToggleFacts,
    /// In a corpus view: switch between the shown pair and the whole corpus.
    ToggleScope,
    /// Open or close the similarity map.
    ToggleMatrix,
    /// Open or close the quote tracker.
    ToggleTracker,
    /// In the tracker: show two carriers of the quote as the pair.
    OpenCarriers,
    /// Jump both panes to the shared quote that carries `span` of `article`'s clean
    /// text (sent once the pair opened from the one-article view is compared).
    ShowQuoteOf {
        /// The article, shown on one side.
        article: ArticleId,
        /// The quotation's span in its clean text.
        span: std::ops::Range<usize>,
    },
    /// Scroll the focused pane left (lines not wrapped); in the similarity map, a column left.
    MoveLeft,
    /// Scroll the focused pane right (lines not wrapped); in the similarity map, a column right.
    MoveRight,
    /// Open or close the key help.
    ToggleHelp,
    /// Close the open popup or sub-view; on the main screen, clear the search.
    Back,
    /// Close the open popup or sub-view; on the main screen, quit.
    Quit,
    /// Quit the reader from anywhere.
    ForceQuit,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell (`down` when scrolling down).
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// True for scrolling down.
        down: bool,
    },
    /// A left click at a cell.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// A background comparison finished.
    ComparisonReady(PairKey, Box<Computed>),
    /// More articles loaded, in load order.
    ArticlesLoaded(Vec<Article>),
    /// Loading ended; these files were skipped.
    LoadFinished(Vec<Skipped>),
    /// A background corpus analysis finished.
    AnalysisReady(AnalysisKey, Box<Findings>),
    /// Read the article under the sidebar cursor (or in the focused pane) alone.
    ReadArticle,
    /// One-article view: the next article of the sidebar.
    NextArticle,
    /// One-article view: the previous article of the sidebar.
    PrevArticle,
    /// A file under the watched folders was added, changed or removed.
    FilesChanged(Box<Change>),
    /// The spinner advances (sent while comparisons are pending).
    Tick,
    /// Show a one-line message in the status bar.
    Message(String),
    /// Focus a pane directly (used by tests and mouse handling).
    Focus(Option<Side>),
}
