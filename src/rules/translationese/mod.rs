pub mod boilerplate_residue;
pub mod broken_sentence;
pub mod calque;
pub mod duplicated_passage;
pub mod lexicon;
pub mod words;
