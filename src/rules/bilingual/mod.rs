//! Cross-language rules (X8xx): the translation checked against its source, pair by pair of
//! the alignment (`analysis.alignment`). Every finding points into the translation and carries
//! the source span as evidence.

pub mod date_mismatch;
pub mod inconsistent_term;
pub mod length_outlier;
pub mod name_mismatch;
pub mod number_mismatch;
pub mod omitted_segment;
pub mod quote_count_mismatch;
pub mod quote_speaker_mismatch;
pub mod untranslated_in_target;

use crate::analysis::align::{AlignedPair, Alignment};
use crate::analysis::Analysis;
use crate::document::Document;
use crate::rules::Context;
use crate::span::Span;

/// What a bilingual rule works on: both documents, both analyses and the alignment.
pub(crate) struct Pair<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub source_doc: &'a Document,
    pub source: &'a Analysis,
    pub alignment: &'a Alignment,
}

impl<'a> Pair<'a> {
    pub fn of(ctx: &Context<'a>) -> Option<Self> {
        let (source_doc, source) = ctx.source()?;
        Some(Pair { doc: ctx.doc, analysis: ctx.analysis, source_doc, source, alignment: ctx.analysis.alignment.as_ref()? })
    }

    pub fn target_lang(&self) -> &'a str {
        &self.analysis.language.document.code
    }

    pub fn source_lang(&self) -> &'a str {
        &self.source.language.document.code
    }

    /// Where a finding about pair `k` goes in the translation: its own target span, else the
    /// target of the nearest earlier pair (the omission comes after it), else of the next one.
    pub fn target_anchor(&self, k: usize) -> Span {
        let pairs = &self.alignment.pairs;
        if let Some(s) = pairs[k].target_span() {
            return s;
        }
        if let Some(s) = pairs[..k].iter().rev().find_map(AlignedPair::target_span) {
            return s;
        }
        if let Some(s) = pairs[k + 1..].iter().find_map(AlignedPair::target_span) {
            return s;
        }
        let at = self.doc.body_start.min(self.doc.text.len());
        Span::new(at, at)
    }
}

/// A short, one-line quotation of `text` for messages.
pub(crate) fn preview(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let cut: String = flat.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    }
}
