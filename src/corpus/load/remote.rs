//! Reading what came from a URL: its kind by content type, a readable id, and the
//! pages of feed items (`--fetch-items`).

use super::formats::{Format, Parsed};
use super::{Fetched, Fetcher, Kind, LoadOptions};
use crate::corpus::html;

/// The kind of a fetched body: by its `Content-Type`, else by its first bytes.
///
/// # Errors
/// `not HTML (content type …)` for images, PDFs and other bodies crosscheck cannot read.
pub(super) fn kind(page: &Fetched) -> Result<Kind, String> {
    let media = page
        .content_type
        .as_deref()
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let format = match media.as_str() {
        "text/html" | "application/xhtml+xml" => Format::Html,
        "application/json" | "application/feed+json" => Format::Json,
        m if m.ends_with("xml") || m.contains("rss") || m.contains("atom") => Format::Feed,
        "text/plain" | "text/markdown" => Format::Text,
        "" | "application/octet-stream" => {
            sniff(&page.bytes).ok_or("not HTML (unknown content)")?
        }
        other => return Err(format!("not HTML (content type {other})")),
    };
    Ok(Kind {
        format,
        gzip: false,
    })
}

/// The format of an unlabelled body by its first bytes.
fn sniff(bytes: &[u8]) -> Option<Format> {
    let start = bytes.trim_ascii_start();
    let head = start[..start.len().min(512)].to_ascii_lowercase();
    if super::kind::looks_like_html(start) {
        Some(Format::Html)
    } else if head.starts_with(b"<?xml") || head.starts_with(b"<rss") || head.starts_with(b"<feed")
    {
        Some(Format::Feed)
    } else if head.starts_with(b"{") {
        Some(Format::Json)
    } else {
        None
    }
}

/// The `charset` parameter of a `Content-Type` header.
pub(super) fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// A readable id for a URL: its last path segment without extension, else the host.
pub(super) fn url_stem(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let segment = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|_| path.trim_end_matches('/').contains('/'))
        .unwrap_or("");
    let segment = segment.rsplit_once('.').map_or(segment, |(stem, _)| stem);
    if segment.is_empty() {
        crate::corpus::outlets::site_host(url).unwrap_or_else(|| path.to_string())
    } else {
        segment.to_string()
    }
}

/// Replaces each feed item's text with its page's article, fetched a few at a
/// time with a pause per host; an item whose page fails keeps its own text and
/// says why in a warning.
pub(super) fn fill_items(records: &mut [Parsed], fetcher: &Fetcher, options: &LoadOptions) {
    let wanted: Vec<(usize, String)> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let r = r.as_ref().ok().filter(|r| r.item)?;
            Some((i, r.fields.url.clone()?))
        })
        .collect();
    let urls: Vec<String> = wanted.iter().map(|(_, u)| u.clone()).collect();
    let total = urls.len();
    let progress = |done: usize, url: &str| {
        if let Some(super::Progress(tell)) = &options.progress {
            tell(done, total, url);
        }
    };
    let pages = crate::corpus::fetch::fetch_all(
        &urls,
        options.fetch.parallel,
        |url| {
            let page = fetcher.get(url)?;
            let kind = kind(&page)?;
            if kind.format != Format::Html {
                return Err("not HTML".to_string());
            }
            let charset = page.content_type.as_deref().and_then(charset);
            let (text, _) = super::decode::decode(
                &page.bytes,
                super::decode::Markup::Html,
                charset.as_deref(),
            )?;
            html::read(&text)
        },
        &progress,
    );
    for ((i, url), page) in wanted.into_iter().zip(pages) {
        let Ok(record) = &mut records[i] else {
            continue;
        };
        match page {
            Ok(page) => {
                record.text = page.text;
                record.fields = std::mem::take(&mut record.fields).or(page.fields);
            }
            Err(reason) => record
                .warnings
                .push(format!("item page not fetched ({url}): {reason}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_kinds() {
        assert_eq!(
            url_stem("https://herald.example/news/2025/storm-hits.html?x=1"),
            "storm-hits"
        );
        assert_eq!(url_stem("https://herald.example/"), "herald.example");
        assert_eq!(url_stem("https://www.herald.example"), "herald.example");
        assert_eq!(
            charset("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        let page = |t: Option<&str>, b: &[u8]| Fetched {
            bytes: b.to_vec(),
            content_type: t.map(str::to_string),
            path: None,
        };
        assert_eq!(
            kind(&page(Some("text/html; charset=utf-8"), b"")).map(|k| k.format),
            Ok(Format::Html)
        );
        assert_eq!(
            kind(&page(None, b"  <rss version='2.0'>")).map(|k| k.format),
            Ok(Format::Feed)
        );
        assert_eq!(
            kind(&page(Some("application/x-rss+xml"), b"")).map(|k| k.format),
            Ok(Format::Feed)
        );
        assert_eq!(
            kind(&page(Some("image/png"), b"\x89PNG")),
            Err("not HTML (content type image/png)".to_string())
        );
    }
}
