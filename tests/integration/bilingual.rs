//! Source against translation: bilingual inputs (XLIFF, TMX, JSONL `source_text`, `--source`),
//! the alignment, and the cross-language rules X801–X809.

use std::path::PathBuf;

use faithful::config::Settings;
use faithful::document::Document;

use crate::common::{check_doc, check_paths, check_text, codes, root};

fn write_tmp(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("faithful-bilingual-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn malformed_xliff_is_an_error_and_the_batch_goes_on() {
    let bad = write_tmp("broken.xlf", "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit>\n");
    let good = root().join("tests/fixtures/inputs/rail.xlf");
    let tmx = root().join("tests/fixtures/inputs/prices.tmx");
    let report = check_paths(&[&bad, &good, &tmx], &Settings::default());
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert!(
        report.errors[0].message.starts_with("XLIFF: unexpected end of file"),
        "{}",
        report.errors[0].message
    );
    assert!(report.errors[0].message.contains("line 5"), "{}", report.errors[0].message);
    assert_eq!(report.documents.len(), 2);
    assert!(report.documents.iter().all(|d| d.source.is_some()));
}

#[test]
fn xxe_in_xliff_is_not_resolved() {
    let secret = write_tmp("secret.txt", "TOP-SECRET-CONTENT");
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file://{}\">]>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"de\"><body>\n<trans-unit id=\"1\"><source>Hello.</source><target>&xxe;</target></trans-unit></body></file></xliff>\n",
        secret.display()
    );
    let path = write_tmp("xxe.xlf", &xml);
    let report = check_paths(&[&path], &Settings::default());
    assert!(report.documents.is_empty());
    assert_eq!(report.errors.len(), 1);
    assert!(!report.errors[0].message.contains("TOP-SECRET"));
    assert!(report.errors[0].message.contains("line 4"), "{}", report.errors[0].message);
}

#[test]
fn no_source_no_cross_language_findings() {
    let report = check_text("Prices rose by 4.2% in March, the ministry said.\n");
    assert!(codes(&report).iter().all(|c| !c.starts_with('X')));
    let mut doc = Document::from_text("t.txt", "Prices rose by 4.2% in March.\n");
    doc.source = Some(Box::new(Document::from_text("s.txt", "Prices rose by 4.2% in March.\n")));
    let report = check_doc(doc, &Settings::default());
    assert_eq!(report.documents.len(), 1);
}
