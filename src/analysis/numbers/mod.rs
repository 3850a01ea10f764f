//! Numbers with their locale formats, scale words and units.
//!
//! Every number the text writes (`1,234.5`, `1 234,5`, `1.234,5`, `7,5 тыс.`, `$12 billion`,
//! `48,7 Milliarden Euro`, `15:00`, `3 p.m.`, `the 1930s`, `two`) becomes a
//! [`NumberMention`] with its normalized value, kind and unit, and the other values a
//! professional translation may legitimately write for it (`30 yards` -> `27 м`,
//! `3 p.m.` -> `15:00`, `the 1930s` -> `30-х`). [`equivalent`] compares two mentions across
//! languages; the cross-language rule X801 uses it.

mod lexicon;
mod scan;

use crate::analysis::dates::DateMention;
use crate::analysis::LangGuess;
use crate::document::Document;
use crate::span::Span;
use crate::text::TextModel;

pub use lexicon::Unit;

/// What a number counts or measures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NumberKind {
    /// A plain quantity (`12`, `3 тыс.`, `two`).
    #[default]
    Count,
    Percent,
    /// Percentage points (`2 pp`, `2 п.п.`).
    Points,
    /// An amount with a currency (`$12 billion`, `340 млрд рублей`).
    Money,
    /// A quantity with a unit of measurement (`30 yards`, `27 м`, `75 °F`).
    Measure,
    /// `3rd`, `3-й`, `1er`.
    Ordinal,
    /// A four-digit year (`1998`) standing alone.
    Year,
    /// `the 1930s`, `30-х`: value is the decade's first year.
    Decade,
    /// A clock time; value in hours (`15:30` = 15.5).
    Time,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    pub span: Span,
    /// The normalized value, scale applied (`7,5 тыс.` = 7500; `48,7 Milliarden` = 4.87e10).
    pub value: f64,
    pub kind: NumberKind,
    /// Canonical unit or currency code (`%`, `USD`, `RUB`, `km`, `°F`), if any.
    pub unit: Option<&'static str>,
    /// The unit's dimension (`currency`, `length`, `mass`, `temperature`, ...).
    pub dimension: Option<&'static str>,
    /// Factor from `unit` to its dimension's base unit (miles -> metres: 1609.344).
    pub factor: f64,
    /// The scale word's multiplier (`млрд` = 1e9), 1 when there is none.
    pub scale: f64,
    /// Other readings of the same text: the other side of an ambiguous separator
    /// (`1,234` in undetermined text), the 12-hour form of a clock time, `30` for `30-х`.
    pub alternatives: Vec<f64>,
    /// Written in words (`two`, `более тысячи`): translations often write these as digits or
    /// drop them, so comparisons treat them as optional.
    pub words: bool,
    /// Part of a date mention (the `3` of `3 April`); the date rules handle those.
    pub in_date: bool,
}

impl NumberMention {
    /// Every value this mention may stand for, in its own unit.
    pub fn readings(&self) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(self.value).chain(self.alternatives.iter().copied())
    }
}

/// Every number in the text, in text order. Each paragraph is read with its own language
/// when detected (see `dates::paragraph_lang`), else with `lang`; `und` keeps both readings
/// of an ambiguous `1,234`.
pub fn analyze(
    doc: &Document,
    text: &TextModel,
    lang: &str,
    paragraph_langs: &[LangGuess],
    dates: &[DateMention],
) -> Vec<NumberMention> {
    let s = doc.text.as_str();
    let mut out = Vec::new();
    for (i, para) in text.paragraphs.iter().enumerate() {
        if para.kind == crate::text::ParagraphKind::Code {
            continue;
        }
        let plang = crate::analysis::dates::paragraph_lang(lang, paragraph_langs, i);
        let mut found = scan::numbers(s, para.span, plang);
        if plang != lang {
            // A short paragraph (a title, a one-line caption) can be detected as another
            // language than the document's, pulled by its names: `1,800` then also keeps the
            // document's reading.
            let others = scan::numbers(s, para.span, lang);
            for m in &mut found {
                let same = others.iter().find(|o| o.span.start == m.span.start && o.scale == m.scale);
                if let Some(o) = same {
                    for v in o.readings() {
                        if v != m.value && !m.alternatives.contains(&v) {
                            m.alternatives.push(v);
                        }
                    }
                }
            }
        }
        out.extend(found);
    }
    for n in &mut out {
        n.in_date = dates
            .iter()
            .any(|d| d.span.contains(n.span) && d.kind != crate::analysis::dates::DateKind::Decade);
    }
    out
}

