//! The `crosscheck` binary: parse arguments, run a command or the reader, map errors to exit codes.

use std::process::ExitCode;

/// mimalloc: a pair compare makes many small, short-lived vectors.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    crosscheck::cli::main()
}
