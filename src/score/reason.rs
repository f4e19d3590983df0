//! Why an indicator is unscored, or what its actual was compared with: the facts, typed, and
//! their words in each language from the catalogue (`score.ftl`).
//!
//! One reason serves every output: the `reason` of `score --format json` and `csv` (English,
//! a stable text: [`Reason`]'s `Display`), the notes of the tables and workbooks and the
//! explanations of the report (in the deliverables' language: [`Reason::message`]).

use std::fmt;

use rust_decimal::Decimal;

use crate::actuals::Value;
use crate::i18n::{Lang, Message};
use crate::number::format_italian;
use crate::period::Period;
use crate::plan::{Act, Level};
use crate::render::words::{self, Form};
use crate::target::{Comparator, Target};

/// Why an indicator is unscored, or what it was compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Removed: the indicator itself (`ancestor` is `None`) or the ancestor of this level and
    /// id; from `year`, by `act`, when the plan records them.
    Removed {
        /// The removed ancestor, when the removal is not the indicator's own.
        ancestor: Option<(Level, String)>,
        /// The year the removal took effect.
        year: Option<i32>,
        /// The act that removed it.
        act: Option<Act>,
    },
    /// No target for the period.
    NoTarget {
        /// The period scored.
        period: Period,
    },
    /// A baseline year: measured, not scored.
    Baseline,
    /// No actual value was given.
    NoActual,
    /// The actual is `n.d.`.
    NotAvailable,
    /// The actual is `n.a.`: the indicator does not apply in the period.
    NotApplicable,
    /// The actual is not of the kind the target needs.
    WrongKind {
        /// What the target needs.
        needed: Needed,
        /// The target.
        target: Target,
        /// The actual found.
        found: Value,
    },
    /// A target relative to a past year, whose actual is missing.
    PreviousMissing {
        /// The past period.
        period: Period,
        /// The target.
        target: Target,
    },
    /// A target relative to a past year, whose actual is not a number.
    PreviousNotANumber {
        /// The past period.
        period: Period,
        /// That year's actual.
        found: Value,
    },
    /// A benchmark target without the benchmark.
    NoBenchmark {
        /// The period scored.
        period: Period,
    },
    /// The benchmark moved by the tolerance is beyond the numbers the tool holds.
    BenchmarkOutOfRange,
    /// A level target on an indicator without a scale.
    NoScale,
    /// A level that is not one of the scale's.
    NotALevel {
        /// The level given.
        level: String,
        /// The scale's id.
        scale: String,
    },
    /// Compared with the actual of a past year.
    ComparedWithActual {
        /// The past period.
        period: Period,
    },
    /// Compared with the benchmark.
    ComparedWithBenchmark,
    /// Compared with the benchmark moved by the tolerance.
    BenchmarkWithTolerance {
        /// The benchmark.
        benchmark: Decimal,
    },
    /// A deadline missed by this many days.
    Late {
        /// Days after the deadline.
        days: i64,
    },
    /// A deadline reported done, without its date.
    DoneWithoutDate,
    /// A deadline reported not done.
    NotDone,
    /// A condition of a target of several that is not scored, so neither is the indicator.
    Part {
        /// The measure the condition is on; `None`: the indicator's own value.
        measure: Option<String>,
        /// The condition.
        target: Target,
        /// Why the condition is not scored.
        reason: Box<Reason>,
    },
    /// Only a bound of the actual is known (`oltre 220`): scored at the bound, the least
    /// favourable value it allows; with what the bound was compared with.
    Bound {
        /// The bound, as read.
        bound: Value,
        /// What the bound was compared with, when the comparison says.
        then: Option<Box<Reason>>,
    },
    /// Only a bound on the favourable side of the target is known: it says only that the value
    /// is worse than the bound.
    BoundOnBetterSide {
        /// The bound's direction.
        comparator: Comparator,
        /// The bound.
        value: Decimal,
    },
    /// A change measured from the recorded base, but none is recorded.
    NoBase,
    /// A change measured from a year whose value is missing.
    BaseMissing {
        /// The year of the base.
        year: i32,
    },
    /// A change measured from a year whose value is not a number.
    BaseNotANumber {
        /// The year of the base.
        year: i32,
        /// That year's value.
        found: Value,
    },
    /// The base moved by the change is beyond the numbers the tool holds.
    ChangeOutOfRange,
    /// Compared with the base moved by the change.
    Base {
        /// The year of the base.
        year: i32,
        /// The base's value.
        value: Decimal,
    },
}

