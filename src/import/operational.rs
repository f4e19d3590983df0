//! The operational table ("piano operativo"): under perspective and mission heading rows, one
//! row per indicator in the columns Obiettivi strategici | Programmi di intervento | Obiettivo
//! operativo | Indicatore | Target | Servizi interni coinvolti | Area, and an optional notes
//! column. A blank cell means "the same as above" (the export of a merged cell); a cell that
//! repeats the text above is read the same way.
//!
//! Two repairs are made, each reported:
//!
//! - **shifted rows** ([`realign`]): the Target column is empty or holds text while another
//!   cell holds a target (`31/12/2019`, `98,00%`, `≥ 1`). That cell is taken as the target, the
//!   two cells after it as the services and the area; the text before it stays in its columns
//!   when the indicator is in the Indicatore column, and is otherwise read from the right
//!   (indicator, then operational objective, then program);
//! - **two indicators in one row** ([`two_targets`]): a target cell holding two targets
//!   (`>1 90%`) becomes two indicators; the services and area cells are split in two when they
//!   repeat (`I I`), and the indicator's text where a second sentence starts.

use std::collections::HashSet;

use crate::diagnostic::{Code, level_name};
use crate::i18n::Message;
use crate::msg;
use crate::plan::Level;
use crate::target::Target;

use super::dashboard::missing_mission;
use super::draft::{Context, Draft, Indicator, Mention, Node, Operational, Program};
use super::grid::{Cell, Place, Row};
use super::layout::{ColumnMap, Role, numbered};
use super::notes;
use super::resolve::{checked_target, same_name};

/// Where the operational table's walk is: the column map and the "same as above" cursor.
#[derive(Debug, Default)]
pub(crate) struct OperationalTable {
    map: Option<ColumnMap>,
    perspective: Option<usize>,
    mission: Option<usize>,
    objective: Option<(usize, usize)>,
    program: Option<usize>,
    operational: Option<usize>,
    /// Variants already reported, so each is reported once.
    reported: HashSet<String>,
    /// A comment for the first indicator of the row being read.
    pending_comment: Option<String>,
    /// Whether the previous row had HTML tags.
    in_markup: bool,
}

/// The cells of a row by role, after realignment.
#[derive(Debug, Default, Clone)]
struct Fields<'r> {
    strategic: Option<&'r Cell>,
    program: Option<&'r Cell>,
    operational: Option<&'r Cell>,
    indicator: Option<&'r Cell>,
    target: Option<&'r Cell>,
    services: Option<&'r Cell>,
    area: Option<&'r Cell>,
    /// The notes column, and cells in columns the header does not name.
    rest: Vec<&'r Cell>,
}

impl<'r> Fields<'r> {
    fn of(row: &'r Row, map: &ColumnMap) -> Self {
        let mut fields = Fields::default();
        for cell in &row.cells {
            match map.role(cell.column) {
                Some(role) if role != Role::Notes => *fields.slot(role) = Some(cell),
                _ => fields.rest.push(cell),
            }
        }
        fields
    }

    fn slot(&mut self, role: Role) -> &mut Option<&'r Cell> {
        match role {
            Role::Strategic => &mut self.strategic,
            Role::Program => &mut self.program,
            Role::Operational => &mut self.operational,
            Role::Indicator => &mut self.indicator,
            Role::Target => &mut self.target,
            Role::Services => &mut self.services,
            Role::Area => &mut self.area,
            Role::Notes => unreachable!("notes are not a single slot"),
        }
    }
}

impl OperationalTable {
    pub(crate) fn header(
        &mut self,
        _ctx: &mut Context<'_>,
        draft: &mut Draft,
        map: &ColumnMap,
        row: &Row,
        place: Place,
    ) {
        self.map = Some(map.clone());
        // `Target 2019`: the year of the operational plan.
        if let Some(column) = map.column(Role::Target) {
            let text = row.get(column);
            if let Some(year) =
                text.split(|c: char| !c.is_ascii_digit()).filter(|w| w.len() == 4).find_map(|w| w.parse::<i32>().ok())
                && (1990..=2100).contains(&year)
            {
                draft.hints.year.get_or_insert((year, text.to_owned(), Place { column, ..place }));
            }
        }
    }

