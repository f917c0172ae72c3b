//! How crosscheck recognises the reports it writes: loading skips them, so a
//! report saved beside the articles never becomes an article.

/// The start of the `generator` meta tag in crosscheck's HTML reports (the
/// version and the closing `">` follow).
pub const GENERATOR_META: &str = r#"<meta name="generator" content="crosscheck"#;

/// The start of the first line of crosscheck's Markdown reports (the version and
/// ` -->` follow).
pub const GENERATOR_COMMENT: &str = "<!-- generator: crosscheck";

/// How far into a file the mark is looked for (a report writes it in its head).
const HEAD_BYTES: usize = 2048;

/// Whether `bytes` open like a report crosscheck wrote: its Markdown first line,
/// or its HTML generator tag near the start.
#[must_use]
pub fn is_report(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(GENERATOR_COMMENT.as_bytes()) {
        return true;
    }
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    head.windows(GENERATOR_META.len())
        .any(|w| w.eq_ignore_ascii_case(GENERATOR_META.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_recognised_by_their_generator_mark() {
        assert!(is_report(
            b"<!doctype html><head><meta name=\"generator\" content=\"crosscheck 0.1.0\">"
        ));
        assert!(is_report(b"<!-- generator: crosscheck 0.1.0 -->\n# A"));
    }

    #[test]
    fn articles_mentioning_crosscheck_are_not_reports() {
        assert!(!is_report(
            b"<html><meta name=\"generator\" content=\"WordPress 6\">"
        ));
        assert!(!is_report(
            b"We ran crosscheck on it.\n<!-- generator: crosscheck -->"
        ));
        let late = format!(
            "<html>{}<meta name=\"generator\" content=\"crosscheck\">",
            " ".repeat(4096)
        );
        assert!(!is_report(late.as_bytes()), "only a head counts");
    }
}
