//! Errors of the reader itself (the engine's are [`crate::Error`]).

/// Why the reader ended without the user quitting it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The interactive reader was started without a terminal.
    #[error(
        "the reader needs a terminal; for plain output use `crosscheck list` or `crosscheck compare A B`"
    )]
    NotATerminal,
    /// The reader was stopped by a signal (SIGTERM, SIGHUP) or its terminal hung up;
    /// the terminal was restored. The process exits with 128 + the signal number.
    #[error("stopped by signal {0}")]
    Stopped(i32),
}

impl Error {
    /// The binary's exit code for this error.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::NotATerminal => crate::exit::USAGE,
            Self::Stopped(signal) => crate::exit::signalled(*signal),
        }
    }
}
