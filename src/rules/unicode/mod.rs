pub mod invisible_character;
pub mod mixed_script_word;
pub mod mojibake;
pub mod unnormalized_text;
