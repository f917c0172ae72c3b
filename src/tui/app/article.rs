//! The one-article view (`v`): one article alone at a readable measure under a
//! header, `J`/`K` to the next or previous article of the sidebar, its own
//! quotations listed by `Q` with what other articles carry them. It is a sub-view:
//! `Esc` and `q` close it, back to the pair with the article as one side.

use super::{App, Focus};
use crate::compare::Document;
use crate::compare::quotes::Quote;
use crate::pair::{Pair, Side};
use crate::present::layers::{Mark, superimpose};
use crate::tui::action::Action;
use crate::tui::analysis::AnalysisKind;
use crate::tui::articles::ArticleId;
use crate::tui::geometry::article_areas;
use crate::tui::layout::{Flow, LayoutInput, VisualLine, layout_range, line_of};
use crate::tui::search::{find_all, first_from};
use crate::tui::sidebar::Row;
use ratatui::layout::Rect;
use std::ops::Range;
use std::sync::Arc;

/// The view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleView {
    /// The article shown.
    pub article: ArticleId,
    /// First visible row of its text.
    pub scroll: usize,
    /// Its quotations, in text order (spans into the clean text).
    pub quotes: Vec<Quote>,
    /// The quote list, open with this row selected.
    pub list: Option<usize>,
    /// The quotation last jumped to.
    pub quote: Option<usize>,
    /// The text's rows at the view's measure.
    pub lines: Arc<Vec<VisualLine>>,
}

/// How the other articles carry one of the article's quotations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Carried {
    /// How many other articles carry it.
    pub others: usize,
    /// The one that carries it most closely.
    pub closest: Option<ArticleId>,
}

impl App {
    /// The open one-article view.
    #[must_use]
    pub fn article_view(&self) -> Option<&ArticleView> {
        self.article_view.as_ref()
    }

    /// Opens `article` alone; the quote tracker is asked for, to say who else
    /// carries its quotations.
    pub(super) fn open_article(&mut self, article: ArticleId) {
        let Some(entry) = self.articles.get(article) else {
            return;
        };
        let quotes = Document::new(&entry.article.clean, &self.matching())
            .quotes
            .into_iter()
            .filter(|q| q.depth == 0 && !q.term)
            .collect();
        self.selection.read.insert(article);
        self.selection.cursor = article;
        self.ui.search = super::Search::default();
        self.article_view = Some(ArticleView {
            article,
            scroll: 0,
            quotes,
            list: None,
            quote: None,
            lines: Arc::default(),
        });
        self.request_analysis(self.corpus_key(AnalysisKind::Tracker));
        self.layout_article();
    }

    /// Reads the view's article again when it is among `changed`, where it was.
    pub(super) fn refresh_article(&mut self, changed: &std::collections::HashSet<ArticleId>) {
        let Some((article, scroll)) = self.article_view().map(|v| (v.article, v.scroll)) else {
            return;
        };
        if changed.contains(&article) {
            self.open_article(article);
            self.set_view(|v| v.scroll = scroll);
            self.layout_article();
        }
    }

    /// The text the view shows: raw or clean.
    #[must_use]
    pub fn article_text(&self) -> &str {
        let article = self
            .article_view()
            .and_then(|v| self.articles.article(v.article));
        match article {
            Some(a) if self.view.raw => &a.raw,
            Some(a) => &a.clean,
            None => "",
        }
    }

    /// `range` of the clean text in the offsets of the text shown.
    fn article_range(&self, range: &Range<usize>) -> Range<usize> {
        let entry = self
            .article_view()
            .and_then(|v| self.articles.get(v.article));
        match entry {
            Some(entry) if self.view.raw => entry.raw_map.to_raw(range),
            _ => range.clone(),
        }
    }

    /// The header and text areas of the view for the terminal's size.
    #[must_use]
    pub fn article_areas(&self) -> (Rect, Rect) {
        let screen = Rect::new(0, 0, self.size.0, self.size.1.saturating_sub(1));
        article_areas(screen)
    }

