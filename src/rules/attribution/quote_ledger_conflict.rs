//! ## What it does
//! Flags a quote that another document of the batch, or the quote ledger
//! (`check --ledger`), credits to someone else. The same statement is recognised through
//! changes of case, punctuation and quote marks, small edits, trimmed openings and endings,
//! and a quote cut in two; speakers are compared through spelling and transliteration
//! variants (Zelensky = Zelenskyy = Зеленский).
//!
//! Who is right is decided by the evidence: if the ledger holds the statement from a trusted
//! source (`ledger add --trusted`: the wire service, the original), the quote is flagged when
//! no trusted source agrees with its speaker. Otherwise it is flagged when at least as many
//! documents credit the statement to someone else as agree with it (counting its own), so the
//! one article that got it wrong is flagged and the articles that repeat it correctly are not;
//! with only two documents in conflict, both are flagged.
//!
//! Short generic statements ("No.", "We will see") are never compared: everyone says them.
//!
//! ## Why is this bad?
//! A misattributed quote is often invisible inside one article: the wire story credits the
//! foreign minister, the translation credits the prime minister. Across the feed, or against
//! what the wire said last week, the conflict shows.
//!
//! ## Example
//! `wire.txt` (recorded with `faithful ledger add --trusted wire.txt`):
//! ```text
//! "We will not accept any deal that leaves the border villages undefended," Foreign Minister Anna Kovacs said.
//! ```
//! The checked article:
//! ```text
//! "We will not accept any deal that leaves the border villages undefended," Prime Minister Piotr Laski said.
//! ```
//! `faithful check --ledger article.txt` reports A404 on the quote, with the wire's quote and
//! speaker as evidence.
//!
//! ## How to silence it
//! Correct the attribution. If the statement really was made by both people (a slogan, a joint
//! statement), add `A404` to `ignore` for that run, or record the correct attribution with
//! `faithful ledger add --trusted`.

use std::collections::BTreeMap;

use crate::crossdoc::Attribution;
use crate::finding::{Diagnostic, Evidence, Origin};
use crate::ledger::matching::same_speaker;
use crate::rules::Context;

/// Evidence quotes listed per finding.
const MAX_EVIDENCE: usize = 3;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (q, quote) in ctx.analysis.quotes.quotes.iter().enumerate() {
        let Some(speaker) = &quote.speaker else { continue };
        let others = ctx.cross.attributions(ctx.index, q);
        if others.is_empty() {
            continue;
        }
        let agrees = |a: &Attribution| same_speaker(&speaker.name, a.speaker());
        let trusted: Vec<&Attribution> = others.iter().filter(|a| a.trusted()).collect();
        let conflict = if !trusted.is_empty() {
            !trusted.iter().any(|a| agrees(a))
        } else {
            // Votes by document: a document agreeing anywhere counts as agreeing.
            let mut votes: BTreeMap<String, bool> = BTreeMap::new();
            for a in &others {
                let key = match a {
                    Attribution::Batch(b) => ctx.cross.keys[b.doc].clone(),
                    Attribution::Ledger(e) => e.key.clone(),
                };
                *votes.entry(key).or_default() |= agrees(a);
            }
            let agreeing = votes.values().filter(|&&v| v).count();
            let disagreeing = votes.len() - agreeing;
            // This document counts as agreeing with itself: a tie is flagged.
            disagreeing > agreeing
        };
        if !conflict {
            continue;
        }
        let mut against: Vec<&Attribution> = others.iter().filter(|a| !agrees(a)).collect();
        // Trusted ledger entries first, then the batch, then the rest of the ledger.
        against.sort_by_key(|a| match a {
            Attribution::Ledger(e) if e.trusted => 0,
            Attribution::Batch(_) => 1,
            Attribution::Ledger(_) => 2,
        });
        let Some(first) = against.first() else { continue };
        // The places go in the evidence (the report shows their paths); the message stays
        // the same wherever the files are.
        let where_ = match first {
            Attribution::Ledger(e) if e.trusted => "a trusted source in the quote ledger",
            Attribution::Ledger(_) => "the quote ledger",
            Attribution::Batch(_) => "another document of this batch",
        };
        let mut d = Diagnostic::new(
            quote.span,
            format!(
                "Quote credited to '{}', but {} credits the same statement to '{}'",
                speaker.name,
                where_,
                first.speaker()
            ),
        );
        for a in against.iter().take(MAX_EVIDENCE) {
            d = d.with_evidence(evidence(a));
        }
        out.push(d);
    }
    out
}

fn evidence(a: &Attribution) -> Evidence {
    match a {
        Attribution::Batch(b) => Evidence {
            origin: Origin::Batch(b.doc),
            span: b.span,
            note: format!("credited to {} here", b.speaker),
        },
        Attribution::Ledger(e) => Evidence {
            origin: Origin::External { path: e.name(), position: e.position, text: e.text.clone() },
            span: e.span,
            note: format!(
                "ledger: credited to {}{}{}",
                e.speaker,
                e.published.as_deref().map(|p| format!(", published {p}")).unwrap_or_default(),
                if e.trusted { ", trusted source" } else { "" }
            ),
        },
    }
}
