//! ## What it does
//! Flags a person or place the source names that the translation names differently (a letter
//! changed, a different name) or leaves out altogether. Names are compared across scripts and
//! spellings: Cyrillic is transliterated (BGN/PCGN, ISO 9 and the common press forms, so
//! `Зеленский` matches Zelensky, Zelenskiy and Zelenskyy, `Алексей` matches Aleksei, Alexei and
//! Alexey), diacritics are folded (`Łódź` = `Lodz`, `Müller` = `Mueller`), and case endings
//! are allowed for languages that decline names (`Зеленского`). A name transcribed by sound
//! (`Trump`/`Трамп`, `Peter`/`Питер`) must keep the source's consonants, and its vowels must be
//! ones a transcription writes for the source's vowel letters at that place
//! (`src/lang/<lang>/name_vowels.txt` of the Cyrillic text's language, else the Russian one:
//! `Трамп` and `Джексон` pass, `Хомилтон` for Hamilton does not; in Belarusian `Джонсан` and,
//! through `be/name_consonants.txt`, `Пуцін` for Putin pass).
//!
//! ## Why is this bad?
//! A misspelt name is a correction waiting to happen, and a changed one can put a statement in
//! the wrong person's mouth or an event in the wrong town. Names are also what machine
//! translation most often mangles (`Kyiv` translated as a word, a surname declined twice).
//!
//! ## Example
//! Source: `Министр Сергей Лавров встретился с коллегами в Женеве.` Translation: `Minister
//! Sergei Lovrov met his counterparts in Geneva.` is reported at `Lovrov`: the source says
//! Лавров (Lavrov).
//!
//! ## How to silence it
//! Use the source's name, in a standard transliteration. Exonyms that look nothing alike
//! (`Germany` for `Deutschland`) are not reported; a name rendered by a near-spelling that is
//! really a different town may be, and can be ignored with `--ignore X803`.

use super::{name_tokens, NameToken, Pair};
use crate::analysis::Analysis;
use crate::finding::{Diagnostic, Evidence};
use crate::rules::Context;
use crate::span::Span;
use std::collections::HashMap;

/// Whether a target word is the source name altered, by their name keys: one edit away, or
/// two for long surnames. Given names are held to one edit, since their national forms differ
/// by two or more (`Vladimir`/`Volodymyr`, `Aleksei`/`Oleksii`), as do many exonyms
/// (`Kraków`/`Cracovia`). Forms are compared stem to stem where a word is declined.
fn altered_forms(a: &Tok, b: &Tok, given_name: bool, inflecting: bool) -> bool {
    let (source, target) = (&a.forms, &b.forms);
    if letter_replaced(&a.word, &b.word, inflecting) {
        return true;
    }
    if crate::translit::same_name_forms(source, target) {
        return false;
    }
    // German umlauts are also written out (`Müller`/`Mueller`, `Schröder`/`Schroeder`).
    let spelled_out = |w: &str| {
        let w =
            w.replace('ü', "ue").replace('ö', "oe").replace('ä', "ae").replace('Ü', "Ue").replace('Ö', "Oe");
        crate::translit::name_key(&w.replace('Ä', "Ae"))
    };
    if spelled_out(&a.word) == b.key || spelled_out(&b.word) == a.key {
        return false;
    }
    source.iter().any(|s| {
        target.iter().any(|t| {
            // Letters added at the end are an ending or an exonym (`Krakow`/`Cracovia`).
            if t.starts_with(s.as_str()) || s.starts_with(t.as_str()) || s.chars().count() < 4 {
                return false;
            }
            let d = strsim::levenshtein(s, t);
            d == 1 || (d == 2 && !given_name && s.chars().count() >= 9)
        })
    })
}

/// Whether two words of one script are one letter replaced after the first, which the name
/// key may hide or double (`Corbyn`/`Cerbyn` give `korbin` and `serbin`, `Yong`/`Yonn`,
/// `Waters`/`Waterr`): the name is misspelt, however short. Letters the key takes for one
/// (`Sergei`/`Sergej`) are not a misspelling, nor in a language that declines names a last
/// vowel changed (`Anna`/`Anny`).
fn letter_replaced(a: &str, b: &str, inflecting: bool) -> bool {
    let (la, lb) = (letters(a), letters(b));
    if la.len() != lb.len() || la.len() < 4 {
        return false;
    }
    let diff: Vec<usize> = (0..la.len()).filter(|&i| la[i] != lb[i]).collect();
    let [i] = diff[..] else { return false };
    let vowel = |c: char| "aeiouy".contains(c);
    let ending = inflecting && i + 1 == la.len() && vowel(la[i]) && vowel(lb[i]);
    i > 0
        && !ending
        && crate::translit::name_key(crate::names::strip_possessive(a))
            != crate::translit::name_key(crate::names::strip_possessive(b))
}

