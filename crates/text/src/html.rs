//! Article text from a web page, laid out as plain text, with the page's metadata.
//!
//! Layout (what spans point into): each block element (paragraph, heading, list item, table
//! row, `div`, ...) becomes a paragraph; paragraphs are separated by one blank line (`\n\n`);
//! `<br>` is a single `\n` (two in a row make a paragraph break); inside a paragraph every
//! run of white space (no-break spaces included) is one ASCII space, and lines carry no
//! leading or trailing space. `<pre>` keeps its line breaks. References are decoded; soft
//! hyphens and zero-width spaces are dropped. The text neither starts nor ends with white
//! space.

use crate::bytes::{Utf8Problem, decode_utf8};
use crate::entities;
use crate::html_meta::{body_paragraphs, metadata};
use crate::html_tokens::{Tag, Token, tokenize};
use chrono::NaiveDate;

/// What [`html_to_text`] finds in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractedHtml {
    /// The article text, laid out as described in the module documentation.
    pub text: String,
    /// `og:title`, else the JSON-LD headline, else `<title>`.
    pub title: Option<String>,
    /// `article:published_time`, else JSON-LD `datePublished`, else other common date metadata.
    pub published: Option<NaiveDate>,
    /// `og:url`, else `<link rel="canonical">`.
    pub url: Option<String>,
    /// `og:site_name`, else the JSON-LD publisher's name.
    pub site_name: Option<String>,
}

/// Elements whose whole content is page furniture or not text, never article text.
const DROPPED: [&str; 17] = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "canvas", "object", "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 36] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "caption",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "hr",
    "center",
    "body",
    "fieldset",
    "legend",
    "hgroup",
];

/// Elements without content or end tag: they never enclose anything.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Extracts the article text and metadata of a page. The article is the longest `<article>`
/// (outside dropped furniture), else `<main>`, else the whole body; see the module
/// documentation for the layout.
pub fn html_to_text(html: &str) -> ExtractedHtml {
    let tokens = tokenize(html);
    let (mut extracted, article_body) = metadata(&tokens);
    let plain = article_text(&tokens, &visible_mask(&tokens, false));
    let trimmed = article_text(&tokens, &visible_mask(&tokens, true));
    // Boilerplate class names are a guess; trust it only while it keeps most of the text
    // (a site may put "share" in the class of the very element that holds the story).
    extracted.text = if trimmed.len() * 2 >= plain.len() {
        trimmed
    } else {
        plain
    };
    // Pages built by scripts carry the story only in their JSON-LD `articleBody`.
    let body = article_body
        .map(|body| body_paragraphs(&body))
        .filter(|body| extracted.text.len() * 2 < body.len());
    if let Some(body) = body {
        extracted.text = body;
    }
    extracted
}

