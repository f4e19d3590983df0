//! The revision log ("rolling annuale") rebuilt from the plan's revision records, grouped by
//! act, with the acts that lack a number or a date flagged.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::plan::{Act, Change, NodeIndex, Plan};

/// The log: one group per act, in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    /// The groups, acts with a date first (by date), then acts with a year only, then the rest.
    pub groups: Vec<ActGroup>,
}

/// The revisions adopted by one act (or recorded without an act).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActGroup {
    /// The act; `None` for revisions that cite none.
    pub act: Option<Act>,
    /// For revisions without an act date: the year they record.
    pub year: Option<i32>,
    /// What the act did, in tree order.
    pub entries: Vec<Entry>,
    /// What is wrong or worth knowing about the act.
    pub flags: Vec<String>,
}

/// One node changed by an act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The node.
    pub node: NodeIndex,
    /// What the act did to it.
    pub change: Change,
    /// The revision's note.
    pub note: Option<String>,
    /// Whether the revision records the node's previous values.
    pub previous_recorded: bool,
}

impl ActGroup {
    /// The act's date, if known.
    pub fn date(&self) -> Option<Date> {
        self.act.as_ref().and_then(|act| act.date)
    }

    /// How the group is named: `Giunta n. 97 del 26/07/2018`, `no act (2018)`.
    pub fn label(&self) -> String {
        match (&self.act, self.year) {
            (Some(act), _) => act.to_string(),
            (None, Some(year)) => format!("no act (year {year})"),
            (None, None) => "no act".to_owned(),
        }
    }
}

impl History {
    /// The act numbers cited for each date, in the log's order: a date cited with two numbers is
    /// probably one act written two ways.
    pub fn numbers_by_date(&self) -> BTreeMap<Date, Vec<String>> {
        numbers_by_date(&self.groups)
    }
}

fn numbers_by_date(groups: &[ActGroup]) -> BTreeMap<Date, Vec<String>> {
    groups.iter().fold(BTreeMap::new(), |mut map, group| {
        if let (Some(date), Some(number)) = (group.date(), group.act.as_ref().and_then(|a| a.number.clone())) {
            map.entry(date).or_insert_with(Vec::new).push(number);
        }
        map
    })
}

/// The plan's revision log.
pub fn history(plan: &Plan) -> History {
    // Key: (has no date, date, has no year, year, act) — dated acts first, in date order.
    type Key = (bool, Option<Date>, bool, Option<i32>, Option<Act>);
    let mut groups: BTreeMap<Key, ActGroup> = BTreeMap::new();
    for index in plan.walk() {
        for revision in &plan.node(index).revisions {
            let date = revision.act.as_ref().and_then(|act| act.date);
            let year = if date.is_none() { revision.year } else { None };
            let key = (date.is_none(), date, year.is_none(), year, revision.act.clone());
            let group = groups.entry(key).or_insert_with(|| ActGroup {
                act: revision.act.clone(),
                year,
                entries: Vec::new(),
                flags: Vec::new(),
            });
            group.entries.push(Entry {
                node: index,
                change: revision.change,
                note: revision.note.clone(),
                previous_recorded: revision.previous.is_some(),
            });
        }
    }
    let mut groups: Vec<ActGroup> = groups.into_values().collect();
    let adopting = plan.metadata.adopted_by.as_ref();
    let numbers_by_date = numbers_by_date(&groups);
    for group in &mut groups {
        let Some(act) = &group.act else {
            group.flags.push(match group.year {
                Some(year) => format!("no act is cited: only the year {year} is recorded"),
                None => "no act is cited, and no date".to_owned(),
            });
            continue;
        };
        if act.number.is_none() && plan.metadata.act_number == crate::plan::ActNumber::Required {
            group.flags.push("the act has no number".to_owned());
        }
        if act.date.is_none() {
            group.flags.push("the act has no date".to_owned());
        }
        if let Some(date) = act.date {
            let numbers = &numbers_by_date.get(&date).cloned().unwrap_or_default();
            if numbers.len() > 1 {
                let all = numbers.iter().map(|n| format!("n. {n}")).collect::<Vec<_>>().join(" and ");
                group.flags.push(format!("the date {date} is cited with two numbers: {all}"));
            }
            if act.number.is_none()
                && let Some(adopting) = adopting.filter(|a| a.date == Some(date) && a.number.is_some())
            {
                group.flags.push(format!("same date as the plan's adopting act ({adopting}): probably that act"));
            }
        }
    }
    History { groups }
}
