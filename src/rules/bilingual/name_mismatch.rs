//! ## What it does
//! Flags a person or place the source names that the translation names differently (a letter
//! changed, a different name) or leaves out altogether. Names are compared across scripts and
//! spellings: Cyrillic is transliterated (BGN/PCGN, ISO 9 and the common press forms, so
//! `Зеленский` matches Zelensky, Zelenskiy and Zelenskyy, `Алексей` matches Aleksei, Alexei and
//! Alexey), diacritics are folded (`Łódź` = `Lodz`), and case endings are allowed for
//! languages that decline names (`Зеленского`).
//!
//! ## Why is this bad?
//! A misspelt name is a correction waiting to happen, and a changed one can put a statement in
//! the wrong person's mouth or an event in the wrong town. Names are also what machine
//! translation most often mangles (`Kyiv` translated as a word, a surname declined twice).
//!
//! ## Example
//! Source: `Министр Сергей Лавров встретился с коллегами в Женеве.` Translation: `Minister
//! Sergei Lovrov met his counterparts in Geneva.` is reported at `Lovrov`: the source says
//! Лавров (Lavrov).
//!
//! ## How to silence it
//! Use the source's name, in a standard transliteration. Exonyms that look nothing alike
//! (`Germany` for `Deutschland`) are not reported; a name rendered by a near-spelling that is
//! really a different town may be, and can be ignored with `--ignore X803`.

use super::{inflecting, is_person, name_tokens, same_name, NameToken, Pair};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

/// Whether a target word's key is the source name's key altered: one edit away, or two for
/// long surnames. Given names are held to one edit, since their national forms differ by two
/// or more (`Vladimir`/`Volodymyr`, `Aleksei`/`Oleksii`), as do many exonyms
/// (`Kraków`/`Cracovia`).
fn altered(source: &str, target: &str, given_name: bool) -> bool {
    // Letters added at the end are an ending or an exonym (`Krakow`/`Cracovia`), not a slip.
    if target.starts_with(source) || source.starts_with(target) {
        return false;
    }
    let d = strsim::levenshtein(source, target);
    d == 1 || (d == 2 && !given_name && source.chars().count() >= 9)
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let (sl, tl) = (pair.source_lang(), pair.target_lang());
    // German capitalises every noun: its capitalised words are not names by that sign alone.
    if sl == "de" {
        return Vec::new();
    }
    let inflected = inflecting(tl) || inflecting(sl);
    let pairs = &pair.alignment.pairs;
    // Names the source uses more than once, or not at a sentence start, are names.
    let body =
        |d: &crate::document::Document| crate::span::Span::new(d.body_start.min(d.text.len()), d.text.len());
    let src_all = name_tokens(pair.source, src_text, body(pair.source_doc));
    // Only people the source's register knows: place names have exonyms one letter apart
    // (`Wales`/`Gales`, `Greece`/`Grecia`) that are not errors.
    let is_name = |t: &NameToken| {
        (!t.initial || src_all.iter().any(|o| o.key == t.key && !o.initial))
            && is_person(pair.source, &t.key, inflected)
    };
    let mut out = Vec::new();
    let mut reported = Vec::new();
    for p in pairs {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        let tgt_here = name_tokens(pair.analysis, text, t);
        let matched_here = |sn: &NameToken| tgt_here.iter().any(|tn| same_name(&sn.key, &tn.key, inflected));
        let src_here = name_tokens(pair.source, src_text, s);
        for sn in src_here.iter().filter(|n| is_name(n)) {
            if matched_here(sn) {
                continue;
            }
            // The closest capitalised word of the pair, if it is close: the name altered.
            let closest = tgt_here
                .iter()
                .filter(|tn| !reported.contains(&tn.span))
                // A word that renders another source name of the pair is not this one altered.
                .filter(|tn| {
                    !src_here.iter().any(|o| o.key != sn.key && same_name(&o.key, &tn.key, inflected))
                })
                .map(|tn| (tn, strsim::normalized_levenshtein(&sn.key, &tn.key)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            // A capitalised word right after this one in the source makes this a given name.
            let given_name = src_here
                .iter()
                .any(|o| o.span.start > sn.span.end && src_text[sn.span.end..o.span.start].trim().is_empty());
            if let Some((tn, _)) = closest {
                // A near-spelling in the very pair is the name altered, even if the right
                // spelling appears a pair away.
                if altered(&sn.key, &tn.key, given_name) && sn.key.len() >= 4 {
                    reported.push(tn.span);
                    out.push(
                        Diagnostic::new(
                            tn.span,
                            format!(
                                "Name '{}' does not match the source's '{}'",
                                tn.span.slice(text),
                                sn.span.slice(src_text)
                            ),
                        )
                        .with_evidence(Evidence::in_source(sn.span, "the name in the source")),
                    );
                }
            }
        }
    }
    out
}
