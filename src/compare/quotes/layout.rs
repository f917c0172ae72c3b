//! Where each word of a text stands for quote matching: inside which outer quote, in
//! which sentence. A shared quote is a unit: an alignment may run over the words
//! between two aligned words only when they do not part two quotes (see [`Gap`]).

use super::Quote;
use crate::text::{Sentence, Token};

/// What lies between two aligned words of one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Both words are in one quote.
    Inside,
    /// Two quotes of one sentence with narration between: a split quote
    /// (“…,” he said, “…”).
    Interruption,
    /// Both words are narration, with no quote between (a transcript, an echo).
    Narration,
    /// Narration running straight into a quote in one sentence, or a quote into
    /// narration: next words, nothing skipped ("a unit unable to staff its night
    /// shifts “is not a safe place…”", reported speech that turns into a quote).
    LeadIn,
    /// Anything else: quotes of different sentences, or a quote and narration.
    Break,
}

/// Most tokens between two aligned words for them to stay in one match, on each side.
pub const MERGE_GAP_TOKENS: usize = 6;
/// Most tokens of an [`Gap::Interruption`] between the two parts of a split quote
/// ("," chief engineer Paolo Ricci said on Monday, ").
pub const MAX_INTERRUPTION_TOKENS: usize = 16;

/// Marks a token outside every outer quote.
const NONE: u32 = u32::MAX;

/// The outer quote and sentence of each token of one text.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Index of the outer quote holding each token ([`NONE`] for narration).
    quote: Vec<u32>,
    /// Index of the sentence holding each token.
    sentence: Vec<u32>,
    /// Quoted tokens before each token (one more entry than tokens).
    quoted_before: Vec<u32>,
}

impl Layout {
    /// The layout of `tokens` given the text's `quotes` and `sentences`.
    #[must_use]
    pub fn new(tokens: &[Token], quotes: &[Quote], sentences: &[Sentence]) -> Self {
        let mut quote = vec![NONE; tokens.len()];
        for (index, q) in quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
            let first = tokens.partition_point(|t| t.span.start < q.span.start);
            let end = tokens.partition_point(|t| t.span.end <= q.span.end);
            let id = u32::try_from(index).unwrap_or(NONE);
            for slot in quote.get_mut(first..end.max(first)).unwrap_or_default() {
                *slot = id;
            }
        }
        let mut sentence = Vec::with_capacity(tokens.len());
        let mut s = 0;
        for token in tokens {
            while sentences
                .get(s + 1)
                .is_some_and(|next| next.span.start <= token.span.start)
            {
                s += 1;
            }
            sentence.push(u32::try_from(s).unwrap_or(NONE));
        }
        let mut quoted_before = Vec::with_capacity(tokens.len() + 1);
        let mut count = 0;
        quoted_before.push(0);
        for &q in &quote {
            count += u32::from(q != NONE);
            quoted_before.push(count);
        }
        Self {
            quote,
            sentence,
            quoted_before,
        }
    }

    /// The index (among the text's quotes) of the outer quote holding token `k`.
    #[must_use]
    pub fn quote_of(&self, k: usize) -> Option<usize> {
        self.quote
            .get(k)
            .filter(|&&q| q != NONE)
            .map(|&q| q as usize)
    }

    /// What lies between tokens `a` and `b` (`a` < `b`).
    #[must_use]
    pub fn gap(&self, a: usize, b: usize) -> Gap {
        match (self.quote_of(a), self.quote_of(b)) {
            (Some(x), Some(y)) if x == y => Gap::Inside,
            (Some(_), Some(_)) if self.sentence.get(a) == self.sentence.get(b) => Gap::Interruption,
            (None, None) if self.quoted_between(a, b) == 0 => Gap::Narration,
            (Some(_), None) | (None, Some(_)) if b == a + 1 && self.same_sentence(a, b) => {
                Gap::LeadIn
            }
            _ => Gap::Break,
        }
    }

    /// Quoted tokens strictly between `a` and `b`.
    fn quoted_between(&self, a: usize, b: usize) -> u32 {
        let at = |k: usize| self.quoted_before.get(k).copied().unwrap_or(0);
        at(b).saturating_sub(at(a + 1))
    }

    /// Whether tokens `a` and `b` are in one sentence.
    #[must_use]
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence
            .get(a)
            .is_some_and(|s| self.sentence.get(b) == Some(s))
    }

    /// Whether token `k` stands inside a quote.
    #[must_use]
    pub fn is_quoted(&self, k: usize) -> bool {
        self.quote_of(k).is_some()
    }
}

/// Whether two aligned runs, `skipped` tokens apart on one side, may be one match
/// across a gap of kind `gap` there.
#[must_use]
pub fn bridges(gap: Gap, skipped: usize) -> bool {
    match gap {
        Gap::Inside | Gap::Narration => skipped <= MERGE_GAP_TOKENS,
        Gap::Interruption => skipped <= MAX_INTERRUPTION_TOKENS,
        Gap::LeadIn => skipped == 0,
        Gap::Break => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Document;
    use crate::text::MatchOptions;

    fn gap_between(text: &str, a: &str, b: &str) -> Gap {
        let doc = Document::new(text, &MatchOptions::default());
        let layout = Layout::new(&doc.tokens, &doc.quotes, &doc.sentences);
        let index = |w: &str| {
            let at = text.find(w).unwrap_or(0);
            doc.tokens
                .iter()
                .position(|t| t.span.start == at)
                .unwrap_or(0)
        };
        layout.gap(index(a), index(b))
    }

    #[test]
    fn gaps_between_quotes_and_narration() {
        let text = "“Alpha beta,” he said, “gamma delta.” Then “epsilon zeta” came. Eta theta.";
        assert_eq!(gap_between(text, "Alpha", "beta"), Gap::Inside);
        assert_eq!(gap_between(text, "beta", "gamma"), Gap::Interruption);
        assert_eq!(gap_between(text, "delta", "epsilon"), Gap::Break);
        assert_eq!(gap_between(text, "zeta", "Eta"), Gap::Break);
        assert_eq!(gap_between(text, "Eta", "theta"), Gap::Narration);
        assert_eq!(gap_between(text, "Then", "came"), Gap::Break);
        assert_eq!(gap_between(text, "Then", "epsilon"), Gap::LeadIn);
        assert_eq!(gap_between(text, "zeta", "came"), Gap::LeadIn);
        assert_eq!(gap_between(text, "said", "gamma"), Gap::LeadIn);
        assert_eq!(gap_between(text, "he", "gamma"), Gap::Break);
    }
}
