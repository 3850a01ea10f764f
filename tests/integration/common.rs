//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use faithful::config::Settings;
use faithful::document::Document;
use faithful::report::Report;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// insta settings that keep snapshots in the top-level `snapshots/` folder.
pub fn insta_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// Checks one plain text with default settings.
pub fn check_text(text: &str) -> Report {
    check_doc(Document::from_text("test.txt", text), &Settings::default())
}

pub fn check_doc(doc: Document, settings: &Settings) -> Report {
    faithful::check(vec![Ok(doc)], settings)
}

/// Checks files or directories as the CLI would.
pub fn check_paths(paths: &[&Path], settings: &Settings) -> Report {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    faithful::check(faithful::input::load_paths(&paths), settings)
}

/// Codes of all findings of a report, in report order.
pub fn codes(report: &Report) -> Vec<&'static str> {
    report.documents.iter().flat_map(|d| d.findings.iter().map(|f| f.code)).collect()
}

/// A compact, reviewable rendering of the findings with code `code` (all codes when empty).
pub fn describe(report: &Report, code: &str) -> String {
    let mut out = String::new();
    for d in &report.documents {
        for f in d.findings.iter().filter(|f| code.is_empty() || f.code == code) {
            out.push_str(&format!(
                "{} {}:{} [{}..{}] {:?}\n  {}\n",
                f.code, f.span.line, f.span.column, f.span.start, f.span.end, f.text, f.message
            ));
            for e in &f.evidence {
                out.push_str(&format!(
                    "  evidence {}:{} {:?}: {}\n",
                    e.span.line, e.span.column, e.text, e.note
                ));
            }
            if let Some(s) = &f.suggestion {
                out.push_str(&format!("  suggestion: {s}\n"));
            }
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}
