//! Calibrates the length bands of X807 (length-outlier) on NTREX-128 and writes them to
//! `src/lang/<source>/length_ratios.txt`.
//!
//! ```text
//! cargo run --release --example length_bands -- [--ntrex DIR] [--write]
//! ```
//!
//! NTREX is multi-parallel: every `newstest2019-ref.<lang>.txt` translates the same English
//! lines, so every two of its languages make a line-aligned pair (English with each, and the
//! others with each other). For each ordered pair and each line whose source has at least
//! [`MIN_SOURCE_CHARS`] characters, the length of the translation `t` is compared with the
//! length of the source `s` in the manner of Gale and Church: `c` is the median of `t / s`,
//! and `z = (t / c - s) / √s` measures how far a line is from it, in source characters per
//! square root of source character: a unit that lets short sentences vary more, relatively,
//! than long ones, and that is comparable across language pairs. The band is the 0.1% and 99.9%
//! quantiles of `z`, widened by [`MARGIN`] so that the band is not fitted to NTREX alone.
//! A line `* ...` gives, per source language, the band for target languages without data (the
//! widest of that source's bands, around the text's own ratio).
//!
//! Without `--write` the table is only printed.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Sources shorter than this are not judged by X807 (keep in step with the rule).
const MIN_SOURCE_CHARS: usize = 40;

/// Quantiles of `z` that bound the band.
const TAILS: (f64, f64) = (0.001, 0.999);

/// Factor the quantiles are widened by.
const MARGIN: f64 = 1.15;

/// NTREX file suffixes and their ISO 639-1 codes (Chinese is left out: no language data).
const LANGS: &[(&str, &str)] = &[
    ("eng", "en"),
    ("rus", "ru"),
    ("deu", "de"),
    ("fra", "fr"),
    ("spa", "es"),
    ("ukr", "uk"),
    ("bel", "be"),
    ("ita", "it"),
    ("por", "pt"),
    ("pol", "pl"),
];

/// Median ratio, lowest and highest accepted z, and the number of lines they come from.
type Band = (f64, f64, f64, usize);

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let dir = PathBuf::from(opt("--ntrex").unwrap_or_else(|| "/work/shared/corpora/ntrex".into()));
    let write = args.iter().any(|a| a == "--write");
    let mut texts: Vec<(&str, Vec<usize>)> = Vec::new();
    for &(file, code) in LANGS {
        let name = if file == "eng" {
            "newstest2019-src.eng.txt".to_string()
        } else {
            format!("newstest2019-ref.{file}.txt")
        };
        let Ok(text) = std::fs::read_to_string(dir.join(&name)) else {
            eprintln!("skipping {code}: {} not found", dir.join(&name).display());
            continue;
        };
        texts.push((code, text.lines().map(|l| l.trim().chars().count()).collect()));
    }
    if texts.len() < 2 {
        eprintln!("NTREX not found at {} (use --ntrex DIR)", dir.display());
        std::process::exit(1);
    }
    let mut bands: BTreeMap<&str, BTreeMap<&str, Band>> = BTreeMap::new();
    for (sl, src) in &texts {
        for (tl, tgt) in &texts {
            if sl == tl || src.len() != tgt.len() {
                continue;
            }
            let pairs: Vec<(f64, f64)> = src
                .iter()
                .zip(tgt)
                .filter(|(&s, &t)| s >= MIN_SOURCE_CHARS && t > 0)
                .map(|(&s, &t)| (s as f64, t as f64))
                .collect();
            let mut ratios: Vec<f64> = pairs.iter().map(|(s, t)| t / s).collect();
            ratios.sort_by(f64::total_cmp);
            let c = quantile(&ratios, 0.5);
            let mut z: Vec<f64> = pairs.iter().map(|(s, t)| (t / c - s) / s.sqrt()).collect();
            z.sort_by(f64::total_cmp);
            let (lo, hi) = (quantile(&z, TAILS.0) * MARGIN, quantile(&z, TAILS.1) * MARGIN);
            bands.entry(sl).or_default().insert(tl, (c, lo, hi, pairs.len()));
        }
    }
    for (sl, row) in &bands {
        let mut out = format!(
            "# Length bands of translations from '{sl}' (X807 length-outlier), written by\n\
             # `cargo run --release --example length_bands -- --write` from NTREX-128 (lines whose\n\
             # source has {MIN_SOURCE_CHARS}+ characters). Fields: target language | median of target/source\n\
             # characters (c) | lowest | highest accepted z = (target / c - source) / sqrt(source).\n\
             # `*`: any other target language (c is then the text's own ratio).\n"
        );
        for (tl, (c, lo, hi, n)) in row {
            println!("{sl}->{tl}: c {c:.3} z [{lo:.2}, {hi:.2}] over {n} lines");
            out.push_str(&format!("{tl} | {c:.3} | {lo:.2} | {hi:.2}\n"));
        }
        let lo = row.values().map(|b| b.1).fold(0.0, f64::min);
        let hi = row.values().map(|b| b.2).fold(0.0, f64::max);
        out.push_str(&format!("* | 0 | {lo:.2} | {hi:.2}\n"));
        println!("{sl}->*: z [{lo:.2}, {hi:.2}]");
        if write {
            let path =
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("src/lang/{sl}/length_ratios.txt"));
            if let Err(e) = std::fs::write(&path, out) {
                eprintln!("{}: {e}", path.display());
            }
        }
    }
}
