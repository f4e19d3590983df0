//! Workbooks as actuals files: `.xlsx` (and `.xlsm`), `.ods`, `.xls` and `.xlsb`.
//!
//! Each worksheet becomes the text of a tab-delimited file that [`super::read`] reads as it
//! reads a CSV file, so a workbook follows every rule of the format, with the same diagnostics.
//! Line *N* of the text is row *N* of the sheet, so diagnostics name the sheet's rows; the
//! text is named `file[sheet]`, so they name the sheet too. Cells become text as follows:
//!
//! - text: as it is, with a line break inside the cell (Alt+Enter) read as a space, so that
//!   rows and lines stay one to one;
//! - numbers: the shortest decimal that reads back as the cell's binary value, with a decimal
//!   comma (`98,5`, `1,04`, `2019`): exactly what was typed, for up to 15 significant digits
//!   (beyond that a spreadsheet keeps no more digits either). In `.xlsx` files a number with a
//!   percentage format is written as a percentage: the cell 0,985 shown as `98,5%` becomes
//!   `98,5%`. Other formats (and `.ods`, `.xls`, `.xlsb` files, whose formats are not read)
//!   give the bare number;
//! - dates: `dd/mm/yyyy` (a time of day is dropped);
//! - `TRUE` / `FALSE`: `sì` / `no`;
//! - formulas: their last computed value, as saved in the file; errors (`#DIV/0!`): as shown,
//!   which `score` then reports as an invalid value.
//!
//! Fields holding a tab, a quote, `,` or `;` are quoted, so the delimiter is always the tab.
//! Hidden sheets (lookup lists, notes) are not read; nor are chart sheets or empty sheets
//! (unless every sheet is empty: then the first, which `score` reports as having no columns).

use std::io::Cursor;

use calamine::{Data, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx, XlsxError};

use crate::i18n::Message;
use crate::msg;

use crate::source::SourceFile;

/// The largest text a sheet may turn into: as large as the largest actuals file read.
pub const MAX_SHEET_TEXT: usize = 1024 * 1024 * 1024;

/// Why a workbook cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookError {
    /// Encrypted with a password: its content cannot be read without it.
    PasswordProtected,
    /// Not a workbook of its kind, or a damaged one.
    Unreadable {
        /// `.xlsx`, `.ods`...
        kind: &'static str,
        /// What the reader said (in English: calamine's words).
        reason: String,
    },
    /// A sheet whose text would be larger than [`MAX_SHEET_TEXT`], or with a cell beyond the
    /// last row or column a spreadsheet has ([`MAX_ROWS`], [`MAX_COLUMNS`]).
    TooLarge(String),
}

impl WorkbookError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Self::PasswordProtected => msg!("workbook-password"),
            Self::Unreadable { kind, reason } => msg!("workbook-unreadable", kind = kind, reason = reason),
            Self::TooLarge(sheet) => msg!("workbook-too-large", sheet = sheet),
        }
    }
}

crate::display_in_english!(WorkbookError);

/// The rows of an Excel or LibreOffice sheet: a cell below them is a damaged or crafted file,
/// and reading down to it would build a text of that many lines.
pub const MAX_ROWS: u32 = 1_048_576;

/// The columns of an Excel sheet (`XFD`); LibreOffice has as many.
pub const MAX_COLUMNS: u32 = 16_384;

/// The kinds of workbook read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML: `.xlsx`, `.xlsm`.
    Xlsx,
    /// Excel binary: `.xlsb`.
    Xlsb,
    /// Excel 97–2003: `.xls`.
    Xls,
    /// OpenDocument: `.ods`.
    Ods,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Xlsx => ".xlsx",
            Kind::Xlsb => ".xlsb",
            Kind::Xls => ".xls",
            Kind::Ods => ".ods",
        }
    }
}

/// The start of a zip archive (`.xlsx`, `.ods`).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The start of an OLE compound file (`.xls`, and `.xlsx` files encrypted with a password).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether a file is a workbook, and which kind: by its extension (`.xlsx`, `.xlsm`, `.xlsb`,
/// `.xls`, `.ods`, any case), else by its first bytes (a zip archive or an OLE compound file
/// is never a CSV file: an `.xlsx` renamed `.csv` is still read).
pub fn kind(name: &str, bytes: &[u8]) -> Option<Kind> {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("xlsx" | "xlsm") => Some(Kind::Xlsx),
        Some("xlsb") => Some(Kind::Xlsb),
        Some("xls") => Some(Kind::Xls),
        Some("ods") => Some(Kind::Ods),
        _ if bytes.starts_with(ZIP_MAGIC) => {
            // An OpenDocument file names its type in the zip's first entry, `mimetype`.
            let ods = bytes.windows(46).take(200).any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet");
            Some(if ods { Kind::Ods } else { Kind::Xlsx })
        }
        _ if bytes.starts_with(OLE_MAGIC) => {
            // An encrypted .xlsx holds an `EncryptedPackage` stream (its name in UTF-16).
            let encrypted = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
            let xlsx = bytes.windows(encrypted.len()).any(|w| w == encrypted.as_slice());
            Some(if xlsx { Kind::Xlsx } else { Kind::Xls })
        }
        _ => None,
    }
}

