//! Reading numbers out of text: digits with locale separators, clock times, what follows a
//! number (ordinal ending, scale word, unit, currency) and what precedes it (currency sign,
//! minus), and small numbers written in words.

use std::sync::OnceLock;

use regex::Regex;

use crate::analysis::gated::Gated;

use super::lexicon::{for_lang, Lexicon};
use super::{NumberKind, NumberMention};
use crate::span::Span;

struct Patterns {
    number: Regex,
    time: Regex,
    ampm: Regex,
    /// `time` and `ampm` without their (Unicode, hence slow on non-ASCII text) word
    /// boundaries: supersets, tested first by a fast engine.
    time_gate: Regex,
    ampm_gate: Regex,
    /// Number words per language (`(?i)\b(?:one|two|…)\b`).
    words: Vec<(&'static str, Gated)>,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut words = Vec::new();
        for lang in crate::lang::SUPPORTED.iter().copied().chain(["und"]) {
            let lex = for_lang(lang);
            let alt = lex.words.iter().map(|(w, _)| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
            if let Ok(re) = Gated::new(&format!(r"(?i)\b(?:{alt})\b")) {
                words.push((lang, re));
            }
        }
        Patterns {
            number: Regex::new(r"\d{1,3}(?:(?:,|\.|'|’|\u{A0}|\u{202F}|\u{2009}| )\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?").unwrap(),
            time: Regex::new(r"\b([01]?\d|2[0-4])(?::|\s?h\s?|\.)([0-5]\d)(?:\s*(?:([ap])\.?\s?m\b\.?|(de la tarde|de la noche|du soir|de l'après-midi|вечера|дня)\b|Uhr\b|h\b|heures\b|horas\b|hrs\b|GMT\b|UTC\b|BST\b|ET\b|EST\b|EDT\b|PT\b|CET\b|CEST\b|MSK\b)|\b)")
                .unwrap(),
            ampm: Regex::new(r"\b(1[0-2]|0?\d)\s?([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3])\s?(?:Uhr|heures|horas|h)\b").unwrap(),
            time_gate: Regex::new(r"\d(?::|\s?h\s?|\.)[0-5]\d").unwrap(),
            ampm_gate: Regex::new(r"\d\s?[ap]\.?\s?m|\d\s?(?:Uhr|heures|horas|h)").unwrap(),
            words,
        }
    })
}

/// The value of digits with separators, read by the conventions of `lang`, and the other
/// reading when `lang` does not decide it (`1,234` in undetermined text).
fn parse_digits(raw: &str, lang: &str) -> Option<(f64, Option<f64>)> {
    let clean: String =
        raw.chars().filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\'' | '’')).collect();
    let commas = clean.matches(',').count();
    let dots = clean.matches('.').count();
    let plain = |s: &str| s.replace([',', '.'], "").parse::<f64>().ok();
    let decimal = |s: &str, sep: char| -> Option<f64> {
        let (i, f) = s.rsplit_once(sep)?;
        format!("{}.{}", i.replace([',', '.'], ""), f).parse::<f64>().ok()
    };
    match (commas, dots) {
        (0, 0) => Some((plain(&clean)?, None)),
        (c, d) if c > 0 && d > 0 => {
            // Both: the last one is the decimal separator.
            let sep = if clean.rfind(',') > clean.rfind('.') { ',' } else { '.' };
            Some((decimal(&clean, sep)?, None))
        }
        (c, d) if c + d > 1 => Some((plain(&clean)?, None)),
        _ => {
            let sep = if commas == 1 { ',' } else { '.' };
            let after = clean.rsplit_once(sep)?.1.len();
            let grouped = plain(&clean)?;
            let dec = decimal(&clean, sep)?;
            let lead_zero = clean.starts_with("0") && clean.find(sep) == Some(1);
            if after != 3 || lead_zero {
                return Some((dec, None));
            }
            // Exactly three digits after one separator: a thousands group or a decimal part.
            let english = match lang {
                "en" => Some(true),
                "de" | "es" | "ru" | "fr" | "uk" | "be" | "it" | "pt" | "pl" => Some(false),
                _ => None,
            };
            match (english, sep) {
                (Some(true), ',') => Some((grouped, None)),
                (Some(true), _) => Some((dec, Some(grouped))),
                (Some(false), ',') => Some((dec, None)),
                (Some(false), _) if matches!(lang, "de" | "es" | "it" | "pt" | "pl") => Some((grouped, None)),
                (Some(false), _) => Some((grouped, Some(dec))),
                (None, ',') => Some((grouped, Some(dec))),
                (None, _) => Some((dec, Some(grouped))),
            }
        }
    }
}

