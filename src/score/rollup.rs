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
    let mean = |pairs: &mut dyn Iterator<Item = (Decimal, Decimal)>| -> Option<Option<Decimal>> {
        let (mut sum, mut weights) = (Decimal::ZERO, Decimal::ZERO);
        for (weight, attainment) in pairs {
            sum = sum.checked_add(weight.checked_mul(attainment)?)?;
            weights = weights.checked_add(weight)?;
        }
        Some(if weights.is_zero() { None } else { Some(sum.checked_div(weights)?) })
    };
    if let Some(result) = mean(&mut scored.iter().copied()) {
        return result;
    }
    let largest = scored.iter().map(|(weight, _)| weight.abs()).max().filter(|w| !w.is_zero())?;
    mean(&mut scored.iter().map(|&(weight, attainment)| (weight / largest, attainment))).flatten()
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
    let mut rollups: Vec<Option<NodeScore>> = vec![None; above as usize];
    let slot = |index: NodeIndex| slots.get(index.0).copied().filter(|&s| s != u32::MAX).map(|s| s as usize);
    // Children before parents: the reverse of tree order.
    let order: Vec<NodeIndex> = plan.walk().collect();
    // A strategic objective has an operational roll-up beside its own when the plan has an
    // operational plan at all (programs or operational objectives), even an empty one.
    let operational_plan = plan.nodes.iter().any(|n| matches!(n.level(), Level::Program | Level::OperationalObjective));
    for &index in order.iter().rev() {
        let node = plan.node(index);
        if node.level() == Level::Indicator {
            continue;
        }
        let indicator_children: Vec<&IndicatorScore> = node.children.iter().filter_map(|c| by_node[c.0]).collect();
        let node_children: Vec<&NodeScore> = node.children.iter().filter_map(|&c| rollups[slot(c)?].as_ref()).collect();
        // A strategic objective's own attainment is its dashboard's; the objectives and programs
        // below it are its operational plan, beside it. Every other node rolls up its children.
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
    let population = |level: Level, within: &dyn Fn(NodeIndex) -> bool| -> Rollup {
        let nodes: Vec<&NodeScore> = order
            .iter()
            .filter(|&&i| plan.node(i).level() == level && within(i))
            .filter_map(|&i| rollups[slot(i)?].as_ref())
            .collect();
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
    let nodes = order.iter().filter_map(|&i| rollups[slot(i)?].take()).collect();
    Rollups { nodes, body, perspectives, areas, services }
}

/// Areas and services: their operational indicators (an indicator of the dashboard never counts
/// for them, whatever services it names); a cross-cutting one counts for all. An indicator
/// weighs its weight as written, or its share of its objective (`group-weights = "share"`).
fn groups(plan: &Plan, indicators: &[IndicatorScore]) -> (Vec<GroupScore>, Vec<GroupScore>) {
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
    let areas = plan
        .areas
        .iter()
        .enumerate()
        .map(|(a, area)| GroupScore {
            id: area.id.clone(),
            name: area.name.clone(),
            rollup: assigned(&|i| i.areas.contains(&a)),
        })
        .collect();
    let services = plan
        .services
        .iter()
        .enumerate()
        .map(|(s, service)| GroupScore {
            id: service.id.clone(),
            name: service.name.clone(),
            rollup: assigned(&|i| i.services.contains(&s)),
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

    proptest::proptest! {
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
