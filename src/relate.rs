//! Relation statements: reads what entities do to each other from the clause structure of each
//! sentence: subject, verb group and object; passives with and without "by"; nominalisations;
//! relative clauses, appositions and coordination; titles, demonyms and user figures.

use crate::dates::DateReader;
use crate::lexicon::{Lexicon, PatternElem, TriggerPattern};
use crate::mention::{Mention, MentionKind};
use crate::model::{Class, Date, Key, Modality, Object, Provenance, Relation, Statement};
use crate::ontology::ObjectFallback;
use crate::resolve::proxy_follows;
use crate::text::{Sentence, Token, TokenKind};
use smallvec::{smallvec, SmallVec};

/// How far an object may stand from its verb, in tokens.
const OBJECT_REACH: usize = 16;

/// A trigger found in a sentence.
#[derive(Debug, Clone)]
struct Found {
    pattern: usize,
    start: usize,
    end: usize,
    suppressed: bool,
    /// Inside another trigger's object: counts only with an explicit agent ("the suspension of X by Y").
    absorbed: bool,
}

/// Per-document state carried from sentence to sentence.
#[derive(Debug, Default)]
pub struct DocState {
    /// The last ban read, for "the ban was lifted": who banned, and every app the ban named.
    last_ban: Option<(Key, KeyList)>,
    /// The apps mentioned so far, each with its count (a document names a handful: a list).
    app_counts: Vec<(Key, usize)>,
    /// The country the document is about.
    pub main_country: Option<Key>,
    /// The date of the document, if known.
    pub doc_date: Option<Date>,
    /// The last state actor named in an earlier sentence (whom a refusal answers).
    last_state: Option<Key>,
}

/// Reads one sentence.
struct View<'a> {
    toks: &'a [Token],
    ms: &'a [Mention],
    slot: Vec<Option<usize>>,
    lex: &'a Lexicon,
}

