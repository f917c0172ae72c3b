//! Cheap pre-tests of the whole-line rules: each gate answers `false` only for a line
//! its rule would reject, so a cleaner runs `gate && rule` and gets the rule's answer
//! while most lines of prose cost a few byte scans instead of the rule's lowercasing,
//! splitting and searching.
//!
//! The gates read the line lowercased ASCII-only (same bytes, same offsets), which
//! finds an ASCII phrase exactly where full lowercasing would: every character but
//! two lowercases to itself lowercased (ASCII) or to non-ASCII characters only. The
//! two, the Kelvin sign (→ `k`) and `İ` (→ `i̇`), open every gate (`odd`). The tests
//! check that claim on every character and the gates against their rules.

use super::bylines::{CONTRIBUTOR_PREFIXES, MAX_BYLINE_CHARS};
use super::credits::{CREDIT_PREFIXES, CREDIT_TAILS, MAX_CAPTION_CHARS};
use super::residue::{
    MAX_NOTICE_CHARS, MISTAKE_WORDS, NAVIGATION, POINTERS, REPORT_ORDERS, SHARE_OPENINGS,
    has_separator,
};
use super::stamps::{MAX_STAMP_CHARS, PLAYER_RESIDUE, STAMP_PREFIXES};
use super::{longer_than, starts_with_any};

/// Characters whose lowercase holds an ASCII letter though they are not ASCII.
const ODD_CHARS: [char; 2] = ['\u{212A}', '\u{130}'];
/// The phrase every `CONTRIBUTED` phrase of the byline rule holds.
const CONTRIBUTED_STEM: &str = "contributed ";
/// Words one of which every `NOTICE_PHRASES` phrase of the notice rule and "listen …" notice holds.
const NOTICE_STEMS: &[&str] = &[
    "listen",
    "generat",
    "voice",
    "speech",
    "inconsistenc",
    "audio",
    "playback",
];
/// What a consent banner line always holds.
const COOKIE: &str = "cookie";
/// What a relative stamp always holds ("2 hours ago").
const AGO: &str = "ago";

/// One trimmed line, measured once and lowercased (ASCII only) once for all gates.
pub struct Probe<'a> {
    /// The line without surrounding whitespace.
    t: &'a str,
    /// `t` with its ASCII letters lowercased.
    low: &'a str,
    /// Characters in `t`.
    chars: usize,
    /// Whether `t` holds an [`ODD_CHARS`] character: then every gate opens.
    odd: bool,
    /// What `t`'s bytes hold.
    bytes: Bytes,
    /// Whether `t` is ASCII without whitespace but single spaces.
    plain: bool,
}

/// Bytes the gates ask about in every line, found in one pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Bytes {
    slash: bool,
    bang: bool,
    /// A control byte (every ASCII whitespace but the space is one).
    control: bool,
    /// Two spaces in a row.
    double_space: bool,
}

impl Bytes {
    /// Eight bytes at a time, in a `u64` each.
    fn of(t: &[u8]) -> Self {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        // The top bit of each byte of `x` that is zero, and only of those.
        let zeros = |x: u64| !(((x & !HI) + !HI) | x) & HI;
        let (mut slash, mut bang, mut control, mut double) = (0, 0, 0, 0);
        let mut space_before = 0;
        let mut word = |x: u64| {
            slash |= zeros(x ^ (LO * u64::from(b'/')));
            bang |= zeros(x ^ (LO * u64::from(b'!')));
            // Some byte below 0x20 (not which one).
            control |= x.wrapping_sub(LO * 0x20) & !x & HI;
            let spaces = zeros(x ^ (LO * u64::from(b' ')));
            double |= spaces & ((spaces << 8) | space_before);
            space_before = spaces >> 56;
        };
        let mut chunks = t.chunks_exact(8);
        for chunk in &mut chunks {
            let mut bytes = [0; 8];
            bytes.copy_from_slice(chunk);
            word(u64::from_le_bytes(bytes));
        }
        // The last few bytes, after them letters that answer no question.
        let mut bytes = [b'a'; 8];
        bytes[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        word(u64::from_le_bytes(bytes));
        Self {
            slash: slash != 0,
            bang: bang != 0,
            control: control != 0,
            double_space: double != 0,
        }
    }
}

impl<'a> Probe<'a> {
    /// Measures `line`, lowercasing it into `buffer` (reused from line to line).
    pub fn new(line: &'a str, buffer: &'a mut String) -> Self {
        let t = line.trim();
        buffer.clear();
        buffer.push_str(t);
        buffer.make_ascii_lowercase();
        let bytes = Bytes::of(t.as_bytes());
        let ascii = t.is_ascii();
        Self {
            t,
            low: buffer.as_str(),
            chars: if ascii { t.len() } else { t.chars().count() },
            odd: !ascii && ODD_CHARS.iter().any(|&c| t.contains(c)),
            bytes,
            // (Non-ASCII whitespace is not looked for: such lines are not called plain.)
            plain: ascii && !bytes.control && !bytes.double_space,
        }
    }

