//! SPARQL over the graph: the example queries of ontology/queries on the sample corpus, result
//! formats and syntax errors, and the store's incremental builds answering as a fresh build does.

mod common;
use newsgraph::build;
use newsgraph::export::Format;
use newsgraph::extract::{extract, DocExtraction};
use newsgraph::query::{load_files, run, ResultsFormat};
use newsgraph::read::Document;
use oxigraph::store::Store;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn sample_store() -> Store {
    let dir = tempfile::tempdir().unwrap();
    let opts = common::options(vec![root().join("corpus")], dir.path(), vec![Format::NQuads]);
    build(&opts, common::lexicon()).unwrap();
    load_files(&[dir.path().join("graph.nq")]).unwrap()
}

fn csv_rows(store: &Store, query: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    run(store, query, ResultsFormat::Csv, &mut out).unwrap();
    let mut r = csv::Reader::from_reader(out.as_slice());
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(root().join("ontology/queries").join(name)).unwrap()
}

#[test]
fn example_queries_answer_on_the_sample_corpus() {
    let store = sample_store();
    let bans = csv_rows(&store, &example("bans.rq"));
    assert!(
        bans.iter()
            .any(|r| r[0] == "Roskomnadzor" && r[1] == "Telegram" && r[2] == "2018-04-16"),
        "{bans:?}"
    );
    assert!(
        bans.iter().any(|r| r[0] == "Iran" && r[1] == "Telegram" && r[2] == "2017-12-31"),
        "{bans:?}"
    );
    let quits = csv_rows(&store, &example("quits.rq"));
    assert!(quits.iter().any(|r| r[0] == "Bahram Ghassemi" && r[1] == "Telegram"), "{quits:?}");
    let officials = csv_rows(&store, &example("officials.rq"));
    assert!(
        officials
            .iter()
            .any(|r| r[0] == "Abolhasan Firouzabadi" && r[1] == "secretary" && r[2] == "Supreme Council of Cyberspace"),
        "{officials:?}"
    );
    let doc = csv_rows(&store, &example("document.rq"));
    assert!(
        doc.iter()
            .any(|r| r[0] == "Ali Khamenei" && r[1] == "stopsUsing" && r[2] == "Telegram"),
        "{doc:?}"
    );
    assert!(doc.iter().all(|r| r.len() == 5));
}

fn doc(id: &str, text: &str) -> DocExtraction {
    extract(
        &Document {
            id: id.into(),
            path: format!("{id}.txt").into(),
            text: text.into(),
        },
        common::lexicon(),
        None,
    )
}

#[test]
fn disagreeing_user_figures_are_listed_with_their_sources() {
    let store = Store::new().unwrap();
    newsgraph::store::update(
        &store,
        vec![
            doc("a", "Telegram has about 40 million users in Iran.\n"),
            doc("b", "Telegram has more than 45 million users in Iran.\n"),
            doc("c", "Telegram has 40 million users in Iran.\n"),
        ],
        common::lexicon(),
    )
    .unwrap();
    let hidden = csv_rows(&store, "SELECT (COUNT(*) AS ?n) WHERE { { ?s <https://newsgraph.org/ontology#extraction> ?o } UNION { GRAPH ?g { ?s <https://newsgraph.org/ontology#extraction> ?o } } }");
    assert_eq!(hidden, [["0".to_string()]], "the kept extractions are not part of the answers");
    let rows = csv_rows(&store, &example("user-figures-disagree.rq"));
    assert_eq!(
        rows,
        [
            ["Telegram", "Iran", "40000000", "a", "45000000", "b"].map(String::from).to_vec(),
            ["Telegram", "Iran", "40000000", "c", "45000000", "b"].map(String::from).to_vec(),
        ]
    );
}

