//! What faces what across a pair, read from its comparison: the aligned sentences
//! that stay in order on both sides (anchors: they cut both texts into the same
//! number of blocks, so the panes can stand counterparts on one row), the
//! sentences and quotes that moved (another order in the other article), and the
//! pair's changes in reading order. A change belongs to the pair: an insertion on
//! the right is a change for the left pane too.

use crate::compare::{Comparison, DiffOp};
use crate::pair::{Pair, Side};
use std::ops::Range;

/// One change of the pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where it is on each side; empty on a side that lacks it, placed where it would go.
    pub spans: Pair<Range<usize>>,
    /// A sentence standing at another place in the other article's order.
    pub moved: bool,
}

impl Change {
    /// The sides where the change has text.
    pub fn present(&self) -> impl Iterator<Item = Side> + '_ {
        Side::BOTH
            .into_iter()
            .filter(|s| !self.spans[*s].is_empty())
    }
}

/// A pair's counterparts and changes, in clean-text byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counterparts {
    /// Aligned sentences in the same order on both sides, in text order.
    pub anchors: Vec<Pair<Range<usize>>>,
    /// Sentences and quotes whose two sides lie in different blocks.
    pub moved: Vec<Pair<Range<usize>>>,
    /// Where shared quotes that are not moved start (at the start of their first
    /// word), in order on both sides: the grid starts a row there on both sides,
    /// so the two face each other.
    pub quote_cuts: Vec<Pair<usize>>,
    /// The changes, in reading order (by block, then left, then right offset).
    pub changes: Vec<Change>,
}

impl Counterparts {
    /// The counterparts of a comparison of `texts` (also of a pair that shares
    /// nothing: the reader shows it without a diff unless both articles are in one
    /// story, see `App::unrelated`).
    #[must_use]
    pub fn new(comparison: &Comparison, texts: Pair<&str>) -> Self {
        let mut pairs: Vec<Pair<Range<usize>>> = comparison
            .alignment
            .iter()
            .filter_map(|p| Some(Pair::new(p.left.clone()?, p.right.clone()?)))
            .collect();
        pairs.sort_by_key(|p| (p.left.start, p.right.start));
        let in_order = longest_in_order(&pairs);
        let (mut anchors, mut moved) = (Vec::new(), Vec::new());
        for (i, pair) in pairs.into_iter().enumerate() {
            if in_order.binary_search(&i).is_ok() {
                anchors.push(pair);
            } else {
                moved.push(pair);
            }
        }
        let mut changes: Vec<Change> = moved
            .iter()
            .map(|spans| Change {
                spans: spans.clone(),
                moved: true,
            })
            .collect();
        changes.extend(word_changes(&comparison.diff, &moved, texts));
        let mut quotes: Vec<&Pair<Range<usize>>> =
            comparison.shared_quotes.iter().map(|q| &q.spans).collect();
        quotes.sort_by_key(|spans| spans.left.start);
        let mut quote_cuts: Vec<Pair<usize>> = Vec::new();
        for spans in quotes {
            if moved.iter().any(|m| within(spans, m)) {
                continue;
            }
            let blocks = Side::BOTH.map(|s| block_of(&anchors, s, spans[s].start));
            if blocks[0] != blocks[1] {
                moved.push(spans.clone());
                continue;
            }
            // At the quotation's opening mark, else (the mark outside the quote's
            // block or before the last cut) at its first shared word.
            let candidates = [
                Pair::new(
                    quote_start(texts.left, spans.left.start),
                    quote_start(texts.right, spans.right.start),
                ),
                Pair::new(
                    word_start(texts.left, spans.left.start),
                    word_start(texts.right, spans.right.start),
                ),
            ];
            let fits = |cut: &Pair<usize>| {
                quote_cuts
                    .last()
                    .is_none_or(|last| last.left < cut.left && last.right < cut.right)
                    && Side::BOTH
                        .into_iter()
                        .all(|s| block_of(&anchors, s, cut[s]) == blocks[0])
            };
            if let Some(cut) = candidates.into_iter().find(fits) {
                quote_cuts.push(cut);
            }
        }
        let mut counterparts = Self {
            anchors,
            moved,
            quote_cuts,
            changes,
        };
        counterparts.sort_changes();
        counterparts
    }

