//! The quote ledger: a SQLite file remembering who said what, where and when, across runs.
//!
//! `faithful ledger add` records every attributed quote of some texts (with speaker, language,
//! document, publication date and whether the source is trusted); `faithful ledger find` looks
//! a statement up; `faithful check --ledger` compares every quote of a batch with it (rule
//! A404, through [`crate::crossdoc`]).
//!
//! Safety: a ledger is marked with its own `application_id` and carries its schema version in
//! `user_version`; migrations run in one transaction; a file that is not a ledger, a ledger of
//! a newer version, a read-only or locked file, each give an error naming the file, and an
//! `add` either records all its documents or nothing. The database is in WAL mode, so checks
//! can read while another process adds.

pub mod matching;
pub mod schema;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension};
use serde::Serialize;

use crate::analysis::Analysis;
use crate::document::Document;
use crate::span::{Position, Span};
pub use matching::Tokens;

/// How long to wait for another process's write to finish before giving up.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Candidate quotes read per shingle; a shingle shared by more quotes than this is common
/// wording and the other shingles of the quote find its matches.
const POSTINGS_LIMIT: usize = 512;
/// Candidates verified per lookup, most shared shingles first.
const CANDIDATES_LIMIT: usize = 64;

#[derive(Clone, Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{path}: no ledger there (create one with `faithful ledger add`)")]
    Missing { path: String },
    #[error("{path}: not a quote ledger: the file is not a SQLite database")]
    NotADatabase { path: String },
    #[error("{path}: not a quote ledger: a SQLite database of another application")]
    Foreign { path: String },
    #[error(
        "{path}: ledger schema version {found} is newer than this faithful understands (up to \
         {known}); use a newer faithful, or another ledger file"
    )]
    Newer { path: String, found: i64, known: i64 },
    #[error("{path}: cannot write to the ledger: the file or its directory is read-only")]
    ReadOnly { path: String },
    #[error(
        "{path}: ledger schema version {found} must be upgraded to {known}, but the file is \
         read-only; run `faithful ledger add` once with write access"
    )]
    NeedsUpgrade { path: String, found: i64, known: i64 },
    #[error(
        "{path}: the ledger is locked by another process (waited {waited:?}); try again when it \
         has finished"
    )]
    Locked { path: String, waited: Duration },
    #[error("{path}: cannot read the ledger: {message}")]
    Io { path: String, message: String },
    #[error("{path}: ledger error: {message}")]
    Sqlite { path: String, message: String },
}

/// Whether a ledger is opened to read (check, find) or to record quotes (add).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// One attributed quote as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRecord {
    pub text: String,
    pub speaker: String,
    pub span: Span,
    pub position: Position,
}

/// One document as recorded: where it is, what it is, and its attributed quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentRecord {
    /// Identity across runs: canonical path, plus `#id` for a feed item.
    pub key: String,
    pub path: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub language: String,
    pub published: Option<NaiveDate>,
    pub trusted: bool,
    pub quotes: Vec<QuoteRecord>,
}

impl DocumentRecord {
    /// What the ledger records of an analysed document: every quote credited to a speaker.
    pub fn from_analysis(doc: &Document, analysis: &Analysis, trusted: bool) -> Self {
        let quotes = analysis
            .quotes
            .quotes
            .iter()
            .filter_map(|q| {
                let speaker = comparable_speaker(q)?;
                let text = q.span.slice(&doc.text).trim();
                if text.is_empty() {
                    return None;
                }
                Some(QuoteRecord {
                    text: text.to_string(),
                    speaker: speaker.name.trim().to_string(),
                    span: q.span,
                    position: analysis.text.lines.position(&doc.text, q.span.start),
                })
            })
            .collect();
        DocumentRecord {
            key: document_key(doc),
            path: doc.path.clone(),
            id: doc.id.clone(),
            title: doc.title.clone(),
            language: analysis.language.document.code.clone(),
            published: analysis.published.as_ref().map(|p| p.date),
            trusted,
            quotes,
        }
    }
}

