//! A forgiving HTML tokenizer: tags with attributes, text, and the raw content of elements
//! whose content is not markup (`script`, `style`, `title`, `textarea`). Comments, doctypes
//! and processing instructions are dropped. It never fails: anything that is not a
//! well-formed tag is text, as in browsers.

use crate::entities;

#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    Start(Tag),
    End(String),
    /// Text between tags, character references not yet decoded.
    Text(&'a str),
    /// The content of a `script`/`style`/`title`/`textarea` element, verbatim.
    Raw(&'a str),
}

#[derive(Debug, PartialEq)]
pub(crate) struct Tag {
    /// Lower case.
    pub name: String,
    /// Names lower case, values with references decoded.
    pub attrs: Vec<(String, String)>,
    pub self_closing: bool,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements whose content runs, unparsed, to their end tag.
const RAW_CONTENT: [&str; 4] = ["script", "style", "title", "textarea"];

pub(crate) fn tokenize(html: &str) -> Vec<Token<'_>> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut text_from = 0;
    while let Some(found) = html[pos..].find('<') {
        let at = pos + found;
        let next = bytes.get(at + 1).copied();
        let markup_end = match next {
            Some(b'!') if html[at..].starts_with("<!--") => Some(
                html[at + 4..]
                    .find("-->")
                    .map_or(html.len(), |end| at + 4 + end + 3),
            ),
            Some(b'!' | b'?') => Some(html[at..].find('>').map_or(html.len(), |end| at + end + 1)),
            Some(b'/') if bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = read_name(html, at + 2);
                let end = html[end..].find('>').map_or(html.len(), |e| end + e + 1);
                flush_text(html, text_from, at, &mut tokens);
                tokens.push(Token::End(name));
                text_from = end;
                pos = end;
                continue;
            }
            Some(c) if c.is_ascii_alphabetic() => {
                flush_text(html, text_from, at, &mut tokens);
                let (tag, mut end) = read_start_tag(html, at + 1);
                let raw = RAW_CONTENT.contains(&tag.name.as_str()) && !tag.self_closing;
                let name = tag.name.clone();
                tokens.push(Token::Start(tag));
                if raw {
                    let close = find_end_tag(html, end, &name).unwrap_or(html.len());
                    tokens.push(Token::Raw(&html[end..close]));
                    end = close;
                }
                text_from = end;
                pos = end;
                continue;
            }
            _ => None,
        };
        match markup_end {
            Some(end) => {
                flush_text(html, text_from, at, &mut tokens);
                text_from = end;
                pos = end;
            }
            None => pos = at + 1,
        }
    }
    flush_text(html, text_from, html.len(), &mut tokens);
    tokens
}

fn flush_text<'a>(html: &'a str, from: usize, to: usize, tokens: &mut Vec<Token<'a>>) {
    if from < to {
        tokens.push(Token::Text(&html[from..to]));
    }
}

/// A tag or attribute name from `from`: up to white space, `/`, `>` or `=`.
fn read_name(html: &str, from: usize) -> (String, usize) {
    let len = html[from..]
        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '='))
        .unwrap_or(html.len() - from);
    (html[from..from + len].to_ascii_lowercase(), from + len)
}

/// Parses a start tag whose name begins at `from`; returns it and the position after `>`.
fn read_start_tag(html: &str, from: usize) -> (Tag, usize) {
    let bytes = html.as_bytes();
    let (name, mut pos) = read_name(html, from);
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
            self_closing = bytes[pos] == b'/';
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        if bytes[pos] == b'>' {
            pos += 1;
            break;
        }
        self_closing = false;
        let (attr, after_name) = read_name(html, pos);
        // A stray `=` where a name should be: skip it so the loop advances.
        pos = after_name.max(pos + 1);
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let mut value = String::new();
        if bytes.get(pos) == Some(&b'=') {
            pos += 1;
            while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            let raw = match bytes.get(pos) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let close = html[pos + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |e| pos + 1 + e);
                    let raw = &html[pos + 1..close];
                    pos = (close + 1).min(html.len());
                    raw
                }
                _ => {
                    let len = html[pos..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(html.len() - pos);
                    let raw = &html[pos..pos + len];
                    pos += len;
                    raw
                }
            };
            value = entities::decode(raw);
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
    let tag = Tag {
        name,
        attrs,
        self_closing,
    };
    (tag, pos)
}

/// Where `</name` (any case, followed by a name boundary) starts at or after `from`.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(found) = html[pos..].find("</") {
        let at = pos + found;
        let name_end = at + 2 + name.len();
        let matches = bytes
            .get(at + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let boundary = bytes
            .get(name_end)
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
        if matches && boundary {
            return Some(at);
        }
        pos = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_comments_and_raw_content() {
        let html = "<!DOCTYPE html><P class=lead data-x='a&amp;b'>Hi <!-- no -->there<br/>\
                    <script>if (a < b) { x = \"</p>\"; }</SCRIPT ><img src=x alt=\"\">3 < 4</p>";
        let tokens = tokenize(html);
        let Token::Start(p) = &tokens[0] else {
            panic!("{tokens:?}")
        };
        assert_eq!(p.name, "p");
        assert_eq!(p.attr("class"), Some("lead"));
        assert_eq!(p.attr("data-x"), Some("a&b"));
        assert_eq!(tokens[1], Token::Text("Hi "));
        assert_eq!(tokens[2], Token::Text("there"));
        assert!(matches!(&tokens[3], Token::Start(t) if t.name == "br" && t.self_closing));
        assert_eq!(tokens[5], Token::Raw("if (a < b) { x = \"</p>\"; }"));
        assert_eq!(tokens[6], Token::End("script".to_string()));
        assert_eq!(tokens[8], Token::Text("3 < 4"));
        assert_eq!(tokens[9], Token::End("p".to_string()));
    }

    #[test]
    fn truncated_markup_does_not_loop_or_panic() {
        for html in [
            "<p",
            "<p class=\"x",
            "</",
            "<!-- open",
            "<a =b>",
            "<script>never closed",
            "a<",
        ] {
            let _ = tokenize(html);
        }
        assert_eq!(tokenize("a<"), vec![Token::Text("a<")]);
    }
}
