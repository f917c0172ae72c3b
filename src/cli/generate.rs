//! Files generated from the clap definitions: shell completions and the man page.

use super::Cli;
use clap::CommandFactory;

/// The completion script for `shell`.
#[must_use]
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "crosscheck", &mut out);
    out
}

/// Sections clap does not know about: the environment and the exit codes (roff).
const EXTRA_SECTIONS: &str = r".SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, output and the reader use no colors (as \fB\-\-no\-color\fR).
.TP
\fBCROSSCHECK_CONFIG\fR
The config file to read instead of \fI$XDG_CONFIG_HOME/crosscheck/config.toml\fR
(theme, the reader's ignore mode, sidebar width, keys; \fB\-\-no\-config\fR ignores it).
.TP
\fBCROSSCHECK_CACHE\fR
The cache folder for fetched pages and extracted text (\fB\-\-cache\-dir\fR wins).
.SH EXIT STATUS
.TP
\fB0\fR
Success.
.TP
\fB1\fR
A runtime failure (terminal or output I/O).
.TP
\fB2\fR
Bad usage or bad input: a missing path, nothing loadable, an unknown article, no terminal.
.TP
\fB128+N\fR
The reader was stopped by signal N.
";

/// The man page in roff: clap's sections (name, synopsis, options, commands,
/// version) and [`EXTRA_SECTIONS`].
///
/// # Errors
/// Only if writing into memory fails, which it does not.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.extend_from_slice(EXTRA_SECTIONS.as_bytes());
    Ok(out)
}
