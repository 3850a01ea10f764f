//! ## What it does
//! Flags a quote mark on the wrong side of its space or punctuation (`deal, "the ministry said`).
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
