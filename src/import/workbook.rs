//! Workbooks (`.xlsx`, `.ods`, and the old `.xls`) → [`Sheet`]s, through calamine, from bytes.
//!
//! Cell *values* are read, never formulas: a formula cell gives the value the spreadsheet last
//! computed and saved. Values are turned into the text a person sees: numbers with a decimal
//! comma (`1,45`), numbers formatted as percentages in xlsx as `90%` (the cell holds 0,9),
//! dates as `31/12/2019`, booleans as `sì`/`no`, errors as written (`#N/A`).
//!
//! xlsx sheets are streamed cell by cell, so memory follows the cells that hold something. The
//! ods and xls readers of calamine build each sheet whole (ods expands repeated cells, up to the
//! format's limits); real annexes are small, but a crafted file can cost memory there.

use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx};
use rust_decimal::Decimal;

use crate::date::Date;
use crate::diagnostic::{Code, Diagnostic};
use crate::number::format_italian;

use super::grid::{Cell, Row, Sheet};

/// The workbook formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// Office Open XML (Excel 2007 and later).
    Xlsx,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// The binary format of Excel 97-2003, or an encrypted (password-protected) xlsx, which is
    /// stored in the same container.
    Compound,
}

impl Format {
    /// The format a file's first bytes say it is, if it is a workbook.
    pub(crate) fn sniff(bytes: &[u8]) -> Option<Self> {
        const ZIP: &[u8] = b"PK\x03\x04";
        const COMPOUND: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
        if bytes.starts_with(ZIP) {
            // An ods starts with its uncompressed `mimetype` entry.
            const ODS: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
            let head = &bytes[..bytes.len().min(128)];
            let ods = head.windows(ODS.len()).any(|w| w == ODS);
            Some(if ods { Format::Ods } else { Format::Xlsx })
        } else if bytes.starts_with(COMPOUND) {
            Some(Format::Compound)
        } else {
            None
        }
    }
}

/// Reads every sheet of a workbook, in the workbook's order. The format name is returned for
/// messages (`xlsx`, `ods`, `xls`).
pub(crate) fn read(name: &str, bytes: Vec<u8>, format: Format) -> Result<(&'static str, Vec<Sheet>), Box<Diagnostic>> {
    let unreadable = |what: &str, detail: String| {
        Box::new(
            Diagnostic::new(Code::UnreadableWorkbook, format!("`{name}` cannot be read as {what}: {detail}")).with_help(
                "open it in the spreadsheet program and save it again as .xlsx or .ods (or export the sheet as CSV)",
            ),
        )
    };
    match format {
        // A zip is read as the format its first entry says, else as the other one; the error
        // reported is the first format's.
        Format::Xlsx => match read_xlsx(Cursor::new(bytes.clone())) {
            Ok(sheets) => Ok(("xlsx", sheets)),
            Err(calamine::XlsxError::Password) => Err(password_protected(name)),
            Err(error) => read_ods(Cursor::new(bytes))
                .map(|sheets| ("ods", sheets))
                .map_err(|_| unreadable("an xlsx workbook", error.to_string())),
        },
        Format::Ods => match read_ods(Cursor::new(bytes.clone())) {
            Ok(sheets) => Ok(("ods", sheets)),
            Err(calamine::OdsError::Password) => Err(password_protected(name)),
            Err(error) => read_xlsx(Cursor::new(bytes))
                .map(|sheets| ("xlsx", sheets))
                .map_err(|_| unreadable("an ods workbook", error.to_string())),
        },
        Format::Compound => {
            // An encrypted xlsx is a compound file holding an `EncryptedPackage`: the xlsx
            // reader says so; anything else in this container is an old .xls.
            if let Err(calamine::XlsxError::Password) =
                calamine::open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes.as_slice()))
            {
                return Err(password_protected(name));
            }
            read_xls(Cursor::new(bytes)).map(|sheets| ("xls", sheets)).map_err(|error| match error {
                calamine::XlsError::Password => password_protected(name),
                error => unreadable("an xls workbook", error.to_string()),
            })
        }
    }
}

