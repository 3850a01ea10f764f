//! Regexes with Unicode word boundaries (`\b`), searched fast.
//!
//! The regex crate runs a pattern with a Unicode `\b` through its lazy DFA only while the text
//! is ASCII; on the first other byte it falls back to a backtracking or NFA search over the
//! whole paragraph, trying every position. Date and number patterns of every language have
//! such boundaries, and most paragraphs have non-ASCII letters (accents, Cyrillic, curly
//! quotes), so that search was a good part of the analysis time.
//!
//! [`Gated`] finds the same matches, in the same order, another way. Its *gate* is the
//! pattern with every `\b` removed: every match of the pattern matches the gate at the same
//! start, and the gate has no look-around, so the lazy DFA scans for it in any script. At
//! each start the gate finds, in order, an anchored search (NFA, stops as soon as no thread
//! is left, so it costs the length of the attempt) asks whether the pattern itself matches
//! there; the first start where it does is the leftmost match of the pattern, which the regex
//! crate then reads (captures included) from that start. The next search begins at the end of
//! that match, as `find_iter` and `captures_iter` do.
//!
//! Only for patterns that cannot match the empty string (every pattern here reads at least a
//! digit or a word).

use std::sync::OnceLock;

use regex::{Captures, Match, Regex};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::{Anchored, Input};

pub(crate) struct Gated {
    /// The pattern as given: what the matches and captures come from.
    re: Regex,
    /// The gate and the anchored tester, compiled on first use (most languages' patterns
    /// are never used in a run); `None` if they cannot be, and the plain regex is used.
    fast: OnceLock<Option<Fast>>,
}

struct Fast {
    /// The pattern without `\b`: a superset with the same starts, fast in any script. Only
    /// where its matches start is asked, so it keeps no groups (less memory).
    gate: meta::Regex,
    /// The pattern, for anchored yes/no tests: an NFA simulation, which stops where the
    /// attempt fails (not the backtracker, whose setup clears a bitset the size of the rest of
    /// the text for each test; no lazy DFA, which gives up on non-ASCII text here anyway; no
    /// groups).
    anchored: meta::Regex,
}

impl Gated {
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Ok(Gated { re: Regex::new(pattern)?, fast: OnceLock::new() })
    }

    fn fast(&self) -> Option<&Fast> {
        self.fast
            .get_or_init(|| {
                let pattern = self.re.as_str();
                let gate = meta::Builder::new()
                    .configure(meta::Config::new().which_captures(WhichCaptures::Implicit))
                    .build(&without_word_boundaries(pattern))
                    .ok()?;
                let anchored = meta::Builder::new()
                    .configure(
                        meta::Config::new()
                            .backtrack(false)
                            .hybrid(false)
                            .which_captures(WhichCaptures::None),
                    )
                    .build(pattern)
                    .ok()?;
                Some(Fast { gate, anchored })
            })
            .as_ref()
    }

    /// The pattern as a plain regex.
    #[cfg(test)]
    pub fn regex(&self) -> &Regex {
        &self.re
    }

    /// The start of the leftmost match of the pattern at or after `pos`.
    fn next_start(&self, text: &str, mut pos: usize) -> Option<usize> {
        let Some(fast) = self.fast() else {
            return self.re.find_at(text, pos).map(|m| m.start());
        };
        while pos <= text.len() {
            let s = fast.gate.find(Input::new(text).range(pos..))?.start();
            if fast.anchored.is_match(Input::new(text).range(s..).anchored(Anchored::Yes)) {
                return Some(s);
            }
            pos = s + text[s..].chars().next().map_or(1, char::len_utf8);
        }
        None
    }

    /// What `regex().captures_iter(text)` yields.
    pub fn captures_iter<'a, 'h>(&'a self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'a
    where
        'h: 'a,
    {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let s = self.next_start(text, pos)?;
            let c = self.re.captures_at(text, s)?;
            let m = c.get(0)?;
            debug_assert_eq!(m.start(), s);
            pos = next_pos(text, m);
            Some(c)
        })
    }

    /// What `regex().find_iter(text)` yields.
    pub fn find_iter<'a, 'h>(&'a self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'a
    where
        'h: 'a,
    {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let s = self.next_start(text, pos)?;
            let m = self.re.find_at(text, s)?;
            debug_assert_eq!(m.start(), s);
            pos = next_pos(text, m);
            Some(m)
        })
    }
}

/// Where the search after match `m` starts: its end (past one character for an empty match,
/// which the patterns here never give).
fn next_pos(text: &str, m: Match) -> usize {
    if m.end() > m.start() {
        m.end()
    } else {
        m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8)
    }
}

/// `pattern` with every `\b` taken out (escaped backslashes left alone).
fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => {}
            Some(n) => {
                out.push(c);
                out.push(n);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gated search gives exactly what the regex crate gives, in ASCII and other text.
    #[test]
    fn same_matches_as_the_regex() {
        let patterns = [
            r"(?i)\b(?:one|two|three|ten|one\s+hundred|hundred|один|два|десять|zwei|drei|zehn)\b",
            r"(?i)(?:\b(?P<wd>monday|понедельник)\.?,?\s+)?\b(?P<d1>\d{1,2})(?:st|nd|th|-го)?\s+(?P<m>march|марта|märz)\b\.?(?:,?\s+(?P<y>\d{4})\b)?",
            r"\b(1[6-9]\d\d|20\d\d|2100)\b",
            r"\b([IVXLC]{1,6})(?:e|ᵉ|er|-?го|-?м)?\b",
            r"a\\b\b",
        ];
        let texts = [
            "One hundred and ten people, often someone; two-thirds. Ten",
            "Десять человек, один из них — «два» раза; одиннадцать. Zehn, zwei und dreißig, drei",
            "On Monday, 3 March 2025 and понедельник, 15-го марта 2024 года; am 3. März; 12 march1999",
            "In 1999 and 2100, not 21000 or x2019; «2020» — 1600€ and ünd2005 2005ü",
            "XIXe siècle, XX века, XIX-го, siglo XXI, ИX, MIX, VI",
            "a\\b a\\bc",
            "",
            "é",
        ];
        for p in patterns {
            let g = Gated::new(p).unwrap();
            for t in texts {
                let want: Vec<_> = g.regex().find_iter(t).map(|m| m.range()).collect();
                let got: Vec<_> = g.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(got, want, "{p} on {t}");
                let want: Vec<Vec<_>> = g
                    .regex()
                    .captures_iter(t)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
                    .collect();
                let got: Vec<Vec<_>> =
                    g.captures_iter(t).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect()).collect();
                assert_eq!(got, want, "{p} on {t}");
            }
        }
    }

    #[test]
    fn word_boundaries_are_removed() {
        assert_eq!(without_word_boundaries(r"(?i)\b(?:a|b\s+c)\b\.?"), r"(?i)(?:a|b\s+c)\.?");
        assert_eq!(without_word_boundaries(r"a\\b\b"), r"a\\b");
    }
}
