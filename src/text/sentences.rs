//! Sentence splitting inside paragraphs. A terminator (`.`, `!`, `?`, `…`) ends a sentence
//! when whitespace and a sentence start follow it, and a full stop only when what precedes it
//! is not an abbreviation (`Mr.`, `z. B.`, `т. е.`), an initial (`V. Putin`), a dotted
//! acronym, or a German ordinal (`3. April`, `im 19. Jahrhundert`). Closing quote marks and
//! brackets after the terminator stay with the sentence, also French ones after a space
//! (`… gagnerons. »`); a dash that introduces the attribution (`«Почему?» — спросил он`) does
//! not start a new sentence.
//!
//! Abbreviations are data (`src/lang/<lang>/abbreviations.txt`), with an optional field saying
//! when they may still end a sentence:
//! - no field: never ends a sentence (`Mr.`, `z. B.`, `ул.`);
//! - `end`: ends one when the next word is capitalised (`etc.`, `usw.`, `и т. д.`);
//! - `year`: ends one after a number and before a capitalised word (`в 2024 г. Потом`), but
//!   not before a name (`г. Москва`);
//! - `number`: an abbreviation only before a number (`No. 5`), otherwise a word (`No.`).
//!
//! The splitter looks at most a few dozen bytes around each full stop, so it is linear in the
//! paragraph length (a 20 MB paragraph costs no more per byte than a short one).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::paragraphs::Paragraph;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// When an abbreviation may still end a sentence (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ends {
    Never,
    BeforeCapital,
    AfterNumber,
    UnlessNumberFollows,
}

struct Knowledge {
    /// Abbreviations without their final full stop, as written (`Mr`, `z. B`, `т. е`).
    abbreviations: HashMap<String, Ends>,
    /// Lower-cased month names and abbreviations of every language, for `3. April`.
    months: HashMap<String, ()>,
    /// Lower-cased words after which `N.` is a German ordinal (`im 19. Jahrhundert`).
    ordinal_cues: HashMap<String, ()>,
    /// The longest word (in characters) of any abbreviation: longer words are never looked up.
    longest_part: usize,
}

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| {
        let mut abbreviations = HashMap::new();
        let mut months = HashMap::new();
        let mut ordinal_cues = HashMap::new();
        for (lang, name) in crate::lang::all_files() {
            match name {
                "abbreviations.txt" => {
                    for rec in crate::lang::records(lang, name) {
                        let ends = match rec.get(1).copied() {
                            Some("end") => Ends::BeforeCapital,
                            Some("year") => Ends::AfterNumber,
                            Some("number") => Ends::UnlessNumberFollows,
                            _ => Ends::Never,
                        };
                        let key = rec[0].strip_suffix('.').unwrap_or(rec[0]).to_string();
                        abbreviations.entry(key).or_insert(ends);
                    }
                }
                "months.txt" => {
                    for rec in crate::lang::records(lang, name) {
                        for form in rec.iter().skip(1) {
                            months.insert(form.trim_end_matches('.').to_lowercase(), ());
                        }
                    }
                }
                "ordinal_cues.txt" => {
                    for l in crate::lang::lines(lang, name) {
                        ordinal_cues.insert(l.to_lowercase(), ());
                    }
                }
                _ => {}
            }
        }
        let longest_part = abbreviations
            .keys()
            .flat_map(|k: &String| k.split([' ', '.']))
            .map(|p| p.chars().count())
            .max()
            .unwrap_or(0);
        Knowledge { abbreviations, months, ordinal_cues, longest_part }
    })
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '«' | '“' | ')' | ']' | '」' | '』' | '›' | '‹')
}

fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-')
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

fn skip_whitespace(s: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(s, i).filter(|c| c.is_whitespace()) {
        i += c.len_utf8();
    }
    i
}

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

