//! False alarms of the date rules (D6xx) on the 11 NTREX-128 files: clean human translations
//! with no publication date. Lines are grouped into documents by `DOCUMENT_IDS.tsv`; each
//! line is a paragraph, the first one the title.
//!
//! ```text
//! cargo run --release --example ntrex_dates [-- CORPUS_DIR]
//! ```

use faithful::config::Settings;
use faithful::document::Document;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("NTREX_DIR").ok())
        .unwrap_or_else(|| "/work/shared/corpora/ntrex".into());
    let Ok(ids) = std::fs::read_to_string(format!("{dir}/DOCUMENT_IDS.tsv")) else {
        eprintln!("NTREX not found in {dir}; skipping");
        return;
    };
    let ids: Vec<&str> = ids.lines().collect();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("newstest2019-") && n.ends_with(".txt"))
        .collect();
    files.sort();
    let settings = Settings { select: vec!["D6".into()], ..Settings::default() };
    let (mut all_sentences, mut all_findings) = (0usize, 0usize);
    let (mut mentions, mut weekday_checked, mut full) = (0usize, 0usize, 0usize);
    for name in &files {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let mut docs = Vec::new();
        let mut start = 0;
        while start < lines.len() {
            let id = ids.get(start).copied().unwrap_or("");
            let mut end = start + 1;
            while end < lines.len() && ids.get(end).copied().unwrap_or("") == id {
                end += 1;
            }
            let body = lines[start..end].join("\n\n");
            docs.push(Ok(Document::from_text(format!("{name}#{id}"), body)));
            start = end;
        }
        for d in docs.iter().flatten() {
            let a = faithful::analysis::Analysis::new(d, &settings);
            mentions += a.dates.len();
            weekday_checked +=
                a.dates.iter().filter(|m| m.weekday.is_some() && m.value().to_naive().is_some()).count();
            full += a.dates.iter().filter(|m| m.value().to_naive().is_some()).count();
        }
        let report = faithful::check(docs, &settings);
        let mut n = 0;
        for d in &report.documents {
            for f in &d.findings {
                n += 1;
                println!("  {} {} {:?}: {}", d.path, f.code, f.text, f.message);
            }
        }
        println!(
            "{name}: {} sentences, {} documents, {n} D6xx findings",
            lines.len(),
            report.documents.len()
        );
        all_sentences += lines.len();
        all_findings += n;
    }
    println!("date mentions: {mentions}, resolved to a day: {full}, weekday+date checked by D602: {weekday_checked}");
    println!(
        "total: {all_sentences} sentences, {all_findings} D6xx findings, {:.2} per 1,000 sentences",
        1000.0 * all_findings as f64 / all_sentences.max(1) as f64
    );
}
