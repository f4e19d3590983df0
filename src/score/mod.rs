//! Scoring: every indicator's attainment for a year, rolled up with weights to objectives,
//! programs, missions, areas, services and the whole body.
//!
//! Pure functions of a [`Plan`], its [`Actuals`] and a year, all arithmetic in `Decimal`. The
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
use crate::plan::{self, IndicatorLevel, MissingData, NodeIndex, Override, Plan, ScoringRules};
use crate::source::SourceFile;
use crate::target::{Comparator, Polarity, Target};
use attainment::Outcome;
pub use reason::{Needed, Reason};
pub use rollup::{GroupScore, NodeScore, Rollup, weighted_mean};

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
        }
    }

    /// Every status, in report order.
    pub const ALL: [Status; 9] = [
        Status::Met,
        Status::Partial,
        Status::Missed,
        Status::Baseline,
        Status::Removed,
        Status::NoTarget,
        Status::Missing,
        Status::NotMeasurable,
        Status::Neutralised,
    ];

    /// Met, partial or missed: compared with its target.
    pub fn is_scored(self) -> bool {
        matches!(self, Status::Met | Status::Partial | Status::Missed)
    }

    /// Expected to be scored this year: scored, missing or not measurable.
    pub fn is_expected(self) -> bool {
        self.is_scored() || matches!(self, Status::Missing | Status::NotMeasurable)
    }
}

/// One indicator's result for the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorScore {
    /// The indicator.
    pub node: NodeIndex,
    /// Its target for the year.
    pub target: Option<Target>,
    /// The number the actual was compared with: the target's number, last year's actual, the
    /// benchmark, or the benchmark moved by the tolerance.
    pub reference: Option<Decimal>,
    /// The actual value, when given.
    pub actual: Option<Value>,
    /// Attainment in percent (unrounded); `None` when not scored.
    pub attainment: Option<Decimal>,
    /// The status.
    pub status: Status,
    /// Why it is unscored, or what it was compared with.
    pub reason: Option<Reason>,
    /// Actual − reference (days late for deadlines): the "scostamento".
    pub deviation: Option<Decimal>,
    /// The indicator's weight.
    pub weight: Decimal,
    /// The note given with the actual.
    pub note: Option<String>,
    /// Where the actual comes from (the `source` column).
    pub source: Option<String>,
    /// Where the actual was read: (file index, line).
    pub place: Option<(usize, u32)>,
    /// The override that set this result, with the result computed before it.
    pub overridden: Option<Overridden>,
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

/// The status a reassessed attainment has, by the thresholds of the indicators: met at 100 or
/// more, partial at or above the partial threshold, missed below.
pub fn status_of_attainment(attainment: Decimal, rules: &ScoringRules) -> Status {
    if attainment >= Decimal::ONE_HUNDRED {
        Status::Met
    } else if attainment >= rules.partial_threshold {
        Status::Partial
    } else {
        Status::Missed
    }
}

/// Every result of a year.
#[derive(Debug, Clone)]
pub struct Scorecard {
    /// The year scored.
    pub year: i32,
    /// The rules applied.
    pub rules: ScoringRules,
    /// Every indicator, in tree order.
    pub indicators: Vec<IndicatorScore>,
    /// Every other node (missions, objectives, programs), in tree order.
    pub nodes: Vec<NodeScore>,
    /// The whole body: the weighted mean of the strategic objectives.
    pub body: Rollup,
    /// Each area: its operational indicators.
    pub areas: Vec<GroupScore>,
    /// Each service: its operational indicators.
    pub services: Vec<GroupScore>,
}

impl Scorecard {
    /// The result of one indicator.
    pub fn indicator(&self, node: NodeIndex) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|score| score.node == node)
    }

    /// The result of one non-indicator node.
    pub fn node(&self, node: NodeIndex) -> Option<&NodeScore> {
        self.nodes.iter().find(|score| score.node == node)
    }

    /// The results set by overrides, with their nodes: the indicators', then the other nodes', in
    /// tree order.
    pub fn overridden(&self) -> impl Iterator<Item = (NodeIndex, &Overridden)> + '_ {
        let indicators = self.indicators.iter().filter_map(|s| Some((s.node, s.overridden.as_ref()?)));
        indicators.chain(self.nodes.iter().filter_map(|s| Some((s.node, s.overridden.as_ref()?))))
    }

    /// How many indicators have each status.
    pub fn status_counts(&self) -> Vec<(Status, usize)> {
        Status::ALL.iter().map(|&s| (s, self.indicators.iter().filter(|i| i.status == s).count())).collect()
    }
}