fn starts_word(rest: &str, form: &str, attached: bool) -> bool {
    let Some(head) = rest.get(..form.len()) else { return false };
    let same =
        if form.chars().count() <= 2 { head == form } else { head.to_lowercase() == form.to_lowercase() };
    if !same {
        return false;
    }
    let next = rest[form.len()..].chars().next();
    let ends_alpha = form.chars().last().is_some_and(char::is_alphanumeric);
    let short = form.chars().count() <= 2 && form.chars().all(|c| c.is_ascii_alphabetic());
    if short && !attached && form.chars().count() == 1 && form.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    !ends_alpha || !next.is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
}

/// Reads what follows a number at `at`: ordinal ending, scale word, unit.
fn suffix(s: &str, mut at: usize, lex: &Lexicon, m: &mut NumberMention, prefixed: bool) -> usize {
    let rest = &s[at..];
    // Attached endings first.
    for ord in [
        "st", "nd", "rd", "th", "ère", "ème", "eme", "er", "re", "è", "e", "ᵉ", ".º", ".ª", "º", "ª", "-й",
        "-го", "-я", "-е", "-ый", "-ой", "-му",
    ] {
        if starts_word(rest, ord, true) && !rest[ord.len()..].starts_with(|c: char| c.is_alphabetic()) {
            m.kind = NumberKind::Ordinal;
            return at + ord.len();
        }
    }
    for dec in ["s", "'s", "’s", "-х", "-e", "-х годов", "-х годах", "er"] {
        if starts_word(rest, dec, true) && (1600.0..=2090.0).contains(&m.value) && m.value % 10.0 == 0.0 {
            m.kind = NumberKind::Decade;
            m.alternatives.push(m.value % 100.0);
            return at + dec.len();
        }
    }
    if starts_word(rest, "-х", true) && m.value < 100.0 && m.value % 10.0 == 0.0 {
        m.kind = NumberKind::Decade;
        m.alternatives.push(m.value);
        m.value += 1900.0;
        return at + "-х".len();
    }
    let spaced = |at: usize| -> (usize, bool) {
        let t = &s[at..];
        let trimmed = t.trim_start_matches([' ', '\u{A0}', '\u{202F}', '\u{2009}']);
        (at + t.len() - trimmed.len(), trimmed.len() == t.len())
    };
    let (p, attached) = spaced(at);
    // `2030 г.`, `1998 р.`: a year word after a year-like number (not grams).
    if m.scale == 1.0
        && m.value.fract() == 0.0
        && (1000.0..=2100.0).contains(&m.value)
        && m.span.len() == 4
        && lex.year_words.iter().any(|w| starts_word(&s[p..], w, attached))
    {
        m.kind = NumberKind::Year;
        return at;
    }
    for (form, mult) in &lex.scales {
        let short = form.chars().count() <= 2;
        if short && !(attached || prefixed) {
            continue;
        }
        if starts_word(&s[p..], form, attached) {
            m.value *= mult;
            m.scale = *mult;
            for alt in &mut m.alternatives {
                *alt *= mult;
            }
            at = p + form.len();
            // `mil millones` is one scale word; `млрд.` keeps its full stop.
            break;
        }
    }
    let (mut p, attached) = spaced(at);
    // `millones de dólares`, `milliards d'euros`, `billion of dollars`.
    if m.scale != 1.0 {
        for link in ["de ", "d'", "d’", "of "] {
            if s[p..].starts_with(link) {
                p += link.len();
                break;
            }
        }
    }
    // `two-foot wide`, `a 10-mile walk`, `30-year-old`.
    let hyphen = m.scale == 1.0 && s[p..].starts_with('-');
    let p = if hyphen { p + 1 } else { p };
    for (form, unit) in &lex.suffixes {
        if hyphen && !form.chars().all(char::is_alphabetic) {
            continue;
        }
        let one = form.chars().count() == 1 && form.chars().all(char::is_alphabetic);
        if one && !attached && m.scale != 1.0 {
            continue;
        }
        if starts_word(&s[p..], form, attached) {
            set_unit(m, unit);
            at = p + form.len();
            break;
        }
    }
    at
}

