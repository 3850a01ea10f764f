//! The quote ledger: the SQLite store (round trip, replacement, migrations, bad files, locks,
//! atomicity), the command line (`ledger add`, `ledger find`, `check --ledger`), and A404
//! across the documents of a batch.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use faithful::analysis::quotes::{Quote, SpeakerRef};
use faithful::analysis::Analysis;
use faithful::config::Settings;
use faithful::crossdoc::CrossDocuments;
use faithful::document::Document;
use faithful::ledger::{schema, Access, DocumentRecord, Ledger, LedgerError, QuoteRecord};
use faithful::rules::{self, Context};
use faithful::span::{Position, Span};

/// A fresh, empty directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("faithful-ledger-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn record(key: &str, trusted: bool, quotes: &[(&str, &str)]) -> DocumentRecord {
    DocumentRecord {
        key: key.into(),
        path: format!("{key}.txt"),
        id: None,
        title: None,
        language: "en".into(),
        published: chrono::NaiveDate::from_ymd_opt(2025, 4, 3),
        trusted,
        quotes: quotes
            .iter()
            .enumerate()
            .map(|(i, (speaker, text))| QuoteRecord {
                text: text.to_string(),
                speaker: speaker.to_string(),
                span: Span::new(10 * i, 10 * i + text.len()),
                position: Position { line: i + 1, column: 2 },
            })
            .collect(),
    }
}

const DEAL: &str = "We will not accept any deal that leaves the border villages undefended";
const BUDGET: &str = "The budget for rural schools will double over the next three years";

#[test]
fn add_then_find_who_said_it() {
    let dir = temp_dir("roundtrip");
    let path = dir.join("l.sqlite");
    let mut ledger = Ledger::open(&path, Access::Write).unwrap();
    let added = ledger
        .add(&[
            record("wire", true, &[("Anna Kovacs", DEAL)]),
            record("paper", false, &[("Piotr Laski", BUDGET), ("Anna Kovacs", "No.")]),
        ])
        .unwrap();
    assert_eq!((added.documents, added.quotes, added.replaced), (2, 3, 0));
    drop(ledger);

    let ledger = Ledger::open(&path, Access::Read).unwrap();
    // A trimmed, re-punctuated fragment.
    let found = ledger.find("«will not accept any deal that leaves the border villages»", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].speaker, "Anna Kovacs");
    assert_eq!(found[0].path, "wire.txt");
    assert!(found[0].trusted);
    assert_eq!(found[0].published.as_deref(), Some("2025-04-03"));
    // A word or two: found by scanning.
    let found = ledger.find("rural schools", 10).unwrap();
    assert_eq!(found.iter().map(|e| e.speaker.as_str()).collect::<Vec<_>>(), ["Piotr Laski"]);
    assert!(ledger.find("nobody said this at all, ever, anywhere", 10).unwrap().is_empty());
    assert!(ledger.find("...", 10).unwrap().is_empty());
    // Statement matching: edited wording matches, a generic short quote does not.
    let edited = faithful::ledger::Tokens::new(
        "“We will NOT accept any deal which leaves the border villages undefended.”",
    );
    assert_eq!(ledger.matches(&edited).unwrap().len(), 1);
    assert!(ledger.matches(&faithful::ledger::Tokens::new("No.")).unwrap().is_empty());
}

#[test]
fn adding_a_document_again_replaces_it() {
    let dir = temp_dir("replace");
    let path = dir.join("l.sqlite");
    let mut ledger = Ledger::open(&path, Access::Write).unwrap();
    ledger.add(&[record("wire", false, &[("Anna Kovacs", DEAL)])]).unwrap();
    let again = ledger.add(&[record("wire", false, &[("Piotr Laski", BUDGET)])]).unwrap();
    assert_eq!(again.replaced, 1);
    let stats = ledger.stats().unwrap();
    assert_eq!((stats.documents, stats.quotes), (1, 1));
    // The old quote is gone from the index too.
    assert!(ledger.find(DEAL, 10).unwrap().is_empty());
    assert_eq!(ledger.find(BUDGET, 10).unwrap()[0].speaker, "Piotr Laski");
}

