//! Quote marks and quoted statements.
//!
//! Every quote mark of the body is classified by its shape and its neighbours (a mark with a
//! word on its right and a space on its left opens; the reverse closes), then paired with a
//! stack per paragraph. This handles the conventions of English (“…” ‘…’ "…" '…'), Russian
//! («…» with inner „…“), German („…“, »…«, ‚…‘), French (« … » with no-break spaces),
//! Spanish («…», “…”) and CJK (「…」『…』), nesting, and apostrophes that are not quotes
//! (`D'Angelo`, `'80s`, `don't`, `rock 'n' roll`, `O’Brien`, `students’`, Ukrainian `ʼ`).
//!
//! A quote running over several paragraphs with an opening mark on each and a closing mark
//! only on the last (the news convention) is one quote. An odd number of marks never makes the
//! stage give up: an unclosed opening mark yields a quote to the end of its paragraph (or to
//! the next opening mark of its kind) and a problem record, and the other quotes are still
//! extracted. Problems and the marks themselves are kept for the Q30x rules.

use crate::document::Document;
use crate::span::Span;
use crate::text::{ParagraphKind, TextModel};

/// The speaker a quote is credited to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeakerRef {
    /// The resolved person's full name as the register knows it.
    pub name: String,
    /// Where the text names the speaker for this quote (may be a pronoun or a surname).
    pub mention: Span,
    /// Index into `Register::people`, if resolved to a person of the register.
    pub person: Option<usize>,
    /// What kind of speaker: a named person, a pronoun resolved to one, an organisation, an
    /// anonymous source (`a senior diplomat`), or inherited from the previous quote.
    pub kind: SpeakerKind,
    /// The role or nationality words the attribution itself gives the speaker
    /// (`French President` in `said French President Olaf Scholz`), with their span.
    pub role: Option<(String, Span)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SpeakerKind {
    #[default]
    Person,
    Pronoun,
    Organisation,
    Anonymous,
    /// No attribution of its own: the quote continues the previous speaker's statement.
    Continued,
}

/// A quoted passage. `Default` gives an empty quote, for building analyses by hand in tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, without its quote marks.
    pub span: Span,
    /// Whether the quote's closing mark was found.
    pub closed: bool,
    pub speaker: Option<SpeakerRef>,
    /// The speech verb or cue linking quote and speaker (`said`, `according to`).
    pub cue: Option<String>,
    /// The quote with its marks (to the end of the recovered span when unclosed).
    pub outer: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, when found.
    pub close: Option<Span>,
    /// The opening and closing characters (`“`, `”`); the closing one is the expected one
    /// when the quote is unclosed.
    pub marks: (char, char),
    /// Index of the paragraph of the opening mark, and of the last paragraph the quote runs into.
    pub paragraph: usize,
    pub last_paragraph: usize,
    /// Nesting depth: 0 for a top-level quote, 1 for a quote inside a quote, ...
    pub depth: usize,
    /// The cue's span, when attribution found one.
    pub cue_span: Option<Span>,
}

impl Quote {
    /// Number of words in the quote.
    pub fn words(&self, text: &str) -> usize {
        self.span.slice(text).split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
    }
}

/// What happened to one quote mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkRole {
    Open,
    Close,
    /// An opening mark repeated at the start of a paragraph that continues a quote.
    Continue,
    /// Not a quote mark here: an apostrophe, or a single mark that never paired.
    Apostrophe,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub ch: char,
    pub role: MarkRole,
}

