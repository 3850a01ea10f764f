//! The HTML report: hostile articles are shown as text, and the page works in a real browser.
//!
//! The browser tests run headless Chromium (Debian's `chromium`; `.ci/run` installs it). On a
//! machine without it they say so and pass without running: set `FAITHFUL_REQUIRE_BROWSER=1`
//! to make a missing browser a failure instead. `FAITHFUL_UPDATE_SCREENSHOT=1` also writes the
//! screenshot to `docs/report.png`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use faithful::config::Settings;
use faithful::document::Document;
use faithful::finding::Severity;
use faithful::report::{OutputFormat, Report};

use crate::common::{check_doc, root};
use crate::report::{render, sample_report};

const HOSTILE: &str = "Breaking <script>document.title='pwned';window.pwned=1</script> news\n\n\
<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> The minister said \u{202e}gnp.exe\u{202c} was safe.\n\
<style>body{display:none}</style><a href=\"javascript:alert(1)\">click</a> &amp; &lt;b&gt; \u{200b}zero\u{2066}width\u{2069}\n";

fn hostile_report() -> Report {
    let mut report = check_doc(Document::from_text("hostile<script>.txt", HOSTILE), &Settings::default());
    // Findings of our own on the hostile spans, whatever the rules find today.
    let text = HOSTILE;
    let lines = faithful::span::LineIndex::new(text);
    let d = &mut report.documents[0];
    for (needle, code) in [("<script>", "T704"), ("\u{202e}", "U203"), ("<img", "Q302")] {
        let start = text.find(needle).unwrap();
        let span = faithful::report::span_field(
            text,
            &lines,
            faithful::span::Span::new(start, start + needle.len()),
        );
        d.findings.push(faithful::report::FindingField {
            code: faithful::rules::find(code).unwrap().code,
            rule: faithful::rules::find(code).unwrap().name,
            severity: Severity::Warning,
            message: format!(
                "hostile <b>{needle}</b> \u{202e}message</script><script>window.pwned=2</script>"
            ),
            span,
            text: needle.to_string(),
            evidence: Vec::new(),
            suggestion: Some("<img src=x onerror=alert(3)>".to_string()),
        });
    }
    d.findings.sort_by_key(|f| (f.span.start, f.span.end));
    report.summary.findings = faithful::report::Counts::default();
    for f in report.documents.iter().flat_map(|d| &d.findings) {
        report.summary.findings.add(f.severity);
    }
    report
}

#[test]
fn markup_and_scripts_in_articles_are_shown_as_text() {
    let html = render(&hostile_report(), OutputFormat::Html);
    // Exactly one script element: the page's own.
    assert_eq!(html.matches("<script").count(), 1, "a script tag from the article reached the page");
    assert_eq!(html.matches("<style").count(), 1, "a style tag from the article reached the page");
    assert!(!html.contains("<img"), "an img tag from the article reached the page");
    assert!(!html.contains("<a href=\"javascript"), "a link from the article reached the page");
    assert!(html.contains("document.title=&#39;pwned&#39;;window.pwned=1&lt;/script&gt;"));
    assert!(html.contains("hostile&lt;script&gt;.txt"), "the path is escaped too");
    // Bidi and zero-width characters are visible markers, never raw.
    for c in ['\u{202e}', '\u{202c}', '\u{200b}', '\u{2066}', '\u{2069}'] {
        assert!(!html.contains(c), "raw U+{:04X} in the page", c as u32);
    }
    assert!(html.contains("&lt;U+202E&gt;"));
    // No network: the policy allows nothing but the page's own script and style.
    assert!(html.contains("default-src 'none'"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "the page refers to something outside itself"
    );
}

#[test]
fn every_finding_is_highlighted_once_per_id() {
    let report = sample_report();
    let html = render(&report, OutputFormat::Html);
    let ids = highlighted_ids(&html, false);
    let total: usize = report.documents.iter().map(|d| d.findings.len()).sum();
    assert_eq!(ids.len(), total, "highlighted finding ids: {ids:?}");
    assert_eq!(html.matches("<li class=\"finding ").count(), total);
    // Source evidence is highlighted in the source pane.
    assert!(html.contains("<div class=\"text source\" lang=\"de\">"));
    assert!(html.contains("<span class=\"ev\" data-ev=\""), "evidence not marked");
}

/// Distinct finding ids on `<mark class="hl ...">` elements (all, or only those not `off`).
fn highlighted_ids(html: &str, only_on: bool) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    for piece in html.split("<mark ").skip(1) {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        let class = attr(tag, "class").unwrap_or_default();
        if !class.split(' ').any(|c| c == "hl") || (only_on && class.split(' ').any(|c| c == "off")) {
            continue;
        }
        for id in attr(tag, "data-f").unwrap_or_default().split(' ') {
            ids.insert(id.to_string());
        }
    }
    ids
}