fn set_unit(m: &mut NumberMention, unit: &super::Unit) {
    m.unit = Some(unit.code);
    m.dimension = Some(unit.dimension);
    m.factor = unit.factor;
    m.kind = match unit.dimension {
        "percent" => NumberKind::Percent,
        "points" => NumberKind::Points,
        "currency" => NumberKind::Money,
        "age" => NumberKind::Count,
        _ => NumberKind::Measure,
    };
}

fn blank(span: Span, value: f64) -> NumberMention {
    NumberMention {
        span,
        value,
        kind: NumberKind::Count,
        unit: None,
        dimension: None,
        factor: 1.0,
        scale: 1.0,
        alternatives: Vec::new(),
        words: false,
        in_date: false,
    }
}

/// Whether the text before a number ends with one of the language's words that introduce a
/// clock time (`alle`, `o godzinie`, `às`), as whole words.
fn clock_word_before(before: &str, lex: &Lexicon) -> bool {
    let before = before.trim_end();
    if before.is_empty() || lex.clock_words.is_empty() {
        return false;
    }
    // The last few words are enough: the longest cue is a few words long.
    let start = before.char_indices().rev().nth(23).map_or(0, |(i, _)| i);
    let tail = before[start..].to_lowercase();
    lex.clock_words.iter().any(|w| {
        tail.strip_suffix(w.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

pub fn numbers(s: &str, span: Span, lang: &str) -> Vec<NumberMention> {
    let p = patterns();
    let lex = for_lang(lang);
    let text = &s[span.start..span.end];
    let mut out: Vec<NumberMention> = Vec::new();
    let taken = |out: &Vec<NumberMention>, sp: Span| out.iter().any(|n| n.span.overlaps(sp));
    // Clock times first, so `15:30` is not two numbers.
    for c in p.time.captures_iter(if p.time_gate.is_match(text) { text } else { "" }) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        let prev = s[..sp.start].chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == ':') {
            continue;
        }
        let sep = &text[c.get(1).unwrap().end()..c.get(2).unwrap().start()];
        // `2.50` is a decimal unless a clock word follows, or precedes (`alle 7.55`).
        if sep == "." && whole.end() == c.get(2).unwrap().end() && !clock_word_before(&s[..sp.start], lex) {
            continue;
        }
        let h: f64 = c[1].parse().unwrap_or(0.0);
        let min: f64 = c[2].parse().unwrap_or(0.0);
        let mut n = blank(sp, h + min / 60.0);
        n.kind = NumberKind::Time;
        apply_ampm(&mut n, c.get(3).map(|m| m.as_str()).or(c.get(4).map(|_| "p")));
        out.push(n);
    }
    for c in p.ampm.captures_iter(if p.ampm_gate.is_match(text) { text } else { "" }) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        if taken(&out, sp)
            || s[..sp.start].chars().next_back().is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            continue;
        }
        let h: f64 = c.get(1).or(c.get(3)).map_or(0.0, |m| m.as_str().parse().unwrap_or(0.0));
        let mut n = blank(sp, h);
        n.kind = NumberKind::Time;
        apply_ampm(&mut n, c.get(2).map(|m| m.as_str()));
        out.push(n);
    }
    for m in p.number.find_iter(text) {
        let mut raw = m.as_str();
        let start = span.start + m.start();
        // A regular space groups digits (`1 000`, `116 123`) unless the first group is longer
        // than three digits (`in 2018 300 people`).
        if raw.contains(' ') && raw.split(' ').next().is_some_and(|g| g.len() > 3) {
            raw = &raw[..raw.find(' ').unwrap()];
        }
        let raw = raw.trim_end_matches([',', '.']);
        let mut end = start + raw.len();
        if end <= start || taken(&out, Span::new(start, end)) {
            continue;
        }
        let prev = s[..start].chars().next_back();
        let prev2 = s[..start].chars().rev().nth(1);
        // Glued to letters (`MH17`, `G20`, `A4`): a code, not a quantity. After a hyphen
        // (`COVID-19`, `поток-2`) it counts, as both languages usually keep it.
        if prev.is_some_and(|c| c.is_alphabetic() || c == '_')
            || (prev == Some('/') && prev2.is_some_and(char::is_alphabetic))
        {
            continue;
        }
        if s[end..].starts_with(|c: char| c.is_alphabetic()) {
            let word: String = s[end..].chars().take_while(|c| c.is_alphanumeric()).collect();
            let allowed = [
                "st", "nd", "rd", "th", "er", "re", "ère", "e", "è", "ème", "eme", "ᵉ", "s", "h", "pm", "am",
                "x",
            ];
            let known =
                lex.scales.iter().any(|(f, _)| *f == word) || lex.suffixes.iter().any(|(f, _)| *f == word);
            if !known && !allowed.contains(&word.as_str()) && !allowed.contains(&word.to_lowercase().as_str())
            {
                continue;
            }
        }
        let Some((value, alt)) = parse_digits(raw, lang) else { continue };
        let mut n = blank(Span::new(start, end), value);
        n.alternatives.extend(alt);
        // A sign right before, after a space or an opening bracket.
        if matches!(prev, Some('-' | '−')) && !prev2.is_some_and(|c| c.is_alphanumeric() || c == '-') {
            n.value = -n.value;
            n.alternatives.iter_mut().for_each(|a| *a = -*a);
            n.span.start -= prev.unwrap().len_utf8();
        }
        // A currency sign before (`$12`, `US$ 5`, `€3`).
        let before = s[..n.span.start].trim_end_matches([' ', '\u{A0}', '\u{202F}']);
        let mut prefixed = false;
        for (form, unit) in &lex.prefixes {
            if before.ends_with(form) {
                let at = before.len() - form.len();
                if before[..at].chars().next_back().is_some_and(char::is_alphanumeric)
                    && form.chars().all(char::is_alphabetic)
                {
                    continue;
                }
                set_unit(&mut n, unit);
                n.span.start = at;
                prefixed = true;
                break;
            }
        }
        end = suffix(s, end, lex, &mut n, prefixed);
        n.span.end = end.min(span.end).max(n.span.end);
        if n.kind == NumberKind::Count
            && n.unit.is_none()
            && n.scale == 1.0
            && raw.len() == 4
            && raw.chars().all(|c| c.is_ascii_digit())
            && (1600.0..=2100.0).contains(&n.value)
        {
            n.kind = NumberKind::Year;
        }
        if prev.is_some_and(|c| c == '\'' || c == '’') && n.kind == NumberKind::Decade {
            n.span.start -= prev.unwrap().len_utf8();
        }
        // `'53`, `1950-53`: a year written with two digits.
        let full_year_before = s[..n.span.start]
            .strip_suffix(['-', '–'])
            .and_then(|b| b.get(b.len().saturating_sub(4)..))
            .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) && y.starts_with(['1', '2']));
        if raw.len() == 2 && n.kind == NumberKind::Count && n.unit.is_none() {
            let century = match full_year_before {
                Some(y) => y[..2].parse::<f64>().ok(),
                None if matches!(prev, Some('\'' | '’')) => Some(if n.value < 30.0 { 20.0 } else { 19.0 }),
                None => None,
            };
            if let Some(c) = century {
                n.alternatives.push(c * 100.0 + n.value);
            }
        }
        out.push(n);
    }
    // Small numbers and round numbers in words; a scale word may follow (`two million`).
    if let Some((_, re)) = p.words.iter().find(|(l, _)| *l == lang).or_else(|| p.words.last()) {
        for m in re.find_iter(text) {
            let sp = Span::new(span.start + m.start(), span.start + m.end());
            if taken(&out, sp) {
                continue;
            }
            let key = m.as_str().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            let Some(&(_, value)) = lex.words.iter().find(|(w, _)| *w == key) else { continue };
            // A scale word right after a digit (`3 тысячи`) already belongs to that number.
            let before = s[..sp.start].trim_end();
            if before.ends_with(|c: char| c.is_ascii_digit()) && value >= 100.0 {
                continue;
            }
            let mut n = blank(sp, value);
            n.words = true;
            let end = suffix(s, sp.end, lex, &mut n, false);
            n.span.end = end.min(span.end).max(sp.end);
            out.push(n);
        }
    }
    out.sort_by_key(|n| (n.span.start, n.span.end));
    out.dedup_by(|b, a| a.span.overlaps(b.span));
    compose_words(s, &mut out);
    feet_and_inches(s, span, &mut out);
    centuries(s, span, lex, &mut out);
    propagate_ranges(s, &mut out);
    out
}

