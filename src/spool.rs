//! The sentence texts of a corpus, kept out of the graph: each document's cited sentences are
//! appended as one chunk, in memory for small jobs or spilled to a file for large builds, so that
//! memory grows with the graph and not with the text read. Exports read one chunk per document.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where one document's chunk of sentence texts lies in the spool.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Chunk {
    /// Byte offset of the chunk.
    pub offset: u64,
    /// Byte length of the chunk.
    pub len: u32,
}

enum Backing {
    /// Texts are not needed (a build without exports): only lengths are counted.
    Discard,
    /// Texts kept in memory.
    Memory(Vec<u8>),
    /// Texts written to a file that is removed when the spool is dropped.
    File { path: PathBuf, writer: BufWriter<File> },
}

/// Append-only storage for sentence texts, read back by chunk.
pub struct SentenceSpool {
    backing: Backing,
    len: u64,
}

impl std::fmt::Debug for SentenceSpool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match &self.backing {
            Backing::Discard => "discard",
            Backing::Memory(_) => "memory",
            Backing::File { .. } => "file",
        };
        write!(f, "SentenceSpool({kind}, {} bytes)", self.len)
    }
}

impl Default for SentenceSpool {
    fn default() -> Self {
        SentenceSpool::memory()
    }
}

impl SentenceSpool {
    /// A spool in memory.
    pub fn memory() -> SentenceSpool {
        SentenceSpool {
            backing: Backing::Memory(Vec::new()),
            len: 0,
        }
    }

    /// A spool that keeps nothing: every chunk reads back empty.
    pub fn discard() -> SentenceSpool {
        SentenceSpool {
            backing: Backing::Discard,
            len: 0,
        }
    }

    /// A spool in a file at `path`, emptied first (a run killed earlier may have left one), and
    /// removed when the spool is dropped.
    pub fn file(path: &Path) -> Result<SentenceSpool> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)
            .map_err(|source| Error::Write {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(SentenceSpool {
            backing: Backing::File {
                path: path.to_path_buf(),
                writer: BufWriter::with_capacity(1 << 20, file),
            },
            len: 0,
        })
    }

    /// Appends one document's texts as a chunk.
    pub fn append(&mut self, bytes: &[u8]) -> Result<Chunk> {
        let chunk = Chunk {
            offset: self.len,
            len: u32::try_from(bytes.len()).map_err(|_| Error::Rdf("a document's sentences exceed 4 GB".into()))?,
        };
        match &mut self.backing {
            Backing::Discard => {}
            Backing::Memory(v) => v.extend_from_slice(bytes),
            Backing::File { path, writer } => writer.write_all(bytes).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?,
        }
        self.len += bytes.len() as u64;
        Ok(chunk)
    }

    /// Makes everything appended readable (flushes the file).
    pub fn seal(&mut self) -> Result<()> {
        if let Backing::File { path, writer } = &mut self.backing {
            writer.flush().map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        }
        Ok(())
    }

    /// Reads a chunk back (after `seal`). A discarding spool gives spaces of the right length.
    pub fn read(&self, chunk: Chunk) -> Result<Vec<u8>> {
        let (start, len) = (chunk.offset, chunk.len as usize);
        match &self.backing {
            Backing::Discard => Ok(vec![b' '; len]),
            Backing::Memory(v) => Ok(v.get(start as usize..start as usize + len).unwrap_or_default().to_vec()),
            Backing::File { path, writer } => {
                let mut buf = vec![0u8; len];
                read_exact_at(writer.get_ref(), &mut buf, start).map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                Ok(buf)
            }
        }
    }

    /// Total bytes appended.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(unix)]
fn read_exact_at(f: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(f: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(f, buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

impl Drop for SentenceSpool {
    fn drop(&mut self) {
        if let Backing::File { path, .. } = &self.backing {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_read_back_from_memory_and_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("spool");
        for mut s in [SentenceSpool::memory(), SentenceSpool::file(&path).expect("spool file")] {
            let a = s.append("première phrase.".as_bytes()).expect("append");
            let b = s.append(b"second").expect("append");
            s.seal().expect("seal");
            assert_eq!(s.read(b).expect("read"), b"second");
            assert_eq!(String::from_utf8(s.read(a).expect("read")).expect("utf8"), "première phrase.");
        }
        assert!(!path.exists(), "the spool file is removed when dropped");
    }
}