/// A word's letters in Latin script, lower case, without a possessive (`Müller's` -> `muller`).
fn letters(w: &str) -> Vec<char> {
    crate::translit::to_latin(crate::names::strip_possessive(w))
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect()
}

/// Whether two words of different scripts are two languages' forms of one given name
/// (`Владимир` for Volodymyr, `Алексей` for Oleksii): the Cyrillic one a given name of a
/// Cyrillic-script language, the Latin one a given name too. `Borus` for `Борис` is no
/// one's name: a misspelling, not another language's form.
fn native_given_name(a: &str, b: &str) -> bool {
    let latin = if crate::names::is_cyrillic(a) { b } else { a };
    cyrillic_given_name(a, b) && known_given_name(latin)
}

/// Whether either word is written in Cyrillic and is a given name of a Cyrillic-script language
/// (`first_names.txt`), declined or not: its spelling is that language's form of the name,
/// not a transcription.
fn cyrillic_given_name(a: &str, b: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut set = std::collections::HashSet::new();
        for (lang, name) in crate::lang::all_files() {
            if name == "first_names.txt" {
                for r in crate::lang::records(lang, name) {
                    if crate::names::is_cyrillic(r[0]) {
                        set.insert(crate::translit::name_key(r[0]));
                    }
                }
            }
        }
        set
    });
    [a, b].iter().any(|w| {
        crate::names::is_cyrillic(w) && crate::translit::name_forms(w).iter().any(|k| names.contains(k))
    })
}

/// Whether two keys differ by one letter replaced, neither the first nor one of the last two.
fn inner_substitution(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < 5 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diff.len() == 1 && diff[0] > 0 && diff[0] + 2 < a.len()
}

/// Across scripts, whether a word is a name altered: its consonant frame one letter off the
/// source's (`Trump`/`Трамк`), the letters otherwise close.
fn altered_sound(ta: &Tok, tb: &Tok) -> bool {
    let (a, b) = (ta.word.as_str(), tb.word.as_str());
    if key_distance(a, b) > cap(a, b) + 1 {
        return false;
    }
    let (ka, kb) = (ta.sound_keys(), tb.sound_keys());
    // The same frame, or one the other's start (`Indonesian`/`Индонезии`, a derived word).
    if ka.iter().any(|x| kb.iter().any(|y| x.starts_with(y.as_str()) || y.starts_with(x.as_str()))) {
        return false;
    }
    ka.iter().any(|x| kb.iter().any(|y| x.chars().count() >= 3 && strsim::levenshtein(x, y) == 1))
        || consonant_replaced(&ta.forms, &tb.forms)
        // A short frame (`Gary`: `r`) says little; the letters then decide (`Гати`).
        || (ka[0].chars().count() < 3 && key_distance(a, b) == 1 && same_start(a, b))
}

/// Whether two spellings, in name keys, differ by one consonant replaced by another, after the
/// first letter (`vidodo`/`vikodo` for Widodo/Видодо, `hovard`/`hovavd` for Howard/Говавд).
/// Transcription changes vowels, and consonants only in ways the keys already fold (`w`/`в`,
/// `g`/`г`/`h`, `ph`/`ф`), or `ch`/`ш` (French `Chirac`, `Ширак`), `b`/`v`, `f`/`v`
/// (`Barbara`/`Варвара`, `Ivanoff`) and a voiced `s` (`Syracuse`/`Сіракузи`).
fn consonant_replaced(fa: &[String], fb: &[String]) -> bool {
    let consonant = |c: char| "bcdfhklmnprstvz".contains(c);
    let alike =
        |x: char, y: char| matches!((x.min(y), x.max(y)), ('c', 's') | ('b', 'v') | ('f', 'v') | ('s', 'z'));
    fa.iter().any(|x| {
        fb.iter().any(|y| {
            let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            if x.len() != y.len() || x.len() < 4 {
                return false;
            }
            let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
            matches!(diff[..], [i] if i > 0 && consonant(x[i]) && consonant(y[i]) && !alike(x[i], y[i]))
        })
    })
}

/// Whether two words' two-consonant frames differ in the second (`mk`/`ml`
/// for Mike/Майл), their letters otherwise close.
fn frame_replaced(a: &Tok, b: &Tok) -> bool {
    if forms_distance(&a.forms, &b.forms) > 3 {
        return false;
    }
    a.sound_keys().iter().any(|x| {
        b.sound_keys().iter().any(|y| {
            let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            x.len() == 2 && y.len() == 2 && x[0] == y[0] && x[1] != y[1]
        })
    })
}

