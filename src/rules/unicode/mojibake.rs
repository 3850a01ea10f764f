//! ## What it does
//! Flags text that is UTF-8 decoded with the wrong code page (`Ã©tÃ©`, `Ð¡Ð¾`).
//!
//! Not implemented yet: this rule reports nothing.

use crate::finding::Diagnostic;
use crate::rules::Context;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let _ = ctx;
    Vec::new()
}
