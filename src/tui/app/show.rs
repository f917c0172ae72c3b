//! What the panes show: the article picked in the sidebar replaces the older side,
//! the two sides swap, a corpus view opens a pair or the places it points at.

use super::{App, Focus, Search, side_name};
use crate::pair::{Pair, Side};
use crate::tui::articles::ArticleId;
use crate::tui::facts::Place;
use crate::tui::layout::line_of;
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
        self.selection.quote = None;
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
        let changed = sides
            .iter()
            .any(|(side, place)| self.selection.shown[*side] != place.article);
        for (side, place) in &sides {
            if self.selection.shown[*side] != place.article {
                self.selection.show(*side, place.article);
                if self.ui.search.side == Some(*side) {
                    self.ui.search = Search::default();
                }
            }
        }
        if changed {
            self.selection.quote = None;
            self.ui.deferred = None;
            self.request_comparisons();
        }
        self.ui.spotlight = places.to_vec();
        self.relayout();
        let row = self.focus_row();
        for (side, place) in &sides {
            let pos = self.to_display(*side, place.sentence.start);
            let line = line_of(&self.panes.lines[*side], pos);
            self.panes.scroll[*side] = line.saturating_sub(row);
        }
        if let [(side, _)] = sides.as_slice() {
            if self.panes.locked {
                self.sync_from(*side);
            }
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
            self.selection.quote = None;
            self.ui.deferred = None;
            self.request_comparisons();
        }
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
}
