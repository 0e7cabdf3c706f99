//! Entity mentions: finds the names, descriptions and pronouns of a document's sentences.
//!
//! Names come from the lexicon (known entities, countries, demonyms, capitals) and from
//! patterns for names the lexicon lacks: capitalised runs classified by titles, head nouns and
//! app cues, all read from ontology/ data. References (pronouns, "the messenger", "the
//! supreme leader", "the authorities") are found here and resolved in `resolve`.

use crate::lexicon::{Lexicon, NameForm, NameTarget};
use crate::model::{Class, Key};
use crate::text::{Sentence, Token, TokenKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name.
    Named,
    /// A demonym used as an adjective ("Iranian messengers"): a modifier, not an actor.
    Demonym,
    /// An unnamed state actor ("the Iranian authorities"): its country.
    Unnamed,
    /// A pronoun ("he", "its").
    Pronoun,
    /// A definite description ("the messenger", "the company").
    Definite,
    /// A title without a name ("Iran's supreme leader"): the holder of that title.
    Role,
    /// A surname or other single name to be matched against full names of the corpus.
    Surname,
}

/// A title read before or after a person's name.
#[derive(Debug, Clone)]
pub struct TitleUse {
    /// Index into the ontology's titles.
    pub spec: usize,
    /// The title as written, folded.
    pub text: String,
    /// The body the title is held in: the first token of its mention in the same sentence.
    pub body: Option<usize>,
}

/// A mention of an entity in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token (including titles and modifiers that belong to it).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity class (for references: the first class they accept).
    pub class: Class,
    /// How it names.
    pub kind: MentionKind,
    /// The name proper as written (titles stripped); for references, the words.
    pub name: String,
    /// The entity key, once known (shared: taking one from the lexicon's tables or from another
    /// mention makes no new string).
    pub key: Option<Key>,
    /// Country modifier ("Iranian", "Iran's"): a country index.
    pub country: Option<usize>,
    /// Followed by "'s" (or an apostrophe-less "s" on a known name).
    pub possessive: bool,
    /// Titles held.
    pub titles: Vec<TitleUse>,
    /// Classes a reference accepts.
    pub refs: Vec<Class>,
    /// The name without the demonym or possessive written before it ("Foreign Ministry" for
    /// "Iranian Foreign Ministry"), which keys the entity.
    pub bare: Option<String>,
    /// A plural description ("the platforms", "both apps"): how many names it groups, 0 when the
    /// text does not say.
    pub plural: Option<u8>,
    /// The keys a plural description refers to, once resolved (its `key` is the first of them).
    pub group: Vec<Key>,
}

impl Mention {
    fn new(start: usize, end: usize, class: Class, kind: MentionKind, name: String) -> Mention {
        Mention {
            start,
            end,
            class,
            kind,
            name,
            key: None,
            country: None,
            possessive: false,
            titles: Vec::new(),
            refs: Vec::new(),
            bare: None,
            plural: None,
            group: Vec::new(),
        }
    }

    /// Whether the mention can be the subject or object of a relation.
    pub fn is_actor(&self) -> bool {
        self.kind != MentionKind::Demonym
    }
}

/// Document-wide facts the mention finder uses: the words seen in lower case (so a capitalised
/// sentence start that is an ordinary word is not a name), acronyms defined in the text, and
/// ambiguous lexicon names the document confirms as apps.
#[derive(Debug, Default)]
pub struct DocFacts {
    /// Words that open a sentence with a capital and are also written in lower case inside one
    /// (the only words `is_common_word` is asked about).
    lower_seen: HashSet<compact_str::CompactString>,
    confirmed: HashSet<usize>,
    /// Acronym to full name, from "Full Name (ACR)".
    pub acronyms: HashMap<String, String>,
}

/// Key of a country row.
pub fn country_key(lex: &Lexicon, i: usize) -> Key {
    lex.country_keys[i].clone()
}

/// Key of a known entity (a metonym, like a government's seat, keys its country).
pub fn known_key(lex: &Lexicon, i: usize) -> Key {
    lex.known_keys[i].clone()
}

fn is_name_token(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.cap && t.lower != "'s"
}

/// Connectors allowed inside a capitalised name ("Supreme Council of Cyberspace").
const CONNECTORS: [&str; 6] = ["of", "the", "for", "and", "&", "on"];
/// Particles of personal and organisation names ("Alexandre de Moraes", "La Quadrature du Net"):
/// connectors that never split a name. Two may stand together ("Pieter van der Berg").
const PARTICLES: [&str; 16] = [
    "de", "al", "bin", "du", "da", "dos", "van", "von", "der", "del", "di", "la", "den", "el", "d'", "l'",
];

/// Whether a word may stand inside a capitalised name (a connector or a particle).
fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word) || is_particle(word)
}

/// Whether a folded word is an ordinal in figures ("6th", "1st"), which may stand inside a
/// court's name ("Adana 6th Criminal Court of Peace").
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// Whether a folded word is a name particle ("de", "van").
fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// The folded words of tokens a..b, joined by spaces: a title as written ("chief executive").
fn folded_words(toks: &[Token], a: usize, b: usize) -> String {
    toks[a..b].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ")
}

impl DocFacts {
    /// Collects document-wide facts from all sentences before mentions are found.
    pub fn collect(doc: &str, sentences: &[Sentence], lex: &Lexicon) -> DocFacts {
        let mut facts = DocFacts::default();
        let openers = SentenceOpeners::new(sentences);
        for s in sentences {
            for t in s.tokens.iter().skip(1) {
                if t.kind == TokenKind::Word && !t.cap && openers.contains(&t.lower) && !facts.lower_seen.contains(&t.lower) {
                    facts.lower_seen.insert(t.lower.clone());
                }
            }
            // Ambiguous known names ("Gap", "Signal") count where an app cue or another app is near.
            for i in (0..s.tokens.len()).filter(|&i| s.tokens[i].cap) {
                for (len, entry) in lex.cue_names.matches(&s.tokens, i) {
                    if let NameTarget::Known(k) = entry.target {
                        let e = &lex.ontology.entities[k];
                        if e.needs_cue && near_app_evidence(s, i, i + len, lex) {
                            facts.confirmed.insert(k);
                        }
                    }
                }
            }
            // "Federal Security Service (FSB)".
            for i in 2..s.tokens.len().saturating_sub(1) {
                // Kinds first: a cheap test that almost every token fails.
                if s.tokens[i - 1].kind != TokenKind::Punct || s.tokens[i + 1].kind != TokenKind::Punct {
                    continue;
                }
                let t = &s.tokens[i];
                let acr = t.text(doc);
                if s.tokens[i - 1].lower == "("
                    && s.tokens[i + 1].lower == ")"
                    && acr.len() >= 2
                    && acr.chars().all(|c| c.is_uppercase() || c == '.')
                {
                    let mut j = i - 1;
                    while j > 0 && (is_name_token(&s.tokens[j - 1]) || is_connector(&s.tokens[j - 1].lower)) && (i - 1 - j) < 8 {
                        j -= 1;
                    }
                    while j < i - 1 && (!is_name_token(&s.tokens[j]) || lex.words.non_names.contains(&s.tokens[j])) {
                        j += 1;
                    }
                    if j < i - 1 {
                        let full = &doc[s.tokens[j].start..s.tokens[i - 2].end];
                        if fits_initials(acr, full) {
                            facts.acronyms.insert(acr.to_string(), full.to_string());
                        }
                    }
                }
            }
        }
        facts
    }
}

/// The capitalised words that open the sentences of a document, with a quick test in front of the
/// set (most words of a document fail it): the word's length, and its first and last bytes
/// together, each looked up in a bitmap of the openers'.
struct SentenceOpeners<'s> {
    words: HashSet<&'s str>,
    lengths: u64,
    ends: [u64; 64],
}

impl<'s> SentenceOpeners<'s> {
    fn new(sentences: &'s [Sentence]) -> SentenceOpeners<'s> {
        let mut o = SentenceOpeners {
            words: HashSet::default(),
            lengths: 0,
            ends: [0; 64],
        };
        for t in sentences.iter().filter_map(|s| s.tokens.first()) {
            if t.kind == TokenKind::Word && t.cap {
                let w = t.lower.as_str();
                o.lengths |= 1 << w.len().min(63);
                let e = Self::end_bits(w);
                o.ends[e / 64] |= 1 << (e % 64);
                o.words.insert(w);
            }
        }
        o
    }

    /// The word's first byte and the low five bits of its last, as one bitmap index.
    fn end_bits(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0));
        usize::from(first & 0x7f) | usize::from(last & 0x1f) << 7
    }

    fn contains(&self, word: &str) -> bool {
        let e = Self::end_bits(word);
        self.lengths & (1 << word.len().min(63)) != 0 && self.ends[e / 64] & (1 << (e % 64)) != 0 && self.words.contains(word)
    }
}

/// Whether a hyphen and a word of origin follow token `end`: the name before them is where
/// something is from ("Shenzhen-based", "Iranian-made"), not a name of the graph by itself.
pub(crate) fn origin_after(toks: &[Token], end: usize, lex: &Lexicon) -> bool {
    toks.get(end).is_some_and(|t| t.lower == "-") && toks.get(end + 1).is_some_and(|t| lex.words.origin.contains(t))
}

/// Whether an acronym fits a full name: same first letter, and no longer than the name's words allow.
pub fn fits_initials(acr: &str, full: &str) -> bool {
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
    let words: Vec<&str> = full
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .collect();
    let first = words.first().and_then(|w| w.chars().next());
    !letters.is_empty() && first == letters.first().copied() && (letters.len() <= words.len() + 2 || abbreviates(&letters, full))
}

/// Whether an acronym's letters are the name's words cut short, in order: each capitalised word
/// gives a first part of itself, a lower-case word one or none ("OFMIN" = Office For MINors).
fn abbreviates(letters: &[char], full: &str) -> bool {
    fn go(letters: &[char], words: &[&str]) -> bool {
        let Some((w, rest)) = words.split_first() else {
            return letters.is_empty();
        };
        let chars: Vec<char> = w.chars().flat_map(char::to_uppercase).collect();
        let must = w.chars().next().is_some_and(char::is_uppercase);
        if !must && go(letters, rest) {
            return true;
        }
        let most = if must { chars.len() } else { 1 };
        (1..=most.min(letters.len()))
            .take_while(|&n| chars.get(n - 1) == letters.get(n - 1))
            .any(|n| go(&letters[n..], rest))
    }
    let words: Vec<&str> = full
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .take(12)
        .collect();
    letters.len() <= 12 && go(letters, &words)
}

