//! Who said each quote. The sentence around a quote is read for a speech cue: after the quote
//! (`"Q," X said`, `"Q," said X`, `«Q», — заявил X`, `„Q“, so Scholz`) and then before it
//! (`X said: "Q"`, `According to X, "Q"`, `По словам X, «Q»`). The phrase next to the cue
//! names the speaker: a person (possibly with a role or an appositive), a pronoun resolved to
//! the last person named before it that fits its gender, a role alone (`the minister`)
//! resolved to the person the text gave that role, an organisation, or an anonymous source.
//! A quote with no attribution of its own, following an attributed one in the same or the
//! previous paragraph, continues that speaker.

use super::lexicon::{CueKind, Gender, Lexicon};
use super::register::{self, cue_map, read_name, CueMap};
use super::{Attribution, Person, Word};
use crate::analysis::quotes::{Quote, QuoteAnalysis, SpeakerKind, SpeakerRef};
use crate::document::Document;
use crate::names;
use crate::span::Span;
use crate::text::TextModel;

const BOUNDARY: &[&str] = &[".", "!", "?", ";", "…", "。"];

struct Ctx<'a, 'w> {
    src: &'a str,
    lx: &'a Lexicon,
    words: &'a [Word<'w>],
    cues: CueMap,
    /// Top-level quotes (outer spans with marks, and quoted text), sorted by start: looked
    /// up by binary search so long documents with many quotes stay linear-ish.
    outer: Vec<Span>,
    inner: Vec<Span>,
    /// Quoted names (`«Укренерго»`), left out of `outer` and `inner`.
    named: Vec<Span>,
    text: &'a TextModel,
}

/// A found speaker phrase before it is made a `SpeakerRef`.
struct Found {
    speaker: SpeakerRef,
    cue: Option<(String, Span, Gender)>,
}

pub fn attribute_all(
    doc: &Document,
    text: &TextModel,
    lx: &Lexicon,
    words: &[Word],
    quotes: &QuoteAnalysis,
    people: &mut Vec<Person>,
) -> Vec<Option<Attribution>> {
    // Quoted names (`«Укренерго»`) do not end an attribution's phrase: `— сказав журналістам
    // голова правління «Укренерго» Віталій Зайченко`.
    let mut top: Vec<&Quote> =
        quotes.all.iter().filter(|q| q.depth == 0 && !quoted_title(q, &doc.text)).collect();
    top.sort_by_key(|q| q.outer.start);
    let outer = top.iter().map(|q| q.outer).collect();
    let mut inner: Vec<Span> = top.iter().map(|q| q.span).collect();
    inner.sort_by_key(|s| s.start);
    let named =
        quotes.all.iter().filter(|q| q.depth == 0 && quoted_title(q, &doc.text)).map(|q| q.span).collect();
    let cx = Ctx { src: &doc.text, lx, words, cues: cue_map(words, lx, true), outer, inner, named, text };
    let mut out: Vec<Option<Attribution>> = Vec::with_capacity(quotes.quotes.len());
    let is_named: Vec<bool> =
        quotes.quotes.iter().map(|q| crate::analysis::quotes::is_name_quote(q, &doc.text)).collect();
    for (qi, q) in quotes.quotes.iter().enumerate() {
        // A quoted name (`«Укренерго»`) has no speaker.
        if is_named[qi] {
            out.push(None);
            continue;
        }
        let found = cx.after(q, people).or_else(|| cx.before(q, people));
        let attribution = match found {
            Some(f) => {
                let mut speaker = f.speaker;
                // A cue without a subject (`, añadió.`, `— добавила она` handled as pronoun):
                // the previous speaker goes on, if the cue's gender fits.
                // But a person named since the previous quote, outside quotes, is the
                // subject the cue leaves out (`Verónica Choque afirmó que … "…", dijo.`).
                let gender = f.cue.as_ref().map_or(Gender::Any, |c| c.2);
                let since = qi.checked_sub(1).map_or(0, |p| quotes.quotes[p].outer.end);
                let named_since = (speaker.kind == SpeakerKind::Continued)
                    .then(|| cx.antecedent(speaker.mention.start, gender, people))
                    .flatten()
                    .filter(|&p| {
                        people[p].mentions.iter().any(|m| {
                            m.span.start >= since
                                && m.span.start < speaker.mention.start
                                && !in_spans(&cx.inner, m.span)
                        })
                    });
                if let Some(p) = named_since {
                    speaker.name = people[p].name.clone();
                    speaker.person = Some(p);
                    speaker.kind = SpeakerKind::Pronoun;
                } else if speaker.kind == SpeakerKind::Continued {
                    match previous(&out, quotes, qi, q, true, &is_named) {
                        Some(prev) => {
                            let mut s = prev.speaker.clone();
                            s.kind = SpeakerKind::Continued;
                            s.mention = f.cue.as_ref().map_or(speaker.mention, |c| c.1);
                            s.role = None;
                            speaker = s;
                        }
                        None => {
                            out.push(None);
                            continue;
                        }
                    }
                }
                let (cue, cue_span) = match f.cue {
                    Some((c, s, _)) => (Some(c), Some(s)),
                    None => (None, None),
                };
                Some(Attribution { speaker, cue, cue_span })
            }
            None => previous(&out, quotes, qi, q, false, &is_named).map(|prev| {
                let mut s = prev.speaker.clone();
                s.kind = SpeakerKind::Continued;
                s.role = None;
                Attribution { speaker: s, cue: None, cue_span: None }
            }),
        };
        // Record the speaker's gender from a gendered cue (`заявила`).
        out.push(attribution);
    }
    out
}

