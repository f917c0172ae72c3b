//! Shared-quote matching: the acceptance list on the bundled sample, invented
//! articles with known answers, and invariants.

use crosscheck::compare::{Document, MatchKind, SharedQuote, quotes};
use crosscheck::pair::Pair;
use crosscheck::text::{MatchOptions, tokenize};
use std::ops::Range;

#[path = "support/binary.rs"]
mod binary;
#[path = "support/files.rs"]
mod files;

/// The sample articles, read straight from disk (uncleaned), in file order:
/// 0 Antiwar.com, 1 Bloomberg, 2 Epoch Times, 3 Moscow Times, 4 AP.
fn sample() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("assets/articles")
        .expect("sample directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("article"))
        .collect()
}

fn documents(texts: &[String]) -> Vec<Document<'_>> {
    texts
        .iter()
        .map(|t| Document::new(t, &MatchOptions::default()))
        .collect()
}

fn shared(docs: &[Document<'_>], left: usize, right: usize) -> Vec<SharedQuote> {
    quotes::shared_quotes(Pair::new(&docs[left], &docs[right]))
}

/// Whether the words of `phrase` appear, in order, among the match keys in `span` of `text`.
fn covers(text: &str, span: &Range<usize>, phrase: &str) -> bool {
    let keys: Vec<String> = tokenize(&text[span.clone()])
        .into_iter()
        .map(|t| t.key.to_string())
        .collect();
    let wanted: Vec<String> = tokenize(phrase)
        .into_iter()
        .map(|t| t.key.to_string())
        .collect();
    let mut it = keys.iter();
    wanted.iter().all(|w| it.any(|k| k == w))
}

/// The shared quote of (left, right) covering `phrases` on each side.
fn find<'q>(
    docs: &[Document<'_>],
    found: &'q [SharedQuote],
    phrases: Pair<&str>,
) -> Option<&'q SharedQuote> {
    found.iter().find(|s| {
        covers(docs[0].text, &s.spans.left, phrases.left)
            && covers(docs[1].text, &s.spans.right, phrases.right)
    })
}

