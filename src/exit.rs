//! Exit codes of the binary, shared by the CLI and the reader (which exits on a hangup).

/// Success.
pub const OK: u8 = 0;
/// A runtime failure (terminal or output I/O).
pub const FAILURE: u8 = 1;
/// Bad usage or bad input: missing path, nothing loadable, unknown article, no terminal.
pub const USAGE: u8 = 2;

/// The shell's code for a process stopped by `signal`: 128 + its number.
#[must_use]
pub fn signalled(signal: i32) -> u8 {
    u8::try_from(128 + signal.clamp(0, 127)).unwrap_or(FAILURE)
}
