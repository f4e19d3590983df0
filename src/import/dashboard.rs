//! The strategic dashboard ("cruscotto strategico"): mission headings, objective headings with
//! their year columns, and under each objective its indicator rows: the indicator in the first
//! column, one target per year column, and a trailing notes column for revision notes.
//!
//! ```text
//! 011_ Competitività delle Imprese
//! 1. Semplificazione Amministrativa ...   2016  2017   2018   2019   2020
//! n° fascicoli d'impresa creati/...              100%   100%   100%   100%
//! n° progetti approvati/...                      5      10%    10%    10%    Aggiornato in sede di rolling ...
//! ```

use crate::diagnostic::Code;
use crate::msg;

use super::draft::{Context, Draft, Indicator, Node};
use super::grid::{Place, Row};
use super::resolve::{checked_target, same_name};

/// Where the dashboard's walk is.
#[derive(Debug, Default)]
pub(crate) struct Dashboard {
    mission: Option<usize>,
    objective: Option<(usize, usize)>,
    /// The current objective's year columns: (column, year).
    years: Vec<(u32, i32)>,
}

impl Dashboard {
    pub(crate) fn mission(&mut self, ctx: &mut Context<'_>, draft: &mut Draft, code: &str, name: &str, place: Place) {
        let index = match draft.mission(code) {
            Some(index) => {
                let kept = draft.missions[index].node.name.clone();
                if !same_name(&kept, name) {
                    let message = msg!("import-mission-variant", code = code, name = name, kept = kept);
                    ctx.report(Code::ImportNameVariant, place, message, Some(msg!("import-mission-variant-help")));
                }
                index
            }
            None => draft.add_mission(code, name, place),
        };
        self.mission = Some(index);
        self.objective = None;
    }

    pub(crate) fn objective(
        &mut self,
        ctx: &mut Context<'_>,
        draft: &mut Draft,
        number: u32,
        name: &str,
        years: &[(u32, i32)],
        place: Place,
    ) {
        draft.hints.dashboard_years.extend(years.iter().map(|(_, year)| *year));
        self.years = years.to_vec();
        if let Some(existing) = draft.objective(number)
            && same_name(&draft.strategic(existing).node.name, name)
        {
            self.objective = Some(existing);
            return;
        }
        let mission = match self.mission {
            Some(mission) => mission,
            None => missing_mission(ctx, draft, number, place),
        };
        self.objective = Some(draft.add_objective(mission, number, name, place));
    }

    /// An indicator row: the name before the year columns, the targets in them, notes after.
    pub(crate) fn indicator(&mut self, ctx: &mut Context<'_>, draft: &mut Draft, row: &Row, place: Place) {
        let Some(objective) = self.objective else {
            let help = msg!("import-no-objective-help");
            ctx.keep_row_in_plan_notes(draft, row, place, "no-objective", help);
            return;
        };
        let first_year = self.years.first().map_or(u32::MAX, |(column, _)| *column);
        let last_year = self.years.last().map_or(0, |(column, _)| *column);
        let mut indicator = Indicator::default();
        let mut extra_names = Vec::new();
        let mut notes_cells = Vec::new();
        for cell in &row.cells {
            let cell_place = Place { column: cell.column, ..place };
            if cell.column < first_year {
                if indicator.node.name.is_empty() {
                    indicator.node = Node::new(cell.text.clone(), place);
                } else {
                    extra_names.push(cell);
                }
            } else if let Some((_, year)) = self.years.iter().find(|(column, _)| *column == cell.column) {
                match checked_target(&cell.text) {
                    Ok(_) => indicator.targets.push((*year, cell.text.clone())),
                    Err(reason) => {
                        let heading = year.to_string();
                        let where_ = ctx.input.cell_name(cell_place, Some(&heading));
                        let note = msg!("import-note-year-target", year = year, text = &cell.text)
                            .message("place", where_.clone());
                        indicator.node.notes.push(note.render(ctx.lang));
                        let message = msg!("import-target-not-in-notation", target = &cell.text)
                            .message("place", where_)
                            .message("reason", reason);
                        let help = crate::target::accepted_forms();
                        ctx.report(Code::ImportUnplacedContent, cell_place, message, Some(help));
                    }
                }
            } else if cell.column > last_year {
                notes_cells.push(cell);
            } else {
                extra_names.push(cell);
            }
        }
        if indicator.node.name.is_empty() {
            let first = row.cells[0].column;
            let where_ = ctx.input.row_name(place);
            let message = msg!("import-indicator-without-text").message("place", where_.clone());
            let help = msg!("import-indicator-without-text-help");
            ctx.report(Code::ImportUnplacedContent, Place { column: first, ..place }, message, Some(help));
            let name = msg!("import-name-unnamed-indicator").message("place", where_.clone());
            indicator.node = Node::new(name.render(ctx.lang), place);
        }
        for cell in extra_names {
            let cell_place = Place { column: cell.column, ..place };
            let where_ = ctx.input.cell_name(cell_place, None);
            indicator
                .node
                .notes
                .push(msg!("import-note-cell", text = &cell.text).message("place", where_.clone()).render(ctx.lang));
            let message = msg!("import-extra-cell").message("place", where_);
            ctx.report(Code::ImportUnplacedContent, cell_place, message, None);
        }
        for cell in notes_cells {
            let cell_place = Place { column: cell.column, ..place };
            match super::notes::revision(&cell.text) {
                Some(revision) => indicator.node.revisions.push(revision),
                None => {
                    indicator.node.notes.push(cell.text.clone());
                    let where_ = ctx.input.cell_name(cell_place, Some("notes"));
                    let message = msg!("import-not-a-revision-note", node = "indicator").message("place", where_);
                    ctx.report(Code::ImportUnplacedContent, cell_place, message, None);
                }
            }
        }
        draft.strategic(objective).indicators.push(indicator);
    }

    /// The objective the walk is under.
    pub(crate) fn current_objective(&self) -> Option<(usize, usize)> {
        self.objective
    }
}

/// An objective heading with no mission above it: a mission `000` is made for it.
pub(crate) fn missing_mission(ctx: &mut Context<'_>, draft: &mut Draft, number: u32, place: Place) -> usize {
    if let Some(index) = draft.mission("000") {
        return index;
    }
    let message = msg!("import-objective-without-mission", number = number);
    ctx.report(Code::ImportUnplacedContent, place, message, Some(msg!("import-objective-without-mission-help")));
    let index = draft.add_mission("000", "Missione non indicata", place);
    draft.missions[index].node.comments.push(msg!("import-comment-no-mission").render(ctx.lang));
    index
}
