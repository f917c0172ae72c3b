//! Cleaning scraped article text. Every removal is recorded with its byte range in the
//! raw text and a reason, so `clean` = `raw` minus the removals, exactly.
//!
//! Cleaning works line by line: whole-line rules (credits, bylines, stamps, headline,
//! duplicates, trailing appeals, blank-line runs) and inline rules (markdown images,
//! leading stray metadata, trailing spaces). It errs on the side of keeping text.

mod normal;
mod patterns;

pub use patterns::{find_iso_date, find_written_date, headline_text, is_lone_name, is_name_list};

use normal::{normalize, normalized};
use patterns::Probe;

use super::{Removal, RemovalReason};
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;
use std::ops::Range;

/// Non-blank lines from the top in which bylines and name lines are looked for.
const TOP_WINDOW_LINES: usize = 10;
/// A trailing appeal must start within this many non-blank lines of the end…
const APPEAL_MAX_LINES: usize = 12;
/// …and after this share of the article's non-blank lines.
const APPEAL_MIN_POSITION: f64 = 0.5;
/// Fewest lines of a trailing tag list without a "Tags" label.
const MIN_TAG_LINES: usize = 3;
/// Shortest line (in chars, whitespace-normalized) removed as a repeat of an earlier one.
const MIN_DUPLICATE_CHARS: usize = 20;
/// Fewest lines running on into the next for a text to count as hard-wrapped…
const MIN_WRAPPED_LINES: usize = 3;
/// …at a width of at most this many characters (wider: one paragraph a line).
const MAX_WRAP_WIDTH: usize = 100;
/// What a line ends with when it ends a sentence, not a wrapped one.
const SENTENCE_ENDS: [char; 9] = ['.', '!', '?', ':', '”', '"', '’', '\'', '…'];

/// Options for cleaning.
#[derive(Debug, Clone, Default)]
pub struct CleanOptions {}

/// Returns the clean text and the removals that produced it from `raw`.
#[must_use]
pub fn clean(raw: &str, options: &CleanOptions) -> (String, Vec<Removal>) {
    clean_titled(raw, options, None)
}

/// Like [`clean`], also removing lines that repeat `known_title` (from a manifest or
/// front matter).
#[must_use]
pub fn clean_titled(
    raw: &str,
    _options: &CleanOptions,
    known_title: Option<&str>,
) -> (String, Vec<Removal>) {
    let mut doc = Doc::new(raw, known_title);
    doc.leading_metadata();
    doc.line_rules();
    doc.lone_names();
    // Again below navigation and bylines just removed: `date 2025-02-12` may open
    // the first line of text under them.
    doc.leading_metadata();
    // Tags first: an appeal above them is then near enough to the end.
    doc.trailing_tags();
    doc.trailing_appeal();
    doc.headline_and_duplicates();
    doc.whitespace();
    let removals = doc.removals();
    (cut(raw, &removals), removals)
}

/// `raw` with `removals` (sorted, non-overlapping) cut out.
fn cut(raw: &str, removals: &[Removal]) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut at = 0;
    for r in removals {
        out.push_str(raw.get(at..r.range.start).unwrap_or(""));
        at = r.range.end;
    }
    out.push_str(raw.get(at..).unwrap_or(""));
    out
}

/// One line of the raw text.
struct Line {
    /// Content range, without the newline.
    text: Range<usize>,
    /// Whether the content is only whitespace.
    blank: bool,
    /// Whether the content is known to hold no whitespace but single spaces.
    plain: bool,
    /// Whole-line removal (content and newline).
    removed: Option<RemovalReason>,
    /// Inline removals inside a kept line, sorted.
    inline: Vec<(Range<usize>, RemovalReason)>,
}

/// The raw text split into lines with their cleaning decisions.
struct Doc<'a> {
    raw: &'a str,
    lines: Vec<Line>,
    /// The whitespace-normalized title known from metadata, if any.
    known_title: Option<String>,
}

impl<'a> Doc<'a> {
    fn new(raw: &'a str, known_title: Option<&str>) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in raw.split_inclusive('\n') {
            let content = piece.trim_end_matches('\n');
            let end = start + content.len();
            lines.push(Line {
                text: start..end,
                blank: content.trim().is_empty(),
                plain: false,
                removed: None,
                inline: Vec::new(),
            });
            start += piece.len();
        }
        let known_title = known_title
            .map(|t| normalize(patterns::headline_text(t)))
            .filter(|t| !t.is_empty());
        Self {
            raw,
            lines,
            known_title,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.raw.get(self.lines[i].text.clone()).unwrap_or("")
    }

