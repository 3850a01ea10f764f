//! Rules about the characters themselves: scripts mixed inside a word, mojibake, invisible
//! characters, unnormalised text. They read the raw decoded text (from the document's body),
//! since these defects are below the level of words and sentences.

pub mod invisible_character;
pub mod mixed_script_word;
pub mod mojibake;
pub mod unnormalized_text;

use crate::span::Span;

/// `U+200B`, the way people look characters up.
fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The whitespace-delimited word around `span` (at most `limit` bytes on either side), so a
/// finding points at something a reader can find, not at an invisible character alone.
fn word_around(text: &str, span: Span, limit: usize) -> Span {
    let mut start = span.start;
    for (i, c) in text[..span.start].char_indices().rev() {
        if c.is_whitespace() || span.start - i > limit {
            break;
        }
        start = i;
    }
    let mut end = span.end;
    for (i, c) in text[span.end..].char_indices() {
        if c.is_whitespace() || i >= limit {
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    Span::new(start, end)
}

/// Shrinks `span` so it neither starts nor ends with ASCII punctuation (`"`, `(`, `,`, `.`):
/// the finding is about the word, not the marks around it.
fn trim_ascii_punctuation(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let trimmed = s.trim_start_matches(|c: char| c.is_ascii_punctuation());
    let start = span.start + (s.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(|c: char| c.is_ascii_punctuation());
    Span::new(start, start + trimmed.len())
}

/// Whitespace-delimited chunks of `text[from..]` that contain a non-ASCII character, with
/// their spans. ASCII-only chunks are skipped cheaply.
fn non_ascii_chunks(text: &str, from: usize) -> impl Iterator<Item = Span> + '_ {
    let body = text.get(from..).unwrap_or("");
    body.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_ascii()).map(move |w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        Span::new(start, start + w.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_around_stops_at_whitespace() {
        let text = "the Ber\u{200B}lin wall";
        let zw = text.find('\u{200B}').unwrap();
        let w = word_around(text, Span::new(zw, zw + 3), 50);
        assert_eq!(w.slice(text), "Ber\u{200B}lin");
    }

    #[test]
    fn chunks_skip_ascii() {
        let text = "plain café (naïve) words";
        let chunks: Vec<_> = non_ascii_chunks(text, 0).map(|s| s.slice(text)).collect();
        assert_eq!(chunks, ["café", "(naïve)"]);
        let at = text.find('(').unwrap();
        let t = trim_ascii_punctuation(text, Span::new(at, at + "(naïve)".len()));
        assert_eq!(t.slice(text), "naïve");
    }
}
