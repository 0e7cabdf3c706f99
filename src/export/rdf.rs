//! RDF export, following the output contract of GUIDE.md: typed entities with labels, documents
//! with dcterms:identifier, every statement reified with provenance, modality and date, and the
//! plain triple for every Asserted statement.
//!
//! The quad layout (N-Quads, TriG, the store): entity descriptions in the default graph; each
//! document's description, statements and plain triples in a graph named by the document's IRI.
//! Triple formats (Turtle, N-Triples) hold the same triples with the graphs merged.
//!
//! The layout is written once ([`emit`]) against a [`Sink`]; the file formats are written by
//! streaming text writers ([`write`]), and the store receives Oxigraph quads ([`for_each_quad`]).

use super::iri;
use crate::corpus::FactObject;
use crate::error::{Error, Result};
use crate::graph::{KnowledgeGraph, ObjectRef, StatementRef};
use crate::model::{Class, Date, Modality, Relation};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use std::fmt::Write as _;
use std::io::Write;

/// A namespace of the graph's IRIs, with its Turtle prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// newsgraph's ontology.
    Ontology,
    /// Entities (the local part starts with the kind: "person/ali-khamenei").
    Entity,
    /// Source documents.
    Document,
    /// Reified statements.
    Statement,
    /// rdf:
    Rdf,
    /// rdfs:
    Rdfs,
    /// skos:
    Skos,
    /// prov:
    Prov,
    /// dcterms:
    Dcterms,
    /// xsd:
    Xsd,
}

impl Ns {
    /// The namespace IRI.
    pub fn iri(self) -> &'static str {
        match self {
            Ns::Ontology => iri::ONTOLOGY,
            Ns::Entity => iri::ENTITY,
            Ns::Document => iri::DOCUMENT,
            Ns::Statement => iri::STATEMENT,
            Ns::Rdf => "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            Ns::Rdfs => "http://www.w3.org/2000/01/rdf-schema#",
            Ns::Skos => "http://www.w3.org/2004/02/skos/core#",
            Ns::Prov => "http://www.w3.org/ns/prov#",
            Ns::Dcterms => "http://purl.org/dc/terms/",
            Ns::Xsd => "http://www.w3.org/2001/XMLSchema#",
        }
    }

    /// The Turtle prefix (entities use one prefix per kind instead).
    fn prefix(self) -> &'static str {
        match self {
            Ns::Ontology => "ng",
            Ns::Entity => "",
            Ns::Document => "doc",
            Ns::Statement => "st",
            Ns::Rdf => "rdf",
            Ns::Rdfs => "rdfs",
            Ns::Skos => "skos",
            Ns::Prov => "prov",
            Ns::Dcterms => "dcterms",
            Ns::Xsd => "xsd",
        }
    }
}

/// The entity kinds that have a Turtle prefix of their own.
const ENTITY_PREFIXES: [&str; 6] = ["country", "person", "agency", "app", "org", "known"];