/// Something wrong with the quote marks, found while pairing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// An opening mark never closed (and not continued by the next paragraph).
    Unclosed,
    /// A closing mark with nothing open.
    StrayClose,
    /// A closing mark written as an opening one after a space (`deal, "the ministry said`).
    CloseAfterSpace,
    /// A mark with spaces on both sides, or an opening mark followed by a space / closing mark
    /// preceded by one (`agreement. "`).
    Spaced,
    /// A pair whose marks face the wrong way or do not match (`»word«` in French, `«word«`).
    WrongDirection,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteProblem {
    pub kind: ProblemKind,
    /// The mark at fault.
    pub mark: Span,
    pub ch: char,
    /// The quote the mark belongs to, if any (index into `QuoteAnalysis::all`).
    pub quote: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct QuoteAnalysis {
    /// Quoted statements: top-level quotes that say something (not a one-word scare quote or a
    /// title), in text order. Attribution fills in their speakers, then drops quoted terms.
    pub quotes: Vec<Quote>,
    /// Every quote found, nested ones and short terms included, in text order of opening.
    pub all: Vec<Quote>,
    /// Every quote-mark character of the body and what it turned out to be.
    pub marks: Vec<Mark>,
    pub problems: Vec<QuoteProblem>,
}

/// Families of marks; an opening mark is closed by a mark of a compatible family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// “ ” „ " ‟
    Double,
    /// ‘ ’ ‚ ' ‛
    Single,
    /// « »
    Guillemet,
    /// ‹ ›
    SingleGuillemet,
    /// 「 」
    Corner,
    /// 『 』
    WhiteCorner,
}

fn family(c: char) -> Option<Family> {
    Some(match c {
        '"' | '“' | '”' | '„' | '‟' | '＂' | '〝' | '〞' => Family::Double,
        '\'' | '‘' | '’' | '‚' | '‛' => Family::Single,
        '«' | '»' => Family::Guillemet,
        '‹' | '›' => Family::SingleGuillemet,
        '「' | '」' => Family::Corner,
        '『' | '』' => Family::WhiteCorner,
        _ => return None,
    })
}

/// Whether `c` is a quote-mark character this stage looks at.
pub fn is_mark(c: char) -> bool {
    family(c).is_some()
}

/// The usual closing partner of an opening mark (for messages and unclosed quotes).
pub fn partner(open: char) -> char {
    match open {
        '“' => '”',
        '„' => '“',
        '‘' => '’',
        '‚' => '‘',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        '「' => '」',
        '『' => '』',
        '〝' => '〞',
        c => c,
    }
}

fn soft_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

fn opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:".contains(c) || is_mark(c),
    }
}

fn closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || ".,;:!?)]}—–-…/".contains(c) || is_mark(c) || c == '。' || c == '、',
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    /// Index into `marks`.
    mark: usize,
    ch: char,
    /// A single straight/curly mark that may still turn out to be an apostrophe.
    tentative: bool,
    /// Paragraph of the first opening mark (for continued quotes).
    paragraph: usize,
    depth: usize,
}

struct Scanner<'a> {
    text: &'a str,
    marks: Vec<Mark>,
    problems: Vec<QuoteProblem>,
    quotes: Vec<Quote>,
    german: bool,
    lang: &'a str,
}

pub fn analyze(doc: &Document, text: &TextModel, lang: &str) -> QuoteAnalysis {
    let src = doc.text.as_str();
    let mut sc = Scanner {
        text: src,
        marks: Vec::new(),
        problems: Vec::new(),
        quotes: Vec::new(),
        german: lang == "de",
        lang,
    };
    let paras: Vec<(usize, Span)> = text
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind != ParagraphKind::Code)
        .map(|(i, p)| (i, p.span))
        .collect();
    let mut carry: Option<Open> = None;
    for (k, &(pi, span)) in paras.iter().enumerate() {
        let next = paras.get(k + 1).map(|&(_, s)| s);
        carry = sc.paragraph(pi, span, carry, next);
    }
    let mut all = sc.quotes;
    all.sort_by_key(|q| (q.open.start, q.depth));
    // Problems point at quotes by index into `all`; map them after sorting.
    let mut problems = sc.problems;
    for p in &mut problems {
        p.quote = all.iter().position(|q| q.open == p.mark || q.close == Some(p.mark));
    }
    problems.sort_by_key(|p| (p.mark.start, p.kind as u8));
    problems.dedup_by_key(|p| (p.mark, p.kind as u8));
    let quotes = all.iter().filter(|q| q.depth == 0 && is_statement(q, src)).cloned().collect();
    QuoteAnalysis { quotes, all, marks: sc.marks, problems }
}