/// The speaker of a quote, when the quote can be compared with others: a top-level quote
/// credited to a named speaker. Anonymous sources (`a senior diplomat`) are left out (they may
/// well be the person another text names), and so are quotes inside quotes, whose speaker is
/// someone the outer speaker quotes.
pub fn comparable_speaker(quote: &crate::analysis::Quote) -> Option<&crate::analysis::quotes::SpeakerRef> {
    let speaker = quote.speaker.as_ref()?;
    let anonymous = speaker.kind == crate::analysis::quotes::SpeakerKind::Anonymous;
    (!anonymous && quote.depth == 0 && !speaker.name.trim().is_empty()).then_some(speaker)
}

/// A document's identity across runs: its canonical path (as given if it cannot be resolved,
/// or a hash of the text for standard input), plus `#id` for a feed item.
pub fn document_key(doc: &Document) -> String {
    let base = if doc.path == "-" {
        format!("stdin:{:016x}", fnv(doc.text.as_bytes()))
    } else {
        std::fs::canonicalize(&doc.path)
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| doc.path.clone())
    };
    match &doc.id {
        Some(id) => format!("{base}#{id}"),
        None => base,
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// A quote the ledger holds, with where and when it was published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    #[serde(skip)]
    pub quote_id: i64,
    pub text: String,
    pub speaker: String,
    pub path: String,
    pub id: Option<String>,
    #[serde(skip)]
    pub key: String,
    pub title: Option<String>,
    pub language: String,
    pub published: Option<String>,
    pub trusted: bool,
    pub span: Span,
    pub position: Position,
}

impl Entry {
    /// `path` or `path#id`: the document.
    pub fn name(&self) -> String {
        match &self.id {
            Some(id) => format!("{}#{id}", self.path),
            None => self.path.clone(),
        }
    }

    /// `path#id:line:column`, how messages and `ledger find` show where it is.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.name(), self.position.line, self.position.column)
    }
}

/// What an `add` recorded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    pub documents: usize,
    /// Documents recorded before and now replaced by their new version.
    pub replaced: usize,
    pub quotes: usize,
}

/// Counts of what a ledger holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: usize,
    pub quotes: usize,
    pub trusted_documents: usize,
}

pub struct Ledger {
    conn: Connection,
    path: String,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("path", &self.path).finish()
    }
}

impl Ledger {
    /// Opens (for `Write`, creates if needed) the ledger at `path`, upgrading an older schema.
    pub fn open(path: &Path, access: Access) -> Result<Self, LedgerError> {
        Self::open_with_timeout(path, access, DEFAULT_BUSY_TIMEOUT)
    }

    pub fn open_with_timeout(path: &Path, access: Access, busy: Duration) -> Result<Self, LedgerError> {
        let name = path.to_string_lossy().into_owned();
        let exists = check_header(path, &name)?;
        if !exists && access == Access::Read {
            return Err(LedgerError::Missing { path: name });
        }
        let flags = match access {
            Access::Read => OpenFlags::SQLITE_OPEN_READ_ONLY,
            Access::Write => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(&name, busy, e))?;
        conn.busy_timeout(busy).map_err(|e| classify(&name, busy, e))?;
        let mut ledger = Ledger { conn, path: name };
        if access == Access::Write && ledger.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
            return Err(LedgerError::ReadOnly { path: ledger.path });
        }
        ledger.prepare(access, busy)?;
        Ok(ledger)
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> LedgerError {
        classify(&self.path, DEFAULT_BUSY_TIMEOUT, e)
    }

