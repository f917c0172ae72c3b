//! Where the commands get their articles: the cache flags, the progress bar while
//! URLs load, warnings on stderr, and `crosscheck cache dir|clear`.

use crate::corpus::cache::Cache;
use crate::corpus::{Article, Corpus, LoadOptions, Progress, load_paths};
use crate::pair::Pair;
use crate::terminal::Facts;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Environment variable naming the cache folder (`--cache-dir` wins).
pub const CACHE_ENV: &str = "CROSSCHECK_CACHE";

/// How URLs and pages are read (shared by the reader and every command).
#[derive(Debug, Args, Clone, Default)]
pub struct InputArgs {
    /// Folder for fetched pages and extracted text (default: the platform cache
    /// folder, or $CROSSCHECK_CACHE).
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Fetch URLs again instead of reading them from the cache.
    #[arg(long, global = true)]
    pub refresh: bool,
    /// Fetch each feed item's page for its full text.
    #[arg(long, global = true)]
    pub fetch_items: bool,
}

impl InputArgs {
    /// The cache folder: `--cache-dir`, else `$CROSSCHECK_CACHE`, else the platform's.
    #[must_use]
    pub fn cache(&self) -> Option<Cache> {
        self.cache_dir
            .clone()
            .or_else(|| {
                std::env::var_os(CACHE_ENV)
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            })
            .map(Cache::new)
            .or_else(Cache::platform)
    }

    /// Loading options for these flags; URLs show a progress bar on a terminal's stderr.
    #[must_use]
    pub fn options(&self, terminal: &Facts) -> LoadOptions {
        let mut options = LoadOptions {
            cache: self.cache(),
            fetch_items: self.fetch_items,
            ..LoadOptions::default()
        };
        options.fetch.refresh = self.refresh;
        if terminal.stderr_tty {
            options.progress = Some(progress_bar());
        }
        options
    }
}

/// A bar on stderr for several URLs (one URL needs none); it clears itself when done.
fn progress_bar() -> Progress {
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    Progress(Arc::new(move |done, total, url| {
        if total < 2 {
            return;
        }
        if bar.is_hidden() {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        bar.set_message(crate::sanitize::inert(url).into_owned());
        if done >= total {
            bar.finish_and_clear();
        }
    }))
}

/// Loads `paths` for a command and writes every skipped file and loading warning
/// to stderr, one line each (also with `--json`, whose report lists them too).
///
/// # Errors
/// As [`load_paths`].
pub fn load(paths: &[PathBuf], options: &LoadOptions) -> crate::Result<Corpus> {
    let corpus = load_paths(paths, options)?;
    for line in warnings(&corpus) {
        eprintln!("crosscheck: warning: {}", crate::sanitize::inert(&line));
    }
    Ok(corpus)
}

/// One line per skipped file and per article warning, naming the input.
#[must_use]
pub fn warnings(corpus: &Corpus) -> Vec<String> {
    let skipped = corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.path, s.reason));
    let warned = corpus
        .articles
        .iter()
        .flat_map(|a| a.warnings.iter().map(move |w| format!("{}: {w}", a.source)));
    skipped.chain(warned).collect()
}

/// `crosscheck cache …`.
#[derive(Debug, Subcommand, Clone, Copy)]
pub enum CacheCommand {
    /// Print the cache folder.
    Dir,
    /// Remove everything in the cache folder.
    Clear,
}

/// Runs a cache command, returning what to print.
///
/// # Errors
/// When there is no cache folder or it cannot be emptied.
pub fn cache(command: CacheCommand, args: &InputArgs) -> anyhow::Result<String> {
    let cache = args.cache().ok_or_else(|| {
        anyhow::anyhow!("no cache folder: give --cache-dir DIR or set {CACHE_ENV}")
    })?;
    let root = cache.root().display().to_string();
    Ok(match command {
        CacheCommand::Dir => format!("{root}\n"),
        CacheCommand::Clear => {
            let cleared = cache
                .clear()
                .map_err(|e| anyhow::anyhow!("cannot clear {root}: {e}"))?;
            format!(
                "removed {} file{} ({}) from {root}\n",
                cleared.files,
                if cleared.files == 1 { "" } else { "s" },
                size(cleared.bytes)
            )
        }
    })
}

