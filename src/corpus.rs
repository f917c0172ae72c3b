//! Articles and corpora: loading files, cleaning scraped text, and metadata.

pub mod cache;
pub mod clean;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod load;
pub mod meta;
pub mod outlets;
pub mod reports;
pub mod sample;

use serde::Serialize;
use std::ops::Range;

pub use load::{LoadOptions, Progress, load_file, load_paths, stream_paths, walk_reads};

/// Largest page or feed read, from disk or a URL, in bytes (a bigger one is no
/// article: skipped, not parsed for seconds).
pub const MAX_PAGE_BYTES: u64 = 10 << 20;

/// One article: the decoded text, its cleaned form, what cleaning removed, and metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Stable identifier: the file stem (or the `id` field of a JSON record).
    pub id: String,
    /// Where it came from, for messages (a path, `path#3` for JSON records, or `sample:…`).
    pub source: String,
    /// Outlet, title, date and URL, resolved with fallbacks.
    pub meta: Meta,
    /// The decoded text with line endings normalized to `\n` (the base of all removals):
    /// the whole file for text, the body after any front matter for Markdown, the
    /// `text`/`body`/`content` field for JSON records. A byte-order mark is not part of it.
    pub raw: String,
    /// `raw` with every [`Removal`] cut out; all spans elsewhere index into this.
    pub clean: String,
    /// What cleaning cut from `raw`, sorted by range, non-overlapping.
    pub removals: Vec<Removal>,
    /// Non-fatal problems met while loading (lossy decoding, …).
    pub warnings: Vec<String>,
}

/// Metadata of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The publishing outlet ("Bloomberg"); falls back to the id.
    pub outlet: String,
    /// The headline; falls back to the first words of the text.
    pub title: String,
    /// Publication date as given (ISO `YYYY-MM-DD` when known).
    pub date: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Authors, in byline order (empty when unknown).
    pub authors: Vec<String>,
}

/// A stretch of the raw text that cleaning removed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// Byte range in [`Article::raw`].
    pub range: Range<usize>,
    /// Why it was removed.
    pub reason: RemovalReason,
}

/// Why a stretch of text was removed by cleaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// Markdown image `![alt](url)` or a bare image URL.
    Image,
    /// Photo credit or caption line ("(Photographer: …)", "… via Getty Images").
    Credit,
    /// The headline at the top; it becomes the article's title.
    Title,
    /// A title line repeated in the body.
    DuplicateTitle,
    /// A later exact repeat of an earlier line or paragraph.
    Duplicate,
    /// Author byline or contributor line.
    Byline,
    /// "Updated:", timestamps, "0:00" media-player residue.
    Timestamp,
    /// Leading stray metadata such as `date 2025-02-12`.
    Metadata,
    /// Trailing donation, newsletter or subscription appeal.
    Appeal,
    /// Audio-player, generated-voice and cookie notices ("Listen to this article",
    /// "Voice is AI-generated", "We use cookies…").
    Notice,
    /// Site navigation, loading, sharing and advertising lines ("Skip to content",
    /// "• Loading...", breadcrumbs, "Image 1 of 12", "Related: …").
    Navigation,
    /// A trailing list of topic tags ("World News / United States / Troops").
    Tags,
    /// Redundant whitespace (blank-line runs, leading/trailing blank lines, trailing spaces).
    Whitespace,
}

impl RemovalReason {
    /// Short lowercase label, as in JSON (`image`, `duplicate_title`, …).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Credit => "credit",
            Self::Title => "title",
            Self::DuplicateTitle => "duplicate_title",
            Self::Duplicate => "duplicate",
            Self::Byline => "byline",
            Self::Timestamp => "timestamp",
            Self::Metadata => "metadata",
            Self::Appeal => "appeal",
            Self::Notice => "notice",
            Self::Navigation => "navigation",
            Self::Tags => "tags",
            Self::Whitespace => "whitespace",
        }
    }
}

/// A stretch of the raw text, either kept in the clean text or removed by cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment<'a> {
    /// Byte range in [`Article::raw`].
    pub range: Range<usize>,
    /// The raw text of the range.
    pub text: &'a str,
    /// `None` when kept; the reason when removed.
    pub removed: Option<RemovalReason>,
}

