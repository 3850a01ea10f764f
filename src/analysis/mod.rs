//! The analysis of one document, computed once and read by every rule:
//! text model -> languages -> quotes -> people and speakers -> dates and numbers ->
//! (alignment with the source). Each stage is a module with plain data types.

pub mod align;
pub mod dates;
pub(crate) mod gated;
pub mod language;
pub mod numbers;
pub mod quotes;
pub mod speakers;

use crate::config::Settings;
use crate::document::Document;
use crate::text::TextModel;

pub use dates::{DateMention, Published};
pub use language::{LangGuess, LanguageAnalysis};
pub use numbers::NumberMention;
pub use quotes::{Quote, QuoteAnalysis};
pub use speakers::Register;

#[derive(Debug, Default)]
pub struct Analysis {
    pub text: TextModel,
    pub language: LanguageAnalysis,
    pub published: Option<Published>,
    pub quotes: QuoteAnalysis,
    pub people: Register,
    pub dates: Vec<DateMention>,
    pub numbers: Vec<NumberMention>,
    /// The analysis of `doc.source`, when there is one.
    pub source: Option<Box<Analysis>>,
    /// Segment alignment between the source and this text, when there is a source.
    pub alignment: Option<align::Alignment>,
}

impl Analysis {
    /// Runs every stage on `doc` (and on its source, if any).
    pub fn new(doc: &Document, settings: &Settings) -> Self {
        let source = doc.source.as_deref().map(|src| {
            let hint = doc.meta.source_lang.clone().or_else(|| settings.source_lang.clone());
            Box::new(Self::single(src, hint.as_deref(), None))
        });
        let other = source.as_ref().map(|s| s.language.document.code.clone());
        let expected = doc.meta.lang.clone().or_else(|| settings.lang.clone());
        let mut analysis = Self::single(doc, expected.as_deref(), other.as_deref());
        if let (Some(src_doc), Some(src)) = (doc.source.as_deref(), source.as_deref()) {
            analysis.alignment = Some(align::align(src_doc, src, doc, &analysis));
        }
        analysis.source = source;
        analysis
    }

    /// The stages on one text. `expected` is the language it should be in, `other` the
    /// language of its source, both hints for detection.
    fn single(doc: &Document, expected: Option<&str>, other: Option<&str>) -> Self {
        let hint = expected.filter(|l| crate::lang::SUPPORTED.contains(l));
        let text = TextModel::new(doc, hint);
        let language = language::analyze(doc, &text, expected, other);
        let lang = language.document.code.clone();
        let published = dates::publication(doc, &text);
        let quotes = quotes::analyze(doc, &text, &lang);
        let people = speakers::analyze(doc, &text, &lang, &quotes);
        let mut quotes = quotes;
        speakers::attribute(doc, &text, &lang, &people, &mut quotes);
        let dates = dates::analyze(doc, &text, &lang, &language.paragraphs, published.as_ref());
        let numbers = numbers::analyze(doc, &text, &lang, &language.paragraphs, &dates);
        Analysis { text, language, published, quotes, people, dates, numbers, source: None, alignment: None }
    }
}
