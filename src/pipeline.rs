//! The build: reads the inputs, extracts every document in parallel, resolves the corpus, builds
//! the graph and writes the exports atomically (all into a staging directory, then renamed into
//! place), so a failed run leaves the previous output untouched.

use crate::corpus::{merge, CorpusBuilder, PreparedDoc};
use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::extract::{extract, DocExtraction};
use crate::graph::KnowledgeGraph;
use crate::lexicon::Lexicon;
use crate::model::Date;
use crate::outfile::OutputFile;
use crate::read::{expand_inputs, read_source, Source};
use crate::spool::SentenceSpool;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

/// Counters a long build updates as documents are done, for a progress display.
#[derive(Debug, Default)]
pub struct Progress {
    /// Documents to read.
    pub docs_total: AtomicUsize,
    /// Bytes to read (from file sizes).
    pub bytes_total: AtomicU64,
    /// Documents done.
    pub docs_done: AtomicUsize,
    /// Bytes done.
    pub bytes_done: AtomicU64,
    /// What the build is doing: one of the `STAGE_` constants.
    pub stage: AtomicUsize,
    /// Set when the build is over.
    pub finished: AtomicBool,
}

/// Reading and extracting documents.
pub const STAGE_EXTRACTING: usize = 0;
/// Resolving entities across the corpus.
pub const STAGE_RESOLVING: usize = 1;
/// Writing the output files.
pub const STAGE_WRITING: usize = 2;

impl Progress {
    /// A one-line status: documents done, throughput and time left.
    pub fn line(&self, elapsed: std::time::Duration) -> String {
        let (d, dt) = (self.docs_done.load(Ordering::Relaxed), self.docs_total.load(Ordering::Relaxed));
        let (b, bt) = (self.bytes_done.load(Ordering::Relaxed), self.bytes_total.load(Ordering::Relaxed));
        let secs = elapsed.as_secs_f64().max(1e-3);
        let rate = b as f64 / secs;
        let left = if rate > 0.0 { (bt.saturating_sub(b)) as f64 / rate } else { 0.0 };
        match self.stage.load(Ordering::Relaxed) {
            STAGE_EXTRACTING => format!("{d}/{dt} documents, {:.1} MB/s, {:.0} s left", rate / 1e6, left),
            STAGE_RESOLVING => format!("{d} documents read; resolving entities across the corpus"),
            _ => format!("{d} documents read; writing the outputs"),
        }
    }
}

fn debug_rss(stage: &str) {
    if std::env::var_os("NEWSGRAPH_DEBUG_RSS").is_some() {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
        let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        let t = START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64();
        eprintln!("rss after {stage}: {} MB at {t:.2} s", pages * 4096 / 1_000_000);
    }
}

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Files, directories or "-".
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    pub out: PathBuf,
    /// Formats to write.
    pub formats: Vec<Format>,
    /// Document date for relative dates, when the documents do not give one.
    pub date: Option<Date>,
    /// Worker threads (default: every core).
    pub threads: Option<usize>,
    /// Counters to update as documents are done.
    pub progress: Option<Arc<Progress>>,
    /// A persistent store to add the documents to (incrementally).
    pub store: Option<PathBuf>,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Documents built.
    pub documents: usize,
    /// Bytes of input read.
    pub bytes: usize,
    /// Inputs skipped, each with its reason.
    pub skipped: Vec<Error>,
    /// Entities in the graph.
    pub entities: usize,
    /// Statements in the graph.
    pub statements: usize,
    /// Files written.
    pub files: Vec<PathBuf>,
    /// What the store update did, when building into a store.
    pub store: Option<crate::store::StoreReport>,
}

fn source_name(s: &Source) -> String {
    match s {
        Source::File(p) => p.display().to_string(),
        Source::Stdin => "-".into(),
    }
}

