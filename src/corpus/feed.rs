//! Feeds (RSS 2.0, Atom, JSON Feed) through feed-rs: one article per item.
//!
//! feed-rs keeps dates only in UTC, so each item's own date string is read from the
//! feed itself (`quick-xml` for XML, `serde_json` for JSON Feed): a story published at
//! 23:30 −05:00 stays on its own day.

use super::html;
use super::meta::{Fields, local_day, split_authors};
use super::outlets;
use feed_rs::model::{Entry, Text};
use quick_xml::events::Event;

/// One feed item: its text (from the content, else the summary) and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The body as text (HTML converted as a page's is), possibly empty.
    pub text: String,
    /// Title, link, date, authors and the feed's outlet.
    pub fields: Fields,
}

/// Elements holding an item's publication date, best first.
const DATE_ELEMENTS: &[&str] = &[
    "pubDate",
    "published",
    "date",
    "issued",
    "updated",
    "modified",
];

/// A JSON document that is a JSON Feed (`"version": "https://jsonfeed.org/…"`).
#[must_use]
pub fn is_json_feed(value: &serde_json::Value) -> bool {
    value
        .get("version")
        .and_then(serde_json::Value::as_str)
        .is_some_and(|v| v.contains("jsonfeed.org"))
}

/// The items of a feed document (XML or JSON Feed), in order.
///
/// # Errors
/// A one-line reason when the text is not a feed feed-rs can read, or has no items.
pub fn items(text: &str) -> Result<Vec<Item>, String> {
    let xml = without_declaration(text);
    let feed = feed_rs::parser::parse(xml.as_bytes())
        .map_err(|e| format!("not a readable feed: {}", one_line(&e.to_string())))?;
    if feed.entries.is_empty() {
        return Err("feed without items".to_string());
    }
    let dates = if xml.trim_start().starts_with('{') {
        json_dates(xml)
    } else {
        xml_dates(xml)
    };
    let site = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            item(
                entry,
                dates.get(i).and_then(Option::as_deref),
                site.as_deref(),
            )
        })
        .collect())
}

fn item(entry: &Entry, own_date: Option<&str>, site: Option<&str>) -> Item {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone())
        .filter(|h| h.starts_with("http"));
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let known = link
        .as_deref()
        .and_then(outlets::site_host)
        .and_then(|h| outlets::known_host(&h).map(str::to_string));
    let date = own_date.and_then(local_day).or_else(|| {
        entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%d").to_string())
    });
    let mut authors = Vec::new();
    for person in &entry.authors {
        for name in split_authors(person.name.as_deref().unwrap_or("")) {
            if !authors.contains(&name) {
                authors.push(name);
            }
        }
    }
    Item {
        text: html::fragment_text(&body),
        fields: Fields {
            outlet: known.or_else(|| site.map(str::to_string)),
            title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
            date,
            url: link,
            authors,
        },
    }
}

