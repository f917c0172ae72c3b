//! Finding a search term in a pane's text, ignoring case.

use std::ops::Range;

/// The hit to jump to first: the first of `hits` starting at or after `top` (the
/// start of the first line shown), else the first of all.
#[must_use]
pub fn first_from(hits: &[Range<usize>], top: usize) -> usize {
    hits.iter().position(|h| h.start >= top).unwrap_or(0)
}

/// Byte ranges of every case-insensitive occurrence of `query` in `text`, in order,
/// not overlapping. An empty query finds nothing.
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    let mut from = 0;
    for (start, _) in text.char_indices() {
        if start < from {
            continue;
        }
        let chars = text[start..].char_indices();
        let mut want = needle.iter();
        let mut end = None;
        'outer: for (offset, c) in chars {
            for lower in c.to_lowercase() {
                match want.next() {
                    Some(&w) if w == lower => {}
                    _ => break 'outer,
                }
            }
            if want.len() == 0 {
                end = Some(start + offset + c.len_utf8());
                break;
            }
        }
        if let Some(end) = end {
            hits.push(start..end);
            from = end;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_with_byte_ranges() {
        let text = "NATO and nato — Nató";
        let hits = find_all(text, "nato");
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[1].clone()], "nato");
        assert_eq!(find_all("Ärger ärger", "ÄR").len(), 2);
        assert!(find_all("abc", "").is_empty());
        assert_eq!(find_all("aaaa", "aa"), vec![0..2, 2..4]);
    }
}