    /// Lays out the view's text at its measure: quotations marked, the one jumped
    /// to spotlit, what cleaning removed shown in the raw view.
    pub(super) fn layout_article(&mut self) {
        let Some(view) = self.article_view() else {
            return;
        };
        let text = self.article_text();
        let mut layers: Vec<(Range<usize>, Mark)> = view
            .quotes
            .iter()
            .map(|q| {
                (
                    self.article_range(&q.span),
                    Mark::Quote(crate::compare::MatchKind::Exact),
                )
            })
            .collect();
        if let Some(q) = view.quote.and_then(|i| view.quotes.get(i)) {
            layers.push((self.article_range(&q.span), Mark::Spotlight));
        }
        if self.view.raw
            && let Some(article) = self.articles.article(view.article)
        {
            layers.extend(
                article
                    .removals
                    .iter()
                    .map(|r| (r.range.clone(), Mark::Removed)),
            );
        }
        let segments = superimpose(text.len(), &layers);
        let input = LayoutInput {
            text,
            segments: &segments,
            markers: &[],
            width: usize::from(self.article_areas().1.width).max(1),
            wrap: true,
        };
        let lines = layout_range(&input, 0..text.len(), &mut Flow::new(text));
        let rows = self.article_rows();
        if let Some(view) = &mut self.article_view {
            view.lines = Arc::new(lines);
            view.scroll = view.scroll.min(view.lines.len().saturating_sub(rows));
        }
    }

    /// Rows of text the view shows at once.
    fn article_rows(&self) -> usize {
        usize::from(self.article_areas().1.height).max(1)
    }

    /// Scrolls the view so that clean offset `pos` stands a third of the way down.
    fn show_in_article(&mut self, pos: usize) {
        let rows = self.article_rows();
        let pos = self.article_range(&(pos..pos)).start;
        if let Some(view) = &mut self.article_view {
            let line = line_of(&view.lines, pos);
            view.scroll = line
                .saturating_sub(rows / 3)
                .min(view.lines.len().saturating_sub(rows));
        }
    }

    /// How other articles carry quotation `index` of the view's article, once the
    /// quote tracker is computed.
    #[must_use]
    pub fn carried(&self, index: usize) -> Option<Carried> {
        let view = self.article_view()?;
        let quote = view.quotes.get(index)?;
        let (groups, covered) = self.quote_groups()?;
        let me = covered.iter().position(|&id| id == view.article);
        let overlaps =
            |span: &Range<usize>| span.start < quote.span.end && quote.span.start < span.end;
        let group = groups.iter().find(|g| {
            g.occurrences
                .iter()
                .any(|o| Some(o.article) == me && overlaps(&o.span))
        });
        let Some(group) = group else {
            return Some(Carried {
                others: 0,
                closest: None,
            });
        };
        let others: Vec<_> = group
            .occurrences
            .iter()
            .filter(|o| Some(o.article) != me)
            .collect();
        let closest = others
            .iter()
            .max_by(|a, b| a.score.total_cmp(&b.score))
            .and_then(|o| covered.get(o.article).copied());
        Some(Carried {
            others: others.len(),
            closest,
        })
    }

    /// Applies an action to the view (no popup open, no query being typed).
    pub(super) fn apply_article(&mut self, action: Action) {
        let Some(view) = self.article_view() else {
            return;
        };
        let (article, list, count) = (view.article, view.list, view.quotes.len());
        if let Some(selected) = list {
            return self.apply_quote_list(selected, count, action);
        }
        let rows = self.article_rows();
        let page = super::signed(rows.saturating_sub(1));
        match action {
            Action::ScrollDown => self.scroll_article(1),
            Action::ScrollUp => self.scroll_article(-1),
            Action::PageDown => self.scroll_article(page),
            Action::PageUp => self.scroll_article(-page),
            Action::HalfPageDown => self.scroll_article(page / 2),
            Action::HalfPageUp => self.scroll_article(-page / 2),
            Action::Top => self.scroll_article(isize::MIN / 2),
            Action::Bottom => self.scroll_article(isize::MAX / 2),
            Action::NextArticle => self.step_article(article, 1),
            Action::PrevArticle => self.step_article(article, -1),
            Action::ToggleQuoteList => {
                let at = self.article_view().and_then(|v| v.quote).unwrap_or(0);
                self.set_view(|v| v.list = Some(at));
            }
            Action::OpenCarriers => self.open_closest(),
            Action::ToggleRaw => {
                self.view.raw = !self.view.raw;
                self.update_hits(false);
            }
            Action::OpenUrl => self.open_url_of(article),
            Action::StartSearch => {
                self.ui.search = super::Search {
                    typing: true,
                    ..super::Search::default()
                };
            }
            Action::NextHit => self.step_article_hit(true),
            Action::PrevHit => self.step_article_hit(false),
            Action::ToggleHelp => self.ui.popup = Some(super::Popup::Help(0)),
            Action::Back | Action::Quit => self.close_article(article),
            _ => {}
        }
    }

