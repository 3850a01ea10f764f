pub mod quote_ledger_conflict;
pub mod quote_speaker_conflict;
pub mod speaker_role_conflict;
pub mod unmarked_direct_speech;
