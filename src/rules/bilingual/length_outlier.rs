//! ## What it does
//! Flags a segment much shorter or longer than its source (possible omission).
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
