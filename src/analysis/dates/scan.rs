//! Finding date expressions in a stretch of text. Written forms come from the language's data
//! files (see `lexicon.rs`); numeric forms (`03.04.2025`, `2025-04-03`) are the same everywhere.

use std::sync::OnceLock;

use regex::{Captures, Regex};

use crate::analysis::gated::Gated;

use super::lexicon::{for_lang, Lexicon};
use super::{CalendarDate, DateKind, DateMention, RelUnit, Relative, TenseCue};
use crate::span::Span;

struct Numeric {
    iso: Regex,
    dotted: Regex,
    slashed: Regex,
    year: Regex,
    decade: Regex,
    /// The three numeric date patterns without their word boundaries: a superset, tested
    /// first by a fast engine (see `written_dates`).
    numeric_gate: Regex,
    /// Likewise for `year` and `decade`.
    year_gate: Regex,
    decade_gate: Regex,
}

fn numeric() -> &'static Numeric {
    static N: OnceLock<Numeric> = OnceLock::new();
    N.get_or_init(|| Numeric {
        iso: Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap(),
        dotted: Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").unwrap(),
        slashed: Regex::new(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b").unwrap(),
        year_gate: Regex::new(r"1[6-9]\d\d|20\d\d|2100").unwrap(),
        decade_gate: Regex::new(
            r"(?i)(?:(?:1[5-9]\d|20\d)0(?:'s|’s|s|er)|['’]\d0s|(?:\d{2}|1[5-9]\d0|20\d0)-(?:х|е|x|ые|ых)|(?:années|años|anni)\s+(?:19|20)?\d0)",
        )
        .unwrap(),
        numeric_gate: Regex::new(r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4}").unwrap(),
        year: Regex::new(r"\b(1[6-9]\d\d|20\d\d|2100)\b").unwrap(),
        decade: Regex::new(
            r"(?i)(?:\b(?:the\s+)?(1[5-9]\d|20\d)0(?:'s|’s|s|er(?:\s+jahre[n]?)?)\b|(?:^|[\s(])['’](\d)0s\b|\b(\d{2}|1[5-9]\d0|20\d0)-(?:х|е|x|ые|ых)\b|\b(?:années|años|anni)\s+(?:19|20)?(\d0)\b)",
        )
        .unwrap(),
    })
}

fn mention(
    span: Span,
    kind: DateKind,
    written: CalendarDate,
    lang: &'static str,
    evidence: String,
) -> DateMention {
    DateMention {
        span,
        kind,
        written,
        resolved: None,
        end: None,
        weekday: None,
        relative: None,
        decade: None,
        tense: TenseCue::default(),
        frame: None,
        lang,
        evidence,
    }
}

fn lang_tag(lang: &str) -> &'static str {
    crate::lang::SUPPORTED.iter().copied().find(|l| *l == lang).unwrap_or("und")
}

/// A digit or a decimal separator glued to `at` would make the match part of a bigger number.
fn glued_before(s: &str, at: usize) -> bool {
    let prev = s[..at].chars().next_back();
    let prev2 = s[..at].chars().rev().nth(1);
    prev.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == '$' || c == '€' || c == '£')
        || (matches!(prev, Some('.' | ',' | ':' | '-' | '–')) && prev2.is_some_and(|c| c.is_ascii_digit()))
}

