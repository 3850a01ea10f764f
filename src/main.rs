//! The `faithful` command line: arguments, configuration, output and exit codes. Everything
//! else lives in the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use faithful::config::{self, FailOn, Settings};
use faithful::report::OutputFormat;

#[derive(Parser)]
#[command(name = "faithful", version, about = "Checks translated news before it is published")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles (files, directories, or - for stdin).
    Check(CheckArgs),
    /// List every rule: code, name, default severity, summary.
    Rules,
    /// Explain a rule: what it catches, why it matters, examples, how to silence it.
    Explain {
        /// Rule code (e.g. A401) or name.
        code: String,
    },
    /// The quote ledger: record who said what, and look it up.
    #[command(subcommand)]
    Ledger(LedgerCommand),
}

#[derive(Subcommand)]
enum LedgerCommand {
    /// Record the quotes and speakers of these texts.
    Add {
        /// Mark these texts as trusted (a wire service, the original).
        #[arg(long)]
        trusted: bool,
        /// The ledger file (default: `ledger` in faithful.toml, else faithful-ledger.sqlite).
        #[arg(long)]
        ledger: Option<PathBuf>,
        /// Files, directories (recursive) or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Who the ledger says said this, where and when.
    Find {
        /// The ledger file (default: `ledger` in faithful.toml, else faithful-ledger.sqlite).
        #[arg(long)]
        ledger: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FindFormat::Human)]
        format: FindFormat,
        /// Most entries to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// The statement, or part of it.
        text: String,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FindFormat {
    Human,
    Json,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files, directories (recursive) or - for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The original that a single input translates; turns on the cross-language rules (X...).
    #[arg(long)]
    source: Option<PathBuf>,
    /// Expected language of the checked text (ISO 639-1).
    #[arg(long)]
    lang: Option<String>,
    /// Language of the source (ISO 639-1).
    #[arg(long)]
    source_lang: Option<String>,
    /// Publication date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    published: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Write the report to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Comma-separated codes or prefixes to enable.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Comma-separated codes or prefixes to disable.
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_parser = ["error", "warning", "info", "never"])]
    fail_on: Option<String>,
    /// Compare every quote with this quote ledger (A404).
    #[arg(long, num_args = 0..=1, default_missing_value = "faithful-ledger.sqlite")]
    ledger: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("faithful: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules => {
            std::io::stdout().lock().write_all(rules_table().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { code } => {
            let Some(rule) = faithful::rules::find(code.trim()) else {
                bail!("no rule '{code}'{}; `faithful rules` lists them all", did_you_mean(&code));
            };
            std::io::stdout().lock().write_all(explain(rule).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ledger(command) => ledger(command),
    }
}

/// `faithful rules`: one aligned row per rule, from the rule table.
fn rules_table() -> String {
    let rules = faithful::rules::RULES;
    let name_w = rules.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
    let mut out = format!("{:<5} {:<name_w$} {:<8} summary\n", "code", "name", "severity");
    for r in rules {
        out.push_str(&format!(
            "{:<5} {:<name_w$} {:<8} {}\n",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary
        ));
    }
    out
}

/// `faithful explain CODE`: the rule's own documentation (its `//!` comment), under a title
/// line; the silencing hint is added when the documentation has none.
fn explain(rule: &faithful::rules::RuleInfo) -> String {
    let doc = rule.doc();
    let mut out =
        format!("{} {} (default severity: {})\n\n{}", rule.code, rule.name, rule.severity.as_str(), doc);
    if !doc.ends_with('\n') {
        out.push('\n');
    }
    if !doc.contains("## How to silence it") {
        out.push_str(&format!(
            "\n## How to silence it\n`--ignore {code}` on the command line, or `ignore = [\"{code}\"]` in faithful.toml.\n",
            code = rule.code
        ));
    }
    out
}

/// Rules whose code starts like the unknown one (`A4` → A401…A404), as a hint.
fn did_you_mean(code: &str) -> String {
    let code = code.trim().to_ascii_uppercase();
    let prefix = &code[..code.len().min(2)];
    let near: Vec<&str> = faithful::rules::RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !prefix.is_empty() && c.starts_with(prefix))
        .collect();
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", near.join(", "))
    }
}

