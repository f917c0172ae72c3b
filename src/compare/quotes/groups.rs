//! Quote groups (what the reader's tracker shows): quotations clustered across a
//! corpus, each with how every article carries it (exact, variant, partial,
//! paraphrase or absent, see [`super::carriage`]) and who it is credited to.
//!
//! Quotes are cut into their sentences (a quoted sentence is the unit outlets copy,
//! cut and split), longest first. Each sentence joins the group whose representative
//! (its first, longest member) contains most of its words, or starts a group; it is
//! never linked to other members, so neighbouring quotes do not chain into one group.
//! Every article's carriage is then measured against the representative only.
//! Consecutive sentences of one quotation that every carrier carries together, one
//! right after the other and as one unit (the rule of a pair's shared quotes, see
//! [`super::layout::Gap`]), are merged back into one group: for a pair, the tracker
//! reports the matches `compare` does.
//!
//! A quote shorter than [`MIN_MATCH_WORDS`] words ("defense partnership") joins a group
//! only when its article names a speaker who agrees (and does not mark it as a term):
//! two words are too common a coincidence to credit on their own.

use super::NEAR_MIN_ALIGNED;
use super::carriage::{Occurrence, Piece, Status, carriage};
use super::credits::{Credit, credits, same_speaker};
use super::layout::{Layout, bridges};
use super::matching::{
    Hit, KeyIndex, MIN_MATCH_WORDS, MIN_WHOLE_QUOTE_WORDS, Matcher, QuoteKey, QuoteWords, Target,
    overlap,
};
use super::postings::{Postings, content_keys};
use super::shared::token_range;
use crate::compare::Document;
use crate::text::{KeyId, Token, Vocabulary, sentences};
use foldhash::HashMap;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// Least number of articles carrying a group (any status but absent) for it to be reported.
pub const MIN_GROUP_ARTICLES: usize = 2;
/// Least share of a quoted sentence's words aligned in a representative for it to join that group.
pub const JOIN_MIN_SHARE: f64 = 0.5;
/// Least words a quoted sentence must share (at [`NEAR_MIN_ALIGNED`] of its words) with a
/// representative credited to someone else to join it as a conflicting attribution;
/// shorter matches from different speakers are taken for stock phrases.
pub const CONFLICT_MIN_WORDS: usize = 6;

/// A quotation and how the articles carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// The representative: the longest quoted version.
    pub text: String,
    /// The representative's speaker, or the most credited one.
    pub speaker: Option<String>,
    /// Every speaker named, by surname, most credited first.
    pub speakers: Vec<Credit>,
    /// Whether the articles credit different speakers.
    pub conflict: bool,
    /// One per carrying article, by article; absent articles are left out.
    pub occurrences: Vec<Occurrence>,
}

impl QuoteGroup {
    /// Number of articles carrying the quote (exact, variant, partial or paraphrase).
    #[must_use]
    pub fn articles(&self) -> usize {
        self.occurrences.len()
    }

    /// How article `article` carries the quote.
    #[must_use]
    pub fn status(&self, article: usize) -> Status {
        self.occurrences
            .iter()
            .find(|o| o.article == article)
            .map_or(Status::Absent, |o| o.status)
    }
}

/// A quoted sentence: the unit quotes are clustered by.
struct Unit<'d> {
    article: usize,
    /// Index of its quote in the article's quotes.
    quote: usize,
    /// Byte span of the sentence, without trailing commas or colons.
    span: Range<usize>,
    /// Token indices in the article.
    tokens: Range<usize>,
    speaker: Option<&'d str>,
    /// Whether its quote is credited to someone and not marked as a term.
    attributed: bool,
}

/// A group under construction: its representative unit and the units that joined it.
struct Cluster {
    rep: usize,
    /// Joined units with their hits against the representative (other = representative tokens).
    members: Vec<(usize, Vec<Hit>)>,
}

