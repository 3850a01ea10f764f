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
