//! What a story is called and how it is named for good: a label from the title
//! words most of its articles share (names first, then the rarer words; never the
//! headline words that say nothing of the event, [`WEAK_TITLE_WORDS`]), and an id
//! from its anchor article, the earliest dated (then the first by id), so the id
//! stays when articles are added to or removed from the folder, unless the anchor goes.

use super::ArticleInfo;
use super::profile::{singular, term_hash};
use crate::text::{is_stop_word, tokenize};
use std::collections::{HashMap, HashSet};

/// Most words in a label.
pub const LABEL_WORDS: usize = 4;

/// Headline words that never name an event (match keys, sorted): reporting verbs
/// ("Hegseth says …", "Mayor warns …"), the words of news packaging ("live",
/// "update", "video") and vague time and linking words. The one list labels skip
/// besides the stop words.
pub const WEAK_TITLE_WORDS: &[&str] = &[
    "according",
    "add",
    "adds",
    "admit",
    "admits",
    "after",
    "ahead",
    "amid",
    "analysis",
    "announce",
    "announced",
    "announces",
    "ask",
    "asked",
    "asks",
    "back",
    "breaking",
    "call",
    "called",
    "calls",
    "claim",
    "claimed",
    "claims",
    "confirm",
    "confirmed",
    "confirms",
    "day",
    "denied",
    "denies",
    "deny",
    "exclusive",
    "explainer",
    "first",
    "get",
    "gets",
    "latest",
    "live",
    "make",
    "makes",
    "new",
    "news",
    "opinion",
    "photo",
    "photos",
    "report",
    "reported",
    "reports",
    "reveal",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "see",
    "sees",
    "set",
    "sets",
    "slam",
    "slams",
    "speak",
    "speaks",
    "take",
    "takes",
    "tell",
    "tells",
    "told",
    "update",
    "updated",
    "updates",
    "urge",
    "urged",
    "urges",
    "video",
    "vow",
    "vowed",
    "vows",
    "warn",
    "warned",
    "warns",
    "watch",
    "week",
    "year",
    "years",
];

