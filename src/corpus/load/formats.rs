//! File formats: plain text, Markdown with front matter, JSON and JSON Lines records.

use super::super::meta::{Fields, toml_string};
use serde_json::Value;

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
            _ => None,
        }
    }
}

/// One article's text and the metadata fields that came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    }
}

fn whole(text: String, fields: Fields, warnings: Vec<String>) -> Record {
    Record {
        number: None,
        id: None,
        text,
        fields,
        warnings,
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
        text: super::decode::normalize_line_ends(text.to_string()),
        fields: Fields::from_keys(scalar),
        warnings: Vec::new(),
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
