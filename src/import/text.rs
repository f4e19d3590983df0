//! Text tables (`.csv`, `.tsv`, `.txt`: what "Save as text" and copy-paste give) → one
//! [`Sheet`].
//!
//! The bytes are decoded by their byte order mark (UTF-8, UTF-16), else as UTF-8, else as
//! Windows-1252 (what Italian Excel saves). The field
//! delimiter is the one of tab, `;` and `,` found on the most lines. A field is quoted only when
//! it starts with `"` and a closing `"` follows it before the next delimiter or line end (`""`
//! inside is one quote); any other quote is text, since exports of spreadsheets write names like
//! `Gestione delle pratiche "cassetto digitale"` unquoted. Lines starting with `# ` are comments.

use crate::actuals::encoding;
use crate::diagnostic::{Code, Diagnostic};
use crate::msg;
use crate::source::SourceFile;

use super::grid::{Cell, Row, Sheet};

/// How many lines the delimiter is guessed from.
const SAMPLE_LINES: usize = 200;

/// Reads a text table.
pub(crate) fn read(name: &str, bytes: Vec<u8>) -> Result<(SourceFile, u8, Sheet), Box<Diagnostic>> {
    if encoding::is_binary(&bytes) {
        let message = if encoding::looks_like_utf16_without_bom(&bytes) {
            msg!("unreadable-workbook-utf16", file = name)
        } else {
            msg!("unreadable-workbook-binary", file = name)
        };
        return Err(Box::new(
            Diagnostic::new(Code::UnreadableWorkbook, message).with_help(msg!("unreadable-workbook-binary-help")),
        ));
    }
    let (text, _) = encoding::decode(bytes);
    let delimiter = guess_delimiter(&text);
    let rows = split(&text, delimiter);
    Ok((SourceFile::new(name, text), delimiter, Sheet { name: None, rows }))
}

/// The delimiter found on the most of the first lines (ties: tab, then `;`, then `,`).
fn guess_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> =
        text.lines().filter(|line| !line.trim().is_empty() && !is_comment(line)).take(SAMPLE_LINES).collect();
    let score = |delimiter: char| {
        let on_lines = lines.iter().filter(|line| line.contains(delimiter)).count();
        let total: usize = lines.iter().map(|line| line.matches(delimiter).count()).sum();
        (on_lines, total)
    };
    let mut best = (b'\t', score('\t'));
    for delimiter in [b';', b','] {
        let candidate = score(char::from(delimiter));
        if candidate > best.1 {
            best = (delimiter, candidate);
        }
    }
    best.0
}

fn is_comment(line: &str) -> bool {
    line == "#" || line.starts_with("# ")
}

/// Splits the text into rows of cells, each with its line and its bytes in the text.
fn split(text: &str, delimiter: u8) -> Vec<Row> {
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    let mut position = 0;
    let mut line: u32 = 1;
    while position < bytes.len() {
        let line_end = bytes[position..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| position + i);
        if is_comment(&text[position..line_end]) {
            position = line_end + 1;
            line += 1;
            continue;
        }
        let number = line;
        let mut cells = Vec::new();
        let mut column: u32 = 1;
        loop {
            let (field, span, next) = match quoted_field(bytes, position, delimiter) {
                Some((content_end, next)) => {
                    line += count_newlines(&bytes[position..next]);
                    (text[position + 1..content_end].replace("\"\"", "\""), position..content_end + 1, next)
                }
                None => {
                    let end = bytes[position..]
                        .iter()
                        .position(|&b| b == delimiter || b == b'\n')
                        .map_or(bytes.len(), |i| position + i);
                    let content_end = if end > position && bytes[end - 1] == b'\r' { end - 1 } else { end };
                    (text[position..content_end].to_owned(), position..content_end, end)
                }
            };
            if let Some(cell) = Cell::new(column, &field, Some(span)) {
                cells.push(cell);
            }
            column += 1;
            match bytes.get(next) {
                Some(&b) if b == delimiter => position = next + 1,
                Some(b'\n') => {
                    position = next + 1;
                    line += 1;
                    break;
                }
                _ => {
                    position = bytes.len();
                    break;
                }
            }
        }
        if !cells.is_empty() {
            // Rows are many and short: no spare capacity.
            cells.shrink_to_fit();
            rows.push(Row { number, cells });
        }
    }
    rows
}

/// A quoted field at `start`: the end of its content (the closing quote) and where the field
/// ends (the delimiter, line end or end of text after the quote). `None` when the field is not
/// quoted, or its quote is never properly closed (it is then read as text).
fn quoted_field(bytes: &[u8], start: usize, delimiter: u8) -> Option<(usize, usize)> {
    if bytes.get(start) != Some(&b'"') {
        return None;
    }
    let mut i = start + 1;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            if bytes.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            let mut after = i + 1;
            if bytes.get(after) == Some(&b'\r') {
                after += 1;
            }
            return match bytes.get(after) {
                None | Some(b'\n') => Some((i, after)),
                Some(&b) if b == delimiter => Some((i, after)),
                Some(_) => None,
            };
        }
        i += 1;
    }
    None
}

fn count_newlines(bytes: &[u8]) -> u32 {
    u32::try_from(crate::source::line_breaks(bytes)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<(u32, u32, String)>> {
        let (_, _, sheet) = read("t.txt", text.as_bytes().to_vec()).unwrap();
        sheet
            .rows
            .iter()
            .map(|row| row.cells.iter().map(|c| (row.number, c.column, c.text.clone())).collect())
            .collect()
    }

    #[test]
    fn tabs_win_over_commas_inside_names() {
        let text = "Incremento SPID, cassetto\t>1\tI\nPratiche, evase\t2\tII\n";
        assert_eq!(guess_delimiter(text), b'\t');
        assert_eq!(cells(text)[0][0].2, "Incremento SPID, cassetto");
        assert_eq!(guess_delimiter("a;b;c\nd;e, f;g\n"), b';');
        assert_eq!(guess_delimiter("a,b,c\n"), b',');
    }

    #[test]
    fn quotes_only_quote_a_whole_field() {
        let rows = cells("\"a;b\";\"say \"\"hi\"\"\";Gestione \"cassetto\" digitale\n\"multi\nline\";x\n");
        assert_eq!(
            rows[0].iter().map(|c| c.2.as_str()).collect::<Vec<_>>(),
            ["a;b", "say \"hi\"", "Gestione \"cassetto\" digitale"]
        );
        assert_eq!(rows[1][0], (2, 1, "multi line".to_owned()));
        assert_eq!(rows[1][1], (2, 2, "x".to_owned()));
        // A quote never closed is text.
        assert_eq!(cells("\"open;b\n")[0][0].2, "\"open");
    }

    #[test]
    fn rows_keep_their_line_numbers_and_columns() {
        let rows = cells("# a comment\n\na\t\tc\r\n\t\t\n\tb\n");
        assert_eq!(rows, vec![vec![(3, 1, "a".to_owned()), (3, 3, "c".to_owned())], vec![(5, 2, "b".to_owned())]]);
    }

    #[test]
    fn windows_1252_is_read() {
        let rows = cells("Competitivit\u{e0}\n");
        assert_eq!(rows[0][0].2, "Competitività");
        let (_, _, sheet) = read("t.txt", b"Competitivit\xE0\n".to_vec()).unwrap();
        assert_eq!(sheet.rows[0].cells[0].text, "Competitività");
    }

    #[test]
    fn binary_files_are_refused() {
        let error = read("t.txt", b"PK\x00\x01binary".to_vec()).unwrap_err();
        assert_eq!(error.code, Code::UnreadableWorkbook);
    }
}
