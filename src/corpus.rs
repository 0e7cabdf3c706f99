//! Resolution across the corpus: joins each document's entity keys into one set of entities
//! (surnames to full names, spelling variants of a name, known acronyms), picks canonical names
//! and derives stable IRIs from them.
//!
//! Documents are folded in one at a time ([`CorpusBuilder::add`]), so a build never holds more
//! than the documents in flight: statements are kept in a compact form (ids instead of names) and
//! their sentence texts go to a [`SentenceSpool`].

use crate::error::Result;
use crate::extract::DocExtraction;
use crate::lexicon::Lexicon;
use crate::model::{Class, Date, Modality, Object, Relation};
use crate::resolve::NameBlocks;
use crate::spool::{Chunk, SentenceSpool};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// A resolved entity of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical key (also the basis of its IRI).
    pub key: String,
    /// Class.
    pub class: Class,
    /// Canonical name.
    pub name: String,
    /// Every surface form seen, canonical name first.
    pub labels: Vec<String>,
    /// Number of documents that mention it.
    pub documents: usize,
}

/// Index of an entity in [`Corpus::entities`]; entities are in key order, so ids compare as keys do.
pub type EntityId = u32;

/// The object of a fact: an entity or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactObject {
    /// An entity.
    Entity(EntityId),
    /// An integer (user figures).
    Count(u64),
}

/// A statement of the corpus in compact form: entities by id, the text in the spool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// Subject entity.
    pub subject: EntityId,
    /// Object entity or count.
    pub object: FactObject,
    /// The relation.
    pub relation: Relation,
    /// Modality.
    pub modality: Modality,
    /// Date of the event, where the text gives one.
    pub date: Option<Date>,
    /// For userCount: the country the users are in.
    pub country: Option<EntityId>,
    /// For holdsPositionIn: the role as written (index into [`Corpus::roles`]).
    pub role: Option<u32>,
    /// The document (index into [`Corpus::documents`]).
    pub doc: u32,
    /// Zero-based index of the sentence in the document.
    pub sentence: u32,
    /// Character offset of the sentence start in the cleaned document.
    pub start: u32,
    /// Character offset one past the sentence end.
    pub end: u32,
    /// Byte offset of the sentence text in its document's chunk of the spool.
    pub text_offset: u32,
    /// Byte length of the sentence text.
    pub text_len: u32,
}

/// A source document of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The document id (file stem).
    pub id: String,
    /// The document's date, when known.
    pub date: Option<Date>,
    /// Its sentence texts in the spool.
    pub chunk: Chunk,
    /// Its statements in the corpus's [`FactStore`].
    pub facts: FactRange,
}

/// Where a document's facts lie in a [`FactStore`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FactRange {
    /// Id of the first fact.
    pub start: u32,
    /// Number of facts.
    pub len: u32,
}

/// Bits of a fact id that give its place in a chunk (the rest number the chunk).
const OFFSET_BITS: u32 = 20;
/// Facts per chunk, unless one document needs more.
const CHUNK_FACTS: usize = 1 << 16;

/// The corpus's facts in chunks that are never moved once allocated (growing copies nothing, and
/// memory stays close to what the facts take). A document's facts lie in one chunk, so each is
/// one slice; a fact's id is its chunk and its place in it.
#[derive(Debug, Default)]
pub struct FactStore {
    chunks: Vec<Vec<Fact>>,
}

impl FactStore {
    /// Stores one document's facts together and returns where they are. A document with more
    /// than a million statements keeps only the first million.
    fn push_document(&mut self, facts: &[Fact]) -> FactRange {
        let facts = &facts[..facts.len().min(1 << OFFSET_BITS)];
        let fits = self.chunks.last().is_some_and(|c| c.capacity() - c.len() >= facts.len());
        if !fits {
            self.chunks.push(Vec::with_capacity(CHUNK_FACTS.max(facts.len())));
        }
        let c = self.chunks.len() - 1;
        let chunk = &mut self.chunks[c];
        let start = ((c as u32) << OFFSET_BITS) | chunk.len() as u32;
        chunk.extend_from_slice(facts);
        FactRange {
            start,
            len: facts.len() as u32,
        }
    }

