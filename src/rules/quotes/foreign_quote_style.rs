//! ## What it does
//! Flags quote marks of another language's convention: guillemets (`«…»`) or German low
//! marks (`„…“`) in English text, English marks (`“…”`) as the outer quotes of German or
//! French text, German marks in French or Spanish text, CJK corner brackets in European text.
//! One finding per foreign style and document, at its first use.
//!
//! Conventions that a language accepts are left alone: `“…”` in Russian and Spanish text,
//! `«…»` in Swiss German, straight quotes anywhere. Nothing is reported when the text's
//! language is undetermined.
//!
//! ## Why is this bad?
//! The marks of the source language left in a translation are a sign the text was not
//! edited for its audience, and house style guides require the target's marks.
//!
//! ## Example
//! ```text
//! «We will not give up», the minister said.
//! ```
//! Use instead:
//! ```text
//! “We will not give up,” the minister said.
//! ```
//!
//! ## How to silence it
//! Replace the marks with the language's own. `--ignore Q303` turns the rule off.

use crate::analysis::quotes::Quote;
use crate::finding::Diagnostic;
use crate::rules::Context;

/// The convention a quote's marks follow, and whether `lang` finds it foreign.
fn foreign(lang: &str, q: &Quote) -> Option<&'static str> {
    let (o, c) = q.marks;
    let style = match (o, c) {
        ('«', _) | ('‹', _) => "guillemets «…»",
        ('»', _) | ('›', _) => "German guillemets »…«",
        ('„', _) | ('‚', _) => "German low-high marks „…“",
        ('“', '”') | ('‘', '’') => "English curly marks “…”",
        ('「', _) | ('『', _) => "CJK corner brackets 「…」",
        _ => return None,
    };
    let is_foreign = match lang {
        "en" => !style.starts_with("English"),
        "de" => (style.starts_with("English") && q.depth == 0) || style.starts_with("CJK"),
        "fr" => {
            (style.starts_with("English") && q.depth == 0)
                || style.starts_with("German low")
                || style.starts_with("CJK")
        }
        "es" => style.starts_with("German") || style.starts_with("CJK"),
        "ru" | "uk" => style.starts_with("CJK") || style.starts_with("German guillemets"),
        _ => false,
    };
    is_foreign.then_some(style)
}

fn language_name(lang: &str) -> &str {
    match lang {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        other => other,
    }
}

fn native(lang: &str) -> &'static str {
    match lang {
        "en" => "“…” (‘…’ inside)",
        "de" => "„…“ or »…«",
        "fr" => "« … »",
        "es" => "«…» or “…”",
        _ => "«…» (inner „…“)",
    }
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let lang = ctx.lang();
    let mut seen: Vec<(&'static str, usize, usize)> = Vec::new();
    for (i, q) in ctx.analysis.quotes.all.iter().enumerate() {
        if let Some(style) = foreign(lang, q) {
            match seen.iter_mut().find(|(s, _, _)| *s == style) {
                Some(entry) => entry.2 += 1,
                None => seen.push((style, i, 1)),
            }
        }
    }
    seen.into_iter()
        .map(|(style, first, count)| {
            let q = &ctx.analysis.quotes.all[first];
            let times = if count > 1 { format!(" ({count} quotes)") } else { String::new() };
            Diagnostic::new(q.open, format!("{} text quoted with {style}{times}", language_name(lang)))
                .with_suggestion(format!("use the {} convention: {}", language_name(lang), native(lang)))
        })
        .collect()
}
