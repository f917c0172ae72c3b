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

/// Zero-width joiner: glues emoji into one picture ("👨‍👩‍👧"), hides elsewhere.
const ZWJ: char = '\u{200D}';

/// Whether `c` is in the emoji blocks a [`ZWJ`] sequence is built from.
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Whether `c`, between `prev` and `next`, must be replaced for display: any
/// [`is_unsafe`] character, except a joiner between two emoji (the emoji may end
/// in a variation selector), which is kept so emoji sequences stay whole.
fn must_replace(prev: Option<char>, c: char, next: Option<char>) -> bool {
    if c == ZWJ {
        let joins =
            prev.is_some_and(|p| is_emoji(p) || p == '\u{FE0F}') && next.is_some_and(is_emoji);
        return !joins;
    }
    is_unsafe(c)
}

/// `text` with every [`is_unsafe`] character replaced by [`REPLACEMENT`] (one char
/// for one char, so widths stay predictable), except a zero-width joiner inside an
/// emoji sequence. Tabs become a space.
#[must_use]
pub fn inert(text: &str) -> Cow<'_, str> {
    // Printable ASCII and newlines (most prose) have nothing to replace.
    if text.bytes().all(|b| matches!(b, b' '..=b'~' | b'\n'))
        || !text.chars().any(|c| is_unsafe(c) || c == '\t')
    {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    Cow::Owned(
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
                match c {
                    '\t' => ' ',
                    c if must_replace(prev, c, chars.get(i + 1).copied()) => REPLACEMENT,
                    c => c,
                }
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
    if json
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\n' | b'\t'))
        || !json.chars().any(is_unsafe)
    {
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

/// A writer that passes serialized JSON on with [`json_inert`] applied, so a report
/// can be streamed as it is serialized. A character cut between two writes waits for
/// the rest of its bytes.
#[derive(Debug)]
pub struct InertJson<W: std::io::Write> {
    inner: W,
    /// Bytes of an unfinished character.
    pending: Vec<u8>,
}

impl<W: std::io::Write> InertJson<W> {
    /// Writes into `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for InertJson<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.pending.is_empty()
            && let Ok(text) = std::str::from_utf8(buf)
        {
            self.inner.write_all(json_inert(text).as_bytes())?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // Serialized JSON is UTF-8: only a character cut at the end is incomplete.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        };
        let rest = self.pending.split_off(valid);
        let done = std::mem::replace(&mut self.pending, rest);
        let text = String::from_utf8_lossy(&done);
        self.inner.write_all(json_inert(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
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
    fn streamed_json_is_made_inert_across_writes() {
        use std::io::Write as _;
        let json = "{\"t\": \"a\u{202e}b 北京\"}";
        let mut out = InertJson::new(Vec::new());
        // One byte at a time: characters are cut between writes.
        for byte in json.as_bytes() {
            out.write_all(std::slice::from_ref(byte))
                .unwrap_or_default();
        }
        let shown = String::from_utf8(out.inner).unwrap_or_default();
        assert_eq!(shown, json_inert(json));
        assert!(shown.contains("\\u202e") && shown.contains("北京"));
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
    fn zero_width_joiner_kept_only_inside_emoji_sequences() {
        let family = "👨\u{200D}👩\u{200D}👧 🏳\u{FE0F}\u{200D}🌈";
        assert_eq!(inert(family), family);
        assert_eq!(
            inert("wid\u{200D}th \u{200D}👩 👩\u{200D}"),
            "wid\u{FFFD}th \u{FFFD}👩 👩\u{FFFD}"
        );
    }

    #[test]
    fn c1_controls_are_replaced() {
        assert_eq!(inert("a\u{9b}31mb"), "a\u{FFFD}31mb");
    }
}
