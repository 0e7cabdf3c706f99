//! One document through every extraction stage: clean, sentences, mentions, resolution, relations.

use crate::clean::clean;
use crate::dates::{parse_iso, DateReader};
use crate::lexicon::Lexicon;
use crate::mention::{find_mentions, DocFacts};
use crate::model::{Date, Statement};
use crate::read::Document;
use crate::relate::{extract_document, DocState};
use crate::resolve::{main_country, resolve_document, EntityInfo};
use crate::text::{join_syllable_names, sentences, Sentence};

/// What one document yields: its entities (by document-level key) and statements.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DocExtraction {
    /// Document id.
    pub id: String,
    /// The document's date, when known.
    pub date: Option<Date>,
    /// Entities by key.
    /// (A sorted vector: far smaller than a map for a document's dozen entities.)
    pub entities: Vec<(String, EntityInfo)>,
    /// Statements, in reading order.
    pub statements: Vec<Statement>,
    /// Size of the input in bytes.
    pub bytes: usize,
}

/// The first stages: the cleaned text and its sentences, their tokens joined where the lexicon
/// says ("Kang Do-hyun") and given their vocabulary ids.
fn sentences_of(doc: &Document, lex: &Lexicon) -> (String, Vec<Sentence>) {
    let text = clean(&doc.text, &lex.ontology.language.boilerplate);
    let mut sents = sentences(&text, &lex.words.abbreviations.words);
    for s in &mut sents {
        join_syllable_names(&text, &mut s.tokens, &lex.ontology.language.origin_words);
        lex.assign_words(&mut s.tokens);
    }
    (text, sents)
}

/// Runs every extraction stage on one document. `date` is the document date from the command
/// line; otherwise a date in the file name or in the first lines is used.
pub fn extract(doc: &Document, lex: &Lexicon, date: Option<Date>) -> DocExtraction {
    let (text, sents) = sentences_of(doc, lex);
    let reader = DateReader::new(lex);
    let doc_date = date.or_else(|| parse_iso(&doc.id)).or_else(|| {
        let head: Vec<_> = sents.iter().take(3).flat_map(|s| s.tokens.iter().cloned()).collect();
        reader.document_date(&head)
    });
    let facts = DocFacts::collect(&text, &sents, lex);
    let mut mentions: Vec<_> = sents.iter().map(|s| find_mentions(&text, s, lex, &facts)).collect();
    let entities: Vec<(String, EntityInfo)> = resolve_document(&text, &sents, &mut mentions, lex);
    let mut state = DocState::new(main_country(&mentions, lex).map(|c| crate::mention::country_key(lex, c)), doc_date);
    let mut statements = extract_document(&doc.id, &text, &sents, &mentions, lex, &mut state);
    statements.shrink_to_fit();
    let entities = with_unwritten_countries(entities, &statements);
    DocExtraction {
        id: doc.id.clone(),
        date: doc_date,
        entities,
        statements,
        bytes: doc.text.len(),
    }
}

/// Adds the countries statements name that the document never writes ("President Vladimir
/// Putin" holds office in Russia, from the leaders table), so every statement's object is an
/// entity of the document's table. The table stays sorted by key.
fn with_unwritten_countries(mut entities: Vec<(String, EntityInfo)>, statements: &[Statement]) -> Vec<(String, EntityInfo)> {
    let mut missing: Vec<&str> = statements
        .iter()
        .filter_map(|st| match &st.object {
            crate::model::Object::Entity(k) if k.starts_with("country:") => Some(&**k),
            _ => None,
        })
        .filter(|k| entities.binary_search_by(|(e, _)| e.as_str().cmp(k)).is_err())
        .collect();
    if missing.is_empty() {
        return entities;
    }
    missing.sort_unstable();
    missing.dedup();
    for k in missing {
        let name = k.trim_start_matches("country:").to_string();
        entities.push((
            k.to_string(),
            EntityInfo {
                class: Some(crate::model::Class::Country),
                names: vec![name],
            },
        ));
    }
    entities.sort_by(|a, b| a.0.cmp(&b.0));
    entities
}

/// A readable trace of a document through the stages: each sentence with its mentions (class,
/// kind, key) and the statements read from it. For `newsgraph explain` and for debugging patterns.
pub fn explain(doc: &Document, lex: &Lexicon, date: Option<Date>) -> String {
    use std::fmt::Write;
    let (text, sents) = sentences_of(doc, lex);
    let facts = DocFacts::collect(&text, &sents, lex);
    let mut mentions: Vec<_> = sents.iter().map(|s| find_mentions(&text, s, lex, &facts)).collect();
    let _ = resolve_document(&text, &sents, &mut mentions, lex);
    let ex = extract(doc, lex, date);
    let mut out = String::new();
    for (s, ms) in sents.iter().zip(&mentions) {
        let _ = writeln!(out, "[{}] {}", s.index, &text[s.start..s.end]);
        for m in ms {
            let _ = writeln!(
                out,
                "    {:?} {} {:?} -> {}",
                m.kind,
                m.class,
                &text[s.tokens[m.start].start..s.tokens[m.end - 1].end],
                m.key.as_deref().unwrap_or("?")
            );
        }
        for st in ex.statements.iter().filter(|st| st.provenance.sentence == s.index) {
            let _ = writeln!(
                out,
                "    => {} {} {:?} [{}]{}",
                st.subject,
                st.relation,
                st.object,
                st.modality,
                st.date.map(|d| format!(" {d}")).unwrap_or_default()
            );
        }
    }
    out
}
