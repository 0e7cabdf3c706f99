//! Output files. Exports are large (N-Triples alone is about nine times the input), so on Linux
//! they are written with direct I/O from a background thread: the bytes go from our buffers to the
//! disk without being copied into the page cache, and formatting goes on while the disk writes.
//! Where direct I/O is refused (tmpfs, some network file systems) the file is written through the
//! page cache as usual. Either way the bytes on disk are the same, and `finish` syncs the file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Alignment of direct I/O buffers, sizes and offsets: a multiple of any disk's logical block.
const ALIGN: usize = 4096;
/// Bytes handed to the writer thread at a time.
const CHUNK: usize = 4 << 20;
/// Chunks in flight: one being filled, the others being written.
const CHUNKS: usize = 3;

/// A file being written: direct I/O where the system allows it, the page cache otherwise.
pub struct OutputFile {
    inner: Inner,
}

enum Inner {
    Buffered(BufWriter<File>),
    Direct(DirectWriter),
}

impl OutputFile {
    /// Creates (or truncates) `path`, for direct I/O when `direct` is set and the system allows it.
    pub fn create(path: &Path, direct: bool) -> io::Result<OutputFile> {
        if direct {
            if let Some(w) = DirectWriter::create(path)? {
                return Ok(OutputFile { inner: Inner::Direct(w) });
            }
        }
        Ok(OutputFile {
            inner: Inner::Buffered(BufWriter::with_capacity(1 << 20, File::create(path)?)),
        })
    }

    /// Whether the file is being written with direct I/O.
    pub fn is_direct(&self) -> bool {
        matches!(self.inner, Inner::Direct(_))
    }

    /// Writes what is buffered, sets the exact length, and syncs the file to disk when `sync`.
    pub fn finish(self, sync: bool) -> io::Result<()> {
        let file = match self.inner {
            Inner::Buffered(w) => w.into_inner().map_err(|e| e.into_error())?,
            Inner::Direct(w) => w.finish()?,
        };
        if sync {
            file.sync_all()?;
        }
        Ok(())
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Buffered(w) => w.write(buf),
            Inner::Direct(w) => w.write_all(buf).map(|()| buf.len()),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.inner {
            Inner::Buffered(w) => w.write_all(buf),
            Inner::Direct(w) => w.write_all(buf),
        }
    }

    /// Buffered bytes stay buffered until a chunk is full or the file is finished: direct writes
    /// are whole blocks.
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Buffered(w) => w.flush(),
            Inner::Direct(_) => Ok(()),
        }
    }
}

/// A buffer whose usable part starts at an `ALIGN` boundary.
struct AlignedBuf {
    raw: Vec<u8>,
    start: usize,
    len: usize,
}

impl AlignedBuf {
    fn new() -> AlignedBuf {
        let raw = vec![0u8; CHUNK + ALIGN];
        // The vector is never grown, so its bytes never move and the offset stays right.
        let start = raw.as_ptr().align_offset(ALIGN).min(ALIGN);
        AlignedBuf { raw, start, len: 0 }
    }

    fn room(&self) -> usize {
        CHUNK - self.len
    }

    fn push(&mut self, bytes: &[u8]) {
        let at = self.start + self.len;
        self.raw[at..at + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// The filled part, zero-padded to a whole number of blocks.
    fn padded(&mut self) -> &[u8] {
        let padded = self.len.div_ceil(ALIGN) * ALIGN;
        self.raw[self.start + self.len..self.start + padded].fill(0);
        &self.raw[self.start..self.start + padded]
    }
}

/// Chunks go to a thread that writes them with direct I/O; empty chunks come back for reuse.
struct DirectWriter {
    current: AlignedBuf,
    to_disk: Option<std::sync::mpsc::SyncSender<AlignedBuf>>,
    recycled: std::sync::mpsc::Receiver<AlignedBuf>,
    spare: usize,
    written: u64,
    thread: Option<std::thread::JoinHandle<io::Result<File>>>,
}

impl DirectWriter {
    /// Opens `path` for direct I/O, or `None` where the platform or the file system refuses it.
    fn create(path: &Path) -> io::Result<Option<DirectWriter>> {
        let Some(file) = open_direct(path)? else {
            return Ok(None);
        };
        let (to_disk, from_writer) = std::sync::mpsc::sync_channel::<AlignedBuf>(CHUNKS);
        let (give_back, recycled) = std::sync::mpsc::channel::<AlignedBuf>();
        let thread = std::thread::Builder::new()
            .name("newsgraph-writer".into())
            .spawn(move || -> io::Result<File> {
                let mut file = file;
                let mut direct = true;
                for mut buf in from_writer {
                    write_chunk(&mut file, &mut direct, buf.padded())?;
                    buf.len = 0;
                    // The other side may be gone after an error of its own; nothing to give back.
                    let _ = give_back.send(buf);
                }
                Ok(file)
            })?;
        Ok(Some(DirectWriter {
            current: AlignedBuf::new(),
            to_disk: Some(to_disk),
            recycled,
            spare: CHUNKS - 1,
            written: 0,
            thread: Some(thread),
        }))
    }

    fn write_all(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            let n = bytes.len().min(self.current.room());
            self.current.push(&bytes[..n]);
            self.written += n as u64;
            bytes = &bytes[n..];
            if self.current.room() == 0 {
                self.send()?;
            }
        }
        Ok(())
    }

    /// Hands the current chunk to the writer thread and takes an empty one.
    fn send(&mut self) -> io::Result<()> {
        let next = if self.spare > 0 {
            self.spare -= 1;
            AlignedBuf::new()
        } else {
            match self.recycled.recv() {
                Ok(b) => b,
                Err(_) => return Err(self.thread_error()),
            }
        };
        let full = std::mem::replace(&mut self.current, next);
        let sent = self.to_disk.as_ref().map(|t| t.send(full).is_ok()).unwrap_or(false);
        if sent {
            Ok(())
        } else {
            Err(self.thread_error())
        }
    }

    /// The writer thread's error, once it has stopped.
    fn thread_error(&mut self) -> io::Error {
        self.to_disk = None;
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(Err(e))) => e,
            _ => io::Error::other("the output writer thread stopped"),
        }
    }

    /// Writes the last (padded) chunk, waits for the thread and cuts the padding off.
    fn finish(mut self) -> io::Result<File> {
        if self.current.len > 0 {
            self.send()?;
        }
        self.to_disk = None;
        let file = match self.thread.take().map(|t| t.join()) {
            Some(Ok(r)) => r?,
            _ => return Err(io::Error::other("the output writer thread stopped")),
        };
        file.set_len(self.written)?;
        Ok(file)
    }
}

