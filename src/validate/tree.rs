//! The tree: unique node ids, parents that exist and are of a level above the node's (a level
//! the body does not have is skipped), roots only at the plan's highest level, perspectives,
//! and the years of weights and resources.

use crate::diagnostic::{Code, Reporter, level_name, level_with_article, plan_level_name};
use crate::i18n::Message;
use crate::load::{RawNode, RawPlan, Sp};
use crate::msg;
use crate::plan::{Ids, Indicator, IndicatorLevel, Level, Metadata, Node, NodeFields, NodeIndex, NodeKind, Plan, Rare};

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
        act_number: crate::plan::ActNumber::Required,
    });
    let horizon_known = raw.metadata.is_some();
    let levels_present: Vec<Level> =
        Level::ALL.into_iter().filter(|l| raw.nodes.iter().any(|n| n.level == *l)).collect();

    // Pass 1: ids, unique across all levels. A node whose id was taken is left out; the others
    // keep their place in `raw.nodes`, which is not copied: it can be a hundred megabytes.
    let nodes = raw.nodes;
    // The table becomes the plan's (of the placed nodes' indices), in place: a plan of a hundred
    // thousand nodes is not hashed twice, and its ids are not copied.
    let mut ids = Ids::with_capacity(nodes.len());
    let id_of = |NodeIndex(position): NodeIndex| nodes[position].id.get_ref().as_str();
    let mut duplicate = vec![false; nodes.len()];
    for (position, node) in nodes.iter().enumerate() {
        if let Some(NodeIndex(first)) = ids.get_by(node.id.get_ref(), id_of) {
            let first_node: &RawNode = &nodes[first];
            let first_line = reporter.source.position(first_node.id.span().start).line;
            let message = msg!("duplicate-id", id = node.id.get_ref(), line = first_line)
                .message("level", plan_level_name(&raw.level_names, first_node.level));
            reporter.report(Code::DuplicateId, &node.id.span(), message).help = Some(msg!("duplicate-id-help"));
            duplicate[position] = true;
            continue;
        }
        ids.insert_by(NodeIndex(position), id_of);
    }

    // Pass 2: parents.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(nodes.len());
    let mut placed: Vec<bool> = Vec::with_capacity(nodes.len());
    for (node, &duplicate) in nodes.iter().zip(&duplicate) {
        if duplicate {
            parents.push(None);
            placed.push(false);
            continue;
        }
        let parent = match &node.parent {
            Some((key_level, parent)) => resolve_parent(reporter, node, *key_level, parent, &ids, &nodes),
            None => {
                root_allowed(reporter, node, &levels_present);
                None
            }
        };
        // A node without a parent key is a root where the plan allows it; one whose parent could
        // not be resolved (already reported) is left out.
        placed.push(node.parent.is_none() || parent.is_some());
        parents.push(parent);
    }

    let mut plan = Plan {
        metadata,
        scoring: raw.scoring,
        areas: registries.areas.clone(),
        services: registries.services.clone(),
        perspectives: registries.perspectives.clone(),
        scales: registries.scales.clone(),
        nodes: Vec::new(),
        roots: Vec::new(),
        level_names: raw.level_names,
        ids: Ids::default(),
        overrides: Vec::new(),
    };
    // Nodes whose ancestors are not all placed cannot be placed either.
    let placed: Vec<bool> = (0..nodes.len())
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
    let mut new_index: Vec<Option<NodeIndex>> = vec![None; nodes.len()];
    let mut next = 0;
    for (old, slot) in new_index.iter_mut().enumerate() {
        if placed[old] {
            *slot = Some(NodeIndex(next));
            next += 1;
        }
    }
    let parent_levels: Vec<Level> = nodes.iter().map(|node| node.level).collect();
    let level_of = |old: usize| match parents[old].map(|p| parent_levels[p]) {
        Some(Level::StrategicObjective) => IndicatorLevel::Strategic,
        _ => IndicatorLevel::Operational,
    };
    // The indicators, built on every core where the plan is big ([`prebuild`]).
    let mut nodes = nodes;
    let (mut prebuilt, prebuilt_findings) = prebuild(
        reporter.source,
        &mut nodes,
        |old| new_index[old].is_some(),
        &level_of,
        &plan.metadata,
        horizon_known,
        &registries,
    );
    let mut prebuilt_findings = prebuilt_findings.into_iter();
    // Each raw node becomes its node in the memory it held: collected from the raw nodes' own
    // vector (a node is no larger than a raw one), the nodes need no second vector beside it,
    // which for a plan of a hundred thousand indicators was 26 MB more at the peak of `check`.
    let metadata = &plan.metadata;
    let mut placed_so_far = 0;
    let built: Vec<Node> = nodes
        .into_iter()
        .enumerate()
        .filter_map(|(old, mut node)| {
            let index = new_index[old]?;
            let parent = parents[old].and_then(|p| new_index[p]);
            let raw_rare = node.rare();
            let perspective = raw_rare.perspective.as_ref().and_then(|p| {
                resolve(reporter, p, &registries.perspective_ids, Code::UndeclaredPerspective, "perspective")
            });
            let horizon = horizon_known.then(|| metadata.horizon());
            let weights_by_year = in_horizon(reporter, &raw_rare.weights_by_year, horizon.clone(), "weight");
            let resources = in_horizon(reporter, &raw_rare.resources, horizon, "resources");
            let kind = match node.level {
                Level::Mission => NodeKind::Mission,
                Level::StrategicObjective => NodeKind::StrategicObjective,
                Level::Program => NodeKind::Program,
                Level::OperationalObjective => NodeKind::OperationalObjective,
                Level::Indicator => match prebuilt[old].take() {
                    Some(Prebuilt { indicator, findings }) => {
                        reporter.diagnostics.extend(prebuilt_findings.by_ref().take(findings));
                        NodeKind::Indicator(indicator)
                    }
                    None => {
                        let built =
                            indicators::build(reporter, &node, level_of(old), metadata, horizon_known, &registries);
                        let indicator = built.finish(&mut node);
                        NodeKind::Indicator(Box::new(indicator))
                    }
                },
            };
            debug_assert_eq!(index.0, placed_so_far);
            placed_so_far += 1;
            let raw_rare = node.rare.take().map(|rare| *rare).unwrap_or_default();
            let fields =
                NodeFields { code: raw_rare.code, responsible: raw_rare.responsible, resources, links: raw_rare.links };
            let rare = Rare {
                weights_by_year,
                fields,
                revisions: raw_rare.revisions,
                notes: raw_rare.notes,
                accepted: raw_rare.accepted,
            };
            Some(Node::new(
                node.id.into_inner(),
                node.name,
                node.name_span,
                kind,
                parent,
                node.weight,
                perspective,
                node.status.get_ref().to_owned(),
                node.status.span(),
                node.span,
                rare,
            ))
        })
        .collect();
    plan.nodes = built;
    // The raw nodes' vector grew by doubling: what the nodes do not use is given back (in place).
    plan.nodes.shrink_to_fit();
    // The ids of pass 1, now of the placed nodes' indices: the table itself, not hashed again.
    ids.renumber(|NodeIndex(old)| new_index[old], &plan.nodes);
    plan.ids = ids;
    // Children in file order, whatever the order of parents and children in the file.
    for position in 0..plan.nodes.len() {
        let index = NodeIndex(position);
        match plan.nodes[position].parent {
            Some(parent) => plan.nodes[parent.0].children.push(index),
            None => plan.roots.push(index),
        }
    }
    default_body_rule(&mut plan);
    plan
}

