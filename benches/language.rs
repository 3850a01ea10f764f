//! Language identification benchmark on NTREX-128 (`../shared/corpora/ntrex/` or
//! `/work/shared/corpora/ntrex/`, or `NTREX_DIR`): 1,997 sentences in each of 11 languages.
//!
//! `cargo bench --bench language` prints, for lingua alone (high accuracy, the same 11
//! languages) and for faithful's detector, the sentence accuracy per language, the throughput
//! on one core and the peak RSS (each measured in its own child process), then the language
//! stage on whole NTREX documents, and the wall time of `faithful check` on a 5 KB article
//! from a cold process start.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const FILES: &[(&str, &str)] = &[
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

fn corpus_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var("NTREX_DIR").ok().map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/ntrex")),
        Some(PathBuf::from("/work/shared/corpora/ntrex")),
    ];
    candidates.into_iter().flatten().find(|p| p.join("DOCUMENT_IDS.tsv").exists())
}

fn load(dir: &Path) -> Vec<(&'static str, Vec<String>)> {
    FILES
        .iter()
        .map(|(file, code)| {
            let text =
                std::fs::read_to_string(dir.join(format!("newstest2019-{file}.txt"))).expect("NTREX file");
            (*code, text.lines().map(str::to_string).collect())
        })
        .collect()
}

/// CPU time of this thread (from the scheduler's accounting): on a shared machine it measures
/// the work done, where wall time also counts waiting for a core.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    Duration::from_nanos(stat.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// A stopwatch for wall and CPU time together.
#[derive(Default)]
struct Clock {
    wall: Duration,
    cpu: Duration,
}

