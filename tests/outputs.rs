//! Builds the sample corpus and reads every output back the way users' tools do: Turtle and
//! N-Triples re-parsed by Oxigraph (to the same triples), DOT rendered by Graphviz, CSV read by the
//! csv crate. With CI=true a missing Graphviz is a failure, not a skip.

mod common;
use newsgraph::build;
use newsgraph::export::Format;
use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn build_into(out: &Path) -> newsgraph::BuildReport {
    let opts = common::options(vec![corpus()], out, Format::ALL.to_vec());
    build(&opts, common::lexicon()).expect("sample corpus builds")
}

fn triples(path: &Path, format: RdfFormat) -> BTreeSet<String> {
    let file = std::fs::File::open(path).expect("output exists");
    RdfParser::from_format(format)
        .for_reader(file)
        .map(|q| q.expect("parses").to_string())
        .collect()
}

#[test]
fn rdf_outputs_reparse_to_the_same_triples() {
    let dir = tempfile::tempdir().unwrap();
    let report = build_into(dir.path());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.documents >= 5 && report.statements > 20, "{report:?}");
    let ttl = triples(&dir.path().join("graph.ttl"), RdfFormat::Turtle);
    let nt = triples(&dir.path().join("graph.nt"), RdfFormat::NTriples);
    assert_eq!(ttl, nt);
    // The contract of GUIDE.md: typed entities, reified statements with provenance and modality, plain triples.
    let has = |needle: &str| ttl.iter().any(|t| t.contains(needle));
    assert!(has(
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://newsgraph.org/ontology#App>"
    ));
    assert!(has(
        "<http://www.w3.org/ns/prov#wasDerivedFrom> <https://newsgraph.org/document/2018-04-18-iran-leader-quits-telegram>"
    ));
    assert!(has(
        "<https://newsgraph.org/ontology#modality> <https://newsgraph.org/ontology#Asserted>"
    ));
    assert!(has(
        "<http://purl.org/dc/terms/identifier> \"2018-04-18-iran-leader-quits-telegram\""
    ));
    assert!(ttl.contains("<https://newsgraph.org/entity/known/telegram> <http://www.w3.org/2000/01/rdf-schema#label> \"Telegram\""));
}

#[test]
fn rebuilding_gives_byte_identical_outputs_whatever_the_threads() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build_into(a.path());
    let opts = newsgraph::BuildOptions {
        threads: Some(1),
        ..common::options(vec![corpus()], b.path(), Format::ALL.to_vec())
    };
    build(&opts, common::lexicon()).unwrap();
    for f in ["graph.ttl", "graph.nt", "graph.dot", "nodes.csv", "edges.csv"] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn dot_output_renders_with_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path());
    let dot = dir.path().join("graph.dot");
    match Command::new("dot").arg("-Tsvg").arg(&dot).output() {
        Ok(out) => {
            assert!(out.status.success(), "dot failed: {}", String::from_utf8_lossy(&out.stderr));
            assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
        }
        Err(e) => {
            assert!(std::env::var("CI").is_err(), "CI needs Graphviz: {e}");
            eprintln!("skipped: Graphviz `dot` not installed ({e})");
        }
    }
}

#[test]
fn csv_outputs_read_back_with_headers_and_one_row_per_item() {
    let dir = tempfile::tempdir().unwrap();
    let report = build_into(dir.path());
    let mut nodes = csv::Reader::from_path(dir.path().join("nodes.csv")).unwrap();
    assert_eq!(
        nodes.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "name", "class", "other names", "documents mentioning it"]
    );
    let rows: Vec<csv::StringRecord> = nodes.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), report.entities);
    assert!(rows.iter().any(|r| &r[1] == "Telegram" && &r[2] == "App"));
    let mut edges = csv::Reader::from_path(dir.path().join("edges.csv")).unwrap();
    let header = edges.headers().unwrap().clone();
    assert_eq!(&header[2], "relation");
    assert_eq!(&header[13], "sentence");
    let rows: Vec<csv::StringRecord> = edges.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), report.statements);
    assert!(rows.iter().all(|r| r.len() == 14 && !r[9].is_empty() && !r[13].is_empty()));
}

#[test]
fn a_failed_write_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path());
    let before = std::fs::read(dir.path().join("graph.ttl")).unwrap();
    std::fs::remove_file(dir.path().join("graph.nt")).unwrap();
    std::fs::create_dir(dir.path().join("graph.nt")).unwrap();
    let opts = common::options(vec![corpus()], dir.path(), Format::ALL.to_vec());
    let err = build(&opts, common::lexicon()).unwrap_err().to_string();
    assert!(err.contains("graph.nt") && err.contains("directory is in the way"), "{err}");
    assert_eq!(std::fs::read(dir.path().join("graph.ttl")).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".newsgraph"))
        .collect();
    assert!(leftovers.is_empty(), "staging directory left behind");
}

