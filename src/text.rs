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

/// A buffer that folded characters are pushed onto.
trait PushChar {
    fn push_char(&mut self, c: char);
}

impl PushChar for Vec<u8> {
    fn push_char(&mut self, c: char) {
        self.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

impl PushChar for CompactString {
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

/// Folds a string the same way tokens are folded.
pub fn fold(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    fold_bytes_into(s, &mut out);
    // Folding pushes whole characters, so the bytes are UTF-8 (the lossy copy is never made).
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Folds a string onto the end of a byte buffer (reused from line to line by the boilerplate
/// automata): curly quotes to straight ones, then lower case. Plain ASCII is lowered eight bytes
/// at a time; only the other characters are folded one by one.
pub fn fold_bytes_into(s: &str, out: &mut Vec<u8>) {
    use crate::words8::{ascii_capitals, byte_bits, word_at, HIGH};
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while let Some(w) = word_at(bytes, i).filter(|&w| (w | byte_bits(w, b'`')) & HIGH == 0) {
            out.extend_from_slice(&(w | ascii_capitals(w) >> 2).to_le_bytes());
            i += 8;
        }
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        fold_char(c, out);
        i += c.len_utf8();
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

/// Folds a token: short forms stay inline, with no allocation. A backquote is always a token of
/// its own (no word or number holds one), so every other all-ASCII token folds as ASCII.
fn fold_token(s: &str) -> CompactString {
    if s.is_ascii() && s != "`" {
        return fold_ascii_word(s);
    }
    let mut out = CompactString::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether a character is in a block of punctuation and symbols that holds no letter, digit or
/// capital: the C1 controls and Latin-1 signs (no-break space, guillemets) but for the few noted
/// where they are used, and General Punctuation (curly quotes, dashes, thin spaces). These are
/// most of the non-ASCII characters of English news, and answering for them without the Unicode
/// tables saves a table search (a few hundred instructions) per character.
#[inline]
fn in_signs_block(c: char) -> bool {
    matches!(c as u32, 0x80..=0xBF | 0x2000..=0x206F)
}

/// `char::is_alphabetic`, without the table search for the signs blocks (only ª, µ and º are
/// letters there).
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if in_signs_block(c) {
        matches!(c, 'ª' | 'µ' | 'º')
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, without the table search for the signs blocks (letters as in
/// [`is_letter`], and the superscripts and fractions ¹ ² ³ ¼ ½ ¾ are numbers).
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if in_signs_block(c) {
        is_letter(c) || matches!(c, '²' | '³' | '¹' | '¼' | '½' | '¾')
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_uppercase`, without the table search for the signs blocks (no capitals there).
#[inline]
fn is_capital(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        !in_signs_block(c) && c.is_uppercase()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// The characters of a line read by byte position: ASCII bytes are characters as they are; only
/// the other characters are decoded, where they occur (no line is decoded ahead).
struct Chars<'a> {
    text: &'a str,
}

impl Chars<'_> {
    /// The character that starts at byte `i`; `None` past the end.
    #[inline]
    fn at(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => self.text.get(i..).and_then(|s| s.chars().next()),
            None => None,
        }
    }

    /// The byte after the character that starts at `i` (one past `i` at the end of the line).
    #[inline]
    fn next(&self, i: usize) -> usize {
        i + self.text.as_bytes().get(i).map_or(1, |&b| utf8_len(b))
    }
}

/// The length of the UTF-8 sequence a lead byte starts.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0xBF => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Splits a span of text into tokens; offsets are relative to `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let src = Chars { text };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let at = |i: usize| src.at(i);
    let next = |i: usize| src.next(i);
    let alnum = |c: Option<char>| c.is_some_and(is_letter_or_digit);
    let mut tokens = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    while i < n {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let Some(c) = at(i) else { break };
        if c.is_whitespace() {
            i = next(i);
            continue;
        }
        let start = i;
        let kind;
        // "al-Sudani": a lower-case article joined to a capitalised name makes a capitalised word.
        let mut article_name = false;
        if matches!(c, 'n' | 'N')
            && tokens.last().is_some_and(|t: &Token| t.end == base + i)
            && at(i + 1).is_some_and(is_apostrophe)
            && matches!(at(next(i + 1)), Some('t') | Some('T'))
            && !alnum(at(next(i + 1) + 1))
        {
            kind = TokenKind::Word;
            i = next(i + 1) + 1;
        } else if is_letter(c) {
            kind = TokenKind::Word;
            i = next(i);
            loop {
                // ASCII letters and digits, the bulk of every word, a byte at a time.
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                let Some(c) = at(i) else { break };
                if is_letter_or_digit(c) {
                    i = next(i);
                } else if is_apostrophe(c) {
                    // "'s" and "n't" are tokens of their own; other inner apostrophes stay.
                    let j = next(i);
                    let following = at(j);
                    let after = at(next(j));
                    if matches!(following, Some('s') | Some('S')) && !alnum(after) {
                        break;
                    }
                    // "Conseil d'Etat", "Cote d'Ivoire": an elided "de" or "le" before a name is a
                    // particle of its own, and the name after it a capitalised word.
                    if i == start + 1 && matches!(bytes[start], b'd' | b'l') && following.is_some_and(char::is_uppercase) {
                        i = j;
                        break;
                    }
                    if following.is_some_and(is_letter) {
                        // "n" is one byte: the word ends before it.
                        if following == Some('t') && i > start && matches!(bytes[i - 1], b'n' | b'N') && !alnum(after) {
                            i -= 1;
                            break;
                        }
                        i = j;
                    } else {
                        break;
                    }
                } else if let Some(len) = (c == '-' && bytes[start].is_ascii_uppercase())
                    .then(|| linking_particle(&bytes[i + 1..]))
                    .flatten()
                {
                    // "Tehreek-e-Insaf", "Jamaat-e-Islami", "Hizb-ut-Tahrir": a short lower-case
                    // particle between two hyphens joins the parts of one name.
                    i += 1 + len;
                } else if c == '-' && arabic_article(&bytes[start..i]) && c_is_upper(at(i + 1)) {
                    // "al-Sudani", "el-Sisi": the article joins the name it opens.
                    article_name = true;
                    i += 1;
                } else if c == '-' && c_is_upper(at(start)) != c_is_upper(at(i + 1)) {
                    // "Beijing-based", "Iranian-made", "mid-January", "pro-Kremlin": a name stands
                    // alone, the rest follows.
                    break;
                } else if matches!(c, '-' | '.' | '&' | '_') && alnum(at(i + 1)) {
                    i += 1;
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot when the word already has inner dots between single letters;
            // so does a middle initial between names: "Michael R. Pompeo" (not "fined X. Elon").
            if bytes.get(i) == Some(&b'.') {
                let word = &text[start..i];
                let after_name = tokens
                    .last()
                    .is_some_and(|t: &Token| t.cap && t.kind == TokenKind::Word && t.end + 1 == base + start && t.end - t.start > 1);
                let initial = i == start + 1
                    && after_name
                    && bytes[start].is_ascii_uppercase()
                    && bytes.get(i + 1) == Some(&b' ')
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
                    && bytes.get(i + 3).is_some_and(u8::is_ascii_lowercase);
                if initial || word.contains('.') && word.split('.').all(|p| p.chars().count() == 1) {
                    i += 1;
                }
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while i < n {
                let b = bytes[i];
                if b.is_ascii_digit() || (matches!(b, b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
                    i += 1;
                } else {
                    break;
                }
            }
            // "5th", "2010s": letters glued to a number stay with it.
            while let Some(c) = at(i).filter(|&c| is_letter(c)) {
                i += c.len_utf8();
            }
        } else if is_apostrophe(c) && matches!(at(next(i)), Some('s') | Some('S')) && !alnum(at(next(i) + 1)) && !tokens.is_empty() {
            kind = TokenKind::Word;
            i = next(i) + 1;
        } else {
            kind = TokenKind::Punct;
            i = next(i);
        }
        let raw = &text[start..i];
        tokens.push(Token {
            start: base + start,
            end: base + i,
            lower: fold_token(raw),
            kind,
            cap: !raw.is_empty() && (is_capital(c) || is_camel_name(raw) || article_name),
            word: crate::lexicon::WORD_UNSET,
        });
    }
    tokens
}

/// Whether a lower-case word is an Arabic article that opens a name with a hyphen ("al-Sudani").
pub(crate) fn arabic_article(word: &[u8]) -> bool {
    matches!(word, b"al" | b"el" | b"ad" | b"ar" | b"as" | b"ash" | b"az")
}

/// The length of "e-" in "e-Insaf" (one to three ASCII lower-case letters, a hyphen, then a
/// capital), where `rest` starts so.
fn linking_particle(rest: &[u8]) -> Option<usize> {
    let n = rest.iter().take(4).take_while(|b| b.is_ascii_lowercase()).count();
    let linked = (1..=3).contains(&n) && rest.get(n) == Some(&b'-') && rest.get(n + 1).is_some_and(u8::is_ascii_uppercase);
    linked.then_some(n + 1)
}

/// Whether a word is a name written in camel case after one lower-case letter: "eSafety",
/// "iPhone", "eBay" are names as much as "Safety" is.
fn is_camel_name(w: &str) -> bool {
    let b = w.as_bytes();
    // A capital inside a word that opens in lower case, with lower case after it: "iPhone",
    // "eBay", "toDus".
    let inner_cap = b.iter().skip(1).position(u8::is_ascii_uppercase);
    b.len() >= 4 && b[0].is_ascii_lowercase() && inner_cap.is_some_and(|p| b[p + 2..].iter().any(u8::is_ascii_lowercase))
}

/// Whether a character is there and upper case.
fn c_is_upper(c: Option<char>) -> bool {
    c.is_some_and(is_capital)
}

/// The lines of a text, each with its `\n` (the last may lack one): what
/// `text.split_inclusive('\n')` yields, found with the vectorised `memchr` (the standard
/// library's character search costs a few hundred instructions a line of news).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = text.get(from..).filter(|r| !r.is_empty())?;
        let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        from += len;
        rest.get(..len)
    })
}

/// Joins the hyphenated given names of East Asian full names into one token: "Kang Do-hyun",
/// "Moon Jae-in". The tokenizer cuts "Do-hyun" at the hyphen as it cuts "Seoul-based"; here a
/// short capitalised syllable glued by a hyphen to a short lower-case one, right after another
/// capitalised word, is one name word, unless the lower-case part is a word of origin ("Oslo-based",
/// `not_syllables`) or a participle.
pub fn join_syllable_names(text: &str, tokens: &mut Vec<Token>, not_syllables: &[String]) {
    let short = |t: &Token, lower: bool| {
        let w = &text[t.start..t.end];
        let n = w.chars().count();
        t.kind == TokenKind::Word && (2..=5).contains(&n) && (t.cap != lower) && w.chars().skip(1).all(|c| c.is_lowercase())
    };
    let glued = |a: &Token, b: &Token| a.end == b.start;
    let bytes = text.as_bytes();
    let mut k = 1;
    while k + 2 < tokens.len() {
        let (prev, first, dash, second) = (&tokens[k - 1], &tokens[k], &tokens[k + 1], &tokens[k + 2]);
        // Cheap tests first: almost no token is a hyphen glued to the word before it.
        let joins = glued(first, dash)
            && dash.end == dash.start + 1
            && bytes[dash.start] == b'-'
            && glued(dash, second)
            && prev.cap
            && prev.kind == TokenKind::Word
            && prev.end < first.start
            && short(first, false)
            && short(second, true)
            && !second.lower.ends_with("ed")
            && !not_syllables.iter().any(|w| w == second.lower.as_str());
        if joins {
            let end = second.end;
            let mut lower = first.lower.clone();
            lower.push('-');
            lower.push_str(&second.lower);
            tokens[k].end = end;
            tokens[k].lower = lower;
            tokens.drain(k + 1..k + 3);
        }
        k += 1;
    }
}

/// Splits cleaned document text into sentences. Lines are paragraphs: a sentence never spans
/// two lines. Within a line, ".", "!" and "?" end a sentence when followed by space and an
/// upper-case letter, a digit or a quote, unless the word before the dot is an abbreviation.
pub fn sentences(doc: &str, abbreviations: &HashSet<String>) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut ends = Vec::new();
    for line in lines_inclusive(doc) {
        let base = line_start;
        line_start += line.len();
        let mut tokens = tokenize(line, base);
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
        // A capital letter and a dot is an initial after a name, opening the text or in a run of
        // initials ("the author J. K. Rowling"); else, after a lower-case word, it is a name that
        // ends the sentence: "a post on X. He".
        let dotted = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| t.cap && t.kind == TokenKind::Word && t.end == t.start + 1)
                && tokens.get(i + 1).is_some_and(|d| d.lower == "." && d.start == tokens[i].end)
        };
        let initial_at = |i: usize| i == 0 || tokens[i - 1].cap || i >= 2 && dotted(i - 2) || dotted(i + 2);
        let abbrev = cur.len() >= 2
            && cur[cur.len() - 1].lower == "."
            && prev_word.is_some_and(|w| {
                let bare = w.lower.trim_end_matches('.');
                cur[cur.len() - 2].end == cur[cur.len() - 1].start
                    && (abbreviations.contains(bare) || (bare.chars().count() == 1 && w.cap && initial_at(start + cur.len() - 2)))
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

    #[test]
    fn a_particle_between_hyphens_joins_one_name_and_other_hyphens_split_as_before() {
        let words = |text: &str| tokenize(text, 0).iter().map(|t| t.text(text).to_string()).collect::<Vec<_>>();
        assert_eq!(words("Tehreek-e-Insaf won"), ["Tehreek-e-Insaf", "won"]);
        assert_eq!(
            words("Hizb-ut-Tahrir and Jamaat-e-Islami"),
            ["Hizb-ut-Tahrir", "and", "Jamaat-e-Islami"]
        );
        assert_eq!(words("Beijing-based e-mail"), ["Beijing", "-", "based", "e-mail"]);
        assert_eq!(words("Kang Do-hyun, X-e-"), ["Kang", "Do", "-", "hyun", ",", "X", "-", "e", "-"]);
    }

    #[test]
    fn an_arabic_article_joins_the_capitalised_name_after_its_hyphen() {
        let toks = |text: &str| {
            tokenize(text, 0)
                .iter()
                .map(|t| (t.text(text).to_string(), t.cap))
                .collect::<Vec<_>>()
        };
        assert_eq!(toks("Shia al-Sudani"), [("Shia".into(), true), ("al-Sudani".into(), true)]);
        // Not before a lower-case word, and not for other words.
        assert_eq!(toks("al-qaeda"), [("al-qaeda".into(), false)]);
        assert_eq!(
            toks("pro-Kremlin"),
            [("pro".into(), false), ("-".into(), false), ("Kremlin".into(), true)]
        );
    }

    #[test]
    fn backquotes_are_tokens_of_their_own_and_fold_to_apostrophes() {
        for text in [
            "`",
            "a`b",
            "``quoted''",
            "rock`n`roll",
            "it`s",
            "5`000",
            "x-`y",
            "U.S.`",
            "don`t",
            "`s",
        ] {
            for t in tokenize(text, 0) {
                let raw = &text[t.start..t.end];
                assert!(!raw.contains('`') || raw == "`", "{text:?}: {raw:?}");
                assert!(!t.lower.contains('`'), "{text:?}: {:?}", t.lower);
            }
        }
    }

    #[test]
    fn eight_bytes_at_a_time_fold_as_characters_one_by_one() {
        let texts = [
            "",
            "plain lower case words",
            "MIXED Case With Capitals AND MORE CAPITALS THAN A WORD",
            "Iran\u{2019}s \u{201c}Telegram\u{201d} \u{2013} \u{c9}COLE \u{130}stanbul `quoted` \u{212a}",
            "@[`{ AZaz ~\u{7f}",
            "exactly8",
            "\u{436}\u{416}",
        ];
        for t in texts {
            for cut in 0..=t.len() {
                let Some(part) = t.get(cut..) else { continue };
                let mut one_by_one = Vec::new();
                part.chars().for_each(|c| fold_char(c, &mut one_by_one));
                let mut bytes = vec![b'#'];
                fold_bytes_into(part, &mut bytes);
                assert_eq!(bytes[1..], one_by_one[..], "{part:?}");
                assert_eq!(fold(part).as_bytes(), &one_by_one[..], "{part:?}");
            }
        }
    }

    #[test]
    fn lines_are_split_as_split_inclusive_splits_them() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\nx", "x\r\ny\r\n", "é\nü\n\n", "a\rb"] {
            let ours: Vec<&str> = lines_inclusive(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn letter_tests_agree_with_the_unicode_tables_on_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_capital(c), c.is_uppercase(), "{c:?}");
        }
    }

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
    fn initials_do_not_end_sentences_but_a_one_letter_name_after_a_word_does() {
        let doc = "The author J. K. Rowling and Michael R. Pompeo wrote a post on X. He replied.
";
        let s = sentences(doc, &abbrevs());
        let texts: Vec<&str> = s.iter().map(|x| &doc[x.start..x.end]).collect();
        assert_eq!(
            texts,
            ["The author J. K. Rowling and Michael R. Pompeo wrote a post on X.", "He replied."]
        );
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
            let mut one_by_one = Vec::new();
            s.chars().for_each(|c| fold_char(c, &mut one_by_one));
            assert_eq!(fold(s).as_bytes(), &one_by_one[..], "{s:?}");
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

    /// Each token as "lower/kind", with a "^" for a capital.
    fn shapes(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .iter()
            .map(|t| format!("{}{}/{:?}", if t.cap { "^" } else { "" }, t.lower, t.kind))
            .collect()
    }

    #[test]
    fn words_split_at_clitics_names_and_numbers() {
        assert_eq!(
            shapes("Dr. Smith's U.S.-based app didn't quit; Beijing-based firms' 2010s tally: 1,300.5."),
            [
                "^dr/Word",
                "./Punct",
                "^smith/Word",
                "'s/Word",
                "^u.s./Word",
                "-/Punct",
                "based/Word",
                "app/Word",
                "did/Word",
                "n't/Word",
                "quit/Word",
                ";/Punct",
                "^beijing/Word",
                "-/Punct",
                "based/Word",
                "firms/Word",
                "'/Punct",
                "2010s/Number",
                "tally/Word",
                ":/Punct",
                "1,300.5/Number",
                "./Punct",
            ]
        );
        assert_eq!(
            shapes("N'T 's 'S rock'n'roll AT&T e_mail mid-January pro-Kremlin 5th `quoted` x.y.z."),
            [
                "^n't/Word",
                "'s/Word",
                "'s/Word",
                "rock'n'roll/Word",
                "^at&t/Word",
                "e_mail/Word",
                "mid/Word",
                "-/Punct",
                "^january/Word",
                "pro/Word",
                "-/Punct",
                "^kremlin/Word",
                "5th/Number",
                "'/Punct",
                "quoted/Word",
                "'/Punct",
                "x.y.z./Word",
            ]
        );
        // A line that opens with "n't" makes an empty word before it (it must not panic).
        assert_eq!(shapes("n't so"), ["/Word", "n't/Word", "so/Word"]);
    }

    #[test]
    fn curly_apostrophes_and_accents_tokenize_as_plain_ones() {
        // The decoded characters take the ASCII ones' place: same tokens, spans three bytes wider.
        for text in [
            "Smith's U.S.-based app didn't quit; firms' rock'n'roll N'T 's",
            "Khamenei's channel isn't 'official' ’S",
        ] {
            for curly in ['\u{2019}', '\u{2018}'] {
                let decoded = text.replace('\'', &curly.to_string());
                assert_eq!(shapes(&decoded), shapes(text), "{decoded}");
            }
        }
        assert_eq!(
            shapes("\u{c9}mile \u{e9}t\u{e9} \u{2014}2010s"),
            ["^\u{e9}mile/Word", "\u{e9}t\u{e9}/Word", "-/Punct", "2010s/Number"]
        );
        let t = tokenize("Iran\u{2019}s\u{2009}ban", 5);
        assert_eq!((t[1].start, t[1].end, t[2].start), (9, 13, 16));
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
