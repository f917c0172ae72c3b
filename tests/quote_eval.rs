//! Shared quotes as real outlets quote: invented article pairs, one file per
//! phenomenon (`tests/fixtures/quote_eval/*.toml`: transcripts, translations, spun
//! copies, transcription variants, partial quotes, guillemets and German or broken marks, British single quotes, ASCII apostrophes, multi-paragraph quotes, split
//! quotes in the other order, quotes inside quotes, reported speech, terms in quote
//! marks, echoes in narration, quote units), each pair with the gold list of the
//! quotes the two really share. Recall (gold rows found) and precision (reported
//! matches that are real) are scored per phenomenon and must stay above thresholds;
//! `cargo test --test quote_eval -- --nocapture` prints the table.
//!
//! A reported match is real when at least half of its words on each side lie in one
//! gold row's phrases (a match spanning two quotes is not); a gold row is found when
//! a real match lies on it. Speakers and kinds are scored where the gold names them,
//! and the tracker (`quotes`) must report, for each pair, the same matches as
//! `compare` (issue F point 4).

use crosscheck::compare::quotes::groups;
use crosscheck::compare::{Document, MatchKind, SharedQuote, quotes};
use crosscheck::pair::{Pair, Side};
use crosscheck::text::MatchOptions;
use serde::Deserialize;
use std::fmt::Write as _;
use std::ops::Range;

#[derive(Debug, Deserialize)]
struct Phenomenon {
    /// What the cases have in common.
    about: String,
    /// Least recall and precision the engine must reach on these cases.
    min_recall: f64,
    min_precision: f64,
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    a: String,
    b: String,
    #[serde(default)]
    gold: Vec<Gold>,
}

/// A quote both articles carry: the words on each side (a unique substring), and
/// optionally who says it and how closely the two match.
#[derive(Debug, Deserialize)]
struct Gold {
    a: String,
    b: String,
    speaker: Option<String>,
    /// `exact`, `near` or `partial`.
    kind: Option<String>,
}

const PHENOMENA: &[(&str, &str)] = &[
    (
        "transcripts",
        include_str!("fixtures/quote_eval/transcripts.toml"),
    ),
    (
        "translations",
        include_str!("fixtures/quote_eval/translations.toml"),
    ),
    ("spun copies", include_str!("fixtures/quote_eval/spun.toml")),
    (
        "partial quotes",
        include_str!("fixtures/quote_eval/partial.toml"),
    ),
    (
        "quote marks",
        include_str!("fixtures/quote_eval/marks.toml"),
    ),
    (
        "variants",
        include_str!("fixtures/quote_eval/variants.toml"),
    ),
    (
        "british quotes",
        include_str!("fixtures/quote_eval/british.toml"),
    ),
    (
        "ascii apostrophes",
        include_str!("fixtures/quote_eval/ascii.toml"),
    ),
    (
        "multi-paragraph",
        include_str!("fixtures/quote_eval/paragraphs.toml"),
    ),
    (
        "split, reordered",
        include_str!("fixtures/quote_eval/split.toml"),
    ),
    (
        "quotes in quotes",
        include_str!("fixtures/quote_eval/nested.toml"),
    ),
    (
        "reported speech",
        include_str!("fixtures/quote_eval/reported.toml"),
    ),
    (
        "terms in marks",
        include_str!("fixtures/quote_eval/terms.toml"),
    ),
    (
        "echo in narration",
        include_str!("fixtures/quote_eval/echoes.toml"),
    ),
    (
        "quote units",
        include_str!("fixtures/quote_eval/units.toml"),
    ),
];

/// Least recall and precision over all cases together (issue F point 5's targets for
/// its two easier hidden folders; each phenomenon holds its own, at least the target
/// for the hardest folder, 0.90 / 0.95).
const MIN_TOTAL_RECALL: f64 = 0.95;
const MIN_TOTAL_PRECISION: f64 = 0.97;
/// Least share of found gold rows whose speaker (where the gold names one) and kind
/// (where it names one) are right.
const MIN_SPEAKERS_RIGHT: f64 = 0.95;
const MIN_KINDS_RIGHT: f64 = 0.9;