    /// Indices of lines that are kept and not blank.
    fn content_lines(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| self.lines[i].removed.is_none() && !self.lines[i].blank)
            .collect()
    }

    /// Strips `key: value` residue from the very start (whole lines or a line prefix).
    fn leading_metadata(&mut self) {
        for i in self.content_lines() {
            if !self.lines[i].inline.is_empty() {
                return;
            }
            let line = self.text(i);
            let len = patterns::leading_metadata_len(line);
            if len == 0 {
                return;
            }
            if line[len..].trim().is_empty() {
                self.lines[i].removed = Some(RemovalReason::Metadata);
            } else {
                let start = self.lines[i].text.start;
                self.lines[i]
                    .inline
                    .push((start..start + len, RemovalReason::Metadata));
                return;
            }
        }
    }

    /// Whole-line credit, byline, stamp and image rules, and inline images.
    /// Lines equal to the known title are left to [`Doc::headline_and_duplicates`].
    fn line_rules(&mut self) {
        let mut buffer = String::new();
        for i in self.content_lines() {
            let line = self.text(i);
            let p = Probe::new(line, &mut buffer);
            self.lines[i].plain = p.plain();
            if self.is_known_title(line) {
                continue;
            }
            let start = self.lines[i].text.start;
            let images: Vec<Range<usize>> = if p.may_hold_image() {
                patterns::images(line)
                    .into_iter()
                    .map(|r| start + r.start..start + r.end)
                    .collect()
            } else {
                Vec::new()
            };
            let image_only = !images.is_empty() && {
                let mut rest = String::new();
                let mut at = start;
                for r in &images {
                    rest.push_str(self.raw.get(at..r.start).unwrap_or(""));
                    at = r.end;
                }
                rest.push_str(self.raw.get(at..self.lines[i].text.end).unwrap_or(""));
                rest.trim().is_empty()
            };
            // Each rule behind its gate: most lines of prose open none.
            let reason = if image_only || patterns::is_image_url(line) {
                Some(RemovalReason::Image)
            } else if p.credit() && patterns::is_credit(line) {
                Some(RemovalReason::Credit)
            } else if p.timestamp() && patterns::is_timestamp(line) {
                Some(RemovalReason::Timestamp)
            } else if p.byline() && patterns::is_byline(line) {
                Some(RemovalReason::Byline)
            } else if (p.notice() && patterns::is_notice(line))
                || (p.consent() && patterns::is_consent(line))
            {
                Some(RemovalReason::Notice)
            } else if p.navigation() && patterns::is_navigation(line) {
                Some(RemovalReason::Navigation)
            } else if p.stamp_line() && patterns::is_stamp_line(line) {
                Some(RemovalReason::Timestamp)
            } else {
                None
            };
            let l = &mut self.lines[i];
            l.removed = reason;
            if reason.is_none() {
                let raw = self.raw;
                // Between two spaces, the image takes one of them along.
                let spaced = |r: &Range<usize>| {
                    raw[..r.start].ends_with(' ') && raw[r.end..].starts_with(' ')
                };
                l.inline.extend(images.into_iter().map(|r| {
                    let end = r.end + usize::from(spaced(&r));
                    (r.start..end, RemovalReason::Image)
                }));
            }
        }
    }

    /// A lone personal name near the top is a byline when it sits in top matter: next
    /// to the first line or to a line already removed (a credit, a stamp, …). A list
    /// of names ("Anna Betts and Marina Dunbar in New York") is one anywhere there,
    /// even first: it is no headline.
    fn lone_names(&mut self) {
        let top: Vec<usize> = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, line)| !line.blank)
            .map(|(i, _)| i)
            .take(TOP_WINDOW_LINES)
            .collect();
        let first_kept = top
            .iter()
            .copied()
            .find(|&i| self.lines[i].removed.is_none());
        for (k, &i) in top.iter().enumerate() {
            let neighbours = [k.checked_sub(1).map(|p| top[p]), top.get(k + 1).copied()];
            let in_top_matter = neighbours
                .into_iter()
                .flatten()
                .any(|n| self.lines[n].removed.is_some() || Some(n) == first_kept);
            let line = self.text(i);
            let lone = Some(i) != first_kept && in_top_matter && patterns::is_lone_name(line);
            if self.lines[i].removed.is_none()
                && !self.is_known_title(line)
                && (lone || patterns::is_name_list(line))
            {
                self.lines[i].removed = Some(RemovalReason::Byline);
            }
        }
    }

    /// Removes a donation/newsletter/subscription block running to the end.
    fn trailing_appeal(&mut self) {
        let content = self.content_lines();
        let min_rank = content.len().saturating_sub(APPEAL_MAX_LINES);
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "the rank of a line: positive and below the line count"
        )]
        let min_rank = min_rank.max((content.len() as f64 * APPEAL_MIN_POSITION).ceil() as usize);
        let trigger = content
            .iter()
            .skip(min_rank)
            .find(|&&i| patterns::is_appeal_trigger(self.text(i)));
        if let Some(&first) = trigger {
            // Lines already removed for another reason (tags below it) keep it.
            for line in &mut self.lines[first..] {
                if line.removed.is_none() {
                    line.removed = Some(RemovalReason::Appeal);
                    line.inline.clear();
                }
            }
        }
    }

    /// Removes a run of tag lines at the end ("World News", "United States",
    /// "Troops"): three or more, or any after a "Tags"/"Topics" label.
    fn trailing_tags(&mut self) {
        // Tag lines of several items may already be removed as navigation.
        let content: Vec<usize> = (0..self.lines.len())
            .filter(|&i| {
                matches!(
                    self.lines[i].removed,
                    None | Some(RemovalReason::Navigation)
                ) && !self.lines[i].blank
            })
            .collect();
        let min_rank = content.len() / 2;
        let mut run = 0;
        let mut labelled = false;
        for &i in content.iter().skip(min_rank).rev() {
            let line = self.text(i);
            if patterns::is_tag_label(line) {
                labelled = true;
                run += 1;
                break;
            }
            if !patterns::is_tag_line(line) {
                break;
            }
            run += 1;
        }
        let enough = run >= MIN_TAG_LINES || (labelled && run >= 2);
        if !enough {
            return;
        }
        for &i in &content[content.len() - run..] {
            self.lines[i].removed = Some(RemovalReason::Tags);
            self.lines[i].inline.clear();
        }
    }

    /// The headline at the top becomes [`RemovalReason::Title`] (below a section label
    /// such as "Local News", which goes as navigation); later repeats of it or of any
    /// earlier line are removed.
    fn headline_and_duplicates(&mut self) {
        let content = self.content_lines();
        let mut title = None;
        let headline = |i: usize| patterns::is_headline(&self.kept_text(i)) && !self.runs_on(i);
        let (label, first) = match content[..] {
            [label, second, _, ..]
                if patterns::is_section_label(&self.kept_text(label))
                    && !self.is_known_title(&self.kept_text(label))
                    && headline(second) =>
            {
                (Some(label), Some(second))
            }
            [first, _, ..] => (None, Some(first)),
            _ => (None, None),
        };
        if let Some(first) = first {
            let text = self.kept_text(first);
            if self.is_known_title(&text) || headline(first) {
                title = Some(self.line_key(first));
                self.lines[first].removed = Some(RemovalReason::Title);
                if let Some(label) = label {
                    self.lines[label].removed = Some(RemovalReason::Navigation);
                }
            }
        }
        // Hash of each distinct line → its first line; texts are compared on a hit, so
        // no second copy of the article is held.
        let mut seen: HashMap<u64, usize> = HashMap::with_capacity(content.len());
        let hasher = foldhash::fast::RandomState::default();
        for &i in &content {
            if self.lines[i].removed.is_some() {
                continue;
            }
            let key = self.line_key(i);
            if title.as_deref() == Some(&*key) || self.known_title.as_deref() == Some(&*key) {
                self.lines[i].removed = Some(RemovalReason::DuplicateTitle);
                continue;
            }
            match seen.entry(hasher.hash_one(&key)) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                Entry::Occupied(first) => {
                    let long = key.chars().count() >= MIN_DUPLICATE_CHARS;
                    if long && self.line_key(*first.get()) == key {
                        self.lines[i].removed = Some(RemovalReason::Duplicate);
                    }
                }
            }
        }
    }

    /// Whether line `i` runs on into the line just below it, as hard-wrapped prose
    /// does: the next line continues a sentence (starts in lower case), or the text is
    /// wrapped at a width and line `i` fills it.
    fn runs_on(&self, i: usize) -> bool {
        let next = i + 1;
        if self.lines.get(next).is_none_or(|l| l.removed.is_some()) {
            return false;
        }
        let below = self.text(next).trim_start();
        if below.is_empty() {
            return false;
        }
        if below.starts_with(char::is_lowercase) {
            return true;
        }
        self.wrap_width(i)
            .is_some_and(|width| self.text(i).trim_end().chars().count() * 4 >= width * 3)
    }

    /// The width the text is hard-wrapped at, if it is: the widest of the kept lines
    /// other than `except` that break mid-sentence (no sentence end, another line just
    /// below), when there are [`MIN_WRAPPED_LINES`] of them and the widest is no wider
    /// than [`MAX_WRAP_WIDTH`].
    fn wrap_width(&self, except: usize) -> Option<usize> {
        let content = |k: usize| self.lines[k].removed.is_none() && !self.text(k).trim().is_empty();
        let widths: Vec<usize> = (0..self.lines.len().saturating_sub(1))
            .filter(|&i| i != except && content(i) && content(i + 1))
            .map(|i| self.text(i).trim_end())
            .filter(|line| !line.ends_with(SENTENCE_ENDS))
            .map(|line| line.chars().count())
            .collect();
        let widest = widths.iter().copied().max()?;
        (widths.len() >= MIN_WRAPPED_LINES && widest <= MAX_WRAP_WIDTH).then_some(widest)
    }

    /// A line's text for duplicate detection: kept text, heading marks and
    /// whitespace runs normalized (borrowed from the raw text when it already is).
    fn line_key(&self, i: usize) -> Cow<'a, str> {
        match self.kept_text(i) {
            Cow::Borrowed(text) if self.lines[i].plain => {
                Cow::Borrowed(patterns::headline_text(text))
            }
            Cow::Borrowed(text) => normalized(patterns::headline_text(text)),
            Cow::Owned(text) => Cow::Owned(normalize(patterns::headline_text(&text))),
        }
    }

    fn is_known_title(&self, line: &str) -> bool {
        self.known_title
            .as_ref()
            .is_some_and(|t| *t == normalized(patterns::headline_text(line)))
    }

    /// The line's text without its inline removals (borrowed when it has none).
    fn kept_text(&self, i: usize) -> Cow<'a, str> {
        let line = &self.lines[i];
        if line.inline.is_empty() {
            return Cow::Borrowed(self.text(i));
        }
        let mut out = String::new();
        let mut at = line.text.start;
        for (r, _) in &line.inline {
            out.push_str(self.raw.get(at..r.start).unwrap_or(""));
            at = r.end;
        }
        out.push_str(self.raw.get(at..line.text.end).unwrap_or(""));
        Cow::Owned(out)
    }

    /// Collapses blank-line runs, drops leading/trailing blank lines and trailing spaces.
    fn whitespace(&mut self) {
        let last_content = self.content_lines().last().copied();
        let mut seen_text = false;
        let mut previous_blank = false;
        for i in 0..self.lines.len() {
            if self.lines[i].removed.is_some() {
                continue;
            }
            let kept = self.kept_text(i);
            let blank = kept.trim().is_empty();
            if blank && (!seen_text || previous_blank || last_content.is_none_or(|l| i > l)) {
                self.lines[i].removed = Some(RemovalReason::Whitespace);
                continue;
            }
            self.trim_line_end(i);
            previous_blank = blank;
            seen_text = true;
        }
    }

    /// Records trailing whitespace of a kept line (skipping its inline removals).
    fn trim_line_end(&mut self, i: usize) {
        let line = &self.lines[i];
        let mut end = line.text.end;
        let mut cut = Vec::new();
        loop {
            let seg_start = line
                .inline
                .iter()
                .rev()
                .find(|(r, _)| r.end <= end)
                .map_or(line.text.start, |(r, _)| r.end);
            let segment = self.raw.get(seg_start..end).unwrap_or("");
            let trimmed = seg_start + segment.trim_end().len();
            if trimmed < end {
                cut.push(trimmed..end);
            }
            if trimmed > seg_start || seg_start == line.text.start {
                break;
            }
            let Some((r, _)) = line.inline.iter().rev().find(|(r, _)| r.end == seg_start) else {
                break;
            };
            end = r.start;
        }
        let line = &mut self.lines[i];
        line.inline
            .extend(cut.into_iter().map(|r| (r, RemovalReason::Whitespace)));
        line.inline.sort_by_key(|(r, _)| r.start);
    }

    /// All removals, sorted, with touching ranges of the same reason merged.
    fn removals(&self) -> Vec<Removal> {
        let mut out: Vec<Removal> = Vec::new();
        let mut push = |range: Range<usize>, reason: RemovalReason| {
            if range.is_empty() {
                return;
            }
            match out.last_mut() {
                Some(last) if last.reason == reason && last.range.end == range.start => {
                    last.range.end = range.end;
                }
                _ => out.push(Removal { range, reason }),
            }
        };
        for (i, line) in self.lines.iter().enumerate() {
            match line.removed {
                Some(reason) => {
                    let end = self
                        .lines
                        .get(i + 1)
                        .map_or(self.raw.len(), |n| n.text.start);
                    // Leading metadata stays its own removal ("date 2025-02-12 " before
                    // a headline), so the title does not start with it.
                    let prefix = line
                        .inline
                        .iter()
                        .take_while(|(r, why)| {
                            *why == RemovalReason::Metadata && r.start == line.text.start
                        })
                        .map(|(r, _)| r.end)
                        .last();
                    match prefix {
                        Some(cut) if reason == RemovalReason::Title => {
                            push(line.text.start..cut, RemovalReason::Metadata);
                            push(cut..end, reason);
                        }
                        _ => push(line.text.start..end, reason),
                    }
                }
                None => {
                    for (range, reason) in &line.inline {
                        push(range.clone(), *reason);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
