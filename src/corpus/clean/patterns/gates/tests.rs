//! The gates never close on a line their rule takes, on lines built from the rules'
//! own phrases; and the lowercasing claim they rest on holds for every character.

use super::super::bylines::{CONTRIBUTED, CONTRIBUTOR_PREFIXES};
use super::super::credits::{CREDIT_PREFIXES, CREDIT_TAILS};
use super::super::residue::{
    DASH_SEPARATORS, ITEM_SEPARATORS, MISTAKE_WORDS, NAVIGATION, NOTICE_PHRASES, POINTERS,
    REPORT_ORDERS, SHARE_OPENINGS, has_separator,
};
use super::super::stamps::{PLAYER_RESIDUE, STAMP_PREFIXES};
use super::super::{
    is_byline, is_consent, is_credit, is_navigation, is_notice, is_stamp_line, is_timestamp,
};
use super::{Bytes, CONTRIBUTED_STEM, NOTICE_STEMS, ODD_CHARS, Probe};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// Characters the gates expect lowercasing to leave alone and never to produce.
const KEPT: &[char] = &['…', '–', '—', '›', '»', '·', '•', '’', '”', '“', '‘', '©'];

#[test]
fn lowercase_brings_ascii_only_from_ascii_and_the_odd_chars() {
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let lower: String = c.to_lowercase().collect();
        if c.is_ascii() {
            assert_eq!(lower, c.to_ascii_lowercase().to_string());
            continue;
        }
        if ODD_CHARS.contains(&c) {
            assert!(lower.chars().any(|l| l.is_ascii()), "{c:?}");
            continue;
        }
        assert!(
            !lower.is_empty() && !lower.chars().any(|l| l.is_ascii()),
            "{c:?}"
        );
        if c.is_whitespace() || KEPT.contains(&c) {
            assert_eq!(lower, c.to_string(), "{c:?}");
        } else {
            assert!(
                !lower
                    .chars()
                    .any(|l| l.is_whitespace() || KEPT.contains(&l)),
                "{c:?} → {lower:?}"
            );
        }
    }
}

#[test]
fn the_stems_are_in_every_phrase() {
    assert!(CONTRIBUTED.iter().all(|c| c.contains(CONTRIBUTED_STEM)));
    assert!(
        NOTICE_PHRASES
            .iter()
            .all(|p| NOTICE_STEMS.iter().any(|s| p.contains(s)))
    );
}

/// The rules' phrases and a few other pieces of boilerplate and prose.
fn phrases() -> Vec<&'static str> {
    let lists: [&[&'static str]; 15] = [
        CREDIT_PREFIXES,
        CREDIT_TAILS,
        CONTRIBUTOR_PREFIXES,
        CONTRIBUTED,
        NOTICE_PHRASES,
        NAVIGATION,
        POINTERS,
        SHARE_OPENINGS,
        REPORT_ORDERS,
        MISTAKE_WORDS,
        PLAYER_RESIDUE,
        STAMP_PREFIXES,
        DASH_SEPARATORS,
        ITEM_SEPARATORS,
        &[
            "By ",
            "BY ",
            "ago",
            "2 hours",
            "cookie",
            "we use",
            "consent",
            "We use cookies",
            "cookie policy",
            "this site uses",
            "(",
            ")",
            "/",
            "AFP",
            "REUTERS",
            "Jane",
            "Doe",
            "Getty Images",
            " via ",
            "AP",
            "of",
            "1",
            "12",
            "Feb.",
            "2025-02-12",
            "10:35",
            "AM",
            "?",
            "(12)",
            "Image",
            "Spotted a",
            "Listen",
            "min",
            "the",
            "said",
            "council",
            ".",
            ":",
            ",",
            "…",
            "”",
            "’",
            "Σ",
            "é",
            "🎙️",
            "•",
            "\u{3000}",
            "\u{A0}",
            "\t",
            "\u{212A}",
            "\u{130}",
        ],
    ];
    lists.concat()
}

