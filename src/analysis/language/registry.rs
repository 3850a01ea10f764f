//! The languages this build can tell apart: every language lingua was compiled with (cargo
//! features), with the script it is written in and, where `src/lang/<code>/` has them, its
//! frequent words (`lang_words.txt`) and alphabet (`lang_letters.txt`) for the fast path.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use lingua::Language;

/// At most this many languages carry word and letter data (they index a `u16` mask).
pub const MAX_DATA: usize = 16;

/// A set of languages, by index into [`Registry::langs`] (lingua knows 75, so 128 bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LangSet(pub u128);

impl LangSet {
    pub fn single(i: usize) -> Self {
        LangSet(1u128 << i)
    }
    pub fn with(self, i: usize) -> Self {
        LangSet(self.0 | (1u128 << i))
    }
    pub fn contains(self, i: usize) -> bool {
        self.0 & (1u128 << i) != 0
    }
    pub fn and(self, other: LangSet) -> Self {
        LangSet(self.0 & other.0)
    }
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            Some(i)
        })
    }
}

/// The writing systems the fast path separates. Kana counts as `Han` (Chinese and Japanese
/// share the ideographs); scripts of a single language family the fast path does not model
/// (Greek, Arabic, Hangul, ...) are `Other` and go straight to lingua.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Han,
    Other,
}

impl Script {
    pub const ALL: [Script; 4] = [Script::Latin, Script::Cyrillic, Script::Han, Script::Other];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The script of a letter (callers pass alphabetic characters only).
    pub fn of(c: char) -> Script {
        match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Script::Latin,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
                Script::Han
            }
            _ => Script::Other,
        }
    }
}

pub struct LangInfo {
    /// ISO 639-1 code, lower case.
    pub code: String,
    pub lingua: Language,
    pub script: Script,
    /// Index into the data arrays (word scores, foreign letters) when the language has data.
    pub data: Option<usize>,
}

/// FxHash: the word table is looked up once per word of every text, and its keys are not
/// attacker-chosen in a way that matters here.
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, b) in chunk.iter().enumerate() {
                v |= (*b as u64) << (8 * i);
            }
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

pub struct Registry {
    /// Sorted by code, so indices (and everything derived from them) are deterministic.
    pub langs: Vec<LangInfo>,
    /// Languages written in each script (indexed by `Script::index`).
    pub by_script: [LangSet; 4],
    /// Scripts whose every language has data: the fast path may decide there on its own.
    pub fully_modelled: [bool; 4],
    pub all: LangSet,
    /// Lower-cased frequent word -> mask of the data languages that list it.
    pub words: FxMap<Box<str>, u16>,
    /// Lower-cased non-ASCII letter -> mask of the data languages of its script whose alphabet
    /// lacks it. Letters no alphabet has are missing from all of them.
    pub foreign: FxMap<char, u16>,
    /// Data languages per script (mask), for letters absent from the `foreign` table.
    pub data_by_script: [u16; 4],
}

impl Registry {
    pub fn index_of(&self, code: &str) -> Option<usize> {
        let code = normalize_code(code)?;
        self.langs.iter().position(|l| l.code == code)
    }

    pub fn code(&self, i: usize) -> &str {
        &self.langs[i].code
    }

    /// English name of the language (`Russian`).
    pub fn name(&self, i: usize) -> String {
        self.langs[i].lingua.to_string()
    }

    /// Foreign-letter mask of a lower-cased letter of the Latin or Cyrillic script.
    pub fn foreign_mask(&self, c: char, script: Script) -> u16 {
        match self.foreign.get(&c) {
            Some(m) => *m,
            None => self.data_by_script[script.index()],
        }
    }
}

/// `en`, `EN`, `en-US`, `pt_BR`, `eng` -> `en`; `None` for codes lingua does not know.
pub fn normalize_code(code: &str) -> Option<String> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if let Ok(iso) = primary.parse::<lingua::IsoCode639_1>() {
        return Some(iso.to_string());
    }
    let iso3 = primary.parse::<lingua::IsoCode639_3>().ok()?;
    Some(Language::from_iso_code_639_3(&iso3).iso_code_639_1().to_string())
}

pub fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(build)
}

fn build() -> Registry {
    let cyrillic = Language::all_with_cyrillic_script();
    let latin = Language::all_with_latin_script();
    let mut langs: Vec<LangInfo> = Language::all()
        .into_iter()
        .map(|l| {
            let script = if cyrillic.contains(&l) {
                Script::Cyrillic
            } else if latin.contains(&l) {
                Script::Latin
            } else if matches!(l.to_string().as_str(), "Chinese" | "Japanese") {
                Script::Han
            } else {
                Script::Other
            };
            LangInfo { code: l.iso_code_639_1().to_string(), lingua: l, script, data: None }
        })
        .collect();
    langs.sort_by(|a, b| a.code.cmp(&b.code));
    langs.truncate(128);

    let mut data_count = 0;
    let mut words: FxMap<Box<str>, u16> = FxMap::default();
    let mut alphabets: Vec<(usize, Vec<char>)> = Vec::new();
    for info in langs.iter_mut() {
        if data_count == MAX_DATA || crate::lang::file(&info.code, "lang_words.txt").is_none() {
            continue;
        }
        let d = data_count;
        data_count += 1;
        info.data = Some(d);
        for w in crate::lang::lines(&info.code, "lang_words.txt") {
            *words.entry(w.to_lowercase().replace('’', "'").into()).or_default() |= 1 << d;
        }
        let letters: Vec<char> =
            crate::lang::lines(&info.code, "lang_letters.txt").flat_map(|l| l.chars()).collect();
        alphabets.push((d, letters));
    }

    let mut by_script = [LangSet::default(); 4];
    let mut data_by_script = [0u16; 4];
    let mut all = LangSet::default();
    for (i, info) in langs.iter().enumerate() {
        by_script[info.script.index()] = by_script[info.script.index()].with(i);
        all = all.with(i);
        if let Some(d) = info.data {
            data_by_script[info.script.index()] |= 1 << d;
        }
    }
    let fully_modelled = Script::ALL.map(|s| match s {
        Script::Latin | Script::Cyrillic => by_script[s.index()].iter().all(|i| langs[i].data.is_some()),
        Script::Han => by_script[s.index()].len() == 1,
        Script::Other => false,
    });

    // For every letter some alphabet lists: which data languages of its script lack it.
    let mut foreign: FxMap<char, u16> = FxMap::default();
    for (_, letters) in &alphabets {
        for &c in letters {
            if c.is_ascii() {
                continue;
            }
            let script = Script::of(c);
            let mut lacking = data_by_script[script.index()];
            for (d, other) in &alphabets {
                if other.contains(&c) {
                    lacking &= !(1 << d);
                }
            }
            foreign.insert(c, lacking);
        }
    }
    Registry { langs, by_script, fully_modelled, all, words, foreign, data_by_script }
}