/// The tracker over `docs`: groups carried by at least [`MIN_GROUP_ARTICLES`] articles,
/// most carried first, then longest.
#[must_use]
pub fn groups(docs: &[Document<'_>]) -> Vec<QuoteGroup> {
    let mut vocabulary = Vocabulary::default();
    let keyed = Keyed::new(docs, &mut vocabulary);
    let mut matcher = Matcher::new(&vocabulary);
    let units = units(&keyed);
    let clusters = cluster(&keyed, &units, &mut matcher);
    let carriers = Postings::from_ids(&keyed.ids);
    let built: Vec<(usize, QuoteGroup)> = clusters
        .par_iter()
        .map_init(
            || Matcher::new(&vocabulary),
            |matcher, c| Some((c.rep, build_group(&keyed, &units, c, &carriers, matcher)?)),
        )
        .flatten()
        .collect();
    let mut out: Vec<QuoteGroup> = merge_sentences(&keyed, &units, built)
        .into_iter()
        .filter(|g| g.articles() >= MIN_GROUP_ARTICLES)
        .collect();
    out.sort_by(|a, b| {
        b.articles()
            .cmp(&a.articles())
            .then(word_count(&b.text).cmp(&word_count(&a.text)))
            .then(a.text.cmp(&b.text))
    });
    out
}

/// Merges groups whose representatives are consecutive sentences of one quotation when
/// every carrier carries both, the second right after the first, as one unit: in one
/// quotation, or as the halves of a quote split in one sentence, or in narration.
/// Sentences that always travel together are one quotation in the tracker.
fn merge_sentences(
    keyed: &Keyed<'_, '_>,
    units: &[Unit<'_>],
    mut built: Vec<(usize, QuoteGroup)>,
) -> Vec<QuoteGroup> {
    let docs = keyed.docs;
    built.sort_by_key(|(u, _)| *u);
    // (first representative unit, last representative unit, group)
    let mut out: Vec<(usize, usize, QuoteGroup)> = Vec::new();
    for (u, group) in built {
        if let Some((first, last, previous)) = out.last_mut() {
            let consecutive = *last + 1 == u
                && units
                    .get(*last)
                    .zip(units.get(u))
                    .is_some_and(|(a, b)| a.article == b.article && a.quote == b.quote);
            let text = units
                .get(*first)
                .zip(units.get(u))
                .and_then(|(a, b)| docs.get(a.article)?.text.get(a.span.start..b.span.end));
            if let Some(text) =
                text.filter(|_| consecutive && travel_together(keyed, previous, &group))
            {
                let words = |g: &QuoteGroup| word_count(&g.text);
                let (before, after) = (words(previous), words(&group));
                previous.text = text.to_string();
                for (o, next) in previous.occurrences.iter_mut().zip(&group.occurrences) {
                    join_occurrences(o, next, (before, after));
                }
                *last = u;
                continue;
            }
        }
        out.push((u, u, group));
    }
    out.into_iter().map(|(_, _, g)| g).collect()
}

/// Whether every carrier of `a` carries `b` too, right after it and as one unit.
fn travel_together(keyed: &Keyed<'_, '_>, a: &QuoteGroup, b: &QuoteGroup) -> bool {
    a.occurrences.len() == b.occurrences.len()
        && a.occurrences.iter().zip(&b.occurrences).all(|(x, y)| {
            x.article == y.article
                && x.quoted == y.quoted
                && x.span.end <= y.span.start
                && keyed
                    .docs
                    .get(x.article)
                    .zip(keyed.layouts.get(x.article))
                    .is_some_and(|(doc, layout)| {
                        let end = token_range(&doc.tokens, &x.span).end;
                        let start = token_range(&doc.tokens, &y.span).start;
                        end > 0 && start >= end && bridges(layout.gap(end - 1, start), start - end)
                    })
        })
}

/// Extends occurrence `o` of a group over `next`, the same article's occurrence of the
/// following sentence; `words` are the two representatives' word counts, which weigh
/// the scores.
fn join_occurrences(o: &mut Occurrence, next: &Occurrence, words: (usize, usize)) {
    o.span.end = next.span.end;
    o.status = o.status.max(next.status);
    o.kind = o.kind.max(next.kind);
    #[allow(clippy::cast_precision_loss)]
    let weigh = |score: f64, n: usize| score * n as f64;
    #[allow(clippy::cast_precision_loss)]
    let total = (words.0 + words.1).max(1) as f64;
    o.score = (weigh(o.score, words.0) + weigh(next.score, words.1)) / total;
    o.differences.extend(next.differences.iter().cloned());
    if o.speaker.is_none() {
        o.speaker.clone_from(&next.speaker);
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The quoted sentences of every outer quote with at least [`MIN_WHOLE_QUOTE_WORDS`]
/// content words or that stand alone as a quote ([`QuoteWords::stands_alone`]), in
/// article order.
fn units<'d>(keyed: &Keyed<'d, '_>) -> Vec<Unit<'d>> {
    let mut out = Vec::new();
    for (d, doc) in keyed.docs.iter().enumerate() {
        for (q, quote) in doc.quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
            let Some(text) = doc.text.get(quote.span.clone()) else {
                continue;
            };
            for sentence in sentences(text) {
                let kept = text
                    .get(sentence.span.clone())
                    .map_or(0, |t| t.trim_end_matches([',', ';', ':']).len());
                let start = quote.span.start + sentence.span.start;
                let span = start..start + kept;
                let tokens = token_range(&doc.tokens, &span);
                let ids = keyed
                    .ids
                    .get(d)
                    .and_then(|ids| ids.get(tokens.clone()))
                    .unwrap_or(&[]);
                let words = QuoteWords {
                    text: doc.text,
                    tokens: doc.tokens.get(tokens.clone()).unwrap_or(&[]),
                    attributed: quote.attributed(),
                };
                if content_keys(ids).len() >= MIN_WHOLE_QUOTE_WORDS || words.stands_alone(ids) {
                    out.push(Unit {
                        article: d,
                        quote: q,
                        span,
                        tokens,
                        speaker: quote.speaker.as_deref(),
                        attributed: quote.attributed(),
                    });
                }
            }
        }
    }
    out
}

/// Every document's key ids over one vocabulary, with the index of their content keys.
struct Keyed<'d, 't> {
    docs: &'d [Document<'t>],
    ids: Vec<Vec<KeyId>>,
    indexes: Vec<KeyIndex>,
    /// Token ranges of each document's outer quotes.
    quotes: Vec<Vec<Range<usize>>>,
    /// Where each document's quotes and sentences are.
    layouts: Vec<Layout>,
}

impl<'d, 't> Keyed<'d, 't> {
    fn new(docs: &'d [Document<'t>], vocabulary: &mut Vocabulary<'d>) -> Self {
        let ids: Vec<Vec<KeyId>> = docs.iter().map(|d| vocabulary.ids(&d.tokens)).collect();
        let indexes = ids.iter().map(|ids| KeyIndex::new(ids)).collect();
        let quotes = docs
            .iter()
            .map(|doc| {
                doc.quotes
                    .iter()
                    .filter(|q| q.depth == 0)
                    .map(|q| token_range(&doc.tokens, &q.span))
                    .collect()
            })
            .collect();
        let layouts = docs
            .iter()
            .map(|d| Layout::new(&d.tokens, &d.quotes, &d.sentences))
            .collect();
        Self {
            docs,
            ids,
            indexes,
            quotes,
            layouts,
        }
    }

    /// The tokens of `unit` and their key ids.
    fn unit(&self, unit: &Unit<'_>) -> (&'d [Token], &[KeyId]) {
        let tokens = self
            .docs
            .get(unit.article)
            .and_then(|d| d.tokens.get(unit.tokens.clone()));
        let ids = self
            .ids
            .get(unit.article)
            .and_then(|ids| ids.get(unit.tokens.clone()));
        match (tokens, ids) {
            (Some(tokens), Some(ids)) => (tokens, ids),
            _ => (&[], &[]),
        }
    }

    /// Document `d`'s whole text as an alignment target.
    fn target(&self, d: usize) -> Option<Target<'_>> {
        Some(Target {
            ids: self.ids.get(d)?,
            index: self.indexes.get(d)?,
            layout: self.layouts.get(d),
        })
    }
}

