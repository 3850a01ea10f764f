//! `--format markdown`: a report fit for a pull-request comment. The counts first (a summary
//! line and a table of findings per rule), then each document with its findings: severity,
//! code, rule, line and column, the message, the snippet with the span underlined, evidence
//! and suggestion. Article text and messages are untrusted: outside code blocks every Markdown
//! and HTML special character is escaped, and code blocks use a fence longer than any run of
//! backticks inside. The comment stays under GitHub's 65,536-character limit: past about
//! 60,000 characters the remaining findings are counted, not shown.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{excerpt, human, DocumentReport, FindingField, Report};
use crate::span::Span;

/// Past this size, findings are only counted (GitHub refuses comments over 65,536 chars).
const BUDGET: usize = 60_000;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(markdown(report).as_bytes())
}

fn markdown(report: &Report) -> String {
    let mut s = String::new();
    s.push_str("## faithful report\n\n");
    s.push_str(&format!("**{}**\n\n", escape(&human::summary_line(report))));

    let mut per_rule: BTreeMap<(&str, &str), (usize, &str)> = BTreeMap::new();
    for f in report.documents.iter().flat_map(|d| &d.findings) {
        per_rule.entry((f.code, f.rule)).or_insert((0, f.severity.as_str())).0 += 1;
    }
    if !per_rule.is_empty() {
        s.push_str("| code | rule | severity | findings |\n|---|---|---|---:|\n");
        for ((code, rule), (n, severity)) in &per_rule {
            s.push_str(&format!("| `{code}` | {rule} | {severity} | {n} |\n"));
        }
        s.push('\n');
    }

    let mut hidden = 0;
    for d in report.documents.iter().filter(|d| !d.findings.is_empty()) {
        if s.len() > BUDGET {
            hidden += d.findings.len();
            continue;
        }
        s.push_str(&format!("### {}\n\n", heading(d)));
        for f in &d.findings {
            if s.len() > BUDGET {
                hidden += 1;
                continue;
            }
            finding(&mut s, d, f);
        }
    }
    if hidden > 0 {
        s.push_str(&format!(
            "_{hidden} more finding(s) not shown here to keep this comment short; run `faithful check --format html` for the full report._\n\n"
        ));
    }
    if !report.errors.is_empty() {
        s.push_str("### Inputs that could not be read\n\n");
        for e in &report.errors {
            s.push_str(&format!("- {}: {}\n", code_span(&e.path), escape(&e.message)));
        }
        s.push('\n');
    }
    s
}

fn heading(d: &DocumentReport) -> String {
    let mut h = code_span(&human::display_name(d));
    let mut meta = vec![format!("language {}", escape(&d.language.code))];
    if let Some(p) = &d.published {
        meta.push(format!("published {}", escape(p)));
    }
    if let Some(src) = &d.source {
        meta.push(format!("source {}", code_span(&src.path)));
    }
    h.push_str(&format!(" ({})", meta.join(", ")));
    h
}

fn finding(s: &mut String, d: &DocumentReport, f: &FindingField) {
    s.push_str(&format!(
        "**{}** `{}` {} at line {}, column {}: {}\n\n",
        f.severity.as_str(),
        f.code,
        f.rule,
        f.span.line,
        f.span.column,
        escape(&f.message)
    ));
    s.push_str(&fenced(&snippet(&d.text, Span::new(f.span.start, f.span.end), f.span.line)));
    for e in &f.evidence {
        let place = match &e.path {
            Some(p) => format!("{}:{}:{}", code_span(p), e.span.line, e.span.column),
            None => format!("line {}, column {}", e.span.line, e.span.column),
        };
        s.push_str(&format!("- note: {} ({place}): {}\n", escape(&e.note), code_span(&e.text)));
    }
    if let Some(help) = &f.suggestion {
        s.push_str(&format!("- help: {}\n", escape(help)));
    }
    if !f.evidence.is_empty() || f.suggestion.is_some() {
        s.push('\n');
    }
}

/// The lines around a span with a gutter of line numbers and `^` under the span.
fn snippet(text: &str, span: Span, line: usize) -> String {
    let ex = excerpt(text, span, line);
    let last_line = ex.line_start + ex.text.matches('\n').count();
    let width = last_line.to_string().len();
    let mut out = String::new();
    let mut offset = 0;
    for (i, line) in ex.text.split('\n').enumerate() {
        let (a, b) = (offset, offset + line.len());
        out.push_str(&format!("{:>width$} | {line}\n", ex.line_start + i));
        let from = ex.span.start.clamp(a, b);
        let to = ex.span.end.clamp(a, b);
        let touches = ex.span.start <= b && ex.span.end >= a;
        if touches && (to > from || (ex.span.is_empty() && from == ex.span.start)) {
            let pad = line[..from - a].chars().count();
            let marks = line[from - a..to - a].chars().count().max(1);
            out.push_str(&format!("{:width$} | {}{}\n", "", " ".repeat(pad), "^".repeat(marks)));
        }
        offset = b + 1;
    }
    out
}

/// A fenced `text` block that no backtick run inside can close.
fn fenced(body: &str) -> String {
    let fence = "`".repeat(longest_run(body, '`').max(2) + 1);
    format!("{fence}text\n{body}{fence}\n\n")
}

/// Inline code that no backtick inside can close; pipes escaped for tables.
fn code_span(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    let ticks = "`".repeat(longest_run(&one_line, '`') + 1);
    let pad = if one_line.starts_with('`') || one_line.ends_with('`') { " " } else { "" };
    format!("{ticks}{pad}{}{pad}{ticks}", one_line.replace('|', "\\|"))
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in s.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// Escapes text for Markdown outside code: the inline syntax of Markdown and GFM, and `<`, `>`,
/// `&` as HTML entities (so no tag or entity in an article is rendered).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            // Emphasis, code, links and images, tables, strikethrough, math, @mentions. (Line-start
            // markers like `#`, `-`, `1.` need no escape: escaped text never starts a line.)
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' | '$' | '@' => {
                out.push('\\');
                out.push(c);
            }
            c => match super::invisible_name(c) {
                Some(name) => out.push_str(&format!("&lt;{name}&gt;")),
                None => out.push(c),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_in_text_are_escaped() {
        assert_eq!(escape("<script>*x*</script>"), "&lt;script&gt;\\*x\\*&lt;/script&gt;");
        assert_eq!(escape("[link](http://e.com) @x"), "\\[link\\](http://e.com) \\@x");
    }

    #[test]
    fn code_is_fenced_safely() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("x|y"), "`x\\|y`");
        assert!(fenced("```\nx\n").starts_with("````text"));
    }

    #[test]
    fn snippet_underlines_the_span() {
        let text = "Title\n\nThe minister said so.\n";
        let s = text.find("minister").unwrap();
        assert_eq!(snippet(text, Span::new(s, s + 8), 3), "3 | The minister said so.\n  |     ^^^^^^^^\n");
    }
}
