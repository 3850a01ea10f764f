//! Article text prepared for display: a window of lines around a span (so a 20 MB single-line
//! file does not print 20 MB per finding), with invisible characters made visible (a bidi
//! override in a snippet would otherwise reorder the very line an editor is asked to read).

use std::ops::Range;

use crate::span::Span;

/// A short piece of a text around a span, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The shown text: whole lines, cut with `…` when a line is long, invisible characters
    /// replaced by `<U+XXXX>` markers, `\r\n` shown as `\n`. Never ends with a newline.
    pub text: String,
    /// Line number (1-based) of the first shown line.
    pub line_start: usize,
    /// Where the span is in `text` (byte range, on character boundaries).
    pub span: Range<usize>,
}

/// The name of a character that is invisible or reorders text (zero-width, bidi controls,
/// control characters other than tab and newline), as `U+XXXX`; `None` for visible ones.
pub fn invisible_name(c: char) -> Option<String> {
    let invisible = matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}'
        | '\u{e0000}'..='\u{e007f}');
    invisible.then(|| format!("U+{:04X}", c as u32))
}

/// `text` with every invisible character replaced by its `<U+XXXX>` marker, for messages
/// people read (in viewers that would otherwise obey a bidi override).
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match invisible_name(c) {
            Some(name) => {
                out.push('<');
                out.push_str(&name);
                out.push('>');
            }
            None => out.push(c),
        }
    }
    out
}

/// How many characters of context to keep on each side of a span on a long line.
const CONTEXT: usize = 60;
/// How many characters of the span itself to show at most.
const SPAN_MAX: usize = 400;

/// The lines around `span` in `text`, trimmed and made safe to show. `line` is the line the
/// span starts on (the report knows it); the work is bounded by the shown window, never by
/// the length of the line or the text, so a 20 MB single-line file costs no more per finding.
pub fn excerpt(text: &str, span: Span, line: usize) -> Excerpt {
    let start = floor_boundary(text, span.start.min(text.len()));
    let mut end = floor_boundary(text, span.end.clamp(start, text.len()));
    // A span that ends with its line's newline is shown on that line, without the newline.
    while end > start + 1 && text[..end].ends_with(['\n', '\r']) {
        end -= 1;
    }

    // At most CONTEXT characters before the span, not past the start of its line.
    let from = back_chars(text, start, CONTEXT);
    let cut_left = from > 0 && !text[..from].ends_with('\n');
    // At most SPAN_MAX characters of the span, then CONTEXT more up to the end of that line.
    let shown_end = forward_chars(text, start, SPAN_MAX).min(end);
    let to = forward_in_line(text, shown_end, CONTEXT).max(shown_end);
    let cut_right = to < text.len() && !text[to..].starts_with(['\n', '\r']);

    let mut out = String::new();
    if cut_left {
        out.push('…');
    }
    let mut span_range = 0..0;
    let mut pos = from;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if at == start {
            span_range.start = out.len();
        }
        if at == shown_end && shown_end < end {
            // The span goes on beyond what is shown.
            out.push('…');
        }
        if at == shown_end {
            span_range.end = out.len();
        }
        push_visible(&mut out, c, text[at + c.len_utf8()..].starts_with('\n'));
        pos = at + c.len_utf8();
    }
    if pos <= start {
        span_range.start = out.len();
    }
    if pos <= shown_end {
        if shown_end < end {
            out.push('…');
        }
        span_range.end = out.len();
    }
    if cut_right {
        out.push('…');
    }
    span_range.end = span_range.end.max(span_range.start);
    Excerpt { text: out, line_start: line.max(1), span: span_range }
}

fn push_visible(out: &mut String, c: char, before_newline: bool) {
    if c == '\r' && before_newline {
        return;
    }
    match invisible_name(c) {
        Some(name) => {
            out.push('<');
            out.push_str(&name);
            out.push('>');
        }
        None => out.push(c),
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The offset `n` characters before `at` (or 0), stopping at a newline.
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    let mut pos = at;
    for (count, (i, c)) in text[..at].char_indices().rev().enumerate() {
        if count == n || c == '\n' {
            break;
        }
        pos = i;
    }
    pos
}

/// The offset `n` characters after `at`, stopping before a line break.
fn forward_in_line(text: &str, at: usize, n: usize) -> usize {
    for (count, (i, c)) in text[at..].char_indices().enumerate() {
        if count == n || c == '\n' || (c == '\r' && text[at + i..].starts_with("\r\n")) {
            return at + i;
        }
    }
    text.len()
}

/// The offset `n` characters after `at` (or the end of the text).
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    text[at..].char_indices().nth(n).map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, start: usize, end: usize) -> (String, String, usize) {
        let line = text[..start].matches('\n').count() + 1;
        let e = excerpt(text, Span::new(start, end), line);
        (e.text.clone(), e.text[e.span.clone()].to_string(), e.line_start)
    }

    #[test]
    fn whole_short_line_with_span() {
        let text = "Title\n\nThe minister said so.\nNext line\n";
        let s = text.find("minister").unwrap();
        assert_eq!(shown(text, s, s + 8), ("The minister said so.".into(), "minister".into(), 3));
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text = format!("{}target{}", "a".repeat(5000), "b".repeat(5000));
        let (t, s, line) = shown(&text, 5000, 5006);
        assert_eq!(s, "target");
        assert_eq!(line, 1);
        assert!(t.starts_with('…') && t.ends_with('…'));
        assert_eq!(t.chars().count(), 60 + 6 + 60 + 2);
    }

    #[test]
    fn invisible_characters_become_markers() {
        let text = "abc\u{202e}def";
        let (t, s, _) = shown(text, 3, 6);
        assert_eq!(t, "abc<U+202E>def");
        assert_eq!(s, "<U+202E>");
    }

    #[test]
    fn crlf_and_spans_over_lines() {
        let text = "one\r\ntwo words\r\nthree\r\n";
        let s = text.find("words").unwrap();
        let e = text.find("three").unwrap() + 5;
        let (t, sp, line) = shown(text, s, e);
        assert_eq!(t, "two words\nthree");
        assert_eq!(sp, "words\nthree");
        assert_eq!(line, 2);
    }

    #[test]
    fn empty_span_at_end_of_text() {
        let text = "abc";
        let (t, s, _) = shown(text, 3, 3);
        assert_eq!(t, "abc");
        assert_eq!(s, "");
        let e = excerpt("", Span::new(0, 0), 1);
        assert_eq!(e.text, "");
    }

    #[test]
    fn spans_ending_with_their_newline() {
        let text = "one two\nthree\n";
        let (t, s, line) = shown(text, 4, 8);
        assert_eq!((t.as_str(), s.as_str(), line), ("one two", "two", 1));
    }

    #[test]
    fn very_long_spans_are_shortened() {
        let text = "x".repeat(2000);
        let (t, s, _) = shown(&text, 0, 2000);
        assert!(s.ends_with('…'));
        assert!(t.chars().count() < 500);
    }
}