/// Scores `plan` for `year` with `actuals`, then applies the plan's overrides of that year.
pub fn score(plan: &Plan, actuals: &Actuals, year: i32) -> Scorecard {
    let rules = plan.scoring.clone();
    let indicators: Vec<IndicatorScore> = plan
        .indicators()
        .map(|index| {
            let score = score_indicator(plan, actuals, index, year, &rules);
            match plan.override_of(index, year) {
                Some(decision) => overridden(score, decision, &rules),
                None => score,
            }
        })
        .collect();
    let (nodes, body, areas, services) = rollup::roll_up(plan, &indicators, year);
    Scorecard { year, rules, indicators, nodes, body, areas, services }
}

/// An indicator's result as an override sets it: neutralised (unscored, out of every roll-up)
/// or reassessed (the attainment decided, its status by the thresholds).
fn overridden(mut score: IndicatorScore, decision: &Override, rules: &ScoringRules) -> IndicatorScore {
    score.overridden = Some(Overridden {
        decision: decision.clone(),
        computed_attainment: score.attainment,
        computed_status: Some(score.status),
    });
    match decision.outcome {
        plan::Outcome::Neutralised => {
            score.status = Status::Neutralised;
            score.attainment = None;
        }
        plan::Outcome::Reassessed(attainment) => {
            score.status = status_of_attainment(attainment, rules);
            score.attainment = Some(attainment);
        }
    }
    score
}