/// An RDF term, borrowed: what the layout hands to a [`Sink`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term<'a> {
    /// An IRI: a namespace and an IRI-safe local part.
    Iri(Ns, &'a str),
    /// An entity's IRI: its index in the graph (text writers hold each entity's term rendered
    /// once) and its local part.
    Entity(u32, &'a str),
    /// A simple string literal.
    Str(&'a str),
    /// A typed literal: lexical form and the local name of its XSD datatype.
    Typed(&'a str, &'static str),
    /// One of the IRIs every statement repeats (text writers render each once per file).
    Vocab(Vocab),
    /// An xsd:integer literal.
    Int(u64),
}

/// An IRI of the layout's vocabulary: the predicates and classes every statement repeats, then
/// each class, relation and modality of the ontology, by index in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vocab(u16);

/// The fixed part of the vocabulary, in the order of the `Vocab` constants below.
const FIXED: [(Ns, &str); 19] = [
    (Ns::Rdf, "type"),
    (Ns::Rdf, "Statement"),
    (Ns::Rdf, "subject"),
    (Ns::Rdf, "predicate"),
    (Ns::Rdf, "object"),
    (Ns::Prov, "wasDerivedFrom"),
    (Ns::Ontology, "modality"),
    (Ns::Dcterms, "date"),
    (Ns::Ontology, "country"),
    (Ns::Ontology, "role"),
    (Ns::Ontology, "sentence"),
    (Ns::Ontology, "sentenceIndex"),
    (Ns::Ontology, "charStart"),
    (Ns::Ontology, "charEnd"),
    (Ns::Rdfs, "label"),
    (Ns::Skos, "prefLabel"),
    (Ns::Skos, "altLabel"),
    (Ns::Ontology, "Document"),
    (Ns::Dcterms, "identifier"),
];

impl Vocab {
    const TYPE: Vocab = Vocab(0);
    const STATEMENT: Vocab = Vocab(1);
    const SUBJECT: Vocab = Vocab(2);
    const PREDICATE: Vocab = Vocab(3);
    const OBJECT: Vocab = Vocab(4);
    const DERIVED_FROM: Vocab = Vocab(5);
    const MODALITY: Vocab = Vocab(6);
    const DATE: Vocab = Vocab(7);
    const COUNTRY: Vocab = Vocab(8);
    const ROLE: Vocab = Vocab(9);
    const SENTENCE: Vocab = Vocab(10);
    const SENTENCE_INDEX: Vocab = Vocab(11);
    const CHAR_START: Vocab = Vocab(12);
    const CHAR_END: Vocab = Vocab(13);
    const LABEL: Vocab = Vocab(14);
    const PREF_LABEL: Vocab = Vocab(15);
    const ALT_LABEL: Vocab = Vocab(16);
    const DOCUMENT: Vocab = Vocab(17);
    const IDENTIFIER: Vocab = Vocab(18);
    /// Size of the whole vocabulary.
    const LEN: usize = FIXED.len() + Class::ALL.len() + Relation::ALL.len() + Modality::ALL.len();

    fn class(c: Class) -> Vocab {
        Vocab((FIXED.len() + c as usize) as u16)
    }

    fn relation(r: Relation) -> Vocab {
        Vocab((FIXED.len() + Class::ALL.len() + r as usize) as u16)
    }

    fn modality(m: Modality) -> Vocab {
        Vocab((FIXED.len() + Class::ALL.len() + Relation::ALL.len() + m as usize) as u16)
    }

    /// The namespace and local part. Every `Vocab` is made in this module, within range.
    fn iri(self) -> (Ns, &'static str) {
        let mut i = usize::from(self.0);
        if let Some(&f) = FIXED.get(i) {
            return f;
        }
        i -= FIXED.len();
        if let Some(c) = Class::ALL.get(i) {
            return (Ns::Ontology, c.name());
        }
        i -= Class::ALL.len();
        if let Some(r) = Relation::ALL.get(i) {
            return (Ns::Ontology, r.name());
        }
        i -= Relation::ALL.len();
        (Ns::Ontology, Modality::ALL.get(i).map_or("", |m| m.name()))
    }
}

/// Receives the triples of the layout, graph by graph.
pub trait Sink {
    /// Starts a graph: the default graph, or the graph of a document (by IRI local part).
    fn graph(&mut self, document: Option<&str>) -> Result<()>;
    /// One triple in the current graph.
    fn triple(&mut self, s: Term<'_>, p: Term<'_>, o: Term<'_>) -> Result<()>;
    /// Triples with one subject, in order: the layout hands over a statement or an entity at a
    /// time, so a text writer renders the subject once.
    fn triples(&mut self, s: Term<'_>, pairs: &[Pair<'_>]) -> Result<()> {
        pairs.iter().try_for_each(|&(p, o)| self.triple(s, p, o))
    }
}

const A: Term<'static> = Term::Vocab(Vocab::TYPE);

/// An integer as a term (sentence numbers and offsets run into the millions).
fn int(v: usize) -> Term<'static> {
    Term::Int(v as u64)
}

fn date_term(d: &Date, buf: &mut String) {
    buf.clear();
    let _ = match (d.month, d.day) {
        (Some(m), Some(day)) => write!(buf, "{:04}-{:02}-{:02}", d.year, m, day),
        (Some(m), None) => write!(buf, "{:04}-{:02}", d.year, m),
        _ => write!(buf, "{:04}", d.year),
    };
}

fn entity_local(e: &crate::corpus::Entity) -> String {
    iri::entity(&e.key)[iri::ENTITY.len()..].to_string()
}

/// The statement IRI's local part: document, sentence and a hash of subject, relation and object.
fn statement_local(doc_local: &str, st: &StatementRef<'_>, buf: &mut String) {
    let count;
    let obj = match st.object() {
        ObjectRef::Entity(e) => e.key.as_str(),
        ObjectRef::Count(n) => {
            count = n.to_string();
            count.as_str()
        }
    };
    let h = iri::fnv64(&[&st.subject().key, st.relation().name(), obj]);
    buf.clear();
    buf.push_str(doc_local);
    buf.push_str("-s");
    push_int(buf, st.sentence());
    buf.push('-');
    // Sixteen lower-case hexadecimal digits.
    for shift in (0..16).rev() {
        let digit = ((h >> (shift * 4)) & 0xf) as u32;
        buf.push(char::from_digit(digit, 16).unwrap_or('0'));
    }
}

/// IRI local parts computed once per build: entities and documents, by index.
pub struct Locals {
    entities: Vec<String>,
    documents: Vec<String>,
}

impl Locals {
    /// The local parts of every entity and document of the graph.
    pub fn new(g: &KnowledgeGraph) -> Locals {
        Locals {
            entities: g.entities().map(entity_local).collect(),
            documents: g.documents().map(|d| iri::encode_segment(&d.info().id)).collect(),
        }
    }
}

/// The term of the entity with id `e`.
fn entity_term(locals: &[String], e: u32) -> Term<'_> {
    Term::Entity(e, locals.get(e as usize).map_or("", String::as_str))
}

