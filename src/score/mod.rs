//! Scoring: every indicator's attainment for a year (or a period within it), rolled up with
//! weights to objectives, programs, missions, perspectives, areas, services and the whole body.
//!
//! Pure functions of a [`Plan`], its [`Actuals`] and a period, all arithmetic in `Decimal`. The
//! rules (the plan's `[scoring]` block, defaults in [`ScoringRules`]) are documented in
//! `docs/scoring.md`; the [`Scorecard`] carries them so every report prints the rules that
//! produced it.

pub mod attainment;
mod reason;
mod rollup;

use rust_decimal::Decimal;

use crate::actuals::{Actual, Actuals, Value};
use crate::diagnostic::{Code, Diagnostic};
use crate::msg;
use crate::period::Period;
use crate::plan::{self, Band, IndicatorLevel, MissingData, NodeIndex, Override, Plan, ScoringRules, Unit};
use crate::source::SourceFile;
use crate::target::{BaseRef, Comparator, Polarity, Target};
use attainment::Outcome;
pub use reason::{Needed, Reason};
pub use rollup::{GroupScore, NodeScore, Rollup, weighted_mean};
use std::sync::Arc;

/// The status of one indicator for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The target's comparator holds.
    Met,
    /// Not met, attainment at or above the partial threshold.
    Partial,
    /// Not met, attainment below the partial threshold.
    Missed,
    /// A baseline year: measured, not scored.
    Baseline,
    /// Removed by a revision that took effect this year or before.
    Removed,
    /// No target for this year.
    NoTarget,
    /// Expected, but no actual value (or `n.d.`).
    Missing,
    /// The actual is there, but something the target needs is not (last year's actual, the
    /// benchmark), or the value is of the wrong kind.
    NotMeasurable,
    /// Left out of every roll-up by an override ("sterilizzato").
    Neutralised,
    /// Not applicable this year (`n.a.`): out of the score and of every denominator.
    NotApplicable,
}

impl Status {
    /// The word shown in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Missed => "missed",
            Status::Baseline => "baseline",
            Status::Removed => "removed",
            Status::NoTarget => "no-target",
            Status::Missing => "missing",
            Status::NotMeasurable => "not-measurable",
            Status::Neutralised => "neutralised",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// Every status, in report order.
    pub const ALL: [Status; 10] = [
        Status::Met,
        Status::Partial,
        Status::Missed,
        Status::Baseline,
        Status::Removed,
        Status::NoTarget,
        Status::Missing,
        Status::NotMeasurable,
        Status::Neutralised,
        Status::NotApplicable,
    ];

    /// Met, partial or missed: compared with its target.
    pub fn is_scored(self) -> bool {
        matches!(self, Status::Met | Status::Partial | Status::Missed)
    }

    /// Expected to be scored this year: scored, missing or not measurable.
    pub fn is_expected(self) -> bool {
        self.is_scored() || matches!(self, Status::Missing | Status::NotMeasurable)
    }

    /// Whether counts of statuses list it even when no indicator has it: every status but
    /// `not-applicable`, which a plan without `n.a.` values never shows.
    pub fn always_listed(self) -> bool {
        self != Status::NotApplicable
    }
}

/// One condition's result, for a target of several conditions (parts, or an increment and its
/// total): each has its own status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartScore {
    /// The measure the condition is on; `None`: the indicator's own value.
    pub measure: Option<String>,
    /// The condition.
    pub target: Target,
    /// The number the actual was compared with.
    pub reference: Option<Decimal>,
    /// The actual value, when given.
    pub actual: Option<Value>,
    /// Attainment in percent (unrounded, before the floor); `None` when not scored.
    pub attainment: Option<Decimal>,
    /// The status (met, partial, missed; missing, not measurable, not applicable).
    pub status: Status,
    /// Why it is unscored, or what it was compared with.
    pub reason: Option<Reason>,
    /// Actual − reference.
    pub deviation: Option<Decimal>,
    /// How its actual was measured, when not by the plan's definition.
    pub definition: Option<String>,
}

/// One indicator's result for the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorScore {
    /// The indicator.
    pub node: NodeIndex,
    /// Its target for the year: the plan's own, shared.
    pub target: Option<Arc<Target>>,
    /// The number the actual was compared with: the target's number, last year's actual, the
    /// benchmark, or the benchmark moved by the tolerance.
    pub reference: Option<Decimal>,
    /// The actual value, when given.
    pub actual: Option<Value>,
    /// Attainment in percent (unrounded); `None` when not scored.
    pub attainment: Option<Decimal>,
    /// The status.
    pub status: Status,
    /// Why it is unscored, or what it was compared with (boxed: a reason can be large, and a
    /// plan of national scale has hundreds of thousands of results).
    pub reason: Option<Box<Reason>>,
    /// Actual − reference (days late for deadlines): the "scostamento".
    pub deviation: Option<Decimal>,
    /// The indicator's weight in the year scored.
    pub weight: Decimal,
    /// The texts given with the actual, when it has any (boxed: few rows have them).
    pub remarks: Option<Box<Remarks>>,
    /// Where the actual was read: (file index, line).
    pub place: Option<(usize, u32)>,
    /// The override that set this result, with the result computed before it (boxed: few
    /// results have one, and a plan of national scale has hundreds of thousands of results).
    pub overridden: Option<Box<Overridden>>,
    /// The conditions of a target of several conditions, each with its own result.
    pub parts: Vec<PartScore>,
    /// The band of the evaluation range the attainment falls in (an index into the indicator's
    /// bands), when the plan defines bands.
    pub band: Option<usize>,
}

