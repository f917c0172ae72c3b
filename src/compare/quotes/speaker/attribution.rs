//! Which verb attributes a quote, and to whom: the first verb just after it or the
//! last one in the sentence before it; a pronoun, participle or role ("the mayor")
//! resolved to the last person named (with that role).

use super::words::{DETERMINERS, PRONOUNS, ROLE_OF, is_participle};
use super::{Context, MAX_APPOSITION_WORDS, MAX_ROLE_PHRASE_WORDS, sentence_at};
use crate::compare::quotes::extract::runs_on;
use crate::text::Sentence;
use std::ops::Range;

/// Most tokens after a closing mark searched for "he said" / "said Healey".
const ATTRIBUTION_WINDOW: usize = 10;

impl Context<'_> {
    /// The pronoun just before token `end`, if any (skipping "also" and the like).
    fn pronoun_before(&self, end: usize) -> Option<usize> {
        let k = self.subject_end(end).checked_sub(1)?;
        (PRONOUNS.contains(&self.key(k)) && !self.quoted.get(k).copied().unwrap_or(true))
            .then_some(k)
    }

    /// A role speaking just before token `end` ("the mayor called", "the port's director
    /// said", "a spokesman for the authority said"): its role key and its words as
    /// written, from the determiner to the role.
    fn role_before(&self, end: usize) -> Option<(String, String)> {
        let end = self.subject_end(end);
        let k = end.checked_sub(1)?;
        // "A spokesman for the regional water authority said": a role and what it is of.
        let k = if self.is_role(k) {
            k
        } else {
            (end.saturating_sub(MAX_ROLE_PHRASE_WORDS)..k)
                .rev()
                .take_while(|&j| !self.quoted[j] && self.joined(j))
                .find(|&j| self.is_role(j) && ROLE_OF.contains(&self.key(j + 1)))?
        };
        let from = (k.saturating_sub(MAX_APPOSITION_WORDS)..k)
            .rev()
            .take_while(|&j| !self.is_capitalized(j) && !self.quoted[j] && self.joined(j))
            .find(|&j| DETERMINERS.contains(&self.key(j)))
            .unwrap_or(k);
        Some((self.key(k).to_string(), self.role_words(from..k + 1)))
    }

    /// A role after an inverted verb, up to the end of the clause ("said a spokeswoman").
    fn role_after(&self, start: usize) -> Option<(String, String)> {
        let last = (start..(start + MAX_APPOSITION_WORDS).min(self.tokens.len()))
            .take_while(|&k| !self.is_capitalized(k) && !self.quoted[k])
            .find(|&k| !self.joined(k))?;
        self.is_role(last)
            .then(|| (self.key(last).to_string(), self.role_words(start..last + 1)))
    }

    /// The words of a role as written, lower-case: "the mayor".
    fn role_words(&self, range: Range<usize>) -> String {
        let text = match (self.tokens.get(range.start), self.tokens.get(range.end - 1)) {
            (Some(a), Some(b)) => self.text.get(a.span.start..b.span.end).unwrap_or(""),
            _ => "",
        };
        text.to_lowercase()
    }

    /// The speaker of the verb at `k`: a name, a pronoun or participle resolved to the
    /// last person named, or a role ("the mayor") resolved to the last person named
    /// with it, else the role itself.
    fn attribution(&self, k: usize) -> Option<String> {
        let at = self.tokens.get(k)?.span.start;
        if let Some(p) = self.pronoun_before(k) {
            return self.resolve(self.tokens.get(p)?.span.start);
        }
        if let Some((name, _)) = self.named_attribution(k) {
            return Some(name);
        }
        let role = self
            .role_before(k)
            .or_else(|| self.inverted(k).then(|| self.role_after(k + 1)).flatten());
        if let Some((key, words)) = role {
            return Some(self.resolve_role(&key, at).unwrap_or(words));
        }
        if is_participle(self.word(k)) {
            return self.resolve(at);
        }
        None
    }

    /// The last person named before byte `at`.
    fn resolve(&self, at: usize) -> Option<String> {
        let before = self.mentions.partition_point(|m| m.at < at);
        Some(self.mentions.get(before.checked_sub(1)?)?.name.clone())
    }

    /// The last person named with role `key` before byte `at`.
    fn resolve_role(&self, key: &str, at: usize) -> Option<String> {
        let before = self.mentions.partition_point(|m| m.at < at);
        self.mentions[..before]
            .iter()
            .rev()
            .find(|m| m.role.as_deref() == Some(key))
            .map(|m| m.name.clone())
    }

    /// "“…,” he said" / "“…,” said Healey": the first verb in a short window after the
    /// quote, unless a full stop inside the marks ends the sentence (“… a fight.” Hoff
    /// said in March … starts another).
    pub(super) fn after(&self, span: &Range<usize>) -> Option<String> {
        if self.text.get(span.clone())?.trim_end().ends_with('.') {
            return None;
        }
        let first = self.tokens.partition_point(|t| t.span.start < span.end);
        let window = first..(first + ATTRIBUTION_WINDOW).min(self.tokens.len());
        let mut previous_end = span.end;
        for k in window {
            let between = self
                .text
                .get(previous_end..self.tokens[k].span.start)
                .unwrap_or("");
            // A line break ends the sentence unless the next line runs on (hard wrap).
            let broken = between.matches('\n').count() > usize::from(runs_on(self.word(k)));
            if self.quoted[k] || between.contains(['.', '!', '?', ';']) || broken {
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
    /// quote that names or resolves a speaker. A quote opening its paragraph after one
    /// that ends with a colon ("Marlow said:") reads that paragraph's last sentence.
    pub(super) fn before(&self, span: &Range<usize>, sentences: &[Sentence]) -> Option<String> {
        let mut sentence_start = sentence_at(sentences, span.start).map_or(0, |s| s.span.start);
        let lead = self.text.get(..sentence_start).unwrap_or("").trim_end();
        let opens_sentence = self
            .text
            .get(sentence_start..span.start)
            .is_some_and(|t| !t.contains(char::is_alphanumeric));
        if opens_sentence && lead.ends_with(':') {
            sentence_start = sentence_at(sentences, lead.len().saturating_sub(1))
                .map_or(sentence_start, |s| s.span.start);
        }
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