fn password_protected(name: &str) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(Code::UnreadableWorkbook, format!("`{name}` is protected by a password"))
            .with_help("open it with the password and save a copy without it (in Excel: File › Info › Protect Workbook › Encrypt with Password, then clear the password)"),
    )
}

fn read_xlsx(reader: Cursor<Vec<u8>>) -> Result<Vec<Sheet>, calamine::XlsxError> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(reader)?;
    let mut sheets = Vec::new();
    for sheet_name in workbook.sheet_names() {
        let mut cells = workbook.worksheet_cells_reader(&sheet_name)?;
        let percent: Vec<bool> = cells
            .styles()
            .iter()
            .map(|style| style.number_format.as_ref().is_some_and(|format| is_percent_format(&format.format_code)))
            .collect();
        let mut builder = SheetBuilder::default();
        while let Some((cell, style)) = cells.next_cell_with_style_id()? {
            let (row, column) = cell.get_position();
            let percent = percent.get(style).copied().unwrap_or(false);
            builder.push(row, column, &value_ref_text(cell.get_value(), percent));
        }
        sheets.push(builder.finish(sheet_name));
    }
    Ok(sheets)
}

fn read_ods(reader: Cursor<Vec<u8>>) -> Result<Vec<Sheet>, calamine::OdsError> {
    let mut workbook: Ods<_> = calamine::open_workbook_from_rs(reader)?;
    let mut sheets = Vec::new();
    for sheet_name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet_name)?;
        sheets.push(sheet_of_range(sheet_name, &range));
    }
    Ok(sheets)
}

fn read_xls(reader: Cursor<Vec<u8>>) -> Result<Vec<Sheet>, calamine::XlsError> {
    let mut workbook: Xls<_> = calamine::open_workbook_from_rs(reader)?;
    let mut sheets = Vec::new();
    for sheet_name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&sheet_name)?;
        sheets.push(sheet_of_range(sheet_name, &range));
    }
    Ok(sheets)
}

fn sheet_of_range(name: String, range: &calamine::Range<Data>) -> Sheet {
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut builder = SheetBuilder::default();
    for (row, column, value) in range.used_cells() {
        builder.push(top + row as u32, left + column as u32, &value_text(value));
    }
    builder.finish(name)
}

/// Gathers cells (0-based positions, in any order) into rows.
#[derive(Default)]
struct SheetBuilder {
    rows: Vec<Row>,
    /// Whether a cell came before one it follows (rows or columns out of order).
    disordered: bool,
}

impl SheetBuilder {
    fn push(&mut self, row: u32, column: u32, text: &str) {
        let Some(cell) = Cell::new(column + 1, text, None) else { return };
        let number = row + 1;
        match self.rows.last_mut() {
            Some(last) if last.number == number => {
                if last.cells.last().is_some_and(|c| c.column > cell.column) {
                    self.disordered = true;
                }
                last.cells.push(cell);
            }
            last => {
                if last.is_some_and(|last| last.number > number) {
                    self.disordered = true;
                }
                self.rows.push(Row { number, cells: vec![cell] });
            }
        }
    }

    fn finish(mut self, name: String) -> Sheet {
        if self.disordered {
            // Rare: cells written out of order. Sort, and merge rows split by the disorder.
            self.rows.sort_by_key(|row| row.number);
            let mut merged: Vec<Row> = Vec::with_capacity(self.rows.len());
            for row in self.rows {
                match merged.last_mut() {
                    Some(last) if last.number == row.number => last.cells.extend(row.cells),
                    _ => merged.push(row),
                }
            }
            for row in &mut merged {
                row.cells.sort_by_key(|cell| cell.column);
                row.cells.dedup_by_key(|cell| cell.column);
            }
            self.rows = merged;
        }
        Sheet { name: Some(name), rows: self.rows }
    }
}

