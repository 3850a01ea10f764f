//! Cross-language rules (X8xx): the translation checked against its source, pair by pair of
//! the alignment (`analysis.alignment`). Every finding points into the translation and carries
//! the source span as evidence.

pub mod date_mismatch;
pub mod inconsistent_term;
pub mod length_outlier;
pub mod name_mismatch;
pub mod number_mismatch;
pub mod omitted_segment;
pub mod quote_count_mismatch;
pub mod quote_speaker_mismatch;
pub mod untranslated_in_target;

use crate::analysis::align::{AlignedPair, Alignment};
use crate::analysis::Analysis;
use crate::document::Document;
use crate::rules::Context;
use crate::span::Span;

/// What a bilingual rule works on: both documents, both analyses and the alignment.
pub(crate) struct Pair<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    pub source_doc: &'a Document,
    pub source: &'a Analysis,
    pub alignment: &'a Alignment,
}

impl<'a> Pair<'a> {
    pub fn of(ctx: &Context<'a>) -> Option<Self> {
        let (source_doc, source) = ctx.source()?;
        Some(Pair {
            doc: ctx.doc,
            analysis: ctx.analysis,
            source_doc,
            source,
            alignment: ctx.analysis.alignment.as_ref()?,
        })
    }

    /// The translation's language: as declared (`--lang`, metadata, XLIFF/TMX attributes),
    /// else as detected.
    pub fn target_lang(&self) -> &'a str {
        let l = &self.analysis.language;
        l.expected.as_deref().filter(|e| !e.is_empty()).unwrap_or(&l.document.code)
    }

    /// The source's language, likewise.
    pub fn source_lang(&self) -> &'a str {
        let l = &self.source.language;
        l.expected.as_deref().filter(|e| !e.is_empty()).unwrap_or(&l.document.code)
    }

    /// Where a finding about pair `k` goes in the translation: its own target span, else the
    /// target of the nearest earlier pair (the omission comes after it), else of the next one.
    pub fn target_anchor(&self, k: usize) -> Span {
        let pairs = &self.alignment.pairs;
        if let Some(s) = pairs[k].target_span() {
            return s;
        }
        if let Some(s) = pairs[..k].iter().rev().find_map(AlignedPair::target_span) {
            return s;
        }
        if let Some(s) = pairs[k + 1..].iter().find_map(AlignedPair::target_span) {
            return s;
        }
        let at = self.doc.body_start.min(self.doc.text.len());
        Span::new(at, at)
    }
}

/// A short, one-line quotation of `text` for messages.
pub(crate) fn preview(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let cut: String = flat.chars().take(max_chars).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A capitalised word that may be a name, with its name key.
#[derive(Clone, Debug)]
pub(crate) struct NameToken {
    pub span: Span,
    pub key: String,
    /// Whether the word starts its sentence (where any word is capitalised).
    pub initial: bool,
}

/// Capitalised words of four letters or more inside `within`: candidates for names. Words in
/// capitals throughout (acronyms) are left out.
pub(crate) fn name_tokens(analysis: &Analysis, text: &str, within: Span) -> Vec<NameToken> {
    let model = &analysis.text;
    let mut out = Vec::new();
    for t in model.tokens_in(within) {
        if t.kind != crate::text::TokenKind::Word {
            continue;
        }
        let w = t.span.slice(text);
        let mut chars = w.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_uppercase() || w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
            continue;
        }
        let initial = model.sentence_at(t.span.start).and_then(|i| model.sentences.get(i)).is_some_and(|s| {
            let before = &text[s.span.start..t.span.start];
            !before.chars().any(char::is_alphanumeric)
        });
        out.push(NameToken { span: t.span, key: crate::translit::name_key(w), initial });
    }
    out
}

/// Whether two name keys are one name: equal, or differing only by a grammatical ending when
/// `inflected` (Slavic case endings: `Зеленского` for `Zelensky`; a German or English
/// genitive `s`).
pub(crate) fn same_name(a: &str, b: &str, inflected: bool) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.strip_suffix('s') == Some(short) {
        return true;
    }
    if !inflected || short.len() < 4 {
        return false;
    }
    let common = short.bytes().zip(long.bytes()).take_while(|(x, y)| x == y).count();
    // An ending replaces at most the last letter of the base form and adds up to three.
    common + 1 >= short.len() && long.len() - common <= 3 && common >= 4
}

/// Languages whose nouns (and names) take case endings.
pub(crate) fn inflecting(lang: &str) -> bool {
    matches!(lang, "ru" | "uk" | "be" | "pl" | "cs" | "sk" | "sr" | "hr" | "bg" | "und")
}

/// Pairs `k-w..=k+w`, covered, on the target (`true`) or source side.
pub(crate) fn window(pairs: &[AlignedPair], k: usize, w: usize, target: bool) -> Option<Span> {
    let lo = k.saturating_sub(w);
    let hi = (k + w + 1).min(pairs.len());
    pairs[lo..hi]
        .iter()
        .filter_map(|p| if target { p.target_span() } else { p.source_span() })
        .reduce(|a, b| a.cover(b))
}

/// Whether a name key is a person the analysis' register of people knows (by any word of the
/// person's name), not a place or an organisation.
pub(crate) fn is_person(analysis: &Analysis, key: &str, inflected: bool) -> bool {
    analysis.people.people.iter().any(|p| {
        p.name.split_whitespace().map(crate::translit::name_key).any(|k| same_name(&k, key, inflected))
    })
}
