//! Tables → an `.xlsx` workbook, as bytes (`rust_xlsxwriter`).
//!
//! Each [`Sheet`] becomes a worksheet: a bold header row, frozen, with an autofilter; column
//! widths that fit the content, between [`MIN_WIDTH`] and [`MAX_WIDTH`] characters; set to
//! print on A4 landscape, as wide as one page, the header repeated on every page
//! (`print_setup`); every
//! [`Field`] in a cell of its type:
//!
//! | field | cell | format |
//! |---|---|---|
//! | text | text, through [`neutralise`] | `@` |
//! | whole number | number | `0` |
//! | quantity | number | General |
//! | percent points (`98.5`) | number 0.985 | `0.00##%` (98,50%) |
//! | attainment | number: the attainment rounded to two decimals, half away from zero, ÷ 100 | `0.00%` |
//! | date | date | `dd/mm/yyyy` |
//!
//! A number cell holds the binary double nearest to the decimal shown by `score --format csv`
//! (`94.44` → 0.9444), which reads back as that decimal (shortest round-trip form) for every
//! value of up to 15 significant digits. Cells with a traffic light are filled like Excel's
//! Good / Neutral / Bad styles, and grey when unscored.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{Cell, ExportError, Sheet, neutralise};
use crate::number::round_half_away;
use crate::render::score::{Field, Light};

/// The narrowest column, in characters.
pub const MIN_WIDTH: usize = 6;
/// The widest column, in characters: a long indicator name is cut on screen, not in the cell.
pub const MAX_WIDTH: usize = 60;
/// The most UTF-16 code units Excel keeps in a cell ([`super::cut_utf16`]): longer texts are cut
/// there.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The results workbook: one worksheet per sheet, in order. `title` goes in the document's
/// properties; `created` (seconds since 1970, UTC) is its creation time. Each sheet is given
/// back once written into the workbook, which holds its cells from then on.
pub fn workbook(sheets: Vec<Sheet>, title: &str, created: i64) -> Result<Vec<u8>, ExportError> {
    let mut workbook = new_workbook(title, created)?;
    let mut formats = Formats::default();
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name)?;
        write_sheet(worksheet, &sheet, &mut formats)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// A workbook with its title and creation time set (rust_xlsxwriter would read the clock).
pub(crate) fn new_workbook(title: &str, created: i64) -> Result<Workbook, ExportError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_timestamp(created)?;
    workbook.set_properties(&DocProperties::new().set_title(title).set_creation_datetime(&created));
    Ok(workbook)
}

