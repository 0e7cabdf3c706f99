//! Cleaning: repairs mis-encoded characters and drops the lines of a web page that are not news
//! (subscription and comment prompts, photo credits, bylines, lines not in English).

use crate::ontology::Boilerplate;
use crate::text::{fold, fold_bytes_into};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// Mis-encodings seen in scraped news: UTF-8 read as Windows-1252 or as code page 437.
const MOJIBAKE: [(&str, &str); 16] = [
    ("\u{e2}\u{20ac}\u{2122}", "\u{2019}"),
    ("\u{e2}\u{20ac}\u{2DC}", "\u{2018}"),
    ("\u{e2}\u{20ac}\u{153}", "\u{201c}"),
    ("\u{e2}\u{20ac}\u{9d}", "\u{201d}"),
    ("\u{e2}\u{20ac}\u{201c}", "\u{2013}"),
    ("\u{e2}\u{20ac}\u{201d}", "\u{2014}"),
    ("\u{e2}\u{20ac}\u{a6}", "\u{2026}"),
    ("\u{c3}\u{a9}", "\u{e9}"),
    ("\u{c2}\u{a0}", " "),
    ("\u{393}\u{c7}\u{d6}", "\u{2019}"),
    ("\u{393}\u{c7}\u{a3}", "\u{201c}"),
    ("\u{393}\u{c7}\u{a5}", "\u{201d}"),
    ("\u{393}\u{c7}\u{f4}", "\u{2013}"),
    ("\u{393}\u{c7}\u{f6}", "\u{2014}"),
    ("\u{252c}\u{e1}", " "),
    ("\u{fffd}", " "),
];

/// Invisible characters dropped, and odd spaces made plain spaces.
const INVISIBLE: [(&str, &str); 6] = [
    ("\u{200b}", ""),
    ("\u{200c}", ""),
    ("\u{200d}", ""),
    ("\u{feff}", ""),
    ("\u{a0}", " "),
    ("\t", " "),
];

