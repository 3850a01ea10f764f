//! Matching people's names across spellings, scripts and languages.
//!
//! Used by the speaker register (surname-only references), N501 (name variants), and the
//! bilingual and ledger rules (is the speaker in the translation the speaker in the source?).
//!
//! - [`fold`]: lower case, diacritics removed, Cyrillic transliterated to Latin. `Schröder`,
//!   `Schroder` and `Шрёдер` all fold to `schroder`.
//! - [`skeleton`]: a coarser key that also merges the usual transliteration and spelling
//!   alternatives (`Shoigu`/`Shoygu`/`Schoigu`, `Schröder`/`Schroeder`, `Meyer`/`Meier`,
//!   `Lavrov`/`Lawrow`). Two spellings with one skeleton are, as names, the same name.
//! - [`same_surname`], [`same_person`], [`variant`]: decisions built on those keys, careful about
//!   gendered surname pairs (`Petrov`/`Petrova` is one family name in two genders, not a
//!   variant) and grammatical case (`Путина` is `Путин` in the genitive).

use unicode_normalization::UnicodeNormalization;

/// Lower case, without diacritics, Cyrillic and Greek-free Latin: the form names are compared in.
/// German umlauts written `ae`/`oe`/`ue` are *not* merged here (see [`skeleton`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // ASCII (most of every name) lower-cases to itself and has nothing to decompose.
        if c.is_ascii() {
            if !matches!(c, '\'' | '`' | '-' | '.') {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        fold_char_into(c, &mut out);
    }
    out
}

