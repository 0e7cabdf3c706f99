//! One document through every extraction stage: clean, sentences, mentions, resolution, relations.

use crate::clean::clean;
use crate::dates::{parse_iso, DateReader};
use crate::lexicon::Lexicon;
use crate::mention::{find_mentions, DocFacts};
use crate::model::{Date, Statement};
use crate::read::Document;
use crate::relate::{extract_document, DocState};
use crate::resolve::{main_country, resolve_document, EntityInfo};
use crate::text::sentences;
use std::collections::BTreeMap;

/// What one document yields: its entities (by document-level key) and statements.
#[derive(Debug, Clone)]
pub struct DocExtraction {
    /// Document id.
    pub id: String,
    /// The document's date, when known.
    pub date: Option<Date>,
    /// Entities by key.
    pub entities: BTreeMap<String, EntityInfo>,
    /// Statements, in reading order.
    pub statements: Vec<Statement>,
    /// Size of the input in bytes.
    pub bytes: usize,
}

/// Runs every extraction stage on one document. `date` is the document date from the command
/// line; otherwise a date in the file name or in the first lines is used.
pub fn extract(doc: &Document, lex: &Lexicon, date: Option<Date>) -> DocExtraction {
    let text = clean(&doc.text, &lex.ontology.language.boilerplate);
    let sents = sentences(&text, &lex.words.abbreviations);
    let reader = DateReader::new(lex);
    let head: Vec<_> = sents
        .iter()
        .take(3)
        .flat_map(|s| s.tokens.iter().cloned())
        .collect();
    let doc_date = date
        .or_else(|| parse_iso(&doc.id))
        .or_else(|| reader.document_date(&head));
    let facts = DocFacts::collect(&text, &sents, lex);
    let mut mentions: Vec<_> = sents
        .iter()
        .map(|s| find_mentions(&text, s, lex, &facts))
        .collect();
    let entities = resolve_document(&text, &sents, &mut mentions, lex);
    let mut state = DocState::new(
        main_country(&mentions, lex).map(|c| crate::mention::country_key(lex, c)),
        doc_date,
    );
    let statements = extract_document(&doc.id, &text, &sents, &mentions, lex, &mut state);
    DocExtraction {
        id: doc.id.clone(),
        date: doc_date,
        entities,
        statements,
        bytes: doc.text.len(),
    }
}
