//! What rules produce. A rule returns plain `Diagnostic`s; the engine stamps them with the
//! rule's code, name and severity from the rule table, so the code appears in one place only.

use serde::{Deserialize, Serialize};

use crate::span::{Position, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which text an evidence span points into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The checked document itself.
    Target,
    /// The document's source (original).
    Source,
    /// Another document of the same batch, by its index in the batch.
    Batch(usize),
    /// A text that is not in the batch (a quote ledger entry): its position is stored with it.
    External { path: String, position: Position, text: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub origin: Origin,
    pub span: Span,
    /// Why this span supports the finding: "role given here", "source has 3,4 %".
    pub note: String,
}

impl Evidence {
    pub fn here(span: Span, note: impl Into<String>) -> Self {
        Evidence { origin: Origin::Target, span, note: note.into() }
    }

    pub fn in_source(span: Span, note: impl Into<String>) -> Self {
        Evidence { origin: Origin::Source, span, note: note.into() }
    }
}

/// One problem a rule found, before the engine attaches code, name and severity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    pub evidence: Vec<Evidence>,
    pub suggestion: Option<String>,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic { span, message: message.into(), evidence: Vec::new(), suggestion: None }
    }

    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence.push(evidence);
        self
    }

    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// A diagnostic stamped with its rule: what the report lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub diagnostic: Diagnostic,
}
