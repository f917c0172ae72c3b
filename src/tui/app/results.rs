//! What the worker computed for the reader: comparisons per pair and corpus analyses,
//! with what is still under way.

use crate::tui::analysis::{AnalysisKey, Findings};
use crate::tui::articles::ArticleId;
use crate::tui::worker::{Computed, PairKey};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Finished and pending work, by key.
#[derive(Debug, Default)]
pub struct Results {
    comparisons: HashMap<PairKey, Arc<Computed>>,
    pending: HashSet<PairKey>,
    analyses: HashMap<AnalysisKey, Arc<Findings>>,
    analysing: HashSet<AnalysisKey>,
    /// Results still under way of texts that changed since: dropped when they come.
    outdated: HashMap<PairKey, usize>,
    outdated_analyses: HashMap<AnalysisKey, usize>,
}

impl Results {
    /// The comparison for `key`, once computed.
    #[must_use]
    pub fn comparison(&self, key: &PairKey) -> Option<&Computed> {
        self.comparisons.get(key).map(Arc::as_ref)
    }

    /// Whether the comparison for `key`, either way round, is being computed.
    #[must_use]
    pub fn comparing(&self, key: &PairKey) -> bool {
        self.pending.contains(key) || self.pending.contains(&key.swapped())
    }

    /// Asks for the comparison for `key`: true (and now pending) when it is neither
    /// computed nor under way either way round, so a job must be sent.
    pub fn request_comparison(&mut self, key: PairKey) -> bool {
        if self.comparisons.contains_key(&key) || self.comparing(&key) {
            return false;
        }
        self.pending.insert(key)
    }

    /// Stores a finished comparison and its mirror for the swapped pair.
    pub fn store_comparison(&mut self, key: PairKey, computed: Computed) {
        if take_outdated(&mut self.outdated, &key) {
            return;
        }
        self.pending.remove(&key);
        let swapped = key.swapped();
        if swapped != key {
            self.comparisons
                .insert(swapped, Arc::new(computed.mirrored()));
        }
        self.comparisons.insert(key, Arc::new(computed));
    }

    /// The analysis for `key`, once computed.
    #[must_use]
    pub fn analysis(&self, key: &AnalysisKey) -> Option<&Findings> {
        self.analyses.get(key).map(Arc::as_ref)
    }

    /// Whether the analysis for `key` is being computed.
    #[must_use]
    pub fn analysing(&self, key: &AnalysisKey) -> bool {
        self.analysing.contains(key)
    }

    /// Asks for the analysis for `key`: true (and now pending) when it is neither
    /// computed nor under way, so a job must be sent.
    pub fn request_analysis(&mut self, key: AnalysisKey) -> bool {
        !self.analyses.contains_key(&key) && self.analysing.insert(key)
    }

    /// Stores a finished analysis.
    pub fn store_analysis(&mut self, key: AnalysisKey, findings: Findings) {
        if take_outdated(&mut self.outdated_analyses, &key) {
            return;
        }
        self.analysing.remove(&key);
        self.analyses.insert(key, Arc::new(findings));
    }

    /// Whether anything is still being computed.
    #[must_use]
    pub fn busy(&self) -> bool {
        !self.pending.is_empty() || !self.analysing.is_empty()
    }

    /// Forgets every comparison of the `changed` articles and every corpus analysis
    /// (their texts changed); what is still under way is dropped when it comes.
    pub fn forget(&mut self, changed: &HashSet<ArticleId>) {
        let involved = |key: &PairKey| {
            changed.contains(&key.articles.left) || changed.contains(&key.articles.right)
        };
        self.comparisons.retain(|key, _| !involved(key));
        for key in self.pending.iter().filter(|k| involved(k)) {
            *self.outdated.entry(*key).or_default() += 1;
        }
        self.pending.retain(|key| !involved(key));
        self.analyses.clear();
        for key in self.analysing.drain() {
            *self.outdated_analyses.entry(key).or_default() += 1;
        }
    }
}

/// Whether a result for `key` is an outdated one (and one fewer is expected).
fn take_outdated<K: std::hash::Hash + Eq>(outdated: &mut HashMap<K, usize>, key: &K) -> bool {
    let Some(count) = outdated.get_mut(key) else {
        return false;
    };
    *count -= 1;
    if *count == 0 {
        outdated.remove(key);
    }
    true
}
