//! ## What it does
//! Flags a sentence of the translation that was not translated: copied unchanged (or nearly)
//! from its source, or still written in the source's language.
//!
//! ## Why is this bad?
//! Translation tools and hurried editors leave segments in the original language: a quote
//! pasted from the wire, a paragraph the machine translation skipped. Readers of the
//! translation cannot read it, and it shows the text was not reviewed.
//!
//! ## Example
//! Source (en): `"We will not back down," the mayor said.` Translation (de): `"We will not back
//! down," the mayor said.` is reported, with the source sentence as evidence; so is an English
//! sentence in the middle of a Russian translation of an English article.
//!
//! ## How to silence it
//! Translate the sentence. Segments that legitimately stay as they are (names, titles of
//! works, code) are left alone when they have fewer than three words or no lower-case word; in
//! XLIFF, mark such units `translate="no"`.

use super::{preview, Pair};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let (src_lang, tgt_lang) = (pair.source_lang(), pair.target_lang());
    if src_lang == tgt_lang && src_lang != "und" {
        return Vec::new();
    }
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let src_script = dominant_script(&src_text[pair.source_doc.body_start.min(src_text.len())..]);
    let tgt_script = dominant_script(&text[pair.doc.body_start.min(text.len())..]);
    let sentences = &pair.analysis.text.sentences;
    let mut out = Vec::new();
    for p in &pair.alignment.pairs {
        let Some(src_span) = p.source_span() else { continue };
        for ti in p.target.clone() {
            let Some(sentence) = sentences.get(ti) else { continue };
            let t = sentence.span.slice(text);
            if !worth_translating(t) {
                continue;
            }
            // Copied: equal to one of the pair's source sentences, or to the whole source side.
            let copied = p
                .source_spans
                .iter()
                .copied()
                .chain(std::iter::once(src_span))
                .chain(p.source.clone().filter_map(|si| pair.source.text.sentences.get(si).map(|s| s.span)))
                .find(|s| same_text(s.slice(src_text), t));
            // A passage the source itself quotes in a third language (a French saying in an
            // English article) stays as it is.
            let foreign_in_source = |s: Span| {
                pair.source
                    .text
                    .sentence_at(s.start)
                    .and_then(|i| pair.source.language.sentences.get(i))
                    .is_some_and(|g| {
                        !g.is_und() && src_lang != "und" && g.code != src_lang && g.confidence >= 0.5
                    })
            };
            if let Some(s) = copied.filter(|s| !foreign_in_source(*s)) {
                out.push(finding(sentence.span, "copied unchanged from the source", s, src_text));
                continue;
            }
            let guess = pair.analysis.language.sentences.get(ti);
            let detected = guess.is_some_and(|g| {
                !g.is_und()
                    && g.code == src_lang
                    && g.code != tgt_lang
                    && tgt_lang != "und"
                    && g.confidence >= 0.6
            });
            let wrong_script = src_script != tgt_script
                && src_script != Script::Other
                && dominant_script(t) == src_script
                && t.split_whitespace().count() >= 4;
            // Still in the source language *and* made of the aligned source's words: names and
            // titles of works left in the original do not make a sentence untranslated.
            if (detected || wrong_script) && overlap(t, src_span.slice(src_text)) >= 0.5 {
                let lang = if src_lang == "und" {
                    "the source's language".to_string()
                } else {
                    format!("'{src_lang}', the source's language")
                };
                out.push(finding(sentence.span, &format!("still in {lang}"), src_span, src_text));
            }
        }
    }
    out
}

fn finding(span: Span, how: &str, source: Span, src_text: &str) -> Diagnostic {
    Diagnostic::new(span, format!("Sentence left untranslated: {how}")).with_evidence(Evidence::in_source(
        source,
        format!("source: \"{}\"", preview(source.slice(src_text), 60)),
    ))
}

/// Share of the words of `t` found in `source`.
fn overlap(t: &str, source: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let src: std::collections::HashSet<String> = words(source).into_iter().collect();
    let tw = words(t);
    if tw.is_empty() {
        return 0.0;
    }
    tw.iter().filter(|w| src.contains(*w)).count() as f64 / tw.len() as f64
}

/// Three words or more, one of them in lower case: not a bare name, acronym or number.
fn worth_translating(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let distinct: std::collections::HashSet<String> = words.iter().map(|w| w.to_lowercase()).collect();
    distinct.len() >= 3
        && words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count() >= 1
}

/// Equal once case, spacing and punctuation are set aside.
fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    let (na, nb) = (norm(a), norm(b));
    if na.is_empty() {
        return false;
    }
    if na == nb {
        return true;
    }
    // Nearly equal: an edit or two. Edit distance is quadratic, so only for sentences of about
    // the same length whose words are nearly all the source's.
    let (la, lb) = (na.chars().count(), nb.chars().count());
    if lb < 30 || la.abs_diff(lb) * 10 > lb {
        return false;
    }
    let source_words: std::collections::HashSet<String> =
        a.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    let shared = words.iter().filter(|w| source_words.contains(*w)).count();
    shared * 10 >= words.len() * 8 && strsim::normalized_levenshtein(&na, &nb) >= 0.92
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Other,
}

/// The script most letters of `s` are written in.
fn dominant_script(s: &str) -> Script {
    let (mut latin, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => latin += 1,
            '\u{400}'..='\u{52F}' => cyrillic += 1,
            _ => other += 1,
        }
    }
    if latin > 2 * (cyrillic + other) {
        Script::Latin
    } else if cyrillic > 2 * (latin + other) {
        Script::Cyrillic
    } else {
        Script::Other
    }
}
