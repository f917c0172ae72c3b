//! `e`: the shown pair's HTML report, written where a status-line prompt says
//! (a free name in the current folder suggested, editable; an existing file only
//! after a second Enter), by the same code as `compare --html`.

use super::{App, Effect};
use crate::cli::share::{self, Format};
use crate::pair::{Pair, Side};
use crate::tui::action::Action;
use std::path::{Path, PathBuf};

/// The prompt asking where the report goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportPrompt {
    /// The path being typed.
    pub path: String,
    /// Enter was pressed on an existing file: the next Enter replaces it.
    pub replace: bool,
}

/// A report to write, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFile {
    /// Where it goes.
    pub path: PathBuf,
    /// The page.
    pub contents: String,
    /// Whether an existing file may be replaced (the user confirmed it).
    pub replace: bool,
}

impl ReportFile {
    /// Writes the report; the status line to show (where it went, or why not).
    #[must_use]
    pub fn write(&self) -> String {
        match share::write_file(&self.path, &self.contents, self.replace) {
            Ok(()) => format!("report written to {}", self.path.display()),
            Err(share::Error::Exists(path)) => {
                format!("{} exists; no report written", path.display())
            }
            Err(error) => error.to_string(),
        }
    }
}

/// How many numbered names a suggestion tries.
const MAX_TRIES: usize = 100;
/// Most characters of an outlet's name in a suggested file name.
const SLUG_CHARS: usize = 24;

/// `name` as a file-name part: lowercase ASCII letters and digits, runs of anything
/// else as one `-` (`The Moscow Times` → `the-moscow-times`).
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= SLUG_CHARS {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `./crosscheck-LEFT-RIGHT.html`, or with `-2`, `-3`… until no file has the name
/// (after [`MAX_TRIES`] names, the first: Enter then asks before replacing it).
fn suggestion(outlets: Pair<&str>, exists: impl Fn(&Path) -> bool) -> String {
    let part = |side: Side, fallback: &str| {
        Some(slug(outlets[side]))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| fallback.to_string())
    };
    let stem = format!(
        "./crosscheck-{}-{}",
        part(Side::Left, "left"),
        part(Side::Right, "right")
    );
    let name = |n: usize| match n {
        1 => format!("{stem}.html"),
        n => format!("{stem}-{n}.html"),
    };
    (1..=MAX_TRIES)
        .map(name)
        .find(|name| !exists(Path::new(name)))
        .unwrap_or_else(|| name(1))
}

impl App {
    /// `e`: opens the prompt with a suggested path, once the pair is compared.
    pub(super) fn open_export(&mut self) {
        if self.comparison().is_none() {
            self.ui.message = Some("the pair is still being compared".into());
            return;
        }
        let outlets = Pair::new(Side::Left, Side::Right)
            .map(|side| self.article(side).map_or("", |a| a.meta.outlet.as_str()));
        self.ui.export = Some(ExportPrompt {
            path: suggestion(outlets, Path::exists),
            replace: false,
        });
    }

    /// A key while the prompt is open: edit, Enter writes (asks again over an
    /// existing file), Esc cancels.
    pub(super) fn apply_export(&mut self, action: Action) {
        let Some(action) = self.apply_common(action) else {
            return;
        };
        let Some(prompt) = self.ui.export.as_mut() else {
            return;
        };
        match action {
            Action::SearchInput(c) => {
                prompt.path.push(c);
                prompt.replace = false;
            }
            Action::SearchBackspace => {
                prompt.path.pop();
                prompt.replace = false;
            }
            Action::SearchSubmit if prompt.path.trim().is_empty() => {}
            Action::SearchSubmit if !prompt.replace && Path::new(&prompt.path).exists() => {
                prompt.replace = true;
            }
            Action::SearchSubmit => {
                let prompt = self.ui.export.take().unwrap_or_default();
                match self.report_html() {
                    Some(contents) => self.effects.push(Effect::Write(ReportFile {
                        path: PathBuf::from(prompt.path),
                        contents,
                        replace: prompt.replace,
                    })),
                    None => self.ui.message = Some("no pair to report".into()),
                }
            }
            Action::SearchCancel | Action::Back => {
                self.ui.export = None;
                self.ui.message = Some("no report written".into());
            }
            _ => {}
        }
    }

    /// The shown pair's HTML report, as `compare --html` writes it.
    fn report_html(&self) -> Option<String> {
        let articles = Pair::new(self.article(Side::Left)?, self.article(Side::Right)?);
        let comparison = self.comparison()?;
        Some(share::pair_report(
            Format::Html,
            articles,
            comparison,
            &self.matching(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_name_both_outlets_and_skip_taken_names() {
        let outlets = Pair::new("The Moscow Times", "Associated Press (AP)");
        assert_eq!(
            suggestion(outlets, |_| false),
            "./crosscheck-the-moscow-times-associated-press-ap.html"
        );
        let taken = |p: &Path| !p.to_string_lossy().ends_with("-3.html");
        assert_eq!(
            suggestion(outlets, taken),
            "./crosscheck-the-moscow-times-associated-press-ap-3.html"
        );
        assert_eq!(
            suggestion(Pair::new("«»", "Kyiv Independent"), |_| false),
            "./crosscheck-left-kyiv-independent.html"
        );
    }
}
