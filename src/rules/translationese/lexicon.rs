//! Calque lexicons: literal translations of source-language idioms, one data file per
//! source→target pair (`src/lang/<target>/calques_<source>.txt`), plus the target's shared
//! slot classes (`src/lang/<target>/calques.txt`).
//!
//! An entry is a block of `key: value` lines, blocks separated by blank lines:
//!
//! ```text
//! pattern: on the fields of the {event}
//! source:  на полях саммита
//! means:   on the sidelines of (a summit, forum, ...)
//! suggest: on the sidelines of the {event}
//! fire:    Lavrov met Wang Yi on the fields of the G20 summit.
//! silent:  Tractors worked on the fields of the collective farm.
//! ```
//!
//! Pattern elements, separated by spaces (all matching is on lower-cased words):
//! - `word`, or alternatives `gave|give|given`; `give~` is every form of `give` listed in the
//!   target's `forms` lines; `*ing` is any word ending in `ing`.
//! - `?` after an element makes it optional: `a|the?`.
//! - `{name}`: 1–6 words including one of the slot class `name` (`slot name: ...` lines);
//!   `{}`: any 1–3 words; `{#}`: one number. `{name}?` may be empty; `{name:3}` takes at
//!   most 3 words.
//! - `$` (or `^`): a sentence or clause edge; `,`: a comma; `!than`: the next word is not
//!   `than` (a near miss guard); `>to|for`: context that must be there (`to` or `for`) but
//!   is not part of the reported span.
//!
//! Commas, quote marks and dashes between words are skipped; sentence-ending punctuation and
//! paragraph breaks are not crossed. Matching runs one Aho-Corasick automaton over the anchor
//! phrases of every pattern (the longest run of plain words), then verifies the rest of the
//! pattern around each hit, so the cost does not grow with the number of entries.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::words::{ItemKind, Words};
use crate::span::Span;

/// One lexicon entry, as written in its data file.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// Language of the text the calque appears in (ISO 639-1).
    pub target: String,
    /// Language the idiom was translated from.
    pub source_lang: String,
    /// `<target>/calques_<source>.txt:<line>` where the entry starts.
    pub location: String,
    pub patterns: Vec<String>,
    /// The idiom in the source language.
    pub source: String,
    pub means: String,
    pub suggest: String,
    pub fire: Vec<String>,
    pub silent: Vec<String>,
}

#[derive(Clone, Debug)]
enum SlotKind {
    Any,
    Number,
    Class(BTreeSet<String>),
}

#[derive(Clone, Debug)]
enum Elem {
    Alt { words: Vec<String>, suffixes: Vec<String>, edge: bool, comma: bool, optional: bool, peek: bool },
    Not(Vec<String>),
    Slot { name: String, kind: SlotKind, optional: bool, max: Option<usize> },
}

