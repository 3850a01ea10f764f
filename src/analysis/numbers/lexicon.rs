//! Number knowledge per language: scale words, number words and units, read from
//! `src/lang/<lang>/{scale_words,number_words,units}.txt` once.

use std::sync::OnceLock;

/// A unit or currency as the data files define it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Canonical symbol: `%`, `USD`, `km`, `°F`.
    pub code: &'static str,
    /// `percent`, `currency`, `length`, `mass`, `temperature`, ...
    pub dimension: &'static str,
    /// Factor to the dimension's base unit (metres, kilograms, litres, ...).
    pub factor: f64,
}

pub struct Lexicon {
    /// (form, multiplier), longest first.
    pub scales: Vec<(&'static str, f64)>,
    /// (lower-cased form, value), longest first.
    pub words: Vec<(String, f64)>,
    /// Forms after a number: (form, unit), longest first.
    pub suffixes: Vec<(&'static str, Unit)>,
    /// Forms before a number (`$`, `US$`): (form, unit), longest first.
    pub prefixes: Vec<(&'static str, Unit)>,
    /// Lower-cased century words a Roman numeral stands next to (`siècle`, `века`, `siglo`).
    pub centuries: Vec<String>,
    /// Year words after a year (`г.`, `р.`): `2030 г.` is a year, not 2030 grams. From the
    /// `year-after` line of `tense.txt`.
    pub year_words: Vec<&'static str>,
    /// Lower-cased words before a clock time written with a dot (`alle 7.55`, `o godz. 7.30`):
    /// with one of them, `7.55` is a time, not a decimal. From the `clock-before` line of
    /// `tense.txt`.
    pub clock_words: Vec<String>,
}

fn build(langs: &[&str]) -> Lexicon {
    let mut scales = Vec::new();
    let mut words = Vec::new();
    let mut suffixes = Vec::new();
    let mut prefixes = Vec::new();
    let mut centuries = Vec::new();
    let mut year_words: Vec<&'static str> = Vec::new();
    let mut clock_words: Vec<String> = Vec::new();
    for &lang in langs {
        for rec in crate::lang::records(lang, "tense.txt") {
            match rec.first() {
                Some(&"year-after") => year_words.extend(rec[1..].iter().copied().filter(|w| !w.is_empty())),
                Some(&"clock-before") => {
                    clock_words.extend(rec[1..].iter().filter(|w| !w.is_empty()).map(|w| w.to_lowercase()))
                }
                _ => {}
            }
        }
        for rec in crate::lang::records(lang, "scale_words.txt") {
            let Some(f) = rec.first().and_then(|v| v.parse::<f64>().ok()) else { continue };
            scales.extend(rec[1..].iter().map(|w| (*w, f)));
        }
        for rec in crate::lang::records(lang, "number_words.txt") {
            if rec.first() == Some(&"century") {
                centuries.extend(rec[1..].iter().map(|w| w.to_lowercase()));
                continue;
            }
            let Some(f) = rec.first().and_then(|v| v.parse::<f64>().ok()) else { continue };
            words.extend(rec[1..].iter().map(|w| (w.to_lowercase(), f)));
        }
        for rec in crate::lang::records(lang, "units.txt") {
            let (Some(code), Some(dim), Some(factor)) =
                (rec.first(), rec.get(1), rec.get(2).and_then(|f| f.parse().ok()))
            else {
                continue;
            };
            let unit = Unit { code, dimension: dim, factor };
            for form in &rec[3..] {
                match form.strip_prefix('^') {
                    Some(p) => prefixes.push((p, unit.clone())),
                    None => suffixes.push((*form, unit.clone())),
                }
            }
        }
    }
    scales.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    words.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    suffixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    words.dedup();
    year_words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    year_words.dedup();
    clock_words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    clock_words.dedup();
    Lexicon { scales, words, suffixes, prefixes, centuries, year_words, clock_words }
}

/// The lexicon for `lang` plus English (symbols and abbreviations travel); all languages for
/// `und` or an unsupported code.
pub fn for_lang(lang: &str) -> &'static Lexicon {
    static CELLS: OnceLock<Vec<(&'static str, Lexicon)>> = OnceLock::new();
    let all = CELLS.get_or_init(|| {
        let mut v: Vec<(&'static str, Lexicon)> = crate::lang::SUPPORTED
            .iter()
            .map(|&l| (l, if l == "en" { build(&["en"]) } else { build(&[l, "en"]) }))
            .collect();
        v.push(("und", build(crate::lang::SUPPORTED)));
        v
    });
    all.iter().find(|(l, _)| *l == lang).or_else(|| all.last()).map(|(_, lex)| lex).expect("lexicons built")
}
