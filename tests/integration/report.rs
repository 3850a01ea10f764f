//! Renderers. Most tests render a hand-made report (so they stay stable while rules change)
//! and snapshot every format; the JSON formats are validated against the shipped schemas
//! (`schema/report.schema.json`, `schema/report-line.schema.json`, and SARIF 2.1.0's), which
//! are themselves checked to be what the Rust types generate. One end-to-end run per format
//! on a small article of our own checks the whole way from file to output.

use std::path::Path;

use faithful::config::Settings;
use faithful::finding::Severity;
use faithful::report::{
    span_field, Counts, DocumentReport, ErrorEntry, EvidenceField, FindingField, LanguageField, OutputFormat,
    QuoteField, Report, SourceField, SpanField, SpeakerField, Summary, Tool, SCHEMA_VERSION,
};
use faithful::span::{LineIndex, Span};
use serde_json::Value;

use crate::common::{check_paths, insta_settings, root};

const ARTICLE: &str = "Rail tunnel \"ahead of schedule\"\n\
\n\
Vienna, 3 April 2025\n\
\n\
Railway Director Marta Lindgren said on Thursday: \"The tunnel will be finished before the winter.\"\n\
\n\
\"We will open it in December,\" added Railway Director Paul Weber, according to <b>the ministry</b>.\n\
The project costs 3.4 billion euros.\u{202e} Share this article!\n";

const SOURCE: &str =
    "Bahntunnel \"vor dem Zeitplan\"\n\nWien, 3. April 2025\n\nDas Projekt kostet 3,5 Milliarden Euro.\n";

const ITEM: &str =
    "Markets rallied on Monday, 5 May 2025.\nShares rose by 4% - the ministry said we will act.\n";

fn span(text: &str, needle: &str) -> SpanField {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in text"));
    span_field(text, &LineIndex::new(text), Span::new(start, start + needle.len()))
}

fn finding(
    text: &str,
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    needle: &str,
    message: &str,
) -> FindingField {
    FindingField {
        code,
        rule,
        severity,
        message: message.to_string(),
        span: span(text, needle),
        text: needle.to_string(),
        evidence: Vec::new(),
        suggestion: None,
    }
}

fn evidence(text: &str, path: Option<&str>, needle: &str, note: &str) -> EvidenceField {
    EvidenceField {
        path: path.map(str::to_string),
        span: span(text, needle),
        text: needle.to_string(),
        note: note.to_string(),
    }
}

fn lang(code: &str) -> LanguageField {
    LanguageField { code: code.to_string(), confidence: 0.99 }
}

