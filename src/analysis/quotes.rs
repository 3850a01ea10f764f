//! Quote marks and quoted statements.
//! (Placeholder: the quotes stage fills this in.)

use crate::document::Document;
use crate::span::Span;
use crate::text::TextModel;

/// The speaker a quote is credited to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerRef {
    /// The resolved person's full name as the register knows it.
    pub name: String,
    /// Where the text names the speaker for this quote (may be a pronoun or a surname).
    pub mention: Span,
    /// Index into `Register::people`, if resolved to a person of the register.
    pub person: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, without its quote marks.
    pub span: Span,
    /// Whether the quote's closing mark was found.
    pub closed: bool,
    pub speaker: Option<SpeakerRef>,
    /// The speech verb or cue linking quote and speaker (`said`, `according to`).
    pub cue: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct QuoteAnalysis {
    pub quotes: Vec<Quote>,
}

pub fn analyze(doc: &Document, text: &TextModel, lang: &str) -> QuoteAnalysis {
    let _ = (doc, text, lang);
    QuoteAnalysis::default()
}
