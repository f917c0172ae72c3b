//! The fact finder on the bundled sample and on invented corpora whose answers are
//! known by construction.

use crosscheck::compare::Document;
use crosscheck::compare::facts::{self, ConflictKind, Facts};
use crosscheck::text::MatchOptions;

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

/// Each conflict as its kind and, per side, the article and "figure unit" text.
fn conflicts(texts: &[String], facts: &Facts) -> Vec<(ConflictKind, [(usize, String); 2])> {
    facts
        .conflicts
        .iter()
        .map(|c| {
            let side = |f: &facts::Figure| {
                let end = f.unit.as_ref().map_or(f.span.end, |u| u.end);
                (f.article, texts[f.article][f.span.start..end].to_string())
            };
            (c.kind, [side(&c.figures.left), side(&c.figures.right)])
        })
        .collect()
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
    let found = conflicts(&texts, &find(&texts));
    assert_eq!(
        found,
        [
            (
                ConflictKind::DifferentObject,
                [
                    (0, "5% of their Gross Domestic Product".into()),
                    (4, "5% of their budgets".into())
                ]
            ),
            (
                ConflictKind::DifferentObject,
                [
                    (3, "5% of their GDP".into()),
                    (4, "5% of their budgets".into())
                ]
            ),
        ]
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
        .conflicts
        .iter()
        .flat_map(|c| [&c.figures.left, &c.figures.right])
        .chain(&facts.lone_figures);
    for f in figures {
        assert!(within(&f.span, &f.sentence), "{f:?}");
        if let Some(unit) = &f.unit {
            assert!(within(unit, &f.sentence) && unit.start >= f.span.end);
        }
    }
}
