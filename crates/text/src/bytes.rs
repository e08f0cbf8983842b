//! Byte-level checks shared by the readers: is this text at all, is it UTF-8, and reading one
//! line without letting a gigantic one exhaust memory.

use std::io::{self, BufRead};

/// How much of an input is looked at to decide whether it is binary.
pub(crate) const SNIFF_BYTES: usize = 8192;

/// Says why `head` (the first bytes of an input) is not text, or `None` when it looks like text.
///
/// A NUL byte never occurs in text; a high share of other control bytes means an image,
/// archive or office file given by mistake.
pub(crate) fn binary_reason(head: &[u8]) -> Option<String> {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    if looks_utf16(head) {
        return Some(
            "UTF-16 encoded text; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)".to_string(),
        );
    }
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Some(format!("binary file (NUL byte at offset {at}), not text"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.len() >= 32 && controls * 10 > head.len() {
        return Some(format!(
            "binary file ({controls} control bytes in the first {} bytes), not text",
            head.len()
        ));
    }
    None
}

/// A UTF-16 byte-order mark, or NUL in every other byte as Latin-script UTF-16 has.
fn looks_utf16(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let pairs = head.len() / 2;
    if pairs < 4 {
        return false;
    }
    let nul_at = |parity: usize| {
        head.chunks_exact(2)
            .filter(|pair| pair[parity] == 0 && pair[1 - parity] != 0)
            .count()
    };
    nul_at(0).max(nul_at(1)) * 10 >= pairs * 9
}

/// Where invalid UTF-8 starts: 1-based line and the byte offset from the start of `bytes`.
pub(crate) struct Utf8Problem {
    pub line: usize,
    pub offset: usize,
}

impl Utf8Problem {
    pub fn reason(&self, base_offset: usize) -> String {
        format!(
            "invalid UTF-8 at byte offset {} (the file must be UTF-8 encoded)",
            base_offset + self.offset
        )
    }
}

/// Turns bytes into a `String`, or says where the first invalid sequence is.
pub(crate) fn decode_utf8(bytes: Vec<u8>) -> Result<String, Utf8Problem> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
        Utf8Problem { line, offset }
    })
}

/// Drops a leading UTF-8 byte-order mark, which editors on Windows like to write.
pub(crate) fn strip_bom(bytes: &mut Vec<u8>) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
}

/// What reading one line gave.
pub(crate) enum Line {
    /// The line (without its `\n`) is in the buffer.
    Read,
    /// The line was longer than the cap; it was skipped up to its end. Holds its length.
    TooLong(u64),
    /// End of input.
    End,
}

/// Reads one `\n`-terminated line into `buf` (cleared first, newline and a `\r` before it
/// removed), holding at most `cap` bytes in memory: a longer line is consumed and dropped.
pub(crate) fn read_capped_line<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut overflow = false;
    let mut saw_any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        saw_any = true;
        let (piece, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (&chunk[..at], Some(at + 1)),
            None => (chunk, None),
        };
        total += piece.len() as u64;
        if !overflow {
            if buf.len() + piece.len() > cap {
                overflow = true;
                buf.clear();
                buf.shrink_to(SNIFF_BYTES);
            } else {
                buf.extend_from_slice(piece);
            }
        }
        let used = done.unwrap_or(chunk.len());
        reader.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !saw_any {
        return Ok(Line::End);
    }
    if overflow {
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_and_control_noise_are_binary() {
        assert!(binary_reason(b"hello\0world").unwrap().contains("offset 5"));
        let noise: Vec<u8> = (1u8..32).cycle().take(200).collect();
        assert!(binary_reason(&noise).is_some());
        assert!(binary_reason("Plain text,\twith tabs\r\nand lines.".as_bytes()).is_none());
    }

    #[test]
    fn utf16_is_named_as_such() {
        let le: Vec<u8> = "Italy expelled 30."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(binary_reason(&le).unwrap().starts_with("UTF-16"));
        let mut be = vec![0xFE, 0xFF];
        be.extend("Rome".encode_utf16().flat_map(u16::to_be_bytes));
        assert!(binary_reason(&be).unwrap().starts_with("UTF-16"));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let bytes = b"line one\nline two \xff\n".to_vec();
        let problem = decode_utf8(bytes).err().unwrap();
        assert_eq!(problem.line, 2);
        assert_eq!(problem.offset, 18);
    }

    #[test]
    fn long_lines_are_skipped_not_kept() {
        let input = format!("short\r\n{}\nafter", "x".repeat(100));
        let mut reader = io::BufReader::with_capacity(16, input.as_bytes());
        let mut buf = Vec::new();
        assert!(matches!(
            read_capped_line(&mut reader, &mut buf, 50),
            Ok(Line::Read)
        ));
        assert_eq!(buf, b"short");
        assert!(matches!(
            read_capped_line(&mut reader, &mut buf, 50),
            Ok(Line::TooLong(100))
        ));
        assert!(matches!(
            read_capped_line(&mut reader, &mut buf, 50),
            Ok(Line::Read)
        ));
        assert_eq!(buf, b"after");
        assert!(matches!(
            read_capped_line(&mut reader, &mut buf, 50),
            Ok(Line::End)
        ));
    }
}
