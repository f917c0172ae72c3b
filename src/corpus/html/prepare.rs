//! Pre-cleaning a page before extraction: captions out, `<q>` as quoted text.

use dom_query::Document;

/// Caption and credit elements: figure captions and elements whose class or id says so.
const CAPTIONS: &str = "figcaption, [class*=caption], [class*=Caption], [id*=caption], \
     [class*=photo-credit], [class*=image-credit], [class*=img-credit], [itemprop=caption], \
     [itemprop=copyrightHolder]";
/// Longest caption-like element removed, in characters (longer ones hold content).
const MAX_CAPTION_CHARS: usize = 600;

/// Removes captions and wraps `<q>` elements in quotation marks (‘ ’ when nested).
pub fn prepare(doc: &Document) {
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
