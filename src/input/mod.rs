//! Reading inputs: paths (files, directories, `-` for stdin) into documents. Every input ends
//! up as documents or as an error naming the file and the reason; none vanishes, and one bad
//! file never stops the batch.

mod decode;
mod feed;
mod jsonl;
mod markdown;
mod tmx;
mod xliff;
mod xml;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{Document, Format};

pub use decode::decode;

/// An input that could not be read, or was skipped, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { path: path.into(), message: message.into() }
    }
}

/// One entry of the batch, in input order.
pub type Loaded = Result<Document, InputError>;

/// Expands directories (recursively, sorted, hidden entries skipped) and reads every file.
/// A directory with nothing to check is an error entry, so a mistyped folder does not pass
/// silently.
pub fn load_paths(paths: &[PathBuf]) -> Vec<Loaded> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => out.extend(parse_bytes("-", &bytes, None)),
                Err(e) => out.push(Err(InputError::new("-", format!("cannot read standard input: {e}")))),
            }
        } else if path.is_dir() {
            let mut files = Vec::new();
            let mut seen = Vec::new();
            walk(path, &mut files, &mut out, &mut seen);
            if files.is_empty() {
                out.push(Err(InputError::new(display(path), "no files to check in this directory")));
            }
            for file in files {
                out.extend(load_file(&file));
            }
        } else {
            out.extend(load_file(path));
        }
    }
    out
}

/// Collects the files under `dir`. `seen` holds the directories already walked (canonical
/// paths), so a symbolic link back up the tree does not loop forever.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Loaded>, seen: &mut Vec<PathBuf>) {
    if let Ok(canonical) = dir.canonicalize() {
        if seen.contains(&canonical) {
            return;
        }
        seen.push(canonical);
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(Err(InputError::new(display(dir), format!("cannot read directory: {e}"))));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, errors, seen);
        } else {
            files.push(p);
        }
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Reads one file into its documents (a feed gives several).
pub fn load_file(path: &Path) -> Vec<Loaded> {
    let name = display(path);
    match std::fs::read(path) {
        Ok(bytes) => parse_bytes(&name, &bytes, Some(path)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            vec![Err(InputError::new(name, "no such file or directory"))]
        }
        Err(e) => vec![Err(InputError::new(name, format!("cannot read: {e}")))],
    }
}

/// The format a file is in, from its extension, else from its first characters.
pub fn detect_format(path: Option<&Path>, text: &str) -> Format {
    let ext = path
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "md" | "markdown" => return Format::Markdown,
        "jsonl" | "ndjson" => return Format::JsonLines,
        "xlf" | "xliff" => return Format::Xliff,
        "tmx" => return Format::Tmx,
        "rss" | "atom" => return Format::Feed,
        "txt" | "text" => return Format::Text,
        _ => {}
    }
    let head = text.trim_start();
    if head.starts_with('<') {
        let probe = &head[..head.len().min(2000)];
        if probe.contains("<xliff") {
            Format::Xliff
        } else if probe.contains("<tmx") {
            Format::Tmx
        } else if probe.contains("<rss") || probe.contains("<feed") || probe.contains("<rdf:RDF") {
            Format::Feed
        } else {
            Format::Text
        }
    } else if head.starts_with('{') {
        Format::JsonLines
    } else if text.starts_with("---\n") || text.starts_with("---\r\n") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Decodes and parses the bytes of one input. An input with no text to check (empty, only
/// whitespace, front matter without a body) is an error entry, not a silent pass.
pub fn parse_bytes(name: &str, bytes: &[u8], path: Option<&Path>) -> Vec<Loaded> {
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(reason) => return vec![Err(InputError::new(name, reason))],
    };
    if text.is_empty() {
        return vec![Err(InputError::new(name, "empty file, nothing to check"))];
    }
    if text.trim().is_empty() {
        return vec![Err(InputError::new(name, "only whitespace, nothing to check"))];
    }
    let parsed = match detect_format(path, &text) {
        Format::Text => vec![Ok(text_document(name, text))],
        Format::Markdown => vec![markdown::parse(name, text)],
        Format::JsonLines => jsonl::parse(name, &text),
        Format::Xliff => xliff::parse(name, &text),
        Format::Tmx => tmx::parse(name, &text),
        Format::Feed => feed::parse(name, &text),
    };
    parsed
        .into_iter()
        .map(|loaded| match loaded {
            Ok(doc) if doc.format == Format::Markdown && doc.text[doc.body_start..].trim().is_empty() => {
                Err(InputError::new(name, "front matter but no text to check"))
            }
            other => other,
        })
        .collect()
}

/// A plain-text article: the first non-empty line is its title.
pub fn text_document(name: &str, text: String) -> Document {
    let title = text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_owned);
    let mut doc = Document::from_text(name, text);
    doc.title = title;
    doc
}

/// Reads `path` as the source of `doc` (for `--source`).
pub fn attach_source(doc: &mut Document, path: &Path) -> Result<(), InputError> {
    let mut loaded = load_file(path);
    match loaded.len() {
        1 => {
            let src = loaded.pop().unwrap()?;
            doc.source = Some(Box::new(src));
            Ok(())
        }
        _ => Err(InputError::new(display(path), "a source must hold exactly one article")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension_and_content() {
        assert_eq!(detect_format(Some(Path::new("a.md")), ""), Format::Markdown);
        assert_eq!(detect_format(None, "{\"id\":1}"), Format::JsonLines);
        assert_eq!(detect_format(None, "<?xml version=\"1.0\"?><xliff>"), Format::Xliff);
        assert_eq!(detect_format(None, "Plain words"), Format::Text);
    }
}
