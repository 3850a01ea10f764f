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
//! Correct the figure. Numbers written in words (`two`, `a dozen`) are matched when they can
//! be, but never reported; numbers inside dates are left to X802; a number the translation
//! leaves out is not reported here (see X809 and X807 for shortened passages).
//!
//! The numbers of source and translation are paired one to one, first within each aligned
//! pair of sentences, then with the leftovers of the two pairs on either side (alignment
//! slips). A figure of the translation that finds no partner is reported when its sentence's
//! source has a figure left over too: the one it most likely renders. A figure the
//! translation repeats, or restates in another unit (`six meters (18 feet)`), is not.

use super::{preview, Pair};
use crate::analysis::numbers::{converted, same_value, NumberKind, NumberMention};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

/// How far (in aligned pairs) a leftover number may look for its partner.
const REACH: usize = 2;

/// One side's numbers, each with the aligned pair it belongs to.
struct Side<'a> {
    nums: Vec<&'a NumberMention>,
    pair: Vec<usize>,
    partner: Vec<Option<usize>>,
}

impl<'a> Side<'a> {
    fn new(all: &'a [NumberMention], spans: &[Option<crate::span::Span>]) -> Self {
        let mut nums = Vec::new();
        let mut pair = Vec::new();
        for n in all {
            if let Some(k) = spans.iter().position(|s| s.is_some_and(|s| s.contains(n.span))) {
                nums.push(n);
                pair.push(k);
            }
        }
        let partner = vec![None; nums.len()];
        Side { nums, pair, partner }
    }
}

/// How a number reads in a message: as written.
fn shown(n: &NumberMention, text: &str) -> String {
    preview(n.span.slice(text), 30)
}

type Pass = fn(&NumberMention, &NumberMention) -> bool;

/// Exact values first (digits before words, same unit before any unit), then conversions.
const PASSES: [Pass; 5] = [
    |x, y| !x.words && !y.words && x.unit == y.unit && same_value(x, y),
    |x, y| !x.words && !y.words && same_value(x, y),
    |x, y| x.unit == y.unit && same_value(x, y),
    same_value,
    converted,
];

/// Whether side `side` has, in aligned pair `k`, a number without partner written in `unit`
/// other than `except`.
fn has_free_unit(side: &Side, k: usize, unit: Option<&str>, except: usize) -> bool {
    unit.is_some()
        && (0..side.nums.len()).any(|o| {
            o != except && side.pair[o] == k && side.partner[o].is_none() && side.nums[o].unit == unit
        })
}

/// Pairs the numbers of both sides one to one: within each aligned pair, then with the
/// leftovers up to `REACH` pairs away. A conversion (`497 mph` for `800 km/h`) does not pair
/// when either side still has a figure in the other's unit (`800 km/h` and `840 kph (497
/// mph)`; `300 km (190 miles)` and `307 км`): that figure should have matched exactly.
fn pair_up(src: &mut Side, tgt: &mut Side) {
    for reach in 0..=REACH {
        for (p, pass) in PASSES.iter().enumerate() {
            for i in 0..tgt.nums.len() {
                if tgt.partner[i].is_some() {
                    continue;
                }
                let b = tgt.nums[i];
                let found = (0..src.nums.len()).find(|&j| {
                    let a = src.nums[j];
                    src.partner[j].is_none()
                        && src.pair[j].abs_diff(tgt.pair[i]) == reach
                        && pass(a, b)
                        && (p < PASSES.len() - 1
                            || a.unit == b.unit
                            || !(has_free_unit(tgt, tgt.pair[i], a.unit, i)
                                || has_free_unit(src, src.pair[j], b.unit, j)))
                });
                if let Some(j) = found {
                    tgt.partner[i] = Some(j);
                    src.partner[j] = Some(i);
                }
            }
        }
    }
}

/// A duration written as a clock time on one side (`4 h 38`, `4:38`) and as hours and minutes
/// on the other (`4 hours 38 minutes`): the time pairs with both numbers.
fn pair_durations(a: &mut Side, b: &mut Side) {
    for i in 0..a.nums.len() {
        let t = a.nums[i];
        if a.partner[i].is_some() || t.kind != NumberKind::Time {
            continue;
        }
        let hours = t.value.floor();
        let minutes = ((t.value - hours) * 60.0).round();
        if minutes == 0.0 {
            continue;
        }
        let free = |v: f64, except: Option<usize>| {
            (0..b.nums.len()).find(|&j| {
                Some(j) != except
                    && b.partner[j].is_none()
                    && b.pair[j] == a.pair[i]
                    && b.nums[j].kind != NumberKind::Time
                    && b.nums[j].value == v
            })
        };
        if let Some(h) = free(hours, None) {
            if let Some(m) = free(minutes, Some(h)) {
                a.partner[i] = Some(h);
                b.partner[h] = Some(i);
                b.partner[m] = Some(i);
            }
        }
    }
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let pairs = &pair.alignment.pairs;
    let src_spans: Vec<_> = pairs.iter().map(|p| p.source_span()).collect();
    let tgt_spans: Vec<_> = pairs.iter().map(|p| p.target_span()).collect();
    let mut src = Side::new(&pair.source.numbers, &src_spans);
    let mut tgt = Side::new(&pair.analysis.numbers, &tgt_spans);
    pair_up(&mut src, &mut tgt);
    pair_durations(&mut tgt, &mut src);
    pair_durations(&mut src, &mut tgt);
    let mut out = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    for i in 0..tgt.nums.len() {
        let b = tgt.nums[i];
        if tgt.partner[i].is_some() || b.words || b.in_date {
            continue;
        }
        let k = tgt.pair[i];
        // A figure repeated: the same as (or converted from) a source figure of this pair or
        // the next ones that the translation already renders elsewhere.
        if (0..src.nums.len()).any(|j| {
            let a = src.nums[j];
            src.pair[j].abs_diff(k) <= 1 && src.partner[j].is_some() && (same_value(a, b) || converted(a, b))
        }) {
            continue;
        }
        // The same figure restated in another unit next to a paired one, in a unit the source
        // does not write here (`шесть метров (18 футов)` for `six meters`).
        let unit_in_source =
            b.unit.is_some() && (0..src.nums.len()).any(|j| src.pair[j] == k && src.nums[j].unit == b.unit);
        if !unit_in_source
            && (0..tgt.nums.len()).any(|o| {
                o != i
                    && tgt.pair[o].abs_diff(k) <= 1
                    && tgt.partner[o].is_some()
                    && converted(b, tgt.nums[o])
            })
        {
            continue;
        }
        // The source figure it most likely renders: left over in the same pair, same kind and
        // unit first, then same kind, then any; then the same kind one pair away.
        let left: Vec<usize> = (0..src.nums.len())
            .filter(|&j| src.partner[j].is_none() && !src.nums[j].words && !used.contains(&j))
            .collect();
        let same = |j: &&usize| src.nums[**j].kind == b.kind && src.nums[**j].unit == b.unit;
        let kind = |j: &&usize| {
            let a = src.nums[**j];
            a.kind == b.kind || (a.kind == NumberKind::Count && b.kind == NumberKind::Count)
        };
        let here: Vec<usize> = left.iter().copied().filter(|&j| src.pair[j] == k).collect();
        let beside: Vec<usize> = left.iter().copied().filter(|&j| src.pair[j].abs_diff(k) == 1).collect();
        let Some(&j) = here
            .iter()
            .find(same)
            .or_else(|| here.iter().find(kind))
            .or(here.first())
            .or_else(|| beside.iter().find(same))
        else {
            continue;
        };
        used.push(j);
        let a = src.nums[j];
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
    out
}
