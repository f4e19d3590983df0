//! The target notation: what a plan writes in a target cell, parsed into a typed [`Target`]
//! and printed back in one canonical form.
//!
//! The notation is the one real annexes use (`100%`, `< 20%`, `≥ 90%`, `>= 80%`, `1,45`,
//! `<= 40gg`, `31/12/2019`, `x ≤ x-1`, `≥ a medio`, `≥ media cluster`,
//! `scostamento max 0,02 da media cluster`, `Anno di rilevazione`, `Rispetto tempistica`...).
//! Plans of other bodies add changes over a base (`+10% rispetto al 2023`, `≥ base + 10%`), an
//! increment with a running total (`+5 per un totale di almeno 40`), qualitative results
//! (`«Definizione dell'indicatore nazionale»`) and several conditions in one year, each possibly
//! on another measure of the indicator (`rilasci: ≥ 150; riusi: ≥ 800`).
//!
//! It is specified in `docs/plan-format.md`. Parsing is context-free: whether a level exists in
//! the indicator's scale, a measure is declared, or a bare number means "at least" or "at
//! most", is decided by validation and scoring, which know the indicator. The one exception is
//! how numbers are read: a count reads `2.600` as two thousand six hundred
//! ([`Target::parse_as_count`]), every other unit finds it ambiguous.
//!
//! The canonical form ([`fmt::Display`]) is what `list`, `diff` and reports show, so that
//! `>=1`, `≥1` and `≥ 1` are one target. `Target::parse(&t.to_string()) == Ok(t)` for every
//! target (tested by property tests).

use std::fmt;

use rust_decimal::Decimal;

use crate::date::Date;
use crate::i18n::Message;
use crate::msg;
use crate::number::{NumberError, format_italian, parse_count, parse_decimal};

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

/// What a change target's amount is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeltaUnit {
    /// `%`: a share of the base (`+10%` of 200 is 20).
    Relative,
    /// `p.p.`: percentage points, added to a percentage (`+10 p.p.` on 60% is 70%).
    Points,
    /// The indicator's own unit, with the suffix written (`+80`, `+5 gg`, `+1.000 €`).
    Absolute(Suffix),
}

/// Which value a change is measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BaseRef {
    /// `rispetto alla base`: the indicator's recorded `base`.
    Recorded,
    /// `rispetto al 2023`: the value of that year (the recorded `base` when it is of that year,
    /// else that year's actual).
    Year(i32),
    /// `rispetto all'anno precedente`: the value of the year before the one scored.
    PreviousYear,
}

/// A change over a base: `+10% rispetto al 2023`, `-15% rispetto alla base`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delta {
    /// The change, signed: positive for an increase, negative for a decrease (never −0).
    pub amount: Decimal,
    /// What the amount is measured in.
    pub unit: DeltaUnit,
    /// The value the change is measured from.
    pub base: BaseRef,
}

impl Delta {
    /// The value the target asks for, given the base's value: base + amount, base × (1 +
    /// amount / 100) for a relative change. `None` when it does not fit a decimal.
    pub fn reference(&self, base: Decimal) -> Option<Decimal> {
        match self.unit {
            DeltaUnit::Relative => base.checked_add(base.checked_mul(self.amount)?.checked_div(Decimal::ONE_HUNDRED)?),
            DeltaUnit::Points | DeltaUnit::Absolute(_) => base.checked_add(self.amount),
        }
    }

    /// The comparator the sign implies: at least for an increase, at most for a decrease,
    /// none for no change.
    pub fn implied_comparator(&self) -> Option<Comparator> {
        if self.amount > Decimal::ZERO {
            Some(Comparator::AtLeast)
        } else if self.amount < Decimal::ZERO {
            Some(Comparator::AtMost)
        } else {
            None
        }
    }
}

