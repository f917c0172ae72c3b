//! Best-effort speakers: "he said", "Hegseth said", "said Healey", "according to …",
//! titles stripped, pronouns resolved to the last person named before.

use crate::text::{Sentence, Token, is_stop_word};
use std::ops::Range;

/// Whether `word` is a word of attribution, which takes the speaker before it ("Hegseth
/// said") or after it ("said Healey"). A `match` on literals: the compiler compares
/// the few candidates of the word's length inline, far cheaper than a table search
/// (this runs for every token).
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "acknowledged"
            | "added"
            | "adds"
            | "announced"
            | "argued"
            | "asked"
            | "claimed"
            | "continued"
            | "declared"
            | "explained"
            | "insisted"
            | "noted"
            | "replied"
            | "said"
            | "say"
            | "says"
            | "stated"
            | "stressed"
            | "tells"
            | "told"
            | "urged"
            | "warned"
            | "wrote"
    )
}

/// Lower-case words that may stand between a speaker and the verb ("Hegseth also said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "again",
    "also",
    "has",
    "had",
    "have",
    "later",
    "previously",
    "then",
    "further",
];

/// Lower-case words after a name that mark it as the subject of a sentence (besides
/// words ending in -ed): "Hegseth made", "Putin has", "Hegseth wouldn’t".
const SUBJECT_VERBS: &[&str] = &[
    "can", "could", "did", "does", "gave", "had", "has", "is", "made", "met", "spoke", "took",
    "wants", "was", "went", "will", "wont", "would", "wouldnt",
];

/// Pronouns resolved to the last named person.
const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Titles, honorifics, nationalities and other capitalized words that are not part of a
/// speaker's name (match keys). "Secretary General Mark Rutte" gives "Mark Rutte".
const NOT_NAME_WORDS: &[&str] = &[
    "admiral",
    "ambassador",
    "american",
    "british",
    "capt",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "commander",
    "defence",
    "defense",
    "deputy",
    "director",
    "dr",
    "envoy",
    "eu",
    "foreign",
    "french",
    "friday",
    "gen",
    "general",
    "german",
    "gov",
    "governor",
    "king",
    "lt",
    "mayor",
    "minister",
    "monday",
    "mr",
    "mrs",
    "ms",
    "nato",
    "president",
    "prime",
    "prof",
    "queen",
    "rep",
    "russian",
    "saturday",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "speaker",
    "spokesman",
    "spokeswoman",
    "state",
    "sunday",
    "the",
    "thursday",
    "treasury",
    "tuesday",
    "uk",
    "ukrainian",
    "un",
    "us",
    "vice",
    "wednesday",
];

/// Most tokens after a closing mark searched for "he said" / "said Healey".
const ATTRIBUTION_WINDOW: usize = 10;
/// Most tokens of a name (after titles are stripped).
const MAX_NAME_WORDS: usize = 3;
/// Most capitalized tokens walked over when reading a name with its titles.
const MAX_TITLED_NAME_WORDS: usize = 8;

/// The text analysed for attribution.
struct Context<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Whether each token lies inside a quote.
    quoted: Vec<bool>,
    /// Named speakers by byte position, in text order (for pronouns).
    mentions: Vec<(usize, String)>,
}

/// The speaker of each quote span (spans in text order; same order out), when the text
/// says who. `tokens` and `sentences` are those of `text`, tokens keyed with the default
/// [`crate::text::MatchOptions`] (the rules read their keys).
pub(super) fn speakers(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    spans: &[Range<usize>],
) -> Vec<Option<String>> {
    let quoted = quoted_tokens(tokens, spans);
    let mut ctx = Context {
        text,
        tokens,
        quoted,
        mentions: Vec::new(),
    };
    ctx.mentions = (0..ctx.tokens.len())
        .filter_map(|k| {
            ctx.named_attribution(k)
                .or_else(|| ctx.subject(k))
                .map(|name| (ctx.tokens[k].span.start, name))
        })
        .collect();
    let mut found: Vec<Option<String>> = spans
        .iter()
        .map(|span| ctx.after(span).or_else(|| ctx.before(span, sentences)))
        .collect();
    inherit_within_paragraph(spans, sentences, &mut found);
    found
}

