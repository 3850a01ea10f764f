//! Numbers with their locale formats, scale words and units.
//! (Placeholder: the numbers stage fills this in.)

use crate::document::Document;
use crate::span::Span;
use crate::text::TextModel;

#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    pub span: Span,
    pub value: f64,
}

pub fn analyze(doc: &Document, text: &TextModel, lang: &str) -> Vec<NumberMention> {
    let _ = (doc, text, lang);
    Vec::new()
}
