//! `--format human`: rustc-style findings with the line and the span underlined.

use std::io::{self, Write};

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.documents {
        let name = match &d.id {
            Some(id) => format!("{}#{}", d.path, id),
            None => d.path.clone(),
        };
        for f in &d.findings {
            writeln!(out, "{}[{}]: {}", f.severity.as_str(), f.code, f.message)?;
            writeln!(out, "  --> {}:{}:{}", name, f.span.line, f.span.column)?;
            let line = d.text.lines().nth(f.span.line - 1).unwrap_or("");
            let width = f.text.lines().next().unwrap_or("").chars().count().max(1);
            let gutter = f.span.line.to_string().len();
            writeln!(out, "{:gutter$} |", "")?;
            writeln!(out, "{} | {}", f.span.line, line)?;
            writeln!(
                out,
                "{:gutter$} | {}{} {}",
                "",
                " ".repeat(f.span.column - 1),
                "^".repeat(width),
                f.rule
            )?;
            for e in &f.evidence {
                let place = e.path.as_deref().unwrap_or(&name);
                writeln!(
                    out,
                    "{:gutter$} = note: {} ({}:{}:{}: {:?})",
                    "", e.note, place, e.span.line, e.span.column, e.text
                )?;
            }
            if let Some(s) = &f.suggestion {
                writeln!(out, "{:gutter$} = help: {}", "", s)?;
            }
            writeln!(out)?;
        }
    }
    for e in &report.errors {
        writeln!(out, "error: {}: {}", e.path, e.message)?;
    }
    let c = &report.summary.findings;
    writeln!(
        out,
        "{} document(s) checked, {} error(s) in inputs; findings: {} error, {} warning, {} info",
        report.summary.documents, report.summary.errors, c.error, c.warning, c.info
    )
}
