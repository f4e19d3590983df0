//! Overrides of outcomes: each names a node that has an outcome (an indicator, an objective, a
//! program), a year of the horizon, at most one per node and year, an attainment within the cap,
//! and an act with its number and date.

use crate::diagnostic::{Code, Reporter, did_you_mean};
use crate::load::RawOverride;
use crate::plan::{Level, Outcome, Override, Plan};

pub(super) fn build(
    reporter: &mut Reporter<'_>,
    plan: &Plan,
    raw: Vec<RawOverride>,
    horizon_known: bool,
) -> Vec<Override> {
    let mut overrides: Vec<Override> = Vec::new();
    for entry in raw {
        let id = entry.node.get_ref();
        let Some(node) = plan.find(id) else {
            let help = match did_you_mean(id, plan.nodes.iter().map(|n| n.id.as_str())) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => "name the indicator, objective or program by its id".to_owned(),
            };
            let message = format!("the override names `{id}`, which is not a node of the plan");
            reporter.report(Code::InvalidOverride, &entry.node.span(), message).help = Some(help);
            continue;
        };
        if plan.node(node).level() == Level::Mission {
            let message = format!("mission `{id}` has no outcome of its own to override");
            reporter.report(Code::InvalidOverride, &entry.node.span(), message).help = Some(
                "override its strategic objectives: the body's attainment rolls them up, not the missions".to_owned(),
            );
            continue;
        }
        let year = *entry.year.get_ref();
        let metadata = &plan.metadata;
        if horizon_known && !metadata.horizon().contains(&year) {
            let message = format!(
                "the override of `{id}` is for {year}, outside the horizon {}–{}",
                metadata.first_year, metadata.last_year
            );
            reporter.report(Code::InvalidOverride, &entry.year.span(), message).help =
                Some("an outcome is overridden for a year the plan scores".to_owned());
            continue;
        }
        if let Some(first) = overrides.iter().find(|o| o.node == node && o.year == year) {
            let line = reporter.source.position(first.span.start).line;
            let message = format!("`{id}` {year} is already overridden at line {line}");
            reporter.report(Code::InvalidOverride, &entry.span, message).help = Some(
                "one decision per node and year: a later decision replaces the earlier one, with its own act"
                    .to_owned(),
            );
            continue;
        }
        if let Outcome::Reassessed(attainment) = entry.outcome
            && attainment > plan.scoring.cap
        {
            let message = format!("the attainment {attainment} given to `{id}` is above the cap {}", plan.scoring.cap);
            reporter.report(Code::InvalidOverride, &entry.outcome_span, message).help =
                Some("a reassessed attainment is between 0 and the `cap` of [scoring]".to_owned());
            continue;
        }
        let act = &entry.act;
        let numbered = act.number.is_some() || plan.metadata.act_number == crate::plan::ActNumber::Optional;
        let missing = match (numbered, act.date) {
            (false, None) => Some("no number and no date"),
            (false, Some(_)) => Some("no number"),
            (true, None) => Some("no date"),
            (true, Some(_)) => None,
        };
        if let Some(missing) = missing {
            let message = format!("the override of `{id}` {year} cites an act ({act}) with {missing}");
            reporter.report(Code::IncompleteAct, &entry.act_span, message).help =
                Some("record the act's number and date: the decision must be traceable".to_owned());
        }
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
