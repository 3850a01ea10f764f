//! Article pairs written for acceptance (`corpora/pairs/`): eighteen wire stories, each with
//! its source and a good translation (`clean.jsonl`), and the same translations with four
//! planted errors each (`errors.jsonl`): a changed number, a moved date, a quote credited to
//! someone else of the story, a quote left in the source language. `expected.tsv` lists each
//! planted error and the text its finding must cover; a fourth column marks a known miss and
//! says why (such a row is reported, not required).
//!
//! Directions: en->ru, ru->en, en->de, de->en, en->fr, fr->en, en->es, es->en, en->uk, en->it,
//! en->pt, en->pl. The first six stories were written knowing the code; the twelve after them
//! (from `smelter-fire` on) were written as a held-out test before the speaker code was read,
//! with attributions varied on purpose: pre-posed, post-posed and inverted cues, `according
//! to`, `told reporters`, a role alone on second mention, pronouns and pro-drop verbs (`dijo.`,
//! `disse.`, `powiedziała.`), partial quotes after label verbs (`called`, `назвал`, `nazwała`,
//! `bezeichnete … als`), quotes of several sentences or paragraphs, quotes inside quotes and
//! apostrophes (O'Neill, D'Arcy, '80s, l'Élysée, Ca' Foscari, п'ятниці).
//!
//! The clean translations carry the things that must stay silent: converted number formats
//! (1,400/1400, 4.2 million/4,2 млн, 4.2%/4,2 Prozent, 5–10 p.m./17:00–22:00), transliterated
//! and inflected names (Андрей Воронцов/Andrei Vorontsov, Michał Kołodziejczak/Михал
//! Колодзейчак, Reiß/Reiss), reported speech, partial quotes, dates in other formats.

use faithful::config::Settings;
use faithful::finding::Severity;
use faithful::report::{DocumentReport, FindingField, Report};

use crate::common::{check_paths, root};

fn check(name: &str) -> Report {
    let settings = Settings { select: vec!["X8".into()], ..Settings::default() };
    check_paths(&[&root().join("corpora/pairs").join(name)], &settings)
}

/// Findings an editor would have to read: warnings and errors, as `id CODE "text": message`.
fn alarms(report: &Report) -> Vec<String> {
    report
        .documents
        .iter()
        .flat_map(|d| {
            d.findings.iter().filter(|f| f.severity >= Severity::Warning).map(move |f| describe(d, f))
        })
        .collect()
}

fn describe(d: &DocumentReport, f: &FindingField) -> String {
    format!("{} {} {:?}: {}", d.id.as_deref().unwrap_or(""), f.code, f.text, f.message)
}

#[test]
fn good_translations_raise_no_cross_language_alarm() {
    let report = check("clean.jsonl");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.documents.len(), 18);
    assert!(report.documents.iter().all(|d| d.source.is_some()));
    let alarms = alarms(&report);
    assert!(alarms.is_empty(), "false alarms on good translations:\n{}", alarms.join("\n"));
}

#[test]
fn every_planted_error_is_found_by_its_rule_and_nothing_else_is_flagged() {
    let report = check("errors.jsonl");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let expected = std::fs::read_to_string(root().join("corpora/pairs/expected.tsv")).unwrap();
    let mut missed = Vec::new();
    let mut covered = vec![false; report.documents.iter().map(|d| d.findings.len()).sum()];
    let mut planted = 0;
    for row in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = row.split('\t').collect();
        let [id, code, snippet] = fields[..3] else { panic!("bad row {row:?}") };
        let known_miss = fields.get(3).is_some_and(|f| f.starts_with("known miss"));
        planted += 1;
        let (k, d) = report
            .documents
            .iter()
            .enumerate()
            .find(|(_, d)| d.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no document {id}"));
        let at = d.text.find(snippet).unwrap_or_else(|| panic!("{id}: {snippet:?} not in the text"));
        let (start, end) = (at, at + snippet.len());
        let offset: usize = report.documents[..k].iter().map(|d| d.findings.len()).sum();
        let mut hit = false;
        for (j, f) in d.findings.iter().enumerate() {
            if f.span.start < end && start < f.span.end {
                covered[offset + j] = true;
                hit |= f.code == code;
            }
        }
        if !hit && known_miss {
            eprintln!("known miss: {id} {code} {snippet:?}");
        } else if !hit {
            missed.push(format!("{id} {code} {snippet:?}"));
        }
    }
    assert_eq!(planted, 72);
    let mut stray = Vec::new();
    let mut k = 0;
    for d in &report.documents {
        for f in &d.findings {
            if f.severity >= Severity::Warning && !covered[k] {
                stray.push(describe(d, f));
            }
            k += 1;
        }
    }
    assert!(
        missed.is_empty() && stray.is_empty(),
        "missed planted errors:\n{}\n\nfindings on correct text:\n{}",
        missed.join("\n"),
        stray.join("\n")
    );
}
