//! The sidebar's keys: the stories found by the worker, the cursor over story headers
//! and articles, folding, the filter and `:` prompts, the order.

use super::{App, Focus, Popup};
use crate::compare::stories::Stories;
use crate::tui::action::Action;
use crate::tui::analysis::{AnalysisKey, AnalysisKind, Scope};
use crate::tui::articles::ArticleId;
use crate::tui::geometry::SidebarRows;
use crate::tui::sidebar::{Group, Prompt, Row, cursor_row, first_row, row_at, rows};

impl App {
    /// The key of the stories: over all articles, under the first ignore preset (a
    /// change of preset does not regroup the sidebar).
    pub(super) const fn stories_key() -> AnalysisKey {
        AnalysisKey {
            kind: AnalysisKind::Stories,
            scope: Scope::Corpus,
            ignore: 0,
        }
    }

    /// Asks the worker for the stories (of two or more articles).
    pub(super) fn request_stories(&mut self) {
        if self.articles.len() > 1 {
            self.request_analysis(Self::stories_key());
        }
    }

    /// Takes the stories found over `articles` as the sidebar's groups.
    pub(super) fn store_stories(&mut self, stories: &Stories, articles: &[ArticleId]) {
        self.sidebar.top.set(None);
        let scope = self.overview_scope();
        self.sidebar.groups = stories
            .stories
            .iter()
            .map(|story| Group {
                id: story.id.clone(),
                label: story.label.clone(),
                articles: story
                    .articles
                    .iter()
                    .filter_map(|&i| articles.get(i).copied())
                    .collect(),
            })
            .collect();
        // An open map or tracker whose story changed (it covered all articles
        // before the stories were found) shows the current story's.
        match self.ui.popup {
            _ if self.overview_scope() == scope => {}
            Some(Popup::Matrix { .. }) => self.show_matrix(),
            Some(Popup::Tracker { .. }) => self.show_tracker(),
            _ => {}
        }
    }

    /// The position among the sidebar's groups of article `id`'s story, once the
    /// stories are found (`None` for an article added since).
    #[must_use]
    pub fn story_of(&self, id: ArticleId) -> Option<usize> {
        self.sidebar
            .groups
            .iter()
            .position(|g| g.articles.contains(&id))
    }

    /// The story of the left article, once the stories are found.
    #[must_use]
    pub fn current_story(&self) -> Option<&Group> {
        let left = self.selection.shown.left;
        self.sidebar
            .groups
            .iter()
            .find(|g| g.articles.contains(&left))
    }

    /// The sidebar's rows as drawn.
    #[must_use]
    pub fn sidebar_rows(&self) -> Vec<Row> {
        rows(&self.articles, &self.sidebar, &|id| {
            self.similarity_to_left(id)
        })
    }

    /// The row of `rows` the cursor is on.
    #[must_use]
    pub fn sidebar_cursor(&self, rows: &[Row]) -> usize {
        cursor_row(rows, &self.sidebar, self.selection.cursor)
    }

    /// Puts the cursor on `row`.
    fn put_cursor(&mut self, row: Row) {
        match row {
            Row::Header { group, .. } => {
                self.sidebar.header = self.sidebar.groups.get(group).map(|g| g.id.clone());
            }
            Row::Article(id) => {
                self.sidebar.header = None;
                self.selection.cursor = id;
            }
        }
    }

    /// Moves the sidebar cursor by `delta` rows (headers count as rows).
    pub(super) fn move_sidebar(&mut self, delta: isize) {
        let rows = self.sidebar_rows();
        let at = self.sidebar_cursor(&rows);
        let to = at
            .saturating_add_signed(delta)
            .min(rows.len().saturating_sub(1));
        if let Some(&row) = rows.get(to) {
            self.put_cursor(row);
        }
    }

    /// `Enter` on a story's header: folds or unfolds it. False when the cursor is on
    /// an article.
    pub(super) fn toggle_fold(&mut self) -> bool {
        let Some(id) = self.sidebar.header.clone() else {
            return false;
        };
        if !self.sidebar.collapsed.remove(&id) {
            self.sidebar.collapsed.insert(id);
        }
        true
    }