/// The texts a row of actual values may give beside its value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Remarks {
    /// The note given with the actual (the reason for a deviation, or any remark).
    pub note: Option<String>,
    /// Where the actual comes from (the `source` column).
    pub source: Option<String>,
    /// How the actual was measured, when not by the plan's definition (the `definition` column).
    pub definition: Option<String>,
}

impl IndicatorScore {
    /// The note given with the actual.
    pub fn note(&self) -> Option<&str> {
        self.remarks.as_ref().and_then(|r| r.note.as_deref())
    }

    /// Where the actual comes from (the `source` column).
    pub fn source(&self) -> Option<&str> {
        self.remarks.as_ref().and_then(|r| r.source.as_deref())
    }

    /// How the actual was measured, when not by the plan's definition (the `definition` column).
    pub fn definition(&self) -> Option<&str> {
        self.remarks.as_ref().and_then(|r| r.definition.as_deref())
    }
}

/// A result set by an override (`[[override]]`), with what the computation gave: every report
/// shows both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overridden {
    /// The decision.
    pub decision: Override,
    /// The attainment computed (unrounded), before the override.
    pub computed_attainment: Option<Decimal>,
    /// For an indicator, the status computed.
    pub computed_status: Option<Status>,
}

/// The status an attainment has when its target is not known to be met: by the bands, when
/// there are (the highest band is met, the lowest missed, the others partial), else by the
/// partial threshold (partial at or above it, missed below). With its band.
pub fn grade(attainment: Decimal, met: bool, bands: &[Band], rules: &ScoringRules) -> (Status, Option<usize>) {
    match plan::band_of(bands, attainment) {
        Some(band) if band + 1 == bands.len() => (Status::Met, Some(band)),
        Some(0) => (Status::Missed, Some(0)),
        Some(band) => (Status::Partial, Some(band)),
        None if met => (Status::Met, None),
        None if attainment >= rules.partial_threshold => (Status::Partial, None),
        None => (Status::Missed, None),
    }
}

/// The status a reassessed attainment has, by the thresholds of the indicators: met at 100 or
/// more (or in the highest band), partial at or above the partial threshold (or in a middle
/// band), missed below.
pub fn status_of_attainment(attainment: Decimal, bands: &[Band], rules: &ScoringRules) -> Status {
    grade(attainment, attainment >= Decimal::ONE_HUNDRED, bands, rules).0
}

/// Every result of a year.
#[derive(Debug, Clone)]
pub struct Scorecard {
    /// The year scored.
    pub year: i32,
    /// The period scored: the year, or a semester or quarter of it.
    pub period: Period,
    /// The rules applied.
    pub rules: ScoringRules,
    /// Every indicator, in tree order.
    pub indicators: Vec<IndicatorScore>,
    /// Every other node (missions, objectives, programs), in tree order.
    pub nodes: Vec<NodeScore>,
    /// The whole body: the weighted mean of what `[scoring] body` says (by default, the
    /// strategic objectives).
    pub body: Rollup,
    /// Each perspective: the body's rule over the nodes of the perspective.
    pub perspectives: Vec<GroupScore>,
    /// Each area: its operational indicators.
    pub areas: Vec<GroupScore>,
    /// Each service: its operational indicators.
    pub services: Vec<GroupScore>,
    /// Where each node's result is in `indicators` or `nodes`, so that a report looking up
    /// every node of a big plan does not scan them all for each.
    positions: Positions,
}

/// The position of each node's result (by [`NodeIndex`]) in [`Scorecard::indicators`] and in
/// [`Scorecard::nodes`]. A position is checked against the node found there before it is
/// trusted: the vectors are public, and a result moved or added by hand is still found, by a
/// scan.
#[derive(Debug, Clone, Default)]
struct Positions {
    indicators: Vec<u32>,
    nodes: Vec<u32>,
}

impl Positions {
    /// The positions of `indicators` and `nodes`, for a plan of `count` nodes.
    fn of(count: usize, indicators: &[IndicatorScore], nodes: &[NodeScore]) -> Self {
        fn index(count: usize, scores: impl Iterator<Item = NodeIndex>) -> Vec<u32> {
            let mut positions = vec![u32::MAX; count];
            for (position, node) in scores.enumerate() {
                if let (Some(slot), Ok(position)) = (positions.get_mut(node.0), u32::try_from(position)) {
                    *slot = position;
                }
            }
            positions
        }
        Self {
            indicators: index(count, indicators.iter().map(|s| s.node)),
            nodes: index(count, nodes.iter().map(|s| s.node)),
        }
    }
}

/// The score of `node` in `scores`: at its recorded position when it is there, else by a scan.
fn find_score<'a, T>(
    scores: &'a [T],
    positions: &[u32],
    node: NodeIndex,
    node_of: impl Fn(&T) -> NodeIndex,
) -> Option<&'a T> {
    let recorded = positions.get(node.0).and_then(|&p| scores.get(p as usize)).filter(|s| node_of(s) == node);
    recorded.or_else(|| scores.iter().find(|s| node_of(s) == node))
}

impl Scorecard {
    /// The result of one indicator.
    pub fn indicator(&self, node: NodeIndex) -> Option<&IndicatorScore> {
        find_score(&self.indicators, &self.positions.indicators, node, |s| s.node)
    }

    /// The result of one non-indicator node.
    pub fn node(&self, node: NodeIndex) -> Option<&NodeScore> {
        find_score(&self.nodes, &self.positions.nodes, node, |s| s.node)
    }

