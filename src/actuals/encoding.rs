//! Text encodings of actuals files (and of the text tables `import` reads): UTF-8, with or
//! without a byte order mark; UTF-16 with a byte order mark, what Excel saves as "Testo Unicode"
//! (little-endian) and some tools as big-endian; else Windows-1252, what Italian Excel writes
//! when it saves "CSV (delimitato dal separatore di elenco)". Decoding is `encoding_rs`'s.

use encoding_rs::{UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-8 after a byte order mark.
    Utf8WithBom,
    /// UTF-16, little-endian, after its byte order mark.
    Utf16Le,
    /// UTF-16, big-endian, after its byte order mark.
    Utf16Be,
    /// Not UTF-8 and no byte order mark: read as Windows-1252.
    Windows1252,
}

/// How many bytes are looked at to tell a binary file from text.
const SNIFFED_BYTES: usize = 8000;

/// The encoding a byte order mark at the start of `bytes` names, and the mark's length.
pub fn byte_order_mark(bytes: &[u8]) -> Option<(Encoding, usize)> {
    let (encoding, length) = encoding_rs::Encoding::for_bom(bytes)?;
    let which = if encoding == UTF_8 {
        Encoding::Utf8WithBom
    } else if encoding == UTF_16LE {
        Encoding::Utf16Le
    } else {
        Encoding::Utf16Be
    };
    Some((which, length))
}

/// Decodes bytes: by their byte order mark when they have one; else as UTF-8 when they are
/// UTF-8, else as Windows-1252 (which maps every byte). Malformed UTF-16 (a lone surrogate)
/// becomes U+FFFD, the replacement character, which no value or id contains.
///
/// Line ends are made `\n` or `\r\n`: a lone `\r` (classic Mac OS, some exports) ends a line
/// too, so that lines are the rows diagnostics name.
pub fn decode(bytes: Vec<u8>) -> (String, Encoding) {
    let (text, encoding) = decode_text(bytes);
    (lone_carriage_returns_to_line_feeds(text), encoding)
}

/// Whether [`decode`] gives `bytes` as they are (UTF-8 without a mark, and no lone `\r`): then
/// what is computed of the bytes, a digest, can be computed of the text instead.
pub fn decodes_to_itself(bytes: &[u8]) -> bool {
    byte_order_mark(bytes).is_none() && std::str::from_utf8(bytes).is_ok() && !has_lone_carriage_return(bytes)
}

/// Whether a `\r` is not followed by `\n`: found with `memchr`, a file of a million rows is
/// read for them in a millisecond or two.
fn has_lone_carriage_return(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'))
}

fn lone_carriage_returns_to_line_feeds(text: String) -> String {
    if !has_lone_carriage_return(text.as_bytes()) {
        return text;
    }
    let mut out = text.into_bytes();
    for at in 0..out.len() {
        if out[at] == b'\r' && out.get(at + 1) != Some(&b'\n') {
            out[at] = b'\n';
        }
    }
    String::from_utf8(out).expect("one ASCII byte replaced by another")
}

fn decode_text(bytes: Vec<u8>) -> (String, Encoding) {
    match byte_order_mark(&bytes) {
        Some((Encoding::Utf8WithBom, length)) => match std::str::from_utf8(&bytes[length..]) {
            Ok(text) => (text.to_owned(), Encoding::Utf8WithBom),
            Err(_) => {
                (WINDOWS_1252.decode_without_bom_handling(&bytes[length..]).0.into_owned(), Encoding::Windows1252)
            }
        },
        Some((utf16, length)) => {
            let encoding = if utf16 == Encoding::Utf16Le { UTF_16LE } else { UTF_16BE };
            (encoding.decode_without_bom_handling(&bytes[length..]).0.into_owned(), utf16)
        }
        None => match String::from_utf8(bytes) {
            Ok(text) => (text, Encoding::Utf8),
            Err(error) => {
                (WINDOWS_1252.decode_without_bom_handling(error.as_bytes()).0.into_owned(), Encoding::Windows1252)
            }
        },
    }
}

/// Whether `bytes` are not text: a NUL among the first bytes, and no UTF-16 byte order mark
/// (UTF-16 text is full of NULs).
pub fn is_binary(bytes: &[u8]) -> bool {
    let utf16 = matches!(byte_order_mark(bytes), Some((Encoding::Utf16Le | Encoding::Utf16Be, _)));
    !utf16 && bytes.iter().take(SNIFFED_BYTES).any(|&b| b == 0)
}

/// Whether binary-looking bytes are in fact UTF-16 text saved without a byte order mark: most
/// of their NULs fall on one side of each pair of bytes (`a\0b\0`), as they do in text of the
/// Latin alphabet.
pub fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFFED_BYTES) & !1];
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    pairs >= 2 && (even.max(odd) * 10 >= pairs * 6) && even.min(odd) * 10 <= pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("attività".as_bytes().to_vec()), ("attività".to_owned(), Encoding::Utf8));
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice("attività".as_bytes());
        assert_eq!(decode(with_bom), ("attività".to_owned(), Encoding::Utf8WithBom));
    }

    #[test]
    fn windows_1252_as_excel_saves_it() {
        // "attività – 5 €" in Windows-1252.
        let bytes = b"attivit\xE0 \x96 5 \x80".to_vec();
        assert_eq!(decode(bytes), ("attività – 5 €".to_owned(), Encoding::Windows1252));
    }

    #[test]
    fn utf16_with_its_byte_order_mark_as_excel_saves_unicode_text() {
        let text = "indicator\tyear\tvalue\nS1.1\t2019\t98,5 €\n";
        let mut little = vec![0xFF, 0xFE];
        little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert!(!is_binary(&little));
        assert_eq!(decode(little), (text.to_owned(), Encoding::Utf16Le));
        let mut big = vec![0xFE, 0xFF];
        big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(big), (text.to_owned(), Encoding::Utf16Be));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        assert_eq!(
            decode(b"indicator;year\rS1.1;2019\r\nS1.2;2019\r".to_vec()).0,
            "indicator;year\nS1.1;2019\r\nS1.2;2019\n"
        );
        // Only the last one lone, after line ends that are not; and none at all.
        assert_eq!(decode(b"a\r\nb\r\nc\r".to_vec()).0, "a\r\nb\r\nc\n");
        assert_eq!(decode(b"a\r\nb\r\n".to_vec()).0, "a\r\nb\r\n");
    }

    #[test]
    fn a_file_decodes_to_itself_only_when_its_text_is_its_bytes() {
        let cases: &[&[u8]] = &[
            b"a;1\r\nb;2\n",
            "citt\u{e0};1\n".as_bytes(),
            b"",
            b"a;1\rb;2\n",
            b"a;1\r",
            b"\xEF\xBB\xBFa;1\n",
            b"citt\xE0;1\n",
            b"\xFF\xFEa\x00",
        ];
        for &bytes in cases {
            let itself = decode(bytes.to_vec()).0.as_bytes() == bytes;
            assert_eq!(decodes_to_itself(bytes), itself, "{bytes:?}");
        }
        assert_eq!(cases.iter().filter(|bytes| decodes_to_itself(bytes)).count(), 3);
    }

    #[test]
    fn binary_and_utf16_without_a_mark_are_told_apart() {
        let bare: Vec<u8> = "indicator,year".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(is_binary(&bare));
        assert!(looks_like_utf16_without_bom(&bare));
        assert!(!looks_like_utf16_without_bom(b"PK\x03\x04\x00\x00\x01\x02\x00\x00\x00\x00garbage"));
        assert!(!is_binary(b"indicator,year"));
    }
}