    pub(crate) fn perspective(&mut self, draft: &mut Draft, name: &str) {
        self.perspective = Some(draft.perspective(name));
    }

    pub(crate) fn mission(&mut self, ctx: &mut Context<'_>, draft: &mut Draft, code: &str, name: &str, place: Place) {
        let index = match draft.mission(code) {
            Some(index) => {
                let kept = draft.missions[index].node.name.clone();
                if !same_name(&kept, name) && self.reported.insert(format!("mission {code} {name}")) {
                    let where_ = ctx.input.row_name(place);
                    let note = msg!("import-note-mission-variant", code = code, name = name).message("place", where_);
                    draft.missions[index].node.notes.push(note.render(ctx.lang));
                    let message = msg!("import-mission-dashboard-variant", code = code, name = name, kept = kept);
                    let help = msg!("import-mission-dashboard-variant-help");
                    ctx.report(Code::ImportNameVariant, place, message, Some(help));
                }
                index
            }
            None => draft.add_mission(code, name, place),
        };
        self.mission = Some(index);
        self.objective = None;
        self.program = None;
        self.operational = None;
    }

    /// What the table's column holds.
    pub(crate) fn role(&self, column: u32) -> Option<Role> {
        match &self.map {
            Some(map) => map.role(column),
            None => ColumnMap::standard().role(column),
        }
    }

    /// The strategic objective the walk is under.
    pub(crate) fn current_objective(&self) -> Option<(usize, usize)> {
        self.objective
    }

    /// One row of the table.
    pub(crate) fn row(&mut self, ctx: &mut Context<'_>, draft: &mut Draft, row: &Row, place: Place) {
        let map = self.map.clone().unwrap_or_else(ColumnMap::standard);
        let (fields, shift) = realign(row, &map, Fields::of(row, &map));
        let at = |cell: &Cell| Place { column: cell.column, ..place };
        let where_ = ctx.input.row_name(place);
        if let Some(shift) = &shift {
            let target = fields.target.expect("a realigned row has its target");
            let message = msg!("import-shifted-row").message("place", where_.clone()).message("shift", shift.clone());
            ctx.report(Code::ImportShiftedRow, at(target), message, Some(msg!("import-shifted-row-help")));
        }
        if let Some(cell) = fields.strategic {
            match numbered(&cell.text) {
                Some((number, name)) => self.enter_objective(ctx, draft, number, name, at(cell)),
                None => self.unnumbered_objective(ctx, draft, &cell.text, at(cell)),
            }
        }
        let Some(objective) = self.objective else {
            let help = msg!("import-before-objective-help");
            ctx.keep_row_in_plan_notes(draft, row, place, "before-objective", help);
            return;
        };
        // HTML tags are noted once per run of rows that have them, on the first node made.
        let mut markup_note = (row.has_markup() && !self.in_markup)
            .then(|| msg!("import-comment-markup").message("place", where_.clone()).render(ctx.lang));
        self.in_markup = row.has_markup();
        if let Some(cell) = fields.program {
            let programs = &mut draft.strategic(objective).programs;
            let same = self.program.is_some_and(|p| same_name(&programs[p].node.name, &cell.text));
            if !same {
                let mut node = Node::new(cell.text.clone(), at(cell));
                node.comments.extend(markup_note.take());
                programs.push(Program { node, objectives: Vec::new() });
                self.program = Some(programs.len() - 1);
                self.operational = None;
            }
        }
        if let Some(cell) = fields.operational {
            let program = self.ensure_program(ctx, draft, objective, at(cell));
            let operationals = &mut draft.strategic(objective).programs[program].objectives;
            match self.operational.filter(|&o| same_name(&operationals[o].node.name, &cell.text)) {
                Some(same) => operationals[same].node.comments.push(capitalise(
                    &msg!("import-comment-repeated-objective").message("place", where_.clone()).render(ctx.lang),
                )),
                None => {
                    // The previous objective is complete: its spare capacity can go (indicators
                    // are large, and a table has thousands of objectives).
                    if let Some(previous) = operationals.last_mut() {
                        previous.indicators.shrink_to_fit();
                    }
                    let mut node = Node::new(cell.text.clone(), at(cell));
                    node.comments.extend(markup_note.take());
                    operationals.push(Operational { node, indicators: Vec::new() });
                    self.operational = Some(operationals.len() - 1);
                }
            }
        }
        if let Some(comment) = shift {
            // The comment goes on the deepest node the row created or continues.
            let comment = msg!("import-comment-shifted").message("place", where_.clone()).message("shift", comment);
            let comment = capitalise(&comment.render(ctx.lang));
            if fields.indicator.is_none() {
                if let Some(node) = self.deepest(draft) {
                    node.comments.push(comment);
                }
            } else {
                self.pending_comment = Some(comment);
            }
        }
        let mut created = 0;
        if let Some(indicator_cell) = fields.indicator {
            let operational = self.ensure_operational(ctx, draft, objective, at(indicator_cell));
            let program = self.program.expect("ensured with the operational objective");
            let mut indicators = self.indicators(ctx, &fields, indicator_cell, place);
            if let Some(comment) = self.pending_comment.take() {
                indicators[0].node.comments.insert(0, comment);
            }
            indicators[0].node.comments.extend(markup_note.take());
            created = indicators.len();
            draft.strategic(objective).programs[program].objectives[operational].indicators.extend(indicators);
        } else {
            let loose: Vec<(&Cell, Role)> =
                [(fields.target, Role::Target), (fields.services, Role::Services), (fields.area, Role::Area)]
                    .into_iter()
                    .filter_map(|(cell, role)| cell.map(|c| (c, role)))
                    .collect();
            if !loose.is_empty() {
                let described = loose
                    .iter()
                    .map(|(c, role)| format!("{} \"{}\"", role.heading(), c.text))
                    .collect::<Vec<_>>()
                    .join("; ");
                let level = self.deepest_level();
                if let Some(node) = self.deepest(draft) {
                    let note =
                        msg!("import-note-no-indicator", described = &described).message("place", where_.clone());
                    node.notes.push(capitalise(&note.render(ctx.lang)));
                }
                let message = msg!("import-row-without-indicator", described = described)
                    .message("place", where_)
                    .message("level", level_name(level));
                ctx.report(Code::ImportUnplacedContent, at(loose[0].0), message, None);
            }
        }
        for cell in &fields.rest {
            self.row_note(ctx, draft, objective, created, cell, at(cell));
        }
    }

