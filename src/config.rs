//! Settings for a check: rule selection, severities, expected languages, publication date.
//! Read from `faithful.toml` (in the current directory or above) and overridden by the
//! command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::finding::Severity;

/// The lowest severity that makes `check` exit with status 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    #[default]
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "info" => Some(FailOn::Info),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }

    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Never => false,
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Codes or prefixes to enable; empty means all.
    pub select: Vec<String>,
    /// Codes or prefixes to disable.
    pub ignore: Vec<String>,
    /// Per-code severity overrides.
    pub severity: BTreeMap<String, Severity>,
    pub fail_on: FailOn,
    pub lang: Option<String>,
    pub source_lang: Option<String>,
    pub published: Option<NaiveDate>,
}

impl Settings {
    /// Is the rule `code` on? Like ruff: the longest matching prefix of `select` and `ignore`
    /// decides, `ignore` winning a tie.
    pub fn enabled(&self, code: &str) -> bool {
        let longest = |list: &[String]| {
            list.iter()
                .filter(|p| code.to_ascii_uppercase().starts_with(&p.to_ascii_uppercase()))
                .map(|p| p.len())
                .max()
        };
        let selected = if self.select.is_empty() { Some(0) } else { longest(&self.select) };
        match (selected, longest(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }

    /// Checks that every selector names a rule code or a prefix of one, and every severity
    /// override an existing code, so a typo (`--ignore U220`) is an error, not a no-op.
    pub fn validate(&self) -> Result<(), String> {
        let codes: Vec<&str> = crate::rules::RULES.iter().map(|r| r.code).collect();
        for (option, list) in [("select", &self.select), ("ignore", &self.ignore)] {
            for sel in list {
                let upper = sel.trim().to_ascii_uppercase();
                if upper.is_empty() || !codes.iter().any(|c| c.starts_with(&upper)) {
                    return Err(format!(
                        "--{option}: '{sel}' is not a rule code or prefix (`faithful rules` lists them)"
                    ));
                }
            }
        }
        for code in self.severity.keys() {
            if !codes.iter().any(|c| c.eq_ignore_ascii_case(code)) {
                return Err(format!("severity: '{code}' is not a rule code (`faithful rules` lists them)"));
            }
        }
        Ok(())
    }

    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.severity.iter().find(|(k, _)| k.eq_ignore_ascii_case(code)).map_or(default, |(_, &s)| s)
    }
}

/// `faithful.toml` as written by users. Every field optional; the command line wins.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub fail_on: Option<FailOn>,
    pub format: Option<String>,
    pub lang: Option<String>,
    pub source_lang: Option<String>,
    pub published: Option<String>,
    pub ledger: Option<PathBuf>,
    /// `[severity]` table: `A401 = "warning"`.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Parse { path: PathBuf, source: Box<toml::de::Error> },
}

/// Finds `faithful.toml` in `start` or the nearest directory above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().map(|d| d.join("faithful.toml")).find(|p| p.is_file())
}

pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ConfigError::Read { path: path.to_owned(), source })?;
    toml::from_str(&text)
        .map_err(|source| ConfigError::Parse { path: path.to_owned(), source: Box::new(source) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_by_prefix_like_ruff() {
        let s = Settings {
            select: vec!["A4".into(), "D602".into()],
            ignore: vec!["A404".into()],
            ..Default::default()
        };
        assert!(s.enabled("A401"));
        assert!(!s.enabled("A404"));
        assert!(s.enabled("D602"));
        assert!(!s.enabled("D601"));
        let all = Settings { ignore: vec!["T".into()], ..Default::default() };
        assert!(all.enabled("U201"));
        assert!(!all.enabled("T701"));
        assert!(all.validate().is_ok());
        let typo = Settings { ignore: vec!["U220".into()], ..Default::default() };
        assert!(typo.validate().unwrap_err().contains("'U220'"));
        let mut sev = Settings::default();
        sev.severity.insert("Z999".into(), Severity::Info);
        assert!(sev.validate().is_err());
    }
}
