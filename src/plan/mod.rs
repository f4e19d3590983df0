//! The validated plan: what the rest of the tool works on.
//!
//! A [`Plan`] is only built by [`crate::validate`], which guarantees its invariants: ids are
//! unique, every reference (parent, area, service, perspective, scale) resolves, every target
//! parsed and lies inside the horizon, weights are not negative, a node is removed exactly when
//! a revision removes it. Code that receives a `Plan` never re-checks them.
//!
//! The tree is stored as a flat list of [`Node`]s in file order, each knowing its parent and
//! children by [`NodeIndex`]; [`Plan::walk`] visits it in tree order. The five levels are the
//! canonical shape, but a level may be absent: a node's parent is of any level above its own,
//! and the roots ([`Plan::roots`]) are the nodes of the plan's highest level.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::date::Date;
use crate::diagnostic::Code;
use crate::i18n::Lang;
use crate::period::Period;
use crate::source::Span;
use crate::target::{Polarity, Target};

mod fields;
mod ids;
mod targets;
mod unit;

pub use fields::{Band, Base, IndicatorType, Link, LinkKind, Measure, Responsible, band_of};
pub use ids::Ids;
pub use targets::{YearTarget, YearTargets};
pub use unit::Unit;

/// A validated performance plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Body, title, year, horizon, adopting act.
    pub metadata: Metadata,
    /// The scoring rules, with defaults filled in.
    pub scoring: ScoringRules,
    /// Organisational areas, in file order.
    pub areas: Vec<Area>,
    /// Services, in file order.
    pub services: Vec<Service>,
    /// Balanced-scorecard perspectives, in file order.
    pub perspectives: Vec<Perspective>,
    /// Ordinal scales, in file order.
    pub scales: Vec<Scale>,
    /// Every node of the tree, in file order.
    pub nodes: Vec<Node>,
    /// The roots of the tree, in file order: the missions, or the nodes of the highest level the
    /// plan has when it has no missions.
    pub roots: Vec<NodeIndex>,
    /// The body's own names of the levels (`[levels]`).
    pub level_names: LevelNames,
    /// Every node's id, for lookups.
    pub ids: Ids,
    /// The overrides of outcomes, in file order (at most one per node and year).
    pub overrides: Vec<Override>,
}

/// The plan's metadata (`[plan]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    /// The public body.
    pub body: String,
    /// The document's title.
    pub title: String,
    /// The plan year.
    pub year: i32,
    /// The first year targets may be given for.
    pub first_year: i32,
    /// The last year targets may be given for.
    pub last_year: i32,
    /// The act that adopted this version.
    pub adopted_by: Option<Act>,
    /// The language of the plan's deliverables, as written (`None`: not stated, Italian).
    pub lang: Option<Lang>,
    /// Free notes.
    pub notes: Option<String>,
    /// Findings accepted anywhere in the plan (`accept` in `[plan]`).
    pub accepted: Vec<Acceptance>,
    /// Whether the plan's acts must carry a number (`act-number`).
    pub act_number: ActNumber,
}

/// Whether acts must carry a number (`[plan] act-number`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActNumber {
    /// An act without a number is an `incomplete-act` (the default).
    #[default]
    Required,
    /// The body's acts carry no number (a national plan updated by decree of a date): only a
    /// missing date is incomplete.
    Optional,
}

impl ActNumber {
    /// `"required"` or `"optional"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Optional => "optional",
        }
    }
}

impl Metadata {
    /// The years of the horizon, first to last.
    pub fn horizon(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.last_year
    }

    /// The language the plan's deliverables speak: its `lang`, Italian when not stated.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }
}

/// What to do with an expected actual value that is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingData {
    /// Left out of roll-ups, and counted in the coverage.
    Exclude,
    /// Scored 0, its weight kept.
    Zero,
    /// An error.
    Error,
}

impl MissingData {
    /// The name used in plans.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exclude => "exclude",
            Self::Zero => "zero",
            Self::Error => "error",
        }
    }
}

/// What the body's score is the weighted mean of (`[scoring] body`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyRule {
    /// The strategic objectives, each by its own (dashboard) indicators: the default.
    #[default]
    StrategicObjectives,
    /// The operational objectives, each by its indicators, with their weights across the plan.
    OperationalObjectives,
    /// Every indicator, with its weight across the plan.
    Indicators,
}

impl BodyRule {
    /// The spellings of `body`, in the order of the variants.
    pub const NAMES: &'static [&'static str] = &["strategic-objectives", "operational-objectives", "indicators"];

    /// The name used in plans.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Reads a name used in plans.
    pub fn parse(text: &str) -> Option<Self> {
        [Self::StrategicObjectives, Self::OperationalObjectives, Self::Indicators]
            .into_iter()
            .find(|r| r.as_str() == text)
    }
}

