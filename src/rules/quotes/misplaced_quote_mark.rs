//! ## What it does
//! Flags a quote mark on the wrong side of its space or punctuation: a closing mark typed
//! after the space that follows the quote (`deal, "the ministry said`), a mark with a space on
//! the side of the quoted words (`agreement. "`, `" We`), and guillemets that face the wrong
//! way for the text's language (`»…«` in French, Russian or Spanish text, `«…«`).
//!
//! French spacing inside guillemets (`« … »`, with or without no-break spaces) is correct
//! and not reported; a French pair spaced on one side only (`« mot»`) is.
//!
//! ## Why is this bad?
//! A misplaced mark shifts the quote's boundary: readers (and tools) take the attribution for
//! part of the quote or the quote for narration. It is a frequent artefact of machine
//! translation and of converting straight quotes to typographic ones.
//!
//! ## Example
//! ```text
//! "We will sign the deal, "the ministry said.
//! ```
//! Use instead:
//! ```text
//! "We will sign the deal," the ministry said.
//! ```
//!
//! ## How to silence it
//! Move the mark next to the quoted words. `--ignore Q302` turns the rule off.

use crate::analysis::quotes::ProblemKind;
use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let qa = &ctx.analysis.quotes;
    let lang = ctx.lang();
    let mut out = Vec::new();
    for p in &qa.problems {
        let d = match p.kind {
            ProblemKind::CloseAfterSpace => Diagnostic::new(
                p.mark,
                format!(
                    "Closing quote mark {} is placed after the space, so it reads as opening the attribution",
                    p.ch
                ),
            )
            .with_suggestion(format!("move {} before the space, right after the quoted words", p.ch)),
            ProblemKind::Spaced => Diagnostic::new(
                p.mark,
                format!("Quote mark {} is separated by a space from the words it quotes", p.ch),
            )
            .with_suggestion("remove the space between the mark and the quoted words"),
            ProblemKind::WrongDirection => {
                Diagnostic::new(p.mark, format!("Guillemet {} faces the wrong way for a closing mark", p.ch))
                    .with_suggestion(format!("close with {}", if p.ch == '«' { '»' } else { '«' }))
            }
            _ => continue,
        };
        out.push(d);
    }
    // French guillemets spaced on one side only (`« mot»`, `«mot »`).
    if lang == "fr" {
        let text = ctx.text();
        for q in qa.all.iter().filter(|q| q.closed && q.marks == ('«', '»')) {
            let Some(close) = q.close else { continue };
            let inner_left = q.open.end < q.span.start && !text[q.open.end..q.span.start].is_empty();
            let inner_right = q.span.end < close.start && !text[q.span.end..close.start].is_empty();
            if inner_left != inner_right {
                let (mark, ch) = if inner_left { (close, '»') } else { (q.open, '«') };
                out.push(
                    Diagnostic::new(mark, format!("Guillemet {ch} is not spaced like its partner: French puts a (no-break) space inside both marks"))
                        .with_suggestion("write « mot » (with no-break spaces) or «mot» on both sides"),
                );
            }
        }
    }
    // »…« pairs in a language whose guillemets are «…».
    if matches!(lang, "fr" | "ru" | "es" | "uk" | "it") {
        for q in qa.all.iter().filter(|q| q.closed && q.marks == ('»', '«')) {
            out.push(
                Diagnostic::new(
                    q.open,
                    "Guillemets face the wrong way: this language quotes with «…», not »…«",
                )
                .with_suggestion("write «…»"),
            );
        }
    }
    out
}
