//! The newsgraph command line: a thin layer over the library.

use clap::{Parser, Subcommand};
use newsgraph::export::Format;
use newsgraph::pipeline::Progress;
use newsgraph::query::ResultsFormat;
use newsgraph::{build, BuildOptions, Error, Lexicon, Ontology};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// mimalloc: extraction allocates many small, short-lived strings and vectors per sentence; it
/// is markedly faster at that than the system allocator. Not with the RocksDB store: memory that
/// RocksDB's C side allocates is freed on the Rust side (its error messages, for one), which
/// must then be the same allocator, so that build keeps the system's.
#[cfg(not(feature = "rocksdb"))]
#[global_allocator]
static ALLOC: MiMalloc = MiMalloc;

/// The global allocator over mimalloc's C library. Requests with the alignment every block has
/// anyway (up to 16 bytes, and no more than the size) go to the plain entries: mimalloc's aligned
/// entry, which the `mimalloc` crate uses for everything, falls back to over-allocating whenever
/// the size is not a power of two and the size class's free list is empty.
#[cfg(not(feature = "rocksdb"))]
struct MiMalloc;

/// Alignment mimalloc gives every block of at least this size (`MI_MAX_ALIGN_SIZE`).
#[cfg(not(feature = "rocksdb"))]
const MI_NATURAL_ALIGN: usize = 16;

#[cfg(not(feature = "rocksdb"))]
impl MiMalloc {
    /// Whether every mimalloc block of `size` bytes is aligned to `align`.
    fn is_natural(align: usize, size: usize) -> bool {
        align <= MI_NATURAL_ALIGN && align <= size
    }
}

