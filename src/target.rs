//! The target notation: what a plan writes in a target cell, parsed into a typed [`Target`]
//! and printed back in one canonical form.
//!
//! The notation is the one real annexes use (`100%`, `< 20%`, `≥ 90%`, `>= 80%`, `1,45`,
//! `<= 40gg`, `31/12/2019`, `x ≤ x-1`, `≥ a medio`, `≥ media cluster`,
//! `scostamento max 0,02 da media cluster`, `Anno di rilevazione`, `Rispetto tempistica`...).
//! It is specified in `docs/plan-format.md`. Parsing is context-free: whether a level exists in
//! the indicator's scale, or a bare number means "at least" or "at most", is decided by
//! validation and scoring, which know the indicator.
//!
//! The canonical form ([`fmt::Display`]) is what `list`, `diff` and reports show, so that
//! `>=1`, `≥1` and `≥ 1` are one target. `Target::parse(&t.to_string()) == Ok(t)` for every
//! target (tested by property tests).

use std::fmt;

use rust_decimal::Decimal;

use crate::date::Date;
use crate::i18n::Message;
use crate::msg;
use crate::number::{format_italian, parse_decimal};

/// How the measured value is compared with the target's reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparator {
    /// `≥`
    AtLeast,
    /// `>`
    MoreThan,
    /// `≤`
    AtMost,
    /// `<`
    LessThan,
    /// `=`
    Equal,
}

impl Comparator {
    /// The canonical symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Self::AtLeast => "≥",
            Self::MoreThan => ">",
            Self::AtMost => "≤",
            Self::LessThan => "<",
            Self::Equal => "=",
        }
    }

    /// Whether `value` satisfies `value <op> reference`.
    pub fn holds<T: PartialOrd>(self, value: &T, reference: &T) -> bool {
        match self {
            Self::AtLeast => value >= reference,
            Self::MoreThan => value > reference,
            Self::AtMost => value <= reference,
            Self::LessThan => value < reference,
            Self::Equal => value == reference,
        }
    }

    /// The polarity the comparator implies: `≥`/`>` increase, `≤`/`<` decrease, `=` neither.
    pub fn polarity(self) -> Option<Polarity> {
        match self {
            Self::AtLeast | Self::MoreThan => Some(Polarity::Increase),
            Self::AtMost | Self::LessThan => Some(Polarity::Decrease),
            Self::Equal => None,
        }
    }

    /// The comparator a bare target has under `polarity`: at least, or at most.
    pub fn for_polarity(polarity: Polarity) -> Self {
        match polarity {
            Polarity::Increase => Self::AtLeast,
            Polarity::Decrease => Self::AtMost,
        }
    }

    /// Reads a comparator at the start of `text`; returns it and the rest.
    fn strip(text: &str) -> Option<(Self, &str)> {
        const FORMS: &[(&str, Comparator)] = &[
            (">=", Comparator::AtLeast),
            ("=>", Comparator::AtLeast),
            ("<=", Comparator::AtMost),
            ("=<", Comparator::AtMost),
            ("≥", Comparator::AtLeast),
            ("⩾", Comparator::AtLeast),
            ("≧", Comparator::AtLeast),
            ("≤", Comparator::AtMost),
            ("⩽", Comparator::AtMost),
            ("≦", Comparator::AtMost),
            (">", Comparator::MoreThan),
            ("<", Comparator::LessThan),
            ("==", Comparator::Equal),
            ("=", Comparator::Equal),
        ];
        FORMS.iter().find_map(|(form, comparator)| text.strip_prefix(form).map(|rest| (*comparator, rest.trim_start())))
    }
}

/// Whether a higher or a lower value is better ("polarità").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
}

impl Polarity {
    /// `"increase"` or `"decrease"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Increase => "increase",
            Self::Decrease => "decrease",
        }
    }
}

/// The unit written after a number in a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Suffix {
    /// A plain number.
    None,
    /// `%`: percent points.
    Percent,
    /// `gg`: days.
    Days,
    /// `€`: euro.
    Euro,
}

/// A number with the unit written after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Quantity {
    /// The number as written (for `90%`, 90).
    pub value: Decimal,
    /// The unit written after it.
    pub suffix: Suffix,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = format_italian(self.value);
        match self.suffix {
            Suffix::None => f.write_str(&number),
            Suffix::Percent => write!(f, "{number}%"),
            Suffix::Days => write!(f, "{number} gg"),
            Suffix::Euro => write!(f, "{number} €"),
        }
    }
}