fn write_sheet(worksheet: &mut Worksheet, sheet: &Sheet, formats: &mut Formats) -> Result<(), ExportError> {
    let header = formats.header();
    for (column, name) in sheet.header.iter().enumerate() {
        worksheet.write_string_with_format(0, to_column(column)?, name, &header)?;
    }
    for (index, row) in sheet.rows.iter().enumerate() {
        let row_number = u32::try_from(index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (column, cell) in row.iter().enumerate() {
            write_cell(worksheet, row_number, to_column(column)?, cell, formats)?;
        }
    }
    let last_row = u32::try_from(sheet.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    let last_column = to_column(sheet.columns.len().saturating_sub(1))?;
    worksheet.set_freeze_panes(1, 0)?;
    print_setup(worksheet, 0)?;
    worksheet.autofilter(0, 0, last_row, last_column)?;
    let widths = fitted_widths(&sheet.header, sheet.rows.iter().map(|row| row.iter().map(|cell| &cell.field)));
    for (column, width) in widths.into_iter().enumerate() {
        worksheet.set_column_width(to_column(column)?, width as f64)?;
    }
    Ok(())
}

/// A4 paper in Excel's numbering of paper sizes.
const PAPER_A4: u8 = 9;

/// How a sheet prints: on A4 landscape (the tables are wide), scaled to one page wide and as
/// many long as it takes, with the rows up to `last_header_row` (0-based) repeated at the top of
/// every page.
pub(crate) fn print_setup(worksheet: &mut Worksheet, last_header_row: u32) -> Result<(), XlsxError> {
    worksheet.set_paper_size(PAPER_A4).set_landscape().set_print_fit_to_pages(1, 0);
    worksheet.set_repeat_rows(0, last_header_row)?;
    Ok(())
}

/// A column index as rust_xlsxwriter wants it.
pub(crate) fn to_column(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Writes one cell with its format; an empty cell with a light is written blank, filled.
pub(crate) fn write_cell(
    worksheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Cell,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    let Some(kind) = Kind::of(&cell.field) else {
        if let Some(light) = cell.light {
            worksheet.write_blank(row, column, &formats.cell(Kind::Text, Some(light)))?;
        }
        return Ok(());
    };
    let format = formats.cell(kind, cell.light);
    match &cell.field {
        Field::Empty => {}
        Field::Text(text) => {
            worksheet.write_string_with_format(row, column, cell_text(text), &format)?;
        }
        // `export::results` writes words in the sheet's language as texts; one that gets here
        // is written in its machine form.
        Field::Word(word) => {
            worksheet.write_string_with_format(row, column, cell_text(&word.plain()), &format)?;
        }
        Field::Date(date) => {
            let month = date.month();
            let year = u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
            let date = ExcelDateTime::from_ymd(year, month, date.day())?;
            worksheet.write_datetime_with_format(row, column, &date, &format)?;
        }
        field => {
            if let Some(number) = cell_number(field) {
                worksheet.write_number_with_format(row, column, number, &format)?;
            }
        }
    }
    Ok(())
}

/// The text a text cell holds: neutralised, and cut at Excel's limit.
pub(crate) fn cell_text(text: &str) -> String {
    super::cut_utf16(&neutralise(text), MAX_CELL_CHARS).to_owned()
}

/// The number a numeric field's cell holds: percentages as fractions (98,5% is 0.985), the
/// attainment rounded to two decimals first, as every report shows it.
pub fn cell_number(field: &Field) -> Option<f64> {
    let value = match field {
        Field::Integer(_) | Field::Number(_) => field.shown()?,
        Field::Percent(_) | Field::Attainment(_) => {
            let shown = field.shown()?;
            shown.checked_div(Decimal::ONE_HUNDRED).unwrap_or_else(|| round_half_away(shown, 26) / Decimal::ONE_HUNDRED)
        }
        _ => return None,
    };
    // The decimal's digits, read by Rust's correctly rounded parser: the nearest double.
    value.to_string().parse().ok()
}

/// Column widths in characters that fit the header and the cells as shown, within
/// [`MIN_WIDTH`] and [`MAX_WIDTH`]. The header gets room for the autofilter's button.
pub(crate) fn fitted_widths<'f>(
    columns: &[impl AsRef<str>],
    rows: impl Iterator<Item = impl Iterator<Item = &'f Field>>,
) -> Vec<usize> {
    let mut widths: Vec<usize> = columns.iter().map(|c| c.as_ref().chars().count() + 3).collect();
    for row in rows {
        for (column, field) in row.enumerate() {
            if let Some(width) = widths.get_mut(column) {
                *width = (*width).max(shown_width(field));
            }
        }
    }
    widths.into_iter().map(|w| (w + 1).clamp(MIN_WIDTH, MAX_WIDTH)).collect()
}

/// About how many characters a field takes on screen.
fn shown_width(field: &Field) -> usize {
    match field {
        Field::Empty => 0,
        Field::Text(text) => neutralise(text).lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Field::Date(_) => 10,
        // `98,50%`: the digits, two to four decimals and the sign.
        Field::Percent(_) | Field::Attainment(_) => {
            field.shown().map_or(0, |n| crate::number::format_fixed(n, 2).len() + 3)
        }
        other => other.plain().len(),
    }
}

/// The kind of cell a field is written as: its number format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Text,
    Integer,
    Number,
    Percent,
    Attainment,
    Date,
}

impl Kind {
    fn of(field: &Field) -> Option<Kind> {
        Some(match field {
            Field::Empty => return None,
            Field::Text(_) | Field::Word(_) => Kind::Text,
            Field::Integer(_) => Kind::Integer,
            Field::Number(_) => Kind::Number,
            Field::Percent(_) => Kind::Percent,
            Field::Attainment(_) => Kind::Attainment,
            Field::Date(_) => Kind::Date,
        })
    }

    fn number_format(self) -> Option<&'static str> {
        match self {
            Kind::Text => Some("@"),
            Kind::Integer => Some("0"),
            Kind::Number => None,
            Kind::Percent => Some("0.00##%"),
            Kind::Attainment => Some("0.00%"),
            Kind::Date => Some("dd/mm/yyyy"),
        }
    }
}

