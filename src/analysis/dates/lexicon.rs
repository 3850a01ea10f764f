//! The date knowledge of one language (or of all of them, for undetermined text), read from
//! `src/lang/<lang>/{months,weekdays,relative_dates,tense}.txt` and compiled into regexes once.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::analysis::gated::Gated;

use super::{RelUnit, Tense};

/// How a phrase before a date changes what the date means for the publication check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// `by 2030`, `until March`: a deadline or horizon, not when something happened.
    Horizon,
    /// `since 1998`, `compared with 2021`: a reference point in history.
    History,
}

pub struct Lexicon {
    /// Lower-cased month form -> (month, may be written in lower case).
    pub months: BTreeMap<String, (u32, bool)>,
    pub weekdays: BTreeMap<String, (u32, bool)>,
    /// Lower-cased relative phrase -> (unit, offset).
    pub relative: BTreeMap<String, (RelUnit, i32)>,
    /// Lower-cased tense cue -> tense.
    pub cues: BTreeMap<String, Tense>,
    pub past_endings: Vec<String>,
    pub not_past: Vec<String>,
    /// Endings of future-tense verbs (`tiendra`, `celebrará`) and their exceptions.
    pub future_endings: Vec<String>,
    pub not_future: Vec<String>,
    /// Words before a participle that make it an adjective (`the newly created district`).
    pub attributive: Vec<String>,
    pub frames: BTreeMap<String, Frame>,
    pub fillers: Vec<String>,
    pub year_before: Vec<String>,
    pub year_after: Vec<String>,
    /// Words before a month named alone that make it a date (`in March`, `Mitte Mai`): the
    /// `month-before` and `year-before` lines of `tense.txt`.
    pub month_before: Vec<String>,
    /// Whether month-first dates (`April 3`) are read (English).
    pub month_first: bool,
    pub day_month: Gated,
    pub month_day: Gated,
    pub month_year: Gated,
    /// A month's name alone: full forms (group `m`), or abbreviations with their full stop
    /// (group `a`: `Sept.`).
    pub month_alone: Gated,
    /// Lower-cased month forms that are also names or words (`May`): alone, they are dates
    /// only after a year-before word (`in May`). `*` stands for every month (German, where
    /// every noun is capitalised).
    pub ambiguous_months: Vec<String>,
    /// Any month form anywhere, without word boundaries: a fast test (a lazy DFA, whatever
    /// the script) that the four month patterns above cannot match when it does not.
    pub month_gate: Regex,
    pub relative_re: Option<Gated>,
    pub cue_re: Option<Regex>,
}

/// Languages whose names of months and weekdays are capitalised: a lower-case `may` is a verb.
fn capitalised(lang: &str) -> bool {
    matches!(lang, "en" | "de")
}

