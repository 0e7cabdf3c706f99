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

/// A batch's results, in source order: each document's id and what `prepare` made of it.
type Batch<T> = Vec<Result<(String, T)>>;

/// Reads and extracts every source in parallel, passes each extraction through `prepare` on the
/// thread that made it, and hands the result to `sink`, in the order of the sources, so the result
/// is the same whatever the number of threads. Documents are extracted in batches while the
/// previous batch is handed over, and dropped once handed over. Unreadable sources and duplicate
/// document ids are returned, not handed over; an error from `sink` stops the run.
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
    let extract_batch = |batch: &[Source]| -> Batch<T> {
        batch
            .par_iter()
            .map(|s| {
                let r = read_source(s).map(|d| extract(&d, lex, date));
                if let Some(p) = progress {
                    p.docs_done.fetch_add(1, Ordering::Relaxed);
                    p.bytes_done
                        .fetch_add(r.as_ref().map(|d| d.bytes as u64).unwrap_or(0), Ordering::Relaxed);
                }
                r.map(|d| (d.id.clone(), prepare(d)))
            })
            .collect()
    };
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut hand_over = |base: usize, results: Batch<T>| -> Result<()> {
        for (i, r) in results.into_iter().enumerate() {
            match r {
                Ok((id, d)) => {
                    if let Some(&first) = seen.get(&id) {
                        errors.push(Error::BadDocument {
                            path: source_name(&sources[base + i]).into(),
                            reason: format!(
                                "duplicate document id {:?} (already read from {})",
                                id,
                                source_name(&sources[first])
                            ),
                        });
                        continue;
                    }
                    seen.insert(id, base + i);
                    sink(d)?;
                }
                Err(e) => errors.push(e),
            }
        }
        Ok(())
    };
    // Sixteen documents a thread: enough that waiting for a batch's last document costs little,
    // few enough that the memory of one batch is reused while still in the cache (at 64 a thread,
    // taking a block from the allocator's free list was a tenth of the time of one thread).
    let batch = rayon::current_num_threads().max(1) * 16;
    let mut pending: Option<(usize, Batch<T>)> = None;
    let mut at = 0;
    loop {
        let next = at..(at + batch).min(sources.len());
        let (handed, results) = rayon::join(
            || match pending.take() {
                Some((base, results)) => hand_over(base, results),
                None => Ok(()),
            },
            || extract_batch(&sources[next.clone()]),
        );
        handed?;
        if next.is_empty() {
            break;
        }
        pending = Some((next.start, results));
        at = next.end;
    }
    if let Some(p) = progress {
        p.stage.store(STAGE_RESOLVING, Ordering::Relaxed);
    }
    Ok(errors)
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
            m.insert(crate::resolve::key_text(n), key.clone());
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
