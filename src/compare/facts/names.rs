//! Proper names spelled differently across articles (`Volodomyr`/`Volodymyr`).

use super::context::{Analysed, shared_words};
use super::union_find::UnionFind;
use super::{NameMention, NameVariants, Spelling};
use crate::text::{fuzzy_eq, is_stop_word};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// Content words (besides the names) two sentences must share for two spellings in
/// them to count as one name, when nothing else ties them.
pub const MIN_SHARED_NAME_CONTEXT_WORDS: usize = 3;
/// Length (in letters) from which two spellings one edit apart are the same name
/// whatever their context.
pub const LONG_NAME_CHARS: usize = 8;
/// Share of capitalized words from which an unpunctuated line is a title-case
/// headline, whose capitals say nothing about names.
const HEADLINE_CAPITALS: f64 = 0.6;
/// Fewest words for the headline test to apply.
const HEADLINE_MIN_WORDS: usize = 3;
/// Leading letters spellings of one name share (as [`fuzzy_eq`] requires); used to
/// bucket candidates.
const BUCKET_PREFIX: usize = 4;

/// One capitalized word that is part of a name.
struct Occurrence {
    article: usize,
    /// Token index.
    token: usize,
    /// Folded spelling.
    key: String,
    /// Token range of the whole name.
    name: Range<usize>,
}

/// Groups of spellings of one name used by different articles.
pub(super) fn variants(docs: &[Analysed<'_>]) -> Vec<NameVariants> {
    let occurrences: Vec<Occurrence> = docs
        .iter()
        .enumerate()
        .flat_map(|(article, doc)| names_in(article, doc))
        .collect();
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, o) in occurrences.iter().enumerate() {
        by_key.entry(o.key.as_str()).or_default().push(i);
    }
    let keys: Vec<&str> = by_key.keys().copied().collect();
    let mut groups = UnionFind::new(keys.len());
    let mut start = 0;
    while start < keys.len() {
        let bucket = prefix(keys[start]);
        let end = start
            + keys[start..]
                .iter()
                .take_while(|k| prefix(k) == bucket)
                .count();
        for a in start..end {
            for b in a + 1..end {
                let linked = spellings_of_one_name(keys[a], keys[b])
                    && by_key[keys[a]].iter().any(|&x| {
                        by_key[keys[b]]
                            .iter()
                            .any(|&y| same_context(docs, &occurrences[x], &occurrences[y]))
                    });
                if linked {
                    groups.union(a, b);
                }
            }
        }
        start = end;
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..keys.len() {
        members.entry(groups.find(k)).or_default().push(k);
    }
    let common = common_words(docs);
    let mut out: Vec<NameVariants> = members
        .into_values()
        .filter(|m| m.len() > 1 && !m.iter().any(|&k| common.contains(keys[k])))
        .map(|m| {
            let mut spellings: Vec<Spelling> = m
                .into_iter()
                .map(|k| spelling(docs, &occurrences, keys[k], &by_key[keys[k]]))
                .collect();
            spellings.sort_by_key(first_position);
            NameVariants { spellings }
        })
        .filter(|v| {
            // Articles that all write every spelling do not disagree with each other.
            v.spellings
                .windows(2)
                .any(|w| w[0].articles != w[1].articles)
        })
        .collect();
    out.sort_by_key(|v| v.spellings.first().map(first_position));
    out
}

/// Folded words some article writes in lower case: common words (`defense`), even
/// where a title capitalizes them, are not names.
fn common_words(docs: &[Analysed<'_>]) -> HashSet<String> {
    docs.iter()
        .flat_map(|doc| (0..doc.doc.tokens.len()).map(move |i| doc.word(i)))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(fold)
        .collect()
}

fn prefix(key: &str) -> &str {
    key.char_indices()
        .nth(BUCKET_PREFIX)
        .map_or(key, |(b, _)| &key[..b])
}

fn first_position(s: &Spelling) -> (usize, usize) {
    s.mentions
        .first()
        .map_or((usize::MAX, usize::MAX), |m| (m.article, m.span.start))
}

/// Whether two different keys may spell one name: fuzzy-equal, and not a word and
/// its derivation (`Russia`/`Russian`, `Europe`/`European`).
fn spellings_of_one_name(a: &str, b: &str) -> bool {
    a != b && fuzzy_eq(a, b) && !a.starts_with(b) && !b.starts_with(a)
}

/// Whether two occurrences in different articles stand for one name: a fuzzy-equal
/// word beside them in the name, enough shared content words in their sentences,
/// or long spellings one edit apart.
fn same_context(docs: &[Analysed<'_>], x: &Occurrence, y: &Occurrence) -> bool {
    fn context<'d>(doc: &Analysed<'d>, o: &Occurrence) -> Vec<&'d str> {
        doc.content_keys(doc.sentence_of(o.token), std::slice::from_ref(&o.name))
    }
    if x.article == y.article {
        return false;
    }
    let (Some(dx), Some(dy)) = (docs.get(x.article), docs.get(y.article)) else {
        return false;
    };
    let neighbours = |doc: &Analysed<'_>, o: &Occurrence| -> Vec<String> {
        o.name
            .clone()
            .filter(|&t| t != o.token)
            .map(|t| fold(doc.word(t)))
            .collect()
    };
    let (nx, ny) = (neighbours(dx, x), neighbours(dy, y));
    if nx.iter().any(|a| ny.iter().any(|b| fuzzy_eq(a, b))) {
        return true;
    }
    let shared = shared_words(&context(dx, x), &context(dy, y));
    if shared.len() >= MIN_SHARED_NAME_CONTEXT_WORDS {
        return true;
    }
    x.key.chars().count() >= LONG_NAME_CHARS
        && y.key.chars().count() >= LONG_NAME_CHARS
        && one_edit_apart(&x.key, &y.key)
}

