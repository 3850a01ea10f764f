//! The cross-language rules (X8xx) measured on NTREX-128: false alarms on good human
//! translations, recall and precision on planted errors, and throughput.
//!
//! ```text
//! RAYON_NUM_THREADS=1 cargo run --release --example planted -- [--ntrex DIR] [--seed N]
//!     [--langs rus,deu,fra,spa] [--kinds number,date,...] [--xliff-out DIR] [--cases-out FILE]
//!     [--show CODE|missed|clean]
//! ```
//!
//! Documents are the NTREX lines grouped by `DOCUMENT_IDS.tsv`; the lines of a document are
//! put into paragraphs of one to three sentences (seeded), the first line being the title,
//! identically on both sides. Each language is paired with English in both directions.
//!
//! Planted errors, one document copy per error, chosen by a seeded generator (SplitMix64), so
//! the same seed gives the same benchmark:
//! - `number` (X801): one digit of a number the source also has is changed (years, and the
//!   day numbers of written dates, which are dates, left alone);
//! - `date` (X802): in a date the source also has, the month name is replaced by another
//!   month, the day number next to it moved to another day of that month, or the year of a
//!   full date moved by a year or two;
//! - `name` (X803): one letter of a name the source also has is changed;
//! - `speaker` (X804): a quote's speaker, a person the source also credits with that line's
//!   quote, is replaced by another person of the article (as the translation writes them);
//! - `untranslated` (X806): the sentence is replaced by its source sentence;
//! - `dropped` (X809): the sentence is removed;
//! - `quote` (X806): in a translated line quoting someone on both sides, the quotation's text
//!   is replaced by the source's quotation text (the sentence around it stays translated);
//! - `missing` (X803): a person the source names with a full name is named nowhere in the
//!   translation: every run of words rendering a word of their name is replaced by the target
//!   language's pronoun of their gender (`pronouns.txt`); expected at the line where the source
//!   first names them, as a finding saying the translation does not name them.
//!
//! A planted error counts as found when a finding of the expected rule covers the changed
//! sentence (or, for a dropped one, points at it in the source; for a quote, lies on the
//! quotation itself, not on the whole sentence). `--xliff-out` writes the clean pairs as
//! XLIFF 1.2 files, one per direction, for other tools (pofilter); `--cases-out` writes every
//! clean and planted document pair as JSONL, one line pair per sentence, so that
//! `bench/pofilter.py` can score pofilter on exactly the same pairs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use faithful::analysis::align::number_key;
use faithful::config::Settings;
use faithful::document::Document;
use faithful::report::Report;
use faithful::translit::{name_key, sound_key};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

const CODES: &[(&str, &str)] = &[
    ("number", "X801"),
    ("date", "X802"),
    ("name", "X803"),
    ("speaker", "X804"),
    ("untranslated", "X806"),
    ("dropped", "X809"),
    ("quote", "X806"),
    ("missing", "X803"),
];

fn iso(lang: &str) -> &'static str {
    match lang {
        "eng" => "en",
        "rus" => "ru",
        "deu" => "de",
        "fra" => "fr",
        "spa" => "es",
        "ukr" => "uk",
        "bel" => "be",
        "ita" => "it",
        "por" => "pt",
        "pol" => "pl",
        _ => "und",
    }
}

/// One article: its lines on both sides and how they are grouped into paragraphs.
struct Article {
    id: String,
    source: Vec<String>,
    target: Vec<String>,
    /// Paragraph number of each line.
    paragraph: Vec<usize>,
}

/// Builds a text from lines and their paragraph numbers; returns it with each line's span.
fn build(lines: &[String], paragraph: &[usize], keep: &[bool]) -> (String, Vec<Option<(usize, usize)>>) {
    let mut text = String::new();
    let mut spans = vec![None; lines.len()];
    let mut last_par = None;
    for (i, line) in lines.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        if let Some(p) = last_par {
            text.push_str(if p == paragraph[i] { " " } else { "\n\n" });
        }
        let start = text.len();
        text.push_str(line.trim());
        spans[i] = Some((start, text.len()));
        last_par = Some(paragraph[i]);
    }
    text.push('\n');
    (text, spans)
}

struct Planted {
    kind: &'static str,
    line: usize,
    /// The changed part of the line, as byte offsets into the (trimmed) line, when the error
    /// is smaller than the line (`quote`).
    within: Option<(usize, usize)>,
}

/// A document pair with its planted error, if any.
struct Case {
    doc: Document,
    planted: Option<Planted>,
    /// Spans of each line in the target and the source text.
    target_spans: Vec<Option<(usize, usize)>>,
    source_spans: Vec<Option<(usize, usize)>>,
}

fn make_case(
    a: &Article,
    dir: &(String, String),
    target: Vec<String>,
    keep: Vec<bool>,
    planted: Option<Planted>,
) -> Case {
    let all = vec![true; a.source.len()];
    let (src_text, source_spans) = build(&a.source, &a.paragraph, &all);
    let (tgt_text, target_spans) = build(&target, &a.paragraph, &keep);
    let mut src = Document::from_text("source", src_text);
    src.title = a.source.first().cloned();
    src.meta.lang = Some(iso(&dir.0).into());
    let mut doc =
        Document::from_text(format!("{}:{}", a.id, planted.as_ref().map_or("clean", |p| p.kind)), tgt_text);
    doc.id = Some(a.id.clone());
    doc.meta.lang = Some(iso(&dir.1).into());
    doc.meta.source_lang = Some(iso(&dir.0).into());
    doc.source = Some(Box::new(src));
    Case { doc, planted, target_spans, source_spans }
}

fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let word = c.is_alphanumeric()
            || (start.is_some()
                && matches!(c, '.' | ',')
                && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()));
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

fn capitalised_names(s: &str) -> Vec<(usize, &str)> {
    tokens(s)
        .into_iter()
        .skip(1)
        .filter(|(_, w)| {
            w.chars().count() >= 4
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase)
        })
        .collect()
}

