//! ## What it does
//! Flags the furniture of a web page that came along with the article text: share and
//! subscribe prompts ("Follow us on Telegram", «Подписывайтесь на наш канал», "Folgen Sie
//! uns", "Suivez-nous", "Síguenos"), photo credits ("Photo: Reuters", «Фото: ТАСС», "Foto:
//! dpa"), "read also" links («Читайте также», "Lesen Sie auch", "Lire aussi", "Lea
//! también"), source lines ("Source: TASS"), advertisement markers («Реклама», "Anzeige",
//! "Publicité", "Publicidad") and view counters glued to the text (`Telegram4521`, `👁 1234`).
//!
//! The patterns are data, one file per language: `src/lang/<lang>/boilerplate.txt`, each
//! line `kind | where | phrase`. Every language's patterns are tried on every text, since
//! residue is often left untranslated. A pattern only counts where page furniture sits: at
//! the start of a short line or sentence, as a whole line, as a `Label:` at the start of a
//! line or in brackets, or glued to a number. A news sentence that mentions Telegram or a
//! photograph stays silent.
//!
//! ## Why is this bad?
//! Residue like this shows the text was scraped and pasted without an edit; it is the first
//! thing a reader notices, and a credit line can misattribute a photo that is not there.
//!
//! ## Example
//! ```text
//! The talks will resume in Geneva next week.
//!
//! Follow us on Telegram
//! ```
//! Delete the last line.
//!
//! ## How to silence it
//! Delete the residue, or pass `--ignore T704`. Patterns live in
//! `src/lang/<lang>/boilerplate.txt`.

use std::sync::OnceLock;

use crate::finding::Diagnostic;
use crate::rules::Context;
use crate::span::Span;
use crate::text::{ParagraphKind, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Where {
    /// At the start of a line or sentence of at most `MAX_START_WORDS` words.
    Start,
    /// The whole line.
    Line,
    /// `phrase:` at the start of a line or after `(`, followed by a short credit.
    Label,
    /// Immediately followed by a number: `Telegram4521`, `👁 1234`.
    Glued,
    /// A line that is a number and the phrase: `1 234 views`, `Просмотров 1234`.
    Counted,
    /// A vocabulary word (kinds `platform` and `ours`), not a pattern by itself.
    Word,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub lang: &'static str,
    pub kind: &'static str,
    where_: Where,
    /// Lower-cased.
    phrase: String,
}

const MAX_START_WORDS: usize = 20;
const MAX_LABEL_WORDS: usize = 8;
const MAX_PLATFORM_WORDS: usize = 12;

/// Every language's boilerplate patterns, and problems found loading them.
pub fn patterns() -> &'static (Vec<Pattern>, Vec<String>) {
    static P: OnceLock<(Vec<Pattern>, Vec<String>)> = OnceLock::new();
    P.get_or_init(|| {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (lang, name) in crate::lang::all_files() {
            if name != "boilerplate.txt" {
                continue;
            }
            for rec in crate::lang::records(lang, name) {
                let [kind, w, phrase] = rec[..] else {
                    errors.push(format!(
                        "{lang}/{name}: `{}`: expected `kind | where | phrase`",
                        rec.join(" | ")
                    ));
                    continue;
                };
                let where_ = match w {
                    "start" => Where::Start,
                    "line" => Where::Line,
                    "label" => Where::Label,
                    "glued" => Where::Glued,
                    "counted" => Where::Counted,
                    "word" => Where::Word,
                    other => {
                        errors.push(format!("{lang}/{name}: `{phrase}`: unknown place `{other}`"));
                        continue;
                    }
                };
                if message(kind).is_none() && !matches!(kind, "platform" | "ours") {
                    errors.push(format!("{lang}/{name}: `{phrase}`: unknown kind `{kind}`"));
                    continue;
                }
                out.push(Pattern { lang, kind, where_, phrase: phrase.to_lowercase() });
            }
        }
        (out, errors)
    })
}

fn message(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "prompt" => "Share or subscribe prompt left in the text",
        "credit" => "Photo credit left in the text",
        "read-also" => "'Read also' link left in the text",
        "source" => "Source line left in the text",
        "ad" => "Advertisement marker left in the text",
        "counter" => "View or share counter left in the text",
        _ => return None,
    })
}

