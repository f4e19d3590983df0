//! Tables → CSV texts, one per sheet: the CSV variant of `cruscotto export`.
//!
//! The files are for people's spreadsheets, so they follow the conventions of the sheets'
//! language, the ones a spreadsheet of that language reads without asking:
//!
//! | | Italian | English |
//! |---|---|---|
//! | delimiter | `;` | `,` |
//! | byte order mark | yes (Excel reads UTF-8 accents only after it) | no |
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

/// One sheet as CSV, with the conventions of `lang`.
pub fn text(sheet: &Sheet, lang: Lang) -> String {
    let (delimiter, start) = match lang {
        Lang::It => (b';', "\u{feff}"),
        Lang::En => (b',', ""),
    };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(Vec::new());
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
