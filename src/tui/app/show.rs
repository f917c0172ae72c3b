//! What the panes show: the article picked in the sidebar replaces the older side,
//! the two sides swap, a corpus view opens a pair or the places it points at (the
//! sidebar cursor follows), and what `r` and `z` say they show.

use super::{App, Focus, Search, UNRELATED, side_name};
use crate::pair::{Pair, Side};
use crate::present::count;
use crate::present::layers::numbered_quotes;
use crate::tui::articles::ArticleId;
use crate::tui::facts::Place;
use std::ops::Range;

impl App {
    /// Shows the article under the sidebar cursor in place of the older pick.
    pub(super) fn select(&mut self) {
        if self.selection.focus != Focus::Sidebar {
            return;
        }
        let id = self.selection.cursor;
        if let Some(side) = self.selection.side_of(id) {
            self.ui.message = Some(format!("already shown on the {}", side_name(side)));
            return;
        }
        let older = self.selection.older();
        self.selection.show(older, id);
        self.panes.scroll = Pair::default();
        self.ui.deferred = None;
        if self.ui.search.side == Some(older) {
            self.ui.search = Search::default();
        }
        self.request_comparisons();
    }

    /// Exchanges the left and right articles.
    pub(super) fn swap(&mut self) {
        self.selection.swap();
        self.panes.scroll = self.panes.scroll.swapped();
        self.ui.search.side = self.ui.search.side.map(Side::other);
        self.request_comparisons();
    }

    /// Shows the articles of `places` (one or two) and scrolls each pane to its
    /// sentence, highlighted. An article already shown keeps its side.
    pub fn open_places(&mut self, places: &[Place]) {
        let mut sides: Vec<(Side, &Place)> = Vec::new();
        for place in places {
            let side = Side::BOTH
                .into_iter()
                .find(|s| self.selection.shown[*s] == place.article)
                .filter(|s| !sides.iter().any(|(taken, _)| taken == s))
                .or_else(|| {
                    // Replace a side not holding another place, the right one first.
                    [Side::Right, Side::Left].into_iter().find(|s| {
                        !sides.iter().any(|(taken, _)| taken == s)
                            && !places.iter().any(|p| p.article == self.selection.shown[*s])
                    })
                });
            if let Some(side) = side {
                sides.push((side, place));
            }
        }
        let mut newly = None;
        for (side, place) in &sides {
            if self.selection.shown[*side] != place.article {
                self.selection.show(*side, place.article);
                newly.get_or_insert(place.article);
                if self.ui.search.side == Some(*side) {
                    self.ui.search = Search::default();
                }
            }
        }
        if let Some(id) = newly {
            // The sidebar follows the pair shown.
            self.selection.cursor = id;
            self.sidebar.header = None;
            self.ui.deferred = None;
            self.request_comparisons();
        }
        self.ui.spotlight = places.to_vec();
        self.relayout();
        let context = self.jump_context();
        for (side, place) in &sides {
            let pos = self.to_display(*side, place.sentence.start);
            self.panes.scroll[*side] = self.row_of(*side, pos).saturating_sub(context);
        }
        if let [(side, place)] = sides.as_slice() {
            self.jump(*side, self.to_display(*side, place.sentence.start));
            self.selection.focus = Focus::Pane(*side);
        }
        let outlets: Vec<&str> = sides
            .iter()
            .filter_map(|(_, p)| self.articles.article(p.article))
            .map(|a| a.meta.outlet.as_str())
            .collect();
        self.ui.message = Some(format!("showing {}", outlets.join(" ↔ ")));
    }

    /// Shows articles `a` left and `b` right (kept as they are when shown swapped), from the top.
    pub(super) fn open_pair(&mut self, a: ArticleId, b: ArticleId) {
        if self.selection.shown != Pair::new(b, a) && self.selection.shown != Pair::new(a, b) {
            self.selection.show_pair(Pair::new(a, b));
            self.ui.search = Search::default();
            self.ui.deferred = None;
            self.request_comparisons();
        }
        self.selection.cursor = a;
        self.panes.scroll = Pair::default();
        self.ui.spotlight.clear();
        self.ui.message = Some(format!(
            "showing {} ↔ {}",
            self.outlet_name(self.selection.shown.left),
            self.outlet_name(self.selection.shown.right)
        ));
    }

