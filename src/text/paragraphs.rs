//! Paragraphs: runs of non-blank lines. Each gets a kind so rules can leave titles, headings,
//! lists and datelines alone.

use crate::document::Format;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphKind {
    /// First paragraph of a plain-text article.
    Title,
    /// Markdown `#` heading.
    Heading,
    /// Markdown list item or a line starting with a bullet.
    ListItem,
    /// Markdown block quote (`> `).
    BlockQuote,
    /// Fenced code, left alone by every rule.
    Code,
    Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first to the last non-blank character of the paragraph.
    pub span: Span,
    pub kind: ParagraphKind,
}

/// Splits at blank lines. Markdown headings and list items are their own paragraphs even
/// without a blank line around them.
pub fn split(text: &str, body_start: usize, format: Format) -> Vec<Paragraph> {
    let markdown = format == Format::Markdown;
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<(usize, usize, ParagraphKind)> = None;
    let mut in_fence = false;
    let mut pos = body_start.min(text.len());
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = &text[pos..line_end];
        let trimmed = line.trim();
        let lead = line.len() - line.trim_start().len();
        let content = Span::new(pos + lead, pos + lead + trimmed.len());
        if markdown && (trimmed.starts_with("```") || trimmed.starts_with("~~~")) {
            flush(&mut out, &mut current);
            in_fence = !in_fence;
            out.push(Paragraph { span: content, kind: ParagraphKind::Code });
        } else if in_fence {
            out.push(Paragraph { span: content, kind: ParagraphKind::Code });
        } else if trimmed.is_empty() {
            flush(&mut out, &mut current);
        } else {
            let kind = line_kind(trimmed, markdown);
            let standalone = matches!(kind, ParagraphKind::Heading | ParagraphKind::ListItem);
            match &mut current {
                Some((_, end, k)) if !standalone && *k == kind => *end = content.end,
                _ => {
                    flush(&mut out, &mut current);
                    current = Some((content.start, content.end, kind));
                    if standalone {
                        flush(&mut out, &mut current);
                    }
                }
            }
        }
        pos = line_end;
    }
    flush(&mut out, &mut current);
    if format == Format::Text {
        if let Some(first) = out.first_mut() {
            first.kind = ParagraphKind::Title;
        }
    }
    out
}

fn line_kind(trimmed: &str, markdown: bool) -> ParagraphKind {
    if markdown && trimmed.starts_with('#') {
        return ParagraphKind::Heading;
    }
    if markdown && trimmed.starts_with('>') {
        return ParagraphKind::BlockQuote;
    }
    let bullet = ["- ", "* ", "+ ", "• ", "– ", "— "]
        .iter()
        .any(|b| trimmed.starts_with(b))
        && !(trimmed.starts_with("— ") || trimmed.starts_with("– ")) // dialogue dash in ru/es
        || ordered_item(trimmed);
    if bullet && (markdown || trimmed.starts_with('•')) {
        return ParagraphKind::ListItem;
    }
    ParagraphKind::Body
}

fn ordered_item(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits < 4 && s[digits..].starts_with(". ")
}

fn flush(out: &mut Vec<Paragraph>, current: &mut Option<(usize, usize, ParagraphKind)>) {
    if let Some((start, end, kind)) = current.take() {
        out.push(Paragraph { span: Span::new(start, end), kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "Title\n\nFirst line\nsecond line.\n\n\nThird.\n";
        let p = split(text, 0, Format::Text);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].kind, ParagraphKind::Title);
        assert_eq!(p[1].span.slice(text), "First line\nsecond line.");
        assert_eq!(p[2].span.slice(text), "Third.");
    }

    #[test]
    fn markdown_headings_and_lists_stand_alone() {
        let text = "# Head\nBody text.\n- one\n- two\n";
        let p = split(text, 0, Format::Markdown);
        let kinds: Vec<_> = p.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [ParagraphKind::Heading, ParagraphKind::Body, ParagraphKind::ListItem, ParagraphKind::ListItem]
        );
    }
}
