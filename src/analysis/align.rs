//! Alignment of source and translation: which source sentences each part of the translation
//! renders.
//!
//! XLIFF and TMX come aligned (`Document::units`): each unit is one pair. Other inputs are
//! aligned here, sentence by sentence, with the length-based dynamic programming of Gale and
//! Church (1993): a translation's length in characters is roughly proportional to its source's
//! (the ratio is estimated from the two texts themselves), and a pair costs the improbability
//! of its length difference plus the improbability of its shape (1–1, 1–2, 2–1, 2–2, 1–3, 3–1,
//! 1–0, 0–1). The cost is lowered by anchors both sides share — numbers, names (compared after
//! transliteration), quotations, and concepts: frequent news words that a hand-written table per
//! language (`src/lang/<lang>/concepts.txt`) maps to ids shared by all languages
//! (`Regierung` = `gouvernement` = `government`), so that the search can tell which of two
//! neighbouring sentences of similar length a translation renders — and raised by numbers only one side has, by a quotation
//! on one side only, and by pairs that straddle a paragraph break on one side only. The search
//! is banded around the diagonal, so long texts stay linear in time. The length ratio starts
//! from the language pair's usual one (calibrated on NTREX, `src/lang/<source>/length_ratios.txt`)
//! when the languages are known, and is re-estimated from the 1–1 pairs of a first pass.
//!
//! Paragraphs are aligned first, by the same search over paragraph lengths and anchors:
//! translators keep an article's paragraphs, so a sentence pair whose two sides come from
//! paragraphs the paragraph alignment did not pair costs more. A dropped sentence is then
//! looked for in the paragraph that lost it, and a dropped one-sentence paragraph comes out
//! as a 1–0 pair instead of shifting its neighbours.
//!
//! Gale–Church tends to hide a dropped sentence inside a 2–1 pair (one unusually short
//! translation is cheaper than a deletion), so after the search a 2–1 or 3–1 pair whose
//! translation fits one source sentence far better than all of them is split into a 1–1 pair
//! and omissions (1–0). Those 1–0 pairs are what X809 reports.

use std::ops::Range;

mod concepts;

use super::Analysis;
use crate::document::Document;
use crate::span::Span;
use crate::text::{ParagraphKind, TextModel, TokenKind};

/// One pair of the alignment: consecutive source sentences and the consecutive target
/// sentences that translate them. Either side may be empty (1–0 omission, 0–1 addition).
#[derive(Clone, Debug, PartialEq)]
pub struct AlignedPair {
    /// Indices into the source's `TextModel::sentences`.
    pub source: Range<usize>,
    /// Indices into the translation's `TextModel::sentences`.
    pub target: Range<usize>,
    /// The source text of the pair: one span per sentence (per unit for XLIFF/TMX).
    pub source_spans: Vec<Span>,
    /// The translation's text of the pair, likewise.
    pub target_spans: Vec<Span>,
    /// Characters of each side (for length checks).
    pub source_chars: usize,
    pub target_chars: usize,
    /// How unlikely the pair is under the length model (0 for pre-aligned units); a pair
    /// with a cost above ~8 is a poor match whatever its shape.
    pub cost: f64,
}

impl AlignedPair {
    /// The source span the pair covers, if it has a source side.
    pub fn source_span(&self) -> Option<Span> {
        cover(&self.source_spans)
    }

    /// The translation span the pair covers, if it has a target side.
    pub fn target_span(&self) -> Option<Span> {
        cover(&self.target_spans)
    }

    /// A source sentence (or unit) with nothing in the translation.
    pub fn is_omission(&self) -> bool {
        !self.source_spans.is_empty() && self.target_spans.is_empty()
    }
}

