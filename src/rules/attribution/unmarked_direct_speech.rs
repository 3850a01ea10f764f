//! ## What it does
//! Flags first-person speech followed by an attribution but written without quote marks:
//! `We will not retreat, the minister said.`, `Мы не отступим, заявил министр.`,
//! `Wir geben nicht nach, sagte Scholz.`, `Nous ne reculerons pas, a déclaré le ministre.`,
//! `No vamos a retroceder, dijo el ministro.`
//!
//! Only sentences that end in a short attribution (`, X said.` / `, said X.` / `— заявил X.`)
//! after a clause with a first-person word (`I`, `we`, `our`, `мы`, `ich`, `nous`,
//! `nuestro` ...) are reported; reported speech (`He said that we ...`) is not.
//!
//! ## Why is this bad?
//! Without quote marks, the speaker's own words read as the reporter's: "we" becomes the
//! newspaper. Translation engines often drop the marks of a quote, or turn a quote into this.
//!
//! ## Example
//! ```text
//! We will not accept these cuts, the union leader said.
//! ```
//! Use instead:
//! ```text
//! "We will not accept these cuts," the union leader said.
//! ```
//!
//! ## How to silence it
//! Add the quote marks, or rewrite as reported speech. `--ignore A403` turns the rule off.

use crate::analysis::quotes::MarkRole;
use crate::analysis::speakers::lexicon::{self, CueKind};
use crate::finding::Diagnostic;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{ParagraphKind, TokenKind};

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let a = ctx.analysis;
    let text = ctx.text();
    let lx = lexicon::for_lang(ctx.lang());
    let mut out = Vec::new();
    // Sentences that hold a quote mark or lie in a quote, found once (not per sentence).
    let mut quoted = vec![false; a.text.sentences.len()];
    let mut mark_range = |start: usize, end: usize| {
        let first = a.text.sentences.partition_point(|s| s.span.end <= start);
        let last = a.text.sentences.partition_point(|s| s.span.start < end);
        for q in quoted.iter_mut().take(last).skip(first) {
            *q = true;
        }
    };
    for m in a.quotes.marks.iter().filter(|m| m.role != MarkRole::Apostrophe) {
        mark_range(m.span.start, m.span.end);
    }
    for q in &a.quotes.all {
        mark_range(q.outer.start, q.outer.end);
    }
    for (si, s) in a.text.sentences.iter().enumerate() {
        if a.text.paragraphs.get(s.paragraph).is_some_and(|p| p.kind != ParagraphKind::Body) {
            continue;
        }
        // Sentences with quote marks, or inside a quote, are quoted speech already.
        if quoted[si] {
            continue;
        }
        let toks = a.text.tokens_in(s.span);
        let words: Vec<(Span, String, bool)> = toks
            .iter()
            .map(|t| (t.span, t.span.slice(text).to_lowercase(), t.kind == TokenKind::Punct))
            .collect();
        if words.len() < 6 {
            continue;
        }
        // The attribution: after the last comma or dash, up to the final punctuation.
        let mut end = words.len();
        while end > 0 && words[end - 1].2 && matches!(words[end - 1].1.as_str(), "." | "!" | "?" | "…") {
            end -= 1;
        }
        let Some(sep) =
            (0..end).rev().find(|&k| words[k].2 && matches!(words[k].1.as_str(), "," | "—" | "–"))
        else {
            continue;
        };
        let tail = &words[sep + 1..end];
        if tail.is_empty() || tail.len() > 9 || tail.iter().any(|w| w.2 && w.1 != "." && w.1 != "-") {
            continue;
        }
        // A speech verb in the tail, at its start or after a short subject.
        let cue = (0..tail.len()).find_map(|k| {
            lx.cues.iter().find(|c| {
                c.kind == CueKind::Verb
                    && k + c.words.len() <= tail.len()
                    && c.words.iter().zip(&tail[k..]).all(|(cw, tw)| *cw == tw.1)
            })
        });
        if cue.is_none() {
            continue;
        }
        // First-person words before it.
        let head = &words[..sep];
        // Lower-cased words; `US` (the country) is not `us`.
        let first_person = head.iter().any(|w| {
            let acronym = w.0.slice(text).chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
                && w.1.chars().count() > 1;
            !w.2 && !acronym
                && (lx.first_person.contains(&w.1) || w.1.starts_with("j'") || w.1.starts_with("j’"))
        });
        // Reported speech: a cue (`said that ...`) already in the head.
        let reported = (0..head.len()).any(|k| {
            lx.cues.iter().any(|c| {
                c.kind == CueKind::Verb
                    && k + c.words.len() <= head.len()
                    && c.words.iter().zip(&head[k..]).all(|(cw, tw)| *cw == tw.1)
            })
        });
        if first_person && !reported && head.len() >= 4 {
            let span = Span::new(words[0].0.start, words[sep].0.start);
            let attribution = Span::new(words[sep + 1].0.start, words[end - 1].0.end);
            out.push(
                Diagnostic::new(
                    span,
                    format!(
                        "First-person statement attributed with '{}' but not in quote marks",
                        attribution.slice(text)
                    ),
                )
                .with_suggestion("put the speaker's words in quote marks, or rewrite as reported speech"),
            );
        }
    }
    out
}
