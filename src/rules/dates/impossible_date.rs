//! ## What it does
//! Flags a date that does not exist (`30 February`).
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