/// The byte span of `phrase` in `text`, which must hold it exactly once.
fn locate(text: &str, phrase: &str, case: &str) -> Range<usize> {
    let mut found = text.match_indices(phrase);
    let Some((start, _)) = found.next() else {
        panic!("{case}: gold phrase {phrase:?} is not in the text");
    };
    assert!(
        found.next().is_none(),
        "{case}: gold phrase {phrase:?} is in the text twice"
    );
    start..start + phrase.len()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Whether most of `span` lies in `gold`.
fn mostly_in(span: &Range<usize>, gold: &Range<usize>) -> bool {
    2 * overlap(span, gold) >= span.len().max(1)
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    cases: usize,
    gold: usize,
    found: usize,
    reported: usize,
    real: usize,
    speakers: usize,
    speakers_right: usize,
    kinds: usize,
    kinds_right: usize,
    /// Cases where `compare` and the tracker report the same matches.
    agreeing: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.gold += other.gold;
        self.found += other.found;
        self.reported += other.reported;
        self.real += other.real;
        self.speakers += other.speakers;
        self.speakers_right += other.speakers_right;
        self.kinds += other.kinds;
        self.kinds_right += other.kinds_right;
        self.agreeing += other.agreeing;
    }

    fn recall(&self) -> f64 {
        share(self.found, self.gold)
    }

    fn precision(&self) -> f64 {
        share(self.real, self.reported)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        #[allow(clippy::cast_precision_loss)]
        let r = part as f64 / whole as f64;
        r
    }
}

fn kind_name(kind: MatchKind) -> String {
    format!("{kind:?}").to_lowercase()
}

/// Whether a speaker name the engine gave matches the gold one (by any word of it).
fn same_speaker(found: Option<&str>, gold: &str) -> bool {
    let gold = gold.to_lowercase();
    found.is_some_and(|f| {
        let f = f.to_lowercase();
        f == gold
            || gold
                .split_whitespace()
                .any(|w| f.split_whitespace().any(|x| x == w))
    })
}

/// Scores one case, writing what went wrong to `log`.
fn score(case: &Case, log: &mut String) -> Tally {
    let options = MatchOptions::default();
    let docs = [
        Document::new(&case.a, &options),
        Document::new(&case.b, &options),
    ];
    let pair = Pair::new(&docs[0], &docs[1]);
    let found = quotes::shared_quotes(pair);
    let gold: Vec<Pair<Range<usize>>> = case
        .gold
        .iter()
        .map(|g| {
            Pair::new(
                locate(&case.a, &g.a, &case.name),
                locate(&case.b, &g.b, &case.name),
            )
        })
        .collect();
    let row_of = |m: &SharedQuote| {
        gold.iter().position(|g| {
            Side::BOTH
                .iter()
                .all(|&side| mostly_in(&m.spans[side], &g[side]))
        })
    };
    let mut tally = Tally {
        cases: 1,
        gold: gold.len(),
        reported: found.len(),
        ..Tally::default()
    };
    let rows: Vec<Option<usize>> = found.iter().map(row_of).collect();
    for (m, row) in found.iter().zip(&rows) {
        if row.is_some() {
            tally.real += 1;
        } else {
            let _ = writeln!(
                log,
                "  {}: false match {:?} ↔ {:?}",
                case.name,
                &case.a[m.spans.left.clone()],
                &case.b[m.spans.right.clone()]
            );
        }
    }
    for (g, (row, spans)) in case.gold.iter().zip(gold.iter().enumerate()) {
        let best = found
            .iter()
            .zip(&rows)
            .filter(|(_, r)| **r == Some(row))
            .map(|(m, _)| m)
            .max_by_key(|m| {
                overlap(&m.spans.left, &spans.left) + overlap(&m.spans.right, &spans.right)
            });
        let Some(m) = best else {
            let _ = writeln!(log, "  {}: missed {:?} ↔ {:?}", case.name, g.a, g.b);
            continue;
        };
        tally.found += 1;
        if let Some(speaker) = &g.speaker {
            tally.speakers += 1;
            let named = [
                m.speaker.as_deref(),
                m.speakers.left.as_deref(),
                m.speakers.right.as_deref(),
            ];
            if same_speaker(m.speaker.as_deref(), speaker) {
                tally.speakers_right += 1;
            } else {
                let _ = writeln!(
                    log,
                    "  {}: speaker of {:?} is {named:?}, not {speaker}",
                    case.name, g.a
                );
            }
        }
        if let Some(kind) = &g.kind {
            tally.kinds += 1;
            if kind_name(m.kind) == *kind {
                tally.kinds_right += 1;
            } else {
                let _ = writeln!(
                    log,
                    "  {}: kind of {:?} is {:?}, not {kind:?}",
                    case.name, g.a, m.kind
                );
            }
        }
    }
    if tracker_agrees(case, &docs, &found, log) {
        tally.agreeing += 1;
    }
    tally
}

