//! When are two quotes the same statement? Quotes travel between articles through editing and
//! translation: case, punctuation and quote-mark style change, a word is swapped, the opening
//! or the ending is trimmed ("We will not give in..." / "will not give in ..."), one quote is cut
//! into two. So a quote is reduced to its word tokens; candidates are found through shingles
//! (pairs of consecutive content words, hashed), then verified by a local alignment of the
//! token sequences that tolerates small edits.
//!
//! Short generic statements ("No.", "We will see") are said by everyone: a match must cover
//! enough words and letters to be informative before it can say two speakers disagree.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A quote reduced to what matching compares: its words, case- and accent-folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub words: Vec<String>,
}

/// Minimum words a match must cover.
pub const MIN_WORDS: usize = 5;
/// Minimum letters (and digits) a match must cover.
pub const MIN_LETTERS: usize = 24;
/// Minimum content words (see [`is_content`]) a match must cover.
pub const MIN_CONTENT: usize = 3;
/// Share of the shorter quote the alignment must cover.
pub const MIN_COVERAGE: f64 = 0.8;
/// A match this long is the same statement even if it covers less of the shorter quote (two
/// quotes that share a long passage but were cut differently).
pub const LONG_MATCH: usize = 12;

impl Tokens {
    /// Splits `text` into words: NFKD with accents dropped (`é` = `e`, `ё` = `е`), lower case,
    /// apostrophes inside words dropped (`don't` = `don’t` = `dont`); every other
    /// non-alphanumeric character separates words.
    pub fn new(text: &str) -> Self {
        let mut words = Vec::new();
        let mut word = String::new();
        for c in text.nfkd() {
            if is_combining_mark(c) {
                continue;
            }
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            } else if is_apostrophe(c) && !word.is_empty() {
                continue;
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        Tokens { words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Hashes of consecutive content-word pairs, sorted and deduplicated: what the indexes
    /// store and look up. Function words are skipped so that `the`/`a` changes in translation
    /// or editing do not change the shingles.
    pub fn shingles(&self) -> Vec<u64> {
        let content: Vec<&str> = self.words.iter().map(String::as_str).filter(|w| is_content(w)).collect();
        let mut out: Vec<u64> = content.windows(2).map(|p| shingle_hash(p[0], p[1])).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Enough words, letters and content words to identify a statement.
    pub fn informative(&self) -> bool {
        informative(&self.words)
    }
}

fn informative(words: &[String]) -> bool {
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    let content = words.iter().filter(|w| is_content(w)).count();
    words.len() >= MIN_WORDS && letters >= MIN_LETTERS && content >= MIN_CONTENT
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´')
}

/// A word that carries content: four characters or more, or with a digit. Short words are
/// mostly function words in every supported language (`the`, `und`, `что`, `les`).
pub fn is_content(word: &str) -> bool {
    word.chars().count() >= 4 || word.chars().any(|c| c.is_ascii_digit())
}

/// FNV-1a, 64 bits: stable across builds and platforms, since ledgers store these hashes.
fn shingle_hash(a: &str, b: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([0u8]).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// How two quotes align.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alignment {
    /// Words matched (exactly or nearly).
    pub matched: usize,
    /// `matched` over the length of the shorter quote.
    pub coverage: f64,
    /// Whether the matched words of the shorter quote are informative.
    pub informative: bool,
}

impl Alignment {
    /// The same statement: the alignment covers most of the shorter quote (or a long passage),
    /// and what it covers is informative.
    pub fn same_statement(&self) -> bool {
        self.informative && (self.coverage >= MIN_COVERAGE || self.matched >= LONG_MATCH)
    }
}

/// Two words that are the same up to a small edit (`Ukraine`/`Ukraine's` -> `ukraines`,
/// `organisation`/`organization`).
fn near(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la >= 5 && lb >= 5 && la.abs_diff(lb) <= 2 && strsim::normalized_levenshtein(a, b) >= 0.75
}

/// Local alignment (Smith-Waterman over words): the best-scoring stretch where the two quotes
/// agree, allowing small edits, insertions and deletions. Returns `None` when nothing aligns.
pub fn align(a: &Tokens, b: &Tokens) -> Option<Alignment> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return None;
    }
    const MATCH: i32 = 2;
    const MISMATCH: i32 = -2;
    const GAP: i32 = -1;
    // Per cell: score, words matched on the best path, where the path started in `short`.
    #[derive(Clone, Copy, Default)]
    struct Cell {
        score: i32,
        matched: u32,
        start: u32,
    }
    let m = long.len();
    let mut prev = vec![Cell::default(); m + 1];
    let mut cur = vec![Cell::default(); m + 1];
    let mut best = Cell::default();
    let mut best_end = 0usize;
    for i in 1..=short.len() {
        cur[0] = Cell { score: 0, matched: 0, start: i as u32 };
        for j in 1..=m {
            let is_match = near(&short.words[i - 1], &long.words[j - 1]);
            let diag = prev[j - 1];
            let diag_start = if diag.score == 0 { (i - 1) as u32 } else { diag.start };
            let diag_matched = if diag.score == 0 { 0 } else { diag.matched };
            let mut cell = Cell {
                score: diag.score + if is_match { MATCH } else { MISMATCH },
                matched: diag_matched + u32::from(is_match),
                start: diag_start,
            };
            let up = prev[j];
            if up.score + GAP > cell.score {
                cell = Cell { score: up.score + GAP, ..up };
            }
            let left = cur[j - 1];
            if left.score + GAP > cell.score {
                cell = Cell { score: left.score + GAP, ..left };
            }
            if cell.score <= 0 {
                cell = Cell { score: 0, matched: 0, start: i as u32 };
            }
            if cell.score > best.score {
                best = cell;
                best_end = i;
            }
            cur[j] = cell;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    if best.matched == 0 {
        return None;
    }
    let covered = &short.words[best.start as usize..best_end];
    Some(Alignment {
        matched: best.matched as usize,
        coverage: best.matched as f64 / short.len() as f64,
        informative: informative(covered),
    })
}

/// Are `a` and `b` the same statement?
pub fn same_statement(a: &Tokens, b: &Tokens) -> bool {
    align(a, b).is_some_and(|al| al.same_statement())
}

/// Is `query` (a fragment someone searches for) found in `quote`? Looser than
/// [`same_statement`]: a fragment need not be informative, only covered.
pub fn contains_fragment(quote: &Tokens, query: &Tokens) -> bool {
    align(quote, query).is_some_and(|al| al.matched as f64 >= query.len() as f64 * MIN_COVERAGE)
}

/// Could `a` and `b` name the same person? Case, accents, transliteration (Zelensky =
/// Zelenskyy = Зеленский), a surname alone against the full name, gender and case forms
/// ([`crate::names::same_person`]). Unknown or empty names are never said to differ.
pub fn same_speaker(a: &str, b: &str) -> bool {
    if a.trim().is_empty() || b.trim().is_empty() || crate::names::same_person(a, b) {
        return true;
    }
    // Across scripts and transliteration conventions: fold both to one Latin spelling.
    let (fa, fb) = (fold_name(a), fold_name(b));
    let (Some(sa), Some(sb)) = (fa.last(), fb.last()) else { return true };
    if !(sa == sb || strsim::jaro_winkler(sa, sb) >= 0.93) {
        return false;
    }
    // Given names across languages differ more than surnames (Vladimir / Volodymyr): their
    // initials must agree.
    match (fa.len() > 1, fb.len() > 1) {
        (true, true) => fa[0].chars().next() == fb[0].chars().next(),
        _ => true,
    }
}

/// A name reduced to comparable words: accents dropped, Cyrillic transliterated, `y`/`j` as
/// `i`, doubled letters collapsed, so spelling conventions meet.
fn fold_name(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in Tokens::new(name).words {
        let mut out = String::new();
        for c in word.chars() {
            out.push_str(transliterate(c));
        }
        let mut folded = String::new();
        for c in out.chars().map(|c| if c == 'y' || c == 'j' { 'i' } else { c }) {
            if folded.ends_with(c) {
                continue;
            }
            folded.push(c);
        }
        if !folded.is_empty() {
            words.push(folded);
        }
    }
    words
}

fn transliterate(c: char) -> &'static str {
    // After NFKD and mark removal: й is и, ё is е, ї is і.
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ґ' => "g",
        'д' => "d",
        'е' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ы' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => {
            // Not Cyrillic: keep the character (ASCII letters and digits map to themselves).
            ASCII.get(c as usize).copied().unwrap_or("")
        }
    }
}

const ASCII: [&str; 128] = {
    let mut table = [""; 128];
    let letters = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
        "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = letters[i];
        i += 1;
    }
    let mut i = 0;
    while i < 26 {
        table[b'a' as usize + i] = letters[10 + i];
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        same_statement(&Tokens::new(a), &Tokens::new(b))
    }

