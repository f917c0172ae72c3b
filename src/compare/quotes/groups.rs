//! Quote groups across a corpus: each quote with the places in other articles that
//! carry its words, clustered so one quote reported by many outlets is one group.

use super::matching::{KeyIndex, MIN_WHOLE_QUOTE_WORDS, QuoteWords, align_quote, overlap};
use super::shared::token_range;
use super::{MatchKind, Quote, match_score};
use crate::compare::Document;
use crate::text::{Token, is_stop_word};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Least number of distinct articles carrying a group for it to be reported.
pub const MIN_GROUP_ARTICLES: usize = 2;

/// One place a grouped quote appears.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    /// Index of the article in the corpus slice.
    pub article: usize,
    /// How closely it matches the group.
    pub kind: MatchKind,
    /// Share of the quote's words aligned, 0–1.
    pub score: f64,
    /// Byte span in that article's text.
    pub span: Range<usize>,
    /// Whether the article quotes the words (false: narration).
    pub quoted: bool,
}

/// A quote and every article carrying it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The longest quoted version.
    pub text: String,
    /// The speaker, when an article names one.
    pub speaker: Option<String>,
    /// Where it appears, by article then position.
    pub occurrences: Vec<Occurrence>,
}

impl QuoteGroup {
    /// Number of distinct articles carrying the quote.
    #[must_use]
    pub fn articles(&self) -> usize {
        self.occurrences
            .iter()
            .map(|o| o.article)
            .collect::<HashSet<_>>()
            .len()
    }
}

/// An outer quote of the corpus: article index and quote.
type Node<'d> = (usize, &'d Quote);

/// Clusters the quotes of `docs`; groups carried by at least [`MIN_GROUP_ARTICLES`]
/// articles, most widely carried first, then longest.
#[must_use]
pub fn groups(docs: &[Document<'_>]) -> Vec<QuoteGroup> {
    let nodes: Vec<Node<'_>> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.quotes
                .iter()
                .filter(|q| q.depth == 0)
                .map(move |q| (d, q))
        })
        .collect();
    let node_of: HashMap<(usize, usize), usize> = nodes
        .iter()
        .enumerate()
        .map(|(n, (d, q))| ((*d, q.span.start), n))
        .collect();
    let indexes: Vec<KeyIndex<'_>> = docs.iter().map(|d| KeyIndex::new(&d.tokens)).collect();
    let carriers = Carriers::new(docs);
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    // Best (kind, score) seen for each node, and narration places found from each node.
    let mut best: Vec<Option<(MatchKind, f64)>> = vec![None; nodes.len()];
    let mut narration: Vec<(usize, Occurrence)> = Vec::new();
    // The first node with each exact key sequence: verbatim copies join it without aligning.
    let mut first_with_keys: HashMap<Vec<&str>, usize> = HashMap::new();
    for (n, &(d, quote)) in nodes.iter().enumerate() {
        let doc = &docs[d];
        let Some(tokens) = doc.tokens.get(token_range(&doc.tokens, &quote.span)) else {
            continue;
        };
        let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        let matchable_whole =
            keys.iter().filter(|k| !is_stop_word(k)).count() >= MIN_WHOLE_QUOTE_WORDS;
        match first_with_keys.get(&keys).filter(|_| matchable_whole) {
            Some(&m) if same_speaker(quote, nodes[m].1) => {
                union(&mut parent, n, m);
                for k in [n, m] {
                    best[k] = better(best[k], (MatchKind::Exact, 1.0));
                }
                continue;
            }
            Some(_) => {}
            None if matchable_whole => {
                first_with_keys.insert(keys, n);
            }
            None => {}
        }
        let words = QuoteWords {
            text: doc.text,
            tokens,
        };
        for e in carriers.candidates(tokens, d) {
            let Some(other) = docs.get(e) else { continue };
            for hit in align_quote(words, &other.tokens, &indexes[e]) {
                let (Some(first), Some(last)) = (
                    other.tokens.get(hit.other.start),
                    hit.other
                        .end
                        .checked_sub(1)
                        .and_then(|k| other.tokens.get(k)),
                ) else {
                    continue;
                };
                let span = first.span.start..last.span.end;
                let kind = MatchKind::classify(hit.exact, hit.fuzzy, tokens.len());
                let score = match_score(hit.exact, hit.fuzzy, tokens.len());
                let target = other
                    .quotes
                    .iter()
                    .find(|q| q.depth == 0 && overlap(&q.span, &span))
                    .and_then(|q| node_of.get(&(e, q.span.start)).copied());
                match target {
                    Some(m) if same_speaker(quote, nodes[m].1) => {
                        union(&mut parent, n, m);
                        for k in [n, m] {
                            best[k] = better(best[k], (kind, score));
                        }
                    }
                    Some(_) => {}
                    None => {
                        narration.push((
                            n,
                            Occurrence {
                                article: e,
                                kind,
                                score,
                                span,
                                quoted: false,
                            },
                        ));
                    }
                }
            }
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for n in 0..nodes.len() {
        let root = find(&mut parent, n);
        members.entry(root).or_default().push(n);
    }
    let mut narration_of: HashMap<usize, Vec<Occurrence>> = HashMap::new();
    for (n, occurrence) in narration {
        let root = find(&mut parent, n);
        narration_of.entry(root).or_default().push(occurrence);
    }
    let mut out: Vec<QuoteGroup> = members
        .into_iter()
        .map(|(root, ns)| {
            build_group(
                docs,
                &nodes,
                &ns,
                &best,
                narration_of.remove(&root).unwrap_or_default(),
            )
        })
        .filter(|g| g.articles() >= MIN_GROUP_ARTICLES)
        .collect();
    out.sort_by(|a, b| {
        b.articles()
            .cmp(&a.articles())
            .then(b.text.len().cmp(&a.text.len()))
            .then(a.text.cmp(&b.text))
    });
    out
}

/// Which articles contain each content key and each pair of consecutive content keys
/// (stop words skipped): the corpus-wide index that picks candidate articles for a quote.
struct Carriers<'d> {
    keys: HashMap<&'d str, Vec<usize>>,
    pairs: HashMap<(&'d str, &'d str), Vec<usize>>,
}

