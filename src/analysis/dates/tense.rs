//! The tense of the clause around a date, and the phrase framing it (`since`, `by`): a
//! heuristic over cue words from `src/lang/<lang>/tense.txt`. The nearest cue in the sentence
//! wins; its span is kept so findings can show it.

use super::lexicon::{for_lang, Frame};
use super::Tense;
use crate::span::Span;

/// A tense and the word that decided it (none when nothing in the sentence says).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TenseCue {
    pub tense: Tense,
    pub span: Option<Span>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// Words of `text` (offset by `base`) with their spans.
fn words(text: &str, base: usize) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((Span::new(base + st, base + i), &text[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((Span::new(base + st, base + text.len()), &text[st..]));
    }
    out
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The tense of the sentence around `mention`: the nearest cue word or phrase outside it.
pub fn around(s: &str, sentence: Span, mention: Span, lang: &str) -> TenseCue {
    let lex = for_lang(lang);
    let text = &s[sentence.start..sentence.end];
    let mut cues: Vec<(Span, Tense)> = Vec::new();
    if let Some(re) = &lex.cue_re {
        // Overlapping matches: step one character past each match start.
        let mut at = 0;
        while at <= text.len() {
            let Some(c) = re.captures_at(text, at) else { break };
            let g = c.get(1).unwrap();
            let sp = Span::new(sentence.start + g.start(), sentence.start + g.end());
            if let Some(&t) =
                lex.cues.get(&g.as_str().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" "))
            {
                cues.push((sp, t));
            }
            at = g.end();
        }
    }
    let all = words(text, sentence.start);
    for (i, &(sp, w)) in all.iter().enumerate() {
        let lw = w.to_lowercase();
        // A participle after an auxiliary (`sera ramené`, `will be opened`, `wird eröffnet`)
        // takes the auxiliary's tense, which the cue list already has.
        let aux = all[i.saturating_sub(2)..i].iter().any(|(_, p)| lex.cues.contains_key(&p.to_lowercase()));
        if aux {
            continue;
        }
        if lw.chars().count() < 4 || lex.not_past.contains(&lw) || lex.cues.contains_key(&lw) {
            continue;
        }
        // Capitalised words past the sentence start are names (`United`, `Ahmed`).
        if sp.start > sentence.start && w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let attributive = i > 0 && lex.attributive.contains(&all[i - 1].1.to_lowercase());
        if lw.chars().count() >= 5
            && !lex.not_future.contains(&lw)
            && lex.future_endings.iter().any(|e| lw.ends_with(e.as_str()))
        {
            cues.push((sp, Tense::Future));
        } else if !attributive && lex.past_endings.iter().any(|e| lw.ends_with(e.as_str())) {
            cues.push((sp, Tense::Past));
        }
    }
    cues.retain(|(sp, _)| !sp.overlaps(mention));
    // Prefer a cue in the same clause (no comma, semicolon, colon, dash or bracket between),
    // then the nearest.
    let boundaries = |sp: Span| {
        let (a, b) = if sp.end <= mention.start { (sp.end, mention.start) } else { (mention.end, sp.start) };
        let between = s.get(a..b).unwrap_or("");
        between.matches(", ").count() + between.matches([';', ':', '—', '–', '(', ')']).count()
    };
    cues.sort_by_key(|(sp, _)| (boundaries(*sp), distance(*sp, mention), sp.start));
    match cues.first() {
        Some(&(sp, tense)) => TenseCue { tense, span: Some(sp) },
        None => TenseCue::default(),
    }
}

/// A horizon (`by`, `until`, `до`) or history (`since`, `seit`, `desde`) phrase right before
/// the date, skipping filler words (`by the end of 2025`, `since early 2020`), or a history
/// word right after it (`2019 levels`).
pub fn frame(s: &str, sentence: Span, mention: Span, lang: &str) -> Option<(Frame, Span)> {
    let lex = for_lang(lang);
    let before = words(&s[sentence.start..mention.start], sentence.start);
    let mut skipped = 0;
    for k in (0..before.len()).rev() {
        // Try one- to three-word phrases ending at word k.
        for len in (1..=3).rev() {
            if k + 1 < len {
                continue;
            }
            let phrase =
                before[k + 1 - len..=k].iter().map(|(_, w)| w.to_lowercase()).collect::<Vec<_>>().join(" ");
            if let Some(&f) = lex.frames.get(&phrase) {
                return Some((f, before[k + 1 - len].0.cover(before[k].0)));
            }
        }
        let w = before[k].1.to_lowercase();
        skipped += 1;
        if skipped > 4 || !lex.fillers.contains(&w) {
            break;
        }
    }
    let after = words(&s[mention.end..sentence.end], mention.end);
    if let Some((sp, w)) = after.first() {
        if lex.frames.get(&w.to_lowercase()) == Some(&Frame::History) && distance(*sp, mention) <= 2 {
            return Some((Frame::History, *sp));
        }
    }
    None
}