impl<'a> View<'a> {
    fn new(doc: &'a str, s: &'a Sentence, ms: &'a [Mention], lex: &'a Lexicon) -> View<'a> {
        let mut slot = vec![None; s.tokens.len()];
        for (i, m) in ms.iter().enumerate() {
            for x in slot.iter_mut().take(m.end.min(s.tokens.len())).skip(m.start) {
                *x = Some(i);
            }
        }
        let _ = doc;
        View {
            toks: &s.tokens,
            ms,
            slot,
            lex,
        }
    }

    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    /// A token that ends the clause for subject and object search.
    fn is_boundary(&self, i: usize) -> bool {
        let l = self.lower(i);
        if matches!(l, ";" | ":" | "(" | ")" | "\"" | "." | "?" | "!") {
            return true;
        }
        if self.slot[i].is_some() {
            return false;
        }
        if l == "as" && i > 0 && matches!(self.lower(i - 1), "such" | "well") || l == "as" && self.lower(i + 1) == "well" {
            return false;
        }
        if l == "that"
            && i > 0
            && !self.lex.words.reporting.contains_at(self.toks, i - 1)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| !t.cap && t.kind == TokenKind::Word && !self.lex.pronoun_words.contains(t) && t.lower != "the")
        {
            // "a move that may signal": a relative pronoun, still a boundary.
            return true;
        }
        if self.lex.words.reporting.contains_at(self.toks, i) {
            // "announced an investigation into Didi": a reporting verb with a nominalisation for
            // object opens no clause.
            let det = matches!(self.lower(i + 1), "a" | "an" | "the");
            let nominal_object = det
                && (i + 2..(i + 4).min(self.toks.len())).any(|k| {
                    self.lex
                        .triggers_from(&self.toks[k])
                        .is_some_and(|ps| ps.iter().any(|&p| self.lex.triggers[p].nominal))
                });
            return !nominal_object;
        }
        self.lex.words.clause_openers.contains_at(self.toks, i)
    }

    fn key(&self, m: usize) -> Option<&Key> {
        self.ms[m].key.as_ref()
    }

    /// The keys a mention stands for: its own, or every name of a plural description's group
    /// ("the platforms were blocked" blocks each of them).
    fn keys(&self, m: usize) -> &[Key] {
        let mm = &self.ms[m];
        if mm.group.is_empty() {
            mm.key.as_slice()
        } else {
            &mm.group
        }
    }

    /// The verb that governs the infinitive at `v` ("told providers to block", "urged the
    /// government to lift"): its position, and for an appeal to a state actor, that actor's
    /// mention. An appeal to anyone else is read as a command ("the ministry asked telecom
    /// companies to block Telegram" is the ministry's block).
    fn infinitive_controller(&self, v: usize) -> Option<(usize, Option<usize>)> {
        if v == 0 || self.lower(v - 1) != "to" {
            return None;
        }
        let w = &self.lex.words;
        let mut k = v - 1;
        // Eight words back, or twelve through a plain run of words ("told mobile operators and
        // internet providers on Wednesday to block"); names, and the commas, dashes and
        // conjunctions between them, do not count ("ordered the five carriers - Vivo, Claro, TIM,
        // Oi and Nextel - to block").
        let mut plain = true;
        let mut words = 0;
        while k > 0 && (words < 7 || plain && words < 11) {
            k -= 1;
            if let Some(first) = self.name_list_ending_at(k + 1) {
                k = first;
                continue;
            }
            words += 1;
            plain &= self.toks[k].kind != TokenKind::Punct;
            if w.control.contains_at(self.toks, k) {
                return Some((k, None));
            }
            if w.appeal.contains_at(self.toks, k) {
                let addressee = (k + 1..v - 1)
                    .filter_map(|x| self.slot[x])
                    .find(|&m| self.ms[m].start > k && self.ms[m].class.is_state());
                return Some((k, addressee));
            }
            if self.slot[k].is_none() && (self.is_boundary(k) || self.lex.is_trigger(&self.toks[k])) {
                return None;
            }
        }
        None
    }

    /// The first token of a list of two or more names joined by "and" or "or" that ends right
    /// before token `end` ("Vivo, Claro, TIM, Oi and Nextel"), with the dashes around it.
    fn name_list_ending_at(&self, end: usize) -> Option<usize> {
        let mut k = end;
        if k > 0 && self.lower(k - 1) == "-" {
            k -= 1;
        }
        let mut joined = false;
        let mut first = None;
        while k > 0 {
            let t = k - 1;
            if let Some(n) = self.slot[t] {
                k = self.ms[n].start.min(t);
                first = Some(k);
            } else if first.is_some() && matches!(self.lower(t), "," | "and" | "or") && t > 0 && self.slot[t - 1].is_some() {
                joined |= self.lower(t) != ",";
                k = t;
            } else {
                break;
            }
        }
        // And past the dash that opens it.
        let opened = first.filter(|&f| f > 0 && self.lower(f - 1) == "-").map(|f| f - 1);
        opened.or(first).filter(|_| joined)
    }

    /// The relative pronoun that opens the clause whose verb group starts at `vg`: right before
    /// it, or before a time adjunct of up to four words with a time noun, a month, a weekday or a
    /// number in it ("the Commission, which last week barred", "which on Monday blocked").
    fn relative_before(&self, vg: usize) -> Option<usize> {
        let w = &self.lex.words;
        let mut k = vg;
        let mut anchored = false;
        while k > 0 && vg - k < 4 {
            let t = &self.toks[k - 1];
            let time = w.time_nouns.contains(t) || w.months.get(t).is_some() || w.weekdays.get(t).is_some();
            if self.slot[k - 1].is_some() || !(time || t.kind == TokenKind::Number || w.time_adjunct.contains(t)) {
                break;
            }
            anchored |= time || t.kind == TokenKind::Number;
            k -= 1;
        }
        let at = if anchored && k < vg { k } else { vg };
        (at > 0 && w.relatives.contains_at(self.toks, at - 1)).then(|| at - 1)
    }

    /// "Meta, Google, which owns YouTube, and ByteDance": where a relative clause opened right
    /// before the verb group at `vg` closes, when it sits inside a list of names that goes on
    /// after it (", and" or ", or" then a name). The clause's subject is the one name before it,
    /// and its objects end at that comma.
    fn relative_in_list(&self, vg: usize) -> Option<usize> {
        let p = self.relative_before(vg)?;
        if p == 0 || self.lower(p - 1) != "," {
            return None;
        }
        let close = (vg..(vg + 12).min(self.toks.len()))
            .take_while(|&k| !matches!(self.lower(k), "." | ";" | ":"))
            .find(|&k| self.lower(k) == ",")?;
        let listed = matches!(self.lower(close + 1), "and" | "or")
            && (close + 2..(close + 5).min(self.toks.len()))
                .take_while(|&k| self.slot[k].is_some() || matches!(self.lower(k), "the" | "'s") || self.toks[k].cap)
                .any(|k| self.slot[k].is_some());
        listed.then_some(close)
    }

    /// Whether the mention at `m` follows a preposition (skipping determiners).
    fn after_preposition(&self, m: usize) -> bool {
        let mut p = self.ms[m].start;
        while p > 0 && matches!(self.lower(p - 1), "the" | "a" | "an" | "its" | "his" | "their") {
            p -= 1;
        }
        if p == 0 {
            return false;
        }
        let prev = self.lower(p - 1);
        if prev == "of" {
            // "members of the Cabinet", "a panel of the Supreme Court": the group acts.
            return !(p >= 2 && self.lex.words.group_heads.contains(&self.toks[p - 2]));
        }
        if self.lex.words.clause_openers.contains_word(prev) && !matches!(prev, "that" | "which" | "who") {
            // "days after the Russian court decided": a conjunction, not a preposition.
            return false;
        }
        prev == "by" || self.lex.words.prepositions.contains_word(prev)
    }

    /// The name before a parenthesis between commas that closes right before the verb group at
    /// `vg`: "TikTok, owned by the Chinese company ByteDance, was fined" and "TikTok, which ByteDance
    /// owns, was blocked" (TikTok). A list ("Facebook, Instagram, WhatsApp were blocked") is no
    /// parenthesis: after its commas come names.
    fn parenthesis_head(&self, vg: usize) -> Option<usize> {
        if vg < 3 || self.lower(vg - 1) != "," {
            return None;
        }
        let mut c = vg - 1;
        while c > 1 && vg - c < 16 {
            c -= 1;
            if self.lower(c) == "," {
                let opens = self.toks.get(c + 1).is_some_and(|t| !t.cap && t.kind == TokenKind::Word);
                return if opens { self.slot[c - 1] } else { None };
            }
        }
        None
    }

    /// For a name inside an apposition's complement ("Koo, a homegrown alternative to Twitter"),
    /// the name the apposition describes (Koo).
    fn apposition_head(&self, m: usize) -> Option<usize> {
        let mut p = self.ms[m].start;
        if p > 0 && self.lower(p - 1) == "the" {
            p -= 1;
        }
        if p == 0 || !self.lex.words.prepositions.contains(&self.toks[p - 1]) {
            return None;
        }
        let mut j = p - 1;
        while j > 0 && p - j < 6 {
            j -= 1;
            let t = &self.toks[j];
            if matches!(t.lower.as_str(), "a" | "an" | "the") {
                return (j >= 2 && self.lower(j - 1) == ",").then(|| self.slot[j - 2]).flatten();
            }
            if t.cap || t.kind != TokenKind::Word || self.slot[j].is_some() || self.lex.is_trigger(t) {
                return None;
            }
        }
        None
    }

    /// For a possessive mention, the name right after it that it possesses ("ByteDance's
    /// TikTok"): what a list item or an object stands for.
    fn possessed(&self, m: usize) -> Option<usize> {
        self.ms[m]
            .possessive
            .then(|| self.slot.get(self.ms[m].end).copied().flatten())
            .flatten()
    }

    /// Whether a hyphen and a word of origin follow token `end`: the place before them is where
    /// something is from ("Beijing-based", "Iranian-made"), not an actor.
    fn origin_follows(&self, end: usize) -> bool {
        crate::mention::origin_after(self.toks, end, self.lex)
    }

    fn usable(&self, m: usize, classes: &[Class]) -> bool {
        let mm = &self.ms[m];
        // "the Seoul-based firm": a place of origin is no actor and no object; nor is the app in
        // "its own TikTok clone".
        mm.key.is_some()
            && mm.is_actor()
            && (classes.is_empty() || classes.contains(&mm.class))
            && !self.origin_follows(mm.end)
            && self.toks.get(mm.end).is_none_or(|t| !self.lex.words.likeness.contains(t))
    }

    /// Mentions joined to `m` by coordination, leftwards or rightwards, with an accepted class.
    fn coordinated(&self, m: usize, classes: &[Class], rightwards: bool) -> MentionList {
        let mut out = smallvec![m];
        let mut cur = m;
        loop {
            let next = if rightwards {
                self.next_in_list(cur)
            } else {
                self.prev_in_list(cur)
            };
            match next {
                Some(n) if self.usable(n, classes) => {
                    out.push(n);
                    cur = n;
                }
                _ => break,
            }
        }
        out
    }

    /// Whether a finite verb group opens at `k`: an auxiliary or modal then a verb of the
    /// lexicon ("was blocked", "has quit"), or, after ", and", such a verb in the present's third
    /// person ("belongs"; without the comma "WhatsApp and Skype calls" is a noun). Not a bare
    /// participle ("ordered Facebook and X blocked").
    fn finite_verb_at(&self, k: usize, after_comma: bool) -> bool {
        crate::mention::verb_after(self.toks, k, self.lex)
            .is_some_and(|v| v > k || after_comma && self.toks[v].lower.ends_with('s') && !self.toks[v].lower.ends_with("ss"))
    }

    fn next_in_list(&self, m: usize) -> Option<usize> {
        let mut k = self.ms[m].end;
        let mut saw_link = false;
        let mut words = 0;
        let mut limit = self.ms[m].end + 8;
        while k < self.toks.len() && k < limit {
            if let Some(close) = (k > 0 && self.lower(k - 1) == ",").then(|| self.person_parenthesis(m, k)).flatten() {
                limit = close + 8;
                k = close;
                continue;
            }
            if let Some(n) = self.slot[k] {
                if n == m {
                    k += 1;
                    continue;
                }
                if !(saw_link && self.ms[n].start == k) {
                    return None;
                }
                // "..., and Orange Cameroun belongs to France's Orange": a name with a finite verb
                // of its own after it opens a new clause.
                let item = self.possessed(n).unwrap_or(n);
                let comma_and = self.ms[n].start >= 2 && self.lower(self.ms[n].start - 2) == ",";
                if self.finite_verb_at(self.ms[item].end, comma_and) {
                    return None;
                }
                // "ByteDance's TikTok, Tencent's WeChat": the item is what the possessor has.
                return Some(item);
            }
            let l = self.lower(k);
            // "Koo, a homegrown alternative to Twitter": an apposition, not the next item; but
            // "X, the file-sharing tool ShareIt" is the next item, described.
            let opens_apposition =
                matches!(l, "a" | "an") || l == "the" && self.toks.get(k + 1).is_some_and(|t| !t.cap && t.kind == TokenKind::Word);
            if k > 0 && self.lower(k - 1) == "," && opens_apposition && !self.described_item(k) {
                return None;
            }
            // "TikTok and Helo, both owned by ByteDance, Tencent's WeChat": a participle's
            // parenthesis between two items is passed over, to its closing comma.
            if k > 0 && self.lower(k - 1) == "," {
                if let Some(close) = self.participle_parenthesis(k) {
                    limit = close + 8;
                    k = close;
                    continue;
                }
            }
            if let Some((len, _)) = self.lex.coordinators.longest(self.toks, k) {
                saw_link = true;
                k += len;
            } else if let Some((len, _)) = self.lex.list_introducers.longest(self.toks, k) {
                saw_link = true;
                k += len;
            } else if matches!(l, "," | "both" | "even" | "also" | "the") {
                saw_link |= l == ",";
                k += 1;
            } else if !saw_link
                && self.ms[m].possessive
                && k < self.ms[m].end + 3
                && self.toks[k].kind == TokenKind::Word
                && !self.toks[k].cap
                && !self.lex.is_function_word(&self.toks[k])
                && !self.lex.is_trigger(&self.toks[k])
            {
                // "PayPal, Yahoo's search engine and ...": the item is the possessor's thing.
                k += 1;
                limit += 1;
            } else if saw_link
                && words == 0
                && self.ms[m].start > 0
                && self.lower(self.ms[m].start - 1) == l
                && self.lex.words.prepositions.contains(&self.toks[k])
            {
                // "to Telegram and to WeChat": the item's preposition repeated.
                k += 1;
            } else if saw_link
                && words < 4
                && self.toks[k].kind == TokenKind::Word
                && !self.toks[k].cap
                && !self.lex.is_trigger(&self.toks[k])
                && !self.lex.words.clause_openers.contains(&self.toks[k])
                && l != "of"
                && !self.lex.words.prepositions.contains(&self.toks[k])
            {
                // "and other popular services such as Instagram", but not "..., and of TikTok"
                words += 1;
                k += 1;
            } else {
                return None;
            }
        }
        None
    }

    /// Whether the article at `k` opens a list item described before its name: "the file-sharing
    /// tool ShareIt" (lower-case words, then a name, no preposition between).
    fn described_item(&self, k: usize) -> bool {
        let mut j = k + 1;
        while j < k + 4
            && self.slot.get(j).copied().flatten().is_none()
            && self
                .toks
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Word && !t.cap && !self.lex.words.prepositions.contains(t) && !self.lex.is_trigger(t))
        {
            j += 1;
        }
        // Not the subject of a relative clause on the description: "SpaceX, the rocket company
        // Musk founded".
        j > k + 1
            && self.slot.get(j).copied().flatten().is_some_and(|n| {
                self.ms[n].start == j
                    && self.ms[n].kind == MentionKind::Named
                    && !self.toks.get(self.ms[n].end).is_some_and(|t| self.lex.is_trigger(t))
            })
    }

    /// Where a participle's parenthesis that opens at `k` closes, at its comma: "both owned by
    /// ByteDance," and "owned by the Chinese company ByteDance,". None when `k` opens none.
    fn participle_parenthesis(&self, k: usize) -> Option<usize> {
        let p = if matches!(self.lower(k), "both" | "all" | "each") {
            k + 1
        } else {
            k
        };
        let participle = self
            .toks
            .get(p)
            .is_some_and(|t| !t.cap && (t.lower.ends_with("ed") || t.lower == "run" || t.lower == "built"));
        if !participle || self.lower(p + 1) != "by" {
            return None;
        }
        (p + 2..(p + 10).min(self.toks.len()))
            .take_while(|&x| !self.is_boundary(x))
            .find(|&x| self.lower(x) == ",")
    }

    /// "Hoan Ton-That, who is its chief executive, and Richard Schwartz", "Ton-That, its chief
    /// executive, and Schwartz": a relative clause or a possessive title set off by commas after
    /// a person, then "and" or "or": where it closes.
    fn person_parenthesis(&self, m: usize, k: usize) -> Option<usize> {
        let opens = self.lex.words.relatives.contains_at(self.toks, k) || matches!(self.lower(k), "its" | "his" | "her" | "their");
        if !self.ms[m].class.is_person() || !opens {
            return None;
        }
        let close = (k + 1..(k + 10).min(self.toks.len()))
            .take_while(|&x| self.slot[x].is_none_or(|n| self.ms[n].kind == MentionKind::Pronoun || self.ms[n].kind == MentionKind::Role))
            .take_while(|&x| !matches!(self.lower(x), ";" | ":" | "." | "(" | ")" | "\""))
            .find(|&x| self.lower(x) == ",")?;
        matches!(self.lower(close + 1), "and" | "or").then_some(close)
    }

    fn prev_in_list(&self, m: usize) -> Option<usize> {
        let mut start = self.ms[m].start;
        // "foreign ministry spokesperson Bahram Ghassemi": the body belongs to the person's title.
        while start > 0 {
            match self.slot[start - 1] {
                Some(b) if self.ms[m].titles.iter().any(|t| t.body == Some(self.ms[b].start)) => start = self.ms[b].start,
                _ => break,
            }
        }
        // "Roskomnadzor and the Ministry of Defence": past the article (", the" opens an
        // apposition more often than an item).
        if start >= 3 && self.lower(start - 1) == "the" && matches!(self.lower(start - 2), "and" | "or") {
            start -= 1;
        }
        if start < 2 {
            return None;
        }
        let l = self.lower(start - 1);
        if matches!(l, "and" | "," | "or") {
            let n = self.slot[start - 2]?;
            if l == "," && self.lower(start - 2) == "," {
                return None;
            }
            return Some(n);
        }
        None
    }

    /// The name a noun right before `at` stands for, where a relative clause with no pronoun
    /// opens: the last name of a list the plural noun closes ("Facebook, YouTube, X and more than
    /// 20 other platforms | it blocked"), or the name the noun's apposition describes ("SpaceX,
    /// the rocket company | Musk founded").
    fn noun_antecedent(&self, at: usize) -> Option<usize> {
        let head = at.checked_sub(1)?;
        let t = &self.toks[head];
        // "Facebook and Twitter, the first time the government has used ...": a time is no name's
        // description.
        if !self.lex.plain_noun(t) || self.slot[head].is_some() || self.lex.words.time_nouns.contains(t) {
            return None;
        }
        let plural = self.lex.plain_plural(t);
        let mut k = head;
        while k > 0 && head - k < 8 {
            let p = k - 1;
            if plural && matches!(self.lower(p), "and" | "or") {
                return p.checked_sub(1).and_then(|q| self.slot[q]);
            }
            if matches!(self.lower(p), "the" | "a" | "an") {
                return (p >= 2 && self.lower(p - 1) == ",").then(|| self.slot[p - 2]).flatten();
            }
            let t = &self.toks[p];
            let w = &self.lex.words;
            let modifier = t.kind == TokenKind::Number
                || t.kind == TokenKind::Word && !t.cap && (w.approximators.contains(t) || !self.lex.is_function_word(t));
            if self.slot[p].is_some() || !modifier {
                return None;
            }
            k = p;
        }
        None
    }

    /// The start of the verb group ending at `i` (auxiliaries, modals, negation, adverbs, "to").
    fn verb_group_start(&self, i: usize) -> usize {
        let w = &self.lex.words;
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 7 {
            let p = k - 1;
            if self.slot[p].is_some() || self.toks[p].kind != TokenKind::Word || self.toks[p].cap && p > 0 {
                break;
            }
            let l = self.lower(p);
            let t = &self.toks[p];
            let aux = w.be.contains(t)
                || w.have.contains(t)
                || w.hypothetical.contains(t)
                || w.negation.contains(t)
                || w.adverbs.contains(t)
                || matches!(
                    l,
                    "to" | "will"
                        | "shall"
                        | "'ll"
                        | "do"
                        | "does"
                        | "did"
                        | "going"
                        | "longer"
                        | "too"
                        | "quick"
                        | "decided"
                        | "began"
                        | "begun"
                        | "started"
                        | "start"
                        | "starts"
                        | "begin"
                        | "begins"
                        | "trying"
                        | "tried"
                        | "try"
                        | "plans"
                        | "plan"
                        | "planned"
                        | "planning"
                        | "intends"
                        | "intend"
                        | "set"
                        | "aims"
                        | "agreed"
                        | "vowed"
                        | "pledged"
                        | "expected"
                        | "continue"
                        | "continues"
                        | "continued"
                        | "keep"
                        | "keeps"
                        | "kept"
                        | "moved"
                        | "moves"
                        | "sought"
                        | "seeks"
                        | "wants"
                        | "want"
                        | "wanted"
                        | "refused"
                        | "threatened"
                        | "has"
                        | "have"
                        | "had"
                        | "temporarily"
                        | "later"
                );
            if !aux {
                break;
            }
            k = p;
            steps += 1;
        }
        k
    }

    /// The speaker of a reporting clause that ends at the comma `c`: "Minister Moussa Thiam said
    /// on Wednesday," or "said Thiam,".
    fn speaker_before(&self, c: usize) -> Option<usize> {
        let reporting = |k: usize| self.lex.words.reporting.contains_at(self.toks, k);
        let mut k = c;
        while k > 0 && c - k < 6 {
            k -= 1;
            if reporting(k) {
                return k.checked_sub(1).and_then(|p| self.slot[p]);
            }
            if let Some(m) = self.slot[k] {
                let start = self.ms[m].start;
                return (start > 0 && reporting(start - 1)).then_some(m);
            }
            if self.lower(k) == "," {
                return None;
            }
        }
        None
    }

    /// The nearest reporting verb before `end`, no further back than `from` and not past a ";" or
    /// ":", that is no name's word: the "said" a reported clause hangs from ("the ministry said
    /// that blocking X was a blunt tool").
    fn reporting_before(&self, from: usize, end: usize) -> Option<usize> {
        (from..end)
            .rev()
            .take_while(|&x| !matches!(self.lower(x), ";" | ":"))
            .find(|&x| self.lex.words.reporting.contains_at(self.toks, x) && self.slot[x].is_none())
    }

    /// The reporting verb a venue phrase "in a post", "in a statement" at `noun` belongs to: the
    /// nearest one before "in", over its object ("announced the decision in a post on X").
    fn reporting_verb_before_venue(&self, noun: usize) -> Option<usize> {
        let mut k = noun.checked_sub(1)?;
        if !self.lex.words.prepositions.contains(&self.toks[k]) {
            k = k.checked_sub(1)?;
        }
        if self.lower(k) != "in" {
            return None;
        }
        (k.saturating_sub(8)..k)
            .rev()
            .take_while(|&x| !matches!(self.lower(x), ";" | ":" | "(" | ")") && !self.lex.words.clause_openers.contains(&self.toks[x]))
            .find(|&x| self.lex.words.reporting.contains_at(self.toks, x))
    }

    /// The name an apposition opening at the comma `comma` describes: the mention right before
    /// it, or, where that is a bracketed acronym the text does not resolve, the name before the
    /// bracket ("The Freedom of Expression Association (IFOD), a Turkish group").
    fn name_before_comma(&self, comma: usize) -> Option<usize> {
        let at = |end: usize| {
            let n = self.slot[end.checked_sub(1)?]?;
            (self.ms[n].end == end).then_some(n)
        };
        let right_before = at(comma);
        let bracketed = comma >= 4
            && self.lower(comma - 1) == ")"
            && self.lower(comma - 3) == "("
            && self.toks[comma - 2].cap
            && (2..=6).contains(&self.toks[comma - 2].lower.len());
        match right_before {
            Some(n) if self.ms[n].key.is_some() || !bracketed => Some(n),
            _ if bracketed => at(comma - 3),
            other => other,
        }
    }

    /// The subject(s) of a verb starting at token `v`; for the infinitive of an order that
    /// another actor upheld, that actor too.
    fn subject(&self, v: usize, classes: &[Class]) -> MentionList {
        let mut found = self.clause_subject(v, classes);
        if let Some(e) = self.order_endorser(v, classes).filter(|e| !found.contains(e)) {
            found.push(e);
        }
        found
    }

    /// "The court upheld an order by Judge X to suspend Telegram": the subject of the verb that
    /// takes up the order (language.toml endorsement_verbs) whose infinitive starts at `v`.
    fn order_endorser(&self, v: usize, classes: &[Class]) -> Option<usize> {
        let w = &self.lex.words;
        if v == 0 || self.lower(v - 1) != "to" {
            return None;
        }
        // The order noun, past its agent and an apposition ("an order by one of its justices,
        // Alexandre de Moraes, to suspend").
        let noun = (v.saturating_sub(14)..v - 1)
            .rev()
            .take_while(|&k| !matches!(self.lower(k), ";" | ":") && !w.clause_openers.contains(&self.toks[k]))
            .find(|&k| self.slot[k].is_none() && w.order_nouns.contains(&self.toks[k]))?;
        // The verb, before a determiner and up to two modifiers ("upheld the earlier order").
        let verb = (noun.saturating_sub(4)..noun)
            .rev()
            .take_while(|&k| self.slot[k].is_none() && !self.is_boundary(k))
            .find(|&k| w.endorsement.contains(&self.toks[k]))?;
        self.clause_subject(verb, classes).first().copied()
    }

    /// The subject(s) of a verb starting at token `v`, read from its clause.
    fn clause_subject(&self, v: usize, classes: &[Class]) -> MentionList {
        let vg = self.verb_group_start(v);
        // "Anatel told internet providers to block X": the agent is the subject of "told".
        // "The opposition urged the government to lift the ban": the one appealed to.
        match self.infinitive_controller(v) {
            Some((_, Some(addressee))) if self.usable(addressee, classes) => {
                return self.coordinated(addressee, classes, false);
            }
            Some((_, Some(_))) => return MentionList::new(),
            Some((k, None)) => return self.subject(k, classes),
            None => {}
        }
        // A gerund of reason: "fined Google for blocking Signal" and "fined Twitter $50 million for
        // refusing": its agent is the object right before "for" (over an amount), and an object
        // that is no name ("arrested three men for using Telegram") gives none. After a passive
        // or with no object ("was criticised for blocking") the subject is found as for any verb.
        if vg == v && v >= 2 && self.lower(v - 1) == "for" && self.toks[v].lower.ends_with("ing") {
            let w = &self.lex.words;
            let mut k = v - 1;
            while k > 0
                && self.slot[k - 1].is_none()
                && (self.toks[k - 1].kind != TokenKind::Word
                    || w.scales.get(&self.toks[k - 1]).is_some()
                    || w.not_user_nouns.contains(&self.toks[k - 1]))
            {
                k -= 1;
            }
            if let Some(m) = k.checked_sub(1).and_then(|p| self.slot[p]) {
                return if self.usable(m, classes) {
                    smallvec![m]
                } else {
                    MentionList::new()
                };
            }
            let after_be = (v.saturating_sub(4)..v - 1).any(|x| w.be.contains(&self.toks[x]));
            if !after_be && k > 0 && self.toks[k - 1].kind == TokenKind::Word && !self.toks[k - 1].cap {
                return MentionList::new();
            }
        }
        // Participial adjunct after a comma ("..., accusing it of"): the sentence's main subject;
        // after a reporting clause, its speaker ("Senegal has suspended TikTok, Minister Moussa
        // Thiam said on Wednesday, accusing the app of ...").
        // So is a gerund after "before", "after" or "by" ("blocked Telegram before lifting the
        // block", "responded by blocking X"; language.toml gerund_adjuncts).
        let adjunct = || vg > 0 && (self.lower(vg - 1) == "," || self.lex.words.gerund_adjuncts.contains(&self.toks[vg - 1]));
        if vg == v && self.toks[v].lower.ends_with("ing") && adjunct() {
            if let Some(m) = self.speaker_before(vg - 1).filter(|&m| self.usable(m, classes)) {
                return smallvec![m];
            }
            if let Some(m) = (0..self.ms.len())
                .find(|&m| self.ms[m].start < v && self.usable(m, classes) && !self.after_preposition(m) && !self.ms[m].possessive)
            {
                return smallvec![m];
            }
        }
        // Relative clause: "Jahangiri, who shut down ...", "Soroush, which ...".
        if let Some(mut p) = self.relative_before(vg) {
            let who = self.lower(p) == "who";
            if p > 0 && self.lower(p - 1) == "," {
                p -= 1;
            }
            if p > 0 {
                // "Khinshtein, a senior lawmaker who chairs": the name the apposition describes.
                // "Enonchong, a Cameroonian entrepreneur who founded": past a demonym too.
                let mut q = p - 1;
                while q > 0
                    && p - q < 6
                    && (self.slot[q].is_none() && !self.toks[q].cap && self.toks[q].kind == TokenKind::Word
                        || self.slot[q].is_some_and(|m| self.ms[m].kind == MentionKind::Demonym))
                {
                    q -= 1;
                }
                let described = (q > 0 && q + 1 < p && self.lower(q) == "," && matches!(self.lower(q + 1), "a" | "an" | "the"))
                    .then(|| self.slot[q - 1])
                    .flatten();
                // "Amith Weerasinghe, the leader of a group called Mahason Balakaya, who had
                // posted": "who" is said of a person, the one the apposition describes.
                let person_described = |m: usize| {
                    let s = self.ms[m].start;
                    (s.saturating_sub(15)..s)
                        .rev()
                        .take_while(|&x| !matches!(self.lower(x), ";" | ":" | "(" | ")"))
                        .find(|&x| self.lower(x) == ",")
                        .and_then(|x| x.checked_sub(1))
                        .and_then(|x| self.slot[x])
                        .filter(|&a| self.ms[a].class.is_person())
                };
                let named_before = self.slot[p - 1].map(|m| {
                    if who && !self.ms[m].class.is_person() {
                        person_described(m).unwrap_or(m)
                    } else {
                        m
                    }
                });
                if let Some(m) = named_before.or(described) {
                    return if !self.usable(m, classes) {
                        MentionList::new()
                    } else if self.relative_in_list(vg).is_some() {
                        smallvec![m]
                    } else {
                        self.coordinated(m, classes, false)
                    };
                }
            }
            return MentionList::new();
        }
        // Apposition between commas: "Russia, Iran's ally in the Syrian conflict, began blocking".
        if vg > 0 && self.lower(vg - 1) == "," {
            let mut k = vg - 1;
            let mut reach = 20;
            while k > 0 && vg - k < reach {
                k -= 1;
                if self.lower(k) == "," {
                    if k > 0 {
                        if let Some(m) = self.slot[k - 1] {
                            if self.usable(m, classes) && !self.after_preposition(m) {
                                // "Russia's regulator, Roskomnadzor, began": the name in the apposition is the sharper subject.
                                if let Some(named) =
                                    self.slot[k + 1].filter(|&n| self.ms[n].end == vg - 1 && self.ms[n].kind == MentionKind::Named)
                                {
                                    if self.ms[m].kind == MentionKind::Unnamed && self.usable(named, classes) {
                                        return smallvec![named];
                                    }
                                }
                                return self.coordinated(m, classes, false);
                            }
                        }
                    }
                    // "Senior officials, including Ayatollah Ali Khamenei, maintain accounts": a
                    // group no name stands for acts through the members listed.
                    if k > 0 && self.slot[k - 1].is_none() {
                        if let Some((len, _)) = self.lex.list_introducers.longest(self.toks, k + 1) {
                            if let Some(m) = self.slot.get(k + 1 + len).copied().flatten().filter(|&m| self.usable(m, classes)) {
                                return self.coordinated(m, classes, true);
                            }
                        }
                    }
                    // "Navin Ramgoolam, a former prime minister and leader of the Labour Party,
                    // which heads the opposition alliance, accused": a relative clause on the
                    // apposition's last name; the subject is before the apposition.
                    if reach == 20 && matches!(self.lower(k + 1), "which" | "who" | "whose") {
                        reach = 40;
                        continue;
                    }
                    break;
                }
                // "the Wikimedia Foundation, the non-profit that owns the encyclopedia, refused":
                // a relative clause inside the apposition.
                // So is one opened by "whose" ("The Garante, whose board is chaired by X, opened").
                // A relative clause's own subordinate words do not end it: "Tsikhanouskaya, who left
                // for Lithuania two days after the vote, has relied on Telegram".
                let in_relative = || {
                    (k.saturating_sub(15)..k)
                        .rev()
                        .take_while(|&x| !matches!(self.lower(x), ";" | ":" | "." | "(" | ")"))
                        .find(|&x| self.lower(x) == ",")
                        .is_some_and(|x| matches!(self.lower(x + 1), "who" | "which" | "whose"))
                };
                if self.is_boundary(k) && !matches!(self.lower(k), "that" | "which" | "who" | "whose") && !in_relative() {
                    break;
                }
            }
        }
        // "banned ChatGPT and opened an investigation into OpenAI": a verb right after "and" has
        // the subject of the verb before it, not that verb's object.
        if vg > 0 && self.lower(vg - 1) == "and" {
            // "The High Court ruled on Monday that a minister had no power to order the blackout,
            // and told the operators to restore access": after ", and", a verb goes on from the
            // clause that reported or decided the "that" clause, not from a verb inside it.
            if vg >= 2 && self.lower(vg - 2) == "," {
                let w = &self.lex.words;
                let reporter = (vg.saturating_sub(40)..vg - 2)
                    .rev()
                    .take_while(|&x| !matches!(self.lower(x), ";" | ":" | "(" | ")" | "\""))
                    .find(|&x| {
                        (w.reporting.contains(&self.toks[x]) || w.deciding.contains(&self.toks[x]))
                            && self.slot[x].is_none()
                            && ((x + 1..(x + 5).min(vg)).any(|y| self.lower(y) == "that") || w.reporting.contains(&self.toks[x]))
                    });
                if let Some(r) = reporter {
                    let subj = self.subject(r, classes);
                    if !subj.is_empty() {
                        return subj;
                    }
                }
            }
            let mut k = vg - 1;
            while k > 0 && vg - k < 20 {
                k -= 1;
                // "fined Meta 1.2 billion euros ($1.3 billion) on Monday and ordered": past a
                // parenthesis.
                if self.lower(k) == ")" {
                    if let Some(open) = (k.saturating_sub(12)..k).rev().find(|&x| self.lower(x) == "(") {
                        k = open;
                        continue;
                    }
                }
                if self.is_boundary(k) {
                    break;
                }
                if self.slot[k].is_none() && !self.toks[k].cap && self.lex.is_trigger(&self.toks[k]) {
                    return self.subject(k, classes);
                }
            }
        }
        let mut k = vg;
        while k > 0 {
            k -= 1;
            // "The Bloggers Association of Kenya (BAKE) said": past an acronym in parentheses.
            if self.lower(k) == ")" && k + 1 == vg {
                if let Some(open) = (k.saturating_sub(4)..k).rev().find(|&x| self.lower(x) == "(") {
                    k = open;
                    continue;
                }
            }
            if let Some(m) = self.slot[k] {
                let mm = &self.ms[m];
                k = mm.start;
                let proxy = mm.possessive && proxy_follows(self.toks, mm.end, self.lex);
                if (!mm.possessive || proxy) && !self.after_preposition(m) && self.usable(m, classes) {
                    return self.coordinated(m, classes, false);
                }
                continue;
            }
            if self.is_boundary(k) {
                break;
            }
        }
        MentionList::new()
    }

    /// Whether a pronoun after `from` opens a relative clause without "that" ("take down videos it
    /// describes as blasphemous"): right after a plain noun, it is that clause's subject, not an object.
    fn relative_subject(&self, m: usize, from: usize) -> bool {
        let s = self.ms[m].start;
        let w = &self.lex.words;
        s > from
            && self.toks.get(s - 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && !t.cap
                    && self.slot[s - 1].is_none()
                    && !self.lex.is_trigger(t)
                    && ![&w.prepositions, &w.clause_openers, &w.be, &w.have, &w.adverbs]
                        .iter()
                        .any(|set| set.contains(t))
            })
    }

    /// The object(s) after token `from`, stopping at a clause boundary or another trigger.
    fn objects(&self, from: usize, classes: &[Class], stops: &[usize]) -> MentionList {
        let mut k = from;
        // "the rocket company Musk founded, to guarantee ...": a verb with its object before it
        // (a relative clause without "that") ends at the comma.
        if self.lower(from) == "," {
            return MentionList::new();
        }
        while k < self.toks.len() && k < from + OBJECT_REACH {
            if stops.contains(&k) {
                break;
            }
            if let Some(m) = self.slot[k] {
                // "heads the parliament's National Security Commission": the possessor is not the object.
                let owns_next = self.possessed(m).is_some_and(|n| self.usable(n, classes));
                // "blaming the video service's owner, Google": the name in apposition to the
                // possessor's title is the object.
                let titled_next = self.ms[m].possessive
                    && self.lex.titles.longest(self.toks, self.ms[m].end).is_some_and(|(len, _)| {
                        let comma = self.ms[m].end + len;
                        self.lower(comma) == "," && self.slot.get(comma + 1).copied().flatten().is_some_and(|n| self.usable(n, classes))
                    });
                if self.usable(m, classes)
                    && !owns_next
                    && !titled_next
                    && (self.ms[m].kind != MentionKind::Pronoun || !self.ms[m].possessive && !self.relative_subject(m, from))
                {
                    // A list of objects ends at a comma that closes the verb's clause
                    // (`relative_in_list`).
                    let mut list = self.coordinated(m, classes, true);
                    if let Some(&stop) = stops.iter().filter(|&&s| s > k && self.lower(s) == ",").min() {
                        list.retain(|x| self.ms[*x].start < stop);
                    }
                    return list;
                }
                // "leaving it with no Naver representatives": a pronoun right after the verb that
                // fits no object is the object all the same.
                if k == from && self.ms[m].kind == MentionKind::Pronoun && !self.ms[m].possessive {
                    break;
                }
                // "use Fala, a homegrown alternative to WhatsApp": a name that fits no object,
                // then an apposition describing it; what the apposition names is not the object.
                let end = self.ms[m].end;
                let named = matches!(self.ms[m].kind, MentionKind::Named | MentionKind::Surname);
                if named && self.lower(end) == "," && matches!(self.lower(end + 1), "a" | "an") {
                    break;
                }
                // "blocked Google-owned YouTube": past the owner and its word of origin.
                k = if self.origin_follows(end) { end + 2 } else { end.max(k + 1) };
                continue;
            }
            if self.is_boundary(k) && !(self.lower(k) == "that" && k == from) {
                break;
            }
            k += 1;
        }
        MentionList::new()
    }
}