#[test]
fn trusted_entries_come_first() {
    let dir = temp_dir("trusted");
    let path = dir.join("l.sqlite");
    let mut ledger = Ledger::open(&path, Access::Write).unwrap();
    ledger
        .add(&[
            record("blog", false, &[("Piotr Laski", DEAL)]),
            record("wire", true, &[("Anna Kovacs", DEAL)]),
        ])
        .unwrap();
    let found = ledger.matches(&faithful::ledger::Tokens::new(DEAL)).unwrap();
    assert_eq!(found.iter().map(|e| e.speaker.as_str()).collect::<Vec<_>>(), ["Anna Kovacs", "Piotr Laski"]);
}

fn assert_untouched(path: &Path, before: &[u8]) {
    assert_eq!(std::fs::read(path).unwrap(), before, "{} was modified", path.display());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = temp_dir("notdb");
    let path = dir.join("notes.txt");
    std::fs::write(&path, "These are my notes, not a database.\n").unwrap();
    for access in [Access::Read, Access::Write] {
        let err = Ledger::open(&path, access).unwrap_err();
        assert!(matches!(err, LedgerError::NotADatabase { .. }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains("notes.txt") && message.contains("not a SQLite database"), "{message}");
    }
    assert_untouched(&path, b"These are my notes, not a database.\n");
}

#[test]
fn another_applications_database_is_refused() {
    let dir = temp_dir("foreign");
    let path = dir.join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    for access in [Access::Read, Access::Write] {
        let err = Ledger::open(&path, access).unwrap_err();
        assert!(matches!(err, LedgerError::Foreign { .. }), "{err:?}");
        assert!(err.to_string().contains("other.sqlite"));
    }
    assert_untouched(&path, &before);
}

#[test]
fn a_ledger_from_a_newer_version_is_refused() {
    let dir = temp_dir("newer");
    let path = dir.join("l.sqlite");
    Ledger::open(&path, Access::Write).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", schema::VERSION + 1).unwrap();
    }
    for access in [Access::Read, Access::Write] {
        let err = Ledger::open(&path, access).unwrap_err();
        assert!(matches!(err, LedgerError::Newer { .. }), "{err:?}");
        assert!(err.to_string().contains("newer"), "{err}");
    }
}

#[test]
fn a_ledger_from_an_older_version_is_upgraded_when_written() {
    const { assert!(schema::VERSION >= 2, "test needs an older version to start from") };
    let dir = temp_dir("older");
    let path = dir.join("l.sqlite");
    {
        // A version-1 ledger with one quote, as an older faithful wrote it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO document (id, key, path, language, trusted) VALUES (1, 'k', 'old.txt', 'en', 1)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO quote (id, document, text, speaker, start, end, line, col) VALUES (1, 1, ?1, 'Anna Kovacs', 0, 5, 1, 1)",
            [DEAL],
        )
        .unwrap();
        for key in faithful::ledger::shingle_keys(DEAL) {
            conn.execute("INSERT OR IGNORE INTO shingle (hash, quote) VALUES (?1, 1)", [key]).unwrap();
        }
    }
    // Reading needs the upgrade first, and says so.
    let err = Ledger::open(&path, Access::Read).unwrap_err();
    assert!(matches!(err, LedgerError::NeedsUpgrade { found: 1, .. }), "{err:?}");
    // Writing upgrades it, keeping its contents.
    let ledger = Ledger::open(&path, Access::Write).unwrap();
    drop(ledger);
    let ledger = Ledger::open(&path, Access::Read).unwrap();
    assert_eq!(ledger.find(DEAL, 5).unwrap()[0].speaker, "Anna Kovacs");
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(version, schema::VERSION);
}