/// What a target needs of an actual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// A number.
    Number,
    /// A completion date.
    Date,
    /// A level of the indicator's scale.
    Level,
    /// `sì` or `no`.
    YesNo,
    /// A judgment: `sì`/`no` or a level.
    Judgment,
}

impl Needed {
    fn key(self) -> &'static str {
        match self {
            Needed::Number => "number",
            Needed::Date => "date",
            Needed::Level => "level",
            Needed::YesNo => "yes-no",
            Needed::Judgment => "judgment",
        }
    }
}

impl Reason {
    /// The reason in `lang`, its numbers written the way of `lang`.
    pub fn message(&self, lang: Lang) -> Message {
        self.build(Form::Human(lang))
    }

    /// The message in `form`. Machine text keeps the forms `score` always wrote: numbers and
    /// values with a decimal comma (`45,3`, `sì`), days as plain text (`1 days late`).
    fn build(&self, form: Form) -> Message {
        let decimal = |value: Decimal| match form {
            Form::Machine => format_italian(value),
            Form::Human(lang) => words::number(lang, value),
        };
        let value = |value: &Value| match form {
            Form::Machine => value.to_string(),
            Form::Human(lang) => words::value_text(lang, value),
        };
        match self {
            Reason::Removed { ancestor, year, act } => {
                let (whose, level, id) = match ancestor {
                    None => ("own", String::new(), String::new()),
                    Some((level, id)) => {
                        let whose = if *level == Level::Mission { "mission" } else { level.key() };
                        (whose, words::level(form.lang(), *level), id.clone())
                    }
                };
                let act = match (act, form) {
                    (None, _) => "none".to_owned(),
                    (Some(act), Form::Machine) => act.to_string(),
                    (Some(act), Form::Human(lang)) => words::act(lang, act),
                };
                Message::new("reason-removed")
                    .arg("whose", whose)
                    .arg("level", level)
                    .arg("id", id)
                    .arg("year", year.map_or_else(|| "none".to_owned(), |y| y.to_string()))
                    .arg("act", act)
            }
            Reason::NoTarget { period } => Message::new("reason-no-target").arg("year", period),
            Reason::Baseline => Message::new("reason-baseline"),
            Reason::NoActual => Message::new("reason-no-actual"),
            Reason::NotAvailable => Message::new("reason-not-available"),
            Reason::NotApplicable => Message::new("reason-not-applicable"),
            Reason::WrongKind { needed, target, found } => Message::new("reason-wrong-kind")
                .arg("needed", needed.key())
                .arg("target", target)
                .arg("found", value(found)),
            Reason::PreviousMissing { period, target } => {
                Message::new("reason-previous-missing").arg("year", period).arg("target", target)
            }
            Reason::PreviousNotANumber { period, found } => {
                Message::new("reason-previous-not-a-number").arg("year", period).arg("found", value(found))
            }
            Reason::NoBenchmark { period } => Message::new("reason-no-benchmark").arg("year", period),
            Reason::BenchmarkOutOfRange => Message::new("reason-benchmark-out-of-range"),
            Reason::NoScale => Message::new("reason-no-scale"),
            Reason::NotALevel { level, scale } => {
                Message::new("reason-not-a-level").arg("level", level).arg("scale", scale)
            }
            Reason::ComparedWithActual { period } => Message::new("reason-compared-with-actual").arg("year", period),
            Reason::ComparedWithBenchmark => Message::new("reason-compared-with-benchmark"),
            Reason::BenchmarkWithTolerance { benchmark } => {
                Message::new("reason-benchmark-tolerance").arg("benchmark", decimal(*benchmark))
            }
            Reason::Late { days } => match form {
                Form::Machine => Message::new("reason-late").arg("days", days),
                Form::Human(_) => Message::new("reason-late").count("days", usize::try_from(*days).unwrap_or(0)),
            },
            Reason::DoneWithoutDate => Message::new("reason-done-without-date"),
            Reason::NotDone => Message::new("reason-not-done"),
            Reason::Part { measure, target, reason } => Message::new("reason-part")
                .arg("measure", measure.as_deref().unwrap_or("none"))
                .arg("target", target)
                .message("reason", reason.build(form)),
            Reason::Bound { bound, then } => {
                let message = Message::new("reason-bound").arg("bound", value(bound));
                match then {
                    Some(then) => message.message("then", then.build(form)),
                    None => message.arg("then", "none"),
                }
            }
            Reason::BoundOnBetterSide { comparator, value } => Message::new("reason-bound-on-better-side")
                .arg("comparator", comparator.symbol())
                .arg("value", decimal(*value)),
            Reason::NoBase => Message::new("reason-no-base"),
            Reason::BaseMissing { year } => Message::new("reason-base-missing").arg("year", year),
            Reason::BaseNotANumber { year, found } => {
                Message::new("reason-base-not-a-number").arg("year", year).arg("found", value(found))
            }
            Reason::ChangeOutOfRange => Message::new("reason-change-out-of-range"),
            Reason::Base { year, value } => Message::new("reason-base").arg("year", year).arg("value", decimal(*value)),
        }
    }
}