/// Numbers of a bare string (a sentence, a segment), for comparisons outside a document.
pub fn in_text(s: &str, lang: &str) -> Vec<NumberMention> {
    scan::numbers(s, Span::new(0, s.len()), lang)
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    let m = a.abs().max(b.abs());
    (a - b).abs() <= (m * rel).max(1e-9)
}

/// The readings of a temperature in °C (`degrees` alone may be either scale). Fahrenheit
/// may also be a difference (`10 degrees above average` = 6 °C above).
fn celsius(v: f64, unit: &str) -> Vec<f64> {
    match unit {
        "°F" => vec![(v - 32.0) * 5.0 / 9.0, v * 5.0 / 9.0],
        "deg" => vec![v, (v - 32.0) * 5.0 / 9.0, v * 5.0 / 9.0],
        _ => vec![v],
    }
}

/// A converted value `x` written as `y`: within 3 %, or rounded (either way) to the last
/// significant digit `y` writes (`3 inches` = 7.62 cm written `7`, `190 miles` = 305.8 km
/// written `300`); `800 kph` written `840` is not a rounding.
fn rounded(x: f64, y: f64) -> bool {
    if close(x, y, 0.03) {
        return true;
    }
    if y.fract() != 0.0 || y == 0.0 {
        return false;
    }
    let mut step = 1.0;
    while (y / (step * 10.0)).fract() == 0.0 && step < 1e12 {
        step *= 10.0;
    }
    (x - y).abs() < step
}

/// Two known units that cannot be the same: different currencies, or units of one dimension
/// with different sizes (`497 mph` is not `497 км/ч`).
fn units_clash(a: &NumberMention, b: &NumberMention) -> bool {
    match (a.unit, b.unit, a.dimension, b.dimension) {
        (Some(ua), Some(ub), Some(da), Some(db)) if ua != ub && da == db => {
            da == "currency"
                || (da == "temperature" && ua != "deg" && ub != "deg")
                || (a.factor - b.factor).abs() > 1e-12
        }
        _ => false,
    }
}

/// Whether two mentions (usually in different languages) can stand for the same quantity:
/// same value in any reading (units permitting), or a unit conversion a translator would
/// write (miles -> km, pounds -> kg, °F -> °C, rounded), a clock time in the other
/// convention, a decade's short form.
pub fn equivalent(a: &NumberMention, b: &NumberMention) -> bool {
    same_value(a, b) || converted(a, b)
}

/// Same value in some reading, and no clash of units.
pub fn same_value(a: &NumberMention, b: &NumberMention) -> bool {
    !units_clash(a, b) && a.readings().any(|x| b.readings().any(|y| close(x, y, 1e-9)))
}

/// A unit conversion a translator would write, rounded (within 10 %, or 1 °C).
pub fn converted(a: &NumberMention, b: &NumberMention) -> bool {
    if let (Some(da), Some(db)) = (a.dimension, b.dimension) {
        if da == db && a.unit != b.unit && !matches!(da, "currency" | "percent" | "points" | "age") {
            if da == "temperature" {
                let (ca, cb) =
                    (celsius(a.value, a.unit.unwrap_or("")), celsius(b.value, b.unit.unwrap_or("")));
                return ca.iter().any(|x| cb.iter().any(|y| (x - y).abs() <= 1.0));
            }
            return rounded(a.value * a.factor / b.factor, b.value)
                || rounded(b.value * b.factor / a.factor, a.value);
        }
    }
    // One side names a foreign unit, the other writes the converted value without a unit the
    // data knows: accept a converted match in the base unit or a thousandfold of it.
    for (m, other) in [(a, b), (b, a)] {
        if let Some(dim) = m.dimension {
            if other.unit.is_none()
                && matches!(dim, "length" | "mass" | "area" | "volume" | "speed")
                && m.factor != 1.0
            {
                let base = m.value * m.factor;
                if [1.0, 1000.0, 0.01, 0.001].iter().any(|f| rounded(base / f, other.value)) {
                    return true;
                }
            }
            if dim == "temperature"
                && other.unit.is_none()
                && celsius(m.value, m.unit.unwrap_or("")).iter().any(|c| (c - other.value).abs() <= 1.0)
            {
                return true;
            }
        }
    }
    false
}

