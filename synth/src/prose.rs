//! Prose in an invented language: pseudo-words drawn with a Zipf-like law, so
//! frequent words (and frequent three-word runs) recur as in real text, and copies
//! that take a known share of another article's sentences. Answers about
//! similarity and reuse are known by construction.

use crate::Rng;

/// Distinct words of the language.
pub const VOCABULARY: f64 = 20_000.0;
/// The syllables words are spelled with.
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "de", "pa", "gu", "fe", "zo", "hi", "ba", "wy",
];
/// Fewest words in a sentence.
pub const SENTENCE_MIN_WORDS: usize = 8;
/// How many more words a sentence may have.
pub const SENTENCE_EXTRA_WORDS: usize = 12;

/// One word: frequent words are short and drawn often.
#[must_use]
pub fn word(rng: &mut Rng) -> String {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the power law's value lies in 1..VOCABULARY"
    )]
    let mut index = VOCABULARY.powf(rng.unit()) as usize;
    let mut word = String::new();
    loop {
        word.push_str(SYLLABLES[index % SYLLABLES.len()]);
        index /= SYLLABLES.len();
        if index == 0 {
            break word;
        }
    }
}

/// One capitalised sentence of 8–19 words ending in a full stop.
#[must_use]
pub fn sentence(rng: &mut Rng) -> String {
    let count = SENTENCE_MIN_WORDS + rng.below(SENTENCE_EXTRA_WORDS);
    let words: Vec<String> = (0..count).map(|_| word(rng)).collect();
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        s.replace_range(..1, &first.to_uppercase());
    }
    s + "."
}

/// Sentences until they hold at least `words` words.
#[must_use]
pub fn sentences(rng: &mut Rng, words: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut count = 0;
    while count < words {
        let s = sentence(rng);
        count += s.split_whitespace().count();
        out.push(s);
    }
    out
}

/// An article made of `share` of `source`'s sentences (spread evenly, in order)
/// interleaved with new sentences, as many sentences as `source`.
#[must_use]
pub fn copy_of(rng: &mut Rng, source: &[String], share: f64) -> String {
    let mut out = Vec::with_capacity(source.len());
    for (i, s) in source.iter().enumerate() {
        let copied = ((i + 1) as f64 * share).floor() > (i as f64 * share).floor();
        out.push(if copied { s.clone() } else { sentence(rng) });
    }
    out.join(" ")
}

/// `count` articles of about `words` words in families: a base and copies of it at
/// 95 %, 70 % and 40 %, so pair similarities spread from 0 to near 1.
#[must_use]
pub fn families(seed: u64, count: usize, words: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    while out.len() < count {
        let base = sentences(&mut rng, words);
        for share in [0.95, 0.7, 0.4] {
            out.push(copy_of(&mut rng, &base, share));
        }
        out.push(base.join(" "));
    }
    out.truncate(count);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_have_the_promised_length() {
        let mut rng = Rng::new(1);
        for _ in 0..200 {
            let s = sentence(&mut rng);
            let n = s.split_whitespace().count();
            assert!((SENTENCE_MIN_WORDS..SENTENCE_MIN_WORDS + SENTENCE_EXTRA_WORDS).contains(&n));
            assert!(s.ends_with('.') && s.starts_with(|c: char| c.is_uppercase()));
        }
    }

    #[test]
    fn a_copy_takes_the_share_of_sentences_in_order() {
        let mut rng = Rng::new(2);
        let source = sentences(&mut rng, 2_000);
        let copy = copy_of(&mut rng, &source, 0.3);
        let kept = source.iter().filter(|s| copy.contains(s.as_str())).count();
        let share = kept as f64 / source.len() as f64;
        assert!((share - 0.3).abs() < 0.02, "{share}");
    }

    #[test]
    fn families_are_reproducible() {
        assert_eq!(families(5, 9, 100), families(5, 9, 100));
        assert_eq!(families(5, 9, 100).len(), 9);
        assert_ne!(families(5, 9, 100), families(6, 9, 100));
    }
}
