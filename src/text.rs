//! Sentences and tokens: splits cleaned text into sentences and words with their byte spans.
//!
//! Abbreviations ("Oct.", "U.S.", "Dr.") do not end sentences; curly quotes and apostrophes are
//! folded to straight ones in the lower-cased form every later stage matches on.

use compact_str::CompactString;
use rustc_hash::FxHashSet as HashSet;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, dots or apostrophes.
    Word,
    /// Digits, possibly with inner commas or a decimal point.
    Number,
    /// Any other single character.
    Punct,
}

/// A token: its span in the document text and its folded lower-case form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Lower-case form with curly quotes folded ("’s" becomes "'s").
    /// (Inline for short words: no allocation per token.)
    pub lower: CompactString,
    /// What kind of token.
    pub kind: TokenKind,
    /// The word's id in the lexicon's vocabulary (see `Lexicon::assign_words`).
    pub word: u32,
    /// Whether the token starts with an upper-case letter (or is all digits and capitals).
    pub cap: bool,
}

impl Token {
    /// The token as written.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// A sentence: its span in the document text and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Zero-based index in the document.
    pub index: usize,
    /// Byte offset of the sentence start.
    pub start: usize,
    /// Byte offset one past the sentence end.
    pub end: usize,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
    /// Whether the sentence is a headline in Title Case (capitals say little there).
    pub title_case: bool,
}

/// Folds one character for matching: curly quotes to straight ones, then lower case.
fn fold_char(c: char, out: &mut impl PushChar) {
    if c.is_ascii() {
        out.push_char(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
        return;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => out.push_char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => out.push_char('"'),
        '\u{2013}' | '\u{2014}' | '\u{2212}' => out.push_char('-'),
        _ => c.to_lowercase().for_each(|l| out.push_char(l)),
    }
}

/// A string that folded characters are pushed onto.
trait PushChar {
    fn push_char(&mut self, c: char);
}

impl PushChar for String {
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

impl PushChar for CompactString {
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

/// Folds a string the same way tokens are folded.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Folds a string onto the end of `out` (reusing its buffer). Runs of plain ASCII are copied
/// and lower-cased in bulk; only the other characters are folded one by one.
pub fn fold_into(mut s: &str, out: &mut String) {
    if s.is_ascii() && !s.contains('`') {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
        return;
    }
    while !s.is_empty() {
        let run = s.bytes().position(|b| b >= 0x80 || b == b'`').unwrap_or(s.len());
        let from = out.len();
        out.push_str(&s[..run]);
        out[from..].make_ascii_lowercase();
        let mut rest = s[run..].chars();
        if let Some(c) = rest.next() {
            fold_char(c, out);
        }
        s = rest.as_str();
    }
}

/// Folds an ASCII token other than a backquote: most are in lower case already and are copied
/// as they are.
fn fold_ascii_word(s: &str) -> CompactString {
    let mut out = CompactString::new(s);
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        out.make_ascii_lowercase();
    }
    out
}

/// Folds a token: short forms stay inline, with no allocation.
fn fold_token(s: &str) -> CompactString {
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        return fold_ascii_word(s);
    }
    let mut out = CompactString::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// The characters of a span with their byte offsets, read by position.
trait CharSource {
    /// Whether every character is ASCII.
    const ASCII: bool;
    /// Number of characters.
    fn count(&self) -> usize;
    /// The character at position `i` (`i < count()`).
    fn char_at(&self, i: usize) -> char;
    /// Byte offset of character `i`; the text length for `i >= count()`.
    fn offset(&self, i: usize) -> usize;
    /// The character at `i`, if any.
    fn at(&self, i: usize) -> Option<char> {
        (i < self.count()).then(|| self.char_at(i))
    }
}

/// An ASCII span: characters are bytes, read in place.
struct AsciiSource<'a>(&'a [u8]);

impl CharSource for AsciiSource<'_> {
    const ASCII: bool = true;
    fn count(&self) -> usize {
        self.0.len()
    }
    fn char_at(&self, i: usize) -> char {
        // The mask changes no byte of an ASCII span; it tells the compiler the character is
        // ASCII, so the character tests that follow drop their Unicode tables.
        char::from(self.0[i] & 0x7f)
    }
    fn offset(&self, i: usize) -> usize {
        i.min(self.0.len())
    }
}