/// Asserts a match between articles `l` and `r` covering the phrases; returns its kind.
fn expect(docs: &[Document<'_>], l: usize, r: usize, left: &str, right: &str) -> MatchKind {
    let found = shared(docs, l, r);
    let pair = [docs[l].clone(), docs[r].clone()];
    let Some(hit) = find(&pair, &found, Pair::new(left, right)) else {
        let listed: Vec<_> = found
            .iter()
            .map(|s| {
                (
                    &docs[l].text[s.spans.left.clone()],
                    &docs[r].text[s.spans.right.clone()],
                )
            })
            .collect();
        panic!("{l}↔{r}: no match covering {left:?} / {right:?}; found {listed:#?}");
    };
    hit.kind
}

const CHASING: &str =
    "Chasing this illusionary goal will only prolong the war and cause more suffering";
const CHASING_ILLUSORY: &str =
    "Chasing this illusory goal will only prolong the war and cause more suffering";
const NATO_MEMBERSHIP: &str =
    "does not believe that NATO membership for Ukraine is a realistic outcome";

#[test]
fn chasing_this_illusionary_goal_is_shared_by_three_outlets() {
    let texts = sample();
    let docs = documents(&texts);
    assert_eq!(expect(&docs, 0, 1, CHASING, CHASING), MatchKind::Exact);
    assert_eq!(
        expect(&docs, 0, 3, CHASING, CHASING_ILLUSORY),
        MatchKind::Near
    );
    assert_eq!(
        expect(&docs, 1, 3, CHASING, CHASING_ILLUSORY),
        MatchKind::Near
    );
}

#[test]
fn antiwar_and_epoch_times_share_five_quotes() {
    let texts = sample();
    let docs = documents(&texts);
    expect(&docs, 0, 2, NATO_MEMBERSHIP, NATO_MEMBERSHIP);
    expect(
        &docs,
        0,
        2,
        "returning to Ukraine’s pre-2014 borders is an unrealistic objective",
        "returning to Ukraine’s pre-2014 borders is an unrealistic objective",
    );
    let kind = expect(
        &docs,
        0,
        2,
        "Any security guarantee must be backed by capable European and non-European troops Article 5",
        "Any security guarantee must be backed by capable European and non-European troops Article Five",
    );
    assert_eq!(kind, MatchKind::Exact, "Article 5 = Article Five");
    // One quote in Antiwar.com, two sentences apart in The Epoch Times ("…,” he said.
    // “…"): two matches, one per quote of the Epoch Times (issue F point 4).
    let first = "The United States faces consequential threats to our homeland \
                 We must and we are focusing on the security of our own borders";
    let second = "We also face a peer competitor in the Communist Chinese";
    expect(&docs, 0, 2, first, first);
    expect(&docs, 0, 2, second, second);
    let found = shared(&docs, 0, 2);
    assert!(
        !found.iter().any(|s| {
            let left = &docs[0].text[s.spans.left.clone()];
            left.contains("consequential") && left.contains("peer competitor")
        }),
        "no match spans the Epoch Times' narration between its two quotes"
    );
}

#[test]
fn the_moscow_times_shares_the_nato_quote_and_the_troops_phrase() {
    let texts = sample();
    let docs = documents(&texts);
    let troops = "capable European and non-European troops";
    for (l, r) in [(0, 3), (2, 3)] {
        expect(&docs, l, r, NATO_MEMBERSHIP, NATO_MEMBERSHIP);
        expect(&docs, l, r, troops, troops);
    }
}

#[test]
fn ap_shares_troops_illusionary_goal_and_no_longer_tolerate() {
    let texts = sample();
    let docs = documents(&texts);
    let troops = "There will not be US troops deployed to Ukraine";
    assert_eq!(
        expect(
            &docs,
            0,
            4,
            troops,
            "There will not be U.S. troops deployed to Ukraine"
        ),
        MatchKind::Exact
    );
    let goal = "illusionary goal";
    assert_eq!(expect(&docs, 0, 4, goal, goal), MatchKind::Exact);
    assert_eq!(expect(&docs, 1, 4, goal, goal), MatchKind::Exact);
    assert_eq!(expect(&docs, 3, 4, "illusory goal", goal), MatchKind::Near);
    expect(&docs, 3, 4, "no longer tolerate", "no longer tolerate");
}

/// Token count of `span`, and whether it is the whole of one of `quotes` (by words).
fn words_and_whole(doc: &Document<'_>, span: &Range<usize>) -> (usize, bool) {
    let keys = |r: &Range<usize>| -> Vec<String> {
        tokenize(&doc.text[r.clone()])
            .into_iter()
            .map(|t| t.key.to_string())
            .collect()
    };
    let words = keys(span);
    let whole = doc
        .quotes
        .iter()
        .any(|q| keys(&q.span) == words && words.len() >= 2);
    (words.len(), whole)
}

#[test]
fn no_match_is_shorter_than_four_words_unless_it_is_a_whole_quote() {
    let texts = sample();
    let docs = documents(&texts);
    for l in 0..docs.len() {
        for r in l + 1..docs.len() {
            for s in shared(&docs, l, r) {
                let (lw, lwhole) = words_and_whole(&docs[l], &s.spans.left);
                let (rw, rwhole) = words_and_whole(&docs[r], &s.spans.right);
                assert!(
                    (lw >= 4 && rw >= 4) || lwhole || rwhole,
                    "{l}↔{r}: short match {:?} / {:?}",
                    &docs[l].text[s.spans.left.clone()],
                    &docs[r].text[s.spans.right.clone()]
                );
            }
        }
    }
}

#[test]
fn shared_quotes_are_ordered_by_left_position_and_spans_are_valid() {
    let texts = sample();
    let docs = documents(&texts);
    for l in 0..docs.len() {
        for r in 0..docs.len() {
            if l == r {
                continue;
            }
            let found = shared(&docs, l, r);
            assert!(
                found
                    .windows(2)
                    .all(|w| w[0].spans.left.start <= w[1].spans.left.start)
            );
            for s in &found {
                assert!(docs[l].text.get(s.spans.left.clone()).is_some());
                assert!(docs[r].text.get(s.spans.right.clone()).is_some());
                assert!((0.0..=1.0).contains(&s.score));
                assert!(s.quoted.left || s.quoted.right);
            }
        }
    }
}

#[test]
fn corpus_groups_put_the_most_carried_quote_first() {
    let texts = sample();
    let docs = documents(&texts);
    let groups = quotes::groups(&docs);
    let first = groups.first().expect("a group");
    assert!(first.text.contains("illusionary goal"), "{}", first.text);
    assert_eq!(first.articles(), 4);
    assert!(
        groups
            .windows(2)
            .all(|w| w[0].articles() >= w[1].articles())
    );
    assert!(groups.iter().all(|g| g.articles() >= 2));
}

// ---- Invented articles with known answers (tests/fixtures/quotes) ----

const GAZETTE: &str = include_str!("fixtures/quotes/gazette.txt");
const HERALD: &str = include_str!("fixtures/quotes/herald.txt");

fn fixture_pair() -> Vec<Document<'static>> {
    [GAZETTE, HERALD]
        .iter()
        .map(|t| Document::new(t, &MatchOptions::default()))
        .collect()
}

