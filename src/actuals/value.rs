//! One actual value, read as people type it, according to the indicator's unit.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::i18n::Message;
use crate::msg;
use crate::number::{Grouping, NumberError, format_italian, parse_decimal_in};
use crate::plan::{Scale, Unit};
use crate::target::Comparator;

/// An actual value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number, in the indicator's unit (percent points for percentages).
    Number(Decimal),
    /// A completion date.
    Date(Date),
    /// Done or not done.
    YesNo(bool),
    /// A level of the indicator's scale, lower case.
    Level(Box<str>),
    /// Explicitly not available (`n.d.`).
    NotAvailable,
    /// Not applicable this year (`n.a.`): out of the indicator's score and of its parents'
    /// denominators.
    NotApplicable,
    /// Only a bound is known (`oltre 220`, `> 220`, `almeno 220`, `meno di 5`): the value lies on
    /// the comparator's side of the number.
    Bound {
        /// `>` for `oltre`, `≥` for `almeno`, `<`, `≤`.
        comparator: Comparator,
        /// The bound.
        value: Decimal,
    },
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Number(number) => f.write_str(&format_italian(*number)),
            Value::Date(date) => write!(f, "{date}"),
            Value::YesNo(true) => f.write_str("sì"),
            Value::YesNo(false) => f.write_str("no"),
            Value::Level(level) => f.write_str(level),
            Value::NotAvailable => f.write_str("n.d."),
            Value::NotApplicable => f.write_str("n.a."),
            Value::Bound { comparator, value } => write!(f, "{} {}", comparator.symbol(), format_italian(*value)),
        }
    }
}

/// What people write for "not available".
const NOT_AVAILABLE: &[&str] =
    &["n.d.", "n.d", "nd", "n/d", "nv", "n.v.", "-", "–", "—", "non disponibile", "non rilevato"];

/// What people write for "not applicable": a year in which the indicator does not apply. Kept
/// apart from "not available", which is a value that should be there and is not.
const NOT_APPLICABLE: &[&str] = &["n.a.", "n.a", "na", "n/a", "non applicabile", "non pertinente"];

/// The words and symbols of a bound, with the comparator each means (longest first).
const BOUNDS: &[(&str, Comparator)] = &[
    ("non meno di ", Comparator::AtLeast),
    ("non più di ", Comparator::AtMost),
    ("non piu di ", Comparator::AtMost),
    ("al massimo ", Comparator::AtMost),
    ("più di ", Comparator::MoreThan),
    ("piu di ", Comparator::MoreThan),
    ("meno di ", Comparator::LessThan),
    ("almeno ", Comparator::AtLeast),
    ("oltre ", Comparator::MoreThan),
    ("fino a ", Comparator::AtMost),
    ("sotto ", Comparator::LessThan),
    (">=", Comparator::AtLeast),
    ("≥", Comparator::AtLeast),
    ("<=", Comparator::AtMost),
    ("≤", Comparator::AtMost),
    (">", Comparator::MoreThan),
    ("<", Comparator::LessThan),
];

/// What people write for yes and no.
const YES: &[&str] = &["sì", "si", "yes", "true", "1", "fatto", "realizzato", "x"];
const NO: &[&str] = &["no", "false", "0", "non fatto", "non realizzato"];

/// Whether `text` says "not available".
pub fn is_not_available(text: &str) -> bool {
    NOT_AVAILABLE.contains(&text.trim().to_lowercase().as_str())
}

/// Whether `text` says "not applicable".
pub fn is_not_applicable(text: &str) -> bool {
    NOT_APPLICABLE.contains(&text.trim().to_lowercase().as_str())
}

