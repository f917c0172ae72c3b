//! What a page says about itself: JSON-LD (`NewsArticle`/`Article`, flat or in
//! `@graph`), then OpenGraph and `article:` meta, `<meta name=author>` and date tags,
//! `<link rel=canonical>`, then `<title>` without the site's suffix, then the host.

use super::super::meta::{Fields, local_day, split_authors};
use super::super::outlets;
use dom_query::Document;
use serde_json::Value;

/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];
/// Most words of a `<title>` suffix dropped as a site or section name (capitalized
/// like a name) without knowing the site's name.
const MAX_SUFFIX_WORDS: usize = 4;
/// Fewest words left of a `<title>` once a suffix is dropped.
const MIN_HEAD_WORDS: usize = 3;
/// Lowercase words allowed inside a site or section name ("Voice of America").
const NAME_PARTICLES: &[&str] = &["of", "the", "and", "for", "on", "in", "de", "la", "le", "&"];
/// `<meta name=…>` / `property` keys of the publication date, in order of preference.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "article.published",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
];
/// `<meta name=…>` keys of authors.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "byl",
];

/// The metadata a page declares.
pub fn fields(doc: &Document) -> Fields {
    let ld = LinkedData::read(doc);
    let metas = Metas::read(doc);
    let canonical = doc
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_string())
        .filter(|h| h.starts_with("http"));
    let url = ld
        .url
        .clone()
        .or(canonical)
        .or_else(|| metas.get("og:url").filter(|u| u.starts_with("http")));
    let site = ld
        .publisher
        .clone()
        .or_else(|| metas.get("og:site_name"))
        .or_else(|| metas.get("application-name"))
        .map(|s| outlets::readable(&s));
    let title = ld
        .headline
        .clone()
        .or_else(|| metas.get("og:title"))
        .or_else(|| metas.get("twitter:title"))
        .or_else(|| {
            let title = doc.select("title").text();
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            (!title.is_empty()).then(|| strip_site(&title, site.as_deref()))
        })
        .map(|t| strip_site(&t, site.as_deref()));
    let date = ld
        .published
        .iter()
        .cloned()
        .chain(DATE_KEYS.iter().filter_map(|k| metas.get(k)))
        .chain(
            doc.select("time[datetime]")
                .attr("datetime")
                .map(|d| d.to_string()),
        )
        .find_map(|d| local_day(&d));
    let authors = if ld.authors.is_empty() {
        let mut names = Vec::new();
        for key in AUTHOR_KEYS {
            for value in metas.all(key) {
                for name in split_authors(&value) {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
        }
        names
    } else {
        ld.authors
    };
    // The table's spelling wins when it names the same outlet ("the Guardian").
    let known = url
        .as_deref()
        .and_then(outlets::site_host)
        .and_then(|h| outlets::known_host(&h));
    let site = match (site, known) {
        (Some(s), Some(k)) if s.eq_ignore_ascii_case(k) => Some(k.to_string()),
        (site, _) => site,
    };
    Fields {
        outlet: site.or_else(|| url.as_deref().and_then(outlets::host_outlet)),
        title,
        date,
        url,
        authors,
    }
}

/// Drops a site or section suffix from a `<title>` ("Talks stall | The Herald").
fn strip_site(title: &str, site: Option<&str>) -> String {
    let mut title = title.trim();
    for _ in 0..2 {
        let Some((at, sep)) = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| Some((title.rfind(s)?, s)))
            .max_by_key(|(at, _)| *at)
        else {
            break;
        };
        let (head, suffix) = (&title[..at], &title[at + sep.len()..]);
        let named = site.is_some_and(|s| {
            let (s, x) = (s.to_lowercase(), suffix.to_lowercase());
            s == x || s.contains(&x) || x.contains(&s)
        });
        let words: Vec<&str> = suffix.split_whitespace().collect();
        let name_like = words.len() <= MAX_SUFFIX_WORDS
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| !c.is_lowercase()) || NAME_PARTICLES.contains(w));
        let short = name_like && head.split_whitespace().count() >= MIN_HEAD_WORDS;
        if !(named || short) {
            break;
        }
        title = head.trim();
    }
    title.to_string()
}

/// The `<meta>` tags of a page, keyed by lowercase `name` or `property`.
struct Metas(Vec<(String, String)>);

impl Metas {
    fn read(doc: &Document) -> Self {
        let mut out = Vec::new();
        for meta in &doc.select("meta") {
            let key = meta
                .attr("property")
                .or_else(|| meta.attr("name"))
                .or_else(|| meta.attr("itemprop"));
            let (Some(key), Some(content)) = (key, meta.attr("content")) else {
                continue;
            };
            let content = content.split_whitespace().collect::<Vec<_>>().join(" ");
            if !content.is_empty() {
                out.push((key.trim().to_lowercase(), content));
            }
        }
        Self(out)
    }