/// A target, typed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A number, with a comparator or bare (`comparator: None`: the polarity decides).
    Compare {
        /// The comparator, when written.
        comparator: Option<Comparator>,
        /// The number and its unit.
        quantity: Quantity,
    },
    /// Done on or before the date.
    Deadline(Date),
    /// Compared with the indicator's own actual of `lag` years before (`x ≤ x-1`).
    Relative {
        /// The comparator.
        comparator: Comparator,
        /// How many years back the reference is (at least 1).
        lag: u16,
    },
    /// A level of an ordinal scale (`≥ a medio`).
    Level {
        /// The comparator, when written.
        comparator: Option<Comparator>,
        /// The level's name, lower case.
        level: String,
    },
    /// Compared with the cluster benchmark supplied with the actuals (`≥ media cluster`).
    Benchmark {
        /// The comparator, when written.
        comparator: Option<Comparator>,
    },
    /// Not worse than the benchmark by more than `max_deviation`
    /// (`scostamento max 0,02 da media cluster`).
    BenchmarkTolerance {
        /// The largest accepted deviation, in the indicator's unit.
        max_deviation: Decimal,
    },
    /// A baseline year ("anno di rilevazione"): measured, not scored.
    Baseline,
    /// Done (`true`) or not done (`false`).
    YesNo(bool),
}

/// Why a text is not a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    /// An empty cell.
    Empty,
    /// A text in no known form.
    Unknown(String),
    /// A known form with a bad part (a day that does not exist, a zero lag...).
    Invalid {
        /// The target as written.
        text: String,
        /// What is wrong with it.
        reason: Message,
    },
}

impl TargetError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Self::Empty => msg!("target-empty"),
            Self::Unknown(text) => msg!("target-unknown", text = text),
            Self::Invalid { text, reason } => msg!("target-invalid", text = text).message("reason", reason.clone()),
        }
    }
}

crate::display_in_english!(TargetError);

/// The accepted forms, for help lines.
pub fn accepted_forms() -> Message {
    msg!("target-accepted-forms")
}

impl Target {
    /// Reads a target written in the notation (see the module docs).
    pub fn parse(text: &str) -> Result<Self, TargetError> {
        let normalized = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if normalized.is_empty() {
            return Err(TargetError::Empty);
        }
        let lower = normalized.to_lowercase();
        let invalid = |reason: Message| TargetError::Invalid { text: normalized.clone(), reason };

        if let Some(target) = parse_words(&lower) {
            return Ok(target);
        }
        if let Some(rest) = lower.strip_prefix("scostamento") {
            return parse_tolerance(rest).ok_or_else(|| invalid(msg!("target-expected-tolerance")));
        }
        if let Some(target) = parse_relative(&lower) {
            return target.map_err(invalid);
        }

        let (comparator, rest) = match Comparator::strip(&lower) {
            Some((comparator, rest)) => (Some(comparator), rest),
            None => (None, lower.as_str()),
        };
        let rest = rest.strip_prefix("entro il ").or_else(|| rest.strip_prefix("entro ")).unwrap_or(rest);
        if rest.is_empty() {
            return Err(invalid(msg!("target-comparator-without-value")));
        }
        // After `entro`, the fixed phrases mean what they mean alone (`entro baseline`).
        if comparator.is_none()
            && rest.len() < lower.len()
            && let Some(target) = parse_words(rest)
        {
            return Ok(target);
        }
        if rest == "media cluster" {
            return Ok(Target::Benchmark { comparator });
        }
        if looks_like_date(rest) {
            let date = Date::parse(rest).map_err(|error| invalid(error.message()))?;
            return match comparator {
                None | Some(Comparator::AtMost) => Ok(Target::Deadline(date)),
                Some(_) => Err(invalid(msg!("target-deadline-comparator"))),
            };
        }
        if let Some(quantity) = parse_quantity(rest) {
            return quantity.map(|quantity| Target::Compare { comparator, quantity }).map_err(invalid);
        }
        let level = rest.strip_prefix("a ").unwrap_or(rest);
        if !level.is_empty() && level.chars().all(char::is_alphabetic) && !matches!(level, "x" | "n") {
            return Ok(Target::Level { comparator, level: level.to_owned() });
        }
        Err(TargetError::Unknown(normalized))
    }

