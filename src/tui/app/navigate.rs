//! Moving around: scrolling and synchronized scrolling, jumps to changes, quotes
//! and search hits, the mouse, opening the source URL.

use super::{App, Effect, Focus, WHEEL_LINES, signed};
use crate::compare::Comparison;
use crate::pair::{Pair, Side};
use crate::tui::action::Action;
use crate::tui::align::facing;
use crate::tui::geometry::SidebarRows;
use crate::tui::layout::line_of;
use crate::tui::marks::{Mark, comparison_layers, numbered_quotes};
use crate::tui::search::find_all;
use ratatui::layout::Position;
use std::ops::Range;

impl App {
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.selection.focus {
            Focus::Sidebar => self.selection.move_cursor(delta, &self.articles),
            Focus::Pane(side) => self.scroll_pane(side, delta),
        }
    }

    pub(super) fn max_scroll(&self, side: Side) -> usize {
        self.panes.lines[side]
            .len()
            .saturating_sub(self.pane_height())
    }

    pub(super) fn scroll_pane(&mut self, side: Side, delta: isize) {
        let max = self
            .max_scroll(side)
            .max(self.panes.scroll[side].min(self.panes.lines[side].len()));
        self.panes.scroll[side] = self.panes.scroll[side]
            .saturating_add_signed(delta)
            .min(max);
        if self.panes.locked {
            self.sync_from(side);
        }
    }

    /// Scrolls the other pane so the text facing `side`'s focus row is at its focus row.
    pub(super) fn sync_from(&mut self, side: Side) {
        let other = side.other();
        let row = self.focus_row();
        let lines = &self.panes.lines[side];
        let Some(line) =
            lines.get((self.panes.scroll[side] + row).min(lines.len().saturating_sub(1)))
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
        let target = line_of(&self.panes.lines[other], self.to_display(other, to));
        self.panes.scroll[other] = target
            .saturating_sub(row)
            .min(self.max_scroll(other).max(self.panes.scroll[other]));
    }

    pub(super) fn to_clean(&self, side: Side, pos: usize) -> usize {
        match self.entry(side) {
            Some(entry) if self.view.raw => entry.raw_map.to_clean(pos),
            _ => pos,
        }
    }

    pub(super) fn to_display(&self, side: Side, pos: usize) -> usize {
        self.display_range(side, &(pos..pos)).start
    }

    pub(super) fn display_range(&self, side: Side, range: &Range<usize>) -> Range<usize> {
        match self.entry(side) {
            Some(entry) if self.view.raw => entry.raw_map.to_raw(range),
            _ => range.clone(),
        }
    }

    /// Scrolls `side` so display offset `pos` sits on the focus row; syncs when locked.
    pub(super) fn jump(&mut self, side: Side, pos: usize) {
        let line = line_of(&self.panes.lines[side], pos);
        self.panes.scroll[side] = line.saturating_sub(self.focus_row());
        if self.panes.locked {
            self.sync_from(side);
        }
    }

    /// Display offsets where changes start on `side`, in order.
    pub(super) fn change_starts(&self, side: Side) -> Vec<usize> {
        let Some(comparison) = self.comparison() else {
            return Vec::new();
        };
        comparison_layers(comparison, side)
            .into_iter()
            .filter(|(r, m)| {
                matches!(m, Mark::Only(_) | Mark::Near { counted: true }) && !r.is_empty()
            })
            .map(|(r, _)| self.display_range(side, &r).start)
            .collect()
    }

    pub(super) fn jump_change(&mut self, forward: bool) {
        let side = self.selection.active_side();
        if self.comparison().is_none() {
            self.defer(if forward {
                Action::NextChange
            } else {
                Action::PrevChange
            });
            return;
        }
        let here = self.panes.scroll[side] + self.focus_row();
        let lines: Vec<usize> = self
            .change_starts(side)
            .into_iter()
            .map(|p| line_of(&self.panes.lines[side], p))
            .collect();
        let target = if forward {
            lines.iter().find(|&&l| l > here)
        } else {
            lines.iter().rev().find(|&&l| l < here)
        };
        match target {
            Some(&line) => {
                let pos = self.panes.lines[side].get(line).map_or(0, |l| l.start);
                self.jump(side, pos);
            }
            None => {
                self.ui.message = Some(
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

    /// Remembers a jump to do once the pair's comparison arrives.
    fn defer(&mut self, action: Action) {
        self.ui.deferred = Some(action);
        self.ui.message = Some("still comparing… the jump follows when ready".into());
    }

    pub(super) fn step_quote(&mut self, forward: bool) {
        let count = self.comparison().map_or(0, |c| c.shared_quotes.len());
        if self.comparison().is_none() {
            self.defer(if forward {
                Action::NextQuote
            } else {
                Action::PrevQuote
            });
            return;
        }
        if count == 0 {
            self.ui.message = Some("no shared quotes in this pair".into());
            return;
        }
        let next = match (self.selection.quote, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(q), true) => (q + 1) % count,
            (Some(q), false) => (q + count - 1) % count,
        };
        self.jump_to_quote(next);
    }

    /// Scrolls both panes so shared quote `index` (numbered order) faces itself.
    pub(super) fn jump_to_quote(&mut self, index: usize) {
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
        let lines = Side::BOTH
            .map(|s| line_of(&self.panes.lines[s], self.display_range(s, &spans[s]).start));
        let row = self.focus_row().min(lines[0]).min(lines[1]);
        self.panes.scroll = Pair::new(lines[0] - row, lines[1] - row);
        self.selection.quote = Some(index);
        self.ui.message = Some(format!("quote {} of {}", index + 1, order.len()));
    }

    pub(super) fn update_hits(&mut self, jump: bool) {
        let Some(side) = self.ui.search.side else {
            return;
        };
        self.ui.search.hits = find_all(self.text(side), &self.ui.search.query);
        self.ui.search.current = None;
        if jump && !self.ui.search.hits.is_empty() {
            self.relayout();
            let top = self.panes.lines[side]
                .get(self.panes.scroll[side])
                .map_or(0, |l| l.start);
            let first = self
                .ui
                .search
                .hits
                .iter()
                .position(|h| h.start >= top)
                .unwrap_or(0);
            self.goto_hit(side, first);
        }
    }

    pub(super) fn goto_hit(&mut self, side: Side, index: usize) {
        if let Some(hit) = self.ui.search.hits.get(index) {
            let pos = hit.start;
            self.ui.search.current = Some(index);
            self.jump(side, pos);
        }
    }

    pub(super) fn step_hit(&mut self, forward: bool) {
        let (Some(side), count) = (self.ui.search.side, self.ui.search.hits.len()) else {
            self.ui.message = Some("no search: press / to search".into());
            return;
        };
        if count == 0 {
            self.ui.message = Some("no search hits".into());
            return;
        }
        let next = match (self.ui.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.goto_hit(side, next);
        self.ui.message = Some(format!("hit {} of {count}", next + 1));
    }

    pub(super) fn open_url(&mut self) {
        let article = match self.selection.focus {
            Focus::Sidebar => self.articles.article(self.selection.cursor),
            Focus::Pane(side) => self.article(side),
        };
        let Some(article) = article else {
            return;
        };
        let (url, outlet) = (article.meta.url.clone(), article.meta.outlet.clone());
        match url {
            Some(url) => {
                self.ui.message = Some(format!("opening {url}"));
                self.effects.push(Effect::Open(url));
            }
            None => self.ui.message = Some(format!("no source URL for '{outlet}'")),
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let areas = self.areas();
        let at = Position::new(column, row);
        let delta = if down {
            signed(WHEEL_LINES)
        } else {
            -signed(WHEEL_LINES)
        };
        if areas.sidebar.is_some_and(|r| r.contains(at)) {
            self.selection.move_cursor(delta.signum(), &self.articles);
        } else if let Some(side) = Side::BOTH
            .into_iter()
            .find(|s| areas.panes[*s].contains(at))
        {
            self.scroll_pane(side, delta);
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let at = Position::new(column, row);
        if let Some(sidebar) = areas.sidebar.filter(|r| r.contains(at)) {
            // A click moves the cursor; a second click on the cursor's article shows it.
            let cursor = self.articles.position(self.selection.cursor).unwrap_or(0);
            let id = SidebarRows::new(sidebar, self.articles.has_warnings())
                .index_at(row, cursor, self.articles.len())
                .and_then(|position| self.articles.id_at(position));
            let again = self.selection.focus == Focus::Sidebar && id == Some(self.selection.cursor);
            self.selection.focus = Focus::Sidebar;
            if let Some(id) = id {
                self.selection.cursor = id;
            }
            if again {
                self.select();
            }
        } else if let Some(side) = Side::BOTH
            .into_iter()
            .find(|s| areas.panes[*s].contains(at))
        {
            self.selection.focus = Focus::Pane(side);
        }
    }
}
