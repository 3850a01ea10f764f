//! ## What it does
//! Flags a sentence or paragraph that appears twice in one text, also when the copy was
//! edited a little (a clause added or dropped, a word changed). Consecutive repeated
//! sentences are reported as one passage. The finding points at the copy; the evidence is
//! the first occurrence.
//!
//! Not flagged: the title or a heading repeated as the opening sentence; headline-style
//! lines without final punctuation (standfirst bullets that the body then expands); short
//! formulaic sentences (fewer than six words, such as "No one was hurt."); a quote repeated
//! with a different attribution around it (only an exact copy of a quoted sentence counts).
//!
//! ## Why is this bad?
//! A pasted-twice paragraph is a classic artefact of assembling a translation from segments
//! (or of a CMS import); readers notice it at once.
//!
//! ## Example
//! ```text
//! The government approved the new budget on Tuesday after a long debate.
//!
//! ... Later paragraphs ...
//!
//! The government approved the new budget on Tuesday, the finance ministry said, after a long debate.
//! ```
//! Delete one of the two, or merge what the copy adds.
//!
//! ## How to silence it
//! Delete or rewrite the copy, or pass `--ignore T702`.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;
use crate::text::{ParagraphKind, TokenKind};

/// Sentences with fewer words are formulaic enough to repeat legitimately.
const MIN_WORDS_EXACT: usize = 6;
/// A near (edited) copy needs this many words in the shorter sentence.
const MIN_WORDS_NEAR: usize = 8;
/// Share of the shorter sentence's word pairs that must recur in the longer one.
const MIN_BIGRAM_CONTAINMENT: f64 = 0.7;
/// Share of the shorter sentence's words that must recur in the longer one.
const MIN_WORD_CONTAINMENT: f64 = 0.8;
/// The shorter may not be less than this share of the longer (a one-line summary of a long
/// sentence is not a copy).
const MIN_LENGTH_RATIO: f64 = 0.6;
/// Bigrams shared by more sentences than this are too common to suggest a copy.
const MAX_POSTING: usize = 48;

struct Unit {
    span: Span,
    words: Vec<u64>,
    bigrams: Vec<u64>,
    /// Contains quoted speech (starts or ends with a quote mark, or holds a quoted run).
    quoted: bool,
}

const QUOTE_MARKS: &[char] = &['"', '«', '»', '“', '”', '„', '‘', '’', '\'', '‹', '›', '「', '」'];
const TERMINALS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];

/// A sentence without terminal punctuation is a headline, a standfirst bullet or a caption:
/// news sites repeat those in the body by design.
fn headline_like(s: &str) -> bool {
    !s.trim_end().trim_end_matches(QUOTE_MARKS).trim_end_matches([')', ']']).ends_with(TERMINALS)
}

fn quoted(s: &str) -> bool {
    let t = s.trim();
    t.starts_with(QUOTE_MARKS)
        || t.trim_end_matches(TERMINALS).ends_with(QUOTE_MARKS)
        || t.trim_end_matches(TERMINALS).trim_end_matches(QUOTE_MARKS).ends_with(TERMINALS)
        || t.chars().filter(|c| matches!(c, '"' | '«' | '“' | '„')).count() >= 2
}

fn hash<T: Hash>(t: T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let model = &ctx.analysis.text;
    let units: Vec<Unit> = model
        .sentences
        .iter()
        .map(|s| {
            let kind = model.paragraphs.get(s.paragraph).map(|p| p.kind);
            let sentence = s.span.slice(text);
            let counted =
                !matches!(kind, Some(ParagraphKind::Title | ParagraphKind::Heading | ParagraphKind::Code))
                    && !headline_like(sentence);
            let words: Vec<u64> = if counted {
                model
                    .tokens_in(s.span)
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct)
                    .map(|t| hash(super::words::normalize(t.span.slice(text))))
                    .collect()
            } else {
                Vec::new()
            };
            let mut bigrams: Vec<u64> = words.windows(2).map(|w| hash((w[0], w[1]))).collect();
            bigrams.sort_unstable();
            bigrams.dedup();
            Unit { span: s.span, words, bigrams, quoted: quoted(sentence) }
        })
        .collect();

    // For each sentence, the earlier sentence it copies, if any.
    let mut copy_of: Vec<Option<usize>> = vec![None; units.len()];
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, u) in units.iter().enumerate() {
        if u.words.len() < MIN_WORDS_EXACT {
            continue;
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for b in &u.bigrams {
            if let Some(list) = index.get(b) {
                if list.len() <= MAX_POSTING {
                    for &i in list {
                        *shared.entry(i).or_default() += 1;
                    }
                }
            }
        }
        let mut best: Option<(usize, usize)> = None;
        let mut candidates: Vec<(usize, usize)> = shared.into_iter().collect();
        candidates.sort_unstable();
        for (i, n) in candidates {
            if is_copy(&units[i], u, n) && best.is_none_or(|(_, m)| n > m) {
                best = Some((i, n));
            }
        }
        copy_of[j] = best.map(|(i, _)| i);
        for b in &u.bigrams {
            index.entry(*b).or_default().push(j);
        }
    }

    // Runs of consecutive copied sentences become one passage.
    let mut out = Vec::new();
    let mut j = 0;
    while j < units.len() {
        let Some(i) = copy_of[j] else {
            j += 1;
            continue;
        };
        let (mut end_j, mut end_i) = (j, i);
        while end_j + 1 < units.len() && copy_of[end_j + 1] == Some(end_i + 1) && end_i + 1 < j {
            end_j += 1;
            end_i += 1;
        }
        let copy = units[j].span.cover(units[end_j].span);
        let first = units[i].span.cover(units[end_i].span);
        let n = end_j - j + 1;
        let what = if n > 1 { format!("These {n} sentences") } else { "This sentence".to_string() };
        let exact = (j..=end_j).all(|k| units[k].words == units[k - j + i].words);
        let msg = if exact {
            format!("{what} already appeared earlier in the text")
        } else {
            format!("{what} repeat{} an earlier passage with small changes", if n > 1 { "" } else { "s" })
        };
        let first_pos = model.position(text, first.start);
        out.push(
            Diagnostic::new(copy, msg)
                .with_evidence(Evidence::here(first, "first occurrence"))
                .with_suggestion(format!(
                    "delete the repetition (first occurrence on line {})",
                    first_pos.line
                )),
        );
        j = end_j + 1;
    }
    out
}

/// Is `b` a copy of the earlier `a`, given `shared` common bigrams?
fn is_copy(a: &Unit, b: &Unit, shared: usize) -> bool {
    if a.words == b.words {
        return a.words.len() >= MIN_WORDS_EXACT;
    }
    // A quote repeated with a different attribution around it is how news reuses a quote
    // (lede, then the full statement); only an exact copy counts.
    if a.quoted && b.quoted {
        return false;
    }
    let (short, long) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
    if short.words.len() < MIN_WORDS_NEAR
        || (short.words.len() as f64) < MIN_LENGTH_RATIO * long.words.len() as f64
    {
        return false;
    }
    if (shared as f64) < MIN_BIGRAM_CONTAINMENT * short.bigrams.len() as f64 {
        return false;
    }
    let mut long_words = long.words.clone();
    long_words.sort_unstable();
    let found = short.words.iter().filter(|w| long_words.binary_search(w).is_ok()).count();
    found as f64 >= MIN_WORD_CONTAINMENT * short.words.len() as f64
}
