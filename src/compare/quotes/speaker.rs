//! Best-effort speakers: "he said", "Hegseth said", "said Healey", "according to …",
//! titles stripped, pronouns resolved to the last person named before.

mod words;

use crate::text::{Sentence, Token, is_stop_word};
use std::ops::Range;
use words::{
    BETWEEN_SUBJECT_AND_VERB, DETERMINERS, NOT_NAME_WORDS, PRONOUNS, ROLE_OF, ROLES, SUBJECT_VERBS,
    WEEKDAYS, is_participle, is_speech_verb,
};

/// Most tokens after a closing mark searched for "he said" / "said Healey".
const ATTRIBUTION_WINDOW: usize = 10;
/// Most lower-case tokens of a role or an apposition ("its chief executive,").
const MAX_APPOSITION_WORDS: usize = 4;
/// Most words from a role to its verb ("a spokesman for the regional water authority said").
const MAX_ROLE_PHRASE_WORDS: usize = 8;
/// What ends a clause between two tokens, for an apposition ("…, who leads the team, said").
const CLAUSE_ENDS: [char; 9] = ['.', '!', '?', ';', ':', '\n', '“', '”', '"'];
/// A name and the role it is given, if any.
type Named = (String, Option<String>);
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
    ctx.mentions = (0..ctx.tokens.len())
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

    /// The name in tokens `range` and the role it is given: titles before the last
    /// title and a capitalized common noun opening a sentence are dropped ("Engineer
    /// Ines Marlow" gives "Ines Marlow", role "engineer"); a role noun just before the
    /// run counts as its role too ("coach Ada Mensah").
    fn name(&self, range: Range<usize>) -> Option<Named> {
        let last_title = range.clone().rev().find(|&k| self.is_title(k));
        let opens_sentence = range.len() > MAX_NAME_WORDS - 1 && self.starts_sentence(range.start);
        let start = last_title
            .map_or(range.start + usize::from(opens_sentence), |k| k + 1)
            .max(range.end.saturating_sub(MAX_NAME_WORDS));
        if start >= range.end {
            return None;
        }
        let name = (start..range.end)
            .map(|k| self.word(k))
            .collect::<Vec<_>>()
            .join(" ");
        let role = start
            .checked_sub(1)
            .filter(|&k| k >= range.start || self.is_role(k))
            .map(|k| self.key(k).to_string());
        Some((name, role))
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

    /// The capitalized run ending just before token `end` (skipping "also" and the like);
    /// past a phrase saying what the speaker is of, the person before it ("Petra Hoff
    /// of the IG Metall union said", "Werner Lindqvist, chief executive of Elbwerk, said").
    fn name_before(&self, end: usize) -> Option<Named> {
        let run = self.run_before(end);
        let after_of = run.is_empty()
            || run
                .start
                .checked_sub(1)
                .is_some_and(|k| ROLE_OF.contains(&self.key(k)) && self.joined(k));
        let start = run.start;
        let direct = if after_of { None } else { self.name(run) };
        direct
            .or_else(|| self.name_before_of(start))
            .or_else(|| self.name_before_apposition(end))
    }

    /// The name before a clause set off by commas just before the verb at `end`
    /// ("Helen Achebe, who leads the union's team, said"; "Jane Roe, Acme CEO, said").
    fn name_before_apposition(&self, end: usize) -> Option<Named> {
        let last = self.subject_end(end).checked_sub(1)?;
        if !self.gap_after(last).contains(',') {
            return None;
        }
        let named = (last.saturating_sub(MAX_ROLE_PHRASE_WORDS + 1)..last)
            .rev()
            .take_while(|&k| !self.quoted[k] && !self.gap_after(k).contains(CLAUSE_ENDS))
            .find(|&k| self.gap_after(k).contains(','))?;
        // Who they are, not an aside ("Poland, in fact, has pledged").
        let opener = named + 1;
        let describes = matches!(self.key(opener), "who" | "whose")
            || DETERMINERS.contains(&self.key(opener))
            || self.is_role(opener)
            || self.is_title(opener)
            || self.is_capitalized(opener);
        if !self.is_capitalized(named) || !describes {
            return None;
        }
        self.name(self.run_before(named + 1))
    }

    /// The person whose "of …" phrase ends before token `end`: a name of two or more
    /// words just before the "of", or a name and a role in apposition ("Lindqvist,
    /// chief executive of"), the role given as theirs.
    fn name_before_of(&self, end: usize) -> Option<Named> {
        let of = (end.saturating_sub(MAX_ROLE_PHRASE_WORDS)..end)
            .rev()
            .take_while(|&j| !self.quoted[j] && (self.joined(j) || j + 1 == end))
            .find(|&j| ROLE_OF.contains(&self.key(j)))?;
        let before = of.checked_sub(1)?;
        if self.is_capitalized(before) && self.joined(before) {
            let run = self.run_before(of);
            return (run.len() >= 2).then(|| self.name(run)).flatten();
        }
        let role = (of.saturating_sub(MAX_APPOSITION_WORDS)..of)
            .rev()
            .take_while(|&k| !self.is_capitalized(k) && !self.quoted[k])
            .find(|&k| k > 0 && self.gap_after(k - 1).contains(','))?;
        let (name, _) = self.name(self.run_before(role))?;
        let key = (role..of).rev().find(|&k| self.is_role(k));
        Some((name, key.map(|k| self.key(k).to_string())))
    }

    /// Where the subject of a verb at `end` ends: before "also", "on Monday" and the like.
    fn subject_end(&self, end: usize) -> usize {
        let mut end = end;
        loop {
            if end > 0 && BETWEEN_SUBJECT_AND_VERB.contains(&self.word(end - 1)) {
                end -= 1;
            } else if end > 1 && self.word(end - 2) == "on" && WEEKDAYS.contains(&self.key(end - 1))
            {
                end -= 2;
            } else {
                return end;
            }
        }
    }

    /// Token range of the capitalized run ending before `end` (skipping "also" and the like).
    fn run_before(&self, end: usize) -> Range<usize> {
        let end = self.subject_end(end);
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
    fn name_after(&self, start: usize) -> Option<Named> {
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

    /// The name after an inverted verb, also past lower-case titles ("said union
    /// official Mia Roth") or a role in apposition ("said its president, Gwen Abara").
    fn name_after_apposition(&self, start: usize) -> Option<Named> {
        let titled = || {
            let name = (start..(start + MAX_APPOSITION_WORDS).min(self.tokens.len()))
                .take_while(|&k| !self.quoted[k] && self.joined(k) && !is_stop_word(self.key(k)))
                .find(|&k| self.is_capitalized(k + 1))?;
            let (found, _) = self.name_after(name + 1)?;
            Some((found, Some(self.key(name).to_string())))
        };
        // "said Northline managing director Carl Jansen": an organisation, its title, a name.
        let organisation_titled = || {
            let mut k = start;
            while self.is_capitalized(k) && self.joined(k) && k - start < MAX_NAME_WORDS {
                k += 1;
            }
            let title = (k..(k + MAX_APPOSITION_WORDS).min(self.tokens.len()))
                .take_while(|&j| {
                    !self.quoted[j]
                        && self.joined(j)
                        && !self.is_capitalized(j)
                        && !is_stop_word(self.key(j))
                })
                .find(|&j| self.is_capitalized(j + 1))?;
            if k == start || !self.is_role(title) {
                return None;
            }
            let (found, _) = self.name_after(title + 1)?;
            Some((found, Some(self.key(title).to_string())))
        };
        organisation_titled()
            .or_else(|| self.name_after(start))
            .or_else(titled)
            .or_else(|| {
                let comma = (start..(start + MAX_APPOSITION_WORDS).min(self.tokens.len()))
                    .take_while(|&k| !self.is_capitalized(k) && !self.quoted[k])
                    .find(|&k| self.gap_after(k).contains(','))?;
                self.is_role(comma)
                    .then(|| self.name_after(comma + 1))
                    .flatten()
            })
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

    /// The person named by the verb at `k`: "Hegseth said", "said Healey", "according to RT".
    fn named_attribution(&self, k: usize) -> Option<Named> {
        if !self.is_verb(k) {
            return None;
        }
        if self.word(k) == "according" {
            return self.name_after(k + 2);
        }
        self.name_before(k).or_else(|| {
            self.inverted(k)
                .then(|| self.name_after_apposition(k + 1))
                .flatten()
        })
    }

    /// The name before a verb-like word at `k` ("Rita Vance urged", "Hegseth wouldn’t").
    fn subject(&self, k: usize) -> Option<Named> {
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
                .is_some_and(|gap| gap.contains(['.', ',', ';', ':', '\n', '”', '"', '—', '–']));
        self.name(run)
            .filter(|(name, _)| starts_clause && !name.ends_with("’s") && !name.ends_with("'s"))
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
    fn after(&self, span: &Range<usize>) -> Option<String> {
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
    /// quote that names or resolves a speaker. A quote opening its paragraph after one
    /// that ends with a colon ("Marlow said:") reads that paragraph's last sentence.
    fn before(&self, span: &Range<usize>, sentences: &[Sentence]) -> Option<String> {
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
    let adjacent = |a: &Range<usize>, b: &Range<usize>| {
        text.get(a.end..b.start)
            .is_some_and(|gap| !gap.contains(char::is_alphanumeric))
    };
    for k in (0..spans.len().saturating_sub(1)).rev() {
        if found[k].is_none()
            && paragraph(spans[k].start) == paragraph(spans[k + 1].start)
            && adjacent(&spans[k], &spans[k + 1])
        {
            let (here, next) = found.split_at_mut(k + 1);
            here[k].clone_from(&next[0]);
        }
    }
    for k in 1..spans.len() {
        if found[k].is_none() && paragraph(spans[k - 1].start) == paragraph(spans[k].start) {
            let (previous, here) = found.split_at_mut(k);
            here[0].clone_from(&previous[k - 1]);
        }
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
    fn the_subject_is_read_past_what_they_are_of_and_appositions() {
        let cases = [
            (
                "Petra Hoff of the IG Metall union vowed that “not one job will go.”",
                "Petra Hoff",
            ),
            (
                "Werner Lindqvist, chief executive of Elbwerk, said the cuts were „painful“.",
                "Werner Lindqvist",
            ),
            (
                "Helen Achebe, who leads the union's team, said the offer was “a serious step.”",
                "Helen Achebe",
            ),
        ];
        for (text, speaker) in cases {
            let quote = text.split(['“', '„']).nth(1).unwrap_or("");
            let quote = quote.trim_end_matches(['”', '“', '.']);
            assert_eq!(speaker_of(text, quote).as_deref(), Some(speaker), "{text}");
        }
        // An aside is not an apposition: Poland is not the speaker of the next quote.
        let text = "Ada Kern spoke first. Poland, in fact, has pledged more. “We agree,” she said.";
        assert_eq!(speaker_of(text, "We agree,").as_deref(), Some("Ada Kern"));
    }

    #[test]
    fn an_organisation_and_a_title_after_the_verb_precede_the_name() {
        let text = "“We know,” said Northline managing director Carl Jansen.";
        assert_eq!(speaker_of(text, "We know,").as_deref(), Some("Carl Jansen"));
        let text = "“We know,” said Carl Jansen of Northline.";
        assert_eq!(speaker_of(text, "We know,").as_deref(), Some("Carl Jansen"));
    }

    #[test]
    fn a_full_stop_inside_the_marks_ends_the_sentence_for_the_speaker_after() {
        let text = "He called the cuts “painful.” Petra Hoff of the union vowed to fight.";
        assert_eq!(speaker_of(text, "painful."), None);
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
    fn a_verb_of_characterisation_names_its_subject() {
        let text = "Opposition leader Marta Kowal described the plan as “a gift to the rich.”";
        assert_eq!(
            speaker_of(text, "a gift to the rich.").as_deref(),
            Some("Marta Kowal")
        );
        let text = "The mayor called the vote “a turning point for us.” Critics disagreed.";
        assert_eq!(
            speaker_of(text, "a turning point for us.").as_deref(),
            Some("the mayor")
        );
    }

    #[test]
    fn a_role_speaks_for_the_last_person_named_with_it() {
        let text = "Coach Mira Halvorsen stayed calm. “We will learn,” the coach added.";
        assert_eq!(
            speaker_of(text, "We will learn,").as_deref(),
            Some("Mira Halvorsen")
        );
        let text = "“We looked at every option,” said a company spokeswoman.";
        assert_eq!(
            speaker_of(text, "We looked at every option,").as_deref(),
            Some("a company spokeswoman")
        );
    }

    #[test]
    fn a_participle_takes_the_subject_and_an_apposition_gives_the_name() {
        let text = "Mira Halvorsen dismissed the reports, saying on Friday: “I am staying.”";
        assert_eq!(
            speaker_of(text, "I am staying.").as_deref(),
            Some("Mira Halvorsen")
        );
        let text = "“It is free raw material,” said its president, Gwen Abara.";
        assert_eq!(
            speaker_of(text, "It is free raw material,").as_deref(),
            Some("Gwen Abara")
        );
    }

    #[test]
    fn a_colon_ending_the_paragraph_before_names_the_quote_opening_the_next() {
        let text = "Chief executive Rahul Mehta said:\n\n“This was not a cyberattack.”";
        assert_eq!(
            speaker_of(text, "This was not a cyberattack.").as_deref(),
            Some("Rahul Mehta")
        );
    }

    #[test]
    fn said_x_names_the_quote_next_to_it_only() {
        let text = "The vote was “a turning point.” Critics disagreed. “We had no time,” said Reyes. “None.”";
        let (tokens, sentences) = (tokenize(text), sentences(text));
        let spans: Vec<Range<usize>> = ["a turning point.", "We had no time,", "None."]
            .iter()
            .map(|q| {
                let start = text.find(q).unwrap_or(0);
                start..start + q.len()
            })
            .collect();
        let found = speakers(text, &tokens, &sentences, &spans);
        assert_eq!(
            found,
            [None, Some("Reyes".to_string()), Some("Reyes".to_string())]
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
