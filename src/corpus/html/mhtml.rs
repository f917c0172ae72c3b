//! `.mhtml` archives (a browser's single-file save): the MIME message's HTML part.

use base64::Engine as _;

/// The HTML part of an archive: its bytes, declared charset and original address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The HTML, transfer encoding undone (still in its own charset).
    pub html: Vec<u8>,
    /// The part's `charset` parameter, if any.
    pub charset: Option<String>,
    /// Where the page was saved from (`Content-Location`).
    pub url: Option<String>,
}

/// Finds the first `text/html` part of a MIME archive.
///
/// # Errors
/// A one-line reason when the bytes are not a MIME archive or hold no HTML part.
pub fn html_part(bytes: &[u8]) -> Result<Part, String> {
    let (headers, body) = split_headers(bytes).ok_or("not an MHTML archive (no MIME headers)")?;
    let content_type = header(&headers, "content-type").unwrap_or_default();
    let saved_from = header(&headers, "snapshot-content-location");
    let Some(boundary) = parameter(&content_type, "boundary") else {
        return if content_type.to_ascii_lowercase().starts_with("text/html") {
            Ok(part(&headers, body, saved_from))
        } else {
            Err("not an MHTML archive (no multipart boundary)".to_string())
        };
    };
    let delimiter = format!("--{boundary}");
    let mut pieces = split_on(body, delimiter.as_bytes());
    pieces.next(); // the preamble
    for piece in pieces {
        if piece.starts_with(b"--") {
            break;
        }
        let Some((headers, body)) = split_headers(
            piece
                .strip_prefix(b"\r\n")
                .or_else(|| piece.strip_prefix(b"\n"))
                .unwrap_or(piece),
        ) else {
            continue;
        };
        let kind = header(&headers, "content-type").unwrap_or_default();
        if kind.to_ascii_lowercase().starts_with("text/html") {
            return Ok(part(&headers, body, saved_from));
        }
    }
    Err("MHTML archive without an HTML part".to_string())
}

fn part(headers: &Headers, body: &[u8], saved_from: Option<String>) -> Part {
    let encoding = header(headers, "content-transfer-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let html = match encoding.trim() {
        "quoted-printable" => quoted_printable(body),
        "base64" => {
            let compact: Vec<u8> = body
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .unwrap_or_default()
        }
        _ => body.to_vec(),
    };
    Part {
        html,
        charset: header(headers, "content-type").and_then(|t| parameter(&t, "charset")),
        url: saved_from
            .or_else(|| header(headers, "content-location"))
            .filter(|u| u.starts_with("http")),
    }
}

/// MIME headers: lowercase names and unfolded values, in order.
type Headers = Vec<(String, String)>;

/// Splits a MIME entity into unfolded headers (lowercase names) and its body.
fn split_headers(bytes: &[u8]) -> Option<(Headers, &[u8])> {
    let (end, skip) = find(bytes, b"\r\n\r\n")
        .map(|at| (at, 4))
        .into_iter()
        .chain(find(bytes, b"\n\n").map(|at| (at, 2)))
        .min_by_key(|(at, _)| *at)?;
    let text = String::from_utf8_lossy(&bytes[..end]);
    let mut headers: Headers = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    (!headers.is_empty()).then(|| (headers, &bytes[end + skip..]))
}

fn header(headers: &Headers, name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// A `key=value` parameter of a header value (quotes stripped).
fn parameter(value: &str, key: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn split_on<'a>(mut bytes: &'a [u8], delimiter: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        if let Some(at) = find(bytes, delimiter) {
            let piece = &bytes[..at];
            bytes = &bytes[at + delimiter.len()..];
            Some(piece)
        } else {
            done = true;
            Some(bytes)
        }
    })
}

/// Undoes quoted-printable: `=XX` bytes and `=` soft line breaks.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'=' {
            if body[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if body[i + 1..].starts_with(b"\n") {
                i += 2;
                continue;
            }
            if let (Some(h), Some(l)) = (
                body.get(i + 1).copied().and_then(hex),
                body.get(i + 2).copied().and_then(hex),
            ) {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
                i += 3;
                continue;
            }
        }
        out.push(body[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_html_part() {
        let archive = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://herald.example/a\r\n\
            MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
            \tboundary=\"----MultipartBoundary--x1----\"\r\n\r\n\
            ------MultipartBoundary--x1----\r\nContent-Type: text/css\r\n\r\np{}\r\n\
            ------MultipartBoundary--x1----\r\nContent-Type: text/html; charset=windows-1252\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            <p class=3D\"a\">Caf=E9 long line that wr=\r\naps.</p>\r\n\
            ------MultipartBoundary--x1------\r\n";
        let part = html_part(archive.as_bytes()).unwrap();
        assert_eq!(
            part.html,
            b"<p class=\"a\">Caf\xE9 long line that wraps.</p>\r\n"
        );
        assert_eq!(part.charset.as_deref(), Some("windows-1252"));
        assert_eq!(part.url.as_deref(), Some("https://herald.example/a"));
    }

    #[test]
    fn base64_and_refusals() {
        let archive = "Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\n\
            Content-Transfer-Encoding: base64\n\nPHA+SGk8L3A+\n--b--\n";
        assert_eq!(html_part(archive.as_bytes()).unwrap().html, b"<p>Hi</p>");
        assert!(html_part(b"just some text").is_err());
        assert!(html_part(b"Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--").is_err());
    }
}
