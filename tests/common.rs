//! Helpers shared by the integration tests.
#![allow(dead_code)]

use newsgraph::graph::ObjectRef;
use newsgraph::model::{Date, Modality};
use newsgraph::read::Document;
use newsgraph::{Lexicon, Ontology};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The built-in lexicon, compiled once.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::new(Ontology::builtin().expect("built-in ontology loads")))
}

/// Builds a graph from one text and lists its statements as "Subject relation Object [Modality]"
/// with canonical entity names (numbers for userCount).
pub fn statements_dated(text: &str, date: Option<Date>) -> BTreeSet<String> {
    corpus_statements(&[text], date)
}

/// Builds one graph from several texts, one document each (resolved across them), and lists its
/// statements as [`statements_dated`] does.
pub fn corpus_statements(texts: &[&str], date: Option<Date>) -> BTreeSet<String> {
    corpus_statements_with(lexicon(), texts, date)
}

/// [`corpus_statements`] with a lexicon of the test's own (an ontology the test extended).
pub fn corpus_statements_with(lex: &Lexicon, texts: &[&str], date: Option<Date>) -> BTreeSet<String> {
    let extractions = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let doc = Document {
                id: format!("test{i}"),
                path: format!("test{i}.txt").into(),
                text: text.to_string(),
            };
            newsgraph::extract::extract(&doc, lex, date)
        })
        .collect();
    let g = newsgraph::pipeline::build_graph(extractions, lex).expect("builds");
    g.statements()
        .map(|st| {
            let o = match st.object() {
                ObjectRef::Entity(e) => e.name.clone(),
                ObjectRef::Count(n) => n.to_string(),
            };
            let m = if st.modality() == Modality::Asserted {
                String::new()
            } else {
                format!(" [{}]", st.modality())
            };
            format!("{} {} {}{}", st.subject().name, st.relation(), o, m)
        })
        .collect()
}

/// Statements of a text without a document date.
pub fn statements(text: &str) -> BTreeSet<String> {
    statements_dated(text, None)
}

/// The entities of one text's graph, each as "Class name" ("Person Remi Vaughn").
pub fn entity_classes(text: &str) -> Vec<String> {
    let doc = Document {
        id: "classes".into(),
        path: "classes.txt".into(),
        text: text.to_string(),
    };
    let lex = lexicon();
    let g = newsgraph::pipeline::build_graph(vec![newsgraph::extract::extract(&doc, lex, None)], lex).expect("builds");
    g.entities().map(|e| format!("{} {}", e.class, e.name)).collect()
}

/// Asserts that one text's graph has this entity ("Person Remi Vaughn").
#[track_caller]
pub fn assert_entity(text: &str, expected: &str) {
    let classes = entity_classes(text);
    assert!(
        classes.iter().any(|c| c == expected),
        "missing {expected:?}\n  text: {text}\n  got: {classes:#?}"
    );
}

/// Asserts that every expected statement is there and none of the forbidden ones.
#[track_caller]
pub fn check(text: &str, expected: &[&str], forbidden: &[&str]) {
    let got = statements(text);
    for e in expected {
        assert!(got.contains(*e), "missing {e:?}\n  text: {text}\n  got: {got:#?}");
    }
    for f in forbidden {
        assert!(!got.contains(*f), "unexpected {f:?}\n  text: {text}\n  got: {got:#?}");
    }
}

/// Asserts that no statement read from `text` contains `fragment` (" bans ", "opposesBan"): the
/// text must give no statement of that kind at all.
pub fn check_none(text: &str, fragment: &str) {
    let got = statements(text);
    assert!(
        got.iter().all(|s| !s.contains(fragment)),
        "unexpected {fragment:?}\n  text: {text}\n  got: {got:#?}"
    );
}

/// Build options for the tests: these inputs into `out` in these formats, everything else default.
pub fn options(inputs: Vec<std::path::PathBuf>, out: &std::path::Path, formats: Vec<newsgraph::export::Format>) -> newsgraph::BuildOptions {
    newsgraph::BuildOptions {
        inputs,
        out: out.to_path_buf(),
        formats,
        date: None,
        threads: None,
        progress: None,
        store: None,
    }
}

/// The sample corpus shipped in corpus/.
pub fn sample_corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}
