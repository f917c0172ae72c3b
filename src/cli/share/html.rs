//! One self-contained HTML page: inline CSS (colors from [`PALETTE`], a light and
//! a dark scheme by `prefers-color-scheme`), no script, no font or image from
//! elsewhere, and a Content-Security-Policy that would stop one anyway. Every
//! article string is escaped and made inert before it is written.

use super::PairView;
use crate::compare::{DiffTag, MatchKind};
use crate::corpus::reports::GENERATOR_META;
use crate::pair::Side;
use crate::present::layers::{Marks, QuoteMarker};
use crate::present::{Hue, PALETTE};
use std::fmt::Write as _;
use std::ops::Range;

/// `text` escaped for HTML text and attribute values, with controls, bidi
/// overrides and zero-width characters made visible (as on a terminal).
#[must_use]
pub fn escape(text: &str) -> String {
    let inert = crate::sanitize::inert(text);
    let mut out = String::with_capacity(inert.len());
    for c in inert.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link target only for web addresses; anything else (`javascript:`, `data:`)
/// is shown as text, never followed.
fn web_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| escape(url.trim()))
}

/// A color of the palette on a light and on a dark page: (text, tint behind text).
const fn css(hue: Hue, dark: bool) -> (&'static str, &'static str) {
    match (hue, dark) {
        (Hue::Red | Hue::LightRed, false) => ("#b4232c", "#ffdcdc"),
        (Hue::Red | Hue::LightRed, true) => ("#ff8a8a", "#5c1f24"),
        (Hue::Green, false) => ("#17703a", "#d3f5dc"),
        (Hue::Green, true) => ("#7ee2a0", "#153f27"),
        (Hue::Yellow, false) => ("#7a5a00", "#fff0b3"),
        (Hue::Yellow, true) => ("#f2d36b", "#4a3c08"),
        (Hue::Magenta, false) => ("#8e2a8e", "#f6dcf6"),
        (Hue::Magenta, true) => ("#e9a0e9", "#4d1f4d"),
        (Hue::Cyan | Hue::Blue, false) => ("#0b6a86", "#d5f0f8"),
        (Hue::Cyan | Hue::Blue, true) => ("#7fd3ea", "#113d4a"),
        (Hue::DarkGray, false) => ("#5f6368", "#ececec"),
        (Hue::DarkGray, true) => ("#a0a4a8", "#33363a"),
        (Hue::Black | Hue::White, false) => ("#1d1f21", "#ffffff"),
        (Hue::Black | Hue::White, true) => ("#e6e6e6", "#17191b"),
    }
}

/// The CSS custom properties of one scheme, from the palette's roles.
fn scheme(dark: bool) -> String {
    let roles = [
        ("deleted", PALETTE.deleted),
        ("inserted", PALETTE.inserted),
        ("near", PALETTE.near),
        ("quote", PALETTE.quote),
        ("accent", PALETTE.accent),
        ("secondary", PALETTE.secondary),
    ];
    let (ink, page) = css(Hue::Black, dark);
    let mut out = format!("--ink:{ink};--page:{page};");
    for (name, hue) in roles {
        let (fg, tint) = css(hue, dark);
        let _ = write!(out, "--{name}:{fg};--{name}-tint:{tint};");
    }
    out
}

