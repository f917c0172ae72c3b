//! Stories: the events a corpus's articles report, found by clustering.
//!
//! Two articles are linked by what says they report one event: the cosine of their
//! term vectors (content words, names and figures, rare ones weighing more; see
//! [`links`]), the quotations they share (runs of content words inside quotation
//! marks), and the engine's similarity of their texts (the similarity map, so a
//! wire copy links whatever its words). Links are clustered by average linkage
//! ([`linkage`]): the connected components of the link graph, split wherever their
//! articles are on average not linked strongly enough. Every article is in exactly
//! one story; an article linked to none is a story of its own.
//!
//! A story's id comes from its anchor article ([`label::anchor`]), so it stays the same
//! when the folder changes around it.

pub mod label;
pub mod linkage;
pub mod links;
mod profile;

use super::Document;
use super::matrix::Matrix;
use linkage::{Edge, average_linkage};
use links::Evidence;
use profile::Profile;
use rayon::prelude::*;
use serde::Serialize;

/// Least average link strength for two groups of articles to be one story.
pub const STORY_THRESHOLD: f64 = 0.18;
/// Quote shingles two articles share for the quote evidence to count in full.
pub const FULL_QUOTE_SHINGLES: f64 = 3.0;
/// What sharing quotes in full adds to a link's strength.
pub const QUOTE_WEIGHT: f64 = 0.25;
/// Days apart that two reports of one event may be with their link kept whole.
pub const SAME_EVENT_DAYS: u64 = 2;
/// Days over which a link between articles dated further apart halves.
pub const HALF_LIFE_DAYS: f64 = 7.0;
/// Engine similarity up to which the similarity adds nothing. On the engine's scale
/// ([`crate::compare::similarity`]) two reports of one event score 0.2–0.6 and are
/// linked by their terms and quotes anyway; short articles of different events by
/// one outlet reach 0.32 through its byline and footer alone (tests' `outlet` and
/// `city` folders), so only what lies above that says "the same text".
pub const SIMILARITY_FLOOR: f64 = 0.4;
/// Engine similarity at which two texts are one story on that evidence alone: a
/// wire story and its lightly edited copy score above 0.8.
pub const SAME_TEXT_SIMILARITY: f64 = 0.8;

/// What the clustering reads of an article besides its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArticleInfo<'a> {
    /// The article's stable id (file stem or record id): a story's id derives from it.
    pub id: &'a str,
    /// The headline (empty when unknown).
    pub title: &'a str,
    /// The publication date, ISO `YYYY-MM-DD` first when known.
    pub date: Option<&'a str>,
}

/// One story: the articles reporting one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    /// Stable id (`s` and eight hex digits) from the anchor article's id.
    pub id: String,
    /// The title words most of its articles share (a lone article: its title).
    pub label: String,
    /// Its articles (indices as given), ascending.
    pub articles: Vec<usize>,
    /// The anchor: the earliest dated article (then the least id), which names it.
    pub anchor: usize,
    /// The earliest date among its articles.
    pub first_date: Option<String>,
    /// The latest date among its articles.
    pub last_date: Option<String>,
}

/// The stories of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stories {
    /// Most articles first, then earliest date, then first article.
    pub stories: Vec<Story>,
    /// For each article (by index), the position of its story in `stories` (`None`
    /// for an article that was not clustered).
    pub of_article: Vec<Option<usize>>,
}

impl Stories {
    /// The story of article `article`, if the index is in range.
    #[must_use]
    pub fn story_of(&self, article: usize) -> Option<&Story> {
        self.stories.get((*self.of_article.get(article)?)?)
    }

    /// Whether two articles are in the same story (false for indices out of range).
    #[must_use]
    pub fn same_story(&self, a: usize, b: usize) -> bool {
        matches!((self.of_article.get(a), self.of_article.get(b)), (Some(Some(x)), Some(Some(y))) if x == y)
    }
}

/// How strongly a pair's evidence says one event, 0–1.
#[must_use]
pub fn strength(evidence: &Evidence) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let quotes = (evidence.shared_quotes as f64 / FULL_QUOTE_SHINGLES).min(1.0) * QUOTE_WEIGHT;
    let text = ((evidence.similarity - SIMILARITY_FLOOR)
        / (SAME_TEXT_SIMILARITY - SIMILARITY_FLOOR))
        .clamp(0.0, 1.0);
    (evidence.cosine + quotes).max(text).min(1.0)
}

/// How much a link keeps when its articles are dated far apart: all of it up to
/// [`SAME_EVENT_DAYS`] days, then half for every [`HALF_LIFE_DAYS`] days more.
#[must_use]
pub fn time_factor(a: Option<i64>, b: Option<i64>) -> f64 {
    let (Some(a), Some(b)) = (a, b) else {
        return 1.0;
    };
    #[allow(clippy::cast_precision_loss)]
    let beyond = (a.abs_diff(b).saturating_sub(SAME_EVENT_DAYS)) as f64;
    0.5f64.powf(beyond / HALF_LIFE_DAYS)
}

