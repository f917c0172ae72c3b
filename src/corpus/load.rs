//! Loading articles from files and folders. (Placeholder: .txt only.)

use super::{Article, Corpus, Meta, Skipped, clean, sample};
use std::path::{Path, PathBuf};

/// Options for loading.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Cleaning options applied to every article.
    pub clean: clean::CleanOptions,
}

/// Loads every article under `paths`; with no paths, the bundled sample.
///
/// # Errors
/// [`crate::Error::Read`] when a given path does not exist.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> crate::Result<Corpus> {
    let mut corpus = Corpus::default();
    if paths.is_empty() {
        for file in sample::SAMPLE.files() {
            if file.path().extension().is_some_and(|e| e == "txt") {
                let text = String::from_utf8_lossy(file.contents()).into_owned();
                corpus.articles.push(article(
                    file.path(),
                    &format!("{}:{}", sample::SAMPLE_NAME, file.path().display()),
                    text,
                    options,
                ));
            }
        }
        corpus.articles.sort_by(|a, b| a.id.cmp(&b.id));
        return Ok(corpus);
    }
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| crate::Error::Read {
            path: path.clone(),
            source,
        })?;
        let files: Vec<PathBuf> = if meta.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|source| crate::Error::Read {
                    path: path.clone(),
                    source,
                })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            v.sort();
            v
        } else {
            vec![path.clone()]
        };
        for file in files {
            match std::fs::read(&file) {
                Ok(bytes) => corpus.articles.push(article(
                    &file,
                    &file.display().to_string(),
                    String::from_utf8_lossy(&bytes).into_owned(),
                    options,
                )),
                Err(e) => corpus.skipped.push(Skipped {
                    path: file.display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
    }
    Ok(corpus)
}

fn article(path: &Path, source: &str, raw: String, options: &LoadOptions) -> Article {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (clean, removals) = clean::clean(&raw, &options.clean);
    Article {
        meta: Meta {
            outlet: id.clone(),
            title: id.clone(),
            date: None,
            url: None,
        },
        id,
        source: source.to_string(),
        raw,
        clean,
        removals,
        warnings: Vec::new(),
    }
}