/// The text of the longest visible `<article>`, else `<main>`, else everything visible.
fn article_text(tokens: &[Token<'_>], visible: &[bool]) -> String {
    let longest = |name: &str| {
        outermost_ranges(tokens, visible, name)
            .into_iter()
            .map(|(from, to)| render(&tokens[from..to], &visible[from..to]))
            .max_by_key(String::len)
            .filter(|text| !text.is_empty())
    };
    longest("article")
        .or_else(|| longest("main"))
        .unwrap_or_else(|| render(tokens, visible))
}

/// Decodes a page's bytes: UTF-8, or Windows-1252 when the bytes are not UTF-8 and the page
/// declares a Latin-1 family charset (old pages do; their byte 0x92 is a quote, not an error).
pub(crate) fn decode_page(bytes: Vec<u8>) -> Result<String, Utf8Problem> {
    if std::str::from_utf8(&bytes).is_err() && declares_latin_charset(&bytes) {
        return Ok(bytes.iter().map(|&b| entities::cp1252(b)).collect());
    }
    decode_utf8(bytes)
}

fn declares_latin_charset(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let Some(at) = head.find("charset=") else {
        return false;
    };
    let value = head[at + 8..].trim_start_matches(['"', '\'', ' ']);
    [
        "windows-1252",
        "iso-8859-1",
        "iso-8859-15",
        "latin1",
        "latin-1",
        "cp1252",
        "us-ascii",
    ]
    .iter()
    .any(|name| value.starts_with(name))
}

const MAX_TRACKED_DEPTH: usize = 512;

/// For each token, whether it lies outside every dropped element (and outside elements
/// marked `hidden` or `aria-hidden="true"`, and with `drop_boilerplate`, outside elements
/// whose class or id names page furniture).
fn visible_mask(tokens: &[Token<'_>], drop_boilerplate: bool) -> Vec<bool> {
    // Inside a dropped element every open element is tracked, so that the dropped one ends
    // at its own end tag however its content nests; unclosed inner elements (`<p>`, `<li>`)
    // are popped along with it.
    let mut open: Vec<&str> = Vec::new();
    let mut mask = Vec::with_capacity(tokens.len());
    // A `<header>` inside an article is the article's own (headline, standfirst, byline),
    // not the site's masthead.
    let mut articles = 0usize;
    for token in tokens {
        match token {
            Token::Start(tag) => {
                let encloses = !tag.self_closing && !VOID.contains(&tag.name.as_str());
                let article_header = tag.name == "header" && articles > 0;
                let dropped = (is_dropped(tag) && !article_header)
                    || (drop_boilerplate && is_boilerplate(tag));
                if encloses && open.is_empty() && !dropped && tag.name == "article" {
                    articles += 1;
                }
                if encloses && (!open.is_empty() || dropped) {
                    // Beyond any real nesting depth, stop tracking: keeps the end-tag search
                    // short on pages of endless unclosed tags.
                    if open.len() < MAX_TRACKED_DEPTH {
                        open.push(&tag.name);
                    }
                    mask.push(false);
                } else {
                    mask.push(open.is_empty());
                }
            }
            Token::End(name) => match open.iter().rposition(|n| n == name) {
                Some(at) => {
                    open.truncate(at);
                    mask.push(false);
                }
                None => {
                    if name == "article" && open.is_empty() {
                        articles = articles.saturating_sub(1);
                    }
                    mask.push(open.is_empty());
                }
            },
            Token::Text(_) | Token::Raw(_) => mask.push(open.is_empty()),
        }
    }
    mask
}

fn is_dropped(tag: &Tag) -> bool {
    DROPPED.contains(&tag.name.as_str())
        || matches!(tag.name.as_str(), "head" | "title")
        || tag.attr("hidden").is_some()
        || tag.attr("aria-hidden") == Some("true")
}

/// Words in class names and ids that mark furniture inside articles: share bars, related
/// links, newsletter boxes, advertisements, comments. Matched against the parts of a class
/// or id split at `-` and `_` ("ad-slot", "related_links"), never against substrings.
const BOILERPLATE_WORDS: [&str; 24] = [
    "ad",
    "ads",
    "advert",
    "advertisement",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "cookie",
    "newsletter",
    "outbrain",
    "paywall",
    "popular",
    "promo",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsored",
    "subscribe",
    "taboola",
    "trending",
];

/// Whole class names of text that only screen readers are meant to see.
const SCREEN_READER_ONLY: [&str; 3] = ["sr-only", "visually-hidden", "screen-reader-text"];

fn is_boilerplate(tag: &Tag) -> bool {
    let names = tag.attr("class").into_iter().chain(tag.attr("id"));
    names.flat_map(str::split_whitespace).any(|name| {
        let name = name.to_ascii_lowercase();
        SCREEN_READER_ONLY.contains(&name.as_str())
            || name
                .split(['-', '_'])
                .any(|word| BOILERPLATE_WORDS.contains(&word))
    })
}

/// Token ranges of the outermost visible `name` elements (an unclosed one runs to the end).
fn outermost_ranges(tokens: &[Token<'_>], visible: &[bool], name: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        if !visible[i] {
            continue;
        }
        match token {
            Token::Start(tag) if tag.name == name && !tag.self_closing => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            Token::End(end) if end == name && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    ranges.push((start, i + 1));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        ranges.push((start, tokens.len()));
    }
    ranges
}

/// Lays visible tokens out as text (see the module documentation).
fn render(tokens: &[Token<'_>], visible: &[bool]) -> String {
    let mut layout = Layout::default();
    let mut decoded = String::new();
    for (token, &shown) in tokens.iter().zip(visible) {
        if !shown {
            continue;
        }
        match token {
            Token::Text(text) => {
                decoded.clear();
                entities::decode_into(text, &mut decoded);
                layout.text(&decoded);
            }
            Token::Start(tag) => layout.tag(&tag.name, true),
            Token::End(name) => layout.tag(name, false),
            Token::Raw(_) => {}
        }
    }
    layout.out
}

#[derive(Default)]
struct Layout {
    out: String,
    /// White space seen since the last character.
    space: bool,
    /// Break owed before the next character: 0 none, 1 line, 2 paragraph.
    pending_break: u8,
    /// Depth of open `<pre>` elements.
    pre: usize,
}

impl Layout {
    fn tag(&mut self, name: &str, start: bool) {
        match name {
            // Old pages separate paragraphs with `<br><br>`.
            "br" => self.owe_break(if self.pending_break > 0 { 2 } else { 1 }),
            "td" | "th" => self.space = true,
            "pre" => {
                self.owe_break(2);
                self.pre = if start {
                    self.pre + 1
                } else {
                    self.pre.saturating_sub(1)
                };
            }
            _ if BLOCKS.contains(&name) => self.owe_break(2),
            _ => {}
        }
    }

    fn owe_break(&mut self, level: u8) {
        self.pending_break = self.pending_break.max(level);
    }

    fn text(&mut self, text: &str) {
        let mut newlines = 0;
        for c in text.chars() {
            if c.is_whitespace() {
                if c == '\n' && self.pre > 0 {
                    newlines += 1;
                    self.owe_break(newlines.min(2));
                }
                self.space = true;
                continue;
            }
            newlines = 0;
            // Invisible format characters split words for the coder while showing nothing
            // on the page: soft hyphens ("diplo&shy;mats"), zero-width spaces, stray BOMs.
            if matches!(c, '\u{AD}' | '\u{200B}' | '\u{FEFF}') {
                continue;
            }
            if !self.out.is_empty() {
                match self.pending_break {
                    2 => self.out.push_str("\n\n"),
                    1 => self.out.push('\n'),
                    _ if self.space => self.out.push(' '),
                    _ => {}
                }
            }
            self.pending_break = 0;
            self.space = false;
            self.out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Europe expels Russian diplomats | World News</title>
<meta property="og:title" content="Europe&#8217;s mass expulsion of Russian diplomats">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2022-04-05T18:02:11+01:00">
<link rel="canonical" href="https://example.org/world/expulsions">
<style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script>
</head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<aside class="related"><article><h2>Related: a longer teaser that is not the article at all, and
should never be chosen even though it is long, long, long, long, long</h2></article></aside>
<main>
<article>
  <header><h1>Europe&nbsp;expels   Russian
  diplomats</h1></header>
  <p>Italy, Spain &amp; Denmark announced the ex&shy;pulsion of a total of
  <b>80</b> Russian diplomats.<br>Moscow called it &ldquo;short-sighted&rdquo;.</p>
  <div hidden>Subscribe now</div>
  <div class="share-bar"><a href="/share">Share this story</a></div>
  <p class="ad_slot">Advertisement</p><span class="sr-only">Skip advertisement</span>
  <ul><li>Italy: 30</li><li>Spain: 25</li></ul>
  <table><tr><td>Country</td><td>Expelled</td></tr></table>
  <form><p>Sign up for our newsletter</p></form>
</article>
</main>
<footer>&copy; 2022 Example Times</footer>
</body></html>"#;

    #[test]
    fn article_text_is_laid_out_and_furniture_dropped() {
        let page = html_to_text(PAGE);
        assert_eq!(
            page.text,
            "Europe expels Russian diplomats\n\n\
             Italy, Spain & Denmark announced the expulsion of a total of 80 Russian diplomats.\n\
             Moscow called it “short-sighted”.\n\n\
             Italy: 30\n\nSpain: 25\n\nCountry Expelled"
        );
        assert_eq!(
            page.title.as_deref(),
            Some("Europe’s mass expulsion of Russian diplomats")
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2022, 4, 5));
        assert_eq!(
            page.url.as_deref(),
            Some("https://example.org/world/expulsions")
        );
        assert_eq!(page.site_name.as_deref(), Some("Example Times"));
    }

    #[test]
    fn without_article_the_body_is_used_and_json_ld_gives_the_date() {
        let html = r#"<html><head><title>Brief</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","headline":"Lithuania expels envoy","datePublished":"2022-04-04T09:00:00Z",
             "publisher":{"@type":"Organization","name":"Wire"}}]}</script></head>
            <body><div id="menu"><nav>Menu</nav></div><div><p>Lithuania expelled Russia's ambassador.</p>
            <pre>line one
line two</pre></div></body></html>"#;
        let page = html_to_text(html);
        assert_eq!(
            page.text,
            "Lithuania expelled Russia's ambassador.\n\nline one\nline two"
        );
        assert_eq!(page.title.as_deref(), Some("Lithuania expels envoy"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2022, 4, 4));
        assert_eq!(page.site_name.as_deref(), Some("Wire"));
    }

    #[test]
    fn boilerplate_classes_never_take_the_story_with_them() {
        let html = "<div class=\"story js-share-tracking\"><p>Italy expelled 30 Russian \
                    diplomats.</p><p>Spain expelled 25.</p></div><div class=\"related\">\
                    <p>More</p></div>";
        assert_eq!(
            html_to_text(html).text,
            "Italy expelled 30 Russian diplomats.\n\nSpain expelled 25.\n\nMore"
        );
        let old_style = "<body>Italy expelled 30.<br><br>Spain expelled 25.<br>Moscow replied.";
        assert_eq!(
            html_to_text(old_style).text,
            "Italy expelled 30.\n\nSpain expelled 25.\nMoscow replied."
        );
    }

    #[test]
    fn script_built_pages_fall_back_on_the_json_ld_body() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Expulsions",
             "articleBody": "Italy expelled 30 Russian diplomats.\n\nSpain   expelled 25 &amp; more.\nMoscow replied."}
            </script></head><body><div id="app">Loading…</div></body></html>"#;
        assert_eq!(
            html_to_text(html).text,
            "Italy expelled 30 Russian diplomats.\n\nSpain expelled 25 & more.\n\nMoscow replied."
        );
        // A page whose own text is there keeps it.
        let html = html.replace(
            "Loading…",
            "Italy expelled thirty Russian diplomats, Rome said.",
        );
        assert_eq!(
            html_to_text(&html).text,
            "Italy expelled thirty Russian diplomats, Rome said."
        );
    }

    #[test]
    fn truncated_pages_never_panic() {
        let cuts = (0..PAGE.len()).filter(|&at| PAGE.is_char_boundary(at));
        for at in cuts {
            let _ = html_to_text(&PAGE[..at]);
            let _ = html_to_text(&PAGE[at..]);
        }
    }

    #[test]
    fn latin1_pages_are_decoded_when_declared() {
        let mut bytes =
            b"<html><head><meta charset=\"windows-1252\"></head><body><p>Moscow".to_vec();
        bytes.extend_from_slice(b"\x92s \xE9</p>");
        let page = decode_page(bytes).ok().unwrap();
        assert_eq!(html_to_text(&page).text, "Moscow’s é");
        let undeclared = b"<p>caf\xE9</p>".to_vec();
        assert_eq!(decode_page(undeclared).err().unwrap().offset, 6);
    }
}
