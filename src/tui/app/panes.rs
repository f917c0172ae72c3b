//! The two panes' laid-out lines: what a layout depends on ([`ViewOptions`] and the
//! rest of [`LayoutKey`]), both panes laid out together on one grid of rows
//! ([`crate::tui::grid`]) and cached per key, where each pane is scrolled (down and
//! sideways), and keeping the reader's place when a layout changes shape.

use super::App;
use crate::pair::{Pair, Side};
use crate::present::layers::{
    Mark, Marks, QuoteMarker, comparison_layers, quote_markers, superimpose,
};
use crate::tui::articles::ArticleId;
use crate::tui::counterparts::blocks;
use crate::tui::geometry;
use crate::tui::grid::{GridInput, apart, grid};
use crate::tui::layout::{LayoutInput, VisualLine, line_of};
use crate::tui::worker::PairKey;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// How the panes show their text; part of every layout's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ViewOptions {
    /// Wrap long lines.
    pub wrap: bool,
    /// Only changed sentences.
    pub only_changed: bool,
    /// Show raw text with removals.
    pub raw: bool,
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            wrap: true,
            only_changed: false,
            raw: false,
        }
    }
}

/// What the panes' layout depends on (search hits are applied when drawing).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutKey {
    articles: Pair<ArticleId>,
    comparison: Option<PairKey>,
    /// Both panes on one grid (see [`App::aligned`]).
    aligned: bool,
    /// Shown without a diff (see [`App::unrelated`]): stories found later can change it.
    unrelated: bool,
    widths: Pair<usize>,
    view: ViewOptions,
    spotlight: Pair<Option<Range<usize>>>,
}

/// A pane's merged highlights and its quote markers in order.
type Highlights = (Vec<(Range<usize>, Marks)>, Vec<QuoteMarker>);

/// Layouts kept in the cache before it is emptied.
const LAYOUT_CACHE_LIMIT: usize = 16;

/// Both panes' lines and scroll positions, and the layouts kept for reuse.
#[derive(Debug, Default)]
pub struct PaneLayouts {
    /// Laid-out lines of each pane: equally many once the pair is compared.
    pub lines: Pair<Arc<Vec<VisualLine>>>,
    /// First visible line of each pane.
    pub scroll: Pair<usize>,
    /// First visible column of each pane (when lines are not wrapped).
    pub column: Pair<usize>,
    /// Synchronized scrolling.
    pub locked: bool,
    /// The lines are one grid: counterparts stand on the same row index.
    pub aligned: bool,
    shape: Option<LayoutKey>,
    cache: HashMap<LayoutKey, Pair<Arc<Vec<VisualLine>>>>,
}

impl PaneLayouts {
    /// Empty panes, scrolling locked.
    #[must_use]
    pub fn new() -> Self {
        Self {
            locked: true,
            ..Self::default()
        }
    }

    /// Forgets every kept layout (an article's text changed).
    pub fn forget(&mut self) {
        self.cache.clear();
        self.shape = None;
    }

    /// Shows `lines`, laid out for `key`, and keeps them for reuse.
    fn show(&mut self, key: LayoutKey, lines: Pair<Arc<Vec<VisualLine>>>) {
        if !self.cache.contains_key(&key) {
            if self.cache.len() >= LAYOUT_CACHE_LIMIT {
                self.cache.clear();
            }
            self.cache.insert(key.clone(), lines.clone());
        }
        self.lines = lines;
        self.aligned = key.aligned;
        self.shape = Some(key);
    }
}

/// Where a pane was before an action: what it showed and how, and the text at its top.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    article: ArticleId,
    shape: Option<LayoutKey>,
    scroll: usize,
    pos: usize,
}

impl App {
    fn layout_key(&self) -> LayoutKey {
        let areas = self.areas();
        let width = |side: Side| usize::from(geometry::text_area(areas.panes[side]).width).max(1);
        let key = self.pair_key();
        LayoutKey {
            articles: self.selection.shown,
            comparison: self.results.comparison(&key).is_some().then_some(key),
            aligned: self.aligned(),
            unrelated: self.unrelated(),
            widths: Pair::new(width(Side::Left), width(Side::Right)),
            view: self.view,
            spotlight: Pair::new(
                self.spotlight_on(Side::Left),
                self.spotlight_on(Side::Right),
            ),
        }
    }

    /// Whether the panes are laid out on one grid: once the pair is compared (and
    /// not unrelated), while scrolling is locked or only changes are shown.
    #[must_use]
    pub fn aligned(&self) -> bool {
        (self.panes.locked || self.view.only_changed)
            && self.comparison().is_some()
            && !self.unrelated()
    }

