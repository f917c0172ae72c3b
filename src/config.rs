//! The user's settings file, `config.toml`: the theme (reader and plain output),
//! the reader's first ignore mode, its sidebar width, and key overrides (checked
//! against the keymap by the reader, see `tui::keymap::configured`).
//!
//! Where it is: `$CROSSCHECK_CONFIG`, else `config.toml` in the user's config folder
//! (`$XDG_CONFIG_HOME/crosscheck/`, `~/.config/crosscheck/` on Linux). It never
//! changes what `--json` prints: scripts stay reproducible.

use crate::text::MatchOptions;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::{Spanned, Value};

/// The environment variable naming another config file.
pub const ENV: &str = "CROSSCHECK_CONFIG";
/// The settings a config file may hold, as the file spells them.
pub const SETTINGS: [&str; 4] = ["theme", "ignore", "sidebar-width", "keys"];
/// The narrowest and widest sidebar a config may ask for, in columns.
pub const SIDEBAR_WIDTH: (u16, u16) = (16, 80);
/// The differences `ignore = [...]` may name, with the option each turns on.
const IGNORABLE: [&str; 5] = [
    "case",
    "punctuation",
    "quote-style",
    "number-words",
    "spelling",
];

/// The colors of the reader and of plain output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    /// Colors chosen for a dark background (the default).
    #[default]
    Dark,
    /// Colors chosen for a light background.
    Light,
    /// No colors: bold, underline and reverse only (as `--no-color`).
    NoColor,
}

impl ThemeName {
    const NAMES: [(&'static str, Self); 3] = [
        ("dark", Self::Dark),
        ("light", Self::Light),
        ("no-color", Self::NoColor),
    ];
}

/// One `[keys]` entry: `"x" = "swap"` binds the key `x` to the action `swap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The key as written (`x`, `C-n`, `Enter`, `PgDn`).
    pub key: String,
    /// The action's name (`swap`, `next-quote`), or `none` to unbind the key.
    pub action: String,
    /// The line of the entry in the file (1-based).
    pub line: usize,
}

/// The settings read from a config file; the default is no file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file the settings came from.
    pub path: Option<PathBuf>,
    /// The theme.
    pub theme: ThemeName,
    /// The differences the reader ignores when it opens (command-line flags win).
    pub ignore: Option<MatchOptions>,
    /// The sidebar's width in columns (the reader still keeps it under 3/10 of the screen).
    pub sidebar_width: Option<u16>,
    /// Key overrides, in file order.
    pub keys: Vec<KeyOverride>,
}

/// What is wrong with a config file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read config '{path}': {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A line of the file is wrong.
    #[error("{path}:{line}: {problem}")]
    At {
        /// The file.
        path: PathBuf,
        /// The line (1-based).
        line: usize,
        /// What is wrong there.
        problem: Problem,
    },
}

/// What is wrong on one line of a config file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not TOML.
    #[error("not valid TOML: {0}")]
    Syntax(String),
    /// A setting crosscheck does not know.
    #[error("unknown setting '{0}' (known: theme, ignore, sidebar-width, keys)")]
    UnknownSetting(String),
    /// A theme crosscheck does not have.
    #[error("unknown theme '{0}' (known: dark, light, no-color)")]
    UnknownTheme(String),
    /// A difference `ignore` cannot name.
    #[error(
        "unknown ignore '{0}' (known: all, none, or a list of case, punctuation, quote-style, number-words, spelling)"
    )]
    UnknownIgnore(String),
    /// A key name the reader does not know.
    #[error("unknown key '{0}' (write x, C-x, Enter, Esc, Tab, Space, PgDn, Up…)")]
    UnknownKey(String),
    /// An action that is not in the reader's keymap.
    #[error("unknown action '{0}'")]
    UnknownAction(String),
    /// A setting with a value of the wrong kind or range.
    #[error("'{setting}' must be {expected}")]
    BadValue {
        /// The setting.
        setting: &'static str,
        /// What it must be.
        expected: &'static str,
    },
}

impl Error {
    /// An error at byte `offset` of `text` in the file `path`.
    #[must_use]
    pub fn at(path: &Path, text: &str, offset: usize, problem: Problem) -> Self {
        Self::At {
            path: path.to_path_buf(),
            line: line_of(text, offset),
            problem,
        }
    }

