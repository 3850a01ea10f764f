//! From evidence to a language: the script narrows the candidates; within a script whose
//! languages all have data, frequent words and alphabets decide when they agree clearly
//! (most sentences of real text); lingua decides the rest, restricted to the few languages
//! still in the running, with the word evidence as a prior.

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
/// At most this many languages go to lingua (the best-scored ones, plus the preferred one).
const MAX_SHORTLIST: usize = 4;
/// Weight of the word evidence when combined with lingua: each frequent word multiplies a
/// language's odds by e^PRIOR.
const PRIOR: f64 = 1.0;
/// In context (a paragraph known to be in language D), a sentence whose evidence leaves D within
/// this distance of the best, with no letter D lacks, is taken to be in D.
const CONSISTENT: f32 = 1.0;

/// What the fast path concluded.
pub enum Fast {
    Decided(Verdict),
    /// lingua must decide among `shortlist`, weighing `scores` (registry index, score).
    Undecided {
        shortlist: LangSet,
        scores: Vec<(usize, f32)>,
        share: f64,
    },
}

/// The fast path alone. `prefer`: the language the caller expects; a verdict against it
/// that is not clear-cut is left undecided between the two.
pub fn fast(ev: &Evidence, cands: LangSet, prefer: Option<usize>, reg: &Registry) -> Fast {
    let Some(script) = ev.dominant_script() else { return Fast::Decided(Verdict::UND) };
    let in_script = cands.and(reg.by_script[script.index()]);
    if in_script.is_empty() {
        return Fast::Decided(Verdict::UND);
    }
    let share = ev.letters[script.index()] as f64 / ev.total_letters().max(1) as f64;
    if in_script.len() == 1 {
        let lang = in_script.iter().next();
        return Fast::Decided(Verdict { lang, confidence: share.clamp(0.5, 0.99) });
    }
    let prefer = prefer.filter(|p| in_script.contains(*p));
    if !reg.fully_modelled[script.index()] || script == Script::Han {
        return Fast::Undecided { shortlist: in_script, scores: Vec::new(), share };
    }

    // Frequent words for, letters the alphabet lacks against. Cyrillic alphabets differ in
    // common letters (ы, і, ў, и), so a missing letter weighs more there than in Latin text,
    // where it is often a foreign name (`Müller` in English).
    let penalty = if script == Script::Cyrillic { 1.0 } else { 0.75 };
    let mut scores: Vec<(usize, f32)> = in_script
        .iter()
        .filter_map(|i| {
            let d = reg.langs[i].data?;
            Some((i, ev.word_score[d] - penalty * ev.foreign[d] as f32))
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (best, best_score) = scores[0];
    let margin = best_score - scores.get(1).map_or(f32::NEG_INFINITY, |s| s.1);
    let positive = reg.langs[best].data.is_some_and(|d| ev.word_score[d] >= 1.0);
    if margin >= MARGIN && (positive || (script == Script::Cyrillic && margin >= 2.0 * MARGIN)) {
        match prefer {
            Some(p) if p != best && margin < CLEAR_MARGIN => {
                return Fast::Undecided { shortlist: LangSet::single(best).with(p), scores, share };
            }
            _ => {
                let confidence = confidence(margin) * share.max(0.5);
                return Fast::Decided(Verdict { lang: Some(best), confidence });
            }
        }
    }
    // The languages within the window, at most the best MAX_SHORTLIST of them, though never
    // dropping one that ties with a kept one.
    let cutoff = scores.get(MAX_SHORTLIST - 1).map_or(f32::NEG_INFINITY, |s| s.1);
    let mut shortlist = LangSet::default();
    for (i, s) in &scores {
        if *s >= best_score - WINDOW && *s >= cutoff {
            shortlist = shortlist.with(*i);
        }
    }
    if let Some(p) = prefer {
        shortlist = shortlist.with(p);
    }
    Fast::Undecided { shortlist, scores, share }
}

/// Decides the language of `text` from its evidence `ev`, among `cands`. `prefer` is the
/// language the caller expects (the document's): lingua always weighs it, and a fast verdict
/// against it that is not clear-cut is checked by lingua. `text` is read only by lingua.
pub fn decide(text: &str, ev: &Evidence, cands: LangSet, prefer: Option<usize>, reg: &Registry) -> Verdict {
    match fast(ev, cands, prefer, reg) {
        Fast::Decided(v) => v,
        Fast::Undecided { shortlist, scores, share } => ask_lingua(text, shortlist, &scores, share, reg),
    }
}

/// What stretch of text [`decide_in_context`] decides, and so how far its own evidence must
/// agree with the context's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stretch {
    /// A sentence of a paragraph in that language: taken to be in it when the evidence leaves
    /// it within [`CONSISTENT`] of the best.
    Sentence,
    /// A paragraph of a document in that language: only when the evidence scores it above
    /// every other language (a paragraph in a neighbouring language, French in a German
    /// text, must not pass for the document's).
    Paragraph,
}

/// Like [`decide`] for a stretch inside a context known to be in `context`: when the evidence
/// does not argue against `context` (as [`Stretch`] says), the stretch is taken to be in it
/// without asking lingua.
pub fn decide_in_context(
    text: &str,
    ev: &Evidence,
    cands: LangSet,
    context: usize,
    stretch: Stretch,
    reg: &Registry,
) -> Verdict {
    match fast(ev, cands, Some(context), reg) {
        Fast::Decided(v) => v,
        Fast::Undecided { shortlist, scores, share } => {
            let mine = scores.iter().find(|(i, _)| *i == context).map(|s| s.1);
            let others =
                scores.iter().filter(|(i, _)| *i != context).map(|s| s.1).fold(f32::NEG_INFINITY, f32::max);
            let close = mine.is_some_and(|s| match stretch {
                Stretch::Sentence => s >= others.max(s) - CONSISTENT,
                Stretch::Paragraph => s > others,
            });
            let d = reg.langs[context].data;
            let consistent = close && d.is_some_and(|d| ev.foreign[d] == 0);
            if consistent {
                Verdict { lang: Some(context), confidence: 0.75 * share.max(0.5) }
            } else {
                ask_lingua(text, shortlist, &scores, share, reg)
            }
        }
    }
}

fn ask_lingua(
    text: &str,
    shortlist: LangSet,
    scores: &[(usize, f32)],
    share: f64,
    reg: &Registry,
) -> Verdict {
    if shortlist.len() < 2 {
        let lang = shortlist.iter().next();
        return Verdict { lang, confidence: if lang.is_some() { 0.5 * share } else { 0.0 } };
    }
    let values = lingua_backend::confidences(text, shortlist, reg);
    if values.iter().all(|(_, c)| *c <= 0.0) {
        return Verdict::UND;
    }
    // lingua's confidence times the odds the frequent words give, renormalised.
    let top = scores.first().map_or(0.0, |s| s.1);
    let combined: Vec<(usize, f64)> = values
        .iter()
        .map(|(i, c)| {
            let s = scores.iter().find(|(j, _)| j == i).map_or(top, |(_, s)| *s);
            (*i, c * (PRIOR * (s - top) as f64).exp())
        })
        .collect();
    let total: f64 = combined.iter().map(|(_, c)| c).sum();
    let (lang, value) =
        combined.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0))).unwrap_or((0, 0.0));
    if total <= 0.0 {
        return Verdict::UND;
    }
    Verdict { lang: Some(lang), confidence: (value / total * share).min(0.99) }
}

/// 0.75 at the smallest deciding margin, 0.94 at a margin of 3, capped at 0.99.
fn confidence(margin: f32) -> f64 {
    (1.0 - 0.5f64.powf(margin as f64)).clamp(0.5, 0.99)
}
