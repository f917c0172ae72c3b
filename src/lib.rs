//! crosscheck: compare how different outlets covered the same story.
//!
//! The engine ([`corpus`], [`text`], [`compare`]) is pure and terminal-free;
//! [`cli`] and [`tui`] render its results.

pub mod cli;
pub mod compare;
pub mod corpus;
pub mod error;
pub mod exit;
pub mod pair;
pub mod sanitize;
pub mod text;
pub mod tui;

pub use error::{Error, Result};