impl Drop for DirectWriter {
    fn drop(&mut self) {
        // Dropped unfinished (an error elsewhere): let the thread end; the file is discarded.
        self.to_disk = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Writes one whole chunk. If direct I/O is refused at write time (EINVAL: the file system does
/// not do it for this file after all), the file goes on through the page cache.
fn write_chunk(file: &mut File, direct: &mut bool, bytes: &[u8]) -> io::Result<()> {
    let mut rest = bytes;
    while !rest.is_empty() {
        match file.write(rest) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => rest = &rest[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if *direct && e.raw_os_error() == Some(EINVAL) => {
                leave_direct(file)?;
                *direct = false;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(target_os = "linux")]
const EINVAL: i32 = libc::EINVAL;
#[cfg(not(target_os = "linux"))]
const EINVAL: i32 = 22;

/// Opens `path` for writing with O_DIRECT; `None` if the file system refuses the flag.
#[cfg(target_os = "linux")]
fn open_direct(path: &Path) -> io::Result<Option<File>> {
    use std::os::unix::fs::OpenOptionsExt;
    let opened = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .custom_flags(libc::O_DIRECT)
        .open(path);
    match opened {
        Ok(f) => Ok(Some(f)),
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn open_direct(_path: &Path) -> io::Result<Option<File>> {
    Ok(None)
}

/// Clears O_DIRECT on an open file, so the rest goes through the page cache.
#[cfg(target_os = "linux")]
fn leave_direct(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl with F_GETFL/F_SETFL on a descriptor this File owns and keeps open; no
    // memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_DIRECT) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn leave_direct(_file: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes of every size class: empty, under a block, a block and a bit, several chunks.
    fn sample(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn direct_and_buffered_files_hold_the_same_bytes() {
        let dir = std::env::temp_dir().join(format!("newsgraph-outfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for n in [
            0,
            1,
            ALIGN - 1,
            ALIGN,
            ALIGN + 1,
            CHUNK - 3,
            CHUNK,
            2 * CHUNK + 12_345,
            5 * CHUNK + 1,
        ] {
            let data = sample(n);
            for direct in [true, false] {
                let path = dir.join(format!("out-{n}-{direct}"));
                let mut f = OutputFile::create(&path, direct).expect("create");
                // Uneven pieces, as the exports write them.
                for piece in data.chunks(777_777) {
                    f.write_all(piece).expect("write");
                }
                f.finish(true).expect("finish");
                let back = std::fs::read(&path).expect("read back");
                assert_eq!(back.len(), n, "length, {n} bytes, direct {direct}");
                assert!(back == data, "content, {n} bytes, direct {direct}");
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_existing_longer_file_is_cut_to_the_new_length() {
        let path = std::env::temp_dir().join(format!("newsgraph-outfile-trunc-{}", std::process::id()));
        std::fs::write(&path, sample(3 * ALIGN + 5)).expect("old file");
        let mut f = OutputFile::create(&path, true).expect("create");
        f.write_all(b"short").expect("write");
        f.finish(false).expect("finish");
        assert_eq!(std::fs::read(&path).expect("read back"), b"short");
        let _ = std::fs::remove_file(&path);
    }
}