pub fn check(ctx: &Context) -> Vec<Diagnostic> {
    let text = ctx.text();
    let model = &ctx.analysis.text;
    let (pats, _) = patterns();
    let mut out: Vec<(Span, &Pattern)> = Vec::new();
    let code = |pi: usize| model.paragraphs.get(pi).is_some_and(|p| p.kind == ParagraphKind::Code);
    // Every line of every paragraph that is not code...
    for p in model.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Code) {
        let mut line_start = p.span.start;
        for line in p.span.slice(text).split('\n') {
            let span = Span::new(line_start, line_start + line.len());
            line_start = span.end + 1;
            out.extend(line_hit(text, span, pats));
        }
    }
    // ...and every sentence (up to its line end), for residue glued after a sentence.
    for s in model.sentences.iter().filter(|s| !code(s.paragraph)) {
        let line_end = s.span.slice(text).find('\n').map_or(s.span.end, |i| s.span.start + i);
        let unit = Span::new(s.span.start, line_end);
        out.extend(start_hit(text, unit, pats));
    }
    glued_hits(ctx, pats, &mut out);
    out.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut last: Option<Span> = None;
    for (span, p) in out {
        if last.is_some_and(|l| l.overlaps(span)) {
            continue;
        }
        last = Some(span);
        let msg = format!("{}: '{}'", message(p.kind).unwrap_or("Boilerplate"), span.slice(text));
        diags.push(Diagnostic::new(span, msg).with_suggestion("delete it"));
    }
    diags
}

/// Skips bullets, emoji and arrows before the words; stops at quote marks (speech).
fn core_start(text: &str, from: usize, to: usize) -> Option<usize> {
    for (i, c) in text[from..to].char_indices() {
        if c.is_alphanumeric() {
            return Some(from + i);
        }
        if matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‹' | '›') {
            return None;
        }
    }
    None
}

fn trim_span(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let lead = t.len() - t.trim_start().len();
    Span::new(s.start + lead, s.start + lead + t.trim().len())
}

/// Does `hay` (lower-cased) start with `phrase` followed by a word boundary?
fn starts_with_phrase(hay: &str, phrase: &str) -> bool {
    hay.starts_with(phrase)
        && hay[phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || !phrase.ends_with(|p: char| p.is_alphanumeric()))
}

fn words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

fn lower_prefix(text: &str, at: usize, end: usize) -> String {
    // Enough for the longest phrase; cut on a char boundary.
    let mut e = (at + 80).min(end);
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    text[at..e].to_lowercase()
}

fn line_hit<'p>(text: &str, line: Span, pats: &'p [Pattern]) -> Option<(Span, &'p Pattern)> {
    let line = trim_span(text, line);
    let core = core_start(text, line.start, line.end)?;
    let rest = &text[core..line.end];
    let core_text = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
    let lower = core_text.to_lowercase();
    if let Some(p) = whole_unit_hit(&lower, pats) {
        return Some((line, p));
    }
    // `(Photo: Reuters)` inside a line.
    let mut from = line.start;
    while let Some(i) = text[from..line.end].find('(') {
        let open = from + i;
        let close = text[open..line.end].find(')').map_or(line.end, |j| open + j + 1);
        let inner = text[open + 1..close].trim_end_matches(')').to_lowercase();
        for p in pats.iter().filter(|p| p.where_ == Where::Label) {
            if label_rest(&inner, &p.phrase).is_some_and(|r| words(r) <= MAX_LABEL_WORDS) {
                return Some((Span::new(open, close), p));
            }
        }
        from = open + 1;
    }
    None
}

/// Checks that look at a whole line or sentence (`lower`: its lower-cased words, without
/// leading bullets and trailing punctuation).
fn whole_unit_hit<'p>(lower: &str, pats: &'p [Pattern]) -> Option<&'p Pattern> {
    let hit = pats.iter().find(|p| match p.where_ {
        Where::Line => lower == p.phrase,
        Where::Counted => counted(lower, &p.phrase),
        Where::Label => label_rest(lower, &p.phrase).is_some_and(|r| words(r) <= MAX_LABEL_WORDS),
        Where::Start | Where::Glued | Where::Word => false,
    });
    hit.or_else(|| platform_prompt(lower, pats))
}

