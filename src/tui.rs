//! The full-screen terminal reader.

use crate::compare::CompareOptions;
use crate::corpus::Corpus;

/// Options for the reader, from the command line.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// Render without colors (also when `NO_COLOR` is set).
    pub no_color: bool,
    /// How pairs are compared.
    pub compare: CompareOptions,
}

/// Runs the reader on `corpus` until the user quits; restores the terminal on every path.
///
/// # Errors
/// Terminal I/O failures.
pub fn run(corpus: Corpus, options: &TuiOptions) -> anyhow::Result<()> {
    let _ = (corpus, options);
    Ok(())
}
