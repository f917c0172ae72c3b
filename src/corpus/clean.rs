//! Cleaning scraped article text; every removal is recorded. (Placeholder: identity.)

use super::Removal;

/// Options for cleaning.
#[derive(Debug, Clone, Default)]
pub struct CleanOptions {}

/// Returns the clean text and the removals that produced it from `raw`.
#[must_use]
pub fn clean(raw: &str, _options: &CleanOptions) -> (String, Vec<Removal>) {
    (raw.to_string(), Vec::new())
}
