//! ## What it does
//! Flags quote marks of another language's convention (`«…»` in English).
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
