//! Revisions and acts: a node is removed exactly when a revision removes it; acts should carry
//! a number and a date; one date should not be cited with two act numbers.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::diagnostic::{Code, Reporter, plan_level_name};
use crate::i18n::Message;
use crate::msg;
use crate::plan::{Act, Change, Level, Plan, Status};
use crate::source::Span;

pub(super) fn validate(reporter: &mut Reporter<'_>, plan: &Plan, plan_year_known: bool) {
    for node in &plan.nodes {
        let removals: Vec<_> = node.revisions().iter().filter(|r| r.change == Change::Removed).collect();
        match (node.status, removals.first()) {
            (Status::Removed, None) => {
                let message = msg!("removed-without-revision", id = &node.id)
                    .message("level", plan_level_name(&plan.level_names, node.level()));
                reporter.report(Code::RemovedWithoutRevision, &node.status_span, message).help =
                    Some(msg!("removed-without-revision-help"));
            }
            (Status::Active, Some(revision)) => {
                let message = msg!("removal-not-marked", id = &node.id)
                    .message("level", plan_level_name(&plan.level_names, node.level()));
                reporter.report(Code::RemovalNotMarked, &revision.span, message).help =
                    Some(msg!("removal-not-marked-help"));
            }
            _ => {}
        }
        for revision in node.revisions() {
            let missing = match &revision.act {
                None => Some(("act", String::new())),
                Some(act) => act.missing(plan.metadata.act_number).map(|missing| (missing, act.to_string())),
            };
            if let Some((missing, act)) = missing {
                let message = msg!(
                    "incomplete-act",
                    change = revision.change.as_str(),
                    id = &node.id,
                    missing = missing,
                    act = act
                );
                let help = same_day_act(plan, revision.act.as_ref()).map_or_else(
                    || msg!("incomplete-act-help"),
                    |adopting| msg!("incomplete-act-help-same-day", adopting = adopting),
                );
                reporter.report(Code::IncompleteAct, &revision.span, message).help = Some(help);
            }
        }
    }
    check_conflicting_numbers(reporter, plan);
    check_order_and_dates(reporter, plan, plan_year_known);
    check_previous_references(reporter, plan);
}

/// A removal dated before the insertion; revisions by acts dated after the plan year (the
/// adopting act is checked where `[plan]` is read).
/// Without a valid `[plan]` (already reported) there is no plan year to compare acts with.
fn check_order_and_dates(reporter: &mut Reporter<'_>, plan: &Plan, plan_year_known: bool) {
    let plan_year = plan.metadata.year;
    for node in &plan.nodes {
        let dated = |change: Change| {
            node.revisions()
                .iter()
                .filter(|r| r.change == change)
                .filter_map(|r| r.act.as_ref()?.date.map(|d| (d, r)))
                .min_by_key(|(d, _)| *d)
        };
        if let (Some((inserted, _)), Some((removed, revision))) = (dated(Change::Inserted), dated(Change::Removed))
            && removed < inserted
        {
            let message = msg!("removal-before-insertion", id = &node.id, removed = removed, inserted = inserted)
                .message("level", plan_level_name(&plan.level_names, node.level()));
            reporter.report(Code::RemovalBeforeInsertion, &revision.span, message).help =
                Some(msg!("removal-before-insertion-help"));
        }
        for revision in node.revisions() {
            if let Some(date) = revision.act.as_ref().and_then(|act| act.date)
                && plan_year_known
                && date.year() > plan_year
            {
                let message = msg!(
                    "act-after-plan-year",
                    change = revision.change.as_str(),
                    id = &node.id,
                    date = date,
                    year = plan_year
                );
                reporter.report(Code::ActAfterPlanYear, &revision.span, message).help =
                    Some(msg!("act-after-plan-year-help"));
            }
        }
    }
}

/// The ids recorded in `previous` values must exist: parents at the right level, services,
/// areas.
fn check_previous_references(reporter: &mut Reporter<'_>, plan: &Plan) {
    for node in &plan.nodes {
        for revision in node.revisions() {
            let Some(previous) = &revision.previous else { continue };
            if let Some(parent) = &previous.parent {
                let expected = match node.level() {
                    Level::StrategicObjective => &[Level::Mission][..],
                    Level::Program => &[Level::StrategicObjective],
                    Level::OperationalObjective => &[Level::Program],
                    Level::Indicator => &[Level::StrategicObjective, Level::OperationalObjective],
                    Level::Mission => &[],
                };
                let found = plan.find(parent).map(|i| plan.node(i).level());
                if !found.is_some_and(|level| expected.contains(&level)) {
                    let message = msg!("previous-parent-unknown", parent = parent, id = &node.id);
                    reporter.report(Code::UnknownParent, &previous.span, message).help =
                        Some(msg!("previous-parent-unknown-help"));
                }
            }
            for id in previous.services.iter().flatten() {
                if !plan.services.iter().any(|s| s.id == *id) {
                    let message = msg!("previous-undeclared", what = "service", id = id, node = &node.id);
                    reporter.report(Code::UndeclaredService, &previous.span, message);
                }
            }
            for id in previous.areas.iter().flatten() {
                if !plan.areas.iter().any(|a| a.id == *id) {
                    let message = msg!("previous-undeclared", what = "area", id = id, node = &node.id);
                    reporter.report(Code::UndeclaredArea, &previous.span, message);
                }
            }
        }
    }
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
    let revisions = plan.nodes.iter().flat_map(|node| node.revisions().iter());
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
        let citations: Vec<Message> = numbers
            .iter()
            .map(|(number, (count, _))| msg!("act-number-cited", number = number).count("count", *count))
            .collect();
        for (number, (_, span)) in &numbers {
            if Some(number) == most_cited.as_ref() {
                continue;
            }
            let message = msg!("conflicting-act-numbers", date = date).list("citations", citations.clone());
            reporter.report(Code::ConflictingActNumbers, span, message).help =
                Some(msg!("conflicting-act-numbers-help", number = number));
        }
    }
}
