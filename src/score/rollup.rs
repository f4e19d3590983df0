//! Roll-up: a node's attainment is the weighted mean of its scored children.
//!
//! Weights are relative and renormalised over the children that have a score: a child that is
//! unscored (baseline, removed, no target, not applicable, and — under `missing-data =
//! "exclude"` — missing) is left out of both the sum and the weights, and counted in the
//! coverage instead. A child of weight 0 in the year is left out of the mean and of the
//! coverage: it is in the plan, not in the roll-up. An override sets a node's attainment
//! (reassessed) or leaves the node out of its parent's roll-up and coverage altogether
//! (neutralised), as it does for indicators.
//!
//! The body's score, and each perspective's, is the weighted mean of the population the plan's
//! `[scoring] body` names: the strategic objectives (by their own indicators), the operational
//! objectives, or every indicator.

use rust_decimal::Decimal;

use crate::period::Period;
use crate::plan::{BodyRule, GroupWeights, Level, NodeIndex, Plan};

use super::{IndicatorScore, Overridden, Overrides, is_operational};
use crate::plan::Outcome;

/// A rolled-up attainment with its coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rollup {
    /// The weighted mean of the scored children (unrounded); `None` when none of weight above 0
    /// has a score.
    pub attainment: Option<Decimal>,
    /// Indicators below with a score (met, partial or missed), in the roll-up.
    pub scored: usize,
    /// Indicators below expected this year (scored, missing or not measurable), in the roll-up.
    pub expected: usize,
}

/// The result of a mission, objective or program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeScore {
    /// The node.
    pub node: NodeIndex,
    /// Its roll-up: for a strategic objective, of its own (dashboard) indicators. An override
    /// sets its attainment (none when neutralised).
    pub rollup: Rollup,
    /// For a strategic objective, the roll-up of the objectives and programs below it (the
    /// operational plan), shown beside the strategic one.
    pub operational: Option<Rollup>,
    /// The override that set the result, with the attainment computed before it (boxed, as
    /// [`super::IndicatorScore::overridden`]).
    pub overridden: Option<Box<Overridden>>,
}

impl NodeScore {
    /// Whether an override leaves the node out of its parent's roll-up.
    pub fn is_neutralised(&self) -> bool {
        self.overridden.as_ref().is_some_and(|o| o.decision.outcome == Outcome::Neutralised)
    }
}

/// The result of a perspective, an area or a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupScore {
    /// The perspective's, area's or service's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The roll-up of its nodes or indicators.
    pub rollup: Rollup,
}

/// Weighted mean of (weight, attainment) pairs, renormalised over those with an attainment.
///
/// Weights and attainments are bounded when read, but their products can still exceed a
/// decimal (weights near 10^15 with a large cap): then every weight is first divided by the
/// largest, which gives the same mean without the large products.
pub fn weighted_mean(children: impl IntoIterator<Item = (Decimal, Option<Decimal>)>) -> Option<Decimal> {
    let scored: Vec<(Decimal, Decimal)> =
        children.into_iter().filter_map(|(weight, attainment)| attainment.map(|a| (weight, a))).collect();
    let mean = |pairs: &mut dyn Iterator<Item = (Decimal, Decimal)>| {
        let mut mean = Mean::default();
        pairs.for_each(|(weight, attainment)| mean.add(weight, attainment));
        mean.finish()
    };
    if let Some(result) = mean(&mut scored.iter().copied()) {
        return result;
    }
    let largest = scored.iter().map(|(weight, _)| weight.abs()).max().filter(|w| !w.is_zero())?;
    mean(&mut scored.iter().map(|&(weight, attainment)| (weight / largest, attainment))).flatten()
}

/// A weighted mean summed a pair at a time, in the pairs' order: the sum of the products and
/// the sum of the weights, until one of them exceeds a decimal.
#[derive(Debug, Clone, Copy, Default)]
struct Mean {
    sum: Decimal,
    weights: Decimal,
    exceeded: bool,
}

