//! The tree: unique node ids, parents that exist and are of the right level, perspectives.

use std::collections::HashMap;

use crate::diagnostic::{Code, Reporter, level_name, level_with_article};
use crate::i18n::Message;
use crate::load::{RawNode, RawPlan};
use crate::msg;
use crate::plan::{IndicatorLevel, Level, Metadata, Node, NodeIndex, NodeKind, Plan};

use super::indicators;
use super::registry::{Registries, resolve};

/// Builds the plan's tree. Nodes that cannot be placed (unknown parent, duplicate id) are
/// reported and left out; the plan is then not returned to callers, since errors exist.
pub(super) fn build(reporter: &mut Reporter<'_>, raw: RawPlan, registries: Registries) -> Plan {
    // Without readable metadata (already reported), checks that need the horizon are skipped.
    let metadata = raw.metadata.clone().unwrap_or(Metadata {
        body: String::new(),
        title: String::new(),
        year: 0,
        first_year: 1,
        last_year: 9999,
        adopted_by: None,
        lang: None,
        notes: None,
        accepted: Vec::new(),
    });
    let horizon_known = raw.metadata.is_some();

    // Pass 1: ids, unique across all levels.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut kept: Vec<RawNode> = Vec::new();
    for node in raw.nodes {
        if let Some(&first) = ids.get(node.id.get_ref()) {
            let first_node: &RawNode = &kept[first];
            let first_line = reporter.source.position(first_node.id.span().start).line;
            let message = msg!("duplicate-id", id = node.id.get_ref(), line = first_line)
                .message("level", level_name(first_node.level));
            reporter.report(Code::DuplicateId, &node.id.span(), message).help = Some(msg!("duplicate-id-help"));
            continue;
        }
        ids.insert(node.id.get_ref().clone(), kept.len());
        kept.push(node);
    }

    // Pass 2: parents.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(kept.len());
    let mut placed: Vec<bool> = Vec::with_capacity(kept.len());
    for node in &kept {
        let parent = node.parent.as_ref().and_then(|parent| resolve_parent(reporter, node, parent, &ids, &kept));
        placed.push(node.level == Level::Mission || parent.is_some());
        parents.push(parent);
    }

    let mut plan = Plan {
        metadata,
        scoring: raw.scoring,
        areas: registries.areas.clone(),
        services: registries.services.clone(),
        perspectives: registries.perspectives.clone(),
        scales: registries.scales.clone(),
        nodes: Vec::with_capacity(kept.len()),
        missions: Vec::new(),
        ids: rustc_hash::FxHashMap::default(),
        overrides: Vec::new(),
    };
    // Nodes whose ancestors are not all placed cannot be placed either.
    let placed: Vec<bool> = (0..kept.len())
        .map(|mut i| {
            loop {
                if !placed[i] {
                    break false;
                }
                match parents[i] {
                    Some(parent) => i = parent,
                    None => break true,
                }
            }
        })
        .collect();
    // Indices in the plan, given in file order to every placed node first: a child may be
    // written before its parent.
    let mut new_index: Vec<Option<NodeIndex>> = vec![None; kept.len()];
    let mut next = 0;
    for (old, slot) in new_index.iter_mut().enumerate() {
        if placed[old] {
            *slot = Some(NodeIndex(next));
            next += 1;
        }
    }
    let parent_levels: Vec<Level> = kept.iter().map(|node| node.level).collect();
    for (old, node) in kept.into_iter().enumerate() {
        let Some(index) = new_index[old] else { continue };
        let parent = parents[old].and_then(|p| new_index[p]);
        let kind = match node.level {
            Level::Mission => NodeKind::Mission,
            Level::StrategicObjective => NodeKind::StrategicObjective {
                perspective: node.perspective.as_ref().and_then(|p| {
                    resolve(reporter, p, &registries.perspective_ids, Code::UndeclaredPerspective, "perspective")
                }),
            },
            Level::Program => NodeKind::Program,
            Level::OperationalObjective => NodeKind::OperationalObjective,
            Level::Indicator => {
                let level = match parents[old].map(|p| parent_levels[p]) {
                    Some(Level::StrategicObjective) => IndicatorLevel::Strategic,
                    _ => IndicatorLevel::Operational,
                };
                let indicator = indicators::build(reporter, &node, level, &plan.metadata, horizon_known, &registries);
                NodeKind::Indicator(Box::new(indicator))
            }
        };
        debug_assert_eq!(index.0, plan.nodes.len());
        plan.nodes.push(Node {
            id: node.id.into_inner(),
            name: node.name,
            name_span: node.name_span,
            kind,
            parent,
            children: Vec::new(),
            weight: node.weight,
            status: node.status.get_ref().to_owned(),
            status_span: node.status.span(),
            revisions: node.revisions,
            notes: node.notes,
            accepted: node.accepted,
            span: node.span,
        });
    }
    // Children in file order, whatever the order of parents and children in the file.
    for position in 0..plan.nodes.len() {
        let index = NodeIndex(position);
        plan.ids.insert(plan.nodes[position].id.clone(), index);
        match plan.nodes[position].parent {
            Some(parent) => plan.nodes[parent.0].children.push(index),
            None => plan.missions.push(index),
        }
    }
    plan
}

/// The parent levels a node of `level` accepts.
fn parent_levels(level: Level) -> &'static [Level] {
    match level {
        Level::Mission => &[],
        Level::StrategicObjective => &[Level::Mission],
        Level::Program => &[Level::StrategicObjective],
        Level::OperationalObjective => &[Level::Program],
        Level::Indicator => &[Level::StrategicObjective, Level::OperationalObjective],
    }
}

fn resolve_parent(
    reporter: &mut Reporter<'_>,
    node: &RawNode,
    parent: &toml::Spanned<String>,
    ids: &HashMap<String, usize>,
    nodes: &[RawNode],
) -> Option<usize> {
    let accepted = parent_levels(node.level);
    // The levels a parent may have, for people: `strategic objective or operational objective`.
    let accepted_levels: Vec<Message> = accepted.iter().map(|&level| level_with_article(level)).collect();
    match ids.get(parent.get_ref()) {
        Some(&index) if accepted.contains(&nodes[index].level) => Some(index),
        Some(&index) => {
            let message = msg!("parent-of-wrong-level", id = node.id.get_ref(), parent = parent.get_ref())
                .message("level", level_name(node.level))
                .alternatives("expected", accepted_levels)
                .message("found", level_with_article(nodes[index].level));
            reporter.report(Code::UnknownParent, &parent.span(), message);
            None
        }
        None => {
            let candidates = nodes.iter().filter(|n| accepted.contains(&n.level)).map(|n| n.id.get_ref().as_str());
            let help = reporter.suggest(parent.get_ref(), candidates).map_or_else(
                || {
                    let levels = accepted.iter().map(|&level| level_name(level)).collect();
                    msg!("unknown-parent-help", parent = parent.get_ref()).alternatives("expected", levels)
                },
                |suggestion| msg!("did-you-mean", suggestion = suggestion),
            );
            let message = msg!("unknown-parent", id = node.id.get_ref(), parent = parent.get_ref())
                .message("level", level_name(node.level));
            reporter.report(Code::UnknownParent, &parent.span(), message).help = Some(help);
            None
        }
    }
}