/// Clusters the units, longest first: each joins the best representative that contains
/// enough of it, or becomes one.
fn cluster(
    keyed: &Keyed<'_, '_>,
    units: &[Unit<'_>],
    matcher: &mut Matcher<'_, '_>,
) -> Vec<Cluster> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| (std::cmp::Reverse(units[u].tokens.len()), u));
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut rep_indexes: Vec<KeyIndex> = Vec::new();
    let mut postings = Postings::default();
    // Hits of each distinct quoted sentence against each representative: outlets
    // carrying the same sentence are aligned once.
    let mut aligned: HashMap<(QuoteKey, usize), Vec<Hit>> = HashMap::default();
    for u in order {
        let unit = &units[u];
        let (tokens, ids) = keyed.unit(unit);
        let words = QuoteWords {
            text: keyed.docs[unit.article].text,
            tokens,
            attributed: unit.attributed,
        };
        let key = QuoteKey::new(words, ids);
        let mut best: Option<((bool, usize), usize, Vec<Hit>)> = None;
        for c in postings.candidates(ids) {
            let rep = &units[clusters[c].rep];
            let target = Target {
                ids: keyed.unit(rep).1,
                index: &rep_indexes[c],
                layout: None,
            };
            let hits = aligned
                .entry((key.clone(), c))
                .or_insert_with(|| matcher.align_quote(words, ids, target))
                .clone();
            let aligned: usize = hits.iter().map(Hit::aligned).sum();
            let share = ratio(aligned, tokens.len());
            if share < JOIN_MIN_SHARE {
                continue;
            }
            let agree = same_speaker(unit.speaker, rep.speaker);
            if tokens.len() < MIN_MATCH_WORDS && !unit.attributed {
                continue;
            }
            let conflict_ok = aligned >= CONFLICT_MIN_WORDS && share >= NEAR_MIN_ALIGNED;
            if !agree && !conflict_ok {
                continue;
            }
            let rank = (agree, aligned);
            if best.as_ref().is_none_or(|(r, _, _)| rank > *r) {
                best = Some((rank, c, hits));
            }
        }
        if let Some((_, c, hits)) = best {
            clusters[c].members.push((u, hits));
        } else {
            postings.add(clusters.len(), ids);
            rep_indexes.push(KeyIndex::new(ids));
            clusters.push(Cluster {
                rep: u,
                members: Vec::new(),
            });
        }
    }
    clusters
}