fn cover(spans: &[Span]) -> Option<Span> {
    Some(spans.first()?.cover(*spans.last()?))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AlignMethod {
    /// Units given by the input format (XLIFF, TMX).
    #[default]
    Units,
    /// Sentences aligned by length and anchors.
    Length,
}

#[derive(Clone, Debug, Default)]
pub struct Alignment {
    /// The pairs in text order; every sentence of both sides is in exactly one pair.
    pub pairs: Vec<AlignedPair>,
    pub method: AlignMethod,
    /// Characters of translation per character of source over the whole text.
    pub ratio: f64,
}

impl Alignment {
    /// The pair holding target sentence `sentence`, if any.
    pub fn pair_of_target(&self, sentence: usize) -> Option<&AlignedPair> {
        self.pairs.iter().find(|p| p.target.contains(&sentence))
    }

    /// The pair holding source sentence `sentence`, if any.
    pub fn pair_of_source(&self, sentence: usize) -> Option<&AlignedPair> {
        self.pairs.iter().find(|p| p.source.contains(&sentence))
    }

    /// The pair whose target side covers byte `offset` of the translation.
    pub fn pair_at_target(&self, offset: usize) -> Option<usize> {
        self.pairs.iter().position(|p| {
            p.target_span().is_some_and(|s| s.start <= offset && offset < s.end.max(s.start + 1))
        })
    }
}

pub fn align(source_doc: &Document, source: &Analysis, doc: &Document, analysis: &Analysis) -> Alignment {
    if !doc.units.is_empty() {
        return from_units(doc, &source.text, &analysis.text);
    }
    let lang = |a: &Analysis| -> String {
        let l = &a.language;
        l.expected.clone().filter(|e| !e.is_empty()).unwrap_or_else(|| l.document.code.clone())
    };
    let (sl, tl) = (lang(source), lang(analysis));
    // Concepts only when both sides have them: one side's alone would only add noise.
    let both = concepts::table(&sl).is_some() && concepts::table(&tl).is_some();
    let src = segments_in(&source_doc.text, &source.text, both.then_some(sl.as_str()));
    let tgt = segments_in(&doc.text, &analysis.text, both.then_some(tl.as_str()));
    let beads = align_segments_with(&src, &tgt, calibrated_ratio(&sl, &tl));
    let ratio = ratio(&src, &tgt);
    let pairs = beads
        .into_iter()
        .map(|b| {
            let last = |end: usize| end.checked_sub(1).unwrap_or(usize::MAX);
            let source = src.get(b.source.start).map_or(0, |s| s.index)
                ..src.get(last(b.source.end)).map_or(0, |s| s.index + 1);
            let target = tgt.get(b.target.start).map_or(0, |s| s.index)
                ..tgt.get(last(b.target.end)).map_or(0, |s| s.index + 1);
            let source = if b.source.is_empty() { 0..0 } else { source };
            let target = if b.target.is_empty() { 0..0 } else { target };
            AlignedPair {
                source_spans: src[b.source.clone()].iter().map(|s| s.span).collect(),
                target_spans: tgt[b.target.clone()].iter().map(|s| s.span).collect(),
                source_chars: src[b.source.clone()].iter().map(|s| s.chars).sum(),
                target_chars: tgt[b.target.clone()].iter().map(|s| s.chars).sum(),
                source,
                target,
                cost: b.cost,
            }
        })
        .collect();
    Alignment { pairs, method: AlignMethod::Length, ratio }
}

fn from_units(doc: &Document, source: &TextModel, target: &TextModel) -> Alignment {
    let src_text = doc.source.as_deref().map_or("", |s| s.text.as_str());
    let mut pairs = Vec::with_capacity(doc.units.len());
    let (mut sc, mut tc) = (0usize, 0usize);
    for u in &doc.units {
        let range = |model: &TextModel, span: Span| {
            if span.is_empty() {
                return 0..0;
            }
            let a = model.sentences.partition_point(|s| s.span.end <= span.start);
            let b = model.sentences.partition_point(|s| s.span.start < span.end);
            a..b.max(a)
        };
        let source_chars = u.source.slice(src_text).chars().count();
        let target_chars = u.target.slice(&doc.text).chars().count();
        sc += source_chars;
        tc += target_chars;
        pairs.push(AlignedPair {
            source: range(source, u.source),
            target: range(target, u.target),
            source_spans: if u.source.is_empty() { vec![] } else { vec![u.source] },
            target_spans: if u.target.is_empty() { vec![] } else { vec![u.target] },
            source_chars,
            target_chars,
            cost: 0.0,
        });
    }
    let ratio = if sc == 0 { 1.0 } else { tc as f64 / sc as f64 };
    Alignment { pairs, method: AlignMethod::Units, ratio }
}

/// A sentence as the aligner sees it.
#[derive(Clone, Debug, Default)]
pub struct Segment {
    /// Index into `TextModel::sentences`.
    pub index: usize,
    pub span: Span,
    pub paragraph: usize,
    /// Length in characters.
    pub chars: usize,
    /// Numbers, as digit strings without separators or trailing zeros (`7,5` and `7.500` both `75`).
    pub numbers: Vec<String>,
    /// Capitalised words, as name keys (see [`crate::translit::name_key`]).
    pub names: Vec<String>,
    /// The first four letters of the name key of every word of five letters or more: crude
    /// stems under which cognates and transliterations meet (`president`, `президент`).
    pub stems: Vec<String>,
    /// Whether the sentence holds quotation marks.
    pub quoted: bool,
    /// Concepts of its frequent news words (`src/lang/<lang>/concepts.txt`), as ids shared by
    /// all languages, sorted: `Regierung` and `government` meet. Empty when the language has no
    /// concept file.
    pub concepts: Vec<u32>,
    /// Which pair of the paragraph alignment the sentence's paragraph is in (set by
    /// [`align_segments`]; pairs of sentences from different paragraph pairs cost more).
    pub group: usize,
}

const QUOTE_MARKS: &[char] = &['"', '«', '»', '“', '”', '„', '‹', '›', '「', '」'];

/// The sentences of a text with their lengths and anchors (fenced code left out).
pub fn segments(text: &str, model: &TextModel) -> Vec<Segment> {
    segments_in(text, model, None)
}

/// Like [`segments`], with the concepts of the text's language (`lang`), if it has a concept
/// file.
pub fn segments_in(text: &str, model: &TextModel, lang: Option<&str>) -> Vec<Segment> {
    let table = lang.and_then(concepts::table);
    model
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| model.paragraphs.get(s.paragraph).is_none_or(|p| p.kind != ParagraphKind::Code))
        .map(|(index, s)| {
            let body = s.span.slice(text);
            let mut numbers = Vec::new();
            let mut names = Vec::new();
            let mut stems = Vec::new();
            let mut concepts = Vec::new();
            for t in model.tokens_in(s.span) {
                let w = t.span.slice(text);
                match t.kind {
                    TokenKind::Number => {
                        let key = number_key(w);
                        if !key.is_empty() {
                            numbers.push(key);
                        }
                    }
                    TokenKind::Word => {
                        let len = w.chars().count();
                        if len < 3 {
                            continue;
                        }
                        if let Some(table) = table {
                            table.concepts_of(w, &mut concepts);
                        }
                        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
                        if len < 5 && !capitalised {
                            continue;
                        }
                        let key = crate::translit::name_key(w);
                        if len >= 5 {
                            stems.push(key.chars().take(4).collect());
                        }
                        if capitalised {
                            names.push(key);
                        }
                    }
                    _ => {}
                }
            }
            names.sort();
            names.dedup();
            stems.sort();
            stems.dedup();
            concepts.sort_unstable();
            concepts.dedup();
            Segment {
                index,
                span: s.span,
                paragraph: s.paragraph,
                chars: body.chars().count(),
                numbers,
                names,
                stems,
                quoted: body.contains(QUOTE_MARKS),
                concepts,
                group: 0,
            }
        })
        .collect()
}