    #[test]
    fn tokens_fold_case_accents_apostrophes_and_quote_marks() {
        assert_eq!(Tokens::new("«Don’t» say \"NO\"…").words, ["dont", "say", "no"]);
        assert_eq!(Tokens::new("Café, ёлка").words, ["cafe", "елка"]);
        assert_eq!(Tokens::new("").words, Vec::<String>::new());
    }

    #[test]
    fn same_statement_survives_editing() {
        let original = "We will not give in to pressure from anyone, and we will defend every village.";
        // Case, punctuation and quote-mark style.
        assert!(same(
            original,
            "“we will NOT give in to pressure from anyone — and we will defend every village”"
        ));
        // Trimmed opening and ending.
        assert!(same(original, "will not give in to pressure from anyone, and we will defend ..."));
        // A small edit.
        assert!(same(
            original,
            "We shall not give in to pressure from anybody, and we will defend every village."
        ));
        // A quote cut into two: each half is found in the whole.
        assert!(same(original, "We will not give in to pressure from anyone"));
        assert!(same("and we will defend every village", original));
        // Two excerpts that only overlap a little are not the same statement.
        assert!(!same("and we will defend every village and every town in the region", original));
        // Russian, with ё/е and a different quote style.
        assert!(same(
            "«Мы не отступим ни на шаг и защитим каждую деревню», — сказал он.",
            "мы не отступим ни на шаг и защитим каждую деревню"
        ));
    }

