//! Reports over a corpus: the quote tracker (`quotes --html/--markdown`) and the
//! disagreeing facts (`facts --html/--markdown`), with each outlet cited.

use super::{Format, html, markdown};
use crate::cli::facts::{FactsReport, FigureText, conflict_label};
use crate::cli::report::{QuoteGroupText, QuotesReport};
use crate::corpus::Article;
use crate::present::{CONFLICT, status_label, status_mark};
use std::fmt::Write as _;

/// One article's outlet linked to its URL (HTML) or followed by it (Markdown).
fn outlet(format: Format, article: &Article) -> String {
    let url = article.meta.url.as_deref();
    match format {
        Format::Html => html::linked(&article.meta.outlet, url),
        Format::Markdown => markdown::link(&article.meta.outlet, url),
    }
}

/// Escapes article text for `format`.
fn esc(format: Format, text: &str) -> String {
    match format {
        Format::Html => html::escape(text),
        Format::Markdown => markdown::escape(text),
    }
}

/// The quote tracker: each quotation carried by two or more articles, who carries
/// it and how, with the words that differ.
#[must_use]
pub fn quotes(format: Format, report: &QuotesReport, articles: &[Article]) -> String {
    let title = format!(
        "{} quotations shared across {} articles",
        report.group_count(),
        report.article_count()
    );
    let mut out = match format {
        Format::Html => html::page_start(&title),
        Format::Markdown => markdown::page_start(&title),
    };
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
    match format {
        Format::Html => html::page_end(&mut out, "● exact · ◐ variant or partial · ○ paraphrase"),
        Format::Markdown => markdown::page_end(&mut out),
    }
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
    let mut out = match format {
        Format::Html => html::page_start(&title),
        Format::Markdown => markdown::page_start(&title),
    };
    let source = |index: usize| {
        articles
            .get(index.saturating_sub(1))
            .map_or(String::new(), |a| outlet(format, a))
    };
    let figure = |f: &FigureText| {
        format!(
            "{} ({}): “{}”",
            strong(format, &esc(format, &f.figure.text)),
            source(f.article),
            esc(format, f.sentence.text.trim())
        )
    };
    section(
        &mut out,
        format,
        "Names spelled differently",
        report.names.iter().map(|name| {
            let spellings: Vec<String> = name
                .spellings
                .iter()
                .map(|s| {
                    let outlets: Vec<String> = s.articles.iter().map(|&a| source(a)).collect();
                    format!(
                        "{} ({})",
                        strong(format, &esc(format, &s.spelling)),
                        outlets.join(", ")
                    )
                })
                .collect();
            spellings.join(" / ")
        }),
    );
    section(
        &mut out,
        format,
        "Figures stated differently",
        report.disputes.iter().map(|d| {
            let figures: Vec<String> = d
                .sides
                .iter()
                .flat_map(|s| &s.figures)
                .map(figure)
                .collect();
            format!(
                "{}{}{}",
                conflict_label(d.kind),
                break_line(format),
                figures.join(&break_line(format))
            )
        }),
    );
    section(
        &mut out,
        format,
        "Figures only one article states",
        report.lone_figures.iter().map(figure),
    );
    match format {
        Format::Html => html::page_end(&mut out, "names and figures compared within each story"),
        Format::Markdown => markdown::page_end(&mut out),
    }
    out
}

fn strong(format: Format, text: &str) -> String {
    match format {
        Format::Html => format!("<b>{text}</b>"),
        Format::Markdown => format!("**{text}**"),
    }
}

fn break_line(format: Format) -> String {
    match format {
        Format::Html => "<br>\n".into(),
        Format::Markdown => "  \n  ".into(),
    }
}

/// A heading and its items, or nothing without items.
fn section(out: &mut String, format: Format, heading: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    match format {
        Format::Html => {
            let _ = writeln!(out, "<section class=\"facts\"><h2>{heading}</h2><ul>");
            for item in items {
                let _ = writeln!(out, "<li>{item}</li>");
            }
            out.push_str("</ul></section>\n");
        }
        Format::Markdown => {
            let _ = writeln!(out, "## {heading}\n");
            for item in items {
                let _ = writeln!(out, "- {item}");
            }
            out.push('\n');
        }
    }
}
