//! Caches: comparisons per pair (computed on the worker) and pane layouts per
//! (article, comparison, width, mode); keeping the reader's place when a layout changes shape.

use super::{App, Effect, LayoutKey};
use crate::compare::CompareOptions;
use crate::pair::{Pair, Side};
use crate::tui::geometry;
use crate::tui::layout::{LayoutInput, VisualLine, layout, line_of};
use crate::tui::marks::{Mark, comparison_layers, quote_markers, superimpose};
use crate::tui::worker::{Computed, Job, PairKey};
use std::ops::Range;
use std::sync::Arc;

/// Where a pane was before an action: what it showed and how, and the text at its top.
#[derive(Debug, Clone)]
pub(super) struct Anchor {
    article: usize,
    shape: Option<LayoutKey>,
    scroll: usize,
    pos: usize,
}

/// Layouts kept in the cache before it is emptied.
const LAYOUT_CACHE_LIMIT: usize = 16;

impl App {
    /// Stores a finished comparison (and its mirror for the swapped pair).
    pub(super) fn store(&mut self, key: PairKey, computed: Computed) {
        self.pending.remove(&key);
        let swapped = key.swapped();
        if swapped != key {
            self.comparisons
                .insert(swapped, Arc::new(computed.mirrored()));
        }
        self.comparisons.insert(key, Arc::new(computed));
    }

    /// Queues the shown pair's comparison, then the left article against every other.
    pub(super) fn request_comparisons(&mut self) {
        let left = self.shown.left;
        let mut wanted = vec![self.shown];
        wanted.extend(
            (0..self.corpus.articles.len())
                .filter(|&i| i != left && i != self.shown.right)
                .map(|i| Pair::new(left, i)),
        );
        for articles in wanted {
            let key = self.key_for(articles);
            if self.comparisons.contains_key(&key)
                || self.pending.contains(&key)
                || self.pending.contains(&key.swapped())
            {
                continue;
            }
            let (Some(a), Some(b)) = (
                self.corpus.articles.get(articles.left),
                self.corpus.articles.get(articles.right),
            ) else {
                continue;
            };
            self.pending.insert(key);
            self.effects.push(Effect::Compute(Job {
                key,
                texts: Pair::new(a.clean.clone(), b.clean.clone()),
                options: CompareOptions {
                    matching: self.matching(),
                    ..self.compare
                },
            }));
        }
    }

    pub(super) fn layout_key(&self, side: Side) -> LayoutKey {
        let width = usize::from(geometry::text_area(self.areas().panes[side]).width).max(1);
        let key = self.pair_key();
        LayoutKey {
            article: self.shown[side],
            comparison: self.comparisons.contains_key(&key).then_some(key),
            side,
            width,
            wrap: self.wrap,
            only_changed: self.only_changed,
            raw: self.raw,
            spotlight: self.spotlight_on(side),
        }
    }

    /// Lays out both panes for the current state, reusing cached layouts.
    pub(super) fn relayout(&mut self) {
        for side in Side::BOTH {
            let key = self.layout_key(side);
            let lines = match self.layout_cache.get(&key) {
                Some(lines) => Arc::clone(lines),
                None => {
                    let lines = Arc::new(self.build_layout(side, &key));
                    if self.layout_cache.len() >= LAYOUT_CACHE_LIMIT {
                        self.layout_cache.clear();
                    }
                    self.layout_cache.insert(key.clone(), Arc::clone(&lines));
                    lines
                }
            };
            self.panes[side] = lines;
            self.shapes[side] = Some(key);
        }
    }

    pub(super) fn build_layout(&self, side: Side, key: &LayoutKey) -> Vec<VisualLine> {
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
        if self.raw
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
            wrap: key.wrap,
            only_changed: key.only_changed,
        })
    }

    /// The clean offset at the top of each pane, with the article, layout shape and scroll.
    pub(super) fn anchors(&self) -> Pair<Anchor> {
        let anchor = |side: Side| Anchor {
            article: self.shown[side],
            shape: self.shapes[side].clone(),
            scroll: self.scroll[side],
            pos: self.panes[side]
                .get(self.scroll[side])
                .map_or(0, |l| self.to_clean(side, l.start)),
        };
        Pair::new(anchor(Side::Left), anchor(Side::Right))
    }

    /// Keeps the same text at the top of a pane whose layout changed shape, unless
    /// the action scrolled that pane itself (a jump).
    pub(super) fn restore(&mut self, anchors: Pair<Anchor>) {
        for side in Side::BOTH {
            let anchor = &anchors[side];
            if anchor.article != self.shown[side]
                || anchor.shape == self.shapes[side]
                || anchor.shape.is_none()
                || anchor.scroll != self.scroll[side]
            {
                continue;
            }
            let line = line_of(&self.panes[side], self.to_display(side, anchor.pos));
            self.scroll[side] = line;
        }
    }
}
