//! `crosscheck export --jsonl`: the corpus as JSON lines for engines off this machine
//! (passim's `id`, `series`, `date`, `text`; Spark and `DataFusion` read them as they
//! are). See ARCHITECTURE.md, "Past one machine".

use crate::compare::corpus::Analysed;
use crate::compare::stories::Stories;
use crate::corpus::Article;
use crate::sanitize::InertJson;
use crate::text::MatchOptions;
use serde::Serialize;
use std::io::Write;

/// One exported article.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// The article's id.
    pub id: &'a str,
    /// The outlet (passim's series).
    pub series: &'a str,
    /// Publication date, when known.
    pub date: Option<&'a str>,
    /// Headline.
    pub title: &'a str,
    /// Source URL, when known.
    pub url: Option<&'a str>,
    /// The clean text: every offset a job reports indexes it.
    pub text: &'a str,
    /// The article's story id (only with `--stories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<&'a str>,
}

/// Writes the export of `articles` to standard output, clustering them into stories
/// first when `with_stories`.
///
/// # Errors
/// Whatever writing to standard output fails with.
pub fn to_stdout(
    articles: &[Article],
    matching: &MatchOptions,
    with_stories: bool,
) -> std::io::Result<()> {
    let analysed = with_stories.then(|| Analysed::new(articles, matching));
    let stories = analysed.as_ref().map(Analysed::stories);
    let stdout = std::io::stdout().lock();
    write_jsonl(
        articles,
        stories,
        &mut std::io::BufWriter::new(InertJson::new(stdout)),
    )
}

/// Writes one line per article of `articles` (in order) to `out`, each with its story
/// when `stories` are given; stops at the first write error.
///
/// # Errors
/// Whatever writing to `out` fails with.
pub fn write_jsonl(
    articles: &[Article],
    stories: Option<&Stories>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for (i, a) in articles.iter().enumerate() {
        let record = Record {
            id: &a.id,
            series: &a.meta.outlet,
            date: a.meta.date.as_deref(),
            title: &a.meta.title,
            url: a.meta.url.as_deref(),
            text: &a.clean,
            story: stories.and_then(|s| s.story_of(i)).map(|s| s.id.as_str()),
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
