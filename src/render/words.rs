//! The words and numbers of what people read, in a language: statuses, levels, units, acts,
//! numbers grouped by thousands, actual values with their unit.
//!
//! Every output for people (tables, Markdown, workbooks, templates, the report) writes its words
//! through here, from the catalogue (`status.ftl`, `units.ftl`), so that the same thing has the
//! same name everywhere: `raggiunto` in the table, the workbook and the report alike. Machine
//! formats do not come here: they write the types' own `as_str` keys.

use rust_decimal::Decimal;

use crate::actuals::Value;
use crate::date::Date;
use crate::i18n::{Lang, Message, format_decimal, text};
use crate::msg;
use crate::number::{format_computed, round_half_away};
use crate::plan::{Act, ActNumber, Band, Change, IndicatorLevel, IndicatorType, Level, Outcome, Unit};
use crate::score::Status;
use crate::target::Polarity;

/// How facts are written into a message: the stable English text of machine formats (JSON,
/// the CSV of `score`, GitHub annotations), which keeps the forms those formats always had; or
/// for people, in a language, with its numbers and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The stable English text of machine formats.
    Machine,
    /// For people, in a language.
    Human(Lang),
}

impl Form {
    /// The language the form renders messages in: English for machine text.
    pub fn lang(self) -> Lang {
        match self {
            Form::Machine => Lang::En,
            Form::Human(lang) => lang,
        }
    }
}

/// An indicator's status: `raggiunto`, `non rilevato`... (English: the status keys, `met`,
/// `not-measurable`...).
pub fn status(lang: Lang, status: Status) -> String {
    text(
        lang,
        match status {
            Status::Met => "status-met",
            Status::Partial => "status-partial",
            Status::Missed => "status-missed",
            Status::Baseline => "status-baseline",
            Status::Removed => "status-removed",
            Status::NoTarget => "status-no-target",
            Status::Missing => "status-missing",
            Status::NotMeasurable => "status-not-measurable",
            Status::Neutralised => "status-neutralised",
            Status::NotApplicable => "status-not-applicable",
        },
    )
}

/// `106 raggiunti`, `1 non misurabile`: a count of indicators with a status, agreeing with it.
pub fn status_count(lang: Lang, status: Status, count: usize) -> String {
    Message::new("status-count").arg("status", status.as_str()).count("count", count).render(lang)
}

/// A level of the tree: `obiettivo strategico`.
pub fn level(lang: Lang, level: Level) -> String {
    text(lang, level_id(level))
}

/// The catalogue id of a level's name, for messages that refer to one.
fn level_id(level: Level) -> &'static str {
    match level {
        Level::Mission => "level-mission",
        Level::StrategicObjective => "level-strategic-objective",
        Level::Program => "level-program",
        Level::OperationalObjective => "level-operational-objective",
        Level::Indicator => "level-indicator",
    }
}

/// Strategic dashboard or operational plan: `strategico`, `operativo`.
pub fn indicator_level(lang: Lang, level: IndicatorLevel) -> String {
    text(
        lang,
        match level {
            IndicatorLevel::Strategic => "indicator-level-strategic",
            IndicatorLevel::Operational => "indicator-level-operational",
        },
    )
}

/// A node's status in the plan: `attivo`, `eliminato`.
pub fn node_status(lang: Lang, status: crate::plan::Status) -> String {
    text(
        lang,
        match status {
            crate::plan::Status::Active => "node-status-active",
            crate::plan::Status::Removed => "node-status-removed",
        },
    )
}

/// What a revision did: `inserito`, `aggiornato`, `eliminato`.
pub fn change(lang: Lang, change: Change) -> String {
    text(
        lang,
        match change {
            Change::Inserted => "change-inserted",
            Change::Updated => "change-updated",
            Change::Removed => "change-removed",
        },
    )
}

/// What an override decided: `sterilizzato`, `rideterminato`.
pub fn outcome(lang: Lang, outcome: Outcome) -> String {
    text(
        lang,
        match outcome {
            Outcome::Neutralised => "outcome-neutralised",
            Outcome::Reassessed(_) => "outcome-reassessed",
        },
    )
}

/// `crescente`, `decrescente`.
pub fn polarity(lang: Lang, polarity: Polarity) -> String {
    text(
        lang,
        match polarity {
            Polarity::Increase => "polarity-increase",
            Polarity::Decrease => "polarity-decrease",
        },
    )
}

/// The direction of an actual known only by a bound: `almeno`, `oltre`, `al più`, `meno di`.
pub fn bound(lang: Lang, comparator: crate::target::Comparator) -> String {
    use crate::target::Comparator;
    text(
        lang,
        match comparator {
            Comparator::AtLeast => "bound-at-least",
            Comparator::MoreThan => "bound-more-than",
            Comparator::AtMost => "bound-at-most",
            Comparator::LessThan => "bound-less-than",
            Comparator::Equal => "bound-equal",
        },
    )
}

/// `sì`, `no`.
pub fn yes_no(lang: Lang, yes: bool) -> String {
    text(lang, if yes { "word-yes" } else { "word-no" })
}

