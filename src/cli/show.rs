//! `crosscheck show A`: one article's text with its metadata, its raw text, or the
//! page as saved.

use super::report::RemovedText;
use crate::corpus::{Article, RemovalReason};
use crate::sanitize::inert;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// One article as `show --json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct ShowReport {
    /// Identifier (file stem or record id).
    pub id: String,
    /// Publishing outlet.
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Publication date, when known.
    pub date: Option<String>,
    /// Authors, in byline order.
    pub authors: Vec<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Where it was loaded from (a path, a cached page).
    pub source: String,
    /// The clean text, or with `--raw` the text before cleaning (for a page, the
    /// extracted text).
    pub text: String,
    /// What cleaning removed, with byte ranges in the raw text.
    pub removed: Vec<RemovedText>,
}

impl ShowReport {
    /// The report for `article`; `raw` selects the text before cleaning.
    #[must_use]
    pub fn new(article: &Article, raw: bool) -> Self {
        Self {
            id: article.id.clone(),
            outlet: article.meta.outlet.clone(),
            title: article.meta.title.clone(),
            date: article.meta.date.clone(),
            authors: article.meta.authors.clone(),
            url: article.meta.url.clone(),
            source: article.source.clone(),
            text: if raw {
                article.raw.clone()
            } else {
                article.clean.clone()
            },
            removed: RemovedText::all(article),
        }
    }
}

/// The plain `show` output: title, a metadata line, the URL and source, then the text.
#[must_use]
pub fn plain(report: &ShowReport, painter: super::plain::Painter) -> String {
    let mut out = String::new();
    painter.heading_line(&mut out, &inert(&report.title), usize::MAX);
    let mut line = vec![inert(&report.outlet).into_owned()];
    line.extend(report.date.as_deref().map(|d| inert(d).into_owned()));
    if !report.authors.is_empty() {
        line.push(inert(&report.authors.join(", ")).into_owned());
    }
    let _ = writeln!(out, "{}", line.join(" · "));
    if let Some(url) = &report.url {
        let _ = writeln!(out, "{}", inert(url));
    }
    let _ = writeln!(out, "{}", inert(&report.source));
    let removed = report
        .removed
        .iter()
        .filter(|r| r.reason != RemovalReason::Whitespace)
        .count();
    if removed > 0 {
        let _ = writeln!(
            out,
            "{removed} removals (--raw shows the text before cleaning)"
        );
    }
    out.push('\n');
    out.push_str(&inert(&report.text));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The file an article came from, as saved (`#N` record suffixes dropped, gzip
/// undone, the sample read from the binary), as text.
///
/// # Errors
/// When the file cannot be read.
pub fn source(article: &Article) -> anyhow::Result<String> {
    let bytes = if let Some(name) = article.source.strip_prefix("sample:") {
        crate::corpus::sample::SAMPLE
            .get_file(name)
            .map(|f| f.contents().to_vec())
            .ok_or_else(|| anyhow::anyhow!("'{}': not in the sample", article.source))?
    } else {
        let path = article
            .source
            .rsplit_once('#')
            .filter(|(_, n)| n.chars().all(|c| c.is_ascii_digit()))
            .map_or(article.source.as_str(), |(path, _)| path);
        let bytes =
            std::fs::read(path).map_err(|e| anyhow::anyhow!("cannot read '{path}': {e}"))?;
        if Path::new(path)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
        {
            crate::corpus::load::gunzip(&bytes).map_err(|e| anyhow::anyhow!("'{path}': {e}"))?
        } else {
            bytes
        }
    };
    let text = crate::corpus::load::decode_page(&bytes);
    Ok(inert(&text).into_owned())
}
