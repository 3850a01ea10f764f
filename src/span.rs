//! Byte spans into a document's decoded text, and the index that turns them into lines and
//! columns for people.

use serde::Serialize;

/// A half-open byte range `start..end` into one decoded text, always on character boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers; empty if the span does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shifts a span relative to `base` into the text `base` is relative to.
    pub fn offset(&self, base: usize) -> Span {
        Span::new(self.start + base, self.end + base)
    }
}

/// A position for people: 1-based line, column counted in characters from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Maps byte offsets to lines and columns in time independent of the line's length (a 20 MB
/// single-line file must not make every finding cost a scan of the line).
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)` every `CHECKPOINT` bytes, on char boundaries.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 512;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = vec![(0, 0)];
        let mut next = CHECKPOINT;
        for (chars, (i, c)) in text.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT;
            }
            if c == '\n' {
                line_starts.push(i + 1);
            }
        }
        LineIndex { line_starts, checkpoints }
    }

    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, c) = self.checkpoints[k];
        c + text.get(b..offset).map_or(0, |s| s.chars().count())
    }

    /// Line and column of a byte offset; offsets past the end or inside a character are
    /// clamped to the nearest boundary before them.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        Position { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\nцвет x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.position(text, x), Position { line: 2, column: 6 });
    }

    #[test]
    fn long_lines_use_checkpoints() {
        let text = "é".repeat(5000) + "z";
        let idx = LineIndex::new(&text);
        assert_eq!(idx.position(&text, text.len() - 1).column, 5001);
    }
}
