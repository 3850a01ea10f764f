pub mod date_vs_publication;
pub mod impossible_date;
pub mod weekday_mismatch;
