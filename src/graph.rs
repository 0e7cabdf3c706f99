//! The merged knowledge graph (petgraph): entities and counts as nodes, and one edge per
//! (subject, relation, object, asserted or not) that lists the statements behind it, each with
//! its provenance. Every export reads from here.

use crate::corpus::{Corpus, DocumentInfo, Entity, EntityId, Fact, FactObject};
use crate::error::Result;
use crate::model::{Date, Modality, Relation};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;
use std::ops::Range;

/// A node: an entity, or the number of a userCount statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A resolved entity.
    Entity(Entity),
    /// An integer literal (user figures).
    Count(u64),
}

/// An edge: the statements of one relation between two nodes, asserted or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// The relation.
    pub relation: Relation,
    /// Whether these statements are Asserted (otherwise Planned, Hypothetical or Negated).
    pub asserted: bool,
    /// The statements, as a range of [`KnowledgeGraph::edge_statements`].
    pub statements: Range<u32>,
}

/// The knowledge graph of a corpus.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// Nodes (entities first, in key order, so an [`EntityId`] is a node index) and edges.
    pub graph: DiGraph<Node, Edge>,
    corpus: Corpus,
    /// Statement ids grouped by edge.
    edge_statements: Vec<u32>,
    statement_count: usize,
    index: BTreeMap<String, NodeIndex>,
}

/// One statement of the graph, with its entities resolved.
#[derive(Debug, Clone, Copy)]
pub struct StatementRef<'g> {
    g: &'g KnowledgeGraph,
    fact: &'g Fact,
}

/// The object of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectRef<'g> {
    /// An entity.
    Entity(&'g Entity),
    /// A number.
    Count(u64),
}

impl<'g> StatementRef<'g> {
    /// The subject.
    pub fn subject(&self) -> &'g Entity {
        self.g.entity_by_id(self.fact.subject)
    }
    /// The relation.
    pub fn relation(&self) -> Relation {
        self.fact.relation
    }
    /// The object.
    pub fn object(&self) -> ObjectRef<'g> {
        match self.fact.object {
            FactObject::Entity(o) => ObjectRef::Entity(self.g.entity_by_id(o)),
            FactObject::Count(n) => ObjectRef::Count(n),
        }
    }
    /// Modality.
    pub fn modality(&self) -> Modality {
        self.fact.modality
    }
    /// The event's date, where the text gives one.
    pub fn date(&self) -> Option<Date> {
        self.fact.date
    }
    /// For userCount: the country the users are in.
    pub fn country(&self) -> Option<&'g Entity> {
        self.fact.country.map(|c| self.g.entity_by_id(c))
    }
    /// For holdsPositionIn: the role as written.
    pub fn role(&self) -> Option<&'g str> {
        self.fact.role.and_then(|r| self.g.corpus.roles.get(r as usize)).map(String::as_str)
    }
    /// The source document.
    pub fn document(&self) -> &'g DocumentInfo {
        &self.g.corpus.documents[self.fact.doc as usize]
    }
    /// Zero-based index of the sentence in its document.
    pub fn sentence(&self) -> usize {
        self.fact.sentence as usize
    }
    /// Character span of the sentence in the cleaned document.
    pub fn span(&self) -> (usize, usize) {
        (self.fact.start as usize, self.fact.end as usize)
    }
    /// The sentence text, from the document's texts as read by [`KnowledgeGraph::texts`].
    pub fn text<'t>(&self, texts: &'t DocTexts) -> &'t str {
        let (o, l) = (self.fact.text_offset as usize, self.fact.text_len as usize);
        texts.0.get(o..o + l).unwrap_or("")
    }
    /// The compact fact.
    pub fn fact(&self) -> &'g Fact {
        self.fact
    }
}

/// The sentence texts of one document, read back from the spool.
#[derive(Debug, Clone, Default)]
pub struct DocTexts(String);

/// A document with its statements.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'g> {
    g: &'g KnowledgeGraph,
    index: usize,
}

impl<'g> DocumentRef<'g> {
    /// The document's position in id order.
    pub fn index(&self) -> usize {
        self.index
    }
    /// The document.
    pub fn info(&self) -> &'g DocumentInfo {
        &self.g.corpus.documents[self.index]
    }
    /// Its statements, in order.
    pub fn statements(&self) -> impl Iterator<Item = StatementRef<'g>> + 'g {
        let g = self.g;
        g.corpus
            .facts
            .slice(self.info().facts)
            .iter()
            .map(move |fact| StatementRef { g, fact })
    }
}