    /// A cell of the notes column (or of a column the header does not name).
    fn row_note(
        &mut self,
        ctx: &mut Context<'_>,
        draft: &mut Draft,
        objective: (usize, usize),
        created: usize,
        cell: &Cell,
        place: Place,
    ) {
        let revision = notes::revision(&cell.text);
        let heading =
            if self.map.as_ref().and_then(|m| m.role(cell.column)) == Some(Role::Notes) { Some("Note") } else { None };
        let where_ = ctx.input.cell_name(place, heading);
        if created > 0 {
            let program = self.program.expect("indicators have a program");
            let operational = self.operational.expect("indicators have an objective");
            let indicators = &mut draft.strategic(objective).programs[program].objectives[operational].indicators;
            let start = indicators.len() - created;
            for indicator in &mut indicators[start..] {
                match &revision {
                    Some(revision) => indicator.node.revisions.push(revision.clone()),
                    None => indicator.node.notes.push(cell.text.clone()),
                }
            }
        } else if let Some(node) = self.deepest(draft) {
            match &revision {
                Some(revision) => node.revisions.push(revision.clone()),
                None => node.notes.push(cell.text.clone()),
            }
        }
        if revision.is_none() {
            let message = msg!("import-not-a-revision-note", node = "row").message("place", where_);
            ctx.report(Code::ImportUnplacedContent, place, message, None);
        }
    }

