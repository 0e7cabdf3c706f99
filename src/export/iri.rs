//! IRIs of the graph, derived from canonical keys so that rebuilding never renumbers anything.

/// Namespace of the ontology's classes, relations and properties.
pub const ONTOLOGY: &str = "https://newsgraph.org/ontology#";
/// Namespace of entities.
pub const ENTITY: &str = "https://newsgraph.org/entity/";
/// Namespace of source documents.
pub const DOCUMENT: &str = "https://newsgraph.org/document/";
/// Namespace of reified statements.
pub const STATEMENT: &str = "https://newsgraph.org/statement/";

/// Percent-encodes what may not stand in an IRI path segment.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// A slug from a name: lower case, words joined by "-".
pub fn slug(name: &str) -> String {
    let lowered: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let s = lowered.split_whitespace().collect::<Vec<_>>().join("-");
    if s.is_empty() {
        "x".to_string()
    } else {
        s
    }
}

/// The IRI of an entity key ("person:ali khamenei" -> .../entity/person/ali-khamenei).
pub fn entity(key: &str) -> String {
    let (kind, rest) = key.split_once(':').unwrap_or(("entity", key));
    let kind = match kind {
        "known" => "known",
        "country" => "country",
        "agency" => "agency",
        "person" | "surname" => "person",
        "app" => "app",
        "org" => "org",
        _ => "entity",
    };
    format!("{ENTITY}{kind}/{}", encode_segment(&slug(rest)))
}

/// The IRI of a document; its last path segment is the document id, as GUIDE.md asks.
pub fn document(id: &str) -> String {
    format!("{DOCUMENT}{}", encode_segment(id))
}

/// FNV-1a, 64 bits: a stable hash for statement IRIs.
pub fn fnv64(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_stable_and_safe() {
        assert_eq!(entity("person:ali khamenei"), "https://newsgraph.org/entity/person/ali-khamenei");
        assert_eq!(
            entity("agency:Iran:foreign ministry"),
            "https://newsgraph.org/entity/agency/iran-foreign-ministry"
        );
        assert_eq!(document("a b<c>"), "https://newsgraph.org/document/a%20b%3Cc%3E");
    }
}