impl Mean {
    fn add(&mut self, weight: Decimal, attainment: Decimal) {
        if self.exceeded {
            return;
        }
        let sum = weight.checked_mul(attainment).and_then(|product| self.sum.checked_add(product));
        match (sum, self.weights.checked_add(weight)) {
            (Some(sum), Some(weights)) => (self.sum, self.weights) = (sum, weights),
            _ => self.exceeded = true,
        }
    }

    /// The mean (`None` inside when no weight was summed); `None` when a sum or the quotient
    /// exceeds a decimal, for [`weighted_mean`] to compute again with the weights scaled down.
    fn finish(self) -> Option<Option<Decimal>> {
        if self.exceeded {
            return None;
        }
        Some(if self.weights.is_zero() { None } else { Some(self.sum.checked_div(self.weights)?) })
    }
}

/// The roll-up of indicators summed an indicator at a time (areas and services, which take
/// every indicator of the plan in one pass): what [`of_weighted`] gives of the same scores in
/// the same order, or `None` where the sums exceed a decimal and it must be asked.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    mean: Mean,
    scored: usize,
    expected: usize,
}

impl Tally {
    fn add(&mut self, weight: Decimal, score: &IndicatorScore) {
        if weight.is_zero() {
            return;
        }
        if let Some(attainment) = score.attainment {
            self.mean.add(weight, attainment);
        }
        self.scored += usize::from(score.status.is_scored());
        self.expected += usize::from(score.status.is_expected());
    }

    fn finish(self) -> Option<Rollup> {
        Some(Rollup { attainment: self.mean.finish()?, scored: self.scored, expected: self.expected })
    }
}

/// The roll-up of indicators with the weight each has in it: a child of weight 0 is out of the
/// mean and of the coverage.
fn of_weighted(scores: &[(Decimal, &IndicatorScore)]) -> Rollup {
    let counted: Vec<&(Decimal, &IndicatorScore)> = scores.iter().filter(|(w, _)| !w.is_zero()).collect();
    Rollup {
        attainment: weighted_mean(counted.iter().map(|(w, s)| (*w, s.attainment))),
        scored: counted.iter().filter(|(_, s)| s.status.is_scored()).count(),
        expected: counted.iter().filter(|(_, s)| s.status.is_expected()).count(),
    }
}

fn of_indicators(scores: &[&IndicatorScore]) -> Rollup {
    of_weighted(&scores.iter().map(|s| (s.weight, *s)).collect::<Vec<_>>())
}

/// The roll-up of child nodes: the weighted mean of their attainments, their coverage summed; a
/// neutralised child, or one of weight 0 in the year, is left out of both.
fn of_nodes(plan: &Plan, nodes: &[&NodeScore], year: i32) -> Rollup {
    let kept: Vec<(Decimal, &&NodeScore)> = nodes
        .iter()
        .filter(|n| !n.is_neutralised())
        .map(|n| (plan.node(n.node).weight_in(year), n))
        .filter(|(weight, _)| !weight.is_zero())
        .collect();
    Rollup {
        attainment: weighted_mean(kept.iter().map(|(weight, n)| (*weight, n.rollup.attainment))),
        scored: kept.iter().map(|(_, n)| n.rollup.scored).sum(),
        expected: kept.iter().map(|(_, n)| n.rollup.expected).sum(),
    }
}

/// A node's result as the plan's override of `year` sets it, if there is one.
fn overridden(mut score: NodeScore, overrides: &Overrides<'_>) -> NodeScore {
    let Some(decision) = overrides.of_node(score.node) else {
        return score;
    };
    score.overridden = Some(Box::new(Overridden {
        decision: decision.clone(),
        computed_attainment: score.rollup.attainment,
        computed_status: None,
    }));
    score.rollup.attainment = match decision.outcome {
        Outcome::Neutralised => None,
        Outcome::Reassessed(attainment) => Some(attainment),
    };
    score
}

