//! From evidence to a language: the script narrows the candidates; within a script whose
//! languages all have data, frequent words and alphabets decide when they agree clearly
//! (most sentences of real text); lingua decides the rest, restricted to the few languages
//! still in the running.

use super::evidence::Evidence;
use super::lingua_backend;
use super::registry::{LangSet, Registry, Script};

/// A decision: registry index of the language (`None`: undetermined) and a confidence in 0..1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Verdict {
    pub lang: Option<usize>,
    pub confidence: f64,
}

impl Verdict {
    pub const UND: Verdict = Verdict { lang: None, confidence: 0.0 };
}

/// How far ahead (in frequent words, foreign letters subtracted) the best language must be for
/// the fast path to decide without lingua.
const MARGIN: f32 = 2.0;
/// Ahead by this much, a fast verdict against the preferred language needs no second opinion.
const CLEAR_MARGIN: f32 = 6.0;
/// Languages within this distance of the best stay candidates for lingua.
const WINDOW: f32 = 2.5;

/// Decides the language of `text` from its evidence `ev`, among `cands`. `prefer` is the
/// language the caller expects (the document's): lingua always weighs it, and a fast verdict
/// against it that is not clear-cut is checked by lingua. `text` is read only by lingua.
pub fn decide(text: &str, ev: &Evidence, cands: LangSet, prefer: Option<usize>, reg: &Registry) -> Verdict {
    let Some(script) = ev.dominant_script() else { return Verdict::UND };
    let in_script = cands.and(reg.by_script[script.index()]);
    if in_script.is_empty() {
        return Verdict::UND;
    }
    let share = ev.letters[script.index()] as f64 / ev.total_letters().max(1) as f64;
    if in_script.len() == 1 {
        let lang = in_script.iter().next();
        return Verdict { lang, confidence: share.clamp(0.5, 0.99) };
    }
    let prefer = prefer.filter(|p| in_script.contains(*p));
    if !reg.fully_modelled[script.index()] || script == Script::Han {
        return ask_lingua(text, in_script, share);
    }

    // Frequent words for, letters the alphabet lacks against. Cyrillic alphabets differ in
    // common letters (ы, і, ў, и), so a missing letter weighs more there than in Latin text,
    // where it is often a foreign name (`Müller` in English).
    let penalty = if script == Script::Cyrillic { 1.0 } else { 0.75 };
    let mut scored: Vec<(usize, f32)> = in_script
        .iter()
        .filter_map(|i| {
            let d = reg.langs[i].data?;
            Some((i, ev.word_score[d] - penalty * ev.foreign[d] as f32))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (best, best_score) = scored[0];
    let margin = best_score - scored.get(1).map_or(f32::NEG_INFINITY, |s| s.1);
    let positive = reg.langs[best].data.is_some_and(|d| ev.word_score[d] >= 1.0);
    if margin >= MARGIN && (positive || (script == Script::Cyrillic && margin >= 2.0 * MARGIN)) {
        let fast = Verdict { lang: Some(best), confidence: confidence(margin) * share.max(0.5) };
        return match prefer {
            Some(p) if p != best && margin < CLEAR_MARGIN => {
                ask_lingua(text, LangSet::single(best).with(p), share)
            }
            _ => fast,
        };
    }
    let mut shortlist = LangSet::default();
    for (i, s) in &scored {
        if *s >= best_score - WINDOW {
            shortlist = shortlist.with(*i);
        }
    }
    if let Some(p) = prefer {
        shortlist = shortlist.with(p);
    }
    ask_lingua(text, shortlist, share)
}

fn ask_lingua(text: &str, set: LangSet, share: f64) -> Verdict {
    let reg = super::registry::registry();
    match lingua_backend::best(text, set, reg) {
        Some((i, conf)) => Verdict { lang: Some(i), confidence: (conf * share).min(0.99) },
        None => Verdict::UND,
    }
}

/// 0.5 at no margin, 0.9 at a margin of ~3.3 words, capped at 0.99.
fn confidence(margin: f32) -> f64 {
    (1.0 - 0.5f64.powf(1.0 + margin as f64)).min(0.99)
}