/// A feed text field as plain text: markup and entities resolved, on one line.
fn text_of(text: &Text) -> String {
    let t = &text.content;
    let plain = if t.contains(['<', '&']) {
        html::fragment_text(t)
    } else {
        t.clone()
    };
    one_line(&plain)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text without its XML declaration: it is already decoded, so a declared
/// legacy encoding must not be applied a second time.
fn without_declaration(text: &str) -> &str {
    let t = text.trim_start();
    if t.starts_with("<?xml")
        && let Some(end) = t.find("?>")
    {
        return &t[end + 2..];
    }
    t
}

/// Each item's own date string (`<item>` or `<entry>`), in document order.
fn xml_dates(xml: &str) -> Vec<Option<String>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    // Inside an item: its best date so far (rank, text); the element being read.
    let mut current: Option<Option<(usize, String)>> = None;
    let mut reading: Option<usize> = None;
    let mut depth_in_item = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let local = e.local_name();
                let name: &str = local.into_inner();
                if current.is_none() && (name == "item" || name == "entry") {
                    current = Some(None);
                    depth_in_item = 0;
                } else if current.is_some() {
                    depth_in_item += 1;
                    // Only the item's own children: not a nested `<source><updated>`.
                    reading = (depth_in_item == 1)
                        .then(|| DATE_ELEMENTS.iter().position(|d| *d == name))
                        .flatten();
                }
            }
            Ok(Event::Text(t)) => {
                if let (Some(rank), Some(best)) = (reading, current.as_mut()) {
                    let value = t[..].trim().to_string();
                    if !value.is_empty() && best.as_ref().is_none_or(|(r, _)| rank < *r) {
                        *best = Some((rank, value));
                    }
                }
            }
            Ok(Event::End(e)) => {
                let local = e.local_name();
                let name: &str = local.into_inner();
                if current.is_some() && depth_in_item == 0 && (name == "item" || name == "entry") {
                    out.push(current.take().flatten().map(|(_, d)| d));
                } else if current.is_some() {
                    depth_in_item = depth_in_item.saturating_sub(1);
                    reading = None;
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    out
}

/// Each JSON Feed item's `date_published` (else `date_modified`), in order.
fn json_dates(json: &str) -> Vec<Option<String>> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return Vec::new();
    };
    value
        .get("items")
        .and_then(serde_json::Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    ["date_published", "date_modified"]
                        .iter()
                        .find_map(|k| item.get(*k)?.as_str().map(str::to_string))
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_keep_their_own_day() {
        let rss = r#"<?xml version="1.0" encoding="windows-1252"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Herald</title>
            <item><title>Flood &amp;amp; fire</title><link>https://herald.example/flood</link>
              <pubDate>Wed, 12 Feb 2025 23:30:00 -0500</pubDate><dc:creator>Jo Park and Ann Lee</dc:creator>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>Rain fell.</p><p>Roads <q>closed</q>.</p>]]></content:encoded></item>
            <item><title>Second</title><link>https://www.reuters.com/x</link>
              <description>Only a summary here.</description></item>
            </channel></rss>"#;
        let items = items(rss).unwrap();
        assert_eq!(items.len(), 2);
        let first = &items[0];
        assert_eq!(first.text, "Rain fell.\n\nRoads “closed”.");
        assert_eq!(first.fields.title.as_deref(), Some("Flood & fire"));
        assert_eq!(first.fields.date.as_deref(), Some("2025-02-12"));
        assert_eq!(first.fields.authors, ["Jo Park", "Ann Lee"]);
        assert_eq!(first.fields.outlet.as_deref(), Some("The Herald"));
        assert_eq!(items[1].text, "Only a summary here.");
        assert_eq!(items[1].fields.outlet.as_deref(), Some("Reuters"));
        assert_eq!(items[1].fields.date, None);
    }

    #[test]
    fn atom_with_html_titles() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>
            <entry><title type="html">Storm &lt;em&gt;hits&lt;/em&gt; the valley</title>
              <link href="https://courier.example/storm"/><id>1</id>
              <updated>2026-03-02T01:00:00Z</updated><published>2026-03-01T20:00:00-05:00</published>
              <author><name>Sam Poe</name></author>
              <content type="html">&lt;p&gt;Wind and rain.&lt;/p&gt;</content></entry></feed>"#;
        let items = items(atom).unwrap();
        assert_eq!(
            items[0].fields.title.as_deref(),
            Some("Storm hits the valley")
        );
        assert_eq!(items[0].fields.date.as_deref(), Some("2026-03-01"));
        assert_eq!(items[0].text, "Wind and rain.");
        assert_eq!(items[0].fields.authors, ["Sam Poe"]);
    }

    #[test]
    fn json_feed() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"Night Desk",
            "items":[{"id":"1","url":"https://night.example/a","title":"Late vote",
              "content_html":"<p>The council voted at midnight.</p>",
              "date_published":"2025-06-30T22:45:00-07:00","authors":[{"name":"Kim Lo"}]}]}"#;
        assert!(is_json_feed(&serde_json::from_str(json).unwrap()));
        let items = items(json).unwrap();
        assert_eq!(items[0].text, "The council voted at midnight.");
        assert_eq!(items[0].fields.date.as_deref(), Some("2025-06-30"));
        assert_eq!(items[0].fields.outlet.as_deref(), Some("Night Desk"));
        assert_eq!(items[0].fields.authors, ["Kim Lo"]);
    }

    #[test]
    fn broken_feeds_are_one_line() {
        let err = items("<rss><channel><item><title>Cut off").unwrap_err();
        assert!(!err.contains('\n'), "{err}");
        assert_eq!(
            items(r#"<rss version="2.0"><channel><title>x</title></channel></rss>"#),
            Err("feed without items".to_string())
        );
    }
}
