//! Language identification of the document, its paragraphs, sentences and quoted stretches.
//!
//! The question most sentences put is not "which of 75 languages is this?" but "is this in the
//! text's language?", and frequent words answer it cheaply. So the stage reads each sentence
//! once for additive [`evidence`] (letters per script, frequent words per language, letters an
//! alphabet lacks); paragraph and document evidence are sums of sentence evidence. The fast
//! path decides where that evidence is clear; lingua, restricted to the languages still in the
//! running and the document's language, decides the rest (see [`decide`]).
//!
//! `und` marks stretches with too little to go on: a word or two, numbers, a list of names.

mod decide;
mod evidence;
mod lingua_backend;
mod registry;

use crate::document::Document;
use crate::span::Span;
use crate::text::{ParagraphKind, TextModel};

use decide::{decide, decide_in_context, Fast, Stretch, Verdict};
use evidence::{gather, Evidence};
use registry::{registry, LangSet};

pub use registry::normalize_code;

/// A language decision: ISO 639-1 code, or `und` when the evidence is too thin.
#[derive(Clone, Debug, PartialEq)]
pub struct LangGuess {
    pub code: String,
    pub confidence: f64,
}

impl LangGuess {
    pub fn und() -> Self {
        LangGuess { code: "und".into(), confidence: 0.0 }
    }

    pub fn is_und(&self) -> bool {
        self.code == "und"
    }

    fn from_verdict(v: Verdict) -> Self {
        match v.lang {
            Some(i) => LangGuess { code: registry().code(i).to_string(), confidence: round(v.confidence) },
            None => LangGuess::und(),
        }
    }
}

impl Default for LangGuess {
    fn default() -> Self {
        Self::und()
    }
}

/// A quoted stretch inside a paragraph (between paired quote marks, marks excluded) and its
/// language.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotedSegment {
    pub span: Span,
    pub guess: LangGuess,
}

#[derive(Clone, Debug, Default)]
pub struct LanguageAnalysis {
    /// The detected language of the body; when nothing could be detected, the expected
    /// language (with confidence 0) if one was given, else `und`.
    pub document: LangGuess,
    /// One per `TextModel::paragraphs` entry (`und` for code blocks).
    pub paragraphs: Vec<LangGuess>,
    /// One per `TextModel::sentences` entry.
    pub sentences: Vec<LangGuess>,
    /// One per sentence: the language of the sentence outside its quoted stretches (the
    /// sentence's own language when it quotes nothing).
    pub frames: Vec<LangGuess>,
    /// Quoted stretches of body paragraphs, in text order, with their languages.
    pub quoted: Vec<QuotedSegment>,
    /// What the text was expected to be in (`--lang`, front matter, JSONL `lang`), normalised
    /// to ISO 639-1 where the code is known, as given otherwise.
    pub expected: Option<String>,
    /// Whether `document` was detected (false when it fell back to `expected` or `und`).
    pub detected: bool,
}

/// Detects the language of `text` among `candidates` (ISO 639-1 codes; empty means every
/// language this build knows). `und` when the evidence is too thin (a word or two, numbers,
/// names).
pub fn detect(text: &str, candidates: &[&str]) -> LangGuess {
    detect_with_hint(text, candidates, None)
}

/// Like [`detect`], for the question "is `text` in `hint`?": a verdict against `hint` that is
/// not clear-cut is checked by lingua with `hint` among the candidates.
pub fn detect_with_hint(text: &str, candidates: &[&str], hint: Option<&str>) -> LangGuess {
    let reg = registry();
    let cands = candidate_set(candidates);
    let hint = hint.and_then(|h| reg.index_of(h));
    // A sentence quoting a title or a phrase in another language is in the language around
    // the quote, when there is enough of it.
    let quotes = quoted_spans(text, Span::new(0, text.len()));
    if !quotes.is_empty() {
        let frame = outside(text, Span::new(0, text.len()), &quotes);
        let ev = gather(&frame, reg);
        if !ev.is_thin() && ev.words >= 4 {
            return LangGuess::from_verdict(decide(&frame, &ev, cands, hint, reg));
        }
    }
    let ev = gather(text, reg);
    if ev.is_thin() {
        return LangGuess::und();
    }
    LangGuess::from_verdict(decide(text, &ev, cands, hint, reg))
}

