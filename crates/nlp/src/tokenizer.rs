//! Rule-based tokenizer and sentence splitter following UD English conventions. The rules are
//! about constructions (clitics, punctuation runs, numbers, URLs); the word lists they consult
//! (abbreviations, hyphenated words kept whole, symbol tokens, split contractions such as
//! "cannot") are collected from the training treebanks by [`TokenizerRules::learn`].

use crate::conllu::Sentence;
use crate::perceptron::{FastMap, FastSet};
use std::collections::HashMap;
use std::ops::Range;

/// Lists learned from treebank tokenization.
#[derive(Clone, Debug, Default)]
pub struct TokenizerRules {
    /// Normalised lowercase tokens containing punctuation that are kept whole ("u.s.", "e-mail",
    /// "--", ":)", "o'clock").
    pub(crate) whole: FastSet<String>,
    /// Normalised lowercase words written without an apostrophe but split into syntactic words,
    /// with the byte lengths of the pieces ("cannot" -> [3, 3]).
    pub(crate) splits: FastMap<String, Vec<u8>>,
}

/// Folds typographic quotes and apostrophes to ASCII and lowercases, so that `’s` and `'s`
/// share rules and features.
pub fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' | '′' => out.push('\''),
            '“' | '”' | '„' | '″' => out.push('"'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | '‘')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '"'
            | '“'
            | '‘'
            | '\''
            | '`'
            | '«'
            | '$'
            | '£'
            | '€'
            | '¿'
            | '¡'
            | '<'
            | '*'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '”' | '’' | '\'' | ',' | ';' | ':' | '»' | '%' | '>' | '*'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A number such as 1,000 or -3.5 or 10:30 or 713-853-3989: digits joined by separators, with
/// an optional sign. A single hyphen between short digit groups is a range or a score ("5-3",
/// "1-4"), which UD splits.
fn is_number_like(s: &str) -> bool {
    let b = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b[b.len() - 1].is_ascii_digit() {
        return false;
    }
    let mut prev_sep = false;
    for &c in b {
        if c.is_ascii_digit() {
            prev_sep = false;
        } else if matches!(c, b',' | b'.' | b':' | b'/' | b'-') && !prev_sep {
            prev_sep = true;
        } else {
            return false;
        }
    }
    let hyphens = b.iter().filter(|&&c| c == b'-').count();
    hyphens != 1 || b.split(|&c| c == b'-').all(|group| group.len() >= 3)
}

fn is_url_or_email(s: &str) -> bool {
    let lower_start = |p: &str| s.get(..p.len()).is_some_and(|x| x.eq_ignore_ascii_case(p));
    if lower_start("http://") || lower_start("https://") || lower_start("www.") || s.contains("://")
    {
        return true;
    }
    if let Some(at) = s.find('@') {
        let domain = &s[at + 1..];
        return at > 0 && domain.contains('.') && !domain.ends_with('.');
    }
    false
}

/// Letters separated by periods, ending in a period: "U.S.", "a.m.", "J.".
fn is_initialism(s: &str) -> bool {
    let mut expect_letter = true;
    let mut letters = 0;
    for c in s.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters > 0
        && expect_letter
        && (letters > 1 || s.chars().next().is_some_and(char::is_uppercase))
}

impl TokenizerRules {
    /// Collects the word lists from gold sentences.
    pub fn learn(sentences: &[Sentence]) -> TokenizerRules {
        let mut whole_count: HashMap<String, u32> = HashMap::new();
        let mut split_count: HashMap<String, u32> = HashMap::new();
        let mut joined: HashMap<String, (Vec<u8>, u32)> = HashMap::new();
        // How often each alphabetic form stands as one word ("its" the possessive), against
        // how often it is written for two ("its" = "it s").
        let mut word_count: HashMap<String, u32> = HashMap::new();
        let mut norm = String::new();
        for s in sentences {
            let w = &s.words;
            for (i, word) in w.iter().enumerate() {
                normalize_into(&word.form, &mut norm);
                if norm.chars().all(char::is_alphabetic) {
                    *word_count.entry(norm.clone()).or_default() += 1;
                }
                if norm.chars().any(|c| !is_word_char(c)) && norm.chars().count() > 1 {
                    *whole_count.entry(norm.clone()).or_default() += 1;
                }
                // A hyphen or slash written between two words without spaces, split.
                if i + 2 < w.len()
                    && matches!(w[i + 1].form.as_str(), "-" | "/")
                    && !word.space_after
                    && !w[i + 1].space_after
                {
                    let joined_form = format!("{}{}{}", word.form, w[i + 1].form, w[i + 2].form);
                    normalize_into(&joined_form, &mut norm);
                    *split_count.entry(norm.clone()).or_default() += 1;
                }
                // Words written together with no apostrophe ("cannot", "gonna").
                if !word.space_after && i + 1 < w.len() {
                    let a = &word.form;
                    let b = &w[i + 1].form;
                    if a.chars().chain(b.chars()).all(char::is_alphabetic)
                        && (i + 2 >= w.len() || w[i + 1].space_after)
                    {
                        normalize_into(&format!("{a}{b}"), &mut norm);
                        let e = joined
                            .entry(norm.clone())
                            .or_insert((vec![a.len() as u8, b.len() as u8], 0));
                        e.1 += 1;
                    }
                }
            }
        }
        // Contractions written as one token are treebank typos ("it's" for "its"), not a rule.
        let whole = whole_count
            .into_iter()
            .filter(|(k, n)| {
                *n > split_count.get(k).copied().unwrap_or(0) && clitic_split(k).is_none()
            })
            .map(|(k, _)| k)
            .collect();
        let splits = joined
            .into_iter()
            .filter(|(k, (_, n))| *n >= 3 && *n > word_count.get(k).copied().unwrap_or(0))
            .map(|(k, (lens, _))| (k, lens))
            .collect();
        TokenizerRules { whole, splits }
    }

