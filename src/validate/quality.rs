//! Findings about the plan as a whole: empty programs, objectives without indicators, children
//! that all weigh 0, the same indicator text used more than once.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Reporter};
use crate::plan::{Level, NodeIndex, Plan, Status};

pub(super) fn validate(reporter: &mut Reporter<'_>, plan: &Plan) {
    for node in &plan.nodes {
        if node.status == Status::Removed {
            continue;
        }
        let active_children = |level: Level| {
            node.children
                .iter()
                .filter(|&&c| plan.node(c).level() == level && plan.node(c).status == Status::Active)
                .count()
        };
        let all_children = |level: Level| node.children.iter().filter(|&&c| plan.node(c).level() == level).count();
        match node.level() {
            Level::Program if active_children(Level::OperationalObjective) == 0 => {
                let message = format!("program `{}` has no operational objective", node.id);
                reporter.report(Code::EmptyProgram, &node.span, message).help =
                    Some("a program without operational objectives is not measured this year".to_owned());
            }
            // A strategic objective measured through the objectives or programs below it is
            // measured, when the body's score does not rest on the strategic objectives' own
            // indicators.
            Level::StrategicObjective
                if active_children(Level::Indicator) == 0
                    && plan.scoring.body != crate::plan::BodyRule::StrategicObjectives
                    && (active_children(Level::Program) > 0 || active_children(Level::OperationalObjective) > 0) => {}
            Level::StrategicObjective | Level::OperationalObjective if active_children(Level::Indicator) == 0 => {
                let removed = all_children(Level::Indicator);
                let message = if removed > 0 {
                    format!("{} `{}` has no active indicator ({removed} removed)", node.level().label(), node.id)
                } else {
                    format!("{} `{}` has no indicator", node.level().label(), node.id)
                };
                reporter.report(Code::ObjectiveWithoutIndicators, &node.span, message).help =
                    Some("an objective without indicators cannot be scored".to_owned());
            }
            _ => {}
        }
    }
    check_zero_weights(reporter, plan);
    check_duplicate_texts(reporter, plan);
}

/// Children that roll up together (a node's indicators; its objectives or programs) and all
/// weigh 0 in a year leave the node without a score that year. A plan may mean it (a line of
/// the plan kept for the record): it then accepts the finding, with its reason.
fn check_zero_weights(reporter: &mut Reporter<'_>, plan: &Plan) {
    let horizon: Vec<i32> = plan.metadata.horizon().collect();
    for (index, node) in plan.nodes.iter().enumerate() {
        if plan.is_removed(NodeIndex(index)) {
            continue;
        }
        let active = |indicators: bool| -> Vec<NodeIndex> {
            node.children
                .iter()
                .copied()
                .filter(|&c| (plan.node(c).level() == Level::Indicator) == indicators)
                .filter(|&c| plan.node(c).status == Status::Active)
                .collect()
        };
        for (indicators, group) in [(true, active(true)), (false, active(false))] {
            if group.is_empty() {
                continue;
            }
            let years: Vec<i32> = horizon
                .iter()
                .copied()
                .filter(|&year| group.iter().all(|&c| plan.node(c).weight_in(year).is_zero()))
                .collect();
            if years.is_empty() {
                continue;
            }
            let children = if indicators { "indicators" } else { "objectives-or-programs" };
            let when = if years.len() == horizon.len() {
                crate::msg!("shapes-zero-weights-always")
            } else {
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                crate::msg!("shapes-zero-weights-years", years = years.join(", "))
            };
            let message = crate::msg!("shapes-zero-weights", children = children, id = &node.id)
                .message("when", when)
                .count("count", group.len());
            reporter.report(Code::ZeroWeights, &node.span, message.to_string()).help =
                Some(crate::msg!("shapes-zero-weights-help").to_string());
        }
    }
}

/// The same indicator text under two objectives (or twice under one): reported once per text,
/// at its second use, naming every indicator that uses it.
fn check_duplicate_texts(reporter: &mut Reporter<'_>, plan: &Plan) {
    let mut by_text: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, node) in plan.nodes.iter().enumerate() {
        // A missing name is reported on its own; empty names are not "the same text".
        if node.level() == Level::Indicator && node.status == Status::Active && !node.name.trim().is_empty() {
            by_text.entry(normalize(&node.name)).or_default().push(index);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_text.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_by_key(|group| group[1]);
    for group in groups {
        let uses = group
            .iter()
            .map(|&i| {
                let node = &plan.nodes[i];
                let parent = node.parent.map(|p| plan.node(p).id.as_str()).unwrap_or("?");
                format!("`{}` (under `{parent}`)", node.id)
            })
            .collect::<Vec<_>>()
            .join(", ");
        let second = &plan.nodes[group[1]];
        let message = format!("{} indicators have the same text: {uses}", group.len());
        reporter.report(Code::DuplicateIndicator, &second.name_span, message).help = Some(
            "an indicator's text should say what it measures for its objective: make each one specific, or check for a copy mistake".to_owned(),
        );
    }
}

/// Case, spacing and trailing punctuation do not make two texts different.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ';', ':']).to_lowercase()
}