/// A predicate and an object.
pub type Pair<'a> = (Term<'a>, Term<'a>);

/// The pairs that are there, in order, without allocating (a statement has up to 13).
fn gather<'a, const N: usize>(pairs: [Option<Pair<'a>>; N]) -> PairList<'a, N> {
    let mut list = PairList {
        pairs: [(A, A); N],
        len: 0,
    };
    for pair in pairs.into_iter().flatten() {
        list.pairs[list.len] = pair;
        list.len += 1;
    }
    list
}

/// Up to `N` pairs in a fixed array (see [`gather`]).
struct PairList<'a, const N: usize> {
    pairs: [Pair<'a>; N],
    len: usize,
}

impl<'a, const N: usize> std::ops::Deref for PairList<'a, N> {
    type Target = [Pair<'a>];
    fn deref(&self) -> &[Pair<'a>] {
        &self.pairs[..self.len]
    }
}

/// The term of a statement's object: an entity, or a count.
fn object_term(locals: &[String], o: FactObject) -> Term<'_> {
    match o {
        FactObject::Entity(o) => entity_term(locals, o),
        FactObject::Count(n) => Term::Int(n),
    }
}

/// Writes an integer in decimal (without the formatting machinery: there are millions).
fn push_int(out: &mut String, v: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(v));
}

/// A plain triple to write once: subject, relation (index in [`Relation::ALL`]) and object.
type Plain = (u32, u8, FactObject);

fn describe_document(sink: &mut dyn Sink, local: &str, d: &crate::corpus::DocumentInfo, buf: &mut String) -> Result<()> {
    let date = d.date.map(|date| {
        date_term(&date, buf);
        (Term::Vocab(Vocab::DATE), Term::Typed(buf, date.xsd_type()))
    });
    let pairs = [
        Some((A, Term::Vocab(Vocab::DOCUMENT))),
        Some((Term::Vocab(Vocab::IDENTIFIER), Term::Str(&d.id))),
        date,
    ];
    sink.triples(Term::Iri(Ns::Document, local), &gather(pairs))
}

/// The head of the layout: entity descriptions in the default graph, and with triple formats
/// the document descriptions.
fn emit_head(g: &KnowledgeGraph, quads: bool, locals: &Locals, sink: &mut dyn Sink) -> Result<()> {
    sink.graph(None)?;
    for (i, (e, local)) in g.entities().zip(&locals.entities).enumerate() {
        let mut pairs = vec![(A, Term::Vocab(Vocab::class(e.class)))];
        if e.class == Class::Official {
            pairs.push((A, Term::Vocab(Vocab::class(Class::Person))));
        }
        pairs.push((Term::Vocab(Vocab::LABEL), Term::Str(&e.name)));
        pairs.push((Term::Vocab(Vocab::PREF_LABEL), Term::Str(&e.name)));
        pairs.extend(e.labels.iter().skip(1).map(|l| (Term::Vocab(Vocab::ALT_LABEL), Term::Str(l))));
        sink.triples(Term::Entity(i as u32, local), &pairs)?;
    }
    if !quads {
        let mut buf = String::new();
        for (d, local) in g.documents().zip(&locals.documents) {
            describe_document(sink, local, d.info(), &mut buf)?;
        }
    }
    Ok(())
}

