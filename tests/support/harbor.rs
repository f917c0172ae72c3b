//! The reader tests' small harbour-bridge corpus: a gazette and a post covering one
//! council vote, a commuter brief with hostile characters, one skipped file. The
//! gazette/post pair gets shared quotes placed by hand, so screens do not depend on
//! the quote matcher. Needs `support/reader.rs` as the sibling module `reader`.

// Shared by several test crates, each using a part.
#![allow(dead_code, clippy::unwrap_used)]

use super::reader::article;
use crosscheck::compare::{CompareOptions, MatchKind, SharedQuote};
use crosscheck::corpus::{Corpus, Removal, RemovalReason, Skipped};
use crosscheck::pair::Pair;
use crosscheck::tui::app::App;
use crosscheck::tui::theme::Theme;
use crosscheck::tui::worker::Computed;

pub const GAZETTE: &str = include_str!("../fixtures/tui/harbor_gazette.txt");
pub const POST: &str = include_str!("../fixtures/tui/river_post.txt");
pub const BRIEF: &str = include_str!("../fixtures/tui/commuter_brief.txt");
/// A line the loader would clean away, put back into the raw text of the first article.
pub const IMAGE_LINE: &str = "![](https://example.org/bridge.jpg)\n";

/// The gazette (with an image line in its raw text), the post and the brief.
pub fn corpus() -> Corpus {
    let mut gazette = article(
        "gazette",
        "Harbor Gazette",
        "Council votes to close harbor bridge for repairs",
        GAZETTE,
    );
    gazette.meta.url = Some("https://example.org/gazette/bridge".into());
    let cut = GAZETTE.find("Engineers").unwrap();
    gazette.raw = format!("{}{IMAGE_LINE}{}", &GAZETTE[..cut], &GAZETTE[cut..]);
    gazette.removals = vec![Removal {
        range: cut..cut + IMAGE_LINE.len(),
        reason: RemovalReason::Image,
    }];
    Corpus {
        articles: vec![
            gazette,
            article(
                "post",
                "River Post",
                "Harbor bridge to close for a year as council backs repairs",
                POST,
            ),
            article(
                "brief",
                "Commuter Brief",
                "Bridge closure: what commuters need to know",
                BRIEF,
            ),
        ],
        skipped: vec![Skipped {
            path: "broken.json".into(),
            reason: "invalid JSON at line 1".into(),
        }],
    }
}

fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    start..start + needle.len()
}

/// The gazette/post comparison with three shared quotes placed by hand.
fn hand_comparison() -> Computed {
    let texts = Pair::new(GAZETTE, POST);
    let computed = Computed::compute(texts, &CompareOptions::default());
    let mut c = computed.comparison;
    let quote = |kind, left: &str, right: &str| SharedQuote {
        kind,
        score: 1.0,
        speaker: Some("Elena Ruiz".into()),
        spans: Pair::new(span_of(GAZETTE, left), span_of(POST, right)),
        quoted: Pair::new(true, true),
        speakers: Pair::new(Some("Elena Ruiz".into()), None),
        words: left.split_whitespace().count(),
    };
    c.shared_quotes = vec![
        quote(
            MatchKind::Partial,
            "Half of my customers come over that bridge",
            "half of my customers come over that bridge",
        ),
        quote(
            MatchKind::Exact,
            "keep patching a structure that was built for horse carts",
            "keep patching a structure that was built for horse carts",
        ),
        quote(MatchKind::Near, "Safety comes first", "safety comes first"),
    ];
    Computed::new(c, computed.changed_words, texts)
}

/// Runs queued work synchronously; the gazette/post pair gets the hand-built comparison.
pub fn settle(app: &mut App) {
    app.settle(|job| {
        if job.texts == Pair::new(GAZETTE.into(), POST.into()) {
            hand_comparison()
        } else {
            job.run()
        }
    });
}

/// The reader on the corpus at `w`×`h` with `theme`, its first comparisons computed.
pub fn app_sized(w: u16, h: u16, theme: &Theme) -> App {
    let mut app = App::new(corpus(), CompareOptions::default(), *theme, (w, h));
    settle(&mut app);
    app
}

/// The reader on the corpus at `w`×`h` in colour.
pub fn app(w: u16, h: u16) -> App {
    app_sized(w, h, &Theme::color())
}