    fn outlet_name(&self, id: ArticleId) -> &str {
        self.articles
            .article(id)
            .map_or("", |a| a.meta.outlet.as_str())
    }

    /// The highlighted sentence of the pane on `side`, if a spotlight is on its article.
    pub(super) fn spotlight_on(&self, side: Side) -> Option<Range<usize>> {
        self.ui
            .spotlight
            .iter()
            .find(|p| p.article == self.selection.shown[side])
            .map(|p| self.display_range(side, &p.sentence))
    }

    /// The rows of the pane on `side` the change or quote last jumped to covers; for a
    /// change this side lacks, the rows facing it on the other side.
    #[must_use]
    pub fn marked_rows(&self, side: Side) -> Option<Range<usize>> {
        let computed = self.computed()?;
        let (spans, moved) = match (self.selection.change, self.selection.quote) {
            (Some(i), _) => {
                let change = computed.counterparts.changes.get(i)?;
                (change.spans.clone(), change.moved)
            }
            (None, Some(i)) => {
                let comparison = &computed.comparison;
                let quote = numbered_quotes(comparison)
                    .get(i)
                    .and_then(|&q| comparison.shared_quotes.get(q))?;
                (
                    quote.spans.clone(),
                    computed.counterparts.is_moved(&quote.spans),
                )
            }
            (None, None) => return None,
        };
        let on = match (spans[side].is_empty(), moved || !self.panes.aligned) {
            (false, _) => side,
            (true, false) => side.other(),
            (true, true) => return None,
        };
        let span = self.display_range(on, &spans[on]);
        let first = self.row_of(on, span.start);
        let last = self.row_of(on, span.end.saturating_sub(1).max(span.start));
        Some(first..last + 1)
    }

    /// Display spans, on `side`, of the sentences and quotes that moved.
    #[must_use]
    pub fn moved_spans(&self, side: Side) -> Vec<Range<usize>> {
        self.computed().map_or_else(Vec::new, |c| {
            c.counterparts
                .moved
                .iter()
                .map(|m| self.display_range(side, &m[side]))
                .collect()
        })
    }

    /// `L`: locks or unlocks scrolling and says which. Relaid out, the panes keep
    /// their top text; locked, they are then aligned.
    pub(super) fn toggle_lock(&mut self) {
        self.panes.locked = !self.panes.locked;
        self.ui.message = Some(
            if self.panes.locked {
                "scrolling locked: counterparts stand on one row"
            } else {
                "scrolling unlocked: each pane scrolls alone"
            }
            .into(),
        );
    }

    /// `w`: wraps lines or stops wrapping (back to the first column) and says which.
    pub(super) fn toggle_wrap(&mut self) {
        self.view.wrap = !self.view.wrap;
        self.panes.column = Pair::default();
        self.ui.message = Some(
            if self.view.wrap {
                "lines wrap at the pane's edge"
            } else {
                "lines no longer wrap: h/l or ←/→ scroll sideways"
            }
            .into(),
        );
    }

    /// What `r` says: which text the panes show now.
    pub(super) fn raw_message(&self) -> String {
        if !self.view.raw {
            return "clean text: what cleaning removed is hidden".into();
        }
        let removed = Side::BOTH.map(|s| self.article(s).map_or(0, |a| a.removals.len()));
        format!(
            "raw: what cleaning cut is struck through ({} left, {} right)",
            removed[0], removed[1]
        )
    }

    /// What `z` says: what is folded now.
    pub(super) fn only_changed_message(&self) -> String {
        if !self.view.only_changed {
            return "all text shown".into();
        }
        match self.computed() {
            None => "only changes, once the pair is compared".into(),
            Some(_) if self.unrelated() => format!("{UNRELATED}: nothing to fold"),
            Some(c) => {
                let changed = c.counterparts.changed_blocks();
                let folded = changed.iter().skip(1).step_by(2).filter(|c| !**c).count();
                format!(
                    "only changes: {} shown, {} folded",
                    c.counterparts.changes.len(),
                    count(folded, "sentence")
                )
            }
        }
    }
}
