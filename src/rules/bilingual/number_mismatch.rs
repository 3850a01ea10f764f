//! ## What it does
//! Flags a number, amount or percentage of the translation that differs from the one its
//! source gives at the same place: `7,5 тыс.` rendered as `75,000`, `4,2%` as `0.42%`, `340
//! млрд` as `340 million`.
//!
//! ## Why is this bad?
//! A wrong figure is the costliest translation error a newsroom publishes: it is quoted,
//! shared and corrected in public. Decimal commas, scale words (`млрд`, `Milliarden`,
//! `billion`) and thousands separators make such slips easy.
//!
//! ## Example
//! Source: `Инфляция составила 4,2% в марте.` Translation: `Inflation reached 0.42% in
//! March.` is reported at `0.42%`, with `4,2%` in the source as evidence. `340 млрд рублей` =
//! `340 billion roubles`, `7,5 тыс.` = `7,500`, `30 yards` = `27 metres` and `3 pm` = `15:00`
//! are all accepted: the comparison is by value, with the unit and clock conversions
//! translators make.
//!
//! ## How to silence it
//! Correct the figure. Numbers written in words (`two`, `a dozen`) and numbers inside dates
//! (left to X802) are not compared; a number the translation leaves out is not reported here
//! (see X807 for shortened passages).

use super::{preview, window, Pair};
use crate::analysis::numbers::{equivalent, NumberKind, NumberMention};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

/// Numbers of `all` inside `within`, leaving out those inside dates.
fn inside(all: &[NumberMention], within: Span) -> Vec<&NumberMention> {
    let a = all.partition_point(|n| n.span.start < within.start);
    all[a..]
        .iter()
        .take_while(|n| n.span.start < within.end)
        .filter(|n| within.contains(n.span) && !n.in_date)
        .collect()
}

/// How a number reads in a message: as written.
fn shown(n: &NumberMention, text: &str) -> String {
    preview(n.span.slice(text), 30)
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let (tn, sn) = (&pair.analysis.numbers, &pair.source.numbers);
    let mut out = Vec::new();
    let mut reported: Vec<Span> = Vec::new();
    for (k, p) in pair.alignment.pairs.iter().enumerate() {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        let src_here = inside(sn, s);
        let tgt_here = inside(tn, t);
        if src_here.is_empty() || tgt_here.is_empty() {
            continue;
        }
        // Wider windows absorb alignment slips of a pair or two.
        let tgt_near = window(&pair.alignment.pairs, k, 2, true).map(|w| inside(tn, w)).unwrap_or_default();
        let src_near = window(&pair.alignment.pairs, k, 2, false).map(|w| inside(sn, w)).unwrap_or_default();
        let unmatched_src: Vec<&NumberMention> = src_here
            .iter()
            .copied()
            .filter(|a| !a.words && !tgt_near.iter().any(|b| equivalent(a, b)))
            .collect();
        let unmatched_tgt: Vec<&NumberMention> = tgt_here
            .iter()
            .copied()
            .filter(|b| !b.words && !src_near.iter().any(|a| equivalent(a, b)))
            .collect();
        for b in unmatched_tgt {
            if reported.contains(&b.span) {
                continue;
            }
            // The source number it most likely renders: same kind and unit first, then the
            // same kind, then any unmatched one.
            let same = |a: &&&NumberMention| a.kind == b.kind && a.unit == b.unit;
            let kind = |a: &&&NumberMention| {
                a.kind == b.kind || (a.kind == NumberKind::Count && b.kind == NumberKind::Count)
            };
            let Some(a) = unmatched_src
                .iter()
                .find(same)
                .or_else(|| unmatched_src.iter().find(kind))
                .or(unmatched_src.first())
            else {
                continue;
            };
            reported.push(b.span);
            out.push(
                Diagnostic::new(
                    b.span,
                    format!(
                        "Number '{}' does not match the source, which has '{}' here",
                        shown(b, text),
                        shown(a, src_text)
                    ),
                )
                .with_evidence(Evidence::in_source(
                    a.span,
                    format!("the source's figure: {}", shown(a, src_text)),
                )),
            );
        }
    }
    out
}
