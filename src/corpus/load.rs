//! Loading articles from files and folders (or the bundled sample).
//!
//! Folders are walked recursively in sorted order, skipping hidden entries and
//! surviving symlink loops; in folders only files of a known format are read
//! (`.txt`, `.md`, `.markdown`, `.json`, `.jsonl`, `.html`, `.htm`, `.xhtml`,
//! `.mhtml`, `.mht`, each also gzipped as `.gz`); a `sources.toml` is metadata, and
//! the `Name_files/` folder a browser saves beside `Name.html` is passed over. A file
//! named explicitly is read whatever its extension. Every file that cannot be used
//! becomes a [`Skipped`] entry with a one-line reason; the rest of the corpus still loads.

mod decode;
mod formats;
mod kind;
mod remote;

pub use formats::Format;
pub use kind::{is_url, walk_reads};

use super::cache::Cache;
use super::fetch::{FetchOptions, Fetched, Fetcher};
use super::meta::{self, Fields, Manifest};
use super::{Article, Corpus, Skipped, clean, sample};
use kind::{Kind, is_saved_page_folder};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// Name of the metadata file read beside articles.
pub const MANIFEST_NAME: &str = "sources.toml";

/// Options for loading.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Cleaning options applied to every article.
    pub clean: clean::CleanOptions,
    /// Where fetched pages and text extracted from pages and feeds are kept
    /// (`None`: nowhere, everything is fetched and extracted again).
    pub cache: Option<Cache>,
    /// How URLs are fetched.
    pub fetch: FetchOptions,
    /// Fetch each feed item's page for its full text.
    pub fetch_items: bool,
    /// Told of each URL fetched.
    pub progress: Option<Progress>,
}

/// A listener told `(finished, total, url)` after each URL fetched.
pub type Listener = dyn Fn(usize, usize, &str) + Send + Sync;

/// Hears of URLs being fetched.
#[derive(Clone)]
pub struct Progress(pub Arc<Listener>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
}

pub use formats::gunzip;

/// A saved page's bytes as text for display: its declared or detected charset,
/// invalid bytes replaced.
#[must_use]
pub fn decode_page(bytes: &[u8]) -> String {
    decode::decode(bytes, decode::Markup::Html, None).map_or_else(
        |_| String::from_utf8_lossy(bytes).into_owned(),
        |(text, _)| text,
    )
}

/// Loads every article under `paths`; with no paths, the bundled sample. A path
/// that starts with `http://` or `https://` is a URL: it is fetched (through the
/// cache) and read as a page, a feed or text by its content type.
///
/// Article ids are file stems (or JSON `id`s, else `stem#N`); a repeated id gets a
/// `~2`, `~3`… suffix so ids stay unique.
///
/// # Errors
/// [`crate::Error::Read`] when a given path does not exist or cannot be read;
/// [`crate::Error::NoArticles`] when nothing loadable was found.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> crate::Result<Corpus> {
    load_into(paths, options, None)
}

/// As [`load_paths`], but hands each article to `sink` as soon as it is loaded (in
/// the same order, with the same ids) instead of keeping them; returns the files
/// skipped. The reader fills its sidebar this way while files are still read.
///
/// # Errors
/// As [`load_paths`].
pub fn stream_paths(
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: &mut dyn FnMut(Article),
) -> crate::Result<Vec<Skipped>> {
    load_into(paths, options, Some(sink)).map(|corpus| corpus.skipped)
}

/// Loads `paths`, keeping the articles or handing them to `sink`.
fn load_into(
    paths: &[PathBuf],
    options: &LoadOptions,
    sink: Option<&mut dyn FnMut(Article)>,
) -> crate::Result<Corpus> {
    let fetcher = Fetcher::new(options.cache.as_ref(), &options.fetch);
    let mut loader = Loader::new(options, &fetcher, sink);
    if paths.is_empty() {
        loader.load_sample();
    }
    let urls: Vec<String> = paths
        .iter()
        .filter(|p| is_url(p))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut fetched = loader.fetch_all(&urls).into_iter();
    for path in paths {
        if is_url(path) {
            if let Some(result) = fetched.next() {
                loader.add_url(&path.to_string_lossy(), result);
            }
            continue;
        }
        let metadata = std::fs::metadata(path).map_err(|source| crate::Error::Read {
            path: path.clone(),
            source,
        })?;
        if metadata.is_dir() {
            loader.walk(path);
        } else if !metadata.is_file() {
            loader.skip(path, "not a regular file");
        } else if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
            // Metadata, read for the files beside it; not an article.
        } else {
            loader.load_file(path, None);
        }
    }
    let (corpus, loaded) = (loader.corpus, loader.loaded);
    if loaded == 0 {
        let names: Vec<String> = paths.iter().map(|p| format!("'{}'", p.display())).collect();
        let skipped = match corpus.skipped.first() {
            Some(first) => format!(
                " ({} skipped; first: {}: {})",
                corpus.skipped.len(),
                first.path,
                first.reason
            ),
            None => String::new(),
        };
        return Err(crate::Error::NoArticles(format!(
            "{}{skipped}",
            names.join(", ")
        )));
    }
    Ok(corpus)
}

