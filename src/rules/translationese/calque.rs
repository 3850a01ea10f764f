//! ## What it does
//! Flags literal, word-for-word translations of source-language idioms: `on the fields of
//! the summit` (Russian «на полях саммита», meaning *on the sidelines of*), `gave the good`
//! («дали добро», *approved*), `put it into the room` (German «in den Raum stellen», *floated
//! the idea*), `make the point on` (French «faire le point sur», *take stock of*), `without
//! embargo` (Spanish «sin embargo», *however*).
//!
//! The lexicons are data files, one per source→target pair:
//! `src/lang/<target>/calques_<source>.txt` (Russian, German, French and Spanish into
//! English). Each entry gives the pattern, the source idiom, what it means, an idiomatic
//! rendering, and sentences that must and must not match; the test suite runs them all.
//! The source language is taken from `--source-lang`, the document's metadata or its
//! source document; when none is known, every lexicon of the text's language is tried.
//!
//! ## Why is this bad?
//! A calque reads as nonsense or as a different idiom to a native reader, and it tells them
//! at once that the text is a careless translation.
//!
//! ## Example
//! ```text
//! Lavrov met his Turkish counterpart on the fields of the G20 summit.
//! ```
//! Use instead:
//! ```text
//! Lavrov met his Turkish counterpart on the sidelines of the G20 summit.
//! ```
//!
//! ## How to silence it
//! Rephrase, or pass `--ignore T701`. A wrong entry can be fixed in the lexicon file; every
//! entry carries a `silent:` example, so add the sentence that misfired there.

use super::lexicon::{self, Lexicon};
use super::words::Words;
use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let lexicons = lexicons_for(ctx.lang());
    if lexicons.is_empty() {
        return Vec::new();
    }
    let source = source_lang(ctx);
    let text = ctx.text();
    let words = Words::new(text, &ctx.analysis.text);
    let mut out = Vec::new();
    for lex in lexicons {
        for hit in lex.find(&words, |s| source.as_deref().is_none_or(|l| l == s)) {
            let e = hit.entry;
            let message = format!(
                "'{}' looks like a word-for-word translation of {} «{}», which means '{}'",
                hit.span.slice(text),
                language_name(&e.source_lang),
                e.source,
                e.means
            );
            out.push(Diagnostic::new(hit.span, message).with_suggestion(hit.suggestion(text)));
        }
    }
    out
}

/// The lexicons that apply to a text in `lang`: its own, or every one while the language is
/// undetermined (a lexicon's phrases cannot match text in another language anyway).
fn lexicons_for(lang: &str) -> Vec<&'static Lexicon> {
    match lexicon::lexicon(lang) {
        Some(l) => vec![l],
        None if lang == "und" || lang.is_empty() => lexicon::lexicons().iter().collect(),
        None => Vec::new(),
    }
}

/// The source language when something says what it is: the command line, the document's
/// metadata, or the detected language of its source document.
fn source_lang(ctx: &Context) -> Option<String> {
    let known = |l: &str| !l.is_empty() && l != "und";
    ctx.settings
        .source_lang
        .clone()
        .filter(|l| known(l))
        .or_else(|| ctx.doc.meta.source_lang.clone().filter(|l| known(l)))
        .or_else(|| ctx.source().map(|(_, a)| a.language.document.code.clone()).filter(|l| known(l)))
        .map(|l| l.to_ascii_lowercase())
}

fn language_name(code: &str) -> &str {
    match code {
        "ru" => "Russian",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "uk" => "Ukrainian",
        "it" => "Italian",
        "pt" => "Portuguese",
        "pl" => "Polish",
        "en" => "English",
        other => other,
    }
}
