//! The ledger's schema and its versioned migrations. `PRAGMA user_version` holds the version a
//! ledger is at; `PRAGMA application_id` marks the file as a faithful ledger, so another
//! program's SQLite database is refused instead of being written into.

/// `PRAGMA application_id` of a faithful ledger: "FQLG".
pub const APPLICATION_ID: i32 = 0x4651_4c47;

/// Migration `i` takes a ledger from version `i` to `i + 1`. Append only: a released
/// migration never changes, since ledgers in the wild are at every version.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, their quotes, and the shingle index that finds candidate quotes.
    "CREATE TABLE document (
        id        INTEGER PRIMARY KEY,
        key       TEXT NOT NULL UNIQUE,   -- document id if it has one, else its canonical path
        path      TEXT NOT NULL,          -- the path as given to `ledger add`
        doc_id    TEXT,                   -- id of a feed item
        title     TEXT,
        language  TEXT NOT NULL,          -- ISO 639-1 or 'und'
        published TEXT,                   -- YYYY-MM-DD
        trusted   INTEGER NOT NULL        -- 1 for a wire service, an original
    );
    CREATE TABLE quote (
        id       INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES document(id),
        text     TEXT NOT NULL,
        speaker  TEXT NOT NULL,
        start    INTEGER NOT NULL,        -- byte span in the document's text
        end      INTEGER NOT NULL,
        line     INTEGER NOT NULL,
        col      INTEGER NOT NULL
    );
    CREATE INDEX quote_document ON quote(document);
    CREATE TABLE shingle (
        hash  INTEGER NOT NULL,
        quote INTEGER NOT NULL,
        PRIMARY KEY (hash, quote)
    ) WITHOUT ROWID;",
    // 2: a key-value table for ledger-wide facts (the shingle scheme, so a future change of
    // tokenisation can tell that the index must be rebuilt).
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    INSERT INTO meta (key, value) VALUES ('shingles', 'content-word-pairs-fnv1a-top31-v1');",
];

/// The version this build writes and reads.
pub const VERSION: i64 = MIGRATIONS.len() as i64;
