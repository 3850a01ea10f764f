//! Date mentions and the publication date.
//!
//! Every date the text names (`3 April 2025`, `April 3`, `03.04.2025`, `в прошлом году`,
//! `the 1970s`, a bare `in 2021`) becomes a [`DateMention`]: the calendar value as written, the
//! value resolved against the publication date (yearless and relative dates), an optional
//! range end and weekday, the tense of its clause, and the phrase framing it (`since`, `by`).
//! The rules D601–D603 and the cross-language rule X802 read these, never the text.

mod lexicon;
mod scan;
mod tense;

use chrono::{Datelike, Duration, NaiveDate};

use crate::analysis::LangGuess;
use crate::document::{DateOrigin, Document};
use crate::span::Span;
use crate::text::TextModel;

pub use lexicon::Frame;
pub use tense::TenseCue;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub origin: DateOrigin,
    /// The dateline span, when the date came from the text.
    pub span: Option<Span>,
}

/// A calendar value with the parts the text gives (a bare year has no month or day).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl CalendarDate {
    pub fn ymd(year: i32, month: u32, day: u32) -> Self {
        CalendarDate { year: Some(year), month: Some(month), day: Some(day) }
    }

    /// The exact day, when all three parts are known and the date exists.
    pub fn to_naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month?, self.day?)
    }

    /// First day of the period this value names (a year, a month or a day).
    pub fn first_day(&self) -> Option<NaiveDate> {
        let y = self.year?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            (Some(m), None) => NaiveDate::from_ymd_opt(y, m, 1),
            (None, _) => NaiveDate::from_ymd_opt(y, 1, 1),
        }
    }

    /// Last day of the period this value names.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let y = self.year?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            (Some(m), None) => last_of_month(y, m),
            (None, _) => NaiveDate::from_ymd_opt(y, 12, 31),
        }
    }

    /// Whether a day and month exist together (in some year, when the year is unknown: 29
    /// February is possible) and in the given year.
    pub fn exists(&self) -> bool {
        let (Some(m), Some(d)) = (self.month, self.day) else { return true };
        if !(1..=12).contains(&m) || d == 0 {
            return false;
        }
        match self.year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
            None => NaiveDate::from_ymd_opt(2000, m, d).is_some(),
        }
    }

    /// Human form: `2025-04-03`, `2025-04`, `2025`, `--04-03` for a yearless day.
    pub fn display(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            _ => "?".into(),
        }
    }
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1).map(|d| d - Duration::days(1))
}

/// How a date is written; decides what it can be compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateKind {
    /// Day, month and year (`3 April 2025`, `April 3, 2025`, `03.04.2025`, `2025-04-03`).
    Full,
    /// Day and month without a year (`March 3`, `5—6 апреля`).
    DayMonth,
    /// Month and year (`April 2025`, `в апреле 2025 года`).
    MonthYear,
    /// A month named alone (`in March`, `в марте`, `Mitte Mai`, `mid-April`): neither the year
    /// nor the day is written, and none is filled in.
    Month,
    /// A year with a preposition or a year word (`in 2021`, `в 2021 году`).
    Year,
    /// A decade (`the 1970s`, `в 1970-х`, `'80s`, `los años 70`): history by nature.
    Decade,
    /// A phrase relative to the publication date (`last year`, `в прошлом году`, `heute`).
    Relative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelUnit {
    Day,
    Week,
    Month,
    Year,
}

/// `last year` = `Relative { unit: Year, offset: -1 }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Relative {
    pub unit: RelUnit,
    pub offset: i32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    Future,
    #[default]
    Unknown,
}

impl Tense {
    pub fn as_str(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Present => "present",
            Tense::Future => "future",
            Tense::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub kind: DateKind,
    /// The parts as written (a yearless date has no year here).
    pub written: CalendarDate,
    /// The value after filling in the year (yearless dates) or resolving a relative phrase
    /// against the publication date; `None` when nothing establishes it.
    pub resolved: Option<CalendarDate>,
    /// The last day of a range (`March 3-9`: day 9), resolved like `resolved`.
    pub end: Option<CalendarDate>,
    /// ISO weekday (Monday = 1) named with the date, and where.
    pub weekday: Option<(u32, Span)>,
    pub relative: Option<Relative>,
    /// Decade start year for `DateKind::Decade` (`the 1970s` = 1970; `30-х` = 1930 guessed).
    pub decade: Option<i32>,
    /// The tense of the clause around the date, with the word that decided it.
    pub tense: TenseCue,
    /// `since`, `by`, `until`... right before the date, if any, and its span.
    pub frame: Option<(Frame, Span)>,
    /// Language whose data read it (`en`, `ru`, ..., `und` when all were tried).
    pub lang: &'static str,
    /// How the value was read and resolved, for evidence notes.
    pub evidence: String,
}

impl DateMention {
    /// The value to compare: resolved if there is one, else as written.
    pub fn value(&self) -> CalendarDate {
        self.resolved.unwrap_or(self.written)
    }