/// The fast path alone, for callers that need a cheap answer: `Some` when frequent words,
/// alphabets and scripts settle the language of `text` among `candidates` (empty: all) without
/// lingua, `None` when they do not.
pub fn detect_fast(text: &str, candidates: &[&str]) -> Option<LangGuess> {
    let reg = registry();
    let ev = gather(text, reg);
    if ev.is_thin() {
        return Some(LangGuess::und());
    }
    match decide::fast(&ev, candidate_set(candidates), None, reg) {
        Fast::Decided(v) => Some(LangGuess::from_verdict(v)),
        Fast::Undecided { .. } => None,
    }
}

/// The English name of a language code (`ru` -> `Russian`), if this build knows it.
pub fn language_name(code: &str) -> Option<String> {
    let reg = registry();
    reg.index_of(code).map(|i| reg.name(i))
}

/// ISO 639-1 codes of every language this build can detect, sorted.
pub fn supported_languages() -> Vec<&'static str> {
    registry().langs.iter().map(|l| l.code.as_str()).collect()
}

fn candidate_set(candidates: &[&str]) -> LangSet {
    let reg = registry();
    let set = candidates.iter().filter_map(|c| reg.index_of(c)).fold(LangSet::default(), |s, i| s.with(i));
    if set.is_empty() {
        reg.all
    } else {
        set
    }
}

/// `expected`: the language the text should be in (`--lang`, metadata); `other`: the source's
/// language when known. Neither decides: the document's language is detected.
pub fn analyze(
    doc: &Document,
    text: &TextModel,
    expected: Option<&str>,
    other: Option<&str>,
) -> LanguageAnalysis {
    let reg = registry();
    let body = doc.text.as_str();
    let all = reg.all;
    let checked = |k: ParagraphKind| k != ParagraphKind::Code;

    let sentence_ev: Vec<Evidence> = text.sentences.iter().map(|s| gather(s.span.slice(body), reg)).collect();
    let mut paragraph_ev = vec![Evidence::default(); text.paragraphs.len()];
    for (s, ev) in text.sentences.iter().zip(&sentence_ev) {
        if let Some(p) = paragraph_ev.get_mut(s.paragraph) {
            p.add(ev);
        }
    }
    let mut document_ev = Evidence::default();
    for (p, ev) in text.paragraphs.iter().zip(&paragraph_ev) {
        if checked(p.kind) {
            document_ev.add(ev);
        }
    }

    let expected_code = expected.map(|e| normalize_code(e).unwrap_or_else(|| e.trim().to_string()));
    let hint = expected.and_then(|e| reg.index_of(e)).or_else(|| other.and_then(|o| reg.index_of(o)));
    let sample = body_sample(body, text);
    let by_evidence =
        if document_ev.is_thin() { Verdict::UND } else { decide(sample, &document_ev, all, hint, reg) };
    let guess_with = |stretch: &str, ev: &Evidence, prefer: Option<usize>| -> Verdict {
        if ev.is_thin() {
            return Verdict::UND;
        }
        decide(stretch, ev, all, prefer, reg)
    };
    // A paragraph whose own frequent words put the document's language first is in it;
    // lingua reads the others.
    let paragraph_verdicts: Vec<Verdict> = text
        .paragraphs
        .iter()
        .zip(&paragraph_ev)
        .map(|(p, ev)| match by_evidence.lang {
            _ if !checked(p.kind) => Verdict::UND,
            Some(doc) if !ev.is_thin() => {
                decide_in_context(p.span.slice(body), ev, all, doc, Stretch::Paragraph, reg)
            }
            prefer => guess_with(p.span.slice(body), ev, prefer),
        })
        .collect();
    let verdict = paragraph_vote(&paragraph_verdicts, &paragraph_ev).unwrap_or(by_evidence);
    let detected = verdict.lang.is_some();
    let document = match (detected, &expected_code) {
        (false, Some(e)) => LangGuess { code: e.clone(), confidence: 0.0 },
        _ => LangGuess::from_verdict(verdict),
    };
    let doc_lang = verdict.lang;
    let guess = |stretch: &str, ev: &Evidence| LangGuess::from_verdict(guess_with(stretch, ev, doc_lang));
    // A short paragraph (a headline, a one-sentence lead) full of names of the source's country
    // reads as that country's language: `Brewer Hofmann to shed 2,400 posts in
    // Nordrhein-Westfalen`. Judged again on its lower-case words alone, it is the document's.
    let paragraph_verdicts: Vec<Verdict> = paragraph_verdicts
        .into_iter()
        .zip(&text.paragraphs)
        .map(|(v, p)| match (v.lang, doc_lang) {
            (Some(l), Some(d)) if l != d && p.span.len() <= NAME_HEAVY_MAX_BYTES => {
                let common = lower_case_words(p.span.slice(body));
                let ev = gather(&common, reg);
                if ev.is_thin() {
                    return v;
                }
                let again = decide(&common, &ev, all, None, reg);
                if again.lang == Some(d) {
                    again
                } else {
                    v
                }
            }
            _ => v,
        })
        .collect();
    let paragraphs: Vec<LangGuess> = paragraph_verdicts.into_iter().map(LangGuess::from_verdict).collect();
    // A sentence is judged in the context of its paragraph's language (the document's when
    // the paragraph is undetermined): "is it in that language?" is cheap to answer.
    let context_of = |paragraph: usize| paragraph_verdicts_lang(&paragraphs, paragraph).or(doc_lang);
    let in_context = |stretch: &str, ev: &Evidence, context: Option<usize>| -> LangGuess {
        if ev.is_thin() {
            return LangGuess::und();
        }
        LangGuess::from_verdict(match context {
            Some(c) => decide_in_context(stretch, ev, all, c, Stretch::Sentence, reg),
            None => decide(stretch, ev, all, None, reg),
        })
    };
    let sentences: Vec<LangGuess> = text
        .sentences
        .iter()
        .zip(&sentence_ev)
        .map(|(s, ev)| {
            if !text.paragraphs.get(s.paragraph).is_some_and(|p| checked(p.kind)) {
                return LangGuess::und();
            }
            // A paragraph of one sentence: its verdict is the sentence's.
            if text.sentences_in(text.paragraphs[s.paragraph].span).len() == 1 {
                return if ev.is_thin() { LangGuess::und() } else { paragraphs[s.paragraph].clone() };
            }
            in_context(s.span.slice(body), ev, context_of(s.paragraph))
        })
        .collect();

    let mut quoted = Vec::new();
    for p in text.paragraphs.iter().filter(|p| checked(p.kind)) {
        for span in quoted_spans(body, p.span) {
            let stretch = span.slice(body);
            let ev = gather(stretch, reg);
            quoted.push(QuotedSegment { span, guess: guess(stretch, &ev) });
        }
    }
    let frames = text
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            // `quoted` is in text order: look only at the quotes that can overlap.
            let first = quoted.partition_point(|q| q.span.end <= s.span.start);
            let inside: Vec<Span> = quoted[first..]
                .iter()
                .map(|q| q.span)
                .take_while(|q| q.start < s.span.end)
                .filter(|q| q.overlaps(s.span))
                .collect();
            if inside.is_empty() {
                return sentences[i].clone();
            }
            let frame_text = outside(body, s.span, &inside);
            let ev = gather(&frame_text, reg);
            in_context(&frame_text, &ev, context_of(s.paragraph))
        })
        .collect();

    LanguageAnalysis { document, paragraphs, sentences, frames, quoted, expected: expected_code, detected }
}