/// Splits `raw` into interleaved kept and removed segments, in order, covering all of it.
///
/// `removals` must be sorted and non-overlapping (as [`clean::clean`] returns them);
/// ranges outside `raw` or off char boundaries are ignored rather than panicking.
#[must_use]
pub fn segments<'a>(raw: &'a str, removals: &[Removal]) -> Vec<Segment<'a>> {
    let mut out = Vec::with_capacity(removals.len() * 2 + 1);
    let mut at = 0;
    let mut push = |range: Range<usize>, removed| {
        if let Some(text) = raw.get(range.clone()).filter(|t| !t.is_empty()) {
            out.push(Segment {
                range,
                text,
                removed,
            });
        }
    };
    for removal in removals {
        let Range { start, end } = removal.range;
        if start < at
            || end > raw.len()
            || !raw.is_char_boundary(start)
            || !raw.is_char_boundary(end)
        {
            continue;
        }
        push(at..start, None);
        push(start..end, Some(removal.reason));
        at = end;
    }
    push(at..raw.len(), None);
    out
}

impl Article {
    /// Number of words in the clean text.
    #[must_use]
    pub fn word_count(&self) -> usize {
        crate::text::tokenize::word_count(&self.clean)
    }

    /// The raw text as interleaved kept/removed segments (for a raw view or
    /// `list --show-removed`); the kept segments concatenate to [`Article::clean`].
    #[must_use]
    pub fn segments(&self) -> Vec<Segment<'_>> {
        segments(&self.raw, &self.removals)
    }

    /// Maps a byte offset in [`Article::clean`] to the same position in [`Article::raw`].
    #[must_use]
    pub fn raw_offset(&self, clean_offset: usize) -> usize {
        let mut shift = 0;
        for removal in &self.removals {
            if removal.range.start > clean_offset + shift {
                break;
            }
            shift += removal.range.len();
        }
        (clean_offset + shift).min(self.raw.len())
    }

    /// Total bytes removed by cleaning.
    #[must_use]
    pub fn removed_bytes(&self) -> usize {
        self.removals.iter().map(|r| r.range.len()).sum()
    }
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file's path as given or found.
    pub path: String,
    /// One line saying why it was skipped.
    pub reason: String,
}

/// The articles loaded from the user's paths, plus what was skipped.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Corpus {
    /// Loaded articles, in path order.
    pub articles: Vec<Article>,
    /// Files that were passed over, with reasons.
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// Finds an article by 1-based index, id (file stem), source path or URL.
    ///
    /// # Errors
    /// [`crate::Error::UnknownArticle`] when nothing matches.
    pub fn resolve(&self, reference: &str) -> crate::Result<usize> {
        if let Ok(n) = reference.parse::<usize>()
            && (1..=self.articles.len()).contains(&n)
        {
            return Ok(n - 1);
        }
        let by = |f: &dyn Fn(&Article) -> bool| self.articles.iter().position(f);
        by(&|a| a.id == reference)
            .or_else(|| by(&|a| a.source == reference))
            .or_else(|| by(&|a| a.meta.url.as_deref() == Some(reference)))
            .or_else(|| {
                let want = std::path::Path::new(reference).canonicalize().ok()?;
                by(
                    &|a| {
                        std::path::Path::new(&a.source).canonicalize().ok().as_ref() == Some(&want)
                    },
                )
            })
            .ok_or_else(|| crate::Error::UnknownArticle(reference.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(raw: &str) -> Article {
        let (clean, removals) = clean::clean(raw, &clean::CleanOptions::default());
        Article {
            id: "t".into(),
            source: "t".into(),
            meta: Meta::default(),
            raw: raw.into(),
            clean,
            removals,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn segments_interleave_kept_and_removed() {
        let a = article(
            "Storm Hits the Coast Hard\nWinds rose ![x](y.png) overnight.\n0:00\nRain fell.",
        );
        let parts: Vec<(Option<RemovalReason>, &str)> =
            a.segments().iter().map(|s| (s.removed, s.text)).collect();
        assert_eq!(
            parts,
            [
                (Some(RemovalReason::Title), "Storm Hits the Coast Hard\n"),
                (None, "Winds rose "),
                (Some(RemovalReason::Image), "![x](y.png) "),
                (None, "overnight.\n"),
                (Some(RemovalReason::Timestamp), "0:00\n"),
                (None, "Rain fell."),
            ]
        );
        assert_eq!(a.clean, "Winds rose overnight.\nRain fell.");
    }

    #[test]
    fn raw_offset_maps_clean_positions() {
        let a = article("Storm Hits the Coast Hard\nWinds rose.\n0:00\nRain fell.");
        for (i, _) in a.clean.char_indices() {
            let raw = a.raw_offset(i);
            assert_eq!(a.raw[raw..].chars().next(), a.clean[i..].chars().next());
        }
        assert_eq!(a.raw_offset(a.clean.len()), a.raw.len());
    }
}
