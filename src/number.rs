//! Numbers as Italian documents write them, read and printed exactly.
//!
//! All quantities (targets, actual values, weights, attainment) are [`Decimal`]s: no binary
//! floating point anywhere. This module is the one place that turns text into a `Decimal` and
//! back, so that targets, actuals and weights follow the same rules:
//!
//! - a decimal comma or a decimal point: `1,45` and `1.45` are the same number;
//! - with both, the last one is the decimal separator and the other groups thousands in threes:
//!   `1.234,5` (Italian) and `1,234.5` are 1234.5;
//! - several points alone group thousands (`1.234.567`); several commas alone are rejected,
//!   since no reading of them is safe;
//! - a single comma is decimal (`1,234` is one point two three four); a single point is decimal
//!   too (`0.985`, `1.45`), except when it could be an Italian thousands separator: `1.234` and
//!   `12.500` are rejected as ambiguous (write `1234`, `1.234,0` or `1,234`), unless the text
//!   comes from where a point can only group thousands ([`Grouping::Point`]: a `;`-delimited
//!   file, which is what Italian Excel writes, with its decimal comma), or the number is a count
//!   ([`parse_count`]), which is whole, so that `2.600` can only be two thousand six hundred;
//! - a leading `+`, `-` or `−` (the minus sign) and surrounding spaces are accepted.
//!
//! Printing: [`format_italian`] writes the shortest exact form with a decimal comma (canonical
//! targets); [`round_half_away`] and [`format_fixed`] round as Italian documents do, half away
//! from zero (`0,125` → `0,13`), never banker's rounding.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::i18n::Message;
use crate::msg;

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing to read.
    Empty,
    /// Characters that are not digits, separators or a sign.
    NotANumber(String),
    /// Separators that cannot be read safely (`1,234,567`, `12.34.5`).
    Ambiguous(String),
    /// More than [`MAX_INTEGER_DIGITS`] digits before the separator, or more digits than a
    /// decimal holds (28 after the separator, 28 or 29 in all).
    OutOfRange(String),
}

impl NumberError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Self::Empty => msg!("number-empty"),
            Self::NotANumber(text) => msg!("number-not-a-number", text = text),
            Self::Ambiguous(text) => msg!("number-ambiguous", text = text),
            Self::OutOfRange(text) => msg!("number-out-of-range", text = text),
        }
    }
}

crate::display_in_english!(NumberError);

/// The most digits a number may have before its decimal separator: quantities stay below 10^15
/// (a million billion), so that every sum, difference and ratio of them scoring computes fits
/// in a [`Decimal`] and none can overflow.
pub const MAX_INTEGER_DIGITS: u32 = 15;

/// The bound of [`MAX_INTEGER_DIGITS`]: every quantity read is smaller than this in magnitude.
pub const MAX_MAGNITUDE: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// Checks that `value` (read from `text`) is within [`MAX_MAGNITUDE`]: the one bound every
/// number of a plan or of an actuals file passes.
pub fn in_range(value: Decimal, text: &str) -> Result<Decimal, NumberError> {
    // A mantissa below the bound's is a value below it, whatever its scale: told without
    // comparing two decimals of different scales, for each of a million values.
    if value.mantissa().unsigned_abs() < MAX_MAGNITUDE.mantissa().unsigned_abs() || value.abs() < MAX_MAGNITUDE {
        Ok(value)
    } else {
        Err(NumberError::OutOfRange(text.trim().to_owned()))
    }
}

/// What a lone point followed by three digits (`1.245`) means where a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// Either a decimal point or a thousands separator: refused as ambiguous.
    #[default]
    Unknown,
    /// A thousands separator: the file was written with a decimal comma (a `;`-delimited file,
    /// Italian Excel's), so `1.245` is 1245.
    Point,
}

/// Reads a number written with a decimal comma or point (see the module docs for the rules).
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    parse_decimal_in(text, Grouping::Unknown)
}

/// Reads a count: as [`parse_decimal`], except that a single point before exactly three digits
/// groups thousands (`2.600` is 2600). Counts are whole, so the Italian reading is the only one
/// that makes sense; the same text is ambiguous in any other unit.
pub fn parse_count(text: &str) -> Result<Decimal, NumberError> {
    parse_decimal_in(text, Grouping::Point)
}