/// Digits only, trailing zeros dropped: a loose key under which `7,5`, `7.5` and `7500` meet.
/// Good enough to anchor an alignment; X801 compares real values.
pub fn number_key(token: &str) -> String {
    let digits: String = token.chars().filter(char::is_ascii_digit).collect();
    let key = digits.trim_end_matches('0');
    if key.is_empty() && !digits.is_empty() {
        "0".into()
    } else {
        key.into()
    }
}

fn ratio(src: &[Segment], tgt: &[Segment]) -> f64 {
    let s: usize = src.iter().map(|s| s.chars).sum();
    let t: usize = tgt.iter().map(|s| s.chars).sum();
    if s == 0 || t == 0 {
        1.0
    } else {
        t as f64 / s as f64
    }
}

/// A pair found by [`align_segments`], as ranges into the two segment lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Bead {
    pub source: Range<usize>,
    pub target: Range<usize>,
    pub cost: f64,
}

/// Pair shapes `(source sentences, target sentences, -ln prior)`. Priors after Gale and Church,
/// with a little mass moved to 1–3/3–1 for translators who merge or split hard.
const SHAPES: &[(usize, usize, f64)] = &[
    (1, 1, 0.117), // 0.89
    (1, 0, 3.5),   // 0.03: omissions are what X809 is after, so they are not made too dear
    (0, 1, 3.5),
    (2, 1, 3.16), // 0.0425
    (1, 2, 3.16),
    (2, 2, 4.61), // 0.01
    (3, 1, 5.30),
    (1, 3, 5.30),
];

/// Cost of a pair of sentences from paragraphs the paragraph alignment did not pair.
const PARAGRAPH_MISMATCH: f64 = 2.5;

/// Cost of a pair quoting on one side only.
const QUOTE_MISMATCH: f64 = 0.5;

/// Reward per shared stem.
const STEM_WEIGHT: f64 = 1.0;

/// Reward per shared concept (see [`concepts`]).
const CONCEPT_WEIGHT: f64 = 0.8;

/// Cost of a translation sentence in a 1–2 or 1–3 pair that shares none of its content (at
/// least this many concepts, names, numbers and stems) with the source sentence.
const UNSUPPORTED: f64 = 2.0;
const UNSUPPORTED_CONTENT: usize = 3;

/// How much better a merged bead must score than a single one before a split is accepted.
const SPLIT_MARGIN: f64 = 0.5;

/// Variance of the length difference per source character (Gale–Church: 6.8).
const VARIANCE: f64 = 6.8;

/// The median ratio of translation to source characters of a language pair, calibrated on
/// NTREX (`src/lang/<source>/length_ratios.txt`, see X807), if there is one.
pub fn calibrated_ratio(source: &str, target: &str) -> Option<f64> {
    crate::lang::records(source, "length_ratios.txt")
        .find(|r| r.first() == Some(&target))
        .and_then(|r| r.get(1)?.parse::<f64>().ok())
        .filter(|c| *c > 0.1 && *c < 10.0)
}

/// Aligns two segment lists. Every segment ends up in exactly one bead, in order.
pub fn align_segments(src: &[Segment], tgt: &[Segment]) -> Vec<Bead> {
    align_segments_with(src, tgt, None)
}