/// Ids of the findings listed and not hidden.
fn visible_ids(dom: &str) -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    for piece in dom.split("<li ").skip(1) {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        if attr(tag, "class").is_some_and(|c| c.starts_with("finding")) && !tag.contains(" hidden") {
            ids.extend(attr(tag, "data-f"));
        }
    }
    ids
}

/// Every highlighted mark belongs to at least one visible finding, and every mark of a
/// visible finding is highlighted.
fn assert_only_visible_findings_light_marks(dom: &str, visible: &std::collections::BTreeSet<String>) {
    for piece in dom.split("<mark ").skip(1) {
        let tag = &piece[..piece.find('>').unwrap_or(piece.len())];
        let class = attr(tag, "class").unwrap_or_default();
        let on = !class.split(' ').any(|c| c == "off");
        let ids = attr(tag, "data-f").unwrap_or_default();
        let any_visible = ids.split(' ').any(|id| visible.contains(id));
        assert_eq!(on, any_visible, "mark {tag}");
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn body_attr(dom: &str, name: &str) -> Option<String> {
    let body = &dom[dom.find("<body")?..];
    attr(&body[..body.find('>')?], name)
}

// --- the browser ---

fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = Command::new("sh").arg("-c").arg(format!("command -v {name}")).output() {
            let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if out.status.success() && !path.is_empty() {
                return Some(PathBuf::from(path));
            }
        }
    }
    None
}

fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        if std::env::var_os("FAITHFUL_REQUIRE_BROWSER").is_some() {
            panic!("no chromium on PATH and FAITHFUL_REQUIRE_BROWSER is set");
        }
        eprintln!("SKIPPED: headless browser tests need `chromium` on PATH (apt-get install chromium); .ci/run installs it");
    }
    found
}

static RUN: AtomicUsize = AtomicUsize::new(0);

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "html-{}-{}-{name}",
        std::process::id(),
        RUN.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on a page with a fresh profile; returns stdout.
fn chromium_run(browser: &Path, dir: &Path, extra: &[&str], url: &str) -> String {
    let profile = dir.join(format!("profile-{}", RUN.fetch_add(1, Ordering::SeqCst)));
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "chromium failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn page_file(dir: &Path, report: &Report) -> PathBuf {
    let path = dir.join("report.html");
    std::fs::write(&path, render(report, OutputFormat::Html)).unwrap();
    path
}

fn url(path: &Path, hash: &str) -> String {
    format!("file://{}{hash}", path.display())
}