fn ratio(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

/// A group's carriage in every article, speakers and representative text.
fn build_group(
    keyed: &Keyed<'_, '_>,
    units: &[Unit<'_>],
    cluster: &Cluster,
    carriers: &Postings,
    matcher: &mut Matcher<'_, '_>,
) -> Option<QuoteGroup> {
    let docs = keyed.docs;
    let rep = units.get(cluster.rep)?;
    let rep_doc = docs.get(rep.article)?;
    let (rep_tokens, rep_ids) = keyed.unit(rep);
    let words = QuoteWords {
        text: rep_doc.text,
        tokens: rep_tokens,
        attributed: rep.attributed,
    };
    let mut pieces: BTreeMap<usize, Vec<Piece>> = BTreeMap::new();
    let mut speakers: HashMap<usize, &str> = HashMap::default();
    pieces.entry(rep.article).or_default().push(Piece {
        rep: 0..rep_tokens.len(),
        other: rep.tokens.clone(),
        exact: rep_tokens.len(),
        fuzzy: 0,
        quoted: true,
    });
    if let Some(s) = rep.speaker {
        speakers.insert(rep.article, s);
    }
    for (u, hits) in &cluster.members {
        let unit = &units[*u];
        if unit.article == rep.article {
            continue;
        }
        if let Some(s) = unit.speaker {
            speakers.entry(unit.article).or_insert(s);
        }
        let list = pieces.entry(unit.article).or_default();
        list.extend(hits.iter().map(|h| Piece {
            rep: h.other.clone(),
            other: unit.tokens.start + h.quote.start..unit.tokens.start + h.quote.end,
            exact: h.exact,
            fuzzy: h.fuzzy,
            quoted: true,
        }));
    }
    // The representative against each other article's whole text: narration carrying
    // its words (quoted places are the members' business; other quotes are not this one).
    for e in carriers.candidates(rep_ids) {
        let Some(target) = keyed.target(e).filter(|_| e != rep.article) else {
            continue;
        };
        let quotes = keyed.quotes.get(e).map_or(&[][..], Vec::as_slice);
        for hit in matcher.align_quote(words, rep_ids, target) {
            if !quotes.iter().any(|q| overlap(q, &hit.other)) {
                pieces.entry(e).or_default().push(Piece {
                    rep: hit.quote.clone(),
                    other: hit.other.clone(),
                    exact: hit.exact,
                    fuzzy: hit.fuzzy,
                    quoted: false,
                });
            }
        }
    }
    let occurrences: Vec<Occurrence> = pieces
        .into_iter()
        .filter_map(|(article, list)| {
            let mut occurrence = carriage(words, docs.get(article)?, list)?;
            occurrence.article = article;
            occurrence.speaker = speakers.get(&article).map(|s| (*s).to_string());
            Some(occurrence)
        })
        .collect();
    let credits = credits(&occurrences);
    let speaker = rep
        .speaker
        .map(str::to_string)
        .or_else(|| credits.first().map(|c| c.speaker.clone()));
    Some(QuoteGroup {
        text: rep_doc.text.get(rep.span.clone())?.to_string(),
        speaker,
        conflict: credits.len() > 1,
        speakers: credits,
        occurrences,
    })
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
    fn a_long_quote_credited_to_two_speakers_is_one_conflicting_group() {
        let texts = [
            "“We will rebuild the harbor before the winter storms,” Marlow said.",
            "“We will rebuild the harbor before the winter storms,” Okafor said.",
        ];
        let found = groups(&docs(&texts));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].conflict);
        assert_eq!(found[0].speakers.len(), 2);
    }

    #[test]
    fn a_short_phrase_from_two_speakers_is_not_one_group() {
        let texts = [
            "“Rebuild the harbor,” Marlow said.",
            "“Rebuild the harbor,” Okafor said.",
        ];
        assert!(groups(&docs(&texts)).is_empty());
    }

    #[test]
    fn one_word_quotes_never_group_and_an_article_appears_once() {
        let texts = [
            "It was “unrealistic,” Marlow said. “Bring the boats home,” Marlow said.",
            "Marlow called it “unrealistic.” She said: “Bring the boats home.” Later: “bring the boats home.”",
            "“Unrealistic,” said Marlow, adding “bring the boats home.”",
        ];
        let found = groups(&docs(&texts));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].articles(), 3);
        assert!(
            found[0]
                .occurrences
                .iter()
                .all(|o| o.status == Status::Exact)
        );
    }

    #[test]
    fn sentences_every_carrier_quotes_together_are_one_group() {
        let texts = [
            "“The harbor will reopen on Monday morning. Ferries resume their schedule on Tuesday,” Marlow said.",
            "Marlow said: “The harbor will reopen on Monday morning. Ferries resume their schedule on Tuesday.”",
        ];
        let found = groups(&docs(&texts));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].text.ends_with("on Tuesday"), "{}", found[0].text);
        assert!(texts[1][found[0].occurrences[1].span.clone()].ends_with("on Tuesday"));
    }

    #[test]
    fn neighbouring_quotes_do_not_chain_into_one_group() {
        let texts = [
            "“The harbor will reopen on Monday morning. Ferries resume their schedule on Tuesday,” Marlow said.",
            "Marlow said “the harbor will reopen on Monday morning.”",
            "“Ferries resume their schedule on Tuesday,” said Marlow.",
        ];
        let found = groups(&docs(&texts));
        assert_eq!(found.len(), 2, "{found:#?}");
        for g in &found {
            assert_eq!(g.articles(), 2, "{g:#?}");
        }
    }
}
