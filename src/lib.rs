//! newsgraph turns news articles into a knowledge graph: officials, apps, agencies and countries
//! become nodes; what they do to each other becomes edges, each with the document and sentence
//! it came from. The stages, in the order data flows through them:
//!
//! [`read`] → [`clean`] → [`text`] (sentences, tokens) → [`mention`] → [`resolve`] →
//! [`relate`] (statements) → [`corpus`] (cross-document resolution) → [`graph`] → [`export`].
//! [`pipeline`] runs them; the domain comes from [`ontology`] data compiled by [`lexicon`].

#![warn(missing_docs)]

pub mod clean;
pub mod corpus;
pub mod dates;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod lexicon;
pub mod mention;
pub mod model;
pub mod ontology;
pub mod outfile;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod read;
pub mod relate;
pub mod resolve;
pub mod spool;
pub mod store;
pub mod text;
mod words8;

pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use ontology::Ontology;
pub use pipeline::{build, BuildOptions, BuildReport};
