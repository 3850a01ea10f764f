//! ## What it does
//! Flags a word that mixes Latin, Cyrillic or Greek letters, such as `Mоscow` written with a
//! Cyrillic `о`, or `Прeзидент` with a Latin `e`. The finding names the odd letters and, when
//! every one of them has a look-alike in the word's main script, suggests the repaired word.
//!
//! Parts of a word joined by a hyphen or an apostrophe are judged separately, so
//! `COVID-19-вакцина`, `iPhone-ом` or `Wi-Fi-сеть` are fine; so are digits with letters (`5G`,
//! `2025г`), Roman numerals (`XXI век`, even typed with a Cyrillic `Х`) and unit symbols with a
//! Greek letter (`μg`, `kΩ`).
//!
//! ## Why is this bad?
//! Look-alike letters from another script are invisible to a reader but not to a machine:
//! search, spell-checking, hyphenation, text-to-speech and translation memories all fail on
//! them, and a name typed this way will not match the same name elsewhere. They usually come
//! from a keyboard layout switched mid-word, from OCR, or from copying out of another text.
//!
//! ## Example
//! ```text
//! The delegation arrived in Mоscow on Monday.     (Cyrillic "о")
//! Встреча прошла в Кремлe.                        (Latin "e")
//! ```
//! Use instead:
//! ```text
//! The delegation arrived in Moscow on Monday.
//! Встреча прошла в Кремле.
//! ```
//!
//! ## How to silence it
//! Retype the word in one script. If the mix is deliberate (a stylised brand name), ignore the
//! rule for that file with `--ignore U201`, or in `faithful.toml`: `ignore = ["U201"]`.

use unicode_script::{Script, UnicodeScript};

use super::codepoint;
use crate::finding::Diagnostic;
use crate::rules::Context;
use crate::span::Span;
use crate::text::TokenKind;