/// Loads the one file at `path` as a folder walk reads it (its kind by its
/// extensions, the `sources.toml` beside it, through the extraction cache). Nothing
/// is an error: what cannot be read is a [`Skipped`] entry of the corpus. Ids are
/// not made unique against other files.
#[must_use]
pub fn load_file(path: &Path, options: &LoadOptions) -> Corpus {
    let fetcher = Fetcher::new(options.cache.as_ref(), &options.fetch);
    let mut loader = Loader::new(options, &fetcher, None);
    loader.load_file(path, Kind::of(path));
    loader.corpus
}

/// Walk state: the corpus so far, manifests by folder, folders already walked.
struct Loader<'a, 's> {
    options: &'a LoadOptions,
    fetcher: &'a Fetcher<'a>,
    corpus: Corpus,
    manifests: HashMap<PathBuf, Rc<Manifest>>,
    visited: HashSet<PathBuf>,
    /// Where articles go as they are loaded (else into `corpus`).
    sink: Option<&'s mut dyn FnMut(Article)>,
    /// Articles loaded so far.
    loaded: usize,
    /// How often each id was given: a repeat gets a `~2`, `~3`… suffix.
    ids: HashMap<String, usize>,
}

impl<'a, 's> Loader<'a, 's> {
    fn new(
        options: &'a LoadOptions,
        fetcher: &'a Fetcher<'a>,
        sink: Option<&'s mut dyn FnMut(Article)>,
    ) -> Self {
        Self {
            options,
            fetcher,
            corpus: Corpus::default(),
            manifests: HashMap::new(),
            visited: HashSet::new(),
            sink,
            loaded: 0,
            ids: HashMap::new(),
        }
    }

    /// Keeps a loaded article (its id made unique: repeats get `~2`, `~3`…), or
    /// hands it to the sink.
    fn keep(&mut self, mut article: Article) {
        let count = self.ids.entry(article.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            article.id = format!("{}~{count}", article.id);
        }
        self.loaded += 1;
        match &mut self.sink {
            Some(sink) => sink(article),
            None => self.corpus.articles.push(article),
        }
    }

    fn skip(&mut self, path: &Path, reason: impl Into<String>) {
        self.corpus.skipped.push(Skipped {
            path: path.display().to_string(),
            reason: reason.into(),
        });
    }

