//! Pushing to a SPARQL server with the Graph Store HTTP Protocol: retries and refusals against a
//! scripted server on loopback, and the real thing against Oxigraph's server (`oxigraph serve`,
//! Oxigraph's own binary, which .ci/run installs from PyPI) answering as the local store does.

mod common;
use newsgraph::build;
use newsgraph::export::Format;
use newsgraph::query::{load_files, run, ResultsFormat};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn sample_nq(dir: &Path) -> PathBuf {
    let opts = common::options(
        vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")],
        dir,
        vec![Format::NQuads],
    );
    build(&opts, common::lexicon()).unwrap();
    dir.join("graph.nq")
}

/// A loopback server answering each request with the next status of a script; returns its URL
/// and a handle yielding the request lines it saw.
fn scripted_server(statuses: Vec<u16>) -> (String, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/store", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for status in statuses {
            let (mut s, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            seen.push(line.trim().to_string());
            let mut len = 0;
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                if h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; len];
            reader.read_exact(&mut body).unwrap();
            let reply = format!("HTTP/1.1 {status} X\r\nContent-Length: 7\r\nConnection: close\r\n\r\nno way\n");
            s.write_all(reply.as_bytes()).unwrap();
        }
        seen
    });
    (url, handle)
}

#[test]
fn transient_failures_are_retried_and_refusals_reported() {
    let store = oxigraph::store::Store::new().unwrap();
    // Only the default graph: one PUT, failing twice with 503 before it succeeds.
    let (url, server) = scripted_server(vec![503, 503, 204]);
    let report = newsgraph::push::push(&store, &url, 5).unwrap();
    assert_eq!((report.graphs, report.retries), (1, 2));
    let seen = server.join().unwrap();
    assert_eq!(seen, ["PUT /store?default HTTP/1.1"; 3]);
    // A 400 is not retried: the error names the graph and the server's answer.
    let (url, server) = scripted_server(vec![400]);
    let err = newsgraph::push::push(&store, &url, 5).unwrap_err().to_string();
    server.join().unwrap();
    assert_eq!(err, "RDF: push the default graph: the server refused it (HTTP 400): no way");
}

fn oxigraph_binary() -> Option<PathBuf> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci-tools/bin/oxigraph");
    if local.exists() {
        return Some(local);
    }
    if Command::new("oxigraph").arg("--version").output().is_ok_and(|o| o.status.success()) {
        return Some(PathBuf::from("oxigraph"));
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI needs Oxigraph's server (cargo install oxigraph-cli)"
    );
    eprintln!("skipped: no `oxigraph` server binary");
    None
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn http(port: u16, request: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn a_live_oxigraph_server_answers_as_the_local_store() {
    let Some(bin) = oxigraph_binary() else { return };
    let dir = tempfile::tempdir().unwrap();
    let nq = sample_nq(dir.path());
    let port = free_port();
    let server = Server(
        Command::new(bin)
            .arg("serve")
            .arg("--location")
            .arg(dir.path().join("server-db"))
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("oxigraph serve starts"),
    );
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(30), "server did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    let url = format!("http://127.0.0.1:{port}/store");
    let local = load_files(&[&nq]).unwrap();
    let first = newsgraph::push::push(&local, &url, 5).unwrap();
    // Pushing twice changes nothing.
    let second = newsgraph::push::push(&local, &url, 5).unwrap();
    assert_eq!((first.graphs, first.triples), (second.graphs, second.triples));
    let query = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } } ORDER BY ?g ?s ?p ?o";
    let mut mine = Vec::new();
    run(&local, query, ResultsFormat::Csv, &mut mine).unwrap();
    let body = format!(
        "query={}",
        query
            .bytes()
            .map(|b| if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            })
            .collect::<String>()
    );
    let response = http(
        port,
        &format!("POST /query HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()),
    );
    let theirs = response.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    // The server may answer in chunks; compare the CSV rows it carries.
    let rows = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("http") || l.starts_with("g,"))
            .map(|l| l.trim_end().to_string())
            .collect::<Vec<_>>()
    };
    let mine = String::from_utf8(mine).unwrap();
    assert!(rows(&mine).len() > 20);
    assert_eq!(rows(theirs), rows(&mine));
    drop(server);
}