    /// Checks the file is a ledger (or a new, empty database) and brings its schema up to date.
    fn prepare(&mut self, access: Access, busy: Duration) -> Result<(), LedgerError> {
        let path = self.path.clone();
        let c = |e| classify(&path, busy, e);
        let app: i32 = self.conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(c)?;
        let version: i64 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(c)?;
        let tables: i64 =
            self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(c)?;
        let fresh = app == 0 && version == 0 && tables == 0;
        if !fresh && app != schema::APPLICATION_ID {
            return Err(LedgerError::Foreign { path });
        }
        if version > schema::VERSION {
            return Err(LedgerError::Newer { path, found: version, known: schema::VERSION });
        }
        if version == schema::VERSION {
            if access == Access::Write {
                self.tune_for_writing().map_err(c)?;
            }
            return Ok(());
        }
        if access == Access::Read {
            if fresh {
                return Err(LedgerError::Missing { path });
            }
            return Err(LedgerError::NeedsUpgrade { path, found: version, known: schema::VERSION });
        }
        // WAL: readers (checks) go on while a writer records. Persistent in the file.
        self.conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(())).map_err(c)?;
        self.tune_for_writing().map_err(c)?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(c)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(c)?;
        for migration in schema::MIGRATIONS.iter().skip(version.max(0) as usize) {
            tx.execute_batch(migration).map_err(c)?;
        }
        tx.pragma_update(None, "application_id", schema::APPLICATION_ID).map_err(c)?;
        tx.pragma_update(None, "user_version", schema::VERSION.max(version)).map_err(c)?;
        tx.commit().map_err(c)
    }

    fn tune_for_writing(&self) -> rusqlite::Result<()> {
        // NORMAL is safe in WAL mode (no corruption; at worst the last commit is lost on power
        // failure) and much faster than FULL.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.pragma_update(None, "cache_size", -65536)?;
        Ok(())
    }

    /// Records documents and their quotes, all or nothing. A document recorded before (same
    /// key) is replaced, so adding a file twice does not count its quotes twice.
    pub fn add(&mut self, docs: &[DocumentRecord]) -> Result<Added, LedgerError> {
        let path = self.path.clone();
        let c = |e| classify(&path, DEFAULT_BUSY_TIMEOUT, e);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(c)?;
        let mut added = Added::default();
        let mut shingles: Vec<(i64, i64)> = Vec::new();
        {
            let mut find_doc = tx.prepare_cached("SELECT id FROM document WHERE key = ?1").map_err(c)?;
            let mut old_quotes =
                tx.prepare_cached("SELECT id, text FROM quote WHERE document = ?1").map_err(c)?;
            let mut del_shingle =
                tx.prepare_cached("DELETE FROM shingle WHERE hash = ?1 AND quote = ?2").map_err(c)?;
            let mut del_quotes = tx.prepare_cached("DELETE FROM quote WHERE document = ?1").map_err(c)?;
            let mut del_doc = tx.prepare_cached("DELETE FROM document WHERE id = ?1").map_err(c)?;
            let mut ins_doc = tx
                .prepare_cached(
                    "INSERT INTO document (key, path, doc_id, title, language, published, trusted)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(c)?;
            let mut ins_quote = tx
                .prepare_cached(
                    "INSERT INTO quote (document, text, speaker, start, end, line, col)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .map_err(c)?;
            for doc in docs {
                let old: Option<i64> = find_doc.query_row([&doc.key], |r| r.get(0)).optional().map_err(c)?;
                if let Some(old) = old {
                    let rows: Vec<(i64, String)> = old_quotes
                        .query_map([old], |r| Ok((r.get(0)?, r.get(1)?)))
                        .map_err(c)?
                        .collect::<Result<_, _>>()
                        .map_err(c)?;
                    for (id, text) in rows {
                        for h in Tokens::new(&text).shingles() {
                            del_shingle.execute(params![stored(h), id]).map_err(c)?;
                        }
                    }
                    del_quotes.execute([old]).map_err(c)?;
                    del_doc.execute([old]).map_err(c)?;
                    added.replaced += 1;
                }
                ins_doc
                    .execute(params![
                        doc.key,
                        doc.path,
                        doc.id,
                        doc.title,
                        doc.language,
                        doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
                        doc.trusted,
                    ])
                    .map_err(c)?;
                let doc_row = tx.last_insert_rowid();
                for q in &doc.quotes {
                    ins_quote
                        .execute(params![
                            doc_row,
                            q.text,
                            q.speaker,
                            q.span.start as i64,
                            q.span.end as i64,
                            q.position.line as i64,
                            q.position.column as i64,
                        ])
                        .map_err(c)?;
                    let quote_row = tx.last_insert_rowid();
                    shingles
                        .extend(Tokens::new(&q.text).shingles().into_iter().map(|h| (stored(h), quote_row)));
                    added.quotes += 1;
                }
                added.documents += 1;
            }
            // Sorted inserts fill the index's pages in order: several times faster than random.
            shingles.sort_unstable();
            shingles.dedup();
            let mut ins_shingle = tx
                .prepare_cached("INSERT OR IGNORE INTO shingle (hash, quote) VALUES (?1, ?2)")
                .map_err(c)?;
            for (h, q) in &shingles {
                ins_shingle.execute(params![h, q]).map_err(c)?;
            }
        }
        tx.commit().map_err(c)?;
        // Fold the write-ahead log into the database now rather than leave it as large as this
        // add; skipped (not an error) while readers are busy.
        let _ = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        Ok(added)
    }

    pub fn stats(&self) -> Result<Stats, LedgerError> {
        let count = |sql: &str| -> Result<usize, LedgerError> {
            self.conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map(|n| n as usize).map_err(|e| self.err(e))
        };
        Ok(Stats {
            documents: count("SELECT count(*) FROM document")?,
            quotes: count("SELECT count(*) FROM quote")?,
            trusted_documents: count("SELECT count(*) FROM document WHERE trusted = 1")?,
        })
    }

    /// Quotes of the ledger that are the same statement as `tokens` (see
    /// [`matching::same_statement`]), trusted first, then oldest first.
    pub fn matches(&self, tokens: &Tokens) -> Result<Vec<Entry>, LedgerError> {
        let shingles = tokens.shingles();
        // A quote of the same statement shares several of these; one shared pair of words is
        // a coincidence unless the quote has hardly any.
        let min_hits = match shingles.len() {
            0..=3 => 1,
            4..=8 => 2,
            _ => 3,
        };
        let mut out = Vec::new();
        let mut text =
            self.conn.prepare_cached("SELECT text FROM quote WHERE id = ?1").map_err(|e| self.err(e))?;
        for (id, hits) in self.ranked(&shingles)? {
            if hits < min_hits {
                break;
            }
            let candidate: String = text.query_row([id], |r| r.get(0)).map_err(|e| self.err(e))?;
            if matching::same_statement(tokens, &Tokens::new(&candidate)) {
                out.push(self.entry(id)?);
            }
        }
        sort_entries(&mut out);
        Ok(out)
    }

    /// Who said `text` (a quote or a fragment of one), where and when: entries containing it,
    /// trusted first, then oldest first. Short fragments without two content words in a row are
    /// looked for by scanning the ledger.
    pub fn find(&self, text: &str, limit: usize) -> Result<Vec<Entry>, LedgerError> {
        let query = Tokens::new(text);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for id in self.candidates(&query)? {
            let entry = self.entry(id)?;
            if matching::contains_fragment(&Tokens::new(&entry.text), &query) {
                out.push(entry);
            }
        }
        if out.is_empty() {
            out = self.scan(&query, limit)?;
        }
        sort_entries(&mut out);
        out.truncate(limit);
        Ok(out)
    }

    /// Full scan for fragments the shingle index cannot find (a word or two).
    fn scan(&self, query: &Tokens, limit: usize) -> Result<Vec<Entry>, LedgerError> {
        let longest = query.words.iter().max_by_key(|w| w.chars().count()).cloned().unwrap_or_default();
        let mut ids = Vec::new();
        {
            let mut stmt =
                self.conn.prepare("SELECT id, text FROM quote ORDER BY id").map_err(|e| self.err(e))?;
            let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
            while let Some(row) = rows.next().map_err(|e| self.err(e))? {
                let text: String = row.get(1).map_err(|e| self.err(e))?;
                if !text.to_lowercase().contains(&longest) && !Tokens::new(&text).words.contains(&longest) {
                    continue;
                }
                if matching::contains_fragment(&Tokens::new(&text), query) {
                    ids.push(row.get::<_, i64>(0).map_err(|e| self.err(e))?);
                    if ids.len() >= limit.saturating_mul(4).max(64) {
                        break;
                    }
                }
            }
        }
        ids.into_iter().map(|id| self.entry(id)).collect()
    }

    /// Quote ids sharing shingles with `tokens`, most shared first.
    fn candidates(&self, tokens: &Tokens) -> Result<Vec<i64>, LedgerError> {
        Ok(self.ranked(&tokens.shingles())?.into_iter().map(|(id, _)| id).collect())
    }

    /// Quote ids sharing these shingles, with how many they share, most shared first.
    fn ranked(&self, shingles: &[u64]) -> Result<Vec<(i64, u32)>, LedgerError> {
        if shingles.is_empty() {
            return Ok(Vec::new());
        }
        let mut counts: HashMap<i64, u32> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT quote FROM shingle WHERE hash = ?1 LIMIT ?2")
            .map_err(|e| self.err(e))?;
        for &h in shingles {
            let mut rows = stmt.query(params![stored(h), POSTINGS_LIMIT as i64]).map_err(|e| self.err(e))?;
            while let Some(row) = rows.next().map_err(|e| self.err(e))? {
                *counts.entry(row.get(0).map_err(|e| self.err(e))?).or_default() += 1;
            }
        }
        let mut ranked: Vec<(i64, u32)> = counts.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES_LIMIT);
        Ok(ranked)
    }

    fn entry(&self, id: i64) -> Result<Entry, LedgerError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT q.text, q.speaker, q.start, q.end, q.line, q.col,
                        d.path, d.doc_id, d.key, d.title, d.language, d.published, d.trusted
                 FROM quote q JOIN document d ON d.id = q.document WHERE q.id = ?1",
            )
            .map_err(|e| self.err(e))?;
        stmt.query_row([id], |r| {
            Ok(Entry {
                quote_id: id,
                text: r.get(0)?,
                speaker: r.get(1)?,
                span: Span { start: r.get::<_, i64>(2)? as usize, end: r.get::<_, i64>(3)? as usize },
                position: Position {
                    line: r.get::<_, i64>(4)? as usize,
                    column: r.get::<_, i64>(5)? as usize,
                },
                path: r.get(6)?,
                id: r.get(7)?,
                key: r.get(8)?,
                title: r.get(9)?,
                language: r.get(10)?,
                published: r.get(11)?,
                trusted: r.get(12)?,
            })
        })
        .map_err(|e| self.err(e))
    }
}

