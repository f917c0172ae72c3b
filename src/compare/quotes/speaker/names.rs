//! Reading a name around a verb of attribution: the capitalized run before or after
//! it, titles and honorifics dropped, past appositions and "… of the union" phrases,
//! with the role it is given ("Mayor Ada Kern": role "mayor").

use super::words::{BETWEEN_SUBJECT_AND_VERB, DETERMINERS, ROLE_OF, SUBJECT_VERBS, WEEKDAYS};
use super::{Context, MAX_APPOSITION_WORDS, MAX_ROLE_PHRASE_WORDS, Named};
use crate::text::is_stop_word;
use std::ops::Range;

/// What ends a clause between two tokens, for an apposition ("…, who leads the team, said").
const CLAUSE_ENDS: [char; 9] = ['.', '!', '?', ';', ':', '\n', '“', '”', '"'];
/// Most tokens of a name (after titles are stripped).
const MAX_NAME_WORDS: usize = 3;
/// Most capitalized tokens walked over when reading a name with its titles.
const MAX_TITLED_NAME_WORDS: usize = 8;

impl Context<'_> {
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
    pub(super) fn subject_end(&self, end: usize) -> usize {
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

    /// The person named by the verb at `k`: "Hegseth said", "said Healey", "according to RT".
    pub(super) fn named_attribution(&self, k: usize) -> Option<Named> {
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
    pub(super) fn subject(&self, k: usize) -> Option<Named> {
        let word = self.word(k);
        let verb_like = word.chars().next().is_some_and(char::is_lowercase)
            && (word.ends_with("ed") || SUBJECT_VERBS.contains(&self.key(k)));
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
}
