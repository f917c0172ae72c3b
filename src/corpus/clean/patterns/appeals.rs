//! Trailing donation, newsletter and subscription appeals.

use super::{longer_than, lower, starts_with_word};

/// Longest line that can start a trailing appeal block.
const MAX_APPEAL_TRIGGER_CHARS: usize = 200;
/// Lowercase openings of a trailing donation/newsletter/subscription appeal.
const APPEAL_PREFIXES: &[&str] = &[
    "a message from",
    "dear reader",
    "support us",
    "support our",
    "support independent",
    "subscribe",
    "sign up",
    "donate",
    "make a donation",
    "become a member",
    "become a subscriber",
    "remind me later",
    "thank you for reading",
    "if you value",
    "if you appreciate",
    "if you enjoyed",
    "please consider supporting",
    "please consider donating",
    "please consider subscribing",
    "we need your help",
    "help us keep",
    "join our",
    "get our newsletter",
    "enjoyed this article",
];
/// Lowercase phrases whose presence in a short line makes it an appeal.
const APPEAL_PHRASES: &[&str] = &[
    "our newsletter",
    "sign up for",
    "subscribe to our",
    "subscribe now",
    "donate to",
    "donate now",
    "support our journalism",
    "support independent journalism",
    "make a donation",
];

/// A line opening a trailing appeal ("A Message from …", "Subscribe to our newsletter").
#[must_use]
pub fn is_appeal_trigger(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['*', '_', '#', ' ']);
    if t.is_empty() || longer_than(t, MAX_APPEAL_TRIGGER_CHARS) {
        return false;
    }
    let low = lower(t);
    APPEAL_PREFIXES.iter().any(|p| starts_with_word(&low, p))
        || (!longer_than(t, MAX_APPEAL_TRIGGER_CHARS / 2)
            && APPEAL_PHRASES.iter().any(|w| low.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appeals() {
        assert!(is_appeal_trigger("A Message from The Daily Planet:"));
        assert!(is_appeal_trigger("Sign up for our morning newsletter"));
        assert!(!is_appeal_trigger(
            "Support for the bill fell sharply, a poll showed."
        ));
    }
}