/// Whether a person's name in Cyrillic has the source's consonant frame (two consonants
/// or more) with one consonant added at its end that neither a case ending nor an adjective's
/// suffix explains (`Харток` for Hart, where `Хартом` is declined): every frame of the
/// translation's word is the source's plus one.
fn frame_extended(source: &Tok, target: &Tok) -> bool {
    if !target.cyrillic || source.cyrillic || forms_distance(&source.forms, &target.forms) > 2 {
        return false;
    }
    // A vowel and `м`, `х` or `й` at the end is a case ending, whichever language's (the
    // Belarusian `Трампам`, which the surname stem does not take off).
    let tail: Vec<char> = target.word.to_lowercase().chars().rev().take(2).collect();
    if let [last, before] = tail[..] {
        if "мхй".contains(last) && "аеёиоуыэюяіїє".contains(before) {
            return false;
        }
    }
    let ks = source.sound_keys();
    !target.sound_keys().is_empty()
        && target.sound_keys().iter().all(|y| {
            ks.iter().any(|x| {
                x.chars().count() >= 2
                    && y.starts_with(x.as_str())
                    && y.chars().count() == x.chars().count() + 1
                    // `-ськ-` after a name ending in `s` is an adjective made of it
                    // (`Сіракузького` for Syracuse), not the name with a letter added.
                    && !(y.ends_with('k') && x.ends_with(['s', 'z']))
            })
        })
}

/// Whether two words start with the same letter once in Latin script (`Ross`/`Росс`, not
/// `Босс`): in a short name a different first letter is more likely another word.
fn same_start(a: &str, b: &str) -> bool {
    letters(a).first() == letters(b).first()
}

/// The least edit distance between the name keys of two words' forms (stems of declined words
/// included).
fn key_distance(a: &str, b: &str) -> usize {
    forms_distance(&crate::translit::name_forms(a), &crate::translit::name_forms(b))
}

/// [`key_distance`] of two words, from their [`crate::translit::name_forms`].
fn forms_distance(fa: &[String], fb: &[String]) -> usize {
    fa.iter().flat_map(|x| fb.iter().map(move |y| strsim::levenshtein(x, y))).min().unwrap_or(usize::MAX)
}

/// How far apart two transcriptions of a name may be spelled: a third of the longer key, and
/// at least two letters.
fn cap(a: &str, b: &str) -> usize {
    cap_keys(&crate::translit::name_key(a), &crate::translit::name_key(b))
}

/// [`cap`] of two words, from their name keys.
fn cap_keys(ka: &str, kb: &str) -> usize {
    (ka.chars().count().max(kb.chars().count()) / 3).max(2)
}

/// The sound keys of a word of language `lang`, of its surname stem, and of its readings in
/// that language ([`crate::translit::cyrillic_readings`]: Belarusian `Пуцін` as `Путін`).
fn sound_keys(w: &str, lang: &str) -> Vec<String> {
    let w = crate::names::strip_possessive(w);
    let mut keys = crate::translit::sound_keys(w);
    for reading in crate::translit::cyrillic_readings(w, lang) {
        let stem = crate::names::surname_stem(&reading);
        for k in crate::translit::sound_keys(&reading).into_iter().chain(crate::translit::sound_keys(&stem)) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// Whether two words of different scripts can be one name transcribed by sound: the same
/// consonant frame ([`crate::translit::sound_key`]), the Slavic case ending set aside.
/// Takes the words' tokens, which carry their name forms, name key and sound keys (computed
/// once per word, not once per comparison).
fn sounds_alike(a: &Tok, b: &Tok) -> bool {
    // The letters must stay close too: `Wednesday` and `Донасьд` share a consonant frame.
    if forms_distance(&a.forms, &b.forms) > cap_keys(&a.key, &b.key) {
        return false;
    }
    let (na, nb) = (&a.key, &b.key);
    let (ka, kb) = (a.sound_keys(), b.sound_keys());
    let short = |k: &str| k.chars().count() < 2;
    ka.iter().any(|x| kb.iter().any(|y| x == y && !short(x)))
        || (ka[0] == kb[0] && short(&ka[0]) && strsim::levenshtein(na, nb) <= 2)
}

/// [`crate::translit::vowels_plausible_in`] of two words, with the language of the Cyrillic one.
fn vowels_plausible(a: &Tok, b: &Tok) -> Option<bool> {
    let lang = if a.cyrillic { a.lang } else { b.lang };
    crate::translit::vowels_plausible_in(&a.word, &b.word, lang)
}

/// A capitalised word with the name keys of the forms it can stand for, and of the
/// nominatives it can be declined from (in a language that declines names in Latin script).
struct Tok {
    t: NameToken,
    word: String,
    forms: Vec<String>,
    nominatives: Vec<String>,
    /// [`crate::names::is_cyrillic`] of the word.
    cyrillic: bool,
    /// [`sound_keys`] of the word, computed when first asked for.
    sounds: std::cell::OnceCell<Vec<String>>,
    /// The language of the text the word is in.
    lang: &'static str,
}

impl Tok {
    fn sound_keys(&self) -> &[String] {
        self.sounds.get_or_init(|| sound_keys(&self.word, self.lang))
    }
}

impl std::ops::Deref for Tok {
    type Target = NameToken;
    fn deref(&self) -> &NameToken {
        &self.t
    }
}

/// What the source's register says about a word of the source: whether it is part of a
/// person's name, and whether it is a given name (a word of the name before the surname).
struct PersonWord {
    person: bool,
    given: bool,
    /// The person's surname in the source, for a given name.
    surname: Option<Span>,
}

/// Mentions of the people of the source the register knows by a full name (a given name and a
/// surname), as the span of the name proper and of its surname. A register mention may carry
/// an office or a possessive before the name (`Energy Secretary Rick Perry`, `Theresa May's
/// Chequers`): the name starts after the last office word and ends at a possessive.
fn person_mentions(source: &Analysis, text: &str) -> Vec<(Span, Span)> {
    let mut out = Vec::new();
    for p in source.people.people.iter().filter(|p| p.given.is_some()) {
        for m in &p.mentions {
            let (mut start, mut end) = (m.span.start, m.span.end);
            let Some(slice) = text.get(start..end) else { continue };
            let mut at = start;
            for w in slice.split_inclusive(char::is_whitespace) {
                let word = w.trim();
                if office_word(word) {
                    start = at + w.len();
                }
                if (word.ends_with("'s") || word.ends_with("’s")) && at >= start {
                    end = at + word.len();
                    break;
                }
                at += w.len();
            }
            if start < end {
                out.push((Span::new(start, end), m.surname));
            }
        }
    }
    out
}

/// Words of offices and roles (`roles.txt` of every language), lower case.
fn office_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            let mut set = std::collections::HashSet::new();
            for (lang, name) in crate::lang::all_files() {
                if name == "roles.txt" {
                    for r in crate::lang::records(lang, name) {
                        for form in r.iter().skip(2) {
                            set.extend(form.split_whitespace().map(str::to_lowercase));
                        }
                    }
                }
            }
            set
        })
        .contains(&word.to_lowercase())
}