/// `fifty-eight`, `сорок восемь`, `cuarenta y ocho`: a tens word and a units word are one
/// number.
fn compose_words(s: &str, out: &mut Vec<NumberMention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let between = s.get(a.span.end..b.span.start).unwrap_or("x").trim().to_lowercase();
        let tens = a.words && a.value >= 20.0 && a.value < 100.0 && a.value % 10.0 == 0.0 && a.unit.is_none();
        if tens && b.words && b.value < 10.0 && matches!(between.as_str(), "" | "-" | "y" | "und" | "et") {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.value += b.value;
            a.span.end = b.span.end;
            if b.unit.is_some() {
                a.unit = b.unit;
                a.dimension = b.dimension;
                a.factor = b.factor;
                a.kind = b.kind;
            }
        }
        i += 1;
    }
}

/// `6-foot-6`, `6 ft 6 in`, `5 feet 11 inches`: one height in feet (converted as feet);
/// `1 м 82 см`, `1 m 98 cm`: one height in metres.
fn feet_and_inches(s: &str, span: Span, out: &mut Vec<NumberMention>) {
    static METRIC: OnceLock<Gated> = OnceLock::new();
    let metric = METRIC.get_or_init(|| Gated::new(r"\b([1-2])\s?(?:м|m)\s?(\d{2})\s?(?:см|cm)\b").unwrap());
    let text = &s[span.start..span.end];
    for c in metric.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        if s[sp.end..].starts_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        let (Ok(m), Ok(cm)) = (c[1].parse::<f64>(), c[2].parse::<f64>()) else { continue };
        out.retain(|n| !n.span.overlaps(sp));
        let mut n = blank(sp, (m * 100.0 + cm) / 100.0);
        n.kind = NumberKind::Measure;
        n.unit = Some("m");
        n.dimension = Some("length");
        out.push(n);
    }
    static RE: OnceLock<Gated> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Gated::new(r#"\b(\d)(?:-foot-|\s?(?:ft|feet|foot)\.?\s?|['’]\s?)(\d{1,2})(?:\s?(?:in|inches|inch)\b\.?|″|"|\b)"#).unwrap()
    });
    let text = &s[span.start..span.end];
    for c in re.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        let (Ok(ft), Ok(inch)) = (c[1].parse::<f64>(), c[2].parse::<f64>()) else { continue };
        if inch >= 12.0 {
            continue;
        }
        out.retain(|n| !n.span.overlaps(sp));
        let mut n = blank(sp, ft + inch / 12.0);
        n.kind = NumberKind::Measure;
        n.unit = Some("ft");
        n.dimension = Some("length");
        n.factor = 0.3048;
        out.push(n);
    }
    out.sort_by_key(|n| (n.span.start, n.span.end));
}

