//! ## What it does
//! Flags a date or year that contradicts the publication date and the tense around it:
//! an event told in the past that falls after the publication date (`the minister said on
//! 10 April` in a text of 3 April), an event told as future or expected that lies before it
//! (`Exports in 2021 are expected to exceed` in a text of 2022), and a yearless date that
//! only makes sense in another year (`the summit will open on March 3` published on 3 April),
//! and an explicit date next to a relative one that the publication date contradicts
//! (`this year (2024)` or `today, 2 April` in a text of 2 May 2025).
//!
//! The publication date comes from `--published`, front matter or JSONL `date`, or a dateline
//! (`Vienna, 3 April 2025`). Without one the rule says nothing. The tense is read from cue
//! words of the sentence (`will`, `is expected to`, `будет`, `wird`, `sera`, `va a`, past
//! verb endings); the finding shows the cue it used.
//!
//! Left alone: future events in the future tense, history (`since 1998`, `in the 1970s`,
//! `compared with 2019`), deadlines (`by 2030`), plans told in the past (`was scheduled to
//! open on 10 May`), dates inside quotations, headlines.
//!
//! ## Why is this bad?
//! A date that moved in translation (a year off by one, a month name confused) often turns a
//! past event into a future one or the other way round. The publication date and the grammar
//! of the sentence together show that something is off.
//!
//! ## Example
//! ```text
//! ---
//! date: 2022-03-01
//! ---
//! Exports in 2021 are expected to exceed 40 billion dollars.
//! ```
//! The sentence speaks of 2021 as ahead, but the text was published in 2022: the source
//! probably says 2022.
//!
//! ## How to silence it
//! Correct the date or the tense. If the publication date is wrong, give the right one with
//! `--published YYYY-MM-DD` or `date:` in the front matter.

use chrono::{Duration, NaiveDate};

use super::human;
use crate::analysis::dates::{DateKind, DateMention, Frame, RelUnit, Tense};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

use crate::text::ParagraphKind;

/// Whether `pos` lies inside a quotation: one the quotes stage found, or, as a fallback, an
/// unclosed quote mark earlier in the same paragraph.
fn quoted(ctx: &Context, pos: usize) -> bool {
    if ctx.analysis.quotes.quotes.iter().any(|q| q.span.start <= pos && pos < q.span.end) {
        return true;
    }
    let t = &ctx.analysis.text;
    let Some(pi) = t.paragraph_at(pos) else { return false };
    let before = &ctx.text()[t.paragraphs[pi].span.start..pos];
    let mut depth: i32 = 0;
    let mut straight = false;
    for c in before.chars() {
        match c {
            '«' | '„' | '“' => depth += 1,
            '»' | '”' => depth -= 1,
            '"' => straight = !straight,
            _ => {}
        }
    }
    // `„…“` (German) closes with `“`, which also opens in English: count it as an opener only
    // when nothing is open.
    depth > 0 || straight
}

