//! ## What it does
//! Flags a date of the translation that differs from the date its source gives at the same
//! place: `3 апреля 2025` rendered as `4 March 2025`, `March 9` as `9. Mai`, `в 2019 году` as
//! `in 2018`.
//!
//! ## Why is this bad?
//! A moved date changes the story: an event in the past becomes a plan, a deadline moves by a
//! month. Day–month order (`03.04.` is 3 April in Europe, March 4 in the US) and month names
//! that look alike across languages make the slip common.
//!
//! ## Example
//! Source: `Выборы назначены на 3 апреля 2025 года.` Translation: `The election is set for 4
//! March 2025.` is reported at `4 March 2025`, with `3 апреля 2025` as evidence. `3 апреля` =
//! `April 3` = `3. April` = `03.04.2025` are all accepted: dates are compared by value, field by
//! field, and a field one side leaves out (often the year) is not held against it.
//!
//! ## How to silence it
//! Correct the date. Relative dates (`last year`, `вчера`) are left to D601, which checks them
//! against the publication date.

use super::{window, Pair};
use crate::analysis::dates::{CalendarDate, DateKind, DateMention};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

fn comparable(d: &DateMention) -> bool {
    !matches!(d.kind, DateKind::Relative)
}

fn inside(all: &[DateMention], within: Span) -> Vec<&DateMention> {
    all.iter().filter(|d| within.contains(d.span) && comparable(d)).collect()
}

/// Fields both dates give, and whether they all agree.
fn agreement(a: &DateMention, b: &DateMention) -> (usize, bool) {
    if a.kind == DateKind::Decade || b.kind == DateKind::Decade {
        return match (a.decade, b.decade) {
            (Some(x), Some(y)) => (1, x == y || x % 100 == y % 100),
            _ => (0, true),
        };
    }
    let (x, y): (&CalendarDate, &CalendarDate) = (&a.written, &b.written);
    let mut shared = 0;
    let mut agree = true;
    let mut field = |p: Option<i64>, q: Option<i64>| {
        if let (Some(p), Some(q)) = (p, q) {
            shared += 1;
            agree &= p == q;
        }
    };
    field(x.year.map(i64::from), y.year.map(i64::from));
    field(x.month.map(i64::from), y.month.map(i64::from));
    field(x.day.map(i64::from), y.day.map(i64::from));
    // A range `3–9 April` may be rendered from its end: accept either end.
    if !agree {
        for (p, q) in [(a.end.as_ref(), Some(y)), (Some(x), b.end.as_ref())] {
            if let (Some(p), Some(q)) = (p, q) {
                let same = |m: Option<u32>, n: Option<u32>| m.zip(n).is_none_or(|(m, n)| m == n);
                if p.year.zip(q.year).is_none_or(|(m, n)| m == n)
                    && same(p.month, q.month)
                    && same(p.day, q.day)
                {
                    agree = true;
                }
            }
        }
    }
    (shared, agree)
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let (td, sd) = (&pair.analysis.dates, &pair.source.dates);
    let mut out = Vec::new();
    let mut reported: Vec<Span> = Vec::new();
    for (k, p) in pair.alignment.pairs.iter().enumerate() {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        let src_here = inside(sd, s);
        if src_here.is_empty() {
            continue;
        }
        let src_near = window(&pair.alignment.pairs, k, 2, false).map(|w| inside(sd, w)).unwrap_or_default();
        for b in inside(td, t) {
            if reported.contains(&b.span) {
                continue;
            }
            let matched = src_near.iter().any(|a| {
                let (shared, agree) = agreement(a, b);
                shared > 0 && agree
            });
            if matched {
                continue;
            }
            // The source date it renders: the one sharing most fields, with a disagreement.
            let candidate = src_here
                .iter()
                .map(|a| (a, agreement(a, b)))
                .filter(|(_, (shared, agree))| *shared > 0 && !agree)
                .max_by_key(|(_, (shared, _))| *shared);
            let Some((a, _)) = candidate else { continue };
            reported.push(b.span);
            out.push(
                Diagnostic::new(
                    b.span,
                    format!(
                        "Date '{}' does not match the source, which has '{}' here",
                        b.span.slice(text).trim(),
                        a.span.slice(src_text).trim()
                    ),
                )
                .with_evidence(Evidence::in_source(a.span, "the date in the source")),
            );
        }
    }
    out
}