/// Like [`align_segments`], with the language pair's usual length ratio when known: the ratio
/// of the two texts themselves is skewed by whatever was left out, most in short texts.
pub fn align_segments_with(src: &[Segment], tgt: &[Segment], usual: Option<f64>) -> Vec<Bead> {
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        let mut out: Vec<Bead> = (0..n).map(|i| Bead { source: i..i + 1, target: 0..0, cost: 0.0 }).collect();
        out.extend((0..m).map(|j| Bead { source: 0..0, target: j..j + 1, cost: 0.0 }));
        return out;
    }
    // Paragraphs first: translators keep an article's paragraphs, so a sentence pair that
    // straddles two paragraph pairs is unlikely, and a dropped sentence is looked for in
    // the paragraph that lost it.
    let (src, tgt) = &grouped(src, tgt, usual);
    let (sa, ta) = interned(src, tgt);
    let (src_anchors, tgt_anchors) = (sa.as_slice(), ta.as_slice());
    // The ratio of the whole texts is skewed by whatever was left out; re-estimate it from
    // the 1–1 pairs of a first pass.
    let c0 = usual.unwrap_or_else(|| ratio(src, tgt));
    let mut sentences = Search::new(src, tgt, src_anchors, tgt_anchors);
    let first = sentences.run(c0);
    let (s11, t11) = first
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1)
        .fold((0, 0), |(a, b), bead| (a + src[bead.source.start].chars, b + tgt[bead.target.start].chars));
    let c = if s11 > 0 && t11 > 0 { t11 as f64 / s11 as f64 } else { ratio(src, tgt) };
    let beads = if (c / c0 - 1.0).abs() > 0.03 { sentences.run(c) } else { first };
    let beads = split_hidden_omissions(src, tgt, src_anchors, tgt_anchors, beads, c);
    merge_partial_renderings(src_anchors, tgt_anchors, beads)
}

/// Joins an omission (1–0) and an addition (0–1) next to each other into one pair when they
/// share a number or a name: the translation renders part of the sentence (a pair much
/// shorter than its source, for X807), it did not drop it.
fn merge_partial_renderings(sa: &[Anchors], ta: &[Anchors], beads: Vec<Bead>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for b in beads {
        if let Some(last) = out.last_mut() {
            let (one, other) = (last.source.len() + b.source.len(), last.target.len() + b.target.len());
            let complementary = one == 1 && other == 1 && (last.target.is_empty() != b.target.is_empty());
            if complementary {
                let s = if last.source.is_empty() { b.source.clone() } else { last.source.clone() };
                let t = if last.target.is_empty() { b.target.clone() } else { last.target.clone() };
                let shared = shared_keys(&sa[s.clone()], &ta[t.clone()], |a| &a.names)
                    + sa[s.clone()]
                        .iter()
                        .flat_map(|a| &a.numbers)
                        .filter(|n| ta[t.clone()].iter().any(|x| x.numbers.contains(n)))
                        .count();
                if shared >= 1 {
                    *last = Bead { source: s, target: t, cost: last.cost + b.cost };
                    continue;
                }
            }
        }
        out.push(b);
    }
    out
}

/// The segments with their `group`: the paragraphs of both sides aligned as units (by the
/// same search, on paragraph lengths and anchors), each pair of the paragraph alignment one
/// group. Unchanged when either side has a single paragraph.
fn grouped(src: &[Segment], tgt: &[Segment], usual: Option<f64>) -> (Vec<Segment>, Vec<Segment>) {
    let (mut src, mut tgt) = (src.to_vec(), tgt.to_vec());
    let (ps, pt) = (paragraph_units(&src), paragraph_units(&tgt));
    if ps.len() < 2 || pt.len() < 2 {
        return (src, tgt);
    }
    let units =
        |p: &[(Range<usize>, Segment)]| -> Vec<Segment> { p.iter().map(|(_, s)| s.clone()).collect() };
    let (us, ut) = (units(&ps), units(&pt));
    let (ua, ub) = interned(&us, &ut);
    let beads = Search::new(&us, &ut, &ua, &ub).run(usual.unwrap_or_else(|| ratio(&src, &tgt)));
    for (g, b) in beads.iter().enumerate() {
        for (r, _) in &ps[b.source.clone()] {
            src[r.clone()].iter_mut().for_each(|s| s.group = g);
        }
        for (r, _) in &pt[b.target.clone()] {
            tgt[r.clone()].iter_mut().for_each(|s| s.group = g);
        }
    }
    (src, tgt)
}

/// Runs of segments of one paragraph, each summed up as one segment (paragraph 0).
fn paragraph_units(segs: &[Segment]) -> Vec<(Range<usize>, Segment)> {
    let mut out: Vec<(Range<usize>, Segment)> = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        match out.last_mut() {
            Some((r, u)) if segs[r.start].paragraph == s.paragraph => {
                r.end = i + 1;
                u.chars += s.chars;
                u.numbers.extend(s.numbers.iter().cloned());
                u.names.extend(s.names.iter().cloned());
                u.stems.extend(s.stems.iter().cloned());
                u.concepts.extend(s.concepts.iter().copied());
                u.quoted |= s.quoted;
            }
            _ => out.push((i..i + 1, Segment { paragraph: 0, group: 0, ..s.clone() })),
        }
    }
    for (_, u) in &mut out {
        for v in [&mut u.names, &mut u.stems] {
            v.sort();
            v.dedup();
        }
        u.concepts.sort_unstable();
        u.concepts.dedup();
    }
    out
}

/// The dynamic programme over the band of cells near the diagonal, for one pair of segment
/// lists. What a bead costs apart from its length ([`Sides::fixed_cost`]: anchors, paragraph
/// breaks) does not depend on the length ratio, so it is computed once per cell and shape and
/// kept for a second run with a re-estimated ratio.
struct Search<'a> {
    sides: Sides<'a>,
    band: Band,
    /// `fixed[cell * SHAPES.len() + shape]`, NaN until computed.
    fixed: Vec<f64>,
}

