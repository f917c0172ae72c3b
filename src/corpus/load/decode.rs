//! Bytes to text: byte-order marks, UTF-16, lossy UTF-8, binary detection, line ends.

/// Decoded text (with `\n` line ends) and any warnings, or why the bytes are unusable.
pub type Decoded = Result<(String, Vec<String>), String>;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Decodes a file's bytes: UTF-8 (BOM optional; invalid sequences replaced with a
/// warning) or UTF-16 with a BOM. Text with NUL characters is binary. CRLF and lone
/// CR become `\n`. The BOM is dropped.
///
/// # Errors
/// A one-line reason when the bytes are binary.
pub fn decode(mut bytes: Vec<u8>) -> Decoded {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        if bytes.starts_with(UTF8_BOM) {
            bytes.drain(..UTF8_BOM.len());
        }
        if bytes.contains(&0) {
            return Err("binary file (contains NUL bytes)".to_string());
        }
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                warnings.push("invalid UTF-8 replaced with U+FFFD".to_string());
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        }
    };
    if text.contains('\0') {
        return Err("binary file (contains NUL characters)".to_string());
    }
    Ok((normalize_line_ends(text), warnings))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    if bytes.len() % 2 == 1 {
        warnings.push("UTF-16 text with an odd trailing byte (dropped)".to_string());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut lossy = false;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if lossy {
        warnings.push("invalid UTF-16 replaced with U+FFFD".to_string());
    }
    text
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

    #[test]
    fn encodings() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa\r\nb\rc".to_vec()),
            Ok(("a\nb\nc".into(), vec![]))
        );
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hé\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(le).map(|d| d.0), Ok("hé\n".into()));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("hé".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(be).map(|d| d.0), Ok("hé".into()));
        let (text, warnings) = decode(b"caf\xE9".to_vec()).unwrap();
        assert_eq!((text.as_str(), warnings.len()), ("caf\u{FFFD}", 1));
        assert!(decode(b"PK\x03\x04\0\0".to_vec()).is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_or_skip(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            if let Ok((text, _)) = decode(bytes) {
                proptest::prop_assert!(!text.contains('\r') && !text.contains('\0'));
            }
        }
    }
}
