pub mod foreign_quote_style;
pub mod misplaced_quote_mark;
pub mod unbalanced_quote;
