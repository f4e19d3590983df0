//! The fields real plans carry beside the tree: measures and bases of indicators, evaluation
//! bands, the kind of indicator, who is responsible, links to other planning documents.

use rust_decimal::Decimal;

use crate::target::Polarity;

use super::{PolaritySource, Unit};

/// Another quantity an indicator measures, named by the parts of its targets
/// (`rilasci: ≥ 150; riusi: ≥ 800`): its actual is given as `ID:measure` in the actuals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    /// Its id within the indicator.
    pub id: String,
    /// What it counts, as the plan writes it.
    pub name: String,
    /// Its unit.
    pub unit: Unit,
    /// Whether higher or lower is better.
    pub polarity: Polarity,
    /// Whether the polarity was declared, inferred or assumed.
    pub polarity_source: PolaritySource,
    /// Its recorded base, for change targets.
    pub base: Option<Base>,
}

/// The recorded base of change targets: a year and the value measured in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base {
    /// The year of the base (it may precede the horizon).
    pub year: i32,
    /// The value.
    pub value: Decimal,
}

/// One band of an evaluation range ("0–70% non raggiunto, 70–90% parzialmente, ≥ 90%
/// raggiunto"): its lower bound, its label and, for step scoring, the score it yields.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Band {
    /// The lowest attainment of the band (the first band's is 0).
    pub from: Decimal,
    /// Its label, as the evaluation system writes it.
    pub label: String,
    /// The attainment every result of the band gets; `None`: the computed one.
    pub score: Option<Decimal>,
}

/// Which band of `bands` (lowest first) an attainment falls in: its index.
pub fn band_of(bands: &[Band], attainment: Decimal) -> Option<usize> {
    bands.iter().rposition(|band| attainment >= band.from)
}

/// The office and/or person responsible for a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsible {
    /// The office ("Ufficio II", "Area Anagrafe").
    pub office: Option<String>,
    /// The person ("dott.ssa Rossi", "il Dirigente dell'Area I").
    pub person: Option<String>,
}

impl std::fmt::Display for Responsible {
    /// `Ufficio II (dott.ssa Rossi)`, or whichever of the two is given.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.office, &self.person) {
            (Some(office), Some(person)) => write!(f, "{office} ({person})"),
            (Some(one), None) | (None, Some(one)) => f.write_str(one),
            (None, None) => Ok(()),
        }
    }
}

/// The kind of indicator, as the Italian guidelines classify them (DFP guidelines 1/2017 and
/// the PIAO's public value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorType {
    /// Efficacia: how far the output meets the need.
    Effectiveness,
    /// Efficienza: output over resources.
    Efficiency,
    /// Qualità: of the service delivered or perceived.
    Quality,
    /// Impatto: the effect on the community.
    Impact,
    /// Valore pubblico (PIAO).
    PublicValue,
    /// Stato di salute delle risorse: the body's own financial, organisational, digital health.
    ResourceHealth,
    /// Realizzazione fisica: what was produced.
    Output,
    /// Realizzazione finanziaria: what was spent.
    Financial,
}

impl IndicatorType {
    /// The accepted spellings: the canonical (English) names first, then the Italian words.
    pub const SPELLINGS: &'static [(&'static str, IndicatorType)] = &[
        ("effectiveness", IndicatorType::Effectiveness),
        ("efficiency", IndicatorType::Efficiency),
        ("quality", IndicatorType::Quality),
        ("impact", IndicatorType::Impact),
        ("public-value", IndicatorType::PublicValue),
        ("resource-health", IndicatorType::ResourceHealth),
        ("output", IndicatorType::Output),
        ("financial", IndicatorType::Financial),
        ("efficacia", IndicatorType::Effectiveness),
        ("efficienza", IndicatorType::Efficiency),
        ("qualità", IndicatorType::Quality),
        ("impatto", IndicatorType::Impact),
        ("valore pubblico", IndicatorType::PublicValue),
        ("stato di salute", IndicatorType::ResourceHealth),
        ("realizzazione fisica", IndicatorType::Output),
        ("realizzazione finanziaria", IndicatorType::Financial),
    ];

    /// Reads a type as written in a plan (case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Self::SPELLINGS.iter().find(|(spelling, _)| *spelling == text).map(|(_, kind)| *kind)
    }

    /// The canonical name, for machine formats.
    pub fn as_str(self) -> &'static str {
        Self::SPELLINGS.iter().find(|(_, kind)| *kind == self).map_or("output", |(spelling, _)| spelling)
    }

    /// The Italian name, for people.
    pub fn italian(self) -> &'static str {
        Self::SPELLINGS.iter().rev().find(|(_, kind)| *kind == self).map_or("", |(spelling, _)| spelling)
    }
}

/// The planning documents a node may be linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// A section of the PIAO.
    Piao,
    /// A measure of the anticorruption plan.
    Anticorruption,
    /// A PNRR milestone or target.
    Pnrr,
    /// A budget item (missione/programma/capitolo).
    Budget,
    /// Another plan of the body.
    Plan,
    /// Anything else.
    Other,
}

impl LinkKind {
    /// The accepted spellings.
    pub const NAMES: &'static [&'static str] = &["piao", "anticorruption", "pnrr", "budget", "plan", "other"];

    /// Reads a kind as written in a plan.
    pub fn parse(text: &str) -> Option<Self> {
        const KINDS: [LinkKind; 6] = [
            LinkKind::Piao,
            LinkKind::Anticorruption,
            LinkKind::Pnrr,
            LinkKind::Budget,
            LinkKind::Plan,
            LinkKind::Other,
        ];
        KINDS.into_iter().find(|kind| kind.as_str() == text)
    }

    /// The name used in plans.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A tagged reference to another planning document: `piao 2.2`, `pnrr M1C1-123`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What is referred to.
    pub kind: LinkKind,
    /// Its reference in that document (`2.2`, `M1C1-123`, `Misura 12`).
    pub reference: String,
    /// Its title, when given.
    pub title: Option<String>,
}

impl std::fmt::Display for Link {
    /// `pnrr M1C1-123 (Migrazione al cloud)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.kind.as_str(), self.reference)?;
        match &self.title {
            Some(title) => write!(f, " ({title})"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn an_attainment_falls_in_the_highest_band_it_reaches() {
        let band = |from: Decimal| Band { from, label: String::new(), score: None };
        let bands = [band(dec!(0)), band(dec!(70)), band(dec!(90))];
        assert_eq!(band_of(&bands, dec!(92.22)), Some(2));
        assert_eq!(band_of(&bands, dec!(90)), Some(2));
        assert_eq!(band_of(&bands, dec!(89.99)), Some(1));
        assert_eq!(band_of(&bands, dec!(0)), Some(0));
        assert_eq!(band_of(&[], dec!(50)), None);
    }

    #[test]
    fn types_read_in_english_and_in_italian() {
        assert_eq!(IndicatorType::parse("Efficacia"), Some(IndicatorType::Effectiveness));
        assert_eq!(IndicatorType::parse("valore pubblico"), Some(IndicatorType::PublicValue));
        assert_eq!(IndicatorType::parse("qualità").unwrap().as_str(), "quality");
        assert_eq!(IndicatorType::Quality.italian(), "qualità");
        assert_eq!(IndicatorType::parse("bellezza"), None);
    }
}
