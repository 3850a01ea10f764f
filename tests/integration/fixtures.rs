//! Rule fixtures: `tests/fixtures/<CODE>/fire-*.{txt,md,jsonl,...}` must produce at least one
//! finding of that code, `silent-*` none. Each fixture's findings of its code are snapshotted
//! (`snapshots/fixture-<CODE>-<file>.snap`), so a change in span or message shows up in
//! review. A Markdown fixture can set `lang`, `date` and `source` in its front matter;
//! files named `*.src.*` are sources, not fixtures.

use std::path::PathBuf;

use faithful::config::Settings;

use crate::common::{check_paths, describe, insta_settings, root};

fn fixture_files() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let dir = root().join("tests/fixtures");
    let mut codes: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    codes.sort();
    for code_dir in codes.into_iter().filter(|p| p.is_dir()) {
        let code = code_dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&code_dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if (name.starts_with("fire") || name.starts_with("silent")) && !name.contains(".src.") {
                out.push((code.clone(), f));
            }
        }
    }
    out
}

#[test]
fn every_fixture_fires_or_stays_silent() {
    let mut failures = Vec::new();
    for (code, path) in fixture_files() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let report = check_paths(&[&path], &Settings::default());
        assert!(report.errors.is_empty(), "{}: {:?}", path.display(), report.errors);
        let hits = report.documents.iter().flat_map(|d| &d.findings).filter(|f| f.code == code).count();
        let ok = if name.starts_with("fire") { hits > 0 } else { hits == 0 };
        if !ok {
            failures.push(format!("{code}/{name}: {hits} finding(s)\n{}", describe(&report, &code)));
        }
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s).to_string();
        insta_settings().bind(|| {
            insta::assert_snapshot!(format!("fixture-{code}-{stem}"), describe(&report, &code));
        });
    }
    assert!(failures.is_empty(), "fixtures that did not behave:\n{}", failures.join("\n"));
}
