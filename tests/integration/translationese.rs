//! Translationese rules (T701–T704): every calque lexicon entry's own examples, plus
//! end-to-end checks through the whole pipeline.

use faithful::config::Settings;
use faithful::document::Document;
use faithful::rules::translationese::lexicon::{lexicons, Hit};
use faithful::rules::translationese::words::Words;
use faithful::text::TextModel;

use crate::common::{check_doc, check_text, codes, describe};

fn calques_in(target: &str, text: &str, source: Option<&str>) -> Vec<Hit> {
    let doc = Document::from_text("example.txt", text);
    let model = TextModel::new(&doc, Some(target));
    let words = Words::new(text, &model);
    let lex = lexicons().iter().find(|l| l.target == target).expect("lexicon");
    lex.find(&words, |s| source.is_none_or(|l| l == s))
}

/// The way harper's rule files carry their tests: each entry's `fire:` sentences must match
/// that entry, its `silent:` sentences must match no entry of any pair.
#[test]
fn every_calque_entry_fires_on_its_examples_and_not_on_its_near_misses() {
    let mut failures = Vec::new();
    for lex in lexicons() {
        assert!(lex.errors.is_empty(), "lexicon errors:\n{}", lex.errors.join("\n"));
        for e in &lex.entries {
            if e.fire.is_empty() || e.silent.is_empty() {
                failures
                    .push(format!("{}: needs at least one `fire:` and one `silent:` example", e.location));
            }
            for s in &e.fire {
                let hits = calques_in(&lex.target, s, Some(&e.source_lang));
                if !hits.iter().any(|h| h.entry.location == e.location) {
                    failures.push(format!("{}: did not fire on {s:?}", e.location));
                }
            }
            for s in &e.silent {
                for h in calques_in(&lex.target, s, None) {
                    failures.push(format!(
                        "{}: silent example {s:?} matched {} on {:?}",
                        e.location,
                        h.entry.location,
                        h.span.slice(s)
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn lexicons_cover_the_four_source_languages_into_english() {
    let en = lexicons().iter().find(|l| l.target == "en").expect("English lexicon");
    for src in ["ru", "de", "fr", "es"] {
        let n = en.entries.iter().filter(|e| e.source_lang == src).count();
        assert!(n >= 40, "{src}->en has {n} entries, want at least 40");
    }
}

#[test]
fn calque_suggestion_fills_the_slot_from_the_text() {
    let text = "Title\n\nPutin met Erdogan on the fields of the SCO summit in Astana.\n";
    let hits = calques_in("en", text, None);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].span.slice(text), "on the fields of the SCO summit");
    assert_eq!(hits[0].suggestion(text), "on the sidelines of the SCO summit");
}

#[test]
fn calque_source_language_narrows_the_lexicons() {
    let text = "Title\n\nThe Kremlin gave the good to the project on Friday.\n";
    let doc = |src: Option<&str>| {
        let mut d = Document::from_text("t.txt", text);
        d.meta.source_lang = src.map(String::from);
        d
    };
    let settings = Settings::default();
    let ru = check_doc(doc(Some("ru")), &settings);
    assert!(describe(&ru, "T701").contains("Russian «дать добро»"), "{}", describe(&ru, "T701"));
    let de = check_doc(doc(Some("de")), &settings);
    assert_eq!(describe(&de, "T701"), "(no findings)\n");
    let cli = Settings { source_lang: Some("de".into()), ..Default::default() };
    assert_eq!(describe(&check_doc(doc(None), &cli), "T701"), "(no findings)\n");
    let unknown = check_doc(doc(None), &settings);
    assert!(describe(&unknown, "T701").contains("T701"));
}

#[test]
fn residue_at_the_end_of_a_clean_article_is_the_only_finding() {
    let report = check_text(
        "Talks resume\n\nThe talks will resume in Geneva next week, both delegations said.\n\nFollow us on Telegram\n",
    );
    let t7: Vec<_> = codes(&report).into_iter().filter(|c| c.starts_with('T')).collect();
    assert_eq!(t7, ["T704"], "{}", describe(&report, ""));
}

#[test]
fn calque_slot_takes_the_whole_event_name() {
    let text = "Title\n\nThe ministers met on the fields of the UN General Assembly in New York.\n";
    let hits = calques_in("en", text, Some("ru"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].suggestion(text), "on the sidelines of the UN General Assembly");
}
