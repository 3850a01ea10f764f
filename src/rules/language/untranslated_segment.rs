//! ## What it does
//! Flags a paragraph, a sentence (three words or more) or a quotation that is in another
//! language than the text: a passage the translator skipped, or a quote left in the language
//! it was said in. The message names the language detected.
//!
//! It stays silent on what legitimately appears in another language: names of people and
//! places, titles of works (`Le Fabuleux Destin d'Amélie Poulain` in an English review), short
//! foreign phrases (`de facto`, `sine qua non`), bylines, URLs and code.
//!
//! ## Why is this bad?
//! Readers of the translation cannot read the passage, and a quote in the speaker's language
//! without a translation is usually an oversight rather than a choice. Machine translation
//! pipelines leave such passages when a segment fails or is skipped.
//!
//! ## Example
//! ```text
//! The minister spoke to reporters after the meeting.
//!
//! Мы не отступим ни на шаг, и об этом должны знать все наши партнёры.
//! ```
//! The second paragraph is reported as Russian in an English text.
//!
//! ## How to silence it
//! Translate the passage, or give the translation next to the original quote. A quote kept in
//! the original on purpose can be silenced with `--ignore L101` for that text.

use crate::analysis::language::{language_name, LangGuess};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;
use crate::text::{ParagraphKind, TokenKind};

/// A stretch is reported only when its language is at least this certain.
const MIN_CONFIDENCE: f64 = 0.75;
/// Words a sentence needs to be reported on its own.
const MIN_SENTENCE_WORDS: usize = 3;
/// Words a quote that reads as a statement needs (`"C'est la vie," he said` is a phrase).
const MIN_STATEMENT_WORDS: usize = 4;
/// Words a quote needs unless it reads as a statement (it opens its sentence, follows `:` or
/// `,`, or ends with `.`, `!`, `?`): shorter quotes mid-sentence are phrases and titles.
const MIN_QUOTE_WORDS: usize = 7;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let a = ctx.analysis;
    let lang = &a.language;
    let doc_lang = lang.document.code.as_str();
    if !lang.detected || lang.document.is_und() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let foreign = |g: &LangGuess| !g.is_und() && g.code != doc_lang && g.confidence >= MIN_CONFIDENCE;
    let name = |code: &str| language_name(code).unwrap_or_else(|| code.to_string());
    let doc_name = name(doc_lang);

    for (pi, p) in a.text.paragraphs.iter().enumerate() {
        if p.kind == ParagraphKind::Code {
            continue;
        }
        let sentences = a.text.sentences_in(p.span);
        let first = a.text.sentences.partition_point(|s| s.span.start < p.span.start);
        let guesses = &lang.sentences[first..first + sentences.len()];
        let frames = &lang.frames[first..first + sentences.len()];
        let heading = matches!(p.kind, ParagraphKind::Title | ParagraphKind::Heading);
        if is_byline(ctx, p.span) {
            continue;
        }

        // A whole paragraph: reported once, if most of its sentences agree.
        let pg = &lang.paragraphs[pi];
        if sentences.len() >= 2 && foreign(pg) {
            let agreeing = guesses.iter().filter(|g| g.code == pg.code).count();
            let decided = guesses.iter().filter(|g| !g.is_und()).count();
            if agreeing * 2 > decided && prose(ctx, p.span).is_some_and(|w| w.words >= 2 * MIN_SENTENCE_WORDS)
            {
                out.push(
                    Diagnostic::new(
                        p.span,
                        format!("Paragraph in {} in a text in {doc_name}", name(&pg.code)),
                    )
                    .with_evidence(Evidence::here(
                        p.span,
                        format!("detected {} (confidence {:.2})", pg.code, pg.confidence),
                    ))
                    .with_suggestion(format!("translate this paragraph into {doc_name}")),
                );
                continue;
            }
        }

        let mut reported: Vec<Span> = Vec::new();
        for ((s, g), frame) in sentences.iter().zip(guesses).zip(frames) {
            let words = prose(ctx, s.span);
            let min = if heading { 2 * MIN_SENTENCE_WORDS } else { MIN_SENTENCE_WORDS };
            let enough = words.is_some_and(|w| w.words >= min && w.lower >= 2 && !w.mostly_capitalised());
            // The frame (the sentence outside its quotes) must be foreign too: a sentence in
            // the text's language that quotes another is judged by its quote below.
            if foreign(g) && foreign(frame) && enough {
                out.push(
                    Diagnostic::new(s.span, format!("Sentence in {} in a text in {doc_name}", name(&g.code)))
                        .with_evidence(Evidence::here(
                            s.span,
                            format!("detected {} (confidence {:.2})", g.code, g.confidence),
                        ))
                        .with_suggestion(format!("translate this sentence into {doc_name}")),
                );
                reported.push(s.span);
            }
        }
        for q in lang.quoted.iter().filter(|q| p.span.contains(q.span)) {
            if !foreign(&q.guess) || reported.iter().any(|r| r.overlaps(q.span)) {
                continue;
            }
            let Some(w) = prose(ctx, q.span) else { continue };
            let min = if is_statement(ctx, q.span) { MIN_STATEMENT_WORDS } else { MIN_QUOTE_WORDS };
            if w.words >= min && w.lower >= 2 && !w.mostly_capitalised() {
                out.push(
                    Diagnostic::new(
                        q.span,
                        format!("Quote left in {} in a text in {doc_name}", name(&q.guess.code)),
                    )
                    .with_evidence(Evidence::here(
                        q.span,
                        format!("detected {} (confidence {:.2})", q.guess.code, q.guess.confidence),
                    ))
                    .with_suggestion(format!(
                        "translate the quote into {doc_name}, or add a translation after it"
                    )),
                );
            }
        }
    }
    out
}

