//! Number extraction agreement on NTREX-128: the numbers found in each English sentence
//! against those found in its Russian, German, French and Spanish translations. Human
//! translations keep their numbers, so a disagreement is mostly an extraction error.
//!
//! ```text
//! cargo run --release --example ntrex_numbers [-- CORPUS_DIR] [--show LANG]
//! ```
//! `CORPUS_DIR` defaults to `/work/shared/corpora/ntrex` (or `$NTREX_DIR`); the corpus is not
//! part of the repository. `--show rus` prints every disagreeing pair of that language.

use faithful::analysis::numbers::{in_text, unpaired, NumberMention};

const TARGETS: &[(&str, &str)] = &[("rus", "ru"), ("deu", "de"), ("fra", "fr"), ("spa", "es")];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--") && Some(*a) != show.as_ref())
        .cloned()
        .or_else(|| std::env::var("NTREX_DIR").ok())
        .unwrap_or_else(|| "/work/shared/corpora/ntrex".into());
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
    let Ok(eng) = read("newstest2019-src.eng.txt") else {
        eprintln!("NTREX not found in {dir}; skipping");
        return;
    };
    let eng: Vec<&str> = eng.lines().collect();
    let eng_nums: Vec<Vec<NumberMention>> = eng.iter().map(|l| in_text(l, "en")).collect();
    println!("pairs with numbers on either side / disagreeing pairs / rate (of all {} pairs)", eng.len());
    for &(code, lang) in TARGETS {
        let Ok(text) = read(&format!("newstest2019-ref.{code}.txt")) else { continue };
        let lines: Vec<&str> = text.lines().collect();
        let (mut with_numbers, mut bad) = (0, 0);
        for (i, line) in lines.iter().enumerate().take(eng.len()) {
            let t = in_text(line, lang);
            let e = &eng_nums[i];
            if e.is_empty() && t.is_empty() {
                continue;
            }
            with_numbers += 1;
            let (ie, it) = unpaired(e, &t);
            let miss_t: Vec<&NumberMention> = ie.iter().map(|&k| &e[k]).collect();
            let miss_e: Vec<&NumberMention> = it.iter().map(|&k| &t[k]).collect();
            if miss_t.is_empty() && miss_e.is_empty() {
                continue;
            }
            bad += 1;
            if show.as_deref() == Some(code) {
                let fmt = |v: &[&NumberMention], s: &str| {
                    v.iter()
                        .map(|n| format!("{:?}={}", n.span.slice(s), n.value))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                println!(
                    "#{}\n  en: {}\n  {code}: {}\n  only en: [{}]  only {code}: [{}]",
                    i + 1,
                    eng[i],
                    line,
                    fmt(&miss_t, eng[i]),
                    fmt(&miss_e, line)
                );
            }
        }
        println!("{code}: {with_numbers} / {bad} / {:.2}%", 100.0 * bad as f64 / eng.len() as f64);
    }
}
