//! Pre-cleaning a page before extraction: captions out, `<q>` as quoted text.

use dom_query::Document;

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
    for block in doc.select(FURNITURE).iter() {
        let inside: usize = block.select("p").iter().map(|p| letters(&p.text())).sum();
        #[allow(clippy::cast_precision_loss)]
        let share = inside as f64 / total.max(1) as f64;
        if share <= MAX_FURNITURE_SHARE && block.select("article").is_empty() {
            block.remove();
        }
    }
    for caption in doc.select(CAPTIONS).iter() {
        let text = caption.text();
        if text.chars().count() <= MAX_CAPTION_CHARS && caption.select("p").length() <= 1 {
            caption.remove();
        }
    }
    for q in doc.select("q").iter() {
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