/// How the parts of a target of several conditions make the indicator's attainment
/// (`[scoring] parts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartsRule {
    /// The mean of the parts' attainments (the default).
    #[default]
    Mean,
    /// The lowest of the parts' attainments.
    Minimum,
}

impl PartsRule {
    /// The spellings of `parts`.
    pub const NAMES: &'static [&'static str] = &["mean", "minimum"];

    /// The name used in plans.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// How an indicator weighs in an area's or service's roll-up (`[scoring] group-weights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupWeights {
    /// Its weight as written, read on one scale across the plan (the default).
    #[default]
    AsWritten,
    /// Its share of its objective: its weight over the weights of the objective's scored
    /// indicators, so that each objective's indicators together weigh 1.
    Share,
}

impl GroupWeights {
    /// The spellings of `group-weights`.
    pub const NAMES: &'static [&'static str] = &["as-written", "share"];

    /// The name used in plans.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// The scoring rules (`[scoring]`), every one with its default applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ScoringRules {
    /// Highest attainment of an indicator (100: no over-achievement).
    pub cap: Decimal,
    /// Attainment below this scores 0.
    pub floor: Decimal,
    /// Attainment at or above this, with the target not met, is `partial`.
    pub partial_threshold: Decimal,
    /// What a missing actual does.
    pub missing_data: MissingData,
    /// Days over which a late deadline's score falls from 100 to 0 (0: late scores 0).
    pub deadline_grace_days: u32,
    /// What the body's score is the mean of.
    pub body: BodyRule,
    /// Whether the plan says `body` itself; if not, a plan without dashboard indicators is
    /// scored through its operational objectives.
    pub body_declared: bool,
    /// How the parts of a target of several conditions make the attainment.
    pub parts: PartsRule,
    /// How an indicator weighs in an area's or service's roll-up.
    pub group_weights: GroupWeights,
    /// The evaluation range, lowest band first; empty: the partial threshold's two bands.
    pub bands: Vec<Band>,
}

impl Default for ScoringRules {
    fn default() -> Self {
        Self {
            cap: Decimal::ONE_HUNDRED,
            floor: Decimal::ZERO,
            partial_threshold: Decimal::from(70),
            missing_data: MissingData::Exclude,
            deadline_grace_days: 0,
            body: BodyRule::default(),
            body_declared: false,
            parts: PartsRule::default(),
            group_weights: GroupWeights::default(),
            bands: Vec::new(),
        }
    }
}

/// An organisational area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// Its code, e.g. `II`.
    pub id: String,
    /// Its name (the id when the plan gives none).
    pub name: String,
}

/// A service, belonging to an area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Its code.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Index into [`Plan::areas`].
    pub area: usize,
}

/// A balanced-scorecard perspective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perspective {
    /// Its code.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// An ordinal scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// Its code.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its levels, lowest first, lower case.
    pub levels: Vec<String>,
}

impl Scale {
    /// The rank of `level` (0 for the lowest), if it is a level of this scale.
    pub fn rank(&self, level: &str) -> Option<usize> {
        let level = level.to_lowercase();
        self.levels.iter().position(|l| *l == level)
    }
}

/// The index of a node in [`Plan::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeIndex(pub usize);

/// The level of a node in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A budget mission ("missione").
    Mission,
    /// A strategic objective ("obiettivo strategico").
    StrategicObjective,
    /// A program of intervention ("programma di intervento").
    Program,
    /// An operational objective ("obiettivo operativo").
    OperationalObjective,
    /// An indicator ("indicatore").
    Indicator,
}

impl Level {
    /// The name of the level's array in the plan file, e.g. `strategic-objective`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Mission => "mission",
            Self::StrategicObjective => "strategic-objective",
            Self::Program => "program",
            Self::OperationalObjective => "operational-objective",
            Self::Indicator => "indicator",
        }
    }

    /// The name for people, e.g. `strategic objective`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Mission => "mission",
            Self::StrategicObjective => "strategic objective",
            Self::Program => "program",
            Self::OperationalObjective => "operational objective",
            Self::Indicator => "indicator",
        }
    }

    /// Every level, from the top.
    pub const ALL: [Level; 5] =
        [Level::Mission, Level::StrategicObjective, Level::Program, Level::OperationalObjective, Level::Indicator];

    /// The levels a node of this level may hang from: any level above its own (a level the body
    /// does not have is skipped), and for an indicator a strategic or an operational objective.
    pub fn parent_levels(self) -> &'static [Level] {
        match self {
            Self::Mission => &[],
            Self::StrategicObjective => &[Level::Mission],
            Self::Program => &[Level::StrategicObjective, Level::Mission],
            Self::OperationalObjective => &[Level::Program, Level::StrategicObjective, Level::Mission],
            Self::Indicator => &[Level::StrategicObjective, Level::OperationalObjective],
        }
    }

    /// The key that names a parent of this level: `mission`, `strategic-objective`, `program`,
    /// and for indicators `objective` (whatever the objective's level).
    pub fn parent_key(self, parent: Level) -> &'static str {
        if self == Level::Indicator { "objective" } else { parent.key() }
    }
}

