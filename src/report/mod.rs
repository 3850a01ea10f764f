//! The report: one data structure for the whole batch (the JSON shape of SPEC.md), and one
//! renderer per output format.

mod github;
mod html;
mod human;
mod json;
mod markdown;
mod sarif;
pub mod schema;
mod text;

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::document::Document;
use crate::finding::{Finding, Origin, Severity};
use crate::input::InputError;
use crate::span::{LineIndex, Span};

pub use text::{excerpt, invisible_name, visible, Excerpt};

/// Output formats of `check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Jsonl,
    Sarif,
    Markdown,
    Html,
    Github,
}

impl OutputFormat {
    pub fn render(self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        match self {
            OutputFormat::Human => human::render(report, out),
            OutputFormat::Json => json::render(report, out),
            OutputFormat::Jsonl => json::render_lines(report, out),
            OutputFormat::Sarif => sarif::render(report, out),
            OutputFormat::Markdown => markdown::render(report, out),
            OutputFormat::Html => html::render(report, out),
            OutputFormat::Github => github::render(report, out),
        }
    }
}

pub const SCHEMA_VERSION: u32 = 1;

/// How `Severity` appears in the JSON (for the schema; `Severity` itself lives in `finding`).
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum SeverityName {
    Info,
    Warning,
    Error,
}

