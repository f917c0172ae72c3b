//! Presentation shared by the command line and the reader (as difftastic's
//! `display/style.rs`): text measured in terminal columns, short outlet names,
//! the marks both draw, the heat scale and the semantic palette. Pure and
//! terminal-free: each front end turns a [`Hue`] into its own library's color.

pub mod layers;
pub mod marks;
pub mod names;
pub mod palette;
pub mod text;

pub use marks::{
    CONFLICT, HEAT_LEVELS, HEAT_SHADES, Source, citation, heat_level, marker_label, quoted,
    reuse_mark, status_label, status_mark,
};
pub use names::short_names;
pub use palette::{Hue, Ink, LIGHT_PALETTE, PALETTE, Palette};
pub use text::{
    ELLIPSIS, count, cut, display, fit, head_words, one_line, pad_end, pad_start, tail_words,
    width, wrap,
};