    fn split(id: u32) -> (usize, usize) {
        ((id >> OFFSET_BITS) as usize, (id & ((1 << OFFSET_BITS) - 1)) as usize)
    }

    /// The fact with an id.
    pub fn get(&self, id: u32) -> &Fact {
        let (c, o) = Self::split(id);
        &self.chunks[c][o]
    }

    /// A document's facts.
    pub fn slice(&self, r: FactRange) -> &[Fact] {
        let (c, o) = Self::split(r.start);
        &self.chunks[c][o..o + r.len as usize]
    }

    fn slice_mut(&mut self, r: FactRange) -> &mut [Fact] {
        let (c, o) = Self::split(r.start);
        &mut self.chunks[c][o..o + r.len as usize]
    }
}

/// The corpus after resolution: entities, documents and statements, all in a deterministic order.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Entities in key order; an [`EntityId`] indexes this.
    pub entities: Vec<Entity>,
    /// Statements; each document's sorted by sentence, subject, relation, object.
    pub facts: FactStore,
    /// Documents in id order, each with its statements.
    pub documents: Vec<DocumentInfo>,
    /// Roles of holdsPositionIn statements, as written.
    pub roles: Vec<String>,
    /// The sentence texts, by document chunk.
    pub texts: SentenceSpool,
}

fn person_words(key: &str) -> Vec<&str> {
    key.split_once(':').map(|(_, n)| n.split(' ').collect()).unwrap_or_default()
}

/// A name word as written and folded for comparing spellings (see [`Lexicon::same_name`]), with
/// the blocks it is filed under (see [`crate::resolve::name_word_blocks`]).
struct NameWord<'k> {
    written: &'k str,
    folded: String,
    blocks: Vec<u64>,
}

impl<'k> NameWord<'k> {
    fn new(written: &'k str, lex: &Lexicon) -> NameWord<'k> {
        let folded = lex.fold_name(written);
        let mut blocks = Vec::new();
        crate::resolve::name_word_blocks(&folded, &mut blocks);
        NameWord { written, folded, blocks }
    }

    /// [`Lexicon::same_name`] on words folded once.
    fn same_name(&self, other: &NameWord) -> bool {
        self.written == other.written || crate::resolve::same_name_word(&self.folded, &other.folded)
    }
}

/// A person key's words, its first and last folded once: the corpus compares them pair by pair.
struct PersonName<'k> {
    words: Vec<&'k str>,
    first: NameWord<'k>,
    last: NameWord<'k>,
}

impl<'k> PersonName<'k> {
    fn new(key: &'k str, lex: &Lexicon) -> PersonName<'k> {
        let words = person_words(key);
        let first = NameWord::new(words.first().copied().unwrap_or(""), lex);
        let last = NameWord::new(words.last().copied().unwrap_or(""), lex);
        PersonName { words, first, last }
    }

    /// A name of two words or more, not a surname alone.
    fn is_full(&self) -> bool {
        self.words.len() >= 2
    }

    /// Whether two names can be one person's: last words one name, and first words too unless
    /// one is a surname alone (or one name holds the other's first word: "Ali Khamenei" and
    /// "Sayyid Ali Khamenei").
    fn fits(&self, other: &PersonName) -> bool {
        let (wa, wb) = (&self.words, &other.words);
        self.last.same_name(&other.last)
            && (wa.len() == 1
                || wb.len() == 1
                || self.first.same_name(&other.first)
                || wa.len() != wb.len() && (wa.contains(&wb[0]) || wb.contains(&wa[0])))
    }
}

/// Persons filed by the blocks of their last word: only persons sharing a block can have last
/// words that are one name, so only they are compared. Comparing every person with every other
/// took minutes for ten thousand names, and would take hours for an archive's.
fn file_by_last_word(names: &[PersonName]) -> NameBlocks {
    let mut blocks = NameBlocks::default();
    for (i, p) in names.iter().enumerate() {
        blocks.insert(i as u32, &p.last.blocks);
    }
    blocks
}

/// The root of a person in the union of spellings (`parent[i] == i` at a root).
fn find(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// Interns strings to dense ids.
#[derive(Debug, Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    list: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        self.ids.insert(s.to_string(), i);
        self.list.push(s.to_string());
        i
    }
}