/// How to write an ambiguous number, for help lines: the thousands and the decimal reading.
pub fn ambiguity_help(text: &str) -> crate::i18n::Message {
    let text = text.trim();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let decimal = text.replacen('.', ",", 1);
    crate::msg!("ambiguous-number-help", text = text, digits = digits, decimal = decimal)
}

/// [`parse_decimal`], reading `1.245` as `grouping` says.
///
/// The digits are accumulated straight into the decimal's mantissa: no intermediate string,
/// since actuals files have a number on every one of their (up to millions of) rows.
pub fn parse_decimal_in(text: &str, grouping: Grouping) -> Result<Decimal, NumberError> {
    let trimmed = crate::source::trim(text);
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    // One sign at most: `--5` is a typing mistake, not −5.
    let (negative, unsigned) = match trimmed.chars().next() {
        Some(sign @ ('-' | '−' | '+')) => (sign != '+', trimmed[sign.len_utf8()..].trim_start()),
        _ => (false, trimmed),
    };
    let not_a_number = || NumberError::NotANumber(trimmed.to_owned());
    let ambiguous = || NumberError::Ambiguous(trimmed.to_owned());
    let bytes = unsigned.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(|b| b.is_ascii_digit() || *b == b'.' || *b == b',') {
        return Err(not_a_number());
    }
    if !bytes.iter().any(u8::is_ascii_digit) || bytes.ends_with(b",") || bytes.ends_with(b".") {
        return Err(not_a_number());
    }
    let commas = bytes.iter().filter(|&&b| b == b',').count();
    let points = bytes.iter().filter(|&&b| b == b'.').count();
    // Which byte separates the decimals, and which (if any) groups thousands.
    let (decimal, group) = match (commas, points) {
        (0, 0) => (None, None),
        (1, 0) => (Some(b','), None),
        (0, 1) => (Some(b'.'), None),
        (0, _) => (None, Some(b'.')),
        (_, 0) => return Err(ambiguous()),
        _ => {
            let last_comma = unsigned.rfind(',');
            let last_point = unsigned.rfind('.');
            let (decimal, group) = if last_comma > last_point { (b',', b'.') } else { (b'.', b',') };
            if bytes.iter().filter(|&&b| b == decimal).count() != 1 {
                return Err(ambiguous());
            }
            (Some(decimal), Some(group))
        }
    };
    let split = decimal.and_then(|d| bytes.iter().position(|&b| b == d)).unwrap_or(bytes.len());
    let (mut integer, mut fraction) = (&bytes[..split], bytes.get(split + 1..).unwrap_or_default());
    if let Some(group) = group {
        if !grouped_by_three(integer, group) {
            return Err(ambiguous());
        }
    } else if decimal == Some(b'.') && fraction.len() == 3 && (1..=3).contains(&integer.len()) && integer[0] != b'0' {
        // `1.234` may be Italian thousands or a decimal: refuse to guess, unless told.
        if grouping == Grouping::Unknown {
            return Err(ambiguous());
        }
        (integer, fraction) = (bytes, &[]);
    }
    let mut mantissa: u128 = 0;
    for &byte in integer.iter().chain(fraction).filter(|b| b.is_ascii_digit()) {
        mantissa = mantissa * 10 + u128::from(byte - b'0');
        // 2^96 − 1, the largest mantissa of a decimal.
        if mantissa > 79_228_162_514_264_337_593_543_950_335 {
            return Err(NumberError::OutOfRange(trimmed.to_owned()));
        }
    }
    let scale = u32::try_from(fraction.len()).unwrap_or(u32::MAX);
    if scale > 28 {
        return Err(NumberError::OutOfRange(trimmed.to_owned()));
    }
    let mantissa = i128::try_from(mantissa).map_err(|_| NumberError::OutOfRange(trimmed.to_owned()))?;
    let value = Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale)
        .map_err(|_| NumberError::OutOfRange(trimmed.to_owned()))?;
    in_range(value, trimmed)
}

/// Whether `digits` are grouped in threes by `separator` (`1.234.567`), the first group having
/// one to three digits.
fn grouped_by_three(digits: &[u8], separator: u8) -> bool {
    let mut groups = digits.split(|&b| b == separator);
    let first_ok = groups.next().is_some_and(|first| (1..=3).contains(&first.len()));
    first_ok && groups.all(|group| group.len() == 3)
}