impl fmt::Display for Delta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.amount.is_sign_negative() { '-' } else { '+' };
        let number = format_italian(self.amount.abs());
        let unit = match self.unit {
            DeltaUnit::Relative => "%",
            DeltaUnit::Points => " p.p.",
            DeltaUnit::Absolute(Suffix::None | Suffix::Percent) => "",
            DeltaUnit::Absolute(Suffix::Days) => " gg",
            DeltaUnit::Absolute(Suffix::Euro) => " €",
        };
        let base = match self.base {
            BaseRef::Recorded => "alla base".to_owned(),
            BaseRef::Year(year) => format!("al {year:04}"),
            BaseRef::PreviousYear => "all'anno precedente".to_owned(),
        };
        write!(f, "{sign}{number}{unit} rispetto {base}")
    }
}

/// One condition of a target of several parts: on the indicator's own value, or on one of its
/// declared measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Part {
    /// The measure's id; `None`: the indicator's own value.
    pub measure: Option<String>,
    /// The condition: any target but another target of parts or a baseline year.
    pub target: Target,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.measure {
            Some(measure) => write!(f, "{measure}: {}", self.target),
            None => write!(f, "{}", self.target),
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
    /// A change over a base, scored on the change (`+10% rispetto al 2023`, `≥ base + 10%`).
    Change {
        /// The comparator, when written (`≥ base + 10%`); otherwise the sign decides.
        comparator: Option<Comparator>,
        /// The change and its base.
        delta: Delta,
    },
    /// An increment over the previous year together with a running total (`+5 per un totale di
    /// almeno 40`): two conditions on the same value.
    Increment {
        /// The change over the previous year's value, signed.
        step: Quantity,
        /// How the total is compared (`≥` for an increase unless written otherwise).
        comparator: Comparator,
        /// The running total.
        total: Quantity,
    },
    /// A qualitative result, judged by the evaluator (`sì`/`no` or a level of the indicator's
    /// scale) with its evidence: `«Definizione dell'indicatore nazionale»`.
    Qualitative(String),
    /// Several conditions in one year, all to be met: at least two, or one on a measure.
    Parts(Vec<Part>),
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
    /// A number that may be read two ways (`2.600`: thousands, or a decimal point?).
    AmbiguousNumber {
        /// The target as written.
        text: String,
        /// The number.
        number: String,
    },
}

impl TargetError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Self::Empty => msg!("target-empty"),
            Self::Unknown(text) => msg!("target-unknown", text = text),
            Self::Invalid { text, reason } => msg!("target-invalid", text = text).message("reason", reason.clone()),
            Self::AmbiguousNumber { text, number } => msg!("target-ambiguous-number", text = text, number = number),
        }
    }
}

crate::display_in_english!(TargetError);

/// The accepted forms, for help lines.
pub fn accepted_forms() -> Message {
    msg!("target-accepted-forms")
}

/// How numbers are read in a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// `2.600` is ambiguous.
    Any,
    /// A count: `2.600` is two thousand six hundred.
    Count,
}

impl Reading {
    fn number(self, text: &str) -> Result<Decimal, NumberError> {
        match self {
            Reading::Any => parse_decimal(text),
            Reading::Count => parse_count(text),
        }
    }
}

impl Target {
    /// Reads a target written in the notation (see the module docs).
    pub fn parse(text: &str) -> Result<Self, TargetError> {
        parse_with(text, Reading::Any)
    }

    /// Reads a target of a count: as [`Target::parse`], except that `2.600` is two thousand six
    /// hundred (a count is whole), where any other unit finds it ambiguous.
    pub fn parse_as_count(text: &str) -> Result<Self, TargetError> {
        parse_with(text, Reading::Count)
    }

    /// A target written as several texts (a TOML array): each one condition, all to be met.
    pub fn parse_parts(texts: &[&str], count: bool) -> Result<Self, TargetError> {
        let reading = if count { Reading::Count } else { Reading::Any };
        let mut parts = Vec::new();
        for text in texts {
            let normalized = normalize(text);
            if normalized.is_empty() {
                return Err(TargetError::Empty);
            }
            for piece in split_parts(&normalized) {
                parts.push(parse_part(piece, &normalized, reading)?);
            }
        }
        Ok(from_parts(parts))
    }

