//! Entity resolution within a document: gives every mention an entity key.
//!
//! Names get keys from their canonical form (titles stripped, ministries normalised, state bodies
//! scoped by country); surnames and spelling variants join the full name seen in the document;
//! pronouns, definite descriptions and titles without names take the entity they refer back to;
//! unnamed state actors take their country. Keys still open at the end of a document (a lone
//! surname, say) are settled across the corpus by `corpus`.

use crate::lexicon::Lexicon;
use crate::mention::{country_key, Mention, MentionKind};
use crate::model::{Class, Key};
use crate::text::{fold, Sentence};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// What a document says about one entity: class and the names it was written under.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct EntityInfo {
    /// The class (Official wins over Person).
    pub class: Option<Class>,
    /// Surface forms, in order of appearance.
    pub names: Vec<String>,
}

/// Edit distance between two short strings (for transliteration variants), in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    capped_distance(a, b, usize::MAX)
}

/// The edit distance between two strings, in characters, when it is at most `bound`; some
/// distance over `bound` otherwise (the rows stop once every cell of one is over it).
fn capped_distance(a: &str, b: &str, bound: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        return levenshtein(a.as_bytes(), b.as_bytes(), bound);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    levenshtein(&a, &b, bound)
}

/// Edit distance between two sequences, capped as in [`capped_distance`]. The common prefix and
/// suffix are set aside first (they change no edit distance; spellings of one name differ in a
/// letter or two); the two rows live on the stack for names of usual length.
fn levenshtein<T: PartialEq>(a: &[T], b: &[T], bound: usize) -> usize {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[head..], &b[head..]);
    let tail = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    const STACK: usize = 48;
    let (mut stack_prev, mut stack_cur) = ([0usize; STACK], [0usize; STACK]);
    let (mut heap_prev, mut heap_cur);
    let (mut prev, mut cur): (&mut [usize], &mut [usize]) = if b.len() < STACK {
        (&mut stack_prev[..=b.len()], &mut stack_cur[..=b.len()])
    } else {
        heap_prev = vec![0; b.len() + 1];
        heap_cur = vec![0; b.len() + 1];
        (&mut heap_prev, &mut heap_cur)
    };
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut least = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            least = least.min(cur[j]);
        }
        if least > bound {
            // The distance is at least every row's least cell.
            return least;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Name words shorter than this (in characters) match only when equal.
const FUZZY_FROM: usize = 5;

/// The edit distance two name words of `n` characters or more (the shorter one) may differ by.
fn name_slack(n: usize) -> usize {
    if n >= 8 {
        2
    } else {
        1
    }
}

/// Whether two name words are spellings of one name ("Rouhani"/"Rowhani", "Khamenei"/"Hamenei").
pub fn same_name_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let n = la.min(lb);
    // The distance is at least the difference in length: most pairs are settled without it.
    let most = name_slack(n);
    if n < FUZZY_FROM || la.abs_diff(lb) > most {
        return false;
    }
    capped_distance(a, b, most) <= most
}

