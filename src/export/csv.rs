//! CSV export for spreadsheets: nodes.csv (one row per entity) and edges.csv (one row per
//! statement, with its document, sentence, modality and date). UTF-8, quoted where needed.

use super::iri;
use crate::corpus::FactObject;
use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, ObjectRef};
use std::io::Write;

/// A CSV error: a write error (the caller fills in the file's path) or a malformed record.
fn err(e: csv::Error) -> Error {
    if e.is_io_error() {
        if let csv::ErrorKind::Io(source) = e.into_kind() {
            return Error::unplaced_write(source);
        }
        return Error::Rdf("CSV: write error".into());
    }
    Error::Rdf(format!("CSV: {e}"))
}

/// The error of handing back the writer: its last flush failed.
fn flush_err<W>(e: csv::IntoInnerError<W>) -> Error {
    Error::unplaced_write(e.into_error())
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
    c.into_inner().map_err(flush_err)
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
    let iris: Vec<String> = g.entities().map(|e| iri::entity(&e.key)).collect();
    let (mut count, mut date, mut num) = (String::new(), String::new(), [String::new(), String::new(), String::new()]);
    for d in g.documents() {
        let texts = g.texts(d.info())?;
        for st in d.statements() {
            use std::fmt::Write as _;
            let f = st.fact();
            let (oid, oname) = match (f.object, st.object()) {
                (FactObject::Entity(o), ObjectRef::Entity(e)) => (iris[o as usize].as_str(), e.name.as_str()),
                (_, ObjectRef::Entity(e)) => ("", e.name.as_str()),
                (_, ObjectRef::Count(n)) => {
                    count.clear();
                    count.push_str(itoa::Buffer::new().format(n));
                    ("", count.as_str())
                }
            };
            date.clear();
            if let Some(dt) = st.date() {
                let _ = write!(date, "{dt}");
            }
            let (start, end) = st.span();
            for (s, v) in num.iter_mut().zip([st.sentence() + 1, start, end]) {
                s.clear();
                s.push_str(itoa::Buffer::new().format(v));
            }
            c.write_record([
                iris[f.subject as usize].as_str(),
                st.subject().name.as_str(),
                st.relation().name(),
                oid,
                oname,
                st.modality().name(),
                date.as_str(),
                st.country().map(|e| e.name.as_str()).unwrap_or(""),
                st.role().unwrap_or(""),
                d.info().id.as_str(),
                num[0].as_str(),
                num[1].as_str(),
                num[2].as_str(),
                st.text(&texts),
            ])
            .map_err(err)?;
        }
    }
    c.into_inner().map_err(flush_err)
}