/// Rounds to `decimals` places, half away from zero (`2,345` → `2,35`; `-2,345` → `-2,35`).
pub fn round_half_away(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// The decimals a computed value (an attainment, a roll-up) is first rounded to, before it is
/// rounded to the decimals shown: the guard digits.
///
/// Computed values carry 28 significant digits; a quotient that does not terminate (100 / 3) is
/// rounded at the last one, and sums of such quotients carry that error, far below 10^-20. So
/// that it never changes a shown figure ((3 × 100/3 + 0,02) / 4 is 25,005 exactly, computed
/// 25,00499…98, shown 25,01), a computed value is first rounded to 18 decimals. The shown figure
/// is then the exact one, except for an exact value within 10^-18 of a rounding midpoint without
/// being on it: a value no plan's inputs, at most 28 decimals over quantities below 10^15,
/// come near in practice, and the limit is stated in `docs/scoring.md`.
pub const GUARD_DECIMALS: u32 = 18;

/// A computed value rounded to `decimals` places for display: first to [`GUARD_DECIMALS`], then
/// to `decimals`, both half away from zero.
pub fn round_computed(value: Decimal, decimals: u32) -> Decimal {
    round_half_away(round_half_away(value, GUARD_DECIMALS), decimals)
}

/// A computed value as [`format_fixed`] writes it, after [`round_computed`].
pub fn format_computed(value: Decimal, decimals: u32) -> String {
    format_fixed(round_half_away(value, GUARD_DECIMALS), decimals)
}

/// The shortest exact form with a decimal comma: `1.450` → `1,45`, `100.00` → `100`.
pub fn format_italian(value: Decimal) -> String {
    let mut text = decimal_text(value.normalize());
    if let Some(point) = text.find('.') {
        text.replace_range(point..=point, ",");
    }
    text
}

/// `value` as `Decimal`'s `Display` writes it (`-12.50`, `0.005`, `7`), for the hundreds of
/// thousands of numbers of a big table: a mantissa that fits 64 bits (every value a plan or its
/// actuals hold, in practice) is written by dividing a `u64`, not the 96-bit number `Display`
/// divides by ten for each digit.
pub fn decimal_text(value: Decimal) -> String {
    let Ok(mantissa) = u64::try_from(value.mantissa().unsigned_abs()) else {
        return value.to_string();
    };
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = mantissa;
    while rest > 0 {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let digits = &digits[start..];
    let scale = value.scale() as usize;
    let mut text = String::with_capacity(digits.len().max(scale) + 3);
    if value.is_sign_negative() {
        text.push('-');
    }
    // The digits, with as many zeros before them as make `scale` fraction digits.
    let zeros = scale.saturating_sub(digits.len());
    let whole = (digits.len() + zeros) - scale;
    let all = std::iter::repeat_n(b'0', zeros).chain(digits.iter().copied());
    if whole == 0 {
        text.push('0');
    }
    for (at, digit) in all.enumerate() {
        if at == whole {
            text.push('.');
        }
        text.push(char::from(digit));
    }
    text
}

/// Rounded half away from zero to exactly `decimals` places, with a decimal point
/// (`98.125` → `98.13`, `7` → `7.00`): the machine-readable form of CSV and JSON outputs.
pub fn format_fixed(value: Decimal, decimals: u32) -> String {
    let mut rounded = round_half_away(value, decimals);
    rounded.rescale(decimals);
    decimal_text(rounded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    proptest::proptest! {
        /// A value is in range exactly when it is below the bound, however large its mantissa
        /// and its scale.
        #[test]
        fn in_range_is_below_the_bound(
            low in proptest::num::u32::ANY,
            middle in 0u32..500_000,
            high in 0u32..3,
            negative in proptest::bool::ANY,
            scale in 0u32..=28,
        ) {
            let value = Decimal::from_parts(low, middle, high, negative, scale);
            proptest::prop_assert_eq!(in_range(value, "").is_ok(), value.abs() < MAX_MAGNITUDE);
        }

        /// Written as `Display` writes it: every sign (a negative zero too), scale and size of
        /// mantissa, those over 64 bits included.
        #[test]
        fn decimal_text_is_what_display_writes(
            low in proptest::num::u32::ANY,
            middle in proptest::num::u32::ANY,
            high in 0u32..4,
            wide in proptest::bool::ANY,
            negative in proptest::bool::ANY,
            scale in 0u32..=28,
        ) {
            let value = Decimal::from_parts(low, if wide { middle } else { middle % 3 }, if wide { high } else { 0 }, negative, scale);
            proptest::prop_assert_eq!(decimal_text(value), value.to_string());
        }
    }

    #[test]
    fn decimal_text_writes_zeros_and_small_fractions() {
        for (value, text) in [
            (dec!(0), "0"),
            (dec!(0.00), "0.00"),
            (dec!(-0.005), "-0.005"),
            (dec!(0.5), "0.5"),
            (dec!(100), "100"),
            (dec!(-12.50), "-12.50"),
            (Decimal::MAX, "79228162514264337593543950335"),
            (-dec!(0.001).round_dp(2), "-0.00"),
        ] {
            assert_eq!(decimal_text(value), text);
            assert_eq!(value.to_string(), text);
        }
    }

    #[test]
    fn reads_the_forms_people_type() {
        for (text, expected) in [
            ("1,45", dec!(1.45)),
            ("1.45", dec!(1.45)),
            ("0.985", dec!(0.985)),
            ("1,234", dec!(1.234)),
            ("1.2345", dec!(1.2345)),
            ("1.234,5", dec!(1234.5)),
            ("1,234.5", dec!(1234.5)),
            ("1.234.567", dec!(1234567)),
            ("1.234.567,89", dec!(1234567.89)),
            ("98", dec!(98)),
            (" 3,0 ", dec!(3.0)),
            ("-0,5", dec!(-0.5)),
            ("− 2", dec!(-2)),
            ("+7", dec!(7)),
            (",5", dec!(0.5)),
            ("0", dec!(0)),
        ] {
            assert_eq!(parse_decimal(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn rejects_what_cannot_be_read_safely() {
        assert_eq!(parse_decimal(""), Err(NumberError::Empty));
        assert!(matches!(parse_decimal("1,234,567"), Err(NumberError::Ambiguous(_))));
        assert!(matches!(parse_decimal("1.234"), Err(NumberError::Ambiguous(_))));
        assert!(matches!(parse_decimal("12.500"), Err(NumberError::Ambiguous(_))));
        assert!(matches!(parse_decimal("12.34.5"), Err(NumberError::Ambiguous(_))));
        assert!(matches!(parse_decimal("1.23,4.5"), Err(NumberError::Ambiguous(_))));
        assert!(matches!(parse_decimal("1,2.3,4"), Err(NumberError::Ambiguous(_))));
        assert!(matches!(parse_decimal("abc"), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_decimal("1,"), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_decimal("."), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_decimal("1e5"), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_decimal("12%"), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_decimal("1.00000000000000000000000000001"), Err(NumberError::OutOfRange(_))));
        assert!(matches!(parse_decimal("99999999999999999999999999999999"), Err(NumberError::OutOfRange(_))));
        assert!(matches!(parse_decimal("79228162514264337593543950335"), Err(NumberError::OutOfRange(_))));
        assert!(matches!(parse_decimal("-1.000.000.000.000.000"), Err(NumberError::OutOfRange(_))));
        assert_eq!(parse_decimal("999.999.999.999.999"), Ok(dec!(999999999999999)));
        assert_eq!(parse_decimal("0,0000000000000000000000000001"), Ok(dec!(0.0000000000000000000000000001)));
    }

    #[test]
    fn a_count_reads_a_lone_point_before_three_digits_as_thousands() {
        assert_eq!(parse_count("2.600"), Ok(dec!(2600)));
        assert_eq!(parse_count("40.000.000"), Ok(dec!(40000000)));
        assert_eq!(parse_count("999.000"), Ok(dec!(999000)));
        assert_eq!(parse_count("2,6"), Ok(dec!(2.6)));
        assert_eq!(parse_count("1.45"), Ok(dec!(1.45)));
        assert_eq!(parse_count("0.985"), Ok(dec!(0.985)));
        assert!(matches!(parse_decimal("2.600"), Err(NumberError::Ambiguous(_))));
        assert_eq!(parse_decimal("40.000.000"), Ok(dec!(40000000)));
        assert_eq!(parse_count("0.600"), Ok(dec!(0.6)));
        assert_eq!(
            ambiguity_help("2.600").to_string(),
            "write `2600` (or `2.600,0`) for 2600, `2,600` for the decimal number; a count (`unit = \"count\"`) reads `2.600` as 2600"
        );
    }

    #[test]
    fn a_point_groups_thousands_where_decimals_take_a_comma() {
        for (text, expected) in [("1.245", dec!(1245)), ("12.500", dec!(12500)), ("-1.245", dec!(-1245))] {
            assert_eq!(parse_decimal_in(text, Grouping::Point), Ok(expected), "{text}");
            assert!(matches!(parse_decimal(text), Err(NumberError::Ambiguous(_))), "{text}");
        }
        // What is not ambiguous reads as it always does.
        for (text, expected) in [("0.985", dec!(0.985)), ("1.45", dec!(1.45)), ("1.234,5", dec!(1234.5))] {
            assert_eq!(parse_decimal_in(text, Grouping::Point), Ok(expected), "{text}");
        }
    }

    #[test]
    fn one_sign_at_most() {
        for text in ["--5", "-−5", "+-5", "++5", "- -5", "-+5"] {
            assert!(matches!(parse_decimal(text), Err(NumberError::NotANumber(_))), "{text}");
        }
    }

    #[test]
    fn the_bound_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_MAGNITUDE, dec!(1_000_000_000_000_000));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_half_away(dec!(2.345), 2), dec!(2.35));
        assert_eq!(round_half_away(dec!(-2.345), 2), dec!(-2.35));
        assert_eq!(round_half_away(dec!(0.125), 2), dec!(0.13));
        assert_eq!(round_half_away(dec!(2.344999), 2), dec!(2.34));
        assert_eq!(format_fixed(dec!(98.125), 2), "98.13");
        assert_eq!(format_fixed(dec!(7), 2), "7.00");
        assert_eq!(format_fixed(dec!(66.666666), 2), "66.67");
    }

    #[test]
    fn computed_values_are_shown_as_their_exact_value_is_rounded() {
        // (3 × 100/3 + 0,02) / 4 is 25,005 exactly. An attainment 1 / 3 × 100 is cut at the
        // 28th digit (33,333…330), so the computed mean is 25,00499…; the guard digits show it
        // as the exact value rounds.
        let third = Decimal::ONE / dec!(3) * Decimal::ONE_HUNDRED;
        let mean = (third + third + third + dec!(0.02)) / dec!(4);
        assert!(mean < dec!(25.005));
        assert_eq!(round_half_away(mean, 2), dec!(25.00));
        assert_eq!(round_computed(mean, 2), dec!(25.01));
        assert_eq!(format_computed(mean, 2), "25.01");
        // Values with no last-digit error round as before.
        assert_eq!(round_computed(dec!(66.666666666666666666666666667), 2), dec!(66.67));
        assert_eq!(round_computed(dec!(85.324999), 2), dec!(85.32));
        assert_eq!(format_computed(dec!(7), 2), "7.00");
    }

    #[test]
    fn prints_the_shortest_exact_italian_form() {
        assert_eq!(format_italian(dec!(1.450)), "1,45");
        assert_eq!(format_italian(dec!(100.00)), "100");
        assert_eq!(format_italian(dec!(-0.02)), "-0,02");
    }

    proptest::proptest! {
        #[test]
        fn the_italian_form_reads_back_exactly(mantissa in -999_999_999_999_999i64..=999_999_999_999_999, scale in 0u32..10) {
            let value = Decimal::new(mantissa, scale);
            proptest::prop_assert_eq!(parse_decimal(&format_italian(value)), Ok(value));
        }

        #[test]
        fn rounding_moves_less_than_half_a_unit_and_keeps_the_sign(mantissa in -1_000_000_000i64..1_000_000_000, scale in 0u32..8) {
            let value = Decimal::new(mantissa, scale);
            let rounded = round_half_away(value, 2);
            proptest::prop_assert!((rounded - value).abs() <= dec!(0.005));
            proptest::prop_assert!(rounded.is_zero() || rounded.is_sign_negative() == value.is_sign_negative());
        }
    }
}
