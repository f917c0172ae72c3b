//! `crosscheck matrix`: the similarity map as a serializable report, and its
//! plain rendering (a heat-map table for small corpora, then the top pairs).

use super::plain::{Paint, Painter};
use super::report::SpanText;
use crate::compare::corpus::Analysed;
use crate::compare::matrix::reuse::{ReusedPassage, Verdict};
use crate::compare::matrix::{Matrix, Method, TopPair};
use crate::corpus::Corpus;
use crate::present::{
    fit, heat_level, one_line, pad_end, pad_start, reuse_mark, short_names, width as columns,
};
use crate::sanitize::inert;
use crate::text::MatchOptions;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Most articles for which the JSON report carries the full similarity table.
pub const DENSE_LIMIT: usize = 50;

/// Most articles drawn as a heat-map table in plain output (above: top pairs only).
pub const HEATMAP_LIMIT: usize = 8;

/// Widest short outlet name labelling a heat-map row or column, in columns.
pub const SHORT_NAME_WIDTH: usize = 8;

/// Work time after which a progress bar appears on a terminal's stderr.
pub const PROGRESS_DELAY: Duration = Duration::from_millis(500);

/// Decimal places of similarities and shares in the report.
const DECIMALS: i32 = 4;

/// `crosscheck matrix` output.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixReport {
    /// The articles, in corpus order.
    pub articles: Vec<MatrixArticle>,
    /// How the scores were found (exact over all pairs, or MinHash candidates).
    pub method: Method,
    /// `similarity[a][b]` for 0-based positions (symmetric, 1 on the diagonal);
    /// only for corpora of at most [`DENSE_LIMIT`] articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<Vec<Vec<f64>>>,
    /// The most similar notable pairs, most similar first, with their reuse.
    pub top_pairs: Vec<TopPairReport>,
}

/// One article of the map.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixArticle {
    /// 1-based position in the corpus (as `compare` takes it).
    pub index: usize,
    /// Identifier (file stem or record id).
    pub id: String,
    /// Publishing outlet.
    pub outlet: String,
}

/// A pair of articles with its similarity and reuse.
#[derive(Debug, Clone, Serialize)]
pub struct TopPairReport {
    /// 1-based index of the first article.
    pub left: usize,
    /// 1-based index of the second article.
    pub right: usize,
    /// Their similarity, 0–1 (as `compare` gives it, spelling variants apart).
    pub similarity: f64,
    /// How much of each article is the other's text outside quotation marks.
    pub reuse: ReuseReport,
}

/// Wire-copy analysis of a pair.
#[derive(Debug, Clone, Serialize)]
pub struct ReuseReport {
    /// Share of the left article's unquoted words found in the right one, 0–1.
    pub left_share: f64,
    /// Share of the right article's unquoted words found in the left one, 0–1.
    pub right_share: f64,
    /// `derived`, `partly_derived` or `independent`, from the larger share.
    pub verdict: Verdict,
    /// The evidence: shared unquoted runs, in left-text order.
    pub passages: Vec<ReusedPassageReport>,
}

/// A reused run with its text on each side.
#[derive(Debug, Clone, Serialize)]
pub struct ReusedPassageReport {
    /// The run in the left article.
    pub left: SpanText,
    /// The run in the right article.
    pub right: SpanText,
    /// Number of words.
    pub words: usize,
}

impl MatrixReport {
    /// The report of `matrix`, computed over `corpus`'s clean texts.
    #[must_use]
    pub fn new(corpus: &Corpus, matrix: &Matrix) -> Self {
        let texts: Vec<&str> = corpus.articles.iter().map(|a| a.clean.as_str()).collect();
        Self {
            articles: corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| MatrixArticle {
                    index: i + 1,
                    id: a.id.clone(),
                    outlet: a.meta.outlet.clone(),
                })
                .collect(),
            method: matrix.method,
            similarity: (matrix.len <= DENSE_LIMIT).then(|| {
                matrix
                    .dense()
                    .into_iter()
                    .map(|row| row.into_iter().map(round).collect())
                    .collect()
            }),
            top_pairs: matrix
                .top
                .iter()
                .map(|t| TopPairReport::new(t, &texts))
                .collect(),
        }
    }
}

impl TopPairReport {
    fn new(top: &TopPair, texts: &[&str]) -> Self {
        let (l, r) = (top.score.left, top.score.right);
        let (lt, rt) = (
            texts.get(l).copied().unwrap_or_default(),
            texts.get(r).copied().unwrap_or_default(),
        );
        let passage = |p: &ReusedPassage| ReusedPassageReport {
            left: SpanText::new(lt, &p.spans.left),
            right: SpanText::new(rt, &p.spans.right),
            words: p.words,
        };
        Self {
            left: l + 1,
            right: r + 1,
            similarity: round(top.score.similarity),
            reuse: ReuseReport {
                left_share: round(top.reuse.shares.left),
                right_share: round(top.reuse.shares.right),
                verdict: top.reuse.verdict,
                passages: top.reuse.passages.iter().map(passage).collect(),
            },
        }
    }
}

fn round(x: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS);
    (x * scale).round() / scale
}

/// Computes the map of `corpus` and builds its report; with `progress` (stderr is
/// a terminal), a progress bar appears there once the work takes longer than
/// [`PROGRESS_DELAY`].
#[must_use]
pub fn build(corpus: &Corpus, matching: MatchOptions, progress: bool) -> MatrixReport {
    let bar = ProgressBar::hidden();
    if let Ok(style) = ProgressStyle::with_template("comparing articles {wide_bar} {percent:>3}%") {
        bar.set_style(style);
    }
    let shown = AtomicBool::new(false);
    let start = Instant::now();
    let analysed = Analysed::new(&corpus.articles, &matching);
    let matrix = analysed.matrix(|done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        if progress && start.elapsed() >= PROGRESS_DELAY && !shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    });
    bar.finish_and_clear();
    MatrixReport::new(corpus, &matrix)
}

