//! Markdown reports, for an issue tracker or a CMS: the same content as the HTML
//! page, quotes as blockquotes cited with speaker, outlet, date and link. Article
//! text is escaped so none of it becomes markup (no links, no HTML, no emphasis).

use super::PairView;
use crate::cli::plain::{describe_ignored, diff_groups};
use crate::cli::report::DiffText;
use crate::compare::DiffTag;
use crate::corpus::reports::GENERATOR_COMMENT;
use crate::pair::Side;
use std::fmt::Write as _;

/// `text` as literal Markdown text on one line: markup characters backslashed
/// (those of headings and lists when they open it), `<`, `>` and `&` as entities
/// (so no HTML passes), controls made inert, line breaks and runs of spaces as
/// one space, none at the ends.
#[must_use]
pub fn escape(text: &str) -> String {
    let inert = crate::sanitize::inert(text);
    let mut out = String::with_capacity(inert.len());
    let mut space = false;
    for c in inert.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) && !out.is_empty() {
            out.push(' ');
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // What starts a heading, a list or a quote only at the start of a line.
            '#' | '+' | '-' | '=' if out.is_empty() => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if !out.is_empty() && out.bytes().all(|b| b.is_ascii_digit()) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A link to `url` when it is a web address, else the address as text.
pub(super) fn link(label: &str, url: Option<&str>) -> String {
    match url.map(str::trim) {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            let url = url
                .replace('(', "%28")
                .replace(')', "%29")
                .replace(' ', "%20")
                .replace(['<', '>'], "");
            format!("[{}]({url})", escape(label))
        }
        Some(url) => format!("{} ({})", escape(label), escape(url)),
        None => escape(label),
    }
}

/// The first line of every Markdown report: loading recognises it.
fn generator() -> String {
    format!("{GENERATOR_COMMENT} {} -->\n", crate::cli::VERSION)
}

/// The start of a report titled `title`, through its heading.
pub(super) fn page_start(title: &str) -> String {
    format!("{}# {}\n\n", generator(), escape(title))
}

/// The end of a report.
pub(super) fn page_end(out: &mut String) {
    let _ = writeln!(out, "---\nMade by crosscheck {}", crate::cli::VERSION);
}

/// `text` between `mark`s (`~~`, `**`), with its outer spaces outside them.
fn marked(text: &str, mark: &str) -> String {
    let inner = escape(text);
    if inner.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".into()
        };
    }
    let before = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let after = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{before}{mark}{inner}{mark}{after}")
}

/// One diff group as a paragraph: `~~only left~~`, `**only right**`,
/// `*left*→*right*` for a word written differently.
fn diff_paragraph(ops: &[DiffText]) -> String {
    let mut out = String::new();
    let text = |span: Option<&crate::cli::report::SpanText<&str>>| {
        span.map_or(String::new(), |s| s.text.to_string())
    };
    for op in ops {
        match op.op {
            DiffTag::Equal => {
                let words = text(op.right.as_ref().or(op.left.as_ref()));
                let _ = write!(out, "{}{}", escape(&words), trailing(&words));
            }
            DiffTag::Delete => out.push_str(&marked(&text(op.left.as_ref()), "~~")),
            DiffTag::Insert => out.push_str(&marked(&text(op.right.as_ref()), "**")),
            DiffTag::Near => {
                let (left, right) = (text(op.left.as_ref()), text(op.right.as_ref()));
                let _ = write!(
                    out,
                    "{}→{}",
                    marked(left.trim_end(), "*"),
                    marked(&right, "*")
                );
            }
        }
    }
    out.trim().to_string()
}

/// A space when `text` ends in one ([`escape`] drops it).
fn trailing(text: &str) -> &'static str {
    if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        " "
    } else {
        ""
    }
}

/// The Markdown report of a pair: who, the summary, shared quotes, disagreeing
/// facts and the diff sentence pair by sentence pair.
#[must_use]
pub fn pair(view: &PairView) -> String {
    let report = view.report;
    let (left, right) = (&report.left.article, &report.right.article);
    let mut out = generator();
    let _ = writeln!(
        out,
        "# {} ↔ {}\n",
        escape(&left.outlet),
        escape(&right.outlet)
    );
    out.push_str("| | Left | Right |\n| --- | --- | --- |\n");
    let row = |out: &mut String, name: &str, cell: &dyn Fn(Side) -> String| {
        let _ = writeln!(
            out,
            "| {name} | {} | {} |",
            cell(Side::Left),
            cell(Side::Right)
        );
    };
    row(&mut out, "Outlet", &|s| {
        escape(&view.side(s).article.outlet)
    });
    row(&mut out, "Title", &|s| {
        link(&view.side(s).article.title, view.urls[s])
    });
    row(&mut out, "Date", &|s| {
        escape(view.side(s).article.date.as_deref().unwrap_or("—"))
    });
    row(&mut out, "Words", &|s| {
        view.side(s).article.words.to_string()
    });
    let summary = super::pair_summary(report);
    let _ = writeln!(out, "\n{}\n", escape(&summary));
    if !report.shared_quotes.is_empty() {
        out.push_str("## Shared quotes\n\n");
    }
    for q in &report.shared_quotes {
        let kind = format!("{:?}", q.kind).to_lowercase();
        let _ = writeln!(
            out,
            "**\\[{}\\]** {kind} {:.0}%\n",
            q.number,
            q.score * 100.0
        );
        for (quote, side) in [(&q.left, Side::Left), (&q.right, Side::Right)] {
            let source = view.source(side, quote.speaker.as_deref().or(q.speaker.as_deref()));
            let narration = if quote.quoted { "" } else { " (narration)" };
            let _ = writeln!(
                out,
                "> “{}”  \n> — {}{narration}\n",
                escape(quote.span.text.trim()),
                escape(&source.credit())
            );
        }
    }
    super::pair_facts(&mut out, super::Format::Markdown, &view.facts);
    out.push_str("## Diff\n\n");
    let _ = writeln!(
        out,
        "~~only left~~ · **only right** · *left*→*right* written differently · {}\n",
        escape(&describe_ignored(&report.ignored))
    );
    for group in diff_groups(report) {
        let paragraph = diff_paragraph(group);
        if !paragraph.is_empty() {
            let _ = writeln!(out, "{paragraph}\n");
        }
    }
    page_end(&mut out);
    out
}
