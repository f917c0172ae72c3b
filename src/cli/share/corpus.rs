//! Reports over a corpus: the quote tracker (`quotes --html/--markdown`) and the
//! disagreeing facts (`facts --html/--markdown`), with each outlet cited.

use super::Format;
use super::markup::{dispute, esc, figure, outlet, page_end, page_start, section, spellings};
use crate::cli::facts::{FactsReport, FigureText};
use crate::cli::report::{QuoteGroupText, QuotesReport};
use crate::corpus::Article;
use crate::present::{CONFLICT, status_label, status_mark};
use std::fmt::Write as _;

/// The quote tracker: each quotation carried by two or more articles, who carries
/// it and how, with the words that differ.
#[must_use]
pub fn quotes(format: Format, report: &QuotesReport, articles: &[Article]) -> String {
    let title = format!(
        "{} quotations shared across {} articles",
        report.group_count(),
        report.article_count()
    );
    let mut out = page_start(format, &title);
    for (n, group) in report.groups().enumerate() {
        quote_group(
            &mut out,
            format,
            n + 1,
            &group,
            articles,
            report.article_count(),
        );
    }
    page_end(
        &mut out,
        format,
        "● exact · ◐ variant or partial · ○ paraphrase",
    );
    out
}

fn quote_group(
    out: &mut String,
    format: Format,
    number: usize,
    group: &QuoteGroupText,
    articles: &[Article],
    total: usize,
) {
    let speaker = group
        .speaker
        .as_deref()
        .map_or(String::new(), |s| format!(" · {}", esc(format, s)));
    let conflict = if group.conflict {
        let names: Vec<&str> = group.speakers.iter().map(|c| c.speaker.as_str()).collect();
        format!(
            " · {CONFLICT} credited to {}",
            esc(format, &names.join(" / "))
        )
    } else {
        String::new()
    };
    let head = format!(
        "[{number}] {} of {total} articles{speaker}{conflict}",
        group.carriers
    );
    let text = esc(format, group.text.trim());
    match format {
        Format::Html => {
            let _ = writeln!(
                out,
                "<section class=\"group\" id=\"q{number}\"><h2>{head}</h2><blockquote>“{text}”</blockquote><ul>"
            );
        }
        Format::Markdown => {
            let _ = writeln!(
                out,
                "## {}\n\n> “{text}”\n",
                head.replace('[', "\\[").replace(']', "\\]")
            );
        }
    }
    for o in &group.occurrences {
        let Some(article) = articles.get(o.article.saturating_sub(1)) else {
            continue;
        };
        let date = article
            .meta
            .date
            .as_deref()
            .map_or(String::new(), |d| format!(", {}", esc(format, d)));
        let who = o
            .speaker
            .as_deref()
            .map_or(String::new(), |s| format!(" · {}", esc(format, s)));
        let mark = status_mark(o.status);
        let how = format!("{mark} {} {:.0}%", status_label(o.status), o.score * 100.0);
        let differences: Vec<String> = o
            .differences
            .iter()
            .map(|d| match (d.left.trim(), d.right.trim()) {
                ("", added) => format!("adds {}", esc(format, added)),
                (dropped, "") => format!("drops {}", esc(format, dropped)),
                (left, right) => format!("{} → {}", esc(format, left), esc(format, right)),
            })
            .collect();
        let differences = if differences.is_empty() {
            String::new()
        } else {
            format!(" · {}", differences.join(", "))
        };
        let words = esc(format, o.text.trim());
        let quoted = if o.quoted {
            format!("“{words}”")
        } else {
            format!("{words} (narration)")
        };
        let source = format!("{}{date}", outlet(format, article));
        match format {
            Format::Html => {
                let _ = writeln!(
                    out,
                    "<li><span class=\"meta\">{how}{who}{differences}</span><br>{quoted} <cite>— {source}</cite></li>"
                );
            }
            Format::Markdown => {
                let _ = writeln!(out, "- {how}{who}{differences}: {quoted} — {source}");
            }
        }
    }
    out.push_str(match format {
        Format::Html => "</ul></section>\n",
        Format::Markdown => "\n",
    });
}

/// Disagreeing facts: names spelled differently, figures stated differently and
/// figures only one article gives, each with its sentence and outlet.
#[must_use]
pub fn facts(format: Format, report: &FactsReport, articles: &[Article]) -> String {
    let title = format!(
        "Facts stated differently across {} articles",
        report.articles.len()
    );
    let mut out = page_start(format, &title);
    let source = |index: usize| {
        articles
            .get(index.saturating_sub(1))
            .map_or(String::new(), |a| outlet(format, a))
    };
    let stated = |f: &FigureText| figure(format, f, &source(f.article));
    section(
        &mut out,
        format,
        "Names spelled differently",
        report.names.iter().map(|name| {
            spellings(format, name, |s| {
                let outlets: Vec<String> = s.articles.iter().map(|&a| source(a)).collect();
                outlets.join(", ")
            })
        }),
    );
    section(
        &mut out,
        format,
        "Figures stated differently",
        report.disputes.iter().map(|d| dispute(format, d, stated)),
    );
    section(
        &mut out,
        format,
        "Figures only one article states",
        report.lone_figures.iter().map(stated),
    );
    page_end(
        &mut out,
        format,
        "names and figures compared within each story",
    );
    out
}