impl Elem {
    /// Plain words only: usable in an anchor phrase.
    fn literal(&self) -> Option<&[String]> {
        match self {
            Elem::Alt { words, suffixes, edge: false, comma: false, optional: false, peek: false }
                if suffixes.is_empty() && !words.is_empty() =>
            {
                Some(words)
            }
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
struct Pattern {
    entry: usize,
    elems: Vec<Elem>,
    /// Elements `anchor.0..anchor.1` are the anchor phrase.
    anchor: (usize, usize),
}

/// A calque found in a text.
#[derive(Clone, Debug)]
pub struct Hit {
    pub entry: &'static Entry,
    pub span: Span,
    /// Slot name and the text span it covered.
    pub slots: Vec<(String, Span)>,
}

impl Hit {
    /// The entry's suggestion with its slots filled from the text.
    pub fn suggestion(&self, text: &str) -> String {
        let mut out = self.entry.suggest.clone();
        for (name, span) in &self.slots {
            out = out.replace(&format!("{{{name}}}"), span.slice(text));
        }
        out
    }
}

/// The compiled lexicons of one target language (all its source pairs).
pub struct Lexicon {
    pub target: String,
    pub entries: Vec<Entry>,
    patterns: Vec<Pattern>,
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: the patterns anchored on it.
    anchored: Vec<Vec<usize>>,
    /// Problems found while loading (reported by the lexicon test).
    pub errors: Vec<String>,
}

/// Every target language's lexicon, loaded once.
pub fn lexicons() -> &'static [Lexicon] {
    static L: OnceLock<Vec<Lexicon>> = OnceLock::new();
    L.get_or_init(|| {
        let mut targets = BTreeSet::new();
        for (lang, name) in crate::lang::all_files() {
            if name.starts_with("calques_") && name.ends_with(".txt") {
                targets.insert(lang);
            }
        }
        targets.into_iter().map(Lexicon::load).collect()
    })
}

/// The lexicon whose texts are in `target`, if there is one.
pub fn lexicon(target: &str) -> Option<&'static Lexicon> {
    lexicons().iter().find(|l| l.target == target)
}

struct Grammar {
    slots: BTreeMap<String, BTreeSet<String>>,
    forms: Vec<Vec<String>>,
}

fn grammar(target: &str, errors: &mut Vec<String>) -> Grammar {
    let mut g = Grammar { slots: BTreeMap::new(), forms: Vec::new() };
    for line in crate::lang::lines(target, "calques.txt") {
        if let Some(rest) = line.strip_prefix("slot ") {
            let Some((name, words)) = rest.split_once(':') else {
                errors.push(format!("{target}/calques.txt: `{line}`: expected `slot name: words`"));
                continue;
            };
            let set = g.slots.entry(name.trim().to_string()).or_default();
            for w in words.split_whitespace() {
                set.insert(super::words::normalize(w));
            }
        } else if let Some(rest) = line.strip_prefix("forms:") {
            g.forms.push(rest.split_whitespace().map(super::words::normalize).collect());
        } else {
            errors.push(format!("{target}/calques.txt: `{line}`: expected `slot name: ...` or `forms: ...`"));
        }
    }
    g
}

impl Lexicon {
    fn load(target: &str) -> Lexicon {
        let mut errors = Vec::new();
        let g = grammar(target, &mut errors);
        let mut entries = Vec::new();
        let mut files: Vec<&str> = crate::lang::all_files()
            .filter(|(l, n)| *l == target && n.starts_with("calques_") && n.ends_with(".txt"))
            .map(|(_, n)| n)
            .collect();
        files.sort();
        for name in files {
            let source_lang = name.trim_start_matches("calques_").trim_end_matches(".txt");
            let text = crate::lang::file(target, name).unwrap_or("");
            parse_entries(target, source_lang, name, text, &mut entries, &mut errors);
        }
        let mut patterns = Vec::new();
        for (ei, e) in entries.iter().enumerate() {
            for p in &e.patterns {
                match compile(p, &g) {
                    Ok((elems, anchor)) => patterns.push(Pattern { entry: ei, elems, anchor }),
                    Err(msg) => errors.push(format!("{}: pattern `{p}`: {msg}", e.location)),
                }
            }
        }
        let mut by_anchor: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (pi, p) in patterns.iter().enumerate() {
            for phrase in anchor_phrases(&p.elems[p.anchor.0..p.anchor.1]) {
                by_anchor.entry(phrase).or_default().push(pi);
            }
        }
        let keys: Vec<&String> = by_anchor.keys().collect();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .map_err(|e| errors.push(format!("{target}: calque automaton: {e}")))
            .ok();
        let anchored = by_anchor.into_values().collect();
        Lexicon { target: target.to_string(), entries, patterns, automaton, anchored, errors }
    }

