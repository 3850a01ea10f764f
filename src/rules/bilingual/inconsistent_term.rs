//! ## What it does
//! Flags the same source term rendered differently within one text.
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
