//! ## What it does
//! Flags text of the translation that was not translated: a sentence (or a paragraph) copied
//! unchanged, or nearly, from its source, or still written in the source's language; and a
//! quotation left in the source's language inside a sentence that was translated.
//!
//! ## Why is this bad?
//! Translation tools and hurried editors leave segments in the original language: a quote
//! pasted from the wire, a paragraph the machine translation skipped. Readers of the
//! translation cannot read it, and it shows the text was not reviewed.
//!
//! ## Example
//! Source (en): `"We will not back down," Merkel said on Monday.` Translation (de): `„We will
//! not back down“, sagte Merkel am Montag.` The quotation is reported (only it: the sentence
//! around it is German), with the source as evidence. So is a paragraph copied unchanged, or
//! an English sentence in the middle of a Russian translation of an English article.
//!
//! ## How to silence it
//! Translate the passage. What legitimately stays as it is, is left alone: names, titles of
//! works and brands (quotations of under three words, or most of whose longer words are
//! capitalised), a quotation the source itself gives in a third language (a French saying in
//! an English article), a quotation in parentheses glossing the translation next to it
//! (`„Walisisches Parlament“ („Welsh Parliament“)`), and sentences whose words are the target
//! language's. In XLIFF, mark such units `translate="no"`.

use super::{preview, window, Pair};
use crate::analysis::language::detect;
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let (src_lang, tgt_lang) = (pair.source_lang(), pair.target_lang());
    if src_lang == tgt_lang && src_lang != "und" {
        return Vec::new();
    }
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let src_script = dominant_script(&src_text[pair.source_doc.body_start.min(src_text.len())..]);
    let tgt_script = dominant_script(&text[pair.doc.body_start.min(text.len())..]);
    let model = &pair.analysis.text;
    let sentences = &model.sentences;
    let lang = &pair.analysis.language;
    // Whether a stretch is in a third language, neither the source's nor the translation's:
    // a passage the source itself gives in that language (a French saying in an English
    // article) stays as it is.
    let third_language = |s: &str| {
        let g = detect(s, &[]);
        !g.is_und() && g.code != src_lang && g.code != tgt_lang && g.confidence >= 0.5
    };
    // Whether a stretch of the source is in another language than the source's own (then
    // the translation may keep it: the source kept it too).
    let foreign_to_source = |s: &str| {
        let g = detect(s, &[]);
        !g.is_und() && src_lang != "und" && g.code != src_lang && g.confidence >= 0.5
    };
    let lang_label = if src_lang == "und" {
        "the source's language".to_string()
    } else {
        format!("'{src_lang}', the source's language")
    };
    // Untranslated sentences: (target sentence index, how, source evidence).
    let mut flagged: Vec<(usize, String, Span)> = Vec::new();
    for (k, p) in pair.alignment.pairs.iter().enumerate() {
        let Some(src_span) = p.source_span() else { continue };
        let around = window(&pair.alignment.pairs, k, 1, false).unwrap_or(src_span);
        for ti in p.target.clone() {
            let Some(sentence) = sentences.get(ti) else { continue };
            let t = sentence.span.slice(text);
            if !worth_translating(t) {
                continue;
            }
            // A sentence quoting someone whose own words (outside the quotation) were
            // translated is not untranslated: its quotations are looked at below.
            let frame = frame_of(text, sentence.span, &pair.analysis.quotes.all);
            if frame.len() < t.len() && translated(&frame, around.slice(src_text)) {
                continue;
            }
            // Copied: equal to one of the pair's source sentences, or to the whole source side.
            let copied = p
                .source_spans
                .iter()
                .copied()
                .chain(std::iter::once(src_span))
                .chain(p.source.clone().filter_map(|si| pair.source.text.sentences.get(si).map(|s| s.span)))
                .find(|s| same_text(s.slice(src_text), t));
            if let Some(s) = copied {
                if !foreign_to_source(s.slice(src_text)) {
                    flagged.push((ti, "copied unchanged from the source".into(), s));
                }
                continue;
            }
            // Still in the source language outside its quotations (a translated sentence
            // quoting an untranslated title is not untranslated; its quotations are looked at
            // below) *and* made of the aligned source's words.
            let frame = lang.frames.get(ti).or_else(|| lang.sentences.get(ti));
            let detected = frame.is_some_and(|g| {
                !g.is_und()
                    && g.code == src_lang
                    && g.code != tgt_lang
                    && tgt_lang != "und"
                    && g.confidence >= 0.6
            });
            let wrong_script = src_script != tgt_script
                && src_script != Script::Other
                && dominant_script(t) == src_script
                && t.split_whitespace().count() >= 4;
            if (detected || wrong_script) && overlap(t, around.slice(src_text)) >= 0.5 && !third_language(t) {
                flagged.push((ti, format!("still in {lang_label}"), src_span));
            }
        }
    }
    let mut out = Vec::new();
    // Consecutive untranslated sentences of one paragraph are one finding.
    let mut i = 0;
    while i < flagged.len() {
        let mut j = i + 1;
        while j < flagged.len()
            && flagged[j].0 == flagged[j - 1].0 + 1
            && sentences[flagged[j].0].paragraph == sentences[flagged[i].0].paragraph
        {
            j += 1;
        }
        let span = sentences[flagged[i].0].span.cover(sentences[flagged[j - 1].0].span);
        let source = flagged[i].2.cover(flagged[j - 1].2);
        let whole_paragraph = model.paragraphs.get(sentences[flagged[i].0].paragraph).is_some_and(|p| {
            let para = p.span.slice(text).trim();
            j - i > 1 && para.len() <= span.len() + 2
        });
        let what = if whole_paragraph {
            "Paragraph"
        } else if j - i > 1 {
            "Sentences"
        } else {
            "Sentence"
        };
        let how = &flagged[i].1;
        out.push(finding(span, &format!("{what} left untranslated: {how}"), source, src_text));
        i = j;
    }
    // Quotations left in the source language inside translated sentences.
    let done: Vec<Span> = out.iter().map(|d| d.span).collect();
    for q in pair.analysis.quotes.all.iter().filter(|q| q.depth == 0 && q.closed) {
        if done.iter().any(|d| d.overlaps(q.span)) || is_gloss(text, q.outer) {
            continue;
        }
        // The whole quotation, else each of its sentences: a quotation of several sentences
        // may be translated but for one (`"We will not open the line. Лучше сдвинуть сроки,"
        // Garipov said.`), and a mixed quotation reads as neither language as a whole.
        let mut pieces = vec![(q.span, true)];
        pieces.extend(
            sentences
                .iter()
                .filter(|s| s.span.overlaps(q.span))
                .map(|s| Span::new(s.span.start.max(q.span.start), s.span.end.min(q.span.end)))
                .filter(|p| *p != q.span && !p.is_empty())
                .map(|p| (trim_span(text, p), false)),
        );
        let pieces = if pieces.len() == 2 { &pieces[..1] } else { &pieces[..] };
        for &(piece, whole) in pieces {
            let qt = piece.slice(text);
            if !is_speech(qt) {
                continue;
            }
            let Some(k) = pair.alignment.pair_at_target(piece.start) else { continue };
            let Some(around) = window(&pair.alignment.pairs, k, 1, false) else { continue };
            // The source's quotation it renders: the one sharing most words.
            let source_quote = pair
                .source
                .quotes
                .all
                .iter()
                .filter(|s| s.depth == 0 && around.overlaps(s.span))
                .map(|s| (s.span, overlap(qt, s.span.slice(src_text))))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let guess = lang
                .quoted
                .iter()
                .find(|g| whole && g.span.overlaps(q.span))
                .map(|g| g.guess.clone())
                .unwrap_or_else(|| detect(qt, &[]));
            let copied = source_quote.filter(|(s, _)| same_text(s.slice(src_text), qt)).map(|(s, _)| s);
            let in_source_language = guess.code == src_lang
                && guess.code != tgt_lang
                && guess.confidence >= 0.6
                && overlap(qt, around.slice(src_text)) >= 0.6;
            let evidence = match (copied, in_source_language) {
                (Some(s), _) if !(guess.code == tgt_lang && guess.confidence >= 0.8) => s,
                (_, true) => source_quote.filter(|(_, o)| *o >= 0.6).map_or(around, |(s, _)| s),
                _ => continue,
            };
            if third_language(qt) || foreign_to_source(evidence.slice(src_text)) {
                continue;
            }
            let how = if copied.is_some() { "copied unchanged from the source" } else { "still in " };
            let how = if copied.is_some() { how.to_string() } else { format!("{how}{lang_label}") };
            out.push(finding(piece, &format!("Quotation left untranslated: {how}"), evidence, src_text));
            if whole {
                break;
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.span.end));
    out
}

