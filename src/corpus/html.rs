//! Saved web pages: the article text of an HTML page (`dom_smoothie`'s readability in
//! its formatted text mode, after pre-cleaning) and the page's own metadata.

pub mod mhtml;
mod page;
mod prepare;

use super::meta::Fields;
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// Fewest words of running text for a page to hold an article…
const MIN_ARTICLE_WORDS: usize = 25;
/// …or for a brief of at least [`MIN_BRIEF_SENTENCES`] sentences.
const MIN_BRIEF_WORDS: usize = 20;
/// Fewest sentences of a brief.
const MIN_BRIEF_SENTENCES: usize = 2;
/// Fewest words of a line that reads as running text without ending a sentence.
const MIN_RUNNING_LINE_WORDS: usize = 6;
/// Fewest words of a line that ends a sentence to count as running text.
const MIN_SENTENCE_WORDS: usize = 3;
/// Largest share of an article's text that may sit in links (more is an index page).
const MAX_LINK_SHARE: f64 = 0.5;
/// Elements dropped from a whole page when readability finds no article in it.
const PAGE_CHROME: &str = "nav, header, footer, aside, form, menu, dialog, button, select, \
     svg, iframe, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

/// Why a page gave no article.
pub const NO_ARTICLE: &str = "no article text found";

/// The article of a page: its text (paragraphs separated by blank lines) and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The extracted text, before cleaning.
    pub text: String,
    /// Title, outlet, date, authors and URL the page declares.
    pub fields: Fields,
}

/// Extracts the article of a page.
///
/// # Errors
/// [`NO_ARTICLE`] when neither readability nor the whole page yields running text
/// (a login wall, an index of links).
pub fn read(html: &str) -> Result<Page, String> {
    let doc = Document::from(html);
    let fields = page::fields(&doc);
    prepare::prepare(&doc);
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let extracted = Readability::with_document(doc, None, Some(config))
        .and_then(|mut r| r.parse())
        .ok()
        .map(|article| {
            let content = Document::fragment(article.content);
            (article.text_content.to_string(), link_share(&content))
        })
        .filter(|(text, links)| is_article(text, *links));
    let text = match extracted {
        Some((text, _)) => text,
        None => whole_page(html).ok_or_else(|| NO_ARTICLE.to_string())?,
    };
    Ok(Page {
        text: tidy(&text),
        fields,
    })
}

/// The text of an HTML fragment (a feed item's content), formatted like a page's.
#[must_use]
pub fn fragment_text(html: &str) -> String {
    let doc = Document::fragment(html);
    prepare::prepare(&doc);
    tidy(&doc.formatted_text())
}

/// The text of the whole page without its navigation and chrome, if it reads as an article.
fn whole_page(html: &str) -> Option<String> {
    let doc = Document::from(html);
    prepare::prepare(&doc);
    doc.select("script, style, noscript, template").remove();
    doc.select(PAGE_CHROME).remove();
    let body = doc.select("body");
    let text = body.formatted_text().to_string();
    is_article(&text, link_share(&doc)).then_some(text)
}

/// Enough running text, not mostly links. Running text: lines of several words, or
/// of a few ending a sentence ("Crews finished overnight."), so that a short brief
/// counts while menus and lists of headlines do not.
fn is_article(text: &str, links: f64) -> bool {
    let (mut words, mut sentences) = (0, 0);
    for line in text.lines() {
        let weight = word_weight(line);
        let ends = line
            .trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?', '。', '！', '？']);
        if weight >= MIN_RUNNING_LINE_WORDS || (ends && weight >= MIN_SENTENCE_WORDS) {
            words += weight;
            sentences += line
                .matches(['.', '!', '?', '。', '！', '？'])
                .count()
                .max(1);
        }
    }
    let enough = words >= MIN_ARTICLE_WORDS
        || (words >= MIN_BRIEF_WORDS && sentences >= MIN_BRIEF_SENTENCES);
    enough && links <= MAX_LINK_SHARE
}

/// Words in a line, counting two wide (CJK) characters as a word: Japanese and
/// Chinese sentences have no spaces to count.
fn word_weight(line: &str) -> usize {
    let wide = line
        .chars()
        .filter(|&c| unicode_width::UnicodeWidthChar::width(c) == Some(2))
        .count();
    line.split_whitespace().count().max(wide / 2)
}

/// Share of the document's text (in characters, without spaces) that sits in links.
fn link_share(doc: &Document) -> f64 {
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let all = letters(&doc.root().text());
    if all == 0 {
        return 1.0;
    }
    let linked: usize = doc.select("a").iter().map(|a| letters(&a.text())).sum();
    linked as f64 / all as f64
}

