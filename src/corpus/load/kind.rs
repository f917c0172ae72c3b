//! What a path holds: a URL or a file, its format by extension, gzip, or a page by
//! its first bytes; which files a folder walk reads.

use super::formats::Format;
use std::path::Path;

impl Format {
    /// The format of a path by its extension, if crosscheck loads it in folders.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        Self::from_extension(&path.extension()?.to_string_lossy())
    }
}

/// How a file is read: its format, and whether it is gzipped (`page.html.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Kind {
    pub(super) format: Format,
    pub(super) gzip: bool,
}

impl Kind {
    /// The kind of a path by its extensions, if crosscheck loads it in folders.
    pub(super) fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy();
        if ext.eq_ignore_ascii_case("gz") {
            let inner = Path::new(path.file_stem()?);
            return Some(Self {
                format: Format::from_path(inner)?,
                gzip: true,
            });
        }
        Some(Self {
            format: Format::from_extension(&ext)?,
            gzip: false,
        })
    }

    /// The kind of a file named explicitly: by its extensions, else a page when
    /// its bytes open like one, else text.
    pub(super) fn named(path: &Path, bytes: &[u8]) -> Self {
        Self::of(path).unwrap_or_else(|| {
            let gzip = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
            let format = if !gzip && looks_like_html(bytes) {
                Format::Html
            } else {
                Format::Text
            };
            Self { format, gzip }
        })
    }
}

/// Bytes opening with a doctype or `<html>` tag (after a BOM and blank space).
pub(super) fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = start.trim_ascii_start();
    let head = &start[..start.len().min(15)];
    head.len() >= 5
        && (head.to_ascii_lowercase().starts_with(b"<!doctype html")
            || head.to_ascii_lowercase().starts_with(b"<html"))
}

/// A browser's "Web Page, complete" folder: `Name_files` beside `Name.html`.
pub(super) fn is_saved_page_folder(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(page) = name.strip_suffix("_files") else {
        return false;
    };
    ["html", "htm", "xhtml", "mhtml"]
        .iter()
        .any(|ext| path.with_file_name(format!("{page}.{ext}")).is_file())
}

/// An `http://` or `https://` argument: a URL rather than a path.
#[must_use]
pub fn is_url(arg: &Path) -> bool {
    arg.to_str()
        .is_some_and(|s| s.starts_with("http://") || s.starts_with("https://"))
}

/// Whether walking the folder `root` reads the file at `path` (under `root`) as
/// articles: a known format, no hidden entry on the way, not inside the
/// `Name_files/` folder of a saved page.
#[must_use]
pub fn walk_reads(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let in_saved_folder = path
        .ancestors()
        .skip(1)
        .take_while(|dir| *dir != root && dir.starts_with(root))
        .any(is_saved_page_folder);
    !hidden && !in_saved_folder && Kind::of(path).is_some()
}