    /// The results set by overrides, with their nodes: the indicators', then the other nodes', in
    /// tree order.
    pub fn overridden(&self) -> impl Iterator<Item = (NodeIndex, &Overridden)> + '_ {
        let indicators = self.indicators.iter().filter_map(|s| Some((s.node, s.overridden.as_deref()?)));
        indicators.chain(self.nodes.iter().filter_map(|s| Some((s.node, s.overridden.as_deref()?))))
    }

    /// How many indicators have each status (a status listed only when some indicator has it
    /// is left out when none has).
    pub fn status_counts(&self) -> Vec<(Status, usize)> {
        Status::ALL
            .iter()
            .map(|&s| (s, self.indicators.iter().filter(|i| i.status == s).count()))
            .filter(|(s, n)| s.always_listed() || *n > 0)
            .collect()
    }
}

/// Scores `plan` for `year` with `actuals`, then applies the plan's overrides of that year.
pub fn score(plan: &Plan, actuals: &Actuals, year: i32) -> Scorecard {
    score_period(plan, actuals, Period::year(year))
}

/// Scores `plan` for `period` (a year, or a semester or quarter of it, scored with its own
/// targets and actuals), then applies the plan's overrides of the period's year (for a year).
pub fn score_period(plan: &Plan, actuals: &Actuals, period: Period) -> Scorecard {
    let rules = plan.scoring.clone();
    let year = period.year;
    let overrides = Overrides::of(plan, period);
    // Each indicator is scored on its own: a big plan's are shared among the cores.
    let order: Vec<NodeIndex> = plan.indicators().collect();
    let indicators: Vec<IndicatorScore> = crate::parallel::map(&order, |&index| {
        let score = score_indicator(plan, actuals, index, period, &rules);
        match overrides.of_node(index) {
            Some(decision) => overridden(plan, score, decision, &rules),
            None => score,
        }
    });
    let rollups = rollup::roll_up(plan, &indicators, period, &overrides);
    let positions = Positions::of(plan.nodes.len(), &indicators, &rollups.nodes);
    Scorecard {
        year,
        period,
        rules,
        positions,
        indicators,
        nodes: rollups.nodes,
        body: rollups.body,
        perspectives: rollups.perspectives,
        areas: rollups.areas,
        services: rollups.services,
    }
}

/// The periods whose actual values scoring `period` reads: the period itself, and those that
/// the plan's targets for it compare with (`x ≤ x-1`: the year before; a change over a base: the
/// base's year; an increment: the year before), in the same part of their year. A reading of the
/// actuals may keep only these ([`crate::actuals::read_for`]): [`score_period`] then gives what
/// it gives with every value kept.
pub fn periods_read(plan: &Plan, period: Period) -> Vec<Period> {
    let mut periods = vec![period];
    let mut add = |target: &Target| {
        let read = match target {
            Target::Relative { lag, .. } => period.years_before(i32::from(*lag)),
            Target::Change { delta, .. } => match delta.base {
                BaseRef::Recorded => return,
                BaseRef::Year(year) => period.in_year(year),
                BaseRef::PreviousYear => period.years_before(1),
            },
            _ => return,
        };
        if !periods.contains(&read) {
            periods.push(read);
        }
    };
    for index in plan.indicators() {
        let Some(target) = plan.node(index).indicator().and_then(|indicator| indicator.target_at(period)) else {
            continue;
        };
        if target.is_compound() {
            target.conditions().iter().for_each(|(_, condition)| add(condition));
        } else {
            add(target);
        }
    }
    periods.sort_unstable();
    periods
}

/// The plan's overrides of a period's year (none for a period within a year), by node: looked
/// up by hash, since scanning them all for every node of a plan with thousands of them would be
/// quadratic.
pub(crate) struct Overrides<'p> {
    year: Option<i32>,
    by_node: rustc_hash::FxHashMap<(NodeIndex, i32), &'p Override>,
}

impl<'p> Overrides<'p> {
    fn of(plan: &'p Plan, period: Period) -> Self {
        let mut by_node = rustc_hash::FxHashMap::default();
        for decision in &plan.overrides {
            // The first of a node and year, as `Plan::override_of` finds it.
            by_node.entry((decision.node, decision.year)).or_insert(decision);
        }
        Self { year: period.is_year().then_some(period.year), by_node }
    }

    /// The override of `node` for the year, if there is one.
    pub(crate) fn of_node(&self, node: NodeIndex) -> Option<&'p Override> {
        self.by_node.get(&(node, self.year?)).copied()
    }
}

/// An indicator's result as an override sets it: neutralised (unscored, out of every roll-up)
/// or reassessed (the attainment decided, its status by the thresholds).
fn overridden(plan: &Plan, mut score: IndicatorScore, decision: &Override, rules: &ScoringRules) -> IndicatorScore {
    score.overridden = Some(Box::new(Overridden {
        decision: decision.clone(),
        computed_attainment: score.attainment,
        computed_status: Some(score.status),
    }));
    match decision.outcome {
        plan::Outcome::Neutralised => {
            score.status = Status::Neutralised;
            score.attainment = None;
            score.band = None;
        }
        plan::Outcome::Reassessed(attainment) => {
            let bands = plan.node(score.node).indicator().map_or(&rules.bands[..], |i| i.bands(rules));
            let (status, band) = grade(attainment, attainment >= Decimal::ONE_HUNDRED, bands, rules);
            score.status = status;
            score.band = band;
            score.attainment = Some(attainment);
        }
    }
    score
}