    /// Whether the line has no whitespace inside but single spaces: then every
    /// trimmed part of it is whitespace-normalized already.
    pub fn plain(&self) -> bool {
        self.plain
    }

    /// Whether the line may hold a markdown image (`![`).
    pub fn may_hold_image(&self) -> bool {
        self.bytes.bang
    }

    /// The line as the notice and navigation rules see it ([`super::residue`]'s
    /// `bare`), with its lowercase.
    fn bare(&self) -> (&'a str, &'a str) {
        let rest = self.t.trim_start_matches(|c: char| !c.is_alphanumeric());
        let start = self.t.len() - rest.len();
        let bare = rest.trim_end_matches(['.', '…', ' ', ':']);
        (bare, &self.low[start..start + bare.len()])
    }

    /// Gate of [`super::is_credit`].
    pub fn credit(&self) -> bool {
        if self.t.is_empty() || self.chars > MAX_CAPTION_CHARS {
            return false;
        }
        let body = self.low.trim_end_matches('.');
        self.odd
            || starts_with_any(self.low, CREDIT_PREFIXES)
            || body.ends_with(')')
            || CREDIT_TAILS.iter().any(|tail| body.ends_with(tail))
            // `Name/AGENCY`, `REUTERS/Name`, `Name/Org via Agency`.
            || self.bytes.slash
    }

    /// Gate of [`super::is_timestamp`].
    pub fn timestamp(&self) -> bool {
        if self.t.is_empty() || self.chars > MAX_STAMP_CHARS {
            return false;
        }
        self.odd
            || PLAYER_RESIDUE.contains(&self.low)
            || starts_with_any(self.low, STAMP_PREFIXES)
            || self.t.bytes().any(|b| b.is_ascii_digit())
            || self.low.contains(AGO)
    }

    /// Gate of [`super::is_byline`].
    pub fn byline(&self) -> bool {
        if self.t.is_empty() || self.chars > MAX_BYLINE_CHARS {
            return false;
        }
        self.odd
            || starts_with_any(self.low, CONTRIBUTOR_PREFIXES)
            || self.low.contains(CONTRIBUTED_STEM)
            || self.t.starts_with("By ")
            || self.t.starts_with("BY ")
    }

    /// Gate of [`super::is_notice`].
    pub fn notice(&self) -> bool {
        let (bare, low) = self.bare();
        if bare.is_empty() || longer_than(bare, MAX_NOTICE_CHARS) {
            return false;
        }
        self.odd || NOTICE_STEMS.iter().any(|s| low.contains(s))
    }

    /// Gate of [`super::is_consent`].
    pub fn consent(&self) -> bool {
        !self.t.is_empty()
            && self.chars <= MAX_NOTICE_CHARS * 3
            && (self.odd || self.low.contains(COOKIE))
    }

    /// Gate of [`super::is_navigation`].
    pub fn navigation(&self) -> bool {
        let (bare, low) = self.bare();
        if bare.is_empty() || longer_than(bare, MAX_NOTICE_CHARS) {
            return false;
        }
        // A navigation line's letters and digits are all those of one NAVIGATION
        // entry, unless a counter follows it ("Comments (12)").
        // (Trimming the line to `bare` drops no letter or digit.)
        let longest = NAVIGATION.iter().map(|n| n.len()).max().unwrap_or(0);
        let alphanumeric = self.t.bytes().filter(u8::is_ascii_alphanumeric).count();
        let names_a_mistake = || MISTAKE_WORDS.iter().any(|m| low.contains(m));
        // The rule trims its line once more before looking for the counter.
        let counted = bare
            .trim()
            .trim_end_matches(['.', '…', ' ', ':'])
            .ends_with(')');
        self.odd
            || alphanumeric <= longest
            || counted
            || has_separator(bare)
            // "Image 1 of 12".
            || bare.trim_end().ends_with(|c: char| c.is_ascii_digit())
            || starts_with_any(low, SHARE_OPENINGS)
            || starts_with_any(low, POINTERS)
            || ((self.t.contains('?') || starts_with_any(low, REPORT_ORDERS)) && names_a_mistake())
    }

    /// Gate of [`super::is_stamp_line`]: its parts are between separators.
    pub fn stamp_line(&self) -> bool {
        !self.t.is_empty() && self.chars <= MAX_NOTICE_CHARS * 2 && has_separator(self.t)
    }
}

#[cfg(test)]
mod tests;
