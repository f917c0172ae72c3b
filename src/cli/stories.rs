//! `crosscheck stories`: the events the articles report, as JSON (the report structs)
//! or as plain text ([`plain`]).

use super::plain::{Paint, Painter};
use crate::compare::stories::{Stories, Story};
use crate::corpus::Article;
use crate::present::{fit, width as columns};
use crate::sanitize::inert;
use serde::Serialize;
use std::fmt::Write as _;

/// `crosscheck stories` output. Article numbers are 1-based, as in `list`.
#[derive(Debug, Clone, Serialize)]
pub struct StoriesReport {
    /// Articles clustered.
    pub articles: usize,
    /// The stories, most articles first.
    pub stories: Vec<StoryText>,
}

/// One story with its articles.
#[derive(Debug, Clone, Serialize)]
pub struct StoryText {
    /// 1-based position in this listing.
    pub number: usize,
    /// Stable id: the same for the same anchor article whatever else the folder holds.
    pub id: String,
    /// The title words most of its articles share (a lone article: its title).
    pub label: String,
    /// Earliest date of its articles, when any is known.
    pub first_date: Option<String>,
    /// Latest date of its articles.
    pub last_date: Option<String>,
    /// Its articles, in corpus order.
    pub articles: Vec<StoryArticle>,
}

/// An article of a story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryArticle {
    /// 1-based index, as `list` prints it.
    pub index: usize,
    /// Identifier.
    pub id: String,
    /// Outlet.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Date, when known.
    pub date: Option<String>,
}

impl StoriesReport {
    /// The report of `stories` found over `articles` (corpus indices).
    #[must_use]
    pub fn new(articles: &[Article], stories: &Stories) -> Self {
        Self {
            articles: articles.len(),
            stories: stories
                .stories
                .iter()
                .enumerate()
                .map(|(n, s)| StoryText::new(n + 1, s, articles))
                .collect(),
        }
    }
}

impl StoryText {
    fn new(number: usize, story: &Story, articles: &[Article]) -> Self {
        Self {
            number,
            id: story.id.clone(),
            label: story.label.clone(),
            first_date: story.first_date.clone(),
            last_date: story.last_date.clone(),
            articles: story
                .articles
                .iter()
                .filter_map(|&i| {
                    let a = articles.get(i)?;
                    Some(StoryArticle {
                        index: i + 1,
                        id: a.id.clone(),
                        outlet: a.meta.outlet.clone(),
                        title: a.meta.title.clone(),
                        date: a.meta.date.clone(),
                    })
                })
                .collect(),
        }
    }

    /// `2026-05-11`, `2026-05-11 – 2026-05-13` or nothing.
    #[must_use]
    pub fn dates(&self) -> String {
        match (&self.first_date, &self.last_date) {
            (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
            (Some(first), _) => first.clone(),
            _ => String::new(),
        }
    }
}

/// The plain-text `stories` report: one heading per story (number, label, how many
/// articles, dates, id), then its articles as `list` prints them.
#[must_use]
pub fn plain(report: &StoriesReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    let lone = report
        .stories
        .iter()
        .filter(|s| s.articles.len() == 1)
        .count();
    let mut summary = format!(
        "{} · {}",
        plural(report.articles, "article"),
        plural(report.stories.len(), "story"),
    );
    if lone > 0 {
        let _ = write!(summary, " ({lone} of a single article)");
    }
    painter.heading_line(&mut out, &summary, width);
    for story in &report.stories {
        let dates = story.dates();
        let dates = if dates.is_empty() {
            String::new()
        } else {
            format!(" · {dates}")
        };
        let tail = format!(
            "  {}{dates}  {}",
            plural(story.articles.len(), "article"),
            story.id
        );
        let head = format!("[{}] ", story.number);
        let room = width
            .saturating_sub(columns(&head) + columns(&tail))
            .max(10);
        let line = format!("{head}{}{tail}", fit(&inert(&story.label), room));
        let _ = writeln!(out);
        painter.heading_line(&mut out, &line, width);
        for a in &story.articles {
            let prefix = format!(
                "{:>5}  {:<16} {:<10}  ",
                a.index,
                fit(&inert(&a.outlet), 16),
                inert(a.date.as_deref().unwrap_or("-")),
            );
            let title = fit(
                &inert(&a.title),
                width.saturating_sub(columns(&prefix)).max(10),
            );
            let _ = writeln!(out, "{}{title}", painter.paint(Paint::Dim, &prefix));
        }
    }
    out
}

fn plural(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "story") => format!("{n} stories"),
        _ => format!("{n} {noun}s"),
    }
}
