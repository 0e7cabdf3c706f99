//! Dates: absolute dates in a sentence ("December 31, 2017", "31 December 2017", "in 2015",
//! "in January"), and weekdays or "last week" resolved against the document's date.

use crate::lexicon::Lexicon;
use crate::model::Date;
use crate::text::{Token, TokenKind};

/// Reads dates using the month and weekday tables of the lexicon.
pub struct DateReader<'a> {
    lex: &'a Lexicon,
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn valid(y: i32, m: u8, d: u8) -> bool {
    (1..=12).contains(&m) && d >= 1 && {
        let (yy, mm, dd) = civil_from_days(days_from_civil(y, m, d));
        (yy, mm, dd) == (y, m, d)
    }
}

impl<'a> DateReader<'a> {
    /// A reader over the lexicon's date tables.
    pub fn new(lex: &'a Lexicon) -> DateReader<'a> {
        DateReader { lex }
    }

    fn year(t: &Token) -> Option<i32> {
        (t.kind == TokenKind::Number && t.lower.len() == 4)
            .then(|| t.lower.parse().ok())
            .flatten()
            .filter(|y| (1900..2100).contains(y))
    }

    fn day(t: &Token) -> Option<u8> {
        let digits: String = t.lower.chars().take_while(|c| c.is_ascii_digit()).collect();
        (t.kind == TokenKind::Number && !digits.is_empty() && digits.len() <= 2)
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }

    /// An absolute date starting at token `i` ("December 31, 2017", "31 December 2017" from the
    /// month, "2018-04-18", "January 2018"), with the token after it.
    fn absolute_at(&self, toks: &[Token], i: usize) -> Option<(Date, usize)> {
        let months = &self.lex.words.months;
        let at = |k: usize| toks.get(k);
        // ISO 2018-04-18
        if toks[i].kind == TokenKind::Number && i + 4 < toks.len() && toks[i + 1].lower == "-" && toks[i + 3].lower == "-" {
            if let (Some(y), Ok(m), Ok(d)) = (
                Self::year(&toks[i]),
                toks[i + 2].lower.parse::<u8>(),
                toks[i + 4].lower.parse::<u8>(),
            ) {
                if valid(y, m, d) {
                    return Some((
                        Date {
                            year: y,
                            month: Some(m),
                            day: Some(d),
                        },
                        i + 5,
                    ));
                }
            }
        }
        let t = &toks[i];
        let m = if t.lower.ends_with('.') {
            months.get_word(t.lower.trim_end_matches('.'))?
        } else {
            months.get(t)?
        };
        if !toks[i].cap || toks[i].lower == "may" && at(i + 1).is_none_or(|t| t.kind != TokenKind::Number) {
            return None;
        }
        let k = if at(i + 1).is_some_and(|t| t.lower == ".") { i + 2 } else { i + 1 };
        let after_comma = |k: usize| if at(k).is_some_and(|t| t.lower == ",") { k + 1 } else { k };
        // Month Day, Year
        if let Some(d) = at(k).and_then(Self::day) {
            let y_at = after_comma(k + 1);
            if let Some(y) = at(y_at).and_then(Self::year) {
                if valid(y, m, d) {
                    return Some((
                        Date {
                            year: y,
                            month: Some(m),
                            day: Some(d),
                        },
                        y_at + 1,
                    ));
                }
            }
        }
        // Day Month Year
        if i > 0 {
            if let (Some(d), Some(y)) = (Self::day(&toks[i - 1]), at(k).and_then(Self::year)) {
                if valid(y, m, d) {
                    return Some((
                        Date {
                            year: y,
                            month: Some(m),
                            day: Some(d),
                        },
                        k + 1,
                    ));
                }
            }
        }
        // Month Year
        let y_at = after_comma(k);
        at(y_at).and_then(Self::year).map(|y| {
            (
                Date {
                    year: y,
                    month: Some(m),
                    day: None,
                },
                y_at + 1,
            )
        })
    }

    /// The first absolute date in the tokens.
    pub fn absolute(&self, toks: &[Token]) -> Option<Date> {
        (0..toks.len()).find_map(|i| self.absolute_at(toks, i)).map(|(d, _)| d)
    }

    /// A date resolved against the document's date at token `i`: a weekday, "in January",
    /// "last week", or a bare year after "in".
    fn relative_at(&self, toks: &[Token], i: usize, doc_date: Option<Date>) -> Option<Date> {
        let w = &self.lex.words;
        let t = &toks[i];
        let full = doc_date.and_then(|dd| Some((dd.year, dd.month?, dd.day?)));
        if let (Some(wd), Some((y, m, d))) = (w.weekdays.get(t), full) {
            // The latest such weekday on or before the document date.
            let days = days_from_civil(y, m, d);
            let dow = (days + 3).rem_euclid(7) as u8; // 1970-01-01 was a Thursday (3)
            let back = (dow + 7 - wd) % 7;
            let (y, mm, dd) = civil_from_days(days - back as i64);
            return Some(Date {
                year: y,
                month: Some(mm),
                day: Some(dd),
            });
        }
        let after_in = i > 0 && matches!(toks[i - 1].lower.as_str(), "in" | "since" | "until" | "and" | "of" | "mid" | "-");
        if let (Some(m), true, Some(dd)) = (w.months.get(t), t.cap && t.lower != "may" && after_in, doc_date) {
            let y = if dd.month.is_some_and(|dm| m > dm) { dd.year - 1 } else { dd.year };
            return Some(Date {
                year: y,
                month: Some(m),
                day: None,
            });
        }
        if let (Some(_), Some((y, m, d))) = (w.last_week.longest(toks, i), full) {
            let (y, mm, _) = civil_from_days(days_from_civil(y, m, d) - 7);
            return Some(Date {
                year: y,
                month: Some(mm),
                day: None,
            });
        }
        if i > 0 && matches!(toks[i - 1].lower.as_str(), "in" | "of" | "since") {
            return Self::year(t).map(|y| Date {
                year: y,
                month: None,
                day: None,
            });
        }
        None
    }

    /// Every date in the tokens with the token it stands at.
    pub fn find_all(&self, toks: &[Token], doc_date: Option<Date>) -> Vec<(usize, Date)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !self.may_start_date(toks, i) {
                i += 1;
                continue;
            }
            if let Some((d, end)) = self.absolute_at(toks, i) {
                out.push((i, d));
                i = end.max(i + 1);
                continue;
            }
            if let Some(d) = self.relative_at(toks, i, doc_date) {
                out.push((i, d));
            }
            i += 1;
        }
        out
    }

    /// Whether a date can start at token `i`: a number, a capitalised word, a weekday or the
    /// start of a "last week" phrase. (Punctuation never does, and a lower-case month is not read
    /// as one: the quick test that spares the full readers most tokens.)
    fn may_start_date(&self, toks: &[Token], i: usize) -> bool {
        let t = &toks[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => false,
            TokenKind::Word => t.cap || self.lex.words.weekdays.get(t).is_some() || self.lex.words.last_week.starts_at(toks, i),
        }
    }

    /// The date of an event read at token `near`: the date in the sentence closest to it.
    pub fn find(&self, toks: &[Token], doc_date: Option<Date>, near: usize) -> Option<Date> {
        self.find_all(toks, doc_date)
            .into_iter()
            .min_by_key(|(at, _)| at.abs_diff(near))
            .map(|(_, d)| d)
    }

    /// The document's own date: the first absolute date in its first three lines' worth of tokens.
    pub fn document_date(&self, first_tokens: &[Token]) -> Option<Date> {
        self.absolute(first_tokens).filter(|d| d.day.is_some())
    }
}

/// Reads a date given on the command line or in a file name ("2018-04-18").
pub fn parse_iso(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.get(..10)?.split('-').collect();
    if parts.len() != 3 {
        return None;
    }
    let (y, m, d) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    valid(y, m, d).then_some(Date {
        year: y,
        month: Some(m),
        day: Some(d),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_weekday() {
        let d = days_from_civil(2018, 4, 18);
        assert_eq!(civil_from_days(d), (2018, 4, 18));
        assert_eq!((d + 3).rem_euclid(7), 2, "18 April 2018 was a Wednesday");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            parse_iso("2018-04-18-iran"),
            Some(Date {
                year: 2018,
                month: Some(4),
                day: Some(18)
            })
        );
        assert_eq!(parse_iso("2018-02-30"), None);
        assert_eq!(parse_iso("news"), None);
    }
}
