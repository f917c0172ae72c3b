//! crosscheck: compare how different outlets covered the same story.
//!
//! The engine ([`corpus`], [`text`], [`compare`]) is pure and terminal-free and
//! needs no Cargo feature; the `cli` feature adds [`cli`] (and the binary), the
//! `tui` feature the reader, [`tui`]. Both draw with [`present`] (text measured in
//! columns, marks, palette) and read the [`terminal`] facts once.

#[cfg(feature = "cli")]
pub mod cli;
pub mod compare;
pub mod config;
pub mod corpus;
pub mod error;
pub mod exit;
pub mod pair;
pub mod present;
pub mod sanitize;
#[cfg(any(feature = "cli", feature = "tui"))]
pub mod terminal;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;

pub use error::{Error, Result};
