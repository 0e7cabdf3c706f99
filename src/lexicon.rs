//! The ontology compiled for matching: phrase tables indexed by first word, word sets, and
//! trigger patterns with their inflections generated. Built once, shared by every document.

use crate::model::{Class, Relation};
use crate::ontology::{ObjectFallback, Ontology};
use crate::text::{fold, tokenize, Token, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A token's word id before the lexicon has looked it up.
pub const WORD_UNSET: u32 = u32::MAX;
/// The word id of a token whose word is in no phrase table.
pub const WORD_UNKNOWN: u32 = u32::MAX - 1;

/// Phrases as word ids, each with the index of its value.
type IdPhrases = Vec<(Vec<u32>, u32)>;

/// Phrases (sequences of folded words) mapped to values, matched against token sequences.
///
/// Once indexed against the lexicon's vocabulary, phrases are also kept as word ids, and tokens
/// that carry ids ([`Lexicon::assign_words`]) are matched by comparing integers: one string
/// lookup per token instead of one per table.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    values: Vec<T>,
    by_first: HashMap<String, Vec<(Vec<String>, u32)>>,
    /// By word id: the index in `id_lists` of the phrases starting with that word (or `u32::MAX`).
    by_first_id: Vec<u32>,
    id_lists: Vec<IdPhrases>,
    indexed: bool,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            values: Vec::new(),
            by_first: HashMap::default(),
            by_first_id: Vec::new(),
            id_lists: Vec::new(),
            indexed: false,
        }
    }
}

/// Splits a phrase into folded words the way the tokenizer would.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0).into_iter().map(|t| t.lower.into_string()).collect()
}

impl<T> PhraseTable<T> {
    /// Adds a phrase; longer phrases are tried first.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words = phrase_words(phrase);
        if let Some(first) = words.first().cloned() {
            let v = self.values.len() as u32;
            self.values.push(value);
            let list = self.by_first.entry(first).or_default();
            list.push((words, v));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            self.indexed = false;
        }
    }

    /// Gives every word of the table an id in `vocab` (adding new words) and keeps the phrases
    /// as ids too. Only the lexicon does this, with its own vocabulary: tokens get their ids from
    /// the same one.
    pub(crate) fn index(&mut self, vocab: &mut HashMap<String, u32>) {
        let mut id = |w: &String| vocab_id(vocab, w);
        let mut lists: HashMap<u32, IdPhrases> = HashMap::default();
        for list in self.by_first.values() {
            for (words, v) in list {
                let ids: Vec<u32> = words.iter().map(&mut id).collect();
                lists.entry(ids[0]).or_default().push((ids, *v));
            }
        }
        self.by_first_id = vec![u32::MAX; vocab.len()];
        self.id_lists.clear();
        let mut lists: Vec<(u32, IdPhrases)> = lists.into_iter().collect();
        lists.sort_by_key(|(first, _)| *first);
        for (first, mut list) in lists {
            list.sort_by_key(|(w, v)| (std::cmp::Reverse(w.len()), *v));
            self.by_first_id[first as usize] = self.id_lists.len() as u32;
            self.id_lists.push(list);
        }
        self.indexed = true;
    }

    /// The phrases starting with a word id.
    fn id_list(&self, word: u32) -> Option<&IdPhrases> {
        let slot = *self.by_first_id.get(word as usize)?;
        self.id_lists.get(slot as usize)
    }

    /// Every phrase matching at token `i`, longest first, as (length in tokens, value, phrase).
    pub fn matches<'a>(&'a self, tokens: &'a [Token], i: usize) -> Matches<'a, T> {
        let first = tokens.get(i);
        let by_id = first.is_some_and(|t| self.indexed && t.word != WORD_UNSET);
        let ids = first.filter(|_| by_id).and_then(|t| self.id_list(t.word));
        let words = first.filter(|_| !by_id).and_then(|t| self.by_first.get(t.lower.as_str()));
        Matches {
            values: &self.values,
            rest: &tokens[i.min(tokens.len())..],
            by_ids: ids.map_or(&[][..], Vec::as_slice).iter(),
            by_words: words.map_or(&[][..], Vec::as_slice).iter(),
        }
    }

    /// The longest phrase matching at token `i`. Inlined: most calls end at the first test, on a
    /// token whose word starts no phrase of the table.
    #[inline(always)]
    pub fn longest<'a>(&'a self, tokens: &'a [Token], i: usize) -> Option<(usize, &'a T)> {
        let t = tokens.get(i)?;
        if !self.indexed || t.word == WORD_UNSET {
            return self.matches(tokens, i).next();
        }
        let list = self.id_list(t.word)?;
        self.longest_in(list, &tokens[i..])
    }

    /// The longest phrase of `list` (phrases by id, longest first) that `rest` starts with.
    fn longest_in<'a>(&'a self, list: &'a IdPhrases, rest: &[Token]) -> Option<(usize, &'a T)> {
        let (ids, v) = list
            .iter()
            .find(|(ids, _)| ids.len() <= rest.len() && ids.iter().zip(rest).all(|(w, t)| *w == t.word))?;
        Some((ids.len(), &self.values[*v as usize]))
    }

    /// The longest phrase that ends just before token `end` (exclusive), as (start, value).
    pub fn ending_at<'a>(&'a self, tokens: &'a [Token], end: usize, max_len: usize) -> Option<(usize, &'a T)> {
        (1..=max_len.min(end)).rev().find_map(|len| {
            let start = end - len;
            self.matches(tokens, start).find(|(l, _)| *l == len).map(|(_, v)| (start, v))
        })
    }

    /// Whether any phrase matches at token `i`.
    pub fn starts_at(&self, tokens: &[Token], i: usize) -> bool {
        self.longest(tokens, i).is_some()
    }

    /// The folded words the table's phrases open with.
    pub fn first_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }
}

/// The phrases of a table matching at a token (see [`PhraseTable::matches`]): by word id when
/// the token has one, by folded text otherwise.
pub struct Matches<'a, T> {
    values: &'a [T],
    rest: &'a [Token],
    by_ids: std::slice::Iter<'a, (Vec<u32>, u32)>,
    by_words: std::slice::Iter<'a, (Vec<String>, u32)>,
}