/// The blocks a name word is filed under, so that any two words [`same_name_word`] accepts share
/// one: the word itself and, where it compares by edit distance, every form of it with as many
/// characters deleted as the distance allows (two words within distance k have a common form
/// with at most k characters deleted from each). Blocks are hashes: a collision only adds a pair
/// to check. This lets the corpus compare each name with the few that share a block, not with
/// every other name. Sorted, without repeats, onto `out` (cleared first).
pub fn name_word_blocks(word: &str, out: &mut Vec<u64>) {
    use std::hash::Hasher;
    out.clear();
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    // The form without the characters at `skip` (positions past the end skip nothing).
    let form = |skip: [usize; 2]| {
        let mut h = rustc_hash::FxHasher::default();
        for (i, &c) in chars.iter().enumerate() {
            if !skip.contains(&i) {
                h.write_u32(u32::from(c));
            }
        }
        h.write_usize(n - skip.iter().filter(|&&s| s < n).count());
        h.finish()
    };
    out.push(form([n, n]));
    if n >= FUZZY_FROM {
        for i in 0..n {
            out.push(form([i, n]));
            if name_slack(n) >= 2 {
                for j in i + 1..n {
                    out.push(form([i, j]));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Names filed by the blocks of one word of each (see [`name_word_blocks`]): a word is compared
/// only with the names sharing a block with it, not with all of them.
#[derive(Debug, Default)]
pub struct NameBlocks {
    /// Block to the names filed under it, by id, ascending.
    by_block: HashMap<u64, Vec<u32>>,
}

impl NameBlocks {
    /// Files name `id` under `blocks`; ids come in ascending order.
    pub fn insert(&mut self, id: u32, blocks: &[u64]) {
        for &b in blocks {
            self.by_block.entry(b).or_default().push(id);
        }
    }

    /// The names sharing a block with `blocks`, ascending.
    pub fn sharing(&self, blocks: &[u64]) -> Vec<usize> {
        let mut out: Vec<usize> = blocks
            .iter()
            .filter_map(|b| self.by_block.get(b))
            .flatten()
            .map(|&i| i as usize)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every pair of names (i < j) sharing a block, in the order of a loop over all pairs.
    pub fn pairs(&self) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for list in self.by_block.values() {
            for (x, &i) in list.iter().enumerate() {
                pairs.extend(list[x + 1..].iter().map(|&j| (i as usize, j as usize)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }
}

/// Persons named in a document, in order of appearance: key and name words, filed by last word
/// once there are more than a few.
#[derive(Default)]
struct DocPersons {
    /// Key, name words, and the last word folded by the transliteration table.
    list: Vec<(Key, Vec<String>, std::rc::Rc<str>)>,
    blocks: Option<NameBlocks>,
}

/// Up to this many persons, a document's are searched one by one (filing costs more than it saves).
const SCAN_PERSONS: usize = 16;

impl DocPersons {
    fn push(&mut self, key: Key, words: Vec<String>, lex: &Lexicon) {
        let folded = lex.folded_name(words.last().map_or("", String::as_str));
        self.list.push((key, words, folded));
        if self.list.len() <= SCAN_PERSONS {
            return;
        }
        let from = if self.blocks.is_some() { self.list.len() - 1 } else { 0 };
        let filed = self.blocks.get_or_insert_with(NameBlocks::default);
        let mut blocks = Vec::new();
        for (i, (_, _, folded)) in self.list.iter().enumerate().skip(from) {
            name_word_blocks(folded, &mut blocks);
            filed.insert(i as u32, &blocks);
        }
    }

    /// The key of the first person whose last word is a spelling of `word` and whose words
    /// `also` accepts.
    fn find(&self, word: &str, lex: &Lexicon, also: impl Fn(&[String]) -> bool) -> Option<&Key> {
        // `Lexicon::same_name` against each person, with `word` folded once.
        let folded = lex.folded_name(word);
        let fits = |(_, w, last): &&(Key, Vec<String>, std::rc::Rc<str>)| {
            w.last().is_some_and(|l| l == word || same_name_word(last, &folded)) && also(w)
        };
        let found = match &self.blocks {
            None => self.list.iter().find(fits),
            Some(filed) => {
                let mut blocks = Vec::new();
                name_word_blocks(&folded, &mut blocks);
                filed.sharing(&blocks).into_iter().map(|i| &self.list[i]).find(fits)
            }
        };
        found.map(|(k, _, _)| k)
    }

    /// The one person whose name holds `word` before its last word: "Lula" of "Luiz Inacio Lula
    /// da Silva", "Cheng" of "Cheng Wei" (family name first). None when two persons hold it, or
    /// when the document names too many persons to scan.
    fn find_inner(&self, word: &str) -> Option<&Key> {
        if word.len() < 3 || self.list.len() > 4 * SCAN_PERSONS {
            return None;
        }
        let mut found = None;
        for (k, words, _) in &self.list {
            if words.len() >= 2 && words[..words.len() - 1].iter().any(|w| w == word) {
                match found {
                    Some(f) if f != k => return None,
                    _ => found = Some(k),
                }
            }
        }
        found
    }
}

/// A person described as heading a state body is an official: "Alexander Khinshtein, who chairs
/// the State Duma's committee on information policy" (a relative pronoun, a verb of
/// holdsPositionIn, then a state actor within four tokens).
fn officials_by_office(sentences: &[Sentence], mentions: &mut [Vec<Mention>], lex: &Lexicon) {
    for (s, sm) in sentences.iter().zip(mentions.iter_mut()) {
        let toks = &s.tokens;
        let heads = |k: usize| {
            toks.get(k)
                .is_some_and(|t| lex.verb_relations(t).any(|r| r == crate::model::Relation::HoldsPositionIn))
        };
        // The people so described (rarely any: the list mostly stays empty, with no allocation).
        let described: Vec<usize> = (0..sm.len())
            .filter(|&i| {
                let (m, e) = (&sm[i], sm[i].end);
                m.class == Class::Person
                    && m.kind == MentionKind::Named
                    && toks.get(e).is_some_and(|t| t.lower == ",")
                    && toks.get(e + 1).is_some_and(|t| lex.words.relatives.contains(t))
                    && heads(e + 2)
            })
            .collect();
        // Decided before any is changed: an official made here is no office for the next.
        let officials: Vec<usize> = described
            .into_iter()
            .filter(|&i| {
                let e = sm[i].end;
                sm.iter()
                    .any(|o| o.class.is_state() && o.kind != MentionKind::Pronoun && o.start > e + 2 && o.start <= e + 6)
            })
            .collect();
        for i in officials {
            sm[i].class = Class::Official;
        }
    }
}

/// A person the document once names with a state office is an official at every mention: "one of
/// its justices, Alexandre de Moraes" makes "Moraes ordered the suspension" an official's act.
fn officials_throughout(mentions: &mut [Vec<Mention>]) {
    let officials: Vec<Key> = mentions
        .iter()
        .flatten()
        .filter(|m| m.class == Class::Official && m.kind != MentionKind::Pronoun)
        .filter_map(|m| m.key.clone())
        .collect();
    if officials.is_empty() {
        return;
    }
    for m in mentions.iter_mut().flatten() {
        if m.class == Class::Person && m.key.as_ref().is_some_and(|k| officials.contains(k)) {
            m.class = Class::Official;
        }
    }
}

/// Folds a name for a key: lower case, letters and digits, single spaces, no "the" or "'s".
pub fn key_text(name: &str) -> String {
    if name.is_ascii() {
        ascii_key_text(name.as_bytes())
    } else {
        folded_key_text(name)
    }
}

/// The words of a person's name as keys hold them, a hyphenated word kept whole: "Sung
/// Tae-yoon" is "sung" and "tae-yoon", so "Yoon" alone is not his surname.
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split_whitespace()
        .map(|w| key_text(w).replace(' ', "-"))
        .filter(|w| !w.is_empty())
}

/// [`key_text`] for any name: folded, then split into words.
fn folded_key_text(name: &str) -> String {
    let f = fold(name);
    let mut f = f.as_str();
    while let Some(rest) = f.strip_suffix("'s") {
        f = rest;
    }
    // Words are the runs of letters, digits and dots.
    let mut words = f
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
        .peekable();
    words.next_if_eq(&"the");
    let mut out = String::with_capacity(f.len());
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`key_text`] of an ASCII name in one pass and one allocation (names are keyed at every
/// mention, and most are ASCII): the same key as folding, then splitting into words.
fn ascii_key_text(mut b: &[u8]) -> String {
    // "'s" (or "`s") at the end, as often as it is there.
    while let [rest @ .., b'\'' | b'`', b's' | b'S'] = b {
        b = rest;
    }
    let mut out = String::with_capacity(b.len());
    let mut first = true;
    for w in b.split(|&c| !(c.is_ascii_alphanumeric() || c == b'.')).filter(|w| !w.is_empty()) {
        if first && w.eq_ignore_ascii_case(b"the") {
            first = false;
            continue;
        }
        first = false;
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.iter().map(|&c| char::from(c.to_ascii_lowercase())));
    }
    out
}

/// The key of a state body: its country and its normalised name ("ministry of foreign affairs" =
/// "foreign ministry"; a leading "parliaments"/"parliament's" is dropped).
fn agency_key(name: &str, country: Option<&str>, lex: &Lexicon) -> String {
    let mut k = key_text(name);
    for (long, short) in &lex.ontology.cues.portfolio_synonyms {
        // A quick search first: most keys hold none of the long forms.
        if memchr::memmem::find(k.as_bytes(), long.as_bytes()).is_some() {
            k = k.replace(long.as_str(), short.as_str());
        }
    }
    if let Some(rest) = k.strip_prefix("ministry of ") {
        k = format!("{rest} ministry");
    }
    let words: Vec<&str> = k.split(' ').collect();
    if words.len() >= 3 {
        let first = words[0].trim_end_matches('s');
        if lex.named_body_heads.contains_word(first) {
            k = words[1..].join(" ");
        }
    }
    format!("agency:{}:{}", country.unwrap_or(""), k)
}

/// Where a person holding a title is named (sentence, token) and who it is.
type TitleHolder = ((usize, usize), Key);

/// Resolves the mentions of one document in place; returns what the document says of each entity,
/// sorted by key (each key once).
pub fn resolve_document(doc: &str, sentences: &[Sentence], mentions: &mut [Vec<Mention>], lex: &Lexicon) -> Vec<(String, EntityInfo)> {
    let main_country = main_country(mentions, lex);
    let honorific = |w: &str| lex.titles.by_stem(w).is_some_and(|i: usize| lex.ontology.titles[i].honorific);

    // Pass 1: keys of names.
    let mut persons = DocPersons::default();
    for sm in mentions.iter_mut() {
        for m in sm.iter_mut() {
            if m.key.is_some() || m.kind != MentionKind::Named {
                continue;
            }
            match m.class {
                Class::Person | Class::Official => {
                    let words: Vec<String> = name_words(&m.name).filter(|w| !honorific(w)).collect();
                    if words.is_empty() {
                        continue;
                    }
                    let last = &words[words.len() - 1];
                    let existing = persons.find(last, lex, |w| w.len() >= 2 && words.len() >= 2 && lex.same_name(&w[0], &words[0]));
                    let key = match existing {
                        Some(k) => k.clone(),
                        None => {
                            let k: Key = format!("person:{}", words.join(" ")).into();
                            persons.push(k.clone(), words, lex);
                            k
                        }
                    };
                    m.key = Some(key);
                }
                Class::Agency => {
                    let c = m.country.or(main_country).map(|c| lex.ontology.countries[c].name.as_str());
                    m.key = Some(agency_key(m.bare.as_deref().unwrap_or(&m.name), c, lex).into());
                }
                // "the Democratic Party of Korea": a name given with its country is keyed with it,
                // as a state body's is (Albania's Democratic Party is another party).
                Class::Organization => {
                    let name = key_text(m.bare.as_deref().unwrap_or(&m.name));
                    m.key = Some(match (m.bare.is_some(), m.country) {
                        (true, Some(c)) => format!("org:{}:{name}", lex.ontology.countries[c].name).into(),
                        _ => format!("org:{name}").into(),
                    });
                }
                Class::App if m.name.contains('.') => {} // a web domain: settled in pass 2
                Class::App => m.key = Some(format!("app:{}", key_text(m.bare.as_deref().unwrap_or(&m.name))).into()),
                Class::Country => {}
            }
        }
    }
    merge_company_into_app(mentions, lex);
    companies_by_list(sentences, mentions, &persons, lex);
    // The same name without its country elsewhere in the document is the same organisation.
    let with_country: Vec<(String, Key)> = mentions
        .iter()
        .flatten()
        .filter(|m| m.class == Class::Organization && m.bare.is_some() && m.country.is_some())
        .filter_map(|m| Some((format!("org:{}", key_text(m.bare.as_deref()?)), m.key.clone()?)))
        .collect();
    if !with_country.is_empty() {
        for m in mentions.iter_mut().flatten() {
            if let Some((_, k)) = with_country.iter().find(|(plain, _)| m.key.as_deref() == Some(plain.as_str())) {
                m.key = Some(k.clone());
            }
        }
    }
    // "the rocket company Musk founded": a lone word taken for a company that is the surname of a
    // person the document names is that person.
    for m in mentions.iter_mut().flatten() {
        let guessed = m.class == Class::Organization && m.end - m.start == 1 && m.key.as_deref().is_some_and(|k| k.starts_with("org:"));
        if guessed {
            if let Some(k) = persons.find(&key_text(&m.name), lex, |w| w.len() >= 2) {
                m.key = Some(k.clone());
                m.class = Class::Person;
            }
        }
    }
    // Initials of the document's names, for acronyms used without definition ("the TIC"): only
    // when the document has a capitalised single name still to resolve.
    let mut initials: HashMap<String, (Key, Class)> = HashMap::default();
    let acronym_like = |m: &Mention| m.kind == MentionKind::Surname && m.key.is_none() && m.name.chars().all(|c| !c.is_lowercase());
    let needs_initials = mentions.iter().flatten().any(acronym_like);
    for sm in mentions.iter().filter(|_| needs_initials) {
        for m in sm.iter() {
            if let (Some(k), MentionKind::Named, false) = (&m.key, m.kind, m.class.is_person()) {
                let i = crate::mention::initials(&m.name);
                if i.len() >= 2 {
                    initials.entry(i).or_insert((k.clone(), m.class));
                }
            }
        }
    }
    // Apps and companies the document has named by what they are ("Zalo, a messaging app"):
    // the same lone name elsewhere in it is the same one, though nothing there says so.
    // Longer names first: "SoftBank" alone is "SoftBank Corp" wherever the document has both.
    // Each with whether it is only the first word of a longer name.
    let mut named_things: Vec<(String, Key, Class, bool)> = Vec::new();
    let longer_first = mentions
        .iter()
        .flatten()
        .filter(|m| m.end - m.start > 1)
        .chain(mentions.iter().flatten().filter(|m| m.end - m.start == 1));
    for m in longer_first {
        // A state body by a lone name too ("Datatilsynet announced" after "Datatilsynet, Norway's
        // data protection authority").
        let lone_body = m.class == Class::Agency && m.end - m.start == 1;
        let thing = matches!(m.class, Class::App | Class::Organization) || lone_body;
        if let (Some(k), MentionKind::Named, true) = (&m.key, m.kind, thing) {
            // "Didi Chuxing" is also "Didi" alone, "LY Corp" "LY".
            let name = if m.end - m.start == 1 {
                Some(m.name.as_str())
            } else {
                m.name
                    .split(' ')
                    .next()
                    .filter(|w| w.len() > 2 || w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()))
            };
            if let Some(name) = name.filter(|n| !named_things.iter().any(|(t, _, _, _)| t.eq_ignore_ascii_case(n))) {
                named_things.push((name.to_string(), k.clone(), m.class, m.end - m.start > 1));
            }
        }
    }
    // A lone name where apps go ("quit Weibo", "banned ChatGPT") that no person of the document
    // bears is an app, there and wherever else the document writes it alone.
    for (sm, sent) in mentions.iter().zip(sentences) {
        for m in sm.iter() {
            let lone = m.kind == MentionKind::Surname && m.key.is_none() && m.end - m.start == 1 && !m.possessive && m.start > 0;
            if !lone
                || m.name.contains('.')
                || m.name.chars().all(|c| !c.is_lowercase())
                || named_things.iter().any(|(n, _, _, _)| n.eq_ignore_ascii_case(&m.name))
            {
                continue;
            }
            let w = key_text(&m.name);
            if persons.find(&w, lex, |_| true).is_none() && lex.app_object_verbs.ending_at(&sent.tokens, m.start, 3).is_some() {
                named_things.push((m.name.clone(), format!("app:{w}").into(), Class::App, false));
            }
        }
    }
    // Companies' names of three words or more, for the shorter forms that open them ("Trump Media"
    // for "Trump Media & Technology Group").
    let long_names: Vec<(String, Key)> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == MentionKind::Named && m.class == Class::Organization && m.end - m.start >= 3 && !m.possessive)
        .filter_map(|m| m.key.clone().map(|k| (m.name.clone(), k)))
        .collect();
    // Pass 2: surnames, acronyms, web domains and lone names against the document's full names.
    for (sm, sent) in mentions.iter_mut().zip(sentences) {
        // "France's Orange", "French Orange": a name given its own country.
        let country_given = |m: &Mention| {
            m.bare.is_some() && m.country.is_some()
                || m.start > 1
                    && sent.tokens[m.start - 1].lower == "'s"
                    && lex
                        .names
                        .ending_at(&sent.tokens, m.start - 1, 3)
                        .is_some_and(|(_, e)| matches!(e.target, crate::lexicon::NameTarget::Country(_)))
        };
        // "Orange Cameroun belongs to France's Orange": the first word of a company unit's name,
        // given its own country, is the parent company.
        let parent_of_unit = |m: &Mention| {
            country_given(m)
                && named_things
                    .iter()
                    .any(|(n, _, c, first_word)| *first_word && *c == Class::Organization && n.eq_ignore_ascii_case(&m.name))
        };
        // "European data protection law": a first word of a longer name that has the form of an
        // adjective of place, before a plain noun, is not that name ("the LY board" is LY's).
        let thing_named = |m: &Mention| {
            let place_adjective = ["ean", "ian", "can", "ese", "ish"].iter().any(|e| m.name.ends_with(e));
            let adjective = place_adjective
                && sent.tokens.get(m.end).is_some_and(|t| {
                    t.kind == crate::text::TokenKind::Word
                        && !t.cap
                        && t.lower != "'s"
                        && !lex.is_function_word(t)
                        && !lex.is_trigger(t)
                        && !t.lower.ends_with("ed")
                        && !lex.words.adverbs.contains(t)
                });
            let possessed = m.bare.is_some() || m.start > 0 && sent.tokens[m.start - 1].lower == "'s";
            named_things
                .iter()
                // "Orange Cameroun belongs to France's Orange": a lone first word given its own
                // country is the parent company, not the unit the longer name names.
                .find(|(n, _, _, first_word)| n.eq_ignore_ascii_case(&m.name) && !(*first_word && (adjective || possessed)))
                .map(|(_, k, c, _)| (k.clone(), *c))
        };
        for m in sm.iter_mut() {
            if m.kind == MentionKind::Named && m.class == Class::Organization && m.end - m.start == 2 {
                let opens = |n: &String| n.len() > m.name.len() && n.starts_with(m.name.as_str()) && n[m.name.len()..].starts_with(' ');
                if let Some((_, k)) = long_names.iter().find(|(n, _)| opens(n)) {
                    m.key = Some(k.clone());
                    continue;
                }
            }
            if m.class == Class::App && m.key.is_none() && m.kind == MentionKind::Named {
                // "the Khamenei.ir channel": a domain named after a person stands for that person.
                let stem = key_text(&m.name).split('.').next().unwrap_or("").to_string();
                match persons.find(&stem, lex, |_| true) {
                    Some(k) => {
                        m.key = Some(k.clone());
                        m.class = Class::Person;
                    }
                    None => m.key = Some(format!("app:{}", key_text(&m.name)).into()),
                }
                continue;
            }
            // A one-word company name the document also gives in full ("LY" and "LY Corp").
            if m.kind == MentionKind::Named && m.class == Class::Organization && m.end - m.start == 1 {
                if let Some((k, c)) = thing_named(m) {
                    m.key = Some(k);
                    m.class = c;
                }
                continue;
            }
            if m.kind != MentionKind::Surname || m.key.is_some() {
                continue;
            }
            // "Trump Media, of which Trump is the majority owner": a person the document names
            // goes before a company named after them.
            let person = || persons.find(&key_text(&m.name), lex, |_| true).is_some();
            if let Some((k, c)) = thing_named(m).filter(|_| !person()) {
                m.key = Some(k);
                m.class = c;
                m.kind = MentionKind::Named;
                continue;
            }
            if parent_of_unit(m) && !person() {
                m.key = Some(format!("org:{}", key_text(&m.name)).into());
                m.class = Class::Organization;
                m.kind = MentionKind::Named;
                continue;
            }
            if m.name.chars().all(|c| !c.is_lowercase()) {
                if let Some((k, c)) = initials.get(&m.name) {
                    m.key = Some(k.clone());
                    m.class = *c;
                }
                continue;
            }
            let w = name_words(&m.name).last().unwrap_or_default();
            if let Some(k) = persons.find(&w, lex, |_| true).or_else(|| persons.find_inner(&w)) {
                m.key = Some(k.clone());
            } else if w.contains('.') || m.start == 0 {
                // A capitalised first word matching no name of the document is as likely an
                // ordinary word ("Internet providers were ...") as a surname.
                m.key = None;
            } else {
                m.key = Some(format!("surname:{w}").into());
            }
        }
    }
    // Titles bound to persons in this document ("supreme leader" -> Khamenei), each with its
    // holders in document order: "the judge" is the last judge named before it, else the first.
    let mut bound: HashMap<String, Vec<TitleHolder>> = HashMap::default();
    for (si, sm) in mentions.iter().enumerate() {
        for m in sm.iter() {
            if let (Some(k), true) = (&m.key, m.class.is_person()) {
                for t in &m.titles {
                    if !lex.ontology.titles[t.spec].honorific {
                        bound.entry(t.text.clone()).or_default().push(((si, m.start), k.clone()));
                    }
                }
            }
        }
    }
    let holder = |holders: &Vec<TitleHolder>, at: (usize, usize)| {
        holders
            .iter()
            .rev()
            .find(|(p, _)| *p < at)
            .or(holders.first())
            .map(|(_, k)| k.clone())
    };
    // Classes of keys so far, for references.
    let mut class_of: HashMap<Key, Class> = HashMap::default();
    for sm in mentions.iter() {
        for m in sm.iter() {
            if let Some(k) = &m.key {
                // Looked up first: most keys recur, and only a new one is copied.
                match class_of.get_mut(&**k) {
                    Some(e) if m.class == Class::Official => *e = Class::Official,
                    Some(_) => {}
                    None => {
                        class_of.insert(k.clone(), m.class);
                    }
                }
            }
        }
    }
    // Pass 3: references, in reading order.
    let n = mentions.len();
    let described = described_bodies(sentences, mentions, lex);
    // "the watchdog", however far after "Russia's communications watchdog, Roskomnadzor".
    let described_as = |m: &Mention, si: usize| -> Option<Key> {
        let lower = m.name.to_lowercase();
        let head = lower.rsplit(' ').next()?;
        described
            .iter()
            .rev()
            .find(|(s, h, _)| *s <= si && h == head)
            .map(|(_, _, k)| k.clone())
    };
    // State bodies named with their country ("Ireland's Data Protection Commission"), in reading
    // order, for descriptions that give a country ("the Irish regulator").
    let mut bodies_of_country: Vec<((usize, usize), usize, Key)> = Vec::new();
    for (si, sm) in mentions.iter().enumerate() {
        for m in sm.iter().filter(|m| m.kind == MentionKind::Named && m.class == Class::Agency) {
            if let (Some(c), Some(k)) = (m.country, &m.key) {
                bodies_of_country.push(((si, m.start), c, k.clone()));
            }
        }
    }
    for si in 0..n {
        for mi in 0..mentions[si].len() {
            let m = &mentions[si][mi];
            // "The telecommunications authority, TIB," and "South Korea's antitrust regulator, the
            // Korea Fair Trade Commission,": the description is the body it names.
            let apposed = matches!(m.kind, MentionKind::Unnamed | MentionKind::Definite)
                .then(|| apposed_body(&sentences[si], &mentions[si], mi, lex))
                .flatten();
            // "The Irish regulator fined Meta": a body of that country the document names (the
            // last before, else the first after), else the country itself; never another
            // country's body.
            let demonym_before = || {
                mi.checked_sub(1)
                    .map(|p| &mentions[si][p])
                    .filter(|d| d.kind == MentionKind::Demonym && d.end == m.start)
                    .and_then(|d| d.key.as_ref())
                    .and_then(|k| lex.country_keys.iter().position(|ck| ck == k))
            };
            let body_description = apposed.is_none()
                && m.kind == MentionKind::Definite
                && m.key.is_none()
                && m.plural.is_none()
                && m.refs.iter().all(|&r| r == Class::Agency);
            if let Some(c) = body_description.then(|| m.country.or_else(demonym_before)).flatten() {
                let at = (si, m.start);
                let of_country = bodies_of_country.iter().filter(|(_, bc, _)| *bc == c);
                let body = of_country.clone().rfind(|(p, _, _)| *p < at).or_else(|| of_country.clone().next());
                let m = &mut mentions[si][mi];
                match body {
                    Some((_, _, k)) => {
                        m.key = Some(k.clone());
                        m.class = Class::Agency;
                    }
                    None => {
                        m.key = Some(country_key(lex, c));
                        m.class = Class::Country;
                    }
                }
                continue;
            }
            if m.key.is_some() {
                // A country's body ("South Korea's antitrust regulator") is the one named, in an
                // apposition or anywhere in the document ("China's cyberspace regulator" and the
                // Cyberspace Administration of China).
                let apposed = apposed.or_else(|| {
                    (m.kind == MentionKind::Unnamed)
                        .then(|| country_body_named(sentences, mentions, si, mi, lex))
                        .flatten()
                });
                if let Some(k) = apposed.filter(|_| m.kind == MentionKind::Unnamed) {
                    let m = &mut mentions[si][mi];
                    m.class = Class::Agency;
                    m.key = Some(k);
                }
                continue;
            }
            let described_body = || {
                (m.country.is_none() && (m.kind == MentionKind::Unnamed || m.refs.iter().all(|&c| c == Class::Agency)))
                    .then(|| described_as(m, si))
                    .flatten()
            };
            if let Some(count) = m.plural {
                let group = plural_antecedents(sentences, mentions, si, mi, count);
                let m = &mut mentions[si][mi];
                if let Some(first) = group.first() {
                    m.class = class_of.get(first).copied().unwrap_or(m.class);
                    m.key = Some(first.clone());
                }
                m.group = group;
                continue;
            }
            let key = match m.kind {
                _ if apposed.is_some() => apposed,
                MentionKind::Unnamed => named_body_before(mentions, si, mi, lex)
                    .or_else(described_body)
                    .or_else(|| {
                        m.country
                            .or_else(|| located_in(&sentences[si], &mentions[si], m))
                            .map(|c| country_key(lex, c))
                    })
                    .or_else(|| same_head_before(mentions, si, mi))
                    .or_else(|| main_country.map(|c| country_key(lex, c))),
                MentionKind::Role => {
                    // "The secretary of the Council says ..." is who speaks next; any other role
                    // is whoever the document names with its title.
                    let spoken = m
                        .titles
                        .first()
                        .is_some_and(|t| t.body.is_some())
                        .then(|| introduced_speaker(sentences, mentions, si, mi, lex))
                        .flatten();
                    spoken.or_else(|| {
                        let t = m.titles.first().map(|t| t.text.clone()).unwrap_or_else(|| m.name.clone());
                        let at = (si, m.start);
                        bound.get(&t).and_then(|h| holder(h, at)).or_else(|| {
                            bound
                                .iter()
                                .find(|(k, _)| k.ends_with(&t) || t.ends_with(k.as_str()))
                                .and_then(|(_, h)| holder(h, at))
                        })
                    })
                }
                MentionKind::Pronoun | MentionKind::Definite => {
                    // A pronoun a speaker reports of themselves, a description a name's head
                    // noun ends; else the antecedent.
                    let direct = if m.kind == MentionKind::Pronoun {
                        reported_subject(&sentences[si], &mentions[si], mi, lex)
                    } else {
                        named_with_head(mentions, si, mi)
                    };
                    direct.or_else(|| {
                        if m.refs == [Class::Country] {
                            // "that country": the country named last, else the one the document is about.
                            antecedent(doc, sentences, mentions, si, mi, lex).or_else(|| main_country.map(|c| country_key(lex, c)))
                        } else {
                            antecedent(doc, sentences, mentions, si, mi, lex)
                                .or_else(described_body)
                                .or_else(|| body_of_same_field(sentences, mentions, si, mi, lex))
                        }
                    })
                }
                _ => None,
            };
            let m = &mut mentions[si][mi];
            if let Some(k) = &key {
                if let Some(c) = class_of.get(k) {
                    m.class = *c;
                } else if k.starts_with("country:") {
                    m.class = Class::Country;
                }
            }
            m.key = key;
        }
    }
    also_known_as(sentences, mentions);
    join_lower_case_bodies(mentions, lex);
    officials_by_office(sentences, mentions, lex);
    officials_throughout(mentions);
    // What the document says of each entity, keyed by borrowed keys (one hash lookup a mention,
    // no copy), then sorted once.
    let mut info: HashMap<&str, EntityInfo> = HashMap::default();
    for sm in mentions.iter() {
        for m in sm.iter() {
            if let (Some(c), false) = (m.country, m.class == Class::Country) {
                if let Some(key) = lex.country_keys.get(c) {
                    let ce = info.entry(&**key).or_default();
                    ce.class = Some(Class::Country);
                    let name = &lex.ontology.countries[c].name;
                    if !ce.names.contains(name) {
                        ce.names.push(name.clone());
                    }
                }
            }
            let Some(e) = m.key.as_deref().map(|k| info.entry(k).or_default()) else {
                continue;
            };
            if (e.class.is_none() || m.class == Class::Official && e.class == Some(Class::Person))
                && (matches!(
                    m.kind,
                    MentionKind::Named | MentionKind::Surname | MentionKind::Demonym | MentionKind::Unnamed
                ) || e.class.is_none())
            {
                e.class = Some(m.class);
            }
            if m.kind == MentionKind::Role && m.titles.iter().any(|t| lex.ontology.titles[t.spec].class == Class::Official) {
                // "The secretary of the Council ... said Firouzabadi": the speaker holds a state office.
                e.class = Some(Class::Official);
            }
            // An unnamed actor resolved to a named body ("the regulator") gives it no name.
            let names_it = match m.kind {
                MentionKind::Named | MentionKind::Surname | MentionKind::Demonym => true,
                MentionKind::Unnamed => m.class == Class::Country,
                _ => false,
            };
            if names_it {
                // "Democratic Party of Korea" was not written "Democratic Party": an organisation's
                // name cut before "of <country>" is its key, not a label.
                let cut_before_country = m.class == Class::Organization && m.bare.as_ref().is_some_and(|b| m.name.starts_with(b.as_str()));
                for n in std::iter::once(&m.name).chain(m.bare.as_ref().filter(|_| !cut_before_country)) {
                    let name = n.trim().trim_end_matches("'s").trim_end_matches('\u{2019}');
                    if !name.is_empty() && !e.names.iter().any(|x| x == name) {
                        e.names.push(name.to_string());
                    }
                }
            }
        }
    }
    let mut sorted: Vec<(&str, EntityInfo)> = info.into_iter().collect();
    // Keys are unique: the unstable sort orders them as a map would.
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    sorted.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// "Didi Global" and "the DiDi app" in one document: an app and the company of its name are one
/// App (GUIDE.md), so a company whose name is an app's name, or starts with it, takes the app's key.
fn merge_company_into_app(mentions: &mut [Vec<Mention>], lex: &Lexicon) {
    let apps: Vec<(String, Key)> = mentions
        .iter()
        .flatten()
        .filter(|m| m.class == Class::App && m.kind == MentionKind::Named)
        .filter_map(|m| Some((key_text(&m.name), m.key.clone()?)))
        .collect();
    if apps.is_empty() {
        return;
    }
    for m in mentions.iter_mut().flatten() {
        if m.class != Class::Organization || m.kind != MentionKind::Named {
            continue;
        }
        let name = key_text(m.bare.as_deref().unwrap_or(&m.name));
        let first = name.split(' ').next().unwrap_or("");
        let no_company = name.rsplit(' ').next().is_some_and(|h| lex.non_company_heads.contains(h));
        if let Some((_, k)) = apps
            .iter()
            .find(|(a, _)| *a == name || *a == first && !a.contains(' ') && !no_company)
        {
            m.key = Some(k.clone());
            m.class = Class::App;
        }
    }
}

/// "Zain Sudan, MTN Sudan and Sudani": a lone unknown name listed right after a company or an
/// app, which no person of the document bears, is one of the same kind, keyed as such.
fn companies_by_list(sentences: &[Sentence], mentions: &mut [Vec<Mention>], persons: &DocPersons, lex: &Lexicon) {
    for (sm, sent) in mentions.iter_mut().zip(sentences) {
        for mi in 1..sm.len() {
            let (prev, m) = (&sm[mi - 1], &sm[mi]);
            let lone = m.kind == MentionKind::Surname && m.key.is_none() && m.end - m.start == 1 && !m.possessive;
            let thing = prev.kind == MentionKind::Named && matches!(prev.class, Class::Organization | Class::App) && prev.key.is_some();
            // Not a piece of a longer name ("Radio" of "Radio France Internationale").
            let whole = sent.tokens.get(m.end).is_none_or(|t| !t.cap);
            if !lone || !thing || !whole || m.name.chars().all(|c| !c.is_lowercase()) {
                continue;
            }
            let link = &sent.tokens[prev.end..m.start];
            let listed = match link {
                [a] => a.lower == "," || a.lower == "and",
                [a, b] => a.lower == "," && b.lower == "and",
                _ => false,
            };
            if listed && persons.find(&key_text(&m.name), lex, |_| true).is_none() {
                let class = prev.class;
                let prefix = if class == Class::App { "app" } else { "org" };
                let m = &mut sm[mi];
                m.key = Some(format!("{prefix}:{}", key_text(&m.name)).into());
                m.class = class;
                m.kind = MentionKind::Named;
            }
        }
    }
}

/// "a court in Moscow": the country named right after "in"; "In Algeria, the authorities have
/// restricted ...": the country the sentence opens in.
fn located_in(s: &Sentence, ms: &[Mention], m: &Mention) -> Option<usize> {
    let country_at = |at: usize| {
        ms.iter()
            .find(|c| c.start == at && c.class == Class::Country)
            .and_then(|c| c.country)
    };
    if s.tokens.get(m.end).is_some_and(|t| t.lower == "in") {
        return country_at(m.end + 1);
    }
    if s.tokens.first().is_none_or(|t| t.lower != "in") {
        return None;
    }
    ms.iter()
        .find(|c| {
            (1..=2).contains(&c.start)
                && c.start < m.start
                && c.class == Class::Country
                && s.tokens.get(c.end).is_some_and(|t| t.lower == ",")
        })
        .and_then(|c| c.country)
}

/// "the telecommunications regulator" after "the Nepal Telecommunications Authority": the one
/// state body named earlier in the document whose name shares a word of the description's field
/// (plurals folded: "communications" meets "Communication").
fn body_of_same_field(sentences: &[Sentence], mentions: &[Vec<Mention>], si: usize, mi: usize, lex: &Lexicon) -> Option<Key> {
    let m = &mentions[si][mi];
    if !m.refs.iter().all(|&c| c == Class::Agency) {
        return None;
    }
    let fold = |w: &str| w.trim_end_matches('s').to_lowercase();
    let toks = sentences[si].tokens.get(m.start..m.end.saturating_sub(1))?;
    let field: Vec<String> = toks
        .iter()
        .filter(|t| t.kind == crate::text::TokenKind::Word && t.lower.len() > 3 && !lex.words.generic_modifiers.contains(t))
        .map(|t| fold(&t.lower))
        .collect();
    if field.is_empty() {
        return None;
    }
    let mut found: Option<&Key> = None;
    let earlier = mentions[..si].iter().flatten().chain(&mentions[si][..mi]);
    for e in earlier.filter(|e| e.kind == MentionKind::Named && e.class == Class::Agency) {
        let Some(k) = &e.key else { continue };
        if e.name.split(' ').any(|w| in_field(&field, w)) {
            match found {
                Some(f) if f != k => return None,
                _ => found = Some(k),
            }
        }
    }
    found.cloned()
}

/// Whether a word of a body's name is one of a description's field words (folded as those
/// are: lower case, final "s" dropped), with no allocation for ASCII words.
fn in_field(field: &[String], w: &str) -> bool {
    let t = w.trim_end_matches('s');
    if t.is_ascii() {
        field.iter().any(|f| t.eq_ignore_ascii_case(f))
    } else {
        let t = t.to_lowercase();
        field.contains(&t)
    }
}

/// "China's cyberspace regulator" and "Brazil's top court": the one state body of that country the
/// document names (before or after) whose name shares a word of the description's field, or, with
/// no field word, whose name ends in the description's head ("Supreme Federal Court").
fn country_body_named(sentences: &[Sentence], mentions: &[Vec<Mention>], si: usize, mi: usize, lex: &Lexicon) -> Option<Key> {
    let m = &mentions[si][mi];
    let toks = sentences[si].tokens.get(m.start..m.end)?;
    let (head, before) = toks.split_last()?;
    // "China's internet regulator", and "a Moscow court" when the document names the court.
    if m.country.is_none() || !lex.body_nouns.contains(head) && !lex.appositive_body_nouns.contains(head) {
        return None;
    }
    let fold = |w: &str| w.trim_end_matches('s').to_lowercase();
    let field: Vec<String> = before
        .iter()
        .filter(|t| t.kind == crate::text::TokenKind::Word && !t.cap && t.lower.len() > 3 && !lex.words.generic_modifiers.contains(t))
        .map(|t| fold(&t.lower))
        .collect();
    let fits = |e: &Mention| {
        let mut words = e.name.split(' ');
        if field.is_empty() {
            words.next_back().is_some_and(|w| w.eq_ignore_ascii_case(&head.lower))
        } else {
            words.any(|w| in_field(&field, w))
        }
    };
    // The bodies that fit, and failing those, the one body of the country the document names
    // at all ("China's internet regulator" and the Cyberspace Administration of China).
    let one = |fits: &dyn Fn(&Mention) -> bool| -> Result<Option<&Key>, ()> {
        let mut found: Option<&Key> = None;
        for e in mentions.iter().flatten() {
            let Some(k) = e.key.as_ref().filter(|_| e.kind == MentionKind::Named && e.class == Class::Agency) else {
                continue;
            };
            if e.country.is_some_and(|c| Some(c) != m.country) || !fits(e) {
                continue;
            }
            match found {
                Some(f) if f != k => return Err(()),
                _ => found = Some(k),
            }
        }
        Ok(found)
    };
    match one(&fits) {
        Ok(Some(k)) => Some(k.clone()),
        Ok(None) if !lex.non_regulator_heads.contains(head) => {
            let regulator = |e: &Mention| !names_no_regulator(&e.name, lex);
            one(&regulator).ok().flatten().cloned()
        }
        Ok(None) => None,
        Err(()) => None,
    }
}

/// Whether a state body's name says it is no regulator: a court, a parliament, a ministry
/// (cues.toml's non_regulator_heads), unless a word of regulation is in it too ("Federal Cartel
/// Office", cues.toml's regulating_words).
fn names_no_regulator(name: &str, lex: &Lexicon) -> bool {
    let words = || name.split(' ').map(str::to_lowercase);
    words().any(|w| lex.non_regulator_heads.contains_word(&w)) && !words().any(|w| lex.regulating_words.contains_word(&w))
}

/// "The Ministry of Communication and Information Technology, known as Kominfo,": the name after
/// "known as" (or "also known as", "dubbed") is another name of the one before it.
fn also_known_as(sentences: &[Sentence], mentions: &mut [Vec<Mention>]) {
    // The alias, the name's key and class: the alias is the name wherever it recurs.
    let mut renamed: Vec<(String, Key, Class)> = Vec::new();
    for (s, ms) in sentences.iter().zip(mentions.iter_mut()) {
        let lower = |i: usize| s.tokens.get(i).map(|t| t.lower.as_str()).unwrap_or("");
        for mi in 1..ms.len() {
            let mut a = ms[mi].start;
            if a > 0 && lower(a - 1) == "the" {
                a -= 1;
            }
            let marker = if a >= 2 && lower(a - 2) == "known" && lower(a - 1) == "as" {
                a - 2
            } else if a >= 1 && lower(a - 1) == "dubbed" {
                a - 1
            } else {
                continue;
            };
            let mut p = marker;
            if p > 0 && lower(p - 1) == "also" {
                p -= 1;
            }
            if p == 0 || lower(p - 1) != "," {
                continue;
            }
            let named = &ms[mi - 1];
            if named.end + 1 != p || ms[mi].kind == MentionKind::Pronoun {
                continue;
            }
            // "The regulator, known as the Garante,": the description is the body it names.
            if matches!(named.kind, MentionKind::Definite | MentionKind::Unnamed) && ms[mi].kind == MentionKind::Named {
                let (key, class) = (ms[mi].key.clone(), ms[mi].class);
                if key.is_some() {
                    let d = &mut ms[mi - 1];
                    d.key = key;
                    d.class = class;
                }
                continue;
            }
            if named.kind != MentionKind::Named || named.key.is_none() {
                continue;
            }
            let (Some(key), class) = (named.key.clone(), named.class) else {
                continue;
            };
            let m = &mut ms[mi];
            m.key = Some(key.clone());
            renamed.push((m.name.clone(), key, class));
            m.class = class;
            m.kind = MentionKind::Named;
        }
    }
    if renamed.is_empty() {
        return;
    }
    for m in mentions.iter_mut().flatten() {
        let by_name = matches!(m.kind, MentionKind::Named | MentionKind::Surname);
        if let Some((_, key, class)) = renamed.iter().find(|(name, _, _)| by_name && *name == m.name) {
            m.kind = MentionKind::Named;
            m.key = Some(key.clone());
            m.class = *class;
        }
    }
}

/// Whether the last word of a name starts with a letter of this case ("communications ministry",
/// "Nepal Telecommunications Authority").
fn last_word_is(name: &str, case: fn(char) -> bool) -> bool {
    name.rsplit(' ').next().and_then(|w| w.chars().next()).is_some_and(case)
}

/// "blocked by the communications ministry" and later "the Ministry of Communication and
/// Information Technology": a state body written in lower case is the one body of the document
/// named with capitals that has its country, its head word and a word of its field (plurals folded).
fn join_lower_case_bodies(mentions: &mut [Vec<Mention>], lex: &Lexicon) {
    let folded = |words: &str| {
        words
            .split(' ')
            .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
            .collect()
    };
    // Keys read "agency:<country>:<words>"; a known body's country is in the lexicon ("Indonesia's
    // communications ministry" is Kominfo, the Ministry of Communication and Information Technology).
    let parts = |k: &str| -> Option<(String, Vec<String>)> {
        if let Some(name) = k.strip_prefix("known:") {
            let e = lex.ontology.entities.iter().find(|e| e.name == name && e.class == Class::Agency)?;
            return Some((e.country.clone()?, folded(name)));
        }
        let rest = k.strip_prefix("agency:")?;
        let (country, words) = rest.split_once(':')?;
        Some((country.to_string(), folded(words)))
    };
    let lower_case = |m: &Mention| {
        m.key.is_some() && m.kind == MentionKind::Named && m.class == Class::Agency && last_word_is(&m.name, char::is_lowercase)
    };
    // Most documents have no body in lower case: nothing to build then.
    if !mentions.iter().flatten().any(lower_case) {
        return;
    }
    let capitalised: Vec<(Key, String, Vec<String>)> = {
        let mut v: Vec<(Key, String, Vec<String>)> = Vec::new();
        for m in mentions.iter().flatten() {
            let Some(k) = &m.key else { continue };
            if m.kind != MentionKind::Named || m.class != Class::Agency || !last_word_is(&m.name, char::is_uppercase) {
                continue;
            }
            if v.iter().any(|(x, _, _)| x == k) {
                continue;
            }
            if let Some((c, w)) = parts(k) {
                v.push((k.clone(), c, w));
            }
        }
        v
    };
    if capitalised.is_empty() {
        return;
    }
    for m in mentions.iter_mut().flatten().filter(|m| lower_case(m)) {
        let Some(k) = &m.key else { continue };
        let Some((country, words)) = parts(k) else { continue };
        let Some((head, field)) = words.split_last() else { continue };
        let mut found: Option<&Key> = None;
        for (ck, cc, cw) in &capitalised {
            // The head last ("Communications Ministry") or first ("Ministry of Communication").
            let same_head = cw.last() == Some(head) || cw.first() == Some(head) && cw.get(1).is_some_and(|w| w == "of");
            if ck == k || cc != &country || !same_head || !field.iter().any(|f| f.len() > 3 && cw.contains(f)) {
                continue;
            }
            if found.is_some_and(|f| f != ck) {
                found = None;
                break;
            }
            found = Some(ck);
        }
        if let Some(f) = found {
            m.key = Some(f.clone());
        }
    }
}

/// The named state body in apposition right after a description of one: "the telecommunications
/// authority, TIB," and "South Korea's antitrust regulator, the Korea Fair Trade Commission,".
fn apposed_body(s: &Sentence, ms: &[Mention], mi: usize, lex: &Lexicon) -> Option<Key> {
    let m = &ms[mi];
    let toks = &s.tokens;
    // "Datatilsynet, Norway's data protection authority,": the body named before the comma.
    let closes = toks.get(m.end).is_none_or(|t| matches!(t.lower.as_str(), "," | "." | ")" | ";"));
    if closes && m.start >= 2 && toks[m.start - 1].lower == "," && mi > 0 {
        let named = &ms[mi - 1];
        if named.end + 1 == m.start && named.kind == MentionKind::Named && named.class == Class::Agency {
            return named.key.clone();
        }
    }
    if toks.get(m.end).is_none_or(|t| t.lower != ",") || !lex.appositive_body_nouns.contains(&toks[m.end - 1]) {
        return None;
    }
    let at = if toks.get(m.end + 1).is_some_and(|t| t.lower == "the") {
        m.end + 2
    } else {
        m.end + 1
    };
    ms.get(mi + 1)
        .filter(|n| n.start == at && n.kind == MentionKind::Named && n.class == Class::Agency)
        .and_then(|n| n.key.clone())
}

/// State bodies introduced by what they are, with the sentence and the describing noun:
/// "Russia's communications watchdog, Roskomnadzor," and "Vestri, the Polish regulator,".
fn described_bodies(sentences: &[Sentence], mentions: &[Vec<Mention>], lex: &Lexicon) -> Vec<(usize, String, Key)> {
    let mut out = Vec::new();
    for (si, (sm, s)) in mentions.iter().zip(sentences).enumerate() {
        let toks = &s.tokens;
        for m in sm.iter().filter(|m| m.kind == MentionKind::Named && m.class == Class::Agency) {
            let Some(k) = &m.key else { continue };
            let lower = |i: usize| toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
            let mut c = if m.start > 0 && lower(m.start - 1) == "the" {
                m.start - 1
            } else {
                m.start
            };
            // "The regulator, known as the Garante,".
            if c >= 2 && lower(c - 1) == "as" && lower(c - 2) == "known" {
                c -= 2;
            }
            let before = (c >= 2 && lower(c - 1) == ",")
                .then(|| c - 2)
                .filter(|&h| lex.appositive_body_nouns.contains(&toks[h]));
            let after = (lower(m.end) == ",")
                .then(|| {
                    (m.end + 1..(m.end + 7).min(toks.len()))
                        .take_while(|&h| lower(h) != ",")
                        .find(|&h| lex.appositive_body_nouns.contains(&toks[h]))
                })
                .flatten();
            if let Some(h) = before.or(after) {
                out.push((si, toks[h].lower.to_string(), k.clone()));
            }
        }
    }
    out
}

/// "the court" after "Brazil's Supreme Federal Court": the named state body of the same head word
/// in the last few sentences, for a "the ..." with no country word of its own; "the regulator"
/// after "the Cyberspace Administration of China" when that is the only body named there.
fn named_body_before(mentions: &[Vec<Mention>], si: usize, mi: usize, lex: &Lexicon) -> Option<Key> {
    let m = &mentions[si][mi];
    let lower = m.name.to_lowercase();
    if m.country.is_some() || !lower.starts_with("the ") {
        return None;
    }
    let head = lower.rsplit(' ').next()?;
    let earlier = mentions[si.saturating_sub(5)..si]
        .iter()
        .rev()
        .flat_map(|sm| sm.iter().rev())
        .chain(mentions[si][..mi].iter().rev());
    let mut bodies: Vec<&Key> = Vec::new();
    for e in earlier {
        let Some(k) = e.key.as_ref().filter(|_| e.kind == MentionKind::Named && e.class == Class::Agency) else {
            continue;
        };
        if e.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(head)) {
            return Some(k.clone());
        }
        // "the regulator" is no court named before it ("Roskomnadzor ... the Tverskoy District
        // Court ... The regulator blocked Instagram").
        let other_kind = !lex.non_regulator_heads.contains_word(head) && names_no_regulator(&e.name, lex);
        if !other_kind && !bodies.contains(&k) {
            bodies.push(k);
        }
    }
    match bodies.as_slice() {
        [only] if lex.body_nouns.contains_word(head) => Some((*only).clone()),
        _ => None,
    }
}

/// "The church" after "the Ethiopian Orthodox Tewahedo Church", "the party" after "the Labour
/// Party": a description of a body (not of an app or company) whose head noun ends a name the
/// document gave before, the latest such name.
fn named_with_head(mentions: &[Vec<Mention>], si: usize, mi: usize) -> Option<Key> {
    let m = &mentions[si][mi];
    if m.plural.is_some() || m.refs.contains(&Class::App) || m.refs.iter().any(|c| c.is_person()) {
        return None;
    }
    let head = m.name.rsplit(' ').next()?.to_lowercase();
    // The name's last word is the head, capitalised ("Church"; not "communications ministry",
    // a body named in lower case).
    let ends_with_head = |n: &str| {
        n.rsplit_once(' ')
            .is_some_and(|(_, last)| last.starts_with(|c: char| c.is_uppercase()) && last.to_lowercase() == head)
    };
    mentions[..si]
        .iter()
        .flatten()
        .chain(&mentions[si][..mi])
        .rev()
        .find(|e| e.kind == MentionKind::Named && e.key.is_some() && m.refs.contains(&e.class) && ends_with_head(&e.name))
        .and_then(|e| e.key.clone())
}

/// "the court" after "the Russian court": the key of the last unnamed actor with the same head word.
fn same_head_before(mentions: &[Vec<Mention>], si: usize, mi: usize) -> Option<Key> {
    let head = mentions[si][mi].name.rsplit(' ').next()?.to_lowercase();
    let earlier = mentions[..si]
        .iter()
        .rev()
        .take(5)
        .flat_map(|sm| sm.iter().rev())
        .chain(mentions[si][..mi].iter().rev());
    for m in earlier {
        if m.kind == MentionKind::Unnamed && m.key.is_some() && m.name.to_lowercase().ends_with(&head) && m.country.is_some() {
            return m.key.clone();
        }
    }
    None
}

/// "The secretary of the Council says ... ," said Abolhasan Firouzabadi": a role that speaks
/// before the name is given is the untitled person who speaks in the same or the next sentence.
fn introduced_speaker(sentences: &[Sentence], mentions: &[Vec<Mention>], si: usize, mi: usize, lex: &Lexicon) -> Option<Key> {
    let toks = &sentences[si].tokens;
    let m = &mentions[si][mi];
    // The role must be a speaker: a reporting verb right after "ROLE of BODY".
    let body_end = mentions[si]
        .iter()
        .find(|b| Some(b.start) == m.titles.first().and_then(|t| t.body))
        .map(|b| b.end)?;
    if !toks.get(body_end).is_some_and(|t| lex.words.reporting.contains(t)) {
        return None;
    }
    let speaker = |s: usize, c: &Mention| {
        let st = &sentences[s].tokens;
        c.class.is_person()
            && c.kind == MentionKind::Named
            && c.titles.is_empty()
            && c.key.is_some()
            && (c.start > 0 && lex.words.reporting.contains(&st[c.start - 1])
                || st.get(c.end).is_some_and(|t| lex.words.reporting.contains(t)))
    };
    (si..(si + 2).min(sentences.len())).find_map(|s| {
        mentions[s]
            .iter()
            .filter(|c| s > si || c.start > m.start)
            .find(|c| speaker(s, c))
            .and_then(|c| c.key.clone())
    })
}

/// "TIC announced it ...", "Boroujerdi said he ...": a pronoun right after a reporting verb is
/// that verb's subject (the name before it, or before the apposition that precedes it).
fn reported_subject(s: &Sentence, ms: &[Mention], mi: usize, lex: &Lexicon) -> Option<Key> {
    let m = &ms[mi];
    let toks = &s.tokens;
    let mut v = m.start.checked_sub(1)?;
    if toks[v].lower == "that" {
        v = v.checked_sub(1)?;
        // "told a court on Wednesday that it had blocked X": the one told stands between.
        let told = (v.saturating_sub(8)..=v)
            .rev()
            .take_while(|&j| !matches!(toks[j].lower.as_str(), "," | "that" | ";" | ":"))
            .find(|&j| lex.words.reporting.contains(&toks[j]));
        v = told.unwrap_or(v);
    }
    if !lex.words.reporting.contains(&toks[v]) || m.possessive {
        return None;
    }
    // "has told", "had also said": auxiliaries and adverbs of the reporting verb's group.
    let mut k = auxiliaries_before(toks, v, lex);
    if k > 0 && toks[k - 1].lower == "," {
        // Skip the apposition back to the comma that opens it.
        let mut j = k - 1;
        while j > 0 && toks[j - 1].lower != "," && k - j < 25 {
            j -= 1;
        }
        if j == 0 {
            return None;
        }
        k = j - 1;
    }
    let subj = ms.iter().find(|c| c.end == k)?;
    let proxy = subj.kind == MentionKind::Definite && lex.proxy_nouns.contains(subj.name.as_str());
    (subj.key.is_some() && (m.refs.contains(&subj.class) || proxy))
        .then(|| subj.key.clone())
        .flatten()
}

/// The country the document is about: the one named most often (names, demonyms, capitals).
pub fn main_country(mentions: &[Vec<Mention>], lex: &Lexicon) -> Option<usize> {
    let mut counts: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut order = 0;
    for sm in mentions {
        for m in sm {
            {
                if let Some(c) = m.country {
                    order += 1;
                    let e = counts.entry(c).or_insert((0, usize::MAX - order));
                    e.0 += 1;
                }
            }
        }
    }
    let _ = lex;
    counts.into_iter().max_by_key(|(_, (n, first))| (*n, *first)).map(|(c, _)| c)
}

/// The entity a pronoun or definite description refers back to: the nearest earlier mention of
/// a class it accepts, the subject of its own sentence first for "it"; proxies ("Khamenei's
/// channel") count for "it" and "the channel".
/// Words that may stand between the names of a list ("Facebook, WhatsApp and its Messenger").
const LIST_GLUE: [&str; 10] = [",", "and", "or", "its", "their", "as", "well", "also", "the", "both"];

/// The names a plural description groups ("the platforms", "the two apps"). A list comes first:
/// names of its classes joined by commas and "and", the nearest with as many names as it says
/// (two or more when it says none), in its own sentence before it or up to three back. Else the
/// nearest names of those classes: as many as it says, or those of the nearest sentence naming
/// two or more. In reading order either way.
fn plural_antecedents(sentences: &[Sentence], mentions: &[Vec<Mention>], si: usize, mi: usize, count: u8) -> Vec<Key> {
    let m = &mentions[si][mi];
    let member =
        |c: &Mention| c.plural.is_none() && c.kind == MentionKind::Named && c.is_actor() && c.key.is_some() && m.refs.contains(&c.class);
    let want = usize::from(count).max(2);
    let window = || {
        (0..4).filter_map(move |back| si.checked_sub(back)).map(move |s| {
            let cands: &[Mention] = if s == si { &mentions[s][..mi] } else { &mentions[s] };
            // "Electronic Arts' Origin": a possessor written right before a name of the group is
            // its owner, not one of it.
            let owner = |i: usize| cands[i].possessive && cands.get(i + 1).is_some_and(|n| n.start == cands[i].end && member(n));
            let members: Vec<usize> = (0..cands.len()).filter(|&i| member(&cands[i]) && !owner(i)).collect();
            (s, cands, members)
        })
    };
    let push_new = |keys: &mut Vec<Key>, k: &Key| {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    };
    for (s, cands, members) in window() {
        let toks = &sentences[s].tokens;
        let in_possessor = |k: usize| cands.iter().any(|c| c.possessive && c.start <= k && k < c.end);
        let linked = |a: &Mention, b: &Mention| (a.end..b.start).all(|k| LIST_GLUE.contains(&toks[k].lower.as_str()) || in_possessor(k));
        // Lists from the last one back.
        let mut end = members.len();
        while end > 0 {
            let mut start = end - 1;
            while start > 0 && linked(&cands[members[start - 1]], &cands[members[start]]) {
                start -= 1;
            }
            let mut keys: Vec<Key> = Vec::new();
            for &i in &members[start..end] {
                if let Some(k) = &cands[i].key {
                    push_new(&mut keys, k);
                }
            }
            if keys.len() >= want {
                let skip = if count > 0 { keys.len() - usize::from(count) } else { 0 };
                return keys.split_off(skip);
            }
            end = start;
        }
    }
    let mut group: Vec<Key> = Vec::new();
    for (_, cands, members) in window() {
        let mut here: Vec<Key> = Vec::new();
        for k in members.iter().rev().filter_map(|&i| cands[i].key.as_ref()) {
            if !group.contains(k) {
                push_new(&mut here, k);
            }
        }
        if count > 0 {
            let wanted = usize::from(count) - group.len();
            let mut taken: Vec<Key> = here.into_iter().take(wanted).collect();
            taken.reverse();
            taken.append(&mut group);
            group = taken;
            if group.len() == usize::from(count) {
                return group;
            }
        } else if here.len() >= 2 {
            here.reverse();
            return here;
        }
    }
    Vec::new()
}

fn antecedent(doc: &str, sentences: &[Sentence], mentions: &[Vec<Mention>], si: usize, mi: usize, lex: &Lexicon) -> Option<Key> {
    let m = &mentions[si][mi];
    let wants_proxy = matches!(m.name.as_str(), "it" | "its") || lex.proxy_nouns.contains(m.name.as_str());
    let only_proxy = lex.proxy_nouns.contains(m.name.as_str());
    let _ = doc;
    // "the ministry" after "the interior ministry told the Islamabad High Court": a state body of
    // that head word first, however far back ("blocked by the same authority" five sentences on),
    // the last body of any kind only if there is none.
    if m.kind == MentionKind::Definite && m.refs.iter().all(|&c| c == Class::Agency) {
        let head = m.name.rsplit(' ').next().unwrap_or("");
        let same_head = |c: &&Mention| {
            c.class == Class::Agency
                && c.key.is_some()
                && c.kind != MentionKind::Pronoun
                && c.name.split(' ').any(|w| w.eq_ignore_ascii_case(head))
        };
        let window = (0..si).rev().flat_map(|s| mentions[s].iter().rev());
        if let Some(c) = mentions[si][..mi].iter().rev().chain(window).find(same_head) {
            return c.key.clone();
        }
    }
    // "a week after it shut off the social network": a pronoun that is a relation verb's subject
    // goes first to a name that verb takes as subject.
    // "failed to comply with its order": whose orders they are, a state actor first.
    let orders_of = m.kind == MentionKind::Pronoun
        && m.possessive
        && sentences[si].tokens.get(m.end).is_some_and(|t| lex.words.order_nouns.contains(t));
    let verb_subjects = if orders_of {
        Some(vec![Class::Country, Class::Agency, Class::Official])
    } else {
        (m.kind == MentionKind::Pronoun && !m.possessive)
            .then(|| subject_classes_of_verb_after(&sentences[si].tokens, m.end, lex))
            .flatten()
    };
    // "before the ministry blocked it": an object pronoun right after a relation verb is one of
    // the classes that verb takes as object.
    // Not after a participle that opens an adjunct (", leaving it with no seat"): that verb tells
    // a consequence, seldom its relation.
    let verb_subjects = verb_subjects.or_else(|| {
        let toks = &sentences[si].tokens;
        let adjunct = m.start >= 2 && toks[m.start - 1].lower.ends_with("ing") && toks[m.start - 2].lower == ",";
        (m.kind == MentionKind::Pronoun && !m.possessive && m.start > 0 && !adjunct)
            .then(|| classes_of_verb(&toks[m.start - 1], lex, true))
            .flatten()
    });
    let takes = |c: &Mention| verb_subjects.as_ref().is_none_or(|cs| cs.contains(&c.class));
    // "the Garante, Greece's authority and France's CNIL each fined it": the object of a verb is
    // none of that verb's subjects.
    let subject_start = (m.kind == MentionKind::Pronoun && !m.possessive)
        .then(|| subject_of_verb_before(&sentences[si].tokens, &mentions[si][..mi], m.start, lex))
        .flatten();
    // Same sentence first, then up to four sentences back.
    for back in 0..5 {
        let Some(s) = si.checked_sub(back) else { break };
        let cands: &[Mention] = if back == 0 { &mentions[s][..mi] } else { &mentions[s] };
        let stoks = &sentences[s].tokens;
        // A plural description stands for a group, not for one name a singular reference takes.
        let ok = |c: &Mention| {
            c.plural.is_none()
                && (c.key.is_some() && c.is_actor() && c.kind != MentionKind::Pronoun || c.kind == MentionKind::Pronoun && c.key.is_some())
        };
        let proxy = |c: &Mention| (c.possessive || c.name.contains('.')) && c.class.is_person() && proxy_follows(stoks, c.end, lex);
        // "in a post on X. He accused the platform": where something was said is not what a
        // description in a later sentence refers to.
        let venue = |c: &Mention| {
            back > 0
                && m.kind == MentionKind::Definite
                && c.start >= 2
                && stoks[c.start - 1].lower == "on"
                && lex.words.posting.contains(&stoks[c.start - 2])
        };
        let fits = |c: &Mention| {
            !venue(c)
                && ok(c)
                && (if only_proxy {
                    proxy(c)
                } else {
                    m.refs.contains(&c.class) || wants_proxy && proxy(c)
                })
        };
        // "The regulator blocked Tinder and Grindr, and it has asked YouTube": a pronoun opening
        // a coordinated clause goes on with the sentence's subject.
        let opens_clause = back == 0
            && m.kind == MentionKind::Pronoun
            && !m.possessive
            && m.start >= 2
            && matches!(stoks[m.start - 1].lower.as_str(), "and" | "but")
            && stoks[m.start - 2].lower == ",";
        // "Nepal restored Facebook, YouTube and other platforms it blocked": the subject of a
        // relative clause with no pronoun is not in the noun phrase the clause describes; it
        // goes back to the sentence's subject.
        let relative_subject = back == 0
            && m.kind == MentionKind::Pronoun
            && !m.possessive
            && m.start >= 1
            && lex.plain_plural(&stoks[m.start - 1])
            && stoks.get(m.end).is_some_and(|t| t.kind == crate::text::TokenKind::Word && !t.cap);
        // "Meta Platforms' messaging service WhatsApp and its Threads app": a possessive pronoun
        // after "and" goes on with the possessor of the first conjunct.
        let coordinated_possessor =
            (back == 0 && m.kind == MentionKind::Pronoun && m.possessive && m.start >= 1 && stoks[m.start - 1].lower == "and")
                .then(|| {
                    cands
                        .iter()
                        .rev()
                        .take_while(|c| m.start - c.start <= 10)
                        .filter(|c| c.possessive && c.kind == MentionKind::Named && fits(c))
                        .last()
                })
                .flatten()
                .filter(|c| (c.end..m.start).all(|k| !matches!(stoks[k].lower.as_str(), "," | ";" | ":" | "." | "(" | ")")));
        let pick = if relative_subject {
            cands
                .iter()
                .find(|c| fits(c) && !c.possessive)
                .or_else(|| cands.iter().rev().find(|c| fits(c)))
        } else if opens_clause {
            cands
                .first()
                .filter(|c| fits(c) && c.start < 2)
                .or_else(|| cands.iter().rev().find(|c| fits(c)))
        } else if let Some(c) = coordinated_possessor {
            Some(c)
        } else if back == 0 {
            let free = |c: &&Mention| fits(c) && !controls_infinitive_over(stoks, c, m) && subject_start.is_none_or(|k| c.start < k);
            cands
                .iter()
                .rev()
                .find(|c| free(c) && takes(c))
                .or_else(|| cands.iter().rev().find(free))
        } else if matches!(m.kind, MentionKind::Pronoun) {
            cands
                .iter()
                .find(|c| fits(c) && proxy(c))
                .or_else(|| cands.iter().find(|c| fits(c) && !c.possessive))
                .or_else(|| cands.iter().rev().find(|c| fits(c)))
        } else {
            // A description in an earlier sentence goes back to a name there before another
            // description ("... to block the chatbot. The company responded": the company is the
            // one named, not the chatbot).
            // A name inside a relative clause that describes another ("WhatsApp, which Facebook
            // bought in 2014, said ... . The app's co-founder") is passed over for that one.
            // Among names there, the one the document has named most often so far ("had ordered
            // the carriers to block the messaging service" after a sentence on WhatsApp and
            // Facebook: the app the article is about).
            let named = |c: &&Mention| fits(c) && c.kind == MentionKind::Named;
            let times_named = |c: &&Mention| {
                mentions[..=si]
                    .iter()
                    .flatten()
                    .filter(|x| x.kind != MentionKind::Pronoun && x.key.is_some() && x.key == c.key)
                    .count()
            };
            let salient = |ok: &dyn Fn(&&Mention) -> bool| {
                cands
                    .iter()
                    .rev()
                    .filter(|c| ok(c))
                    .fold(None, |best: Option<(&Mention, usize)>, c| {
                        let n = times_named(&c);
                        match best {
                            Some((_, m)) if m >= n => best,
                            _ => Some((c, n)),
                        }
                    })
            };
            salient(&|c| named(c) && !in_relative_clause(stoks, c.start, lex))
                .map(|(c, _)| c)
                .or_else(|| cands.iter().rev().find(named))
                .or_else(|| cands.iter().rev().find(|c| fits(c)))
        };
        if let Some(c) = pick {
            return c.key.clone();
        }
    }
    // "the chatbot" six sentences after ChatGPT was last named: a description of an app or a
    // company goes back to the last name it fits, however far.
    if m.kind == MentionKind::Definite && m.refs.iter().all(|c| matches!(c, Class::App | Class::Organization)) {
        return (0..si.saturating_sub(4))
            .rev()
            .flat_map(|s| mentions[s].iter().rev())
            .find(|c| c.kind == MentionKind::Named && c.key.is_some() && m.refs.contains(&c.class))
            .and_then(|c| c.key.clone());
    }
    None
}

/// The classes a relation verb right after `at` (past auxiliaries and adverbs) takes as its
/// subject, when a verb of a relation stands there.
fn subject_classes_of_verb_after(toks: &[crate::text::Token], at: usize, lex: &Lexicon) -> Option<Vec<Class>> {
    let verb = toks.get(crate::mention::past_auxiliaries(toks, at, lex))?;
    classes_of_verb(verb, lex, false)
}

/// The classes the relation verbs starting at `verb` take as subject, or as object, if it starts
/// any.
fn classes_of_verb(verb: &crate::text::Token, lex: &Lexicon, objects: bool) -> Option<Vec<Class>> {
    let mut classes: Vec<Class> = Vec::new();
    for r in lex.verb_relations(verb) {
        let (dom, rng) = lex.signature(r);
        for &c in if objects { rng } else { dom } {
            if !classes.contains(&c) {
                classes.push(c);
            }
        }
    }
    (!classes.is_empty()).then_some(classes)
}

/// Where the verb group of the verb at `v` starts: back past its auxiliaries, modals and adverbs
/// ("has also told", "had already blocked").
fn auxiliaries_before(toks: &[crate::text::Token], v: usize, lex: &Lexicon) -> usize {
    let w = &lex.words;
    let mut k = v;
    while k > 0
        && [&w.adverbs, &w.have, &w.be, &w.hypothetical]
            .iter()
            .any(|set| set.contains(&toks[k - 1]))
    {
        k -= 1;
    }
    k
}

/// Where the subject of the relation verb just before token `at` starts, when the verb has one
/// written before it: the names (`ms`) and lists of names right before the verb, past adverbs
/// and auxiliaries ("the Garante, Greece's authority and France's CNIL each fined").
fn subject_of_verb_before(toks: &[crate::text::Token], ms: &[Mention], at: usize, lex: &Lexicon) -> Option<usize> {
    let verb = at.checked_sub(1)?;
    lex.verb_relations(&toks[verb]).next()?;
    let mut k = auxiliaries_before(toks, verb, lex);
    let mut start = None;
    loop {
        if let Some(c) = ms.iter().find(|c| c.end == k && c.start < k) {
            k = c.start;
            start = Some(k);
        } else if k > 0 && start.is_some() && matches!(toks[k - 1].lower.as_str(), "," | "and" | "or" | "the") {
            k -= 1;
        } else {
            return start;
        }
    }
}

/// Whether the token at `at` stands in a relative clause set off by a comma (", which Facebook
/// bought in 2014,"): between the relative pronoun and the next comma.
fn in_relative_clause(toks: &[crate::text::Token], at: usize, lex: &Lexicon) -> bool {
    (1..at)
        .rev()
        .take_while(|&k| toks[k].lower != ",")
        .any(|k| toks[k - 1].lower == "," && lex.words.relatives.contains(&toks[k]))
}

/// Whether `c` is the subject of an infinitive that has `m` in it, with no clause between: in
/// "ordered Apple and Google to remove the app" the app is neither Apple nor Google (a name and a
/// description or a pronoun in one clause are two things, unless the pronoun is possessive).
fn controls_infinitive_over(toks: &[crate::text::Token], c: &Mention, m: &Mention) -> bool {
    if m.possessive || c.end >= m.start {
        return false;
    }
    // Past names coordinated with the candidate ("Apple and Google").
    let mut k = c.end;
    while k < m.start && (matches!(toks[k].lower.as_str(), "and" | ",") || toks[k].cap) {
        k += 1;
    }
    let clause_break = |t: &crate::text::Token| {
        t.kind == crate::text::TokenKind::Punct
            || matches!(
                t.lower.as_str(),
                "that" | "which" | "who" | "because" | "after" | "before" | "when" | "while" | "if" | "whether" | "until" | "since"
            )
    };
    k < m.start && toks[k].lower == "to" && !toks[k..m.start].iter().any(clause_break)
}

/// Whether a proxy noun ("channel", "office") follows at `k`, possibly after one name ("Khamenei's Telegram channel").
pub fn proxy_follows(toks: &[crate::text::Token], k: usize, lex: &Lexicon) -> bool {
    (k..(k + 3).min(toks.len()))
        .take_while(|&j| j == k || toks[j - 1].cap)
        .any(|j| lex.proxy_nouns.contains(toks[j].lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_are_one_name() {
        assert!(same_name_word("rouhani", "rowhani"));
        assert!(same_name_word("khamenei", "hamenei"));
        assert!(same_name_word("khamenei", "khameni"));
        assert!(!same_name_word("iran", "iraq"));
        assert!(!same_name_word("putin", "patel"));
    }

    #[test]
    fn ascii_keys_are_the_folded_keys() {
        // The one-pass ASCII key against folding and splitting, on names made of pieces that
        // exercise every rule (case, "the" first or not, possessives, dots, backquotes, spacing).
        let pieces = [
            "The",
            "the",
            "THE",
            "Foreign",
            "Ministry's",
            "'s",
            "`s",
            "U.S.",
            "-",
            " ",
            "  ",
            "(x)",
            "Iran's",
            "a.b",
            "S",
            "'",
            "thee",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let name = format!("{a}{b} {c}");
                    assert_eq!(ascii_key_text(name.as_bytes()), folded_key_text(&name), "{name:?}");
                }
            }
        }
    }

    #[test]
    fn key_text_drops_the_and_possessive() {
        assert_eq!(key_text("the Foreign Ministry's"), "foreign ministry");
        assert_eq!(key_text("  The  Roskomnadzor\u{2019}s's"), "roskomnadzor");
        assert_eq!(key_text("Khamenei.ir (official) - the channel"), "khamenei.ir official the channel");
        assert_eq!(key_text("the"), "");
    }

    #[test]
    fn name_blocks_are_shared_by_every_pair_same_name_word_accepts() {
        // Names, short and long, ASCII and not, each with every variant one edit away: two
        // variants of one name are up to two edits apart.
        let bases = [
            "zarif",
            "khamenei",
            "rouhani",
            "ahmadinejad",
            "putin",
            "li",
            "erdo\u{11f}an",
            "mohammadi",
        ];
        let letters = ['a', 'e', 'h', 'i', 'o', 'z', '\u{11f}'];
        let mut words: Vec<String> = Vec::new();
        for b in bases {
            let c: Vec<char> = b.chars().collect();
            words.push(b.to_string());
            for i in 0..=c.len() {
                let edited = |f: &dyn Fn(&mut Vec<char>)| {
                    let mut v = c.clone();
                    f(&mut v);
                    v.into_iter().collect::<String>()
                };
                if i < c.len() {
                    words.push(edited(&|v| {
                        v.remove(i);
                    }));
                }
                for &x in &letters {
                    words.push(edited(&|v| v.insert(i, x)));
                    if i < c.len() {
                        words.push(edited(&|v| v[i] = x));
                    }
                }
            }
        }
        words.sort();
        words.dedup();
        let blocks: Vec<Vec<u64>> = words
            .iter()
            .map(|w| {
                let mut b = Vec::new();
                name_word_blocks(w, &mut b);
                b
            })
            .collect();
        let (mut accepted, mut rejected) = (0, 0);
        for i in 0..words.len() {
            for j in i + 1..words.len() {
                if !same_name_word(&words[i], &words[j]) {
                    rejected += 1;
                    continue;
                }
                accepted += 1;
                let shared = blocks[i].iter().any(|b| blocks[j].binary_search(b).is_ok());
                assert!(shared, "{} and {} are one name but share no block", words[i], words[j]);
            }
        }
        // Both kinds of pair are there in numbers, so the check above is not empty.
        assert!(accepted > 10_000 && rejected > 100_000, "{accepted} accepted, {rejected} rejected");
    }

    #[test]
    fn capped_distances_agree_with_the_full_table() {
        // Every pair of a set of short spellings (shared prefixes and suffixes, one side empty,
        // non-ASCII letters), at every bound: the early answers equal the full table's.
        let full = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for i in 1..=a.len() {
                let mut cur = vec![i; b.len() + 1];
                for j in 1..=b.len() {
                    cur[j] = (prev[j] + 1)
                        .min(cur[j - 1] + 1)
                        .min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
                }
                prev = cur;
            }
            prev[b.len()]
        };
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "khamenei",
            "hamenei",
            "khameini",
            "rouhani",
            "rowhani",
            "raisi",
            "r\u{e9}gis",
            "regis",
            "aaaa",
            "aaab",
            "baaa",
        ];
        for a in words {
            for b in words {
                let d = full(a, b);
                assert_eq!(edit_distance(a, b), d, "{a:?} {b:?}");
                for most in 0..5 {
                    assert_eq!(capped_distance(a, b, most) <= most, d <= most, "{a:?} {b:?} within {most}");
                }
            }
        }
    }

    #[test]
    fn edit_distance_counts_characters_on_short_and_long_names() {
        assert_eq!(edit_distance("khamenei", "hamenei"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("\u{e9}t\u{e9}", "ete"), 2);
        // Past the stack rows: the same answer from rows on the heap.
        let long = "a".repeat(60);
        assert_eq!(edit_distance(&long, &format!("{long}bc")), 2);
        assert_eq!(edit_distance(&format!("x{long}"), &long), 1);
    }
}