    /// Lays out both panes for the current state, reusing cached layouts.
    pub(super) fn relayout(&mut self) {
        let key = self.layout_key();
        let lines = match self.panes.cache.get(&key) {
            Some(lines) => lines.clone(),
            None => self.build_layout(&key).map(Arc::new),
        };
        self.panes.show(key, lines);
    }

    /// Highlights and quote markers (in order) of the pane on `side`, in display offsets.
    fn highlights(&self, side: Side, key: &LayoutKey) -> Highlights {
        let mut layers: Vec<(Range<usize>, Mark)> = Vec::new();
        let mut markers = Vec::new();
        if let Some(comparison) = self.comparison().filter(|_| !self.unrelated()) {
            for (range, mark) in comparison_layers(comparison, side) {
                layers.push((self.display_range(side, &range), mark));
            }
            for mut marker in quote_markers(comparison, side) {
                marker.span = self.display_range(side, &marker.span);
                markers.push(marker);
            }
        }
        markers.sort_by_key(|m| m.span.start);
        if self.view.raw
            && let Some(article) = self.article(side)
        {
            layers.extend(
                article
                    .removals
                    .iter()
                    .map(|r| (r.range.clone(), Mark::Removed)),
            );
        }
        if let Some(sentence) = &key.spotlight[side] {
            layers.push((sentence.clone(), Mark::Spotlight));
        }
        (superimpose(self.text(side).len(), &layers), markers)
    }

    /// Each side's blocks in display offsets: cut at the anchored sentences once the
    /// pair is compared, else the whole text.
    pub(super) fn blocks(&self, side: Side) -> Vec<Range<usize>> {
        let anchors = self
            .computed()
            .map(|c| c.counterparts.anchors.as_slice())
            .unwrap_or_default();
        blocks(
            anchors.iter().map(|a| self.display_range(side, &a[side])),
            self.text(side).len(),
        )
    }

    fn build_layout(&self, key: &LayoutKey) -> Pair<Vec<VisualLine>> {
        let highlights = Side::BOTH.map(|side| self.highlights(side, key));
        let [left, right] = Side::BOTH.map(|side| {
            let (segments, markers) = &highlights[usize::from(side == Side::Right)];
            LayoutInput {
                text: self.text(side),
                segments,
                markers,
                width: key.widths[side],
                wrap: key.view.wrap,
            }
        });
        let sides = Pair::new(left, right);
        if !key.aligned {
            return apart(&sides);
        }
        let changed = self
            .computed()
            .filter(|_| key.view.only_changed)
            .map(|c| c.counterparts.changed_blocks());
        let cuts: Vec<Pair<usize>> = self
            .computed()
            .map(|c| c.counterparts.quote_cuts.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|cut| {
                Pair::new(
                    self.to_display(Side::Left, cut.left),
                    self.to_display(Side::Right, cut.right),
                )
            })
            .collect();
        grid(&GridInput {
            sides,
            blocks: Pair::new(self.blocks(Side::Left), self.blocks(Side::Right)),
            cuts: &cuts,
            changed: changed.as_deref(),
        })
    }

    /// The clean offset at the top of each pane, with the article, layout shape and scroll.
    pub(super) fn anchors(&self) -> Pair<Anchor> {
        let anchor = |side: Side| Anchor {
            article: self.selection.shown[side],
            shape: self.panes.shape.clone(),
            scroll: self.panes.scroll[side],
            pos: self.panes.lines[side]
                .get(self.panes.scroll[side])
                .map_or(0, |l| self.to_clean(side, l.start)),
        };
        Pair::new(anchor(Side::Left), anchor(Side::Right))
    }

    /// Keeps the same text at the top of a pane whose layout changed shape, unless
    /// the action scrolled that pane itself (a jump) or the pane was at its top (it
    /// stays there, filler included: a pair opens at the start of both texts).
    /// Locked panes are then aligned on the active pane's top sentence.
    pub(super) fn restore(&mut self, anchors: &Pair<Anchor>) {
        let mut restored = false;
        for side in Side::BOTH {
            let anchor = &anchors[side];
            if anchor.article != self.selection.shown[side]
                || anchor.shape == self.panes.shape
                || anchor.shape.is_none()
                || anchor.scroll != self.panes.scroll[side]
                || anchor.scroll == 0
            {
                continue;
            }
            let line = line_of(&self.panes.lines[side], self.to_display(side, anchor.pos));
            self.panes.scroll[side] = line;
            restored = true;
        }
        if restored && self.panes.locked {
            self.relock();
        }
    }
}