fn score_indicator(
    plan: &Plan,
    actuals: &Actuals,
    index: NodeIndex,
    period: Period,
    rules: &ScoringRules,
) -> IndicatorScore {
    let node = plan.node(index);
    let indicator = node.indicator().expect("indicators are scored");
    let year = period.year;
    let actual = actuals.get_at(index, period, 0);
    let mut score = IndicatorScore {
        node: index,
        target: indicator.shared_target_at(period).cloned(),
        reference: None,
        actual: actual.map(|a| a.value.clone()),
        attainment: None,
        status: Status::Missing,
        reason: None,
        deviation: None,
        weight: node.weight_in(year),
        remarks: actual.and_then(remarks),
        place: actual.map(|a| (a.file as usize, a.line)),
        overridden: None,
        parts: Vec::new(),
        band: None,
    };
    if plan.is_removed_in(index, year) {
        let why = removal(plan, index);
        return unscored(score, Status::Removed, why, rules);
    }
    // The plan's target, borrowed for the computation (the score holds the same shared one).
    let Some(target) = indicator.target_at(period) else {
        return unscored(score, Status::NoTarget, Reason::NoTarget { period }, rules);
    };
    if target.is_baseline() {
        return unscored(score, Status::Baseline, Reason::Baseline, rules);
    }
    let bands = indicator.bands(rules);
    if target.is_compound() {
        return score_parts(plan, actuals, score, target, period, bands, rules);
    }
    let (outcome, reference, deviation, reason) = match condition(plan, actuals, index, period, Which::Own, target) {
        Evaluated::Unscored(status, reason) => return unscored(score, status, reason, rules),
        Evaluated::Scored(Evaluation { outcome, reference, deviation, reason }) => {
            (outcome, reference, deviation, reason)
        }
    };
    let attainment = if outcome.attainment < rules.floor { Decimal::ZERO } else { outcome.attainment };
    finish(&mut score, attainment, outcome.met, bands, rules);
    score.reference = reference;
    score.deviation = deviation;
    score.reason = reason.map(Box::new);
    score
}

/// The texts `actual` gives beside its value, when it gives any.
fn remarks(actual: &Actual) -> Option<Box<Remarks>> {
    let remarks = Remarks {
        note: actual.note().map(str::to_owned),
        source: actual.source().map(str::to_owned),
        definition: actual.definition().map(str::to_owned),
    };
    (remarks != Remarks::default()).then(|| Box::new(remarks))
}

/// An unscored result: its status and the reason. Under `missing-data = "zero"`, a missing or
/// not measurable indicator scores 0 with its weight kept, as many measurement systems do.
fn unscored(mut score: IndicatorScore, status: Status, reason: Reason, rules: &ScoringRules) -> IndicatorScore {
    score.status = status;
    score.reason = Some(Box::new(reason));
    if !status.is_scored() && status.is_expected() && rules.missing_data == MissingData::Zero {
        score.attainment = Some(Decimal::ZERO);
    }
    score
}

/// Sets the status and the attainment of a scored result: the status read after the floor (by
/// the bands, or by whether the target is met and the partial threshold), then the band's score
/// when it gives one (step scoring).
fn finish(score: &mut IndicatorScore, attainment: Decimal, met: bool, bands: &[Band], rules: &ScoringRules) {
    let (status, band) = grade(attainment, met, bands, rules);
    score.status = status;
    score.band = band;
    score.attainment = Some(band.and_then(|b| bands[b].score).unwrap_or(attainment));
}

/// A target of several conditions: each condition scored on its own value, then the indicator:
/// scored only when every condition applying is scored, its attainment the mean (or minimum)
/// of theirs, met when every one is met.
fn score_parts(
    plan: &Plan,
    actuals: &Actuals,
    mut score: IndicatorScore,
    target: &Target,
    period: Period,
    bands: &[Band],
    rules: &ScoringRules,
) -> IndicatorScore {
    let index = score.node;
    let indicator = plan.node(index).indicator().expect("an indicator");
    // Whether each condition's comparator holds (a band says where an attainment falls, not
    // whether the condition is met).
    let mut met = Vec::new();
    for (measure, condition_target) in target.conditions() {
        let which = match measure {
            Some(id) => Which::Measure(indicator.measure(id).map_or(0, |(position, _)| position)),
            None => Which::Own,
        };
        let actual = actuals.get_at(index, period, which.position());
        let mut part = PartScore {
            measure: measure.map(str::to_owned),
            target: condition_target.clone(),
            reference: None,
            actual: actual.map(|a| a.value.clone()),
            attainment: None,
            status: Status::Missing,
            reason: None,
            deviation: None,
            definition: actual.and_then(|a| a.definition().map(str::to_owned)),
        };
        match condition(plan, actuals, index, period, which, &condition_target) {
            Evaluated::Unscored(status, reason) => {
                part.status = status;
                part.reason = Some(reason);
            }
            Evaluated::Scored(evaluation) => {
                met.push(evaluation.outcome.met);
                part.status = grade(evaluation.outcome.attainment, evaluation.outcome.met, bands, rules).0;
                part.attainment = Some(evaluation.outcome.attainment);
                part.reference = evaluation.reference;
                part.deviation = evaluation.deviation;
                part.reason = evaluation.reason;
            }
        }
        score.parts.push(part);
    }
    let applying: Vec<&PartScore> = score.parts.iter().filter(|p| p.status != Status::NotApplicable).collect();
    if applying.is_empty() {
        return unscored(score, Status::NotApplicable, Reason::NotApplicable, rules);
    }
    if let Some(unscored_part) = applying.iter().find(|p| !p.status.is_scored()) {
        let status = unscored_part.status;
        let reason = Reason::Part {
            measure: unscored_part.measure.clone(),
            target: unscored_part.target.clone(),
            reason: Box::new(unscored_part.reason.clone().unwrap_or(Reason::NoActual)),
        };
        return unscored(score, status, reason, rules);
    }
    let attainments = applying.iter().filter_map(|p| p.attainment);
    let combined = match rules.parts {
        plan::PartsRule::Mean => {
            let count = Decimal::from(applying.len());
            attainments.fold(Decimal::ZERO, |sum, a| sum + a) / count
        }
        plan::PartsRule::Minimum => attainments.min().unwrap_or(Decimal::ZERO),
    };
    let met = met.into_iter().all(|met| met);
    let attainment = if combined < rules.floor { Decimal::ZERO } else { combined };
    finish(&mut score, attainment, met, bands, rules);
    score
}

