//! Page metadata: title, publication date, address and outlet from meta tags, `<title>`,
//! `<time>` and schema.org JSON-LD, and the JSON-LD article body for pages that carry their
//! text only there.

use crate::date::parse_meta_date;
use crate::entities;
use crate::html::ExtractedHtml;
use crate::html_tokens::{Tag, Token};
use chrono::NaiveDate;
use serde_json::Value;

/// A date candidate's strength: lower wins.
type Rank = u8;

/// Reads title, date, address and outlet from meta tags, `<title>`, `<time>` and JSON-LD.
pub(crate) fn metadata(tokens: &[Token<'_>]) -> (ExtractedHtml, Option<String>) {
    let mut og_title = None;
    let mut page_title = None;
    let mut canonical = None;
    let mut og_url = None;
    let mut site_name = None;
    let mut date: Option<(Rank, NaiveDate)> = None;
    let mut linked = LinkedData::default();
    let mut offer_date = |rank: Rank, value: &str| {
        let better = date.is_none_or(|(best, _)| rank < best);
        if let Some(parsed) = parse_meta_date(value).filter(|_| better) {
            date = Some((rank, parsed));
        }
    };
    let mut open_raw: Option<&Tag> = None;
    for token in tokens {
        match token {
            Token::Start(tag) => {
                open_raw = Some(tag);
                match tag.name.as_str() {
                    "meta" => {
                        let key = tag
                            .attr("property")
                            .or_else(|| tag.attr("name"))
                            .or_else(|| tag.attr("itemprop"))
                            .unwrap_or("")
                            .to_ascii_lowercase();
                        let Some(content) = tag.attr("content").map(str::trim) else {
                            continue;
                        };
                        if content.is_empty() {
                            continue;
                        }
                        match key.as_str() {
                            "og:title" | "twitter:title" if og_title.is_none() => {
                                og_title = Some(collapse(content))
                            }
                            "og:url" => og_url = Some(content.to_string()),
                            "og:site_name" => site_name = Some(collapse(content)),
                            "article:published_time" => offer_date(0, content),
                            "datepublished" => offer_date(2, content),
                            key if DATE_META.contains(&key) => offer_date(3, content),
                            _ => {}
                        }
                    }
                    "link" => {
                        let rel = tag.attr("rel").unwrap_or("").to_ascii_lowercase();
                        if rel.split_whitespace().any(|r| r == "canonical") {
                            canonical = tag.attr("href").map(str::to_string);
                        }
                    }
                    "time" => {
                        let marked = tag.attr("pubdate").is_some()
                            || tag.attr("itemprop") == Some("datePublished");
                        if let Some(value) = tag.attr("datetime").filter(|_| marked) {
                            offer_date(2, value);
                        }
                    }
                    _ => {}
                }
            }
            Token::Raw(content) => match open_raw.map(|t| t.name.as_str()) {
                Some("title") if page_title.is_none() => {
                    let title = collapse(&entities::decode(content));
                    if !title.is_empty() {
                        page_title = Some(title);
                    }
                }
                Some("script")
                    if open_raw
                        .and_then(|t| t.attr("type"))
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    if let Ok(value) = serde_json::from_str::<Value>(content) {
                        linked.search(&value, 0);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    if let Some(value) = &linked.date_published {
        offer_date(1, value);
    }
    let extracted = ExtractedHtml {
        text: String::new(),
        title: og_title.or(linked.headline).or(page_title),
        published: date.map(|(_, d)| d),
        url: og_url.or(canonical),
        site_name: site_name.or(linked.publisher),
    };
    (extracted, linked.article_body)
}

/// Meta names other than `article:published_time` that sites use for the publication date.
const DATE_META: [&str; 16] = [
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
    "article.published",
    "originalpublicationdate",
    "citation_publication_date",
];

/// What a page's schema.org JSON-LD says about the article.
#[derive(Default)]
struct LinkedData {
    date_published: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    /// The story's text, verbatim.
    article_body: Option<String>,
}

impl LinkedData {
    fn search(&mut self, value: &Value, depth: usize) {
        if depth > 16 {
            return;
        }
        match value {
            Value::Object(object) => {
                let text = |key: &str| object.get(key).and_then(Value::as_str).map(collapse);
                if self.date_published.is_none() {
                    self.date_published = text("datePublished");
                }
                if self.article_body.is_none() {
                    self.article_body = object
                        .get("articleBody")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                }
                if self.headline.is_none() {
                    self.headline = text("headline");
                }
                if self.publisher.is_none() {
                    self.publisher = object
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(Value::as_str)
                        .map(collapse);
                }
                for nested in object.values() {
                    self.search(nested, depth + 1);
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.search(item, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// White space runs as single spaces, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A JSON-LD article body laid out like page text: each non-blank line a paragraph,
/// references decoded, white space collapsed.
pub(crate) fn body_paragraphs(body: &str) -> String {
    let decoded = entities::decode(body);
    let paragraphs: Vec<String> = decoded
        .lines()
        .map(collapse)
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}
