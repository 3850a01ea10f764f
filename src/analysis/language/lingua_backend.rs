//! lingua, the accurate and slow half: one detector per candidate set, built on first use and
//! kept for the life of the process. Detectors share lingua's models, which are read in place
//! from the binary (no copy, no parsing), so a cold start only pays for what it uses.

use std::sync::{Mutex, OnceLock};

use lingua::{LanguageDetector, LanguageDetectorBuilder};

use super::registry::{LangSet, Registry};

fn detector(set: LangSet, reg: &Registry) -> &'static LanguageDetector {
    static CACHE: OnceLock<Mutex<Vec<(LangSet, &'static LanguageDetector)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, d)) = cache.iter().find(|(s, _)| *s == set) {
        return d;
    }
    let languages: Vec<lingua::Language> = set.iter().map(|i| reg.langs[i].lingua).collect();
    // Leaked on purpose: a handful of candidate sets per run, each needed until exit.
    let d: &'static LanguageDetector =
        Box::leak(Box::new(LanguageDetectorBuilder::from_languages(&languages).build()));
    cache.push((set, d));
    d
}

/// lingua's confidence for each language of `set` (two or more), by registry index, in
/// registry order. All zero when lingua finds nothing to go on.
pub fn confidences(text: &str, set: LangSet, reg: &Registry) -> Vec<(usize, f64)> {
    let values = detector(set, reg).compute_language_confidence_values(text);
    let mut out: Vec<(usize, f64)> = set
        .iter()
        .map(|i| {
            let lingua = reg.langs[i].lingua;
            (i, values.iter().find(|(l, _)| *l == lingua).map_or(0.0, |(_, c)| *c))
        })
        .collect();
    out.sort_by_key(|(i, _)| *i);
    out
}