/// Reads and extracts every source in parallel, passes each extraction through `prepare` on the
/// thread that made it, and hands the result to `sink`, in the order of the sources, so the result
/// is the same whatever the number of threads. Each thread takes the next document as soon as
/// it is done with one (see [`in_order`]); documents are dropped once handed over. Unreadable
/// sources and duplicate document ids are returned, not handed over; an error from `sink` stops
/// the run.
pub fn extract_each<T, P, F>(
    sources: &[Source],
    lex: &Lexicon,
    date: Option<Date>,
    progress: Option<&Progress>,
    prepare: P,
    mut sink: F,
) -> Result<Vec<Error>>
where
    T: Send,
    P: Fn(DocExtraction) -> T + Sync,
    F: FnMut(T) -> Result<()> + Send,
{
    if let Some(p) = progress {
        p.docs_total.store(sources.len(), Ordering::Relaxed);
        let bytes: u64 = sources
            .iter()
            .map(|s| match s {
                Source::File(f) => std::fs::metadata(f).map(|m| m.len()).unwrap_or(0),
                Source::Stdin => 0,
            })
            .sum();
        p.bytes_total.store(bytes, Ordering::Relaxed);
    }
    let extract_one = |i: usize| -> Result<(String, T)> {
        let r = read_source(&sources[i]).map(|d| extract(&d, lex, date));
        if let Some(p) = progress {
            p.docs_done.fetch_add(1, Ordering::Relaxed);
            p.bytes_done
                .fetch_add(r.as_ref().map(|d| d.bytes as u64).unwrap_or(0), Ordering::Relaxed);
        }
        r.map(|d| (d.id.clone(), prepare(d)))
    };
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let hand_over = |i: usize, r: Result<(String, T)>| -> Result<()> {
        match r {
            Ok((id, d)) => {
                if let Some(&first) = seen.get(&id) {
                    errors.push(Error::BadDocument {
                        path: source_name(&sources[i]).into(),
                        reason: format!(
                            "duplicate document id {:?} (already read from {})",
                            id,
                            source_name(&sources[first])
                        ),
                    });
                    return Ok(());
                }
                seen.insert(id, i);
                sink(d)
            }
            Err(e) => {
                errors.push(e);
                Ok(())
            }
        }
    };
    // Sixteen documents a thread ahead of the one handed over: enough that a long document
    // holds no thread up, few enough that the memory of the documents in flight is reused while
    // still in the cache (at 64 a thread, taking a block from the allocator's free list was a
    // tenth of the time of one thread).
    let ahead = rayon::current_num_threads().max(1) * 16;
    in_order(sources.len(), ahead, extract_one, hand_over)?;
    if let Some(p) = progress {
        p.stage.store(STAGE_RESOLVING, Ordering::Relaxed);
    }
    Ok(errors)
}

/// The documents between the next to hand over and the furthest one taken, each slot filled
/// when its document is done.
struct InFlight<R> {
    /// Index of the first slot: the next to hand over.
    base: usize,
    slots: std::collections::VecDeque<Option<R>>,
    /// A thread is handing over (only one does at a time, so the order holds).
    handing: bool,
    /// Threads waiting for room (a wake-up is a system call, made only when one waits).
    waiting: usize,
    /// The first error of `hand_over`, which stops the run.
    failed: Option<Error>,
}

