//! JSON Lines feeds: one article per line (`id`, `title`, `date`, `lang`, `text`, optional
//! `source_text`, `source_lang`); unknown fields are ignored. A malformed line is an error
//! entry naming its line number; the other lines are still checked.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{InputError, Loaded};
use crate::document::{Document, Format};

#[derive(Debug, Deserialize)]
struct Article {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    text: String,
    source_text: Option<String>,
    source_lang: Option<String>,
}

/// Accepts `YYYY-MM-DD` and RFC 3339 timestamps (their date part).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

pub fn parse(name: &str, text: &str) -> Vec<Loaded> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = i + 1;
        let article: Article = match serde_json::from_str(line) {
            Ok(a) => a,
            Err(e) => {
                out.push(Err(InputError::new(name, format!("line {n}: {e}"))));
                continue;
            }
        };
        if article.text.trim().is_empty() {
            out.push(Err(InputError::new(name, format!("line {n}: empty \"text\", nothing to check"))));
            continue;
        }
        let id = article.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        let mut doc = Document::from_text(name, article.text);
        doc.format = Format::JsonLines;
        doc.id = Some(id.unwrap_or_else(|| format!("line {n}")));
        doc.title = article.title;
        doc.meta.lang = article.lang;
        doc.meta.source_lang = article.source_lang.clone();
        if let Some(date) = article.date {
            match parse_date(&date) {
                Some(d) => doc.meta.published = Some(d),
                None => {
                    out.push(Err(InputError::new(
                        name,
                        format!("line {n}: date '{date}' is not YYYY-MM-DD"),
                    )));
                    continue;
                }
            }
        }
        if let Some(src) = article.source_text {
            let mut source = Document::from_text(name, src);
            source.format = Format::JsonLines;
            source.id = doc.id.clone();
            source.meta.lang = article.source_lang;
            doc.source = Some(Box::new(source));
        }
        out.push(Ok(doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_line_is_an_error_and_others_survive() {
        let feed = "{\"id\":\"a\",\"text\":\"One.\",\"extra\":1}\n{oops\n{\"id\":7,\"text\":\"Two.\",\"date\":\"2025-01-02\"}\n{\"text\":\" \"}\n";
        let docs = parse("f.jsonl", feed);
        assert_eq!(docs.len(), 4);
        assert!(docs[3].as_ref().unwrap_err().message.contains("line 4: empty"));
        assert!(docs[0].is_ok());
        assert!(docs[1].as_ref().unwrap_err().message.starts_with("line 2:"));
        assert_eq!(docs[2].as_ref().unwrap().id.as_deref(), Some("7"));
    }
}