fn roman(r: &str) -> Option<f64> {
    let mut total = 0i32;
    let mut prev = 0i32;
    for c in r.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && total <= 30).then_some(total as f64)
}

/// Roman century numbers next to a century word (`XIXe siècle`, `XIX века`, `siglo XIX`):
/// the ordinal `19th century` of English.
fn centuries(s: &str, span: Span, lex: &Lexicon, out: &mut Vec<NumberMention>) {
    if lex.centuries.is_empty() {
        return;
    }
    static RE: OnceLock<Gated> = OnceLock::new();
    let re = RE.get_or_init(|| Gated::new(r"\b([IVXLC]{1,6})(?:e|ᵉ|er|-?го|-?м)?\b").unwrap());
    let text = &s[span.start..span.end];
    for c in re.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        let Some(v) = roman(&c[1]) else { continue };
        let word = |t: &str| {
            t.split(|ch: char| !ch.is_alphabetic()).find(|w| !w.is_empty()).unwrap_or("").to_lowercase()
        };
        let next = word(&s[sp.end..]);
        let prev = s[..sp.start]
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !lex.centuries.iter().any(|w| *w == next || *w == prev) || out.iter().any(|n| n.span.overlaps(sp))
        {
            continue;
        }
        let mut n = blank(sp, v);
        n.kind = NumberKind::Ordinal;
        out.push(n);
    }
    out.sort_by_key(|n| (n.span.start, n.span.end));
}

