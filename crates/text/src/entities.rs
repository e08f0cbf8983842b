//! HTML character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2014;`) and the
//! Windows-1252 code page that numeric references and old pages fall back on.

/// Names of U+00A0..=U+00FF in code point order, as HTML defines them.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Greek letters from Alpha (U+0391) in code point order; U+03A2 has no capital.
const GREEK_CAPITALS: [&str; 25] = [
    "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
    "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi",
    "Chi", "Psi", "Omega",
];

/// The remaining references news pages use: ASCII punctuation, typography, currency, arrows
/// and mathematical signs.
const OTHERS: &[(&str, char)] = &[
    ("quot", '"'),
    ("QUOT", '"'),
    ("amp", '&'),
    ("AMP", '&'),
    ("lt", '<'),
    ("LT", '<'),
    ("gt", '>'),
    ("GT", '>'),
    ("apos", '\''),
    ("COPY", '©'),
    ("REG", '®'),
    ("Tab", '\t'),
    ("NewLine", '\n'),
    ("excl", '!'),
    ("num", '#'),
    ("dollar", '$'),
    ("percnt", '%'),
    ("lpar", '('),
    ("rpar", ')'),
    ("ast", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("period", '.'),
    ("sol", '/'),
    ("colon", ':'),
    ("semi", ';'),
    ("equals", '='),
    ("quest", '?'),
    ("commat", '@'),
    ("lsqb", '['),
    ("bsol", '\\'),
    ("rsqb", ']'),
    ("lowbar", '_'),
    ("grave", '`'),
    ("lcub", '{'),
    ("verbar", '|'),
    ("rcub", '}'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("sigmaf", 'ς'),
    ("thetasym", 'ϑ'),
    ("upsih", 'ϒ'),
    ("piv", 'ϖ'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("hyphen", '‐'),
    ("dash", '‐'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("horbar", '―'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("rsquor", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("rdquor", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("bullet", '•'),
    ("hellip", '…'),
    ("mldr", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("TRADE", '™'),
    ("numero", '№'),
    ("larr", '←'),
    ("uarr", '↑'),
    ("rarr", '→'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("minus", '−'),
    ("lowast", '∗'),
    ("radic", '√'),
    ("infin", '∞'),
    ("asymp", '≈'),
    ("ne", '≠'),
    ("equiv", '≡'),
    ("le", '≤'),
    ("ge", '≥'),
    ("sum", '∑'),
    ("prod", '∏'),
    ("part", '∂'),
    ("loz", '◊'),
    ("star", '☆'),
    ("starf", '★'),
    ("check", '✓'),
    ("cross", '✗'),
];

/// References that old pages write without the closing `;` and browsers still decode.
const LEGACY_WITHOUT_SEMICOLON: [&str; 7] = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

fn named(name: &str) -> Option<char> {
    if let Some(at) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + at as u32);
    }
    if let Some(at) = GREEK_CAPITALS
        .iter()
        .position(|&n| !n.is_empty() && n == name)
    {
        return char::from_u32(0x391 + at as u32);
    }
    // Small letters sit 0x20 above their capitals, with final sigma in the gap.
    if let Some(first) = name.chars().next().filter(char::is_ascii_lowercase) {
        let capital = format!("{}{}", first.to_ascii_uppercase(), &name[1..]);
        if let Some(at) = GREEK_CAPITALS
            .iter()
            .position(|&n| !n.is_empty() && n == capital)
        {
            return char::from_u32(0x3B1 + at as u32);
        }
    }
    OTHERS.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Windows-1252 bytes 0x80..=0x9F; `None` where the code page leaves a byte undefined.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// One Windows-1252 byte as a character (undefined bytes map to the C1 control of that number,
/// as browsers do).
pub(crate) fn cp1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[(byte - 0x80) as usize].unwrap_or(byte as char),
        _ => byte as char,
    }
}

/// A numeric reference's character: browsers read 128..=159 as Windows-1252 (pages that
/// wrote `&#146;` meant a right quote) and replace what is not a character by U+FFFD.
fn numeric(code: u32) -> char {
    match code {
        0x80..=0x9F => cp1252(code as u8),
        0 => '\u{FFFD}',
        _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
    }
}

/// Appends `text` to `out` with character references decoded. Unknown or malformed
/// references are kept literally.
pub(crate) fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    decode_into(text, &mut out);
    out
}

/// The character a reference at the start of `text` (which begins with `&`) stands for,
/// and how many bytes it takes.
fn reference(text: &str) -> Option<(char, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_from = if hex { 3 } else { 2 };
        let digits = bytes[digits_from..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_from + digits;
        let code = u32::from_str_radix(&text[digits_from..end], if hex { 16 } else { 10 })
            .unwrap_or(u32::MAX);
        let len = if bytes.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return Some((numeric(code), len));
    }
    let name_len = bytes[1..]
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &text[1..1 + name_len];
    if bytes.get(1 + name_len) == Some(&b';') {
        return named(name).map(|c| (c, name_len + 2));
    }
    // Without `;`, only the legacy few, and only as a whole word ("&amp" but not "&ampere").
    LEGACY_WITHOUT_SEMICOLON
        .iter()
        .find(|&&legacy| legacy == name)
        .and_then(|&legacy| named(legacy).map(|c| (c, legacy.len() + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(
            decode(
                "Moscow&rsquo;s &ldquo;aggression&rdquo; &amp; M&eacute;xico &mdash; &#8220;30&#x201D;"
            ),
            "Moscow’s “aggression” & México — “30”"
        );
        assert_eq!(decode("&Omega;&omega;&sigmaf;&sigma;&Sigma;"), "ΩωςσΣ");
        assert_eq!(decode("&#146;&#0;&#x110000;"), "’\u{FFFD}\u{FFFD}");
        assert_eq!(decode("&nbsp;&yuml;&iexcl;"), "\u{A0}ÿ¡");
    }

    #[test]
    fn unknown_and_bare_ampersands_stay() {
        assert_eq!(
            decode("AT&T &unknown; & &#; &ampere"),
            "AT&T &unknown; & &#; &ampere"
        );
        assert_eq!(decode("fish &amp chips"), "fish & chips");
    }
}