/// The ellipses of a sentence that repeat a clause's verb for other names, each with where it
/// starts and its first name: ", as have Facebook and Instagram", ", as did Korea Hydro & Nuclear
/// Power", "and so do Facebook and X".
fn ellipses(v: &View) -> SmallVec<[(usize, usize); 2]> {
    let w = &v.lex.words;
    let aux = |k: usize| {
        v.toks
            .get(k)
            .is_some_and(|t| w.be.contains(t) || w.have.contains(t) || matches!(t.lower.as_str(), "do" | "does" | "did"))
    };
    let mut out = SmallVec::new();
    for k in 0..v.toks.len().saturating_sub(2) {
        let opens = matches!((v.lower(k), v.lower(k + 1)), (",", "as") | ("and", "so")) && aux(k + 2);
        if !opens {
            continue;
        }
        // Past an article and up to three words of description ("the state-run utility"), and
        // past a possessor ("Meta's Facebook").
        let a = k + 3;
        let first = (a..(a + 5).min(v.toks.len()))
            .find_map(|x| v.slot[x])
            .filter(|&m| v.ms[m].start >= a);
        if let Some(m) = first {
            out.push((k, v.possessed(m).unwrap_or(m)));
        }
    }
    out
}

/// Tries to match pattern elements at token `i`; returns the end of the match.
fn match_elems(toks: &[Token], i: usize, elems: &[PatternElem]) -> Option<usize> {
    match elems.first() {
        None => Some(i),
        Some(PatternElem::Words(set)) => {
            let t = toks.get(i)?;
            if set.contains(t) {
                match_elems(toks, i + 1, &elems[1..])
            } else {
                None
            }
        }
        // Up to four words, or six when a name ends them: "ordered the social media platform X
        // blocked".
        Some(PatternElem::Gap) => (0..=6).find_map(|g| {
            if (i..i + g).any(|k| toks.get(k).is_none_or(|t| matches!(t.lower.as_str(), "." | ";" | ","))) {
                return None;
            }
            if g > 4 && !toks[i + g - 1].cap {
                return None;
            }
            match_elems(toks, i + g, &elems[1..])
        }),
    }
}

fn find_triggers(v: &View, lex: &Lexicon) -> Vec<Found> {
    let mut all = Vec::new();
    for i in 0..v.toks.len() {
        if v.slot[i].is_some() {
            continue;
        }
        let Some(cands) = lex.triggers_from(&v.toks[i]) else {
            continue;
        };
        // "the Meta-owned app", "Chinese-built": a word of origin after a hyphen is a modifier.
        if i > 0 && v.lower(i - 1) == "-" && lex.words.origin.contains(&v.toks[i]) {
            continue;
        }
        // "that" right after a name is a relative pronoun, not a determiner: "the company that built it".
        // Nor after a verb of saying, where it opens a clause: "argued that blocking WhatsApp
        // violated the constitution".
        let that_not_determiner = i >= 2
            && v.lower(i - 1) == "that"
            && (v.slot[i - 2].is_some() || lex.words.reporting.contains(&v.toks[i - 2]) || lex.words.deciding.contains(&v.toks[i - 2]));
        let after_det = i > 0
            && !that_not_determiner
            && matches!(
                v.lower(i - 1),
                "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that" | "'s"
            );
        // "unaware of earlier requests from the ministry": a plural noun, not a verb.
        let plural_noun = i > 0
            && v.toks[i].lower.ends_with('s')
            && !v.toks[i].lower.ends_with("ss")
            && lex.words.plural_noun_markers.contains(&v.toks[i - 1]);
        // "Among the blocked apps are TikTok and Helo": a participle before a plural noun that a
        // list follows is read as the verb, with the ban the document told of behind it.
        let listed_participle = after_det
            && v.toks[i].lower.ends_with("ed")
            && v.toks
                .get(i + 1)
                .is_some_and(|t| !t.cap && t.kind == TokenKind::Word && t.lower.ends_with('s'))
            && (lex.words.be.contains_at(v.toks, i + 2) || lex.list_introducers.starts_at(v.toks, i + 2));
        let after_det = after_det && !listed_participle;
        for &p in cands {
            if (after_det || plural_noun) && !lex.triggers[p].nominal {
                continue;
            }
            if let Some(end) =
                match_elems(v.toks, i, &lex.triggers[p].elems).filter(|&end| lex.triggers[p].not_followed_by.longest(v.toks, end).is_none())
            {
                all.push(Found {
                    pattern: p,
                    start: i,
                    end,
                    suppressed: false,
                    absorbed: false,
                });
            }
        }
    }
    // Longest match wins where matches overlap.
    all.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end - f.start)));
    let mut kept: Vec<Found> = Vec::new();
    let mut nested: Vec<Found> = Vec::new();
    for f in all {
        if let Some(k) = kept.iter().find(|k| f.start < k.end && k.start < f.end || k.start == f.start) {
            // "condemned the suspension of X by Y": the ban noun closing an absorbing trigger is kept,
            // to be read only with its explicit agent.
            if lex.triggers[f.pattern].nominal && lex.triggers[k.pattern].absorbs && f.start + 1 == k.end {
                nested.push(Found { absorbed: true, ..f });
            }
            continue;
        }
        kept.push(f);
    }
    kept.extend(nested);
    kept.sort_by_key(|f| f.start);
    // "banned ... from using": the use belongs to the ban.
    for k in 0..kept.len() {
        let s = kept[k].start;
        let prev = v.lower(s.wrapping_sub(1));
        let after_ban = kept[..k]
            .iter()
            .any(|b| lex.triggers[b.pattern].relation == Relation::Bans && s - b.end < 10);
        if prev == "from" && after_ban || prev == "to" && after_ban && !lex.triggers[kept[k].pattern].nominal {
            kept[k].suppressed = true;
        }
    }
    kept
}

fn passive(v: &View, f: &Found, pat: &TriggerPattern) -> bool {
    if pat.nominal || v.toks[f.start].lower.ends_with("ing") {
        return false;
    }
    let gap = pat.elems.iter().any(|e| matches!(e, PatternElem::Gap));
    if v.lower(f.end) == "by" && f.end == f.start + 1 && !gap {
        // A reduced relative: "Telegram, built by Pavel Durov".
        return true;
    }
    // ... its agent after a time: "VKontakte, founded in 2006 by Pavel Durov".
    if !gap && f.start > 0 && v.lower(f.start - 1) == "," {
        let by = (f.end + 1..(f.end + 5).min(v.toks.len())).find(|&k| v.lower(k) == "by");
        if by.is_some_and(|b| (f.end..b).all(|x| v.slot[x].is_none() && !v.is_boundary(x))) {
            return true;
        }
    }
    let mut k = f.start;
    let mut steps = 0;
    while k > 0 && steps < 4 {
        k -= 1;
        steps += 1;
        let t = &v.toks[k];
        if v.lex.words.be.contains(t) {
            return true;
        }
        if !(v.lex.words.adverbs.contains(t) || v.lex.words.negation.contains(t)) {
            return false;
        }
    }
    false
}

/// The modality of a trigger at `start`, from its verb group and what precedes it in the sentence.
fn modality(v: &View, start: usize, subject_end: usize) -> Modality {
    let w = &v.lex.words;
    let mut lo = subject_end.max(start.saturating_sub(7)).min(start);
    // "refused to appoint a representative and called Moraes a dictator": a verb after "and" has
    // a verb group of its own.
    let vg = v.verb_group_start(start);
    if vg > lo && v.lower(vg - 1) == "and" {
        lo = vg;
    }
    // Rumours, conditions and denials reach over "that" but not back past a comma: in
    // "rumours continued that Iran would block Telegram, built by Durov" the founding is a fact.
    let clause_start = (0..start).rev().find(|&k| v.lower(k) == ",").map(|k| k + 1).unwrap_or(0);
    let context = clause_start..start;
    // "In May the watchdog lifted ...": the month, not the modal.
    let month = |t: &Token| t.cap && w.months.get(t).is_some();
    let has = |table: &crate::lexicon::PhraseTable<()>, range: std::ops::Range<usize>| {
        range
            .clone()
            .any(|k| !month(&v.toks[k]) && table.longest(v.toks, k).is_some_and(|(len, _)| k + len <= range.end))
    };
    let group = &v.toks[lo..start];
    if group.iter().any(|t| w.negation.contains(t)) || has(&w.denial, context.clone()) || has(&w.refusal, lo..start) {
        return Modality::Negated;
    }
    // "urged the government to lift the ban": asked for, not done.
    if v.infinitive_controller(start).is_some_and(|(_, addressee)| addressee.is_some()) {
        return Modality::Hypothetical;
    }
    // A condition after the verb: "would lift the ban if Twitter registered".
    // It ends at a second verb group: "had been pulled and would be allowed back only after".
    let second_verb = |k: usize| {
        matches!(v.lower(k), "and" | "but")
            && v.toks.get(k + 1).is_some_and(|t| {
                w.hypothetical.contains(t) || w.be.contains(t) || w.have.contains(t) || matches!(t.lower.as_str(), "will" | "then")
            })
    };
    let conditional_after = (start + 1..(start + 14).min(v.toks.len()))
        .take_while(|&k| !matches!(v.lower(k), "." | ";") && !second_verb(k))
        .any(|k| w.conditions_after.longest(v.toks, k).is_some() && !matches!(v.lower(k.saturating_sub(1)), "even" | "as"));
    // A threat or a demand is itself a fact, whatever condition it sets.
    let sets_terms = v.toks.get(start).and_then(|t| v.lex.triggers_from(t)).is_some_and(|ps| {
        ps.iter()
            .any(|&p| matches!(v.lex.triggers[p].relation, Relation::Threatens | Relation::Demands))
    });
    if conditional_after && !sets_terms {
        return Modality::Hypothetical;
    }
    let modal = |t: &Token| w.hypothetical.contains(t) && !month(t);
    if let Some(pos) = group.iter().position(modal) {
        let is_would = group[pos].lower == "would";
        // "ruled that access should be blocked": what a decision says must be, is decided.
        let decided = matches!(group[pos].lower.as_str(), "should" | "must")
            && (0..lo)
                .rev()
                .take_while(|&k| v.lower(k) != ";")
                .any(|k| w.deciding.contains(&v.toks[k]) && (k + 1..lo).any(|x| v.lower(x) == "that"));
        if decided {
            return Modality::Asserted;
        }
        let reported = (0..lo).any(|k| w.future_in_past.contains_at(v.toks, k));
        if !(is_would && reported) {
            return Modality::Hypothetical;
        }
        // "said he would move to Telegram" is the reported future; "announced that he would no
        // longer use Telegram" is a cessation taking effect.
        return if v.lower(start) == "no" {
            Modality::Asserted
        } else {
            Modality::Planned
        };
    }
    if has(&w.hypothetical_context, context) {
        return Modality::Hypothetical;
    }
    let continuing = group.iter().any(|t| w.continuing.contains(t)) || w.continuing.contains_at(v.toks, start);
    if has(&w.planned, lo..start) && !continuing {
        return Modality::Planned;
    }
    Modality::Asserted
}

/// Extracts the statements of one document from its resolved mentions.
pub fn extract_document(
    doc_id: &str,
    doc: &str,
    sentences: &[Sentence],
    mentions: &[Vec<Mention>],
    lex: &Lexicon,
    state: &mut DocState,
) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut char_pos = 0usize;
    let mut byte_pos = 0usize;
    let dates = DateReader::new(lex);
    let doc_arc: std::sync::Arc<str> = doc_id.into();
    // The ministries the document names, where a "communications minister" holds office.
    let bodies = named_bodies(mentions);
    let ministries = ministries(&bodies);
    for (s, ms) in sentences.iter().zip(mentions) {
        char_pos += doc[byte_pos..s.start].chars().count();
        let text = &doc[s.start..s.end];
        // The sentence's provenance (and its text) is made only when it yields a statement.
        let mut prov: Option<Provenance> = None;
        let mut provenance = || {
            prov.get_or_insert_with(|| Provenance {
                doc: doc_arc.clone(),
                sentence: s.index,
                start: char_pos,
                end: char_pos + text.chars().count(),
                text: text.into(),
            })
            .clone()
        };
        byte_pos = s.start;
        for m in ms {
            if m.class == Class::App && m.kind == MentionKind::Named {
                if let Some(k) = &m.key {
                    match state.app_counts.iter_mut().find(|(a, _)| a == k) {
                        Some((_, n)) => *n += 1,
                        None => state.app_counts.push((k.clone(), 1)),
                    }
                }
            }
        }
        let v = View::new(doc, s, ms, lex);
        // The sentence's dates are read only when it yields a statement.
        let mut dated: Option<Vec<(usize, Date)>> = None;
        let doc_date = state.doc_date;
        let mut add = |subject: &Key,
                       relation: Relation,
                       object: Object,
                       modality: Modality,
                       country: Option<Key>,
                       role: Option<String>,
                       at: usize| {
            if let Object::Entity(o) = &object {
                if o == subject {
                    return;
                }
            }
            let event = at != UNDATED
                && !matches!(
                    relation,
                    Relation::BasedIn | Relation::HoldsPositionIn | Relation::UserCount | Relation::Founded | Relation::Owns
                );
            out.push(Statement {
                subject: subject.clone(),
                relation,
                object,
                modality,
                date: if event {
                    let all = dated.get_or_insert_with(|| dates.find_all(&s.tokens, doc_date));
                    all.iter().min_by_key(|(p, _)| p.abs_diff(at)).map(|(_, d)| *d)
                } else {
                    None
                },
                country,
                role,
                provenance: provenance(),
            });
        };
        verb_statements(&v, lex, state, &mut add);
        modifier_statements(&v, lex, state.main_country.as_ref(), &ministries, &bodies, &mut add);
        user_counts(&v, lex, &mut add);
        platform_speech(&v, lex, &mut add);
        app_user_appositions(&v, lex, &mut add);
        if let Some(m) = ms.iter().rev().find(|m| m.class.is_state() && m.is_actor() && m.key.is_some()) {
            state.last_state = m.key.clone();
        }
    }
    out
}

