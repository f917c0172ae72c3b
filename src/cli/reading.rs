//! Opening the reader from the command line: the flags and the config file's
//! settings turned into the reader's options.

use super::MatchArgs;
use super::settings::Settings;
use crate::compare::CompareOptions;
use crate::corpus::load_paths;
use crate::terminal::Facts;
use crate::text::MatchOptions;
use std::path::PathBuf;

/// How the reader opens.
pub struct Reading {
    /// Watch the folders for changes.
    watch: bool,
    terminal: Facts,
    matching: MatchOptions,
    settings: Settings,
}

impl Reading {
    /// The config's ignore mode is the reader's first, unless flags choose one.
    #[must_use]
    pub fn new(flags: MatchArgs, watch: bool, terminal: Facts, settings: Settings) -> Self {
        let matching = match settings.config.ignore {
            Some(ignore) if !flags.any() => ignore,
            _ => flags.options(),
        };
        Self {
            watch,
            terminal,
            matching,
            settings,
        }
    }
}

/// Opens the reader on `paths`. Local files are loaded while it runs (each path
/// must exist first); the bundled sample, URLs, or output that is not a terminal
/// are loaded before it opens.
///
/// # Errors
/// What loading or the reader fails with.
#[cfg(feature = "tui")]
pub fn open(
    paths: &[PathBuf],
    reading: Reading,
    load: crate::corpus::LoadOptions,
) -> anyhow::Result<()> {
    let Reading {
        watch,
        terminal,
        matching,
        settings,
    } = reading;
    let streamed = terminal.interactive()
        && !paths.is_empty()
        && !paths.iter().any(|p| crate::corpus::load::is_url(p));
    let input = if streamed {
        for path in paths {
            std::fs::metadata(path).map_err(|source| crate::Error::Read {
                path: path.clone(),
                source,
            })?;
        }
        crate::tui::Input::Files(paths.to_vec())
    } else {
        crate::tui::Input::Loaded(load_paths(paths, &load)?)
    };
    let options = crate::tui::TuiOptions {
        theme: crate::tui::theme::Theme::new(settings.theme(&terminal)),
        keymap: settings.keymap,
        sidebar_width: settings.config.sidebar_width,
        notice: settings.warning,
        terminal,
        compare: CompareOptions {
            matching,
            ..CompareOptions::default()
        },
        watch: crate::tui::watch::Roots::new(if watch { paths } else { &[] }),
        load: crate::corpus::LoadOptions {
            progress: None,
            ..load
        },
    };
    crate::tui::run(input, &options)
}

/// Without the `tui` feature there is no reader to open.
#[cfg(not(feature = "tui"))]
pub fn open(_: &[PathBuf], _: Reading, _: crate::corpus::LoadOptions) -> anyhow::Result<()> {
    anyhow::bail!(
        "this crosscheck was built without the reader (Cargo feature `tui`); run a command such as `crosscheck list`"
    )
}
