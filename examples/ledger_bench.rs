//! Benchmark of the quote ledger (not a test; run it by hand, in release mode):
//!
//! ```text
//! cargo run --release --example ledger_bench -- [--quotes 1000000] [--articles 10000] [--dir DIR]
//! ```
//!
//! Everything is generated deterministically (a fixed-seed generator; words from the English
//! side of NTREX-128 when `/work/shared/corpora/ntrex/` or `$NTREX_DIR` exists, else a built-in
//! list). It prints:
//! 1. `ledger add` throughput of the store: `--quotes` quotes (each statement twice, once
//!    edited; a fifth of the documents trusted) recorded in batches of 100,000, and the file size;
//! 2. lookup latency (median, p95) of edited known statements and of unknown ones, with hit
//!    and false-hit counts;
//! 3. a feed of `--articles` articles (JSON Lines, real input + analysis + rules) checked
//!    without and with the ledger: wall time, and A404 precision and recall on planted
//!    misattributions (1 article in 50 credits a known statement to the wrong speaker);
//! 4. `ledger add` end to end (input + analysis + store) on the first 1,000 articles;
//!
//! and the peak RSS of the process.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use faithful::config::Settings;
use faithful::ledger::{Access, DocumentRecord, Ledger, QuoteRecord, Tokens};
use faithful::span::{Position, Span};

/// xorshift64*: deterministic across platforms and builds.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Roughly Zipf-distributed index below `n`: common words often, rare words rarely.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const GIVEN: &[&str] = &[
    "Anna", "Piotr", "Maria", "Luis", "Olga", "Jonas", "Fatima", "Kenji", "Amara", "Dmitri", "Elena",
    "Tomasz", "Ingrid", "Rafael", "Sofia", "Omar", "Hana", "Mateo", "Lucia", "Viktor", "Nadia", "Paul",
    "Marta", "Karim", "Irene", "Stefan", "Leila", "Bruno", "Greta", "Yusuf",
];
const SURNAMES: &[&str] = &[
    "Kovacs", "Laski", "Ortiz", "Vega", "Nemeth", "Lindgren", "Weber", "Moreau", "Rossi", "Novak", "Haddad",
    "Tanaka", "Okafor", "Petrov", "Silva", "Dubois", "Jansen", "Horvat", "Mendes", "Berg", "Castro",
    "Keller", "Popescu", "Fischer", "Nowak", "Ibrahim", "Sato", "Larsen", "Romero", "Varga", "Blanc",
    "Costa", "Wagner", "Marin", "Aziz", "Holm", "Lopez", "Kraus", "Ferrari", "Molnar", "Suzuki", "Adeyemi",
    "Klein", "Ramos", "Toth", "Dahl", "Santos", "Richter", "Leclerc", "Bianchi",
];

fn speaker(i: usize) -> String {
    format!("{} {}", GIVEN[i % GIVEN.len()], SURNAMES[(i / GIVEN.len()) % SURNAMES.len()])
}
const SPEAKERS: usize = 1500;

struct Corpus {
    words: Vec<String>,
    filler: Vec<String>,
}

fn corpus() -> Corpus {
    let dir = std::env::var_os("NTREX_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/corpora/ntrex"));
    let text = std::fs::read_to_string(dir.join("newstest2019-src.eng.txt")).unwrap_or_default();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    let mut filler = Vec::new();
    for line in text.lines() {
        if !line.contains(['"', '“', '”', '\'']) && line.len() > 40 {
            filler.push(line.to_string());
        }
        for w in line.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            *counts.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut words: Vec<String> = words.into_iter().map(|(w, _)| w).collect();
    if words.len() < 500 {
        eprintln!("NTREX not found: using a synthetic vocabulary");
        let syll = ["ka", "lo", "mi", "ren", "tas", "vo", "pe", "dun", "si", "gar", "no", "bel"];
        words = (0..3000)
            .map(|i| format!("{}{}{}", syll[i % 12], syll[(i / 12) % 12], syll[(i / 144) % 12]))
            .collect();
    }
    if filler.is_empty() {
        filler.push("The council met on Tuesday to discuss the budget for the coming year.".into());
    }
    Corpus { words, filler }
}

