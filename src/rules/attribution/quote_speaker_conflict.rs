//! ## What it does
//! Flags the same or a nearly identical statement credited to two different people in one
//! text: `"We will not retreat," Petrova said` in one paragraph and the same words under
//! `Smirnov said` in another.
//!
//! Quotes of fewer than five words are left alone (short answers repeat naturally), and so
//! are repeats credited to an organisation and to a person, or to one person named two ways
//! (full name, surname, pronoun, role).
//!
//! ## Why is this bad?
//! One of the two attributions is wrong. Translations mix up speakers when a sentence is
//! restructured or a pronoun is resolved to the wrong person; readers then quote the wrong
//! person, and corrections follow.
//!
//! ## Example
//! ```text
//! "Prices will fall by summer," Finance Minister Ana Ruiz said.
//! ...
//! "Prices will fall by the summer," said central bank governor Luis Prado.
//! ```
//!
//! ## How to silence it
//! Correct the attribution. If two people really said the same words, say so explicitly
//! (`Prado repeated Ruiz's words`) or use `--ignore A402`.

use crate::analysis::quotes::{Quote, SpeakerKind};
use crate::finding::{Diagnostic, Evidence};
use crate::names;
use crate::rules::Context;

/// Words of a quote, folded, for comparison.
pub fn quote_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(names::fold).collect()
}

/// Whether two statements are the same or nearly so: most words shared, in order.
pub fn near_identical(a: &[String], b: &[String]) -> bool {
    if a.len() < 5 || b.len() < 5 {
        return false;
    }
    let (sa, sb) = (a.join(" "), b.join(" "));
    if sa == sb {
        return true;
    }
    let longer = sa.chars().count().max(sb.chars().count());
    let dist = strsim::levenshtein(&sa, &sb);
    (dist as f64) / (longer as f64) <= 0.2
}

fn person_like(q: &Quote) -> bool {
    q.speaker.as_ref().is_some_and(|s| {
        matches!(s.kind, SpeakerKind::Person | SpeakerKind::Pronoun | SpeakerKind::Continued)
            && s.person.is_some()
    })
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let quotes = &ctx.analysis.quotes.quotes;
    let people = &ctx.analysis.people.people;
    let words: Vec<Vec<String>> = quotes.iter().map(|q| quote_words(q.span.slice(text))).collect();
    // Candidates share one of their two longest words: near-identical statements do, and the
    // comparison stays close to linear on long documents.
    let mut buckets: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    let keys: Vec<Vec<&str>> = words
        .iter()
        .map(|w| {
            let mut longest: Vec<&str> = w.iter().map(String::as_str).collect();
            longest.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
            longest.dedup();
            longest.truncate(2);
            longest
        })
        .collect();
    for (i, ks) in keys.iter().enumerate() {
        for key in ks {
            buckets.entry(key).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for j in 0..quotes.len() {
        if !person_like(&quotes[j]) || words[j].len() < 5 {
            continue;
        }
        let sj = quotes[j].speaker.as_ref().expect("person_like");
        let mut candidates: Vec<usize> =
            keys[j].iter().flat_map(|k| buckets[k].iter().copied().filter(|&i| i < j)).collect();
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates {
            if !person_like(&quotes[i]) || !near_identical(&words[i], &words[j]) {
                continue;
            }
            let si = quotes[i].speaker.as_ref().expect("person_like");
            let (pi, pj) = (si.person.expect("person_like"), sj.person.expect("person_like"));
            if pi == pj || names::same_person(&people[pi].name, &people[pj].name) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    sj.mention,
                    format!(
                        "This statement is credited to {}, but the text also credits it to {}",
                        people[pj].name, people[pi].name
                    ),
                )
                .with_evidence(Evidence::here(
                    quotes[i].span,
                    format!("same statement, credited to {}", people[pi].name),
                ))
                .with_evidence(Evidence::here(si.mention, "first attribution")),
            );
            break;
        }
    }
    out
}
