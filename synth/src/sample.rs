//! Articles, pairs and corpora from the sentences of the bundled sample
//! ([`crosscheck::corpus::sample::SAMPLE`]), shuffled and lightly perturbed by a
//! seeded [`Rng`], so the same seed always gives the same text on every machine.
//! Long articles are the sample's sentences concatenated over and over; a pair is
//! an article and a rewrite of it (paragraphs dropped, moved, added, words
//! edited); a corpus is many stories, each covered by several outlets, every story
//! with its own vocabulary so quotes are shared within a story and not across.

use crate::Rng;
use crosscheck::corpus::{LoadOptions, load_paths};
use crosscheck::pair::Pair;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Percent of units (sentences) whose words are perturbed when writing an article.
pub const PERTURB_PERCENT: u64 = 20;
/// Percent of paragraphs a rewrite drops.
pub const DROP_PERCENT: u64 = 10;
/// Percent of paragraphs a rewrite moves a few places.
pub const MOVE_PERCENT: u64 = 10;
/// Percent of paragraphs after which a rewrite adds a new one.
pub const ADD_PERCENT: u64 = 10;
/// Most units in one paragraph.
pub const MAX_PARAGRAPH_UNITS: usize = 3;
/// Shortest word a story tag is appended to (shorter words stay shared across stories).
pub const TAGGED_WORD_CHARS: usize = 4;

/// A generator of articles, pairs and corpora from a pool of sentences.
#[derive(Debug, Clone)]
pub struct Synth {
    /// Distinct units: sentences, merged so no unit leaves a quotation open.
    units: Vec<String>,
}

impl Synth {
    /// A generator over the bundled sample's clean sentences.
    ///
    /// # Errors
    /// When the embedded sample cannot be loaded (never, for a correct build).
    pub fn from_sample() -> crosscheck::Result<Self> {
        let corpus = load_paths(&[], &LoadOptions::default())?;
        Ok(Self::from_texts(
            corpus.articles.iter().map(|a| a.clean.as_str()),
        ))
    }