/// Statement `i`: 12 to 24 words, deterministic; its owner is `owner(i)`.
fn statement(c: &Corpus, i: u64) -> String {
    let mut rng = Rng::new(i + 1);
    let n = 12 + rng.below(13);
    let mut out = String::new();
    for k in 0..n {
        let w = &c.words[rng.zipf(c.words.len())];
        if k == 0 {
            let mut chars = w.chars();
            out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
            out.push_str(chars.as_str());
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out
}

fn owner(i: u64) -> usize {
    (Rng::new(i ^ 0xA5A5).next() % SPEAKERS as u64) as usize
}

/// What an editor does to a quote: trims the opening word, changes case and punctuation.
fn edited(s: &str) -> String {
    let rest = s.split_once(' ').map_or(s, |(_, r)| r);
    format!("...{}...", rest.to_lowercase())
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn size_mb(path: &Path) -> f64 {
    let mut total = 0;
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        total += std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    }
    total as f64 / 1e6
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(default)
}

fn main() {
    let quotes = arg("--quotes", 1_000_000);
    let articles = arg("--articles", 10_000);
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("faithful-ledger-bench"));
    std::fs::create_dir_all(&dir).unwrap();
    let c = corpus();
    println!("vocabulary: {} words; filler: {} sentences", c.words.len(), c.filler.len());

    // 1. The store: `quotes` quotes, each statement twice (the second time edited).
    let path = dir.join("bench.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let statements = (quotes / 2).max(1) as u64;
    let mut ledger = Ledger::open(&path, Access::Write).unwrap();
    let per_doc = 5;
    let mut doc = 0usize;
    let mut q = 0usize;
    let mut store_time = Duration::ZERO;
    let mut gen_time = Duration::ZERO;
    while q < quotes {
        let t = Instant::now();
        let mut batch = Vec::new();
        let mut in_batch = 0;
        while in_batch < 100_000 && q < quotes {
            let mut rec = DocumentRecord {
                key: format!("bench-{doc}"),
                path: format!("wire/{:04}.jsonl", doc / 1000),
                id: Some(format!("a{doc}")),
                title: None,
                language: "en".into(),
                published: chrono::NaiveDate::from_ymd_opt(2024, 1, 1)
                    .and_then(|d| d.checked_add_days(chrono::Days::new((doc % 700) as u64))),
                trusted: doc.is_multiple_of(5),
                quotes: Vec::new(),
            };
            for k in 0..per_doc {
                if q >= quotes {
                    break;
                }
                let s = (q as u64) % statements;
                let text = if (q as u64) < statements { statement(&c, s) } else { edited(&statement(&c, s)) };
                rec.quotes.push(QuoteRecord {
                    span: Span::new(100 * k, 100 * k + text.len()),
                    text,
                    speaker: speaker(owner(s)),
                    position: Position { line: 2 * k + 3, column: 2 },
                });
                q += 1;
                in_batch += 1;
            }
            batch.push(rec);
            doc += 1;
        }
        gen_time += t.elapsed();
        let t = Instant::now();
        ledger.add(&batch).unwrap();
        store_time += t.elapsed();
    }
    println!(
        "1. ledger add (store): {quotes} quotes in {:.1} s = {:.0} quotes/s (generation {:.1} s, not counted); file {:.0} MB",
        store_time.as_secs_f64(),
        quotes as f64 / store_time.as_secs_f64(),
        gen_time.as_secs_f64(),
        size_mb(&path)
    );
    drop(ledger);

    // 2. Lookups.
    let ledger = Ledger::open(&path, Access::Read).unwrap();
    let mut rng = Rng::new(7);
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    let (mut hits, mut right, mut false_hits) = (0, 0, 0);
    for _ in 0..2_000 {
        let s = rng.below(statements as usize) as u64;
        let query = Tokens::new(&edited(&statement(&c, s)));
        let t = Instant::now();
        let found = ledger.matches(&query).unwrap();
        known.push(t.elapsed());
        hits += usize::from(!found.is_empty());
        right += usize::from(found.iter().any(|e| e.speaker == speaker(owner(s))));
        let fresh = Tokens::new(&statement(&c, 1_000_000_000 + s));
        let t = Instant::now();
        let found = ledger.matches(&fresh).unwrap();
        unknown.push(t.elapsed());
        false_hits += usize::from(!found.is_empty());
    }
    let stats = |v: &mut Vec<Duration>| {
        v.sort();
        (v[v.len() / 2].as_secs_f64() * 1e3, v[v.len() * 95 / 100].as_secs_f64() * 1e3)
    };
    let (km, kp) = stats(&mut known);
    let (um, up) = stats(&mut unknown);
    println!(
        "2. lookup: known statements median {km:.3} ms, p95 {kp:.3} ms ({hits}/2000 found, {right} with their speaker); \
         unknown median {um:.3} ms, p95 {up:.3} ms ({false_hits} false hits)"
    );
    drop(ledger);

    // 3. A feed checked without and with the ledger.
    let feed = dir.join("feed.jsonl");
    let planted = write_feed(&c, &feed, articles, statements);
    let settings = Settings { lang: Some("en".into()), ..Default::default() };
    let run = |with: bool| {
        let loaded = faithful::input::load_paths(std::slice::from_ref(&feed));
        let t = Instant::now();
        let report = faithful::check::check_with(loaded, &settings, |cross| {
            if with {
                cross.attach_ledger(&path).map_err(|e| e.to_string())
            } else {
                Ok(())
            }
        })
        .unwrap();
        (t.elapsed(), report)
    };
    let (without, report_without) = run(false);
    let (with, report_with) = run(true);
    let quotes_found: usize = report_with.documents.iter().map(|d| d.quotes.len()).sum();
    println!(
        "3. check of {articles} articles ({quotes_found} quotes found by the analysis): without ledger {:.1} s, with ledger {:.1} s (x{:.2})",
        without.as_secs_f64(),
        with.as_secs_f64(),
        with.as_secs_f64() / without.as_secs_f64()
    );
    for (name, report) in [("batch only", &report_without), ("batch + ledger", &report_with)] {
        let flagged: BTreeSet<(String, usize)> = report
            .documents
            .iter()
            .flat_map(|d| {
                d.findings
                    .iter()
                    .filter(|f| f.code == "A404")
                    .map(move |f| (d.id.clone().unwrap_or_default(), f.span.line))
            })
            .collect();
        let found = planted.iter().filter(|p| flagged.contains(p)).count();
        let false_alarms = flagged.iter().filter(|f| !planted.contains(f)).count();
        println!(
            "   {name}: A404 on {found}/{} planted misattributions (recall {:.3}); {false_alarms} A404 elsewhere",
            planted.len(),
            found as f64 / planted.len().max(1) as f64
        );
    }

    // 4. `ledger add` end to end on a small feed: input, analysis, store.
    let small = dir.join("small.jsonl");
    let small_text: String =
        std::fs::read_to_string(&feed).unwrap().lines().take(1000).map(|l| format!("{l}\n")).collect();
    std::fs::write(&small, small_text).unwrap();
    let small_ledger = dir.join("small.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", small_ledger.display()));
    }
    let t = Instant::now();
    let loaded = faithful::input::load_paths(std::slice::from_ref(&small));
    use rayon::prelude::*;
    let docs: Vec<_> = loaded.into_iter().flatten().collect();
    let records: Vec<DocumentRecord> = docs
        .par_iter()
        .map(|d| DocumentRecord::from_analysis(d, &faithful::analysis::Analysis::new(d, &settings), false))
        .collect();
    let added = Ledger::open(&small_ledger, Access::Write).unwrap().add(&records).unwrap();
    let e2e = t.elapsed().as_secs_f64();
    println!(
        "4. ledger add end to end: {} articles, {} quotes in {e2e:.1} s = {:.0} quotes/s",
        added.documents,
        added.quotes,
        added.quotes as f64 / e2e
    );
    println!("peak RSS {:.0} MB", peak_rss_mb());
}

