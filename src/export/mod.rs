//! Exports of the knowledge graph: RDF (Turtle, N-Triples), Graphviz DOT and CSV.

pub mod csv;
pub mod dot;
pub mod iri;
pub mod rdf;

use crate::error::{Error, Result};
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// graph.ttl
    Turtle,
    /// graph.nt
    NTriples,
    /// graph.dot
    Dot,
    /// nodes.csv and edges.csv
    Csv,
    /// graph.nq: one named graph per document
    NQuads,
    /// graph.trig: the same layout as graph.nq
    TriG,
}

impl Format {
    /// The default set.
    pub const ALL: [Format; 4] = [Format::Turtle, Format::NTriples, Format::Dot, Format::Csv];

    /// The RDF serialization of an RDF format (None for DOT and CSV).
    pub fn rdf_format(self) -> Option<oxigraph::io::RdfFormat> {
        use oxigraph::io::RdfFormat;
        match self {
            Format::Turtle => Some(RdfFormat::Turtle),
            Format::NTriples => Some(RdfFormat::NTriples),
            Format::NQuads => Some(RdfFormat::NQuads),
            Format::TriG => Some(RdfFormat::TriG),
            Format::Dot | Format::Csv => None,
        }
    }

    /// The files the format writes.
    pub fn files(self) -> &'static [&'static str] {
        match self {
            Format::Turtle => &["graph.ttl"],
            Format::NTriples => &["graph.nt"],
            Format::Dot => &["graph.dot"],
            Format::Csv => &["nodes.csv", "edges.csv"],
            Format::NQuads => &["graph.nq"],
            Format::TriG => &["graph.trig"],
        }
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Ok(Format::Turtle),
            "nt" | "ntriples" | "n-triples" => Ok(Format::NTriples),
            "dot" | "graphviz" => Ok(Format::Dot),
            "csv" => Ok(Format::Csv),
            "nq" | "nquads" | "n-quads" => Ok(Format::NQuads),
            "trig" => Ok(Format::TriG),
            other => Err(Error::Usage(format!(
                "unknown format {other:?} (expected ttl, nt, nq, trig, dot, csv or none)"
            ))),
        }
    }
}