/// An indicator built ahead of the tree, with how many findings building it gave.
struct Prebuilt {
    indicator: Box<Indicator>,
    findings: usize,
}

/// The indicators of a big plan (of at least [`crate::parallel::PARALLEL_FROM`] nodes, on a
/// machine of more than one core), built on every core before the tree is put together: by
/// node (`None` for those left to be built in turn), with the findings of those built, in file
/// order. Each is built from its raw node, whose indicator keys are then given back, on the
/// thread that read them.
///
/// What is built is what the tree would build in turn, findings in the same order, except for
/// the suggestions ("did you mean"), which the file's budget gives in the file's order: an
/// indicator whose building asks for one (a reference to a service nobody declared) is left to
/// be built in turn. A small plan is built in turn whole.
fn prebuild(
    source: &crate::source::SourceFile,
    nodes: &mut [RawNode],
    placed: impl Fn(usize) -> bool + Sync,
    level_of: &(impl Fn(usize) -> IndicatorLevel + Sync),
    metadata: &Metadata,
    horizon_known: bool,
    registries: &Registries,
) -> (Vec<Option<Prebuilt>>, Vec<crate::diagnostic::Diagnostic>) {
    if crate::parallel::threads_for(nodes.len()) == 1 {
        return (std::iter::repeat_with(|| None).take(nodes.len()).collect(), Vec::new());
    }
    let shares = crate::parallel::map_shares_mut(nodes, |start, share| {
        let mut findings = Vec::new();
        let mut built = Vec::with_capacity(share.len());
        for (old, node) in (start..).zip(share.iter_mut()) {
            if node.level != Level::Indicator || !placed(old) {
                built.push(None);
                continue;
            }
            let before = findings.len();
            let mut reporter = crate::diagnostic::Reporter::without_suggestions(source, &mut findings);
            let indicator = indicators::build(&mut reporter, node, level_of(old), metadata, horizon_known, registries);
            if reporter.suggestion_asked {
                findings.truncate(before);
                built.push(None);
                continue;
            }
            let indicator = indicator.finish(node);
            node.indicator = None;
            built.push(Some(Prebuilt { indicator: Box::new(indicator), findings: findings.len() - before }));
        }
        (built, findings)
    });
    let mut prebuilt = Vec::with_capacity(nodes.len());
    let mut findings = Vec::new();
    for (built, found) in shares {
        prebuilt.extend(built);
        findings.extend(found);
    }
    (prebuilt, findings)
}

