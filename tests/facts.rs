//! The fact finder on the bundled sample and on invented corpora whose answers are
//! known by construction.

use crosscheck::cli::facts::{self as facts_cli, FactsReport};
use crosscheck::cli::plain::Painter;
use crosscheck::compare::Document;
use crosscheck::compare::facts::{self, ConflictKind, Facts};
use crosscheck::corpus::{Article, Meta};
use crosscheck::text::MatchOptions;
use unicode_width::UnicodeWidthStr;

fn read_dir(dir: &str) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect()
}

fn find(texts: &[String]) -> Facts {
    let docs: Vec<Document<'_>> = texts
        .iter()
        .map(|t| Document::new(t, &MatchOptions::default()))
        .collect();
    facts::find(&docs)
}

/// Each name group as its spellings (text of the first mention) with their articles.
fn names(texts: &[String], facts: &Facts) -> Vec<Vec<(String, Vec<usize>)>> {
    facts
        .names
        .iter()
        .map(|group| {
            group
                .spellings
                .iter()
                .map(|s| {
                    let m = &s.mentions[0];
                    (
                        texts[m.article][m.span.clone()].to_string(),
                        s.articles.clone(),
                    )
                })
                .collect()
        })
        .collect()
}

/// One side of a dispute: each figure's article and "figure unit" text.
type Side = Vec<(usize, String)>;

/// Each dispute as its kind and its sides.
fn disputes(texts: &[String], facts: &Facts) -> Vec<(ConflictKind, Vec<Side>)> {
    facts
        .disputes
        .iter()
        .map(|d| {
            let figure = |f: &facts::Figure| {
                let end = f.unit.as_ref().map_or(f.span.end, |u| u.end);
                (f.article, texts[f.article][f.span.start..end].to_string())
            };
            let sides = d
                .sides
                .iter()
                .map(|side| side.iter().map(figure).collect())
                .collect();
            (d.kind, sides)
        })
        .collect()
}

/// A dispute between two figures: side one, side two.
fn two(
    kind: ConflictKind,
    left: (usize, &str),
    right: (usize, &str),
) -> (ConflictKind, Vec<Vec<(usize, String)>>) {
    (
        kind,
        vec![
            vec![(left.0, left.1.to_string())],
            vec![(right.0, right.1.to_string())],
        ],
    )
}

/// Each lone figure as its article and text.
fn lone(texts: &[String], facts: &Facts) -> Vec<(usize, String)> {
    facts
        .lone_figures
        .iter()
        .map(|f| (f.article, texts[f.article][f.span.clone()].to_string()))
        .collect()
}

#[test]
fn sample_name_spellings() {
    let texts = read_dir("assets/articles");
    let found = names(&texts, &find(&texts));
    assert_eq!(
        found,
        [
            vec![
                ("Volodomyr".into(), vec![0]),
                ("Volodymyr".into(), vec![1, 3])
            ],
            vec![
                ("Zelensky".into(), vec![0, 3]),
                ("Zelenskiy".into(), vec![1])
            ],
        ]
    );
}

#[test]
fn sample_spending_target_stated_of_gdp_and_of_budgets() {
    let texts = read_dir("assets/articles");
    let found = disputes(&texts, &find(&texts));
    assert_eq!(
        found,
        [(
            ConflictKind::DifferentObject,
            vec![
                vec![
                    (0, "5% of their Gross Domestic Product".into()),
                    (3, "5% of their GDP".into())
                ],
                vec![(4, "5% of their budgets".into())]
            ]
        )],
        "one row for the spending target, every article on its side"
    );
}

#[test]
fn sample_figures_only_one_outlet_carries() {
    let texts = read_dir("assets/articles");
    let found = lone(&texts, &find(&texts));
    assert_eq!(
        found,
        [
            (1, "€50 billion ($51.9 billion)".into()),
            (2, "$500 billion".into()),
            (4, "$126 billion".into()),
            (4, "$66.5 billion".into()),
        ]
    );
}