/// Whether one substitution, insertion or deletion turns `a` into `b`.
fn one_edit_apart(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(&long).take_while(|(p, q)| p == q).count();
    let skip = usize::from(long.len() > short.len());
    let short_rest = short.get(head + 1 - skip..).unwrap_or_default();
    let long_rest = long.get(head + 1..).unwrap_or_default();
    short_rest == long_rest
}

fn spelling(
    docs: &[Analysed<'_>],
    occurrences: &[Occurrence],
    key: &str,
    indices: &[usize],
) -> Spelling {
    let mentions: Vec<NameMention> = indices
        .iter()
        .filter_map(|&i| occurrences.get(i))
        .filter_map(|o| {
            let doc = docs.get(o.article)?;
            let token = doc.doc.tokens.get(o.token)?;
            let first = doc.doc.tokens.get(o.name.start)?;
            let last = doc.doc.tokens.get(o.name.end.checked_sub(1)?)?;
            let word = doc.word(o.token);
            let possessive = ["’s", "'s"]
                .iter()
                .find(|s| word.ends_with(*s))
                .map_or(0, |s| s.len());
            let sentence = doc.token_sentence.get(o.token).copied().flatten()?;
            Some(NameMention {
                article: o.article,
                sentence: doc.sentence_span(sentence),
                span: token.span.start..token.span.end - possessive,
                name: first.span.start..last.span.end,
            })
        })
        .collect();
    let mut articles: Vec<usize> = mentions.iter().map(|m| m.article).collect();
    articles.dedup();
    Spelling {
        key: key.to_string(),
        articles,
        mentions,
    }
}

/// The name key of a word: lower case, letters only, without a possessive `’s`.
fn fold(word: &str) -> String {
    let word = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    word.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the word is capitalized and could be (part of) a name.
fn capitalized(doc: &Analysed<'_>, i: usize) -> bool {
    let word = doc.word(i);
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-' | '.'))
        && !is_stop_word(&fold(word))
}

/// Whether sentence `s` (tokens `range`) reads as a title-case headline: mostly
/// capitalized words and no full stop at the end.
fn headline(doc: &Analysed<'_>, s: usize, range: Range<usize>) -> bool {
    let text = doc.doc.text.get(doc.sentence_span(s)).unwrap_or_default();
    let ends_sentence = text
        .trim_end_matches(['”', '’', '"', '\'', ')'])
        .ends_with(['.', '!', '?']);
    let words: Vec<&str> = range
        .map(|i| doc.word(i))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let share = capitals as f64 / words.len().max(1) as f64;
    !ends_sentence && words.len() >= HEADLINE_MIN_WORDS && share >= HEADLINE_CAPITALS
}

/// The name words of one article: capitalized words not opening a clause, or opening
/// one but capitalized mid-clause elsewhere in the same article; headlines skipped.
fn names_in(article: usize, doc: &Analysed<'_>) -> Vec<Occurrence> {
    let prose: Vec<bool> = doc
        .sentence_tokens
        .iter()
        .enumerate()
        .map(|(s, r)| !headline(doc, s, r.clone()))
        .collect();
    let in_prose = |i: usize| {
        doc.token_sentence
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|s| prose.get(s).copied().unwrap_or(false))
    };
    let n = doc.doc.tokens.len();
    let mid_clause: HashSet<String> = (0..n)
        .filter(|&i| in_prose(i) && capitalized(doc, i) && !doc.starts_clause(i))
        .map(|i| fold(doc.word(i)))
        .collect();
    let is_name = |i: usize| {
        in_prose(i)
            && capitalized(doc, i)
            && (!doc.starts_clause(i) || mid_clause.contains(&fold(doc.word(i))))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_name(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && is_name(end) && doc.joined(end) {
            end += 1;
        }
        for token in i..end {
            let key = fold(doc.word(token));
            if key.chars().count() > 1 {
                out.push(Occurrence {
                    article,
                    token,
                    key,
                    name: i..end,
                });
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Document;
    use crate::text::MatchOptions;

    fn find(texts: &[&str]) -> Vec<Vec<(String, Vec<usize>)>> {
        let docs: Vec<Document<'_>> = texts
            .iter()
            .map(|t| Document::new(t, &MatchOptions::default()))
            .collect();
        let analysed: Vec<Analysed<'_>> = docs.iter().map(Analysed::new).collect();
        variants(&analysed)
            .into_iter()
            .map(|v| {
                v.spellings
                    .into_iter()
                    .map(|s| (s.key, s.articles))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn one_edit_apart_counts_single_edits() {
        assert!(one_edit_apart("zelensky", "zelenskiy"));
        assert!(one_edit_apart("volodomyr", "volodymyr"));
        assert!(!one_edit_apart("atlantic", "atlanta"));
        assert!(one_edit_apart("abc", "abd") && !one_edit_apart("abc", "abc d"));
    }

    #[test]
    fn spellings_beside_a_shared_name_are_grouped() {
        let found = find(&[
            "The talks included President Volodomyr Zelensky of Ukraine.",
            "Reporters met President Volodymyr Zelenskiy later.",
        ]);
        assert_eq!(
            found,
            [
                vec![
                    ("volodomyr".to_string(), vec![0]),
                    ("volodymyr".to_string(), vec![1])
                ],
                vec![
                    ("zelensky".to_string(), vec![0]),
                    ("zelenskiy".to_string(), vec![1])
                ],
            ]
        );
    }

    #[test]
    fn derived_words_and_case_variants_are_not_variants() {
        let found = find(&[
            "Troops from Russia crossed the river near Kharkiv.",
            "Russian troops crossed the river near KHARKIV.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn capitalized_common_words_are_not_names() {
        let found = find(&[
            "The Secretary of State for Defence spoke on defence spending.",
            "The Defense Secretary spoke on defense spending.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn articles_writing_every_spelling_do_not_disagree() {
        let text = "President Volodomyr Zelensky met President Volodymyr Zelensky aides.";
        assert!(find(&[text, text]).is_empty());
    }

    #[test]
    fn punctuation_only_variants_are_not_variants() {
        let found = find(&[
            "The report by Sean O’Brien-Smith came out.",
            "The report by Sean OBrien-Smith came out.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn close_words_in_unrelated_contexts_are_not_variants() {
        let found = find(&[
            "The treaty covers the North Atlantic area.",
            "She flew home to Atlanta after the game.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn headlines_do_not_make_names() {
        let doc = Document::new(
            "Mayor Says Flooding Worse Than Expected\nThe Mayor spoke to Anna Berg.",
            &MatchOptions::default(),
        );
        let names: Vec<String> = names_in(0, &Analysed::new(&doc))
            .into_iter()
            .map(|o| o.key)
            .collect();
        assert_eq!(names, ["mayor", "anna", "berg"]);
    }

    #[test]
    fn sentence_start_words_are_names_only_when_capitalized_elsewhere() {
        let doc = Document::new(
            "Floods hit Riverton. Riverton lies low. Rescuers came.",
            &MatchOptions::default(),
        );
        let names: Vec<String> = names_in(0, &Analysed::new(&doc))
            .into_iter()
            .map(|o| o.key)
            .collect();
        assert_eq!(names, ["riverton", "riverton"]);
    }
}