/// Days since 1970-01-01 of a date that starts `YYYY-MM-DD` (`None` otherwise).
#[must_use]
pub fn day_number(date: &str) -> Option<i64> {
    let field = |range: std::ops::Range<usize>| date.get(range)?.parse::<i64>().ok();
    let (y, m, d) = (field(0..4)?, field(5..7)?, field(8..10)?);
    let separators = date.get(4..5) == Some("-") && date.get(7..8) == Some("-");
    if !separators || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Clusters `docs` into stories; `info` is parallel to `docs`, `matrix` their
/// similarity map (same indices).
#[must_use]
pub fn find(docs: &[Document<'_>], info: &[ArticleInfo<'_>], matrix: &Matrix) -> Stories {
    let profiles: Vec<Profile> = docs
        .par_iter()
        .enumerate()
        .map(|(i, doc)| Profile::new(doc, info.get(i).map_or("", |m| m.title)))
        .collect();
    let days: Vec<Option<i64>> = info.iter().map(|m| m.date.and_then(day_number)).collect();
    let day = |i: usize| days.get(i).copied().flatten();
    let edges: Vec<Edge> = links::links(&profiles, matrix)
        .into_iter()
        .map(|l| Edge {
            a: l.left,
            b: l.right,
            weight: strength(&l.evidence) * time_factor(day(l.left), day(l.right)),
        })
        .filter(|e| e.weight > 0.0)
        .collect();
    let clusters = average_linkage(docs.len(), &edges, STORY_THRESHOLD);
    let names = profiles
        .iter()
        .flat_map(|p| p.terms.iter().filter(|t| t.name).map(|t| t.hash));
    assemble(&clusters, info, names)
}

/// Stories from the cluster of each article; `names` are the terms the texts write
/// as names (for the labels).
fn assemble(
    clusters: &[usize],
    info: &[ArticleInfo<'_>],
    names: impl IntoIterator<Item = u64>,
) -> Stories {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (article, &cluster) in clusters.iter().enumerate() {
        if let Some(list) = members.get_mut(cluster) {
            list.push(article);
        }
    }
    let title_df = label::title_frequencies(info, names);
    let mut stories: Vec<Story> = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .filter_map(|articles| {
            let anchor = label::anchor(&articles, info)?;
            let dates = articles
                .iter()
                .filter_map(|&i| info.get(i).and_then(|m| m.date));
            let (first_date, last_date) = (dates.clone().min(), dates.max());
            Some(Story {
                id: label::story_id(info.get(anchor).map_or("", |m| m.id)),
                label: label::label(&articles, info, &title_df),
                anchor,
                first_date: first_date.map(str::to_string),
                last_date: last_date.map(str::to_string),
                articles,
            })
        })
        .collect();
    stories.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.first_date.is_none().cmp(&b.first_date.is_none()))
            .then(a.first_date.cmp(&b.first_date))
            .then(a.articles.cmp(&b.articles))
    });
    distinct_ids(&mut stories);
    let mut of_article = vec![None; clusters.len()];
    for (s, story) in stories.iter().enumerate() {
        for &a in &story.articles {
            if let Some(slot) = of_article.get_mut(a) {
                *slot = Some(s);
            }
        }
    }
    Stories {
        stories,
        of_article,
    }
}

/// Makes ids unique should two anchors' hashes collide: later ones get `-2`, `-3`, ….
fn distinct_ids(stories: &mut [Story]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for story in stories {
        let n = seen.entry(story.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            story.id = format!("{}-{n}", story.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_and_refuse_what_is_no_date() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2026-03-01T10:00:00Z"),
            day_number("2026-02-28").map(|d| d + 1)
        );
        assert_eq!(
            day_number("2024-03-01"),
            day_number("2024-02-28").map(|d| d + 2)
        );
        assert_eq!(day_number("March 3"), None);
        assert_eq!(day_number("2026-13-01"), None);
    }

    #[test]
    fn links_fade_between_articles_dated_far_apart() {
        let d = |s: &str| day_number(s);
        assert!((time_factor(d("2026-05-11"), d("2026-05-13")) - 1.0).abs() < 1e-9);
        assert!((time_factor(d("2026-05-01"), d("2026-05-10")) - 0.5).abs() < 1e-9);
        assert!((time_factor(None, d("2026-05-10")) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn strength_reads_cosine_quotes_and_copies() {
        let evidence = |cosine, shared_quotes, similarity| Evidence {
            cosine,
            shared_quotes,
            similarity,
        };
        assert!(
            (strength(&evidence(0.2, 0, 0.05)) - 0.2).abs() < 1e-9,
            "chance similarity adds nothing"
        );
        assert!(
            (strength(&evidence(0.1, 0, 0.32)) - 0.1).abs() < 1e-9,
            "one outlet's byline and footer add nothing"
        );
        assert!(
            strength(&evidence(0.1, 0, 0.6)) > STORY_THRESHOLD,
            "a heavily edited copy ties on its text"
        );
        assert!(
            strength(&evidence(0.1, 3, 0.0)) > STORY_THRESHOLD,
            "a shared quote ties reports"
        );
        assert!(
            (strength(&evidence(0.0, 0, 0.9)) - 1.0).abs() < 1e-9,
            "a copy is the same story"
        );
    }
}
