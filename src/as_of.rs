//! The plan as it stood at a date: nodes inserted later absent, nodes removed later still
//! active, updates adopted later undone where the plan records the previous values, and
//! overrides decided later dropped.
//!
//! A revision's date is its act's date; a revision known only by its year is taken as in force
//! from 1 January of that year, and one with neither as always in force (see
//! [`When::in_force_on`](crate::plan::When::in_force_on)).

use crate::date::Date;
use crate::plan::{Change, NodeIndex, NodeKind, Plan, Revision, Status};

/// The plan at a date, with what could not be undone.
#[derive(Debug, Clone)]
pub struct AsOf {
    /// The plan as it stood.
    pub plan: Plan,
    /// The date.
    pub date: Date,
    /// What was undone, in tree order of the plan as it is now: (node id, change, when).
    pub undone: Vec<Undone>,
}

/// A revision adopted after the date, and how it was undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    /// The node's id.
    pub id: String,
    /// The revision.
    pub revision: Revision,
    /// Whether its previous values were restored (always true for insertions and removals).
    pub restored: bool,
}

/// The plan as it stood on `date`.
pub fn as_of(plan: &Plan, date: Date) -> AsOf {
    let later = |revision: &Revision| !revision.when().in_force_on(date);
    let mut undone = Vec::new();
    let mut nodes = plan.nodes.clone();
    let mut keep = vec![true; nodes.len()];

    for index in plan.walk() {
        let node = plan.node(index);
        // Later revisions, latest first, so that several updates are undone in reverse order.
        let mut revisions: Vec<&Revision> = node.revisions().iter().filter(|r| later(r)).collect();
        revisions.sort_by_key(|r| std::cmp::Reverse(r.when()));
        for revision in revisions {
            let restored = match revision.change {
                Change::Inserted => {
                    keep[index.0] = false;
                    true
                }
                Change::Removed => {
                    nodes[index.0].status = Status::Active;
                    true
                }
                Change::Updated => match &revision.previous {
                    Some(previous) => {
                        restore(plan, &mut nodes[index.0], previous);
                        true
                    }
                    None => false,
                },
            };
            undone.push(Undone { id: node.id.clone(), revision: revision.clone(), restored });
        }
    }
    // A node inserted later takes its descendants with it.
    for index in plan.walk() {
        if plan.ancestors(index).any(|a| !keep[a.0]) {
            keep[index.0] = false;
        }
    }
    for node in &mut nodes {
        if node.revisions().iter().any(&later) {
            node.rare_mut().revisions.retain(|r| !later(r));
        }
        // A node still carrying a removal that is in force stays removed; others are active.
        if !node.revisions().iter().any(|r| r.change == Change::Removed) {
            node.status = Status::Active;
        }
    }
    let mut result = rebuild(plan, nodes, &keep);
    // Overrides are decisions too: one taken later did not exist yet.
    result.overrides.retain(|decision| decision.act.date.is_none_or(|decided| decided <= date));
    // The act that adopted this version came later: the plan as of the date was not adopted by it.
    if result.metadata.adopted_by.as_ref().and_then(|act| act.date).is_some_and(|adopted| adopted > date) {
        result.metadata.adopted_by = None;
    }
    AsOf { plan: result, date, undone }
}

/// Puts back the values an update recorded as previous.
fn restore(plan: &Plan, node: &mut crate::plan::Node, previous: &crate::plan::Previous) {
    if let Some(name) = &previous.name {
        node.name.clone_from(name);
    }
    if let Some(weight) = previous.weight {
        node.weight = weight;
    }
    if let Some(parent) = previous.parent.as_ref().and_then(|id| plan.find(id)) {
        node.parent = Some(parent);
    }
    if let NodeKind::Indicator(indicator) = &mut node.kind {
        if let Some(formula) = &previous.formula {
            indicator.rare_mut().formula = Some(formula.clone());
        }
        if let Some(unit) = previous.unit {
            indicator.unit = unit;
        }
        if let Some(polarity) = previous.polarity {
            indicator.polarity = polarity;
        }
        for (year, target) in &previous.targets {
            match target {
                // Written, as of the date, where the revision records it.
                Some(target) => {
                    indicator.targets.insert(*year, std::sync::Arc::new(target.clone()), previous.span.clone())
                }
                None => indicator.targets.remove(year),
            };
        }
        if let Some(services) = &previous.services {
            indicator.services =
                services.iter().filter_map(|id| plan.services.iter().position(|s| s.id == *id)).collect();
        }
        if let Some(areas) = &previous.areas {
            indicator.areas = areas.iter().filter_map(|id| plan.areas.iter().position(|a| a.id == *id)).collect();
        }
    }
}

/// A plan of the kept nodes, with indices, children and ids recomputed.
fn rebuild(plan: &Plan, nodes: Vec<crate::plan::Node>, keep: &[bool]) -> Plan {
    let mut new_index = vec![None; nodes.len()];
    let mut next = 0;
    for (old, kept) in keep.iter().enumerate() {
        if *kept {
            new_index[old] = Some(NodeIndex(next));
            next += 1;
        }
    }
    let mut result =
        Plan { nodes: Vec::with_capacity(next), roots: Vec::new(), ids: Default::default(), ..plan.clone() };
    result.overrides.retain_mut(|decision| match new_index[decision.node.0] {
        Some(index) => {
            decision.node = index;
            true
        }
        None => false,
    });
    for (old, mut node) in nodes.into_iter().enumerate() {
        if !keep[old] {
            continue;
        }
        node.parent = node.parent.and_then(|p| new_index[p.0]);
        node.children.clear();
        result.nodes.push(node);
    }
    for position in 0..result.nodes.len() {
        let index = NodeIndex(position);
        result.ids.insert(&result.nodes, index);
        match result.nodes[position].parent {
            Some(parent) => result.nodes[parent.0].children.push(index),
            None => result.roots.push(index),
        }
    }
    result
}
