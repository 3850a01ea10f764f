//! ## What it does
//! Flags one person's name spelled two ways in one text: `Shoigu` / `Shoygu`,
//! `Schröder` / `Schroeder`, `Meyer` / `Meier`, `Zelensky` / `Zelenskyy`.
//!
//! Spellings are compared after transliteration and diacritic folding, by the usual
//! alternatives of transliteration (`y`/`i`, `w`/`v`, `kh`/`ch`, `ö`/`oe` ...) and a string
//! distance (`strsim`). Two different people are never merged: `Anna Petrova` and
//! `Anna Smirnova`, or `Ivan Petrov` and `Olga Petrova` (one family name in two genders), are
//! not variants. Grammatical case (`Путин` / `Путина`), possessives (`Shoigu's`), a name
//! beside its original script (`Shoigu (Шойгу)`) and a spelling introduced as an alternative
//! (`Zelensky, also spelled Zelenskyy`) are not reported.
//!
//! ## Why is this bad?
//! Readers and search engines take two spellings for two people. Translations from several
//! sources (agency copy, the translator's own transliteration) mix spellings within a text.
//!
//! ## Example
//! ```text
//! Defence Minister Sergei Shoigu visited the front. ... Shoygu said the offensive had stalled.
//! ```
//! Use instead one spelling throughout (`Shoigu`).
//!
//! ## How to silence it
//! Use one spelling. `--ignore N501` turns the rule off.

use crate::finding::{Diagnostic, Evidence};
use crate::names;
use crate::rules::Context;

/// Words that introduce a spelling as an alternative, in any of the supported languages.
const ALTERNATIVE: &[&str] = &[
    "also spelled",
    "also spelt",
    "also written",
    "or",
    "aka",
    "или",
    "также",
    "auch",
    "aussi",
    "ou",
    "también",
    "o",
    "(",
    "spelled",
    "transliterated",
];

/// Whether the text right before `at` introduces an alternative spelling.
fn introduced_as_alternative(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end().to_lowercase();
    let before = before.trim_end_matches([',', ':', '"', '“', '«']).trim_end();
    ALTERNATIVE.iter().any(|a| {
        before.ends_with(a)
            && (a.starts_with('(')
                || before[..before.len() - a.len()].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let mut out = Vec::new();
    for p in &ctx.analysis.people.people {
        let mut seen: Vec<(String, crate::span::Span)> = Vec::new();
        for m in &p.mentions {
            let spelling = names::strip_possessive(m.surname.slice(text)).to_string();
            if spelling.is_empty() {
                continue;
            }
            let Some((first, first_span)) = seen.first().cloned() else {
                seen.push((spelling, m.surname));
                continue;
            };
            if seen.iter().any(|(s, _)| names::same_surname(s, &spelling)) {
                continue;
            }
            if !names::variant(&first, &spelling) {
                continue;
            }
            seen.push((spelling.clone(), m.surname));
            // `Zelensky (also spelled Zelenskyy)`: an alternative given on purpose.
            if introduced_as_alternative(text, m.span.start)
                && m.span.start.saturating_sub(first_span.end) < 60
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    m.surname,
                    format!("'{spelling}' is spelled '{first}' elsewhere in this text ({})", p.name),
                )
                .with_evidence(Evidence::here(first_span, "first spelling"))
                .with_suggestion(format!("use one spelling: {first}")),
            );
        }
    }
    out
}