    /// Every calque of the lexicon in `words`, for entries whose source language passes
    /// `source_ok`. Overlapping hits keep the earliest, then longest.
    pub fn find(&'static self, words: &Words, source_ok: impl Fn(&str) -> bool) -> Vec<Hit> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        let mut hits: Vec<Hit> = Vec::new();
        for m in ac.find_overlapping_iter(&words.hay) {
            let Some(first) = words.word_at_hay(m.start() + 1) else { continue };
            for &pi in &self.anchored[m.pattern().as_usize()] {
                let p = &self.patterns[pi];
                let entry = &self.entries[p.entry];
                if !source_ok(&entry.source_lang) {
                    continue;
                }
                if let Some(hit) = verify(p, words, first) {
                    hits.push(Hit { entry, span: hit.0, slots: hit.1 });
                }
            }
        }
        hits.sort_by(|a, b| {
            (a.span.start, std::cmp::Reverse(a.span.end)).cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
        });
        let mut out: Vec<Hit> = Vec::new();
        for h in hits {
            if out.last().is_some_and(|l| l.span.overlaps(h.span)) {
                continue;
            }
            out.push(h);
        }
        out
    }
}

fn parse_entries(
    target: &str,
    source_lang: &str,
    name: &str,
    text: &str,
    entries: &mut Vec<Entry>,
    errors: &mut Vec<String>,
) {
    let mut cur: Option<Entry> = None;
    let finish = |cur: &mut Option<Entry>, entries: &mut Vec<Entry>, errors: &mut Vec<String>| {
        if let Some(e) = cur.take() {
            if e.patterns.is_empty() || e.means.is_empty() || e.suggest.is_empty() {
                errors.push(format!("{}: entry needs `pattern`, `means` and `suggest`", e.location));
            }
            entries.push(e);
        }
    };
    for (no, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            finish(&mut cur, entries, errors);
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            errors.push(format!("{target}/{name}:{}: expected `key: value`", no + 1));
            continue;
        };
        let e = cur.get_or_insert_with(|| Entry {
            target: target.to_string(),
            source_lang: source_lang.to_string(),
            location: format!("{target}/{name}:{}", no + 1),
            ..Entry::default()
        });
        let value = value.trim().to_string();
        match key.trim() {
            "pattern" => e.patterns.push(value),
            "source" => e.source = value,
            "means" => e.means = value,
            "suggest" => e.suggest = value,
            "fire" => e.fire.push(value),
            "silent" => e.silent.push(value),
            other => errors.push(format!("{target}/{name}:{}: unknown key `{other}`", no + 1)),
        }
    }
    finish(&mut cur, entries, errors);
}

fn compile(pattern: &str, g: &Grammar) -> Result<(Vec<Elem>, (usize, usize)), String> {
    let mut elems = Vec::new();
    for raw in pattern.split_whitespace() {
        let (body, optional) = match raw.strip_suffix('?') {
            Some(b) if !b.is_empty() => (b, true),
            _ => (raw, false),
        };
        let (body, peek) = match body.strip_prefix('>') {
            Some(b) if !b.is_empty() => (b, true),
            _ => (body, false),
        };
        if let Some(inner) = body.strip_prefix('{').and_then(|b| b.strip_suffix('}')) {
            let (name, max) = match inner.split_once(':') {
                Some((n, m)) => {
                    (n, Some(m.parse::<usize>().map_err(|_| format!("bad slot length in `{raw}`"))?))
                }
                None => (inner, None),
            };
            let kind = match name {
                "" => SlotKind::Any,
                "#" => SlotKind::Number,
                n => SlotKind::Class(g.slots.get(n).cloned().ok_or(format!("unknown slot class `{n}`"))?),
            };
            elems.push(Elem::Slot { name: name.to_string(), kind, optional, max });
            continue;
        }
        let alts: Vec<&str> = body.split('|').collect();
        if alts.iter().all(|a| a.starts_with('!') && a.len() > 1) {
            let mut not: Vec<String> = alts.iter().map(|a| super::words::normalize(&a[1..])).collect();
            not.sort();
            elems.push(Elem::Not(not));
            continue;
        }
        let (mut words, mut suffixes, mut edge, mut comma) = (Vec::new(), Vec::new(), false, false);
        for a in alts {
            match a {
                "$" | "^" => edge = true,
                "," => comma = true,
                _ if a.starts_with('*') && a.len() > 1 => suffixes.push(super::words::normalize(&a[1..])),
                _ if a.ends_with('~') && a.len() > 1 => {
                    let w = super::words::normalize(&a[..a.len() - 1]);
                    let family: Vec<&Vec<String>> = g.forms.iter().filter(|f| f.contains(&w)).collect();
                    if family.is_empty() {
                        return Err(format!("no `forms:` line lists `{w}`"));
                    }
                    words.extend(family.into_iter().flatten().cloned());
                    words.push(w);
                }
                _ if a.is_empty() || a.starts_with('!') || a.contains(['{', '}']) => {
                    return Err(format!("bad element `{raw}`"))
                }
                _ => words.push(super::words::normalize(a)),
            }
        }
        words.sort();
        words.dedup();
        elems.push(Elem::Alt { words, suffixes, edge, comma, optional, peek });
    }
    // The anchor: the longest run of plain-word elements, preferring long words.
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < elems.len() {
        if elems[i].literal().is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < elems.len() && elems[i].literal().is_some() {
            i += 1;
        }
        // Shrink a run whose spelled-out phrases would be too many.
        let mut end = i;
        while end > start + 1 && combos(&elems[start..end]) > 256 {
            end -= 1;
        }
        let score = (end - start) * 100
            + elems[start..end]
                .iter()
                .map(|e| e.literal().unwrap().iter().map(String::len).min().unwrap_or(0))
                .sum::<usize>();
        if best.is_none_or(|b| score > b.2) {
            best = Some((start, end, score));
        }
    }
    let (a, b, _) = best.ok_or("needs at least one plain word to anchor on")?;
    if b - a == 1 && elems[a].literal().unwrap().iter().any(|w| w.chars().count() < 4) {
        return Err("anchor is a single short word; add context".into());
    }
    Ok((elems, (a, b)))
}

