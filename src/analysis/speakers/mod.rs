//! The register of people a text names, and attribution of quotes to speakers.
//!
//! - [`register`] finds people: full names (`Anna Petrova`), with the titles, roles and
//!   nationalities the text gives them (`Brazilian President Luiz Inácio Lula da Silva`,
//!   `Anna Petrova, head of the union,`), their later surname-only references and spellings.
//! - [`attribution`] links each quoted statement to its speaker through a speech cue in the
//!   same sentence (`"Q," X said`, `"Q," said X`, `X said: "Q"`, `According to X, "Q"`,
//!   `«Q», — заявил X`), resolving pronouns (`she added`) and role references (`the minister
//!   said`) to people of the register, recognising organisations and anonymous sources, and
//!   letting a quote with no attribution of its own continue the previous speaker.
//!
//! Language knowledge (speech cues, pronouns, roles, nationalities) is data, see [`lexicon`].

pub mod attribution;
pub mod lexicon;
pub mod register;

use super::quotes::{QuoteAnalysis, SpeakerRef};
use crate::document::Document;
use crate::span::Span;
use crate::text::{ParagraphKind, TextModel, TokenKind};

pub use lexicon::Gender;

#[derive(Clone, Debug, Default)]
pub struct Register {
    pub people: Vec<Person>,
    /// The speaker, cue and cue span found for each candidate quote (`QuoteAnalysis::quotes`
    /// as the quotes stage left it, before [`attribute`] drops quoted terms), by index.
    pub attributions: Vec<Option<Attribution>>,
}

#[derive(Clone, Debug)]
pub struct Attribution {
    pub speaker: SpeakerRef,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
}

#[derive(Clone, Debug)]
pub struct Person {
    /// The fullest spelling the text gives (`Luiz Inácio Lula da Silva`).
    pub name: String,
    /// The family name as first written (`Lula da Silva`).
    pub surname: String,
    /// Given names, if the text gives them.
    pub given: Option<String>,
    pub gender: Gender,
    /// Roles, titles and nationalities the text gives this person, in text order.
    pub roles: Vec<RoleMention>,
    /// Every place the text names this person (full name, surname only), in text order.
    pub mentions: Vec<Mention>,
}

impl Default for Person {
    fn default() -> Self {
        Person {
            name: String::new(),
            surname: String::new(),
            given: None,
            gender: Gender::Any,
            roles: Vec::new(),
            mentions: Vec::new(),
        }
    }
}

impl Person {
    /// The nationality or affiliation the text gives this person first, as a country code.
    pub fn country(&self) -> Option<&'static str> {
        self.roles.iter().find(|r| !r.former).and_then(|r| r.country)
    }
}

/// A role, office or nationality given to a person at one place in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleMention {
    /// The words as written (`French President`, `head of the union`).
    pub text: String,
    pub span: Span,
    /// The canonical office from `roles.txt` (`president`, `interior-minister`), if known.
    pub canonical: Option<&'static str>,
    /// Whether the office has one holder per country at a time.
    pub unique: bool,
    /// Nationality or affiliation (`FR`), if given with the role.
    pub country: Option<&'static str>,
    /// `former`, `ex-`, `then`, `late`: a past role that does not conflict with a present one.
    pub former: bool,
    /// The name mention the role is attached to.
    pub mention: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Span of the family name within the mention.
    pub surname: Span,
    /// Whether the mention gives the full name (given name and surname).
    pub full: bool,
}

/// One word or punctuation token of the body, with what attribution needs to know about it.
#[derive(Clone, Debug)]
pub struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    pub lower: String,
    pub punct: bool,
    pub para: usize,
    /// A capitalised word the text also writes in lower case elsewhere (`Sources` / `sources`):
    /// a common word at a sentence start, not a name on its own.
    pub common: bool,
}

impl Word<'_> {
    /// Starts with a capital letter (names, titles; also sentence starts).
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// All capitals, two letters or more (`MP`, `CEO`, `МИД`): an acronym, not a name.
    pub fn acronym(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    }

    pub fn is(&self, p: &str) -> bool {
        self.text == p
    }
}

/// The body's tokens (code paragraphs left out) as words.
pub fn words<'a>(doc: &'a Document, text: &TextModel) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(text.tokens.len());
    for t in &text.tokens {
        let Some(pi) = text.paragraph_at(t.span.start) else { continue };
        if text.paragraphs[pi].kind == ParagraphKind::Code {
            continue;
        }
        let s = t.span.slice(&doc.text);
        out.push(Word {
            span: t.span,
            text: s,
            lower: s.to_lowercase(),
            punct: t.kind == TokenKind::Punct,
            para: pi,
            common: false,
        });
    }
    let lower: std::collections::HashSet<&str> = out
        .iter()
        .filter(|w| !w.punct && w.text.chars().next().is_some_and(char::is_lowercase))
        .map(|w| w.text)
        .collect();
    for w in &mut out {
        if w.cap() && !w.punct {
            w.common = lower.contains(w.lower.as_str());
        }
    }
    out
}

pub fn analyze(doc: &Document, text: &TextModel, lang: &str, quotes: &QuoteAnalysis) -> Register {
    let lx = lexicon::for_lang(lang);
    let words = words(doc, text);
    let mut people = register::build(doc, text, lx, &words, quotes);
    let attributions = attribution::attribute_all(doc, text, lx, &words, quotes, &mut people);
    Register { people, attributions }
}

/// Fills in `speaker` and `cue` of each quote from the register's attributions.
pub fn attribute(
    doc: &Document,
    text: &TextModel,
    lang: &str,
    people: &Register,
    quotes: &mut QuoteAnalysis,
) {
    let _ = (doc, text, lang);
    for (q, a) in quotes.quotes.iter_mut().zip(&people.attributions) {
        if let Some(a) = a {
            q.speaker = Some(a.speaker.clone());
            q.cue = a.cue.clone();
            q.cue_span = a.cue_span;
        }
    }
    // Quoted terms and titles (`the so-called "reform"`) are not statements.
    let src = doc.text.as_str();
    quotes.quotes.retain(|q| super::quotes::is_statement_quote(q, src));
    // Keep `all` in step with `quotes`.
    for q in &quotes.quotes {
        if let Some(o) = quotes.all.iter_mut().find(|o| o.open == q.open) {
            o.speaker = q.speaker.clone();
            o.cue = q.cue.clone();
            o.cue_span = q.cue_span;
        }
    }
}