    #[test]
    fn different_statements_do_not_match() {
        assert!(!same(
            "We will not give in to pressure from anyone, and we will defend every village.",
            "The new budget gives every village a school and a doctor by next year."
        ));
        assert!(!same(
            "Inflation will fall below three percent before the end of the year.",
            "Unemployment will rise above seven percent before the end of the decade."
        ));
    }

    #[test]
    fn short_generic_quotes_never_match() {
        assert!(!same("No.", "No."));
        assert!(!same("We will see.", "We will see"));
        assert!(!same("It is what it is", "It is what it is."));
        assert!(!same("Thank you very much", "thank you very much!"));
        // Informative text is matched even when short.
        assert!(same(
            "Negotiations collapsed over border demarcation",
            "negotiations collapsed over border demarcation"
        ));
    }

    #[test]
    fn long_shared_passage_matches_even_with_different_cuts() {
        let a = "The ministry has never received any request from the commission about the pipeline contracts, he said, and it never will";
        let b = "Completely false. The ministry has never received any request from the commission about the pipeline contracts";
        assert!(same(a, b));
    }

    #[test]
    fn scattered_common_words_do_not_align() {
        // Many function words in common, no common passage.
        assert!(!same(
            "we will do this for the people and for the future of the country",
            "the people of the country will decide the future for themselves and for us"
        ));
    }

    /// FNV-1a of `ab\0c`, computed independently.
    const HASH_AB_C: u64 = 0xfd61c083ef200867;

    #[test]
    fn shingles_ignore_function_words_and_are_stable() {
        let a = Tokens::new("The tunnel will be finished before the winter");
        let b = Tokens::new("tunnel will be finished before winter");
        assert_eq!(a.shingles(), b.shingles());
        assert!(!a.shingles().is_empty());
        // Stored in ledgers: must never change between builds.
        assert_eq!(shingle_hash("tunnel", "will"), shingle_hash("tunnel", "will"));
        assert_eq!(shingle_hash("ab", "c"), HASH_AB_C);
        assert_ne!(shingle_hash("ab", "c"), shingle_hash("a", "bc"));
    }

    #[test]
    fn speakers_match_through_transliteration() {
        assert!(same_speaker("Zelensky", "Zelenskyy"));
        assert!(same_speaker("Volodymyr Zelensky", "Зеленский"));
        assert!(same_speaker("Владимир Зеленский", "Volodymyr Zelenskyy"));
        assert!(same_speaker("Sergei Shoigu", "Sergey Shoygu"));
        assert!(same_speaker("Emmanuel Macron", "Macron"));
        assert!(same_speaker("", "Anyone"));
        assert!(!same_speaker("Emmanuel Macron", "Olaf Scholz"));
        assert!(!same_speaker("Dmytro Kuleba", "Volodymyr Zelensky"));
        assert!(!same_speaker("Anna Weber", "Paul Weber"));
        assert!(!same_speaker("Песков", "Лавров"));
        assert!(!same_speaker("Anna Kovacs", "Piotr Kovacs"));
        assert!(same_speaker("Anna Kovacs", "A. Kovacs"));
        assert!(same_speaker("Мария Петрова", "Maria Petrova"));
    }
}