/// The fixture match covering `left` in the gazette and `right` in the herald.
fn fixture_match<'q>(
    docs: &[Document<'_>],
    found: &'q [SharedQuote],
    left: &str,
    right: &str,
) -> Option<&'q SharedQuote> {
    find(docs, found, Pair::new(left, right))
}

#[test]
fn fixture_extraction_handles_odd_marks_and_apostrophes() {
    let quotes = quotes::extract(GAZETTE);
    let text = |q: &quotes::Quote| &GAZETTE[q.span.clone()];
    let guillemet = quotes
        .iter()
        .find(|q| text(q).starts_with("We must act"))
        .expect("« »");
    assert_eq!(guillemet.speaker.as_deref(), Some("Rita Vance"));
    let open = quotes
        .iter()
        .find(|q| text(q).starts_with("under constant"))
        .expect("open quote");
    assert!(!open.closed);
    assert_eq!(text(open), "under constant review.");
    assert!(
        quotes
            .iter()
            .all(|q| !text(q).contains("90s") && !text(q).contains("rock"))
    );
    let curly = quotes
        .iter()
        .find(|q| text(q).starts_with("cannot be patched"))
        .expect("curly");
    assert_eq!(curly.speaker.as_deref(), Some("Ines Marlow"));
    let pronoun = quotes
        .iter()
        .find(|q| text(q).starts_with("The people"))
        .expect("he said");
    assert_eq!(pronoun.speaker.as_deref(), Some("Tobias Okafor"));
}

#[test]
fn fixture_curly_quote_split_in_two_straight_quotes_is_one_near_match() {
    let docs = fixture_pair();
    let found = quotes::shared_quotes(Pair::new(&docs[0], &docs[1]));
    let first = "cannot be patched with sandbags and good intentions";
    let second = "a full rebuild of the spillway before the spring floods arrive";
    let both = format!("{first} {second}");
    let hit = fixture_match(&docs, &found, &both, &both).expect("split quote");
    assert_eq!(hit.kind, MatchKind::Near);
    assert!(hit.quoted.left && hit.quoted.right);
}

#[test]
fn fixture_short_whole_quote_paraphrase_guillemets_and_unbalanced_marks_match() {
    let docs = fixture_pair();
    let found = quotes::shared_quotes(Pair::new(&docs[0], &docs[1]));
    let best =
        fixture_match(&docs, &found, "our best defense", "our best defense").expect("3 words");
    assert_eq!(best.kind, MatchKind::Exact);
    let releases = "prepare for controlled releases through April";
    let reported = fixture_match(&docs, &found, releases, releases).expect("paraphrase");
    assert!(
        reported.quoted.left && !reported.quoted.right,
        "quoted in one, narration in the other"
    );
    let rains = "must act before the autumn rains return to the valley";
    assert_eq!(
        fixture_match(&docs, &found, rains, rains)
            .expect("« »")
            .kind,
        MatchKind::Exact
    );
    let review = fixture_match(
        &docs,
        &found,
        "under constant review",
        "under constant review",
    );
    assert!(review.is_some(), "unclosed quote still matches");
}

