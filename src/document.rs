//! What the input stage produces: one article, its metadata, and optionally its source.

use chrono::NaiveDate;

use crate::span::Span;

/// The format an article was read from. Decides how its text is split into parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: first non-empty line is the title.
    Text,
    /// Markdown, possibly with YAML front matter (excluded from checking by `body_start`).
    Markdown,
    /// One article of a JSON Lines feed.
    JsonLines,
    /// Bilingual exchange formats: units already aligned.
    Xliff,
    Tmx,
    /// One item of an RSS or Atom feed, its HTML turned into text.
    Feed,
}

/// Where a document's publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrigin {
    CommandLine,
    Metadata,
    Dateline,
}

/// Metadata given with the text (front matter, JSONL fields, command line).
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub published: Option<NaiveDate>,
    /// Where `published` came from (metadata unless the command line set it).
    pub published_origin: Option<DateOrigin>,
    /// Language the text is expected to be in (ISO 639-1), from `--lang` or metadata.
    pub lang: Option<String>,
    /// Language of the source, from `--source-lang` or metadata.
    pub source_lang: Option<String>,
}

/// A pair of segments that the input format already aligned (XLIFF unit, TMX tu).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitPair {
    /// Span in the translation's text.
    pub target: Span,
    /// Span in the source's text.
    pub source: Span,
}

/// One article as read from disk or stdin.
#[derive(Clone, Debug)]
pub struct Document {
    /// Path as the user gave it (or `-` for stdin); JSONL and feed items share their file's path.
    pub path: String,
    /// Id of a feed item or XLIFF file, if any.
    pub id: Option<String>,
    pub format: Format,
    /// The decoded text every span points into (UTF-8, BOM removed, line endings kept).
    pub text: String,
    /// Byte offset where the checkable body starts (after front matter).
    pub body_start: usize,
    pub title: Option<String>,
    pub meta: Meta,
    /// The original this document translates, if known.
    pub source: Option<Box<Document>>,
    /// Pre-aligned segment pairs (XLIFF, TMX); empty for other formats.
    pub units: Vec<UnitPair>,
}

impl Document {
    /// A plain-text document with no metadata; handy for tests and stdin.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            path: path.into(),
            id: None,
            format: Format::Text,
            text: text.into(),
            body_start: 0,
            title: None,
            meta: Meta::default(),
            source: None,
            units: Vec::new(),
        }
    }
}