    /// The same counterparts seen from the other side.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        let swap =
            |spans: &Vec<Pair<Range<usize>>>| spans.iter().map(|p| p.clone().swapped()).collect();
        let mut mirrored = Self {
            anchors: swap(&self.anchors),
            moved: swap(&self.moved),
            quote_cuts: self.quote_cuts.iter().map(|c| c.swapped()).collect(),
            changes: self
                .changes
                .iter()
                .map(|c| Change {
                    spans: c.spans.clone().swapped(),
                    moved: c.moved,
                })
                .collect(),
        };
        mirrored.sort_changes();
        mirrored
    }

    /// Puts the changes in reading order: by block, then left, then right offset.
    fn sort_changes(&mut self) {
        let anchors = &self.anchors;
        self.changes.sort_by_cached_key(|c| {
            let block = c
                .present()
                .map(|s| block_of(anchors, s, c.spans[s].start))
                .min()
                .unwrap_or(0);
            (block, c.spans.left.start, c.spans.right.start)
        });
    }

    /// Index of the block holding byte `pos` of `side`: even indices are the gaps
    /// before, between and after the anchors, odd ones the anchors themselves.
    #[must_use]
    pub fn block(&self, side: Side, pos: usize) -> usize {
        block_of(&self.anchors, side, pos)
    }

    /// How many blocks cut each side: a gap, then an anchor and a gap per anchor.
    #[must_use]
    pub fn block_count(&self) -> usize {
        2 * self.anchors.len() + 1
    }

    /// Whether `spans` lie inside a moved sentence or are a moved quote.
    #[must_use]
    pub fn is_moved(&self, spans: &Pair<Range<usize>>) -> bool {
        self.moved.iter().any(|m| within(spans, m))
    }

    /// For each block, whether a change has text in it on either side.
    #[must_use]
    pub fn changed_blocks(&self) -> Vec<bool> {
        let mut changed = vec![false; self.block_count()];
        for change in &self.changes {
            for side in change.present() {
                let span = &change.spans[side];
                let first = self.block(side, span.start);
                let last = self.block(side, span.end.saturating_sub(1).max(span.start));
                for flag in changed.iter_mut().take(last + 1).skip(first) {
                    *flag = true;
                }
            }
        }
        changed
    }
}

/// Cuts a text of `len` bytes at `anchors` (in order) into blocks: gap, anchor,
/// gap, …, gap, ranges that tile `0..len`.
#[must_use]
pub fn blocks(anchors: impl IntoIterator<Item = Range<usize>>, len: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cursor = 0;
    for anchor in anchors {
        let start = anchor.start.clamp(cursor, len);
        let end = anchor.end.clamp(start, len);
        out.push(cursor..start);
        out.push(start..end);
        cursor = end;
    }
    out.push(cursor..len);
    out
}

fn block_of(anchors: &[Pair<Range<usize>>], side: Side, pos: usize) -> usize {
    let before = anchors.partition_point(|a| a[side].end <= pos);
    let inside = anchors
        .get(before)
        .is_some_and(|a| a[side].start <= pos && pos < a[side].end);
    2 * before + usize::from(inside)
}

/// Most characters looked back from a shared quote's first word for the opening
/// mark of its quotation.
const OPENING_MARK_REACH: usize = 60;

