//! ## What it does
//! Flags a text whose language differs from the language it is expected to be in: `--lang`
//! (or `lang` in `faithful.toml`), or the `lang` of its Markdown front matter or JSONL record.
//! The text's language is always detected, even when a language is given.
//!
//! ## Why is this bad?
//! A feed item tagged `en` that is really in Russian is published to the wrong audience, gets
//! the wrong hyphenation, search index and screen-reader voice, and usually means the wrong
//! file (the source instead of its translation) was sent. The other rules also read the text
//! with the wrong language's knowledge.
//!
//! ## Example
//! ```markdown
//! ---
//! lang: en
//! ---
//! Правительство объявило во вторник, что новый мост откроется в следующем году.
//! ```
//! is reported: the text is in Russian, not English.
//!
//! ## How to silence it
//! Correct the `lang` given (front matter, JSONL field or `--lang`), or send the translated
//! text. `--ignore L102` turns the rule off. Texts too short to tell (a few words) are never
//! reported.

use crate::analysis::language::{language_name, normalize_code};
use crate::finding::Diagnostic;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{ParagraphKind, TokenKind};

/// Below this document confidence the detection is not trusted enough to contradict metadata.
const MIN_CONFIDENCE: f64 = 0.6;
/// Words of text below which the rule does not judge.
const MIN_WORDS: usize = 6;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let language = &ctx.analysis.language;
    let (Some(expected), true) = (language.expected.as_deref(), language.detected) else { return Vec::new() };
    let detected = &language.document;
    // A code we do not know cannot be compared (it may be a dialect tag we lack a model for).
    let Some(expected) = normalize_code(expected) else { return Vec::new() };
    if detected.is_und() || detected.code == expected || detected.confidence < MIN_CONFIDENCE {
        return Vec::new();
    }
    // A few words (a headline, a name) are too little to contradict the metadata.
    let text = &ctx.analysis.text;
    let words = text.tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
    if words < MIN_WORDS {
        return Vec::new();
    }
    // Point at the first stretch of body prose, not the whole text.
    let span = text
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Body)
        .or_else(|| text.paragraphs.iter().find(|p| p.kind != ParagraphKind::Code))
        .map(|p| text.sentences_in(p.span).first().map_or(p.span, |s| s.span));
    let Some(span) = span else { return Vec::new() };
    let origin = if ctx.doc.meta.lang.is_some() { "its metadata says" } else { "--lang says" };
    let name = |code: &str| language_name(code).unwrap_or_else(|| code.to_string());
    let message = format!(
        "Text is in {} ({}, confidence {:.2}), but {origin} {} ({expected})",
        name(&detected.code),
        detected.code,
        detected.confidence,
        name(&expected),
    );
    vec![Diagnostic::new(trim(span, ctx.text()), message).with_suggestion(format!(
        "set the language to `{}`, or check that this is the translated text",
        detected.code
    ))]
}

fn trim(span: Span, text: &str) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    Span::new(start, start + s.trim().len())
}