/// Whether a quote reads as reported speech rather than a title or a phrase in passing.
fn is_statement(ctx: &Context, quote: Span) -> bool {
    let text = ctx.text();
    if quote.slice(text).trim_end().ends_with(['.', '!', '?', '…']) {
        return true;
    }
    let sentence_start = ctx
        .analysis
        .text
        .sentence_at(quote.start)
        .map_or(quote.start, |i| ctx.analysis.text.sentences[i].span.start);
    let before = Span::new(sentence_start.min(quote.start), quote.start).slice(text);
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || "«»„“”\"‹›「『".contains(c));
    before.is_empty() || before.ends_with([':', ',', '—', '–'])
}

struct WordCount {
    words: usize,
    /// Words starting with a lower-case letter: a run of capitalised words is a name or title.
    lower: usize,
    /// Capitalised words after the first: names, titles in title case, credits.
    capitalised: usize,
}

impl WordCount {
    /// More than half the words after the first are capitalised: a list of names, a title in
    /// title case, a credit line, not a sentence (German capitalises nouns, but not half of
    /// its words).
    fn mostly_capitalised(&self) -> bool {
        self.capitalised * 2 > self.words.saturating_sub(1)
    }
}

/// A short paragraph that opens like a byline or credit (`By Sarah Johnson`, `Foto: dpa`):
/// an opening followed by a capitalised word or a colon.
fn is_byline(ctx: &Context, span: Span) -> bool {
    const MAX_WORDS: usize = 25;
    let text = ctx.text();
    let tokens = ctx.analysis.text.tokens_in(span);
    let words: Vec<&crate::text::Token> = tokens.iter().filter(|t| t.kind == TokenKind::Word).collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    crate::lang::byline_openings().iter().any(|opening| {
        let n = opening.len();
        if words.len() <= n
            || !words.iter().zip(opening).all(|(t, w)| t.span.slice(text).to_lowercase() == *w)
        {
            return false;
        }
        let after = Span::new(words[n - 1].span.end, words[n].span.start).slice(text);
        after.contains(':') || words[n].span.slice(text).chars().next().is_some_and(char::is_uppercase)
    })
}

fn prose(ctx: &Context, span: Span) -> Option<WordCount> {
    let text = ctx.text();
    let mut count = WordCount { words: 0, lower: 0, capitalised: 0 };
    for t in ctx.analysis.text.tokens_in(span).iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.span.slice(text);
        if w.contains("://") || w.contains('@') {
            continue;
        }
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        if !upper {
            count.lower += 1;
        } else if count.words > 0 {
            count.capitalised += 1;
        }
        count.words += 1;
    }
    (count.words > 0).then_some(count)
}
