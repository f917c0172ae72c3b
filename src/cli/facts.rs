//! `crosscheck facts`: the engine's disagreeing facts with their text filled in,
//! as JSON (the report structs) or as plain text ([`plain`]).

use super::plain::{Paint, Painter};
use super::report::{ArticleRef, SpanText};
use crate::compare::corpus::Analysed;
use crate::compare::facts::{
    Amount, ConflictKind, Facts, Figure, FigureKind, NameMention, NameVariants,
};
use crate::corpus::Article;
use crate::present::{fit, head_words, tail_words, width as columns};
use crate::sanitize::inert;
use crate::text::MatchOptions;
use serde::Serialize;
use std::fmt::Write as _;

/// `crosscheck facts` output. Article numbers are 1-based, as in `list`.
#[derive(Debug, Clone, Serialize)]
pub struct FactsReport {
    /// The articles compared, in corpus order.
    pub articles: Vec<ArticleRef>,
    /// Names spelled differently across articles.
    pub names: Vec<NameGroup>,
    /// Figures two articles state differently about the same thing.
    pub conflicts: Vec<ConflictText>,
    /// Money amounts and large counts only one article states.
    pub lone_figures: Vec<FigureText>,
}

/// One name and its spellings.
#[derive(Debug, Clone, Serialize)]
pub struct NameGroup {
    /// The spellings, in order of first appearance.
    pub spellings: Vec<SpellingText>,
}

/// One spelling of a name.
#[derive(Debug, Clone, Serialize)]
pub struct SpellingText {
    /// The spelling as first written (`Volodomyr`).
    pub spelling: String,
    /// Articles (1-based) using it.
    pub articles: Vec<usize>,
    /// Their outlets, parallel to `articles`.
    pub outlets: Vec<String>,
    /// Every occurrence.
    pub mentions: Vec<MentionText>,
}

/// One occurrence of a spelling.
#[derive(Debug, Clone, Serialize)]
pub struct MentionText {
    /// Article (1-based).
    pub article: usize,
    /// The word spelled this way.
    pub word: SpanText,
    /// The whole name it is part of.
    pub name: SpanText,
    /// The sentence.
    pub sentence: SpanText,
}

/// A figure with its text.
#[derive(Debug, Clone, Serialize)]
pub struct FigureText {
    /// Article (1-based).
    pub article: usize,
    /// Its outlet.
    pub outlet: String,
    /// `money`, `percent`, `year`, `date` or `count`.
    pub kind: FigureKind,
    /// Value and currency.
    pub amount: Amount,
    /// A conversion given in parentheses.
    pub converted: Option<Amount>,
    /// The figure as written.
    pub figure: SpanText,
    /// What it counts, as written (`of their budgets`), when the text says.
    pub unit: Option<SpanText>,
    /// The sentence.
    pub sentence: SpanText,
}

/// Two figures that disagree.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictText {
    /// `different_value` or `different_object`.
    pub kind: ConflictKind,
    /// Content words both sentences share.
    pub shared_words: Vec<String>,
    /// The figure in the earlier article.
    pub left: FigureText,
    /// The figure in the later article.
    pub right: FigureText,
}

impl FactsReport {
    /// Analyses `articles` under `matching` and reports their disagreeing facts.
    #[must_use]
    pub fn build(articles: &[Article], matching: &MatchOptions) -> Self {
        Self::new(articles, &Analysed::new(articles, matching).facts())
    }

    /// Fills the spans of `facts` (found over `articles`, in that order) with text.
    #[must_use]
    pub fn new(articles: &[Article], facts: &Facts) -> Self {
        let filler = Filler { articles };
        Self {
            articles: articles.iter().map(ArticleRef::new).collect(),
            names: facts.names.iter().map(|n| filler.name(n)).collect(),
            conflicts: facts
                .conflicts
                .iter()
                .map(|c| ConflictText {
                    kind: c.kind,
                    shared_words: c.shared_words.clone(),
                    left: filler.figure(&c.figures.left),
                    right: filler.figure(&c.figures.right),
                })
                .collect(),
            lone_figures: facts
                .lone_figures
                .iter()
                .map(|f| filler.figure(f))
                .collect(),
        }
    }
}

/// Turns engine spans into text of the articles.
struct Filler<'a> {
    articles: &'a [Article],
}

impl Filler<'_> {
    fn text(&self, article: usize) -> &str {
        self.articles.get(article).map_or("", |a| a.clean.as_str())
    }

    fn outlet(&self, article: usize) -> String {
        self.articles
            .get(article)
            .map_or_else(String::new, |a| a.meta.outlet.clone())
    }

    fn name(&self, group: &NameVariants) -> NameGroup {
        NameGroup {
            spellings: group
                .spellings
                .iter()
                .map(|s| SpellingText {
                    spelling: s
                        .mentions
                        .first()
                        .map_or_else(|| s.key.clone(), |m| self.mention(m).word.text),
                    articles: s.articles.iter().map(|a| a + 1).collect(),
                    outlets: s.articles.iter().map(|&a| self.outlet(a)).collect(),
                    mentions: s.mentions.iter().map(|m| self.mention(m)).collect(),
                })
                .collect(),
        }
    }

    fn mention(&self, m: &NameMention) -> MentionText {
        let text = self.text(m.article);
        MentionText {
            article: m.article + 1,
            word: SpanText::new(text, &m.span),
            name: SpanText::new(text, &m.name),
            sentence: SpanText::new(text, &m.sentence),
        }
    }

    fn figure(&self, f: &Figure) -> FigureText {
        let text = self.text(f.article);
        FigureText {
            article: f.article + 1,
            outlet: self.outlet(f.article),
            kind: f.kind,
            amount: f.amount.clone(),
            converted: f.converted.clone(),
            figure: SpanText::new(text, &f.span),
            unit: f.unit.as_ref().map(|u| SpanText::new(text, u)),
            sentence: SpanText::new(text, &f.sentence),
        }
    }
}