/// What the corpus knows of one document-level key so far.
#[derive(Debug, Default, Clone)]
struct KeyInfo {
    /// Listed in some document's entity table (keys seen only in statements do not resolve).
    listed: bool,
    count: usize,
    class: Option<Class>,
    names: Vec<String>,
}

/// A fact before resolution: subject, object and country are document-level key ids.
type LocalFact = Fact;

/// Strings packed end to end in one buffer: a few allocations instead of one per string.
#[derive(Debug, Default, Clone)]
struct PackedStrs {
    text: String,
    ends: Vec<u32>,
}

impl PackedStrs {
    /// Appends a string and returns its index.
    fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.ends.len() as u32 - 1
    }

    /// The index of `s` among the strings from index `from` on, appended if it is not there yet
    /// (the lists are a document's few).
    fn index_from(&mut self, from: usize, s: &str) -> u32 {
        let found = self.iter().skip(from).position(|t| t == s);
        found.map_or_else(|| self.push(s), |i| (from + i) as u32)
    }

    /// How many strings are held.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The strings with indices in `range`, in order.
    fn slice(&self, range: std::ops::Range<u32>) -> impl Iterator<Item = &str> {
        range.map(move |i| {
            let i = i as usize;
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            &self.text[start..self.ends[i] as usize]
        })
    }

    /// Every string, in order.
    fn iter(&self) -> impl Iterator<Item = &str> {
        self.slice(0..self.ends.len() as u32)
    }
}

/// What a document's entity table says of one key, its names in [`PreparedDoc::names`].
#[derive(Debug, Clone)]
struct PreparedEntity {
    class: Option<Class>,
    names: std::ops::Range<u32>,
}

/// A document's extraction in the compact form [`CorpusBuilder::add_prepared`] folds in: keys and
/// names packed, statements as facts over the document's own key numbers, sentence texts in one
/// chunk. Made on the worker thread that extracted the document, so the extraction's many small
/// allocations are freed where they were made (memory freed by another thread returns to its
/// owner cold, which cost a tenth of extraction's time) and the sequential fold is left only
/// the lookups of names.
#[derive(Debug, Clone)]
pub struct PreparedDoc {
    /// The document id.
    pub id: String,
    date: Option<Date>,
    /// The document's keys: its entity table's first, in order, then those only statements use.
    keys: PackedStrs,
    entities: Vec<PreparedEntity>,
    names: PackedStrs,
    roles: PackedStrs,
    /// Facts with subject, object and country as indices into `keys`, role into `roles`.
    facts: Vec<Fact>,
    chunk: Vec<u8>,
}

impl PreparedDoc {
    /// Packs an extraction; each cited sentence goes once into the chunk.
    pub fn new(d: &DocExtraction) -> PreparedDoc {
        let mut keys = PackedStrs::default();
        let mut names = PackedStrs::default();
        let mut entities = Vec::with_capacity(d.entities.len());
        for (k, info) in &d.entities {
            keys.push(k);
            let from = names.len() as u32;
            for n in &info.names {
                names.push(n);
            }
            entities.push(PreparedEntity {
                class: info.class,
                names: from..names.len() as u32,
            });
        }
        let entity_index: FxHashMap<&str, u32> = d.entities.iter().enumerate().map(|(i, (k, _))| (k.as_str(), i as u32)).collect();
        let mut roles = PackedStrs::default();
        let mut chunk: Vec<u8> = Vec::new();
        let mut placed: Vec<(usize, u32, u32)> = Vec::new();
        let mut facts = Vec::with_capacity(d.statements.len());
        for st in &d.statements {
            let pv = &st.provenance;
            let (text_offset, text_len) = match placed.iter().find(|p| p.0 == pv.sentence) {
                Some(&(_, o, l)) => (o, l),
                None => {
                    let o = chunk.len() as u32;
                    chunk.extend_from_slice(pv.text.as_bytes());
                    let l = pv.text.len() as u32;
                    placed.push((pv.sentence, o, l));
                    (o, l)
                }
            };
            // Keys outside the entity table are rare.
            let mut key = |k: &str| match entity_index.get(k) {
                Some(&i) => i,
                None => keys.index_from(d.entities.len(), k),
            };
            let subject = key(&st.subject);
            let object = match &st.object {
                Object::Entity(k) => FactObject::Entity(key(k)),
                Object::Count(n) => FactObject::Count(*n),
            };
            let country = st.country.as_deref().map(key);
            let role = st.role.as_deref().map(|r| roles.index_from(0, r));
            facts.push(Fact {
                subject,
                object,
                relation: st.relation,
                modality: st.modality,
                date: st.date,
                country,
                role,
                doc: 0,
                sentence: pv.sentence as u32,
                start: pv.start as u32,
                end: pv.end as u32,
                text_offset,
                text_len,
            });
        }
        PreparedDoc {
            id: d.id.clone(),
            date: d.date,
            keys,
            entities,
            names,
            roles,
            facts,
            chunk,
        }
    }
}

