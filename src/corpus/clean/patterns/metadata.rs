//! Stray leading metadata (`date 2025-02-12`, `title: …`).

use super::dates::iso_date_len;
use super::lower;

/// Keys of leading metadata whose value is a date.
const DATE_KEYS: &[&str] = &["date", "published", "updated", "datetime", "time"];
/// Keys of leading metadata whose value runs to the end of the line (a colon is required).
const TEXT_KEYS: &[&str] = &[
    "title",
    "author",
    "byline",
    "source",
    "outlet",
    "url",
    "link",
    "description",
    "tags",
    "category",
    "section",
];

/// Length in bytes of leading stray metadata at the start of `line`
/// (` date 2025-02-12 `, `title: …`), including surrounding whitespace; 0 if none.
#[must_use]
pub fn leading_metadata_len(line: &str) -> usize {
    let mut end = 0;
    loop {
        let rest = &line[end..];
        let key_at = rest.len() - rest.trim_start().len();
        let key_len = rest[key_at..]
            .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
            .unwrap_or(rest.len() - key_at);
        let key = lower(&rest[key_at..key_at + key_len]);
        let after_key = &rest[key_at + key_len..];
        let colon = after_key.starts_with([':', '=']);
        let value = after_key.trim_start_matches([':', '=']);
        let value_at = rest.len() - value.trim_start().len();
        if DATE_KEYS.contains(&key.as_str()) {
            match iso_date_len(&rest[value_at..]) {
                Some(len) if colon || value_at > key_at + key_len => {
                    let next = value_at + len;
                    let ws = rest[next..].len() - rest[next..].trim_start().len();
                    end += next + ws;
                }
                _ => return end,
            }
        } else if colon && TEXT_KEYS.contains(&key.as_str()) && key_len > 0 {
            return line.len();
        } else {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_metadata() {
        assert_eq!(leading_metadata_len(" date 2025-02-12 BRUSSELS — Text"), 17);
        assert_eq!(leading_metadata_len("date: 2025-02-12T08:00:00Z"), 26);
        assert_eq!(leading_metadata_len("title: Something here"), 21);
        assert_eq!(leading_metadata_len("Date palms grow in 2025-02-12"), 0);
        assert_eq!(leading_metadata_len("Titles matter: a lot"), 0);
    }
}
