//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.
//!
//! - `tool.driver.rules` lists every rule with its summary, the first paragraph of its
//!   documentation as `fullDescription`, the whole documentation as `help` (text and
//!   Markdown), and its default level.
//! - Each finding is a result with `ruleId`/`ruleIndex`, `level` (`info` becomes `note`), the
//!   message (and the suggestion, if any), and a physical location: the file as a relative URI
//!   and a region whose columns count Unicode code points, as the report's columns do
//!   (`columnKind: unicodeCodePoints`, set on the run); `endColumn` is exclusive.
//! - Evidence becomes `relatedLocations`.
//! - Items of a feed, JSON Lines or XLIFF file have no line in the file itself: their results
//!   carry a logical location `path#id` and the line and column within the item in the
//!   message; their physical location is the file, anchored at its first line (GitHub needs
//!   a start line for every result).
//! - Inputs that could not be read are tool execution notifications of the one invocation.

use std::io::{self, Write};

use serde::Serialize;

use super::{DocumentReport, EvidenceField, FindingField, Report};
use crate::finding::Severity;
use crate::rules::{RuleInfo, RULES};
use crate::span::LineIndex;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(report))?;
    writeln!(out)
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    name: String,
    fully_qualified_name: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn log(report: &Report) -> Log {
    let mut results = Vec::new();
    for d in &report.documents {
        if d.findings.is_empty() {
            continue;
        }
        let lines = LineIndex::new(&d.text);
        for f in &d.findings {
            results.push(result(d, &lines, f));
        }
    }
    let notifications = report
        .errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Text { text: super::visible(&format!("{}: {}", e.path, e.message)) },
            locations: vec![file_location(&e.path)],
        })
        .collect();
    Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: report.tool.name,
                    version: report.tool.version,
                    semantic_version: report.tool.version,
                    rules: RULES.iter().map(rule).collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

fn rule(r: &RuleInfo) -> Rule {
    let doc = r.doc();
    Rule {
        id: r.code,
        name: r.name,
        short_description: Text { text: r.summary.to_string() },
        full_description: Text { text: first_paragraph(&doc).unwrap_or_else(|| r.summary.to_string()) },
        help: Help { text: doc.clone(), markdown: doc },
        default_configuration: Configuration { level: level(r.severity) },
        properties: RuleProperties { tags: vec!["translation", group(r.code)] },
    }
}

fn group(code: &str) -> &'static str {
    match code.as_bytes().first() {
        Some(b'L') => "language",
        Some(b'U') => "unicode",
        Some(b'Q') => "quotes",
        Some(b'A') => "attribution",
        Some(b'N') => "names",
        Some(b'D') => "dates",
        Some(b'T') => "translationese",
        Some(b'X') => "bilingual",
        _ => "other",
    }
}

/// The first paragraph under `## What it does`, joined into one line.
fn first_paragraph(doc: &str) -> Option<String> {
    let rest = doc.split_once("## What it does")?.1;
    let para: Vec<&str> = rest
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    (!para.is_empty()).then(|| para.join(" "))
}

fn result(d: &DocumentReport, lines: &LineIndex, f: &FindingField) -> SarifResult {
    let rule_index = RULES.iter().position(|r| r.code == f.code).unwrap_or(0);
    let mut message = f.message.clone();
    let mut location = file_location(&d.path);
    match &d.id {
        None => {
            location.physical_location.region =
                Some(region(&d.text, lines, f.span.start, f.span.end, &f.text))
        }
        Some(id) => {
            message.push_str(&format!(" (item {id}, line {}, column {})", f.span.line, f.span.column));
            location.logical_locations =
                vec![LogicalLocation { name: id.clone(), fully_qualified_name: format!("{}#{id}", d.path) }];
            // GitHub code scanning needs a start line for every result (GH1003): the item is
            // anchored at the top of its file.
            location.physical_location.region = Some(Region {
                start_line: 1,
                start_column: 1,
                end_line: None,
                end_column: None,
                snippet: None,
            });
        }
    }
    if let Some(s) = &f.suggestion {
        message.push_str(&format!("\nSuggestion: {s}"));
    }
    let related = f.evidence.iter().enumerate().map(|(i, e)| related(d, lines, i, e)).collect();
    SarifResult {
        rule_id: f.code,
        rule_index,
        level: level(f.severity),
        // Messages are for people: invisible characters as markers (snippets stay exact).
        message: Text { text: super::visible(&message) },
        locations: vec![location],
        related_locations: related,
    }
}

fn related(d: &DocumentReport, lines: &LineIndex, i: usize, e: &EvidenceField) -> Location {
    let path = e.path.as_deref().unwrap_or(&d.path);
    let mut location = file_location(path);
    location.id = Some(i + 1);
    location.message = Some(Text { text: super::visible(&format!("{}: {:?}", e.note, e.text)) });
    let in_this_text = e.path.is_none() && d.id.is_none();
    let source_text = match (&d.source, &d.source_text) {
        (Some(s), Some(t)) if e.path.as_deref() == Some(s.path.as_str()) && e.span.end <= t.len() => Some(t),
        _ => None,
    };
    location.physical_location.region = Some(if in_this_text {
        region(&d.text, lines, e.span.start, e.span.end, &e.text)
    } else if let Some(t) = source_text {
        region(t, &LineIndex::new(t), e.span.start, e.span.end, &e.text)
    } else {
        Region {
            start_line: e.span.line,
            start_column: e.span.column,
            end_line: None,
            end_column: None,
            snippet: None,
        }
    });
    location
}

/// A region from byte offsets: start and (exclusive) end as line and code-point column.
fn region(text: &str, lines: &LineIndex, start: usize, end: usize, snippet: &str) -> Region {
    let s = lines.position(text, start);
    // A span that ends with a newline ends on its last line (before the newline), not at the
    // start of the next line.
    let e = if end > start && text.get(..end).is_some_and(|t| t.ends_with('\n')) {
        lines.position(text, end - 1)
    } else {
        lines.position(text, end)
    };
    Region {
        start_line: s.line,
        start_column: s.column,
        end_line: Some(e.line),
        end_column: Some(e.column),
        snippet: Some(Text { text: snippet.to_string() }),
    }
}

fn file_location(path: &str) -> Location {
    Location {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(path) },
            region: None,
        },
        logical_locations: Vec::new(),
        message: None,
    }
}

/// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
/// repository root), absolute ones become `file://` URIs, standard input is `stdin`.
pub(super) fn uri(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("news/a b.txt"), "news/a%20b.txt");
        assert_eq!(uri("./x/é.md"), "x/%C3%A9.md");
        assert_eq!(uri("/tmp/a.txt"), "file:///tmp/a.txt");
        assert_eq!(uri("-"), "stdin");
    }

    #[test]
    fn end_columns_are_exclusive_and_count_code_points() {
        let text = "ab\nцвет x\n";
        let lines = LineIndex::new(text);
        let s = text.find("цвет").unwrap();
        let r = region(text, &lines, s, s + "цвет".len(), "цвет");
        assert_eq!((r.start_line, r.start_column, r.end_line, r.end_column), (2, 1, Some(2), Some(5)));
        let whole = region(text, &lines, 3, text.len(), "");
        assert_eq!((whole.end_line, whole.end_column), (Some(2), Some(7)));
    }
}
