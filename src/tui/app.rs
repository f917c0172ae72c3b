//! The reader's state and its transitions. Drawing only reads it.

mod cache;
mod navigate;
mod overview;

use super::action::Action;
use super::analysis::{Analysis, AnalysisJob, AnalysisKey};
use super::facts::Place;
use super::geometry::{self, Areas};
use super::ignore;
use super::keymap::{Binding, keymap};
use super::layout::VisualLine;
use super::raw::RawMap;
use super::theme::Theme;
use super::worker::{Computed, Job, PairKey};
use crate::compare::{CompareOptions, Comparison};
use crate::corpus::{Article, Corpus};
use crate::pair::{Pair, Side};
use crate::text::MatchOptions;
use ratatui::layout::Rect;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// Lines scrolled by one turn of the mouse wheel.
pub const WHEEL_LINES: usize = 3;

/// Which part of the screen receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    Sidebar,
    /// One of the two panes.
    Pane(Side),
}

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
    /// The similarity map with the cursor on a cell (article indices).
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

/// Something the app asks the outside world to do.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Compute a comparison in the background.
    Compute(Job),
    /// Run a corpus analysis in the background.
    Analyse(AnalysisJob),
    /// Open a URL in the browser.
    Open(String),
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

/// What a pane's layout depends on (search hits are applied when drawing).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct LayoutKey {
    article: usize,
    comparison: Option<PairKey>,
    side: Side,
    width: usize,
    wrap: bool,
    only_changed: bool,
    raw: bool,
    spotlight: Option<Range<usize>>,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The articles.
    pub corpus: Corpus,
    /// Styles.
    pub theme: Theme,
    /// Keys and what they do.
    pub keymap: Vec<Binding>,
    /// Word count of each article.
    pub words: Vec<usize>,
    compare: CompareOptions,
    /// Ignore presets cycled by `i`.
    pub presets: Vec<MatchOptions>,
    /// The preset in use.
    pub ignore: usize,
    /// False once the user quits.
    pub running: bool,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// Where keys go.
    pub focus: Focus,
    /// Sidebar cursor (article index).
    pub cursor: usize,
    /// Articles shown left and right.
    pub shown: Pair<usize>,
    picked: Pair<u64>,
    clock: u64,
    /// First visible line of each pane.
    pub scroll: Pair<usize>,
    /// Synchronized scrolling.
    pub locked: bool,
    /// Wrap long lines.
    pub wrap: bool,
    /// Only changed paragraphs.
    pub only_changed: bool,
    /// Show raw text with removals.
    pub raw: bool,
    /// Sidebar visible.
    pub sidebar: bool,
    /// The open popup.
    pub popup: Option<Popup>,
    /// The search.
    pub search: Search,
    /// Index (in numbered order) of the shared quote last jumped to.
    pub quote: Option<usize>,
    /// One-line message for the status bar.
    pub message: Option<String>,
    /// Spinner frame.
    pub tick: usize,
    /// Sentences highlighted by the last jump from the facts list.
    pub spotlight: Vec<Place>,
    /// A jump asked for before the pair's comparison arrived, done when it does.
    deferred: Option<Action>,
    comparisons: HashMap<PairKey, Arc<Computed>>,
    pending: HashSet<PairKey>,
    texts: Arc<Vec<String>>,
    analyses: HashMap<AnalysisKey, Arc<Analysis>>,
    analysing: HashSet<AnalysisKey>,
    /// Laid-out lines of each pane.
    pub panes: Pair<Arc<Vec<VisualLine>>>,
    shapes: Pair<Option<LayoutKey>>,
    layout_cache: HashMap<LayoutKey, Arc<Vec<VisualLine>>>,
    raw_maps: Vec<RawMap>,
    effects: Vec<Effect>,
}