/// Every visible, non-empty worksheet of the workbook `name` (of `kind`) as the text of a
/// tab-delimited actuals file named `name[sheet]`, in the workbook's order.
pub fn sheets(name: &str, bytes: &[u8], kind: Kind) -> Result<Vec<SourceFile>, WorkbookError> {
    let unreadable = |reason: String| WorkbookError::Unreadable { kind: kind.label(), reason };
    let cursor = Cursor::new(bytes);
    let texts = match kind {
        Kind::Xlsx => {
            let mut workbook = Xlsx::new(cursor).map_err(|e| match e {
                XlsxError::Password => WorkbookError::PasswordProtected,
                other => unreadable(other.to_string()),
            })?;
            let mut texts = Vec::new();
            for sheet in readable_sheets(&workbook) {
                let cells = xlsx_cells(&mut workbook, &sheet).map_err(|e| unreadable(e.to_string()))?;
                texts.push((sheet.clone(), sheet_text(&sheet, cells)?));
            }
            texts
        }
        Kind::Xlsb => generic(Xlsb::new(cursor), kind)?,
        Kind::Xls => generic(Xls::new(cursor), kind)?,
        Kind::Ods => generic(Ods::new(cursor), kind)?,
    };
    let mut sources: Vec<SourceFile> = texts
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(sheet, text)| SourceFile::new(format!("{name}[{sheet}]"), text.as_str()))
        .collect();
    if sources.is_empty() {
        let first = texts.into_iter().next().map_or_else(|| "-".to_owned(), |(sheet, _)| sheet);
        sources.push(SourceFile::new(format!("{name}[{first}]"), ""));
    }
    Ok(sources)
}

/// The names of the visible worksheets, in order (all the worksheets when none is visible).
fn readable_sheets<RS: std::io::Read + std::io::Seek>(workbook: &impl Reader<RS>) -> Vec<String> {
    let worksheets: Vec<&calamine::Sheet> =
        workbook.sheets_metadata().iter().filter(|s| s.typ == SheetType::WorkSheet).collect();
    let visible: Vec<String> =
        worksheets.iter().filter(|s| s.visible == SheetVisible::Visible).map(|s| s.name.clone()).collect();
    if visible.is_empty() { worksheets.iter().map(|s| s.name.clone()).collect() } else { visible }
}

/// The cells of an `.xlsx` sheet with text, as (row, column, text), read as a stream (no
/// rectangle of the sheet's size is built), with their number formats.
fn xlsx_cells(workbook: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Result<Vec<(u32, u32, String)>, XlsxError> {
    let mut reader = workbook.worksheet_cells_reader(sheet)?;
    let mut cells = Vec::new();
    while let Some((cell, style)) = reader.next_cell_with_style_id()? {
        let percent = reader
            .styles()
            .get(style)
            .and_then(|s| s.number_format.as_ref())
            .is_some_and(|format| crate::workbook::is_percent_format(&format.format_code));
        let (row, column) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()), percent);
        if !text.is_empty() {
            cells.push((row, column, text));
        }
    }
    Ok(cells)
}

/// The sheets of a workbook read whole by calamine (`.ods`, `.xls`, `.xlsb`).
fn generic<RS, R>(opened: Result<R, R::Error>, kind: Kind) -> Result<Vec<(String, String)>, WorkbookError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let unreadable = |reason: String| {
        if reason.to_lowercase().contains("password") {
            WorkbookError::PasswordProtected
        } else {
            WorkbookError::Unreadable { kind: kind.label(), reason }
        }
    };
    let mut workbook = opened.map_err(|e| unreadable(e.to_string()))?;
    let mut texts = Vec::new();
    for sheet in readable_sheets(&workbook) {
        let range = workbook.worksheet_range(&sheet).map_err(|e| unreadable(e.to_string()))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let cells = range
            .used_cells()
            .map(|(row, column, value)| {
                let row = top.saturating_add(u32::try_from(row).unwrap_or(u32::MAX));
                let column = left.saturating_add(u32::try_from(column).unwrap_or(u32::MAX));
                (row, column, cell_text(value, false))
            })
            .filter(|(_, _, text)| !text.is_empty())
            .collect();
        texts.push((sheet.clone(), sheet_text(&sheet, cells)?));
    }
    Ok(texts)
}

