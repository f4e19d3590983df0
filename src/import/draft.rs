//! The plan as the import builds it: a tree of owned nodes in source order, each with the place
//! it came from, the notes that could not go anywhere else and the comments its TOML will carry.
//! Ids, registries, units and polarity are filled in by [`super::resolve`] once every row is read.

use std::collections::{BTreeSet, HashMap};

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::plan::{Act, Change, Unit};
use crate::target::Polarity;

use super::grid::{Input, Place, Row};
use super::notes::Revision;

/// What every node has.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    /// The stable id (assigned by `resolve`).
    pub(crate) id: String,
    /// The text as the source writes it (cleaned).
    pub(crate) name: String,
    /// The row it comes from.
    pub(crate) place: Place,
    /// Content of the source kept on the node (`notes = "..."`).
    pub(crate) notes: Vec<String>,
    /// `#` comments written above the node: how the import read its rows.
    pub(crate) comments: Vec<String>,
    /// Its revisions, in source order.
    pub(crate) revisions: Vec<Revision>,
}

impl Node {
    pub(crate) fn new(name: impl Into<String>, place: Place) -> Self {
        Self { name: name.into(), place, ..Self::default() }
    }

    /// Removed exactly when a revision removes it.
    pub(crate) fn removed(&self) -> bool {
        self.revisions.iter().any(|r| r.change == Change::Removed)
    }
}

/// A mission ("011_ Competitività delle Imprese").
#[derive(Debug, Default)]
pub(crate) struct Mission {
    pub(crate) node: Node,
    pub(crate) objectives: Vec<Strategic>,
}

/// A strategic objective ("1. Semplificazione ...").
#[derive(Debug, Default)]
pub(crate) struct Strategic {
    pub(crate) node: Node,
    /// Its number in the source.
    pub(crate) number: u32,
    /// Index into [`Draft::perspectives`].
    pub(crate) perspective: Option<usize>,
    /// Its dashboard indicators.
    pub(crate) indicators: Vec<Indicator>,
    pub(crate) programs: Vec<Program>,
}

/// A program of intervention.
#[derive(Debug, Default)]
pub(crate) struct Program {
    pub(crate) node: Node,
    pub(crate) objectives: Vec<Operational>,
}

/// An operational objective.
#[derive(Debug, Default)]
pub(crate) struct Operational {
    pub(crate) node: Node,
    pub(crate) indicators: Vec<Indicator>,
}

/// A service or area as a cell names it.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub(crate) text: String,
    pub(crate) place: Place,
}

/// An indicator, of the dashboard or of an operational objective.
#[derive(Debug, Default)]
pub(crate) struct Indicator {
    pub(crate) node: Node,
    /// Dashboard indicators: one target per year, as written.
    pub(crate) targets: Vec<(i32, String)>,
    /// Operational indicators: the plan year's target, as written.
    pub(crate) target: Option<String>,
    /// The services and areas as the cells name them.
    pub(crate) services: Vec<Mention>,
    pub(crate) areas: Vec<Mention>,
    /// Resolved: service and area ids, and whether every service is involved.
    pub(crate) service_ids: Vec<String>,
    pub(crate) area_ids: Vec<String>,
    pub(crate) cross_cutting: bool,
    /// Inferred from the targets.
    pub(crate) unit: Option<Unit>,
    pub(crate) polarity: Option<Polarity>,
    pub(crate) scale: Option<&'static str>,
}

/// A balanced-scorecard perspective, from the operational table's heading rows.
#[derive(Debug)]
pub(crate) struct Perspective {
    pub(crate) id: String,
    pub(crate) name: String,
}