fn months(lang: &str) -> Vec<Vec<String>> {
    faithful::lang::records(lang, "months.txt")
        .map(|r| r.iter().skip(1).map(|f| f.to_lowercase()).collect())
        .collect()
}

fn month_of(word: &str, table: &[Vec<String>]) -> Option<(usize, usize)> {
    month_form(word, table, 4)
}

/// The month (0-based) and form index of a word, among forms of at least `min` letters.
fn month_form(word: &str, table: &[Vec<String>], min: usize) -> Option<(usize, usize)> {
    let w = word.to_lowercase();
    table
        .iter()
        .enumerate()
        .find_map(|(m, forms)| forms.iter().position(|f| *f == w && f.chars().count() >= min).map(|k| (m, k)))
}

fn replace_at(s: &str, at: usize, old: &str, new: &str) -> String {
    format!("{}{}{}", &s[..at], new, &s[at + old.len()..])
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Tries to plant an error of `kind` in article `a`; `None` when no line qualifies.
///
/// Each kind has its own generator function and its own random stream (seeded by the seed, the
/// direction, the article and the kind), so changing how one kind is planted does not move the
/// errors planted for the others.
fn plant(a: &Article, dir: &(String, String), kind: &'static str, seed: u64) -> Option<Case> {
    let mut rng = Rng(seed
        ^ fxhash(&dir.0)
        ^ fxhash(&dir.1).rotate_left(17)
        ^ fxhash(&a.id).rotate_left(29)
        ^ fxhash(kind).rotate_left(43));
    let rng = &mut rng;
    let p = Plant {
        a,
        tl: iso(&dir.1),
        sl: iso(&dir.0),
        body: (1..a.target.len()).filter(|&i| a.target[i].split_whitespace().count() >= 5).collect(),
    };
    let mut target = a.target.clone();
    let mut keep = vec![true; a.target.len()];
    let mut within = None;
    let line = match kind {
        "number" => plant_number(&p, &mut target, rng)?,
        "date" => plant_date(&p, &mut target, rng)?,
        "name" => plant_name(&p, &mut target, rng)?,
        "speaker" => plant_speaker(&p, &mut target, rng)?,
        "missing" => plant_missing(&p, &mut target, rng)?,
        "untranslated" => {
            let line = *rng.pick(&p.body)?;
            target[line] = a.source[line].clone();
            line
        }
        "dropped" => {
            let line = *rng.pick(&p.body)?;
            keep[line] = false;
            line
        }
        "quote" => {
            let (line, span) = plant_quote(&p, &mut target, rng)?;
            within = Some(span);
            line
        }
        _ => return None,
    };
    Some(make_case(a, dir, target, keep, Some(Planted { kind, line, within })))
}

/// What a generator works on: the article, its languages and the lines long enough to change.
struct Plant<'a> {
    a: &'a Article,
    tl: &'static str,
    sl: &'static str,
    body: Vec<usize>,
}

/// `number` (X801): one digit of a number the source also has is changed (years, numeric
/// dates and the day numbers of written dates are left to the `date` kind). Returns the
/// changed line.
fn plant_number(p: &Plant, target: &mut [String], rng: &mut Rng) -> Option<usize> {
    let a = p.a;
    let tm = months(p.tl);
    let mut options = Vec::new();
    for &i in &p.body {
        let src_keys: Vec<String> = tokens(&a.source[i]).iter().map(|(_, w)| number_key(w)).collect();
        let toks = tokens(&a.target[i]);
        // Abbreviations count here (`Nov. 6`): their day is a date's too.
        let days: Vec<usize> =
            written_dates(&toks, &tm, 3).iter().filter_map(|d| d.day.map(|(k, _)| k)).collect();
        for (k, &(at, w)) in toks.iter().enumerate() {
            if w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && w.chars().any(|c| c.is_ascii_digit())
                && !is_year(w)
                && !days.contains(&k)
                && w.matches(['.', ',']).count() < 2
                && src_keys.contains(&number_key(w))
            {
                options.push((i, at, w));
            }
        }
    }
    let &(i, at, w) = rng.pick(&options)?;
    let digits: Vec<usize> = w.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(k, _)| k).collect();
    let k = *rng.pick(&digits)?;
    let d = w.as_bytes()[k] - b'0';
    let mut nd = (d + 1 + rng.below(8) as u8) % 10;
    if k == 0 && nd == 0 {
        nd = if d == 1 { 2 } else { 1 };
    }
    let new = format!("{}{}{}", &w[..k], nd, &w[k + 1..]);
    target[i] = replace_at(&a.target[i], at, w, &new);
    Some(i)
}

/// A date written with a month name: the month's token, its number (0-based), and the day
/// and year tokens next to it, if any (token index, value).
struct WrittenDate {
    month: (usize, usize),
    day: Option<(usize, u32)>,
    year: Option<(usize, u32)>,
}