/// Where the quotation holding the shared words at byte `pos` of `text` opens: its
/// opening mark when one stands a few words before them in the same sentence (the
/// outlets transcribed its first words differently: “We cannot keep …” and “We
/// can’t keep …” share only from `keep`), else the start of the word at `pos`. So a
/// row starts where a reader sees the quote start, not mid-quotation.
fn quote_start(text: &str, pos: usize) -> usize {
    let word = word_start(text, pos);
    let mut chars = text[..word].char_indices().rev().peekable();
    let mut seen = 0;
    while let Some((at, c)) = chars.next() {
        seen += 1;
        let before = chars.peek().map(|&(_, b)| b);
        let opens_here = before.is_none_or(char::is_whitespace);
        match c {
            '“' | '„' | '«' | '‘' => return at,
            '"' if opens_here => return at,
            '”' | '»' | '"' | '\n' | '.' | '!' | '?' => return word,
            _ if seen > OPENING_MARK_REACH => return word,
            _ => {}
        }
    }
    word
}

/// The start of the word holding byte `pos` of `text` (an opening quote mark stays
/// with its word).
fn word_start(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.get(..pos)
        .and_then(|before| before.rfind(char::is_whitespace))
        .map_or(0, |space| {
            space + text[space..].chars().next().map_or(1, char::len_utf8)
        })
}

/// Indices (ascending) of the longest chain of `pairs` (sorted by left start) whose
/// right sides are in order too and do not overlap.
fn longest_in_order(pairs: &[Pair<Range<usize>>]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, pair) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].right.end <= pair.right.start);
        previous[i] = at.checked_sub(1).and_then(|p| tails.get(p).copied());
        if at == tails.len() {
            tails.push(i);
        } else if pairs[tails[at]].right.end > pair.right.end {
            tails[at] = i;
        }
    }
    let mut chain = Vec::new();
    let mut next = tails.last().copied();
    while let Some(i) = next {
        chain.push(i);
        next = previous[i];
    }
    chain.reverse();
    chain
}

/// Whether every non-empty side of `inner` lies inside that side of `outer`.
fn within(inner: &Pair<Range<usize>>, outer: &Pair<Range<usize>>) -> bool {
    Side::BOTH.into_iter().all(|s| {
        inner[s].is_empty() || (outer[s].start <= inner[s].start && inner[s].end <= outer[s].end)
    })
}

/// Runs of consecutive change ops ([`DiffOp::is_change`]: a near op only when the
/// ignore mode counts its kind) outside the moved sentences, one change each; a run
/// ends at a paragraph break on either side, so a passage of several inserted
/// paragraphs is several changes.
fn word_changes(diff: &[DiffOp], moved: &[Pair<Range<usize>>], texts: Pair<&str>) -> Vec<Change> {
    let mut out = Vec::new();
    let mut run: Option<Pair<Range<usize>>> = None;
    let breaks = |run: &Pair<Range<usize>>, piece: &Pair<Range<usize>>| {
        Side::BOTH.into_iter().any(|s| {
            let (a, b) = (&run[s], &piece[s]);
            !a.is_empty()
                && !b.is_empty()
                && texts[s]
                    .get(a.end.min(b.start)..b.start.max(a.end))
                    .is_some_and(|between| between.contains('\n'))
        })
    };
    for op in diff {
        let change = op.is_change() && !moved.iter().any(|m| within(&op.spans, m));
        if !change {
            out.extend(run.take().map(|spans| Change {
                spans,
                moved: false,
            }));
            continue;
        }
        for piece in paragraphs(&op.spans, texts) {
            if run.as_ref().is_some_and(|r| breaks(r, &piece)) {
                out.extend(run.take().map(|spans| Change {
                    spans,
                    moved: false,
                }));
            }
            run = Some(match run {
                None => piece,
                Some(spans) => Pair::new(
                    join(&spans.left, &piece.left),
                    join(&spans.right, &piece.right),
                ),
            });
        }
    }
    out.extend(run.map(|spans| Change {
        spans,
        moved: false,
    }));
    out
}