/// Resolves lone `<br>`s, trims every line, drops soft hyphens and zero-width
/// spaces, and keeps at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    let text = prepare::line_breaks(text);
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line: String = line
            .chars()
            .filter(|c| !matches!(c, '\u{AD}' | '\u{200B}'))
            .collect();
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> String {
        format!(
            "<html><head><title>Storm floods the valley | The Valley Courier</title></head>\
             <body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article>\
             <h1>Storm floods the valley</h1>{body}</article>\
             <footer>© 2026 The Valley Courier. All rights reserved.</footer></body></html>"
        )
    }

    const PARAGRAPHS: &str = "<p>Heavy rain swept across the valley on Tuesday night, \
        flooding roads and cutting power to thousands of homes along the river.</p>\
        <p>Emergency crews worked through the night to reach stranded drivers, and the \
        county opened two shelters for families forced from their houses.</p>\
        <p>Forecasters expect the river to crest on Thursday morning before the water \
        slowly recedes over the weekend, officials said at a briefing.</p>";

    #[test]
    fn paragraphs_are_kept_and_chrome_dropped() {
        let body = format!(
            "{PARAGRAPHS}<div class=\"related-stories\"><h3>More on this</h3>\
             <p>Council approves the new bridge budget after a long debate</p></div>\
             <div class=newsletter-signup><p>Get the morning briefing in your inbox.</p></div>"
        );
        let page = read(&article(&body)).unwrap();
        assert!(
            page.text
                .contains("homes along the river.\n\nEmergency crews"),
            "{}",
            page.text
        );
        for residue in [
            "Home",
            "rights reserved",
            "bridge budget",
            "morning briefing",
        ] {
            assert!(!page.text.contains(residue), "{residue}: {}", page.text);
        }
    }

    #[test]
    fn captions_are_removed_quotes_kept_breaks_split() {
        let body = format!(
            "<figure><img src=a.jpg><figcaption>Crews at work. Jane Roe/Courier</figcaption></figure>\
             <div class=\"image-caption\">A flooded road. Photo: Sam Poe</div>\
             {PARAGRAPHS}<p>The mayor called it <q>the worst flood in <q>living</q> memory</q>.</p>\
             <p>Residents on Mill Street<br>and Elm Avenue were told to leave.<br>Most did.</p>"
        );
        let page = read(&article(&body)).unwrap();
        assert!(!page.text.contains("Crews at work") && !page.text.contains("flooded road"));
        assert!(
            page.text
                .contains("called it “the worst flood in ‘living’ memory”."),
            "{}",
            page.text
        );
        assert!(
            page.text
                .contains("Mill Street and Elm Avenue were told to leave.\nMost did."),
            "{}",
            page.text
        );
    }

    #[test]
    fn pages_without_articles_are_refused() {
        let wall = "<html><body><form><h2>Sign in to keep reading</h2><input name=email>\
                    <button>Continue</button></form><p>Forgot your password?</p></body></html>";
        assert_eq!(read(wall), Err(NO_ARTICLE.to_string()));
        let links: String = (0..40)
            .map(|i| {
                format!(
                    "<li><a href=/s/{i}>Story number {i} about the long flood season here</a></li>"
                )
            })
            .collect::<Vec<_>>()
            .concat();
        let index = format!("<html><body><ul>{links}</ul></body></html>");
        assert_eq!(read(&index), Err(NO_ARTICLE.to_string()));
        assert_eq!(read(""), Err(NO_ARTICLE.to_string()));
    }

    #[test]
    fn a_short_page_falls_back_to_its_whole_text() {
        let page = "<html><body><div><span>Officials confirmed on Monday that the bridge \
            over the river will stay closed for repairs until the end of the month, and \
            drivers should plan for long detours.</span></div></body></html>";
        let text = read(page).unwrap().text;
        assert!(text.starts_with("Officials confirmed on Monday"), "{text}");
    }

    #[test]
    fn a_short_brief_of_short_sentences_is_an_article() {
        let body = "<p>The Elm Street bridge reopened on Friday.</p>\
            <p>It was two weeks ahead of schedule.</p><p>Crews finished the deck overnight.</p>\
            <p>The county thanked drivers.</p><p>Buses return on Monday, officials said.</p>";
        let more = (0..4)
            .map(|i| {
                format!("<li><a href=/s/{i}>Council backs plan {i} after a long debate</a></li>")
            })
            .collect::<Vec<_>>()
            .concat();
        let page = article(&format!("{body}<div class=more><ul>{more}</ul></div>"));
        let text = read(&page).unwrap().text;
        assert!(
            text.contains("Crews finished the deck overnight."),
            "{text}"
        );
        assert!(text.contains("Buses return on Monday"), "{text}");
        // A sign-in prompt of a few short lines is still no article.
        let wall = "<html><body><h2>Sign in to keep reading</h2><p>Forgot your password?</p>\
                    <p>Create an account.</p></body></html>";
        assert_eq!(read(wall), Err(NO_ARTICLE.to_string()));
    }

    #[test]
    fn fragments() {
        assert_eq!(
            fragment_text("<p>One &amp; two.</p><p>Three<br>four.<br/>Five</p>"),
            "One & two.\n\nThree four.\nFive"
        );
        assert_eq!(
            fragment_text("Plain summary, no tags."),
            "Plain summary, no tags."
        );
    }
}