#[test]
fn ask_construct_and_result_formats() {
    let store = sample_store();
    let mut out = Vec::new();
    run(
        &store,
        "ASK { ?s <https://newsgraph.org/ontology#bans> ?o }",
        ResultsFormat::Json,
        &mut out,
    )
    .unwrap();
    assert_eq!(String::from_utf8(out).unwrap().trim(), r#"{"head":{},"boolean":true}"#);
    let mut out = Vec::new();
    run(
        &store,
        "CONSTRUCT { ?s <urn:banned> ?o } WHERE { ?s <https://newsgraph.org/ontology#bans> ?o }",
        ResultsFormat::Csv,
        &mut out,
    )
    .unwrap();
    assert!(String::from_utf8(out)
        .unwrap()
        .lines()
        .all(|l| l.ends_with(" .") && l.contains("<urn:banned>")));
    let mut out = Vec::new();
    run(
        &store,
        "SELECT ?o WHERE { ?s <https://newsgraph.org/ontology#bans> ?o } LIMIT 1",
        ResultsFormat::Tsv,
        &mut out,
    )
    .unwrap();
    assert!(String::from_utf8(out).unwrap().starts_with("?o\n<https://newsgraph.org/entity/"));
    let mut out = Vec::new();
    run(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://newsgraph.org/ontology#Country> }",
        ResultsFormat::Table,
        &mut out,
    )
    .unwrap();
    let table = String::from_utf8(out).unwrap();
    assert!(table.starts_with("n\n") && table.ends_with("(1 rows)\n"), "{table}");
}

#[test]
fn a_syntax_error_names_its_position() {
    let err = newsgraph::query::parse("SELECT ?s WHERE { ?s ?p }")
        .err()
        .expect("bad query")
        .to_string();
    assert!(err.starts_with("SPARQL syntax error: error at 1:"), "{err}");
}

/// Every quad of a store, as sorted text, without newsgraph's own bookkeeping graph.
fn dump(store: &Store) -> Vec<String> {
    let mut v: Vec<String> = store
        .iter()
        .map(|q| q.unwrap())
        .filter(|q| q.graph_name.to_string() != format!("<{}>", newsgraph::store::EXTRACTIONS_GRAPH))
        .map(|q| q.to_string())
        .collect();
    v.sort();
    v
}

fn corpus_docs() -> Vec<DocExtraction> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| doc(&newsgraph::read::doc_id(p), &std::fs::read_to_string(p).unwrap()))
        .collect()
}

#[test]
fn a_store_built_step_by_step_answers_as_one_built_at_once() {
    let lex = common::lexicon();
    let docs = corpus_docs();
    let changed_text = "Telegram was blocked by the Uganda Communications Commission. Gap messenger has 2 million users.\n";
    // Step by step: half, the rest, then one document changed and rebuilt alone.
    let stepwise = Store::new().unwrap();
    let (first, rest) = docs.split_at(docs.len() / 2);
    newsgraph::store::update(&stepwise, first.to_vec(), lex).unwrap();
    newsgraph::store::update(&stepwise, rest.to_vec(), lex).unwrap();
    let victim = docs[1].id.clone();
    let report = newsgraph::store::update(&stepwise, vec![doc(&victim, changed_text)], lex).unwrap();
    assert_eq!((report.added, report.replaced, report.documents), (0, 1, docs.len()));
    // At once, with the changed document.
    let mut all = docs.clone();
    all[1] = doc(&victim, changed_text);
    let fresh = Store::new().unwrap();
    newsgraph::store::update(&fresh, all, lex).unwrap();
    assert_eq!(dump(&stepwise), dump(&fresh));
    let q = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } } ORDER BY ?g ?s ?p ?o";
    assert_eq!(csv_rows(&stepwise, q), csv_rows(&fresh, q));
    assert!(csv_rows(&fresh, q)
        .iter()
        .any(|r| r[0].ends_with(&victim) && r[2].ends_with("#userCount") && r[3] == "2000000"));
    // Rebuilding the same documents again changes nothing.
    let again = newsgraph::store::update(&fresh, vec![doc(&victim, changed_text)], lex).unwrap();
    assert_eq!(again.rewritten, 0);
}

#[cfg(not(feature = "rocksdb"))]
#[test]
fn store_without_the_feature_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .arg("build")
        .arg(root().join("corpus"))
        .arg("--store")
        .arg(dir.path().join("s"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("rebuild with `cargo build --release --features rocksdb`"), "{err}");
}

#[cfg(feature = "rocksdb")]
#[test]
fn the_persistent_store_is_incremental_and_refuses_a_second_writer() {
    let dir = tempfile::tempdir().unwrap();
    let store_dir = dir.path().join("store");
    let bin = env!("CARGO_BIN_EXE_newsgraph");
    let corpus = root().join("corpus");
    let ok = std::process::Command::new(bin)
        .arg("build")
        .arg(&corpus)
        .arg("--store")
        .arg(&store_dir)
        .arg("-q")
        .status()
        .unwrap();
    assert!(ok.success());
    let rows = |extra: &[&str]| {
        let out = std::process::Command::new(bin)
            .args(["query", "--format", "csv", "--store"])
            .arg(&store_dir)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let before = rows(&["SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"]);
    // Rebuilding one document leaves the store as it was.
    let one = std::fs::read_dir(&corpus).unwrap().next().unwrap().unwrap().path();
    assert!(std::process::Command::new(bin)
        .arg("build")
        .arg(&one)
        .arg("--store")
        .arg(&store_dir)
        .arg("-q")
        .status()
        .unwrap()
        .success());
    assert_eq!(rows(&["SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"]), before);
    // While this process holds the store, a build refuses with a clear message.
    let held = newsgraph::store::open(&store_dir).unwrap();
    let run = std::process::Command::new(bin)
        .arg("build")
        .arg(&one)
        .arg("--store")
        .arg(&store_dir)
        .output()
        .unwrap();
    drop(held);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("in use by another process"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