/// An op's spans cut at the paragraph breaks of the one side it has text on (an op
/// with text on both sides stays whole).
fn paragraphs(spans: &Pair<Range<usize>>, texts: Pair<&str>) -> Vec<Pair<Range<usize>>> {
    let sides: Vec<Side> = Side::BOTH
        .into_iter()
        .filter(|s| !spans[*s].is_empty())
        .collect();
    let [side] = sides.as_slice() else {
        return vec![spans.clone()];
    };
    let span = &spans[*side];
    let Some(text) = texts[*side].get(span.clone()) else {
        return vec![spans.clone()];
    };
    let mut out = Vec::new();
    let mut at = span.start;
    for part in text.split('\n') {
        let start = at + (part.len() - part.trim_start().len());
        let end = at + part.trim_end().len();
        if start < end {
            let mut piece = spans.clone();
            piece[*side] = start..end;
            out.push(piece);
        }
        at += part.len() + 1;
    }
    if out.is_empty() {
        out.push(spans.clone());
    }
    out
}

/// The smallest range covering two ranges; an empty one only counts when both are.
fn join(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    match (a.is_empty(), b.is_empty()) {
        (true, false) => b.clone(),
        (false | true, true) => a.clone(),
        (false, false) => a.start.min(b.start)..a.end.max(b.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, compare_texts};

    fn counterparts(left: &str, right: &str) -> Counterparts {
        let texts = Pair::new(left, right);
        Counterparts::new(&compare_texts(texts, &CompareOptions::default()), texts)
    }

    const SHARED: [&str; 4] = [
        "The council voted on Tuesday to close the harbor bridge for repairs.",
        "Engineers found cracks in two of the bridge's steel girders last month.",
        "Ferries will carry commuters across the harbor while the work goes on.",
        "The mayor said the bridge would reopen before the summer festival.",
    ];

    #[test]
    fn in_order_sentences_anchor_and_an_insertion_is_a_change_of_both_sides() {
        let left = SHARED.join("\n\n");
        let extra = "Shop owners near the bridge fear a long and costly closure.";
        let right = format!(
            "{}\n\n{extra}\n\n{}",
            SHARED[..2].join("\n\n"),
            SHARED[2..].join("\n\n")
        );
        let found = counterparts(&left, &right);
        assert_eq!(found.anchors.len(), 4);
        assert!(found.moved.is_empty());
        assert_eq!(found.changes.len(), 1);
        let change = &found.changes[0];
        assert!(extra.starts_with(&right[change.spans.right.clone()]));
        assert!(change.spans.left.is_empty());
        assert_eq!(found.block(Side::Right, change.spans.right.start), 4);
        let changed = found.changed_blocks();
        assert_eq!(changed.iter().filter(|c| **c).count(), 1);
        assert!(changed[4]);
    }

    #[test]
    fn a_sentence_out_of_order_is_moved_and_a_change() {
        let left = SHARED.join(" ");
        let right = [SHARED[3], SHARED[0], SHARED[1], SHARED[2]].join(" ");
        let found = counterparts(&left, &right);
        assert_eq!(found.anchors.len(), 3);
        assert_eq!(found.moved.len(), 1);
        let moved = &found.moved[0];
        assert_eq!(&left[moved.left.clone()], SHARED[3]);
        assert_eq!(&right[moved.right.clone()], SHARED[3]);
        assert_eq!(found.changes.len(), 1);
        assert!(found.changes[0].moved);
    }

    #[test]
    fn inserted_paragraphs_are_a_change_each_and_mirror_back() {
        let left = SHARED.join("\n\n");
        let extra = [
            "Shop owners near the bridge fear a long and costly closure.",
            "A petition against the plan gathered four thousand signatures.",
        ];
        let right = format!(
            "{}\n\n{}\n\n{}",
            SHARED[0],
            extra.join("\n\n"),
            SHARED[1..].join("\n\n")
        );
        let found = counterparts(&left, &right);
        let changed: Vec<&str> = found
            .changes
            .iter()
            .map(|c| &right[c.spans.right.clone()])
            .collect();
        assert_eq!(changed.len(), 2, "{changed:?}");
        for (got, want) in changed.iter().zip(extra) {
            assert!(want.starts_with(got), "{got:?} is part of {want:?}");
        }
        let mirrored = found.mirrored();
        assert_eq!(mirrored, counterparts(&right, &left));
        assert_eq!(mirrored.mirrored(), found);
    }

    #[test]
    fn a_quote_cut_starts_at_its_opening_mark_when_the_first_words_differ() {
        let left = "“We cannot keep patching it,” said the mayor.";
        let keep = left.find("keep").unwrap();
        assert_eq!(quote_start(left, keep), 0);
        let right = "The mayor spoke. “We can’t keep patching it,” she said.";
        let keep = right.find("keep").unwrap();
        assert!(right[quote_start(right, keep)..].starts_with("“We can’t"));
        let straight = "Ruiz said: \"We can't keep patching it.\"";
        let keep = straight.find("keep").unwrap();
        assert!(straight[quote_start(straight, keep)..].starts_with("\"We can't"));
        let closed = "“Enough,” she said. Then she added keep calm.";
        let keep = closed.find("keep").unwrap();
        assert_eq!(quote_start(closed, keep), keep, "no mark in its sentence");
    }

    #[test]
    fn quotes_in_order_cut_both_sides_at_their_first_word() {
        let left = "The mayor spoke on Tuesday and said “we cannot wait any longer for the state.”";
        let right =
            "On Tuesday the mayor spoke: “We cannot wait any longer for the state,” she said.";
        let found = counterparts(left, right);
        assert_eq!(found.anchors.len(), 1);
        let [cut] = found.quote_cuts.as_slice() else {
            panic!("one cut: {found:?}");
        };
        assert!(left[cut.left..].starts_with("“we cannot"));
        assert!(right[cut.right..].starts_with("“We cannot"));
        assert_eq!(word_start("ab cd", 4), 3);
        assert_eq!(word_start("abcd", 2), 0);
    }

    #[test]
    fn near_words_are_changes_only_when_the_ignore_mode_counts_their_kind() {
        let texts = Pair::new(
            "The colour of the harbor bridge will change this spring.",
            "The color of the harbor bridge will change this spring.",
        );
        let changes = |matching: crate::text::MatchOptions| {
            let options = CompareOptions {
                matching,
                ..CompareOptions::default()
            };
            Counterparts::new(&compare_texts(texts, &options), texts).changes
        };
        assert!(changes(crate::text::MatchOptions::default()).is_empty());
        let spelling_counts = crate::text::MatchOptions {
            ignore_spelling: false,
            ..crate::text::MatchOptions::default()
        };
        let found = changes(spelling_counts);
        assert_eq!(found.len(), 1);
        assert!(texts.left[found[0].spans.left.clone()].starts_with("colour"));
    }

    #[test]
    fn blocks_tile_the_text() {
        let cuts = blocks([2..5, 7..9], 12);
        assert_eq!(cuts, vec![0..2, 2..5, 5..7, 7..9, 9..12]);
        assert_eq!(blocks([], 4), vec![0..4]);
        // Overlapping or out-of-range anchors are clamped, never cut backwards.
        assert_eq!(
            blocks([3..20, 1..2], 10),
            vec![0..3, 3..10, 10..10, 10..10, 10..10]
        );
    }

    #[test]
    fn a_pair_sharing_nothing_has_no_anchors_and_all_its_words_as_changes() {
        let found = counterparts(
            "Farmers protested new grain tariffs in the capital on Monday.",
            "A comet was visible over the desert observatory all week.",
        );
        assert!(found.anchors.is_empty() && found.moved.is_empty());
        assert!(!found.changes.is_empty());
    }

    #[test]
    fn longest_in_order_skips_the_pair_out_of_order() {
        let p = |l: usize, r: usize| Pair::new(l..l + 1, r..r + 1);
        let pairs = [p(0, 10), p(2, 0), p(4, 2), p(6, 4)];
        assert_eq!(longest_in_order(&pairs), vec![1, 2, 3]);
    }
}