    fn is_whole(&self, s: &str, scratch: &mut String) -> bool {
        if is_url_or_email(s) || is_number_like(s) || is_initialism(s) {
            return true;
        }
        normalize_into(s, scratch);
        self.whole.contains(scratch.as_str())
    }

    /// Splits `text` into tokens (byte ranges).
    pub fn tokenize(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(text.len() / 4);
        let mut scratch = String::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    self.chunk(text, s, i, &mut out, &mut scratch);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            self.chunk(text, s, text.len(), &mut out, &mut scratch);
        }
        out
    }

    fn chunk(
        &self,
        text: &str,
        mut s: usize,
        mut e: usize,
        out: &mut Vec<Range<usize>>,
        scratch: &mut String,
    ) {
        // Brackets and quotes around a URL or address ("<name@host.com>") are tokens.
        let unwrapped = text[s..e].trim_start_matches(['<', '(', '[', '"', '\'', '“', '‘']);
        if is_url_or_email(unwrapped) {
            for (i, c) in text[s..e - unwrapped.len()].char_indices() {
                out.push(s + i..s + i + c.len_utf8());
            }
            s = e - unwrapped.len();
            // Sentence punctuation after a URL is not part of it.
            let url = text[s..e].trim_end_matches([
                '.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'', '”', '’',
            ]);
            let url_end = s + url.len().max(1);
            out.push(s..url_end);
            for (i, c) in text[url_end..e].char_indices() {
                out.push(url_end + i..url_end + i + c.len_utf8());
            }
            return;
        }
        if self.is_whole(&text[s..e], scratch) {
            out.push(s..e);
            return;
        }
        // Opening punctuation.
        while let Some(c) = text[s..e].chars().next() {
            let rest = &text[s + c.len_utf8()..e];
            if rest.is_empty() || !is_opening(c) {
                break;
            }
            // "'90s", "'em": an apostrophe glued to a known word or a digit stays.
            if is_apostrophe(c)
                && (rest.starts_with(|d: char| d.is_ascii_digit())
                    || self.is_whole(&text[s..e], scratch))
            {
                break;
            }
            out.push(s..s + c.len_utf8());
            s += c.len_utf8();
        }
        // Closing punctuation, collected right to left.
        let mut tail: Vec<Range<usize>> = Vec::new();
        while s < e {
            let body = &text[s..e];
            if self.is_whole(body, scratch) {
                break;
            }
            let c = body.chars().next_back().unwrap_or(' ');
            if is_terminal(c) {
                let run_start = body
                    .char_indices()
                    .rev()
                    .take_while(|&(_, d)| is_terminal(d))
                    .last()
                    .map_or(0, |(i, _)| i);
                if run_start == 0 {
                    break;
                }
                tail.push(s + run_start..e);
                e = s + run_start;
            } else if is_closing(c) {
                if body.len() == c.len_utf8() {
                    break;
                }
                tail.push(e - c.len_utf8()..e);
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        self.body(text, s, e, out, scratch);
        out.extend(tail.into_iter().rev());
    }

    /// The word part of a chunk: clitics and word-internal punctuation.
    fn body(
        &self,
        text: &str,
        s: usize,
        e: usize,
        out: &mut Vec<Range<usize>>,
        scratch: &mut String,
    ) {
        if s >= e {
            return;
        }
        let body = &text[s..e];
        if self.is_whole(body, scratch) {
            out.push(s..e);
            return;
        }
        if let Some(split) = clitic_split(body) {
            self.body(text, s, s + split, out, scratch);
            out.push(s + split..e);
            return;
        }
        normalize_into(body, scratch);
        if let Some(lens) = self.splits.get(scratch.as_str()) {
            let total: usize = lens.iter().map(|&l| l as usize).sum();
            if total == body.len() {
                let mut p = s;
                for &l in lens {
                    out.push(p..p + l as usize);
                    p += l as usize;
                }
                return;
            }
        }
        // Unknown runs of symbols ("-$") split where the symbol changes.
        if !body.chars().any(is_word_char) {
            let mut piece = s;
            let mut prev = None;
            for (i, c) in body.char_indices() {
                if prev.is_some_and(|p| p != c) {
                    out.push(piece..s + i);
                    piece = s + i;
                }
                prev = Some(c);
            }
            out.push(piece..e);
            return;
        }
        // Word-internal hyphens, slashes and commas separate words ("search-engine", "and/or").
        let mut piece = s;
        let mut iter = body.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = s + i;
            if matches!(
                c,
                '-' | '/' | ',' | '–' | '—' | '&' | '(' | ')' | '"' | '+' | '='
            ) && at > piece
            {
                let mut end = at + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if d == c {
                        end = s + j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if end >= e || (c == '&' && end - at == 1) {
                    continue;
                }
                out.push(piece..at);
                out.push(at..end);
                piece = end;
            }
        }
        if piece < e {
            out.push(piece..e);
        }
    }

    /// Groups tokens into sentences; returns token index ranges. No sentence is longer than
    /// [`MAX_SENTENCE_TOKENS`]: a runaway one (a list, a text without punctuation) is cut, at
    /// the last `;`, `:` or `,` of its final quarter where there is one, so that the work and
    /// memory spent on each sentence stay bounded and a document costs time linear in its size.
    pub fn split_sentences(&self, text: &str, tokens: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for i in 0..tokens.len() {
            let next = tokens.get(i + 1);
            let end_here = match next {
                None => true,
                Some(n) => {
                    let gap = &text[tokens[i].end..n.start];
                    if gap.matches('\n').count() >= 2 {
                        true
                    } else {
                        self.ends_sentence(text, tokens, i)
                    }
                }
            };
            if end_here {
                out.push(start..i + 1);
                start = i + 1;
            } else if i + 1 - start >= MAX_SENTENCE_TOKENS {
                let cut = runaway_cut(text, tokens, start, i + 1);
                out.push(start..cut);
                start = cut;
            }
        }
        out
    }

    fn ends_sentence(&self, text: &str, tokens: &[Range<usize>], i: usize) -> bool {
        // The last terminal token before any closing quotes/brackets.
        let tok = &text[tokens[i].clone()];
        let next = &text[tokens[i + 1].clone()];
        let closing_only = |t: &str| {
            t.chars()
                .all(|c| matches!(c, ')' | ']' | '"' | '”' | '’' | '\''))
        };
        let quoted = closing_only(tok) && i > 0 && tokens[i].start == tokens[i - 1].end;
        let terminal = if quoted {
            &text[tokens[i - 1].clone()]
        } else {
            tok
        };
        if !terminal.chars().all(is_terminal) {
            return false;
        }
        // The following token must be able to open a sentence.
        if closing_only(next) && tokens[i + 1].start == tokens[i].end {
            return false;
        }
        let first = next.chars().next().unwrap_or(' ');
        if matches!(first, ',' | ';' | ':' | '.' | ')' | ']') {
            return false;
        }
        // Informal text starts sentences in lowercase too, but a lowercase word after a quoted
        // question ("Why?" he asked) or an ellipsis usually continues the sentence.
        // A spaced ellipsis (". . .") is a run of single-period tokens.
        let at = if quoted { i - 1 } else { i };
        let spaced = terminal == "." && at > 0 && &text[tokens[at - 1].clone()] == ".";
        let ellipsis = terminal.starts_with("..") || terminal.contains('…') || spaced;
        !(first.is_lowercase() && (quoted || ellipsis))
    }
}

/// The most tokens one sentence may have. Edited news sentences stay far below it (the
/// longest in the UD English EWT dev and test sets has 81 tokens); longer runs are lists,
/// tables or text without punctuation, cut into pieces of at most this length.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Where to end a runaway sentence spanning tokens `start..end` (`end - start` is the
/// maximum): after the last clause punctuation of its final quarter, else at the maximum.
fn runaway_cut(text: &str, tokens: &[Range<usize>], start: usize, end: usize) -> usize {
    let earliest = end - (end - start) / 4;
    (earliest..end)
        .rev()
        .find(|&k| matches!(&text[tokens[k].clone()], ";" | ":" | ","))
        .map_or(end, |k| k + 1)
}

/// Byte position where an English clitic starts: "n't", "'s", "'re", "'ve", "'ll", "'d", "'m"
/// (straight or curly apostrophes). `None` when there is none.
fn clitic_split(body: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let n = chars.len();
    if n < 2 {
        return None;
    }
    let lower = |k: usize| chars[k].1.to_ascii_lowercase();
    // n't
    if n >= 4 && lower(n - 1) == 't' && is_apostrophe(chars[n - 2].1) && lower(n - 3) == 'n' {
        return Some(chars[n - 3].0);
    }
    for len in [2usize, 3] {
        if n > len && is_apostrophe(chars[n - len].1) {
            let suffix: String = (n - len + 1..n).map(lower).collect();
            if matches!(suffix.as_str(), "s" | "d" | "m" | "re" | "ve" | "ll")
                && chars[n - len - 1].1.is_alphanumeric()
            {
                return Some(chars[n - len].0);
            }
        }
    }
    None
}
