//! ## What it does
//! Flags a quotation that one side has and the other lacks altogether: a long quotation of the
//! source whose content is missing from the translation's passage, or a quotation in the
//! translation that has no counterpart in the source passage (neither quoted nor paraphrased).
//! "Content missing" is read from the aligned passage's length: what is left of the
//! translation's passage must account for the quotation (at the text's own length ratio).
//!
//! ## Why is this bad?
//! A dropped quotation silently removes a person's statement from the story; an added one puts
//! words in someone's mouth that the source never printed.
//!
//! ## Example
//! Source: `The mayor spoke to residents on Monday. "We will rebuild the bridge by May, and
//! every family that lost a home will be housed before winter," she said.` Translation: `Le
//! maire s'est adressé aux habitants lundi.` is reported, with the source quotation as
//! evidence.
//!
//! ## How to silence it
//! Translate the quotation. A quotation rendered as indirect speech (`She said the bridge would
//! be rebuilt by May`) or an indirect statement rendered as a quotation is a legitimate choice
//! and is not reported, nor are quotations under eight words (terms in scare quotes, titles),
//! nor passages where the alignment put the quotation one passage off.

use super::{preview, window, Pair};
use crate::analysis::Quote;
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

/// A quotation shorter than this is a term in scare quotes, a title or a slogan.
const MIN_WORDS: usize = 8;

/// Share of a quotation's length that must be missing from the other side's passage.
const MISSING: f64 = 0.5;

fn statements<'a>(quotes: &'a [Quote], text: &'a str, within: Span) -> impl Iterator<Item = &'a Quote> + 'a {
    quotes.iter().filter(move |q| {
        within.contains(q.span) && q.span.slice(text).split_whitespace().count() >= MIN_WORDS
    })
}

fn chars(text: &str, s: Span) -> f64 {
    s.slice(text).chars().filter(|c| !c.is_whitespace()).count() as f64
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let (tq, sq) = (&pair.analysis.quotes.quotes, &pair.source.quotes.quotes);
    let pairs = &pair.alignment.pairs;
    let (all_s, all_t) = pairs.iter().fold((0.0, 0.0), |(a, b), p| {
        (
            a + p.source_span().map_or(0.0, |s| chars(src_text, s)),
            b + p.target_span().map_or(0.0, |t| chars(text, t)),
        )
    });
    let mut out = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        // A translation passage with no source at all (the alignment's 0–1) that quotes someone.
        if let (None, Some(t)) = (p.source_span(), p.target_span()) {
            let wider = window(pairs, k, 1, false);
            if wider.is_none_or(|w| !sq.iter().any(|q| w.contains(q.span))) {
                if let Some(q) = statements(tq, text, t).max_by_key(|q| q.span.len()) {
                    out.push(
                        Diagnostic::new(
                            q.span,
                            "Quotation not in the source: the source has nothing this passage translates",
                        )
                        .with_evidence(Evidence::in_source(
                            wider.unwrap_or(Span::new(0, 0)),
                            "the source around this passage",
                        )),
                    );
                }
            }
            continue;
        }
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        // The text's length ratio without this passage.
        let (ps, pt) = (chars(src_text, s), chars(text, t));
        let ratio = if all_s - ps > 200.0 { (all_t - pt) / (all_s - ps) } else { pair.alignment.ratio };
        let ratio = ratio.clamp(0.3, 3.0);
        // Neighbouring pairs absorb quotations the alignment put one pair off.
        let around = |side: fn(&crate::analysis::align::AlignedPair) -> Option<Span>| {
            let lo = k.saturating_sub(1);
            let hi = (k + 2).min(pairs.len());
            pairs[lo..hi].iter().filter_map(side).reduce(|a, b| a.cover(b))
        };
        let (sw, tw) = (around(|p| p.source_span()).unwrap_or(s), around(|p| p.target_span()).unwrap_or(t));
        let quoted_there = |quotes: &[Quote], within: Span| quotes.iter().any(|q| within.contains(q.span));
        // A source quotation the translation's passage has no room for.
        if !quoted_there(tq, tw) {
            if let Some(q) = statements(sq, src_text, s).max_by_key(|q| q.span.len()) {
                let (sl, tl, ql) = (chars(src_text, s), chars(text, t), chars(src_text, q.span));
                if tl < ratio * (sl - MISSING * ql) {
                    out.push(
                        Diagnostic::new(
                            t,
                            "The source quotes someone here; the translation has neither the quotation nor its content",
                        )
                        .with_evidence(Evidence::in_source(
                            q.span,
                            format!("quoted in the source: \"{}\"", preview(q.span.slice(src_text), 60)),
                        )),
                    );
                }
            }
        }
        // A translation quotation the source passage has no room for.
        if !quoted_there(sq, sw) {
            if let Some(q) = statements(tq, text, t).max_by_key(|q| q.span.len()) {
                let (sl, tl, ql) = (chars(src_text, s), chars(text, t), chars(text, q.span));
                if ratio * sl < tl - MISSING * ql {
                    out.push(
                        Diagnostic::new(
                            q.span,
                            "Quotation not in the source: the source passage has nothing it translates",
                        )
                        .with_evidence(Evidence::in_source(s, "the source passage")),
                    );
                }
            }
        }
    }
    out
}