/// Reads `text` as a value of `unit` (`scale` for levels), `1.245` as `grouping` says. The
/// error says what was expected.
pub fn parse(text: &str, unit: Unit, scale: Option<&Scale>, grouping: Grouping) -> Result<Value, Message> {
    let text = crate::source::trim(text);
    // The common case, a plain number, needs no lower-casing.
    if unit.is_numeric() && text.starts_with(|c: char| c.is_ascii_digit()) {
        return number(text, unit, grouping).map(Value::Number);
    }
    if is_not_available(text) {
        return Ok(Value::NotAvailable);
    }
    if is_not_applicable(text) {
        return Ok(Value::NotApplicable);
    }
    let lower = text.to_lowercase();
    if unit.is_numeric()
        && let Some((comparator, rest)) = BOUNDS.iter().find_map(|(word, c)| lower.strip_prefix(word).map(|r| (*c, r)))
    {
        let rest = &text[text.len() - rest.len()..];
        return number(rest, unit, grouping).map(|value| Value::Bound { comparator, value });
    }
    match unit {
        Unit::Date => {
            if let Some(done) = yes_no(&lower) {
                return Ok(Value::YesNo(done));
            }
            Date::parse(text).map(Value::Date).map_err(|_| msg!("value-not-a-completion-date", text = text))
        }
        Unit::YesNo => yes_no(&lower).map(Value::YesNo).ok_or_else(|| msg!("value-not-yes-no", text = text)),
        Unit::Level => {
            let levels = scale.map(|s| s.levels.join(", ")).unwrap_or_default();
            match scale.and_then(|s| s.rank(&lower)) {
                Some(_) => Ok(Value::Level(lower.into())),
                None => Err(msg!("value-not-a-level", text = text, levels = levels)),
            }
        }
        _ => number(text, unit, grouping).map(Value::Number),
    }
}

fn yes_no(lower: &str) -> Option<bool> {
    if YES.contains(&lower) {
        Some(true)
    } else if NO.contains(&lower) {
        Some(false)
    } else {
        None
    }
}

/// A number with an optional unit suffix that must match `unit` (`98%`, `3,2 gg`, `1.234,5 €`),
/// `1.245` as `grouping` says.
pub fn number(text: &str, unit: Unit, grouping: Grouping) -> Result<Decimal, Message> {
    let trimmed = crate::source::trim(text);
    let (digits, suffix) =
        match trimmed.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '−' | '+' | ' '))) {
            Some(at) => (&trimmed[..at], trimmed[at..].trim()),
            None => (trimmed, ""),
        };
    let suffix_unit = match suffix.to_ascii_lowercase().as_str() {
        "" => None,
        "%" => Some(Unit::Percent),
        "gg" | "gg." | "giorni" | "g" => Some(Unit::Days),
        "€" | "euro" => Some(Unit::Euro),
        _ => return Err(NumberError::NotANumber(trimmed.to_owned()).message()),
    };
    if let Some(suffix_unit) = suffix_unit
        && suffix_unit != unit
    {
        return Err(msg!("value-wrong-suffix", text = trimmed, suffix = suffix, unit = unit.as_str()));
    }
    // A count is whole: `2.600` is two thousand six hundred, in any file.
    let grouping = if unit == Unit::Count { Grouping::Point } else { grouping };
    parse_decimal_in(digits, grouping).map_err(|error| reason(error, trimmed))
}

/// A bare number (a numerator, a denominator), `1.245` as `grouping` says.
pub fn bare_number(text: &str, grouping: Grouping) -> Result<Decimal, Message> {
    parse_decimal_in(text, grouping).map_err(|error| reason(error, text.trim()))
}