    /// Walks `root` depth-first in sorted order with an explicit stack (no recursion
    /// limit), skipping hidden entries and folders already seen (symlink loops).
    fn walk(&mut self, root: &Path) {
        let mut stack = vec![root.to_path_buf()];
        while let Some(path) = stack.pop() {
            let metadata = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    self.skip(&path, format!("cannot read: {e}"));
                    continue;
                }
            };
            if metadata.is_dir() {
                if path != root && is_saved_page_folder(&path) {
                    continue;
                }
                if let Some(children) = self.children(&path) {
                    stack.extend(children.into_iter().rev());
                }
            } else if path.file_name().is_some_and(|n| n == MANIFEST_NAME) {
                // Metadata, read for the files beside it; not an article.
            } else if let Some(kind) = Kind::of(&path) {
                if metadata.is_file() {
                    self.load_file(&path, Some(kind));
                } else {
                    self.skip(&path, "not a regular file");
                }
            }
        }
    }

    /// The sorted, non-hidden entries of a folder not walked before.
    fn children(&mut self, dir: &Path) -> Option<Vec<PathBuf>> {
        let canonical = match dir.canonicalize() {
            Ok(c) => c,
            Err(e) => {
                self.skip(dir, format!("cannot resolve folder: {e}"));
                return None;
            }
        };
        if !self.visited.insert(canonical) {
            return None;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.skip(dir, format!("cannot read folder: {e}"));
                return None;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                    children.push(entry.path());
                }
                Ok(_) => {}
                Err(e) => self.skip(dir, format!("cannot list an entry: {e}")),
            }
        }
        children.sort();
        Some(children)
    }

    /// The `sources.toml` of `dir` (empty when absent), read once per folder.
    fn manifest(&mut self, dir: &Path) -> Rc<Manifest> {
        if let Some(manifest) = self.manifests.get(dir) {
            return Rc::clone(manifest);
        }
        let path = dir.join(MANIFEST_NAME);
        let manifest = match std::fs::read_to_string(&path) {
            Ok(text) => Manifest::parse(&text).unwrap_or_else(|reason| {
                self.skip(&path, reason);
                Manifest::default()
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest::default(),
            Err(e) => {
                self.skip(&path, format!("cannot read: {e}"));
                Manifest::default()
            }
        };
        let manifest = Rc::new(manifest);
        self.manifests
            .insert(dir.to_path_buf(), Rc::clone(&manifest));
        manifest
    }

    /// Loads one file, of `kind` (found in a folder) or of the kind its name and
    /// bytes show (named explicitly); pages and feeds go through the extraction cache.
    fn load_file(&mut self, path: &Path, kind: Option<Kind>) {
        let named = kind.is_none();
        let kind = kind.or_else(|| Kind::of(path));
        let key = kind.and_then(|k| self.cache_key(path, k));
        let cached = key
            .as_ref()
            .and_then(|key| self.options.cache.as_ref()?.get(key));
        let (kind, read) = if let (Some(kind), Some(read)) = (kind, cached) {
            (kind, read)
        } else {
            let bytes = match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(e) => return self.skip(path, format!("cannot read: {e}")),
            };
            // A report crosscheck wrote is passed over in a folder, and named
            // when given explicitly.
            if super::reports::is_report(&bytes) {
                if named {
                    self.skip(path, "a report crosscheck wrote, not an article");
                }
                return;
            }
            let kind = kind.unwrap_or_else(|| Kind::named(path, &bytes));
            let read = self.read(bytes, kind, None);
            if let (Some(key), Some(cache)) = (&key, &self.options.cache) {
                cache.put(key, &read);
            }
            (kind, read)
        };
        let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let manifest = self.manifest(&dir);
        let file = FileRef::new(path.display().to_string(), path, kind.gzip);
        self.add(&file, read, &manifest);
    }

    /// The extraction-cache key of a page or feed file: path, size, modification
    /// time, crosscheck's version and the reading rules' revision (`None` for
    /// formats read faster than a lookup).
    fn cache_key(
        &self,
        path: &Path,
        kind: Kind,
    ) -> Option<(PathBuf, u64, u128, &'static str, u32)> {
        self.options.cache.as_ref()?;
        let costly = matches!(kind.format, Format::Html | Format::Mhtml | Format::Feed);
        let metadata = std::fs::metadata(path).ok().filter(|_| costly)?;
        let modified = metadata
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        let path = path.canonicalize().ok()?;
        Some((
            path,
            metadata.len(),
            modified,
            env!("CARGO_PKG_VERSION"),
            formats::READING_REVISION,
        ))
    }

    /// Decodes and parses a file's bytes; feed items get their pages' text when asked.
    fn read(&self, bytes: Vec<u8>, kind: Kind, charset: Option<&str>) -> formats::Read {
        let mut read = formats::read(bytes, kind.format, kind.gzip, charset);
        if self.options.fetch_items
            && let Ok((records, _)) = &mut read
        {
            remote::fill_items(records, self.fetcher, self.options);
        }
        read
    }

    /// Fetches `urls` a few at a time, telling the progress listener.
    fn fetch_all(&self, urls: &[String]) -> Vec<Result<Fetched, String>> {
        let total = urls.len();
        let progress = |done: usize, url: &str| {
            if let Some(Progress(tell)) = &self.options.progress {
                tell(done, total, url);
            }
        };
        super::fetch::fetch_all(
            urls,
            self.options.fetch.parallel,
            |url| self.fetcher.get(url),
            &progress,
        )
    }

    /// Adds the articles of a fetched URL (or one skipped entry naming it).
    fn add_url(&mut self, url: &str, fetched: Result<Fetched, String>) {
        let read = fetched.and_then(|page| {
            let kind = remote::kind(&page)?;
            let charset = page.content_type.as_deref().and_then(remote::charset);
            let mut read = self.read(page.bytes, kind, charset.as_deref());
            if let Ok((records, _)) = &mut read
                && matches!(kind.format, Format::Html | Format::Text)
            {
                for record in records.iter_mut().flatten() {
                    record.fields.url = Some(url.to_string());
                }
            }
            let source = page
                .path
                .map_or_else(|| url.to_string(), |p| p.display().to_string());
            Ok((source, read))
        });
        match read {
            Ok((source, read)) => {
                let file = FileRef {
                    source,
                    input: url.to_string(),
                    name: url.to_string(),
                    stem: remote::url_stem(url),
                };
                self.add(&file, read, &Manifest::default());
            }
            Err(reason) => self.corpus.skipped.push(Skipped {
                path: url.to_string(),
                reason,
            }),
        }
    }

    /// The bundled sample, with its `sources.toml`.
    fn load_sample(&mut self) {
        let manifest = sample::SAMPLE
            .get_file(MANIFEST_NAME)
            .and_then(|f| f.contents_utf8())
            .and_then(|text| Manifest::parse(text).ok())
            .unwrap_or_default();
        let mut files: Vec<_> = sample::SAMPLE.files().collect();
        files.sort_by_key(|f| f.path());
        for file in files {
            let path = file.path();
            let Some(kind) = Kind::of(path) else {
                continue;
            };
            let file_ref = FileRef::new(
                format!("{}:{}", sample::SAMPLE_NAME, path.display()),
                path,
                kind.gzip,
            );
            let read = self.read(file.contents().to_vec(), kind, None);
            self.add(&file_ref, read, &manifest);
        }
    }

    /// Decodes, parses, cleans and adds the articles of one file.
    fn add(&mut self, file: &FileRef, read: formats::Read, manifest: &Manifest) {
        let (records, warnings) = match read {
            Ok(read) => read,
            Err(reason) => {
                return self.corpus.skipped.push(Skipped {
                    path: file.input.clone(),
                    reason,
                });
            }
        };
        for parsed in records {
            let record = match parsed {
                Ok(record) => record,
                Err((number, reason)) => {
                    self.corpus.skipped.push(Skipped {
                        path: numbered(&file.input, number),
                        reason,
                    });
                    continue;
                }
            };
            let input = numbered(&file.input, record.number);
            match build(file, record, &warnings, manifest, &self.options.clean) {
                Ok(article) => self.keep(article),
                Err(reason) => self.corpus.skipped.push(Skipped {
                    path: input,
                    reason,
                }),
            }
        }
    }
}