    fn enter_objective(&mut self, ctx: &mut Context<'_>, draft: &mut Draft, number: u32, name: &str, place: Place) {
        let at = match draft.objective(number) {
            Some(at) => {
                let kept = draft.strategic(at).node.name.clone();
                let where_ = ctx.input.row_name(place);
                if !same_name(&kept, name) && self.reported.insert(format!("objective {number} {name}")) {
                    let note =
                        msg!("import-note-objective-variant", number = number, name = name).message("place", where_);
                    draft.strategic(at).node.notes.push(note.render(ctx.lang));
                    let message = msg!("import-objective-variant", number = number, name = name, kept = kept);
                    ctx.report(Code::ImportNameVariant, place, message, Some(msg!("import-objective-variant-help")));
                }
                if let Some(mission) = self.mission
                    && mission != at.0
                    && self.reported.insert(format!("objective {number} mission"))
                {
                    let (here, there) = (draft.missions[mission].node.id.clone(), draft.missions[at.0].node.id.clone());
                    let message = msg!("import-objective-mission-variant", number = number, here = here, there = there);
                    let help = msg!("import-objective-mission-variant-help");
                    ctx.report(Code::ImportNameVariant, place, message, Some(help));
                }
                at
            }
            None => {
                let mission = match self.mission {
                    Some(mission) => mission,
                    None => missing_mission(ctx, draft, number, place),
                };
                draft.add_objective(mission, number, name, place)
            }
        };
        let perspective = self.perspective;
        let objective = draft.strategic(at);
        if objective.perspective.is_none() {
            objective.perspective = perspective;
        }
        self.objective = Some(at);
        self.program = None;
        self.operational = None;
    }

    /// An objective written without its number: the one of the same name, or a new one.
    fn unnumbered_objective(&mut self, ctx: &mut Context<'_>, draft: &mut Draft, name: &str, place: Place) {
        let number = match draft.objective_named(name) {
            Some(at) => draft.strategic(at).number,
            None => {
                let next = draft.highest_number() + 1;
                let message = msg!("import-unnumbered-objective", name = name, number = next);
                ctx.report(Code::ImportUnplacedContent, place, message, Some(msg!("import-unnumbered-objective-help")));
                next
            }
        };
        self.enter_objective(ctx, draft, number, name, place);
    }

    /// The current program, or one made for an operational objective whose program is blank.
    fn ensure_program(
        &mut self,
        ctx: &mut Context<'_>,
        draft: &mut Draft,
        objective: (usize, usize),
        place: Place,
    ) -> usize {
        if let Some(program) = self.program {
            return program;
        }
        let strategic = draft.strategic(objective);
        let name = format!("{} (programma non indicato)", strategic.node.name);
        let mut node = Node::new(name, place);
        node.comments.push(msg!("import-comment-no-program").render(ctx.lang));
        strategic.programs.push(Program { node, objectives: Vec::new() });
        self.program = Some(strategic.programs.len() - 1);
        let message = msg!("import-operational-without-program").message("place", ctx.input.row_name(place));
        ctx.report(Code::ImportUnplacedContent, place, message, Some(msg!("import-operational-without-program-help")));
        self.program.expect("just set")
    }

    /// The current operational objective, or one made for an indicator whose objective is blank.
    fn ensure_operational(
        &mut self,
        ctx: &mut Context<'_>,
        draft: &mut Draft,
        objective: (usize, usize),
        place: Place,
    ) -> usize {
        if let Some(operational) = self.operational {
            return operational;
        }
        let program = self.ensure_program(ctx, draft, objective, place);
        let program_node = &mut draft.strategic(objective).programs[program];
        let mut node = Node::new(program_node.node.name.clone(), place);
        node.comments.push(msg!("import-comment-no-operational").render(ctx.lang));
        program_node.objectives.push(Operational { node, indicators: Vec::new() });
        self.operational = Some(program_node.objectives.len() - 1);
        let message = msg!("import-indicator-without-operational").message("place", ctx.input.row_name(place));
        let help = msg!("import-indicator-without-operational-help");
        ctx.report(Code::ImportUnplacedContent, place, message, Some(help));
        self.operational.expect("just set")
    }

    fn deepest_level(&self) -> Level {
        if self.operational.is_some() {
            Level::OperationalObjective
        } else if self.program.is_some() {
            Level::Program
        } else {
            Level::StrategicObjective
        }
    }