/// A short line that names a platform and speaks as the publisher (`our Telegram channel`,
/// «наш канал в Telegram», `unserem WhatsApp-Kanal`): a subscribe prompt however it is
/// worded. A news sentence about a platform does not say "our".
fn platform_prompt<'p>(lower: &str, pats: &'p [Pattern]) -> Option<&'p Pattern> {
    // Speech about "our" channel is news, not furniture.
    let sentences = lower.matches(". ").count() + lower.matches("! ").count() + lower.matches("? ").count();
    if words(lower) > MAX_PLATFORM_WORDS || sentences > 0 || lower.contains(['"', '«', '»', '“', '”', '„'])
    {
        return None;
    }
    // Positions of platform names and first-person words; they must stand close together
    // (`our Telegram`, `us on X`, `нашем Telegram-канале`), not `our reporter asked X`.
    let mut platforms = Vec::new();
    let mut ours = Vec::new();
    let tokens =
        lower.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').filter(|w| !w.is_empty());
    for (i, w) in tokens.enumerate() {
        let w = w.trim_matches(['-', '\'']);
        for p in pats.iter().filter(|p| p.where_ == Where::Word) {
            if w == p.phrase || w.split('-').any(|part| part == p.phrase) {
                match p.kind {
                    "platform" => platforms.push(i),
                    "ours" => ours.push(i),
                    _ => {}
                }
            }
        }
    }
    let close = platforms.iter().any(|&a| ours.iter().any(|&b| a.abs_diff(b) <= 2));
    close.then(|| pats.iter().find(|p| p.kind == "prompt")).flatten()
}

/// After `phrase`, an optional space and a colon (or a spaced dash): the rest, if any.
fn label_rest<'a>(lower: &'a str, phrase: &str) -> Option<&'a str> {
    let rest = lower.strip_prefix(phrase)?;
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let rest = rest.strip_prefix(':').or_else(|| {
        let r = rest.strip_prefix(['—', '–', '-'])?;
        r.starts_with([' ', '\u{a0}']).then_some(r)
    })?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some(rest)
}

fn is_count(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits > 0 && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'k' | 'm' | '\u{a0}' | ' '))
}

/// `1234 views`, `1 234 просмотра`, `views 1234`.
fn counted(lower: &str, phrase: &str) -> bool {
    if let Some(num) = lower.strip_suffix(phrase) {
        return is_count(num.trim()) && num.ends_with(' ');
    }
    if let Some(num) = lower.strip_prefix(phrase) {
        return is_count(num.trim()) && num.starts_with([' ', ':']);
    }
    false
}

fn start_hit<'p>(text: &str, unit: Span, pats: &'p [Pattern]) -> Option<(Span, &'p Pattern)> {
    let unit = trim_span(text, unit);
    let core = core_start(text, unit.start, unit.end)?;
    if words(unit.slice(text)) > MAX_START_WORDS {
        return None;
    }
    let lower = lower_prefix(text, core, unit.end);
    if let Some(p) = pats.iter().find(|p| p.where_ == Where::Start && starts_with_phrase(&lower, &p.phrase)) {
        return Some((unit, p));
    }
    // A sentence that is a credit, an advertisement marker or a prompt by itself:
    // `Vladimir Putin. Photo: Kremlin.ru`, `Реклама. ООО «…»`.
    let whole = text[core..unit.end].trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    whole_unit_hit(&whole, pats).map(|p| (Span::new(core, unit.end), p))
}

/// `Telegram4521` (a word token that is a platform name and a number) and `👁 1234`.
fn glued_hits<'p>(ctx: &Context, pats: &'p [Pattern], out: &mut Vec<(Span, &'p Pattern)>) {
    let text = ctx.text();
    let model = &ctx.analysis.text;
    let toks = &model.tokens;
    for (i, t) in toks.iter().enumerate() {
        let s = t.span.slice(text);
        match t.kind {
            TokenKind::Word => {
                let split = s.find(|c: char| c.is_ascii_digit());
                let Some(d) = split.filter(|&d| d > 0) else { continue };
                if !s[d..].chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                let name = s[..d].to_lowercase();
                if let Some(p) = pats.iter().find(|p| p.where_ == Where::Glued && p.phrase == name) {
                    out.push((t.span, p));
                }
            }
            TokenKind::Punct => {
                let Some(p) = pats.iter().find(|p| p.where_ == Where::Glued && p.phrase == s) else {
                    continue;
                };
                // Variation selectors after the emoji are separate tokens.
                let mut j = i + 1;
                while j < toks.len()
                    && toks[j].span.slice(text).chars().all(|c| matches!(c, '\u{fe0e}' | '\u{fe0f}'))
                {
                    j += 1;
                }
                if let Some(n) = toks.get(j).filter(|n| n.kind == TokenKind::Number) {
                    if !text[t.span.end..n.span.start].contains('\n') {
                        out.push((t.span.cover(n.span), p));
                    }
                }
            }
            TokenKind::Number => {}
        }
    }
}