/// The day number of a token: `3`, `3rd`, `21e`, `1er` (1 to 31).
fn day_of(w: &str) -> Option<u32> {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let rest = &w[digits.len()..];
    let ordinal = ["", "st", "nd", "rd", "th", "er", "e", "re", "º"];
    (digits.len() <= 2 && ordinal.contains(&rest.to_lowercase().as_str()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The dates written with a month name among the tokens of a line: `3 April`, `3. April`,
/// `3 апреля`, `29-го сентября`, `3 de abril de 2025`, `April 3, 2025`, `the 3rd of April`.
fn written_dates(toks: &[(usize, &str)], table: &[Vec<String>], min: usize) -> Vec<WrittenDate> {
    let filler = |k: usize| toks.get(k).is_some_and(|(_, w)| matches!(*w, "de" | "of" | "го" | "е" | "del"));
    let year =
        |k: usize| toks.get(k).filter(|(_, w)| is_year(w)).map(|(_, w)| (k, w.parse::<u32>().unwrap_or(0)));
    let mut out = Vec::new();
    for (k, (_, w)) in toks.iter().enumerate() {
        let Some((m, _)) = month_form(w, table, min) else { continue };
        let day_at = |j: usize| toks.get(j).and_then(|(_, d)| day_of(d)).map(|d| (j, d));
        let before = k
            .checked_sub(1)
            .and_then(day_at)
            .or_else(|| k.checked_sub(2).filter(|&j| filler(j + 1)).and_then(day_at));
        let after = day_at(k + 1).filter(|_| before.is_none());
        let last = after.map_or(k, |(j, _)| j);
        let y = year(last + 1).or_else(|| year(last + 2).filter(|_| filler(last + 1)));
        out.push(WrittenDate { month: (k, m), day: before.or(after), year: y });
    }
    out
}

fn days_in_month(m: usize) -> u32 {
    [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m % 12]
}

/// A day token with another day: `3` -> `13`, `3rd` -> `4th`, `1er` -> `2`.
fn with_day(w: &str, day: u32) -> String {
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    let rest = &w[digits..];
    let english = ["st", "nd", "rd", "th"];
    let suffix = if english.contains(&rest) {
        match (day % 10, day % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        }
    } else if matches!(rest, "er" | "re") {
        // French writes only the first of the month as an ordinal.
        ""
    } else {
        rest
    };
    format!("{day}{suffix}")
}

/// `date` (X802): in a date the source also has (same month, and the same day or year when
/// that is what changes), the month name is replaced by another month, the day number moved
/// to another day of that month, or the year of a full date moved. Returns the changed line.
fn plant_date(p: &Plant, target: &mut [String], rng: &mut Rng) -> Option<usize> {
    enum Change {
        Month(usize, usize),
        Day(u32, usize),
        Year(u32),
    }
    let a = p.a;
    let (tm, sm) = (months(p.tl), months(p.sl));
    let mut options = Vec::new();
    for &i in &p.body {
        let stoks = tokens(&a.source[i]);
        let sdates = written_dates(&stoks, &sm, 4);
        let ttoks = tokens(&a.target[i]);
        for d in written_dates(&ttoks, &tm, 4) {
            let (mk, m) = d.month;
            let same_month: Vec<&WrittenDate> = sdates.iter().filter(|s| s.month.1 == m).collect();
            if same_month.is_empty() {
                continue;
            }
            let (at, w) = ttoks[mk];
            if let Some((_, form)) = month_of(w, &tm) {
                options.push((i, at, w, Change::Month(m, form)));
            }
            if let Some((dk, day)) = d.day {
                if same_month.iter().any(|s| s.day.is_some_and(|x| x.1 == day)) {
                    options.push((i, ttoks[dk].0, ttoks[dk].1, Change::Day(day, m)));
                }
            }
            if let (Some((yk, y)), Some(_)) = (d.year, d.day) {
                if same_month.iter().any(|s| s.year.is_some_and(|x| x.1 == y)) {
                    options.push((i, ttoks[yk].0, ttoks[yk].1, Change::Year(y)));
                }
            }
        }
    }
    let (i, at, w, change) = rng.pick(&options)?;
    let new = match *change {
        Change::Month(m, form) => {
            let other = (m + 1 + rng.below(10)) % 12;
            let forms = &tm[other];
            let mut new = forms.get(form).cloned().unwrap_or_else(|| forms[0].clone());
            if w.chars().next().is_some_and(char::is_uppercase) {
                let mut c = new.chars();
                new = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
            }
            new
        }
        Change::Day(day, m) => {
            let moves: Vec<u32> = [-10i32, -7, -2, -1, 1, 2, 7, 10]
                .iter()
                .map(|d| day as i32 + d)
                .filter(|&d| d >= 1 && d as u32 <= days_in_month(m))
                .map(|d| d as u32)
                .collect();
            with_day(w, *rng.pick(&moves)?)
        }
        Change::Year(y) => {
            let moves = [-2i32, -1, 1, 2];
            (y as i32 + rng.pick(&moves)?).to_string()
        }
    };
    target[*i] = replace_at(&a.target[*i], *at, w, &new);
    Some(*i)
}

/// `name` (X803): one letter of a person's name is changed: a word of the full name of a
/// person the source's register knows (`Donald Trump`, `Theresa May`), as the target line
/// renders it (the same name key, or across scripts the same consonants, `Trump`/`Трамп`).
fn plant_name(p: &Plant, target: &mut [String], rng: &mut Rng) -> Option<usize> {
    let a = p.a;
    let all = vec![true; a.source.len()];
    let (src_text, spans) = build(&a.source, &a.paragraph, &all);
    let mut src = Document::from_text("source", src_text);
    src.meta.lang = Some(p.sl.into());
    let analysis = faithful::analysis::Analysis::new(&src, &Settings::default());
    let text = src.text.as_str();
    // Words of people's full names, by source line.
    let mut person_words: Vec<Vec<&str>> = vec![Vec::new(); a.source.len()];
    for person in analysis.people.people.iter().filter(|p| p.given.is_some()) {
        for m in person.mentions.iter().filter(|m| m.full) {
            let Some(i) =
                spans.iter().position(|s| s.is_some_and(|(b, e)| b <= m.span.start && m.span.end <= e))
            else {
                continue;
            };
            person_words[i].extend(
                text[m.span.start..m.span.end]
                    .split(|c: char| !c.is_alphabetic() && c != '-')
                    .filter(|w| w.chars().count() >= 4 && w.starts_with(char::is_uppercase)),
            );
        }
    }
    let cyr = |w: &str| w.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
    let renders = |sw: &str, tw: &str| {
        if declined_rendering(sw, tw, p.tl) {
            return true;
        }
        let (ks, kt) = (name_key(sw), name_key(tw));
        ks == kt
            || (cyr(sw) != cyr(tw)
                && sound_key(sw) == sound_key(tw)
                && sound_key(sw).chars().count() >= 2
                && { strsim::levenshtein(&ks, &kt) <= 2 })
    };
    let options: Vec<(usize, usize, &str)> = p
        .body
        .iter()
        .flat_map(|&i| {
            let words = &person_words[i];
            capitalised_names(&a.target[i])
                .into_iter()
                .filter(|(_, tw)| words.iter().any(|sw| renders(sw, tw)))
                .map(move |(at, w)| (i, at, w))
        })
        .collect();
    let &(i, at, w) = rng.pick(&options)?;
    // In a language that declines names, a last vowel changed gives another case of the same
    // name (`Сара`/`Саре`, `Трампа`/`Трампу`): a grammar slip at most, not a misspelt name.
    let declines = matches!(p.tl, "ru" | "uk" | "be" | "pl");
    let new = (0..10).find_map(|_| alter_letter(w, rng).filter(|n| !(declines && case_ending(w, n))))?;
    target[i] = replace_at(&a.target[i], at, w, &new);
    Some(i)
}

/// Whether target word `tw` (of language `tl`) is source word `sw` declined (`Трампом`,
/// `Trumpowi`), or across scripts a form of it one letter off (`Трамп` of Trump).
fn declined_rendering(sw: &str, tw: &str, tl: &str) -> bool {
    let cyr = |w: &str| w.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
    let forms = faithful::translit::name_forms(tw);
    let key = name_key(sw);
    let near = |f: &String| key.chars().count() >= 4 && strsim::levenshtein(&key, f) <= 1;
    faithful::translit::same_name_forms(&faithful::translit::name_forms(sw), &forms)
        || faithful::translit::nominatives(tw, tl).iter().any(|n| name_key(n) == key)
        || (cyr(sw) != cyr(tw) && forms.iter().any(near))
}

/// `missing` (X803): a person of the source's register with a given name and a full mention,
/// whom the translation names, is removed from the translation: each run of words (with the
/// particles between them) that renders a word of their name, in any line, becomes the target
/// language's pronoun of their gender. Returns the line where the source first names them.
fn plant_missing(p: &Plant, target: &mut [String], rng: &mut Rng) -> Option<usize> {
    let a = p.a;
    let (sa, stext, spans) = analyse_side(&a.source, &a.paragraph, p.sl);
    let line_of = |at: usize| spans.iter().position(|s| s.is_some_and(|(b, e)| b <= at && at < e));
    let cyr = |w: &str| w.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c));
    let renders = |sw: &str, tw: &str| {
        if declined_rendering(sw, tw, p.tl) {
            return true;
        }
        let (ks, kt) = (name_key(sw), name_key(tw));
        let common = ks.chars().zip(kt.chars()).take_while(|(x, y)| x == y).count();
        ks == kt
            || (ks.chars().count() >= 4
                && common + 2 >= ks.chars().count()
                && common + 3 >= kt.chars().count())
            || (cyr(sw) != cyr(tw)
                && sound_key(sw) == sound_key(tw)
                && sound_key(sw).chars().count() >= 2
                && strsim::levenshtein(&ks, &kt) <= 2)
    };
    // People named in full whose name the translation writes somewhere.
    let people: Vec<(&faithful::analysis::speakers::Person, usize)> = sa
        .people
        .people
        .iter()
        // A person, not a place or a paper the register read as one (`Punta Eugenia`,
        // `Morning Post`): a given name of the `gender_guesser` dictionary.
        .filter(|person| {
            let Some(given) = person.given.as_deref().and_then(|g| g.split_whitespace().next()) else {
                return false;
            };
            !faithful::names::given_name_genders(given).is_empty() && person.mentions.iter().any(|m| m.full)
        })
        .filter_map(|person| {
            let first = person.mentions.iter().map(|m| m.span.start).min()?;
            Some((person, line_of(first)?))
        })
        .filter(|(person, _)| {
            let words: Vec<&str> = person.name.split_whitespace().collect();
            target.iter().any(|l| {
                tokens(l).iter().any(|(_, tw)| {
                    tw.starts_with(char::is_uppercase) && words.iter().any(|sw| renders(sw, tw))
                })
            })
        })
        .collect();
    let &(person, line) = rng.pick(&people)?;
    let _ = &stext;
    let gender = match person.gender {
        faithful::analysis::speakers::Gender::Male => "m",
        faithful::analysis::speakers::Gender::Female => "f",
        faithful::analysis::speakers::Gender::Any => "p",
    };
    let pronoun = faithful::lang::records(p.tl, "pronouns.txt")
        .find(|r| r.get(1) == Some(&gender))
        .or_else(|| faithful::lang::records(p.tl, "pronouns.txt").next())
        .map(|r| r[0].to_string())?;
    let words: Vec<&str> = person.name.split_whitespace().collect();
    let name_word = |w: &str| w.starts_with(char::is_uppercase) && words.iter().any(|sw| renders(sw, w));
    let mut changed = false;
    for l in target.iter_mut() {
        let toks = tokens(l);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for (k, &(at, w)) in toks.iter().enumerate() {
            if !name_word(w) {
                continue;
            }
            let end = at + w.len();
            // Joined to the previous run across spaces, hyphens or a particle.
            let joined = runs.last().is_some_and(|&(_, e)| {
                let gap = &l[e..at];
                gap.chars().all(|c| c == ' ' || c == '-')
                    || (k > 0
                        && faithful::names::is_particle(toks[k - 1].1)
                        && gap.split_whitespace().count() == 1)
            });
            match runs.last_mut() {
                Some(r) if joined => r.1 = end,
                _ => runs.push((at, end)),
            }
        }
        for &(b, e) in runs.iter().rev() {
            let mut with = pronoun.clone();
            if b == 0 || l[..b].trim_end().ends_with(['.', '!', '?', '"', '“', '«']) {
                let mut c = with.chars();
                with = c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default();
            }
            *l = format!("{}{}{}", &l[..b], with, &l[e..]);
            changed = true;
        }
    }
    // Only a person now named nowhere counts: a word of the name the runs above left (a
    // transcription too far from the source's letters to be recognised) makes no case.
    let left = target.iter().any(|l| {
        // A word of the name inside a longer one (`Mills-Hicks`) names them too.
        words.iter().any(|sw| sw.chars().count() >= 4 && l.contains(sw))
            || tokens(l).iter().any(|(_, tw)| {
                tw.starts_with(char::is_uppercase)
                    && words.iter().any(|sw| {
                        let (ks, kt) = (name_key(sw), name_key(tw));
                        strsim::levenshtein(&ks, &kt) <= (ks.chars().count() / 3).max(2)
                            || (sound_key(sw) == sound_key(tw) && sound_key(sw).chars().count() >= 2)
                    })
            })
    });
    (changed && !left).then_some(line)
}

/// Whether two spellings differ only by their last letter, a one-letter case ending in both
/// (Russian, Ukrainian, Belarusian or Polish: `а я у ю е и ы і`, `a y e i ę ą`).
fn case_ending(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let vowel = |c: char| "аяуюеиыіayeięą".contains(c);
    let n = a.len();
    n == b.len()
        && n > 1
        && a[..n - 1] == b[..n - 1]
        && a[n - 1] != b[n - 1]
        && vowel(a[n - 1])
        && vowel(b[n - 1])
}

/// The people and quote speakers of one side of an article, as the library's analysis reads
/// them, with the text and each line's span.
fn analyse_side(
    lines: &[String],
    paragraph: &[usize],
    lang: &str,
) -> (faithful::analysis::Analysis, String, Vec<Option<(usize, usize)>>) {
    let (text, spans) = build(lines, paragraph, &vec![true; lines.len()]);
    let mut doc = Document::from_text("side", text.clone());
    doc.meta.lang = Some(lang.into());
    (faithful::analysis::Analysis::new(&doc, &Settings::default()), text, spans)
}

/// Whether two written names share a name (a word with the same name key, or the same start
/// when one side inflects it).
fn same_key(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 2).map(name_key).collect()
    };
    let (wa, wb) = (words(a), words(b));
    wa.iter().any(|x| {
        wb.iter().any(|y| {
            x == y || {
                let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
                common >= 4 && x.chars().count().abs_diff(y.chars().count()) <= 2
            }
        })
    })
}

