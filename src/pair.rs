//! Two-sided values: anything that exists once for the left and once for the right article.

use serde::Serialize;
use std::ops::{Index, IndexMut};

/// Fewest bytes of text, both sides together, worth a second thread: below it,
/// handing work over costs more than it saves, and a small compare starts no threads.
pub const PARALLEL_BYTES: usize = 32 * 1024;

/// Runs `a` and `b`: on two threads when `parallel` and one is free, else one after
/// the other on this thread.
pub fn join<RA: Send, RB: Send>(
    parallel: bool,
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// Which side of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The left (first, "old") article.
    Left,
    /// The right (second, "new") article.
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    /// The other side.
    #[must_use]
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// A value for each side of a pair (texts, scroll offsets, pane areas, selections).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Pair<T> {
    /// The left side's value.
    pub left: T,
    /// The right side's value.
    pub right: T,
}

impl<T> Pair<T> {
    /// A pair from its two values.
    pub fn new(left: T, right: T) -> Self {
        Self { left, right }
    }

    /// Applies `f` to both sides.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        Pair::new(f(self.left), f(self.right))
    }

    /// Applies `f` to both sides, at once on two threads when `parallel` and one is
    /// free (see [`join`]).
    pub fn par_map<U: Send>(self, parallel: bool, f: impl Fn(T) -> U + Sync) -> Pair<U>
    where
        T: Send,
    {
        let (left, right) = join(parallel, || f(self.left), || f(self.right));
        Pair::new(left, right)
    }

    /// Whether work on both sides, `bytes` of text each, is worth a second thread
    /// ([`PARALLEL_BYTES`] together).
    pub fn worth_two_threads(&self, bytes: impl Fn(&T) -> usize) -> bool {
        bytes(&self.left).saturating_add(bytes(&self.right)) >= PARALLEL_BYTES
    }

    /// Borrows both sides.
    pub fn as_ref(&self) -> Pair<&T> {
        Pair::new(&self.left, &self.right)
    }

    /// The pair with its sides exchanged.
    #[must_use]
    pub fn swapped(self) -> Self {
        Pair::new(self.right, self.left)
    }
}

impl<T> Index<Side> for Pair<T> {
    type Output = T;
    fn index(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

impl<T> IndexMut<Side> for Pair<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }
}