    /// The row drawn at screen row `row` of the sidebar in `area`.
    pub(super) fn sidebar_row_at(&self, area: ratatui::layout::Rect, row: u16) -> Option<Row> {
        let layout = SidebarRows::new(area, self.articles.has_warnings());
        let offset = row.checked_sub(layout.inner.y)?;
        let rows = self.sidebar_rows();
        let first = first_row(
            &rows,
            self.sidebar_cursor(&rows),
            layout.list,
            self.sidebar.top.get(),
        );
        row_at(&rows, first, offset, layout.list).and_then(|i| rows.get(i).copied())
    }

    /// A click in the sidebar: moves the cursor; a second click on it selects.
    pub(super) fn click_sidebar(&mut self, area: ratatui::layout::Rect, row: u16) {
        let Some(clicked) = self.sidebar_row_at(area, row) else {
            self.selection.focus = Focus::Sidebar;
            return;
        };
        let rows = self.sidebar_rows();
        let again = self.selection.focus == Focus::Sidebar
            && rows.get(self.sidebar_cursor(&rows)) == Some(&clicked);
        self.selection.focus = Focus::Sidebar;
        self.put_cursor(clicked);
        if again && !self.toggle_fold() {
            self.select();
        }
    }

    /// Opens the sidebar's prompt for `prompt`, focusing the sidebar.
    pub(super) fn open_prompt(&mut self, prompt: Prompt) {
        self.ui.sidebar = true;
        self.selection.focus = Focus::Sidebar;
        self.sidebar.prompt = Some(prompt);
        if prompt == Prompt::Filter {
            self.sidebar.filter.clear();
        }
        self.sidebar.jump.clear();
    }

    /// Whether keys go to a prompt (the search's or the sidebar's) as text.
    #[must_use]
    pub fn typing(&self) -> bool {
        self.ui.search.typing || self.sidebar.prompt.is_some() || self.ui.export.is_some()
    }

    /// A key while the sidebar's prompt is open.
    pub(super) fn apply_prompt(&mut self, prompt: Prompt, action: Action) {
        let Some(action) = self.apply_common(action) else {
            return;
        };
        let text = match prompt {
            Prompt::Filter => &mut self.sidebar.filter,
            Prompt::Jump => &mut self.sidebar.jump,
        };
        match action {
            Action::SearchInput(c) if prompt == Prompt::Filter || c.is_ascii_digit() => {
                text.push(c);
            }
            Action::SearchBackspace => {
                text.pop();
            }
            Action::SearchSubmit => {
                self.sidebar.prompt = None;
                if prompt == Prompt::Jump {
                    self.jump_to_index();
                }
            }
            Action::SearchCancel | Action::Back => {
                text.clear();
                self.sidebar.prompt = None;
            }
            _ => {}
        }
        if prompt == Prompt::Filter {
            self.keep_cursor_visible();
        }
    }

    /// Moves the cursor to the first row shown when its article is filtered away.
    fn keep_cursor_visible(&mut self) {
        let rows = self.sidebar_rows();
        let cursor = Row::Article(self.selection.cursor);
        if self.sidebar.header.is_none()
            && !rows.contains(&cursor)
            && let Some(&first) = rows.iter().find(|r| matches!(r, Row::Article(_)))
        {
            self.put_cursor(first);
        }
    }

    /// The cursor to the article whose list index was typed after `:`, unfolding its
    /// story and clearing a filter that hides it.
    fn jump_to_index(&mut self) {
        let typed = std::mem::take(&mut self.sidebar.jump);
        let Some(id) = typed
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.articles.id_at(i))
        else {
            self.ui.message = Some(format!(
                "no article {typed}: the list has 1–{}",
                self.articles.len()
            ));
            return;
        };
        self.put_cursor(Row::Article(id));
        if let Some(story) = self
            .sidebar
            .groups
            .iter()
            .find(|g| g.articles.contains(&id))
        {
            self.sidebar.collapsed.remove(&story.id);
        }
        if !self.sidebar_rows().contains(&Row::Article(id)) {
            self.sidebar.filter.clear();
        }
    }

    /// `S`: the next order of the sidebar.
    pub(super) fn cycle_order(&mut self) {
        self.sidebar.order = self.sidebar.order.next();
        self.sidebar.top.set(None);
        self.ui.message = Some(format!("sidebar sorted by {}", self.sidebar.order.name()));
    }

    /// `Esc` in the sidebar: clears a filter; false when there is none.
    pub(super) fn clear_filter(&mut self) -> bool {
        if self.selection.focus != Focus::Sidebar || self.sidebar.filter.is_empty() {
            return false;
        }
        self.sidebar.filter.clear();
        true
    }
}