/// `speaker` (X804): a quote the translation credits to a named person, whom the source also
/// credits with a quote in the same line, is credited to another person of the article
/// instead (written as the translation writes that person, full name or surname as the
/// replaced mention). Articles naming fewer than two people are skipped.
fn plant_speaker(p: &Plant, target: &mut [String], rng: &mut Rng) -> Option<usize> {
    use faithful::analysis::quotes::SpeakerKind;
    let a = p.a;
    let (ta, ttext, tspans) = analyse_side(&a.target, &a.paragraph, p.tl);
    let (sa, _, sspans) = analyse_side(&a.source, &a.paragraph, p.sl);
    let people = &ta.people.people;
    // People of the article: named with a given name and a surname somewhere in it, and
    // quoted by name on both sides (the source credits someone of the same name with a quote
    // too), so that a capitalised phrase read as a name on one side does not count.
    let credited_in_source = |name: &str| {
        sa.quotes.quotes.iter().any(|q| {
            q.speaker.as_ref().is_some_and(|s| {
                s.kind == SpeakerKind::Person
                    && s.person.is_some_and(|k| same_key(&sa.people.people[k].name, name))
            })
        })
    };
    let quoted: Vec<usize> = ta
        .quotes
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| s.kind == SpeakerKind::Person)
        .filter_map(|s| s.person)
        .collect();
    let persons: Vec<usize> = (0..people.len())
        .filter(|&k| people[k].given.is_some() && quoted.contains(&k) && credited_in_source(&people[k].name))
        .collect();
    if persons.len() < 2 {
        return None;
    }
    let mut options = Vec::new();
    for &i in &p.body {
        let (Some(tl), Some(sl)) = (tspans[i], sspans[i]) else { continue };
        for q in &ta.quotes.quotes {
            let Some(sp) = &q.speaker else { continue };
            let Some(who) = sp.person else { continue };
            let mention = &ttext[sp.mention.start..sp.mention.end];
            if sp.kind != SpeakerKind::Person
                || sp.mention.start < tl.0
                || sp.mention.end > tl.1
                || !mention.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            // The source credits the same person with a quote of this line.
            let credited = sa.quotes.quotes.iter().any(|sq| {
                sq.span.start >= sl.0
                    && sq.span.end <= sl.1
                    && sq
                        .speaker
                        .as_ref()
                        .and_then(|s| s.person)
                        .is_some_and(|sp| same_key(&sa.people.people[sp].name, &people[who].name))
            });
            if credited {
                let lead = a.target[i].len() - a.target[i].trim_start().len();
                options.push((i, lead + sp.mention.start - tl.0, mention.to_string(), who));
            }
        }
    }
    let (i, at, mention, who) = rng.pick(&options)?.clone();
    let others: Vec<usize> = persons
        .iter()
        .copied()
        .filter(|&k| {
            k != who
                && !same_key(&people[k].name, &people[who].name)
                && !same_key(&people[k].name, &a.source[i])
        })
        .collect();
    let other_k = *rng.pick(&others)?;
    let other = &people[other_k];
    // The other person as written: a mention of the same fullness as the one replaced (a
    // speaker's mention, in the nominative, when the text has one), else the register's form.
    let full = mention.split_whitespace().count() > 1;
    let written = ta
        .quotes
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| s.kind == SpeakerKind::Person && s.person == Some(other_k))
        .map(|s| ttext[s.mention.start..s.mention.end].to_string())
        .find(|m| (m.split_whitespace().count() > 1) == full);
    let new = written.unwrap_or_else(|| if full { other.name.clone() } else { other.surname.clone() });
    if target[i].get(at..at + mention.len()) != Some(mention.as_str()) {
        return None;
    }
    target[i] = replace_at(&a.target[i], at, &mention, &new);
    Some(i)
}