#[test]
fn a_missing_ledger_is_an_error_for_reading_and_created_for_writing() {
    let dir = temp_dir("missing");
    let path = dir.join("nope.sqlite");
    let err = Ledger::open(&path, Access::Read).unwrap_err();
    assert!(matches!(err, LedgerError::Missing { .. }), "{err:?}");
    assert!(err.to_string().contains("nope.sqlite") && err.to_string().contains("ledger add"));
    assert!(!path.exists(), "reading must not create the file");
    Ledger::open(&path, Access::Write).unwrap();
    assert!(path.exists());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_locked_ledger_waits_then_fails_cleanly() {
    let dir = temp_dir("locked");
    let path = dir.join("l.sqlite");
    Ledger::open(&path, Access::Write).unwrap().add(&[record("a", false, &[("Anna Kovacs", DEAL)])]).unwrap();
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE; INSERT INTO meta VALUES ('holding', 'yes');").unwrap();

    let mut writer = Ledger::open_with_timeout(&path, Access::Write, Duration::from_millis(200)).unwrap();
    let err = writer.add(&[record("b", false, &[("Piotr Laski", BUDGET)])]).unwrap_err();
    assert!(matches!(err, LedgerError::Locked { .. }), "{err:?}");
    assert!(err.to_string().contains("locked") && err.to_string().contains("l.sqlite"), "{err}");

    // Readers are not blocked by the writer (WAL).
    let reader = Ledger::open_with_timeout(&path, Access::Read, Duration::from_millis(200)).unwrap();
    assert_eq!(reader.find(DEAL, 5).unwrap().len(), 1);

    holder.execute_batch("ROLLBACK").unwrap();
    writer.add(&[record("b", false, &[("Piotr Laski", BUDGET)])]).unwrap();
    assert_eq!(reader.find(BUDGET, 5).unwrap().len(), 1);
}

#[test]
fn a_failed_add_writes_nothing() {
    let dir = temp_dir("atomic");
    let path = dir.join("l.sqlite");
    Ledger::open(&path, Access::Write).unwrap().add(&[record("a", false, &[("Anna Kovacs", DEAL)])]).unwrap();
    {
        // Make the second document of the next batch fail half-way.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER fail AFTER INSERT ON quote WHEN NEW.speaker = 'Boom'
             BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;",
        )
        .unwrap();
    }
    let mut ledger = Ledger::open(&path, Access::Write).unwrap();
    let err = ledger
        .add(&[record("b", false, &[("Piotr Laski", BUDGET)]), record("c", false, &[("Boom", "x y z")])])
        .unwrap_err();
    assert!(err.to_string().contains("simulated failure"), "{err}");
    let stats = ledger.stats().unwrap();
    assert_eq!((stats.documents, stats.quotes), (1, 1));
    assert!(ledger.find(BUDGET, 5).unwrap().is_empty());
}

#[test]
fn a_read_only_ledger_can_be_read_but_not_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("readonly");
    let path = dir.join("l.sqlite");
    Ledger::open(&path, Access::Write).unwrap().add(&[record("a", false, &[("Anna Kovacs", DEAL)])]).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    if std::fs::OpenOptions::new().append(true).open(&path).is_ok() {
        eprintln!("skipped: running with permissions that ignore read-only files (root)");
        return;
    }
    let err = Ledger::open(&path, Access::Write).unwrap_err();
    assert!(matches!(err, LedgerError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("read-only"));
    assert_eq!(Ledger::open(&path, Access::Read).unwrap().find(DEAL, 5).unwrap().len(), 1);
}

// ---- A404 within a batch, on hand-built analyses (independent of quote extraction) ----

/// A document whose analysis holds the given `(speaker, quote)` pairs, quoted in its text.
fn doc_with_quotes(path: &str, quotes: &[(&str, &str)]) -> (Document, Analysis) {
    let mut text = String::new();
    let mut analysis = Analysis::default();
    for (speaker, quote) in quotes {
        text.push('"');
        let start = text.len();
        text.push_str(quote);
        let end = text.len();
        text.push_str("\", said ");
        let mention = Span::new(text.len(), text.len() + speaker.len());
        text.push_str(speaker);
        text.push_str(".\n\n");
        analysis.quotes.quotes.push(Quote {
            span: Span::new(start, end),
            closed: true,
            speaker: Some(SpeakerRef {
                name: speaker.to_string(),
                mention,
                person: None,
                ..Default::default()
            }),
            cue: Some("said".into()),
            ..Default::default()
        });
    }
    analysis.text.lines = faithful::span::LineIndex::new(&text);
    (Document::from_text(path, text), analysis)
}