/// Letters that look alike across scripts: (Cyrillic, Latin) and (Greek, Latin).
const CYRILLIC_LATIN: &[(char, char)] = &[
    ('а', 'a'),
    ('в', 'b'),
    ('е', 'e'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('у', 'y'),
    ('х', 'x'),
    ('і', 'i'),
    ('ј', 'j'),
    ('ѕ', 's'),
    ('ԁ', 'd'),
    ('ӏ', 'l'),
    ('һ', 'h'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('У', 'Y'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('Ѕ', 'S'),
    ('Ԛ', 'Q'),
    ('Ԝ', 'W'),
];

const GREEK_LATIN: &[(char, char)] = &[
    ('ο', 'o'),
    ('α', 'a'),
    ('ν', 'v'),
    ('ι', 'i'),
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Χ', 'X'),
    ('Υ', 'Y'),
];

/// The scripts this rule compares; others (Han with Kana, Arabic...) mix legitimately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alphabet {
    Latin,
    Cyrillic,
    Greek,
}

impl Alphabet {
    fn of(c: char) -> Option<Self> {
        match c.script() {
            Script::Latin => Some(Alphabet::Latin),
            Script::Cyrillic => Some(Alphabet::Cyrillic),
            Script::Greek => Some(Alphabet::Greek),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Alphabet::Latin => "Latin",
            Alphabet::Cyrillic => "Cyrillic",
            Alphabet::Greek => "Greek",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The look-alike of `c` in `target`, if there is one.
fn lookalike(c: char, target: Alphabet) -> Option<char> {
    let from = Alphabet::of(c)?;
    let find = |table: &[(char, char)], forward: bool| {
        table
            .iter()
            .find(|&&(a, b)| if forward { a == c } else { b == c })
            .map(|&(a, b)| if forward { b } else { a })
    };
    match (from, target) {
        (Alphabet::Cyrillic, Alphabet::Latin) => find(CYRILLIC_LATIN, true),
        (Alphabet::Latin, Alphabet::Cyrillic) => find(CYRILLIC_LATIN, false),
        (Alphabet::Greek, Alphabet::Latin) => find(GREEK_LATIN, true),
        (Alphabet::Latin, Alphabet::Greek) => find(GREEK_LATIN, false),
        (Alphabet::Cyrillic, Alphabet::Greek) => {
            lookalike(c, Alphabet::Latin).and_then(|l| lookalike(l, Alphabet::Greek))
        }
        (Alphabet::Greek, Alphabet::Cyrillic) => {
            lookalike(c, Alphabet::Latin).and_then(|l| lookalike(l, Alphabet::Cyrillic))
        }
        _ => None,
    }
}

fn counts(s: &str) -> [usize; 3] {
    let mut n = [0; 3];
    for c in s.chars() {
        if let Some(a) = Alphabet::of(c) {
            n[a.index()] += 1;
        }
    }
    n
}

/// An uppercase Roman numeral, allowing Cyrillic `Х`, `С`, `М`, `І` typed for the Latin ones.
fn is_roman_numeral(part: &str) -> bool {
    let latin: String = part
        .chars()
        .map(|c| match c {
            'Х' => 'X',
            'С' => 'C',
            'М' => 'M',
            'І' => 'I',
            other => other,
        })
        .collect();
    if latin.is_empty() || !latin.chars().all(|c| "IVXLCDM".contains(c)) {
        return false;
    }
    // Standard form, up to 3999: thousands, hundreds, tens, units.
    let mut rest = latin.as_str();
    rest = rest.trim_start_matches('M');
    for (one, five, ten) in [('C', 'D', 'M'), ('X', 'L', 'C'), ('I', 'V', 'X')] {
        let nine: String = [one, ten].iter().collect();
        let four: String = [one, five].iter().collect();
        if let Some(r) = rest.strip_prefix(nine.as_str()).or_else(|| rest.strip_prefix(four.as_str())) {
            rest = r;
        } else {
            rest = rest.strip_prefix(five).unwrap_or(rest);
            for _ in 0..3 {
                rest = rest.strip_prefix(one).unwrap_or(rest);
            }
        }
    }
    rest.is_empty()
}

/// `μg`, `μm`, `kΩ`, `MΩ`: a Greek letter used as a unit symbol next to Latin ones.
fn is_unit_symbol(part: &str) -> bool {
    let chars: Vec<char> = part.chars().collect();
    if chars.len() > 4 {
        return false;
    }
    let greek: Vec<usize> =
        (0..chars.len()).filter(|&i| Alphabet::of(chars[i]) == Some(Alphabet::Greek)).collect();
    match greek.as_slice() {
        [0] => matches!(chars[0], '\u{3BC}' | '\u{B5}'),
        [i] => *i == chars.len() - 1 && matches!(chars[*i], '\u{3A9}' | '\u{2126}'),
        _ => false,
    }
}

/// Splits a word token at its inner hyphens and apostrophes, with byte offsets.
fn parts(word: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let mut out = Vec::new();
    for (i, c) in word.char_indices() {
        if matches!(c, '-' | '\u{2011}' | '\'' | '’' | 'ʼ' | '\u{AD}') {
            out.push((start, &word[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start, &word[start..]));
    // Zero-width characters at the edges belong to U203, not to the word.
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
    out.into_iter()
        .map(move |(at, p)| {
            let t = p.trim_start_matches(invisible);
            (at + p.len() - t.len(), t.trim_end_matches(invisible))
        })
        .filter(|(_, p)| !p.is_empty())
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let tokens = &ctx.analysis.text.tokens;
    let mut out = Vec::new();
    for (ti, tok) in tokens.iter().enumerate() {
        if tok.kind != TokenKind::Word {
            continue;
        }
        let word = tok.span.slice(text);
        if word.is_ascii() {
            continue;
        }
        for (offset, part) in parts(word) {
            let n = counts(part);
            if n.iter().filter(|&&k| k > 0).count() < 2 || is_roman_numeral(part) || is_unit_symbol(part) {
                continue;
            }
            let main = main_alphabet(n, || context_counts(ctx, ti), ctx.lang());
            let span = Span::new(tok.span.start + offset, tok.span.start + offset + part.len());
            out.push(diagnose(part, span, main));
        }
    }
    out
}

/// The word's main script: the one with most letters; on a tie, the one its neighbours use,
/// then the one the document's language is written in.
fn main_alphabet(n: [usize; 3], context: impl FnOnce() -> [usize; 3], lang: &str) -> Alphabet {
    let all = [Alphabet::Latin, Alphabet::Cyrillic, Alphabet::Greek];
    let best = *n.iter().max().unwrap_or(&0);
    let tied: Vec<Alphabet> = all.into_iter().filter(|a| n[a.index()] == best).collect();
    if tied.len() == 1 {
        return tied[0];
    }
    let around = context();
    if let Some(a) = tied.iter().copied().max_by_key(|a| around[a.index()]).filter(|a| around[a.index()] > 0)
    {
        if tied.iter().filter(|b| around[b.index()] == around[a.index()]).count() == 1 {
            return a;
        }
    }
    let by_lang = match lang {
        "ru" | "uk" | "be" | "bg" | "sr" | "mk" | "kk" => Alphabet::Cyrillic,
        "el" => Alphabet::Greek,
        _ => Alphabet::Latin,
    };
    if tied.contains(&by_lang) {
        by_lang
    } else {
        tied[0]
    }
}

/// Letter counts of the words around token `ti` (five on either side).
fn context_counts(ctx: &Context, ti: usize) -> [usize; 3] {
    let tokens = &ctx.analysis.text.tokens;
    let from = ti.saturating_sub(5);
    let to = (ti + 6).min(tokens.len());
    let mut n = [0; 3];
    for (i, t) in tokens[from..to].iter().enumerate() {
        if from + i != ti && t.kind == TokenKind::Word {
            let c = counts(t.span.slice(ctx.text()));
            for k in 0..3 {
                n[k] += c[k];
            }
        }
    }
    n
}

fn diagnose(part: &str, span: Span, main: Alphabet) -> Diagnostic {
    let mut odd: Vec<char> = Vec::new();
    let mut repaired = String::with_capacity(part.len());
    let mut repairable = true;
    for c in part.chars() {
        match Alphabet::of(c) {
            Some(a) if a != main => {
                if !odd.contains(&c) {
                    odd.push(c);
                }
                match lookalike(c, main) {
                    Some(l) => repaired.push(l),
                    None => {
                        repairable = false;
                        repaired.push(c);
                    }
                }
            }
            _ => repaired.push(c),
        }
    }
    let described: Vec<String> = odd
        .iter()
        .map(|&c| {
            let script = Alphabet::of(c).map_or("other", Alphabet::name);
            match lookalike(c, main) {
                Some(l) => format!("{script} '{c}' ({}) looks like {} '{l}'", codepoint(c), main.name()),
                None => format!("{script} '{c}' ({})", codepoint(c)),
            }
        })
        .collect();
    let message = format!("'{part}' mixes scripts: a {} word with {}", main.name(), described.join(", "));
    let d = Diagnostic::new(span, message);
    if repairable {
        d.with_suggestion(repaired)
    } else {
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        for ok in ["XXI", "XIV", "MCMXCIV", "ХIХ", "IV", "С"] {
            assert!(is_roman_numeral(ok), "{ok}");
        }
        for no in ["CIVIC", "IIII", "VV", "Mix", "XIIIV", ""] {
            assert!(!is_roman_numeral(no), "{no}");
        }
    }

    #[test]
    fn lookalikes_both_ways() {
        assert_eq!(lookalike('е', Alphabet::Latin), Some('e'));
        assert_eq!(lookalike('o', Alphabet::Cyrillic), Some('о'));
        assert_eq!(lookalike('Я', Alphabet::Latin), None);
        assert_eq!(lookalike('ο', Alphabet::Cyrillic), Some('о'));
    }

    #[test]
    fn parts_split_at_hyphens() {
        let p: Vec<_> = parts("COVID-19-вакцина").map(|(_, p)| p).collect();
        assert_eq!(p, ["COVID", "19", "вакцина"]);
    }
}
