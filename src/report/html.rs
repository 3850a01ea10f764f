//! `--format html`: one self-contained page for editors. Every document's text with each
//! finding highlighted by severity; a click on a highlight shows its message, evidence (also
//! highlighted in the text, or in the source beside it) and suggestion; filters by severity
//! and rule (also settable from the address: `report.html#sev=error,warning&rule=A4,X801`,
//! and `#show=3` opens the third finding);
//! counts per rule; a document list for batches; source and translation side by side, by
//! aligned segment when the input has them.
//!
//! Article text is untrusted. Everything from the report is escaped; invisible and bidi
//! control characters are shown as visible `<U+XXXX>` markers so they cannot reorder what the
//! editor reads; and a Content-Security-Policy allows no network access at all and only the
//! page's own script and style (by hash), so even a mistake in escaping could run nothing.
//! The page works without its script too: highlights carry their messages as tooltips and
//! every finding is listed under its document.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{human, invisible_name, DocumentReport, FindingField, Report};
use crate::finding::Severity;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");
/// `sha256-` + base64 of SHA-256 of STYLE and SCRIPT, for the Content-Security-Policy. A test
/// recomputes them (and says the new values when a file changed).
pub const STYLE_HASH: &str = "sha256-NQeqojlYEWDIZ674QRRTblgflPDXiZw5rWYnl04rrCI=";
pub const SCRIPT_HASH: &str = "sha256-wET1f2/RKKlF+Csjw/i+Uqe6bQX01YFqBbAW+gRzpW8=";

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(page(report).as_bytes())
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => match invisible_name(c) {
                Some(name) => {
                    let _ = write!(out, "&lt;{name}&gt;");
                }
                None => out.push(c),
            },
        }
    }
    out
}

/// Escapes article text for element content: like [`esc`], with invisible characters as a
/// styled marker (`<U+202E>`) the reader can spot.
fn esc_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c => match invisible_name(c) {
                Some(name) => {
                    let _ = write!(
                        out,
                        "<span class=\"inv\" title=\"invisible character {name}\">&lt;{name}&gt;</span>"
                    );
                }
                None => out.push(c),
            },
        }
    }
}

fn sev(s: Severity) -> &'static str {
    s.as_str()
}

/// Something to highlight in a text: a finding (by its number in the report) or the
/// evidence of one.
#[derive(Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    finding: usize,
    severity: Severity,
    evidence: bool,
}

/// Renders `text[from..to]` with every mark inside it: each stretch of text covered by the
/// same set of marks becomes one element, so overlapping findings stay readable and each
/// highlight lists all the findings it belongs to.
fn marked_text(
    text: &str,
    from: usize,
    to: usize,
    marks: &[Mark],
    titles: &BTreeMap<usize, String>,
    out: &mut String,
) {
    // Marks over this range (sorted by start) and findings on an empty span in it.
    let mut spans: Vec<&Mark> =
        marks.iter().filter(|m| m.start < m.end && m.start < to && m.end > from).collect();
    spans.sort_by_key(|m| (m.start, m.end, m.finding));
    let mut points: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start == m.end && !m.evidence && from <= m.start && m.start <= to)
        .collect();
    points.sort_by_key(|m| (m.start, m.finding));
    let mut cuts: Vec<usize> = vec![from, to];
    for m in &spans {
        cuts.push(m.start.clamp(from, to));
        cuts.push(m.end.clamp(from, to));
    }
    cuts.extend(points.iter().map(|m| m.start));
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // A sweep over the cuts: `active` holds the marks covering the current piece (every
    // start and end is a cut, so a mark active at a piece's start covers all of it).
    let (mut next, mut next_point) = (0, 0);
    let mut active: Vec<&Mark> = Vec::new();
    for (i, &a) in cuts.iter().enumerate() {
        // A finding on an empty span is a visible point marker where it is (a point at the
        // end of this range belongs to the next range, unless this is the end of the text).
        while next_point < points.len() && points[next_point].start <= a {
            let m = points[next_point];
            next_point += 1;
            if m.start == a && (a < to || to == text.len()) {
                let title = titles.get(&m.finding).map(String::as_str).unwrap_or("");
                let _ = write!(
                    out,
                    "<mark class=\"hl point sev-{}\" data-f=\"{}\" tabindex=\"0\" title=\"{}\">‸</mark>",
                    sev(m.severity),
                    m.finding,
                    esc(title)
                );
            }
        }
        let Some(&b) = cuts.get(i + 1) else { break };
        while next < spans.len() && spans[next].start <= a {
            active.push(spans[next]);
            next += 1;
        }
        active.retain(|m| m.end > a);
        let mut findings: Vec<usize> = active.iter().filter(|m| !m.evidence).map(|m| m.finding).collect();
        findings.sort_unstable();
        findings.dedup();
        let mut evidence: Vec<usize> = active.iter().filter(|m| m.evidence).map(|m| m.finding).collect();
        evidence.sort_unstable();
        evidence.dedup();
        let ev_attr =
            if evidence.is_empty() { String::new() } else { format!(" data-ev=\"{}\"", join(&evidence)) };
        if findings.is_empty() && evidence.is_empty() {
            esc_text(&text[a..b], out);
        } else if findings.is_empty() {
            let _ = write!(out, "<span class=\"ev\"{ev_attr}>");
            esc_text(&text[a..b], out);
            out.push_str("</span>");
        } else {
            let worst =
                active.iter().filter(|m| !m.evidence).map(|m| m.severity).max().unwrap_or(Severity::Info);
            let title: Vec<&str> =
                findings.iter().filter_map(|f| titles.get(f).map(String::as_str)).collect();
            let _ = write!(
                out,
                "<mark class=\"hl sev-{}\" data-f=\"{}\"{ev_attr} tabindex=\"0\" title=\"{}\">",
                sev(worst),
                join(&findings),
                esc(&title.join("\n"))
            );
            esc_text(&text[a..b], out);
            out.push_str("</mark>");
        }
    }
}

