//! A small element tree for the bilingual exchange formats (XLIFF, TMX), read with quick-xml.
//!
//! Safety first: a `<!DOCTYPE>` is skipped, never fetched, and no entity is expanded other than
//! the five predefined ones and character references. Any other entity reference (`&xxe;`) is
//! an error naming its line, so an external-entity attack can neither read files nor hang the
//! batch. Nesting is capped so a hostile file cannot exhaust the stack.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::document::{Document, Format, UnitPair};
use crate::span::Span;

/// Deeper nesting than this is refused (real XLIFF/TMX files stay under a dozen levels).
const MAX_DEPTH: usize = 256;

#[derive(Clone, Debug, Default)]
pub struct Element {
    /// Local name, without namespace prefix.
    pub name: String,
    /// Attributes by qualified name (`xml:lang` stays `xml:lang`).
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
}

#[derive(Clone, Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// An attribute by qualified name, or by local name when `name` has no prefix.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name || (!name.contains(':') && local(k) == name))
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element called `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant element called `name`, in document order, not looking inside a match.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            } else {
                e.find_all(name, out);
            }
        }
    }

    /// The text content, leaving out the content of elements named in `skip` (inline native
    /// codes such as `<ph>` and `<bpt>`). `<cp hex="…"/>` (XLIFF 2) becomes its character.
    pub fn text(&self, skip: &[&str]) -> String {
        let mut out = String::new();
        self.collect_text(skip, &mut out);
        out
    }

    fn collect_text(&self, skip: &[&str], out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if e.name == "cp" => {
                    if let Some(c) =
                        e.attr("hex").and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32)
                    {
                        out.push(c);
                    }
                }
                Node::Element(e) if skip.contains(&e.name.as_str()) => {}
                Node::Element(e) => e.collect_text(skip, out),
            }
        }
    }
}

fn local(qname: &str) -> &str {
    qname.rsplit_once(':').map_or(qname, |(_, l)| l)
}

/// Counts lines up to byte offsets that only move forward.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset > self.pos {
            self.line += self.text.as_bytes()[self.pos..offset].iter().filter(|&&b| b == b'\n').count();
            self.pos = offset;
        }
        self.line
    }
}

/// Parses `text` into its root element. The error is a reason ending in `at line N`.
pub fn parse(text: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut lines = Lines { text, pos: 0, line: 1 };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let line = lines.at(reader.error_position() as usize);
                return Err(format!("{e} at line {line}"));
            }
        };
        match event {
            Event::Start(start) => {
                let line = lines.at(before);
                if stack.len() >= MAX_DEPTH {
                    return Err(format!("elements nested deeper than {MAX_DEPTH} at line {line}"));
                }
                stack.push(element(&start, line)?);
            }
            Event::Empty(start) => {
                let line = lines.at(before);
                let e = element(&start, line)?;
                attach(&mut stack, &mut root, e);
            }
            Event::End(_) => {
                if let Some(e) = stack.pop() {
                    attach(&mut stack, &mut root, e);
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(c) => push_text(&mut stack, &c),
            Event::GeneralRef(r) => {
                let line = lines.at(before);
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match resolve_predefined_entity(&r) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(format!(
                                "entity '&{};' is not predefined (entities declared in a DTD are never expanded) at line {line}",
                                &*r
                            ))
                        }
                    },
                    Err(e) => return Err(format!("{e} at line {line}")),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            // Declarations, comments, processing instructions and the DOCTYPE are skipped:
            // nothing in a DTD is ever fetched or applied.
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        let line = lines.at(text.len());
        return Err(format!(
            "unexpected end of file, <{}> from line {} is not closed, at line {line}",
            open.name, open.line
        ));
    }
    root.ok_or_else(|| "no root element at line 1".to_string())
}

fn element(start: &BytesStart, line: usize) -> Result<Element, String> {
    let name = start.local_name().as_ref().to_string();
    let mut attrs = Vec::new();
    for a in start.attributes() {
        let a = a.map_err(|e| format!("{e} at line {line}"))?;
        let key = a.key.as_ref().to_string();
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|e| {
            format!("attribute '{key}': {e} (only predefined entities are expanded) at line {line}")
        })?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Element { name, attrs, children: Vec::new(), line })
}

fn attach(stack: &mut [Element], root: &mut Option<Element>, e: Element) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(Node::Element(e)),
        None => {
            if root.is_none() {
                *root = Some(e);
            }
        }
    }
}

fn push_text(stack: &mut [Element], s: &str) {
    if let Some(parent) = stack.last_mut() {
        if let Some(Node::Text(t)) = parent.children.last_mut() {
            t.push_str(s);
        } else {
            parent.children.push(Node::Text(s.to_string()));
        }
    }
}

/// The primary subtag of a language tag, lower-cased: `en-US` -> `en`, `pt_BR` -> `pt`.
pub fn primary_language(tag: &str) -> Option<String> {
    let p = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (!p.is_empty() && p.chars().all(|c| c.is_ascii_alphabetic()) && p.len() <= 8).then_some(p)
}

/// Segment text as it goes into a document: trimmed, with blank lines inside collapsed so a
/// segment stays one paragraph.
pub fn clean_segment(s: &str) -> String {
    let lines: Vec<&str> = s.trim().lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).collect();
    lines.join("\n")
}

/// One translation unit as read from the file: source text and target text (`None` when the
/// unit has no translation yet).
pub struct Segment {
    pub source: String,
    pub target: Option<String>,
}

/// Builds the document of a bilingual file: its text is the target segments joined by blank
/// lines, its source document holds the source segments likewise, and `units` pairs them up.
/// A unit without a translation gets an empty target span where it would have been.
pub fn bilingual_document(
    name: &str,
    format: Format,
    id: Option<String>,
    source_lang: Option<String>,
    target_lang: Option<String>,
    segments: &[Segment],
) -> Document {
    let mut target = String::new();
    let mut source = String::new();
    let mut units = Vec::with_capacity(segments.len());
    for seg in segments {
        let src = clean_segment(&seg.source);
        let tgt = seg.target.as_deref().map(clean_segment).unwrap_or_default();
        if src.is_empty() && tgt.is_empty() {
            continue;
        }
        let s = append(&mut source, &src);
        let t = append(&mut target, &tgt);
        units.push(UnitPair { source: s, target: t });
    }
    let mut src_doc = Document::from_text(name, source);
    src_doc.format = format;
    src_doc.id = id.clone();
    src_doc.meta.lang = source_lang.clone();
    let mut doc = Document::from_text(name, target);
    doc.format = format;
    doc.id = id;
    doc.meta.lang = target_lang;
    doc.meta.source_lang = source_lang;
    doc.source = Some(Box::new(src_doc));
    doc.units = units;
    doc
}

/// Appends a segment as its own paragraph; an empty segment takes no room.
fn append(text: &mut String, seg: &str) -> Span {
    if seg.is_empty() {
        return Span::new(text.len(), text.len());
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    let start = text.len();
    text.push_str(seg);
    Span::new(start, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_text_and_attributes() {
        let root =
            parse("<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\"><b>Hi &lt;<c>there</c>&#33;</b></a>").unwrap();
        assert_eq!(root.attr("x"), Some("1 & 2"));
        assert_eq!(root.child("b").unwrap().text(&[]), "Hi <there!");
        assert_eq!(root.child("b").unwrap().text(&["c"]), "Hi <!");
        assert_eq!(root.child("b").unwrap().line, 2);
    }

    #[test]
    fn unknown_entity_is_refused_with_its_line() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<a>\n<b>&xxe;</b></a>";
        let err = parse(xml).unwrap_err();
        assert!(err.contains("xxe") && err.ends_with("at line 4"), "{err}");
    }

    #[test]
    fn unclosed_and_mismatched_tags_are_errors() {
        assert!(parse("<a>\n<b>\n").unwrap_err().contains("line 3"));
        let err = parse("<a>\n<b></c></a>").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let xml = "<a>".repeat(10_000);
        assert!(parse(&xml).unwrap_err().contains("nested deeper"));
    }

    #[test]
    fn language_tags_and_segments() {
        assert_eq!(primary_language("en-US").as_deref(), Some("en"));
        assert_eq!(primary_language("*all*"), None);
        assert_eq!(clean_segment("  one\n\n\ntwo \n"), "one\ntwo");
    }
}
