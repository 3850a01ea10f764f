//! The language stage through the public API and the report: document language with `--lang`
//! given, per-sentence languages, and a sample of NTREX-128 when the corpus is present.

use std::path::Path;

use faithful::analysis::language::{detect, detect_with_hint};
use faithful::config::Settings;
use faithful::document::Document;

use crate::common::{check_doc, check_text, codes};

#[test]
fn report_language_is_the_detected_one_even_with_lang_given() {
    let settings = Settings { lang: Some("en".into()), ..Settings::default() };
    let doc = Document::from_text(
        "a.txt",
        "Новый мост\n\nПравительство объявило во вторник, что новый мост откроется в следующем году.\n",
    );
    let report = check_doc(doc, &settings);
    let d = &report.documents[0];
    assert_eq!(d.language.code, "ru");
    assert!(d.findings.iter().any(|f| f.code == "L102"), "{:?}", d.findings);
}

#[test]
fn untranslated_paragraph_is_reported_once() {
    let report = check_text(
        "Bridge talks stall\n\nThe ministers met in Vienna on Tuesday but could not agree on the budget for the new bridge.\n\n\
         Министры не смогли договориться о бюджете. Переговоры продолжатся на следующей неделе.\n\n\
         A spokesman said that further talks were planned for next week in Bratislava.\n",
    );
    assert_eq!(report.documents[0].language.code, "en");
    assert_eq!(
        codes(&report).iter().filter(|c| **c == "L101").count(),
        1,
        "{:?}",
        report.documents[0].findings
    );
}

#[test]
fn short_sentences_of_close_languages() {
    // The Russian / Ukrainian / Belarusian triangle, with sentences of a few words.
    assert_eq!(detect("Это было очень трудно.", &[]).code, "ru");
    assert_eq!(detect("Це було дуже важко.", &[]).code, "uk");
    assert_eq!(detect("Гэта было вельмі цяжка.", &[]).code, "be");
    assert_eq!(detect("Isto foi muito difícil.", &[]).code, "pt");
    assert_eq!(detect("Esto fue muy difícil.", &[]).code, "es");
}

#[test]
fn hint_does_not_override_clear_evidence() {
    assert_eq!(detect_with_hint("Der Zug fährt heute nicht nach Berlin.", &[], Some("en")).code, "de");
    assert_eq!(detect_with_hint("The train does not go to Berlin today.", &[], Some("en")).code, "en");
}

/// Every 20th NTREX line of each language (skipped when the corpus is absent; the full
/// measurement is `cargo bench --bench language`).
#[test]
fn ntrex_sample_when_present() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/ntrex");
    let dir = if dir.exists() { dir } else { Path::new("/work/shared/corpora/ntrex").to_path_buf() };
    if !dir.exists() {
        eprintln!("NTREX-128 not found; skipping");
        return;
    }
    let files = [
        ("src.eng", "en"),
        ("ref.rus", "ru"),
        ("ref.ukr", "uk"),
        ("ref.bel", "be"),
        ("ref.deu", "de"),
        ("ref.fra", "fr"),
        ("ref.spa", "es"),
        ("ref.ita", "it"),
        ("ref.por", "pt"),
        ("ref.pol", "pl"),
        ("ref.zho-CN", "zh"),
    ];
    let (mut total, mut wrong) = (0, Vec::new());
    for (file, code) in files {
        let text = std::fs::read_to_string(dir.join(format!("newstest2019-{file}.txt"))).unwrap();
        for line in text.lines().step_by(20) {
            let g = detect(line, &[]);
            if g.is_und() {
                continue;
            }
            total += 1;
            if g.code != code {
                wrong.push(format!("{code} -> {}: {line}", g.code));
            }
        }
    }
    // 99% on a sample of ~1,100 lines: the full corpus is measured by the benchmark.
    assert!(wrong.len() * 100 <= total, "{} of {total} wrong:\n{}", wrong.len(), wrong.join("\n"));
}
