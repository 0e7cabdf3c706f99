//! CSV export for spreadsheets: nodes.csv (one row per entity) and edges.csv (one row per
//! statement, with its document, sentence, modality and date). UTF-8, quoted where needed.

use super::iri;
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::Object;
use std::io::Write;

fn err(e: csv::Error) -> Error {
    Error::Rdf(format!("CSV: {e}"))
}

/// Writes nodes.csv.
pub fn write_nodes<W: Write>(g: &KnowledgeGraph, w: W) -> Result<W> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(["id", "name", "class", "other names", "documents mentioning it"])
        .map_err(err)?;
    for e in g.entities() {
        let docs = e.documents.to_string();
        c.write_record([
            iri::entity(&e.key).as_str(),
            &e.name,
            e.class.name(),
            &e.labels[1..].join("; "),
            &docs,
        ])
        .map_err(err)?;
    }
    c.into_inner().map_err(|e| Error::Rdf(format!("CSV: {e}")))
}

/// Writes edges.csv.
pub fn write_edges<W: Write>(g: &KnowledgeGraph, w: W) -> Result<W> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record([
        "subject id",
        "subject",
        "relation",
        "object id",
        "object",
        "modality",
        "date",
        "country",
        "role",
        "document",
        "sentence number",
        "char start",
        "char end",
        "sentence",
    ])
    .map_err(err)?;
    let name = |k: &str| g.entity(k).map(|e| e.name.clone()).unwrap_or_default();
    for st in g.statements() {
        let (oid, oname) = match &st.object {
            Object::Entity(k) => (iri::entity(k), name(k)),
            Object::Count(n) => (String::new(), n.to_string()),
        };
        let p = &st.provenance;
        c.write_record([
            iri::entity(&st.subject),
            name(&st.subject),
            st.relation.name().to_string(),
            oid,
            oname,
            st.modality.name().to_string(),
            st.date.map(|d| d.lexical()).unwrap_or_default(),
            st.country.as_deref().map(name).unwrap_or_default(),
            st.role.clone().unwrap_or_default(),
            p.doc.to_string(),
            (p.sentence + 1).to_string(),
            p.start.to_string(),
            p.end.to_string(),
            p.text.to_string(),
        ])
        .map_err(err)?;
    }
    c.into_inner().map_err(|e| Error::Rdf(format!("CSV: {e}")))
}