impl<'a> Search<'a> {
    fn new(src: &'a [Segment], tgt: &'a [Segment], sa: &'a [Anchors], ta: &'a [Anchors]) -> Self {
        let band = Band::new(src.len(), tgt.len());
        let sides = Sides {
            src,
            tgt,
            sa,
            ta,
            src_runs: Runs::new(sa),
            tgt_runs: Runs::new(ta),
            src_pre: prefix(src),
            tgt_pre: prefix(tgt),
        };
        let fixed = vec![f64::NAN; band.cells() * SHAPES.len()];
        Search { sides, band, fixed }
    }

    /// The cost of the bead of shape `k` ending at cell `here` (`i`, `j`) at length ratio `c`.
    fn bead_cost(&mut self, here: usize, k: usize, i: usize, j: usize, c: f64) -> f64 {
        let (di, dj, _) = SHAPES[k];
        let (s, t) = (i - di..i, j - dj..j);
        let slot = &mut self.fixed[here * SHAPES.len() + k];
        if slot.is_nan() {
            *slot = self.sides.fixed_cost(s.clone(), t.clone());
        }
        *slot + self.sides.length_cost(s, t, c)
    }

    fn run(&mut self, c: f64) -> Vec<Bead> {
        let (n, m) = (self.sides.src.len(), self.sides.tgt.len());
        let mut cost = vec![f64::INFINITY; self.band.cells()];
        let mut back = vec![u8::MAX; self.band.cells()];
        cost[self.band.index(0, 0).unwrap()] = 0.0;
        for i in 0..=n {
            for j in self.band.range(i) {
                let Some(here) = self.band.index(i, j) else { continue };
                if i == 0 && j == 0 {
                    continue;
                }
                let mut best = f64::INFINITY;
                let mut arg = u8::MAX;
                for (k, &(di, dj, prior)) in SHAPES.iter().enumerate() {
                    if di > i || dj > j {
                        continue;
                    }
                    let Some(from) = self.band.index(i - di, j - dj) else { continue };
                    let base = cost[from];
                    if !base.is_finite() {
                        continue;
                    }
                    let total = base + prior + self.bead_cost(here, k, i, j, c);
                    if total < best {
                        best = total;
                        arg = k as u8;
                    }
                }
                cost[here] = best;
                back[here] = arg;
            }
        }
        // Trace back.
        let mut beads = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 || j > 0 {
            let Some(here) = self.band.index(i, j) else { break };
            let k = back[here];
            if k == u8::MAX {
                break;
            }
            let (di, dj, prior) = SHAPES[k as usize];
            let c_here = prior + self.bead_cost(here, k as usize, i, j, c);
            beads.push(Bead { source: i - di..i, target: j - dj..j, cost: c_here });
            i -= di;
            j -= dj;
        }
        beads.reverse();
        beads
    }
}

fn prefix(segs: &[Segment]) -> Vec<usize> {
    let mut out = Vec::with_capacity(segs.len() + 1);
    out.push(0);
    let mut acc = 0;
    for s in segs {
        acc += s.chars;
        out.push(acc);
    }
    out
}

/// The cells of the search: for source row `i`, target columns within `width` of the diagonal.
struct Band {
    n: usize,
    m: usize,
    width: usize,
}

impl Band {
    fn new(n: usize, m: usize) -> Self {
        Band { n, m, width: 40 + n.abs_diff(m) }
    }

    fn center(&self, i: usize) -> usize {
        (i as u128 * self.m as u128 / self.n.max(1) as u128) as usize
    }

    fn range(&self, i: usize) -> Range<usize> {
        let c = self.center(i);
        c.saturating_sub(self.width)..(c + self.width).min(self.m) + 1
    }

    fn cells(&self) -> usize {
        (self.n + 1) * (2 * self.width + 1)
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        if i > self.n || j > self.m {
            return None;
        }
        let c = self.center(i);
        let lo = c as isize - self.width as isize;
        let off = j as isize - lo;
        (off >= 0 && off <= 2 * self.width as isize).then(|| i * (2 * self.width + 1) + off as usize)
    }
}

/// -ln of the two-sided tail probability of the standard normal beyond `|z|`.
fn tail_cost(z: f64) -> f64 {
    let p = erfc(z.abs() / std::f64::consts::SQRT_2);
    -(p.max(1e-300)).ln()
}

/// Complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// Length cost of pairing the two lengths, Gale–Church style.
pub fn length_cost(ls: usize, lt: usize, c: f64) -> f64 {
    // An omission or addition costs its prior only: its length says nothing about a match.
    if ls == 0 || lt == 0 {
        return 0.0;
    }
    let mean = (ls as f64 + lt as f64 / c) / 2.0;
    let z = (lt as f64 - ls as f64 * c) / (mean.max(1.0) * VARIANCE).sqrt();
    tail_cost(z)
}

/// The two sides of a search with what every cell needs: anchors, merged runs, prefix sums of
/// lengths.
struct Sides<'a> {
    src: &'a [Segment],
    tgt: &'a [Segment],
    sa: &'a [Anchors],
    ta: &'a [Anchors],
    src_runs: Runs,
    tgt_runs: Runs,
    src_pre: Vec<usize>,
    tgt_pre: Vec<usize>,
}

