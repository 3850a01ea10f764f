//! The text model, computed once per document: paragraphs, sentences, word tokens and the
//! line index. Every later stage reads these spans instead of re-tokenising.

mod paragraphs;
mod sentences;
mod tokens;

pub use paragraphs::{Paragraph, ParagraphKind};
pub use sentences::Sentence;
pub use tokens::{Token, TokenKind};

use crate::document::Document;
use crate::span::{LineIndex, Position, Span};

#[derive(Clone, Debug, Default)]
pub struct TextModel {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub lines: LineIndex,
}

impl TextModel {
    /// Splits `doc.text` (from `doc.body_start`) into paragraphs, sentences and tokens.
    /// `lang` is a hint for abbreviations (ISO 639-1), `None` when not yet known.
    pub fn new(doc: &Document, lang: Option<&str>) -> Self {
        let text = doc.text.as_str();
        let paragraphs = paragraphs::split(text, doc.body_start, doc.format);
        let sentences = sentences::split(text, &paragraphs, lang);
        let tokens = tokens::tokenize(text, doc.body_start);
        TextModel { paragraphs, sentences, tokens, lines: LineIndex::new(text) }
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        self.lines.position(text, offset)
    }

    /// Tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        &self.tokens[a..b.max(a)]
    }

    /// Sentences that lie inside `span`.
    pub fn sentences_in(&self, span: Span) -> &[Sentence] {
        let a = self.sentences.partition_point(|s| s.span.start < span.start);
        let b = self.sentences.partition_point(|s| s.span.end <= span.end);
        &self.sentences[a..b.max(a)]
    }

    /// Index of the paragraph containing `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }

    /// Index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
}