/// The body's own names of the levels (`[levels]`): used by every output for people (tree,
/// tables, Markdown, workbooks, report); the format's names stay in diagnostics and machine
/// formats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LevelNames {
    names: [Option<LevelName>; 5],
}

/// One level's name, singular and plural.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelName {
    /// `obiettivo specifico`.
    pub name: String,
    /// `obiettivi specifici` (the name when the plan gives none).
    pub plural: String,
}

impl LevelNames {
    /// Sets the name of `level`.
    pub fn set(&mut self, level: Level, name: LevelName) {
        self.names[level as usize] = Some(name);
    }

    /// The plan's name of `level`, when it gives one.
    pub fn get(&self, level: Level) -> Option<&LevelName> {
        self.names[level as usize].as_ref()
    }

    /// The plan's name of `level`, or `default` (the tool's own word) when it gives none.
    pub fn name_or<'a>(&'a self, level: Level, default: &'a str) -> &'a str {
        self.get(level).map_or(default, |n| n.name.as_str())
    }

    /// The plan's plural of `level`, or `default` when it gives none.
    pub fn plural_or<'a>(&'a self, level: Level, default: &'a str) -> &'a str {
        self.get(level).map_or(default, |n| n.plural.as_str())
    }

    /// Whether the plan names any level.
    pub fn is_empty(&self) -> bool {
        self.names.iter().all(Option::is_none)
    }
}

/// Whether a node is still in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// In force.
    Active,
    /// Removed by a revision; kept in the file.
    Removed,
}

impl Status {
    /// `"active"` or `"removed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Removed => "removed",
        }
    }
}

/// An act of the body: a deliberation with its number and date, either of which may be missing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Act {
    /// The adopting body, e.g. `Giunta`.
    pub body: Option<String>,
    /// The act's number.
    pub number: Option<String>,
    /// The act's date.
    pub date: Option<Date>,
}

impl Act {
    /// What the act lacks to be traced: `number`, `date` or `number-and-date` (the keys the
    /// catalogue's `incomplete-act` messages select on); `None` when it has both. A plan whose
    /// acts carry no number (`act-number = "optional"`) asks only for the date.
    pub fn missing(&self, numbers: ActNumber) -> Option<&'static str> {
        let numbered = self.number.is_some() || numbers == ActNumber::Optional;
        match (numbered, self.date) {
            (false, None) => Some("number-and-date"),
            (false, Some(_)) => Some("number"),
            (true, None) => Some("date"),
            (true, Some(_)) => None,
        }
    }
}

impl std::fmt::Display for Act {
    /// `Giunta n. 97 del 26/07/2018`, with `n. ?` and `del ?` for the missing parts.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let body = self.body.as_deref().unwrap_or("act");
        let number = self.number.as_deref().unwrap_or("?");
        match self.date {
            Some(date) => write!(f, "{body} n. {number} del {date}"),
            None => write!(f, "{body} n. {number} del ?"),
        }
    }
}

/// A finding the plan accepts (`accept = [{ code = ..., reason = ... }]`): it stays reported,
/// counted apart, and does not fail `check --deny warnings`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    /// The code of the warnings accepted.
    pub code: Code,
    /// Why they stay.
    pub reason: String,
    /// Where the acceptance is written.
    pub span: Span,
}

/// How an override sets an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Left out of every roll-up ("sterilizzato"), shown as such.
    Neutralised,
    /// Given this attainment (in percent) instead of the computed one.
    Reassessed(Decimal),
}

impl Outcome {
    /// `"neutralised"` or `"reassessed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Neutralised => "neutralised",
            Outcome::Reassessed(_) => "reassessed",
        }
    }
}

/// A reasoned decision that sets a node's outcome for a year differently from the computation:
/// causes outside the body's control, recognised by the OIV or the Giunta.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The indicator, objective or program.
    pub node: NodeIndex,
    /// The year of the outcome.
    pub year: i32,
    /// Neutralised, or reassessed with an attainment.
    pub outcome: Outcome,
    /// Why the computed outcome does not stand.
    pub reason: String,
    /// Who decided (`OIV`, `Giunta`).
    pub decided_by: String,
    /// The act that records the decision.
    pub act: Act,
    /// Where the override is written.
    pub span: Span,
}

