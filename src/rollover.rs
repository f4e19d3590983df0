//! Next year's plan from this year's (`cruscotto rollover`): the year moved, the horizon kept
//! (or extended to the new year), the adopting act dropped (the new plan is adopted by its own),
//! and everything else carried over as it is, history included: revisions, removed nodes,
//! overrides and accepted findings. Written back through [`crate::render::plan`], every target
//! sits under its year, so the shorthand `target =`, which follows `year`, is never used.

use crate::i18n::{Lang, Message};
use crate::msg;
use crate::plan::Plan;
use crate::render::table::wrap;
use crate::render::words;

/// The rolled-over plan, and what changed.
#[derive(Debug, Clone)]
pub struct Rolled {
    /// The plan of the new year.
    pub plan: Plan,
    /// The indicators whose target of the old plan year was written with the shorthand `target
    /// =`: now written under that year.
    pub shorthands: Vec<String>,
    /// Whether the horizon was extended.
    pub horizon_extended: bool,
}

/// Why a plan cannot be rolled over to a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RolloverError {
    /// The new year is not after the plan's.
    NotLater {
        /// The plan's year.
        plan_year: i32,
        /// The year asked for.
        year: i32,
    },
    /// The horizon's new end is before the new year.
    HorizonTooShort {
        /// The year asked for.
        year: i32,
        /// The horizon's end asked for.
        until: i32,
    },
}

impl RolloverError {
    /// What is wrong, as a message of the catalogue.
    pub fn message(&self) -> Message {
        match self {
            Self::NotLater { plan_year, .. } => msg!("rollover-not-later", plan_year = plan_year),
            Self::HorizonTooShort { year, until } => msg!("rollover-horizon-too-short", year = year, until = until),
        }
    }
}

crate::display_in_english!(RolloverError);

/// `plan` rolled over to `year`, its horizon ending in `until` (default: the current end, or
/// `year` when that is later).
pub fn rollover(plan: &Plan, year: i32, until: Option<i32>) -> Result<Rolled, RolloverError> {
    let metadata = &plan.metadata;
    if year <= metadata.year {
        return Err(RolloverError::NotLater { plan_year: metadata.year, year });
    }
    let last_year = until.unwrap_or(metadata.last_year.max(year));
    if last_year < year {
        return Err(RolloverError::HorizonTooShort { year, until: last_year });
    }
    let shorthands = plan
        .indicators()
        .filter(|&index| plan.node(index).indicator().is_some_and(|indicator| indicator.plan_year_shorthand))
        .map(|index| plan.node(index).id.clone())
        .collect();
    let mut next = plan.clone();
    next.metadata.year = year;
    next.metadata.last_year = last_year;
    next.metadata.adopted_by = None;
    for node in &mut next.nodes {
        if let crate::plan::NodeKind::Indicator(indicator) = &mut node.kind {
            indicator.plan_year_shorthand = false;
        }
    }
    Ok(Rolled { plan: next, shorthands, horizon_extended: last_year != metadata.last_year })
}

/// The width the header's lines are wrapped to (with the `# ` of the comment, 100).
const HEADER_WIDTH: usize = 98;

/// The comment at the top of the new plan, in `lang` (the plan's): where it comes from and what
/// to do next. `from` names the old plan as it should be recorded (never an absolute path).
pub fn header(from: &str, old: &Plan, rolled: &Rolled, lang: Lang) -> String {
    let (before, new) = (&old.metadata, &rolled.plan.metadata);
    let years = msg!("rollover-years", old = before.year, year = new.year)
        .arg("old_first", before.first_year)
        .arg("old_last", before.last_year)
        .arg("first", new.first_year)
        .arg("last", new.last_year);
    let mut messages =
        vec![msg!("rollover-written", file = from), years, msg!("rollover-targets"), msg!("rollover-history")];
    if let Some(act) = &before.adopted_by {
        messages.push(Message::new("rollover-adoption").message("act", words::act_message(lang, act)));
    }
    let mut lines = vec![new.title.clone()];
    lines.extend(messages.iter().map(|message| wrap(&message.render(lang), HEADER_WIDTH)));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    #[test]
    fn the_year_must_move_forward_and_the_horizon_reach_it() {
        let text = "[plan]\nbody = \"B\"\ntitle = \"T\"\nyear = 2019\nhorizon = [2019, 2020]\n";
        let plan = crate::check_plan(&SourceFile::new("p.toml", text)).plan.unwrap();
        assert_eq!(rollover(&plan, 2019, None).unwrap_err(), RolloverError::NotLater { plan_year: 2019, year: 2019 });
        assert_eq!(
            rollover(&plan, 2021, Some(2020)).unwrap_err(),
            RolloverError::HorizonTooShort { year: 2021, until: 2020 }
        );
        let rolled = rollover(&plan, 2021, None).unwrap();
        assert_eq!((rolled.plan.metadata.year, rolled.plan.metadata.last_year), (2021, 2021));
        assert!(rolled.horizon_extended);
        assert!(!rollover(&plan, 2020, None).unwrap().horizon_extended);
    }
}
