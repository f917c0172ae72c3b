//! Cleaning on invented articles in several styles, and the round-trip property.

use super::*;
use proptest::prelude::*;

/// The removed texts with their reasons.
fn removed(raw: &str) -> Vec<(RemovalReason, &str)> {
    clean(raw, &CleanOptions::default())
        .1
        .into_iter()
        .map(|r| (r.reason, &raw[r.range]))
        .filter(|(reason, _)| *reason != RemovalReason::Whitespace)
        .collect()
}

fn cleaned(raw: &str) -> String {
    clean(raw, &CleanOptions::default()).0
}

#[test]
fn wire_copy() {
    let raw = "GENEVA (Reuters) - Negotiators met for six hours on Tuesday, officials said.\n\
               \n\
               \"We made progress on the hardest questions,\" said envoy Maria Lind.\n\
               \n\
               Reporting by Tom Hale; Editing by Ruth Vance\n";
    assert_eq!(
        removed(raw),
        [(
            RemovalReason::Byline,
            "Reporting by Tom Hale; Editing by Ruth Vance\n"
        )]
    );
    assert!(cleaned(raw).ends_with("Maria Lind.\n"));
}

#[test]
fn blog_post() {
    let raw = "# Why the Harbor Plan Keeps Failing\n\n\
               By Anna K. Weiss\n\n\
               ![Harbor at dusk](https://cdn.harborblog.net/img/dusk.jpg)\n\
               The harbor at dusk. Photo: Lee Park\n\n\
               The harbor plan failed again last week. Critics say it was “doomed from the start.”\n\n\
               The harbor plan failed again last week. Critics say it was “doomed from the start.”\n\n\
               Council members blamed the budget.   \n";
    let reasons: Vec<RemovalReason> = removed(raw).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        reasons,
        [
            RemovalReason::Title,
            RemovalReason::Byline,
            RemovalReason::Image,
            RemovalReason::Duplicate,
        ]
    );
    // The caption ends with a credit but says "Photo:" mid-line: kept (errs on keeping).
    assert_eq!(
        cleaned(raw),
        "The harbor at dusk. Photo: Lee Park\n\n\
         The harbor plan failed again last week. Critics say it was “doomed from the start.”\n\n\
         Council members blamed the budget.\n"
    );
}

#[test]
fn newsletter_footer() {
    let body = "The mayor signed the order on Friday.\nIt takes effect in May.\n\
                Opponents vowed to sue.\nA hearing is set for June.\n";
    let footer = "Enjoyed this article?\nSign up for The Ledger's morning newsletter.\n\
                  [Sign up](https://ledger.example/nl)\nRemind me later.";
    let raw = format!("{body}{footer}");
    assert_eq!(removed(&raw), [(RemovalReason::Appeal, footer)]);
    assert_eq!(cleaned(&raw), body);
}

#[test]
fn appeal_words_early_in_the_text_are_kept() {
    let raw = "Subscribe to the idea that the vote matters, the senator said.\n\
               The vote was on Monday.\nIt passed.\nIt was close.\n";
    assert_eq!(cleaned(raw), raw);
}

#[test]
fn video_page_residue() {
    let raw = "Flood Waters Rise Across the Valley\nListen\n0:00 / 2:31\nShare\n\
               Updated: 10:42 AM EST, Tue March 4, 2025\n\
               Residents of the valley woke to rising water on Tuesday.\n\
               Flood Waters Rise Across the Valley\n\
               Share prices of local insurers fell 3%.\n\
               By the end of the day, 12 people had been rescued.\n";
    let reasons: Vec<RemovalReason> = removed(raw).into_iter().map(|(r, _)| r).collect();
    assert_eq!(
        reasons,
        [
            RemovalReason::Title,
            RemovalReason::Timestamp,
            RemovalReason::DuplicateTitle,
        ]
    );
    assert_eq!(
        cleaned(raw),
        "Residents of the valley woke to rising water on Tuesday.\n\
         Share prices of local insurers fell 3%.\n\
         By the end of the day, 12 people had been rescued.\n"
    );
}