impl Override {
    /// `reassessed at 100 by OIV (OIV n. 3 del 15/04/2020): <reason>`, for reports.
    pub fn describe(&self) -> String {
        let outcome = match self.outcome {
            Outcome::Neutralised => "neutralised".to_owned(),
            Outcome::Reassessed(attainment) => {
                format!("reassessed at {}", crate::number::format_italian(attainment.normalize()))
            }
        };
        format!("{outcome} by {} ({}): {}", self.decided_by, self.act, self.reason)
    }
}

/// What a revision did to a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Added to the plan ("inserito").
    Inserted,
    /// Changed ("aggiornato").
    Updated,
    /// Removed ("eliminato").
    Removed,
}

impl Change {
    /// `"inserted"`, `"updated"` or `"removed"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inserted => "inserted",
            Self::Updated => "updated",
            Self::Removed => "removed",
        }
    }
}

/// A revision of a node ("rolling annuale").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// What it did.
    pub change: Change,
    /// The act that adopted it, if the plan records one.
    pub act: Option<Act>,
    /// The year it took effect, when the act's date is unknown.
    pub year: Option<i32>,
    /// The note as written in the source.
    pub note: Option<String>,
    /// What the node was before this revision, where the plan records it (`previous`).
    pub previous: Option<Box<Previous>>,
    /// Where the revision is written.
    pub span: Span,
}

/// What a node was before a revision changed it: each field is `Some` when the plan records
/// its previous value. Ids (parent, services, areas) are checked by validation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Previous {
    /// The previous name.
    pub name: Option<String>,
    /// The previous parent's id (under its level's key: `mission`, `program`...).
    pub parent: Option<String>,
    /// The previous formula.
    pub formula: Option<String>,
    /// The previous unit.
    pub unit: Option<Unit>,
    /// The previous polarity.
    pub polarity: Option<Polarity>,
    /// The previous weight.
    pub weight: Option<Decimal>,
    /// The previous targets of the years that changed; `None`: the year had no target.
    pub targets: BTreeMap<i32, Option<Target>>,
    /// The previous services' ids.
    pub services: Option<Vec<String>>,
    /// The previous areas' ids.
    pub areas: Option<Vec<String>>,
    /// Where `previous` is written.
    pub span: Span,
}

impl Previous {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.parent.is_none()
            && self.formula.is_none()
            && self.unit.is_none()
            && self.polarity.is_none()
            && self.weight.is_none()
            && self.targets.is_empty()
            && self.services.is_none()
            && self.areas.is_none()
    }
}

impl Revision {
    /// When the change took effect, as far as the plan says: the act's date, else its year.
    pub fn when(&self) -> When {
        match (self.act.as_ref().and_then(|act| act.date), self.year) {
            (Some(date), _) => When::Date(date),
            (None, Some(year)) => When::Year(year),
            (None, None) => When::Unknown,
        }
    }

    /// The year the change took effect: the act's year, else the revision's `year`.
    pub fn effective_year(&self) -> Option<i32> {
        self.act.as_ref().and_then(|act| act.date).map(Date::year).or(self.year)
    }
}

/// When a revision took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    /// On the act's date.
    Date(Date),
    /// Some time in the year (the act's date is not recorded).
    Year(i32),
    /// Not recorded at all.
    Unknown,
}

impl When {
    /// Whether the change was in force on `date`. A change known only by its year is taken as
    /// in force from 1 January of that year; one of unknown date, always.
    pub fn in_force_on(self, date: Date) -> bool {
        match self {
            When::Date(when) => when <= date,
            When::Year(year) => year <= date.year(),
            When::Unknown => true,
        }
    }
}

/// A node of the tree.
///
/// What few nodes have (weights by year, the structured fields, revisions, notes, accepted
/// findings) is held apart, behind [`Node::fields`], [`Node::revisions`] and the other
/// accessors: a plan of national scale has a hundred thousand nodes, and that part, empty,
/// would double the size of each.
#[derive(Debug, Clone)]
pub struct Node {
    /// The stable id.
    pub id: String,
    /// Its text as the body wrote it.
    pub name: String,
    /// Where the name is written (the node's header when it is missing).
    pub name_span: Span,
    /// The level-specific part.
    pub kind: NodeKind,
    /// The parent (none for missions).
    pub parent: Option<NodeIndex>,
    /// The children, in file order.
    pub children: Vec<NodeIndex>,
    /// The relative weight among siblings (default 1); the weight of every year not listed in
    /// [`Node::weights_by_year`].
    pub weight: Decimal,
    /// The balanced-scorecard perspective written on the node (index into
    /// [`Plan::perspectives`]); [`Plan::perspective_of`] gives the one it inherits.
    pub perspective: Option<usize>,
    /// Active or removed.
    pub status: Status,
    /// Where `status` is written (the node's header when it is not).
    pub status_span: Span,
    /// Where the node's table starts in the file.
    pub span: Span,
    /// The rest, when the node has any of it.
    rare: Option<Box<Rare>>,
}

