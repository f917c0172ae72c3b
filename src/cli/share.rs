//! Reports to share: `--html` (one self-contained page) and `--markdown`, on
//! stdout or into a file named with `-o` (never over an existing one without
//! `--force`).

pub mod corpus;
pub mod html;
pub mod markdown;
pub mod markup;
pub mod stories;

use super::facts::{FactsReport, SpellingText};
use super::report::CompareReport;
use crate::compare::Comparison;
use crate::compare::corpus::Analysed;
use crate::corpus::Article;
use crate::pair::{Pair, Side};
use crate::present::Source;
use crate::present::layers::{Marks, QuoteMarker, comparison_layers, quote_markers, superimpose};
use crate::text::MatchOptions;
use clap::Args;
use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The flags of a shareable report.
#[derive(Debug, Args, Clone, Default)]
pub struct ShareArgs {
    /// Print a self-contained HTML page (inline styles, light and dark, prints well).
    #[arg(long, group = "report_format")]
    pub html: bool,
    /// Print Markdown, for an issue tracker or a CMS.
    #[arg(long, group = "report_format")]
    pub markdown: bool,
    /// Write the report into FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE", requires = "report_format")]
    pub output: Option<PathBuf>,
    /// Let -o replace an existing FILE.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// A report's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A self-contained HTML page.
    Html,
    /// Markdown.
    Markdown,
}

impl ShareArgs {
    /// The format asked for, if any.
    #[must_use]
    pub fn format(&self) -> Option<Format> {
        if self.html {
            Some(Format::Html)
        } else if self.markdown {
            Some(Format::Markdown)
        } else {
            None
        }
    }
}

/// The report of a pair in `format`.
#[must_use]
pub fn pair(format: Format, view: &PairView) -> String {
    match format {
        Format::Html => html::pair(view),
        Format::Markdown => markdown::pair(view),
    }
}

/// The report of `comparison` of `articles` in `format`: what `compare --html` and
/// the reader's `e` write.
#[must_use]
pub fn pair_report(
    format: Format,
    articles: Pair<&Article>,
    comparison: &Comparison,
    matching: &MatchOptions,
) -> String {
    let report = CompareReport::new(articles, comparison, matching);
    pair(
        format,
        &PairView::new(articles, comparison, &report, matching),
    )
}

/// What can go wrong writing a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `-o` names a file that exists and `--force` was not given.
    #[error("'{0}' exists; pass --force to replace it")]
    Exists(PathBuf),
    /// The file could not be written.
    #[error("cannot write '{path}': {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Writes `report` into `path`: a new file, or over an existing one only when `force`.
///
/// # Errors
/// [`Error::Exists`] without `force`, [`Error::Write`] when writing fails.
pub fn write_file(path: &Path, report: &str, force: bool) -> Result<(), Error> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let write_error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Error::Exists(path.to_path_buf())
        } else {
            write_error(e)
        }
    })?;
    file.write_all(report.as_bytes())
        .and_then(|()| file.flush())
        .map_err(write_error)
}

/// Everything a pair's report shows: the compare report, each side's URL, its
/// text cut into marked segments, its numbered quote markers, and the facts the
/// two state differently.
#[derive(Debug)]
pub struct PairView<'a> {
    /// The comparison with its text filled in (what `--json` prints).
    pub report: &'a CompareReport<'a>,
    /// Each side's source URL, when known.
    pub urls: Pair<Option<&'a str>>,
    /// Each side's clean text as segments with their marks (as the reader draws them).
    pub segments: Pair<Vec<(Range<usize>, Marks)>>,
    /// Each side's shared-quote markers, numbered as the reader numbers them.
    pub markers: Pair<Vec<QuoteMarker>>,
    /// Names and figures the two state differently.
    pub facts: FactsReport,
}

impl<'a> PairView<'a> {
    /// The view of `comparison` of `articles`, whose `report` the CLI built.
    #[must_use]
    pub fn new(
        articles: Pair<&'a Article>,
        comparison: &Comparison,
        report: &'a CompareReport<'a>,
        matching: &MatchOptions,
    ) -> Self {
        let layers = |side: Side| {
            let text = &articles[side].clean;
            superimpose(text.len(), &comparison_layers(comparison, side))
        };
        let two = [articles.left.clone(), articles.right.clone()];
        let facts = Analysed::new(&two, matching).facts();
        Self {
            report,
            urls: articles.map(|a| a.meta.url.as_deref()),
            segments: Pair::new(layers(Side::Left), layers(Side::Right)),
            markers: Pair::new(
                quote_markers(comparison, Side::Left),
                quote_markers(comparison, Side::Right),
            ),
            facts: FactsReport::new(&two, &facts),
        }
    }

    /// The source of a quote on `side`, credited to `speaker`.
    #[must_use]
    pub fn source(&self, side: Side, speaker: Option<&'a str>) -> Source<'_> {
        let article = &self.side(side).article;
        Source {
            speaker,
            outlet: &article.outlet,
            date: article.date.as_deref(),
            url: self.urls[side],
        }
    }

    /// One side's article and text.
    #[must_use]
    pub fn side(&self, side: Side) -> &super::report::ComparedArticle<'a> {
        match side {
            Side::Left => &self.report.left,
            Side::Right => &self.report.right,
        }
    }
}

/// A pair's disagreeing facts: names spelled differently and figures stated
/// differently, each with the outlets and sentences (the pair reports' section).
fn pair_facts(out: &mut String, format: Format, facts: &FactsReport) {
    let names = facts.names.iter().map(|name| {
        let outlets = |s: &SpellingText| markup::esc(format, &s.outlets.join(", "));
        format!("Spelled {}", markup::spellings(format, name, outlets))
    });
    let disputes = facts.disputes.iter().map(|d| {
        markup::dispute(format, d, |f| {
            markup::figure(format, f, &markup::esc(format, &f.outlet))
        })
    });
    markup::section(out, format, "Disagreeing facts", names.chain(disputes));
}

/// A pair report's summary line: `similarity 0.62 · 2 shared quotes · 30 words only
/// left, 12 only right · 3 written differently` (plain text, to escape).
fn pair_summary(report: &CompareReport<'_>) -> String {
    let mut summary = format!(
        "similarity {:.2} · {} · {} words only left, {} only right",
        report.similarity,
        crate::present::count(report.shared_quotes.len(), "shared quote"),
        report.deleted_words,
        report.inserted_words,
    );
    if report.near > 0 {
        let _ = write!(summary, " · {} written differently", report.near);
    }
    summary
}
