//! Frequent news words as concepts shared by languages (`src/lang/<lang>/concepts.txt`): a
//! word-level signal for the aligner, so that it can tell which of two neighbouring source
//! sentences a translation renders (`Regierung`, `gouvernement` and `government` are one
//! concept), where lengths, numbers and names alone cannot.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// One language's concept table: whole-word forms and word beginnings, each with the concept
/// ids they stand for.
#[derive(Debug, Default)]
pub struct Table {
    exact: HashMap<String, Vec<u32>>,
    prefix: HashMap<String, Vec<u32>>,
    /// Month and weekday names (`months.txt`, `weekdays.txt`), whole words.
    dates: HashMap<String, u32>,
    /// Whether month and weekday names are capitalised (English, German), so that a lower-case
    /// `may` is not May.
    capitalised_dates: bool,
    /// Length in chars of the longest prefix form.
    longest: usize,
}

/// The concept table of a language, if it has a concept file.
pub fn table(lang: &str) -> Option<&'static Table> {
    static TABLES: OnceLock<BTreeMap<&'static str, Table>> = OnceLock::new();
    TABLES.get_or_init(build).get(lang)
}

fn build() -> BTreeMap<&'static str, Table> {
    let mut ids: BTreeMap<&'static str, u32> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for &lang in crate::lang::SUPPORTED {
        let mut t = Table::default();
        for r in crate::lang::records(lang, "concepts.txt") {
            let (Some(&concept), Some(forms)) = (r.first(), r.get(1)) else { continue };
            let next = ids.len() as u32;
            let id = *ids.entry(concept).or_insert(next);
            for form in forms.split_whitespace() {
                let form = fold(form);
                let (map, key) = match form.strip_suffix('.') {
                    Some(word) => (&mut t.exact, word.to_string()),
                    None => {
                        t.longest = t.longest.max(form.chars().count());
                        (&mut t.prefix, form)
                    }
                };
                if key.is_empty() {
                    continue;
                }
                let v = map.entry(key).or_default();
                if !v.contains(&id) {
                    v.push(id);
                }
            }
        }
        // Months and weekdays from the date stage's files, as concepts `month N`, `weekday N`.
        for (file, kind) in [("months.txt", "month"), ("weekdays.txt", "weekday")] {
            for r in crate::lang::records(lang, file) {
                let Some(n) = r.first().filter(|n| n.parse::<u32>().is_ok()) else { continue };
                let key: &'static str = Box::leak(format!("{kind} {n}").into_boxed_str());
                let next = ids.len() as u32;
                let id = *ids.entry(key).or_insert(next);
                for form in &r[1..] {
                    if form.chars().count() >= 3 && !form.ends_with('.') {
                        t.dates.insert(fold(form), id);
                        t.capitalised_dates |= form.starts_with(char::is_uppercase);
                    }
                }
            }
        }
        if !t.exact.is_empty() || !t.prefix.is_empty() {
            out.insert(lang, t);
        }
    }
    out
}

/// Lower case, `ё` as `е`.
fn fold(w: &str) -> String {
    w.chars().flat_map(char::to_lowercase).map(|c| if c == 'ё' { 'е' } else { c }).collect()
}

impl Table {
    /// Pushes the concepts of a word token to `out`. A token with apostrophes or hyphens
    /// (`l'économie`, `anti-government`) is looked up part by part.
    pub fn concepts_of(&self, word: &str, out: &mut Vec<u32>) {
        let capital = word.starts_with(char::is_uppercase);
        let word = fold(word);
        if let Some(&id) = self.dates.get(word.as_str()) {
            if capital || !self.capitalised_dates {
                out.push(id);
            }
            return;
        }
        for part in word.split(['\'', '’', 'ʼ', '-', '\u{2011}']) {
            if part.chars().nth(1).is_none() {
                continue;
            }
            if let Some(ids) = self.exact.get(part) {
                out.extend_from_slice(ids);
                continue;
            }
            // The longest form the word begins with.
            let ends: Vec<usize> = part.char_indices().map(|(i, _)| i).skip(1).chain([part.len()]).collect();
            for &end in ends.iter().take(self.longest).rev() {
                if let Some(ids) = self.prefix.get(&part[..end]) {
                    out.extend_from_slice(ids);
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(lang: &str, word: &str) -> Vec<u32> {
        let mut v = Vec::new();
        table(lang).unwrap().concepts_of(word, &mut v);
        v
    }

    #[test]
    fn words_of_five_languages_meet() {
        let gov = of("en", "government");
        assert!(!gov.is_empty());
        for (lang, w) in
            [("de", "Regierung"), ("fr", "gouvernement"), ("es", "Gobierno"), ("ru", "правительства")]
        {
            assert_eq!(of(lang, w), gov, "{lang} {w}");
        }
        // Whole-word forms match only whole words; prefixes their inflections.
        assert_eq!(of("en", "war"), of("de", "Krieges"));
        assert!(of("en", "warning").iter().all(|c| !of("en", "war").contains(c)));
        assert_eq!(of("fr", "l'économie"), of("en", "economic"));
        assert!(of("en", "zzz").is_empty());
        // Months and weekdays come from the date files; a lower-case English `may` is a verb.
        assert_eq!(of("en", "May"), of("ru", "мая"));
        assert!(!of("en", "May").is_empty() && of("en", "may").is_empty());
        assert_eq!(of("de", "Montag"), of("fr", "lundi"));
    }

    #[test]
    fn every_language_file_uses_known_concepts() {
        let en: Vec<&str> =
            crate::lang::records("en", "concepts.txt").filter_map(|r| r.first().copied()).collect();
        for &lang in crate::lang::SUPPORTED {
            for r in crate::lang::records(lang, "concepts.txt") {
                assert!(en.contains(&r[0]), "{lang}: concept {} is not in en/concepts.txt", r[0]);
                assert!(r.len() == 2 && !r[1].is_empty(), "{lang}: {r:?}");
            }
        }
    }
}
