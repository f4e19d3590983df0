//! The actuals template as a workbook: `cruscotto template --format xlsx`.
//!
//! Each sheet holds what the CSV template holds ([`crate::render::template`]), so that `score`
//! reads the filled workbook as it reads the filled CSV file:
//!
//! - row 1: the [`heading`], a `#` comment (`score` skips it);
//! - row 2: the header, the columns of the CSV template in the same order, `value` highlighted;
//! - then one row per indicator: `indicator` and `year` filled in, the cells to fill in blank
//!   (the `value` cells filled yellow), then `name`, `unit`, `target` and `services`, in grey.
//!
//! The columns to fill in (`value` to `source`) are formatted as text (`@`), to the last row of
//! the sheet: what people type stays as typed (`98,5`, `98%`, `31/12/2019`, `1.5`), so the
//! spreadsheet does not turn it into a date or a number, and `score` reads it with the rules of
//! the CSV format. Excel's "number stored as text" warning is turned off there. The first two
//! rows and the `indicator` column are frozen; the header has an autofilter.
//!
//! On a sheet of a template split by service, a cross-cutting indicator that another service
//! reports ([`Sheet::reported_elsewhere`]) is there to be read: its cells to fill in are grey
//! and locked, its `services` cell names the service that reports it, and the sheet is
//! protected (without a password: the cells to fill in stay open, rows can be added, sorted and
//! filtered), so that a second value is not typed there by mistake.

use rust_xlsxwriter::{Color, Format, FormatBorder, IgnoreError, ProtectionOptions, XlsxError};

use super::xlsx::{Formats, fitted_widths, new_workbook, to_column};
use super::{ExportError, sheet_names};
use crate::i18n::Lang;
use crate::plan::Plan;
use crate::render::score::Field;
use crate::render::template::{COLUMNS, Sheet, header, heading, rows as template_rows, title};

/// The columns to fill in: `value` to `source`.
const FILL_IN: std::ops::RangeInclusive<u16> = 2..=7;
/// The `value` column.
const VALUE: u16 = 2;
/// The last row of a sheet (0-based), for formats that cover the rows people add.
const LAST_ROW: u32 = 1_048_575;

/// The template workbook: one worksheet per sheet of `sheets` (names made valid and unique:
/// see [`sheet_names`]), in `lang`. `created` (seconds since 1970, UTC) is its creation time.
pub fn workbook(plan: &Plan, year: i32, sheets: &[Sheet], created: i64, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut workbook = new_workbook(&title(plan, year, lang), created)?;
    let names = sheet_names(sheets.iter().map(|sheet| sheet.name.as_str()));
    let formats = TemplateFormats::new();
    for (sheet, name) in sheets.iter().zip(names) {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name)?;
        write_sheet(worksheet, plan, year, sheet, &formats, lang)?;
    }
    Ok(workbook.save_to_buffer()?)
}

struct TemplateFormats {
    heading: Format,
    header: Format,
    value_header: Format,
    id: Format,
    year: Format,
    value: Format,
    fill_in: Format,
    /// The cells to fill in of a row another service reports: grey and locked.
    reported_elsewhere: Format,
    informational: Format,
}

impl TemplateFormats {
    fn new() -> Self {
        let header = Formats::default().header();
        let text = Format::new().set_num_format("@");
        Self {
            heading: Format::new().set_italic().set_font_color(Color::RGB(0x595959)),
            value_header: header.clone().set_background_color(Color::RGB(0xFFD966)),
            header,
            id: text.clone(),
            year: Format::new().set_num_format("0"),
            // The cells to fill in are unlocked, so that they stay open on a protected sheet.
            value: text
                .clone()
                .set_unlocked()
                .set_background_color(Color::RGB(0xFFF2CC))
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF)),
            fill_in: text.clone().set_unlocked(),
            reported_elsewhere: Format::new()
                .set_num_format("@")
                .set_background_color(Color::RGB(0xD9D9D9))
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF)),
            informational: text.set_font_color(Color::RGB(0x595959)),
        }
    }
}

fn write_sheet(
    worksheet: &mut rust_xlsxwriter::Worksheet,
    plan: &Plan,
    year: i32,
    sheet: &Sheet,
    formats: &TemplateFormats,
    lang: Lang,
) -> Result<(), ExportError> {
    let rows = &sheet.rows;
    for column in FILL_IN {
        worksheet.set_column_format(column, &formats.fill_in)?;
    }
    worksheet.write_string_with_format(0, 0, super::xlsx::cell_text(&heading(plan, year, lang)), &formats.heading)?;
    let header = header(lang);
    for (column, name) in header.iter().enumerate() {
        let column = to_column(column)?;
        let format = if column == VALUE { &formats.value_header } else { &formats.header };
        worksheet.write_string_with_format(1, column, name, format)?;
    }
    let templates: Vec<_> = rows
        .iter()
        .flat_map(|&index| template_rows(plan, year, index, lang).into_iter().map(move |row| (index, row)))
        .collect();
    let mut shown: Vec<Vec<Field>> = Vec::with_capacity(templates.len());
    for (offset, (index, template)) in templates.iter().enumerate() {
        let row_number = u32::try_from(offset + 2).map_err(|_| XlsxError::RowColumnLimitError)?;
        let informational = [template.name, template.unit.as_str(), &template.target, &template.services];
        worksheet.write_string_with_format(row_number, 0, super::xlsx::cell_text(&template.id), &formats.id)?;
        worksheet.write_number_with_format(row_number, 1, f64::from(year), &formats.year)?;
        if sheet.reported_elsewhere(plan, *index).is_some() {
            for column in FILL_IN {
                worksheet.write_blank(row_number, column, &formats.reported_elsewhere)?;
            }
        } else {
            worksheet.write_blank(row_number, VALUE, &formats.value)?;
        }
        for (column, text) in (8u16..).zip(informational) {
            worksheet.write_string_with_format(
                row_number,
                column,
                super::xlsx::cell_text(text),
                &formats.informational,
            )?;
        }
        let mut fields = vec![Field::Text(template.id.clone()), Field::Integer(i64::from(year))];
        fields.extend(FILL_IN.map(|_| Field::Empty));
        fields.extend(informational.iter().map(|text| Field::Text((*text).to_owned())));
        shown.push(fields);
    }
    worksheet.ignore_error_range(2, *FILL_IN.start(), LAST_ROW, *FILL_IN.end(), IgnoreError::NumberStoredAsText)?;
    worksheet.set_freeze_panes(2, 1)?;
    super::xlsx::print_setup(worksheet, 1)?;
    if rows.iter().any(|&index| sheet.reported_elsewhere(plan, index).is_some()) {
        worksheet.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            insert_rows: true,
            delete_rows: true,
            sort: true,
            use_autofilter: true,
            ..ProtectionOptions::default()
        });
    }
    let last_row = u32::try_from(templates.len() + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
    worksheet.autofilter(1, 0, last_row, to_column(COLUMNS.len() - 1)?)?;
    let widths = fitted_widths(&header, shown.iter().map(|row| row.iter()));
    for (column, width) in widths.into_iter().enumerate() {
        let column = to_column(column)?;
        // Room to type in the columns to fill in.
        let width = if FILL_IN.contains(&column) { width.max(14) } else { width };
        worksheet.set_column_width(column, width as f64)?;
    }
    Ok(())
}
