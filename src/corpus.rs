//! Resolution across the corpus: joins each document's entity keys into one set of entities
//! (surnames to full names, spelling variants of a name, known acronyms), picks canonical names
//! and derives stable IRIs from them.

use crate::extract::DocExtraction;
use crate::lexicon::Lexicon;
use crate::model::{Class, Object, Statement};
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

/// The corpus after resolution: entities by key and statements with canonical keys.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Entities by canonical key.
    pub entities: BTreeMap<String, Entity>,
    /// Statements, sorted by document, sentence, subject, relation, object.
    pub statements: Vec<Statement>,
    /// Documents with their dates.
    pub documents: BTreeMap<String, Option<crate::model::Date>>,
}

fn person_words(key: &str) -> Vec<&str> {
    key.split_once(':').map(|(_, n)| n.split(' ').collect()).unwrap_or_default()
}

fn find(parent: &mut BTreeMap<String, String>, k: &str) -> String {
    let mut cur = k.to_string();
    while let Some(p) = parent.get(&cur) {
        if *p == cur {
            break;
        }
        cur = p.clone();
    }
    cur
}

/// Merges document extractions into one corpus.
pub fn merge(docs: Vec<DocExtraction>, known_names: &BTreeMap<String, String>, lex: &Lexicon) -> Corpus {
    // Counts, classes and names per document-level key.
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    let mut class: BTreeMap<String, Class> = BTreeMap::new();
    let mut names: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in &docs {
        for (k, info) in &d.entities {
            *count.entry(k.clone()).or_default() += info.names.len().max(1);
            if let Some(c) = info.class {
                let e = class.entry(k.clone()).or_insert(c);
                if c == Class::Official {
                    *e = c;
                }
            }
            let ns = names.entry(k.clone()).or_default();
            for n in &info.names {
                if !ns.contains(n) {
                    ns.push(n.clone());
                }
            }
        }
    }
    // Persons: spelling variants of one full name join; surnames join the one full name they fit.
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    let persons: Vec<String> = count.keys().filter(|k| k.starts_with("person:")).cloned().collect();
    for (i, a) in persons.iter().enumerate() {
        for b in &persons[i + 1..] {
            let (wa, wb) = (person_words(a), person_words(b));
            let last_ok = lex.same_name(wa[wa.len() - 1], wb[wb.len() - 1]);
            let first_ok = wa.len() == 1
                || wb.len() == 1
                || lex.same_name(wa[0], wb[0])
                || wa.len() != wb.len() && (wa.contains(&wb[0]) || wb.contains(&wa[0]));
            if last_ok && first_ok {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    // The better-attested (then shorter key) is the root.
                    let better = |x: &String, y: &String| {
                        (count[x], std::cmp::Reverse(x.len()), std::cmp::Reverse(x.clone()))
                            > (count[y], std::cmp::Reverse(y.len()), std::cmp::Reverse(y.clone()))
                    };
                    let wx = person_words(&ra).len() >= 2;
                    let wy = person_words(&rb).len() >= 2;
                    let (root, child) = if wx && !wy || (wx == wy && better(&ra, &rb)) {
                        (ra, rb)
                    } else {
                        (rb, ra)
                    };
                    parent.insert(child, root);
                }
            }
        }
    }
    let surnames: Vec<String> = count.keys().filter(|k| k.starts_with("surname:")).cloned().collect();
    let mut canonical: BTreeMap<String, Option<String>> = BTreeMap::new();
    for s in &surnames {
        let w = &s["surname:".len()..];
        let roots: BTreeSet<String> = persons
            .iter()
            .filter(|p| person_words(p).last().is_some_and(|l| lex.same_name(l, w)))
            .map(|p| find(&mut parent, p))
            .collect();
        let target = if roots.len() == 1 { roots.into_iter().next() } else { None };
        canonical.insert(s.clone(), target);
    }
    for p in &persons {
        let root = find(&mut parent, p);
        canonical.insert(p.clone(), Some(root));
    }
    // Pattern apps and organisations named like a known entity are that entity.
    for k in count.keys() {
        if canonical.contains_key(k) {
            continue;
        }
        let target = match k.split_once(':') {
            Some(("app", n)) | Some(("org", n)) => known_names.get(n).cloned().unwrap_or_else(|| k.clone()),
            _ => k.clone(),
        };
        canonical.insert(k.clone(), Some(target));
    }
    // Build entities.
    let mut entities: BTreeMap<String, Entity> = BTreeMap::new();
    for (k, target) in &canonical {
        let Some(t) = target else { continue };
        let c = class.get(k).copied().or_else(|| class.get(t).copied()).unwrap_or(Class::Person);
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
        for n in names.get(k).into_iter().flatten() {
            if !e.labels.contains(n) {
                e.labels.push(n.clone());
            }
        }
    }
    // Documents per entity, each document counted once however many of its keys join the entity.
    for d in &docs {
        let targets: BTreeSet<&String> = d
            .entities
            .iter()
            .filter_map(|(k, _)| canonical.get(k).and_then(|t| t.as_ref()))
            .collect();
        for t in targets {
            if let Some(e) = entities.get_mut(t) {
                e.documents += 1;
            }
        }
    }
    for e in entities.values_mut() {
        e.labels.sort();
        e.name = canonical_name(&e.key, &e.labels);
        if let Some(pos) = e.labels.iter().position(|l| *l == e.name) {
            e.labels.remove(pos);
        }
        e.labels.insert(0, e.name.clone());
    }
    // Rewrite statements to canonical keys; drop those with an entity that did not resolve.
    let map = |k: &str| canonical.get(k).cloned().flatten().filter(|t| entities.contains_key(t));
    let mut statements = Vec::with_capacity(docs.iter().map(|d| d.statements.len()).sum());
    let mut documents = BTreeMap::new();
    for d in docs {
        documents.insert(d.id.clone(), d.date);
        for mut st in d.statements {
            let Some(s) = map(&st.subject) else { continue };
            st.subject = s;
            if let Object::Entity(o) = &st.object {
                let Some(o) = map(o) else { continue };
                if o == st.subject {
                    continue;
                }
                st.object = Object::Entity(o);
            }
            st.country = st.country.as_deref().and_then(map);
            statements.push(st);
        }
    }
    statements.sort_by(|a, b| {
        (
            &a.provenance.doc,
            a.provenance.sentence,
            &a.subject,
            a.relation,
            &a.object,
            a.modality,
        )
            .cmp(&(
                &b.provenance.doc,
                b.provenance.sentence,
                &b.subject,
                b.relation,
                &b.object,
                b.modality,
            ))
    });
    statements.dedup_by(|a, b| {
        a.provenance.doc == b.provenance.doc
            && a.provenance.sentence == b.provenance.sentence
            && a.subject == b.subject
            && a.relation == b.relation
            && a.object == b.object
    });
    // Entities only in dropped statements still stand: they were named in the text.
    Corpus {
        entities,
        statements,
        documents,
    }
}

/// The canonical name of an entity: the lexicon's name, else the fullest label.
fn canonical_name(key: &str, labels: &[String]) -> String {
    if let Some((kind, name)) = key.split_once(':') {
        if kind == "known" || kind == "country" {
            return name.to_string();
        }
    }
    let starts_upper = |l: &str| l.chars().next().is_some_and(|c| !c.is_lowercase());
    let best = labels
        .iter()
        .max_by_key(|l| {
            (
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
    if starts_upper(&best) {
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
