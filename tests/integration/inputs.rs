//! Bad input gets a clear error and loses nothing: every input path ends up in the report as
//! documents or as an error entry, and one bad file never stops the batch.

use std::path::{Path, PathBuf};

use faithful::analysis::Analysis;
use faithful::config::Settings;
use faithful::crossdoc::CrossDocuments;
use faithful::report::{OutputFormat, Report};
use faithful::rules::{self, Context};
use faithful::text::TextModel;

use crate::common::check_paths;

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn check(paths: &[&Path]) -> Report {
    check_paths(paths, &Settings::default())
}

fn error_for<'a>(report: &'a Report, path: &Path) -> &'a str {
    let name = path.to_string_lossy();
    report
        .errors
        .iter()
        .find(|e| e.path == name)
        .map(|e| e.message.as_str())
        .unwrap_or_else(|| panic!("no error entry for {name}: {:?}", report.errors))
}

fn json(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    OutputFormat::Json.render(report, &mut out).unwrap();
    out
}

const ARTICLE: &str =
    "Ministers agree on grain deal\n\nGeneva, 3 April 2025\n\nThe ministers agreed on Thursday.\n";

#[test]
fn a_missing_path_is_an_error_entry() {
    let dir = scratch();
    let missing = dir.path().join("nope.txt");
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let report = check(&[&missing, &good]);
    assert_eq!(report.documents.len(), 1);
    assert!(error_for(&report, &missing).contains("no such file"));
}

#[test]
fn a_binary_file_in_a_directory_is_skipped_and_the_rest_checked() {
    let dir = scratch();
    write(dir.path(), "a-article.txt", ARTICLE.as_bytes());
    let png = write(dir.path(), "b-photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00");
    write(dir.path(), "c/nested.md", b"---\ntitle: Nested\nlang: en\n---\nA nested article.\n");
    write(dir.path(), ".hidden/secret.txt", b"not to be read");
    write(dir.path(), ".dotfile.txt", b"not to be read either");
    let report = check(&[dir.path()]);
    let paths: Vec<&str> = report.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("a-article.txt") && paths[1].ends_with("nested.md"), "{paths:?}");
    let message = error_for(&report, &png);
    assert!(message.contains("binary") && message.contains("skipped"), "{message}");
    assert_eq!(report.errors.len(), 1);
}

#[test]
fn invalid_utf8_names_the_offset_and_line() {
    let dir = scratch();
    let bad = write(dir.path(), "latin1.txt", b"Title\n\nCaf\xe9 au lait.\n");
    let report = check(&[&bad]);
    let message = error_for(&report, &bad);
    assert!(message.contains("not valid UTF-8") && message.contains("line 3"), "{message}");
    assert!(message.contains("convert"), "says what to do: {message}");
    assert!(report.documents.is_empty());
}

#[test]
fn utf16_with_bom_is_transcoded_and_spans_point_into_the_decoded_text() {
    let dir = scratch();
    let text = "Titel\n\nDie Auto\u{AD}bahn ist gesperrt.\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let le_path = write(dir.path(), "le.txt", &le);
    let be_path = write(dir.path(), "be.txt", &be);
    let report = check(&[&le_path, &be_path]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    for doc in &report.documents {
        assert_eq!(doc.text, text);
        let f = doc.findings.iter().find(|f| f.code == "U203").expect("soft hyphen found");
        assert_eq!(&text[f.span.start..f.span.end], "Auto\u{AD}bahn");
        assert_eq!((f.span.line, f.span.column), (3, 5));
    }
}

#[test]
fn utf8_bom_is_removed_and_crlf_kept() {
    let dir = scratch();
    let path = write(dir.path(), "bom.txt", "\u{FEFF}Title\r\n\r\nThe Ber\u{200B}lin talks.\r\n".as_bytes());
    let report = check(&[&path]);
    let doc = &report.documents[0];
    assert!(doc.text.starts_with("Title\r\n"));
    let f = doc.findings.iter().find(|f| f.code == "U203").expect("zero-width space found");
    assert_eq!((f.span.line, f.span.column), (3, 5));
}

#[test]
fn empty_and_blank_files_are_reported_not_passed() {
    let dir = scratch();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b"  \n\t\r\n\n");
    let only_bom = write(dir.path(), "bom.md", b"\xEF\xBB\xBF");
    let no_body = write(dir.path(), "front.md", b"---\ntitle: Only metadata\n---\n\n");
    let report = check(&[&empty, &blank, &only_bom, &no_body]);
    assert!(report.documents.is_empty());
    assert!(error_for(&report, &empty).contains("empty"));
    assert!(error_for(&report, &blank).contains("only whitespace"));
    assert!(error_for(&report, &only_bom).contains("empty"));
    assert!(error_for(&report, &no_body).contains("no text"));
}

