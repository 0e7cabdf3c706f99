//! SPARQL over the graph: SELECT, ASK, CONSTRUCT and DESCRIBE against an Oxigraph store (the
//! persistent one, or an in-memory one loaded from exported files), with results as a readable
//! table or in the standard SPARQL results formats (CSV, TSV, JSON).

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedOrBlankNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned text table (solutions), "true"/"false" (ASK), Turtle (graphs).
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
}

impl FromStr for ResultsFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<ResultsFormat> {
        match s.to_ascii_lowercase().as_str() {
            "table" => Ok(ResultsFormat::Table),
            "csv" => Ok(ResultsFormat::Csv),
            "tsv" => Ok(ResultsFormat::Tsv),
            "json" => Ok(ResultsFormat::Json),
            other => Err(Error::Usage(format!(
                "unknown results format {other:?} (expected table, csv, tsv or json)"
            ))),
        }
    }
}

fn rdf_format(path: &Path) -> Result<RdfFormat> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    RdfFormat::from_extension(&ext)
        .ok_or_else(|| Error::Usage(format!("{}: cannot tell the RDF format from the extension", path.display())))
}

/// An in-memory store loaded from exported RDF files (.ttl, .nt, .nq, .trig).
pub fn load_files(paths: &[impl AsRef<Path>]) -> Result<Store> {
    let store = Store::new().map_err(|e| Error::Rdf(e.to_string()))?;
    for p in paths {
        let p = p.as_ref();
        let format = rdf_format(p)?;
        let file = std::fs::File::open(p).map_err(|source| Error::Read {
            path: p.to_path_buf(),
            source,
        })?;
        store
            .load_from_reader(RdfParser::from_format(format), file)
            .map_err(|e| Error::Rdf(format!("{}: {e}", p.display())))?;
    }
    Ok(store)
}

fn evaluation_error(e: impl std::fmt::Display) -> Error {
    Error::Rdf(format!("query failed: {e}"))
}

/// Parses a query; a syntax error names its position.
pub fn parse(query: &str) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
    SparqlEvaluator::new()
        .parse_query(query)
        .map_err(|e| Error::Usage(format!("SPARQL syntax error: {e}")))
}

/// Shows a term for a table: IRIs as <iri>, literals by their value.
fn cell(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// Runs a query on a store and writes its results.
pub fn run(store: &Store, query: &str, format: ResultsFormat, out: &mut dyn Write) -> Result<()> {
    let io = |e: std::io::Error| Error::Rdf(format!("writing results: {e}"));
    // The default graph is the union of the graphs: entity descriptions and every document's
    // statements answer a query without GRAPH; GRAPH ?g still reaches each document's graph.
    // newsgraph's own bookkeeping graph stays out of sight.
    let mut prepared = parse(query)?;
    let graphs: Vec<NamedOrBlankNode> = store
        .named_graphs()
        .filter_map(|g| g.ok())
        .filter(|g| {
            crate::store::is_document_graph(&match g {
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
                other => other.to_string(),
            })
        })
        .collect();
    let mut default: Vec<GraphName> = vec![GraphName::DefaultGraph];
    default.extend(graphs.iter().cloned().map(GraphName::from));
    prepared.dataset_mut().set_default_graph(default);
    prepared.dataset_mut().set_available_named_graphs(graphs);
    let results = prepared.on_store(store).execute().map_err(evaluation_error)?;
    let standard = match format {
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
        ResultsFormat::Table => None,
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            if let Some(f) = standard {
                let mut ser = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut *out, vars)
                    .map_err(io)?;
                for s in solutions {
                    let s = s.map_err(evaluation_error)?;
                    ser.serialize(s.iter()).map_err(io)?;
                }
                ser.finish().map_err(io)?;
            } else {
                let mut rows: Vec<Vec<String>> = vec![vars.iter().map(|v| v.as_str().to_string()).collect()];
                for s in solutions {
                    let s = s.map_err(evaluation_error)?;
                    rows.push(s.values().iter().map(|v| v.as_ref().map(cell).unwrap_or_default()).collect());
                }
                write_table(&rows, out).map_err(io)?;
            }
        }
        QueryResults::Boolean(b) => match standard {
            Some(f) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut *out, b)
                    .map_err(io)?;
            }
            None => writeln!(out, "{b}").map_err(io)?,
        },
        QueryResults::Graph(triples) => {
            let format = if standard.is_some() {
                RdfFormat::NTriples
            } else {
                RdfFormat::Turtle
            };
            let mut ser = RdfSerializer::from_format(format).for_writer(&mut *out);
            for t in triples {
                ser.serialize_triple(&t.map_err(evaluation_error)?).map_err(io)?;
            }
            ser.finish().map_err(io)?;
        }
    }
    Ok(())
}

fn write_table(rows: &[Vec<String>], out: &mut dyn Write) -> std::io::Result<()> {
    let cols = rows.first().map(Vec::len).unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .map(|r| r.get(c).map(|s| s.chars().count()).unwrap_or(0))
            .max()
            .unwrap_or(0)
            .min(60)
    };
    let widths: Vec<usize> = (0..cols).map(width).collect();
    for (i, r) in rows.iter().enumerate() {
        let line: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(s, &w)| {
                let s: String = if s.chars().count() > w {
                    s.chars().take(w.saturating_sub(1)).chain(std::iter::once('…')).collect()
                } else {
                    s.clone()
                };
                format!("{s:<w$}")
            })
            .collect();
        writeln!(out, "{}", line.join(" | ").trim_end())?;
        if i == 0 {
            writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("-+-"))?;
        }
    }
    writeln!(out, "({} rows)", rows.len().saturating_sub(1))
}
