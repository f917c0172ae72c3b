//! What the reports write alike in HTML and in Markdown: one walker per kind of
//! content (a list section, a name's spellings, a disputed figure), the format
//! deciding only the markup ([`html`] and [`markdown`] escape and link).

use super::{Format, html, markdown};
use crate::cli::facts::{DisputeText, FigureText, NameGroup, SpellingText, conflict_label};
use crate::corpus::Article;
use std::fmt::Write as _;

/// Escapes article text for `format`.
#[must_use]
pub fn esc(format: Format, text: &str) -> String {
    match format {
        Format::Html => html::escape(text),
        Format::Markdown => markdown::escape(text),
    }
}

/// `label` linked to `url` when it is a web address.
#[must_use]
pub fn link(format: Format, label: &str, url: Option<&str>) -> String {
    match format {
        Format::Html => html::linked(label, url),
        Format::Markdown => markdown::link(label, url),
    }
}

/// One article's outlet linked to its URL (HTML) or followed by it (Markdown).
#[must_use]
pub fn outlet(format: Format, article: &Article) -> String {
    link(format, &article.meta.outlet, article.meta.url.as_deref())
}

/// Already escaped `text` in bold.
#[must_use]
pub fn strong(format: Format, text: &str) -> String {
    match format {
        Format::Html => format!("<b>{text}</b>"),
        Format::Markdown => format!("**{text}**"),
    }
}

/// A line break inside a list item.
#[must_use]
pub fn break_line(format: Format) -> &'static str {
    match format {
        Format::Html => "<br>\n",
        Format::Markdown => "  \n  ",
    }
}

/// The start of a report page titled `title`, through its heading.
#[must_use]
pub fn page_start(format: Format, title: &str) -> String {
    match format {
        Format::Html => html::page_start(title),
        Format::Markdown => markdown::page_start(title),
    }
}

/// The end of a report page; `note` goes into the HTML footer.
pub fn page_end(out: &mut String, format: Format, note: &str) {
    match format {
        Format::Html => html::page_end(out, note),
        Format::Markdown => markdown::page_end(out),
    }
}

/// A heading and its items (already marked up), or nothing without items.
pub fn section(
    out: &mut String,
    format: Format,
    heading: &str,
    items: impl Iterator<Item = String>,
) {
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

/// A name's spellings, each in bold with who writes it: `**Zelenskiy** (A) / **Zelensky** (B)`.
#[must_use]
pub fn spellings(
    format: Format,
    name: &NameGroup,
    sources: impl Fn(&SpellingText) -> String,
) -> String {
    let spellings: Vec<String> = name
        .spellings
        .iter()
        .map(|s| {
            format!(
                "{} ({})",
                strong(format, &esc(format, &s.spelling)),
                sources(s)
            )
        })
        .collect();
    spellings.join(" / ")
}

/// A figure in bold, who states it, and its sentence: `**12** (A): “…”`.
#[must_use]
pub fn figure(format: Format, figure: &FigureText, source: &str) -> String {
    format!(
        "{} ({source}): “{}”",
        strong(format, &esc(format, &figure.figure.text)),
        esc(format, figure.sentence.text.trim())
    )
}

/// A disputed figure: what kind of conflict, then every side's figures, one a line.
#[must_use]
pub fn dispute(
    format: Format,
    dispute: &DisputeText,
    figure: impl Fn(&FigureText) -> String,
) -> String {
    let figures: Vec<String> = dispute
        .sides
        .iter()
        .flat_map(|s| &s.figures)
        .map(figure)
        .collect();
    format!(
        "{}{}{}",
        conflict_label(dispute.kind),
        break_line(format),
        figures.join(break_line(format))
    )
}