fn person_word(mentions: &[(Span, Span)], at: Span) -> PersonWord {
    match mentions.iter().find(|(m, _)| m.start <= at.start && at.end <= m.end) {
        Some((_, surname)) => {
            let given = at.end <= surname.start;
            PersonWord { person: true, given, surname: given.then_some(*surname) }
        }
        None => PersonWord { person: false, given: false, surname: None },
    }
}

/// The finding for `tn`, the translation's spelling of the source's name `sn`; `why` is
/// appended to the message (empty, or a parenthesised reason).
fn mismatch(tn: &Tok, sn: &Tok, text: &str, src_text: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        tn.span,
        format!(
            "Name '{}' does not match the source's '{}'{why}",
            tn.span.slice(text),
            sn.span.slice(src_text)
        ),
    )
    .with_evidence(Evidence::in_source(sn.span, "the name in the source"))
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(pair) = Pair::of(ctx) else { return Vec::new() };
    let text = pair.doc.text.as_str();
    let src_text = pair.source_doc.text.as_str();
    let pairs = &pair.alignment.pairs;
    let body = |d: &crate::document::Document| Span::new(d.body_start.min(d.text.len()), d.text.len());
    let forms = |toks: Vec<NameToken>, txt: &str, lang: &str| -> Vec<Tok> {
        toks.into_iter()
            .map(|t| {
                let word = t.span.slice(txt).to_string();
                Tok {
                    forms: crate::translit::name_forms(&word),
                    nominatives: crate::translit::nominative_keys(&word, lang),
                    cyrillic: crate::names::is_cyrillic(&word),
                    sounds: std::cell::OnceCell::new(),
                    lang: crate::lang::SUPPORTED.iter().find(|l| **l == lang).copied().unwrap_or("und"),
                    word,
                    t,
                }
            })
            .collect()
    };
    let src_all =
        forms(name_tokens(pair.source, src_text, body(pair.source_doc)), src_text, pair.source_lang());
    let tgt_all = forms(name_tokens(pair.analysis, text, body(pair.doc)), text, pair.target_lang());
    // One name: the same forms, or one word declined from the other (`Theresy`, `Theresa`).
    let same_name = |a: &Tok, b: &Tok| {
        crate::translit::same_name_forms(&a.forms, &b.forms)
            || a.nominatives.iter().any(|n| b.forms.contains(n) || b.nominatives.contains(n))
            || b.nominatives.iter().any(|n| a.forms.contains(n))
    };
    let mentions = person_mentions(pair.source, src_text);
    // Either language declines names: a last vowel changed is a case ending (`Korei` in a
    // Polish source for Korea), not a letter replaced.
    let inflects = super::inflecting(pair.target_lang()) || super::inflecting(pair.source_lang());
    // The same name written the same way: not one letter replaced that the name key hides
    // (`Waterr` for Waters).
    let written_as = |a: &Tok, b: &Tok| {
        same_name(a, b) && !(a.cyrillic == b.cyrillic && letter_replaced(&a.word, &b.word, inflects))
    };
    // Two words of different scripts (`cyrillic` differs): a transcription, not a spelling.
    // Whether target word `tn` renders source word `sn`: the same name key (case endings
    // allowed), or across scripts the same sound.
    let renders =
        |sn: &Tok, tn: &Tok| same_name(sn, tn) || (sn.cyrillic != tn.cyrillic && sounds_alike(sn, tn));
    // How often the translation writes a spelling (case endings aside).
    let count = |tn: &Tok| tgt_all.iter().filter(|o| same_name(o, tn)).count();
    // The translation's words that render each word of the source (a name is written again
    // and again: once per word, not per mention), and the source's words written as each word
    // of the translation (by its place), as indices into `tgt_all` and `src_all`.
    let mut rendered_by: HashMap<&str, Vec<usize>> = HashMap::new();
    for sn in &src_all {
        rendered_by
            .entry(sn.word.as_str())
            .or_insert_with(|| (0..tgt_all.len()).filter(|&i| renders(sn, &tgt_all[i])).collect());
    }
    let written_in_source: HashMap<usize, Vec<usize>> = tgt_all
        .iter()
        .map(|tn| (tn.span.start, (0..src_all.len()).filter(|&i| written_as(&src_all[i], tn)).collect()))
        .collect();
    let mut out = Vec::new();
    let mut reported: Vec<Span> = Vec::new();
    for p in pairs {
        let (Some(s), Some(t)) = (p.source_span(), p.target_span()) else { continue };
        let tgt_here: Vec<&Tok> = tgt_all.iter().filter(|n| t.contains(n.span)).collect();
        let src_here: Vec<&Tok> = src_all.iter().filter(|n| s.contains(n.span)).collect();
        // Target words a source word of this pair was found rendered by: a name the source
        // writes twice is rendered twice (`Trump … Trump`: `Трампом … Трамп`).
        let mut taken: Vec<Span> = Vec::new();
        for sn in &src_here {
            // Written as in the source here: still, another word of the pair may be this
            // name altered (`Lovrov … Lavrov`), which the right spelling then shows.
            let exact: Vec<&Tok> = tgt_here.iter().copied().filter(|tn| written_as(sn, tn)).collect();
            let pw = person_word(&mentions, sn.span);
            // A short key (`Ross`, `Yong`) is checked only as a person's name.
            if sn.key.chars().count() < 4 && !pw.person {
                continue;
            }
            // The translation renders this name elsewhere (outside this pair).
            let elsewhere: Vec<&Tok> = rendered_by[sn.word.as_str()]
                .iter()
                .map(|&i| &tgt_all[i])
                .filter(|o| !t.contains(o.span))
                .collect();
            // Outside a person's name, a word capitalised only by its place in the sentence
            // is not taken for a name.
            if !pw.person && (elsewhere.is_empty() || sn.initial) {
                continue;
            }
            // A word of the pair that renders another source name is not this one altered,
            // unless that name is written as in the source elsewhere in the pair (`Times`
            // and `Sunday Times` do not make `Темеза` for Theresa theirs).
            let claimed = |tn: &Tok| {
                src_here.iter().any(|o| {
                    !same_name(o, sn)
                        && renders(o, tn)
                        && !tgt_here.iter().any(|x| x.span != tn.span && same_name(o, x))
                })
            };
            let free = |tn: &&&Tok| {
                !reported.contains(&tn.span)
                    && !claimed(tn)
                    && !written_in_source[&tn.span.start].iter().map(|&i| &src_all[i]).any(|o| {
                        !tgt_here.iter().any(|x| x.span != tn.span && letters(&x.word) == letters(&o.word))
                    })
            };
            // Written as here, or across scripts the same sound: a rendering of this name, not
            // it altered (`Уэстом` after `Уэста`, for a source that writes West twice).
            let rendering =
                |tn: &Tok| written_as(sn, tn) || (sn.cyrillic != tn.cyrillic && sounds_alike(sn, tn));
            // Rendered by sound in another script: right, unless the translation spells the
            // name another way elsewhere and this spelling is the odd one out. A word that is
            // another source name of the pair renders more closely (`Chris` for `Крису`, not for
            // `Харрису`) is not this one's rendering.
            let loose = if exact.is_empty() {
                tgt_here.iter().filter(|tn| !taken.contains(&tn.span)).find(|tn| {
                    let d = forms_distance(&sn.forms, &tn.forms);
                    rendering(tn)
                        && !src_here.iter().any(|o| {
                            !same_name(o, sn) && renders(o, tn) && forms_distance(&o.forms, &tn.forms) <= d
                        })
                })
            } else {
                None
            };
            if let Some(tn) = loose {
                taken.push(tn.span);
                let mine = count(tn);
                let rank = |x: &Tok| {
                    (forms_distance(&sn.forms, &x.forms), std::cmp::Reverse(count(x)), x.span.start)
                };
                // Only a spelling one letter off is the same name spelled otherwise.
                let stem_key = |w: &str| crate::translit::name_key(&crate::names::surname_stem(w));
                let here = stem_key(tn.span.slice(text));
                let other = elsewhere
                    .iter()
                    .filter(|o| {
                        !same_name(o, tn) && !src_all.iter().any(|x| !same_name(x, sn) && renders(x, o))
                    })
                    .filter(|o| {
                        let there = stem_key(o.span.slice(text));
                        here.chars().next() == there.chars().next()
                            && !here.starts_with(&there)
                            && !there.starts_with(&here)
                            && strsim::levenshtein(&here, &there) == 1
                    })
                    .min_by_key(|o| rank(o));
                if let Some(o) = other {
                    // The odd one out: further from the source's letters, or used less, or later.
                    if free(&tn) && mine == 1 && rank(o) < rank(tn) {
                        reported.push(tn.span);
                        let why =
                            format!(" (written '{}' elsewhere in this translation)", o.span.slice(text));
                        out.push(
                            mismatch(tn, sn, text, src_text, &why)
                                .with_evidence(Evidence::here(o.span, "the spelling used elsewhere")),
                        );
                    }
                    continue;
                }
                // Alone in its spelling, a transcription must still render the source's
                // vowels (`Трамп` for Trump, not `Тромп`), unless it is a given name of its own
                // language (`Владимир` for Volodymyr, `Алексей` for Oleksii).
                if pw.person
                    && free(&tn)
                    && mine == 1
                    && !native_given_name(&sn.word, &tn.word)
                    && vowels_plausible(sn, tn) == Some(false)
                {
                    reported.push(tn.span);
                    out.push(mismatch(tn, sn, text, src_text, " (its vowels are not a transcription of it)"));
                    continue;
                }
                // A person's name rendered right here may still be altered in another word of
                // the pair (`Писер Джонс … бренд Питера` for Peter Jones): look on.
                if !pw.person {
                    continue;
                }
            }
            // What the name should look like here: the source's spelling, and the
            // translation's own renderings of it elsewhere (the better reference when the
            // translation transcribes into another script: `Трамп` for Trump).
            let refs: Vec<&Tok> =
                std::iter::once(*sn).chain(exact.iter().copied()).chain(elsewhere.iter().copied()).collect();
            let likeness = |tn: &Tok| {
                refs.iter().map(|r| strsim::normalized_levenshtein(&r.key, &tn.key)).fold(0.0, f64::max)
            };
            // The closest capitalised word of the pair, if it is close: the name altered.
            // Ties go to the word closer in its letters (`Miku`, not `Mitte`, for Mike), then
            // to the earlier one.
            let spelled = |tn: &Tok| strsim::levenshtein(&tn.word.to_lowercase(), &sn.word.to_lowercase());
            let closest = tgt_here
                .iter()
                .filter(free)
                .filter(|tn| !taken.contains(&tn.span) && !rendering(tn))
                .map(|tn| (*tn, likeness(tn)))
                .min_by(|a, b| {
                    b.1.total_cmp(&a.1)
                        .then(spelled(a.0).cmp(&spelled(b.0)))
                        .then(a.0.span.start.cmp(&b.0.span.start))
                });
            let Some((tn, _)) = closest else { continue };
            // A given name's place: the word right before the translation's rendering of the
            // surname (`Майл Помпео` for Mike Pompeo).
            let before_surname = pw.surname.is_some_and(|surname| {
                tgt_here.iter().any(|t2| {
                    t2.span.start > tn.span.end
                        && text.get(tn.span.end..t2.span.start).is_some_and(|g| g.trim().is_empty())
                        && src_here.iter().any(|so| surname.contains(so.span) && renders(so, t2))
                })
            });
            let off = |r: &Tok| {
                if r.cyrillic != tn.cyrillic {
                    // A consonant off, or for a person the right consonants with a vowel no
                    // transcription writes (`Армитиж` for Armitage); in a given name's place,
                    // even a short frame one consonant off (`Майл` for Mike).
                    altered_sound(r, tn)
                        || (before_surname && frame_replaced(r, tn))
                        || (pw.person && frame_extended(r, tn))
                        || (pw.person
                            && !native_given_name(&r.word, &tn.word)
                            && vowels_plausible(r, tn) == Some(false))
                } else {
                    altered_forms(r, tn, pw.given, inflects)
                }
            };
            // Places and other names have exonyms (`Шотландия` for Scotland): for them only
            // the translation's own spelling, in the same script, is a reference.
            let reference = |r: &&Tok| pw.person || (r.span != sn.span && r.cyrillic == tn.cyrillic);
            if !refs.iter().any(|r| reference(r) && off(r)) {
                continue;
            }
            // A spelling the translation uses again and again, where it never writes the
            // source's, is its rendering of the name (an exonym, a house transcription).
            if count(tn) >= 2 && elsewhere.is_empty() {
                continue;
            }
            // Words that are not people's names are also translated (`China`/`Chine`,
            // `National`/`Nacional`, `Parliament`/`Parlement`), and a translation may keep
            // the original in one place and translate it in another. Only one inner letter
            // changed, in a spelling used once, against one used at least twice, is a slip.
            if !pw.person
                && (count(tn) > 1
                    || !elsewhere.iter().any(|r| {
                        r.cyrillic == tn.cyrillic
                            && count(r) >= 2
                            && (inner_substitution(&r.key, &tn.key)
                                || inner_substitution(
                                    &letters(&r.word).iter().collect::<String>(),
                                    &letters(&tn.word).iter().collect::<String>(),
                                ))
                    }))
            {
                continue;
            }
            reported.push(tn.span);
            out.push(mismatch(tn, sn, text, src_text, ""));
        }
    }
    out.extend(missing_people(&pair, &tgt_all));
    out
}