#[test]
fn sample_evidence_spans_are_sentences_holding_their_words() {
    let texts = read_dir("assets/articles");
    let facts = find(&texts);
    let within = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        b.start <= a.start && a.end <= b.end
    };
    for m in facts
        .names
        .iter()
        .flat_map(|g| &g.spellings)
        .flat_map(|s| &s.mentions)
    {
        assert!(within(&m.span, &m.name) && within(&m.name, &m.sentence));
    }
    let figures = facts
        .disputes
        .iter()
        .flat_map(facts::Dispute::figures)
        .chain(&facts.lone_figures);
    for f in figures {
        assert!(within(&f.span, &f.sentence), "{f:?}");
        if let Some(unit) = &f.unit {
            assert!(within(unit, &f.sentence) && unit.start >= f.span.end);
        }
    }
}

/// Three reports of one flood: the toll is 12 in one and 14 in two; the mayor is
/// Whitaker in one and Whittaker in two; only the first puts a price on repairs.
/// Decoys: homes evacuated vs destroyed, a dam's year vs a levee's year, a
/// percentage of the town vs a rise in claims, `Residents` opening a sentence
/// beside a `Residenz Hotel`, a headline in title case, shared aid of $2 million.
fn flood() -> Vec<String> {
    read_dir("tests/fixtures/facts/flood")
}

#[test]
fn flood_mayor_spelled_two_ways() {
    let texts = flood();
    let found = names(&texts, &find(&texts));
    assert_eq!(
        found,
        [vec![
            ("Whitaker".into(), vec![0]),
            ("Whittaker".into(), vec![1, 2])
        ]]
    );
}

#[test]
fn flood_death_toll_is_one_dispute_with_both_sides_and_nothing_else() {
    let texts = flood();
    let found = disputes(&texts, &find(&texts));
    assert_eq!(
        found,
        [(
            ConflictKind::DifferentValue,
            vec![
                vec![(0, "12 people".into())],
                vec![(1, "14 people".into()), (2, "14 people".into())]
            ]
        )]
    );
}

#[test]
fn flood_repair_cost_is_the_only_lone_figure() {
    let texts = flood();
    assert_eq!(lone(&texts, &find(&texts)), [(0, "$40 million".into())]);
}

#[test]
fn a_single_article_has_no_lone_figures_and_no_disputes() {
    let texts = flood()[..1].to_vec();
    let facts = find(&texts);
    assert!(facts.is_empty(), "{facts:?}");
}

#[test]
fn hedged_figures_do_not_conflict() {
    let texts = [
        "The flood killed 12 people in Riverton, officials said.".to_string(),
        "The flood killed more than 14 people in Riverton, officials said.".to_string(),
    ];
    assert!(find(&texts).disputes.is_empty());
}

#[test]
fn an_article_stating_both_numbers_does_not_conflict() {
    let texts = [
        "The flood killed 12 people in Riverton on Tuesday, officials said.".to_string(),
        "The flood killed 14 people in Riverton, officials said. On Tuesday the count was 12 people."
            .to_string(),
    ];
    assert!(find(&texts).disputes.is_empty());
}

#[test]
fn same_figure_different_object_needs_the_same_frame() {
    let texts = [
        "Members agreed to spend 5% of their GDP on defense, the minister said.".to_string(),
        "Members agreed to spend 5% of their budgets on defense, the minister said.".to_string(),
        "Members agreed to spend 5% more on defense, the minister said.".to_string(),
    ];
    let facts = find(&texts);
    let found = disputes(&texts, &facts);
    assert_eq!(
        found,
        [two(
            ConflictKind::DifferentObject,
            (0, "5% of their GDP"),
            (1, "5% of their budgets")
        )]
    );
}