/// Runs `work` on `0..n` on every thread of the pool and `hand_over` on the results in index
/// order. Each thread takes the next index as soon as it is done, with no batch to wait for at
/// the end; a thread that finishes the index next in order hands over every result ready from
/// there, the others go on working. No index is taken `ahead` or more past the first whose result
/// is not yet on its way to `hand_over`, so at most twice `ahead` results are held at a time (those
/// in flight and those being handed over). An error from `hand_over` stops the run and is returned.
fn in_order<R, W, H>(n: usize, ahead: usize, work: W, hand_over: H) -> Result<()>
where
    R: Send,
    W: Fn(usize) -> R + Sync,
    H: FnMut(usize, R) -> Result<()> + Send,
{
    use std::sync::{Condvar, Mutex, PoisonError};
    let next = AtomicUsize::new(0);
    let state = Mutex::new(InFlight {
        base: 0,
        slots: std::collections::VecDeque::new(),
        handing: false,
        waiting: 0,
        failed: None,
    });
    let room = Condvar::new();
    let hand_over = Mutex::new(hand_over);
    // A panic elsewhere poisons the locks; the state stays consistent, so it is used as it is.
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    let ahead = ahead.max(1);
    let worker = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= n {
            return;
        }
        let mut w = lock();
        while i >= w.base + ahead && w.failed.is_none() {
            w.waiting += 1;
            w = room.wait(w).unwrap_or_else(PoisonError::into_inner);
            w.waiting -= 1;
        }
        if w.failed.is_some() {
            return;
        }
        drop(w);
        let r = work(i);
        let mut w = lock();
        let k = i - w.base;
        if w.slots.len() <= k {
            w.slots.resize_with(k + 1, || None);
        }
        w.slots[k] = Some(r);
        // After an error nothing more is handed over.
        if w.handing || w.failed.is_some() {
            continue;
        }
        w.handing = true;
        loop {
            let from = w.base;
            let mut ready = Vec::new();
            while let Some(r) = w.slots.front_mut().and_then(Option::take) {
                w.slots.pop_front();
                ready.push(r);
            }
            if ready.is_empty() {
                w.handing = false;
                break;
            }
            w.base += ready.len();
            let wake = w.waiting > 0;
            drop(w);
            if wake {
                room.notify_all();
            }
            let outcome = {
                let mut h = hand_over.lock().unwrap_or_else(PoisonError::into_inner);
                ready.into_iter().enumerate().try_for_each(|(j, r)| (*h)(from + j, r))
            };
            w = lock();
            if let Err(e) = outcome {
                w.failed.get_or_insert(e);
                w.handing = false;
                drop(w);
                room.notify_all();
                return;
            }
        }
    };
    rayon::broadcast(|_| worker());
    let w = state.into_inner().unwrap_or_else(PoisonError::into_inner);
    w.failed.map_or(Ok(()), Err)
}

/// Reads and extracts every source, in parallel, into a vector in the order of the sources.
/// Duplicate document ids are skipped.
pub fn extract_sources(
    sources: &[Source],
    lex: &Lexicon,
    date: Option<Date>,
    progress: Option<&Progress>,
) -> (Vec<DocExtraction>, Vec<Error>) {
    let mut docs = Vec::new();
    let errors = extract_each(
        sources,
        lex,
        date,
        progress,
        |d| d,
        |d| {
            docs.push(d);
            Ok(())
        },
    )
    .unwrap_or_default();
    (docs, errors)
}

/// Names and aliases of known entities, folded, to their keys (pattern names join known entities).
pub fn known_names(lex: &Lexicon) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for (i, e) in lex.ontology.entities.iter().enumerate() {
        let key = crate::mention::known_key(lex, i);
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            m.insert(crate::resolve::key_text(n), key.to_string());
        }
    }
    m
}

/// Resolves the corpus and builds the graph.
pub fn build_graph(docs: Vec<DocExtraction>, lex: &Lexicon) -> Result<KnowledgeGraph> {
    Ok(KnowledgeGraph::from_corpus(merge(docs, &known_names(lex), lex)?))
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })
}

