//! Semantic styles; a colored theme (from the shared [`crate::present::PALETTE`]) and a
//! no-color one (bold/underline/reverse only).

use crate::compare::{DiffTag, MatchKind};
use crate::config::ThemeName;
use crate::present::layers::Marks;
use crate::present::{HEAT_LEVELS, HEAT_SHADES, Hue, Ink, PALETTE, Palette};
use ratatui::style::{Color, Modifier, Style};

/// Every style the reader uses, named for what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Plain article text.
    pub text: Style,
    /// Secondary text (dates, counts, hints).
    pub dim: Style,
    /// Border of an unfocused block.
    pub border: Style,
    /// Border of the focused block.
    pub border_focused: Style,
    /// Block titles.
    pub title: Style,
    /// The sidebar row under the cursor.
    pub cursor: Style,
    /// The sidebar row under the cursor while a pane has focus.
    pub cursor_unfocused: Style,
    /// A sentence a corpus view jumped to.
    pub spotlight: Style,
    /// The `L`/`R` markers in the sidebar.
    pub side_marker: Style,
    /// Words only in the left article.
    pub diff_delete: Style,
    /// Words only in the right article.
    pub diff_insert: Style,
    /// A word both articles have, written differently.
    pub near: Style,
    /// The characters that differ inside such a word.
    pub near_emphasis: Style,
    /// Words of a shared passage (added on top of the diff style).
    pub passage: Style,
    /// Words of an exactly shared quote.
    pub quote_exact: Style,
    /// Words of a nearly shared quote.
    pub quote_near: Style,
    /// Words of a partly shared quote.
    pub quote_partial: Style,
    /// The `[n]` marker of a shared quote.
    pub quote_marker: Style,
    /// The marker of the quote last jumped to.
    pub quote_marker_current: Style,
    /// A search hit.
    pub search_hit: Style,
    /// The search hit last jumped to.
    pub search_current: Style,
    /// Text that cleaning removed (raw view).
    pub removed: Style,
    /// Rows standing for text only the other article has.
    pub filler: Style,
    /// The gutter mark of the change or quote last jumped to.
    pub gutter_target: Style,
    /// The gutter mark of a sentence or quote that moved.
    pub moved: Style,
    /// The status bar.
    pub status: Style,
    /// Key names in hints.
    pub key: Style,
    /// Warnings and messages.
    pub warning: Style,
    /// Similarity map cells, least to most similar.
    pub heat: [Style; HEAT_LEVELS],
    /// A character before each map cell's number, by level (blank when colors shade).
    pub heat_marks: [char; HEAT_LEVELS],
}

const NONE: Style = Style::new();

/// The terminal color of a palette hue.
const fn color(hue: Hue) -> Color {
    match hue {
        Hue::Black => Color::Black,
        Hue::Red => Color::Red,
        Hue::Green => Color::Green,
        Hue::Yellow => Color::Yellow,
        Hue::Blue => Color::Blue,
        Hue::Magenta => Color::Magenta,
        Hue::Cyan => Color::Cyan,
        Hue::White => Color::White,
        Hue::DarkGray => Color::DarkGray,
        Hue::LightRed => Color::LightRed,
    }
}

/// The style of a palette ink.
const fn ink(ink: Ink) -> Style {
    let style = Style::new().fg(color(ink.fg));
    match ink.bg {
        Some(bg) => style.bg(color(bg)),
        None => style,
    }
}

impl Theme {
    /// The colored theme: the shared [`PALETTE`] with the reader's modifiers.
    #[must_use]
    pub const fn color() -> Self {
        Self::colored(&PALETTE)
    }

    /// The reader's modifiers on the colors of `palette`.
    #[must_use]
    pub const fn colored(palette: &Palette) -> Self {
        let p = *palette;
        let secondary = Style::new().fg(color(p.secondary));
        let bold = Modifier::BOLD;
        let [h0, h1, h2, h3, h4] = p.heat;
        Self {
            text: NONE,
            dim: secondary,
            border: secondary,
            border_focused: Style::new().fg(color(p.accent)),
            title: Style::new().add_modifier(bold),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().bg(color(p.secondary)),
            spotlight: Style::new().bg(color(p.secondary)),
            side_marker: Style::new().fg(color(p.accent)).add_modifier(bold),
            diff_delete: Style::new().fg(color(p.deleted)),
            diff_insert: Style::new().fg(color(p.inserted)),
            near: Style::new().fg(color(p.near)),
            near_emphasis: Style::new()
                .fg(color(p.near))
                .add_modifier(bold.union(Modifier::UNDERLINED)),
            passage: Style::new().add_modifier(Modifier::UNDERLINED),
            quote_exact: Style::new().fg(color(p.quote)).add_modifier(bold),
            quote_near: Style::new().fg(color(p.quote)),
            quote_partial: Style::new()
                .fg(color(p.quote))
                .add_modifier(Modifier::ITALIC),
            quote_marker: Style::new()
                .fg(color(p.on_color))
                .bg(color(p.quote))
                .add_modifier(bold),
            quote_marker_current: Style::new()
                .fg(color(p.on_color))
                .bg(color(p.highlight))
                .add_modifier(bold),
            search_hit: Style::new().fg(color(p.on_color)).bg(color(p.highlight)),
            search_current: Style::new()
                .fg(color(p.on_color))
                .bg(color(p.current))
                .add_modifier(bold),
            removed: secondary.add_modifier(Modifier::CROSSED_OUT),
            filler: secondary,
            gutter_target: Style::new().fg(color(p.accent)).add_modifier(bold),
            moved: Style::new().fg(color(p.accent)),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(bold),
            warning: Style::new().fg(color(p.warning)).add_modifier(bold),
            heat: [
                ink(h0),
                ink(h1),
                ink(h2),
                ink(h3),
                ink(h4).add_modifier(bold),
            ],
            heat_marks: [' '; HEAT_LEVELS],
        }
    }

