//! Bytes to text: byte-order marks, declared charsets, detection, binary files, line ends.
//!
//! The encoding is chosen in this order: a byte-order mark; for markup, the page's
//! `<meta charset>` or `http-equiv` declaration anywhere in `<head>`, then an XML
//! declaration; valid UTF-8 as it is; otherwise a guess by `chardetng`. `encoding_rs`
//! decodes; bytes the encoding cannot map become U+FFFD with a warning.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decoded text (with `\n` line ends) and any warnings, or why the bytes are unusable.
pub type Decoded = Result<(String, Vec<String>), String>;

/// What kind of text the bytes hold, which says where a charset may be declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Plain text, Markdown, JSON: no declaration to read.
    None,
    /// HTML: `<meta charset>` / `http-equiv` in the head, or an XML declaration (XHTML).
    Html,
    /// XML (feeds): the XML declaration.
    Xml,
}

/// Most bytes searched for the end of `<head>` when looking for a `<meta charset>`.
const MAX_HEAD_BYTES: usize = 1 << 20;

/// Decodes a file's bytes into text with `\n` line ends, without a byte-order mark.
/// `charset` is one declared outside the bytes (an HTTP header, a MIME part): it
/// ranks after a byte-order mark and before anything in the bytes. Text with NUL
/// characters is binary.
///
/// # Errors
/// A one-line reason when the bytes are binary.
pub fn decode(bytes: &[u8], markup: Markup, charset: Option<&str>) -> Decoded {
    let mut warnings = Vec::new();
    let (encoding, body) = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        (encoding, &bytes[bom..])
    } else {
        if bytes.contains(&0) {
            return Err("binary file (contains NUL bytes)".to_string());
        }
        let declared = charset.and_then(|c| label(c.trim().as_bytes()));
        (declared.unwrap_or_else(|| choose(bytes, markup)), bytes)
    };
    let (text, lossy) = encoding.decode_without_bom_handling(body);
    if lossy {
        warnings.push(format!("invalid {} replaced with U+FFFD", encoding.name()));
    }
    let text = text.into_owned();
    if text.contains('\0') {
        return Err("binary file (contains NUL characters)".to_string());
    }
    Ok((normalize_line_ends(text), warnings))
}

/// The encoding of BOM-less bytes: declared, else UTF-8 when valid, else guessed.
fn choose(bytes: &[u8], markup: Markup) -> &'static Encoding {
    let declared = match markup {
        Markup::None => None,
        Markup::Html => meta_charset(bytes).or_else(|| xml_declared(bytes)),
        Markup::Xml => xml_declared(bytes),
    };
    if let Some(encoding) = declared {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// An encoding label as a page may declare it, mapped as browsers do: a UTF-16
/// label in ASCII-compatible bytes means UTF-8, `x-user-defined` means windows-1252.
fn label(value: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label_no_replacement(value)?;
    Some(if encoding.name().starts_with("UTF-16") {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// The charset of the first `<meta>` in the head that declares one
/// (`<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">`).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(MAX_HEAD_BYTES)];
    let end = find_ci(head, b"</head")
        .or_else(|| find_ci(head, b"<body"))
        .unwrap_or(head.len());
    let head = &head[..end];
    let mut from = 0;
    while let Some(at) = find_ci(&head[from..], b"<meta") {
        let tag_start = from + at;
        let tag_end = head[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |p| tag_start + p);
        if let Some(value) = attribute_value(&head[tag_start..tag_end], b"charset")
            && let Some(encoding) = label(value)
        {
            return Some(encoding);
        }
        from = tag_end;
    }
    None
}

/// The `encoding` of a leading `<?xml … ?>` declaration.
fn xml_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &bytes[start..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let end = rest.windows(2).position(|w| w == b"?>")?;
    label(attribute_value(&rest[..end], b"encoding")?)
}

/// The value after `name=` in a tag (quoted or not), up to a quote, space, `;` or `>`.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let at = find_ci(tag, name)? + name.len();
    let rest = &tag[at..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// Position of `needle` (lowercase ASCII) in `haystack`, ignoring ASCII case.
fn find_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Turns CRLF and lone CR into `\n` (no copy when there is no CR).
#[must_use]
pub fn normalize_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8], markup: Markup) -> String {
        decode(bytes, markup, None).map(|d| d.0).unwrap_or_default()
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\rc", Markup::None, None),
            Ok(("a\nb\nc".into(), vec![]))
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text(&le, Markup::None), "hé\n");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&be, Markup::Html), "hé");
        assert!(decode(b"PK\x03\x04\0\0", Markup::None, None).is_err());
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let (latin, _, _) = WINDOWS_1252.encode("Le café déjà fermé, l’été à Orléans — « voilà ».");
        assert_eq!(
            text(&latin, Markup::None),
            "Le café déjà fermé, l’été à Orléans — « voilà »."
        );
        let (sjis, _, _) =
            encoding_rs::SHIFT_JIS.encode("東京都の知事は記者会見で新しい計画を発表した。");
        assert_eq!(
            text(&sjis, Markup::None),
            "東京都の知事は記者会見で新しい計画を発表した。"
        );
    }

    #[test]
    fn declarations_win_in_markup() {
        let body = "<p>Ça coûte 5 €.</p>";
        let (bytes, _, _) = WINDOWS_1252.encode(body);
        let early = [
            b"<html><head><meta charset=\"windows-1252\">".as_slice(),
            &bytes,
        ]
        .concat();
        assert!(text(&early, Markup::Html).contains("Ça coûte 5 €"));
        let late = [
            b"<html><head><title>x</title>".as_slice(),
            " ".repeat(3000).as_bytes(),
            b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'></head>",
            &bytes,
        ]
        .concat();
        assert!(text(&late, Markup::Html).contains("Ça coûte 5"));
        let xml = [
            b"<?xml version='1.0' encoding='windows-1252'?><rss>".as_slice(),
            &bytes,
        ]
        .concat();
        assert!(text(&xml, Markup::Xml).contains("Ça coûte 5 €"));
        // A declaration after the head does not count; UTF-16 labels mean UTF-8.
        assert_eq!(meta_charset(b"<head></head><meta charset=koi8-r>"), None);
        assert_eq!(meta_charset(b"<meta charset=utf-16le>"), Some(UTF_8));
    }

    #[test]
    fn lossy_decoding_warns() {
        let (text, warnings) = decode(b"<meta charset=utf-8>caf\xE9", Markup::Html, None).unwrap();
        assert_eq!(
            (text.as_str(), warnings.len()),
            ("<meta charset=utf-8>caf\u{FFFD}", 1)
        );
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_or_skip(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            for markup in [Markup::None, Markup::Html, Markup::Xml] {
                if let Ok((text, _)) = decode(&bytes, markup, None) {
                    proptest::prop_assert!(!text.contains('\r') && !text.contains('\0'));
                }
            }
        }
    }
}
