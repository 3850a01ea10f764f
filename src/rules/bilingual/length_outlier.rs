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
//! are never reported. The bands per language pair are data
//! (`src/lang/<source>/length_ratios.txt`: target language, median ratio, lowest and highest
//! accepted ratio relative to the median), calibrated on the NTREX-128 news corpus.

use super::{preview, Pair};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

/// Sources shorter than this vary too much in length to judge.
const MIN_SOURCE_CHARS: usize = 40;

/// `(median, low, high)` for a language pair, from `src/lang/<src>/length_ratios.txt`.
fn band(src: &str, tgt: &str) -> Option<(f64, f64, f64)> {
    crate::lang::records(src, "length_ratios.txt").find(|r| r.first() == Some(&tgt)).and_then(|r| {
        let v: Vec<f64> = r.iter().skip(1).filter_map(|x| x.parse().ok()).collect();
        (v.len() == 3).then(|| (v[0], v[1], v[2]))
    })
}

/// Used for language pairs without calibration, around the text's own ratio.
const DEFAULT_BAND: (f64, f64) = (0.5, 2.0);

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let (median, low, high) = band(pair.source_lang(), pair.target_lang()).unwrap_or((
        pair.alignment.ratio.max(0.1),
        DEFAULT_BAND.0,
        DEFAULT_BAND.1,
    ));
    let src_text = pair.source_doc.text.as_str();
    let mut out = Vec::new();
    for p in &pair.alignment.pairs {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        if p.source_chars < MIN_SOURCE_CHARS || p.target_chars == 0 {
            continue;
        }
        let r = p.target_chars as f64 / p.source_chars as f64 / median;
        let message = if r < low {
            format!(
                "Translation is {:.0}% of the length its source would lead to expect (possible omission)",
                r * 100.0
            )
        } else if r > high {
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
