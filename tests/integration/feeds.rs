//! RSS and Atom input end to end: a feed file becomes one document per item, with its id,
//! publication date and language; the report's spans point into the text that was checked;
//! a broken feed is an error entry and the rest of the batch is still checked.

use std::path::Path;

use faithful::config::Settings;
use faithful::report::OutputFormat;
use faithful::span::LineIndex;

use crate::common::{check_paths, insta_settings};
use crate::report::{render, validate_output};

#[test]
fn a_feed_file_is_checked_item_by_item() {
    let feed = Path::new("tests/reports/feeds/newsroom.rss");
    let broken = Path::new("tests/reports/feeds/broken.rss");
    let report = check_paths(&[feed, broken], &Settings::default());

    assert_eq!(report.documents.len(), 3, "one document per item");
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!(report.errors[0].path, "tests/reports/feeds/broken.rss");

    let ids: Vec<_> = report.documents.iter().map(|d| d.id.clone().unwrap()).collect();
    assert_eq!(
        ids,
        ["an-2025-0403-tunnel", "https://news.example.org/2025/04/04/budget", "an-2025-0405-hidden"]
    );
    let dates: Vec<_> = report.documents.iter().map(|d| d.published.clone()).collect();
    assert_eq!(dates, [Some("2025-04-03".into()), Some("2025-04-04".into()), Some("2025-04-05".into())]);

    // The full text (content:encoded) wins over the teaser; HTML became text; the script
    // of the second item is gone; the bidi override of the third is in the checked text.
    let first = &report.documents[0].text;
    assert!(first.starts_with("Rail tunnel \"ahead of schedule\"\n\nRailway Director Marta Lindgren said"));
    assert!(!first.contains("teaser"));
    assert!(first.contains("“We have never been this close,” she said."));
    assert!(!report.documents[1].text.contains("pwned"));
    assert!(report.documents[1].text.contains("on Friday.\nIt passed"));
    assert!(report.documents[2].text.contains("\u{202e}gnp.exe"));

    // Every span of the report is a slice of the checked text, on the line and column given.
    for d in &report.documents {
        let lines = LineIndex::new(&d.text);
        for f in &d.findings {
            assert_eq!(
                d.text.get(f.span.start..f.span.end),
                Some(f.text.as_str()),
                "{} in {:?}",
                f.code,
                d.id
            );
            let p = lines.position(&d.text, f.span.start);
            assert_eq!((p.line, p.column), (f.span.line, f.span.column));
        }
    }

    // The machine-readable formats stay valid with feed items (no file regions for them).
    for (name, format) in
        [("json", OutputFormat::Json), ("jsonl", OutputFormat::Jsonl), ("sarif", OutputFormat::Sarif)]
    {
        validate_output(name, &render(&report, format));
    }

    let mut summary = String::new();
    for d in &report.documents {
        summary.push_str(&format!(
            "{}#{} lang={} published={:?}\n{}\n",
            d.path,
            d.id.as_deref().unwrap_or(""),
            d.language.code,
            d.published,
            d.text.escape_debug()
        ));
    }
    insta_settings().bind(|| insta::assert_snapshot!("feed-newsroom-documents", summary));
}
