//! Pre-cleaning a page before extraction: captions out, `<q>` as quoted text.

use dom_query::{Document, NodeRef};

/// Stands in for a lone `<br>` until the text is tidied: a line break after a
/// sentence's end, a space inside a sentence (see [`line_breaks`]).
pub const BREAK: char = '\u{E000}';

/// Caption and credit elements: figure captions and elements whose class or id says so.
const CAPTIONS: &str = "figcaption, [class*=caption], [class*=Caption], [id*=caption], \
     [class*=photo-credit], [class*=image-credit], [class*=img-credit], [itemprop=caption], \
     [itemprop=copyrightHolder]";
/// Longest caption-like element removed, in characters (longer ones hold content).
const MAX_CAPTION_CHARS: usize = 600;

/// Blocks of page furniture by class or id: related links, newsletter sign-ups,
/// share bars, "most read" lists.
const FURNITURE: &str = "[class*=related], [id*=related], [class*=newsletter], [id*=newsletter], \
     [class*=recommend], [class*=most-read], [class*=mostread], [class*=trending], \
     [class*=share-], [class*=social], [class*=signup], [class*=subscribe], [class*=promo], \
     [class*=read-more], [class*=more-stories], [class*=outbrain], [class*=taboola]";
/// Largest share of the page's paragraph text a furniture block may hold (more
/// means the class names the article itself, as in `article-with-related`).
const MAX_FURNITURE_SHARE: f64 = 0.2;

/// Removes captions and furniture, and wraps `<q>` elements in quotation marks
/// (‘ ’ when nested).
pub fn prepare(doc: &Document) {
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let total: usize = doc.select("p").iter().map(|p| letters(&p.text())).sum();
    for block in &doc.select(FURNITURE) {
        let inside: usize = block.select("p").iter().map(|p| letters(&p.text())).sum();
        let share = inside as f64 / total.max(1) as f64;
        if share <= MAX_FURNITURE_SHARE && block.select("article").is_empty() {
            block.remove();
        }
    }
    for caption in &doc.select(CAPTIONS) {
        let text = caption.text();
        if text.chars().count() <= MAX_CAPTION_CHARS && caption.select("p").length() <= 1 {
            caption.remove();
        }
    }
    for br in &doc.select("br") {
        let Some(node) = br.nodes().first() else {
            continue;
        };
        let lone = !is_br(sibling(node, NodeRef::prev_sibling))
            && !is_br(sibling(node, NodeRef::next_sibling));
        if lone {
            node.replace_with_html(BREAK.to_string());
        }
    }
    for q in &doc.select("q") {
        let nested = q
            .nodes()
            .first()
            .is_some_and(|n| n.ancestors_it(None).any(|a| a.is("q")));
        let (open, close) = if nested {
            ("‘", "’")
        } else {
            ("“", "”")
        };
        q.prepend_html(open);
        q.append_html(close);
    }
}

/// The nearest sibling in one direction that is not blank text.
fn sibling<'a>(
    node: &NodeRef<'a>,
    step: fn(&NodeRef<'a>) -> Option<NodeRef<'a>>,
) -> Option<NodeRef<'a>> {
    let mut at = step(node);
    while let Some(n) = at {
        if !(n.is_text() && n.text().trim().is_empty()) {
            return Some(n);
        }
        at = step(&n);
    }
    None
}

fn is_br(node: Option<NodeRef<'_>>) -> bool {
    node.is_some_and(|n| n.node_name().is_some_and(|name| name.as_ref() == "br"))
}

/// Resolves the [`BREAK`]s of lone `<br>`s: a line break where the text before ends
/// a sentence (or a line), a space inside a sentence, so that a `<br>` neither glues
/// two words nor cuts a sentence in two.
#[must_use]
pub fn line_breaks(text: &str) -> String {
    if !text.contains(BREAK) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split(BREAK).enumerate() {
        if i > 0 {
            let before = out.trim_end_matches(' ');
            let ends = before.is_empty()
                || before.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', '\n', ')']);
            out.truncate(before.len());
            out.push(if ends { '\n' } else { ' ' });
            out.push_str(piece.trim_start_matches(' '));
        } else {
            out.push_str(piece);
        }
    }
    out
}
