//! ## What it does
//! Flags a word mixing scripts, e.g. a Cyrillic `е` inside a Latin word.
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
