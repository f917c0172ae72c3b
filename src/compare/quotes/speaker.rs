//! Best-effort speakers: "he said", "Hegseth said", "said Healey", "according to …",
//! titles stripped, pronouns resolved to the last person named before.
//!
//! This file holds the entry point and what the rules read of a token;
//! `names.rs` reads names (with their titles and roles), `attribution.rs` finds the
//! verb that attributes a quote and resolves pronouns and roles to a person named.

mod attribution;
mod names;
#[cfg(test)]
mod tests;
mod words;

use super::extract::runs_on;
use crate::text::{Sentence, Token, is_stop_word};
use std::ops::Range;
use words::{NOT_NAME_WORDS, ROLES, is_speech_verb};

/// Most lower-case tokens of a role or an apposition ("its chief executive,").
const MAX_APPOSITION_WORDS: usize = 4;
/// Most words from a role to its verb ("a spokesman for the regional water authority said").
const MAX_ROLE_PHRASE_WORDS: usize = 8;
/// A name and the role it is given, if any.
type Named = (String, Option<String>);

/// The text analysed for attribution.
struct Context<'t> {
    text: &'t str,
    tokens: &'t [Token],
    /// Whether each token lies inside a quote.
    quoted: Vec<bool>,
    /// Named speakers by byte position, in text order (for pronouns and roles).
    mentions: Vec<Mention>,
}

/// A person named as the subject of a sentence or of a verb of attribution.
struct Mention {
    /// Byte of the naming word.
    at: usize,
    name: String,
    /// The title or role named with them ("mayor" for "Mayor Ada Kern"), as a key.
    role: Option<String>,
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
    // Both rules read only verbs outside quotes.
    ctx.mentions = (0..ctx.tokens.len())
        .filter(|&k| !ctx.quoted[k])
        .filter_map(|k| {
            let (name, role) = ctx.named_attribution(k).or_else(|| ctx.subject(k))?;
            Some(Mention {
                at: ctx.tokens[k].span.start,
                name,
                role,
            })
        })
        .collect();
    let mut found: Vec<Option<String>> = spans
        .iter()
        .map(|span| ctx.after(span).or_else(|| ctx.before(span, sentences)))
        .collect();
    inherit_within_paragraph(text, spans, sentences, &mut found);
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

    /// Whether token `k` is a role noun outside quotes ("mayor", "spokeswoman").
    fn is_role(&self, k: usize) -> bool {
        !self.quoted.get(k).copied().unwrap_or(true) && ROLES.contains(&self.key(k))
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

    /// The text between token `k` and the next one.
    fn gap_after(&self, k: usize) -> &str {
        let end = self.tokens.get(k).map_or(0, |t| t.span.end);
        let next = self
            .tokens
            .get(k + 1)
            .map_or(self.text.len(), |t| t.span.start);
        self.text.get(end..next).unwrap_or("")
    }
}

/// Quotes without a speaker take the one of the previous quote in their paragraph, or
/// of the next one when nothing but marks and spaces part them (“…” “…,” she said):
/// "“…,” said Reyes" names no quote before a sentence of narration.
///
/// `spans` are in text order, so the quotes of one paragraph are contiguous.
fn inherit_within_paragraph(
    text: &str,
    spans: &[Range<usize>],
    sentences: &[Sentence],
    found: &mut [Option<String>],
) {
    let paragraph = |at: usize| sentence_at(sentences, at).map_or(0, |s| s.paragraph);
    // One line, or lines of hard-wrapped text that run on from each other.
    let same_paragraph = |a: usize, b: usize| {
        paragraph(a) == paragraph(b)
            || text
                .get(a..b)
                .is_some_and(|gap| gap.split('\n').skip(1).all(runs_on))
    };
    let adjacent = |a: &Range<usize>, b: &Range<usize>| {
        text.get(a.end..b.start)
            .is_some_and(|gap| !gap.contains(char::is_alphanumeric))
    };
    for k in (0..spans.len().saturating_sub(1)).rev() {
        if found[k].is_none()
            && same_paragraph(spans[k].start, spans[k + 1].start)
            && adjacent(&spans[k], &spans[k + 1])
        {
            let (here, next) = found.split_at_mut(k + 1);
            here[k].clone_from(&next[0]);
        }
    }
    for k in 1..spans.len() {
        if found[k].is_none() && same_paragraph(spans[k - 1].start, spans[k].start) {
            let (previous, here) = found.split_at_mut(k);
            here[0].clone_from(&previous[k - 1]);
        }
    }
}
