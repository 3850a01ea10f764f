//! The register of people a text names, and attribution of quotes to speakers.
//! (Placeholder: the speakers stage fills this in.)

use super::quotes::QuoteAnalysis;
use crate::document::Document;
use crate::text::TextModel;

#[derive(Clone, Debug, Default)]
pub struct Register {
    pub people: Vec<Person>,
}

#[derive(Clone, Debug, Default)]
pub struct Person {
    pub name: String,
}

pub fn analyze(doc: &Document, text: &TextModel, lang: &str, quotes: &QuoteAnalysis) -> Register {
    let _ = (doc, text, lang, quotes);
    Register::default()
}

/// Fills in `speaker` and `cue` of each quote.
pub fn attribute(
    doc: &Document,
    text: &TextModel,
    lang: &str,
    people: &Register,
    quotes: &mut QuoteAnalysis,
) {
    let _ = (doc, text, lang, people, quotes);
}
