//! ## What it does
//! Flags zero-width, bidirectional-control and other invisible characters.
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