/// The position of a statement read from no place of its own, which takes no date.
const UNDATED: usize = usize::MAX;

/// Adds a statement: subject, relation, object, modality, country, role, and the token it was read at
/// (which picks the date nearest to it; [`UNDATED`] for none).
type Add<'x> = dyn FnMut(&Key, Relation, Object, Modality, Option<Key>, Option<String>, usize) + 'x;

/// Mentions (by index) that fill one role of a statement: one or two almost always, so held
/// inline (a trigger's lists cost four allocations when they were vectors).
type MentionList = SmallVec<[usize; 4]>;

/// The keys of a statement's subjects or objects.
type KeyList = SmallVec<[Key; 2]>;

fn verb_statements(v: &View, lex: &Lexicon, state: &mut DocState, add: &mut Add) {
    let mut found = find_triggers(v, lex);
    // The sentence's ellipses, found once for all its triggers.
    let ellipses = if found.is_empty() { SmallVec::new() } else { ellipses(v) };
    let starts: SmallVec<[usize; 4]> = found.iter().filter(|f| !f.suppressed).map(|f| f.start).collect();
    for idx in 0..found.len() {
        if found[idx].suppressed {
            continue;
        }
        let f = found[idx].clone();
        let pat = &lex.triggers[f.pattern];
        let rel = pat.relation;
        let (dom, rng) = lex.signature(rel);
        let mut stops: SmallVec<[usize; 4]> = starts
            .iter()
            .copied()
            .filter(|&s| s > f.start && !(pat.absorbs && s < f.end + OBJECT_REACH))
            .collect();
        let has_gap = pat.elems.iter().any(|e| matches!(e, PatternElem::Gap));
        // "asked France to provide Durov with ...": who is asked stands before the infinitive;
        // a name after it is not (but "urged citizens to use Fala" promotes what follows).
        let asks = rel == Relation::Demands && has_gap;
        if let Some(to) = (f.end.saturating_sub(2)..f.end).find(|&k| asks && k > f.start + 1 && v.lower(k) == "to") {
            stops.push(to);
        }
        stops.extend(v.relative_in_list(v.verb_group_start(f.start)));
        // "used the Computer Crime Act against the platforms": what is used is the law, not the
        // names it is turned against.
        if rel == Relation::Uses {
            stops.extend((f.end + 1..(f.end + OBJECT_REACH).min(v.toks.len())).find(|&k| v.lower(k) == "against"));
        }
        // A gap may hold the object ("closed their Telegram accounts"): it is read from the gap
        // on, past the pattern's words before it ("served as ... of": from after "as").
        let obj_from = match pat.elems.iter().position(|e| matches!(e, PatternElem::Gap)) {
            Some(g) => f.start + g,
            None => f.end,
        };
        let (subjects, mut objects, subj_end);
        let is_passive = pat.inverse || passive(v, &f, pat);
        if is_passive {
            // Object before the verb, agent after "by" or "in <Country>".
            let mut k = f.start;
            while k > 0 && v.slot[k - 1].is_none() && !v.is_boundary(k - 1) {
                k -= 1;
            }
            // "the service run by SpaceX" (or ", a service run by") names what SpaceX runs right
            // before "run by"; "stores such as those run by Apple" names nothing there.
            let described = || {
                (k..f.start)
                    .find(|&x| v.lower(x) == ",")
                    .is_some_and(|x| matches!(v.lower(x + 1), "a" | "an" | "the"))
            };
            // "Signal is run by the Signal Foundation": a name, a form of be, then the trigger.
            let be_only = (k..f.start).all(|x| v.lex.words.be.contains(&v.toks[x]) || v.lex.words.adverbs.contains(&v.toks[x]));
            if pat.inverse && v.lower(f.end - 1) == "by" && k != f.start && !described() && !be_only {
                continue;
            }
            let mut left = if k > 0 { v.slot[k - 1] } else { None };
            // "the Digital Rights Foundation, a Lahore-based group founded by": a place of origin
            // is no object; the name the apposition describes is.
            // Nor is a demonym there: "Chingari, an Indian app built by ...".
            // Nor a country's possessive opening it: "VKontakte, Russia's largest social network,
            // belongs to".
            let possessor = |m: usize| v.ms[m].possessive && v.ms[m].start >= 2 && v.lower(v.ms[m].start - 1) == ",";
            if let Some(place) = left.filter(|&m| {
                v.ms[m].class == Class::Country && (v.origin_follows(v.ms[m].end) || v.ms[m].kind == MentionKind::Demonym || possessor(m))
            }) {
                let s = v.ms[place].start;
                left = if possessor(place) {
                    v.slot[s - 2]
                } else {
                    (s >= 2 && matches!(v.lower(s - 1), "a" | "an" | "the") && v.lower(s - 2) == ",")
                        .then(|| s.checked_sub(3).and_then(|x| v.slot[x]))
                        .flatten()
                };
            }
            // "Koo, a homegrown alternative to Twitter built by ...": what was built is Koo.
            left = left.map(|m| v.apposition_head(m).unwrap_or(m));
            // "TikTok, owned by the Chinese company ByteDance, was fined": what was fined is the
            // name the parenthesis describes.
            if let Some(h) = v.parenthesis_head(v.verb_group_start(f.start)) {
                left = Some(h);
            }
            // "the company that owns VK and OK and is controlled by Usmanov": a verb joined by
            // "and" to a relative clause's verb shares its antecedent.
            let vg = v.verb_group_start(f.start);
            if vg > 1 && v.lower(vg - 1) == "and" {
                let relative = (vg.saturating_sub(15)..vg - 1)
                    .rev()
                    .take_while(|&x| v.lower(x) != ",")
                    .find(|&x| v.lex.words.relatives.contains(&v.toks[x]));
                if let Some(r) = relative {
                    let p = if r >= 1 && v.lower(r - 1) == "," { r - 1 } else { r };
                    if let Some(a) = p.checked_sub(1).and_then(|q| v.slot[q]) {
                        left = Some(v.apposition_head(a).unwrap_or(a));
                    }
                }
            }
            if left.is_none() && k > 0 && v.lex.words.relatives.contains_at(v.toks, k - 1) {
                // "Twitter and Facebook, which are blocked in Iran": the antecedent is the object.
                let p = if k >= 2 && v.lower(k - 2) == "," { k - 2 } else { k - 1 };
                left = p.checked_sub(1).and_then(|q| v.slot[q]);
            }
            // "The Garante, whose board is chaired by Pasquale Stanzione": the body whose part is
            // acted on is the object.
            if let Some(w) = (k.saturating_sub(1)..f.start)
                .find(|&x| v.lower(x) == "whose")
                .filter(|_| left.is_none())
            {
                left = (w >= 2 && v.lower(w - 1) == ",").then(|| v.slot[w - 2]).flatten();
            }
            // ", a subsidiary of X": an apposition (its trigger opens with the comma).
            let apposition = pat.inverse && v.lower(f.start) == ",";
            objects = match left {
                Some(m) if v.usable(m, rng) => v.coordinated(m, rng, false),
                // What the apposition describes is before it, or nothing is.
                _ if apposition => MentionList::new(),
                _ => v.objects(f.end, rng, &stops),
            };
            // "Instagram, which like WhatsApp is owned by Facebook": the relative clause's
            // antecedent as well as the name it is likened to.
            if let Some(s) = left.map(|m| v.ms[m].start).filter(|&s| s >= 3 && v.lower(s - 1) == "like") {
                let rel_at = s - 2;
                if v.lex.words.relatives.contains_at(v.toks, rel_at) {
                    let p = if v.lower(rel_at - 1) == "," { rel_at - 1 } else { rel_at };
                    if let Some(a) = p.checked_sub(1).and_then(|q| v.slot[q]).filter(|&a| v.usable(a, rng)) {
                        objects.extend(v.coordinated(a, rng, false));
                    }
                }
            }
            let mut subj = MentionList::new();
            if pat.inverse {
                // "belongs to the tech group VNG": the first usable name after the trigger.
                if let Some(m) = agent_after(v, lex, f.end, 6, dom) {
                    subj = v.coordinated(m, dom, true);
                    // "Gabon Telecom, a subsidiary of Maroc Telecom, and Airtel Gabon": an
                    // apposition ends at its comma; the names after it are the sentence's.
                    if apposition {
                        let close = (v.ms[m].end..v.toks.len()).find(|&x| v.lower(x) == ",").unwrap_or(v.toks.len());
                        subj.retain(|a| v.ms[*a].start < close);
                    }
                }
            }
            // Whether the agent is only where the act took place ("blocked in Spain").
            let mut agent_is_place = false;
            let mut j = f.end;
            while !pat.inverse && j < v.toks.len() && j < f.end + 8 && !v.is_boundary(j) {
                if matches!(v.lower(j), "by" | "in") {
                    // The agent: the first usable name within a few words ("by the Beijing-based company ByteDance").
                    if let Some(m) = agent_after(v, lex, j + 1, 6, dom).or_else(|| v.slot.get(j + 1).copied().flatten()) {
                        let is_country = v.ms[m].class == Class::Country;
                        if v.usable(m, dom) && (v.lower(j) == "by" || is_country) {
                            subj = if v.lower(j) == "by" {
                                // "owned by ByteDance, Tencent's WeChat, ...": agents of one class
                                // (people of any title: "by Tom Reyes and Minister Ana Ortiz").
                                let class = v.ms[m].class;
                                // "Mediaset, which is controlled by Italy's MFE, and Atresmedia":
                                // a relative clause set off by a comma ends at the next one.
                                let relative = (f.start.saturating_sub(4)..f.start)
                                    .any(|k| k > 0 && v.lower(k - 1) == "," && v.lex.words.relatives.contains(&v.toks[k]));
                                let close = (v.ms[m].end..v.toks.len())
                                    .find(|&x| relative && v.lower(x) == ",")
                                    .unwrap_or(v.toks.len());
                                v.coordinated(m, dom, true)
                                    .into_iter()
                                    .take_while(|&a| v.ms[a].class == class || v.ms[a].class.is_person() && class.is_person())
                                    .filter(|&a| v.ms[a].start < close)
                                    .collect()
                            } else {
                                agent_is_place = true;
                                smallvec![m]
                            };
                            break;
                        }
                    }
                    // "used by some 96 million people in the country": an agent with no name of the
                    // graph; the place after it is where, not who.
                    let head_count = (j + 1..(j + 4).min(v.toks.len()))
                        .take_while(|&x| v.toks[x].kind == TokenKind::Number || lex.words.approximators.contains(&v.toks[x]))
                        .any(|x| v.toks[x].kind == TokenKind::Number);
                    if v.lower(j) == "by" && head_count {
                        break;
                    }
                }
                j += 1;
            }
            if subj.is_empty() {
                if let Some(m) = left.filter(|&m| v.ms[m].kind == MentionKind::Unnamed && !objects.contains(&m)) {
                    subj = smallvec![m];
                }
            }
            // "had been opened in July by the cybercrime section of ...": an agent the text
            // names, though not by a name of the graph.
            let by_agent = (f.end..(f.end + 6).min(v.toks.len()))
                .take_while(|&x| !v.is_boundary(x))
                .any(|x| v.lower(x) == "by");
            if subj.is_empty() && !pat.inverse && !dom.is_empty() && dom.iter().all(|c| c.is_state()) && !by_agent {
                // "The commission said the app had been pulled from app stores": a state's act in
                // the passive with no agent, reported by a state actor, is that actor's act.
                let reported_at = v.reporting_before(0, k);
                if let Some(r) = reported_at {
                    subj = v.clause_subject(r, dom).into_iter().filter(|&m| v.ms[m].class.is_state()).collect();
                }
            }
            // "The judge ruled that access to Telegram should be blocked in Spain": the state actor
            // who decided it, not the place.
            if (subj.is_empty() || agent_is_place) && !pat.inverse && !by_agent && dom.iter().all(|c| c.is_state()) {
                let decided_at = (0..k)
                    .rev()
                    .take_while(|&x| v.lower(x) != ";")
                    .find(|&x| lex.words.deciding.contains(&v.toks[x]));
                if let Some(r) = decided_at {
                    let deciders: MentionList = v.clause_subject(r, dom).into_iter().filter(|&m| v.ms[m].class.is_state()).collect();
                    if !deciders.is_empty() {
                        subj = deciders;
                    }
                }
            }
            subjects = subj;
            subj_end = left.map(|m| v.ms[m].end).unwrap_or(0);
        } else {
            objects = v.objects(obj_from, rng, &stops);
            let mut subj = MentionList::new();
            if pat.nominal {
                // "X's ban on Y", "the Russian ban on Y", "ban on Y by X".
                let mut p = f.start;
                while p > 0
                    && v.slot[p - 1].is_none()
                    && matches!(
                        v.lower(p - 1),
                        "the"
                            | "a"
                            | "temporary"
                            | "permanent"
                            | "new"
                            | "total"
                            | "complete"
                            | "partial"
                            | "imminent"
                            | "numerous"
                            | "recent"
                    )
                {
                    p -= 1;
                }
                if p > 0 {
                    if let Some(m) = v.slot[p - 1] {
                        let mm = &v.ms[m];
                        if (mm.possessive || mm.kind == MentionKind::Demonym)
                            && mm.key.is_some()
                            && (dom.is_empty() || dom.contains(&mm.class))
                        {
                            subj = smallvec![m];
                        }
                    }
                }
                if subj.is_empty() {
                    if let Some(&last) = objects.last() {
                        let e = v.ms[last].end;
                        if v.lower(e) == "by" {
                            let at = if v.lower(e + 1) == "the" { e + 2 } else { e + 1 };
                            if let Some(m) = v.slot.get(at).copied().flatten() {
                                if v.usable(m, dom) {
                                    subj = smallvec![m];
                                }
                            }
                        }
                    }
                }
                if subj.is_empty() && matches!(v.lower(f.end.saturating_sub(1)), "by") {
                    if let Some(m) = v.slot.get(f.end).copied().flatten() {
                        if v.usable(m, dom) {
                            subj = smallvec![m];
                            objects = v.objects(v.ms[m].end, rng, &stops);
                        }
                    }
                }
            }
            // "the investigation into Telegram had been opened in July by ...": a nominal that is
            // its own clause's subject has the agent after its verb, or none; not the speaker's.
            let own_clause = pat.nominal && {
                let e = objects.last().map_or(f.end, |&m| v.ms[m].end);
                v.toks
                    .get(e)
                    .is_some_and(|t| lex.words.be.contains(t) || lex.words.have.contains(t))
            };
            if subj.is_empty() && own_clause {
                let e = objects.last().map_or(f.end, |&m| v.ms[m].end);
                let by = (e..(e + 8).min(v.toks.len()))
                    .take_while(|&x| !v.is_boundary(x))
                    .find(|&x| v.lower(x) == "by");
                if let Some(m) = by.and_then(|x| v.slot.get(x + 1).copied().flatten()).filter(|&m| v.usable(m, dom)) {
                    subj = smallvec![m];
                }
            }
            // "announced the decision in a post on X": the one who said it posted it.
            if subj.is_empty() && pat.nominal && rel == Relation::Uses {
                if let Some(r) = v.reporting_verb_before_venue(f.start) {
                    subj = v.clause_subject(r, dom);
                }
            }
            if subj.is_empty() && !f.absorbed && !own_clause {
                subj = v.subject(f.start, dom);
            }
            // "LY, which also runs the Yahoo Japan portal": a company's verb of office is ownership.
            if let Some(cr) = pat.company_relation.filter(|_| subj.is_empty() && !f.absorbed && !own_clause) {
                let (cdom, crng) = lex.signature(cr);
                let companies: SmallVec<[Class; 2]> = [Class::Organization, Class::App].into_iter().filter(|c| cdom.contains(c)).collect();
                let owners = v.subject(f.start, &companies);
                let owned = v.objects(obj_from, crng, &stops);
                let modality = modality(v, f.start, owners.iter().map(|&m| v.ms[m].end).max().unwrap_or(0));
                for s in owners.iter().flat_map(|&m| v.keys(m)) {
                    for o in owned.iter().flat_map(|&m| v.keys(m)).filter(|o| *o != s) {
                        add(s, cr, Object::Entity(o.clone()), modality, None, None, f.start);
                    }
                }
                continue;
            }
            subj_end = subj.iter().map(|&m| v.ms[m].end).max().unwrap_or(0);
            subjects = subj;
        }
        // "WhatsApp has long been blocked in China, as have Facebook and Instagram"; "Instagram
        // remains blocked, and so do Facebook and X": the names after the ellipsis share the
        // role the clause's first names have.
        let mut subjects = subjects;
        if let Some(&(_, first)) = ellipses.iter().find(|&&(at, _)| at >= f.end) {
            let (list, classes) = if is_passive { (&mut objects, rng) } else { (&mut subjects, dom) };
            if v.usable(first, classes) {
                for m in v.coordinated(first, classes, true) {
                    if !list.contains(&m) {
                        list.push(m);
                    }
                }
            }
        }
        if objects.is_empty() && !subjects.is_empty() {
            // "Soroush and Gap, which the authorities are trying to promote": the object is the antecedent.
            let first_subj = subjects.iter().map(|&m| v.ms[m].start).min().unwrap_or(f.start);
            if first_subj > 0 && v.lex.words.relatives.contains_at(v.toks, first_subj - 1) {
                let mut p = first_subj - 1;
                if p > 0 && v.lower(p - 1) == "," {
                    p -= 1;
                }
                // "told the Islamabad High Court that it ordered ...": who is told is no antecedent.
                let told = |m: usize| {
                    let s = v.ms[m].start;
                    let before = if s >= 1 && v.lower(s - 1) == "the" {
                        s.saturating_sub(2)
                    } else {
                        s.saturating_sub(1)
                    };
                    s >= 1 && lex.words.reporting.contains(&v.toks[before])
                };
                if let Some(m) = p.checked_sub(1).and_then(|q| v.slot[q]) {
                    if v.usable(m, rng) && !told(m) {
                        objects = v.coordinated(m, rng, false);
                    }
                }
            } else if let Some(m) = v.noun_antecedent(first_subj).filter(|&m| v.usable(m, rng)) {
                // "Facebook, YouTube, X and 20 other platforms it blocked", "SpaceX, the rocket
                // company Musk founded": a relative clause with no pronoun has the names its head
                // noun stands for as its object.
                objects = v.coordinated(m, rng, false);
            }
        }
        if pat.absorbs {
            let last = objects.iter().map(|&m| v.ms[m].end).max().unwrap_or(f.end);
            for g in found.iter_mut().skip(idx + 1) {
                if g.start < last {
                    if lex.triggers[g.pattern].nominal {
                        g.absorbed = true;
                    } else {
                        g.suppressed = true;
                    }
                }
            }
        }
        let mut modality = modality(v, f.start, subj_end);
        let mut subj_keys: KeyList = subjects.iter().flat_map(|&m| v.keys(m)).cloned().collect();
        // "X accused the government of shutting Facebook": the accused is said to have banned (an
        // allegation), the accuser opposes the ban (below).
        let accusation = (rel == Relation::Bans && !is_passive && v.lower(f.start).ends_with("ing"))
            .then(|| accusation_before(v, lex, f.start))
            .flatten();
        if let Some((_, accused)) = accusation {
            subj_keys = accused
                .filter(|&m| v.ms[m].class.is_state())
                .map(|m| v.keys(m).iter().cloned().collect())
                .unwrap_or_default();
            modality = Modality::Hypothetical;
        }
        if subj_keys.is_empty() && is_passive && matches!(rel, Relation::Bans | Relation::Unbans) && !objects.is_empty() {
            // "Facebook had already been blocked": by the state the document is about, when the
            // sentence names no other country.
            let other_country =
                v.ms.iter()
                    .any(|m| m.class == Class::Country && m.key.is_some() && m.key != state.main_country);
            // Not when an agent is given but unnamed ("cut off by a government"), nor for an
            // infinitive ("the first service to be cut off").
            let unnamed_agent = (f.end..(f.end + 3).min(v.toks.len())).any(|k| v.lower(k) == "by");
            let infinitive = f.start >= 2 && v.lower(f.start - 2) == "to" && v.lex.words.be.contains_at(v.toks, f.start - 1);
            if !other_country && !unnamed_agent && !infinitive {
                subj_keys.extend(state.main_country.clone());
            }
        }
        // "Among the blocked apps are TikTok and Helo", "the banned services include X": the apps
        // of the ban the document told of, banned by whoever banned it.
        let participle = || {
            f.end == f.start + 1
                && f.start >= 1
                && v.lower(f.start - 1) == "the"
                && v.lower(f.start).ends_with("ed")
                && v.slot.get(f.end).copied().flatten().is_none()
                && v.toks.get(f.end).is_some_and(|t| !t.cap && t.lower.ends_with('s'))
        };
        if subj_keys.is_empty() && rel == Relation::Bans && !objects.is_empty() && participle() {
            subj_keys.extend(state.last_ban.as_ref().map(|(s, _)| s.clone()));
        }
        // "failed to comply with its order to stop ...": whose order it was is what is refused.
        if rel == Relation::Refuses {
            if let Some(owner) = order_owner(v, lex, f.end).filter(|&m| v.usable(m, rng)) {
                objects = smallvec![owner];
            }
        }
        let mut obj_keys: KeyList = objects.iter().flat_map(|&m| v.keys(m)).cloned().collect();
        // A name right after the verb that is no fit object ("left Signal" read as a surname) is
        // still the object: the document's apps are not put in its place.
        let named_after = v.slot.get(f.end).copied().flatten().is_some_and(|m| {
            matches!(v.ms[m].kind, MentionKind::Named | MentionKind::Surname) || v.ms[m].kind == MentionKind::Pronoun && !v.ms[m].possessive
        });
        // So is a plain noun there, after a determiner or not: "stop using shutdowns" is no use
        // of the document's app, and "leave the matter to his successor" no quitting of it.
        let w = &lex.words;
        let noun_after = || {
            let mut k = f.end;
            // "criticised the filtering of the internet": the noun's own "of".
            if v.lower(k) == "of" || pat.nominal && v.lower(k) == "on" {
                k += 1;
            }
            if v.slot.get(k).copied().flatten().is_none()
                && matches!(v.lower(k), "the" | "a" | "an" | "this" | "his" | "her" | "its" | "their")
            {
                k += 1;
            }
            v.slot.get(k).copied().flatten().is_none()
                && v.toks.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.cap
                        && ![
                            &w.prepositions,
                            &w.adverbs,
                            &w.non_names,
                            &w.clause_openers,
                            &w.time_nouns,
                            &w.be,
                            &w.have,
                        ]
                        .iter()
                        .any(|set| set.contains(t))
                })
        };
        // And a plain noun before a pronoun subject: "the caching servers it left in Russia" left
        // the servers (a relative clause with no "that").
        let noun_before = || {
            f.start >= 2
                && v.slot[f.start - 1].is_some_and(|m| v.ms[m].kind == MentionKind::Pronoun && !v.ms[m].possessive)
                && v.slot[f.start - 2].is_none()
                && lex.plain_plural(&v.toks[f.start - 2])
        };
        // "put on hold his order to suspend the app Telegram": what the lifted order banned.
        if obj_keys.is_empty() && rel == Relation::Unbans && v.lower(f.end) == "to" {
            let ban = found
                .iter()
                .find(|g| g.start == f.end + 1 && lex.triggers[g.pattern].relation == Relation::Bans);
            if let Some(g) = ban {
                obj_keys = v.objects(g.end, rng, &[]).iter().flat_map(|&m| v.keys(m)).cloned().collect();
            }
        }
        // "who left two days after the vote", "left for Lithuania": a measure or a place after the
        // verb; it took no app.
        let measure_after = || {
            v.toks
                .get(f.end)
                .is_some_and(|t| t.kind == TokenKind::Number || w.number_words.get(t).is_some() || w.prepositions.contains(t))
        };
        if obj_keys.is_empty() {
            obj_keys = match pat.fallback {
                Some(ObjectFallback::TopicApp) if measure_after() => KeyList::new(),
                Some(ObjectFallback::TopicApp | ObjectFallback::LastBan) if named_after || noun_after() || noun_before() => KeyList::new(),
                Some(ObjectFallback::TopicApp) => state.topic_app().into_iter().collect(),
                Some(ObjectFallback::LastBan) => state.last_banned(),
                Some(ObjectFallback::StateActor) => nearest_state_actor(v, f.start, &subj_keys)
                    .or_else(|| state.last_state.clone().filter(|k| !subj_keys.contains(k)))
                    .into_iter()
                    .collect(),
                None if rel == Relation::Unbans => state.last_banned(),
                // "The ministry announced the ban on June 29": the ban the document told of.
                None if rel == Relation::Bans
                    && f.end >= 2
                    && lex.words.reversal_nouns.contains_at(v.toks, f.end - 1)
                    && matches!(v.lower(f.end - 2), "the" | "this" | "that") =>
                {
                    state.last_banned()
                }
                None => KeyList::new(),
            };
        }
        // "ordered X and Meta to take down videos": an order to a company or a person is a demand
        // on it (GUIDE.md: orders instruct a named body; demands ask something of anyone).
        if rel == Relation::Orders && !is_passive {
            // Who is told stands before the infinitive: "instructed internet providers to reopen
            // the site" asks nothing of the site.
            let mut before_infinitive = stops.clone();
            before_infinitive.extend(
                (obj_from..(obj_from + OBJECT_REACH).min(v.toks.len()))
                    .find(|&k| v.lower(k) == "to" && v.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word && !t.cap)),
            );
            let asked = v.objects(obj_from, &[Class::App, Class::Organization, Class::Person], &before_infinitive);
            for s in &subj_keys {
                for o in asked.iter().flat_map(|&m| v.keys(m)) {
                    add(s, Relation::Demands, Object::Entity(o.clone()), modality, None, None, f.start);
                }
            }
        }
        // "ordered the PTA to shut the app down": the order to ban is also an order to the body
        // told to carry it out.
        if rel == Relation::Bans && has_gap {
            if let Some(o) = ordered_body(v, lex, &f) {
                for s in &subj_keys {
                    add(s, Relation::Orders, Object::Entity(o.clone()), modality, None, None, f.start);
                }
            }
        }
        // "Pakistan lifted its ban on TikTok": the ban lifted was the subject's own (undated: its
        // date is not the lifting's).
        // "Amnesty called on the authorities to restore access to X": who asks for a ban's end
        // opposes the ban (the addressee's lifting is only hypothetical); not for a restoration
        // of something else ("to restore connectivity").
        // "urged Tashkent to restore access": access is what the ban took.
        let ban_named = !objects.is_empty()
            || (f.start + 1..f.end).any(|k| lex.words.reversal_nouns.contains_at(v.toks, k))
            || (f.start + 1..=f.end).any(|k| v.lower(k) == "access");
        // "ZLHR and MISA, which argued that blocking WhatsApp and Facebook violated the
        // constitution": who says a ban breaks the law opposes it.
        let condemned = || {
            (f.end..(f.end + 30).min(v.toks.len()))
                .take_while(|&k| !matches!(v.lower(k), "." | ";" | ":"))
                .any(|k| lex.words.condemning.contains(&v.toks[k]))
        };
        let opponent_verb = if let Some((k, _)) = accusation {
            Some(k)
        } else if rel == Relation::Unbans && ban_named {
            v.infinitive_controller(f.start).and_then(|(k, addressee)| addressee.map(|_| k))
        } else if rel == Relation::Bans && f.start >= 2 && v.lower(f.start).ends_with("ing") {
            // "said that blocking X was a blunt tool", or with no "that".
            let end = if v.lower(f.start - 1) == "that" { f.start - 1 } else { f.start };
            v.reporting_before(f.start.saturating_sub(4), end).filter(|_| condemned())
        } else {
            None
        };
        if let Some(k) = opponent_verb {
            oppose(v, lex, k, &obj_keys, f.start, add);
        }
        // "Sam Basil, the communications minister, said Facebook could be shut down": a state
        // actor saying a ban is possible threatens it.
        if rel == Relation::Bans && modality == Modality::Hypothetical && accusation.is_none() {
            let group = v.verb_group_start(f.start);
            let possible = (group..f.start).any(|k| lex.words.possibility.contains(&v.toks[k]));
            let reported_at = v.reporting_before(0, group);
            // The app is the verb's own: the subject of "could be shut down", or the object of
            // "could block"; not one told of after it ("services could be banned, with Telegram
            // first to go").
            let own = !objects.is_empty()
                && objects.iter().all(|&o| {
                    if is_passive {
                        v.ms[o].end <= f.start
                    } else {
                        v.ms[o].start >= f.end
                    }
                });
            if let Some(r) = reported_at.filter(|_| possible && own) {
                let (dom, _) = lex.signature(Relation::Threatens);
                let speakers: MentionList = v.clause_subject(r, dom).into_iter().filter(|&m| v.ms[m].class.is_state()).collect();
                for s in speakers.iter().flat_map(|&m| v.keys(m)) {
                    for o in objects.iter().flat_map(|&m| v.keys(m)) {
                        add(
                            s,
                            Relation::Threatens,
                            Object::Entity(o.clone()),
                            Modality::Asserted,
                            None,
                            None,
                            f.start,
                        );
                    }
                }
            }
        }
        let own_ban = rel == Relation::Unbans
            && modality == Modality::Asserted
            && (f.start + 1..f.end)
                .any(|k| matches!(v.lower(k - 1), "its" | "their" | "his" | "her") && lex.words.reversal_nouns.contains_at(v.toks, k));
        // "Chad has lifted the restrictions on Facebook": a state named as such that lifts a ban
        // had imposed it.
        let state_ban = rel == Relation::Unbans
            && modality == Modality::Asserted
            && (f.start + 1..f.end).any(|k| v.lower(k - 1) == "the" && lex.words.reversal_nouns.contains_at(v.toks, k));
        for s in &subj_keys {
            // Named: "the Uzbek regulator lifted the ban that the previous government imposed".
            let country = subjects
                .iter()
                .any(|&m| v.ms[m].class == Class::Country && v.ms[m].kind == MentionKind::Named && v.keys(m).contains(s));
            for o in &obj_keys {
                add(s, rel, Object::Entity(o.clone()), modality, None, None, f.start);
                if own_ban || state_ban && country {
                    add(s, Relation::Bans, Object::Entity(o.clone()), modality, None, None, UNDATED);
                }
            }
            // A lifted ban is still the ban that "the block" later refers to.
            if matches!(rel, Relation::Bans | Relation::Unbans) && modality == Modality::Asserted && !obj_keys.is_empty() {
                state.last_ban = Some((s.clone(), obj_keys.clone()));
            }
        }
    }
    swaps(v, lex, add);
    reversals(v, lex, state, add);
    instructions_acted_on(v, lex, add);
}