/// The reified statements of a range of documents (with quads, each in its document's graph with
/// the document's description and plain triples). With triple formats the plain triples are left
/// in `plain` for [`plain_triples`] to write once at the end.
fn emit_documents(
    g: &KnowledgeGraph,
    quads: bool,
    locals: &Locals,
    docs: std::ops::Range<usize>,
    sink: &mut dyn Sink,
    plain: &mut Vec<Plain>,
) -> Result<()> {
    let ents = &locals.entities;
    let (mut buf, mut st_buf) = (String::new(), String::new());
    for d in docs.map(|i| g.document(i)) {
        let local = &locals.documents[d.index()];
        if quads {
            sink.graph(Some(local))?;
            describe_document(sink, local, d.info(), &mut buf)?;
        }
        let texts = g.texts(d.info())?;
        for st in d.statements() {
            statement_local(local, &st, &mut st_buf);
            let date = st.date().map(|date| {
                date_term(&date, &mut buf);
                (Term::Vocab(Vocab::DATE), Term::Typed(&buf, date.xsd_type()))
            });
            let (start, end) = st.span();
            let pairs = [
                Some((A, Term::Vocab(Vocab::STATEMENT))),
                Some((Term::Vocab(Vocab::SUBJECT), entity_term(ents, st.fact().subject))),
                Some((Term::Vocab(Vocab::PREDICATE), Term::Vocab(Vocab::relation(st.relation())))),
                Some((Term::Vocab(Vocab::OBJECT), object_term(ents, st.fact().object))),
                Some((Term::Vocab(Vocab::DERIVED_FROM), Term::Iri(Ns::Document, local))),
                Some((Term::Vocab(Vocab::MODALITY), Term::Vocab(Vocab::modality(st.modality())))),
                date,
                st.fact().country.map(|c| (Term::Vocab(Vocab::COUNTRY), entity_term(ents, c))),
                st.role().map(|r| (Term::Vocab(Vocab::ROLE), Term::Str(r))),
                Some((Term::Vocab(Vocab::SENTENCE), Term::Str(st.text(&texts)))),
                Some((Term::Vocab(Vocab::SENTENCE_INDEX), int(st.sentence()))),
                Some((Term::Vocab(Vocab::CHAR_START), int(start))),
                Some((Term::Vocab(Vocab::CHAR_END), int(end))),
            ];
            sink.triples(Term::Iri(Ns::Statement, &st_buf), &gather(pairs))?;
            if st.modality() == Modality::Asserted {
                plain.push((st.fact().subject, st.relation() as u8, st.fact().object));
            }
        }
        if quads {
            plain_triples(plain, ents, sink)?;
        }
    }
    Ok(())
}

/// Writes the whole graph into a sink: entities, documents, reified statements, plain triples.
/// With `quads`, each document's part goes into the document's graph.
pub fn emit(g: &KnowledgeGraph, quads: bool, sink: &mut dyn Sink) -> Result<()> {
    let locals = Locals::new(g);
    emit_head(g, quads, &locals, sink)?;
    let mut plain = Vec::new();
    emit_documents(g, quads, &locals, 0..locals.documents.len(), sink, &mut plain)?;
    plain_triples(&mut plain, &locals.entities, sink)
}

/// Writes the plain triples collected (each once), and empties the list.
fn plain_triples(plain: &mut Vec<Plain>, ents: &[String], sink: &mut dyn Sink) -> Result<()> {
    plain.sort_unstable();
    plain.dedup();
    for &(s, r, o) in plain.iter() {
        let rel = Relation::ALL[r as usize];
        sink.triple(entity_term(ents, s), Term::Vocab(Vocab::relation(rel)), object_term(ents, o))?;
    }
    plain.clear();
    Ok(())
}

/// Collects Oxigraph quads (for the store); IRIs are checked.
struct QuadSink<'f> {
    graph: GraphName,
    emit: &'f mut dyn FnMut(Quad) -> Result<()>,
}

fn named(ns: Ns, local: &str) -> Result<NamedNode> {
    let iri = format!("{}{local}", ns.iri());
    NamedNode::new(&iri).map_err(|e| Error::Rdf(format!("{iri}: {e}")))
}

impl QuadSink<'_> {
    fn term(t: Term<'_>) -> Result<oxigraph::model::Term> {
        Ok(match t {
            Term::Iri(ns, local) => named(ns, local)?.into(),
            Term::Entity(_, local) => named(Ns::Entity, local)?.into(),
            Term::Str(s) => Literal::new_simple_literal(s).into(),
            Term::Typed(v, dt) => Literal::new_typed_literal(v, named(Ns::Xsd, dt)?).into(),
            Term::Vocab(v) => {
                let (ns, local) = v.iri();
                named(ns, local)?.into()
            }
            Term::Int(n) => Literal::new_typed_literal(n.to_string(), named(Ns::Xsd, "integer")?).into(),
        })
    }
}