/// The name of a unit: `percentuale`, `giorni`, `sì/no` (English: the plan's unit names).
pub fn unit(lang: Lang, unit: Unit) -> String {
    text(
        lang,
        match unit {
            Unit::Percent => "unit-percent",
            Unit::Days => "unit-days",
            Unit::Count => "unit-count",
            Unit::Ratio => "unit-ratio",
            Unit::Score => "unit-score",
            Unit::Number => "unit-number",
            Unit::Euro => "unit-euro",
            Unit::Date => "unit-date",
            Unit::Level => "unit-level",
            Unit::YesNo => "unit-yes-no",
        },
    )
}

/// A plan language's name: `italiano`.
pub fn language(lang: Lang, of: Lang) -> String {
    text(
        lang,
        match of {
            Lang::It => "lang-it",
            Lang::En => "lang-en",
        },
    )
}

/// An exact number, grouped by thousands: `1.234.567,89` (English `1,234,567.89`); trailing
/// zeros dropped (`1,50` → `1,5`).
pub fn number(lang: Lang, value: Decimal) -> String {
    format_decimal(lang, value.normalize())
}

/// Amounts by year as people read them: `2024: 1.200.000; 2025: 900.000`.
pub fn by_year(lang: Lang, values: &std::collections::BTreeMap<i32, Decimal>) -> String {
    values.iter().map(|(year, value)| format!("{year}: {}", number(lang, *value))).collect::<Vec<_>>().join("; ")
}

/// A node's weight: `2`, or `2024: 2; 2025: 3` when it changes by year.
pub fn weight(lang: Lang, node: &crate::plan::Node) -> String {
    if node.weights_by_year().is_empty() { number(lang, node.weight) } else { by_year(lang, node.weights_by_year()) }
}

/// The kind of an indicator, as the guidelines name it: `efficacia`, `valore pubblico`.
pub fn indicator_type(lang: Lang, kind: IndicatorType) -> String {
    text(
        lang,
        match kind {
            IndicatorType::Effectiveness => "indicator-type-effectiveness",
            IndicatorType::Efficiency => "indicator-type-efficiency",
            IndicatorType::Quality => "indicator-type-quality",
            IndicatorType::Impact => "indicator-type-impact",
            IndicatorType::PublicValue => "indicator-type-public-value",
            IndicatorType::ResourceHealth => "indicator-type-resource-health",
            IndicatorType::Output => "indicator-type-output",
            IndicatorType::Financial => "indicator-type-financial",
        },
    )
}

/// One band of an evaluation range: `da 70 parzialmente raggiunto`, `da 90 raggiunto (punteggio
/// 100)`.
pub fn band(lang: Lang, band: &Band) -> String {
    let message = msg!("band", from = number(lang, band.from), label = &band.label);
    match band.score {
        Some(score) => message.arg("score", number(lang, score)),
        None => message.arg("score", "none"),
    }
    .render(lang)
}

/// An evaluation range, lowest band first: `da 0 non raggiunto; da 70 parzialmente raggiunto`.
pub fn bands(lang: Lang, bands: &[Band]) -> String {
    bands.iter().map(|b| band(lang, b)).collect::<Vec<_>>().join("; ")
}

/// An attainment, or any percentage shown with two decimals rounded half away from zero:
/// `87,50`, `1.234,00`.
pub fn attainment(lang: Lang, value: Decimal) -> String {
    format_decimal(lang, format_computed(value, 2).parse().unwrap_or(value))
}

/// `87,50%`.
pub fn attainment_percent(lang: Lang, value: Decimal) -> String {
    msg!("value-percent", number = attainment(lang, value)).render(lang)
}

/// A quantity with its unit: `98,5%`, `3,2 gg`, `1.250 €`, or the bare number.
pub fn quantity(lang: Lang, value: Decimal, unit: Unit) -> String {
    let number = number(lang, value);
    match unit {
        Unit::Percent => msg!("value-percent", number = number).render(lang),
        Unit::Days => msg!("value-days", number = number).render(lang),
        Unit::Euro => msg!("value-euro", number = number).render(lang),
        _ => number,
    }
}

/// An actual as people read it: `98,5%`, `3,2 gg`, `31/12/2019`, `sì`, `medio`, `n.d.`. Numbers
/// are shown with at most 4 decimals, half away from zero (a value computed as numerator /
/// denominator has 28).
pub fn actual(lang: Lang, value: &Value, unit: Unit) -> String {
    match value {
        Value::Number(number) => quantity(lang, round_half_away(*number, 4), unit),
        // `> 220`: the bound's symbol, then the quantity.
        Value::Bound { comparator, value } => {
            format!("{} {}", comparator.symbol(), quantity(lang, round_half_away(*value, 4), unit))
        }
        other => value_text(lang, other),
    }
}

