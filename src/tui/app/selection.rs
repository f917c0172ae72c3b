//! What the reader has selected: where keys go, the sidebar cursor, the two articles
//! shown (and which was picked longer ago), the change and shared quote last jumped
//! to (forgotten when the pair changes).

use crate::pair::{Pair, Side};
use crate::tui::articles::ArticleId;
use std::collections::HashSet;

/// Which part of the screen receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The article list.
    Sidebar,
    /// One of the two panes.
    Pane(Side),
}

/// The selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Where keys go.
    pub focus: Focus,
    /// The article under the sidebar cursor.
    pub cursor: ArticleId,
    /// Articles shown left and right.
    pub shown: Pair<ArticleId>,
    /// Index (in numbered order) of the shared quote last jumped to.
    pub quote: Option<usize>,
    /// Index (in reading order) of the change last jumped to.
    pub change: Option<usize>,
    /// Articles opened in this session (shown on either side).
    pub read: HashSet<ArticleId>,
    /// When each side was last picked (a tick of `clock`).
    picked: Pair<u64>,
    clock: u64,
}

impl Selection {
    /// `shown` on screen, focus and cursor on the left one.
    #[must_use]
    pub fn new(shown: Pair<ArticleId>) -> Self {
        Self {
            focus: Focus::Sidebar,
            cursor: shown.left,
            shown,
            quote: None,
            change: None,
            read: HashSet::from([shown.left, shown.right]),
            picked: Pair::new(0, 1),
            clock: 2,
        }
    }

    /// The pane keys scroll: the focused one, or the left from the sidebar.
    #[must_use]
    pub fn active_side(&self) -> Side {
        match self.focus {
            Focus::Pane(side) => side,
            Focus::Sidebar => Side::Left,
        }
    }

    /// The side showing `article`, if any (the left when both do).
    #[must_use]
    pub fn side_of(&self, article: ArticleId) -> Option<Side> {
        Side::BOTH.into_iter().find(|s| self.shown[*s] == article)
    }

    /// The side picked longer ago: the one a new pick replaces.
    #[must_use]
    pub fn older(&self) -> Side {
        if self.picked.left <= self.picked.right {
            Side::Left
        } else {
            Side::Right
        }
    }

    /// Shows `article` on `side` as the newest pick.
    pub fn show(&mut self, side: Side, article: ArticleId) {
        self.shown[side] = article;
        self.read.insert(article);
        self.picked[side] = self.tick();
        self.forget_cursors();
    }

    /// Shows `pair`, the left picked before the right.
    pub fn show_pair(&mut self, pair: Pair<ArticleId>) {
        self.shown = pair;
        self.read.extend([pair.left, pair.right]);
        let left = self.tick();
        self.picked = Pair::new(left, self.tick());
        self.forget_cursors();
    }

    /// Exchanges the two sides.
    pub fn swap(&mut self) {
        self.shown = self.shown.swapped();
        self.picked = self.picked.swapped();
        self.forget_cursors();
    }

    /// Forgets the change and quote last jumped to.
    pub fn forget_cursors(&mut self) {
        self.quote = None;
        self.change = None;
    }

    /// Moves the focus to the next (or previous) of sidebar, left pane, right pane,
    /// skipping the sidebar when it is hidden.
    pub fn cycle_focus(&mut self, forward: bool, sidebar: bool) {
        let order = if sidebar {
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

    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock - 1
    }
}