/// The part of a [`Node`] that few nodes have.
#[derive(Debug, Clone, Default)]
pub struct Rare {
    /// Weights that change by year (`weight = { 2024 = 2, 2025 = 3 }`): empty when the weight
    /// is one for every year.
    pub weights_by_year: BTreeMap<i32, Decimal>,
    /// The structured fields any node may carry.
    pub fields: NodeFields,
    /// The revisions adopted on the node, in file order.
    pub revisions: Vec<Revision>,
    /// Free notes.
    pub notes: Option<String>,
    /// Findings accepted in the node's table (`accept`).
    pub accepted: Vec<Acceptance>,
}

impl Rare {
    /// Whether it holds nothing.
    fn is_empty(&self) -> bool {
        self.weights_by_year.is_empty()
            && self.fields.is_empty()
            && self.revisions.is_empty()
            && self.notes.is_none()
            && self.accepted.is_empty()
    }
}

/// What a node without a rare part reads.
static NO_RARE: Rare = Rare {
    weights_by_year: BTreeMap::new(),
    fields: NodeFields { code: None, responsible: None, resources: BTreeMap::new(), links: Vec::new() },
    revisions: Vec::new(),
    notes: None,
    accepted: Vec::new(),
};

/// The structured fields any node may carry: the body's own code, who answers for it, what it
/// costs, and its links to other planning documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NodeFields {
    /// The body's own code (`code`): not necessarily unique, kept apart from the id.
    pub code: Option<String>,
    /// The office and/or person responsible.
    pub responsible: Option<Responsible>,
    /// Resources in euro, by year.
    pub resources: BTreeMap<i32, Decimal>,
    /// Links to other planning documents.
    pub links: Vec<Link>,
}

impl NodeFields {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        self.code.is_none() && self.responsible.is_none() && self.resources.is_empty() && self.links.is_empty()
    }
}

impl Node {
    /// A node of the parts given, holding `rare` only when it is not empty.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: String,
        name: String,
        name_span: Span,
        kind: NodeKind,
        parent: Option<NodeIndex>,
        weight: Decimal,
        perspective: Option<usize>,
        status: Status,
        status_span: Span,
        span: Span,
        rare: Rare,
    ) -> Self {
        let rare = (!rare.is_empty()).then(|| Box::new(rare));
        Self {
            id,
            name,
            name_span,
            kind,
            parent,
            children: Vec::new(),
            weight,
            perspective,
            status,
            status_span,
            span,
            rare,
        }
    }

    fn rare(&self) -> &Rare {
        self.rare.as_deref().unwrap_or(&NO_RARE)
    }

    /// The rare part, to change it (made when the node has none).
    pub fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }

    /// Weights that change by year (`weight = { 2024 = 2, 2025 = 3 }`): empty when the weight
    /// is one for every year.
    pub fn weights_by_year(&self) -> &BTreeMap<i32, Decimal> {
        &self.rare().weights_by_year
    }

    /// The structured fields any node may carry.
    pub fn fields(&self) -> &NodeFields {
        &self.rare().fields
    }

    /// The revisions adopted on the node, in file order.
    pub fn revisions(&self) -> &[Revision] {
        &self.rare().revisions
    }

    /// Free notes.
    pub fn notes(&self) -> Option<&str> {
        self.rare().notes.as_deref()
    }

    /// Findings accepted in the node's table (`accept`).
    pub fn accepted(&self) -> &[Acceptance] {
        &self.rare().accepted
    }

    /// The node's weight in `year`: the weight written for that year, else for the latest year
    /// before it, else for the first year written; the single weight when it does not change.
    pub fn weight_in(&self, year: i32) -> Decimal {
        let Some(rare) = &self.rare else { return self.weight };
        match rare.weights_by_year.range(..=year).next_back() {
            Some((_, weight)) => *weight,
            None => rare.weights_by_year.values().next().copied().unwrap_or(self.weight),
        }
    }

    /// The weight as people read it: `2`, or `2024: 2; 2025: 3` when it changes by year.
    pub fn weight_text(&self) -> String {
        let weights_by_year = self.weights_by_year();
        if weights_by_year.is_empty() {
            return self.weight.normalize().to_string();
        }
        let years: Vec<String> =
            weights_by_year.iter().map(|(year, weight)| format!("{year}: {}", weight.normalize())).collect();
        years.join("; ")
    }

    /// The node's level.
    pub fn level(&self) -> Level {
        match self.kind {
            NodeKind::Mission => Level::Mission,
            NodeKind::StrategicObjective => Level::StrategicObjective,
            NodeKind::Program => Level::Program,
            NodeKind::OperationalObjective => Level::OperationalObjective,
            NodeKind::Indicator(_) => Level::Indicator,
        }
    }

    /// The indicator part, when the node is an indicator.
    pub fn indicator(&self) -> Option<&Indicator> {
        match &self.kind {
            NodeKind::Indicator(indicator) => Some(indicator),
            _ => None,
        }
    }

    /// The first year from which a removal applies, if the node is removed.
    pub fn removed_from(&self) -> Option<i32> {
        self.revisions().iter().filter(|r| r.change == Change::Removed).filter_map(Revision::effective_year).min()
    }
}

