//! What the other documents of a batch, and the quote ledger, say about quotes: built once per
//! batch after every document is analysed, read by A404.
//! (Placeholder: the ledger work fills this in.)

use crate::analysis::Analysis;
use crate::document::Document;

#[derive(Debug, Default)]
pub struct CrossDocuments {}

impl CrossDocuments {
    pub fn build(docs: &[(&Document, &Analysis)]) -> Self {
        let _ = docs;
        CrossDocuments {}
    }
}
