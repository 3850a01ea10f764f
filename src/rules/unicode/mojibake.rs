//! ## What it does
//! Flags mojibake: UTF-8 text that was once decoded with a legacy code page (Windows-1252,
//! Latin-1, Windows-1251 or KOI8-R) and saved again, so `été` became `Ã©tÃ©`, `’` became
//! `â€™` and `Совет` became `Ð¡Ð¾Ð²ÐµÑ‚` or `РЎРѕРІРµС‚`. The suggestion is the repaired text.
//!
//! The rule does not match a list of known garbage strings. It finds characters that a code
//! page writes as a UTF-8 lead byte followed by the right number of continuation bytes,
//! re-encodes the suspicious word with that code page and keeps the finding only when the
//! bytes are valid UTF-8 and give a plausible, different text (one script per word, no
//! control characters). Text garbled twice is repaired twice. It also flags the replacement
//! character `�`, the mark of bytes already lost to a wrong decoding.
//!
//! ## Why is this bad?
//! Readers see gibberish where a name, a quote mark or a whole sentence should be. Mojibake
//! comes from a wrong encoding somewhere in the chain (a CMS export, a feed, a translation
//! tool) and usually affects many articles at once, so one finding is worth a look upstream.
//!
//! ## Example
//! ```text
//! The minister said the cafÃ© would reopen. Itâ€™s the last one in the street.
//! Talks with the Ð¡Ð¾Ð²ÐµÑ‚ resumed; РЎРѕРІРµС‚ confirmed it.
//! ```
//! Use instead:
//! ```text
//! The minister said the café would reopen. It’s the last one in the street.
//! Talks with the Совет resumed; Совет confirmed it.
//! ```
//! (and fix the encoding setting of the tool that produced the text).
//!
//! ## How to silence it
//! Repair the text (the suggestion gives the repaired word). If a text quotes mojibake on
//! purpose, for example an article about encodings, ignore the rule for it with
//! `--ignore U202` or `ignore = ["U202"]` in `faithful.toml`.

use std::sync::OnceLock;

use encoding_rs::Encoding;

use super::{trim_ascii_punctuation, word_around};
use crate::finding::Diagnostic;
use crate::rules::Context;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CodePage {
    Windows1252,
    Latin1,
    Windows1251,
    Koi8R,
}

const CODE_PAGES: [CodePage; 4] =
    [CodePage::Windows1252, CodePage::Latin1, CodePage::Windows1251, CodePage::Koi8R];

impl CodePage {
    fn label(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "Windows-1252",
            CodePage::Latin1 => "Latin-1",
            CodePage::Windows1251 => "Windows-1251",
            CodePage::Koi8R => "KOI8-R",
        }
    }

    /// encoding_rs has no true ISO-8859-1 (WHATWG maps it to Windows-1252); Latin-1 is the
    /// identity on U+0000..U+00FF and is done by hand.
    fn encoding(self) -> Option<&'static Encoding> {
        match self {
            CodePage::Windows1252 => Some(encoding_rs::WINDOWS_1252),
            CodePage::Latin1 => None,
            CodePage::Windows1251 => Some(encoding_rs::WINDOWS_1251),
            CodePage::Koi8R => Some(encoding_rs::KOI8_R),
        }
    }

    /// Every character of the upper half of the code page with its byte, sorted by character.
    fn table(self) -> &'static [(char, u8)] {
        static TABLES: [OnceLock<Vec<(char, u8)>>; 4] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = CODE_PAGES.iter().position(|&c| c == self).unwrap_or(0);
        TABLES[index].get_or_init(|| {
            let mut t: Vec<(char, u8)> = (0x80..=0xFFu8)
                .filter_map(|b| {
                    let c = match self.encoding() {
                        Some(enc) => enc.decode_without_bom_handling(&[b]).0.chars().next()?,
                        None => char::from(b),
                    };
                    (c != '\u{FFFD}').then_some((c, b))
                })
                .collect();
            t.sort();
            t
        })
    }

    /// The byte this code page writes `c` as (ASCII as itself), if it has one.
    fn byte(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        let t = self.table();
        t.binary_search_by_key(&c, |&(ch, _)| ch).ok().map(|i| t[i].1)
    }

    /// Re-encodes `s` into this code page; `None` if a character has no byte here.
    fn encode(self, s: &str) -> Option<Vec<u8>> {
        match self.encoding() {
            Some(enc) => {
                let (bytes, _, unmappable) = enc.encode(s);
                (!unmappable).then(|| bytes.into_owned())
            }
            None => s.chars().map(|c| u8::try_from(c as u32).ok()).collect(),
        }
    }
}