    /// The no-color theme (`NO_COLOR`, `--no-color`): modifiers only.
    #[must_use]
    pub const fn no_color() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            text: NONE,
            dim: NONE,
            border: NONE,
            border_focused: bold,
            title: bold,
            cursor: reversed,
            cursor_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            spotlight: Style::new().add_modifier(Modifier::REVERSED),
            side_marker: bold,
            diff_delete: bold,
            diff_insert: bold,
            near: NONE,
            near_emphasis: reversed,
            passage: Style::new().add_modifier(Modifier::UNDERLINED),
            quote_exact: Style::new().add_modifier(Modifier::BOLD.union(Modifier::ITALIC)),
            quote_near: Style::new().add_modifier(Modifier::ITALIC),
            quote_partial: Style::new().add_modifier(Modifier::ITALIC),
            quote_marker: reversed,
            quote_marker_current: Style::new()
                .add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
            search_hit: reversed,
            search_current: Style::new()
                .add_modifier(Modifier::REVERSED.union(Modifier::UNDERLINED)),
            removed: Style::new().add_modifier(Modifier::CROSSED_OUT),
            filler: NONE,
            gutter_target: bold,
            moved: NONE,
            status: reversed,
            key: bold,
            warning: bold,
            heat: [NONE, NONE, NONE, bold, bold],
            heat_marks: HEAT_SHADES,
        }
    }

    /// The theme of a config's name (`no-color` also for `--no-color`, `NO_COLOR`).
    #[must_use]
    pub const fn new(theme: ThemeName) -> Self {
        match Palette::of(theme) {
            Some(palette) => Self::colored(palette),
            None => Self::no_color(),
        }
    }

    /// Border style of a block, by focus.
    #[must_use]
    pub const fn border(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }

    /// Style of quote words of this kind.
    #[must_use]
    pub const fn quote(&self, kind: MatchKind) -> Style {
        match kind {
            MatchKind::Exact => self.quote_exact,
            MatchKind::Near => self.quote_near,
            MatchKind::Partial => self.quote_partial,
        }
    }

    /// Style of a text piece from its marks: quote first, then the diff color on
    /// top (words that differ inside a quote keep their diff color), then passage,
    /// removal and search highlights.
    #[must_use]
    pub fn text_style(&self, marks: &Marks, current_hit: bool) -> Style {
        let mut style = self.text;
        if let Some(kind) = marks.quote {
            style = style.patch(self.quote(kind));
        }
        match marks.diff {
            Some(DiffTag::Delete) => style = style.patch(self.diff_delete),
            Some(DiffTag::Insert) => style = style.patch(self.diff_insert),
            Some(DiffTag::Equal | DiffTag::Near) | None => {}
        }
        if marks.near.is_some() {
            style = style.patch(self.near);
        }
        if marks.emphasis {
            style = style.patch(self.near_emphasis);
        }
        if marks.passage {
            style = style.patch(self.passage);
        }
        if marks.removed {
            style = style.patch(self.removed);
        }
        if marks.spotlight {
            style = style.patch(self.spotlight);
        }
        if marks.hit {
            style = style.patch(if current_hit {
                self.search_current
            } else {
                self.search_hit
            });
        }
        style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_has_no_colors() {
        let t = Theme::no_color();
        for style in [
            t.text_style(
                &Marks {
                    diff: Some(DiffTag::Delete),
                    near: Some(true),
                    emphasis: true,
                    quote: Some(MatchKind::Near),
                    passage: true,
                    hit: true,
                    removed: true,
                    spotlight: true,
                },
                true,
            ),
            t.quote_marker,
            t.status,
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }

    #[test]
    fn diff_color_wins_inside_a_quote() {
        let t = Theme::color();
        let marks = Marks {
            diff: Some(DiffTag::Insert),
            quote: Some(MatchKind::Exact),
            ..Marks::default()
        };
        let style = t.text_style(&marks, false);
        assert_eq!(style.fg, Some(Color::Green));
        assert!(style.add_modifier.contains(Modifier::BOLD));
    }
}
