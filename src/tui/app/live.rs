//! The live folder in the app: a [`Change`] from the watch becomes sidebar rows
//! added, changed or taken off, comparisons of changed articles computed again, and
//! one status line saying what happened. An article whose file is gone stays while
//! it is shown, marked `(removed from disk)`.

use super::{App, Focus};
use crate::pair::Pair;
use crate::tui::articles::{ArticleId, Replaced};
use crate::tui::watch::Change;
use std::collections::HashSet;

impl App {
    /// Applies a change on disk.
    pub(super) fn apply_change(&mut self, change: Change) {
        let Some(change) = self.hold_change(change) else {
            return;
        };
        let (file, replaced, newly_skipped) = match change {
            Change::Trouble(line) => {
                self.ui.message = Some(line);
                return;
            }
            Change::Removed { path } => {
                let replaced = self.articles.replace_file(&path, Vec::new(), Vec::new());
                (path, replaced, Vec::new())
            }
            Change::Read {
                path,
                articles,
                skipped,
            } => {
                let reasons = skipped.iter().map(|s| s.reason.clone()).collect();
                let replaced = self.articles.replace_file(&path, articles, skipped);
                (path, replaced, reasons)
            }
        };
        let message = self.describe(&file, &replaced, &newly_skipped);
        let cursor_at = self.articles.position(self.selection.cursor);
        for &id in &replaced.dropped {
            if self.on_screen(id) {
                self.articles.mark_gone(id);
            } else {
                self.articles.remove(id);
            }
        }
        self.keep_selection(cursor_at);
        let changed: HashSet<ArticleId> = replaced
            .changed
            .iter()
            .chain(&replaced.dropped)
            .copied()
            .collect();
        if !changed.is_empty() || !replaced.added.is_empty() {
            self.refresh_article(&changed);
            self.results.forget(&changed);
            self.panes.forget();
            self.request_comparisons();
            self.request_stories();
        }
        if message.is_some() {
            self.ui.message = message;
        }
    }

    /// Articles gone from disk and no longer shown leave the list.
    pub(super) fn drop_gone(&mut self) {
        let gone: Vec<ArticleId> = self
            .articles
            .iter()
            .filter(|e| e.gone && !self.on_screen(e.id))
            .map(|e| e.id)
            .collect();
        if gone.is_empty() {
            return;
        }
        let cursor_at = self.articles.position(self.selection.cursor);
        for id in gone {
            self.articles.remove(id);
        }
        self.keep_selection(cursor_at);
    }

    /// Whether article `id` is shown: on a side of the pair or alone.
    fn on_screen(&self, id: ArticleId) -> bool {
        self.selection.side_of(id).is_some() || self.article_view().is_some_and(|v| v.article == id)
    }

    /// After articles left the list: the cursor on the nearest one left (it was at
    /// `cursor_at`), and a pair to show when the reader had none.
    fn keep_selection(&mut self, cursor_at: Option<usize>) {
        if self.articles.get(self.selection.cursor).is_none() {
            let at = cursor_at
                .unwrap_or(0)
                .min(self.articles.len().saturating_sub(1));
            self.selection.cursor = self.articles.id_at(at).unwrap_or(ArticleId::NONE);
        }
        if self.articles.get(self.selection.shown.left).is_none()
            && let Some(first) = self.articles.id_at(0)
        {
            let second = self.articles.id_at(1).unwrap_or(first);
            self.selection.show_pair(Pair::new(first, second));
            self.selection.focus = Focus::Sidebar;
            self.selection.cursor = first;
        }
    }