#[test]
fn fixture_stock_phrases_and_narration_echoes_do_not_match() {
    let docs = fixture_pair();
    let found = quotes::shared_quotes(Pair::new(&docs[0], &docs[1]));
    for s in &found {
        let left = &GAZETTE[s.spans.left.clone()];
        let right = &HERALD[s.spans.right.clone()];
        assert!(
            !left.contains("Port Alder") && !right.contains("Port Alder"),
            "{left} / {right}"
        );
        assert!(!right.contains("future repair"), "{left} / {right}");
    }
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn fixture_groups_gather_both_articles() {
    let docs = fixture_pair();
    let groups = quotes::groups(&docs);
    assert!(groups.iter().all(|g| g.articles() == 2));
    let rebuild = groups
        .iter()
        .find(|g| g.text.contains("sandbags"))
        .expect("rebuild group");
    assert_eq!(rebuild.speaker.as_deref(), Some("Ines Marlow"));
    assert_eq!(
        rebuild
            .occurrences
            .iter()
            .filter(|o| o.article == 1)
            .count(),
        1,
        "one occurrence per article"
    );
}

// ---- Invariants ----

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn extraction_never_panics_and_spans_are_valid(
            text in "[a-zA-Z0-9 ,.’'‘“”\"«»„‹›\n—]{0,300}"
        ) {
            for q in quotes::extract(&text) {
                prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
                prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            }
            let doc = Document::new(&text, &MatchOptions::default());
            for s in quotes::shared_quotes(Pair::new(&doc, &doc)) {
                prop_assert!(text.get(s.spans.left.clone()).is_some());
                prop_assert!(text.get(s.spans.right.clone()).is_some());
            }
        }

        #[test]
        fn extraction_never_panics_on_any_unicode(text in any::<String>()) {
            for q in quotes::extract(&text) {
                prop_assert!(text.get(q.span.clone()).is_some());
            }
        }

        #[test]
        fn a_text_matched_against_itself_finds_every_quote_exactly(
            parts in prop::collection::vec(
                (prop::collection::vec("[a-z]{5,9}", 0..8), prop::collection::vec("[a-z]{5,9}", 2..10)),
                1..6,
            )
        ) {
            let mut text = String::new();
            for (narration, quoted) in &parts {
                text.push_str(&narration.join(" "));
                text.push_str(" “");
                text.push_str(&quoted.join(" "));
                text.push_str(",” Marlow said. ");
            }
            let doc = Document::new(&text, &MatchOptions::default());
            let found = quotes::shared_quotes(Pair::new(&doc, &doc));
            for q in &doc.quotes {
                let covered = found.iter().any(|s| {
                    s.kind == MatchKind::Exact
                        && s.spans.left.start <= q.span.start
                        && q.span.end.saturating_sub(1) <= s.spans.left.end
                });
                prop_assert!(covered, "{:?} not matched in {:?}", &text[q.span.clone()], found);
            }
        }
    }
}

/// A work limit on quote matching returns what it found so far and says so in a
/// notice; the default limit leaves ordinary pairs untouched.
#[test]
fn quote_matching_past_its_work_limit_stops_with_a_notice() {
    use crosscheck::compare::{CompareOptions, Notice, compare};
    let left = "The mayor said: “The levee will hold through the spring floods, and \
                no family will be moved before the engineers report.” Residents were calm.";
    let right = "“The levee will hold through the spring floods,” the mayor said. \
                 “No family will be moved before the engineers report,” she added.";
    let texts = [left.to_string(), right.to_string()];
    let docs = documents(&texts);
    let pair = Pair::new(&docs[0], &docs[1]);

    let full = compare(pair, &CompareOptions::default());
    assert!(!full.shared_quotes.is_empty());
    assert!(full.notices.is_empty(), "{:?}", full.notices);

    let limited = CompareOptions {
        max_quote_cells: 0,
        ..CompareOptions::default()
    };
    let cut = compare(pair, &limited);
    assert!(cut.shared_quotes.len() < full.shared_quotes.len());
    assert_eq!(cut.notices, [Notice::QuotesCutShort]);
}

// ---- A quote is a unit (issue F point 4) ----

/// The report: two quotes parted by narration that differs between the sides.
const MAYOR: [&str; 2] = [
    "The mayor called the vote “a turning point for us.” Critics disagreed. \
     “We had no time to read it,” said Reyes.",
    "The mayor called the vote “a turning point for us.” Opponents were unconvinced. \
     “We had no time to read it,” said Reyes.",
];

