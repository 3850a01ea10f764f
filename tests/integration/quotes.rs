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

#[test]
fn pronouns_resolve_by_gender() {
    let text = "Council vote\n\nMayor Linda Okafor defended the plan. Opposition leader Mark Reyes voted against it.\n\n\"Every figure has been checked,\" she said.\n\n\"Nobody believes that,\" he replied.\n";
    let got = speakers(text);
    let names: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(names, [Some("Linda Okafor"), Some("Mark Reyes")], "{got:?}");
}

#[test]
fn five_languages_patterns() {
    let cases = [
        ("Переговоры\n\nМинистр иностранных дел России Сергей Лавров прибыл в Анкару.\n\n«Мы готовы к диалогу», — заявил Лавров.\n\n«Но только на равных», — добавил он.\n", ["Сергей Лавров", "Сергей Лавров"]),
        ("Lage\n\nBundeskanzler Olaf Scholz sprach am Montag.\n\n„Wir stehen an der Seite der Ukraine“, sagte Scholz.\n\n„Das bleibt so“, fügte er hinzu.\n", ["Olaf Scholz", "Olaf Scholz"]),
        ("Visite\n\nLe président Emmanuel Macron était à Berlin.\n\n« Nous devons avancer ensemble », a déclaré M. Macron.\n\n« L'Europe est à un tournant », a-t-il ajouté.\n", ["Emmanuel Macron", "Emmanuel Macron"]),
        ("Bruselas\n\nEl presidente del Gobierno, Pedro Sánchez, viajó a Bruselas.\n\n\"España cumplirá sus compromisos\", dijo Sánchez.\n\n\"No habrá recortes\", añadió.\n", ["Pedro Sánchez", "Pedro Sánchez"]),
    ];
    for (text, want) in cases {
        let got = speakers(text);
        let names: Vec<&str> = got.iter().filter_map(|(_, s)| s.as_deref()).collect();
        assert_eq!(names, want, "{got:?}");
    }
}

/// Odd inputs never panic and every quote and speaker span is on character boundaries.
#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        "\"",
        "“",
        "«",
        "»«",
        "„“”‘’‚'\"«»‹›「」『』",
        "''''",
        "\"\"\"\"\"",
        "a\"b\"c\"",
        "« »",
        "\u{a0}«\u{a0}»\u{a0}",
        "T\n\n“a\n\n“b\n\n“c",
        "said said said",
        "\"x,\" said",
        "According to, \"",
        "— заявил",
        "„“, so",
        "\"Q,\" he said. \"R,\" she added. \"S\" they",
        "Й\"ё\"ʼ'ʼ",
        "x\n\n\"\n\n\"\n\n\"",
    ];
    for s in inputs {
        let text = format!("Title\n\n{s}\n");
        let report = check_text(&text);
        for q in &report.documents[0].quotes {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end), "{s:?}");
            if let Some(sp) = &q.speaker {
                assert!(text.is_char_boundary(sp.span.start) && text.is_char_boundary(sp.span.end), "{s:?}");
            }
        }
    }
}
