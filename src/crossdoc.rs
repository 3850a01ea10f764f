//! What the other documents of a batch, and the quote ledger, say about quotes: built once per
//! batch after every document is analysed, read by A404 (quote-ledger-conflict).
//!
//! Every attributed quote of the batch goes into an in-memory inverted index of shingles
//! (pairs of consecutive content words, see [`crate::ledger::matching`]); a rule asks which
//! quotes of *other* documents are the same statement, verified by alignment. The ledger's
//! answers for every quote are looked up once, before the rules run
//! ([`CrossDocuments::attach_ledger`]), so rules stay pure functions of this data.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::document::Document;
use crate::ledger::matching::{self, Tokens};
use crate::ledger::{self, Entry, Ledger, LedgerError};
use crate::span::Span;

/// Postings longer than this are common wording; the quote's rarer shingles find its matches.
const POSTINGS_LIMIT: usize = 512;
/// Candidates verified per quote, most shared shingles first.
const CANDIDATES_LIMIT: usize = 64;

/// The ledger's entries for quote `(doc, quote)`.
type LedgerMatches = ((usize, usize), Vec<Entry>);

/// One attributed quote of the batch.
#[derive(Clone, Debug)]
pub struct BatchQuote {
    /// Index of its document in the batch.
    pub doc: usize,
    /// Index in its document's `analysis.quotes.quotes`.
    pub quote: usize,
    pub span: Span,
    pub speaker: String,
    pub tokens: Tokens,
}

/// Another text's attribution of the same statement.
#[derive(Clone, Debug)]
pub enum Attribution<'a> {
    /// A quote of another document of the batch.
    Batch(&'a BatchQuote),
    /// A quote the ledger holds.
    Ledger(&'a Entry),
}

impl Attribution<'_> {
    pub fn speaker(&self) -> &str {
        match self {
            Attribution::Batch(q) => &q.speaker,
            Attribution::Ledger(e) => &e.speaker,
        }
    }

    pub fn trusted(&self) -> bool {
        matches!(self, Attribution::Ledger(e) if e.trusted)
    }
}

#[derive(Debug, Default)]
pub struct CrossDocuments {
    /// Every quote of the batch credited to a speaker, in document order.
    pub quotes: Vec<BatchQuote>,
    /// Identity of each document (see [`ledger::document_key`]), by batch index.
    pub keys: Vec<String>,
    /// Shingle -> indexes into `quotes`.
    index: HashMap<u64, Vec<u32>>,
    /// `(doc, quote)` -> position in `quotes`.
    by_quote: HashMap<(usize, usize), usize>,
    /// `(doc, quote)` -> the ledger's entries for the same statement (trusted first), from
    /// other documents than the batch's own.
    ledger: BTreeMap<(usize, usize), Vec<Entry>>,
}

impl CrossDocuments {
    pub fn build(docs: &[(&Document, &Analysis)]) -> Self {
        let mut cross = CrossDocuments::default();
        for (d, (doc, analysis)) in docs.iter().enumerate() {
            cross.keys.push(ledger::document_key(doc));
            for (q, quote) in analysis.quotes.quotes.iter().enumerate() {
                let Some(speaker) = crate::ledger::comparable_speaker(quote) else { continue };
                let tokens = Tokens::new(quote.span.slice(&doc.text));
                if !tokens.informative() {
                    continue;
                }
                let at = cross.quotes.len();
                for h in tokens.shingles() {
                    cross.index.entry(h).or_default().push(at as u32);
                }
                cross.by_quote.insert((d, q), at);
                cross.quotes.push(BatchQuote {
                    doc: d,
                    quote: q,
                    span: quote.span,
                    speaker: speaker.name.trim().to_string(),
                    tokens,
                });
            }
        }
        cross
    }

    /// Looks every quote of the batch up in the ledger. Entries recorded from a document of
    /// this batch are left out: the batch's current version of it speaks for itself.
    pub fn attach_ledger(&mut self, ledger_path: &std::path::Path) -> Result<(), LedgerError> {
        // Opened once up front so that a bad ledger fails before any work, then once per
        // worker thread: WAL readers do not block each other.
        Ledger::open(ledger_path, ledger::Access::Read)?;
        let own: BTreeSet<&str> = self.keys.iter().map(String::as_str).collect();
        let found: Vec<Result<Option<LedgerMatches>, LedgerError>> = self
            .quotes
            .par_iter()
            .map_init(
                || Ledger::open(ledger_path, ledger::Access::Read),
                |conn, q| {
                    let conn = conn.as_ref().map_err(Clone::clone)?;
                    let mut entries = conn.matches(&q.tokens)?;
                    entries.retain(|e| !own.contains(e.key.as_str()));
                    Ok((!entries.is_empty()).then_some(((q.doc, q.quote), entries)))
                },
            )
            .collect();
        for item in found {
            if let Some((key, entries)) = item? {
                self.ledger.insert(key, entries);
            }
        }
        Ok(())
    }

    /// What other documents of the batch and the ledger say about quote `quote` of document
    /// `doc`: every other attribution of the same statement, batch first (in batch order), then
    /// the ledger (trusted first). Empty for quotes without a speaker or too short to match.
    pub fn attributions(&self, doc: usize, quote: usize) -> Vec<Attribution<'_>> {
        let Some(&at) = self.by_quote.get(&(doc, quote)) else { return Vec::new() };
        let me = &self.quotes[at];
        let mut hits: HashMap<u32, u32> = HashMap::new();
        for h in me.tokens.shingles() {
            let Some(postings) = self.index.get(&h) else { continue };
            for &other in postings.iter().take(POSTINGS_LIMIT) {
                if self.quotes[other as usize].doc != doc {
                    *hits.entry(other).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, u32)> = hits.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES_LIMIT);
        let mut same: Vec<u32> = ranked
            .into_iter()
            .map(|(i, _)| i)
            .filter(|&i| matching::same_statement(&me.tokens, &self.quotes[i as usize].tokens))
            .collect();
        same.sort_unstable();
        let mut out: Vec<Attribution> =
            same.into_iter().map(|i| Attribution::Batch(&self.quotes[i as usize])).collect();
        if let Some(entries) = self.ledger.get(&(doc, quote)) {
            out.extend(entries.iter().map(Attribution::Ledger));
        }
        out
    }

    /// Whether any ledger entries were attached.
    pub fn has_ledger_matches(&self) -> bool {
        !self.ledger.is_empty()
    }
}
