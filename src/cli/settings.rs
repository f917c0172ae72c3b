//! The config file as the binary uses it: read once at start-up and checked whole
//! (key overrides against the keymap too); a bad file is one warning line, and
//! everything runs with the defaults.

use super::plain::Painter;
use crate::config::{self, Config, ThemeName};
use crate::present::Palette;
use crate::terminal::Facts;
use std::path::Path;

/// The settings in force, and what was wrong with the file if it was not used.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The config file's settings (the defaults when there is none or it is bad).
    pub config: Config,
    /// The reader's keys, with the config's overrides.
    #[cfg(feature = "tui")]
    pub keymap: Vec<crate::tui::keymap::Binding>,
    /// One line saying why the config file was not used.
    pub warning: Option<String>,
}

impl Settings {
    /// The settings of the config file [`config::locate`] finds (none with `skip`,
    /// `--no-config`).
    #[must_use]
    pub fn load(skip: bool) -> Self {
        config::locate(skip).map_or_else(Self::defaults, |path| Self::read(&path))
    }

    /// The settings of the file at `path`, or the defaults and a warning.
    #[must_use]
    pub fn read(path: &Path) -> Self {
        match Self::check(path) {
            Ok(settings) => settings,
            Err(error) => Self {
                warning: Some(format!("{error}; using the defaults")),
                ..Self::defaults()
            },
        }
    }

    fn check(path: &Path) -> Result<Self, config::Error> {
        let config = Config::load(path)?;
        Ok(Self {
            #[cfg(feature = "tui")]
            keymap: crate::tui::keymap::configured(&config)?,
            config,
            warning: None,
        })
    }

    fn defaults() -> Self {
        Self {
            config: Config::default(),
            #[cfg(feature = "tui")]
            keymap: crate::tui::keymap::keymap(),
            warning: None,
        }
    }

    /// The theme in force on `terminal`: `no-color` when colors are off.
    #[must_use]
    pub fn theme(&self, terminal: &Facts) -> ThemeName {
        if terminal.no_color {
            ThemeName::NoColor
        } else {
            self.config.theme
        }
    }

    /// How plain output paints: in the theme's palette, plain when it is not on a terminal.
    #[must_use]
    pub fn painter(&self, terminal: &Facts) -> Painter {
        Painter {
            palette: Palette::of(self.theme(terminal)).filter(|_| terminal.color()),
        }
    }

    /// Says on stderr why the config file was not used, if it was not (for a command;
    /// the reader says it in its status bar).
    pub fn warn(&self) {
        if let Some(warning) = &self.warning {
            eprintln!("crosscheck: warning: {}", crate::sanitize::inert(warning));
        }
    }
}