/// Name keys of the given names of every language (`first_names.txt`), in Latin letters.
fn known_given_name(word: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            let mut set = std::collections::HashSet::new();
            for (lang, name) in crate::lang::all_files() {
                if name == "first_names.txt" {
                    for r in crate::lang::records(lang, name) {
                        set.insert(crate::translit::name_key(r[0]));
                    }
                }
            }
            set
        })
        .contains(&crate::translit::name_key(word))
        || !crate::names::given_name_genders(word).is_empty()
}

/// `him` or `her` for a given name the dictionary of [`crate::names::given_name_genders`]
/// gives one gender (`Wiebke`), `them` otherwise.
fn dictionary_pronoun(given: Option<&str>) -> &'static str {
    let Some(first) = given.and_then(|g| g.split_whitespace().next()) else { return "them" };
    let genders = crate::names::given_name_genders(first);
    let male = genders.contains(&gender_guesser::Gender::Male);
    let female = genders.contains(&gender_guesser::Gender::Female);
    match (male, female) {
        (true, false) => "him",
        (false, true) => "her",
        _ => "them",
    }
}

/// Whether the source's register has strong evidence that person `k` is a person, not a
/// place or an organisation read as a name (`Corea del Norte`, `Grand Prix`): a given name of
/// `first_names.txt` or an office of `roles.txt` given to them, on a name written like one
/// (every word capitalised but particles: not `der Katastrophenschutzbehörde`, to which a
/// German text gives the office `Sprecher`).
fn surely_person(source: &Analysis, k: usize) -> bool {
    let p = &source.people.people[k];
    let given = p.given.as_deref().and_then(|g| g.split_whitespace().next()).is_some_and(known_given_name);
    let office = p.roles.iter().any(|r| r.canonical.is_some());
    // Every word of the name capitalised (`der Wiederherstellung` is a German phrase).
    let mut words = p.name.split_whitespace();
    let shaped =
        words.next().is_some_and(|w| w.starts_with(char::is_uppercase) && !crate::names::is_particle(w))
            && words.all(|w| w.starts_with(char::is_uppercase) || crate::names::is_particle(w));
    // A word of a competition, a venue or an institution (`Champions League`) is not a
    // person's (`name_not_person.txt`, every language).
    static NOT_PERSON: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let not_person = NOT_PERSON.get_or_init(|| {
        crate::lang::all_files()
            .filter(|(_, name)| *name == "name_not_person.txt")
            .flat_map(|(lang, name)| crate::lang::lines(lang, name))
            .map(str::to_lowercase)
            .collect()
    });
    let thing = p.name.split_whitespace().any(|w| not_person.contains(&w.to_lowercase()));
    // A quote alone is not enough: the register credits quotes to noun phrases too
    // (`Kundgebung Anhänger`, a German rally and its supporters).
    shaped && !thing && (given || office)
}