/// Whether a byte can start a bad sequence (a tab, or the lead byte of one of the characters the
/// tables start with), by byte value: continuation bytes and other characters are skipped.
const STARTS_BAD: [bool; 256] = {
    let mut starts = [false; 256];
    let mut i = 0;
    while i < MOJIBAKE.len() {
        starts[MOJIBAKE[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    let mut i = 0;
    while i < INVISIBLE.len() {
        starts[INVISIBLE[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    starts
};

/// The repair that applies at the start of `rest`, if any: the longest bad sequence wins.
fn repair_at(rest: &[u8]) -> Option<(usize, &'static str)> {
    MOJIBAKE
        .iter()
        .chain(INVISIBLE.iter())
        .filter(|(bad, _)| rest.starts_with(bad.as_bytes()))
        .max_by_key(|(bad, _)| bad.len())
        .map(|(bad, good)| (bad.len(), *good))
}

/// Repairs mis-encoded sequences and normalises spaces and line ends, in one pass.
/// Only the places where a bad sequence can start are tried (see `STARTS_BAD`).
pub fn repair(text: &str) -> String {
    let s: std::borrow::Cow<str> = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    };
    let bytes = s.as_bytes();
    let Some(first) = next_start(bytes, 0) else {
        return s.into_owned();
    };
    let mut out = String::with_capacity(s.len());
    let (mut done, mut i) = (0, first);
    loop {
        match repair_at(&bytes[i..]) {
            // Bad sequences start at a lead byte, so `i` and `i + len` are character boundaries.
            Some((len, good)) => {
                out.push_str(&s[done..i]);
                out.push_str(good);
                i += len;
                done = i;
            }
            None => i += 1,
        }
        match next_start(bytes, i) {
            Some(next) => i = next,
            None => break,
        }
    }
    out.push_str(&s[done..]);
    out
}

/// The first place at or after `from` where a bad sequence can start. Eight bytes at a time: a
/// word with no tab and no byte above 0x7f (most of any text) is passed over at once.
fn next_start(bytes: &[u8], mut from: usize) -> Option<usize> {
    use crate::words8::{byte_bits, skip_clean};
    loop {
        // A word is marked by a byte above 0x7f (its own high bit) or a tab.
        from = skip_clean(bytes, from, |w| w | byte_bits(w, b'\t'));
        let end = from.saturating_add(8).min(bytes.len());
        if let Some(k) = bytes.get(from..end)?.iter().position(|&b| STARTS_BAD[usize::from(b)]) {
            return Some(from + k);
        }
        if end == bytes.len() {
            return None;
        }
        from = end;
    }
}

/// Whether a line is mostly in a non-Latin script (Cyrillic, Arabic, ...): not English news.
fn is_foreign(line: &str) -> bool {
    if line.is_ascii() {
        return false;
    }
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                latin += 1;
            }
        } else if crate::text::is_letter(c) {
            letters += 1;
            latin += usize::from((c as u32) < 0x250);
        }
    }
    letters > 0 && latin * 2 < letters
}

/// The boilerplate lists as automata: each line is matched against all patterns in one pass.
/// Lines are folded first, so the automata match exact bytes (which lets them use their fast
/// vectorised prefilters, unlike case-insensitive matching).
#[derive(Debug, Clone)]
pub struct BoilerplateMatcher {
    prefixes: Option<AhoCorasick>,
    short_prefixes: Option<AhoCorasick>,
    contains: Option<AhoCorasick>,
}

impl BoilerplateMatcher {
    /// Compiles the lists (folded like the lines they are matched against).
    pub fn new(table: &Boilerplate) -> BoilerplateMatcher {
        let build = |pats: &[String], anchored: bool| {
            let pats: Vec<String> = pats.iter().map(|p| fold(p)).filter(|p| !p.is_empty()).collect();
            let kind = if anchored { StartKind::Anchored } else { StartKind::Unanchored };
            // Only fails on absurd sizes; without the automaton the list is not applied.
            // Leftmost semantics let the unanchored search use a vectorised prefilter; whether a
            // line matches at all is the same under any match kind.
            AhoCorasick::builder()
                .start_kind(kind)
                .match_kind(MatchKind::LeftmostFirst)
                .build(pats)
                .ok()
        };
        BoilerplateMatcher {
            prefixes: build(&table.prefixes, true),
            short_prefixes: build(&table.short_prefixes, true),
            contains: build(&table.contains, false),
        }
    }

    /// Whether a trimmed line is page furniture. `folded` is a buffer for its folded form.
    fn is_furniture(&self, line: &str, folded: &mut Vec<u8>) -> bool {
        folded.clear();
        fold_bytes_into(line, folded);
        let text = folded.as_slice();
        let starts = |ac: &Option<AhoCorasick>| ac.as_ref().is_some_and(|ac| ac.is_match(Input::new(text).anchored(Anchored::Yes)));
        // Words are counted on the line as written: folding adds or removes no space.
        starts(&self.prefixes)
            || (starts(&self.short_prefixes) && line.split_whitespace().count() <= 6)
            || self.contains.as_ref().is_some_and(|ac| ac.is_match(text))
    }
}

/// Cleans a document: repaired text with boilerplate, foreign and one-word lines removed.
/// Blank lines are kept (as paragraph breaks) but collapsed.
pub fn clean(text: &str, table: &Boilerplate) -> String {
    let repaired = repair(text);
    let matcher = table.compiled.get_or_init(|| BoilerplateMatcher::new(table));
    let mut out = String::with_capacity(repaired.len());
    let mut folded = Vec::new();
    // Trimming drops the line end with the other outer spaces, as `lines` would.
    for line in crate::text::lines_inclusive(&repaired) {
        let trimmed = line.trim();
        let ascii = trimmed.is_ascii();
        let words = if ascii {
            trimmed.split_ascii_whitespace().take(2).count()
        } else {
            trimmed.split_whitespace().take(2).count()
        };
        let alphabetic = if ascii {
            trimmed.bytes().any(|b| b.is_ascii_alphabetic())
        } else {
            trimmed.chars().any(crate::text::is_letter)
        };
        let keep = words >= 2 && alphabetic && !is_foreign(trimmed) && !matcher.is_furniture(trimmed, &mut folded);
        if keep {
            out.push_str(trimmed);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Boilerplate {
        Boilerplate {
            prefixes: vec!["subscribe".into(), "©".into(), "please enter your".into()],
            short_prefixes: vec!["by ".into()],
            contains: vec!["photo /".into()],
            compiled: Default::default(),
        }
    }

    #[test]
    fn drops_furniture_and_foreign_lines_keeps_news() {
        let raw = "Iran blocks an app\nSubscribe\n© AP Photo / Someone\nЗаголовок открываемого материала\nBy Jane Roe\nBy 2020 the ban on the app had spread.\nPlease enter your comment!\n";
        assert_eq!(clean(raw, &table()), "Iran blocks an app\nBy 2020 the ban on the app had spread.\n");
    }

    #[test]
    fn furniture_is_found_in_any_case_and_through_folding() {
        // ASCII lines are matched ignoring case; others, and any list with an apostrophe, folded.
        let mut t = table();
        t.contains.push("editor's pick".into());
        let raw = "SUBSCRIBE NOW for more\nA PHOTO / AP caption line\nThe Editor\u{2019}s Pick today\nThe Editor`s pick again\nThe Editors picked a story\n";
        assert_eq!(clean(raw, &t), "The Editors picked a story\n");
        let raw = "Supreme leader quits the app\nSUBSCRIBE NOW for more\nA PHOTO / AP caption line\n";
        assert_eq!(clean(raw, &table()), "Supreme leader quits the app\n");
    }

    #[test]
    fn bad_sequence_starts_are_found_across_word_boundaries() {
        // The word-at-a-time scan against a plain byte-by-byte one, at every offset.
        let texts = [
            "plain ascii text that is longer than a word\tthen a tab",
            "0123456\t89abcdef\u{2019}s and \u{e9}t\u{e9}, \u{d0}\u{b6} \u{feff}",
            "\u{c2}\u{a0}",
            "",
        ];
        for text in texts {
            let b = text.as_bytes();
            for from in 0..=b.len() {
                let naive = b[from..].iter().position(|&x| STARTS_BAD[usize::from(x)]).map(|k| from + k);
                assert_eq!(next_start(b, from), naive, "{text:?} from {from}");
            }
        }
    }

    #[test]
    fn repairs_mojibake() {
        assert_eq!(repair("IRAN \u{2013}\u{252c}\u{e1}Iran banned"), "IRAN \u{2013} Iran banned");
        assert_eq!(repair("Telegram\u{e2}\u{20ac}\u{2122}s"), "Telegram\u{2019}s");
        // The longer sequence wins where two start at one place ("Â\u{a0}" over "\u{a0}"), line
        // ends are normalised, tabs become spaces and good non-ASCII text is left alone.
        assert_eq!(repair("a\u{c2}\u{a0}b\u{a0}c\r\nd\te\u{feff}"), "a b c\nd e");
        assert_eq!(
            repair("Caf\u{e9} \u{201c}quoted\u{201d} \u{2014} ok"),
            "Caf\u{e9} \u{201c}quoted\u{201d} \u{2014} ok"
        );
    }
}
