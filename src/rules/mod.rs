//! Rules: each a pure function of a document's analysis, in its own file, grouped by the
//! first letter of its code. `codes.rs` is the table of all of them.

pub mod attribution;
pub mod bilingual;
mod codes;
pub mod dates;
pub mod language;
pub mod names;
pub mod quotes;
pub mod translationese;
pub mod unicode;

pub use codes::RULES;

use crate::analysis::Analysis;
use crate::config::Settings;
use crate::crossdoc::CrossDocuments;
use crate::document::Document;
use crate::finding::{Diagnostic, Finding, Severity};

/// What a rule sees: the document, its analysis (with the source's, if any), the settings,
/// and what the other documents of the batch and the quote ledger say.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub settings: &'a Settings,
    pub cross: &'a CrossDocuments,
    /// This document's index in the batch.
    pub index: usize,
}

impl<'a> Context<'a> {
    pub fn text(&self) -> &'a str {
        &self.doc.text
    }

    /// The source document and its analysis, when the document has a source.
    pub fn source(&self) -> Option<(&'a Document, &'a Analysis)> {
        Some((self.doc.source.as_deref()?, self.analysis.source.as_deref()?))
    }

    /// The document's language code (`und` when undetermined).
    pub fn lang(&self) -> &'a str {
        &self.analysis.language.document.code
    }
}

pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    /// The rule's source file; its leading `//!` comment is the documentation `explain` shows.
    pub doc_source: &'static str,
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

impl RuleInfo {
    /// The rule's documentation: its module doc comment, without the `//!` markers.
    pub fn doc(&self) -> String {
        let mut out = String::new();
        for line in self.doc_source.lines() {
            let Some(rest) = line.strip_prefix("//!") else { break };
            out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            out.push('\n');
        }
        out
    }
}

/// Looks a rule up by code (case-insensitive) or by name.
pub fn find(code_or_name: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Runs every enabled rule on one document. Findings come out sorted by span, then code.
pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in RULES.iter().filter(|r| ctx.settings.enabled(r.code)) {
        let severity = ctx.settings.severity_of(rule.code, rule.severity);
        for diagnostic in (rule.check)(ctx) {
            debug_assert!(ctx.doc.text.is_char_boundary(diagnostic.span.start));
            debug_assert!(ctx.doc.text.is_char_boundary(diagnostic.span.end));
            findings.push(Finding { code: rule.code, rule: rule.name, severity, diagnostic });
        }
    }
    findings.sort_by(|a, b| {
        (a.diagnostic.span.start, a.diagnostic.span.end, a.code, &a.diagnostic.message).cmp(&(
            b.diagnostic.span.start,
            b.diagnostic.span.end,
            b.code,
            &b.diagnostic.message,
        ))
    });
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), RULES.len());
        for r in RULES {
            assert!(r.doc().contains("## What it does"), "{} has no doc", r.code);
        }
    }
}
