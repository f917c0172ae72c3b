//! Corpus views: analyses requested from the worker and cached, and the keys of
//! the facts list, the similarity map and the quote tracker.

use super::{App, Carriers, Effect, Popup, step};
use crate::compare::matrix::Matrix;
use crate::compare::quotes::QuoteGroup;
use crate::tui::action::Action;
use crate::tui::analysis::{Analysis, AnalysisJob, AnalysisKey, AnalysisKind, Info, Scope};
use crate::tui::articles::ArticleId;
use crate::tui::facts::{FactItem, Place, items};
use std::sync::Arc;

impl App {
    /// Queues `key`'s analysis unless it is cached or under way.
    pub(super) fn request_analysis(&mut self, key: AnalysisKey) {
        if !self.results.request_analysis(key) {
            return;
        }
        let covered = self.covered(key.scope);
        let entries = covered.iter().filter_map(|&id| self.articles.get(id));
        let texts = entries.clone().map(|e| Arc::clone(&e.text)).collect();
        let info = if key.kind == AnalysisKind::Stories {
            entries
                .map(|e| Info {
                    id: e.article.id.clone(),
                    title: e.article.meta.title.clone(),
                    date: e.article.meta.date.clone(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let matching = self
            .presets
            .get(key.ignore)
            .copied()
            .unwrap_or(self.compare.matching);
        self.effects.push(Effect::Analyse(AnalysisJob {
            key,
            articles: covered,
            texts,
            matching,
            info,
        }));
    }

    /// The articles `scope` covers, in sidebar order.
    fn covered(&self, scope: Scope) -> Vec<ArticleId> {
        match scope {
            Scope::Pair(a, b) => self
                .articles
                .ids()
                .filter(|&id| id == a || id == b)
                .collect(),
            Scope::Story(_) => match self.current_story() {
                Some(story) => story.articles.clone(),
                None => self.articles.ids().collect(),
            },
            Scope::Corpus => self.articles.ids().collect(),
        }
    }

    /// The scope of the left article's story, or the whole corpus when it holds one
    /// story (or the stories are not found yet).
    #[must_use]
    pub fn story_scope(&self) -> Scope {
        self.current_story()
            .filter(|_| self.sidebar.groups.len() > 1)
            .map_or(Scope::Corpus, |story| Scope::story(&story.articles))
    }

    /// The scope of the map and the tracker: the current story, or all (`a`).
    pub(super) fn overview_scope(&self) -> Scope {
        if self.sidebar.all {
            Scope::Corpus
        } else {
            self.story_scope()
        }
    }

    /// What `scope` covers, for a view's title: "all 12 articles", or the story's label
    /// and size.
    #[must_use]
    pub fn scope_label(&self, scope: Scope) -> String {
        match (scope, self.current_story()) {
            (Scope::Story(_), Some(story)) => {
                format!(
                    "story “{}” · {} articles",
                    story.label,
                    story.articles.len()
                )
            }
            _ => format!("all {} articles", self.articles.len()),
        }
    }

    /// The scope part of the map's and the tracker's titles: empty with one story.
    #[must_use]
    pub fn overview_label(&self) -> String {
        if self.sidebar.groups.len() < 2 {
            return String::new();
        }
        format!(
            "{} · a story/all · ",
            self.scope_label(self.overview_scope())
        )
    }

    /// The key of the facts over the shown pair or the whole corpus.
    #[must_use]
    pub fn facts_key(&self, corpus: bool) -> AnalysisKey {
        AnalysisKey {
            kind: AnalysisKind::Facts,
            scope: if corpus {
                self.story_scope()
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

    /// The key of the map's or the tracker's analysis (`kind`) over the current story
    /// or all articles.
    pub(super) fn corpus_key(&self, kind: AnalysisKind) -> AnalysisKey {
        AnalysisKey {
            kind,
            scope: self.overview_scope(),
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
        self.matrix().map_or_else(
            || self.covered(self.overview_scope()),
            |(_, ids)| ids.to_vec(),
        )
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
            Action::ToggleScope => {
                self.sidebar.all = !self.sidebar.all;
                self.show_matrix();
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
            (None, Action::ToggleScope) => {
                self.sidebar.all = !self.sidebar.all;
                self.show_tracker();
                return;
            }
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