/// "Emtel said it was acting on the instruction of the ICTA", "the operators cut their services
/// on the government's instructions": who instructs orders the clause's subject (language.toml
/// `instruction_nouns`).
fn instructions_acted_on(v: &View, lex: &Lexicon, add: &mut Add) {
    let w = &lex.words;
    let (dom, rng) = lex.signature(Relation::Orders);
    // "on", maybe "the", before `at`.
    let on_before = |at: usize| match at.checked_sub(1).map(|p| (p, v.lower(p))) {
        Some((p, "on")) => Some(p),
        Some((p, "the")) if p >= 1 && v.lower(p - 1) == "on" => Some(p - 1),
        _ => None,
    };
    for k in 1..v.toks.len() {
        if v.slot[k].is_some() || !w.instruction_nouns.contains_at(v.toks, k) {
            continue;
        }
        // "on the orders of the court" or "on the government's instructions".
        let (i, instructor) = if matches!(v.lower(k + 1), "of" | "from") {
            let Some(i) = on_before(k) else { continue };
            (i, agent_after(v, lex, k + 2, 3, dom))
        } else {
            let Some(m) = v.slot[k - 1].filter(|&m| v.ms[m].end == k && v.ms[m].possessive && v.usable(m, dom)) else {
                continue;
            };
            let Some(i) = on_before(v.ms[m].start) else { continue };
            (i, Some(m))
        };
        let Some(y) = instructor.and_then(|m| v.key(m)) else {
            continue;
        };
        // The one who acts: the clause's first name that fits, not a preposition's object (nor
        // the name a preposition's possessive qualifies: "a subsidiary of Morocco's Maroc Telecom").
        let after_preposition = |m: usize| {
            v.after_preposition(m)
                || v.ms[m].start > 0
                    && v.slot[v.ms[m].start - 1]
                        .is_some_and(|p| v.ms[p].possessive && v.ms[p].end == v.ms[m].start && v.after_preposition(p))
        };
        let actor = (0..v.ms.len())
            .take_while(|&m| v.ms[m].end <= i)
            .find(|&m| !v.ms[m].possessive && !after_preposition(m) && v.usable(m, rng));
        for x in actor
            .map(|m| v.coordinated(m, rng, true))
            .unwrap_or_default()
            .iter()
            .flat_map(|&m| v.keys(m))
        {
            if x != y {
                add(y, Relation::Orders, Object::Entity(x.clone()), Modality::Asserted, None, None, i);
            }
        }
    }
}

/// The possessor of an order or a demand named right after `at`, past "with" or "of": "comply
/// with its order", "with the regulator's demands".
fn order_owner(v: &View, lex: &Lexicon, at: usize) -> Option<usize> {
    let k = if matches!(v.lower(at), "with" | "of") { at + 1 } else { at };
    let m = v.slot.get(k).copied().flatten()?;
    let end = v.ms[m].end;
    let noun = v.toks.get(end)?;
    (v.ms[m].possessive
        && (lex.words.order_nouns.contains(noun) || matches!(noun.lower.as_str(), "demand" | "demands" | "request" | "requests")))
    .then_some(m)
}

/// The verb of an accusation governing the gerund at `at` ("accused the government of trying to
/// muzzle voters by shutting ...", "criticised the regulator for blocking ..."), with "of" or
/// "for" between them, and the one accused: the first mention between the verb and that word.
fn accusation_before(v: &View, lex: &Lexicon, at: usize) -> Option<(usize, Option<usize>)> {
    let mut prep = None;
    for k in (at.saturating_sub(14)..at).rev() {
        match v.lower(k) {
            "." | ";" | ":" => return None,
            "of" | "for" => prep = Some(k),
            _ => {}
        }
        if let Some(p) = prep.filter(|_| v.slot[k].is_none() && lex.words.accusing.contains(&v.toks[k])) {
            return Some((k, (k + 1..p).find_map(|x| v.slot[x])));
        }
    }
    None
}

/// The body a ban trigger opening with an order verb tells to act: "ordered the PTA to shut ...
/// down" (a name right after the verb, then "to").
fn ordered_body(v: &View, lex: &Lexicon, f: &Found) -> Option<Key> {
    let orders = lex
        .triggers_from(&v.toks[f.start])?
        .iter()
        .any(|&p| lex.triggers[p].relation == Relation::Orders);
    let m = v.slot.get(f.start + 1).copied().flatten().or_else(|| {
        // "ordered the PTA": past one determiner.
        (v.lower(f.start + 1) == "the")
            .then(|| v.slot.get(f.start + 2).copied().flatten())
            .flatten()
    })?;
    let (_, rng) = lex.signature(Relation::Orders);
    (orders && v.usable(m, rng) && v.lower(v.ms[m].end) == "to")
        .then(|| v.key(m).cloned())
        .flatten()
}

impl DocState {
    /// A fresh state for a document with its main country and date.
    pub fn new(main_country: Option<Key>, doc_date: Option<Date>) -> DocState {
        DocState {
            main_country,
            doc_date,
            ..DocState::default()
        }
    }

    /// Every app the document's last ban named (none before any ban).
    fn last_banned(&self) -> KeyList {
        self.last_ban.as_ref().map(|(_, o)| o.clone()).unwrap_or_default()
    }

    /// The app mentioned most so far (of those mentioned as often, the first by key).
    fn topic_app(&self) -> Option<Key> {
        self.app_counts
            .iter()
            .max_by(|(a, n), (b, m)| n.cmp(m).then_with(|| b.cmp(a)))
            .map(|(k, _)| k.clone())
    }
}

/// The state actor a refusal answers: one named in the sentence, else the document's country.
fn nearest_state_actor(v: &View, at: usize, exclude: &[Key]) -> Option<Key> {
    let fits = |m: usize| v.ms[m].class.is_state() && v.ms[m].key.as_ref().is_some_and(|k| !exclude.contains(k)) && v.ms[m].is_actor();
    let after = (0..v.ms.len()).find(|&m| v.ms[m].start > at && fits(m));
    // Before the verb, an actor that is no preposition's object first: in "In a report to the
    // Sindh High Court, the interior ministry said X had failed to comply", the ministry.
    let before = || {
        let mut cands = (0..v.ms.len()).filter(|&m| v.ms[m].end <= at && fits(m));
        let first = cands.clone().next();
        cands.find(|&m| !v.after_preposition(m)).or(first)
    };
    after.or_else(before).and_then(|m| v.key(m).cloned())
}