    /// The target's comparator, resolved for a bare target with the indicator's polarity.
    pub fn comparator(&self, polarity: Polarity) -> Option<Comparator> {
        match self {
            Target::Compare { comparator, .. }
            | Target::Level { comparator, .. }
            | Target::Benchmark { comparator } => Some(comparator.unwrap_or(Comparator::for_polarity(polarity))),
            Target::Relative { comparator, .. } => Some(*comparator),
            Target::Deadline(_) | Target::BenchmarkTolerance { .. } | Target::Baseline | Target::YesNo(_) => None,
        }
    }

    /// The comparator as written, if any.
    pub fn written_comparator(&self) -> Option<Comparator> {
        match self {
            Target::Compare { comparator, .. }
            | Target::Level { comparator, .. }
            | Target::Benchmark { comparator } => *comparator,
            Target::Relative { comparator, .. } => Some(*comparator),
            _ => None,
        }
    }

    /// Whether the target is a number without a comparator, whose meaning needs the polarity.
    pub fn is_bare(&self) -> bool {
        matches!(self, Target::Compare { comparator: None, .. } | Target::Level { comparator: None, .. })
    }

    /// Whether the year is only measured, not scored.
    pub fn is_baseline(&self) -> bool {
        matches!(self, Target::Baseline)
    }

    /// The kind of target, as a short English word for tables and JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Compare { .. } => "number",
            Target::Deadline(_) => "deadline",
            Target::Relative { .. } => "relative",
            Target::Level { .. } => "level",
            Target::Benchmark { .. } => "benchmark",
            Target::BenchmarkTolerance { .. } => "benchmark-tolerance",
            Target::Baseline => "baseline",
            Target::YesNo(_) => "yes-no",
        }
    }
}

/// The fixed phrases: baseline and yes/no.
fn parse_words(lower: &str) -> Option<Target> {
    let without_annex = lower.trim_end_matches("(vedi allegato)").trim_end();
    match without_annex {
        "anno di rilevazione" | "anno rilevazione" | "baseline" => Some(Target::Baseline),
        "sì" | "si" | "yes" | "true" | "rispetto tempistica" | "rispetto della tempistica" => {
            Some(Target::YesNo(true))
        }
        "no" | "false" => Some(Target::YesNo(false)),
        _ => None,
    }
}

/// `scostamento max 0,02 da media cluster`, after the word `scostamento`.
fn parse_tolerance(rest: &str) -> Option<Target> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("massimo").or_else(|| rest.strip_prefix("max"))?;
    let (number, tail) = rest.trim_start().split_once(' ')?;
    if tail.trim() != "da media cluster" {
        return None;
    }
    let max_deviation = parse_decimal(number).ok()?;
    (max_deviation >= Decimal::ZERO).then_some(Target::BenchmarkTolerance { max_deviation })
}

/// `x ≤ x-1`: `None` when the text is not of this shape, `Some(Err)` when it is but is wrong.
fn parse_relative(lower: &str) -> Option<Result<Target, Message>> {
    let rest = lower.strip_prefix('x')?.trim_start();
    let (comparator, rest) = Comparator::strip(rest)?;
    let rest = rest.strip_prefix('x')?.trim_start();
    let lag = rest.strip_prefix(['-', '−'])?.trim_start();
    Some(match lag.parse::<u16>() {
        Ok(0) => Err(msg!("target-relative-zero-lag")),
        Ok(lag) if lag <= 100 => Ok(Target::Relative { comparator, lag }),
        _ => Err(msg!("target-relative-lag", lag = lag)),
    })
}

/// Whether a level's name, written alone or after a comparator, reads back as that level:
/// not one of the fixed phrases (`sì`, `no`, `baseline`...), not the start of a tolerance
/// (`scostamento`), not `entro`, and not `a` followed by nothing.
fn level_reads_alone(level: &str) -> bool {
    parse_words(level).is_none() && !level.starts_with("scostamento") && !matches!(level, "a" | "entro" | "il")
}

fn looks_like_date(text: &str) -> bool {
    let separators = text.chars().filter(|c| matches!(c, '/' | '-' | '.')).count();
    separators == 2
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
        && !text.starts_with('-')
}