fn join(ids: &[usize]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(" ")
}

fn page(report: &Report) -> String {
    let total =
        report.summary.findings.error + report.summary.findings.warning + report.summary.findings.info;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{STYLE_HASH}'; script-src '{SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"generator\" content=\"{} {}\">\n\
<title>faithful report: {total} finding{} in {} document{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(report.tool.name),
        esc(report.tool.version),
        if total == 1 { "" } else { "s" },
        report.summary.documents,
        if report.summary.documents == 1 { "" } else { "s" },
    );

    // Header: summary, severity filters, the rule table.
    let c = &report.summary.findings;
    let _ = write!(
        s,
        "<header>\n<h1>faithful report</h1>\n<p class=\"summary\">{}</p>\n<p class=\"shown-line\" aria-live=\"polite\">Showing <b id=\"shown-count\">{total}</b> of {total} findings.</p>\n",
        esc(&human::summary_line(report))
    );
    s.push_str("<div class=\"filters\">\n<fieldset class=\"severities\"><legend>Severity</legend>\n");
    for (name, n) in [("error", c.error), ("warning", c.warning), ("info", c.info)] {
        let _ = writeln!(
            s,
            "<label class=\"sev-{name}\"><input type=\"checkbox\" name=\"sev\" value=\"{name}\" checked> {name} <span class=\"count\">{n}</span></label>"
        );
    }
    s.push_str("</fieldset>\n");
    let mut per_rule: BTreeMap<(&str, &str), (usize, Severity)> = BTreeMap::new();
    for f in report.documents.iter().flat_map(|d| &d.findings) {
        let e = per_rule.entry((f.code, f.rule)).or_insert((0, f.severity));
        e.0 += 1;
        e.1 = e.1.max(f.severity);
    }
    if !per_rule.is_empty() {
        s.push_str("<table class=\"rules\"><caption>Findings per rule</caption>\n<thead><tr><th scope=\"col\">show</th><th scope=\"col\">code</th><th scope=\"col\">rule</th><th scope=\"col\">findings</th></tr></thead>\n<tbody>\n");
        for ((code, rule), (n, severity)) in &per_rule {
            let _ = writeln!(
                s,
                "<tr class=\"sev-{}\"><td><input type=\"checkbox\" name=\"rule\" value=\"{code}\" checked aria-label=\"show {code}\"></td><td><code>{code}</code></td><td>{rule}</td><td class=\"num\">{n}</td></tr>",
                sev(*severity)
            );
        }
        s.push_str("</tbody></table>\n");
    }
    s.push_str("</div>\n</header>\n");

    // The document list, for batches: documents with findings first-class, clean ones
    // folded away (a feed of hundreds of items should not push the findings off screen).
    if report.documents.len() > 1 {
        let item = |i: usize, d: &DocumentReport| {
            format!(
                "<li value=\"{n}\"><a href=\"#doc-{n}\">{}</a> <span class=\"doc-counts\">{}</span></li>\n",
                esc(&human::display_name(d)),
                counts(&d.findings),
                n = i + 1
            )
        };
        let (flagged, clean): (Vec<_>, Vec<_>) =
            report.documents.iter().enumerate().partition(|(_, d)| !d.findings.is_empty());
        s.push_str("<nav class=\"documents\" aria-label=\"Documents\"><h2>Documents</h2>\n");
        if !flagged.is_empty() {
            s.push_str("<ol>\n");
            for (i, d) in &flagged {
                s.push_str(&item(*i, d));
            }
            s.push_str("</ol>\n");
        }
        if !clean.is_empty() {
            let _ = writeln!(
                s,
                "<details class=\"clean-docs\"><summary>{} without findings</summary><ol>",
                if clean.len() == 1 {
                    "1 document".to_string()
                } else {
                    format!("{} documents", clean.len())
                }
            );
            for (i, d) in &clean {
                s.push_str(&item(*i, d));
            }
            s.push_str("</ol></details>\n");
        }
        s.push_str("</nav>\n");
    }

    s.push_str("<main>\n");
    let mut next = 1;
    for (i, d) in report.documents.iter().enumerate() {
        document(&mut s, i + 1, d, next, report.documents.len() == 1);
        next += d.findings.len();
    }
    s.push_str("</main>\n");

    if !report.errors.is_empty() {
        s.push_str("<section class=\"errors\"><h2>Inputs that could not be read</h2>\n<ul>\n");
        for e in &report.errors {
            let _ = writeln!(s, "<li><code>{}</code>: {}</li>", esc(&e.path), esc(&e.message));
        }
        s.push_str("</ul>\n</section>\n");
    }
    s.push_str("<aside id=\"detail\" hidden aria-live=\"polite\"><button type=\"button\" class=\"close\" aria-label=\"close\">×</button><ol class=\"findings\"></ol></aside>\n");
    let _ = write!(s, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    s
}

fn counts(findings: &[FindingField]) -> String {
    let mut c = super::Counts::default();
    for f in findings {
        c.add(f.severity);
    }
    if findings.is_empty() {
        return "<span class=\"clean\">no findings</span>".to_string();
    }
    let mut parts = Vec::new();
    for (name, n) in [("error", c.error), ("warning", c.warning), ("info", c.info)] {
        if n > 0 {
            let label = if n == 1 || name == "info" { name.to_string() } else { format!("{name}s") };
            parts.push(format!("<span class=\"badge sev-{name}\">{n} {label}</span>"));
        }
    }
    parts.join(" ")
}

/// One document: heading, metadata, the text (with its source beside it), the findings.
/// A document is shown open when it has findings or is the only one.
fn document(s: &mut String, n: usize, d: &DocumentReport, first: usize, only: bool) {
    let open = if d.findings.is_empty() && !only { "" } else { " open" };
    let _ = write!(
        s,
        "<section class=\"doc\" id=\"doc-{n}\">\n<details{open}>\n<summary><h2>{}</h2> {}</summary>\n",
        esc(&human::display_name(d)),
        counts(&d.findings)
    );
    let mut meta = vec![format!("language <b>{}</b> ({:.2})", esc(&d.language.code), d.language.confidence)];
    if let Some(p) = &d.published {
        meta.push(format!("published <b>{}</b>", esc(p)));
    }
    if let Some(src) = &d.source {
        meta.push(format!("source <code>{}</code> ({})", esc(&src.path), esc(&src.language.code)));
    }
    let _ = writeln!(s, "<p class=\"meta\">{}</p>", meta.join(" · "));

    let ids: Vec<usize> = (first..first + d.findings.len()).collect();
    let titles: BTreeMap<usize, String> = d
        .findings
        .iter()
        .zip(&ids)
        .map(|(f, &id)| (id, format!("{} {} {}: {}", f.severity.as_str(), f.code, f.rule, f.message)))
        .collect();
    let source_path = d.source.as_ref().map(|s| s.path.as_str());
    let mut target_marks = Vec::new();
    let mut source_marks = Vec::new();
    for (f, &id) in d.findings.iter().zip(&ids) {
        let clamp = |x: usize, len: usize| x.min(len);
        target_marks.push(Mark {
            start: clamp(f.span.start, d.text.len()),
            end: clamp(f.span.end, d.text.len()),
            finding: id,
            severity: f.severity,
            evidence: false,
        });
        for e in &f.evidence {
            let mark = |len: usize| Mark {
                start: clamp(e.span.start, len),
                end: clamp(e.span.end, len),
                finding: id,
                severity: f.severity,
                evidence: true,
            };
            match (&e.path, &d.source_text) {
                (None, _) => target_marks.push(mark(d.text.len())),
                (Some(p), Some(src)) if Some(p.as_str()) == source_path => source_marks.push(mark(src.len())),
                _ => {}
            }
        }
    }
    let target_lang = esc(&d.language.code);
    match &d.source_text {
        Some(src) if !d.segments.is_empty() => {
            let src_lang = d.source.as_ref().map(|s| esc(&s.language.code)).unwrap_or_default();
            s.push_str("<table class=\"aligned\"><thead><tr><th scope=\"col\">source</th><th scope=\"col\">translation</th></tr></thead><tbody>\n");
            let mut at = 0;
            for pair in &d.segments {
                if let Some(t) = pair.target {
                    if shows(&d.text, at, t.start, &target_marks) {
                        s.push_str("<tr class=\"gap\"><td></td>");
                        let _ = write!(s, "<td class=\"text\" lang=\"{target_lang}\">");
                        marked_text(&d.text, at, t.start, &target_marks, &titles, s);
                        s.push_str("</td></tr>\n");
                    }
                }
                let class = match (pair.source, pair.target) {
                    (Some(_), None) => " class=\"omitted\"",
                    (None, Some(_)) => " class=\"added\"",
                    _ => "",
                };
                let _ = write!(s, "<tr{class}><td class=\"text source\" lang=\"{src_lang}\">");
                if let Some(sp) = pair.source {
                    let (a, b) = (sp.start.min(src.len()), sp.end.min(src.len()));
                    if src.is_char_boundary(a) && src.is_char_boundary(b) && a <= b {
                        marked_text(src, a, b, &source_marks, &titles, s);
                    }
                }
                let _ = write!(s, "</td><td class=\"text\" lang=\"{target_lang}\">");
                if let Some(t) = pair.target {
                    marked_text(&d.text, t.start, t.end, &target_marks, &titles, s);
                    at = t.end;
                }
                s.push_str("</td></tr>\n");
            }
            if shows(&d.text, at, d.text.len(), &target_marks) {
                let _ = write!(s, "<tr class=\"gap\"><td></td><td class=\"text\" lang=\"{target_lang}\">");
                marked_text(&d.text, at, d.text.len(), &target_marks, &titles, s);
                s.push_str("</td></tr>\n");
            }
            s.push_str("</tbody></table>\n");
        }
        Some(src) => {
            let src_lang = d.source.as_ref().map(|s| esc(&s.language.code)).unwrap_or_default();
            s.push_str("<div class=\"panes\">\n");
            let _ = write!(
                s,
                "<div class=\"pane\"><h3>source <code>{}</code></h3><div class=\"text source\" lang=\"{src_lang}\">",
                esc(source_path.unwrap_or(""))
            );
            marked_text(src, 0, src.len(), &source_marks, &titles, s);
            s.push_str("</div></div>\n<div class=\"pane\"><h3>translation</h3>");
            target_text(s, d, &target_lang, &target_marks, &titles);
            s.push_str("</div>\n</div>\n");
        }
        None => target_text(s, d, &target_lang, &target_marks, &titles),
    }

    if !d.findings.is_empty() {
        s.push_str("<ol class=\"findings\">\n");
        for (f, &id) in d.findings.iter().zip(&ids) {
            finding_item(s, d, f, id);
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</details>\n</section>\n");
}

/// The checked text, its front matter (if any) set apart in a muted block.
fn target_text(
    s: &mut String,
    d: &DocumentReport,
    lang: &str,
    marks: &[Mark],
    titles: &BTreeMap<usize, String>,
) {
    let body = if d.text.is_char_boundary(d.body_start) { d.body_start } else { 0 };
    if body > 0 {
        s.push_str("<div class=\"text front-matter\" title=\"front matter\">");
        marked_text(&d.text, 0, body, marks, titles, s);
        s.push_str("</div>");
    }
    let _ = write!(s, "<div class=\"text\" lang=\"{lang}\">");
    marked_text(&d.text, body, d.text.len(), marks, titles, s);
    s.push_str("</div>\n");
}

/// Whether the text between aligned segments needs a row: it has words, or a finding or
/// evidence touches it (separators between units do not).
fn shows(text: &str, from: usize, to: usize, marks: &[Mark]) -> bool {
    from < to
        && (text.get(from..to).is_some_and(|t| !t.trim().is_empty())
            || marks.iter().any(|m| {
                m.start < to && m.end > from || (m.start == m.end && from <= m.start && m.start < to)
            }))
}

fn finding_item(s: &mut String, d: &DocumentReport, f: &FindingField, id: usize) {
    let _ = write!(
        s,
        "<li class=\"finding sev-{sev}\" id=\"f-{id}\" data-f=\"{id}\" data-code=\"{code}\" data-sev=\"{sev}\">\
<p class=\"head\"><span class=\"badge sev-{sev}\">{sev}</span> <code>{code}</code> {rule} <a class=\"where\" href=\"#f-{id}\">line {line}, column {col}</a></p>\
<p class=\"message\">{msg}</p>",
        sev = sev(f.severity),
        code = esc(f.code),
        rule = esc(f.rule),
        line = f.span.line,
        col = f.span.column,
        msg = esc(&f.message),
    );
    let _ = write!(s, "<p class=\"quote\"><span class=\"excerpt\">{}</span></p>", esc(&f.text));
    if !f.evidence.is_empty() {
        s.push_str("<ul class=\"evidence\">");
        for e in &f.evidence {
            let place = match &e.path {
                Some(p) if d.source.as_ref().is_some_and(|s| &s.path == p) => {
                    format!("source, line {}, column {}", e.span.line, e.span.column)
                }
                Some(p) => format!("<code>{}</code>:{}:{}", esc(p), e.span.line, e.span.column),
                None => format!("line {}, column {}", e.span.line, e.span.column),
            };
            let _ = write!(
                s,
                "<li><span class=\"note\">{}</span> ({place}): <q>{}</q></li>",
                esc(&e.note),
                esc(&e.text)
            );
        }
        s.push_str("</ul>");
    }
    if let Some(help) = &f.suggestion {
        let _ = write!(s, "<p class=\"help\">Suggestion: {}</p>", esc(help));
    }
    s.push_str("</li>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(spec: &[(usize, usize, usize, bool)]) -> Vec<Mark> {
        spec.iter()
            .map(|&(start, end, finding, evidence)| Mark {
                start,
                end,
                finding,
                severity: Severity::Warning,
                evidence,
            })
            .collect()
    }

    fn render(text: &str, m: &[Mark]) -> String {
        let mut out = String::new();
        marked_text(text, 0, text.len(), m, &BTreeMap::new(), &mut out);
        out
    }

    #[test]
    fn overlapping_findings_split_into_pieces() {
        let out = render("abcdef", &marks(&[(0, 4, 1, false), (2, 6, 2, false)]));
        assert_eq!(
            out,
            "<mark class=\"hl sev-warning\" data-f=\"1\" tabindex=\"0\" title=\"\">ab</mark>\
<mark class=\"hl sev-warning\" data-f=\"1 2\" tabindex=\"0\" title=\"\">cd</mark>\
<mark class=\"hl sev-warning\" data-f=\"2\" tabindex=\"0\" title=\"\">ef</mark>"
        );
    }

    #[test]
    fn evidence_and_empty_spans() {
        let out = render("ab", &marks(&[(0, 1, 1, true), (2, 2, 2, false)]));
        assert!(out.starts_with("<span class=\"ev\" data-ev=\"1\">a</span>b"), "{out}");
        assert!(out.contains("class=\"hl point sev-warning\" data-f=\"2\""), "{out}");
    }

    /// `sha256-<base64>` of a file, by the system's `sha256sum` (no hashing crate needed).
    fn csp_hash(file: &str) -> Option<String> {
        let path = format!("{}/src/report/html/{file}", env!("CARGO_MANIFEST_DIR"));
        let out = std::process::Command::new("sha256sum").arg(&path).output().ok()?;
        let hex = String::from_utf8(out.stdout).ok()?;
        let bytes: Vec<u8> =
            (0..32).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()).collect();
        const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut b64 = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
            for i in 0..4 {
                if i <= chunk.len() {
                    b64.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    b64.push('=');
                }
            }
        }
        Some(format!("sha256-{b64}"))
    }

    #[test]
    fn content_security_policy_hashes_match_the_files() {
        // Without the right hashes the browser refuses the page's own style and script.
        let (Some(style), Some(script)) = (csp_hash("report.css"), csp_hash("report.js")) else {
            eprintln!("skipped: no sha256sum on this machine");
            return;
        };
        assert_eq!(STYLE_HASH, style, "update STYLE_HASH in src/report/html.rs");
        assert_eq!(SCRIPT_HASH, script, "update SCRIPT_HASH in src/report/html.rs");
    }

    #[test]
    fn markup_and_controls_are_text() {
        let mut out = String::new();
        esc_text("<script>alert('x')</script>&\u{202e}", &mut out);
        assert!(!out.contains("<script"));
        assert!(out.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"));
        assert!(out.contains("&lt;U+202E&gt;"));
        assert!(!out.contains('\u{202e}'));
    }
}
