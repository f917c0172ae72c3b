//! File formats: plain text, Markdown with front matter, JSON and JSON Lines records,
//! saved web pages (HTML, MHTML), any of them gzipped.

use super::super::feed;
use super::super::html::{self, mhtml};
use super::super::meta::{Fields, toml_string};
use super::decode::{self, Markup};
use crate::corpus::MAX_PAGE_BYTES;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::Read as _;

/// Revision of how pages and feeds are read into records (extraction, metadata,
/// decoding): part of the extraction-cache key, so raise it when they change.
pub const READING_REVISION: u32 = 3;

/// Largest decompressed size of a gzipped file, in bytes.
pub const MAX_GUNZIPPED_BYTES: u64 = 64 << 20;

/// How a file's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole file is the article.
    Text,
    /// Optional YAML (`---`) or TOML (`+++`) front matter, then the article.
    Markdown,
    /// One object or an array of objects.
    Json,
    /// One object per line.
    JsonLines,
    /// A saved web page: the article is extracted, metadata read from the page.
    Html,
    /// A single-file web archive: its HTML part, as a page.
    Mhtml,
    /// An RSS, Atom or RDF feed: one article per item.
    Feed,
}

impl Format {
    /// The format of a file extension (case-insensitive), if crosscheck loads it.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "json" => Some(Self::Json),
            "jsonl" => Some(Self::JsonLines),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            "mhtml" | "mht" => Some(Self::Mhtml),
            "rss" | "atom" | "rdf" | "xml" => Some(Self::Feed),
            _ => None,
        }
    }

    /// Where the bytes of this format may declare their charset.
    const fn markup(self) -> Markup {
        match self {
            Self::Html | Self::Mhtml => Markup::Html,
            Self::Feed => Markup::Xml,
            Self::Text | Self::Markdown | Self::Json | Self::JsonLines => Markup::None,
        }
    }
}

/// A file's records and the warnings that concern the whole file, or why the file
/// as a whole is unusable.
pub type Read = Result<(Vec<Parsed>, Vec<String>), String>;

/// Decodes and parses a file's bytes (gunzipped first when `gzip`); `charset` is one
/// declared outside the bytes (an HTTP header).
///
/// # Errors
/// A one-line reason when the file as a whole is unusable (binary, broken gzip, …).
pub fn read(bytes: Vec<u8>, format: Format, gzip: bool, charset: Option<&str>) -> Read {
    let bytes = if gzip { gunzip(&bytes)? } else { bytes };
    let costly = matches!(format, Format::Html | Format::Mhtml | Format::Feed);
    if costly && bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(format!("page too large (over {} MB)", MAX_PAGE_BYTES >> 20));
    }
    let mut saved_from = None;
    let (bytes, charset) = if format == Format::Mhtml {
        let part = mhtml::html_part(&bytes)?;
        saved_from = part.url;
        (part.html, part.charset)
    } else {
        (bytes, charset.map(str::to_string))
    };
    let (text, warnings) = decode::decode(&bytes, format.markup(), charset.as_deref())?;
    let records = match format {
        Format::Html | Format::Mhtml => vec![page(&text, saved_from)],
        _ => parse(text, format),
    };
    Ok((records, warnings))
}

/// Decompresses gzip data, refusing truncated streams and outsize results.
///
/// # Errors
/// A one-line reason for broken or outsize data.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_GUNZIPPED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("broken gzip data: {e}"))?;
    if out.len() as u64 > MAX_GUNZIPPED_BYTES {
        return Err(format!(
            "gzipped file too large (over {} MB unpacked)",
            MAX_GUNZIPPED_BYTES >> 20
        ));
    }
    Ok(out)
}

/// A page's article as one record; `saved_from` is the archive's address, if any.
fn page(text: &str, saved_from: Option<String>) -> Parsed {
    let page = html::read(text).map_err(|reason| (None, reason))?;
    let mut fields = page.fields;
    if fields.url.is_none() {
        fields.url = saved_from;
    }
    Ok(whole(page.text, fields, Vec::new()))
}