/// Runs only A404 over a hand-built batch; returns `(document index, message, evidence notes)`.
fn a404(batch: &[(Document, Analysis)], cross: &CrossDocuments) -> Vec<(usize, String, Vec<String>)> {
    let settings = Settings { select: vec!["A404".into()], ..Default::default() };
    let mut out = Vec::new();
    for (index, (doc, analysis)) in batch.iter().enumerate() {
        let ctx = Context { doc, analysis, settings: &settings, cross, index };
        for f in rules::run(&ctx) {
            assert_eq!(f.code, "A404");
            out.push((
                index,
                f.diagnostic.message.clone(),
                f.diagnostic.evidence.iter().map(|e| e.note.clone()).collect(),
            ));
        }
    }
    out
}

fn cross_of(batch: &[(Document, Analysis)]) -> CrossDocuments {
    let pairs: Vec<(&Document, &Analysis)> = batch.iter().map(|(d, a)| (d, a)).collect();
    CrossDocuments::build(&pairs)
}

#[test]
fn batch_flags_the_one_article_that_credits_someone_else() {
    let batch = vec![
        doc_with_quotes("wire.txt", &[("Anna Kovacs", DEAL)]),
        doc_with_quotes(
            "a.txt",
            &[("Kovacs", "we will not accept any deal that leaves the border villages undefended...")],
        ),
        doc_with_quotes(
            "b.txt",
            &[("Piotr Laski", "«We will not accept any deal that leaves the border villages undefended»")],
        ),
        doc_with_quotes(
            "c.txt",
            &[("Anna Kovács", "We won't accept any deal that leaves the border villages undefended.")],
        ),
    ];
    let found = a404(&batch, &cross_of(&batch));
    assert_eq!(found.len(), 1, "{found:#?}");
    let (doc, message, evidence) = &found[0];
    assert_eq!(*doc, 2);
    assert!(message.contains("Piotr Laski") && message.contains("Anna Kovacs"), "{message}");
    assert!(!evidence.is_empty() && evidence.iter().all(|n| n.contains("Kov")), "{evidence:?}");
}

#[test]
fn batch_with_two_conflicting_articles_flags_both() {
    let batch = vec![
        doc_with_quotes("a.txt", &[("Anna Kovacs", DEAL)]),
        doc_with_quotes("b.txt", &[("Piotr Laski", DEAL)]),
    ];
    let found = a404(&batch, &cross_of(&batch));
    assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), [0, 1], "{found:#?}");
}

