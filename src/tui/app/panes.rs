//! The two panes' laid-out lines: what a layout depends on ([`ViewOptions`] and the
//! rest of [`LayoutKey`]), layouts cached per key, where each pane is scrolled, and
//! keeping the reader's place when a layout changes shape.

use super::App;
use crate::pair::{Pair, Side};
use crate::tui::articles::ArticleId;
use crate::tui::geometry;
use crate::tui::layout::{LayoutInput, VisualLine, layout, line_of};
use crate::tui::marks::{Mark, comparison_layers, quote_markers, superimpose};
use crate::tui::worker::PairKey;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// How the panes show their text; part of every layout's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ViewOptions {
    /// Wrap long lines.
    pub wrap: bool,
    /// Only changed paragraphs.
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

/// What a pane's layout depends on (search hits are applied when drawing).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutKey {
    article: ArticleId,
    comparison: Option<PairKey>,
    side: Side,
    width: usize,
    view: ViewOptions,
    spotlight: Option<Range<usize>>,
}

/// Layouts kept in the cache before it is emptied.
const LAYOUT_CACHE_LIMIT: usize = 16;

/// Both panes' lines and scroll positions, and the layouts kept for reuse.
#[derive(Debug, Default)]
pub struct PaneLayouts {
    /// Laid-out lines of each pane.
    pub lines: Pair<Arc<Vec<VisualLine>>>,
    /// First visible line of each pane.
    pub scroll: Pair<usize>,
    /// Synchronized scrolling.
    pub locked: bool,
    shapes: Pair<Option<LayoutKey>>,
    cache: HashMap<LayoutKey, Arc<Vec<VisualLine>>>,
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

    /// The cached layout for `key`.
    fn cached(&self, key: &LayoutKey) -> Option<Arc<Vec<VisualLine>>> {
        self.cache.get(key).map(Arc::clone)
    }

    /// Shows `lines`, laid out for `key`, on `side`, and keeps them for reuse.
    fn show(&mut self, side: Side, key: LayoutKey, lines: Arc<Vec<VisualLine>>) {
        if !self.cache.contains_key(&key) {
            if self.cache.len() >= LAYOUT_CACHE_LIMIT {
                self.cache.clear();
            }
            self.cache.insert(key.clone(), Arc::clone(&lines));
        }
        self.lines[side] = lines;
        self.shapes[side] = Some(key);
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
    fn layout_key(&self, side: Side) -> LayoutKey {
        let width = usize::from(geometry::text_area(self.areas().panes[side]).width).max(1);
        let key = self.pair_key();
        LayoutKey {
            article: self.selection.shown[side],
            comparison: self.results.comparison(&key).is_some().then_some(key),
            side,
            width,
            view: self.view,
            spotlight: self.spotlight_on(side),
        }
    }

    /// Lays out both panes for the current state, reusing cached layouts.
    pub(super) fn relayout(&mut self) {
        for side in Side::BOTH {
            let key = self.layout_key(side);
            let lines = match self.panes.cached(&key) {
                Some(lines) => lines,
                None => Arc::new(self.build_layout(side, &key)),
            };
            self.panes.show(side, key, lines);
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
        if let Some(sentence) = &key.spotlight {
            layers.push((sentence.clone(), Mark::Spotlight));
        }
        let segments = superimpose(text.len(), &layers);
        layout(&LayoutInput {
            text,
            segments: &segments,
            markers: &markers,
            width: key.width,
            wrap: key.view.wrap,
            only_changed: key.view.only_changed,
        })
    }

    /// The clean offset at the top of each pane, with the article, layout shape and scroll.
    pub(super) fn anchors(&self) -> Pair<Anchor> {
        let anchor = |side: Side| Anchor {
            article: self.selection.shown[side],
            shape: self.panes.shapes[side].clone(),
            scroll: self.panes.scroll[side],
            pos: self.panes.lines[side]
                .get(self.panes.scroll[side])
                .map_or(0, |l| self.to_clean(side, l.start)),
        };
        Pair::new(anchor(Side::Left), anchor(Side::Right))
    }

    /// Keeps the same text at the top of a pane whose layout changed shape, unless
    /// the action scrolled that pane itself (a jump).
    pub(super) fn restore(&mut self, anchors: &Pair<Anchor>) {
        for side in Side::BOTH {
            let anchor = &anchors[side];
            if anchor.article != self.selection.shown[side]
                || anchor.shape == self.panes.shapes[side]
                || anchor.shape.is_none()
                || anchor.scroll != self.panes.scroll[side]
            {
                continue;
            }
            let line = line_of(&self.panes.lines[side], self.to_display(side, anchor.pos));
            self.panes.scroll[side] = line;
        }
    }
}
