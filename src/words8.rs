//! Eight bytes at a time: the word tests the byte scanners share (repair of mis-encodings,
//! escaping of RDF literals, quoting of CSV fields), so that runs with nothing to find are passed
//! over at once.

/// A byte with every bit set in each lane: multiplied by a byte value, that value in all eight.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `at` as one little-endian word, if there are eight.
pub(crate) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    Some(u64::from_le_bytes(word))
}

/// Marks the bytes of the word equal to `b`: their high bit is set (and maybe that of bytes above
/// one; never of any byte when none is `b`), so the tests for several bytes, or of several words,
/// are joined with `|` and checked once against [`HIGH`], without a branch each.
pub(crate) fn byte_bits(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y
}

/// Passes over the words, from `from`, in which `marks` sets no high bit (see [`byte_bits`]), two
/// words at a step, and returns where the first marked word starts, or where the last few bytes
/// (fewer than eight) start: the caller looks at the bytes from there.
pub(crate) fn skip_clean(bytes: &[u8], mut from: usize, marks: impl Fn(u64) -> u64) -> usize {
    while let (Some(a), Some(b)) = (word_at(bytes, from), word_at(bytes, from.saturating_add(8))) {
        if (marks(a) | marks(b)) & HIGH != 0 {
            break;
        }
        from += 16;
    }
    while let Some(w) = word_at(bytes, from) {
        if marks(w) & HIGH != 0 {
            break;
        }
        from += 8;
    }
    from
}

/// The high bit of each byte of `w` that is an ASCII capital, for a word of ASCII bytes: adding
/// 0x3f sets a byte's high bit from 'A' up, adding 0x25 from just past 'Z', and neither carries
/// into the next byte.
pub(crate) fn ascii_capitals(w: u64) -> u64 {
    w.wrapping_add(ONES * 0x3f) & !w.wrapping_add(ONES * 0x25) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_capitals_marks_exactly_the_capitals() {
        for lane in 0..8 {
            for v in 0..0x80u8 {
                let w = (ONES * u64::from(b'Q')) & !(0xff << (lane * 8)) | (u64::from(v) << (lane * 8));
                let lowered = (w | ascii_capitals(w) >> 2).to_le_bytes();
                let mut expected = w.to_le_bytes();
                expected.make_ascii_lowercase();
                assert_eq!(lowered, expected, "lane {lane} byte {v:#x}");
            }
        }
    }

    /// Exact as a yes or no for every byte value in every lane, next to bytes equal to the one
    /// looked for or not (the borrow of a match may only mark bytes above it).
    #[test]
    fn byte_bits_is_exact_in_every_lane() {
        let has_byte = |w: u64, b: u8| byte_bits(w, b) & HIGH != 0;
        for fill in [b'x', 0, 0xff] {
            for lane in 0..8 {
                for v in 0..=255u8 {
                    let w = (ONES * u64::from(fill)) & !(0xff << (lane * 8)) | (u64::from(v) << (lane * 8));
                    for b in [b'"', b',', 0, 0x7f, b'\n'] {
                        assert_eq!(
                            has_byte(w, b),
                            v == b || fill == b,
                            "fill {fill:#x} lane {lane} byte {v:#x} for {b:#x}"
                        );
                    }
                }
            }
        }
    }
}