type Pairing = &'static dyn Fn(&NumberMention, &NumberMention) -> bool;

/// Pairs the numbers of a text `a` with those of its translation `b` and returns the
/// indices left without a partner on each side. Exact values pair first, then unit
/// conversions; numbers written in words are optional (translators write them as digits or
/// drop them), and so is a number that restates a neighbour in another unit
/// (`six meters (18 feet)` translated as `шесть метров`).
pub fn unpaired(a: &[NumberMention], b: &[NumberMention]) -> (Vec<usize>, Vec<usize>) {
    let mut pa: Vec<Option<usize>> = vec![None; a.len()];
    let mut pb: Vec<Option<usize>> = vec![None; b.len()];
    let passes: [Pairing; 5] = [
        &|x, y| !x.words && !y.words && x.unit == y.unit && same_value(x, y),
        &|x, y| !x.words && !y.words && same_value(x, y),
        &|x, y| x.unit == y.unit && same_value(x, y),
        &|x, y| same_value(x, y),
        &|x, y| converted(x, y),
    ];
    for pass in passes {
        for (i, x) in a.iter().enumerate() {
            if pa[i].is_some() {
                continue;
            }
            if let Some(j) = (0..b.len()).find(|&j| pb[j].is_none() && pass(x, &b[j])) {
                pa[i] = Some(j);
                pb[j] = Some(i);
            }
        }
    }
    let left = |side: &[NumberMention], paired: &[Option<usize>]| -> Vec<usize> {
        (0..side.len())
            .filter(|&i| paired[i].is_none() && !side[i].words)
            .filter(|&i| {
                !side.iter().enumerate().any(|(k, o)| k != i && paired[k].is_some() && converted(&side[i], o))
            })
            .collect()
    };
    (left(a, &pa), left(b, &pb))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str, lang: &str) -> Vec<(f64, NumberKind, Option<&'static str>)> {
        in_text(s, lang).into_iter().map(|n| (n.value, n.kind, n.unit)).collect()
    }

    #[test]
    fn locale_formats_and_scales() {
        use NumberKind::*;
        assert_eq!(vals("1,234.5 and 1 234,5 and 1.234,5", "en")[0].0, 1234.5);
        assert_eq!(vals("1 234,5", "ru")[0].0, 1234.5);
        assert_eq!(vals("1.234,5", "de")[0].0, 1234.5);
        assert_eq!(vals("1\u{a0}234,5", "fr")[0].0, 1234.5);
        assert_eq!(vals("340 млрд рублей", "ru"), [(340e9, Money, Some("RUB"))]);
        assert_eq!(vals("7,5 тыс.", "ru"), [(7500.0, Count, None)]);
        assert_eq!(vals("$12 billion", "en"), [(12e9, Money, Some("USD"))]);
        assert_eq!(vals("48,7 Milliarden Euro", "de"), [(48.7e9, Money, Some("EUR"))]);
        assert_eq!(vals("2 Billionen Euro", "de"), [(2e12, Money, Some("EUR"))]);
        assert_eq!(vals("5 mil millones de dólares", "es"), [(5e9, Money, Some("USD"))]);
        assert_eq!(vals("3 milliards d'euros", "fr")[0].0, 3e9);
        assert_eq!(vals("12,5 %", "fr"), [(12.5, Percent, Some("%"))]);
        assert_eq!(vals("up 3.4 percent", "en"), [(3.4, Percent, Some("%"))]);
        assert_eq!(vals("1,234", "en")[0].0, 1234.0);
        assert_eq!(vals("1,234", "de")[0].0, 1.234);
        let und = in_text("1,234", "und");
        assert_eq!((und[0].value, und[0].alternatives.clone()), (1234.0, vec![1.234]));
        assert_eq!(vals("two people", "en"), [(2.0, Count, None)]);
        assert_eq!(vals("at 3 p.m.", "en"), [(15.0, Time, None)]);
        assert_eq!(vals("в 15:00", "ru"), [(15.0, Time, None)]);
        assert_eq!(vals("in the 1930s", "en"), [(1930.0, Decade, None)]);
        assert_eq!(vals("в 30-х", "ru"), [(1930.0, Decade, None)]);
        assert_eq!(vals("MH17 and the G20", "en"), []);
        assert_eq!(vals("COVID-19", "en"), [(19.0, Count, None)]);
        assert_eq!(vals("a 6-foot-6 forward", "en"), [(6.5, Measure, Some("ft"))]);
        assert_eq!(vals("the XIXe siècle", "fr"), [(19.0, Ordinal, None)]);
        assert_eq!(vals("fifty-eight percent", "en"), [(58.0, Percent, Some("%"))]);
        assert_eq!(vals("à 19 h 00", "fr"), [(19.0, Time, None)]);
        assert_eq!(vals("2 to 4 inches", "en"), [(2.0, Measure, Some("in")), (4.0, Measure, Some("in"))]);
        assert_eq!(in_text("the 1950-53 war", "en")[1].alternatives, [1953.0]);
        assert_eq!(vals("call 116 123 now", "en"), [(116123.0, Count, None)]);
        assert_eq!(vals("in 2018 300 people", "en"), [(2018.0, Year, None), (300.0, Count, None)]);
        assert_eq!(vals("к 2030 г.", "ru"), [(2030.0, Year, None)]);
        assert_eq!(vals("весит 200 г", "ru"), [(200.0, Measure, Some("g"))]);
        assert_eq!(vals("ростом 1 м 82 см", "ru"), [(1.82, Measure, Some("m"))]);
        assert_eq!(
            vals("5 bis 7,5 Zentimetern", "de"),
            [(5.0, Measure, Some("cm")), (7.5, Measure, Some("cm"))]
        );
    }

    #[test]
    fn translations_are_equivalent() {
        let eq = |a: &str, la: &str, b: &str, lb: &str| {
            let (x, y) = (in_text(a, la), in_text(b, lb));
            assert_eq!((x.len(), y.len()), (1, 1), "{a} / {b}: {x:?} {y:?}");
            equivalent(&x[0], &y[0])
        };
        assert!(eq("30 yards", "en", "27 м", "ru"));
        assert!(eq("550 pounds", "en", "250 кг", "ru"));
        assert!(eq("3 p.m.", "en", "15:00", "de"));
        assert!(eq("3,000", "en", "3 тыс.", "ru"));
        assert!(eq("the 1930s", "en", "30-х", "ru"));
        assert!(eq("1.5 million", "en", "1,5 Millionen", "de"));
        assert!(eq("$12 billion", "en", "12 mil millones de dólares", "es"));
        assert!(eq("75 °F", "en", "24 °C", "fr"));
        assert!(eq("10 miles", "en", "16 km", "de"));
        assert!(!eq("1.2 billion", "en", "1,2 Billionen", "de"));
        assert!(!eq("15 million", "en", "1,5 млн", "ru"));
        // Rounded the way translators round, not a changed figure.
        assert!(eq("3 inches", "en", "7 см", "ru"));
        assert!(eq("190 miles", "en", "300 km", "de"));
        assert!(eq("85 mph", "en", "135 km/h", "fr"));
        assert!(eq("10 degrees", "en", "6 Grad", "de"));
        assert!(!eq("497 mph", "en", "840 km/h", "de"));
        assert!(!eq("385 miles", "en", "360 км", "ru"));
        assert!(eq("$5bn", "en", "5 млрд долларов", "ru"));
        assert!(eq("1,000", "en", "1'000", "de"));
        assert!(eq("3 p.m.", "en", "15 Uhr", "de"));
        // A clock time written with a dot after a word that introduces one.
        assert!(eq("at 7.55am", "en", "alle 7.55 del mattino", "it"));
        assert!(eq("at 4.40 am", "en", "alle ore 4.40", "it"));
        assert!(eq("at 5.30pm", "en", "o godz. 17.30", "pl"));
        assert!(eq("at 7.30am", "en", "о 7.30", "uk"));
        assert!(eq("5.30pm on a Saturday", "en", "jest godzina 17.30 w sobotę", "pl"));
        assert!(!eq("7.55am", "en", "a 7.55 euro", "it"));
        assert!(eq("a 25,000-strong crowd", "en", "25-tysięczny tłum", "pl"));
    }
}