/// The initials of a name's capitalised words ("Telecommunication Infrastructure Company" -> "TIC").
pub fn initials(full: &str) -> String {
    full.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn near_app_evidence(s: &Sentence, start: usize, end: usize, lex: &Lexicon) -> bool {
    // "switched to Signal", "Rumble owner Chris Pavlovski".
    if lex.app_object_verbs.ending_at(&s.tokens, start, 3).is_some() || company_title_at(&s.tokens, end, lex) {
        return true;
    }
    // "Signal was blocked in Egypt", "Signal has been banned": the passive of a verb that takes apps.
    let mut k = end;
    while k < end + 3
        && s.tokens
            .get(k)
            .is_some_and(|t| lex.words.be.contains(t) || lex.words.have.contains(t))
    {
        k += 1;
    }
    if k > end && lex.app_object_verbs.longest(&s.tokens, k).is_some() {
        return true;
    }
    let lo = start.saturating_sub(4);
    let hi = (end + 3).min(s.tokens.len());
    (lo..hi).any(|j| {
        (j < start || j >= end)
            && (lex.app_cues.starts_at(&s.tokens, j)
                || lex.names.matches(&s.tokens, j).any(|(_, e)| match e.target {
                    NameTarget::Known(k) => {
                        let e = &lex.ontology.entities[k];
                        e.class == crate::model::Class::App && !e.needs_cue
                    }
                    _ => false,
                }))
    })
}

/// Whether a company role with a capitalised name after it starts at `i`: "founder Pavel Durov",
/// "owner Elon Musk" (a title of a non-state person that relates the person to a body).
pub(crate) fn company_title_at(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    lex.titles
        .longest(toks, i)
        .is_some_and(|(len, &spec)| is_company_role(lex, spec) && toks.get(i + len).is_some_and(is_name_token))
}

/// Whether a title is a company role: a non-state person's, relating the person to a body.
fn is_company_role(lex: &Lexicon, spec: usize) -> bool {
    let t = &lex.ontology.titles[spec];
    t.class == Class::Person && t.relation.is_some()
}

/// Whether a cue word is singular ("messenger", "business"), not a plural ("platforms").
fn is_singular(t: &Token) -> bool {
    !t.lower.ends_with('s') || t.lower.ends_with("ss")
}

/// Finds the mentions of one sentence, in order and without overlap.
///
/// (Its passes are kept out of line, `#[inline(never)]`: inlined into this one function they cost
/// about 6 M more instructions per 2 MB of news, through register pressure, than the calls save.)
pub fn find_mentions(doc: &str, s: &Sentence, lex: &Lexicon, facts: &DocFacts) -> Vec<Mention> {
    let toks = &s.tokens;
    let n = toks.len();
    let mut covered = vec![false; n];
    let mut out: Vec<Mention> = Vec::new();

    // The sentence's first word, after a dateline if it opens with one.
    let opening = dateline_end(toks);

    // 1. Lexicon names, longest first at each position.
    let mut i = 0;
    while i < n {
        let mut found = None;
        for (len, entry) in lex.names.matches(toks, i) {
            let written = &doc[toks[i].start..toks[i + len - 1].end];
            if let Some(exact) = &entry.exact {
                if written != exact {
                    continue;
                }
            } else if !toks[i].cap && !toks[i].lower.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if let NameTarget::Known(k) = entry.target {
                if lex.ontology.entities[k].needs_cue && !facts.confirmed.contains(&k) {
                    continue;
                }
                // "The Autoriteit Persoonsgegevens (AP)": an acronym the document defines names
                // what it defines there, not the known entity that shares it.
                if len == 1 && facts.acronyms.get(written).is_some_and(|full| !names_known(lex, full, k)) {
                    continue;
                }
                // "Uganda's Ministry of Information and Communications Technology" is not the
                // ministry of a shorter name: a state body's name that goes on is another body's.
                let goes_on = || {
                    toks.get(i + len).is_some_and(|t| is_name_token(t) && t.kind == TokenKind::Word)
                        && lex.names.matches(toks, i + len).next().is_none()
                };
                if lex.ontology.entities[k].class == Class::Agency && goes_on() {
                    continue;
                }
                // "the Signal Foundation", "VK Group": an app's name that a head noun of a body
                // goes on from names that body, not the app.
                let run_end = (i + len..(i + len + 3).min(n))
                    .take_while(|&x| is_name_token(&toks[x]) && lex.names.matches(toks, x).next().is_none())
                    .last()
                    .map(|x| x + 1);
                if lex.ontology.entities[k].class == Class::App && run_end.is_some_and(|e| head_class(toks, i, e, lex).is_some()) {
                    continue;
                }
            }
            // "Zimbabwe Lawyers for Human Rights": a country's name opening a group's name.
            if is_country_name(entry) && opens_group_for(toks, i + len) {
                break;
            }
            // "France 24", "Russia 1": a channel named by a country and a number.
            if is_country_name(entry) && channel_number(toks, i + len, lex) {
                out.push(body_mention(doc, toks, i, i + len + 1, Class::Organization));
                found = Some((len + 1, None));
                break;
            }
            if is_country_name(entry) && ends_group_name(toks, i, lex) {
                // "the youth group Hami Nepal": the country's name ends the group's.
                break;
            }
            // "the Ankara 1st Criminal Judgeship of Peace": a city and an ordinal open a court's name.
            if entry.form == NameForm::Capital
                && toks.get(i + len).is_some_and(|t| is_ordinal(&t.lower))
                && toks.get(i + len + 1).is_some_and(is_name_token)
            {
                break;
            }
            // "Judge Ana Lima": a capital's name after a given name is a surname; "Judge
            // Wellington Lopes": after a title and before a name word, a given name.
            if entry.form == NameForm::Capital && i > 0 && toks[i - 1].cap && lex.words.name_starts.contains(&toks[i - 1]) {
                break;
            }
            // "Judge Ricardo Lima", "Santana de Abreu Lima": after two words of an unknown name.
            if entry.form == NameForm::Capital
                && i >= 2
                && is_name_token(&toks[i - 1])
                && lex.names.matches(toks, i - 1).next().is_none()
                && (is_name_token(&toks[i - 2]) || is_particle(&toks[i - 2].lower))
                && lex.names.matches(toks, i - 2).next().is_none()
            {
                break;
            }
            if entry.form == NameForm::Capital
                && i > 0
                && toks[i - 1].cap
                && lex.titles.ending_at(toks, i, 3).is_some()
                && toks.get(i + len).is_some_and(is_name_token)
            {
                break;
            }
            // "Victoria Shakina said": a capital that is also a given name, before a name word
            // that is no known name and no head of a body, opens a person's name.
            if entry.form == NameForm::Capital
                && lex.words.name_starts.contains(&toks[i])
                && toks
                    .get(i + len)
                    .is_some_and(|t| is_name_token(t) && !lex.words.non_names.contains(t))
                && lex.names.matches(toks, i + len).next().is_none()
                && head_class(toks, i, i + len + 1, lex).is_none()
            {
                break;
            }
            if entry.form == NameForm::Capital && capital_is_place(toks, i, len, lex) {
                found = Some((len, None));
                break;
            }
            // "Zain Sudan", "Telenor Pakistan": an unknown capitalised word right before a
            // country's name is a company's unit in that country.
            if !s.title_case && is_country_name(entry) && unknown_unit_before(toks, i, len, &covered, opening, lex, facts) {
                let mut unit = body_mention(doc, toks, i - 1, i + len, Class::Organization);
                if let NameTarget::Country(c) = entry.target {
                    unit.country = Some(c);
                }
                out.push(unit);
                covered[i - 1] = true;
                found = Some((len, None));
                break;
            }
            // "Safaricom Ethiopia", "Airtel Africa": a company's unit in a country or region.
            if let Some((end, country)) = company_unit_end(toks, i + len, entry, lex) {
                let mut unit = body_mention(doc, toks, i, end, Class::Organization);
                // "Safaricom Ethiopia" is based in Ethiopia (not "Airtel Africa" anywhere).
                unit.country = country;
                out.push(unit);
                found = Some((end - i, None));
                break;
            }
            found = Some((len, Some(entry.clone())));
            break;
        }
        // Apostrophe-less possessive of a known single-word name: "Irans cyberspace", "Telegrams 40 million".
        if found.is_none() && toks[i].cap && toks[i].lower.len() > 3 && toks[i].lower.ends_with('s') {
            let stem = &toks[i].lower.as_str()[..toks[i].lower.len() - 1];
            let lone = lex.names.matches(toks, i).next().is_none();
            if lone {
                if let Some(entry) = lex.names.by_stem(stem) {
                    let mut m = mention_from_entry(lex, i, i + 1, &entry, stem.to_string());
                    m.possessive = true;
                    covered[i] = true;
                    out.push(m);
                    i += 1;
                    continue;
                }
            }
        }
        match found {
            Some((len, Some(entry))) => {
                let name = doc[toks[i].start..toks[i + len - 1].end].to_string();
                let m = mention_from_entry(lex, i, i + len, &entry, name);
                for c in covered.iter_mut().skip(i).take(len) {
                    *c = true;
                }
                out.push(m);
                i += len;
            }
            Some((len, None)) => {
                for c in covered.iter_mut().skip(i).take(len) {
                    *c = true;
                }
                i += len;
            }
            None => i += 1,
        }
    }

    // 2. Capitalised runs the lexicon did not cover.
    if !s.title_case {
        for (a, b) in name_runs(toks, &covered, opening, lex, facts) {
            for m in classify_run(doc, toks, a, b, lex, facts) {
                for c in covered.iter_mut().take(m.end).skip(m.start) {
                    *c = true;
                }
                out.push(m);
            }
        }
    }
    out.sort_by_key(|m| m.start);

    // 3. Lower-case state bodies ("the ministry of education", "foreign ministry spokesperson").
    lower_case_bodies(doc, toks, &mut covered, &mut out, lex);

    // 4. Unnamed state actors, references and titles without names.
    references(doc, toks, &mut covered, &mut out, lex);
    plural_references(doc, toks, &mut covered, &mut out, lex);
    out.sort_by_key(|m| m.start);

    // 5. Possessives, then titles before person names (with the bodies named with them), then
    // modifiers: a demonym or country possessive before a name belongs to it.
    mark_possessives(toks, &mut out);
    attach_titles(toks, &mut out, lex);
    share_plural_titles(toks, &mut out);
    share_surnames(toks, &mut out, lex);
    attach_modifiers(toks, &mut out, lex);
    attach_country_of(doc, toks, &mut out);
    join_acronym_definitions(toks, &mut out);
    for m in out.iter_mut() {
        // "state-run MPT"; "State-run" is cut at its hyphen.
        let marker = m.start > 0 && lex.state_markers.contains(toks[m.start - 1].lower.as_str())
            || m.start >= 3
                && toks[m.start - 2].lower == "-"
                && lex
                    .state_markers
                    .contains(format!("{}-{}", toks[m.start - 3].lower, toks[m.start - 1].lower).as_str());
        if m.class == Class::Organization && marker {
            m.class = Class::Agency;
        }
    }
    out
}

/// "the brothers Pavel and Nikolai Durov": a lone given name joined by "and" to a person's full
/// name shares its surname, and is a person named in full.
fn share_surnames(toks: &[Token], out: &mut [Mention], lex: &Lexicon) {
    for i in 0..out.len().saturating_sub(1) {
        let (m, n) = (&out[i], &out[i + 1]);
        let lone_given =
            m.kind == MentionKind::Surname && m.end - m.start == 1 && !m.possessive && lex.words.name_starts.contains(&toks[m.start]);
        let joined = toks.get(m.end).is_some_and(|t| t.lower == "and") && n.start == m.end + 1;
        let full = n.kind == MentionKind::Named && n.class.is_person() && (2..=3).contains(&(n.end - n.start));
        if !(lone_given && joined && full) {
            continue;
        }
        // The full name's last word (`rsplit` yields at least one piece).
        let surname = n.name.rsplit(' ').next().unwrap_or_default().to_string();
        let class = n.class;
        let m = &mut out[i];
        m.name = format!("{} {}", m.name, surname);
        m.kind = MentionKind::Named;
        m.class = class;
    }
}

impl<T: Clone> crate::lexicon::PhraseTable<T> {
    /// The value of a one-word phrase equal to `word`.
    pub fn by_stem(&self, word: &str) -> Option<T> {
        let toks = crate::text::tokenize(word, 0);
        let n = toks.len();
        let found = self.matches(&toks, 0).find(|(len, _)| *len == n).map(|(_, v)| v.clone());
        found
    }
}

/// A capital is a place, not the state, after "in", "at", "from", before ", <country>", or in a
/// dateline; but not after a word of origin and "in" ("based in Abu Dhabi" names the country a
/// company is based in).
fn capital_is_place(toks: &[Token], i: usize, len: usize, lex: &Lexicon) -> bool {
    if i >= 2 && toks[i - 1].lower == "in" && lex.words.origin.contains(&toks[i - 2]) {
        return false;
    }
    let before = i.checked_sub(1).map(|j| toks[j].lower.as_str());
    let after = toks.get(i + len).map(|t| t.lower.as_str());
    matches!(
        before,
        Some("in") | Some("at") | Some("from") | Some("to") | Some("near") | Some("outside")
    ) || (i == 0 && matches!(after, Some(":") | Some("(") | Some("-") | Some(",")))
        || (after == Some(",")
            && toks
                .get(i + len + 1)
                .is_some_and(|t| lex.names.starts_at(toks, i + len + 1) && t.cap))
}

/// The lexicon entries that the tokens of a full name (from an acronym's definition) are as a
/// whole, in the lexicon's order.
fn whole_name_entries(lex: &Lexicon, toks: &[Token]) -> Vec<crate::lexicon::NameEntry> {
    lex.names
        .matches(toks, 0)
        .filter(|(len, _)| *len == toks.len())
        .map(|(_, e)| e.clone())
        .collect()
}

/// Whether a full name (from an acronym's definition) is, as a whole, a name of known entity `k`.
fn names_known(lex: &Lexicon, full: &str, k: usize) -> bool {
    whole_name_entries(lex, &crate::text::tokenize(full, 0))
        .iter()
        .any(|e| matches!(e.target, NameTarget::Known(j) if j == k))
}

fn mention_from_entry(lex: &Lexicon, start: usize, end: usize, entry: &crate::lexicon::NameEntry, written: String) -> Mention {
    match entry.target {
        NameTarget::Country(c) => {
            let kind = if entry.form == NameForm::Demonym {
                MentionKind::Demonym
            } else {
                MentionKind::Named
            };
            let mut m = Mention::new(start, end, Class::Country, kind, written);
            m.key = Some(country_key(lex, c));
            m.country = Some(c);
            m
        }
        NameTarget::Known(k) => {
            let e = &lex.ontology.entities[k];
            let mut m = Mention::new(start, end, e.class, MentionKind::Named, written);
            m.key = Some(known_key(lex, k));
            m.country = lex.entity_countries.get(k).copied().flatten();
            m
        }
    }
}

/// Maximal runs of capitalised words not covered by the lexicon, split where a name cannot continue.
/// `opening` is where the sentence's first word stands, after a dateline if it opens with one
/// ("CARACAS, Aug. 9, 2024 - Access to X was restricted": "Access" opens the sentence).
#[inline(never)]
fn name_runs(toks: &[Token], covered: &[bool], opening: usize, lex: &Lexicon, facts: &DocFacts) -> Vec<(usize, usize)> {
    let n = toks.len();
    let mut runs = Vec::new();
    // A name token not yet covered; a weekday is never part of a name ("the Ministry of
    // Electronics on Monday" is the ministry, then a date), nor a month after a preposition
    // ("In November Judge Rosa Molloy"; Theresa May keeps hers).
    let month_date = |k: usize| k > 0 && lex.words.months.get(&toks[k]).is_some() && lex.words.prepositions.contains(&toks[k - 1]);
    let continues = |k: usize| !covered[k] && is_name_token(&toks[k]) && lex.words.weekdays.get(&toks[k]).is_none() && !month_date(k);
    let mut i = 0;
    while i < n {
        // A title opening a sentence starts the name it precedes even when the document also has
        // the word in lower case ("A justice of the court ... Justice Alexandre de Moraes told").
        let titles_name = || {
            lex.titles
                .longest(toks, i)
                .is_some_and(|(len, _)| i + len < n && continues(i + len))
        };
        let opens_name = || lex.words.name_openers.contains(&toks[i]) && i + 1 < n && continues(i + 1);
        // "Access Now, an international digital rights group, called ...": an apposition saying
        // what the capitalised words name makes them a name, though the first is a common word.
        let named_by_apposition = || {
            let mut j = i + 1;
            while j < n && continues(j) {
                j += 1;
            }
            j > i + 1 && apposition_class(toks, j, lex).is_some()
        };
        // "Human Rights Watch called ...", "Open Whisper Systems, which": a common word opening
        // a sentence starts a name when two more capitalised name words follow it.
        // A verb opens none ("Block Telegram Users"), unless a head noun closes the three
        // ("Open Whisper Systems").
        let long_name = || {
            i + 2 < n
                && continues(i + 1)
                && continues(i + 2)
                && (!lex.is_trigger(&toks[i]) || lex.organization_heads.longest(toks, i + 2).is_some())
        };
        // "Access to X was restricted": a lone capitalised word opening a sentence before a
        // preposition is an ordinary word, though the document never writes it in lower case.
        let word_before_preposition =
            || i == opening && i + 1 < n && lex.words.prepositions.contains(&toks[i + 1]) && toks[i + 1].lower != "of";
        let starts = continues(i)
            && !word_before_preposition()
            && (opens_name()
                || ((i != opening || !is_common_word(&toks[i], lex, facts) || titles_name() || named_by_apposition() || long_name())
                    && !lex.words.non_names.contains(&toks[i])));
        if !starts {
            i += 1;
            continue;
        }
        // "Ministry of Trade, Industry and Energy": a ministry's list of portfolios goes on past
        // commas and "and the" while each item opens with a portfolio (cues.toml portfolios).
        let ministry_of = i + 1 < n && lex.portfolio_of_heads.contains(&toks[i]) && toks[i + 1].lower == "of";
        let portfolio_at = |k: usize| k < n && continues(k) && lex.portfolios.longest(toks, k).is_some();
        let mut in_list = false;
        let mut j = i + 1;
        loop {
            if ministry_of && toks[j.min(n - 1)].lower == "," && portfolio_at(j + 1) {
                in_list = true;
                j += 2;
            } else if in_list && j + 2 < n && toks[j].lower == "and" && toks[j + 1].lower == "the" && portfolio_at(j + 2) {
                j += 3;
            } else if j < n && continues(j) {
                j += 1;
            } else if j + 1 < n && toks[j].lower == "'s" && lex.words.name_possessors.contains(&toks[j - 1]) && continues(j + 1) {
                // "the Republican People's Party".
                j += 2;
            } else if j + 1 < n && (is_connector(&toks[j].lower) || is_ordinal(&toks[j].lower)) && continues(j + 1) {
                // "Supreme Council of Cyberspace"; "Adana 6th Criminal Court of Peace".
                j += 2;
            } else if j + 2 < n
                && (toks[j].lower == "of" && toks[j + 1].lower == "the" || is_particle(&toks[j].lower) && is_particle(&toks[j + 1].lower))
                && continues(j + 2)
            {
                j += 3;
            } else {
                break;
            }
        }
        // "the Network Enforcement Act", "the Computer Crime Act": a law's name names nothing
        // of the graph.
        if j - i >= 2 && lex.law_heads.contains(&toks[j - 1]) {
            i = j;
            continue;
        }
        // Trim connectors at either end.
        split_run(toks, i, j, lex, &mut runs);
        i = j;
    }
    runs
}

/// The index of the first word after a dateline ("CARACAS, Aug. 9, 2024 - ", "LONDON (wire) – "):
/// a dash within the first twelve tokens with no lower-case word before it outside brackets.
/// 0 when the sentence has no dateline.
fn dateline_end(toks: &[Token]) -> usize {
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().take(12) {
        match t.lower.as_str() {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            "-" | "–" | "—" if k > 0 => return k + 1,
            _ if depth == 0 && t.kind == TokenKind::Word && !t.cap => return 0,
            _ => {}
        }
    }
    0
}

/// Whether the capitalised token that opens a sentence is an ordinary word (it appears in lower
/// case elsewhere).
fn is_common_word(t: &Token, lex: &Lexicon, facts: &DocFacts) -> bool {
    lex.words.non_names.contains(t) || facts.lower_seen.contains(t.lower.as_str()) || lex.is_trigger(t)
}

/// Splits a run after a head noun followed by more names ("... Commission Alaeddin Boroujerdi"),
/// and at "and" unless the run is one body's name. The names go onto `out`.
fn split_run(toks: &[Token], a: usize, b: usize, lex: &Lexicon, out: &mut Vec<(usize, usize)>) {
    let ends_with_head = |x: usize, y: usize| {
        y > x
            && (lex.agency_heads.ending_at(toks, y, 3).is_some_and(|(s, _)| s >= x)
                || lex.organization_heads.ending_at(toks, y, 3).is_some_and(|(s, _)| s >= x))
    };
    let final_head = lex.agency_heads.ending_at(toks, b, 3).map(|(s, _)| s);
    for k in a + 1..b {
        // "Cabinet Office", "Parliament Committee": what follows the head is a head itself, and
        // the whole one body's name.
        let rest_is_head = || final_head.is_some_and(|s| s <= k);
        // "Chief Cabinet Secretary Yoshimasa Hayashi": a title over the head noun is no body's name.
        let title_spans = || (a..k).any(|t| lex.titles.longest(toks, t).is_some_and(|(len, _)| t + len > k));
        if is_name_token(&toks[k]) && ends_with_head(a, k) && !is_connector(&toks[k].lower) && !rest_is_head() && !title_spans() {
            // A head noun then a new capitalised word: two names.
            let head_end = k;
            // "Government Information Department": a lone head word opening a body's name is
            // part of it.
            // So is one before another head: "Media Institute of Southern Africa".
            let starts_with_head = || lex.organization_heads.longest(toks, k).is_some() || lex.agency_heads.longest(toks, k).is_some();
            let opens_body = k == a + 1 && (ends_with_head(k, b) || starts_with_head());
            if !opens_body && (!ends_with_head(a, b) || lex.titles.longest(toks, k).is_some() || (b - k) <= 3) {
                out.push((a, head_end));
                return split_run(toks, k, b, lex, out);
            }
        }
    }
    // "Judge Maria Santos of the Supreme Court": a title and a name, then the body they serve.
    if let Some((title_len, _)) = lex.titles.longest(toks, a) {
        let name_end = (a + title_len..b).find(|&k| !is_name_token(&toks[k]) && !is_particle(&toks[k].lower));
        if let Some(k) = name_end.filter(|&k| k > a + title_len && toks[k].lower == "of") {
            let body = if toks.get(k + 1).is_some_and(|t| t.lower == "the") {
                k + 2
            } else {
                k + 1
            };
            // "of the Sergipe Court of Justice": the body's head may stand before its own "of".
            // "Judge Santiago Pedraz of the Audiencia Nacional": a name of a few words with no
            // head is the body the title is held in all the same.
            let body_named = body < b
                && (ends_with_head(body, b)
                    || head_class(toks, body, b, lex).is_some()
                    || b - body <= 4 && (body..b).all(|x| is_name_token(&toks[x])));
            if body_named && head_class(toks, a, k, lex).is_none() {
                out.push((a, k));
                return split_run(toks, body, b, lex, out);
            }
        }
    }
    if head_class(toks, a, b, lex).is_none() && !spelled_by_acronym(toks, a, b) {
        // Without a head noun the connectors join nothing: "Firouzabadi on Wednesday", "Jahangiri and Ghassemi".
        let has_title = (a..b).any(|k| lex.titles.starts_at(toks, k));
        // "Lawyers for Human Rights", "Movement for Democratic Change": "for" between capitalised
        // words, two or more after it, joins one group's name.
        // A plural title there is the group's own word: "Lawyers for Human Rights".
        let plural_title_before = |k: usize| {
            toks[k - 1].lower.ends_with('s')
                && lex.titles.ending_at(toks, k, 3).is_some()
                && (a..k).filter(|&x| lex.titles.starts_at(toks, x)).count() == 1
        };
        let group_for = |k: usize| {
            toks[k].lower == "for" && (!has_title || plural_title_before(k)) && b - k >= 3 && (k + 1..b).all(|x| is_name_token(&toks[x]))
        };
        let splits = |k: usize| CONNECTORS.contains(&toks[k].lower.as_str()) && (toks[k].lower != "of" || !has_title) && !group_for(k);
        if let Some(k) = (a + 1..b).find(|&k| splits(k)) {
            out.push((a, k));
            return split_run(toks, k + 1, b, lex, out);
        }
    }
    let mut a = a;
    let mut b = b;
    // A capitalised particle opening a name is part of it: "La Quadrature du Net", "Al Jazeera".
    while a < b && is_connector(&toks[a].lower) && !(toks[a].cap && is_particle(&toks[a].lower) && a + 1 < b) {
        a += 1;
    }
    while b > a && is_connector(&toks[b - 1].lower) {
        b -= 1;
    }
    if a < b {
        out.push((a, b));
    }
}

/// The title of the person named right before "of (the)" at `a`: "Judge Santiago Pedraz of the
/// Audiencia Nacional" gives the judge's title for the name at "Audiencia".
fn title_of_name_before(toks: &[Token], a: usize, lex: &Lexicon) -> Option<usize> {
    let of = if a >= 1 && toks[a - 1].lower == "the" {
        a.checked_sub(2)?
    } else {
        a.checked_sub(1)?
    };
    if toks[of].lower != "of" {
        return None;
    }
    let mut k = of;
    while k > 0 && of - k < 5 && is_name_token(&toks[k - 1]) && !lex.titles.starts_at(toks, k - 1) {
        k -= 1;
    }
    if k == of {
        return None;
    }
    (0..k.min(4)).map(|len| k - 1 - len).find_map(|s| {
        lex.titles
            .longest(toks, s)
            .filter(|(len, _)| s + len == k && toks[s].cap)
            .map(|(_, &spec)| spec)
    })
}

/// Whether capitalised words at `k` go on to "for" and two more capitalised words: the rest of a
/// group's name ("[Zimbabwe] Lawyers for Human Rights").
fn opens_group_for(toks: &[Token], k: usize) -> bool {
    let mut x = k;
    while x < toks.len() && x < k + 3 && is_name_token(&toks[x]) {
        x += 1;
    }
    x > k
        && toks.get(x).is_some_and(|t| t.lower == "for")
        && toks.get(x + 1).is_some_and(is_name_token)
        && toks.get(x + 2).is_some_and(is_name_token)
}

/// Whether a short number follows at `at` and ends a channel's name ("France 24,", "accused
/// France 24 of", "France 24 was"): a number of one to three digits, then punctuation, a capital,
/// a function word or a verb of saying; not a noun it counts ("in France 24 people").
fn channel_number(toks: &[Token], at: usize, lex: &Lexicon) -> bool {
    toks.get(at)
        .is_some_and(|t| t.kind == TokenKind::Number && t.lower.len() <= 3 && t.lower.bytes().all(|b| b.is_ascii_digit()))
        && toks.get(at + 1).is_none_or(|t| {
            t.kind == TokenKind::Punct && !matches!(t.lower.as_str(), "%" | "-")
                || t.cap
                || lex.is_function_word(t)
                || matches!(t.lower.as_str(), "of" | "and" | "or" | "'s")
                || lex.words.be.contains(t)
                || lex.words.have.contains(t)
                || lex.words.reporting.contains(t)
        })
}

/// Whether an acronym in brackets after the run spells the initials of its capitalised words:
/// "Myanma Posts and Telecommunications (MPT)", "National League for Democracy (NLD)" are one
/// name each, connectors and all.
fn spelled_by_acronym(toks: &[Token], a: usize, b: usize) -> bool {
    toks.get(b).is_some_and(|t| t.lower == "(")
        && toks.get(b + 2).is_some_and(|t| t.lower == ")")
        && toks.get(b + 1).is_some_and(|t| {
            let initials: String = (a..b)
                .filter(|&k| toks[k].cap)
                .filter_map(|k| toks[k].lower.chars().next())
                .collect();
            initials.len() >= 2 && t.lower.as_str() == initials
        })
}

/// Classifies a capitalised run by titles, head nouns, app cues and context.
#[inline(never)]
fn classify_run(doc: &str, toks: &[Token], a: usize, b: usize, lex: &Lexicon, facts: &DocFacts) -> Vec<Mention> {
    let particle = |x: usize| is_particle(&toks[x].lower);
    let text = |x: usize, y: usize| doc[toks[x].start..toks[y - 1].end].to_string();
    // "Shenzhen-based": a place of origin, not a name of the graph.
    if origin_after(toks, b, lex) {
        return Vec::new();
    }
    // "the 60-year-old Socialist leader", "the first European country": a lone capitalised word
    // between a lower-case word and a title or a description of a person, body or country (no
    // name after it) is an adjective.
    let described = |k: usize| {
        let is_app = |c: &Vec<Class>| c.iter().all(|&c| c == Class::App);
        let len = lex
            .titles
            .longest(toks, k)
            .map(|(len, _)| len)
            .or_else(|| lex.definite.longest(toks, k).filter(|(_, c)| !is_app(c)).map(|(len, _)| len));
        len.is_some_and(|len| !toks[k].cap && toks.get(k + len).is_none_or(|t| !is_name_token(t)))
    };
    if b - a == 1 && a > 0 && (!toks[a - 1].cap || a == 1 && toks[0].lower == "the") && described(b) {
        return Vec::new();
    }
    // "VK Group" after a known "VK": a lone head word names nothing by itself.
    // But a country's name before one is the start of a company's ("Sri Lanka Telecom").
    let country_before = || lex.names.ending_at(toks, a, 3).is_some_and(|(_, e)| is_country_name(e));
    let lone_head = |t: &crate::lexicon::PhraseTable<()>| t.longest(toks, a).is_some_and(|(len, _)| len == 1);
    if b - a == 1 && a > 0 && toks[a - 1].cap && [&lex.organization_heads, &lex.agency_heads].into_iter().any(lone_head) {
        if lone_head(&lex.organization_heads) && country_before() {
            return vec![Mention::new(a, b, Class::Organization, MentionKind::Named, text(a, b))];
        }
        // "The U.S. Embassy in Moscow", "the Iranian Parliament": a country's word before a
        // state body's head names that body.
        let country_word_before = lex
            .names
            .ending_at(toks, a, 3)
            .is_some_and(|(_, e)| matches!(e.target, NameTarget::Country(_)) && e.form != NameForm::Capital);
        if lex.named_body_heads.contains(&toks[a]) && country_word_before {
            let mut m = Mention::new(a, b, Class::Agency, MentionKind::Named, text(a, b));
            m.refs = vec![Class::Agency];
            return vec![m];
        }
        return Vec::new();
    }
    // Acronym defined in the text or a known entity's acronym.
    if b - a == 1 {
        if let Some(full) = facts.acronyms.get(toks[a].text(doc)) {
            let inner = crate::text::tokenize(full, 0);
            // The acronym of a known entity's name is that entity.
            if let Some(entry) = whole_name_entries(lex, &inner).first() {
                return vec![mention_from_entry(lex, a, b, entry, toks[a].text(doc).to_string())];
            }
            let cls = head_class(&inner, 0, inner.len(), lex).unwrap_or(Class::Organization);
            let mut m = Mention::new(a, b, cls, MentionKind::Named, full.clone());
            m.refs = vec![cls];
            return vec![m];
        }
    }
    // "LY Chief Executive Takeshi Idezawa", "SoftBank CEO Junichi Miyakawa": a name before a
    // company role in one run is the company, and the person follows.
    if let Some(ft) = (a + 1..b)
        .find(|&k| lex.titles.starts_at(toks, k))
        .filter(|_| !lex.titles.starts_at(toks, a))
    {
        let company_role = lex
            .titles
            .longest(toks, ft)
            .is_some_and(|(len, &spec)| ft + len < b && is_company_role(lex, spec));
        if company_role && ft - a <= 3 && (a..ft).all(|x| is_name_token(&toks[x])) {
            let mut out = vec![Mention::new(a, ft, Class::Organization, MentionKind::Named, text(a, ft))];
            out.extend(classify_run(doc, toks, ft, b, lex, facts));
            return out;
        }
    }
    // Titles inside the run: the name is what follows the last title.
    let mut last_title_end = None;
    let mut k = a;
    while k < b {
        if let Some((len, _)) = lex.titles.longest(toks, k) {
            if k + len < b {
                last_title_end = Some(k + len);
            }
            k += len;
        } else {
            k += 1;
        }
    }
    if let Some(ne) = last_title_end {
        let name_ok = (ne..b).all(|x| is_name_token(&toks[x]) || particle(x) && x > ne && x + 1 < b)
            // Portuguese and Spanish names run long: "Ricardo Mucio Santana de Abreu Lima".
            && (b - ne <= 5 || b - ne <= 7 && (ne..b).any(particle))
            && head_class(toks, ne, b, lex).is_none()
            // "The Bloggers Association": a lone head word after a title is no one's name.
            && !(b - ne == 1 && [&lex.organization_heads, &lex.agency_heads].into_iter().any(|t| t.longest(toks, ne).is_some()));
        if name_ok {
            let mut m = Mention::new(a, b, Class::Person, MentionKind::Named, text(ne, b));
            // "former President Jair Bolsonaro": an office once held is none now.
            let former = once_held(toks, a);
            let mut k = if former { ne } else { a };
            while k < ne {
                if let Some((len, &spec)) = lex.titles.longest(toks, k) {
                    m.titles.push(TitleUse {
                        spec,
                        text: folded_words(toks, k, k + len),
                        body: None,
                    });
                    k += len;
                } else {
                    k += 1;
                }
            }
            m.class = person_class(&m.titles, lex);
            return vec![m];
        }
    }
    // "Lawyers for Human Rights": a name joined by "for" is a group's.
    let joined_by_for = b - a >= 3 && (a + 1..b - 1).any(|k| toks[k].lower == "for");
    if let Some(cls) = head_class(toks, a, b, lex)
        .or_else(|| (b - a >= 3 && spelled_by_acronym(toks, a, b) || joined_by_for).then_some(Class::Organization))
    {
        let mut m = Mention::new(a, b, cls, MentionKind::Named, text(a, b));
        m.refs = vec![cls];
        return vec![m];
    }
    // A state-body noun right before a lone name: "the telecommunications regulator Anatel";
    // or in an apposition after one: "Italy's data protection authority, the Garante,"; or an
    // apposition after the name saying it is one: "Vestri, the Polish regulator,".
    let body_noun = a > 0 && lex.body_nouns.contains(&toks[a - 1]) && !toks[a].text(doc).chars().all(|c| !c.is_lowercase());
    let apposed_body = {
        let mut c = if a > 0 && toks[a - 1].lower == "the" { a - 1 } else { a };
        // "The regulator, known as the Garante,".
        if c >= 2 && toks[c - 1].lower == "as" && toks[c - 2].lower == "known" {
            c -= 2;
            if c >= 1 && toks[c - 1].lower == "also" {
                c -= 1;
            }
        }
        // The apposition closes after the name: "According to the watchdog, Didi gathered" is a
        // clause of its own.
        let closes = toks
            .get(b)
            .is_none_or(|t| matches!(t.lower.as_str(), "," | "." | "(" | ")" | ";" | ":" | "'s"));
        closes && c >= 2 && toks[c - 1].lower == "," && !toks[c - 2].cap && lex.appositive_body_nouns.contains(&toks[c - 2])
    };
    let apposition = apposition_class(toks, b, lex);
    if b - a == 1 && body_noun || b - a <= 3 && apposed_body || apposition == Some(Class::Agency) {
        let mut m = Mention::new(a, b, Class::Agency, MentionKind::Named, text(a, b));
        m.refs = vec![Class::Agency];
        return vec![m];
    }
    // App cues around: "Gap messenger", "the messenger Soroush", "messengers Soroush and Gap".
    // A singular cue only: "Gap messenger" names an app, "Western platforms" names a group.
    let cue_after = lex
        .app_cues
        .longest(toks, b)
        .is_some_and(|(len, _)| is_singular(&toks[b + len - 1]));
    // "an app called Koo", "a group called Mahason Balakaya": the noun before the naming word.
    let cue_end = if a > 0 && lex.words.naming.contains(&toks[a - 1]) {
        a - 1
    } else {
        a
    };
    let cue_before = lex.app_cues.ending_at(toks, cue_end, 3).is_some() || in_cued_list(toks, a, lex) || among_known_apps(toks, a, b, lex);
    let formerly = toks.get(b).is_some_and(|t| t.lower == ",") && lex.former_name_markers.contains_at(toks, b + 1);
    if cue_after
        || cue_before
        || formerly
        || apposition == Some(Class::App)
        || toks[a].lower.contains('.') && is_domain(toks[a].lower.as_str())
    {
        return vec![Mention::new(a, b, Class::App, MentionKind::Named, text(a, b))];
    }
    // A company named by what it is: "VNG, a Vietnamese company", "the Vietnamese company VNG".
    let org_before = b - a <= 3
        && cue_end > 0
        && !toks[cue_end - 1].cap
        && lex
            .organization_heads
            .ending_at(toks, cue_end, 2)
            .is_some_and(|(s, _)| !toks[s].cap);
    // A company by the role of someone in it: "chief executive of Bridget Connect", "founder of
    // Nexa Labs" (a company role, titles.toml, then "of"); a body by any office held in it: "the
    // leader of Chadema" (a lone name there is no surname).
    let role_of = a >= 2
        && b - a <= 4
        && toks[a - 1].lower == "of"
        && lex
            .titles
            .ending_at(toks, a - 1, 4)
            .is_some_and(|(s, &spec)| !toks[s].cap && (is_company_role(lex, spec) || b - a == 1 && !lex.ontology.titles[spec].honorific));
    // "the five mobile carriers - Vivo, Claro, TIM, Oi and Nextel": a list a company head
    // introduces across a dash or a colon.
    let org_list = b - a <= 3 && in_list_cued_by(toks, a, lex, &lex.organization_heads);
    // "Judge Santiago Pedraz of the Audiencia Nacional": the body a title before a name is held
    // in, a state body for a state office.
    if let Some(spec) = title_of_name_before(toks, a, lex).filter(|_| b - a <= 4) {
        let cls = if lex.ontology.titles[spec].class == Class::Official {
            Class::Agency
        } else {
            Class::Organization
        };
        let mut m = Mention::new(a, b, cls, MentionKind::Named, text(a, b));
        m.refs = vec![cls];
        return vec![m];
    }
    // "the game's publisher, Krafton,", "their owner, Meta Platforms": a company's relation to
    // an app (cues.toml apposition_relations) apposed to a lone name.
    // A lone word only: "X's owner, Elon Musk" is a person.
    let relation_before = b - a == 1
        && a >= 2
        && toks[a - 1].lower == ","
        && !lex.words.name_starts.contains(&toks[a])
        && lex.apposition_relations.ending_at(toks, a - 1, 3).is_some();
    if apposition == Some(Class::Organization) || org_before || role_of || org_list || relation_before {
        // "the state telecommunications monopoly ETECSA": a state-owned company is a state body.
        let cls = if org_before {
            company_class(toks, cue_end.saturating_sub(6), cue_end)
        } else {
            Class::Organization
        };
        return vec![Mention::new(a, b, cls, MentionKind::Named, text(a, b))];
    }
    // A person by speech ("said Abolhasan Firouzabadi", "Firouzabadi said") or a lone surname.
    let speech_after = toks.get(b).is_some_and(|t| lex.words.reporting.contains(t));
    let speech_before = a > 0 && lex.words.reporting.contains(&toks[a - 1]);
    // A month's short form is a date only before a dot or a number: "Jan Koum" is a name.
    let short_month = |x: usize| {
        toks[x].lower.len() <= 4
            && !matches!(toks[x].lower.as_str(), "may" | "june" | "july")
            && !toks.get(x + 1).is_some_and(|t| t.lower == "." || t.kind == TokenKind::Number)
    };
    let calendar = |x: usize| lex.words.months.get(&toks[x]).is_some() && !short_month(x) || lex.words.weekdays.get(&toks[x]).is_some();
    let all_caps = |x: usize| toks[x].text(doc).chars().all(|c| !c.is_lowercase());
    // A middle initial ("Michael R. Pompeo") is a name word.
    let initial = |x: usize| x > a && x + 1 < b && toks[x].lower.len() == 2 && toks[x].lower.ends_with('.');
    // "Krafton's chief executive, CH Kim": initials in capitals open a name a title goes with.
    let initials_first = |x: usize| {
        x == a
            && b - a == 2
            && (2..=3).contains(&toks[x].lower.len())
            && !all_caps(a + 1)
            && (title_before(toks, a, lex).is_some() || apposed_title_before(toks, a, lex).is_some())
    };
    let all_names = (a..b).all(|x| {
        initial(x) || is_name_token(&toks[x]) && !toks[x].lower.contains('.') && !calendar(x) && (!all_caps(x) || initials_first(x))
    });
    if b - a == 1 && all_caps(a) && (2..=6).contains(&toks[a].lower.len()) && !calendar(a) {
        // An acronym: resolved against the initials of names in the document, or dropped.
        return vec![Mention::new(a, b, Class::Organization, MentionKind::Surname, text(a, b))];
    }
    // "Alexandre de Moraes", "Pieter van der Berg": name words with particles between them are a
    // personal name ("La Quadrature du Net" opens with its particle and is left alone).
    let particle_name = (3..=6).contains(&(b - a))
        && !particle(a)
        && !particle(b - 1)
        && (a..b).any(particle)
        && (a..b).all(|x| particle(x) || is_name_token(&toks[x]) && !calendar(x) && !all_caps(x));
    if particle_name {
        return vec![Mention::new(a, b, Class::Person, MentionKind::Named, text(a, b))];
    }
    // The text says a name is a person's: speech, or a title before, apposed or after it. A name
    // of four words is a person's only then ("Le Quang Tu Do, head of the broadcasting authority,").
    let person_cue = || {
        speech_after
            || speech_before
            || title_before(toks, a, lex).is_some()
            || listed_after_plural_title(toks, a, lex)
            || apposed_title_before(toks, a, lex).is_some()
            || apposition_title(toks, b, lex).is_some()
            || apposed_former_title(toks, b, lex)
    };
    if all_names && b - a == 4 && person_cue() {
        return vec![Mention::new(a, b, Class::Person, MentionKind::Named, text(a, b))];
    }
    if all_names && b - a <= 3 {
        let kind = if b - a == 1 { MentionKind::Surname } else { MentionKind::Named };
        let who_after = toks.get(b).is_some_and(|t| t.lower == "who")
            || toks.get(b).is_some_and(|t| t.lower == ",") && toks.get(b + 1).is_some_and(|t| t.lower == "who");
        // A full name acting in a relative clause or the agent of a passive: "which Elon Musk
        // bought", "built by Aprameya Radhakrishna". Not a sentence's own subject: "Hong Kong
        // blocked" and "Silicon Valley criticised" are as often places or bodies.
        let is_title = lex.titles.longest(toks, a).is_some_and(|(len, _)| a + len >= b);
        let relative_subject = a > 0 && lex.words.relatives.contains(&toks[a - 1]) && verb_follows(toks, b, lex);
        let agent = a >= 2 && toks[a - 1].lower == "by" && lex.is_trigger(&toks[a - 2]);
        let acts = b - a >= 2 && !is_title && (relative_subject || agent);
        // A run that starts with a personal name is a full name wherever it stands: "Elon Musk
        // criticised the ruling", "Zhang Yiming stepped down".
        let personal = b - a >= 2 && !is_title && lex.words.name_starts.contains(&toks[a]);
        // "Viber, owned by Japan's Rakuten", "owned by Rakuten": a lone name that owns, with no
        // title, is a company's.
        let owned_by_before = |x: usize| x >= 2 && toks[x - 1].lower == "by" && lex.words.owner_origin.contains(&toks[x - 2]);
        let country_owned = a >= 2
            && toks[a - 1].lower == "'s"
            && lex
                .names
                .ending_at(toks, a - 1, 3)
                .is_some_and(|(s, e)| is_country_name(e) && owned_by_before(s));
        let owner = owned_by_before(a) || a >= 2 && toks[a - 1].lower == "of" && lex.unit_nouns.contains(&toks[a - 2]);
        if b - a == 1 && (country_owned || owner) && !person_cue() {
            return vec![Mention::new(a, b, Class::Organization, MentionKind::Named, text(a, b))];
        }
        if personal || acts || who_after || b - a == 1 || person_cue() {
            return vec![Mention::new(a, b, Class::Person, kind, text(a, b))];
        }
        // A name of a few words right after a relation's verb, that starts with no personal name:
        // "fined Didi Global", "banned Boss Zhipin". An app after a verb that takes apps, else a
        // company.
        if b - a >= 2 && a > 0 && !toks[a - 1].cap && lex.is_trigger(&toks[a - 1]) {
            let cls = if lex.app_object_verbs.ending_at(toks, a, 3).is_some() {
                Class::App
            } else {
                Class::Organization
            };
            return vec![Mention::new(a, b, cls, MentionKind::Named, text(a, b))];
        }
    }
    Vec::new()
}

/// A named body's mention over tokens `a..b`, which descriptions of its own class ("the
/// ministry", "the company") may refer back to.
fn body_mention(doc: &str, toks: &[Token], a: usize, b: usize, class: Class) -> Mention {
    let mut m = Mention::new(a, b, class, MentionKind::Named, doc[toks[a].start..toks[b - 1].end].to_string());
    m.refs = vec![class];
    m
}

/// Whether a lexicon entry is a country's name (not its demonym or capital).
fn is_country_name(entry: &crate::lexicon::NameEntry) -> bool {
    matches!(entry.target, NameTarget::Country(_)) && entry.form == NameForm::Name
}

/// Whether the country's name at `i` (of `len` tokens) closes a company unit's name with the one
/// unknown capitalised word before it: "Zain Sudan", "Telenor Pakistan". Not at a sentence's
/// opening when it is an ordinary word ("Neighbouring Sudan"), nor after a title, a month, a
/// weekday, a word of place (cues.toml `place_modifiers`) or another name word, nor before one.
/// (The caller keeps title-case headlines out.)
fn unknown_unit_before(toks: &[Token], i: usize, len: usize, covered: &[bool], opening: usize, lex: &Lexicon, facts: &DocFacts) -> bool {
    unknown_word_before(toks, i, covered, opening, lex, facts) && !toks.get(i + len).is_some_and(|t| is_name_token(t) || t.lower == "-")
}

/// Whether the word before `i` is one unknown capitalised name word that may open a name with the
/// country's at `i`; `opening` is where the sentence's first word stands (`dateline_end`).
fn unknown_word_before(toks: &[Token], i: usize, covered: &[bool], opening: usize, lex: &Lexicon, facts: &DocFacts) -> bool {
    if i == 0 {
        return false;
    }
    let w = &toks[i - 1];
    let lone = i < 2 || !is_name_token(&toks[i - 2]) && !is_particle(&toks[i - 2].lower);
    // At the opening only a word the document never writes in lower case: "Zain Sudan is a
    // unit of ..." but not "Neighbouring Sudan".
    let opens_plainly = i - 1 > opening || i - 1 == opening && !is_common_word(w, lex, facts) && !w.lower.ends_with("ing");
    lone && opens_plainly
        && is_name_token(w)
        && w.kind == TokenKind::Word
        && !covered[i - 1]
        && !lex.words.non_names.contains(w)
        && !lex.place_modifiers.contains(w)
        && lex.words.months.get(w).is_none()
        && lex.words.weekdays.get(w).is_none()
        && lex.titles.ending_at(toks, i, 3).is_none()
        && lex.names.matches(toks, i - 1).next().is_none()
}

/// Where the name of a known company's unit ends, when a country's name or a world region
/// (cues.toml `unit_regions`) follows the company's name at `at`: "Safaricom Ethiopia", "Airtel
/// Africa". Not a place of origin ("Safaricom Kenya-based"). With the end, the country the unit
/// is in (none for a region).
fn company_unit_end(toks: &[Token], at: usize, entry: &crate::lexicon::NameEntry, lex: &Lexicon) -> Option<(usize, Option<usize>)> {
    let NameTarget::Known(k) = entry.target else {
        return None;
    };
    if lex.ontology.entities[k].class != Class::Organization || !toks.get(at).is_some_and(|t| t.cap) {
        return None;
    }
    let (len, country) = if lex.unit_regions.contains_at(toks, at) {
        (1, None)
    } else {
        lex.names.matches(toks, at).find_map(|(len, e)| match e.target {
            NameTarget::Country(c) if e.form == NameForm::Name => Some((len, Some(c))),
            _ => None,
        })?
    };
    let end = at + len;
    toks.get(end).is_none_or(|t| t.lower != "-").then_some((end, country))
}

/// Whether the known country name at `i` closes a name that a lower-case organisation noun
/// introduces: "the youth group Hami Nepal", "the rights group Free Kenya".
fn ends_group_name(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let mut a = i;
    while a > 0 && i - a < 2 && toks[a - 1].cap && toks[a - 1].kind == TokenKind::Word {
        a -= 1;
    }
    a < i && lex.organization_heads.ending_at(toks, a, 2).is_some_and(|(s, _)| !toks[s].cap)
}

/// Where a verb group's main verb would stand when it starts at `b`: past up to two auxiliaries,
/// adverbs or modals ("has refused", "later bought", "would block").
pub(crate) fn past_auxiliaries(toks: &[Token], b: usize, lex: &Lexicon) -> usize {
    let w = &lex.words;
    let mut k = b;
    while k < b + 2
        && toks
            .get(k)
            .is_some_and(|t| w.be.contains(t) || w.have.contains(t) || w.adverbs.contains(t) || w.hypothetical.contains(t))
    {
        k += 1;
    }
    k
}

/// Whether a relation's verb follows token `b`, maybe after an auxiliary or an adverb ("has
/// refused", "later bought").
fn verb_follows(toks: &[Token], b: usize, lex: &Lexicon) -> bool {
    verb_after(toks, b, lex).is_some()
}

/// Where a relation's verb stands when one follows token `b`, maybe after an auxiliary or an
/// adverb (`past_auxiliaries`).
pub(crate) fn verb_after(toks: &[Token], b: usize, lex: &Lexicon) -> Option<usize> {
    let v = past_auxiliaries(toks, b, lex);
    toks.get(v)
        .is_some_and(|t| !t.cap && t.kind == TokenKind::Word && lex.is_trigger(t))
        .then_some(v)
}

/// "the state telecommunications monopoly", "a state-owned operator", "the government-run
/// carrier": a word at `k` saying the company described is the state's (GUIDE.md: a state-owned
/// company is an Agency).
fn state_owner_at(toks: &[Token], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let next = toks.get(k + 1);
    let owned = next.is_some_and(|n| n.lower == "-")
        && toks
            .get(k + 2)
            .is_some_and(|o| matches!(o.lower.as_str(), "owned" | "run" | "controlled" | "operated"));
    match t.lower.as_str() {
        "state" => owned || next.is_some_and(|n| n.kind == TokenKind::Word && !n.cap && n.lower != "'s" && n.lower != "of"),
        "government" => owned,
        _ => false,
    }
}

/// Organization, or Agency when a word before the name's head says the state owns it.
fn company_class(toks: &[Token], from: usize, to: usize) -> Class {
    if (from..to).any(|k| state_owner_at(toks, k)) {
        Class::Agency
    } else {
        Class::Organization
    }
}

/// What an apposition after a name says it is: ", a messaging app developed by ..." an App,
/// ", a Chinese company" an Organization, ", the Russian regulator" an Agency (a singular cue
/// or head within a few modifiers).
fn apposition_class(toks: &[Token], b: usize, lex: &Lexicon) -> Option<Class> {
    // "X, the ...", "X, a ..." or "X, Brazil's ...".
    let opens = |k: usize| {
        toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
            || toks.get(k).is_some_and(|t| t.cap) && toks.get(k + 1).is_some_and(|t| t.lower == "'s")
    };
    // "A1, one of the country's main mobile operators": one of a group the plural head names.
    let one_of = toks.get(b + 1).is_some_and(|t| t.lower == "one") && toks.get(b + 2).is_some_and(|t| t.lower == "of");
    let b = if one_of { b + 2 } else { b };
    if !(toks.get(b).is_some_and(|t| matches!(t.lower.as_str(), "," | "of")) && opens(b + 1)) {
        return None;
    }
    let singular = |end: usize| one_of || toks.get(end - 1).is_some_and(is_singular);
    let mut reach = b + 6;
    let mut h = b + 1;
    while h + 1 < reach.min(toks.len()) {
        h += 1;
        // Modifiers are lower-case words, but for one capitalised first ("an Indian app"); a name
        // or a verb there starts a clause ("on Thursday, the TIC said the messaging app ...").
        if h > b + 2 && toks[h].cap || lex.words.reporting.contains(&toks[h]) || lex.is_trigger(&toks[h]) {
            return None;
        }
        if toks[h].lower == "'s" {
            // "MTN, the country's largest mobile operator": the possessor is a modifier.
            reach += 2;
            continue;
        }
        if toks[h].lower == "-"
            && toks
                .get(h + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "based" | "backed" | "owned" | "run" | "funded"))
        {
            // "NetBlocks, a British-based group": a place of origin or an owner is a modifier.
            h += 1;
            reach += 2;
            continue;
        }
        // "Sali Berisha, the party's leader": a possessor is a modifier, not what the name is.
        let possessor = |end: usize| toks.get(end).is_some_and(|t| t.lower == "'s");
        if let Some((len, _)) = lex.app_cues.longest(toks, h).filter(|&(len, _)| !possessor(h + len)) {
            return singular(h + len).then_some(Class::App);
        }
        if let Some((len, _)) = lex.organization_heads.longest(toks, h).filter(|&(len, _)| !possessor(h + len)) {
            // "an Indian news magazine": a head that modifies the next one is not the head.
            if lex.organization_heads.longest(toks, h + len).is_some() {
                continue;
            }
            return (singular(h + len) && !toks[h].cap).then(|| company_class(toks, b + 1, h));
        }
        if lex.appositive_body_nouns.contains(&toks[h]) && !toks[h].cap {
            // "Roskomnadzor, the Russian regulator," but not "X, the regulator's chief".
            return toks.get(h + 1).is_none_or(|t| t.lower != "'s").then_some(Class::Agency);
        }
        if toks[h].kind != TokenKind::Word || matches!(toks[h].lower.as_str(), "of" | "and" | "or" | "who" | "which" | "that") {
            return None;
        }
    }
    None
}