impl App {
    /// The reader on `corpus`, showing the first two articles, focus in the sidebar.
    /// The comparisons it needs are queued as effects.
    #[must_use]
    pub fn new(corpus: Corpus, compare: CompareOptions, theme: Theme, size: (u16, u16)) -> Self {
        let last = corpus.articles.len().saturating_sub(1);
        let raw_maps = corpus
            .articles
            .iter()
            .map(|a| RawMap::new(&a.removals))
            .collect();
        let mut app = Self {
            theme,
            keymap: keymap(),
            words: corpus.articles.iter().map(Article::word_count).collect(),
            presets: ignore::presets(compare.matching),
            compare,
            ignore: 0,
            running: true,
            size,
            focus: Focus::Sidebar,
            cursor: 0,
            shown: Pair::new(0, 1.min(last)),
            picked: Pair::new(0, 1),
            clock: 2,
            scroll: Pair::default(),
            locked: true,
            wrap: true,
            only_changed: false,
            raw: false,
            sidebar: true,
            popup: None,
            search: Search::default(),
            quote: None,
            message: None,
            tick: 0,
            spotlight: Vec::new(),
            deferred: None,
            comparisons: HashMap::new(),
            pending: HashSet::new(),
            texts: Arc::new(corpus.articles.iter().map(|a| a.clean.clone()).collect()),
            analyses: HashMap::new(),
            analysing: HashSet::new(),
            panes: Pair::default(),
            shapes: Pair::default(),
            layout_cache: HashMap::new(),
            raw_maps,
            effects: Vec::new(),
            corpus,
        };
        app.request_comparisons();
        app.relayout();
        app
    }

    /// Takes the effects queued by the last actions.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Runs every queued computation on this thread until none is left, as the worker
    /// would: comparisons through `compute`, corpus analyses as they are; URLs are not
    /// opened. For tests and benchmarks, which have no worker thread.
    pub fn settle(&mut self, mut compute: impl FnMut(&Job) -> Computed) {
        loop {
            let effects = self.take_effects();
            if effects.is_empty() {
                break;
            }
            for effect in effects {
                match effect {
                    Effect::Compute(job) => {
                        let computed = compute(&job);
                        self.apply(Action::ComparisonReady(job.key, Box::new(computed)));
                    }
                    Effect::Analyse(job) => {
                        self.apply(Action::AnalysisReady(job.key, Box::new(job.run())));
                    }
                    Effect::Open(_) => {}
                }
            }
        }
    }

    /// The article shown on `side`.
    #[must_use]
    pub fn article(&self, side: Side) -> Option<&Article> {
        self.corpus.articles.get(self.shown[side])
    }

    /// The key of the shown pair's comparison.
    #[must_use]
    pub fn pair_key(&self) -> PairKey {
        self.key_for(self.shown)
    }

    fn key_for(&self, articles: Pair<usize>) -> PairKey {
        PairKey {
            articles,
            ignore: self.ignore,
        }
    }

