//! The revision log ("rolling annuale") rebuilt from the plan's revision records, grouped by
//! act, with the acts that lack a number or a date flagged.

use std::collections::BTreeMap;
use std::fmt;

use crate::date::Date;
use crate::i18n::{self, Lang, Message};
use crate::plan::{Act, ActNumber, Change, NodeIndex, Plan};
use crate::render::words;

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
    pub flags: Vec<Flag>,
}

/// What is wrong or worth knowing about an act of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The revisions cite no act, only the year they took effect.
    NoActYear(i32),
    /// The revisions cite no act and no date.
    NoAct,
    /// The act has no number.
    NoNumber,
    /// The act has no date.
    NoDate,
    /// The act's date is cited with several numbers: probably one act written two ways.
    Numbers {
        /// The date.
        date: Date,
        /// The numbers, in the log's order.
        numbers: Vec<String>,
    },
    /// An act without a number on the day of the plan's adopting act: probably that act.
    AdoptingDate(Act),
}

impl Flag {
    /// The flag in `lang`: `l'atto non ha numero`.
    pub fn message(&self, lang: Lang) -> Message {
        match self {
            Flag::NoActYear(year) => Message::new("history-flag-no-act-year").arg("year", year),
            Flag::NoAct => Message::new("history-flag-no-act"),
            Flag::NoNumber => Message::new("history-flag-no-number"),
            Flag::NoDate => Message::new("history-flag-no-date"),
            Flag::Numbers { date, numbers } => {
                let and = format!(" {} ", i18n::text(lang, "word-and"));
                let numbers = numbers.iter().map(|n| format!("n. {n}")).collect::<Vec<_>>().join(&and);
                Message::new("history-flag-numbers").arg("date", words::date(*date)).arg("numbers", numbers)
            }
            Flag::AdoptingDate(act) => {
                Message::new("history-flag-adopting-date").message("act", words::act_message(lang, act))
            }
        }
    }
}

impl fmt::Display for Flag {
    /// The flag in English, as `history --format json` writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En).render(Lang::En))
    }
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

    /// How the group is named in `lang`: `Giunta n. 97 del 26/07/2018`, `no act (year 2018)`;
    /// in English, as `history --format json` writes it.
    pub fn label(&self, lang: Lang) -> String {
        self.cited_label(lang, ActNumber::Required)
    }

    /// [`label`](Self::label), the act cited as the plan's acts are (`act-number`): by its date
    /// alone in a plan whose acts need no number.
    pub fn cited_label(&self, lang: Lang, numbers: ActNumber) -> String {
        match &self.act {
            Some(act) => words::cited_act(lang, act, numbers),
            None => no_act(self.year).render(lang),
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
        for revision in plan.node(index).revisions() {
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
    flag(&mut groups, plan.metadata.adopted_by.as_ref(), plan.metadata.act_number);
    History { groups }
}

/// `no act (year 2018)`: the name of revisions that cite no act, with the year when they record one.
pub fn no_act(year: Option<i32>) -> Message {
    Message::new("no-act").arg("year", year.map_or_else(|| "none".to_owned(), |y| y.to_string()))
}

/// Flags what each group's act lacks (its number only when the plan's acts carry one), and the
/// dates cited with several numbers.
fn flag(groups: &mut [ActGroup], adopting: Option<&Act>, numbers: ActNumber) {
    let numbers_by_date = numbers_by_date(groups);
    for group in groups {
        let Some(act) = &group.act else {
            group.flags.push(match group.year {
                Some(year) => Flag::NoActYear(year),
                None => Flag::NoAct,
            });
            continue;
        };
        if act.number.is_none() && numbers == ActNumber::Required {
            group.flags.push(Flag::NoNumber);
        }
        if act.date.is_none() {
            group.flags.push(Flag::NoDate);
        }
        if let Some(date) = act.date {
            let numbers = numbers_by_date.get(&date).cloned().unwrap_or_default();
            if numbers.len() > 1 {
                group.flags.push(Flag::Numbers { date, numbers });
            }
            if act.number.is_none()
                && let Some(adopting) = adopting.filter(|a| a.date == Some(date) && a.number.is_some())
            {
                group.flags.push(Flag::AdoptingDate(adopting.clone()));
            }
        }
    }
}
