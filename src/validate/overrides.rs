//! Overrides of outcomes: each names a node that has an outcome (an indicator, an objective, a
//! program), a year of the horizon, at most one per node and year, an attainment within the cap,
//! and an act with its number and date.

use rustc_hash::FxHashMap;

use crate::diagnostic::{Code, Reporter};
use crate::load::RawOverride;
use crate::msg;
use crate::plan::{Level, NodeIndex, Outcome, Override, Plan};

pub(super) fn build(
    reporter: &mut Reporter<'_>,
    plan: &Plan,
    raw: Vec<RawOverride>,
    horizon_known: bool,
) -> Vec<Override> {
    let mut overrides: Vec<Override> = Vec::new();
    // The first override of each node and year, by its place in `overrides`.
    let mut first_of: FxHashMap<(NodeIndex, i32), usize> = FxHashMap::default();
    for entry in raw {
        let id = entry.node.get_ref();
        let Some(node) = plan.find(id) else {
            // Within the file's budget of suggestions: each compares the id with every node.
            let help = match reporter.suggest(id, plan.nodes.iter().map(|n| n.id.as_str())) {
                Some(suggestion) => msg!("did-you-mean", suggestion = suggestion),
                None => msg!("override-unknown-node-help"),
            };
            let message = msg!("override-unknown-node", id = id);
            reporter.report(Code::InvalidOverride, &entry.node.span(), message).help = Some(help);
            continue;
        };
        if plan.node(node).level() == Level::Mission {
            reporter.report(Code::InvalidOverride, &entry.node.span(), msg!("override-mission", id = id)).help =
                Some(msg!("override-mission-help"));
            continue;
        }
        let year = *entry.year.get_ref();
        let metadata = &plan.metadata;
        if horizon_known && !metadata.horizon().contains(&year) {
            let message = msg!(
                "override-outside-horizon",
                id = id,
                year = year,
                first = metadata.first_year,
                last = metadata.last_year
            );
            reporter.report(Code::InvalidOverride, &entry.year.span(), message).help =
                Some(msg!("override-outside-horizon-help"));
            continue;
        }
        if let Some(&first) = first_of.get(&(node, year)) {
            let line = reporter.source.position(overrides[first].span.start).line;
            let message = msg!("override-twice", id = id, year = year, line = line);
            reporter.report(Code::InvalidOverride, &entry.span, message).help = Some(msg!("override-twice-help"));
            continue;
        }
        if let Outcome::Reassessed(attainment) = entry.outcome
            && attainment > plan.scoring.cap
        {
            let message = msg!("override-above-cap", attainment = attainment, id = id, cap = plan.scoring.cap);
            reporter.report(Code::InvalidOverride, &entry.outcome_span, message).help =
                Some(msg!("override-above-cap-help"));
            continue;
        }
        let act = &entry.act;
        if let Some(missing) = act.missing(plan.metadata.act_number) {
            let message = msg!("incomplete-act-override", id = id, year = year, act = act, missing = missing);
            reporter.report(Code::IncompleteAct, &entry.act_span, message).help =
                Some(msg!("incomplete-act-override-help"));
        }
        first_of.insert((node, year), overrides.len());
        overrides.push(Override {
            node,
            year,
            outcome: entry.outcome,
            reason: entry.reason,
            decided_by: entry.decided_by,
            act: entry.act,
            span: entry.span,
        });
    }
    overrides
}
