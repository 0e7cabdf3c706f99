//! Graphviz DOT export: colour and shape by class, one edge per (subject, relation, object,
//! asserted-or-not) labelled with the relation and the number of sources; dashed edges for
//! statements that are planned, hypothetical or negated.

use crate::graph::{KnowledgeGraph, Node};
use crate::model::Class;
use petgraph::visit::EdgeRef;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Escapes a string for a double-quoted DOT ID.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn style(class: Class) -> (&'static str, &'static str) {
    match class {
        Class::Country => ("doubleoctagon", "#f4a261"),
        Class::Official => ("ellipse", "#8ecae6"),
        Class::Person => ("ellipse", "#cde7f0"),
        Class::Agency => ("box", "#e9c46a"),
        Class::App => ("component", "#90be6d"),
        Class::Organization => ("house", "#d8bfd8"),
    }
}

/// Writes the graph in DOT.
pub fn write<W: Write>(g: &KnowledgeGraph, mut w: W) -> io::Result<W> {
    writeln!(w, "digraph newsgraph {{")?;
    writeln!(w, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
    writeln!(w, "  node [style=filled, fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(w, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for ix in g.graph.node_indices() {
        match &g.graph[ix] {
            Node::Entity(e) => {
                let (shape, color) = style(e.class);
                writeln!(
                    w,
                    "  n{} [label=\"{}\\n({})\", shape={}, fillcolor=\"{}\", tooltip=\"{}\"];",
                    ix.index(),
                    escape(&e.name),
                    e.class,
                    shape,
                    color,
                    escape(&e.labels.join("; "))
                )?;
            }
            Node::Count(n) => writeln!(w, "  n{} [label=\"{}\", shape=note, fillcolor=\"#ffffff\"];", ix.index(), n)?,
        }
    }
    let mut edges: BTreeMap<(usize, usize, &str, bool), usize> = BTreeMap::new();
    for e in g.graph.edge_references() {
        let w = e.weight();
        *edges
            .entry((e.source().index(), e.target().index(), w.relation.name(), w.asserted))
            .or_default() += w.statements.len();
    }
    for ((s, o, rel, asserted), n) in edges {
        let label = if n > 1 { format!("{rel} ({n})") } else { rel.to_string() };
        let style = if asserted { "solid" } else { "dashed" };
        writeln!(w, "  n{s} -> n{o} [label=\"{}\", style={style}];", escape(&label))?;
    }
    writeln!(w, "}}")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_newlines() {
        assert_eq!(escape("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c d");
    }
}
