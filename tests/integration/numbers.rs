//! The number model across languages: what X801 relies on.

use faithful::analysis::numbers::{equivalent, in_text, NumberKind};

fn one(s: &str, lang: &str) -> faithful::analysis::NumberMention {
    let v = in_text(s, lang);
    assert_eq!(v.len(), 1, "{s}: {v:?}");
    v.into_iter().next().unwrap()
}

#[test]
fn professional_renderings_are_equivalent() {
    for (a, la, b, lb) in [
        ("30 yards", "en", "27 м", "ru"),
        ("550 pounds", "en", "250 кг", "ru"),
        ("3 p.m.", "en", "15:00", "ru"),
        ("3,000", "en", "3 тыс.", "ru"),
        ("more than 1,000", "en", "более тысячи", "ru"),
        ("the 1930s", "en", "30-х", "ru"),
        ("$12 billion", "en", "12 milliards de dollars", "fr"),
        ("48.7 billion euros", "en", "48,7 Milliarden Euro", "de"),
        ("2.5%", "en", "2,5 %", "es"),
    ] {
        let (x, y) = (in_text(a, la), in_text(b, lb));
        assert!(x.iter().any(|x| y.iter().any(|y| equivalent(x, y))), "{a} / {b}: {x:?} {y:?}");
    }
}

#[test]
fn changed_numbers_are_not_equivalent() {
    assert!(!equivalent(&one("1.5 million", "en"), &one("15 млн", "ru")));
    assert!(!equivalent(&one("48.7 billion euros", "en"), &one("48,7 Billionen Euro", "de")));
    assert!(!equivalent(&one("12%", "en"), &one("21 %", "fr")));
}

#[test]
fn kinds_and_units() {
    let m = one("340 млрд рублей", "ru");
    assert_eq!((m.value, m.kind, m.unit), (340e9, NumberKind::Money, Some("RUB")));
    let m = one("5 billones de euros", "es");
    assert_eq!((m.value, m.kind), (5e12, NumberKind::Money));
    assert_eq!(one("1,234", "ru").value, 1.234);
    assert_eq!(one("1,234", "en").value, 1234.0);
}

#[test]
fn no_panic_on_odd_input() {
    let odd = [
        "",
        "-",
        "$",
        "€€1",
        "1,",
        ",1",
        "1.2.3.4.5",
        "12:",
        ":30",
        "'5",
        "1950-",
        "-53",
        "1950–53",
        "5\u{a0}",
        "1 000 000 000 000 000 000 000 000",
        "99999999999999999999999999999999999999",
        "3 p.",
        "3 a.m",
        "15 h",
        "ІІ век",
        "XIX",
        "6-foot-",
        "6-foot-13",
        "5 de",
        "millones de",
        "2 élèves à 3 h 5",
        "ﬁ1",
        "١٢٣",
        "½",
        "1e",
        "1ère",
        "2-го",
        "30-х",
        "-тысячную",
        "тысячи",
        "0,5 %",
        "$-5",
        "–5",
        "№1",
    ];
    for s in odd {
        for lang in ["en", "ru", "de", "fr", "es", "und"] {
            for n in in_text(s, lang) {
                assert!(
                    s.is_char_boundary(n.span.start)
                        && s.is_char_boundary(n.span.end)
                        && n.span.end <= s.len(),
                    "{s:?}"
                );
            }
        }
    }
}

/// Every NTREX line in every language goes through the extractor without a panic and with
/// spans on character boundaries (skipped when the corpus is not there).
#[test]
fn ntrex_lines_extract_cleanly() {
    let dir = std::env::var("NTREX_DIR").unwrap_or_else(|_| "/work/shared/corpora/ntrex".into());
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") || !name.starts_with("newstest") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        for line in text.lines() {
            for n in in_text(line, "und") {
                assert!(
                    line.is_char_boundary(n.span.start) && line.is_char_boundary(n.span.end),
                    "{name}: {line}"
                );
            }
        }
    }
}
