//! The binary end to end: exit codes (0 clean, 1 findings at `--fail-on`, 2 usage or input
//! errors), `faithful.toml` discovery, `--select/--ignore/--fail-on`, stdin, `--output`,
//! byte-identical reruns, and the sample corpus the README's first command checks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::root;

fn faithful(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_faithful"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run faithful")
}

fn with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_faithful"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run faithful");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(out)))
}

fn finding_codes(report: &serde_json::Value) -> Vec<String> {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string())
        })
        .collect()
}

/// A scratch folder holding: `warn.txt` (one U203 warning), `info.txt` (one U204 info),
/// `error.txt` (one U201 error), `clean.txt`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("warn.txt", "Talks end\n\nThe talks in Ber\u{200B}lin ended.\n"),
        ("info.txt", "Talks end\n\nThe cafe\u{301} reopened.\n"),
        ("error.txt", "Talks end\n\nThe talks in Mоscow ended.\n"),
        ("clean.txt", "Talks end\n\nThe talks in Paris ended.\n"),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn exit_codes_follow_fail_on() {
    let ws = workspace();
    let d = ws.path();
    let run = |args: &[&str]| code(&faithful(d, args));
    assert_eq!(run(&["check", "clean.txt"]), 0);
    assert_eq!(run(&["check", "warn.txt"]), 1, "default --fail-on is warning");
    assert_eq!(run(&["check", "info.txt"]), 0, "info does not fail by default");
    assert_eq!(run(&["check", "--fail-on", "info", "info.txt"]), 1);
    assert_eq!(run(&["check", "--fail-on", "error", "warn.txt"]), 0);
    assert_eq!(run(&["check", "--fail-on", "error", "error.txt"]), 1);
    assert_eq!(run(&["check", "--fail-on", "never", "error.txt"]), 0);
    assert_eq!(run(&["check", "clean.txt", "missing.txt"]), 2, "an unreadable input");
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let ws = workspace();
    let d = ws.path();
    let cases: &[(&[&str], &str)] = &[
        (&["check", "--format", "yaml", "clean.txt"], "yaml"),
        (&["check", "--published", "03/04/2025", "clean.txt"], "03/04/2025"),
        (&["check", "--published", "2025-02-30", "clean.txt"], "2025-02-30"),
        (&["check", "--fail-on", "sometimes", "clean.txt"], "sometimes"),
        (&["check", "--ignore", "U299", "clean.txt"], "U299"),
        (&["check", "--select", "Z", "clean.txt"], "'Z'"),
        (&["check"], "PATH"),
        (&["explain", "X999"], "X999"),
    ];
    for (args, needle) in cases {
        let out = faithful(d, args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?} printed a report");
    }
}

#[test]
fn a_missing_file_is_listed_and_the_others_checked() {
    let ws = workspace();
    let out = faithful(ws.path(), &["check", "--format", "json", "warn.txt", "nowhere.txt", "info.txt"]);
    assert_eq!(code(&out), 2);
    let report = json(&out);
    assert_eq!(report["documents"].as_array().unwrap().len(), 2);
    assert_eq!(report["errors"][0]["path"], "nowhere.txt");
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn select_and_ignore_by_code_and_prefix() {
    let ws = workspace();
    let d = ws.path();
    let codes = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
        all.extend_from_slice(args);
        all.extend(["warn.txt", "info.txt", "error.txt"]);
        let mut c = finding_codes(&json(&faithful(d, &all)));
        c.retain(|c| c.starts_with("U2"));
        c
    };
    assert_eq!(codes(&[]), ["U203", "U204", "U201"]);
    assert_eq!(codes(&["--select", "U203"]), ["U203"]);
    assert_eq!(codes(&["--select", "U20", "--ignore", "U203,U204"]), ["U201"]);
    assert_eq!(codes(&["--ignore", "U2"]), Vec::<String>::new());
    assert_eq!(codes(&["--select", "u201"]), ["U201"], "codes are case-insensitive");
}

