//! The semantic colors of crosscheck, named for what they mean. The reader's
//! theme and the plain painter both read [`PALETTE`] (or [`LIGHT_PALETTE`], the
//! config's `theme = "light"`); each front end adds its own
//! modifiers (bold, underline…) and converts a [`Hue`] to its terminal library's
//! color. Named ANSI colors, so they follow the user's terminal scheme and read on
//! dark and light backgrounds.

use super::marks::HEAT_LEVELS;
use crate::config::ThemeName;

/// A named ANSI color.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hue {
    /// ANSI black.
    Black,
    /// ANSI red.
    Red,
    /// ANSI green.
    Green,
    /// ANSI yellow.
    Yellow,
    /// ANSI blue.
    Blue,
    /// ANSI magenta.
    Magenta,
    /// ANSI cyan.
    Cyan,
    /// ANSI white (light gray).
    White,
    /// ANSI bright black (dark gray).
    DarkGray,
    /// ANSI bright red.
    LightRed,
}

/// A foreground color and an optional background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    /// Color of the text.
    pub fg: Hue,
    /// Color behind it.
    pub bg: Option<Hue>,
}

impl Ink {
    /// Text in `fg` on the terminal's background.
    #[must_use]
    pub const fn fg(fg: Hue) -> Self {
        Self { fg, bg: None }
    }

    /// Text in `fg` on `bg`.
    #[must_use]
    pub const fn on(fg: Hue, bg: Hue) -> Self {
        Self { fg, bg: Some(bg) }
    }
}

/// Every color crosscheck uses, by meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Secondary text: dates, counts, hints, legends, unfocused borders.
    pub secondary: Hue,
    /// What has focus or is picked: the focused border, the `L`/`R` markers.
    pub accent: Hue,
    /// Words only in the left article.
    pub deleted: Hue,
    /// Words only in the right article.
    pub inserted: Hue,
    /// Words both articles have, written differently (near differences).
    pub near: Hue,
    /// Quoted words and shared-quote markers.
    pub quote: Hue,
    /// Text on a colored background (markers, search hits).
    pub on_color: Hue,
    /// Background of a search hit and of the quote last jumped to.
    pub highlight: Hue,
    /// Background of the search hit last jumped to.
    pub current: Hue,
    /// Warnings and messages; text partly derived from another article.
    pub warning: Hue,
    /// Text derived from another article (wire copy).
    pub alarm: Hue,
    /// Similarity heat scale, least to most similar.
    pub heat: [Ink; HEAT_LEVELS],
}

/// The palette (for dark backgrounds, and the default).
pub const PALETTE: Palette = Palette {
    secondary: Hue::DarkGray,
    accent: Hue::Cyan,
    deleted: Hue::Red,
    inserted: Hue::Green,
    near: Hue::Yellow,
    quote: Hue::Magenta,
    on_color: Hue::Black,
    highlight: Hue::Yellow,
    current: Hue::LightRed,
    warning: Hue::Yellow,
    alarm: Hue::Red,
    heat: [
        Ink::fg(Hue::DarkGray),
        Ink::on(Hue::White, Hue::Blue),
        Ink::on(Hue::Black, Hue::Cyan),
        Ink::on(Hue::Black, Hue::Yellow),
        Ink::on(Hue::White, Hue::Red),
    ],
};

/// The palette for light backgrounds: blue where the dark one writes yellow or
/// cyan text, which fade on white.
pub const LIGHT_PALETTE: Palette = Palette {
    accent: Hue::Blue,
    near: Hue::Blue,
    warning: Hue::Red,
    ..PALETTE
};

impl Palette {
    /// The palette of a theme; none for `no-color`.
    #[must_use]
    pub const fn of(theme: ThemeName) -> Option<&'static Self> {
        match theme {
            ThemeName::Dark => Some(&PALETTE),
            ThemeName::Light => Some(&LIGHT_PALETTE),
            ThemeName::NoColor => None,
        }
    }
}
