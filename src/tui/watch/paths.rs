//! The paths the reader was opened on, and how an event's absolute path maps back
//! to a file named as loading names it (`folder/page.html`, relative when the
//! folder was given relative), so changes match the articles' `source`s.

use crate::corpus::load::is_url;
use crate::corpus::walk_reads;
use std::path::{Path, PathBuf};

/// One path the reader was opened on: as given, and absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Root {
    given: PathBuf,
    absolute: PathBuf,
    folder: bool,
}

/// The folders and files being watched (URLs and the bundled sample are not).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roots(Vec<Root>);

impl Roots {
    /// The folders and files among `paths` (URLs and paths that do not exist left out).
    #[must_use]
    pub fn new(paths: &[PathBuf]) -> Self {
        let roots = paths
            .iter()
            .filter(|p| !is_url(p) && p.exists())
            .map(|p| Root {
                given: p.clone(),
                absolute: absolute(p),
                folder: p.is_dir(),
            })
            .collect();
        Self(roots)
    }

    /// Whether there is nothing to watch.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// What to watch and whether recursively: each folder, and the folder of each
    /// named file (a file replaced by an editor's rename keeps being seen).
    #[must_use]
    pub fn watched(&self) -> Vec<(PathBuf, bool)> {
        let mut watched: Vec<(PathBuf, bool)> = Vec::new();
        for root in &self.0 {
            let (path, recursive) = if root.folder {
                (root.absolute.clone(), true)
            } else {
                let parent = root
                    .absolute
                    .parent()
                    .map_or_else(PathBuf::new, Path::to_path_buf);
                (parent, false)
            };
            if !watched
                .iter()
                .any(|(p, r)| *p == path && (*r || !recursive))
            {
                watched.retain(|(p, _)| *p != path);
                watched.push((path, recursive));
            }
        }
        watched
    }

    /// `event` (absolute) under a root, named as loading names it.
    #[must_use]
    pub fn named(&self, event: &Path) -> Option<PathBuf> {
        self.0.iter().find_map(|root| name_under(root, event))
    }

    /// The files an event at `event` (absolute) concerns, named as loading names
    /// them: the file itself when loading reads it, every such file inside a folder
    /// that appeared, nothing else.
    #[must_use]
    pub fn files_at(&self, event: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for root in &self.0 {
            let Some(name) = name_under(root, event) else {
                continue;
            };
            if !root.folder {
                files.push(name);
            } else if name.is_dir() {
                files.extend(
                    walk(&name)
                        .into_iter()
                        .filter(|f| walk_reads(&root.given, f)),
                );
            } else if walk_reads(&root.given, &name) {
                files.push(name);
            }
        }
        files.sort();
        files.dedup();
        files
    }
}

/// `event` named from `root` as given, if it is under a folder root or is a file root.
fn name_under(root: &Root, event: &Path) -> Option<PathBuf> {
    if root.folder {
        let relative = event.strip_prefix(&root.absolute).ok()?;
        Some(root.given.join(relative))
    } else {
        (event == root.absolute).then(|| root.given.clone())
    }
}

/// The files under `dir`, hidden entries included (the caller filters).
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    let mut seen = std::collections::HashSet::new();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            if !path.canonicalize().is_ok_and(|c| seen.insert(c)) {
                continue;
            }
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.flatten().map(|e| e.path()));
            }
        } else {
            files.push(path);
        }
    }
    files
}

/// `path` made absolute against the current folder (not resolved: notify reports
/// paths under the watched folder as it was given).
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    }
}

/// Whether `path` (absolute) lies under `dir`, as given or resolved.
#[must_use]
pub fn is_under(path: &Path, dir: &Path) -> bool {
    path.starts_with(absolute(dir))
        || dir.canonicalize().is_ok_and(|dir| {
            path.starts_with(&dir) || path.canonicalize().is_ok_and(|p| p.starts_with(dir))
        })
}
