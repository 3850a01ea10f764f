//! ## What it does
//! Flags words that are not in Unicode Normalization Form C (NFC): letters written as a base
//! letter plus a combining accent (`e` + `U+0301` instead of `é`, `и` + `U+0306` instead of
//! `й`), or characters that NFC replaces with their canonical equivalent (`U+212B ANGSTROM
//! SIGN` for `Å`). One finding per word; the suggestion is the word in NFC.
//!
//! ## Why is this bad?
//! The two forms look the same but are different strings: search, spell-checkers, name
//! matching, translation memories and quote comparison treat `Café` and `Café` as different
//! words, and some fonts render the decomposed form badly. Decomposed text typically comes
//! from macOS file names, PDFs or some input methods.
//!
//! ## Example
//! ```text
//! Le café (written c-a-f-e + U+0301) a rouvert.
//! ```
//! Use instead:
//! ```text
//! Le café a rouvert.
//! ```
//!
//! ## How to silence it
//! Normalize the text to NFC (most editors and `uconv -x any-nfc` can). To accept
//! decomposed text, ignore the rule with `--ignore U204` or `ignore = ["U204"]` in
//! `faithful.toml`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::{codepoint, non_ascii_chunks, trim_ascii_punctuation};
use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let from = ctx.doc.body_start.min(text.len());
    if is_nfc_quick(text[from..].chars()) == IsNormalized::Yes {
        return Vec::new();
    }
    let mut out = Vec::new();
    for chunk in non_ascii_chunks(text, from) {
        let word = chunk.slice(text);
        if is_nfc_quick(word.chars()) == IsNormalized::Yes {
            continue;
        }
        let nfc: String = word.nfc().collect();
        if nfc == word {
            continue;
        }
        // Point at the word without the punctuation around it, when that is unchanged by NFC.
        let span = trim_ascii_punctuation(text, chunk);
        let (span, shown, suggestion) = if span.is_empty() {
            (chunk, word.to_string(), nfc.clone())
        } else {
            let inner: String = span.slice(text).nfc().collect();
            (span, span.slice(text).to_string(), inner)
        };
        out.push(Diagnostic::new(span, message(&shown, &suggestion)).with_suggestion(suggestion));
    }
    out
}

/// Names the first difference: `'é' is written as e + U+0301`.
fn message(word: &str, nfc: &str) -> String {
    let a: Vec<char> = word.chars().collect();
    let b: Vec<char> = nfc.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let written: Vec<String> = a[prefix..a.len() - suffix]
        .iter()
        .map(|&c| if is_combining_mark(c) || c.is_control() { codepoint(c) } else { c.to_string() })
        .collect();
    let meant: String = b[prefix..b.len() - suffix].iter().collect();
    format!(
        "'{word}' is not in Unicode NFC: '{meant}' is written as {}; it looks the same but search and comparison treat it as a different word",
        written.join(" + ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_decomposition() {
        let m = message("Cafe\u{301}", "Café");
        assert!(m.contains("'é' is written as e + U+0301"), "{m}");
        let m = message("\u{212B}ngstr\u{F6}m", "Ångström");
        assert!(m.contains("'Å' is written as \u{212B}"), "{m}");
    }
}
