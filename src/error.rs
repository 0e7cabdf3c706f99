//! Typed errors of the library.

use std::path::PathBuf;
use thiserror::Error;

/// Everything that can go wrong in newsgraph, each with a one-line message for users.
#[derive(Debug, Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A document is not usable text.
    #[error("{path}: skipped: {reason}")]
    BadDocument {
        /// The path (or "-" for standard input).
        path: PathBuf,
        /// Why it was skipped.
        reason: String,
    },
    /// An ontology file is malformed.
    #[error("ontology {file}: {message}")]
    Ontology {
        /// The file name.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// An output could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An RDF term could not be built (an IRI from an odd name, for instance).
    #[error("RDF: {0}")]
    Rdf(String),
    /// A bad command-line value.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// A write error whose file the caller names: exporters write to any `Write` and do not know
    /// the path; `pipeline` fills it in.
    pub(crate) fn unplaced_write(source: std::io::Error) -> Error {
        Error::Write {
            path: PathBuf::new(),
            source,
        }
    }

    /// Whether this is a write error still waiting for its path (see [`Error::unplaced_write`]).
    pub(crate) fn is_unplaced_write(&self) -> bool {
        matches!(self, Error::Write { path, .. } if path.as_os_str().is_empty())
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