/// Any other span: decoded once into characters and their offsets (in a buffer its caller keeps).
struct DecodedSource<'a> {
    chars: &'a [(usize, char)],
    len: usize,
}

impl CharSource for DecodedSource<'_> {
    const ASCII: bool = false;
    fn count(&self) -> usize {
        self.chars.len()
    }
    fn char_at(&self, i: usize) -> char {
        self.chars[i].1
    }
    fn offset(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.len, |&(o, _)| o)
    }
}

/// Splits a span of text into tokens; offsets are relative to `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    tokenize_reusing(text, base, &mut Vec::new())
}

/// [`tokenize`] with a buffer for the decoded characters of a non-ASCII span, kept by the caller
/// from line to line (a document's lines would each allocate one otherwise).
fn tokenize_reusing(text: &str, base: usize, chars: &mut Vec<(usize, char)>) -> Vec<Token> {
    if text.is_ascii() {
        return tokenize_from(text, base, &AsciiSource(text.as_bytes()));
    }
    chars.clear();
    chars.extend(text.char_indices());
    tokenize_from(text, base, &DecodedSource { chars, len: text.len() })
}

/// The tokenizer proper, over either kind of character source (the ASCII one needs no decoding).
fn tokenize_from<S: CharSource>(text: &str, base: usize, src: &S) -> Vec<Token> {
    let n = src.count();
    let at = |i: usize| src.at(i);
    let off = |i: usize| src.offset(i);
    let ch = |i: usize| src.char_at(i);
    let mut tokens = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    while i < n {
        let c = ch(i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        let glued = tokens.last().is_some_and(|t: &Token| t.end == base + off(i));
        if glued
            && matches!(c, 'n' | 'N')
            && at(i + 1).is_some_and(is_apostrophe)
            && matches!(at(i + 2), Some('t') | Some('T'))
            && !at(i + 3).is_some_and(|a| a.is_alphanumeric())
        {
            kind = TokenKind::Word;
            i += 3;
        } else if c.is_alphabetic() {
            kind = TokenKind::Word;
            i += 1;
            while i < n {
                let c = ch(i);
                if c.is_alphanumeric() {
                    i += 1;
                } else if is_apostrophe(c) {
                    // "'s" and "n't" are tokens of their own; other inner apostrophes stay.
                    let next = at(i + 1);
                    let after = at(i + 2);
                    if matches!(next, Some('s') | Some('S')) && !after.is_some_and(|a| a.is_alphanumeric()) {
                        break;
                    }
                    if next.is_some_and(|x| x.is_alphabetic()) {
                        if matches!(next, Some('t'))
                            && i > start
                            && matches!(ch(i - 1), 'n' | 'N')
                            && !after.is_some_and(|a| a.is_alphanumeric())
                        {
                            i -= 1;
                            break;
                        }
                        i += 1;
                    } else {
                        break;
                    }
                } else if c == '-' && ch(start).is_uppercase() != at(i + 1).is_some_and(|x| x.is_uppercase()) {
                    // "Beijing-based", "Iranian-made", "mid-January", "pro-Kremlin": a name stands
                    // alone, the rest follows.
                    break;
                } else if matches!(c, '-' | '.' | '&' | '_') && at(i + 1).is_some_and(|x| x.is_alphanumeric()) {
                    i += 1;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot when the word already has inner dots between single letters.
            if at(i) == Some('.') {
                let word = &text[off(start)..off(i)];
                if word.contains('.') && word.split('.').all(|p| p.chars().count() == 1) {
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while i < n {
                let c = ch(i);
                if c.is_ascii_digit() || (matches!(c, ',' | '.') && at(i + 1).is_some_and(|x| x.is_ascii_digit())) {
                    i += 1;
                } else {
                    break;
                }
            }
            // "5th", "2010s": letters glued to a number stay with it.
            while i < n && ch(i).is_alphabetic() {
                i += 1;
            }
        } else if is_apostrophe(c)
            && matches!(at(i + 1), Some('s') | Some('S'))
            && !at(i + 2).is_some_and(|a| a.is_alphanumeric())
            && !tokens.is_empty()
        {
            kind = TokenKind::Word;
            i += 2;
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let (s, e) = (off(start), off(i));
        let raw = &text[s..e];
        // In an ASCII line only a backquote token folds to another character.
        let (lower, cap) = if S::ASCII && raw != "`" {
            (fold_ascii_word(raw), raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
        } else {
            (fold_token(raw), raw.chars().next().is_some_and(|c| c.is_uppercase()))
        };
        tokens.push(Token {
            start: base + s,
            end: base + e,
            lower,
            kind,
            cap,
            word: crate::lexicon::WORD_UNSET,
        });
    }
    tokens
}

/// Splits cleaned document text into sentences. Lines are paragraphs: a sentence never spans
/// two lines. Within a line, ".", "!" and "?" end a sentence when followed by space and an
/// upper-case letter, a digit or a quote, unless the word before the dot is an abbreviation.
pub fn sentences(doc: &str, abbreviations: &HashSet<String>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut ends = Vec::new();
    let mut chars = Vec::new();
    for line in doc.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let mut tokens = tokenize_reusing(line, base, &mut chars);
        sentence_ends(&tokens, abbreviations, &mut ends);
        if ends.iter().all(|&e| e == tokens.len()) {
            // One sentence: it keeps the line's tokens as they are.
            push_sentence(&mut out, tokens);
            continue;
        }
        // Split from the back, so that no token moves more than once.
        let mut pieces = Vec::with_capacity(ends.len() + 1);
        for &e in ends.iter().rev() {
            pieces.push(tokens.split_off(e));
        }
        pieces.push(tokens);
        for piece in pieces.into_iter().rev() {
            push_sentence(&mut out, piece);
        }
    }
    out
}

/// Where the sentences of a line's tokens end: each index one past a sentence's last token.
fn sentence_ends(tokens: &[Token], abbreviations: &HashSet<String>, ends: &mut Vec<usize>) {
    ends.clear();
    let (mut start, mut k) = (0, 0);
    while k < tokens.len() {
        let is_end = tokens[k].kind == TokenKind::Punct && matches!(tokens[k].lower.as_str(), "." | "!" | "?");
        k += 1;
        if !is_end {
            continue;
        }
        // Closing quotes and brackets stay with the sentence they close.
        // A quote glued to the stop closes; one after a space opens the next sentence.
        while k < tokens.len() && matches!(tokens[k].lower.as_str(), "\"" | "'" | ")" | "]") && tokens[k - 1].end == tokens[k].start {
            k += 1;
        }
        let cur = &tokens[start..k];
        let prev_word = cur.iter().rev().find(|x| x.kind != TokenKind::Punct);
        let abbrev = cur.len() >= 2
            && cur[cur.len() - 1].lower == "."
            && prev_word.is_some_and(|w| {
                let bare = w.lower.trim_end_matches('.');
                cur[cur.len() - 2].end == cur[cur.len() - 1].start && (abbreviations.contains(bare) || (bare.chars().count() == 1 && w.cap))
            });
        let starts_new = tokens
            .get(k)
            .is_none_or(|n| n.cap || n.kind == TokenKind::Number || matches!(n.lower.as_str(), "\"" | "'" | "(" | "["));
        if starts_new && !abbrev {
            ends.push(k);
            start = k;
        }
    }
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: Vec<Token>) {
    if tokens.iter().all(|t| t.kind == TokenKind::Punct) {
        return;
    }
    let start = tokens.first().map(|t| t.start).unwrap_or(0);
    let end = tokens.last().map(|t| t.end).unwrap_or(0);
    // Headlines rarely end with a full stop; sentences in capitals that do are still prose.
    let ends_with_stop = tokens.last().is_some_and(|t| t.lower == ".");
    let title_case = !ends_with_stop && {
        // Words of more than three letters, and how many of them are capitalised.
        let long = |l: &str| l.len() > 3 && (l.is_ascii() || l.chars().count() > 3);
        let (words, caps) = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && long(&t.lower))
            .fold((0, 0), |(w, c), t| (w + 1, c + usize::from(t.cap)));
        words >= 3 && caps * 10 >= words * 8
    };
    out.push(Sentence {
        index: out.len(),
        start,
        end,
        tokens,
        title_case,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrevs() -> HashSet<String> {
        ["oct", "u.s", "dr", "mr"].iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let doc = "Dr. Smith met U.S. officials on Oct. 18, 2017. Then he left.\n";
        let s = sentences(doc, &abbrevs());
        assert_eq!(s.len(), 2);
        assert_eq!(&doc[s[0].start..s[0].end], "Dr. Smith met U.S. officials on Oct. 18, 2017.");
        assert_eq!(&doc[s[1].start..s[1].end], "Then he left.");
    }

    #[test]
    fn possessives_and_curly_quotes_are_split_and_folded() {
        let t = tokenize("Khamenei’s channel didn't “quit”", 0);
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(lower, ["khamenei", "'s", "channel", "did", "n't", "\"", "quit", "\""]);
    }

    #[test]
    fn folding_copies_ascii_runs_and_folds_the_rest() {
        // Each character folded on its own is the reference for the bulk ASCII runs.
        for s in [
            "The Editor\u{2019}s `Pick` \u{c9}T\u{c9} \u{2014} OK",
            "PLAIN ascii Line",
            "\u{201c}Quoted\u{201d}",
            "",
            "`",
        ] {
            let mut one_by_one = String::new();
            s.chars().for_each(|c| fold_char(c, &mut one_by_one));
            assert_eq!(fold(s), one_by_one, "{s:?}");
        }
        assert_eq!(
            fold("The Editor\u{2019}s `Pick` \u{c9}T\u{c9}"),
            "the editor's 'pick' \u{e9}t\u{e9}"
        );
    }

    #[test]
    fn numbers_and_domains_stay_whole() {
        let t = tokenize("Khamenei.ir has 1.3 million and 40,000 users.", 0);
        let lower: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(lower, ["khamenei.ir", "has", "1.3", "million", "and", "40,000", "users", "."]);
    }

    #[test]
    fn ascii_lines_tokenize_as_decoded_lines_do() {
        for text in [
            "Dr. Smith's U.S.-based app didn't quit; Beijing-based firms' 2010s tally: 1,300.5 users.",
            "N'T 's 'S rock'n'roll AT&T e_mail mid-January pro-Kremlin 5th `quoted` x.y.z.",
            // A line that opens with "n't" makes an empty word before it (it must not panic).
            "n't so",
        ] {
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let decoded = DecodedSource {
                chars: &chars,
                len: text.len(),
            };
            assert_eq!(tokenize(text, 7), tokenize_from(text, 7, &decoded), "{text}");
        }
    }

    #[test]
    fn lines_decoded_into_one_reused_buffer_tokenize_as_alone() {
        // A long non-ASCII line, then a shorter one, then an ASCII one: the decoded characters
        // of the first must not leak into the second.
        let lines = [
            "\u{201c}Telegram\u{201d} was blocked by Iran\u{2019}s judiciary today.\n",
            "Roskomnadzor\u{2019}s ban.\n",
            "Plain words.\n",
        ];
        let doc: String = lines.concat();
        let from_doc: Vec<Token> = sentences(&doc, &abbrevs()).into_iter().flat_map(|s| s.tokens).collect();
        let mut base = 0;
        let mut alone = Vec::new();
        for l in lines {
            alone.extend(tokenize(l, base));
            base += l.len();
        }
        assert_eq!(from_doc, alone);
    }

    #[test]
    fn lines_are_never_joined() {
        let s = sentences("Russia Starts Blocking Telegram\nBody text here.\n", &abbrevs());
        assert_eq!(s.len(), 2);
        assert!(s[0].title_case);
    }
}
