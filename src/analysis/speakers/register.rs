//! The people a text names: runs of capitalised words made sure of as a person by a title, a
//! role, an appositive or a speech cue next to them; their roles and nationalities; and later
//! references by surname alone (in any grammatical case, or in another spelling, which N501
//! then reports).

use super::lexicon::{CueKind, Gender, Lexicon};
use super::{Mention, Person, RoleMention, Word};
use crate::analysis::quotes::QuoteAnalysis;
use crate::document::Document;
use crate::names;
use crate::span::Span;
use crate::text::TextModel;

/// A role, title or nationality prefix read before (or in an appositive after) a name.
#[derive(Clone, Debug, Default)]
pub struct RoleWords {
    /// Word range of the role words.
    pub start: usize,
    pub end: usize,
    pub canonical: Option<&'static str>,
    pub unique: bool,
    pub country: Option<&'static str>,
    pub former: bool,
    /// Whether an office or title was named (not only a nationality).
    pub office: bool,
    pub gender: Option<Gender>,
}

/// A person's name in the text: word range of the name itself (titles and roles stripped),
/// and the role words that come with it.
#[derive(Clone, Debug)]
pub struct NameRun {
    pub start: usize,
    pub end: usize,
    pub role: Option<RoleWords>,
    pub appositive: Option<RoleWords>,
}

impl NameRun {
    pub fn span(&self, words: &[Word]) -> Span {
        Span::new(words[self.start].span.start, words[self.end - 1].span.end)
    }