/// Content keys of `tokens`, in order.
fn content_keys<'k>(tokens: impl IntoIterator<Item = &'k Token>) -> Vec<&'k str> {
    tokens
        .into_iter()
        .map(|t| t.key.as_str())
        .filter(|k| !is_stop_word(k))
        .collect()
}

impl<'d> Carriers<'d> {
    fn new(docs: &'d [Document<'_>]) -> Self {
        let mut keys: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut pairs: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (d, doc) in docs.iter().enumerate() {
            let content = content_keys(&doc.tokens);
            for &key in &content {
                push_once(keys.entry(key).or_default(), d);
            }
            for w in content.windows(2) {
                push_once(pairs.entry((w[0], w[1])).or_default(), d);
            }
        }
        Self { keys, pairs }
    }

    /// Articles other than `own` worth aligning a quote against: those sharing a pair of
    /// consecutive content words with it, or (for a quote of at most
    /// [`SHORT_QUOTE_CONTENT_WORDS`] content words, which a fuzzy variant may break) a key.
    fn candidates(&self, quote: &[Token], own: usize) -> Vec<usize> {
        let content = content_keys(quote);
        let mut out: Vec<usize> = if content.len() <= SHORT_QUOTE_CONTENT_WORDS {
            content
                .iter()
                .flat_map(|k| self.keys.get(k).map_or(&[][..], Vec::as_slice))
                .copied()
                .collect()
        } else {
            content
                .windows(2)
                .flat_map(|w| self.pairs.get(&(w[0], w[1])).map_or(&[][..], Vec::as_slice))
                .copied()
                .collect()
        };
        out.retain(|&d| d != own);
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Most content words of a quote whose candidates are found by single keys, not pairs.
const SHORT_QUOTE_CONTENT_WORDS: usize = 2;

fn push_once(list: &mut Vec<usize>, d: usize) {
    if list.last() != Some(&d) {
        list.push(d);
    }
}

/// Two quotes may be one only when their speakers agree (same surname) or one is unknown.
fn same_speaker(a: &Quote, b: &Quote) -> bool {
    let surname = |q: &Quote| {
        q.speaker
            .as_deref()
            .and_then(|s| s.split_whitespace().last())
            .map(str::to_lowercase)
    };
    match (surname(a), surname(b)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn better(current: Option<(MatchKind, f64)>, new: (MatchKind, f64)) -> Option<(MatchKind, f64)> {
    match current {
        Some(c) if (c.0, -c.1) <= (new.0, -new.1) => Some(c),
        _ => Some(new),
    }
}

fn find(parent: &mut [usize], n: usize) -> usize {
    let mut root = n;
    while parent[root] != root {
        root = parent[root];
    }
    let mut k = n;
    while parent[k] != root {
        let next = parent[k];
        parent[k] = root;
        k = next;
    }
    root
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// A group from its member quotes and the narration places matching them.
fn build_group(
    docs: &[Document<'_>],
    nodes: &[Node<'_>],
    members: &[usize],
    best: &[Option<(MatchKind, f64)>],
    narration: Vec<Occurrence>,
) -> QuoteGroup {
    let text_of = |n: usize| {
        let (d, q) = nodes[n];
        docs[d].text.get(q.span.clone()).unwrap_or("")
    };
    let representative = members
        .iter()
        .copied()
        .max_by_key(|&n| (text_of(n).len(), std::cmp::Reverse(n)))
        .unwrap_or(0);
    let speaker = std::iter::once(representative)
        .chain(members.iter().copied())
        .find_map(|n| nodes.get(n).and_then(|(_, q)| q.speaker.clone()));
    let mut occurrences: Vec<Occurrence> = members
        .iter()
        .map(|&n| {
            let (d, q) = nodes[n];
            let (kind, score) = if n == representative {
                (MatchKind::Exact, 1.0)
            } else {
                best[n].unwrap_or((MatchKind::Partial, 0.0))
            };
            Occurrence {
                article: d,
                kind,
                score,
                span: q.span.clone(),
                quoted: true,
            }
        })
        .collect();
    for o in narration {
        let taken = occurrences
            .iter()
            .any(|k| k.article == o.article && overlap(&k.span, &o.span));
        if !taken {
            occurrences.push(o);
        }
    }
    occurrences.sort_by_key(|o| (o.article, o.span.start));
    QuoteGroup {
        text: text_of(representative).to_string(),
        speaker,
        occurrences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::MatchOptions;

    fn docs<'t>(texts: &[&'t str]) -> Vec<Document<'t>> {
        texts
            .iter()
            .map(|t| Document::new(t, &MatchOptions::default()))
            .collect()
    }

    #[test]
    fn the_same_words_from_different_speakers_are_not_one_group() {
        let texts = [
            "“We will rebuild the harbor before the winter storms,” Marlow said.",
            "“We will rebuild the harbor before the winter storms,” Okafor said.",
        ];
        assert!(groups(&docs(&texts)).is_empty());
    }

    #[test]
    fn verbatim_copies_group_but_one_word_quotes_do_not() {
        let texts = [
            "It was “unrealistic,” Marlow said. “Bring the boats home,” Marlow said.",
            "Marlow called it “unrealistic.” She said: “Bring the boats home.”",
            "“Unrealistic,” said Marlow, adding “bring the boats home.”",
        ];
        let found = groups(&docs(&texts));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].articles(), 3);
        assert!(found[0].text.starts_with("Bring the boats home"));
    }

    #[test]
    fn a_quote_carried_by_three_articles_comes_first_with_narration_occurrences() {
        let texts = [
            "“The harbor will reopen on Monday morning,” Marlow said. “Bring boats,” she added.",
            "Marlow said “the harbor will reopen on Monday morning.”",
            "Officials expect the harbor will reopen on Monday morning.",
            "“Bring boats,” said Marlow.",
        ];
        let found = groups(&docs(&texts));
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[1].text, "Bring boats,");
        let group = &found[0];
        assert_eq!(group.articles(), 3);
        assert_eq!(group.speaker.as_deref(), Some("Marlow"));
        let narration: Vec<_> = group.occurrences.iter().filter(|o| !o.quoted).collect();
        assert_eq!(narration.len(), 1);
        assert_eq!(narration[0].article, 2);
    }
}
