//! Publication date, date mentions and the date rules (D601–D603) end to end.

use faithful::config::Settings;
use faithful::document::Document;

use crate::common::{check_doc, check_text, codes};

fn published(text: &str) -> Option<String> {
    check_text(text).documents[0].published.clone()
}

#[test]
fn dateline_sets_the_publication_date() {
    assert_eq!(
        published("Title\n\nVienna, 3 April 2025\n\nThe talks went on.").as_deref(),
        Some("2025-04-03")
    );
    assert_eq!(published("Title\n\n07 March 2025\n\nBody.").as_deref(), Some("2025-03-07"));
    assert_eq!(published("Title\n\nApril 3, 2025, Kyiv\n\nBody.").as_deref(), Some("2025-04-03"));
    assert_eq!(published("Заголовок\n\nКазань, 5 апреля 2025 года\n\nТекст.").as_deref(), Some("2025-04-05"));
    assert_eq!(published("Title\n\nThe summit of 3 April 2025 in Vienna ended without a deal.\n"), None);
}

#[test]
fn command_line_wins_over_the_dateline() {
    let settings = Settings { published: chrono::NaiveDate::from_ymd_opt(2025, 5, 1), ..Settings::default() };
    let doc = Document::from_text("a.txt", "Title\n\nVienna, 3 April 2025\n\nThe talks resumed on 20 April.");
    let report = check_doc(doc, &settings);
    assert_eq!(report.documents[0].published.as_deref(), Some("2025-05-01"));
    assert!(!codes(&report).contains(&"D601"));
}

#[test]
fn past_event_after_the_dateline_fires_and_its_paraphrase_too() {
    for body in [
        "The minister opened the tunnel on 10 April 2025.",
        "On April 10, 2025, the minister opened the tunnel.",
        "The tunnel was opened by the minister on April 10.",
    ] {
        let report = check_text(&format!("Tunnel\n\nVienna, 3 April 2025\n\n{body}\n"));
        assert!(codes(&report).contains(&"D601"), "{body}");
    }
}

#[test]
fn future_in_the_future_and_history_stay_silent() {
    for body in [
        "The minister will open the tunnel on 10 April 2025.",
        "The tunnel is expected to open in 2026.",
        "Traffic has doubled since 1998, and in the 1970s trains ran hourly.",
        "The line is to be finished by 2030.",
    ] {
        let report = check_text(&format!("Tunnel\n\nVienna, 3 April 2025\n\n{body}\n"));
        assert!(!codes(&report).contains(&"D601"), "{body}");
    }
}

#[test]
fn weekday_and_impossible_dates() {
    let r = check_text("Talks\n\nVienna, 3 April 2025\n\nThe talks resume on Monday, April 8.\n");
    assert_eq!(codes(&r), ["D602"]);
    let r = check_text("Talks\n\nThe talks resume on Tuesday, April 8, 2025.\n");
    assert!(codes(&r).is_empty());
    let r = check_text("Vote\n\nThe vote is set for 30 February.\n");
    assert_eq!(codes(&r), ["D603"]);
}

#[test]
fn participles_used_as_adjectives_are_not_past_tense() {
    for body in [
        "Voters in the newly created district go to the polls on 12 May 2025.",
        "The long-awaited summit opens on 12 May 2025.",
        "A revised plan is on the table for 12 May 2025.",
    ] {
        let report = check_text(&format!("Vote\n\nVienna, 3 April 2025\n\n{body}\n"));
        assert!(!codes(&report).contains(&"D601"), "{body}");
    }
}

#[test]
fn french_and_spanish_future_endings() {
    let silent = "Sommet\n\nParis, 3 avril 2025\n\nLe sommet, annoncé hier, se tiendra le 12 mai 2025.\n";
    assert!(!codes(&check_text(silent)).contains(&"D601"));
    let fire = "Sommet\n\nParis, 3 avril 2025\n\nLe sommet se tiendra le 2 février 2025 à Lyon.\n";
    assert!(codes(&check_text(fire)).contains(&"D601"));
    let fire =
        "Cumbre\n\nMadrid, 3 de abril de 2025\n\nLa cumbre abrirá sus puertas el 2 de febrero de 2025.\n";
    assert!(codes(&check_text(fire)).contains(&"D601"));
}
