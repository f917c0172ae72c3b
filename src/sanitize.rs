//! Makes article text inert for display: nothing in an article may reach the
//! terminal as a control sequence. JSON output keeps the text as data.

use std::borrow::Cow;

/// Replacement shown for a control character or invisible formatting character.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` must not be written to a terminal as is: C0/C1 controls (but tab
/// and newline), DEL, bidi overrides/isolates and zero-width format characters.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` with every [`is_unsafe`] character replaced by [`REPLACEMENT`]
/// (one char for one char, so widths stay predictable). Tabs become a space.
#[must_use]
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) || c == '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if is_unsafe(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        let shown = inert("a\x1b]52;c;aGk=\x07b\x1b[2Jc");
        assert!(!shown.contains('\x1b') && !shown.contains('\x07'));
        assert!(shown.starts_with('a') && shown.ends_with('c'));
    }

    #[test]
    fn bidi_overrides_and_zero_width_are_replaced() {
        assert_eq!(inert("x\u{202E}y\u{200B}z"), "x\u{FFFD}y\u{FFFD}z");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        assert!(matches!(
            inert("Ukraine’s “goal” — 北京\n"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn c1_controls_are_replaced() {
        assert_eq!(inert("a\u{9b}31mb"), "a\u{FFFD}31mb");
    }
}