    /// The conditions of the target, each on the indicator's value (`None`) or on a measure:
    /// the parts of a target of parts; the change over the previous year and the total of an
    /// increment; the target itself otherwise.
    pub fn conditions(&self) -> Vec<(Option<&str>, Target)> {
        match self {
            Target::Parts(parts) => parts
                .iter()
                .flat_map(|part| {
                    part.target.conditions().into_iter().map(|(_, target)| (part.measure.as_deref(), target))
                })
                .collect(),
            Target::Increment { step, comparator, total } => {
                let unit = match step.suffix {
                    Suffix::Percent => DeltaUnit::Points,
                    suffix => DeltaUnit::Absolute(suffix),
                };
                let delta = Delta { amount: step.value, unit, base: BaseRef::PreviousYear };
                vec![
                    (None, Target::Change { comparator: None, delta }),
                    (None, Target::Compare { comparator: Some(*comparator), quantity: *total }),
                ]
            }
            other => vec![(None, other.clone())],
        }
    }

    /// Whether the target is scored as several conditions (parts, or an increment and its total).
    pub fn is_compound(&self) -> bool {
        matches!(self, Target::Parts(_) | Target::Increment { .. })
    }
}

/// Spaces collapsed, ends trimmed.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A list of parts as a target: one part on the indicator's own value is that target itself.
fn from_parts(mut parts: Vec<Part>) -> Target {
    if parts.len() == 1 && parts[0].measure.is_none() {
        return parts.remove(0).target;
    }
    Target::Parts(parts)
}

fn parse_with(text: &str, reading: Reading) -> Result<Target, TargetError> {
    let normalized = normalize(text);
    if normalized.is_empty() {
        return Err(TargetError::Empty);
    }
    let pieces = split_parts(&normalized);
    if pieces.len() == 1 && measure_prefix(pieces[0]).is_none() {
        return parse_single(&normalized, reading);
    }
    let parts = pieces.into_iter().map(|piece| parse_part(piece, &normalized, reading)).collect::<Result<_, _>>()?;
    Ok(from_parts(parts))
}

