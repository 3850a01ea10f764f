//! The one integration-test binary (every test binary links the language models, so there is
//! only one). Each module covers a part of the product.

mod bilingual;
mod cli;
mod common;
mod dates;
mod feeds;
mod fixtures;
mod html;
mod inputs;
mod language;
mod ledger;
mod numbers;
mod pairs;
mod quotes;
mod report;
mod translationese;
mod unicode;
