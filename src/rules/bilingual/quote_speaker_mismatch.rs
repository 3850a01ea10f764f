//! ## What it does
//! Flags a quotation that the translation credits to a different speaker than the source
//! does, comparing the quotes of each aligned passage and their attributed speakers (names
//! compared across scripts and spellings, as in X803).
//!
//! ## Why is this bad?
//! Putting one person's words in another's mouth is the most damaging error a translated news
//! story can carry, and one that no spell-checker or translation-memory tool looks for: the
//! words are right, only the name beside them is wrong.
//!
//! ## Example
//! Source: `«Переговоры зашли в тупик», — заявил Дмитрий Песков.` Translation: `"The talks
//! have reached a dead end," said Sergei Lavrov.` is reported at `Sergei Lavrov`, with
//! `Дмитрий Песков` in the source as evidence.
//!
//! ## How to silence it
//! Credit the quote to the source's speaker. Quotes whose speaker is an organisation or an
//! anonymous source, or that only one side attributes, are not compared.

use super::{inflecting, same_name, window, Pair};
use crate::analysis::quotes::SpeakerRef;
use crate::analysis::Quote;
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

/// Whether two speakers' names can be one person: some word of one name (a surname, usually)
/// is a word of the other.
fn same_speaker(a: &str, b: &str, inflected: bool) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
            .filter(|w| w.chars().count() >= 3)
            .map(crate::translit::name_key)
            .filter(|k| !k.is_empty())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.iter().any(|x| wb.iter().any(|y| same_name(x, y, inflected)))
}

/// The quote's speaker when it is a person of the register (not an organisation, an anonymous
/// source or an unresolved word).
fn named(q: &Quote) -> Option<&SpeakerRef> {
    q.speaker.as_ref().filter(|s| {
        s.person.is_some()
            && !s.name.trim().is_empty()
            && s.name.chars().next().is_some_and(char::is_uppercase)
    })
}

fn attributed(quotes: &[Quote], within: Span) -> Vec<&Quote> {
    quotes.iter().filter(|q| within.contains(q.span) && named(q).is_some()).collect()
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let inflected = inflecting(pair.target_lang()) || inflecting(pair.source_lang());
    let pairs = &pair.alignment.pairs;
    let (tq, sq) = (&pair.analysis.quotes.quotes, &pair.source.quotes.quotes);
    let mut out = Vec::new();
    let mut reported = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        let src_here = attributed(sq, s);
        let tgt_here = attributed(tq, t);
        if src_here.is_empty() || tgt_here.is_empty() {
            continue;
        }
        let src_near = window(pairs, k, 1, false).map(|w| attributed(sq, w)).unwrap_or_default();
        // Quotes of a passage are matched in order when both sides have as many; otherwise
        // only a lone quote on each side is compared.
        let matched: Vec<(&Quote, &Quote)> = if src_here.len() == tgt_here.len() {
            src_here.iter().copied().zip(tgt_here.iter().copied()).collect()
        } else {
            Vec::new()
        };
        for (a, b) in matched {
            let (Some(sa), Some(sb)) = (named(a), named(b)) else { continue };
            if same_speaker(&sa.name, &sb.name, inflected) || reported.contains(&sb.mention) {
                continue;
            }
            // The source may credit this speaker with a neighbouring quote the alignment put
            // one passage off; then the credit is not wrong.
            let credited_nearby = src_near
                .iter()
                .filter_map(|q| named(q))
                .any(|s| same_speaker(&s.name, &sb.name, inflected) && src_here.len() != src_near.len());
            if credited_nearby {
                continue;
            }
            reported.push(sb.mention);
            out.push(
                Diagnostic::new(
                    sb.mention,
                    format!(
                        "Quote credited to {}; the source credits it to {}",
                        sb.name.trim(),
                        sa.name.trim()
                    ),
                )
                .with_evidence(Evidence::in_source(sa.mention, "the speaker in the source"))
                .with_evidence(Evidence::here(b.span, "the quote")),
            );
        }
    }
    out
}