    /// A generator over the sentences of `texts`.
    #[must_use]
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut seen = HashSet::new();
        let mut units = Vec::new();
        for text in texts {
            for unit in units_of(text) {
                if seen.insert(unit.clone()) {
                    units.push(unit);
                }
            }
        }
        Self { units }
    }

    /// An article of at least `words` words drawn again and again from the pool,
    /// without a fresh vocabulary: every sentence and quote recurs (a live blog, a
    /// digest of updates), in paragraphs of 1–[`MAX_PARAGRAPH_UNITS`] units.
    #[must_use]
    pub fn repetitive(&self, seed: u64, words: usize) -> String {
        let mut rng = Rng::new(seed);
        let mut paragraphs = Vec::new();
        let mut count = 0;
        while count < words && !self.units.is_empty() {
            let take = 1 + rng.below(MAX_PARAGRAPH_UNITS);
            let paragraph: Vec<&str> = (0..take)
                .map(|_| self.units[rng.below(self.units.len())].as_str())
                .collect();
            count += paragraph
                .iter()
                .map(|u| u.split_whitespace().count())
                .sum::<usize>();
            paragraphs.push(paragraph.join(" "));
        }
        paragraphs.join("\n\n")
    }

    /// Number of distinct units in the pool.
    #[must_use]
    pub fn units(&self) -> usize {
        self.units.len()
    }

    /// An article of at least `words` words: the pool shuffled, some units
    /// perturbed, concatenated (reshuffled each time the pool runs out), in
    /// paragraphs of 1–[`MAX_PARAGRAPH_UNITS`] units separated by blank lines.
    /// Each pass over the pool after the first gets its own vocabulary (a tag on
    /// longer words), so a long article reads like many stories, not one repeated:
    /// no paragraph or quote recurs.
    #[must_use]
    pub fn article(&self, seed: u64, words: usize) -> String {
        let mut rng = Rng::new(seed);
        let mut paragraphs = Vec::new();
        let mut count = 0;
        let mut order: Vec<usize> = Vec::new();
        let mut tag = String::new();
        let mut pass = 0u64;
        while count < words && !self.units.is_empty() {
            if order.is_empty() {
                order = (0..self.units.len()).collect();
                rng.shuffle(&mut order);
                if pass > 0 {
                    tag = story_tag(seed ^ pass.wrapping_mul(0x9E37_79B9));
                }
                pass += 1;
            }
            let take = (1 + rng.below(MAX_PARAGRAPH_UNITS)).min(order.len());
            let mut paragraph = Vec::with_capacity(take);
            for index in order.drain(..take) {
                let unit = tag_story(&self.units[index], &tag);
                let unit = if rng.percent(PERTURB_PERCENT) {
                    perturb(&unit, &mut rng)
                } else {
                    unit
                };
                count += unit.split_whitespace().count();
                paragraph.push(unit);
            }
            paragraphs.push(paragraph.join(" "));
        }
        paragraphs.join("\n\n")
    }

    /// Another outlet's version of `text`: paragraphs dropped, moved a few places,
    /// reworded and added from the pool, in about the same length.
    #[must_use]
    pub fn rewrite(&self, text: &str, seed: u64) -> String {
        let mut rng = Rng::new(seed);
        let mut out: Vec<String> = Vec::new();
        for paragraph in text.split("\n\n") {
            if rng.percent(DROP_PERCENT) {
                continue;
            }
            let kept = if rng.percent(PERTURB_PERCENT) {
                perturb(paragraph, &mut rng)
            } else {
                paragraph.to_string()
            };
            out.push(kept);
            if rng.percent(MOVE_PERCENT) && out.len() > 1 {
                let from = out.len() - 1;
                let to = from.saturating_sub(1 + rng.below(3));
                let moved = out.remove(from);
                out.insert(to, moved);
            }
            if rng.percent(ADD_PERCENT)
                && let Some(unit) = self.units.get(rng.below(self.units.len()))
            {
                out.push(unit.clone());
            }
        }
        out.join("\n\n")
    }

    /// A pair for comparison: an article of `words` words and a rewrite of it.
    #[must_use]
    pub fn pair(&self, seed: u64, words: usize) -> Pair<String> {
        let left = self.article(seed, words);
        let right = self.rewrite(&left, seed ^ 0x5EED);
        Pair::new(left, right)
    }

    /// `count` articles of about `words` words: stories of `outlets` articles each
    /// (a base article and rewrites of it), each story with its own vocabulary.
    #[must_use]
    pub fn corpus(&self, seed: u64, count: usize, words: usize, outlets: usize) -> Vec<String> {
        let outlets = outlets.max(1);
        let mut out = Vec::with_capacity(count);
        let mut story = 0u64;
        while out.len() < count {
            let story_seed = seed.wrapping_add(story.wrapping_mul(0x1_0000_0001));
            let base = tag_story(&self.article(story_seed, words), &story_tag(story_seed));
            for outlet in 0..outlets.min(count - out.len()) {
                out.push(self.rewrite(
                    &base,
                    story_seed ^ u64::try_from(outlet + 1).unwrap_or(u64::MAX),
                ));
            }
            story += 1;
        }
        out
    }
}

/// Writes `texts` as `00000.txt`, `00001.txt`, … into `dir` and returns the paths.
///
/// # Errors
/// File-system failures.
pub fn write_articles(dir: &Path, texts: &[String]) -> std::io::Result<Vec<PathBuf>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.join(format!("{i:05}.txt"));
            std::fs::write(&path, text)?;
            Ok(path)
        })
        .collect()
}

/// The sentences of `text`, merged so no unit leaves a quotation open.
pub(crate) fn units_of(text: &str) -> Vec<String> {
    let mut units = Vec::new();
    let mut open = String::new();
    for sentence in crosscheck::text::sentences(text) {
        let Some(s) = text.get(sentence.span) else {
            continue;
        };
        if !open.is_empty() {
            open.push(' ');
        }
        open.push_str(s);
        if quotes_balanced(&open) {
            units.push(std::mem::take(&mut open));
        }
    }
    if !open.is_empty() {
        units.push(open);
    }
    units
}

/// Whether every opening curly quote is closed and straight double quotes pair up.
fn quotes_balanced(s: &str) -> bool {
    let count = |c: char| s.chars().filter(|&x| x == c).count();
    count('“') <= count('”') && count('"') % 2 == 0
}