/// One article's text and the metadata fields that came with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// 1-based record number (array index or line number) for JSON; `None` for a whole file.
    pub number: Option<usize>,
    /// The record's `id` field.
    pub id: Option<String>,
    /// The article text.
    pub text: String,
    /// Metadata given with it.
    pub fields: Fields,
    /// Problems met reading it.
    pub warnings: Vec<String>,
    /// A feed item (whose page `--fetch-items` fetches).
    pub item: bool,
}

/// A record or why one could not be read (with its 1-based number).
pub type Parsed = Result<Record, (Option<usize>, String)>;

/// Splits decoded `text` into records according to `format`.
#[must_use]
pub fn parse(text: String, format: Format) -> Vec<Parsed> {
    match format {
        Format::Text => vec![Ok(whole(text, Fields::default(), Vec::new()))],
        Format::Markdown => vec![Ok(markdown(text))],
        Format::Json => json(&text),
        Format::JsonLines => json_lines(&text),
        Format::Html | Format::Mhtml => vec![page(&text, None)],
        Format::Feed => feed_items(&text),
    }
}

/// A feed's items as numbered records.
fn feed_items(text: &str) -> Vec<Parsed> {
    match feed::items(text) {
        Ok(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                Ok(Record {
                    number: Some(i + 1),
                    id: None,
                    text: item.text,
                    fields: item.fields,
                    warnings: Vec::new(),
                    item: true,
                })
            })
            .collect(),
        Err(reason) => vec![Err((None, reason))],
    }
}

fn whole(text: String, fields: Fields, warnings: Vec<String>) -> Record {
    Record {
        number: None,
        id: None,
        text,
        fields,
        warnings,
        item: false,
    }
}

/// Markdown: front matter between `---` (flat YAML) or `+++` (TOML) fences.
fn markdown(text: String) -> Record {
    for (fence, toml) in [("---", false), ("+++", true)] {
        let Some(after_open) = text.strip_prefix(fence).and_then(|t| t.strip_prefix('\n')) else {
            continue;
        };
        let mut at = text.len() - after_open.len();
        for line in after_open.split_inclusive('\n') {
            let closes = line.trim_end() == fence || (!toml && line.trim_end() == "...");
            if closes {
                let header = &text[text.len() - after_open.len()..at];
                let body_at = at + line.len();
                let (fields, warnings) = if toml {
                    toml_header(header)
                } else {
                    (yaml_header(header), Vec::new())
                };
                return whole(text[body_at..].to_string(), fields, warnings);
            }
            at += line.len();
        }
    }
    whole(text, Fields::default(), Vec::new())
}

/// Flat `key: value` YAML scalars (quotes stripped); nested values are ignored.
fn yaml_header(header: &str) -> Fields {
    let value = |key: &str| {
        header.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            if k.trim() != key || line.starts_with([' ', '\t', '-']) {
                return None;
            }
            Some(yaml_scalar(v))
        })
    };
    Fields::from_keys(|key| value(key).flatten())
}

/// A flat YAML scalar: quotes stripped, an unquoted ` # comment` dropped; block
/// scalars (`|`, `>`) and empty values are `None`.
fn yaml_scalar(value: &str) -> Option<String> {
    let v = value.trim();
    let quoted = v.starts_with(['"', '\'']);
    let v = if quoted {
        unquote(v)
    } else {
        v.split(" #").next().unwrap_or(v).trim()
    };
    let block = !quoted && v.starts_with(['|', '>']);
    (!block && !v.is_empty()).then(|| v.to_string())
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

fn toml_header(header: &str) -> (Fields, Vec<String>) {
    match header.parse::<toml::Table>() {
        Ok(table) => (
            Fields::from_keys(|k| toml_string(table.get(k)?)),
            Vec::new(),
        ),
        Err(e) => (
            Fields::default(),
            vec![format!(
                "front matter ignored: invalid TOML: {}",
                e.message().trim()
            )],
        ),
    }
}

/// JSON: one object, or an array of objects numbered from 1.
fn json(text: &str) -> Vec<Parsed> {
    match serde_json::from_str::<Value>(text) {
        Ok(value) if feed::is_json_feed(&value) => feed_items(text),
        Ok(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| object(v, Some(i + 1)))
            .collect(),
        Ok(value) => vec![object(value, None)],
        Err(e) => vec![Err((None, format!("invalid JSON: {e}")))],
    }
}

/// JSON Lines: one object per non-blank line, numbered by line.
fn json_lines(text: &str) -> Vec<Parsed> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| match serde_json::from_str::<Value>(line) {
            Ok(value) => object(value, Some(i + 1)),
            Err(e) => Err((Some(i + 1), format!("line {}: invalid JSON: {e}", i + 1))),
        })
        .collect()
}

