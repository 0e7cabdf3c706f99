//! RDF export through Oxigraph's serializers, following the output contract of GUIDE.md:
//! typed entities with labels, documents with dcterms:identifier, every statement reified with
//! provenance, modality and date, and the plain triple for every Asserted statement.
//!
//! The quad layout (N-Quads, TriG, the store): entity descriptions in the default graph; each
//! document's description, statements and plain triples in a graph named by the document's IRI.
//! Triple formats (Turtle, N-Triples) hold the same triples with the graphs merged.

use super::iri;
use crate::corpus::Entity;
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::{Class, Date, Modality, Object, Statement};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, Triple};
use std::collections::BTreeMap;
use std::io::Write;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
const PROV: &str = "http://www.w3.org/ns/prov#";
const DCTERMS: &str = "http://purl.org/dc/terms/";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

fn node(iri: &str) -> Result<NamedNode> {
    NamedNode::new(iri).map_err(|e| Error::Rdf(format!("{iri}: {e}")))
}

fn term(ns: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ns}{local}"))
}

fn date_literal(d: &Date) -> Literal {
    Literal::new_typed_literal(d.lexical(), term(XSD, d.xsd_type()))
}

fn int(v: usize) -> Literal {
    Literal::new_typed_literal(v.to_string(), term(XSD, "integer"))
}

/// The triples describing an entity: types and labels.
pub fn entity_triples(e: &Entity, emit: &mut dyn FnMut(Triple) -> Result<()>) -> Result<()> {
    let s = node(&iri::entity(&e.key))?;
    let a = term(RDF, "type");
    emit(Triple::new(s.clone(), a.clone(), term(iri::ONTOLOGY, e.class.name())))?;
    if e.class == Class::Official {
        emit(Triple::new(s.clone(), a, term(iri::ONTOLOGY, Class::Person.name())))?;
    }
    emit(Triple::new(s.clone(), term(RDFS, "label"), Literal::new_simple_literal(&e.name)))?;
    emit(Triple::new(
        s.clone(),
        term(SKOS, "prefLabel"),
        Literal::new_simple_literal(&e.name),
    ))?;
    for l in e.labels.iter().skip(1) {
        emit(Triple::new(s.clone(), term(SKOS, "altLabel"), Literal::new_simple_literal(l)))?;
    }
    Ok(())
}

/// The triples describing a document.
fn document_triples(id: &str, date: Option<&Date>, emit: &mut dyn FnMut(Triple) -> Result<()>) -> Result<()> {
    let d = node(&iri::document(id))?;
    emit(Triple::new(d.clone(), term(RDF, "type"), term(iri::ONTOLOGY, "Document")))?;
    emit(Triple::new(d.clone(), term(DCTERMS, "identifier"), Literal::new_simple_literal(id)))?;
    if let Some(date) = date {
        emit(Triple::new(d, term(DCTERMS, "date"), date_literal(date)))?;
    }
    Ok(())
}

/// The reified statement, and its plain triple when it is asserted.
fn statement_triples(st: &Statement, emit: &mut dyn FnMut(Triple) -> Result<()>) -> Result<Option<Triple>> {
    let s = node(&iri::entity(&st.subject))?;
    let p = term(iri::ONTOLOGY, st.relation.name());
    let o: Term = match &st.object {
        Object::Entity(k) => node(&iri::entity(k))?.into(),
        Object::Count(n) => Literal::new_typed_literal(n.to_string(), term(XSD, "integer")).into(),
    };
    let n = node(&iri::statement(st))?;
    let ng = |local: &str| term(iri::ONTOLOGY, local);
    emit(Triple::new(n.clone(), term(RDF, "type"), term(RDF, "Statement")))?;
    emit(Triple::new(n.clone(), term(RDF, "subject"), s.clone()))?;
    emit(Triple::new(n.clone(), term(RDF, "predicate"), p.clone()))?;
    emit(Triple::new(n.clone(), term(RDF, "object"), o.clone()))?;
    emit(Triple::new(
        n.clone(),
        term(PROV, "wasDerivedFrom"),
        node(&iri::document(&st.provenance.doc))?,
    ))?;
    emit(Triple::new(n.clone(), ng("modality"), ng(st.modality.name())))?;
    if let Some(d) = &st.date {
        emit(Triple::new(n.clone(), term(DCTERMS, "date"), date_literal(d)))?;
    }
    if let Some(c) = &st.country {
        emit(Triple::new(n.clone(), ng("country"), node(&iri::entity(c))?))?;
    }
    if let Some(r) = &st.role {
        emit(Triple::new(n.clone(), ng("role"), Literal::new_simple_literal(r)))?;
    }
    let pv = &st.provenance;
    emit(Triple::new(n.clone(), ng("sentence"), Literal::new_simple_literal(&*pv.text)))?;
    emit(Triple::new(n.clone(), ng("sentenceIndex"), int(pv.sentence)))?;
    emit(Triple::new(n.clone(), ng("charStart"), int(pv.start)))?;
    emit(Triple::new(n, ng("charEnd"), int(pv.end)))?;
    Ok((st.modality == Modality::Asserted).then(|| Triple::new(s, p, o)))
}