/// "replaced X with Y": stops using X, uses Y.
fn swaps(v: &View, lex: &Lexicon, add: &mut Add) {
    let sw = &lex.ontology.swap;
    for i in 0..v.toks.len() {
        if lex.swap_firsts.as_ref().is_some_and(|f| !f.contains(&v.toks[i])) {
            continue;
        }
        for elems in &lex.swap {
            // Most tokens fail the first word: tested here, without the call.
            if let Some(PatternElem::Words(first)) = elems.first() {
                if !first.contains(&v.toks[i]) {
                    continue;
                }
            }
            let Some(end) = match_elems(v.toks, i, elems) else {
                continue;
            };
            let (dom, rng) = lex.signature(sw.from);
            let firsts = v.objects(end, rng, &[]);
            let Some(&last) = firsts.last() else { continue };
            let mut k = v.ms[last].end;
            while k < v.toks.len() && !lex.words.swap_links.contains_at(v.toks, k) && k < v.ms[last].end + 3 {
                k += 1;
            }
            let seconds = if k < v.toks.len() {
                v.objects(k + 1, rng, &[])
            } else {
                MentionList::new()
            };
            let subjects = v.subject(i, dom);
            let subj_end = subjects.iter().map(|&m| v.ms[m].end).max().unwrap_or(0);
            let modality = modality(v, i, subj_end);
            for &s in &subjects {
                let Some(sk) = v.key(s) else { continue };
                for &o in &firsts {
                    if let Some(ok) = v.key(o) {
                        add(sk, sw.from, Object::Entity(ok.clone()), modality, None, None, i);
                    }
                }
                for &o in &seconds {
                    if let Some(ok) = v.key(o) {
                        add(sk, sw.to, Object::Entity(ok.clone()), modality, None, None, i);
                    }
                }
            }
        }
    }
}

/// Adds "opposesBan" from the subject of the verb at `verb` (who urged, accused or said) to each
/// banned app, read at token `at`.
fn oppose(v: &View, lex: &Lexicon, verb: usize, banned: &[Key], at: usize, add: &mut Add) {
    let (speakers, _) = lex.signature(Relation::OpposesBan);
    for s in v.clause_subject(verb, speakers).iter().flat_map(|&m| v.keys(m)) {
        for o in banned {
            add(
                s,
                Relation::OpposesBan,
                Object::Entity(o.clone()),
                Modality::Asserted,
                None,
                None,
                at,
            );
        }
    }
}

/// "The ban was lifted two weeks later": reverses the document's last ban.
fn reversals(v: &View, lex: &Lexicon, state: &DocState, add: &mut Add) {
    let w = &lex.words;
    for i in 1..v.toks.len() {
        if !w.reversal_nouns.contains_at(v.toks, i) || !matches!(v.lower(i - 1), "the" | "this" | "that" | "its" | "their") {
            continue;
        }
        // "The suspension had been ordered on Wednesday by Judge X": the agent banned the app
        // of the document's last ban too.
        let imposed =
            (i + 1..(i + 5).min(v.toks.len())).find(|&k| w.imposing_verbs.contains_at(v.toks, k) && w.be.contains_at(v.toks, k - 1));
        if let (Some(k), Some((_, objects))) = (imposed, &state.last_ban) {
            let by = (k + 1..(k + 8).min(v.toks.len())).find(|&x| v.lower(x) == "by");
            let agent = by
                .and_then(|x| v.slot.get(x + 1).copied().flatten())
                .filter(|&a| v.usable(a, &[Class::Country, Class::Agency, Class::Official]));
            if let Some(ak) = agent.and_then(|a| v.key(a)) {
                let m = match modality(v, k, i + 1) {
                    Modality::Asserted => modality(v, i, 0),
                    other => other,
                };
                for o in objects {
                    add(ak, lex.ontology.reversal.reverses, Object::Entity(o.clone()), m, None, None, i);
                }
            }
        }
        // "BAKE said the suspension was disproportionate": who says the document's ban is wrong
        // opposes it.
        if let Some((_, objects)) = &state.last_ban {
            let det = i - 1;
            let said_end = if det > 0 && v.lower(det - 1) == "that" { det - 1 } else { det };
            let said = v.reporting_before(said_end.saturating_sub(3), said_end);
            let condemned = (i + 1..(i + 12).min(v.toks.len()))
                .take_while(|&k| !matches!(v.lower(k), "." | ";" | ":"))
                .any(|k| w.condemning.contains_at(v.toks, k));
            if let Some(k) = said.filter(|_| condemned && w.be.contains_at(v.toks, i + 1)) {
                oppose(v, lex, k, objects, i, add);
            }
        }
        let lifted =
            (i + 1..(i + 5).min(v.toks.len())).find(|&k| w.reversal_verbs.contains_at(v.toks, k) && w.be.contains_at(v.toks, k - 1));
        if let (Some(k), Some((s, objects))) = (lifted, &state.last_ban) {
            // Read at the verb: "the ban would be lifted" is no lifting yet.
            let m = match modality(v, k, i + 1) {
                Modality::Asserted => modality(v, i, 0),
                other => other,
            };
            for o in objects {
                add(s, lex.ontology.reversal.relation, Object::Entity(o.clone()), m, None, None, i);
            }
        }
    }
}

/// Adds "entity basedIn country", read at token `at`.
fn based_in(add: &mut Add, entity: &Key, country: Key, at: usize) {
    add(
        entity,
        Relation::BasedIn,
        Object::Entity(country),
        Modality::Asserted,
        None,
        None,
        at,
    );
}

/// The country of ", which is based in Kenya" or ", headquartered in Nairobi" after a name ending
/// at `end`: a word of origin (language.toml origin_words), "in" and a country named there (a
/// capital or city after a word of origin and "in" is a mention of its state, see
/// `mention::capital_is_place`).
fn origin_in_after(v: &View, lex: &Lexicon, end: usize) -> Option<usize> {
    let w = &lex.words;
    let mut k = end;
    if v.lower(k) != "," {
        return None;
    }
    k += 1;
    if w.relatives.contains_at(v.toks, k) {
        // "which was founded by X and is based in ...": the relative clause's later predicate,
        // up to the comma that closes it.
        let close = (k + 1..(k + 16).min(v.toks.len()))
            .find(|&x| v.lower(x) == "," || v.lower(x) == ".")
            .unwrap_or(v.toks.len());
        k = (k + 1..close)
            .find(|&x| w.be.contains_at(v.toks, x) && (x == k + 1 || v.lower(x - 1) == "and") && w.origin.contains_at(v.toks, x + 1))?
            + 1;
    } else if matches!(v.lower(k), "a" | "an") {
        // "NEXTA, an outlet based in Warsaw", "Psiphon, a circumvention app developed in Canada":
        // an apposition's head of up to three lower-case words, then the word of origin.
        k = (k + 1..(k + 5).min(v.toks.len()))
            .take_while(|&x| v.slot[x].is_none() && v.toks[x].kind == TokenKind::Word && !v.toks[x].cap)
            .find(|&x| w.origin.contains_at(v.toks, x) && x > k + 1)?;
    }
    if !w.origin.contains_at(v.toks, k) || v.lower(k + 1) != "in" {
        return None;
    }
    // "based in the United Arab Emirates", "in the eastern Chinese city of Hangzhou": the first
    // country named past the article and a few words of description.
    let mut at = k + 2;
    while at < k + 5 && v.slot.get(at).copied().flatten().is_none() && v.toks.get(at).is_some_and(|t| !t.cap && t.kind == TokenKind::Word) {
        at += 1;
    }
    let c = &v.ms[v.slot.get(at).copied().flatten()?];
    (c.start == at && c.class == Class::Country && matches!(c.kind, MentionKind::Named | MentionKind::Demonym))
        .then_some(c.country)
        .flatten()
}

/// A word with a plural "s" dropped ("communications" = "communication").
fn fold_plural(w: &str) -> String {
    w.strip_suffix('s').filter(|r| r.len() > 3).unwrap_or(w).to_string()
}

/// The ministries a document names ("Ministry of X", "X Ministry") and their portfolios' words.
fn ministries(bodies: &[(String, Key)]) -> Vec<(Vec<String>, Key)> {
    let mut out: Vec<(Vec<String>, Key)> = Vec::new();
    for (name, k) in bodies {
        let Some(portfolio) = name.strip_prefix("ministry of ").or_else(|| name.strip_suffix(" ministry")) else {
            continue;
        };
        if !out.iter().any(|(_, o)| o == k) {
            out.push((portfolio.split(' ').filter(|w| *w != "and").map(fold_plural).collect(), k.clone()));
        }
    }
    out
}

/// The state bodies a document names, by the words of their names ("esafety commissioner",
/// "data protection commission"): where an official whose title names the body holds office.
fn named_bodies(mentions: &[Vec<Mention>]) -> Vec<(String, Key)> {
    let mut out: Vec<(String, Key)> = Vec::new();
    for m in mentions
        .iter()
        .flatten()
        .filter(|m| m.class == Class::Agency && m.kind == MentionKind::Named)
    {
        let Some(k) = m.key.as_ref() else { continue };
        let name = crate::resolve::key_text(m.bare.as_deref().unwrap_or(&m.name));
        if !out.iter().any(|(n, o)| o == k && *n == name) {
            out.push((name, k.clone()));
        }
    }
    out
}

/// "eSafety Commissioner Julie Inman Grant", "Helen Dixon, the Data Protection Commissioner": a
/// title whose capitalised words before it name a body the document names, as the body itself,
/// its commission (for a commissioner) or "the Office of" it.
fn body_named_by_title(v: &View, lex: &Lexicon, m: &Mention, spec: usize, bodies: &[(String, Key)]) -> Option<Key> {
    let end = (m.end + 7).min(v.toks.len());
    let (at, len) = (m.start..end).find_map(|k| match lex.titles.longest(v.toks, k) {
        Some((len, &s)) if s == spec => Some((k, len)),
        _ => None,
    })?;
    let mut from = at;
    while from > 0 && from + 3 > at && v.toks[from - 1].cap && v.toks[from - 1].kind == TokenKind::Word && v.lower(from - 1) != "'s" {
        from -= 1;
    }
    if from == at {
        return None;
    }
    let words: Vec<&str> = (from..at + len).map(|k| v.lower(k)).collect();
    let phrase = words.join(" ");
    let office = format!("office of the {phrase}");
    let commission = phrase.strip_suffix("er").map(str::to_string);
    bodies
        .iter()
        .find(|(n, _)| *n == phrase || *n == office || commission.as_deref() == Some(n.as_str()))
        .map(|(_, k)| k.clone())
}

