//! Line patterns of scraped news boilerplate: pure predicates on one line of text.
//!
//! Every pattern describes real-world page residue in general (credits, bylines,
//! player controls, appeals); none is keyed to particular articles.

mod appeals;
mod bylines;
mod credits;
mod dates;
mod gates;
mod headlines;
mod images;
mod metadata;
mod residue;
mod stamps;

pub use appeals::is_appeal_trigger;
pub use bylines::{is_byline, is_lone_name, is_name_list};
pub use credits::is_credit;
pub use dates::{find_iso_date, find_written_date};
pub use gates::Probe;
pub use headlines::{headline_text, is_headline, is_section_label};
pub use images::{images, is_image_url};
pub use metadata::leading_metadata_len;
pub use residue::{is_consent, is_navigation, is_notice, is_stamp_line, is_tag_label, is_tag_line};
pub use stamps::is_timestamp;

/// More than `max` characters (cheap for long lines: a char is at most 4 bytes).
fn longer_than(s: &str, max: usize) -> bool {
    s.len() > max && (s.len() > max * 4 || s.chars().count() > max)
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn starts_with_any(s: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| s.starts_with(p))
}

/// `s` starts with `prefix` followed by a word boundary ("subscribe" ≠ "subscribers").
fn starts_with_word(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric) || prefix.ends_with(' '))
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Strips closing quotes and brackets from the end of `s`.
fn trim_closers(s: &str) -> &str {
    s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_'])
}