#[test]
fn leading_metadata_on_the_same_line() {
    let raw = " date 2024-11-03 KYIV — Officials said the talks would resume.\nMore text.";
    assert_eq!(
        removed(raw),
        [(RemovalReason::Metadata, " date 2024-11-03 ")]
    );
    let raw =
        "title: Talks resume\ndate: 2024-11-03\nOfficials said the talks would resume.\nMore.";
    assert_eq!(
        removed(raw),
        [(
            RemovalReason::Metadata,
            "title: Talks resume\ndate: 2024-11-03\n"
        )]
    );
}

#[test]
fn credits_and_short_repeats() {
    let raw = "Officials met in Rome on Monday to discuss the plan.\n\
               Jane Roe speaks. (AP Photo/Sam Poe)\n\
               “Yes.”\nThe plan was approved by a narrow margin.\n“Yes.”\n";
    assert_eq!(
        removed(raw),
        [(
            RemovalReason::Credit,
            "Jane Roe speaks. (AP Photo/Sam Poe)\n"
        )]
    );
}

#[test]
fn known_title_is_removed_anywhere() {
    let raw = "Opening paragraph of the story, with a period.\nRiver Talks Stall\nMore text.";
    let (clean, removals) = clean_titled(raw, &CleanOptions::default(), Some("River  Talks Stall"));
    assert_eq!(removals.len(), 1);
    assert_eq!(removals[0].reason, RemovalReason::DuplicateTitle);
    assert_eq!(
        clean,
        "Opening paragraph of the story, with a period.\nMore text."
    );
}

#[test]
fn whitespace_runs_collapse_and_paragraphs_stay() {
    let raw = "\n\n  \nFirst paragraph here.  \n\n\n\nSecond paragraph.\t\n\n\n";
    assert_eq!(cleaned(raw), "First paragraph here.\n\nSecond paragraph.\n");
}

#[test]
fn a_single_line_is_not_a_headline() {
    assert_eq!(
        cleaned("Short Line Without Period"),
        "Short Line Without Period"
    );
}

/// Pieces of scraped news to build adversarial inputs from.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        any::<String>(),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("  \t".to_string()),
        Just("![alt](https://x.org/a.png)".to_string()),
        Just("[![".to_string()),
        Just("](".to_string()),
        Just("By Jane Doe\n".to_string()),
        Just("Updated:\n".to_string()),
        Just("0:00\n".to_string()),
        Just(" date 2025-02-12 ".to_string()),
        Just("title: ".to_string()),
        Just("A Message from X:\n".to_string()),
        Just("Remind me later.".to_string()),
        Just("“Quoted,” he said.\n".to_string()),
        Just("# Big Short Headline Here\n".to_string()),
        Just("é漢字👍🏽\u{200d}".to_string()),
        Just("(Photographer: A B/C)\n".to_string()),
        Just("Local News\n".to_string()),
        Just("3 hours ago\n".to_string()),
        Just("Report a typo\n".to_string()),
        Just("The council voted on Tuesday to close the old\nbridge for repairs.".to_string()),
    ]
}

proptest! {
    #[test]
    fn clean_plus_removals_is_raw(pieces in proptest::collection::vec(piece(), 0..24)) {
        let raw: String = pieces.concat();
        let (clean, removals) = clean(&raw, &CleanOptions::default());
        let mut rebuilt = String::new();
        let mut kept = String::new();
        let mut at = 0;
        for r in &removals {
            prop_assert!(r.range.start >= at && r.range.start < r.range.end && r.range.end <= raw.len());
            prop_assert!(raw.is_char_boundary(r.range.start) && raw.is_char_boundary(r.range.end));
            kept.push_str(&raw[at..r.range.start]);
            at = r.range.end;
        }
        kept.push_str(&raw[at..]);
        prop_assert_eq!(&kept, &clean);
        for segment in crate::corpus::segments(&raw, &removals) {
            rebuilt.push_str(segment.text);
        }
        prop_assert_eq!(rebuilt, raw);
    }
}