impl fmt::Display for Reason {
    /// The stable English text of machine formats (`no actual value`, `10 days late`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.build(Form::Machine).render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn machine_text_keeps_its_numbers_and_plurals_and_people_read_theirs() {
        let late = Reason::Late { days: 1 };
        assert_eq!(late.to_string(), "1 days late");
        assert_eq!(late.message(Lang::En).render(Lang::En), "1 day late");
        assert_eq!(Reason::Late { days: 12345 }.to_string(), "12345 days late");
        assert_eq!(Reason::Late { days: 12345 }.message(Lang::It).render(Lang::It), "12.345 giorni di ritardo");
        let tolerance = Reason::BenchmarkWithTolerance { benchmark: dec!(1045.3) };
        assert_eq!(tolerance.to_string(), "benchmark 1045,3 with the tolerance");
        assert_eq!(tolerance.message(Lang::En).render(Lang::En), "benchmark 1,045.3 with the tolerance");
    }

    #[test]
    fn removals_name_the_removed_ancestor_and_agree_with_it() {
        let act = Act { body: Some("Giunta".to_owned()), number: None, date: crate::date::Date::new(2019, 1, 31) };
        let own = Reason::Removed { ancestor: None, year: Some(2019), act: Some(act.clone()) };
        assert_eq!(own.to_string(), "removed in 2019 by Giunta n. ? del 31/01/2019");
        assert_eq!(
            own.message(Lang::It).render(Lang::It),
            "eliminato nel 2019 con Giunta del 31/01/2019 (numero non indicato)"
        );
        let mission = Reason::Removed { ancestor: Some((Level::Mission, "011".to_owned())), year: None, act: None };
        assert_eq!(mission.to_string(), "mission `011` removed");
        assert_eq!(mission.message(Lang::It).render(Lang::It), "missione 011 eliminata");
        let program =
            Reason::Removed { ancestor: Some((Level::Program, "P1".to_owned())), year: Some(2018), act: None };
        assert_eq!(program.to_string(), "program `P1` removed in 2018");
        assert_eq!(program.message(Lang::It).render(Lang::It), "programma P1 eliminato nel 2018");
    }
}
