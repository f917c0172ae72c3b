//! What a terminal must never receive from an article, and the hostile fixtures.

use std::path::{Path, PathBuf};

/// A file or folder of `tests/fixtures/hostile/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Characters a terminal could act on: controls other than newline, bidi
/// overrides and isolates, zero-width and other invisible format characters.
/// Written out here rather than reusing `crosscheck::sanitize`, so the test
/// checks that module instead of trusting it.
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// The first dangerous character of `text` (a zero-width joiner between two emoji
/// is not: it builds one emoji), with its byte offset.
pub fn first_dangerous(text: &str) -> Option<(usize, char)> {
    let emoji = |c: char| matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    chars.iter().enumerate().find_map(|(i, &(at, c))| {
        let joins = c == '\u{200D}'
            && i > 0
            && chars
                .get(i - 1)
                .is_some_and(|&(_, p)| emoji(p) || p == '\u{FE0F}')
            && chars.get(i + 1).is_some_and(|&(_, n)| emoji(n));
        (is_dangerous(c) && !joins).then_some((at, c))
    })
}

pub fn assert_inert(text: &str, what: &str) {
    if let Some((at, c)) = first_dangerous(text) {
        let from = text.floor_char_boundary(at.saturating_sub(40));
        panic!(
            "{what}: raw {:?} at byte {at} near {:?}",
            c,
            &text[from..at]
        );
    }
}
