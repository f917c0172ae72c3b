//! Typed errors of the engine.

use std::path::PathBuf;

/// What can go wrong while loading articles or resolving a user's request.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given by the user does not exist or cannot be read.
    #[error("cannot read '{path}': {source}")]
    Read {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A file was read but its content is unusable (bad JSON, bad manifest, …).
    #[error("'{path}': {reason}")]
    Invalid {
        /// The offending file.
        path: PathBuf,
        /// One line saying what is wrong.
        reason: String,
    },
    /// Nothing loadable was found under the given paths.
    #[error("no articles could be loaded from {0}")]
    NoArticles(String),
    /// An article reference (index, id or path) that matches no article.
    #[error("no article '{0}' (use an index from `crosscheck list`, an id or a path)")]
    UnknownArticle(String),
}

/// Result with the engine's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
