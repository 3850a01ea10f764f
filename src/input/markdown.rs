//! Markdown articles with optional YAML front matter (`title`, `date`, `lang`, `source`). The
//! front matter stays in the text, so line numbers match the file, but is not checked.

use serde::Deserialize;

use super::{InputError, Loaded};
use crate::document::{Document, Format};

#[derive(Debug, Default, Deserialize)]
struct FrontMatter {
    title: Option<String>,
    date: Option<serde_norway::Value>,
    lang: Option<String>,
    source: Option<String>,
    source_lang: Option<String>,
    id: Option<serde_norway::Value>,
}

pub fn parse(name: &str, text: String) -> Loaded {
    let mut doc = Document::from_text(name, String::new());
    doc.format = Format::Markdown;
    if let Some((yaml, body_start)) = split_front_matter(&text) {
        let fm: FrontMatter = serde_norway::from_str::<Option<FrontMatter>>(yaml)
            .map_err(|e| InputError::new(name, format!("front matter: {e}")))?
            .unwrap_or_default();
        doc.body_start = body_start;
        doc.title = fm.title;
        doc.meta.lang = fm.lang;
        doc.meta.source_lang = fm.source_lang;
        doc.id = fm.id.as_ref().and_then(scalar);
        if let Some(date) = fm.date.as_ref().and_then(scalar) {
            doc.meta.published = Some(crate::input::jsonl::parse_date(&date).ok_or_else(|| {
                InputError::new(name, format!("front matter: date '{date}' is not YYYY-MM-DD"))
            })?);
        }
        if let Some(src) = fm.source {
            let base = std::path::Path::new(name).parent().unwrap_or(std::path::Path::new(""));
            let path = base.join(&src);
            if path.is_file() {
                super::attach_source(&mut doc, &path)?;
            }
        }
    }
    if doc.title.is_none() {
        doc.title = text[doc.body_start..]
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty())
            .map(str::to_owned);
    }
    doc.text = text;
    Ok(doc)
}

fn scalar(v: &serde_norway::Value) -> Option<String> {
    match v {
        serde_norway::Value::String(s) => Some(s.clone()),
        serde_norway::Value::Number(n) => Some(n.to_string()),
        serde_norway::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The YAML between a leading `---` line and the next `---` (or `...`) line, and where the
/// body starts.
fn split_front_matter(text: &str) -> Option<(&str, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = first_end + 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            return Some((&text[first_end + 1..pos], end));
        }
        pos = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_sets_metadata_and_body() {
        let text = "---\ntitle: Rail\ndate: 2025-04-03\nlang: en\n---\nBody here.\n".to_string();
        let doc = parse("a.md", text).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Rail"));
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
        assert_eq!(doc.meta.published.unwrap().to_string(), "2025-04-03");
        assert_eq!(&doc.text[doc.body_start..], "Body here.\n");
    }
}
