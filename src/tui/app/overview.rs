//! Corpus views: analyses requested from the worker and cached, the facts list,
//! and opening the places a view points at in the two panes.

use super::{App, Carriers, Effect, Focus, Popup, step};
use crate::compare::matrix::Matrix;
use crate::compare::quotes::QuoteGroup;
use crate::pair::{Pair, Side};
use crate::tui::action::Action;
use crate::tui::analysis::{Analysis, AnalysisJob, AnalysisKey, AnalysisKind, Scope};
use crate::tui::facts::{FactItem, Place, items};
use crate::tui::layout::line_of;
use std::sync::Arc;

impl App {
    /// Queues `key`'s analysis unless it is cached or under way.
    fn request_analysis(&mut self, key: AnalysisKey) {
        if self.results.request_analysis(key) {
            self.effects.push(Effect::Analyse(AnalysisJob {
                key,
                texts: Arc::clone(&self.texts),
                matching: self.matching(),
            }));
        }
    }

    /// The key of the facts over the shown pair or the whole corpus.
    #[must_use]
    pub fn facts_key(&self, corpus: bool) -> AnalysisKey {
        AnalysisKey {
            kind: AnalysisKind::Facts,
            scope: if corpus {
                Scope::Corpus
            } else {
                Scope::pair(self.selection.shown.left, self.selection.shown.right)
            },
            ignore: self.ignore,
        }
    }

    /// The facts rows for the pair or the corpus, once computed.
    #[must_use]
    pub fn fact_items(&self, corpus: bool) -> Option<Vec<FactItem>> {
        match self.results.analysis(&self.facts_key(corpus))? {
            Analysis::Facts(facts) => Some(items(facts, &self.corpus.articles)),
            _ => None,
        }
    }

    /// Opens the facts list for the pair or the corpus, computing it if needed.
    pub(super) fn show_facts(&mut self, corpus: bool) {
        self.request_analysis(self.facts_key(corpus));
        self.ui.popup = Some(Popup::Facts {
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
        self.ui.popup = None;
        self.open_places(item.places);
    }

    /// Shows the articles of `places` (one or two) and scrolls each pane to its
    /// sentence, highlighted. An article already shown keeps its side.
    pub fn open_places(&mut self, places: Vec<Place>) {
        let mut sides: Vec<(Side, &Place)> = Vec::new();
        for place in &places {
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
                    self.ui.search = super::Search::default();
                }
            }
        }
        if changed {
            self.selection.quote = None;
            self.ui.deferred = None;
            self.request_comparisons();
        }
        self.ui.spotlight = places.clone();
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
            .filter_map(|(_, p)| self.corpus.articles.get(p.article))
            .map(|a| a.meta.outlet.as_str())
            .collect();
        self.ui.message = Some(format!("showing {}", outlets.join(" ↔ ")));
    }