fn glued_after(s: &str, at: usize) -> bool {
    let mut it = s[at..].chars();
    let next = it.next();
    let next2 = it.next();
    next.is_some_and(|c| c.is_ascii_digit() || c == '%')
        || (matches!(next, Some('.' | ',' | ':' | '/')) && next2.is_some_and(|c| c.is_ascii_digit()))
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// Full, day-month, month-year and numeric dates; each pattern's matches that do not overlap
/// earlier (more specific) ones.
fn written_dates(s: &str, span: Span, lex: &Lexicon, lang: &'static str, out: &mut Vec<DateMention>) {
    let text = &s[span.start..span.end];
    let taken = |out: &Vec<DateMention>, sp: Span| out.iter().any(|m| m.span.overlaps(sp));
    // The month patterns' word boundaries are Unicode-aware, which sends the regex engine to a
    // slow backtracking search on non-ASCII text: most paragraphs name no month at all, and
    // the gate (no boundaries) says so quickly.
    let has_month = lex.month_gate.is_match(text);
    let named = |re: &Gated, month_first: bool, out: &mut Vec<DateMention>| {
        if !has_month {
            return;
        }
        for c in re.captures_iter(text) {
            let whole = c.get(0).unwrap();
            let sp = Span::new(span.start + whole.start(), span.start + whole.end());
            let mform = c.name("m").unwrap();
            let Some(month) = lex.month(mform.as_str()) else { continue };
            let d1 = c.name("d1");
            let y = num(&c, "y").map(|y| y as i32);
            if glued_before(s, sp.start) || glued_after(s, sp.end) || taken(out, sp) {
                continue;
            }
            let day = d1.and_then(|d| d.as_str().parse::<u32>().ok());
            if day.is_some_and(|d| d == 0 || d > 31) {
                continue;
            }
            // `May 3` in English; elsewhere month-first is rare and `марта 15 человек` is no date.
            if month_first && !lex.month_first {
                continue;
            }
            let kind = match (day, y) {
                (Some(_), Some(_)) => DateKind::Full,
                (Some(_), None) => DateKind::DayMonth,
                (None, Some(_)) => DateKind::MonthYear,
                (None, None) => continue,
            };
            let written = CalendarDate { year: y, month: Some(month), day };
            let mut evidence = format!("month name '{}'", mform.as_str());
            let mut m = mention(sp, kind, written, lang, String::new());
            if let Some(d2) = num(&c, "d2") {
                if (1..=31).contains(&d2) && day.is_some_and(|d| d2 > d) {
                    m.end = Some(CalendarDate { year: y, month: Some(month), day: Some(d2) });
                    evidence.push_str(&format!(", range to day {d2}"));
                }
            }
            if let Some(w) = c.name("wd") {
                if let Some(wd) = lex.weekday(w.as_str()) {
                    m.weekday = Some((wd, Span::new(span.start + w.start(), span.start + w.end())));
                } else {
                    // A lower-case `sunday` in English is no weekday: the date starts after it.
                    let start = if month_first { Some(mform.start()) } else { d1.map(|d| d.start()) };
                    m.span.start = span.start + start.unwrap_or(mform.start());
                }
            }
            if y.is_none() && kind == DateKind::DayMonth {
                evidence.push_str(", no year");
            }
            m.evidence = evidence;
            out.push(m);
        }
    };
    named(&lex.day_month, false, out);
    named(&lex.month_day, true, out);
    let n = numeric();
    let numeric_text = if n.numeric_gate.is_match(text) { text } else { "" };
    for (re, order) in
        [(&n.iso, "ymd"), (&n.dotted, "dmy"), (&n.slashed, if lang == "en" { "mdy" } else { "dmy" })]
    {
        for c in re.captures_iter(numeric_text) {
            let whole = c.get(0).unwrap();
            let sp = Span::new(span.start + whole.start(), span.start + whole.end());
            if glued_before(s, sp.start) || glued_after(s, sp.end) || taken(out, sp) {
                continue;
            }
            let p: Vec<u32> = (1..=3).filter_map(|i| c.get(i)?.as_str().parse().ok()).collect();
            let (y, mut mo, mut d) = match order {
                "ymd" => (p[0], p[1], p[2]),
                "mdy" => (p[2], p[0], p[1]),
                _ => (p[2], p[1], p[0]),
            };
            if order == "mdy" && mo > 12 && d <= 12 {
                std::mem::swap(&mut mo, &mut d);
            }
            if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
                continue;
            }
            let written = CalendarDate::ymd(y as i32, mo, d);
            let ev = format!("numeric date read as {}", order.to_uppercase());
            out.push(mention(sp, DateKind::Full, written, lang, ev));
        }
    }
    named(&lex.month_year, false, out);
    for c in lex.month_alone.captures_iter(if has_month { text } else { "" }) {
        let (mform, abbreviation) = match (c.name("m"), c.name("a")) {
            (Some(m), _) => (m, false),
            (None, Some(a)) => (a, true),
            _ => continue,
        };
        let sp = Span::new(span.start + mform.start(), span.start + mform.end());
        let Some(month) = lex.month(mform.as_str()) else { continue };
        if taken(out, sp) || glued_before(s, sp.start) || glued_after(s, sp.end) {
            continue;
        }
        if !month_context(s, span, sp, lex, abbreviation) {
            continue;
        }
        let written = CalendarDate { year: None, month: Some(month), day: None };
        let ev = format!("month name '{}' alone", mform.as_str());
        out.push(mention(sp, DateKind::Month, written, lang, ev));
    }
}

/// Whether a month name standing alone is a date. Introduced by a word of time (`in March`,
/// `Mitte Mai`, `mid-April`, `the June summit`), it is. Otherwise a full name is one when
/// written in lower case where month names are (`в марте`, `en mars`), or followed by a
/// possessive (`July's meeting`) or by a word in lower case (`October can see`); not when a
/// capitalised word follows (`June Carter`). Forms listed as ambiguous (`May`) need a
/// year-before word (`in May`); abbreviations (`on Sept.`) and the months of a language
/// listed with `*` (German) need a month-before word.
fn month_context(s: &str, para: Span, sp: Span, lex: &Lexicon, abbreviation: bool) -> bool {
    let form = s[sp.start..sp.end].to_lowercase();
    // `May`: only after a year-before word; abbreviations and (in German) every month after a
    // month-before word.
    let strict = lex.ambiguous_months.contains(&form);
    let ambiguous = strict || abbreviation || lex.ambiguous_months.iter().any(|a| a == "*");
    let before = s[para.start..sp.start].trim_end_matches(['-', '‑']).trim_end();
    let glued = before.ends_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’');
    let mut words = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"));
    if let Some(last) = words.next().filter(|_| glued) {
        let two = words.next().map(|w| format!("{w} {last}"));
        let list = if strict { &lex.year_before } else { &lex.month_before };
        if [Some(last), two].into_iter().flatten().any(|w| list.contains(&w)) {
            return true;
        }
    }
    if ambiguous {
        return false;
    }
    if s[sp.start..sp.end].chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let after = &s[sp.end..para.end];
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    // The next word: in lower case, the month is the subject or an attribute.
    let next = after.trim_start_matches([' ', '\u{a0}']);
    after.len() > next.len() && next.starts_with(char::is_lowercase)
}