impl Sides<'_> {
    /// [`length_cost`] of a bead at length ratio `c`.
    fn length_cost(&self, s: Range<usize>, t: Range<usize>, c: f64) -> f64 {
        let ls = self.src_pre[s.end] - self.src_pre[s.start];
        let lt = self.tgt_pre[t.end] - self.tgt_pre[t.start];
        length_cost(ls, lt, c)
    }

    /// What a bead costs apart from its length: shared and lonely anchors, paragraph breaks.
    fn fixed_cost(&self, s: Range<usize>, t: Range<usize>) -> f64 {
        let (src, tgt) = (self.src, self.tgt);
        // An omission or an addition (one side empty) shares and lacks nothing.
        let mut cost = match (self.src_runs.get(&s), self.tgt_runs.get(&t)) {
            _ if s.is_empty() || t.is_empty() => 0.0,
            (Some(a), Some(b)) => anchor_cost_of(a, b, &self.sa[s.clone()], &self.ta[t.clone()]),
            _ => anchor_cost(&self.sa[s.clone()], &self.ta[t.clone()]),
        };
        // A pair straddling a paragraph break on one side only is unlikely.
        let crosses = |segs: &[Segment]| segs.windows(2).any(|w| w[0].paragraph != w[1].paragraph);
        if crosses(&src[s.clone()]) != crosses(&tgt[t.clone()]) {
            cost += 1.5;
        }
        // Sentences of paragraphs that the paragraph alignment did not pair.
        if !s.is_empty() && !t.is_empty() {
            let g = src[s.start].group;
            if src[s].iter().chain(&tgt[t]).any(|x| x.group != g) {
                cost += PARAGRAPH_MISMATCH;
            }
        }
        cost
    }
}

/// A segment's anchors (numbers, names, stems) as ids, equal where the strings are equal, so
/// that [`anchor_cost`], which runs for every cell and shape of the search, compares integers.
/// Names and stems are sorted (by id).
#[derive(Debug, Default)]
struct Anchors {
    numbers: Vec<u32>,
    names: Vec<u32>,
    stems: Vec<u32>,
    /// Concept ids (already shared by all languages), sorted.
    concepts: Vec<u32>,
    quoted: bool,
}

fn interned(src: &[Segment], tgt: &[Segment]) -> (Vec<Anchors>, Vec<Anchors>) {
    let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let a = src.iter().map(|s| anchors(s, &mut ids)).collect();
    let b = tgt.iter().map(|s| anchors(s, &mut ids)).collect();
    (a, b)
}

fn anchors<'a>(s: &'a Segment, ids: &mut std::collections::HashMap<&'a str, u32>) -> Anchors {
    let mut id = |k: &'a String| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(k.as_str()).or_insert(next)
    };
    let numbers = s.numbers.iter().map(&mut id).collect();
    let mut names: Vec<u32> = s.names.iter().map(&mut id).collect();
    let mut stems: Vec<u32> = s.stems.iter().map(&mut id).collect();
    names.sort_unstable();
    stems.sort_unstable();
    Anchors { numbers, names, stems, concepts: s.concepts.clone(), quoted: s.quoted }
}

/// The anchors of a run of consecutive segments (one side of a bead) merged: each list
/// sorted, once with the repetitions of the run's segments and once as a set, so that
/// [`anchor_cost`] counts shared keys by merging sorted lists.
#[derive(Debug, Default)]
struct Run {
    numbers: Vec<u32>,
    number_set: Vec<u32>,
    names: Vec<u32>,
    name_set: Vec<u32>,
    stems: Vec<u32>,
    stem_set: Vec<u32>,
    concepts: Vec<u32>,
    concept_set: Vec<u32>,
    quoted: bool,
}

impl Run {
    fn of(segs: &[Anchors]) -> Run {
        let merged = |keys: fn(&Anchors) -> &Vec<u32>| {
            let mut all: Vec<u32> = segs.iter().flat_map(|s| keys(s).iter().copied()).collect();
            all.sort_unstable();
            let mut set = all.clone();
            set.dedup();
            (all, set)
        };
        let (numbers, number_set) = merged(|a| &a.numbers);
        let (names, name_set) = merged(|a| &a.names);
        let (stems, stem_set) = merged(|a| &a.stems);
        let (concepts, concept_set) = merged(|a| &a.concepts);
        let quoted = segs.iter().any(|s| s.quoted);
        Run { numbers, number_set, names, name_set, stems, stem_set, concepts, concept_set, quoted }
    }
}

/// The longest side of a shape (see [`SHAPES`]).
const LONGEST_RUN: usize = 3;

/// Every run of one to [`LONGEST_RUN`] consecutive segments, merged once for all the cells of a
/// search instead of once per cell and shape.
struct Runs {
    /// `by_len[l - 1][start]`: the run `start..start + l`.
    by_len: Vec<Vec<Run>>,
}

impl Runs {
    fn new(segs: &[Anchors]) -> Runs {
        let by_len = (1..=LONGEST_RUN)
            .map(|l| (0..(segs.len() + 1).saturating_sub(l)).map(|s| Run::of(&segs[s..s + l])).collect())
            .collect();
        Runs { by_len }
    }