/// Paragraphs up to this long are judged again without their capitalised words when they
/// read as another language than the document's.
const NAME_HEAVY_MAX_BYTES: usize = 400;

/// The words of `stretch` that start with a lower-case letter, space-separated: what is left of
/// a sentence once its names are set aside.
fn lower_case_words(stretch: &str) -> String {
    let mut out = String::new();
    for w in stretch.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().next().is_some_and(char::is_lowercase) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// The registry index of a paragraph's language, if decided.
fn paragraph_verdicts_lang(paragraphs: &[LangGuess], i: usize) -> Option<usize> {
    let g = paragraphs.get(i)?;
    if g.is_und() {
        return None;
    }
    registry().index_of(&g.code)
}

/// The document's language when its paragraphs outvote the evidence summed over the whole
/// text: each paragraph votes with its letters, capped, so that one long untranslated
/// paragraph does not outweigh several translated ones.
fn paragraph_vote(verdicts: &[Verdict], evidence: &[Evidence]) -> Option<Verdict> {
    const CAP: f64 = 400.0;
    let mut votes: Vec<(usize, f64)> = Vec::new();
    let mut total = 0.0;
    for (v, ev) in verdicts.iter().zip(evidence) {
        let Some(lang) = v.lang else { continue };
        let weight = (ev.total_letters() as f64).min(CAP) * v.confidence;
        total += weight;
        match votes.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, w)) => *w += weight,
            None => votes.push((lang, weight)),
        }
    }
    votes.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (lang, weight) = *votes.first()?;
    (votes.len() > 1).then_some(Verdict { lang: Some(lang), confidence: (weight / total).min(0.99) })
}