/// A number with an optional unit after it: `90%`, `40gg`, `40 giorni`, `1,45`, `1.000 €`.
fn parse_quantity(text: &str) -> Option<Result<Quantity, Message>> {
    let number_end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '−' | '+' | ' ')))
        .map_or(text.len(), |(i, _)| i);
    let (number, unit) = text.split_at(number_end);
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let suffix = match unit.trim() {
        "" => Suffix::None,
        "%" => Suffix::Percent,
        "gg" | "gg." | "giorni" | "giorno" | "g" => Suffix::Days,
        "€" | "euro" => Suffix::Euro,
        _ => return None,
    };
    Some(parse_decimal(number).map(|value| Quantity { value, suffix }).map_err(|error| error.message()))
}

/// The canonical form.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix =
            |comparator: &Option<Comparator>| comparator.map(|c| format!("{} ", c.symbol())).unwrap_or_default();
        match self {
            Target::Compare { comparator, quantity } => write!(f, "{}{quantity}", prefix(comparator)),
            Target::Deadline(date) => write!(f, "{date}"),
            Target::Relative { comparator, lag } => write!(f, "x {} x-{lag}", comparator.symbol()),
            // `a` marks a level whose name alone would read as something else (`a sì` on a
            // scale `no`, `parziale`, `sì`), so that the printed form reads back the same.
            Target::Level { comparator, level } if !level_reads_alone(level) => {
                write!(f, "{}a {level}", prefix(comparator))
            }
            Target::Level { comparator, level } => write!(f, "{}{level}", prefix(comparator)),
            Target::Benchmark { comparator } => write!(f, "{}media cluster", prefix(comparator)),
            Target::BenchmarkTolerance { max_deviation } => {
                write!(f, "scostamento max {} da media cluster", format_italian(*max_deviation))
            }
            Target::Baseline => f.write_str("Anno di rilevazione"),
            Target::YesNo(true) => f.write_str("sì"),
            Target::YesNo(false) => f.write_str("no"),
        }
    }
}

