//! ## What it does
//! Flags characters a reader cannot see: zero-width spaces and joiners, word joiners, a
//! byte-order mark inside the text, soft hyphens, bidirectional controls (`U+202E` and
//! friends), line and paragraph separators, Hangul fillers, tag characters and stray control
//! characters. The finding points at the word holding them and suggests it without them.
//!
//! It leaves alone the uses that are part of writing: a zero-width joiner inside an emoji
//! sequence (`👩‍💻`), joiners and non-joiners between letters of scripts that need them
//! (Persian, Arabic, Indic scripts), direction marks in a paragraph that has right-to-left
//! text, and tag characters of a subdivision flag (`🏴󠁧󠁢󠁳󠁣󠁴󠁿`).
//!
//! ## Why is this bad?
//! Invisible characters break search, matching and spell-checking (`Ber​lin` with a zero-width
//! space is not `Berlin`), make quotes fail to match their original, and bidirectional
//! overrides can make a text display differently from what it says. They are almost always
//! debris of copying from web pages, PDFs, chat apps or translation tools.
//!
//! ## Example
//! ```text
//! The talks in Ber<U+200B>lin ended on Monday.
//! Die Auto<U+00AD>bahn bleibt gesperrt.
//! ```
//! Use instead:
//! ```text
//! The talks in Berlin ended on Monday.
//! Die Autobahn bleibt gesperrt.
//! ```
//!
//! ## How to silence it
//! Delete the characters (the suggestion is the word without them). If a publication relies
//! on soft hyphens for layout, ignore the rule with `--ignore U203` or `ignore = ["U203"]` in
//! `faithful.toml`.

use unicode_script::{Script, UnicodeScript};

use super::{codepoint, trim_ascii_punctuation, word_around};
use crate::finding::Diagnostic;
use crate::rules::Context;
use crate::span::Span;

/// The name of an invisible character worth flagging, before context is considered.
fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{034F}' => "COMBINING GRAPHEME JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{2061}'..='\u{2064}' => "INVISIBLE MATHEMATICAL OPERATOR",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => "HANGUL FILLER",
        '\u{FFF9}'..='\u{FFFB}' => "INTERLINEAR ANNOTATION CHARACTER",
        '\u{E0000}'..='\u{E007F}' => "TAG CHARACTER",
        '\t' | '\n' | '\r' => return None,
        '\u{0}'..='\u{1F}' | '\u{7F}' | '\u{80}'..='\u{9F}' => "CONTROL CHARACTER",
        _ => return None,
    })
}

/// Characters that stand for a line break or a space: removing them would glue words.
fn breaks_line(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}')
}

fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202C}' | '\u{2066}'..='\u{2069}')
}

fn is_rtl(c: char) -> bool {
    matches!(c.script(), Script::Hebrew | Script::Arabic | Script::Syriac | Script::Thaana | Script::Nko)
}

/// Scripts in which zero-width joiners and non-joiners are part of correct spelling.
fn joining_script(c: char) -> bool {
    matches!(
        c.script(),
        Script::Arabic
            | Script::Syriac
            | Script::Nko
            | Script::Devanagari
            | Script::Bengali
            | Script::Gurmukhi
            | Script::Gujarati
            | Script::Oriya
            | Script::Tamil
            | Script::Telugu
            | Script::Kannada
            | Script::Malayalam
            | Script::Sinhala
            | Script::Khmer
            | Script::Myanmar
            | Script::Mongolian
    )
}

fn is_emoji_part(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF | 0xFE0F | 0x20E3)
}

/// Is the character at `at` one that belongs where it is?
fn legitimate(text: &str, at: usize, c: char, rtl_paragraph: &mut impl FnMut(usize) -> bool) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + c.len_utf8()..].chars().next();
    match c {
        '\u{200D}' => {
            before.is_some_and(|b| is_emoji_part(b) || joining_script(b))
                && after.is_some_and(|a| is_emoji_part(a) || joining_script(a))
        }
        '\u{200C}' => before.is_some_and(joining_script) || after.is_some_and(joining_script),
        '\u{E0000}'..='\u{E007F}' => {
            // Subdivision flags: U+1F3F4 followed by tag letters and U+E007F CANCEL TAG.
            text[..at]
                .trim_end_matches(|b: char| ('\u{E0000}'..='\u{E007F}').contains(&b))
                .ends_with('\u{1F3F4}')
        }
        _ if is_bidi_mark(c) => rtl_paragraph(at),
        _ => false,
    }
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let from = ctx.doc.body_start.min(text.len());
    let bytes = text.as_bytes();
    let model = &ctx.analysis.text;
    let mut rtl_cache: Vec<Option<bool>> = vec![None; model.paragraphs.len()];
    let mut rtl_paragraph = |at: usize| {
        let Some(p) = model.paragraph_at(at) else { return false };
        *rtl_cache[p].get_or_insert_with(|| model.paragraphs[p].span.slice(text).chars().any(is_rtl))
    };

    // (span of the character, its name), in text order.
    let mut found: Vec<(Span, char, &'static str)> = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        // Only these lead bytes and ASCII controls can start a character of interest.
        let interesting = (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7F
            || matches!(b, 0xC2 | 0xCD | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF3);
        if !interesting {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\0');
        let len = c.len_utf8();
        if let Some(name) = invisible(c) {
            let c1_in_mojibake = ('\u{80}'..='\u{9F}').contains(&c)
                && text[..i].chars().next_back().is_some_and(|p| ('\u{C2}'..='\u{F4}').contains(&p));
            if !c1_in_mojibake && !legitimate(text, i, c, &mut rtl_paragraph) {
                found.push((Span::new(i, i + len), c, name));
            }
        }
        i += len;
    }

    // One finding per word, however many invisible characters it holds.
    let mut out = Vec::new();
    let mut k = 0;
    while k < found.len() {
        let word = word_around(text, found[k].0, 60);
        let mut group = vec![found[k]];
        k += 1;
        while k < found.len() && found[k].0.start < word.end {
            group.push(found[k]);
            k += 1;
        }
        let span = trim_ascii_punctuation(text, word).cover(group[0].0).cover(group[group.len() - 1].0);
        out.push(diagnose(text, span, &group));
    }
    out
}

fn diagnose(text: &str, span: Span, group: &[(Span, char, &'static str)]) -> Diagnostic {
    let mut names: Vec<String> = Vec::new();
    for &(_, c, name) in group {
        let n = format!("{} {name}", codepoint(c));
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let mut cleaned = String::new();
    let mut pos = span.start;
    for &(s, c, _) in group {
        cleaned.push_str(&text[pos..s.start]);
        if breaks_line(c) {
            cleaned.push('\n');
        }
        pos = s.end;
    }
    cleaned.push_str(&text[pos..span.end]);
    let what = if group.len() == 1 { "invisible character" } else { "invisible characters" };
    if cleaned.trim().is_empty() {
        Diagnostic::new(span, format!("{what} {} between words; delete it", names.join(", ")))
    } else {
        Diagnostic::new(
            span,
            format!("{what} {} in '{}'", names.join(", "), cleaned.trim().replace('\n', " ")),
        )
        .with_suggestion(cleaned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cover_the_usual_suspects() {
        for c in ['\u{200B}', '\u{202E}', '\u{AD}', '\u{7}', '\u{FEFF}'] {
            assert!(invisible(c).is_some(), "{c:?}");
        }
        for c in ['a', ' ', '\n', '\u{A0}', 'é'] {
            assert!(invisible(c).is_none(), "{c:?}");
        }
    }
}