impl Sink for QuadSink<'_> {
    fn graph(&mut self, document: Option<&str>) -> Result<()> {
        self.graph = match document {
            Some(d) => GraphName::NamedNode(named(Ns::Document, d)?),
            None => GraphName::DefaultGraph,
        };
        Ok(())
    }
    fn triple(&mut self, s: Term<'_>, p: Term<'_>, o: Term<'_>) -> Result<()> {
        let (oxigraph::model::Term::NamedNode(s), oxigraph::model::Term::NamedNode(p)) = (Self::term(s)?, Self::term(p)?) else {
            return Err(Error::Rdf("a subject or predicate is not an IRI".into()));
        };
        let o = Self::term(o)?;
        (self.emit)(Quad::new(s, p, o, self.graph.clone()))
    }
}

/// Calls `emit` with every quad of the graph, in a deterministic order, in the named-graph layout.
pub fn for_each_quad(g: &KnowledgeGraph, each: &mut dyn FnMut(Quad) -> Result<()>) -> Result<()> {
    let mut sink = QuadSink {
        graph: GraphName::DefaultGraph,
        emit: each,
    };
    emit(g, true, &mut sink)
}

/// The bytes a Turtle prefixed name's local part may hold as they are (by byte value).
const LOCAL_BYTES: [bool; 256] = {
    let mut ok = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        ok[b] = c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.';
        b += 1;
    }
    ok
};

/// Whether a local part can stand in a Turtle prefixed name as it is.
fn plain_local(local: &str) -> bool {
    let b = local.as_bytes();
    !b.is_empty() && b[0] != b'-' && b[0] != b'.' && b[b.len() - 1] != b'.' && b.iter().all(|&c| LOCAL_BYTES[usize::from(c)])
}

/// Streams N-Triples, N-Quads, Turtle or TriG text.
struct TextSink<'e, W: Write> {
    w: W,
    /// Terms rendered once per file.
    rendered: &'e Rendered,
    turtle: bool,
    quads: bool,
    /// The current graph's IRI, written after each quad (N-Quads) or opening a block (TriG).
    graph: Option<String>,
    /// Turtle: the subject of the open statement block.
    last_subject: Vec<u8>,
    /// The subject being written, rendered once for its triples.
    subject: Vec<u8>,
    scratch: Vec<u8>,
}

/// A write error; the caller that knows the file fills in its path.
fn io(e: std::io::Error) -> Error {
    Error::unplaced_write(e)
}

/// Marks the bytes of a word that a literal must escape (see [`crate::words8::byte_bits`]): a
/// control byte (below 0x20 or 0x7f), a quote or a backslash. May mark a byte that needs none (the
/// bytes are then looked at one by one); never misses one that does.
fn escape_bits(w: u64) -> u64 {
    use crate::words8::{byte_bits, ONES};
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    below_space | byte_bits(w, b'"') | byte_bits(w, b'\\') | byte_bits(w, 0x7f)
}