/// The level-specific part of a node.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// A mission.
    Mission,
    /// A strategic objective.
    StrategicObjective,
    /// A program.
    Program,
    /// An operational objective.
    OperationalObjective,
    /// An indicator.
    Indicator(Box<Indicator>),
}

/// Whether an indicator belongs to the strategic dashboard or to the operational plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorLevel {
    /// Measures a strategic objective (multi-year dashboard).
    Strategic,
    /// Measures an operational objective.
    Operational,
}

impl IndicatorLevel {
    /// `"strategic"` or `"operational"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strategic => "strategic",
            Self::Operational => "operational",
        }
    }
}

/// How a polarity came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolaritySource {
    /// Written in the plan.
    Declared,
    /// Inferred from the targets' comparators.
    Inferred,
    /// Nothing to infer from: assumed `increase`.
    Assumed,
}

/// The indicator part of a node.
///
/// What few indicators have (a formula, a scale, targets of periods within a year, measures,
/// a base, bands of their own, a type, a data source, `reported-by`) is held apart, behind
/// [`Indicator::rare`]: a plan of national scale has a hundred thousand indicators.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Strategic dashboard or operational plan.
    pub level: IndicatorLevel,
    /// The unit of the measured value (declared or inferred).
    pub unit: Unit,
    /// Whether higher or lower is better.
    pub polarity: Polarity,
    /// Whether the polarity was declared, inferred or assumed.
    pub polarity_source: PolaritySource,
    /// One target per year, with where it is written; baseline years hold
    /// [`Target::Baseline`]. A target is shared by the indicators of the plan whose target is
    /// written the same way.
    pub targets: YearTargets,
    /// Whether the plan year's target is written with the shorthand `target =`, which follows
    /// the plan's `year`: changing the year moves it.
    pub plan_year_shorthand: bool,
    /// Indices into [`Plan::services`].
    pub services: Vec<usize>,
    /// Indices into [`Plan::areas`]: the declared areas, else those of the services.
    pub areas: Vec<usize>,
    /// Involves every service ("trasversale").
    pub cross_cutting: bool,
    /// The rest, when the indicator has any of it.
    pub(crate) rare: Option<Box<IndicatorRare>>,
}

/// The part of an [`Indicator`] that few indicators have.
#[derive(Debug, Clone, Default)]
pub struct IndicatorRare {
    /// The calculation, when given separately from the name.
    pub formula: Option<String>,
    /// Index into [`Plan::scales`], for level targets.
    pub scale: Option<usize>,
    /// Targets of periods within a year (`2024-S1`, `2024-Q3`), for interim monitoring.
    pub period_targets: BTreeMap<Period, Arc<Target>>,
    /// Where each period's target is written.
    pub period_target_spans: BTreeMap<Period, Span>,
    /// The other quantities the indicator measures, named by the parts of its targets.
    pub measures: Vec<Measure>,
    /// The recorded base of change targets (`rispetto alla base`).
    pub base: Option<Base>,
    /// The indicator's own evaluation range; empty: the plan's.
    pub bands: Vec<Band>,
    /// The kind of indicator, as the Italian guidelines classify them.
    pub indicator_type: Option<IndicatorType>,
    /// Where the data comes from ("fonte del dato").
    pub data_source: Option<String>,
    /// The service that reports it, as written (`reported-by`): see [`Plan::reporter`].
    pub reported_by: Option<usize>,
}

impl IndicatorRare {
    /// Whether it holds nothing.
    fn is_empty(&self) -> bool {
        self.formula.is_none()
            && self.scale.is_none()
            && self.period_targets.is_empty()
            && self.period_target_spans.is_empty()
            && self.measures.is_empty()
            && self.base.is_none()
            && self.bands.is_empty()
            && self.indicator_type.is_none()
            && self.data_source.is_none()
            && self.reported_by.is_none()
    }
}

