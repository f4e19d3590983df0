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

use calamine::{Data, Ods, Reader, Xls, Xlsx};

use crate::workbook::cell_text;

use crate::diagnostic::{Code, Diagnostic};
use crate::msg;

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
    let unreadable = |format: &str, detail: String| {
        let message = msg!("unreadable-workbook", file = name, format = format, detail = detail);
        Box::new(Diagnostic::new(Code::UnreadableWorkbook, message).with_help(msg!("unreadable-workbook-help")))
    };
    match format {
        // A zip is read as the format its first entry says, else as the other one; the error
        // reported is the first format's.
        Format::Xlsx => match read_xlsx(Cursor::new(bytes.clone())) {
            Ok(sheets) => Ok(("xlsx", sheets)),
            Err(calamine::XlsxError::Password) => Err(password_protected(name)),
            Err(error) => read_ods(Cursor::new(bytes))
                .map(|sheets| ("ods", sheets))
                .map_err(|_| unreadable("xlsx", error.to_string())),
        },
        Format::Ods => match read_ods(Cursor::new(bytes.clone())) {
            Ok(sheets) => Ok(("ods", sheets)),
            Err(calamine::OdsError::Password) => Err(password_protected(name)),
            Err(error) => read_xlsx(Cursor::new(bytes))
                .map(|sheets| ("xlsx", sheets))
                .map_err(|_| unreadable("ods", error.to_string())),
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
                error => unreadable("xls", error.to_string()),
            })
        }
    }
}

fn password_protected(name: &str) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(Code::UnreadableWorkbook, msg!("unreadable-workbook-password", file = name))
            .with_help(msg!("unreadable-workbook-password-help")),
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
            .map(|style| {
                style
                    .number_format
                    .as_ref()
                    .is_some_and(|format| crate::workbook::is_percent_format(&format.format_code))
            })
            .collect();
        let mut builder = SheetBuilder::default();
        while let Some((cell, style)) = cells.next_cell_with_style_id()? {
            let (row, column) = cell.get_position();
            let percent = percent.get(style).copied().unwrap_or(false);
            builder.push(row, column, &cell_text(&Data::from(cell.get_value().clone()), percent));
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
        builder.push(top + row as u32, left + column as u32, &cell_text(value, false));
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

#[cfg(test)]
mod tests {
    use super::*;

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