/// The flood articles as a corpus would hold them, with outlet names.
fn flood_articles() -> Vec<Article> {
    let outlets = ["Riverton Gazette", "Valley Herald", "Wire Service"];
    flood()
        .into_iter()
        .zip(outlets)
        .map(|(text, outlet)| Article {
            id: outlet.to_lowercase().replace(' ', "-"),
            source: "tests/fixtures/facts/flood".into(),
            meta: Meta {
                outlet: outlet.into(),
                title: format!("{outlet} on the flood"),
                date: None,
                url: None,
                authors: Vec::new(),
            },
            raw: text.clone(),
            clean: text,
            removals: Vec::new(),
            warnings: Vec::new(),
        })
        .collect()
}

/// The bundled sample as the binary loads it.
fn sample_corpus() -> Vec<Article> {
    crosscheck::corpus::load_paths(&[], &crosscheck::corpus::LoadOptions::default())
        .expect("the sample loads")
        .articles
}

#[test]
fn flood_report_json() {
    let report = FactsReport::build(&flood_articles(), &MatchOptions::default());
    insta::assert_json_snapshot!(report);
}

#[test]
fn flood_report_plain_fits_80_columns() {
    let report = FactsReport::build(&flood_articles(), &MatchOptions::default());
    let text = facts_cli::plain(&report, Painter::PLAIN, 80);
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn sample_report_plain_lists_the_expected_items() {
    let report = FactsReport::build(&sample_corpus(), &MatchOptions::default());
    let text = facts_cli::plain(&report, Painter::PLAIN, 80);
    for expected in [
        "Volodomyr / Volodymyr",
        "Zelensky / Zelenskiy",
        "5% of their Gross Domestic Product",
        "5% of their budgets",
        "$500 billion",
        "$126 billion",
        "€50 billion ($51.9 billion)",
    ] {
        assert!(text.contains(expected), "missing {expected}:\n{text}");
    }
    assert!(text.lines().all(|l| l.width() <= 80), "{text}");
}

mod invariants {
    use super::*;
    use proptest::prelude::*;
    use std::ops::Range;

    /// Pieces that exercise names, figures, quotes and odd characters.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "Zelensky",
                "Zelenskiy",
                "Mayor",
                "Whitaker",
                "Whittaker",
                "$40",
                "€50",
                "billion",
                "(",
                ")",
                "($51.9",
                "billion)",
                "5%",
                "percent",
                "of",
                "their",
                "GDP",
                "budgets",
                "Feb.",
                "12",
                "2014",
                "Five",
                "people",
                "killed",
                "flood",
                ".",
                ",",
                "“",
                "”",
                "\"",
                ":",
                "—",
                "\n",
                "more",
                "than",
                "3/4",
                "0:00",
                "U.S.",
                "Ukraine’s",
                "’s",
                "北京",
                "e\u{301}",
                "\u{202E}",
                "1,000",
            ])
            .prop_map(str::to_string),
            "\\PC{0,6}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..80).prop_map(|p| p.join(" "))
    }

    fn valid(text: &str, r: &Range<usize>) -> bool {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    }

    fn within(inner: &Range<usize>, outer: &Range<usize>) -> bool {
        outer.start <= inner.start && inner.end <= outer.end
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn find_never_panics_and_spans_are_valid(texts in prop::collection::vec(text(), 1..4)) {
            let facts = find(&texts);
            for m in facts.names.iter().flat_map(|g| &g.spellings).flat_map(|s| &s.mentions) {
                let t = &texts[m.article];
                prop_assert!(valid(t, &m.span) && valid(t, &m.name) && valid(t, &m.sentence));
                prop_assert!(within(&m.span, &m.name) && within(&m.name, &m.sentence));
            }
            let figures = facts
                .disputes
                .iter()
                .flat_map(facts::Dispute::figures)
                .chain(&facts.lone_figures);
            for f in figures {
                let t = &texts[f.article];
                prop_assert!(valid(t, &f.span) && valid(t, &f.sentence));
                prop_assert!(within(&f.span, &f.sentence));
                if let Some(u) = &f.unit {
                    prop_assert!(valid(t, u) && within(u, &f.sentence));
                }
            }
            for d in &facts.disputes {
                prop_assert!(d.sides.len() >= 2);
                for side in &d.sides {
                    prop_assert!(side.windows(2).all(|w| w[0].article < w[1].article));
                }
            }
        }

        #[test]
        fn an_article_never_disagrees_with_itself(text in text()) {
            let facts = find(&[text.clone(), text]);
            prop_assert!(facts.is_empty(), "{facts:?}");
        }

        #[test]
        fn plain_output_fits_its_width(texts in prop::collection::vec(text(), 2..4), width in 40usize..120) {
            let articles: Vec<Article> = texts
                .into_iter()
                .enumerate()
                .map(|(i, text)| Article {
                    id: i.to_string(),
                    source: String::new(),
                    meta: Meta { outlet: format!("Outlet {i}"), ..Meta::default() },
                    raw: text.clone(),
                    clean: text,
                    removals: Vec::new(),
                    warnings: Vec::new(),
                })
                .collect();
            let report = FactsReport::build(&articles, &MatchOptions::default());
            let shown = facts_cli::plain(&report, Painter::PLAIN, width);
            for line in shown.lines() {
                prop_assert!(line.width() <= width, "{line:?} wider than {width}");
                prop_assert!(!line.contains('\u{202E}'), "bidi override reached the output");
            }
        }
    }
}