    /// Whether the date's day and month can exist (`30 February` cannot).
    pub fn exists(&self) -> bool {
        self.value().exists() && self.end.is_none_or(|e| e.exists())
    }
}

/// The publication date: command line or metadata first, else a dateline near the top of the
/// text (`Vienna, 3 April 2025`, `07 March 2025`, `April 3, 2025, Kyiv`).
pub fn publication(doc: &Document, text: &TextModel) -> Option<Published> {
    if let Some(date) = doc.meta.published {
        return Some(Published {
            date,
            origin: doc.meta.published_origin.unwrap_or(DateOrigin::Metadata),
            span: None,
        });
    }
    dateline(doc, text)
}

/// A full date alone on a line near the top, or heading the first paragraph with at most a
/// place name beside it.
fn dateline(doc: &Document, text: &TextModel) -> Option<Published> {
    let s = doc.text.as_str();
    let lang = doc.meta.lang.as_deref().unwrap_or("und");
    for para in text.paragraphs.iter().take(4) {
        if para.kind == crate::text::ParagraphKind::Code {
            continue;
        }
        // Only the first line of a paragraph can hold a dateline.
        let pstart = para.span.start;
        let line_end = s[pstart..para.span.end].find('\n').map_or(para.span.end, |i| pstart + i);
        let line = Span::new(pstart, line_end);
        for m in scan::full_dates(s, line, lang) {
            let Some(date) = m.written.to_naive() else { continue };
            let before = &s[line.start..m.span.start];
            let after = &s[m.span.end..line.end];
            let words = |t: &str| t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
            let before_ok = words(before) <= 4 && !before.contains(['.', '!', '?', ':', ';']);
            let after_trim = after.trim_start_matches([' ', ',', '\u{a0}']);
            let alone_after = words(after) <= 4 && !after.contains(['.', '!', '?']);
            let dash_after = after_trim.starts_with(['—', '–', '-', '(']) || after_trim.is_empty();
            if before_ok && (alone_after || (dash_after && words(before) <= 4)) {
                return Some(Published { date, origin: DateOrigin::Dateline, span: Some(m.span) });
            }
        }
    }
    None
}

/// The language to read paragraph `i` with: its own when detected as a supported language
/// with some confidence, else the document's.
pub fn paragraph_lang<'a>(lang: &'a str, paragraph_langs: &'a [LangGuess], i: usize) -> &'a str {
    match paragraph_langs.get(i) {
        Some(g) if g.confidence >= 0.5 && crate::lang::SUPPORTED.contains(&g.code.as_str()) => &g.code,
        _ => lang,
    }
}

/// Every date mention in the text, in text order, resolved against `published`. Each
/// paragraph is read with its own language (`paragraph_langs`, one per paragraph) when
/// detected, else with `lang`.
pub fn analyze(
    doc: &Document,
    text: &TextModel,
    lang: &str,
    paragraph_langs: &[LangGuess],
    published: Option<&Published>,
) -> Vec<DateMention> {
    let s = doc.text.as_str();
    let mut out = Vec::new();
    for (i, para) in text.paragraphs.iter().enumerate() {
        if para.kind == crate::text::ParagraphKind::Code {
            continue;
        }
        let plang = paragraph_lang(lang, paragraph_langs, i);
        for mut m in scan::mentions(s, para.span, plang) {
            let sentence = text.sentence_at(m.span.start).map(|i| text.sentences[i].span).unwrap_or(m.span);
            let sentence = if sentence.contains(m.span) { sentence } else { m.span };
            m.tense = tense::around(s, sentence, m.span, plang);
            m.frame = tense::frame(s, sentence, m.span, plang);
            out.push(m);
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    let reference = published.map(|p| p.date);
    let mut context_year: Option<(i32, Span)> = None;
    for m in &mut out {
        resolve(m, reference, context_year, s);
        if m.kind == DateKind::Full {
            if let Some(y) = m.written.year {
                context_year = Some((y, m.span));
            }
        }
    }
    out
}

/// How far ahead (or back) a yearless date told in the future (or past) tense is looked for:
/// news announces events up to about nine months ahead.
const TENSE_REACH_DAYS: i64 = 270;

/// Fills `resolved` (and the range end) from the publication date or, failing that, from the
/// year of the latest full date before it in the text.
fn resolve(m: &mut DateMention, published: Option<NaiveDate>, context: Option<(i32, Span)>, s: &str) {
    match m.kind {
        DateKind::DayMonth => {
            let (Some(month), Some(day)) = (m.written.month, m.written.day) else { return };
            if let Some(p) = published {
                // The occurrence nearest the publication date: a news text names a yearless
                // day within months of its dateline.
                let years: Vec<(i32, NaiveDate)> = (p.year() - 1..=p.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day.clamp(1, 28)).map(|d| (y, d)))
                    .collect();
                // Told as ahead, the next occurrence within the coming months (`will take
                // office on 10 December` in May); told in the past, the last one. Else the
                // nearest, which the date rule then questions.
                let days = |d: &NaiveDate| (*d - p).num_days();
                let by_tense = match m.tense.tense {
                    Tense::Future => years
                        .iter()
                        .filter(|(_, d)| (0..=TENSE_REACH_DAYS).contains(&days(d)))
                        .min_by_key(|(_, d)| days(d)),
                    Tense::Past => years
                        .iter()
                        .filter(|(_, d)| (-TENSE_REACH_DAYS..=0).contains(&days(d)))
                        .max_by_key(|(_, d)| days(d)),
                    _ => None,
                };
                let best = by_tense.or_else(|| years.iter().min_by_key(|(_, d)| days(d).abs()));
                if let Some(&(y, _)) = best {
                    m.resolved = Some(CalendarDate::ymd(y, month, day));
                    let how = if by_tense.is_some() && m.tense.tense == Tense::Future {
                        "the next one after"
                    } else if by_tense.is_some() {
                        "the last one before"
                    } else {
                        "the one nearest"
                    };
                    m.evidence = format!("{}; year {y} taken as {how} the publication date {p}", m.evidence);
                }
            } else if let Some((y, span)) = context {
                m.resolved = Some(CalendarDate::ymd(y, month, day));
                m.evidence =
                    format!("{}; year {y} taken from '{}' earlier in the text", m.evidence, span.slice(s));
            }
        }
        DateKind::Relative => {
            let (Some(rel), Some(p)) = (m.relative, published) else { return };
            m.resolved = match rel.unit {
                RelUnit::Year => {
                    Some(CalendarDate { year: Some(p.year() + rel.offset), month: None, day: None })
                }
                RelUnit::Month => {
                    let idx = p.year() * 12 + p.month0() as i32 + rel.offset;
                    Some(CalendarDate {
                        year: Some(idx.div_euclid(12)),
                        month: Some(idx.rem_euclid(12) as u32 + 1),
                        day: None,
                    })
                }
                RelUnit::Day => {
                    let d = p + Duration::days(rel.offset as i64);
                    Some(CalendarDate::ymd(d.year(), d.month(), d.day()))
                }
                RelUnit::Week => None,
            };
            if let Some(r) = m.resolved {
                m.evidence = format!("{}; {} relative to the publication date {p}", m.evidence, r.display());
            }
        }
        _ => {}
    }
    if let (Some(end), Some(r)) = (m.end.as_mut(), m.resolved) {
        if end.year.is_none() {
            end.year = r.year;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, lang: &str, published: Option<&str>) -> (Option<Published>, Vec<DateMention>) {
        let mut doc = Document::from_text("t.txt", text);
        doc.meta.published = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        let tm = TextModel::new(&doc, Some(lang));
        let p = publication(&doc, &tm);
        let m = analyze(&doc, &tm, lang, &[], p.as_ref());
        (p, m)
    }

    fn shown(text: &str, lang: &str, published: Option<&str>) -> Vec<String> {
        let (_, ms) = run(text, lang, published);
        ms.iter()
            .map(|m| {
                format!(
                    "{}={:?}:{}{}{}:{}",
                    m.span.slice(text),
                    m.kind,
                    m.value().display(),
                    m.end.map(|e| format!("..{}", e.display())).unwrap_or_default(),
                    m.weekday.map(|w| format!(" wd{}", w.0)).unwrap_or_default(),
                    m.tense.tense.as_str()
                )
            })
            .collect()
    }

    #[test]
    fn written_dates_in_five_languages() {
        assert_eq!(shown("It opened on 3 April 2025.", "en", None), ["3 April 2025=Full:2025-04-03:past"]);
        assert_eq!(shown("It opened on April 3, 2025.", "en", None), ["April 3, 2025=Full:2025-04-03:past"]);
        assert_eq!(
            shown("Открылся 3 апреля 2025 года.", "ru", None),
            ["3 апреля 2025 года=Full:2025-04-03:past"]
        );
        assert_eq!(
            shown("Er wurde am 3. April 2025 eröffnet.", "de", None),
            ["3. April 2025=Full:2025-04-03:past"]
        );
        assert_eq!(
            shown("Il sera ouvert le 3 avril 2025.", "fr", None),
            ["3 avril 2025=Full:2025-04-03:future"]
        );
        assert_eq!(
            shown("Se abrirá el 3 de abril de 2025.", "es", None),
            ["3 de abril de 2025=Full:2025-04-03:future"]
        );
        assert_eq!(
            shown("Stand: 03.04.2025 und 2025-04-03", "de", None)[0],
            "03.04.2025=Full:2025-04-03:unknown"
        );
    }

    #[test]
    fn yearless_ranges_weekdays_relative() {
        let v = shown("On Thursday, April 3, the talks ended. They met March 3-9.", "en", Some("2025-04-10"));
        assert_eq!(
            v,
            [
                "Thursday, April 3=DayMonth:2025-04-03 wd4:past",
                "March 3-9=DayMonth:2025-03-03..2025-03-09:past"
            ]
        );
        let v =
            shown("Встреча прошла в четверг, 3 апреля, а 5—6 апреля будет саммит.", "ru", Some("2025-04-04"));
        assert_eq!(v[0], "четверг, 3 апреля=DayMonth:2025-04-03 wd4:past");
        assert_eq!(v[1], "5—6 апреля=DayMonth:2025-04-05..2025-04-06:future");
        let v = shown("В прошлом году экспорт увеличился.", "ru", Some("2025-04-04"));
        assert_eq!(v, ["В прошлом году=Relative:2024:past"]);
        let v = shown("Exports in 2021 are expected to exceed imports, as in the 1970s.", "en", None);
        assert_eq!(v, ["2021=Year:2021:future", "the 1970s=Decade:?:future"]);
    }

    #[test]
    fn months_named_alone() {
        let v = shown("Talks resumed in March and again in mid-April, after July's summit.", "en", None);
        assert_eq!(
            v.iter().map(|m| m.split(':').next().unwrap()).collect::<Vec<_>>(),
            ["March=Month", "April=Month", "July=Month"]
        );
        // Names are not months; `May` needs a preposition.
        assert!(shown("Theresa May met June Carter. May said so.", "en", None).is_empty());
        assert_eq!(shown("Theresa May said in May that", "en", None).len(), 1);
        assert_eq!(shown("Im Juli und Anfang August stiegen die Preise.", "de", None).len(), 2);
        assert!(shown("Kaiser August regierte lange.", "de", None).is_empty());
        assert_eq!(shown("В октябре и в середине ноября.", "ru", None).len(), 2);
        assert_eq!(shown("Il est parti en mars, à la mi-avril.", "fr", None).len(), 2);
        assert_eq!(shown("after enlisting on Sept. 2", "en", None), ["Sept. 2=DayMonth:--09-02:unknown"]);
    }

    #[test]
    fn datelines() {
        for (t, want) in [
            ("Title\n\nVienna, 3 April 2025\n\nBody text.", "2025-04-03"),
            ("Title\n\n07 March 2025\n\nBody.", "2025-03-07"),
            ("Title\n\nApril 3, 2025, Kyiv\n\nBody.", "2025-04-03"),
            ("Заголовок\n\nКазань, 5 апреля 2025 года\n\nТекст.", "2025-04-05"),
            ("Title\n\nVIENNA, 3 April 2025 — The minister said.", "2025-04-03"),
        ] {
            let (p, _) = run(t, "und", None);
            assert_eq!(p.map(|p| p.date.to_string()), Some(want.to_string()), "{t}");
        }
        let (p, _) =
            run("Title\n\nThe talks held on 3 April 2025 in Vienna ended without a deal.", "en", None);
        assert_eq!(p, None);
    }
}
