//! The pipeline for a batch: analyse every document, gather what the documents say across the
//! batch, run the rules, build the report. Documents are processed in parallel; the report
//! keeps input order, so output is deterministic.

use rayon::prelude::*;

use crate::analysis::Analysis;
use crate::config::Settings;
use crate::crossdoc::CrossDocuments;
use crate::document::{DateOrigin, Document};
use crate::input::{InputError, Loaded};
use crate::report::{Checked, Report};
use crate::rules::{self, Context};

/// Checks a batch of loaded inputs. `prepare` may add cross-document knowledge (the quote
/// ledger) before the rules run.
pub fn check(loaded: Vec<Loaded>, settings: &Settings) -> Report {
    check_with(loaded, settings, |_| Ok(())).unwrap_or_else(|e| Report::new(&[], &[InputError::new("", e)]))
}

/// Like [`check`], with a hook to extend the cross-document index (e.g. from a quote ledger).
pub fn check_with(
    loaded: Vec<Loaded>,
    settings: &Settings,
    prepare: impl FnOnce(&mut CrossDocuments) -> Result<(), String>,
) -> Result<Report, String> {
    check_with_progress(loaded, settings, prepare, &|| {})
}

/// Like [`check_with`], calling `tick` (from worker threads) once when a document has been
/// analysed and once when its rules have run: two ticks per document, for a progress bar.
pub fn check_with_progress(
    loaded: Vec<Loaded>,
    settings: &Settings,
    prepare: impl FnOnce(&mut CrossDocuments) -> Result<(), String>,
    tick: &(dyn Fn() + Sync),
) -> Result<Report, String> {
    let mut docs: Vec<Document> = Vec::new();
    let mut errors: Vec<InputError> = Vec::new();
    for item in loaded {
        match item {
            Ok(mut doc) => {
                if let Some(date) = settings.published {
                    doc.meta.published = Some(date);
                    doc.meta.published_origin = Some(DateOrigin::CommandLine);
                }
                docs.push(doc)
            }
            Err(e) => errors.push(e),
        }
    }
    let analyses: Vec<Analysis> = docs
        .par_iter()
        .map(|d| {
            let a = Analysis::new(d, settings);
            tick();
            a
        })
        .collect();
    let pairs: Vec<(&Document, &Analysis)> = docs.iter().zip(&analyses).collect();
    let mut cross = CrossDocuments::build(&pairs);
    prepare(&mut cross)?;
    let checked: Vec<Checked> = pairs
        .par_iter()
        .enumerate()
        .map(|(index, &(doc, analysis))| {
            let ctx = Context { doc, analysis, settings, cross: &cross, index };
            let findings = rules::run(&ctx);
            tick();
            Checked { doc, analysis, findings }
        })
        .collect();
    Ok(Report::new(&checked, &errors))
}
