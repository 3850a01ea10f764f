//! `--format github`: GitHub Actions workflow commands, so findings appear as annotations on
//! the right line of the pull request's files:
//!
//! ```text
//! ::error file=news/a.txt,line=12,col=71,endLine=12,endColumn=98,title=A401 speaker-role-conflict::Quote attributed …
//! ```
//!
//! `info` findings are `::notice`. Items of feeds, JSON Lines and XLIFF files have no line of
//! their own in the file: their annotation names the file only and says the item, line and
//! column in the message. Values are escaped as the runner expects (`%`, CR, LF everywhere;
//! also `:` and `,` in properties). Inputs that could not be read are `::error file=…::`. A
//! last plain line gives the summary (plain lines are log output, not annotations).

use std::io::{self, Write};

use super::{human, Report};
use crate::finding::Severity;
use crate::span::LineIndex;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.documents {
        if d.findings.is_empty() {
            continue;
        }
        let lines = LineIndex::new(&d.text);
        for f in &d.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!("file={}", property(&d.path));
            let mut message = f.message.clone();
            match &d.id {
                None => {
                    let end = end_position(&d.text, &lines, f.span.start, f.span.end);
                    // Annotations take columns only within one line.
                    if end.line == f.span.line {
                        props.push_str(&format!(
                            ",line={},col={},endLine={},endColumn={}",
                            f.span.line, f.span.column, end.line, end.column
                        ));
                    } else {
                        props.push_str(&format!(",line={},endLine={}", f.span.line, end.line));
                    }
                }
                Some(id) => {
                    message.push_str(&format!(" (item {id}, line {}, column {})", f.span.line, f.span.column))
                }
            }
            props.push_str(&format!(",title={}", property(&format!("{} {}", f.code, f.rule))));
            for e in &f.evidence {
                let place = match &e.path {
                    Some(p) => format!("{p}:{}:{}", e.span.line, e.span.column),
                    None => format!("line {}, column {}", e.span.line, e.span.column),
                };
                message.push_str(&format!("\nnote: {} ({place}): {:?}", e.note, e.text));
            }
            if let Some(s) = &f.suggestion {
                message.push_str(&format!("\nhelp: {s}"));
            }
            writeln!(out, "::{command} {props}::{}", data(&message))?;
        }
    }
    for e in &report.errors {
        writeln!(out, "::error file={}::{}", property(&e.path), data(&e.message))?;
    }
    writeln!(out, "faithful: {}", human::summary_line(report))
}

/// The end of a span as line and column, one past its last character (as ruff and ESLint
/// give `endColumn`); a span ending with a newline ends before it.
fn end_position(text: &str, lines: &LineIndex, start: usize, end: usize) -> crate::span::Position {
    if end > start && text.get(..end).is_some_and(|t| t.ends_with('\n')) {
        lines.position(text, end - 1)
    } else {
        lines.position(text, end)
    }
}

/// Escapes a message (the part after `::`).
/// Invisible characters (a bidi override in an annotation would reorder it) become `<U+XXXX>`.
pub(super) fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => match super::invisible_name(c) {
                Some(name) => out.push_str(&format!("<{name}>")),
                None => out.push(c),
            },
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`).
pub(super) fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a,b:c%"), "a%2Cb%3Ac%25");
    }

    #[test]
    fn end_is_the_last_character() {
        let text = "ab\nцвет x\n";
        let lines = LineIndex::new(text);
        let s = text.find("цвет").unwrap();
        let p = end_position(text, &lines, s, s + "цвет".len());
        assert_eq!((p.line, p.column), (2, 5));
    }
}
