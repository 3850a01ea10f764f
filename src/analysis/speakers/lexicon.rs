//! The language knowledge attribution needs, read from `src/lang/<lang>/*.txt`: speech cues,
//! pronouns, honorifics, roles, nationalities, organisation words, first-person words and
//! capitalised words that are never names. For an undetermined language (`und`) the lexicons
//! of every supported language are merged.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    /// Plural or unknown.
    Any,
}

impl Gender {
    fn parse(s: Option<&&str>) -> Gender {
        match s.copied() {
            Some("m") => Gender::Male,
            Some("f") => Gender::Female,
            _ => Gender::Any,
        }
    }

    /// The gender a given name usually has (`Anna` -> female), if the lexicon knows it.
    pub fn of_given(lx: &Lexicon, given: &str) -> Gender {
        given.split_whitespace().next().and_then(|g| lx.first_names.get(g)).copied().unwrap_or(Gender::Any)
    }

    /// Whether a pronoun or verb of gender `self` can refer to a person of gender `other`.
    pub fn fits(self, other: Gender) -> bool {
        self == Gender::Any || other == Gender::Any || self == other
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// `X said` or `said X`.
    Verb,
    /// Speaker follows and the cue comes first: `according to X`.
    Prep,
    /// Speaker precedes: `X zufolge`.
    Post,
    /// Only right after the quote: `„…“, so Scholz`.
    Tail,
    /// A verb that labels something with the quoted words, its speaker before it and its
    /// object in between: `X called the plan "a disaster"`, `X bezeichnete den Plan als „…“`,
    /// `X назвал план «катастрофой»`. Never read after a quote or inverted (`a town called
    /// Bucha` names no speaker), and never a sign that a word is a person's name.
    Label,
}

#[derive(Clone, Debug)]
pub struct Cue {
    pub words: Vec<String>,
    pub kind: CueKind,
    pub gender: Gender,
}

#[derive(Clone, Debug)]
pub struct RoleForm {
    pub canonical: &'static str,
    pub unique: bool,
    pub words: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct NationForm {
    pub code: &'static str,
    pub words: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    pub cues: Vec<Cue>,
    pub pronouns: HashMap<String, Gender>,
    pub titles: Vec<(Vec<String>, Gender)>,
    pub roles: Vec<RoleForm>,
    pub nations: Vec<NationForm>,
    /// Lower-case word starts (`ministr` matches `ministry`, `министерства`).
    pub organisations: Vec<String>,
    pub first_person: HashSet<String>,
    pub not_names: HashSet<String>,
    /// `former`, `бывший`, `ehemalige`: a role after one of these is a past one.
    pub former: HashSet<String>,
    /// Given names with their usual gender (from every language: names travel).
    pub first_names: HashMap<String, Gender>,
    /// Weekday names (lower case): capitalised in English, never names.
    pub weekdays: HashSet<String>,
    /// Month names (lower case), except those that are also names (`May`).
    pub months: HashSet<String>,
    /// Function words and number words (lower case): capitalised only at a sentence start,
    /// never a name (`Während`, `Twenty`, `Another`).
    pub common: HashSet<String>,
    /// Articles, determiners and possessives (lower case): a capitalised word right after one
    /// is a noun or an institution, not a person's name (`the Telegraph`, `die Zeitung`).
    pub determiners: HashSet<String>,
    /// Adjective endings allowed between a determiner and its noun (`der jährlichen
    /// Generalversammlung`), for languages that capitalise nouns.
    pub adjective_endings: Vec<String>,
    /// Every speech cue's first word, for a quick check.
    cue_starts: HashSet<String>,
    /// Every label cue's first word.
    label_starts: HashSet<String>,
}

/// Splits a data-file form into the words the tokenizer would give (lower case): `Gen.` ->
/// `gen`, `.`; `d'après` stays whole.
pub fn form_words(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in form.split_whitespace() {
        let w = w.to_lowercase();
        let core = w.trim_end_matches(['.', ',', ':']);
        if !core.is_empty() {
            out.push(core.to_string());
        }
        for _ in core.len()..w.len() {
            out.push(".".to_string());
        }
    }
    out
}

impl Lexicon {
    fn load(langs: &[&str]) -> Lexicon {
        let mut lx = Lexicon::default();
        for &lang in langs {
            for r in crate::lang::records(lang, "speech_verbs.txt") {
                let kind = match r.get(1).copied() {
                    Some("prep") => CueKind::Prep,
                    Some("post") => CueKind::Post,
                    Some("tail") => CueKind::Tail,
                    Some("label") => CueKind::Label,
                    _ => CueKind::Verb,
                };
                lx.cues.push(Cue { words: form_words(r[0]), kind, gender: Gender::parse(r.get(2)) });
            }
            for r in crate::lang::records(lang, "pronouns.txt") {
                lx.pronouns.entry(r[0].to_lowercase()).or_insert(Gender::parse(r.get(1)));
            }
            for r in crate::lang::records(lang, "titles.txt") {
                lx.titles.push((form_words(r[0]), Gender::parse(r.get(1))));
            }
            for r in crate::lang::records(lang, "roles.txt") {
                if r.len() < 3 {
                    continue;
                }
                let canonical = r[0];
                let unique = r[1] == "unique";
                for f in &r[2..] {
                    lx.roles.push(RoleForm { canonical, unique, words: form_words(f) });
                }
            }
            for r in crate::lang::records(lang, "nationalities.txt") {
                for f in &r[1..] {
                    lx.nations.push(NationForm { code: r[0], words: form_words(f) });
                }
            }
            lx.organisations.extend(crate::lang::lines(lang, "organisations.txt").map(str::to_lowercase));
            lx.first_person.extend(crate::lang::lines(lang, "first_person.txt").map(str::to_lowercase));
            lx.not_names.extend(crate::lang::lines(lang, "not_names.txt").map(str::to_string));
            lx.former.extend(crate::lang::lines(lang, "former.txt").map(str::to_lowercase));
            for r in crate::lang::records(lang, "weekdays.txt") {
                lx.weekdays.extend(r.iter().skip(1).map(|w| w.to_lowercase()));
            }
            for r in crate::lang::records(lang, "months.txt") {
                lx.months
                    .extend(r.iter().skip(1).filter(|w| w.chars().count() > 3).map(|w| w.to_lowercase()));
            }
            lx.common.extend(crate::lang::lines(lang, "lang_words.txt").map(str::to_lowercase));
            for r in crate::lang::records(lang, "number_words.txt") {
                lx.common.extend(r.iter().skip(1).map(|w| w.to_lowercase()));
            }
            for l in crate::lang::lines(lang, "determiners.txt") {
                match l.strip_prefix('~') {
                    Some(e) => lx.adjective_endings.push(e.to_string()),
                    None => {
                        lx.determiners.insert(l.to_lowercase());
                    }
                }
            }
        }
        for &lang in crate::lang::SUPPORTED {
            for r in crate::lang::records(lang, "first_names.txt") {
                lx.first_names.entry(r[0].to_string()).or_insert(Gender::parse(r.get(1)));
            }
        }
        // A word that is also a given name (`May`, `Will`) stays a possible name.
        let names: HashSet<String> = lx.first_names.keys().map(|n| n.to_lowercase()).collect();
        lx.months.retain(|m| !names.contains(m) && m != "may");
        // `Le Goff`, `De Niro`, `Van Gaal`: a capitalised particle starts a surname.
        lx.common.retain(|w| !names.contains(w) && !crate::names::is_particle(w));
        // Longest forms first, so `fügte hinzu` wins over `fügte`.
        lx.cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        lx.roles.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
        lx.nations.sort_by_key(|n| std::cmp::Reverse(n.words.len()));
        lx.titles.sort_by_key(|t| std::cmp::Reverse(t.0.len()));
        let starts = |label: bool| {
            lx.cues
                .iter()
                .filter(|c| (c.kind == CueKind::Label) == label)
                .filter_map(|c| c.words.first().cloned())
                .collect()
        };
        lx.cue_starts = starts(false);
        lx.label_starts = starts(true);
        lx
    }