    /// An error at `line` of the file `path`.
    #[must_use]
    pub fn at_line(path: &Path, line: usize, problem: Problem) -> Self {
        Self::At {
            path: path.to_path_buf(),
            line,
            problem,
        }
    }
}

/// The config file to read: none with `--no-config` (`skip`), else `$CROSSCHECK_CONFIG`
/// when set and not empty, else `config.toml` in the user's config folder if it exists.
#[must_use]
pub fn locate(skip: bool) -> Option<PathBuf> {
    if skip {
        return None;
    }
    if let Some(path) = std::env::var_os(ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let dirs = directories::ProjectDirs::from("", "", "crosscheck")?;
    Some(dirs.config_dir().join("config.toml")).filter(|p| p.is_file())
}

impl Config {
    /// Reads and checks the file at `path` (key names are checked by the reader).
    ///
    /// # Errors
    /// [`Error::Read`] when it cannot be read, [`Error::At`] naming the first wrong line.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    /// Parses `text`, the content of the file `path`.
    ///
    /// # Errors
    /// [`Error::At`] naming the first wrong line.
    pub fn parse(text: &str, path: &Path) -> Result<Self, Error> {
        let fail = |offset: usize, problem| Error::at(path, text, offset, problem);
        let mut config = Self {
            path: Some(path.to_path_buf()),
            ..Self::default()
        };
        for (name, value) in in_file_order(table(text, path)?) {
            let offset = value.span().start;
            match name.get_ref().as_str() {
                "theme" => config.theme = theme(value.get_ref()).map_err(|p| fail(offset, p))?,
                "ignore" => {
                    config.ignore = Some(ignore(value.get_ref()).map_err(|p| fail(offset, p))?);
                }
                "sidebar-width" => {
                    config.sidebar_width =
                        Some(sidebar_width(value.get_ref()).map_err(|p| fail(offset, p))?);
                }
                "keys" => config.keys = keys(text, path)?,
                other => {
                    let problem = Problem::UnknownSetting(other.to_string());
                    return Err(fail(name.span().start, problem));
                }
            }
        }
        Ok(config)
    }
}

type Spans = BTreeMap<Spanned<String>, Spanned<Value>>;

/// The top-level entries of `text`, with where each is.
fn table(text: &str, path: &Path) -> Result<Spans, Error> {
    toml::from_str(text).map_err(|e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().lines().next().unwrap_or_default().to_string();
        Error::at(path, text, offset, Problem::Syntax(message))
    })
}

/// The entries of a table in the order the file writes them.
fn in_file_order(table: Spans) -> Vec<(Spanned<String>, Spanned<Value>)> {
    let mut entries: Vec<_> = table.into_iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    entries
}

fn theme(value: &Value) -> Result<ThemeName, Problem> {
    let name = value.as_str().ok_or(Problem::BadValue {
        setting: "theme",
        expected: "a string: dark, light or no-color",
    })?;
    ThemeName::NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, theme)| theme)
        .ok_or_else(|| Problem::UnknownTheme(name.to_string()))
}

/// `ignore = "all"`, `"none"`, or a list of the differences to ignore.
fn ignore(value: &Value) -> Result<MatchOptions, Problem> {
    let bad = Problem::BadValue {
        setting: "ignore",
        expected: "\"all\", \"none\" or a list of differences",
    };
    let names: Vec<&str> = match value {
        Value::String(s) if s == "all" => return Ok(MatchOptions::default()),
        Value::String(s) if s == "none" => return Ok(MatchOptions::STRICT),
        Value::String(s) => return Err(Problem::UnknownIgnore(s.clone())),
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().ok_or(bad.clone()))
            .collect::<Result<_, _>>()?,
        _ => return Err(bad),
    };
    if let Some(unknown) = names.iter().find(|n| !IGNORABLE.contains(n)) {
        return Err(Problem::UnknownIgnore((*unknown).to_string()));
    }
    let has = |name: &str| names.contains(&name);
    Ok(MatchOptions {
        ignore_case: has("case"),
        ignore_punctuation: has("punctuation"),
        ignore_quote_style: has("quote-style"),
        numbers_as_digits: has("number-words"),
        ignore_spelling: has("spelling"),
    })
}

