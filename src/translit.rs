//! Names across scripts and spellings: Cyrillic to Latin (BGN/PCGN, tables in
//! `src/lang/<lang>/transliteration.txt`), diacritic folding, and a loose *name key* under
//! which the usual press variants meet: `Зеленский`, Zelensky, Zelenskiy and Zelenskyy all
//! give `zelenski`; `Алексей`, Aleksei, Alexei and Alexey give `aleksei`.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

fn table() -> &'static HashMap<char, &'static str> {
    static T: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map = HashMap::new();
        for (lang, name) in crate::lang::all_files() {
            if name == "transliteration.txt" {
                // `ъ |` maps to nothing, so split by hand rather than with `records`.
                for line in crate::lang::lines(lang, name) {
                    let (from, to) = line.split_once('|').unwrap_or((line, ""));
                    let mut chars = from.trim().chars();
                    if let (Some(c), None) = (chars.next(), chars.next()) {
                        map.insert(c, to.trim());
                    }
                }
            }
        }
        map
    })
}

/// Lower-case Latin rendering: Cyrillic transliterated, diacritics removed (`Łódź` -> `lodz`,
/// `Müller` -> `muller`), `ß` -> `ss`. Other characters are kept as they are, lower-cased.
pub fn to_latin(s: &str) -> String {
    let t = table();
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if let Some(latin) = t.get(&c) {
            out.push_str(latin);
            continue;
        }
        match c {
            'ł' => out.push('l'),
            'ø' => out.push('o'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'đ' | 'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            c if c.is_ascii() => out.push(c),
            c => {
                for d in c.to_string().nfd() {
                    if !is_combining(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

/// The loose key under which spellings of one name meet. Letters only (apostrophes, hyphens
/// and soft signs go), then: `kh`, `h` -> `h` and `g` before a vowel stays; `x` -> `ks`;
/// `y`, `j` -> `i`; `w` -> `v`; `z` -> `s` (not in `zh`); `ph` -> `f`; `q`, `ck`, hard `c` -> `k`; runs of one letter
/// collapse; an `i` before another vowel goes (`Mariya`/`Maria`, `Yevgeny`/`Evgeny`).
pub fn name_key(s: &str) -> String {
    let latin: Vec<char> = to_latin(s).chars().filter(|c| c.is_alphabetic()).collect();
    let mut out: Vec<char> = Vec::with_capacity(latin.len());
    let mut i = 0;
    while i < latin.len() {
        let c = latin[i];
        let next = latin.get(i + 1).copied();
        match c {
            'k' if next == Some('h') => {
                out.push('h');
                i += 1;
            }
            'p' if next == Some('h') => {
                out.push('f');
                i += 1;
            }
            'c' if next == Some('k') => {
                out.push('k');
                i += 1;
            }
            'c' if next == Some('h') => {
                out.push_str_chars("ch");
                i += 1;
            }
            'c' if matches!(next, Some('e' | 'i' | 'y')) => out.push('s'),
            'c' | 'q' => out.push('k'),
            'x' => out.push_str_chars("ks"),
            'y' | 'j' => out.push('i'),
            'w' => out.push('v'),
            'g' => out.push('h'),
            // German and Russian write a voiced s where English writes z (Selenskyj, Зеленский).
            'z' if next != Some('h') => out.push('s'),
            c => out.push(c),
        }
        i += 1;
    }
    out.dedup();
    let vowels = ['a', 'e', 'o', 'u', 'i'];
    let mut key = String::with_capacity(out.len());
    for (k, &c) in out.iter().enumerate() {
        if c == 'i' && out.get(k + 1).is_some_and(|n| vowels.contains(n) && *n != 'i') {
            continue;
        }
        key.push(c);
    }
    key
}

trait PushChars {
    fn push_str_chars(&mut self, s: &str);
}

impl PushChars for Vec<char> {
    fn push_str_chars(&mut self, s: &str) {
        self.extend(s.chars());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn press_variants_share_a_key() {
        for v in ["Зеленский", "Zelensky", "Zelenskiy", "Zelenskyy", "Зеленський", "Selenskyj"]
        {
            assert_eq!(name_key(v), name_key("Zelensky"), "{v}");
        }
        for v in ["Алексей", "Aleksei", "Alexei", "Alexey", "Aleksey"] {
            assert_eq!(name_key(v), name_key("Aleksei"), "{v}");
        }
        for v in ["Шойгу", "Shoigu", "Shoygu"] {
            assert_eq!(name_key(v), name_key("Shoigu"), "{v}");
        }
        assert_eq!(name_key("Мария"), name_key("Maria"));
        assert_eq!(name_key("Евгений"), name_key("Yevgeny"));
        assert_eq!(name_key("Хабаровск"), name_key("Khabarovsk"));
        assert_eq!(name_key("Гамбург"), name_key("Hamburg"));
        assert_eq!(name_key("Łódź"), name_key("Lodz"));
        assert_eq!(name_key("Müller"), name_key("Muller"));
        assert_eq!(name_key("D'Angelo"), name_key("DAngelo"));
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(name_key("Zelensky"), name_key("Zelinsky"));
        assert_ne!(name_key("Peskov"), name_key("Pesnov"));
        assert_ne!(name_key("Ivanov"), name_key("Ivanova"));
        assert_eq!(to_latin("Шевченко"), "shevchenko");
    }
}