/// Byte offsets (within `para`) where a sentence ends: right after its terminator and any
/// closing marks.
fn boundaries(para: &str) -> Vec<usize> {
    let k = knowledge();
    let bytes = para.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < para.len() {
        // Terminators are `.`, `!`, `?` (ASCII) or start with 0xE2 / 0xE3 / 0xEF in UTF-8.
        let b = bytes[i];
        if !matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
            i += 1;
            continue;
        }
        let Some(c) = char_at(para, i) else {
            i += 1;
            continue;
        };
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let term = i;
        let mut j = i + c.len_utf8();
        while let Some(d) = char_at(para, j).filter(|&d| is_terminator(d)) {
            j += d.len_utf8();
        }
        let lone_dot = c == '.' && j == term + 1;
        let mut closed = false;
        while let Some(d) = char_at(para, j).filter(|&d| is_closer(d)) {
            j += d.len_utf8();
            closed = true;
        }
        let Some(after) = char_at(para, j) else { break };
        if !after.is_whitespace() && !is_cjk_terminator(c) {
            i = j.max(i + 1);
            continue;
        }
        let mut end = j;
        let mut n = skip_whitespace(para, j);
        // French closing marks stand after a space: `… gagnerons. » Le ministre`.
        if let Some(q) = char_at(para, n).filter(|&q| matches!(q, '»' | '”')) {
            let past = n + q.len_utf8();
            if char_at(para, past).is_none_or(char::is_whitespace) {
                end = past;
                closed = true;
                n = skip_whitespace(para, past);
            }
        }
        let Some(next) = char_at(para, n) else { break };
        let split =
            starts_sentence(para, n, next) && !(lone_dot && !closed && is_non_final(para, term, n, k));
        if split {
            out.push(end);
        }
        i = n;
    }
    out
}

/// Does the text at `n` start a sentence? A capital, a digit, an opening quote or bracket,
/// inverted Spanish marks; a dash only when a capital follows it (a new line of dialogue, not
/// the `— сказал он` after a quote).
fn starts_sentence(para: &str, n: usize, c: char) -> bool {
    if is_dash(c) {
        let m = skip_whitespace(para, n + c.len_utf8());
        return char_at(para, m).is_some_and(|d| d.is_uppercase() || matches!(d, '"' | '«' | '„' | '“'));
    }
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
                | '('
                | '['
                | '「'
                | '『'
                | '»'
                | '›'
                | '‹'
        )
        || is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

const LOOKBACK: usize = 48;

/// The word ending at byte `end` (exclusive): back to whitespace or an opening bracket or
/// quote, at most `LOOKBACK` bytes. `None` if there is no such boundary within reach.
fn word_before(para: &str, end: usize) -> Option<(usize, &str)> {
    let floor = end.saturating_sub(LOOKBACK);
    let mut start = end;
    for (i, c) in para[..end].char_indices().rev() {
        if c.is_whitespace() || matches!(c, '(' | '[' | '"' | '«' | '“' | '„' | '‘' | '\'') {
            return Some((start, &para[start..end]));
        }
        if i < floor {
            return None;
        }
        start = i;
    }
    Some((start, &para[start..end]))
}

/// The letters (and inner dots/hyphens) of the word starting at `start`, at most `LOOKBACK`
/// characters.
fn word_after(para: &str, start: usize) -> &str {
    let rest = &para[start..];
    let mut end = 0;
    for (i, c) in rest.char_indices().take(LOOKBACK) {
        if !(c.is_alphanumeric() || c == '.' || c == '-') {
            break;
        }
        end = i + c.len_utf8();
    }
    rest[..end].trim_end_matches('.')
}