/// Statements carried by modifiers and titles: basedIn from demonyms and country possessives,
/// holdsPositionIn and founded from titles, basedIn for members of "<demonym> apps, including X".
fn modifier_statements(
    v: &View,
    lex: &Lexicon,
    main_country: Option<&Key>,
    ministries: &[(Vec<String>, Key)],
    bodies: &[(String, Key)],
    add: &mut Add,
) {
    let country_key = |c: usize| crate::mention::country_key(lex, c);
    // The country of a national office named with no country: the one the sentence names before
    // the office holder, or the document's when it names none there ("Interior Minister Gerald
    // Darmanin accused Azerbaijan": Azerbaijan is whom he accused, not where he holds office).
    // "In Washington, President Joe Biden said": a sentence that opens at a capital places the
    // national office holders after it in that capital's state.
    let opening_capital = || {
        let (len, e) = lex.names.longest(v.toks, 1).filter(|_| v.lower(0) == "in")?;
        match e.target {
            crate::lexicon::NameTarget::Country(c) if e.form == crate::lexicon::NameForm::Capital && v.lower(1 + len) == "," => {
                Some((country_key(c), 1 + len))
            }
            _ => None,
        }
    };
    let national_country = |before: usize| {
        if let Some((k, _)) = opening_capital().filter(|&(_, end)| end < before) {
            return Some(k);
        }
        let mut countries =
            v.ms.iter()
                .filter(|m| m.class == Class::Country && m.start < before)
                .filter_map(|m| m.key.as_ref());
        match countries.next() {
            None => main_country.cloned(),
            Some(first) => countries.all(|k| k == first).then(|| first.clone()),
        }
    };
    for (mi, m) in v.ms.iter().enumerate() {
        let Some(key) = m.key.as_ref() else {
            continue;
        };
        if !matches!(m.kind, MentionKind::Named | MentionKind::Surname | MentionKind::Role) {
            continue;
        }
        let official_title = m
            .titles
            .iter()
            .any(|t| lex.ontology.titles[t.spec].class == Class::Official && !lex.ontology.titles[t.spec].honorific);
        // Titles: holdsPositionIn / founded with the body named with them, or the country modifier.
        for t in &m.titles {
            let spec = &lex.ontology.titles[t.spec];
            let Some(rel) = spec.relation else { continue };
            let body_ix = t.body.and_then(|tok| v.slot.get(tok).copied().flatten()).filter(|&b| b != mi);
            let body = body_ix.and_then(|b| v.key(b).cloned()).or_else(|| {
                // A state office with no body named: the person's country when the text gives it
                // ("Kenya's president"); national offices are also placed below.
                if spec.class == Class::Official {
                    m.country.map(country_key)
                } else {
                    None
                }
            });
            // "Communications Minister X" and the Ministry of Information and Communications the
            // document names: the one ministry whose portfolio holds the title's.
            // "Information Technology Minister X": a portfolio written before the title, in the
            // name's own words, is the title's too.
            // Where the title starts in the mention ("Home Affairs Minister X": at "Minister").
            let title_at = || (m.start..m.end).find(|&k| lex.titles.longest(v.toks, k).is_some());
            let written_portfolio = || {
                let before = &v.toks[m.start..title_at()?];
                (!before.is_empty() && t.text == "minister" && before.iter().all(|x| x.cap || x.lower == "and")).then(|| {
                    before
                        .iter()
                        .filter(|x| x.lower != "and")
                        .map(|x| fold_plural(&x.lower))
                        .collect::<Vec<String>>()
                })
            };
            let ministry = || {
                let words: Vec<String> = match t.text.strip_suffix(" minister").or_else(|| t.text.strip_prefix("minister of ")) {
                    Some(portfolio) => portfolio.split(' ').filter(|w| *w != "and").map(fold_plural).collect(),
                    None => written_portfolio()?,
                };
                let mut fits = ministries.iter().filter(|(p, _)| words.iter().all(|w| p.contains(w)));
                match (fits.next(), fits.next()) {
                    (Some((_, k)), None) if !words.is_empty() => Some(k.clone()),
                    _ => None,
                }
            };
            if let Some(b) = &body {
                let (_, rng) = lex.signature(rel);
                let bclass = body_ix.map(|b| v.ms[b].class).unwrap_or(Class::Country);
                if rng.contains(&bclass) {
                    add(
                        key,
                        rel,
                        Object::Entity(b.clone()),
                        Modality::Asserted,
                        None,
                        Some(t.text.clone()),
                        m.start,
                    );
                }
            }
            if body_ix.is_none() && spec.class == Class::Official && rel == Relation::HoldsPositionIn {
                // "President Joe Biden" with no country written with it: a national office is
                // held in the one country the sentence names, or in the document's.
                // A place written before the title ("Montana Attorney General") is no country's;
                // a portfolio ("Home Affairs Minister") is.
                let title_at = title_at().unwrap_or(m.start);
                let placed = title_at > m.start && v.toks[title_at - 1].cap && lex.portfolios.ending_at(v.toks, title_at, 3).is_none();
                let national =
                    || national_country(m.start).filter(|_| spec.national && body.is_none() && m.kind == MentionKind::Named && !placed);
                let titled = || body_named_by_title(v, lex, m, t.spec, bodies);
                // "President Vladimir Putin" in a story from Kyiv: a known leader's own country.
                let leader = || {
                    let name = key.strip_prefix("person:")?;
                    lex.leader_countries.get(name).filter(|_| spec.national).map(|&c| country_key(c))
                };
                if let Some(k) = ministry().or_else(titled).or_else(leader).or_else(national) {
                    add(key, rel, Object::Entity(k), Modality::Asserted, None, Some(t.text.clone()), m.start);
                }
            }
        }
        // Demonym or country possessive before a non-country name: basedIn.
        if let Some(c) = m.country {
            let explicit = modifier_written(v, m);
            if explicit && m.class != Class::Country && !official_title {
                based_in(add, key, country_key(c), m.start);
            }
        }
    }
    // "accused the U.S. company of taking sides": a demonym right before a description of an app
    // or a company says where what it refers to is.
    for (mi, m) in v.ms.iter().enumerate() {
        let Some(c) = m.country.filter(|_| m.kind == MentionKind::Demonym) else {
            continue;
        };
        let described =
            v.ms.get(mi + 1)
                .filter(|n| n.start == m.end && n.kind == MentionKind::Definite && matches!(n.class, Class::App | Class::Organization));
        if let Some(k) = described.and_then(|n| n.key.as_ref()) {
            based_in(add, k, country_key(c), m.start);
        }
    }
    // "Spain's data regulator, the Custodia,": a country's description that names a body says
    // where the body is.
    for m in v.ms.iter().filter(|m| m.kind == MentionKind::Unnamed && m.class == Class::Agency) {
        if let (Some(key), Some(c)) = (m.key.as_ref(), m.country) {
            based_in(add, key, country_key(c), m.start);
        }
    }
    // "Telegram, which is based in Dubai", "ByteDance, headquartered in Beijing": a word of origin
    // and "in" a country or its capital after the name.
    for m in
        v.ms.iter()
            .filter(|m| m.kind == MentionKind::Named && m.class != Class::Country && !m.class.is_person())
    {
        let Some(key) = m.key.as_ref() else { continue };
        if let Some(c) = origin_in_after(v, lex, m.end) {
            based_in(add, key, country_key(c), m.start);
        }
    }
    // "Beijing-based ByteDance", "Iranian-made Soroush": a country, a hyphen and a word of origin;
    // "Google-owned YouTube", "the Meta-owned app": a company, a hyphen and a word of ownership.
    for (mi, m) in v.ms.iter().enumerate() {
        let origin = v.origin_follows(m.end);
        // "the Beijing-based company ByteDance": up to two lower-case words may stand between.
        let beside = |n: &Mention| {
            n.start >= m.end + 2
                && n.start <= m.end + 4
                && (m.end + 2..n.start).all(|k| {
                    let t = &v.toks[k];
                    // Nouns, not a verb: "the Oslo-based group said Kim ..." is no Kim from Oslo;
                    // nor "of": "the Tokyo-based operator of LINE" is the operator's origin.
                    !t.cap && t.kind == TokenKind::Word && !lex.words.reporting.contains(t) && !lex.is_trigger(t) && t.lower != "of"
                })
        };
        let Some(next) = v.ms.get(mi + 1).filter(|n| origin && beside(n) && n.class != Class::Country) else {
            continue;
        };
        let Some(k) = &next.key else { continue };
        if let Some(c) = m.country.filter(|_| m.class == Class::Country) {
            based_in(add, k, country_key(c), m.start);
        } else if let Some(owner) = m.key.as_ref().filter(|o| {
            matches!(m.class, Class::App | Class::Organization)
                && matches!(next.class, Class::App | Class::Organization)
                && *o != k
                && lex.words.owner_origin.contains_at(v.toks, m.end + 1)
        }) {
            add(
                owner,
                Relation::Owns,
                Object::Entity(k.clone()),
                Modality::Asserted,
                None,
                None,
                m.start,
            );
        }
    }
    // "the domestic messenger Aitu": an app of the country the document is about.
    // The country named in the sentence, else the one the document is about.
    let in_sentence =
        v.ms.iter()
            .find_map(|m| m.country.filter(|_| m.class == Class::Country || m.class.is_state()))
            .map(country_key);
    if let Some(home) = in_sentence.as_ref().or(main_country) {
        for m in
            v.ms.iter()
                .filter(|m| m.class == Class::App && m.kind == MentionKind::Named && m.key.is_some())
        {
            let before = lex
                .app_cues
                .ending_at(v.toks, m.start, 3)
                .is_some_and(|(cue_start, _)| cue_start > 0 && lex.domestic.contains(v.lower(cue_start - 1)));
            // "Koo, a little-known domestic microblogging app".
            let apposed = v.lower(m.end) == "," && matches!(v.lower(m.end + 1), "a" | "an" | "the") && {
                let words =
                    (m.end + 2..(m.end + 8).min(v.toks.len())).take_while(|&k| v.toks[k].kind == TokenKind::Word && v.slot[k].is_none());
                let mut domestic = false;
                let mut cued = false;
                for k in words {
                    domestic |= lex.domestic.contains(v.lower(k));
                    if domestic && lex.app_cues.starts_at(v.toks, k) {
                        cued = true;
                        break;
                    }
                }
                cued
            };
            if before || apposed {
                if let Some(k) = &m.key {
                    based_in(add, k, home.clone(), m.start);
                }
            }
        }
    }
    // "the official X account of the Tanzania Police Force": an account on an app is its holder's use.
    for m in
        v.ms.iter()
            .filter(|m| m.class == Class::App && m.kind == MentionKind::Named && !m.possessive)
    {
        let (Some(app), true) = (m.key.as_ref(), lex.proxy_nouns.contains(v.lower(m.end))) else {
            continue;
        };
        let of = m.end + 1;
        if v.lower(of) != "of" {
            continue;
        }
        let at = of + 1 + usize::from(v.lower(of + 1) == "the");
        let (dom, _) = lex.signature(Relation::Uses);
        if let Some(hk) = v
            .slot
            .get(at)
            .copied()
            .flatten()
            .filter(|&h| v.ms[h].start == at && v.usable(h, dom))
            .and_then(|h| v.key(h))
        {
            add(
                hk,
                Relation::Uses,
                Object::Entity(app.clone()),
                Modality::Asserted,
                None,
                None,
                m.start,
            );
        }
    }
    // "VK, whose chief executive is Vladimir Kiriyenko", "the commission, whose chairman Rod Sims":
    // the person holds the office in the body.
    // Whether the sentence has a "whose" at all, looked for once and only when a name before a
    // comma asks.
    let mut has_whose = None;
    for m in
        v.ms.iter()
            .filter(|m| m.kind == MentionKind::Named && !m.class.is_person() && m.class != Class::Country)
    {
        let Some(key) = m.key.as_ref().filter(|_| v.lower(m.end) == ",") else {
            continue;
        };
        if !*has_whose.get_or_insert_with(|| (0..v.toks.len()).any(|k| v.lower(k) == "whose")) {
            continue;
        }
        // "Safaricom, Kenya's largest telecoms operator, whose chief executive is": past an
        // apposition too.
        let whose = if v.lower(m.end + 1) == "whose" {
            Some(m.end + 1)
        } else {
            (m.end + 2..(m.end + 12).min(v.toks.len()))
                .take_while(|&k| !v.is_boundary(k) && !lex.words.relatives.contains_at(v.toks, k))
                .find(|&k| v.lower(k) == ",")
                .filter(|&k| v.lower(k + 1) == "whose")
                .map(|k| k + 1)
        };
        let Some(whose) = whose else { continue };
        let Some((len, _)) = lex.titles.longest(v.toks, whose + 1) else {
            continue;
        };
        let be = whose + 1 + len;
        // "whose chief executive is Vladimir Kiriyenko", or with the name right after the title:
        // "whose chairman Rod Sims has argued".
        let at = if lex.words.be.contains_at(v.toks, be) { be + 1 } else { whose + 1 };
        let holder = v
            .slot
            .get(at)
            .copied()
            .flatten()
            .filter(|&p| v.ms[p].class.is_person() && v.ms[p].start == at && v.ms[p].end > be);
        if let Some(pk) = holder.and_then(|p| v.key(p)) {
            add(
                pk,
                Relation::HoldsPositionIn,
                Object::Entity(key.clone()),
                Modality::Asserted,
                None,
                None,
                m.start,
            );
        }
    }
    // "ByteDance, the owner of TikTok", "Tencent, the maker of WeChat" (cues.toml apposition_relations).
    for (mi, m) in v.ms.iter().enumerate() {
        let Some(key) = m
            .key
            .as_ref()
            .filter(|_| matches!(m.class, Class::App | Class::Organization) && m.kind == MentionKind::Named)
        else {
            continue;
        };
        if v.lower(m.end) != "," {
            continue;
        }
        let mut at = m.end + 1 + usize::from(matches!(v.lower(m.end + 1), "the" | "a" | "an" | "its"));
        // Before the noun, lower-case words, an app's possessive ("Instagram's U.S. parent
        // company") and a country or place of origin ("the Tokyo-based operator of LINE").
        let (mut possessor, mut country) = (None, None);
        let limit = (at + 6).min(v.toks.len());
        let found = loop {
            if at >= limit {
                break None;
            }
            if let Some(n) = v.slot[at] {
                let nm = &v.ms[n];
                if nm.possessive && nm.class == Class::App && possessor.is_none() {
                    possessor = Some(n);
                    at = nm.end;
                } else if nm.class == Class::Country && country.is_none() {
                    country = nm.country;
                    at = if v.origin_follows(nm.end) { nm.end + 2 } else { nm.end };
                } else {
                    break None;
                }
                continue;
            }
            if let Some(hit) = lex.apposition_relations.longest(v.toks, at) {
                break Some(hit);
            }
            if v.toks[at].cap || v.toks[at].kind != TokenKind::Word {
                break None;
            }
            at += 1;
        };
        let Some((len, &rel)) = found else { continue };
        // Described with what it is part of: "the Tokyo-based operator" is from Japan.
        if let Some(c) = country {
            based_in(add, key, country_key(c), m.start);
        }
        if let Some(o) = possessor.and_then(|n| v.key(n)).filter(|o| *o != key) {
            add(key, rel, Object::Entity(o.clone()), Modality::Asserted, None, None, m.start);
            continue;
        }
        if v.lower(at + len) != "of" {
            continue;
        }
        let of = at + len + 1;
        let target = v
            .slot
            .get(of)
            .copied()
            .flatten()
            .or_else(|| (v.lower(of) == "the").then(|| v.slot.get(of + 1).copied().flatten()).flatten());
        // "Meta, the owner of Facebook, WhatsApp and Instagram": every item of the list.
        let range = lex.signature(rel).1;
        if let Some(t) = target.filter(|&t| t != mi && v.usable(t, range)) {
            for o in v.coordinated(t, range, true) {
                if let Some(tk) = v.key(o) {
                    add(key, rel, Object::Entity(tk.clone()), Modality::Asserted, None, None, m.start);
                }
            }
        }
    }
    // "Facebook and Instagram, ruling that their owner, Meta Platforms,": a company in apposition
    // to "its|their owner" (cues.toml apposition_relations) owns the apps named before.
    for (mi, m) in v.ms.iter().enumerate() {
        let Some(key) = v
            .key(mi)
            .filter(|_| matches!(m.class, Class::App | Class::Organization) && m.kind == MentionKind::Named)
        else {
            continue;
        };
        if m.start < 3 || v.lower(m.start - 1) != "," {
            continue;
        }
        let Some((at, &rel)) = lex.apposition_relations.ending_at(v.toks, m.start - 1, 3) else {
            continue;
        };
        // "the game's publisher, Krafton,": the app whose possessive opens the noun.
        let possessed_app = at
            .checked_sub(1)
            .filter(|&p| v.lower(p) == "'s")
            .and_then(|p| p.checked_sub(1))
            .and_then(|p| v.slot[p])
            .filter(|&n| v.ms[n].class == Class::App && n != mi);
        if let Some(n) = possessed_app {
            for ok in v.keys(n).iter().filter(|ok| *ok != key) {
                add(key, rel, Object::Entity(ok.clone()), Modality::Asserted, None, None, m.start);
            }
            continue;
        }
        let plural = match at.checked_sub(1).map(|p| v.lower(p)) {
            Some("their") => true,
            Some("its") => false,
            _ => continue,
        };
        let Some(last) = (0..mi)
            .rev()
            .find(|&a| v.ms[a].class == Class::App && v.ms[a].kind == MentionKind::Named)
        else {
            continue;
        };
        let owned = if plural {
            v.coordinated(last, &[Class::App], false)
        } else {
            smallvec![last]
        };
        for o in owned {
            if let Some(ok) = v.key(o) {
                add(key, rel, Object::Entity(ok.clone()), Modality::Asserted, None, None, m.start);
            }
        }
    }
    // A company's app is its own: "ByteDance's TikTok", "Tencent's WeChat", and the app a
    // company's possessive describes in an apposition, "WhatsApp, Meta's messaging service"; an
    // app that is its own company owns one too ("Google's YouTube", GUIDE.md: Google is one App);
    // so does a company's possessive pronoun: "Facebook itself or its Messenger app".
    // A named person's app is theirs as well ("Elon Musk's X"), unless a noun follows it ("Trump's
    // TikTok ban").
    for (mi, m) in v.ms.iter().enumerate() {
        let owner_word = matches!(m.kind, MentionKind::Named | MentionKind::Pronoun);
        let person = m.kind == MentionKind::Named && m.class.is_person();
        if !(m.possessive && owner_word && (person || matches!(m.class, Class::Organization | Class::App))) {
            continue;
        }
        let Some(key) = m.key.as_ref() else { continue };
        let after = v
            .slot
            .get(m.end)
            .copied()
            .flatten()
            .filter(|&n| v.ms[n].kind == MentionKind::Named && v.ms[n].start == m.end);
        let is_app = |n: &usize| v.ms[*n].class == Class::App;
        // "Rupert Murdoch's News Corp", "SoftBank's Arm": a named owner's company, not a party
        // or a foundation (cues.toml `non_company_heads`: "Erdogan's AKP Party" is no property).
        let is_company = |n: &usize| {
            let o = &v.ms[*n];
            m.kind == MentionKind::Named
                && o.class == Class::Organization
                && !lex.non_company_heads.contains(v.lower(o.end - 1))
                && !v.toks.get(o.end).is_some_and(|t| t.cap)
        };
        let app = after
            .filter(|n| is_app(n) || is_company(n))
            .or_else(|| possessive_apposition(v, lex, mi).filter(is_app));
        let app = app.filter(|&n| !person || v.toks.get(v.ms[n].end).is_none_or(|t| !lex.is_trigger(t)));
        // "the NLD's Facebook page": a page, account or channel on an app is using it.
        let rel = if app.is_some_and(|n| crate::resolve::proxy_follows(v.toks, v.ms[n].end, lex)) {
            Relation::Uses
        } else {
            Relation::Owns
        };
        // "The church has used its Facebook page and its Telegram channel": a pronoun read as
        // one app before another app's channel is the channel holder's, left unsaid here.
        let app_pronoun = m.kind == MentionKind::Pronoun && m.class == Class::App;
        if let Some(nk) = app
            .and_then(|n| v.key(n))
            .filter(|nk| *nk != key && !(rel == Relation::Uses && app_pronoun))
        {
            add(key, rel, Object::Entity(nk.clone()), Modality::Asserted, None, None, m.start);
        }
        // "its WhatsApp and Instagram services": a second app joined by "and" before a plural
        // noun both share.
        let second = app.filter(|&n| v.lower(v.ms[n].end) == "and").and_then(|n| {
            let o = v.slot.get(v.ms[n].end + 1).copied().flatten()?;
            let shared = v.toks.get(v.ms[o].end).is_some_and(|t| lex.plain_plural(t));
            (v.ms[o].start == v.ms[n].end + 1 && v.ms[o].kind == MentionKind::Named && is_app(&o) && shared).then_some(o)
        });
        if let Some(ok) = second.and_then(|o| v.key(o)).filter(|ok| *ok != key && rel == Relation::Owns) {
            add(key, rel, Object::Entity(ok.clone()), Modality::Asserted, None, None, m.start);
        }
    }
    // A description with a demonym or a country possessive beside a name: "Koo, the Indian
    // alternative to Twitter", "Italy's data protection authority, the Garante", "the Vietnamese
    // company VNG".
    let described =
        |a: usize| matches!(v.ms[a].class, Class::App | Class::Organization | Class::Agency) && v.ms[a].kind == MentionKind::Named;
    // "Rebecca Enonchong, a Cameroonian entrepreneur,": a person (not an official, whose office
    // says where they serve) is from the country of the description before the name's comma.
    let described_person = |a: usize| v.ms[a].class == Class::Person && v.ms[a].kind == MentionKind::Named;
    for (mi, m) in v.ms.iter().enumerate() {
        // "Roskomnadzor, the country's communications regulator": a description of the country
        // gives it as well as its name.
        let written = m
            .country
            .map(country_key)
            .or_else(|| m.key.clone().filter(|_| m.kind == MentionKind::Definite));
        let Some(c) = written.filter(|_| m.kind == MentionKind::Demonym || m.possessive && m.class == Class::Country) else {
            continue;
        };
        let mut named = None;
        // The article, past an age or other lower-case words: "Stepan Putilo, a 22-year-old
        // Belarusian blogger".
        let mut art = m.start.saturating_sub(1);
        if m.kind == MentionKind::Demonym {
            while art + 6 > m.start
                && art > 0
                && v.slot[art].is_none()
                && (v.toks[art].kind == TokenKind::Number || v.lower(art) == "-" || v.toks[art].kind == TokenKind::Word && !v.toks[art].cap)
                && !matches!(v.lower(art), "the" | "a" | "an")
            {
                art -= 1;
            }
        }
        if art >= 2 && matches!(v.lower(art), "the" | "a" | "an") && v.lower(art - 1) == "," {
            named = v.name_before_comma(art - 1);
            if let Some(k) = named
                .filter(|&a| m.kind == MentionKind::Demonym && described_person(a))
                .and_then(|a| v.key(a))
            {
                based_in(add, k, c.clone(), m.start);
                continue;
            }
        }
        // "VKontakte, Russia's largest social network".
        if named.is_none() && m.possessive && m.class == Class::Country {
            named = possessive_apposition(v, lex, mi);
        }
        if let Some(next) = v.ms.get(mi + 1) {
            // The description's head: lower-case words only, then the name, after a comma or not.
            let mut k = m.end;
            while k < next.start && k < m.end + 5 && !v.toks[k].cap && v.toks[k].kind == TokenKind::Word {
                k += 1;
            }
            let head = k > m.end
                && (lex.organization_heads.ending_at(v.toks, k, 2).is_some() || lex.appositive_body_nouns.contains(&v.toks[k - 1]));
            if v.lower(k) == "," {
                k += 1;
                if v.lower(k) == "the" {
                    k += 1;
                }
            }
            if head && next.start == k {
                named = Some(mi + 1);
            }
        }
        if let Some(k) = named.filter(|&a| described(a)).and_then(|a| v.key(a)) {
            based_in(add, k, c, m.start);
        }
    }
    // "<demonym> messengers, including Soroush and Gap" / "Soroush and Gap Iranian development".
    for (mi, m) in v.ms.iter().enumerate() {
        if m.kind != MentionKind::Demonym {
            continue;
        }
        let Some(c) = m.country else { continue };
        let cue = lex.app_cues.longest(v.toks, m.end).map(|(l, _)| m.end + l);
        let mut apps: Vec<usize> = Vec::new();
        if let Some(after_cue) = cue {
            let k = if v.lower(after_cue) == "," { after_cue + 1 } else { after_cue };
            if let Some(app) = v.slot.get(after_cue).copied().flatten().filter(|&a| v.ms[a].class == Class::App) {
                // "the Chinese app WeChat"
                apps.push(app);
            } else if let Some((len, _)) = lex.list_introducers.longest(v.toks, k) {
                // "Iranian messengers, including Soroush and Gap"
                if let Some(first) = v.slot.get(k + len).copied().flatten() {
                    apps.extend(v.coordinated(first, &[Class::App], true));
                }
            }
        } else if mi > 0 && v.ms[mi - 1].end == m.start && v.ms[mi - 1].class == Class::App {
            // "Soroush and Gap Iranian development"
            if matches!(
                v.lower(m.end),
                "development" | "made" | "-made" | "built" | "developed" | "based" | "owned" | "company" | "firm"
            ) {
                apps.extend(v.coordinated(mi - 1, &[Class::App], false));
            }
        }
        for a in apps {
            if let Some(ak) = v.key(a) {
                based_in(add, ak, country_key(c), m.start);
            }
        }
    }
    // "ByteDance's other apps, including the video editor CapCut and Lemon8": a company's apps
    // listed after its possessive are its own.
    for m in
        v.ms.iter()
            .filter(|m| m.possessive && m.kind == MentionKind::Named && m.class == Class::Organization)
    {
        let Some(owner) = m.key.as_ref() else { continue };
        let mut k = m.end;
        while k < m.end + 2
            && v.toks.get(k).is_some_and(|t| !t.cap && t.kind == TokenKind::Word)
            && lex.app_cues.longest(v.toks, k).is_none()
        {
            k += 1;
        }
        let Some((len, _)) = lex.app_cues.longest(v.toks, k) else {
            continue;
        };
        k += len;
        // "in the country": a place after the cue.
        if v.lower(k) == "in"
            && v.slot
                .get(k + 1)
                .or(v.slot.get(k + 2))
                .copied()
                .flatten()
                .is_some_and(|c| v.ms[c].class == Class::Country)
        {
            k = (k + 1..k + 4).find(|&x| v.lower(x) == ",").unwrap_or(k);
        }
        if v.lower(k) == "," {
            k += 1;
        }
        let Some((len, _)) = lex.list_introducers.longest(v.toks, k) else {
            continue;
        };
        let first = (k + len..(k + len + 4).min(v.toks.len()))
            .find_map(|x| v.slot[x])
            .filter(|&a| v.ms[a].class == Class::App);
        for a in first.map(|a| v.coordinated(a, &[Class::App], true)).unwrap_or_default() {
            if let Some(ak) = v.key(a) {
                add(
                    owner,
                    Relation::Owns,
                    Object::Entity(ak.clone()),
                    Modality::Asserted,
                    None,
                    None,
                    m.start,
                );
            }
        }
    }
}

