//! Periods of monitoring: a year, or a semester or quarter of it (`2024`, `2024-S1`, `2024-Q3`).
//!
//! Plans give targets for periods within the year for interim monitoring; actuals files give
//! the values measured at those periods; `score --year 2024-S1` scores a period. The year itself
//! stays the unit of the plan: a period is always read and printed with its year first.

use std::fmt;

/// The part of a year a period covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum PeriodPart {
    /// A semester, 1 or 2.
    Semester(u8),
    /// A quarter, 1 to 4.
    Quarter(u8),
    /// The whole year (sorted after its semesters and quarters: it ends last).
    #[default]
    Year,
}

/// A year, or a semester or quarter of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The year.
    pub year: i32,
    /// Which part of it.
    pub part: PeriodPart,
}

impl Period {
    /// The whole `year`.
    pub fn year(year: i32) -> Self {
        Self { year, part: PeriodPart::Year }
    }

    /// Whether the period is a whole year.
    pub fn is_year(self) -> bool {
        self.part == PeriodPart::Year
    }

    /// The same part of the year `years` before (`2024-S1` → `2023-S1`).
    pub fn years_before(self, years: i32) -> Self {
        Self { year: self.year - years, ..self }
    }

    /// The same part of `year`.
    pub fn in_year(self, year: i32) -> Self {
        Self { year, ..self }
    }

    /// Reads `2024`, `2024-S1`, `2024-s2`, `2024-Q3`, `2024-T3` (trimestre): a year of four
    /// digits, then optionally `-S1`/`-S2` or `-Q1`…`-Q4` (`-T`, the Italian trimestre, is read
    /// as `-Q`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = crate::source::trim(text);
        let (year_text, part_text) = match text.split_once(['-', '/', ' ']) {
            Some((year, part)) => (year, Some(part.trim())),
            None => (text, None),
        };
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok().filter(|year| *year >= 1)?;
        let Some(part_text) = part_text else { return Some(Self::year(year)) };
        let mut chars = part_text.chars();
        let letter = chars.next()?.to_ascii_uppercase();
        let number: u8 = chars.as_str().parse().ok()?;
        let part = match (letter, number) {
            ('S', 1..=2) => PeriodPart::Semester(number),
            ('Q' | 'T', 1..=4) => PeriodPart::Quarter(number),
            _ => return None,
        };
        Some(Self { year, part })
    }
}

/// `2024`, `2024-S1`, `2024-Q3`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            PeriodPart::Year => write!(f, "{}", self.year),
            PeriodPart::Semester(n) => write!(f, "{}-S{n}", self.year),
            PeriodPart::Quarter(n) => write!(f, "{}-Q{n}", self.year),
        }
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_semesters_and_quarters_read_and_print_back() {
        for (text, printed) in [
            ("2024", "2024"),
            ("2024-S1", "2024-S1"),
            ("2024-s2", "2024-S2"),
            ("2024-Q3", "2024-Q3"),
            ("2024-T4", "2024-Q4"),
            (" 2024 S1 ", "2024-S1"),
        ] {
            let period = Period::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(period.to_string(), printed);
            assert_eq!(Period::parse(printed), Some(period));
        }
        for text in ["24", "2024-S3", "2024-Q5", "2024-X1", "2024-", "20245", "0000", "2024-S1x"] {
            assert_eq!(Period::parse(text), None, "{text}");
        }
    }

    #[test]
    fn periods_sort_by_year_then_within_it_the_year_last() {
        let mut periods: Vec<Period> =
            ["2025", "2024", "2024-Q2", "2024-S1", "2024-S2"].iter().map(|t| Period::parse(t).unwrap()).collect();
        periods.sort();
        let printed: Vec<String> = periods.iter().map(ToString::to_string).collect();
        assert_eq!(printed, ["2024-S1", "2024-S2", "2024-Q2", "2024", "2025"]);
        assert_eq!(Period::parse("2024-S1").unwrap().years_before(1).to_string(), "2023-S1");
    }
}