fn finding(span: Span, message: &str, source: Span, src_text: &str) -> Diagnostic {
    Diagnostic::new(span, message.to_string()).with_evidence(Evidence::in_source(
        source,
        format!("source: \"{}\"", preview(source.slice(src_text), 60)),
    ))
}

/// The span without the spaces and punctuation at its ends.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
    let end = span.end - (s.len() - s.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.').len());
    if start < end {
        Span::new(start, end)
    } else {
        span
    }
}

/// Whether a quotation reads as a statement, not as a name, a title or a short phrase: three
/// distinct words or more, one of them in lower case, and most of its longer words in lower
/// case (`Just the Funny Parts: And a Few Hard Truths` is a book, `Make America Great Again` a
/// slogan, `We will not back down` a statement). German capitalises its nouns, not its verbs
/// and particles, so its statements pass too.
fn is_speech(q: &str) -> bool {
    if !worth_translating(q)
        || q.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() < 4
    {
        return false;
    }
    let long: Vec<&str> = q.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 4).collect();
    let lower = long.iter().filter(|w| w.starts_with(char::is_lowercase)).count();
    lower * 2 > long.len()
}

/// A quotation in parentheses, or right after another one: the original given next to its
/// translation (`Walisisches Parlament („Welsh Parliament“)`).
fn is_gloss(text: &str, outer: Span) -> bool {
    let before = text[..outer.start.min(text.len())].trim_end_matches([' ', '\u{a0}']);
    let after = text[outer.end.min(text.len())..].trim_start_matches([' ', '\u{a0}']);
    before.ends_with(['(', '[', '/']) || after.starts_with(['(', ')', '[', ']', '/'])
}

