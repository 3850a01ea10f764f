//! TMX 1.4 input. The source language is the header's `srclang` (or a unit's own `srclang`
//! when the header says `*all*`, else the first variant's language); every other language
//! found in the `<tuv xml:lang>` variants is a target. A file with one target language is one
//! document (target segments joined by blank lines, its source document the source segments
//! likewise, `units` the pairs); a multilingual memory gives one document per target language,
//! with the id `<src>-<tgt>`. Inline native codes (`<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`)
//! are dropped. A malformed file is one error naming the line; the batch goes on.

use super::xml::{self, bilingual_document, primary_language, Element, Segment};
use super::{InputError, Loaded};
use crate::document::Format;

const CODE_ELEMENTS: &[&str] = &["bpt", "ept", "it", "ph", "ut", "sub"];

struct Unit {
    /// `(language, text)` for every variant.
    variants: Vec<(String, String)>,
    /// The unit's own source language, if it names one.
    srclang: Option<String>,
}

fn lang_of(tuv: &Element) -> Option<String> {
    tuv.attr("xml:lang").or(tuv.attr("lang")).and_then(primary_language)
}

pub fn parse(name: &str, text: &str) -> Vec<Loaded> {
    let root = match xml::parse(text) {
        Ok(r) => r,
        Err(reason) => return vec![Err(InputError::new(name, format!("TMX: {reason}")))],
    };
    if root.name != "tmx" {
        return vec![Err(InputError::new(
            name,
            format!("TMX: root element is <{}>, not <tmx>, at line {}", root.name, root.line),
        ))];
    }
    let header_src = root.child("header").and_then(|h| h.attr("srclang")).and_then(primary_language);
    let Some(body) = root.child("body") else {
        return vec![Err(InputError::new(name, format!("TMX: no <body> element at line {}", root.line)))];
    };
    let units: Vec<Unit> = body
        .elements()
        .filter(|e| e.name == "tu")
        .map(|tu| Unit {
            variants: tu
                .elements()
                .filter(|e| e.name == "tuv")
                .filter_map(|tuv| Some((lang_of(tuv)?, tuv.child("seg").map(|s| s.text(CODE_ELEMENTS))?)))
                .collect(),
            srclang: tu.attr("srclang").and_then(primary_language),
        })
        .collect();
    let source_lang = header_src
        .or_else(|| units.iter().find_map(|u| u.srclang.clone()))
        .or_else(|| units.iter().find_map(|u| u.variants.first().map(|v| v.0.clone())));
    let Some(source_lang) = source_lang else {
        return vec![Ok(bilingual_document(name, Format::Tmx, None, None, None, &[]))];
    };
    // Target languages in order of first appearance.
    let mut targets: Vec<String> = Vec::new();
    for u in &units {
        for (l, _) in &u.variants {
            if *l != source_lang && !targets.contains(l) {
                targets.push(l.clone());
            }
        }
    }
    if targets.is_empty() {
        targets.push(String::new());
    }
    let several = targets.len() > 1;
    targets
        .iter()
        .map(|target| {
            let segments: Vec<Segment> = units
                .iter()
                .filter_map(|u| {
                    let src_lang = u.srclang.as_deref().unwrap_or(&source_lang);
                    let source = u.variants.iter().find(|(l, _)| l == src_lang)?.1.clone();
                    let target = u.variants.iter().find(|(l, _)| l == target).map(|v| v.1.clone());
                    Some(Segment { source, target })
                })
                .collect();
            let id = several.then(|| format!("{source_lang}-{target}"));
            let target_lang = (!target.is_empty()).then(|| target.clone());
            Ok(bilingual_document(name, Format::Tmx, id, Some(source_lang.clone()), target_lang, &segments))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en-GB" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="en-GB"><seg>Prices rose by 4.2% in <bpt i="1">&lt;b&gt;</bpt>March<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Die Preise stiegen im März um 4,2 %.</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="en-GB"><seg>No translation here.</seg></tuv>
    </tu>
  </body>
</tmx>"#;

    #[test]
    fn tmx_units_pick_languages_from_attributes() {
        let docs = parse("m.tmx", TMX);
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.meta.lang.as_deref(), Some("de"));
        assert_eq!(doc.meta.source_lang.as_deref(), Some("en"));
        assert_eq!(doc.text, "Die Preise stiegen im März um 4,2 %.");
        assert_eq!(
            doc.source.as_ref().unwrap().text,
            "Prices rose by 4.2% in March.\n\nNo translation here."
        );
        assert_eq!(doc.units.len(), 2);
        assert!(doc.units[1].target.is_empty());
    }

    #[test]
    fn multilingual_memory_gives_a_document_per_target() {
        let xml = r#"<tmx version="1.4"><header srclang="*all*"/><body>
<tu srclang="en"><tuv lang="en"><seg>Hello.</seg></tuv><tuv lang="fr"><seg>Bonjour.</seg></tuv><tuv lang="es"><seg>Hola.</seg></tuv></tu>
</body></tmx>"#;
        let docs: Vec<_> = parse("multi.tmx", xml).into_iter().map(Result::unwrap).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id.as_deref(), Some("en-fr"));
        assert_eq!(docs[1].text, "Hola.");
    }

    #[test]
    fn malformed_tmx_names_the_line() {
        let err = parse("bad.tmx", "<tmx version=\"1.4\">\n<body>\n<tu><tuv xml:lang=\"en\"><seg>x</tuv>")
            .pop()
            .unwrap()
            .unwrap_err();
        assert!(err.message.starts_with("TMX: ") && err.message.contains("line 3"), "{}", err.message);
        let xxe = "<!DOCTYPE tmx [<!ENTITY e SYSTEM \"http://example.com/x\">]>\n<tmx><body><tu><tuv xml:lang=\"en\"><seg>&e;</seg></tuv></tu></body></tmx>";
        let err = parse("xxe.tmx", xxe).pop().unwrap().unwrap_err();
        assert!(err.message.contains("never expanded"), "{}", err.message);
    }
}