    /// The shown pair's comparison, once computed.
    #[must_use]
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparisons
            .get(&self.pair_key())
            .map(|c| &c.comparison)
    }

    /// Words only in the left and only in the right article of the shown pair.
    #[must_use]
    pub fn changed_words(&self) -> Option<Pair<usize>> {
        self.comparisons
            .get(&self.pair_key())
            .map(|c| c.changed_words)
    }

    /// Similarity of article `index` to the left article, when known.
    #[must_use]
    pub fn similarity_to_left(&self, index: usize) -> Option<f64> {
        self.comparisons
            .get(&self.key_for(Pair::new(self.shown.left, index)))
            .map(|c| c.comparison.similarity)
    }

    /// Whether any comparison is still being computed.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.pending.is_empty() || !self.analysing.is_empty()
    }

    /// Whether the comparison of article `index` with the left one is being computed.
    #[must_use]
    pub fn computing(&self, index: usize) -> bool {
        let key = self.key_for(Pair::new(self.shown.left, index));
        self.pending.contains(&key) || self.pending.contains(&key.swapped())
    }

    /// The ignore preset in use.
    #[must_use]
    pub fn matching(&self) -> MatchOptions {
        self.presets
            .get(self.ignore)
            .copied()
            .unwrap_or(self.compare.matching)
    }

    /// The text a pane shows: raw or clean.
    #[must_use]
    pub fn text(&self, side: Side) -> &str {
        match self.article(side) {
            Some(a) if self.raw => &a.raw,
            Some(a) => &a.clean,
            None => "",
        }
    }

    /// Screen areas for the current size.
    #[must_use]
    pub fn areas(&self) -> Areas {
        geometry::areas(Rect::new(0, 0, self.size.0, self.size.1), self.sidebar)
    }

    /// Rows of text a pane shows.
    #[must_use]
    pub fn pane_height(&self) -> usize {
        usize::from(geometry::text_area(self.areas().panes.left).height).max(1)
    }

    /// Whether files were skipped or articles loaded with warnings.
    #[must_use]
    pub fn has_warnings(&self) -> bool {
        !self.corpus.skipped.is_empty()
            || self.corpus.articles.iter().any(|a| !a.warnings.is_empty())
    }

    /// The row of a pane where jumps place their target.
    fn focus_row(&self) -> usize {
        self.pane_height() / 3
    }

    /// The pane keys scroll: the focused one, or the left from the sidebar.
    fn active_side(&self) -> Side {
        match self.focus {
            Focus::Pane(side) => side,
            Focus::Sidebar => Side::Left,
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Tick
                | Action::ComparisonReady(..)
                | Action::AnalysisReady(..)
                | Action::Resize(..)
        ) {
            self.message = None;
        }
        let anchors = self.anchors();
        if self.search.typing {
            self.apply_typing(action);
        } else if let Some(popup) = self.popup {
            self.apply_popup(popup, action);
        } else {
            self.apply_main(action);
        }
        self.relayout();
        self.restore(anchors);
        self.run_deferred();
    }

    /// Does the jump asked for while the pair was computing, once it is ready.
    fn run_deferred(&mut self) {
        if self.comparison().is_none() || self.popup.is_some() || self.search.typing {
            return;
        }
        if let Some(action) = self.deferred.take() {
            self.apply_main(action);
            self.relayout();
        }
    }

    fn apply_common(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Quit => self.running = false,
            Action::Resize(w, h) => self.size = (w, h),
            Action::Tick => self.tick = self.tick.wrapping_add(1),
            Action::Message(text) => self.message = Some(text),
            Action::ComparisonReady(key, computed) => self.store(key, *computed),
            Action::AnalysisReady(key, analysis) => self.store_analysis(key, *analysis),
            other => return Some(other),
        }
        None
    }

    fn apply_typing(&mut self, action: Action) {
        let Some(action) = self.apply_common(action) else {
            return;
        };
        match action {
            Action::SearchInput(c) => {
                self.search.query.push(c);
                self.update_hits(true);
            }
            Action::SearchBackspace => {
                self.search.query.pop();
                self.update_hits(true);
            }
            Action::SearchSubmit => {
                self.search.typing = false;
                if self.search.hits.is_empty() && !self.search.query.is_empty() {
                    self.message = Some(format!("'{}' not found", self.search.query));
                }
            }
            Action::SearchCancel | Action::Back => {
                self.search = Search::default();
            }
            _ => {}
        }
    }

    fn apply_popup(&mut self, popup: Popup, action: Action) {
        let Some(action) = self.apply_common(action) else {
            return;
        };
        let page = self.pane_height();
        let quotes = self.comparison().map_or(0, |c| c.shared_quotes.len());
        let step = |n: usize, action: &Action, max: usize| step(n, action, max, page);
        match (popup, action) {
            (
                Popup::Tracker {
                    selected,
                    detail: Some(_),
                },
                Action::Back,
            ) => {
                self.popup = Some(Popup::Tracker {
                    selected,
                    detail: None,
                });
            }
            (Popup::Help(_), Action::ToggleHelp)
            | (Popup::Quotes(_), Action::ToggleQuoteList)
            | (Popup::Warnings(_), Action::ToggleWarnings)
            | (Popup::Facts { .. }, Action::ToggleFacts)
            | (Popup::Matrix { .. }, Action::ToggleMatrix)
            | (Popup::Tracker { .. }, Action::ToggleTracker)
            | (_, Action::Back) => self.popup = None,
            (Popup::Matrix { row, col }, action) => self.matrix_action(row, col, &action),
            (Popup::Tracker { selected, detail }, action) => {
                self.tracker_action(selected, detail, &action);
            }
            (Popup::Facts { selected, corpus }, Action::Select) => {
                self.open_fact(selected, corpus);
            }
            (Popup::Facts { corpus, .. }, Action::ToggleScope) => self.show_facts(!corpus),
            (Popup::Facts { selected, corpus }, action) => {
                let rows = self.fact_items(corpus).map_or(0, |items| items.len());
                self.popup = Some(Popup::Facts {
                    selected: step(selected, &action, rows.saturating_sub(1)),
                    corpus,
                });
            }
            (Popup::Quotes(selected), Action::Select) => {
                self.popup = None;
                self.jump_to_quote(selected);
            }
            (Popup::Help(n), action) => {
                self.popup = Some(Popup::Help(step(n, &action, self.keymap.len())));
            }
            (Popup::Quotes(n), action) => {
                self.popup = Some(Popup::Quotes(step(n, &action, quotes.saturating_sub(1))));
            }
            (Popup::Warnings(n), action) => {
                let rows = self.corpus.skipped.len()
                    + self
                        .corpus
                        .articles
                        .iter()
                        .map(|a| a.warnings.len())
                        .sum::<usize>();
                self.popup = Some(Popup::Warnings(step(n, &action, rows)));
            }
        }
    }

    fn apply_main(&mut self, action: Action) {
        let Some(action) = self.apply_common(action) else {
            return;
        };
        let page = self.pane_height();
        match action {
            Action::ScrollDown => self.move_by(1),
            Action::ScrollUp => self.move_by(-1),
            Action::PageDown => self.move_by(signed(page.saturating_sub(1))),
            Action::PageUp => self.move_by(-signed(page.saturating_sub(1))),
            Action::HalfPageDown => self.move_by(signed(page / 2)),
            Action::HalfPageUp => self.move_by(-signed(page / 2)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::Focus(side) => {
                self.focus = side.map_or(Focus::Sidebar, Focus::Pane);
            }
            Action::Select => self.select(),
            Action::Swap => self.swap(),
            Action::NextChange => self.jump_change(true),
            Action::PrevChange => self.jump_change(false),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::ToggleQuoteList => self.popup = Some(Popup::Quotes(self.quote.unwrap_or(0))),
            Action::ToggleHelp => self.popup = Some(Popup::Help(0)),
            Action::ToggleWarnings => self.popup = Some(Popup::Warnings(0)),
            Action::ToggleFacts => self.show_facts(false),
            Action::ToggleMatrix => self.show_matrix(),
            Action::ToggleTracker => self.show_tracker(),
            Action::ToggleLock => {
                self.locked = !self.locked;
                if self.locked {
                    self.sync_from(self.active_side());
                }
            }
            Action::StartSearch => {
                let side = self.active_side();
                self.focus = Focus::Pane(side);
                self.search = Search {
                    typing: true,
                    side: Some(side),
                    ..Search::default()
                };
            }
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ToggleRaw => {
                self.raw = !self.raw;
                self.update_hits(false);
            }
            Action::CycleIgnore => {
                self.ignore = (self.ignore + 1) % self.presets.len().max(1);
                self.quote = None;
                self.message = Some(format!(
                    "differences: {}",
                    ignore::describe(&self.matching())
                ));
                self.request_comparisons();
            }
            Action::OpenUrl => self.open_url(),
            Action::ToggleWrap => self.wrap = !self.wrap,
            Action::ToggleOnlyChanged => self.only_changed = !self.only_changed,
            Action::ToggleSidebar => {
                self.sidebar = !self.sidebar;
                if !self.sidebar && self.focus == Focus::Sidebar {
                    self.focus = Focus::Pane(Side::Left);
                }
            }
            Action::Back => self.running = false,
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Click { column, row } => self.click(column, row),
            _ => {}
        }
    }
}

/// Moves a list cursor `n` by `action` (lines, half pages of `page` rows, ends), within `0..=max`.
fn step(n: usize, action: &Action, max: usize, page: usize) -> usize {
    match action {
        Action::ScrollDown => n + 1,
        Action::ScrollUp => n.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => n + page / 2,
        Action::PageUp | Action::HalfPageUp => n.saturating_sub(page / 2),
        Action::Top => 0,
        Action::Bottom => max,
        _ => n,
    }
    .min(max)
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// "left" or "right".
#[must_use]
pub fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
    }
}
