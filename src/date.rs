//! Calendar dates: deadlines in targets, completion dates in actuals, act dates in revisions.
//!
//! A date is read as Italian documents and Italian Excel write it (`31/12/2019`, `1/4/2019`,
//! `31.12.2019`, `9 agosto 2019`, `9 ago 2019`, `9-ago-2019`) or in ISO form (`2019-12-31`), and
//! printed back as `dd/mm/yyyy`. Only the proleptic Gregorian
//! calendar between years 1 and 9999 is needed, so this small type replaces a date library.

use std::fmt;

use crate::i18n::Message;
use crate::msg;

/// The Italian names of the months, January first.
pub const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// The month (1 to 12) an Italian name stands for, in any case: the whole name (`agosto`) or
/// its first three letters, with or without a point (`ago`, `Ago.`), as Italian Excel writes
/// them in its `gg-mmm-aaaa` format.
pub fn month_named(name: &str) -> Option<u8> {
    let name = name.strip_suffix('.').unwrap_or(name).to_lowercase();
    let position =
        MONTHS.iter().position(|month| *month == name || (name.chars().count() == 3 && month.starts_with(&name)))?;
    u8::try_from(position + 1).ok()
}

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not shaped like `dd/mm/yyyy` or `yyyy-mm-dd`.
    Format(String),
    /// Shaped like a date, but no such day exists.
    NoSuchDay(String),
}

impl DateError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Self::Format(text) => msg!("date-format", text = text),
            Self::NoSuchDay(text) => msg!("date-no-such-day", text = text),
        }
    }
}

crate::display_in_english!(DateError);

impl Date {
    /// The date, if the day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid =
            (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Reads `dd/mm/yyyy`, `d/m/yyyy`, `dd.mm.yyyy`, `dd-mm-yyyy`, `yyyy-mm-dd`, or the day, the
    /// month's Italian name and the year (`9 agosto 2019`, `9 ago 2019`, `9-ago-2019`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let format_error = || DateError::Format(text.to_owned());
        if let Some(named) = Self::parse_month_named(text) {
            return named;
        }
        let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
        let [a, b, c] = parts.as_slice() else {
            return Err(format_error());
        };
        let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !(all_digits(a) && all_digits(b) && all_digits(c)) {
            return Err(format_error());
        }
        let (year, month, day) = if a.len() == 4 && text.contains('-') && b.len() <= 2 && c.len() <= 2 {
            (*a, *b, *c)
        } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
            (*c, *b, *a)
        } else {
            return Err(format_error());
        };
        let number = |s: &str| s.parse::<u16>().map_err(|_| format_error());
        let (year, month, day) = (number(year)?, number(month)?, number(day)?);
        let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
            return Err(DateError::NoSuchDay(text.to_owned()));
        };
        Self::new(i32::from(year), month, day).ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
    }

    /// `9 agosto 2019`, `9 ago 2019`, `9-ago-2019`: `None` when `text` is not of that shape.
    fn parse_month_named(text: &str) -> Option<Result<Self, DateError>> {
        let parts: Vec<&str> = text.split([' ', '-']).filter(|part| !part.is_empty()).collect();
        let [day, month, year] = parts.as_slice() else { return None };
        let month = month_named(month)?;
        let all_digits =
            |s: &str, most: usize| s.len() <= most && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(day, 2) && all_digits(year, 4) && year.len() == 4) {
            return Some(Err(DateError::Format(text.to_owned())));
        }
        let (day, year) = (day.parse::<u8>().ok()?, year.parse::<i32>().ok()?);
        Some(Self::new(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_owned())))
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // The "days from civil" algorithm (Howard Hinnant), exact for the proleptic Gregorian calendar.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01, the inverse of [`Date::days_since_epoch`] ("civil from
    /// days", Howard Hinnant); `None` outside years 1 to 9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let days = days + 719_468;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// `self − other` in days.
    pub fn days_after(self, other: Date) -> i64 {
        self.days_since_epoch() - other.days_since_epoch()
    }

    /// The ISO form, `yyyy-mm-dd`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Printed as `dd/mm/yyyy`, the form of Italian documents.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_italian_and_iso_forms() {
        let d = Date::new(2019, 12, 31).unwrap();
        for text in ["31/12/2019", "31.12.2019", "31-12-2019", "2019-12-31", " 31/12/2019 "] {
            assert_eq!(Date::parse(text), Ok(d), "{text}");
        }
        assert_eq!(Date::parse("1/4/2019"), Ok(Date::new(2019, 4, 1).unwrap()));
        assert_eq!(d.to_string(), "31/12/2019");
        assert_eq!(d.iso(), "2019-12-31");
    }

    #[test]
    fn reads_italian_month_names_whole_or_abbreviated() {
        let d = Date::new(2019, 8, 9).unwrap();
        for text in ["9 agosto 2019", "9 ago 2019", "9-ago-2019", "09-Ago-2019", "9 AGOSTO 2019", "9 ago. 2019"] {
            assert_eq!(Date::parse(text), Ok(d), "{text}");
        }
        assert_eq!(Date::parse("1 gen 2020"), Date::new(2020, 1, 1).ok_or(DateError::Format(String::new())));
        assert_eq!(Date::parse("31 dic 2019"), Date::new(2019, 12, 31).ok_or(DateError::Format(String::new())));
        assert!(matches!(Date::parse("31 novembre 2019"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("9 ago 19"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("9 agos 2019"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("9 august 2019"), Err(DateError::Format(_))));
        assert_eq!(month_named("Settembre"), Some(9));
        assert_eq!(month_named("set"), Some(9));
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(matches!(Date::parse("29/02/2019"), Err(DateError::NoSuchDay(_))));
        assert!(Date::parse("29/02/2020").is_ok());
        assert!(matches!(Date::parse("31/04/2019"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("00/01/2019"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("1/13/2019"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("2019/12/31"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("31/12/19"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("domani"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("999/1/2019"), Err(DateError::Format(_))));
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        for date in
            [epoch, Date::new(2000, 2, 29).unwrap(), Date::new(2019, 12, 31).unwrap(), Date::new(1, 1, 1).unwrap()]
        {
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), Some(date));
        }
        assert_eq!(Date::from_days_since_epoch(-1), Date::new(1969, 12, 31));
        let deadline = Date::new(2019, 12, 31).unwrap();
        assert_eq!(Date::new(2020, 1, 10).unwrap().days_after(deadline), 10);
        assert_eq!(Date::new(2020, 3, 1).unwrap().days_after(Date::new(2020, 2, 28).unwrap()), 2);
        assert_eq!(Date::new(2019, 3, 1).unwrap().days_after(Date::new(2019, 2, 28).unwrap()), 1);
    }
}
