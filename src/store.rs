//! The persistent store: the graph in Oxigraph (RocksDB behind the `rocksdb` feature), one named
//! graph per source document (named by the document's IRI) and the merged entity descriptions in
//! the default graph: the layout of the N-Quads export.
//!
//! Builds are incremental and exact: each document's extraction is kept in the store, so adding or
//! replacing documents re-resolves the whole corpus from the kept extractions (no re-reading of
//! old articles) and rewrites only the graphs whose content changed. A store built step by step
//! therefore answers every query as a store built at once from the same files. Everything happens
//! in one transaction: a query sees the old or the new state, never half; a failed build leaves
//! the store as it was.

use crate::error::{Error, Result};
use crate::export::rdf::for_each_quad;
use crate::extract::DocExtraction;
use crate::lexicon::Lexicon;
use crate::pipeline::build_graph;
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The named graph holding each document's extraction (JSON), for incremental builds.
pub const EXTRACTIONS_GRAPH: &str = "https://newsgraph.org/internal/extractions";
const EXTRACTION: &str = "https://newsgraph.org/ontology#extraction";

fn storage(e: impl std::fmt::Display) -> Error {
    Error::Rdf(format!("store: {e}"))
}

/// Opens (or creates) a persistent store. Fails clearly when another process holds it.
#[cfg(feature = "rocksdb")]
pub fn open(dir: &Path) -> Result<Store> {
    Store::open(dir).map_err(|e| {
        let msg = e.to_string();
        if msg.to_ascii_lowercase().contains("lock") {
            Error::Usage(format!(
                "{}: the store is in use by another process (wait for it to finish): {msg}",
                dir.display()
            ))
        } else {
            Error::Rdf(format!("{}: cannot open the store: {msg}", dir.display()))
        }
    })
}

/// Without the `rocksdb` feature there is no persistent store; says how to get one.
#[cfg(not(feature = "rocksdb"))]
pub fn open(dir: &Path) -> Result<Store> {
    Err(Error::Usage(format!(
        "{}: this newsgraph was built without the persistent store; rebuild with `cargo build --release --features rocksdb` (needs clang and libclang-dev)",
        dir.display()
    )))
}

/// What an incremental build did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StoreReport {
    /// Documents seen for the first time.
    pub added: usize,
    /// Documents seen before and replaced.
    pub replaced: usize,
    /// Graphs rewritten (document graphs and the default graph).
    pub rewritten: usize,
    /// Documents in the store after the build.
    pub documents: usize,
}

/// The extractions kept in the store, by document id.
pub fn kept_extractions(store: &Store) -> Result<BTreeMap<String, DocExtraction>> {
    let graph = NamedNode::new_unchecked(EXTRACTIONS_GRAPH);
    let pred = NamedNode::new_unchecked(EXTRACTION);
    let mut out = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(pred.as_ref()), None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        let q = q.map_err(storage)?;
        if let Term::Literal(l) = &q.object {
            let d: DocExtraction =
                serde_json::from_str(l.value()).map_err(|e| Error::Rdf(format!("store: a kept extraction is unreadable: {e}")))?;
            out.insert(d.id.clone(), d);
        }
    }
    Ok(out)
}

fn graph_key(g: &GraphName) -> String {
    match g {
        GraphName::DefaultGraph => String::new(),
        other => other.to_string(),
    }
}

/// Adds or replaces documents in a store, re-resolving the corpus, in one transaction.
pub fn update(store: &Store, new_docs: Vec<DocExtraction>, lex: &Lexicon) -> Result<StoreReport> {
    let mut all = kept_extractions(store)?;
    let mut report = StoreReport::default();
    let changed: BTreeSet<String> = new_docs.iter().map(|d| d.id.clone()).collect();
    for d in &new_docs {
        if all.contains_key(&d.id) {
            report.replaced += 1;
        } else {
            report.added += 1;
        }
    }
    for d in new_docs {
        all.insert(d.id.clone(), d);
    }
    report.documents = all.len();
    // The graph as a fresh build of every document would give it, grouped by named graph.
    let g = build_graph(all.values().cloned().collect(), lex)?;
    let mut desired: BTreeMap<String, (GraphName, Vec<Quad>)> = BTreeMap::new();
    for_each_quad(&g, &mut |q| {
        desired
            .entry(graph_key(&q.graph_name))
            .or_insert_with(|| (q.graph_name.clone(), Vec::new()))
            .1
            .push(q);
        Ok(())
    })?;
    let mut t = store.start_transaction().map_err(storage)?;
    for (_, (name, quads)) in desired {
        let current: BTreeSet<String> = t
            .quads_for_pattern(None, None, None, Some(name.as_ref()))
            .map(|q| q.map(|q| q.to_string()))
            .collect::<Result<_, _>>()
            .map_err(storage)?;
        let wanted: BTreeSet<String> = quads.iter().map(|q| q.to_string()).collect();
        if current != wanted {
            t.clear_graph(name.as_ref()).map_err(storage)?;
            if let GraphName::NamedNode(n) = &name {
                t.insert_named_graph(n.as_ref());
            }
            t.extend(quads.iter());
            report.rewritten += 1;
        }
    }
    let graph = NamedNode::new_unchecked(EXTRACTIONS_GRAPH);
    let pred = NamedNodeRef::new_unchecked(EXTRACTION);
    for id in &changed {
        let Some(d) = all.get(id) else { continue };
        let subject = NamedNode::new(crate::export::iri::document(id)).map_err(|e| Error::Rdf(e.to_string()))?;
        let old: Vec<Quad> = t
            .quads_for_pattern(
                Some(subject.as_ref().into()),
                Some(pred),
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .collect::<Result<_, _>>()
            .map_err(storage)?;
        for q in &old {
            t.remove(q);
        }
        let json = serde_json::to_string(d).map_err(|e| Error::Rdf(format!("store: {e}")))?;
        t.insert(&Quad::new(
            subject,
            pred.into_owned(),
            Literal::new_simple_literal(json),
            graph.clone(),
        ));
    }
    t.commit().map_err(storage)?;
    Ok(report)
}

/// Whether a named graph holds documents' statements (not newsgraph's own bookkeeping).
pub fn is_document_graph(name: &str) -> bool {
    name != EXTRACTIONS_GRAPH
}