/// The removal that makes `index` removed: its own or an ancestor's, with its year and act.
fn removal(plan: &Plan, index: NodeIndex) -> Reason {
    let (removed, revision) = plan.removal(index).unwrap_or((index, None));
    let node = plan.node(removed);
    Reason::Removed {
        ancestor: (removed != index).then(|| (node.level(), node.id.clone())),
        year: node.removed_from(),
        act: revision.and_then(|r| r.act.clone()),
    }
}

/// Which of an indicator's values a condition is on.
#[derive(Debug, Clone, Copy)]
enum Which {
    /// Its own.
    Own,
    /// A measure's: its position (1 for the first).
    Measure(usize),
}

impl Which {
    fn position(self) -> usize {
        match self {
            Which::Own => 0,
            Which::Measure(position) => position,
        }
    }
}

/// A condition scored, or why it is not.
enum Evaluated {
    Scored(Evaluation),
    Unscored(Status, Reason),
}

/// One condition against its actual: missing, not applicable, not measurable, or compared.
fn condition(
    plan: &Plan,
    actuals: &Actuals,
    index: NodeIndex,
    period: Period,
    which: Which,
    target: &Target,
) -> Evaluated {
    let Some(actual) = actuals.get_at(index, period, which.position()) else {
        return Evaluated::Unscored(Status::Missing, Reason::NoActual);
    };
    match actual.value {
        Value::NotAvailable => Evaluated::Unscored(Status::Missing, Reason::NotAvailable),
        Value::NotApplicable => Evaluated::Unscored(Status::NotApplicable, Reason::NotApplicable),
        _ => match evaluate(plan, actuals, index, period, which, target, actual) {
            // A bound is scored at its value: said beside the result.
            Ok(mut evaluation) if matches!(actual.value, Value::Bound { .. }) => {
                let then = evaluation.reason.take().map(Box::new);
                evaluation.reason = Some(Reason::Bound { bound: actual.value.clone(), then });
                Evaluated::Scored(evaluation)
            }
            Ok(evaluation) => Evaluated::Scored(evaluation),
            Err(reason) => Evaluated::Unscored(Status::NotMeasurable, reason),
        },
    }
}

struct Evaluation {
    outcome: Outcome,
    reference: Option<Decimal>,
    deviation: Option<Decimal>,
    reason: Option<Reason>,
}

impl Evaluation {
    fn numeric(
        actual: Decimal,
        comparator: Comparator,
        reference: Decimal,
        rules: &ScoringRules,
        reason: Option<Reason>,
    ) -> Self {
        Evaluation {
            outcome: attainment::numeric(actual, comparator, reference, rules),
            reference: Some(reference),
            deviation: actual.checked_sub(reference),
            reason,
        }
    }
}

/// The number an actual stands for when compared by `comparator`: the number itself, or for a
/// bound (`oltre 220`) the bound, when it is the least favourable value the bound allows (a
/// lower bound of a value where higher is better, an upper bound where lower is better). A bound
/// on the favourable side says only that the value is worse than it: not measurable.
fn conservative(value: &Value, comparator: Comparator) -> Option<Result<Decimal, Reason>> {
    match value {
        Value::Number(number) => Some(Ok(*number)),
        Value::Bound { comparator: bound, value } => {
            let higher_is_better = matches!(comparator, Comparator::AtLeast | Comparator::MoreThan);
            let lower_bound = matches!(bound, Comparator::AtLeast | Comparator::MoreThan);
            Some(match (comparator, higher_is_better == lower_bound) {
                (Comparator::Equal, _) | (_, false) => {
                    Err(Reason::BoundOnBetterSide { comparator: *bound, value: *value })
                }
                (_, true) => Ok(*value),
            })
        }
        _ => None,
    }
}

/// The value of a base: the recorded one when it is of the year asked, else that year's actual.
fn base_value(
    plan: &Plan,
    actuals: &Actuals,
    index: NodeIndex,
    period: Period,
    which: Which,
    base: BaseRef,
) -> Result<(Decimal, i32), Reason> {
    let indicator = plan.node(index).indicator().expect("an indicator");
    let recorded = match which {
        Which::Own => indicator.rare().base,
        Which::Measure(position) => indicator.rare().measures.get(position - 1).and_then(|m| m.base),
    };
    let year = match base {
        BaseRef::Recorded => {
            return recorded.map(|b| (b.value, b.year)).ok_or(Reason::NoBase);
        }
        BaseRef::Year(year) => year,
        BaseRef::PreviousYear => period.year - 1,
    };
    if let Some(recorded) = recorded.filter(|b| b.year == year) {
        return Ok((recorded.value, year));
    }
    match actuals.get_at(index, period.in_year(year), which.position()).map(|a| &a.value) {
        Some(Value::Number(value)) => Ok((*value, year)),
        Some(Value::NotAvailable | Value::NotApplicable) | None => Err(Reason::BaseMissing { year }),
        Some(other) => Err(Reason::BaseNotANumber { year, found: other.clone() }),
    }
}