/// The sentence without its quotations (marks included).
fn frame_of(text: &str, sentence: Span, quotes: &[crate::analysis::quotes::Quote]) -> String {
    let mut out = String::new();
    let mut at = sentence.start;
    for q in quotes.iter().filter(|q| q.depth == 0 && q.outer.overlaps(sentence)) {
        let (a, b) = (q.outer.start.max(at), q.outer.end.min(sentence.end));
        if a > at {
            out.push_str(&text[at..a]);
            out.push(' ');
        }
        at = at.max(b);
    }
    if at < sentence.end {
        out.push_str(&text[at..sentence.end]);
    }
    out
}

/// Whether the words of `frame` in lower case (its verbs and particles, not its names) are
/// mostly not the source's: that part of the sentence was translated.
fn translated(frame: &str, source: &str) -> bool {
    let lower =
        frame.split(|c: char| !c.is_alphanumeric()).filter(|w| w.starts_with(char::is_lowercase)).count();
    lower >= 1 && overlap_lower(frame, source) < 0.5
}

/// Share of the words of `t` in lower case found in `source`.
fn overlap_lower(t: &str, source: &str) -> f64 {
    let src: std::collections::HashSet<String> = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let lower: Vec<&str> =
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| w.starts_with(char::is_lowercase)).collect();
    if lower.is_empty() {
        return 0.0;
    }
    lower.iter().filter(|w| src.contains(**w)).count() as f64 / lower.len() as f64
}

/// Share of the words of `t` found in `source`, counting the words in lower case only when
/// there are two or more of them: names and titles are shared by any translation, the words
/// in between are not.
fn overlap(t: &str, source: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let src: std::collections::HashSet<String> = words(source).into_iter().collect();
    let all: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let lower: Vec<&str> = all.iter().copied().filter(|w| w.starts_with(char::is_lowercase)).collect();
    let tw = if lower.len() >= 2 { lower } else { all };
    if tw.is_empty() {
        return 0.0;
    }
    tw.iter().filter(|w| src.contains(&w.to_lowercase())).count() as f64 / tw.len() as f64
}

/// Three distinct words or more, one of them in lower case: not a bare name, acronym, number
/// or a word repeated (`No, no, no!`).
fn worth_translating(s: &str) -> bool {
    let words: Vec<&str> =
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let distinct: std::collections::HashSet<String> = words.iter().map(|w| w.to_lowercase()).collect();
    distinct.len() >= 3 && words.iter().any(|w| w.starts_with(char::is_lowercase))
}

/// Equal once case, spacing and punctuation are set aside.
fn same_text(a: &str, b: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
    }
    // Most pairs differ in length too much to be compared at all: counted before anything
    // is built.
    let (la, lb) = (letters(a).count(), letters(b).count());
    if la != lb && (lb < 30 || la.abs_diff(lb) * 10 > lb) {
        return false;
    }
    let norm = |s: &str| -> String { letters(s).collect() };
    let (na, nb) = (norm(a), norm(b));
    if na.is_empty() {
        return false;
    }
    if na == nb {
        return true;
    }
    // Nearly equal: an edit or two. Edit distance is quadratic, so only for sentences of about
    // the same length whose words are nearly all the source's.
    if lb < 30 || la.abs_diff(lb) * 10 > lb {
        return false;
    }
    let source_words: std::collections::HashSet<String> =
        a.split_whitespace().map(str::to_lowercase).collect();
    let words: Vec<String> = b.split_whitespace().map(str::to_lowercase).collect();
    let shared = words.iter().filter(|w| source_words.contains(*w)).count();
    shared * 10 >= words.len() * 8 && strsim::normalized_levenshtein(&na, &nb) >= 0.92
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Other,
}

/// The script most letters of `s` are written in.
fn dominant_script(s: &str) -> Script {
    let (mut latin, mut cyrillic, mut other) = (0usize, 0usize, 0usize);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' => latin += 1,
            '\u{400}'..='\u{52F}' => cyrillic += 1,
            _ => other += 1,
        }
    }
    if latin > 2 * (cyrillic + other) {
        Script::Latin
    } else if cyrillic > 2 * (latin + other) {
        Script::Cyrillic
    } else {
        Script::Other
    }
}
