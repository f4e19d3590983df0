//! Revisions and acts: a node is removed exactly when a revision removes it; acts should carry
//! a number and a date; one date should not be cited with two act numbers.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::diagnostic::{Code, Reporter};
use crate::plan::{Act, Change, Plan, Status};
use crate::source::Span;

pub(super) fn validate(reporter: &mut Reporter<'_>, plan: &Plan) {
    for node in &plan.nodes {
        let removals: Vec<_> = node.revisions.iter().filter(|r| r.change == Change::Removed).collect();
        match (node.status, removals.first()) {
            (Status::Removed, None) => {
                let message =
                    format!("{} `{}` is marked removed but no revision removes it", node.level().label(), node.id);
                reporter.report(Code::RemovedWithoutRevision, &node.status_span, message).help = Some(
                    "add a revision with `change = \"removed\"` and the act that removed it, or remove `status`"
                        .to_owned(),
                );
            }
            (Status::Active, Some(revision)) => {
                let message =
                    format!("a revision removes {} `{}`, which is not marked removed", node.level().label(), node.id);
                reporter.report(Code::RemovalNotMarked, &revision.span, message).help =
                    Some("add `status = \"removed\"` to the node".to_owned());
            }
            _ => {}
        }
        for revision in &node.revisions {
            let missing = match &revision.act {
                None => Some("cites no act".to_owned()),
                Some(act) => match (&act.number, act.date) {
                    (None, None) => Some(format!("cites an act ({act}) with no number and no date")),
                    (None, Some(_)) => Some(format!("cites an act ({act}) with no number")),
                    (Some(_), None) => Some(format!("cites an act ({act}) with no date")),
                    (Some(_), Some(_)) => None,
                },
            };
            if let Some(missing) = missing {
                let message = format!("the {} revision of `{}` {missing}", revision.change.as_str(), node.id);
                let help = same_day_act(plan, revision.act.as_ref()).map_or_else(
                    || {
                        "record the act's number and date: an unnumbered change cannot be traced to a deliberation"
                            .to_owned()
                    },
                    |adopting| {
                        format!(
                            "the plan was adopted by {adopting} on the same day: if this is that act, record its number"
                        )
                    },
                );
                reporter.report(Code::IncompleteAct, &revision.span, message).help = Some(help);
            }
        }
    }
    check_conflicting_numbers(reporter, plan);
}

/// The plan's adopting act, when `act` is dated the same day and lacks a number.
fn same_day_act<'p>(plan: &'p Plan, act: Option<&Act>) -> Option<&'p Act> {
    let act = act?;
    let adopting = plan.metadata.adopted_by.as_ref()?;
    (act.number.is_none() && act.date.is_some() && act.date == adopting.date && adopting.number.is_some())
        .then_some(adopting)
}

/// For each act date and body: each number cited, with how many times and where first.
type Citations = BTreeMap<(Date, Option<String>), BTreeMap<String, (usize, Span)>>;

/// One date (and body) cited with several numbers: all but the most cited number are reported.
fn check_conflicting_numbers(reporter: &mut Reporter<'_>, plan: &Plan) {
    // (date, body) → number → (times cited, first citation)
    let mut citations = Citations::new();
    let revisions = plan.nodes.iter().flat_map(|node| node.revisions.iter());
    for revision in revisions {
        let Some(act) = &revision.act else { continue };
        let (Some(date), Some(number)) = (act.date, &act.number) else { continue };
        let numbers = citations.entry((date, act.body.clone())).or_default();
        numbers.entry(number.clone()).or_insert((0, revision.span.clone())).0 += 1;
    }
    for ((date, _), numbers) in citations {
        if numbers.len() < 2 {
            continue;
        }
        let most_cited = numbers
            .iter()
            .max_by_key(|(_, (count, span))| (*count, std::cmp::Reverse(span.start)))
            .map(|(n, _)| n.clone());
        let summary = numbers
            .iter()
            .map(|(number, (count, _))| format!("n. {number} ({count} {})", if *count == 1 { "time" } else { "times" }))
            .collect::<Vec<_>>()
            .join(", ");
        for (number, (_, span)) in &numbers {
            if Some(number) == most_cited.as_ref() {
                continue;
            }
            let message = format!("the act of {date} is cited with different numbers: {summary}");
            reporter.report(Code::ConflictingActNumbers, span, message).help =
                Some(format!("one date, one deliberation: check whether n. {number} is a typo"));
        }
    }
}