impl<'a, T> Iterator for Matches<'a, T> {
    type Item = (usize, &'a T);

    fn next(&mut self) -> Option<(usize, &'a T)> {
        let rest = self.rest;
        for (ids, v) in self.by_ids.by_ref() {
            if ids.len() <= rest.len() && ids.iter().zip(rest).all(|(w, t)| *w == t.word) {
                return self.values.get(*v as usize).map(|value| (ids.len(), value));
            }
        }
        for (words, v) in self.by_words.by_ref() {
            if words.len() <= rest.len() && words.iter().zip(rest).all(|(w, t)| *w == t.lower) {
                return self.values.get(*v as usize).map(|value| (words.len(), value));
            }
        }
        None
    }
}

/// What a lexicon name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameTarget {
    /// An entry of entities.toml.
    Known(usize),
    /// A row of countries.tsv.
    Country(usize),
}

/// How a lexicon name refers to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The name or an alias.
    Name,
    /// A demonym or adjective ("Iranian").
    Demonym,
    /// A capital or seat, standing for the state.
    Capital,
}

/// A name in the lexicon.
#[derive(Debug, Clone)]
pub struct NameEntry {
    /// What it names.
    pub target: NameTarget,
    /// How.
    pub form: NameForm,
    /// The exact written form, for names that must match case ("FSB", "US").
    pub exact: Option<String>,
}

/// One element of a trigger pattern.
#[derive(Debug, Clone)]
pub enum PatternElem {
    /// Any of these folded words.
    Words(WordSet),
    /// Up to four tokens.
    Gap,
}

/// A compiled trigger: a relation and the word pattern that expresses it.
#[derive(Debug, Clone)]
pub struct TriggerPattern {
    /// The relation.
    pub relation: Relation,
    /// A nominalisation ("ban on") rather than a verb.
    pub nominal: bool,
    /// Read the other way round: the subject is the relation's object ("belongs to").
    pub inverse: bool,
    /// The elements.
    pub elems: Vec<PatternElem>,
    /// Other triggers up to the object belong to this one.
    pub absorbs: bool,
    /// Where to look when no object is in the clause.
    pub fallback: Option<ObjectFallback>,
    /// Words right after the match that make it no trigger ("refused to comment").
    pub not_followed_by: PhraseTable<()>,
    /// What a verb means with a company or an app for subject ("VK runs VKontakte": owns).
    pub company_relation: Option<Relation>,
}

/// Generates the inflections of a regular English verb: base, -s, -ed, -ing.
pub fn inflect(lemma: &str) -> Vec<String> {
    let l = lemma;
    let chars: Vec<char> = l.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    let last = chars.last().copied().unwrap_or(' ');
    let third = if l.ends_with('s') || l.ends_with('x') || l.ends_with('z') || l.ends_with("ch") || l.ends_with("sh") {
        format!("{l}es")
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        format!("{}ies", &l[..l.len() - 1])
    } else {
        format!("{l}s")
    };
    let vowels = chars.iter().filter(|c| vowel(**c)).count();
    let double =
        (3..=4).contains(&n) && vowels == 1 && !vowel(last) && !"wxy".contains(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]);
    let (past, ing) = if last == 'e' {
        let stem = &l[..l.len() - 1];
        (
            format!("{l}d"),
            if l.ends_with("ee") {
                format!("{l}ing")
            } else {
                format!("{stem}ing")
            },
        )
    } else if last == 'y' && n > 1 && !vowel(chars[n - 2]) {
        (format!("{}ied", &l[..l.len() - 1]), format!("{l}ing"))
    } else if double {
        (format!("{l}{last}ed"), format!("{l}{last}ing"))
    } else {
        (format!("{l}ed"), format!("{l}ing"))
    };
    vec![l.to_string(), third, past, ing]
}

/// Parses one trigger phrase of triggers.toml into pattern elements.
pub fn parse_pattern(phrase: &str) -> Vec<PatternElem> {
    phrase
        .split_whitespace()
        .map(|w| {
            if w == "..." {
                return PatternElem::Gap;
            }
            let mut set = HashSet::default();
            for alt in w.split('|') {
                if let Some(lemma) = alt.strip_suffix('~') {
                    set.extend(inflect(&fold(lemma)));
                } else {
                    set.insert(fold(alt));
                }
            }
            PatternElem::Words(WordSet::new(set))
        })
        .collect()
}

/// A set of folded words (a trigger pattern's, or a list of the language tables); once indexed,
/// also kept as one bit per vocabulary id, so a token carrying its id is tested without hashing
/// its text.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    /// The folded words.
    pub words: HashSet<String>,
    bits: Vec<u64>,
    indexed: bool,
}

impl WordSet {
    /// A set of words, not yet indexed.
    pub fn new(words: HashSet<String>) -> WordSet {
        WordSet {
            words,
            bits: Vec::new(),
            indexed: false,
        }
    }

    /// Whether the token's word is in the set.
    pub fn contains(&self, t: &Token) -> bool {
        if self.indexed && t.word != WORD_UNSET {
            // Every word of the set has an id below the bitmap's end; unknown words have none.
            let id = t.word as usize;
            self.bits.get(id / 64).is_some_and(|b| b & (1 << (id % 64)) != 0)
        } else {
            self.words.contains(t.lower.as_str())
        }
    }

    /// Whether the token at `i` is in the set (false past the end).
    pub fn contains_at(&self, toks: &[Token], i: usize) -> bool {
        toks.get(i).is_some_and(|t| self.contains(t))
    }

    /// Whether a folded word is in the set.
    pub fn contains_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    fn index(&mut self, vocab: &mut HashMap<String, u32>) {
        let ids: Vec<u32> = self.words.iter().map(|w| vocab_id(vocab, w)).collect();
        let end = ids.iter().max().map_or(0, |&m| m as usize / 64 + 1);
        self.bits = vec![0; end];
        for id in ids {
            self.bits[id as usize / 64] |= 1 << (id % 64);
        }
        self.indexed = true;
    }
}

/// Folded words mapped to small values (months, weekdays, number words); once indexed, also by
/// vocabulary id, so a token carrying its id is looked up without hashing its text.
#[derive(Debug, Clone, Default)]
pub struct WordMap<V> {
    /// The folded words and their values.
    pub map: HashMap<String, V>,
    by_id: Vec<Option<V>>,
    indexed: bool,
}