/// The page's styles; the colors come from [`scheme`].
const STYLE: &str = "
*{box-sizing:border-box}
body{margin:0 auto;max-width:1500px;padding:1.5rem;background:var(--page);color:var(--ink);
font:16px/1.55 Georgia,'Times New Roman',serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
h1,h2,h3,.meta,.summary,.legend,footer,table,.num{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}
h1{font-size:1.6rem;margin:0 0 .3rem}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
a{color:var(--accent)}
.summary,.meta,footer,.legend{color:var(--secondary);font-size:.9rem}
.quotes ol,.facts ul{padding-left:0;list-style:none}
.quotes li,.facts li,.group li{margin:0 0 .9rem;padding:.5rem .8rem;border-left:3px solid var(--quote-tint)}
.quotes blockquote{margin:.25rem 0;}
.group blockquote{margin:.2rem 0 .4rem;font-size:1.1rem}
.group ul{padding-left:0;list-style:none}
.group cite{font-style:normal;color:var(--secondary);font-family:system-ui,sans-serif;font-size:.85rem}
.group h2{font-size:1rem;color:var(--quote)}
.quotes cite{display:block;font-style:normal;color:var(--secondary);font-size:.85rem;
font-family:system-ui,sans-serif;overflow-wrap:anywhere}
.num{font-weight:700;color:var(--quote);text-decoration:none;font-size:.8em;margin-right:.15em}
.facts li{border-left-color:var(--near-tint)}
.facts q{quotes:none}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:2rem;margin-top:1.5rem}
.side{min-width:0}
.side header{border-bottom:2px solid var(--secondary-tint);padding-bottom:.5rem;margin-bottom:.8rem}
.side h2{margin:.1rem 0 .2rem;font-size:1.2rem}
.outlet{font-family:system-ui,sans-serif;font-weight:700;color:var(--accent);margin:0;
text-transform:uppercase;letter-spacing:.04em;font-size:.8rem}
.meta{margin:0;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:break-word}
.del{background:var(--deleted-tint);color:var(--deleted)}
.ins{background:var(--inserted-tint);color:var(--inserted)}
.alone{background:none}
.near{background:var(--near-tint);border-bottom:1px dotted var(--near)}
.near.counted{border-bottom-style:solid}
.em{font-weight:700;text-decoration:underline;text-decoration-color:var(--near)}
.pass{text-decoration:underline;text-decoration-color:var(--secondary-tint);text-underline-offset:.2em}
.q{background:var(--quote-tint);box-shadow:inset 0 -2px var(--quote)}
.q.near-match{box-shadow:inset 0 -2px var(--quote);background:none}
.q.partial{box-shadow:inset 0 -1px var(--quote);background:none}
.legend>span{padding:0 .25em;margin-right:.6em}
:target{outline:2px solid var(--quote);outline-offset:2px}
footer{margin-top:2.5rem;border-top:1px solid var(--secondary-tint);padding-top:.6rem}
@media (max-width:800px){body{padding:.8rem}.pair{grid-template-columns:1fr}}
@media print{body{padding:0;font-size:10pt;max-width:none}.pair{gap:1rem}
a{color:inherit;text-decoration:none}.num{color:var(--quote)}}
";

/// The `<head>` of a report titled `title`.
fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         {GENERATOR_META} {}\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>{}</title>\n<style>\n:root{{{}}}\n\
         @media (prefers-color-scheme:dark){{:root{{{}}}}}{STYLE}</style>\n</head>\n<body>\n",
        escape(crate::cli::VERSION),
        escape(title),
        scheme(false),
        scheme(true),
    );
}

/// The footer and the end of the page.
fn foot(out: &mut String, note: &str) {
    let _ = write!(
        out,
        "<footer>{} · made by crosscheck {}</footer>\n</body>\n</html>\n",
        escape(note),
        escape(crate::cli::VERSION)
    );
}

/// The start of a page titled `title`, through its heading.
pub(super) fn page_start(title: &str) -> String {
    let mut out = String::new();
    head(&mut out, &format!("{title} · crosscheck"));
    let _ = writeln!(out, "<header><h1>{}</h1></header>", escape(title));
    out
}

/// The end of a page, with `note` in its footer.
pub(super) fn page_end(out: &mut String, note: &str) {
    foot(out, note);
}

/// `label` linked to `url` when it is a web address.
pub(super) fn linked(label: &str, url: Option<&str>) -> String {
    match url.and_then(web_link) {
        Some(href) => format!(
            "<a href=\"{href}\" rel=\"noreferrer\">{}</a>",
            escape(label)
        ),
        None => escape(label),
    }
}

/// The id of quote `number`'s marker on `side` (`l3`, `r3`).
fn anchor(side: Side, number: usize) -> String {
    match side {
        Side::Left => format!("l{number}"),
        Side::Right => format!("r{number}"),
    }
}

