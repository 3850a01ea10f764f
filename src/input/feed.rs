//! RSS 2.0, RSS 1.0 and Atom feeds (parsed by `feed-rs`): each item is one document.
//!
//! - The checked text is the item's title, a blank line, then its body (`content`, else the
//!   summary/description) turned from HTML into plain text by `html2text` with its trivial
//!   decorator: paragraphs stay paragraphs (blank lines), `<br>` a line break, entities
//!   decoded, links keep only their words, scripts and styles are dropped, and nothing is
//!   added (no `[link]` brackets, `*` bullets or `>` quote markers that quote rules would
//!   trip over). Every span of the report points into that text, which is what was checked.
//! - The publication date is the item's `published` date, else its `updated` date (as a UTC
//!   calendar date: feed-rs gives times in UTC, so an item stamped just after midnight in a
//!   zone east of Greenwich can land on the day before).
//! - The language is the item's, else the feed's (`<language>en-us</language>` gives `en`).
//! - The id is the item's `guid`/`id`, else its link, else `item-N` (N counting from 1), so
//!   the same feed always gives the same ids.
//! - A feed that cannot be parsed is one error for the file; an item with no text is an
//!   error for that item, and the other items are still checked.

use chrono::NaiveDate;
use feed_rs::model::{Entry, Text};

use super::{InputError, Loaded};
use crate::document::{DateOrigin, Document, Format};

/// Wide enough that html2text never wraps a paragraph (wrapping would break sentences).
const NO_WRAP: usize = 1 << 20;

pub fn parse(name: &str, text: &str) -> Vec<Loaded> {
    // Items without an id get their link as id, else a number (assigned below); never the
    // random UUID feed-rs would make.
    let parser = feed_rs::parser::Builder::new()
        .id_generator(|links, _title, _uri| links.first().map(|l| l.href.clone()).unwrap_or_default())
        .build();
    let feed = match parser.parse(text.as_bytes()) {
        Ok(f) => f,
        Err(e) => return vec![Err(InputError::new(name, format!("not a readable RSS or Atom feed: {e}")))],
    };
    if feed.entries.is_empty() {
        return vec![Err(InputError::new(name, "the feed has no items"))];
    }
    let feed_lang = feed.language.as_deref().and_then(language);
    feed.entries.iter().enumerate().map(|(i, entry)| item(name, i, entry, feed_lang.as_deref())).collect()
}

fn item(name: &str, index: usize, entry: &Entry, feed_lang: Option<&str>) -> Loaded {
    let id =
        if entry.id.trim().is_empty() { format!("item-{}", index + 1) } else { entry.id.trim().to_string() };
    let title = entry.title.as_ref().map(to_text).map(|t| one_line(&t)).filter(|t| !t.is_empty());
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref().map(|b| (b, c.content_type.to_string())))
        .map(|(b, mime)| convert(b, &mime))
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(to_text))
        .unwrap_or_default();
    let body = body.trim_matches('\n').to_string();
    if title.is_none() && body.trim().is_empty() {
        return Err(InputError::new(format!("{name}#{id}"), "feed item has neither title nor text"));
    }
    let text = match &title {
        Some(t) if !body.is_empty() => format!("{t}\n\n{body}\n"),
        Some(t) => format!("{t}\n"),
        None => format!("{body}\n"),
    };
    let mut doc = Document::from_text(name, text);
    doc.format = Format::Feed;
    doc.id = Some(id);
    doc.title = title;
    let date = entry.published.or(entry.updated).map(|d| d.date_naive());
    set_date(&mut doc, date);
    doc.meta.lang = entry.language.as_deref().and_then(language).or_else(|| feed_lang.map(str::to_string));
    Ok(doc)
}

fn set_date(doc: &mut Document, date: Option<NaiveDate>) {
    if let Some(d) = date {
        doc.meta.published = Some(d);
        doc.meta.published_origin = Some(DateOrigin::Metadata);
    }
}

/// A feed text construct (title, summary) as plain text.
fn to_text(t: &Text) -> String {
    convert(&t.content, t.content_type.as_ref())
}

/// HTML (or XHTML) to plain text; plain text stays as it is (minus carriage returns).
fn convert(body: &str, mime: &str) -> String {
    let mime = mime.to_ascii_lowercase();
    if mime.starts_with("text/plain") {
        return body.replace("\r\n", "\n");
    }
    let decorator = html2text::render::TrivialDecorator::new();
    let (protected, restore) = protect_invisible(body);
    match html2text::config::with_decorator(decorator)
        .allow_width_overflow()
        .string_from_read(protected.as_bytes(), NO_WRAP)
    {
        Ok(t) if restore => tidy(&unprotect_invisible(&t)),
        Ok(t) => tidy(&t),
        // html5ever accepts anything; should the renderer still fail, keep the raw text
        // rather than lose the item.
        Err(_) => body.to_string(),
    }
}

