pub mod date_vs_publication;
pub mod impossible_date;
pub mod weekday_mismatch;

use crate::analysis::dates::CalendarDate;

/// English name of an ISO weekday or month, for messages (from `src/lang/en/*.txt`).
fn english_name(file: &str, n: u32) -> String {
    crate::lang::records("en", file)
        .find(|r| r.first().and_then(|v| v.parse::<u32>().ok()) == Some(n))
        .and_then(|r| r.get(1).map(|s| s.to_string()))
        .unwrap_or_else(|| n.to_string())
}

pub(crate) fn month_name(n: u32) -> String {
    english_name("months.txt", n)
}

pub(crate) fn weekday_name(n: u32) -> String {
    english_name("weekdays.txt", n)
}

/// `3 April 2025`, `3 April` or `April 2025` for messages.
pub(crate) fn human(d: &CalendarDate) -> String {
    let month = d.month.map(|m| english_name("months.txt", m));
    match (d.day, month, d.year) {
        (Some(day), Some(m), Some(y)) => format!("{day} {m} {y}"),
        (Some(day), Some(m), None) => format!("{day} {m}"),
        (None, Some(m), Some(y)) => format!("{m} {y}"),
        (_, _, Some(y)) => y.to_string(),
        _ => d.display(),
    }
}