/// Up to ~4 KB of body text (whole paragraphs, code left out) for lingua to judge the document
/// by when the fast path cannot.
fn body_sample<'a>(body: &'a str, text: &TextModel) -> &'a str {
    let mut paragraphs = text.paragraphs.iter().filter(|p| p.kind != ParagraphKind::Code);
    let Some(first) = paragraphs.next() else { return "" };
    let mut end = first.span.end;
    for p in paragraphs {
        if p.span.end - first.span.start > 4096 {
            break;
        }
        end = p.span.end;
    }
    Span::new(first.span.start, end).slice(body)
}

/// The text of `span` outside the `quotes` that overlap it, pieces joined by spaces.
fn outside(body: &str, span: Span, quotes: &[Span]) -> String {
    let mut out = String::new();
    let mut pos = span.start;
    for q in quotes.iter().chain(std::iter::once(&Span::new(span.end, span.end))) {
        if q.start > pos {
            out.push_str(Span::new(pos, q.start.min(span.end)).slice(body));
            out.push(' ');
        }
        pos = pos.max(q.end);
    }
    out
}

/// The inner spans of paired quote marks within `para`, outermost pairs only. A mark that is
/// never closed within the paragraph opens nothing.
fn quoted_spans(body: &str, para: Span) -> Vec<Span> {
    let text = para.slice(body);
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((i, c, closers)) =
        text[pos..].char_indices().find_map(|(j, c)| Some((pos + j, c, closers_of(c)?)))
    {
        let start = i + c.len_utf8();
        pos = start;
        let Some(len) = text[start..].find(closers) else { continue };
        let inner = &text[start..start + len];
        let lead = inner.len() - inner.trim_start().len();
        let trimmed = inner.trim();
        if !trimmed.is_empty() {
            let s = para.start + start + lead;
            out.push(Span::new(s, s + trimmed.len()));
        }
        pos = start + len + text[start + len..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

fn closers_of(c: char) -> Option<&'static [char]> {
    Some(match c {
        '«' => &['»'],
        '»' => &['«'],
        '„' => &['“', '”'],
        '“' => &['”'],
        '"' => &['"'],
        '‹' => &['›'],
        '「' => &['」'],
        '『' => &['』'],
        _ => return None,
    })
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        let cases = [
            ("The government said on Tuesday that the new bridge would open next year.", "en"),
            ("Die Regierung teilte am Dienstag mit, dass die neue Brücke im nächsten Jahr öffnet.", "de"),
            ("Le gouvernement a annoncé mardi que le nouveau pont ouvrirait l'année prochaine.", "fr"),
            ("El gobierno anunció el martes que el nuevo puente se abrirá el próximo año.", "es"),
            ("O governo anunciou na terça-feira que a nova ponte será aberta no próximo ano.", "pt"),
            ("Il governo ha annunciato martedì che il nuovo ponte aprirà l'anno prossimo.", "it"),
            ("Rząd ogłosił we wtorek, że nowy most zostanie otwarty w przyszłym roku.", "pl"),
            ("Правительство объявило во вторник, что новый мост откроется в следующем году.", "ru"),
            ("Уряд оголосив у вівторок, що новий міст відкриють наступного року.", "uk"),
            ("Урад абвясціў у аўторак, што новы мост адкрыюць у наступным годзе.", "be"),
            ("政府周二宣布，新桥将于明年开通。", "zh"),
        ];
        for (text, code) in cases {
            assert_eq!(detect(text, &[]).code, code, "{text}");
        }
    }

    #[test]
    fn thin_evidence_is_undetermined() {
        for text in
            ["", "2025", "Yes.", "Emmanuel Macron", "Angela Merkel, Olaf Scholz", "https://example.com/a/b"]
        {
            assert!(detect(text, &[]).is_und(), "{text}");
        }
    }

    #[test]
    fn candidates_restrict_the_answer() {
        let g = detect("Правительство объявило во вторник, что новый мост откроется.", &["uk", "be"]);
        assert!(g.code == "uk" || g.code == "be", "{g:?}");
        assert!(detect("The bridge opens next year, the minister said.", &["ru", "uk"]).is_und());
    }

    #[test]
    fn quoted_spans_pair_marks() {
        let body = "Il a dit : « Nous partons », puis „gut“ und \"fine\" and “done”.";
        let spans = quoted_spans(body, Span::new(0, body.len()));
        let got: Vec<&str> = spans.iter().map(|s| s.slice(body)).collect();
        assert_eq!(got, ["Nous partons", "gut", "fine", "done"]);
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(normalize_code("en-US").as_deref(), Some("en"));
        assert_eq!(normalize_code("RUS").as_deref(), Some("ru"));
        assert_eq!(normalize_code("pt_BR").as_deref(), Some("pt"));
        assert_eq!(normalize_code("xx"), None);
    }
}