/// Names of the file an article comes from.
struct FileRef {
    /// Path (or `sample:name`, or a cached page's path) of the article's source.
    source: String,
    /// What messages name: the path, or the URL a cached page came from.
    input: String,
    /// File name, the manifest key.
    name: String,
    /// File stem, the default id.
    stem: String,
}

impl FileRef {
    /// The reference for the file at `path`, named `source` in messages; the stem of
    /// a gzipped file drops both extensions (`page.html.gz` → `page`).
    fn new(source: String, path: &Path, gzip: bool) -> Self {
        let lossy = |s: Option<&std::ffi::OsStr>| {
            s.map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let stem = path.file_stem().map(Path::new);
        let stem = if gzip {
            stem.and_then(Path::file_stem)
        } else {
            stem.map(Path::as_os_str)
        };
        Self {
            input: source.clone(),
            source,
            name: lossy(path.file_name()),
            stem: lossy(stem),
        }
    }

    fn record_source(&self, number: Option<usize>) -> String {
        numbered(&self.source, number)
    }
}

/// `name`, or `name#N` for the Nth record of a file.
fn numbered(name: &str, number: Option<usize>) -> String {
    number.map_or_else(|| name.to_string(), |n| format!("{name}#{n}"))
}

/// Builds one article: cleans it and resolves its metadata.
fn build(
    file: &FileRef,
    record: formats::Record,
    file_warnings: &[String],
    manifest: &Manifest,
    options: &clean::CleanOptions,
) -> Result<Article, String> {
    let id = match (&record.id, record.number) {
        (Some(id), _) => id.clone(),
        (None, Some(n)) => format!("{}#{n}", file.stem),
        (None, None) => file.stem.clone(),
    };
    let from_manifest = match record.number {
        None => manifest.get(&file.name),
        Some(n) => manifest
            .get(&id)
            .or_else(|| manifest.get(&format!("{}#{n}", file.name))),
    }
    .cloned()
    .unwrap_or_default();
    let raw = record.text;
    if raw.is_empty() {
        return Err("empty".to_string());
    }
    if raw.trim().is_empty() {
        return Err("only whitespace".to_string());
    }
    let known_title = from_manifest
        .title
        .as_deref()
        .or(record.fields.title.as_deref());
    let (clean, removals) = clean::clean_titled(&raw, options, known_title);
    if clean.trim().is_empty() {
        return Err("nothing left after cleaning (only boilerplate)".to_string());
    }
    let url = from_manifest
        .url
        .as_deref()
        .or(record.fields.url.as_deref());
    let named = Fields {
        outlet: meta::named_outlet(url, &file.stem),
        ..Fields::default()
    };
    let inferred = named.or(meta::infer(&raw, &removals, url));
    let meta = meta::resolve(from_manifest, record.fields, inferred, &id, &clean);
    let mut warnings = file_warnings.to_vec();
    warnings.extend(record.warnings);
    Ok(Article {
        id,
        source: file.record_source(record.number),
        meta,
        raw,
        clean,
        removals,
        warnings,
    })
}