/// Writes one output file into the staging directory (direct I/O where the system allows it, see
/// [`OutputFile`]) and syncs it to disk, so the rename that follows never exposes a file the disk
/// does not hold. Errors name the file in the output directory, where the user looks for it.
fn write_file(stage: &Path, out: &Path, name: &str, f: impl FnOnce(OutputFile) -> Result<OutputFile>) -> Result<PathBuf> {
    let path = stage.join(name);
    let werr = |source| Error::Write {
        path: out.join(name),
        source,
    };
    let direct = std::env::var_os("NEWSGRAPH_BUFFERED").is_none();
    let w = f(OutputFile::create(&path, direct).map_err(werr)?).map_err(|e| match e {
        // The exporters leave the path to the caller that knows it.
        Error::Write { source, .. } if e.is_unplaced_write() => werr(source),
        e => e,
    })?;
    w.finish(std::env::var_os("NEWSGRAPH_NOSYNC").is_none()).map_err(werr)?;
    Ok(path)
}

/// Writes the chosen formats into `out`: first into a staging directory inside it, then each file
/// renamed into place. On any error the staging directory is removed and `out` is unchanged.
pub fn write_outputs(g: &KnowledgeGraph, out: &Path, formats: &[Format]) -> Result<Vec<PathBuf>> {
    create_dir(out)?;
    let stage = out.join(format!(".newsgraph-staging-{}", std::process::id()));
    std::fs::create_dir_all(&stage).map_err(|source| Error::Write {
        path: stage.clone(),
        source,
    })?;
    let result = (|| -> Result<Vec<PathBuf>> {
        // Every file is written at once, each on its own task.
        let jobs: Vec<(Format, &str)> = formats.iter().flat_map(|&f| f.files().iter().map(move |&n| (f, n))).collect();
        let staged = jobs
            .par_iter()
            .map(|&(f, file)| match f.rdf_format() {
                Some(rdf) => write_file(&stage, out, file, |w| export::rdf::write(g, rdf, w)),
                None if f == Format::Dot => write_file(&stage, out, file, |w| export::dot::write(g, w).map_err(Error::unplaced_write)),
                None if file == "nodes.csv" => write_file(&stage, out, file, |w| export::csv::write_nodes(g, w)),
                None => write_file(&stage, out, file, |w| export::csv::write_edges(g, w)),
            })
            .collect::<Result<Vec<PathBuf>>>()?;
        // Refuse before replacing anything if a target cannot be replaced (a directory in the way).
        for p in &staged {
            if let Some(name) = p.file_name() {
                let target = out.join(name);
                if target.is_dir() {
                    return Err(Error::Write {
                        path: target,
                        source: std::io::Error::other("a directory is in the way"),
                    });
                }
            }
        }
        let mut done = Vec::new();
        for p in staged {
            let Some(name) = p.file_name() else { continue };
            let target = out.join(name);
            std::fs::rename(&p, &target).map_err(|source| Error::Write {
                path: target.clone(),
                source,
            })?;
            done.push(target);
        }
        Ok(done)
    })();
    let _ = std::fs::remove_dir_all(&stage);
    result
}

/// Runs a whole build: inputs to written outputs. Unreadable inputs are reported in the report,
/// not as an error; an error means nothing was written.
pub fn build(opts: &BuildOptions, lex: &Lexicon) -> Result<BuildReport> {
    match opts.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| Error::Usage(format!("threads: {e}")))?
            .install(|| build_in_pool(opts, lex)),
        None => build_in_pool(opts, lex),
    }
}