fn combos(elems: &[Elem]) -> usize {
    elems.iter().map(|e| e.literal().map_or(1, <[String]>::len)).product()
}

/// `" w1 w2 "` strings for every combination of an anchor run's alternatives.
fn anchor_phrases(elems: &[Elem]) -> Vec<String> {
    let mut out = vec![String::from(" ")];
    for e in elems {
        let words = e.literal().unwrap_or(&[]);
        out = out.iter().flat_map(|p| words.iter().map(move |w| format!("{p}{w} "))).collect();
    }
    out
}

type Slots = Vec<(String, Span)>;

/// Checks the whole pattern around an anchor hit starting at word item `first`.
fn verify(p: &Pattern, words: &Words, first: usize) -> Option<(Span, Slots)> {
    // Walk the anchor's words to find where it ends.
    let mut pos = first;
    let mut last = first;
    for _ in p.anchor.0..p.anchor.1 {
        pos = next_hard(words, pos as isize, 1, true).filter(|&i| words.items[i].kind == ItemKind::Word)?;
        last = pos;
        pos += 1;
    }
    let mut slots = Vec::new();
    let after: Vec<&Elem> = p.elems[p.anchor.1..].iter().collect();
    let before: Vec<&Elem> = p.elems[..p.anchor.0].iter().rev().collect();
    let end = walk(&after, words, last as isize + 1, 1, &mut slots)?;
    let mut slots_before = Vec::new();
    let start = walk(&before, words, first as isize - 1, -1, &mut slots_before)?;
    slots.extend(slots_before);
    let a = start.map_or(first, |s| s.min(first));
    let b = end.map_or(last, |e| e.max(last));
    Some((words.items[a].span.cover(words.items[b].span), slots))
}

/// The next item that is not soft punctuation, or `None` past the end.
fn next_hard(words: &Words, pos: isize, dir: isize, skip_commas: bool) -> Option<usize> {
    let mut i = pos;
    while i >= 0 && (i as usize) < words.items.len() {
        match words.items[i as usize].kind {
            ItemKind::Soft => {}
            ItemKind::Comma if skip_commas => {}
            _ => return Some(i as usize),
        }
        i += dir;
    }
    None
}

fn word_matches(w: &str, words: &[String], suffixes: &[String]) -> bool {
    words.binary_search_by(|x| x.as_str().cmp(w)).is_ok()
        || suffixes.iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s.as_str()))
}

fn in_class(w: &str, class: &BTreeSet<String>) -> bool {
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')).unwrap_or(w);
    class.contains(w)
        || w.strip_suffix('s').is_some_and(|s| class.contains(s))
        || w.strip_suffix("es").is_some_and(|s| class.contains(s))
}

