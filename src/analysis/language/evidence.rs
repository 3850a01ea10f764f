//! Cheap, additive evidence about a stretch of text, gathered in one pass: letters per script,
//! frequent words of each data language, and letters a language's alphabet lacks. Evidence
//! adds up, so a paragraph's evidence is the sum of its sentences' and the document's the sum
//! of its paragraphs': the text is read once.

use super::registry::{Registry, Script, MAX_DATA};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// Letters per script (`Script::index`).
    pub letters: [u32; 4],
    /// Letters per script in words that start lower case (and ideographs).
    pub lower_letters: [u32; 4],
    /// Words with at least one letter (runs of Han characters count one word per character).
    pub words: u32,
    /// Words that start with a lower-case letter: names and titles are mostly capitalised.
    pub lower_words: u32,
    /// Per data language: frequent words found, each shared word split between its languages.
    pub word_score: [f32; MAX_DATA],
    /// Per data language: letters of its script its alphabet lacks.
    pub foreign: [u32; MAX_DATA],
}

impl Evidence {
    pub fn add(&mut self, other: &Evidence) {
        for i in 0..4 {
            self.letters[i] += other.letters[i];
            self.lower_letters[i] += other.lower_letters[i];
        }
        self.words += other.words;
        self.lower_words += other.lower_words;
        for d in 0..MAX_DATA {
            self.word_score[d] += other.word_score[d];
            self.foreign[d] += other.foreign[d];
        }
    }

    pub fn total_letters(&self) -> u32 {
        self.letters.iter().sum()
    }

    /// The script the text is written in: the one with most letters in lower-case words (names
    /// in another script do not count), an ideograph weighing as much as three letters.
    pub fn dominant_script(&self) -> Option<Script> {
        let lower = self.lower_letters.iter().any(|n| *n > 0);
        let weight = |i: usize| {
            let n = if lower { self.lower_letters[i] } else { self.letters[i] };
            if i == Script::Han.index() {
                3 * n
            } else {
                n
            }
        };
        let i = (0..4).max_by_key(|i| (weight(*i), std::cmp::Reverse(*i)))?;
        (weight(i) > 0).then_some(Script::ALL[i])
    }

    /// Too little to decide on: fewer than eight letters (an ideograph counting three), a
    /// single word, or up to four capitalised words with no frequent word among them (a name).
    pub fn is_thin(&self) -> bool {
        let han = self.letters[Script::Han.index()];
        let weighted = self.total_letters() + 2 * han;
        let known = self.word_score.iter().any(|s| *s >= 1.0);
        weighted < 8 || (han == 0 && self.words < 2) || (self.lower_words == 0 && self.words <= 4 && !known)
    }
}

/// A chunk between spaces that is not prose: a URL, an e-mail address, a handle or a path.
fn is_not_prose(chunk: &str) -> bool {
    chunk.contains("://")
        || chunk.starts_with("www.")
        || (chunk.contains('@') && chunk.len() > 1)
        || chunk.contains(".com")
        || chunk.contains(".org")
        || chunk.starts_with('#') && chunk.len() > 1
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Gathers the evidence of `text` (any stretch: sentence, quote, paragraph).
pub fn gather(text: &str, reg: &Registry) -> Evidence {
    let mut ev = Evidence::default();
    let mut word = String::with_capacity(32);
    for chunk in text.split_whitespace() {
        if is_not_prose(chunk) {
            continue;
        }
        let mut chars = chunk.chars().peekable();
        while let Some(c) = chars.next() {
            if !c.is_alphabetic() {
                continue;
            }
            // A word: letters, marks, and apostrophes between letters.
            word.clear();
            let mut first = true;
            let mut lower_word = false;
            let mut c = c;
            loop {
                let script = Script::of(c);
                ev.letters[script.index()] += 1;
                if script == Script::Han {
                    ev.lower_letters[script.index()] += 1;
                    // Ideographs are not separated by spaces: one word each.
                    ev.words += 1;
                    ev.lower_words += 1;
                    first = true;
                } else {
                    let lower = if c.is_ascii() {
                        c.to_ascii_lowercase()
                    } else {
                        c.to_lowercase().next().unwrap_or(c)
                    };
                    if first {
                        ev.words += 1;
                        lower_word = !c.is_uppercase();
                        if lower_word {
                            ev.lower_words += 1;
                        }
                        first = false;
                    }
                    if lower_word {
                        ev.lower_letters[script.index()] += 1;
                    }
                    if !lower.is_ascii() && script != Script::Other {
                        let mask = reg.foreign_mask(lower, script);
                        add_bits(&mut ev.foreign, mask);
                    }
                    word.push(lower);
                }
                match chars.peek() {
                    Some(&n) if n.is_alphabetic() && Script::of(n) != Script::Han => {
                        chars.next();
                        c = n;
                    }
                    Some(&n) if is_apostrophe(n) && !word.is_empty() => {
                        chars.next();
                        word.push('\'');
                        // An elided article or pronoun (`l'`, `dell'`) counts as a word.
                        if let Some(mask) = reg.words.get(word.as_str()) {
                            add_weighted(&mut ev.word_score, *mask);
                            word.clear();
                            first = true;
                        }
                        match chars.peek() {
                            Some(&n) if n.is_alphabetic() => {
                                chars.next();
                                c = n;
                            }
                            _ => break,
                        }
                    }
                    Some(&n) if is_mark(n) => {
                        chars.next();
                        word.push(n);
                        match chars.peek() {
                            Some(&n) if n.is_alphabetic() => {
                                chars.next();
                                c = n;
                            }
                            _ => break,
                        }
                    }
                    _ => break,
                }
            }
            if !word.is_empty() {
                if let Some(mask) = reg.words.get(word.as_str()) {
                    add_weighted(&mut ev.word_score, *mask);
                }
            }
        }
    }
    ev
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

fn add_bits(counts: &mut [u32; MAX_DATA], mut mask: u16) {
    while mask != 0 {
        let d = mask.trailing_zeros() as usize;
        counts[d] += 1;
        mask &= mask - 1;
    }
}

fn add_weighted(scores: &mut [f32; MAX_DATA], mut mask: u16) {
    let w = 1.0 / mask.count_ones() as f32;
    while mask != 0 {
        let d = mask.trailing_zeros() as usize;
        scores[d] += w;
        mask &= mask - 1;
    }
}