/// A report with what renderers must handle: evidence in the text, in the source and in
/// another file, a suggestion, every severity, markup and a bidi control in the article,
/// a feed item with an id, and an input that could not be read.
pub fn sample_report() -> Report {
    let mut a401 = finding(
        ARTICLE,
        "A401",
        "speaker-role-conflict",
        Severity::Error,
        "Railway Director Paul Weber",
        "Quote attributed to 'Railway Director Paul Weber', but this text names Marta Lindgren as Railway Director",
    );
    a401.evidence.push(evidence(ARTICLE, None, "Railway Director Marta Lindgren", "role given here"));
    let mut x801 = finding(
        ARTICLE,
        "X801",
        "number-mismatch",
        Severity::Error,
        "3.4 billion euros",
        "3.4 billion euros here, 3,5 Milliarden Euro in the source",
    );
    x801.evidence.push(evidence(SOURCE, Some("news/tunnel.de.txt"), "3,5 Milliarden Euro", "source has 3,5"));
    x801.suggestion = Some("3.5 billion euros".to_string());
    let u203 = finding(
        ARTICLE,
        "U203",
        "invisible-character",
        Severity::Warning,
        "\u{202e}",
        "invisible character U+202E RIGHT-TO-LEFT OVERRIDE",
    );
    let mut t704 = finding(
        ARTICLE,
        "T704",
        "boilerplate-residue",
        Severity::Warning,
        "Share this article!",
        "share prompt left in the text: `Share this article!`",
    );
    t704.suggestion = Some("delete it".to_string());
    let q303 = finding(
        ARTICLE,
        "Q303",
        "foreign-quote-style",
        Severity::Info,
        "\"ahead of schedule\"",
        "straight quotes \"…\" in a title; this text uses them throughout, <i>so</i> this is info only",
    );
    let mut findings = vec![q303, a401, x801, u203, t704];
    findings.sort_by_key(|f| (f.span.start, f.span.end));

    let mut a404 = finding(
        ITEM,
        "A404",
        "quote-ledger-conflict",
        Severity::Error,
        "we will act",
        "the ledger credits this statement to Ada Kovacs",
    );
    a404.evidence.push(EvidenceField {
        path: Some("faithful-ledger.sqlite".to_string()),
        span: SpanField { start: 0, end: 11, line: 3, column: 14 },
        text: "We will act".to_string(),
        note: "recorded from wire/2025-05-05.txt on 2025-05-05".to_string(),
    });
    let a403 = finding(
        ITEM,
        "A403",
        "unmarked-direct-speech",
        Severity::Warning,
        "the ministry said we will act",
        "first-person speech without quote marks",
    );

    let documents = vec![
        DocumentReport {
            path: "news/tunnel.txt".to_string(),
            id: None,
            language: lang("en"),
            source: Some(SourceField { path: "news/tunnel.de.txt".to_string(), language: lang("de") }),
            published: Some("2025-04-03".to_string()),
            quotes: vec![QuoteField {
                text: "The tunnel will be finished before the winter.".to_string(),
                span: span(ARTICLE, "The tunnel will be finished before the winter."),
                speaker: Some(SpeakerField {
                    name: "Marta Lindgren".to_string(),
                    mention: "Marta Lindgren".to_string(),
                    span: span(ARTICLE, "Marta Lindgren"),
                }),
                cue: Some("said".to_string()),
                closed: true,
            }],
            findings,
            text: ARTICLE.to_string(),
            source_text: Some(SOURCE.to_string()),
            body_start: 0,
            segments: Vec::new(),
        },
        DocumentReport {
            path: "feed/markets.jsonl".to_string(),
            id: Some("m-17".to_string()),
            language: lang("en"),
            source: None,
            published: Some("2025-05-05".to_string()),
            quotes: Vec::new(),
            findings: vec![a403, a404],
            text: ITEM.to_string(),
            source_text: None,
            body_start: 0,
            segments: Vec::new(),
        },
        DocumentReport {
            path: "news/clean.md".to_string(),
            id: None,
            language: lang("de"),
            source: None,
            published: None,
            quotes: Vec::new(),
            findings: Vec::new(),
            text: "---\nlang: de\n---\nAlles gut.\n".to_string(),
            source_text: None,
            body_start: 0,
            segments: Vec::new(),
        },
    ];
    let mut counts = Counts::default();
    for f in documents.iter().flat_map(|d| &d.findings) {
        counts.add(f.severity);
    }
    Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool { name: "faithful", version: "0.0.0-test" },
        summary: Summary { documents: documents.len(), errors: 1, findings: counts },
        documents,
        errors: vec![ErrorEntry {
            path: "feed/broken.xlf".to_string(),
            message: "XLIFF: unexpected end of file at line 40".to_string(),
        }],
    }
}

