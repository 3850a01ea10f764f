//! Sentence splitting inside paragraphs. A full stop ends a sentence only when what follows
//! looks like a sentence start and what precedes is not an abbreviation, an initial, or a
//! German ordinal (`3. April`). Abbreviations are data (`src/lang/<lang>/abbreviations.txt`).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::paragraphs::Paragraph;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

struct Knowledge {
    /// Lower-cased abbreviations without their final full stop, e.g. `mr`, `z. b`, `т. е`.
    abbreviations: HashSet<String>,
    /// Lower-cased month names of every language, for `3. April`.
    months: HashSet<String>,
}

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| {
        let mut abbreviations = HashSet::new();
        let mut months = HashSet::new();
        for (lang, name) in crate::lang::all_files() {
            if name == "abbreviations.txt" {
                for a in crate::lang::lines(lang, name) {
                    abbreviations.insert(a.trim_end_matches('.').to_lowercase());
                }
            } else if name == "months.txt" {
                for rec in crate::lang::records(lang, name) {
                    for form in rec.iter().skip(1) {
                        months.insert(form.trim_end_matches('.').to_lowercase());
                    }
                }
            }
        }
        Knowledge { abbreviations, months }
    })
}

const TERMINATORS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '«', '“', ')', ']', '」', '』', '›'];

pub fn split(text: &str, paragraphs: &[Paragraph], _lang: Option<&str>) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let para = p.span.slice(text);
        let mut start = 0;
        for end in boundaries(para) {
            push_trimmed(&mut out, para, start, end, p.span.start, pi);
            start = end;
        }
        push_trimmed(&mut out, para, start, para.len(), p.span.start, pi);
    }
    out
}

fn push_trimmed(out: &mut Vec<Sentence>, para: &str, start: usize, end: usize, base: usize, pi: usize) {
    let s = &para[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        let a = base + start + lead;
        out.push(Sentence { span: Span::new(a, a + t.len()), paragraph: pi });
    }
}

/// Byte offsets (within `para`) where a new sentence starts.
fn boundaries(para: &str) -> Vec<usize> {
    let k = knowledge();
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if !TERMINATORS.contains(&c) {
            i += 1;
            continue;
        }
        let term_at = i;
        let mut j = i + 1;
        while j < chars.len() && (TERMINATORS.contains(&chars[j].1)) {
            j += 1;
        }
        while j < chars.len() && CLOSERS.contains(&chars[j].1) && !opens_next(&chars, j) {
            j += 1;
        }
        let cjk = matches!(c, '。' | '！' | '？');
        if j >= chars.len() {
            break;
        }
        if !chars[j].1.is_whitespace() && !cjk {
            i = j.max(i + 1);
            continue;
        }
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        if n >= chars.len() {
            break;
        }
        if starts_sentence(chars[n].1)
            && !(c == '.' && j == term_at + 1 && is_non_final(para, &chars, term_at, n, k))
        {
            out.push(chars[j].0);
        }
        i = n;
    }
    out
}

fn opens_next(chars: &[(usize, char)], j: usize) -> bool {
    // A `"` followed by a letter after whitespace is the next quote's opening mark.
    matches!(chars[j].1, '"' | '\'' | '«' | '“') && j > 0 && chars[j - 1].1.is_whitespace()
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\''
                | '“'
                | '„'
                | '«'
                | '‘'
                | '‚'
                | '¿'
                | '¡'
                | '—'
                | '–'
                | '('
                | '['
                | '「'
                | '『'
                | '»'
                | '›'
        )
        || is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// Is the full stop at `dot` part of an abbreviation, an initial or an ordinal?
fn is_non_final(para: &str, chars: &[(usize, char)], dot: usize, next: usize, k: &Knowledge) -> bool {
    // The word before the dot, allowing inner dots and spaced abbreviations (`z. B.`, `т. е.`).
    let mut w = dot;
    while w > 0 && !chars[w - 1].1.is_whitespace() && !matches!(chars[w - 1].1, '(' | '"' | '«' | '“' | '„')
    {
        w -= 1;
    }
    let word = &para[chars[w].0..chars[dot].0];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if k.abbreviations.contains(&lower) {
        return true;
    }
    // Two-part abbreviations such as `z. B.` or `т. е.`: look one word further back.
    if w >= 2 {
        let mut v = w - 1;
        while v > 0 && !chars[v - 1].1.is_whitespace() {
            v -= 1;
        }
        let pair = para[chars[v].0..chars[dot].0].to_lowercase();
        if k.abbreviations.contains(&pair) {
            return true;
        }
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial (`V. Putin`, `J.-C.`) or the first half of `z. B.`, `т. е.`, `d. h.`.
    if letters.len() == 1 && word.chars().count() <= 3 {
        return true;
    }
    // Dotted acronyms `U.S.` are in the list; a lone capital pair like `Ph.` too short to end.
    // German ordinal: `3. April`, `am 24. Februar`.
    if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
        let next_word: String =
            chars[next..].iter().map(|&(_, c)| c).take_while(|c| c.is_alphabetic()).collect();
        if k.months.contains(&next_word.to_lowercase()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::text::paragraphs;

    fn sentences(text: &str) -> Vec<&str> {
        let p = paragraphs::split(text, 0, Format::Markdown);
        split(text, &p, None).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences(
                "Mr. Smith met Dr. Jones at St. Paul's. V. Putin said 2.5 times more. Then it ended..."
            ),
            ["Mr. Smith met Dr. Jones at St. Paul's.", "V. Putin said 2.5 times more.", "Then it ended..."]
        );
    }

    #[test]
    fn quotes_at_sentence_end_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said: \"We will win.\" The crowd cheered! «Да.» Всё."),
            ["He said: \"We will win.\"", "The crowd cheered!", "«Да.»", "Всё."]
        );
    }

    #[test]
    fn languages_other_than_english() {
        assert_eq!(sentences("Das ist z. B. gut. Noch ein Satz."), ["Das ist z. B. gut.", "Noch ein Satz."]);
        assert_eq!(
            sentences("Это было в 1990 г. в Москве, т. е. давно. Потом всё."),
            ["Это было в 1990 г. в Москве, т. е. давно.", "Потом всё."]
        );
    }
}