    fn get(&self, key: &str) -> Option<String> {
        self.all(key).next()
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = String> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

/// What the page's JSON-LD says about its article.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl LinkedData {
    fn read(doc: &Document) -> Self {
        let mut nodes = Vec::new();
        for script in &doc.select("script[type='application/ld+json']") {
            let text = script.text();
            let text = text
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                flatten(value, &mut nodes);
            }
        }
        let Some(article) = nodes.iter().find(|n| is_article(n)) else {
            let site = nodes
                .iter()
                .find(|n| has_type(n, |t| t == "WebSite"))
                .and_then(|n| name_of(n, &nodes));
            return Self {
                publisher: site,
                ..Self::default()
            };
        };
        let text = |key: &str| string(article.get(key)?);
        let mut authors = Vec::new();
        for author in as_list(article.get("author")) {
            let names = match author {
                Value::String(s) => split_authors(s),
                other => name_of(other, &nodes)
                    .map(|n| split_authors(&n))
                    .unwrap_or_default(),
            };
            for name in names {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
        let url = text("url").or_else(|| match article.get("mainEntityOfPage")? {
            Value::String(s) => Some(s.clone()),
            other => string(other.get("@id")?),
        });
        Self {
            headline: text("headline").or_else(|| text("name")),
            published: text("datePublished").or_else(|| text("dateCreated")),
            authors,
            publisher: article.get("publisher").and_then(|p| name_of(p, &nodes)),
            url: url.filter(|u| u.starts_with("http")),
        }
    }
}

/// Every object of a JSON-LD value: itself, array items and `@graph` members.
fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn has_type(node: &Value, test: impl Fn(&str) -> bool) -> bool {
    as_list(node.get("@type")).any(|t| t.as_str().is_some_and(&test))
}

/// `NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`…
fn is_article(node: &Value) -> bool {
    has_type(node, |t| {
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report"
    })
}

/// A value or the items of an array value.
fn as_list(value: Option<&Value>) -> impl Iterator<Item = &Value> {
    let items: &[Value] = match value {
        Some(Value::Array(items)) => items,
        Some(v) => std::slice::from_ref(v),
        None => &[],
    };
    items.iter()
}

/// The `name` of an object, following an `{"@id": …}` reference to its node.
fn name_of(value: &Value, nodes: &[Value]) -> Option<String> {
    if let Some(name) = value.get("name").and_then(string) {
        return Some(name);
    }
    if let Value::String(s) = value {
        return Some(s.clone()).filter(|s| !s.trim().is_empty());
    }
    let id = value.get("@id")?.as_str()?;
    nodes
        .iter()
        .find(|n| n.get("@id").and_then(Value::as_str) == Some(id) && n.get("name").is_some())
        .and_then(|n| n.get("name").and_then(string))
}

/// A non-empty string value, whitespace collapsed (first item of an array).
fn string(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.as_str(),
        Value::Array(items) => return items.first().and_then(string),
        _ => return None,
    };
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(head: &str) -> Fields {
        fields(&Document::from(format!(
            "<html><head>{head}</head><body><p>x</p></body></html>"
        )))
    }

    #[test]
    fn json_ld_flat() {
        let f = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"NewsArticle","headline":"Talks stall in Brussels",
            "datePublished":"2025-02-12T18:30:00-05:00",
            "author":[{"@type":"Person","name":"Anna Betts"},{"@type":"Person","name":"Marina Dunbar"}],
            "publisher":{"@type":"Organization","name":"The Daily Planet"},
            "mainEntityOfPage":{"@id":"https://planet.example/talks"}}</script>
            <title>Something else | Planet</title>"#,
        );
        assert_eq!(f.title.as_deref(), Some("Talks stall in Brussels"));
        assert_eq!(f.date.as_deref(), Some("2025-02-12"));
        assert_eq!(f.authors, ["Anna Betts", "Marina Dunbar"]);
        assert_eq!(f.outlet.as_deref(), Some("The Daily Planet"));
        assert_eq!(f.url.as_deref(), Some("https://planet.example/talks"));
    }

    #[test]
    fn json_ld_graph_with_publisher_by_id() {
        let f = page(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"https://herald.example/#org","name":"The Herald"},
            {"@type":"WebPage","@id":"https://herald.example/a"},
            {"@type":["ReportageNewsArticle"],"headline":"Bridge reopens",
             "datePublished":"2026-03-01T23:15:00+01:00","author":{"@id":"https://herald.example/#jo"},
             "publisher":{"@id":"https://herald.example/#org"},"url":"https://herald.example/a"},
            {"@type":"Person","@id":"https://herald.example/#jo","name":"Jo Park"}]}</script>"#,
        );
        assert_eq!(f.outlet.as_deref(), Some("The Herald"));
        assert_eq!(f.authors, ["Jo Park"]);
        assert_eq!(f.date.as_deref(), Some("2026-03-01"));
        assert_eq!(f.title.as_deref(), Some("Bridge reopens"));
    }

    #[test]
    fn opengraph_only() {
        let f = page(
            r#"<meta property="og:title" content="Storm closes schools">
            <meta property="og:site_name" content="nytimes.com">
            <meta property="article:published_time" content="2024-11-03T21:05:00-08:00">
            <meta name="author" content="Sam Poe and Ann Lee">
            <meta property="og:url" content="https://www.nytimes.com/2024/11/03/storm.html">"#,
        );
        assert_eq!(f.title.as_deref(), Some("Storm closes schools"));
        assert_eq!(f.outlet.as_deref(), Some("The New York Times"));
        assert_eq!(f.date.as_deref(), Some("2024-11-03"));
        assert_eq!(f.authors, ["Sam Poe", "Ann Lee"]);
    }

    #[test]
    fn title_and_host_fallbacks() {
        let f = page(
            r#"<title>Council votes to expand the tram line - Local News | Riverside Gazette</title>
            <link rel="canonical" href="https://www.newsweek.com/tram-123">"#,
        );
        assert_eq!(
            f.title.as_deref(),
            Some("Council votes to expand the tram line")
        );
        assert_eq!(f.outlet.as_deref(), Some("Newsweek"));
        assert_eq!(f.date, None);
        let f = page("<title>Why - and how - it matters</title>");
        assert_eq!(f.title.as_deref(), Some("Why - and how - it matters"));
    }
}