/// The body's score rests by default on the strategic objectives' own (dashboard) indicators;
/// a plan that has none but measures operational objectives (a municipality's PEG) is scored
/// through those instead, unless `[scoring] body` says otherwise: a plan never goes without a
/// body score only because it left out a level.
fn default_body_rule(plan: &mut Plan) {
    if plan.scoring.body_declared {
        return;
    }
    let mut indicators = plan.nodes.iter().filter_map(|node| node.indicator());
    let strategic = indicators.clone().any(|i| i.level == IndicatorLevel::Strategic);
    if !strategic && indicators.any(|i| i.level == IndicatorLevel::Operational) {
        plan.scoring.body = crate::plan::BodyRule::OperationalObjectives;
    }
}

/// A table of years to values (weights, resources) with every year inside the horizon; a year
/// outside it is reported.
fn in_horizon(
    reporter: &mut Reporter<'_>,
    values: &[(Sp<i32>, rust_decimal::Decimal)],
    horizon: Option<std::ops::RangeInclusive<i32>>,
    key: &str,
) -> std::collections::BTreeMap<i32, rust_decimal::Decimal> {
    let mut by_year = std::collections::BTreeMap::new();
    for (year, value) in values {
        if let Some(horizon) = &horizon
            && !horizon.contains(year.get_ref())
        {
            let message = msg!(
                "key-year-outside-horizon",
                key = key,
                year = year.get_ref(),
                first = horizon.start(),
                last = horizon.end()
            );
            reporter.report(Code::InvalidValue, &year.span(), message);
            continue;
        }
        by_year.insert(*year.get_ref(), *value);
    }
    by_year
}

/// A node without a parent key is a root: allowed when the plan has no node of a level above
/// its own (a plan without missions starts at its strategic objectives). Otherwise the key of
/// the nearest level the plan has is missing, as it always was.
fn root_allowed(reporter: &mut Reporter<'_>, node: &RawNode, levels_present: &[Level]) {
    if node.level == Level::Indicator {
        return; // `objective` is required: already reported as a missing key
    }
    let Some(&above) = node.level.parent_levels().iter().find(|l| levels_present.contains(l)) else { return };
    let key = node.level.parent_key(above);
    let table = format!("[[{}]]", node.level.key());
    let span = node.span.clone();
    let keys: Vec<String> = node
        .level
        .parent_levels()
        .iter()
        .filter(|l| levels_present.contains(l))
        .map(|&l| format!("`{}`", node.level.parent_key(l)))
        .collect();
    reporter.report(Code::MissingKey, &span, msg!("missing-key-in", key = key, table = table)).help =
        Some(msg!("missing-parent-help", keys = keys.join(", ")));
}

fn resolve_parent(
    reporter: &mut Reporter<'_>,
    node: &RawNode,
    key_level: Level,
    parent: &toml::Spanned<String>,
    ids: &Ids,
    nodes: &[RawNode],
) -> Option<usize> {
    // The key names the parent's level; an indicator's `objective` may be of either objective level.
    let accepted: &[Level] =
        if node.level == Level::Indicator { node.level.parent_levels() } else { std::slice::from_ref(&key_level) };
    // The levels a parent may have, for people: `strategic objective or operational objective`.
    let accepted_levels = || accepted.iter().map(|&level| level_with_article(level)).collect::<Vec<Message>>();
    match ids.get_by(parent.get_ref(), |NodeIndex(position)| nodes[position].id.get_ref()) {
        Some(NodeIndex(index)) if accepted.contains(&nodes[index].level) => Some(index),
        Some(NodeIndex(index)) => {
            let found = nodes[index].level;
            let message = msg!("parent-of-wrong-level", id = node.id.get_ref(), parent = parent.get_ref())
                .message("level", level_name(node.level))
                .alternatives("expected", accepted_levels())
                .message("found", level_with_article(found));
            let diagnostic = reporter.report(Code::UnknownParent, &parent.span(), message);
            // A level the body skips is named by its own key: `mission = "032"`.
            if node.level.parent_levels().contains(&found) {
                diagnostic.help =
                    Some(msg!("parent-key-help", key = node.level.parent_key(found), id = parent.get_ref()));
            }
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
