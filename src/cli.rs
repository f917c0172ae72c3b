//! Command-line interface: argument definitions and the non-interactive commands.