/// Folds document extractions into a corpus one at a time, then resolves it.
pub struct CorpusBuilder<'l> {
    lex: &'l Lexicon,
    known_names: &'l BTreeMap<String, String>,
    keys: Interner,
    info: Vec<KeyInfo>,
    roles: Interner,
    documents: Vec<DocumentInfo>,
    doc_keys: Vec<Box<[u32]>>,
    facts: FactStore,
    doc_facts: Vec<LocalFact>,
    texts: SentenceSpool,
}

impl<'l> CorpusBuilder<'l> {
    /// A builder that keeps sentence texts in `texts`.
    pub fn new(lex: &'l Lexicon, known_names: &'l BTreeMap<String, String>, texts: SentenceSpool) -> CorpusBuilder<'l> {
        CorpusBuilder {
            lex,
            known_names,
            keys: Interner::default(),
            info: Vec::new(),
            roles: Interner::default(),
            documents: Vec::new(),
            doc_keys: Vec::new(),
            facts: FactStore::default(),
            doc_facts: Vec::new(),
            texts,
        }
    }

    /// Documents folded in so far.
    pub fn documents(&self) -> usize {
        self.documents.len()
    }

    /// Folds one document in: its entity keys, its statements (compact) and their sentences.
    pub fn add(&mut self, d: DocExtraction) -> Result<()> {
        self.add_prepared(PreparedDoc::new(&d))
    }

    /// Folds in a document prepared (on the thread that extracted it) by [`PreparedDoc::new`]:
    /// only the names are looked up here, in the order [`CorpusBuilder::add`] would.
    pub fn add_prepared(&mut self, d: PreparedDoc) -> Result<()> {
        let mut key_ids = Vec::with_capacity(d.keys.len());
        for (i, k) in d.keys.iter().enumerate() {
            let id = self.keys.id(k);
            key_ids.push(id);
            let Some(info) = d.entities.get(i) else {
                continue;
            };
            if id as usize == self.info.len() {
                self.info.push(KeyInfo::default());
            }
            let e = &mut self.info[id as usize];
            e.listed = true;
            e.count += info.names.len().max(1);
            if let Some(c) = info.class {
                if e.class.is_none() || c == Class::Official {
                    e.class = Some(c);
                }
            }
            for n in d.names.slice(info.names.clone()) {
                if !e.names.iter().any(|known| known == n) {
                    e.names.push(n.to_string());
                }
            }
        }
        self.info.resize(self.keys.list.len(), KeyInfo::default());
        let role_ids: Vec<u32> = d.roles.iter().map(|r| self.roles.id(r)).collect();
        let doc = self.documents.len() as u32;
        let global = |local: u32| key_ids[local as usize];
        self.doc_facts.extend(d.facts.iter().map(|f| Fact {
            subject: global(f.subject),
            object: match f.object {
                FactObject::Entity(k) => FactObject::Entity(global(k)),
                count => count,
            },
            country: f.country.map(global),
            role: f.role.map(|r| role_ids[r as usize]),
            doc,
            ..*f
        }));
        let chunk = self.texts.append(&d.chunk)?;
        let facts = self.facts.push_document(&self.doc_facts);
        self.doc_facts.clear();
        self.documents.push(DocumentInfo {
            id: d.id,
            date: d.date,
            chunk,
            facts,
        });
        key_ids.truncate(d.entities.len());
        self.doc_keys.push(key_ids.into_boxed_slice());
        Ok(())
    }

    /// Resolves entities across the documents and sorts everything into the corpus.
    pub fn finish(mut self) -> Result<Corpus> {
        self.texts.seal()?;
        let lex = self.lex;
        let keys = &self.keys.list;
        let info = &self.info;
        let id_of = |k: &str| self.keys.ids.get(k).map(|&i| i as usize);
        // Persons: spelling variants of one full name join; surnames join the one full name they fit.
        let count = |k: &String| id_of(k).map(|i| info[i].count).unwrap_or(0);
        let mut persons: Vec<String> = keys
            .iter()
            .zip(info)
            .filter(|(k, i)| i.listed && k.starts_with("person:"))
            .map(|(k, _)| k.clone())
            .collect();
        persons.sort();
        let names: Vec<PersonName> = persons.iter().map(|p| PersonName::new(p, lex)).collect();
        let blocks = file_by_last_word(&names);
        let mut parent: Vec<usize> = (0..persons.len()).collect();
        let join = |parent: &mut Vec<usize>, i: usize, j: usize| {
            let (ra, rb) = (find(parent, i), find(parent, j));
            if ra == rb {
                return;
            }
            // A full name is the root; then the better-attested (then shorter key).
            let better = |x: &String, y: &String| {
                (count(x), std::cmp::Reverse(x.len()), std::cmp::Reverse(x)) > (count(y), std::cmp::Reverse(y.len()), std::cmp::Reverse(y))
            };
            let (wx, wy) = (names[ra].is_full(), names[rb].is_full());
            let (root, child) = if wx && !wy || (wx == wy && better(&persons[ra], &persons[rb])) {
                (ra, rb)
            } else {
                (rb, ra)
            };
            parent[child] = root;
        };
        let fitting: Vec<(usize, usize)> = blocks.pairs().into_iter().filter(|&(i, j)| names[i].fits(&names[j])).collect();
        // Spellings of one full name join, and so do spellings of one surname written alone.
        for &(i, j) in &fitting {
            if names[i].is_full() == names[j].is_full() {
                join(&mut parent, i, j);
            }
        }
        // A surname alone joins the full name it fits when it fits one person only: "Rezaei"
        // beside "Ali Rezaei" and "Hassan Rezaei" is neither, and does not make them one.
        let mut fits: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &(i, j) in &fitting {
            if names[i].is_full() != names[j].is_full() {
                let (alone, full) = if names[i].is_full() { (j, i) } else { (i, j) };
                fits.entry(find(&parent, alone)).or_default().insert(find(&parent, full));
            }
        }
        for (alone, full) in fits {
            if let (1, Some(&f)) = (full.len(), full.first()) {
                join(&mut parent, alone, f);
            }
        }
        // The canonical key of every document-level key (None: an ambiguous surname).
        let mut canonical: Vec<Option<String>> = Vec::with_capacity(keys.len());
        for (k, i) in keys.iter().zip(info) {
            let target = if !i.listed {
                None
            } else if let Some(w) = k.strip_prefix("surname:") {
                let word = NameWord::new(w, lex);
                let roots: BTreeSet<usize> = blocks
                    .sharing(&word.blocks)
                    .into_iter()
                    .filter(|&i| names[i].last.same_name(&word))
                    .map(|i| find(&parent, i))
                    .collect();
                match roots.first() {
                    Some(&r) if roots.len() == 1 => Some(persons[r].clone()),
                    _ => None,
                }
            } else if k.starts_with("person:") {
                // Every listed person key is among `persons`.
                Some(
                    persons
                        .binary_search(k)
                        .map_or_else(|_| k.clone(), |x| persons[find(&parent, x)].clone()),
                )
            } else {
                // Pattern apps and organisations named like a known entity are that entity.
                match k.split_once(':') {
                    Some(("app", n)) | Some(("org", n)) => Some(self.known_names.get(n).cloned().unwrap_or_else(|| k.clone())),
                    _ => Some(k.clone()),
                }
            };
            canonical.push(target);
        }
        // Build entities.
        let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
        for (i, target) in canonical.iter().enumerate() {
            let Some(t) = target else { continue };
            let c = info[i]
                .class
                .or_else(|| id_of(t).and_then(|j| info[j].class))
                .unwrap_or(Class::Person);
            let e = entities.entry(t.clone()).or_insert_with(|| Entity {
                key: t.clone(),
                class: c,
                name: String::new(),
                labels: Vec::new(),
                documents: 0,
            });
            if c == Class::Official && e.class == Class::Person {
                e.class = c;
            }
            for n in &info[i].names {
                if !e.labels.contains(n) {
                    e.labels.push(n.clone());
                }
            }
        }
        let ids: BTreeMap<&str, EntityId> = entities.keys().enumerate().map(|(i, k)| (k.as_str(), i as EntityId)).collect();
        let resolved: Vec<Option<EntityId>> = canonical.iter().map(|t| t.as_deref().and_then(|t| ids.get(t).copied())).collect();
        drop(ids);
        let mut entities: Vec<Entity> = entities.into_values().collect();
        // Documents per entity, each document counted once however many of its keys join the entity.
        for ks in &self.doc_keys {
            let targets: BTreeSet<EntityId> = ks.iter().filter_map(|&k| resolved[k as usize]).collect();
            for t in targets {
                entities[t as usize].documents += 1;
            }
        }
        for e in &mut entities {
            e.labels.sort();
            e.name = canonical_name(&e.key, &e.labels);
            if let Some(pos) = e.labels.iter().position(|l| *l == e.name) {
                e.labels.remove(pos);
            }
            e.labels.insert(0, e.name.clone());
        }
        // Documents in id order.
        let mut order: Vec<u32> = (0..self.documents.len() as u32).collect();
        order.sort_by(|&a, &b| self.documents[a as usize].id.cmp(&self.documents[b as usize].id));
        let mut rank = vec![0u32; order.len()];
        for (r, &d) in order.iter().enumerate() {
            rank[d as usize] = r as u32;
        }
        // Each document's statements, in place: rewritten to entity ids (dropping those with an
        // entity that did not resolve), sorted, and each (sentence, subject, relation, object) once.
        // Ties in the sort are identical facts, so the order is deterministic without a stable sort.
        let mut facts = std::mem::take(&mut self.facts);
        for d in &mut self.documents {
            let slice = facts.slice_mut(d.facts);
            let mut kept = 0;
            for i in 0..slice.len() {
                let mut f = slice[i];
                let Some(s) = resolved[f.subject as usize] else { continue };
                f.subject = s;
                if let FactObject::Entity(o) = f.object {
                    match resolved[o as usize] {
                        Some(o) if o != s => f.object = FactObject::Entity(o),
                        _ => continue,
                    }
                }
                f.country = f.country.and_then(|c| resolved[c as usize]);
                f.doc = rank[f.doc as usize];
                slice[kept] = f;
                kept += 1;
            }
            let slice = &mut slice[..kept];
            slice.sort_unstable_by_key(|f| {
                (
                    f.sentence, f.subject, f.relation, f.object, f.modality, f.date, f.country, f.role, f.start,
                )
            });
            let mut unique = 0;
            for i in 0..slice.len() {
                let same = unique > 0 && {
                    let (a, b) = (&slice[unique - 1], &slice[i]);
                    a.sentence == b.sentence && a.subject == b.subject && a.relation == b.relation && a.object == b.object
                };
                if !same {
                    slice[unique] = slice[i];
                    unique += 1;
                }
            }
            d.facts.len = unique as u32;
        }
        let mut slots: Vec<Option<DocumentInfo>> = self.documents.into_iter().map(Some).collect();
        let documents: Vec<DocumentInfo> = order.iter().filter_map(|&d| slots[d as usize].take()).collect();
        // Entities only in dropped statements still stand: they were named in the text.
        Ok(Corpus {
            entities,
            facts,
            documents,
            roles: self.roles.list,
            texts: self.texts,
        })
    }
}