impl<V: Copy> WordMap<V> {
    /// A map of folded words, not yet indexed.
    pub fn new(map: HashMap<String, V>) -> WordMap<V> {
        WordMap {
            map,
            by_id: Vec::new(),
            indexed: false,
        }
    }

    /// The value of the token's word.
    pub fn get(&self, t: &Token) -> Option<V> {
        if self.indexed && t.word != WORD_UNSET {
            self.by_id.get(t.word as usize).copied().flatten()
        } else {
            self.get_word(t.lower.as_str())
        }
    }

    /// The value of a folded word.
    pub fn get_word(&self, word: &str) -> Option<V> {
        self.map.get(word).copied()
    }

    fn index(&mut self, vocab: &mut HashMap<String, u32>) {
        for (w, &v) in &self.map {
            let id = vocab_id(vocab, w) as usize;
            if self.by_id.len() <= id {
                self.by_id.resize(id + 1, None);
            }
            self.by_id[id] = Some(v);
        }
        self.indexed = true;
    }
}

/// A word of up to seven bytes packed into an integer with its length (so the key is exact); `None`
/// for longer words.
fn short_word_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = (b.len() as u64) << 56;
    for (i, &x) in b.iter().enumerate() {
        key |= u64::from(x) << (8 * i);
    }
    Some(key)
}