/// The quotations of a line: byte ranges of the quoted text (marks and the spaces inside
/// French guillemets excluded), for `“…”`, `„…“`, `«…»`, `‹…›` and straight `"…"`.
fn quotations(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some((i, open)) = s[rest..]
        .char_indices()
        .map(|(i, c)| (rest + i, c))
        .find(|(_, c)| matches!(c, '“' | '„' | '«' | '‹' | '"'))
    {
        let closers: &[char] = match open {
            '“' => &['”'],
            '„' => &['“', '”'],
            '«' => &['»'],
            '‹' => &['›'],
            _ => &['"'],
        };
        let from = i + open.len_utf8();
        let Some(j) = s[from..].find(closers).map(|j| from + j) else { break };
        let inner = &s[from..j];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if from + lead < j - trail {
            out.push((from + lead, j - trail));
        }
        rest = j + s[j..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Whether a quotation reads as speech, not as a title, a name or a short phrase (which may
/// legitimately stay in the original): four words or more, and
/// most of its longer words in lower case (`Just the Funny Parts: And a Few Hard Truths` is a
/// book, `We will not back down` a statement).
fn is_speech(q: &str) -> bool {
    let words: Vec<&str> = q.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let long: Vec<&&str> =
        words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let lower =
        long.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)).count();
    words.len() >= 4 && lower * 2 > long.len()
}

/// `quote` (X806): in a line with as many quotations as its source line, one quotation's
/// text is replaced by the source's, left in the source language. Only statements in the
/// source's own language qualify (a title, or a French saying the English source also keeps
/// in French, is not an error when left as it is). Returns the line and the quotation's span
/// in the trimmed line.
fn plant_quote(p: &Plant, target: &mut [String], rng: &mut Rng) -> Option<(usize, (usize, usize))> {
    let a = p.a;
    let norm = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    let mut options = Vec::new();
    for &i in &p.body {
        let (tq, sq) = (quotations(&a.target[i]), quotations(&a.source[i]));
        if tq.is_empty() || tq.len() != sq.len() {
            continue;
        }
        for (k, (&t, &s)) in tq.iter().zip(&sq).enumerate() {
            let (tt, st) = (&a.target[i][t.0..t.1], &a.source[i][s.0..s.1]);
            if is_speech(st)
                && norm(tt) != norm(st)
                && faithful::analysis::language::detect_with_hint(st, &[], Some(p.sl)).code == p.sl
            {
                options.push((i, k));
            }
        }
    }
    let &(i, k) = rng.pick(&options)?;
    let (t, s) = (quotations(&a.target[i])[k], quotations(&a.source[i])[k]);
    let st = &a.source[i][s.0..s.1];
    target[i] = format!("{}{}{}", &a.target[i][..t.0], st, &a.target[i][t.1..]);
    let lead = target[i].len() - target[i].trim_start().len();
    Some((i, (t.0 - lead, t.0 - lead + st.len())))
}

/// Changes one inner letter of a name so that it no longer reads as the same name.
fn alter_letter(w: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = w.chars().collect();
    let cyr = chars.iter().any(|c| ('\u{400}'..='\u{4FF}').contains(c));
    let (vowels, consonants): (&[char], &[char]) = if cyr {
        (&['а', 'о', 'у', 'и', 'е'], &['н', 'р', 'л', 'т', 'м', 'к', 'с', 'в'])
    } else {
        (&['a', 'o', 'u', 'i', 'e'], &['n', 'r', 'l', 't', 'm', 'k', 's', 'v'])
    };
    for _ in 0..20 {
        let k = 1 + rng.below(chars.len() - 1);
        let pool = if vowels.contains(&chars[k]) { vowels } else { consonants };
        let c = *rng.pick(pool)?;
        let mut new = chars.clone();
        new[k] = c;
        let s: String = new.into_iter().collect();
        if name_key(&s) != name_key(w) {
            return Some(s);
        }
    }
    None
}

fn overlaps(a: (usize, usize), start: usize, end: usize) -> bool {
    a.0 < end.max(start + 1) && start < a.1
}

#[derive(Default)]
struct Tally {
    planted: usize,
    found: usize,
    /// Findings of the rule on planted copies that are not the planted error.
    stray: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let dir = PathBuf::from(opt("--ntrex").unwrap_or_else(|| "/work/shared/corpora/ntrex".into()));
    let seed: u64 = opt("--seed").and_then(|s| s.parse().ok()).unwrap_or(2025);
    let langs: Vec<String> =
        opt("--langs").unwrap_or_else(|| "rus,deu,fra,spa".into()).split(',').map(String::from).collect();
    let show = opt("--show");
    let kinds: Vec<String> = opt("--kinds")
        .map(|k| k.split(',').map(String::from).collect())
        .unwrap_or_else(|| CODES.iter().map(|(k, _)| k.to_string()).collect());
    let Ok(ids) = std::fs::read_to_string(dir.join("DOCUMENT_IDS.tsv")) else {
        eprintln!("NTREX not found at {} (use --ntrex DIR)", dir.display());
        return;
    };
    let ids: Vec<String> = ids.lines().map(|l| l.split('\t').next().unwrap_or("").to_string()).collect();
    let read = |name: &str| -> Vec<String> {
        std::fs::read_to_string(dir.join(name)).unwrap_or_default().lines().map(String::from).collect()
    };
    let english = read("newstest2019-src.eng.txt");
    let mut settings = Settings { select: vec!["X8".into()], ..Settings::default() };
    settings.fail_on = faithful::config::FailOn::Never;
    let mut clean_by_rule: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total_pairs = 0usize;
    let mut total_bytes = 0usize;
    let mut total_secs = 0.0f64;
    let mut total_cpu = 0.0f64;
    let mut cases_out = opt("--cases-out").map(|p| {
        std::io::BufWriter::new(std::fs::File::create(&p).unwrap_or_else(|e| panic!("--cases-out {p}: {e}")))
    });
    let mut alarms = 0usize;
    for lang in &langs {
        let other = read(&format!("newstest2019-ref.{lang}.txt"));
        if other.len() != english.len() {
            eprintln!("skipping {lang}: {} lines vs {}", other.len(), english.len());
            continue;
        }
        for dir_pair in [("eng".to_string(), lang.clone()), (lang.clone(), "eng".to_string())] {
            let (src_lines, tgt_lines) =
                if dir_pair.0 == "eng" { (&english, &other) } else { (&other, &english) };
            let mut rng = Rng(seed ^ fxhash(&dir_pair.0) ^ fxhash(&dir_pair.1).rotate_left(17));
            let articles = articles(&ids, src_lines, tgt_lines, &mut rng);
            let label = format!("{}->{}", iso(&dir_pair.0), iso(&dir_pair.1));
            if let Some(out) = opt("--xliff-out") {
                write_xliff(Path::new(&out), &label, &dir_pair, src_lines, tgt_lines);
            }
            // Clean pairs: false alarms and throughput.
            let clean: Vec<Case> = articles
                .iter()
                .map(|a| make_case(a, &dir_pair, a.target.clone(), vec![true; a.target.len()], None))
                .collect();
            let bytes: usize =
                clean.iter().map(|c| c.doc.text.len() + c.doc.source.as_ref().unwrap().text.len()).sum();
            let docs = clean.iter().map(|c| Ok(c.doc.clone())).collect();
            let (t0, c0) = (Instant::now(), cpu_seconds());
            let report = faithful::check(docs, &settings);
            total_secs += t0.elapsed().as_secs_f64();
            total_cpu += cpu_seconds() - c0;
            total_bytes += bytes;
            let pairs: usize = articles.iter().map(|a| a.source.len()).sum();
            total_pairs += pairs;
            let per_rule = clean_by_rule.entry(label.clone()).or_default();
            for d in &report.documents {
                for f in &d.findings {
                    *per_rule.entry(f.code).or_default() += 1;
                    if f.severity >= faithful::finding::Severity::Warning {
                        alarms += 1;
                    }
                    if show.as_deref() == Some(f.code) || show.as_deref() == Some("clean") {
                        println!(
                            "[clean {label} {}] {} {} | {:?}",
                            d.id.as_deref().unwrap_or(""),
                            f.code,
                            f.message,
                            f.text
                        );
                    }
                }
            }
            // Planted errors.
            let mut cases = Vec::new();
            for a in &articles {
                for &(kind, _) in CODES.iter().filter(|(k, _)| kinds.iter().any(|x| x == k)) {
                    if let Some(c) = plant(a, &dir_pair, kind, seed) {
                        cases.push(c);
                    }
                }
            }
            let report = faithful::check(cases.iter().map(|c| Ok(c.doc.clone())).collect(), &settings);
            score(&cases, &report, &clean, &mut tallies, show.as_deref(), &label);
            if let Some(w) = cases_out.as_mut() {
                for c in clean.iter().chain(&cases) {
                    write_case(w, &label, c);
                }
            }
        }
    }
    println!("\n== False alarms on clean NTREX pairs (findings per rule) ==");
    for (label, rules) in &clean_by_rule {
        let list: Vec<String> = rules.iter().map(|(c, n)| format!("{c}:{n}")).collect();
        println!("{label:8} {}", if list.is_empty() { "none".into() } else { list.join(" ") });
    }
    println!(
        "warnings+errors: {alarms} over {total_pairs} sentence pairs = {:.2} per 100",
        alarms as f64 * 100.0 / total_pairs.max(1) as f64
    );
    println!("\n== Planted errors (seed {seed}) ==");
    println!(
        "{:13} {:5} {:>7} {:>6} {:>6} {:>9} {:>7}",
        "kind", "rule", "planted", "found", "stray", "precision", "recall"
    );
    let (mut p_all, mut f_all) = (0, 0);
    for &(kind, code) in CODES {
        let t = tallies.entry(kind).or_default();
        p_all += t.planted;
        f_all += t.found;
        println!(
            "{kind:13} {code:5} {:>7} {:>6} {:>6} {:>8.1}% {:>6.1}%",
            t.planted,
            t.found,
            t.stray,
            100.0 * t.found as f64 / (t.found + t.stray).max(1) as f64,
            100.0 * t.found as f64 / t.planted.max(1) as f64
        );
    }
    println!("all: {f_all}/{p_all} = {:.1}%", 100.0 * f_all as f64 / p_all.max(1) as f64);
    println!(
        "\nthroughput (clean pairs, source+translation): {:.2} MB in {:.2} s wall = {:.2} MB/s; \
         {:.2} CPU s = {:.2} MB per CPU second; peak RSS {}",
        total_bytes as f64 / 1e6,
        total_secs,
        total_bytes as f64 / 1e6 / total_secs.max(1e-9),
        total_cpu,
        total_bytes as f64 / 1e6 / total_cpu.max(1e-9),
        peak_rss()
    );
}

fn score(
    cases: &[Case],
    report: &Report,
    clean: &[Case],
    tallies: &mut BTreeMap<&'static str, Tally>,
    show: Option<&str>,
    label: &str,
) {
    for (case, d) in cases.iter().zip(&report.documents) {
        let Some(p) = &case.planted else { continue };
        let code = CODES.iter().find(|(k, _)| *k == p.kind).map(|(_, c)| *c).unwrap_or("");
        let t = tallies.entry(p.kind).or_default();
        t.planted += 1;
        let hit = |f: &faithful::report::FindingField| {
            let on_target = case.target_spans[p.line].is_some_and(|s| overlaps(s, f.span.start, f.span.end));
            let on_source = f.evidence.iter().any(|e| {
                e.path.as_deref() == Some("source")
                    && case.source_spans[p.line].is_some_and(|s| overlaps(s, e.span.start, e.span.end))
            });
            match (p.kind, p.within) {
                ("dropped", _) => on_source,
                // On the quotation, and not much more than it.
                (_, Some((a, b))) => case.target_spans[p.line].is_some_and(|s| {
                    let (qa, qb) = (s.0 + a, s.0 + b);
                    overlaps((qa, qb), f.span.start, f.span.end)
                        && f.span.start + 4 >= qa
                        && f.span.end <= qb + 4
                }),
                _ => on_target,
            }
        };
        // A missing person is reported as such, not as a name misspelt on that line.
        let found = d.findings.iter().any(|f| {
            f.code == code && hit(f) && (p.kind != "missing" || f.message.contains("does not name"))
        });
        if found {
            t.found += 1;
        } else if show == Some("missed") || show == Some(code) {
            let line = &case.doc.text;
            if p.kind == "dropped" {
                let a = faithful::analysis::Analysis::new(&case.doc, &Settings::default());
                let al = a.alignment.as_ref().unwrap();
                let src = &case.doc.source.as_ref().unwrap().text;
                let (ls, le) = case.source_spans[p.line].unwrap();
                for q in &al.pairs {
                    let Some(ss) = q.source_span() else { continue };
                    if ss.end + 300 > ls && ss.start < le + 300 {
                        println!(
                            "   pair {}-{} cost {:.2} drop={} src={:?} tgt={:?}",
                            q.source.len(),
                            q.target.len(),
                            q.cost,
                            ss.start < le && ls < ss.end,
                            &src[ss.start..ss.end].chars().take(50).collect::<String>(),
                            q.target_span()
                                .map(|t| line[t.start..t.end].chars().take(50).collect::<String>())
                        );
                    }
                }
            }
            println!(
                "[missed {label} {} {}] line {}: {:?}\n   findings: {:?}",
                p.kind,
                case.doc.id.as_deref().unwrap_or(""),
                p.line,
                case.target_spans[p.line].map(|s| &line[s.0..s.1]),
                d.findings.iter().map(|f| format!("{} {}", f.code, f.message)).collect::<Vec<_>>()
            );
            // What changed (against the clean copy of the article), and the source line.
            if let Some(c) = clean.iter().find(|c| c.doc.id == case.doc.id) {
                let words = |t: &str, s: Option<(usize, usize)>| -> Vec<String> {
                    s.map(|s| t[s.0..s.1].split_whitespace().map(String::from).collect()).unwrap_or_default()
                };
                let (was, now) =
                    (words(&c.doc.text, c.target_spans[p.line]), words(line, case.target_spans[p.line]));
                let changed: Vec<String> = was
                    .iter()
                    .zip(&now)
                    .filter(|(a, b)| a != b)
                    .map(|(a, b)| format!("{a} -> {b}"))
                    .collect();
                let src = case.doc.source.as_ref().map_or("", |s| s.text.as_str());
                println!(
                    "   changed: {changed:?}\n   source: {:?}",
                    case.source_spans[p.line].map(|s| &src[s.0..s.1])
                );
            }
        }
        for f in d.findings.iter().filter(|f| f.code == code && !hit(f)) {
            t.stray += 1;
            if show == Some("stray") {
                println!(
                    "[stray {label} {} {}] {} | {:?}",
                    p.kind,
                    case.doc.id.as_deref().unwrap_or(""),
                    f.message,
                    f.text
                );
            }
        }
    }
}

/// One JSON line per document pair: its direction, article, planted kind and line (if any),
/// and the source and target sentences line by line (`null` for a dropped one).
fn write_case(w: &mut impl std::io::Write, label: &str, c: &Case) {
    let src = &c.doc.source.as_ref().map_or("", |s| s.text.as_str());
    let line = |text: &str, span: &Option<(usize, usize)>| span.map(|(a, b)| text[a..b].to_string());
    let record = serde_json::json!({
        "direction": label,
        "id": c.doc.id,
        "kind": c.planted.as_ref().map(|p| p.kind),
        "line": c.planted.as_ref().map(|p| p.line),
        "source": c.source_spans.iter().map(|s| line(src, s)).collect::<Vec<_>>(),
        "target": c.target_spans.iter().map(|s| line(&c.doc.text, s)).collect::<Vec<_>>(),
        "source_text": src,
        "target_text": c.doc.text,
    });
    let _ = writeln!(w, "{record}");
}

fn fxhash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

fn articles(ids: &[String], src: &[String], tgt: &[String], rng: &mut Rng) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    let mut i = 0;
    while i < ids.len().min(src.len()) {
        let id = &ids[i];
        let mut j = i;
        while j < ids.len() && ids[j] == *id {
            j += 1;
        }
        // The title alone, then paragraphs of one to three sentences.
        let mut paragraph = vec![0];
        let (mut p, mut left) = (0, 0);
        for _ in 1..j - i {
            if left == 0 {
                p += 1;
                left = 1 + rng.below(3);
            }
            paragraph.push(p);
            left -= 1;
        }
        out.push(Article {
            id: id.clone(),
            source: src[i..j].to_vec(),
            target: tgt[i..j].to_vec(),
            paragraph,
        });
        i = j;
    }
    out
}

fn write_xliff(dir: &Path, label: &str, langs: &(String, String), src: &[String], tgt: &[String]) {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"ntrex\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\"><body>\n",
        iso(&langs.0),
        iso(&langs.1)
    );
    for (i, (s, t)) in src.iter().zip(tgt).enumerate() {
        x.push_str(&format!(
            "<trans-unit id=\"{}\"><source>{}</source><target>{}</target></trans-unit>\n",
            i + 1,
            esc(s),
            esc(t)
        ));
    }
    x.push_str("</body></file></xliff>\n");
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(dir.join(format!("ntrex-{}.xlf", label.replace("->", "-"))), x);
}

/// CPU time (user + system) of this process so far, from `/proc/self/stat` (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| f.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; 100 ticks/s.
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