/// A fact's edge (subject, relation, object, whether asserted) as one integer of 74 bits that sorts
/// as the tuple does: counts are replaced by their rank among `counts` (sorted, distinct).
fn pack_edge_key(f: &Fact, counts: &[u64]) -> u128 {
    let object = match f.object {
        FactObject::Entity(e) => u128::from(e),
        FactObject::Count(n) => (1 << 32) | counts.binary_search(&n).unwrap_or(0) as u128,
    };
    (u128::from(f.subject) << 42) | ((f.relation as u8 as u128) << 34) | (object << 1) | u128::from(f.modality != Modality::Asserted)
}

impl KnowledgeGraph {
    /// Builds the graph from a resolved corpus; node and edge order is deterministic.
    pub fn from_corpus(corpus: Corpus) -> KnowledgeGraph {
        let mut graph = DiGraph::with_capacity(corpus.entities.len() + 64, 0);
        let mut index = BTreeMap::new();
        for e in &corpus.entities {
            let ix = graph.add_node(Node::Entity(e.clone()));
            index.insert(e.key.clone(), ix);
        }
        let mut counts: BTreeMap<u64, NodeIndex> = BTreeMap::new();
        let edge_key = |i: &u32| {
            let f = corpus.facts.get(*i);
            (f.subject, f.relation, f.object, f.modality != Modality::Asserted)
        };
        // Fact ids grouped by edge, in statement order within an edge. Each is sorted as one
        // integer, its edge key above its id: no lookups while sorting, and ties cannot occur.
        let mut counts_seen: Vec<u64> = corpus
            .documents
            .iter()
            .flat_map(|d| corpus.facts.slice(d.facts))
            .filter_map(|f| match f.object {
                FactObject::Count(n) => Some(n),
                FactObject::Entity(_) => None,
            })
            .collect();
        counts_seen.sort_unstable();
        counts_seen.dedup();
        let mut packed: Vec<u128> = Vec::with_capacity(corpus.documents.iter().map(|d| d.facts.len as usize).sum());
        packed.extend(
            corpus
                .documents
                .iter()
                .flat_map(|d| corpus.facts.slice(d.facts).iter().zip(d.facts.start..))
                .map(|(f, id)| (pack_edge_key(f, &counts_seen) << 32) | u128::from(id)),
        );
        packed.sort_unstable();
        let edge_statements: Vec<u32> = packed.iter().map(|&p| p as u32).collect();
        let mut at = 0;
        while at < packed.len() {
            let group = packed[at] >> 32;
            let end = at + packed[at..].iter().take_while(|&&p| p >> 32 == group).count();
            let (s, relation, o, not_asserted) = edge_key(&edge_statements[at]);
            let o = match o {
                FactObject::Entity(o) => NodeIndex::new(o as usize),
                FactObject::Count(n) => *counts.entry(n).or_insert_with(|| graph.add_node(Node::Count(n))),
            };
            let edge = Edge {
                relation,
                asserted: !not_asserted,
                statements: at as u32..end as u32,
            };
            graph.add_edge(NodeIndex::new(s as usize), o, edge);
            at = end;
        }
        drop(packed);
        KnowledgeGraph {
            graph,
            corpus,
            statement_count: edge_statements.len(),
            edge_statements,
            index,
        }
    }

    /// Entities in key order.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.corpus.entities.iter()
    }

    /// The entity with a key.
    pub fn entity(&self, key: &str) -> Option<&Entity> {
        self.index.get(key).map(|ix| self.entity_by_id(ix.index() as EntityId))
    }

    /// The entity with an id.
    pub fn entity_by_id(&self, id: EntityId) -> &Entity {
        &self.corpus.entities[id as usize]
    }

    /// Number of statements.
    pub fn statement_count(&self) -> usize {
        self.statement_count
    }

    /// Statements in order (document, sentence, subject, relation, object).
    pub fn statements(&self) -> impl Iterator<Item = StatementRef<'_>> {
        self.documents().flat_map(|d| d.statements())
    }

    /// The statements behind an edge.
    pub fn edge_statements(&self, edge: &Edge) -> impl Iterator<Item = StatementRef<'_>> {
        let r = edge.statements.start as usize..edge.statements.end as usize;
        self.edge_statements[r].iter().map(move |&i| StatementRef {
            g: self,
            fact: self.corpus.facts.get(i),
        })
    }

    /// Documents in id order.
    pub fn documents(&self) -> impl Iterator<Item = DocumentRef<'_>> {
        (0..self.corpus.documents.len()).map(move |index| DocumentRef { g: self, index })
    }

    /// The document at a position in id order.
    pub fn document(&self, index: usize) -> DocumentRef<'_> {
        DocumentRef { g: self, index }
    }

    /// Reads a document's sentence texts back from the spool.
    pub fn texts(&self, doc: &DocumentInfo) -> Result<DocTexts> {
        let bytes = self.corpus.texts.read(doc.chunk)?;
        Ok(DocTexts(
            String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ))
    }
}
