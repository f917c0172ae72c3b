//! Whitespace-normalized line text, as duplicate detection compares it.

use std::borrow::Cow;

/// [`normalize`]d `text`, borrowed when it already is: no whitespace but single
/// spaces between words.
#[allow(
    clippy::needless_bitwise_bool,
    reason = "a pass without branches, which the compiler vectorizes"
)]
pub(super) fn normalized(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Every ASCII whitespace but the space is a control byte; every other one starts
    // with one of four bytes. One pass without branches first, as most lines have
    // neither.
    let (controls, leads) = bytes.iter().fold((false, false), |(controls, leads), &b| {
        (
            controls | (b < 0x20),
            leads | matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3),
        )
    });
    let normal = bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !controls
        && !text.contains("  ")
        && (!leads || !text.chars().any(|c| !c.is_ascii() && c.is_whitespace()));
    if normal {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalize(text))
    }
}

/// Whitespace-normalized text for duplicate detection.
pub(super) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    if text.is_ascii() {
        // Fast path: split at bytes; ASCII whitespace as `char::is_whitespace` has it
        // (which, unlike `u8::is_ascii_whitespace`, includes the vertical tab).
        let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
        text.as_bytes()
            .split(is_space)
            .filter(|word| !word.is_empty())
            .filter_map(|word| std::str::from_utf8(word).ok())
            .for_each(push);
    } else {
        text.split_whitespace().for_each(push);
    }
    out
}
