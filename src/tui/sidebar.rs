//! The sidebar's list: articles grouped by story under collapsible headers, filtered
//! by what the user types, sorted, each with the index `crosscheck list` prints.
//!
//! [`Sidebar`] holds the stories and what the user chose; [`rows`] turns it and the
//! articles into the rows drawn, so drawing, the cursor and the mouse agree.

use super::articles::{ArticleId, Articles};
use super::geometry::ITEM_HEIGHT;
use std::cell::Cell;
use std::collections::HashSet;

/// How articles are ordered within their story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    /// As `crosscheck list` numbers them.
    #[default]
    Index,
    /// Earliest date first (undated last).
    Date,
    /// By outlet name.
    Outlet,
    /// Most similar to the left article first (not yet compared last).
    Similarity,
}

impl Order {
    /// The next order `S` switches to.
    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Self::Index => Self::Date,
            Self::Date => Self::Outlet,
            Self::Outlet => Self::Similarity,
            Self::Similarity => Self::Index,
        }
    }

    /// What the status bar calls it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Index => "list order",
            Self::Date => "date",
            Self::Outlet => "outlet",
            Self::Similarity => "similarity to the left article",
        }
    }
}

/// What is being typed into the sidebar's prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Words to filter outlets and titles by (`/` in the sidebar).
    Filter,
    /// An article's list index to jump to (`:`).
    Jump,
}

/// One story as the sidebar groups it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The story's stable id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its articles, in list order.
    pub articles: Vec<ArticleId>,
}

/// The stories and what the user chose for the sidebar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sidebar {
    /// The stories, most articles first (none until they are found).
    pub groups: Vec<Group>,
    /// The similarity map and the quote tracker cover every story, not the current one.
    pub all: bool,
    /// Words every shown article's outlet or title contains (any case).
    pub filter: String,
    /// The prompt being typed, if any.
    pub prompt: Option<Prompt>,
    /// The number typed after `:`.
    pub jump: String,
    /// How articles are ordered within a story.
    pub order: Order,
    /// Ids of the stories folded to their header.
    pub collapsed: HashSet<String>,
    /// The story whose header is under the cursor (else the cursor is on an article).
    pub header: Option<String>,
    /// The first row drawn last (see [`first_row`]); `None` when the rows were just
    /// regrouped, so the cursor's story leads.
    pub top: Cell<Option<usize>>,
}

/// A row of the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A story's header: its position among the groups, articles shown and in all,
    /// folded or not.
    Header {
        /// Position of the story among the groups.
        group: usize,
        /// Its articles passing the filter.
        shown: usize,
        /// All its articles.
        total: usize,
        /// Folded to the header.
        collapsed: bool,
    },
    /// An article.
    Article(ArticleId),
}

impl Row {
    /// Screen rows it takes.
    #[must_use]
    pub const fn height(self) -> u16 {
        match self {
            Self::Header { .. } => 1,
            Self::Article(_) => ITEM_HEIGHT,
        }
    }
}