    /// Whether a capitalised word can never be (part of) a name: a weekday, a month, a
    /// function or number word of the language.
    pub fn never_name(&self, lower: &str) -> bool {
        self.weekdays.contains(lower) || self.months.contains(lower) || self.common.contains(lower)
    }

    /// Whether a speech cue (not a label cue) may start with this word.
    pub fn maybe_cue(&self, lower: &str) -> bool {
        self.cue_starts.contains(lower)
    }

    /// Whether a label cue (`called`, `назвал`) may start with this word.
    pub fn maybe_label(&self, lower: &str) -> bool {
        self.label_starts.contains(lower)
    }

    pub fn is_organisation_word(&self, lower: &str) -> bool {
        self.organisations.iter().any(|o| !o.contains(' ') && lower.starts_with(o.as_str()))
    }

    /// Multi-word organisation forms (`press service`, `white house`) found in `lower`.
    pub fn has_organisation(&self, lower_phrase: &str) -> bool {
        lower_phrase
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| !w.is_empty() && self.is_organisation_word(w))
            || self.organisations.iter().any(|o| o.contains(' ') && lower_phrase.contains(o.as_str()))
    }
}

/// The lexicon for a document language (`und` and unsupported languages: all of them).
pub fn for_lang(lang: &str) -> &'static Lexicon {
    static CACHE: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        let mut m = HashMap::new();
        for &l in crate::lang::SUPPORTED {
            m.insert(l, Lexicon::load(&[l]));
        }
        m.insert("und", Lexicon::load(crate::lang::SUPPORTED));
        m
    });
    all.get(lang).unwrap_or_else(|| &all["und"])
}