    pub fn text(&self, words: &[Word], src: &str) -> String {
        let s = self.span(words).slice(src);
        names::strip_possessive(s).split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Matches one of `forms` (lower-case word lists) at word `i`; returns (form index, length).
pub fn match_at<F: AsRef<[String]>>(
    words: &[Word],
    i: usize,
    forms: impl Iterator<Item = F>,
) -> Option<(usize, usize)> {
    for (k, f) in forms.enumerate() {
        let f = f.as_ref();
        if f.is_empty() || i + f.len() > words.len() {
            continue;
        }
        let para = words[i].para;
        if f.iter().zip(&words[i..]).all(|(a, w)| *a == w.lower && w.para == para) {
            return Some((k, f.len()));
        }
    }
    None
}

/// Matches a form that ends right before word `end` (exclusive).
fn match_before<F: AsRef<[String]>>(
    words: &[Word],
    end: usize,
    forms: impl Iterator<Item = F>,
) -> Option<(usize, usize)> {
    for (k, f) in forms.enumerate() {
        let f = f.as_ref();
        if f.is_empty() || f.len() > end {
            continue;
        }
        let s = end - f.len();
        let para = words[end - 1].para;
        if f.iter().zip(&words[s..end]).all(|(a, w)| *a == w.lower && w.para == para) {
            return Some((k, f.len()));
        }
    }
    None
}

/// Whether word `w` can be part of a name.
pub fn name_word(w: &Word, lx: &Lexicon) -> bool {
    !w.punct
        && w.cap()
        && !w.acronym()
        && !lx.not_names.contains(w.text)
        && !lx.never_name(&w.lower)
        && !lx.pronouns.contains_key(&w.lower)
        && w.text.chars().any(char::is_alphabetic)
}

fn initial(words: &[Word], j: usize) -> bool {
    let w = &words[j];
    w.text.chars().count() == 1
        && w.cap()
        && words.get(j + 1).is_some_and(|n| n.is("."))
        && words.get(j + 2).is_some_and(|n| n.cap() && !n.punct)
}

/// `y` between two full names joins two people (`Lindsey Graham y John Kennedy`), not the
/// parts of one surname (`Ortega y Gasset`): two name words follow it.
fn coordination(words: &[Word], j: usize, lx: &Lexicon) -> bool {
    words[j].lower == "y"
        && j >= 2
        && name_word(&words[j - 2], lx)
        && words.get(j + 1).is_some_and(|n| name_word(n, lx))
        && words.get(j + 2).is_some_and(|n| name_word(n, lx) && n.para == words[j].para)
}

/// The end (exclusive) of the run of capitalised words starting at `i`, allowing initials
/// (`V. Putin`) and particles (`da Silva`, `von der Leyen`).
fn run_end(words: &[Word], i: usize, lx: &Lexicon) -> usize {
    let para = words[i].para;
    let mut j = i;
    while j < words.len() && words[j].para == para {
        if name_word(&words[j], lx) {
            j += 1;
        } else if initial(words, j) {
            j += 2;
        } else if j > i
            && names::is_particle(&words[j].lower)
            && words.get(j + 1).is_some_and(|n| name_word(n, lx) || names::is_particle(n.text))
            && !coordination(words, j, lx)
        {
            j += 1;
        } else {
            break;
        }
    }
    // A run cannot end in a particle.
    while j > i && names::is_particle(&words[j - 1].lower) {
        j -= 1;
    }
    j
}

/// Reads role, title and nationality words at `i` forward (as long as they match); returns the
/// role words found and the index after them.
fn roles_forward(words: &[Word], mut i: usize, end: usize, lx: &Lexicon, acc: &mut RoleWords) -> usize {
    let start = i;
    loop {
        if i >= end {
            break;
        }
        if lx.former.contains(&words[i].lower) {
            acc.former = true;
            i += 1;
            continue;
        }
        // `ex-President`: one token.
        let stripped = ["ex-", "экс-", "ex"]
            .iter()
            .find_map(|p| words[i].lower.strip_prefix(p))
            .filter(|s| !s.is_empty());
        if let Some((k, n)) = match_at(words, i, lx.roles.iter().map(|r| &r.words)) {
            let r = &lx.roles[k];
            acc.canonical.get_or_insert(r.canonical);
            acc.unique |= r.unique;
            acc.office = true;
            i += n;
            continue;
        }
        // `US-Außenminister`, `Lakers-Trainer`: a compound whose last part is a role.
        if let Some((_, last)) =
            words[i].lower.rsplit_once('-').filter(|(a, b)| !a.is_empty() && !b.is_empty())
        {
            if stripped.is_none() {
                if let Some(r) = lx.roles.iter().find(|r| r.words.len() == 1 && r.words[0] == last) {
                    acc.canonical.get_or_insert(r.canonical);
                    acc.unique |= r.unique;
                    acc.office = true;
                    i += 1;
                    continue;
                }
            }
        }
        if let Some(s) = stripped {
            if lx.roles.iter().any(|r| r.words.len() == 1 && r.words[0] == s) {
                let r = lx.roles.iter().find(|r| r.words.len() == 1 && r.words[0] == s).expect("checked");
                acc.canonical.get_or_insert(r.canonical);
                acc.unique |= r.unique;
                acc.former = true;
                acc.office = true;
                i += 1;
                continue;
            }
        }
        if let Some((k, n)) = match_at(words, i, lx.nations.iter().map(|r| &r.words)) {
            acc.country.get_or_insert(lx.nations[k].code);
            i += n;
            continue;
        }
        if let Some((k, n)) = match_at(words, i, lx.titles.iter().map(|t| &t.0)) {
            acc.office = true;
            if lx.titles[k].1 != Gender::Any {
                acc.gender = Some(lx.titles[k].1);
            }
            i += n;
            continue;
        }
        break;
    }
    if i > start {
        acc.start = acc.start.min(start);
        acc.end = acc.end.max(i);
    }
    i
}

/// Reads role words ending right before `end`, backwards (`министр обороны`, `der
/// französische`, `President of the French Republic`).
fn roles_backward(words: &[Word], mut end: usize, lx: &Lexicon, acc: &mut RoleWords) {
    let limit = end.saturating_sub(12);
    loop {
        if end == 0 || end <= limit {
            break;
        }
        if let Some((k, n)) = match_before(words, end, lx.roles.iter().map(|r| &r.words)) {
            let r = &lx.roles[k];
            acc.canonical.get_or_insert(r.canonical);
            acc.unique |= r.unique;
            acc.office = true;
            end -= n;
            acc.start = end;
            continue;
        }
        if let Some((k, n)) = match_before(words, end, lx.nations.iter().map(|r| &r.words)) {
            acc.country.get_or_insert(lx.nations[k].code);
            end -= n;
            acc.start = end;
            continue;
        }
        if let Some((k, n)) = match_before(words, end, lx.titles.iter().map(|t| &t.0)) {
            acc.office = true;
            if lx.titles[k].1 != Gender::Any {
                acc.gender = Some(lx.titles[k].1);
            }
            end -= n;
            acc.start = end;
            continue;
        }
        if lx.former.contains(&words[end - 1].lower) {
            acc.former = true;
            end -= 1;
            acc.start = end;
            continue;
        }
        break;
    }
}

/// Whether a role, title or nationality form starts at word `k`.
pub fn is_role_word(words: &[Word], k: usize, lx: &Lexicon) -> bool {
    let mut probe = RoleWords::default();
    roles_forward(words, k, words.len(), lx, &mut probe) > k
}

/// The appositive after a name: `, head of the union,` / `, глава МИД России,`. Returns the
/// role words (range of the whole appositive) if it names a role or nationality.
pub fn appositive(words: &[Word], after: usize, lx: &Lexicon) -> Option<RoleWords> {
    let comma = words.get(after)?;
    if !comma.is(",") {
        return None;
    }
    let para = comma.para;
    let start = after + 1;
    let mut end = start;
    while end < words.len() && end - start < 10 && words[end].para == para && !words[end].punct {
        end += 1;
    }
    if end == start || end >= words.len() || !matches!(words[end].text, "," | "." | ";" | ")" | "—" | "–")
    {
        return None;
    }
    let mut acc = RoleWords { start, end, ..Default::default() };
    // An appositive names a role or nationality; a clause (`, ont dit des experts`), a cue or
    // another person's name means it is something else.
    if (start..end).any(|k| lx.maybe_cue(&words[k].lower))
        || (start + 1..end).any(|k| {
            name_word(&words[k - 1], lx) && name_word(&words[k], lx) && !is_role_word(words, k - 1, lx)
        })
    {
        return None;
    }
    let mut i = start;
    // Skip an article.
    if matches!(
        words[i].lower.as_str(),
        "the" | "a" | "an" | "der" | "die" | "le" | "la" | "el" | "l'" | "un" | "une" | "una"
    ) {
        i += 1;
    }
    // The role must come first (after an article and an adjective or two).
    let mut first_role = None;
    for k in i..end.min(i + 3) {
        let mut probe = RoleWords::default();
        if roles_forward(words, k, end, lx, &mut probe) > k {
            first_role = Some(k);
            break;
        }
    }
    first_role?;
    for k in i..end {
        let mut probe = RoleWords::default();
        let n = roles_forward(words, k, end, lx, &mut probe);
        if n > k {
            acc.canonical = acc.canonical.or(probe.canonical);
            acc.unique |= probe.unique;
            acc.country = acc.country.or(probe.country);
            acc.former |= probe.former;
            acc.office |= probe.office;
        }
    }
    (acc.canonical.is_some() || acc.country.is_some()).then_some(acc)
}

/// Whether word `i` follows an article, a determiner or a possessive (`the Telegraph`, `die
/// Zeitung`, `der jährlichen Generalversammlung`): then it is a noun or an institution, not a
/// person's name.
pub fn after_determiner(words: &[Word], i: usize, lx: &Lexicon) -> bool {
    let para = words[i].para;
    let mut k = i;
    for _ in 0..4 {
        let Some(p) = k.checked_sub(1) else { return false };
        let w = &words[p];
        if w.para != para || w.punct {
            return false;
        }
        if lx.determiners.contains(&w.lower) {
            return true;
        }
        // Only inflected adjectives may stand between (`der jährlichen`), in the languages
        // whose data lists their endings.
        if w.cap() || !lx.adjective_endings.iter().any(|e| w.lower.ends_with(e.as_str())) {
            return false;
        }
        k = p;
    }
    false
}

/// Whether `w` is a given name the data knows (`Anna`, `Michael`).
pub fn given_name(w: &Word, lx: &Lexicon) -> bool {
    lx.first_names.contains_key(w.text)
}

/// Prepositions between an office and its portfolio (`Minister of Culture`).
const PREPOSITIONS: &[&str] = &["of", "for", "de", "del", "du", "des", "für", "della", "di"];

/// Reads a name at word `i` (which must start a capitalised run): strips leading titles,
/// roles and nationalities, and collects role words before the run and in an appositive.
pub fn read_name(words: &[Word], i: usize, lx: &Lexicon) -> Option<NameRun> {
    let end = run_end(words, i, lx);
    if end <= i {
        return None;
    }
    let mut role = RoleWords { start: i, end: i, ..Default::default() };
    // A role that starts before the run and ends inside it (`la ministra de Hacienda María`).
    let mut from = i;
    for back in 1..=4 {
        let Some(s) = i.checked_sub(back) else { break };
        if let Some((k, n)) = match_at(words, s, lx.roles.iter().map(|r| &r.words)) {
            // `ministra de Vivienda Isabel Rodríguez`, `Minister of Culture Lisa Paus`: a
            // portfolio of one capitalised word after a preposition belongs to the role.
            let portfolio =
                s + n + 1 == i && PREPOSITIONS.contains(&words[i - 1].lower.as_str()) && i + 1 < end;
            let n = if portfolio { n + 2 } else { n };
            if s + n > i && s + n < end {
                let r = &lx.roles[k];
                role.canonical = Some(r.canonical);
                role.unique = r.unique;
                role.office = true;
                role.start = s;
                role.end = s + n;
                from = s + n;
                break;
            }
        }
    }
    let mut name_start = roles_forward(words, from, end, lx, &mut role);
    // Role words or an organisation further into the run (`Laut Finanzminister Christian
    // Lindner`, `Кремля Дмитрия Пескова`): the name starts after the last of them.
    let mut k = name_start;
    while k < end {
        let mut probe = RoleWords { start: k, end: k, ..Default::default() };
        let n = roles_forward(words, k, end, lx, &mut probe);
        if n > k {
            role.canonical = role.canonical.or(probe.canonical);
            role.unique |= probe.unique;
            role.country = role.country.or(probe.country);
            role.office |= probe.office;
            role.former |= probe.former;
            role.gender = role.gender.or(probe.gender);
            role.start = role.start.min(k);
            role.end = n;
            name_start = n;
            k = n;
        } else if lx.is_organisation_word(&words[k].lower) || lx.maybe_cue(&words[k].lower) {
            name_start = k + 1;
            k += 1;
        } else {
            k += 1;
        }
    }
    // Russian names are a given name and a surname, or three words with a patronymic: a
    // capitalised word before them is a place in the genitive (`Татарстана Владимир Леонов`).
    if end >= name_start + 3 && names::is_cyrillic(words[end - 1].text) {
        let patronymic =
            ["вич", "вна", "чна", "ична", "оглы", "кызы"].iter().any(|e| words[end - 2].lower.ends_with(e));
        if !patronymic {
            name_start = end - 2;
        }
    }
    if name_start >= end {
        return None;
    }
    // `su nuevo entrenador, Diego Martínez`: a role, a comma, the name.
    let back_from = role.start.min(i);
    if back_from >= 2
        && words[back_from - 1].is(",")
        && match_before(words, back_from - 1, lx.roles.iter().map(|r| &r.words)).is_some()
    {
        roles_backward(words, back_from - 1, lx, &mut role);
    } else {
        roles_backward(words, back_from, lx, &mut role);
    }
    if role.start < i && role.end <= i {
        role.end = i;
    }
    let name = &words[name_start..end];
    if name.is_empty() {
        return None;
    }
    let has_role = role.canonical.is_some() || role.country.is_some() || role.office;
    let appositive = appositive(words, end, lx);
    // `the Telegraph`, `die Zeitung`, `sein Freund Michael Sanford`: after a determiner the
    // run is a noun, unless a given name starts the person's name further in.
    if !role.office && role.canonical.is_none() && after_determiner(words, name_start, lx) {
        let given = (name_start + 1..end).find(|&k| given_name(&words[k], lx))?;
        return Some(NameRun { start: given, end, role: has_role.then_some(role), appositive });
    }
    Some(NameRun { start: name_start, end, role: has_role.then_some(role), appositive })
}

/// Cue positions: `starts[i]` / `ends[i]` when a speech cue starts at / ends before word `i`.
/// Label cues (`called`) are included only when `labels` is set: attribution reads them,
/// the register does not take a word next to one for a name (`a town called Bucha`).
pub struct CueMap {
    pub starts: Vec<Option<(usize, usize)>>,
    pub ends: Vec<bool>,
}

pub fn cue_map(words: &[Word], lx: &Lexicon, labels: bool) -> CueMap {
    let mut starts = vec![None; words.len()];
    let mut ends = vec![false; words.len() + 1];
    let mut i = 0;
    while i < words.len() {
        if lx.maybe_cue(&words[i].lower) || labels && lx.maybe_label(&words[i].lower) {
            let found = match_at(words, i, lx.cues.iter().map(|c| &c.words));
            if let Some((k, n)) = found.filter(|&(k, _)| labels || lx.cues[k].kind != CueKind::Label) {
                starts[i] = Some((k, n));
                ends[i + n] = true;
                i += n;
                continue;
            }
        }
        i += 1;
    }
    CueMap { starts, ends }
}

fn gender_of_surname(s: &str) -> Gender {
    let f = names::fold(s);
    if ["ova", "eva", "skaya", "aya", "ina"].iter().any(|e| f.ends_with(e)) && names::is_cyrillic(s) {
        return Gender::Female;
    }
    if ["ova", "eva", "skaya", "ovna", "evna"].iter().any(|e| f.ends_with(e)) {
        return Gender::Female;
    }
    if ["ov", "ev", "sky", "skiy", "skii", "in"].iter().any(|e| f.ends_with(e))
        && (names::is_cyrillic(s) || !f.ends_with("in"))
    {
        return Gender::Male;
    }
    Gender::Any
}

/// Adds (or finds) the person named by `run`; returns its index.
pub fn add_person(people: &mut Vec<Person>, words: &[Word], src: &str, run: &NameRun, lx: &Lexicon) -> usize {
    let text = run.text(words, src);
    let span = run.span(words);
    let surname_span = words[run.end - 1].span;
    let single = run.end - run.start == 1;
    let idx = find_person(people, &text).unwrap_or_else(|| {
        let (given, surname) = names::split_name(&text);
        people.push(Person {
            name: text.clone(),
            surname: surname.clone(),
            given: (!given.is_empty()).then(|| given.join(" ")),
            gender: gender_of_surname(&surname),
            ..Default::default()
        });
        people.len() - 1
    });
    let p = &mut people[idx];
    // Keep the fullest spelling as the name.
    if !single && p.given.is_none() {
        let (given, surname) = names::split_name(&text);
        p.name = text.clone();
        p.given = (!given.is_empty()).then(|| given.join(" "));
        p.surname = surname;
    }
    if p.gender == Gender::Any {
        if let Some(g) = &p.given {
            p.gender = Gender::of_given(lx, g);
        }
    }
    if !p.mentions.iter().any(|m| m.span == span) {
        p.mentions.push(Mention { span, surname: surname_span, full: !single });
    }
    for r in [&run.role, &run.appositive].into_iter().flatten() {
        if let Some(g) = r.gender {
            p.gender = g;
        }
        if r.end > r.start {
            let rspan = Span::new(words[r.start].span.start, words[r.end - 1].span.end);
            let rm = RoleMention {
                text: rspan.slice(src).to_string(),
                span: rspan,
                canonical: r.canonical,
                unique: r.unique,
                country: r.country,
                former: r.former,
                mention: span,
            };
            if !p.roles.contains(&rm) {
                p.roles.push(rm);
            }
        }
    }
    idx
}

/// The person a name refers to: exact spelling first, then same surname (gender and case
/// forms) with compatible given names, then a spelling variant. Among several, the one
/// mentioned last.
pub fn find_person(people: &[Person], name: &str) -> Option<usize> {
    let last = |idxs: Vec<usize>| {
        idxs.into_iter().max_by_key(|&i| people[i].mentions.last().map_or(0, |m| m.span.start))
    };
    let folded = names::fold(name);
    let exact: Vec<usize> = (0..people.len())
        .filter(|&i| names::fold(&people[i].name) == folded || names::fold(&people[i].surname) == folded)
        .collect();
    if !exact.is_empty() {
        return last(exact);
    }
    let same: Vec<usize> =
        (0..people.len()).filter(|&i| names::same_person_exact(&people[i].name, name)).collect();
    if !same.is_empty() {
        // A surname-only reference in a gendered form picks the person of that form.
        let g = gender_of_surname(names::split_name(name).1.as_str());
        let fit: Vec<usize> = same.iter().copied().filter(|&i| g.fits(people[i].gender)).collect();
        return last(if fit.is_empty() { same } else { fit });
    }
    let var: Vec<usize> = (0..people.len()).filter(|&i| names::same_person(&people[i].name, name)).collect();
    last(var)
}

/// Builds the register: confirmed names first, then surname-only and variant references.
pub fn build(
    doc: &Document,
    _text: &TextModel,
    lx: &Lexicon,
    words: &[Word],
    _quotes: &QuoteAnalysis,
) -> Vec<Person> {
    let src = doc.text.as_str();
    let cues = cue_map(words, lx, false);
    let mut people: Vec<Person> = Vec::new();
    let mut unconfirmed: Vec<NameRun> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let starts_run = name_word(&words[i], lx)
            && (i == 0 || !name_word(&words[i - 1], lx) || words[i - 1].para != words[i].para);
        if !starts_run {
            i += 1;
            continue;
        }
        let end = run_end(words, i, lx);
        let Some(run) = read_name(words, i, lx) else {
            i = end.max(i + 1);
            continue;
        };
        let next = run.end;
        let by_cue = cues.starts.get(next).is_some_and(Option::is_some)
            || cues.ends[i]
            || (run.appositive.is_some()
                && cues
                    .starts
                    .get(run.appositive.as_ref().map_or(0, |a| a.end + 1))
                    .is_some_and(Option::is_some));
        let by_role = run.role.as_ref().is_some_and(|r| r.office) || run.appositive.is_some();
        // A lone word next to a cue that the text also writes in lower case (`Sources said`)
        // is a common noun.
        let lone_common = run.end - run.start == 1 && words[run.start].common;
        if by_role || (by_cue && !lone_common && !lx.has_organisation(&run.text(words, src).to_lowercase())) {
            add_person(&mut people, words, src, &run, lx);
        } else {
            unconfirmed.push(run);
        }
        i = end.max(i + 1);
    }
    // References by surname alone (or a full name without a role) to people already known.
    for run in unconfirmed {
        let text = run.text(words, src);
        if text.chars().count() < 3 {
            continue;
        }
        if let Some(idx) = find_person(&people, &text) {
            let single = run.end - run.start == 1;
            // A surname-only variant must be a plausible surname: not a common sentence word.
            if single && !names::same_surname(&people[idx].surname, &text) && text.chars().count() < 4 {
                continue;
            }
            add_person(&mut people, words, src, &run, lx);
        } else if run.end - run.start >= 2 && run.role.is_some() {
            add_person(&mut people, words, src, &run, lx);
        }
    }
    for p in &mut people {
        p.mentions.sort_by_key(|m| m.span.start);
        p.roles.sort_by_key(|r| r.span.start);
    }
    people
}
