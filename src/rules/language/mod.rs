pub mod unexpected_language;
pub mod untranslated_segment;