/// One piece, in one of four casings.
fn piece() -> impl Strategy<Value = String> {
    (prop::sample::select(phrases()), 0..4u8).prop_map(|(p, case)| match case {
        0 => p.to_string(),
        1 => p.to_uppercase(),
        2 => {
            let mut chars = p.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => p.to_lowercase(),
    })
}

/// A line of pieces, some run together, some between spaces.
fn line() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::ANY), 1..8).prop_map(|pieces| {
        pieces
            .into_iter()
            .map(|(p, spaced)| if spaced { format!("{p} ") } else { p })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn gates_open_on_every_line_their_rules_take(line in line()) {
        let mut buffer = String::new();
        let probe = Probe::new(&line, &mut buffer);
        prop_assert!(!is_credit(&line) || probe.credit(), "credit");
        prop_assert!(!is_timestamp(&line) || probe.timestamp(), "timestamp");
        prop_assert!(!is_byline(&line) || probe.byline(), "byline");
        prop_assert!(!is_notice(&line) || probe.notice(), "notice");
        prop_assert!(!is_consent(&line) || probe.consent(), "consent");
        prop_assert!(!is_navigation(&line) || probe.navigation(), "navigation");
        prop_assert!(!is_stamp_line(&line) || probe.stamp_line(), "stamp line");
    }

    #[test]
    fn the_word_scan_finds_what_a_byte_scan_finds(
        text in "([a/! \\t\\x01\\x1F\\x7F]|é|’|\\PC){0,40}",
    ) {
        let b = text.as_bytes();
        let naive = Bytes {
            slash: b.contains(&b'/'),
            bang: b.contains(&b'!'),
            control: b.iter().any(|&c| c < 0x20),
            double_space: text.contains("  "),
        };
        prop_assert_eq!(Bytes::of(b), naive);
        // A plain line is whitespace-normalized already.
        let mut buffer = String::new();
        let probe = Probe::new(&text, &mut buffer);
        let normal = probe.t.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert!(!probe.plain() || normal == probe.t);
    }

    #[test]
    fn one_scan_finds_the_separators_the_lists_name(line in line()) {
        let listed = DASH_SEPARATORS.iter().chain(ITEM_SEPARATORS).any(|s| line.contains(s));
        prop_assert_eq!(has_separator(&line), listed);
    }
}

#[test]
fn gates_open_on_the_rules_examples() {
    for line in [
        "Photo: Reuters",
        "Jane Roe (Photographer: Sam Poe/Herald)",
        "The minister arrives. (AP Photo/Evan Vucci)",
        "A protester waves a flag. REUTERS/Yves Herman",
        "Updated 5 min ago",
        "0:00 / 3:45",
        "Listen",
        "By Jane Doe",
        "Reporting by Ann Lee; Editing by Bo Chu",
        "🎙️ Voice is AI-generated. Inconsistencies may occur.",
        "We use cookies to improve your experience.",
        "• Loading...",
        "Comments (12)",
        "Image 3 of 12",
        "Home / World / Europe",
        "Spotted a mistake? Let us know.",
        "Reuters | Updated 5 minutes ago",
    ] {
        let mut buffer = String::new();
        let p = Probe::new(line, &mut buffer);
        let opened = [
            p.credit(),
            p.timestamp(),
            p.byline(),
            p.notice(),
            p.consent(),
            p.navigation(),
            p.stamp_line(),
        ];
        assert!(opened.contains(&true), "{line}");
    }
    // Prose shuts them all.
    let prose = "The council voted on Tuesday to build a flood wall along the seafront, \
                 after five storms in two winters damaged the neighbourhood, officials said.";
    let mut buffer = String::new();
    let p = Probe::new(prose, &mut buffer);
    assert!(
        !(p.credit() || p.timestamp() || p.byline() || p.notice() || p.consent())
            && !(p.navigation() || p.stamp_line())
    );
}

#[test]
fn the_generated_lines_reach_every_rule() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = line();
    let mut taken = [0usize; 7];
    for _ in 0..4000 {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let line = tree.current();
        let rules = [
            is_credit(&line),
            is_timestamp(&line),
            is_byline(&line),
            is_notice(&line),
            is_consent(&line),
            is_navigation(&line),
            is_stamp_line(&line),
        ];
        for (count, taken_here) in taken.iter_mut().zip(rules) {
            *count += usize::from(taken_here);
        }
    }
    assert!(taken.iter().all(|&n| n >= 5), "{taken:?}");
}