/// "Diaz-Canel, an active Twitter user,", "Khaby Lame, a TikTok star,": an apposition that says a
/// person is on an app (cues.toml app_user_nouns) says the person uses it.
fn app_user_appositions(v: &View, lex: &Lexicon, add: &mut Add) {
    for m in
        v.ms.iter()
            .filter(|m| m.class.is_person() && matches!(m.kind, MentionKind::Named | MentionKind::Surname))
    {
        let Some(key) = m.key.as_ref() else { continue };
        if v.lower(m.end) != "," || !matches!(v.lower(m.end + 1), "a" | "an") {
            continue;
        }
        // Up to two lower-case words before the app: "an active", "a prolific".
        let app = (m.end + 2..(m.end + 5).min(v.toks.len()))
            .take_while(|&x| v.slot[x].is_some() || v.toks[x].kind == TokenKind::Word && !v.toks[x].cap)
            .find_map(|x| v.slot[x])
            .filter(|&a| v.ms[a].class == Class::App && !v.ms[a].possessive);
        let Some(a) = app else { continue };
        if !lex.app_user_nouns.contains_at(v.toks, v.ms[a].end) {
            continue;
        }
        if let Some(ak) = v.key(a) {
            add(
                key,
                Relation::Uses,
                Object::Entity(ak.clone()),
                Modality::Asserted,
                None,
                None,
                m.start,
            );
        }
    }
}

/// Speaking on a platform is using it (GUIDE.md: "posts on"): "the PTA said on Twitter" (a
/// reporting verb right before "on" and the app), and "In a statement posted on Twitter, the PTA
/// said" (the app in a phrase that opens the sentence, the speaker right after its comma).
fn platform_speech(v: &View, lex: &Lexicon, add: &mut Add) {
    // The speaker may be a company that is an app as well (GUIDE.md: one App): "Didi said on Weibo".
    let dom: SmallVec<[Class; 8]> = lex.signature(Relation::Uses).0.iter().copied().chain([Class::App]).collect();
    let dom = dom.as_slice();
    let reporting = |k: usize| v.toks.get(k).is_some_and(|t| lex.words.reporting.contains(t));
    for (ai, a) in v.ms.iter().enumerate() {
        let Some(app) = v.key(ai).filter(|_| a.class == Class::App && a.kind == MentionKind::Named) else {
            continue;
        };
        // "on Twitter", "on its Weibo account", "on his own channel".
        let mut on = a.start;
        while on > 0 && matches!(v.lower(on - 1), "its" | "his" | "her" | "their" | "own" | "official") {
            on -= 1;
        }
        if on == 0 || v.lower(on - 1) != "on" {
            continue;
        }
        on -= 1;
        let mut speakers = MentionList::new();
        let mut at = on;
        if let Some(k) = (on.saturating_sub(2)..on).rev().find(|&k| reporting(k)) {
            speakers = v.subject(k, dom);
            at = k;
        } else if v.lower(0) == "in" && (1..on).all(|k| !v.toks[k].cap && v.toks[k].kind == TokenKind::Word) {
            // The opening phrase closes with a comma after the app (and "account", "page").
            let comma = (a.end..(a.end + 3).min(v.toks.len())).find(|&k| v.lower(k) == ",");
            if let Some(c) = comma.filter(|&c| (a.end..c).all(|k| !v.toks[k].cap && v.toks[k].kind == TokenKind::Word)) {
                let first = if v.lower(c + 1) == "the" { c + 2 } else { c + 1 };
                if let Some(m) = v.slot.get(first).copied().flatten().filter(|&m| v.usable(m, dom)) {
                    if reporting(v.ms[m].end) {
                        speakers = v.coordinated(m, dom, true);
                        at = v.ms[m].end;
                    }
                }
            }
        }
        let subj_end = speakers.iter().map(|&m| v.ms[m].end).max().unwrap_or(0);
        let modal = modality(v, at, subj_end.min(at));
        for m in speakers {
            if let Some(k) = v.key(m) {
                add(k, Relation::Uses, Object::Entity(app.clone()), modal, None, None, at);
            }
        }
    }
}

/// The agent named after a passive's "by" or an inverse verb: the first usable name among the
/// `words` tokens from `from` (reaching past a place of origin, "by the Hong Kong-based company
/// ByteDance"), before a clause boundary.
fn agent_after(v: &View, lex: &Lexicon, from: usize, words: usize, classes: &[Class]) -> Option<usize> {
    let reach = from + words + place_of_origin_len(v, lex, from);
    // "used by some 96 million people in the country": a head count is the agent, no name after it.
    (from..reach.min(v.toks.len()))
        .take_while(|&x| v.slot[x].is_some() || !v.is_boundary(x) && v.toks[x].kind != TokenKind::Number)
        .filter_map(|x| v.slot[x])
        .find(|&m| v.usable(m, classes))
        // "owned by InMobi's Glance": the name the possessive qualifies is the agent.
        .map(|m| {
            v.slot
                .get(v.ms[m].end)
                .copied()
                .flatten()
                .filter(|&n| v.ms[m].possessive && v.ms[n].start == v.ms[m].end && v.usable(n, classes))
                .unwrap_or(m)
        })
}

/// The length of a place of origin that opens a name's modifiers at token `at` ("Ho Chi Minh
/// City-based" in "by Ho Chi Minh City-based VNG", "the Hong Kong-based company ByteDance"),
/// maybe after "the": capitalised words, a hyphen and a word of origin; 0 when there is none. A
/// search for the name after it reaches that much further.
fn place_of_origin_len(v: &View, lex: &Lexicon, at: usize) -> usize {
    let mut k = if v.lower(at) == "the" { at + 1 } else { at };
    let first = k;
    while k < first + 4 && v.toks.get(k).is_some_and(|t| t.cap && t.kind == TokenKind::Word) {
        k += 1;
    }
    let origin = k > first && crate::mention::origin_after(v.toks, k, lex);
    if origin {
        k + 2 - at
    } else {
        0
    }
}

/// For a possessive that opens an apposition saying what a name is ("WhatsApp, Meta's messaging
/// service,", "VKontakte, Russia's largest social network."), the name: the mention right before
/// the comma. The description is lower-case words ending in an app cue, an organization head or
/// a state body's noun, and closes the clause or the parenthesis.
fn possessive_apposition(v: &View, lex: &Lexicon, mi: usize) -> Option<usize> {
    let m = &v.ms[mi];
    if m.start < 2 || v.lower(m.start - 1) != "," {
        return None;
    }
    let named = v.name_before_comma(m.start - 1).filter(|&n| n != mi)?;
    let mut k = m.end;
    // "PayPal, Yahoo's search engine and several platforms" is a list, no apposition.
    while k < m.end + 5
        && v.toks
            .get(k)
            .is_some_and(|t| !t.cap && t.kind == TokenKind::Word && !matches!(t.lower.as_str(), "and" | "or"))
    {
        k += 1;
    }
    let head = k > m.end
        && (lex.app_cues.ending_at(v.toks, k, 3).is_some()
            || lex.organization_heads.ending_at(v.toks, k, 2).is_some()
            || lex.appositive_body_nouns.contains(&v.toks[k - 1]));
    let closes = v.toks.get(k).is_none_or(|t| matches!(t.lower.as_str(), "," | "." | ";" | ")"));
    (head && closes).then_some(named)
}

/// Whether a mention's country comes from a modifier written in this sentence (not the lexicon).
fn modifier_written(v: &View, m: &Mention) -> bool {
    let first = &v.toks[m.start];
    let before = v
        .lex
        .names
        .matches(v.toks, m.start)
        .any(|(_, e)| e.form == crate::lexicon::NameForm::Demonym || matches!(e.target, crate::lexicon::NameTarget::Country(_)))
        && first.cap;
    // "the Communications Authority of Kenya": the country named after "of".
    let after = || {
        crate::mention::after_of(v.toks, m.end).is_some_and(|at| {
            v.slot.get(at).copied().flatten().is_some_and(|c| {
                let c = &v.ms[c];
                c.start == at && c.class == Class::Country && c.kind == MentionKind::Named && c.country == m.country
            })
        })
    };
    // "Zain Sudan", "the Cyberspace Administration of China": the name ends with the country's.
    let ends_with = || {
        m.country.is_some_and(|c| {
            v.lex.names.ending_at(v.toks, m.end, 3).is_some_and(|(s, e)| {
                s > m.start && e.form == crate::lexicon::NameForm::Name && e.target == crate::lexicon::NameTarget::Country(c)
            })
        })
    };
    before || after() || ends_with()
}

/// User figures: "some 40 million users", "used by about three million Iranians", "Gap has more than 1.3 million".
fn user_counts(v: &View, lex: &Lexicon, add: &mut Add) {
    let w = &lex.words;
    let mut k = 0;
    while k < v.toks.len() {
        let Some((value, end)) = read_number(v, k, lex) else {
            k += 1;
            continue;
        };
        // What the number counts.
        let mut j = end;
        let mut is_users = false;
        let mut country = None;
        // "6 million Facebook users": the app named between the number and its users.
        let mut named_app = None;
        while j < v.toks.len() && j < end + 3 {
            let l = v.lower(j);
            if w.not_user_nouns.contains_word(l) {
                break;
            }
            if let Some(m) = v.slot[j] {
                if v.ms[m].class == Class::Country {
                    // "40 million Iranians" counts people; "610,500 Australian dollars" does not.
                    country = v.ms[m].country;
                    is_users |= v.toks[v.ms[m].end - 1].lower.ends_with('s');
                    j = v.ms[m].end;
                    continue;
                }
                if v.ms[m].class == Class::App && v.ms[m].key.is_some() && w.user_nouns.contains_at(v.toks, v.ms[m].end) {
                    named_app = Some(m);
                    j = v.ms[m].end;
                    continue;
                }
                break;
            }
            if w.user_nouns.contains_word(l) {
                is_users = true;
            } else if !matches!(l, "of" | "-" | "monthly" | "active") {
                break;
            }
            j += 1;
        }
        let before = v.lower(k.saturating_sub(1));
        let prev2 = v.lower(k.saturating_sub(2));
        let has_verb = matches!(before, "has" | "have" | "had")
            || matches!(prev2, "has" | "have" | "had")
            || v.toks[..k].iter().rev().take(4).any(|t| t.lower == "has" || t.lower == "have");
        let elliptic = j == end && has_verb && matches!(v.lower(end), "." | "," | ";" | "");
        // "the number of Telegram users is estimated at 10 million"
        let number_of_users = (1..k).any(|x| {
            v.lower(x - 1) == "number" && v.lower(x) == "of" && (x + 1..(x + 4).min(k)).any(|y| w.user_nouns.contains_at(v.toks, y))
        });
        let is_users = is_users || number_of_users && j == end;
        // "half of the country's 54 million people": a share of the figure, not the count; but
        // "40% of Telegram's 45 million users" counts the app named between.
        let share = (k.saturating_sub(6)..k).any(|x| {
            w.fractions.contains_at(v.toks, x)
                && (x + 1..k).any(|y| v.lower(y) == "of")
                && !(x..k).any(|y| v.is_boundary(y) || v.slot[y].is_some_and(|m| v.ms[m].class == Class::App))
        });
        // "a country of about 45 million people": a population, not users.
        let population = (k.saturating_sub(4)..k).rev().find(|&x| v.lower(x) == "of").is_some_and(|x| {
            x >= 1
                && (v.slot[x - 1].is_some_and(|m| v.ms[m].class == Class::Country)
                    || lex
                        .definite
                        .longest(v.toks, x - 1)
                        .is_some_and(|(len, c)| len == 1 && c.as_slice() == [Class::Country]))
        });
        // "to block about 1,178 accounts": what a ban acts on is no count of users.
        let acted_on = {
            let mut x = k;
            while x > 0 && w.approximators.contains(&v.toks[x - 1]) {
                x -= 1;
            }
            x > 0
                && lex
                    .verb_relations(&v.toks[x - 1])
                    .any(|r| matches!(r, Relation::Bans | Relation::Unbans))
        };
        if !is_users && !elliptic || share || population || acted_on {
            k = end;
            continue;
        }
        // The app counted: a possessive or subject app before the number, or the app of "used by";
        // not one inside a relative clause closed before it ("LINE, which Naver launched in 2011,
        // is used by some 96 million people" counts LINE's users).
        let in_closed_relative = |m: usize| {
            let s = v.ms[m].start;
            let opened = (1..s)
                .rev()
                .take_while(|&x| v.lower(x) != ",")
                .find(|&x| lex.words.relatives.contains_at(v.toks, x) && v.lower(x - 1) == ",");
            opened.is_some() && (v.ms[m].end..k).any(|x| v.lower(x) == ",")
        };
        let app = named_app.or_else(|| {
            (0..v.ms.len())
                .filter(|&m| v.ms[m].end <= k && v.ms[m].class == Class::App && v.ms[m].key.is_some() && !in_closed_relative(m))
                .filter(|&m| !(v.ms[m].kind == MentionKind::Definite && v.ms[m].name == "network"))
                .rfind(|&m| !(v.ms[m].end <= k && (v.ms[m].end..k).any(|x| matches!(v.lower(x), "audience" | "channel" | "owners"))))
                .or_else(|| {
                    (0..v.ms.len())
                        .find(|&m| v.ms[m].start >= end && v.ms[m].class == Class::App && v.ms[m].key.is_some() && v.ms[m].start < end + 8)
                })
        });
        let Some(app) = app else {
            k = end;
            continue;
        };
        if country.is_none() {
            // "in Iran", "in the country", "in the Islamic Republic" near the figure.
            let lo = k.saturating_sub(12);
            let hi = (j + 6).min(v.toks.len());
            for x in lo..hi {
                if v.lower(x) == "in" {
                    if let Some(m) = v
                        .slot
                        .get(x + 1)
                        .copied()
                        .flatten()
                        .or_else(|| v.slot.get(x + 2).copied().flatten())
                    {
                        if v.ms[m].class == Class::Country && v.ms[m].is_actor() {
                            // The mention's country, or the one its key resolved to ("in the country").
                            country = v.ms[m]
                                .key
                                .as_deref()
                                .and_then(|k| v.ms[m].country.or_else(|| lex.country_keys.iter().position(|c| **c == *k)));
                        }
                    }
                }
            }
        }
        let country_key = country.map(|c| crate::mention::country_key(lex, c));
        if let Some(ak) = v.key(app) {
            add(
                ak,
                Relation::UserCount,
                Object::Count(value),
                Modality::Asserted,
                country_key,
                None,
                k,
            );
        }
        k = j.max(end);
    }
}

/// The value of a number token with its thousands commas ("40,000,000", "2.5"); `None` for one
/// with letters ("5th"). Whole numbers of up to 19 digits, most of them, are read digit by digit
/// (exactly what the float parse gives them); the others go through the float parse.
fn figure(text: &str) -> Option<f64> {
    let (mut value, mut digits) = (0u64, 0);
    for b in text.bytes() {
        match b {
            b'0'..=b'9' if digits < 19 => {
                value = value * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'0'..=b'9' => {
                digits += 1;
                break;
            }
            b',' => {}
            b'.' => break,
            _ => return None,
        }
    }
    if (1..=19).contains(&digits) && !text.contains('.') {
        // A u64 of up to 19 digits converts to the nearest float, as parsing its digits does.
        return Some(value as f64);
    }
    let clean: String = text.chars().filter(|c| *c != ',').collect();
    clean.parse().ok()
}

/// Reads a number at token `k` ("40 million", "1.3 million", "three million", "40,000"), with
/// approximators before it; returns the value and the token after it.
fn read_number(v: &View, k: usize, lex: &Lexicon) -> Option<(u64, usize)> {
    let w = &lex.words;
    let t = v.toks.get(k)?;
    let base: f64 = if t.kind == TokenKind::Number {
        figure(&t.lower)?
    } else if let Some(n) = w.number_words.get(t) {
        if t.lower == "a" {
            return None;
        }
        n as f64
    } else {
        return None;
    };
    let mut end = k + 1;
    let mut value = base;
    if let Some(scale) = v.toks.get(end).and_then(|n| w.scales.get(n)) {
        value *= scale as f64;
        end += 1;
    } else if t.kind == TokenKind::Number && (t.lower.len() == 4 && (1900.0..2100.0).contains(&base)) {
        return None;
    }
    if value < 1000.0 {
        return None;
    }
    Some((value.round() as u64, end))
}

#[cfg(test)]
mod tests {
    use super::figure;

    #[test]
    fn figures_read_as_the_float_parse_reads_them() {
        let slow = |t: &str| t.chars().filter(|c| *c != ',').collect::<String>().parse::<f64>().ok();
        let cases = [
            "0",
            "7",
            "1000",
            "40,000,000",
            "2.5",
            "1,234.5",
            "5th",
            "2010s",
            "1e",
            "9999999999999999999",
            "18446744073709551615",
            "123456789012345678901234",
            "9007199254740993",
            "12345678901234567",
            "1.",
            "3,5",
            "\u{bd}",
            "",
        ];
        for t in cases {
            assert_eq!(figure(t), slow(t), "{t:?}");
        }
    }
}