/// Writes the feed; returns the planted misattributions as `(article id, line)`.
///
/// Each article quotes 4 statements of the ledger, each credited to its owner, in one of
/// several phrasings; every 50th article credits one of them to someone else. The same
/// speakers come back again and again with the same statements (precision), and the planted
/// statements are also quoted correctly elsewhere in the feed.
fn write_feed(c: &Corpus, path: &Path, articles: usize, statements: u64) -> BTreeSet<(String, usize)> {
    let mut planted = BTreeSet::new();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut rng = Rng::new(99);
    // A pool of statements the feed keeps quoting, so statements repeat across articles.
    let pool: Vec<u64> =
        (0..(articles as u64 * 2).max(10)).map(|_| rng.below(statements as usize) as u64).collect();
    // Correct quotations of each statement so far: a statement is misattributed only once
    // two articles have quoted it correctly, so the batch alone can tell who is right.
    let mut correct: std::collections::HashMap<u64, usize> = Default::default();
    let mut repeated: Vec<u64> = Vec::new();
    for a in 0..articles {
        let id = format!("f{a}");
        let mut text = format!("Report {a}\n\n");
        let mut line = 3;
        for k in 0..4 {
            let wrong = a % 50 == 49 && k == 2 && !repeated.is_empty();
            // A statement is misattributed once: two wrong against two right would be a tie.
            let s = if wrong {
                repeated.swap_remove(rng.below(repeated.len()))
            } else {
                pool[rng.below(pool.len())]
            };
            let mut who = speaker(owner(s));
            if wrong {
                let mut other = (owner(s) + 1 + rng.below(SPEAKERS - 1)) % SPEAKERS;
                while speaker(other).split(' ').nth(1) == who.split(' ').nth(1) {
                    other = (other + 1) % SPEAKERS;
                }
                who = speaker(other);
            } else {
                let n = correct.entry(s).or_default();
                *n += 1;
                if *n == 2 {
                    repeated.push(s);
                }
            }
            let filler = &c.filler[rng.below(c.filler.len())];
            let quote = if rng.below(3) == 0 { edited(&statement(c, s)) } else { statement(c, s) };
            let paragraph = match rng.below(3) {
                0 => format!("{filler} \"{quote},\" {who} said."),
                1 => format!("{filler} {who} said: \"{quote}.\""),
                _ => format!("\"{quote},\" said {who}. {filler}"),
            };
            text.push_str(&paragraph);
            text.push_str("\n\n");
            if wrong {
                planted.insert((id.clone(), line));
            }
            line += 2;
        }
        let item = serde_json::json!({"id": id, "title": format!("Report {a}"), "date": "2025-06-01", "lang": "en", "text": text});
        writeln!(out, "{item}").unwrap();
    }
    planted
}
