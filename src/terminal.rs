//! What the process knows about its terminal, read once at start-up and passed on
//! (as delta's `DeltaEnv` and difftastic's color choice are).

use std::io::IsTerminal;

/// The terminal facts plain output and the reader depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// Colors are off: `--no-color`, or `NO_COLOR` set to something.
    pub no_color: bool,
    /// Standard input is a terminal.
    pub stdin_tty: bool,
    /// Standard output is a terminal.
    pub stdout_tty: bool,
    /// Standard error is a terminal (where progress bars go).
    pub stderr_tty: bool,
    /// Columns of the terminal on standard output, when it is one and tells.
    pub columns: Option<u16>,
}

impl Facts {
    /// Reads the environment and the standard streams; `no_color_flag` is `--no-color`.
    #[must_use]
    pub fn read(no_color_flag: bool) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        Self {
            no_color: no_color_flag || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            stdin_tty: std::io::stdin().is_terminal(),
            stdout_tty,
            stderr_tty: std::io::stderr().is_terminal(),
            columns: stdout_tty
                .then(|| crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten(),
        }
    }

    /// Whether plain output is styled: it goes to a terminal and colors are not off.
    #[must_use]
    pub const fn color(&self) -> bool {
        self.stdout_tty && !self.no_color
    }

    /// Whether the interactive reader can run: input and output are a terminal.
    #[must_use]
    pub const fn interactive(&self) -> bool {
        self.stdin_tty && self.stdout_tty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(no_color: bool, stdout_tty: bool) -> Facts {
        Facts {
            no_color,
            stdin_tty: true,
            stdout_tty,
            stderr_tty: false,
            columns: None,
        }
    }

    #[test]
    fn color_needs_a_terminal_and_no_opt_out() {
        assert!(facts(false, true).color());
        assert!(!facts(true, true).color());
        assert!(!facts(false, false).color());
    }

    #[test]
    fn the_reader_needs_both_ends_on_a_terminal() {
        assert!(facts(false, true).interactive());
        assert!(!facts(false, false).interactive());
        let piped_in = Facts {
            stdin_tty: false,
            ..facts(false, true)
        };
        assert!(!piped_in.interactive());
    }
}
