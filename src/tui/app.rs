//! The reader's state and its transitions. Drawing only reads it.
//!
//! [`App`] is split by job: [`Selection`] (focus, cursor, the pair shown),
//! [`ViewOptions`] (how panes show text), [`PaneLayouts`] (laid-out lines, scroll),
//! [`Results`] (what the worker computed), [`Ui`] (popup, search, message).
//! [`App::apply`] is the only way any of them changes.

mod article;
mod copy;
mod export;
mod listing;
mod live;
mod loading;
mod navigate;
mod overview;
mod panes;
mod results;
mod selection;
mod show;
mod ui;

pub use article::{ArticleView, Carried};
pub use export::{ExportPrompt, ReportFile};
pub use loading::Loading;
pub use panes::{PaneLayouts, ViewOptions};
pub use results::Results;
pub use selection::{Focus, Selection};
pub use ui::{Carriers, Popup, Search, Ui};

use super::action::Action;
use super::analysis::AnalysisJob;
use super::articles::{ArticleId, Articles, Entry};
use super::geometry::{self, Areas};
use super::ignore;
use super::keymap::{Binding, keymap};
use super::sidebar::{Prompt, Sidebar};
use super::theme::Theme;
use super::worker::{Computed, Job, PairKey};
use crate::compare::{CompareOptions, Comparison};
use crate::corpus::{Article, Corpus};
use crate::pair::{Pair, Side};
use crate::text::MatchOptions;
use ratatui::layout::Rect;
use std::sync::Arc;

/// Lines scrolled by one turn of the mouse wheel.
pub const WHEEL_LINES: usize = 3;
/// What the reader says of a pair that shares almost nothing ([`Comparison::unrelated`]).
pub const UNRELATED: &str = "these articles seem to be about different stories";

/// Something the app asks the outside world to do.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Compute a comparison in the background.
    Compute(Job),
    /// Run a corpus analysis in the background.
    Analyse(AnalysisJob),
    /// Open a URL in the browser.
    Open(String),
    /// Put text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write a report the user asked for (`e`), then say where it went.
    Write(ReportFile),
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    /// The articles, by id.
    pub articles: Articles,
    /// Styles.
    pub theme: Theme,
    /// Keys and what they do.
    pub keymap: Vec<Binding>,
    compare: CompareOptions,
    /// Ignore presets cycled by `i`.
    pub presets: Vec<MatchOptions>,
    /// The preset in use.
    pub ignore: usize,
    /// False once the user quits.
    pub running: bool,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// Focus, sidebar cursor, the pair shown.
    pub selection: Selection,
    /// How the panes show text.
    pub view: ViewOptions,
    /// The panes' lines and scroll positions.
    pub panes: PaneLayouts,
    /// Comparisons and analyses, computed or under way.
    pub results: Results,
    /// Popup, search, message.
    pub ui: Ui,
    /// The stories and how the sidebar shows them.
    pub sidebar: Sidebar,
    /// The one-article view, when open (see [`App::article_view`]).
    article_view: Option<ArticleView>,
    /// Files still being read (`None` once done).
    loading: Option<Loading>,
    effects: Vec<Effect>,
}