/// Whether a capitalised word of the translation may name the source's name word `w` (its
/// name forms `wf`): the same name in any spelling or case, a transcription by sound, a
/// spelling close enough to be this name altered (reported above, if at all), or a word
/// declined from its stem. Generous on purpose, a name is reported missing only when nothing
/// in the translation could be it, but not blind: a short name matches no acronym and no
/// word a consonant away (`Luke` is not `Майк`).
fn may_name(w: &Tok, t: &Tok) -> bool {
    if crate::translit::same_name_forms(&w.forms, &t.forms)
        || w.nominatives.iter().any(|n| t.forms.contains(n))
        || t.nominatives.iter().any(|n| w.forms.contains(n))
    {
        return true;
    }
    // A spelling a few letters off, measured on the source's form: a long word of the
    // translation (`Премьер-лиги`) must not widen what a short name (`Pep`) may match, nor
    // a long name what its short part (`Hans` of `Hans-Peter`) may.
    let (mut close, mut d) = (false, usize::MAX);
    for x in &w.forms {
        let cap = (x.chars().count() / 3).max(1);
        for y in &t.forms {
            let e = strsim::levenshtein(x, y);
            close |= e <= cap;
            d = d.min(e);
        }
    }
    if close {
        return true;
    }
    let common = w.key.chars().zip(t.key.chars()).take_while(|(a, b)| a == b).count();
    if common >= 4.min(w.key.chars().count())
        && common * 3 >= 2 * w.key.chars().count().min(t.key.chars().count())
    {
        return true;
    }
    // The same consonant frame with letters not all different (`Nelson`, `Согласно`), or
    // one consonant apart after the same first consonant on a frame of three or more, with
    // letters as close as a spelling's (two consonants one apart are any two short names:
    // `Luke`, `Майк`; `Racine`, `Grace`).
    let longer = w.key.chars().count().max(t.key.chars().count());
    let (ka, kb) = (w.sound_keys(), t.sound_keys());
    ka.iter().any(|x| {
        let n = x.chars().count();
        kb.iter().any(|y| {
            (n >= 2 && x == y && d <= longer / 2)
                || (n >= 3
                    && d <= cap_keys(&w.key, &t.key)
                    && x.chars().next() == y.chars().next()
                    && strsim::levenshtein(x, y) <= 1)
        })
    })
}

