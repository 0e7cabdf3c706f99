//! Cleaning: repairs mis-encoded characters and drops the lines of a web page that are not news
//! (subscription and comment prompts, photo credits, bylines, lines not in English).

use crate::ontology::Boilerplate;
use crate::text::fold;

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

/// Repairs mis-encoded sequences and normalises spaces and line ends.
pub fn repair(text: &str) -> String {
    let mut s = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if s.is_ascii() && !s.contains('\t') {
        return s;
    }
    for (bad, good) in MOJIBAKE {
        if s.contains(bad) {
            s = s.replace(bad, good);
        }
    }
    s.chars()
        .filter(|c| !matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'))
        .map(|c| if c == '\u{a0}' || c == '\t' { ' ' } else { c })
        .collect()
}

/// Whether a line is mostly in a non-Latin script (Cyrillic, Arabic, ...): not English news.
fn is_foreign(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let latin = line.chars().filter(|c| c.is_alphabetic() && (*c as u32) < 0x250).count();
    letters > 0 && latin * 2 < letters
}

/// Whether a line is page furniture by the boilerplate tables.
fn is_boilerplate(line: &str, table: &Boilerplate) -> bool {
    let folded = fold(line.trim());
    let words = folded.split_whitespace().count();
    table.prefixes.iter().any(|p| folded.starts_with(p.as_str()))
        || (words <= 6 && table.short_prefixes.iter().any(|p| folded.starts_with(p.as_str())))
        || table.contains.iter().any(|c| folded.contains(c.as_str()))
}

/// Cleans a document: repaired text with boilerplate, foreign and one-word lines removed.
/// Blank lines are kept (as paragraph breaks) but collapsed.
pub fn clean(text: &str, table: &Boilerplate) -> String {
    let repaired = repair(text);
    let mut out = String::with_capacity(repaired.len());
    for line in repaired.lines() {
        let trimmed = line.trim();
        let words = trimmed.split_whitespace().count();
        let keep = words >= 2 && trimmed.chars().any(|c| c.is_alphabetic()) && !is_foreign(trimmed) && !is_boilerplate(trimmed, table);
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
        }
    }

    #[test]
    fn drops_furniture_and_foreign_lines_keeps_news() {
        let raw = "Iran blocks an app\nSubscribe\n© AP Photo / Someone\nЗаголовок открываемого материала\nBy Jane Roe\nBy 2020 the ban on the app had spread.\nPlease enter your comment!\n";
        assert_eq!(clean(raw, &table()), "Iran blocks an app\nBy 2020 the ban on the app had spread.\n");
    }

    #[test]
    fn repairs_mojibake() {
        assert_eq!(repair("IRAN \u{2013}\u{252c}\u{e1}Iran banned"), "IRAN \u{2013} Iran banned");
        assert_eq!(repair("Telegram\u{e2}\u{20ac}\u{2122}s"), "Telegram\u{2019}s");
    }
}