/// Narrowest excerpt shown, whatever the width.
const MIN_EXCERPT_COLUMNS: usize = 20;

/// The plain-text `facts` report: names, conflicting figures, lone figures; each
/// item with the sentence around it, cut to `width` columns around the words involved.
#[must_use]
pub fn plain(report: &FactsReport, painter: Painter, width: usize) -> String {
    let mut out = String::new();
    let summary = format!(
        "{} articles · spellings: {} · conflicting figures: {} · single-outlet figures: {}",
        report.articles.len(),
        report.names.len(),
        report.conflicts.len(),
        report.lone_figures.len()
    );
    painter.heading_line(&mut out, &summary, width);
    let body_width = width.saturating_sub(4).max(MIN_EXCERPT_COLUMNS);
    if !report.names.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            painter.paint(Paint::Heading, "Names spelled differently")
        );
    }
    for (n, group) in report.names.iter().enumerate() {
        let spellings: Vec<&str> = group
            .spellings
            .iter()
            .map(|s| s.spelling.as_str())
            .collect();
        let head = format!("[{}] {}", n + 1, spellings.join(" / "));
        painter.heading_line(&mut out, &head, width);
        for s in &group.spellings {
            let line = format!("  {}  {}", s.spelling, s.outlets.join(", "));
            let _ = writeln!(out, "{}", fit(&inert(&line), width));
            if let Some(m) = s.mentions.first() {
                let shown = excerpt(&m.sentence, &m.word, None, body_width, painter);
                let _ = writeln!(out, "    {shown}");
            }
        }
    }
    if !report.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            painter.paint(Paint::Heading, "Conflicting figures")
        );
    }
    for (n, c) in report.conflicts.iter().enumerate() {
        let kind = match c.kind {
            ConflictKind::DifferentValue => "different figures for the same thing",
            ConflictKind::DifferentObject => "the same figure for different things",
        };
        let head = format!("[{}] {kind}", n + 1);
        painter.heading_line(&mut out, &head, width);
        let shared = format!("    shared words: {}", c.shared_words.join(", "));
        let _ = writeln!(out, "{}", painter.paint(Paint::Dim, &fit(&shared, width)));
        for f in [&c.left, &c.right] {
            let _ = writeln!(out, "  {}", fit(&inert(&f.outlet), width.saturating_sub(2)));
            let shown = excerpt(&f.sentence, &f.figure, f.unit.as_ref(), body_width, painter);
            let _ = writeln!(out, "    {shown}");
        }
    }
    if !report.lone_figures.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            painter.paint(Paint::Heading, "Figures only one outlet states")
        );
    }
    for f in &report.lone_figures {
        let line = format!("  {}  {}", f.figure.text, f.outlet);
        let _ = writeln!(out, "{}", fit(&inert(&line), width));
        let shown = excerpt(&f.sentence, &f.figure, f.unit.as_ref(), body_width, painter);
        let _ = writeln!(out, "    {shown}");
    }
    if report.names.is_empty() && report.conflicts.is_empty() && report.lone_figures.is_empty() {
        let _ = writeln!(out, "\nNo disagreeing facts found.");
    }
    out
}

/// The part of `sentence` around `focus` (and `unit`, when it follows) that fits
/// `width` columns, with `…` where it is cut and the focus painted as a heading.
fn excerpt(
    sentence: &SpanText,
    focus: &SpanText,
    unit: Option<&SpanText>,
    width: usize,
    painter: Painter,
) -> String {
    let end = unit.map_or(focus.end, |u| u.end.max(focus.end));
    let slice = |from: usize, to: usize| -> String {
        let (from, to) = (
            from.saturating_sub(sentence.start),
            to.saturating_sub(sentence.start),
        );
        sentence
            .text
            .get(from..to)
            .map(|t| inert(t).replace('\n', " "))
            .unwrap_or_default()
    };
    let before = slice(sentence.start, focus.start);
    let middle = fit(&slice(focus.start, end), width.saturating_sub(2).max(1));
    let after = slice(end, sentence.end);
    let room = width.saturating_sub(columns(&middle));
    let (before, after) = if columns(&before) + columns(&after) <= room {
        (before, after)
    } else {
        let room = room.saturating_sub(2);
        let left_room = columns(&before).min(room.saturating_sub(columns(&after)).max(room / 2));
        let right_room = room - left_room;
        (
            tail_words(&before, left_room),
            head_words(&after, right_room),
        )
    };
    format!("{before}{}{after}", painter.paint(Paint::Heading, &middle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, range: std::ops::Range<usize>) -> SpanText {
        SpanText::new(text, &range)
    }

    #[test]
    fn excerpt_keeps_the_focus_and_fits_the_width() {
        let text = "Officials in the county said on Tuesday evening that the flood killed 12 people in Riverton and the nearby villages of the valley.";
        let at = text.find("12").unwrap();
        let shown = excerpt(
            &span(text, 0..text.len()),
            &span(text, at..at + 2),
            Some(&span(text, at + 3..at + 9)),
            40,
            Painter { color: false },
        );
        assert!(shown.contains("12 people"), "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(columns(&shown) <= 40, "{shown}");
    }

    #[test]
    fn short_sentences_are_shown_whole() {
        let text = "It cost $5.";
        let shown = excerpt(
            &span(text, 0..text.len()),
            &span(text, 8..10),
            None,
            40,
            Painter { color: false },
        );
        assert_eq!(shown, text);
    }
}
