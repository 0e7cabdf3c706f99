//! The newsgraph command line: a thin layer over the library.

use clap::{Parser, Subcommand};
use newsgraph::export::Format;
use newsgraph::pipeline::Progress;
use newsgraph::{build, BuildOptions, Lexicon, Ontology};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "newsgraph",
    version,
    about = "Turns news articles into a knowledge graph (RDF, Graphviz, CSV)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph from articles and write it to the output directory.
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
        /// Example: --format ttl,dot
        #[arg(long, short, value_delimiter = ',', default_value = "ttl,nt,dot,csv")]
        format: Vec<String>,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Explain { file, date } => {
            let run = || -> newsgraph::Result<String> {
                let date = date
                    .as_deref()
                    .map(|d| {
                        newsgraph::dates::parse_iso(d).ok_or_else(|| newsgraph::Error::Usage(format!("--date {d:?}: expected YYYY-MM-DD")))
                    })
                    .transpose()?;
                let lex = Lexicon::new(Ontology::builtin()?);
                let doc = newsgraph::read::read_source(&newsgraph::read::Source::File(file))?;
                Ok(newsgraph::extract::explain(&doc, &lex, date))
            };
            match run() {
                Ok(s) => {
                    print!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("newsgraph: error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Build {
            inputs,
            out,
            format,
            date,
            ontology,
            threads,
            quiet,
        } => {
            let run = || -> newsgraph::Result<newsgraph::BuildReport> {
                // "none" extracts and resolves without writing anything (for benchmarks).
                let formats = format
                    .iter()
                    .filter(|f| f.as_str() != "none")
                    .map(|f| f.parse::<Format>())
                    .collect::<newsgraph::Result<Vec<_>>>()?;
                let date = match date {
                    Some(d) => Some(
                        newsgraph::dates::parse_iso(&d)
                            .ok_or_else(|| newsgraph::Error::Usage(format!("--date {d:?}: expected YYYY-MM-DD")))?,
                    ),
                    None => None,
                };
                let ont = match &ontology {
                    Some(dir) => Ontology::from_dir(dir)?,
                    None => Ontology::builtin()?,
                };
                let lex = Lexicon::new(ont);
                let progress = (!quiet && std::io::stderr().is_terminal()).then(|| Arc::new(Progress::default()));
                let ticker = progress.clone().map(|p| {
                    std::thread::spawn(move || {
                        let start = std::time::Instant::now();
                        while !p.finished.load(std::sync::atomic::Ordering::Relaxed) {
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
                    },
                    &lex,
                );
                if let Some(p) = &progress {
                    p.finished.store(true, std::sync::atomic::Ordering::Relaxed);
                }
                if let Some(t) = ticker {
                    let _ = t.join();
                }
                report
            };
            match run() {
                Ok(report) => {
                    for e in &report.skipped {
                        eprintln!("newsgraph: {e}");
                    }
                    if !quiet {
                        eprintln!(
                            "newsgraph: {} documents, {} entities, {} statements; {}",
                            report.documents,
                            report.entities,
                            report.statements,
                            if report.files.is_empty() {
                                "nothing written".to_string()
                            } else {
                                format!(
                                    "wrote {}",
                                    report.files.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
                                )
                            }
                        );
                    }
                    if report.skipped.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(2)
                    }
                }
                Err(e) => {
                    eprintln!("newsgraph: error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