// SAFETY: each method hands the request to the mimalloc entry that honours its layout: the plain
// entries when the alignment is one mimalloc gives any block of that size, the aligned ones
// otherwise; blocks from either are freed with `mi_free`.
#[cfg(not(feature = "rocksdb"))]
unsafe impl std::alloc::GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if Self::is_natural(layout.align(), layout.size()) {
            unsafe { mi::mi_malloc(layout.size()).cast() }
        } else {
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if Self::is_natural(layout.align(), layout.size()) {
            unsafe { mi::mi_zalloc(layout.size()).cast() }
        } else {
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        if Self::is_natural(layout.align(), new_size) {
            unsafe { mi::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            unsafe { mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast() }
        }
    }
}

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Turns news articles into a knowledge graph (RDF, Graphviz, CSV, SPARQL)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph from articles and write it to the output directory (or into a store).
    ///
    /// Example: newsgraph build corpus/ --out output --format ttl,csv
    Build {
        /// Article files or directories (read recursively; .txt, .md, .text, .news or no extension),
        /// or "-" for standard input. Each file's stem is its document id.
        #[arg(default_value = "corpus")]
        inputs: Vec<PathBuf>,
        /// Output directory; existing outputs are replaced only when the build succeeds.
        /// Example: --out /tmp/graph
        #[arg(long, short, default_value = "output")]
        out: PathBuf,
        /// Comma-separated formats: ttl (graph.ttl), nt (graph.nt), dot (graph.dot), csv (nodes.csv, edges.csv),
        /// nq (graph.nq) and trig (graph.trig) with one named graph per document;
        /// none extracts without writing (to time extraction alone).
        /// Default: ttl,nt,dot,csv, or nothing when building into a store.
        /// Example: --format ttl,dot
        #[arg(long, short, value_delimiter = ',')]
        format: Option<Vec<String>>,
        /// Add the documents to a persistent SPARQL store (created if missing); documents seen before
        /// are replaced. Needs the `rocksdb` feature. Example: --store store
        #[arg(long)]
        store: Option<PathBuf>,
        /// Date of the documents (YYYY-MM-DD) for "on Wednesday", "last week", when the text gives none.
        /// Example: --date 2018-04-18
        #[arg(long)]
        date: Option<String>,
        /// Ontology directory to use instead of the built-in one (files missing there fall back to it).
        /// Example: --ontology ./my-ontology
        #[arg(long)]
        ontology: Option<PathBuf>,
        /// Worker threads (default: all cores).
        /// Example: --threads 2
        #[arg(long, short = 'j')]
        threads: Option<usize>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on a store or on exported files.
    ///
    /// Example: newsgraph query --file ontology/queries/bans.rq
    Query {
        /// The query text (or use --file).
        query: Option<String>,
        /// Read the query from a file. Example: --file ontology/queries/officials.rq
        #[arg(long)]
        file: Option<PathBuf>,
        /// Query a persistent store built with `build --store`. Example: --store store
        #[arg(long)]
        store: Option<PathBuf>,
        /// Query exported RDF files (.ttl, .nt, .nq, .trig) instead; default: output/graph.nq, else output/graph.ttl.
        /// Example: --graph output/graph.ttl
        #[arg(long)]
        graph: Vec<PathBuf>,
        /// Results format: table (default on a terminal), csv (default otherwise), tsv or json.
        #[arg(long)]
        format: Option<String>,
    },
    /// Send the graph to a SPARQL server with the Graph Store HTTP Protocol (a PUT per graph).
    ///
    /// Example: newsgraph push --store store --endpoint http://127.0.0.1:7878/store
    Push {
        /// The Graph Store endpoint (http://host:port/path).
        #[arg(long)]
        endpoint: String,
        /// Push a persistent store built with `build --store`. Example: --store store
        #[arg(long)]
        store: Option<PathBuf>,
        /// Push exported N-Quads or TriG files instead (one named graph per document). Example: --graph output/graph.nq
        #[arg(long)]
        graph: Vec<PathBuf>,
        /// Attempts per graph before giving up on a server that keeps failing.
        #[arg(long, default_value_t = 5)]
        attempts: u32,
    },
    /// Show how one article is read: sentences, the entities found in each, and the statements.
    ///
    /// Example: newsgraph explain corpus/2018-04-18-iran-leader-quits-telegram.txt
    Explain {
        /// The article file.
        file: PathBuf,
        /// Date of the document (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
    },
}

fn parse_date(d: Option<String>) -> newsgraph::Result<Option<newsgraph::model::Date>> {
    d.map(|d| newsgraph::dates::parse_iso(&d).ok_or_else(|| Error::Usage(format!("--date {d:?}: expected YYYY-MM-DD"))))
        .transpose()
}

fn lexicon(ontology: Option<&Path>) -> newsgraph::Result<Lexicon> {
    Ok(Lexicon::new(match ontology {
        Some(dir) => Ontology::from_dir(dir)?,
        None => Ontology::builtin()?,
    }))
}

/// Runs a build, showing progress on a terminal.
#[allow(clippy::too_many_arguments)]
fn run_build(
    inputs: Vec<PathBuf>,
    out: PathBuf,
    format: Option<Vec<String>>,
    store: Option<PathBuf>,
    date: Option<String>,
    ontology: Option<PathBuf>,
    threads: Option<usize>,
    quiet: bool,
) -> newsgraph::Result<newsgraph::BuildReport> {
    let format = format.unwrap_or_else(|| {
        if store.is_some() {
            vec![]
        } else {
            vec!["ttl".into(), "nt".into(), "dot".into(), "csv".into()]
        }
    });
    // "none" extracts and resolves without writing anything (for benchmarks).
    let formats = format
        .iter()
        .filter(|f| f.as_str() != "none")
        .map(|f| f.parse::<Format>())
        .collect::<newsgraph::Result<Vec<_>>>()?;
    let date = parse_date(date)?;
    let lex = lexicon(ontology.as_deref())?;
    let progress = (!quiet && std::io::stderr().is_terminal()).then(|| Arc::new(Progress::default()));
    let ticker = progress.clone().map(|p| {
        std::thread::spawn(move || {
            let start = std::time::Instant::now();
            while !p.finished.load(Ordering::Relaxed) {
                std::thread::sleep(std::time::Duration::from_millis(250));
                eprint!("\r\x1b[2Knewsgraph: {}", p.line(start.elapsed()));
            }
            eprint!("\r\x1b[2K");
        })
    });
    let report = build(
        &BuildOptions {
            inputs,
            out,
            formats,
            date,
            threads,
            progress: progress.clone(),
            store,
        },
        &lex,
    );
    if let Some(p) = &progress {
        p.finished.store(true, Ordering::Relaxed);
    }
    if let Some(t) = ticker {
        let _ = t.join();
    }
    report
}

fn run_query(
    query: Option<String>,
    file: Option<PathBuf>,
    store: Option<PathBuf>,
    graph: Vec<PathBuf>,
    format: Option<String>,
) -> newsgraph::Result<()> {
    let text = match (query, file) {
        (Some(q), None) => q,
        (None, Some(f)) => std::fs::read_to_string(&f).map_err(|source| Error::Read { path: f, source })?,
        _ => return Err(Error::Usage("give the query as an argument or with --file, not both".into())),
    };
    let format = match format {
        Some(f) => f.parse()?,
        None if std::io::stdout().is_terminal() => ResultsFormat::Table,
        None => ResultsFormat::Csv,
    };
    // Refuse a bad query before loading anything.
    let _ = newsgraph::query::parse(&text)?;
    let db = match store {
        Some(dir) => newsgraph::store::open(&dir)?,
        None => {
            let files = if graph.is_empty() {
                let nq = PathBuf::from("output/graph.nq");
                let ttl = PathBuf::from("output/graph.ttl");
                match (nq.exists(), ttl.exists()) {
                    (true, _) => vec![nq],
                    (false, true) => vec![ttl],
                    _ => {
                        return Err(Error::Usage(
                            "no graph to query: run `newsgraph build` first, or pass --graph FILE or --store DIR".into(),
                        ))
                    }
                }
            } else {
                graph
            };
            newsgraph::query::load_files(&files)?
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    newsgraph::query::run(&db, &text, format, &mut out)?;
    std::io::Write::flush(&mut out).map_err(|e| Error::Rdf(format!("writing results: {e}")))
}

fn fail(e: &Error) -> ExitCode {
    eprintln!("newsgraph: error: {e}");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Explain { file, date } => {
            let run = || -> newsgraph::Result<String> {
                let date = parse_date(date)?;
                let lex = lexicon(None)?;
                let doc = newsgraph::read::read_source(&newsgraph::read::Source::File(file))?;
                Ok(newsgraph::extract::explain(&doc, &lex, date))
            };
            match run() {
                Ok(s) => {
                    print!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Command::Push {
            endpoint,
            store,
            graph,
            attempts,
        } => {
            let run = || -> newsgraph::Result<newsgraph::push::PushReport> {
                let db = match (store, graph.is_empty()) {
                    (Some(dir), true) => newsgraph::store::open(&dir)?,
                    (None, false) => newsgraph::query::load_files(&graph)?,
                    _ => return Err(Error::Usage("give either --store DIR or --graph FILE...".into())),
                };
                newsgraph::push::push(&db, &endpoint, attempts.max(1))
            };
            match run() {
                Ok(r) => {
                    eprintln!(
                        "newsgraph: pushed {} graphs, {} triples to {endpoint} ({} retries)",
                        r.graphs, r.triples, r.retries
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Command::Query {
            query,
            file,
            store,
            graph,
            format,
        } => match run_query(query, file, store, graph, format) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Build {
            inputs,
            out,
            format,
            store,
            date,
            ontology,
            threads,
            quiet,
        } => match run_build(inputs, out, format, store, date, ontology, threads, quiet) {
            Ok(report) => {
                for e in &report.skipped {
                    eprintln!("newsgraph: {e}");
                }
                if !quiet {
                    let written = if report.files.is_empty() {
                        "no files written".to_string()
                    } else {
                        format!(
                            "wrote {}",
                            report.files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
                        )
                    };
                    eprintln!(
                        "newsgraph: {} documents, {} entities, {} statements; {written}",
                        report.documents, report.entities, report.statements
                    );
                    if let Some(s) = &report.store {
                        eprintln!(
                            "newsgraph: store: {} added, {} replaced, {} graphs rewritten, {} documents in all",
                            s.added, s.replaced, s.rewritten, s.documents
                        );
                    }
                }
                if report.skipped.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(2)
                }
            }
            Err(e) => fail(&e),
        },
    }
}

#[cfg(all(test, not(feature = "rocksdb")))]
mod tests {
    use super::MiMalloc;
    use std::alloc::{GlobalAlloc, Layout};

    /// Every block the shim hands out honours its layout's alignment, keeps its bytes through a
    /// reallocation to larger and smaller sizes, and comes zeroed from `alloc_zeroed`: the plain
    /// entries are only used where mimalloc's size classes guarantee the alignment.
    #[test]
    fn blocks_are_aligned_and_keep_their_bytes() {
        let a = MiMalloc;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in (1..=130).chain([255, 1000, 4097, 70_000]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: the layouts have non-zero sizes; each block is used within its size and
                // freed once, with the layout it was made with.
                unsafe {
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "alloc_zeroed size {size} align {align}");
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    a.dealloc(z, layout);
                    let p = a.alloc(layout);
                    assert_eq!(p as usize % align, 0, "alloc size {size} align {align}");
                    for i in 0..size {
                        *p.add(i) = i as u8;
                    }
                    let grown = a.realloc(p, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "grown size {size} align {align}");
                    let shrunk = a.realloc(grown, Layout::from_size_align(size * 3, align).unwrap(), size.div_ceil(2));
                    assert_eq!(shrunk as usize % align, 0, "shrunk size {size} align {align}");
                    for i in 0..size.div_ceil(2) {
                        assert_eq!(*shrunk.add(i), i as u8);
                    }
                    a.dealloc(shrunk, Layout::from_size_align(size.div_ceil(2), align).unwrap());
                }
            }
        }
    }
}