#[test]
fn a_jsonl_feed_with_a_malformed_line_keeps_the_others() {
    let dir = scratch();
    let feed = concat!(
        "{\"id\":\"a\",\"title\":\"One\",\"text\":\"The Ber\u{200B}lin office opened.\",\"tags\":[\"x\"]}\n",
        "{\"id\":\"b\",\"text\":\"Broken\n",
        "\n",
        "{\"id\":\"c\",\"text\":\"Le cafe\u{301} a ouvert.\",\"lang\":\"fr\",\"date\":\"2025-04-03\"}\n",
        "{\"id\":\"d\",\"date\":\"yesterday\",\"text\":\"Dated badly.\"}\n",
        "{\"id\":\"e\"}\n",
    );
    let path = write(dir.path(), "feed.jsonl", feed.as_bytes());
    let report = check(&[&path]);
    let ids: Vec<_> = report.documents.iter().map(|d| d.id.clone().unwrap_or_default()).collect();
    assert_eq!(ids, ["a", "c"]);
    let messages: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages[0].starts_with("line 2:"), "{messages:?}");
    assert!(messages[1].starts_with("line 5:") && messages[1].contains("yesterday"), "{messages:?}");
    assert!(messages[2].starts_with("line 6:") && messages[2].contains("text"), "{messages:?}");
    assert!(report.documents[0].findings.iter().any(|f| f.code == "U203"));
    assert!(report.documents[1].findings.iter().any(|f| f.code == "U204"));
    assert_eq!(report.documents[1].published.as_deref(), Some("2025-04-03"));
}

fn long_line(bytes: usize) -> String {
    let sentence = "The ministers of Mr. Dupont's coalition met Dr. Weber in St. Gallen, agreed on 2.5% more, and said \u{201C}we will see\u{201D}. ";
    let mut text = String::from("A very long line: ");
    while text.len() < bytes {
        text.push_str(sentence);
    }
    text.push_str("Finally the Mоscow office closed.");
    text
}

/// The input stage, the text model and the character rules on a 20 MB line: they must stay
/// linear (the whole pipeline's speed on such input is measured by `bench/throughput.sh
/// --one-line` in release; in a debug test the language models would dominate).
#[test]
fn a_20_mb_single_line_file_is_read_and_modelled_in_linear_time() {
    let dir = scratch();
    let text = long_line(20_000_000);
    let path = write(dir.path(), "huge.txt", text.as_bytes());
    let mut loaded = faithful::input::load_paths(&[path]);
    assert_eq!(loaded.len(), 1);
    let doc = loaded.pop().unwrap().expect("read");
    let analysis = Analysis { text: TextModel::new(&doc, None), ..Default::default() };
    assert!(analysis.text.sentences.len() > 100_000, "split into sentences");
    assert!(analysis.text.sentences.iter().all(|s| !s.span.slice(&doc.text).ends_with("Mr.")));
    let settings = Settings::default();
    let cross = CrossDocuments::default();
    let ctx = Context { doc: &doc, analysis: &analysis, settings: &settings, cross: &cross, index: 0 };
    let found = (rules::find("U201").unwrap().check)(&ctx);
    assert_eq!(found.len(), 1);
    let span = found[0].span;
    assert_eq!(span.slice(&doc.text), "Mоscow");
    let position = analysis.text.position(&doc.text, span.start);
    assert_eq!(position.line, 1);
    assert_eq!(position.column, text[..span.start].chars().count() + 1);
    for code in ["U202", "U203", "U204"] {
        assert!((rules::find(code).unwrap().check)(&ctx).is_empty(), "{code}");
    }
}

/// The whole pipeline on a 2 MB line: every stage finishes and the finding at the very end
/// has the right column.
#[test]
fn a_long_single_line_goes_through_the_whole_pipeline() {
    let dir = scratch();
    let text = long_line(2_000_000);
    let path = write(dir.path(), "long.txt", text.as_bytes());
    let report = check(&[&path]);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let f = report.documents[0].findings.iter().find(|f| f.code == "U201").expect("found at the end");
    assert_eq!((f.span.line, f.span.column), (1, text[..f.span.start].chars().count() + 1));
}

#[test]
fn every_input_is_a_document_or_an_error_and_output_is_stable() {
    let dir = scratch();
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let md = write(
        dir.path(),
        "story.md",
        b"---\ntitle: Story\ndate: 2025-04-03\n---\nIt rained in Ber\xE2\x80\x8Blin.\n",
    );
    let bad = write(dir.path(), "bad.txt", b"\xff\xfe\xfd");
    let empty = write(dir.path(), "empty.txt", b"");
    let bad_front = write(dir.path(), "front.md", b"---\ntitle: [unclosed\n---\nBody.\n");
    let missing = dir.path().join("missing.txt");
    let inputs = [&good, &md, &bad, &empty, &bad_front, &missing];
    let report = check(&inputs.map(|p| p.as_path()));
    assert_eq!(report.documents.len() + report.errors.len(), inputs.len());
    for p in [&bad, &empty, &bad_front, &missing] {
        error_for(&report, p);
    }
    assert!(error_for(&report, &bad_front).contains("front matter"));
    assert_eq!(report.summary.documents, 2);
    assert_eq!(report.summary.errors, 4);
    let again = check(&inputs.map(|p| p.as_path()));
    assert_eq!(json(&report), json(&again), "same input, same bytes");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_does_not_hang_the_walk() {
    let dir = scratch();
    write(dir.path(), "sub/article.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let report = check(&[dir.path()]);
    assert_eq!(report.documents.len(), 1);
}

#[test]
fn an_empty_directory_is_reported() {
    let dir = scratch();
    let report = check(&[dir.path()]);
    assert!(error_for(&report, dir.path()).contains("no files"));
}