/// A cell's value as it would be typed in a CSV file, on one line (line N is row N).
fn cell_text(value: &Data, percent: bool) -> String {
    crate::workbook::cell_text(value, percent).replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// The tab-delimited text of a sheet's cells: line N is row N, cells in their columns.
fn sheet_text(sheet: &str, mut cells: Vec<(u32, u32, String)>) -> Result<String, WorkbookError> {
    if !cells.is_sorted_by_key(|&(row, column, _)| (row, column)) {
        cells.sort_by_key(|&(row, column, _)| (row, column));
    }
    let mut text = String::with_capacity(cells.iter().map(|(_, _, t)| t.len() + 2).sum());
    let (mut line, mut column) = (0u32, 0u32);
    for (row, at, value) in cells {
        if row >= MAX_ROWS || at >= MAX_COLUMNS {
            return Err(WorkbookError::TooLarge(sheet.to_owned()));
        }
        if row > line {
            // Rows are at most 1,048,576: the gap fits in memory.
            text.extend(std::iter::repeat_n('\n', (row - line) as usize));
            (line, column) = (row, 0);
        }
        if at < column {
            continue; // The same cell twice (a damaged file): the first one counts.
        }
        // A tab after the previous field, then one per empty field before this one.
        let tabs = at - column + u32::from(column > 0);
        text.extend(std::iter::repeat_n('\t', tabs as usize));
        column = at + 1;
        if at == 0 && value.starts_with('#') {
            // A comment: the whole line is skipped, as in a CSV file, whatever it holds.
            text.push_str(&value);
        } else if value.contains(['\t', '"', ',', ';']) {
            text.push('"');
            text.push_str(&value.replace('"', "\"\""));
            text.push('"');
        } else {
            text.push_str(&value);
        }
        if text.len() > MAX_SHEET_TEXT {
            return Err(WorkbookError::TooLarge(sheet.to_owned()));
        }
    }
    if !text.is_empty() {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_the_text_a_csv_file_would_hold() {
        assert_eq!(cell_text(&Data::String("riga uno\nriga due".into()), false), "riga uno riga due");
        assert_eq!(cell_text(&Data::Bool(true), false), "sì");
        assert_eq!(cell_text(&Data::Int(7), false), "7");
        assert_eq!(cell_text(&Data::DateTimeIso("2019-12-31T00:00:00".into()), false), "31/12/2019");
        assert_eq!(cell_text(&Data::Error(calamine::CellErrorType::Div0), false), "#DIV/0!");
        let date = calamine::ExcelDateTime::new(43830.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date), false), "31/12/2019");
    }

    #[test]
    fn lines_are_rows_and_delimiters_are_quoted() {
        let cells = vec![
            (0, 0, "# commento, con virgola".to_owned()),
            (2, 0, "indicator".to_owned()),
            (2, 1, "year".to_owned()),
            (2, 3, "value".to_owned()),
            (3, 0, "S1.1".to_owned()),
            (3, 3, "98,5".to_owned()),
            (3, 4, "un \"tab\"\tqui".to_owned()),
        ];
        let text = sheet_text("Foglio1", cells).unwrap();
        assert_eq!(
            text,
            "# commento, con virgola\n\nindicator\tyear\t\tvalue\nS1.1\t\t\t\"98,5\"\t\"un \"\"tab\"\"\tqui\"\n"
        );
        assert_eq!(crate::actuals::detect_delimiter(&text), b'\t');
    }

    #[test]
    fn cells_beyond_a_sheet_are_refused_before_any_text_is_built() {
        for cell in [(200_000_000, 0), (MAX_ROWS, 0), (0, MAX_COLUMNS), (3, 321_272_405)] {
            let cells = vec![(cell.0, cell.1, "x".to_owned())];
            assert_eq!(sheet_text("Foglio1", cells), Err(WorkbookError::TooLarge("Foglio1".to_owned())));
        }
        assert!(sheet_text("Foglio1", vec![(MAX_ROWS - 1, MAX_COLUMNS - 1, "x".to_owned())]).is_ok());
    }

    #[test]
    fn kinds_come_from_the_extension_then_the_bytes() {
        assert_eq!(kind("a.XLSX", b""), Some(Kind::Xlsx));
        assert_eq!(kind("a.ods", b""), Some(Kind::Ods));
        assert_eq!(kind("a.csv", b"indicator,year"), None);
        assert_eq!(kind("a.csv", b"PK\x03\x04rest"), Some(Kind::Xlsx));
        assert_eq!(kind("a", OLE_MAGIC), Some(Kind::Xls));
    }

    #[test]
    fn damaged_workbooks_are_errors_not_panics() {
        for kind in [Kind::Xlsx, Kind::Xlsb, Kind::Xls, Kind::Ods] {
            for bytes in [&b""[..], b"PK\x03\x04garbage", OLE_MAGIC, b"indicator,year,value\n"] {
                assert!(matches!(sheets("x", bytes, kind), Err(WorkbookError::Unreadable { .. })), "{kind:?}");
            }
        }
    }
}
