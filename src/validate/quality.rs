//! Findings about the plan as a whole: empty programs, objectives without indicators, children
//! that all weigh 0, the same indicator text used more than once.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Code, Reporter, plan_level_name};
use crate::msg;
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
                reporter.report(Code::EmptyProgram, &node.span, msg!("empty-program", id = &node.id)).help =
                    Some(msg!("empty-program-help"));
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
                let message = msg!("objective-without-indicators", id = &node.id)
                    .message("level", plan_level_name(&plan.level_names, node.level()))
                    .count("removed", removed);
                reporter.report(Code::ObjectiveWithoutIndicators, &node.span, message).help =
                    Some(msg!("objective-without-indicators-help"));
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
                msg!("zero-weights-always")
            } else {
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                msg!("zero-weights-years", years = years.join(", "))
            };
            let message = msg!("zero-weights", children = children, id = &node.id)
                .message("when", when)
                .count("count", group.len());
            reporter.report(Code::ZeroWeights, &node.span, message).help = Some(msg!("zero-weights-help"));
        }
    }
}

/// The same indicator text under two objectives (or twice under one): reported once per text,
/// at its second use, naming every indicator that uses it.
fn check_duplicate_texts(reporter: &mut Reporter<'_>, plan: &Plan) {
    let texts: Vec<usize> = (0..plan.nodes.len())
        .filter(|&index| {
            let node = &plan.nodes[index];
            // A missing name is reported on its own; empty names are not "the same text".
            node.level() == Level::Indicator && node.status == Status::Active && !node.name.trim().is_empty()
        })
        .collect();
    // Each text's normal form is hashed on every core for a big plan, into a buffer a share
    // reuses: a plan of a hundred thousand indicators is not given a hundred thousand strings
    // and a map of them. Texts of one hash are told apart by their normal forms, which only
    // texts that share a hash (the same text, or a collision) are given.
    let hashes: Vec<u64> = crate::parallel::map_shares(&texts, |share| {
        let mut normal = String::new();
        share
            .iter()
            .map(|&index| {
                normalize_into(&mut normal, &plan.nodes[index].name);
                hash_of(&normal)
            })
            .collect::<Vec<u64>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let same = |a: usize, b: usize| normalize(&plan.nodes[a].name) == normalize(&plan.nodes[b].name);
    let groups = repeated(texts.iter().copied().zip(hashes), same);
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

/// The uses of each text used more than once, each group in order, the groups in the order of
/// their second uses: `uses` are the uses in order, each with its text's hash; `same` tells
/// whether two uses are of the same text (asked only of uses whose texts share a hash).
fn repeated(uses: impl Iterator<Item = (usize, u64)>, same: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
    let (low, _) = uses.size_hint();
    // The first use of the first text of each hash; of the others of a hash (a collision), apart.
    let mut firsts: FxHashMap<u64, usize> = FxHashMap::default();
    firsts.reserve(low);
    let mut others: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut shared: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (index, hash) in uses {
        match firsts.entry(hash) {
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
            Entry::Occupied(slot) => {
                let others = others.entry(hash).or_default();
                match std::iter::once(*slot.get()).chain(others.iter().copied()).find(|&first| same(first, index)) {
                    Some(first) => shared.entry(first).or_insert_with(|| vec![first]).push(index),
                    None => others.push(index),
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = shared.into_values().collect();
    groups.sort_by_key(|group| group[1]);
    groups
}

/// The hash of a text's normal form.
fn hash_of(normal: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    std::hash::Hasher::write(&mut hasher, normal.as_bytes());
    std::hash::Hasher::finish(&hasher)
}

/// Case, spacing and trailing punctuation do not make two texts different.
fn normalize(text: &str) -> String {
    let mut normal = String::with_capacity(text.len());
    normalize_into(&mut normal, text);
    normal
}

/// [`normalize`], into `normal` (emptied first).
fn normalize_into(normal: &mut String, text: &str) {
    normal.clear();
    for word in text.split_whitespace() {
        if !normal.is_empty() {
            normal.push(' ');
        }
        normal.push_str(word);
    }
    normal.truncate(normal.trim_end_matches(['.', ';', ':']).len());
    if normal.is_ascii() {
        normal.make_ascii_lowercase();
    } else {
        *normal = normal.to_lowercase();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that share a hash are told apart by their normal forms: with every hash the same
    /// (as if all collided), and with the real ones, the groups are those of the texts.
    #[test]
    fn repeated_texts_are_grouped_by_text_not_by_hash() {
        let names = ["Pratiche evase", "Tempi medi", "pratiche  EVASE.", "Pratiche evase", "Altro", "Tempi medi;"];
        let same = |a: usize, b: usize| normalize(names[a]) == normalize(names[b]);
        let expected = vec![vec![0, 2, 3], vec![1, 5]];
        assert_eq!(repeated((0..names.len()).map(|i| (i, 0)), same), expected);
        assert_eq!(repeated((0..names.len()).map(|i| (i, hash_of(&normalize(names[i])))), same), expected);
        assert_eq!(repeated((0..names.len()).map(|i| (i, i as u64)), same), Vec::<Vec<usize>>::new());
    }
}
