//! ## What it does
//! Flags an opening quote mark that is never closed, and a closing mark with nothing open.
//!
//! The news convention for a quote that runs over several paragraphs (an opening mark at the
//! start of each paragraph, a closing mark only at the end of the last one) is respected and
//! not reported. Apostrophes (`don't`, `D'Angelo`, `'80s`, `rock 'n' roll`, `students’`) are
//! not quote marks. Single quote marks that never pair are taken for apostrophes, not flagged.
//!
//! ## Why is this bad?
//! A lost closing mark makes it impossible to tell where the speaker's words end and the
//! reporter's begin: the attribution that follows is read as part of the quote. Translation
//! and copy-paste often drop or duplicate one mark of a pair.
//!
//! ## Example
//! ```text
//! "We will not sign this agreement, the minister said on Tuesday.
//! ```
//! Use instead:
//! ```text
//! "We will not sign this agreement," the minister said on Tuesday.
//! ```
//!
//! ## How to silence it
//! Close the quote, or remove the stray mark. `--ignore Q301` turns the rule off.

use crate::analysis::quotes::{partner, ProblemKind};
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let qa = &ctx.analysis.quotes;
    let text = ctx.text();
    let mut out = Vec::new();
    for p in &qa.problems {
        match p.kind {
            ProblemKind::Unclosed => {
                let quote = p.quote.and_then(|i| qa.all.get(i));
                let mut d = Diagnostic::new(p.mark, format!("Opening quote mark {} is never closed", p.ch))
                    .with_suggestion(format!("add the closing {} where the quoted words end", partner(p.ch)));
                if let Some(q) = quote {
                    let preview: String = q.span.slice(text).chars().take(60).collect();
                    d = d.with_evidence(Evidence::here(
                        q.span,
                        format!("quote read as running to here: \"{preview}\""),
                    ));
                }
                out.push(d);
            }
            ProblemKind::StrayClose => {
                out.push(
                    Diagnostic::new(p.mark, format!("Closing quote mark {} has no opening mark", p.ch))
                        .with_suggestion("add the opening mark where the quote starts, or remove this one"),
                );
            }
            _ => {}
        }
    }
    out
}
