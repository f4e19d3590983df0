//! Text encodings of actuals files: UTF-8 (with or without a byte order mark), or
//! Windows-1252, what Italian Excel writes when it saves "CSV (delimitato dal separatore di
//! elenco)".

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-8 after a byte order mark.
    Utf8WithBom,
    /// Not UTF-8: read as Windows-1252.
    Windows1252,
}

/// Decodes bytes as UTF-8 when they are UTF-8, else as Windows-1252 (which maps every byte).
pub fn decode(bytes: Vec<u8>) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        && let Ok(text) = std::str::from_utf8(rest)
    {
        return (text.to_owned(), Encoding::Utf8WithBom);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, Encoding::Utf8),
        Err(error) => (error.into_bytes().iter().map(|&b| windows_1252(b)).collect(), Encoding::Windows1252),
    }
}

/// The character of one Windows-1252 byte: Latin-1, except 0x80–0x9F, which hold typographic
/// characters (€, curly quotes, dashes...). The five unassigned bytes map to U+FFFD.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž', '\u{FFFD}',
        '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
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
}