#[test]
fn a_year_stated_differently_in_the_same_frame_conflicts() {
    let texts = [
        "The Riverton dam on the Elm River was built in 1998, engineers said.".to_string(),
        "The Riverton dam on the Elm River was built in 1996, engineers said on Monday."
            .to_string(),
        "The Riverton school near the Elm River opened in 1996, parents said.".to_string(),
    ];
    let found = disputes(&texts, &find(&texts));
    assert_eq!(
        found,
        [two(ConflictKind::DifferentValue, (0, "1998"), (1, "1996"))]
    );
}

#[test]
fn every_sample_article_agrees_with_itself() {
    for text in read_dir("assets/articles") {
        let facts = find(&[text.clone(), text]);
        assert!(facts.is_empty(), "{facts:?}");
    }
}

#[test]
fn a_pair_of_borrowed_documents_indexes_articles_by_position() {
    let texts = read_dir("assets/articles");
    let docs: Vec<Document<'_>> = texts
        .iter()
        .map(|t| Document::new(t, &MatchOptions::default()))
        .collect();
    let pair = facts::find(&[&docs[4], &docs[0]]);
    let found = disputes(&[texts[4].clone(), texts[0].clone()], &pair);
    assert_eq!(
        found,
        [two(
            ConflictKind::DifferentObject,
            (0, "5% of their budgets"),
            (1, "5% of their Gross Domestic Product")
        )]
    );
}

/// Two reports of one acquisition with single quotes in one and double in the other:
/// the price differs ($2.1 vs $2.3 billion in cash) and the chief executive's name is
/// spelled two ways. Decoys: revenue of different companies in different years,
/// `Northwood` (an investor) beside `Northwind` (the buyer) with two shared words,
/// and 400 vs about 380 engineers (approximate).
fn deal() -> Vec<String> {
    read_dir("tests/fixtures/facts/deal")
}

#[test]
fn deal_price_and_chief_executive_name_disagree() {
    let texts = deal();
    let facts = find(&texts);
    assert_eq!(
        names(&texts, &facts),
        [vec![
            ("Raghunathan".into(), vec![0]),
            ("Raghunathen".into(), vec![1])
        ]]
    );
    assert_eq!(
        disputes(&texts, &facts),
        [two(
            ConflictKind::DifferentValue,
            (0, "$2.1 billion in cash"),
            (1, "$2.3 billion in cash")
        )]
    );
    assert_eq!(
        lone(&texts, &facts),
        [
            (0, "$2.1 billion".into()),
            (0, "$9 billion".into()),
            (1, "$2.3 billion".into()),
            (1, "$60 million".into())
        ]
    );
}