/// Compares the actual with a condition. `Err` says why it cannot be compared.
#[allow(clippy::too_many_arguments)]
fn evaluate(
    plan: &Plan,
    actuals: &Actuals,
    index: NodeIndex,
    period: Period,
    which: Which,
    target: &Target,
    actual: &Actual,
) -> Result<Evaluation, Reason> {
    let indicator = plan.node(index).indicator().expect("an indicator");
    let rules = &plan.scoring;
    let (polarity, unit) = match which {
        Which::Own => (indicator.polarity, indicator.unit),
        Which::Measure(position) => {
            let measure = &indicator.rare().measures[position - 1];
            (measure.polarity, measure.unit)
        }
    };
    let wrong_kind = |needed: Needed| Reason::WrongKind { needed, target: target.clone(), found: actual.value.clone() };
    let number = |comparator: Comparator| {
        conservative(&actual.value, comparator).unwrap_or_else(|| Err(wrong_kind(Needed::Number)))
    };
    match target {
        Target::Compare { quantity, .. } => {
            let comparator = target.comparator(polarity).expect("numeric targets compare");
            Ok(Evaluation::numeric(number(comparator)?, comparator, quantity.value, rules, None))
        }
        Target::Relative { comparator, lag } => {
            let reference_period = period.years_before(i32::from(*lag));
            let previous = actuals.get_at(index, reference_period, which.position()).map(|a| &a.value);
            let reference = match previous {
                Some(Value::Number(previous)) => *previous,
                Some(Value::NotAvailable | Value::NotApplicable) | None => {
                    return Err(Reason::PreviousMissing { period: reference_period, target: target.clone() });
                }
                Some(other) => {
                    return Err(Reason::PreviousNotANumber { period: reference_period, found: other.clone() });
                }
            };
            let reason = Reason::ComparedWithActual { period: reference_period };
            Ok(Evaluation::numeric(number(*comparator)?, *comparator, reference, rules, Some(reason)))
        }
        Target::Benchmark { .. } => {
            let benchmark = actual.benchmark().ok_or(Reason::NoBenchmark { period })?;
            let comparator = target.comparator(polarity).expect("benchmark targets compare");
            Ok(Evaluation::numeric(
                number(comparator)?,
                comparator,
                benchmark,
                rules,
                Some(Reason::ComparedWithBenchmark),
            ))
        }
        Target::BenchmarkTolerance { max_deviation } => {
            let benchmark = actual.benchmark().ok_or(Reason::NoBenchmark { period })?;
            let (comparator, threshold) = match polarity {
                Polarity::Increase => (Comparator::AtLeast, benchmark.checked_sub(*max_deviation)),
                Polarity::Decrease => (Comparator::AtMost, benchmark.checked_add(*max_deviation)),
            };
            // Unreachable with the bounds numbers are read with; kept as a reason, not a panic.
            let threshold = threshold.ok_or(Reason::BenchmarkOutOfRange)?;
            let reason = Reason::BenchmarkWithTolerance { benchmark };
            Ok(Evaluation::numeric(number(comparator)?, comparator, threshold, rules, Some(reason)))
        }
        Target::Change { delta, .. } => {
            let comparator = target.comparator(polarity).expect("change targets compare");
            let (base, base_year) = base_value(plan, actuals, index, period, which, delta.base)?;
            let reference = delta.reference(base).ok_or(Reason::ChangeOutOfRange)?;
            let actual = number(comparator)?;
            let reason = Reason::Base { year: base_year, value: base };
            Ok(Evaluation {
                outcome: attainment::change(actual, base, reference, comparator, rules),
                reference: Some(reference),
                deviation: actual.checked_sub(reference),
                reason: Some(reason),
            })
        }
        Target::Deadline(deadline) => match actual.value {
            Value::Date(done) => {
                let late = done.days_after(*deadline);
                Ok(Evaluation {
                    outcome: attainment::deadline(late, rules),
                    reference: None,
                    deviation: Some(Decimal::from(late)),
                    reason: (late > 0).then_some(Reason::Late { days: late }),
                })
            }
            Value::YesNo(done) => Ok(Evaluation {
                outcome: attainment::yes_no(done, true),
                reference: None,
                deviation: None,
                reason: Some(if done { Reason::DoneWithoutDate } else { Reason::NotDone }),
            }),
            _ => Err(wrong_kind(Needed::Date)),
        },
        Target::Level { level, .. } => {
            let Value::Level(actual_level) = &actual.value else { return Err(wrong_kind(Needed::Level)) };
            let scale = indicator.rare().scale.map(|s| &plan.scales[s]).ok_or(Reason::NoScale)?;
            let (Some(actual_rank), Some(target_rank)) = (scale.rank(actual_level), scale.rank(level)) else {
                return Err(Reason::NotALevel { level: actual_level.to_string(), scale: scale.id.clone() });
            };
            let comparator = target.comparator(polarity).expect("level targets compare");
            Ok(Evaluation {
                outcome: attainment::level(actual_rank, comparator, target_rank),
                reference: None,
                deviation: None,
                reason: None,
            })
        }
        Target::YesNo(expected) => {
            let done = match actual.value {
                Value::YesNo(done) => done,
                // A completion date says the thing was done: read on a `date` indicator, whose
                // yes/no target of another year asks only whether it was.
                Value::Date(_) => true,
                _ => return Err(wrong_kind(Needed::YesNo)),
            };
            Ok(Evaluation {
                outcome: attainment::yes_no(done, *expected),
                reference: None,
                deviation: None,
                reason: None,
            })
        }
        Target::Qualitative(_) => {
            let outcome = match &actual.value {
                Value::YesNo(done) => attainment::yes_no(*done, true),
                Value::Level(judged) if unit == Unit::Level => {
                    let scale = indicator.rare().scale.map(|s| &plan.scales[s]).ok_or(Reason::NoScale)?;
                    let rank = scale
                        .rank(judged)
                        .ok_or_else(|| Reason::NotALevel { level: judged.to_string(), scale: scale.id.clone() })?;
                    // The highest level is the result reached.
                    attainment::level(rank, Comparator::AtLeast, scale.levels.len() - 1)
                }
                _ => return Err(wrong_kind(Needed::Judgment)),
            };
            Ok(Evaluation { outcome, reference: None, deviation: None, reason: None })
        }
        Target::Baseline => unreachable!("baseline years are not evaluated"),
        Target::Increment { .. } | Target::Parts(_) => unreachable!("compound targets are scored by parts"),
    }
}