/// Whether each token lies wholly inside one of `spans` (tokens in text order, not
/// overlapping): each span covers a contiguous run of tokens, found by binary search.
fn quoted_tokens(tokens: &[Token], spans: &[Range<usize>]) -> Vec<bool> {
    // +1 where a run of covered tokens starts, −1 just past its end.
    let mut starts = vec![0isize; tokens.len() + 1];
    for span in spans {
        let first = tokens.partition_point(|t| t.span.start < span.start);
        let end = tokens.partition_point(|t| t.span.end <= span.end);
        if first < end {
            starts[first] += 1;
            starts[end] -= 1;
        }
    }
    let mut depth = 0;
    starts[..tokens.len()]
        .iter()
        .map(|delta| {
            depth += delta;
            depth > 0
        })
        .collect()
}

/// The last sentence starting at or before byte `at`, if any.
fn sentence_at(sentences: &[Sentence], at: usize) -> Option<&Sentence> {
    let after = sentences.partition_point(|s| s.span.start <= at);
    sentences.get(after.checked_sub(1)?)
}

impl Context<'_> {
    fn word(&self, k: usize) -> &str {
        self.tokens
            .get(k)
            .and_then(|t| self.text.get(t.span.clone()))
            .unwrap_or("")
    }

    fn key(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.key.as_str())
    }

    fn is_verb(&self, k: usize) -> bool {
        let word = self.word(k);
        !self.quoted.get(k).copied().unwrap_or(true)
            && (is_speech_verb(word) || (word == "according" && self.key(k + 1) == "to"))
    }

    /// A capitalized token outside quotes that may be part of a name.
    fn is_capitalized(&self, k: usize) -> bool {
        !self.quoted.get(k).copied().unwrap_or(true)
            && self.word(k).chars().next().is_some_and(char::is_uppercase)
            && !is_stop_word(self.key(k))
    }

    /// Whether only spaces separate token `k` from the next (no comma, stop or line break).
    fn joined(&self, k: usize) -> bool {
        let (Some(a), Some(b)) = (self.tokens.get(k), self.tokens.get(k + 1)) else {
            return false;
        };
        self.text
            .get(a.span.end..b.span.start)
            .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
    }

    /// Whether the verb at `k` follows a comma or closing mark: "“…,” said Healey".
    fn inverted(&self, k: usize) -> bool {
        let previous_end = k
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map_or(0, |t| t.span.end);
        let start = self.tokens.get(k).map_or(0, |t| t.span.start);
        self.text
            .get(previous_end..start)
            .is_some_and(|gap| gap.contains([',', '”', '"', '’', '\'', '»']))
    }

    fn is_title(&self, k: usize) -> bool {
        NOT_NAME_WORDS.contains(&self.key(k))
    }

    /// Joins the name tokens `range`, after dropping titles before the last title and a
    /// capitalized common noun opening a sentence ("Engineer Ines Marlow" gives "Ines Marlow").
    fn name(&self, range: Range<usize>) -> Option<String> {
        let last_title = range.clone().rev().find(|&k| self.is_title(k));
        let opens_sentence = range.len() > MAX_NAME_WORDS - 1 && self.starts_sentence(range.start);
        let start = last_title
            .map_or(range.start + usize::from(opens_sentence), |k| k + 1)
            .max(range.end.saturating_sub(MAX_NAME_WORDS));
        (start < range.end).then(|| {
            (start..range.end)
                .map(|k| self.word(k))
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    /// Whether token `k` is the first of a sentence or paragraph.
    fn starts_sentence(&self, k: usize) -> bool {
        let previous_end = k
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map_or(0, |t| t.span.end);
        let start = self.tokens.get(k).map_or(0, |t| t.span.start);
        k == 0
            || self
                .text
                .get(previous_end..start)
                .is_some_and(|gap| gap.contains(['.', '!', '?', '\n']))
    }

    /// The capitalized run ending just before token `end` (skipping "also" and the like).
    fn name_before(&self, end: usize) -> Option<String> {
        let run = self.run_before(end);
        self.name(run)
    }

    /// Token range of the capitalized run ending before `end` (skipping "also" and the like).
    fn run_before(&self, end: usize) -> Range<usize> {
        let mut end = end;
        while end > 0 && BETWEEN_SUBJECT_AND_VERB.contains(&self.word(end - 1)) {
            end -= 1;
        }
        let mut start = end;
        while start > 0
            && end - start < MAX_TITLED_NAME_WORDS
            && self.is_capitalized(start - 1)
            && (start == end || self.joined(start - 1))
        {
            start -= 1;
        }
        start..end
    }

    /// The capitalized run starting at token `start`, not crossing punctuation or a line.
    fn name_after(&self, start: usize) -> Option<String> {
        let mut end = start;
        while end < self.tokens.len()
            && end - start < MAX_TITLED_NAME_WORDS
            && self.is_capitalized(end)
            && (end == start || self.joined(end - 1) || self.is_title(end - 1))
        {
            end += 1;
        }
        self.name(start..end)
    }

    /// The pronoun just before token `end`, if any (skipping "also" and the like).
    fn pronoun_before(&self, end: usize) -> Option<usize> {
        let mut end = end;
        while end > 0 && BETWEEN_SUBJECT_AND_VERB.contains(&self.word(end - 1)) {
            end -= 1;
        }
        let k = end.checked_sub(1)?;
        (PRONOUNS.contains(&self.key(k)) && !self.quoted.get(k).copied().unwrap_or(true))
            .then_some(k)
    }

    /// The person named by the verb at `k`: "Hegseth said", "said Healey", "according to RT".
    fn named_attribution(&self, k: usize) -> Option<String> {
        if !self.is_verb(k) {
            return None;
        }
        if self.word(k) == "according" {
            return self.name_after(k + 2);
        }
        self.name_before(k)
            .or_else(|| self.inverted(k).then(|| self.name_after(k + 1)).flatten())
    }

    /// The name before a verb-like word at `k` ("Rita Vance urged", "Hegseth wouldn’t").
    fn subject(&self, k: usize) -> Option<String> {
        let word = self.word(k);
        let verb_like = word.chars().next().is_some_and(char::is_lowercase)
            && (SUBJECT_VERBS.contains(&self.key(k)) || word.ends_with("ed"));
        if !verb_like || self.quoted.get(k).copied().unwrap_or(true) {
            return None;
        }
        let run = self.run_before(k);
        let starts_clause = run.start == 0
            || self
                .text
                .get(self.tokens[run.start - 1].span.end..self.tokens[run.start].span.start)
                .is_some_and(|gap| gap.contains(['.', ',', ';', ':', '\n', '”', '"']));
        self.name(run)
            .filter(|name| starts_clause && !name.ends_with("’s") && !name.ends_with("'s"))
    }

    /// The speaker of the verb at `k`, resolving a pronoun subject.
    fn attribution(&self, k: usize) -> Option<String> {
        if let Some(p) = self.pronoun_before(k) {
            return self.resolve(self.tokens.get(p)?.span.start);
        }
        self.named_attribution(k)
    }

    /// The last person named before byte `at`.
    fn resolve(&self, at: usize) -> Option<String> {
        let before = self.mentions.partition_point(|(pos, _)| *pos < at);
        let (_, name) = self.mentions.get(before.checked_sub(1)?)?;
        Some(name.clone())
    }

    /// "“…,” he said" / "“…,” said Healey": the first verb in a short window after the quote.
    fn after(&self, span: &Range<usize>) -> Option<String> {
        let first = self.tokens.partition_point(|t| t.span.start < span.end);
        let window = first..(first + ATTRIBUTION_WINDOW).min(self.tokens.len());
        let mut previous_end = span.end;
        for k in window {
            let between = self
                .text
                .get(previous_end..self.tokens[k].span.start)
                .unwrap_or("");
            if self.quoted[k] || between.contains(['.', '!', '?', ';', '\n']) {
                return None;
            }
            if self.is_verb(k) {
                return self.attribution(k);
            }
            previous_end = self.tokens[k].span.end;
        }
        None
    }

    /// "Hegseth said that the U.S. “does not …”": the last verb in the sentence before the
    /// quote that names or resolves a speaker.
    fn before(&self, span: &Range<usize>, sentences: &[Sentence]) -> Option<String> {
        let sentence_start = sentence_at(sentences, span.start).map_or(0, |s| s.span.start);
        let from = self
            .tokens
            .partition_point(|t| t.span.start < sentence_start);
        let to = self.tokens.partition_point(|t| t.span.start < span.start);
        (from..to)
            .rev()
            .filter(|&k| self.is_verb(k))
            .find_map(|k| self.attribution(k))
    }
}

/// Quotes without a speaker take the one of the previous (else next) quote in their paragraph.
///
/// `spans` are in text order, so the quotes of one paragraph are contiguous.
fn inherit_within_paragraph(
    spans: &[Range<usize>],
    sentences: &[Sentence],
    found: &mut [Option<String>],
) {
    let paragraph = |at: usize| sentence_at(sentences, at).map_or(0, |s| s.paragraph);
    let mut group_start = 0;
    while group_start < spans.len() {
        let here = paragraph(spans[group_start].start);
        let group_end = (group_start + 1..spans.len())
            .find(|&j| paragraph(spans[j].start) != here)
            .unwrap_or(spans.len());
        let group = &mut found[group_start..group_end];
        let mut last = group.iter().find_map(Clone::clone);
        for speaker in group.iter_mut() {
            match speaker {
                Some(name) => last = Some(name.clone()),
                None => speaker.clone_from(&last),
            }
        }
        group_start = group_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentences, tokenize};

    fn speaker_of(text: &str, quoted: &str) -> Option<String> {
        let start = text.find(quoted).unwrap_or(0);
        let span = start..start + quoted.len();
        let (tokens, sentences) = (tokenize(text), sentences(text));
        speakers(text, &tokens, &sentences, std::slice::from_ref(&span))
            .pop()
            .flatten()
    }

    #[test]
    fn reads_the_speaker_after_or_before_the_quote() {
        assert_eq!(
            speaker_of("“We will win,” Marlow said.", "We will win,").as_deref(),
            Some("Marlow")
        );
        assert_eq!(
            speaker_of("“We will win,” said Ines Marlow.", "We will win,").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            speaker_of(
                "Marlow also said that it “will not last.”",
                "will not last."
            )
            .as_deref(),
            Some("Marlow")
        );
    }

    #[test]
    fn a_name_after_the_verb_stops_at_the_paragraph_end() {
        assert_eq!(
            speaker_of("“Go,” said Mayor Dana Whitcomb.\n\nDrivers waited.", "Go,").as_deref(),
            Some("Dana Whitcomb")
        );
    }

    #[test]
    fn strips_titles_and_honorifics() {
        let text =
            "“The harbour is open,” Port Authority Director General Ana Silva told reporters.";
        assert_eq!(
            speaker_of(text, "The harbour is open,").as_deref(),
            Some("Ana Silva")
        );
        let text = "Engineer Ines Marlow warned that the dam “cannot be patched.”";
        assert_eq!(
            speaker_of(text, "cannot be patched.").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            speaker_of("“Go,” said Mr. Okafor.", "Go,").as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn resolves_pronouns_to_the_last_named_speaker() {
        let text = "Mayor Okafor said the bridge was safe. Later, “we reopen Monday,” she said.";
        assert_eq!(
            speaker_of(text, "we reopen Monday,").as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn according_to_names_the_source() {
        let text = "“Talks failed,” according to Reuters.";
        assert_eq!(
            speaker_of(text, "Talks failed,").as_deref(),
            Some("Reuters")
        );
    }

    #[test]
    fn no_speaker_without_attribution() {
        assert_eq!(
            speaker_of("The word “robust” appears twice.", "robust"),
            None
        );
    }
}
