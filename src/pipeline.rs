//! The build: reads the inputs, extracts every document in parallel, resolves the corpus, builds
//! the graph and writes the exports atomically (all into a staging directory, then renamed into
//! place), so a failed run leaves the previous output untouched.

use crate::corpus::merge;
use crate::error::{Error, Result};
use crate::export::{self, Format};
use crate::extract::{extract, DocExtraction};
use crate::graph::KnowledgeGraph;
use crate::lexicon::Lexicon;
use crate::model::Date;
use crate::read::{expand_inputs, read_source, Source};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufWriter, Write};
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
    /// Set when extraction is over.
    pub finished: AtomicBool,
}

impl Progress {
    /// A one-line status: documents done, throughput and time left.
    pub fn line(&self, elapsed: std::time::Duration) -> String {
        let (d, dt) = (self.docs_done.load(Ordering::Relaxed), self.docs_total.load(Ordering::Relaxed));
        let (b, bt) = (self.bytes_done.load(Ordering::Relaxed), self.bytes_total.load(Ordering::Relaxed));
        let secs = elapsed.as_secs_f64().max(1e-3);
        let rate = b as f64 / secs;
        let left = if rate > 0.0 { (bt.saturating_sub(b)) as f64 / rate } else { 0.0 };
        format!("{d}/{dt} documents, {:.1} MB/s, {:.0} s left", rate / 1e6, left)
    }
}

fn debug_rss(stage: &str) {
    if std::env::var_os("NEWSGRAPH_DEBUG_RSS").is_some() {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
        let pages: u64 = statm.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
        eprintln!("rss after {stage}: {} MB", pages * 4096 / 1_000_000);
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

/// Reads and extracts every source, in parallel; output order follows the sources, so the result
/// is the same whatever the number of threads. Duplicate document ids are skipped.
pub fn extract_sources(
    sources: &[Source],
    lex: &Lexicon,
    date: Option<Date>,
    progress: Option<&Progress>,
) -> (Vec<DocExtraction>, Vec<Error>) {
    if let Some(p) = progress {
        p.docs_total.store(sources.len(), Ordering::Relaxed);
        let bytes: u64 = sources
            .iter()
            .map(|s| {
                if let Source::File(f) = s {
                    std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)
                } else {
                    0
                }
            })
            .sum();
        p.bytes_total.store(bytes, Ordering::Relaxed);
    }
    let results: Vec<Result<DocExtraction>> = sources
        .par_iter()
        .map(|s| {
            let r = read_source(s).map(|d| extract(&d, lex, date));
            if let Some(p) = progress {
                p.docs_done.fetch_add(1, Ordering::Relaxed);
                p.bytes_done
                    .fetch_add(r.as_ref().map(|d| d.bytes as u64).unwrap_or(0), Ordering::Relaxed);
            }
            r
        })
        .collect();
    if let Some(p) = progress {
        p.finished.store(true, Ordering::Relaxed);
    }
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (src, r) in sources.iter().zip(results) {
        match r {
            Ok(d) => {
                if let Some(&first) = seen.get(&d.id) {
                    let path = match src {
                        Source::File(p) => p.clone(),
                        Source::Stdin => "-".into(),
                    };
                    let other = match &sources[first] {
                        Source::File(p) => p.display().to_string(),
                        Source::Stdin => "-".into(),
                    };
                    errors.push(Error::BadDocument {
                        path,
                        reason: format!("duplicate document id {:?} (already read from {other})", d.id),
                    });
                    continue;
                }
                seen.insert(d.id.clone(), docs.len());
                docs.push(d);
            }
            Err(e) => errors.push(e),
        }
    }
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
pub fn build_graph(docs: Vec<DocExtraction>, lex: &Lexicon) -> KnowledgeGraph {
    KnowledgeGraph::from_corpus(merge(docs, &known_names(lex), lex))
}

fn write_file(dir: &Path, name: &str, f: impl FnOnce(BufWriter<File>) -> Result<BufWriter<File>>) -> Result<PathBuf> {
    let path = dir.join(name);
    let werr = |source| Error::Write {
        path: path.clone(),
        source,
    };
    let file = File::create(&path).map_err(werr)?;
    let mut w = f(BufWriter::new(file))?;
    w.flush().map_err(werr)?;
    w.into_inner().map_err(|e| werr(e.into_error()))?.sync_all().map_err(werr)?;
    Ok(path)
}

/// Writes the chosen formats into `out`: first into a staging directory inside it, then each file
/// renamed into place. On any error the staging directory is removed and `out` is unchanged.
pub fn write_outputs(g: &KnowledgeGraph, out: &Path, formats: &[Format]) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out).map_err(|source| Error::Write {
        path: out.to_path_buf(),
        source,
    })?;
    let stage = out.join(format!(".newsgraph-staging-{}", std::process::id()));
    std::fs::create_dir_all(&stage).map_err(|source| Error::Write {
        path: stage.clone(),
        source,
    })?;
    let result = (|| -> Result<Vec<PathBuf>> {
        let mut staged = Vec::new();
        for &f in formats {
            let file = f.files()[0];
            if let Some(rdf) = f.rdf_format() {
                staged.push(write_file(&stage, file, |w| export::rdf::write(g, rdf, w))?);
            } else if f == Format::Dot {
                let dot = |w| {
                    export::dot::write(g, w).map_err(|source| Error::Write {
                        path: stage.join(file),
                        source,
                    })
                };
                staged.push(write_file(&stage, file, dot)?);
            } else if f == Format::Csv {
                staged.push(write_file(&stage, "nodes.csv", |w| export::csv::write_nodes(g, w))?);
                staged.push(write_file(&stage, "edges.csv", |w| export::csv::write_edges(g, w))?);
            }
        }
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
    // Open the store first: a busy or unavailable store fails the build before any work.
    let db = opts.store.as_deref().map(crate::store::open).transpose()?;
    let (sources, mut skipped) = expand_inputs(&opts.inputs);
    let run = || extract_sources(&sources, lex, opts.date, opts.progress.as_deref());
    let (docs, errors) = match opts.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| Error::Usage(format!("threads: {e}")))?
            .install(run),
        None => run(),
    };
    skipped.extend(errors);
    debug_rss("extracted");
    let bytes = docs.iter().map(|d| d.bytes).sum();
    let documents = docs.len();
    let store = match &db {
        Some(db) => Some(crate::store::update(db, docs.clone(), lex)?),
        None => None,
    };
    let g = build_graph(docs, lex);
    debug_rss("graph");
    let files = if opts.formats.is_empty() {
        Vec::new()
    } else {
        write_outputs(&g, &opts.out, &opts.formats)?
    };
    Ok(BuildReport {
        documents,
        bytes,
        skipped,
        entities: g.entities().count(),
        statements: g.statements().count(),
        files,
        store,
    })
}
