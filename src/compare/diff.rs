//! Word diff over match keys with spans in both texts.

use super::Document;
use crate::pair::Pair;
use serde::Serialize;
use std::ops::Range;

/// What a diff op says about its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    /// The words are in both texts.
    Equal,
    /// The words are only in the left text.
    Delete,
    /// The words are only in the right text.
    Insert,
}

/// A run of words with the same [`DiffTag`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// What the run is.
    pub tag: DiffTag,
    /// Byte spans in each text (empty on the side that lacks the words,
    /// placed where they would go).
    pub spans: Pair<Range<usize>>,
}

/// Word diff of the whole texts in order.
#[must_use]
pub fn linear(docs: Pair<&Document<'_>>, _notices: &mut Vec<String>) -> Vec<DiffOp> {
    let keys = docs.map(|d| d.tokens.iter().map(|t| t.key.as_str()).collect::<Vec<_>>());
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &keys.left, &keys.right);
    let span = |doc: &Document<'_>, range: Range<usize>| -> Range<usize> {
        match (
            doc.tokens.get(range.start),
            range.end.checked_sub(1).and_then(|e| doc.tokens.get(e)),
        ) {
            (Some(first), Some(last)) if !range.is_empty() => first.span.start..last.span.end,
            _ => {
                let at = doc
                    .tokens
                    .get(range.start)
                    .map_or(doc.text.len(), |t| t.span.start);
                at..at
            }
        }
    };
    ops.into_iter()
        .map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            let tag = match tag {
                similar::DiffTag::Equal => DiffTag::Equal,
                similar::DiffTag::Delete => DiffTag::Delete,
                similar::DiffTag::Insert | similar::DiffTag::Replace => DiffTag::Insert,
            };
            (tag, old, new)
        })
        .flat_map(|(tag, old, new)| {
            // A replace becomes a delete of the old words plus an insert of the new ones.
            let mut out = Vec::new();
            if tag == DiffTag::Insert && !old.is_empty() {
                out.push(DiffOp {
                    tag: DiffTag::Delete,
                    spans: Pair::new(
                        span(docs.left, old.clone()),
                        span(docs.right, new.start..new.start),
                    ),
                });
            }
            if !(tag == DiffTag::Insert && new.is_empty()) {
                out.push(DiffOp {
                    tag,
                    spans: Pair::new(
                        span(
                            docs.left,
                            if tag == DiffTag::Insert {
                                old.end..old.end
                            } else {
                                old
                            },
                        ),
                        span(docs.right, new),
                    ),
                });
            }
            out
        })
        .collect()
}