/// A quoted name or title inside a sentence (`«Укренерго»`, `«Крюківський вагонобудівний
/// завод»`, `„Die Zeit“`): a quoted name, or up to four words opening with a capital and not
/// ending like a sentence. It does not end an attribution's phrase, and is not a speaker.
fn quoted_title(q: &Quote, text: &str) -> bool {
    let t = q.span.slice(text).trim();
    crate::analysis::quotes::is_name_quote(q, text)
        || t.split_whitespace().count() <= 4
            && t.chars().next().is_some_and(char::is_uppercase)
            && !t.ends_with(['.', '!', '?', '…', ',', '。'])
            && !text[q.outer.end.min(text.len())..].trim_start().starts_with([',', '—', '–'])
}

/// The attribution of the quote before `q`, when `q` may continue it: the previous quote is
/// in the same paragraph, or `q` opens its paragraph and the previous quote is in the
/// paragraph before (the all-quote paragraph convention).
fn previous<'o>(
    out: &'o [Option<Attribution>],
    quotes: &QuoteAnalysis,
    qi: usize,
    q: &Quote,
    any: bool,
    named: &[bool],
) -> Option<&'o Attribution> {
    // The quote before, quoted names (`«Укренерго»`, no speaker) left aside.
    let pi = (0..qi).rev().find(|&i| !named.get(i).copied().unwrap_or(false))?;
    let prev_q = &quotes.quotes[pi];
    let prev = out[pi].as_ref()?;
    let near = prev_q.last_paragraph == q.paragraph || prev_q.last_paragraph + 1 == q.paragraph;
    (any || near).then_some(prev)
}

