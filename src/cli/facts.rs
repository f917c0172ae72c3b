//! `crosscheck facts`: the engine's disagreeing facts with their text filled in,
//! as JSON (the report structs) or as plain text ([`plain`]).

use super::plain::{Paint, Painter};
use super::report::{ArticleRef, CharIndex, SpanText};
use crate::compare::corpus::Analysed;
use crate::compare::facts::{
    Amount, ConflictKind, Dispute, Facts, Figure, FigureKind, NameMention, NameVariants,
};
use crate::compare::stories::Story;
use crate::corpus::Article;
use crate::present::{fit, head_words, tail_words, width as columns};
use crate::sanitize::inert;
use crate::text::MatchOptions;
use serde::Serialize;
use std::cell::OnceCell;
use std::fmt::Write as _;

/// What a dispute is, in words.
#[must_use]
pub const fn conflict_label(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::DifferentValue => "different figures for the same thing",
        ConflictKind::DifferentObject => "the same figure for different things",
    }
}

/// `crosscheck facts` output. Article numbers are 1-based, as in `list`. Articles
/// are compared within their story (see `crosscheck stories`); each item names it.
#[derive(Debug, Clone, Serialize)]
pub struct FactsReport {
    /// The articles compared, in corpus order.
    pub articles: Vec<ArticleRef>,
    /// Names spelled differently across articles.
    pub names: Vec<NameGroup>,
    /// Facts stated differently: one row per disputed fact, every article on each side.
    pub disputes: Vec<DisputeText>,
    /// Money amounts and large counts only one article of its story states.
    pub lone_figures: Vec<FigureText>,
}

/// The story an item was found in.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRef {
    /// The story's id.
    pub id: String,
    /// Its label.
    pub label: String,
}

/// One name and its spellings.
#[derive(Debug, Clone, Serialize)]
pub struct NameGroup {
    /// The story it was found in (none when the articles were compared as one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryRef>,
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
    /// The story of a lone figure (none inside a dispute, or when the articles were
    /// compared as one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryRef>,
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

/// One fact stated differently.
#[derive(Debug, Clone, Serialize)]
pub struct DisputeText {
    /// The story it was found in (none when the articles were compared as one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryRef>,
    /// `different_value` (different figures for one thing) or `different_object`
    /// (one figure for different things).
    pub kind: ConflictKind,
    /// Content words the sentences share.
    pub shared_words: Vec<String>,
    /// The sides, in order of their first article: each states one value (or speaks
    /// of one thing).
    pub sides: Vec<SideText>,
}

/// One side of a dispute.
#[derive(Debug, Clone, Serialize)]
pub struct SideText {
    /// Its articles (1-based).
    pub articles: Vec<usize>,
    /// Their figures, one per article.
    pub figures: Vec<FigureText>,
}

impl FactsReport {
    /// Analyses `articles` under `matching` and reports their disagreeing facts,
    /// comparing articles within their story.
    #[must_use]
    pub fn build(articles: &[Article], matching: &MatchOptions) -> Self {
        let analysed = Analysed::new(articles, matching);
        let stories = &analysed.stories().stories;
        let found = analysed.story_facts();
        let with_story: Vec<(Option<&Story>, &Facts)> = found
            .iter()
            .map(|(s, facts)| (stories.get(*s), facts))
            .collect();
        Self::of(articles, &with_story)
    }

    /// Fills the spans of `facts` (found over `articles`, in that order, compared as
    /// one story) with text.
    #[must_use]
    pub fn new(articles: &[Article], facts: &Facts) -> Self {
        Self::of(articles, &[(None, facts)])
    }

    /// The report of facts found story by story.
    fn of(articles: &[Article], found: &[(Option<&Story>, &Facts)]) -> Self {
        let filler = Filler {
            articles,
            indexes: articles.iter().map(|_| OnceCell::new()).collect(),
        };
        let mut report = Self {
            articles: articles.iter().map(ArticleRef::new).collect(),
            names: Vec::new(),
            disputes: Vec::new(),
            lone_figures: Vec::new(),
        };
        for (story, facts) in found {
            let story = story.map(|s| StoryRef {
                id: s.id.clone(),
                label: s.label.clone(),
            });
            report.names.extend(facts.names.iter().map(|n| NameGroup {
                story: story.clone(),
                ..filler.name(n)
            }));
            report
                .disputes
                .extend(facts.disputes.iter().map(|d| DisputeText {
                    story: story.clone(),
                    ..filler.dispute(d)
                }));
            report
                .lone_figures
                .extend(facts.lone_figures.iter().map(|f| FigureText {
                    story: story.clone(),
                    ..filler.figure(f)
                }));
        }
        report
    }
}

/// Turns engine spans into text of the articles.
struct Filler<'a> {
    articles: &'a [Article],
    /// Each article's character index, counted when first needed (once, not per span).
    indexes: Vec<OnceCell<CharIndex<'a>>>,
}