#[test]
fn faithful_toml_is_found_above_and_the_command_line_wins() {
    let ws = workspace();
    let d = ws.path();
    let sub = d.join("desk/today");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(d.join("warn.txt"), sub.join("warn.txt")).unwrap();
    std::fs::copy(d.join("error.txt"), sub.join("error.txt")).unwrap();
    std::fs::write(d.join("faithful.toml"), "ignore = [\"U201\"]\nfail-on = \"error\"\nformat = \"json\"\n")
        .unwrap();

    let out = faithful(&sub, &["check", "warn.txt", "error.txt"]);
    assert_eq!(code(&out), 0, "U201 ignored and warnings do not fail: {}", stdout(&out));
    let report = json(&out);
    assert!(!finding_codes(&report).contains(&"U201".to_string()));
    assert!(finding_codes(&report).contains(&"U203".to_string()));

    let out = faithful(&sub, &["check", "--ignore", "U203", "--fail-on", "warning", "warn.txt", "error.txt"]);
    assert_eq!(code(&out), 1, "the command line replaces the file's ignore list and fail-on");
    let codes = finding_codes(&json(&out));
    assert!(codes.contains(&"U201".to_string()) && !codes.contains(&"U203".to_string()), "{codes:?}");

    std::fs::write(d.join("faithful.toml"), "[severity]\nU203 = \"error\"\n").unwrap();
    let out = faithful(&sub, &["check", "--format", "json", "--fail-on", "error", "warn.txt"]);
    assert_eq!(code(&out), 1, "severity raised to error by the file");
    assert_eq!(json(&out)["documents"][0]["findings"][0]["severity"], "error");

    std::fs::write(d.join("faithful.toml"), "ignore = [\"U201\"\nfail_on = 3\n").unwrap();
    let out = faithful(&sub, &["check", "warn.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("faithful.toml"), "names the file: {}", stderr(&out));

    std::fs::write(d.join("faithful.toml"), "colour = \"red\"\n").unwrap();
    let out = faithful(&sub, &["check", "warn.txt"]);
    assert_eq!(code(&out), 2, "unknown keys are errors: {}", stderr(&out));
}

#[test]
fn stdin_and_output_file() {
    let ws = workspace();
    let d = ws.path();
    let out = with_stdin(d, &["check", "--format", "json", "-"], "Title\n\nThe Mоscow office.\n".as_bytes());
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["documents"][0]["path"], "-");
    assert_eq!(finding_codes(&report), ["U201"]);

    let out = with_stdin(d, &["check", "-"], b"");
    assert_eq!(code(&out), 2, "empty stdin is an input error");

    let out = faithful(d, &["check", "--format", "json", "-o", "report.json", "error.txt"]);
    assert_eq!(code(&out), 1);
    assert!(out.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("report.json")).unwrap()).unwrap();
    assert_eq!(finding_codes(&written), ["U201"]);

    let out = faithful(d, &["check", "-o", "no/such/dir/report.json", "error.txt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("report.json"), "{}", stderr(&out));
}

#[test]
fn the_same_run_twice_is_byte_identical() {
    let dir = root().join("corpora/articles");
    // The renderers are pure functions of the report (tests/integration/report.rs); two
    // formats suffice to catch order or timestamps creeping into the pipeline.
    for format in ["json", "human"] {
        let a = faithful(&root(), &["check", "--format", format, dir.to_str().unwrap()]);
        let b = faithful(&root(), &["check", "--format", format, dir.to_str().unwrap()]);
        assert_eq!(a.stdout, b.stdout, "{format} output differs between runs");
        assert!(!a.stdout.is_empty());
    }
}

/// The README's first command: every sample article is read, nothing is an input error, and
/// the artefacts planted in the samples are found.
#[test]
fn the_sample_corpus_checks() {
    let out = faithful(&root(), &["check", "--format", "json", "corpora/articles"]);
    assert_eq!(code(&out), 1, "the samples hold planted errors: {}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["errors"].as_array().unwrap().len(), 0, "{}", report["errors"]);
    let files: Vec<PathBuf> = std::fs::read_dir(root().join("corpora/articles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    let expected: usize = files
        .iter()
        .map(|p| match p.extension().and_then(|e| e.to_str()) {
            Some("jsonl") => {
                std::fs::read_to_string(p).unwrap().lines().filter(|l| !l.trim().is_empty()).count()
            }
            _ => 1,
        })
        .sum();
    assert!(files.len() >= 12, "at least a dozen sample files");
    assert_eq!(report["documents"].as_array().unwrap().len(), expected);
    let codes = finding_codes(&report);
    for planted in ["U201", "U202", "U203"] {
        assert!(codes.iter().any(|c| c == planted), "{planted} not found in the samples: {codes:?}");
    }
}

#[test]
fn rules_and_explain() {
    let out = faithful(&root(), &["rules"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert_eq!(text.lines().filter(|l| l.starts_with(['L', 'U', 'Q', 'A', 'N', 'D', 'T', 'X'])).count(), 30);
    let out = faithful(&root(), &["explain", "U202"]);
    assert_eq!(code(&out), 0);
    let doc = stdout(&out);
    for section in ["## What it does", "## Why is this bad?", "## Example", "## How to silence it"] {
        assert!(doc.contains(section), "explain U202 lacks {section}");
    }
    assert_eq!(code(&faithful(&root(), &["explain", "mojibake"])), 0, "by name too");
}