/// A progress bar on stderr for batches that take longer than a second, and only when stderr
/// is a terminal: never in a pipe, a file or CI logs, never mixed into the report (stdout).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn start(documents: usize) -> Progress {
        use std::io::IsTerminal;
        let bar = (documents > 1 && std::io::stderr().is_terminal()).then(|| {
            // Two ticks per document: analysed, then checked.
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(2 * documents as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{spinner} checking {msg} [{bar:30}] {percent}% ({eta} left)",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.set_message(format!("{documents} documents"));
            bar
        });
        Progress { bar, start: std::time::Instant::now(), shown: std::sync::atomic::AtomicBool::new(false) }
    }

    fn tick(&self) {
        let Some(bar) = &self.bar else { return };
        bar.inc(1);
        if self.start.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let file = match config::discover(&cwd) {
        Some(path) => config::load(&path)?,
        None => config::FileConfig::default(),
    };
    let published = match (args.published, &file.published) {
        (Some(d), _) => Some(d),
        (None, Some(s)) => Some(parse_date(s).map_err(|e| anyhow::anyhow!("faithful.toml: published: {e}"))?),
        (None, None) => None,
    };
    let fail_on = match args.fail_on.as_deref() {
        Some(s) => FailOn::parse(s).unwrap_or_default(),
        None => file.fail_on.unwrap_or_default(),
    };
    let format = match (args.format, file.format.as_deref()) {
        (Some(f), _) => f,
        (None, Some(s)) => <OutputFormat as clap::ValueEnum>::from_str(s, true)
            .map_err(|_| anyhow::anyhow!("faithful.toml: unknown format '{s}'"))?,
        (None, None) => OutputFormat::Human,
    };
    let settings = Settings {
        select: if args.select.is_empty() { file.select.unwrap_or_default() } else { args.select },
        ignore: if args.ignore.is_empty() { file.ignore.unwrap_or_default() } else { args.ignore },
        severity: file.severity,
        fail_on,
        lang: args.lang.or(file.lang),
        source_lang: args.source_lang.or(file.source_lang),
        published,
    };
    settings.validate().map_err(anyhow::Error::msg)?;
    let ledger_path = args.ledger.clone().or(file.ledger.clone());
    if let Some(path) = &ledger_path {
        // A bad ledger fails before any analysis; the check opens it again to read.
        faithful::ledger::Ledger::open(path, faithful::ledger::Access::Read)?;
    }

    let mut loaded = faithful::input::load_paths(&args.paths);
    if let Some(source) = &args.source {
        let docs = loaded.iter().filter(|l| l.is_ok()).count();
        if docs != 1 {
            bail!("--source needs exactly one article to check, got {docs}");
        }
        if let Some(Ok(doc)) = loaded.iter_mut().find(|l| l.is_ok()) {
            if let Err(e) = faithful::input::attach_source(doc, source) {
                loaded.push(Err(e));
            }
        }
    }
    let progress = Progress::start(loaded.iter().filter(|l| l.is_ok()).count());
    let report = faithful::check::check_with_progress(
        loaded,
        &settings,
        |cross| match &ledger_path {
            Some(path) => cross.attach_ledger(path).map_err(|e| e.to_string()),
            None => Ok(()),
        },
        &|| progress.tick(),
    )
    .map_err(anyhow::Error::msg)?;
    progress.finish();

    let mut buffer = Vec::new();
    format.render(&report, &mut buffer)?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, &buffer).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => std::io::stdout().lock().write_all(&buffer)?,
    }

    if !report.errors.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let failed = report.worst().is_some_and(|s| settings.fail_on.fails(s));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The ledger file: the command line, else `ledger` in faithful.toml, else the default.
fn ledger_path(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(path) = given {
        return Ok(path);
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let file = match config::discover(&cwd) {
        Some(path) => config::load(&path)?,
        None => config::FileConfig::default(),
    };
    Ok(file.ledger.unwrap_or_else(faithful::ledger::default_path))
}

fn ledger(command: LedgerCommand) -> anyhow::Result<ExitCode> {
    use faithful::ledger::{Access, DocumentRecord, Ledger};
    match command {
        LedgerCommand::Add { trusted, ledger, paths } => {
            let path = ledger_path(ledger)?;
            // Open first: a bad ledger fails before any analysis.
            let mut ledger = Ledger::open(&path, Access::Write)?;
            let settings = Settings::default();
            let mut failed = 0;
            let mut docs = Vec::new();
            for item in faithful::input::load_paths(&paths) {
                match item {
                    Ok(doc) => docs.push(doc),
                    Err(e) => {
                        eprintln!("faithful: {e}");
                        failed += 1;
                    }
                }
            }
            use rayon::prelude::*;
            let records: Vec<DocumentRecord> = docs
                .par_iter()
                .map(|doc| {
                    let analysis = faithful::analysis::Analysis::new(doc, &settings);
                    DocumentRecord::from_analysis(doc, &analysis, trusted)
                })
                .collect();
            let added = ledger.add(&records)?;
            let replaced =
                if added.replaced > 0 { format!(" ({} replaced)", added.replaced) } else { String::new() };
            println!(
                "recorded {} quote(s) from {} document(s){replaced}{} in {}",
                added.quotes,
                added.documents,
                if trusted { " as trusted" } else { "" },
                path.display()
            );
            Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
        LedgerCommand::Find { ledger, format, limit, text } => {
            let path = ledger_path(ledger)?;
            let ledger = Ledger::open(&path, Access::Read)?;
            let found = ledger.find(&text, limit)?;
            let mut out = std::io::stdout().lock();
            match format {
                FindFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &found)?;
                    writeln!(out)?;
                }
                FindFormat::Human if found.is_empty() => writeln!(out, "not in the ledger: {text}")?,
                FindFormat::Human => {
                    for e in &found {
                        writeln!(out, "{}", e.speaker)?;
                        writeln!(out, "  \u{201c}{}\u{201d}", e.text)?;
                        let mut about = vec![e.language.clone()];
                        about.extend(e.published.clone());
                        if e.trusted {
                            about.push("trusted".into());
                        }
                        writeln!(out, "  {} ({})", e.location(), about.join(", "))?;
                    }
                }
            }
            // Like grep: 1 when nothing was found.
            Ok(if found.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
    }
}