/// A character sequence that this code page writes as one complete UTF-8 sequence.
#[derive(Clone, Copy, Debug)]
struct Sequence {
    span: Span,
    /// UTF-8 length of the character it encodes.
    width: usize,
    lead: char,
    continuation: char,
}

/// Characters a wrongly decoded text plausibly held: letters of the European alphabets,
/// typographic punctuation, currency and common symbols, emoji. Anything else (IPA, combining
/// marks, rare scripts, CJK) is more likely a legitimate pair of characters than mojibake.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0xA0..=0x17F | 0x218..=0x21B | 0x386..=0x3CE | 0x400..=0x45F | 0x490..=0x491
        | 0x1E00..=0x1EFF | 0x2010..=0x2027 | 0x2030..=0x203A | 0x20AC | 0x20B4 | 0x20BD
        | 0x2116 | 0x2122 | 0x2190..=0x21FF | 0x2600..=0x27BF | 0x1F300..=0x1FAFF)
}

fn continuation(b: Option<u8>) -> Option<u8> {
    b.filter(|b| (0x80..=0xBF).contains(b))
}

/// Every sequence in `text[from..]` that `cp` would turn into one UTF-8 character.
fn sequences(text: &str, from: usize, cp: CodePage) -> Vec<Sequence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < text.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let lead = text[i..].chars().next().unwrap_or('\0');
        let next = i + lead.len_utf8();
        let Some(b0 @ 0xC2..=0xF4) = cp.byte(lead) else {
            i = next;
            continue;
        };
        let width = match b0 {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let mut buf = [b0, 0, 0, 0];
        let mut end = next;
        let mut first = '\0';
        let mut complete = true;
        for slot in buf.iter_mut().take(width).skip(1) {
            let c = text[end..].chars().next();
            match c.and_then(|c| continuation(cp.byte(c))) {
                Some(b) => {
                    *slot = b;
                    if first == '\0' {
                        first = c.unwrap_or('\0');
                    }
                    end += c.map_or(0, char::len_utf8);
                }
                None => {
                    complete = false;
                    break;
                }
            }
        }
        // `”` is E2 80 9D, and 9D has no character in Windows-1252: it usually vanished,
        // leaving `â€` alone.
        let decoded = if complete {
            std::str::from_utf8(&buf[..width]).ok().and_then(|s| s.chars().next())
        } else if cp == CodePage::Windows1252 && buf[..3] == [0xE2, 0x80, 0] {
            Some('”')
        } else {
            None
        };
        match decoded.filter(|&c| plausible(c)) {
            Some(_) => {
                out.push(Sequence { span: Span::new(i, end), width, lead, continuation: first });
                i = end;
            }
            None => i = next,
        }
    }
    out
}

/// A stretch of text holding sequences: whole words, adjacent words merged.
struct Run {
    span: Span,
    sequences: Vec<Sequence>,
}

fn runs(text: &str, seqs: &[Sequence]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for &s in seqs {
        let word = trim_ascii_punctuation(text, word_around(text, s.span, 80)).cover(s.span);
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.span.end..word.start).unwrap_or("");
            let adjacent = last.span.end >= word.start
                || (gap.len() <= 4
                    && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{A0}') || c.is_ascii_punctuation()));
            if adjacent {
                last.span = last.span.cover(word);
                last.sequences.push(s);
                continue;
            }
        }
        out.push(Run { span: word, sequences: vec![s] });
    }
    out
}

