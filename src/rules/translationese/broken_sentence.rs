//! ## What it does
//! Flags a paragraph break in the middle of a sentence: a paragraph that ends without
//! terminal punctuation, followed by one that begins in lower case (in any language with
//! letter case: English, Russian, German, French, Spanish...), or a paragraph that ends in
//! an article, preposition or conjunction (`held in` / `Moscow on Tuesday.`; the words are
//! data in `src/lang/<lang>/dangling_words.txt`).
//!
//! Not flagged: titles, Markdown headings, list items, block quotes and code; short
//! datelines and bylines (`MOSCOW, March 3`, `By Anna Smith`); paragraphs ending in a colon
//! or semicolon (an introduced list); a next paragraph that opens with a quote mark (a quote
//! continuing over paragraphs), a dialogue dash or an ellipsis; words that start in lower
//! case by design (`iPhone`, `eBay`).
//!
//! ## Why is this bad?
//! Segment-based translation tools and copy-paste from PDFs cut sentences at line ends; the
//! published text then shows half a sentence per paragraph.
//!
//! ## Example
//! ```text
//! The ministry said the new rules would apply to all
//!
//! imported cars from next year.
//! ```
//! Use instead:
//! ```text
//! The ministry said the new rules would apply to all imported cars from next year.
//! ```
//!
//! ## How to silence it
//! Join the two paragraphs, or pass `--ignore T703`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;
use crate::text::ParagraphKind;

/// Characters that may end a complete paragraph (after trailing quotes and brackets).
const ENDINGS: &[char] = &['.', '!', '?', '…', ':', ';', '。', '！', '？'];
/// Closing marks that can follow the terminal punctuation.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '“', ')', ']', '›', '*', '_'];

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let paras = &ctx.analysis.text.paragraphs;
    let mut out = Vec::new();
    for pair in paras.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind != ParagraphKind::Body || b.kind != ParagraphKind::Body {
            continue;
        }
        let head = a.span.slice(text);
        let next = b.span.slice(text);
        let cut = starts_lowercase(next) || (ends_dangling(head) && starts_with_letter(next));
        if ends_complete(head) || !cut || continues_on_purpose(next) || looks_like_dateline_or_byline(head) {
            continue;
        }
        let tail = last_words(head, 3);
        let lead = first_words(next, 3);
        let tail_span = Span::new(a.span.end - tail.len(), a.span.end);
        let lead_span = Span::new(b.span.start, b.span.start + lead.len());
        out.push(
            Diagnostic::new(
                tail_span.cover(lead_span),
                format!("Paragraph break inside a sentence: '… {tail}' continues with '{lead} …'"),
            )
            .with_evidence(Evidence::here(lead_span, "the sentence continues here"))
            .with_suggestion("join the two paragraphs"),
        );
    }
    out
}

fn ends_complete(p: &str) -> bool {
    let t = p.trim_end().trim_end_matches(CLOSERS);
    t.ends_with(ENDINGS) || t.is_empty()
}

/// Does the paragraph end in an article, preposition or conjunction (`held in`, `und`)?
/// The words are data: `src/lang/<lang>/dangling_words.txt`, every language's list.
fn ends_dangling(p: &str) -> bool {
    static WORDS: OnceLock<BTreeSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::lang::all_files()
            .filter(|(_, n)| *n == "dangling_words.txt")
            .flat_map(|(l, n)| crate::lang::lines(l, n))
            .map(str::to_lowercase)
            .collect()
    });
    let last = p.split_whitespace().last().unwrap_or("");
    // Lower case in the text: a capitalised `A` or `Die` ending a line is more likely a label.
    last.chars().all(char::is_alphabetic)
        && last.chars().next().is_some_and(char::is_lowercase)
        && words.contains(last)
}

fn starts_with_letter(p: &str) -> bool {
    p.chars().next().is_some_and(char::is_alphabetic)
}

/// A paragraph that opens with a quote mark (a quote continuing over paragraphs), a dialogue
/// dash or an ellipsis (a deliberate continuation) is not a broken sentence.
fn continues_on_purpose(p: &str) -> bool {
    p.starts_with(['"', '\'', '«', '»', '“', '”', '„', '‘', '‹', '›', '—', '–', '…']) || p.starts_with("...")
}

/// The first letter is lower case, and the word it starts is not `iPhone`-style.
fn starts_lowercase(p: &str) -> bool {
    let word: &str = p.split_whitespace().next().unwrap_or("");
    let mut letters = word.chars().skip_while(|c| !c.is_alphanumeric());
    let Some(first) = letters.next() else { return false };
    first.is_lowercase() && !letters.any(char::is_uppercase)
}

/// A short paragraph that is a dateline (`MOSCOW, March 3`), a byline (`By Anna Smith`) or
/// a place-and-date line.
fn looks_like_dateline_or_byline(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.len() > 6 {
        return false;
    }
    let has_digit = p.chars().any(|c| c.is_ascii_digit());
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let byline = matches!(
        first.as_str(),
        "by" | "von" | "par" | "por" | "автор" | "авторы" | "text" | "texto" | "texte"
    );
    let shouting = p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    has_digit || byline || shouting
}

fn last_words(p: &str, n: usize) -> &str {
    let p = p.trim_end();
    let mut start = p.len();
    let mut count = 0;
    for (i, c) in p.char_indices().rev() {
        if c.is_whitespace() {
            count += 1;
            if count == n {
                break;
            }
        }
        start = i;
    }
    &p[start..]
}

fn first_words(p: &str, n: usize) -> &str {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in p.char_indices() {
        if c.is_whitespace() {
            if in_word {
                count += 1;
                if count == n {
                    return &p[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    p
}