/// The plain `matrix` output: a heat-map table when the corpus is small
/// enough to fit `width`, then the top pairs with their reuse verdicts.
#[must_use]
pub fn plain(report: &MatrixReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    let method = match report.method {
        Method::Exact => "all pairs",
        Method::MinHash => "MinHash candidates",
    };
    let head = format!(
        "Similarity map · {} articles · content overlap, {method}",
        report.articles.len()
    );
    painter.heading_line(&mut out, &head, width);
    let outlets: Vec<&str> = report.articles.iter().map(|a| a.outlet.as_str()).collect();
    let names = short_names(&outlets, SHORT_NAME_WIDTH);
    if let Some(table) = heat_map(report, &names, painter, width) {
        let _ = write!(out, "\n{table}");
        let legend = "* derived, + partly derived: reuses the other's text outside quotes";
        let _ = writeln!(out, "{}", painter.paint(Paint::Dim, &fit(legend, width)));
    }
    let _ = writeln!(out, "\n{}", painter.paint(Paint::Heading, "Top pairs"));
    if report.top_pairs.is_empty() {
        let _ = writeln!(out, "  (no notably similar pairs)");
    }
    for pair in &report.top_pairs {
        top_pair(&mut out, report, pair, painter, width);
    }
    out
}

/// The heat-map table, or `None` when the corpus is too large for it.
fn heat_map(
    report: &MatrixReport,
    names: &[String],
    painter: Painter,
    width: usize,
) -> Option<String> {
    let similarity = report.similarity.as_ref()?;
    let n = names.len();
    let col = names.iter().map(|s| columns(s)).max().unwrap_or(0).max(4);
    if n == 0 || n > HEATMAP_LIMIT || col + n * (col + 1) > width {
        return None;
    }
    let mut out = String::new();
    let _ = write!(out, "{:col$}", "");
    for name in names {
        let _ = write!(
            out,
            " {}",
            painter.paint(Paint::Heading, &pad_start(name, col))
        );
    }
    out.push('\n');
    for (a, row) in similarity.iter().enumerate() {
        let name = names.get(a).map_or("", String::as_str);
        let _ = write!(
            out,
            "{}",
            painter.paint(Paint::Heading, &pad_end(name, col))
        );
        for (b, &value) in row.iter().enumerate() {
            let verdict = report
                .top_pairs
                .iter()
                .find(|p| (p.left, p.right) == (a.min(b) + 1, a.max(b) + 1))
                .map(|p| p.reuse.verdict);
            let (text, paint) = cell(value, a == b, verdict);
            let _ = write!(out, " {}", painter.paint(paint, &pad_start(&text, col)));
        }
        out.push('\n');
    }
    Some(out)
}

/// A cell's text and paint: `—` on the diagonal, `·` for 0, else `.83`/`1.0`
/// followed by the reuse mark; painted by its level on the heat scale.
fn cell(value: f64, diagonal: bool, verdict: Option<Verdict>) -> (String, Paint) {
    if diagonal {
        return ("—".into(), Paint::Dim);
    }
    let hundredths = (value * 100.0).round();
    let number = if hundredths >= 100.0 {
        "1.0".to_string()
    } else if hundredths < 1.0 {
        "·".to_string()
    } else {
        format!(".{hundredths:02}")
    };
    (
        format!("{number}{}", reuse_mark(verdict)),
        Paint::Heat(heat_level(value)),
    )
}

/// One top pair: indices, similarity, verdict, shares and outlets, then its longest passage.
fn top_pair(
    out: &mut String,
    report: &MatrixReport,
    pair: &TopPairReport,
    painter: Painter,
    width: usize,
) {
    let name = |i: usize| {
        report
            .articles
            .get(i.wrapping_sub(1))
            .map_or_else(String::new, |a| inert(&a.outlet).into_owned())
    };
    let reuse = &pair.reuse;
    let verdict = reuse.verdict.label().replace('_', " ");
    let line = format!(
        "{:>3} ↔ {:<3} {:.2}  {:<14} reused {:>3.0}% / {:>3.0}%  {} ↔ {}",
        pair.left,
        pair.right,
        pair.similarity,
        verdict,
        reuse.left_share * 100.0,
        reuse.right_share * 100.0,
        name(pair.left),
        name(pair.right),
    );
    let paint = match reuse.verdict {
        Verdict::Derived => Paint::Alarm,
        Verdict::PartlyDerived => Paint::Warning,
        Verdict::Independent => Paint::Dim,
    };
    let _ = writeln!(out, "{}", painter.paint(paint, &fit(&line, width)));
    if reuse.verdict == Verdict::Independent {
        return;
    }
    if let Some(longest) = reuse.passages.iter().max_by_key(|p| p.words) {
        let text = format!(
            "{} passage{}; longest ({} words): “{}”",
            reuse.passages.len(),
            if reuse.passages.len() == 1 { "" } else { "s" },
            longest.words,
            one_line(&longest.left.text)
        );
        let _ = writeln!(
            out,
            "      {}",
            painter.paint(Paint::Dim, &fit(&text, width.saturating_sub(6)))
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_show_two_digits_and_the_reuse_mark() {
        assert_eq!(cell(0.834, false, Some(Verdict::Derived)).0, ".83*");
        assert_eq!(cell(0.05, false, Some(Verdict::PartlyDerived)).0, ".05+");
        assert_eq!(cell(0.999, false, None).0, "1.0 ");
        assert_eq!(cell(0.001, false, Some(Verdict::Independent)).0, "· ");
        assert_eq!(cell(1.0, true, None).0, "—");
    }
}