impl Ctx<'_, '_> {
    fn word_at(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.start < offset)
    }

    /// Is word `i` inside some quote (other than being a mark)?
    fn inside_quote(&self, i: usize) -> bool {
        let s = self.words[i].span;
        in_spans(&self.inner, s)
    }

    /// Words after the quote, up to the end of the sentence or the next quote.
    fn tail(&self, q: &Quote) -> (usize, usize) {
        let start = self.word_at(q.outer.end);
        let para = self.text.paragraph_at(q.outer.end.saturating_sub(1)).unwrap_or(usize::MAX);
        let mut end = start;
        while end < self.words.len() && end - start < 30 {
            let w = &self.words[end];
            if w.para != para || self.outer.binary_search_by_key(&w.span.start, |o| o.start).is_ok() {
                break;
            }
            if BOUNDARY.contains(&w.text) && end > start && !self.abbreviation_dot(end) {
                break;
            }
            end += 1;
        }
        (start, end)
    }

    /// Words before the quote in its sentence, after any earlier quote.
    fn head(&self, q: &Quote) -> (usize, usize) {
        let end = self.word_at(q.outer.start);
        let para = self.text.paragraph_at(q.outer.start).unwrap_or(usize::MAX);
        let mut start = end;
        while start > 0 && end - start < 30 {
            let w = &self.words[start - 1];
            if w.para != para || in_spans(&self.outer, w.span) {
                break;
            }
            if BOUNDARY.contains(&w.text) && !self.abbreviation_dot(start - 1) {
                break;
            }
            start -= 1;
        }
        (start, end)
    }

    /// Whether word `i` is inside a quoted name (`«Укренерго»`).
    fn quoted_name(&self, i: usize) -> bool {
        let s = self.words[i].span;
        self.named.iter().any(|n| n.contains(s))
    }

    /// A full stop after an initial, a title or an abbreviation.
    fn abbreviation_dot(&self, i: usize) -> bool {
        if !self.words[i].is(".") || i == 0 {
            return false;
        }
        let p = &self.words[i - 1];
        (p.text.chars().count() == 1 && p.cap())
            || self.lx.titles.iter().any(|t| t.0.first().is_some_and(|f| *f == p.lower))
            || matches!(
                p.lower.as_str(),
                "gen" | "col" | "lt" | "sgt" | "st" | "jr" | "sr" | "sra" | "dr" | "prof" | "u.s"
            )
    }

    fn cue_in(&self, from: usize, to: usize, last: bool) -> Option<(usize, usize, CueKind, Gender)> {
        let mut found = None;
        let mut i = from;
        while i < to {
            if let Some((k, n)) = self.cues.starts[i] {
                let c = &self.lx.cues[k];
                if !self.inside_quote(i) {
                    found = Some((i, n, c.kind, c.gender));
                    if !last {
                        return found;
                    }
                }
                i += n;
                continue;
            }
            i += 1;
        }
        found
    }

    fn cue_text(&self, i: usize, n: usize) -> (String, Span) {
        let span = Span::new(self.words[i].span.start, self.words[i + n - 1].span.end);
        (span.slice(self.src).to_string(), span)
    }

    /// `"Q," X said` / `"Q," said X` / `«Q», — заявил X` / `"Q," according to X`.
    fn after(&self, q: &Quote, people: &mut Vec<Person>) -> Option<Found> {
        let (start, end) = self.tail(q);
        let mut s = start;
        while s < end
            && self.words[s].punct
            && matches!(self.words[s].text, "," | "—" | "–" | "-" | ":" | "(")
        {
            s += 1;
        }
        let (ci, n, kind, gender) = self.cue_in(s, end, false)?;
        if kind == CueKind::Tail && ci != s || kind == CueKind::Label {
            return None;
        }
        // The quote ends its sentence: the next sentence attributes it only when it opens with
        // the cue and its subject (`«…». Так заявил Песков`, `"…". Dijo el ministro`), not
        // when it reports something else (`„…”. Jak dodała, bank sfinansuje …`).
        let next_sentence = s < end && BOUNDARY.contains(&self.words[s].text);
        if next_sentence && (ci > s + 3 || self.words.get(ci + n).is_none_or(|w| w.punct) || ci + n >= end) {
            return None;
        }
        let cue = self.cue_text(ci, n);
        // `a-t-il affirmé`, `dit-elle`: the cue carries its own subject pronoun.
        let own_subject =
            ["-il", "-elle", "-ils", "-elles"].iter().any(|p| self.words[ci].lower.ends_with(p));
        let cue = Some((cue.0, cue.1, gender));
        let before = if next_sentence { (ci, ci) } else { (s, ci) };
        let after = if own_subject { (ci + n, ci + n) } else { (ci + n, end) };
        let phrase = match kind {
            CueKind::Prep | CueKind::Tail => after,
            CueKind::Post => before,
            CueKind::Label => return None,
            CueKind::Verb => {
                // `« … » et a indiqué que…`: a verb joined to an earlier one shares that
                // clause's subject, which comes before the quote, not after it.
                if before.1 == before.0 + 1 && clause_word(&self.words[before.0].lower) {
                    return None;
                }
                if before.1 > before.0 {
                    // The subject must sit right before the cue: at most a name with an
                    // appositive (`Anna Petrova, head of the union,`).
                    if before.1 - before.0 > 14 {
                        return None;
                    }
                    before
                } else {
                    after
                }
            }
        };
        let cue_span = cue.as_ref().map(|c| c.1);
        let subject_after = kind == CueKind::Verb && phrase == after;
        let speaker = self.speaker(phrase.0, phrase.1, (gender, cue_span), q, people, subject_after)?;
        Some(Found { speaker, cue })
    }

    /// `X said: "Q"` / `According to X, "Q"` / `По словам X, «Q»` / `Laut X „Q“`.
    fn before(&self, q: &Quote, people: &mut Vec<Person>) -> Option<Found> {
        let (start, end) = self.head(q);
        let Some((ci, n, kind, gender)) = self.cue_in(start, end, true) else {
            return self.colon_intro(start, end, people);
        };
        let cue = self.cue_text(ci, n);
        let cue = Some((cue.0, cue.1, gender));
        let after_cue = (ci + n, end);
        let phrase = match kind {
            CueKind::Prep => after_cue,
            CueKind::Tail => return None,
            CueKind::Post => (start, ci),
            // `X called the plan "a disaster"`: the object is short and the quote completes
            // the clause; the speaker is the subject before the verb.
            CueKind::Label => {
                let object = &self.words[ci + n..end];
                let clause = object.iter().any(|w| {
                    clause_word(&w.lower) || (w.punct && !matches!(w.text, "'" | "’" | "-" | "(" | ")"))
                });
                if object.len() > 6 || clause || ci == start {
                    return None;
                }
                (self.subject_start(start, ci), ci)
            }
            CueKind::Verb => {
                // Inverted (`said Petrova:`, `sagte Trump, er habe keinen Zeitrahmen: „…“`)
                // if a name, or a role or title before one, comes right after the cue; the
                // subject then ends at the first comma or colon.
                match self.inverted_subject(after_cue.0, after_cue.1) {
                    Some(end) => (after_cue.0, end),
                    None => (self.subject_start(start, ci), ci),
                }
            }
        };
        let cue_span = cue.as_ref().map(|c| c.1);
        let speaker = self.speaker(phrase.0, phrase.1, (gender, cue_span), q, people, false)?;
        Some(Found { speaker, cue })
    }

    /// The end of an inverted subject starting at word `from` (`said Petrova`, `sagte der
    /// Sprecher Anna Petrova`): the first comma, colon or clause word after it, if the words
    /// at `from` are a name, a role or an article before a role.
    fn inverted_subject(&self, from: usize, to: usize) -> Option<usize> {
        let words = self.words;
        let mut j = from;
        while j < to && words[j].punct {
            j += 1;
        }
        if j < to && self.lx.determiners.contains(&words[j].lower) {
            j += 1;
        }
        if j >= to
            || !(register::name_word(&words[j], self.lx) || register::is_role_word(words, j, self.lx))
            || register::after_determiner(words, j, self.lx) && !register::is_role_word(words, j, self.lx)
        {
            return None;
        }
        let end = (j..to).find(|&k| matches!(words[k].text, "," | ":" | ";" | "(" | "—" | "–")).unwrap_or(to);
        (end - j <= 8).then_some(end)
    }

    /// Where the subject of a cue at `ci` starts: back to a clause boundary (punctuation or a
    /// conjunction), through an appositive that ends right before the cue (`Anna Petrova,
    /// head of the union, said:`).
    fn subject_start(&self, start: usize, ci: usize) -> usize {
        let mut b = ci;
        if b > start && self.words[b - 1].is(",") {
            let from = start.max(ci.saturating_sub(14));
            if let Some(c) = (from..b - 1).rev().find(|&k| self.words[k].is(",")) {
                b = c;
            }
        }
        while b > start && ci - b < 14 {
            let w = &self.words[b - 1];
            if clause_word(&w.lower) || (w.punct && !w.is("-") && !self.abbreviation_dot(b - 1)) {
                break;
            }
            b -= 1;
        }
        b
    }

    /// `Reker wies das zurück: „…“`, `The club's president was upbeat: "…"`: a sentence that
    /// introduces the quote with a colon and names a person, without a speech verb.
    fn colon_intro(&self, start: usize, end: usize, people: &mut Vec<Person>) -> Option<Found> {
        if end <= start || !self.words[end - 1].is(":") {
            return None;
        }
        let k = (start..end.min(start + 12)).find(|&k| {
            register::name_word(&self.words[k], self.lx)
                && (k == start || !register::name_word(&self.words[k - 1], self.lx))
                && read_name(self.words, k, self.lx).is_some()
        });
        let Some(k) = k else {
            // `A senior diplomat from a Pacific island state was blunter: "…"`: no name, a
            // short introduction naming someone unnamed.
            let first = &self.words[start];
            if end - start > 13 || !self.lx.determiners.contains(&first.lower) {
                return None;
            }
            let span = Span::new(first.span.start, self.words[end - 2].span.end);
            let speaker = SpeakerRef {
                name: span.slice(self.src).to_string(),
                mention: span,
                person: None,
                kind: SpeakerKind::Anonymous,
                role: None,
            };
            return Some(Found { speaker, cue: None });
        };
        let run = read_name(self.words, k, self.lx)?;
        let name_text = run.text(self.words, self.src);
        if self.lx.has_organisation(&name_text.to_lowercase()) {
            return None;
        }
        let lone = run.end - run.start == 1 && run.role.is_none() && run.appositive.is_none();
        if lone && self.words[run.start].common && register::find_person(people, &name_text).is_none() {
            return None;
        }
        let idx = register::add_person(people, self.words, self.src, &run, self.lx);
        let speaker = SpeakerRef {
            name: people[idx].name.clone(),
            mention: run.span(self.words),
            person: Some(idx),
            kind: SpeakerKind::Person,
            role: None,
        };
        Some(Found { speaker, cue: None })
    }

    /// Makes a speaker of the words `from..to` next to a cue.
    fn speaker(
        &self,
        from: usize,
        to: usize,
        (cue_gender, cue_span): (Gender, Option<Span>),
        q: &Quote,
        people: &mut Vec<Person>,
        subject_after: bool,
    ) -> Option<SpeakerRef> {
        let lx = self.lx;
        let words = self.words;
        // Trim punctuation.
        let (mut a, mut b) = (from, to);
        while a < b && words[a].punct {
            a += 1;
        }
        while b > a && words[b - 1].punct {
            b -= 1;
        }
        if a >= b {
            let at = cue_span.unwrap_or(Span::new(q.outer.end, q.outer.end));
            // A cue with its pronoun in it (`a-t-il ajouté`, `dit-elle`): the last person of
            // that gender named before.
            if cue_gender != Gender::Any {
                if let Some(p) = self.antecedent(at.start, cue_gender, people) {
                    let name = people[p].name.clone();
                    return Some(SpeakerRef {
                        name,
                        mention: at,
                        person: Some(p),
                        kind: SpeakerKind::Pronoun,
                        role: None,
                    });
                }
            }
            // No subject: a pro-drop cue (`, añadió.`) continues the previous speaker.
            return Some(SpeakerRef {
                name: String::new(),
                mention: at,
                person: None,
                kind: SpeakerKind::Continued,
                role: None,
            });
        }
        if subject_after {
            if let Some(c1) = (a..b).find(|&k| words[k].is(",") || words[k].is("(")) {
                let named = |x: usize, y: usize| (x..y).any(|k| register::name_word(&words[k], lx));
                let c2 = (c1 + 1..b).find(|&k| words[k].is(",") || words[k].is("(")).unwrap_or(b);
                // `el ministro de Agricultura, Luis Planas`: a role phrase (starting lower
                // case) then a full name in the appositive; the name is the speaker.
                let full_name_after = c2 >= c1 + 3
                    && (c1 + 1..c2)
                        .all(|k| register::name_word(&words[k], lx) || names::is_particle(words[k].text));
                if full_name_after && !words[a].cap() {
                    a = c1 + 1;
                    b = c2;
                } else if named(a, c1) {
                    b = c1;
                } else {
                    // `said the mayor, Linda Okafor`: the name is in the appositive.
                    let c2 = (c1 + 1..b).find(|&k| words[k].is(",") || words[k].is("(")).unwrap_or(b);
                    if named(c1 + 1, c2) {
                        a = c1 + 1;
                        b = c2;
                    } else {
                        b = c1;
                    }
                }
            }
        }
        // A pronoun right before the cue is its subject, whatever the phrase holds before it
        // (`In a message to Mrs May, she added:`, `к г-же Мей она добавила`).
        if !subject_after && b - a > 1 && lx.pronouns.contains_key(&words[b - 1].lower) {
            a = b - 1;
        }
        // A pronoun.
        let first_non_punct = &words[a];
        if let Some(&g) = lx.pronouns.get(&first_non_punct.lower) {
            // After an inverted cue the pronoun is the subject and what follows is an object
            // or an outlet (`sagte sie dem Radiosender RTÉ`, `— сказала она Reuters`).
            if subject_after || b - a <= 3 && (b - a == 1 || !register::name_word(&words[a + 1], lx)) {
                let g = if g == Gender::Any { cue_gender } else { g };
                let person = self.antecedent(first_non_punct.span.start, g, people);
                let name = person
                    .map(|p| people[p].name.clone())
                    .unwrap_or_else(|| first_non_punct.text.to_string());
                return Some(SpeakerRef {
                    name,
                    mention: first_non_punct.span,
                    person,
                    kind: SpeakerKind::Pronoun,
                    role: None,
                });
            }
        }
        // A name: the last capitalised run of the phrase (`French President Emmanuel Macron`,
        // `Anna Petrova, head of the union`).
        let mut best: Option<register::NameRun> = None;
        let mut k = a;
        while k < b {
            // A name in quote marks is a company or a title, not the speaker.
            let quoted = self.quoted_name(k);
            if !quoted
                && register::name_word(&words[k], lx)
                && (k == a || !register::name_word(&words[k - 1], lx))
            {
                if let Some(run) = read_name(words, k, lx) {
                    if run.end <= b || run.start < b {
                        let end = run.end;
                        // In `X said`, the name closest to the cue is the subject unless an
                        // appositive follows the first name.
                        let keep_first =
                            best.as_ref().is_some_and(|r| r.appositive.is_some() || subject_after);
                        // After an inverted cue, a lone capitalised word (a place in an
                        // adverbial: `сказав журналістам на Крюківському заводі директорка
                        // Ірина Савчук`) gives way to a full name or a role and name.
                        let fuller = |r: &register::NameRun| r.end - r.start >= 2 || r.role.is_some();
                        let lone_first = best.as_ref().is_some_and(|r| !fuller(r) && r.appositive.is_none());
                        if !keep_first || subject_after && lone_first && fuller(&run) {
                            best = Some(run);
                        }
                        k = end.max(k + 1);
                        continue;
                    }
                }
            }
            k += 1;
        }
        let phrase_span = Span::new(words[a].span.start, words[b - 1].span.end);
        let phrase_lower = phrase_span.slice(self.src).to_lowercase();
        // A lone word the text also writes in lower case (`Sources`, `Another`), with no role
        // and no earlier mention as a person, is not a name.
        let best = best.filter(|run| {
            run.end - run.start > 1
                || run.role.is_some()
                || run.appositive.is_some()
                || !words[run.start].common
                || register::find_person(people, &run.text(words, self.src)).is_some()
        });
        if let Some(run) = best {
            let name_text = run.text(words, self.src);
            // `a spokesman for Scholz`, `Scholz's spokesman`: someone speaking for the person.
            let for_someone = run.start > a
                && matches!(
                    words[run.start - 1].lower.as_str(),
                    "for" | "of" | "to" | "at" | "from" | "von" | "des" | "du" | "de" | "del"
                )
                && !run.role.as_ref().is_some_and(|r| r.start < run.start && r.start >= a && r.office);
            let possessive = words[run.start..run.end]
                .last()
                .is_some_and(|w| w.text.ends_with("'s") || w.text.ends_with("’s"))
                && run.end < b;
            if lx.has_organisation(&name_text.to_lowercase()) || for_someone || possessive {
                let kind = if lx.has_organisation(&phrase_lower) {
                    SpeakerKind::Organisation
                } else {
                    SpeakerKind::Anonymous
                };
                return Some(SpeakerRef {
                    name: phrase_span.slice(self.src).to_string(),
                    mention: phrase_span,
                    person: None,
                    kind,
                    role: None,
                });
            }
            let idx = register::add_person(people, words, self.src, &run, lx);
            if cue_gender != Gender::Any && people[idx].gender == Gender::Any {
                people[idx].gender = cue_gender;
            }
            let mention = run.span(words);
            let role = run.role.as_ref().filter(|r| r.end > r.start).map(|r| {
                let s = Span::new(words[r.start].span.start, words[r.end - 1].span.end);
                (s.slice(self.src).to_string(), s)
            });
            return Some(SpeakerRef {
                name: people[idx].name.clone(),
                mention,
                person: Some(idx),
                kind: SpeakerKind::Person,
                role,
            });
        }
        // No name: an organisation, a role held by someone named earlier, or anonymous.
        if lx.has_organisation(&phrase_lower) {
            return Some(SpeakerRef {
                name: phrase_span.slice(self.src).to_string(),
                mention: phrase_span,
                person: None,
                kind: SpeakerKind::Organisation,
                role: None,
            });
        }
        let indefinite = matches!(
            words[a].lower.as_str(),
            "a" | "an"
                | "one"
                | "two"
                | "three"
                | "several"
                | "some"
                | "ein"
                | "eine"
                | "einer"
                | "un"
                | "une"
                | "uno"
                | "una"
                | "один"
                | "одна"
                | "несколько"
                | "sources"
                | "источник"
                | "источники"
        );
        if !indefinite {
            for k in a..b {
                if let Some((ri, _)) = register::match_at(words, k, lx.roles.iter().map(|r| &r.words)) {
                    let canonical = lx.roles[ri].canonical;
                    if let Some(idx) = self.holder(canonical, phrase_span.start, people) {
                        return Some(SpeakerRef {
                            name: people[idx].name.clone(),
                            mention: phrase_span,
                            person: Some(idx),
                            kind: SpeakerKind::Person,
                            role: None,
                        });
                    }
                }
            }
        }
        // Anonymous sources must read like a noun phrase, not a clause.
        if b - a > 8 {
            return None;
        }
        Some(SpeakerRef {
            name: phrase_span.slice(self.src).to_string(),
            mention: phrase_span,
            person: None,
            kind: SpeakerKind::Anonymous,
            role: None,
        })
    }

    /// The person last given `canonical` role before `offset`.
    fn holder(&self, canonical: &str, offset: usize, people: &[Person]) -> Option<usize> {
        (0..people.len())
            .filter_map(|i| {
                people[i]
                    .roles
                    .iter()
                    .filter(|r| r.canonical == Some(canonical) && r.span.start < offset)
                    .map(|r| (r.span.start, i))
                    .max()
            })
            .max()
            .map(|(_, i)| i)
    }

    /// The person a pronoun at `offset` refers to: the last one named before it, outside
    /// quotes, whose gender fits.
    fn antecedent(&self, offset: usize, g: Gender, people: &[Person]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, p) in people.iter().enumerate() {
            if !g.fits(p.gender) {
                continue;
            }
            for m in &p.mentions {
                if m.span.start < offset
                    && !in_spans(&self.inner, m.span)
                    && best.is_none_or(|(s, _)| m.span.start > s)
                {
                    best = Some((m.span.start, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }
}

/// Whether `s` lies inside one of `spans` (sorted by start; nested ones are rare and only the
/// nearest few before `s` are looked at).
/// A conjunction that starts a new clause (`and`, `que`, `dass`, `что`): a subject does not
/// reach back over it.
fn clause_word(lower: &str) -> bool {
    matches!(
        lower,
        "and"
            | "but"
            | "that"
            | "и"
            | "но"
            | "что"
            | "і"
            | "та"
            | "але"
            | "що"
            | "und"
            | "aber"
            | "dass"
            | "et"
            | "mais"
            | "que"
            | "y"
            | "pero"
            | "e"
            | "ma"
            | "mas"
            | "oraz"
            | "ale"
            | "że"
    )
}

fn in_spans(spans: &[Span], s: Span) -> bool {
    let i = spans.partition_point(|o| o.start <= s.start);
    spans[..i].iter().rev().take(4).any(|o| o.contains(s))
}

/// Whether two speakers are the same (same person of the register, or same name).
pub fn same_speaker(a: &SpeakerRef, b: &SpeakerRef) -> bool {
    match (a.person, b.person) {
        (Some(x), Some(y)) => x == y,
        _ => names::fold(&a.name) == names::fold(&b.name),
    }
}