fn headline(ctx: &Context, m: &DateMention) -> bool {
    let t = &ctx.analysis.text;
    t.paragraph_at(m.span.start)
        .is_some_and(|i| matches!(t.paragraphs[i].kind, ParagraphKind::Title | ParagraphKind::Heading))
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(published) = ctx.analysis.published.as_ref() else { return Vec::new() };
    let p = published.date;
    let mut out = Vec::new();
    for m in &ctx.analysis.dates {
        if matches!(m.kind, DateKind::Decade | DateKind::Relative) {
            continue;
        }
        if published.span.is_some_and(|s| s.overlaps(m.span)) || headline(ctx, m) || quoted(ctx, m.span.start)
        {
            continue;
        }
        let Some(cue) = m.tense.span else { continue };
        let value = m.value();
        let (Some(first), Some(last)) = (value.first_day(), m.end.unwrap_or(value).last_day()) else {
            continue;
        };
        let frame = m.frame.map(|f| f.0);
        let text = m.span.slice(ctx.text());
        let cue_text = cue.slice(ctx.text());
        let message = match m.tense.tense {
            Tense::Past if first > p + Duration::days(1) && frame.is_none() => format!(
                "'{text}' is told in the past ('{cue_text}') but {} is after the publication date {p}",
                human(&value)
            ),
            Tense::Future if last < p - Duration::days(1) && frame != Some(Frame::History) => format!(
                "'{text}' is told as ahead ('{cue_text}') but {} is before the publication date {p}",
                span_text(&value, m.end.as_ref())
            ),
            _ => continue,
        };
        let mut d = Diagnostic::new(m.span, message)
            .with_evidence(Evidence::here(cue, format!("tense: {} ('{cue_text}')", m.tense.tense.as_str())));
        if let Some(span) = published.span {
            d = d.with_evidence(Evidence::here(span, format!("publication date {p} (dateline)")));
        }
        if m.written.year.is_none() {
            d = d.with_evidence(Evidence::here(m.span, format!("no year written: {}", m.evidence)));
            d = d.with_suggestion(other_year_hint(m, p));
        }
        out.push(d);
    }
    out.extend(relative_conflicts(ctx, p));
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}

/// `this year (2024)`, `yesterday, 2 April`, `в прошлом году, в 2023-м`: a relative phrase
/// right next to an explicit date that the publication date puts elsewhere.
fn relative_conflicts(ctx: &Context, p: NaiveDate) -> Vec<Diagnostic> {
    let s = ctx.text();
    let dates = &ctx.analysis.dates;
    let mut out = Vec::new();
    for r in dates.iter().filter(|m| m.kind == DateKind::Relative) {
        let (Some(rel), Some(rv)) = (r.relative, r.resolved) else { continue };
        if headline(ctx, r) || quoted(ctx, r.span.start) {
            continue;
        }
        for e in dates.iter().filter(|m| !matches!(m.kind, DateKind::Relative | DateKind::Decade)) {
            let (a, b) = if e.span.start >= r.span.end {
                (r.span.end, e.span.start)
            } else {
                (e.span.end, r.span.start)
            };
            if b < a || !adjacent(&s[a..b]) || e.written.year.is_none() && e.kind != DateKind::DayMonth {
                continue;
            }
            let ev = e.value();
            let clash = match rel.unit {
                RelUnit::Year => ev.year.is_some() && ev.year != rv.year,
                RelUnit::Month => ev.month.is_some() && (ev.year, ev.month) != (rv.year, rv.month),
                RelUnit::Day => ev.day.is_some() && ev.to_naive() != rv.to_naive(),
                RelUnit::Week => false,
            };
            if !clash {
                continue;
            }
            let (rt, et) = (r.span.slice(s), e.span.slice(s));
            out.push(
                Diagnostic::new(
                    e.span,
                    format!(
                        "'{et}' does not fit '{rt}': by the publication date {p}, '{rt}' is {}",
                        human(&rv)
                    ),
                )
                .with_evidence(Evidence::here(r.span, format!("relative date: {}", r.evidence))),
            );
        }
    }
    out
}

/// Only punctuation, brackets and at most one short preposition between two date phrases.
fn adjacent(gap: &str) -> bool {
    let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [] => gap.chars().count() <= 4,
        [w] => w.chars().count() <= 3 && gap.chars().count() <= 8,
        _ => false,
    }
}

fn span_text(
    v: &crate::analysis::dates::CalendarDate,
    end: Option<&crate::analysis::dates::CalendarDate>,
) -> String {
    match end {
        Some(e) => format!("{}–{}", human(v), human(e)),
        None => human(v),
    }
}

/// For a yearless date: the year in which it would fit the tense.
fn other_year_hint(m: &DateMention, p: NaiveDate) -> String {
    let v = m.value();
    let shift = if m.tense.tense == Tense::Past { -1 } else { 1 };
    let y = v.year.map(|y| y + shift);
    let other = crate::analysis::dates::CalendarDate { year: y, ..v };
    format!("as written the date would have to be {} (published {p}); check the source", human(&other))
}