fn write_literal(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    // `from` starts the run not yet copied; words with nothing to escape join it at once.
    let (mut from, mut at) = (0, 0);
    while at < bytes.len() {
        // Clean words are passed over; the bytes of a marked word (or of the tail) one by one.
        at = crate::words8::skip_clean(bytes, at, escape_bits);
        let end = (at + 8).min(bytes.len());
        for (i, &c) in bytes.iter().enumerate().take(end).skip(at) {
            let esc: &[u8] = match c {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0..=0x1f | 0x7f => b"",
                _ => continue,
            };
            out.extend_from_slice(&bytes[from..i]);
            if esc.is_empty() {
                let _ = write!(out, "\\u{:04X}", c);
            } else {
                out.extend_from_slice(esc);
            }
            from = i + 1;
        }
        at = end;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

impl<W: Write> TextSink<'_, W> {
    fn term(&self, out: &mut Vec<u8>, t: Term<'_>, predicate: bool) {
        match t {
            Term::Vocab(Vocab::TYPE) if self.turtle && predicate => out.push(b'a'),
            Term::Vocab(v) => match self.rendered.vocab.get(usize::from(v.0)) {
                Some(rendered) => out.extend_from_slice(rendered),
                None => {
                    let (ns, local) = v.iri();
                    self.term(out, Term::Iri(ns, local), predicate);
                }
            },
            Term::Int(n) => {
                out.push(b'"');
                out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
                match &self.rendered.int_suffix {
                    Some(suffix) => out.extend_from_slice(suffix),
                    None => {
                        out.extend_from_slice(b"\"^^");
                        self.term(out, Term::Iri(Ns::Xsd, "integer"), false);
                    }
                }
            }
            Term::Entity(e, local) => match self.rendered.entities.get(e as usize) {
                Some(rendered) => out.extend_from_slice(rendered),
                None => self.term(out, Term::Iri(Ns::Entity, local), predicate),
            },
            Term::Iri(ns, local) => {
                if self.turtle {
                    let (prefix, rest) = match ns {
                        Ns::Entity => match local.split_once('/') {
                            Some((kind, rest)) if ENTITY_PREFIXES.contains(&kind) => (kind, rest),
                            _ => ("", local),
                        },
                        other => (other.prefix(), local),
                    };
                    if !prefix.is_empty() && plain_local(rest) {
                        out.extend_from_slice(prefix.as_bytes());
                        out.push(b':');
                        out.extend_from_slice(rest.as_bytes());
                        return;
                    }
                }
                out.push(b'<');
                out.extend_from_slice(ns.iri().as_bytes());
                out.extend_from_slice(local.as_bytes());
                out.push(b'>');
            }
            Term::Str(s) => write_literal(out, s),
            Term::Typed(v, dt) => {
                write_literal(out, v);
                out.extend_from_slice(b"^^");
                self.term(out, Term::Iri(Ns::Xsd, dt), false);
            }
        }
    }

    fn header(&mut self) -> Result<()> {
        if !self.turtle {
            return Ok(());
        }
        let mut prefixes: Vec<(String, String)> = [
            Ns::Ontology,
            Ns::Document,
            Ns::Statement,
            Ns::Rdf,
            Ns::Rdfs,
            Ns::Skos,
            Ns::Prov,
            Ns::Dcterms,
            Ns::Xsd,
        ]
        .iter()
        .map(|ns| (ns.prefix().to_string(), ns.iri().to_string()))
        .collect();
        prefixes.extend(ENTITY_PREFIXES.iter().map(|k| (k.to_string(), format!("{}{k}/", iri::ENTITY))));
        for (p, ns) in prefixes {
            writeln!(self.w, "@prefix {p}: <{ns}> .").map_err(io)?;
        }
        Ok(())
    }

    /// Closes the open Turtle statement block (and TriG graph block).
    fn close_block(&mut self) -> Result<()> {
        if self.turtle && !self.last_subject.is_empty() {
            self.w.write_all(b" .\n").map_err(io)?;
            self.last_subject.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> Result<W> {
        self.close_block()?;
        if self.turtle && self.quads && self.graph.is_some() {
            self.w.write_all(b"}\n").map_err(io)?;
        }
        Ok(self.w)
    }
}

impl<W: Write> Sink for TextSink<'_, W> {
    fn graph(&mut self, document: Option<&str>) -> Result<()> {
        if !self.quads {
            return Ok(());
        }
        self.close_block()?;
        if self.turtle && self.graph.is_some() {
            self.w.write_all(b"}\n").map_err(io)?;
        }
        self.graph = document.map(|d| {
            let mut g = Vec::new();
            self.term(&mut g, Term::Iri(Ns::Document, d), false);
            String::from_utf8_lossy(&g).into_owned()
        });
        if self.turtle {
            if let Some(g) = &self.graph {
                writeln!(self.w, "{g} {{").map_err(io)?;
            }
        }
        Ok(())
    }

    fn triple(&mut self, s: Term<'_>, p: Term<'_>, o: Term<'_>) -> Result<()> {
        self.triples(s, &[(p, o)])
    }

    fn triples(&mut self, s: Term<'_>, pairs: &[Pair<'_>]) -> Result<()> {
        let (mut out, mut subject) = (std::mem::take(&mut self.scratch), std::mem::take(&mut self.subject));
        out.clear();
        subject.clear();
        self.term(&mut subject, s, false);
        for (i, &(p, o)) in pairs.iter().enumerate() {
            if !self.turtle {
                out.extend_from_slice(&subject);
                out.push(b' ');
            } else if i > 0 || subject == self.last_subject {
                out.extend_from_slice(b" ;\n\t");
            } else {
                if !self.last_subject.is_empty() {
                    out.extend_from_slice(b" .\n");
                }
                self.last_subject.clear();
                self.last_subject.extend_from_slice(&subject);
                out.extend_from_slice(&subject);
                out.push(b' ');
            }
            self.term(&mut out, p, true);
            out.push(b' ');
            self.term(&mut out, o, false);
            if !self.turtle {
                if let (true, Some(g)) = (self.quads, &self.graph) {
                    out.push(b' ');
                    out.extend_from_slice(g.as_bytes());
                }
                out.extend_from_slice(b" .\n");
            }
        }
        let r = self.w.write_all(&out).map_err(io);
        (self.scratch, self.subject) = (out, subject);
        r
    }
}

impl<'e, W: Write> TextSink<'e, W> {
    fn new(w: W, format: RdfFormat, rendered: &'e Rendered) -> TextSink<'e, W> {
        let (turtle, quads) = match format {
            RdfFormat::Turtle => (true, false),
            RdfFormat::TriG => (true, true),
            RdfFormat::NQuads => (false, true),
            _ => (false, false),
        };
        TextSink {
            w,
            rendered,
            turtle,
            quads,
            graph: None,
            last_subject: Vec::new(),
            subject: Vec::new(),
            scratch: Vec::new(),
        }
    }
}

/// Terms rendered once per file in its syntax: entities and the vocabulary recur in millions of
/// triples. An empty one renders every term from its parts.
#[derive(Debug, Default)]
struct Rendered {
    /// Every entity's term, by entity id.
    entities: Vec<Box<[u8]>>,
    /// Every vocabulary IRI in object position, by [`Vocab`] index.
    vocab: Vec<Box<[u8]>>,
    /// What follows an integer's digits: the closing quote and the xsd:integer datatype.
    int_suffix: Option<Box<[u8]>>,
}

impl Rendered {
    fn new(locals: &Locals, format: RdfFormat) -> Rendered {
        let parts = Rendered::default();
        let renderer = TextSink::new(std::io::sink(), format, &parts);
        let render = |t: Term<'_>| {
            let mut out = Vec::new();
            renderer.term(&mut out, t, false);
            out.into_boxed_slice()
        };
        let entities = locals.entities.iter().map(|local| render(Term::Iri(Ns::Entity, local))).collect();
        let vocab = (0..Vocab::LEN as u16).map(|i| render(Term::Vocab(Vocab(i)))).collect();
        let int_suffix = render(Term::Int(0))[2..].into();
        Rendered {
            entities,
            vocab,
            int_suffix: Some(int_suffix),
        }
    }
}

/// Documents per part written in parallel, and parts in flight at once (bounds memory).
const PART_DOCS: usize = 128;

/// Writes the graph in an RDF format: Turtle or N-Triples (triples), N-Quads or TriG (named graphs).
/// Documents are serialized in parallel, a few parts at a time, and written in order.
pub fn write<W: Write>(g: &KnowledgeGraph, format: RdfFormat, out: W) -> Result<W> {
    let locals = Locals::new(g);
    let rendered = Rendered::new(&locals, format);
    let mut sink = TextSink::new(out, format, &rendered);
    let quads = sink.quads;
    sink.header()?;
    emit_head(g, quads, &locals, &mut sink)?;
    sink.close_block()?;
    let n = locals.documents.len();
    let parts: Vec<std::ops::Range<usize>> = (0..n).step_by(PART_DOCS).map(|a| a..(a + PART_DOCS).min(n)).collect();
    let window = rayon::current_num_threads().max(1) * 2;
    let mut plain = Vec::new();
    // Part buffers are reused from batch to batch: they grow to a part's size once.
    let mut buffers: Vec<Vec<u8>> = Vec::new();
    for batch in parts.chunks(window) {
        use rayon::prelude::*;
        buffers.resize_with(batch.len().max(buffers.len()), || Vec::with_capacity(1 << 20));
        let done: Vec<Result<(Vec<u8>, Vec<Plain>)>> = batch
            .par_iter()
            .zip(buffers.par_drain(..batch.len()))
            .map(|(r, mut buffer)| {
                buffer.clear();
                let mut part = TextSink::new(buffer, format, &rendered);
                let mut plain = Vec::new();
                emit_documents(g, quads, &locals, r.clone(), &mut part, &mut plain)?;
                plain.sort_unstable();
                plain.dedup();
                Ok((part.finish()?, plain))
            })
            .collect();
        for d in done {
            let (bytes, p) = d?;
            sink.w.write_all(&bytes).map_err(io)?;
            buffers.push(bytes);
            plain.extend(p);
        }
        // The same triple is asserted by many documents: keep the list short as it grows.
        plain.sort_unstable();
        plain.dedup();
    }
    plain_triples(&mut plain, &locals.entities, &mut sink)?;
    sink.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping rules, one byte at a time: the reference for the word-at-a-time writer.
    fn escaped_one_by_one(s: &str) -> Vec<u8> {
        let mut out = vec![b'"'];
        for &c in s.as_bytes() {
            match c {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0..=0x1f | 0x7f => out.extend_from_slice(format!("\\u{c:04X}").as_bytes()),
                _ => out.push(c),
            }
        }
        out.push(b'"');
        out
    }

    #[test]
    fn vocabulary_terms_name_their_iris() {
        let fixed = [
            (Vocab::TYPE, Ns::Rdf, "type"),
            (Vocab::STATEMENT, Ns::Rdf, "Statement"),
            (Vocab::SUBJECT, Ns::Rdf, "subject"),
            (Vocab::PREDICATE, Ns::Rdf, "predicate"),
            (Vocab::OBJECT, Ns::Rdf, "object"),
            (Vocab::DERIVED_FROM, Ns::Prov, "wasDerivedFrom"),
            (Vocab::MODALITY, Ns::Ontology, "modality"),
            (Vocab::DATE, Ns::Dcterms, "date"),
            (Vocab::COUNTRY, Ns::Ontology, "country"),
            (Vocab::ROLE, Ns::Ontology, "role"),
            (Vocab::SENTENCE, Ns::Ontology, "sentence"),
            (Vocab::SENTENCE_INDEX, Ns::Ontology, "sentenceIndex"),
            (Vocab::CHAR_START, Ns::Ontology, "charStart"),
            (Vocab::CHAR_END, Ns::Ontology, "charEnd"),
            (Vocab::LABEL, Ns::Rdfs, "label"),
            (Vocab::PREF_LABEL, Ns::Skos, "prefLabel"),
            (Vocab::ALT_LABEL, Ns::Skos, "altLabel"),
            (Vocab::DOCUMENT, Ns::Ontology, "Document"),
            (Vocab::IDENTIFIER, Ns::Dcterms, "identifier"),
        ];
        for (v, ns, local) in fixed {
            assert_eq!(v.iri(), (ns, local));
        }
        for c in Class::ALL {
            assert_eq!(Vocab::class(c).iri(), (Ns::Ontology, c.name()));
        }
        for r in Relation::ALL {
            assert_eq!(Vocab::relation(r).iri(), (Ns::Ontology, r.name()));
        }
        for m in Modality::ALL {
            assert_eq!(Vocab::modality(m).iri(), (Ns::Ontology, m.name()));
        }
        assert_eq!(usize::from(Vocab::modality(Modality::Negated).0) + 1, Vocab::LEN);
    }

    /// Terms rendered once per file read exactly as the same terms rendered from their parts.
    #[test]
    fn rendered_terms_read_as_terms_rendered_from_their_parts() {
        let locals = Locals {
            entities: vec!["country/iran".into(), "app/odd name".into()],
            documents: vec!["d1".into()],
        };
        for format in [RdfFormat::NTriples, RdfFormat::Turtle, RdfFormat::NQuads, RdfFormat::TriG] {
            let (fast, parts) = (Rendered::new(&locals, format), Rendered::default());
            let (fast, slow) = (
                TextSink::new(std::io::sink(), format, &fast),
                TextSink::new(std::io::sink(), format, &parts),
            );
            let mut terms: Vec<Term<'_>> = (0..Vocab::LEN as u16).map(|i| Term::Vocab(Vocab(i))).collect();
            terms.extend([
                Term::Int(0),
                Term::Int(1234567),
                Term::Entity(0, "country/iran"),
                Term::Entity(1, "app/odd name"),
            ]);
            for t in terms {
                for predicate in [false, true] {
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    fast.term(&mut a, t, predicate);
                    slow.term(&mut b, t, predicate);
                    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b), "{format:?} {t:?}");
                }
            }
        }
        let nt = Rendered::new(&locals, RdfFormat::NTriples);
        let mut out = Vec::new();
        TextSink::new(std::io::sink(), RdfFormat::NTriples, &nt).term(&mut out, Term::Int(42), false);
        assert_eq!(out, b"\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    }

    #[test]
    fn literals_escape_quotes_backslashes_and_controls_anywhere() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "plain text of more than eight bytes".into(),
            "Khamenei\u{2019}s \u{201c}channel\u{201d} \u{e9}t\u{e9}".into(),
            "tab\there, \"quoted\", back\\slash, del\u{7f} bell\u{7} \r\n end".into(),
        ];
        // Each special byte at every offset around the eight-byte words.
        for special in ["\"", "\\", "\u{1}", "\u{7f}", "\n"] {
            for at in 0..18 {
                texts.push(format!("{}{special}{}", "a".repeat(at), "b".repeat(18 - at)));
            }
        }
        for t in &texts {
            let mut out = Vec::new();
            write_literal(&mut out, t);
            assert_eq!(out, escaped_one_by_one(t), "{t:?}");
        }
    }
}