#[test]
fn lone_names_only_in_top_matter() {
    let raw = "Storm Hits the Coast Hard\nJane Q. Doe\nUpdated:\nWinds rose overnight.\n\
               Key Points Ahead\nRain fell across the region for hours.\n";
    assert_eq!(
        removed(raw),
        [
            (RemovalReason::Title, "Storm Hits the Coast Hard\n"),
            (RemovalReason::Byline, "Jane Q. Doe\n"),
            (RemovalReason::Timestamp, "Updated:\n"),
        ]
    );
}

proptest! {
    #[test]
    fn normalize_collapses_whitespace_like_split_whitespace(
        text in "([a .\\t\\n\\r\\x0B\\x0C]|\u{a0}|\u{2003}|é|\\PC){0,40}",
    ) {
        let reference = text.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(normalize(&text), reference.clone());
        // The borrowing shortcut gives the same text, and borrows a normal one.
        prop_assert_eq!(&*normalized(&text), reference.as_str());
        prop_assert!(matches!(normalized(&reference), Cow::Borrowed(_)));
        let ascii: String = text.chars().filter(char::is_ascii).collect();
        prop_assert_eq!(
            normalize(&ascii),
            ascii.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
}

#[test]
fn page_residue_is_removed_and_recorded() {
    let raw = "Skip to content\n\
               • Loading...\n\
               Anna Betts and Marina Dunbar in New York\n\
               date 2025-04-14 Golfer Wins the Masters After a Late Charge\n\
               🎙️ Voice is AI-generated. Inconsistencies may occur.\n\
               Listen to this article · 4 min\n\
               The golfer sank a long putt on the final hole to win by a stroke on Sunday.\n\
               Fans cheer at the 18th green. Chris Young/The Canadian Press via AP\n\
               He called it the best day of his career, his coach said afterwards.\n\
               ADVERTISEMENT\n\
               The tournament drew record crowds, organisers said, despite the rain.\n\
               World News\n\
               United States\n\
               Golf / Sport / Masters\n";
    let got = removed(raw);
    let reasons: Vec<RemovalReason> = got.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        reasons,
        [
            RemovalReason::Navigation,
            RemovalReason::Byline,
            RemovalReason::Metadata,
            RemovalReason::Title,
            RemovalReason::Notice,
            RemovalReason::Credit,
            RemovalReason::Navigation,
            RemovalReason::Tags,
        ],
        "{got:?}"
    );
    assert_eq!(got[2].1, "date 2025-04-14 ");
    assert_eq!(got[3].1, "Golfer Wins the Masters After a Late Charge\n");
    assert_eq!(
        cleaned(raw),
        "The golfer sank a long putt on the final hole to win by a stroke on Sunday.\n\
         He called it the best day of his career, his coach said afterwards.\n\
         The tournament drew record crowds, organisers said, despite the rain.\n"
    );
}

#[test]
fn short_closing_lines_that_are_text_stay() {
    let raw = "Talks Resume in Geneva After a Pause\n\
               Negotiators met for six hours on Tuesday, officials said.\n\
               They will meet again on Friday.\n\
               Jane Roe\n\
               Reuters\n";
    // Two short lines are a sign-off, not a tag list.
    assert!(cleaned(raw).ends_with("Jane Roe\nReuters\n"));
}

#[test]
fn consent_share_gallery_and_pointer_lines_are_removed() {
    let raw = "Home / News / Canada\n\
               We use cookies to improve your experience. By continuing you agree to our cookie policy.\n\
               Accept\n\
               Sarah Ng · CBC News · Posted: Jan 05, 2026 7:40 PM EST | Last Updated: 2 hours ago\n\
               Storm closes schools across the region\n\
               Share on Facebook Share on X Share by Email\n\
               Heavy snow closed schools across the region on Monday, officials said.\n\
               Image 1 of 12\n\
               A plow clears Route 9 on Monday. (Ann Lee/CBC)\n\
               Related: Province braces for second storm this week\n\
               The governor said warming centres would open in every county.\n\
               Advertisement - Scroll to continue\n\
               \"We have never seen this much snow this early,\" the emergency chief said.\n\
               Recommended Stories\n\
               Comments (12)\n\
               Sign up for our morning newsletter\n\
               Get the top stories delivered to your inbox.\n\
               Tags\n\
               Weather\n\
               Snow\n";
    assert_eq!(
        cleaned(raw),
        "Heavy snow closed schools across the region on Monday, officials said.\n\
         The governor said warming centres would open in every county.\n\
         \"We have never seen this much snow this early,\" the emergency chief said.\n"
    );
    let reasons: Vec<RemovalReason> = removed(raw).iter().map(|(r, _)| *r).collect();
    assert!(
        reasons.contains(&RemovalReason::Notice) && reasons.contains(&RemovalReason::Timestamp)
    );
    assert_eq!(reasons.last(), Some(&RemovalReason::Tags));
}

/// A hard-wrapped text file (paragraphs broken at about 72 columns) opening mid-sentence.
const WRAPPED: &str = "The city council voted on Tuesday to close the old harbor bridge for\n\
                       repairs, a decision that will reroute about 12,000 cars a day for most\n\
                       of next year.\n\
                       \n\
                       Engineers found cracks in three of the bridge's steel girders during\n\
                       an inspection in March. The repairs are expected to cost $48 million,\n\
                       most of it from a state grant.\n";

#[test]
fn a_hard_wrapped_first_line_is_text_not_a_headline() {
    assert_eq!(removed(WRAPPED), []);
    // Wrapped where the next line opens with a capital: the first line fills the width.
    let capital = WRAPPED.replace("for\nrepairs", "for repairs\nRiverside");
    assert_eq!(removed(&capital), []);
    // A headline above wrapped text still is one.
    let titled = format!("Council Closes the Harbor Bridge\n\n{WRAPPED}");
    assert_eq!(
        removed(&titled),
        [(RemovalReason::Title, "Council Closes the Harbor Bridge\n")]
    );
    // So is a headline directly above one paragraph a line (no wrapping).
    let lines = "Council closes the harbor bridge\nThe city council voted on Tuesday to close \
                 the old harbor bridge for repairs, a decision that will reroute about 12,000 cars \
                 a day for most of next year.\nEngineers found cracks in three girders.\n\
                 The repairs will cost $48 million.\nWork starts in May.\n";
    assert_eq!(
        removed(lines),
        [(RemovalReason::Title, "Council closes the harbor bridge\n")]
    );
}

#[test]
fn a_headline_below_a_section_label_is_the_title() {
    let raw = "Local News\n\
               Council closes harbor bridge for a year of repairs\n\
               The city council voted on Tuesday to close the old harbor bridge.\n\
               Engineers found cracks in three girders in March.\n";
    assert_eq!(
        removed(raw),
        [
            (RemovalReason::Navigation, "Local News\n"),
            (
                RemovalReason::Title,
                "Council closes harbor bridge for a year of repairs\n"
            ),
        ]
    );
    // A label over a sentence is left alone: there is no headline under it.
    let raw = "World\nThe talks stalled on Monday as both sides traded blame.\nMore text.\n";
    assert_eq!(removed(raw), []);
}

#[test]
fn correction_prompts_and_relative_stamps_are_removed() {
    let raw = "Council closes harbor bridge for repairs\n\
               3 hours ago\n\
               The city council voted on Tuesday to close the old harbor bridge.\n\
               Updated 5 min ago\n\
               Engineers found cracks in three girders, a report said two days ago.\n\
               Mayor Elena Ruiz said the work would take a year.\n\
               Report a typo\n\
               Spotted a mistake? Let us know.\n";
    assert_eq!(
        removed(raw),
        [
            (
                RemovalReason::Title,
                "Council closes harbor bridge for repairs\n"
            ),
            (RemovalReason::Timestamp, "3 hours ago\n"),
            (RemovalReason::Timestamp, "Updated 5 min ago\n"),
            (
                RemovalReason::Navigation,
                "Report a typo\nSpotted a mistake? Let us know.\n"
            ),
        ]
    );
    assert!(cleaned(raw).contains("a report said two days ago."));
}
