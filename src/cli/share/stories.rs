//! `stories --html` / `--markdown`: each story with its label, dates and how many
//! quotations its articles share, then its articles (number, outlet, title linked
//! to the article, date).

use super::Format;
use super::markup::{esc, link, page_end, page_start, section};
use crate::cli::stories::StoriesReport;
use crate::compare::quotes::QuoteGroup;
use crate::compare::stories::Stories;
use crate::corpus::Article;
use crate::present::count;

/// How many quotations two or more articles of each story carry, by story.
#[must_use]
pub fn shared_quotes(stories: &Stories, groups: &[QuoteGroup]) -> Vec<usize> {
    stories
        .stories
        .iter()
        .map(|story| {
            let carriers = |group: &QuoteGroup| {
                let inside = group.occurrences.iter();
                inside
                    .filter(|o| story.articles.binary_search(&o.article).is_ok())
                    .count()
            };
            groups.iter().filter(|g| carriers(g) >= 2).count()
        })
        .collect()
}

/// The stories report; `shared[n]` is story n's count of [`shared_quotes`].
#[must_use]
pub fn stories(
    format: Format,
    report: &StoriesReport,
    shared: &[usize],
    articles: &[Article],
) -> String {
    let stories = match report.stories.len() {
        1 => "1 story".to_string(),
        n => format!("{n} stories"),
    };
    let title = format!("{stories} in {}", count(report.articles, "article"));
    let mut out = page_start(format, &title);
    for (story, &quotes) in report.stories.iter().zip(shared) {
        let mut heading = format!(
            "[{}] {} — {} · {}",
            story.number,
            story.label,
            count(story.articles.len(), "article"),
            count(quotes, "shared quote")
        );
        let dates = story.dates();
        if !dates.is_empty() {
            heading.push_str(" · ");
            heading.push_str(&dates);
        }
        let items = story.articles.iter().map(|a| {
            let url = articles
                .get(a.index.saturating_sub(1))
                .and_then(|article| article.meta.url.as_deref());
            let date = a
                .date
                .as_deref()
                .map_or(String::new(), |d| format!(" · {}", esc(format, d)));
            format!(
                "{} {} · {}{date}",
                esc(format, &format!("#{}", a.index)),
                esc(format, &a.outlet),
                link(format, &a.title, url)
            )
        });
        section(&mut out, format, &esc(format, &heading), items);
    }
    page_end(
        &mut out,
        format,
        "articles clustered by shared words, names and quotes; #n is the number crosscheck list gives",
    );
    out
}
