//! Styles of plain output: each meaning one style from the shared palette, or none
//! when colors are off.

use crate::present::{Hue, Palette};
use crate::sanitize::inert;
use crossterm::style::{Attribute, Color, StyledContent, Stylize};
use std::fmt::Write as _;

/// Applies styles to plain output, or nothing when colors are off.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    /// The palette ANSI styles are written in; none when colors are off.
    pub palette: Option<&'static Palette>,
}

/// The meanings plain output gives a style to (colors from the [`Palette`]).
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    /// Headings and labels.
    Heading,
    /// Secondary information.
    Dim,
    /// Words only in the left article.
    Deleted,
    /// Words only in the right article.
    Inserted,
    /// A word both articles have, written differently.
    Near,
    /// Quoted words.
    Quote,
    /// A cell of the similarity heat map at this level of [`crate::present::heat_level`].
    Heat(usize),
    /// Text partly derived from another article.
    Warning,
    /// Text derived from another article.
    Alarm,
}

impl Painter {
    /// The painter that writes no styles.
    pub const PLAIN: Self = Self { palette: None };

    /// Appends `text` to `out` as one heading line cut to `width` columns.
    pub fn heading_line(self, out: &mut String, text: &str, width: usize) {
        self.paint_into(out, Paint::Heading, &crate::present::fit(text, width));
        out.push('\n');
    }

    /// `text` made inert and styled as `paint`.
    #[must_use]
    pub fn paint(self, paint: Paint, text: &str) -> String {
        let mut out = String::new();
        self.paint_into(&mut out, paint, text);
        out
    }

    /// Appends `text` to `out`, made inert and styled as `paint`.
    pub fn paint_into(self, out: &mut String, paint: Paint, text: &str) {
        let text = inert(text);
        let Some(palette) = self.palette else {
            out.push_str(&text);
            return;
        };
        let _ = write!(out, "{}", styled(palette, paint, text.as_ref().stylize()));
    }
}

/// `text` in the style of `paint`.
fn styled<'t>(
    palette: &Palette,
    paint: Paint,
    text: StyledContent<&'t str>,
) -> StyledContent<&'t str> {
    match paint {
        Paint::Heading => text.attribute(Attribute::Bold),
        Paint::Dim => text.with(color(palette.secondary)),
        Paint::Deleted => text
            .with(color(palette.deleted))
            .attribute(Attribute::CrossedOut),
        Paint::Inserted => text
            .with(color(palette.inserted))
            .attribute(Attribute::Underlined),
        Paint::Near => text.with(color(palette.near)),
        Paint::Quote => text.with(color(palette.quote)),
        Paint::Heat(level) => {
            let ink = palette.heat[level.min(palette.heat.len() - 1)];
            match ink.bg {
                Some(bg) => text.with(color(ink.fg)).on(color(bg)),
                None => text.with(color(ink.fg)),
            }
        }
        Paint::Warning => text.with(color(palette.warning)),
        Paint::Alarm => text.with(color(palette.alarm)).attribute(Attribute::Bold),
    }
}

/// The terminal color of a palette hue.
const fn color(hue: Hue) -> Color {
    match hue {
        Hue::Black => Color::Black,
        Hue::Red => Color::DarkRed,
        Hue::Green => Color::DarkGreen,
        Hue::Yellow => Color::DarkYellow,
        Hue::Blue => Color::DarkBlue,
        Hue::Magenta => Color::DarkMagenta,
        Hue::Cyan => Color::DarkCyan,
        Hue::White => Color::Grey,
        Hue::DarkGray => Color::DarkGrey,
        Hue::LightRed => Color::Red,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn painter_without_color_writes_no_escape() {
        let p = Painter::PLAIN;
        assert_eq!(p.paint(Paint::Deleted, "gone\x1b[2J"), "gone\u{FFFD}[2J");
    }

    #[test]
    fn painter_colors_come_from_the_palette() {
        let p = Painter {
            palette: Some(&crate::present::PALETTE),
        };
        let quote = p.paint(Paint::Quote, "q");
        let expected = "q"
            .stylize()
            .with(color(crate::present::PALETTE.quote))
            .to_string();
        assert_eq!(quote, expected);
        let light = Painter {
            palette: Some(&crate::present::LIGHT_PALETTE),
        };
        let near = light.paint(Paint::Near, "n");
        let expected = "n"
            .stylize()
            .with(color(crate::present::LIGHT_PALETTE.near))
            .to_string();
        assert_eq!(near, expected);
        assert_ne!(near, p.paint(Paint::Near, "n"), "light and dark differ");
        let top = p.paint(Paint::Heat(crate::present::HEAT_LEVELS - 1), "x");
        assert!(
            top.contains("48;5;"),
            "the hottest cell has a background: {top:?}"
        );
    }
}