fn sidebar_width(value: &Value) -> Result<u16, Problem> {
    value
        .as_integer()
        .and_then(|w| u16::try_from(w).ok())
        .filter(|w| (SIDEBAR_WIDTH.0..=SIDEBAR_WIDTH.1).contains(w))
        .ok_or(Problem::BadValue {
            setting: "sidebar-width",
            expected: "a number of columns from 16 to 80",
        })
}

/// The `[keys]` table's entries, read again from `text` to know their lines.
fn keys(text: &str, path: &Path) -> Result<Vec<KeyOverride>, Error> {
    #[derive(serde::Deserialize)]
    struct Keys {
        keys: Spans,
    }
    let Keys { keys } = toml::from_str(text).map_err(|e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        let problem = Problem::BadValue {
            setting: "keys",
            expected: "a table of \"key\" = \"action\"",
        };
        Error::at(path, text, offset, problem)
    })?;
    in_file_order(keys)
        .into_iter()
        .map(|(key, action)| {
            let line = line_of(text, key.span().start);
            match action.get_ref().as_str() {
                Some(name) => Ok(KeyOverride {
                    key: key.into_inner(),
                    action: name.to_string(),
                    line,
                }),
                None => Err(Error::at_line(
                    path,
                    line,
                    Problem::BadValue {
                        setting: "keys",
                        expected: "a table of \"key\" = \"action\"",
                    },
                )),
            }
        })
        .collect()
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("/home/u/config.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn a_good_file_sets_every_setting() {
        let config = parse(
            "theme = \"light\"\nignore = [\"case\", \"spelling\"]\nsidebar-width = 30\n\n[keys]\nx = \"swap\"\n\"C-n\" = \"next-quote\"\n",
        )
        .unwrap();
        assert_eq!(config.theme, ThemeName::Light);
        let ignore = config.ignore.unwrap();
        assert!(ignore.ignore_case && ignore.ignore_spelling);
        assert!(!ignore.ignore_punctuation && !ignore.numbers_as_digits);
        assert_eq!(config.sidebar_width, Some(30));
        assert_eq!(
            config.keys,
            vec![
                KeyOverride {
                    key: "x".into(),
                    action: "swap".into(),
                    line: 6
                },
                KeyOverride {
                    key: "C-n".into(),
                    action: "next-quote".into(),
                    line: 7
                },
            ]
        );
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let config = parse("# nothing yet\n").unwrap();
        assert_eq!(config.theme, ThemeName::Dark);
        assert_eq!((config.ignore, config.sidebar_width), (None, None));
        assert!(config.keys.is_empty());
        assert_eq!(
            parse("ignore = \"none\"").unwrap().ignore,
            Some(MatchOptions::STRICT)
        );
    }

    #[test]
    fn a_bad_file_names_the_file_the_line_and_the_bad_name() {
        let cases = [
            (
                "theme = \"dark\"\ncolour = 1\n",
                ":2: unknown setting 'colour'",
            ),
            ("\n\ntheme = \"sepia\"\n", ":3: unknown theme 'sepia'"),
            (
                "ignore = [\"case\", \"accents\"]\n",
                ":1: unknown ignore 'accents'",
            ),
            ("sidebar-width = 500\n", ":1: 'sidebar-width' must be"),
            ("theme = \n", ":1: not valid TOML"),
            ("[keys]\nx = 3\n", ":2: 'keys' must be"),
        ];
        for (text, expected) in cases {
            let error = parse(text).unwrap_err();
            assert!(error.starts_with("/home/u/config.toml:"), "{error}");
            assert!(error.contains(expected), "{text:?}: {error}");
            assert_eq!(error.lines().count(), 1, "{error}");
        }
    }

    #[test]
    fn a_missing_file_is_a_read_error_naming_it() {
        let error = Config::load(Path::new("/nonexistent/crosscheck.toml")).unwrap_err();
        assert!(matches!(error, Error::Read { .. }));
        assert!(error.to_string().contains("/nonexistent/crosscheck.toml"));
    }
}
