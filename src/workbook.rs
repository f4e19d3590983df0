//! Workbook cells as text: the one conversion that importing a plan and reading actual values
//! from a workbook share, so a cell reads the same in both (`1,45`, `98,5%`, `31/12/2019`, `sì`).

use calamine::Data;
use rust_decimal::Decimal;

use crate::date::Date;
use crate::number::format_italian;

/// Whether a number format shows a percentage: a `%` outside quoted text and escapes
/// (`0.00%` yes; `0"%"` and `0\%` no).
pub fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for character in code.chars() {
        match character {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// A cell's value as it would be typed: numbers in their shortest exact decimal form with a
/// decimal comma (`1.45` → `1,45`, not its binary expansion), percentages in percent points
/// (`0.985` in a `0.0%` cell → `98,5%`, multiplied in decimal), dates as `dd/mm/yyyy`, booleans
/// as `sì`/`no`. Text is returned as stored.
pub fn cell_text(value: &Data, percent: bool) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(number) => number_text(Decimal::from(*number), percent),
        Data::Float(number) => float_text(*number, percent),
        Data::Bool(true) => "sì".to_owned(),
        Data::Bool(false) => "no".to_owned(),
        Data::DateTime(datetime) if datetime.is_duration() => float_text(datetime.as_f64(), false),
        Data::DateTime(datetime) => {
            let (year, month, day, ..) = datetime.to_ymd_hms_milli();
            match Date::new(i32::from(year), month, day) {
                Some(date) => date.to_string(),
                None => float_text(datetime.as_f64(), false),
            }
        }
        Data::DateTimeIso(text) | Data::DurationIso(text) => iso_text(text),
        Data::Error(error) => error.to_string(),
    }
}

/// The shortest decimal that reads back as the same double; beyond a decimal's range, as Rust
/// prints it (with a decimal comma).
fn float_text(value: f64, percent: bool) -> String {
    let shortest = value.to_string();
    match shortest.parse::<Decimal>() {
        Ok(decimal) => number_text(decimal, percent),
        Err(_) => shortest.replace('.', ","),
    }
}

fn number_text(value: Decimal, percent: bool) -> String {
    match value.checked_mul(Decimal::ONE_HUNDRED).filter(|_| percent) {
        Some(points) => format!("{}%", format_italian(points.normalize())),
        None => format_italian(value.normalize()),
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
    fn numbers_read_back_as_typed() {
        let number = |value: f64, percent: bool| cell_text(&Data::Float(value), percent);
        assert_eq!(number(98.5, false), "98,5");
        assert_eq!(number(1.234, false), "1,234");
        assert_eq!(number(2019.0, false), "2019");
        assert_eq!(number(0.1 + 0.2, false), "0,30000000000000004");
        assert_eq!(number(-0.02, false), "-0,02");
        assert_eq!(number(1e-7, false), "0,0000001");
        assert_eq!(number(0.8466666666666667, true), "84,66666666666667%");
        assert_eq!(number(f64::NAN, false), "NaN");
        for code in ["0.0%;[Red]-0.0%", "#,##0.00 %"] {
            assert!(is_percent_format(code), "{code}");
        }
        for code in ["0.00", "\"%\" 0", "dd/mm/yyyy", "@"] {
            assert!(!is_percent_format(code), "{code}");
        }
    }

    #[test]
    fn cells_read_as_typed() {
        assert_eq!(cell_text(&Data::Float(1.45), false), "1,45");
        assert_eq!(cell_text(&Data::Float(0.9), true), "90%");
        assert_eq!(cell_text(&Data::Float(0.925), true), "92,5%");
        assert_eq!(cell_text(&Data::Float(0.985), true), "98,5%");
        assert_eq!(cell_text(&Data::Float(2.0), false), "2");
        assert_eq!(cell_text(&Data::Int(1), true), "100%");
        assert_eq!(cell_text(&Data::Bool(true), false), "sì");
        assert_eq!(cell_text(&Data::DateTimeIso("2019-12-31".into()), false), "31/12/2019");
        assert_eq!(cell_text(&Data::DateTimeIso("2019-12-31T00:00:00".into()), false), "31/12/2019");
        assert_eq!(cell_text(&Data::DurationIso("PT12H".into()), false), "PT12H");
    }
}