/// What an indicator without a rare part reads.
static NO_INDICATOR_RARE: IndicatorRare = IndicatorRare {
    formula: None,
    scale: None,
    period_targets: BTreeMap::new(),
    period_target_spans: BTreeMap::new(),
    measures: Vec::new(),
    base: None,
    bands: Vec::new(),
    indicator_type: None,
    data_source: None,
    reported_by: None,
};

impl Indicator {
    /// The part few indicators have (all empty when it has none).
    pub fn rare(&self) -> &IndicatorRare {
        self.rare.as_deref().unwrap_or(&NO_INDICATOR_RARE)
    }

    /// The part few indicators have, to change it (made when the indicator has none).
    pub fn rare_mut(&mut self) -> &mut IndicatorRare {
        self.rare.get_or_insert_with(Box::default)
    }

    /// Sets the part few indicators have, held only when it is not empty.
    pub fn set_rare(&mut self, rare: IndicatorRare) {
        self.rare = (!rare.is_empty()).then(|| Box::new(rare));
    }
    /// The target of `period`: the year's, or the period's within it.
    pub fn target_at(&self, period: Period) -> Option<&Target> {
        let target =
            if period.is_year() { self.targets.get(&period.year) } else { self.rare().period_targets.get(&period) };
        target.map(AsRef::as_ref)
    }

    /// The target of `period`, shared: [`Indicator::target_at`] as the plan holds it.
    pub fn shared_target_at(&self, period: Period) -> Option<&Arc<Target>> {
        if period.is_year() { self.targets.get(&period.year) } else { self.rare().period_targets.get(&period) }
    }

    /// The measure of id `id`, with its index (1 for the first: 0 is the indicator's own value).
    pub fn measure(&self, id: &str) -> Option<(usize, &Measure)> {
        self.rare().measures.iter().enumerate().find(|(_, m)| m.id == id).map(|(i, m)| (i + 1, m))
    }

    /// The bands that evaluate the indicator: its own, else the plan's.
    pub fn bands<'a>(&'a self, rules: &'a ScoringRules) -> &'a [Band] {
        let own = &self.rare().bands;
        if own.is_empty() { &rules.bands } else { own }
    }
}

impl Plan {
    /// The service (an index into [`Plan::services`]) that reports the actual value of the
    /// indicator `indicator`, when one does: the one its `reported-by` names; for a
    /// cross-cutting indicator without it, the first of its services, else the plan's first
    /// service. `None` for an indicator that each of its services reports.
    pub fn reporter(&self, indicator: &Indicator) -> Option<usize> {
        indicator.rare().reported_by.or_else(|| {
            let first = indicator.services.first().copied().or((!self.services.is_empty()).then_some(0));
            first.filter(|_| indicator.cross_cutting)
        })
    }