/// The CSS classes of a segment's marks.
fn classes(marks: Marks) -> String {
    let mut names: Vec<&str> = Vec::new();
    match marks.diff {
        Some(DiffTag::Delete) => names.push("del"),
        Some(DiffTag::Insert) => names.push("ins"),
        _ => {}
    }
    match marks.near {
        Some(true) => names.extend(["near", "counted"]),
        Some(false) => names.push("near"),
        None => {}
    }
    if marks.emphasis {
        names.push("em");
    }
    if marks.passage {
        names.push("pass");
    }
    match marks.quote {
        Some(MatchKind::Exact) => names.push("q"),
        Some(MatchKind::Near) => names.extend(["q", "near-match"]),
        Some(MatchKind::Partial) => names.extend(["q", "partial"]),
        None => {}
    }
    names.join(" ")
}

/// The paragraphs (lines) of `text` that only this side has: every word in them
/// deleted (left) or inserted (right). Their text keeps its color without the
/// tint, which would fill whole paragraphs.
fn one_sided(text: &str, segments: &[(Range<usize>, Marks)]) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        paragraphs.push(start..start + line.len());
        start += line.len();
    }
    paragraphs.retain(|p| {
        // The segments cover the text in order: those over the paragraph are together.
        let first = segments.partition_point(|(r, _)| r.end <= p.start);
        let over = segments
            .iter()
            .skip(first)
            .take_while(|(r, _)| r.start < p.end);
        let mut words = over.filter(|(r, _)| {
            let (from, to) = (r.start.max(p.start), r.end.min(p.end));
            from < to && !text.get(from..to).unwrap_or_default().trim().is_empty()
        });
        let mut any = false;
        let alone = words.all(|(_, marks)| {
            any = true;
            matches!(marks.diff, Some(DiffTag::Delete | DiffTag::Insert)) && marks.quote.is_none()
        });
        any && alone
    });
    paragraphs
}

/// One side's text: marked segments, each shared quote opened by its number,
/// which links to the same number on the other side.
fn side_text(out: &mut String, view: &PairView, side: Side) {
    let text = view.side(side).text;
    let alone = one_sided(text, &view.segments[side]);
    let mut markers: Vec<&QuoteMarker> = view.markers[side].iter().collect();
    markers.sort_by_key(|m| (m.span.start, m.number));
    let mut next = markers.into_iter().peekable();
    out.push_str("<div class=\"text\">");
    // Where the line holding the piece ends (after its newline).
    let mut line_end = 0;
    for (range, marks) in &view.segments[side] {
        let class = classes(*marks);
        let mut start = range.start;
        while start < range.end {
            // Cut where a quote starts inside the segment and open it with its number.
            while let Some(m) = next.next_if(|m| m.span.start <= start) {
                let _ = write!(
                    out,
                    "<a class=\"num\" id=\"{}\" href=\"#{}\" title=\"quote {n} in the other article\">[{n}]</a>",
                    anchor(side, m.number),
                    anchor(side.other(), m.number),
                    n = m.number,
                );
            }
            let end = next
                .peek()
                .map_or(range.end, |m| m.span.start.clamp(start + 1, range.end));
            let end = (end..=range.end)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(range.end);
            // Cut at the end of a line too: whether it is one-sided is the line's own.
            if line_end <= start {
                line_end = text[start..]
                    .find('\n')
                    .map_or(text.len(), |i| start + i + 1);
            }
            let end = end.min(line_end);
            let piece = escape(text.get(start..end).unwrap_or_default());
            // The one-sided paragraphs are in order and apart.
            let paragraph = alone.partition_point(|p| p.end <= start);
            let alone = if alone.get(paragraph).is_some_and(|p| p.contains(&start)) {
                " alone"
            } else {
                ""
            };
            if class.is_empty() {
                out.push_str(&piece);
            } else {
                let _ = write!(out, "<span class=\"{class}{alone}\">{piece}</span>");
            }
            start = end;
        }
    }
    out.push_str("</div>\n");
}

/// One side's header and text.
fn side(out: &mut String, view: &PairView, side: Side) {
    let article = &view.side(side).article;
    let name = match side {
        Side::Left => "left",
        Side::Right => "right",
    };
    let _ = write!(
        out,
        "<article class=\"side {name}\">\n<header><p class=\"outlet\">{}</p><h2>{}</h2><p class=\"meta\">",
        escape(&article.outlet),
        escape(&article.title)
    );
    let mut meta = Vec::new();
    if let Some(date) = &article.date {
        meta.push(format!("<time>{}</time>", escape(date)));
    }
    meta.push(format!("{} words", article.words));
    if let Some(url) = view.urls[side] {
        meta.push(match web_link(url) {
            Some(href) => format!("<a href=\"{href}\" rel=\"noreferrer\">{href}</a>"),
            None => escape(url),
        });
    }
    let _ = writeln!(out, "{}</p></header>", meta.join(" · "));
    side_text(out, view, side);
    out.push_str("</article>\n");
}

