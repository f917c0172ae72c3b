//! News-like pairs for measuring a pair compare against `git diff --word-diff`:
//! real prose (the project's own invented test articles, cycled with a fresh
//! vocabulary per pass) or the sample's sentences drawn again and again, each with a
//! copy that rewrites a fifth of its sentences and moves a tenth elsewhere.

use crate::sample::{perturb, story_tag, tag_story, units_of};
use crate::{Rng, Synth};
use crosscheck::pair::Pair;

/// The invented articles of `tests/fixtures` (not the hostile ones): about 2,000 words
/// of news prose with quotes, datelines, bylines and several outlets per story.
pub const ARTICLES: [&str; ARTICLE_COUNT] = [
    include_str!("../../tests/fixtures/articles/newsletter.txt"),
    include_str!("../../tests/fixtures/articles/wire.txt"),
    include_str!("../../tests/fixtures/compare/council_a.txt"),
    include_str!("../../tests/fixtures/compare/council_b.txt"),
    include_str!("../../tests/fixtures/facts/deal/a_ledger.txt"),
    include_str!("../../tests/fixtures/facts/deal/b_times.txt"),
    include_str!("../../tests/fixtures/facts/flood/a_gazette.txt"),
    include_str!("../../tests/fixtures/facts/flood/b_herald.txt"),
    include_str!("../../tests/fixtures/facts/flood/c_wire.txt"),
    include_str!("../../tests/fixtures/matrix/coastal.txt"),
    include_str!("../../tests/fixtures/matrix/gazette.txt"),
    include_str!("../../tests/fixtures/matrix/northwire.txt"),
    include_str!("../../tests/fixtures/matrix/valley.txt"),
    include_str!("../../tests/fixtures/quotes/gazette.txt"),
    include_str!("../../tests/fixtures/quotes/herald.txt"),
    include_str!("../../tests/fixtures/tracker/1_ledger.txt"),
    include_str!("../../tests/fixtures/tracker/2_courier.txt"),
    include_str!("../../tests/fixtures/tracker/3_times.txt"),
    include_str!("../../tests/fixtures/tracker/4_wire.txt"),
    include_str!("../../tests/fixtures/tui/commuter_brief.txt"),
    include_str!("../../tests/fixtures/tui/harbor_gazette.txt"),
    include_str!("../../tests/fixtures/tui/river_post.txt"),
];
/// Number of [`ARTICLES`].
pub const ARTICLE_COUNT: usize = 22;

/// Percent of sentences the copy rewrites.
pub const REWRITE_PERCENT: u64 = 20;
/// Percent of sentences the copy moves to another paragraph.
pub const MOVE_PERCENT: u64 = 10;
/// Farthest a moved sentence goes, in paragraphs either way.
pub const MOVE_PARAGRAPHS: usize = 5;
/// Most word edits in one rewritten sentence.
pub const MAX_EDITS: usize = 3;

/// Prose of at least `words` words: the [`ARTICLES`] in a seeded order, again and
/// again, each pass after the first with its own vocabulary (a tag on longer words),
/// so no paragraph recurs.
#[must_use]
pub fn article(seed: u64, words: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut count = 0;
    let mut pass = 0u64;
    while count < words {
        let tag = if pass == 0 {
            String::new()
        } else {
            story_tag(seed ^ pass.wrapping_mul(0x9E37_79B9))
        };
        let mut order: Vec<usize> = (0..ARTICLES.len()).collect();
        rng.shuffle(&mut order);
        for paragraph in order.iter().flat_map(|&i| paragraphs_of(ARTICLES[i])) {
            if count >= words {
                break;
            }
            let paragraph = tag_story(&paragraph, &tag);
            count += paragraph.split_whitespace().count();
            paragraphs.push(paragraph);
        }
        pass += 1;
    }
    paragraphs.join("\n\n")
}

