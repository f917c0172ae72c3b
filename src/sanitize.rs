//! Makes article text inert for display: nothing in an article may reach the
//! terminal as a control sequence. JSON output keeps the text as data.

use std::borrow::Cow;
use std::fmt::Write as _;

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

/// Serialized `json` with every [`is_unsafe`] character JSON leaves raw (DEL, C1
/// controls, bidi and zero-width characters) written as a `\uXXXX` escape: the same
/// data, inert on a terminal. JSON can hold such characters only inside strings,
/// where the escape is valid.
#[must_use]
pub fn json_inert(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_unsafe(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_left_c1_bidi_and_zero_width_raw() {
        let text = "a\u{9b}2J\u{202e}b\u{200b}c\u{7f}\x1b]0;t\x07 北京 “q”";
        let json = serde_json::to_string(&serde_json::json!({ "text": text })).unwrap_or_default();
        let shown = json_inert(&json);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert!(shown.contains("\\u009b") && shown.contains("北京 “q”"));
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap_or_default();
        assert_eq!(back["text"], text);
    }

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