fn alternation<'a>(forms: impl Iterator<Item = &'a String>) -> String {
    let mut forms: Vec<&String> = forms.collect();
    forms.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    forms
        .iter()
        .map(|f| regex::escape(f).replace('\'', "['’]").replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

impl Lexicon {
    fn build(langs: &[&str]) -> Lexicon {
        let mut months = BTreeMap::new();
        let mut weekdays = BTreeMap::new();
        let mut relative = BTreeMap::new();
        let mut cues = BTreeMap::new();
        let mut past_endings = Vec::new();
        let mut not_past = Vec::new();
        let mut attributive = Vec::new();
        let mut future_endings = Vec::new();
        let mut not_future = Vec::new();
        let mut frames = BTreeMap::new();
        let mut fillers = Vec::new();
        let mut year_before = Vec::new();
        let mut year_after = Vec::new();
        let mut month_before = Vec::new();
        let mut full_months = Vec::new();
        let mut abbreviated = Vec::new();
        let mut ambiguous_months = Vec::new();
        for &lang in langs {
            for rec in crate::lang::records(lang, "months.txt") {
                if rec.first() == Some(&"ambiguous") {
                    // `*` (every month) holds for that language alone, not for undetermined
                    // text, which shares the month names of several.
                    let every = langs.len() > 1;
                    ambiguous_months
                        .extend(rec[1..].iter().filter(|f| !every || **f != "*").map(|f| f.to_lowercase()));
                    continue;
                }
                if rec.first().and_then(|n| n.parse::<u32>().ok()).is_none() {
                    continue;
                }
                // An abbreviation is a strict beginning of the month's first form (`Sept`).
                let first = rec.get(1).map(|f| f.to_lowercase()).unwrap_or_default();
                for form in &rec[1..] {
                    let f = form.to_lowercase();
                    if f == first || !first.starts_with(f.trim_end_matches('.')) {
                        full_months.push(f);
                    } else if f.chars().count() >= 3 {
                        abbreviated.push(f.trim_end_matches('.').to_string());
                    }
                }
            }
            let lower_ok = !capitalised(lang);
            for (name, map) in [("months.txt", &mut months), ("weekdays.txt", &mut weekdays)] {
                for rec in crate::lang::records(lang, name) {
                    let Some(n) = rec.first().and_then(|n| n.parse::<u32>().ok()) else { continue };
                    for form in &rec[1..] {
                        let e = map.entry(form.to_lowercase()).or_insert((n, lower_ok));
                        e.1 |= lower_ok;
                    }
                }
            }
            for rec in crate::lang::records(lang, "relative_dates.txt") {
                let (Some(unit), Some(off)) = (rec.first(), rec.get(1).and_then(|o| o.parse::<i32>().ok()))
                else {
                    continue;
                };
                let unit = match *unit {
                    "day" => RelUnit::Day,
                    "week" => RelUnit::Week,
                    "month" => RelUnit::Month,
                    "year" => RelUnit::Year,
                    _ => continue,
                };
                for p in &rec[2..] {
                    relative.insert(p.to_lowercase().replace('’', "'"), (unit, off));
                }
            }
            for rec in crate::lang::records(lang, "tense.txt") {
                let Some((kind, rest)) = rec.split_first() else { continue };
                let rest = rest.iter().map(|s| s.to_lowercase());
                match *kind {
                    "future" => rest.for_each(|p| {
                        cues.insert(p, Tense::Future);
                    }),
                    "past" => rest.for_each(|p| {
                        cues.entry(p).or_insert(Tense::Past);
                    }),
                    "present" => rest.for_each(|p| {
                        cues.entry(p).or_insert(Tense::Present);
                    }),
                    "past-ending" => past_endings.extend(rest),
                    "not-past" => not_past.extend(rest),
                    "attributive" => attributive.extend(rest),
                    "future-ending" => future_endings.extend(rest),
                    "not-future" => not_future.extend(rest),
                    "horizon" => rest.for_each(|p| {
                        frames.insert(p, Frame::Horizon);
                    }),
                    "history" => rest.for_each(|p| {
                        frames.entry(p).or_insert(Frame::History);
                    }),
                    "filler" => fillers.extend(rest),
                    "year-before" => {
                        let rest: Vec<String> = rest.collect();
                        month_before.extend(rest.iter().cloned());
                        year_before.extend(rest);
                    }
                    "month-before" => month_before.extend(rest),
                    "year-after" => year_after.extend(rest),
                    _ => {}
                }
            }
        }
        let m = alternation(months.keys());
        let w = alternation(weekdays.keys());
        let ord = r"(?:st|nd|rd|th|er|º|\.|-?го|-е)?";
        let range = format!(
            r"(?:\s*[-–—‑]\s*|\s+(?:to|and|through|bis|und|au|et|al|y|по|и)\s+)(?:(?:the|le|el|den)\s+)?(?P<d2>\d{{1,2}}){ord}"
        );
        let range_md = range.replace(ord, r"(?:st|nd|rd|th)?\b");
        let year = r"(?:,?\s+(?:(?:de|del|of)\s+)?(?P<y>\d{4})\b(?:\s*(?:года|году|г\.|г\b))?)";
        let day_month = format!(
            r"(?i)(?:\b(?P<wd>{w})\.?,?\s+(?:(?:the|den|le|el)\s+)?)?\b(?P<d1>\d{{1,2}}){ord}(?:{range})?\s+(?:(?:de|of)\s+)?(?P<m>{m})\b\.?{year}?"
        );
        let month_day = format!(
            r"(?i)(?:\b(?P<wd>{w})\.?,?\s+)?\b(?P<m>{m})\b\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:{range_md})?{year}?"
        );
        let month_year = format!(
            r"(?i)\b(?P<m>{m})\b\.?,?\s+(?:(?:de|del|of)\s+)?(?P<y>\d{{4}})\b(?:\s*(?:года|году|г\.|г\b))?"
        );
        let month_alone = format!(
            r"(?i)\b(?:(?P<m>{})\b|(?P<a>{})\.)",
            alternation(full_months.iter()),
            alternation(abbreviated.iter())
        );
        let month_gate = format!(
            r"(?i)(?:{m})|(?:{})|(?:{})",
            alternation(full_months.iter()),
            alternation(abbreviated.iter())
        );
        let relative_re = (!relative.is_empty())
            .then(|| Gated::new(&format!(r"(?i)\b(?:{})\b", alternation(relative.keys()))).ok())
            .flatten();
        let cue_re = (!cues.is_empty())
            .then(|| {
                Regex::new(&format!(r"(?i)(?:^|[^\w'’])((?:{}))(?:$|[^\w'’])", alternation(cues.keys()))).ok()
            })
            .flatten();
        Lexicon {
            months,
            weekdays,
            relative,
            cues,
            past_endings,
            not_past,
            attributive,
            future_endings,
            not_future,
            frames,
            fillers,
            year_before,
            year_after,
            month_before,
            month_first: langs.contains(&"en"),
            day_month: Gated::new(&day_month).expect("day-month pattern"),
            month_day: Gated::new(&month_day).expect("month-day pattern"),
            month_year: Gated::new(&month_year).expect("month-year pattern"),
            month_alone: Gated::new(&month_alone).expect("month-alone pattern"),
            ambiguous_months,
            month_gate: Regex::new(&month_gate).expect("month gate pattern"),
            relative_re,
            cue_re,
        }
    }

    /// The month a matched form names, if its case is acceptable (`May`, not `may`, in English).
    pub fn month(&self, form: &str) -> Option<u32> {
        lookup(&self.months, form)
    }

    pub fn weekday(&self, form: &str) -> Option<u32> {
        lookup(&self.weekdays, form)
    }
}

fn lookup(map: &BTreeMap<String, (u32, bool)>, form: &str) -> Option<u32> {
    let &(n, lower_ok) = map.get(&form.to_lowercase())?;
    (lower_ok || form.chars().next().is_some_and(char::is_uppercase)).then_some(n)
}

/// The lexicon for `lang`; every supported language's at once for `und` or unknown codes.
/// Each is built when first asked for (its patterns take a while to compile, and a run on
/// English articles needs only English's).
pub fn for_lang(lang: &str) -> &'static Lexicon {
    static CELLS: OnceLock<Vec<OnceLock<Lexicon>>> = OnceLock::new();
    let langs = crate::lang::SUPPORTED;
    let cells = CELLS.get_or_init(|| (0..=langs.len()).map(|_| OnceLock::new()).collect());
    match langs.iter().position(|l| *l == lang) {
        Some(k) => cells[k].get_or_init(|| Lexicon::build(&langs[k..=k])),
        None => cells[langs.len()].get_or_init(|| Lexicon::build(langs)),
    }
}
