//! The `crosscheck` binary: parse arguments, run a command or the reader, map errors to exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    crosscheck::cli::main()
}
