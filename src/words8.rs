//! Eight bytes at a time: the word tests the byte scanners share (repair of mis-encodings,
//! escaping of RDF literals), so that runs with nothing to find are passed over at once.

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

/// Whether the word holds a zero byte (the usual test: exact as a yes or no).
pub(crate) fn has_zero_byte(x: u64) -> bool {
    x.wrapping_sub(ONES) & !x & HIGH != 0
}

/// Whether the word holds the byte `b`.
pub(crate) fn has_byte(x: u64, b: u8) -> bool {
    has_zero_byte(x ^ (ONES * u64::from(b)))
}