fn build_in_pool(opts: &BuildOptions, lex: &Lexicon) -> Result<BuildReport> {
    // Open the store first: a busy or unavailable store fails the build before any work.
    let db = opts.store.as_deref().map(crate::store::open).transpose()?;
    debug_rss("start");
    let (sources, mut skipped) = expand_inputs(&opts.inputs);
    // Sentence texts wait in a spool file beside the outputs until the exports read them.
    let texts = if opts.formats.is_empty() {
        SentenceSpool::discard()
    } else {
        create_dir(&opts.out)?;
        SentenceSpool::file(&opts.out.join(format!(".newsgraph-spool-{}", std::process::id())))?
    };
    let known = known_names(lex);
    let mut corpus = CorpusBuilder::new(lex, &known, texts);
    let mut kept = Vec::new();
    let (mut bytes, keep) = (0, db.is_some());
    let prepare = |d: DocExtraction| (d.bytes, PreparedDoc::new(&d), keep.then_some(d));
    let errors = extract_each(&sources, lex, opts.date, opts.progress.as_deref(), prepare, |(n, d, whole)| {
        bytes += n;
        kept.extend(whole);
        corpus.add_prepared(d)
    })?;
    skipped.extend(errors);
    debug_rss("extracted");
    let documents = corpus.documents();
    let store = match &db {
        Some(db) => Some(crate::store::update(db, kept, lex)?),
        None => None,
    };
    let g = KnowledgeGraph::from_corpus(corpus.finish()?);
    debug_rss("graph");
    if let Some(p) = &opts.progress {
        p.stage.store(STAGE_WRITING, Ordering::Relaxed);
    }
    let files = if opts.formats.is_empty() {
        Vec::new()
    } else {
        write_outputs(&g, &opts.out, &opts.formats)?
    };
    debug_rss("exports");
    Ok(BuildReport {
        documents,
        bytes,
        skipped,
        entities: g.entities().count(),
        statements: g.statement_count(),
        files,
        store,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool")
    }

    /// Work of uneven length (a few documents much longer than the rest), so threads overtake
    /// each other.
    fn uneven(i: usize) -> usize {
        let spins = if i % 7 == 3 { 200_000 } else { 2_000 + (i * 7919) % 5_000 };
        (0..spins).fold(i, |a, x| std::hint::black_box(a ^ x)) ^ (0..spins).fold(0, |a, x| a ^ x)
    }

    #[test]
    fn results_are_handed_over_in_order_and_never_too_far_ahead() {
        for threads in [1, 2, 3] {
            let handed = AtomicUsize::new(0);
            let lead = AtomicUsize::new(0);
            let ahead = 4;
            let mut seen = Vec::new();
            pool(threads)
                .install(|| {
                    in_order(
                        300,
                        ahead,
                        |i| {
                            lead.fetch_max(i - handed.load(Ordering::SeqCst).min(i), Ordering::SeqCst);
                            uneven(i)
                        },
                        |i, r| {
                            assert_eq!(r, i, "the result of index {i}");
                            seen.push(i);
                            handed.store(i + 1, Ordering::SeqCst);
                            Ok(())
                        },
                    )
                })
                .expect("no error");
            assert_eq!(seen, (0..300).collect::<Vec<_>>(), "{threads} threads");
            // An index is taken only while fewer than `ahead` past the first result not yet taken
            // for handing over, which is at most `ahead` past the next handed over.
            let lead = lead.load(Ordering::SeqCst);
            assert!(lead < 2 * ahead, "{threads} threads: lead {lead}");
        }
    }

    #[test]
    fn an_error_in_handing_over_stops_the_run_and_is_returned() {
        // Repeated: whether a thread finishes a document while the error is being handed over
        // depends on timing (it once handed over the documents after the failed one).
        for round in 0..20 {
            let threads = 2 + round % 2;
            error_stops_the_run(threads);
        }
    }

    fn error_stops_the_run(threads: usize) {
        let mut handed = Vec::new();
        let taken = AtomicUsize::new(0);
        let outcome = pool(threads).install(|| {
            in_order(
                1_000,
                8,
                |i| {
                    taken.fetch_add(1, Ordering::SeqCst);
                    uneven(i)
                },
                |i, _| {
                    if i == 50 {
                        return Err(Error::Usage("disk full".into()));
                    }
                    handed.push(i);
                    Ok(())
                },
            )
        });
        assert_eq!(outcome.map_err(|e| e.to_string()), Err("disk full".to_string()));
        assert_eq!(handed, (0..50).collect::<Vec<_>>(), "{threads} threads");
        assert!(
            taken.load(Ordering::SeqCst) < 100,
            "work stops soon after: {}",
            taken.load(Ordering::SeqCst)
        );
    }
}
