//! ## What it does
//! Flags a name of the source that the translation spells in two different ways: the source
//! always writes `Шойгу`, the translation has `Shoigu` in one paragraph and `Shoygu` in
//! another. The first spelling (the one most used) is taken as the text's choice; every other
//! spelling is reported.
//!
//! ## Why is this bad?
//! Readers take two spellings for two people. House style picks one transliteration, and a
//! translation assembled from several tools or translators mixes them.
//!
//! ## Example
//! Source: `Песков заявил… Позже Песков добавил…` Translation: `Peskov said… Later Pieskov
//! added…` is reported at `Pieskov`, with `Peskov` (the spelling used first) as evidence.
//!
//! ## How to silence it
//! Use one spelling throughout. Grammatical case endings (`Зеленский`, `Зеленского`) and the
//! possessive (`Zelensky's`) are not different spellings.

use std::collections::BTreeMap;

use super::{inflecting, is_person, name_tokens, window, Pair};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

/// Case endings of Slavic names (Russian, Ukrainian, Belarusian), longest first, removed
/// before spellings are compared.
const ENDINGS: &[&str] = &[
    "ого", "ому", "ага", "аму", "ими", "ым", "им", "ом", "ой", "ай", "яй", "ую", "ий", "ый", "ая", "ей",
    "ью", "а", "у", "е", "ы", "я", "ю", "ь", "й", "о", "і",
];

/// The spelling of a rendering with case and possessive endings set aside.
fn spelling(word: &str, inflected: bool) -> String {
    let mut w = word.trim_end_matches(['\'', '’']).to_string();
    for suf in ["'s", "’s"] {
        if let Some(rest) = w.strip_suffix(suf) {
            w = rest.to_string();
        }
    }
    let lower = w.to_lowercase();
    if inflected && lower.chars().count() > 4 {
        for e in ENDINGS {
            if let Some(stem) = lower.strip_suffix(e) {
                if stem.chars().count() >= 3 {
                    return stem.to_string();
                }
            }
        }
    }
    lower
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let lang = pair.target_lang();
    let inflected = inflecting(lang);
    let loose = inflected || inflecting(pair.source_lang());
    let pairs = &pair.alignment.pairs;
    // The translation's script: names in the other one are originals given beside it.
    let target_cyrillic = crate::names::is_cyrillic(text);
    // Source name key -> renderings in the translation: (spelling, span), in text order.
    let mut renderings: BTreeMap<String, (Span, Vec<(String, Span)>)> = BTreeMap::new();
    // The translation's capitalised words in its script, with their name forms and the name
    // keys of the nominatives they can be declined from, read once.
    let body = Span::new(pair.doc.body_start.min(text.len()), text.len());
    let words: Vec<(Span, Vec<String>, Vec<String>)> = name_tokens(pair.analysis, text, body)
        .into_iter()
        .filter(|tn| crate::names::is_cyrillic(tn.span.slice(text)) == target_cyrillic)
        .map(|tn| {
            let w = tn.span.slice(text);
            (tn.span, crate::translit::name_forms(w), crate::translit::nominative_keys(w, lang))
        })
        .collect();
    for (k, p) in pairs.iter().enumerate() {
        let Some(s) = p.source_span() else { continue };
        let Some(w) = window(pairs, k, 1, true) else { continue };
        let targets: Vec<&(Span, Vec<String>, Vec<String>)> =
            words.iter().filter(|t| w.contains(t.0)).collect();
        for sn in name_tokens(pair.source, src_text, s)
            .into_iter()
            .filter(|n| is_person(pair.source, &n.key, loose))
        {
            let entry = renderings.entry(sn.key.clone()).or_insert((sn.span, Vec::new()));
            let src_forms = crate::translit::name_forms(sn.span.slice(src_text));
            // A rendering: the name's key, case endings aside (not a derived word: `Korea`
            // is not `Korean`), in the translation's script (a Latin original given beside a
            // Cyrillic rendering is not a second spelling).
            for (span, _, _) in targets.iter().copied().filter(|(_, forms, nominatives)| {
                crate::translit::same_name_forms(&src_forms, forms)
                    || nominatives.iter().any(|n| src_forms.contains(n))
            }) {
                if !entry.1.iter().any(|(_, sp)| sp == span) {
                    entry.1.push((spelling(span.slice(text), inflected), *span));
                }
            }
        }
    }
    let source_words: std::collections::BTreeSet<String> = name_tokens(
        pair.source,
        src_text,
        Span::new(pair.source_doc.body_start.min(src_text.len()), src_text.len()),
    )
    .iter()
    .map(|t| spelling(t.span.slice(src_text), inflected))
    .collect();
    let mut out = Vec::new();
    let mut reported = Vec::new();
    for (src_span, found) in renderings.values() {
        let mut counts: BTreeMap<&str, (usize, Span)> = BTreeMap::new();
        for (sp, span) in found {
            let e = counts.entry(sp.as_str()).or_insert((0, *span));
            e.0 += 1;
            e.1 = e.1.min(*span);
        }
        if counts.len() < 2 {
            continue;
        }
        // The text's choice: the most used spelling, the earliest on a tie.
        let (choice, (_, choice_span)) =
            counts.iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.start.cmp(&a.1 .1.start))).unwrap();
        for (sp, span) in found {
            if sp == choice || reported.contains(span) {
                continue;
            }
            // `Shoigu` / `Shoigus` (a genitive) is one spelling; so are `Кореи` / `Корея`.
            if sp.strip_suffix('s') == Some(choice) || choice.strip_suffix('s') == Some(sp.as_str()) {
                continue;
            }
            // The source's own spelling, kept (`Hurricane Rosa` beside `Hurrikan`), or one of
            // two names the source spells alike (`Kim Jong Un`, `Ri Yong Ho`).
            if source_words.contains(sp) {
                continue;
            }
            // One word declined from the other (`Trumpa`, `Trumpem`: Trump), in a language
            // that declines names in Latin script.
            let stems = |sp: &str, at: Span| {
                let mut v = crate::translit::declined_stems(sp);
                v.push(at.slice(text).trim_end_matches(['\'', '’']).to_lowercase());
                v.extend(crate::translit::nominatives(at.slice(text), lang));
                v
            };
            let (a, b) = (stems(sp, *span), stems(choice, *choice_span));
            if a.iter().any(|x| b.contains(x)) {
                continue;
            }
            reported.push(*span);
            out.push(
                Diagnostic::new(
                    *span,
                    format!(
                        "'{}' is spelled '{}' elsewhere in this translation",
                        span.slice(text),
                        choice_span.slice(text)
                    ),
                )
                .with_evidence(Evidence::here(*choice_span, "the spelling used elsewhere"))
                .with_evidence(Evidence::in_source(*src_span, "the one name in the source")),
            );
        }
    }
    out.sort_by_key(|d| d.span);
    out
}