    /// The node at `index`.
    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.nodes[index.0]
    }

    /// The perspective of a node: its own, or its nearest ancestor's.
    pub fn perspective_of(&self, index: NodeIndex) -> Option<usize> {
        std::iter::once(index).chain(self.ancestors(index)).find_map(|i| self.node(i).perspective)
    }

    /// The name people read for `level`: the plan's (`[levels]`), or the tool's own.
    pub fn level_name(&self, level: Level) -> &str {
        self.level_names.name_or(level, level.label())
    }

    /// Every node in tree order: each root, then depth-first its descendants in file order.
    pub fn walk(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        let mut stack: Vec<NodeIndex> = self.roots.iter().rev().copied().collect();
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            stack.extend(self.node(next).children.iter().rev().copied());
            Some(next)
        })
    }

    /// The indicators in tree order.
    pub fn indicators(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.walk().filter(|&index| self.node(index).level() == Level::Indicator)
    }

    /// The node's ancestors, nearest first.
    pub fn ancestors(&self, index: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        std::iter::successors(self.node(index).parent, |&parent| self.node(parent).parent)
    }

    /// The nearest ancestor (or the node itself) at `level`.
    pub fn ancestor_at(&self, index: NodeIndex, level: Level) -> Option<NodeIndex> {
        std::iter::once(index).chain(self.ancestors(index)).find(|&i| self.node(i).level() == level)
    }

    /// The override of the node's outcome in `year`, if the plan records one.
    pub fn override_of(&self, index: NodeIndex, year: i32) -> Option<&Override> {
        self.overrides.iter().find(|o| o.node == index && o.year == year)
    }

    /// Looks a node up by id.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(&self.nodes, id)
    }

    /// Whether the node or one of its ancestors is removed.
    pub fn is_removed(&self, index: NodeIndex) -> bool {
        std::iter::once(index).chain(self.ancestors(index)).any(|i| self.node(i).status == Status::Removed)
    }

    /// What removes the node: itself or its nearest removed ancestor, with the revision that
    /// removed it (when the plan records one). `None` when neither is removed.
    pub fn removal(&self, index: NodeIndex) -> Option<(NodeIndex, Option<&Revision>)> {
        let removed =
            std::iter::once(index).chain(self.ancestors(index)).find(|&i| self.node(i).status == Status::Removed)?;
        let revision = self.node(removed).revisions().iter().find(|r| r.change == Change::Removed);
        Some((removed, revision))
    }

    /// Whether the node, or one of its ancestors, is removed for `year`: removed by a revision
    /// that took effect in that year or before (or whose year is unknown).
    pub fn is_removed_in(&self, index: NodeIndex, year: i32) -> bool {
        std::iter::once(index).chain(self.ancestors(index)).any(|i| {
            let node = self.node(i);
            node.status == Status::Removed && node.removed_from().is_none_or(|from| from <= year)
        })
    }

    /// How many nodes of each level the plan has, with how many of them are removed.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for node in &self.nodes {
            let slot = match (node.level(), node.indicator().map(|i| i.level)) {
                (Level::Mission, _) => &mut counts.missions,
                (Level::StrategicObjective, _) => &mut counts.strategic_objectives,
                (Level::Program, _) => &mut counts.programs,
                (Level::OperationalObjective, _) => &mut counts.operational_objectives,
                (_, Some(IndicatorLevel::Strategic)) => &mut counts.strategic_indicators,
                _ => &mut counts.operational_indicators,
            };
            slot.0 += 1;
            if node.status == Status::Removed {
                slot.1 += 1;
            }
        }
        counts
    }
}

/// Node counts per level, each as (all, removed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Missions.
    pub missions: (usize, usize),
    /// Strategic objectives.
    pub strategic_objectives: (usize, usize),
    /// Strategic dashboard indicators.
    pub strategic_indicators: (usize, usize),
    /// Programs.
    pub programs: (usize, usize),
    /// Operational objectives.
    pub operational_objectives: (usize, usize),
    /// Operational indicators.
    pub operational_indicators: (usize, usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sizes a plan of national scale multiplies by a hundred thousand: a field added to a
    /// node, an indicator or a result (rather than to its rare part) shows here first.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_records_of_a_big_plan_stay_small() {
        use std::mem::size_of;
        assert!(size_of::<Node>() <= 200, "Node: {} bytes", size_of::<Node>());
        assert!(size_of::<Indicator>() <= 80, "Indicator: {} bytes", size_of::<Indicator>());
        assert!(size_of::<crate::load::RawNode>() <= 208, "RawNode: {} bytes", size_of::<crate::load::RawNode>());
        // `validate` turns the raw nodes into nodes in the raw nodes' own vector, which it can
        // only do while a node is no larger, nor more aligned, than a raw one.
        assert!(size_of::<Node>() <= size_of::<crate::load::RawNode>());
        assert!(std::mem::align_of::<Node>() <= std::mem::align_of::<crate::load::RawNode>());
        let raw_indicator = size_of::<crate::load::RawIndicator>();
        assert!(raw_indicator <= 112, "RawIndicator: {raw_indicator} bytes");
        let score = size_of::<crate::score::IndicatorScore>();
        assert!(score <= 208, "IndicatorScore: {score} bytes");
    }

    /// A node or an indicator without any of its rare part holds no box, and reads it empty.
    #[test]
    fn the_rare_part_is_held_only_when_given() {
        let node = |rare: Rare| {
            let span = Span { start: 0, end: 1 };
            let kind = NodeKind::Mission;
            let status = Status::Active;
            Node::new(
                "M".into(),
                "M".into(),
                span.clone(),
                kind,
                None,
                Decimal::ONE,
                None,
                status,
                span.clone(),
                span,
                rare,
            )
        };
        let bare = node(Rare::default());
        assert!(bare.rare.is_none());
        assert!(bare.revisions().is_empty() && bare.notes().is_none() && bare.fields().is_empty());
        assert_eq!(bare.weight_in(2024), Decimal::ONE);
        let noted = node(Rare { notes: Some("nota".into()), ..Rare::default() });
        assert!(noted.rare.is_some());
        assert_eq!(noted.notes(), Some("nota"));
        let weighted = node(Rare { weights_by_year: BTreeMap::from([(2025, Decimal::TWO)]), ..Rare::default() });
        assert_eq!((weighted.weight_in(2024), weighted.weight_in(2026)), (Decimal::TWO, Decimal::TWO));
    }
}
