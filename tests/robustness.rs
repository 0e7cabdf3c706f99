//! No byte sequence panics the pipeline: random texts built from the pieces that stress each stage
//! (quotes, apostrophes, brackets, hyphens, numbers, names, triggers, non-Latin scripts, stray
//! bytes repaired by cleaning) go through every stage, and must come out as a graph.

mod common;
use newsgraph::read::{check_text, Document};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Iran",
    "Iran's",
    "Irans",
    "Telegram",
    "the",
    "a",
    "banned",
    "blocked",
    "was",
    "by",
    "in",
    "of",
    "and",
    ",",
    ".",
    "!",
    "?",
    ";",
    ":",
    "\"",
    "“",
    "”",
    "'",
    "’s",
    "n't",
    "(",
    ")",
    "(FSB)",
    "FSB",
    "Federal Security Service",
    "President",
    "Hassan Rouhani",
    "he",
    "his",
    "it",
    "its",
    "the messenger",
    "the company",
    "the authorities",
    "40",
    "million",
    "users",
    "1.3",
    "1,000,000",
    "three",
    "Wednesday",
    "April 20, 2018",
    "Oct.",
    "U.S.",
    "Dr.",
    "-",
    "—",
    "Khamenei.ir",
    "Beijing-based",
    "ByteDance",
    "who",
    "which",
    "that",
    "said",
    "could",
    "would",
    "will",
    "not",
    "no longer",
    "if",
    "rumours",
    "lifted",
    "the ban",
    "Ministry of",
    "Supreme Council",
    "of Cyberspace",
    "Заголовок",
    "مرحبا",
    "日本",
    "🙂",
    "\u{200b}",
    "\u{a0}",
    "Ã©",
    "â€™",
    "┬á",
    "\t",
    "  ",
    "\n",
    "\n\n",
    "X",
    "Gap",
    "Soroush",
    "secretary",
    "founder and CEO",
    "Pavel Durov",
    ",",
    "including",
    "such as",
    "users of",
    "the number of",
    "some",
    "about",
    "0",
    "99999999999999999999",
];

#[test]
fn random_texts_never_panic_and_always_build() {
    let lex = common::lexicon();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut docs = Vec::new();
    for i in 0..5000 {
        let n = 1 + (rng.next() % 60) as usize;
        let text: Vec<&str> = (0..n).map(|_| rng.pick(PIECES)).collect();
        let joiner = if rng.next().is_multiple_of(3) { "" } else { " " };
        // Document ids that are not plain names too: they end up in IRIs and literals.
        let id = match i % 5 {
            0 => format!("r{i} \"odd\" ×{i}.v2."),
            _ => format!("r{i}"),
        };
        let doc = Document {
            id,
            path: format!("r{i}.txt").into(),
            text: text.join(joiner),
        };
        docs.push(newsgraph::extract::extract(&doc, lex, None));
    }
    let g = newsgraph::pipeline::build_graph(docs, lex).expect("builds");
    assert!(g.statement_count() > 0 && g.documents().any(|d| d.info().id.contains('"')));
    // Every RDF serialization re-parses, to the same quads as the store receives.
    use oxigraph::io::{RdfFormat, RdfParser};
    let mut quads = std::collections::BTreeSet::new();
    newsgraph::export::rdf::for_each_quad(&g, &mut |q| {
        quads.insert(q.to_string());
        Ok(())
    })
    .expect("quads");
    let triples: std::collections::BTreeSet<String> = quads
        .iter()
        .map(|q| {
            q.rsplit_once(" <https://newsgraph.org/document/")
                .map_or(q.as_str(), |(t, _)| t)
                .to_string()
        })
        .collect();
    for format in [RdfFormat::Turtle, RdfFormat::NTriples, RdfFormat::NQuads, RdfFormat::TriG] {
        let bytes = newsgraph::export::rdf::write(&g, format, Vec::new()).expect("serializes");
        let parsed: std::collections::BTreeSet<String> = RdfParser::from_format(format)
            .for_slice(&bytes)
            .map(|q| q.unwrap_or_else(|e| panic!("{format}: {e}")).to_string())
            .collect();
        let expected = if format.supports_datasets() { &quads } else { &triples };
        assert_eq!(&parsed, expected, "{format}");
    }
    let mut sink = Vec::new();
    newsgraph::export::dot::write(&g, &mut sink).expect("dot");
    newsgraph::export::csv::write_edges(&g, &mut sink).expect("csv");
}

#[test]
fn arbitrary_bytes_are_refused_or_read_never_panic() {
    let lex = common::lexicon();
    let mut rng = Rng(42);
    for i in 0..500 {
        let len = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
        if let Ok(text) = check_text(std::path::Path::new("x"), bytes) {
            let doc = Document {
                id: format!("b{i}"),
                path: "b.txt".into(),
                text,
            };
            newsgraph::extract::extract(&doc, lex, None);
        }
        // Valid UTF-8 from anywhere in Unicode, with the ASCII punctuation the reader keys on.
        let text: String = (0..len)
            .map(|_| match rng.next() % 4 {
                0 => char::from_u32((rng.next() % 0x11_0000) as u32).unwrap_or('?'),
                1 => ['.', '\'', '"', '-', '(', ')', ',', ' ', '\n', 'A', 's'][(rng.next() % 11) as usize],
                _ => char::from_u32(0x20 + (rng.next() % 0x250) as u32).unwrap_or(' '),
            })
            .collect();
        let doc = Document {
            id: format!("u{i}"),
            path: "u.txt".into(),
            text,
        };
        newsgraph::extract::extract(&doc, lex, None);
    }
}