/// The quads of one document's graph: its description, statements and plain triples.
pub fn document_quads(id: &str, date: Option<&Date>, statements: &[Statement], emit: &mut dyn FnMut(Quad) -> Result<()>) -> Result<()> {
    let graph = GraphName::NamedNode(node(&iri::document(id))?);
    let mut in_graph = |t: Triple| emit(t.in_graph(graph.clone()));
    document_triples(id, date, &mut in_graph)?;
    let mut plain = BTreeMap::new();
    for st in statements {
        if let Some(t) = statement_triples(st, &mut in_graph)? {
            plain.insert(t.to_string(), t);
        }
    }
    for t in plain.into_values() {
        in_graph(t)?;
    }
    Ok(())
}

/// Calls `emit` with every quad of the graph, in a deterministic order, in the named-graph layout.
pub fn for_each_quad(g: &KnowledgeGraph, emit: &mut dyn FnMut(Quad) -> Result<()>) -> Result<()> {
    for e in g.entities() {
        entity_triples(e, &mut |t| emit(t.in_graph(GraphName::DefaultGraph)))?;
    }
    let all = &g.statements;
    let mut at = 0;
    for (id, date) in &g.documents {
        let end = at + all[at..].iter().take_while(|st| &*st.provenance.doc == id.as_str()).count();
        document_quads(id, date.as_ref(), &all[at..end], emit)?;
        at = end;
    }
    Ok(())
}

/// Calls `emit` with every triple of the graph (graphs merged, each plain triple once).
pub fn for_each_triple(g: &KnowledgeGraph, emit: &mut dyn FnMut(Triple) -> Result<()>) -> Result<()> {
    for e in g.entities() {
        entity_triples(e, emit)?;
    }
    for (id, date) in &g.documents {
        document_triples(id, date.as_ref(), emit)?;
    }
    let mut plain = BTreeMap::new();
    for st in g.statements() {
        if let Some(t) = statement_triples(st, emit)? {
            plain.insert(t.to_string(), t);
        }
    }
    for t in plain.into_values() {
        emit(t)?;
    }
    Ok(())
}

fn serializer(format: RdfFormat) -> Result<RdfSerializer> {
    let mut ser = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        let e = iri::ENTITY;
        for (p, ns) in [
            ("ng", iri::ONTOLOGY.to_string()),
            ("country", format!("{e}country/")),
            ("person", format!("{e}person/")),
            ("agency", format!("{e}agency/")),
            ("app", format!("{e}app/")),
            ("org", format!("{e}org/")),
            ("known", format!("{e}known/")),
            ("doc", iri::DOCUMENT.to_string()),
            ("st", iri::STATEMENT.to_string()),
            ("rdf", RDF.to_string()),
            ("rdfs", RDFS.to_string()),
            ("skos", SKOS.to_string()),
            ("prov", PROV.to_string()),
            ("dcterms", DCTERMS.to_string()),
            ("xsd", XSD.to_string()),
        ] {
            ser = ser.with_prefix(p, ns).map_err(|e| Error::Rdf(e.to_string()))?;
        }
    }
    Ok(ser)
}

/// Writes the graph in an RDF format: Turtle or N-Triples (triples), N-Quads or TriG (named graphs).
pub fn write<W: Write>(g: &KnowledgeGraph, format: RdfFormat, out: W) -> Result<W> {
    let io = |e: std::io::Error| Error::Rdf(e.to_string());
    let mut w = serializer(format)?.for_writer(out);
    if format.supports_datasets() {
        for_each_quad(g, &mut |q| w.serialize_quad(&q).map_err(io))?;
    } else {
        for_each_triple(g, &mut |t| w.serialize_triple(&t).map_err(io))?;
    }
    w.finish().map_err(io)
}
