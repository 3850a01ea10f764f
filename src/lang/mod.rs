//! Language knowledge as data. Each language has a folder here (`en/`, `ru/`, ...) of plain
//! text files: speech verbs, titles, months, abbreviations, calques, boilerplate patterns.
//! `build.rs` embeds every file, so adding knowledge is adding or editing a file.
//!
//! File format: one entry per line; `#` starts a comment line; blank lines are ignored.
//! Fields within a line, where a file has several, are separated by a tab or ` | `.

mod files {
    include!(concat!(env!("OUT_DIR"), "/lang_files.rs"));
}

/// The languages whose knowledge files the project ships (ISO 639-1): each gets its own
/// number, date and speaker lexicon (the others, and `und`, use all of these at once).
pub const SUPPORTED: &[&str] = &["en", "ru", "de", "fr", "es", "uk", "it", "pt", "pl", "be"];

/// Raw contents of `<lang>/<name>`, if that file exists.
pub fn file(lang: &str, name: &str) -> Option<&'static str> {
    let key = format!("{lang}/{name}");
    files::FILES.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// Entry lines of `<lang>/<name>`: trimmed, without comments and blank lines. Empty if the
/// file does not exist.
pub fn lines(lang: &str, name: &str) -> impl Iterator<Item = &'static str> {
    file(lang, name).unwrap_or("").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lines of a file split into fields at tabs or ` | `, each field trimmed.
pub fn records(lang: &str, name: &str) -> impl Iterator<Item = Vec<&'static str>> {
    lines(lang, name).map(|l| {
        if l.contains('\t') {
            l.split('\t').map(str::trim).collect()
        } else {
            l.split(" | ").map(str::trim).collect()
        }
    })
}

/// Every `(lang, name)` data file there is, for tests that check all entries.
pub fn all_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    files::FILES.iter().map(|(k, _)| k.split_once('/').unwrap_or(("", k)))
}

/// Byline and credit openings of every language (`lang_bylines.txt`), as lower-case words,
/// sorted and without repeats. Shared by the rules that must not take a byline or a photo
/// credit for text (L101, X809).
pub fn byline_openings() -> &'static [Vec<String>] {
    static OPENINGS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    OPENINGS.get_or_init(|| {
        let mut out: Vec<Vec<String>> = all_files()
            .filter(|(_, name)| *name == "lang_bylines.txt")
            .flat_map(|(lang, name)| lines(lang, name))
            .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        out.sort();
        out.dedup();
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn abbreviations_are_embedded() {
        assert!(super::lines("en", "abbreviations.txt").any(|l| l == "Mr."));
    }
}