/// The parts of a text, split at `;` outside `«…»` (a qualitative result may hold a `;`).
fn split_parts(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (at, c) in text.char_indices() {
        match c {
            '«' => quoted = true,
            '»' => quoted = false,
            ';' if !quoted => {
                pieces.push(text[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    pieces.push(text[start..].trim());
    pieces
}

/// `rilasci: ≥ 150`: the measure's id (an id of the format) and the rest.
fn measure_prefix(text: &str) -> Option<(&str, &str)> {
    if text.starts_with('«') {
        return None;
    }
    let (id, rest) = text.split_once(':')?;
    let id = id.trim();
    let valid = id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    (valid && !rest.trim().is_empty()).then(|| (id, rest.trim()))
}

/// One part: an optional measure prefix and a single target (not a baseline).
fn parse_part(piece: &str, whole: &str, reading: Reading) -> Result<Part, TargetError> {
    let invalid = |reason: Message| TargetError::Invalid { text: whole.to_owned(), reason };
    if piece.is_empty() {
        return Err(invalid(msg!("target-empty-condition")));
    }
    let (measure, text) = match measure_prefix(piece) {
        Some((measure, rest)) => (Some(measure.to_owned()), rest),
        None => (None, piece),
    };
    let target = parse_single(text, reading)?;
    if target.is_baseline() {
        return Err(invalid(msg!("target-baseline-condition")));
    }
    Ok(Part { measure, target })
}

/// One target of any form but parts.
fn parse_single(normalized: &str, reading: Reading) -> Result<Target, TargetError> {
    {
        let normalized = normalized.to_owned();
        let lower = normalized.to_lowercase();
        let invalid = |reason: Message| TargetError::Invalid { text: normalized.clone(), reason };

        if normalized.starts_with('«') {
            return parse_qualitative(&normalized).ok_or_else(|| invalid(msg!("target-qualitative-quotes")));
        }
        if let Some(target) = parse_words(&lower) {
            return Ok(target);
        }
        if let Some(rest) = lower.strip_prefix("scostamento") {
            return parse_tolerance(rest, reading).ok_or_else(|| invalid(msg!("target-expected-tolerance")));
        }
        if let Some(target) = parse_relative(&lower) {
            return target.map_err(invalid);
        }
        if let Some(target) = parse_increment(&lower, reading) {
            return target.map_err(|reason| reason.into_error(&normalized));
        }
        if let Some(target) = parse_change(&lower, reading) {
            return target.map_err(|reason| reason.into_error(&normalized));
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
        if let Some(quantity) = parse_quantity(rest, reading) {
            return quantity
                .map(|quantity| Target::Compare { comparator, quantity })
                .map_err(|reason| reason.into_error(&normalized));
        }
        let level = rest.strip_prefix("a ").unwrap_or(rest);
        if !level.is_empty() && level.chars().all(char::is_alphabetic) && !matches!(level, "x" | "n") {
            return Ok(Target::Level { comparator, level: level.to_owned() });
        }
        Err(TargetError::Unknown(normalized))
    }
}

impl Target {
    /// The target's comparator, resolved for a bare target with the indicator's polarity.
    pub fn comparator(&self, polarity: Polarity) -> Option<Comparator> {
        match self {
            Target::Compare { comparator, .. }
            | Target::Level { comparator, .. }
            | Target::Benchmark { comparator } => Some(comparator.unwrap_or(Comparator::for_polarity(polarity))),
            Target::Relative { comparator, .. } | Target::Increment { comparator, .. } => Some(*comparator),
            Target::Change { comparator, delta } => {
                Some(comparator.or_else(|| delta.implied_comparator()).unwrap_or(Comparator::for_polarity(polarity)))
            }
            Target::Deadline(_)
            | Target::BenchmarkTolerance { .. }
            | Target::Baseline
            | Target::YesNo(_)
            | Target::Qualitative(_)
            | Target::Parts(_) => None,
        }
    }

    /// The comparator as written (for a change, the one its sign implies), if any.
    pub fn written_comparator(&self) -> Option<Comparator> {
        match self {
            Target::Compare { comparator, .. }
            | Target::Level { comparator, .. }
            | Target::Benchmark { comparator } => *comparator,
            Target::Relative { comparator, .. } | Target::Increment { comparator, .. } => Some(*comparator),
            Target::Change { comparator, delta } => comparator.or_else(|| delta.implied_comparator()),
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
            Target::Change { .. } => "change",
            Target::Increment { .. } => "increment",
            Target::Qualitative(_) => "qualitative",
            Target::Parts(_) => "parts",
        }
    }
}

/// Why a part of a target could not be read: a reason, or an ambiguous number.
enum PartError {
    Reason(Message),
    Ambiguous(String),
}

impl PartError {
    fn into_error(self, text: &str) -> TargetError {
        match self {
            PartError::Reason(reason) => TargetError::Invalid { text: text.to_owned(), reason },
            PartError::Ambiguous(number) => TargetError::AmbiguousNumber { text: text.to_owned(), number },
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

/// `«Definizione dell'indicatore nazionale»`: the text between the quotes, as written.
fn parse_qualitative(text: &str) -> Option<Target> {
    let inner = text.strip_prefix('«')?.strip_suffix('»')?.trim();
    (!inner.is_empty() && !inner.contains(['«', '»'])).then(|| Target::Qualitative(inner.to_owned()))
}

/// `scostamento max 0,02 da media cluster`, after the word `scostamento`.
fn parse_tolerance(rest: &str, reading: Reading) -> Option<Target> {
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("massimo").or_else(|| rest.strip_prefix("max"))?;
    let (number, tail) = rest.trim_start().split_once(' ')?;
    if tail.trim() != "da media cluster" {
        return None;
    }
    let max_deviation = reading.number(number).ok()?;
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

/// The words that say a change's direction: `incremento del 10%` is `+10%`.
const CHANGE_WORDS: &[(&str, bool)] = &[
    ("incremento del ", true),
    ("incremento di ", true),
    ("aumento del ", true),
    ("aumento di ", true),
    ("crescita del ", true),
    ("crescita di ", true),
    ("riduzione del ", false),
    ("riduzione di ", false),
    ("diminuzione del ", false),
    ("diminuzione di ", false),
];

/// A signed amount: `+10%`, `-15 p.p.`, `+80`, `incremento del 10%`: its signed value and unit.
fn parse_signed_amount(text: &str, reading: Reading) -> Result<(Decimal, DeltaUnit), PartError> {
    let text = text.trim();
    let (increase, rest) = match text.chars().next() {
        Some('+') => (true, &text[1..]),
        Some(sign @ ('-' | '−')) => (false, &text[sign.len_utf8()..]),
        _ => match CHANGE_WORDS.iter().find_map(|(word, up)| text.strip_prefix(word).map(|rest| (*up, rest))) {
            Some(found) => found,
            None => {
                return Err(PartError::Reason(msg!("target-change-unsigned")));
            }
        },
    };
    let rest = rest.trim();
    if rest.starts_with(['-', '−', '+']) {
        return Err(PartError::Reason(msg!("target-change-two-signs")));
    }
    let (number, unit) = if let Some(number) = rest.strip_suffix('%') {
        (number.trim(), DeltaUnit::Relative)
    } else if let Some(number) =
        ["p.p.", "pp", "punti percentuali", "punti"].iter().find_map(|suffix| rest.strip_suffix(suffix))
    {
        (number.trim(), DeltaUnit::Points)
    } else {
        return match parse_quantity(rest, reading) {
            Some(Ok(quantity)) => Ok((signed(quantity.value, increase), DeltaUnit::Absolute(quantity.suffix))),
            Some(Err(error)) => Err(error),
            None => Err(PartError::Reason(msg!("target-not-an-amount", text = rest))),
        };
    };
    let value = reading.number(number).map_err(|error| number_error(error, number))?;
    Ok((signed(value, increase), unit))
}

/// `value` with the sign of the change, never −0.
fn signed(value: Decimal, increase: bool) -> Decimal {
    if increase || value.is_zero() { value.abs() } else { -value.abs() }
}

fn number_error(error: NumberError, number: &str) -> PartError {
    match error {
        NumberError::Ambiguous(_) => PartError::Ambiguous(number.to_owned()),
        other => PartError::Reason(other.message()),
    }
}

/// A change over a base: `[≥ ]+10% rispetto al 2023`, `-15% rispetto alla base`, `≥ base + 10%`,
/// `+5 rispetto all'anno precedente`. `None` when the text is not of this shape.
fn parse_change(lower: &str, reading: Reading) -> Option<Result<Target, PartError>> {
    let (comparator, rest) = match Comparator::strip(lower) {
        Some((comparator, rest)) => (Some(comparator), rest),
        None => (None, lower),
    };
    if let Some(after_base) = rest.strip_prefix("base") {
        let after_base = after_base.trim();
        // `≥ base`: no change; `≥ base + 10%`, `base - 15%`.
        let delta = if after_base.is_empty() {
            Ok((Decimal::ZERO, DeltaUnit::Absolute(Suffix::None)))
        } else if after_base.starts_with(['+', '-', '−']) {
            parse_signed_amount(after_base, reading)
        } else {
            return None;
        };
        return Some(delta.map(|(amount, unit)| Target::Change {
            comparator,
            delta: Delta { amount, unit, base: BaseRef::Recorded },
        }));
    }
    let (amount, base) = rest.split_once(" rispetto ")?;
    let base = match base.trim() {
        "alla base" | "al valore di base" | "al valore base" | "alla baseline" => Ok(BaseRef::Recorded),
        "all'anno precedente" | "all’anno precedente" => Ok(BaseRef::PreviousYear),
        other => match other.strip_prefix("al ") {
            Some(year) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && year != "0000" => {
                Ok(BaseRef::Year(year.parse().expect("four digits")))
            }
            _ => Err(PartError::Reason(msg!("target-change-base"))),
        },
    };
    Some(base.and_then(|base| {
        let (amount, unit) = parse_signed_amount(amount, reading)?;
        Ok(Target::Change { comparator, delta: Delta { amount, unit, base } })
    }))
}

/// `+5 per un totale di almeno 40`, `+5 per un totale ≥ 40`, `+5, totale ≥ 40`. `None` when the
/// text is not of this shape.
fn parse_increment(lower: &str, reading: Reading) -> Option<Result<Target, PartError>> {
    let (step_text, total_text) =
        [" per un totale", ", totale", " (totale"].iter().find_map(|separator| lower.split_once(separator))?;
    let total_text = total_text.trim().trim_end_matches(')').trim();
    Some(increment(step_text.trim(), total_text, reading))
}

fn increment(step_text: &str, total_text: &str, reading: Reading) -> Result<Target, PartError> {
    let (increase, step_number) = match step_text.chars().next() {
        Some('+') => (true, &step_text[1..]),
        Some(sign @ ('-' | '−')) => (false, &step_text[sign.len_utf8()..]),
        _ => return Err(PartError::Reason(msg!("target-increment-unsigned"))),
    };
    let step_number = step_number.trim();
    if step_number.starts_with(['+', '-', '−']) {
        return Err(PartError::Reason(msg!("target-increment-two-signs")));
    }
    let mut step = parse_quantity(step_number, reading)
        .unwrap_or_else(|| Err(PartError::Reason(msg!("target-not-an-amount", text = step_number))))?;
    step.value = signed(step.value, increase);
    let total_text = total_text.strip_prefix("di ").unwrap_or(total_text);
    let words = |words: &[&'static str]| words.iter().find_map(|word| total_text.strip_prefix(word));
    let (comparator, total_number) = if let Some(rest) = words(&["almeno ", "non inferiore a ", "minimo "]) {
        (Comparator::AtLeast, rest)
    } else if let Some(rest) = words(&["al massimo ", "non superiore a ", "massimo "]) {
        (Comparator::AtMost, rest)
    } else if let Some((comparator, rest)) = Comparator::strip(total_text) {
        (comparator, rest)
    } else {
        (if increase { Comparator::AtLeast } else { Comparator::AtMost }, total_text)
    };
    let total = parse_quantity(total_number.trim(), reading)
        .unwrap_or_else(|| Err(PartError::Reason(msg!("target-not-a-total", text = total_number))))?;
    Ok(Target::Increment { step, comparator, total })
}

/// Whether a level's name, written alone or after a comparator, reads back as that level:
/// not one of the fixed phrases (`sì`, `no`, `baseline`...), not the start of a tolerance
/// (`scostamento`) or of a change (`base`), not `entro`, and not `a` followed by nothing.
fn level_reads_alone(level: &str) -> bool {
    parse_words(level).is_none()
        && !level.starts_with("scostamento")
        && level != "base"
        && !matches!(level, "a" | "entro" | "il")
}

/// Whether a text has the shape of a date: three groups of digits, one of them a year of four
/// digits (first, or last), the others of one or two. `40.000.000` is a number with thousands
/// separators, never a date.
fn looks_like_date(text: &str) -> bool {
    if !text.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.')) || text.starts_with('-') {
        return false;
    }
    let groups: Vec<&str> = text.split(['/', '-', '.']).collect();
    let short = |g: &str| (1..=2).contains(&g.len());
    match groups.as_slice() {
        [a, b, c] => (a.len() == 4 && short(b) && short(c)) || (short(a) && short(b) && c.len() == 4),
        _ => false,
    }
}

/// A number with an optional unit after it: `90%`, `40gg`, `40 giorni`, `1,45`, `1.000,5 €`.
fn parse_quantity(text: &str, reading: Reading) -> Option<Result<Quantity, PartError>> {
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
    Some(
        reading
            .number(number)
            .map(|value| Quantity { value, suffix })
            .map_err(|error| number_error(error, number.trim())),
    )
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
            Target::Change { comparator, delta } => write!(f, "{}{delta}", prefix(comparator)),
            Target::Increment { step, comparator, total } => {
                let sign = if step.value.is_sign_negative() { "" } else { "+" };
                write!(f, "{sign}{step} per un totale {} {total}", comparator.symbol())
            }
            Target::Qualitative(text) => write!(f, "«{text}»"),
            Target::Parts(parts) => {
                let parts: Vec<String> = parts.iter().map(ToString::to_string).collect();
                f.write_str(&parts.join("; "))
            }
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
    fn the_notations_of_other_plans_parse_to_their_canonical_form() {
        for (written, expected) in [
            ("+10% rispetto al 2023", "+10% rispetto al 2023"),
            ("incremento del 10% rispetto al 2023", "+10% rispetto al 2023"),
            ("-15% rispetto alla base", "-15% rispetto alla base"),
            ("riduzione del 15% rispetto al valore di base", "-15% rispetto alla base"),
            ("≥ base + 10%", "≥ +10% rispetto alla base"),
            (">= base+10%", "≥ +10% rispetto alla base"),
            ("≥ base", "≥ +0 rispetto alla base"),
            ("+10 p.p. rispetto al 2021", "+10 p.p. rispetto al 2021"),
            ("+10 punti percentuali rispetto al 2021", "+10 p.p. rispetto al 2021"),
            ("+5 rispetto all'anno precedente", "+5 rispetto all'anno precedente"),
            ("-3 gg rispetto al 2022", "-3 gg rispetto al 2022"),
            ("+5 per un totale di almeno 40", "+5 per un totale ≥ 40"),
            ("+5, totale ≥ 40", "+5 per un totale ≥ 40"),
            ("+5 (totale almeno 40)", "+5 per un totale ≥ 40"),
            ("+5 per un totale di 40", "+5 per un totale ≥ 40"),
            ("-2 per un totale di al massimo 10", "-2 per un totale ≤ 10"),
            ("«Definizione  dell'indicatore   nazionale»", "«Definizione dell'indicatore nazionale»"),
            ("≥ 80%;≤ 30 gg", "≥ 80%; ≤ 30 gg"),
            (
                "rilasci: +80 rispetto al 2020; riusi: +200 rispetto al 2020",
                "rilasci: +80 rispetto al 2020; riusi: +200 rispetto al 2020",
            ),
            ("rilasci:≥150", "rilasci: ≥ 150"),
            ("«Linee guida adottate; piano pubblicato»; ≥ 90%", "«Linee guida adottate; piano pubblicato»; ≥ 90%"),
            ("≥ 40.000.000", "≥ 40000000"),
            ("40.000.000 €", "40000000 €"),
            (">= 1.234.567,5", "≥ 1234567,5"),
        ] {
            assert_eq!(canonical(written), expected, "{written}");
        }
        // A change's typed value: the sign says the direction, the unit what the amount is.
        assert_eq!(
            Target::parse("+25% rispetto al 2023").unwrap(),
            Target::Change {
                comparator: None,
                delta: Delta { amount: dec!(25), unit: DeltaUnit::Relative, base: BaseRef::Year(2023) }
            }
        );
        // Several texts (a TOML array) are the same target as one text with `;`.
        assert_eq!(
            Target::parse_parts(&["rilasci: ≥ 150", "riusi: ≥ 800"], false),
            Target::parse("rilasci: ≥ 150; riusi: ≥ 800")
        );
        // One condition on the indicator's own value is that target itself.
        assert_eq!(Target::parse_parts(&["≥ 90%"], false), Target::parse("≥ 90%"));
        // An increment is two conditions on one value: the change over the previous year, the total.
        let increment = Target::parse("+5 per un totale di almeno 40").unwrap();
        let conditions = increment.conditions();
        let printed: Vec<String> = conditions.iter().map(|(_, t)| t.to_string()).collect();
        assert_eq!(printed, ["+5 rispetto all'anno precedente", "≥ 40"]);
    }

    #[test]
    fn thousands_are_never_dates_and_a_count_reads_them() {
        assert_eq!(
            Target::parse("2.600"),
            Err(TargetError::AmbiguousNumber { text: "2.600".into(), number: "2.600".into() })
        );
        assert_eq!(Target::parse_as_count("2.600").unwrap().to_string(), "2600");
        assert_eq!(Target::parse_as_count("≥ 2.600").unwrap().to_string(), "≥ 2600");
        assert_eq!(Target::parse_as_count("+2.600 rispetto al 2023").unwrap().to_string(), "+2600 rispetto al 2023");
        assert_eq!(Target::parse("31.12.2019").unwrap(), Target::Deadline(Date::new(2019, 12, 31).unwrap()));
    }

    #[test]
    fn broken_notations_of_other_plans_are_errors() {
        for text in [
            "10% rispetto al 2023",
            "+10% rispetto a domani",
            "+10% rispetto al 23",
            "+-10% rispetto al 2023",
            "«»",
            "«senza fine",
            "«a «b» c»",
            "≥ 1; Anno di rilevazione",
            ";",
            "≥ 1;",
            "5 per un totale di 40",
            "+5 per un totale di tanti",
        ] {
            assert!(Target::parse(text).is_err(), "{text} should not parse");
        }
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
            ("a base", level("base"), "a base"),
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

        fn quantity() -> impl Strategy<Value = Quantity> {
            let suffix = prop_oneof![Just(Suffix::None), Just(Suffix::Percent), Just(Suffix::Days), Just(Suffix::Euro)];
            (decimal(), suffix).prop_map(|(value, suffix)| Quantity { value: value.normalize(), suffix })
        }

        /// The forms of other plans: changes, increments, qualitative results.
        fn other_form() -> impl Strategy<Value = Target> {
            let unit = prop_oneof![
                Just(DeltaUnit::Relative),
                Just(DeltaUnit::Points),
                Just(DeltaUnit::Absolute(Suffix::None)),
                Just(DeltaUnit::Absolute(Suffix::Days)),
                Just(DeltaUnit::Absolute(Suffix::Euro)),
            ];
            let base = prop_oneof![
                Just(BaseRef::Recorded),
                Just(BaseRef::PreviousYear),
                (1i32..=9999).prop_map(BaseRef::Year)
            ];
            // Never −0: a change's sign is its direction.
            let amount = decimal().prop_map(|d| if d.is_zero() { Decimal::ZERO } else { d.normalize() });
            prop_oneof![
                (proptest::option::of(comparator()), amount, unit, base).prop_map(
                    |(comparator, amount, unit, base)| {
                        Target::Change { comparator, delta: Delta { amount, unit, base } }
                    }
                ),
                (quantity(), comparator(), quantity()).prop_map(|(mut step, comparator, total)| {
                    if step.value.is_zero() {
                        step.value = Decimal::ZERO;
                    }
                    Target::Increment { step, comparator, total }
                }),
                "[A-Za-zàèéìòù0-9'.,;:()%≥ -]{1,30}"
                    .prop_map(|text| normalize(&text))
                    .prop_filter("not empty", |text| !text.is_empty())
                    .prop_map(Target::Qualitative),
            ]
        }

        /// Any target, parts included: two to four conditions (or one on a measure), each any
        /// target but parts and baselines.
        fn any_target() -> impl Strategy<Value = Target> {
            let single = prop_oneof![target().prop_filter("no baseline part", |t| !t.is_baseline()), other_form()];
            let part = (proptest::option::of("[A-Za-z][A-Za-z0-9_.-]{0,8}"), single)
                .prop_map(|(measure, target)| Part { measure, target });
            prop_oneof![
                target(),
                other_form(),
                proptest::collection::vec(part, 1..4)
                    .prop_filter("one part is on a measure", |parts| parts.len() > 1 || parts[0].measure.is_some())
                    .prop_map(Target::Parts),
            ]
        }

        proptest! {
            #[test]
            fn the_canonical_form_parses_back_to_the_same_target(target in any_target()) {
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
                text in "(entro |entro il |a |≥ |= |x |scostamento |m: |base |«)?(sì|no|true|false|baseline|media cluster|scostamento|a|entro|base|[ x<>=≥≤0-9,.%/a-z;:«»+-]{0,12})( rispetto (al 2023|alla base|all'anno precedente)| per un totale (di almeno )?[0-9.,]{1,5})?"
            ) {
                if let Ok(target) = Target::parse(&text) {
                    prop_assert_eq!(Target::parse(&target.to_string()), Ok(target), "{}", text);
                }
            }
        }
    }
}