/// Does a sequence count as evidence? `В` or `я` before a no-break space, or an uppercase
/// letter before a closing quote mark at the end of a word (`Д»`, `Ñ»`), is ordinary
/// typography that happens to look like a sequence; only `Â` before them is mojibake.
fn counts(text: &str, s: &Sequence) -> bool {
    if s.lead == 'Â' || s.width >= 3 {
        return true;
    }
    if s.continuation == '\u{A0}' {
        return false;
    }
    let word_ends = text[s.span.end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    !(matches!(s.continuation, '»' | '”' | '’' | '…' | '“' | '›') && word_ends)
}

/// Is one sequence convincing on its own? `Ã©` is, and so is anything three bytes long
/// (`â€™`); an accented capital before a letter (`ÓŽ`) is not.
fn convincing(text: &str, s: &Sequence) -> bool {
    if !counts(text, s) {
        return false;
    }
    s.width >= 3
        || matches!(s.lead, 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ð' | 'Ñ' | 'Î' | 'Ï')
        || !s.continuation.is_alphabetic()
        || (s.lead.is_uppercase() && s.continuation.is_lowercase())
}

fn accept(text: &str, cp: CodePage, run: &Run) -> bool {
    let evidence = run.sequences.iter().filter(|s| counts(text, s)).count();
    match cp {
        // A Cyrillic text garbled this way yields a sequence per letter.
        CodePage::Windows1251 | CodePage::Koi8R => evidence >= 2,
        CodePage::Windows1252 | CodePage::Latin1 => {
            evidence >= 2 || run.sequences.iter().any(|s| convincing(text, s))
        }
    }
}

/// The text the run stood for: the run re-encoded with `cp` and read as UTF-8; if the run
/// also holds characters outside the code page, sequence by sequence.
fn repair(text: &str, run: &Run, cp: CodePage) -> Option<String> {
    let original = run.span.slice(text);
    if let Some(mut bytes) = cp.encode(original) {
        if cp == CodePage::Windows1252 {
            restore_lost_9d(&mut bytes);
        }
        if let Ok(s) = String::from_utf8(bytes) {
            return Some(s);
        }
    }
    let mut out = String::with_capacity(original.len());
    let mut pos = run.span.start;
    for s in &run.sequences {
        out.push_str(text.get(pos..s.span.start)?);
        let mut bytes = cp.encode(s.span.slice(text))?;
        if cp == CodePage::Windows1252 {
            restore_lost_9d(&mut bytes);
        }
        out.push_str(std::str::from_utf8(&bytes).ok()?);
        pos = s.span.end;
    }
    out.push_str(text.get(pos..run.span.end)?);
    Some(out)
}

fn restore_lost_9d(bytes: &mut Vec<u8>) {
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == 0xE2
            && bytes[i + 1] == 0x80
            && !bytes.get(i + 2).is_some_and(|b| (0x80..=0xBF).contains(b))
        {
            bytes.insert(i + 2, 0x9D);
        }
        i += 1;
    }
}

/// A repaired text is plausible when it has no control or replacement characters and no word
/// of it mixes Latin, Cyrillic and Greek letters.
fn plausible_text(s: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    if s.chars().any(|c| (c.is_control() && !c.is_whitespace()) || c == '\u{FFFD}') {
        return false;
    }
    s.split_whitespace().all(|w| {
        let mut seen: Option<Script> = None;
        w.chars().all(|c| {
            let sc = c.script();
            if !matches!(sc, Script::Latin | Script::Cyrillic | Script::Greek) {
                return true;
            }
            *seen.get_or_insert(sc) == sc
        })
    })
}

/// One more round of repair on an already repaired string (text garbled twice).
fn repair_again(s: &str) -> Option<(String, CodePage)> {
    for cp in CODE_PAGES {
        let seqs = sequences(s, 0, cp);
        if seqs.is_empty() {
            continue;
        }
        let run = Run { span: Span::new(0, s.len()), sequences: seqs };
        if !accept(s, cp, &run) {
            continue;
        }
        if let Some(r) = repair(s, &run, cp).filter(|r| r != s && plausible_text(r)) {
            return Some((r, cp));
        }
    }
    None
}

/// A garbled stretch of text and what it said, with the code pages it went through.
struct Repair {
    span: Span,
    repaired: String,
    pages: Vec<&'static str>,
}

/// Every mojibake run of `text[from..]`, repaired; runs do not overlap.
fn repairs(text: &str, from: usize) -> Vec<Repair> {
    let mut out: Vec<Repair> = Vec::new();
    for cp in CODE_PAGES {
        for run in runs(text, &sequences(text, from, cp)) {
            if out.iter().any(|t| t.span.overlaps(run.span)) || !accept(text, cp, &run) {
                continue;
            }
            let original = run.span.slice(text);
            let Some(mut repaired) = repair(text, &run, cp).filter(|r| r != original && plausible_text(r))
            else {
                continue;
            };
            let mut pages = vec![cp.label()];
            for _ in 0..2 {
                match repair_again(&repaired) {
                    Some((r, again)) => {
                        repaired = r;
                        pages.push(again.label());
                    }
                    None => break,
                }
            }
            out.push(Repair { span: run.span, repaired, pages });
        }
    }
    out
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let from = ctx.doc.body_start.min(text.len());
    if text[from..].is_ascii() {
        return Vec::new();
    }
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for Repair { span, repaired, pages } in repairs(text, from) {
        let how = if pages.len() == 1 {
            format!("UTF-8 text read as {}", pages[0])
        } else {
            format!("UTF-8 text garbled {} times (read as {})", pages.len(), pages.join(", then "))
        };
        let original = span.slice(text);
        taken.push(span);
        out.push(
            Diagnostic::new(span, format!("'{original}' is mojibake: {how}; it should read '{repaired}'"))
                .with_suggestion(repaired),
        );
    }
    for (i, _) in text[from..].match_indices('\u{FFFD}') {
        let at = Span::new(from + i, from + i + '\u{FFFD}'.len_utf8());
        let word = word_around(text, at, 80);
        if taken.iter().any(|t| t.overlaps(word)) {
            continue;
        }
        taken.push(word);
        out.push(Diagnostic::new(
            word,
            format!(
                "'{}' holds U+FFFD REPLACEMENT CHARACTER: characters were lost when the text was decoded with the wrong encoding; recover them from the original",
                word.slice(text)
            ),
        ));
    }
    out.sort_by_key(|d| d.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn garble(s: &str, cp: CodePage) -> String {
        match cp.encoding() {
            Some(enc) => enc.decode_without_bom_handling(s.as_bytes()).0.into_owned(),
            None => s.bytes().map(char::from).collect(),
        }
    }

    fn repaired(text: &str) -> Vec<String> {
        repairs(text, 0).into_iter().map(|r| r.repaired).collect()
    }

    #[test]
    fn garbled_words_are_repaired_by_every_code_page() {
        for cp in CODE_PAGES {
            let word =
                if matches!(cp, CodePage::Windows1251 | CodePage::Koi8R) { "Совет" } else { "été" };
            let bad = garble(word, cp);
            assert_eq!(repaired(&format!("x {bad} y")), [word], "{cp:?}: {bad}");
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for ok in [
            "L'ÉTÉ» arrive",
            "ТАСС» сообщил",
            "В\u{A0}2025 году",
            "я\u{A0}думаю",
            "пёс лает",
            "Straße, naïve, São Paulo, Ñandú…",
            "змії",
            "«Пункт Д» готов",
        ] {
            assert!(repaired(ok).is_empty(), "{ok}: {:?}", repaired(ok));
        }
    }
}