/// A value without its unit: `1,5`, `31/12/2019`, `sì`, `medio`, `n.d.`.
pub fn value_text(lang: Lang, value: &Value) -> String {
    match value {
        Value::Number(number) => self::number(lang, *number),
        Value::Date(date) => self::date(*date),
        Value::YesNo(done) => yes_no(lang, *done),
        Value::Level(level) => level.to_string(),
        Value::NotAvailable => "n.d.".to_owned(),
        Value::NotApplicable => "n.a.".to_owned(),
        Value::Bound { comparator, value } => format!("{} {}", comparator.symbol(), self::number(lang, *value)),
    }
}

/// A date as people read it, in either language: `31/12/2019`, the form of the acts and of the
/// plan itself (machine formats write ISO dates).
pub fn date(date: Date) -> String {
    date.to_string()
}

/// An act as documents cite it: `Giunta n. 97 del 26/07/2018`. In Italian a missing number or
/// date is said (`Giunta del 31/01/2019 (numero non indicato)`); in English it is `?`, as in
/// the act's own text form.
pub fn act(lang: Lang, act: &Act) -> String {
    act_message(lang, act).render(lang)
}

/// [`act`] as a message, to nest in another.
pub fn act_message(lang: Lang, act: &Act) -> Message {
    cited_act_message(lang, act, ActNumber::Required)
}

/// An act as the plan's acts are cited (`act-number`): one known by its date, in a plan whose
/// acts need no number, is cited by its date alone (`Decreto del 31/01/2024`).
pub fn cited_act(lang: Lang, act: &Act, numbers: ActNumber) -> String {
    cited_act_message(lang, act, numbers).render(lang)
}

/// [`cited_act`] as a message, to nest in another.
pub fn cited_act_message(lang: Lang, act: &Act, numbers: ActNumber) -> Message {
    let form = match (&act.number, act.date) {
        (Some(_), Some(_)) => "full",
        (None, Some(_)) if numbers == ActNumber::Optional => "dated",
        (None, Some(_)) => "no-number",
        (Some(_), None) => "no-date",
        (None, None) => "none",
    };
    let body = act.body.clone().unwrap_or_else(|| text(lang, "act-body-unknown"));
    msg!(
        "act",
        form = form,
        body = body,
        number = act.number.as_deref().unwrap_or("?"),
        date = act.date.map(date).unwrap_or_default()
    )
}

/// The message of a level's name, to nest in another.
pub fn level_message(level: Level) -> Message {
    Message::new(level_id(level))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn statuses_agree_with_their_count() {
        assert_eq!(status_count(Lang::It, Status::Met, 1), "1 raggiunto");
        assert_eq!(status_count(Lang::It, Status::Met, 106), "106 raggiunti");
        assert_eq!(status_count(Lang::It, Status::NotMeasurable, 2), "2 non misurabili");
        assert_eq!(status_count(Lang::It, Status::Baseline, 1200), "1.200 in anno base");
        assert_eq!(status_count(Lang::En, Status::NotMeasurable, 1), "1 not-measurable");
        assert_eq!(status(Lang::It, Status::Partial), "parzialmente raggiunto");
        assert_eq!(status(Lang::En, Status::NoTarget), "no-target");
    }

    #[test]
    fn numbers_and_values_are_written_the_way_of_the_language() {
        assert_eq!(attainment(Lang::It, dec!(1234.565)), "1.234,57");
        assert_eq!(attainment(Lang::En, dec!(98.5)), "98.50");
        assert_eq!(attainment_percent(Lang::It, dec!(99.135)), "99,14%");
        assert_eq!(number(Lang::It, dec!(1.50)), "1,5");
        assert_eq!(actual(Lang::It, &Value::Number(dec!(98.5)), Unit::Percent), "98,5%");
        assert_eq!(actual(Lang::En, &Value::Number(dec!(3.25)), Unit::Days), "3.25 days");
        assert_eq!(actual(Lang::It, &Value::Number(dec!(1250)), Unit::Euro), "1.250 €");
        assert_eq!(actual(Lang::En, &Value::Number(dec!(1250)), Unit::Euro), "€1,250");
        assert_eq!(actual(Lang::It, &Value::YesNo(true), Unit::YesNo), "sì");
        assert_eq!(actual(Lang::En, &Value::YesNo(true), Unit::YesNo), "yes");
    }

    #[test]
    fn acts_say_what_they_lack_in_italian() {
        let date = Date::new(2019, 1, 31);
        let act = |number: Option<&str>, date| Act {
            body: Some("Giunta".to_owned()),
            number: number.map(str::to_owned),
            date,
        };
        assert_eq!(self::act(Lang::It, &act(Some("97"), date)), "Giunta n. 97 del 31/01/2019");
        assert_eq!(self::act(Lang::It, &act(None, date)), "Giunta del 31/01/2019 (numero non indicato)");
        assert_eq!(self::act(Lang::It, &act(Some("5"), None)), "Giunta n. 5 (data non indicata)");
        for act in [act(Some("97"), date), act(None, date), act(Some("5"), None), Act::default()] {
            assert_eq!(self::act(Lang::En, &act), act.to_string());
        }
    }
}
