//! RDF export through Oxigraph's serializers, following the output contract of GUIDE.md:
//! typed entities with labels, documents with dcterms:identifier, every statement reified with
//! provenance, modality and date, and the plain triple for every Asserted statement.

use super::iri;
use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::{Class, Modality, Object};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, NamedNode, Triple};
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

/// Calls `emit` with every triple of the graph, in a deterministic order.
pub fn for_each_triple(g: &KnowledgeGraph, emit: &mut dyn FnMut(Triple) -> Result<()>) -> Result<()> {
    let a = term(RDF, "type");
    let label = term(RDFS, "label");
    let pref = term(SKOS, "prefLabel");
    let alt = term(SKOS, "altLabel");
    for e in g.entities() {
        let s = node(&iri::entity(&e.key))?;
        emit(Triple::new(s.clone(), a.clone(), term(iri::ONTOLOGY, e.class.name())))?;
        if e.class == Class::Official {
            emit(Triple::new(s.clone(), a.clone(), term(iri::ONTOLOGY, Class::Person.name())))?;
        }
        emit(Triple::new(s.clone(), label.clone(), Literal::new_simple_literal(&e.name)))?;
        emit(Triple::new(s.clone(), pref.clone(), Literal::new_simple_literal(&e.name)))?;
        for l in e.labels.iter().skip(1) {
            emit(Triple::new(s.clone(), alt.clone(), Literal::new_simple_literal(l)))?;
        }
    }
    for (id, date) in &g.documents {
        let d = node(&iri::document(id))?;
        emit(Triple::new(d.clone(), a.clone(), term(iri::ONTOLOGY, "Document")))?;
        emit(Triple::new(d.clone(), term(DCTERMS, "identifier"), Literal::new_simple_literal(id)))?;
        if let Some(date) = date {
            emit(Triple::new(
                d,
                term(DCTERMS, "date"),
                Literal::new_typed_literal(date.lexical(), term(XSD, date.xsd_type())),
            ))?;
        }
    }
    let mut plain = BTreeMap::new();
    for st in g.statements() {
        let s = node(&iri::entity(&st.subject))?;
        let p = term(iri::ONTOLOGY, st.relation.name());
        let o: oxigraph::model::Term = match &st.object {
            Object::Entity(k) => node(&iri::entity(k))?.into(),
            Object::Count(n) => Literal::new_typed_literal(n.to_string(), term(XSD, "integer")).into(),
        };
        let n = node(&iri::statement(st))?;
        emit(Triple::new(n.clone(), a.clone(), term(RDF, "Statement")))?;
        emit(Triple::new(n.clone(), term(RDF, "subject"), s.clone()))?;
        emit(Triple::new(n.clone(), term(RDF, "predicate"), p.clone()))?;
        emit(Triple::new(n.clone(), term(RDF, "object"), o.clone()))?;
        emit(Triple::new(
            n.clone(),
            term(PROV, "wasDerivedFrom"),
            node(&iri::document(&st.provenance.doc))?,
        ))?;
        emit(Triple::new(
            n.clone(),
            term(iri::ONTOLOGY, "modality"),
            term(iri::ONTOLOGY, st.modality.name()),
        ))?;
        if let Some(d) = &st.date {
            emit(Triple::new(
                n.clone(),
                term(DCTERMS, "date"),
                Literal::new_typed_literal(d.lexical(), term(XSD, d.xsd_type())),
            ))?;
        }
        if let Some(c) = &st.country {
            emit(Triple::new(n.clone(), term(iri::ONTOLOGY, "country"), node(&iri::entity(c))?))?;
        }
        if let Some(r) = &st.role {
            emit(Triple::new(n.clone(), term(iri::ONTOLOGY, "role"), Literal::new_simple_literal(r)))?;
        }
        let pv = &st.provenance;
        emit(Triple::new(
            n.clone(),
            term(iri::ONTOLOGY, "sentence"),
            Literal::new_simple_literal(&*pv.text),
        ))?;
        let int = |v: usize| Literal::new_typed_literal(v.to_string(), term(XSD, "integer"));
        emit(Triple::new(n.clone(), term(iri::ONTOLOGY, "sentenceIndex"), int(pv.sentence)))?;
        emit(Triple::new(n.clone(), term(iri::ONTOLOGY, "charStart"), int(pv.start)))?;
        emit(Triple::new(n, term(iri::ONTOLOGY, "charEnd"), int(pv.end)))?;
        if st.modality == Modality::Asserted {
            let t = Triple::new(s, p, o);
            plain.insert(t.to_string(), t);
        }
    }
    for t in plain.into_values() {
        emit(t)?;
    }
    Ok(())
}

/// Writes the graph as Turtle (with prefixes) or N-Triples.
pub fn write<W: Write>(g: &KnowledgeGraph, format: RdfFormat, out: W) -> Result<W> {
    let io = |e: std::io::Error| Error::Rdf(e.to_string());
    let mut ser = RdfSerializer::from_format(format);
    if format == RdfFormat::Turtle {
        for (p, ns) in [
            ("ng", iri::ONTOLOGY),
            ("country", &format!("{}country/", iri::ENTITY)),
            ("person", &format!("{}person/", iri::ENTITY)),
            ("agency", &format!("{}agency/", iri::ENTITY)),
            ("app", &format!("{}app/", iri::ENTITY)),
            ("org", &format!("{}org/", iri::ENTITY)),
            ("known", &format!("{}known/", iri::ENTITY)),
            ("doc", iri::DOCUMENT),
            ("st", iri::STATEMENT),
            ("rdf", RDF),
            ("rdfs", RDFS),
            ("skos", SKOS),
            ("prov", PROV),
            ("dcterms", DCTERMS),
            ("xsd", XSD),
        ] {
            ser = ser.with_prefix(p, ns.to_string()).map_err(|e| Error::Rdf(e.to_string()))?;
        }
    }
    let mut w = ser.for_writer(out);
    for_each_triple(g, &mut |t| w.serialize_triple(&t).map_err(io))?;
    w.finish().map_err(io)
}