    fn get(&self, r: &Range<usize>) -> Option<&Run> {
        self.by_len.get(r.len().checked_sub(1)?)?.get(r.start)
    }
}

/// How many keys of `all` (sorted, with repetitions) are in `set` (sorted).
fn count_in(all: &[u32], set: &[u32]) -> usize {
    let (mut j, mut n) = (0, 0);
    for &k in all {
        while j < set.len() && set[j] < k {
            j += 1;
        }
        if j < set.len() && set[j] == k {
            n += 1;
        }
    }
    n
}

/// Shared numbers, names and quotations lower the cost; numbers on one side only raise it.
fn anchor_cost(src: &[Anchors], tgt: &[Anchors]) -> f64 {
    anchor_cost_of(&Run::of(src), &Run::of(tgt), src, tgt)
}

/// [`anchor_cost`] with the two sides already merged (`s` of `src`, `t` of `tgt`).
fn anchor_cost_of(s: &Run, t: &Run, src: &[Anchors], tgt: &[Anchors]) -> f64 {
    if src.is_empty() || tgt.is_empty() {
        return 0.0;
    }
    let mut cost = 0.0;
    // Numbers with their repetitions; names and stems of each source sentence against the set
    // of the target's.
    let shared_numbers = count_in(&s.numbers, &t.number_set);
    let lonely = (s.numbers.len() - shared_numbers) + (t.numbers.len() - count_in(&t.numbers, &s.number_set));
    cost -= 1.0 * shared_numbers.min(4) as f64;
    cost += 0.7 * lonely.min(4) as f64;
    let shared_names = count_in(&s.names, &t.name_set);
    cost -= 0.8 * shared_names.min(4) as f64;
    let shared_stems = count_in(&s.stems, &t.stem_set);
    cost -= STEM_WEIGHT * shared_stems.min(6) as f64;
    let shared_concepts = count_in(&s.concepts, &t.concept_set);
    cost -= CONCEPT_WEIGHT * shared_concepts.min(8) as f64;
    // Each translation sentence of a 1–2 or 1–3 pair must be supported by the source: one
    // with content (concepts, names, numbers, stems) none of which the source sentence has is
    // more likely an addition, or the rendering of a neighbouring source sentence (which would
    // otherwise come out as an omission). Not applied the other way round: translators do
    // split a sentence into halves, one of which may share nothing countable with the whole.
    if let ([one], [_, _, ..]) = (src, tgt) {
        for a in tgt {
            let content = a.concepts.len() + a.names.len() + a.numbers.len() + a.stems.len();
            let shared = a.concepts.iter().filter(|k| one.concepts.binary_search(k).is_ok()).count()
                + a.names.iter().filter(|k| one.names.binary_search(k).is_ok()).count()
                + a.stems.iter().filter(|k| one.stems.binary_search(k).is_ok()).count()
                + a.numbers.iter().filter(|k| one.numbers.contains(k)).count();
            if content >= UNSUPPORTED_CONTENT && shared == 0 {
                cost += UNSUPPORTED;
            }
        }
    }
    let (sq, tq) = (s.quoted, t.quoted);
    if sq && tq {
        cost -= 0.5;
    } else if sq != tq {
        cost += QUOTE_MISMATCH;
    }
    cost
}

/// How many keys of the source sentences (with repetitions) are among the keys of any target
/// sentence. The lists are sorted.
fn shared_keys(src: &[Anchors], tgt: &[Anchors], keys: impl Fn(&Anchors) -> &Vec<u32>) -> usize {
    if let ([s], [t]) = (src, tgt) {
        // One against one (most beads): a merge of two sorted lists.
        let (a, b) = (keys(s), keys(t));
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                }
            }
        }
        return n;
    }
    src.iter()
        .flat_map(|s| keys(s).iter())
        .filter(|k| tgt.iter().any(|t| keys(t).binary_search(k).is_ok()))
        .count()
}

