pub mod name_variant;
