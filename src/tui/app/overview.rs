//! Corpus views: analyses requested from the worker and cached, the facts list,
//! and opening the places a view points at in the two panes.

use super::{App, Effect, Focus, Popup};
use crate::pair::Side;
use crate::tui::analysis::{Analysis, AnalysisJob, AnalysisKey, AnalysisKind, Scope};
use crate::tui::facts::{FactItem, Place, items};
use crate::tui::layout::line_of;
use std::sync::Arc;

impl App {
    /// Stores a finished analysis.
    pub(super) fn store_analysis(&mut self, key: AnalysisKey, analysis: Analysis) {
        self.analysing.remove(&key);
        self.analyses.insert(key, Arc::new(analysis));
    }

    /// Queues `key`'s analysis unless it is cached or under way.
    pub(super) fn request_analysis(&mut self, key: AnalysisKey) {
        if self.analyses.contains_key(&key) || !self.analysing.insert(key) {
            return;
        }
        self.effects.push(Effect::Analyse(AnalysisJob {
            key,
            texts: Arc::clone(&self.texts),
            matching: self.matching(),
        }));
    }

    /// The cached analysis for `key`, if computed.
    #[must_use]
    pub fn analysis(&self, key: &AnalysisKey) -> Option<&Analysis> {
        self.analyses.get(key).map(Arc::as_ref)
    }

    /// Whether the analysis for `key` is being computed.
    #[must_use]
    pub fn analysing(&self, key: &AnalysisKey) -> bool {
        self.analysing.contains(key)
    }

    /// The key of the facts over the shown pair or the whole corpus.
    #[must_use]
    pub fn facts_key(&self, corpus: bool) -> AnalysisKey {
        AnalysisKey {
            kind: AnalysisKind::Facts,
            scope: if corpus {
                Scope::Corpus
            } else {
                Scope::pair(self.shown.left, self.shown.right)
            },
            ignore: self.ignore,
        }
    }

    /// The facts rows for the pair or the corpus, once computed.
    #[must_use]
    pub fn fact_items(&self, corpus: bool) -> Option<Vec<FactItem>> {
        match self.analysis(&self.facts_key(corpus))? {
            Analysis::Facts(facts) => Some(items(facts, &self.corpus.articles)),
        }
    }

    /// Opens the facts list for the pair or the corpus, computing it if needed.
    pub(super) fn show_facts(&mut self, corpus: bool) {
        self.request_analysis(self.facts_key(corpus));
        self.popup = Some(Popup::Facts {
            selected: 0,
            corpus,
        });
    }

    /// Closes the facts list and shows the sentences of row `selected`.
    pub(super) fn open_fact(&mut self, selected: usize, corpus: bool) {
        let Some(item) = self
            .fact_items(corpus)
            .and_then(|items| items.into_iter().nth(selected))
        else {
            return;
        };
        self.popup = None;
        self.open_places(item.places);
    }

    /// Shows the articles of `places` (one or two) and scrolls each pane to its
    /// sentence, highlighted. An article already shown keeps its side.
    pub fn open_places(&mut self, places: Vec<Place>) {
        let mut sides: Vec<(Side, &Place)> = Vec::new();
        for place in &places {
            let side = Side::BOTH
                .into_iter()
                .find(|s| self.shown[*s] == place.article)
                .filter(|s| !sides.iter().any(|(taken, _)| taken == s))
                .or_else(|| {
                    // Replace a side not holding another place, the right one first.
                    [Side::Right, Side::Left].into_iter().find(|s| {
                        !sides.iter().any(|(taken, _)| taken == s)
                            && !places.iter().any(|p| p.article == self.shown[*s])
                    })
                });
            if let Some(side) = side {
                sides.push((side, place));
            }
        }
        let changed = sides
            .iter()
            .any(|(side, place)| self.shown[*side] != place.article);
        for (side, place) in &sides {
            if self.shown[*side] != place.article {
                self.shown[*side] = place.article;
                self.picked[*side] = self.clock;
                self.clock += 1;
                if self.search.side == Some(*side) {
                    self.search = super::Search::default();
                }
            }
        }
        if changed {
            self.quote = None;
            self.deferred = None;
            self.request_comparisons();
        }
        self.spotlight = places.clone();
        self.relayout();
        let row = self.focus_row();
        for (side, place) in &sides {
            let pos = self.to_display(*side, place.sentence.start);
            let line = line_of(&self.panes[*side], pos);
            self.scroll[*side] = line.saturating_sub(row);
        }
        if let [(side, _)] = sides.as_slice() {
            if self.locked {
                self.sync_from(*side);
            }
            self.focus = Focus::Pane(*side);
        }
        let outlets: Vec<&str> = sides
            .iter()
            .filter_map(|(_, p)| self.corpus.articles.get(p.article))
            .map(|a| a.meta.outlet.as_str())
            .collect();
        self.message = Some(format!("showing {}", outlets.join(" ↔ ")));
    }

    /// The highlighted sentence of the pane on `side`, if a spotlight is on its article.
    pub(super) fn spotlight_on(&self, side: Side) -> Option<std::ops::Range<usize>> {
        self.spotlight
            .iter()
            .find(|p| p.article == self.shown[side])
            .map(|p| self.display_range(side, &p.sentence))
    }
}
