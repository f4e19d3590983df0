//! Findings about the plan as a whole: empty programs, objectives without indicators, the same
//! indicator text used more than once.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Reporter, level_name};
use crate::msg;
use crate::plan::{Level, Plan, Status};

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
                reporter.report(Code::EmptyProgram, &node.span, msg!("empty-program", id = &node.id)).help =
                    Some(msg!("empty-program-help"));
            }
            Level::StrategicObjective | Level::OperationalObjective if active_children(Level::Indicator) == 0 => {
                let removed = all_children(Level::Indicator);
                let message = msg!("objective-without-indicators", id = &node.id)
                    .message("level", level_name(node.level()))
                    .count("removed", removed);
                reporter.report(Code::ObjectiveWithoutIndicators, &node.span, message).help =
                    Some(msg!("objective-without-indicators-help"));
            }
            _ => {}
        }
    }
    check_duplicate_texts(reporter, plan);
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
                msg!("duplicate-indicator-use", id = &node.id, parent = parent)
            })
            .collect::<Vec<_>>();
        let second = &plan.nodes[group[1]];
        let message = msg!("duplicate-indicator").count("count", group.len()).list("uses", uses);
        reporter.report(Code::DuplicateIndicator, &second.name_span, message).help =
            Some(msg!("duplicate-indicator-help"));
    }
}

/// Case, spacing and trailing punctuation do not make two texts different.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ';', ':']).to_lowercase()
}