/// What the rows say about the plan itself.
#[derive(Debug, Default)]
pub(crate) struct Hints {
    /// A heading naming the adopting act (`All.2.1 D GC 81 25.07.2019`).
    pub(crate) act: Option<(Act, String, Place)>,
    /// A row naming the body (`Camera di Commercio di ...`).
    pub(crate) body: Option<(String, Place)>,
    /// A row naming the document (`Piano della performance 2019-2021`).
    pub(crate) title: Option<(String, Place)>,
    /// The year of a heading such as `Piano operativo 2019`.
    pub(crate) year: Option<(i32, String, Place)>,
    /// The dashboard's year columns.
    pub(crate) dashboard_years: BTreeSet<i32>,
    /// The first and last rows of each layout.
    pub(crate) dashboard_rows: Option<(Place, Place)>,
    pub(crate) operational_rows: Option<(Place, Place)>,
}

impl Hints {
    pub(crate) fn extend(span: &mut Option<(Place, Place)>, place: Place) {
        match span {
            Some((_, last)) => *last = place,
            None => *span = Some((place, place)),
        }
    }
}

/// The whole draft.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub(crate) missions: Vec<Mission>,
    pub(crate) perspectives: Vec<Perspective>,
    /// Content found before any layout, kept as the plan's notes.
    pub(crate) plan_notes: Vec<String>,
    pub(crate) hints: Hints,
    mission_by_code: HashMap<String, usize>,
    objective_by_number: HashMap<u32, (usize, usize)>,
    /// Strategic objectives by name (lower case, single spaces), the first of each name.
    objective_by_name: HashMap<String, (usize, usize)>,
    perspective_by_name: HashMap<String, usize>,
    /// The highest objective number so far.
    highest_number: u32,
}

impl Draft {
    /// The mission with this code, if any.
    pub(crate) fn mission(&self, code: &str) -> Option<usize> {
        self.mission_by_code.get(code).copied()
    }

    /// Adds a mission; its code is its id.
    pub(crate) fn add_mission(&mut self, code: &str, name: &str, place: Place) -> usize {
        let mut node = Node::new(name, place);
        node.id = code.to_owned();
        self.missions.push(Mission { node, objectives: Vec::new() });
        self.mission_by_code.insert(code.to_owned(), self.missions.len() - 1);
        self.missions.len() - 1
    }

    /// The strategic objective numbered `number`: (mission, objective) indices.
    pub(crate) fn objective(&self, number: u32) -> Option<(usize, usize)> {
        self.objective_by_number.get(&number).copied()
    }

    /// Adds a strategic objective under `mission`.
    pub(crate) fn add_objective(&mut self, mission: usize, number: u32, name: &str, place: Place) -> (usize, usize) {
        let objectives = &mut self.missions[mission].objectives;
        objectives.push(Strategic { node: Node::new(name, place), number, ..Strategic::default() });
        let at = (mission, objectives.len() - 1);
        self.objective_by_number.entry(number).or_insert(at);
        self.objective_by_name.entry(name_key(name)).or_insert(at);
        self.highest_number = self.highest_number.max(number);
        at
    }

    /// The strategic objective of this name (same words, any case), if any.
    pub(crate) fn objective_named(&self, name: &str) -> Option<(usize, usize)> {
        self.objective_by_name.get(&name_key(name)).copied()
    }

    /// The highest number of a strategic objective so far (0 when there is none).
    pub(crate) fn highest_number(&self) -> u32 {
        self.highest_number
    }

    pub(crate) fn strategic(&mut self, (mission, objective): (usize, usize)) -> &mut Strategic {
        &mut self.missions[mission].objectives[objective]
    }

    /// The perspective with this name (same words, any case), added if new.
    pub(crate) fn perspective(&mut self, name: &str) -> usize {
        let next = self.perspectives.len();
        let at = *self.perspective_by_name.entry(name_key(name)).or_insert(next);
        if at == next {
            self.perspectives.push(Perspective { id: String::new(), name: name.to_owned() });
        }
        at
    }

