//! Word, number and punctuation tokens with byte spans. Apostrophes and hyphens inside a word
//! keep it whole (`D'Angelo`, `don't`, `COVID-19-вакцина`, `ʼ` in Ukrainian).

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner apostrophes and hyphens.
    Word,
    /// Digits with inner `.`/`,` separators (`2.5`, `1,234`); scale and unit come later.
    Number,
    /// Any other non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '\u{2011}' | '\u{AD}')
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}') || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

pub fn tokenize(text: &str, from: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(body) = text.get(from..) else { return out };
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if word_char(c) {
            let mut end = i + c.len_utf8();
            let mut has_alpha = c.is_alphabetic();
            let mut numeric_sep = true;
            while let Some(&(j, d)) = it.peek() {
                if word_char(d) {
                    has_alpha |= d.is_alphabetic();
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner joiners and numeric separators need a word character after them.
                let inner = joiner(d) || (numeric_sep && !has_alpha && matches!(d, '.' | ','));
                let next_is_word = body[j + d.len_utf8()..].chars().next().is_some_and(|n| {
                    if matches!(d, '.' | ',') {
                        n.is_ascii_digit()
                    } else {
                        word_char(n)
                    }
                });
                if inner && next_is_word {
                    it.next();
                    end = j + d.len_utf8();
                    numeric_sep &= matches!(d, '.' | ',');
                } else {
                    break;
                }
            }
            let kind = if has_alpha { TokenKind::Word } else { TokenKind::Number };
            out.push(Token { span: Span::new(from + i, from + end), kind });
        } else {
            out.push(Token { span: Span::new(from + i, from + i + c.len_utf8()), kind: TokenKind::Punct });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let text = "D'Angelo's COVID-19-вакцина cost 1,234.5 (don't)";
        let toks: Vec<&str> = tokenize(text, 0).iter().map(|t| t.span.slice(text)).collect();
        assert_eq!(toks, ["D'Angelo's", "COVID-19-вакцина", "cost", "1,234.5", "(", "don't", ")"]);
    }
}