impl serde::Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn canonical(text: &str) -> String {
        Target::parse(text).unwrap_or_else(|e| panic!("{text}: {e}")).to_string()
    }

    #[test]
    fn every_notation_of_the_seed_parses_to_its_canonical_form() {
        for (written, expected) in [
            ("100%", "100%"),
            ("0%", "0%"),
            ("< 20%", "< 20%"),
            ("< 10%", "< 10%"),
            ("≥ 90%", "≥ 90%"),
            ("≥ 90%", "≥ 90%"),
            (">= 80%", "≥ 80%"),
            ("> 92%", "> 92%"),
            ("≥1", "≥ 1"),
            ("≥ 1", "≥ 1"),
            (">1", "> 1"),
            (">1,2", "> 1,2"),
            ("> 3,0", "> 3"),
            ("≥ 3,5", "≥ 3,5"),
            (">= 3,5", "≥ 3,5"),
            ("1,45", "1,45"),
            ("25", "25"),
            ("<5", "< 5"),
            ("<1", "< 1"),
            ("< 1", "< 1"),
            ("<= 40gg", "≤ 40 gg"),
            ("<=40gg", "≤ 40 gg"),
            (">=6", "≥ 6"),
            (">3", "> 3"),
            ("2", "2"),
            ("98,00%", "98%"),
            ("90,00%", "90%"),
            ("31/12/2019", "31/12/2019"),
            ("01/04/2019", "01/04/2019"),
            ("30/07/2019", "30/07/2019"),
            ("x ≤ x-1", "x ≤ x-1"),
            ("x < x-2", "x < x-2"),
            ("x < x-3", "x < x-3"),
            ("x < x-4", "x < x-4"),
            ("≥ a medio", "≥ medio"),
            ("≥ media cluster", "≥ media cluster"),
            ("scostamento max 0,02 da media cluster", "scostamento max 0,02 da media cluster"),
            ("scostamento max 0,01 da media cluster", "scostamento max 0,01 da media cluster"),
            ("Anno di rilevazione", "Anno di rilevazione"),
            ("Anno rilevazione", "Anno di rilevazione"),
            ("Rispetto tempistica (Vedi allegato)", "sì"),
            ("Rispetto della tempistica (Vedi allegato)", "sì"),
        ] {
            assert_eq!(canonical(written), expected, "{written}");
        }
    }

    #[test]
    fn ascii_and_unicode_comparators_are_the_same_target() {
        for group in [
            &[">=1", "≥1", "≥ 1", "=> 1", " >=  1 ", "⩾1"][..],
            &["<=40gg", "≤ 40 gg", "=<40 giorni", "≤40gg."],
            &["x <= x-1", "x ≤ x-1", "X≤X-1", "x ≤ x - 1", "x ≤ x−1"],
            &["Anno di rilevazione", "ANNO DI RILEVAZIONE", "anno  rilevazione", "baseline"],
            &["sì", "si", "SI", "yes", "Rispetto tempistica"],
            &["1,45", "1.45", "1,450"],
        ] {
            let first = Target::parse(group[0]).unwrap();
            for text in group {
                assert_eq!(Target::parse(text).unwrap(), first, "{text} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn typed_values_are_what_the_notation_says() {
        assert_eq!(
            Target::parse("1,45").unwrap(),
            Target::Compare { comparator: None, quantity: Quantity { value: dec!(1.45), suffix: Suffix::None } }
        );
        assert_eq!(
            Target::parse("<= 40gg").unwrap(),
            Target::Compare {
                comparator: Some(Comparator::AtMost),
                quantity: Quantity { value: dec!(40), suffix: Suffix::Days }
            }
        );
        assert_eq!(Target::parse("x < x-4").unwrap(), Target::Relative { comparator: Comparator::LessThan, lag: 4 });
        assert_eq!(
            Target::parse("≥ a medio").unwrap(),
            Target::Level { comparator: Some(Comparator::AtLeast), level: "medio".into() }
        );
        assert_eq!(Target::parse("31/12/2019").unwrap(), Target::Deadline(Date::new(2019, 12, 31).unwrap()));
        assert_eq!(Target::parse("entro il 31/12/2019").unwrap(), Target::Deadline(Date::new(2019, 12, 31).unwrap()));
        assert_eq!(Target::parse("≤ 2019-12-31").unwrap(), Target::Deadline(Date::new(2019, 12, 31).unwrap()));
        assert_eq!(
            Target::parse("scostamento max 0,02 da media cluster").unwrap(),
            Target::BenchmarkTolerance { max_deviation: dec!(0.02) }
        );
        assert_eq!(Target::parse("no").unwrap(), Target::YesNo(false));
        assert_eq!(Target::parse("-5%").unwrap().to_string(), "-5%");
        assert!(Target::parse("1.000 €").is_err(), "one point before three digits may be thousands");
        assert_eq!(Target::parse("1.000,5 €").unwrap().to_string(), "1000,5 €");
    }

    #[test]
    fn bare_targets_take_their_comparator_from_the_polarity() {
        let target = Target::parse("1,45").unwrap();
        assert!(target.is_bare());
        assert_eq!(target.comparator(Polarity::Decrease), Some(Comparator::AtMost));
        assert_eq!(target.comparator(Polarity::Increase), Some(Comparator::AtLeast));
        assert_eq!(Target::parse("< 2").unwrap().comparator(Polarity::Increase), Some(Comparator::LessThan));
    }

    #[test]
    fn unknown_and_broken_notations_are_errors() {
        assert_eq!(Target::parse("   "), Err(TargetError::Empty));
        for text in ["Kpi non definito", "circa 5", "90 %%", ">", "x ≤ y-1", "≥ 90 kg", "1,234,5", "5 > 3"] {
            assert!(Target::parse(text).is_err(), "{text} should not parse");
        }
        assert!(matches!(Target::parse("31/02/2019"), Err(TargetError::Invalid { .. })));
        assert!(matches!(Target::parse("> 31/12/2019"), Err(TargetError::Invalid { .. })));
        assert!(matches!(Target::parse("x ≤ x-0"), Err(TargetError::Invalid { .. })));
        assert!(matches!(Target::parse("scostamento di 2"), Err(TargetError::Invalid { .. })));
    }

    #[test]
    fn a_single_word_is_a_level_to_be_checked_against_the_scale() {
        assert_eq!(Target::parse("alto").unwrap(), Target::Level { comparator: None, level: "alto".into() });
    }

    #[test]
    fn a_printed_target_keeps_its_meaning() {
        let level = |level: &str| Target::Level { comparator: None, level: level.into() };
        // `a` marks a level; a level named like a fixed phrase keeps it when printed.
        for (written, target, printed) in [
            ("a sì", level("sì"), "a sì"),
            ("a false", level("false"), "a false"),
            ("a scostamento", level("scostamento"), "a scostamento"),
            ("≥ a no", Target::Level { comparator: Some(Comparator::AtLeast), level: "no".into() }, "≥ a no"),
            ("entro true", Target::YesNo(true), "sì"),
            ("entro il no", Target::YesNo(false), "no"),
            ("entro baseline", Target::Baseline, "Anno di rilevazione"),
            ("a medio", level("medio"), "medio"),
        ] {
            assert_eq!(Target::parse(written), Ok(target.clone()), "{written}");
            assert_eq!(target.to_string(), printed, "{written}");
            assert_eq!(Target::parse(printed), Ok(target), "{written}");
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn comparator() -> impl Strategy<Value = Comparator> {
            prop_oneof![
                Just(Comparator::AtLeast),
                Just(Comparator::MoreThan),
                Just(Comparator::AtMost),
                Just(Comparator::LessThan),
                Just(Comparator::Equal),
            ]
        }

        fn decimal() -> impl Strategy<Value = Decimal> {
            (-10_000_000i64..10_000_000, 0u32..5).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
        }

        fn target() -> impl Strategy<Value = Target> {
            let suffix = prop_oneof![Just(Suffix::None), Just(Suffix::Percent), Just(Suffix::Days), Just(Suffix::Euro)];
            // Level names may be the fixed phrases too: a scale `no`, `parziale`, `sì`.
            let level = prop_oneof![
                "[a-zì]{1,9}",
                Just("sì".to_owned()),
                Just("no".to_owned()),
                Just("baseline".to_owned()),
                Just("scostamento".to_owned()),
                Just("entro".to_owned()),
                Just("a".to_owned()),
            ]
            .prop_filter("not x or n", |word| !matches!(word.as_str(), "x" | "n"));
            prop_oneof![
                (proptest::option::of(comparator()), decimal(), suffix).prop_map(|(comparator, value, suffix)| {
                    Target::Compare { comparator, quantity: Quantity { value, suffix } }
                }),
                (1i32..=9999, 1u8..=12, 1u8..=28)
                    .prop_map(|(y, m, d)| Target::Deadline(Date::new(y, m, d).expect("days up to 28 exist"))),
                (comparator(), 1u16..=100).prop_map(|(comparator, lag)| Target::Relative { comparator, lag }),
                (proptest::option::of(comparator()), level)
                    .prop_map(|(comparator, level)| Target::Level { comparator, level }),
                proptest::option::of(comparator()).prop_map(|comparator| Target::Benchmark { comparator }),
                decimal().prop_map(|d| Target::BenchmarkTolerance { max_deviation: d.abs() }),
                Just(Target::Baseline),
                any::<bool>().prop_map(Target::YesNo),
            ]
        }

        proptest! {
            #[test]
            fn the_canonical_form_parses_back_to_the_same_target(target in target()) {
                let canonical = target.to_string();
                prop_assert_eq!(Target::parse(&canonical), Ok(target.clone()), "canonical form {:?}", canonical);
                // Printing is stable: the canonical form of the canonical form is itself.
                prop_assert_eq!(Target::parse(&canonical).unwrap().to_string(), canonical);
            }

            #[test]
            fn any_text_parses_or_fails_without_panicking(text in "\\PC{0,40}") {
                if let Ok(target) = Target::parse(&text) {
                    prop_assert_eq!(Target::parse(&target.to_string()), Ok(target));
                }
            }

            #[test]
            fn whatever_parses_reads_back_equal_from_its_canonical_form(
                text in "(entro |entro il |a |≥ |= |x |scostamento )?(sì|no|true|false|baseline|media cluster|scostamento|a|entro|[ x<>=≥≤0-9,.%/a-z-]{0,12})"
            ) {
                if let Ok(target) = Target::parse(&text) {
                    prop_assert_eq!(Target::parse(&target.to_string()), Ok(target), "{}", text);
                }
            }
        }
    }
}