/// The id of a word in the lexicon's vocabulary, given the next free one if it is new.
fn vocab_id(vocab: &mut HashMap<String, u32>, word: &str) -> u32 {
    if let Some(&id) = vocab.get(word) {
        return id;
    }
    let id = vocab.len() as u32;
    vocab.insert(word.to_string(), id);
    id
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn word_set(words: &[String]) -> WordSet {
    WordSet::new(set(words))
}

fn table<T: Clone>(phrases: &[String], value: T) -> PhraseTable<T> {
    let mut t = PhraseTable::default();
    for p in phrases {
        t.insert(p, value.clone());
    }
    t
}

/// The ontology compiled for matching.
#[derive(Debug)]
pub struct Lexicon {
    /// The source ontology.
    pub ontology: Ontology,
    /// Entity, country, demonym and capital names.
    pub names: PhraseTable<NameEntry>,
    /// The names of the known entities that count only near an app cue ("Gap", "Signal"): the
    /// part of `names` the document scan looks for, so that it passes over every other word.
    pub cue_names: PhraseTable<NameEntry>,
    /// Titles: index into `ontology.titles`.
    pub titles: PhraseTable<usize>,
    /// Agency name heads.
    pub agency_heads: PhraseTable<()>,
    /// Organization name heads.
    pub organization_heads: PhraseTable<()>,
    /// State-owned company heads.
    pub state_company_heads: HashSet<String>,
    /// Heads of bodies that are no company ("foundation").
    pub non_company_heads: HashSet<String>,
    /// Words that make an organization a state body.
    pub state_markers: HashSet<String>,
    /// App cues.
    pub app_cues: PhraseTable<()>,
    /// Verbs whose lone unknown object name is an app.
    pub app_object_verbs: PhraseTable<()>,
    /// List introducers.
    pub list_introducers: PhraseTable<()>,
    /// Words making an app domestic.
    pub domestic: HashSet<String>,
    /// Unnamed state actor heads.
    pub unnamed_heads: PhraseTable<()>,
    /// Unnamed actors standing alone.
    pub bare_unnamed: PhraseTable<()>,
    /// Heads of named state bodies with a country.
    pub named_body_heads: WordSet,
    /// Words naming the members of a state body.
    pub member_nouns: WordSet,
    /// Nouns before a lone name that make it a state body.
    pub body_nouns: WordSet,
    /// Nouns of a state body in an apposition beside a lone name.
    pub appositive_body_nouns: WordSet,
    /// Head words of state bodies that are no regulator.
    pub non_regulator_heads: WordSet,
    /// Words in a body's name that make it a regulator whatever its head.
    pub regulating_words: WordSet,
    /// Nouns after an app that make a person apposed to them its user.
    pub app_user_nouns: WordSet,
    /// Last words of a law's name, which names no entity.
    pub law_heads: WordSet,
    /// Words before a country's name that make it a region's ("Latin America").
    pub place_modifiers: WordSet,
    /// Heads after a portfolio that make a state body.
    pub portfolio_heads: WordSet,
    /// Heads before "of <portfolio>" that make a state body.
    pub portfolio_of_heads: WordSet,
    /// Words giving a name's former name.
    pub former_name_markers: WordSet,
    /// World regions naming a company's regional unit after its name ("Airtel Africa").
    pub unit_regions: WordSet,
    /// Nouns of a company's part before "of" and its owner ("a subsidiary of Etisalat").
    pub unit_nouns: WordSet,
    /// Words for a state's executive after a leader's name ("the Biden administration").
    pub leader_government_heads: WordSet,
    /// Ministry portfolios.
    pub portfolios: PhraseTable<()>,
    /// Definite descriptions.
    pub definite: PhraseTable<Vec<Class>>,
    /// Plural descriptions that refer back to a group of names ("the platforms", "both apps").
    pub plural_definite: PhraseTable<Vec<Class>>,
    /// Determiners that open a plural description.
    pub plural_determiners: WordSet,
    /// Appositions after a company or app that relate it to what follows "of".
    pub apposition_relations: PhraseTable<Relation>,
    /// Proxy nouns.
    pub proxy_nouns: HashSet<String>,
    /// Pronouns and the classes each can refer to.
    pub pronouns: HashMap<String, Vec<Class>>,
    /// The pronouns as a word set: the per-token test before the map is read.
    pub pronoun_words: WordSet,
    /// The words a reference can open with (a bare unnamed actor, a pronoun, a description, a
    /// title, a determiner of a description): the reference pass passes over every other word.
    pub reference_openers: WordSet,
    /// The words a lower-case state body can open with (a portfolio, a body head, a "ministry of"
    /// head): the pass that finds them passes over every other word.
    pub body_openers: WordSet,
    /// Coordinators.
    pub coordinators: PhraseTable<()>,
    /// Trigger patterns.
    pub triggers: Vec<TriggerPattern>,
    /// Trigger indices by the words their first element accepts.
    pub trigger_index: HashMap<String, Vec<usize>>,
    /// The same index by word id: position in `trigger_lists` for each vocabulary id, or none.
    trigger_slots: Vec<u32>,
    /// The trigger index's lists, in `trigger_slots` order.
    trigger_lists: Vec<Vec<usize>>,
    /// Swap verb patterns.
    pub swap: Vec<Vec<PatternElem>>,
    /// The words any swap pattern opens with, when every pattern opens with a word: one test
    /// passes over the tokens that open none.
    pub swap_firsts: Option<WordSet>,
    /// The country row of each known entity's country (by position in the ontology's entities).
    pub entity_countries: Vec<Option<usize>>,
    /// The entity key of each country row ("country:Iran"), made once: mentions take copies.
    pub country_keys: Vec<crate::model::Key>,
    /// Heads of state and government by full name (lower case), with their country's row.
    pub leader_countries: HashMap<String, usize>,
    /// The entity key of each known entity ("known:Telegram", or its country's for a metonym).
    pub known_keys: Vec<crate::model::Key>,
    /// Word sets of the language tables.
    pub words: WordSets,
    /// Identifies this lexicon for the per-thread cache of folded name words.
    fold_cache_id: u64,
    /// Every word of every phrase table, by id.
    vocab: HashMap<String, u32>,
    /// The vocabulary's words of up to seven bytes, keyed by [`short_word_key`]: most tokens are
    /// that short, and a packed integer is hashed and compared without reading a string.
    short_vocab: HashMap<u64, u32>,
}

/// Lexicons made so far: gives each its own id for the fold cache.
static LEXICONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

thread_local! {
    /// Folded name words of the lexicon last used on this thread: names recur across sentences
    /// and documents, and folding applies the whole transliteration table.
    static FOLDED: std::cell::RefCell<(u64, HashMap<String, std::rc::Rc<str>>)> = Default::default();
}

/// Single-word sets from language.toml and cues.toml.
#[derive(Debug, Default)]
pub struct WordSets {
    /// Abbreviations.
    pub abbreviations: WordSet,
    /// Capitalised words that are not names.
    pub non_names: WordSet,
    /// Non-names that open a name when another name word follows ("State Duma").
    pub name_openers: WordSet,
    /// Reporting verbs.
    pub reporting: WordSet,
    /// Control verbs.
    pub control: WordSet,
    /// Verbs of appeal ("urged ... to").
    pub appeal: WordSet,
    /// Verbs that take up an order ("upheld an order to").
    pub endorsement: WordSet,
    /// Nouns of an order ("an order to suspend").
    pub order_nouns: WordSet,
    /// Words before "of" whose phrase acts as the body after it ("a panel of the court").
    pub group_heads: WordSet,
    /// Clause openers.
    pub clause_openers: WordSet,
    /// Relative pronouns.
    pub relatives: WordSet,
    /// Words of origin after a place and a hyphen.
    pub origin: WordSet,
    /// Nouns after a name that make it a modifier ("TikTok clone").
    pub likeness: WordSet,
    /// Words of origin after a company that make it the owner ("Google-owned YouTube").
    pub owner_origin: WordSet,
    /// Nouns of what is said on an app ("a post on X").
    pub posting: WordSet,
    /// Words that give a name after a noun of its kind ("a group called X").
    pub naming: WordSet,
    /// Plural nouns whose possessive stays inside a name ("People's Party").
    pub name_possessors: WordSet,
    /// First words of personal names: given names and family names written first.
    pub name_starts: WordSet,
    /// Words after which a trigger's form in -s is a plural noun.
    pub plural_noun_markers: WordSet,
    /// Modifiers too general to tell state bodies apart.
    pub generic_modifiers: WordSet,
    /// Spans of time that end a noun phrase before them.
    pub time_nouns: WordSet,
    /// Words of a time adjunct after a relative pronoun ("which last week barred").
    pub time_adjunct: WordSet,
    /// Prepositions.
    pub prepositions: WordSet,
    /// Forms of be.
    pub be: WordSet,
    /// Forms of have.
    pub have: WordSet,
    /// Adverbs.
    pub adverbs: WordSet,
    /// Negation.
    pub negation: WordSet,
    /// Hypothetical modals.
    pub hypothetical: WordSet,
    /// Hypothetical context.
    pub hypothetical_context: PhraseTable<()>,
    /// Denial context.
    pub denial: PhraseTable<()>,
    /// Refusals in the verb group ("declined to").
    pub refusal: PhraseTable<()>,
    /// Conditions after the trigger ("if", "only after").
    pub conditions_after: PhraseTable<()>,
    /// Planned cues.
    pub planned: PhraseTable<()>,
    /// Reporting verbs making "would" a reported decision.
    pub future_in_past: WordSet,
    /// Verbs making a future an ongoing fact.
    pub continuing: WordSet,
    /// Verbs of a decision ("ruled that access should be blocked").
    pub deciding: WordSet,
    /// Words saying an act breaks the law ("violated", "unlawful").
    pub condemning: WordSet,
    /// Verbs of accusing someone of an act ("accused", "blamed", "criticised ... for").
    pub accusing: WordSet,
    /// Modals of possibility ("could be shut down"), a threat when a state actor says them.
    pub possibility: WordSet,
    /// Nouns of an instruction acted on ("on the orders of the court").
    pub instruction_nouns: WordSet,
    /// Words opening a gerund that shares the clause's subject ("before lifting", "by blocking").
    pub gerund_adjuncts: WordSet,
    /// Number words ("three").
    pub number_words: WordMap<u64>,
    /// Scale words ("million").
    pub scales: WordMap<u64>,
    /// Approximators.
    pub approximators: WordSet,
    /// Shares before "of" and a number ("half of").
    pub fractions: WordSet,
    /// User nouns.
    pub user_nouns: WordSet,
    /// Not-user nouns.
    pub not_user_nouns: WordSet,
    /// Months.
    pub months: WordMap<u8>,
    /// Weekdays.
    pub weekdays: WordMap<u8>,
    /// Last-week phrases.
    pub last_week: PhraseTable<()>,
    /// Nouns naming a ban, for its reversal ("the ban was lifted").
    pub reversal_nouns: WordSet,
    /// Reversal verbs.
    pub reversal_verbs: WordSet,
    /// Verbs that impose what a reversal noun names ("the ban was ordered by").
    pub imposing_verbs: WordSet,
    /// Swap links.
    pub swap_links: WordSet,
}

/// Whether an alias must match case exactly: all capitals (acronyms such as "FSB", "US").
fn exact_case(alias: &str) -> bool {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

impl Lexicon {
    /// Compiles an ontology.
    pub fn new(ontology: Ontology) -> Lexicon {
        let (mut names, mut cue_names) = (PhraseTable::default(), PhraseTable::default());
        let mut add = |name: &str, target: NameTarget, form: NameForm| {
            let exact = exact_case(name).then(|| name.to_string());
            let entry = NameEntry { target, form, exact };
            if matches!(target, NameTarget::Known(k) if ontology.entities[k].needs_cue) {
                cue_names.insert(name, entry.clone());
            }
            names.insert(name, entry);
        };
        for (i, c) in ontology.countries.iter().enumerate() {
            add(&c.name, NameTarget::Country(i), NameForm::Name);
            for a in &c.aliases {
                add(a, NameTarget::Country(i), NameForm::Name);
            }
            for d in &c.demonyms {
                add(d, NameTarget::Country(i), NameForm::Demonym);
            }
            for cap in c.capitals.iter().chain(&c.cities) {
                add(cap, NameTarget::Country(i), NameForm::Capital);
            }
        }
        for (i, e) in ontology.entities.iter().enumerate() {
            add(&e.name, NameTarget::Known(i), NameForm::Name);
            for a in &e.aliases {
                add(a, NameTarget::Known(i), NameForm::Name);
            }
        }
        let mut titles = PhraseTable::default();
        for (i, t) in ontology.titles.iter().enumerate() {
            for w in &t.words {
                titles.insert(w, i);
                // "Bengaluru programmers Biswatma Nayak and Sidharth Gautam": a role that is no
                // office of state names each person of a list after its plural.
                if t.class == Class::Person
                    && !t.honorific
                    && !w.ends_with('s')
                    && !w.ends_with('.')
                    && w.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
                {
                    titles.insert(&format!("{w}s"), i);
                }
            }
        }
        let cues = &ontology.cues;
        let lang = &ontology.language;
        let mut definite = PhraseTable::default();
        for (k, v) in &cues.definite {
            definite.insert(k, v.clone());
        }
        let mut plural_definite = PhraseTable::default();
        for (k, v) in &cues.plural_definite {
            plural_definite.insert(k, v.clone());
        }
        let mut apposition_relations = PhraseTable::default();
        for (k, &r) in &cues.apposition_relations {
            apposition_relations.insert(k, r);
        }
        let mut triggers = Vec::new();
        for spec in &ontology.relations {
            for (phrases, nominal, inverse) in [
                (&spec.verbs, false, false),
                (&spec.nouns, true, false),
                (&spec.inverse_verbs, false, true),
            ] {
                for p in phrases {
                    let mut elems = parse_pattern(p);
                    if nominal {
                        // Plural nominalisations: "bans on".
                        if let Some(PatternElem::Words(first)) = elems.first_mut() {
                            let plurals: Vec<String> = first.words.iter().map(|w| format!("{w}s")).collect();
                            first.words.extend(plurals);
                        }
                    }
                    triggers.push(TriggerPattern {
                        relation: spec.name,
                        nominal,
                        inverse,
                        elems,
                        absorbs: spec.absorbs,
                        fallback: spec.object_fallback,
                        not_followed_by: table(&spec.not_followed_by, ()),
                        company_relation: spec.company_relation.filter(|_| !nominal && !inverse),
                    });
                }
            }
        }
        let mut trigger_index: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, t) in triggers.iter().enumerate() {
            if let Some(PatternElem::Words(first)) = t.elems.first() {
                for w in &first.words {
                    trigger_index.entry(w.clone()).or_default().push(i);
                }
            }
        }
        let swap: Vec<Vec<PatternElem>> = ontology.swap.verbs.iter().map(|p| parse_pattern(p)).collect();
        let swap_firsts = swap
            .iter()
            .map(|elems| match elems.first() {
                Some(PatternElem::Words(first)) => Some(first.words.iter().cloned()),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .map(|firsts| WordSet::new(firsts.into_iter().flatten().collect()));
        let m = &lang.modality;
        let words = WordSets {
            abbreviations: word_set(&lang.abbreviations),
            non_names: word_set(&lang.non_names),
            name_openers: word_set(&lang.name_openers),
            reporting: word_set(&lang.reporting_verbs),
            control: word_set(&lang.control_verbs),
            appeal: word_set(&lang.appeal_verbs),
            endorsement: word_set(&lang.endorsement_verbs),
            order_nouns: word_set(&lang.order_nouns),
            group_heads: word_set(&lang.group_heads),
            clause_openers: word_set(&lang.clause_openers),
            relatives: word_set(&lang.relative_pronouns),
            origin: word_set(&lang.origin_words),
            likeness: word_set(&lang.likeness_nouns),
            owner_origin: word_set(&lang.owner_origin_words),
            posting: word_set(&lang.posting_nouns),
            naming: word_set(&lang.naming_words),
            name_possessors: word_set(&lang.name_possessors),
            plural_noun_markers: word_set(&lang.plural_noun_markers),
            generic_modifiers: word_set(&lang.generic_modifiers),
            name_starts: word_set(
                &ontology
                    .names
                    .given
                    .iter()
                    .chain(&ontology.names.family_first)
                    .cloned()
                    .collect::<Vec<_>>(),
            ),
            time_nouns: word_set(&lang.time_nouns),
            time_adjunct: word_set(&lang.time_adjunct_words),
            prepositions: word_set(&lang.prepositions),
            be: word_set(&lang.be_forms),
            have: word_set(&lang.have_forms),
            adverbs: word_set(&lang.adverbs),
            negation: word_set(&m.negation),
            hypothetical: word_set(&m.hypothetical),
            hypothetical_context: table(&m.hypothetical_context, ()),
            denial: table(&m.denial, ()),
            refusal: table(&m.refusal, ()),
            conditions_after: table(&m.conditions_after, ()),
            planned: table(&m.planned, ()),
            future_in_past: word_set(&m.future_in_past_after),
            deciding: word_set(&m.deciding),
            condemning: word_set(&m.condemning),
            accusing: word_set(&m.accusing),
            possibility: word_set(&m.possibility),
            gerund_adjuncts: word_set(&m.gerund_adjuncts),
            instruction_nouns: word_set(&m.instruction_nouns),
            continuing: word_set(&m.continuing),
            number_words: WordMap::new(lang.numbers.words.iter().map(|(k, v)| (fold(k), *v)).collect()),
            scales: WordMap::new(lang.numbers.scales.iter().map(|(k, v)| (fold(k), *v)).collect()),
            approximators: word_set(&lang.numbers.approximators),
            fractions: word_set(&lang.numbers.fractions),
            user_nouns: word_set(&lang.numbers.user_nouns),
            not_user_nouns: word_set(&lang.numbers.not_user_nouns),
            months: WordMap::new(lang.dates.months.iter().map(|(k, v)| (fold(k), *v)).collect()),
            weekdays: WordMap::new(lang.dates.weekdays.iter().map(|(k, v)| (fold(k), *v)).collect()),
            last_week: table(&lang.dates.last_week, ()),
            reversal_nouns: word_set(&ontology.reversal.nouns),
            reversal_verbs: word_set(&ontology.reversal.verbs),
            imposing_verbs: word_set(&ontology.reversal.imposing_verbs),
            swap_links: word_set(&ontology.swap.links),
        };
        let mut lex = Lexicon {
            names,
            cue_names,
            titles,
            agency_heads: table(&cues.agency_heads, ()),
            organization_heads: table(&cues.organization_heads, ()),
            state_company_heads: set(&cues.state_company_heads),
            non_company_heads: set(&cues.non_company_heads),
            state_markers: set(&cues.state_markers),
            app_cues: table(&cues.app_cues, ()),
            app_object_verbs: table(&cues.app_object_verbs, ()),
            list_introducers: table(&cues.list_introducers, ()),
            domestic: set(&cues.domestic_words),
            unnamed_heads: table(&cues.unnamed_actor_heads, ()),
            bare_unnamed: table(&cues.bare_unnamed_actors, ()),
            named_body_heads: word_set(&cues.named_body_heads),
            member_nouns: word_set(&cues.member_nouns),
            body_nouns: word_set(&cues.body_nouns),
            appositive_body_nouns: word_set(&cues.appositive_body_nouns),
            non_regulator_heads: word_set(&cues.non_regulator_heads),
            regulating_words: word_set(&cues.regulating_words),
            app_user_nouns: word_set(&cues.app_user_nouns),
            law_heads: word_set(&cues.law_heads),
            place_modifiers: word_set(&cues.place_modifiers),
            portfolio_heads: word_set(&cues.portfolio_heads),
            portfolio_of_heads: word_set(&cues.portfolio_of_heads),
            former_name_markers: word_set(&cues.former_name_markers),
            unit_regions: word_set(&cues.unit_regions),
            unit_nouns: word_set(&cues.unit_nouns),
            leader_government_heads: word_set(&cues.leader_government_heads),
            portfolios: table(&cues.portfolios, ()),
            definite,
            plural_definite,
            plural_determiners: word_set(&cues.plural_determiners),
            apposition_relations,
            proxy_nouns: set(&cues.proxy_nouns),
            pronouns: cues.pronouns.iter().map(|(k, v)| (fold(k), v.clone())).collect(),
            pronoun_words: WordSet::new(cues.pronouns.keys().map(|k| fold(k)).collect()),
            reference_openers: WordSet::default(),
            body_openers: WordSet::default(),
            coordinators: table(&lang.coordinators, ()),
            triggers,
            trigger_index,
            trigger_slots: Vec::new(),
            trigger_lists: Vec::new(),
            swap,
            swap_firsts,
            entity_countries: ontology
                .entities
                .iter()
                .map(|e| e.country.as_ref().and_then(|c| ontology.country_row(c)))
                .collect(),
            country_keys: ontology.countries.iter().map(|c| format!("country:{}", c.name).into()).collect(),
            leader_countries: cues
                .leaders
                .iter()
                .filter_map(|(name, c)| Some((name.clone(), ontology.country_row(c)?)))
                .collect(),
            known_keys: ontology
                .entities
                .iter()
                .map(|e| match (&e.country, e.metonym) {
                    (Some(c), true) => format!("country:{c}").into(),
                    _ => format!("known:{}", e.name).into(),
                })
                .collect(),
            words,
            ontology,
            fold_cache_id: LEXICONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
            vocab: HashMap::default(),
            short_vocab: HashMap::default(),
        };
        let mut vocab = HashMap::default();
        for t in [
            &mut lex.agency_heads,
            &mut lex.organization_heads,
            &mut lex.app_cues,
            &mut lex.app_object_verbs,
            &mut lex.list_introducers,
            &mut lex.unnamed_heads,
            &mut lex.bare_unnamed,
            &mut lex.portfolios,
            &mut lex.coordinators,
            &mut lex.words.hypothetical_context,
            &mut lex.words.denial,
            &mut lex.words.refusal,
            &mut lex.words.conditions_after,
            &mut lex.words.planned,
            &mut lex.words.last_week,
        ] {
            t.index(&mut vocab);
        }
        lex.names.index(&mut vocab);
        lex.cue_names.index(&mut vocab);
        lex.titles.index(&mut vocab);
        lex.definite.index(&mut vocab);
        lex.plural_definite.index(&mut vocab);
        lex.apposition_relations.index(&mut vocab);
        for set in [
            &mut lex.named_body_heads,
            &mut lex.member_nouns,
            &mut lex.body_nouns,
            &mut lex.appositive_body_nouns,
            &mut lex.non_regulator_heads,
            &mut lex.regulating_words,
            &mut lex.app_user_nouns,
            &mut lex.law_heads,
            &mut lex.place_modifiers,
            &mut lex.portfolio_heads,
            &mut lex.portfolio_of_heads,
            &mut lex.former_name_markers,
            &mut lex.unit_regions,
            &mut lex.unit_nouns,
            &mut lex.leader_government_heads,
            &mut lex.plural_determiners,
            &mut lex.pronoun_words,
        ] {
            set.index(&mut vocab);
        }
        for t in lex.triggers.iter_mut() {
            t.not_followed_by.index(&mut vocab);
        }
        for elems in lex.triggers.iter_mut().map(|t| &mut t.elems).chain(lex.swap.iter_mut()) {
            for e in elems {
                if let PatternElem::Words(ws) = e {
                    ws.index(&mut vocab);
                }
            }
        }
        let w = &mut lex.words;
        for set in [
            &mut w.abbreviations,
            &mut w.non_names,
            &mut w.name_openers,
            &mut w.reporting,
            &mut w.control,
            &mut w.appeal,
            &mut w.endorsement,
            &mut w.order_nouns,
            &mut w.group_heads,
            &mut w.clause_openers,
            &mut w.relatives,
            &mut w.origin,
            &mut w.likeness,
            &mut w.owner_origin,
            &mut w.posting,
            &mut w.naming,
            &mut w.name_possessors,
            &mut w.name_starts,
            &mut w.plural_noun_markers,
            &mut w.generic_modifiers,
            &mut w.time_nouns,
            &mut w.time_adjunct,
            &mut w.prepositions,
            &mut w.be,
            &mut w.have,
            &mut w.adverbs,
            &mut w.negation,
            &mut w.hypothetical,
            &mut w.future_in_past,
            &mut w.deciding,
            &mut w.condemning,
            &mut w.accusing,
            &mut w.possibility,
            &mut w.gerund_adjuncts,
            &mut w.instruction_nouns,
            &mut w.continuing,
            &mut w.approximators,
            &mut w.fractions,
            &mut w.user_nouns,
            &mut w.not_user_nouns,
            &mut w.reversal_nouns,
            &mut w.reversal_verbs,
            &mut w.imposing_verbs,
            &mut w.swap_links,
        ] {
            set.index(&mut vocab);
        }
        w.months.index(&mut vocab);
        w.weekdays.index(&mut vocab);
        w.number_words.index(&mut vocab);
        w.scales.index(&mut vocab);
        // The per-word filters, derived from the tables above (the determiners aside, their words
        // have ids already).
        lex.reference_openers = WordSet::new(
            lex.bare_unnamed
                .first_words()
                .chain(lex.definite.first_words())
                .chain(lex.titles.first_words())
                .chain(&lex.pronoun_words.words)
                .cloned()
                .chain(crate::mention::DESCRIPTION_DETERMINERS.iter().map(|w| w.to_string()))
                .collect(),
        );
        lex.body_openers = WordSet::new(
            lex.portfolios
                .first_words()
                .chain(&lex.named_body_heads.words)
                .chain(&lex.portfolio_of_heads.words)
                .cloned()
                .collect(),
        );
        lex.reference_openers.index(&mut vocab);
        lex.body_openers.index(&mut vocab);
        if let Some(firsts) = &mut lex.swap_firsts {
            firsts.index(&mut vocab);
        }
        // Every trigger's first words are in the vocabulary now (indexed with the patterns).
        lex.trigger_slots = vec![u32::MAX; vocab.len()];
        for (word, list) in &lex.trigger_index {
            if let Some(&id) = vocab.get(word) {
                lex.trigger_slots[id as usize] = lex.trigger_lists.len() as u32;
                lex.trigger_lists.push(list.clone());
            }
        }
        lex.short_vocab = vocab.iter().filter_map(|(w, &id)| Some((short_word_key(w)?, id))).collect();
        lex.vocab = vocab;
        lex
    }

    /// Gives tokens their word ids, so that phrase tables match them by id.
    pub fn assign_words(&self, tokens: &mut [Token]) {
        for t in tokens {
            t.word = self.word_id(t.lower.as_str());
        }
    }

    /// The vocabulary id of a folded word, or `WORD_UNKNOWN`.
    fn word_id(&self, w: &str) -> u32 {
        let id = match short_word_key(w) {
            Some(key) => self.short_vocab.get(&key),
            None => self.vocab.get(w),
        };
        id.copied().unwrap_or(WORD_UNKNOWN)
    }

    /// Folds a name word by the transliteration table ("ghassemi" -> "qasemi"), without an Arabic
    /// article ("al-sudani" -> "sudani").
    pub fn fold_name(&self, word: &str) -> String {
        let mut w = word.to_lowercase();
        // "al-Sudani" and "Sudani" are one name: the Arabic article is dropped.
        if let Some((article, rest)) = w.split_once('-') {
            if crate::text::arabic_article(article.as_bytes()) && !rest.is_empty() {
                w = rest.to_string();
            }
        }
        for (from, to) in &self.ontology.language.transliteration {
            if w.contains(from.as_str()) {
                w = w.replace(from.as_str(), to.as_str());
            }
        }
        let mut out = String::with_capacity(w.len());
        for c in w.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    }

    /// Whether two name words are spellings of one name: equal after folding, or within a small
    /// edit distance ("Khamenei"/"Khameni").
    pub fn same_name(&self, a: &str, b: &str) -> bool {
        a == b || crate::resolve::same_name_word(&self.folded_name(a), &self.folded_name(b))
    }

    /// [`Lexicon::fold_name`] through the per-thread cache.
    pub(crate) fn folded_name(&self, word: &str) -> std::rc::Rc<str> {
        FOLDED.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.0 != self.fold_cache_id || cache.1.len() > 100_000 {
                cache.0 = self.fold_cache_id;
                cache.1.clear();
            }
            if let Some(f) = cache.1.get(word) {
                return f.clone();
            }
            let f: std::rc::Rc<str> = self.fold_name(word).into();
            cache.1.insert(word.to_string(), f.clone());
            f
        })
    }

    /// Whether a token is a form of any trigger's first word (a likely verb or event noun).
    pub fn is_trigger_word(&self, lower: &str) -> bool {
        self.trigger_index.contains_key(lower)
    }

    /// The triggers whose first element accepts the token's word (by id when it has one).
    pub fn triggers_from(&self, t: &Token) -> Option<&[usize]> {
        match t.word {
            WORD_UNSET => self.trigger_index.get(t.lower.as_str()).map(Vec::as_slice),
            id => {
                let slot = *self.trigger_slots.get(id as usize)?;
                self.trigger_lists.get(slot as usize).map(Vec::as_slice)
            }
        }
    }

    /// The relations whose verbal (not nominal) triggers start at the token: "fined" gives
    /// fines, "chairs" holdsPositionIn.
    pub fn verb_relations(&self, t: &Token) -> impl Iterator<Item = Relation> + '_ {
        self.triggers_from(t)
            .unwrap_or(&[])
            .iter()
            .filter(|&&p| !self.triggers[p].nominal)
            .map(|&p| self.triggers[p].relation)
    }

    /// [`Lexicon::is_trigger_word`] for a token, by id when it has one.
    pub fn is_trigger(&self, t: &Token) -> bool {
        self.triggers_from(t).is_some()
    }

    /// Whether a token is a word of grammar (preposition, clause opener, relative, form of be or
    /// have, reporting verb, negation or modal), not a content word of a noun phrase.
    pub fn is_function_word(&self, t: &Token) -> bool {
        let w = &self.words;
        [
            &w.prepositions,
            &w.clause_openers,
            &w.relatives,
            &w.be,
            &w.have,
            &w.reporting,
            &w.negation,
            &w.hypothetical,
        ]
        .iter()
        .any(|set| set.contains(t))
    }

    /// Whether a token looks like a plain noun: a lower-case word that is no word of grammar and
    /// no trigger ("company", "platforms"; not "is", "says", "bans").
    pub fn plain_noun(&self, t: &Token) -> bool {
        t.kind == TokenKind::Word && !t.cap && !self.is_function_word(t) && !self.is_trigger(t)
    }

    /// Whether a token looks like a plain plural noun: a [`Lexicon::plain_noun`] in -s
    /// ("platforms", "apps").
    pub fn plain_plural(&self, t: &Token) -> bool {
        t.lower.len() > 3 && t.lower.ends_with('s') && !t.lower.ends_with("ss") && !t.lower.ends_with("us") && self.plain_noun(t)
    }

    /// The classes a relation accepts as subject and object.
    pub fn signature(&self, r: Relation) -> (&[Class], &[Class]) {
        self.ontology
            .relation(r)
            .map(|s| (s.subjects.as_slice(), s.objects.as_slice()))
            .unwrap_or((&[], &[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_get_the_ids_the_vocabulary_gives() {
        let lex = Lexicon::new(Ontology::builtin().expect("built-in ontology loads"));
        assert!(lex.vocab.len() > 1000 && lex.short_vocab.len() > 100);
        for (w, &id) in &lex.vocab {
            assert_eq!(lex.word_id(w), id, "{w:?}");
        }
        // Words the vocabulary lacks, at the length boundary and with a NUL that a packed key
        // without its length would confuse with a shorter word.
        for w in ["", "\0", "the\0", "in\0\0", "zzzzzzz", "zzzzzzzz", "é", "ministr"] {
            assert_eq!(lex.word_id(w), lex.vocab.get(w).copied().unwrap_or(WORD_UNKNOWN), "{w:?}");
        }
    }

    #[test]
    fn inflects_regular_verbs() {
        assert_eq!(inflect("ban"), ["ban", "bans", "banned", "banning"]);
        assert_eq!(inflect("block"), ["block", "blocks", "blocked", "blocking"]);
        assert_eq!(inflect("use"), ["use", "uses", "used", "using"]);
        assert_eq!(inflect("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(inflect("open"), ["open", "opens", "opened", "opening"]);
        assert_eq!(inflect("stop"), ["stop", "stops", "stopped", "stopping"]);
        assert_eq!(inflect("switch"), ["switch", "switches", "switched", "switching"]);
    }

    #[test]
    fn phrase_table_prefers_longest() {
        let mut t = PhraseTable::default();
        t.insert("Foreign Ministry", 1);
        t.insert("foreign", 2);
        let toks = tokenize("the foreign ministry said", 0);
        assert_eq!(t.longest(&toks, 1), Some((2, &1)));
        assert_eq!(t.ending_at(&toks, 3, 3), Some((1, &1)));
    }

    #[test]
    fn tokens_with_word_ids_match_as_their_words_do() {
        let lex = Lexicon::new(crate::Ontology::builtin().expect("built-in ontology"));
        let text = "The Foreign Ministry said Nigeria's regulator banned Twitter, and the supreme leader \
                    stopped using Telegram; officials will be ordered to move to the domestic messenger Soroush by Monday, 5 January. \
                    Its parliament met.";
        let plain = tokenize(text, 0);
        let mut with_ids = plain.clone();
        lex.assign_words(&mut with_ids);
        assert!(with_ids.iter().all(|t| t.word != WORD_UNSET));
        let (mut matched, mut in_sets, mut triggers, mut dated) = (0, 0, 0, 0);
        for i in 0..plain.len() {
            for table in [&lex.agency_heads, &lex.app_cues, &lex.unnamed_heads, &lex.coordinators] {
                assert_eq!(table.longest(&plain, i), table.longest(&with_ids, i), "token {i}");
            }
            let names = |toks: &[Token]| lex.names.matches(toks, i).map(|(n, _)| n).collect::<Vec<_>>();
            assert_eq!(names(&plain), names(&with_ids), "token {i}");
            matched += names(&plain).len();
            for t in &lex.triggers {
                for e in &t.elems {
                    if let PatternElem::Words(ws) = e {
                        assert_eq!(ws.contains(&plain[i]), ws.contains(&with_ids[i]), "token {i}");
                    }
                }
            }
            let w = &lex.words;
            for set in [
                &w.be,
                &w.reporting,
                &w.clause_openers,
                &w.non_names,
                &w.hypothetical,
                &w.prepositions,
                &lex.named_body_heads,
                &lex.body_nouns,
                &lex.portfolio_heads,
                &lex.pronoun_words,
            ] {
                let by_text = set.contains_word(plain[i].lower.as_str());
                assert_eq!(by_text, set.contains(&plain[i]), "token {i}");
                assert_eq!(by_text, set.contains(&with_ids[i]), "token {i}");
                in_sets += usize::from(by_text);
            }
            assert_eq!(w.months.get(&plain[i]), w.months.get(&with_ids[i]), "token {i}");
            assert_eq!(w.weekdays.get(&plain[i]), w.weekdays.get(&with_ids[i]), "token {i}");
            dated += usize::from(w.months.get(&with_ids[i]).is_some()) + usize::from(w.weekdays.get(&with_ids[i]).is_some());
            assert_eq!(
                lex.is_trigger_word(plain[i].lower.as_str()),
                lex.is_trigger(&with_ids[i]),
                "token {i}"
            );
            assert_eq!(lex.triggers_from(&plain[i]), lex.triggers_from(&with_ids[i]), "token {i}");
            triggers += usize::from(lex.is_trigger(&with_ids[i]));
        }
        assert!(matched >= 4, "names found: {matched}");
        assert!(
            in_sets >= 4 && triggers >= 3 && dated == 2,
            "in word sets: {in_sets}, triggers: {triggers}, dates: {dated}"
        );
    }
}