pub fn render(report: &Report, format: OutputFormat) -> String {
    let mut out = Vec::new();
    format.render(report, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

pub const FORMATS: &[(&str, OutputFormat)] = &[
    ("human", OutputFormat::Human),
    ("json", OutputFormat::Json),
    ("jsonl", OutputFormat::Jsonl),
    ("sarif", OutputFormat::Sarif),
    ("markdown", OutputFormat::Markdown),
    ("github", OutputFormat::Github),
    ("html", OutputFormat::Html),
];

/// SARIF's rule list carries every rule's documentation, which other work changes; the
/// snapshots show it as ids only (`sarif_locations_and_rules` checks the real list).
fn for_snapshot(name: &str, out: String) -> String {
    if name == "html" {
        // The page's own style and script are the same for every report: left out.
        let cut = |s: &str, open: &str, close: &str| -> String {
            match (s.find(open), s.find(close)) {
                (Some(a), Some(b)) if a < b => format!("{}{open}…{}", &s[..a], &s[b..]),
                _ => s.to_string(),
            }
        };
        let out = cut(&out, "<style>", "</style>");
        let out = cut(&out, "<script>", "</script>");
        // Their hashes in the Content-Security-Policy too (a unit test checks them).
        let out = cut(&out, "style-src 'sha256-", "'; script-src");
        return cut(&out, "script-src 'sha256-", "'; img-src");
    }
    if name != "sarif" {
        return out;
    }
    let mut v: Value = serde_json::from_str(&out).unwrap();
    let rules = &mut v["runs"][0]["tool"]["driver"]["rules"];
    let ids: Vec<Value> = rules.as_array().unwrap().iter().map(|r| r["id"].clone()).collect();
    *rules = Value::Array(ids);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn every_format_of_the_sample_report() {
    let report = sample_report();
    for (name, format) in FORMATS {
        let raw = render(&report, *format);
        assert!(raw == render(&report, *format), "{name} output is not deterministic");
        let out = for_snapshot(name, raw);
        insta_settings().bind(|| insta::assert_snapshot!(format!("report-sample-{name}"), out));
    }
}

/// The end-to-end run: a file of our own, through the whole pipeline, in every format.
#[test]
fn every_format_end_to_end() {
    // Relative, as a user would type it (tests run in the crate root).
    let report = check_paths(&[Path::new("tests/reports/tunnel.txt")], &Settings::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    for (name, format) in FORMATS {
        let out = for_snapshot(name, render(&report, *format));
        insta_settings().bind(|| insta::assert_snapshot!(format!("report-e2e-{name}"), out));
        if matches!(name, &"json" | &"jsonl" | &"sarif") {
            validate_output(name, &render(&report, *format));
        }
    }
}

// --- schemas ---

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn validator(path: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&load(path)).unwrap_or_else(|e| panic!("{path} is not a usable schema: {e}"))
}

fn assert_valid(validator: &jsonschema::Validator, what: &str, instance: &Value) {
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match its schema:\n{}", errors.join("\n"));
}

/// Validates the output of a machine-readable format against its schema.
pub fn validate_output(format: &str, out: &str) {
    match format {
        "json" => {
            assert_valid(&validator("schema/report.schema.json"), "json", &serde_json::from_str(out).unwrap())
        }
        "jsonl" => {
            let v = validator("schema/report-line.schema.json");
            let lines: Vec<&str> = out.lines().collect();
            assert!(
                lines.last().is_some_and(|l| l.contains("\"type\":\"summary\"")),
                "jsonl must end with the summary"
            );
            for line in lines {
                assert_valid(&v, "jsonl line", &serde_json::from_str(line).unwrap());
            }
        }
        "sarif" => assert_valid(
            &validator("schema/sarif-2.1.0.schema.json"),
            "sarif",
            &serde_json::from_str(out).unwrap(),
        ),
        _ => unreachable!(),
    }
}

#[test]
fn json_outputs_match_their_schemas() {
    let report = sample_report();
    for name in ["json", "jsonl", "sarif"] {
        let format = FORMATS.iter().find(|(n, _)| *n == name).unwrap().1;
        validate_output(name, &render(&report, format));
    }
}

#[test]
fn the_schemas_reject_what_they_should() {
    // A validator that accepts everything would pass the tests above.
    let report: Value = serde_json::from_str(&render(&sample_report(), OutputFormat::Json)).unwrap();
    let v = validator("schema/report.schema.json");
    let mut bad = report.clone();
    bad["documents"][0]["findings"][0]["severity"] = "fatal".into();
    assert!(!v.is_valid(&bad));
    let mut bad = report.clone();
    bad["documents"][0]["findings"][0]["unknown"] = 1.into();
    assert!(!v.is_valid(&bad));
    let mut bad = report;
    bad["summary"].as_object_mut().unwrap().remove("documents");
    assert!(!v.is_valid(&bad));

    let sarif: Value = serde_json::from_str(&render(&sample_report(), OutputFormat::Sarif)).unwrap();
    let v = validator("schema/sarif-2.1.0.schema.json");
    let mut bad = sarif.clone();
    bad["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!v.is_valid(&bad));
    let mut bad = sarif;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    assert!(!v.is_valid(&bad));
}

/// The shipped schemas are what the Rust types generate. To update them after changing the
/// report types: `FAITHFUL_UPDATE_SCHEMA=1 cargo test shipped_schemas`.
#[test]
fn shipped_schemas_are_generated_from_the_types() {
    let update = std::env::var_os("FAITHFUL_UPDATE_SCHEMA").is_some();
    let mut stale = Vec::new();
    for (file, generated) in [
        ("schema/report.schema.json", faithful::report::schema::report_schema()),
        ("schema/report-line.schema.json", faithful::report::schema::line_schema()),
    ] {
        let path = root().join(file);
        let shipped = std::fs::read_to_string(&path).unwrap_or_default();
        if shipped != generated {
            if update {
                std::fs::write(&path, &generated).unwrap();
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} differ from what the report types generate; run FAITHFUL_UPDATE_SCHEMA=1 cargo test shipped_schemas and review the diff"
    );
}

// --- what each format must get right, beyond the snapshots ---

#[test]
fn sarif_locations_and_rules() {
    let sarif: Value = serde_json::from_str(&render(&sample_report(), OutputFormat::Sarif)).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), faithful::rules::RULES.len());
    for r in rules {
        assert!(r["help"]["text"].as_str().unwrap().contains("## What it does"), "{}", r["id"]);
        assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    for res in results {
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], res["ruleId"]);
    }
    // A401 on line 7: "added Railway Director Paul Weber" starts at column 38.
    let a401 = results.iter().find(|r| r["ruleId"] == "A401").unwrap();
    let region = &a401["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 7);
    assert_eq!(region["startColumn"], 38);
    assert_eq!(region["endColumn"], 38 + "Railway Director Paul Weber".len());
    assert_eq!(a401["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "news/tunnel.txt");
    assert_eq!(a401["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 5);
    // The bidi control is one code point wide, whatever its UTF-8 or UTF-16 length.
    let u203 = results.iter().find(|r| r["ruleId"] == "U203").unwrap();
    let region = &u203["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["endColumn"].as_u64().unwrap() - region["startColumn"].as_u64().unwrap(), 1);
    // Feed items: no region in the file, a logical location instead.
    let a404 = results.iter().find(|r| r["ruleId"] == "A404").unwrap();
    assert_eq!(a404["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
    assert!(a404["locations"][0]["physicalLocation"]["region"].get("endLine").is_none());
    assert_eq!(a404["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "feed/markets.jsonl#m-17");
    // Unreadable inputs are notifications.
    let n = &run["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "feed/broken.xlf");
}

#[test]
fn github_annotations_land_on_the_right_line() {
    let out = render(&sample_report(), OutputFormat::Github);
    let a401 = out.lines().find(|l| l.contains("title=A401")).unwrap();
    assert!(a401.starts_with("::error file=news/tunnel.txt,line=7,col=38,endLine=7,endColumn=65,"), "{a401}");
    let q303 = out.lines().find(|l| l.contains("title=Q303")).unwrap();
    assert!(q303.starts_with("::notice "), "{q303}");
    // Every annotation is one line: messages with newlines are escaped.
    for line in out.lines() {
        assert!(line.starts_with("::") || line.starts_with("faithful: "), "{line}");
    }
    assert!(out.contains("%0Ahelp: 3.5 billion euros"));
    assert!(
        out.contains("::error file=feed/broken.xlf::XLIFF%3A")
            || out.contains("::error file=feed/broken.xlf::XLIFF:")
    );
}

#[test]
fn markdown_escapes_article_text() {
    let out = render(&sample_report(), OutputFormat::Markdown);
    assert!(!out.contains("<i>"), "HTML from a message reached the Markdown");
    assert!(out.contains("&lt;i&gt;so&lt;/i&gt;"));
    assert!(!out.contains('\u{202e}'), "a raw bidi control reached the Markdown");
    assert!(out.contains("<U+202E>"));
    assert!(out.contains("| `A401` | speaker-role-conflict | error | 1 |"));
}

#[test]
fn human_output_shows_snippets_without_control_characters() {
    let out = render(&sample_report(), OutputFormat::Human);
    assert!(out.contains("error[A401]: Quote attributed"));
    assert!(out.contains("--> news/tunnel.txt:7:38"));
    assert!(out.contains("--> feed/markets.jsonl#m-17:2:"));
    assert!(out.contains("= help: 3.5 billion euros"));
    assert!(!out.contains('\u{202e}'));
    assert!(!out.contains('\u{1b}'), "no ANSI escapes");
    assert!(out
        .trim_end()
        .ends_with("3 documents checked, 1 input could not be read: 3 errors, 3 warnings, 1 info"));
}

#[test]
fn documents_without_findings_render_in_every_format() {
    let report = check_paths(&[Path::new(&root().join("tests/reports/clean.md"))], &Settings::default());
    for (name, format) in FORMATS {
        let out = render(&report, *format);
        assert!(!out.is_empty(), "{name}");
    }
}

// --- `faithful rules` and `faithful explain`, through the binary ---

fn faithful(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_faithful")).args(args).output().unwrap()
}

#[test]
fn rules_lists_every_rule_in_aligned_columns() {
    let out = faithful(&["rules"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), faithful::rules::RULES.len() + 1);
    // Columns line up: every row's severity starts where the header's does.
    let col = lines[0].find("severity").unwrap();
    for (line, rule) in lines[1..].iter().zip(faithful::rules::RULES) {
        assert!(line.starts_with(rule.code), "{line}");
        assert_eq!(&line[col..col + rule.severity.as_str().len()], rule.severity.as_str(), "{line}");
        assert!(line.ends_with(rule.summary));
    }
    insta_settings().bind(|| insta::assert_snapshot!("cli-rules", text));
}

#[test]
fn explain_prints_the_rules_own_documentation() {
    for rule in faithful::rules::RULES {
        for asked in [rule.code.to_string(), rule.code.to_lowercase(), rule.name.to_string()] {
            let out = faithful(&["explain", &asked]);
            assert!(out.status.success(), "explain {asked}");
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(text.starts_with(&format!(
                "{} {} (default severity: {})\n\n",
                rule.code,
                rule.name,
                rule.severity.as_str()
            )));
            assert!(text.contains(&rule.doc()), "explain {asked} does not print the doc comment");
            assert!(text.contains("## How to silence it"));
        }
    }
    let out = faithful(&["explain", "A499"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no rule 'A499'") && err.contains("A401"), "{err}");
}