/// People the source names with a full name that the translation never names, in any
/// spelling, script or case: reported on the translation of the sentence where the source
/// first names them. A translation may well say `the minister` or `she` for a person it has
/// named once, so only a person named nowhere in the whole translation counts.
fn missing_people(pair: &Pair, tgt_all: &[Tok]) -> Vec<Diagnostic> {
    let (text, src_text) = (pair.doc.text.as_str(), pair.source_doc.text.as_str());
    let (sl, tl) = (pair.source_lang(), pair.target_lang());
    let lang_of = |l: &str| crate::lang::SUPPORTED.iter().find(|x| **x == l).copied().unwrap_or("und");
    let tok = |word: &str, span: Span, lang: &'static str| Tok {
        t: NameToken { span, key: crate::translit::name_key(word), initial: false },
        forms: crate::translit::name_forms(word),
        nominatives: crate::translit::nominative_keys(word, lang),
        cyrillic: crate::names::is_cyrillic(word),
        sounds: std::cell::OnceCell::new(),
        lang,
        word: word.to_string(),
    };
    // Short capitalised words of the translation (`May`, `Kim`, `Ли`), which name tokens
    // leave out, read when a person's name has a short word.
    let short: std::cell::OnceCell<Vec<Tok>> = std::cell::OnceCell::new();
    let short_words = || {
        short.get_or_init(|| {
            let body = Span::new(pair.doc.body_start.min(text.len()), text.len());
            pair.analysis
                .text
                .tokens_in(body)
                .iter()
                .filter(|t| t.kind == crate::text::TokenKind::Word)
                .filter(|t| {
                    let w = t.span.slice(text);
                    let n = w.chars().filter(|c| c.is_alphabetic()).count();
                    // Not an acronym (`BBC`, `ООН`).
                    w.starts_with(char::is_uppercase)
                        && (2..4).contains(&n)
                        && w.chars().any(char::is_lowercase)
                })
                .map(|t| tok(t.span.slice(text), t.span, lang_of(tl)))
                .collect()
        })
    };
    let mut out = Vec::new();
    for (k, person) in pair.source.people.people.iter().enumerate() {
        if person.given.is_none() || !surely_person(pair.source, k) {
            continue;
        }
        let Some(first) = person.mentions.iter().min_by_key(|m| m.span.start) else { continue };
        let words: Vec<Tok> = person
            .name
            .split_whitespace()
            .map(crate::names::strip_possessive)
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
            .filter(|w| w.chars().count() >= 2 && !crate::names::is_particle(w))
            .map(|w| tok(w, first.span, lang_of(sl)))
            .collect();
        if words.is_empty() {
            continue;
        }
        let named = words.iter().any(|w| {
            tgt_all.iter().any(|t| may_name(w, t))
                || (w.key.chars().count() < 5 && short_words().iter().any(|t| may_name(w, t)))
        });
        if named {
            continue;
        }
        // The sentence where the source first names them, and its translation; a sentence
        // left out of the translation altogether is X809's.
        let Some(p) =
            pair.alignment.pairs.iter().find(|p| p.source_spans.iter().any(|s| s.contains(first.span)))
        else {
            continue;
        };
        let Some(t) = p.target_span() else { continue };
        let sentence = p.source_span().map_or("", |s| s.slice(src_text));
        if super::omitted_segment::is_byline(sentence) {
            continue;
        }
        let pronoun = match person.gender {
            crate::analysis::speakers::Gender::Male => "him",
            crate::analysis::speakers::Gender::Female => "her",
            crate::analysis::speakers::Gender::Any => dictionary_pronoun(person.given.as_deref()),
        };
        let name = &person.name;
        out.push(
            Diagnostic::new(
                t,
                format!("The source names {name} here; the translation does not name {pronoun} anywhere"),
            )
            .with_evidence(Evidence::in_source(first.span, "the person in the source")),
        );
    }
    out
}
