//! ## What it does
//! Flags an aligned pair whose translation is much shorter or much longer than its source,
//! beyond the length ratio that good human translations of that language pair keep.
//!
//! ## Why is this bad?
//! A translation half as long as its source has usually lost a clause, a figure or a
//! condition; one twice as long may carry an addition or a duplicated passage. It is a hint,
//! not proof, so the rule reports it as information for a reviewer to look at.
//!
//! ## Example
//! Source: `Prices rose by 4.2% in March, the highest rise since 2008, driven by energy and
//! food.` Translation: `Les prix ont augmenté en mars.` is reported: the translation is about
//! a third of the length expected.
//!
//! ## How to silence it
//! Usually nothing to do once the pair has been read. Pairs with a source under 40 characters
//! are never reported.
//!
//! The bands are data, calibrated per language pair on the NTREX-128 news corpus by
//! `cargo run --release --example length_bands -- --write`: `src/lang/<source>/length_ratios.txt`
//! gives, per target language, the median ratio `c` of translation to source characters and
//! the lowest and highest accepted `z = (target / c - source) / √source`, so that short
//! sentences may vary more, relatively, than long ones. A pair without data uses the file's
//! `*` line around the text's own ratio, or, for a source language without a file, a band as
//! wide as the widest calibrated one.

use super::{preview, Pair};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

/// Sources shorter than this vary too much in length to judge.
const MIN_SOURCE_CHARS: usize = 40;

/// The band for a source language without data: about the widest of the calibrated ones.
const FALLBACK_Z: (f64, f64) = (-8.6, 13.1);

/// `(c, lowest z, highest z)` for a language pair, from `src/lang/<src>/length_ratios.txt`;
/// `c` is `None` for the `*` line (any other target language).
fn band(src: &str, tgt: &str) -> Option<(Option<f64>, f64, f64)> {
    let parse = |r: &[&str]| -> Option<(Option<f64>, f64, f64)> {
        let v: Vec<f64> = r.iter().skip(1).filter_map(|x| x.parse().ok()).collect();
        (v.len() == 3 && v[1] < 0.0 && v[2] > 0.0)
            .then(|| ((r[0] != "*" && v[0] > 0.0).then_some(v[0]), v[1], v[2]))
    };
    let rows: Vec<Vec<&str>> = crate::lang::records(src, "length_ratios.txt").collect();
    rows.iter()
        .find(|r| r.first() == Some(&tgt))
        .and_then(|r| parse(r))
        .or_else(|| rows.iter().find(|r| r.first() == Some(&"*")).and_then(|r| parse(r)))
}

/// The pair's band: the ratio `c` of translation to source characters (the calibrated one,
/// or the text's own) and the lowest and highest accepted `z`.
pub(super) fn pair_band(pair: &Pair) -> (f64, f64, f64) {
    let (c, low, high) =
        band(pair.source_lang(), pair.target_lang()).unwrap_or((None, FALLBACK_Z.0, FALLBACK_Z.1));
    (c.unwrap_or(pair.alignment.ratio).max(0.1), low, high)
}

/// How far a translation of `lt` characters is from the length a source of `ls` characters
/// leads to expect at ratio `c`, in square roots of the source's length.
pub(super) fn z(lt: f64, ls: f64, c: f64) -> f64 {
    (lt / c - ls) / ls.max(1.0).sqrt()
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let (c, low, high) = pair_band(&pair);
    let src_text = pair.source_doc.text.as_str();
    let mut out = Vec::new();
    for p in &pair.alignment.pairs {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        if p.source_chars < MIN_SOURCE_CHARS || p.target_chars == 0 {
            continue;
        }
        let (ls, lt) = (p.source_chars as f64, p.target_chars as f64);
        let z = z(lt, ls, c);
        let r = lt / (c * ls);
        let message = if z < low {
            format!(
                "Translation is {:.0}% of the length its source would lead to expect (possible omission)",
                r * 100.0
            )
        } else if z > high {
            format!(
                "Translation is {r:.1} times the length its source would lead to expect (possible addition)"
            )
        } else {
            continue;
        };
        out.push(Diagnostic::new(t, message).with_evidence(Evidence::in_source(
            s,
            format!("source: \"{}\"", preview(s.slice(src_text), 60)),
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::band;

    #[test]
    fn calibrated_bands_and_fallbacks() {
        let (c, lo, hi) = band("en", "de").expect("en->de is calibrated");
        let c = c.expect("a calibrated pair has its own ratio");
        assert!((1.0..1.4).contains(&c), "German runs longer than English: {c}");
        assert!(lo < 0.0 && hi > 0.0);
        let (c, lo, hi) = band("ru", "en").unwrap();
        assert!(c.unwrap() < 1.0 && lo < 0.0 && hi > 0.0);
        // A target without data: the `*` line, around the text's own ratio.
        let (c, lo, hi) = band("en", "xx").expect("the `*` line");
        assert!(c.is_none() && lo < 0.0 && hi > 0.0);
        // A source without a file: the rule's fallback.
        assert!(band("xx", "en").is_none());
    }
}
