//! Markdown images and bare image URLs.

use std::ops::Range;

use super::lower;

/// Longest markdown image or link (`![alt](url)`) recognized, in bytes.
const MAX_LINK_BYTES: usize = 4096;
/// Image file extensions of bare image URLs.
const IMAGE_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"];

/// A line that is only an image URL (`https://…/photo.jpg?w=800`).
#[must_use]
pub fn is_image_url(line: &str) -> bool {
    let t = line.trim();
    if !(t.starts_with("http://") || t.starts_with("https://")) || t.contains(char::is_whitespace) {
        return false;
    }
    let path = lower(t.split(['?', '#']).next().unwrap_or(""));
    IMAGE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
}

/// Byte ranges of markdown images in `line`: `![alt](url)`, also wrapped in a link
/// `[![alt](img)](href)`.
#[must_use]
pub fn images(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = line.get(from..).and_then(image_mark) {
        let start = from + found;
        let Some(end) = link_end(line, start + 1) else {
            from = start + 2;
            continue;
        };
        // A linked image: `[` before and `](href)` after.
        let range = match (start.checked_sub(1), line.get(end..)) {
            (Some(before), Some(after))
                if line.as_bytes()[before] == b'[' && after.starts_with("](") =>
            {
                match after.find(')') {
                    Some(close) => before..end + close + 1,
                    None => start..end,
                }
            }
            _ => start..end,
        };
        from = range.end;
        out.push(range);
    }
    out
}

/// Where `![` first stands in `s`: a byte search for `!` (most lines have none).
fn image_mark(s: &str) -> Option<usize> {
    s.match_indices('!')
        .map(|(at, _)| at)
        .find(|&at| s.as_bytes().get(at + 1) == Some(&b'['))
}

/// End (exclusive) of a markdown link `[text](url)` whose `[` is at `open`; the
/// search is bounded so that long lines full of brackets stay linear.
fn link_end(line: &str, open: usize) -> Option<usize> {
    let rest = line.get(open..)?;
    let mut limit = MAX_LINK_BYTES.min(rest.len());
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &rest[..limit];
    let mid = rest.find("](")?;
    if rest[1..mid].contains('[') {
        return None;
    }
    let close = rest[mid..].find(')')?;
    Some(open + mid + close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_links() {
        let line = "Intro ![a photo](https://x.org/a.png) and [![b](https://x.org/b.jpg)](https://x.org) end";
        let found: Vec<&str> = images(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(
            found,
            [
                "![a photo](https://x.org/a.png)",
                "[![b](https://x.org/b.jpg)](https://x.org)"
            ]
        );
        assert!(images("Look [here](x) and ![ unclosed").is_empty());
        assert!(is_image_url("https://cdn.site.com/img/1.JPG?w=800"));
        assert!(!is_image_url("https://site.com/story"));
    }
}