impl Clock {
    fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let (w, c) = (Instant::now(), cpu_time());
        let out = f();
        self.wall += w.elapsed();
        self.cpu += cpu_time().saturating_sub(c);
        out
    }

    fn rates(&self, bytes: usize) -> String {
        let mb = bytes as f64 / 1e6;
        format!("{:.2} MB/s CPU ({:.2} MB/s wall)", mb / self.cpu.as_secs_f64(), mb / self.wall.as_secs_f64())
    }
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Classifies every line with `classify`, prints accuracy per language, MB/s and peak RSS.
fn run_sentences(name: &str, corpus: &[(&'static str, Vec<String>)], classify: &dyn Fn(&str) -> String) {
    let mut bytes = 0usize;
    let mut clock = Clock::default();
    let (mut total, mut right, mut und) = (0usize, 0usize, 0usize);
    let mut per_lang = Vec::new();
    for (code, lines) in corpus {
        let (mut ok, mut n) = (0, 0);
        let answers: Vec<String> = clock.time(|| lines.iter().map(|l| classify(l)).collect());
        for (line, answer) in lines.iter().zip(&answers) {
            bytes += line.len();
            n += 1;
            if answer == code {
                ok += 1;
            } else if answer == "und" {
                und += 1;
            } else if std::env::var_os("SHOW_ERRORS").is_some() {
                eprintln!("{name} {code}->{answer}: {line}");
            }
        }
        total += n;
        right += ok;
        per_lang.push(format!("{code} {:.2}%", 100.0 * ok as f64 / n as f64));
    }
    println!(
        "{name:<10} accuracy {:.2}% ({right}/{total}; {und} und, {:.2}% of the decided right)  {}  peak RSS {:.0} MB",
        100.0 * right as f64 / total as f64,
        100.0 * right as f64 / (total - und) as f64,
        clock.rates(bytes),
        peak_rss_mb()
    );
    println!("           {}", per_lang.join("  "));
}

/// The language stage on NTREX documents (sentences grouped four to a paragraph): sentence
/// accuracy against the file's language, document accuracy, MB/s of `analyze` alone.
fn run_stage(corpus: &[(&'static str, Vec<String>)], dir: &Path) {
    use faithful::analysis::language::analyze;
    use faithful::document::Document;
    use faithful::text::TextModel;

    let ids = std::fs::read_to_string(dir.join("DOCUMENT_IDS.tsv")).unwrap_or_default();
    let ids: Vec<&str> = ids.lines().collect();
    let (mut bytes, mut clock) = (0usize, Clock::default());
    let (mut sentences, mut right, mut und, mut docs, mut docs_right) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    for (code, lines) in corpus {
        let mut start = 0;
        while start < lines.len() {
            let mut end = start + 1;
            while end < lines.len() && ids.get(end) == ids.get(start) {
                end += 1;
            }
            let paragraphs: Vec<String> = lines[start..end].chunks(4).map(|c| c.join(" ")).collect();
            let text = paragraphs.join("\n\n");
            bytes += text.len();
            let doc = Document::from_text("ntrex.txt", text);
            let model = TextModel::new(&doc, None);
            let analysis = clock.time(|| analyze(&doc, &model, None, None));
            docs += 1;
            docs_right += usize::from(analysis.document.code == *code);
            for g in &analysis.sentences {
                sentences += 1;
                if g.code == *code {
                    right += 1;
                } else if g.is_und() {
                    und += 1;
                }
            }
            start = end;
        }
    }
    println!(
        "stage      sentences {:.2}% right, {:.2}% und, {:.2}% other ({sentences})  documents {docs_right}/{docs}  {}  peak RSS {:.0} MB",
        100.0 * right as f64 / sentences as f64,
        100.0 * und as f64 / sentences as f64,
        100.0 * (sentences - right - und) as f64 / sentences as f64,
        clock.rates(bytes),
        peak_rss_mb()
    );
}

/// `faithful check` on a ~5 KB English article, each run a fresh process.
fn cold_start(corpus: &[(&'static str, Vec<String>)]) {
    let exe = env!("CARGO_BIN_EXE_faithful");
    let mut article = String::from("Storm closes ports\n\n");
    for chunk in corpus[0].1[40..].chunks(3) {
        if article.len() > 5000 {
            break;
        }
        article.push_str(&chunk.join(" "));
        article.push_str("\n\n");
    }
    let path = std::env::temp_dir().join(format!("faithful-bench-{}.txt", std::process::id()));
    std::fs::write(&path, &article).unwrap();
    let mut times = Vec::new();
    for _ in 0..11 {
        let t = Instant::now();
        let out =
            Command::new(exe).args(["check", "--format", "json", "--fail-on", "never"]).arg(&path).output();
        times.push(t.elapsed());
        if !out.is_ok_and(|o| o.status.success()) {
            println!("cold start: `faithful check` failed");
            return;
        }
    }
    let _ = std::fs::remove_file(&path);
    times.sort();
    println!(
        "cold start faithful check ({} bytes): median {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs",
        article.len(),
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
        times.len()
    );
}

fn main() {
    let Some(dir) = corpus_dir() else {
        println!("NTREX-128 not found (set NTREX_DIR); skipping the language benchmark");
        return;
    };
    let args: Vec<String> = std::env::args().collect();
    if let Some(mode) = args.iter().find_map(|a| a.strip_prefix("--child=")) {
        let corpus = load(&dir);
        match mode {
            "lingua" => {
                use lingua::{Language, LanguageDetectorBuilder};
                let languages: Vec<Language> =
                    FILES.iter().map(|(_, c)| Language::from_iso_code_639_1(&c.parse().unwrap())).collect();
                let detector = LanguageDetectorBuilder::from_languages(&languages).build();
                run_sentences("lingua", &corpus, &|s| {
                    detector.detect_language_of(s).map_or("und".into(), |l| l.iso_code_639_1().to_string())
                });
            }
            "faithful" => {
                run_sentences("faithful", &corpus, &|s| faithful::analysis::language::detect(s, &[]).code)
            }
            "fast" => {
                // The fast path alone: how many lines it settles without lingua, and how well.
                let (mut settled, mut right, mut total) = (0, 0, 0);
                let mut clock = Clock::default();
                let bytes: usize = corpus.iter().flat_map(|(_, ls)| ls.iter().map(|l| l.len())).sum();
                clock.time(|| {
                    for (_, lines) in &corpus {
                        for l in lines {
                            std::hint::black_box(faithful::analysis::language::detect_fast(l, &[]));
                        }
                    }
                });
                let fast_mbs = clock.rates(bytes);
                for (code, lines) in &corpus {
                    for l in lines {
                        total += 1;
                        if let Some(g) = faithful::analysis::language::detect_fast(l, &[]) {
                            if !g.is_und() {
                                settled += 1;
                                right += usize::from(g.code == *code);
                            } else if std::env::var_os("SHOW_ERRORS").is_some() {
                                eprintln!("fast {code}->und: {l}");
                            }
                            if !g.is_und() && g.code != *code && std::env::var_os("SHOW_ERRORS").is_some() {
                                eprintln!("fast {code}->{}: {l}", g.code);
                            }
                        }
                    }
                }
                println!(
                    "fast path  settles {:.1}% of lines without lingua, {:.2}% of those right; {fast_mbs}",
                    100.0 * settled as f64 / total as f64,
                    100.0 * right as f64 / settled.max(1) as f64
                );
            }
            "stage" => run_stage(&corpus, &dir),
            "cold" => cold_start(&corpus),
            _ => {}
        }
        return;
    }
    let only = std::env::var("BENCH_ONLY").ok();
    let me = std::env::current_exe().unwrap();
    println!("NTREX-128 at {}, one core; each line below is a separate process", dir.display());
    for mode in ["lingua", "faithful", "fast", "stage", "cold"] {
        if only.as_deref().is_some_and(|o| !o.split(',').any(|m| m == mode)) {
            continue;
        }
        let status = Command::new(&me).arg(format!("--child={mode}")).status();
        if !status.is_ok_and(|s| s.success()) {
            println!("{mode}: child failed");
        }
    }
}
