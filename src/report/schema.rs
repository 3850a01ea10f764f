//! JSON Schemas of the report, generated from the Rust types so they cannot drift from what
//! the renderers write. The repository ships them as `schema/report.schema.json` (the whole
//! report, `--format json`) and `schema/report-line.schema.json` (one line of
//! `--format jsonl`); a test regenerates both and fails if the shipped files differ.

use schemars::generate::SchemaSettings;
use schemars::JsonSchema;

use super::json::Line;
use super::Report;

fn generate<T: JsonSchema>() -> String {
    let schema = SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>();
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema is always serializable");
    out.push('\n');
    out
}

/// The schema of `--format json`.
pub fn report_schema() -> String {
    generate::<Report>()
}

/// The schema of one line of `--format jsonl`.
pub fn line_schema() -> String {
    generate::<Line<'static>>()
}
