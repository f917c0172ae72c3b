//! Exact scoring of all pairs through an inverted index of profile features: only
//! pairs that share a feature are touched, so the work follows the overlap of
//! the corpus rather than the number of pairs.

use super::super::similarity::Profile;
use rayon::prelude::*;

/// For every feature hash, the articles containing it.
pub(super) struct Index {
    /// Distinct feature hashes, sorted.
    hashes: Vec<u64>,
    /// Where each hash's articles start in `docs` (one more entry than `hashes`).
    starts: Vec<usize>,
    /// Article indices, ascending within each hash.
    docs: Vec<u32>,
}

impl Index {
    /// Indexes the profiles of every article.
    pub fn new(profiles: &[Profile]) -> Self {
        let mut entries: Vec<(u64, u32)> = profiles
            .iter()
            .zip(0u32..)
            .flat_map(|(s, i)| s.hashes().iter().map(move |&h| (h, i)))
            .collect();
        entries.par_sort_unstable();
        let mut index = Self {
            hashes: Vec::new(),
            starts: Vec::new(),
            docs: Vec::with_capacity(entries.len()),
        };
        for run in entries.chunk_by(|a, b| a.0 == b.0) {
            index.hashes.push(run[0].0);
            index.starts.push(index.docs.len());
            index.docs.extend(run.iter().map(|&(_, i)| i));
        }
        index.starts.push(index.docs.len());
        index
    }

    /// The articles containing feature `hash`, ascending.
    fn postings(&self, hash: u64) -> &[u32] {
        let Ok(k) = self.hashes.binary_search(&hash) else {
            return &[];
        };
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => self.docs.get(from..to).unwrap_or_default(),
            _ => &[],
        }
    }

    /// `(b, shared profiles)` for every article `b > a` sharing a feature with
    /// `a`, ascending by `b`. `counts` (one slot per article, all 0) is scratch
    /// space and is left all 0.
    pub fn shared_after(
        &self,
        profiles: &Profile,
        a: usize,
        counts: &mut [u32],
    ) -> Vec<(usize, usize)> {
        let mut touched = Vec::new();
        for &hash in profiles.hashes() {
            let postings = self.postings(hash);
            let later = postings.partition_point(|&d| d as usize <= a);
            for &b in postings.get(later..).unwrap_or_default() {
                if let Some(count) = counts.get_mut(b as usize) {
                    if *count == 0 {
                        touched.push(b as usize);
                    }
                    *count += 1;
                }
            }
        }
        touched.sort_unstable();
        touched
            .into_iter()
            .map(|b| {
                let shared = counts.get_mut(b).map_or(0, std::mem::take);
                (b, shared as usize)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn shared_counts_match_pairwise_merges() {
        let texts = [
            "the council approved the barrier on tuesday night",
            "the council approved the barrier on monday",
            "nothing in common here at all",
            "approved the barrier on tuesday night after all",
        ];
        let profiles: Vec<Profile> = texts
            .iter()
            .map(|t| Profile::of_tokens(t, &tokenize(t)))
            .collect();
        let index = Index::new(&profiles);
        let mut counts = vec![0; texts.len()];
        for (a, s) in profiles.iter().enumerate() {
            let found = index.shared_after(s, a, &mut counts);
            let expected: Vec<(usize, usize)> = (a + 1..texts.len())
                .map(|b| (b, s.shared(&profiles[b])))
                .filter(|&(_, n)| n > 0)
                .collect();
            assert_eq!(found, expected);
            assert!(counts.iter().all(|&c| c == 0));
        }
    }
}