    /// Every node, for counting and for checks over the whole tree.
    pub(crate) fn counts(&self) -> Counts {
        let mut counts = Counts { missions: self.missions.len(), ..Counts::default() };
        for mission in &self.missions {
            counts.revisions += mission.node.revisions.len();
            for objective in &mission.objectives {
                counts.strategic_objectives += 1;
                counts.revisions += objective.node.revisions.len();
                counts.strategic_indicators += objective.indicators.len();
                counts.revisions += objective.indicators.iter().map(|i| i.node.revisions.len()).sum::<usize>();
                for program in &objective.programs {
                    counts.programs += 1;
                    counts.revisions += program.node.revisions.len();
                    for operational in &program.objectives {
                        counts.operational_objectives += 1;
                        counts.revisions += operational.node.revisions.len();
                        counts.operational_indicators += operational.indicators.len();
                        counts.revisions +=
                            operational.indicators.iter().map(|i| i.node.revisions.len()).sum::<usize>();
                    }
                }
            }
        }
        counts
    }

    /// Every indicator, dashboard and operational, in tree order.
    pub(crate) fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.missions.iter().flat_map(|mission| {
            mission.objectives.iter().flat_map(|objective| {
                objective.indicators.iter().chain(
                    objective.programs.iter().flat_map(|p| p.objectives.iter().flat_map(|o| o.indicators.iter())),
                )
            })
        })
    }

    /// Every indicator, mutably, in tree order.
    pub(crate) fn indicators_mut(&mut self) -> impl Iterator<Item = &mut Indicator> {
        self.missions.iter_mut().flat_map(|mission| {
            mission.objectives.iter_mut().flat_map(|objective| {
                objective.indicators.iter_mut().chain(
                    objective
                        .programs
                        .iter_mut()
                        .flat_map(|p| p.objectives.iter_mut().flat_map(|o| o.indicators.iter_mut())),
                )
            })
        })
    }
}

/// A name's key: lower case, single spaces, no trailing punctuation.
pub(crate) fn name_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(['.', ';', ':', ',']).to_lowercase()
}

/// How many nodes of each level the import found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Missions.
    pub missions: usize,
    /// Strategic objectives.
    pub strategic_objectives: usize,
    /// Indicators of the strategic dashboard.
    pub strategic_indicators: usize,
    /// Programs.
    pub programs: usize,
    /// Operational objectives.
    pub operational_objectives: usize,
    /// Indicators of the operational objectives.
    pub operational_indicators: usize,
    /// Revisions, on every level.
    pub revisions: usize,
}

/// The input being read and the diagnostics found so far.
pub(crate) struct Context<'i> {
    pub(crate) input: &'i Input,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The language of what goes into the plan's text: comments, and the places notes name.
    pub(crate) lang: Lang,
}

impl Context<'_> {
    /// Keeps content that has no node to go to in the plan's notes (`line 12: a | b`) and reports
    /// it: the message names the row and says `why` (`import-kept-in-plan-notes`, whose `why`
    /// selects the reason).
    pub(crate) fn keep_in_plan_notes(&mut self, draft: &mut Draft, text: &str, place: Place, why: &str, help: Message) {
        let where_ = self.input.row_name(place);
        draft.plan_notes.push(msg!("import-note-from", text = text).message("place", where_.clone()).render(self.lang));
        let message = msg!("import-kept-in-plan-notes", why = why).message("place", where_);
        self.report(Code::ImportUnplacedContent, place, message, Some(help));
    }

    /// [`Context::keep_in_plan_notes`] for a whole row, located at its first cell.
    pub(crate) fn keep_row_in_plan_notes(
        &mut self,
        draft: &mut Draft,
        row: &Row,
        place: Place,
        why: &str,
        help: Message,
    ) {
        let text = row.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" | ");
        let place = Place { column: row.cells[0].column, ..place };
        self.keep_in_plan_notes(draft, &text, place, why, help);
    }

    /// Records a diagnostic at `place`.
    pub(crate) fn report(&mut self, code: Code, place: Place, message: Message, help: Option<Message>) {
        let mut diagnostic = Diagnostic::new(code, message).located(self.input.locate(place));
        diagnostic.help = help;
        self.diagnostics.push(diagnostic);
    }
}