/// `2 to 4 inches`, `от 5 до 10 см`, `3-5 million`: the first number of a range takes the
/// unit and scale of the second.
fn propagate_ranges(s: &str, out: &mut [NumberMention]) {
    for i in 0..out.len().saturating_sub(1) {
        let (head, tail) = out.split_at_mut(i + 1);
        let (a, b) = (&mut head[i], &tail[0]);
        let between = s.get(a.span.end..b.span.start).unwrap_or("x").trim().to_lowercase();
        let link = matches!(
            between.as_str(),
            "-" | "–"
                | "—"
                | "to"
                | "and"
                | "or"
                | "до"
                | "и"
                | "или"
                | "bis"
                | "und"
                | "oder"
                | "à"
                | "et"
                | "ou"
                | "a"
                | "y"
                | "o"
        );
        if !link || a.words || b.words {
            continue;
        }
        if a.scale == 1.0 && b.scale != 1.0 && a.unit.is_none() {
            a.value *= b.scale;
            a.scale = b.scale;
            a.alternatives.iter_mut().for_each(|v| *v *= b.scale);
        }
        if a.unit.is_none() && b.unit.is_some() && a.kind == NumberKind::Count {
            a.unit = b.unit;
            a.dimension = b.dimension;
            a.factor = b.factor;
            a.kind = b.kind;
        }
    }
}

fn apply_ampm(n: &mut NumberMention, ampm: Option<&str>) {
    let h = n.value;
    match ampm.map(|s| s.to_ascii_lowercase()) {
        Some(p) if p == "p" && h < 12.0 => {
            n.alternatives.push(h);
            n.value = h + 12.0;
        }
        Some(p) if p == "a" && h >= 12.0 => {
            n.alternatives.push(h);
            n.value = h - 12.0;
        }
        Some(_) => {}
        None if h < 12.0 => n.alternatives.push(h + 12.0),
        None => n.alternatives.push(h - 12.0),
    }
}
