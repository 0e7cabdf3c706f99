//! The command line as users meet it: bad inputs reported in one line each and skipped, the rest
//! built, the exit code telling whether anything was skipped; bad options refused.

use std::path::Path;
use std::process::Command;

fn newsgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
}

#[test]
fn bad_files_are_reported_and_skipped_and_the_rest_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("good.txt"), "The Nigerian government suspended Twitter on Friday.\n").unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    std::fs::write(input.join("binary.txt"), b"\x00\x01\x02PNG\x00").unwrap();
    std::fs::write(input.join("latin1.txt"), b"Caf\xe9 owners in Iran use Telegram.\n").unwrap();
    let out = dir.path().join("out");
    let run = newsgraph().arg("build").arg(&input).arg("--out").arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("skipped")).collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(stderr.contains("empty.txt: skipped: empty file"));
    assert!(stderr.contains("binary.txt: skipped: binary data, not text"));
    assert!(stderr.contains("latin1.txt: skipped: not UTF-8 (invalid byte at offset 3)"));
    let edges = std::fs::read_to_string(out.join("edges.csv")).unwrap();
    assert!(edges.contains("Nigeria,bans,") && edges.contains("Twitter"), "{edges}");
}

#[test]
fn a_missing_input_is_reported_and_the_exit_code_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let run = newsgraph()
        .args(["build", "/nonexistent/news.txt", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("/nonexistent/news.txt: cannot read: no such file or directory"));
}

#[test]
fn a_bad_format_is_refused_without_touching_the_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("graph.ttl"), "previous").unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let run = newsgraph()
        .arg("build")
        .arg(&corpus)
        .arg("--out")
        .arg(dir.path())
        .args(["--format", "ttl,xml"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr).trim(),
        "newsgraph: error: unknown format \"xml\" (expected ttl, nt, nq, trig, dot, csv or none)"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("graph.ttl")).unwrap(), "previous");
}

#[test]
fn standard_input_is_a_document_named_stdin() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = newsgraph()
        .args(["build", "-", "--format", "csv", "--quiet", "--out"])
        .arg(dir.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"India banned TikTok and WeChat in June 2020.\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let edges = std::fs::read_to_string(dir.path().join("edges.csv")).unwrap();
    assert!(edges.contains("India,bans,") && edges.contains(",stdin,"), "{edges}");
}
