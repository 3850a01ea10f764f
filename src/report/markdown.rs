//! `--format markdown`. (Placeholder: the reports work fills this in; until then it writes JSON.)

use std::io::{self, Write};

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    super::json::render(report, out)
}