#[test]
fn quad_outputs_hold_one_named_graph_per_document_and_the_same_triples() {
    let dir = tempfile::tempdir().unwrap();
    let opts = common::options(vec![corpus()], dir.path(), vec![Format::Turtle, Format::NQuads, Format::TriG]);
    let report = build(&opts, common::lexicon()).unwrap();
    let parse = |f: &str, format: RdfFormat| -> Vec<oxigraph::model::Quad> {
        RdfParser::from_format(format)
            .for_reader(std::fs::File::open(dir.path().join(f)).unwrap())
            .map(|q| q.unwrap())
            .collect()
    };
    let nq = parse("graph.nq", RdfFormat::NQuads);
    let trig = parse("graph.trig", RdfFormat::TriG);
    let as_set = |qs: &[oxigraph::model::Quad]| qs.iter().map(|q| q.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(as_set(&nq), as_set(&trig));
    let graphs: BTreeSet<String> = nq
        .iter()
        .filter(|q| !q.graph_name.is_default_graph())
        .map(|q| q.graph_name.to_string())
        .collect();
    assert_eq!(graphs.len(), report.documents);
    assert!(graphs.contains("<https://newsgraph.org/document/2018-04-18-iran-leader-quits-telegram>"));
    // Entity descriptions live in the default graph; merged, the quads are the triples of graph.ttl.
    assert!(nq
        .iter()
        .any(|q| q.graph_name.is_default_graph() && q.predicate.as_str().ends_with("#label")));
    let merged: BTreeSet<String> = nq.iter().map(|q| oxigraph::model::Triple::from(q.clone()).to_string()).collect();
    assert_eq!(merged, triples(&dir.path().join("graph.ttl"), RdfFormat::Turtle));
}

#[test]
fn a_corpus_larger_than_a_batch_streams_to_the_same_outputs_whatever_the_threads() {
    // 420 documents: several extraction batches and several export parts.
    let src = tempfile::tempdir().unwrap();
    let mut samples: Vec<PathBuf> = std::fs::read_dir(corpus()).unwrap().map(|e| e.unwrap().path()).collect();
    samples.sort();
    for i in 0..420 {
        std::fs::copy(&samples[i % samples.len()], src.path().join(format!("a{i:03}.txt"))).unwrap();
    }
    let formats = vec![
        Format::Turtle,
        Format::NTriples,
        Format::NQuads,
        Format::TriG,
        Format::Csv,
        Format::Dot,
    ];
    let outs: Vec<tempfile::TempDir> = [1, 3]
        .iter()
        .map(|&t| {
            let out = tempfile::tempdir().unwrap();
            let opts = newsgraph::BuildOptions {
                threads: Some(t),
                ..common::options(vec![src.path().to_path_buf()], out.path(), formats.clone())
            };
            let report = build(&opts, common::lexicon()).unwrap();
            assert_eq!(report.documents, 420);
            out
        })
        .collect();
    for f in [
        "graph.ttl",
        "graph.nt",
        "graph.nq",
        "graph.trig",
        "graph.dot",
        "nodes.csv",
        "edges.csv",
    ] {
        let (a, b) = (
            std::fs::read(outs[0].path().join(f)).unwrap(),
            std::fs::read(outs[1].path().join(f)).unwrap(),
        );
        assert!(a == b, "{f} differs between 1 and 3 threads");
    }
    // The spooled build writes what an in-memory build of the same extractions writes.
    let lex = common::lexicon();
    let sources: Vec<newsgraph::read::Source> = (0..420)
        .map(|i| newsgraph::read::Source::File(src.path().join(format!("a{i:03}.txt"))))
        .collect();
    let (docs, errors) = newsgraph::pipeline::extract_sources(&sources, lex, None, None);
    assert!(errors.is_empty());
    let g = newsgraph::pipeline::build_graph(docs, lex).unwrap();
    let nt = newsgraph::export::rdf::write(&g, RdfFormat::NTriples, Vec::new()).unwrap();
    assert!(
        nt == std::fs::read(outs[0].path().join("graph.nt")).unwrap(),
        "in-memory and spooled N-Triples differ"
    );
    // No spool or staging file is left beside the outputs.
    let names: Vec<String> = std::fs::read_dir(outs[0].path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}
