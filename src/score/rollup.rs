//! Roll-up: a node's attainment is the weighted mean of its scored children.
//!
//! Weights are relative and renormalised over the children that have a score: a child that is
//! unscored (baseline, removed, no target, and — under `missing-data = "exclude"` — missing) is
//! left out of both the sum and the weights, and counted in the coverage instead. An override
//! sets a node's attainment (reassessed) or leaves the node out of its parent's roll-up and
//! coverage altogether (neutralised), as it does for indicators.

use rust_decimal::Decimal;

use crate::plan::{Level, NodeIndex, Plan};

use super::{IndicatorScore, Overridden, is_operational};
use crate::plan::Outcome;

/// A rolled-up attainment with its coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rollup {
    /// The weighted mean of the scored children (unrounded); `None` when none has a score.
    pub attainment: Option<Decimal>,
    /// Indicators below with a score (met, partial or missed).
    pub scored: usize,
    /// Indicators below expected this year (scored, missing or not measurable).
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
    /// For a strategic objective, the roll-up of its programs (the operational plan), shown
    /// beside the strategic one.
    pub operational: Option<Rollup>,
    /// The override that set the result, with the attainment computed before it.
    pub overridden: Option<Overridden>,
}

impl NodeScore {
    /// Whether an override leaves the node out of its parent's roll-up.
    pub fn is_neutralised(&self) -> bool {
        self.overridden.as_ref().is_some_and(|o| o.decision.outcome == Outcome::Neutralised)
    }
}

/// The result of an area or a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupScore {
    /// The area's or service's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The roll-up of its operational indicators.
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

fn coverage(scores: &[&IndicatorScore]) -> (usize, usize) {
    let scored = scores.iter().filter(|s| s.status.is_scored()).count();
    let expected = scores.iter().filter(|s| s.status.is_expected()).count();
    (scored, expected)
}

fn of_indicators(scores: &[&IndicatorScore]) -> Rollup {
    let (scored, expected) = coverage(scores);
    Rollup { attainment: weighted_mean(scores.iter().map(|s| (s.weight, s.attainment))), scored, expected }
}

/// The roll-up of child nodes: the weighted mean of their attainments, their coverage summed; a
/// neutralised child is left out of both.
fn of_nodes(plan: &Plan, nodes: &[&NodeScore]) -> Rollup {
    let kept: Vec<&&NodeScore> = nodes.iter().filter(|n| !n.is_neutralised()).collect();
    Rollup {
        attainment: weighted_mean(kept.iter().map(|n| (plan.node(n.node).weight, n.rollup.attainment))),
        scored: kept.iter().map(|n| n.rollup.scored).sum(),
        expected: kept.iter().map(|n| n.rollup.expected).sum(),
    }
}

/// A node's result as the plan's override of `year` sets it, if there is one.
fn overridden(plan: &Plan, mut score: NodeScore, year: i32) -> NodeScore {
    let Some(decision) = plan.override_of(score.node, year) else { return score };
    score.overridden = Some(Overridden {
        decision: decision.clone(),
        computed_attainment: score.rollup.attainment,
        computed_status: None,
    });
    score.rollup.attainment = match decision.outcome {
        Outcome::Neutralised => None,
        Outcome::Reassessed(attainment) => Some(attainment),
    };
    score
}

/// Rolls indicator results up to every node, the body, areas and services, applying the
/// overrides of `year` to objectives and programs.
pub(super) fn roll_up(
    plan: &Plan,
    indicators: &[IndicatorScore],
    year: i32,
) -> (Vec<NodeScore>, Rollup, Vec<GroupScore>, Vec<GroupScore>) {
    let mut by_node: Vec<Option<&IndicatorScore>> = vec![None; plan.nodes.len()];
    for score in indicators {
        by_node[score.node.0] = Some(score);
    }
    let mut rollups: Vec<Option<NodeScore>> = vec![None; plan.nodes.len()];
    // Children before parents: the reverse of tree order.
    let order: Vec<NodeIndex> = plan.walk().collect();
    for &index in order.iter().rev() {
        let node = plan.node(index);
        let children = || node.children.iter().copied();
        let indicator_children: Vec<&IndicatorScore> = children().filter_map(|c| by_node[c.0]).collect();
        let child_rollup = |level: Level| -> Rollup {
            let nodes: Vec<&NodeScore> =
                children().filter(|&c| plan.node(c).level() == level).filter_map(|c| rollups[c.0].as_ref()).collect();
            of_nodes(plan, &nodes)
        };
        let (rollup, operational) = match node.level() {
            Level::Indicator => continue,
            Level::OperationalObjective => (of_indicators(&indicator_children), None),
            Level::Program => (child_rollup(Level::OperationalObjective), None),
            Level::StrategicObjective => (of_indicators(&indicator_children), Some(child_rollup(Level::Program))),
            Level::Mission => (child_rollup(Level::StrategicObjective), None),
        };
        let score = NodeScore { node: index, rollup, operational, overridden: None };
        rollups[index.0] = Some(overridden(plan, score, year));
    }
    let objectives: Vec<&NodeScore> = order
        .iter()
        .filter(|&&i| plan.node(i).level() == Level::StrategicObjective)
        .filter_map(|i| rollups[i.0].as_ref())
        .collect();
    let body = of_nodes(plan, &objectives);

    // Areas and services: their operational indicators; a cross-cutting one counts for all.
    let operational: Vec<&IndicatorScore> = indicators.iter().filter(|s| is_operational(plan, s.node)).collect();
    let assigned = |belongs: &dyn Fn(&crate::plan::Indicator) -> bool| -> Rollup {
        let scores: Vec<&IndicatorScore> = operational
            .iter()
            .copied()
            .filter(|s| plan.node(s.node).indicator().is_some_and(|i| i.cross_cutting || belongs(i)))
            .collect();
        of_indicators(&scores)
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
    let nodes = order.iter().filter_map(|i| rollups[i.0].take()).collect();
    (nodes, body, areas, services)
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