    /// Keys while the quote list is open: move, `Enter` jumps, `p` opens the pair
    /// with the closest carrier, `Esc`/`q`/`Q` close the list.
    fn apply_quote_list(&mut self, selected: usize, count: usize, action: Action) {
        let page = self.article_rows();
        let last = count.saturating_sub(1);
        match action {
            Action::Select => {
                let start = self
                    .article_view()
                    .and_then(|v| v.quotes.get(selected))
                    .map(|q| q.span.start);
                self.set_view(|v| {
                    v.list = None;
                    v.quote = Some(selected);
                });
                self.layout_article();
                if let Some(start) = start {
                    self.show_in_article(start);
                }
            }
            Action::OpenCarriers => {
                self.set_view(|v| v.quote = Some(selected));
                self.open_closest();
            }
            Action::Back | Action::Quit | Action::ToggleQuoteList => {
                self.set_view(|v| v.list = None);
            }
            action => {
                let next = super::step(selected, &action, last, page);
                self.set_view(|v| v.list = Some(next));
            }
        }
    }

    fn set_view(&mut self, change: impl FnOnce(&mut ArticleView)) {
        if let Some(view) = &mut self.article_view {
            change(view);
        }
    }

    fn scroll_article(&mut self, delta: isize) {
        let rows = self.article_rows();
        self.set_view(|v| {
            let max = v.lines.len().saturating_sub(rows);
            v.scroll = v.scroll.saturating_add_signed(delta).min(max);
        });
    }

    /// The next (`delta` 1) or previous (-1) article in the sidebar's order (its
    /// stories, filter and sort), alone.
    fn step_article(&mut self, article: ArticleId, delta: isize) {
        let order: Vec<ArticleId> = self
            .sidebar_rows()
            .into_iter()
            .filter_map(|row| match row {
                Row::Article(id) => Some(id),
                Row::Header { .. } => None,
            })
            .collect();
        let at = order.iter().position(|&id| id == article).unwrap_or(0);
        match at
            .checked_add_signed(delta)
            .and_then(|to| order.get(to).copied())
        {
            Some(next) => self.open_article(next),
            None if delta > 0 => self.ui.message = Some("the last article".into()),
            None => self.ui.message = Some("the first article".into()),
        }
    }

    /// Closes the view: the pair shows the article on one side (where it already
    /// stands, else in place of the older pane), focused.
    fn close_article(&mut self, article: ArticleId) {
        self.article_view = None;
        self.ui.search = super::Search::default();
        let side = self.selection.side_of(article).unwrap_or_else(|| {
            let side = self.selection.older();
            self.selection.show(side, article);
            side
        });
        self.selection.focus = Focus::Pane(side);
        self.request_comparisons();
    }

    /// Opens the pair of the article and the one that carries the quotation last
    /// jumped to (or the first) most closely, on that quotation once compared.
    fn open_closest(&mut self) {
        let Some(view) = self.article_view() else {
            return;
        };
        let (article, index) = (view.article, view.quote.unwrap_or(0));
        let span = view.quotes.get(index).map(|q| q.span.clone());
        match self.carried(index) {
            Some(Carried {
                closest: Some(other),
                ..
            }) => {
                self.article_view = None;
                self.selection.show_pair(Pair::new(article, other));
                self.selection.focus = Focus::Pane(Side::Left);
                self.request_comparisons();
                self.ui.deferred = Some(span.map_or(Action::NextQuote, |span| {
                    Action::ShowQuoteOf { article, span }
                }));
            }
            Some(_) => self.ui.message = Some("no other article carries this quotation".into()),
            None => self.ui.message = Some("still finding who carries it…".into()),
        }
    }

    /// Search hits over the view's text, jumping to the first below the top.
    pub(super) fn article_hits(&mut self, jump: bool) {
        self.ui.search.hits = find_all(self.article_text(), &self.ui.search.query);
        self.ui.search.current = None;
        if jump && !self.ui.search.hits.is_empty() {
            let top = self
                .article_view()
                .and_then(|v| v.lines.get(v.scroll))
                .map_or(0, |l| l.start);
            let first = first_from(&self.ui.search.hits, top);
            self.goto_article_hit(first);
        }
    }

    fn goto_article_hit(&mut self, index: usize) {
        let Some(hit) = self.ui.search.hits.get(index) else {
            return;
        };
        let pos = hit.start;
        self.ui.search.current = Some(index);
        let rows = self.article_rows();
        self.set_view(|v| {
            let line = line_of(&v.lines, pos);
            v.scroll = line
                .saturating_sub(rows / 3)
                .min(v.lines.len().saturating_sub(rows));
        });
    }

    fn step_article_hit(&mut self, forward: bool) {
        let count = self.ui.search.hits.len();
        if count == 0 {
            self.ui.message = Some("no search hits: press / to search".into());
            return;
        }
        let next = match (self.ui.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.goto_article_hit(next);
        self.ui.message = Some(format!("hit {} of {count}", next + 1));
    }
}
