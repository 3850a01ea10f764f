//! ## What it does
//! Flags a date of the translation that differs from the date its source gives at the same
//! place: `3 апреля 2025` rendered as `4 March 2025`, `March 9` as `9. Mai`, `в 2019 году` as
//! `in 2018`, `in late March` as `Ende April`.
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
//! field, and a field one side leaves out (often the year) is not held against it. Dates are
//! paired one to one within each aligned pair of sentences; a date the translation adds (`am
//! Freitag, dem 28. September` for `on Friday`) is not reported, only one that takes the
//! place of a different source date.
//!
//! ## How to silence it
//! Correct the date. Relative dates (`last year`, `вчера`) are left to D601, which checks them
//! against the publication date.

use super::Pair;
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

/// How many of year, month and day a date gives (a decade counts as one).
fn fields(d: &DateMention) -> usize {
    if d.kind == DateKind::Decade {
        return 1;
    }
    let w = &d.written;
    [w.year.is_some(), w.month.is_some(), w.day.is_some()].iter().filter(|f| **f).count()
}

/// Where a date is: its aligned pair and its index among that pair's dates.
type At = (usize, usize);

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let (td, sd) = (&pair.analysis.dates, &pair.source.dates);
    let pairs = &pair.alignment.pairs;
    let src: Vec<Vec<&DateMention>> =
        pairs.iter().map(|p| p.source_span().map(|s| inside(sd, s)).unwrap_or_default()).collect();
    let tgt: Vec<Vec<&DateMention>> =
        pairs.iter().map(|p| p.target_span().map(|t| inside(td, t)).unwrap_or_default()).collect();
    let mut used: Vec<Vec<bool>> = src.iter().map(|v| vec![false; v.len()]).collect();
    // One to one within each pair: a target date takes the agreeing source date that shares
    // most fields.
    let mut left: Vec<At> = Vec::new();
    for k in 0..pairs.len() {
        for (i, b) in tgt[k].iter().enumerate() {
            let best = (0..src[k].len())
                .filter(|&j| !used[k][j])
                .map(|j| (j, agreement(src[k][j], b)))
                .filter(|(_, (shared, agree))| *shared > 0 && *agree)
                .max_by_key(|(j, (shared, _))| (*shared, usize::MAX - j));
            match best {
                Some((j, _)) => used[k][j] = true,
                None => left.push((k, i)),
            }
        }
    }
    let mut out = Vec::new();
    for (k, i) in left {
        let b = tgt[k][i];
        if src[k].is_empty() {
            continue;
        }
        // An alignment slip: a date left over in a nearby pair's source that confirms every
        // field of this one.
        let near = k.saturating_sub(2)..(k + 3).min(pairs.len());
        let confirmed = near.clone().filter(|&n| n != k).any(|n| {
            (0..src[n].len()).any(|j| {
                let (shared, agree) = agreement(src[n][j], b);
                !used[n][j] && agree && shared == fields(b)
            })
        });
        if confirmed {
            continue;
        }
        // The source date it renders: a date of the pair left over, sharing most fields,
        // with a disagreement.
        let candidate = (0..src[k].len())
            .filter(|&j| !used[k][j])
            .map(|j| (j, agreement(src[k][j], b)))
            .filter(|(_, (shared, agree))| *shared > 0 && !agree)
            .max_by_key(|(j, (shared, _))| (*shared, usize::MAX - j));
        let Some((j, _)) = candidate else { continue };
        used[k][j] = true;
        let a = src[k][j];
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
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}