fn score_indicator(
    plan: &Plan,
    actuals: &Actuals,
    index: NodeIndex,
    year: i32,
    rules: &ScoringRules,
) -> IndicatorScore {
    let node = plan.node(index);
    let indicator = node.indicator().expect("indicators are scored");
    let actual = actuals.get(index, year);
    let mut score = IndicatorScore {
        node: index,
        target: indicator.targets.get(&year).cloned(),
        reference: None,
        actual: actual.map(|a| a.value.clone()),
        attainment: None,
        status: Status::Missing,
        reason: None,
        deviation: None,
        weight: node.weight,
        note: actual.and_then(|a| a.note.as_deref().map(str::to_owned)),
        source: actual.and_then(|a| a.source.as_deref().map(str::to_owned)),
        place: actual.map(|a| (a.file, a.line)),
        overridden: None,
    };
    let unscored = |mut score: IndicatorScore, status: Status, reason: Reason| {
        score.status = status;
        score.reason = Some(reason);
        if !status.is_scored() && status.is_expected() && rules.missing_data == MissingData::Zero {
            // The weight stays and scores 0, as many measurement systems do.
            score.attainment = Some(Decimal::ZERO);
        }
        score
    };
    if plan.is_removed_in(index, year) {
        let why = removal(plan, index);
        return unscored(score, Status::Removed, why);
    }
    let Some(target) = score.target.clone() else {
        return unscored(score, Status::NoTarget, Reason::NoTarget { year });
    };
    if target.is_baseline() {
        return unscored(score, Status::Baseline, Reason::Baseline);
    }
    let Some(actual) = actual else {
        return unscored(score, Status::Missing, Reason::NoActual);
    };
    if actual.value == Value::NotAvailable {
        return unscored(score, Status::Missing, Reason::NotAvailable);
    }
    match evaluate(plan, actuals, index, year, &target, actual) {
        Err(reason) => unscored(score, Status::NotMeasurable, reason),
        Ok(evaluation) => {
            let Evaluation { outcome, reference, deviation, reason } = evaluation;
            let attainment = if outcome.attainment < rules.floor { Decimal::ZERO } else { outcome.attainment };
            score.status = if outcome.met {
                Status::Met
            } else if attainment >= rules.partial_threshold {
                Status::Partial
            } else {
                Status::Missed
            };
            score.attainment = Some(attainment);
            score.reference = reference;
            score.deviation = deviation;
            score.reason = reason;
            score
        }
    }
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

/// Compares the actual with the target. `Err` says why it cannot be compared.
fn evaluate(
    plan: &Plan,
    actuals: &Actuals,
    index: NodeIndex,
    year: i32,
    target: &Target,
    actual: &Actual,
) -> Result<Evaluation, Reason> {
    let indicator = plan.node(index).indicator().expect("an indicator");
    let rules = &plan.scoring;
    let polarity = indicator.polarity;
    let wrong_kind = |needed: Needed| Reason::WrongKind { needed, target: target.clone(), found: actual.value.clone() };
    let number = || match actual.value {
        Value::Number(number) => Ok(number),
        _ => Err(wrong_kind(Needed::Number)),
    };
    match target {
        Target::Compare { quantity, .. } => {
            let comparator = target.comparator(polarity).expect("numeric targets compare");
            Ok(Evaluation::numeric(number()?, comparator, quantity.value, rules, None))
        }
        Target::Relative { comparator, lag } => {
            let reference_year = year - i32::from(*lag);
            let previous = actuals.get(index, reference_year).map(|a| &a.value);
            let reference = match previous {
                Some(Value::Number(previous)) => *previous,
                Some(Value::NotAvailable) | None => {
                    return Err(Reason::PreviousMissing { year: reference_year, target: target.clone() });
                }
                Some(other) => return Err(Reason::PreviousNotANumber { year: reference_year, found: other.clone() }),
            };
            let reason = Reason::ComparedWithActual { year: reference_year };
            Ok(Evaluation::numeric(number()?, *comparator, reference, rules, Some(reason)))
        }
        Target::Benchmark { .. } => {
            let benchmark = actual.benchmark.ok_or(Reason::NoBenchmark { year })?;
            let comparator = target.comparator(polarity).expect("benchmark targets compare");
            Ok(Evaluation::numeric(number()?, comparator, benchmark, rules, Some(Reason::ComparedWithBenchmark)))
        }
        Target::BenchmarkTolerance { max_deviation } => {
            let benchmark = actual.benchmark.ok_or(Reason::NoBenchmark { year })?;
            let (comparator, threshold) = match polarity {
                Polarity::Increase => (Comparator::AtLeast, benchmark.checked_sub(*max_deviation)),
                Polarity::Decrease => (Comparator::AtMost, benchmark.checked_add(*max_deviation)),
            };
            // Unreachable with the bounds numbers are read with; kept as a reason, not a panic.
            let threshold = threshold.ok_or(Reason::BenchmarkOutOfRange)?;
            let reason = Reason::BenchmarkWithTolerance { benchmark };
            Ok(Evaluation::numeric(number()?, comparator, threshold, rules, Some(reason)))
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
            let scale = indicator.scale.map(|s| &plan.scales[s]).ok_or(Reason::NoScale)?;
            let (Some(actual_rank), Some(target_rank)) = (scale.rank(actual_level), scale.rank(level)) else {
                return Err(Reason::NotALevel { level: actual_level.clone(), scale: scale.id.clone() });
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
        Target::Baseline => unreachable!("baseline years are not evaluated"),
    }
}

/// Findings that fail a run: missing data under `missing-data = "error"`, and under `--strict`
/// every missing expected actual and every missed or partial indicator without a note.
pub fn findings(
    plan: &Plan,
    plan_source: &SourceFile,
    actuals_sources: &[SourceFile],
    scorecard: &Scorecard,
    strict: bool,
) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let missing_is_error = strict || scorecard.rules.missing_data == MissingData::Error;
    for score in &scorecard.indicators {
        let node = plan.node(score.node);
        let year = scorecard.year;
        if missing_is_error && matches!(score.status, Status::Missing | Status::NotMeasurable) {
            // A row read makes a missing value `n.d.`; no row, no value at all. What makes a
            // value not measurable is the score's own reason, nested in the message (its numbers
            // written the way of the plan's language).
            let reason = score.reason.as_ref().unwrap_or(&Reason::NoActual);
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
            diagnostic = match (score.place, score.status) {
                (Some((file, line)), _) => diagnostic.located(actual_location(actuals_sources, file, line)),
                _ => diagnostic.at(plan_source, &node.span),
            };
            diagnostics.push(diagnostic);
        }
        // A reassessed result is explained by its override's reason.
        if strict
            && matches!(score.status, Status::Partial | Status::Missed)
            && score.note.is_none()
            && score.overridden.is_none()
        {
            let message = msg!("unexplained-deviation", id = &node.id, year = year, status = score.status.as_str());
            let mut diagnostic =
                Diagnostic::new(Code::UnexplainedDeviation, message).with_help(msg!("unexplained-deviation-help"));
            if let Some((file, line)) = score.place {
                diagnostic = diagnostic.located(actual_location(actuals_sources, file, line));
            }
            diagnostics.push(diagnostic);
        }
    }
    diagnostics
}

fn actual_location(sources: &[SourceFile], file: usize, line: u32) -> crate::diagnostic::Location {
    let source = &sources[file];
    let line = line as usize;
    let text = source.line_text(line);
    crate::diagnostic::Location::in_line(source.name(), line, 1, 0, text.chars().count(), text)
}

/// Whether an indicator is part of the operational plan.
pub(crate) fn is_operational(plan: &Plan, node: NodeIndex) -> bool {
    plan.node(node).indicator().is_some_and(|i| i.level == IndicatorLevel::Operational)
}