/// Matches `elems` from `pos` in direction `dir`. Returns the furthest word item consumed
/// (`None` if nothing was consumed), or fails.
fn walk(elems: &[&Elem], words: &Words, pos: isize, dir: isize, slots: &mut Slots) -> Option<Option<usize>> {
    let Some((e, rest)) = elems.split_first() else { return Some(None) };
    let further = |consumed: usize, r: Option<Option<usize>>| r.map(|x| Some(x.unwrap_or(consumed)));
    match e {
        Elem::Alt { words: ws, suffixes, edge, comma, optional, peek } => {
            if !ws.is_empty() || !suffixes.is_empty() {
                if let Some(i) = next_hard(words, pos, dir, true) {
                    let it = &words.items[i];
                    if it.kind == ItemKind::Word && word_matches(words.norm(i), ws, suffixes) {
                        let r = if *peek {
                            walk(rest, words, i as isize + dir, dir, slots)
                        } else {
                            further(i, walk(rest, words, i as isize + dir, dir, slots))
                        };
                        if let Some(r) = r {
                            return Some(r);
                        }
                    }
                }
            }
            if *comma {
                if let Some(i) = next_hard(words, pos, dir, false) {
                    if words.items[i].kind == ItemKind::Comma {
                        if let Some(r) = walk(rest, words, i as isize + dir, dir, slots) {
                            return Some(r);
                        }
                    }
                }
            }
            if *edge {
                let at_edge = next_hard(words, pos, dir, false)
                    .is_none_or(|i| words.items[i].kind == ItemKind::Barrier);
                if at_edge {
                    if let Some(r) = walk(rest, words, pos, dir, slots) {
                        return Some(r);
                    }
                }
            }
            if *optional {
                return walk(rest, words, pos, dir, slots);
            }
            None
        }
        Elem::Not(ws) => {
            if let Some(i) = next_hard(words, pos, dir, true) {
                if words.items[i].kind == ItemKind::Word && word_matches(words.norm(i), ws, &[]) {
                    return None;
                }
            }
            walk(rest, words, pos, dir, slots)
        }
        Elem::Slot { name, kind, optional, max } => {
            let max = max.unwrap_or(match kind {
                SlotKind::Any => 3,
                SlotKind::Number => 1,
                SlotKind::Class(_) => 6,
            });
            // Candidate spans: (last item, contains a class word, ends on one).
            let mut ends: Vec<(usize, bool, bool)> = Vec::new();
            let mut seen_class = false;
            let mut i = pos;
            for _ in 0..max {
                // Slots take words and soft punctuation, never commas or barriers.
                let Some(j) = next_hard(words, i, dir, false) else { break };
                if words.items[j].kind != ItemKind::Word {
                    break;
                }
                let w = words.norm(j);
                let (contains, last) = match kind {
                    SlotKind::Any => (true, true),
                    SlotKind::Number if w.starts_with(|c: char| c.is_ascii_digit()) => (true, true),
                    SlotKind::Number => break,
                    SlotKind::Class(c) => {
                        let here = in_class(w, c);
                        seen_class |= here;
                        (seen_class, here)
                    }
                };
                ends.push((j, contains, last));
                i = j as isize + dir;
            }
            // Class slots prefer the longest span ending on a class word (`the G20 summit`,
            // `the UN General Assembly`), then the shortest one holding one (`the idea of
            // a tax cut`); other slots the shortest.
            let mut order: Vec<usize> = Vec::new();
            if matches!(kind, SlotKind::Class(_)) {
                order.extend((0..ends.len()).rev().filter(|&k| ends[k].2));
                order.extend((0..ends.len()).filter(|&k| ends[k].1 && !ends[k].2));
            } else {
                order.extend(0..ends.len());
            }
            if let Some(&(f, _, _)) = ends.first() {
                for k in order {
                    let j = ends[k].0;
                    slots.push((name.clone(), words.items[f].span.cover(words.items[j].span)));
                    if let Some(r) = further(j, walk(rest, words, j as isize + dir, dir, slots)) {
                        return Some(r);
                    }
                    slots.pop();
                }
            }
            if *optional {
                return walk(rest, words, pos, dir, slots);
            }
            None
        }
    }
}