/// Whether article `id` passes `filter`: every word of it is in the outlet or title.
fn passes(articles: &Articles, id: ArticleId, words: &[String]) -> bool {
    let Some(article) = articles.article(id) else {
        return false;
    };
    let haystack = format!("{} {}", article.meta.outlet, article.meta.title).to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// Sorts `ids` by `order` (ties by list order); `similarity` gives an article's
/// similarity to the left article when known.
fn sort(
    ids: &mut [ArticleId],
    order: Order,
    articles: &Articles,
    similarity: &dyn Fn(ArticleId) -> Option<f64>,
) {
    let index = |id: ArticleId| articles.position(id).unwrap_or(usize::MAX);
    let meta = |id: ArticleId| articles.article(id).map(|a| &a.meta);
    match order {
        Order::Index => ids.sort_by_key(|&id| index(id)),
        Order::Date => ids.sort_by_key(|&id| {
            let date = meta(id).and_then(|m| m.date.clone());
            (date.is_none(), date, index(id))
        }),
        Order::Outlet => ids.sort_by_cached_key(|&id| {
            let outlet = meta(id).map(|m| m.outlet.to_lowercase());
            (outlet, index(id))
        }),
        Order::Similarity => ids.sort_by(|&a, &b| {
            let (sa, sb) = (similarity(a), similarity(b));
            sb.partial_cmp(&sa)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(sa.is_none().cmp(&sb.is_none()))
                .then(index(a).cmp(&index(b)))
        }),
    }
}

/// The rows of the sidebar: with two or more `groups`, each story's header then (unless
/// folded) its articles passing the filter, stories without any hidden, then the
/// articles in no story yet (added since the stories were found); otherwise the
/// articles passing the filter, without headers.
#[must_use]
pub fn rows(
    articles: &Articles,
    state: &Sidebar,
    similarity: &dyn Fn(ArticleId) -> Option<f64>,
) -> Vec<Row> {
    let groups = &state.groups;
    let words: Vec<String> = state
        .filter
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let kept = |ids: &[ArticleId]| -> Vec<ArticleId> {
        let mut kept: Vec<ArticleId> = ids
            .iter()
            .copied()
            .filter(|&id| articles.get(id).is_some())
            .filter(|&id| words.is_empty() || passes(articles, id, &words))
            .collect();
        sort(&mut kept, state.order, articles, similarity);
        kept
    };
    if groups.len() < 2 {
        let all: Vec<ArticleId> = articles.ids().collect();
        return kept(&all).into_iter().map(Row::Article).collect();
    }
    let mut out = Vec::new();
    for (group, story) in groups.iter().enumerate() {
        let shown = kept(&story.articles);
        if shown.is_empty() {
            continue;
        }
        let collapsed = state.collapsed.contains(&story.id);
        out.push(Row::Header {
            group,
            shown: shown.len(),
            total: story.articles.len(),
            collapsed,
        });
        if !collapsed {
            out.extend(shown.into_iter().map(Row::Article));
        }
    }
    let grouped: HashSet<ArticleId> = groups
        .iter()
        .flat_map(|g| g.articles.iter().copied())
        .collect();
    let ungrouped: Vec<ArticleId> = articles.ids().filter(|id| !grouped.contains(id)).collect();
    out.extend(kept(&ungrouped).into_iter().map(Row::Article));
    out
}

/// The row the cursor is on: the header it names, else article `cursor`, else the
/// header of `cursor`'s story (folded or filtered away), else the first row.
#[must_use]
pub fn cursor_row(rows: &[Row], state: &Sidebar, cursor: ArticleId) -> usize {
    let groups = &state.groups;
    let header_of = |wanted: &dyn Fn(&Group) -> bool| {
        rows.iter().position(
            |r| matches!(r, Row::Header { group, .. } if groups.get(*group).is_some_and(wanted)),
        )
    };
    if let Some(id) = &state.header
        && let Some(at) = header_of(&|g| &g.id == id)
    {
        return at;
    }
    rows.iter()
        .position(|r| *r == Row::Article(cursor))
        .or_else(|| header_of(&|g| g.articles.contains(&cursor)))
        .unwrap_or(0)
}

/// The first row drawn in `height` screen rows so that row `cursor` shows whole, as
/// list views scroll: the view stays at `kept` (the first row drawn before) while the
/// cursor shows from there, moves up to the cursor when it goes above, and down just
/// enough when it goes below. Without a `kept` row (the stories just arrived), a
/// list that must scroll starts at the header of the cursor's story when the cursor
/// shows below it.
#[must_use]
pub fn first_row(rows: &[Row], cursor: usize, height: u16, kept: Option<usize>) -> usize {
    let cursor = cursor.min(rows.len().saturating_sub(1));
    let fits = |first: usize| {
        let used = rows
            .get(first..=cursor)
            .map_or(0, |shown| shown.iter().map(|r| u32::from(r.height())).sum());
        used <= u32::from(height)
    };
    let least = (0..=cursor).find(|&first| fits(first)).unwrap_or(cursor);
    let preferred = kept.or_else(|| {
        let mut header = rows.get(..=cursor)?.iter();
        (least > 0).then(|| header.rposition(|r| matches!(r, Row::Header { .. })))?
    });
    match preferred {
        Some(top) if top > cursor => cursor,
        Some(top) => top.max(least),
        None => least,
    }
}

/// The row drawn at screen row `offset` (from the list's top) when drawing from `first`
/// in `height` rows.
#[must_use]
pub fn row_at(rows: &[Row], first: usize, offset: u16, height: u16) -> Option<usize> {
    let mut top = 0u16;
    for (i, row) in rows.iter().enumerate().skip(first) {
        let bottom = top.saturating_add(row.height());
        if bottom > height {
            return None;
        }
        if offset < bottom {
            return Some(i);
        }
        top = bottom;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Corpus, Meta};

    fn articles() -> Articles {
        let article = |outlet: &str, title: &str, date: &str| Article {
            id: String::new(),
            source: String::new(),
            meta: Meta {
                outlet: outlet.into(),
                title: title.into(),
                date: Some(date.into()),
                ..Meta::default()
            },
            raw: "text".into(),
            clean: "text".into(),
            removals: Vec::new(),
            warnings: Vec::new(),
        };
        Articles::new(Corpus {
            articles: vec![
                article("Herald", "Strike halts trams", "2026-05-12"),
                article("Post", "Rates held", "2026-05-11"),
                article("Courier", "Trams stop as drivers strike", "2026-05-10"),
                article("Wire", "Bank keeps rates", "2026-05-12"),
            ],
            skipped: Vec::new(),
        })
    }

    fn groups(ids: &[ArticleId]) -> Vec<Group> {
        vec![
            Group {
                id: "strike".into(),
                label: "strike trams".into(),
                articles: vec![ids[0], ids[2]],
            },
            Group {
                id: "rates".into(),
                label: "rates".into(),
                articles: vec![ids[1], ids[3]],
            },
        ]
    }

    #[test]
    fn stories_head_their_articles_and_fold() {
        let articles = articles();
        let ids: Vec<ArticleId> = articles.ids().collect();
        let mut state = Sidebar {
            groups: groups(&ids),
            ..Sidebar::default()
        };
        let none = |_| None;
        let header = |group, shown, collapsed| Row::Header {
            group,
            shown,
            total: 2,
            collapsed,
        };
        assert_eq!(
            rows(&articles, &state, &none),
            [
                header(0, 2, false),
                Row::Article(ids[0]),
                Row::Article(ids[2]),
                header(1, 2, false),
                Row::Article(ids[1]),
                Row::Article(ids[3]),
            ]
        );
        state.collapsed.insert("strike".into());
        let folded = rows(&articles, &state, &none);
        assert_eq!(folded.len(), 4);
        assert_eq!(folded[0], header(0, 2, true));
        // The cursor on a folded article stands on its story's header.
        assert_eq!(cursor_row(&folded, &state, ids[2]), 0);
        assert_eq!(cursor_row(&folded, &state, ids[3]), 3);
        // One story alone has no header.
        state.groups.truncate(1);
        let one = rows(&articles, &state, &none);
        assert_eq!(one.len(), 4);
        assert!(one.iter().all(|r| matches!(r, Row::Article(_))));
    }

    #[test]
    fn articles_in_no_story_yet_follow_the_stories() {
        let articles = articles();
        let ids: Vec<ArticleId> = articles.ids().collect();
        let mut stories = groups(&ids);
        // The watch added the wire article after the stories were found.
        stories[1].articles.retain(|&id| id != ids[3]);
        let state = Sidebar {
            groups: stories,
            ..Sidebar::default()
        };
        let shown = rows(&articles, &state, &|_| None);
        assert_eq!(shown.last(), Some(&Row::Article(ids[3])));
        let listed = shown
            .iter()
            .filter(|r| matches!(r, Row::Article(_)))
            .count();
        assert_eq!(listed, ids.len(), "every article has a row");
    }

    #[test]
    fn typing_filters_outlets_and_titles_and_hides_empty_stories() {
        let articles = articles();
        let ids: Vec<ArticleId> = articles.ids().collect();
        let state = Sidebar {
            groups: groups(&ids),
            filter: "TRAMS str".into(),
            ..Sidebar::default()
        };
        let found = rows(&articles, &state, &|_| None);
        assert_eq!(
            found,
            [
                Row::Header {
                    group: 0,
                    shown: 2,
                    total: 2,
                    collapsed: false
                },
                Row::Article(ids[0]),
                Row::Article(ids[2]),
            ]
        );
        let outlet = Sidebar {
            groups: groups(&ids),
            filter: "wire".into(),
            ..Sidebar::default()
        };
        assert_eq!(
            rows(&articles, &outlet, &|_| None)[1..],
            [Row::Article(ids[3])]
        );
    }

    #[test]
    fn orders_sort_within_a_story() {
        let articles = articles();
        let ids: Vec<ArticleId> = articles.ids().collect();
        let mut state = Sidebar::default();
        let order = |state: &Sidebar, similarity: &dyn Fn(ArticleId) -> Option<f64>| {
            rows(&articles, state, similarity)
                .into_iter()
                .map(|r| match r {
                    Row::Article(id) => articles.position(id).unwrap_or(99),
                    Row::Header { .. } => 99,
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(order(&state, &|_| None), [0, 1, 2, 3]);
        state.order = Order::Date;
        assert_eq!(order(&state, &|_| None), [2, 1, 0, 3]);
        state.order = Order::Outlet;
        assert_eq!(order(&state, &|_| None), [2, 0, 1, 3]);
        state.order = Order::Similarity;
        let similarity =
            |id: ArticleId| (id != ids[0]).then(|| if id == ids[3] { 0.9 } else { 0.2 });
        assert_eq!(order(&state, &similarity), [3, 1, 2, 0]);
        assert_eq!(state.order.next().next(), Order::Date);
    }

    #[test]
    fn scrolling_keeps_the_cursor_whole_over_rows_of_two_heights() {
        let articles = articles();
        let ids: Vec<ArticleId> = articles.ids().collect();
        let state = Sidebar {
            groups: groups(&ids),
            ..Sidebar::default()
        };
        let rows = rows(&articles, &state, &|_| None);
        // Heights 1 3 3 1 3 3: in 7 rows, the cursor on the last article starts at row 3.
        assert_eq!(first_row(&rows, 5, 7, Some(0)), 3);
        assert_eq!(first_row(&rows, 1, 7, Some(0)), 0);
        // Kept while the cursor shows; up to the cursor above it.
        assert_eq!(first_row(&rows, 4, 7, Some(3)), 3);
        assert_eq!(first_row(&rows, 2, 7, Some(3)), 2);
        // Just regrouped: the cursor's story header leads.
        assert_eq!(first_row(&rows, 5, 7, None), 3);
        assert_eq!(first_row(&rows, 2, 7, None), 0);
        assert_eq!(row_at(&rows, 0, 0, 7), Some(0));
        assert_eq!(row_at(&rows, 0, 1, 7), Some(1));
        assert_eq!(row_at(&rows, 0, 4, 7), Some(2));
        assert_eq!(row_at(&rows, 0, 7, 7), None);
        assert_eq!(row_at(&rows, 3, 1, 7), Some(4));
    }
}
