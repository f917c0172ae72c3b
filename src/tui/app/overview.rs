//! Corpus views: analyses requested from the worker and cached, and the keys of
//! the facts list, the similarity map and the quote tracker.

use super::{App, Carriers, Effect, Popup, step};
use crate::compare::matrix::Matrix;
use crate::compare::quotes::QuoteGroup;
use crate::tui::action::Action;
use crate::tui::analysis::{Analysis, AnalysisJob, AnalysisKey, AnalysisKind, Scope};
use crate::tui::articles::ArticleId;
use crate::tui::facts::{FactItem, Place, items};
use std::sync::Arc;

impl App {
    /// Queues `key`'s analysis unless it is cached or under way.
    fn request_analysis(&mut self, key: AnalysisKey) {
        if !self.results.request_analysis(key) {
            return;
        }
        let covered: Vec<ArticleId> = match key.scope {
            Scope::Corpus => self.articles.ids().collect(),
            Scope::Pair(a, b) => self
                .articles
                .ids()
                .filter(|&id| id == a || id == b)
                .collect(),
        };
        let texts = covered
            .iter()
            .filter_map(|&id| self.articles.get(id))
            .map(|e| Arc::clone(&e.text))
            .collect();
        self.effects.push(Effect::Analyse(AnalysisJob {
            key,
            articles: covered,
            texts,
            matching: self.matching(),
        }));
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
        let findings = self.results.analysis(&self.facts_key(corpus))?;
        match &findings.analysis {
            Analysis::Facts(facts) => Some(items(facts, &findings.articles, &self.articles)),
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
        self.open_places(&item.places);
    }

    /// The key of a corpus-wide analysis of `kind`.
    fn corpus_key(&self, kind: AnalysisKind) -> AnalysisKey {
        AnalysisKey {
            kind,
            scope: Scope::Corpus,
            ignore: self.ignore,
        }
    }

    /// The similarity map, once computed, and the articles of its rows and columns.
    #[must_use]
    pub fn matrix(&self) -> Option<(&Matrix, &[ArticleId])> {
        let findings = self
            .results
            .analysis(&self.corpus_key(AnalysisKind::Matrix))?;
        match &findings.analysis {
            Analysis::Matrix(matrix) => Some((matrix, &findings.articles)),
            _ => None,
        }
    }

    /// The quote groups, most carried first, once computed, and the articles their
    /// article indices name.
    #[must_use]
    pub fn quote_groups(&self) -> Option<(&[QuoteGroup], &[ArticleId])> {
        let findings = self
            .results
            .analysis(&self.corpus_key(AnalysisKind::Tracker))?;
        match &findings.analysis {
            Analysis::Tracker(groups) => Some((groups, &findings.articles)),
            _ => None,
        }
    }

    /// The articles of the map's rows and columns: those it covered, or the sidebar's
    /// while it is computed.
    fn matrix_articles(&self) -> Vec<ArticleId> {
        self.matrix()
            .map_or_else(|| self.articles.ids().collect(), |(_, ids)| ids.to_vec())
    }

    /// Whether the corpus analysis of `kind` is being computed.
    #[must_use]
    pub fn corpus_pending(&self, kind: AnalysisKind) -> bool {
        self.results.analysing(&self.corpus_key(kind))
    }

    /// Opens the similarity map with the cursor on the shown pair.
    pub(super) fn show_matrix(&mut self) {
        self.request_analysis(self.corpus_key(AnalysisKind::Matrix));
        let ids = self.matrix_articles();
        let at = |id: ArticleId| ids.iter().position(|&i| i == id).unwrap_or(0);
        self.ui.popup = Some(Popup::Matrix {
            row: at(self.selection.shown.left),
            col: at(self.selection.shown.right),
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
        let ids = self.matrix_articles();
        let last = ids.len().saturating_sub(1);
        let page = self.pane_height();
        let (row, col) = match action {
            Action::Select if row == col => {
                self.ui.message = Some("the diagonal is one article: pick two".into());
                (row, col)
            }
            Action::Select => {
                if let (Some(&a), Some(&b)) = (ids.get(row), ids.get(col)) {
                    self.ui.popup = None;
                    self.open_pair(a, b);
                }
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
        let groups = self.quote_groups().map_or(0, |(g, _)| g.len());
        let carriers = self
            .quote_groups()
            .and_then(|(g, _)| g.get(selected))
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
        let Some((group, ids)) = self
            .quote_groups()
            .and_then(|(g, ids)| Some((g.get(selected)?, ids)))
        else {
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
            .filter_map(|o| {
                Some(Place {
                    article: *ids.get(o.article)?,
                    sentence: o.span.clone(),
                })
            })
            .collect();
        if places.len() < 2 {
            self.ui.message = Some("only one article carries this quote".into());
            return;
        }
        self.ui.popup = None;
        self.open_places(&places);
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