/// Every roll-up of a period.
pub(super) struct Rollups {
    pub(super) nodes: Vec<NodeScore>,
    pub(super) body: Rollup,
    pub(super) perspectives: Vec<GroupScore>,
    pub(super) areas: Vec<GroupScore>,
    pub(super) services: Vec<GroupScore>,
}

/// Rolls indicator results up to every node, the body, perspectives, areas and services,
/// applying the overrides of the period's year to objectives and programs.
pub(super) fn roll_up(
    plan: &Plan,
    indicators: &[IndicatorScore],
    period: Period,
    overrides: &Overrides<'_>,
) -> Rollups {
    roll_up_in(plan, indicators, period, overrides, crate::parallel::threads_for(plan.nodes.len()))
}

/// [`roll_up`], the roots' subtrees in at most `shares` runs, each on a core of its own.
fn roll_up_in(
    plan: &Plan,
    indicators: &[IndicatorScore],
    period: Period,
    overrides: &Overrides<'_>,
    shares: usize,
) -> Rollups {
    let year = period.year;
    let mut by_node: Vec<Option<&IndicatorScore>> = vec![None; plan.nodes.len()];
    for score in indicators {
        by_node[score.node.0] = Some(score);
    }
    // A slot for each node above the indicators: a plan of national scale has a hundred
    // thousand indicators, which have no roll-up.
    let mut slots: Vec<u32> = vec![u32::MAX; plan.nodes.len()];
    let mut above = 0u32;
    for (node, slot) in plan.nodes.iter().zip(&mut slots) {
        if node.level() != Level::Indicator {
            *slot = above;
            above += 1;
        }
    }
    let slot = |index: NodeIndex| slots.get(index.0).copied().filter(|&s| s != u32::MAX).map(|s| s as usize);
    // Tree order: each root, then its descendants.
    let order: Vec<NodeIndex> = plan.walk().collect();
    // A strategic objective has an operational roll-up beside its own when the plan has an
    // operational plan at all (programs or operational objectives), even an empty one.
    let operational_plan = plan.nodes.iter().any(|n| matches!(n.level(), Level::Program | Level::OperationalObjective));
    // The nodes of a run of whole subtrees of `order`, children before parents (the reverse of
    // tree order), each held in its slot until its parent takes it; given back in tree order.
    let roll = |run: &std::ops::Range<usize>| -> Vec<NodeScore> {
        let mut rollups: Vec<Option<NodeScore>> = vec![None; above as usize];
        for &index in order[run.clone()].iter().rev() {
            let node = plan.node(index);
            if node.level() == Level::Indicator {
                continue;
            }
            let indicator_children: Vec<&IndicatorScore> = node.children.iter().filter_map(|c| by_node[c.0]).collect();
            let node_children: Vec<&NodeScore> =
                node.children.iter().filter_map(|&c| rollups[slot(c)?].as_ref()).collect();
            // A strategic objective's own attainment is its dashboard's; the objectives and
            // programs below it are its operational plan, beside it. Every other node rolls up
            // its children.
            let (rollup, operational) = match node.level() {
                Level::StrategicObjective => {
                    (of_indicators(&indicator_children), operational_plan.then(|| of_nodes(plan, &node_children, year)))
                }
                _ if node_children.is_empty() => (of_indicators(&indicator_children), None),
                _ => (of_nodes(plan, &node_children, year), None),
            };
            let score = NodeScore { node: index, rollup, operational, overridden: None };
            if let Some(at) = slot(index) {
                rollups[at] = Some(overridden(score, overrides));
            }
        }
        order[run.clone()].iter().filter_map(|&i| rollups[slot(i)?].take()).collect()
    };
    // The roots' subtrees are apart from one another: a big plan's are shared among the cores,
    // in runs of about the same number of nodes.
    let runs = subtree_runs(plan, &order, shares);
    let nodes: Vec<NodeScore> = crate::parallel::map_each(&runs, roll).into_iter().flatten().collect();
    let population = |level: Level, within: &dyn Fn(NodeIndex) -> bool| -> Rollup {
        let nodes: Vec<&NodeScore> =
            nodes.iter().filter(|score| plan.node(score.node).level() == level && within(score.node)).collect();
        of_nodes(plan, &nodes, year)
    };
    let rule_over = |within: &dyn Fn(NodeIndex) -> bool| -> Rollup {
        match plan.scoring.body {
            BodyRule::StrategicObjectives => population(Level::StrategicObjective, within),
            BodyRule::OperationalObjectives => population(Level::OperationalObjective, within),
            BodyRule::Indicators => of_indicators(&indicators.iter().filter(|s| within(s.node)).collect::<Vec<_>>()),
        }
    };
    let body = rule_over(&|_| true);
    let perspectives = plan
        .perspectives
        .iter()
        .enumerate()
        .map(|(p, perspective)| GroupScore {
            id: perspective.id.clone(),
            name: perspective.name.clone(),
            rollup: rule_over(&|i| plan.perspective_of(i) == Some(p)),
        })
        .collect();
    let (areas, services) = groups(plan, indicators);
    Rollups { nodes, body, perspectives, areas, services }
}

