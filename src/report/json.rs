//! `--format json` (the whole report) and `--format jsonl`.
//!
//! JSON Lines, for streaming consumers: one line per checked document (`"type": "document"`
//! plus the document's fields of the JSON report), then one line per input that could not be
//! read (`"type": "error"`, with `path` and `message`), then exactly one summary line
//! (`"type": "summary"`, the report's `summary`). Every line is a complete JSON object, and
//! the last line is always the summary, so a reader can tell a finished run from a cut one.

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// One line of `--format jsonl`.
#[derive(Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub(crate) enum Line<'a> {
    Document(&'a super::DocumentReport),
    Error(&'a super::ErrorEntry),
    Summary(&'a super::Summary),
}

pub fn render_lines(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.documents {
        serde_json::to_writer(&mut *out, &Line::Document(d))?;
        writeln!(out)?;
    }
    for e in &report.errors {
        serde_json::to_writer(&mut *out, &Line::Error(e))?;
        writeln!(out)?;
    }
    serde_json::to_writer(&mut *out, &Line::Summary(&report.summary))?;
    writeln!(out)
}