/// Whether [`findings`] can find anything in a plan's results: only under `--strict` or with
/// `missing-data = "error"`. When it cannot, the texts its findings quote (the plan's and the
/// actuals') need not be kept until the plan is scored.
pub fn has_findings(plan: &Plan, strict: bool) -> bool {
    strict || plan.scoring.missing_data == MissingData::Error
}

/// Findings that fail a run: missing data under `missing-data = "error"`, and under `--strict`
/// every missing expected actual and every missed or partial indicator without a note. None
/// when [`has_findings`] says so.
pub fn findings(
    plan: &Plan,
    plan_source: &SourceFile,
    actuals_sources: &[SourceFile],
    scorecard: &Scorecard,
    strict: bool,
) -> Vec<Diagnostic> {
    if !has_findings(plan, strict) {
        return Vec::new();
    }
    let missing_is_error = strict || scorecard.rules.missing_data == MissingData::Error;
    let is_missing =
        |score: &IndicatorScore| missing_is_error && matches!(score.status, Status::Missing | Status::NotMeasurable);
    // A reassessed result is explained by its override's reason.
    let is_unexplained = |score: &IndicatorScore| {
        strict
            && matches!(score.status, Status::Partial | Status::Missed)
            && score.note().is_none()
            && score.overridden.is_none()
    };
    // Counted first: a big plan's findings can be tens of thousands, each of some 200 bytes, and
    // a vector grown by doubling holds twice as many at its last growth.
    let count: usize =
        scorecard.indicators.iter().map(|s| usize::from(is_missing(s)) + usize::from(is_unexplained(s))).sum();
    let mut diagnostics: Vec<Diagnostic> = Vec::with_capacity(count);
    // The findings at a row of actuals, each with its file and line: their lines are found once
    // all are known ([`locate_rows`]).
    let mut at_rows: Vec<(usize, usize, u32)> = Vec::with_capacity(count);
    for score in &scorecard.indicators {
        let node = plan.node(score.node);
        let year = scorecard.period;
        if is_missing(score) {
            // A row read makes a missing value `n.d.`; no row, no value at all. What makes a
            // value not measurable is the score's own reason, nested in the message (its numbers
            // written the way of the plan's language).
            let reason = score.reason.as_deref().unwrap_or(&Reason::NoActual);
            let message = match (score.status, score.place) {
                (Status::NotMeasurable, _) => {
                    msg!("missing-actual-not-measurable").message("reason", reason.message(plan.metadata.lang()))
                }
                (_, Some(_)) => msg!("missing-actual-not-available"),
                (_, None) => msg!("missing-actual-no-value"),
            };
            let message = message.arg("id", &node.id).arg("year", year);
            let help = if strict { msg!("missing-actual-help-strict") } else { msg!("missing-actual-help") };
            let mut diagnostic = Diagnostic::new(Code::MissingActual, message).with_help(help);
            match score.place {
                Some((file, line)) => at_rows.push((diagnostics.len(), file, line)),
                None => diagnostic = diagnostic.at(plan_source, &node.span),
            }
            diagnostics.push(diagnostic);
        }
        if is_unexplained(score) {
            let message = msg!("unexplained-deviation", id = &node.id, year = year, status = score.status.as_str());
            let diagnostic =
                Diagnostic::new(Code::UnexplainedDeviation, message).with_help(msg!("unexplained-deviation-help"));
            if let Some((file, line)) = score.place {
                at_rows.push((diagnostics.len(), file, line));
            }
            diagnostics.push(diagnostic);
        }
    }
    locate_rows(&mut diagnostics, &at_rows, actuals_sources);
    diagnostics
}

/// Points each diagnostic of `at_rows` (its index, the file and the line of its row) at its row,
/// the lines of each file found in one pass over its text ([`SourceFile::line_texts`]): the
/// findings of a big actuals file quote some of its million rows, and the start of every line
/// would take 8 MB.
fn locate_rows(diagnostics: &mut [Diagnostic], at_rows: &[(usize, usize, u32)], sources: &[SourceFile]) {
    for (file, source) in sources.iter().enumerate() {
        let rows: Vec<(usize, usize)> =
            at_rows.iter().filter(|row| row.1 == file).map(|&(at, _, line)| (at, line as usize)).collect();
        if rows.is_empty() {
            continue;
        }
        let lines: Vec<usize> = rows.iter().map(|&(_, line)| line).collect();
        for (&(at, line), text) in rows.iter().zip(source.line_texts(&lines)) {
            let location = crate::diagnostic::Location::in_line(source.name(), line, 1, 0, text.chars().count(), text);
            diagnostics[at].location = Some(location);
        }
    }
}