#[test]
fn browser_shows_every_finding_and_filters_hide_what_they_should() {
    let Some(browser) = browser_or_skip() else { return };
    let dir = scratch("filters");
    let report = sample_report();
    let page = page_file(&dir, &report);
    let json: serde_json::Value = serde_json::from_str(&render(&report, OutputFormat::Json)).unwrap();
    let total: usize =
        json["documents"].as_array().unwrap().iter().map(|d| d["findings"].as_array().unwrap().len()).sum();
    let errors = json["summary"]["findings"]["error"].as_u64().unwrap() as usize;
    assert!(errors > 0 && errors < total, "the sample needs errors and others");

    // Unfiltered: the script ran (under the page's CSP) and every finding is highlighted.
    let dom = chromium_run(&browser, &dir, &["--dump-dom"], &url(&page, ""));
    assert_eq!(
        body_attr(&dom, "data-ready").as_deref(),
        Some("true"),
        "the page's script did not run:\n{dom}"
    );
    assert_eq!(highlighted_ids(&dom, true).len(), total);
    assert_eq!(body_attr(&dom, "data-highlighted-findings"), Some(total.to_string()));
    assert_eq!(body_attr(&dom, "data-visible-findings"), Some(total.to_string()));

    // Errors only: the others lose their highlight and their list entry.
    let dom = chromium_run(&browser, &dir, &["--dump-dom"], &url(&page, "#sev=error"));
    let visible = visible_ids(&dom);
    assert_eq!(visible.len(), errors);
    assert!(highlighted_ids(&dom, true).is_superset(&visible));
    assert_only_visible_findings_light_marks(&dom, &visible);
    assert_eq!(body_attr(&dom, "data-visible-findings"), Some(errors.to_string()));
    let hidden_items = dom.matches("<li class=\"finding ").count();
    assert_eq!(hidden_items, total, "list items are hidden, not removed");
    assert_eq!(
        dom.matches("data-sev=\"warning\" hidden").count() + dom.matches("data-sev=\"info\" hidden").count(),
        total - errors
    );

    // One rule by code prefix.
    let dom = chromium_run(&browser, &dir, &["--dump-dom"], &url(&page, "#rule=X8"));
    let x8 = json["documents"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("X8"))
        .count();
    let visible = visible_ids(&dom);
    assert_eq!(visible.len(), x8);
    assert_only_visible_findings_light_marks(&dom, &visible);

    // A click (here `#show=3`, the number mismatch) opens the finding with its evidence
    // highlighted in the source.
    let dom = chromium_run(&browser, &dir, &["--dump-dom"], &url(&page, "#show=3"));
    let aside = &dom[dom.find("<aside id=\"detail\"").unwrap()..];
    let aside = &aside[..aside.find("</aside>").unwrap()];
    assert!(!aside[..aside.find('>').unwrap()].contains("hidden"), "the detail panel stayed hidden");
    assert!(aside.contains("3.4 billion euros here, 3,5 Milliarden Euro in the source"), "{aside}");
    assert!(aside.contains("Suggestion: 3.5 billion euros"));
    assert!(
        dom.contains("<span class=\"ev active\" data-ev=\"3\">3,5 Milliarden Euro</span>"),
        "source evidence not lit"
    );

    // The screenshot people see in the README, with that finding open.
    let png = dir.join("report.png");
    chromium_run(
        &browser,
        &dir,
        &[&format!("--screenshot={}", png.display()), "--window-size=1280,1250", "--hide-scrollbars"],
        &url(&page, "#show=3"),
    );
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000, "not a real screenshot");
    if std::env::var_os("FAITHFUL_UPDATE_SCREENSHOT").is_some() {
        std::fs::create_dir_all(root().join("docs")).unwrap();
        std::fs::copy(&png, root().join("docs/report.png")).unwrap();
    }
}

#[test]
fn browser_renders_a_hostile_article_harmlessly() {
    let Some(browser) = browser_or_skip() else { return };
    let dir = scratch("hostile");
    let report = hostile_report();
    let page = page_file(&dir, &report);
    let dom = chromium_run(&browser, &dir, &["--dump-dom"], &url(&page, ""));
    assert_eq!(body_attr(&dom, "data-ready").as_deref(), Some("true"), "the page's script did not run");
    assert_eq!(body_attr(&dom, "data-pwned"), None, "an event handler from the article ran");
    assert!(!dom.contains("<title>pwned"), "a script from the article ran");
    assert!(!dom.contains("<img"), "the article's img became an element");
    assert!(
        dom.contains("document.title='pwned';window.pwned=1&lt;/script&gt;"),
        "the article's markup is not shown as text"
    );
    assert!(dom.contains("&lt;U+202E&gt;"), "the bidi override is not shown as a marker");
    assert_eq!(highlighted_ids(&dom, true).len(), report.documents[0].findings.len());
}

#[test]
fn bilingual_units_are_shown_side_by_side() {
    let report =
        crate::common::check_paths(&[Path::new("tests/fixtures/inputs/rail.xlf")], &Settings::default());
    assert_eq!(report.documents.len(), 1, "{:?}", report.errors);
    let d = &report.documents[0];
    assert_eq!(d.segments.len(), 2);
    let html = render(&report, OutputFormat::Html);
    let table = &html[html.find("<table class=\"aligned\">").expect("aligned table")..];
    let table = &table[..table.find("</table>").unwrap()];
    // A header row and one row per unit: the separators between units get no row.
    assert_eq!(table.matches("<tr").count(), 3, "{table}");
    let first = &table[table.find("<tr><td").unwrap()..];
    assert!(
        first.contains("The new tunnel under the Brenner pass") && first.contains("Der neue Tunnel"),
        "{first}"
    );
}

#[test]
fn other_formats_show_bidi_controls_in_messages_as_markers() {
    let report = hostile_report();
    let sarif: serde_json::Value = serde_json::from_str(&render(&report, OutputFormat::Sarif)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    let messages: Vec<&str> = results.iter().map(|r| r["message"]["text"].as_str().unwrap()).collect();
    assert!(messages.iter().all(|m| !m.contains('\u{202e}')), "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("<U+202E>")), "{messages:?}");
    for format in [OutputFormat::Human, OutputFormat::Github, OutputFormat::Markdown] {
        assert!(!render(&report, format).contains('\u{202e}'), "{format:?}");
    }
}
