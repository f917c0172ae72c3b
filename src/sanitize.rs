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

/// The first character of `bytes` (UTF-8 text) that is [`is_unsafe`], or a tab
/// when `tabs`: its byte offset and length. A byte scan, without decoding: the
/// unsafe characters are C0 controls, DEL, C1 controls (`C2 80`–`C2 9F`) and three
/// ranges of `E2 80`/`E2 81` and `EF BB BF`, so every other byte is skipped at once.
fn find_unsafe(bytes: &[u8], tabs: bool) -> Option<(usize, usize)> {
    // A control but newline (and tab unless `tabs`), DEL, or the lead byte of a
    // possibly unsafe character (no short-circuit: blocks are tested in vector code).
    let flagged = |b: u8| {
        let control = u8::from(b < 0x20) & u8::from(b != b'\n') & u8::from(tabs || b != b'\t');
        control
            | u8::from(b == 0x7F)
            | u8::from(b == 0xC2)
            | u8::from(b == 0xE2)
            | u8::from(b == 0xEF)
    };
    let mut at = 0;
    loop {
        // Blocks of 16 bytes with nothing flagged are skipped without a branch per byte.
        while let Some(block) = bytes
            .get(at..at + 16)
            .and_then(|b| <&[u8; 16]>::try_from(b).ok())
            && block.iter().fold(0, |any, &b| any | flagged(b)) == 0
        {
            at += 16;
        }
        at += bytes.get(at..)?.iter().position(|&b| flagged(b) != 0)?;
        let next = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
        let len = match next(0) {
            0xC2 => usize::from(matches!(next(1), 0x80..=0x9F)) * 2,
            0xE2 => {
                let unsafe_format = matches!(
                    (next(1), next(2)),
                    (0x80, 0x8B..=0x8F | 0xAA..=0xAE) | (0x81, 0xA0..=0xA9)
                );
                usize::from(unsafe_format) * 3
            }
            0xEF => usize::from((next(1), next(2)) == (0xBB, 0xBF)) * 3,
            _ => 1,
        };
        if len > 0 {
            return Some((at, len));
        }
        at += 1;
    }
}

/// `text` with every [`is_unsafe`] character replaced by [`REPLACEMENT`] (one char
/// for one char, so widths stay predictable), except a zero-width joiner inside an
/// emoji sequence. Tabs become a space.
#[must_use]
pub fn inert(text: &str) -> Cow<'_, str> {
    // Most prose has nothing to replace: one byte scan says so.
    if find_unsafe(text.as_bytes(), true).is_none() {
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
    if find_unsafe(json.as_bytes(), false).is_none() {
        return Cow::Borrowed(json);
    }
    let mut out = Vec::with_capacity(json.len() + 16);
    let _ = write_json_inert(&mut out, json.as_bytes());
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// Writes `json` (whole UTF-8 characters) into `out` with every [`is_unsafe`]
/// character as a `\uXXXX` escape, the runs between them as they are.
fn write_json_inert(out: &mut impl std::io::Write, json: &[u8]) -> std::io::Result<()> {
    let mut rest = json;
    while let Some((at, len)) = find_unsafe(rest, false) {
        let (before, from) = rest.split_at(at);
        let (unsafe_char, after) = from.split_at(len);
        out.write_all(before)?;
        let c = std::str::from_utf8(unsafe_char)
            .ok()
            .and_then(|s| s.chars().next())
            .unwrap_or(REPLACEMENT);
        for unit in c.encode_utf16(&mut [0; 2]) {
            write!(out, "\\u{unit:04x}")?;
        }
        rest = after;
    }
    out.write_all(rest)
}

/// Bytes a UTF-8 character starting with `lead` takes (1 for a stray continuation byte).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// Bytes at the end of `bytes` that start a character whose rest is still to come.
fn incomplete_tail(bytes: &[u8]) -> usize {
    for k in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - k];
        if b & 0xC0 != 0x80 {
            return if utf8_len(b) > k { k } else { 0 };
        }
    }
    0
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
        let mut rest = buf;
        if let Some(&lead) = self.pending.first() {
            // Complete the character the last write cut.
            let take = (utf8_len(lead) - self.pending.len()).min(rest.len());
            let (more, after) = rest.split_at(take);
            self.pending.extend_from_slice(more);
            rest = after;
            if self.pending.len() < utf8_len(lead) {
                return Ok(buf.len());
            }
            let done = std::mem::take(&mut self.pending);
            write_json_inert(&mut self.inner, &done)?;
        }
        let (whole, cut) = rest.split_at(rest.len() - incomplete_tail(rest));
        write_json_inert(&mut self.inner, whole)?;
        self.pending.extend_from_slice(cut);
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

    /// Characters around every edge of [`is_unsafe`]'s ranges and of the byte scan's
    /// lead bytes, with ordinary prose characters.
    fn edge_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let edges: Vec<char> = [
            '\0', '\t', '\n', '\r', '\x1b', '\x1f', ' ', 'a', '~', '\x7f', '\u{80}', '\u{9f}',
            '\u{a0}', '\u{bf}', '\u{c0}', '\u{ff}', '\u{200a}', '\u{200b}', '\u{200d}', '\u{200f}',
            '\u{2010}', '\u{2014}', '\u{201c}', '\u{2029}', '\u{202a}', '\u{202e}', '\u{202f}',
            '\u{205f}', '\u{2060}', '\u{2069}', '\u{206a}', '\u{2080}', '\u{20ac}', '\u{fe0f}',
            '\u{fefe}', '\u{feff}', '\u{ff00}', '\u{fffd}', '👩', '北',
        ]
        .into();
        prop::collection::vec(
            prop_oneof![3 => prop::sample::select(edges), 1 => any::<char>()],
            0..40,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn byte_scan_finds_what_the_char_test_finds(text in edge_text(), tabs in proptest::bool::ANY) {
            let slow = text
                .char_indices()
                .find(|&(_, c)| is_unsafe(c) || (tabs && c == '\t'))
                .map(|(i, c)| (i, c.len_utf8()));
            proptest::prop_assert_eq!(find_unsafe(text.as_bytes(), tabs), slow);
        }

        #[test]
        fn streamed_json_is_inert_whatever_the_cuts(text in edge_text(), cuts in proptest::collection::vec(0..64usize, 0..6)) {
            use std::io::Write as _;
            let json = serde_json::to_string(&text).unwrap_or_default();
            let mut out = InertJson::new(Vec::new());
            let mut rest = json.as_bytes();
            for cut in cuts {
                let (now, later) = rest.split_at(cut.min(rest.len()));
                out.write_all(now).unwrap_or_default();
                rest = later;
            }
            out.write_all(rest).unwrap_or_default();
            let slow: String = json
                .chars()
                .map(|c| if is_unsafe(c) { format!("\\u{:04x}", u32::from(c)) } else { c.to_string() })
                .collect();
            proptest::prop_assert_eq!(String::from_utf8(out.inner).unwrap_or_default(), slow);
        }
    }
}