/// `text` with one word edit: two neighbours swapped, a word dropped, a digit changed,
/// or a word doubled (punctuation and spacing between other words kept).
pub(crate) fn perturb(text: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    if words.len() < 3 {
        return text.to_string();
    }
    let at = rng.below(words.len() - 1);
    match rng.below(4) {
        0 => words.swap(at, at + 1),
        1 => {
            words.remove(at);
        }
        2 => {
            let word = &mut words[at];
            *word = match word.char_indices().find(|(_, c)| c.is_ascii_digit()) {
                Some((i, c)) => {
                    let next = c.to_digit(10).map_or(0, |d| (d + 1) % 10);
                    format!("{}{next}{}", &word[..i], &word[i + 1..])
                }
                None => format!("{word} new"),
            };
        }
        _ => {
            let copy = words[at].clone();
            words.insert(at, copy);
        }
    }
    words.join(" ")
}

/// Four letters naming a story, from its seed.
pub(crate) fn story_tag(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    (0..4)
        .map(|_| char::from(b'a' + u8::try_from(rng.below(26)).unwrap_or(0)))
        .collect()
}

/// `text` with `tag` appended to every word of [`TAGGED_WORD_CHARS`] letters or more.
pub(crate) fn tag_story(text: &str, tag: &str) -> String {
    if tag.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut run = 0;
    for c in text.chars() {
        if c.is_alphabetic() {
            run += 1;
        } else {
            if run >= TAGGED_WORD_CHARS {
                out.push_str(tag);
            }
            run = 0;
        }
        out.push(c);
    }
    if run >= TAGGED_WORD_CHARS {
        out.push_str(tag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synth() -> Synth {
        Synth::from_sample().unwrap()
    }

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    #[test]
    fn same_seed_same_text_other_seed_other_text() {
        let s = synth();
        assert_eq!(s.article(7, 2_000), s.article(7, 2_000));
        assert_ne!(s.article(7, 2_000), s.article(8, 2_000));
        assert_eq!(s.pair(3, 1_500), s.pair(3, 1_500));
        assert_eq!(s.corpus(1, 12, 300, 4), s.corpus(1, 12, 300, 4));
    }

    #[test]
    fn long_articles_reach_the_requested_length_by_concatenation() {
        let s = synth();
        let text = s.article(1, 50_000);
        assert!(words(&text) >= 50_000);
        assert!(words(&text) < 50_000 + 500);
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        assert!(paragraphs.len() > s.units());
        let distinct: HashSet<&&str> = paragraphs.iter().collect();
        assert_eq!(distinct.len(), paragraphs.len(), "no paragraph repeats");
    }

    #[test]
    fn a_rewrite_is_similar_but_not_equal() {
        let s = synth();
        let pair = s.pair(5, 1_500);
        assert_ne!(pair.left, pair.right);
        let ratio = words(&pair.right) as f64 / words(&pair.left) as f64;
        assert!((0.7..1.3).contains(&ratio), "{ratio}");
        let shared = crosscheck::compare::compare_texts(
            pair.as_ref().map(String::as_str),
            &crosscheck::compare::CompareOptions::default(),
        );
        assert!(shared.similarity > 0.3, "{}", shared.similarity);
    }

    #[test]
    fn stories_share_quotes_within_and_not_across() {
        let s = synth();
        let texts = s.corpus(9, 6, 400, 3);
        assert_eq!(texts.len(), 6);
        let matching = crosscheck::text::MatchOptions::default();
        let docs: Vec<_> = texts
            .iter()
            .map(|t| crosscheck::compare::Document::new(t, &matching))
            .collect();
        let groups = crosscheck::compare::quotes::groups(&docs);
        assert!(!groups.is_empty());
        for group in &groups {
            let stories: HashSet<usize> = group.occurrences.iter().map(|o| o.article / 3).collect();
            assert_eq!(stories.len(), 1, "{}", group.text);
        }
    }

    #[test]
    fn units_never_leave_a_quote_open() {
        let s = Synth::from_texts(["He said “one. Two.” Then it ended. “Three.”"]);
        assert_eq!(s.units(), 3);
        assert!(s.units.iter().all(|u| quotes_balanced(u)));
    }

    #[test]
    fn written_articles_load_back() {
        let dir = tempfile::tempdir().unwrap();
        let texts = synth().corpus(2, 5, 200, 5);
        let paths = write_articles(dir.path(), &texts).unwrap();
        assert_eq!(paths.len(), 5);
        let corpus = load_paths(&[dir.path().to_path_buf()], &LoadOptions::default()).unwrap();
        assert_eq!(corpus.articles.len(), 5);
    }
}