/// A candidate statement: a top-level quote with at least one word. Attribution later keeps
/// the ones that say something (see [`is_statement`]).
fn is_statement(q: &Quote, text: &str) -> bool {
    q.words(text) >= 1
}

/// A statement rather than a quoted term or title: attributed to a speaker by a cue, several
/// words, or a sentence of its own.
pub fn is_statement_quote(q: &Quote, text: &str) -> bool {
    let t = q.span.slice(text).trim_end();
    let words = q.words(text);
    if is_name_quote(q, text) {
        return false;
    }
    (q.cue.is_some() && q.speaker.is_some())
        || words >= 4
        || (words >= 2 && t.ends_with(['.', '!', '?', '…', '。']))
}

/// A quoted name, not words someone said: one to three capitalised words without sentence
/// punctuation (`«Укренерго»`, `«ТатТоннель»`, `„Nordwerk“`), the way Russian, Ukrainian and
/// German set company and party names in quote marks.
pub fn is_name_quote(q: &Quote, text: &str) -> bool {
    let t = q.span.slice(text).trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && !t.ends_with(['.', '!', '?', '…', ',', '。'])
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

impl Scanner<'_> {
    /// Pairs the marks of one paragraph. `carry` is a quote continued from the previous
    /// paragraph; the return value is the quote this paragraph continues into the next one.
    fn paragraph(&mut self, pi: usize, span: Span, carry: Option<Open>, next: Option<Span>) -> Option<Open> {
        let para = span.slice(self.text);
        let base = span.start;
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        let mut stack: Vec<Open> = Vec::new();
        let mut first_mark = true;
        let mut skip_next = false;
        for (ci, &(off, c)) in chars.iter().enumerate() {
            let Some(fam) = family(c) else { continue };
            let at = Span::new(base + off, base + off + c.len_utf8());
            if skip_next {
                skip_next = false;
                self.push_mark(at, c, MarkRole::Apostrophe);
                continue;
            }
            // The continuation mark at the start of a paragraph that goes on with a quote.
            if first_mark {
                first_mark = false;
                if let Some(open) = carry {
                    if off == 0 && continues(open.ch, c) {
                        self.push_mark(at, c, MarkRole::Continue);
                        stack.push(open);
                        continue;
                    }
                    // The previous paragraph's quote was not continued after all.
                    self.unclosed_to(open, None);
                }
            }
            let prev = if ci == 0 { None } else { Some(chars[ci - 1].1) };
            let next_c = chars.get(ci + 1).map(|x| x.1);
            // Guillemets may be spaced with no-break spaces (French); look through them.
            let prev_eff = if soft_space_ok(fam) {
                chars[..ci].iter().rev().map(|x| x.1).find(|&c| !soft_space(c))
            } else {
                prev
            };
            let next_eff = if soft_space_ok(fam) {
                chars[ci + 1..].iter().map(|x| x.1).find(|&c| !soft_space(c))
            } else {
                next_c
            };
            let prev_space = prev_eff.is_some_and(char::is_whitespace);
            let next_space = next_eff.is_some_and(char::is_whitespace);
            let prev_word = prev.is_some_and(|p| p.is_alphanumeric());
            let next_word = next_c.is_some_and(|n| n.is_alphanumeric());
            let can_open = next_eff.is_some() && !next_space && opening_context(prev_eff);
            let can_close = prev_eff.is_some() && !prev_space && closing_context(next_eff);

            if fam == Family::Single || c == 'ʼ' {
                self.single(
                    &mut stack,
                    at,
                    c,
                    pi,
                    prev,
                    next_c,
                    para,
                    off,
                    &mut skip_next,
                    can_open,
                    can_close,
                );
                continue;
            }
            let _ = (prev_word, next_word);
            // Decide the role of a double / guillemet / corner mark.
            let role = match c {
                '„' | '「' | '『' | '〝' => {
                    if next_space || next_eff.is_none() {
                        Role::SpacedOpen
                    } else {
                        Role::Open
                    }
                }
                '」' | '』' | '〞' => Role::Close,
                '“' => {
                    if can_close && (!can_open || top_is(&stack, &['„'])) {
                        Role::Close
                    } else if can_open {
                        Role::Open
                    } else if top_accepts(&stack, c) {
                        Role::SpacedClose
                    } else {
                        Role::SpacedOpen
                    }
                }
                '”' => {
                    if can_close || top_accepts(&stack, c) && !can_open {
                        if can_close {
                            Role::Close
                        } else {
                            Role::SpacedClose
                        }
                    } else if can_open && top_accepts(&stack, c) {
                        Role::CloseAfterSpace
                    } else if can_open {
                        Role::Open
                    } else {
                        Role::SpacedClose
                    }
                }
                '"' | '＂' | '‟' => {
                    let open_here = top_accepts(&stack, c);
                    match (can_open, can_close) {
                        (true, true) => {
                            if open_here {
                                Role::Close
                            } else {
                                Role::Open
                            }
                        }
                        (true, false) => {
                            if open_here && looks_like_attribution(&para[off + c.len_utf8()..], self.lang) {
                                Role::CloseAfterSpace
                            } else {
                                Role::Open
                            }
                        }
                        (false, true) => Role::Close,
                        (false, false) => {
                            if open_here {
                                Role::SpacedClose
                            } else {
                                Role::SpacedOpen
                            }
                        }
                    }
                }
                '«' | '»' => {
                    // Default orientation: «…» except in German, where »…« is the norm.
                    let natural_open = if self.german { '»' } else { '«' };
                    if c == natural_open {
                        if can_close && !can_open && top_accepts(&stack, c) {
                            Role::Close
                        } else {
                            Role::Open
                        }
                    } else if top_accepts(&stack, c) {
                        Role::Close
                    } else if can_open && !can_close {
                        Role::Open
                    } else {
                        Role::Close
                    }
                }
                '‹' | '›' => {
                    if can_close && top_accepts(&stack, c) {
                        Role::Close
                    } else if can_open {
                        Role::Open
                    } else {
                        Role::Close
                    }
                }
                _ => Role::Open,
            };
            match role {
                Role::Open | Role::SpacedOpen => {
                    if role == Role::SpacedOpen {
                        self.problem(ProblemKind::Spaced, at, c);
                    }
                    // A second double opening mark while one is open nests for now (writers do
                    // put "…" inside "…"); if the outer one is never closed, the paragraph end
                    // takes the inner quotes out of it again (see `flatten`).
                    let idx = self.push_mark(at, c, MarkRole::Open);
                    stack.push(Open {
                        mark: idx,
                        ch: c,
                        tentative: false,
                        paragraph: pi,
                        depth: stack.len(),
                    });
                }
                Role::Close | Role::SpacedClose | Role::CloseAfterSpace => {
                    if let Some(pos) = stack.iter().rposition(|o| accepts(o.ch, c)) {
                        match role {
                            Role::SpacedClose => self.problem(ProblemKind::Spaced, at, c),
                            Role::CloseAfterSpace => self.problem(ProblemKind::CloseAfterSpace, at, c),
                            _ => {}
                        }
                        let inner: Vec<Open> = stack.drain(pos + 1..).collect();
                        for o in inner.into_iter().rev() {
                            if o.tentative {
                                self.marks[o.mark].role = MarkRole::Apostrophe;
                            } else {
                                let end = trim_end_before(self.text, at.start);
                                self.unclosed_to(o, Some(end));
                            }
                        }
                        let open = stack.pop().expect("found above");
                        let idx = self.push_mark(at, c, MarkRole::Close);
                        self.close(open, idx, pi);
                    } else if role == Role::CloseAfterSpace {
                        let idx = self.push_mark(at, c, MarkRole::Open);
                        stack.push(Open {
                            mark: idx,
                            ch: c,
                            tentative: false,
                            paragraph: pi,
                            depth: stack.len(),
                        });
                    } else {
                        self.push_mark(at, c, MarkRole::Close);
                        self.problem(ProblemKind::StrayClose, at, c);
                    }
                }
            }
        }
        // End of paragraph: single marks still open were apostrophes after all.
        let mut rest: Vec<Open> = Vec::new();
        for o in stack {
            if o.tentative {
                self.marks[o.mark].role = MarkRole::Apostrophe;
            } else {
                rest.push(o);
            }
        }
        // The outermost open quote continues if the next paragraph opens with its mark.
        let mut carry_out = None;
        if let (Some(first), Some(next)) = (rest.first().copied(), next) {
            let starts = next.slice(self.text).chars().next();
            if rest.len() == 1 && starts.is_some_and(|s| continues(first.ch, s)) {
                carry_out = Some(first);
                rest.clear();
            }
        }
        let end = trim_end_before(self.text, span.end);
        for o in rest.into_iter().rev() {
            let end = self.flatten(o, end);
            self.unclosed_to(o, Some(end));
        }
        carry_out
    }

    #[allow(clippy::too_many_arguments)]
    fn single(
        &mut self,
        stack: &mut Vec<Open>,
        at: Span,
        c: char,
        pi: usize,
        prev: Option<char>,
        next: Option<char>,
        para: &str,
        off: usize,
        skip_next: &mut bool,
        can_open: bool,
        can_close: bool,
    ) {
        let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        // Inside a word (don't, O’Brien, D'Angelo) or before a year ('80s): an apostrophe.
        if c == 'ʼ'
            || (letter(prev) && letter(next))
            || (!letter(prev) && next.is_some_and(|n| n.is_ascii_digit()))
        {
            self.push_mark(at, c, MarkRole::Apostrophe);
            return;
        }
        // rock 'n' roll
        let after = &para[off + c.len_utf8()..];
        if matches!(c, '\'' | '’' | '‘')
            && (after.starts_with("n'") || after.starts_with("n’"))
            && !letter(after[1..].chars().nth(1))
        {
            self.push_mark(at, c, MarkRole::Apostrophe);
            *skip_next = true;
            return;
        }
        if can_close {
            if let Some(pos) = stack.iter().rposition(|o| accepts(o.ch, c)) {
                // Only close if everything above it is tentative too (nesting is strict).
                if stack[pos + 1..].iter().all(|o| o.tentative) {
                    for o in stack.drain(pos + 1..) {
                        self.marks[o.mark].role = MarkRole::Apostrophe;
                    }
                    let open = stack.pop().expect("found above");
                    let idx = self.push_mark(at, c, MarkRole::Close);
                    self.close(open, idx, pi);
                    return;
                }
            }
        }
        if can_open && matches!(c, '‘' | '‚' | '\'' | '‛') {
            let idx = self.push_mark(at, c, MarkRole::Open);
            stack.push(Open { mark: idx, ch: c, tentative: true, paragraph: pi, depth: stack.len() });
            return;
        }
        self.push_mark(at, c, MarkRole::Apostrophe);
    }

    fn push_mark(&mut self, span: Span, ch: char, role: MarkRole) -> usize {
        self.marks.push(Mark { span, ch, role });
        self.marks.len() - 1
    }

    fn problem(&mut self, kind: ProblemKind, mark: Span, ch: char) {
        self.problems.push(QuoteProblem { kind, mark, ch, quote: None });
    }

    fn close(&mut self, open: Open, close_idx: usize, pi: usize) {
        let o = self.marks[open.mark];
        let c = self.marks[close_idx];
        let guillemet = matches!(family(o.ch), Some(Family::Guillemet | Family::SingleGuillemet));
        if guillemet && o.ch == c.ch {
            self.problem(ProblemKind::WrongDirection, c.span, c.ch);
        }
        let span = trim_span(self.text, Span::new(o.span.end, c.span.start));
        self.quotes.push(Quote {
            span,
            closed: true,
            speaker: None,
            cue: None,
            outer: Span::new(o.span.start, c.span.end),
            open: o.span,
            close: Some(c.span),
            marks: (o.ch, c.ch),
            paragraph: open.paragraph,
            last_paragraph: pi,
            depth: open.depth,
            cue_span: None,
        });
    }

    /// An unclosed opening mark with closed quotes after it in its paragraph: those were not
    /// nested in it but followed it (`"We will go, he said. Then "it is fine," she said.`).
    /// They become top-level again and the unclosed quote ends before the first of them.
    fn flatten(&mut self, open: Open, end: usize) -> usize {
        let o = self.marks[open.mark].span;
        let inner: Vec<usize> = (0..self.quotes.len())
            .filter(|&k| {
                let q = &self.quotes[k];
                q.open.start > o.start
                    && q.open.start < end
                    && q.depth > open.depth
                    && q.paragraph == open.paragraph
            })
            .collect();
        let Some(first) = inner.iter().map(|&k| self.quotes[k].open.start).min() else { return end };
        // Only when the inner quotes are of the same family: «…„…“…» is real nesting.
        if !inner.iter().all(|&k| family(self.quotes[k].marks.0) == family(self.marks[open.mark].ch)) {
            return end;
        }
        for k in inner {
            self.quotes[k].depth -= 1;
        }
        trim_end_before(self.text, first)
    }

    /// Records an opening mark that was never closed; its quote runs to `end`.
    fn unclosed_to(&mut self, open: Open, end: Option<usize>) {
        let o = self.marks[open.mark];
        self.problem(ProblemKind::Unclosed, o.span, o.ch);
        let end = end.unwrap_or(o.span.end).max(o.span.end);
        let span = trim_span(self.text, Span::new(o.span.end, end));
        let last = self.quotes.last().map_or(open.paragraph, |_| open.paragraph);
        self.quotes.push(Quote {
            span,
            closed: false,
            speaker: None,
            cue: None,
            outer: Span::new(o.span.start, end),
            open: o.span,
            close: None,
            marks: (o.ch, partner(o.ch)),
            paragraph: open.paragraph,
            last_paragraph: last,
            depth: open.depth,
            cue_span: None,
        });
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// An opening mark with a space after it (or spaces on both sides).
    SpacedOpen,
    /// A closing mark with a space before it.
    SpacedClose,
    /// Shaped like an opening mark but closing the open quote (`deal, "the ministry said`).
    CloseAfterSpace,
}

fn soft_space_ok(f: Family) -> bool {
    matches!(f, Family::Guillemet | Family::SingleGuillemet | Family::Double)
}

/// Whether a mark `close` can close a quote opened with `open`.
fn accepts(open: char, close: char) -> bool {
    match open {
        '“' => matches!(close, '”' | '"' | '“'),
        '”' => matches!(close, '”' | '"'),
        '„' => matches!(close, '“' | '”' | '"'),
        '"' | '＂' | '‟' => matches!(close, '"' | '”' | '“' | '＂'),
        '‘' => matches!(close, '’' | '\'' | '‘'),
        '‚' => matches!(close, '‘' | '’' | '\''),
        '\'' | '‛' => matches!(close, '\'' | '’'),
        '«' | '»' => matches!(close, '«' | '»'),
        '‹' | '›' => matches!(close, '‹' | '›'),
        '「' => close == '」',
        '『' => close == '』',
        '〝' => matches!(close, '〞' | '〟'),
        _ => false,
    }
}

fn top_accepts(stack: &[Open], c: char) -> bool {
    stack.last().is_some_and(|o| accepts(o.ch, c))
}

fn top_is(stack: &[Open], chars: &[char]) -> bool {
    stack.last().is_some_and(|o| chars.contains(&o.ch))
}

/// Whether a paragraph starting with `c` continues a quote opened with `open`.
fn continues(open: char, c: char) -> bool {
    family(open) == family(c)
        && !matches!(c, '”' | '」' | '』')
        && (c == open || family(c) == Some(Family::Double))
}

/// After a mark shaped as an opening one: does the text read like an attribution
/// (`the ministry said`, `he added`)? Then the mark was meant to close the open quote.
fn looks_like_attribution(after: &str, lang: &str) -> bool {
    let t = after.trim_start();
    let first = t.chars().next();
    if !first.is_some_and(char::is_lowercase) {
        return false;
    }
    // A speech cue within the next few words (`the ministry said`, `he added`).
    let lx = crate::analysis::speakers::lexicon::for_lang(lang);
    let cue = t
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .take(6)
        .any(|w| lx.maybe_cue(&w.to_lowercase()));
    if !cue {
        return false;
    }
    // The rest of the sentence has no closing mark of its own.
    let sentence = t.split(['.', '!', '?']).next().unwrap_or(t);
    !sentence.contains(['"', '”', '“'])
}

fn trim_end_before(text: &str, end: usize) -> usize {
    let before = &text[..end];
    before.trim_end().len()
}

/// Trims whitespace off both ends of a span.
fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(span.start + lead, span.start + lead + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<String>, QuoteAnalysis) {
        run_lang(text, "und")
    }

    fn run_lang(text: &str, lang: &str) -> (Vec<String>, QuoteAnalysis) {
        let mut doc = Document::from_text("t.txt", format!("Title\n\n{text}"));
        doc.format = crate::document::Format::Markdown;
        let model = TextModel::new(&doc, None);
        let qa = analyze(&doc, &model, lang);
        let texts = qa.all.iter().map(|q| q.span.slice(&doc.text).to_string()).collect();
        (texts, qa)
    }

    #[test]
    fn english_curly_and_straight() {
        let (q, qa) = run("“We will win,” he said. \"It is time,\" she added.");
        assert_eq!(q, ["We will win,", "It is time,"]);
        assert!(qa.problems.is_empty());
    }

    #[test]
    fn nested_and_apostrophes() {
        let (q, qa) = run("“Don't call it ‘rock 'n' roll’ like in the '80s,” said D'Angelo, O’Brien’s friend. The students’ union agreed.");
        assert_eq!(q, ["Don't call it ‘rock 'n' roll’ like in the '80s,", "rock 'n' roll"]);
        assert!(qa.problems.is_empty(), "{:?}", qa.problems);
    }

    #[test]
    fn guillemets_ru_fr_de() {
        let (q, _) = run("«Мы называем это „сделкой века“», — заявил он.");
        assert_eq!(q, ["Мы называем это „сделкой века“", "сделкой века"]);
        let (q, qa) = run("« Nous ne céderons pas », a déclaré le ministre.");
        assert_eq!(q, ["Nous ne céderons pas"]);
        assert!(qa.problems.is_empty());
        let (q, qa) = run_lang("»Wir geben nicht nach«, sagte sie. „Niemals“, fügte sie hinzu.", "de");
        assert_eq!(q, ["Wir geben nicht nach", "Niemals"]);
        assert!(qa.problems.is_empty());
        let (q, _) = run("「東京は大きい」と彼は言った。『本』");
        assert_eq!(q, ["東京は大きい", "本"]);
    }

    #[test]
    fn multi_paragraph_convention() {
        let (q, qa) =
            run("“We have begun the work.\n\n“It will take years.\n\n“But we will finish,” she said.");
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("We have begun") && q[0].ends_with("finish,"));
        assert!(qa.problems.is_empty());
    }

    #[test]
    fn odd_marks_recover() {
        let (q, qa) = run("\"We will go, he said. Then \"it is fine,\" she said. \"Done.\"");
        assert_eq!(q, ["We will go, he said. Then", "it is fine,", "Done."]);
        assert_eq!(qa.problems.iter().filter(|p| p.kind == ProblemKind::Unclosed).count(), 1);
        let (q, qa) = run("\"We will sign the deal, \"the ministry said.");
        assert_eq!(q, ["We will sign the deal,"]);
        assert_eq!(qa.problems[0].kind, ProblemKind::CloseAfterSpace);
        let (_, qa) = run("\"We reached an agreement. \"");
        assert_eq!(qa.problems[0].kind, ProblemKind::Spaced);
    }

    #[test]
    fn straight_quotes_nested_in_straight_quotes() {
        let (q, qa) =
            run("\"Once the government says, \"O.K., this is a disaster,\" we can help,\" she said.");
        assert_eq!(
            q,
            [
                "Once the government says, \"O.K., this is a disaster,\" we can help,",
                "O.K., this is a disaster,"
            ]
        );
        assert!(qa.problems.is_empty(), "{:?}", qa.problems);
        assert_eq!(qa.quotes.len(), 1);
    }

    #[test]
    fn stray_close() {
        let (_, qa) = run("He left.” Then nothing.");
        assert_eq!(qa.problems[0].kind, ProblemKind::StrayClose);
    }
}
