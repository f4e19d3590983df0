//! Tables → CSV texts, one per sheet: the CSV variant of `cruscotto export`.
//!
//! The files are for people's spreadsheets, so they follow the conventions of the sheets'
//! language, the ones a spreadsheet of that language reads without asking:
//!
//! | | Italian | English |
//! |---|---|---|
//! | delimiter | `;` | `,` |
//! | byte order mark | yes (Excel reads UTF-8 accents only after it) | no |
//! | line end | CRLF (what Excel writes) | LF |
//! | numbers | decimal comma, no grouping: `98,5` | decimal point: `98.5` |
//! | dates | `31/12/2019` | `2019-12-31` |
//!
//! The numbers are the exact numbers of `score --format csv` (attainment with two decimals),
//! written with the language's decimal separator; words are in the sheets' language. Text fields
//! go through [`neutralise`]; numbers are not text and are written as they are (`-5` stays
//! `-5`). `score --format csv` itself is the machine format: English, `,`, decimal points.

use super::{Sheet, neutralise};
use crate::i18n::Lang;
use crate::render::score::Field;

/// `(file name, CSV text)` for each sheet, in order, with the conventions of `lang`.
pub fn files(sheets: &[Sheet], lang: Lang) -> Vec<(String, String)> {
    sheets.iter().map(|sheet| (sheet.file_name.clone(), text(sheet, lang))).collect()
}

/// A CSV file for a spreadsheet, delimited by `delimiter`: its start and its line end, and a
/// writer of its records. With `;`, the delimiter of Italian Excel, it is what that Excel writes
/// and opens on a double click: a byte order mark (without which it reads UTF-8 accents as two
/// characters) and lines ending in CRLF; otherwise plain UTF-8 with LF.
pub fn spreadsheet_csv(delimiter: u8) -> (&'static str, &'static str, csv::Writer<Vec<u8>>) {
    let (start, line_end, terminator) = if delimiter == b';' {
        ("\u{feff}", "\r\n", csv::Terminator::CRLF)
    } else {
        ("", "\n", csv::Terminator::Any(b'\n'))
    };
    let writer = csv::WriterBuilder::new().delimiter(delimiter).terminator(terminator).from_writer(Vec::new());
    (start, line_end, writer)
}

/// One sheet as CSV, with the conventions of `lang`.
pub fn text(sheet: &Sheet, lang: Lang) -> String {
    let delimiter = match lang {
        Lang::It => b';',
        Lang::En => b',',
    };
    let (start, _, mut writer) = spreadsheet_csv(delimiter);
    writer.write_record(&sheet.header).expect("writing to memory");
    for row in &sheet.rows {
        writer.write_record(row.iter().map(|cell| field_text(&cell.field, lang))).expect("writing to memory");
    }
    let body = String::from_utf8(writer.into_inner().expect("flushing memory")).expect("UTF-8 fields");
    format!("{start}{body}")
}

/// A field as the CSV of `lang` writes it.
fn field_text(field: &Field, lang: Lang) -> String {
    match (field, lang) {
        (Field::Text(text), _) => neutralise(text).into_owned(),
        (Field::Word(word), _) => neutralise(&word.text(lang)).into_owned(),
        (Field::Date(date), Lang::It) => date.to_string(),
        (Field::Number(_) | Field::Percent(_) | Field::Attainment(_), Lang::It) => field.plain().replace('.', ","),
        (other, _) => other.plain(),
    }
}
