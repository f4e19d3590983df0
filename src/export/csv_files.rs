//! Tables → CSV texts, one per sheet: the CSV variant of `cruscotto export`.
//!
//! Each file has the sheet's header and rows, comma-delimited, UTF-8 without a byte order mark,
//! every field in the machine form of `score --format csv` ([`Field::plain`]: numbers with a
//! decimal point, attainment with two decimals, dates `yyyy-mm-dd`), so the numbers are the
//! same as there. Text fields go through [`neutralise`]; numbers are not text and are written as
//! they are (`-5` stays `-5`).

use super::{Sheet, neutralise};
use crate::render::score::Field;

/// `(file name, CSV text)` for each sheet, in order.
pub fn files(sheets: &[Sheet]) -> Vec<(String, String)> {
    sheets.iter().map(|sheet| (sheet.file_name.clone(), text(sheet))).collect()
}

/// One sheet as CSV.
pub fn text(sheet: &Sheet) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&sheet.columns).expect("writing to memory");
    for row in &sheet.rows {
        let record = row.iter().map(|cell| match &cell.field {
            Field::Text(text) => neutralise(text).into_owned(),
            other => other.plain(),
        });
        writer.write_record(record).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 fields")
}