/// The report of one `faithful check` run (`--format json`).
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub documents: Vec<DocumentReport>,
    pub errors: Vec<ErrorEntry>,
    pub summary: Summary,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct LanguageField {
    pub code: String,
    pub confidence: f64,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SourceField {
    pub path: String,
    pub language: LanguageField,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SpanField {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SpeakerField {
    pub name: String,
    pub mention: String,
    pub span: SpanField,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct QuoteField {
    pub text: String,
    pub span: SpanField,
    pub speaker: Option<SpeakerField>,
    pub cue: Option<String>,
    pub closed: bool,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct EvidenceField {
    /// The file the span points into, when it is not the checked document (its source,
    /// another document of the batch, a ledger entry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub span: SpanField,
    pub text: String,
    pub note: String,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct FindingField {
    pub code: &'static str,
    pub rule: &'static str,
    #[schemars(with = "SeverityName")]
    pub severity: Severity,
    pub message: String,
    pub span: SpanField,
    pub text: String,
    pub evidence: Vec<EvidenceField>,
    pub suggestion: Option<String>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct DocumentReport {
    pub path: String,
    pub id: Option<String>,
    pub language: LanguageField,
    pub source: Option<SourceField>,
    pub published: Option<String>,
    pub quotes: Vec<QuoteField>,
    pub findings: Vec<FindingField>,
    /// The checked text, for renderers that show snippets; not part of the JSON.
    #[serde(skip)]
    pub text: String,
    /// The source's text, for side-by-side renderers; not part of the JSON.
    #[serde(skip)]
    pub source_text: Option<String>,
    /// Where the body starts in `text` (after Markdown front matter), so renderers can set
    /// the metadata apart; not part of the JSON.
    #[serde(skip)]
    pub body_start: usize,
    /// Aligned segments (source span, this text's span), in this text's order, for
    /// side-by-side renderers; not part of the JSON. From the input's own units (XLIFF, TMX).
    #[serde(skip)]
    pub segments: Vec<SegmentPair>,
}

/// One pair of aligned segments: byte spans into the source's and the checked text. A side
/// is `None` when the other has no counterpart (an omitted or an added segment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentPair {
    pub source: Option<Span>,
    pub target: Option<Span>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ErrorEntry {
    pub path: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Summary {
    pub documents: usize,
    pub errors: usize,
    pub findings: Counts,
}

#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }
}

/// Turns a byte span into the report's span with line and column.
pub fn span_field(text: &str, lines: &LineIndex, span: Span) -> SpanField {
    let p = lines.position(text, span.start);
    SpanField { start: span.start, end: span.end, line: p.line, column: p.column }
}

/// One checked document with everything the report needs from it.
pub struct Checked<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn new(checked: &[Checked], errors: &[InputError]) -> Report {
        let mut summary = Summary { documents: checked.len(), errors: errors.len(), ..Default::default() };
        let documents: Vec<DocumentReport> = checked
            .iter()
            .map(|c| {
                let d = document_report(c, checked);
                for f in &d.findings {
                    summary.findings.add(f.severity);
                }
                d
            })
            .collect();
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool { name: "faithful", version: env!("CARGO_PKG_VERSION") },
            documents,
            errors: errors
                .iter()
                .map(|e| ErrorEntry { path: e.path.clone(), message: e.message.clone() })
                .collect(),
            summary,
        }
    }

    /// The highest severity of any finding, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.documents.iter().flat_map(|d| &d.findings).map(|f| f.severity).max()
    }
}

fn language(g: &crate::analysis::LangGuess) -> LanguageField {
    LanguageField { code: g.code.clone(), confidence: (g.confidence * 100.0).round() / 100.0 }
}

fn document_report(c: &Checked, all: &[Checked]) -> DocumentReport {
    let text = c.doc.text.as_str();
    let lines = &c.analysis.text.lines;
    let at = |span: Span| span_field(text, lines, span);
    let quotes = c
        .analysis
        .quotes
        .quotes
        .iter()
        .map(|q| QuoteField {
            text: q.span.slice(text).to_string(),
            span: at(q.span),
            speaker: q.speaker.as_ref().map(|s| SpeakerField {
                name: s.name.clone(),
                mention: s.mention.slice(text).to_string(),
                span: at(s.mention),
            }),
            cue: q.cue.clone(),
            closed: q.closed,
        })
        .collect();
    let findings = c
        .findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            FindingField {
                code: f.code,
                rule: f.rule,
                severity: f.severity,
                message: d.message.clone(),
                span: at(d.span),
                text: d.span.slice(text).to_string(),
                evidence: d.evidence.iter().map(|e| evidence(c, all, e)).collect(),
                suggestion: d.suggestion.clone(),
            }
        })
        .collect();
    DocumentReport {
        path: c.doc.path.clone(),
        id: c.doc.id.clone(),
        language: language(&c.analysis.language.document),
        source: c.doc.source.as_deref().map(|s| SourceField {
            path: s.path.clone(),
            language: c
                .analysis
                .source
                .as_deref()
                .map(|a| language(&a.language.document))
                .unwrap_or(LanguageField { code: "und".into(), confidence: 0.0 }),
        }),
        published: c.analysis.published.as_ref().map(|p| p.date.format("%Y-%m-%d").to_string()),
        quotes,
        findings,
        text: c.doc.text.clone(),
        source_text: c.doc.source.as_deref().map(|s| s.text.clone()),
        body_start: c.doc.body_start.min(c.doc.text.len()),
        segments: segments(c),
    }
}

/// Aligned segments in the order of the checked text, without overlaps: the alignment
/// stage's pairs (sentences, or the input's units for XLIFF/TMX), else the input's units.
fn segments(c: &Checked) -> Vec<SegmentPair> {
    let source_len = c.doc.source.as_ref().map_or(0, |s| s.text.len());
    if let Some(alignment) = c.analysis.alignment.as_ref().filter(|a| !a.pairs.is_empty()) {
        let pairs =
            alignment.pairs.iter().map(|p| SegmentPair { source: p.source_span(), target: p.target_span() });
        return in_order(pairs, c.doc.text.len(), source_len);
    }
    let pairs = c.doc.units.iter().map(|u| SegmentPair { source: Some(u.source), target: Some(u.target) });
    in_order(pairs, c.doc.text.len(), source_len)
}

/// Keeps the pairs whose spans fit their texts and move forward in the checked text.
fn in_order(pairs: impl Iterator<Item = SegmentPair>, len: usize, source_len: usize) -> Vec<SegmentPair> {
    let mut end = 0;
    pairs
        .filter(|p| {
            p.source.is_none_or(|s| s.end <= source_len) && (p.source.is_some() || p.target.is_some())
        })
        .filter(|p| match p.target {
            Some(t) if t.start >= end && t.end <= len => {
                end = t.end;
                true
            }
            Some(_) => false,
            None => true,
        })
        .collect()
}

fn evidence(c: &Checked, all: &[Checked], e: &crate::finding::Evidence) -> EvidenceField {
    let here = |doc: &Document, analysis: &Analysis, path: Option<String>| EvidenceField {
        path,
        span: span_field(&doc.text, &analysis.text.lines, e.span),
        text: e.span.slice(&doc.text).to_string(),
        note: e.note.clone(),
    };
    match &e.origin {
        Origin::Target => here(c.doc, c.analysis, None),
        Origin::Source => match (c.doc.source.as_deref(), c.analysis.source.as_deref()) {
            (Some(d), Some(a)) => here(d, a, Some(d.path.clone())),
            _ => here(c.doc, c.analysis, None),
        },
        Origin::Batch(i) => match all.get(*i) {
            Some(o) => here(o.doc, o.analysis, Some(o.doc.path.clone())),
            None => here(c.doc, c.analysis, None),
        },
        Origin::External { path, position, text } => EvidenceField {
            path: Some(path.clone()),
            span: SpanField {
                start: e.span.start,
                end: e.span.end,
                line: position.line,
                column: position.column,
            },
            text: text.clone(),
            note: e.note.clone(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(source: Option<(usize, usize)>, target: Option<(usize, usize)>) -> SegmentPair {
        SegmentPair {
            source: source.map(|(a, b)| Span::new(a, b)),
            target: target.map(|(a, b)| Span::new(a, b)),
        }
    }

    #[test]
    fn aligned_segments_keep_omissions_and_drop_what_does_not_fit() {
        let pairs = vec![
            pair(Some((0, 5)), Some((0, 4))),
            pair(Some((6, 9)), None),           // omitted in the translation: kept
            pair(Some((0, 2)), Some((2, 3))),   // goes back in the translation: dropped
            pair(None, Some((5, 8))),           // added in the translation: kept
            pair(Some((10, 99)), Some((9, 9))), // source span past its text: dropped
            pair(None, None),                   // nothing: dropped
        ];
        let kept = in_order(pairs.into_iter(), 10, 20);
        assert_eq!(
            kept,
            vec![pair(Some((0, 5)), Some((0, 4))), pair(Some((6, 9)), None), pair(None, Some((5, 8)))]
        );
    }
}
