//! U2xx through the whole pipeline: repairs for every code page, both directions of mixed
//! scripts, spans that a reader can use, and no false alarms on clean professional
//! translations (NTREX, when it is present).

use faithful::analysis::Analysis;
use faithful::config::Settings;
use faithful::crossdoc::CrossDocuments;
use faithful::document::Document;
use faithful::rules::{self, Context};
use faithful::text::TextModel;

use crate::common::{check_doc, check_text, codes};

/// (code, text, suggestion) of every finding of a text.
fn findings(text: &str) -> Vec<(&'static str, String, Option<String>)> {
    let report = check_text(text);
    report
        .documents
        .iter()
        .flat_map(|d| d.findings.iter().map(|f| (f.code, f.text.clone(), f.suggestion.clone())))
        .collect()
}

fn u2(text: &str) -> Vec<(&'static str, String, Option<String>)> {
    findings(text).into_iter().filter(|f| f.0.starts_with("U2")).collect()
}

/// Garbles UTF-8 text the way a wrong decoder does.
fn garble(s: &str, encoding: &'static encoding_rs::Encoding) -> String {
    encoding.decode_without_bom_handling(s.as_bytes()).0.into_owned()
}

fn latin1(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

#[test]
fn mojibake_from_each_code_page_is_repaired() {
    let cases = [
        (garble("Déjà vu à l’été", encoding_rs::WINDOWS_1252), "Déjà vu à l’été"),
        (latin1("Zürich’s Straße"), "Zürich’s Straße"),
        (garble("Министр обороны", encoding_rs::WINDOWS_1251), "Министр обороны"),
        (garble("Министр обороны", encoding_rs::KOI8_R), "Министр обороны"),
        (garble("Ministerio de Economía", encoding_rs::WINDOWS_1252), "Ministerio de Economía"),
    ];
    for (bad, good) in cases {
        let text = format!("Title\n\nThe report says {bad} today.\n");
        let found = u2(&text);
        let repaired: Vec<String> =
            found.iter().filter(|f| f.0 == "U202").filter_map(|f| f.2.clone()).collect();
        let joined = repaired.join(" ");
        for word in good.split(' ').filter(|w| !w.is_ascii()) {
            assert!(joined.contains(word), "{bad:?}: {word} not repaired, got {found:?}");
        }
    }
}

#[test]
fn double_mojibake_and_lost_closing_quote() {
    let twice = garble(&garble("naïve", encoding_rs::WINDOWS_1252), encoding_rs::WINDOWS_1252);
    let found = u2(&format!("T\n\nA {twice} idea.\n"));
    assert_eq!(found, [("U202", twice.clone(), Some("naïve".to_string()))]);
    // `”` is E2 80 9D; 9D has no Windows-1252 character and usually disappears.
    let found = u2("T\n\nShe said â€œyesâ€ twice.\n");
    let suggestions: Vec<_> = found.iter().filter_map(|f| f.2.as_deref()).collect();
    assert_eq!(suggestions, ["“yes”"]);
}

#[test]
fn mixed_scripts_both_directions_with_repairs() {
    let found = u2("T\n\nThe mayor of Kyiv met Pаris officials; Мэр Пaрижа ответил.\n");
    assert_eq!(
        found,
        [
            ("U201", "Pаris".to_string(), Some("Paris".to_string())),
            ("U201", "Пaрижа".to_string(), Some("Парижа".to_string())),
        ]
    );
    // No look-alike for `Я`: reported, no suggestion.
    let found = u2("T\n\nThe Яndex office opened.\n");
    assert_eq!(found, [("U201", "Яndex".to_string(), None)]);
}

#[test]
fn legitimate_mixes_stay_silent() {
    for text in [
        "COVID-19-вакцина, XXI век, ХIХ век, iPhone-ом, Wi-Fi-сеть, 5G, 2025г, 10 μg, 4 kΩ.",
        "Die Firma Яндекс und die Zeitung «Коммерсантъ» berichteten darüber.",
        "👩\u{200D}💻 and 👨\u{200D}👩\u{200D}👧 posted; می\u{200C}خواهم is Persian.",
        "Ein ganz normaler Satz mit Umlauten: Größe, Übermut, Ärger.",
        "Le préfet a dit : « C’est l’été ». ¿Qué pasó? ¡Nada!",
    ] {
        assert_eq!(u2(&format!("Title\n\n{text}\n")), [], "{text}");
    }
}

#[test]
fn invisible_and_unnormalized_characters_name_the_word() {
    let found = u2("T\n\nDie Auto\u{AD}bahn und Mu\u{308}ller in Ber\u{200B}\u{200B}lin.\n");
    assert_eq!(
        found,
        [
            ("U203", "Auto\u{AD}bahn".to_string(), Some("Autobahn".to_string())),
            ("U204", "Mu\u{308}ller".to_string(), Some("Müller".to_string())),
            ("U203", "Ber\u{200B}\u{200B}lin".to_string(), Some("Berlin".to_string())),
        ]
    );
    let found = u2("T\n\nA lone \u{200B} between words.\n");
    assert_eq!(found, [("U203", "\u{200B}".to_string(), None)]);
}

#[test]
fn finding_spans_are_on_char_boundaries_and_match_their_text() {
    let text = format!(
        "Títle\n\nМ\u{200B}ир и Mоscow, {} and cafe\u{301}\u{7}, {}.\n",
        garble("Россия", encoding_rs::WINDOWS_1251),
        garble("ça", encoding_rs::WINDOWS_1252)
    );
    let report = check_text(&text);
    let doc = &report.documents[0];
    assert!(codes(&report).iter().filter(|c| c.starts_with("U2")).count() >= 4, "{:?}", codes(&report));
    for f in &doc.findings {
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(&text[f.span.start..f.span.end], f.text);
    }
}

#[test]
fn front_matter_is_not_checked() {
    let mut doc = Document::from_text("a.md", "---\ntitle: Ber\u{200B}lin cafe\u{301}\n---\nClean body.\n");
    doc.body_start = doc.text.find("Clean").unwrap();
    let report = check_doc(doc, &Settings::default());
    assert!(!codes(&report).iter().any(|c| c.starts_with("U2")), "{:?}", codes(&report));
}

/// Runs one rule on a text with only the text model computed.
fn run_rule(code: &str, doc: &Document) -> usize {
    let analysis = Analysis { text: TextModel::new(doc, None), ..Default::default() };
    let settings = Settings::default();
    let cross = CrossDocuments::default();
    let ctx = Context { doc, analysis: &analysis, settings: &settings, cross: &cross, index: 0 };
    (rules::find(code).unwrap().check)(&ctx).len()
}

/// NTREX references are professional translations: clean in these languages. (The Russian,
/// Belarusian, Ukrainian, German and Polish references do hold real zero-width spaces, Latin
/// `i` in Cyrillic words and decomposed letters, which the rules rightly report.)
#[test]
fn no_false_alarms_on_clean_ntrex_references() {
    let dir = std::path::Path::new("/work/shared/corpora/ntrex");
    if !dir.is_dir() {
        eprintln!("NTREX not found; skipped");
        return;
    }
    for name in [
        "newstest2019-src.eng.txt",
        "newstest2019-ref.fra.txt",
        "newstest2019-ref.spa.txt",
        "newstest2019-ref.ita.txt",
        "newstest2019-ref.por.txt",
    ] {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else { continue };
        let doc = Document::from_text(name, text);
        for code in ["U201", "U202", "U203", "U204"] {
            assert_eq!(run_rule(code, &doc), 0, "{code} fires on {name}");
        }
    }
}