/// `12 KB`, `3.4 MB`.
fn size(bytes: u64) -> String {
    if bytes < 1 << 20 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    }
}

/// Whether an argument names a single input rather than an article in a corpus:
/// a URL or an existing file.
#[must_use]
pub fn names_input(arg: &str) -> bool {
    let path = Path::new(arg);
    crate::corpus::load::is_url(path) || path.is_file()
}

/// Whether `arg` names a file on disk (not a URL).
fn is_local_file(arg: &str) -> bool {
    let path = Path::new(arg);
    !crate::corpus::load::is_url(path) && path.is_file()
}

/// The two articles `compare` names, as `diff` takes its files: a file or URL is
/// loaded on its own (and must hold one article); anything else is a 1-based index,
/// id or path in `corpus` (default: the bundled sample, only loaded when needed).
/// With `--corpus`, its articles answer first (an index stays an index even if a
/// file of that name exists).
///
/// # Errors
/// A path that does not exist (named in one line), a folder, a file holding no or
/// several articles, or a reference no article of the corpus answers to.
pub fn compare_pair(
    refs: Pair<&str>,
    corpus: &[PathBuf],
    options: &LoadOptions,
) -> crate::Result<Pair<Article>> {
    // Two files are read and cleaned at once (URLs one by one: each reports progress).
    if corpus.is_empty() && [refs.left, refs.right].into_iter().all(is_local_file) {
        let size = |reference: &&str| {
            std::fs::metadata(reference)
                .map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX))
        };
        let loaded = refs.par_map(refs.worth_two_threads(size), |reference| {
            single(reference, options)
        });
        return Ok(Pair::new(loaded.left?, loaded.right?));
    }
    let mut shared: Option<Corpus> = None;
    let mut article = |reference: &str| -> crate::Result<Article> {
        if corpus.is_empty() && names_input(reference) {
            return single(reference, options);
        }
        if shared.is_none() {
            shared = Some(load(corpus, options)?);
        }
        let found = shared.as_ref().map(|c| c.resolve(reference));
        match (found, shared.as_ref()) {
            (Some(Ok(i)), Some(loaded)) => return Ok(loaded.articles[i].clone()),
            _ if names_input(reference) => return single(reference, options),
            _ => {}
        }
        let path = Path::new(reference);
        if path.is_dir() {
            Err(crate::Error::Invalid {
                path: path.to_path_buf(),
                reason: "is a folder: give it with --corpus and name an article in it by \
                         index or id"
                    .into(),
            })
        } else if looks_like_path(reference)
            && let Err(source) = std::fs::metadata(path)
        {
            Err(crate::Error::Read {
                path: path.to_path_buf(),
                source,
            })
        } else {
            Err(crate::Error::UnknownArticle(reference.to_string()))
        }
    };
    let left = article(refs.left)?;
    let right = article(refs.right)?;
    Ok(Pair::new(left, right))
}

/// The one article of the file or URL `reference`.
fn single(reference: &str, options: &LoadOptions) -> crate::Result<Article> {
    let mut corpus = load(&[PathBuf::from(reference)], options)?;
    if corpus.articles.len() > 1 {
        return Err(crate::Error::Invalid {
            path: PathBuf::from(reference),
            reason: format!(
                "holds {} articles: give it with --corpus and name one by index or id",
                corpus.articles.len()
            ),
        });
    }
    corpus
        .articles
        .pop()
        .ok_or_else(|| crate::Error::NoArticles(format!("'{reference}'")))
}

/// Whether a reference reads as a file path (a folder separator or a file
/// extension) rather than an index or id.
fn looks_like_path(reference: &str) -> bool {
    let path = Path::new(reference);
    reference.contains(['/', '\\'])
        || path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            (1..=5).contains(&e.len()) && e.chars().all(|c| c.is_ascii_alphanumeric())
        })
}
