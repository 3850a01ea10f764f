//! `faithful` checks translated news before it is published.
//!
//! The pipeline, stage by stage:
//! [`input`] reads files into [`document::Document`]s; [`analysis`] computes, once per
//! document, the [`text`] model, languages, quotes, speakers, dates, numbers and the alignment
//! with the source; [`rules`] are pure functions of that analysis returning findings;
//! [`report`] gathers them into one structure that a renderer per format writes out.
//! [`check::check`] runs the whole pipeline on a batch.

pub mod analysis;
pub mod check;
pub mod config;
pub mod crossdoc;
pub mod document;
pub mod finding;
pub mod input;
pub mod lang;
pub mod ledger;
pub mod names;
pub mod report;
pub mod rules;
pub mod span;
pub mod text;
pub mod translit;

pub use check::check;