/// [`fold`] of one non-ASCII character, appended to `out`.
fn fold_char_into(c: char, out: &mut String) {
    for c in c.to_lowercase() {
        if let Some(t) = cyrillic(c) {
            out.push_str(t);
            continue;
        }
        match c {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'ł' => out.push('l'),
            'đ' => out.push('d'),
            'ı' => out.push('i'),
            // Apostrophes and hyphens inside names (O'Brien, Jean-Luc) do not distinguish them.
            '\'' | '’' | 'ʼ' | '‘' | '`' | '´' | '-' | '\u{2010}' | '\u{2011}' | '.' => {}
            _ => {
                for d in std::iter::once(c).nfd() {
                    if !is_combining(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// Transliterates Cyrillic letters to Latin (a simple, BGN-like scheme), leaving the rest.
/// Case is kept for the first letter of each transliteration.
pub fn transliterate(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        match cyrillic(lower) {
            Some(t) if c != lower => {
                let mut it = t.chars();
                if let Some(f) = it.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(it.as_str());
                }
            }
            Some(t) => out.push_str(t),
            None => out.push(c),
        }
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "yo",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Replacements applied in order to a folded name; each merges spellings that different
/// transliteration traditions (English, German, French, Spanish) give the same sound.
const SKELETON_RULES: &[(&str, &str)] = &[
    ("shch", "sh"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ch", "h"),
    ("tz", "c"),
    ("ts", "c"),
    ("ae", "a"),
    ("oe", "o"),
    ("ue", "u"),
    ("ou", "u"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("ei", "ai"),
    ("ii", "i"),
    ("ff", "f"),
    ("ss", "s"),
    ("ll", "l"),
    ("nn", "n"),
    ("mm", "m"),
    ("tt", "t"),
    ("rr", "r"),
    ("kk", "k"),
    ("vv", "v"),
];

/// A coarse key for a name: [`fold`] plus the merging of usual spelling alternatives and a
/// final silent `h`/`e` dropped. Equal skeletons mean "spelled differently, said alike".
pub fn skeleton(s: &str) -> String {
    // German umlauts become `ae`/`oe`/`ue` before diacritics are dropped, so that `Schröder`
    // and `Schroeder` meet; then the `oe` rule takes both to `o`.
    let mut pre = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ä' | 'Ä' => pre.push_str("ae"),
            'ö' | 'Ö' => pre.push_str("oe"),
            'ü' | 'Ü' => pre.push_str("ue"),
            _ => pre.push(c),
        }
    }
    let mut k = fold(&pre);
    for (from, to) in SKELETON_RULES {
        if k.contains(from) {
            k = k.replace(from, to);
        }
    }
    k
}

/// Strips a possessive or genitive ending that is not part of the name (`Shoigu's`,
/// `Merkels` is left alone: only apostrophe forms are stripped).
pub fn strip_possessive(s: &str) -> &str {
    for suf in ["'s", "’s", "ʼs", "'", "’"] {
        if let Some(rest) = s.strip_suffix(suf) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    s
}

/// Russian (and Ukrainian) case and gender endings of surnames, longest first. A surname with
/// one of these removed is its stem: `Петрова`, `Петрову`, `Петровым` all stem to `петров`.
#[rustfmt::skip]
const SLAVIC_ENDINGS: &[&str] = &[
    "ского", "скому", "ским", "ской", "скую", "ская", "ский", "ым", "ом", "ой", "ою", "ую", "ого", "ому", "ий",
    "ая", "а", "у", "е", "ы", "я", "ю", "й", "и", "о",
];

/// Latin gendered endings of Slavic surnames: masculine -> feminine forms.
const GENDER_PAIRS: &[(&str, &str)] = &[
    ("ov", "ova"),
    ("ev", "eva"),
    ("yov", "yova"),
    ("in", "ina"),
    ("yn", "yna"),
    ("sky", "skaya"),
    ("ski", "ska"),
    ("skiy", "skaya"),
    ("skii", "skaia"),
    ("sky", "ska"),
    ("cki", "cka"),
    ("ny", "na"),
];

/// The stem of a surname as far as grammatical gender and case go, folded. `Petrova`,
/// `Петровой` and `Petrov` share the stem `petrov`; `Shoigu` is its own stem.
pub fn surname_stem(s: &str) -> String {
    let s = strip_possessive(s.trim());
    // `Бернерса-Ли`: the first part of a hyphenated name takes the case ending.
    if s.contains('-') && is_cyrillic(s) {
        return s.split('-').map(surname_stem).collect::<Vec<_>>().join("-");
    }
    let cyr = s.chars().any(|c| cyrillic(c.to_lowercase().next().unwrap_or(c)).is_some());
    let lower = s.to_lowercase();
    if cyr && lower.chars().count() > 4 {
        for e in SLAVIC_ENDINGS {
            if let Some(stem) = lower.strip_suffix(e) {
                if stem.chars().count() >= 3 {
                    return fold(stem);
                }
            }
        }
        return fold(&lower);
    }
    let f = fold(s);
    for (m, fem) in GENDER_PAIRS {
        if let Some(stem) = f.strip_suffix(fem) {
            if stem.len() >= 2 {
                return format!("{stem}{m}");
            }
        }
    }
    f
}

/// Whether two surnames are the same family name (identical after folding, or differing only
/// in gender or case). `Petrov`/`Petrova` yes; `Shoigu`/`Shoygu` no (that is a [`variant`]).
pub fn same_surname(a: &str, b: &str) -> bool {
    let (a, b) = (strip_possessive(a), strip_possessive(b));
    fold(a) == fold(b) || surname_stem(a) == surname_stem(b)
}

/// Endings that inflect or derive a word rather than spell it differently (folded, Latin).
const INFLECTIONS: &[&str] =
    &["s", "es", "n", "an", "ian", "ns", "ese", "i", "e", "a", "u", "om", "oy", "ogo", "skogo"];

/// Whether two spellings are variants of one name: not the same spelling (after folding and
/// gender/case), but the same [`skeleton`], or a near-identical long skeleton. Names in two
/// different scripts are never variants (a Cyrillic original beside its transliteration is
/// legitimate).
pub fn variant(a: &str, b: &str) -> bool {
    let (a, b) = (strip_possessive(a.trim()), strip_possessive(b.trim()));
    if a.is_empty() || b.is_empty() || same_surname(a, b) {
        return false;
    }
    if is_cyrillic(a) != is_cyrillic(b) {
        return false;
    }
    // An inflected or derived form (`Erdogans`, `Indonesian`, `Catalans`) is not a variant.
    let (fa, fb) = (fold(a), fold(b));
    let (short, long) = if fa.len() <= fb.len() { (&fa, &fb) } else { (&fb, &fa) };
    if let Some(rest) = long.strip_prefix(short.as_str()) {
        if INFLECTIONS.contains(&rest) {
            return false;
        }
    }
    // Gendered pairs stay the same family name under skeletons too.
    let (sa, sb) = (skeleton(&surname_stem(a)), skeleton(&surname_stem(b)));
    if sa == sb {
        return true;
    }
    let (ka, kb) = (skeleton(a), skeleton(b));
    if ka == kb {
        return true;
    }
    // Near-identical long skeletons with the same start: one letter's transliteration choice.
    let n = ka.chars().count().min(kb.chars().count());
    n >= 7 && ka.chars().next() == kb.chars().next() && strsim::damerau_levenshtein(&ka, &kb) <= 1
}

/// What the dictionary of `gender_guesser` (Jörg Michael's `nam_dict`, some 48,000 given
/// names of every European country and many others) says of a given name, read in each
/// Latin spelling a Cyrillic word can have (`Дональд` as `donald`); empty if it is no name.
pub fn given_name_genders(word: &str) -> Vec<gender_guesser::Gender> {
    let spellings =
        if is_cyrillic(word) { crate::translit::name_forms(word) } else { vec![word.to_string()] };
    let d = gender_guesser::Detector::new();
    spellings.iter().map(|s| d.get_gender(s)).filter(|g| *g != gender_guesser::Gender::NotFound).collect()
}

/// True when most letters of `s` are Cyrillic.
pub fn is_cyrillic(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let cyr = s.chars().filter(|c| ('\u{0400}'..='\u{04FF}').contains(c)).count();
    letters > 0 && cyr * 2 >= letters
}

/// Splits a full name into (given names, surname): the last word is the surname, except for
/// particles (`da Silva`, `von der Leyen`, `de Gaulle`) which stay with it.
pub fn split_name(full: &str) -> (Vec<&str>, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() <= 1 {
        return (Vec::new(), full.trim().to_string());
    }
    let mut start = words.len() - 1;
    while start > 1 && is_particle(words[start - 1]) {
        start -= 1;
    }
    (words[..start].to_vec(), words[start..].join(" "))
}

/// Lower-case name particles that belong to the surname.
pub fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "da" | "de"
            | "del"
            | "della"
            | "der"
            | "den"
            | "di"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "la"
            | "le"
            | "van"
            | "von"
            | "y"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "zu"
            | "ten"
            | "ter"
    )
}

/// Whether two full names (or a full name and a surname-only reference) can be one person:
/// same surname (allowing gender and case forms, or a spelling variant when `variants` is
/// set) and compatible given names (equal, an initial of the other, or missing on one side).
pub fn same_person(a: &str, b: &str) -> bool {
    compatible(a, b, true)
}

/// Like [`same_person`] but spelling variants of the surname do not count.
pub fn same_person_exact(a: &str, b: &str) -> bool {
    compatible(a, b, false)
}

fn compatible(a: &str, b: &str, variants: bool) -> bool {
    let (ga, sa) = split_name(a);
    let (gb, sb) = split_name(b);
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    let surname_ok = same_surname(&sa, &sb) || (variants && variant(&sa, &sb));
    if !surname_ok {
        return false;
    }
    if ga.is_empty() || gb.is_empty() {
        return true;
    }
    given_compatible(&ga.join(" "), &gb.join(" "))
}

/// Whether given names agree: equal after folding, variants, or one is the other's initial.
pub fn given_compatible(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb || skeleton(a) == skeleton(b) {
        return true;
    }
    // Grammatical case of Russian given names (`Сергея` / `Сергей`).
    if is_cyrillic(a) && is_cyrillic(b) {
        let stems = |s: &str| s.split_whitespace().map(surname_stem).collect::<Vec<_>>();
        if stems(a) == stems(b) {
            return true;
        }
    }
    let first = |s: &str| s.split_whitespace().next().map(fold).unwrap_or_default();
    let (xa, xb) = (first(a), first(b));
    if xa == xb {
        return true;
    }
    // `J.` or `J` against `John`.
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    if initial(&xa, &xb) || initial(&xb, &xa) {
        return true;
    }
    // One list of given names inside the other (`Luiz Inácio Lula` / `Lula`).
    let wa: Vec<String> = a.split_whitespace().map(fold).collect();
    let wb: Vec<String> = b.split_whitespace().map(fold).collect();
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    short.len() < long.len() && short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_diacritics_and_script() {
        assert_eq!(fold("Schröder"), "schroder");
        assert_eq!(fold("Шойгу"), "shoygu");
        assert_eq!(fold("Luiz Inácio"), "luiz inacio");
        assert_eq!(fold("O’Brien"), "obrien");
    }

    /// `fold` as first written (per character: lower case, then NFD of a one-character
    /// string): the fast path must give the same key for every character.
    fn fold_reference(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars().flat_map(char::to_lowercase) {
            if let Some(t) = cyrillic(c) {
                out.push_str(t);
                continue;
            }
            match c {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' => out.push('d'),
                'ı' => out.push('i'),
                '\'' | '’' | 'ʼ' | '‘' | '`' | '´' | '-' | '\u{2010}' | '\u{2011}' | '.' => {}
                _ => out.extend(c.to_string().nfd().filter(|&d| !is_combining(d))),
            }
        }
        out
    }

    #[test]
    fn fold_matches_its_reference_on_every_bmp_character() {
        let all: String = (0u32..0x1_0000).filter_map(char::from_u32).collect();
        assert_eq!(fold(&all), fold_reference(&all));
        for s in ["Jean-Luc O'Brien", "İstanbul", "KELVIN \u{212A}", "Ǆoković", "Шрёдер-Ли", "Ǹ̃"]
        {
            assert_eq!(fold(s), fold_reference(s), "{s}");
        }
    }

    #[test]
    fn transliteration_keeps_capitals() {
        assert_eq!(transliterate("Сергей Шойгу"), "Sergey Shoygu");
    }

    #[test]
    fn variants_are_found() {
        for (a, b) in [
            ("Shoigu", "Shoygu"),
            ("Schröder", "Schroeder"),
            ("Meyer", "Meier"),
            ("Lavrov", "Lawrow"),
            ("Zelensky", "Zelenskyy"),
            ("Medvedev", "Medwedew"),
            ("Khodorkovsky", "Chodorkowski"),
        ] {
            assert!(variant(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn different_names_and_gender_forms_are_not_variants() {
        for (a, b) in [
            ("Petrov", "Petrova"),
            ("Petrova", "Smirnova"),
            ("Ivanov", "Ivanova"),
            ("Путин", "Путина"),
            ("Shoigu", "Шойгу"),
            ("Hansen", "Jansen"),
            ("Kim", "Kin"),
            ("Müller", "Müller"),
            ("Shoigu's", "Shoigu"),
        ] {
            assert!(!variant(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn same_person_needs_compatible_given_names() {
        assert!(same_person("Anna Petrova", "Petrova"));
        assert!(same_person("Sergei Shoigu", "Shoygu"));
        assert!(same_person("A. Petrova", "Anna Petrova"));
        assert!(!same_person("Anna Petrova", "Anna Smirnova"));
        assert!(!same_person("Ivan Petrov", "Olga Petrova"));
        assert!(same_person("Luiz Inácio Lula da Silva", "Lula da Silva"));
        assert!(same_person_exact("Сергей Ивлев", "Сергея Ивлева"));
    }
}