    /// Shows articles `a` left and `b` right (kept as they are when shown swapped), from the top.
    fn open_pair(&mut self, a: usize, b: usize) {
        if self.selection.shown != Pair::new(b, a) && self.selection.shown != Pair::new(a, b) {
            self.selection.show_pair(Pair::new(a, b));
            self.ui.search = super::Search::default();
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

    fn outlet_name(&self, article: usize) -> &str {
        self.corpus
            .articles
            .get(article)
            .map_or("", |a| a.meta.outlet.as_str())
    }

    /// The highlighted sentence of the pane on `side`, if a spotlight is on its article.
    pub(super) fn spotlight_on(&self, side: Side) -> Option<std::ops::Range<usize>> {
        self.ui
            .spotlight
            .iter()
            .find(|p| p.article == self.selection.shown[side])
            .map(|p| self.display_range(side, &p.sentence))
    }

    /// The key of a corpus-wide analysis of `kind`.
    fn corpus_key(&self, kind: AnalysisKind) -> AnalysisKey {
        AnalysisKey {
            kind,
            scope: Scope::Corpus,
            ignore: self.ignore,
        }
    }

    /// The similarity map, once computed.
    #[must_use]
    pub fn matrix(&self) -> Option<&Matrix> {
        match self
            .results
            .analysis(&self.corpus_key(AnalysisKind::Matrix))?
        {
            Analysis::Matrix(matrix) => Some(matrix),
            _ => None,
        }
    }

    /// The quote groups, most carried first, once computed.
    #[must_use]
    pub fn quote_groups(&self) -> Option<&[QuoteGroup]> {
        match self
            .results
            .analysis(&self.corpus_key(AnalysisKind::Tracker))?
        {
            Analysis::Tracker(groups) => Some(groups),
            _ => None,
        }
    }

    /// Whether the corpus analysis of `kind` is being computed.
    #[must_use]
    pub fn corpus_pending(&self, kind: AnalysisKind) -> bool {
        self.results.analysing(&self.corpus_key(kind))
    }

    /// Opens the similarity map with the cursor on the shown pair.
    pub(super) fn show_matrix(&mut self) {
        self.request_analysis(self.corpus_key(AnalysisKind::Matrix));
        self.ui.popup = Some(Popup::Matrix {
            row: self.selection.shown.left,
            col: self.selection.shown.right,
        });
    }

    /// Opens the quote tracker on its first group.
    pub(super) fn show_tracker(&mut self) {
        self.request_analysis(self.corpus_key(AnalysisKind::Tracker));
        self.ui.popup = Some(Popup::Tracker {
            selected: 0,
            detail: None,
        });
    }

    /// Moves the map's cursor, or opens the pair under it.
    pub(super) fn matrix_action(&mut self, row: usize, col: usize, action: &Action) {
        let last = self.corpus.articles.len().saturating_sub(1);
        let page = self.pane_height();
        let (row, col) = match action {
            Action::Select if row == col => {
                self.ui.message = Some("the diagonal is one article: pick two".into());
                (row, col)
            }
            Action::Select => {
                self.ui.popup = None;
                self.open_pair(row, col);
                return;
            }
            Action::MoveLeft => (row, col.saturating_sub(1)),
            Action::MoveRight => (row, (col + 1).min(last)),
            other => (step(row, other, last, page), col),
        };
        self.ui.popup = Some(Popup::Matrix { row, col });
    }

    /// Moves in the tracker list or its carriers, picks carriers, opens two as the pair.
    pub(super) fn tracker_action(
        &mut self,
        selected: usize,
        detail: Option<Carriers>,
        action: &Action,
    ) {
        let page = self.pane_height();
        let groups = self.quote_groups().map_or(0, <[QuoteGroup]>::len);
        let carriers = self
            .quote_groups()
            .and_then(|g| g.get(selected))
            .map_or(0, |g| g.occurrences.len());
        let detail = match (detail, action) {
            (_, Action::OpenCarriers) => {
                self.open_carriers(selected, detail.unwrap_or_default());
                return;
            }
            (None, Action::Select) if carriers > 0 => Some(Carriers::default()),
            (None, other) => {
                let selected = step(selected, other, groups.saturating_sub(1), page);
                self.ui.popup = Some(Popup::Tracker {
                    selected,
                    detail: None,
                });
                return;
            }
            (Some(mut c), Action::Select) => {
                c.picks = toggle_pick(c.picks, c.cursor);
                Some(c)
            }
            (Some(mut c), other) => {
                c.cursor = step(c.cursor, other, carriers.saturating_sub(1), page);
                Some(c)
            }
        };
        self.ui.popup = Some(Popup::Tracker { selected, detail });
    }

    /// Shows two carriers of group `selected` as the pair, at the quote: the two picked,
    /// or the one under the cursor and the first other.
    fn open_carriers(&mut self, selected: usize, carriers: Carriers) {
        let Some(group) = self.quote_groups().and_then(|g| g.get(selected)) else {
            return;
        };
        let mut chosen: Vec<usize> = carriers.picks.iter().flatten().copied().collect();
        if chosen.len() < 2 {
            chosen = vec![carriers.cursor];
            chosen.extend((0..group.occurrences.len()).find(|&i| i != carriers.cursor));
        }
        let places: Vec<Place> = chosen
            .iter()
            .filter_map(|&i| group.occurrences.get(i))
            .map(|o| Place {
                article: o.article,
                sentence: o.span.clone(),
            })
            .collect();
        if places.len() < 2 {
            self.ui.message = Some("only one article carries this quote".into());
            return;
        }
        self.ui.popup = None;
        self.open_places(places);
    }
}

/// Picks or unpicks carrier `index`; a third pick replaces the oldest.
fn toggle_pick(picks: [Option<usize>; 2], index: usize) -> [Option<usize>; 2] {
    match picks {
        [a, b] if a == Some(index) => [b, None],
        [a, b] if b == Some(index) => [a, None],
        [None, _] => [Some(index), None],
        [a, None] => [a, Some(index)],
        [_, b] => [b, Some(index)],
    }
}
