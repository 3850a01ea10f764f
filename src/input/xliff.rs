//! XLIFF input, versions 1.2 (`<trans-unit>`) and 2.x (`<unit>`/`<segment>`). Each `<file>`
//! element becomes one document: the target segments joined by blank lines, its source
//! document the source segments likewise, and `units` the pairs, already aligned. Languages
//! come from `source-language`/`target-language` (1.2) or `srcLang`/`trgLang` (2.x). Units
//! marked `translate="no"` are left out: they are meant to stay as they are. Inline native
//! codes (`<ph>`, `<bpt>`, `<ept>`, `<it>`) are dropped, inline markup (`<g>`, `<mrk>`, `<pc>`)
//! keeps its text. A malformed file is one error naming the line; the batch goes on.

use super::xml::{self, bilingual_document, primary_language, Element, Segment};
use super::{InputError, Loaded};
use crate::document::Format;

/// Inline elements whose content is native code, not translatable text.
const CODE_ELEMENTS: &[&str] = &["ph", "bpt", "ept", "it", "sub"];

pub fn parse(name: &str, text: &str) -> Vec<Loaded> {
    let root = match xml::parse(text) {
        Ok(r) => r,
        Err(reason) => return vec![Err(InputError::new(name, format!("XLIFF: {reason}")))],
    };
    if root.name != "xliff" {
        return vec![Err(InputError::new(
            name,
            format!("XLIFF: root element is <{}>, not <xliff>, at line {}", root.name, root.line),
        ))];
    }
    let version2 = root.attr("version").is_some_and(|v| v.trim_start().starts_with('2'));
    let files: Vec<&Element> = root.elements().filter(|e| e.name == "file").collect();
    if files.is_empty() {
        return vec![Err(InputError::new(name, format!("XLIFF: no <file> element at line {}", root.line)))];
    }
    let several = files.len() > 1;
    files
        .into_iter()
        .enumerate()
        .map(|(i, file)| {
            let (src_lang, trg_lang, segments) = if version2 {
                (root.attr("srcLang"), file.attr("trgLang").or(root.attr("trgLang")), segments_v2(file))
            } else {
                (file.attr("source-language"), file.attr("target-language"), segments_v1(file))
            };
            let id = file
                .attr("original")
                .or(file.attr("id"))
                .map(str::to_owned)
                .or_else(|| several.then(|| format!("file {}", i + 1)));
            Ok(bilingual_document(
                name,
                Format::Xliff,
                id,
                src_lang.and_then(primary_language),
                trg_lang.and_then(primary_language),
                &segments,
            ))
        })
        .collect()
}

fn translatable(e: &Element) -> bool {
    e.attr("translate") != Some("no")
}

/// XLIFF 1.2: every `<trans-unit>` (inside `<body>` and its `<group>`s).
fn segments_v1(file: &Element) -> Vec<Segment> {
    let mut units = Vec::new();
    file.find_all("trans-unit", &mut units);
    units
        .into_iter()
        .filter(|u| translatable(u))
        .map(|u| Segment {
            source: u.child("source").map(|s| s.text(CODE_ELEMENTS)).unwrap_or_default(),
            target: u.child("target").map(|t| t.text(CODE_ELEMENTS)),
        })
        .collect()
}

/// XLIFF 2.x: every `<segment>` of every `<unit>` (`<ignorable>` whitespace is skipped).
fn segments_v2(file: &Element) -> Vec<Segment> {
    let mut units = Vec::new();
    file.find_all("unit", &mut units);
    let mut out = Vec::new();
    for u in units.into_iter().filter(|u| translatable(u)) {
        for seg in u.elements().filter(|e| e.name == "segment") {
            out.push(Segment {
                source: seg.child("source").map(|s| s.text(CODE_ELEMENTS)).unwrap_or_default(),
                target: seg.child("target").map(|t| t.text(CODE_ELEMENTS)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="ru" datatype="plaintext" original="rail.txt">
    <body>
      <trans-unit id="1"><source>The tunnel opens in <g id="1">April</g>.</source><target>Тоннель откроют в <g id="1">апреле</g>.</target></trans-unit>
      <group id="g"><trans-unit id="2"><source>Cost: <ph id="2">{amount}</ph> euros.</source><target>Стоимость: <ph id="2">{amount}</ph> евро.</target></trans-unit></group>
      <trans-unit id="3" translate="no"><source>BBC</source><target>BBC</target></trans-unit>
      <trans-unit id="4"><source>Untranslated yet.</source></trans-unit>
    </body>
  </file>
</xliff>"#;

    #[test]
    fn xliff_1_2_units_become_aligned_segments() {
        let docs = parse("a.xlf", V12);
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        let src = doc.source.as_deref().unwrap();
        assert_eq!(doc.text, "Тоннель откроют в апреле.\n\nСтоимость:  евро.");
        assert_eq!(src.text, "The tunnel opens in April.\n\nCost:  euros.\n\nUntranslated yet.");
        assert_eq!(doc.meta.lang.as_deref(), Some("ru"));
        assert_eq!(doc.meta.source_lang.as_deref(), Some("en"));
        assert_eq!(src.meta.lang.as_deref(), Some("en"));
        assert_eq!(doc.id.as_deref(), Some("rail.txt"));
        assert_eq!(doc.units.len(), 3);
        assert_eq!(doc.units[1].target.slice(&doc.text), "Стоимость:  евро.");
        assert_eq!(doc.units[1].source.slice(&src.text), "Cost:  euros.");
        assert!(doc.units[2].target.is_empty());
        assert_eq!(doc.units[2].source.slice(&src.text), "Untranslated yet.");
    }

    #[test]
    fn xliff_2_segments() {
        let xml = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1"><unit id="u1">
   <segment><source>Der Zug fährt um <pc id="1">9 Uhr</pc>.</source><target>The train leaves at <pc id="1">9 am</pc>.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Er kommt<cp hex="0021"/></source><target>It arrives!</target></segment>
 </unit></file></xliff>"#;
        let docs = parse("b.xliff", xml);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.text, "The train leaves at 9 am.\n\nIt arrives!");
        assert_eq!(doc.source.as_ref().unwrap().text, "Der Zug fährt um 9 Uhr.\n\nEr kommt!");
        assert_eq!(doc.meta.source_lang.as_deref(), Some("de"));
        assert_eq!(doc.units.len(), 2);
    }

    #[test]
    fn malformed_xliff_names_the_line() {
        let xml =
            "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit><source>x</target>\n</body></file></xliff>";
        let err = parse("bad.xlf", xml).pop().unwrap().unwrap_err();
        assert!(err.message.starts_with("XLIFF: ") && err.message.contains("line 4"), "{}", err.message);
        let err = parse("cut.xlf", "<xliff version=\"1.2\">\n<file>\n<body>").pop().unwrap().unwrap_err();
        assert!(err.message.contains("unexpected end of file"), "{}", err.message);
    }

    #[test]
    fn external_entity_is_never_resolved() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"de\"><body>\n<trans-unit id=\"1\"><source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>";
        let out = parse("xxe.xlf", xml);
        let err = out[0].as_ref().unwrap_err();
        assert!(err.message.contains("never expanded") && err.message.contains("line 4"), "{}", err.message);
        assert!(!err.message.contains("root:"));
    }
}