/// Another outlet's copy of `text`: [`REWRITE_PERCENT`] of its sentences get
/// 1–[`MAX_EDITS`] word edits, [`MOVE_PERCENT`] move into a paragraph up to
/// [`MOVE_PARAGRAPHS`] away; paragraphs stay in order.
#[must_use]
pub fn rewrite(text: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut paragraphs: Vec<Vec<String>> = text.split("\n\n").map(units_of).collect();
    let mut moved = Vec::new();
    let last = paragraphs.len().saturating_sub(1);
    for (index, paragraph) in paragraphs.iter_mut().enumerate() {
        let mut kept = Vec::with_capacity(paragraph.len());
        for mut unit in paragraph.drain(..) {
            if rng.percent(REWRITE_PERCENT) {
                for _ in 0..=rng.below(MAX_EDITS) {
                    unit = perturb(&unit, &mut rng);
                }
            }
            if rng.percent(MOVE_PERCENT) {
                let low = index.saturating_sub(MOVE_PARAGRAPHS);
                let high = (index + MOVE_PARAGRAPHS).min(last);
                moved.push((low + rng.below(high - low + 1), unit));
            } else {
                kept.push(unit);
            }
        }
        *paragraph = kept;
    }
    for (to, unit) in moved {
        let paragraph = &mut paragraphs[to];
        let at = rng.below(paragraph.len() + 1);
        paragraph.insert(at, unit);
    }
    paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Real prose: an [`article`] of `words` words and its [`rewrite`].
#[must_use]
pub fn pair(seed: u64, words: usize) -> Pair<String> {
    let left = article(seed, words);
    let right = rewrite(&left, seed ^ 0x5EED);
    Pair::new(left, right)
}

/// Repetitive prose: `synth`'s sentences drawn again and again
/// ([`Synth::repetitive`], so every quote recurs) and the same kind of [`rewrite`].
#[must_use]
pub fn repetitive_pair(synth: &Synth, seed: u64, words: usize) -> Pair<String> {
    let left = synth.repetitive(seed, words);
    let right = rewrite(&left, seed ^ 0x5EED);
    Pair::new(left, right)
}

/// The paragraphs of a fixture article (blank-line separated), each on one line.
fn paragraphs_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> usize {
        s.split_whitespace().count()
    }

    #[test]
    fn pairs_are_reproducible_and_of_the_asked_length() {
        assert_eq!(pair(4, 3_000), pair(4, 3_000));
        assert_ne!(pair(4, 3_000), pair(5, 3_000));
        let p = pair(4, 5_000);
        assert!(
            (5_000..5_300).contains(&words(&p.left)),
            "{}",
            words(&p.left)
        );
        let ratio = words(&p.right) as f64 / words(&p.left) as f64;
        assert!((0.9..1.2).contains(&ratio), "{ratio}");
    }

    #[test]
    fn later_passes_have_their_own_vocabulary() {
        let text = article(1, 5_000);
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let distinct: std::collections::HashSet<&&str> = paragraphs.iter().collect();
        // Outlets of one story share a few paragraphs; passes share none.
        assert!(
            distinct.len() * 10 >= paragraphs.len() * 9,
            "{} of {}",
            distinct.len(),
            paragraphs.len()
        );
    }

    #[test]
    fn a_rewrite_edits_and_moves_about_the_promised_shares() {
        let left = article(2, 10_000);
        let right = rewrite(&left, 3);
        let units = |t: &str| -> Vec<String> { t.split("\n\n").flat_map(units_of).collect() };
        let (a, b) = (units(&left), units(&right));
        // Edits and moves may join or part a few sentences, never lose many.
        assert!(
            a.len().abs_diff(b.len()) * 20 < a.len(),
            "{} vs {}",
            a.len(),
            b.len()
        );
        let unchanged: std::collections::HashSet<&String> = a.iter().collect();
        let edited = b.iter().filter(|u| !unchanged.contains(u)).count();
        let share = edited as f64 / b.len() as f64;
        assert!((0.12..0.25).contains(&share), "{share}");
        let in_place = a.iter().zip(&b).filter(|(x, y)| x == y).count();
        assert!(in_place < a.len() * 9 / 10, "some sentences move");
    }

    #[test]
    fn a_repetitive_pair_repeats_its_sentences() {
        let synth = Synth::from_sample().unwrap();
        let p = repetitive_pair(&synth, 1, 20_000);
        let units: Vec<String> = p.left.split("\n\n").flat_map(units_of).collect();
        let distinct: std::collections::HashSet<&String> = units.iter().collect();
        assert!(
            distinct.len() * 3 < units.len(),
            "{} of {}",
            distinct.len(),
            units.len()
        );
        assert!(distinct.len() <= synth.units());
    }
}
