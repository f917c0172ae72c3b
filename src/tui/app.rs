//! The reader's state and its transitions. Drawing only reads it.

use super::action::Action;
use super::align::facing;
use super::ignore;
use super::keymap::{Binding, keymap};
use super::layout::{LayoutInput, VisualLine, layout, line_of};
use super::marks::{Mark, comparison_layers, numbered_quotes, quote_markers, superimpose};
use super::raw::RawMap;
use super::search::find_all;
use super::theme::Theme;
use super::view::{self, Areas};
use super::worker::{Computed, Job, PairKey};
use crate::compare::{CompareOptions, Comparison};
use crate::corpus::{Article, Corpus};
use crate::pair::{Pair, Side};
use crate::text::MatchOptions;
use ratatui::layout::{Position, Rect};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// Lines scrolled by one turn of the mouse wheel.
pub const WHEEL_LINES: usize = 3;
/// Layouts kept in the cache before it is emptied.
const LAYOUT_CACHE_LIMIT: usize = 64;

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
}

/// Something the app asks the outside world to do.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Compute a comparison in the background.
    Compute(Job),
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

/// What a pane's layout depends on, besides search hits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct LayoutKey {
    article: usize,
    comparison: Option<PairKey>,
    side: Side,
    width: usize,
    wrap: bool,
    only_changed: bool,
    raw: bool,
    search: Option<String>,
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
    comparisons: HashMap<PairKey, Arc<Computed>>,
    pending: HashSet<PairKey>,
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
            comparisons: HashMap::new(),
            pending: HashSet::new(),
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
        !self.pending.is_empty()
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
        view::areas(Rect::new(0, 0, self.size.0, self.size.1), self.sidebar)
    }

    /// Rows of text a pane shows.
    #[must_use]
    pub fn pane_height(&self) -> usize {
        usize::from(view::text_area(self.areas().panes.left).height).max(1)
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
            Action::Tick | Action::ComparisonReady(..) | Action::Resize(..)
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
    }

    fn apply_common(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Quit => self.running = false,
            Action::Resize(w, h) => self.size = (w, h),
            Action::Tick => self.tick = self.tick.wrapping_add(1),
            Action::Message(text) => self.message = Some(text),
            Action::ComparisonReady(key, computed) => self.store(key, *computed),
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
        let step = |n: usize, action: &Action, max: usize| -> usize {
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
        };
        match (popup, action) {
            (Popup::Help(_), Action::ToggleHelp)
            | (Popup::Quotes(_), Action::ToggleQuoteList)
            | (Popup::Warnings(_), Action::ToggleWarnings)
            | (_, Action::Back) => self.popup = None,
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

    fn cycle_focus(&mut self, forward: bool) {
        let order = if self.sidebar {
            vec![
                Focus::Sidebar,
                Focus::Pane(Side::Left),
                Focus::Pane(Side::Right),
            ]
        } else {
            vec![Focus::Pane(Side::Left), Focus::Pane(Side::Right)]
        };
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward {
            at + 1
        } else {
            at + order.len() - 1
        } % order.len();
        self.focus = order.get(next).copied().unwrap_or(Focus::Sidebar);
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Sidebar => {
                let last = self.corpus.articles.len().saturating_sub(1);
                self.cursor = self.cursor.saturating_add_signed(delta).min(last);
            }
            Focus::Pane(side) => self.scroll_pane(side, delta),
        }
    }

    fn max_scroll(&self, side: Side) -> usize {
        self.panes[side].len().saturating_sub(self.pane_height())
    }

    fn scroll_pane(&mut self, side: Side, delta: isize) {
        let max = self
            .max_scroll(side)
            .max(self.scroll[side].min(self.panes[side].len()));
        self.scroll[side] = self.scroll[side].saturating_add_signed(delta).min(max);
        if self.locked {
            self.sync_from(side);
        }
    }

    /// Scrolls the other pane so the text facing `side`'s focus row is at its focus row.
    fn sync_from(&mut self, side: Side) {
        let other = side.other();
        let row = self.focus_row();
        let lines = &self.panes[side];
        let Some(line) = lines.get((self.scroll[side] + row).min(lines.len().saturating_sub(1)))
        else {
            return;
        };
        let from = self.to_clean(side, line.start);
        let lens = Side::BOTH.map(|s| self.article(s).map_or(0, |a| a.clean.len()));
        let lens = Pair::new(lens[0], lens[1]);
        let to = match self.comparison() {
            Some(c) => facing(c, side, from, lens),
            None => facing(&Comparison::default(), side, from, lens),
        };
        let target = line_of(&self.panes[other], self.to_display(other, to));
        self.scroll[other] = target
            .saturating_sub(row)
            .min(self.max_scroll(other).max(self.scroll[other]));
    }

    fn to_clean(&self, side: Side, pos: usize) -> usize {
        match self.raw_maps.get(self.shown[side]) {
            Some(map) if self.raw => map.to_clean(pos),
            _ => pos,
        }
    }

    fn to_display(&self, side: Side, pos: usize) -> usize {
        self.display_range(side, &(pos..pos)).start
    }

    fn display_range(&self, side: Side, range: &Range<usize>) -> Range<usize> {
        match self.raw_maps.get(self.shown[side]) {
            Some(map) if self.raw => map.to_raw(range),
            _ => range.clone(),
        }
    }

    /// Scrolls `side` so display offset `pos` sits on the focus row; syncs when locked.
    fn jump(&mut self, side: Side, pos: usize) {
        let line = line_of(&self.panes[side], pos);
        self.scroll[side] = line.saturating_sub(self.focus_row());
        if self.locked {
            self.sync_from(side);
        }
    }

    fn select(&mut self) {
        if self.focus != Focus::Sidebar {
            return;
        }
        let index = self.cursor;
        if let Some(side) = Side::BOTH.into_iter().find(|s| self.shown[*s] == index) {
            self.message = Some(format!("already shown on the {}", side_name(side)));
            return;
        }
        let older = if self.picked.left <= self.picked.right {
            Side::Left
        } else {
            Side::Right
        };
        self.shown[older] = index;
        self.picked[older] = self.clock;
        self.clock += 1;
        self.scroll = Pair::default();
        self.quote = None;
        if self.search.side == Some(older) {
            self.search = Search::default();
        }
        self.request_comparisons();
    }

    fn swap(&mut self) {
        self.shown = self.shown.swapped();
        self.picked = self.picked.swapped();
        self.scroll = self.scroll.swapped();
        self.search.side = self.search.side.map(Side::other);
        self.request_comparisons();
    }

    /// Display offsets where changes start on `side`, in order.
    fn change_starts(&self, side: Side) -> Vec<usize> {
        let Some(comparison) = self.comparison() else {
            return Vec::new();
        };
        comparison_layers(comparison, side)
            .into_iter()
            .filter(|(r, m)| matches!(m, Mark::Only(_)) && !r.is_empty())
            .map(|(r, _)| self.display_range(side, &r).start)
            .collect()
    }

    fn jump_change(&mut self, forward: bool) {
        let side = self.active_side();
        if self.comparison().is_none() {
            self.message = Some("still comparing…".into());
            return;
        }
        let here = self.scroll[side] + self.focus_row();
        let lines: Vec<usize> = self
            .change_starts(side)
            .into_iter()
            .map(|p| line_of(&self.panes[side], p))
            .collect();
        let target = if forward {
            lines.iter().find(|&&l| l > here)
        } else {
            lines.iter().rev().find(|&&l| l < here)
        };
        match target {
            Some(&line) => {
                let pos = self.panes[side].get(line).map_or(0, |l| l.start);
                self.jump(side, pos);
            }
            None => {
                self.message = Some(
                    if forward {
                        "no further change"
                    } else {
                        "no earlier change"
                    }
                    .into(),
                );
            }
        }
    }

    fn step_quote(&mut self, forward: bool) {
        let count = self.comparison().map_or(0, |c| c.shared_quotes.len());
        if count == 0 {
            self.message = Some(if self.comparison().is_some() {
                "no shared quotes in this pair".into()
            } else {
                "still comparing…".into()
            });
            return;
        }
        let next = match (self.quote, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(q), true) => (q + 1) % count,
            (Some(q), false) => (q + count - 1) % count,
        };
        self.jump_to_quote(next);
    }

    /// Scrolls both panes so shared quote `index` (numbered order) faces itself.
    fn jump_to_quote(&mut self, index: usize) {
        let Some(comparison) = self.comparison() else {
            return;
        };
        let order = numbered_quotes(comparison);
        let Some(quote) = order
            .get(index)
            .and_then(|&i| comparison.shared_quotes.get(i))
        else {
            return;
        };
        let spans = quote.spans.clone();
        let lines =
            Side::BOTH.map(|s| line_of(&self.panes[s], self.display_range(s, &spans[s]).start));
        let row = self.focus_row().min(lines[0]).min(lines[1]);
        self.scroll = Pair::new(lines[0] - row, lines[1] - row);
        self.quote = Some(index);
        self.message = Some(format!("quote {} of {}", index + 1, order.len()));
    }

    fn update_hits(&mut self, jump: bool) {
        let Some(side) = self.search.side else {
            return;
        };
        self.search.hits = find_all(self.text(side), &self.search.query);
        self.search.current = None;
        if jump && !self.search.hits.is_empty() {
            self.relayout();
            let top = self.panes[side]
                .get(self.scroll[side])
                .map_or(0, |l| l.start);
            let first = self
                .search
                .hits
                .iter()
                .position(|h| h.start >= top)
                .unwrap_or(0);
            self.goto_hit(side, first);
        }
    }

    fn goto_hit(&mut self, side: Side, index: usize) {
        if let Some(hit) = self.search.hits.get(index) {
            let pos = hit.start;
            self.search.current = Some(index);
            self.jump(side, pos);
        }
    }

    fn step_hit(&mut self, forward: bool) {
        let (Some(side), count) = (self.search.side, self.search.hits.len()) else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        if count == 0 {
            self.message = Some("no search hits".into());
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.goto_hit(side, next);
        self.message = Some(format!("hit {} of {count}", next + 1));
    }

    fn open_url(&mut self) {
        let article = match self.focus {
            Focus::Sidebar => self.corpus.articles.get(self.cursor),
            Focus::Pane(side) => self.article(side),
        };
        let Some(article) = article else {
            return;
        };
        let (url, outlet) = (article.meta.url.clone(), article.meta.outlet.clone());
        match url {
            Some(url) => {
                self.message = Some(format!("opening {url}"));
                self.effects.push(Effect::Open(url));
            }
            None => self.message = Some(format!("no source URL for '{outlet}'")),
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let areas = self.areas();
        let at = Position::new(column, row);
        let delta = if down {
            signed(WHEEL_LINES)
        } else {
            -signed(WHEEL_LINES)
        };
        if areas.sidebar.is_some_and(|r| r.contains(at)) {
            let last = self.corpus.articles.len().saturating_sub(1);
            self.cursor = self.cursor.saturating_add_signed(delta.signum()).min(last);
        } else if let Some(side) = Side::BOTH
            .into_iter()
            .find(|s| areas.panes[*s].contains(at))
        {
            self.scroll_pane(side, delta);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let at = Position::new(column, row);
        if let Some(sidebar) = areas.sidebar.filter(|r| r.contains(at)) {
            self.focus = Focus::Sidebar;
            if let Some(index) = view::sidebar::index_at(self, sidebar, row) {
                self.cursor = index;
            }
        } else if let Some(side) = Side::BOTH
            .into_iter()
            .find(|s| areas.panes[*s].contains(at))
        {
            self.focus = Focus::Pane(side);
        }
    }

    /// Stores a finished comparison (and its mirror for the swapped pair).
    fn store(&mut self, key: PairKey, computed: Computed) {
        self.pending.remove(&key);
        let swapped = key.swapped();
        if swapped != key {
            self.comparisons
                .insert(swapped, Arc::new(computed.mirrored()));
        }
        self.comparisons.insert(key, Arc::new(computed));
    }

    /// Queues the shown pair's comparison, then the left article against every other.
    fn request_comparisons(&mut self) {
        let left = self.shown.left;
        let mut wanted = vec![self.shown];
        wanted.extend(
            (0..self.corpus.articles.len())
                .filter(|&i| i != left && i != self.shown.right)
                .map(|i| Pair::new(left, i)),
        );
        for articles in wanted {
            let key = self.key_for(articles);
            if self.comparisons.contains_key(&key)
                || self.pending.contains(&key)
                || self.pending.contains(&key.swapped())
            {
                continue;
            }
            let (Some(a), Some(b)) = (
                self.corpus.articles.get(articles.left),
                self.corpus.articles.get(articles.right),
            ) else {
                continue;
            };
            self.pending.insert(key);
            self.effects.push(Effect::Compute(Job {
                key,
                texts: Pair::new(a.clean.clone(), b.clean.clone()),
                options: CompareOptions {
                    matching: self.matching(),
                    ..self.compare
                },
            }));
        }
    }

    fn layout_key(&self, side: Side) -> LayoutKey {
        let width = usize::from(view::text_area(self.areas().panes[side]).width).max(1);
        let key = self.pair_key();
        LayoutKey {
            article: self.shown[side],
            comparison: self.comparisons.contains_key(&key).then_some(key),
            side,
            width,
            wrap: self.wrap,
            only_changed: self.only_changed,
            raw: self.raw,
            search: (self.search.side == Some(side) && !self.search.hits.is_empty())
                .then(|| self.search.query.clone()),
        }
    }

    /// Lays out both panes for the current state, reusing cached layouts.
    fn relayout(&mut self) {
        for side in Side::BOTH {
            let key = self.layout_key(side);
            let lines = match self.layout_cache.get(&key) {
                Some(lines) => Arc::clone(lines),
                None => {
                    let lines = Arc::new(self.build_layout(side, &key));
                    if self.layout_cache.len() >= LAYOUT_CACHE_LIMIT {
                        self.layout_cache.clear();
                    }
                    self.layout_cache.insert(key.clone(), Arc::clone(&lines));
                    lines
                }
            };
            self.panes[side] = lines;
            self.shapes[side] = Some(LayoutKey {
                search: None,
                ..key
            });
        }
    }

    fn build_layout(&self, side: Side, key: &LayoutKey) -> Vec<VisualLine> {
        let text = self.text(side);
        let mut layers: Vec<(Range<usize>, Mark)> = Vec::new();
        let mut markers = Vec::new();
        if let Some(comparison) = self.comparison() {
            for (range, mark) in comparison_layers(comparison, side) {
                layers.push((self.display_range(side, &range), mark));
            }
            for mut marker in quote_markers(comparison, side) {
                marker.span = self.display_range(side, &marker.span);
                markers.push(marker);
            }
        }
        if self.raw
            && let Some(article) = self.article(side)
        {
            layers.extend(
                article
                    .removals
                    .iter()
                    .map(|r| (r.range.clone(), Mark::Removed)),
            );
        }
        if key.search.is_some() {
            layers.extend(self.search.hits.iter().map(|h| (h.clone(), Mark::Hit)));
        }
        let segments = superimpose(text.len(), &layers);
        layout(&LayoutInput {
            text,
            segments: &segments,
            markers: &markers,
            width: key.width,
            wrap: key.wrap,
            only_changed: key.only_changed,
        })
    }

    /// The clean offset at the top of each pane, with the article and layout shape.
    fn anchors(&self) -> Pair<(usize, Option<LayoutKey>, usize)> {
        let anchor = |side: Side| {
            let pos = self.panes[side]
                .get(self.scroll[side])
                .map_or(0, |l| self.to_clean(side, l.start));
            (self.shown[side], self.shapes[side].clone(), pos)
        };
        Pair::new(anchor(Side::Left), anchor(Side::Right))
    }

    /// Keeps the same text at the top of a pane whose layout changed shape.
    fn restore(&mut self, anchors: Pair<(usize, Option<LayoutKey>, usize)>) {
        for side in Side::BOTH {
            let (article, shape, pos) = &anchors[side];
            if *article != self.shown[side] || *shape == self.shapes[side] || shape.is_none() {
                continue;
            }
            let line = line_of(&self.panes[side], self.to_display(side, *pos));
            self.scroll[side] = line;
        }
    }
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