/// Splits 2–1 and 3–1 pairs whose translation fits one source sentence far better than all
/// of them into that 1–1 pair and 1–0 omissions.
fn split_hidden_omissions(
    src: &[Segment],
    tgt: &[Segment],
    sa: &[Anchors],
    ta: &[Anchors],
    beads: Vec<Bead>,
    c: f64,
) -> Vec<Bead> {
    let mut out = Vec::with_capacity(beads.len());
    for b in beads {
        if b.source.len() < 2 || b.target.len() != 1 {
            out.push(b);
            continue;
        }
        let t = &tgt[b.target.start];
        let whole: usize = src[b.source.clone()].iter().map(|s| s.chars).sum();
        let merged =
            length_cost(whole, t.chars, c) + anchor_cost(&sa[b.source.clone()], &ta[b.target.clone()]);
        let best = b
            .source
            .clone()
            .map(|k| {
                (k, length_cost(src[k].chars, t.chars, c) + anchor_cost(&sa[k..k + 1], &ta[b.target.clone()]))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((k, single)) = best else {
            out.push(b);
            continue;
        };
        // The others must be real sentences, not a stray fragment the splitter cut off.
        let others_substantial = b.source.clone().filter(|&o| o != k).all(|o| src[o].chars >= 25);
        if others_substantial && merged - single > SPLIT_MARGIN {
            for o in b.source.clone() {
                if o == k {
                    out.push(Bead { source: k..k + 1, target: b.target.clone(), cost: single });
                } else {
                    out.push(Bead { source: o..o + 1, target: b.target.end..b.target.end, cost: merged });
                }
            }
        } else {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::config::Settings;

    fn seg(chars: usize, paragraph: usize) -> Segment {
        Segment { chars, paragraph, ..Segment::default() }
    }

    #[test]
    fn one_to_one_and_merges() {
        let src = [seg(100, 0), seg(40, 1), seg(45, 1), seg(120, 2)];
        let tgt = [seg(110, 0), seg(90, 1), seg(125, 2)];
        let beads = align_segments(&src, &tgt);
        let shapes: Vec<(usize, usize)> = beads.iter().map(|b| (b.source.len(), b.target.len())).collect();
        assert_eq!(shapes, [(1, 1), (2, 1), (1, 1)]);
    }

    #[test]
    fn a_dropped_sentence_is_an_omission() {
        let src = [seg(100, 0), seg(80, 1), seg(50, 2), seg(120, 3), seg(70, 4)];
        let tgt = [seg(104, 0), seg(83, 1), seg(118, 3), seg(69, 4)];
        let beads = align_segments(&src, &tgt);
        assert_eq!(omitted(&beads), [2], "{beads:?}");
    }

    #[test]
    fn dropped_sentence_within_a_paragraph() {
        let src = [seg(100, 0), seg(80, 0), seg(50, 0), seg(120, 0), seg(70, 0)];
        let tgt = [seg(104, 0), seg(83, 0), seg(118, 0), seg(69, 0)];
        let beads = align_segments(&src, &tgt);
        assert_eq!(omitted(&beads), [2], "{beads:?}");
    }

    fn omitted(beads: &[Bead]) -> Vec<usize> {
        beads.iter().filter(|b| b.target.is_empty()).map(|b| b.source.start).collect()
    }

    #[test]
    fn dropped_sentence_stays_in_its_paragraph() {
        // Paragraphs of 2, 2 and 2 sentences; the translation lost the second sentence of the
        // middle paragraph, whose first sentence is about as long as the dropped one's
        // neighbours in the other paragraphs.
        let src = [seg(90, 0), seg(60, 0), seg(70, 1), seg(75, 1), seg(80, 2), seg(65, 2)];
        let tgt = [seg(95, 0), seg(62, 0), seg(72, 1), seg(84, 2), seg(66, 2)];
        assert_eq!(omitted(&align_segments(&src, &tgt)), [3]);
    }

    #[test]
    fn dropped_one_sentence_paragraph_is_an_omission() {
        let src = [seg(100, 0), seg(60, 1), seg(110, 2), seg(58, 3), seg(90, 4)];
        let tgt = [seg(104, 0), seg(61, 1), seg(60, 3), seg(93, 4)];
        // The texts' own ratio (0.76) is skewed by the lost paragraph; the pair's is not.
        let beads = align_segments_with(&src, &tgt, Some(1.02));
        assert_eq!(omitted(&beads), [2], "{beads:?}");
    }

    #[test]
    fn clean_paragraphs_align_one_to_one() {
        let src: Vec<Segment> = (0..40).map(|i| seg(50 + (i * 29) % 80, i / 3)).collect();
        let tgt: Vec<Segment> = src.iter().map(|s| seg(s.chars * 12 / 10, s.paragraph)).collect();
        let beads = align_segments(&src, &tgt);
        assert!(beads.iter().all(|b| b.source == b.target), "{beads:?}");
    }

    #[test]
    fn long_texts_align_on_the_diagonal() {
        let src: Vec<Segment> = (0..3000).map(|i| seg(60 + (i * 37) % 90, i)).collect();
        let tgt: Vec<Segment> = src.iter().map(|s| seg(s.chars * 11 / 10, s.paragraph)).collect();
        let beads = align_segments(&src, &tgt);
        assert_eq!(beads.len(), 3000);
        assert!(beads.iter().all(|b| b.source == b.target));
    }

    #[test]
    fn document_alignment_with_anchors() {
        let mut doc = Document::from_text(
            "t.txt",
            "Bahn baut Tunnel\n\nDer Tunnel kostet 4,2 Milliarden Euro. Er soll 2031 fertig sein.\n\n„Wir liegen im Plan“, sagte Marta Lindgren.\n",
        );
        doc.source = Some(Box::new(Document::from_text(
            "s.txt",
            "Rail builds tunnel\n\nThe tunnel costs 4.2 billion euros. It is due to be finished in 2031.\n\n\"We are on schedule,\" said Marta Lindgren.\n",
        )));
        let a = Analysis::new(&doc, &Settings::default());
        let al = a.alignment.as_ref().unwrap();
        assert_eq!(al.method, AlignMethod::Length);
        assert_eq!(al.pairs.len(), 4);
        assert!(al.pairs.iter().all(|p| p.source.len() == 1 && p.target.len() == 1));
        let last = al.pairs.last().unwrap();
        assert!(last.target_span().unwrap().slice(&doc.text).contains("Lindgren"));
        assert_eq!(number_key("7,5"), number_key("7.500"));
        assert_eq!(number_key("2031"), "2031");
    }
}