impl App {
    /// The reader on `corpus`, showing the first two articles, focus in the sidebar.
    /// The comparisons it needs are queued as effects.
    #[must_use]
    pub fn new(corpus: Corpus, compare: CompareOptions, theme: Theme, size: (u16, u16)) -> Self {
        let articles = Articles::new(corpus);
        let first = articles.id_at(0).unwrap_or(ArticleId::NONE);
        let opening = Pair::new(first, articles.id_at(1).unwrap_or(first));
        let mut app = Self {
            articles,
            theme,
            keymap: keymap(),
            presets: ignore::presets(compare.matching),
            compare,
            ignore: 0,
            running: true,
            size,
            selection: Selection::new(opening),
            view: ViewOptions::default(),
            panes: PaneLayouts::new(),
            results: Results::default(),
            ui: Ui::default(),
            sidebar: Sidebar::default(),
            article_view: None,
            loading: None,
            effects: Vec::new(),
        };
        app.request_comparisons();
        app.request_stories();
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
                    Effect::Write(file) => self.apply(Action::Message(file.write())),
                    Effect::Open(_) | Effect::Copy(_) => {}
                }
            }
        }
    }

    /// The article shown on `side`.
    #[must_use]
    pub fn article(&self, side: Side) -> Option<&Article> {
        self.entry(side).map(|e| &e.article)
    }

    /// The article shown on `side` with what the reader derived from it.
    #[must_use]
    pub fn entry(&self, side: Side) -> Option<&Entry> {
        self.articles.get(self.selection.shown[side])
    }

    /// The key of the shown pair's comparison.
    #[must_use]
    pub fn pair_key(&self) -> PairKey {
        self.key_for(self.selection.shown)
    }

    fn key_for(&self, articles: Pair<ArticleId>) -> PairKey {
        PairKey {
            articles,
            ignore: self.ignore,
        }
    }

    /// The shown pair's comparison with what the reader derived from it, once computed.
    #[must_use]
    pub fn computed(&self) -> Option<&Computed> {
        self.results.comparison(&self.pair_key())
    }

    /// The shown pair's comparison, once computed.
    #[must_use]
    pub fn comparison(&self) -> Option<&Comparison> {
        self.computed().map(|c| &c.comparison)
    }

    /// Whether the shown pair, once compared, seems to be about different stories,
    /// so the reader shows its texts without a diff and says [`UNRELATED`]: where
    /// the stories are known for both articles, whether they are in different
    /// stories; else the engine's rule, [`Comparison::unrelated`].
    #[must_use]
    pub fn unrelated(&self) -> bool {
        let Some(comparison) = self.comparison() else {
            return false;
        };
        let shown = self.selection.shown;
        match (self.story_of(shown.left), self.story_of(shown.right)) {
            (Some(left), Some(right)) => left != right,
            _ => comparison.unrelated(),
        }
    }

    /// Words only in the left and only in the right article of the shown pair.
    #[must_use]
    pub fn changed_words(&self) -> Option<Pair<usize>> {
        self.results
            .comparison(&self.pair_key())
            .map(|c| c.changed_words)
    }

    /// Similarity of article `id` to the left article, when known.
    #[must_use]
    pub fn similarity_to_left(&self, id: ArticleId) -> Option<f64> {
        self.results
            .comparison(&self.key_for(Pair::new(self.selection.shown.left, id)))
            .map(|c| c.comparison.similarity)
    }

    /// Whether any comparison or analysis is still being computed.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.loading.is_some() || self.results.busy()
    }

    /// Whether the comparison of article `id` with the left one is being computed.
    #[must_use]
    pub fn computing(&self, id: ArticleId) -> bool {
        self.results
            .comparing(&self.key_for(Pair::new(self.selection.shown.left, id)))
    }

    /// Queues the shown pair's comparison, then the left article against every other.
    fn request_comparisons(&mut self) {
        let shown = self.selection.shown;
        let mut wanted = vec![shown];
        wanted.extend(
            self.articles
                .ids()
                .filter(|&id| id != shown.left && id != shown.right)
                .map(|id| Pair::new(shown.left, id)),
        );
        for articles in wanted {
            let (Some(a), Some(b)) = (
                self.articles.get(articles.left),
                self.articles.get(articles.right),
            ) else {
                continue;
            };
            let key = self.key_for(articles);
            if self.results.request_comparison(key) {
                self.effects.push(Effect::Compute(Job {
                    key,
                    texts: Pair::new(Arc::clone(&a.text), Arc::clone(&b.text)),
                    options: CompareOptions {
                        matching: self.matching(),
                        ..self.compare
                    },
                }));
            }
        }
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
            Some(a) if self.view.raw => &a.raw,
            Some(a) => &a.clean,
            None => "",
        }
    }

    /// Screen areas for the current size.
    #[must_use]
    pub fn areas(&self) -> Areas {
        geometry::areas_with(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.ui.sidebar,
            self.ui.sidebar_width,
        )
    }

    /// Rows of text a pane shows.
    #[must_use]
    pub fn pane_height(&self) -> usize {
        usize::from(geometry::text_area(self.areas().panes.left).height).max(1)
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Tick
                | Action::FilesChanged(..)
                | Action::ArticlesLoaded(..)
                | Action::LoadFinished(..)
                | Action::ComparisonReady(..)
                | Action::AnalysisReady(..)
                | Action::Resize(..)
        ) {
            self.ui.message = None;
        }
        let anchors = self.anchors();
        if self.ui.export.is_some() {
            self.apply_export(action);
        } else if let Some(prompt) = self.sidebar.prompt {
            self.apply_prompt(prompt, action);
        } else if self.ui.search.typing {
            self.apply_typing(action);
        } else if let Some(popup) = self.ui.popup {
            self.apply_popup(popup, action);
        } else if self.article_view.is_some() {
            if let Some(action) = self.apply_common(action) {
                self.apply_article(action);
            }
        } else {
            self.apply_main(action);
        }
        self.drop_gone();
        self.layout_article();
        self.relayout();
        self.restore(&anchors);
        self.run_deferred();
    }

    /// Does the jump asked for while the pair was computing, once it is ready.
    fn run_deferred(&mut self) {
        if self.comparison().is_none() || self.ui.popup.is_some() || self.typing() {
            return;
        }
        if let Some(action) = self.ui.deferred.take() {
            self.apply_main(action);
            self.relayout();
        }
    }

    fn apply_common(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::ForceQuit => self.running = false,
            Action::Resize(w, h) => self.size = (w, h),
            Action::Tick => self.ui.tick = self.ui.tick.wrapping_add(1),
            Action::FilesChanged(change) => self.apply_change(*change),
            Action::Message(text) => self.ui.message = Some(text),
            Action::ArticlesLoaded(articles) => self.add_articles(articles),
            Action::LoadFinished(skipped) => self.finish_loading(skipped),
            Action::ComparisonReady(key, computed) => {
                self.results.store_comparison(key, *computed);
            }
            Action::AnalysisReady(key, findings) => {
                if let (true, crate::tui::analysis::Analysis::Stories(stories)) =
                    (key == Self::stories_key(), &findings.analysis)
                {
                    self.store_stories(stories, &findings.articles);
                }
                self.results.store_analysis(key, *findings);
            }
            other => return Some(other),
        }
        None
    }

    fn apply_typing(&mut self, action: Action) {
        let Some(action) = self.apply_common(action) else {
            return;
        };
        let search = &mut self.ui.search;
        match action {
            Action::SearchInput(c) => {
                search.query.push(c);
                self.update_hits(true);
            }
            Action::SearchBackspace => {
                search.query.pop();
                self.update_hits(true);
            }
            Action::SearchSubmit => {
                search.typing = false;
                if search.hits.is_empty() && !search.query.is_empty() {
                    self.ui.message = Some(format!("'{}' not found", search.query));
                }
            }
            Action::SearchCancel | Action::Back => *search = Search::default(),
            Action::Quit => self.running = false,
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
        let popup = match (popup, action) {
            (
                Popup::Tracker {
                    selected,
                    detail: Some(_),
                },
                Action::Back | Action::Quit,
            ) => Some(Popup::Tracker {
                selected,
                detail: None,
            }),
            (Popup::Help(_), Action::ToggleHelp)
            | (Popup::Quotes(_), Action::ToggleQuoteList)
            | (Popup::Warnings(_), Action::ToggleWarnings)
            | (Popup::Facts { .. }, Action::ToggleFacts)
            | (Popup::Matrix { .. }, Action::ToggleMatrix)
            | (Popup::Tracker { .. }, Action::ToggleTracker)
            | (_, Action::Back | Action::Quit) => None,
            (Popup::Matrix { row, col }, action) => return self.matrix_action(row, col, &action),
            (Popup::Tracker { selected, detail }, action) => {
                return self.tracker_action(selected, detail, &action);
            }
            (Popup::Facts { selected, corpus }, Action::Select) => {
                return self.open_fact(selected, corpus);
            }
            (Popup::Facts { corpus, .. }, Action::ToggleScope) => return self.show_facts(!corpus),
            (Popup::Facts { selected, corpus }, action) => {
                let rows = self.fact_items(corpus).map_or(0, |items| items.len());
                Some(Popup::Facts {
                    selected: step(selected, &action, rows.saturating_sub(1)),
                    corpus,
                })
            }
            (Popup::Quotes(selected), Action::Select) => {
                self.ui.popup = None;
                return self.jump_to_quote(selected);
            }
            (Popup::Help(n), action) => Some(Popup::Help(step(n, &action, self.keymap.len()))),
            (Popup::Quotes(n), action) => {
                Some(Popup::Quotes(step(n, &action, quotes.saturating_sub(1))))
            }
            (Popup::Warnings(n), action) => {
                let rows = self.articles.skipped().len() + self.articles.warnings();
                Some(Popup::Warnings(step(n, &action, rows)))
            }
        };
        self.ui.popup = popup;
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
            Action::FocusNext | Action::FocusPrev => self
                .selection
                .cycle_focus(action == Action::FocusNext, self.ui.sidebar),
            Action::Focus(side) => self.selection.focus = side.map_or(Focus::Sidebar, Focus::Pane),
            Action::Select if self.selection.focus == Focus::Sidebar && self.toggle_fold() => {}
            Action::Select => self.select(),
            Action::Swap => self.swap(),
            Action::NextChange => self.jump_change(true),
            Action::PrevChange => self.jump_change(false),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::ShowQuoteOf { article, span } => self.show_quote_of(article, &span),
            Action::ToggleQuoteList => {
                self.ui.popup = Some(Popup::Quotes(self.selection.quote.unwrap_or(0)));
            }
            Action::ToggleHelp => self.ui.popup = Some(Popup::Help(0)),
            Action::ToggleWarnings => self.ui.popup = Some(Popup::Warnings(0)),
            Action::ToggleFacts => self.show_facts(false),
            Action::ToggleMatrix => self.show_matrix(),
            Action::ToggleTracker => self.show_tracker(),
            Action::ToggleLock => self.toggle_lock(),
            Action::StartSearch if self.selection.focus == Focus::Sidebar => {
                self.open_prompt(Prompt::Filter);
            }
            Action::JumpPrompt => self.open_prompt(Prompt::Jump),
            Action::CycleOrder => self.cycle_order(),
            Action::StartSearch => {
                let side = self.selection.active_side();
                self.selection.focus = Focus::Pane(side);
                self.ui.search = Search {
                    typing: true,
                    side: Some(side),
                    ..Search::default()
                };
            }
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::ToggleRaw => {
                self.view.raw = !self.view.raw;
                self.update_hits(false);
                self.ui.message = Some(self.raw_message());
            }
            Action::CycleIgnore => {
                self.ignore = (self.ignore + 1) % self.presets.len().max(1);
                self.selection.forget_cursors();
                self.ui.message = Some(format!(
                    "differences: {}",
                    ignore::describe(&self.matching())
                ));
                self.request_comparisons();
            }
            Action::OpenUrl => self.open_url(),
            Action::ReadArticle => self.open_article(match self.selection.focus {
                Focus::Sidebar => self.selection.cursor,
                Focus::Pane(side) => self.selection.shown[side],
            }),
            Action::CopyQuote => self.copy_quote(false),
            Action::ExportReport => self.open_export(),
            Action::CopyQuotePair => self.copy_quote(true),
            Action::ToggleWrap => self.toggle_wrap(),
            Action::ToggleOnlyChanged => {
                self.view.only_changed = !self.view.only_changed;
                self.ui.message = Some(self.only_changed_message());
            }
            Action::MoveLeft => self.scroll_sideways(false),
            Action::MoveRight => self.scroll_sideways(true),
            Action::ToggleSidebar => {
                self.ui.sidebar = !self.ui.sidebar;
                if !self.ui.sidebar && self.selection.focus == Focus::Sidebar {
                    self.selection.focus = Focus::Pane(Side::Left);
                }
            }
            Action::Quit => self.running = false,
            // Esc on the main screen closes nothing: it only clears a search and marks.
            Action::Back if self.clear_filter() => {}
            Action::Back => {
                self.ui.search = Search::default();
                self.ui.spotlight.clear();
                self.selection.forget_cursors();
            }
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