/// The shingles of a quote's text as the ledger's `shingle` table holds them.
pub fn shingle_keys(text: &str) -> Vec<i64> {
    let mut keys: Vec<i64> = Tokens::new(text).shingles().into_iter().map(stored).collect();
    keys.dedup();
    keys
}

/// A shingle as the ledger stores it: its top 31 bits, which SQLite keeps in 4 bytes instead
/// of 8. The rare collisions only add candidates, which verification drops.
fn stored(shingle: u64) -> i64 {
    (shingle >> 33) as i64
}

/// Trusted first, then by publication date (undated last), then as recorded.
fn sort_entries(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        (!a.trusted, a.published.is_none(), &a.published, a.quote_id).cmp(&(
            !b.trusted,
            b.published.is_none(),
            &b.published,
            b.quote_id,
        ))
    });
}

/// Looks at the first bytes: returns whether the file exists with content, and refuses a file
/// that is not SQLite before SQLite is asked to open it.
fn check_header(path: &Path, name: &str) -> Result<bool, LedgerError> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(LedgerError::Io { path: name.to_string(), message: "permission denied".into() })
        }
        Err(e) => return Err(LedgerError::Io { path: name.to_string(), message: e.to_string() }),
    };
    if path.is_dir() {
        return Err(LedgerError::Io { path: name.to_string(), message: "is a directory".into() });
    }
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(LedgerError::Io { path: name.to_string(), message: e.to_string() }),
        }
    }
    if read == 0 {
        return Ok(false);
    }
    if &head[..read] != b"SQLite format 3\0" {
        return Err(LedgerError::NotADatabase { path: name.to_string() });
    }
    Ok(true)
}

fn classify(path: &str, waited: Duration, e: rusqlite::Error) -> LedgerError {
    let path = path.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => LedgerError::Locked { path, waited },
        Some(ErrorCode::NotADatabase) => LedgerError::NotADatabase { path },
        Some(ErrorCode::ReadOnly) => LedgerError::ReadOnly { path },
        Some(ErrorCode::CannotOpen) => LedgerError::Io { path, message: "cannot open the file".into() },
        _ => LedgerError::Sqlite { path, message: e.to_string() },
    }
}

/// The path of a ledger, for messages and defaults.
pub fn default_path() -> PathBuf {
    PathBuf::from("faithful-ledger.sqlite")
}
