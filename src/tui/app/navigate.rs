//! Moving around: scrolling (locked panes stand on the same row of the grid),
//! sideways scrolling, the change and quote cursors, search hits, the mouse,
//! opening the source URL.

use super::{App, Effect, Focus, WHEEL_LINES, signed};
use crate::pair::{Pair, Side};
use crate::present::layers::numbered_quotes;
use crate::tui::action::Action;
use crate::tui::articles::ArticleId;
use crate::tui::layout::line_of;
use crate::tui::search::{find_all, first_from};
use ratatui::layout::Position;
use std::ops::Range;

/// Rows kept above the target of a jump (fewer in a short pane).
const JUMP_CONTEXT: usize = 3;
/// Columns one sideways step scrolls.
pub const SIDEWAYS_STEP: usize = 8;

/// Which cursor a jump moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    Change,
    Quote,
}

impl Cursor {
    const fn noun(self) -> &'static str {
        match self {
            Self::Change => "change",
            Self::Quote => "quote",
        }
    }
}

impl App {
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.selection.focus {
            Focus::Sidebar => self.move_sidebar(delta),
            Focus::Pane(side) => self.scroll_pane(side, delta),
        }
    }

    pub(super) fn max_scroll(&self, side: Side) -> usize {
        self.panes.lines[side]
            .len()
            .saturating_sub(self.pane_height())
    }

    /// Scrolls `side` by `delta` rows; locked, the other pane stands on the same row.
    pub(super) fn scroll_pane(&mut self, side: Side, delta: isize) {
        let max = self
            .max_scroll(side)
            .max(self.panes.scroll[side].min(self.panes.lines[side].len()));
        let to = self.panes.scroll[side]
            .saturating_add_signed(delta)
            .min(max);
        self.panes.scroll[side] = to;
        if self.panes.locked {
            self.follow(side);
        }
    }

    /// Puts the other pane on the row `side` stands on: the grid keeps counterparts
    /// on one row (before the pair is compared, within the other pane's length).
    fn follow(&mut self, side: Side) {
        let other = side.other();
        let row = self.panes.scroll[side];
        let aligned = self.panes.lines[side].len() == self.panes.lines[other].len();
        self.panes.scroll[other] = if aligned {
            row
        } else {
            row.min(self.max_scroll(other))
        };
    }

    /// Aligns locked panes on the active pane's top sentence: the other pane on the
    /// same row, or, for a sentence that moved, where its counterpart stands.
    pub(super) fn relock(&mut self) {
        let side = self.selection.active_side();
        let row = self.panes.scroll[side];
        let top = self.panes.lines[side].get(row).map_or(0, |l| l.start);
        let moved = self.computed().and_then(|c| {
            c.counterparts
                .moved
                .iter()
                .find(|m| self.display_range(side, &m[side]).contains(&top))
                .cloned()
        });
        match moved {
            Some(spans) => {
                let start = |s: Side| self.row_of(s, self.display_range(s, &spans[s]).start);
                self.panes.scroll[side.other()] =
                    (start(side.other()) + row).saturating_sub(start(side));
            }
            None => self.follow(side),
        }
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

    /// The row of display offset `pos` in the pane on `side`.
    pub(super) fn row_of(&self, side: Side, pos: usize) -> usize {
        line_of(&self.panes.lines[side], pos)
    }

    /// Rows kept above a jump's target.
    pub(super) fn jump_context(&self) -> usize {
        JUMP_CONTEXT.min(self.pane_height() / 3)
    }

    /// Scrolls `side` so display offset `pos` stands a few rows from the top; locked,
    /// the other pane follows.
    pub(super) fn jump(&mut self, side: Side, pos: usize) {
        self.panes.scroll[side] = self.row_of(side, pos).saturating_sub(self.jump_context());
        if self.panes.locked {
            self.follow(side);
        }
    }

    /// Scrolls both panes to targets on `rows` (clean offsets per side, absent on a
    /// side that lacks the target), a few rows from the top: by the same amount, so
    /// counterparts stay on one row, unless the target moved (or its two sides are
    /// too far apart to share the view), then each side to its own, facing.
    fn face(&mut self, spans: &Pair<Range<usize>>, present: Pair<bool>, moved: bool) {
        let context = self.jump_context();
        let row = |s: Side| self.row_of(s, self.display_range(s, &spans[s]).start);
        if !self.panes.aligned {
            // Each pane alone: each side to its own place (where a lacking side would have it).
            self.panes.scroll =
                Pair::new(row(Side::Left), row(Side::Right)).map(|r| r.saturating_sub(context));
            return;
        }
        let rows = Side::BOTH.map(|s| present[s].then(|| row(s)));
        let height = self.pane_height();
        let scroll = match rows {
            [Some(l), Some(r)] if moved || l.abs_diff(r) + context >= height => {
                // The same context above both, so the two face each other.
                let context = context.min(l).min(r);
                self.panes.scroll = Pair::new(l - context, r - context);
                return;
            }
            [Some(l), Some(r)] => Pair::new(l.min(r), l.min(r)),
            [Some(row), None] | [None, Some(row)] => Pair::new(row, row),
            [None, None] => return,
        };
        self.panes.scroll = scroll.map(|row| row.saturating_sub(context));
    }

    /// The row each change (or quote) starts on in the pane on `side`, in order.
    fn target_rows(&self, cursor: Cursor, side: Side) -> Vec<usize> {
        let Some(computed) = self.computed() else {
            return Vec::new();
        };
        let row = |spans: &Pair<Range<usize>>| {
            let lacking = spans[side].is_empty() && !spans[side.other()].is_empty();
            let on = if lacking && self.panes.aligned {
                side.other()
            } else {
                side
            };
            self.row_of(on, self.display_range(on, &spans[on]).start)
        };
        match cursor {
            Cursor::Change => computed
                .counterparts
                .changes
                .iter()
                .map(|c| row(&c.spans))
                .collect(),
            Cursor::Quote => {
                let quotes = &computed.comparison.shared_quotes;
                numbered_quotes(&computed.comparison)
                    .into_iter()
                    .filter_map(|i| quotes.get(i).map(|q| row(&q.spans)))
                    .collect()
            }
        }
    }

    /// The next (or previous) target: after the current one while it is in view,
    /// else the first in view or below it (the last above it); past the end it
    /// wraps (`true`).
    fn next_target(&self, cursor: Cursor, forward: bool) -> Option<(usize, bool)> {
        let side = self.selection.active_side();
        let rows = self.target_rows(cursor, side);
        let count = rows.len();
        if count == 0 {
            return None;
        }
        let top = self.panes.scroll[side];
        let current = match cursor {
            Cursor::Change => self.selection.change,
            Cursor::Quote => self.selection.quote,
        }
        .filter(|&i| {
            rows.get(i)
                .is_some_and(|&r| top <= r && r < top + self.pane_height())
        });
        let found = match (current, forward) {
            (Some(i), true) => (i + 1 < count).then_some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => rows.iter().position(|&r| r >= top),
            (None, false) => rows.iter().rposition(|&r| r < top),
        };
        Some(match (found, forward) {
            (Some(i), _) => (i, false),
            (None, true) => (0, true),
            (None, false) => (count - 1, true),
        })
    }

    /// Remembers a jump to do once the pair's comparison arrives.
    fn defer(&mut self, action: Action) {
        self.ui.deferred = Some(action);
        self.ui.message = Some("still comparing… the jump follows when ready".into());
    }

    pub(super) fn jump_change(&mut self, forward: bool) {
        let Some(computed) = self.computed() else {
            self.defer(if forward {
                Action::NextChange
            } else {
                Action::PrevChange
            });
            return;
        };
        if self.unrelated() {
            self.ui.message = Some(super::UNRELATED.into());
            return;
        }
        if computed.counterparts.changes.is_empty() {
            self.ui.message = Some("no changes in this pair".into());
            return;
        }
        if let Some((index, wrapped)) = self.next_target(Cursor::Change, forward) {
            self.goto_change(index);
            self.say_target(Cursor::Change, index, wrapped);
        }
    }

    /// Scrolls both panes to change `index`, marked as the current one.
    pub(super) fn goto_change(&mut self, index: usize) {
        let Some(change) = self
            .computed()
            .and_then(|c| c.counterparts.changes.get(index))
            .cloned()
        else {
            return;
        };
        let present = Pair::new(
            !change.spans.left.is_empty(),
            !change.spans.right.is_empty(),
        );
        self.face(&change.spans, present, change.moved);
        self.selection.change = Some(index);
        self.selection.quote = None;
    }

    /// `change 3 of 17`, `quote 2 of 6 · moved`, with a note when the jump wrapped.
    fn say_target(&mut self, cursor: Cursor, index: usize, wrapped: bool) {
        let Some(computed) = self.computed() else {
            return;
        };
        let (count, moved) = match cursor {
            Cursor::Change => (
                computed.counterparts.changes.len(),
                computed
                    .counterparts
                    .changes
                    .get(index)
                    .is_some_and(|c| c.moved),
            ),
            Cursor::Quote => {
                let quotes = &computed.comparison.shared_quotes;
                let quote = numbered_quotes(&computed.comparison)
                    .get(index)
                    .and_then(|&i| quotes.get(i));
                (
                    quotes.len(),
                    quote.is_some_and(|q| computed.counterparts.is_moved(&q.spans)),
                )
            }
        };
        let mut message = format!("{} {} of {count}", cursor.noun(), index + 1);
        if moved {
            message.push_str(" · moved");
        }
        if wrapped {
            message.push_str(if index == 0 {
                " · wrapped to the first"
            } else {
                " · wrapped to the last"
            });
        }
        self.ui.message = Some(message);
    }

    pub(super) fn step_quote(&mut self, forward: bool) {
        let Some(computed) = self.computed() else {
            self.defer(if forward {
                Action::NextQuote
            } else {
                Action::PrevQuote
            });
            return;
        };
        if computed.comparison.shared_quotes.is_empty() {
            self.ui.message = Some("no shared quotes in this pair".into());
            return;
        }
        if let Some((index, wrapped)) = self.next_target(Cursor::Quote, forward) {
            self.jump_to_quote(index);
            self.say_target(Cursor::Quote, index, wrapped);
        }
    }

    /// Jumps to the shared quote that overlaps `span` of `article` most (the
    /// article shown on one side); the first shared quote when none does.
    pub(super) fn show_quote_of(&mut self, article: ArticleId, span: &Range<usize>) {
        let Some(computed) = self.computed() else {
            return self.defer(Action::ShowQuoteOf {
                article,
                span: span.clone(),
            });
        };
        let Some(side) = self.selection.side_of(article) else {
            return;
        };
        let comparison = &computed.comparison;
        let overlap = |i: usize| {
            comparison.shared_quotes.get(i).map_or(0, |q| {
                let on = &q.spans[side];
                on.end
                    .min(span.end)
                    .saturating_sub(on.start.max(span.start))
            })
        };
        let best = numbered_quotes(comparison)
            .into_iter()
            .enumerate()
            .filter(|&(_, i)| overlap(i) > 0)
            .max_by_key(|&(number, i)| (overlap(i), std::cmp::Reverse(number)))
            .map(|(number, _)| number);
        match best {
            Some(number) => self.jump_to_quote(number),
            None => self.step_quote(true),
        }
    }

    /// Scrolls both panes so shared quote `index` (numbered order) faces itself.
    pub(super) fn jump_to_quote(&mut self, index: usize) {
        let Some(computed) = self.computed() else {
            return;
        };
        let comparison = &computed.comparison;
        let Some(spans) = numbered_quotes(comparison)
            .get(index)
            .and_then(|&i| comparison.shared_quotes.get(i))
            .map(|q| q.spans.clone())
        else {
            return;
        };
        let moved = computed.counterparts.is_moved(&spans);
        self.face(&spans, Pair::new(true, true), moved);
        self.selection.quote = Some(index);
        self.selection.change = None;
        self.say_target(Cursor::Quote, index, false);
    }

    /// Scrolls the focused pane (both, locked) sideways by one step, when lines are not wrapped.
    pub(super) fn scroll_sideways(&mut self, right: bool) {
        let Focus::Pane(side) = self.selection.focus else {
            return;
        };
        if self.view.wrap {
            self.ui.message = Some("lines wrap: w turns wrapping off to scroll sideways".into());
            return;
        }
        let column = self.panes.column[side];
        let to = if right {
            (column + SIDEWAYS_STEP).min(self.max_column(side).max(column))
        } else {
            column.saturating_sub(SIDEWAYS_STEP)
        };
        self.panes.column[side] = to;
        if self.panes.locked {
            self.panes.column[side.other()] = to;
        }
    }

    /// The column past which the widest row of `side` no longer fills the pane.
    fn max_column(&self, side: Side) -> usize {
        let text = self.text(side);
        let widest = self.panes.lines[side]
            .iter()
            .map(|l| l.width(text))
            .max()
            .unwrap_or(0);
        let width = crate::tui::geometry::text_area(self.areas().panes[side]).width;
        widest.saturating_sub(usize::from(width))
    }

    pub(super) fn update_hits(&mut self, jump: bool) {
        if self.article_view.is_some() {
            return self.article_hits(jump);
        }
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
            let first = first_from(&self.ui.search.hits, top);
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
        self.open_url_of(match self.selection.focus {
            Focus::Sidebar => self.selection.cursor,
            Focus::Pane(side) => self.selection.shown[side],
        });
    }

    /// Opens the source URL of article `id`, or says it has none.
    pub(super) fn open_url_of(&mut self, id: ArticleId) {
        let Some(article) = self.articles.article(id) else {
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
            self.move_sidebar(delta.signum());
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
            self.click_sidebar(sidebar, row);
        } else if let Some(side) = Side::BOTH
            .into_iter()
            .find(|s| areas.panes[*s].contains(at))
        {
            self.selection.focus = Focus::Pane(side);
        }
    }
}