/// Text keys of a JSON record, in order of preference.
const TEXT_KEYS: &[&str] = &["text", "body", "content"];

fn object(value: Value, number: Option<usize>) -> Parsed {
    let where_ = number.map_or_else(String::new, |n| format!("record {n}: "));
    let Value::Object(map) = value else {
        return Err((number, format!("{where_}not a JSON object")));
    };
    let Some(text) = TEXT_KEYS.iter().find_map(|k| map.get(*k)?.as_str()) else {
        return Err((
            number,
            format!("{where_}no \"text\" (or \"body\"/\"content\") string"),
        ));
    };
    let scalar = |k: &str| match map.get(k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    Ok(Record {
        number,
        id: scalar("id").filter(|id| !id.trim().is_empty()),
        text: decode::normalize_line_ends(text.to_string()),
        fields: Fields::from_keys(scalar),
        warnings: Vec::new(),
        item: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter() {
        let r = markdown("---\ntitle: \"A: B\"\nsource: Herald\ntags:\n  - x\n---\nBody\n".into());
        assert_eq!(
            (
                r.fields.title.as_deref(),
                r.fields.outlet.as_deref(),
                r.text.as_str()
            ),
            (Some("A: B"), Some("Herald"), "Body\n")
        );
        let r = markdown("+++\ntitle = \"T\"\ndate = 2025-02-12\n+++\nBody".into());
        assert_eq!(
            (
                r.fields.title.as_deref(),
                r.fields.date.as_deref(),
                r.text.as_str()
            ),
            (Some("T"), Some("2025-02-12"), "Body")
        );
        let r = markdown("---\ntitle: >\n  folded\nsource: X # comment\n---\nB".into());
        assert_eq!(
            (r.fields.title, r.fields.outlet.as_deref()),
            (None, Some("X"))
        );
        let r = markdown("---\nno closing fence\nBody".into());
        assert_eq!(r.text, "---\nno closing fence\nBody");
        let r = markdown("+++\nbad = = toml\n+++\nBody".into());
        assert_eq!((r.text.as_str(), r.warnings.len()), ("Body", 1));
    }

    #[test]
    fn json_records() {
        let parsed = json(r#"[{"text":"a","id":7},{"body":"b","outlet":"X"},{"title":"none"},3]"#);
        assert_eq!(parsed.len(), 4);
        assert_eq!(
            parsed[0].as_ref().map(|r| r.id.clone()),
            Ok(Some("7".into()))
        );
        assert_eq!(
            parsed[1].as_ref().map(|r| r.fields.outlet.clone()),
            Ok(Some("X".into()))
        );
        assert!(parsed[2].is_err() && parsed[3].is_err());
        let lines = json_lines("{\"text\":\"a\"}\n\n{oops}\n");
        assert_eq!(lines.len(), 2);
        assert!(matches!(&lines[1], Err((Some(3), reason)) if reason.starts_with("line 3")));
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_without_panic(text in "(\\PC|---\n|\\+\\+\\+\n|\\{|\\}|\"|:|\n)*") {
            for format in [Format::Text, Format::Markdown, Format::Json, Format::JsonLines] {
                let _ = parse(text.clone(), format);
            }
        }
    }
}