#[test]
fn batch_stays_silent_on_same_speaker_generic_quotes_and_one_document() {
    let batch = vec![
        // Same speaker, spelled and transliterated differently.
        doc_with_quotes(
            "a.txt",
            &[("Volodymyr Zelensky", "We will not give in to pressure and we will defend every village")],
        ),
        doc_with_quotes(
            "b.txt",
            &[("Зеленский", "We will not give in to pressure and we will defend every village")],
        ),
        doc_with_quotes(
            "c.txt",
            &[("Zelenskyy", "will not give in to pressure and we will defend every village ...")],
        ),
        // Generic short statements by different people.
        doc_with_quotes("d.txt", &[("Anna Kovacs", "We will see."), ("Piotr Laski", "No.")]),
        doc_with_quotes("e.txt", &[("Piotr Laski", "We will see."), ("Anna Kovacs", "No.")]),
        // Different speakers, different statements.
        doc_with_quotes("f.txt", &[("Anna Kovacs", DEAL), ("Piotr Laski", BUDGET)]),
        // The same statement twice in one document under two names is A402's business.
        doc_with_quotes(
            "g.txt",
            &[
                ("Maria Ortiz", "Negotiations collapsed over the demarcation of the northern border"),
                ("Luis Vega", "Negotiations collapsed over the demarcation of the northern border"),
            ],
        ),
    ];
    let found = a404(&batch, &cross_of(&batch));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn batch_matches_a_quote_cut_in_two() {
    let batch = vec![
        doc_with_quotes("a.txt", &[("Anna Kovacs", "We will not accept any deal that leaves the border villages undefended, and we will say so in Brussels next week")]),
        doc_with_quotes("b.txt", &[("Piotr Laski", "We will not accept any deal that leaves the border villages undefended"), ("Piotr Laski", "we will say so in Brussels next week")]),
    ];
    let found = a404(&batch, &cross_of(&batch));
    let in_b = found.iter().filter(|f| f.0 == 1).count();
    assert_eq!(in_b, 2, "{found:#?}");
    assert!(found.iter().any(|f| f.0 == 0));
}

#[test]
fn ledger_trusted_entry_decides() {
    let dir = temp_dir("crossledger");
    let path = dir.join("l.sqlite");
    let mut ledger = Ledger::open(&path, Access::Write).unwrap();
    ledger
        .add(&[
            record("wire", true, &[("Anna Kovacs", DEAL)]),
            // Untrusted entries disagreeing with the wire do not outvote it.
            record("blog1", false, &[("Piotr Laski", DEAL)]),
            record("blog2", false, &[("Piotr Laski", DEAL)]),
        ])
        .unwrap();
    drop(ledger);
    let batch = vec![
        doc_with_quotes("right.txt", &[("Kovacs", DEAL)]),
        doc_with_quotes("wrong.txt", &[("Olga Nemeth", BUDGET), ("Piotr Laski", DEAL)]),
    ];
    let mut cross = cross_of(&batch);
    cross.attach_ledger(&path).unwrap();
    let found = a404(&batch, &cross);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (doc, message, evidence) = &found[0];
    assert_eq!(*doc, 1);
    assert!(message.contains("trusted source") && message.contains("Anna Kovacs"), "{message}");
    assert!(evidence[0].contains("Anna Kovacs") && evidence[0].contains("trusted"), "{evidence:?}");
}

#[test]
fn ledger_entries_of_the_checked_documents_themselves_are_ignored() {
    let dir = temp_dir("selfledger");
    let path = dir.join("l.sqlite");
    let batch = vec![doc_with_quotes("only.txt", &[("Piotr Laski", DEAL)])];
    // The ledger holds an older version of this very document, crediting someone else.
    let mut old = record("x", false, &[("Anna Kovacs", DEAL)]);
    old.key = faithful::ledger::document_key(&batch[0].0);
    Ledger::open(&path, Access::Write).unwrap().add(&[old]).unwrap();
    let mut cross = cross_of(&batch);
    cross.attach_ledger(&path).unwrap();
    assert!(a404(&batch, &cross).is_empty());
}

// ---- the command line ----

fn faithful(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_faithful")).args(args).current_dir(cwd).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_bad_ledgers_are_usage_errors_naming_the_file() {
    let dir = temp_dir("cli-bad");
    std::fs::write(dir.join("article.txt"), "Title\n\nSome text.\n").unwrap();
    std::fs::write(dir.join("notes.sqlite"), "not a database").unwrap();
    let (code, _, err) = faithful(&["check", "--ledger", "missing.sqlite", "article.txt"], &dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("missing.sqlite") && err.contains("ledger add"), "{err}");
    let (code, _, err) = faithful(&["ledger", "find", "--ledger", "notes.sqlite", "anything"], &dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("notes.sqlite") && err.contains("not a SQLite database"), "{err}");
    let (code, _, err) = faithful(&["ledger", "add", "--ledger", "notes.sqlite", "article.txt"], &dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("notes.sqlite"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.join("notes.sqlite")).unwrap(), "not a database");
    // `--ledger` without a value means faithful-ledger.sqlite.
    let (code, _, err) = faithful(&["check", "article.txt", "--ledger"], &dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("faithful-ledger.sqlite"), "{err}");
}

#[test]
fn cli_add_and_find_use_the_default_or_configured_ledger() {
    let dir = temp_dir("cli-add");
    std::fs::write(dir.join("article.txt"), "Title\n\nSome text without quotes.\n").unwrap();
    let (code, out, err) = faithful(&["ledger", "add", "--trusted", "article.txt", "missing.txt"], &dir);
    assert_eq!(code, 2, "a missing input is reported: {err}");
    assert!(err.contains("missing.txt"), "{err}");
    assert!(out.contains("1 document(s)") && out.contains("trusted"), "{out}");
    assert!(dir.join("faithful-ledger.sqlite").exists());
    let (code, out, _) = faithful(&["ledger", "find", "some text without quotes"], &dir);
    assert_eq!(code, 1);
    assert!(out.contains("not in the ledger"), "{out}");
    let (code, out, _) = faithful(&["ledger", "find", "--format", "json", "anything"], &dir);
    assert_eq!((code, out.trim()), (1, "[]"));
    // faithful.toml's `ledger` is used by every ledger command.
    std::fs::write(dir.join("faithful.toml"), "ledger = \"team.sqlite\"\n").unwrap();
    let (code, _, err) = faithful(&["ledger", "add", "article.txt"], &dir);
    assert_eq!(code, 0, "{err}");
    assert!(dir.join("team.sqlite").exists());
    let (code, _, err) = faithful(&["check", "article.txt"], &dir);
    assert!(code == 0 || code == 1, "check with the configured ledger runs: {err}");
}

#[test]
fn a_single_document_has_nothing_to_conflict_with() {
    use crate::common::{check_doc, check_text, codes};
    let text = "Title\n\n\"We will not accept any deal that leaves the border villages undefended,\" Anna Kovacs said.\n";
    assert!(!codes(&check_text(text)).contains(&"A404"));
    let settings = Settings { select: vec!["A404".into()], ..Default::default() };
    assert!(codes(&check_doc(Document::from_text("one.txt", text), &settings)).is_empty());
}

#[test]
fn cli_end_to_end_wire_recorded_then_translation_checked() {
    let dir = temp_dir("cli-e2e");
    std::fs::write(
        dir.join("wire.txt"),
        "Border talks stall\n\nVienna, 4 March 2025\n\n\"We will not accept any deal that leaves the border villages undefended,\" Foreign Minister Anna Kovacs told reporters.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("right.txt"),
        "No deal\n\nAnna Kovacs said: \"we will not accept any deal that leaves the border villages undefended.\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("wrong.txt"),
        "Proposal rejected\n\n\u{201c}We will not accept any deal which leaves the border villages undefended\u{201d}, Prime Minister Piotr Laski said.\n",
    )
    .unwrap();
    let (code, out, err) = faithful(&["ledger", "add", "--trusted", "wire.txt"], &dir);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("recorded 1 quote(s) from 1 document(s) as trusted"), "{out}");

    let (code, out, _) = faithful(&["ledger", "find", "will not accept any deal"], &dir);
    assert_eq!(code, 0);
    assert!(out.contains("Anna Kovacs") && out.contains("wire.txt") && out.contains("2025-03-04"), "{out}");
    assert!(out.contains("trusted"), "{out}");
    let (code, out, _) = faithful(&["ledger", "find", "--format", "json", "WILL NOT ACCEPT ANY DEAL"], &dir);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["speaker"], "Anna Kovacs");
    assert_eq!(json[0]["trusted"], true);

    // Each checked alone against the ledger: only the wrong one is flagged.
    let (code, out, err) =
        faithful(&["check", "--ledger", "--select", "A404", "--format", "json", "right.txt"], &dir);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) =
        faithful(&["check", "--ledger", "--select", "A404", "--format", "json", "wrong.txt"], &dir);
    assert_eq!(code, 1, "{out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let finding = &report["documents"][0]["findings"][0];
    assert_eq!(finding["code"], "A404");
    assert!(finding["message"].as_str().unwrap().contains("Anna Kovacs"), "{finding}");
    assert!(finding["message"].as_str().unwrap().contains("trusted source"), "{finding}");
    let evidence = &finding["evidence"][0];
    assert_eq!(evidence["path"], "wire.txt");
    assert!(evidence["text"].as_str().unwrap().starts_with("We will not accept"), "{evidence}");
    assert_eq!(evidence["span"]["line"], 5);
    // Without the ledger, the wrong article alone has nothing to conflict with.
    let (code, _, _) = faithful(&["check", "--select", "A404", "wrong.txt"], &dir);
    assert_eq!(code, 0);
    // Checking the wire itself against the ledger it is in: its own entry does not count.
    let (code, out, _) = faithful(&["check", "--ledger", "--select", "A404", "wire.txt"], &dir);
    assert_eq!(code, 0, "{out}");
}
