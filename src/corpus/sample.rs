//! The bundled sample coverage, embedded in the binary.

use include_dir::{Dir, include_dir};

/// The files of `assets/articles/` (articles and their `sources.toml`).
pub static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/articles");

/// Name shown for the bundled sample in messages.
pub const SAMPLE_NAME: &str = "sample";