fn is_domain(lower: &str) -> bool {
    let tld = lower.rsplit('.').next().unwrap_or("");
    (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether the run is a member of a list introduced by an app cue ("messengers Soroush and Gap").
fn in_cued_list(toks: &[Token], a: usize, lex: &Lexicon) -> bool {
    in_list_cued_by(toks, a, lex, &lex.app_cues)
}

/// Whether the run is a member of a list introduced by a word of `cues`, right before it or
/// across a dash or colon ("the five mobile carriers - Vivo, Claro and TIM").
fn in_list_cued_by(toks: &[Token], a: usize, lex: &Lexicon, cues: &crate::lexicon::PhraseTable<()>) -> bool {
    let cued = |end: usize| {
        let end = if end > 1 && matches!(toks[end - 1].lower.as_str(), "-" | ":") {
            end - 1
        } else {
            end
        };
        cues.ending_at(toks, end, 3).is_some_and(|(s, _)| !toks[s].cap)
    };
    let mut j = a;
    // "created the app, and Brian Acton": the cue must name an item before the coordinator.
    let mut items = 0;
    while j > 0 {
        let p = &toks[j - 1];
        if p.lower == "and" || p.lower == "," || p.lower == "or" {
            j -= 1;
            while j > 0 && is_name_token(&toks[j - 1]) {
                j -= 1;
                items += 1;
            }
            if items > 0 && cued(j) {
                return true;
            }
            continue;
        }
        // "several gaming platforms, including Steam and Origin": a list introduced after a cue.
        let dash = j > 0 && matches!(toks[j - 1].lower.as_str(), "-" | ":");
        return dash && cued(j)
            || lex.list_introducers.ending_at(toks, j, 2).is_some_and(|(s, _)| {
                let cue_end = if s > 0 && toks[s - 1].lower == "," { s - 1 } else { s };
                cues.ending_at(toks, cue_end, 3).is_some()
            });
    }
    false
}

/// Whether the run is an item of a list beside a known app: "Messenger, Instagram and WhatsApp",
/// "not only Facebook but also Messenger".
fn among_known_apps(toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> bool {
    let is_app = |i: usize, end: Option<usize>| {
        lex.names.matches(toks, i).any(|(len, e)| {
            end.is_none_or(|end| i + len == end) && matches!(e.target, NameTarget::Known(k) if lex.ontology.entities[k].class == Class::App)
        })
    };
    let link = |t: &Token| matches!(t.lower.as_str(), "," | "and" | "or" | "also");
    // "In a post on Twitter, Chandrasekhar said": after a comma, a name that speaks opens the
    // clause; it is no item of a list.
    let speaks = a >= 1 && toks[a - 1].lower == "," && toks.get(b).is_some_and(|t| lex.words.reporting.contains(t));
    let before = a >= 2 && link(&toks[a - 1]) && !speaks && (a.saturating_sub(4)..a - 1).any(|i| is_app(i, Some(a - 1)));
    // The app after must be an item, not a possessor in an apposition ("Aprameya Radhakrishna,
    // Koo's co-founder").
    let item_after = |i: usize| {
        lex.names
            .matches(toks, i)
            .any(|(len, _)| toks.get(i + len).is_none_or(|t| t.lower != "'s"))
            && is_app(i, None)
    };
    let after = toks.get(b).is_some_and(link) && b + 1 < toks.len() && item_after(b + 1);
    b - a == 1 && (before || after)
}

/// The class a run's head noun gives it: Agency or Organization, or None.
fn head_class(toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> Option<Class> {
    // The head is the last word, or the word before "of ..." or "for ..." ("Supreme Council of
    // Cyberspace", "Alliance for Change", "Office for Minors").
    let mut end = b;
    if let Some(of) = (a + 1..b).find(|&k| matches!(toks[k].lower.as_str(), "of" | "for")) {
        end = of;
    }
    for e in [b, end] {
        if let Some((s, _)) = lex.organization_heads.ending_at(toks, e, 2) {
            if s >= a && (e - a >= 2 || e < b) {
                if lex.agency_heads.ending_at(toks, e, 2).is_some_and(|(s2, _)| s2 < s) {
                    return Some(Class::Agency);
                }
                return Some(Class::Organization);
            }
        }
        if let Some((s, _)) = lex.agency_heads.ending_at(toks, e, 2) {
            // "Ministry of Electronics and Information Technology": a head followed by "of" names a body.
            if s >= a && (e - a >= 2 || e < b || lex.named_body_heads.contains(&toks[s])) {
                return Some(Class::Agency);
            }
        }
    }
    None
}

fn person_class(titles: &[TitleUse], lex: &Lexicon) -> Class {
    if titles.iter().any(|t| lex.ontology.titles[t.spec].class == Class::Official) {
        Class::Official
    } else {
        Class::Person
    }
}

/// A title ending right before token `a` (any case, possibly several: "founder and CEO").
fn title_before(toks: &[Token], a: usize, lex: &Lexicon) -> Option<(usize, Vec<TitleUse>)> {
    let mut titles = Vec::new();
    let mut start = a;
    loop {
        if let Some((s, &spec)) = lex.titles.ending_at(toks, start, 4) {
            let text = folded_words(toks, s, start);
            titles.insert(0, TitleUse { spec, text, body: None });
            start = s;
        } else if start > 1 && toks[start - 1].lower == "and" && lex.titles.ending_at(toks, start - 1, 4).is_some() {
            // "founder and CEO": titles joined by "and".
            start -= 1;
        } else {
            break;
        }
    }
    (!titles.is_empty()).then_some((start, titles))
}

/// Whether the run at `a` is a later item of names after a plural title: "programmers Biswatma
/// Nayak and Sidharth Gautam".
fn listed_after_plural_title(toks: &[Token], a: usize, lex: &Lexicon) -> bool {
    if a < 3 || !matches!(toks[a - 1].lower.as_str(), "and" | ",") {
        return false;
    }
    let mut j = a - 1;
    while j > 0 && is_name_token(&toks[j - 1]) {
        j -= 1;
    }
    j + 1 < a && title_before(toks, j, lex).is_some_and(|_| toks[j - 1].lower.ends_with('s'))
}

/// "its owner, Elon Musk", "a federal judge, Donald Molloy": a title, then a comma, right
/// before token `a`; the name is in apposition to the title.
fn apposed_title_before(toks: &[Token], a: usize, lex: &Lexicon) -> Option<(usize, Vec<TitleUse>)> {
    if a < 2 || toks[a - 1].lower != "," {
        return None;
    }
    title_before(toks, a - 1, lex)
        .or_else(|| {
            // "Meta's president of global affairs, Nick Clegg": the title's portfolio in lower case.
            let of = (a.saturating_sub(6)..a - 1)
                .rev()
                .take_while(|&k| !toks[k].cap && toks[k].kind == TokenKind::Word)
                .find(|&k| toks[k].lower == "of")?;
            title_before(toks, of, lex)
        })
        .or_else(|| {
            // "a judge of Kenya's High Court, Bahati Mwamuye": a title of a body named in
            // capitals, held in that body.
            let of = (a.saturating_sub(9)..a - 1)
                .rev()
                .take_while(|&k| toks[k].cap || matches!(toks[k].lower.as_str(), "'s" | "of" | "the" | "for" | "and"))
                .find(|&k| toks[k].lower == "of")?;
            let (ts, mut titles) = title_before(toks, of, lex)?;
            let apposed = ts > 0 && matches!(toks[ts - 1].lower.as_str(), "a" | "an" | "the");
            let body = if toks.get(of + 1).is_some_and(|t| t.lower == "the") {
                of + 2
            } else {
                of + 1
            };
            if !apposed || body >= a - 1 || !toks[body].cap {
                return None;
            }
            if let Some(last) = titles.last_mut() {
                last.body = Some(body);
            }
            // The name's mention keeps to the name: the body's mention is its own.
            Some((a, titles))
        })
        .or_else(|| {
            // "one of its justices, Alexandre de Moraes": one of a plural title.
            let w = a.checked_sub(2).map(|k| &toks[k]).filter(|t| !t.cap && t.kind == TokenKind::Word)?;
            let one_of = a >= 4 && toks[a - 4].lower == "of" || a >= 5 && toks[a - 5].lower == "of";
            let singular = w.lower.strip_suffix('s')?;
            let spec = lex.titles.by_stem(singular).filter(|_| one_of)?;
            Some((
                a - 2,
                vec![TitleUse {
                    spec,
                    text: singular.to_string(),
                    body: None,
                }],
            ))
        })
}

/// The titles apposed before a description that opens at `ts` with a determiner ("Its founder,
/// the Zimbabwean-born billionaire ..."): where they start, and them.
fn apposed_before_description(toks: &[Token], ts: usize, lex: &Lexicon) -> Option<(usize, Vec<TitleUse>)> {
    let det = (ts.saturating_sub(5)..ts)
        .rev()
        .take_while(|&k| !matches!(toks[k].lower.as_str(), "," | "." | ";" | ":"))
        .find(|&k| matches!(toks[k].lower.as_str(), "the" | "a" | "an"))?;
    apposed_title_before(toks, det, lex)
}

/// Whether the title at `at` is an office once held: "former President", "ex minister".
fn once_held(toks: &[Token], at: usize) -> bool {
    at > 0 && matches!(toks[at - 1].lower.as_str(), "former" | "ex")
}

/// "NAME, a former prime minister,": an apposition giving an office once held. No office for the
/// graph, but the name is a person's.
fn apposed_former_title(toks: &[Token], b: usize, lex: &Lexicon) -> bool {
    let mut k = b + 1;
    if toks.get(b).is_none_or(|t| t.lower != ",") {
        return false;
    }
    if toks.get(k).is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an")) {
        k += 1;
    }
    toks.get(k).is_some_and(|t| t.lower == "former") && lex.titles.longest(toks, k + 1).is_some()
}

/// "NAME, the TITLE ..." or "NAME, TITLE of ...": the title of an apposition after a name.
fn apposition_title(toks: &[Token], b: usize, lex: &Lexicon) -> Option<(usize, usize, usize)> {
    if toks.get(b).is_none_or(|t| t.lower != ",") {
        return None;
    }
    let mut k = b + 1;
    // "David Vigneault, who was then director of ...": a relative clause that gives the office.
    if toks.get(k).is_some_and(|t| t.lower == "who") {
        k += 1;
        if toks.get(k).is_some_and(|t| lex.words.have.contains(t)) {
            k += 1;
        }
        if !toks.get(k).is_some_and(|t| lex.words.be.contains(t)) {
            return None;
        }
        k += 1;
        while toks.get(k).is_some_and(|t| lex.words.adverbs.contains(t) || t.lower == "then") {
            k += 1;
        }
    }
    while k < toks.len() && k < b + 9 && matches!(toks[k].lower.as_str(), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        k += 1;
    }
    // Allow a country or body possessive and up to three adjectives before the title. A former
    // office is none ("a former prime minister and leader of the Labour Party" leads the party).
    let mut at = k;
    while at < k + 5 {
        if at >= toks.len() {
            break;
        }
        let former = at > 0 && toks[at - 1].lower == "former";
        if let Some((len, _)) = lex.titles.longest(toks, at).filter(|_| former) {
            at += len;
            continue;
        }
        if let Some((len, &spec)) = lex.titles.longest(toks, at) {
            // "the deputy information minister": the title the phrase ends with is the office.
            let (mut spec, mut at, mut end) = (spec, at, at + len);
            while let Some((p, (len, &next))) = (end..(end + 2).min(toks.len()))
                .take_while(|&p| {
                    p == end
                        || toks[p - 1].kind == TokenKind::Word
                            && !toks[p - 1].cap
                            && !matches!(toks[p - 1].lower.as_str(), "and" | "or" | "'s")
                })
                .find_map(|p| lex.titles.longest(toks, p).map(|t| (p, t)))
            {
                (spec, at, end) = (next, p, p + len);
            }
            return Some((spec, at, end));
        }
        if matches!(toks[at].lower.as_str(), "," | "." | ";" | "said" | "says") {
            break;
        }
        at += 1;
    }
    None
}

/// Lower-case state bodies: "the ministry of education", "foreign ministry", "the parliament's national security commission".
#[inline(never)]
fn lower_case_bodies(doc: &str, toks: &[Token], covered: &mut [bool], out: &mut Vec<Mention>, lex: &Lexicon) {
    let n = toks.len();
    for i in 0..n {
        if covered[i] || toks[i].cap && i > 0 || !lex.body_openers.contains(&toks[i]) {
            continue;
        }
        // "ministry of education"
        if lex.portfolio_of_heads.contains(&toks[i]) && i + 2 < n && toks[i + 1].lower == "of" && !covered[i + 2] {
            if let Some((len, _)) = lex.portfolios.longest(toks, i + 2) {
                let end = i + 2 + len;
                covered[i..end].iter_mut().for_each(|c| *c = true);
                out.push(body_mention(doc, toks, i, end, Class::Agency));
                continue;
            }
        }
        // "cabinet members", "the parliament": a state body named by its head alone.
        if lex.named_body_heads.contains(&toks[i]) && !covered[i] {
            let members_after = lex.member_nouns.contains_at(toks, i + 1);
            let the_before = i > 0 && toks[i - 1].lower == "the";
            // "Australia's parliament", "the Kenyan parliament": a name before the head.
            let named_before =
                i >= 2 && toks[i - 1].lower == "'s" && toks[i - 2].cap || i >= 1 && toks[i - 1].cap && toks[i - 1].kind == TokenKind::Word;
            if members_after || (the_before || named_before) && ends_noun_phrase(toks, i + 1, lex) {
                covered[i] = true;
                out.push(body_mention(doc, toks, i, i + 1, Class::Agency));
                continue;
            }
        }
        // "foreign ministry", "national security commission"
        if let Some((len, _)) = lex.portfolios.longest(toks, i) {
            let h = i + len;
            if h < n && !covered[h] && lex.portfolio_heads.contains(&toks[h]) {
                if (i..=h).any(|x| covered[x]) {
                    continue;
                }
                covered[i..=h].iter_mut().for_each(|c| *c = true);
                out.push(body_mention(doc, toks, i, h + 1, Class::Agency));
            }
        }
    }
}

/// Plural descriptions that refer back to a group of names: a determiner, a number or none, and a
/// plural noun of the ontology's table ("the platforms", "both apps", "the two messengers"). Not
/// one that names its members or narrows itself ("the apps Telegram and Signal", "the services
/// that had missed the deadline"), nor one among others ("among the apps").
#[inline(never)]
fn plural_references(doc: &str, toks: &[Token], covered: &mut [bool], out: &mut Vec<Mention>, lex: &Lexicon) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if covered[i] || !lex.plural_determiners.contains(&toks[i]) || i > 0 && toks[i - 1].lower == "among" {
            i += 1;
            continue;
        }
        let both = toks[i].lower == "both";
        let mut h = i + 1;
        let mut count = u8::from(both) * 2;
        if let Some(c) = toks
            .get(h)
            .and_then(|t| lex.words.number_words.get(t))
            .filter(|&c| (2..=12).contains(&c))
        {
            count = c as u8;
            h += 1;
        }
        let Some((len, classes)) = (h < n).then(|| lex.plural_definite.longest(toks, h)).flatten() else {
            i += 1;
            continue;
        };
        let end = h + len;
        // "accusing the outlets of bias": the accusation's "of", not the noun's.
        let accused = i > 0 && lex.words.accusing.contains(&toks[i - 1]);
        let narrowed = toks.get(end).is_some_and(|t| {
            t.cap && t.kind == TokenKind::Word
                || matches!(t.lower.as_str(), "that" | "who" | "such" | "like")
                || t.lower == "of" && !accused
        });
        if narrowed || (h..end).any(|x| covered[x]) {
            i = end;
            continue;
        }
        let mut m = Mention::new(
            i,
            end,
            classes[0],
            MentionKind::Definite,
            doc[toks[i].start..toks[end - 1].end].to_lowercase(),
        );
        m.refs = classes.clone();
        m.plural = Some(count);
        covered[i..end].iter_mut().for_each(|c| *c = true);
        out.push(m);
        i = end;
    }
}

/// The words before a description noun that make it a reference ("the messenger", "this agency").
pub const DESCRIPTION_DETERMINERS: [&str; 3] = ["the", "this", "that"];

/// Unnamed state actors, pronouns, definite descriptions and titles without names.
#[inline(never)]
fn references(doc: &str, toks: &[Token], covered: &mut [bool], out: &mut Vec<Mention>, lex: &Lexicon) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        // Most words open no reference: one test passes over them.
        if covered[i] || !lex.reference_openers.contains(&toks[i]) {
            i += 1;
            continue;
        }
        let words = |a: usize, b: usize| doc[toks[a].start..toks[b - 1].end].to_string();
        // A definite description over tokens a..b that refers back to these classes.
        let definite = |a: usize, b: usize, classes: &Vec<Class>| {
            let mut m = Mention::new(a, b, classes[0], MentionKind::Definite, words(a, b).to_lowercase());
            m.refs = classes.clone();
            m
        };
        // "<demonym> authorities" is found through the demonym mention: handled in attach_modifiers.
        if let Some((len, _)) = lex.bare_unnamed.longest(toks, i) {
            if (i..i + len).all(|x| !covered[x]) && ends_noun_phrase(toks, i + len, lex) {
                let prev_is_country = out.iter().any(|m| m.end == i && m.class == Class::Country);
                if !prev_is_country {
                    let m = Mention::new(i, i + len, Class::Country, MentionKind::Unnamed, words(i, i + len));
                    covered[i..i + len].iter_mut().for_each(|c| *c = true);
                    out.push(m);
                    i += len;
                    continue;
                }
            }
        }
        // "the Yoon government", "the Biden administration": a leader's name before a word for the
        // state's executive is the state (the name's own mention gives way).
        if toks[i].lower == "the" && i + 2 < n && lex.leader_government_heads.contains(&toks[i + 2]) && ends_noun_phrase(toks, i + 3, lex) {
            if let Some(p) = out
                .iter()
                .position(|m| m.start == i + 1 && m.end == i + 2 && m.kind == MentionKind::Surname)
            {
                out.remove(p);
                covered[i..i + 3].iter_mut().for_each(|c| *c = true);
                out.push(Mention::new(i, i + 3, Class::Country, MentionKind::Unnamed, words(i, i + 3)));
                i += 3;
                continue;
            }
        }
        // "IT Secretary": a pronoun's letters all in capitals inside a sentence are an acronym.
        let acronym = toks[i].cap && toks[i].lower.len() > 1 && toks[i].text(doc).bytes().all(|c| !c.is_ascii_lowercase());
        if let Some(classes) = lex
            .pronoun_words
            .contains(&toks[i])
            .then(|| lex.pronouns.get(toks[i].lower.as_str()))
            .filter(|_| !acronym)
            .flatten()
        {
            let mut m = Mention::new(i, i + 1, classes[0], MentionKind::Pronoun, toks[i].lower.to_string());
            m.refs = classes.clone();
            // "ordered access to it restricted", "blocked it": a pronoun where an app is acted
            // on stands for an app.
            let app_context = i >= 2 && toks[i - 2].lower == "access" && toks[i - 1].lower == "to"
                || lex.app_object_verbs.ending_at(toks, i, 3).is_some();
            if app_context && m.refs.contains(&Class::App) && !m.possessive {
                m.refs = vec![Class::App];
                m.class = Class::App;
            }
            m.possessive = matches!(toks[i].lower.as_str(), "his" | "her" | "its" | "their");
            out.push(m);
            covered[i] = true;
            i += 1;
            continue;
        }
        // "company's refusal": a description with a possessive needs no article.
        if let Some((len, classes)) = lex.definite.longest(toks, i) {
            let end = i + len;
            if toks.get(end).is_some_and(|t| t.lower == "'s") && (i..end).all(|x| !covered[x]) && !toks[i].cap {
                covered[i..end].iter_mut().for_each(|c| *c = true);
                out.push(definite(i, end, classes));
                i = end;
                continue;
            }
        }
        if DESCRIPTION_DETERMINERS.contains(&toks[i].lower.as_str()) {
            // Up to two modifiers, then a description noun ending the phrase.
            let mut found_at = None;
            // A demonym among the modifiers stays a mention of its own: "the Chinese platform" is
            // the platform, from China; so does a place of origin: "the Beijing-based firm", and
            // an owner: "the Meta-owned app".
            let mut from = i;
            // An unknown place is a modifier all the same: "the California-based company".
            let unknown_place =
                || (toks.get(i + 1).is_some_and(|t| t.cap) && !covered[i + 1] && origin_after(toks, i + 2, lex)).then_some(i + 2);
            let origin = out
                .iter()
                .find(|m| m.start == i + 1 && !m.class.is_person())
                .map(|m| m.end)
                .filter(|&e| origin_after(toks, e, lex))
                .or_else(unknown_place);
            // The description noun right after the origin, or after one more modifier ("the
            // Chinese-owned video app").
            let noun_after = |e: usize| {
                (e + 2..e + 4)
                    .take_while(|&h| toks.get(h).is_some_and(|t| !t.cap && t.kind == TokenKind::Word))
                    .find_map(|h| lex.definite.longest(toks, h).map(|d| (h, d)))
            };
            if let Some((h, (len, classes))) = origin.and_then(noun_after) {
                let end = h + len;
                if (h..end).all(|x| !covered[x]) && toks.get(end).is_none_or(|t| !t.cap) && ends_noun_phrase(toks, end, lex) {
                    covered[h..end].iter_mut().for_each(|c| *c = true);
                    out.push(definite(h, end, classes));
                    i = end;
                    continue;
                }
            }
            for skip in 0..3 {
                let h = i + 1 + skip;
                if h < n && covered[h] && out.iter().any(|m| m.kind == MentionKind::Demonym && m.start == h && m.end == h + 1) {
                    from = h + 1;
                    continue;
                }
                if h >= n
                    || covered[h]
                    || toks[h].cap && !lex.titles.starts_at(toks, h)
                    || skip > 0 && matches!(toks[h - 1].lower.as_str(), "the" | "a" | "an" | "this" | "that" | "of" | ",")
                {
                    break;
                }
                if let Some((len, classes)) = lex.definite.longest(toks, h) {
                    let end = h + len;
                    // "the president of Iran" goes on; "accused the company of failing" ends.
                    let of_gerund = toks.get(end + 1).is_some_and(|t| !t.cap && t.lower.ends_with("ing"));
                    let next_is_name = toks.get(end).is_some_and(|t| t.cap) || toks.get(end).is_some_and(|t| t.lower == "of") && !of_gerund;
                    if !next_is_name && (h..end).all(|x| !covered[x]) && ends_noun_phrase(toks, end, lex) {
                        let mut m = Mention::new(from, end, classes[0], MentionKind::Definite, words(h, end).to_lowercase());
                        m.refs = classes.clone();
                        if classes == &[Class::Official] {
                            m.kind = MentionKind::Role;
                        }
                        covered[from..end].iter_mut().for_each(|c| *c = true);
                        out.push(m);
                        found_at = Some(end);
                    }
                    break;
                }
                if lex.is_trigger(&toks[h]) || toks[h].kind != TokenKind::Word {
                    break;
                }
            }
            if let Some(end) = found_at {
                i = end;
                continue;
            }
        }
        // A title with no name after it, after a country or body possessive: "Iran's supreme leader".
        if let Some((len, &spec)) = lex.titles.longest(toks, i) {
            let end = i + len;
            let poss_before = i >= 2 && toks[i - 1].lower == "'s" && covered[i - 2];
            let dem_before = i >= 1 && out.iter().any(|m| m.end == i && m.kind == MentionKind::Demonym);
            let name_after = toks.get(end).is_some_and(is_name_token);
            // "The secretary of Iran's Supreme Council of Cyberspace says ...", "a judge at Spain's
            // National Court": a role held in a named body.
            let body_at = if toks.get(end).is_some_and(|t| matches!(t.lower.as_str(), "of" | "at")) {
                let at = if toks.get(end + 1).is_some_and(|t| t.lower == "the") {
                    end + 2
                } else {
                    end + 1
                };
                out.iter()
                    .find(|m| m.start == at && m.kind == MentionKind::Named && !m.class.is_person())
                    .map(|m| m.start)
            } else {
                None
            };
            let the_before = i >= 1 && matches!(toks[i - 1].lower.as_str(), "the" | "a" | "an");
            if (poss_before || dem_before || body_at.is_some() && the_before)
                && !name_after
                && lex.ontology.titles[spec].class == Class::Official
                && !lex.ontology.titles[spec].honorific
            {
                let mut m = Mention::new(i, end, Class::Official, MentionKind::Role, words(i, end).to_lowercase());
                m.refs = vec![Class::Official];
                m.titles.push(TitleUse {
                    spec,
                    text: m.name.clone(),
                    body: body_at,
                });
                covered[i..end].iter_mut().for_each(|c| *c = true);
                out.push(m);
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// Whether a noun phrase can end before token `k` (so "the government" is not "the government agencies").
fn ends_noun_phrase(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let Some(t) = toks.get(k) else { return true };
    if t.kind != TokenKind::Word || t.lower == "'s" {
        return true;
    }
    let w = &lex.words;
    let l = t.lower.as_str();
    w.non_names.contains(t)
        || w.be.contains(t)
        || w.have.contains(t)
        || w.adverbs.contains(t)
        || w.reporting.contains(t)
        || w.prepositions.contains(t)
        || w.negation.contains(t)
        || w.hypothetical.contains(t)
        || w.clause_openers.contains(t)
        || w.time_nouns.contains(t)
        || lex.is_trigger(t)
        || l.ends_with("ed")
        || l.ends_with("ly")
        // A reduced relative clause: "on the platform defending the revolution".
        || l.len() > 5 && l.ends_with("ing")
        || matches!(l, "will" | "shall" | "has" | "had" | "does" | "did" | "do")
        // A verb's particle after its object: "shut the app down", "switched the service back on".
        || matches!(l, "down" | "off" | "up" | "out" | "back" | "away")
        || t.cap
}

/// Attaches demonyms and country possessives to the name after them, marks possessives, and
/// turns "<demonym> authorities" into the country.
#[inline(never)]
fn mark_possessives(toks: &[Token], out: &mut [Mention]) {
    for m in out.iter_mut() {
        if toks.get(m.end).is_some_and(|t| t.lower == "'s" || t.lower == "'") {
            m.possessive = true;
            m.end += 1;
        }
    }
}

/// "Federal Security Service (FSB)": the acronym in brackets joins the name before it.
#[inline(never)]
fn join_acronym_definitions(toks: &[Token], out: &mut Vec<Mention>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let bracketed =
            toks.get(a.end).is_some_and(|t| t.lower == "(") && b.start == a.end + 1 && toks.get(b.end).is_some_and(|t| t.lower == ")");
        if bracketed && (a.key.is_some() && a.key == b.key || b.key.is_none() && (b.name == a.name || fits_initials(&b.name, &a.name))) {
            out[k].end = out[k + 1].end + 1;
            out.remove(k + 1);
        }
        k += 1;
    }
}

#[inline(never)]
fn attach_modifiers(toks: &[Token], out: &mut Vec<Mention>, lex: &Lexicon) {
    let mut k = 0;
    while k < out.len() {
        let is_mod = out[k].class == Class::Country && matches!(out[k].kind, MentionKind::Demonym | MentionKind::Named);
        if is_mod {
            let end = out[k].end;
            let country = out[k].country;
            // "<demonym|Country's> (<adjective>)? authorities|government|state institutions": the country acts.
            let mut h = end;
            while h < toks.len()
                && h < end + 2
                && !toks[h].cap
                && !lex.unnamed_heads.starts_at(toks, h)
                && toks[h].kind == TokenKind::Word
                // "a Brazilian appeals judge": a trigger's word right before the head is a noun.
                && (!lex.is_trigger(&toks[h]) || lex.unnamed_heads.starts_at(toks, h + 1))
                && !out.iter().any(|m| m.start == h)
            {
                h += 1;
            }
            if let Some((len, _)) = lex.unnamed_heads.longest(toks, h) {
                // "a Brazilian judge": an office with no name after the demonym is the state's.
                let role = out
                    .get(k + 1)
                    .is_some_and(|m| m.kind == MentionKind::Role && m.start == h && m.end == h + len);
                let next_named = !role && out.get(k + 1).is_some_and(|m| m.start < h + len);
                if !next_named && ends_noun_phrase(toks, h + len, lex) {
                    if role {
                        out.remove(k + 1);
                    }
                    let m = &mut out[k];
                    m.kind = MentionKind::Unnamed;
                    m.end = h + len;
                    m.possessive = toks.get(h + len).is_some_and(|t| t.lower == "'s");
                    if m.possessive {
                        m.end += 1;
                    }
                    k += 1;
                    continue;
                }
            }
            // Modifier of the next name: "Iranian Foreign Ministry", "Iran's Supreme Council".
            if let Some(next) = out.get(k + 1) {
                let body = matches!(next.class, Class::Agency | Class::Organization);
                let adjective = out[k].kind == MentionKind::Demonym || out[k].possessive;
                // "Austrian privacy activist Max Schrems": a person's title may take lower-case
                // modifiers after the demonym.
                let titled_person = adjective
                    && next.class.is_person()
                    && next.start > end
                    && next.start <= end + 2
                    && lex.titles.starts_at(toks, next.start)
                    && (end..next.start).all(|x| !toks[x].cap && toks[x].kind == TokenKind::Word && !lex.is_trigger(&toks[x]));
                if (next.start == end || titled_person)
                    && next.kind == MentionKind::Named
                    && next.class != Class::Country
                    && (adjective || body)
                {
                    let mut next = out.remove(k + 1);
                    if !adjective {
                        // "Uganda Communications Commission": the country is part of the name.
                        next.name = format!("{} {}", out[k].name, next.name);
                    } else if !next.class.is_person() {
                        // "Iranian Foreign Ministry": a name of its own, keyed by the bare name.
                        next.bare = Some(next.name.clone());
                        let apostrophe = if out[k].possessive { "'s" } else { "" };
                        next.name = format!("{}{apostrophe} {}", out[k].name, next.name);
                    }
                    next.start = out[k].start;
                    next.country = country;
                    if next.class == Class::Organization
                        && (next.start..next.end).any(|x| lex.state_company_heads.contains(toks[x].lower.as_str()))
                    {
                        next.class = Class::Agency;
                    }
                    out[k] = next;
                    k += 1;
                    continue;
                }
            }
        }
        k += 1;
    }
}

/// Where the name after "of" or "of the" starts, when the token at `end` is "of" ("the
/// Communications Authority of Kenya": the position of "Kenya").
pub(crate) fn after_of(toks: &[Token], end: usize) -> Option<usize> {
    let the = toks.get(end + 1).is_some_and(|t| t.lower == "the");
    toks.get(end).is_some_and(|t| t.lower == "of").then(|| end + 1 + usize::from(the))
}

/// "the Communications Authority of Kenya", "the Law Society of Zambia": a body named with "of"
/// and its country. The country is the body's, and the whole phrase is one more name of it (the
/// name before "of" still keys it, as a name after a demonym does).
fn attach_country_of(doc: &str, toks: &[Token], out: &mut [Mention]) {
    for k in 0..out.len().saturating_sub(1) {
        let (m, c) = (&out[k], &out[k + 1]);
        let body = matches!(m.class, Class::Agency | Class::Organization) && m.kind == MentionKind::Named;
        if !body || m.possessive || m.country.is_some() || c.kind != MentionKind::Named || c.class != Class::Country {
            continue;
        }
        if after_of(toks, m.end) != Some(c.start) || c.possessive {
            continue;
        }
        let Some(country) = c.country else { continue };
        let written = &doc[toks[m.end].start..toks[c.end - 1].end];
        let m = &mut out[k];
        m.country = Some(country);
        let name = format!("{} {written}", m.name);
        m.bare = Some(std::mem::replace(&mut m.name, name));
    }
}

/// A plural title before a list of people is each one's: "Twitter executives Monique Meche and
/// Jim Baker" (Baker is an executive of Twitter too).
fn share_plural_titles(toks: &[Token], out: &mut [Mention]) {
    for k in 1..out.len() {
        let (prev, cur) = (&out[k - 1], &out[k]);
        let plural = |t: &TitleUse| t.text.ends_with('s') && !t.text.ends_with("ss");
        let listed = prev.class.is_person()
            && cur.class.is_person()
            && cur.kind == MentionKind::Named
            && cur.titles.is_empty()
            && prev.end < cur.start
            && cur.start - prev.end <= 2
            && toks[prev.end..cur.start].iter().all(|t| matches!(t.lower.as_str(), "," | "and"));
        if listed && prev.titles.iter().any(plural) {
            let shared: Vec<TitleUse> = prev.titles.iter().filter(|t| plural(t)).cloned().collect();
            if prev.class == Class::Official {
                out[k].class = Class::Official;
            }
            out[k].titles = shared;
        }
    }
}

/// Titles written before a person's name ("foreign ministry spokesperson Bahram Ghassemi",
/// "Telegram founder and CEO Pavel Durov", "the chairman of the X Commission Alaeddin Boroujerdi"),
/// and after it ("Mahmoud Vaezi, the chief of staff of ...").
#[inline(never)]
fn attach_titles(toks: &[Token], out: &mut [Mention], lex: &Lexicon) {
    for k in 0..out.len() {
        if !(out[k].class.is_person() && out[k].kind == MentionKind::Named || out[k].kind == MentionKind::Surname) {
            continue;
        }
        let start = out[k].start;
        let (ts, mut titles) = title_before(toks, start, lex)
            .or_else(|| apposed_title_before(toks, start, lex))
            .unwrap_or((start, Vec::new()));
        // "former President Jair Bolsonaro": an office once held is none now.
        if once_held(toks, ts) {
            titles.clear();
        }
        // "Its founder, the Zimbabwean-born billionaire Strive Masiyiwa": an office apposed before
        // the descriptive title is held too.
        // The mention still starts at the description (a demonym in it stays its own mention).
        let body_end = match (!titles.is_empty()).then(|| apposed_before_description(toks, ts, lex)).flatten() {
            Some((outer, mut held)) => {
                held.append(&mut titles);
                titles = held;
                outer
            }
            None => ts,
        };
        // "Its Russian-born founder": past "-born" after a demonym.
        let born = body_end >= 3 && toks[body_end - 1].lower == "born" && toks[body_end - 2].lower == "-";
        let body_end = if born { body_end - 2 } else { body_end };
        // "Rumble's Canadian founder": past a demonym of the person's.
        let body_end = out[..k]
            .iter()
            .find(|d| d.kind == MentionKind::Demonym && d.end == body_end && d.start + 1 == body_end)
            .map_or(body_end, |d| d.start);
        // The body named right before the titles: "Telegram founder", "foreign ministry spokesperson", "Iran's supreme leader".
        // A lone unknown name before a company role is the company: "Kanzu founder John Okello".
        let company_role = titles.first().is_some_and(|t| is_company_role(lex, t.spec));
        let body = (0..k).rev().find(|&j| {
            let m = &out[j];
            m.end == body_end
                && (m.kind == MentionKind::Named && !m.class.is_person()
                    || m.possessive
                        && (m.class == Class::Country
                            || matches!(m.kind, MentionKind::Pronoun | MentionKind::Definite) && !m.class.is_person())
                    || company_role && m.kind == MentionKind::Surname && m.end - m.start == 1 + usize::from(m.possessive))
        });
        if let Some(b) = body.filter(|&b| out[b].kind == MentionKind::Surname) {
            out[b].class = Class::Organization;
            out[b].kind = MentionKind::Named;
        }
        // "Its founder": a company role's "its" is a company or an app, not a country.
        if let Some(b) = body.filter(|&b| company_role && out[b].kind == MentionKind::Pronoun) {
            out[b].refs.retain(|c| matches!(c, Class::App | Class::Organization));
            if let Some(&c) = out[b].refs.first() {
                out[b].class = c;
            }
        }
        titles.extend(std::mem::take(&mut out[k].titles));
        let body_is_country = body.is_some_and(|b| out[b].class == Class::Country);
        for t in titles.iter_mut() {
            if t.body.is_none() && !body_is_country {
                t.body = body.map(|b| out[b].start);
            }
        }
        out[k].titles = titles;
        out[k].start = ts;
        if let (Some(b), true) = (body, body_is_country) {
            // "Kenya's president William Ruto": the country is the person's, through the modifier.
            out[k].country = out[b].country;
        }
        // "TITLE of (the)? BODY NAME": chairman of the ... Commission Alaeddin Boroujerdi.
        if out[k].titles.is_empty() && k > 0 {
            let b = k - 1;
            if out[b].end == out[k].start && matches!(out[b].class, Class::Agency | Class::Organization | Class::App | Class::Country) {
                let mut p = out[b].start;
                // "the parliament's national security commission": skip a possessive word.
                if p >= 2 && toks[p - 1].lower == "'s" && toks[p - 2].kind == TokenKind::Word {
                    p -= 2;
                }
                if p > 0 && toks[p - 1].lower == "the" {
                    p -= 1;
                }
                if p > 0 && toks[p - 1].lower == "of" {
                    if let Some((_, titles)) = title_before(toks, p - 1, lex) {
                        out[k].titles = titles
                            .into_iter()
                            .map(|mut t| {
                                t.body = Some(out[b].start);
                                t
                            })
                            .collect();
                    }
                }
            }
        }
        // "Judge Maria Santos of the Supreme Court": the body named right after the name.
        let end = out[k].end;
        if out[k].titles.iter().any(|t| t.body.is_none()) && toks.get(end).is_some_and(|t| t.lower == "of") {
            let at = end + 1 + usize::from(toks.get(end + 1).is_some_and(|t| t.lower == "the"));
            let body = out[k + 1..]
                .iter()
                .find(|m| m.start == at && m.kind == MentionKind::Named && !m.class.is_person());
            if let Some(b) = body.map(|m| m.start) {
                for t in out[k].titles.iter_mut().filter(|t| t.body.is_none()) {
                    t.body = Some(b);
                }
            }
        }
        // Apposition after the name ("Ayatollah Ali Khamenei, Iran's Supreme Leader,"): honorifics do not count as titles.
        // A title that names no office ("the Israeli entrepreneur Talmon Marco, who is its chief
        // executive") leaves room for the apposition's.
        if out[k].titles.iter().all(|t| {
            let spec = &lex.ontology.titles[t.spec];
            spec.honorific || spec.relation.is_none()
        }) {
            if let Some((spec, ts, te)) = apposition_title(toks, out[k].end, lex) {
                let mut t = TitleUse {
                    spec,
                    text: folded_words(toks, ts, te),
                    body: None,
                };
                // "the chief of staff of X", "Telegram's founder"; "chief executive of
                // Dubai-based Telegram" is Telegram's, past its place of origin.
                let origin_at = |end: usize| origin_after(toks, end, lex);
                let first_after = (k + 1..out.len()).find(|&j| out[j].start >= te);
                let first_after = match first_after {
                    Some(j)
                        if out[j].class == Class::Country
                            && origin_at(out[j].end)
                            && j + 1 < out.len()
                            && out[j + 1].start == out[j].end + 2 =>
                    {
                        Some(j + 1)
                    }
                    other => other,
                };
                // "director of the Canadian Security Intelligence Service": the demonym opens the
                // body's name (it is joined to it later).
                let demonym_led = first_after.filter(|&j| {
                    out[j].kind == MentionKind::Demonym
                        && out
                            .get(j + 1)
                            .is_some_and(|n| n.start == out[j].end && n.kind == MentionKind::Named)
                });
                let first_after = demonym_led.map(|j| j + 1).or(first_after);
                if let Some(j) = first_after {
                    // "of", or "in" and "at" for a place of office ("a senior lawmaker in the State
                    // Duma"), or "for" for whom one speaks or works ("a spokesman for Roskomnadzor").
                    let prep = |k: usize| matches!(toks[k].lower.as_str(), "of" | "in" | "at" | "for");
                    let mut opens = if let Some(d) = demonym_led {
                        out[d].start
                    } else if out[j].start > te + 2 && origin_at(out[j].start - 2) {
                        out[j].start - 3
                    } else {
                        out[j].start
                    };
                    // "the leader of the main opposition party Chadema": past what the body is.
                    // "the leader of the opposition Movement for Democratic Change": a party's
                    // side before its name is what it is too.
                    let head_before = |e: usize| {
                        lex.organization_heads.ending_at(toks, e, 2).is_some()
                            || lex.agency_heads.ending_at(toks, e, 2).is_some()
                            || e > 0 && matches!(toks[e - 1].lower.as_str(), "opposition" | "ruling" | "governing")
                    };
                    if opens > te + 2 && head_before(opens) {
                        let mut p = opens;
                        while p > te + 2 && p + 4 > opens && toks[p - 1].kind == TokenKind::Word && !toks[p - 1].cap {
                            p -= 1;
                        }
                        if p <= te + 2 {
                            opens = p;
                        }
                    }
                    let follows_of = opens >= 1
                        && (prep(opens - 1) || (toks[opens - 1].lower == "the" && opens >= 2 && prep(opens - 2)))
                        && opens <= te + 2;
                    if follows_of && out[j].kind == MentionKind::Named && !out[j].class.is_person() {
                        t.body = Some(out[j].start);
                    }
                }
                if let Some(j) = (k + 1..out.len()).find(|&j| out[j].end <= ts && out[j].start > out[k].end && out[j].possessive) {
                    t.body = Some(out[j].start);
                }
                // "Koo's co-founder and chief executive": a second title joined by "and" holds
                // in the same body; "a law professor and a co-founder of the X" in its own.
                let second = toks.get(te).filter(|w| w.lower == "and").and_then(|_| {
                    let at = te + 1 + usize::from(toks.get(te + 1).is_some_and(|w| matches!(w.lower.as_str(), "a" | "an" | "the")));
                    let (len, &spec2) = lex.titles.longest(toks, at)?;
                    let end2 = at + len;
                    let named_at = |s: usize| {
                        out[k + 1..]
                            .iter()
                            .find(|m| m.start == s && m.kind == MentionKind::Named && !m.class.is_person())
                    };
                    let own_body = after_of(toks, end2).and_then(|s| {
                        let m = named_at(s)?;
                        if m.class == Class::Country && origin_at(m.end) {
                            named_at(m.end + 2).map(|n| n.start)
                        } else {
                            Some(m.start)
                        }
                    });
                    Some(TitleUse {
                        spec: spec2,
                        text: folded_words(toks, at, end2),
                        body: own_body.or(t.body),
                    })
                });
                out[k].titles.push(t);
                out[k].titles.extend(second);
            }
        }
        if !out[k].titles.is_empty() {
            // "Facebook spokesman Andy Stone": an office held in a company is not a state office.
            // A pronoun body ("one of its justices") is not resolved yet: its class is that of
            // the last name before it in the sentence that it can stand for, if any.
            let company_body = |t: &TitleUse| {
                t.body.and_then(|s| out.iter().position(|m| m.start == s)).is_some_and(|b| {
                    let class = if out[b].kind == MentionKind::Pronoun {
                        out[..b]
                            .iter()
                            .rev()
                            .find(|m| m.kind == MentionKind::Named && out[b].refs.contains(&m.class))
                            .map(|m| m.class)
                    } else {
                        Some(out[b].class)
                    };
                    matches!(class, Some(Class::App | Class::Organization))
                })
            };
            out[k].class = if out[k].titles.iter().all(company_body) {
                Class::Person
            } else {
                person_class(&out[k].titles, lex)
            };
        }
    }
}
