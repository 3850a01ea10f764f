//! ## What it does
//! Flags a date that does not exist: `30 February`, `31 апреля`, `31. Juni 2025`,
//! `29 février 2023` (not a leap year), `31.04.2025`.
//!
//! ## Why is this bad?
//! A date that cannot exist is almost always a slip: a digit changed in translation, a month
//! name confused (`juin`/`juillet`), or a day copied from a neighbouring date. Readers notice,
//! and the real date is unknown until someone checks the source.
//!
//! ## Example
//! ```text
//! The summit will open on 31 April in Vienna.
//! ```
//! April has 30 days. Check the source and write the date it gives.
//!
//! ## How to silence it
//! Correct the date. If the text quotes an impossible date on purpose (a hoax, a typo being
//! reported), ignore the rule for that document with `--ignore D603`.

use chrono::NaiveDate;

use super::month_name;
use crate::finding::Diagnostic;
use crate::rules::Context;

fn days_in(month: u32, year: Option<i32>) -> u32 {
    let y = year.unwrap_or(2000);
    (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(y, month, d).is_some()).unwrap_or(31)
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in &ctx.analysis.dates {
        let w = m.written;
        for d in std::iter::once(w).chain(m.end) {
            let (Some(month), Some(day)) = (d.month, d.day) else { continue };
            if d.exists() {
                continue;
            }
            let n = days_in(month, d.year);
            let why = match d.year {
                Some(y) if month == 2 && day == 29 => format!("{y} is not a leap year"),
                Some(y) => format!("{} {y} has {n} days", month_name(month)),
                None => format!("{} has {n} days", month_name(month)),
            };
            out.push(Diagnostic::new(
                m.span,
                format!("'{}' does not exist: {why}", m.span.slice(ctx.text())),
            ));
            break;
        }
    }
    out
}