    /// The status line for a change: `+1 article: Reuters — Title`, or what was
    /// changed, removed or skipped; `None` when nothing the reader shows changed.
    fn describe(&self, file: &str, replaced: &Replaced, skipped: &[String]) -> Option<String> {
        let name = |id: &ArticleId| {
            self.articles.article(*id).map_or_else(
                || file.to_string(),
                |a| format!("{} — {}", a.meta.outlet, a.meta.title),
            )
        };
        let line = |sign: &str, ids: &[ArticleId], what: &str| {
            let first = ids.first().map(name)?;
            let more = match ids.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            let plural = if ids.len() == 1 { "" } else { "s" };
            Some(format!("{sign}{} {what}{plural}: {first}{more}", ids.len()))
        };
        let skipped_line = || {
            skipped
                .first()
                .map(|reason| format!("skipped {file}: {reason}"))
        };
        [
            line("+", &replaced.added, "article"),
            line("~", &replaced.changed, "changed article"),
            line("−", &replaced.dropped, "removed article"),
            skipped_line(),
        ]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a} · {b}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::CompareOptions;
    use crate::corpus::Corpus;
    use crate::pair::Side;
    use crate::tui::action::Action;
    use crate::tui::articles::article;
    use crate::tui::theme::Theme;

    const TEXT: &str = "The council voted to close the bridge on Monday.";

    fn app() -> App {
        let corpus = Corpus {
            articles: ["a", "b", "c"]
                .map(|n| article(&format!("d/{n}.txt"), n, TEXT))
                .into(),
            skipped: Vec::new(),
        };
        let mut app = App::new(
            corpus,
            CompareOptions::default(),
            Theme::no_color(),
            (100, 30),
        );
        app.settle(crate::tui::worker::Job::run);
        app
    }

    fn change(app: &mut App, change: Change) {
        app.apply(Action::FilesChanged(Box::new(change)));
        app.settle(crate::tui::worker::Job::run);
    }

    #[test]
    fn a_changed_file_is_compared_again_and_said_so() {
        let mut app = app();
        assert_eq!(app.comparison().map(|c| c.similarity), Some(1.0));
        let path = "d/b.txt".to_string();
        let edited = article(&path, "b", "Nobody voted; the bridge stays open all week.");
        change(
            &mut app,
            Change::Read {
                path,
                articles: vec![edited],
                skipped: Vec::new(),
            },
        );
        let similarity = app.comparison().map(|c| c.similarity);
        assert!(
            similarity.is_some_and(|s| s < 0.5),
            "recomputed: {similarity:?}"
        );
        assert_eq!(
            app.text(Side::Right),
            "Nobody voted; the bridge stays open all week."
        );
        let message = app.ui.message.as_deref().unwrap_or("");
        assert!(message.starts_with("~1 changed article: "), "{message}");
    }

    #[test]
    fn a_removed_file_stays_while_shown_and_leaves_once_not() {
        let mut app = app();
        let [a, b, c] = [0, 1, 2].map(|i| app.articles.id_at(i).unwrap());
        change(
            &mut app,
            Change::Removed {
                path: "d/c.txt".into(),
            },
        );
        assert!(app.articles.get(c).is_none(), "not shown: taken off");
        change(
            &mut app,
            Change::Removed {
                path: "d/a.txt".into(),
            },
        );
        assert!(
            app.articles.get(a).is_some_and(|e| e.gone),
            "shown: kept, marked"
        );
        assert_eq!(app.text(Side::Left), TEXT);
        let path = "d/n.txt".to_string();
        let mut new = article(&path, "n", TEXT);
        new.meta.outlet = "Lake Tribune".into();
        new.meta.title = "Bridge shut".into();
        change(
            &mut app,
            Change::Read {
                path,
                articles: vec![new],
                skipped: Vec::new(),
            },
        );
        let n = app.articles.id_at(2).unwrap();
        assert_eq!(
            app.ui.message.as_deref(),
            Some("+1 article: Lake Tribune — Bridge shut")
        );
        // Showing the new article in place of the gone one takes the gone one off.
        app.selection.cursor = n;
        app.selection.focus = Focus::Sidebar;
        app.apply(Action::Select);
        assert!(app.articles.get(a).is_none());
        assert_eq!(app.selection.read, HashSet::from([a, b, n]));
    }
}