/// Merges document extractions into one corpus, with sentence texts in memory.
pub fn merge(docs: Vec<DocExtraction>, known_names: &BTreeMap<String, String>, lex: &Lexicon) -> Result<Corpus> {
    let mut b = CorpusBuilder::new(lex, known_names, SentenceSpool::memory());
    for d in docs {
        b.add(d)?;
    }
    b.finish()
}

/// The canonical name of an entity: the lexicon's name, else the fullest label.
fn canonical_name(key: &str, labels: &[String]) -> String {
    if let Some((kind, name)) = key.split_once(':') {
        if kind == "known" || kind == "country" {
            return name.to_string();
        }
    }
    // A name: its first letter in upper case, or a capital right after it ("eSafety").
    let starts_upper = |l: &str| {
        let mut c = l.chars();
        c.next().is_some_and(|c| !c.is_lowercase()) || c.next().is_some_and(char::is_uppercase)
    };
    // An app also written as its company ("Kanzu Holdings") keeps the name it is keyed by.
    let app_name = key.strip_prefix("app:");
    let best = labels
        .iter()
        .max_by_key(|l| {
            (
                app_name.is_some_and(|a| crate::resolve::key_text(l) == a),
                // A name, not a phrase: "Kenya's Communications Authority" yields to "Communications Authority".
                !l.contains("'s") && !l.contains("\u{2019}s"),
                starts_upper(l),
                l.split_whitespace().count().min(4),
                std::cmp::Reverse(l.len()),
                std::cmp::Reverse((*l).clone()),
            )
        })
        .cloned()
        .unwrap_or_else(|| key.rsplit(':').next().unwrap_or(key).to_string());
    // A name in camel case ("toDus", "eBay") is kept as written.
    if starts_upper(&best) || best.chars().skip(1).any(char::is_uppercase) {
        return best;
    }
    // "foreign ministry" read in lower case is displayed as a name: "Foreign Ministry".
    best.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if !matches!(w, "of" | "the" | "and" | "for" | "on") => f.to_uppercase().chain(c).collect(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Statement;
    use crate::resolve::EntityInfo;

    fn statement(doc: &str, sentence: usize, text: &str, subject: &str, relation: Relation, object: Object) -> Statement {
        Statement {
            subject: subject.into(),
            relation,
            object,
            modality: Modality::Asserted,
            date: None,
            country: None,
            role: None,
            provenance: crate::model::Provenance {
                doc: doc.into(),
                sentence,
                start: 0,
                end: text.chars().count(),
                text: text.into(),
            },
        }
    }

    fn entity(key: &str, class: Class, names: &[&str]) -> (String, EntityInfo) {
        let names = names.iter().map(|n| n.to_string()).collect();
        (key.into(), EntityInfo { class: Some(class), names })
    }

    #[test]
    fn a_prepared_document_keeps_its_keys_roles_and_sentences() {
        let lex = Lexicon::new(crate::Ontology::builtin().expect("built-in ontology"));
        let first = DocExtraction {
            id: "a".into(),
            date: None,
            entities: vec![
                entity("country:russia", Class::Country, &["Russia"]),
                entity("known:telegram", Class::App, &["Telegram"]),
            ],
            statements: vec![statement(
                "a",
                0,
                "Russia blocked Telegram.",
                "country:russia",
                Relation::Bans,
                Object::Entity("known:telegram".into()),
            )],
            bytes: 24,
        };
        // The second names Russia only as the country of a user figure: a key outside its own
        // entity table, which must still reach the entity the first document listed.
        let (s1, s2) = ("Telegram has 40 users in Russia.", "Pavel Durov is the chief of Telegram.");
        let mut users = statement("b", 1, s1, "known:telegram", Relation::UserCount, Object::Count(40));
        users.country = Some("country:russia".into());
        let mut post = statement(
            "b",
            2,
            s2,
            "person:pavel durov",
            Relation::HoldsPositionIn,
            Object::Entity("known:telegram".into()),
        );
        post.role = Some("chief".into());
        let mut again = post.clone();
        again.relation = Relation::Founded;
        again.role = None;
        let second = DocExtraction {
            id: "b".into(),
            date: None,
            entities: vec![
                entity("known:telegram", Class::App, &["Telegram", "the messenger"]),
                entity("person:pavel durov", Class::Person, &["Pavel Durov"]),
            ],
            statements: vec![users, post, again],
            bytes: 70,
        };
        let corpus = merge(vec![first, second], &BTreeMap::new(), &lex).expect("merged");
        let key = |id: EntityId| corpus.entities[id as usize].key.as_str();
        let b = &corpus.documents[1];
        assert_eq!(b.id, "b");
        let facts = corpus.facts.slice(b.facts);
        let read: Vec<(&str, Relation, Option<&str>, Option<&str>)> = facts
            .iter()
            .map(|f| {
                let object = match f.object {
                    FactObject::Entity(o) => Some(key(o)),
                    FactObject::Count(_) => None,
                };
                (key(f.subject), f.relation, object, f.country.map(key))
            })
            .collect();
        // A document's facts are sorted by sentence, subject, relation and object.
        assert_eq!(
            read,
            vec![
                ("known:telegram", Relation::UserCount, None, Some("country:russia")),
                ("person:pavel durov", Relation::Founded, Some("known:telegram"), None),
                ("person:pavel durov", Relation::HoldsPositionIn, Some("known:telegram"), None),
            ]
        );
        let roles: Vec<Option<&str>> = facts.iter().map(|f| f.role.map(|r| corpus.roles[r as usize].as_str())).collect();
        assert_eq!(roles, [None, None, Some("chief")]);
        // Each cited sentence is in the document's chunk once, and each fact points at its own.
        let chunk = corpus.texts.read(b.chunk).expect("chunk");
        assert_eq!(String::from_utf8(chunk.clone()).expect("utf-8"), format!("{s1}{s2}"));
        let text = |f: &Fact| &chunk[f.text_offset as usize..(f.text_offset + f.text_len) as usize];
        assert_eq!(text(&facts[0]), s1.as_bytes());
        assert_eq!(text(&facts[2]), s2.as_bytes());
        let telegram = corpus.entities.iter().find(|e| e.key == "known:telegram").expect("telegram");
        // Names of both documents, each once, after the canonical name.
        assert_eq!(telegram.labels[1..], ["Telegram", "the messenger"]);
        assert_eq!(telegram.documents, 2);
    }

    #[test]
    fn persons_are_compared_with_the_few_that_share_a_block_not_with_all() {
        let lex = Lexicon::new(crate::Ontology::builtin().expect("built-in ontology"));
        // Ten thousand distinct two-word names from a fixed generator (no two alike by design).
        let mut state = 0x9e37_79b9_u32;
        let mut word = |len: usize| -> String {
            (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    char::from(b'a' + (state % 26) as u8)
                })
                .collect()
        };
        let mut keys: Vec<String> = (0..10_000)
            .map(|i| format!("person:{} {}", word(4 + i % 4), word(6 + i % 5)))
            .collect();
        // And one name written three ways, which must still be compared.
        keys.extend(["person:ali khamenei", "person:ali khameni", "person:khamenei"].map(String::from));
        keys.sort();
        let names: Vec<PersonName> = keys.iter().map(|k| PersonName::new(k, &lex)).collect();
        let pairs = file_by_last_word(&names).pairs();
        let at = |k: &str| keys.binary_search(&k.to_string()).expect("a key of the list");
        for (a, b) in [
            ("ali khameni", "ali khamenei"),
            ("ali khamenei", "khamenei"),
            ("ali khameni", "khamenei"),
        ] {
            let (i, j) = (at(&format!("person:{a}")), at(&format!("person:{b}")));
            assert!(pairs.contains(&(i.min(j), i.max(j))), "{a} / {b}");
        }
        // All pairs would be fifty million; a block holds the few names one or two letters apart.
        assert!(pairs.len() < 2 * keys.len(), "{} pairs for {} persons", pairs.len(), keys.len());
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "pairs in loop order, once each");
    }
}