impl<'a> Filler<'a> {
    /// The character index of `article`'s clean text.
    fn text(&self, article: usize) -> &CharIndex<'a> {
        let clean = |a: &'a Article| a.clean.as_str();
        self.indexes
            .get(article)
            .map_or(&CharIndex::EMPTY, |index| {
                index.get_or_init(|| CharIndex::new(self.articles.get(article).map_or("", clean)))
            })
    }

    fn outlet(&self, article: usize) -> String {
        self.articles
            .get(article)
            .map_or_else(String::new, |a| a.meta.outlet.clone())
    }

    fn dispute(&self, dispute: &Dispute) -> DisputeText {
        DisputeText {
            story: None,
            kind: dispute.kind,
            shared_words: dispute.shared_words.clone(),
            sides: dispute
                .sides
                .iter()
                .map(|side| SideText {
                    articles: side.iter().map(|f| f.article + 1).collect(),
                    figures: side.iter().map(|f| self.figure(f)).collect(),
                })
                .collect(),
        }
    }

    fn name(&self, group: &NameVariants) -> NameGroup {
        NameGroup {
            story: None,
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
            word: SpanText::indexed(text, &m.span),
            name: SpanText::indexed(text, &m.name),
            sentence: SpanText::indexed(text, &m.sentence),
        }
    }

    fn figure(&self, f: &Figure) -> FigureText {
        let text = self.text(f.article);
        FigureText {
            story: None,
            article: f.article + 1,
            outlet: self.outlet(f.article),
            kind: f.kind,
            amount: f.amount.clone(),
            converted: f.converted.clone(),
            figure: SpanText::indexed(text, &f.span),
            unit: f.unit.as_ref().map(|u| SpanText::indexed(text, u)),
            sentence: SpanText::indexed(text, &f.sentence),
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
        "{} articles · spellings: {} · disputed figures: {} · single-outlet figures: {}",
        report.articles.len(),
        report.names.len(),
        report.disputes.len(),
        report.lone_figures.len()
    );
    painter.heading_line(&mut out, &summary, width);
    let body_width = width.saturating_sub(4).max(MIN_EXCERPT_COLUMNS);
    let several = several_stories(report);
    let story_suffix = |story: Option<&StoryRef>| match story {
        Some(s) if several => format!(" · {}", s.label),
        _ => String::new(),
    };
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
        let head = format!(
            "[{}] {}{}",
            n + 1,
            spellings.join(" / "),
            story_suffix(group.story.as_ref())
        );
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
    if !report.disputes.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            painter.paint(Paint::Heading, "Conflicting figures")
        );
    }
    for (n, d) in report.disputes.iter().enumerate() {
        let kind = conflict_label(d.kind);
        let head = format!("[{}] {kind}{}", n + 1, story_suffix(d.story.as_ref()));
        painter.heading_line(&mut out, &head, width);
        let shared = format!("    shared words: {}", d.shared_words.join(", "));
        let _ = writeln!(out, "{}", painter.paint(Paint::Dim, &fit(&shared, width)));
        for side in &d.sides {
            let outlets: Vec<&str> = side.figures.iter().map(|f| f.outlet.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}",
                fit(&inert(&outlets.join(", ")), width.saturating_sub(2))
            );
            if let Some(f) = side.figures.first() {
                let shown = excerpt(&f.sentence, &f.figure, f.unit.as_ref(), body_width, painter);
                let _ = writeln!(out, "    {shown}");
            }
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
        let line = format!(
            "  {}  {}{}",
            f.figure.text,
            f.outlet,
            story_suffix(f.story.as_ref())
        );
        let _ = writeln!(out, "{}", fit(&inert(&line), width));
        let shown = excerpt(&f.sentence, &f.figure, f.unit.as_ref(), body_width, painter);
        let _ = writeln!(out, "    {shown}");
    }
    if report.names.is_empty() && report.disputes.is_empty() && report.lone_figures.is_empty() {
        let _ = writeln!(out, "\nNo disagreeing facts found.");
    }
    out
}

/// Whether the report's items come from more than one story (then each names its own).
fn several_stories(report: &FactsReport) -> bool {
    let mut ids = report
        .names
        .iter()
        .map(|n| n.story.as_ref())
        .chain(report.disputes.iter().map(|d| d.story.as_ref()))
        .chain(report.lone_figures.iter().map(|f| f.story.as_ref()))
        .map(|s| s.map(|s| s.id.as_str()));
    let first = ids.next();
    ids.any(|id| id != first.flatten())
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
            Painter::PLAIN,
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
            Painter::PLAIN,
        );
        assert_eq!(shown, text);
    }
}
