//! The one table that maps rule codes to rules. Nothing else knows the codes.

use super::RuleInfo;
use super::{attribution, bilingual, dates, language, names, quotes, translationese, unicode};
use crate::finding::Severity;

macro_rules! rule {
    ($code:literal, $name:literal, $severity:ident, $summary:literal, $group:ident :: $module:ident) => {
        RuleInfo {
            code: $code,
            name: $name,
            severity: Severity::$severity,
            summary: $summary,
            doc_source: include_str!(concat!(stringify!($group), "/", stringify!($module), ".rs")),
            check: $group::$module::check,
        }
    };
}

#[rustfmt::skip]
pub static RULES: &[RuleInfo] = &[
    rule!("U201", "mixed-script-word", Error, "a word mixing scripts, e.g. a Cyrillic `е` inside a Latin word", unicode::mixed_script_word),
    rule!("U202", "mojibake", Error, "text that is UTF-8 decoded with the wrong code page (`Ã©tÃ©`, `Ð¡Ð¾`)", unicode::mojibake),
    rule!("U203", "invisible-character", Warning, "zero-width, bidirectional-control and other invisible characters", unicode::invisible_character),
    rule!("U204", "unnormalized-text", Info, "text not in Unicode NFC", unicode::unnormalized_text),
    rule!("L101", "untranslated-segment", Error, "a sentence or paragraph in another language than the text's", language::untranslated_segment),
    rule!("L102", "unexpected-language", Error, "the text's language differs from `--lang`", language::unexpected_language),
    rule!("Q301", "unbalanced-quote", Error, "an opening mark never closed (multi-paragraph convention respected) or a stray close", quotes::unbalanced_quote),
    rule!("Q302", "misplaced-quote-mark", Warning, "a quote mark on the wrong side of its space or punctuation (`deal, \"the ministry said`)", quotes::misplaced_quote_mark),
    rule!("Q303", "foreign-quote-style", Info, "quote marks of another language's convention (`«…»` in English)", quotes::foreign_quote_style),
    rule!("A401", "speaker-role-conflict", Error, "a speaker given a role or nationality the same text gives someone else", attribution::speaker_role_conflict),
    rule!("A402", "quote-speaker-conflict", Error, "the same or a near-identical statement attributed to different speakers", attribution::quote_speaker_conflict),
    rule!("A403", "unmarked-direct-speech", Warning, "first-person speech with an attribution but no quote marks", attribution::unmarked_direct_speech),
    rule!("A404", "quote-ledger-conflict", Error, "a statement that another document of the batch, or the quote ledger, credits to someone else", attribution::quote_ledger_conflict),
    rule!("N501", "name-variant", Warning, "one person's name spelled different ways (`Shoigu` / `Shoygu`)", names::name_variant),
    rule!("D601", "date-vs-publication", Error, "a date or year that contradicts the publication date and the tense around it", dates::date_vs_publication),
    rule!("D602", "weekday-mismatch", Error, "a weekday that does not fall on the date it names", dates::weekday_mismatch),
    rule!("D603", "impossible-date", Error, "a date that does not exist (`30 February`)", dates::impossible_date),
    rule!("T701", "calque", Warning, "a literal translation of an idiom (`on the fields of the summit`, `gave the good`)", translationese::calque),
    rule!("T702", "duplicated-passage", Warning, "a sentence or paragraph that appears twice", translationese::duplicated_passage),
    rule!("T703", "broken-sentence", Warning, "a paragraph break in the middle of a sentence", translationese::broken_sentence),
    rule!("T704", "boilerplate-residue", Warning, "share/subscribe prompts, photo credits, counters left in the text", translationese::boilerplate_residue),
    rule!("X801", "number-mismatch", Error, "a number, amount or percentage that differs from the source", bilingual::number_mismatch),
    rule!("X802", "date-mismatch", Error, "a date that differs from the source", bilingual::date_mismatch),
    rule!("X803", "name-mismatch", Warning, "a person or place named in the source and missing or altered in the translation", bilingual::name_mismatch),
    rule!("X804", "quote-speaker-mismatch", Error, "a quote credited to a different speaker than in the source", bilingual::quote_speaker_mismatch),
    rule!("X805", "quote-count-mismatch", Warning, "a quote present in one side and missing in the other", bilingual::quote_count_mismatch),
    rule!("X806", "untranslated-in-target", Error, "a target segment left in the source language or copied unchanged", bilingual::untranslated_in_target),
    rule!("X807", "length-outlier", Info, "a segment much shorter or longer than its source (possible omission)", bilingual::length_outlier),
    rule!("X808", "inconsistent-term", Warning, "the same source term rendered differently within one text", bilingual::inconsistent_term),
    rule!("X809", "omitted-segment", Warning, "a source sentence or paragraph with no counterpart in the translation", bilingual::omitted_segment),
];