/// Whether an indicator is part of the operational plan.
pub(crate) fn is_operational(plan: &Plan, node: NodeIndex) -> bool {
    plan.node(node).indicator().is_some_and(|i| i.level == IndicatorLevel::Operational)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> SourceFile {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        SourceFile::new(path, std::fs::read_to_string(root.join(path)).expect("a file of the project"))
    }

    /// Every plan of the project with its actual values, read: what scoring is compared on.
    pub(super) fn project_inputs() -> Vec<(SourceFile, Vec<SourceFile>)> {
        let cases: &[(&str, &[&str])] = &[
            ("tests/fixtures/score/plan.toml", &["tests/fixtures/score/actuals.csv"]),
            ("plans/maremma-tirreno-2019.toml", &["examples/actuals-2016-2018.csv", "examples/actuals-2019.csv"]),
            ("examples/camera-commercio-2024.toml", &["examples/camera-commercio-2024-consuntivi.csv"]),
            ("examples/comune-2024.toml", &["examples/comune-2024-consuntivi.csv"]),
            ("examples/ministero-2024.toml", &["examples/ministero-2024-consuntivi.csv"]),
            ("examples/piano-triennale-2024.toml", &["examples/piano-triennale-2024-consuntivi.csv"]),
        ];
        cases.iter().map(|(plan, actuals)| (read(plan), actuals.iter().map(|path| read(path)).collect())).collect()
    }

    /// The findings of `--strict` (the seed's 2019, every deviation without a note) are held
    /// in a vector made at their number: a big plan's are tens of thousands.
    #[test]
    fn findings_are_held_without_spare_room() {
        let inputs = project_inputs();
        let (plan_source, actuals_sources) = &inputs[1];
        let plan = crate::check_plan(plan_source).plan.expect("the seed plan");
        let (actuals, _) = crate::actuals::read(&plan, actuals_sources);
        let scorecard = score(&plan, &actuals, 2019);
        let strict = findings(&plan, plan_source, actuals_sources, &scorecard, true);
        assert!(strict.len() > 1, "{} findings", strict.len());
        assert_eq!(strict.capacity(), strict.len());
        assert!(findings(&plan, plan_source, actuals_sources, &scorecard, false).len() < strict.len());
    }

    /// Scoring any period against the actuals read keeping only [`periods_read`] gives what it
    /// gives against every value; a value of another period asked for would fail the debug
    /// assertion of [`Actuals::get_at`].
    #[test]
    fn scoring_reads_only_the_periods_it_names() {
        let mut inputs = project_inputs();
        // Every way a target reaches another period's actual: a year before, two years before,
        // a change over a year's actual (not a recorded base), an increment over the year
        // before; in a year and in a semester.
        let plan = r#"
[plan]
body = "Comune di Esempio"
title = "Piano"
year = 2019
horizon = [2016, 2020]

[[mission]]
id = "M1"
name = "Missione"

[[strategic-objective]]
id = "S1"
mission = "M1"
name = "Obiettivo"

[[indicator]]
id = "S1.1"
objective = "S1"
name = "Pratiche"
unit = "count"
polarity = "increase"
targets = { 2018 = "x ≥ x-1", 2019 = "x ≥ x-2", "2019-S1" = "x ≥ x-1", 2020 = "+10% rispetto al 2017" }

[[indicator]]
id = "S1.2"
objective = "S1"
name = "Imprese"
unit = "count"
polarity = "increase"
targets = { 2019 = "+5 per un totale di almeno 40", "2019-S1" = "+5% rispetto al 2017", 2020 = "+2 rispetto all'anno precedente" }
"#;
        let mut actuals = String::from("indicator,year,value\n");
        for (n, period) in ["2016", "2017", "2018", "2019", "2020", "2017-S1", "2018-S1", "2019-S1"].iter().enumerate()
        {
            actuals.push_str(&format!("S1.1,{period},{}\nS1.2,{period},{}\n", 30 + 3 * n, 36 + n));
        }
        inputs.push((SourceFile::new("plan.toml", plan), vec![SourceFile::new("actuals.csv", actuals)]));
        let mut compared = 0;
        let mut narrowed = 0;
        for (plan_source, sources) in &inputs {
            let checked = crate::check_plan(plan_source);
            let plan_path = plan_source.name();
            let plan = checked.plan.unwrap_or_else(|| panic!("{plan_path}: {:#?}", checked.diagnostics));
            let (all, findings) = crate::actuals::read(&plan, sources);
            assert!(!crate::diagnostic::has_errors(&findings), "{plan_path}: {findings:#?}");
            for year in plan.metadata.horizon() {
                let parts = [
                    crate::period::PeriodPart::Year,
                    crate::period::PeriodPart::Semester(1),
                    crate::period::PeriodPart::Semester(2),
                    crate::period::PeriodPart::Quarter(3),
                ];
                for part in parts {
                    let period = Period { year, part };
                    let periods = periods_read(&plan, period);
                    assert!(periods.contains(&period));
                    narrowed += usize::from(periods.len() > 1);
                    let (some, _) = crate::actuals::read_for(&plan, sources, &periods);
                    let expected = format!("{:?}", score_period(&plan, &all, period));
                    assert_eq!(format!("{:?}", score_period(&plan, &some, period)), expected, "{plan_path} {period}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 50 && narrowed > 5, "{compared} periods, {narrowed} reading others");
    }
}
