//! Quotes and speakers: extraction across quote conventions, attribution in five languages,
//! and the gold set's speaker accuracy.

use crate::common::{check_text, codes};

/// `(quote start, speaker name)` pairs of a checked plain text.
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    let report = check_text(text);
    report.documents[0]
        .quotes
        .iter()
        .map(|q| (q.text.chars().take(24).collect(), q.speaker.as_ref().map(|s| s.name.clone())))
        .collect()
}

#[test]
fn english_attribution_patterns() {
    let text = "Strike talks\n\nInterior Minister Anna Petrova met union leaders. Ivan Petrov, head of the rail union, was blunt.\n\n\"We will not accept these cuts,\" Petrov said. \"Not now, not ever.\"\n\n\"The government has listened,\" said Petrova.\n\n\"The offer is final,\" she added.\n\nAccording to a senior diplomat, \"the deal is dead.\"\n";
    let got = speakers(text);
    let names: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Ivan Petrov"),
            Some("Ivan Petrov"),
            Some("Anna Petrova"),
            Some("Anna Petrova"),
            Some("a senior diplomat")
        ],
        "{got:?}"
    );
}

#[test]
fn clean_text_with_apostrophes_has_no_quote_findings() {
    let text =
        "Music\n\nD'Angelo played rock 'n' roll in the '80s, and O’Brien didn't mind the students’ noise.\n";
    let report = check_text(text);
    assert!(report.documents[0].quotes.is_empty());
    assert!(
        codes(&report).iter().all(|c| !c.starts_with('Q') && !c.starts_with('A')),
        "{:?}",
        codes(&report)
    );
}

/// Whether the speaker found matches the gold speaker: the same person (names compared with
/// transliteration, case and gender folding), or the same organisation / source phrase.
fn speaker_matches(expected: &str, got: &str) -> bool {
    let (e, g) = (faithful::names::fold(expected), faithful::names::fold(got));
    e == g
        || faithful::names::same_person_exact(expected, got)
        || (e.len() > 6 && (g.contains(&e) || e.contains(&g)) && g.len() > 6)
}

/// Speaker accuracy per language on `corpora/gold/quotes.jsonl`: `(correct, total, misses)`.
pub fn gold_accuracy() -> Vec<(String, usize, usize, Vec<String>)> {
    let path = crate::common::root().join("corpora/gold/quotes.jsonl");
    let data = std::fs::read_to_string(path).expect("gold set");
    let mut per: Vec<(String, usize, usize, Vec<String>)> = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("gold line");
        let lang = v["lang"].as_str().unwrap().to_string();
        let doc =
            faithful::document::Document::from_text(v["id"].as_str().unwrap(), v["text"].as_str().unwrap());
        let report = crate::common::check_doc(doc, &faithful::config::Settings::default());
        let quotes = &report.documents[0].quotes;
        let entry = match per.iter().position(|p| p.0 == lang) {
            Some(i) => &mut per[i],
            None => {
                per.push((lang.clone(), 0, 0, Vec::new()));
                per.last_mut().unwrap()
            }
        };
        for g in v["quotes"].as_array().unwrap() {
            let start = g["quote_start"].as_str().unwrap();
            let want = g["speaker"].as_str().unwrap();
            entry.2 += 1;
            let found = quotes.iter().find(|q| q.text.contains(start));
            let got = found.and_then(|q| q.speaker.as_ref()).map(|s| s.name.as_str());
            match got {
                Some(got) if speaker_matches(want, got) => entry.1 += 1,
                _ => entry.3.push(format!(
                    "{} {start:?}: want {want:?}, got {:?}{}",
                    v["id"].as_str().unwrap(),
                    got,
                    if found.is_none() { " (quote not found)" } else { "" }
                )),
            }
        }
    }
    per
}

#[test]
fn gold_speaker_accuracy_per_language() {
    let per = gold_accuracy();
    let mut report = String::new();
    let mut failed = false;
    for (lang, ok, total, misses) in &per {
        let acc = *ok as f64 / *total as f64;
        report.push_str(&format!("{lang}: {ok}/{total} = {:.1}%\n", acc * 100.0));
        for m in misses {
            report.push_str(&format!("  miss {m}\n"));
        }
        failed |= acc < 0.9;
    }
    println!("{report}");
    assert_eq!(per.len(), 5, "all five languages are in the gold set");
    assert!(per.iter().map(|p| p.2).sum::<usize>() >= 80);
    assert!(!failed, "speaker accuracy under 90%:\n{report}");
}
