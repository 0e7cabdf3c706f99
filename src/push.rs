//! Push to a SPARQL server through the SPARQL 1.1 Graph Store HTTP Protocol: one PUT per graph
//! (each document's named graph and the default graph), so pushing twice changes nothing.
//! Transient failures (connection errors, 5xx, 429) are retried with exponential backoff; a refusal
//! (other 4xx) stops with the server's answer. Plain `http://` endpoints (servers on loopback or
//! behind a proxy); the client is a few lines of HTTP/1.1 over a TCP stream.

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNode};
use oxigraph::store::Store;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// What a push did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PushReport {
    /// Graphs sent.
    pub graphs: usize,
    /// Triples sent.
    pub triples: usize,
    /// Requests retried after a transient failure.
    pub retries: usize,
}

/// An `http://host:port/path` endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    host: String,
    port: u16,
    path: String,
}

impl Endpoint {
    /// Parses an endpoint URL; only plain HTTP is supported.
    pub fn parse(url: &str) -> Result<Endpoint> {
        let rest = url
            .strip_prefix("http://")
            .ok_or_else(|| Error::Usage(format!("{url}: only http:// endpoints are supported")))?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, p.parse::<u16>().map_err(|_| Error::Usage(format!("{url}: bad port {p:?}")))?),
            None => (authority, 80),
        };
        if host.is_empty() {
            return Err(Error::Usage(format!("{url}: no host")));
        }
        Ok(Endpoint {
            host: host.to_string(),
            port,
            path: path.to_string(),
        })
    }

    fn target(&self, graph: &GraphName) -> String {
        let sep = if self.path.contains('?') { '&' } else { '?' };
        match graph {
            GraphName::DefaultGraph => format!("{}{sep}default", self.path),
            GraphName::NamedNode(n) => format!("{}{sep}graph={}", self.path, percent(n.as_str())),
            GraphName::BlankNode(b) => format!("{}{sep}graph={}", self.path, percent(&b.to_string())),
        }
    }
}

fn percent(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One HTTP request; returns the status code and the body.
fn request(ep: &Endpoint, method: &str, target: &str, content_type: &str, body: &[u8]) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect((ep.host.as_str(), ep.port))?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    s.set_write_timeout(Some(Duration::from_secs(60)))?;
    let head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {}:{}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nUser-Agent: newsgraph\r\nConnection: close\r\n\r\n",
        ep.host,
        ep.port,
        body.len()
    );
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    s.flush()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse::<u16>().ok())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "not an HTTP response"))?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.trim().to_string()).unwrap_or_default();
    Ok((status, body))
}

/// PUTs one graph, retrying transient failures with exponential backoff.
fn put_graph(ep: &Endpoint, graph: &GraphName, ntriples: &[u8], report: &mut PushReport, attempts: u32) -> Result<()> {
    let target = ep.target(graph);
    let mut wait = Duration::from_millis(200);
    for attempt in 1..=attempts {
        let last = attempt == attempts;
        match request(ep, "PUT", &target, "application/n-triples", ntriples) {
            Ok((code, _)) if (200..300).contains(&code) => return Ok(()),
            Ok((code, body)) if code >= 500 || code == 429 || code == 408 => {
                if last {
                    return Err(Error::Rdf(format!(
                        "push {}: the server kept failing (HTTP {code}): {}",
                        label(graph),
                        first_line(&body)
                    )));
                }
            }
            Ok((code, body)) => {
                return Err(Error::Rdf(format!(
                    "push {}: the server refused it (HTTP {code}): {}",
                    label(graph),
                    first_line(&body)
                )))
            }
            Err(e) => {
                if last {
                    return Err(Error::Rdf(format!(
                        "push {}: cannot reach {}:{}: {e}",
                        label(graph),
                        ep.host,
                        ep.port
                    )));
                }
            }
        }
        report.retries += 1;
        std::thread::sleep(wait);
        wait *= 2;
    }
    Ok(())
}

fn label(g: &GraphName) -> String {
    match g {
        GraphName::DefaultGraph => "the default graph".to_string(),
        other => format!("graph {other}"),
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("").trim()
}

/// Sends every document graph and the default graph of a store to a Graph Store endpoint.
pub fn push(store: &Store, endpoint: &str, attempts: u32) -> Result<PushReport> {
    let ep = Endpoint::parse(endpoint)?;
    let mut report = PushReport::default();
    let mut graphs: Vec<GraphName> = vec![GraphName::DefaultGraph];
    for g in store.named_graphs() {
        let g = g.map_err(|e| Error::Rdf(e.to_string()))?;
        let keep = match &g {
            NamedOrBlankNode::NamedNode(n) => crate::store::is_document_graph(n.as_str()),
            NamedOrBlankNode::BlankNode(_) => true,
        };
        if keep {
            graphs.push(g.into());
        }
    }
    for g in graphs {
        let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        let gref: GraphNameRef<'_> = g.as_ref();
        let mut n = 0;
        for q in store.quads_for_pattern(None, None, None, Some(gref)) {
            let q = q.map_err(|e| Error::Rdf(e.to_string()))?;
            ser.serialize_triple(q.as_ref()).map_err(|e| Error::Rdf(e.to_string()))?;
            n += 1;
        }
        let body = ser.finish().map_err(|e| Error::Rdf(e.to_string()))?;
        put_graph(&ep, &g, &body, &mut report, attempts)?;
        report.graphs += 1;
        report.triples += n;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_parse_and_name_their_graphs() {
        let ep = Endpoint::parse("http://127.0.0.1:7878/store").unwrap();
        assert_eq!(ep.target(&GraphName::DefaultGraph), "/store?default");
        let g = GraphName::NamedNode(oxigraph::model::NamedNode::new_unchecked("https://newsgraph.org/document/a%20b"));
        assert_eq!(ep.target(&g), "/store?graph=https%3A%2F%2Fnewsgraph.org%2Fdocument%2Fa%2520b");
        assert!(Endpoint::parse("https://example.org/store")
            .unwrap_err()
            .to_string()
            .contains("only http://"));
        assert!(Endpoint::parse("http://:80/").is_err());
    }
}
