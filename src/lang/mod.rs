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

#[cfg(test)]
mod tests {
    #[test]
    fn abbreviations_are_embedded() {
        assert!(super::lines("en", "abbreviations.txt").any(|l| l == "Mr."));
    }
}