/// Looks an abbreviation up as written, or with its first letter lower-cased (a capitalised
/// `Z. B.` or `Т. е.` at the start of a sentence).
fn lookup(k: &Knowledge, word: &str) -> Option<Ends> {
    if let Some(&e) = k.abbreviations.get(word) {
        return Some(e);
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    if first.is_uppercase() {
        let lowered: String = first.to_lowercase().chain(chars).collect();
        return k.abbreviations.get(&lowered).copied();
    }
    None
}

fn is_number(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 8 && word.chars().all(|c| "IVXLCDMХ".contains(c))
}

/// Is the full stop at `dot` part of an abbreviation, an initial or an ordinal, given that
/// the next sentence would start at `next`?
fn is_non_final(para: &str, dot: usize, next: usize, k: &Knowledge) -> bool {
    let Some((w, word)) = word_before(para, dot) else { return false };
    if word.is_empty() {
        return false;
    }
    let next_word = word_after(para, next);
    let next_is_digit = char_at(para, next).is_some_and(|c| c.is_ascii_digit());
    let prev = para[..w].trim_end();
    let prev_word = word_before(para, prev.len()).map_or("", |(_, p)| p);
    let number_before = is_number(prev_word) || is_roman(prev_word);

    // Two-part abbreviations: `z. B.` seen from its second dot, `т. е.` from its first.
    // Long plain words cannot be abbreviations; skip the look-ups (and their allocations).
    let short = |w: &str| w.chars().count() <= k.longest_part + 1;
    if short(word) || word.contains('.') {
        let pair_back = if short(prev_word) && prev_word.ends_with('.') {
            Some(format!("{prev_word} {word}"))
        } else {
            None
        };
        for candidate in [pair_back.as_deref(), Some(word)].into_iter().flatten() {
            if let Some(ends) = lookup(k, candidate) {
                return match ends {
                    Ends::Never => true,
                    Ends::BeforeCapital => false,
                    Ends::AfterNumber => !number_before,
                    Ends::UnlessNumberFollows => next_is_digit,
                };
            }
        }
        if !next_word.is_empty() && short(next_word) && lookup(k, &format!("{word}. {next_word}")).is_some() {
            return true;
        }
    }

    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial: `V. Putin`, `J. R. R. Tolkien`, `В. В. Путин`.
    if letters == 1 && word.chars().count() <= 3 && word.chars().any(char::is_uppercase) {
        return true;
    }
    // A dotted acronym not in the lists: `U.S.A.`, `S.p.A.`, `i.e.`.
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) && letters >= 2 {
        return true;
    }
    // German ordinals: `am 3. April`, `im 19. Jahrhundert`, `der 2. Weltkrieg`.
    if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        if k.months.contains_key(&next_word.to_lowercase()) {
            return true;
        }
        if k.ordinal_cues.contains_key(&prev_word.to_lowercase()) {
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

    #[track_caller]
    fn same(text: &str, expected: &[&str]) {
        assert_eq!(sentences(text), expected, "in {text:?}");
    }

    #[test]
    fn english_titles_initials_decimals_ellipses() {
        same(
            "Mr. Smith met Dr. Jones at St. Paul's. V. Putin said 2.5 times more. Then it ended...",
            &["Mr. Smith met Dr. Jones at St. Paul's.", "V. Putin said 2.5 times more.", "Then it ended..."],
        );
        same(
            "J. R. R. Tolkien wrote it. Prof. Adams, Gen. Miller and Sen. Warren agreed.",
            &["J. R. R. Tolkien wrote it.", "Prof. Adams, Gen. Miller and Sen. Warren agreed."],
        );
        same(
            "U.S. officials met U.N. envoys at 10 a.m. on Monday. The talks failed.",
            &["U.S. officials met U.N. envoys at 10 a.m. on Monday.", "The talks failed."],
        );
        same("It starts at 9 a.m. The doors open later.", &["It starts at 9 a.m.", "The doors open later."]);
        same(
            "Apples, pears, etc. Nothing else was sold. See No. 5 for details.",
            &["Apples, pears, etc.", "Nothing else was sold.", "See No. 5 for details."],
        );
        same("No. We will not sign it.", &["No.", "We will not sign it."]);
        same(
            "Inflation rose 3.4% in March. Prices… fell. He waited... Nothing happened.",
            &["Inflation rose 3.4% in March.", "Prices… fell.", "He waited...", "Nothing happened."],
        );
        same("The score was 3 to 2. The fans left.", &["The score was 3 to 2.", "The fans left."]);
        same("He joined NATO. The alliance grew.", &["He joined NATO.", "The alliance grew."]);
        same("Is it true?! Yes!!! Really.", &["Is it true?!", "Yes!!!", "Really."]);
        same("Visit www.example.com. It works.", &["Visit www.example.com.", "It works."]);
    }

    #[test]
    fn quotes_at_sentence_end_stay_with_their_sentence() {
        same(
            "He said: \"We will win.\" The crowd cheered! «Да.» Всё.",
            &["He said: \"We will win.\"", "The crowd cheered!", "«Да.»", "Всё."],
        );
        same("\"Why?\" he asked. Nobody answered.", &["\"Why?\" he asked.", "Nobody answered."]);
        same(
            "She said: “It is over.” “No,” he replied. (It was late.) Then they left.",
            &["She said: “It is over.”", "“No,” he replied.", "(It was late.)", "Then they left."],
        );
        same("He wrote: 'Enough.' Then he left.", &["He wrote: 'Enough.'", "Then he left."]);
    }

    #[test]
    fn russian() {
        same(
            "Это было в 1990 г. в Москве, т. е. давно. Потом всё.",
            &["Это было в 1990 г. в Москве, т. е. давно.", "Потом всё."],
        );
        same(
            "Это случилось в 2024 г. Потом всё изменилось. Он живёт в г. Москва.",
            &["Это случилось в 2024 г.", "Потом всё изменилось.", "Он живёт в г. Москва."],
        );
        same(
            "В. В. Путин прибыл в Казань. Там его встретил проф. Иванов и др. Встреча прошла хорошо.",
            &[
                "В. В. Путин прибыл в Казань.",
                "Там его встретил проф. Иванов и др.",
                "Встреча прошла хорошо.",
            ],
        );
        same(
            "«Почему?» — спросил он. — Потому что так надо, — ответила она. Всё.",
            &["«Почему?» — спросил он.", "— Потому что так надо, — ответила она.", "Всё."],
        );
        same(
            "Были яблоки, груши и т. д. Больше ничего. Рост составил 3,5 %. Т. е. немного.",
            &["Были яблоки, груши и т. д.", "Больше ничего.", "Рост составил 3,5 %.", "Т. е. немного."],
        );
        same("Он сказал: «Мы победим». Зал аплодировал.", &["Он сказал: «Мы победим».", "Зал аплодировал."]);
        same("Он сказал: «Мы победим.» Зал аплодировал.", &["Он сказал: «Мы победим.»", "Зал аплодировал."]);
        same("В XIX в. Россия росла. Потом нет.", &["В XIX в.", "Россия росла.", "Потом нет."]);
        same("Это сказал я. Потом ушёл.", &["Это сказал я.", "Потом ушёл."]);
    }

    #[test]
    fn german() {
        same("Das ist z. B. gut. Noch ein Satz.", &["Das ist z. B. gut.", "Noch ein Satz."]);
        same("Das ist z.B. gut. Z. B. das hier.", &["Das ist z.B. gut.", "Z. B. das hier."]);
        same(
            "Am 3. April kam Dr. Müller. Er blieb bis zum 24. Februar. Das war im 19. Jahrhundert so.",
            &[
                "Am 3. April kam Dr. Müller.",
                "Er blieb bis zum 24. Februar.",
                "Das war im 19. Jahrhundert so.",
            ],
        );
        same(
            "Er sagte: „Wir schaffen das.“ Dann ging er. Es gab Äpfel, Birnen usw. Danach nichts.",
            &[
                "Er sagte: „Wir schaffen das.“",
                "Dann ging er.",
                "Es gab Äpfel, Birnen usw.",
                "Danach nichts.",
            ],
        );
        same(
            "Der Umsatz stieg um 2,5 Mio. Euro. Das freut uns.",
            &["Der Umsatz stieg um 2,5 Mio. Euro.", "Das freut uns."],
        );
        same("Das war 2019. Die Zahlen sind alt.", &["Das war 2019.", "Die Zahlen sind alt."]);
        same("Er sagte: »Nein.« Dann ging er.", &["Er sagte: »Nein.«", "Dann ging er."]);
    }

    #[test]
    fn french() {
        same(
            "M. Macron a reçu Mme Merkel. « Nous gagnerons. » Le ministre a souri.",
            &["M. Macron a reçu Mme Merkel.", "« Nous gagnerons. »", "Le ministre a souri."],
        );
        same(
            "Vraiment ? Oui ! C'était en 52 av. J.-C. Puis vint la suite.",
            &["Vraiment ?", "Oui !", "C'était en 52 av. J.-C.", "Puis vint la suite."],
        );
        same(
            "Il y avait des pommes, des poires, etc. Rien d'autre.",
            &["Il y avait des pommes, des poires, etc.", "Rien d'autre."],
        );
        same(
            "« C'est fini », a dit le préfet. Il est parti.",
            &["« C'est fini », a dit le préfet.", "Il est parti."],
        );
    }

    #[test]
    fn spanish() {
        same("¿Qué pasa? Nada. ¡Hola! Adiós.", &["¿Qué pasa?", "Nada.", "¡Hola!", "Adiós."]);
        same(
            "El Sr. García y la Dra. López viajaron a EE. UU. en marzo. Volvieron pronto.",
            &["El Sr. García y la Dra. López viajaron a EE. UU. en marzo.", "Volvieron pronto."],
        );
        same(
            "Había manzanas, peras, etc. Nada más. Lo dijo p. ej. Juan.",
            &["Había manzanas, peras, etc.", "Nada más.", "Lo dijo p. ej. Juan."],
        );
        same("—No lo sé —dijo él—. Mañana veremos.", &["—No lo sé —dijo él—.", "Mañana veremos."]);
    }

    #[test]
    fn long_paragraph_without_spaces_is_linear() {
        let text = "a.".repeat(200_000);
        assert_eq!(sentences(&text).len(), 1);
        let text = "Word. ".repeat(50_000);
        assert_eq!(sentences(&text).len(), 50_000);
    }
}