/// The fill and font colours of a traffic light: Excel's Good, Neutral and Bad styles, and a
/// grey for what is not scored.
pub(crate) fn light_colors(light: Light) -> (Color, Color) {
    match light {
        Light::Green => (Color::RGB(0xC6EFCE), Color::RGB(0x006100)),
        Light::Yellow => (Color::RGB(0xFFEB9C), Color::RGB(0x9C5700)),
        Light::Red => (Color::RGB(0xFFC7CE), Color::RGB(0x9C0006)),
        Light::Grey => (Color::RGB(0xEDEDED), Color::RGB(0x595959)),
    }
}

/// The cell formats of a workbook, made once each.
#[derive(Default)]
pub(crate) struct Formats {
    cells: HashMap<(Kind, Option<Light>), Format>,
}

impl Formats {
    /// The header row: bold on a blue-grey fill, a line under it.
    pub(crate) fn header(&self) -> Format {
        Format::new().set_bold().set_background_color(Color::RGB(0xD9E1F2)).set_border_bottom(FormatBorder::Thin)
    }

    pub(crate) fn cell(&mut self, kind: Kind, light: Option<Light>) -> Format {
        self.cells
            .entry((kind, light))
            .or_insert_with(|| {
                let mut format = Format::new();
                if let Some(code) = kind.number_format() {
                    format = format.set_num_format(code);
                }
                if let Some(light) = light {
                    let (fill, font) = light_colors(light);
                    format = format.set_background_color(fill).set_font_color(font);
                }
                format
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;

    #[test]
    fn numbers_are_the_decimals_shown() {
        assert_eq!(cell_number(&Field::Attainment(dec!(87.5))), Some(0.875));
        assert_eq!(cell_number(&Field::Attainment(dec!(94.444444))), Some(0.9444));
        assert_eq!(cell_number(&Field::Attainment(dec!(66.665))), Some(0.6667));
        assert_eq!(cell_number(&Field::Percent(dec!(98.5))), Some(0.985));
        assert_eq!(cell_number(&Field::Number(dec!(-1.04))), Some(-1.04));
        assert_eq!(cell_number(&Field::Integer(2019)), Some(2019.0));
        assert_eq!(cell_number(&Field::Text("1".into())), None);
        // 28 significant digits: the nearest double, no panic.
        assert!(cell_number(&Field::Percent(dec!(84.66666666666666666666666667))).is_some());
    }

    #[test]
    fn widths_fit_and_are_bounded() {
        let rows = [vec![Field::Text("x".repeat(200)), Field::Attainment(dec!(100)), Field::Empty]];
        let widths = fitted_widths(&["name", "attainment", "id"], rows.iter().map(|r| r.iter()));
        assert_eq!(widths, [MAX_WIDTH, 14, MIN_WIDTH]);
    }

    #[test]
    fn long_texts_are_cut_at_excels_limit() {
        assert_eq!(cell_text(&"a".repeat(40_000)).chars().count(), MAX_CELL_CHARS);
        // An emoji is two UTF-16 units: 20,000 of them are cut at 16,383.
        let emoji = cell_text(&"😀".repeat(20_000));
        assert_eq!((emoji.chars().count(), emoji.encode_utf16().count()), (16_383, 32_766));
        assert_eq!(cell_text("=1+1"), "'=1+1");
    }
}
