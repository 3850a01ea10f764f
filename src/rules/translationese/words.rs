//! The document's words as the translationese rules read them: lower-cased word and number
//! tokens in order, with "barriers" where a phrase cannot run on (sentence-ending and
//! bracketing punctuation, paragraph breaks) and "soft" punctuation (commas, quote marks,
//! dashes) that a phrase may run across. Built once per rule call from the text model's
//! tokens; nothing here re-tokenises the text.
//!
//! The lower-cased words are also laid out in one string, `hay` (`" w1 w2 \u{1} w3 "`), so
//! that a lexicon's anchor phrases can be found by one automaton pass.

use std::ops::Range;

use crate::span::Span;
use crate::text::{ParagraphKind, TextModel, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// A word or number.
    Word,
    /// A comma: skipped by word elements, matched by an explicit `,` in a pattern.
    Comma,
    /// Quote marks, dashes, symbols: skipped.
    Soft,
    /// Sentence end, colon, brackets or a paragraph break: no phrase crosses it.
    Barrier,
}

#[derive(Clone, Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub span: Span,
    /// Where the lower-cased word sits in `Words::hay` (empty for punctuation).
    pub norm: Range<usize>,
}

/// The word stream of a document.
#[derive(Clone, Debug, Default)]
pub struct Words {
    pub items: Vec<Item>,
    /// Lower-cased words, each followed by a space; barriers as `\u{1}`.
    pub hay: String,
}

/// Punctuation no phrase runs across. Full stops are not here: the text model's sentence
/// ends are barriers, so the dots of `St. Petersburg` or `U.S.` are not.
fn is_barrier(c: char) -> bool {
    matches!(c, ';' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '•')
}

/// Lower-cases a word and folds typographic apostrophes, as the stream does.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_normalized(&mut out, word);
    out
}

fn push_normalized(out: &mut String, word: &str) {
    for c in word.chars().flat_map(char::to_lowercase) {
        out.push(if matches!(c, '’' | 'ʼ' | '‘') { '\'' } else { c });
    }
}

impl Words {
    pub fn new(text: &str, model: &TextModel) -> Self {
        let mut w = Words {
            items: Vec::with_capacity(model.tokens.len() + 8),
            hay: String::with_capacity(text.len() + 16),
        };
        w.hay.push(' ');
        let mut para = usize::MAX;
        let mut sentence = usize::MAX;
        let mut code = false;
        for tok in &model.tokens {
            let inside = |s: Option<crate::span::Span>| {
                s.is_some_and(|s| s.start <= tok.span.start && tok.span.start < s.end)
            };
            if para == usize::MAX || !inside(model.paragraphs.get(para).map(|p| p.span)) {
                if let Some(p) = model.paragraph_at(tok.span.start) {
                    para = p;
                    code = model.paragraphs[p].kind == ParagraphKind::Code;
                }
                w.barrier(tok.span.start);
            }
            if !inside(model.sentences.get(sentence).map(|s| s.span)) {
                if let Some(s) = model.sentence_at(tok.span.start) {
                    sentence = s;
                }
                w.barrier(tok.span.start);
            }
            if code {
                continue;
            }
            let s = tok.span.slice(text);
            match tok.kind {
                TokenKind::Word | TokenKind::Number => {
                    let start = w.hay.len();
                    push_normalized(&mut w.hay, s);
                    let end = w.hay.len();
                    w.hay.push(' ');
                    w.items.push(Item { kind: ItemKind::Word, span: tok.span, norm: start..end });
                }
                TokenKind::Punct => {
                    let c = s.chars().next().unwrap_or(' ');
                    if is_barrier(c) {
                        w.barrier(tok.span.start);
                        continue;
                    }
                    let kind = if c == ',' || c == '،' { ItemKind::Comma } else { ItemKind::Soft };
                    let at = w.hay.len();
                    w.items.push(Item { kind, span: tok.span, norm: at..at });
                }
            }
        }
        w
    }

    fn barrier(&mut self, at: usize) {
        if self.items.last().is_some_and(|i| i.kind != ItemKind::Barrier) {
            let start = self.hay.len();
            self.hay.push_str("\u{1} ");
            self.items.push(Item {
                kind: ItemKind::Barrier,
                span: Span::new(at, at),
                norm: start..start + 1,
            });
        }
    }

    /// The lower-cased text of item `i` (empty for punctuation).
    pub fn norm(&self, i: usize) -> &str {
        &self.hay[self.items[i].norm.clone()]
    }

    /// Index of the word item whose text starts at byte `at` of `hay`.
    pub fn word_at_hay(&self, at: usize) -> Option<usize> {
        let mut i = self.items.partition_point(|it| it.norm.start < at);
        while i < self.items.len() && self.items[i].norm.start == at {
            if self.items[i].kind == ItemKind::Word {
                return Some(i);
            }
            i += 1;
        }
        None
    }
}