/// The member whose article id names the story: earliest date, then least id.
#[must_use]
pub fn anchor(members: &[usize], info: &[ArticleInfo<'_>]) -> Option<usize> {
    members.iter().copied().min_by(|&a, &b| {
        let key = |i: usize| {
            let meta = info.get(i);
            (
                meta.and_then(|m| m.date).is_none(),
                meta.and_then(|m| m.date).unwrap_or(""),
                meta.map_or("", |m| m.id),
                i,
            )
        };
        key(a).cmp(&key(b))
    })
}

/// A story id: `s` and eight hex digits of a fixed hash of the anchor's article id
/// (FNV-1a, the same in every build).
#[must_use]
pub fn story_id(anchor_id: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in anchor_id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("s{:08x}", hash >> 32)
}

/// The label of a story: up to [`LABEL_WORDS`] words that most of its titles share
/// (most shared first, then names, then rarer across all titles), as first written;
/// a lone article's label is its title.
#[must_use]
pub fn label(members: &[usize], info: &[ArticleInfo<'_>], title_df: &TitleWords) -> String {
    let titles: Vec<&str> = members
        .iter()
        .filter_map(|&i| info.get(i).map(|m| m.title))
        .collect();
    if let [only] = titles.as_slice() {
        return (*only).to_string();
    }
    // key → (titles carrying it, first written form, first position)
    let mut counts: HashMap<String, (usize, String, usize)> = HashMap::new();
    let mut position = 0;
    for title in &titles {
        let mut seen: Vec<String> = Vec::new();
        for token in tokenize(title) {
            position += 1;
            let key = singular(&token.key).into_owned();
            if !label_word(&key) || seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            let written = title
                .get(token.span.clone())
                .unwrap_or_default()
                .to_string();
            counts
                .entry(key)
                .and_modify(|c| c.0 += 1)
                .or_insert((1, written, position));
        }
    }
    let mut shared: Vec<(String, (usize, String, usize))> =
        counts.into_iter().filter(|(_, c)| c.0 >= 2).collect();
    shared.sort_by(|(ka, a), (kb, b)| {
        let df = |k: &str| title_df.counts.get(k).copied().unwrap_or(0);
        let name = |k: &str| term_hash(k).is_some_and(|h| title_df.names.contains(&h));
        b.0.cmp(&a.0)
            .then(name(kb).cmp(&name(ka)))
            .then(df(ka).cmp(&df(kb)))
            .then(a.2.cmp(&b.2))
    });
    let words: Vec<String> = shared
        .into_iter()
        .take(LABEL_WORDS)
        .map(|(_, (_, written, _))| written)
        .collect();
    if words.is_empty() {
        return titles.first().map(|t| (*t).to_string()).unwrap_or_default();
    }
    words.join(" · ")
}

/// How many titles carry each label word, over all articles, and which terms the
/// articles' texts write as names.
#[derive(Debug, Clone, Default)]
pub struct TitleWords {
    counts: HashMap<String, usize>,
    names: HashSet<u64>,
}

/// The titles carrying each label word, over all articles; `names` are the term
/// hashes some article writes as a name (capitalized inside a sentence).
#[must_use]
pub fn title_frequencies(
    info: &[ArticleInfo<'_>],
    names: impl IntoIterator<Item = u64>,
) -> TitleWords {
    let mut df: HashMap<String, usize> = HashMap::new();
    for meta in info {
        let mut keys: Vec<String> = tokenize(meta.title)
            .into_iter()
            .map(|t| singular(&t.key).into_owned())
            .filter(|k| label_word(k))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            *df.entry(key).or_insert(0) += 1;
        }
    }
    TitleWords {
        counts: df,
        names: names.into_iter().collect(),
    }
}

/// Whether a title word may stand in a label: a content word of three letters or
/// more, neither a stop word nor a [`WEAK_TITLE_WORDS`] word (as written or without
/// its plural `s`: "Says" is "say").
fn label_word(key: &str) -> bool {
    let weak = |k: &str| is_stop_word(k) || WEAK_TITLE_WORDS.binary_search(&k).is_ok();
    key.chars().count() >= 3
        && key.chars().all(char::is_alphabetic)
        && !weak(key)
        && !weak(&singular(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info<'a>(id: &'a str, title: &'a str, date: Option<&'a str>) -> ArticleInfo<'a> {
        ArticleInfo { id, title, date }
    }

    #[test]
    fn the_anchor_is_the_earliest_dated_then_the_least_id() {
        let all = [
            info("b", "", Some("2026-05-12")),
            info("a", "", None),
            info("c", "", Some("2026-05-11")),
            info("d", "", Some("2026-05-11")),
        ];
        assert_eq!(anchor(&[0, 1, 2, 3], &all), Some(2));
        assert_eq!(anchor(&[0, 1], &all), Some(0));
        assert_eq!(anchor(&[1], &all), Some(1));
        assert_ne!(story_id("a"), story_id("b"));
        assert_eq!(story_id("a").len(), 9);
    }

    #[test]
    fn labels_are_the_most_shared_title_words() {
        let all = [
            info("1", "Dockworkers strike at Calder port", None),
            info("2", "Calder port at a standstill", None),
            info("3", "Strike threatens Calder exporters", None),
            info("4", "Tram approved", None),
        ];
        let df = title_frequencies(&all, []);
        assert_eq!(label(&[0, 1, 2], &all, &df), "Calder · strike · port");
        assert_eq!(label(&[3], &all, &df), "Tram approved");
    }

    #[test]
    fn labels_skip_reporting_verbs_and_put_names_first() {
        let all = [
            info("1", "Mayor Says Bridge Will Close", None),
            info("2", "Lund says bridge to close for repairs", None),
            info("3", "Bridge closure: Lund warns of delays", None),
        ];
        let names = [term_hash("lund").unwrap()];
        let df = title_frequencies(&all, names);
        assert_eq!(label(&[0, 1, 2], &all, &df), "Bridge · Lund · Close");
    }

    #[test]
    fn the_weak_words_are_sorted_match_keys() {
        assert!(WEAK_TITLE_WORDS.is_sorted());
        assert!(
            WEAK_TITLE_WORDS
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
    }
}