/// Whether a number format shows a percentage: a `%` outside quotes and escapes.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn value_ref_text(value: &DataRef<'_>, percent: bool) -> String {
    match value {
        DataRef::Int(n) => number_text(Decimal::from(*n), percent),
        DataRef::Float(f) => float_text(*f, percent),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::DateTime(dt) => datetime_text(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => iso_text(s),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn value_text(value: &Data) -> String {
    match value {
        Data::Int(n) => number_text(Decimal::from(*n), false),
        Data::Float(f) => float_text(*f, false),
        Data::String(s) => s.clone(),
        Data::Bool(b) => bool_text(*b),
        Data::DateTime(dt) => datetime_text(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => iso_text(s),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn bool_text(value: bool) -> String {
    if value { "sì" } else { "no" }.to_owned()
}

/// A float as people read it: its shortest exact decimal form (`1.45` → `1,45`), not its binary
/// expansion; too large or too small for a decimal, as Rust prints it.
fn float_text(value: f64, percent: bool) -> String {
    let shortest = value.to_string();
    match shortest.parse::<Decimal>() {
        Ok(decimal) => number_text(decimal, percent),
        Err(_) => shortest,
    }
}

fn number_text(value: Decimal, percent: bool) -> String {
    if percent {
        let points = (value * Decimal::ONE_HUNDRED).normalize();
        format!("{}%", format_italian(points))
    } else {
        format_italian(value.normalize())
    }
}

fn datetime_text(value: &calamine::ExcelDateTime) -> String {
    if value.is_duration() {
        return float_text(value.as_f64(), false);
    }
    let (year, month, day, ..) = value.to_ymd_hms_milli();
    match Date::new(i32::from(year), month, day) {
        Some(date) => date.to_string(),
        None => float_text(value.as_f64(), false),
    }
}

/// An ISO date (`2019-12-31`, or `2019-12-31T00:00:00`) as `31/12/2019`; other text as is.
fn iso_text(text: &str) -> String {
    let day = text.split('T').next().unwrap_or(text);
    match Date::parse(day) {
        Ok(date) if day.len() == 10 => date.to_string(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_told_apart() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(!is_percent_format("General"));
        assert!(!is_percent_format("0\"%\""));
        assert!(!is_percent_format("0\\%"));
    }

    #[test]
    fn numbers_read_as_people_see_them() {
        assert_eq!(float_text(1.45, false), "1,45");
        assert_eq!(float_text(0.9, true), "90%");
        assert_eq!(float_text(0.925, true), "92,5%");
        assert_eq!(float_text(2.0, false), "2");
        assert_eq!(number_text(Decimal::from(1), true), "100%");
        assert_eq!(iso_text("2019-12-31"), "31/12/2019");
        assert_eq!(iso_text("2019-12-31T00:00:00"), "31/12/2019");
        assert_eq!(iso_text("PT12H"), "PT12H");
    }

    #[test]
    fn workbooks_are_told_from_their_first_bytes() {
        assert_eq!(Format::sniff(b"PK\x03\x04rest"), Some(Format::Xlsx));
        assert_eq!(Format::sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1..."), Some(Format::Compound));
        assert_eq!(Format::sniff(b"a;b;c"), None);
    }

    #[test]
    fn garbage_after_a_zip_signature_is_unreadable_not_a_panic() {
        let error = read("x.xlsx", b"PK\x03\x04 not really a zip".to_vec(), Format::Xlsx).unwrap_err();
        assert_eq!(error.code, Code::UnreadableWorkbook);
        let error = read("x.ods", b"PK\x03\x04 not really a zip".to_vec(), Format::Ods).unwrap_err();
        assert_eq!(error.code, Code::UnreadableWorkbook);
        let error =
            read("x.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 truncated".to_vec(), Format::Compound).unwrap_err();
        assert_eq!(error.code, Code::UnreadableWorkbook);
    }
}