#[test]
fn two_quotes_parted_by_different_narration_are_two_matches_with_their_own_speakers() {
    use crosscheck::compare::{CompareOptions, compare};
    let texts = MAYOR.map(String::from);
    let docs = documents(&texts);
    let found = compare(Pair::new(&docs[0], &docs[1]), &CompareOptions::default()).shared_quotes;
    let listed: Vec<(&str, &str, MatchKind, Option<&str>)> = found
        .iter()
        .map(|s| {
            (
                &texts[0][s.spans.left.clone()],
                &texts[1][s.spans.right.clone()],
                s.kind,
                s.speaker.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "a turning point for us",
                "a turning point for us",
                MatchKind::Exact,
                Some("the mayor")
            ),
            (
                "We had no time to read it",
                "We had no time to read it",
                MatchKind::Exact,
                Some("Reyes")
            ),
        ]
    );
    // The tracker over the same pair reports the same two quotes, on the same words.
    let groups = quotes::groups(&docs);
    assert_eq!(groups.len(), 2, "{groups:#?}");
    for s in &found {
        assert!(groups.iter().any(|g| {
            g.occurrences.len() == 2
                && overlaps(&g.occurrences[0].span, &s.spans.left)
                && overlaps(&g.occurrences[1].span, &s.spans.right)
        }));
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn exact_only_when_the_matched_words_are_identical() {
    let texts = [
        "“Conditions will be dangerous until the morning,” the police chief said.".to_string(),
        "“Conditions will be extremely dangerous until the morning,” the police chief said."
            .to_string(),
    ];
    let docs = documents(&texts);
    let found = shared(&docs, 0, 1);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].kind,
        MatchKind::Near,
        "an added word is a difference"
    );
    assert!(found[0].score < 1.0);
}

#[test]
fn the_halves_of_a_quote_split_in_one_sentence_are_one_match() {
    let texts = [
        "“The bridge is safe to use,” chief engineer Paolo Ricci said on Monday, “and the \
         cracks we found are in the paint, not in the steel.”"
            .to_string(),
        "Paolo Ricci said that “the bridge is safe to use and the cracks we found are in \
         the paint, not in the steel.”"
            .to_string(),
    ];
    let docs = documents(&texts);
    let found = shared(&docs, 0, 1);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(texts[0][found[0].spans.left.clone()].contains("Ricci said"));
    assert_eq!(found[0].speaker.as_deref(), Some("Paolo Ricci"));
}

/// Writes the texts as `a.txt`, `b.txt` in a temporary folder.
fn pair_files(texts: [&str; 2]) -> (tempfile::TempDir, [String; 2]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = [("a.txt", texts[0]), ("b.txt", texts[1])]
        .map(|(name, text)| files::write(dir.path(), name, text).display().to_string());
    (dir, paths)
}

fn run_json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&binary::stdout(args)).expect("JSON")
}

#[test]
fn compare_and_quotes_report_the_same_matches_for_a_pair() {
    let (_dir, [a, b]) = pair_files(MAYOR);
    let compared = run_json(&["compare", &a, &b, "--json"]);
    let tracked = run_json(&["quotes", &a, &b, "--json"]);
    let shared = compared["shared_quotes"].as_array().expect("list");
    let groups = tracked["groups"].as_array().expect("list");
    assert_eq!(shared.len(), 2);
    assert_eq!(groups.len(), shared.len());
    for (n, q) in shared.iter().enumerate() {
        assert_eq!(q["number"], n + 1, "numbered as the reader numbers them");
        for side in ["left", "right"] {
            assert_eq!(q[side]["quoted"], true);
        }
        let text = q["left"]["text"].as_str().expect("text");
        let group = groups
            .iter()
            .find(|g| g["text"].as_str().is_some_and(|t| t.contains(text)))
            .unwrap_or_else(|| panic!("no tracker group for {text:?}"));
        assert_eq!(group["speaker"], q["speaker"]);
    }
    assert_eq!(shared[0]["speaker"], "the mayor");
    assert_eq!(shared[1]["left"]["speaker"], "Reyes");
}

#[test]
fn compare_json_says_where_the_words_stand_outside_quote_marks() {
    let (_dir, [a, b]) = pair_files([
        "Good evening. We will not make grieving people fill out forms. Thank you.",
        "The governor promised grants. “We will not make grieving people fill out forms,” \
         Marsh said.",
    ]);
    let compared = run_json(&["compare", &a, &b, "--json"]);
    let shared = compared["shared_quotes"].as_array().expect("list");
    assert_eq!(shared.len(), 1, "{shared:#?}");
    assert_eq!(
        shared[0]["left"]["quoted"], false,
        "a transcript is narration"
    );
    assert_eq!(shared[0]["right"]["quoted"], true);
    assert_eq!(shared[0]["left"]["speaker"], serde_json::Value::Null);
    assert_eq!(shared[0]["right"]["speaker"], "Marsh");
    insta::assert_json_snapshot!("shared_quote_against_a_transcript", shared);
}
