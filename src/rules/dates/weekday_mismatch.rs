//! ## What it does
//! Flags a weekday that does not fall on the date it names: `Thursday, April 4, 2025` (a
//! Friday), `в среду, 3 апреля 2025 года`, `Montag, 3. April`, `jeudi 4 avril`,
//! `el lunes 3 de abril`. A date without a year is checked in the year the publication date
//! (or an earlier full date in the text) gives it; with no such year it is left alone.
//!
//! ## Why is this bad?
//! Weekday and date are written together to be sure of the day; when they disagree, one of
//! them moved in translation or editing, and the reader cannot tell which.
//!
//! ## Example
//! ```text
//! Vienna, 3 April 2025
//!
//! The talks resume on Monday, April 8.
//! ```
//! 8 April 2025 is a Tuesday. Check the source: either the weekday or the day is wrong.
//!
//! ## How to silence it
//! Fix the weekday or the date. If the publication date was guessed wrongly from the text,
//! give the right one with `--published YYYY-MM-DD` or `date:` in the front matter.

use chrono::Datelike;

use super::{human, weekday_name};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in &ctx.analysis.dates {
        let Some((wd, wd_span)) = m.weekday else { continue };
        let value = m.value();
        let Some(date) = value.to_naive() else { continue };
        let actual = date.weekday().number_from_monday();
        if actual == wd {
            continue;
        }
        let text = m.span.slice(ctx.text());
        let mut d = Diagnostic::new(
            m.span,
            format!("'{text}': {} is a {}, not a {}", human(&value), weekday_name(actual), weekday_name(wd)),
        )
        .with_evidence(Evidence::here(wd_span, format!("weekday named here: {}", weekday_name(wd))));
        if m.written.year.is_none() {
            d = d.with_evidence(Evidence::here(m.span, format!("no year written: {}", m.evidence)));
            if let Some(p) = ctx.analysis.published.as_ref().and_then(|p| p.span) {
                d = d.with_evidence(Evidence::here(p, "publication date (dateline)"));
            }
        }
        // The nearest day with the named weekday, as a hint.
        let delta = (wd as i64 - actual as i64 + 7) % 7;
        let delta = if delta > 3 { delta - 7 } else { delta };
        let fit = date + chrono::Duration::days(delta);
        d = d.with_suggestion(format!(
            "check the source: {} fits {}, {} fits {}",
            human(&value),
            weekday_name(actual),
            weekday_name(wd),
            human(&crate::analysis::dates::CalendarDate::ymd(fit.year(), fit.month(), fit.day()))
        ));
        out.push(d);
    }
    out
}
