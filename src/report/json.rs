//! `--format json` (the whole report) and `--format jsonl` (one document per line, then one
//! line per input error, then the summary line).

use std::io::{self, Write};

use serde::Serialize;

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Line<'a> {
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
