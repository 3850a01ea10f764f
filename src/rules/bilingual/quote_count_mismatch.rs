//! ## What it does
//! Flags an aligned passage where one side quotes someone and the other does not: a quotation
//! of the source that lost its quote marks (or disappeared) in the translation, or a quotation
//! in the translation that the source does not have.
//!
//! ## Why is this bad?
//! Quote marks say "these are the speaker's own words". Dropping them turns a statement into
//! the paper's own claim; adding them puts words in someone's mouth. Either way the attribution
//! the reader sees is not the source's.
//!
//! ## Example
//! Source: `"We will rebuild the bridge by May," the mayor said.` Translation: `Le maire a
//! déclaré qu'il reconstruirait le pont.` is reported: the source quotes, the translation
//! paraphrases, at the translation's sentence, with the source quotation as evidence.
//!
//! ## How to silence it
//! Keep the quotation a quotation (and a paraphrase a paraphrase). If reported speech is the
//! house style of the translation, ignore the rule with `--ignore X805`. Only quotations of
//! four words or more credited to a person count, so scare quotes around a single term are never compared.

use super::{preview, Pair};
use crate::analysis::Quote;
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

/// A quotation shorter than this is a term in scare quotes or a title, not a statement.
const MIN_WORDS: usize = 4;

fn statements<'a>(quotes: &'a [Quote], text: &'a str, within: Span) -> impl Iterator<Item = &'a Quote> + 'a {
    quotes.iter().filter(move |q| {
        within.contains(q.span) && q.span.slice(text).split_whitespace().count() >= MIN_WORDS
    })
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let (tq, sq) = (&pair.analysis.quotes.quotes, &pair.source.quotes.quotes);
    let pairs = &pair.alignment.pairs;
    let mut out = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        // Neighbouring pairs absorb quotations the alignment put one pair off.
        let around = |side: fn(&crate::analysis::align::AlignedPair) -> Option<Span>| {
            let lo = k.saturating_sub(1);
            let hi = (k + 2).min(pairs.len());
            pairs[lo..hi].iter().filter_map(side).reduce(|a, b| a.cover(b))
        };
        let first_source = statements(sq, src_text, s).next();
        let first_target = statements(tq, text, t).next();
        match (first_source, first_target) {
            (Some(q), None) => {
                let wider = around(|p| p.target_span()).unwrap_or(t);
                if statements(tq, text, wider).next().is_none() {
                    out.push(
                        Diagnostic::new(
                            t,
                            "The source quotes someone here; the translation has no quotation",
                        )
                        .with_evidence(Evidence::in_source(
                            q.span,
                            format!("quoted in the source: \"{}\"", preview(q.span.slice(src_text), 60)),
                        )),
                    );
                }
            }
            (None, Some(q)) => {
                let wider = around(|p| p.source_span()).unwrap_or(s);
                if statements(sq, src_text, wider).next().is_none() {
                    out.push(
                        Diagnostic::new(
                            q.span,
                            "Quotation not in the source: the source says this without quote marks",
                        )
                        .with_evidence(Evidence::in_source(s, "the source passage, unquoted")),
                    );
                }
            }
            _ => {}
        }
    }
    out
}