/// Only the full dates (day, month and year) in `span`, for datelines.
pub fn full_dates(s: &str, span: Span, lang: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    written_dates(s, span, for_lang(lang), lang_tag(lang), &mut out);
    out.retain(|m| m.kind == DateKind::Full);
    out
}

/// Every date mention in `span` (a paragraph).
pub fn mentions(s: &str, span: Span, lang: &str) -> Vec<DateMention> {
    let lex = for_lang(lang);
    let tag = lang_tag(lang);
    let text = &s[span.start..span.end];
    let mut out = Vec::new();
    written_dates(s, span, lex, tag, &mut out);
    let n = numeric();
    let taken = |out: &Vec<DateMention>, sp: Span| out.iter().any(|m| m.span.overlaps(sp));
    for c in n.decade.captures_iter(if n.decade_gate.is_match(text) { text } else { "" }) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        if taken(&out, sp) {
            continue;
        }
        let (decade, how) = if let Some(d) = c.get(1) {
            (d.as_str().parse::<i32>().unwrap_or(0) * 10, "decade")
        } else if let Some(d) = c.get(2) {
            (1900 + d.as_str().parse::<i32>().unwrap_or(0) * 10, "decade '_0s, 20th century assumed")
        } else if let Some(d) = c.get(3).or(c.get(4)) {
            let v = d.as_str().parse::<i32>().unwrap_or(0);
            if v >= 100 {
                (v, "decade")
            } else if v % 10 == 0 {
                (1900 + v, "decade, 20th century assumed")
            } else {
                continue;
            }
        } else {
            continue;
        };
        // `the 1970s` alone; `1990-е` and `2000-х` too, but `15-е` (a day) is no decade.
        if !(1500..=2100).contains(&decade) {
            continue;
        }
        let sp = Span::new(sp.start + whole.as_str().len() - whole.as_str().trim_start().len(), sp.end);
        let mut m = mention(sp, DateKind::Decade, CalendarDate::default(), tag, how.into());
        m.decade = Some(decade);
        out.push(m);
    }
    for c in n.year.captures_iter(if n.year_gate.is_match(text) { text } else { "" }) {
        let whole = c.get(0).unwrap();
        let sp = Span::new(span.start + whole.start(), span.start + whole.end());
        if taken(&out, sp) || glued_before(s, sp.start) || glued_after(s, sp.end) {
            continue;
        }
        let Some(why) = year_context(s, span, sp, lex) else { continue };
        let y: i32 = whole.as_str().parse().unwrap_or(0);
        let written = CalendarDate { year: Some(y), month: None, day: None };
        out.push(mention(sp, DateKind::Year, written, tag, why));
    }
    if let Some(re) = &lex.relative_re {
        for m in re.find_iter(text) {
            let sp = Span::new(span.start + m.start(), span.start + m.end());
            if taken(&out, sp) {
                continue;
            }
            let key = m.as_str().to_lowercase().replace('’', "'");
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
            let Some(&(unit, offset)) = lex.relative.get(&key) else { continue };
            let mut d = mention(
                sp,
                DateKind::Relative,
                CalendarDate::default(),
                tag,
                format!("relative phrase '{}'", m.as_str()),
            );
            d.relative = Some(Relative { unit, offset });
            if unit == RelUnit::Week && offset == 0 {
                d.evidence.push_str(" (this week)");
            }
            out.push(d);
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// Why a bare four-digit number is a year: a year word after it (`2021 году`) or a
/// preposition before it (`in 2021`, `seit 1998`). `None` when it may be a count.
fn year_context(s: &str, para: Span, sp: Span, lex: &Lexicon) -> Option<String> {
    let before = &s[para.start..sp.start];
    let after = &s[sp.end..para.end];
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_lowercase();
    if !next.is_empty() && lex.year_after.iter().any(|w| *w == next || *w == next.trim_end_matches('.')) {
        return Some(format!("year word '{next}' after it"));
    }
    if before.trim_end().ends_with('(') && after.trim_start().starts_with(')') {
        return Some("year in brackets".into());
    }
    // A unit, a currency or a scale word after the number makes it a quantity.
    let trimmed = after.trim_start();
    if trimmed.starts_with(['%', '$', '€', '£']) {
        return None;
    }
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let Some(last) = words.first() else {
        // At the very start of a paragraph: a heading year or a count; not enough.
        return None;
    };
    let last = last.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_lowercase();
    let two = words.get(1).map(|w| format!("{} {last}", w.to_lowercase()));
    for cand in [Some(last.clone()), two].into_iter().flatten() {
        if lex.year_before.contains(&cand) {
            return Some(format!("'{cand}' before it"));
        }
    }
    None
}
