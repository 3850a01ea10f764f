//! Reading numbers out of text: digits with locale separators, clock times, what follows a
//! number (ordinal ending, scale word, unit, currency) and what precedes it (currency sign,
//! minus), and small numbers written in words.

use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::{for_lang, Lexicon};
use super::{NumberKind, NumberMention};
use crate::span::Span;

struct Patterns {
    number: Regex,
    time: Regex,
    ampm: Regex,
    words: Vec<(&'static str, Regex)>,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mut words = Vec::new();
        for lang in crate::lang::SUPPORTED.iter().copied().chain(["und"]) {
            let lex = for_lang(lang);
            let alt = lex.words.iter().map(|(w, _)| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
            if let Ok(re) = Regex::new(&format!(r"(?i)\b(?:{alt})\b")) {
                words.push((lang, re));
            }
        }
        Patterns {
            number: Regex::new(r"\d{1,3}(?:(?:,|\.|'|’|\u{A0}|\u{202F}|\u{2009}| )\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?").unwrap(),
            time: Regex::new(r"\b([01]?\d|2[0-4])(?::|h|\.)([0-5]\d)\b(?:\s*(?:([ap])\.?\s?m\b\.?|Uhr|h\b|heures|horas|hrs|GMT|UTC|BST|ET|EST|EDT|PT|CET|CEST|MSK))?").unwrap(),
            ampm: Regex::new(r"\b(1[0-2]|0?\d)\s?([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3])\s?(?:Uhr|heures|horas|h)\b").unwrap(),
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
                "de" | "es" | "ru" | "fr" | "uk" | "it" | "pt" | "pl" => Some(false),
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
        "st", "nd", "rd", "th", "er", "ème", "e", "º", "ª", "-й", "-го", "-я", "-е", "-ый", "-ой", "-го",
        "-му",
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
    for (form, unit) in &lex.suffixes {
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

pub fn numbers(s: &str, span: Span, lang: &str) -> Vec<NumberMention> {
    let p = patterns();
    let lex = for_lang(lang);
    let text = &s[span.start..span.end];
    let mut out: Vec<NumberMention> = Vec::new();
    let taken = |out: &Vec<NumberMention>, sp: Span| out.iter().any(|n| n.span.overlaps(sp));
    // Clock times first, so `15:30` is not two numbers.
    for c in p.time.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        let prev = s[..sp.start].chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == ':') {
            continue;
        }
        let sep = &text[c.get(1).unwrap().end()..c.get(2).unwrap().start()];
        // `2.50` is a decimal unless a clock word follows.
        if sep == "." && whole.as_str().len() == c.get(2).unwrap().end() - whole.start() {
            continue;
        }
        let h: f64 = c[1].parse().unwrap_or(0.0);
        let min: f64 = c[2].parse().unwrap_or(0.0);
        let mut n = blank(sp, h + min / 60.0);
        n.kind = NumberKind::Time;
        apply_ampm(&mut n, c.get(3).map(|m| m.as_str()));
        out.push(n);
    }
    for c in p.ampm.captures_iter(text) {
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
        // Regular spaces group digits only where that is the convention.
        if raw.contains(' ') && (lang == "en" || raw.split(' ').next().is_some_and(|g| g.len() > 3)) {
            raw = &raw[..raw.find(' ').unwrap()];
        }
        let raw = raw.trim_end_matches([',', '.']);
        let mut end = start + raw.len();
        if end <= start || taken(&out, Span::new(start, end)) {
            continue;
        }
        let prev = s[..start].chars().next_back();
        let prev2 = s[..start].chars().rev().nth(1);
        // Inside a word or code (`COVID-19`, `MH17`, `A4`): a name, not a quantity.
        if prev.is_some_and(|c| c.is_alphabetic() || c == '_')
            || (matches!(prev, Some('-' | '/')) && prev2.is_some_and(char::is_alphabetic))
        {
            continue;
        }
        if s[end..].starts_with(|c: char| c.is_alphabetic()) {
            let word: String = s[end..].chars().take_while(|c| c.is_alphanumeric()).collect();
            let allowed = [
                "st", "nd", "rd", "th", "er", "e", "ème", "s", "m", "bn", "mn", "k", "b", "tn", "km", "kg",
                "cm", "mm", "h", "pm", "am", "mph", "ha", "t", "g", "l", "x", "C", "F",
            ];
            if !allowed.contains(&word.as_str()) && !allowed.contains(&word.to_lowercase().as_str()) {
                continue;
            }
        }
        let Some((value, alt)) = parse_digits(raw, lang) else { continue };
        let mut n = blank(Span::new(start, end), value);
        n.alternatives.extend(alt);
        // A sign right before, after a space or an opening bracket.
        if matches!(prev, Some('-' | '−')) && !prev2.is_some_and(|c| c.is_alphanumeric()) {
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
            n.span.start -= 1;
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
    out
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
