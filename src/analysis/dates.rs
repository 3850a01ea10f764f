//! Date mentions and the publication date.
//! (Placeholder: the dates stage fills this in.)

use chrono::NaiveDate;

use crate::document::{DateOrigin, Document};
use crate::span::Span;
use crate::text::TextModel;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub origin: DateOrigin,
    /// The dateline span, when the date came from the text.
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
}

/// The publication date: metadata first, else a dateline near the top of the text.
pub fn publication(doc: &Document, text: &TextModel) -> Option<Published> {
    let _ = text;
    doc.meta.published.map(|date| Published {
        date,
        origin: doc.meta.published_origin.unwrap_or(DateOrigin::Metadata),
        span: None,
    })
}

pub fn analyze(
    doc: &Document,
    text: &TextModel,
    lang: &str,
    published: Option<&Published>,
) -> Vec<DateMention> {
    let _ = (doc, text, lang, published);
    Vec::new()
}
