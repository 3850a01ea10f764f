//! ## What it does
//! Flags a source sentence (or run of sentences, or an XLIFF/TMX unit) that has no counterpart
//! in the translation: the alignment pairs it with nothing, or joins it to its neighbour's
//! translation (a 2–1 or 3–1 pair) although that translation has the length of the neighbour
//! alone and falls far short of the pair's source (below `z = -4.5` in the length model of
//! X807).
//!
//! ## Why is this bad?
//! A dropped sentence changes what the article says without anyone noticing: a condition, a
//! figure, the other side's reply. Translators and machine translation both skip sentences,
//! most often short ones squeezed between long ones, or a last paragraph.
//!
//! ## Example
//! Source: `The minister resigned on Monday. Her deputy will take over until May. Elections
//! are planned for autumn.` Translation: `Die Ministerin trat am Montag zurück. Für den Herbst
//! sind Wahlen geplant.` The middle sentence is reported, with the source sentence as evidence.
//!
//! ## How to silence it
//! Translate the sentence, or, if the omission is deliberate (a cut for length), ignore the
//! rule for this text with `--ignore X809`. Sentences of fewer than three words, and bylines and
//! credits (`By Sarah Collins, Reuters`, `Photo: AP`, `Фото: ТАСС`; openings from
//! `src/lang/<lang>/lang_bylines.txt`), are never reported: dropping them is an editor's
//! choice, not a lost statement.

use super::{preview, Pair};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

/// Fewer words than this is a fragment (a byline, a photo credit), not worth a warning.
const MIN_WORDS: usize = 3;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let src_text = pair.source_doc.text.as_str();
    let pairs = &pair.alignment.pairs;
    let mut out = Vec::new();
    let mut k = 0;
    while k < pairs.len() {
        if !pairs[k].is_omission() {
            k += 1;
            continue;
        }
        // A run of omitted sentences is one finding.
        let first = k;
        while k < pairs.len() && pairs[k].is_omission() {
            k += 1;
        }
        let spans: Vec<_> = pairs[first..k].iter().filter_map(|p| p.source_span()).collect();
        let words: usize = spans.iter().map(|s| s.slice(src_text).split_whitespace().count()).sum();
        if words < MIN_WORDS || spans.iter().all(|s| is_byline(s.slice(src_text))) {
            continue;
        }
        let covered = spans[0].cover(*spans.last().unwrap());
        let what = if spans.len() == 1 { "source sentence" } else { "source sentences" };
        let message = format!(
            "{} missing from the translation: \"{}\"",
            if spans.len() == 1 { "A source sentence is" } else { "Source sentences are" },
            preview(covered.slice(src_text), 80)
        );
        out.push(Diagnostic::new(pair.target_anchor(first), message).with_evidence(Evidence::in_source(
            covered,
            format!("{what} with no counterpart in the translation"),
        )));
    }
    out.extend(dropped_inside_pairs(&pair));
    out
}

/// How far below the length a source leads to expect a translation may fall, in the units of
/// [`super::length_outlier`] (`z`), before a pair of two or three source sentences with one
/// sentence of translation is read as one of them translated and the rest left out.
/// Calibrated on NTREX (seed 2025): good translations the aligner reads 2–1 stay above it.
const SHORT_Z: f64 = -4.5;

/// How close to the length of one source sentence alone the translation must be for it to
/// be read as that sentence's translation.
const FITS_Z: f64 = 1.5;

/// A source sentence the alignment joined to its neighbour's translation (a 2–1 or 3–1
/// pair) when that translation has the length of the neighbour alone: the translation is far
/// shorter than the pair's source, and about as long as the sentence it translates.
fn dropped_inside_pairs(pair: &Pair) -> Vec<Diagnostic> {
    let src_text = pair.source_doc.text.as_str();
    let (c, _, _) = super::length_outlier::pair_band(pair);
    let chars = |s: &crate::span::Span| s.slice(src_text).chars().count() as f64;
    let z = |lt: f64, ls: f64| super::length_outlier::z(lt, ls, c);
    let mut out = Vec::new();
    for p in &pair.alignment.pairs {
        let (Some(t), 2..=3, 1) = (p.target_span(), p.source_spans.len(), p.target_spans.len()) else {
            continue;
        };
        let lt = p.target_chars as f64;
        let all: f64 = p.source_spans.iter().map(chars).sum();
        let z_all = z(lt, all);
        if z_all > SHORT_Z {
            continue;
        }
        // The sentence the translation fits best; the others are the ones left out.
        let Some((k, z_k)) = p
            .source_spans
            .iter()
            .enumerate()
            .map(|(k, s)| (k, z(lt, chars(s))))
            .min_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
        else {
            continue;
        };
        if z_k.abs() > FITS_Z {
            continue;
        }
        let left: Vec<_> =
            p.source_spans.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, s)| *s).collect();
        let words: usize = left.iter().map(|s| s.slice(src_text).split_whitespace().count()).sum();
        if words < MIN_WORDS || left.iter().all(|s| is_byline(s.slice(src_text))) {
            continue;
        }
        let covered = left[0].cover(*left.last().unwrap());
        out.push(
            Diagnostic::new(
                t,
                format!(
                    "A source sentence is missing from the translation: \"{}\"",
                    preview(covered.slice(src_text), 80)
                ),
            )
            .with_evidence(Evidence::in_source(
                covered,
                "source sentence with no counterpart in the translation (the translation here renders only its neighbour)",
            )),
        );
    }
    out
}

/// A short sentence that opens like a byline or a credit: an opening followed by a colon or a
/// capitalised word, then names rather than a clause (`By Sarah Collins`, `Foto: dpa`), not
/// `By Monday the river had risen…`.
pub(crate) fn is_byline(sentence: &str) -> bool {
    const MAX_WORDS: usize = 12;
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    crate::lang::byline_openings().iter().any(|opening| {
        let n = opening.len();
        if words.len() <= n {
            return false;
        }
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !words.iter().zip(opening).all(|(w, o)| bare(w) == *o) {
            return false;
        }
        // Names and agencies follow, not a clause: at most one lower-case word (`and`, `für`).
        let lower = words[n..].iter().filter(|w| w.starts_with(char::is_lowercase)).count();
        (words[n - 1].ends_with(':') || words[n].starts_with(char::is_uppercase)) && lower <= 1
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn bylines_and_credits() {
        for s in ["By Sarah Collins, Reuters", "Photo: John Smith/AP", "Фото: ТАСС", "Von Anna Berg, dpa"]
        {
            assert!(super::is_byline(s), "{s}");
        }
        for s in
            ["By Monday the river had risen by two metres.", "Photos of the flood spread quickly online."]
        {
            assert!(!super::is_byline(s), "{s}");
        }
    }
}