    /// The deepest node the cursor is on: operational objective, program or strategic objective.
    fn deepest<'d>(&self, draft: &'d mut Draft) -> Option<&'d mut Node> {
        let objective = draft.strategic(self.objective?);
        match (self.program, self.operational) {
            (Some(p), Some(o)) => Some(&mut objective.programs[p].objectives[o].node),
            (Some(p), None) => Some(&mut objective.programs[p].node),
            _ => Some(&mut objective.node),
        }
    }

    /// The indicator (or the two indicators) of a row.
    fn indicators(&mut self, ctx: &mut Context<'_>, fields: &Fields<'_>, name: &Cell, place: Place) -> Vec<Indicator> {
        let at = |cell: &Cell| Place { column: cell.column, ..place };
        let mention = |cell: Option<&Cell>, text: Option<&str>| {
            cell.map(|c| Mention { text: text.unwrap_or(&c.text).to_owned(), place: at(c) })
                .into_iter()
                .collect::<Vec<_>>()
        };
        let new = |text: &str| Indicator { node: Node::new(text, at(name)), ..Indicator::default() };
        let target_text = fields.target.map(|c| c.text.as_str());
        let Some((first, second)) = target_text.and_then(two_targets) else {
            let mut indicator = new(&name.text);
            indicator.services = mention(fields.services, None);
            indicator.areas = mention(fields.area, None);
            if let Some(cell) = fields.target {
                match checked_target(&cell.text) {
                    Ok(_) => indicator.target = Some(cell.text.clone()),
                    Err(reason) => {
                        let where_ = ctx.input.cell_name(at(cell), Some(Role::Target.heading()));
                        let note = msg!("import-note-target", text = &cell.text).message("place", where_.clone());
                        indicator.node.notes.push(note.render(ctx.lang));
                        let message = msg!("import-target-not-in-notation", target = &cell.text)
                            .message("place", where_)
                            .message("reason", reason);
                        let help = crate::target::accepted_forms();
                        ctx.report(Code::ImportUnplacedContent, at(cell), message, Some(help));
                    }
                }
            }
            return vec![indicator];
        };
        let target_cell = fields.target.expect("two targets come from the target cell");
        let where_ = ctx.input.row_name(place);
        let services = fields.services.map(|c| halves(&c.text));
        let areas = fields.area.map(|c| halves(&c.text));
        let names = sentences(&name.text);
        let mut pair = Vec::new();
        for (index, target) in [&first, &second].into_iter().enumerate() {
            let text = match &names {
                Some((a, b)) => {
                    if index == 0 {
                        a.clone()
                    } else {
                        b.clone()
                    }
                }
                None => name.text.clone(),
            };
            let mut indicator = new(&text);
            indicator.target = Some(target.clone());
            indicator.services = mention(
                fields.services,
                services.as_ref().map(|(a, b)| if index == 0 { a.as_str() } else { b.as_str() }),
            );
            indicator.areas =
                mention(fields.area, areas.as_ref().map(|(a, b)| if index == 0 { a.as_str() } else { b.as_str() }));
            pair.push(indicator);
        }
        let lang = ctx.lang;
        let cell = |cell: Option<&Cell>, id: &'static str| {
            cell.map(|c| Message::new(id).arg("text", &c.text).render(lang)).unwrap_or_default()
        };
        let source = msg!("import-comment-pair-source", name = &name.text, target = &target_cell.text).render(lang)
            + &cell(fields.services, "import-comment-pair-services")
            + &cell(fields.area, "import-comment-pair-area");
        let how =
            if names.is_some() { msg!("import-comment-pair-split") } else { msg!("import-comment-pair-not-split") };
        let comment =
            msg!("import-comment-two-indicators", source = source).message("place", where_.clone()).message("how", how);
        pair[0].node.comments.push(capitalise(&comment.render(lang)));
        pair[1]
            .node
            .comments
            .push(msg!("import-comment-second-indicator").message("place", where_.clone()).render(lang));
        let message = if names.is_some() {
            msg!("import-merged-indicators", first = first, second = second)
        } else {
            msg!("import-merged-indicators-unsplit", first = first, second = second)
        };
        let message = message.message("place", where_);
        ctx.report(Code::ImportMergedIndicators, at(target_cell), message, Some(msg!("import-merged-indicators-help")));
        pair
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether a cell can anchor a shifted row: a target, but not a bare plain number (an area
/// written `1` would look like one) nor a lone `sì`/`no`.
fn anchors(text: &str) -> bool {
    match checked_target(text) {
        Ok(Target::Compare { comparator: None, quantity }) => quantity.suffix != crate::target::Suffix::None,
        Ok(Target::YesNo(_)) => text.split_whitespace().count() > 1,
        Ok(_) => true,
        Err(_) => false,
    }
}

/// Realigns a shifted row (see the module docs); returns the fields and, when the row was
/// moved, what was wrong with it.
fn realign<'r>(row: &'r Row, map: &ColumnMap, fields: Fields<'r>) -> (Fields<'r>, Option<Message>) {
    let target_column = map.column(Role::Target);
    let target_ok =
        fields.target.is_some_and(|cell| checked_target(&cell.text).is_ok() || two_targets(&cell.text).is_some());
    if target_ok {
        return (fields, None);
    }
    let Some(anchor) = row.cells.iter().find(|cell| Some(cell.column) != target_column && anchors(&cell.text)) else {
        return (fields, None);
    };
    let indicator_column = map.column(Role::Indicator).unwrap_or(0);
    let before: Vec<&Cell> = row.cells.iter().filter(|c| c.column < anchor.column).collect();
    let mut realigned = Fields { target: Some(anchor), ..Fields::default() };
    if indicator_column < anchor.column && row.cell(indicator_column).is_some() {
        for cell in before {
            match map.role(cell.column) {
                Some(role @ (Role::Strategic | Role::Program | Role::Operational | Role::Indicator)) => {
                    *realigned.slot(role) = Some(cell);
                }
                _ => realigned.rest.push(cell),
            }
        }
    } else {
        let roles = [Role::Indicator, Role::Operational, Role::Program, Role::Strategic];
        let mut text_cells = before.into_iter().rev();
        for role in roles {
            match text_cells.next() {
                Some(cell) => *realigned.slot(role) = Some(cell),
                None => break,
            }
        }
        realigned.rest.extend(text_cells);
    }
    let mut after = row.cells.iter().filter(|c| c.column > anchor.column);
    realigned.services = after.next();
    realigned.area = after.next();
    realigned.rest.extend(after);
    let heading = |column: u32| map.role(column).map(|r| format!(" ({})", r.heading())).unwrap_or_default();
    let letters = super::grid::column_letters;
    let target = match target_column {
        Some(expected) => msg!("import-shift-target", expected = letters(expected)),
        None => msg!("import-shift-target-no-column"),
    };
    let mut parts = vec![
        target.arg("target", &anchor.text).arg("column", letters(anchor.column)).arg("heading", heading(anchor.column)),
    ];
    let moved = [
        (realigned.indicator, Role::Indicator, Level::Indicator),
        (realigned.operational, Role::Operational, Level::OperationalObjective),
        (realigned.program, Role::Program, Level::Program),
    ];
    for (cell, role, level) in moved {
        if let Some(cell) = cell
            && Some(cell.column) != map.column(role)
        {
            let column = letters(cell.column);
            parts.push(msg!(
                "import-shift-moved",
                level = level.key(),
                column = column,
                heading = heading(cell.column)
            ));
        }
    }
    (realigned, Some(msg!("import-shift").list("parts", parts)))
}