/// html2text drops some invisible characters (a zero-width space inside a word), which are
/// exactly what U203 must see. They cross the conversion as private-use characters
/// (U+F0000 + code point, or U+100000 + offset for tag characters) and come back after. A
/// body that already uses those private-use planes is converted as it is.
fn protect_invisible(body: &str) -> (String, bool) {
    if !body.chars().any(|c| crate::report::invisible_name(c).is_some())
        || body.chars().any(|c| c >= '\u{f0000}')
    {
        return (body.to_string(), false);
    }
    let shift = |c: char| -> char {
        let u = c as u32;
        let p = if u <= 0xffff { 0xf0000 + u } else { 0x100000 + (u - 0xe0000) };
        char::from_u32(p).unwrap_or(c)
    };
    let out =
        body.chars().map(|c| if crate::report::invisible_name(c).is_some() { shift(c) } else { c }).collect();
    (out, true)
}

fn unprotect_invisible(text: &str) -> String {
    text.chars()
        .map(|c| {
            let u = c as u32;
            let back = match u {
                0xf0000..=0xfffff => u - 0xf0000,
                0x100000..=0x10ffff => u - 0x100000 + 0xe0000,
                _ => return c,
            };
            char::from_u32(back).unwrap_or(c)
        })
        .collect()
}

/// Trailing spaces off every line, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `en-US`, `en_us`, `EN` → `en`; anything that is not a two- or three-letter code → none.
fn language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Newsroom</title><link>https://example.org/</link>
<description>News</description><language>en-us</language>
<item><title>Rail tunnel &quot;ahead of schedule&quot;</title>
<link>https://example.org/tunnel</link><guid isPermaLink="false">tunnel-2025</guid>
<pubDate>Thu, 03 Apr 2025 09:30:00 +0000</pubDate>
<description><![CDATA[<p>The director said <b>on Thursday</b> the tunnel &amp; the road would open.</p><p>Costs: 3.4&nbsp;billion.<script>alert(1)</script></p>]]></description></item>
<item><title>Second</title><link>https://example.org/second</link><description>Plain words.</description></item>
<item><description>No title, just text.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_documents() {
        let docs: Vec<Document> = parse("feed.rss", RSS).into_iter().map(|d| d.unwrap()).collect();
        assert_eq!(docs.len(), 3);
        let d = &docs[0];
        assert_eq!(d.id.as_deref(), Some("tunnel-2025"));
        assert_eq!(d.title.as_deref(), Some("Rail tunnel \"ahead of schedule\""));
        assert_eq!(
            d.text,
            "Rail tunnel \"ahead of schedule\"\n\nThe director said on Thursday the tunnel & the road would open.\n\nCosts: 3.4\u{a0}billion.\n"
        );
        assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2025, 4, 3));
        assert_eq!(d.meta.lang.as_deref(), Some("en"));
        assert_eq!(d.format, Format::Feed);
        assert_eq!(docs[1].id.as_deref(), Some("https://example.org/second"));
        assert_eq!(docs[2].id.as_deref(), Some("item-3"));
        assert_eq!(docs[2].text, "No title, just text.\n");
    }

    #[test]
    fn atom_entries_with_html_and_text_content() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>Nachrichten</title><id>urn:feed</id>
<updated>2025-04-03T10:00:00Z</updated>
<entry><title type="html">Tunnel &lt;em&gt;früher&lt;/em&gt; fertig</title><id>urn:a</id>
<published>2025-04-02T22:30:00-02:00</published><updated>2025-04-03T10:00:00Z</updated>
<content type="html">&lt;p&gt;Der Direktor sagte: „Wir sind bereit.“&lt;/p&gt;</content></entry>
<entry><title>Zwei</title><id>urn:b</id><updated>2025-04-05T08:00:00Z</updated>
<content type="text">Nur Text, keine &lt;b&gt;Tags&lt;/b&gt;.</content></entry>
</feed>"#;
        let docs: Vec<Document> = parse("feed.atom", atom).into_iter().map(|d| d.unwrap()).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Tunnel früher fertig\n\nDer Direktor sagte: „Wir sind bereit.“\n");
        // 22:30 at -02:00 is 00:30 UTC the next day.
        assert_eq!(docs[0].meta.published, NaiveDate::from_ymd_opt(2025, 4, 3));
        assert_eq!(docs[1].meta.published, NaiveDate::from_ymd_opt(2025, 4, 5));
        assert_eq!(docs[1].text, "Zwei\n\nNur Text, keine <b>Tags</b>.\n");
    }

    #[test]
    fn broken_and_empty_feeds_are_errors() {
        let out = parse("bad.rss", "<rss><channel><item><title>x</title>");
        assert_eq!(out.len(), 1);
        assert!(out[0].as_ref().is_err_and(|e| e.message.contains("RSS or Atom")), "{out:?}");
        let out = parse("empty.rss", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        assert!(out[0].as_ref().is_err_and(|e| e.message.contains("no items")));
    }

    #[test]
    fn invisible_characters_survive_the_conversion() {
        let rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>\
<description>safe&#8203;ly &#8238;gnp.exe &#173;soft &#8206;mark &#917505;tag</description></item></channel></rss>";
        let doc = parse("f.rss", rss).pop().unwrap().unwrap();
        for c in ['\u{200b}', '\u{202e}', '\u{ad}', '\u{200e}', '\u{e0001}'] {
            assert!(doc.text.contains(c), "U+{:04X} lost: {:?}", c as u32, doc.text);
        }
    }

    #[test]
    fn language_tags() {
        assert_eq!(language("en-US").as_deref(), Some("en"));
        assert_eq!(language("ru_RU").as_deref(), Some("ru"));
        assert_eq!(language("1x"), None);
    }
}
