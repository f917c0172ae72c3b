//! Which articles or groups hold each content key and pair of nearby content keys:
//! the candidates a quote is worth aligning against.

use crate::text::KeyId;
use foldhash::HashMap;

/// Which ids (articles, or groups by their representative) contain each content key and
/// each pair of content keys next to each other or one content key apart (stop words
/// skipped; a word swapped for another breaks only the pairs around it): picks
/// candidates to align.
#[derive(Default)]
pub(super) struct Postings {
    keys: HashMap<KeyId, Vec<usize>>,
    pairs: HashMap<(KeyId, KeyId), Vec<usize>>,
}

/// Content keys of `ids`, in order.
pub(super) fn content_keys(ids: &[KeyId]) -> Vec<KeyId> {
    ids.iter().copied().filter(|id| !id.is_stop()).collect()
}

/// Most content words of a quote whose candidates are found by single keys, not pairs.
const SHORT_QUOTE_CONTENT_WORDS: usize = 2;

impl Postings {
    pub(super) fn from_ids(ids: &[Vec<KeyId>]) -> Self {
        let mut postings = Self::default();
        for (d, ids) in ids.iter().enumerate() {
            postings.add(d, ids);
        }
        postings
    }

    /// Indexes `tokens` under `id`; ids are added in increasing order.
    pub(super) fn add(&mut self, id: usize, ids: &[KeyId]) {
        let content = content_keys(ids);
        for &key in &content {
            push_once(self.keys.entry(key).or_default(), id);
        }
        for (a, b) in pairs(&content) {
            push_once(self.pairs.entry((a, b)).or_default(), id);
        }
    }

    /// Ids worth aligning `quote` against: those sharing a pair of nearby content
    /// words with it, or (for a quote of at most [`SHORT_QUOTE_CONTENT_WORDS`] content
    /// words, which a fuzzy variant may break) a key.
    pub(super) fn candidates(&self, quote: &[KeyId]) -> Vec<usize> {
        let content = content_keys(quote);
        let mut out: Vec<usize> = if content.len() <= SHORT_QUOTE_CONTENT_WORDS {
            content
                .iter()
                .flat_map(|k| self.keys.get(k).map_or(&[][..], Vec::as_slice))
                .copied()
                .collect()
        } else {
            pairs(&content)
                .flat_map(|pair| self.pairs.get(&pair).map_or(&[][..], Vec::as_slice))
                .copied()
                .collect()
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The pairs of content keys next to each other or one apart, in order.
fn pairs(content: &[KeyId]) -> impl Iterator<Item = (KeyId, KeyId)> + '_ {
    let next = content.windows(2).map(|w| (w[0], w[1]));
    let skip = content.windows(3).map(|w| (w[0], w[2]));
    next.chain(skip)
}

fn push_once(list: &mut Vec<usize>, id: usize) {
    if list.last() != Some(&id) {
        list.push(id);
    }
}