/// A target cell holding two targets separated by a space (`>1 90%`), when the whole is not
/// one target.
fn two_targets(text: &str) -> Option<(String, String)> {
    if checked_target(text).is_ok() {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let splits: Vec<(String, String)> = (1..words.len())
        .map(|at| (words[..at].join(" "), words[at..].join(" ")))
        .filter(|(a, b)| checked_target(a).is_ok() && checked_target(b).is_ok())
        .collect();
    match splits.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// A cell written twice over (`I I`, `Servizio X Servizio X`), or two parts (`A/B`, `I II`):
/// its two halves; otherwise the whole, for both.
fn halves(text: &str) -> (String, String) {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len().is_multiple_of(2) && words[..words.len() / 2] == words[words.len() / 2..] {
        let half = words[..words.len() / 2].join(" ");
        return (half.clone(), half);
    }
    if let [a, b] = text.split('/').map(str::trim).collect::<Vec<_>>().as_slice() {
        return ((*a).to_owned(), (*b).to_owned());
    }
    if let [a, b] = words.as_slice() {
        return ((*a).to_owned(), (*b).to_owned());
    }
    (text.to_owned(), text.to_owned())
}

/// Splits a text where a second sentence starts: after `)`, `.` or `;`, a capitalised word
/// (`... (n. anno x/n. anno x-1) Utilizzo risorse ...`). Only when there is exactly one such
/// place.
fn sentences(text: &str) -> Option<(String, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut places = Vec::new();
    for window in chars.windows(4) {
        let [(_, before), (_, space), (at, first), (_, second)] = window else { continue };
        if matches!(before, ')' | '.' | ';') && *space == ' ' && first.is_uppercase() && second.is_lowercase() {
            places.push(*at);
        }
    }
    match places.as_slice() {
        [at] => Some((text[..*at].trim_end().to_owned(), text[*at..].to_owned())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row { number: 152, cells: cells.iter().zip(1..).filter_map(|(t, c)| Cell::new(c, t, None)).collect() }
    }

    fn texts(fields: &Fields<'_>) -> [String; 7] {
        let t = |c: Option<&Cell>| c.map(|c| c.text.clone()).unwrap_or_default();
        [
            t(fields.strategic),
            t(fields.program),
            t(fields.operational),
            t(fields.indicator),
            t(fields.target),
            t(fields.services),
            t(fields.area),
        ]
    }

    #[test]
    fn a_target_one_column_right_is_moved_back() {
        let r = row(&[
            "",
            "",
            "Rilevazione customer",
            "Coordinamento rilevazione",
            "",
            "31/12/2019",
            "Controllo Gestione",
            "SG",
        ]);
        let map = ColumnMap::standard();
        let (fields, shift) = realign(&r, &map, Fields::of(&r, &map));
        assert!(shift.is_some());
        assert_eq!(
            texts(&fields),
            ["", "", "Rilevazione customer", "Coordinamento rilevazione", "31/12/2019", "Controllo Gestione", "SG"]
        );
    }

    #[test]
    fn a_row_shifted_left_is_read_from_its_target() {
        let map = ColumnMap::standard();
        let r = row(&[
            "Monitoraggio indicatori (in Allegato)",
            "Monitoraggio (panel)",
            "",
            "31/12/2019",
            "Controllo Gestione",
            "SG",
        ]);
        let (fields, _) = realign(&r, &map, Fields::of(&r, &map));
        assert_eq!(
            texts(&fields),
            [
                "",
                "",
                "Monitoraggio indicatori (in Allegato)",
                "Monitoraggio (panel)",
                "31/12/2019",
                "Controllo Gestione",
                "SG"
            ]
        );
        let r = row(&["Manuale orario di lavoro", "30/06/2019", "", "Staff", "SG"]);
        let (fields, _) = realign(&r, &map, Fields::of(&r, &map));
        assert_eq!(texts(&fields), ["", "", "", "Manuale orario di lavoro", "30/06/2019", "Staff", "SG"]);
    }

    #[test]
    fn rows_in_place_and_rows_without_target_are_left_alone() {
        let map = ColumnMap::standard();
        let r = row(&["3. Promozione", "Area di crisi", "", "", "", "Promozione", "III"]);
        assert!(realign(&r, &map, Fields::of(&r, &map)).1.is_none());
        let r = row(&["", "", "Obiettivo", "Indicatore", "", "Staff", "1"]);
        assert!(realign(&r, &map, Fields::of(&r, &map)).1.is_none(), "an area `1` is no target");
    }

    #[test]
    fn two_indicators_in_one_row() {
        assert_eq!(two_targets(">1 90%"), Some((">1".into(), "90%".into())));
        assert_eq!(two_targets("< 20%"), None);
        assert_eq!(two_targets("Anno di rilevazione"), None);
        assert_eq!(halves("I I"), ("I".into(), "I".into()));
        assert_eq!(
            halves("Servizio Innovazione Digitalizzazione Servizio Innovazione Digitalizzazione"),
            ("Servizio Innovazione Digitalizzazione".into(), "Servizio Innovazione Digitalizzazione".into())
        );
        assert_eq!(halves("Legale"), ("Legale".into(), "Legale".into()));
        assert_eq!(
            sentences(
                "Incremento rilascio SPID, cassetto digitale (n. anno x/n. anno x-1) Utilizzo risorse Bando voucher contributi Impresa 4.0 - Anno 2019"
            ),
            Some((
                "Incremento rilascio SPID, cassetto digitale (n. anno x/n. anno x-1)".into(),
                "Utilizzo risorse Bando voucher contributi Impresa 4.0 - Anno 2019".into()
            ))
        );
        assert_eq!(sentences("Tempo medio d'istruttoria per la concessione"), None);
    }
}