/// Whether the tracker over the pair reports the matches `compare` found; if not,
/// lists both to `log`.
fn tracker_agrees(
    case: &Case,
    docs: &[Document<'_>],
    found: &[SharedQuote],
    log: &mut String,
) -> bool {
    let tracked = tracker_pairs(docs);
    if agrees(&tracked, found) {
        return true;
    }
    let _ = writeln!(log, "  {}: the tracker disagrees with compare", case.name);
    let list = |spans: &mut dyn Iterator<Item = Pair<Range<usize>>>| -> String {
        spans.fold(String::new(), |mut out, p| {
            let _ = writeln!(out, "      {:?} ↔ {:?}", &case.a[p.left], &case.b[p.right]);
            out
        })
    };
    let _ = write!(
        log,
        "    compare:\n{}    tracker:\n{}",
        list(&mut found.iter().map(|m| m.spans.clone())),
        list(&mut tracked.iter().cloned())
    );
    false
}

/// The spans of the tracker's groups over the pair that both articles carry.
fn tracker_pairs(docs: &[Document<'_>]) -> Vec<Pair<Range<usize>>> {
    groups(docs)
        .iter()
        .filter_map(|g| {
            let span = |article: usize| {
                g.occurrences
                    .iter()
                    .find(|o| o.article == article)
                    .map(|o| o.span.clone())
            };
            Some(Pair::new(span(0)?, span(1)?))
        })
        .collect()
}

/// Whether the tracker reports the quotes `compare` does: each group carried by both
/// articles is a shared quote on the same words, and each shared quote is a group or
/// repeats one on one side (the tracker shows one place per article).
fn agrees(both: &[Pair<Range<usize>>], found: &[SharedQuote]) -> bool {
    let meets = |m: &SharedQuote, g: &Pair<Range<usize>>, sides: &[Side]| {
        sides
            .iter()
            .all(|&side| overlap(&m.spans[side], &g[side]) > 0)
    };
    let groups_found = both
        .iter()
        .all(|g| found.iter().any(|m| meets(m, g, &Side::BOTH)));
    let matches_grouped = found.iter().all(|m| {
        both.iter().any(|g| {
            meets(m, g, &Side::BOTH) || meets(m, g, &[Side::Left]) || meets(m, g, &[Side::Right])
        })
    });
    groups_found && matches_grouped
}

#[test]
fn shared_quotes_reach_their_recall_and_precision_on_every_phenomenon() {
    let mut table = String::from(
        "phenomenon          cases  gold  found  reported  real  recall  precision  speakers  kinds  tracker\n",
    );
    let mut log = String::new();
    let mut failures = Vec::new();
    let mut total = Tally::default();
    for (name, source) in PHENOMENA {
        let phenomenon: Phenomenon =
            toml::from_str(source).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!phenomenon.about.is_empty());
        let mut tally = Tally::default();
        for case in &phenomenon.cases {
            tally.add(&score(case, &mut log));
        }
        let _ = writeln!(
            table,
            "{name:<18} {:>6} {:>5} {:>6} {:>9} {:>5}  {:>6.2}  {:>9.2}  {:>4}/{:<3}  {:>2}/{:<2}  {:>3}/{:<3}",
            tally.cases,
            tally.gold,
            tally.found,
            tally.reported,
            tally.real,
            tally.recall(),
            tally.precision(),
            tally.speakers_right,
            tally.speakers,
            tally.kinds_right,
            tally.kinds,
            tally.agreeing,
            tally.cases,
        );
        if tally.recall() < phenomenon.min_recall || tally.precision() < phenomenon.min_precision {
            failures.push(format!(
                "{name}: recall {:.2} (least {:.2}), precision {:.2} (least {:.2})",
                tally.recall(),
                phenomenon.min_recall,
                tally.precision(),
                phenomenon.min_precision
            ));
        }
        total.add(&tally);
    }
    let _ = writeln!(
        table,
        "{:<18} {:>6} {:>5} {:>6} {:>9} {:>5}  {:>6.2}  {:>9.2}  {:>4}/{:<3}  {:>2}/{:<2}  {:>3}/{:<3}",
        "all",
        total.cases,
        total.gold,
        total.found,
        total.reported,
        total.real,
        total.recall(),
        total.precision(),
        total.speakers_right,
        total.speakers,
        total.kinds_right,
        total.kinds,
        total.agreeing,
        total.cases,
    );
    eprintln!("{table}\n{log}");
    assert!(
        total.recall() >= MIN_TOTAL_RECALL && total.precision() >= MIN_TOTAL_PRECISION,
        "all: recall {:.2}, precision {:.2}",
        total.recall(),
        total.precision()
    );
    assert!(
        share(total.speakers_right, total.speakers) >= MIN_SPEAKERS_RIGHT,
        "speakers right: {}/{}",
        total.speakers_right,
        total.speakers
    );
    assert!(
        share(total.kinds_right, total.kinds) >= MIN_KINDS_RIGHT,
        "kinds right: {}/{}",
        total.kinds_right,
        total.kinds
    );
    assert_eq!(
        total.agreeing, total.cases,
        "compare and quotes must agree on every pair"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
