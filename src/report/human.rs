//! `--format human`: rustc-style findings, rendered by `annotate-snippets` (the renderer rustc
//! itself uses): the line with the span underlined and the rule's name, evidence as notes
//! (with their own snippet when the text is at hand), the suggestion as help, then a summary
//! line. No colors: the output is the same on a terminal, in a pipe and in a file.

use std::borrow::Cow;
use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{excerpt, DocumentReport, EvidenceField, FindingField, Report};
use crate::finding::Severity;
use crate::span::Span;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let renderer = Renderer::plain();
    for d in &report.documents {
        let name = display_name(d);
        for f in &d.findings {
            writeln!(out, "{}\n", render_finding(&renderer, d, &name, f))?;
        }
    }
    for e in &report.errors {
        let title = one_line(&format!("{}: {}", e.path, e.message));
        let groups = [Group::with_title(Level::ERROR.primary_title(title))];
        writeln!(out, "{}\n", renderer.render(&groups))?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// `path`, or `path#id` for an item of a feed or an XLIFF file.
pub(super) fn display_name(d: &DocumentReport) -> String {
    match &d.id {
        Some(id) => format!("{}#{}", d.path, id),
        None => d.path.clone(),
    }
}

/// `2 documents checked, 1 input could not be read: 1 error, 2 warnings, 0 info`.
pub(super) fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let c = &s.findings;
    let mut line = format!("{} checked", plural(s.documents, "document", "documents"));
    if s.errors > 0 {
        line.push_str(&format!(", {} could not be read", plural(s.errors, "input", "inputs")));
    }
    line.push_str(&format!(
        ": {}, {}, {} info",
        plural(c.error, "error", "errors"),
        plural(c.warning, "warning", "warnings"),
        c.info
    ));
    line
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// Renders one finding: the finding's group, then a note group per evidence span with text.
/// Locations are ours, not the renderer's: the snippet shows an excerpt (long lines cut,
/// invisible characters as `<U+XXXX>`), so columns counted in it would be wrong.
fn render_finding(renderer: &Renderer, d: &DocumentReport, name: &str, f: &FindingField) -> String {
    let ex = excerpt(&d.text, Span::new(f.span.start, f.span.end), f.span.line);
    let message = one_line(&f.message);
    let mut main = level(f.severity).primary_title(message.as_str()).id(f.code).element(
        Snippet::source(ex.text)
            .line_start(ex.line_start)
            .fold(false)
            .annotation(AnnotationKind::Primary.span(ex.span).label(f.rule)),
    );
    // Evidence without a text to show becomes a one-line note under the finding.
    for e in &f.evidence {
        if evidence_text(d, e).is_none() {
            main = main.element(Level::NOTE.message(evidence_line(e)));
        }
    }
    if let Some(s) = &f.suggestion {
        main = main.element(Level::HELP.message(one_line(s)));
    }
    let mut out =
        with_location(&renderer.render(&[main]), &format!("{name}:{}:{}", f.span.line, f.span.column));
    for e in &f.evidence {
        if let Some((path, text)) = evidence_text(d, e) {
            let ex = excerpt(text, Span::new(e.span.start, e.span.end), e.span.line);
            let note = one_line(&e.note);
            let group = Group::with_title(Level::NOTE.secondary_title(note.as_str())).element(
                Snippet::source(ex.text)
                    .line_start(ex.line_start)
                    .fold(false)
                    .annotation(AnnotationKind::Context.span(ex.span)),
            );
            let place = format!("{}:{}:{}", path.unwrap_or(name), e.span.line, e.span.column);
            // Close the finding's gutter before the note, as rustc does.
            if let Some(bar) = out.lines().nth(2).and_then(|l| l.find('|')) {
                let last = out.lines().last().unwrap_or_default().trim_start();
                if !out.ends_with('|') && !last.starts_with("= ") {
                    out.push('\n');
                    out.push_str(&" ".repeat(bar));
                    out.push('|');
                }
            }
            out.push('\n');
            out.push_str(&with_location(&renderer.render(&[group]), &place));
        }
    }
    out
}

/// Inserts ` --> place` under the title line of a rendered group, aligned with its gutter.
fn with_location(rendered: &str, place: &str) -> String {
    let mut lines = rendered.lines();
    let title = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    let gutter = rest.first().and_then(|l| l.find('|')).unwrap_or(1).saturating_sub(1).max(1);
    let mut out = format!("{title}\n{}--> {place}", " ".repeat(gutter));
    for line in rest {
        out.push('\n');
        out.push_str(line);
    }
    out
}

/// Messages are one line each in this format (an article's newline must not fake a line).
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// The text an evidence span points into, when the report holds it: the document itself or
/// its source. Evidence from other documents or the ledger is shown as a line.
fn evidence_text<'a>(d: &'a DocumentReport, e: &'a EvidenceField) -> Option<(Option<&'a str>, &'a str)> {
    match &e.path {
        None => Some((None, d.text.as_str())),
        Some(p) => match (&d.source, &d.source_text) {
            (Some(s), Some(text)) if &s.path == p && e.span.end <= text.len() => {
                Some((Some(p.as_str()), text.as_str()))
            }
            _ => None,
        },
    }
}

fn evidence_line(e: &EvidenceField) -> Cow<'static, str> {
    let place = e.path.as_deref().unwrap_or("");
    Cow::Owned(format!("{}: {:?} ({}:{}:{})", e.note, e.text, place, e.span.line, e.span.column))
}