/// `order` (the plan in tree order) cut into at most `shares` runs of whole subtrees of the
/// roots, each of about the same number of nodes: all of it in one run for one share.
fn subtree_runs(plan: &Plan, order: &[NodeIndex], shares: usize) -> Vec<std::ops::Range<usize>> {
    let size = order.len().div_ceil(shares.max(1));
    let mut runs = Vec::with_capacity(shares);
    let mut start = 0;
    for (at, &index) in order.iter().enumerate() {
        // A run ends where a root starts, once it holds its share of the nodes.
        if at - start >= size && plan.node(index).parent.is_none() {
            runs.push(start..at);
            start = at;
        }
    }
    runs.push(start..order.len());
    runs
}

/// Areas and services: their operational indicators (an indicator of the dashboard never counts
/// for them, whatever services it names); a cross-cutting one counts for all. An indicator
/// weighs its weight as written, or its share of its objective (`group-weights = "share"`).
fn groups(plan: &Plan, indicators: &[IndicatorScore]) -> (Vec<GroupScore>, Vec<GroupScore>) {
    groups_by(plan, indicators, true)
}

/// [`groups`], every group summed in one pass over the indicators when `tallied` (as scoring
/// does), else each group apart from a list of its indicators (what the tests compare with).
fn groups_by(plan: &Plan, indicators: &[IndicatorScore], tallied: bool) -> (Vec<GroupScore>, Vec<GroupScore>) {
    let operational: Vec<&IndicatorScore> = indicators.iter().filter(|s| is_operational(plan, s.node)).collect();
    // For shares: the weights of each objective's indicators that enter its mean (scored, of
    // weight above 0), summed once by objective in the indicators' order (not again for each
    // indicator of each area and service, which a plan of 100,000 indicators took minutes to do).
    // The slot past the nodes' is for indicators without a parent.
    let mut siblings: Vec<Decimal> = Vec::new();
    let slot = |score: &IndicatorScore| plan.node(score.node).parent.map_or(plan.nodes.len(), |parent| parent.0);
    if plan.scoring.group_weights == GroupWeights::Share {
        siblings = vec![Decimal::ZERO; plan.nodes.len() + 1];
        for score in indicators.iter().filter(|s| s.attainment.is_some()) {
            siblings[slot(score)] += score.weight;
        }
    }
    let weight = |score: &IndicatorScore| -> Decimal {
        if plan.scoring.group_weights == GroupWeights::AsWritten {
            return score.weight;
        }
        // The share of the objective: its weight over those of the objective's indicators that
        // enter the objective's mean.
        let siblings = siblings[slot(score)];
        if siblings.is_zero() { Decimal::ZERO } else { score.weight / siblings }
    };
    let assigned = |belongs: &dyn Fn(&crate::plan::Indicator) -> bool| -> Rollup {
        let scores: Vec<(Decimal, &IndicatorScore)> = operational
            .iter()
            .filter(|s| plan.node(s.node).indicator().is_some_and(|i| i.cross_cutting || belongs(i)))
            .map(|s| (weight(s), *s))
            .collect();
        of_weighted(&scores)
    };
    // Every area and service summed in one pass over the indicators (a plan of a hundred
    // thousand indicators and fifty services is not read fifty times), in the indicators' order:
    // what `assigned` gives, which is asked only where the sums exceed a decimal.
    let mut area_tallies = vec![Tally::default(); plan.areas.len()];
    let mut service_tallies = vec![Tally::default(); plan.services.len()];
    for score in operational.iter().filter(|_| tallied) {
        let Some(indicator) = plan.node(score.node).indicator() else { continue };
        let weight = weight(score);
        if indicator.cross_cutting {
            area_tallies.iter_mut().chain(&mut service_tallies).for_each(|tally| tally.add(weight, score));
            continue;
        }
        // An area or service named twice counts once, as it does for `assigned`.
        for (tallies, named) in [(&mut area_tallies, &indicator.areas), (&mut service_tallies, &indicator.services)] {
            for (n, &group) in named.iter().enumerate() {
                if !named[..n].contains(&group)
                    && let Some(tally) = tallies.get_mut(group)
                {
                    tally.add(weight, score);
                }
            }
        }
    }
    let areas = plan
        .areas
        .iter()
        .zip(area_tallies)
        .enumerate()
        .map(|(a, (area, tally))| GroupScore {
            id: area.id.clone(),
            name: area.name.clone(),
            rollup: tally.finish().filter(|_| tallied).unwrap_or_else(|| assigned(&|i| i.areas.contains(&a))),
        })
        .collect();
    let services = plan
        .services
        .iter()
        .zip(service_tallies)
        .enumerate()
        .map(|(s, (service, tally))| GroupScore {
            id: service.id.clone(),
            name: service.name.clone(),
            rollup: tally.finish().filter(|_| tallied).unwrap_or_else(|| assigned(&|i| i.services.contains(&s))),
        })
        .collect();
    (areas, services)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn weights_are_renormalised_over_scored_children() {
        // (2 × 90 + 1 × 60) / 3 = 80; the unscored child and its weight are left out.
        assert_eq!(
            weighted_mean([(dec!(2), Some(dec!(90))), (dec!(1), Some(dec!(60))), (dec!(5), None)]),
            Some(dec!(80))
        );
        assert_eq!(weighted_mean([(dec!(1), None)]), None);
        // Weight 0 keeps a child out.
        assert_eq!(weighted_mean([(dec!(0), Some(dec!(10))), (dec!(1), Some(dec!(70)))]), Some(dec!(70)));
        assert_eq!(weighted_mean([(dec!(0), Some(dec!(10)))]), None);
    }

    #[test]
    fn large_weights_give_the_same_mean() {
        let large = dec!(999_999_999_999_999);
        let cap = dec!(999_999_999_999_999);
        assert_eq!(weighted_mean([(large, Some(cap)), (large, Some(cap))]), Some(cap));
        assert_eq!(weighted_mean([(large, Some(dec!(90))), (large, Some(dec!(60)))]), Some(dec!(75)));
    }

    /// Areas and services summed in one pass give what each summed apart gives, for every plan
    /// of the project scored against its actuals, with each way of weighing an indicator.
    #[test]
    fn groups_summed_in_one_pass_are_those_summed_apart() {
        // Areas and services named twice, a cross-cutting indicator, one of weight 0, and one
        // of the dashboard, which counts for none.
        let plan = r#"
[plan]
body = "Comune di Esempio"
title = "Piano"
year = 2024
horizon = [2024, 2024]

[[area]]
id = "A"

[[area]]
id = "B"

[[service]]
id = "s1"
name = "Uno"
area = "A"

[[service]]
id = "s2"
name = "Due"
area = "B"

[[mission]]
id = "M1"
name = "Missione"

[[strategic-objective]]
id = "S1"
mission = "M1"
name = "Obiettivo strategico"

[[indicator]]
id = "S1.1"
objective = "S1"
name = "Del cruscotto"
unit = "percent"
target = "≥ 90%"
services = ["s1"]

[[operational-objective]]
id = "O1"
strategic-objective = "S1"
name = "Obiettivo operativo"

[[indicator]]
id = "O1.1"
objective = "O1"
name = "Due volte lo stesso servizio"
unit = "percent"
target = "≥ 90%"
services = ["s1", "s1", "s2"]
area = ["A", "A"]
weight = 3

[[indicator]]
id = "O1.2"
objective = "O1"
name = "Trasversale"
unit = "percent"
target = "≥ 90%"
cross-cutting = true

[[indicator]]
id = "O1.3"
objective = "O1"
name = "Di peso nullo"
unit = "percent"
target = "≥ 90%"
services = ["s2"]
weight = 0
"#;
        let actuals = "indicator,year,value\nS1.1,2024,50\nO1.1,2024,60\nO1.2,2024,95\nO1.3,2024,10\n";
        let inline =
            (crate::source::SourceFile::new("plan.toml", plan), vec![crate::source::SourceFile::new("a.csv", actuals)]);
        let mut compared = 0;
        for (source, sources) in super::super::tests::project_inputs().into_iter().chain([inline]) {
            let checked = crate::check_plan(&source);
            let name = source.name();
            let mut plan = checked.plan.unwrap_or_else(|| panic!("{name} is valid: {:?}", checked.diagnostics));
            let (actuals, _) = crate::actuals::read(&plan, &sources);
            for weights in [GroupWeights::AsWritten, GroupWeights::Share] {
                plan.scoring.group_weights = weights;
                for year in plan.metadata.horizon() {
                    let scorecard = super::super::score(&plan, &actuals, year);
                    let tallied = groups_by(&plan, &scorecard.indicators, true);
                    assert_eq!(tallied, groups_by(&plan, &scorecard.indicators, false), "{year}");
                    compared += tallied.0.len() + tallied.1.len();
                }
            }
        }
        assert!(compared > 100, "{compared}");
    }

    /// The roll-ups are the same however the roots' subtrees are shared among threads, for
    /// every plan of the project scored against its actuals in every year.
    #[test]
    fn subtrees_rolled_up_apart_give_the_same_results() {
        // Eight missions of one objective of two indicators, and an operational objective of one.
        let mut many =
            String::from("[plan]\nbody = \"Comune\"\ntitle = \"Piano\"\nyear = 2024\nhorizon = [2024, 2024]\n\n");
        let mut rows = String::from("indicator,year,value\n");
        for m in 0..8 {
            many.push_str(&format!(
                "[[mission]]\nid = \"M{m}\"\nname = \"Missione {m}\"\n\n\
                 [[strategic-objective]]\nid = \"S{m}\"\nmission = \"M{m}\"\nname = \"Obiettivo {m}\"\n\n\
                 [[operational-objective]]\nid = \"O{m}\"\nstrategic-objective = \"S{m}\"\nname = \"Operativo {m}\"\nweight = {w}\n\n",
                w = m % 3,
            ));
            for (i, objective) in [(1, 'S'), (2, 'S'), (3, 'O')] {
                many.push_str(&format!(
                    "[[indicator]]\nid = \"{objective}{m}.{i}\"\nobjective = \"{objective}{m}\"\n\
                     name = \"Indicatore {m}.{i}\"\nunit = \"percent\"\ntarget = \"≥ 90%\"\n\n"
                ));
                rows.push_str(&format!("{objective}{m}.{i},2024,{}\n", 40 + 7 * m + i));
            }
        }
        let generated =
            [(crate::source::SourceFile::new("many.toml", many), vec![crate::source::SourceFile::new("a.csv", rows)])];
        let mut runs = 0;
        for (source, sources) in super::super::tests::project_inputs().into_iter().chain(generated) {
            let checked = crate::check_plan(&source);
            let path = source.name();
            let plan = checked.plan.unwrap_or_else(|| panic!("{path}: {:?}", checked.diagnostics));
            let (actuals, _) = crate::actuals::read(&plan, &sources);
            let order: Vec<NodeIndex> = plan.walk().collect();
            for year in plan.metadata.horizon() {
                let scorecard = super::super::score(&plan, &actuals, year);
                let period = Period::year(year);
                let overrides = Overrides::of(&plan, period);
                let whole = roll_up_in(&plan, &scorecard.indicators, period, &overrides, 1);
                for shares in [2, 3, 7] {
                    runs = runs.max(subtree_runs(&plan, &order, shares).len());
                    let apart = roll_up_in(&plan, &scorecard.indicators, period, &overrides, shares);
                    assert_eq!(apart.nodes, whole.nodes, "{path} {year} {shares}");
                    assert_eq!((apart.body, &apart.perspectives), (whole.body, &whole.perspectives));
                    assert_eq!((&apart.areas, &apart.services), (&whole.areas, &whole.services));
                }
            }
        }
        // Some plan was cut into several runs.
        assert!(runs >= 3, "{runs}");
    }

    fn score_of(status: super::super::Status, attainment: Option<Decimal>) -> IndicatorScore {
        IndicatorScore {
            node: NodeIndex(0),
            target: None,
            reference: None,
            actual: None,
            attainment,
            status,
            reason: None,
            deviation: None,
            weight: Decimal::ONE,
            remarks: None,
            place: None,
            overridden: None,
            parts: Vec::new(),
            band: None,
        }
    }

    proptest::proptest! {
        /// A tally gives what [`of_weighted`] gives of the same scores, or nothing where the sums
        /// exceed a decimal (then `of_weighted` is asked).
        #[test]
        fn a_tally_is_the_roll_up_of_its_scores(
            scores in proptest::collection::vec(
                (0i64..=999_999_999_999_999, 0u32..=6, proptest::option::of(0i64..=999_999_999_999_999), 0usize..4),
                0..30,
            ),
            large in proptest::bool::ANY,
        ) {
            use super::super::Status;
            let statuses = [Status::Met, Status::Partial, Status::Missing, Status::Baseline];
            let scores: Vec<(Decimal, IndicatorScore)> = scores
                .into_iter()
                .map(|(w, s, a, status)| {
                    // Large attainments make products that exceed a decimal.
                    let attainment = a.map(|a| Decimal::new(a, if large { 0 } else { 10 }));
                    (Decimal::new(w, s), score_of(statuses[status], attainment))
                })
                .collect();
            let mut tally = Tally::default();
            scores.iter().for_each(|(weight, score)| tally.add(*weight, score));
            let pairs: Vec<(Decimal, &IndicatorScore)> = scores.iter().map(|(w, s)| (*w, s)).collect();
            match tally.finish() {
                Some(rollup) => proptest::prop_assert_eq!(rollup, of_weighted(&pairs)),
                None => proptest::prop_assert!(large),
            }
        }

        #[test]
        fn the_mean_never_panics_and_lies_between_its_values(
            pairs in proptest::collection::vec(
                (0i64..=999_999_999_999_999, 0u32..=10, proptest::option::of(0i64..=999_999_999_999_999)),
                0..20,
            )
        ) {
            let pairs: Vec<(Decimal, Option<Decimal>)> =
                pairs.into_iter().map(|(w, s, a)| (Decimal::new(w, s), a.map(Decimal::from))).collect();
            if let Some(mean) = weighted_mean(pairs.iter().copied()) {
                let values = pairs.iter().filter(|(w, _)| !w.is_zero()).filter_map(|(_, a)| *a);
                let (low, high) = values.fold((Decimal::MAX, Decimal::MIN), |(l, h), v| (l.min(v), h.max(v)));
                proptest::prop_assert!(low - dec!(0.000001) <= mean && mean <= high + dec!(0.000001));
            }
        }
    }
}