/// The list of shared quotes: each number links to both markers; both sides cited.
fn quotes(out: &mut String, view: &PairView) {
    let report = view.report;
    if report.shared_quotes.is_empty() {
        out.push_str("<section class=\"quotes\"><h2>Shared quotes</h2><p class=\"summary\">None: no quotation is carried by both.</p></section>\n");
        return;
    }
    out.push_str("<section class=\"quotes\"><h2>Shared quotes</h2><ol>\n");
    for q in &report.shared_quotes {
        let kind = format!("{:?}", q.kind).to_lowercase();
        let _ = writeln!(
            out,
            "<li><span class=\"meta\"><a class=\"num\" href=\"#l{n}\">[{n}]</a> {kind} {:.0}% · \
             <a href=\"#l{n}\">left</a> · <a href=\"#r{n}\">right</a></span>",
            q.score * 100.0,
            n = q.number,
        );
        for (quote, side) in [(&q.left, Side::Left), (&q.right, Side::Right)] {
            // The outlet links to the article instead of the address written out.
            let mut cited = view.source(side, quote.speaker.as_deref().or(q.speaker.as_deref()));
            let outlet = cited.url.take().and_then(web_link).map_or_else(
                || escape(cited.outlet),
                |href| {
                    format!(
                        "<a href=\"{href}\" rel=\"noreferrer\">{}</a>",
                        escape(cited.outlet)
                    )
                },
            );
            let credit = [
                cited.speaker.map(escape),
                Some(outlet),
                cited.date.map(escape),
            ];
            let credit: Vec<String> = credit.into_iter().flatten().collect();
            let narration = if quote.quoted { "" } else { " (narration)" };
            let _ = writeln!(
                out,
                "<blockquote>“{}”<cite>— {}{narration}</cite></blockquote>",
                escape(quote.span.text.trim()),
                credit.join(", ")
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol></section>\n");
}

/// The page of a pair: summary, shared quotes, disagreeing facts, then both
/// articles side by side with the diff and the quotes marked.
#[must_use]
pub fn pair(view: &PairView) -> String {
    let report = view.report;
    let (left, right) = (&report.left.article, &report.right.article);
    let title = format!("{} ↔ {}", left.outlet, right.outlet);
    let mut out = String::new();
    head(&mut out, &format!("{title} · crosscheck"));
    let summary = super::pair_summary(report);
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"summary\">{}</p></header>",
        escape(&title),
        escape(&summary)
    );
    for notice in &report.notices {
        let _ = writeln!(out, "<p class=\"summary\">{}</p>", escape(notice));
    }
    quotes(&mut out, view);
    super::pair_facts(&mut out, super::Format::Html, &view.facts);
    out.push_str(
        "<p class=\"legend\"><span class=\"del\">only left</span><span class=\"ins\">only right</span>\
         <span class=\"near\">written <span class=\"em\">d</span>ifferently</span>\
         <span class=\"q\"><a class=\"num\">[n]</a>shared quote</span><span class=\"pass\">shared passage</span></p>\n",
    );
    out.push_str("<main class=\"pair\">\n");
    side(&mut out, view, Side::Left);
    side(&mut out, view, Side::Right);
    out.push_str("</main>\n");
    foot(
        &mut out,
        &crate::cli::plain::describe_ignored(&report.ignored),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_every_word_of_which_is_one_sided_are_alone() {
        let text = "Only here.\nShared and new.\n\nAlso only here.\n";
        let deleted = Marks {
            diff: Some(DiffTag::Delete),
            ..Marks::default()
        };
        let segments = vec![
            (0..11, deleted),
            (11..22, Marks::default()),
            (22..27, deleted),
            (27..28, Marks::default()),
            (28..44, deleted),
        ];
        assert_eq!(one_sided(text, &segments), vec![0..11, 28..44]);
    }
}
