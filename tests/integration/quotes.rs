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
