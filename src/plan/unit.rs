//! Units of measure of indicators, and which target forms fit each.

use crate::target::{DeltaUnit, Suffix, Target};

/// The unit of an indicator's measured value ("unità di misura").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A percentage, in percent points.
    Percent,
    /// A number of days.
    Days,
    /// A count.
    Count,
    /// A ratio, e.g. year x / year x-1.
    Ratio,
    /// A score on a numeric scale.
    Score,
    /// Any other number.
    Number,
    /// An amount in euro.
    Euro,
    /// A completion date.
    Date,
    /// A level of an ordinal scale.
    Level,
    /// Done / not done.
    YesNo,
}

impl Unit {
    /// The accepted spellings in plans: the canonical name first, then aliases.
    pub const SPELLINGS: &'static [(&'static str, Unit)] = &[
        ("percent", Unit::Percent),
        ("days", Unit::Days),
        ("count", Unit::Count),
        ("ratio", Unit::Ratio),
        ("score", Unit::Score),
        ("number", Unit::Number),
        ("euro", Unit::Euro),
        ("date", Unit::Date),
        ("level", Unit::Level),
        ("yes-no", Unit::YesNo),
        ("%", Unit::Percent),
        ("gg", Unit::Days),
        ("giorni", Unit::Days),
        ("n", Unit::Count),
        ("€", Unit::Euro),
    ];

    /// Reads a unit as written in a plan.
    pub fn parse(text: &str) -> Option<Self> {
        Self::SPELLINGS.iter().find(|(spelling, _)| *spelling == text).map(|(_, unit)| *unit)
    }

    /// The canonical name.
    pub fn as_str(self) -> &'static str {
        Self::SPELLINGS.iter().find(|(_, unit)| *unit == self).map_or("number", |(spelling, _)| spelling)
    }

    /// Whether the value is a number (so attainment is a ratio of numbers).
    pub fn is_numeric(self) -> bool {
        !matches!(self, Unit::Date | Unit::Level | Unit::YesNo)
    }

    /// The unit a target implies, when it implies one (`90%` → percent, `31/12/2019` → date).
    /// A target of parts implies none: each part is checked against the unit of its measure.
    pub fn implied_by(target: &Target) -> Option<Unit> {
        let of_suffix = |suffix: Suffix| match suffix {
            Suffix::Percent => Unit::Percent,
            Suffix::Days => Unit::Days,
            Suffix::Euro => Unit::Euro,
            Suffix::None => Unit::Number,
        };
        match target {
            Target::Compare { quantity, .. } => Some(of_suffix(quantity.suffix)),
            Target::Deadline(_) => Some(Unit::Date),
            Target::Level { .. } => Some(Unit::Level),
            Target::YesNo(_) => Some(Unit::YesNo),
            Target::Increment { total, .. } => Some(of_suffix(total.suffix)),
            // Percentage points change a percentage; a share (`+10%`) changes any number.
            Target::Change { delta, .. } => match delta.unit {
                DeltaUnit::Points => Some(Unit::Percent),
                DeltaUnit::Relative => None,
                DeltaUnit::Absolute(suffix) => Some(of_suffix(suffix)),
            },
            Target::Relative { .. }
            | Target::Benchmark { .. }
            | Target::BenchmarkTolerance { .. }
            | Target::Baseline
            | Target::Qualitative(_)
            | Target::Parts(_) => None,
        }
    }

    /// Whether a target fits an indicator of this unit: a `%` target on a percentage, a plain
    /// number on days, counts, ratios, scores, numbers and euro, a date on a date, a qualitative
    /// result on a yes/no or a level...
    pub fn fits(self, target: &Target) -> bool {
        if let Target::Qualitative(_) = target {
            return matches!(self, Unit::YesNo | Unit::Level);
        }
        let numeric_only = matches!(target, Target::Change { .. } | Target::Increment { .. });
        match Unit::implied_by(target) {
            None => !numeric_only || self.is_numeric(),
            Some(implied) if implied == self => true,
            Some(Unit::Number) => matches!(self, Unit::Days | Unit::Count | Unit::Ratio | Unit::Score | Unit::Euro),
            Some(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_fit_every_numeric_unit_but_percent() {
        let plain = Target::parse("1,45").unwrap();
        let percent = Target::parse("≥ 90%").unwrap();
        assert!(Unit::Days.fits(&plain));
        assert!(Unit::Ratio.fits(&plain));
        assert!(!Unit::Percent.fits(&plain));
        assert!(Unit::Percent.fits(&percent));
        assert!(!Unit::Days.fits(&percent));
        assert!(Unit::Percent.fits(&Target::parse("x ≤ x-1").unwrap()));
        assert!(Unit::Date.fits(&Target::parse("31/12/2019").unwrap()));
        assert!(!Unit::Percent.fits(&Target::parse("31/12/2019").unwrap()));
    }

    #[test]
    fn every_spelling_reads_back() {
        for (spelling, unit) in Unit::SPELLINGS {
            assert_eq!(Unit::parse(spelling), Some(*unit));
        }
        assert_eq!(Unit::parse("%").unwrap().as_str(), "percent");
    }
}
