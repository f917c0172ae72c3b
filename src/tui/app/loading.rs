//! Files loading while the reader runs: articles join the sidebar as they arrive
//! (the first two open as the pair), the stories are found once the last is in.
//! Changes on disk seen meanwhile wait until then: the files they name may not be
//! read yet, and a file read twice would be listed twice.

use super::{App, Selection};
use crate::corpus::{Article, Skipped};
use crate::pair::Pair;
use crate::tui::articles::ArticleId;
use crate::tui::watch::Change;

/// Files still loading.
#[derive(Debug, Default)]
pub struct Loading {
    /// Articles loaded so far.
    pub articles: usize,
    /// Changes on disk to apply once loading ends, in the order seen.
    held: Vec<Change>,
}

impl App {
    /// Files are being loaded: the status bar says so until [`Action::LoadFinished`].
    ///
    /// [`Action::LoadFinished`]: crate::tui::action::Action::LoadFinished
    pub fn start_loading(&mut self) {
        self.loading = Some(Loading::default());
    }

    /// While files load: how many articles are in so far.
    #[must_use]
    pub fn loading(&self) -> Option<usize> {
        self.loading.as_ref().map(|l| l.articles)
    }

    /// Keeps `change` for later when files are still loading; gives it back when not.
    pub(super) fn hold_change(&mut self, change: Change) -> Option<Change> {
        match &mut self.loading {
            Some(loading) => {
                loading.held.push(change);
                None
            }
            None => Some(change),
        }
    }

    /// Takes more loaded articles: the first two open as the pair, the new ones are
    /// compared with the left article.
    pub(super) fn add_articles(&mut self, articles: Vec<Article>) {
        let before = self.articles.len();
        self.articles.extend(articles);
        if before < 2 {
            let first = self.articles.id_at(0).unwrap_or(ArticleId::NONE);
            let opening = Pair::new(first, self.articles.id_at(1).unwrap_or(first));
            if opening != self.selection.shown {
                self.selection = Selection::new(opening);
            }
        }
        if let Some(loading) = &mut self.loading {
            loading.articles = self.articles.len();
        }
        self.request_comparisons();
    }

    /// Loading ended: `skipped` are the files that could not be used. The changes
    /// held meanwhile are applied, and the stories found now that every article is in.
    pub(super) fn finish_loading(&mut self, skipped: Vec<Skipped>) {
        self.articles.add_skipped(skipped);
        let held = self.loading.take().map(|l| l.held).unwrap_or_default();
        for change in held {
            self.apply_change(change);
        }
        self.request_stories();
    }
}
