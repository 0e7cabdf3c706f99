//! The merged knowledge graph (petgraph): entities and counts as nodes, statements as edges,
//! each edge carrying its provenance. Every export reads from here.

use crate::corpus::{Corpus, Entity};
use crate::model::{Date, Object, Statement};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// A node: an entity, or the number of a userCount statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A resolved entity.
    Entity(Entity),
    /// An integer literal (user figures).
    Count(u64),
}

/// The knowledge graph of a corpus.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// Nodes, and edges that carry the index of their statement in `statements`.
    pub graph: DiGraph<Node, u32>,
    /// Statements, in order (document, sentence, subject, relation, object).
    pub statements: Vec<Statement>,
    /// Entity key to node.
    pub index: BTreeMap<String, NodeIndex>,
    /// Documents with their dates.
    pub documents: BTreeMap<String, Option<Date>>,
}

impl KnowledgeGraph {
    /// Builds the graph from a resolved corpus; node and edge order is deterministic.
    pub fn from_corpus(mut corpus: Corpus) -> KnowledgeGraph {
        let mut g = KnowledgeGraph {
            graph: DiGraph::with_capacity(corpus.entities.len() + 64, corpus.statements.len()),
            documents: corpus.documents,
            ..KnowledgeGraph::default()
        };
        let mut counts: BTreeMap<u64, NodeIndex> = BTreeMap::new();
        let known = |k: &str| corpus.entities.contains_key(k);
        corpus.statements.retain(|st| {
            known(&st.subject) && matches!(&st.object, Object::Count(_))
                || matches!(&st.object, Object::Entity(o) if known(o) && known(&st.subject))
        });
        for (k, e) in std::mem::take(&mut corpus.entities) {
            let ix = g.graph.add_node(Node::Entity(e));
            g.index.insert(k, ix);
        }
        for (i, st) in corpus.statements.iter().enumerate() {
            let Some(&s) = g.index.get(&st.subject) else { continue };
            let o = match &st.object {
                Object::Entity(k) => match g.index.get(k) {
                    Some(&o) => o,
                    None => continue,
                },
                Object::Count(n) => *counts.entry(*n).or_insert_with(|| g.graph.add_node(Node::Count(*n))),
            };
            g.graph.add_edge(s, o, i as u32);
        }
        g.statements = corpus.statements;
        g
    }

    /// Entities in key order.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.index.values().filter_map(|&ix| match &self.graph[ix] {
            Node::Entity(e) => Some(e),
            Node::Count(_) => None,
        })
    }

    /// The entity with a key.
    pub fn entity(&self, key: &str) -> Option<&Entity> {
        self.index.get(key).and_then(|&ix| match &self.graph[ix] {
            Node::Entity(e) => Some(e),
            Node::Count(_) => None,
        })
    }

    /// Statements in order (document, sentence, subject, relation, object).
    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter()
    }
}