/// Why `text` is not a number: an ambiguous one is explained the same way in every numeric
/// column, with how to write it.
fn reason(error: NumberError, text: &str) -> Message {
    match error {
        NumberError::Ambiguous(_) => msg!("value-ambiguous", text = text),
        other => other.message(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn numbers_as_people_type_them() {
        for (text, unit, expected) in [
            ("98%", Unit::Percent, dec!(98)),
            ("98,5", Unit::Percent, dec!(98.5)),
            ("0.985", Unit::Percent, dec!(0.985)),
            ("1.234,5", Unit::Euro, dec!(1234.5)),
            ("1.234,5 €", Unit::Euro, dec!(1234.5)),
            ("3,2 gg", Unit::Days, dec!(3.2)),
            ("3,2", Unit::Days, dec!(3.2)),
            ("-2", Unit::Number, dec!(-2)),
        ] {
            assert_eq!(parse(text, unit, None, Grouping::Unknown), Ok(Value::Number(expected)), "{text}");
        }
    }

    #[test]
    fn other_kinds_of_value() {
        assert_eq!(
            parse("31/12/2019", Unit::Date, None, Grouping::Unknown),
            Ok(Value::Date(Date::new(2019, 12, 31).unwrap()))
        );
        assert_eq!(
            parse("2019-12-31", Unit::Date, None, Grouping::Unknown),
            Ok(Value::Date(Date::new(2019, 12, 31).unwrap()))
        );
        assert_eq!(parse("no", Unit::Date, None, Grouping::Unknown), Ok(Value::YesNo(false)));
        assert_eq!(parse("Sì", Unit::YesNo, None, Grouping::Unknown), Ok(Value::YesNo(true)));
        assert_eq!(parse("si", Unit::YesNo, None, Grouping::Unknown), Ok(Value::YesNo(true)));
        assert_eq!(parse("FALSE", Unit::YesNo, None, Grouping::Unknown), Ok(Value::YesNo(false)));
        let scale =
            Scale { id: "g".into(), name: "g".into(), levels: vec!["basso".into(), "medio".into(), "alto".into()] };
        assert_eq!(parse("Medio", Unit::Level, Some(&scale), Grouping::Unknown), Ok(Value::Level("medio".into())));
        assert!(parse("ottimo", Unit::Level, Some(&scale), Grouping::Unknown).is_err());
        for text in ["n.d.", "N.D.", "nd", "-", "n/d"] {
            assert_eq!(parse(text, Unit::Percent, None, Grouping::Unknown), Ok(Value::NotAvailable), "{text}");
        }
    }

    #[test]
    fn values_that_do_not_fit_the_unit() {
        assert!(
            parse("98%", Unit::Ratio, None, Grouping::Unknown).unwrap_err().to_string().contains("unit is `ratio`")
        );
        assert!(parse("31/12/2019", Unit::Percent, None, Grouping::Unknown).is_err());
        assert!(parse("circa 5", Unit::Count, None, Grouping::Unknown).is_err());
        assert!(parse("forse", Unit::YesNo, None, Grouping::Unknown).is_err());
        assert!(parse("1.234", Unit::Euro, None, Grouping::Unknown).unwrap_err().to_string().contains("ambiguous"));
        assert_eq!(parse("1.234", Unit::Euro, None, Grouping::Point), Ok(Value::Number(dec!(1234))));
    }

    #[test]
    fn not_applicable_bounds_and_counts() {
        for text in ["n.a.", "N/A", "na", "non applicabile"] {
            assert_eq!(parse(text, Unit::Count, None, Grouping::Unknown), Ok(Value::NotApplicable), "{text}");
        }
        assert_eq!(parse("n.d.", Unit::Count, None, Grouping::Unknown), Ok(Value::NotAvailable));
        for (text, comparator) in [
            ("oltre 220", Comparator::MoreThan),
            ("Oltre 220", Comparator::MoreThan),
            ("> 220", Comparator::MoreThan),
            ("almeno 220", Comparator::AtLeast),
            ("≥220", Comparator::AtLeast),
            ("meno di 220", Comparator::LessThan),
            ("al massimo 220", Comparator::AtMost),
        ] {
            assert_eq!(
                parse(text, Unit::Count, None, Grouping::Unknown),
                Ok(Value::Bound { comparator, value: dec!(220) }),
                "{text}"
            );
        }
        assert_eq!(
            parse("oltre 2.600", Unit::Count, None, Grouping::Unknown),
            Ok(Value::Bound { comparator: Comparator::MoreThan, value: dec!(2600) })
        );
        assert_eq!(parse("2.600", Unit::Count, None, Grouping::Unknown), Ok(Value::Number(dec!(2600))));
        assert!(parse("2.600", Unit::Number, None, Grouping::Unknown).unwrap_err().to_string().contains("ambiguous"));
        assert!(parse("oltre 31/12/2019", Unit::Date, None, Grouping::Unknown).is_err());
        assert_eq!(Value::Bound { comparator: Comparator::MoreThan, value: dec!(220) }.to_string(), "> 220");
    }
}
